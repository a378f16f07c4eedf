//! Each standard table's own arithmetic: in every coded table and every column, each 款 is the
//! sum of its 项, each 类 of its 款, and the 类 lines add up to 合计; on every line of a table
//! with a 合计 column the other columns add up to it; the “三公” table's nested sums; the 收入预算
//! 总表's sources; the 政府采购 table's lines; the 收支预算总表's parts and balance.
//!
//! Ids start with the table's kind (`table.general-public`, from its standard name's key):
//! `table.<kind>.<code>-sum.<column>`, `table.<kind>.classes-sum.<column>`,
//! `table.<kind>.rows-sum`, `table.<kind>.lines-sum`, `table.<kind>.<column>-sum` (“三公”),
//! `table.<kind>.<part>-sum`, `table.<kind>.<item>-sum`, `table.<kind>.sources-sum`,
//! `table.<kind>.balance`. Two tables of one kind are told apart by `check::make_unique`.

use crate::bundle::Bundle;
use crate::check::{Arg, Check, CheckId, Text};
use crate::format::fmt_amount;
use crate::sums::{equal, mark, status_of, sum_of};
use crate::tables::{code_tree, BudgetTable, CodeNode, TableKind, SUMMARY_PARTS, SUMMARY_TOTALS};
use crate::text;
use rust_decimal::Decimal;

pub(crate) const AREA: &str = "check.area.tables";

/// The id of a check of table `t`: `table.<kind>.<words…>`.
pub(crate) fn table_id(t: &BudgetTable, words: &[&str]) -> CheckId {
    // "table.general_public" → "general-public".
    let key = t.kind.key();
    let kind = key.split_once('.').map_or(key, |(_, k)| k).replace('_', "-");
    CheckId::of(&["table", &kind]).with(words)
}

/// The path of a cell.
fn cell(ti: usize, li: usize, c: usize) -> String {
    format!("tables[{ti}].lines[{li}].amounts[{c}]")
}

/// Every table's own checks, table by table, then the 收支预算总表s'.
pub fn checks(out: &mut Vec<Check>, b: &Bundle) {
    for (ti, t) in b.tables.iter().enumerate() {
        if t.classification().is_some() {
            code_sums(out, ti, t);
        }
        match t.kind {
            // (The “三公” table's columns nest — 小计 over its parts — and have checks of their own.)
            TableKind::ThreePublic => three_public(out, ti, t),
            TableKind::RevenueSummary => revenue_summary(out, ti, t),
            TableKind::Procurement => procurement(out, ti, t),
            _ if t.columns.len() > 1 && crate::tables::is_total_name(&t.columns[0]) => row_sums(out, ti, t),
            _ => {}
        }
    }
    for (ti, t) in b.tables.iter().enumerate() {
        if matches!(t.kind, TableKind::Summary | TableKind::FiscalSummary) {
            summary(out, ti, t);
        }
    }
}

/// In every column: each parent code = its children, depth first; the 类 = 合计.
fn code_sums(out: &mut Vec<Check>, ti: usize, t: &BudgetTable) {
    fn parents<'a>(nodes: &'a [CodeNode], out: &mut Vec<&'a CodeNode>) {
        for n in nodes {
            if !n.children.is_empty() {
                out.push(n);
                parents(&n.children, out);
            }
        }
    }
    let tree = code_tree(t);
    let mut ps = Vec::new();
    parents(&tree, &mut ps);
    let title = Arg::Key(t.kind.key());
    for (c, column) in t.columns.iter().enumerate() {
        for p in &ps {
            out.push(
                sum_of(
                    table_id(t, &[&format!("{}-sum", p.code), column]),
                    AREA,
                    text!("check.code_sum", title.clone(), &p.code, &p.name, column),
                    p.children.iter().map(|n| (n.name.as_str(), t.lines[n.line].amount(c))),
                    t.lines[p.line].amount(c),
                    &t.unit,
                )
                .comparing(p.children.iter().chain([*p]).map(|n| cell(ti, n.line, c))),
            );
        }
        let Some(total_at) = t.lines.iter().position(|l| l.is_total()) else {
            continue;
        };
        if tree.is_empty() {
            continue;
        }
        out.push(
            sum_of(
                table_id(t, &["classes-sum", column]),
                AREA,
                text!("check.class_sum", title.clone(), column),
                tree.iter().map(|n| (n.name.as_str(), t.lines[n.line].amount(c))),
                t.lines[total_at].amount(c),
                &t.unit,
            )
            .comparing(tree.iter().map(|n| cell(ti, n.line, c)).chain([cell(ti, total_at, c)])),
        );
    }
}

