//! Charts as data: bundle → [`BarChart`] (what to show) → [`BarLayout`] (where, in pixels).
//!
//! Both steps are pure and tested with exact values; [`crate::render`] only draws a layout.
//! Amounts stay Decimal in the spec; only pixel geometry uses f64.

use crate::bundle::*;
use crate::format::{fmt_amount_grouped, fmt_percent, percent};
use crate::i18n::Lang;
use crate::tr;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

/// Colour-blind-safe palette (Okabe–Ito, darkened where needed for ≥ 3:1 contrast on white).
/// Index 0 blue, 1 grey, 2 vermilion. The CSS classes `.s0`–`.s2` use the same colours.
pub const SERIES_COLOURS: [&str; 3] = ["#0072B2", "#6B6B6B", "#B5490B"];

/// Palette index of series `si` of `n`: with two series (last year / this year, start / end)
/// the earlier one is grey and the current one blue, so "now" is always the strong colour.
pub fn series_colour_index(n: usize, si: usize) -> usize {
    if n == 2 {
        [1, 0][si.min(1)]
    } else {
        si % 3
    }
}

/// A horizontal bar chart: one row per category, one bar per series in each row.
#[derive(Debug, Clone, PartialEq)]
pub struct BarChart {
    /// Unit of every value, e.g. "万元".
    pub unit: String,
    /// Series names (legend), 1–3 of them, e.g. ["2016年", "2017年"].
    pub series: Vec<String>,
    pub rows: Vec<BarRow>,
    /// One-sentence text summary of what the chart shows (for screen readers and captions).
    pub summary: String,
    /// Categories whose every value is blank (未列): listed beside the chart, not drawn as bars.
    pub blank_rows: Vec<String>,
    /// (name, amount) of the whole the rows are parts of, e.g. ("项目支出", 2521.16), for
    /// "share of parent" in descriptions; `None` when rows are not parts of one whole.
    pub parent: Option<(String, Decimal)>,
    /// The department's total expenditure, for "share of total".
    pub grand_total: Option<Decimal>,
}

impl BarChart {
    /// What a person hears or reads when row `i` is hovered or focused: name, amounts with unit,
    /// share of the parent and of the total.
    pub fn describe(&self, lang: Lang, i: usize) -> String {
        let Some(row) = self.rows.get(i) else {
            return String::new();
        };
        let unit = lang.unit_label(&self.unit);
        let name = row.label.trim_start_matches('　');
        let values: Vec<String> = row
            .values
            .iter()
            .zip(&self.series)
            .map(|(v, s)| match v {
                Some(v) if self.series.len() > 1 => format!("{s} {} {unit}", fmt_amount_grouped(*v)),
                Some(v) => format!("{} {unit}", fmt_amount_grouped(*v)),
                None if self.series.len() > 1 => format!("{s} {}", tr!(lang, "amount.blank")),
                None => tr!(lang, "amount.blank").to_string(),
            })
            .collect();
        let mut s = tr!(lang, "describe.values", name, values.join(tr!(lang, "describe.sep")));
        let current = row.values.last().copied().flatten();
        if let (Some(v), Some((pname, p))) = (current, &self.parent) {
            s.push_str(&tr!(
                lang,
                "describe.share_of",
                pname,
                crate::format::fmt_share(Some(v), Some(*p))
            ));
        }
        if let (Some(v), Some(t)) = (current, self.grand_total) {
            s.push_str(&tr!(
                lang,
                "describe.share_of_total",
                crate::format::fmt_share(Some(v), Some(t))
            ));
        }
        s
    }
}

/// One category of a [`BarChart`].
#[derive(Debug, Clone, PartialEq)]
pub struct BarRow {
    pub label: String,
    /// One value per series; `None` = not stated (drawn as a marked gap, never as zero).
    pub values: Vec<Option<Decimal>>,
    /// Which palette colour the row's single-series bar uses (for a category such as 基本/项目).
    pub colour: usize,
    /// Emphasis for rows whose values changed between series (e.g. vehicles 4 → 2).
    pub highlight: bool,
}

