//! The overview's breakdowns: which of a bundle's own breakdowns the overview charts, each titled
//! for the classification it really shows and citing where its figures come from.
//!
//! A document with the national standard tables leads with them: expenditure by 功能分类 (类),
//! basic expenditure by 经济分类 (类) and the split by use (基本支出/项目支出…) or, failing that,
//! by source of funds. The county form (the seed) keeps its chart of expenditure categories.
//! A breakdown the document does not state has no chart, only a line saying so; nothing here
//! adds up parts into a total or makes up a category.

use crate::bundle::Bundle;
use crate::chart::{
    breakdown_chart_in, budget_chart_tables, change_chart, code_chart, drawn, expenditure_chart, three_public_chart,
    BarChart,
};
use crate::i18n::Lang;
use crate::tables::{
    is_sound_tree, item_level, without_number, TableKind, REVENUE_TOTALS, SPENDING_TOTALS, SUMMARY_PARTS,
};
use crate::tr;
use rust_decimal::Decimal;

/// Which classification a breakdown shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BreakdownKind {
    /// Expenditure by 支出功能分类, 类 level: a coded 功能分类 table (its rows open 预算表 at that
    /// 类) or the 收支预算总表's 功能分类 part.
    Functional,
    /// Basic expenditure by 支出经济分类, 类 level (or 机关运行经费 when that is the only 经济分类
    /// table); its rows open 预算表 at that 类.
    Economic,
    /// Expenditure by use: 基本支出, 项目支出 and what else the document puts beside them.
    Use,
    /// Revenue by source of funds.
    Sources,
    /// The county form's expenditure categories (工资福利支出, 日常公用经费, …, 项目支出).
    Categories,
}

/// One breakdown of the overview: a chart with its title and source, or a line saying the
/// document does not state it.
#[derive(Debug, Clone, PartialEq)]
pub struct Breakdown {
    pub kind: BreakdownKind,
    /// Stable id for the view's headings and tables ("functional", "economic", "use", …).
    pub id: &'static str,
    /// What it shows, in the interface language, e.g. "支出按功能分类（类）".
    pub title: String,
    /// Where its figures come from, as published: a table's title, or the section of text.
    /// Empty when nothing is charted.
    pub source: String,
    /// Whether `source` is a published title (kept in the document's language) rather than
    /// interface words naming a section of text.
    pub source_published: bool,
    /// The chart as drawn; `None` when the document states nothing to draw (the view then shows
    /// [`Breakdown::not_stated`]).
    pub chart: Option<BarChart>,
    /// For each drawn row (in `chart.rows` order), the 预算表 code it opens (功能分类 or 经济分类
    /// 类), when the chart drills and the 类 has lines under it (then 预算表 has a page for it).
    pub codes: Vec<Option<String>>,
    /// For each drawn row, the path of its figure in the bundle (failing checks mark it), e.g.
    /// `tables[7].lines[1].amounts[0]`.
    pub figures: Vec<String>,
    /// Path prefix of every figure the chart draws from (`tables[7]`, `expenditure.categories`).
    pub figures_under: String,
}

impl Breakdown {
    /// The one line shown in place of a chart the document does not state.
    pub fn not_stated(&self, lang: Lang) -> String {
        tr!(lang, "breakdown.not_stated", self.title)
    }
    fn blank(kind: BreakdownKind, id: &'static str, title: String) -> Breakdown {
        Breakdown {
            kind,
            id,
            title,
            source: String::new(),
            source_published: false,
            chart: None,
            codes: Vec::new(),
            figures: Vec::new(),
            figures_under: String::new(),
        }
    }
}

