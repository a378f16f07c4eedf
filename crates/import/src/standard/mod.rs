//! The standard tables of the national template (see `gongkai_model::tables`), read from the
//! grids of a document (`crate::grid`), whatever produced them:
//!
//! - a table is known by its **title** (the lines just above its grid: 表八 / 公开07表 / 2026年部门…
//!   prefixes allowed; 决算 titles too) and its unit line (`单位：元` or `万元`); a grid without a
//!   title right after a table is that table continued on the next page;
//! - each column gets its **role from its header** ([`header`]): code (whole, or 类/款/项 cells,
//!   joined), name, row number, or an amount column named by its header;
//! - one reader per shape: coded and plain lists ([`lines`]), the two-sided 总表 ([`sides`]), the
//!   “三公” table ([`three_public`]), the 收入预算总表 grouped by source ([`lines::grouped`]);
//! - [`fill`] decides, in one place, which v1 sections the tables fill.
//!
//! It never guesses: a table without its unit, a row whose cells do not fit its header (text in
//! an amount column, figures without a name) is reported in the import report with its line,
//! never read shifted.

pub mod fill;
pub mod header;
pub mod lines;
pub mod performance;
pub mod sides;
pub mod three_public;
pub mod title;

use crate::grid::{Blocks, Grid, Producer};
use crate::lines::SrcLine;
use gongkai_model::tables::{BudgetTable, TableKind};
use gongkai_model::SkippedLine;
use header::{layout, Layout, Role};
use std::collections::BTreeSet;
pub use title::table_titles;

/// What the readers found in a document.
#[derive(Debug, Default)]
pub struct Found {
    pub tables: Vec<BudgetTable>,
    /// Source lines (1-based) that belong to the tables read (titles, headers, rows, notes).
    pub consumed: BTreeSet<usize>,
    /// The department the tables name (`部门：江苏省政协办公厅`), the first one printed.
    pub department: Option<String>,
    /// Lines inside a table that could not be read.
    pub skipped: Vec<SkippedLine>,
    /// Grids drawn with rules that could not be read for certain (a page's part of a table that
    /// does not fit the part before it): the caller lays their lines out as text instead.
    pub uncertain: BTreeSet<usize>,
    /// For each table read, the grids it was read from.
    grids_of: Vec<Vec<usize>>,
}

/// What a table's caption says.
struct Caption {
    kind: TableKind,
    title: String,
    unit: Option<String>,
    /// Lines of the caption (title, 部门/单位 line).
    lines: Vec<usize>,
}

/// The caption of grid `g`: the lines its producer gave it, or else the non-blank lines above
/// its first line `first`, after `after` (the previous grid), up to twelve.
fn caption(lines: &[SrcLine], g: &Grid, after: usize, first: usize, found: &mut Found) -> Option<Caption> {
    let given: Vec<SrcLine> = g
        .caption
        .iter()
        .map(|(no, text)| SrcLine {
            no: *no,
            text: text.clone(),
        })
        .collect();
    let above: Vec<&SrcLine> = if given.is_empty() {
        lines
            .iter()
            .filter(|l| l.no > after && l.no < first && !l.text.trim().is_empty())
            .collect()
    } else {
        given.iter().collect()
    };
    let above = &above[above.len().saturating_sub(12)..];
    let mut unit = None;
    let mut used = Vec::new();
    let mut department = None;
    // From the grid upwards: 部门/单位 line(s), then the title.
    for (i, l) in above.iter().enumerate().rev() {
        let t = l.text.trim();
        if let Some((kind, title)) = title::title_kind(t).or_else(|| {
            // A title wrapped before its last character or two.
            let next = above.get(i + 1)?;
            let tail = next.text.trim();
            (tail.chars().count() <= 2)
                .then(|| title::title_kind(&format!("{t}{tail}")))
                .flatten()
        }) {
            used.push(l.no);
            if found.department.is_none() {
                found.department = department;
            }
            return Some(Caption {
                kind,
                title,
                unit,
                lines: used,
            });
        }
        let (d, mut u) = title::dept_and_unit(t);
        // A unit printed across two lines ("单位：万" over "元", its glyphs split by a rule).
        if u.is_none() && (t.ends_with("单位：万") || t.ends_with("单位:万")) {
            let below = above.get(i + 1).map(|n| n.text.trim()).unwrap_or("");
            if crate::grid::text::chunks(below).last().is_some_and(|c| c.text == "元") {
                u = Some("万元".to_string());
            }
        }
        if u.is_some() || d.is_some() {
            unit = unit.or(u);
            department = department.or(d);
            used.push(l.no);
        } else if title::is_furniture(t) {
            used.push(l.no);
        }
    }
    None
}

