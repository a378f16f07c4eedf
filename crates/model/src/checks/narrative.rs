//! The narrative's totals against the tables that print them: the 政府采购 table's 合计 = the
//! procurement total, the “三公” table's 小计 = the “三公” total, the 支出预算总表's 合计 = the
//! expenditure total (each only in the narrative's unit). Ids: `narrative.procurement-total`,
//! `narrative.three-public-total`, `narrative.expenditure-total`.

use crate::bundle::Bundle;
use crate::check::{Check, CheckId};
use crate::format::fmt_amount;
use crate::sums::equal;
use crate::tables::TableKind;
use crate::text;
use crate::validate::table_of;
use rust_decimal::Decimal;

const AREA: &str = crate::tables_checks::AREA;

/// The narrative's totals against their tables, in this order.
pub fn checks(out: &mut Vec<Check>, b: &Bundle) {
    procurement(out, b);
    three_public(out, b);
    expenditure(out, b);
}

/// The table's figure at `cell` (a path) = the narrative's at `said`.
fn agree(
    word: &str,
    label: crate::check::Text,
    printed: Decimal,
    said: Decimal,
    unit: &str,
    cell: String,
    said_at: &str,
) -> Check {
    equal(
        CheckId::of(&["narrative", word]),
        AREA,
        label,
        fmt_amount(printed),
        printed,
        said,
        unit,
    )
    .comparing([cell, said_at.to_string()])
}

fn procurement(out: &mut Vec<Check>, b: &Bundle) {
    let (Some(ti), Some(said)) = (table_of(b, TableKind::Procurement), b.procurement.total) else {
        return;
    };
    let t = &b.tables[ti];
    let (Some(li), true) = (t.lines.iter().position(|l| l.is_total()), t.unit == b.meta.unit) else {
        return;
    };
    if let Some(v) = t.lines[li].amount(0) {
        let cell = format!("tables[{ti}].lines[{li}].amounts[0]");
        out.push(agree(
            "procurement-total",
            text!("check.procurement_vs_table"),
            v,
            said,
            &t.unit,
            cell,
            "procurement.total",
        ));
    }
}

fn three_public(out: &mut Vec<Check>, b: &Bundle) {
    let (Some(ti), Some(said)) = (table_of(b, TableKind::ThreePublic), b.three_public.total) else {
        return;
    };
    let t = &b.tables[ti];
    let (Some(c), Some(row), true) = (
        t.column(crate::tables::THREE_PUBLIC_SUMS[0].0),
        t.lines.first(),
        t.unit == b.meta.unit,
    ) else {
        return;
    };
    if let Some(v) = row.amount(c) {
        let cell = format!("tables[{ti}].lines[0].amounts[{c}]");
        out.push(agree(
            "three-public-total",
            text!("check.three_public_vs_table"),
            v,
            said,
            &t.unit,
            cell,
            "three_public.total",
        ));
    }
}

fn expenditure(out: &mut Vec<Check>, b: &Bundle) {
    let (Some(s), Some(said)) = (table_of(b, TableKind::ExpenditureSummary), b.expenditure.total) else {
        return;
    };
    let t = &b.tables[s];
    // The first line with a 合计.
    let Some((li, v)) = t
        .lines
        .iter()
        .enumerate()
        .find_map(|(li, l)| l.amount(0).map(|v| (li, v)))
    else {
        return;
    };
    if t.unit == b.meta.unit {
        let cell = format!("tables[{s}].lines[{li}].amounts[0]");
        out.push(agree(
            "expenditure-total",
            text!("check.summary_is_narrative"),
            v,
            said,
            &t.unit,
            cell,
            "expenditure.total",
        ));
    }
}
