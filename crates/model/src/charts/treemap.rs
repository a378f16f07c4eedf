//! Squarified treemap (Bruls, Huizing & van Wijk 2000) as pure geometry, and the treemap chart
//! spec of a breakdown: cells with shares of the parent and of the total, labels only where they
//! fit, hit-testing from the same rectangles the renderer draws.

use crate::format::{fmt_amount_grouped, fmt_share};
use crate::i18n::Lang;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

/// An axis-aligned rectangle in layout pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    pub fn area(&self) -> f64 {
        self.w * self.h
    }
    pub fn contains(&self, x: f64, y: f64) -> bool {
        x >= self.x && x < self.x + self.w && y >= self.y && y < self.y + self.h
    }
}

/// Worst aspect ratio of a row of areas laid along a side of length `side`.
fn worst(row: &[f64], side: f64) -> f64 {
    let sum: f64 = row.iter().sum();
    if sum <= 0.0 || side <= 0.0 {
        return f64::INFINITY;
    }
    let (min, max) = row
        .iter()
        .fold((f64::INFINITY, 0.0f64), |(a, b), &v| (a.min(v), b.max(v)));
    let s2 = side * side;
    let sum2 = sum * sum;
    (s2 * max / sum2).max(sum2 / (s2 * min))
}

/// Lays out `values` (all > 0, any order) in `rect`; returns one rectangle per value, in the
/// order given, with areas proportional to the values and filling `rect` exactly.
pub fn squarify(values: &[f64], rect: Rect) -> Vec<Rect> {
    let total: f64 = values.iter().sum();
    let mut out = vec![
        Rect {
            x: rect.x,
            y: rect.y,
            w: 0.0,
            h: 0.0
        };
        values.len()
    ];
    if total <= 0.0 || rect.area() <= 0.0 {
        return out;
    }
    // Largest first gives the squarest result; remember original positions.
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&a, &b| values[b].partial_cmp(&values[a]).unwrap_or(std::cmp::Ordering::Equal));
    let scale = rect.area() / total;
    let areas: Vec<f64> = order.iter().map(|&i| values[i] * scale).collect();
    let mut free = rect;
    let mut start = 0;
    while start < areas.len() {
        let side = free.w.min(free.h);
        let mut end = start + 1;
        while end < areas.len() && worst(&areas[start..=end], side) <= worst(&areas[start..end], side) {
            end += 1;
        }
        let row = &areas[start..end];
        let sum: f64 = row.iter().sum();
        let last_row = end == areas.len();
        if free.w >= free.h {
            // Column on the left of the free space.
            let w = if last_row { free.w } else { sum / free.h };
            let mut y = free.y;
            for (k, a) in row.iter().enumerate() {
                let h = if k + 1 == row.len() { free.y + free.h - y } else { a / w };
                out[order[start + k]] = Rect { x: free.x, y, w, h };
                y += h;
            }
            free = Rect {
                x: free.x + w,
                y: free.y,
                w: free.w - w,
                h: free.h,
            };
        } else {
            // Row along the top of the free space.
            let h = if last_row { free.h } else { sum / free.w };
            let mut x = free.x;
            for (k, a) in row.iter().enumerate() {
                let w = if k + 1 == row.len() { free.x + free.w - x } else { a / h };
                out[order[start + k]] = Rect { x, y: free.y, w, h };
                x += w;
            }
            free = Rect {
                x: free.x,
                y: free.y + h,
                w: free.w,
                h: free.h - h,
            };
        }
        start = end;
    }
    out
}

/// One cell of a treemap chart.
#[derive(Debug, Clone, PartialEq)]
pub struct TreemapCell {
    /// Index of the item in the breakdown it came from (e.g. the activity index).
    pub index: usize,
    pub name: String,
    pub amount: Decimal,
    /// Share of the parent's total, e.g. "34.6%".
    pub share_of_parent: String,
    /// Share of the grand total (the whole expenditure), e.g. "23.4%".
    pub share_of_total: String,
    pub rect: Rect,
    /// Text lines drawn inside the cell; empty when the cell is too small to hold a label.
    pub label: Vec<String>,
    /// Palette index (alternating so neighbours differ; text colour chosen for contrast).
    pub colour: usize,
}

