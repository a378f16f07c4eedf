//! Structural validation (can the viewer show this bundle at all?) and reconciliation (do the
//! published figures add up?). The CLI's `validate` and the app's 数据核对 view both print
//! [`reconcile`]; [`structural_problems`] is what [`crate::parse_bundle`] rejects.

use crate::bundle::*;
use crate::format::fmt_amount;
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
}

/// Problems that make a bundle unusable; [`crate::parse_bundle`] refuses bundles with any.
pub fn structural_problems(b: &Bundle) -> Vec<String> {
    let mut p = Vec::new();
    if b.meta.department.trim().is_empty() {
        p.push("meta.department 为空".to_string());
    }
    if !(1949..=2100).contains(&b.meta.fiscal_year) {
        p.push(format!("meta.fiscal_year {} 不在 1949–2100 之间", b.meta.fiscal_year));
    }
    if b.meta.unit.trim().is_empty() {
        p.push("meta.unit 为空".to_string());
    }
    let mut neg: Vec<String> = Vec::new();
    let mut negative = |path: String, v: Option<Decimal>| {
        if let Some(d) = v.filter(|d| d.is_sign_negative() && !d.is_zero()) {
            neg.push(format!("{path} 为负数 {d}"));
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
                nested.push(format!(
                    "performance.activities[{i}].sub_activities[{j}] 含有下级活动（只允许两级）"
                ));
            }
        }
    }
    p.extend(neg);
    p.extend(nested);
    p
}

