//! Draws a chart layout with plotters. Generic over the backend, so the same code writes an SVG
//! string natively (snapshot tests, CLI) and in the browser. Nothing here decides geometry: all
//! positions come from [`crate::chart::BarLayout`].

use crate::chart::BarLayout;
use crate::treemap::{Treemap, LABEL_PX, TREEMAP_COLOURS};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

const TEXT: RGBColor = RGBColor(0x1a, 0x1a, 0x1a);
const GRID: RGBColor = RGBColor(0xd9, 0xd9, 0xd9);
/// The page's font stack, so chart text uses the fonts the page has already loaded.
const FONT: &str = "PingFang SC, Hiragino Sans GB, Noto Sans CJK SC, Source Han Sans SC, Microsoft YaHei, sans-serif";
// plotters' SVG backend writes font-size = size / 1.24; these give 14 px labels, 13 px values
// and 12 px ticks on screen.
const LABEL_SIZE: f64 = 17.4;
const VALUE_SIZE: f64 = 16.1;
const TICK_SIZE: f64 = 14.9;

fn hex(c: &str) -> RGBColor {
    let v = u32::from_str_radix(c.trim_start_matches('#'), 16).unwrap_or(0);
    RGBColor((v >> 16) as u8, (v >> 8) as u8, v as u8)
}

const SELECTED_BAND: RGBColor = RGBColor(0xff, 0xf0, 0xb3);
const FOCUS: RGBColor = RGBColor(0x1a, 0x1a, 0x1a);

/// How a selected item is marked on top of a drawn chart (in layout pixels), so hovering or
/// moving the keyboard focus redraws only this mark, never the whole chart.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Highlight {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    /// A translucent band across a bar row (true) or an outline around a treemap cell (false).
    pub band: bool,
}

/// The mark for row `i` of a bar layout.
pub fn bar_highlight(layout: &BarLayout, i: usize) -> Option<Highlight> {
    let (top, bottom) = *layout.row_bands.get(i)?;
    Some(Highlight {
        x: 1.0,
        y: top,
        w: (layout.width as f64 - 2.0).max(0.0),
        h: bottom - top,
        band: true,
    })
}

/// The mark for cell `k` of a treemap.
pub fn treemap_highlight(t: &Treemap, k: usize) -> Option<Highlight> {
    let r = t.cells.get(k)?.rect;
    Some(Highlight {
        x: r.x.round() + 1.0,
        y: r.y.round() + 1.0,
        w: ((r.x + r.w).round() - r.x.round() - 3.0).max(0.0),
        h: ((r.y + r.h).round() - r.y.round() - 3.0).max(0.0),
        band: false,
    })
}

/// Draws `layout` onto `area` (which must be at least `layout.width × layout.height`); the row
/// `selected` (hovered or keyboard-focused) gets a highlighted band.
pub fn draw_bars<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    layout: &BarLayout,
    selected: Option<usize>,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    area.fill(&WHITE)?;
    if let Some((top, bottom)) = selected.and_then(|i| layout.row_bands.get(i)) {
        let band = [(0, *top as i32), (layout.width as i32, *bottom as i32)];
        area.draw(&Rectangle::new(band, SELECTED_BAND.filled()))?;
        area.draw(&Rectangle::new(
            [(1, *top as i32), (layout.width as i32 - 1, *bottom as i32)],
            FOCUS.stroke_width(2),
        ))?;
    }
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
    bars_svg_selected(layout, None)
}

/// The layout as SVG with row `selected` highlighted.
pub fn bars_svg_selected(layout: &BarLayout, selected: Option<usize>) -> String {
    let mut svg = String::new();
    {
        let backend = SVGBackend::with_string(&mut svg, (layout.width, layout.height));
        let area = backend.into_drawing_area();
        // Drawing into a String cannot fail.
        let _ = draw_bars(&area, layout, selected);
    }
    responsive(svg, layout.width, layout.height)
}

/// Scale with the container, keep the aspect ratio, never take keyboard focus itself.
fn responsive(svg: String, width: u32, height: u32) -> String {
    svg.replacen(
        &format!("width=\"{width}\" height=\"{height}\""),
        "width=\"100%\" preserveAspectRatio=\"xMinYMin meet\" focusable=\"false\"",
        1,
    )
}

/// Draws a treemap: cells with a white gap between them, labels where they fit, the `selected`
/// cell outlined.
pub fn draw_treemap<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    t: &Treemap,
    selected: Option<usize>,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    area.fill(&WHITE)?;
    let label = TextStyle::from((FONT, LABEL_PX * 1.24).into_font()).color(&WHITE);
    for c in &t.cells {
        let r = c.rect;
        let (x0, y0) = (r.x.round() as i32, r.y.round() as i32);
        let (x1, y1) = ((r.x + r.w).round() as i32, (r.y + r.h).round() as i32);
        // 1 px white gutter on each side so neighbouring cells read as separate.
        let inner = [(x0 + 1, y0 + 1), ((x1 - 1).max(x0 + 1), (y1 - 1).max(y0 + 1))];
        area.draw(&Rectangle::new(inner, hex(TREEMAP_COLOURS[c.colour % 4]).filled()))?;
        for (k, line) in c.label.iter().enumerate() {
            let y = y0 + 4 + (k as i32) * (LABEL_PX as i32 + 3);
            area.draw(&Text::new(
                line.clone(),
                (x0 + 5, y),
                label.pos(Pos::new(HPos::Left, VPos::Top)),
            ))?;
        }
    }
    if let Some(c) = selected.and_then(|i| t.cells.get(i)) {
        let r = c.rect;
        let (x0, y0) = (r.x.round() as i32, r.y.round() as i32);
        let (x1, y1) = ((r.x + r.w).round() as i32, (r.y + r.h).round() as i32);
        area.draw(&Rectangle::new(
            [(x0 + 1, y0 + 1), (x1 - 2, y1 - 2)],
            RGBColor(0xff, 0xd5, 0x4f).stroke_width(4),
        ))?;
        area.draw(&Rectangle::new(
            [(x0 + 3, y0 + 3), (x1 - 4, y1 - 4)],
            FOCUS.stroke_width(1),
        ))?;
    }
    area.present()
}

