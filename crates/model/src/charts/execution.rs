//! 预算执行: each line's budget against what was spent, for one department and year.
//!
//! The actual (决算数) comes from the 决算: its 一般公共预算财政拨款支出决算表 (else 支出决算表), by
//! 功能分类 类 → 款 → 项. The budget of a line is, in this order, what the 决算 itself prints for it
//! (a 年初预算 / 预算数 column of that table), what its narrative states for it (“年初预算为…”,
//! matched by code), or — when the site also has the department's budget of that year — that
//! budget's 一般公共预算支出预算表 line with the same code. Each row says where its budget came
//! from; nothing is summed into a figure the documents do not print. Every amount is in
//! [`Execution::unit`], converted exactly from each table's own unit.

use crate::amount::convert;
use crate::bundle::{BudgetComparison, Bundle, DocumentKind};
use crate::tables::{code_tree, BudgetTable, CodeNode, Phase, TableKind};
use rust_decimal::{Decimal, RoundingStrategy};

/// Where a row's budget figure was published.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BudgetSource {
    /// A 年初预算 / 预算数 column of the 决算's own table.
    FinalTable,
    /// The 决算's narrative (“年初预算为…万元”).
    FinalNarrative,
    /// The department's budget (部门预算) of the same year, its 一般公共预算支出预算表.
    BudgetDocument,
}

/// One line: its budget and its actual, in [`Execution::unit`]. `None` = not published.
#[derive(Debug, Clone, PartialEq)]
pub struct ExecutionRow {
    /// 功能分类 code (3/5/7 digits), `None` for a total or a line no table codes.
    pub code: Option<String>,
    /// The name as published (the table's, else the narrative's).
    pub name: String,
    pub budget: Option<Decimal>,
    pub budget_source: Option<BudgetSource>,
    /// 全年预算 / 调整预算, when published.
    pub adjusted: Option<Decimal>,
    pub actual: Option<Decimal>,
    /// 完成率 as the 决算 prints it ("95.45%").
    pub rate_printed: Option<String>,
    /// The published reason for the difference (or the sentence saying there is none).
    pub reason: String,
    /// 主要用于：… as published.
    pub purpose: String,
    /// Source line of the narrative comparison, when one was read.
    pub source_line: Option<usize>,
    /// Its 款 (under a 类) or 项 (under a 款), in published order.
    pub children: Vec<ExecutionRow>,
}

impl ExecutionRow {
    /// A line with nothing published yet.
    pub fn named(code: Option<String>, name: String) -> ExecutionRow {
        ExecutionRow {
            code,
            name,
            budget: None,
            budget_source: None,
            adjusted: None,
            actual: None,
            rate_printed: None,
            reason: String::new(),
            purpose: String::new(),
            source_line: None,
            children: Vec::new(),
        }
    }
    /// The budget the actual is measured against: the adjusted one (全年预算) when published,
    /// else the approved one (年初预算), as the 决算s compute their 完成率.
    pub fn reference(&self) -> Option<Decimal> {
        self.adjusted.or(self.budget)
    }
    /// 决算 − 预算 (positive: more spent than budgeted); `None` unless both are published.
    pub fn difference(&self) -> Option<Decimal> {
        Some(self.actual? - self.reference()?)
    }
    /// 决算 ÷ 预算 (the reference budget) in percent, rounded half away from zero to 2 decimals; `None` unless both
    /// are published and the budget is not 0.
    pub fn rate(&self) -> Option<Decimal> {
        let (a, b) = (self.actual?, self.reference()?);
        if b.is_zero() {
            return None;
        }
        Some(
            (a * Decimal::from(100))
                .checked_div(b)?
                .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero),
        )
    }
    /// Its code and the last part of its name: "2120201 城乡社区规划与管理", or for a line the
    /// narrative names by its path ("…（款）行政运行（项）") "行政运行".
    pub fn short_name(&self) -> String {
        let n = self
            .name
            .trim_end_matches("（项）")
            .trim_end_matches("（款）")
            .trim_end_matches("（类）");
        let last = n.rsplit('）').next().unwrap_or(n);
        match &self.code {
            Some(c) => format!("{c} {last}"),
            None => last.to_string(),
        }
    }
    /// Every row of this subtree, depth first.
    pub fn walk(&self) -> Box<dyn Iterator<Item = &ExecutionRow> + '_> {
        Box::new(std::iter::once(self).chain(self.children.iter().flat_map(|c| c.walk())))
    }
}