/// Every reconciliation the bundle's figures allow, in document order.
pub fn reconcile(b: &Bundle) -> Vec<Check> {
    let mut out = Vec::new();
    let unit = b.meta.unit.as_str();

    // 收入
    sum_check(
        &mut out,
        "收入",
        "收入各来源之和 = 收入合计".into(),
        b.revenue.sources.iter().map(|s| (s.name.as_str(), s.amount)),
        b.revenue.total,
        unit,
    );
    // 支出
    sum_check(
        &mut out,
        "支出",
        "支出各经济分类之和 = 支出合计".into(),
        b.expenditure.categories.iter().map(|c| (c.name.as_str(), c.amount)),
        b.expenditure.total,
        unit,
    );
    if let (Some(basic), Some(project), Some(total)) =
        (b.basic_expenditure(), b.project_expenditure(), b.expenditure.total)
    {
        push_eq(
            &mut out,
            "支出",
            "基本支出 + 项目支出 = 支出合计".into(),
            format!("{} + {}", fmt_amount(basic), fmt_amount(project)),
            basic + project,
            total,
            unit,
        );
    }
    match (b.revenue.total, b.expenditure.total) {
        (Some(r), Some(e)) => push_eq(
            &mut out,
            "收支",
            "收入合计 = 支出合计（收支平衡）".into(),
            fmt_amount(r),
            r,
            e,
            unit,
        ),
        _ => out.push(na("收支", "收入合计 = 支出合计（收支平衡）", "收入或支出合计未列")),
    }

    // 比上年增减
    let c = &b.change;
    match (c.basic, c.project, c.total) {
        (Some(x), Some(y), Some(t)) => push_eq(
            &mut out,
            "增减",
            "基本支出增减 + 项目支出增减 = 总增减".into(),
            format!("{} + {}", fmt_term(x), fmt_term(y)),
            x + y,
            t,
            unit,
        ),
        _ => out.push(na(
            "增减",
            "基本支出增减 + 项目支出增减 = 总增减",
            "增减的组成部分未全部列出",
        )),
    }
    // Last year's figure (this year − change) cannot be negative.
    for (label, now, change) in [
        ("合计", b.expenditure.total, c.total),
        ("基本支出", b.basic_expenditure(), c.basic),
        ("项目支出", b.project_expenditure(), c.project),
    ] {
        if let (Some(p), Some(ch)) = (now, change) {
            let last = p - ch;
            out.push(Check {
                area: "增减",
                label: format!("上年{label} = 本年{label} − 增减额（应不为负）"),
                status: status_of(!last.is_sign_negative() || last.is_zero()),
                detail: format!("{} − {} = {} {unit}", fmt_amount(p), fmt_term(ch), fmt_amount(last)),
            });
        }
    }

    // 三公
    let tp = &b.three_public;
    sum_check(
        &mut out,
        "三公",
        "“三公”各项之和 = “三公”合计".into(),
        tp.items.iter().map(|i| (i.name.as_str(), i.amount)),
        tp.total,
        unit,
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
            out.push(na("三公", "“三公”各项增减之和 = 合计增减", "各项增减均未列"));
        } else {
            let sum: Decimal = stated.iter().map(|(_, c)| *c).sum();
            let parts = stated.iter().map(|(_, c)| fmt_term(*c)).collect::<Vec<_>>().join(" + ");
            let mut detail = format!(
                "{parts} = {} {unit}，合计 {}",
                fmt_signed(sum),
                fmt_signed(total_change)
            );
            if !unstated.is_empty() {
                detail.push_str(&format!("（{} 未列增减，按无变化计）", unstated.join("、")));
            }
            out.push(Check {
                area: "三公",
                label: "“三公”各项增减之和 = 合计增减".into(),
                status: status_of(sum == total_change),
                detail: detail + if sum == total_change { " ✓" } else { " ✗" },
            });
        }
    }

    // 绩效
    let acts = &b.performance.activities;
    if !acts.is_empty() {
        let acts_sum = acts.iter().map(|a| (a.name.as_str(), a.amount));
        sum_check(
            &mut out,
            "绩效",
            format!("{} 项职责活动金额之和 = 项目支出", acts.len()),
            acts_sum,
            b.project_expenditure(),
            unit,
        );
        for a in acts.iter().filter(|a| !a.sub_activities.is_empty()) {
            sum_check(
                &mut out,
                "绩效",
                format!("“{}”各子活动之和 = 活动金额", a.name),
                a.sub_activities.iter().map(|s| (s.name.as_str(), s.amount)),
                a.amount,
                unit,
            );
        }
    }

    // 资产
    let vu = b.assets.value_unit.as_str();
    for row in &b.assets.rows {
        asset_checks(&mut out, row, vu);
    }

    // 名称
    names_check(&mut out, "职责活动", acts.iter().map(|a| a.name.as_str()));
    for a in acts {
        if !a.sub_activities.is_empty() {
            names_check(
                &mut out,
                &format!("“{}”的子活动", a.name),
                a.sub_activities.iter().map(|s| s.name.as_str()),
            );
        }
    }
    let empty_indicators = b.indicators().filter(|(_, _, i)| i.name.trim().is_empty()).count();
    out.push(Check {
        area: "名称",
        label: "绩效指标名称不为空".into(),
        status: status_of(empty_indicators == 0),
        detail: format!("{} 项指标，{} 项名称为空", b.indicators().count(), empty_indicators),
    });
    let empty_duties = b.duties.iter().filter(|d| d.text.trim().is_empty()).count();
    out.push(Check {
        area: "名称",
        label: "部门职责条目不为空".into(),
        status: status_of(empty_duties == 0),
        detail: format!("{} 条职责，{} 条为空", b.duties.len(), empty_duties),
    });
    out
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
    let detail = if ok {
        format!("{lhs} = {} {unit} ✓", fmt_amount(total))
    } else {
        format!(
            "{lhs} = {} {unit}，公布 {}，相差 {} ✗",
            fmt_amount(sum),
            fmt_amount(total),
            fmt_signed(sum - total)
        )
    };
    out.push(Check {
        area,
        label,
        status: status_of(ok),
        detail,
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
            detail: "合计未列".into(),
        });
        return;
    };
    if parts.is_empty() {
        out.push(Check {
            area,
            label,
            status: CheckStatus::NotApplicable,
            detail: "未列出组成部分".into(),
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
        format!("{} 项之和", parts.len() - blanks.len())
    };
    let mut check = {
        let mut v = Vec::new();
        push_eq(&mut v, area, label, lhs, stated, total, unit);
        v.pop().unwrap()
    };
    if !blanks.is_empty() {
        check.detail.push_str(&format!("（未列金额：{}）", blanks.join("、")));
    }
    out.push(check);
}

fn asset_checks(out: &mut Vec<Check>, row: &AssetRow, value_unit: &str) {
    let parts: Vec<&AssetRow> = row.children.iter().filter(|c| c.role == AssetRole::Part).collect();
    let deductions: Vec<&AssetRow> = row.children.iter().filter(|c| c.role == AssetRole::Deduction).collect();
    let of_which: Vec<&AssetRow> = row.children.iter().filter(|c| c.role == AssetRole::OfWhich).collect();
    type Get = fn(&AssetRow) -> Option<Decimal>;
    let columns: [(&str, Get, bool); 4] = [
        ("年初价值", |r| r.value_start, true),
        ("年末价值", |r| r.value_end, true),
        ("年初数量", |r| r.quantity_start, false),
        ("年末数量", |r| r.quantity_end, false),
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
                "资产",
                format!("“{}”{col} = 下级各行之和", row.name),
                lhs,
                sum - ded,
                total,
                unit,
            );
        }
        let ow: Vec<Decimal> = of_which.iter().filter_map(|o| get(o)).collect();
        if !ow.is_empty() {
            let s: Decimal = ow.iter().copied().sum();
            out.push(Check {
                area: "资产",
                label: format!("“{}”{col}：其中项之和不超过总数", row.name),
                status: status_of(s <= total),
                detail: format!(
                    "其中项合计 {} ≤ {} {unit}{}",
                    fmt_amount(s),
                    fmt_amount(total),
                    if s <= total { " ✓" } else { " ✗" }
                ),
            });
        }
    }
    // Quantity and value must agree on "nothing": no items but a value (or items worth nothing).
    for (when, q, v) in [
        ("年初", row.quantity_start, row.value_start),
        ("年末", row.quantity_end, row.value_end),
    ] {
        if let (Some(q), Some(v)) = (q, v) {
            let non_negative = !q.is_sign_negative() || q.is_zero();
            // Floor areas (平方米) may be fractional; counted things (台、辆、套) may not.
            let whole_or_area = q.fract().is_zero() || row.quantity_unit.as_deref() == Some("平方米");
            let ok = non_negative && whole_or_area && q.is_zero() == v.is_zero();
            if !ok {
                out.push(Check {
                    area: "资产",
                    label: format!("“{}”{when}数量与价值相符", row.name),
                    status: CheckStatus::Fail,
                    detail: format!(
                        "数量 {} {}，价值 {} {value_unit} ✗",
                        fmt_amount(q),
                        row.quantity_unit.as_deref().unwrap_or(""),
                        fmt_amount(v)
                    ),
                });
            }
        }
    }
    for c in &row.children {
        asset_checks(out, c, value_unit);
    }
}

fn names_check<'a>(out: &mut Vec<Check>, what: &str, names: impl Iterator<Item = &'a str>) {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let mut empty = 0;
    let mut n = 0;
    for name in names {
        n += 1;
        if name.trim().is_empty() {
            empty += 1;
        } else {
            *seen.entry(name).or_default() += 1;
        }
    }
    let mut dups: Vec<&str> = seen.iter().filter(|(_, c)| **c > 1).map(|(n, _)| *n).collect();
    dups.sort();
    let ok = dups.is_empty() && empty == 0;
    let mut detail = format!("{n} 个名称");
    if empty > 0 {
        detail.push_str(&format!("，{empty} 个为空"));
    }
    if !dups.is_empty() {
        detail.push_str(&format!("，重复：{}", dups.join("、")));
    }
    detail.push_str(if ok { "，无重复 ✓" } else { " ✗" });
    out.push(Check {
        area: "名称",
        label: format!("{what}名称不重复、不为空"),
        status: status_of(ok),
        detail,
    });
}