/// Reads every standard table it can from the document's grids.
pub fn read(blocks: &Blocks) -> Found {
    let mut found = Found::default();
    let mut after = 0;
    let mut previous: Option<(usize, Layout)> = None; // index into found.tables, its layout
                                                      // The performance tables are forms, read by their own reader (`performance`).
    let performance = performance::claimed(blocks);
    for (gi, g) in blocks.grids.iter().enumerate() {
        if performance.contains(&gi) {
            after = g.lines.iter().copied().max().unwrap_or(after).max(after);
            previous = None;
            continue;
        }
        // The first line a cell starts on (a rule's glyph-free band may reach a line above).
        let first = g
            .cells
            .iter()
            .filter(|c| c.line > 0)
            .map(|c| c.line)
            .min()
            .or_else(|| g.lines.iter().copied().min())
            .unwrap_or(0);
        let last = g.lines.iter().copied().max().unwrap_or(first);
        let cap = caption(&blocks.lines, g, after, first, &mut found);
        after = last.max(after);
        match cap {
            Some(cap) => {
                let Some(unit) = cap.unit.clone() else {
                    if has_figures(g) {
                        found.skipped.push(SkippedLine {
                            line: first,
                            text: cap.title.clone(),
                            reason: format!("{}：表上方没有找到计量单位（单位：元 或 万元），未导入", cap.title),
                        });
                    }
                    previous = None;
                    continue;
                };
                let Some(l) = layout(g) else {
                    // A table printed empty (its header and perhaps a note): kept as printed.
                    let mut notes: Vec<String> = g
                        .cells
                        .iter()
                        .filter(|c| is_empty_note(&c.text))
                        .map(|c| c.text.clone())
                        .collect();
                    notes.extend(notes_after(&blocks.lines, last, &mut found));
                    let columns = empty_columns(g);
                    if !notes.is_empty() || !columns.is_empty() {
                        found
                            .consumed
                            .extend(g.lines.iter().copied().chain(cap.lines.iter().copied()));
                        found.tables.push(BudgetTable {
                            kind: cap.kind,
                            title: cap.title,
                            unit,
                            columns,
                            lines: Vec::new(),
                            notes,
                            source_line: Some(cap.lines.iter().copied().min().unwrap_or(first)),
                        });
                        found.grids_of.push(vec![gi]);
                    }
                    previous = None;
                    continue;
                };
                let mut table = BudgetTable {
                    kind: cap.kind,
                    title: cap.title.clone(),
                    unit,
                    columns: Vec::new(),
                    lines: Vec::new(),
                    notes: Vec::new(),
                    source_line: Some(cap.lines.iter().copied().min().unwrap_or(first)),
                };
                let before = found.skipped.len();
                let read = read_into(&mut table, g, &l, &mut found);
                if g.producer == Producer::PdfRules && (!read || found.skipped.len() > before) {
                    found.uncertain.insert(gi);
                }
                if read {
                    table.notes.extend(notes_after(&blocks.lines, last, &mut found));
                    found
                        .consumed
                        .extend(g.lines.iter().copied().chain(cap.lines.iter().copied()));
                    // A table continued on the next page under its title again: one table.
                    match found.tables.last_mut() {
                        Some(prev)
                            if prev.kind == table.kind
                                && prev.title == table.title
                                && prev.columns == table.columns
                                && table.classification().is_some() =>
                        {
                            prev.lines.extend(table.lines);
                            prev.notes.extend(table.notes);
                            if let Some(grids) = found.grids_of.last_mut() {
                                grids.push(gi);
                            }
                        }
                        _ => {
                            found.tables.push(table);
                            found.grids_of.push(vec![gi]);
                        }
                    }
                    previous = Some((found.tables.len() - 1, l));
                } else {
                    previous = None;
                }
            }
            None => {
                // No title: the table above continued on the next page, if it fits: the same
                // columns without a header, or its header printed again.
                let Some((ti, prev)) = previous.as_ref() else {
                    if g.producer == Producer::PdfRules && has_figures(g) {
                        found.uncertain.insert(gi);
                    }
                    continue;
                };
                let ti = *ti;
                // One table is read from one producer's grids: a ruled part inside a table laid
                // out from text (a page that rules only some of its rows) goes back to the text.
                let prev_producer = found.grids_of[ti].last().map(|&i| blocks.grids[i].producer);
                if prev_producer.is_some_and(|p| p != g.producer) {
                    if g.producer == Producer::PdfRules {
                        found.uncertain.insert(gi);
                    }
                    previous = None;
                    continue;
                }
                let l = if g.cols == prev.columns.len() && !lines::repeats_header(g, 0, prev) {
                    Layout {
                        body: 0,
                        columns: prev.columns.clone(),
                    }
                } else {
                    match layout(g) {
                        Some(l) if amount_count(&l) == amount_count(prev) => l,
                        _ => {
                            // Not the table above, not a table of its own: that table and this
                            // part are read from their text instead.
                            if g.producer == Producer::PdfRules && has_figures(g) {
                                found.uncertain.insert(gi);
                                found.uncertain.extend(found.grids_of[ti].iter().copied());
                            }
                            previous = None;
                            continue;
                        }
                    }
                };
                // Read on into the table itself (a name wrapped across the page break joins its
                // line), and keep it only if the continuation reads.
                let mut table = found.tables[ti].clone();
                let before = found.skipped.len();
                if read_into(&mut table, g, &l, &mut found) {
                    if g.producer == Producer::PdfRules && found.skipped.len() > before {
                        found.uncertain.insert(gi);
                        found.uncertain.extend(found.grids_of[ti].iter().copied());
                    }
                    table.notes.extend(notes_after(&blocks.lines, last, &mut found));
                    found.tables[ti] = table;
                    found.grids_of[ti].push(gi);
                    found.consumed.extend(g.lines.iter().copied());
                } else {
                    if g.producer == Producer::PdfRules {
                        found.uncertain.insert(gi);
                        found.uncertain.extend(found.grids_of[ti].iter().copied());
                    }
                    previous = None;
                }
            }
        }
    }
    found
}

