//! Tables that are a list of lines: each body row one line with its code (whole or over 类/款/项
//! cells), its name and one figure per amount column — the coded tables of both classifications,
//! the 支出/收入预算总表 by 功能分类, the 决算 tables, the one-row 支出预算总表, the 政府采购 table —
//! and the 收入预算总表 grouped by source ([`grouped`]).

use super::header::{figure, is_total_text, join_code, Layout, Role};
use super::{column_names, Found};
use crate::grid::Grid;
use gongkai_model::tables::{is_total_name, item_level, without_number, BudgetLine, BudgetTable, Cell, TableKind};
use gongkai_model::SkippedLine;

/// Whether a row is a note printed inside the grid ("注：…", "说明：…").
pub(crate) fn is_note_row(g: &Grid, r: usize) -> Option<String> {
    match g.row_texts(r).as_slice() {
        [one] if one.starts_with('注') || one.starts_with("说明") || one.starts_with("备注") => {
            Some(one.to_string())
        }
        _ => None,
    }
}

/// Whether row `r` repeats the header's words (a header printed again on the next page).
pub(crate) fn repeats_header(g: &Grid, r: usize, l: &Layout) -> bool {
    let words: Vec<&str> = l
        .columns
        .iter()
        .flat_map(|c| c.path.iter().map(String::as_str))
        .collect();
    let texts = g.row_texts(r);
    !texts.is_empty()
        && texts.iter().all(|t| {
            words.contains(t)
                || matches!(*t, "类" | "款" | "项" | "项目" | "栏次")
                || figure(t).is_none() && t.contains("科目")
        })
}

/// One body row read by roles: its code, its name, its figures (per amount column), or why not.
pub(crate) struct RowRead {
    pub code: Option<String>,
    pub name: String,
    pub amounts: Vec<Cell>,
    pub line: usize,
}

/// Reads row `r` over the given columns: `code_cols`, `name_cols` (their texts joined) and
/// `amount_cols`. `Err` with the reason when a figure cell holds text or the code is no code.
pub(crate) fn read_row(
    g: &Grid,
    r: usize,
    code_cols: &[usize],
    name_cols: &[usize],
    amount_cols: &[usize],
) -> Result<Option<RowRead>, (usize, String, String)> {
    let own = |c: usize| g.starting(r, c).map_or("", |x| x.text.as_str());
    // The line the row's own cells start on (a side of a 总表 cites its own item).
    let line = code_cols
        .iter()
        .chain(name_cols)
        .chain(amount_cols)
        .filter_map(|&c| g.at(r, c).filter(|x| x.row == r && x.line > 0).map(|x| x.line))
        .min()
        .unwrap_or_else(|| g.row_line(r));
    let pieces: Vec<&str> = code_cols.iter().map(|&c| own(c)).collect();
    let mut code = None;
    let mut name_parts: Vec<String> = Vec::new();
    // Each cell's text once, whichever columns it spans (a 合计 across the code and name cells).
    let mut seen: Vec<usize> = Vec::new();
    if pieces.iter().any(|p| !p.is_empty()) {
        match join_code(&pieces) {
            Some(c) => code = Some(c),
            // A 合计 (or an item) printed across the code cells.
            None if pieces.iter().all(|p| !p.chars().any(|ch| ch.is_ascii_digit())) => {
                for &c in code_cols {
                    if let Some(x) = g.at(r, c).filter(|x| x.row == r && !x.text.is_empty()) {
                        if !seen.contains(&x.col) {
                            seen.push(x.col);
                            name_parts.push(x.text.clone());
                        }
                    }
                }
            }
            None => return Err((line, pieces.join(" "), "科目编码无法识别".to_string())),
        }
    }
    for &c in name_cols {
        if let Some(x) = g.at(r, c).filter(|x| x.row == r && !x.text.is_empty()) {
            if !seen.contains(&x.col) {
                seen.push(x.col);
                name_parts.push(x.text.clone());
            }
        }
    }
    let name: String = name_parts.concat();
    let mut amounts = Vec::with_capacity(amount_cols.len());
    for &c in amount_cols {
        // A figure in a cell that starts left of its column (a rule drawn in some rows only
        // splits the amount column): its own as long as it covers no other amount column and
        // does not start in a code or name column.
        let spanned = g.at(r, c).filter(|x| {
            x.row == r
                && x.col != c
                && !code_cols.contains(&x.col)
                && !name_cols.contains(&x.col)
                && amount_cols
                    .iter()
                    .filter(|&&a| (x.col..x.col + x.col_span).contains(&a))
                    .count()
                    == 1
        });
        let t = match spanned {
            Some(x) => x.text.as_str(),
            None => own(c),
        };
        match figure(t) {
            Some(v) => amounts.push(Cell(v)),
            None => {
                return Err((
                    line,
                    format!("{} {name}", code.clone().unwrap_or_default())
                        .trim()
                        .to_string(),
                    format!("金额列中是文字“{t}”，与表头不符"),
                ))
            }
        }
    }
    // A table of figures only (the 支出预算总表's one row under its headings) has lines without
    // names; elsewhere figures without a name are not placed.
    let nameless = code_cols.is_empty() && name_cols.is_empty();
    if code.is_none() && name.is_empty() && !nameless {
        if amounts.iter().any(|a| a.0.is_some()) {
            return Err((
                line,
                amounts
                    .iter()
                    .filter_map(|a| a.0.map(|d| d.to_string()))
                    .collect::<Vec<_>>()
                    .join(" "),
                "这一行的金额没有科目名称".to_string(),
            ));
        }
        return Ok(None);
    }
    if nameless && amounts.iter().all(|a| a.0.is_none()) {
        return Ok(None);
    }
    Ok(Some(RowRead {
        code,
        name,
        amounts,
        line,
    }))
}

