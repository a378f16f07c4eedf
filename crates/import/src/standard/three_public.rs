//! The “三公”经费 table (with 会议费 and 培训费, or with 机关运行经费, as provinces print it; in a
//! 决算 with 预算数 and 决算数 per item): headers on several levels over one row of figures. Each
//! column is named by what its header path says (the names `gongkai_model::tables::THREE_PUBLIC_SUMS`
//! checks), whatever the words and the order; kept only if its sums hold.

use super::header::{figure, Layout, Role};
use super::lines::is_note_row;
use super::Found;
use crate::grid::Grid;
use gongkai_model::tables::{BudgetLine, BudgetTable, Cell, THREE_PUBLIC_SUMS};
use gongkai_model::SkippedLine;

/// The standard name of a column from its header levels (top first), and its phase (预算数,
/// 决算数) when the header gives one. `None` for a column that is none of the items.
pub fn column_name(path: &[String]) -> Option<(String, Option<String>)> {
    let clean: Vec<String> = path.iter().map(|p| p.replace(char::is_whitespace, "")).collect();
    let phase_word = |p: &str| matches!(p, "预算数" | "决算数" | "年初预算数" | "全年预算数" | "调整预算数");
    let phase = clean.last().filter(|p| phase_word(p)).cloned();
    let levels: Vec<&str> = clean.iter().map(String::as_str).filter(|p| !phase_word(p)).collect();
    let leaf = *levels.last()?;
    let parent = if levels.len() >= 2 {
        levels[levels.len() - 2]
    } else {
        ""
    };
    let subtotal = matches!(leaf, "小计" | "合计");
    let name = if leaf.contains("机关运行经费") {
        "机关运行经费"
    } else if leaf.contains("会议费") {
        "会议费"
    } else if leaf.contains("培训费") {
        "培训费"
    } else if leaf.contains("因公出国") {
        "因公出国（境）费"
    } else if leaf.contains("接待") {
        "公务接待费"
    } else if subtotal && parent.contains("公务用车") || leaf == "公务用车购置及运行维护费小计" {
        "公务用车购置及运行维护费小计"
    } else if leaf.contains("购置") && !leaf.contains("运行") && !leaf.contains('及') {
        "公务用车购置费"
    } else if leaf.contains("运行") && !leaf.contains("购置") {
        "公务用车运行维护费"
    } else if subtotal
        && (parent.contains("三公") || levels.len() >= 2 && parent.contains("经费") && !parent.contains("公务用车"))
        || leaf.contains("三公") && leaf.contains("小计")
    {
        "“三公”经费小计"
    } else if subtotal {
        "合计"
    } else if leaf.contains("三公") || leaf.contains("公务用车") {
        // A spanning header with no column of its own (its 小计 names it).
        return None;
    } else {
        return None;
    };
    Some((name.to_string(), phase))
}

