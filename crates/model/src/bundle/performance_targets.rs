//! The national performance tables (since 2018): the 项目支出绩效目标表 and 部门整体支出绩效目标表
//! a budget publishes, and the 项目支出绩效自评表 a 决算 publishes, one per project.
//!
//! Invariants (checked by [`crate::perf_checks`]):
//! - amounts are in the project's own [`ProjectPerformance::unit`] as printed (usually 万元);
//!   `None` is a blank cell (未列), never 0;
//! - every text (names, 指标值, 实际完成值, reasons) is kept exactly as published, so “≥95%”,
//!   “10辆” and “2022年12月底前” stay text: a target is not always a number;
//! - indicators keep the published order; their 一级/二级指标 are repeated on every indicator
//!   (in the document they are cells spanning many rows), [`ProjectPerformance::tree`] groups them.
//!
//! The seed county's own 职责活动 form stays in [`crate::Performance`]; both can be in one bundle.

use crate::i18n::Lang;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

#[cfg(feature = "schema")]
use schemars::JsonSchema;

/// Every national performance table of a disclosure, in published order.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PerformanceTargets {
    /// One entry per table (a project, or the department as a whole), in published order.
    pub projects: Vec<ProjectPerformance>,
}

impl PerformanceTargets {
    /// True when the disclosure has no national performance table.
    pub fn is_empty(&self) -> bool {
        self.projects.is_empty()
    }
}

/// Which form a table is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PerformanceForm {
    /// 绩效目标表: what the money is to achieve (budget).
    Targets,
    /// 绩效自评表: what it achieved, with the 决算 and scores.
    SelfEvaluation,
}

/// Whose table it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PerformanceScope {
    /// 项目支出: one project.
    Project,
    /// 部门（单位）整体支出: the department as a whole.
    Department,
}

/// One performance table: a project's (or the department's) funds, goal and indicators.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ProjectPerformance {
    pub form: PerformanceForm,
    pub scope: PerformanceScope,
    /// The table's title as printed, e.g. “项目支出绩效目标表（2023年度）”.
    pub title: String,
    /// 项目名称 as printed (for a department table, the 部门（单位）名称).
    pub name: String,
    /// 主管部门 (and its code, as printed); `None` when not printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    /// 实施单位 as printed; `None` when not printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub implementer: Option<String>,
    /// Unit of every amount of this table as printed (“万元”, “元”); `None` when the table does
    /// not print one (its amounts are then shown without a unit).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// The funds rows (年度资金总额, 其中：财政拨款, 上年结转资金, 其他资金), in published order.
    #[serde(default)]
    pub funds: Vec<FundLine>,
    /// 年度目标 (自评: 预期目标) as published; `None` when blank.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goal: Option<String>,
    /// 自评 only: 实际完成情况 of the year's goal as published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goal_achieved: Option<String>,
    /// 部门整体支出 only: the 年度主要任务 with their amounts, and the 金额合计 row.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tasks: Vec<Task>,
    /// The 三级指标 in published order, each with its 一级 and 二级指标.
    #[serde(default)]
    pub indicators: Vec<PerformanceIndicator>,
    /// 自评 only: 总分 as printed (usually out of 100); `None` when not printed.
    #[serde(default, with = "crate::amount::opt", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub total_score: Option<Decimal>,
    /// 自评 only: the full marks of the 总分 (满分 / 分值 of the total row, e.g. 100).
    #[serde(default, with = "crate::amount::opt", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub total_weight: Option<Decimal>,
    /// Other labelled texts of the table (评价结论, 存在问题, 改进措施, 其他说明的问题), as published.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub remarks: Vec<Remark>,
    /// 1-based line of the source text where the table's title (or first row) is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_line: Option<usize>,
}

/// One 年度主要任务 of a 部门整体支出绩效目标表 (or its 金额合计 row, `role` = total): amounts in
/// the table's unit, `None` for a blank cell.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Task {
    /// 任务名称 as printed.
    pub name: String,
    /// `total` for the 金额合计 row (the sum of the tasks), `part` for a task.
    pub role: FundRole,
    /// 主要内容 as published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<String>,
    /// 预算金额 总额 (= 财政拨款 + 其他资金).
    #[serde(default, with = "crate::amount::opt", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub total: Option<Decimal>,
    /// 财政拨款.
    #[serde(default, with = "crate::amount::opt", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub fiscal: Option<Decimal>,
    /// 其他资金.
    #[serde(default, with = "crate::amount::opt", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub other: Option<Decimal>,
}

/// A labelled text of a performance table, e.g. 存在问题 → “…”.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Remark {
    pub label: String,
    pub text: String,
}

/// What a funds row is, from its printed name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum FundRole {
    /// 年度资金总额 / 资金总额 / 总额: the sum of the other rows.
    Total,
    /// A part of the total: 财政拨款, 上年结转资金, 其他资金, 单位资金 …
    Part,
}

