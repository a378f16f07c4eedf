//! Checks of a 决算's comparisons with its budget: each printed 完成率 against 决算 ÷ 预算, the
//! narrative's 决算数 against the table's line of the same code, the “三公” total against its
//! table, and which compared lines no table prints under the narrative's names. Ids:
//! `final.cross.summary`, `final.cross.basic`, `final.rate.<code or name>`,
//! `final.actual.<code>`, `final.names`, `final.three-public.<budget|actual>`.

use crate::amount::convert;
use crate::bundle::{BudgetComparison, Bundle};
use crate::check::{Arg, Check, CheckId, CheckStatus, Text};
use crate::sums::status_of;
use crate::tables::{Phase, TableKind};
use crate::text;
use rust_decimal::Decimal;

const AREA: &str = "check.area.execution";

/// A check that the narrative's figure `said` is the table's `printed` (both in `unit`), its
/// detail worded by `detail` ({0} {1} {2} {3}: the first, the second, the unit, ✓ or ✗).
fn same_figure(id: CheckId, detail: &'static str, label: Text, said: Decimal, printed: Decimal, unit: &str) -> Check {
    let ok = printed == said;
    let mark = if ok { "✓" } else { "✗" };
    let detail = Text::key(
        detail,
        vec![said.into(), printed.into(), Arg::Unit(unit.into()), mark.into()],
    );
    Check::new(id, AREA, label, status_of(ok), detail)
}

/// The 决算 tables against each other: the 一般公共预算财政拨款支出决算表's 合计 = the
/// 财政拨款收入支出决算总表's 一般公共预算财政拨款 本年支出合计, and its 基本支出 = the
/// 基本支出决算表's 人员经费合计 + 公用经费合计 (each only when both tables print the figures).
fn cross_table(b: &Bundle, out: &mut Vec<Check>) {
    let find = |k: TableKind| b.tables.iter().find(|t| t.kind == k && !t.lines.is_empty());
    let Some(gp) = find(TableKind::FinalGeneralPublic) else {
        return;
    };
    let unit = b.meta.unit.as_str();
    let in_unit =
        |t: &crate::tables::BudgetTable, a: Option<Decimal>| a.and_then(|a| convert(a, &t.unit, &b.meta.unit));
    let gp_total = |col: Option<usize>| in_unit(gp, gp.total_line().and_then(|l| col.and_then(|c| l.amount(c))));
    if let Some(fs) = find(TableKind::FinalFiscalSummary) {
        let spent = fs
            .lines
            .iter()
            .rev()
            .find(|l| l.name.replace(char::is_whitespace, "") == "本年支出合计")
            .and_then(|l| fs.column("一般公共预算财政拨款").and_then(|c| l.amount(c)));
        if let (Some(a), Some(p)) = (gp_total(gp.first_of(Phase::Executed)), in_unit(fs, spent)) {
            out.push(same_figure(
                CheckId::of(&["final", "cross", "summary"]),
                "check.final_cross_detail",
                text!("check.final_cross_summary", &gp.title, &fs.title),
                a,
                p,
                unit,
            ));
        }
    }
    if let Some(basic) = find(TableKind::FinalGeneralPublicBasic) {
        let part = |name: &str| {
            basic
                .lines
                .iter()
                .find(|l| l.name.replace(char::is_whitespace, "") == name)
                .and_then(|l| l.amount(0))
        };
        let (Some(staff), Some(office)) = (part("人员经费合计"), part("公用经费合计")) else {
            return;
        };
        if let (Some(a), Some(p)) = (gp_total(gp.column("基本支出")), in_unit(basic, Some(staff + office))) {
            out.push(same_figure(
                CheckId::of(&["final", "cross", "basic"]),
                "check.final_cross_detail",
                text!("check.final_cross_basic", &gp.title, &basic.title),
                a,
                p,
                unit,
            ));
        }
    }
}

