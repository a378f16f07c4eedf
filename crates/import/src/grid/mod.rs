//! The typed table model every input is read into: a document is its lines of text (for the
//! narrative readers) and the tables found among them, each a [`Grid`] of cells with their
//! spans, as printed. One producer per input builds the grids:
//!
//! - PDF: from the ruling lines a page draws round its cells and the glyphs inside them
//!   ([`pdf`]); a page that draws no rules falls back to text alignment;
//! - Excel: calamine's cells, merged cells kept ([`sheet`]);
//! - Word: the document's `w:tbl` (gridSpan, vMerge) (`crate::docx::document_blocks`);
//! - text (and PDF pages without rules): the column splitter over laid-out lines ([`text`]).
//!
//! The standard-table readers (`crate::standard`) work from grids only: a table is known by its
//! title and its header cells, never by where a producer put its text.

pub mod pdf;
pub mod sheet;
pub mod text;

use crate::lines::SrcLine;

/// One cell as printed: its text (wrapped lines joined, spacing inside Chinese text removed) and
/// where it sits. Invariant: `row_span ≥ 1`, `col_span ≥ 1`, and the cell lies inside its grid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GridCell {
    pub text: String,
    /// Top row and left column (0-based).
    pub row: usize,
    pub col: usize,
    pub row_span: usize,
    pub col_span: usize,
    /// Source line (1-based, as the import report counts) of its first text; 0 when empty.
    pub line: usize,
}

/// Which producer made a grid (for `gongkai text` and the import report).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Producer {
    /// A PDF page's ruling lines.
    PdfRules,
    /// Laid-out text (a text file, or a PDF page without rules), split into columns.
    Text,
    /// An Excel sheet's cells.
    Sheet,
    /// A Word table.
    WordTable,
}

impl Producer {
    pub fn name(self) -> &'static str {
        match self {
            Producer::PdfRules => "pdf-rules",
            Producer::Text => "text",
            Producer::Sheet => "sheet",
            Producer::WordTable => "word",
        }
    }
}

/// A table as a grid of cells. Invariant: cells do not overlap; a position no cell covers is a
/// blank cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grid {
    pub rows: usize,
    pub cols: usize,
    pub cells: Vec<GridCell>,
    /// Source lines (1-based) the grid was read from: they are not read again as narrative.
    pub lines: Vec<usize>,
    /// Page (1-based) it is printed on, for PDF.
    pub page: Option<u32>,
    pub producer: Producer,
    /// Lines printed just above the grid that belong to it when the producer knows them (a Word
    /// table's caption paragraphs are ordinary lines; a sheet's title rows are rows).
    pub caption: Vec<(usize, String)>,
}

impl Grid {
    /// An empty grid of `rows` × `cols`.
    pub fn new(rows: usize, cols: usize, producer: Producer) -> Grid {
        Grid {
            rows,
            cols,
            cells: Vec::new(),
            lines: Vec::new(),
            page: None,
            producer,
            caption: Vec::new(),
        }
    }

    /// The cell covering (row, col), spans included.
    pub fn at(&self, row: usize, col: usize) -> Option<&GridCell> {
        self.cells
            .iter()
            .find(|c| (c.row..c.row + c.row_span).contains(&row) && (c.col..c.col + c.col_span).contains(&col))
    }

    /// The text at (row, col): the covering cell's text, or "" for a blank.
    pub fn text(&self, row: usize, col: usize) -> &str {
        self.at(row, col).map_or("", |c| c.text.as_str())
    }

    /// The cell that starts at (row, col) (not one spanning into it).
    pub fn starting(&self, row: usize, col: usize) -> Option<&GridCell> {
        self.cells.iter().find(|c| c.row == row && c.col == col)
    }

    /// The first source line of a row's cells (0 when the row is blank).
    pub fn row_line(&self, row: usize) -> usize {
        self.cells
            .iter()
            .filter(|c| c.row == row && c.line > 0)
            .map(|c| c.line)
            .min()
            .unwrap_or(0)
    }

    /// Whether no cell of the row starts in it with text.
    pub fn row_is_blank(&self, row: usize) -> bool {
        !self.cells.iter().any(|c| c.row == row && !c.text.is_empty())
    }

    /// The cells in reading order (row, then column).
    pub fn sorted(mut self) -> Grid {
        self.cells.sort_by_key(|c| (c.row, c.col));
        self
    }

    /// Builds a grid from rows of cells, each its source line and its text: one cell per
    /// non-empty text, no spans (the text producer's grids).
    pub fn from_cells(rows: &[Vec<(usize, String)>], producer: Producer) -> Grid {
        let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
        let mut g = Grid::new(rows.len(), cols, producer);
        for (r, row) in rows.iter().enumerate() {
            for (c, (line, text)) in row.iter().enumerate() {
                if !text.is_empty() {
                    g.cells.push(GridCell {
                        text: text.clone(),
                        row: r,
                        col: c,
                        row_span: 1,
                        col_span: 1,
                        line: *line,
                    });
                }
            }
        }
        g.lines = g.cells.iter().map(|c| c.line).filter(|l| *l > 0).collect();
        g.lines.sort_unstable();
        g.lines.dedup();
        g
    }

