//! Grids from a spreadsheet's cells (calamine), merged cells kept as spans. Each sheet row is a
//! line of the document; the rows of a table are those between its caption rows (title, 部门/单位
//! line) and its notes: a row whose only words are a table's title, a 单位/部门 line or a note
//! ends one table and is a caption or note line.

use super::{tidy, Grid, GridCell, Producer};
use crate::standard::title::{dept_and_unit, title_kind};

/// A merged region of a sheet (0-based, inclusive), relative to the sheet's first row and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Merge {
    pub top: usize,
    pub left: usize,
    pub bottom: usize,
    pub right: usize,
}

/// Whether a row is a caption or note line rather than a table row.
fn is_caption(row: &[String]) -> bool {
    let texts: Vec<&str> = row.iter().map(String::as_str).filter(|t| !t.is_empty()).collect();
    if texts.is_empty() || texts.len() > 3 {
        return false;
    }
    texts.iter().all(|t| {
        title_kind(t).is_some()
            || {
                let (d, u) = dept_and_unit(t);
                d.is_some() || u.is_some()
            }
            || t.starts_with('注')
            || t.starts_with("说明")
            || t.contains("部门预算公开") && texts.len() == 1
    }) || texts.len() == 1 && texts[0].chars().count() > 40
}

/// The grids of one sheet: `rows` its cells' texts (row-major, relative to the sheet's first
/// cell), `merges` its merged regions, `first_line` the document line (1-based) of its first row.
pub fn sheet_grids(rows: &[Vec<String>], merges: &[Merge], first_line: usize) -> Vec<Grid> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut runs = Vec::new();
    for (r, row) in rows.iter().enumerate() {
        let blank = row.iter().all(String::is_empty);
        if is_caption(row) || blank && start.is_some() && rows.get(r + 1).is_none_or(|n| n.iter().all(String::is_empty))
        {
            if let Some(s) = start.take() {
                runs.push((s, r));
            }
            continue;
        }
        if !blank && start.is_none() {
            start = Some(r);
        }
    }
    if let Some(s) = start {
        runs.push((s, rows.len()));
    }
    for (top, end) in runs {
        // Trailing blank rows are not the table's.
        let end = (top..end)
            .rev()
            .find(|&r| rows[r].iter().any(|t| !t.is_empty()))
            .map_or(top, |r| r + 1);
        if end - top < 2 {
            continue;
        }
        let cols = rows[top..end].iter().map(Vec::len).max().unwrap_or(0);
        if cols < 2 {
            continue;
        }
        let mut g = Grid::new(end - top, cols, Producer::Sheet);
        let mut covered = vec![vec![false; cols]; end - top];
        for r in top..end {
            for c in 0..cols {
                if covered[r - top][c] {
                    continue;
                }
                let text = rows[r].get(c).map(|t| tidy(t)).unwrap_or_default();
                let (mut row_span, mut col_span) = (1, 1);
                if let Some(m) = merges.iter().find(|m| m.top == r && m.left == c) {
                    row_span = (m.bottom.min(end - 1) + 1).saturating_sub(r).max(1);
                    col_span = (m.right.min(cols - 1) + 1).saturating_sub(c).max(1);
                }
                for rr in r..r + row_span {
                    for cc in c..c + col_span {
                        covered[rr - top][cc] = true;
                    }
                }
                if text.is_empty() && row_span == 1 && col_span == 1 {
                    continue;
                }
                g.cells.push(GridCell {
                    text,
                    row: r - top,
                    col: c,
                    row_span,
                    col_span,
                    line: first_line + r,
                });
            }
        }
        g.lines = (top..end).map(|r| first_line + r).collect();
        out.push(g);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(v: &[&[&str]]) -> Vec<Vec<String>> {
        v.iter().map(|r| r.iter().map(|s| s.to_string()).collect()).collect()
    }

    /// Random sheets with merged regions out of range, overlapping or inverted never panic, and
    /// every cell lies inside its grid.
    #[test]
    fn random_sheets_and_merges_never_panic() {
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        let words = [
            "",
            "",
            "合计",
            "201",
            "一般公共服务支出",
            "12.50",
            "单位：万元",
            "注：无",
            "支出预算总表",
            "1,234.00",
        ];
        for _ in 0..500 {
            let rows: Vec<Vec<String>> = (0..next() % 8)
                .map(|_| {
                    (0..next() % 6)
                        .map(|_| words[(next() % 10) as usize].to_string())
                        .collect()
                })
                .collect();
            let merges: Vec<Merge> = (0..next() % 4)
                .map(|_| Merge {
                    top: (next() % 9) as usize,
                    left: (next() % 7) as usize,
                    bottom: (next() % 9) as usize,
                    right: (next() % 7) as usize,
                })
                .collect();
            for g in sheet_grids(&rows, &merges, 1) {
                for c in &g.cells {
                    assert!(
                        c.row + c.row_span <= g.rows && c.col + c.col_span <= g.cols,
                        "{c:?} in {}×{}",
                        g.rows,
                        g.cols
                    );
                }
            }
        }
    }

    #[test]
    fn merged_header_cells_become_spans_and_captions_stay_lines() {
        let sheet = rows(&[
            &["一般公共预算支出预算表", "", "", ""],
            &["部门：某县教育局", "", "", "单位：万元"],
            &["科目编码", "科目名称", "一般公共预算支出", ""],
            &["", "", "基本支出", "项目支出"],
            &["205", "教育支出", "100.00", "200.00"],
            &["注：本表不含上年结转。", "", "", ""],
        ]);
        let merges = [
            Merge {
                top: 2,
                left: 2,
                bottom: 2,
                right: 3,
            },
            Merge {
                top: 2,
                left: 0,
                bottom: 3,
                right: 0,
            },
        ];
        let grids = sheet_grids(&sheet, &merges, 10);
        assert_eq!(grids.len(), 1);
        let g = &grids[0];
        assert_eq!((g.rows, g.cols), (3, 4));
        let head = g.starting(0, 2).unwrap();
        assert_eq!((head.text.as_str(), head.col_span), ("一般公共预算支出", 2));
        assert_eq!(g.starting(0, 0).unwrap().row_span, 2);
        assert_eq!(g.text(1, 0), "科目编码", "a merged cell covers the rows below it");
        assert_eq!(g.text(2, 2), "100.00");
        assert_eq!(g.lines, vec![12, 13, 14]);
    }
}