/// The id word of a compared line: its code, else its name (`three-public` for the “三公” line).
fn line_word<'a>(path: &str, c: &'a BudgetComparison) -> &'a str {
    match c.code.as_deref() {
        Some(code) => code,
        None if path.ends_with("three_public") => "three-public",
        None => &c.name,
    }
}

/// The 决算's comparison checks (none for a budget or a 决算 without comparisons), and its tables
/// against each other.
pub fn checks(b: &Bundle) -> Vec<Check> {
    let mut out = Vec::new();
    cross_table(b, &mut out);
    let Some(f) = &b.final_accounts else {
        return out;
    };
    let unit = b.meta.unit.as_str();
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
        let (Some(rate), Some(actual)) = (c.printed_rate(), c.actual) else {
            continue;
        };
        // On the budget its words name (完成年初预算的 / 完成全年预算的): either stated base.
        let step = Decimal::new(1, rate.scale());
        let on = |base: Option<Decimal>| {
            let exact = actual
                .checked_mul(Decimal::from(100))?
                .checked_div(base.filter(|b| !b.is_zero())?)?;
            Some((exact, exact.checked_sub(rate)?.abs() < step))
        };
        let tried: Vec<(Decimal, bool, Decimal)> = [c.adjusted_budget, c.budget]
            .into_iter()
            .filter_map(|base| on(base).map(|(exact, ok)| (exact, ok, base.unwrap_or_default())))
            .collect();
        let Some(&(exact, ok, budget)) = tried.iter().find(|t| t.1).or(tried.first()) else {
            continue;
        };
        out.push(
            Check::new(
                CheckId::of(&["final", "rate", line_word(path, c)]),
                AREA,
                text!("check.execution_rate", &c.name),
                status_of(ok),
                text!(
                    "check.execution_rate_detail",
                    actual,
                    budget,
                    exact.round_dp(4).normalize().to_string(),
                    c.rate.clone().unwrap_or_default(),
                    if ok { "✓" } else { "✗" }
                ),
            )
            .comparing([format!("{path}.rate")]),
        );
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
            let whole = crate::execution::is_whole(c);
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
            out.push(
                same_figure(
                    CheckId::of(&["final", "actual", line_word(path, c)]),
                    "check.execution_actual_detail",
                    text!("check.execution_actual", code, &t.title),
                    actual,
                    printed,
                    unit,
                )
                .comparing([format!("{path}.actual")]),
            );
        }
        // Lines named otherwise than in the table: shown as the narrative states them.
        let unnamed: Vec<&str> = f
            .comparisons
            .iter()
            .filter(|c| c.code.is_none() && c.name.contains("（项）"))
            .map(|c| c.name.as_str())
            .collect();
        if !unnamed.is_empty() {
            out.push(Check::new(
                CheckId::of(&["final", "names"]),
                AREA,
                text!("check.execution_names", &t.title),
                CheckStatus::NotApplicable,
                text!("check.execution_names_detail", unnamed.len(), unnamed.join("、")),
            ));
        }
    }
    // The “三公” total in the narrative = its table's 小计.
    let three = b
        .tables
        .iter()
        .find(|t| t.kind == TableKind::FinalThreePublic && t.lines.len() == 1);
    if let (Some(c), Some(t)) = (&f.three_public, three) {
        for (phase, word, said) in [("预算数", "budget", c.budget), ("决算数", "actual", c.actual)] {
            let printed = t
                .column(&format!("“三公”经费小计（{phase}）"))
                .and_then(|col| t.lines[0].amount(col))
                .and_then(|a| convert(a, &t.unit, &b.meta.unit));
            let (Some(printed), Some(said)) = (printed, said) else {
                continue;
            };
            out.push(
                same_figure(
                    CheckId::of(&["final", "three-public", word]),
                    "check.execution_actual_detail",
                    text!("check.execution_three_public", phase, &t.title),
                    said,
                    printed,
                    unit,
                )
                .comparing([format!("final_accounts.three_public.{word}")]),
            );
        }
    }
    out
}