/// What the 预算执行 view shows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Execution {
    /// Unit of every amount (the 决算's, else the budget's `meta.unit`).
    pub unit: String,
    /// The whole (一般公共预算财政拨款支出): the table's 合计 and the narrative's total comparison.
    pub total: Option<ExecutionRow>,
    /// 类 rows with their 款 and 项.
    pub rows: Vec<ExecutionRow>,
    /// Lines the narrative compares whose names no table line carries (shown as published).
    pub unplaced: Vec<ExecutionRow>,
    /// “三公”: the total first (when stated), then each item.
    pub three_public: Vec<ExecutionRow>,
    /// Title of the table the actuals come from, as published.
    pub actual_table: Option<String>,
    /// Title of the budget table compared with, as published, when a budget was given.
    pub budget_table: Option<String>,
    /// Whether a 决算 and a budget were given.
    pub has_final: bool,
    pub has_budget: bool,
}

impl Execution {
    /// Every row (total, lines, unplaced lines; not “三公”), depth first.
    pub fn all_rows(&self) -> impl Iterator<Item = &ExecutionRow> {
        self.total
            .iter()
            .chain(self.rows.iter())
            .chain(self.unplaced.iter())
            .flat_map(|r| r.walk())
    }
    /// Rows with both figures, largest gap first (by absolute difference, then code).
    pub fn largest_gaps(&self) -> Vec<&ExecutionRow> {
        let mut v: Vec<&ExecutionRow> = self
            .rows
            .iter()
            .flat_map(|r| r.walk())
            .chain(self.unplaced.iter())
            .filter(|r| r.children.is_empty() && r.difference().is_some())
            .collect();
        v.sort_by(|a, b| {
            let d = |r: &ExecutionRow| r.difference().map(|d| d.abs()).unwrap_or_default();
            d(b).cmp(&d(a)).then_with(|| a.code.cmp(&b.code))
        });
        v
    }
    /// The row of `code` and its ancestors' names (for a breadcrumb), when present.
    pub fn find(&self, code: &str) -> Option<&ExecutionRow> {
        self.rows
            .iter()
            .flat_map(|r| r.walk())
            .find(|r| r.code.as_deref() == Some(code))
    }
}

/// Where `value` falls on a bar scaled to `max`, in percent of its length (0–100); `None` for a
/// blank value or an empty scale. (A display position, not money: f64 is fine here.)
pub fn bar_percent(value: Option<Decimal>, max: Decimal) -> Option<f64> {
    use rust_decimal::prelude::ToPrimitive;
    let v = value?.abs();
    if max <= Decimal::ZERO {
        return None;
    }
    (v * Decimal::from(100))
        .checked_div(max)?
        .to_f64()
        .map(|p| p.clamp(0.0, 100.0))
}

/// The 决算's table of actuals by 功能分类, and the column of its 决算数.
fn actual_table(b: &Bundle) -> Option<(&BudgetTable, usize)> {
    // Only the 一般公共预算财政拨款 table: the narrative's comparisons and the budget's
    // 一般公共预算支出预算表 are of that scope (the 支出决算表 counts every source of funds).
    b.tables
        .iter()
        .find(|t| t.kind == TableKind::FinalGeneralPublic && t.coded_lines().next().is_some())
        .and_then(|t| t.first_of(Phase::Executed).map(|c| (t, c)))
}

/// The budget's table by 功能分类 (its first column: the approved total of each line).
fn budget_table(b: &Bundle) -> Option<&BudgetTable> {
    // Of the same scope as the actuals (a 财政拨款支出预算表 counts 政府性基金 too).
    b.tables
        .iter()
        .find(|t| t.kind == TableKind::GeneralPublic && t.coded_lines().next().is_some())
}

fn in_unit(t: &BudgetTable, line: usize, col: usize, unit: &str) -> Option<Decimal> {
    t.lines.get(line)?.amount(col).and_then(|a| convert(a, &t.unit, unit))
}

/// Whether a comparison is of the whole (“一般公共预算财政拨款支出年初预算为…”), not of a line.
pub fn is_whole(c: &BudgetComparison) -> bool {
    c.code.is_none()
        && !c.name.contains('（')
        && c.name.ends_with("支出")
        && (c.name.contains("一般公共预算") || c.name.contains("财政拨款"))
        && !c.name.contains("三公")
}