/// A note printed inside a table that has no lines ("此表为空", "无", "注：…"): a note, not a
/// column.
fn is_empty_note(t: &str) -> bool {
    t.contains("为空") || t == "无" || t.starts_with('注') || t.starts_with("说明")
}

/// The amount columns of a table printed without lines: its header's words other than those
/// over the code and name columns.
fn empty_columns(g: &Grid) -> Vec<String> {
    let mut out = Vec::new();
    for c in 0..g.cols {
        let p = header::path(g, g.rows, c);
        let Some(leaf) = p.last() else { continue };
        if is_empty_note(leaf)
            || header::is_label(leaf)
            || p.iter().any(|x| header::is_label(x)) && p.len() == 1
            || out.contains(leaf)
        {
            continue;
        }
        out.push(leaf.clone());
    }
    out
}

fn amount_count(l: &Layout) -> usize {
    l.columns.iter().filter(|c| matches!(c.role, Role::Amount(_))).count()
}

fn has_figures(g: &Grid) -> bool {
    g.cells
        .iter()
        .any(|c| c.text.contains('.') && matches!(header::figure(&c.text), Some(Some(_))))
}

/// Notes printed right under a table ("注：…"), consumed.
fn notes_after(lines: &[SrcLine], last: usize, found: &mut Found) -> Vec<String> {
    let mut notes = Vec::new();
    for l in lines.iter().filter(|l| l.no > last) {
        let t = l.text.trim();
        if t.is_empty() {
            continue;
        }
        if t.starts_with('注') || t.starts_with("备注") {
            notes.push(t.to_string());
            found.consumed.insert(l.no);
            continue;
        }
        break;
    }
    notes
}

/// Reads the grid's body into `table` (columns set from the layout when the table has none yet),
/// by the shape its kind and header give. False when nothing could be read.
fn read_into(table: &mut BudgetTable, g: &Grid, l: &Layout, found: &mut Found) -> bool {
    let names = l.columns.iter().filter(|c| c.role == Role::Name).count();
    let codes = l.columns.iter().any(|c| c.role == Role::Code);
    match table.kind {
        TableKind::ThreePublic | TableKind::FinalThreePublic => three_public::read(table, g, l, found),
        k if k.is_two_sided() && names >= 2 => sides::read(table, g, l, found),
        TableKind::FinalGeneralPublicBasic if names >= 2 => sides::read(table, g, l, found),
        TableKind::RevenueSummary if names >= 2 && !codes => lines::grouped(table, g, l, found),
        _ => lines::read(table, g, l, found),
    }
}