/// 货物 + 工程 + 服务 = 合计.
fn procurement(out: &mut Vec<Check>, ti: usize, t: &BudgetTable) {
    let parts: Vec<usize> = (0..t.lines.len()).filter(|i| !t.lines[*i].is_total()).collect();
    let Some(total_at) = t.lines.iter().position(|l| l.is_total()) else {
        return;
    };
    if parts.is_empty() {
        return;
    }
    out.push(
        sum_of(
            table_id(t, &["lines-sum"]),
            AREA,
            text!("check.procurement_table", Arg::Key(t.kind.key())),
            parts.iter().map(|i| (t.lines[*i].name.as_str(), t.lines[*i].amount(0))),
            t.lines[total_at].amount(0),
            &t.unit,
        )
        .comparing(parts.iter().chain([&total_at]).map(|i| cell(ti, *i, 0))),
    );
}

/// Columns beside a 合计 column add up to it on every line: one check for the table, naming
/// the lines that do not.
fn row_sums(out: &mut Vec<Check>, ti: usize, t: &BudgetTable) {
    let mut wrong = Vec::new();
    let mut figures = Vec::new();
    let mut checked = 0;
    for (li, l) in t.lines.iter().enumerate() {
        let Some(total) = l.amount(0) else { continue };
        if (1..t.columns.len()).all(|c| l.amount(c).is_none()) {
            continue;
        }
        checked += 1;
        let parts: Decimal = (1..t.columns.len()).filter_map(|c| l.amount(c)).sum();
        if parts != total {
            wrong.push(Arg::Text(text!("check.row_wrong", &l.name, parts, total)));
            figures.extend((0..t.columns.len()).map(|c| cell(ti, li, c)));
        }
    }
    if checked == 0 {
        return;
    }
    let ok = wrong.is_empty();
    let detail = if ok {
        text!("check.rows_ok", checked)
    } else {
        // The lines, joined by the language's list separator, then ✗.
        let mut pattern = Text::symbols("{0}", vec![wrong.remove(0)]);
        for w in wrong {
            pattern = pattern.then(Text::symbols("{0}{1}", vec![Arg::Text(text!("common.list_sep")), w]));
        }
        pattern.then(Text::symbols(mark(false), vec![]))
    };
    out.push(
        Check::new(
            table_id(t, &["rows-sum"]),
            AREA,
            text!(
                "check.row_sum",
                Arg::Key(t.kind.key()),
                t.columns[1..].join(" + "),
                &t.columns[0]
            ),
            status_of(ok),
            detail,
        )
        .comparing(figures),
    );
}

/// The “三公”经费（会议费、培训费）table's nested sums: “三公” = 出国 + 车 + 接待, 车 = 购置 + 运行,
/// 合计 = “三公” + 会议费 + 培训费.
fn three_public(out: &mut Vec<Check>, ti: usize, t: &BudgetTable) {
    let Some(row) = t.lines.first() else { return };
    for (total, parts) in crate::tables::THREE_PUBLIC_SUMS {
        let Some(tc) = t.column(total) else { continue };
        let cols: Vec<usize> = parts.iter().filter_map(|p| t.column(p)).collect();
        if cols.is_empty() {
            continue;
        }
        out.push(
            sum_of(
                table_id(t, &[&format!("{total}-sum")]),
                AREA,
                text!("check.three_public_table", Arg::Key(t.kind.key()), total),
                cols.iter().map(|c| (t.columns[*c].as_str(), row.amount(*c))),
                row.amount(tc),
                &t.unit,
            )
            .comparing(cols.iter().chain([&tc]).map(|c| cell(ti, 0, *c))),
        );
    }
}

/// The 收入预算总表: each source's 小计 = its items (其中 lines aside), 收入总计 = the 小计s.
fn revenue_summary(out: &mut Vec<Check>, ti: usize, t: &BudgetTable) {
    let title = Arg::Key(t.kind.key());
    let is_subtotal = |li: usize| crate::tables::is_subtotal_name(&t.lines[li].name);
    let subtotals: Vec<usize> = (0..t.lines.len())
        .filter(|li| t.lines[*li].part.is_some() && is_subtotal(*li))
        .collect();
    for &s in &subtotals {
        let items: Vec<usize> = (s + 1..t.lines.len())
            .take_while(|li| t.lines[*li].part == t.lines[s].part && !is_subtotal(*li))
            .filter(|li| !crate::tables::is_of_which(&t.lines[*li].name))
            .collect();
        if items.is_empty() {
            continue;
        }
        let part = t.lines[s].part.clone().unwrap_or_default();
        out.push(
            sum_of(
                table_id(t, &[&format!("{part}-sum")]),
                AREA,
                text!("check.revenue_source", title.clone(), part),
                items
                    .iter()
                    .map(|li| (t.lines[*li].name.as_str(), t.lines[*li].amount(0))),
                t.lines[s].amount(0),
                &t.unit,
            )
            .comparing(items.iter().chain([&s]).map(|li| cell(ti, *li, 0))),
        );
    }
    if let Some(total) = t.lines.iter().position(|l| l.part.is_none()) {
        out.push(
            sum_of(
                table_id(t, &["sources-sum"]),
                AREA,
                text!("check.revenue_sources_total", title, &t.lines[total].name),
                subtotals
                    .iter()
                    .map(|li| (t.lines[*li].part.as_deref().unwrap_or_default(), t.lines[*li].amount(0))),
                t.lines[total].amount(0),
                &t.unit,
            )
            .comparing(subtotals.iter().chain([&total]).map(|li| cell(ti, *li, 0))),
        );
    }
}