/// One funds row. In a 目标表 only `amount` is printed; in a 自评表 the 决算 columns.
/// All amounts in [`ProjectPerformance::unit`]; `None` = blank cell.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FundLine {
    /// As printed, e.g. “其中：财政拨款”.
    pub name: String,
    pub role: FundRole,
    /// 目标表: the amount.
    #[serde(default, with = "crate::amount::opt", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub amount: Option<Decimal>,
    /// 自评: 年初预算数.
    #[serde(default, with = "crate::amount::opt", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub initial_budget: Option<Decimal>,
    /// 自评: 全年预算数 (调整后预算数).
    #[serde(default, with = "crate::amount::opt", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub full_year_budget: Option<Decimal>,
    /// 自评: 全年执行数.
    #[serde(default, with = "crate::amount::opt", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub executed: Option<Decimal>,
    /// 自评: 分值 (the points the execution rate is worth).
    #[serde(default, with = "crate::amount::opt", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub weight: Option<Decimal>,
    /// 自评: 执行率 as printed (“86%”, “100.00%”), kept as text with its rounding.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate: Option<String>,
    /// 自评: 得分.
    #[serde(default, with = "crate::amount::opt", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub score: Option<Decimal>,
}

/// One 三级指标 with its place in the tree and its values as published.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PerformanceIndicator {
    /// 一级指标 as printed (“产出指标”, “产出指标(50分)”).
    pub level1: String,
    /// 二级指标 as printed (“数量指标”); empty when the table prints none.
    pub level2: String,
    /// 三级指标 (指标内容) as printed.
    pub name: String,
    /// 指标值 / 年度指标值 as printed (“≥95%”, “10辆”); with a separate direction and unit
    /// column only the value cell.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    /// 指标性质 / 方向 when printed in its own column (“≥”, “=”, “定性”).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direction: Option<String>,
    /// 度量单位 when printed in its own column (“%”, “辆”).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// 自评: 实际完成值 as printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub achieved: Option<String>,
    /// 分值 / 权重.
    #[serde(default, with = "crate::amount::opt", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub weight: Option<Decimal>,
    /// 自评: 得分.
    #[serde(default, with = "crate::amount::opt", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub score: Option<Decimal>,
    /// 自评: 偏差原因分析 (and 改进措施 when printed in the same cell) as published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deviation: Option<String>,
    /// 自评: 改进措施 when printed in its own column.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measures: Option<String>,
    /// 备注 / 指标解释 / 绩效标准 as published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl FundLine {
    /// A funds row with its name and role and every amount blank.
    pub fn new(name: &str, role: FundRole) -> FundLine {
        FundLine {
            name: name.to_string(),
            role,
            amount: None,
            initial_budget: None,
            full_year_budget: None,
            executed: None,
            weight: None,
            rate: None,
            score: None,
        }
    }
}

impl PerformanceIndicator {
    /// The target as a reader sees it: direction, value and unit joined (“≥95%”), or the value
    /// alone when the table prints it in one cell.
    pub fn target_text(&self) -> Option<String> {
        // 定性/定量 in the 指标性质 column says what kind of target it is, not a comparison.
        let symbol = self
            .direction
            .as_deref()
            .filter(|d| d.chars().all(|c| "≥≤=＝<>＜＞≠".contains(c)));
        let parts: Vec<&str> = [symbol, self.target.as_deref(), self.unit.as_deref()]
            .into_iter()
            .flatten()
            .filter(|s| !s.is_empty())
            .collect();
        (!parts.is_empty()).then(|| parts.concat())
    }

    /// Points lost: 分值 − 得分, when both are printed.
    pub fn shortfall(&self) -> Option<Decimal> {
        Some(self.weight? - self.score?)
    }
}

/// The indicators of one 二级指标, in published order (indices into
/// [`ProjectPerformance::indicators`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Level2Group {
    pub name: String,
    pub indicators: Vec<usize>,
}

/// The 二级指标 of one 一级指标.
#[derive(Debug, Clone, PartialEq)]
pub struct Level1Group {
    pub name: String,
    pub groups: Vec<Level2Group>,
}

impl ProjectPerformance {
    /// The indicator tree: 一级 → 二级 → 三级 in first-published order.
    pub fn tree(&self) -> Vec<Level1Group> {
        let mut out: Vec<Level1Group> = Vec::new();
        for (i, ind) in self.indicators.iter().enumerate() {
            let l1 = match out.iter_mut().position(|g| g.name == ind.level1) {
                Some(p) => &mut out[p],
                None => {
                    out.push(Level1Group {
                        name: ind.level1.clone(),
                        groups: Vec::new(),
                    });
                    out.last_mut().expect("just pushed")
                }
            };
            match l1.groups.iter_mut().find(|g| g.name == ind.level2) {
                Some(g) => g.indicators.push(i),
                None => l1.groups.push(Level2Group {
                    name: ind.level2.clone(),
                    indicators: vec![i],
                }),
            }
        }
        out
    }

    /// The total funds row (年度资金总额), when printed.
    pub fn total_funds(&self) -> Option<&FundLine> {
        self.funds.iter().find(|f| f.role == FundRole::Total)
    }