fn from_comparison(c: &BudgetComparison) -> ExecutionRow {
    ExecutionRow {
        code: c.code.clone(),
        name: c.name.clone(),
        budget: c.budget,
        budget_source: c.reference_budget().map(|_| BudgetSource::FinalNarrative),
        adjusted: c.adjusted_budget,
        actual: c.actual,
        rate_printed: c.rate.clone(),
        reason: c.reason.clone(),
        purpose: c.purpose.clone(),
        source_line: c.source_line,
        children: Vec::new(),
    }
}

/// The comparison of a department's year: `final_accounts` is its 决算, `budget` its 部门预算 of
/// the same year (either may be missing; a bundle of the other kind is ignored).
pub fn execution(final_accounts: Option<&Bundle>, budget: Option<&Bundle>) -> Execution {
    let fin = final_accounts.filter(|b| b.meta.kind == DocumentKind::FinalAccounts);
    let bud = budget.filter(|b| b.meta.kind == DocumentKind::Budget);
    let Some(unit) = fin.or(bud).map(|b| b.meta.unit.clone()) else {
        return Execution::default();
    };
    let mut out = Execution {
        unit: unit.clone(),
        has_final: fin.is_some(),
        has_budget: bud.is_some(),
        ..Default::default()
    };
    let comparisons: &[BudgetComparison] = fin
        .and_then(|b| b.final_accounts.as_ref())
        .map_or(&[], |f| f.comparisons.as_slice());
    let budget_lines = bud.and_then(budget_table);
    out.budget_table = budget_lines.map(|t| t.title.clone());
    // The budget of a code from the budget document (its first column), in `unit`.
    let budget_of = |code: &str| -> Option<Decimal> {
        let t = budget_lines?;
        let (i, _) = t.coded_lines().find(|(_, l)| l.code.as_deref() == Some(code))?;
        in_unit(t, i, 0, &unit)
    };
    let actuals = fin.and_then(actual_table);
    if let Some((t, col)) = actuals {
        out.actual_table = Some(t.title.clone());
        let own_budget = t.first_of(Phase::Approved);
        let own_adjusted = t.first_of(Phase::Adjusted);
        let rate_col = (0..t.columns.len()).find(|c| t.phase(*c).is_none());
        fn build(
            nodes: &[CodeNode],
            t: &BudgetTable,
            cols: (usize, Option<usize>, Option<usize>, Option<usize>),
            unit: &str,
            comparisons: &[BudgetComparison],
            budget_of: &dyn Fn(&str) -> Option<Decimal>,
        ) -> Vec<ExecutionRow> {
            let (actual, own_budget, own_adjusted, rate_col) = cols;
            nodes
                .iter()
                .map(|n| {
                    let said = comparisons.iter().find(|c| c.code.as_deref() == Some(n.code.as_str()));
                    let mut row = said
                        .map(from_comparison)
                        .unwrap_or_else(|| ExecutionRow::named(Some(n.code.clone()), n.name.clone()));
                    row.name = n.name.clone();
                    row.actual = in_unit(t, n.line, actual, unit);
                    if let Some(b) = own_budget.and_then(|c| in_unit(t, n.line, c, unit)) {
                        row.budget = Some(b);
                        row.budget_source = Some(BudgetSource::FinalTable);
                    } else if row.budget.is_none() {
                        row.budget = budget_of(&n.code);
                        row.budget_source = row.budget.map(|_| BudgetSource::BudgetDocument);
                    }
                    if let Some(a) = own_adjusted.and_then(|c| in_unit(t, n.line, c, unit)) {
                        row.adjusted = Some(a);
                    }
                    if let Some(r) = rate_col.and_then(|c| t.lines[n.line].amount(c)) {
                        row.rate_printed = Some(format!("{r}%"));
                    }
                    row.children = build(&n.children, t, cols, unit, comparisons, budget_of);
                    row
                })
                .collect()
        }
        out.rows = build(
            &code_tree(t),
            t,
            (col, own_budget, own_adjusted, rate_col),
            &unit,
            comparisons,
            &budget_of,
        );
        // The whole: the table's 合计 with the narrative's total comparison.
        let total_line = t.lines.iter().position(|l| l.is_total());
        let said = comparisons.iter().find(|c| is_whole(c));
        if total_line.is_some() || said.is_some() {
            let mut row = said
                .map(from_comparison)
                .unwrap_or_else(|| ExecutionRow::named(None, String::new()));
            if let Some(i) = total_line {
                row.actual = in_unit(t, i, col, &unit);
                if let Some(b) = own_budget.and_then(|c| in_unit(t, i, c, &unit)) {
                    row.budget = Some(b);
                    row.budget_source = Some(BudgetSource::FinalTable);
                }
                if row.name.is_empty() {
                    row.name = t.lines[i].name.clone();
                }
            }
            out.total = Some(row);
        }
    } else if let Some(t) = budget_lines {
        // A budget alone: its lines with their budgets, no actuals.
        fn build(nodes: &[CodeNode], t: &BudgetTable, unit: &str) -> Vec<ExecutionRow> {
            nodes
                .iter()
                .map(|n| {
                    let budget = in_unit(t, n.line, 0, unit);
                    ExecutionRow {
                        budget,
                        budget_source: budget.map(|_| BudgetSource::BudgetDocument),
                        children: build(&n.children, t, unit),
                        ..ExecutionRow::named(Some(n.code.clone()), n.name.clone())
                    }
                })
                .collect()
        }
        out.rows = build(&code_tree(t), t, &unit);
    }
    // Narrative comparisons of lines no table codes.
    let placed = |c: &BudgetComparison| c.code.as_deref().is_some_and(|code| out.find(code).is_some());
    let unplaced: Vec<ExecutionRow> = comparisons
        .iter()
        .filter(|c| c.name.contains('（') && !placed(c))
        .map(from_comparison)
        .collect();
    out.unplaced = unplaced;
    out.three_public = three_public_rows(fin, bud, &unit);
    out
}