/// Whether a row read at the top of a continued table is the end of a name wrapped across the
/// page break: words only (no code, no figure) that do not start an item of their own.
pub(crate) fn is_fragment(row: &RowRead) -> bool {
    row.code.is_none()
        && row.amounts.iter().all(|a| a.0.is_none())
        && !row.name.is_empty()
        && row.name.chars().count() <= 12
        && !crate::grid::text::starts_summary_item(&row.name)
        && !row.name.starts_with("其中")
}

fn role_columns(l: &Layout, role: fn(&Role) -> bool) -> Vec<usize> {
    (0..l.columns.len()).filter(|&i| role(&l.columns[i].role)).collect()
}

/// A list table: every body row a line.
pub fn read(table: &mut BudgetTable, g: &Grid, l: &Layout, found: &mut Found) -> bool {
    let code_cols = role_columns(l, |r| *r == Role::Code);
    let name_cols = role_columns(l, |r| *r == Role::Name);
    let amount_cols = role_columns(l, |r| matches!(r, Role::Amount(_)));
    if amount_cols.is_empty() {
        return false;
    }
    if table.columns.is_empty() {
        table.columns = column_names(l, &amount_cols);
    }
    if table.columns.len() != amount_cols.len() {
        found.skipped.push(SkippedLine {
            line: g.row_line(l.body),
            text: table.title.clone(),
            reason: format!(
                "{}：续表的金额列（{} 列）与表头（{} 列）不符，未导入",
                table.title,
                amount_cols.len(),
                table.columns.len()
            ),
        });
        return false;
    }
    let class = table.kind.classification();
    let continued = !table.lines.is_empty();
    let mut first_row = true;
    for r in l.body..g.rows {
        if g.row_is_blank(r) || repeats_header(g, r, l) {
            continue;
        }
        // The end of a name wrapped across the page break.
        if continued && std::mem::take(&mut first_row) {
            if let Ok(Some(row)) = read_row(g, r, &code_cols, &name_cols, &amount_cols) {
                if is_fragment(&row) {
                    if let Some(last) = table.lines.last_mut() {
                        last.name.push_str(&row.name);
                        continue;
                    }
                }
            }
        }
        if let Some(note) = is_note_row(g, r) {
            table.notes.push(note);
            continue;
        }
        match read_row(g, r, &code_cols, &name_cols, &amount_cols) {
            Ok(Some(row)) => {
                if row.code.is_none() && row.name == "无" && row.amounts.iter().all(|a| a.0.is_none()) {
                    continue;
                }
                // A code of the other classification (or none of a coded table's lengths).
                if let (Some(c), Some(code)) = (class, row.code.as_deref()) {
                    if !c.is_code(code) {
                        found.skipped.push(SkippedLine {
                            line: row.line,
                            text: format!("{code} {}", row.name),
                            reason: format!("{}：科目编码 {code} 不是这张表的分类科目，未导入", table.title),
                        });
                        continue;
                    }
                }
                if table.kind == TableKind::Procurement && !procurement_line(&row.name) {
                    continue;
                }
                let total = row.code.is_none() && (is_total_name(&row.name) || is_total_text(&row.name));
                table.lines.push(BudgetLine {
                    code: row.code,
                    name: if total && table.kind.classification().is_some() {
                        row.name.replace(char::is_whitespace, "")
                    } else {
                        row.name
                    },
                    amounts: row.amounts,
                    part: None,
                    source_line: Some(row.line).filter(|n| *n > 0),
                });
            }
            Ok(None) => {}
            Err((line, text, why)) => found.skipped.push(SkippedLine {
                line,
                text,
                reason: format!("{}：{why}，这一行未导入", table.title),
            }),
        }
    }
    if table.kind == TableKind::Procurement {
        // The 总计 column only: the lines by what is bought, and the total.
        let last = table.columns.len() - 1;
        for line in &mut table.lines {
            line.amounts = vec![line.amounts[last]];
        }
        table.columns = vec![table.columns[last].clone()];
    }
    true
}

