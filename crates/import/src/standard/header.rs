//! A grid's header and the role of each of its columns, read from the header's words and the
//! body's cells — never from where a column is.

use crate::grid::Grid;
use crate::text::parse_cell_number;
use rust_decimal::Decimal;

/// What a column holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Role {
    /// Part of a 政府收支分类科目 code: the whole code, or its 类 / 款 / 项 digits.
    Code,
    /// The line's name (科目名称, 项目).
    Name,
    /// A row number (行次, 栏次): not a figure.
    RowNumber,
    /// Figures, under this header (its levels joined by "/", top first).
    Amount(String),
}

/// A column of a table: its role and its header's levels (top first, empty levels left out).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    pub role: Role,
    pub path: Vec<String>,
}

impl Column {
    /// The lowest level of its header ("" when it has none).
    pub fn leaf(&self) -> &str {
        self.path.last().map_or("", String::as_str)
    }
}

/// A grid read as header rows over body rows, each column with its role.
#[derive(Debug, Clone)]
pub struct Layout {
    /// Rows `0..body` are the header.
    pub body: usize,
    pub columns: Vec<Column>,
}

/// Whether a cell holds a figure: "6,463.55", "0", "-" in an amount column, "95.2%".
pub fn figure(text: &str) -> Option<Option<Decimal>> {
    let t = text.trim();
    if t.is_empty() {
        return Some(None);
    }
    if !t.chars().any(|c| c.is_ascii_digit()) && !matches!(t, "—" | "-" | "--" | "——" | "－" | "/" | "…") {
        return None;
    }
    parse_cell_number(t).ok()
}

/// A code cell: digits only, as printed in one column (3, 5 or 7 digits) or one level of a split
/// code (1 to 3 digits).
pub fn is_code_piece(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty() && t.len() <= 7 && t.bytes().all(|b| b.is_ascii_digit())
}

/// Whether a text names a total line: 合计, 总计, 收入总计, 支出合计, 本年收入合计 …
pub fn is_total_text(text: &str) -> bool {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    t.ends_with("合计") || t.ends_with("总计") || t == "小计"
}

/// Words of a header cell over the code columns.
fn code_words(t: &str) -> bool {
    t.contains("编码") || t.contains("代码") || matches!(t, "类" | "款" | "项" | "科目编码")
}

/// Words of a header cell over the name column.
fn name_words(t: &str) -> bool {
    t.contains("名称")
        || matches!(
            t,
            "项目" | "科目" | "收入项目" | "支出项目" | "项目名称" | "预算科目" | "单位名称" | "收入" | "支出"
        )
        || t.contains("来源")
}

/// Whether a header word is over a code or name column (科目编码, 科目名称, 项目, 类 …).
pub fn is_label(t: &str) -> bool {
    code_words(t) || name_words(t) || t.contains("科目")
}

/// Whether a row is the 栏次 row of a 决算 table ("栏次 | 1 | 2 | 3"): part of the header.
fn is_column_number_row(g: &Grid, r: usize) -> bool {
    (0..g.cols).any(|c| {
        let t = g.text(r, c);
        t == "栏次" || t == "行次" && g.starting(r, c).is_some()
    }) && (0..g.cols).all(|c| {
        let t = g.text(r, c);
        t.is_empty()
            || t == "栏次"
            || t == "行次"
            || t.bytes().all(|b| b.is_ascii_digit())
            || g.at(r, c).is_some_and(|x| x.row < r)
    })
}