/// One drawn bar.
#[derive(Debug, Clone, PartialEq)]
pub struct BarRect {
    pub row: usize,
    pub series: usize,
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    pub colour: &'static str,
    /// Text drawn after the bar, e.g. "2017年 11.82" or "未列".
    pub value_label: String,
    pub value_x: f64,
}

/// A text drawn by the layout (row label, tick label).
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    pub x: f64,
    pub y: f64,
    pub text: String,
    pub bold: bool,
}

/// Pixel layout of a [`BarChart`] for one width.
#[derive(Debug, Clone, PartialEq)]
pub struct BarLayout {
    pub width: u32,
    pub height: u32,
    pub bars: Vec<BarRect>,
    pub labels: Vec<Label>,
    /// Vertical grid lines: (x, value text).
    pub ticks: Vec<(f64, String)>,
    /// Plot area left and right edges.
    pub x0: f64,
    pub x1: f64,
    /// Top of the plot area, bottom of the plot area.
    pub y0: f64,
    pub y1: f64,
    /// Vertical extent (top, bottom) of each row: its label and bars. Hit-testing uses these.
    pub row_bands: Vec<(f64, f64)>,
}

impl BarLayout {
    /// The row under the point (x, y) in layout pixels.
    pub fn hit(&self, x: f64, y: f64) -> Option<usize> {
        if x < 0.0 || x > self.width as f64 {
            return None;
        }
        self.row_bands.iter().position(|(top, bottom)| y >= *top && y < *bottom)
    }
}

const ROW_LABEL_H: f64 = 20.0;
const BAR_H: f64 = 16.0;
const BAR_GAP: f64 = 2.0;
const ROW_GAP: f64 = 10.0;
const TOP: f64 = 22.0;
const VALUE_SPACE: f64 = 118.0;

/// "Nice" tick step and ticks covering 0..=max (1, 2 or 5 × 10ⁿ), at most ~`target` ticks.
pub fn nice_ticks(max: f64, target: usize) -> Vec<f64> {
    if !(max > 0.0) || !max.is_finite() {
        return vec![0.0];
    }
    let raw = max / target.max(1) as f64;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * mag);
    let n = (max / step).ceil() as usize;
    (0..=n).map(|i| (i as f64 * step * 1e9).round() / 1e9).collect()
}