/// A treemap of one level of a breakdown.
#[derive(Debug, Clone, PartialEq)]
pub struct Treemap {
    pub width: u32,
    pub height: u32,
    pub unit: String,
    pub cells: Vec<TreemapCell>,
    /// Items with a blank amount (未列), by name: listed, never drawn.
    pub blank: Vec<(usize, String)>,
    /// Items with a zero amount: listed, not drawn (a zero-area cell cannot be seen or hit).
    pub zero: Vec<(usize, String)>,
}

/// Cell fills: dark enough for white text (≥ 4.5:1): blue, teal-green, purple, vermilion-brown.
pub const TREEMAP_COLOURS: [&str; 4] = ["#0B5A8C", "#00695C", "#6A3D9A", "#9A3D0B"];

/// Approximate width of `s` in px at `size` px: CJK and full-width characters are one em, other
/// characters about 0.55 em (no font measuring, so layouts are the same natively and in browsers).
pub fn text_width(s: &str, size: f64) -> f64 {
    s.chars()
        .map(|c| if (c as u32) < 0x2E80 { 0.55 } else { 1.0 })
        .sum::<f64>()
        * size
}

/// Which text a cell label shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LabelMode {
    /// The amount with unit.
    #[default]
    Amount,
    /// The share of the grand total.
    ShareOfTotal,
}

/// Label font size in px.
pub const LABEL_PX: f64 = 13.0;

/// Builds the treemap for `items` = (index, name, amount) whose parent total is `parent` and grand
/// total is `total`, in a `width` × `height` box.
pub fn treemap(
    lang: Lang,
    items: &[(usize, String, Option<Decimal>)],
    parent: Option<Decimal>,
    total: Option<Decimal>,
    unit: &str,
    width: u32,
    height: u32,
    mode: LabelMode,
) -> Treemap {
    let drawn: Vec<&(usize, String, Option<Decimal>)> = items
        .iter()
        .filter(|(_, _, a)| a.is_some_and(|a| a > Decimal::ZERO))
        .collect();
    let values: Vec<f64> = drawn
        .iter()
        .map(|(_, _, a)| a.and_then(|d| d.to_f64()).unwrap_or(0.0))
        .collect();
    let rects = squarify(
        &values,
        Rect {
            x: 0.0,
            y: 0.0,
            w: width as f64,
            h: height as f64,
        },
    );
    let stated_sum: Decimal = drawn.iter().filter_map(|(_, _, a)| *a).sum();
    let parent = parent.or(Some(stated_sum));
    // Colour by size rank, so the big neighbouring cells laid out one after another differ.
    let mut rank = vec![0usize; values.len()];
    let mut by_size: Vec<usize> = (0..values.len()).collect();
    by_size.sort_by(|&a, &b| values[b].partial_cmp(&values[a]).unwrap_or(std::cmp::Ordering::Equal));
    for (r, &i) in by_size.iter().enumerate() {
        rank[i] = r;
    }
    let cells = drawn
        .iter()
        .zip(rects)
        .enumerate()
        .map(|(k, ((index, name, amount), rect))| {
            let amount = amount.unwrap_or_default();
            let share_of_parent = fmt_share(Some(amount), parent);
            let share_of_total = fmt_share(Some(amount), total);
            let second = match mode {
                LabelMode::Amount => format!("{} {}", fmt_amount_grouped(amount), lang.unit_label(unit)),
                LabelMode::ShareOfTotal => share_of_total.clone(),
            };
            let label = fit_label(name, &second, rect);
            TreemapCell {
                index: *index,
                name: name.clone(),
                amount,
                share_of_parent,
                share_of_total,
                rect,
                label,
                colour: k % 4,
            }
        })
        .collect();
    let blank = items
        .iter()
        .filter(|(_, _, a)| a.is_none())
        .map(|(i, n, _)| (*i, n.clone()))
        .collect();
    let zero = items
        .iter()
        .filter(|(_, _, a)| a.is_some_and(|a| a <= Decimal::ZERO))
        .map(|(i, n, _)| (*i, n.clone()))
        .collect();
    Treemap {
        width,
        height,
        unit: unit.to_string(),
        cells,
        blank,
        zero,
    }
}

