//! Structural validation (can the viewer show this bundle at all?) and reconciliation (do the
//! published figures add up?). The CLI's `validate` and the app's 数据核对 view both print
//! [`reconcile`]; [`structural_problems`] is what [`crate::parse_bundle`] rejects.

use crate::bundle::*;
use crate::format::{fmt_amount, unit_label};
use crate::tr;
use rust_decimal::Decimal;
use std::collections::HashMap;

/// Outcome of one reconciliation check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckStatus {
    /// The figures agree.
    Pass,
    /// The figures disagree: `detail` states them.
    Fail,
    /// The document does not publish enough figures to check this.
    NotApplicable,
}

/// One reconciliation check with the figures it compared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Check {
    /// Which part of the disclosure: "收入", "支出", "三公", "绩效", "资产", "名称"…
    pub area: &'static str,
    /// What is checked, in Chinese, e.g. "支出各类之和 = 支出合计".
    pub label: String,
    pub status: CheckStatus,
    /// The figures, e.g. "716.45 + 92.22 + 389.62 + 2521.16 = 3719.45 ✓".
    pub detail: String,
    /// The figures this check compares, as paths into the bundle (`revenue.total`,
    /// `performance.activities[3].amount`, `assets.rows[0].children[2]` for a whole row,
    /// `duties[4].text`), plus `expenditure.basic` and `expenditure.project` for the sums of the
    /// basic and project categories. The viewer marks each of them where it shows them when the
    /// check fails (see [`FailingFigures`]).
    pub figures: Vec<String>,
}

/// Which shown figures take part in a failing check, for marking them where a citizen reads
/// them. Check numbers are 1-based positions in [`reconcile`]'s list, as the 数据核对 view
/// numbers its rows (`#/checks/N`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FailingFigures {
    by_figure: HashMap<String, Vec<usize>>,
    /// The failing checks: (number, label), in order.
    pub checks: Vec<(usize, String)>,
}

impl FailingFigures {
    /// Collects the figures of every failing check (passing and not-applicable checks mark nothing).
    pub fn of(checks: &[Check]) -> FailingFigures {
        let mut f = FailingFigures::default();
        for (i, c) in checks.iter().enumerate().filter(|(_, c)| c.status == CheckStatus::Fail) {
            f.checks.push((i + 1, c.label.clone()));
            for fig in &c.figures {
                let v = f.by_figure.entry(fig.clone()).or_default();
                if !v.contains(&(i + 1)) {
                    v.push(i + 1);
                }
            }
        }
        f
    }
    /// The numbers of the failing checks `figure` takes part in (empty when none).
    pub fn of_figure(&self, figure: &str) -> &[usize] {
        self.by_figure.get(figure).map_or(&[], Vec::as_slice)
    }
    /// The numbers of the failing checks any figure under `prefix` takes part in (a row and its
    /// cells: `performance.activities[3]` covers its `.amount` and `.name`), in order.
    pub fn under(&self, prefix: &str) -> Vec<usize> {
        let mut n: Vec<usize> = self
            .by_figure
            .iter()
            .filter(|(k, _)| {
                k.as_str() == prefix
                    || k.strip_prefix(prefix)
                        .is_some_and(|r| r.starts_with('.') || r.starts_with('['))
            })
            .flat_map(|(_, v)| v.iter().copied())
            .collect();
        n.sort_unstable();
        n.dedup();
        n
    }
    /// The label of failing check number `n`.
    pub fn label(&self, n: usize) -> Option<&str> {
        self.checks.iter().find(|(i, _)| *i == n).map(|(_, l)| l.as_str())
    }
    /// True when no check fails.
    pub fn is_empty(&self) -> bool {
        self.checks.is_empty()
    }
}

/// Sets the figures of the check just pushed.
fn compares(out: &mut [Check], figures: impl IntoIterator<Item = String>) {
    if let Some(c) = out.last_mut() {
        c.figures = figures.into_iter().collect();
    }
}

