//! Checks of the national performance tables ([`crate::performance_targets`]), called from
//! [`crate::reconcile`]:
//!
//! - funds add up: the parts (财政拨款, 上年结转, 其他资金 …) = 年度资金总额, in every amount
//!   column printed (目标表 amount; 自评 年初预算数, 全年预算数, 全年执行数);
//! - 自评 scores add up: the funds' 得分 + every indicator's 得分 = 总分, and their 分值 = the
//!   total's full marks (满分, usually 100);
//! - 自评 执行率 = 全年执行数 ÷ 全年预算数, rounded as printed (“86%” to whole percents,
//!   “100.00%” to two decimals, half away from zero).
//!
//! A figure not printed makes its check not applicable, never a failure.

use crate::check::{Arg, Check, CheckId, CheckStatus, Text};
use crate::format::fmt_amount;
use crate::performance_targets::{FundLine, FundRole, PerformanceForm, PerformanceIndicator, ProjectPerformance};
use crate::sums::{fmt_signed, status_of};
use crate::text;
use crate::Bundle;
use rust_decimal::{Decimal, RoundingStrategy};

/// The amount columns of a funds row: (bundle field name, i18n key of its label, getter).
type Column = (&'static str, &'static str, fn(&FundLine) -> Option<Decimal>);

const COLUMNS: [Column; 4] = [
    ("amount", "perf.col.amount", |f| f.amount),
    ("initial_budget", "perf.col.initial_budget", |f| f.initial_budget),
    ("full_year_budget", "perf.col.full_year_budget", |f| f.full_year_budget),
    ("executed", "perf.col.executed", |f| f.executed),
];

/// Appends the checks of every performance table of `b` to `out`. Ids:
/// `targets.<project>.<targets|self-eval>.funds.<column>`, `….tasks.<column>`, `….scores`,
/// `….weights`, `….rate.<fund line>`.
pub fn checks(out: &mut Vec<Check>, b: &Bundle) {
    for (pi, p) in b.performance_targets.projects.iter().enumerate() {
        let base = format!("performance_targets.projects[{pi}]");
        let form = match p.form {
            PerformanceForm::Targets => "targets",
            PerformanceForm::SelfEvaluation => "self-eval",
        };
        let id = CheckId::of(&["targets", &p.name, form]);
        funds_checks(out, p, &base, &id);
        tasks_checks(out, p, &base, &id);
        score_check(out, p, &base, &id);
        weight_check(out, p, &base, &id);
        rate_checks(out, p, &base, &id);
    }
}

fn check(id: CheckId, label: Text, status: CheckStatus, detail: Text, figures: Vec<String>) -> Check {
    Check::new(id, "check.area.performance_targets", label, status, detail).comparing(figures)
}

/// 财政拨款 + 其他资金 (+ …) = 年度资金总额, for each amount column the table prints.
fn funds_checks(out: &mut Vec<Check>, p: &ProjectPerformance, base: &str, id: &CheckId) {
    let Some(ti) = p.funds.iter().position(|f| f.role == FundRole::Total) else {
        return;
    };
    let unit = p.unit.as_deref().unwrap_or("");
    for (field, key, get) in COLUMNS {
        let total = get(&p.funds[ti]);
        let parts: Vec<(usize, Option<Decimal>)> = p
            .funds
            .iter()
            .enumerate()
            .filter(|(_, f)| f.role == FundRole::Part)
            .map(|(i, f)| (i, get(f)))
            .collect();
        // A column the table does not print at all is no check.
        if total.is_none() && parts.iter().all(|(_, a)| a.is_none()) {
            continue;
        }
        let id = id.with(&["funds", field]);
        let label = text!("check.perf_funds", &p.name, Arg::Key(key));
        let Some(total) = total else {
            out.push(check(
                id,
                label,
                CheckStatus::NotApplicable,
                text!("check.total_blank"),
                Vec::new(),
            ));
            continue;
        };
        let stated: Vec<Decimal> = parts.iter().filter_map(|(_, a)| *a).collect();
        if stated.is_empty() {
            out.push(check(
                id,
                label,
                CheckStatus::NotApplicable,
                text!("check.no_parts"),
                Vec::new(),
            ));
            continue;
        }
        let sum: Decimal = stated.iter().sum();
        let lhs = stated.iter().map(|d| fmt_amount(*d)).collect::<Vec<_>>().join(" + ");
        let (ok, detail) = sum_detail(lhs.into(), sum, total, unit);
        let figures = std::iter::once(ti)
            .chain(parts.iter().filter(|(_, a)| a.is_some()).map(|(i, _)| *i))
            .map(|i| format!("{base}.funds[{i}].{field}"))
            .collect();
        out.push(check(id, label, status_of(ok), detail, figures));
    }
}

