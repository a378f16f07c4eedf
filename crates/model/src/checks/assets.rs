//! The assets tree: each row's parts (less deductions) add up to it, its 其中 lines do not
//! exceed it, and quantity and value agree on "nothing". Ids name the row by the names down the
//! tree: `assets.<row>.<child>….<column>-sum`, `….<column>-of-which`,
//! `….quantity-value-<start|end>`.

use crate::bundle::{AssetRole, AssetRow, Bundle};
use crate::check::{Arg, Check, CheckId, CheckStatus};
use crate::format::fmt_amount;
use crate::sums::{equal, mark, status_of};
use crate::text;
use rust_decimal::Decimal;

const AREA: &str = "check.area.assets";

/// The checks of every row, depth first.
pub fn checks(out: &mut Vec<Check>, b: &Bundle) {
    let vu = b.assets.value_unit.as_str();
    for (i, row) in b.assets.rows.iter().enumerate() {
        row_checks(
            out,
            row,
            &format!("assets.rows[{i}]"),
            &CheckId::of(&["assets", &row.name]),
            vu,
        );
    }
}

type Get = fn(&AssetRow) -> Option<Decimal>;

/// The columns checked: (id word, key of its name, the figure, whether it is a value).
const COLUMNS: [(&str, &str, Get, bool); 4] = [
    ("value-start", "check.value_start", |r| r.value_start, true),
    ("value-end", "check.value_end", |r| r.value_end, true),
    ("quantity-start", "check.quantity_start", |r| r.quantity_start, false),
    ("quantity-end", "check.quantity_end", |r| r.quantity_end, false),
];

/// The checks of the row at `path` (e.g. `assets.rows[0]`, with id `id`) and of its children.
fn row_checks(out: &mut Vec<Check>, row: &AssetRow, path: &str, id: &CheckId, value_unit: &str) {
    let child = |k: usize| format!("{path}.children[{k}]");
    let with_role = |role: AssetRole| -> Vec<usize> {
        (0..row.children.len())
            .filter(|k| row.children[*k].role == role)
            .collect()
    };
    let (parts, deductions, of_which) = (
        with_role(AssetRole::Part),
        with_role(AssetRole::Deduction),
        with_role(AssetRole::OfWhich),
    );
    for (word, key, get, is_value) in COLUMNS {
        let Some(total) = get(row) else { continue };
        let unit = if is_value {
            value_unit
        } else {
            row.quantity_unit.as_deref().unwrap_or("")
        };
        let of = |ks: &[usize]| -> Vec<Option<Decimal>> { ks.iter().map(|k| get(&row.children[*k])).collect() };
        let part_values = of(&parts);
        if !parts.is_empty() && part_values.iter().all(Option::is_some) && (is_value || deductions.is_empty()) {
            let sum: Decimal = part_values.iter().flatten().sum();
            let ded: Decimal = of(&deductions).iter().flatten().sum();
            let mut lhs = part_values
                .iter()
                .flatten()
                .map(|v| fmt_amount(*v))
                .collect::<Vec<_>>()
                .join(" + ");
            if !deductions.is_empty() {
                lhs.push_str(&format!(" − {}", fmt_amount(ded)));
            }
            out.push(
                equal(
                    id.with(&[&format!("{word}-sum")]),
                    AREA,
                    text!("check.asset_sum", &row.name, Arg::Key(key)),
                    lhs,
                    sum - ded,
                    total,
                    unit,
                )
                .comparing(std::iter::once(path.to_string()).chain(parts.iter().chain(&deductions).map(|k| child(*k)))),
            );
        }
        let ow: Vec<Decimal> = of(&of_which).into_iter().flatten().collect();
        if !ow.is_empty() {
            let s: Decimal = ow.iter().sum();
            out.push(
                Check::new(
                    id.with(&[&format!("{word}-of-which")]),
                    AREA,
                    text!("check.of_which", &row.name, Arg::Key(key)),
                    status_of(s <= total),
                    text!(
                        "check.of_which_detail",
                        s,
                        total,
                        Arg::Unit(unit.into()),
                        mark(s <= total)
                    ),
                )
                .comparing(std::iter::once(path.to_string()).chain(of_which.iter().map(|k| child(*k)))),
            );
        }
    }
    quantity_and_value(out, row, path, id, value_unit);
    for (k, c) in row.children.iter().enumerate() {
        row_checks(out, c, &child(k), &id.with(&[&c.name]), value_unit);
    }
}

/// Quantity and value must agree on "nothing": no items but a value (or items worth nothing);
/// a count is whole (floor areas, 平方米, may be fractional) and not negative. Only failures are
/// listed.
fn quantity_and_value(out: &mut Vec<Check>, row: &AssetRow, path: &str, id: &CheckId, value_unit: &str) {
    for (word, key, q, v) in [
        ("start", "chart.start", row.quantity_start, row.value_start),
        ("end", "chart.end", row.quantity_end, row.value_end),
    ] {
        let (Some(q), Some(v)) = (q, v) else { continue };
        let non_negative = !q.is_sign_negative() || q.is_zero();
        let whole_or_area = q.fract().is_zero() || row.quantity_unit.as_deref() == Some("平方米");
        if non_negative && whole_or_area && q.is_zero() == v.is_zero() {
            continue;
        }
        out.push(
            Check::new(
                id.with(&[&format!("quantity-value-{word}")]),
                AREA,
                text!("check.quantity_value", &row.name, Arg::Key(key)),
                CheckStatus::Fail,
                text!(
                    "check.quantity_value_detail",
                    q,
                    Arg::Unit(row.quantity_unit.clone().unwrap_or_default()),
                    v,
                    Arg::Unit(value_unit.into())
                ),
            )
            .comparing([path.to_string()]),
        );
    }
}
