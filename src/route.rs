//! Routes in the browser. Every view is a page of its own (see `gongkai_model::route` for the
//! addresses); the app reads the page's address from the URL relative to the site root
//! (`document.baseURI`, which every page sets with `<base href>`), follows links inside its
//! bundle and language without reloading (history entries like followed links), and answers the
//! back and forward buttons. Old `#/…` addresses are turned into pages by static/boot.js before
//! the app runs (and by [`old_hash_route`] when one is typed later).

pub use gongkai_model::route::{Address, LinkBase, Route};
use yew::prelude::*;

/// What links are written against on this page (the folders of its language and bundle, the
/// query links keep): the context `App` provides; the site root's, without query, outside it.
#[hook]
pub fn use_link_base() -> LinkBase {
    use_context::<LinkBase>().unwrap_or_default()
}

/// Going to a route of the current bundle and language in place (chart drill-down, Escape, the
/// kiosk tour): provided by the app's route scope with the links' base and the callback that
/// shows a route.
#[derive(Clone, PartialEq, Default)]
pub struct Navigator {
    pub base: LinkBase,
    show: Callback<Route>,
}

impl Navigator {
    /// A navigator writing addresses against `base` and showing routes with `show`.
    pub fn new(base: LinkBase, show: Callback<Route>) -> Navigator {
        Navigator { base, show }
    }
    /// Goes to `route`: a history entry with its address (so the back button and shared links
    /// follow) and the view shown at once, in this task.
    pub fn go(&self, route: Route) {
        push(&self.base.href(route.clone()));
        self.show.emit(route);
    }
}

/// The app's [`Navigator`] (one that goes nowhere outside the app).
#[hook]
pub fn use_navigator() -> Navigator {
    use_context::<Navigator>().unwrap_or_default()
}

/// The site root as the page names it (`<base href>`), e.g. "https://x.gov.cn/budget/".
#[cfg(target_arch = "wasm32")]
fn root() -> Option<String> {
    let doc = web_sys::window()?.document()?;
    doc.base_uri().ok().flatten()
}

/// The address of the page the browser shows, relative to the site root; `None` outside the
/// browser or on a page that is not one of the viewer's.
pub fn here() -> Option<Address> {
    #[cfg(target_arch = "wasm32")]
    {
        let loc = web_sys::window()?.location();
        let url = format!("{}{}", loc.origin().ok()?, loc.pathname().ok()?);
        let hash = loc.hash().unwrap_or_default();
        address_of(&url, &hash)
    }
    #[cfg(not(target_arch = "wasm32"))]
    None
}

/// The path of the page the browser shows relative to the site root ("en/a/x/"), decoded;
/// `None` outside the browser or outside the site.
pub fn here_relative() -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        let loc = web_sys::window()?.location();
        let url = format!("{}{}", loc.origin().ok()?, loc.pathname().ok()?);
        let root = root()?;
        let root = root.split(['?', '#']).next().unwrap_or_default();
        let root = &root[..root.rfind('/').map_or(root.len(), |i| i + 1)];
        let rel = url.strip_prefix(root)?;
        js_sys::decode_uri_component(rel).ok().map(String::from)
    }
    #[cfg(not(target_arch = "wasm32"))]
    None
}

/// The viewer address of an absolute URL (no query) under the site root.
#[cfg(target_arch = "wasm32")]
fn address_of(url_without_query: &str, hash: &str) -> Option<Address> {
    let root = root()?;
    let root = root.split(['?', '#']).next().unwrap_or_default();
    // The root's own folder: "…/budget/" of "…/budget/index.html".
    let root = &root[..root.rfind('/').map_or(root.len(), |i| i + 1)];
    let rel = url_without_query.strip_prefix(root)?;
    let rel = js_sys::decode_uri_component(rel).ok().map(String::from)?;
    Address::parse(&rel, hash)
}

/// The query string links keep ("?embed=1&bundle=…"): the page's own, without `lang` (the
/// language is the page's folder), without `q` (a search's query belongs to its search page) and,
/// when `drop_bundle`, without `bundle` (the bundle has a folder of its own).
pub fn kept_query(drop_bundle: bool) -> String {
    if drop_bundle {
        query_without(&["lang", SEARCH_PARAM, "bundle"])
    } else {
        query_without(&["lang", SEARCH_PARAM])
    }
}

