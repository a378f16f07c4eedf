//! Progressive rendering: `use_painted()` is false on a view's first render and becomes true once
//! the browser has painted that first frame, so a view can draw what a person sees first (key
//! figures, the first chart, the heading of a drill-down) and add the rest a frame later.
//!
//! Except on the first render of a page the build rendered: the build writes the whole view
//! (it is the page without scripts), and hydration must render exactly what it wrote. So views
//! render in full until the app's first render is done ([`first_render_done`]).

use std::cell::Cell;
use yew::prelude::*;

thread_local! {
    static WHOLE: Cell<bool> = const { Cell::new(true) };
}

/// Called once the app's first render is on screen: from now on views render progressively.
pub fn first_render_done() {
    WHOLE.with(|w| w.set(false));
}

/// Whether views render everything in their first render (the build's render and the
/// hydration of it).
pub fn rendering_whole() -> bool {
    WHOLE.with(Cell::get)
}

/// Runs `f` after the browser has painted the next frame (a timeout queued from an animation
/// frame callback fires after that frame's paint), or after 250 ms when no frame comes (a
/// hidden tab or iframe gets no animation frames). `f` may run twice; it must be idempotent.
fn after_next_paint(f: impl Fn() + 'static) {
    use wasm_bindgen::{closure::Closure, JsCast};
    let Some(w) = web_sys::window() else { return f() };
    let f = std::rc::Rc::new(f);
    let g = f.clone();
    let fallback = Closure::once_into_js(move || f());
    let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(fallback.unchecked_ref(), 250);
    let frame = Closure::once_into_js(move || {
        let after = Closure::once_into_js(move || g());
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback(after.unchecked_ref());
        }
    });
    let _ = w.request_animation_frame(frame.unchecked_ref());
}

/// False until the component's first frame has been painted (true at once while the page the
/// build rendered is hydrated).
#[hook]
pub fn use_painted() -> bool {
    let painted = use_state(rendering_whole);
    {
        let painted = painted.clone();
        use_effect_with((), move |_| {
            if !*painted {
                after_next_paint(move || painted.set(true));
            }
        });
    }
    *painted
}
