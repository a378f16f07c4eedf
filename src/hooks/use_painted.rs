//! Progressive rendering: `use_painted()` is false on a view's first render and becomes true once
//! the browser has painted that first frame, so a view can draw what a person sees first (key
//! figures, the first chart, the heading of a drill-down) and add the rest a frame later.
//!
//! Except on the first render of a page the build rendered: the build writes the whole view
//! (it is the page without scripts), and hydration must render exactly what it wrote. So views
//! render in full until the app's first render is done: the app (`App`, `SiteApp`) provides a
//! [`FirstRender`] context and marks it done from its first effect ([`use_first_render`]).

use std::cell::Cell;
use std::rc::Rc;
use yew::prelude::*;

/// Whether the providing app's first render is still under way (shared by its views; the value
/// in the context never changes, only the flag inside it, so marking it done re-renders nothing).
#[derive(Clone, Debug)]
pub struct FirstRender(Rc<Cell<bool>>);

impl PartialEq for FirstRender {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl FirstRender {
    /// Whether views render everything in their first render (the build's render and the
    /// hydration of it).
    pub fn whole(&self) -> bool {
        self.0.get()
    }
    /// Called once the app's first render is on screen: from then on views render
    /// progressively.
    pub fn done(&self) {
        self.0.set(false);
    }
}

/// For the app that provides [`FirstRender`]: its flag, true until [`FirstRender::done`].
#[hook]
pub fn use_first_render() -> FirstRender {
    let flag = use_memo((), |_| FirstRender(Rc::new(Cell::new(true))));
    (*flag).clone()
}

/// Whether views render everything in their first render: the context's; true outside an app
/// (nothing there is progressive).
#[hook]
pub fn use_rendering_whole() -> bool {
    use_context::<FirstRender>().is_none_or(|f| f.whole())
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
    let whole = use_rendering_whole();
    let painted = use_state(|| whole);
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