/// Where the body starts: the first row (not a 栏次 row) with a figure that has decimals or
/// separators, a code of 3 or more digits, or the 无 of an empty table. (A 合计 alone is a heading:
/// 合计 | 基本支出 | 项目支出.)
pub fn body_start(g: &Grid) -> Option<usize> {
    (0..g.rows).find(|&r| {
        if is_column_number_row(g, r) {
            return false;
        }
        let texts = g.row_texts(r);
        // A row of figures only (whole numbers too), unless they are years (2019 | 2020).
        let all_figures = !texts.is_empty()
            && texts.iter().all(|t| matches!(figure(t), Some(Some(_))))
            && !texts
                .iter()
                .all(|t| t.len() == 4 && t.parse::<u32>().is_ok_and(|y| (1990..=2100).contains(&y)));
        all_figures
            || texts.iter().any(|t| {
                (t.contains('.') || t.contains(',')) && matches!(figure(t), Some(Some(_)))
                    || (is_code_piece(t) && t.len() >= 3)
                    || *t == "无"
            })
    })
}

/// The header levels over column `c` (rows `0..body`), top first, each spanning cell once.
pub fn path(g: &Grid, body: usize, c: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut last: Option<(usize, usize)> = None;
    for r in 0..body {
        if is_column_number_row(g, r) {
            continue;
        }
        if let Some(cell) = g.at(r, c) {
            if last == Some((cell.row, cell.col)) || cell.text.is_empty() {
                continue;
            }
            last = Some((cell.row, cell.col));
            out.push(cell.text.clone());
        }
    }
    out
}

/// The columns' roles: a column whose body holds codes is a code column, one whose header says
/// 行次 a row number, one whose body cells are all figures (or blank) an amount column, the
/// others name columns.
pub fn layout(g: &Grid) -> Option<Layout> {
    let body = body_start(g)?;
    let mut columns = Vec::with_capacity(g.cols);
    for c in 0..g.cols {
        let path = path(g, body, c);
        let joined = path.join("/");
        let cells: Vec<&str> = (body..g.rows)
            .filter_map(|r| g.starting(r, c).map(|x| x.text.as_str()))
            .filter(|t| !t.is_empty())
            .collect();
        let digits = |t: &str| t.chars().any(|ch| ch.is_ascii_digit());
        // Under a code heading: digit pieces (and a 合计 spanning the code cells).
        let head_code = path.last().is_some_and(|p| code_words(p));
        let coded_by_head = head_code && cells.iter().filter(|t| digits(t)).all(|t| is_code_piece(t));
        // No heading: whole codes of 3, 5 or 7 digits.
        let coded_by_body = path.is_empty()
            && cells.iter().any(|t| is_code_piece(t))
            && cells
                .iter()
                .filter(|t| digits(t))
                .all(|t| is_code_piece(t) && matches!(t.len(), 3 | 5 | 7));
        let all_figures = cells.iter().all(|t| figure(t).is_some());
        let role = if joined.contains("行次") || joined.contains("栏次") {
            Role::RowNumber
        } else if coded_by_head || coded_by_body {
            Role::Code
        } else if cells.is_empty() && path.is_empty() {
            // Nothing in it at all: a rule drawn in some rows only, not a column of the table.
            Role::RowNumber
        } else if cells.is_empty() {
            // A column with nothing in it (an empty table, a blank column): its heading says
            // what it is.
            if path.iter().any(|p| code_words(p)) {
                Role::Code
            } else if path
                .iter()
                .any(|p| name_words(p) || p.contains("科目") || p.contains("形式") || p.contains("方式"))
            {
                Role::Name
            } else {
                Role::Amount(joined)
            }
        } else if all_figures {
            Role::Amount(joined)
        } else {
            Role::Name
        };
        columns.push(Column { role, path });
    }
    // A figure column without a header beside one with a header is the same column split by a
    // rule drawn in some rows only: its figures are read through the headed one.
    let headed = |c: Option<&Column>| c.is_some_and(|c| matches!(c.role, Role::Amount(_)) && !c.path.is_empty());
    for c in 0..columns.len() {
        if matches!(columns[c].role, Role::Amount(_))
            && columns[c].path.is_empty()
            && (headed(columns.get(c + 1)) || c > 0 && headed(columns.get(c - 1)))
        {
            columns[c].role = Role::RowNumber;
        }
    }
    Some(Layout { body, columns })
}