/// The overview's breakdowns of `b`, in the order shown. With standard tables: 功能分类, 经济分类,
/// then use (or sources); without them: the county form's categories (or use, when its categories
/// are 基本支出/项目支出…).
pub fn overview_breakdowns(lang: Lang, b: &Bundle) -> Vec<Breakdown> {
    if b.tables.is_empty() {
        return vec![without_tables(lang, b)];
    }
    let (functional, economic) = budget_chart_tables(b);
    vec![
        functional
            .and_then(|ti| coded(lang, b, ti, BreakdownKind::Functional))
            .or_else(|| functional_from_summary(lang, b))
            .unwrap_or_else(|| {
                Breakdown::blank(
                    BreakdownKind::Functional,
                    "functional",
                    tr!(lang, "breakdown.functional").into(),
                )
            }),
        economic
            .and_then(|ti| coded(lang, b, ti, BreakdownKind::Economic))
            .unwrap_or_else(|| {
                Breakdown::blank(
                    BreakdownKind::Economic,
                    "economic",
                    tr!(lang, "breakdown.economic").into(),
                )
            }),
        use_from_table(lang, b)
            .or_else(|| use_from_summary(lang, b))
            .or_else(|| use_from_text(lang, b))
            .or_else(|| sources(lang, b))
            .unwrap_or_else(|| Breakdown::blank(BreakdownKind::Use, "use", tr!(lang, "breakdown.use").into())),
    ]
}

/// 比上年增减 as drawn: `None` when the document states no change (not a year of 未列 bars).
pub fn overview_change_chart(lang: Lang, b: &Bundle) -> Option<BarChart> {
    let c = &b.change;
    if c.total.is_none() && c.basic.is_none() && c.project.is_none() {
        return None;
    }
    drawn(change_chart(lang, b))
}

/// “三公” last year and this year as drawn: a year the document does not state is left out (its
/// summary says so); `None` when neither year has an amount.
pub fn overview_three_public_chart(lang: Lang, b: &Bundle) -> Option<BarChart> {
    let mut chart = drawn(three_public_chart(lang, b))?;
    let tp = &b.three_public;
    if tp.total.is_none() {
        // No total to compare: say what the items are rather than "“三公”经费未列".
        chart.summary = crate::chart::ranked_summary(
            lang,
            tr!(lang, "term.three_public"),
            None,
            tp.items.iter().map(|i| (i.name.as_str(), i.amount)),
            &chart.unit,
        );
    }
    Some(chart)
}

/// The title of the “三公” chart: last year and this year, or this year alone when the document
/// does not state last year's.
pub fn three_public_title(lang: Lang, chart: &BarChart) -> &'static str {
    if chart.series.len() > 1 {
        tr!(lang, "overview.three_public_chart")
    } else {
        tr!(lang, "overview.three_public_this_year")
    }
}

/// A bundle of the county form: its expenditure categories as published.
fn without_tables(lang: Lang, b: &Bundle) -> Breakdown {
    if b.categories_by_use() {
        if let Some(d) = use_from_text(lang, b) {
            return d;
        }
    }
    let chart = drawn(expenditure_chart(lang, b));
    let figures = b
        .expenditure
        .categories
        .iter()
        .enumerate()
        .filter(|(_, c)| c.amount.is_some())
        .map(|(i, _)| format!("expenditure.categories[{i}].amount"))
        .collect();
    match chart {
        Some(chart) => Breakdown {
            kind: BreakdownKind::Categories,
            id: "spend",
            title: tr!(lang, "overview.spend_chart").into(),
            source: tr!(lang, "breakdown.text_expenditure").into(),
            source_published: false,
            codes: vec![None; chart.rows.len()],
            chart: Some(chart),
            figures,
            figures_under: "expenditure.categories".into(),
        },
        None => Breakdown::blank(
            BreakdownKind::Categories,
            "spend",
            tr!(lang, "breakdown.spending").into(),
        ),
    }
}

