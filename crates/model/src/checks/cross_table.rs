//! The standard tables against each other: 财政拨款支出 = 一般公共预算支出 when there is no 政府性
//! 基金 spending (also for basic expenditure), the 收支预算总表's 基本支出 / 项目支出 = the 支出预算
//! 总表's, the 财政拨款基本支出预算表's 合计 = the 财政拨款收支预算总表's 基本支出. Ids:
//! `cross.fiscal-is-general`, `cross.fiscal-basic-is-general`, `cross.summary-vs-expenditure.<basic|project>`,
//! `cross.fiscal-basic-vs-summary`.

use crate::bundle::Bundle;
use crate::check::{Check, CheckId};
use crate::format::fmt_amount;
use crate::sums::equal;
use crate::tables::{TableKind, SUMMARY_PARTS};
use crate::text;
use crate::validate::table_of;

const AREA: &str = crate::tables_checks::AREA;

/// The checks across tables, in this order.
pub fn checks(out: &mut Vec<Check>, b: &Bundle) {
    fiscal_is_general(out, b);
    summary_vs_expenditure(out, b);
    fiscal_basic_vs_summary(out, b);
}

/// The 合计 of table `ti` and its path.
fn total_cell(b: &Bundle, ti: usize) -> Option<(Option<rust_decimal::Decimal>, String)> {
    let t = &b.tables[ti];
    let li = t.lines.iter().position(|l| l.is_total())?;
    Some((t.lines[li].amount(0), format!("tables[{ti}].lines[{li}].amounts[0]")))
}

/// Without 政府性基金 lines, 财政拨款 spending is all 一般公共预算: their tables' 合计 agree.
fn fiscal_is_general(out: &mut Vec<Check>, b: &Bundle) {
    let fund_has_lines =
        table_of(b, TableKind::GovernmentFund).is_some_and(|f| b.tables[f].coded_lines().next().is_some());
    if fund_has_lines {
        return;
    }
    for (whole, part, word, label) in [
        (
            TableKind::FiscalExpenditure,
            TableKind::GeneralPublic,
            "fiscal-is-general",
            text!("check.fiscal_is_general"),
        ),
        (
            TableKind::FiscalBasic,
            TableKind::GeneralPublicBasic,
            "fiscal-basic-is-general",
            text!("check.fiscal_basic_is_general"),
        ),
    ] {
        let (Some(w), Some(p)) = (table_of(b, whole), table_of(b, part)) else {
            continue;
        };
        let (Some((Some(wv), wf)), Some((Some(pv), pf))) = (total_cell(b, w), total_cell(b, p)) else {
            continue;
        };
        out.push(
            equal(
                CheckId::of(&["cross", word]),
                AREA,
                label,
                fmt_amount(pv),
                pv,
                wv,
                &b.tables[w].unit,
            )
            .comparing([wf, pf]),
        );
    }
}

/// The 收支预算总表's 基本支出 and 项目支出 lines = the 支出预算总表's columns of those names.
fn summary_vs_expenditure(out: &mut Vec<Check>, b: &Bundle) {
    let (Some(si), Some(ei)) = (
        table_of(b, TableKind::Summary),
        table_of(b, TableKind::ExpenditureSummary),
    ) else {
        return;
    };
    let (st, et) = (&b.tables[si], &b.tables[ei]);
    if st.unit != et.unit {
        return;
    }
    for (column, word) in [("基本支出", "basic"), ("项目支出", "project")] {
        let in_summary = st.lines.iter().position(|l| {
            l.part.as_deref() == Some(SUMMARY_PARTS[2]) && crate::tables::without_number(&l.name) == column
        });
        let (Some(li), Some(c)) = (in_summary, et.column(column)) else {
            continue;
        };
        let (Some(a), Some(v)) = (st.lines[li].amount(0), et.lines.first().and_then(|l| l.amount(c))) else {
            continue;
        };
        out.push(
            equal(
                CheckId::of(&["cross", "summary-vs-expenditure", word]),
                AREA,
                text!("check.summary_vs_expenditure", column),
                fmt_amount(a),
                a,
                v,
                &st.unit,
            )
            .comparing([
                format!("tables[{si}].lines[{li}].amounts[0]"),
                format!("tables[{ei}].lines[0].amounts[{c}]"),
            ]),
        );
    }
}

/// The 财政拨款基本支出预算表's 合计 = the 基本支出 line of the 财政拨款收支预算总表.
fn fiscal_basic_vs_summary(out: &mut Vec<Check>, b: &Bundle) {
    let (Some(si), Some(bi)) = (
        table_of(b, TableKind::FiscalSummary),
        table_of(b, TableKind::FiscalBasic),
    ) else {
        return;
    };
    let (st, bt) = (&b.tables[si], &b.tables[bi]);
    let line = st.lines.iter().position(|l| {
        l.part.as_deref() == Some(SUMMARY_PARTS[2]) && crate::tables::without_number(&l.name) == "基本支出"
    });
    let total = bt.lines.iter().position(|l| l.is_total());
    let (Some(li), Some(ti), true) = (line, total, st.unit == bt.unit) else {
        return;
    };
    let (Some(a), Some(v)) = (st.lines[li].amount(0), bt.lines[ti].amount(0)) else {
        return;
    };
    out.push(
        equal(
            CheckId::of(&["cross", "fiscal-basic-vs-summary"]),
            AREA,
            text!("check.fiscal_basic_vs_summary"),
            fmt_amount(v),
            v,
            a,
            &st.unit,
        )
        .comparing([
            format!("tables[{bi}].lines[{ti}].amounts[0]"),
            format!("tables[{si}].lines[{li}].amounts[0]"),
        ]),
    );
}