    /// The texts of the cells that start in row `r`, left to right (blank cells left out).
    pub fn row_texts(&self, r: usize) -> Vec<&str> {
        let mut cells: Vec<&GridCell> = self.cells.iter().filter(|c| c.row == r && !c.text.is_empty()).collect();
        cells.sort_by_key(|c| c.col);
        cells.into_iter().map(|c| c.text.as_str()).collect()
    }

    /// The grid drawn as text for `gongkai text`: one line per row, cells separated by " | ",
    /// a cell spanning columns followed by `>` per extra column, a cell continued from the row
    /// above shown as `^`.
    pub fn draw(&self) -> String {
        let mut out = String::new();
        for r in 0..self.rows {
            let mut cells = Vec::new();
            let mut c = 0;
            while c < self.cols {
                match self.at(r, c) {
                    Some(cell) if cell.row == r && cell.col == c => {
                        let mut t = if cell.text.is_empty() {
                            "·".to_string()
                        } else {
                            cell.text.clone()
                        };
                        for _ in 1..cell.col_span {
                            t.push_str(" >");
                        }
                        cells.push(t);
                        c += cell.col_span;
                    }
                    Some(cell) => {
                        cells.push("^".to_string());
                        c = cell.col + cell.col_span;
                    }
                    None => {
                        cells.push(String::new());
                        c += 1;
                    }
                }
            }
            out.push_str("  | ");
            out.push_str(&cells.join(" | "));
            out.push_str(" |\n");
        }
        out
    }
}

impl Grid {
    /// The grid without its empty frame: rows in which no text starts (blank ruled rows), and
    /// columns that are a border drawn round the table or a rule drawn in other rows only, are
    /// left out, spans shortened.
    pub fn compact(mut self) -> Grid {
        // A blank column of ruled cells (an amount column with nothing in it on this page) stays,
        // so a table's pages keep the same columns; an empty column at the edge made of one or
        // few cells (one per two rows or fewer) is the page's frame, one where no cell starts a
        // rule drawn in other rows.
        let keep_col: Vec<bool> = (0..self.cols)
            .map(|c| {
                let text = self.cells.iter().any(|x| x.col == c && !x.text.is_empty());
                let starts = self.cells.iter().filter(|x| x.col == c).count();
                let edge = c == 0 || c + 1 == self.cols;
                text || starts > 0 && !(edge && 2 * starts <= self.rows.max(4))
            })
            .collect();
        let keep_row: Vec<bool> = (0..self.rows)
            .map(|r| self.cells.iter().any(|x| x.row == r && !x.text.is_empty()))
            .collect();
        let new_col: Vec<usize> = keep_col
            .iter()
            .scan(0, |n, k| {
                let at = *n;
                *n += usize::from(*k);
                Some(at)
            })
            .collect();
        let new_row: Vec<usize> = keep_row
            .iter()
            .scan(0, |n, k| {
                let at = *n;
                *n += usize::from(*k);
                Some(at)
            })
            .collect();
        let mut cells = Vec::with_capacity(self.cells.len());
        for x in self.cells.drain(..) {
            if x.text.is_empty() && (!keep_col[x.col] || !keep_row[x.row]) {
                continue;
            }
            let cols = (x.col..x.col + x.col_span).filter(|c| keep_col[*c]).count();
            let rows = (x.row..x.row + x.row_span).filter(|r| keep_row[*r]).count();
            if cols == 0 || rows == 0 {
                continue;
            }
            cells.push(GridCell {
                row: new_row[x.row],
                col: new_col[x.col],
                row_span: rows,
                col_span: cols,
                ..x
            });
        }
        self.cols = keep_col.iter().filter(|k| **k).count();
        self.rows = keep_row.iter().filter(|k| **k).count();
        self.cells = cells;
        self
    }

    /// Splits the grid at rows that are captions, not table rows — a table's title, its 部门 /
    /// 单位 line, page furniture, printed inside the ruled frame (one frame round several
    /// tables, or round a table and its title). Those rows leave the grid: their lines are
    /// ordinary lines again, so the readers find the title above the table as anywhere else.
    pub fn split_captions(self, is_caption: impl Fn(&[&str]) -> bool) -> Vec<Grid> {
        let caption_row = |r: usize| {
            let texts = self.row_texts(r);
            !texts.is_empty() && is_caption(&texts)
        };
        let captions: Vec<usize> = (0..self.rows).filter(|r| caption_row(*r)).collect();
        if captions.is_empty() {
            return vec![self];
        }
        let released: Vec<usize> = self
            .cells
            .iter()
            .filter(|x| captions.contains(&x.row) && x.line > 0)
            .map(|x| x.line)
            .collect();
        let mut out = Vec::new();
        let mut start = 0;
        for end in captions.iter().copied().chain([self.rows]) {
            if end > start {
                let mut part = Grid::new(end - start, self.cols, self.producer);
                part.page = self.page;
                for x in &self.cells {
                    // A cell spanning into a caption row is cut at it.
                    if x.row >= start && x.row < end {
                        let mut c = x.clone();
                        c.row -= start;
                        c.row_span = c.row_span.min(end - x.row);
                        part.cells.push(c);
                    }
                }
                let (lo, hi) = (
                    part.cells.iter().filter(|c| c.line > 0).map(|c| c.line).min(),
                    part.cells.iter().filter(|c| c.line > 0).map(|c| c.line).max(),
                );
                if let (Some(lo), Some(hi)) = (lo, hi) {
                    // Its lines: from its first cell's to before the next caption's.
                    let next = self
                        .cells
                        .iter()
                        .filter(|x| x.row >= end && x.line > 0)
                        .map(|x| x.line)
                        .min()
                        .unwrap_or(usize::MAX);
                    part.lines = self
                        .lines
                        .iter()
                        .copied()
                        .filter(|l| *l >= lo && (*l <= hi || *l < next) && !released.contains(l))
                        .collect();
                    out.push(part.compact());
                }
            }
            start = end + 1;
        }
        out
    }
}