/// The line whose name (spaces aside) contains `name`.
fn line_named(t: &BudgetTable, part: Option<&str>, name: &str) -> Option<usize> {
    t.lines.iter().position(|l| {
        part.is_none_or(|p| l.part.as_deref() == Some(p)) && l.name.replace(char::is_whitespace, "").contains(name)
    })
}

/// The 收支预算总表: each part's items add up to its 小计, sub-items to their item, and the two
/// sides balance.
fn summary(out: &mut Vec<Check>, ti: usize, t: &BudgetTable) {
    // This year's subtotal (当年收入小计) where printed, else the side's total (the 财政拨款
    // table has no carry-over lines, so its 收入合计 is this year's).
    let subtotal = |this_year: &str, side: &str| line_named(t, None, this_year).or_else(|| line_named(t, None, side));
    let revenue_total = subtotal(SUMMARY_TOTALS[0], SUMMARY_TOTALS[2]);
    let expenditure_total = subtotal(SUMMARY_TOTALS[1], SUMMARY_TOTALS[3]);
    for (part, word, total_at) in [
        (SUMMARY_PARTS[0], "revenue", revenue_total),
        (SUMMARY_PARTS[1], "functions", expenditure_total),
        (SUMMARY_PARTS[2], "uses", expenditure_total),
    ] {
        let level = |i: usize, n: u8| {
            t.lines[i].part.as_deref() == Some(part) && crate::tables::item_level(&t.lines[i].name) == Some(n)
        };
        let items: Vec<usize> = (0..t.lines.len()).filter(|i| level(*i, 0)).collect();
        let Some(total_at) = total_at else { continue };
        if items.is_empty() {
            continue;
        }
        summary_sum(
            out,
            ti,
            t,
            &[&format!("{word}-sum")],
            text!(
                "check.summary_part",
                Arg::Key(t.kind.key()),
                part,
                &t.lines[total_at].name
            ),
            &items,
            total_at,
        );
        // "1.一般公共预算", "2.政府性基金预算" under "一、财政拨款".
        for (k, &item) in items.iter().enumerate() {
            let end = items.get(k + 1).copied().unwrap_or(t.lines.len());
            let subs: Vec<usize> = (item + 1..end).filter(|i| level(*i, 1)).collect();
            if subs.is_empty() {
                continue;
            }
            let name = &t.lines[item].name;
            summary_sum(
                out,
                ti,
                t,
                &[word, &format!("{name}-sum")],
                text!("check.summary_sub", Arg::Key(t.kind.key()), name),
                &subs,
                item,
            );
        }
    }
    let (Some(r), Some(e)) = (
        line_named(t, Some(SUMMARY_PARTS[0]), SUMMARY_TOTALS[2]),
        line_named(t, None, SUMMARY_TOTALS[3]),
    ) else {
        return;
    };
    if let (Some(rv), Some(ev)) = (t.lines[r].amount(0), t.lines[e].amount(0)) {
        out.push(
            equal(
                table_id(t, &["balance"]),
                AREA,
                text!("check.summary_balance", Arg::Key(t.kind.key())),
                fmt_amount(rv),
                rv,
                ev,
                &t.unit,
            )
            .comparing([cell(ti, r, 0), cell(ti, e, 0)]),
        );
    }
}

/// Lines `parts` of the 总表 add up to line `total`.
fn summary_sum(
    out: &mut Vec<Check>,
    ti: usize,
    t: &BudgetTable,
    id: &[&str],
    label: Text,
    parts: &[usize],
    total: usize,
) {
    out.push(
        sum_of(
            table_id(t, id),
            AREA,
            label,
            parts.iter().map(|i| (t.lines[*i].name.as_str(), t.lines[*i].amount(0))),
            t.lines[total].amount(0),
            &t.unit,
        )
        .comparing(parts.iter().chain([&total]).map(|i| cell(ti, *i, 0))),
    );
}
