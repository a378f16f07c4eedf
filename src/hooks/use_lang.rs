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

/// Where the person's choice is remembered (localStorage; static/boot.js reads the same key).
const STORAGE_KEY: &str = "gongkai:lang";

/// The language of this page: its address's (`en/…`), else `?lang=`, else the person's last
/// choice, else Chinese (outside the browser: Chinese; the build passes each page's own).
pub fn initial_lang() -> Lang {
    crate::route::here()
        .map(|a| a.lang)
        .or_else(|| crate::browser::query_param("lang").and_then(|l| Lang::parse(&l)))
        .or_else(|| crate::browser::stored(STORAGE_KEY).and_then(|l| Lang::parse(&l)))
        .unwrap_or_default()
}

/// Sets the document's title (in the browser; the build writes each page's own).
pub fn set_title(title: &str) {
    crate::browser::set_title(title);
}

/// Makes `lang` the language of the document (`<html lang>`, title).
pub fn apply(lang: Lang) {
    crate::browser::set_root_attribute("lang", lang.code());
    crate::browser::set_title(gongkai_model::tr!(lang, "app.title"));
}

/// Moves the address to the same page in `lang` (the current history entry: a language is not
/// a place to go back from).
fn follow_in_address(lang: Lang) {
    let Some(mut a) = crate::route::here() else { return };
    a.lang = lang;
    let hash = crate::browser::hash().unwrap_or_default();
    let path = a.page_path();
    let path = if path.is_empty() { "./".to_string() } else { path };
    let query = crate::route::page_query();
    crate::route::replace(&format!("{path}{query}{hash}"));
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
            crate::browser::store(STORAGE_KEY, next.code());
            apply(next);
            follow_in_address(next);
            lang.set(next);
        })
    };
    LangCtx { lang: *lang, switch }
}