    /// The headline amount: the 目标表's 年度资金总额, or the 自评's 全年预算数.
    pub fn headline_amount(&self) -> Option<Decimal> {
        let t = self.total_funds()?;
        t.amount.or(t.full_year_budget).or(t.initial_budget)
    }

    /// 自评: the indicators that lost points, the most points lost first (published order
    /// among equals); indicators without both 分值 and 得分 are left out.
    pub fn shortfalls(&self) -> Vec<usize> {
        let mut v: Vec<(usize, Decimal)> = self
            .indicators
            .iter()
            .enumerate()
            .filter_map(|(i, ind)| ind.shortfall().filter(|d| *d > Decimal::ZERO).map(|d| (i, d)))
            .collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        v.into_iter().map(|(i, _)| i).collect()
    }

    /// 自评: indicators in order of their score relative to their weight, lowest first (those
    /// without a score last, in published order): the view lists the weakest first.
    pub fn by_score(&self) -> Vec<usize> {
        let ratio = |ind: &PerformanceIndicator| match (ind.score, ind.weight) {
            (Some(s), Some(w)) if !w.is_zero() => Some(s / w),
            _ => None,
        };
        let mut idx: Vec<usize> = (0..self.indicators.len()).collect();
        idx.sort_by(
            |&a, &b| match (ratio(&self.indicators[a]), ratio(&self.indicators[b])) {
                (Some(x), Some(y)) => x.cmp(&y).then(a.cmp(&b)),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => a.cmp(&b),
            },
        );
        idx
    }
}

impl ProjectPerformance {
    /// One sentence a person (or a screen reader) takes in first: the money, the indicators,
    /// and for a 自评 the execution and the score, in the interface language.
    pub fn summary(&self, lang: Lang) -> String {
        let unit = self.unit.as_deref().unwrap_or("");
        let total = self.total_funds();
        match self.form {
            PerformanceForm::Targets => crate::tr!(
                lang,
                "ptarget.summary",
                lang.fmt_opt_unit(total.and_then(|t| t.amount), unit),
                self.indicators.len(),
                self.tree().len()
            ),
            PerformanceForm::SelfEvaluation => crate::tr!(
                lang,
                "ptarget.summary_self",
                lang.fmt_opt_unit(total.and_then(|t| t.full_year_budget), unit),
                lang.fmt_opt_unit(total.and_then(|t| t.executed), unit),
                total
                    .and_then(|t| t.rate.clone())
                    .unwrap_or_else(|| crate::tr!(lang, "amount.blank").to_string()),
                lang.fmt_opt(self.total_score),
                lang.fmt_opt(self.total_weight),
                self.shortfalls().len()
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ind(l1: &str, l2: &str, name: &str, w: Option<i64>, s: Option<i64>) -> PerformanceIndicator {
        PerformanceIndicator {
            level1: l1.into(),
            level2: l2.into(),
            name: name.into(),
            target: Some("≥95".into()),
            unit: Some("%".into()),
            weight: w.map(Decimal::from),
            score: s.map(Decimal::from),
            ..Default::default()
        }
    }

    fn project(indicators: Vec<PerformanceIndicator>) -> ProjectPerformance {
        ProjectPerformance {
            form: PerformanceForm::SelfEvaluation,
            scope: PerformanceScope::Project,
            title: "项目支出绩效自评表".into(),
            name: "甲".into(),
            department: None,
            implementer: None,
            unit: Some("万元".into()),
            funds: Vec::new(),
            goal: None,
            goal_achieved: None,
            tasks: Vec::new(),
            indicators,
            total_score: None,
            total_weight: None,
            remarks: Vec::new(),
            source_line: None,
        }
    }

    #[test]
    fn tree_groups_in_first_published_order() {
        let p = project(vec![
            ind("产出指标", "数量指标", "a", None, None),
            ind("产出指标", "质量指标", "b", None, None),
            ind("效益指标", "社会效益指标", "c", None, None),
            ind("产出指标", "数量指标", "d", None, None),
        ]);
        let t = p.tree();
        assert_eq!(t.len(), 2);
        assert_eq!(t[0].name, "产出指标");
        assert_eq!(t[0].groups[0].indicators, vec![0, 3]);
        assert_eq!(t[0].groups[1].indicators, vec![1]);
        assert_eq!(t[1].groups[0].indicators, vec![2]);
    }

    #[test]
    fn weakest_first_and_shortfalls() {
        let p = project(vec![
            ind("产出指标", "数量指标", "a", Some(10), Some(10)),
            ind("产出指标", "数量指标", "b", Some(10), Some(6)),
            ind("产出指标", "数量指标", "c", None, None),
            ind("产出指标", "数量指标", "d", Some(20), Some(18)),
        ]);
        assert_eq!(p.by_score(), vec![1, 3, 0, 2]);
        assert_eq!(p.shortfalls(), vec![1, 3]);
        assert_eq!(p.indicators[0].target_text().as_deref(), Some("≥95%"));
    }
}
