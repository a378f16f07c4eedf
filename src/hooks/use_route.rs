//! The current route: the page's own at first (the build rendered that page, so hydration starts
//! from the same view), then whatever a followed link, the back/forward buttons or
//! [`crate::route::Navigator::go`] (chart drill-down, Escape, kiosk tour) show. The route and
//! the navigator are provided as contexts by the app's route scope.

use crate::route::{LinkBase, Navigator, Route};
use yew::prelude::*;

/// The route of the page the browser shows. The home page of a site with several bundles (no
/// bundle in its address) is the catalog.
pub fn current(many: bool) -> Route {
    // A hash address: a bundle the site has no pages of, or an old link.
    if let Some(r) = crate::route::old_hash_route(&crate::route::current_hash()) {
        return r;
    }
    let Some(a) = crate::route::here() else {
        return Route::Overview;
    };
    let bare = a.bundle.is_none() && crate::hooks::use_bundle::bundle_param().is_none();
    match a.route {
        Route::Overview if many && bare => Route::Catalog,
        r => r,
    }
}

/// The route shown: `initial` (a page rendered at build time) or the browser's page, then
/// following links, history and the returned [`Navigator`] (whose addresses are written against
/// `base`).
#[hook]
pub fn use_route(initial: Option<Route>, many: bool, base: LinkBase) -> (Route, Navigator) {
    let route = use_state_eq(|| initial.unwrap_or_else(|| current(many)));
    // The route last shown, shared by every way in (the state handle's value would be stale).
    let shown = use_mut_ref(|| (*route).clone());
    let show = {
        let route = route.clone();
        use_memo((), move |_| {
            Callback::from(move |next: Route| {
                let page_changed = shown.borrow().page() != next.page();
                if *shown.borrow() != next {
                    *shown.borrow_mut() = next.clone();
                    route.set(next);
                }
                // A new page starts at its top, like a loaded page would.
                if page_changed {
                    if let Some(w) = web_sys::window() {
                        w.scroll_to_with_x_and_y(0.0, 0.0);
                    }
                }
            })
        })
    };
    {
        let show = (*show).clone();
        use_effect_with((many, base.clone()), move |(many, base)| {
            let listeners = listen(show, *many, base.clone());
            move || drop(listeners)
        });
    }
    ((*route).clone(), Navigator::new(base, (*show).clone()))
}

/// Back/forward, old hash addresses typed in, and clicks on links the app can show in place.
fn listen(show: Callback<Route>, many: bool, base: LinkBase) -> Vec<gloo_events::EventListener> {
    use wasm_bindgen::JsCast;
    let on_history = {
        let show = show.clone();
        crate::browser::on_window_event("popstate", move || show.emit(current(many)))
    };
    let on_hash = {
        let show = show.clone();
        let base = base.clone();
        crate::browser::on_window_event("hashchange", move || {
            // An old address typed in: shown, and written as its page's (or kept, for a bundle
            // whose views are hash addresses).
            if let Some(r) = crate::route::old_hash_route(&crate::route::current_hash()) {
                if !base.hash {
                    crate::route::replace(&base.href(r));
                }
            }
            show.emit(current(many));
        })
    };
    let on_click = crate::browser::on_document_click(move |e| {
        if e.default_prevented() || e.button() != 0 || e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key() {
            return;
        }
        let anchor = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("a[href]").ok().flatten())
            .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok());
        let Some(anchor) = anchor else { return };
        if let Some(route) = crate::route::in_app_target(&anchor, &base) {
            e.prevent_default();
            crate::route::push(&anchor.href());
            show.emit(route);
        }
    });
    // Outside the browser there is nothing to listen to: none.
    [on_history, on_hash, on_click].into_iter().flatten().collect()
}