/// Problems that make a bundle unusable; [`crate::parse_bundle`] refuses bundles with any.
pub fn structural_problems(b: &Bundle) -> Vec<String> {
    let mut p = Vec::new();
    if b.meta.department.trim().is_empty() {
        p.push(tr!("problem.empty", "meta.department"));
    }
    if !(1949..=2100).contains(&b.meta.fiscal_year) {
        p.push(tr!("problem.year", b.meta.fiscal_year));
    }
    if b.meta.unit.trim().is_empty() {
        p.push(tr!("problem.empty", "meta.unit"));
    }
    let mut neg: Vec<String> = Vec::new();
    let mut negative = |path: String, v: Option<Decimal>| {
        if let Some(d) = v.filter(|d| d.is_sign_negative() && !d.is_zero()) {
            neg.push(tr!("problem.negative", path, d));
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
pub fn warnings(b: &Bundle) -> Vec<String> {
    let mut w = Vec::new();
    let title = b.meta.title.trim();
    let chars = title.chars().count();
    if chars > MAX_TITLE_CHARS {
        w.push(tr!("warning.title_long", chars, MAX_TITLE_CHARS));
    }
    let lines = title.lines().filter(|l| !l.trim().is_empty()).count();
    if lines > 1 {
        w.push(tr!("warning.title_lines", lines));
    }
    w
}

/// Every reconciliation the bundle's figures allow, in document order.
pub fn reconcile(b: &Bundle) -> Vec<Check> {
    let mut out = Vec::new();
    let unit = b.meta.unit.as_str();

    // 收入
    sum_check(
        &mut out,
        tr!("check.area.revenue"),
        tr!("check.revenue_sum").into(),
        b.revenue.sources.iter().map(|s| (s.name.as_str(), s.amount)),
        b.revenue.total,
        unit,
    );
    compares(
        &mut out,
        (0..b.revenue.sources.len())
            .map(|i| format!("revenue.sources[{i}].amount"))
            .chain(["revenue.total".to_string()]),
    );
    // 支出
    sum_check(
        &mut out,
        tr!("check.area.expenditure"),
        tr!("check.expenditure_sum").into(),
        b.expenditure.categories.iter().map(|c| (c.name.as_str(), c.amount)),
        b.expenditure.total,
        unit,
    );
    compares(
        &mut out,
        (0..b.expenditure.categories.len())
            .map(|i| format!("expenditure.categories[{i}].amount"))
            .chain(["expenditure.total".to_string()]),
    );
    if let (Some(basic), Some(project), Some(total)) =
        (b.basic_expenditure(), b.project_expenditure(), b.expenditure.total)
    {
        push_eq(
            &mut out,
            tr!("check.area.expenditure"),
            tr!("check.basic_project").into(),
            format!("{} + {}", fmt_amount(basic), fmt_amount(project)),
            basic + project,
            total,
            unit,
        );
        compares(
            &mut out,
            paths(&["expenditure.basic", "expenditure.project", "expenditure.total"]),
        );
    }
    match (b.revenue.total, b.expenditure.total) {
        (Some(r), Some(e)) => push_eq(
            &mut out,
            tr!("check.area.balance"),
            tr!("check.balance").into(),
            fmt_amount(r),
            r,
            e,
            unit,
        ),
        _ => out.push(na(
            tr!("check.area.balance"),
            tr!("check.balance"),
            tr!("check.balance_blank"),
        )),
    }
    compares(&mut out, paths(&["revenue.total", "expenditure.total"]));

    // 比上年增减
    let c = &b.change;
    match (c.basic, c.project, c.total) {
        (Some(x), Some(y), Some(t)) => push_eq(
            &mut out,
            tr!("check.area.change"),
            tr!("check.change_sum").into(),
            format!("{} + {}", fmt_term(x), fmt_term(y)),
            x + y,
            t,
            unit,
        ),
        _ => out.push(na(
            tr!("check.area.change"),
            tr!("check.change_sum"),
            tr!("check.change_blank"),
        )),
    }
    compares(&mut out, paths(&["change.basic", "change.project", "change.total"]));
    // Last year's figure (this year − change) cannot be negative.
    for (label, now, change, figures) in [
        (
            tr!("common.total"),
            b.expenditure.total,
            c.total,
            ["expenditure.total", "change.total"],
        ),
        (
            tr!("term.basic"),
            b.basic_expenditure(),
            c.basic,
            ["expenditure.basic", "change.basic"],
        ),
        (
            tr!("term.project"),
            b.project_expenditure(),
            c.project,
            ["expenditure.project", "change.project"],
        ),
    ] {
        if let (Some(p), Some(ch)) = (now, change) {
            let last = p - ch;
            out.push(Check {
                area: tr!("check.area.change"),
                label: tr!("check.last_year", label),
                status: status_of(!last.is_sign_negative() || last.is_zero()),
                detail: format!(
                    "{} − {} = {} {}",
                    fmt_amount(p),
                    fmt_term(ch),
                    fmt_amount(last),
                    unit_label(unit)
                ),
                figures: paths(&figures),
            });
        }
    }

    // 三公
    let tp = &b.three_public;
    sum_check(
        &mut out,
        tr!("check.area.three_public"),
        tr!("check.three_public_sum").into(),
        tp.items.iter().map(|i| (i.name.as_str(), i.amount)),
        tp.total,
        unit,
    );
    compares(
        &mut out,
        (0..tp.items.len())
            .map(|i| format!("three_public.items[{i}].amount"))
            .chain(["three_public.total".to_string()]),
    );
    if let Some(total_change) = tp.total_change {
        let stated: Vec<_> = tp
            .items
            .iter()
            .filter_map(|i| i.change.map(|c| (i.name.as_str(), c)))
            .collect();
        let unstated: Vec<_> = tp
            .items
            .iter()
            .filter(|i| i.change.is_none())
            .map(|i| i.name.as_str())
            .collect();
        if stated.is_empty() {
            out.push(na(
                tr!("check.area.three_public"),
                tr!("check.three_public_change"),
                tr!("check.three_public_change_blank"),
            ));
        } else {
            let sum: Decimal = stated.iter().map(|(_, c)| *c).sum();
            let parts = stated.iter().map(|(_, c)| fmt_term(*c)).collect::<Vec<_>>().join(" + ");
            let mut detail = tr!(
                "check.three_public_change_detail",
                parts,
                fmt_signed(sum),
                unit_label(unit),
                fmt_signed(total_change)
            );
            if !unstated.is_empty() {
                detail.push_str(&tr!("check.unstated_changes", unstated.join(tr!("common.list_sep"))));
            }
            out.push(Check {
                area: tr!("check.area.three_public"),
                label: tr!("check.three_public_change").into(),
                status: status_of(sum == total_change),
                detail: detail + if sum == total_change { " ✓" } else { " ✗" },
                figures: tp
                    .items
                    .iter()
                    .enumerate()
                    .filter(|(_, i)| i.change.is_some())
                    .map(|(i, _)| format!("three_public.items[{i}].change"))
                    .chain(["three_public.total_change".to_string()])
                    .collect(),
            });
        }
    }

    // 绩效
    let acts = &b.performance.activities;
    if !acts.is_empty() {
        let acts_sum = acts.iter().map(|a| (a.name.as_str(), a.amount));
        sum_check(
            &mut out,
            tr!("check.area.performance"),
            tr!("check.activities_sum", acts.len()),
            acts_sum,
            b.project_expenditure(),
            unit,
        );
        compares(
            &mut out,
            (0..acts.len())
                .map(|i| format!("performance.activities[{i}].amount"))
                .chain(["expenditure.project".to_string()]),
        );
        for (i, a) in acts.iter().enumerate().filter(|(_, a)| !a.sub_activities.is_empty()) {
            sum_check(
                &mut out,
                tr!("check.area.performance"),
                tr!("check.sub_sum", a.name),
                a.sub_activities.iter().map(|s| (s.name.as_str(), s.amount)),
                a.amount,
                unit,
            );
            compares(
                &mut out,
                (0..a.sub_activities.len())
                    .map(|j| format!("performance.activities[{i}].sub_activities[{j}].amount"))
                    .chain([format!("performance.activities[{i}].amount")]),
            );
        }
    }

    // 资产
    let vu = b.assets.value_unit.as_str();
    for (i, row) in b.assets.rows.iter().enumerate() {
        asset_checks(&mut out, row, &format!("assets.rows[{i}]"), vu);
    }

    // 标准预算表
    table_checks(&mut out, b);
    // 绩效目标表 / 绩效自评表
    crate::perf_checks::checks(&mut out, b);

    // 名称
    names_check(
        &mut out,
        tr!("search.kind.activity"),
        acts.iter().map(|a| a.name.as_str()),
        "performance.activities",
    );
    for (i, a) in acts.iter().enumerate() {
        if !a.sub_activities.is_empty() {
            names_check(
                &mut out,
                &tr!("check.subs_of", a.name),
                a.sub_activities.iter().map(|s| s.name.as_str()),
                &format!("performance.activities[{i}].sub_activities"),
            );
        }
    }
    let mut empty_indicators = Vec::new();
    for (i, a) in acts.iter().enumerate() {
        for (k, ind) in a.indicators.iter().enumerate() {
            if ind.name.trim().is_empty() {
                empty_indicators.push(format!("performance.activities[{i}].indicators[{k}].name"));
            }
        }
        for (j, s) in a.sub_activities.iter().enumerate() {
            for (k, ind) in s.indicators.iter().enumerate() {
                if ind.name.trim().is_empty() {
                    empty_indicators.push(format!(
                        "performance.activities[{i}].sub_activities[{j}].indicators[{k}].name"
                    ));
                }
            }
        }
    }
    out.push(Check {
        area: tr!("check.area.names"),
        label: tr!("check.indicator_names").into(),
        status: status_of(empty_indicators.is_empty()),
        detail: tr!(
            "check.indicator_names_detail",
            b.indicators().count(),
            empty_indicators.len()
        ),
        figures: empty_indicators,
    });
    let empty_duties: Vec<String> = (0..b.duties.len())
        .filter(|i| b.duties[*i].text.trim().is_empty())
        .map(|i| format!("duties[{i}].text"))
        .collect();
    out.push(Check {
        area: tr!("check.area.names"),
        label: tr!("check.duties").into(),
        status: status_of(empty_duties.is_empty()),
        detail: tr!("check.duties_detail", b.duties.len(), empty_duties.len()),
        figures: empty_duties,
    });
    // A 决算: its comparisons with the budget (checks/final_accounts.rs).
    out.extend(crate::final_checks::checks(b));
    out
}

fn paths(figures: &[&str]) -> Vec<String> {
    figures.iter().map(|f| f.to_string()).collect()
}

fn status_of(ok: bool) -> CheckStatus {
    if ok {
        CheckStatus::Pass
    } else {
        CheckStatus::Fail
    }
}

fn na(area: &'static str, label: &str, why: &str) -> Check {
    Check {
        area,
        label: label.to_string(),
        status: CheckStatus::NotApplicable,
        detail: why.to_string(),
        figures: Vec::new(),
    }
}

/// An addend in a sum: "2.35", or "(−1.00)" when negative.
fn fmt_term(d: Decimal) -> String {
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

fn push_eq(
    out: &mut Vec<Check>,
    area: &'static str,
    label: String,
    lhs: String,
    sum: Decimal,
    total: Decimal,
    unit: &str,
) {
    let ok = sum == total;
    let unit = unit_label(unit);
    let detail = if ok {
        format!("{lhs} = {} {unit} ✓", fmt_amount(total))
    } else {
        tr!(
            "check.mismatch",
            lhs,
            fmt_amount(sum),
            unit,
            fmt_amount(total),
            fmt_signed(sum - total)
        )
    };
    out.push(Check {
        area,
        label,
        status: status_of(ok),
        detail,
        figures: Vec::new(),
    });
}

/// Parts vs total. Blank parts are named and the stated parts compared; a blank total means the
/// check cannot be made.
fn sum_check<'a>(
    out: &mut Vec<Check>,
    area: &'static str,
    label: String,
    parts: impl Iterator<Item = (&'a str, Option<Decimal>)>,
    total: Option<Decimal>,
    unit: &str,
) {
    let parts: Vec<_> = parts.collect();
    let Some(total) = total else {
        out.push(Check {
            area,
            label,
            status: CheckStatus::NotApplicable,
            detail: tr!("check.total_blank").into(),
            figures: Vec::new(),
        });
        return;
    };
    if parts.is_empty() {
        out.push(Check {
            area,
            label,
            status: CheckStatus::NotApplicable,
            detail: tr!("check.no_parts").into(),
            figures: Vec::new(),
        });
        return;
    }
    let stated: Decimal = parts.iter().filter_map(|(_, a)| *a).sum();
    let blanks: Vec<&str> = parts.iter().filter(|(_, a)| a.is_none()).map(|(n, _)| *n).collect();
    let lhs = if parts.len() <= 6 {
        parts
            .iter()
            .filter_map(|(_, a)| a.map(fmt_term))
            .collect::<Vec<_>>()
            .join(" + ")
    } else {
        tr!("check.sum_of_n", parts.len() - blanks.len())
    };
    let mut check = {
        let mut v = Vec::new();
        push_eq(&mut v, area, label, lhs, stated, total, unit);
        v.pop().unwrap()
    };
    if !blanks.is_empty() {
        check
            .detail
            .push_str(&tr!("check.blank_parts", blanks.join(tr!("common.list_sep"))));
    }
    out.push(check);
}

/// The checks of an assets row (at `path`, e.g. `assets.rows[0]`) and of its children.
fn asset_checks(out: &mut Vec<Check>, row: &AssetRow, path: &str, value_unit: &str) {
    let child_path = |r: &AssetRow| {
        let k = row.children.iter().position(|c| std::ptr::eq(c, r)).unwrap_or(0);
        format!("{path}.children[{k}]")
    };
    let parts: Vec<&AssetRow> = row.children.iter().filter(|c| c.role == AssetRole::Part).collect();
    let deductions: Vec<&AssetRow> = row.children.iter().filter(|c| c.role == AssetRole::Deduction).collect();
    let of_which: Vec<&AssetRow> = row.children.iter().filter(|c| c.role == AssetRole::OfWhich).collect();
    type Get = fn(&AssetRow) -> Option<Decimal>;
    let columns: [(&str, Get, bool); 4] = [
        (tr!("check.value_start"), |r| r.value_start, true),
        (tr!("check.value_end"), |r| r.value_end, true),
        (tr!("check.quantity_start"), |r| r.quantity_start, false),
        (tr!("check.quantity_end"), |r| r.quantity_end, false),
    ];
    for (col, get, is_value) in columns {
        let Some(total) = get(row) else { continue };
        let unit = if is_value {
            value_unit
        } else {
            row.quantity_unit.as_deref().unwrap_or("")
        };
        if !parts.is_empty() && parts.iter().all(|p| get(p).is_some()) && (is_value || deductions.is_empty()) {
            let sum: Decimal = parts.iter().filter_map(|p| get(p)).sum();
            let ded: Decimal = deductions.iter().filter_map(|d| get(d)).sum();
            let mut lhs = parts
                .iter()
                .map(|p| fmt_amount(get(p).unwrap()))
                .collect::<Vec<_>>()
                .join(" + ");
            if !deductions.is_empty() {
                lhs.push_str(&format!(" − {}", fmt_amount(ded)));
            }
            push_eq(
                out,
                tr!("check.area.assets"),
                tr!("check.asset_sum", row.name, col),
                lhs,
                sum - ded,
                total,
                unit,
            );
            compares(
                out,
                std::iter::once(path.to_string()).chain(parts.iter().chain(&deductions).map(|r| child_path(r))),
            );
        }
        let ow: Vec<Decimal> = of_which.iter().filter_map(|o| get(o)).collect();
        if !ow.is_empty() {
            let s: Decimal = ow.iter().copied().sum();
            out.push(Check {
                area: tr!("check.area.assets"),
                label: tr!("check.of_which", row.name, col),
                status: status_of(s <= total),
                detail: tr!(
                    "check.of_which_detail",
                    fmt_amount(s),
                    fmt_amount(total),
                    unit_label(unit),
                    if s <= total { " ✓" } else { " ✗" }
                ),
                figures: std::iter::once(path.to_string())
                    .chain(of_which.iter().map(|r| child_path(r)))
                    .collect(),
            });
        }
    }
    // Quantity and value must agree on "nothing": no items but a value (or items worth nothing).
    for (when, q, v) in [
        (tr!("chart.start"), row.quantity_start, row.value_start),
        (tr!("chart.end"), row.quantity_end, row.value_end),
    ] {
        if let (Some(q), Some(v)) = (q, v) {
            let non_negative = !q.is_sign_negative() || q.is_zero();
            // Floor areas (平方米) may be fractional; counted things (台、辆、套) may not.
            let whole_or_area = q.fract().is_zero() || row.quantity_unit.as_deref() == Some("平方米");
            let ok = non_negative && whole_or_area && q.is_zero() == v.is_zero();
            if !ok {
                out.push(Check {
                    area: tr!("check.area.assets"),
                    label: tr!("check.quantity_value", row.name, when),
                    status: CheckStatus::Fail,
                    detail: tr!(
                        "check.quantity_value_detail",
                        fmt_amount(q),
                        unit_label(row.quantity_unit.as_deref().unwrap_or("")),
                        fmt_amount(v),
                        unit_label(value_unit)
                    ),
                    figures: vec![path.to_string()],
                });
            }
        }
    }
    for (k, c) in row.children.iter().enumerate() {
        asset_checks(out, c, &format!("{path}.children[{k}]"), value_unit);
    }
}

/// Names of a list (at `list`, e.g. `performance.activities`) must be there and distinct; a
/// failure names the items with an empty or repeated name.
fn names_check<'a>(out: &mut Vec<Check>, what: &str, names: impl Iterator<Item = &'a str>, list: &str) {
    let names: Vec<&str> = names.collect();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let mut empty = 0;
    let n = names.len();
    for name in &names {
        if name.trim().is_empty() {
            empty += 1;
        } else {
            *seen.entry(name).or_default() += 1;
        }
    }
    let figures = names
        .iter()
        .enumerate()
        .filter(|(_, name)| name.trim().is_empty() || seen.get(*name).is_some_and(|c| *c > 1))
        .map(|(i, _)| format!("{list}[{i}].name"))
        .collect();
    let mut dups: Vec<&str> = seen.iter().filter(|(_, c)| **c > 1).map(|(n, _)| *n).collect();
    dups.sort();
    let ok = dups.is_empty() && empty == 0;
    let mut detail = tr!("check.names_n", n);
    if empty > 0 {
        detail.push_str(&tr!("check.names_empty", empty));
    }
    if !dups.is_empty() {
        detail.push_str(&tr!("check.names_dups", dups.join(tr!("common.list_sep"))));
    }
    detail.push_str(if ok { tr!("check.names_ok") } else { " ✗" });
    out.push(Check {
        area: tr!("check.area.names"),
        label: tr!("check.names", what),
        status: status_of(ok),
        detail,
        figures,
    });
}

/// The standard tables' own arithmetic and their agreement with each other and the narrative:
/// in every coded table and every column, each 款 is the sum of its 项, each 类 of its 款, and
/// the 类 lines add up to 合计; on every line of a table with a 合计 column the other columns add up
/// to it; 财政拨款支出 = 一般公共预算支出 (+ 政府性基金支出); the 支出预算总表's 合计 = the narrative's
/// expenditure total.
fn table_checks(out: &mut Vec<Check>, b: &Bundle) {
    use crate::tables::{code_tree, CodeNode, TableKind, SUMMARY_PARTS, SUMMARY_TOTALS};
    let area = tr!("check.area.tables");
    for (ti, t) in b.tables.iter().enumerate() {
        let unit = t.unit.as_str();
        let cell = |li: usize, c: usize| format!("tables[{ti}].lines[{li}].amounts[{c}]");
        let title = crate::i18n::t(t.kind.key());
        if t.classification().is_some() {
            let tree = code_tree(t);
            for (c, column) in t.columns.iter().enumerate() {
                fn parents<'a>(nodes: &'a [CodeNode], out: &mut Vec<&'a CodeNode>) {
                    for n in nodes {
                        if !n.children.is_empty() {
                            out.push(n);
                            parents(&n.children, out);
                        }
                    }
                }
                let mut ps = Vec::new();
                parents(&tree, &mut ps);
                for p in ps {
                    sum_check(
                        out,
                        area,
                        tr!("check.code_sum", title, p.code, p.name, column),
                        p.children.iter().map(|n| (n.name.as_str(), t.lines[n.line].amount(c))),
                        t.lines[p.line].amount(c),
                        unit,
                    );
                    compares(out, p.children.iter().chain([p]).map(|n| cell(n.line, c)));
                }
                if let Some(total_at) = t.lines.iter().position(|l| l.is_total()) {
                    if !tree.is_empty() {
                        sum_check(
                            out,
                            area,
                            tr!("check.class_sum", title, column),
                            tree.iter().map(|n| (n.name.as_str(), t.lines[n.line].amount(c))),
                            t.lines[total_at].amount(c),
                            unit,
                        );
                        compares(out, tree.iter().map(|n| cell(n.line, c)).chain([cell(total_at, c)]));
                    }
                }
            }
        }
        // Columns beside a 合计 column add up to it on every line.
        // (The “三公” table's columns nest — 小计 over its parts — and have checks of their own.)
        if t.kind == TableKind::ThreePublic {
            three_public_table_checks(out, ti, t);
        } else if t.kind == TableKind::RevenueSummary {
            revenue_summary_checks(out, ti, t);
        } else if t.kind == TableKind::Procurement {
            // 货物 + 工程 + 服务 = 合计.
            let parts: Vec<usize> = (0..t.lines.len()).filter(|i| !t.lines[*i].is_total()).collect();
            if let (Some(total_at), false) = (t.lines.iter().position(|l| l.is_total()), parts.is_empty()) {
                sum_check(
                    out,
                    area,
                    tr!("check.procurement_table", title),
                    parts.iter().map(|i| (t.lines[*i].name.as_str(), t.lines[*i].amount(0))),
                    t.lines[total_at].amount(0),
                    &t.unit,
                );
                compares(out, parts.iter().chain([&total_at]).map(|i| cell(*i, 0)));
            }
        } else if t.columns.len() > 1 && crate::tables::is_total_name(&t.columns[0]) {
            let mut wrong = Vec::new();
            let mut figures = Vec::new();
            let mut checked = 0;
            for (li, l) in t.lines.iter().enumerate() {
                let Some(total) = l.amount(0) else { continue };
                let parts: Decimal = (1..t.columns.len()).filter_map(|c| l.amount(c)).sum();
                if (1..t.columns.len()).all(|c| l.amount(c).is_none()) {
                    continue;
                }
                checked += 1;
                if parts != total {
                    wrong.push(tr!("check.row_wrong", l.name, fmt_amount(parts), fmt_amount(total)));
                    figures.extend((0..t.columns.len()).map(|c| cell(li, c)));
                }
            }
            if checked > 0 {
                let others = t.columns[1..].join(" + ");
                let ok = wrong.is_empty();
                out.push(Check {
                    area,
                    label: tr!("check.row_sum", title, others, t.columns[0]),
                    status: status_of(ok),
                    detail: if ok {
                        tr!("check.rows_ok", checked)
                    } else {
                        wrong.join(tr!("common.list_sep")) + " ✗"
                    },
                    figures,
                });
            }
        }
    }
    // The 收支预算总表: each part's items add up to its 小计, sub-items to their item, and the two
    // sides balance.
    for (ti, t) in b
        .tables
        .iter()
        .enumerate()
        .filter(|(_, t)| matches!(t.kind, TableKind::Summary | TableKind::FiscalSummary))
    {
        let title = crate::i18n::t(t.kind.key());
        let cell = |li: usize| format!("tables[{ti}].lines[{li}].amounts[0]");
        let named = |part: &str, name: &str| {
            t.lines
                .iter()
                .position(|l| l.part.as_deref() == Some(part) && l.name.replace(char::is_whitespace, "").contains(name))
        };
        let subtotal_in = |name: &str| {
            t.lines
                .iter()
                .position(|l| l.name.replace(char::is_whitespace, "").contains(name))
        };
        // This year's subtotal (当年收入小计) where printed, else the side's total (the 财政拨款
        // table has no carry-over lines, so its 收入合计 is this year's).
        let revenue_total = subtotal_in(SUMMARY_TOTALS[0]).or_else(|| subtotal_in(SUMMARY_TOTALS[2]));
        let expenditure_total = subtotal_in(SUMMARY_TOTALS[1]).or_else(|| subtotal_in(SUMMARY_TOTALS[3]));
        for (part, total_at) in [
            (SUMMARY_PARTS[0], revenue_total),
            (SUMMARY_PARTS[1], expenditure_total),
            (SUMMARY_PARTS[2], expenditure_total),
        ] {
            let items: Vec<usize> = (0..t.lines.len())
                .filter(|i| {
                    t.lines[*i].part.as_deref() == Some(part) && crate::tables::item_level(&t.lines[*i].name) == Some(0)
                })
                .collect();
            let Some(total_at) = total_at else {
                continue;
            };
            if items.is_empty() {
                continue;
            }
            sum_check(
                out,
                area,
                tr!("check.summary_part", title, part, t.lines[total_at].name),
                items.iter().map(|i| (t.lines[*i].name.as_str(), t.lines[*i].amount(0))),
                t.lines[total_at].amount(0),
                &t.unit,
            );
            compares(out, items.iter().map(|i| cell(*i)).chain([cell(total_at)]));
            // "1.一般公共预算", "2.政府性基金预算" under "一、财政拨款".
            for (k, &item) in items.iter().enumerate() {
                let end = items.get(k + 1).copied().unwrap_or(t.lines.len());
                let subs: Vec<usize> = (item + 1..end)
                    .filter(|i| {
                        t.lines[*i].part.as_deref() == Some(part)
                            && crate::tables::item_level(&t.lines[*i].name) == Some(1)
                    })
                    .collect();
                if subs.is_empty() {
                    continue;
                }
                sum_check(
                    out,
                    area,
                    tr!("check.summary_sub", title, t.lines[item].name),
                    subs.iter().map(|i| (t.lines[*i].name.as_str(), t.lines[*i].amount(0))),
                    t.lines[item].amount(0),
                    &t.unit,
                );
                compares(out, subs.iter().map(|i| cell(*i)).chain([cell(item)]));
            }
        }
        if let (Some(r), Some(e)) = (
            named(SUMMARY_PARTS[0], SUMMARY_TOTALS[2]),
            subtotal_in(SUMMARY_TOTALS[3]),
        ) {
            if let (Some(rv), Some(ev)) = (t.lines[r].amount(0), t.lines[e].amount(0)) {
                push_eq(
                    out,
                    area,
                    tr!("check.summary_balance", title),
                    fmt_amount(rv),
                    rv,
                    ev,
                    &t.unit,
                );
                compares(out, [cell(r), cell(e)]);
            }
        }
    }
    // Across tables.
    let find = |k: TableKind| b.tables.iter().position(|t| t.kind == k);
    let total_cell = |ti: usize| {
        let t = &b.tables[ti];
        t.lines
            .iter()
            .position(|l| l.is_total())
            .map(|li| (t.lines[li].amount(0), format!("tables[{ti}].lines[{li}].amounts[0]")))
    };
    let fund_has_lines = find(TableKind::GovernmentFund).is_some_and(|f| b.tables[f].coded_lines().next().is_some());
    for (whole, part, key) in [
        (
            TableKind::FiscalExpenditure,
            TableKind::GeneralPublic,
            "check.fiscal_is_general",
        ),
        (
            TableKind::FiscalBasic,
            TableKind::GeneralPublicBasic,
            "check.fiscal_basic_is_general",
        ),
    ] {
        let (Some(w), Some(p)) = (find(whole), find(part)) else {
            continue;
        };
        if fund_has_lines {
            continue;
        }
        let (Some((Some(wv), wf)), Some((Some(pv), pf))) = (total_cell(w), total_cell(p)) else {
            continue;
        };
        push_eq(
            out,
            area,
            crate::i18n::t(key).into(),
            fmt_amount(pv),
            pv,
            wv,
            &b.tables[w].unit,
        );
        compares(out, [wf, pf]);
    }
    if let (Some(si), Some(ei)) = (find(TableKind::Summary), find(TableKind::ExpenditureSummary)) {
        let (st, et) = (&b.tables[si], &b.tables[ei]);
        for column in ["基本支出", "项目支出"] {
            let in_summary = st.lines.iter().position(|l| {
                l.part.as_deref() == Some(SUMMARY_PARTS[2]) && crate::tables::without_number(&l.name) == column
            });
            let in_expenditure = et.column(column);
            if let (Some(li), Some(c), true) = (in_summary, in_expenditure, st.unit == et.unit) {
                if let (Some(a), Some(v)) = (st.lines[li].amount(0), et.lines.first().and_then(|l| l.amount(c))) {
                    push_eq(
                        out,
                        area,
                        tr!("check.summary_vs_expenditure", column),
                        fmt_amount(a),
                        a,
                        v,
                        &st.unit,
                    );
                    compares(
                        out,
                        [
                            format!("tables[{si}].lines[{li}].amounts[0]"),
                            format!("tables[{ei}].lines[0].amounts[{c}]"),
                        ],
                    );
                }
            }
        }
    }
    // The 财政拨款基本支出预算表's 合计 = the 基本支出 line of the 财政拨款收支预算总表.
    if let (Some(si), Some(bi)) = (find(TableKind::FiscalSummary), find(TableKind::FiscalBasic)) {
        let (st, bt) = (&b.tables[si], &b.tables[bi]);
        let line = st.lines.iter().position(|l| {
            l.part.as_deref() == Some(SUMMARY_PARTS[2]) && crate::tables::without_number(&l.name) == "基本支出"
        });
        let total = bt.lines.iter().position(|l| l.is_total());
        if let (Some(li), Some(ti), true) = (line, total, st.unit == bt.unit) {
            if let (Some(a), Some(v)) = (st.lines[li].amount(0), bt.lines[ti].amount(0)) {
                push_eq(
                    out,
                    area,
                    tr!("check.fiscal_basic_vs_summary").into(),
                    fmt_amount(v),
                    v,
                    a,
                    &st.unit,
                );
                compares(
                    out,
                    [
                        format!("tables[{bi}].lines[{ti}].amounts[0]"),
                        format!("tables[{si}].lines[{li}].amounts[0]"),
                    ],
                );
            }
        }
    }
    // The 政府采购 table's 合计 = the procurement total the narrative states.
    if let (Some(ti), Some(narrative)) = (find(TableKind::Procurement), b.procurement.total) {
        let t = &b.tables[ti];
        if let (Some(li), true) = (t.lines.iter().position(|l| l.is_total()), t.unit == b.meta.unit) {
            if let Some(v) = t.lines[li].amount(0) {
                push_eq(
                    out,
                    area,
                    tr!("check.procurement_vs_table").into(),
                    fmt_amount(v),
                    v,
                    narrative,
                    &t.unit,
                );
                compares(
                    out,
                    [
                        format!("tables[{ti}].lines[{li}].amounts[0]"),
                        "procurement.total".to_string(),
                    ],
                );
            }
        }
    }
    // The “三公” table's subtotal = the “三公” total the narrative states.
    if let (Some(ti), Some(narrative)) = (find(TableKind::ThreePublic), b.three_public.total) {
        let t = &b.tables[ti];
        if let (Some(c), Some(row), true) = (
            t.column(crate::tables::THREE_PUBLIC_SUMS[0].0),
            t.lines.first(),
            t.unit == b.meta.unit,
        ) {
            if let Some(v) = row.amount(c) {
                push_eq(
                    out,
                    area,
                    tr!("check.three_public_vs_table").into(),
                    fmt_amount(v),
                    v,
                    narrative,
                    &t.unit,
                );
                compares(
                    out,
                    [
                        format!("tables[{ti}].lines[0].amounts[{c}]"),
                        "three_public.total".to_string(),
                    ],
                );
            }
        }
    }
    if let (Some(s), Some(narrative)) = (find(TableKind::ExpenditureSummary), b.expenditure.total) {
        let t = &b.tables[s];
        if let Some((li, Some(v))) = t
            .lines
            .iter()
            .enumerate()
            .find_map(|(li, l)| l.amount(0).map(|v| (li, Some(v))))
        {
            if t.unit == b.meta.unit {
                push_eq(
                    out,
                    area,
                    tr!("check.summary_is_narrative").into(),
                    fmt_amount(v),
                    v,
                    narrative,
                    &t.unit,
                );
                compares(
                    out,
                    [
                        format!("tables[{s}].lines[{li}].amounts[0]"),
                        "expenditure.total".to_string(),
                    ],
                );
            }
        }
    }
}

/// The “三公”经费（会议费、培训费）table's nested sums: “三公” = 出国 + 车 + 接待, 车 = 购置 + 运行,
/// 合计 = “三公” + 会议费 + 培训费.
fn three_public_table_checks(out: &mut Vec<Check>, ti: usize, t: &crate::tables::BudgetTable) {
    use crate::tables::THREE_PUBLIC_SUMS;
    let Some(row) = t.lines.first() else { return };
    let title = crate::i18n::t(t.kind.key());
    for (total, parts) in THREE_PUBLIC_SUMS {
        let Some(tc) = t.column(total) else { continue };
        let cols: Vec<usize> = parts.iter().filter_map(|p| t.column(p)).collect();
        if cols.is_empty() {
            continue;
        }
        sum_check(
            out,
            tr!("check.area.tables"),
            tr!("check.three_public_table", title, total),
            cols.iter().map(|c| (t.columns[*c].as_str(), row.amount(*c))),
            row.amount(tc),
            &t.unit,
        );
        compares(
            out,
            cols.iter()
                .chain([&tc])
                .map(|c| format!("tables[{ti}].lines[0].amounts[{c}]")),
        );
    }
}

/// The 收入预算总表: each source's 小计 = its items (其中 lines aside), 收入总计 = the 小计s.
fn revenue_summary_checks(out: &mut Vec<Check>, ti: usize, t: &crate::tables::BudgetTable) {
    let title = crate::i18n::t(t.kind.key());
    let cell = |li: usize| format!("tables[{ti}].lines[{li}].amounts[0]");
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
        sum_check(
            out,
            tr!("check.area.tables"),
            tr!(
                "check.revenue_source",
                title,
                t.lines[s].part.clone().unwrap_or_default()
            ),
            items
                .iter()
                .map(|li| (t.lines[*li].name.as_str(), t.lines[*li].amount(0))),
            t.lines[s].amount(0),
            &t.unit,
        );
        compares(out, items.iter().chain([&s]).map(|li| cell(*li)));
    }
    if let Some(total) = t.lines.iter().position(|l| l.part.is_none()) {
        sum_check(
            out,
            tr!("check.area.tables"),
            tr!("check.revenue_sources_total", title, t.lines[total].name),
            subtotals
                .iter()
                .map(|li| (t.lines[*li].part.as_deref().unwrap_or_default(), t.lines[*li].amount(0))),
            t.lines[total].amount(0),
            &t.unit,
        );
        compares(out, subtotals.iter().chain([&total]).map(|li| cell(*li)));
    }
}