/// Whether `sum` (of the terms `lhs`) is `total`, and the check's detail saying so; `unit` as
/// published (may be empty, for points).
fn sum_detail(lhs: Arg, sum: Decimal, total: Decimal, unit: &str) -> (bool, Text) {
    let shown = Arg::Unit(unit.to_string());
    if sum != total {
        let diff = fmt_signed(sum - total);
        return (false, text!("check.mismatch", lhs, sum, shown, total, diff));
    }
    // No unit (points): no space for it.
    let pattern = if unit.is_empty() {
        "{0} = {1} ✓"
    } else {
        "{0} = {1} {2} ✓"
    };
    (true, Text::symbols(pattern, vec![lhs, total.into(), shown]))
}

/// 部门整体: in each amount column the tasks add up to the 金额合计 row.
fn tasks_checks(out: &mut Vec<Check>, p: &ProjectPerformance, base: &str, id: &CheckId) {
    let Some(ti) = p.tasks.iter().position(|t| t.role == FundRole::Total) else {
        return;
    };
    let unit = p.unit.as_deref().unwrap_or("");
    type TaskColumn = (
        &'static str,
        &'static str,
        fn(&crate::performance_targets::Task) -> Option<Decimal>,
    );
    let columns: [TaskColumn; 3] = [
        ("total", "ptarget.task_total", |t| t.total),
        ("fiscal", "ptarget.task_fiscal", |t| t.fiscal),
        ("other", "ptarget.task_other", |t| t.other),
    ];
    for (field, key, get) in columns {
        let Some(total) = get(&p.tasks[ti]) else { continue };
        let parts: Vec<(usize, Decimal)> = p
            .tasks
            .iter()
            .enumerate()
            .filter(|(_, t)| t.role == FundRole::Part)
            .filter_map(|(i, t)| get(t).map(|v| (i, v)))
            .collect();
        if parts.is_empty() {
            continue;
        }
        let label = text!("check.perf_tasks", &p.name, Arg::Key(key));
        let sum: Decimal = parts.iter().map(|(_, v)| *v).sum();
        let (ok, detail) = sum_detail(text!("check.sum_of_n", parts.len()).into(), sum, total, unit);
        let figures = std::iter::once(ti)
            .chain(parts.iter().map(|(i, _)| *i))
            .map(|i| format!("{base}.tasks[{i}].{field}"))
            .collect();
        out.push(check(id.with(&["tasks", field]), label, status_of(ok), detail, figures));
    }
}

/// 自评: the 得分 of the funds and of every indicator add up to the 总分.
fn score_check(out: &mut Vec<Check>, p: &ProjectPerformance, base: &str, id: &CheckId) {
    if let Some(total) = p.total_score {
        let label = text!("check.perf_scores", &p.name);
        points_check(
            out,
            p,
            base,
            (id.with(&["scores"]), label),
            (total, "total_score"),
            ("score", |f| f.score, |i| i.score),
        );
    }
}

/// 自评: the 分值 of the funds and of every indicator add up to the full marks printed on the
/// total row (满分); not made when the table prints no full marks.
fn weight_check(out: &mut Vec<Check>, p: &ProjectPerformance, base: &str, id: &CheckId) {
    if let Some(total) = p.total_weight {
        let label = text!("check.perf_weights", &p.name);
        points_check(
            out,
            p,
            base,
            (id.with(&["weights"]), label),
            (total, "total_weight"),
            ("weight", |f| f.weight, |i| i.weight),
        );
    }
}

/// Which points a check adds: the field's name, and its value on a funds row and an indicator.
type Points = (
    &'static str,
    fn(&FundLine) -> Option<Decimal>,
    fn(&PerformanceIndicator) -> Option<Decimal>,
);