/// A treemap as a standalone SVG document string.
pub fn treemap_svg(t: &Treemap, selected: Option<usize>) -> String {
    let mut svg = String::new();
    {
        let backend = SVGBackend::with_string(&mut svg, (t.width, t.height));
        let _ = draw_treemap(&backend.into_drawing_area(), t, selected);
    }
    responsive(svg, t.width, t.height)
}

/// Where each item of a drawn chart is, for the page's own script (static/shell.js) to answer
/// pointer, touch and keys before the app runs (issue #27): `"band"` or `"cell"` (how its mark
/// is drawn, as [`Highlight::band`]), then per item, in the surface's item order, its hit
/// rectangle and its mark, `x,y,w,h,mx,my,mw,mh` in layout pixels (one decimal), items
/// separated by `;`. The hit rectangles are the ones `hit` reads: a bar row's band across the
/// whole width, a treemap cell's rectangle.
pub fn bars_hit_map(layout: &BarLayout) -> String {
    let items = (0..layout.row_bands.len()).filter_map(|i| {
        let (top, bottom) = layout.row_bands[i];
        let hit = (0.0, top, layout.width as f64, bottom - top);
        bar_highlight(layout, i).map(|m| (hit, m))
    });
    hit_map("band", items)
}

/// [`bars_hit_map`] for a treemap: items are `cells` in their order.
pub fn treemap_hit_map(t: &Treemap) -> String {
    let items = t.cells.iter().enumerate().filter_map(|(k, c)| {
        let r = c.rect;
        treemap_highlight(t, k).map(|m| ((r.x, r.y, r.w, r.h), m))
    });
    hit_map("cell", items)
}

fn hit_map(kind: &str, items: impl Iterator<Item = ((f64, f64, f64, f64), Highlight)>) -> String {
    let n = |v: f64| {
        let s = format!("{:.1}", v);
        s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
    };
    let mut out = kind.to_string();
    for ((x, y, w, h), m) in items {
        out.push(';');
        let all = [x, y, w, h, m.x, m.y, m.w, m.h];
        out.push_str(&all.iter().map(|v| n(*v)).collect::<Vec<_>>().join(","));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(map: &str) -> (String, Vec<[f64; 8]>) {
        let mut parts = map.split(';');
        let kind = parts.next().unwrap().to_string();
        let items = parts
            .map(|p| {
                let v: Vec<f64> = p.split(',').map(|n| n.parse().unwrap()).collect();
                [v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]]
            })
            .collect();
        (kind, items)
    }

    #[test]
    fn a_bar_hit_map_finds_each_row_where_the_layout_does_and_marks_it_as_the_app_does() {
        let chart = crate::chart::BarChart {
            summary: "s".into(),
            unit: "万元".into(),
            parent: None,
            grand_total: None,
            series: vec!["2017年".into()],
            rows: ["甲", "乙", "丙"]
                .iter()
                .enumerate()
                .map(|(i, l)| crate::chart::BarRow {
                    label: l.to_string(),
                    values: vec![Some(rust_decimal::Decimal::from(10 * (i as i64 + 1)))],
                    colour: 0,
                    highlight: false,
                })
                .collect(),
            blank_rows: vec![],
        };
        let layout = crate::chart::layout_bars(crate::i18n::Lang::Zh, &chart, 360);
        let (kind, items) = parse(&bars_hit_map(&layout));
        assert_eq!(kind, "band");
        assert_eq!(items.len(), 3);
        for (i, it) in items.iter().enumerate() {
            let (cx, cy) = (it[0] + it[2] / 2.0, it[1] + it[3] / 2.0);
            assert_eq!(layout.hit(cx, cy), Some(i), "row {i}");
            let m = bar_highlight(&layout, i).unwrap();
            assert_eq!([it[4], it[5], it[6], it[7]], [m.x, m.y, m.w, m.h]);
        }
    }
}

#[cfg(test)]
mod treemap_map_tests {
    #[test]
    fn a_treemap_hit_map_finds_each_cell_where_the_layout_does_and_marks_it_as_the_app_does() {
        let b = crate::parse_bundle(include_str!("../../../../data/pingxiang-fgj-2017.json"), "seed").unwrap();
        for width in [360, 900] {
            let t = crate::treemap::activities_treemap(crate::i18n::Lang::Zh, &b, width, Default::default());
            let map = super::treemap_hit_map(&t);
            let mut parts = map.split(';');
            assert_eq!(parts.next(), Some("cell"));
            let items: Vec<Vec<f64>> = parts
                .map(|p| p.split(',').map(|n| n.parse().unwrap()).collect())
                .collect();
            assert_eq!(items.len(), t.cells.len());
            assert!(items.len() > 10, "the seed's activities are drawn");
            for (k, it) in items.iter().enumerate() {
                // The middle of the cell as written (one decimal) is that cell for the layout.
                assert_eq!(
                    t.hit(it[0] + it[2] / 2.0, it[1] + it[3] / 2.0),
                    Some(k),
                    "cell {k} at {width}"
                );
                let m = super::treemap_highlight(&t, k).unwrap();
                assert_eq!(it[4..8], [m.x, m.y, m.w, m.h], "mark of cell {k}");
            }
        }
    }
}
