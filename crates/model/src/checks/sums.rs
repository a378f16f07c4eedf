//! The shapes most checks take, shared by every family: two figures equal, parts adding up to
//! their total, a check the document does not allow. Each returns the [`Check`] with its texts as
//! keys and arguments (see `check.rs`); the caller adds the figures it compared.

use crate::check::{Arg, Check, CheckId, CheckStatus, Text};
use crate::format::fmt_amount;
use crate::text;
use rust_decimal::Decimal;

/// Pass or fail.
pub fn status_of(ok: bool) -> CheckStatus {
    if ok {
        CheckStatus::Pass
    } else {
        CheckStatus::Fail
    }
}

/// " ✓" or " ✗".
pub fn mark(ok: bool) -> &'static str {
    if ok {
        " ✓"
    } else {
        " ✗"
    }
}

/// Paths of figures as owned strings.
pub fn paths(figures: &[&str]) -> Vec<String> {
    figures.iter().map(|f| f.to_string()).collect()
}

/// A check the document does not publish enough figures for, and why.
pub fn not_applicable(id: CheckId, area: &'static str, label: Text, why: Text) -> Check {
    Check::new(id, area, label, CheckStatus::NotApplicable, why)
}

/// An addend in a sum: "2.35", or "(−1.00)" when negative.
pub fn fmt_term(d: Decimal) -> String {
    if d.is_sign_negative() && !d.is_zero() {
        format!("(−{})", fmt_amount(-d))
    } else {
        fmt_amount(d)
    }
}

/// Signed amount, e.g. "+2.35" or "−1.00".
pub fn fmt_signed(d: Decimal) -> String {
    if d.is_sign_negative() && !d.is_zero() {
        format!("−{}", fmt_amount(-d))
    } else {
        format!("+{}", fmt_amount(d))
    }
}

/// `lhs` (its figures, worth `sum`) = the published `total`: "a + b = 3 万元 ✓", or the
/// difference.
pub fn equal(
    id: CheckId,
    area: &'static str,
    label: Text,
    lhs: impl Into<Arg>,
    sum: Decimal,
    total: Decimal,
    unit: &str,
) -> Check {
    let ok = sum == total;
    let (lhs, unit) = (lhs.into(), Arg::Unit(unit.to_string()));
    let detail = if ok {
        Text::symbols("{0} = {1} {2} ✓", vec![lhs, total.into(), unit])
    } else {
        text!("check.mismatch", lhs, sum, unit, total, fmt_signed(sum - total))
    };
    Check::new(id, area, label, status_of(ok), detail)
}

/// Parts vs total. Blank parts are named and the stated parts compared; a blank total means the
/// check cannot be made.
pub fn sum_of<'a>(
    id: CheckId,
    area: &'static str,
    label: Text,
    parts: impl Iterator<Item = (&'a str, Option<Decimal>)>,
    total: Option<Decimal>,
    unit: &str,
) -> Check {
    let parts: Vec<_> = parts.collect();
    let Some(total) = total else {
        return not_applicable(id, area, label, text!("check.total_blank"));
    };
    if parts.is_empty() {
        return not_applicable(id, area, label, text!("check.no_parts"));
    }
    let stated: Decimal = parts.iter().filter_map(|(_, a)| *a).sum();
    let blanks: Vec<String> = parts
        .iter()
        .filter(|(_, a)| a.is_none())
        .map(|(n, _)| n.to_string())
        .collect();
    let lhs: Arg = if parts.len() <= 6 {
        parts
            .iter()
            .filter_map(|(_, a)| a.map(fmt_term))
            .collect::<Vec<_>>()
            .join(" + ")
            .into()
    } else {
        text!("check.sum_of_n", parts.len() - blanks.len()).into()
    };
    let mut check = equal(id, area, label, lhs, stated, total, unit);
    if !blanks.is_empty() {
        check.detail = check.detail.then(text!("check.blank_parts", Arg::List(blanks)));
    }
    check
}