/// The label lines that fit in `rect` (4 px padding): name (cut with "…" if needed) and the
/// amount/share line; nothing when even a short name cannot fit.
fn fit_label(name: &str, second: &str, rect: Rect) -> Vec<String> {
    let pad = 4.0;
    let avail = rect.w - 2.0 * pad;
    let line_h = LABEL_PX + 3.0;
    if rect.h < line_h + 2.0 * pad || avail < 2.0 * LABEL_PX {
        return Vec::new();
    }
    let mut first = String::new();
    for c in name.chars() {
        let next = format!("{first}{c}");
        if text_width(&format!("{next}…"), LABEL_PX) > avail && text_width(name, LABEL_PX) > avail {
            first.push('…');
            break;
        }
        first = next;
    }
    if first.chars().count() < 2 {
        return Vec::new();
    }
    let mut lines = vec![first];
    if rect.h >= 2.0 * line_h + 2.0 * pad && text_width(second, LABEL_PX) <= avail {
        lines.push(second.to_string());
    }
    lines
}

impl Treemap {
    /// The cell under (x, y) in layout pixels, as an index into `cells`.
    pub fn hit(&self, x: f64, y: f64) -> Option<usize> {
        self.cells.iter().position(|c| c.rect.contains(x, y))
    }

    /// Cells from largest to smallest (keyboard order and the ranked list).
    pub fn ranked(&self) -> Vec<usize> {
        let mut r: Vec<usize> = (0..self.cells.len()).collect();
        r.sort_by(|&a, &b| self.cells[b].amount.cmp(&self.cells[a].amount).then(a.cmp(&b)));
        r
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn squarify_classic_example_fills_the_rect_with_proportional_areas() {
        // The example of the paper: 6×4 with areas 6, 6, 4, 3, 2, 2, 1.
        let v = [6.0, 6.0, 4.0, 3.0, 2.0, 2.0, 1.0];
        let r = squarify(
            &v,
            Rect {
                x: 0.0,
                y: 0.0,
                w: 6.0,
                h: 4.0,
            },
        );
        for (rect, value) in r.iter().zip(v) {
            assert!((rect.area() - value).abs() < 1e-9, "{rect:?} for {value}");
        }
        // First row: the two 6s stacked in a column of width 3 on the left.
        assert_eq!(
            r[0],
            Rect {
                x: 0.0,
                y: 0.0,
                w: 3.0,
                h: 2.0
            }
        );
        assert_eq!(
            r[1],
            Rect {
                x: 0.0,
                y: 2.0,
                w: 3.0,
                h: 2.0
            }
        );
        let total: f64 = r.iter().map(Rect::area).sum();
        assert!((total - 24.0).abs() < 1e-9);
        // No overlaps: every pair is disjoint.
        for i in 0..r.len() {
            for j in i + 1..r.len() {
                let (a, b) = (r[i], r[j]);
                let overlap_w = (a.x + a.w).min(b.x + b.w) - a.x.max(b.x);
                let overlap_h = (a.y + a.h).min(b.y + b.h) - a.y.max(b.y);
                assert!(overlap_w <= 1e-9 || overlap_h <= 1e-9, "{a:?} overlaps {b:?}");
            }
        }
    }

    #[test]
    fn labels_only_where_they_fit_and_blanks_are_listed() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        let items = vec![
            (0, "对内商贸管理".to_string(), Some(d("872.00"))),
            (1, "很小".to_string(), Some(d("1.00"))),
            (2, "未列的活动".to_string(), None),
            (3, "零".to_string(), Some(d("0"))),
        ];
        let t = treemap(
            crate::i18n::Lang::Zh,
            &items,
            Some(d("873.00")),
            Some(d("3719.45")),
            "万元",
            600,
            300,
            LabelMode::Amount,
        );
        assert_eq!(t.cells.len(), 2);
        assert_eq!(
            t.cells[0].label,
            vec!["对内商贸管理".to_string(), "872.00 万元".to_string()]
        );
        assert_eq!(t.cells[0].share_of_parent, "99.9%");
        assert_eq!(t.cells[0].share_of_total, "23.4%");
        assert!(t.cells[1].label.is_empty(), "a 1/873 cell is too small for a label");
        assert_eq!(t.blank, vec![(2, "未列的活动".to_string())]);
        assert_eq!(t.zero, vec![(3, "零".to_string())]);
        assert_eq!(t.hit(10.0, 10.0), Some(0));
        let share = treemap(
            crate::i18n::Lang::Zh,
            &items,
            None,
            Some(d("3719.45")),
            "万元",
            600,
            300,
            LabelMode::ShareOfTotal,
        );
        assert_eq!(share.cells[0].label[1], "23.4%");
    }
}

