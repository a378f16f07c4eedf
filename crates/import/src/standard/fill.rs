//! The one place that decides which sections a narrative states (and the overview shows) the
//! standard tables fill, where the narrative of the bundle does not state them: the expenditure
//! total, revenue and its sources (the 收支总表's 收入 side), the “三公” total and items, 政府采购
//! by 货物/工程/服务, 机关运行经费. Figures the tables print, converted exactly into the bundle's
//! unit (a table in 元 under a narrative in 万元: ÷ 10 000, no rounding); nothing else.

use gongkai_model::tables::{item_level, without_number, BudgetLine, BudgetTable, TableKind, SUMMARY_PARTS};
use gongkai_model::{Bundle, Line, ThreePublicItem, ThreePublicKind};
use rust_decimal::Decimal;

pub use gongkai_model::amount::convert;

/// A table's figure in the bundle's unit.
fn figure(t: &BudgetTable, line: &BudgetLine, column: usize, unit: &str) -> Option<Decimal> {
    line.amount(column).and_then(|a| convert(a, &t.unit, unit))
}

fn squeeze(name: &str) -> String {
    name.chars().filter(|c| !c.is_whitespace()).collect()
}

pub fn fill_from_tables(b: &mut Bundle) {
    let unit = b.meta.unit.clone();
    let find = |kind: TableKind| b.tables.iter().find(|t| t.kind == kind && !t.lines.is_empty());
    let summary = find(TableKind::Summary);
    if b.expenditure.total.is_none() {
        let from_summary_table = find(TableKind::ExpenditureSummary).and_then(|t| {
            let line = if t.lines.len() == 1 {
                t.lines.first()
            } else {
                t.total_line()
            };
            line.and_then(|l| figure(t, l, 0, &unit))
        });
        let from_summary = summary.and_then(|t| {
            t.lines
                .iter()
                .find(|l| {
                    l.part.as_deref().is_some_and(|p| p != SUMMARY_PARTS[0]) && {
                        let n = squeeze(&l.name);
                        n == "支出合计" || n == "支出总计"
                    }
                })
                .and_then(|l| figure(t, l, 0, &unit))
        });
        b.expenditure.total = from_summary_table.or(from_summary);
    }
    // Revenue by fund source from the 收支总表's 收入 side (一、财政拨款, 二、事业收入 …, 上年结转),
    // and its 收入合计 (or 收入总计).
    if let Some(t) = summary {
        let revenue: Vec<&BudgetLine> = t
            .lines
            .iter()
            .filter(|l| l.part.as_deref() == Some(SUMMARY_PARTS[0]))
            .collect();
        let total = revenue
            .iter()
            .find(|l| {
                let n = squeeze(&l.name);
                n.contains("收入合计") || n == "收入总计"
            })
            .and_then(|l| figure(t, l, 0, &unit));
        if b.revenue.total.is_none() {
            b.revenue.total = total;
        }
        if b.revenue.sources.is_empty() && b.revenue.total.is_some() && b.revenue.total == total {
            b.revenue.sources = revenue
                .iter()
                .filter(|l| item_level(&l.name) == Some(0) || l.name.contains("上年结转"))
                .map(|l| Line {
                    name: without_number(&l.name).to_string(),
                    amount: figure(t, l, 0, &unit),
                })
                .collect();
        }
    }
    // “三公” from its table when the narrative states none.
    let three_public = b
        .tables
        .iter()
        .find(|t| t.kind == TableKind::ThreePublic && t.lines.len() == 1);
    if let (Some(t), None, true) = (three_public, b.three_public.total, b.three_public.items.is_empty()) {
        let get = |name: &str| t.column(name).and_then(|c| figure(t, &t.lines[0], c, &unit));
        b.three_public.total = get("“三公”经费小计");
        for (name, kind) in [
            ("因公出国（境）费", ThreePublicKind::Overseas),
            ("公务用车购置费", ThreePublicKind::VehiclePurchase),
            ("公务用车运行维护费", ThreePublicKind::VehicleOperation),
            ("公务接待费", ThreePublicKind::Reception),
        ] {
            if t.column(name).is_some() {
                b.three_public
                    .items
                    .push(ThreePublicItem::new(name.to_string(), kind, get(name)));
            }
        }
    }
    // A 决算's “三公” from its table (预算数 and 决算数 per item), whatever the narrative says: its
    // sentences print budgets and actuals side by side (“预算为 2.85 万元，支出决算为 0.39 万元”),
    // and the narrative reader takes a clause's first figure. The narrative keeps only its
    // reasons. Without the table, a narrative that names budgets keeps no item figure (which of
    // its figures is the 决算数 is not certain); the total is its comparison's 决算数.
    let is_final = b.meta.kind == gongkai_model::DocumentKind::FinalAccounts;
    let final_three_public = b
        .tables
        .iter()
        .find(|t| t.kind == TableKind::FinalThreePublic && t.lines.len() == 1);
    if is_final && final_three_public.is_none() {
        let names_budgets = b.three_public.text.contains("预算为") || b.three_public.text.contains("预算数为");
        if names_budgets {
            for i in &mut b.three_public.items {
                i.amount = None;
            }
        }
        if let Some(actual) = b
            .final_accounts
            .as_ref()
            .and_then(|f| f.three_public.as_ref())
            .and_then(|c| c.actual)
        {
            b.three_public.total = Some(actual);
        } else if names_budgets {
            b.three_public.total = None;
        }
    }
    if is_final && b.tables.iter().any(|t| t.kind == TableKind::FinalThreePublic) {
        // Items the narrative named without a figure, change or reason say nothing (the 决算's
        // 名词解释 of “三公” read as items): the table is the statement.
        b.three_public
            .items
            .retain(|i| i.change.is_some() || !i.reason.is_empty() || !i.change_text.is_empty() || i.amount.is_some());
    }
    if let (Some(t), true) = (final_three_public, is_final) {
        let get = |name: &str, phase: &str| {
            t.column(&format!("{name}（{phase}）"))
                .and_then(|c| figure(t, &t.lines[0], c, &unit))
        };
        // A blank 小计 cell with the narrative's “支出决算为 0.00 万元”: the narrative's figure.
        let said = b
            .final_accounts
            .as_ref()
            .and_then(|f| f.three_public.as_ref())
            .and_then(|c| c.actual);
        b.three_public.total = get("“三公”经费小计", "决算数").or(said);
        let reasons: Vec<(ThreePublicKind, String)> = b
            .three_public
            .items
            .iter()
            .map(|i| (i.kind, i.reason.clone()))
            .collect();
        b.three_public.items.clear();
        for (name, kind) in [
            ("因公出国（境）费", ThreePublicKind::Overseas),
            ("公务用车购置费", ThreePublicKind::VehiclePurchase),
            ("公务用车运行维护费", ThreePublicKind::VehicleOperation),
            ("公务接待费", ThreePublicKind::Reception),
        ] {
            if t.column(&format!("{name}（决算数）")).is_some() {
                let mut item = ThreePublicItem::new(name.to_string(), kind, get(name, "决算数"));
                item.budget = get(name, "预算数");
                item.reason = reasons
                    .iter()
                    .find(|(k, _)| *k == kind)
                    .map(|(_, r)| r.clone())
                    .unwrap_or_default();
                b.three_public.items.push(item);
            }
        }
    }
    // 政府采购 by 货物 / 工程 / 服务 from its table when the narrative states none.
    let procurement = b.tables.iter().find(|t| t.kind == TableKind::Procurement);
    if let (Some(t), None, true) = (procurement, b.procurement.total, b.procurement.items.is_empty()) {
        b.procurement.total = t.total_line().and_then(|l| figure(t, l, 0, &unit));
        b.procurement.items = t
            .lines
            .iter()
            .filter(|l| !l.is_total())
            .map(|l| Line {
                name: without_number(&l.name).to_string(),
                amount: figure(t, l, 0, &unit),
            })
            .collect();
    }
    if b.operating_costs.amount.is_none() {
        let from_table = b
            .tables
            .iter()
            .find(|t| t.kind == TableKind::OperatingCosts)
            .and_then(|t| t.total_line().and_then(|l| figure(t, l, 0, &unit)));
        // Printed as a column of the “三公” table (“三公”经费和机关运行经费预算表).
        let from_three_public =
            three_public.and_then(|t| t.column("机关运行经费").and_then(|c| figure(t, &t.lines[0], c, &unit)));
        b.operating_costs.amount = from_table.or(from_three_public);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_convert_exactly() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(convert(d("96282213.44"), "元", "万元"), Some(d("9628.221344")));
        assert_eq!(convert(d("1.5"), "万元", "元"), Some(d("15000")));
        assert_eq!(convert(d("12.00"), "万元", "万元"), Some(d("12.00")));
        assert_eq!(convert(d("1"), "美元", "元"), None);
    }
}