/// The points (`field`) of the funds rows and the indicators against `total` (at `total_field`).
fn points_check(
    out: &mut Vec<Check>,
    p: &ProjectPerformance,
    base: &str,
    (id, label): (CheckId, Text),
    (total, total_field): (Decimal, &str),
    (field, of_fund, of_indicator): Points,
) {
    let mut figures = vec![format!("{base}.{total_field}")];
    let mut points = Vec::new();
    for (i, v) in p.funds.iter().map(of_fund).enumerate() {
        if let Some(v) = v {
            points.push(v);
            figures.push(format!("{base}.funds[{i}].{field}"));
        }
    }
    for (i, v) in p.indicators.iter().map(of_indicator).enumerate() {
        if let Some(v) = v {
            points.push(v);
            figures.push(format!("{base}.indicators[{i}].{field}"));
        }
    }
    if points.is_empty() {
        out.push(check(
            id,
            label,
            CheckStatus::NotApplicable,
            text!("check.perf_no_scores"),
            Vec::new(),
        ));
        return;
    }
    let sum: Decimal = points.iter().sum();
    let lhs: Arg = if points.len() <= 8 {
        points
            .iter()
            .map(|d| fmt_amount(*d))
            .collect::<Vec<_>>()
            .join(" + ")
            .into()
    } else {
        text!("check.sum_of_n", points.len()).into()
    };
    let (ok, detail) = sum_detail(lhs, sum, total, "");
    out.push(check(id, label, status_of(ok), detail, figures));
}

/// A printed percentage, “86%” or “100.00%” (also “86.2”), as its number and decimals.
pub fn parse_rate(s: &str) -> Option<(Decimal, u32)> {
    let t = s.trim().trim_end_matches(['%', '％']).trim();
    let d = crate::amount::parse_amount(t).ok()?;
    Some((d, d.scale()))
}

/// The rate `executed ÷ budget` in percent, rounded to `decimals` half away from zero.
pub fn rate_of(executed: Decimal, budget: Decimal, decimals: u32) -> Option<Decimal> {
    if budget.is_zero() {
        return None;
    }
    let r = executed.checked_mul(Decimal::ONE_HUNDRED)?.checked_div(budget)?;
    Some(r.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero))
}

