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

use crate::browser;

/// The page's own absolute URL without query or fragment ("https://x.gov.cn/budget/en/").
fn page_url() -> Option<String> {
    Some(format!("{}{}", browser::origin()?, browser::pathname()?))
}

/// The path of the absolute URL `url_without_query` relative to the site root, decoded ("en/a/x/");
/// `None` outside the site (or outside the browser, which has no site root).
fn relative_to_root(url_without_query: &str) -> Option<String> {
    // The site root as the page names it (`<base href>`), e.g. "https://x.gov.cn/budget/".
    let root = browser::base_uri()?;
    let root = root.split(['?', '#']).next().unwrap_or_default();
    // The root's own folder: "…/budget/" of "…/budget/index.html".
    let root = &root[..root.rfind('/').map_or(root.len(), |i| i + 1)];
    let rel = url_without_query.strip_prefix(root)?;
    browser::decode_uri_component(rel)
}

/// The address of the page the browser shows, relative to the site root; `None` outside the
/// browser or on a page that is not one of the viewer's.
pub fn here() -> Option<Address> {
    let url = page_url()?;
    address_of(&url, &current_hash())
}

/// The path of the page the browser shows relative to the site root ("en/a/x/"), decoded;
/// `None` outside the browser or outside the site.
pub fn here_relative() -> Option<String> {
    relative_to_root(&page_url()?)
}

/// The viewer address of an absolute URL (no query) under the site root.
fn address_of(url_without_query: &str, hash: &str) -> Option<Address> {
    Address::parse(&relative_to_root(url_without_query)?, hash)
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
    let changes: Vec<(&str, Option<&str>)> = dropped.iter().map(|name| (*name, None)).collect();
    browser::query_with(&changes)
}

/// The address's parameter holding a search's query (`?q=农村`): a search shared as a link, sent
/// by a form, or handed from the site-wide search to one bundle's search.
pub const SEARCH_PARAM: &str = "q";

/// The search query of the page's address (`?q=`), `None` when absent or blank.
pub fn search_param() -> Option<String> {
    browser::query_param(SEARCH_PARAM).filter(|q| !q.trim().is_empty())
}

/// Writes `query` into the page's address (`?q=`, removed when blank) in place, keeping the path,
/// the other parameters and the fragment, so the results can be shared and survive a reload.
pub fn remember_search(query: &str) {
    let Some(path) = browser::pathname() else {
        return;
    };
    let value = Some(query.trim()).filter(|q| !q.is_empty());
    let q = browser::query_with(&[(SEARCH_PARAM, value)]);
    replace(&format!("{path}{q}{}", current_hash()));
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
    browser::hash().unwrap_or_default()
}

/// A route typed as an old hash address ("#/performance/3") into the address bar of a loaded
/// page; `None` for other hashes (an anchor such as "#check-2").
pub fn old_hash_route(hash: &str) -> Option<Route> {
    hash.starts_with("#/").then(|| Route::from_hash(hash))
}

/// Adds a history entry for `href` (relative to the site root) without loading it.
pub fn push(href: &str) {
    browser::push_state(href);
}

/// Replaces the current history entry's address with `href` (relative to the site root).
pub fn replace(href: &str) {
    browser::replace_state(href);
}

/// The route a click on `anchor` leads to when the app can show it in place: a link in the
/// same window to a page of the current bundle and language (`base`) with the same query, whose
/// view this build of the app holds ([`holds`]). `None`: let the browser follow it. (Only the
/// browser has anchors to click.)
pub fn in_app_target(anchor: &web_sys::HtmlAnchorElement, base: &LinkBase) -> Option<Route> {
    if !anchor.target().is_empty() || anchor.has_attribute("download") {
        return None;
    }
    if anchor.origin() != browser::origin()? {
        return None;
    }
    if anchor.search() != base.query {
        return None;
    }
    // A bundle without pages: its views are hash addresses.
    if base.hash {
        return old_hash_route(&anchor.hash()).filter(holds);
    }
    let url = format!("{}{}", anchor.origin(), anchor.pathname());
    let to = address_of(&url, &anchor.hash())?;
    let here_prefix = format!("{}{}", base.lang, base.bundle);
    (to.prefix() == here_prefix && holds(&to.route)).then_some(to.route)
}

/// Whether this build of the app shows `route` in place: the full app every route, the
/// first-view module (built without the feature `full`) those of [`Route::in_first_view`].
pub fn holds(route: &Route) -> bool {
    cfg!(feature = "full") || route.in_first_view()
}
