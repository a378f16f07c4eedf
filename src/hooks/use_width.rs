//! Chart drawing width from the window width, updated on resize (charts are laid out for the
//! space they get, so a phone gets a real chart with readable labels, not a shrunken one).
//!
//! A page the build rendered has no window to measure: it holds each chart drawn for a phone
//! and for a desktop (the stylesheet shows the one that fits), and its hydration renders the
//! same (`None`) before measuring.

use yew::prelude::*;

/// The two widths a chart is drawn at before the window is measured: a phone's and a desktop's.
pub const UNMEASURED_WIDTHS: [(u32, &str); 2] = [(360, "narrow"), (900, "wide")];

use crate::browser;

fn chart_width() -> u32 {
    let w = browser::window_width().unwrap_or(800.0);
    // Page padding on phones is 2 × 12 px plus the figure's own border and padding.
    ((w - 56.0).clamp(280.0, 900.0)) as u32
}

/// Width in CSS pixels available to a chart; `None` until measured (see the module).
#[hook]
pub fn use_chart_width() -> Option<u32> {
    let whole = crate::hooks::use_painted::use_rendering_whole();
    let width = use_state(|| {
        // The server renders whole (its renders are all first renders of a built page), so
        // it never measures.
        if !whole {
            return Some(chart_width());
        }
        None
    });
    {
        let width = width.clone();
        // Effects run in the browser only.
        use_effect_with((), move |_| {
            // A built page's charts are redrawn for the measured width in a task of their own,
            // after the hydration's (one long task would hold the page longer).
            let redraw = width.is_none().then(|| {
                let width = width.clone();
                browser::after(0, move || width.set(Some(chart_width())))
            });
            let listener = browser::on_window_event("resize", move || {
                let now = Some(chart_width());
                if now != *width {
                    width.set(now);
                }
            });
            move || drop((listener, redraw))
        });
    }
    *width
}

/// The widths to draw a chart at: the measured one, or both [`UNMEASURED_WIDTHS`] (the last,
/// the desktop's, is the one pointer positions are read against until measured).
pub fn drawn_widths(width: Option<u32>) -> Vec<u32> {
    match width {
        Some(w) => vec![w],
        None => UNMEASURED_WIDTHS.iter().map(|(w, _)| *w).collect(),
    }
}

/// One drawing of a chart at one of the [`drawn_widths`]: its SVG, its layout size and where
/// its items are (`gongkai_model::render::bars_hit_map` / `treemap_hit_map`).
pub struct Drawn {
    pub svg: String,
    pub width: u32,
    pub height: u32,
    pub map: String,
}

/// The markup of a chart drawn at [`drawn_widths`]: one SVG, or each unmeasured width's in a
/// `<div class="at-narrow">` / `<div class="at-wide">` that the stylesheet shows when it fits,
/// carrying its layout size (`data-size="w h"`) and hit map (`data-map`), with which the page's
/// own script answers the chart until the app runs (static/shell.js).
pub fn svg_at_widths(drawn: Vec<Drawn>) -> String {
    if drawn.len() == 1 {
        return drawn.into_iter().next().map(|d| d.svg).unwrap_or_default();
    }
    drawn
        .into_iter()
        .zip(UNMEASURED_WIDTHS)
        .map(|(d, (_, class))| {
            format!(
                "<div class=\"at-{class}\" data-size=\"{} {}\" data-map=\"{}\">{}</div>",
                d.width, d.height, d.map, d.svg
            )
        })
        .collect()
}
