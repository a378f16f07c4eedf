//! The interface language: the page's own (English pages are under `en/`); `?lang=en|zh` and
//! the person's last choice (localStorage) choose the page in static/boot.js before the app
//! runs, and decide alone where the address is not one of the site's pages (a local file in
//! development). Switching stores the choice, moves the address to the page in the other
//! language, sets `<html lang>` and the title, and re-renders every view in it.

use gongkai_model::i18n::{self, Lang};
use yew::prelude::*;

#[cfg(target_arch = "wasm32")]
const STORAGE_KEY: &str = "gongkai:lang";

#[cfg(target_arch = "wasm32")]
fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The language of this page (the build's language outside the browser).
pub fn initial_lang() -> Lang {
    #[cfg(target_arch = "wasm32")]
    {
        if let Some(a) = crate::route::here() {
            return a.lang;
        }
        let from_url = web_sys::window()
            .and_then(|w| w.location().search().ok())
            .and_then(|s| web_sys::UrlSearchParams::new_with_str(&s).ok())
            .and_then(|p| p.get("lang"))
            .and_then(|l| Lang::parse(&l));
        from_url
            .or_else(|| {
                storage()?
                    .get_item(STORAGE_KEY)
                    .ok()
                    .flatten()
                    .and_then(|l| Lang::parse(&l))
            })
            .unwrap_or_default()
    }
    #[cfg(not(target_arch = "wasm32"))]
    i18n::lang()
}

/// Sets the document's title (in the browser; the build writes each page's own).
pub fn set_title(title: &str) {
    #[cfg(target_arch = "wasm32")]
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        doc.set_title(title);
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = title;
}

/// Makes `lang` the language of the page (thread-local for `tr!`, `<html lang>`, title).
pub fn apply(lang: Lang) {
    i18n::set_lang(lang);
    #[cfg(target_arch = "wasm32")]
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        if let Some(root) = doc.document_element() {
            let _ = root.set_attribute("lang", lang.code());
        }
        doc.set_title(gongkai_model::tr!("app.title"));
    }
}

/// Moves the address to the same page in `lang` (the current history entry: a language is not
/// a place to go back from).
fn follow_in_address(lang: Lang) {
    #[cfg(target_arch = "wasm32")]
    {
        let Some(mut a) = crate::route::here() else { return };
        a.lang = lang;
        let hash = web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .unwrap_or_default();
        let path = a.page_path();
        let path = if path.is_empty() { "./".to_string() } else { path };
        let query = crate::route::page_query();
        crate::route::replace(&format!("{path}{query}{hash}"));
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = lang;
}

/// The current language and a callback that switches to another one (and remembers it).
#[hook]
pub fn use_lang() -> (Lang, Callback<Lang>) {
    // main() applied `initial_lang()` before the app mounted (load errors are worded in it);
    // the build sets each page's language before rendering it.
    let lang = use_state(i18n::lang);
    // Set before the children render, on every render of the app.
    i18n::set_lang(*lang);
    let switch = {
        let lang = lang.clone();
        Callback::from(move |next: Lang| {
            #[cfg(target_arch = "wasm32")]
            if let Some(s) = storage() {
                let _ = s.set_item(STORAGE_KEY, next.code());
            }
            apply(next);
            follow_in_address(next);
            lang.set(next);
        })
    };
    (*lang, switch)
}