/// Joins a code printed over 类 / 款 / 项 cells ("212", "01", "01" → "2120101"; a one-digit
/// 款 or 项 "2" is "02"). `None` when the pieces do not make a code (a 类 of other than 3 digits,
/// a piece of more than 2 after it).
pub fn join_code(pieces: &[&str]) -> Option<String> {
    let pieces: Vec<&str> = pieces.iter().map(|p| p.trim()).filter(|p| !p.is_empty()).collect();
    let (first, rest) = pieces.split_first()?;
    if !first.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if rest.is_empty() {
        return matches!(first.len(), 3 | 5 | 7).then(|| first.to_string());
    }
    if first.len() != 3 {
        return None;
    }
    let mut code = first.to_string();
    for p in rest {
        if !p.bytes().all(|b| b.is_ascii_digit()) || p.len() > 2 {
            return None;
        }
        if p.len() == 1 {
            code.push('0');
        }
        code.push_str(p);
    }
    Some(code)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grid::{GridCell, Producer};

    fn cell(text: &str, row: usize, col: usize, row_span: usize, col_span: usize) -> GridCell {
        GridCell::at(text, row, col, row_span, col_span, row + 1)
    }

    #[test]
    fn codes_over_three_cells() {
        assert_eq!(join_code(&["212", "01", "01"]).as_deref(), Some("2120101"));
        assert_eq!(join_code(&["301", "2"]).as_deref(), Some("30102"));
        assert_eq!(join_code(&["2010101"]).as_deref(), Some("2010101"));
        assert_eq!(join_code(&["301", "", ""]).as_deref(), Some("301"));
        assert_eq!(join_code(&["99"]), None);
        assert_eq!(join_code(&["21", "01"]), None);
    }

    /// The Shanghai 一般公共预算支出功能分类预算表's header: three levels, codes over 类/款/项.
    #[test]
    fn roles_from_a_three_level_header() {
        let mut g = Grid::new(5, 7, Producer::PdfRules);
        g.cells = vec![
            cell("项目", 0, 0, 1, 4),
            cell("一般公共预算支出", 0, 4, 1, 3),
            cell("功能分类科目编码", 1, 0, 1, 3),
            cell("功能分类科目名称", 1, 3, 2, 1),
            cell("合计", 1, 4, 2, 1),
            cell("基本支出", 1, 5, 2, 1),
            cell("项目支出", 1, 6, 2, 1),
            cell("类", 2, 0, 1, 1),
            cell("款", 2, 1, 1, 1),
            cell("项", 2, 2, 1, 1),
            cell("204", 3, 0, 1, 1),
            cell("06", 3, 1, 1, 1),
            cell("01", 3, 2, 1, 1),
            cell("行政运行", 3, 3, 1, 1),
            cell("16,726,725.44", 3, 4, 1, 1),
            cell("16,726,725.44", 3, 5, 1, 1),
            cell("0.00", 3, 6, 1, 1),
            cell("合计", 4, 0, 1, 4),
            cell("96,282,213.44", 4, 4, 1, 1),
        ];
        let l = layout(&g).unwrap();
        assert_eq!(l.body, 3);
        let roles: Vec<&Role> = l.columns.iter().map(|c| &c.role).collect();
        assert_eq!(
            roles,
            vec![
                &Role::Code,
                &Role::Code,
                &Role::Code,
                &Role::Name,
                &Role::Amount("一般公共预算支出/合计".into()),
                &Role::Amount("一般公共预算支出/基本支出".into()),
                &Role::Amount("一般公共预算支出/项目支出".into()),
            ]
        );
        assert_eq!(l.columns[4].leaf(), "合计");
    }

    #[test]
    fn figures_and_not() {
        assert_eq!(figure("1,234.50").unwrap().unwrap().to_string(), "1234.50");
        assert_eq!(figure("-"), Some(None));
        assert_eq!(figure(""), Some(None));
        assert_eq!(figure("行政运行"), None);
        assert_eq!(figure("1,49"), None);
    }
}