/// The 类 of a coded table (`b.tables[ti]`), each row opening 预算表 at its code. `None` when its
/// codes do not make a tree or it has nothing to draw.
fn coded(lang: Lang, b: &Bundle, ti: usize, kind: BreakdownKind) -> Option<Breakdown> {
    let t = &b.tables[ti];
    if !is_sound_tree(t) {
        return None;
    }
    // `code_chart` gives each drawn row's code; `drawn` keeps those rows as they are.
    let (chart, codes) = code_chart(lang, b, t, None)?;
    let chart = drawn(chart)?;
    let figures = codes
        .iter()
        .map(|(code, _)| {
            t.coded_lines()
                .find(|(_, l)| l.code.as_deref() == Some(code.as_str()))
                .map(|(li, _)| format!("tables[{ti}].lines[{li}].amounts[0]"))
                .unwrap_or_default()
        })
        .collect();
    let title = match (kind, t.kind) {
        (BreakdownKind::Economic, TableKind::OperatingCosts) => tr!(lang, "breakdown.operating_economic"),
        (BreakdownKind::Economic, _) => tr!(lang, "breakdown.economic"),
        _ => tr!(lang, "breakdown.functional"),
    };
    Some(Breakdown {
        kind,
        id: if kind == BreakdownKind::Functional {
            "functional"
        } else {
            "economic"
        },
        title: title.into(),
        source: t.title.clone(),
        source_published: true,
        chart: Some(chart),
        // Only codes with lines under them open 预算表 (the site has a page for exactly those,
        // `Route::pages`): a row without any does not drill.
        codes: codes
            .into_iter()
            .map(|(c, opens)| (opens && !c.is_empty()).then_some(c))
            .collect(),
        figures,
        figures_under: format!("tables[{ti}]"),
    })
}

/// What a one-series breakdown is made of: its amounts, each with the path of its figure.
struct Items<'a> {
    kind: BreakdownKind,
    id: &'static str,
    title: &'a str,
    /// Where the figures come from (a table's title, a section of text).
    source: String,
    source_published: bool,
    unit: &'a str,
    /// The whole the items are parts of, and its stated total (never their sum).
    parent: &'a str,
    total: Option<Decimal>,
    /// (name, amount, path of the figure), in published order.
    items: Vec<(&'a str, Option<Decimal>, String)>,
    under: String,
}

impl Items<'_> {
    /// The breakdown, when it has something to draw.
    fn breakdown(self, lang: Lang, b: &Bundle) -> Option<Breakdown> {
        let chart = breakdown_chart_in(
            lang,
            b,
            self.unit,
            self.parent,
            self.total,
            self.items.iter().map(|(n, a, _)| (*n, *a)).collect(),
            false,
        );
        // Parts of the whole named in the summary; no share of another total.
        let chart = drawn(BarChart {
            grand_total: None,
            ..chart
        })?;
        let figures = chart
            .rows
            .iter()
            .map(|r| {
                self.items
                    .iter()
                    .find(|(n, _, _)| *n == r.label)
                    .map(|(_, _, f)| f.clone())
                    .unwrap_or_default()
            })
            .collect();
        Some(Breakdown {
            kind: self.kind,
            id: self.id,
            title: self.title.to_string(),
            source: self.source,
            source_published: self.source_published,
            codes: vec![None; chart.rows.len()],
            chart: Some(chart),
            figures,
            figures_under: self.under,
        })
    }
}

fn table_index(b: &Bundle, kind: TableKind) -> Option<usize> {
    b.tables.iter().position(|t| t.kind == kind)
}

/// The numbered top-level lines (“一、一般公共服务支出”) of one part of the 收支预算总表
/// (`b.tables[ti]`), without their numbers, as a breakdown of its line `total`.
fn summary_part<'a>(
    b: &'a Bundle,
    ti: usize,
    part: &'a str,
    totals: &[&str],
    (kind, id, title): (BreakdownKind, &'static str, &'a str),
) -> Items<'a> {
    let t = &b.tables[ti];
    Items {
        kind,
        id,
        title,
        source: t.title.clone(),
        source_published: true,
        unit: &t.unit,
        parent: &t.title,
        // The first of the side's published totals the table prints.
        total: totals
            .iter()
            .find_map(|n| t.line_named(n))
            .and_then(|(_, l)| l.amount(0)),
        items: t
            .part_lines(part)
            .filter(|(_, l)| item_level(&l.name) == Some(0))
            .map(|(li, l)| {
                (
                    without_number(&l.name),
                    l.amount(0),
                    format!("tables[{ti}].lines[{li}].amounts[0]"),
                )
            })
            .collect(),
        under: format!("tables[{ti}]"),
    }
}

