//! Kiosk mode: after `idle_secs` without a touch, key or pointer, go back to the overview and
//! tour the views, one every `advance_secs`, until someone touches the screen. Also blocks the
//! context menu (long-press on touch screens).

use crate::route::{Navigator, Route};
use gloo_events::{EventListener, EventListenerOptions};
use std::cell::Cell;
use std::rc::Rc;
use yew::prelude::*;

fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Runs the kiosk idle tour while `config` is `Some((idle_secs, advance_secs))`, going from
/// view to view with `nav`.
#[hook]
pub fn use_kiosk(config: Option<(u32, u32)>, nav: Navigator) {
    use_effect_with((config, nav), |(config, nav)| {
        let nav = nav.clone();
        let parts = config.map(move |(idle, advance)| {
            let last_input = Rc::new(Cell::new(now_ms()));
            // Time of the next tour step; 0 while someone is using the kiosk.
            let next_step = Rc::new(Cell::new(0.0f64));
            let doc = web_sys::window().and_then(|w| w.document()).expect("a document");
            let inputs: Vec<EventListener> = ["pointerdown", "keydown", "wheel", "touchstart"]
                .iter()
                .map(|ev| {
                    let (last, next) = (last_input.clone(), next_step.clone());
                    EventListener::new(&doc, *ev, move |_| {
                        last.set(now_ms());
                        next.set(0.0);
                    })
                })
                .collect();
            let no_menu = EventListener::new_with_options(
                &doc,
                "contextmenu",
                EventListenerOptions::enable_prevent_default(),
                |e| e.prevent_default(),
            );
            let tick = gloo_timers::callback::Interval::new(500, move || {
                let now = now_ms();
                if now - last_input.get() < f64::from(idle) * 1000.0 {
                    return;
                }
                let current = crate::route::here().map_or(Route::Overview, |a| a.route);
                if next_step.get() == 0.0 {
                    // The tour starts at the overview.
                    if current != Route::Overview {
                        nav.go(Route::Overview);
                    }
                    next_step.set(now + f64::from(advance) * 1000.0);
                } else if now >= next_step.get() {
                    let views = Route::NAV;
                    let i = views.iter().position(|(r, _)| current.in_section(r)).unwrap_or(0);
                    nav.go(views[(i + 1) % views.len()].0.clone());
                    next_step.set(now + f64::from(advance) * 1000.0);
                }
            });
            (inputs, no_menu, tick)
        });
        move || drop(parts)
    });
}
