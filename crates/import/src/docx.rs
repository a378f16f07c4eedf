//! .docx → text lines in the importer's table convention, read from the real document structure:
//! paragraphs become lines; each table row becomes tab-prefixed cell lines followed by a blank
//! line. Horizontally merged cells (gridSpan) add empty cells so columns stay aligned; vertically
//! merged continuation cells (vMerge) are empty, like a continuation row of the text format;
//! an indented first cell gets the full-width indent that marks a sub-activity.
//!
//! The zip container and the XML are read by small, bounded readers written for hostile input
//! (size limits on every entry, no recursion), so no dependency enters the web build.

use std::fmt;

/// Why a .docx file cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocxError {
    NotAZip,
    /// The archive has no word/document.xml (not a Word document).
    NoDocument,
    /// An entry uses a compression method other than stored or deflate.
    Unsupported(u16),
    /// The archive is damaged (the offset or entry that failed).
    Corrupt(String),
    /// The document would expand beyond the limit.
    TooLarge,
}

impl fmt::Display for DocxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DocxError::NotAZip => f.write_str("not a .docx file (no ZIP structure)"),
            DocxError::NoDocument => f.write_str("the archive has no word/document.xml: not a Word document"),
            DocxError::Unsupported(m) => write!(f, "compression method {m} is not supported"),
            DocxError::Corrupt(what) => write!(f, "the .docx archive is damaged ({what})"),
            DocxError::TooLarge => f.write_str("word/document.xml expands to more than 256 MB"),
        }
    }
}

const MAX_XML: usize = 256 * 1024 * 1024;

fn u16_at(b: &[u8], i: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(i..i + 2)?.try_into().ok()?))
}
fn u32_at(b: &[u8], i: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(i..i + 4)?.try_into().ok()?))
}

/// Reads one entry of a ZIP archive by name.
pub fn zip_entry(zip: &[u8], name: &str) -> Result<Vec<u8>, DocxError> {
    if !zip.starts_with(b"PK") {
        return Err(DocxError::NotAZip);
    }
    // End of central directory: the last "PK\x05\x06" within the final 64 KiB + 22 bytes.
    let from = zip.len().saturating_sub(65_557);
    let eocd = (from..zip.len().saturating_sub(21))
        .rev()
        .find(|&i| zip[i..i + 4] == [0x50, 0x4b, 0x05, 0x06])
        .ok_or(DocxError::NotAZip)?;
    let count = u16_at(zip, eocd + 10).ok_or(DocxError::NotAZip)? as usize;
    let mut p = u32_at(zip, eocd + 16).ok_or(DocxError::NotAZip)? as usize;
    let corrupt = |w: &str| DocxError::Corrupt(w.to_string());
    for _ in 0..count {
        if u32_at(zip, p) != Some(0x0201_4b50) {
            return Err(corrupt("central directory"));
        }
        let method = u16_at(zip, p + 10).ok_or_else(|| corrupt("entry"))?;
        let csize = u32_at(zip, p + 20).ok_or_else(|| corrupt("entry"))? as usize;
        let usize_ = u32_at(zip, p + 24).ok_or_else(|| corrupt("entry"))? as usize;
        let nlen = u16_at(zip, p + 28).ok_or_else(|| corrupt("entry"))? as usize;
        let elen = u16_at(zip, p + 30).ok_or_else(|| corrupt("entry"))? as usize;
        let clen = u16_at(zip, p + 32).ok_or_else(|| corrupt("entry"))? as usize;
        let local = u32_at(zip, p + 42).ok_or_else(|| corrupt("entry"))? as usize;
        let entry_name = zip.get(p + 46..p + 46 + nlen).ok_or_else(|| corrupt("entry name"))?;
        p += 46 + nlen + elen + clen;
        if entry_name != name.as_bytes() {
            continue;
        }
        if u32_at(zip, local) != Some(0x0403_4b50) {
            return Err(corrupt("local header"));
        }
        let lnlen = u16_at(zip, local + 26).ok_or_else(|| corrupt("local header"))? as usize;
        let lelen = u16_at(zip, local + 28).ok_or_else(|| corrupt("local header"))? as usize;
        let start = local + 30 + lnlen + lelen;
        let data = zip
            .get(start..start.saturating_add(csize))
            .ok_or_else(|| corrupt("entry data"))?;
        if usize_ > MAX_XML {
            return Err(DocxError::TooLarge);
        }
        return match method {
            0 => Ok(data.to_vec()),
            8 => miniz_oxide::inflate::decompress_to_vec_with_limit(data, MAX_XML)
                .map_err(|e| DocxError::Corrupt(format!("deflate: {e:?}"))),
            m => Err(DocxError::Unsupported(m)),
        };
    }
    Err(DocxError::NoDocument)
}

fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let Some(end) = rest[..rest.len().min(12)].find(';') else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let ent = &rest[1..end];
        let ch = match ent {
            "lt" => Some('<'),
            "gt" => Some('>'),
            "amp" => Some('&'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ if ent.starts_with("#x") => u32::from_str_radix(&ent[2..], 16).ok().and_then(char::from_u32),
            _ if ent.starts_with('#') => ent[1..].parse().ok().and_then(char::from_u32),
            _ => None,
        };
        match ch {
            Some(c) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let i = tag.find(&key)? + key.len();
    let end = tag[i..].find('"')?;
    Some(&tag[i..i + end])
}

#[derive(Default)]
struct Cell {
    text: String,
    span: usize,
    v_continue: bool,
    indented: bool,
}

/// How tables are written out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableStyle {
    /// One cell per line, tab-prefixed, rows ended by a blank line (the county template's tables).
    Cells,
    /// One line per row, every column at the same position (as `pdftotext -layout` prints a
    /// table), for the national standard tables.
    Laid,
}

/// The text of word/document.xml in the importer's line convention (tables as [`TableStyle::Cells`]).
pub fn document_text(xml: &str) -> String {
    document_text_as(xml, TableStyle::Cells)
}

/// Writes one table laid out in columns, one line per row: each cell starts where its column
/// starts, headings and amounts alike, so an amount sits under its heading (Word and Excel tables
/// alike; see `crate::standard`).
pub fn laid_out(rows: &[Vec<String>]) -> String {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|t| t.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for r in rows {
        let mut line = String::new();
        for (c, text) in r.iter().enumerate() {
            line.push_str(text);
            line.push_str(&" ".repeat(widths[c].saturating_sub(text.chars().count()) + 4));
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The text of word/document.xml, tables written as `style` says.
pub fn document_text_as(xml: &str, style: TableStyle) -> String {
    document_blocks(xml, style).0
}

/// The text of word/document.xml ([`document_text_as`]) and, for [`TableStyle::Laid`], each
/// table as a grid: `w:gridSpan` a column span, a `w:vMerge` continuation the cell above
/// spanning down; each row is one line of the text.
pub fn document_blocks(xml: &str, style: TableStyle) -> (String, Vec<crate::grid::Grid>) {
    let mut grids = Vec::new();
    // Rows of the current table as (text, span, continues the cell above).
    let mut grid_rows: Vec<Vec<(String, usize, bool)>> = Vec::new();
    let mut out = String::new();
    // Rows of the current table, for TableStyle::Laid.
    let mut laid_rows: Vec<Vec<String>> = Vec::new();
    let mut para = String::new();
    // Table state; nested tables are flattened into the cell that holds them.
    let mut depth = 0usize;
    let mut row: Vec<Cell> = Vec::new();
    let mut cell: Option<Cell> = None;
    let mut in_text = false;
    let mut rest = xml;
    while let Some(lt) = rest.find('<') {
        if in_text {
            let t = unescape(&rest[..lt]);
            match cell.as_mut() {
                Some(c) if depth > 0 => c.text.push_str(&t),
                _ => para.push_str(&t),
            }
        }
        let Some(gt) = rest[lt..].find('>') else { break };
        let tag = &rest[lt + 1..lt + gt];
        rest = &rest[lt + gt + 1..];
        let closing = tag.starts_with('/');
        let name = tag
            .trim_start_matches('/')
            .split([' ', '/', '\t', '\n'])
            .next()
            .unwrap_or("");
        let self_closing = tag.ends_with('/');
        match (name, closing) {
            ("w:t", false) => in_text = !self_closing,
            ("w:t", true) => in_text = false,
            ("w:tab", false) => match cell.as_mut() {
                Some(c) if depth > 0 => c.text.push(' '),
                _ => para.push('\t'),
            },
            ("w:br" | "w:cr", false) => {
                if depth == 0 {
                    para.push('\n');
                }
            }
            ("w:p", true) => {
                if depth == 0 {
                    out.push_str(para.trim_end_matches('\n'));
                    out.push('\n');
                    para.clear();
                }
            }
            ("w:tbl", false) => {
                depth += 1;
                if depth == 1 && !out.ends_with("\n\n") {
                    out.push('\n');
                }
            }
            ("w:tbl", true) => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    if style == TableStyle::Laid {
                        let first_line = out.matches('\n').count() + 1;
                        grids.push(word_grid(&grid_rows, first_line));
                        grid_rows.clear();
                        out.push_str(&laid_out(&laid_rows));
                        laid_rows.clear();
                    }
                    out.push('\n');
                }
            }
            ("w:tr", false) if depth == 1 => row.clear(),
            ("w:tr", true) if depth == 1 && style == TableStyle::Laid => {
                let mut cells = Vec::new();
                grid_rows.push(
                    row.iter()
                        .map(|c| {
                            (
                                c.text.split_whitespace().collect::<Vec<_>>().join(" "),
                                c.span.max(1),
                                c.v_continue,
                            )
                        })
                        .collect(),
                );
                for c in row.drain(..) {
                    let text = if c.v_continue {
                        String::new()
                    } else {
                        c.text.split_whitespace().collect::<Vec<_>>().join(" ")
                    };
                    cells.push(text);
                    cells.extend((1..c.span.max(1)).map(|_| String::new()));
                }
                laid_rows.push(cells);
            }
            ("w:tr", true) if depth == 1 => {
                for c in row.drain(..) {
                    let mut text = if c.v_continue {
                        String::new()
                    } else {
                        c.text.trim_matches(|ch: char| ch.is_ascii_whitespace()).to_string()
                    };
                    if c.indented && !text.is_empty() && !text.starts_with('　') {
                        text.insert_str(0, "　　");
                    }
                    out.push('\t');
                    out.push_str(&text.replace(['\n', '\t'], " "));
                    out.push('\n');
                    for _ in 1..c.span.max(1) {
                        out.push_str("\t\n");
                    }
                }
                out.push('\n');
            }
            ("w:tc", false) if depth == 1 => {
                cell = Some(Cell {
                    span: 1,
                    ..Default::default()
                })
            }
            ("w:tc", true) if depth == 1 => row.extend(cell.take()),
            ("w:gridSpan", false) if depth == 1 => {
                if let (Some(c), Some(v)) = (cell.as_mut(), attr(tag, "w:val").and_then(|v| v.parse::<usize>().ok())) {
                    c.span = v.clamp(1, 64);
                }
            }
            ("w:vMerge", false) if depth == 1 => {
                if let Some(c) = cell.as_mut() {
                    c.v_continue = attr(tag, "w:val").is_none_or(|v| v == "continue");
                }
            }
            ("w:ind", false) if depth == 1 => {
                let twips = ["w:left", "w:start", "w:firstLine"]
                    .iter()
                    .filter_map(|a| attr(tag, a).and_then(|v| v.parse::<i64>().ok()))
                    .max()
                    .unwrap_or(0);
                if let Some(c) = cell.as_mut() {
                    if c.text.is_empty() && twips >= 200 {
                        c.indented = true;
                    }
                }
            }
            _ => {}
        }
    }
    (out, grids)
}

/// A Word table's rows as a grid whose row `r` is document line `first_line + r`.
fn word_grid(rows: &[Vec<(String, usize, bool)>], first_line: usize) -> crate::grid::Grid {
    use crate::grid::{tidy, Grid, GridCell, Producer};
    let cols = rows
        .iter()
        .map(|r| r.iter().map(|c| c.1).sum::<usize>())
        .max()
        .unwrap_or(0);
    let mut g = Grid::new(rows.len(), cols, Producer::WordTable);
    for (r, row) in rows.iter().enumerate() {
        let mut col = 0;
        for (text, span, continues) in row {
            if *continues {
                // The cell above (in this column) spans down one more row.
                if let Some(above) = g
                    .cells
                    .iter_mut()
                    .filter(|c| c.col == col && c.row + c.row_span == r)
                    .last()
                {
                    above.row_span += 1;
                }
            } else {
                g.cells.push(GridCell {
                    text: tidy(text),
                    row: r,
                    col,
                    row_span: 1,
                    col_span: *span,
                    line: first_line + r,
                });
            }
            col += span;
        }
    }
    g.cells
        .retain(|c| !(c.text.is_empty() && c.row_span == 1 && c.col_span == 1));
    g.lines = (0..rows.len()).map(|r| first_line + r).collect();
    g
}

/// Reads a .docx file into its text and its tables as grids (tables laid out in columns).
pub fn docx_blocks(bytes: &[u8]) -> Result<(String, Vec<crate::grid::Grid>), DocxError> {
    let xml = zip_entry(bytes, "word/document.xml")?;
    Ok(document_blocks(&String::from_utf8_lossy(&xml), TableStyle::Laid))
}

/// Reads a .docx file into text for the importer.
pub fn docx_text(bytes: &[u8]) -> Result<String, DocxError> {
    docx_text_as(bytes, TableStyle::Cells)
}

/// Reads a .docx file into text, tables written as `style` says.
pub fn docx_text_as(bytes: &[u8], style: TableStyle) -> Result<String, DocxError> {
    let xml = zip_entry(bytes, "word/document.xml")?;
    Ok(document_text_as(&String::from_utf8_lossy(&xml), style))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_merges_and_entities() {
        let xml = r#"<w:document><w:body><w:p><w:r><w:t>一、部门职责 &amp; 机构</w:t></w:r></w:p>
<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>评价标准</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p><w:r><w:t>上面</w:t></w:r></w:p></w:tc><w:tc><w:p><w:pPr><w:ind w:firstLine="420"/></w:pPr><w:r><w:t>子活动</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
<w:p><w:r><w:t xml:space="preserve">后文</w:t></w:r></w:p></w:body></w:document>"#;
        assert_eq!(
            document_text(xml),
            "一、部门职责 & 机构\n\n\t评价标准\n\t\n\tx\n\n\t\n\t　　子活动\n\n\n后文\n"
        );
        assert_eq!(unescape("&lt;&#20013;&#x4e2d;&bogus;&"), "<中中&bogus;&");
    }

    /// A Word table's merged cells are spans of its grid: gridSpan across, vMerge down.
    #[test]
    fn word_tables_become_grids_with_spans() {
        let xml = r#"<w:document><w:body><w:p><w:r><w:t>一般公共预算支出预算表</w:t></w:r></w:p>
<w:tbl><w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>科目编码</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>一般公共预算支出</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p><w:r><w:t>基本支出</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>项目支出</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:tc><w:p><w:r><w:t>205</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>100.00</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc></w:tr></w:tbl></w:body></w:document>"#;
        let (text, grids) = document_blocks(xml, TableStyle::Laid);
        assert_eq!(grids.len(), 1);
        let g = &grids[0];
        assert_eq!((g.rows, g.cols), (3, 3));
        let code = g.starting(0, 0).unwrap();
        assert_eq!(
            (code.text.as_str(), code.row_span),
            ("科目编码", 2),
            "vMerge spans down"
        );
        let head = g.starting(0, 1).unwrap();
        assert_eq!(
            (head.text.as_str(), head.col_span),
            ("一般公共预算支出", 2),
            "gridSpan spans across"
        );
        assert_eq!(g.text(2, 1), "100.00");
        assert_eq!(g.text(2, 2), "", "a blank cell stays blank");
        // Each row is a line of the text, and the cells cite it.
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines[g.starting(2, 0).unwrap().line - 1].starts_with("205"));
    }

    #[test]
    fn hostile_archives_are_errors_not_panics() {
        assert_eq!(docx_text(b"PK\x03\x04garbage"), Err(DocxError::NotAZip));
        assert_eq!(docx_text(b"hello"), Err(DocxError::NotAZip));
        let mut eocd = b"PK".to_vec();
        eocd.extend_from_slice(&[
            0x50, 0x4b, 0x05, 0x06, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0x7f, 0, 0,
        ]);
        assert!(matches!(docx_text(&eocd), Err(DocxError::Corrupt(_))));
    }
}