/// 功能分类 类 from the 收支预算总表's 功能分类 part (no codes: the rows do not drill).
fn functional_from_summary(lang: Lang, b: &Bundle) -> Option<Breakdown> {
    let ti = table_index(b, TableKind::Summary)?;
    let what = (
        BreakdownKind::Functional,
        "functional",
        tr!(lang, "breakdown.functional"),
    );
    summary_part(b, ti, SUMMARY_PARTS[1], &SPENDING_TOTALS, what).breakdown(lang, b)
}

/// The split by use from the 支出预算总表 (合计, 基本支出, 项目支出, …).
fn use_from_table(lang: Lang, b: &Bundle) -> Option<Breakdown> {
    let t = b.expenditure_summary()?;
    let ti = b.tables.iter().position(|x| std::ptr::eq(x, t))?;
    Items {
        kind: BreakdownKind::Use,
        id: "use",
        title: tr!(lang, "breakdown.use"),
        source: t.title.clone(),
        source_published: true,
        unit: &t.unit,
        parent: &t.title,
        total: t.lines[0].amount(0),
        items: (1..t.columns.len())
            .map(|c| {
                (
                    t.columns[c].as_str(),
                    t.lines[0].amount(c),
                    format!("tables[{ti}].lines[0].amounts[{c}]"),
                )
            })
            .collect(),
        under: format!("tables[{ti}]"),
    }
    .breakdown(lang, b)
}

/// The split by use from the 收支预算总表's 支出用途 part, when it names 基本支出 or 项目支出 (a
/// part read with other lines in it is not taken for it).
fn use_from_summary(lang: Lang, b: &Bundle) -> Option<Breakdown> {
    let ti = table_index(b, TableKind::Summary)?;
    let what = (BreakdownKind::Use, "use", tr!(lang, "breakdown.use"));
    let items = summary_part(b, ti, SUMMARY_PARTS[2], &SPENDING_TOTALS, what);
    if !items.items.iter().any(|(n, _, _)| *n == "基本支出" || *n == "项目支出") {
        return None;
    }
    items.breakdown(lang, b)
}

/// The split by use as the text on expenditure states it (its categories are 基本支出, 项目支出…).
fn use_from_text(lang: Lang, b: &Bundle) -> Option<Breakdown> {
    if !b.categories_by_use() {
        return None;
    }
    Items {
        kind: BreakdownKind::Use,
        id: "use",
        title: tr!(lang, "breakdown.use"),
        source: tr!(lang, "breakdown.text_expenditure").into(),
        source_published: false,
        unit: &b.meta.unit,
        parent: tr!(lang, "overview.total_expenditure"),
        total: b.expenditure.total,
        items: (b.expenditure.categories.iter().enumerate())
            .map(|(i, c)| (c.name.as_str(), c.amount, format!("expenditure.categories[{i}].amount")))
            .collect(),
        under: "expenditure.categories".into(),
    }
    .breakdown(lang, b)
}