/// “三公”: the 决算's items (决算数, with their 预算数 from its table, else the budget document's
/// amounts) and the narrative's total comparison.
fn three_public_rows(fin: Option<&Bundle>, bud: Option<&Bundle>, unit: &str) -> Vec<ExecutionRow> {
    let mut rows = Vec::new();
    let row = |name: &str, budget: Option<Decimal>, source, actual: Option<Decimal>| ExecutionRow {
        budget,
        budget_source: budget.map(|_| source),
        actual,
        ..ExecutionRow::named(None, name.to_string())
    };
    let in_unit = |b: &Bundle, d: Option<Decimal>| d.and_then(|d| convert(d, &b.meta.unit, unit));
    match (fin, bud) {
        (Some(f), _) => {
            if let Some(c) = f.final_accounts.as_ref().and_then(|a| a.three_public.as_ref()) {
                rows.push(from_comparison(c));
            }
            for i in &f.three_public.items {
                let from_budget = bud.and_then(|b| {
                    b.three_public
                        .items
                        .iter()
                        .find(|x| x.kind == i.kind)
                        .and_then(|x| in_unit(b, x.amount))
                });
                let (budget, source) = match i.budget {
                    Some(b) => (Some(b), BudgetSource::FinalTable),
                    None => (from_budget, BudgetSource::BudgetDocument),
                };
                let mut r = row(&i.name, in_unit(f, budget), source, in_unit(f, i.amount));
                r.reason = i.reason.clone();
                rows.push(r);
            }
        }
        (None, Some(b)) => {
            for i in &b.three_public.items {
                rows.push(row(&i.name, in_unit(b, i.amount), BudgetSource::BudgetDocument, None));
            }
        }
        (None, None) => {}
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tables::{BudgetLine, Cell};

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn line(code: &str, name: &str, amounts: &[&str]) -> BudgetLine {
        BudgetLine {
            code: (!code.is_empty()).then(|| code.to_string()),
            name: name.into(),
            amounts: amounts.iter().map(|a| Cell((!a.is_empty()).then(|| d(a)))).collect(),
            part: None,
            source_line: None,
        }
    }

    fn bundle(kind: DocumentKind, table: BudgetTable) -> Bundle {
        let seed = include_str!("../../../../data/pingxiang-fgj-2017.json");
        let mut b = crate::parse_bundle(seed, "seed").unwrap();
        b.meta.kind = kind;
        b.tables = vec![table];
        b.three_public.items.clear();
        b
    }

    fn final_table() -> BudgetTable {
        BudgetTable {
            kind: TableKind::FinalGeneralPublic,
            title: "一般公共预算财政拨款支出决算表".into(),
            unit: "元".into(),
            columns: vec!["合计".into(), "基本支出".into(), "项目支出".into()],
            lines: vec![
                line("208", "社会保障和就业支出", &["800000", "800000", "0"]),
                line("20805", "行政事业单位养老支出", &["800000", "800000", "0"]),
                line("2080501", "行政单位离退休", &["545300", "545300", "0"]),
                line(
                    "2080505",
                    "机关事业单位基本养老保险缴费支出",
                    &["254700", "254700", "0"],
                ),
                line("", "合计", &["800000", "800000", "0"]),
            ],
            notes: vec![],
            source_line: None,
        }
    }

    #[test]
    fn actuals_from_the_table_budgets_from_the_narrative_then_the_budget() {
        let mut fin = bundle(DocumentKind::FinalAccounts, final_table());
        fin.final_accounts = Some(crate::bundle::FinalAccounts {
            comparisons: vec![BudgetComparison {
                code: Some("2080505".into()),
                name: "社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）".into(),
                purpose: String::new(),
                budget: Some(d("30.00")),
                adjusted_budget: None,
                actual: Some(d("25.47")),
                rate: Some("84.90%".into()),
                reason: "人员变动。".into(),
                source_line: Some(9),
            }],
            three_public: None,
        });
        let mut budget_table = final_table();
        budget_table.kind = TableKind::GeneralPublic;
        budget_table.title = "一般公共预算支出预算表".into();
        budget_table.unit = "万元".into();
        budget_table.lines = vec![
            line("208", "社会保障和就业支出", &["80.00"]),
            line("20805", "行政事业单位养老支出", &["80.00"]),
            line("2080501", "行政单位离退休", &["60.00"]),
            line("2080505", "机关事业单位基本养老保险缴费支出", &["20.00"]),
        ];
        budget_table.columns = vec!["合计".into()];
        let bud = bundle(DocumentKind::Budget, budget_table);

        let e = execution(Some(&fin), Some(&bud));
        assert_eq!(e.unit, "万元");
        let own = e.find("2080505").unwrap();
        assert_eq!((own.budget, own.actual), (Some(d("30.00")), Some(d("25.47"))));
        assert_eq!(own.budget_source, Some(BudgetSource::FinalNarrative));
        assert_eq!(own.difference(), Some(d("-4.53")));
        assert_eq!(own.rate(), Some(d("84.90")));
        assert_eq!(own.reason, "人员变动。");
        let other = e.find("2080501").unwrap();
        assert_eq!(other.actual, Some(d("54.53")), "元 → 万元 exactly");
        assert_eq!(other.budget, Some(d("60.00")));
        assert_eq!(other.budget_source, Some(BudgetSource::BudgetDocument));
        // The 类 is printed in both documents: compared; nothing is summed.
        assert_eq!(e.rows[0].budget, Some(d("80")));
        assert_eq!(e.largest_gaps()[0].code.as_deref(), Some("2080501"));
        assert_eq!(e.total.as_ref().unwrap().actual, Some(d("80")));

        // Without the budget document, a line the narrative does not compare has no budget.
        let alone = execution(Some(&fin), None);
        assert_eq!(alone.find("2080501").unwrap().budget, None);
        assert!(alone.has_final && !alone.has_budget);
        // A budget alone: budgets, no actuals.
        let only_budget = execution(None, Some(&bud));
        assert_eq!(only_budget.find("2080501").unwrap().actual, None);
        assert_eq!(only_budget.find("2080501").unwrap().budget, Some(d("60.00")));
    }

    #[test]
    fn a_final_table_that_prints_its_budget_columns_is_read_by_their_names() {
        let mut t = final_table();
        t.columns = vec!["年初预算数".into(), "决算数".into(), "完成率".into()];
        t.unit = "万元".into();
        t.lines = vec![
            line("201", "一般公共服务支出", &["100.00", "90.00", "90.00"]),
            line("", "合计", &["100.00", "90.00", "90.00"]),
        ];
        let fin = bundle(DocumentKind::FinalAccounts, t);
        let e = execution(Some(&fin), None);
        let r = &e.rows[0];
        assert_eq!((r.budget, r.actual), (Some(d("100.00")), Some(d("90.00"))));
        assert_eq!(r.budget_source, Some(BudgetSource::FinalTable));
        assert_eq!(r.rate_printed.as_deref(), Some("90.00%"));
        assert_eq!(e.total.as_ref().unwrap().budget, Some(d("100.00")));
    }
}
