//! Chart drawing width from the window width, updated on resize (charts are laid out for the
//! space they get, so a phone gets a real chart with readable labels, not a shrunken one).

use gloo_events::EventListener;
use yew::prelude::*;

fn chart_width() -> u32 {
    let w = web_sys::window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|v| v.as_f64())
        .unwrap_or(800.0);
    // Page padding on phones is 2 × 12 px plus the figure's own border and padding.
    ((w - 56.0).clamp(280.0, 900.0)) as u32
}

/// Width in CSS pixels available to a chart.
#[hook]
pub fn use_chart_width() -> u32 {
    let width = use_state(chart_width);
    {
        let width = width.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|w| {
                EventListener::new(&w, "resize", move |_| {
                    let now = chart_width();
                    if now != *width {
                        width.set(now);
                    }
                })
            });
            move || drop(listener)
        });
    }
    *width
}