/// 自评: each printed 执行率 against 全年执行数 ÷ 全年预算数.
fn rate_checks(out: &mut Vec<Check>, p: &ProjectPerformance, base: &str, id: &CheckId) {
    for (i, f) in p.funds.iter().enumerate() {
        let Some(printed) = f.rate.as_deref() else { continue };
        let id = id.with(&["rate", &f.name]);
        let label = text!("check.perf_rate", &p.name, &f.name);
        let na = |why: Text| check(id.clone(), label.clone(), CheckStatus::NotApplicable, why, Vec::new());
        let Some((rate, decimals)) = parse_rate(printed) else {
            out.push(na(text!("check.perf_rate_unread", printed)));
            continue;
        };
        let (Some(exec), Some(budget)) = (f.executed, f.full_year_budget) else {
            out.push(na(text!("check.perf_rate_blank")));
            continue;
        };
        let Some(computed) = rate_of(exec, budget, decimals) else {
            out.push(na(text!("check.perf_rate_zero")));
            continue;
        };
        let ok = computed == rate;
        let detail = if ok {
            text!("check.perf_rate_ok", exec, budget, printed)
        } else {
            text!("check.perf_rate_bad", exec, budget, computed.to_string(), printed)
        };
        out.push(check(
            id,
            label,
            status_of(ok),
            detail,
            ["rate", "executed", "full_year_budget"]
                .iter()
                .map(|x| format!("{base}.funds[{i}].{x}"))
                .collect(),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::performance_targets::{PerformanceForm, PerformanceScope, PerformanceTargets};

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    /// A 自评 as the held-out 安徽 table prints it: 年度资金总额 0 | 0 | 0 above 本年财政拨款
    /// 90 | 89.974 | 89.974; two indicators; 总分 printed.
    fn bundle(total_score: &str) -> Bundle {
        let mut b = Bundle::empty(crate::Meta::new("某镇", 2022, "万元"));
        let fund = |name: &str, role, i: &str, f: &str, e: &str| FundLine {
            initial_budget: Some(d(i)),
            full_year_budget: Some(d(f)),
            executed: Some(d(e)),
            ..FundLine::new(name, role)
        };
        let mut total = fund("年度资金总额", FundRole::Total, "0", "0", "0");
        total.weight = Some(d("10"));
        total.score = Some(d("10"));
        total.rate = Some("100%".into());
        let ind = |w: &str, s: &str| PerformanceIndicator {
            level1: "产出指标".into(),
            level2: "数量指标".into(),
            name: "甲".into(),
            weight: Some(d(w)),
            score: Some(d(s)),
            ..Default::default()
        };
        b.performance_targets = PerformanceTargets {
            projects: vec![ProjectPerformance {
                form: PerformanceForm::SelfEvaluation,
                scope: PerformanceScope::Project,
                title: "项目支出绩效自评表".into(),
                name: "委托业务".into(),
                department: None,
                implementer: None,
                unit: Some("万元".into()),
                funds: vec![
                    total,
                    fund("其中：本年财政拨款", FundRole::Part, "90", "89.974", "89.974"),
                ],
                goal: None,
                goal_achieved: None,
                tasks: Vec::new(),
                indicators: vec![ind("50", "48"), ind("40", "40")],
                total_score: Some(d(total_score)),
                total_weight: Some(d("100")),
                remarks: Vec::new(),
                source_line: None,
            }],
        };
        b
    }

    #[test]
    fn funds_scores_points_and_rates() {
        let mut out = Vec::new();
        checks(&mut out, &bundle("98"));
        let status: Vec<(String, CheckStatus)> = out.iter().map(|c| (c.label(Lang::Zh), c.status)).collect();
        // The three funds columns fail as printed (0 against 90 / 89.974 / 89.974).
        assert_eq!(
            status.iter().filter(|(_, s)| *s == CheckStatus::Fail).count(),
            3,
            "{status:?}"
        );
        assert!(out.iter().any(|c| c.label(Lang::Zh).contains("得分")
            && c.status == CheckStatus::Pass
            && c.detail(Lang::Zh) == "10 + 48 + 40 = 98 ✓"));
        assert!(out
            .iter()
            .any(|c| c.label(Lang::Zh).contains("分值") && c.status == CheckStatus::Pass));
        // 执行率 100% over a 全年预算数 of 0: no rate to compare.
        assert!(out
            .iter()
            .any(|c| c.label(Lang::Zh).contains("执行率") && c.status == CheckStatus::NotApplicable));
        let failing = crate::FailingFigures::of(&out);
        assert!(!failing
            .of_figure("performance_targets.projects[0].funds[0].executed")
            .is_empty());

        let mut out = Vec::new();
        checks(&mut out, &bundle("97"));
        assert!(out
            .iter()
            .any(|c| c.label(Lang::Zh).contains("得分") && c.status == CheckStatus::Fail));
    }

    #[test]
    fn a_department_tables_tasks_add_up_to_their_total() {
        use crate::performance_targets::Task;
        let task = |name: &str, role, total: &str| Task {
            name: name.into(),
            role,
            content: None,
            total: Some(d(total)),
            fiscal: None,
            other: None,
        };
        let mut b = bundle("98");
        b.performance_targets.projects[0].tasks = vec![
            task("甲", FundRole::Part, "20.50"),
            task("乙", FundRole::Part, "14.50"),
            task("金额合计", FundRole::Total, "35.00"),
        ];
        let mut out = Vec::new();
        checks(&mut out, &b);
        let c = out
            .iter()
            .find(|c| c.label(Lang::Zh).contains("任务"))
            .expect("the tasks check");
        assert_eq!(
            (c.status, c.detail(Lang::Zh).as_str()),
            (CheckStatus::Pass, "2 项之和 = 35.00 万元 ✓")
        );
        b.performance_targets.projects[0].tasks[1].total = Some(d("14.00"));
        let mut out = Vec::new();
        checks(&mut out, &b);
        assert!(out
            .iter()
            .any(|c| c.label(Lang::Zh).contains("任务") && c.status == CheckStatus::Fail));
    }

    #[test]
    fn rates_round_as_printed() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(parse_rate("86%"), Some((d("86"), 0)));
        assert_eq!(parse_rate("100.00%"), Some((d("100.00"), 2)));
        assert_eq!(rate_of(d("37.24"), d("43.2"), 0), Some(d("86")));
        assert_eq!(rate_of(d("89.974"), d("90"), 2), Some(d("99.97")));
        // 0.5 rounds away from zero.
        assert_eq!(rate_of(d("1"), d("8"), 1), Some(d("12.5")));
        assert_eq!(rate_of(d("1"), d("16"), 1), Some(d("6.3")));
        assert_eq!(rate_of(d("1"), d("0"), 0), None);
        assert_eq!(parse_rate("约九成"), None);
    }
}
