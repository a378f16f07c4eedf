//! The interface language: `?lang=en|zh` in the address (embeds keep theirs), else the
//! person's last choice (localStorage), else 简体中文. Switching stores the choice, sets
//! `<html lang>` and the page title, and re-renders every view in the new language.

use gongkai_model::i18n::{self, Lang};
use yew::prelude::*;

const STORAGE_KEY: &str = "gongkai:lang";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The language asked for by the address or remembered from last time.
pub fn initial_lang() -> Lang {
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

/// Makes `lang` the language of the page (thread-local for `tr!`, `<html lang>`, title).
pub fn apply(lang: Lang) {
    i18n::set_lang(lang);
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        if let Some(root) = doc.document_element() {
            let _ = root.set_attribute("lang", lang.code());
        }
        doc.set_title(gongkai_model::tr!("app.title"));
    }
}

/// The current language and a callback that switches to another one (and remembers it).
#[hook]
pub fn use_lang() -> (Lang, Callback<Lang>) {
    // main() applied `initial_lang()` before the app mounted (load errors are worded in it).
    let lang = use_state(i18n::lang);
    // Set before the children render, on every render of the app.
    i18n::set_lang(*lang);
    let switch = {
        let lang = lang.clone();
        Callback::from(move |next: Lang| {
            if let Some(s) = storage() {
                let _ = s.set_item(STORAGE_KEY, next.code());
            }
            apply(next);
            lang.set(next);
        })
    };
    (*lang, switch)
}
