//! Draws a chart layout with plotters. Generic over the backend, so the same code writes an SVG
//! string natively (snapshot tests, CLI) and in the browser. Nothing here decides geometry: all
//! positions come from [`crate::chart::BarLayout`].

use crate::chart::BarLayout;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

const TEXT: RGBColor = RGBColor(0x1a, 0x1a, 0x1a);
const GRID: RGBColor = RGBColor(0xd9, 0xd9, 0xd9);
const FONT: &str = "sans-serif";
// plotters' SVG backend writes font-size = size / 1.24; these give 14 px labels, 13 px values
// and 12 px ticks on screen.
const LABEL_SIZE: f64 = 17.4;
const VALUE_SIZE: f64 = 16.1;
const TICK_SIZE: f64 = 14.9;

fn hex(c: &str) -> RGBColor {
    let v = u32::from_str_radix(c.trim_start_matches('#'), 16).unwrap_or(0);
    RGBColor((v >> 16) as u8, (v >> 8) as u8, v as u8)
}

/// Draws `layout` onto `area` (which must be at least `layout.width × layout.height`).
pub fn draw_bars<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    layout: &BarLayout,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    area.fill(&WHITE)?;
    let tick = TextStyle::from((FONT, TICK_SIZE).into_font()).color(&TEXT);
    let small = TextStyle::from((FONT, VALUE_SIZE).into_font()).color(&TEXT);
    for (x, text) in &layout.ticks {
        let x = x.round() as i32;
        area.draw(&PathElement::new(
            vec![(x, layout.y0 as i32 - 4), (x, layout.y1 as i32)],
            GRID,
        ))?;
        area.draw(&Text::new(
            text.clone(),
            (x, 4),
            tick.pos(Pos::new(HPos::Center, VPos::Top)),
        ))?;
    }
    for l in &layout.labels {
        let style = TextStyle::from((FONT, LABEL_SIZE).into_font().style(if l.bold {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        }))
        .color(&TEXT);
        area.draw(&Text::new(
            l.text.clone(),
            (l.x as i32, l.y as i32),
            style.pos(Pos::new(HPos::Left, VPos::Center)),
        ))?;
    }
    for b in &layout.bars {
        let (x, y, w, h) = (
            b.x.round() as i32,
            b.y.round() as i32,
            b.w.round() as i32,
            b.h.round() as i32,
        );
        if b.w > 0.0 {
            area.draw(&Rectangle::new([(x, y), (x + w.max(1), y + h)], hex(b.colour).filled()))?;
        } else {
            // Blank or zero: a hollow marker so the gap reads as deliberate, not as missing ink.
            area.draw(&Rectangle::new([(x, y + 2), (x + 3, y + h - 2)], TEXT.stroke_width(1)))?;
        }
        area.draw(&Text::new(
            b.value_label.clone(),
            (b.value_x.round() as i32 + if b.w > 0.0 { 0 } else { 4 }, y + h / 2),
            small.pos(Pos::new(HPos::Left, VPos::Center)),
        ))?;
    }
    area.present()
}

/// The layout as a standalone SVG document string.
pub fn bars_svg(layout: &BarLayout) -> String {
    let mut svg = String::new();
    {
        let backend = SVGBackend::with_string(&mut svg, (layout.width, layout.height));
        let area = backend.into_drawing_area();
        // Drawing into a String cannot fail.
        let _ = draw_bars(&area, layout);
    }
    // Scale with its container; keep the aspect ratio.
    svg.replacen(
        &format!("width=\"{}\" height=\"{}\"", layout.width, layout.height),
        &format!("width=\"100%\" preserveAspectRatio=\"xMinYMin meet\" focusable=\"false\""),
        1,
    )
}
