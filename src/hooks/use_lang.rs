//! The interface language: the page's own (English pages are under `en/`); `?lang=en|zh` and
//! the person's last choice (localStorage) choose the page in static/boot.js before the app
//! runs, and decide alone where the address is not one of the site's pages (a local file in
//! development). Switching stores the choice, moves the address to the page in the other
//! language, sets `<html lang>` and the title, and re-renders every view in it.
//!
//! The language reaches the views as a context ([`LangCtx`], provided by `App` and `SiteApp`
//! from their props: the page's language, or the build's for the page it renders); views read
//! it with [`use_lang`] and pass it to the model's functions.

use gongkai_model::i18n::Lang;
use yew::prelude::*;

/// The interface language as the app provides it to its views, and the way to switch it.
#[derive(Clone, PartialEq)]
pub struct LangCtx {
    pub lang: Lang,
    pub switch: Callback<Lang>,
}

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
    Lang::default()
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

/// Makes `lang` the language of the document (`<html lang>`, title).
pub fn apply(lang: Lang) {
    #[cfg(not(target_arch = "wasm32"))]
    let _ = lang;
    #[cfg(target_arch = "wasm32")]
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        if let Some(root) = doc.document_element() {
            let _ = root.set_attribute("lang", lang.code());
        }
        doc.set_title(gongkai_model::tr!(lang, "app.title"));
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

/// The language the views render in: the context's ([`LangCtx`]); Chinese outside any app.
#[hook]
pub fn use_lang() -> Lang {
    use_context::<LangCtx>().map_or_else(Lang::default, |c| c.lang)
}

/// Switches the language (see [`use_lang_state`]); does nothing outside an app.
#[hook]
pub fn use_lang_switch() -> Callback<Lang> {
    use_context::<LangCtx>().map_or_else(Callback::noop, |c| c.switch)
}

/// The state behind [`LangCtx`], for the component that provides it (`App`, `SiteApp`):
/// `initial` is the page's language; switching stores the choice, moves the address to the page
/// in the other language and re-renders in it.
#[hook]
pub fn use_lang_state(initial: Lang) -> LangCtx {
    let lang = use_state(|| initial);
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
    LangCtx { lang: *lang, switch }
}