impl GridCell {
    /// A cell with its text, place and spans, citing `line` (tests build grids with it).
    #[cfg(test)]
    pub(crate) fn at(text: &str, row: usize, col: usize, row_span: usize, col_span: usize, line: usize) -> GridCell {
        GridCell {
            text: text.into(),
            row,
            col,
            row_span,
            col_span,
            line,
        }
    }
}

/// A document as the readers see it: every line (the narrative is read from the lines no grid
/// took) and the grids in the order they are printed.
#[derive(Debug, Clone, Default)]
pub struct Blocks {
    pub lines: Vec<SrcLine>,
    pub grids: Vec<Grid>,
}

impl Blocks {
    /// The document as text with each grid drawn where it is printed (`gongkai text`).
    pub fn draw(&self) -> String {
        let mut taken = std::collections::BTreeMap::new();
        for (i, g) in self.grids.iter().enumerate() {
            for l in &g.lines {
                taken.entry(*l).or_insert(i);
            }
        }
        let mut out = String::new();
        let mut drawn = vec![false; self.grids.len()];
        for l in &self.lines {
            match taken.get(&l.no) {
                Some(&i) if !drawn[i] => {
                    drawn[i] = true;
                    let g = &self.grids[i];
                    if l.text.contains('\u{0c}') {
                        out.push_str("\u{0c}\n");
                    }
                    out.push_str(&format!(
                        "┌ table {} ({} × {}, {}{}, line {})\n",
                        i + 1,
                        g.rows,
                        g.cols,
                        g.producer.name(),
                        g.page.map(|p| format!(", page {p}")).unwrap_or_default(),
                        l.no
                    ));
                    out.push_str(&g.draw());
                    out.push_str("└\n");
                }
                // A page break on a line a table took still breaks the page.
                Some(_) if l.text.contains('\u{0c}') => out.push_str("\u{0c}\n"),
                Some(_) => {}
                None => {
                    out.push_str(&l.text);
                    out.push('\n');
                }
            }
        }
        out
    }
}

/// Whether a character is written without spaces around it (Chinese text, full-width marks).
pub(crate) fn is_wide(c: char) -> bool {
    !c.is_ascii() && !c.is_whitespace()
}

/// A cell's text tidied: runs of white space are one space, none next to Chinese characters
/// ("合   计" → "合计", "一般公共 服务" → "一般公共服务"), none at the ends.
pub fn tidy(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() || c == '\u{3000}' {
            let j = (i..chars.len())
                .find(|&k| !(chars[k].is_whitespace() || chars[k] == '\u{3000}'))
                .unwrap_or(chars.len());
            let before = out.chars().last();
            let after = chars.get(j).copied();
            if let (Some(b), Some(a)) = (before, after) {
                if !is_wide(b) && !is_wide(a) {
                    out.push(' ');
                }
            }
            i = j;
            continue;
        }
        out.push(c);
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tidy_removes_spacing_inside_chinese_only() {
        assert_eq!(tidy("  合   计 "), "合计");
        assert_eq!(tidy("一般公共 服务\u{3000}支出"), "一般公共服务支出");
        assert_eq!(tidy("1. 一般公共预算"), "1.一般公共预算");
        assert_eq!(tidy("201  01"), "201 01");
    }

    #[test]
    fn spans_cover_their_positions_and_draw() {
        let mut g = Grid::new(2, 3, Producer::Sheet);
        g.cells.push(GridCell {
            text: "项目".into(),
            row: 0,
            col: 0,
            row_span: 2,
            col_span: 1,
            line: 1,
        });
        g.cells.push(GridCell {
            text: "支出".into(),
            row: 0,
            col: 1,
            row_span: 1,
            col_span: 2,
            line: 1,
        });
        g.cells.push(GridCell {
            text: "基本".into(),
            row: 1,
            col: 1,
            row_span: 1,
            col_span: 1,
            line: 2,
        });
        assert_eq!(g.text(1, 0), "项目");
        assert_eq!(g.text(0, 2), "支出");
        assert_eq!(g.text(1, 2), "");
        assert_eq!(g.draw(), "  | 项目 | 支出 > |\n  | ^ | 基本 |  |\n");
    }
}