/// The amount columns' names: each header's lowest level, or its whole path where two share
/// one; "金额" for a column without a header.
pub(crate) fn column_names(l: &Layout, columns: &[usize]) -> Vec<String> {
    let leaf = |i: usize| l.columns[i].leaf().to_string();
    columns
        .iter()
        .map(|&i| {
            let name = leaf(i);
            let shared = columns.iter().filter(|&&j| leaf(j) == name).count() > 1;
            if name.is_empty() {
                "金额".to_string()
            } else if shared {
                l.columns[i].path.join("/")
            } else {
                name
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grid::GridCell;

    fn lines(texts: &[&str]) -> Vec<SrcLine> {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| SrcLine {
                no: i + 1,
                text: t.to_string(),
            })
            .collect()
    }

    fn ruled(rows: usize, cols: usize, cells: Vec<GridCell>) -> Grid {
        let mut g = Grid::new(rows, cols, Producer::PdfRules);
        g.lines = cells.iter().map(|c| c.line).collect();
        g.lines.sort_unstable();
        g.lines.dedup();
        g.cells = cells;
        g
    }

    /// Found on a held-out Jiangsu PDF: the unit "单位：万" | "元" split by a rule over two lines,
    /// and rules drawn in some rows only (columns without any text) that made three 金额 columns.
    #[test]
    fn a_unit_split_over_two_lines_and_columns_of_rules_only() {
        let g = ruled(
            4,
            5,
            vec![
                GridCell::at("科目代码", 0, 0, 1, 2, 4),
                GridCell::at("", 0, 2, 1, 1, 0),
                GridCell::at("科目名称", 0, 3, 1, 1, 4),
                GridCell::at("金额", 0, 4, 1, 1, 4),
                GridCell::at("合计", 1, 0, 1, 4, 5),
                GridCell::at("24,169.74", 1, 4, 1, 1, 5),
                GridCell::at("204", 2, 0, 1, 3, 6),
                GridCell::at("公共安全支出", 2, 3, 1, 1, 6),
                GridCell::at("24,169.74", 2, 4, 1, 1, 6),
                GridCell::at("20404", 3, 0, 1, 3, 7),
                GridCell::at("检察", 3, 3, 1, 1, 7),
                GridCell::at("24,169.74", 3, 4, 1, 1, 7),
            ],
        );
        let blocks = Blocks {
            lines: lines(&[
                "一般公共预算支出预算表",
                "                单位：万",
                "部门：某院               元",
                "h",
                "t",
                "a",
                "b",
            ]),
            grids: vec![g],
        };
        let found = read(&blocks);
        assert_eq!(found.tables.len(), 1, "{:?}", found.skipped);
        let t = &found.tables[0];
        assert_eq!(t.unit, "万元");
        assert_eq!(t.columns, ["金额"], "one figure column, not three");
        assert_eq!(t.total().unwrap().to_string(), "24169.74");
        assert_eq!(t.lines[2].code.as_deref(), Some("20404"));
    }

    /// The 收入预算总表 by source whose figure cell spans down to its item's row (found on a
    /// held-out Jiangsu PDF): the figure is that item's; no item is given another's figure.
    #[test]
    fn a_figure_spanning_down_to_its_item() {
        let g = ruled(
            5,
            3,
            vec![
                GridCell::at("项目名称", 0, 0, 1, 2, 3),
                GridCell::at("金额", 0, 2, 1, 1, 3),
                GridCell::at("收入总计", 1, 0, 1, 2, 4),
                GridCell::at("100.00", 1, 2, 1, 1, 4),
                GridCell::at("一般公共预算资金", 2, 0, 3, 1, 5),
                GridCell::at("100.00", 2, 2, 2, 1, 5),
                GridCell::at("小计", 3, 1, 1, 1, 6),
                GridCell::at("公共财政拨款资金", 4, 1, 1, 1, 7),
                GridCell::at("100.00", 4, 2, 1, 1, 7),
            ],
        );
        let blocks = Blocks {
            lines: lines(&["收入预算总表", "部门：某院      单位：万元", "h", "t", "a", "b", "c"]),
            grids: vec![g],
        };
        let found = read(&blocks);
        let t = &found.tables[0];
        let got: Vec<(Option<&str>, &str, Option<String>)> = t
            .lines
            .iter()
            .map(|l| (l.part.as_deref(), l.name.as_str(), l.amount(0).map(|d| d.to_string())))
            .collect();
        assert_eq!(
            got,
            vec![
                (None, "收入总计", Some("100.00".into())),
                (Some("一般公共预算资金"), "小计", Some("100.00".into())),
                (Some("一般公共预算资金"), "公共财政拨款资金", Some("100.00".into())),
            ]
        );
    }
}
