//! Structural validation (can the viewer show this bundle at all?) and reconciliation (do the
//! published figures add up?). The CLI's `validate` and the app's 数据核对 view both print
//! [`reconcile`]; [`structural_problems`] is what [`crate::parse_bundle`] rejects.
//!
//! The checks themselves are in one file per family (`totals.rs`, `activities.rs`,
//! `assets.rs`, `tables.rs`, `cross_table.rs`, `narrative.rs`, `performance_targets.rs`,
//! `names.rs`, `final_accounts.rs`); what a check is, in `check.rs`.

use crate::bundle::*;
use crate::i18n::Lang;
use crate::tables::TableKind;
use crate::tr;
use rust_decimal::Decimal;

pub use crate::check::{find_check, Check, CheckId, CheckStatus, FailingFigures};

/// Problems that make a bundle unusable, in `lang`; [`crate::parse_bundle`] refuses bundles
/// with any.
pub fn structural_problems(lang: Lang, b: &Bundle) -> Vec<String> {
    let mut p = Vec::new();
    if b.meta.department.trim().is_empty() {
        p.push(tr!(lang, "problem.empty", "meta.department"));
    }
    if !(1949..=2100).contains(&b.meta.fiscal_year) {
        p.push(tr!(lang, "problem.year", b.meta.fiscal_year));
    }
    if b.meta.unit.trim().is_empty() {
        p.push(tr!(lang, "problem.empty", "meta.unit"));
    }
    let mut neg: Vec<String> = Vec::new();
    let mut negative = |path: String, v: Option<Decimal>| {
        if let Some(d) = v.filter(|d| d.is_sign_negative() && !d.is_zero()) {
            neg.push(tr!(lang, "problem.negative", path, d));
        }
    };
    negative("revenue.total".into(), b.revenue.total);
    negative("expenditure.total".into(), b.expenditure.total);
    for (i, c) in b.expenditure.categories.iter().enumerate() {
        negative(format!("expenditure.categories[{i}].amount"), c.amount);
    }
    for (i, s) in b.revenue.sources.iter().enumerate() {
        negative(format!("revenue.sources[{i}].amount"), s.amount);
    }
    negative("three_public.total".into(), b.three_public.total);
    let mut nested = Vec::new();
    for (i, a) in b.performance.activities.iter().enumerate() {
        negative(format!("performance.activities[{i}].amount"), a.amount);
        for (j, s) in a.sub_activities.iter().enumerate() {
            negative(
                format!("performance.activities[{i}].sub_activities[{j}].amount"),
                s.amount,
            );
            if !s.sub_activities.is_empty() {
                nested.push(tr!(
                    lang,
                    "problem.nested",
                    format!("performance.activities[{i}].sub_activities[{j}]")
                ));
            }
        }
    }
    p.extend(neg);
    p.extend(nested);
    p
}

/// Longest `meta.title` (in characters) that reads as a title; a longer one is probably body text
/// taken for the title, and [`warnings`] says so.
pub const MAX_TITLE_CHARS: usize = 200;

/// Things that do not stop the viewer from showing a bundle but that its author should look at
/// (the CLI's `validate` prints them; they do not change its exit status).
pub fn warnings(lang: Lang, b: &Bundle) -> Vec<String> {
    let mut w = Vec::new();
    let title = b.meta.title.trim();
    let chars = title.chars().count();
    if chars > MAX_TITLE_CHARS {
        w.push(tr!(lang, "warning.title_long", chars, MAX_TITLE_CHARS));
    }
    let lines = title.lines().filter(|l| !l.trim().is_empty()).count();
    if lines > 1 {
        w.push(tr!(lang, "warning.title_lines", lines));
    }
    w
}

/// Every reconciliation the bundle's figures allow, in document order: the overview's totals,
/// the activities, the assets, each standard table, the tables against each other and the
/// narrative, the performance tables, the names, a 决算's comparisons. The order is kept from
/// version to version (a check's number, 1-based, was its link before checks had ids); each
/// check's id is unique in the list.
pub fn reconcile(b: &Bundle) -> Vec<Check> {
    let mut out = Vec::new();
    crate::totals::checks(&mut out, b);
    crate::activity_checks::checks(&mut out, b);
    crate::asset_checks::checks(&mut out, b);
    crate::tables_checks::checks(&mut out, b);
    crate::cross_table::checks(&mut out, b);
    crate::narrative::checks(&mut out, b);
    crate::perf_checks::checks(&mut out, b);
    crate::name_checks::checks(&mut out, b);
    out.extend(crate::final_checks::checks(b));
    crate::check::make_unique(&mut out);
    out
}

/// The first table of kind `k`, by its index in `b.tables`.
pub(crate) fn table_of(b: &Bundle, k: TableKind) -> Option<usize> {
    b.tables.iter().position(|t| t.kind == k)
}
