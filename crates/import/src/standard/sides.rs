//! Tables printed in sides on each row: the 收支总表 (收入 | 支出, or the three parts 收入 |
//! 支出功能分类 | 支出用途), the 财政拨款收支总表, the 决算 总表, and the 决算 基本支出 table
//! (人员经费 | 公用经费). A side is a name column (with the code columns before it, if any)
//! followed by its amount columns; its label is the header above it.

use super::header::{Layout, Role};
use super::lines::{is_note_row, read_row, repeats_header};
use super::{column_names, Found};
use crate::grid::Grid;
use gongkai_model::tables::{without_number, BudgetLine, BudgetTable, SUMMARY_PARTS};
use gongkai_model::SkippedLine;

struct Side {
    codes: Vec<usize>,
    name: usize,
    amounts: Vec<usize>,
    label: String,
}

/// The sides of a layout, left to right.
fn sides(l: &Layout) -> Vec<Side> {
    let mut out: Vec<Side> = Vec::new();
    let mut codes = Vec::new();
    for (i, c) in l.columns.iter().enumerate() {
        match &c.role {
            Role::Code => codes.push(i),
            Role::Name => {
                // The top header level over the side's name column, when it names the side.
                let label = match c.path.as_slice() {
                    [top, _, ..] => top.clone(),
                    [only] if SUMMARY_PARTS.contains(&only.as_str()) => only.clone(),
                    _ => String::new(),
                };
                out.push(Side {
                    codes: std::mem::take(&mut codes),
                    name: i,
                    amounts: Vec::new(),
                    label,
                });
            }
            Role::Amount(_) => {
                if let Some(s) = out.last_mut() {
                    s.amounts.push(i);
                }
            }
            Role::RowNumber => {}
        }
    }
    out.retain(|s| !s.amounts.is_empty());
    out
}

/// The `part` of a side's lines in a 总表: 收入, or 支出 by 功能分类 (一般公共服务支出 …) or by
/// 用途 (基本支出, 项目支出 …), as its label and its items say. Labels already in the
/// standard form are kept.
fn part_label(label: &str, names: &[&str]) -> String {
    let l: String = label.chars().filter(|c| !c.is_whitespace()).collect();
    if SUMMARY_PARTS.contains(&l.as_str()) {
        return l;
    }
    if l.contains("收入") && !l.contains("支出") {
        return SUMMARY_PARTS[0].to_string();
    }
    if l.contains("功能") {
        return SUMMARY_PARTS[1].to_string();
    }
    // No side heading that says: its items do (收入合计, 当年收入小计, 事业收入 …).
    let squeezed: Vec<String> = names.iter().map(|n| n.replace(char::is_whitespace, "")).collect();
    if !l.contains("支出")
        && squeezed.iter().any(|n| n.contains("收入"))
        && !squeezed
            .iter()
            .any(|n| n.contains("支出合计") || n.contains("支出总计"))
    {
        return SUMMARY_PARTS[0].to_string();
    }
    let by_use = names.iter().any(|n| {
        let n = without_number(n);
        n.starts_with("基本支出") || n.starts_with("项目支出")
    });
    if by_use {
        SUMMARY_PARTS[2].to_string()
    } else if l.contains("支出") || l.is_empty() {
        SUMMARY_PARTS[1].to_string()
    } else {
        l
    }
}

fn side_line(row: super::lines::RowRead, width: usize) -> BudgetLine {
    let mut amounts = row.amounts;
    amounts.resize(width, gongkai_model::tables::Cell(None));
    BudgetLine {
        code: row.code,
        name: row.name,
        amounts,
        part: None,
        source_line: Some(row.line).filter(|n| *n > 0),
    }
}

pub fn read(table: &mut BudgetTable, g: &Grid, l: &Layout, found: &mut Found) -> bool {
    let sides = sides(l);
    if sides.len() < 2 {
        return super::lines::read(table, g, l, found);
    }
    // The table's columns: the side with the most amount columns (the others fill from the
    // first: a 收入 side's one 预算数 is its 合计).
    let widest = sides
        .iter()
        .max_by_key(|s| s.amounts.len())
        .map(|s| s.amounts.clone())
        .unwrap_or_default();
    if table.columns.is_empty() {
        table.columns = column_names(l, &widest);
    }
    let two_sided = table.kind.is_two_sided();
    // Continued from the page before: its sides' parts, in order, and the last line of each.
    let mut earlier: Vec<Option<String>> = Vec::new();
    for line in &table.lines {
        if !earlier.contains(&line.part) {
            earlier.push(line.part.clone());
        }
    }
    let continued = earlier.len() == sides.len();
    let mut first_row = true;
    let mut per_side: Vec<Vec<BudgetLine>> = (0..sides.len()).map(|_| Vec::new()).collect();
    for r in l.body..g.rows {
        if g.row_is_blank(r) || repeats_header(g, r, l) {
            continue;
        }
        // The end of a name wrapped across the page break ("八、社会保障和就" / "业支出").
        if continued && std::mem::take(&mut first_row) {
            let mut joined = vec![false; sides.len()];
            for (k, s) in sides.iter().enumerate() {
                if let Ok(Some(row)) = read_row(g, r, &s.codes, &[s.name], &s.amounts) {
                    if super::lines::is_fragment(&row) {
                        if let Some(last) = table.lines.iter_mut().rev().find(|x| x.part == earlier[k]) {
                            last.name.push_str(&row.name);
                            joined[k] = true;
                        }
                    }
                }
            }
            if joined.iter().any(|j| *j) {
                // The row's other sides, if any, are read as usual below only when not joined.
                for (k, s) in sides.iter().enumerate().filter(|(k, _)| !joined[*k]) {
                    if let Ok(Some(row)) = read_row(g, r, &s.codes, &[s.name], &s.amounts) {
                        per_side[k].push(side_line(row, table.columns.len()));
                    }
                }
                continue;
            }
        }
        if let Some(note) = is_note_row(g, r) {
            table.notes.push(note);
            continue;
        }
        // A name printed across the next side's name column ("当年支出小计" over the 用途 side):
        // its figure is the one at the end of what it spans.
        let mut absorbed = vec![false; sides.len()];
        for k in 0..sides.len().saturating_sub(1) {
            if let Some(cell) = g.starting(r, sides[k].name) {
                if cell.col + cell.col_span > sides[k + 1].name && g.starting(r, sides[k + 1].name).is_none() {
                    absorbed[k + 1] = true;
                }
            }
        }
        for (k, s) in sides.iter().enumerate() {
            if absorbed[k] {
                continue;
            }
            let mut amounts = s.amounts.clone();
            if absorbed.get(k + 1) == Some(&true)
                && s.amounts
                    .iter()
                    .all(|&c| g.starting(r, c).is_none_or(|x| x.text.is_empty()))
            {
                amounts = sides[k + 1].amounts.clone();
            }
            match read_row(g, r, &s.codes, &[s.name], &amounts) {
                Ok(Some(row)) => per_side[k].push(side_line(row, table.columns.len())),
                Ok(None) => {}
                Err((line, text, why)) => found.skipped.push(SkippedLine {
                    line,
                    text,
                    reason: format!("{}：{why}，这一格未导入", table.title),
                }),
            }
        }
    }
    for (k, s) in sides.iter().enumerate() {
        let names: Vec<&str> = per_side[k].iter().map(|x| x.name.as_str()).collect();
        let part = if continued {
            earlier[k].clone()
        } else {
            two_sided.then(|| part_label(&s.label, &names))
        };
        for mut line in per_side[k].drain(..) {
            line.part = part.clone();
            table.lines.push(line);
        }
    }
    true
}