/// Revenue by source of funds: the 收支预算总表's 收入 part, else the sources the text states.
fn sources(lang: Lang, b: &Bundle) -> Option<Breakdown> {
    let what = (BreakdownKind::Sources, "sources", tr!(lang, "breakdown.sources"));
    if let Some(d) = table_index(b, TableKind::Summary)
        .and_then(|ti| summary_part(b, ti, SUMMARY_PARTS[0], &REVENUE_TOTALS, what).breakdown(lang, b))
    {
        return Some(d);
    }
    Items {
        kind: what.0,
        id: what.1,
        title: what.2,
        source: tr!(lang, "breakdown.text_revenue").into(),
        source_published: false,
        unit: &b.meta.unit,
        parent: tr!(lang, "overview.total_revenue"),
        total: b.revenue.total,
        items: (b.revenue.sources.iter().enumerate())
            .map(|(i, l)| (l.name.as_str(), l.amount, format!("revenue.sources[{i}].amount")))
            .collect(),
        under: "revenue.sources".into(),
    }
    .breakdown(lang, b)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The seed and the fixture bundles imported from corpus documents (see
    /// `crates/model/tests/fixtures/bundles/README.md`).
    fn bundle(name: &str) -> Bundle {
        let text = match name {
            "seed" => include_str!("../../../../data/pingxiang-fgj-2017.json"),
            "jiangsu-2019" => include_str!("../../tests/fixtures/bundles/jiangsu-zx-2019.json"),
            "jiangsu-2017-tables" => include_str!("../../tests/fixtures/bundles/jiangsu-zx-2017-tables.json"),
            "shanghai-2026" => include_str!("../../tests/fixtures/bundles/putuo-sfj-2026.json"),
            "final-2024" => include_str!("../../tests/fixtures/bundles/putuo-ghzy-2024-final.json"),
            _ => unreachable!(),
        };
        crate::parse_bundle(text, name).unwrap()
    }
    const ALL: [&str; 5] = [
        "seed",
        "jiangsu-2019",
        "jiangsu-2017-tables",
        "shanghai-2026",
        "final-2024",
    ];

    fn rows(d: &Breakdown) -> Vec<(String, String)> {
        d.chart
            .as_ref()
            .unwrap()
            .rows
            .iter()
            .map(|r| (r.label.clone(), crate::i18n::Lang::Zh.fmt_opt(r.values[0])))
            .collect()
    }

    #[test]
    fn the_seed_keeps_its_chart_of_expenditure_categories() {
        let d = overview_breakdowns(crate::i18n::Lang::Zh, &bundle("seed"));
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].kind, BreakdownKind::Categories);
        assert_eq!(d[0].title, "支出按经济分类");
        assert_eq!(d[0].source, "支出说明（正文）");
        assert_eq!(
            d[0].chart,
            Some(expenditure_chart(crate::i18n::Lang::Zh, &bundle("seed")))
        );
        assert_eq!(d[0].figures[0], "expenditure.categories[0].amount");
    }

    #[test]
    fn a_national_template_leads_with_its_functional_and_economic_classes_and_the_split_by_use() {
        let b = bundle("jiangsu-2019");
        let d = overview_breakdowns(crate::i18n::Lang::Zh, &b);
        let kinds: Vec<BreakdownKind> = d.iter().map(|d| d.kind).collect();
        assert_eq!(
            kinds,
            [BreakdownKind::Functional, BreakdownKind::Economic, BreakdownKind::Use]
        );

        assert_eq!(d[0].title, "支出按功能分类（类）");
        assert_eq!(d[0].source, "一般公共预算支出预算表（功能科目）");
        assert_eq!(
            rows(&d[0]),
            [
                ("201 一般公共服务支出".to_string(), "10,191.56".to_string()),
                ("221 住房保障支出".into(), "2,247.04".into()),
                ("208 社会保障和就业支出".into(), "858.51".into()),
            ]
        );
        // Each 类 opens 预算表 at its code; its figure is the table's line.
        assert_eq!(
            d[0].codes,
            [Some("201".to_string()), Some("221".into()), Some("208".into())]
        );
        let ti = b
            .tables
            .iter()
            .position(|t| t.kind == TableKind::GeneralPublic)
            .unwrap();
        assert_eq!(d[0].figures[0], format!("tables[{ti}].lines[1].amounts[0]"));
        let summary = &d[0].chart.as_ref().unwrap().summary;
        assert!(
            summary.starts_with("一般公共预算支出预算表（功能科目） 13,297.11 万元，共 3 项"),
            "{summary}"
        );

        assert_eq!(d[1].title, "基本支出按经济分类（类）");
        assert_eq!(d[1].source, "一般公共预算基本支出预算表（经济科目）");
        assert_eq!(rows(&d[1])[0], ("301 工资福利支出".to_string(), "4,367.96".to_string()));
        assert_eq!(d[1].codes[0].as_deref(), Some("301"));

        // Not "支出按经济分类": the 支出预算总表's columns, named for what they are.
        assert_eq!(d[2].title, "支出按用途（基本支出、项目支出）");
        assert_eq!(d[2].source, "支出预算总表");
        let use_chart = d[2].chart.as_ref().unwrap();
        assert_eq!(
            rows(&d[2]),
            [
                ("基本支出".to_string(), "6,522.75".to_string()),
                ("项目支出".into(), "4,968.34".into()),
                ("单位预留机动经费".into(), "1,886.02".into()),
            ]
        );
        assert_eq!(use_chart.blank_rows, ["结转下年资金"]);
        assert!(d[2].codes.iter().all(Option::is_none));
    }

    #[test]
    fn the_key_figures_take_basic_and_project_expenditure_as_stated() {
        // The text's categories put 单位预留机动经费 beside 基本支出; it is not part of it.
        let f = crate::overview::key_figures(crate::i18n::Lang::Zh, &bundle("jiangsu-2019"));
        assert_eq!((f.basic.as_str(), f.project.as_str()), ("6,522.75", "4,968.34"));
    }

    #[test]
    fn a_tables_only_document_has_the_same_three_breakdowns() {
        let d = overview_breakdowns(crate::i18n::Lang::Zh, &bundle("jiangsu-2017-tables"));
        let titles: Vec<&str> = d.iter().map(|d| d.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "支出按功能分类（类）",
                "基本支出按经济分类（类）",
                "支出按用途（基本支出、项目支出）"
            ]
        );
        assert!(d.iter().all(|d| d.chart.is_some()), "{d:?}");
        assert_eq!(d[0].source, "一般公共预算支出预算表");
    }

    #[test]
    fn what_a_document_does_not_state_is_one_line_not_an_empty_chart() {
        // A 决算 the importer reads little of: no categories, no change, no “三公” amounts.
        let b = bundle("final-2024");
        let d = overview_breakdowns(crate::i18n::Lang::Zh, &b);
        assert_eq!(d.len(), 1);
        assert!(d[0].chart.is_none());
        assert_eq!(d[0].not_stated(crate::i18n::Lang::Zh), "支出构成：本文件未列。");
        assert_eq!(overview_change_chart(crate::i18n::Lang::Zh, &b), None);
        assert_eq!(overview_three_public_chart(crate::i18n::Lang::Zh, &b), None);

        // Shanghai's tables as read today: the economic table's codes are cut to the 类 (every
        // line "301"), so it is not charted; its 支出用途 part lists 功能分类 names, so it is not
        // taken for the split by use; the revenue part is.
        let b = bundle("shanghai-2026");
        let d = overview_breakdowns(crate::i18n::Lang::Zh, &b);
        assert!(d[0].chart.is_none() && d[1].chart.is_none(), "{d:?}");
        assert_eq!(
            d[1].not_stated(crate::i18n::Lang::Zh),
            "基本支出按经济分类（类）：本文件未列。"
        );
        assert_eq!(d[2].kind, BreakdownKind::Sources);
        assert_eq!(d[2].title, "收入按来源");
        assert_eq!(d[2].source, "2026年部门财务收支预算总表");
        // Its total is the revenue side's 收入总计 as printed.
        assert!(d[2]
            .chart
            .as_ref()
            .unwrap()
            .summary
            .starts_with("2026年部门财务收支预算总表 96,282,213.44 元"));
    }

    #[test]
    fn no_chart_draws_a_year_of_blank_bars() {
        // Jiangsu states no change on last year, and no “三公” change: the change chart is not
        // drawn, the “三公” chart shows this year alone.
        let b = bundle("jiangsu-2017-tables");
        assert_eq!(overview_change_chart(crate::i18n::Lang::Zh, &b), None);
        let tp = overview_three_public_chart(crate::i18n::Lang::Zh, &b).unwrap();
        assert_eq!(tp.series, ["2017年"]);
        assert_eq!(three_public_title(crate::i18n::Lang::Zh, &tp), "“三公”经费：本年");
        // No “三公” total stated (Jiangsu 2019): the summary names the items, not "未列" alone.
        let tp = overview_three_public_chart(crate::i18n::Lang::Zh, &bundle("jiangsu-2019")).unwrap();
        assert!(
            tp.summary
                .starts_with("“三公”经费合计未列，共 3 项；最大：公务接待费支出 397.5 万元"),
            "{}",
            tp.summary
        );
        for name in ALL {
            let b = bundle(name);
            let charts = overview_breakdowns(crate::i18n::Lang::Zh, &b)
                .into_iter()
                .filter_map(|d| d.chart)
                .chain(overview_change_chart(crate::i18n::Lang::Zh, &b))
                .chain(overview_three_public_chart(crate::i18n::Lang::Zh, &b));
            for c in charts {
                for si in 0..c.series.len() {
                    assert!(
                        c.rows.iter().any(|r| r.values[si].is_some()),
                        "{name}: series {si} blank: {c:?}"
                    );
                }
                assert!(
                    c.rows.iter().any(|r| r.values.iter().flatten().any(|v| !v.is_zero())),
                    "{name}: {c:?}"
                );
            }
        }
        // The seed's change chart keeps both years.
        assert_eq!(
            overview_change_chart(crate::i18n::Lang::Zh, &bundle("seed"))
                .unwrap()
                .series
                .len(),
            2
        );
    }

    #[test]
    fn texts_never_double_a_word_in_either_language() {
        for lang in [crate::i18n::Lang::Zh, crate::i18n::Lang::En] {
            for name in ALL {
                let b = bundle(name);
                let mut texts: Vec<String> = Vec::new();
                for d in overview_breakdowns(lang, &b) {
                    texts.push(d.title.clone());
                    texts.push(d.not_stated(lang));
                    texts.extend(d.chart.map(|c| c.summary));
                }
                texts.extend(overview_change_chart(lang, &b).map(|c| c.summary));
                texts.extend(overview_three_public_chart(lang, &b).map(|c| c.summary));
                for t in &texts {
                    for doubled in [
                        "合计合计",
                        "总计合计",
                        "未列未列",
                        "共 0 项",
                        "total not stated, 0",
                        "Total expenditure: total",
                    ] {
                        assert!(!t.contains(doubled), "{name}: {t}");
                    }
                }
            }
        }
        // The pieces that once made "支出合计合计未列".
        let lang = crate::i18n::Lang::Zh;
        let s = crate::chart::ranked_summary(
            lang,
            tr!(lang, "overview.total_expenditure"),
            None,
            std::iter::empty(),
            "万元",
        );
        assert_eq!(s, "支出合计未列，共 0 项。");
    }

    #[test]
    fn english_titles_name_the_classification() {
        let d = overview_breakdowns(crate::i18n::Lang::En, &bundle("jiangsu-2019"));
        assert_eq!(d[0].title, "Expenditure by function (class)");
        assert_eq!(d[1].title, "Basic expenditure by economic nature (class)");
        assert_eq!(d[2].title, "Expenditure by use (basic, project)");
        // Published names stay as published.
        assert_eq!(d[0].source, "一般公共预算支出预算表（功能科目）");
    }
}
