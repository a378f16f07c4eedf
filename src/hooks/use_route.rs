//! The current hash route, updated on `hashchange` (links, back/forward) and at once by
//! [`Route::go`] (chart drill-down, Escape, kiosk tour).

use crate::route::Route;
use gloo_events::EventListener;
use std::cell::RefCell;
use yew::prelude::*;

thread_local! {
    /// Sets the mounted app's route (there is one app per page).
    static SHOW: RefCell<Option<Callback<Route>>> = const { RefCell::new(None) };
}

/// Shows `route` now; the `hashchange` that follows finds it already shown.
pub fn show_now(route: Route) {
    if let Some(show) = SHOW.with(|s| s.borrow().clone()) {
        show.emit(route);
    }
}

fn current() -> Route {
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    Route::from_hash(&hash)
}

/// The route from `location.hash`, re-rendering when it changes.
#[hook]
pub fn use_route() -> Route {
    let route = use_state_eq(current);
    // The route last shown, shared by both ways in (the state handle's value would be stale).
    let shown = use_mut_ref(|| *route);
    {
        let route = route.clone();
        use_effect_with((), move |_| {
            let show = Callback::from(move |next: Route| {
                if *shown.borrow() != next {
                    *shown.borrow_mut() = next;
                    route.set(next);
                    // A new view starts at its top, like a new page would.
                    if let Some(w) = web_sys::window() {
                        w.scroll_to_with_x_and_y(0.0, 0.0);
                    }
                }
            });
            SHOW.with(|s| *s.borrow_mut() = Some(show.clone()));
            let listener =
                web_sys::window().map(|w| EventListener::new(&w, "hashchange", move |_| show.emit(current())));
            move || {
                drop(listener);
                SHOW.with(|s| *s.borrow_mut() = None);
            }
        });
    }
    *route
}
