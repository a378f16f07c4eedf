//! The overview's figures: revenue and expenditure against their parts and each other, the
//! change on last year, the “三公” total and its change. Ids: `revenue.*`, `expenditure.*`,
//! `balance`, `change.*`, `three-public.*`.

use crate::bundle::Bundle;
use crate::check::{Arg, Check, CheckId, Text};
use crate::format::fmt_amount;
use crate::sums::{equal, fmt_signed, fmt_term, mark, not_applicable, paths, status_of, sum_of};
use crate::text;
use rust_decimal::Decimal;

/// The checks of the overview's figures, in this order.
pub fn checks(out: &mut Vec<Check>, b: &Bundle) {
    revenue_and_expenditure(out, b);
    change(out, b);
    three_public(out, b);
}

/// Sources = revenue, categories = expenditure, basic + project = expenditure, revenue =
/// expenditure.
fn revenue_and_expenditure(out: &mut Vec<Check>, b: &Bundle) {
    let unit = b.meta.unit.as_str();
    let sources = &b.revenue.sources;
    out.push(
        sum_of(
            CheckId::of(&["revenue", "sources-sum"]),
            "check.area.revenue",
            text!("check.revenue_sum"),
            sources.iter().map(|s| (s.name.as_str(), s.amount)),
            b.revenue.total,
            unit,
        )
        .comparing(
            (0..sources.len())
                .map(|i| format!("revenue.sources[{i}].amount"))
                .chain(["revenue.total".to_string()]),
        ),
    );
    let categories = &b.expenditure.categories;
    out.push(
        sum_of(
            CheckId::of(&["expenditure", "categories-sum"]),
            "check.area.expenditure",
            text!("check.expenditure_sum"),
            categories.iter().map(|c| (c.name.as_str(), c.amount)),
            b.expenditure.total,
            unit,
        )
        .comparing(
            (0..categories.len())
                .map(|i| format!("expenditure.categories[{i}].amount"))
                .chain(["expenditure.total".to_string()]),
        ),
    );
    if let (Some(basic), Some(project), Some(total)) =
        (b.basic_expenditure(), b.project_expenditure(), b.expenditure.total)
    {
        out.push(
            equal(
                CheckId::of(&["expenditure", "basic-project"]),
                "check.area.expenditure",
                text!("check.basic_project"),
                format!("{} + {}", fmt_amount(basic), fmt_amount(project)),
                basic + project,
                total,
                unit,
            )
            .comparing(paths(&[
                "expenditure.basic",
                "expenditure.project",
                "expenditure.total",
            ])),
        );
    }
    let (id, area, label) = (CheckId::of(&["balance"]), "check.area.balance", text!("check.balance"));
    let balance = match (b.revenue.total, b.expenditure.total) {
        (Some(r), Some(e)) => equal(id, area, label, fmt_amount(r), r, e, unit),
        _ => not_applicable(id, area, label, text!("check.balance_blank")),
    };
    out.push(balance.comparing(paths(&["revenue.total", "expenditure.total"])));
}

/// The change on last year: its parts add up, and no last-year figure (this year − change) is
/// negative.
fn change(out: &mut Vec<Check>, b: &Bundle) {
    let unit = b.meta.unit.as_str();
    let c = &b.change;
    let (id, area, label) = (
        CheckId::of(&["change", "sum"]),
        "check.area.change",
        text!("check.change_sum"),
    );
    let sum = match (c.basic, c.project, c.total) {
        (Some(x), Some(y), Some(t)) => equal(
            id,
            area,
            label,
            format!("{} + {}", fmt_term(x), fmt_term(y)),
            x + y,
            t,
            unit,
        ),
        _ => not_applicable(id, area, label, text!("check.change_blank")),
    };
    out.push(sum.comparing(paths(&["change.basic", "change.project", "change.total"])));
    for (what, key, now, change, figures) in [
        (
            "total",
            "common.total",
            b.expenditure.total,
            c.total,
            ["expenditure.total", "change.total"],
        ),
        (
            "basic",
            "term.basic",
            b.basic_expenditure(),
            c.basic,
            ["expenditure.basic", "change.basic"],
        ),
        (
            "project",
            "term.project",
            b.project_expenditure(),
            c.project,
            ["expenditure.project", "change.project"],
        ),
    ] {
        let (Some(p), Some(ch)) = (now, change) else { continue };
        let last = p - ch;
        out.push(
            Check::new(
                CheckId::of(&["change", "last-year", what]),
                area,
                text!("check.last_year", Arg::Key(key)),
                status_of(!last.is_sign_negative() || last.is_zero()),
                Text::symbols(
                    "{0} − {1} = {2} {3}",
                    vec![p.into(), fmt_term(ch).into(), last.into(), Arg::Unit(unit.into())],
                ),
            )
            .comparing(paths(&figures)),
        );
    }
}

/// The “三公” items add up to their total, and their changes to the total's change.
fn three_public(out: &mut Vec<Check>, b: &Bundle) {
    let unit = b.meta.unit.as_str();
    let tp = &b.three_public;
    let area = "check.area.three_public";
    out.push(
        sum_of(
            CheckId::of(&["three-public", "items-sum"]),
            area,
            text!("check.three_public_sum"),
            tp.items.iter().map(|i| (i.name.as_str(), i.amount)),
            tp.total,
            unit,
        )
        .comparing(
            (0..tp.items.len())
                .map(|i| format!("three_public.items[{i}].amount"))
                .chain(["three_public.total".to_string()]),
        ),
    );
    let Some(total_change) = tp.total_change else { return };
    let id = CheckId::of(&["three-public", "changes-sum"]);
    let stated: Vec<Decimal> = tp.items.iter().filter_map(|i| i.change).collect();
    if stated.is_empty() {
        out.push(not_applicable(
            id,
            area,
            text!("check.three_public_change"),
            text!("check.three_public_change_blank"),
        ));
        return;
    }
    let unstated: Vec<String> = tp
        .items
        .iter()
        .filter(|i| i.change.is_none())
        .map(|i| i.name.clone())
        .collect();
    let sum: Decimal = stated.iter().sum();
    let parts = stated.iter().map(|c| fmt_term(*c)).collect::<Vec<_>>().join(" + ");
    let mut detail = text!(
        "check.three_public_change_detail",
        parts,
        fmt_signed(sum),
        Arg::Unit(unit.into()),
        fmt_signed(total_change)
    );
    if !unstated.is_empty() {
        detail = detail.then(text!("check.unstated_changes", Arg::List(unstated)));
    }
    let ok = sum == total_change;
    out.push(
        Check::new(
            id,
            area,
            text!("check.three_public_change"),
            status_of(ok),
            detail.then(Text::symbols(mark(ok), vec![])),
        )
        .comparing(
            tp.items
                .iter()
                .enumerate()
                .filter(|(_, i)| i.change.is_some())
                .map(|(i, _)| format!("three_public.items[{i}].change"))
                .chain(["three_public.total_change".to_string()]),
        ),
    );
}
