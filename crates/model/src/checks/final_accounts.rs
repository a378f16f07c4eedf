//! Checks of a 决算's comparisons with its budget: each printed 完成率 against 决算 ÷ 预算, the
//! narrative's 决算数 against the table's line of the same code, the “三公” total against its
//! table, and which compared lines no table prints under the narrative's names.

use crate::amount::convert;
use crate::bundle::{BudgetComparison, Bundle};
use crate::format::{fmt_amount, unit_label};
use crate::tables::{Phase, TableKind};
use crate::tr;
use crate::validate::{Check, CheckStatus};
use rust_decimal::Decimal;

/// A check that the narrative's figure `said` is the table's `printed`.
fn same_figure(label: String, said: Decimal, printed: Decimal, unit: &str, figure: String) -> Check {
    let ok = printed == said;
    Check {
        area: tr!("check.area.execution"),
        label,
        status: if ok { CheckStatus::Pass } else { CheckStatus::Fail },
        detail: tr!(
            "check.execution_actual_detail",
            fmt_amount(said),
            fmt_amount(printed),
            unit,
            if ok { "✓" } else { "✗" }
        ),
        figures: vec![figure],
    }
}

/// The 决算's comparison checks (none for a budget or a 决算 without comparisons).
pub fn checks(b: &Bundle) -> Vec<Check> {
    let Some(f) = &b.final_accounts else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let area = tr!("check.area.execution");
    let unit = unit_label(&b.meta.unit);
    let all: Vec<(String, &BudgetComparison)> = f
        .comparisons
        .iter()
        .enumerate()
        .map(|(i, c)| (format!("final_accounts.comparisons[{i}]"), c))
        .chain(
            f.three_public
                .iter()
                .map(|c| ("final_accounts.three_public".to_string(), c)),
        )
        .collect();
    // 完成率 as printed: within one unit of its last printed digit of 决算 ÷ 预算 (documents
    // round or cut; either is the printed figure).
    for (path, c) in &all {
        let (Some(rate), Some(budget), Some(actual)) = (c.printed_rate(), c.reference_budget(), c.actual) else {
            continue;
        };
        if budget.is_zero() {
            continue;
        }
        let exact = actual * Decimal::from(100) / budget;
        let step = Decimal::new(1, rate.scale());
        let ok = (exact - rate).abs() < step;
        out.push(Check {
            area,
            label: tr!("check.execution_rate", c.name),
            status: if ok { CheckStatus::Pass } else { CheckStatus::Fail },
            detail: tr!(
                "check.execution_rate_detail",
                fmt_amount(actual),
                fmt_amount(budget),
                exact.round_dp(4).normalize(),
                c.rate.clone().unwrap_or_default(),
                if ok { "✓" } else { "✗" }
            ),
            figures: vec![format!("{path}.rate")],
        });
    }
    // The narrative's 决算数 = the table's, for the lines it names by the table's names.
    let table = [TableKind::FinalGeneralPublic, TableKind::FinalExpenditure]
        .iter()
        .find_map(|k| {
            b.tables
                .iter()
                .find(|t| t.kind == *k && t.coded_lines().next().is_some())
        });
    if let Some(t) = table {
        let col = t.first_of(Phase::Executed);
        for (path, c) in &all {
            let Some(actual) = c.actual else { continue };
            // A line by its code; the whole (a name without 类/款/项) by the table's 合计.
            let whole = !c.name.contains('（') && !c.name.contains("三公");
            let line = match (c.code.as_deref(), whole) {
                (Some(code), _) => t.lines.iter().find(|l| l.code.as_deref() == Some(code)),
                (None, true) => t.total_line(),
                (None, false) => continue,
            };
            let Some(line) = line else { continue };
            let code = line.code.as_deref().unwrap_or(line.name.as_str());
            let printed = col
                .and_then(|c| line.amount(c))
                .and_then(|a| convert(a, &t.unit, &b.meta.unit));
            let Some(printed) = printed else { continue };
            out.push(same_figure(
                tr!("check.execution_actual", code, t.title),
                actual,
                printed,
                unit,
                format!("{path}.actual"),
            ));
        }
        // Lines named otherwise than in the table: shown as the narrative states them.
        let unnamed: Vec<&str> = f
            .comparisons
            .iter()
            .filter(|c| c.code.is_none() && c.name.contains("（项）"))
            .map(|c| c.name.as_str())
            .collect();
        if !unnamed.is_empty() {
            out.push(Check {
                area,
                label: tr!("check.execution_names", t.title),
                status: CheckStatus::NotApplicable,
                detail: tr!("check.execution_names_detail", unnamed.len(), unnamed.join("、")),
                figures: Vec::new(),
            });
        }
    }
    // The “三公” total in the narrative = its table's 小计.
    let three = b
        .tables
        .iter()
        .find(|t| t.kind == TableKind::FinalThreePublic && t.lines.len() == 1);
    if let (Some(c), Some(t)) = (&f.three_public, three) {
        for (phase, said) in [("预算数", c.budget), ("决算数", c.actual)] {
            let printed = t
                .column(&format!("“三公”经费小计（{phase}）"))
                .and_then(|col| t.lines[0].amount(col))
                .and_then(|a| convert(a, &t.unit, &b.meta.unit));
            let (Some(printed), Some(said)) = (printed, said) else {
                continue;
            };
            let ok = printed == said;
            out.push(Check {
                area,
                label: tr!("check.execution_three_public", phase, t.title),
                status: if ok { CheckStatus::Pass } else { CheckStatus::Fail },
                detail: tr!(
                    "check.execution_actual_detail",
                    fmt_amount(said),
                    fmt_amount(printed),
                    unit,
                    if ok { "✓" } else { "✗" }
                ),
                figures: vec![format!(
                    "final_accounts.three_public.{}",
                    if phase == "预算数" { "budget" } else { "actual" }
                )],
            });
        }
    }
    out
}