/// Height of a treemap drawn `width` px wide: wide screens get a 5:3 box, phones a taller one
/// so cells stay big enough to touch.
pub fn treemap_height(width: u32) -> u32 {
    if width < 500 {
        (width as f64 * 1.1) as u32
    } else {
        ((width as f64 * 0.6) as u32).clamp(300, 560)
    }
}

/// Project spending by 职责活动 as a treemap (cell index = activity index).
pub fn activities_treemap(lang: Lang, b: &crate::Bundle, width: u32, mode: LabelMode) -> Treemap {
    let items: Vec<(usize, String, Option<Decimal>)> = b
        .performance
        .activities
        .iter()
        .enumerate()
        .map(|(i, a)| (i, a.name.clone(), a.amount))
        .collect();
    treemap(
        lang,
        &items,
        b.project_expenditure(),
        b.expenditure.total,
        &b.meta.unit,
        width,
        treemap_height(width),
        mode,
    )
}

/// Sub-activities of activity `i` as a treemap (cell index = sub-activity index).
pub fn sub_activities_treemap(lang: Lang, b: &crate::Bundle, i: usize, width: u32, mode: LabelMode) -> Option<Treemap> {
    let a = b.performance.activities.get(i)?;
    let items: Vec<(usize, String, Option<Decimal>)> = a
        .sub_activities
        .iter()
        .enumerate()
        .map(|(j, s)| (j, s.name.clone(), s.amount))
        .collect();
    let h = treemap_height(width).min(if width < 500 { 320 } else { 360 });
    Some(treemap(
        lang,
        &items,
        a.amount,
        b.expenditure.total,
        &b.meta.unit,
        width,
        h,
        mode,
    ))
}

impl Treemap {
    /// Hover/focus text of cell `k`: name, amount with unit, share of parent and of total.
    pub fn describe(&self, lang: Lang, k: usize, parent_name: &str) -> String {
        let Some(c) = self.cells.get(k) else {
            return String::new();
        };
        let amount = format!("{} {}", fmt_amount_grouped(c.amount), lang.unit_label(&self.unit));
        let mut s = crate::tr!(lang, "describe.values", c.name, amount);
        s.push_str(&crate::tr!(lang, "describe.share_of", parent_name, c.share_of_parent));
        s.push_str(&crate::tr!(lang, "describe.share_of_total", c.share_of_total));
        s
    }
}
