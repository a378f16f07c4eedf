//! Excel workbooks (.xlsx, .xls; many counties publish the standard tables as Excel), read with
//! calamine and laid out as text the way `pdftotext -layout` lays out a PDF table — one line per
//! row, every column at the same position on every line —
//! so the narrative readers read them (the tables are read from the cells, `crate::grid::sheet`). (Every cell starts where its
//! column starts: a sheet has no printed alignment to keep, and amounts then sit under their
//! headings.)
//!
//! Numbers: a workbook stores them as binary floating point. A typed-in amount such as 6463.55
//! comes back as the nearest double, and a formula's result may carry binary noise
//! (9066.789999999999); each number is written with at most four decimals, trailing zeros dropped
//! (6463.55, 9066.79), then read as an exact decimal like any printed figure. Budget tables print
//! two decimals, so this never changes a published figure.

use calamine::{Data, Reader};
use std::io::Cursor;

/// Why a workbook cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkbookError(pub String);

impl std::fmt::Display for WorkbookError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Whether `bytes` look like an Excel workbook: an .xls (OLE compound file) or an .xlsx (a ZIP
/// archive with `xl/workbook.xml`).
pub fn looks_like_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
        || (bytes.starts_with(b"PK\x03\x04") && bytes.windows(15).any(|w| w == b"xl/workbook.xml"))
}

/// A number as a printed figure: at most four decimals, no trailing zeros, no exponent.
fn number(v: f64) -> String {
    if !v.is_finite() {
        return String::new();
    }
    let s = format!("{v:.4}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".into()
    } else {
        s.to_string()
    }
}

fn cell_text(d: &Data) -> String {
    match d {
        Data::Int(i) => i.to_string(),
        Data::Float(f) => number(*f),
        Data::String(s) => s.split_whitespace().collect::<Vec<_>>().join(" "),
        Data::Bool(b) => b.to_string(),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::DateTime(d) => d.to_string(),
        Data::Error(_) | Data::Empty => String::new(),
    }
}

/// Every sheet of the workbook as laid-out text, sheets one after another (a blank line between).
pub fn workbook_text(bytes: &[u8]) -> Result<String, WorkbookError> {
    workbook_blocks(bytes).map(|(text, _)| text)
}

/// The workbook's text ([`workbook_text`]) and the tables of its sheets as grids, merged cells
/// kept (`crate::grid::sheet`); each sheet row is one line of the text.
pub fn workbook_blocks(bytes: &[u8]) -> Result<(String, Vec<crate::grid::Grid>), WorkbookError> {
    let mut book = calamine::open_workbook_auto_from_rs(Cursor::new(bytes.to_vec()))
        .map_err(|e| WorkbookError(format!("not a readable Excel workbook ({e})")))?;
    let mut out = String::new();
    let mut grids = Vec::new();
    let mut line = 1;
    for name in book.sheet_names() {
        let range = book
            .worksheet_range(&name)
            .map_err(|e| WorkbookError(format!("sheet “{name}” cannot be read ({e})")))?;
        let rows: Vec<Vec<String>> = range.rows().map(|r| r.iter().map(cell_text).collect()).collect();
        let (top, left) = range.start().unwrap_or((0, 0));
        let merges: Vec<crate::grid::sheet::Merge> = merged(&mut book, &name)
            .into_iter()
            .filter(|d| d.start.0 >= top && d.start.1 >= left)
            .map(|d| crate::grid::sheet::Merge {
                top: (d.start.0 - top) as usize,
                left: (d.start.1 - left) as usize,
                bottom: d.end.0.saturating_sub(top) as usize,
                right: d.end.1.saturating_sub(left) as usize,
            })
            .collect();
        grids.extend(crate::grid::sheet::sheet_grids(&rows, &merges, line));
        out.push_str(&crate::docx::laid_out(&rows));
        out.push('\n');
        line += rows.len() + 1;
    }
    Ok((out, grids))
}

/// The merged regions of a sheet (none when the format or the file does not say).
fn merged<RS: std::io::Read + std::io::Seek>(book: &mut calamine::Sheets<RS>, name: &str) -> Vec<calamine::Dimensions> {
    match book {
        calamine::Sheets::Xlsx(x) => x.worksheet_merge_cells(name).and_then(Result::ok).unwrap_or_default(),
        calamine::Sheets::Xls(x) => x.worksheet_merge_cells(name).unwrap_or_default(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_as_printed() {
        assert_eq!(number(6463.55), "6463.55");
        assert_eq!(number(9066.789999999999), "9066.79");
        assert_eq!(number(80.0), "80");
        assert_eq!(number(0.5), "0.5");
        assert_eq!(number(-0.0), "0");
        assert_eq!(number(f64::NAN), "");
    }

    #[test]
    fn not_a_workbook() {
        assert!(!looks_like_workbook(b"PK\x03\x04word/document.xml"));
        assert!(workbook_text(b"PK\x03\x04 broken").is_err());
    }
}