fn tick_text(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// Lays out `chart` for a drawing `width` px wide (clamped to 280..=1600).
pub fn layout_bars(lang: Lang, chart: &BarChart, width: u32) -> BarLayout {
    let width = width.clamp(280, 1600);
    let x0 = 8.0;
    let x1 = width as f64 - VALUE_SPACE;
    let n_series = chart.series.len().max(1);
    let max = chart
        .rows
        .iter()
        .flat_map(|r| r.values.iter().flatten())
        .filter_map(|d| d.to_f64())
        .fold(0.0f64, f64::max);
    let ticks = nice_ticks(max, if width < 500 { 3 } else { 5 });
    let domain = *ticks.last().unwrap_or(&1.0);
    let scale = |v: f64| {
        if domain > 0.0 {
            x0 + (x1 - x0) * (v / domain)
        } else {
            x0
        }
    };

    let mut bars = Vec::new();
    let mut labels = Vec::new();
    let mut y = TOP;
    let mut row_bands = Vec::new();
    for (ri, row) in chart.rows.iter().enumerate() {
        let top = y - ROW_GAP / 2.0;
        labels.push(Label {
            x: x0,
            y: y + ROW_LABEL_H / 2.0,
            text: row.label.clone(),
            bold: row.highlight,
        });
        y += ROW_LABEL_H;
        for si in 0..n_series {
            let value = row.values.get(si).copied().flatten();
            let colour = if n_series == 1 {
                SERIES_COLOURS[row.colour % 3]
            } else {
                SERIES_COLOURS[series_colour_index(n_series, si)]
            };
            let prefix = if n_series > 1 {
                format!("{} ", chart.series[si])
            } else {
                String::new()
            };
            let (w, value_label) = match value {
                Some(v) => {
                    let w = (scale(v.to_f64().unwrap_or(0.0).max(0.0)) - x0).max(0.0);
                    // A non-zero amount never vanishes: at least one pixel wide.
                    let w = if !v.is_zero() { w.max(1.0) } else { 0.0 };
                    (w, format!("{prefix}{}", fmt_amount_grouped(v)))
                }
                None => (0.0, format!("{prefix}{}", tr!(lang, "amount.blank"))),
            };
            bars.push(BarRect {
                row: ri,
                series: si,
                x: x0,
                y,
                w,
                h: BAR_H,
                colour,
                value_label,
                value_x: x0 + w + 4.0,
            });
            y += BAR_H + BAR_GAP;
        }
        y += ROW_GAP;
        row_bands.push((top, y - ROW_GAP / 2.0));
    }
    let ticks = ticks.iter().map(|t| (scale(*t), tick_text(*t))).collect();
    BarLayout {
        width,
        height: (y + 4.0).ceil() as u32,
        bars,
        labels,
        ticks,
        x0,
        x1,
        y0: TOP,
        y1: y,
        row_bands,
    }
}

/// “Where the money goes”: expenditure by economic category (basic categories in colour 0,
/// project categories in colour 2).
pub fn expenditure_chart(lang: Lang, b: &Bundle) -> BarChart {
    let unit = b.meta.unit.clone();
    // A document that publishes only the standard tables: expenditure by use (基本支出, 项目支出,
    // 单位预留机动经费…) from its 支出预算总表, as printed.
    if b.expenditure.categories.is_empty() {
        if let Some(t) = b.expenditure_summary() {
            let items = t
                .columns
                .iter()
                .enumerate()
                .skip(1)
                .map(|(c, name)| (name.as_str(), t.lines[0].amount(c)))
                .collect();
            let mut chart = breakdown_chart_in(
                lang,
                b,
                &t.unit,
                tr!(lang, "overview.total_expenditure"),
                t.lines[0].amount(0),
                items,
                false,
            );
            chart.grand_total = None;
            return chart;
        }
    }
    let rows = b
        .expenditure
        .categories
        .iter()
        .map(|c| BarRow {
            label: {
                let (class, label) = if c.class == SpendingClass::Basic {
                    ("基本支出", tr!(lang, "term.basic"))
                } else {
                    ("项目支出", tr!(lang, "term.project"))
                };
                // The class is a text cue as well as a colour; not repeated when the name says it.
                if c.name.contains(class) {
                    c.name.clone()
                } else {
                    tr!(lang, "chart.with_class", c.name, label)
                }
            },
            values: vec![c.amount],
            colour: if c.class == SpendingClass::Basic { 0 } else { 2 },
            highlight: false,
        })
        .collect();
    let summary = ranked_summary(
        lang,
        tr!(lang, "overview.total_expenditure"),
        b.expenditure.total,
        b.expenditure.categories.iter().map(|c| (c.name.as_str(), c.amount)),
        &unit,
    );
    split_blanks(BarChart {
        unit,
        series: vec![lang.fmt_year_short(b.meta.fiscal_year)],
        rows,
        summary,
        blank_rows: vec![],
        parent: b
            .expenditure
            .total
            .map(|t| (tr!(lang, "overview.total_expenditure").to_string(), t)),
        grand_total: None,
    })
}

/// The chart as it may be drawn, or `None` when it has nothing to draw: rows whose every value is
/// blank move to `blank_rows`, a series blank in every row is dropped (no year of 未列 bars), and
/// a chart left without a non-zero amount is not drawn at all (no empty axis).
pub fn drawn(chart: BarChart) -> Option<BarChart> {
    let mut chart = split_blanks(chart);
    if chart.series.len() > 1 {
        let keep: Vec<usize> = (0..chart.series.len())
            .filter(|&si| chart.rows.iter().any(|r| r.values.get(si).copied().flatten().is_some()))
            .collect();
        if keep.len() < chart.series.len() {
            chart.series = keep.iter().map(|&si| chart.series[si].clone()).collect();
            for r in &mut chart.rows {
                r.values = keep.iter().map(|&si| r.values.get(si).copied().flatten()).collect();
            }
        }
    }
    let has_amount = chart
        .rows
        .iter()
        .any(|r| r.values.iter().any(|v| v.is_some_and(|d| !d.is_zero())));
    (has_amount && !chart.series.is_empty()).then_some(chart)
}

/// Moves rows whose every value is blank out of the drawing into `blank_rows`.
fn split_blanks(mut chart: BarChart) -> BarChart {
    let (blank, drawn): (Vec<BarRow>, Vec<BarRow>) = chart
        .rows
        .into_iter()
        .partition(|r| r.values.iter().all(|v| v.is_none()));
    chart.rows = drawn;
    chart.blank_rows.extend(blank.into_iter().map(|r| r.label));
    chart
}

/// A one-series breakdown of `items` (name, amount) that are parts of `parent` (name, total),
/// largest first when `ranked` (ties and blanks keep their order, blanks last).
fn breakdown_chart(
    lang: Lang,
    b: &Bundle,
    parent_name: &str,
    parent_total: Option<Decimal>,
    items: Vec<(&str, Option<Decimal>)>,
    ranked: bool,
) -> BarChart {
    breakdown_chart_in(lang, b, &b.meta.unit, parent_name, parent_total, items, ranked)
}

/// As [`breakdown_chart`], with amounts in `unit` (a standard table's own unit).
pub(crate) fn breakdown_chart_in(
    lang: Lang,
    b: &Bundle,
    unit: &str,
    parent_name: &str,
    parent_total: Option<Decimal>,
    items: Vec<(&str, Option<Decimal>)>,
    ranked: bool,
) -> BarChart {
    let unit = unit.to_string();
    // The parent's total as stated; never the parts' sum put in its place.
    let summary = ranked_summary(lang, parent_name, parent_total, items.iter().copied(), &unit);
    let mut order = items.clone();
    if ranked {
        order.sort_by(|x, y| y.1.unwrap_or(Decimal::MIN).cmp(&x.1.unwrap_or(Decimal::MIN)));
    }
    let rows = order
        .into_iter()
        .map(|(name, amount)| BarRow {
            label: name.to_string(),
            values: vec![amount],
            colour: 0,
            highlight: false,
        })
        .collect();
    split_blanks(BarChart {
        unit,
        series: vec![lang.fmt_year_short(b.meta.fiscal_year)],
        rows,
        summary,
        blank_rows: vec![],
        parent: parent_total.map(|t| (parent_name.to_string(), t)),
        grand_total: b.expenditure.total,
    })
}

/// Project spending by 职责活动, largest first.
pub fn activities_chart(lang: Lang, b: &Bundle) -> BarChart {
    let items = b
        .performance
        .activities
        .iter()
        .map(|a| (a.name.as_str(), a.amount))
        .collect();
    breakdown_chart(lang, b, tr!(lang, "term.project"), b.project_expenditure(), items, true)
}

/// Sub-activities of one activity, in published order.
pub fn sub_activities_chart(lang: Lang, b: &Bundle, a: &Activity) -> BarChart {
    let items = a.sub_activities.iter().map(|s| (s.name.as_str(), s.amount)).collect();
    breakdown_chart(lang, b, &a.name, a.amount, items, false)
}

/// “三公” this year against last year (last year = this year − published change).
pub fn three_public_chart(lang: Lang, b: &Bundle) -> BarChart {
    let unit = b.meta.unit.clone();
    let y = b.meta.fiscal_year;
    let mut rows: Vec<BarRow> = b
        .three_public
        .items
        .iter()
        .map(|i| {
            let last = match (i.amount, i.change) {
                (Some(a), Some(c)) => Some(a - c),
                _ => None,
            };
            BarRow {
                label: i.name.clone(),
                values: vec![last, i.amount],
                colour: 0,
                highlight: i.change.is_some_and(|c| !c.is_zero()),
            }
        })
        .collect();
    let tp = &b.three_public;
    let last_total = tp.total.zip(tp.total_change).map(|(t, c)| t - c);
    rows.push(BarRow {
        label: tr!(lang, "common.total").into(),
        values: vec![last_total, tp.total],
        colour: 0,
        highlight: true,
    });
    let u = lang.unit_label(&unit);
    let summary = match (tp.total, tp.total_change) {
        (Some(t), Some(c)) => tr!(
            lang,
            "chart.three_public.summary",
            y,
            fmt_amount_grouped(t),
            u,
            y - 1,
            fmt_amount_grouped(t - c),
            if c.is_sign_negative() && !c.is_zero() {
                tr!(lang, "chart.decrease")
            } else if c.is_zero() {
                tr!(lang, "chart.same")
            } else {
                tr!(lang, "chart.increase")
            },
            fmt_amount_grouped(c.abs())
        ),
        (Some(t), None) => tr!(lang, "chart.three_public.no_last", y, fmt_amount_grouped(t), u),
        _ => tr!(lang, "chart.three_public.blank").to_string(),
    };
    BarChart {
        unit,
        series: vec![lang.fmt_year_short(y - 1), lang.fmt_year_short(y)],
        rows,
        summary,
        blank_rows: vec![],
        parent: b
            .three_public
            .total
            .map(|t| (tr!(lang, "chart.three_public.total").to_string(), t)),
        grand_total: None,
    }
}

/// Asset values at the start and end of the year, for every row with a value, changed rows
/// emphasised.
pub fn assets_chart(lang: Lang, b: &Bundle) -> BarChart {
    let mut rows = Vec::new();
    fn walk(r: &AssetRow, depth: usize, rows: &mut Vec<BarRow>) {
        if r.value_start.is_some() || r.value_end.is_some() {
            let changed = r.value_start != r.value_end || r.quantity_start != r.quantity_end;
            let indent = "　".repeat(depth);
            rows.push(BarRow {
                label: format!("{indent}{}", r.name),
                values: vec![r.value_start, r.value_end],
                colour: 0,
                highlight: changed,
            });
        }
        for c in &r.children {
            walk(c, depth + 1, rows);
        }
    }
    for r in &b.assets.rows {
        walk(r, 0, &mut rows);
    }
    // Rows that are zero at both ends say nothing in a chart; the table keeps them.
    rows.retain(|r| r.values.iter().any(|v| v.is_some_and(|d| !d.is_zero())));
    let changed: Vec<String> = rows
        .iter()
        .filter(|r| r.highlight)
        .map(|r| r.label.trim_start_matches('　').to_string())
        .collect();
    let unit = b.assets.value_unit.clone();
    let summary = if changed.is_empty() {
        tr!(lang, "chart.assets.same").to_string()
    } else {
        tr!(lang, "chart.assets.changed", changed.join(tr!(lang, "common.list_sep")))
    };
    BarChart {
        unit,
        series: vec![tr!(lang, "chart.start").into(), tr!(lang, "chart.end").into()],
        rows,
        summary,
        blank_rows: vec![],
        parent: None,
        grand_total: None,
    }
}

/// 比上年增减: total, basic and project expenditure last year (this year − published change)
/// against this year.
pub fn change_chart(lang: Lang, b: &Bundle) -> BarChart {
    let unit = b.meta.unit.clone();
    let y = b.meta.fiscal_year;
    let base = b.change.base_year.unwrap_or(y - 1);
    let row = |label: &str, now: Option<Decimal>, change: Option<Decimal>| BarRow {
        label: label.to_string(),
        values: vec![now.zip(change).map(|(n, c)| n - c), now],
        colour: 0,
        highlight: change.is_some_and(|c| !c.is_zero()),
    };
    let rows = vec![
        row(
            tr!(lang, "overview.total_expenditure"),
            b.expenditure.total,
            b.change.total,
        ),
        row(tr!(lang, "term.basic"), b.stated_basic(), b.change.basic),
        row(tr!(lang, "term.project"), b.stated_project(), b.change.project),
    ];
    let summary = match (b.expenditure.total, b.change.total) {
        (Some(t), Some(c)) => tr!(
            lang,
            "chart.change.summary",
            y,
            fmt_amount_grouped(t),
            lang.unit_label(&unit),
            base,
            lang.fmt_change(c, Some(t - c), &unit),
            b.change
                .basic
                .map(|c| lang.fmt_change(c, b.stated_basic().map(|v| v - c), &unit))
                .unwrap_or(tr!(lang, "amount.blank").into()),
            b.change
                .project
                .map(|c| lang.fmt_change(c, b.stated_project().map(|v| v - c), &unit))
                .unwrap_or(tr!(lang, "amount.blank").into()),
        ),
        _ => tr!(lang, "chart.change.blank").to_string(),
    };
    BarChart {
        unit,
        series: vec![lang.fmt_year_short(base), lang.fmt_year_short(y)],
        rows,
        summary,
        blank_rows: vec![],
        parent: None,
        grand_total: None,
    }
}

/// "total X unit, largest: NAME Y unit (Z%)" for a breakdown.
pub fn ranked_summary<'a>(
    lang: Lang,
    what: &str,
    total: Option<Decimal>,
    parts: impl Iterator<Item = (&'a str, Option<Decimal>)>,
    unit: &str,
) -> String {
    let parts: Vec<_> = parts.collect();
    let blanks = parts.iter().filter(|(_, a)| a.is_none()).count();
    let largest =
        parts
            .iter()
            .filter_map(|(n, a)| a.map(|a| (*n, a)))
            .fold(None, |best: Option<(&str, Decimal)>, (n, a)| match best {
                Some((_, b)) if b >= a => best,
                _ => Some((n, a)),
            });
    let unit = lang.unit_label(unit);
    // "支出合计未列", never "支出合计合计未列": a name that already says total gets no second one.
    let names_total = crate::tables::ends_with_total(what)
        || [
            tr!(lang, "overview.total_expenditure"),
            tr!(lang, "overview.total_revenue"),
            tr!(lang, "common.total"),
        ]
        .contains(&what);
    let mut s = match total {
        Some(t) => tr!(lang, "summary.total", what, fmt_amount_grouped(t), unit, parts.len()),
        None if names_total => tr!(lang, "summary.total_blank", what, parts.len()),
        None => tr!(lang, "summary.no_total", what, parts.len()),
    };
    if let Some((n, a)) = largest {
        let share = total.and_then(|t| percent(a, t, 1));
        s.push_str(&tr!(
            lang,
            "summary.largest",
            n,
            fmt_amount_grouped(a),
            unit,
            fmt_percent(share)
        ));
    }
    if blanks > 0 {
        s.push_str(&tr!(lang, "summary.blanks", blanks));
    }
    s.push_str(tr!(lang, "summary.end"));
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_ticks_exact() {
        assert_eq!(nice_ticks(3719.45, 5), vec![0.0, 1000.0, 2000.0, 3000.0, 4000.0]);
        assert_eq!(nice_ticks(11.82, 5), vec![0.0, 5.0, 10.0, 15.0]);
        assert_eq!(nice_ticks(0.0, 5), vec![0.0]);
        assert_eq!(nice_ticks(872.0, 3), vec![0.0, 500.0, 1000.0]);
    }

    fn row(label: &str, values: &[Option<i64>]) -> BarRow {
        BarRow {
            label: label.into(),
            values: values.iter().map(|v| v.map(|v| Decimal::new(v, 0))).collect(),
            colour: 0,
            highlight: false,
        }
    }

    #[test]
    fn drawn_leaves_out_blank_rows_and_years_and_draws_nothing_without_an_amount() {
        let chart = |rows: Vec<BarRow>| BarChart {
            unit: "万元".into(),
            series: vec!["2016年".into(), "2017年".into()],
            rows,
            summary: String::new(),
            blank_rows: vec![],
            parent: None,
            grand_total: None,
        };
        // A year blank in every row is not drawn as a row of 未列 bars.
        let c = drawn(chart(vec![row("A", &[None, Some(5)]), row("B", &[None, None])])).unwrap();
        assert_eq!(c.series, ["2017年"]);
        assert_eq!(c.rows, [row("A", &[Some(5)])]);
        assert_eq!(c.blank_rows, ["B"]);
        // Both years kept when each has an amount somewhere.
        let c = drawn(chart(vec![row("A", &[None, Some(5)]), row("B", &[Some(1), None])])).unwrap();
        assert_eq!(c.series.len(), 2);
        // Nothing but blanks and zeros: no chart (no lone "0" axis).
        assert_eq!(drawn(chart(vec![row("A", &[None, None])])), None);
        assert_eq!(drawn(chart(vec![row("A", &[Some(0), Some(0)])])), None);
        assert_eq!(drawn(chart(vec![])), None);
    }

    #[test]
    fn bars_proportional_and_blank_is_not_zero_silently() {
        let chart = BarChart {
            unit: "万元".into(),
            series: vec!["2017年".into()],
            rows: vec![
                BarRow {
                    label: "A".into(),
                    values: vec![Some(Decimal::new(500, 0))],
                    colour: 0,
                    highlight: false,
                },
                BarRow {
                    label: "B".into(),
                    values: vec![Some(Decimal::new(250, 0))],
                    colour: 0,
                    highlight: false,
                },
                BarRow {
                    label: "C".into(),
                    values: vec![None],
                    colour: 0,
                    highlight: false,
                },
            ],
            summary: String::new(),
            blank_rows: vec![],
            parent: None,
            grand_total: None,
        };
        let l = layout_bars(crate::i18n::Lang::Zh, &chart, 600);
        assert_eq!(l.x0, 8.0);
        assert_eq!(l.x1, 482.0);
        // domain 0..500 → A spans the whole plot, B half of it.
        assert_eq!(l.bars[0].w, 474.0);
        assert_eq!(l.bars[1].w, 237.0);
        assert_eq!(l.bars[2].w, 0.0);
        assert_eq!(l.bars[2].value_label, "未列");
        assert_eq!(l.height, 22 + 3 * 48 + 4);
    }
}

/// The tables the 预算表 view and the overview chart: the first whose coded lines make a tree
/// ([`crate::tables::is_sound_tree`]) of the 功能分类 tables (一般公共预算 → 财政拨款 → 政府性基金)
/// and of the 经济分类 tables (基本支出 → 机关运行经费), as indices into `b.tables`.
pub fn budget_chart_tables(b: &Bundle) -> (Option<usize>, Option<usize>) {
    use crate::tables::TableKind;
    let first_coded = |kinds: &[TableKind]| {
        kinds.iter().find_map(|k| {
            b.tables
                .iter()
                .position(|t| t.kind == *k && crate::tables::is_sound_tree(t))
        })
    };
    (
        first_coded(&[
            TableKind::GeneralPublic,
            TableKind::FiscalExpenditure,
            TableKind::GovernmentFund,
        ]),
        first_coded(&[
            TableKind::GeneralPublicBasic,
            TableKind::FiscalBasic,
            TableKind::OperatingCosts,
        ]),
    )
}

/// One level of a coded standard table's classification (功能分类 类 → 款 → 项, 经济分类 类 → 款) as
/// a bar chart, largest first: the 类 when `parent` is `None`, else the lines under the code
/// `parent`. Labels read "201 一般公共服务支出". Returns the chart and, for each of its rows,
/// the row's code and whether it has lines under it (can be opened). `None` when the table has
/// no coded lines or no such parent.
pub fn code_chart(
    lang: Lang,
    b: &Bundle,
    table: &crate::tables::BudgetTable,
    parent: Option<&str>,
) -> Option<(BarChart, Vec<(String, bool)>)> {
    use crate::tables::{code_tree, CodeNode};
    let tree = code_tree(table);
    fn find<'a>(nodes: &'a [CodeNode], code: &str) -> Option<&'a CodeNode> {
        nodes.iter().find_map(|n| {
            if n.code == code {
                Some(n)
            } else {
                find(&n.children, code)
            }
        })
    }
    let (parent_name, parent_total, nodes) = match parent {
        None => (table.title.clone(), table.total(), tree.as_slice()),
        Some(code) => {
            let n = find(&tree, code)?;
            (format!("{} {}", n.code, n.name), n.amount, n.children.as_slice())
        }
    };
    if nodes.is_empty() {
        return None;
    }
    let labels: Vec<String> = nodes.iter().map(|n| format!("{} {}", n.code, n.name)).collect();
    let items = labels.iter().zip(nodes).map(|(l, n)| (l.as_str(), n.amount)).collect();
    let mut chart = breakdown_chart_in(lang, b, &table.unit, &parent_name, parent_total, items, true);
    chart.grand_total = table.total();
    let codes = chart
        .rows
        .iter()
        .map(|r| {
            let n = nodes.iter().zip(&labels).find(|(_, l)| **l == r.label).map(|(n, _)| n);
            n.map(|n| (n.code.clone(), !n.children.is_empty())).unwrap_or_default()
        })
        .collect();
    Some((chart, codes))
}