pub fn read(table: &mut BudgetTable, g: &Grid, l: &Layout, found: &mut Found) -> bool {
    let amount_cols: Vec<usize> = (0..l.columns.len())
        .filter(|&i| matches!(l.columns[i].role, Role::Amount(_)))
        .collect();
    let mut names: Vec<(usize, String)> = Vec::new();
    for &i in &amount_cols {
        let Some((name, phase)) = column_name(&l.columns[i].path) else {
            continue;
        };
        let full = match phase {
            Some(p) => format!("{name}（{p}）"),
            None => name,
        };
        if names.iter().any(|(_, n)| *n == full) {
            continue;
        }
        names.push((i, full));
    }
    // The row of figures.
    let row = (l.body..g.rows).find(|&r| {
        is_note_row(g, r).is_none()
            && amount_cols
                .iter()
                .any(|&c| matches!(figure(g.text(r, c)), Some(Some(_))))
    });
    let Some(r) = row else { return false };
    let mut cells = Vec::with_capacity(names.len());
    for (c, _) in &names {
        match figure(g.text(r, *c)) {
            Some(v) => cells.push(Cell(v)),
            None => {
                found.skipped.push(SkippedLine {
                    line: g.row_line(r),
                    text: g.text(r, *c).to_string(),
                    reason: format!("{}：金额列中是文字，未导入", table.title),
                });
                return false;
            }
        }
    }
    let get = |n: &str| names.iter().position(|(_, x)| x == n).and_then(|i| cells[i].0);
    let sum = |parts: &[&str]| parts.iter().filter_map(|p| get(p)).sum::<rust_decimal::Decimal>();
    let holds = THREE_PUBLIC_SUMS
        .iter()
        .all(|(total, parts)| get(total).is_none_or(|t| parts.iter().all(|p| get(p).is_none()) || t == sum(parts)));
    if names.len() < 3 || !holds {
        found.skipped.push(SkippedLine {
            line: g.row_line(r),
            text: table.title.clone(),
            reason: format!(
                "{}：多层表头下的金额无法确定对应的列（对应后各项之和不符），未导入",
                table.title
            ),
        });
        return false;
    }
    table.columns = names.into_iter().map(|(_, n)| n).collect();
    table.lines.push(BudgetLine {
        code: None,
        name: String::new(),
        amounts: cells,
        part: None,
        source_line: Some(g.row_line(r)).filter(|n| *n > 0),
    });
    for r in l.body..g.rows {
        if let Some(note) = is_note_row(g, r) {
            table.notes.push(note);
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(levels: &[&str]) -> Option<String> {
        column_name(&levels.iter().map(|s| s.to_string()).collect::<Vec<_>>()).map(|(n, ph)| match ph {
            Some(ph) => format!("{n}（{ph}）"),
            None => n,
        })
    }

    #[test]
    fn columns_named_by_what_their_headers_say() {
        // Jiangsu: 合计 | “三公”经费 (小计, 出国, 公务用车 (小计, 购置, 运行维护), 接待) | 会议费 | 培训费.
        assert_eq!(p(&["合计"]).as_deref(), Some("合计"));
        assert_eq!(p(&["“三公”经费", "小计"]).as_deref(), Some("“三公”经费小计"));
        assert_eq!(
            p(&["“三公”经费", "公务用车购置及运行维护费", "小计"]).as_deref(),
            Some("公务用车购置及运行维护费小计")
        );
        assert_eq!(
            p(&["“三公”经费", "公务用车购置及运行维护费", "公务用车运行维护费"]).as_deref(),
            Some("公务用车运行维护费")
        );
        // Shanghai: “三公”经费预算数 (合计, 因公出国(境)费, 公务接待费, 公务用车购置及运行费 (小计, 购置费, 运行费)) | 机关运行经费预算数.
        assert_eq!(p(&["“三公”经费预算数", "合计"]).as_deref(), Some("“三公”经费小计"));
        assert_eq!(
            p(&["“三公”经费预算数", "因公出国(境)费"]).as_deref(),
            Some("因公出国（境）费")
        );
        assert_eq!(
            p(&["“三公”经费预算数", "公务用车购置及运行费", "购置费"]).as_deref(),
            Some("公务用车购置费")
        );
        assert_eq!(
            p(&["“三公”经费预算数", "公务用车购置及运行费", "运行费"]).as_deref(),
            Some("公务用车运行维护费")
        );
        assert_eq!(p(&["机关运行经费预算数"]).as_deref(), Some("机关运行经费"));
        // 决算: 预算数 and 决算数 per item.
        assert_eq!(
            p(&[
                "财政拨款“三公”经费",
                "公务用车购置及运行维护费",
                "公务用车购置费",
                "决算数"
            ])
            .as_deref(),
            Some("公务用车购置费（决算数）")
        );
        assert_eq!(
            p(&["财政拨款“三公”经费", "合计", "预算数"]).as_deref(),
            Some("“三公”经费小计（预算数）")
        );
    }
}
