//! Progressive rendering: `use_painted()` is false on a view's first render and becomes true once
//! the browser has painted that first frame, so a view can draw what a person sees first (key
//! figures, the first chart, the heading of a drill-down) and add the rest a frame later.

use yew::prelude::*;

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

/// False until the component's first frame has been painted.
#[hook]
pub fn use_painted() -> bool {
    let painted = use_state(|| false);
    {
        let painted = painted.clone();
        use_effect_with((), move |_| after_next_paint(move || painted.set(true)));
    }
    *painted
}