/// The page's own query string for the same page in another language: all of it but `lang`
/// (a search keeps its `q`).
pub fn page_query() -> String {
    query_without(&["lang"])
}

/// The page's query string ("?a=1&b=2", or "") without the parameters `dropped`.
fn query_without(dropped: &[&str]) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        let search = web_sys::window()
            .and_then(|w| w.location().search().ok())
            .unwrap_or_default();
        let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) else {
            return String::new();
        };
        for name in dropped {
            params.delete(name);
        }
        let q = String::from(params.to_string());
        if q.is_empty() {
            q
        } else {
            format!("?{q}")
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = dropped;
        String::new()
    }
}

/// The address's parameter holding a search's query (`?q=农村`): a search shared as a link, sent
/// by a form, or handed from the site-wide search to one bundle's search.
pub const SEARCH_PARAM: &str = "q";

/// The search query of the page's address (`?q=`), `None` when absent or blank.
pub fn search_param() -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        let search = web_sys::window()?.location().search().ok()?;
        let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
        params.get(SEARCH_PARAM).filter(|q| !q.trim().is_empty())
    }
    #[cfg(not(target_arch = "wasm32"))]
    None
}

/// Writes `query` into the page's address (`?q=`, removed when blank) in place, keeping the path,
/// the other parameters and the fragment, so the results can be shared and survive a reload.
pub fn remember_search(query: &str) {
    #[cfg(target_arch = "wasm32")]
    {
        let Some(loc) = web_sys::window().map(|w| w.location()) else {
            return;
        };
        let search = loc.search().unwrap_or_default();
        let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) else {
            return;
        };
        if query.trim().is_empty() {
            params.delete(SEARCH_PARAM);
        } else {
            params.set(SEARCH_PARAM, query.trim());
        }
        let params = String::from(params.to_string());
        let path = loc.pathname().unwrap_or_default();
        let hash = loc.hash().unwrap_or_default();
        let q = if params.is_empty() {
            String::new()
        } else {
            format!("?{params}")
        };
        replace(&format!("{path}{q}{hash}"));
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = query;
}

/// `query` as the value of a URL parameter (percent-encoded UTF-8; letters, digits and `-_.~`
/// kept).
pub fn encode_param(query: &str) -> String {
    let mut out = String::new();
    for b in query.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The page address's fragment ("#/duties", "#check-2", "").
pub fn current_hash() -> String {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .unwrap_or_default()
    }
    #[cfg(not(target_arch = "wasm32"))]
    String::new()
}

/// A route typed as an old hash address ("#/performance/3") into the address bar of a loaded
/// page; `None` for other hashes (an anchor such as "#check-2").
pub fn old_hash_route(hash: &str) -> Option<Route> {
    hash.starts_with("#/").then(|| Route::from_hash(hash))
}

/// Adds a history entry for `href` (relative to the site root) without loading it.
pub fn push(href: &str) {
    #[cfg(target_arch = "wasm32")]
    if let Some(w) = web_sys::window() {
        let pushed = w
            .history()
            .and_then(|h| h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href)));
        if pushed.is_err() {
            let _ = w.location().set_href(href);
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = href;
}

/// Replaces the current history entry's address with `href` (relative to the site root).
pub fn replace(href: &str) {
    #[cfg(target_arch = "wasm32")]
    if let Some(h) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href));
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = href;
}

/// The route a click on `anchor` leads to when the app can show it in place: a link in the
/// same window to a page of the current bundle and language (`base`) with the same query.
/// `None`: let the browser follow it.
#[cfg(target_arch = "wasm32")]
pub fn in_app_target(anchor: &web_sys::HtmlAnchorElement, base: &LinkBase) -> Option<Route> {
    if !anchor.target().is_empty() || anchor.has_attribute("download") {
        return None;
    }
    let loc = web_sys::window()?.location();
    if anchor.origin() != loc.origin().ok()? {
        return None;
    }
    if anchor.search() != base.query {
        return None;
    }
    // A bundle without pages: its views are hash addresses.
    if base.hash {
        return old_hash_route(&anchor.hash());
    }
    let url = format!("{}{}", anchor.origin(), anchor.pathname());
    let to = address_of(&url, &anchor.hash())?;
    let here_prefix = format!("{}{}", base.lang, base.bundle);
    (to.prefix() == here_prefix).then_some(to.route)
}