/// The 政府采购 table's lines that are read: its 合计 and its 货物 / 工程 / 服务 lines.
fn procurement_line(name: &str) -> bool {
    let name: String = name.chars().filter(|c| !c.is_whitespace()).collect();
    is_total_name(&name)
        || ["货物", "工程", "服务"]
            .iter()
            .any(|k| item_level(&name) == Some(0) && without_number(&name).starts_with(k))
}

/// The 收入预算总表 grouped by source: 收入总计, then one group per source of funds, the source's
/// name in a first column (often one cell spanning the group), its 小计 and items in a second.
/// A line's `part` is its source. Kept only if every 小计 is the sum of its items (其中 lines
/// aside) and 收入总计 the sum of the 小计; otherwise reported.
pub fn grouped(table: &mut BudgetTable, g: &Grid, l: &Layout, found: &mut Found) -> bool {
    // The source and item columns: the first and the last name column with words in the body
    // (columns between them are rules drawn in some rows).
    let worded: Vec<usize> = role_columns(l, |r| *r == Role::Name)
        .into_iter()
        .filter(|&c| (l.body..g.rows).any(|r| g.starting(r, c).is_some_and(|x| !x.text.is_empty())))
        .collect();
    let amount_cols = role_columns(l, |r| matches!(r, Role::Amount(_)));
    let (Some(&source_col), Some(&item_col), Some(&amount_col)) = (worded.first(), worded.last(), amount_cols.first())
    else {
        return false;
    };
    if source_col == item_col {
        return false;
    }
    let mut total: Option<BudgetLine> = None;
    let mut groups: Vec<(Option<String>, Vec<BudgetLine>)> = Vec::new();
    let mut rows_used = Vec::new();
    for r in l.body..g.rows {
        if g.row_is_blank(r) {
            continue;
        }
        let source = g.text(r, source_col);
        let item = g.text(r, item_col).to_string();
        // A figure cell spanning down to its item's row (the item printed in the lower row of a
        // merged pair) is that item's, as long as no item stands in the rows above it.
        let amount_text = match g.at(r, amount_col) {
            Some(x) if x.row == r => x.text.as_str(),
            Some(x) if (x.row..r).all(|k| g.starting(k, item_col).is_none_or(|c| c.text.is_empty())) => x.text.as_str(),
            _ => "",
        };
        let value = figure(amount_text);
        let Some(value) = value else { break };
        let line = g.row_line(r);
        let item_name: String = item.chars().filter(|c| !c.is_whitespace()).collect();
        let source_name: String = source.chars().filter(|c| !c.is_whitespace()).collect();
        if total.is_none() && (item_name == "收入总计" || source_name == "收入总计") {
            total = Some(BudgetLine {
                code: None,
                name: "收入总计".into(),
                amounts: vec![Cell(value)],
                part: None,
                source_line: Some(line),
            });
            rows_used.push(r);
            continue;
        }
        if item_name == "小计" {
            groups.push((None, Vec::new()));
        }
        if item_name.is_empty() {
            // A row holding only a figure spanning down to its item, or a source's name.
            rows_used.push(r);
            continue;
        }
        let Some(group) = groups.last_mut() else { break };
        if !source_name.is_empty() && g.at(r, source_col).is_some_and(|c| c.col == source_col) {
            group.0 = Some(source_name);
        }
        if !item_name.is_empty() {
            group.1.push(BudgetLine {
                code: None,
                name: item_name,
                amounts: vec![Cell(value)],
                part: None,
                source_line: Some(line),
            });
        }
        rows_used.push(r);
    }
    let subtotal = |g: &[BudgetLine]| g.first().and_then(|l| l.amount(0));
    let items_sum = |g: &[BudgetLine]| {
        g[1..]
            .iter()
            .filter(|l| !l.name.starts_with("其中"))
            .filter_map(|l| l.amount(0))
            .sum::<rust_decimal::Decimal>()
    };
    let total_value = total.as_ref().and_then(|t| t.amount(0));
    let ok = total.is_some()
        && !groups.is_empty()
        && groups
            .iter()
            .all(|(s, g)| s.is_some() && subtotal(g).is_none_or(|v| v == items_sum(g)))
        && total_value.is_none_or(|t| {
            t == groups
                .iter()
                .filter_map(|(_, g)| subtotal(g))
                .sum::<rust_decimal::Decimal>()
        });
    if !ok {
        found.skipped.push(SkippedLine {
            line: g.row_line(l.body),
            text: table.title.clone(),
            reason: format!(
                "{}：各资金来源与其小计无法确定对应（对应后各项之和不符），未导入",
                table.title
            ),
        });
        return false;
    }
    table.columns = vec!["金额".to_string()];
    table.lines.extend(total);
    for (source, lines) in groups {
        table.lines.extend(lines.into_iter().map(|mut x| {
            x.part = source.clone();
            x
        }));
    }
    true
}
