//! The ten published PDFs of the Jiangsu corpus (tests/fixtures/jiangsu/pdf, as published): each
//! imports straight from the PDF, its standard tables are the same line for line as those read
//! from `pdftotext -layout` text of the same file (tests/fixtures/jiangsu/*.layout.txt), its
//! checks hold, and the files of one year combine into one bundle.

use gongkai_import::{import_bytes, import_documents, Document, ImportError, ImportOptions};
use gongkai_model::*;
use std::path::Path;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/jiangsu");

fn read(rel: &str) -> Vec<u8> {
    std::fs::read(Path::new(DIR).join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn pdfs() -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(Path::new(DIR).join("pdf"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".pdf"))
        .collect();
    v.sort();
    v
}

fn opts_for(name: &str) -> ImportOptions {
    ImportOptions {
        file_name: Some(name.to_string()),
        // The 2019 narrative of the 政协 has its title only as an image (see jiangsu_corpus.rs).
        department: name
            .starts_with("江苏省政协办公厅2019年度部门预算")
            .then(|| "江苏省政协办公厅".to_string()),
        ..Default::default()
    }
}

fn failing(b: &Bundle) -> Vec<String> {
    reconcile(b)
        .into_iter()
        .filter(|c| c.status == CheckStatus::Fail)
        .map(|c| format!("{}: {}", c.label, c.detail))
        .collect()
}

/// The table lines as (table, code, name, amounts) rows, for comparing two imports.
fn rows(b: &Bundle) -> Vec<String> {
    let mut out = Vec::new();
    for t in &b.tables {
        out.push(format!("## {:?} {} [{}]", t.kind, t.unit, t.columns.join("|")));
        for l in &t.lines {
            let cells: Vec<String> = l.amounts.iter().map(|c| format!("{c:?}")).collect();
            out.push(format!(
                "{:?} {} {:?} {}",
                t.kind,
                l.code.as_deref().unwrap_or("-"),
                l.name,
                cells.join(" ")
            ));
        }
    }
    out
}

#[test]
fn every_pdf_gives_the_same_tables_as_its_layout_text_and_every_check_holds() {
    let mut compared = 0;
    let mut problems = Vec::new();
    for name in pdfs() {
        let opts = opts_for(&name);
        let from_pdf = import_bytes(&read(&format!("pdf/{name}")), &opts).unwrap_or_else(|e| panic!("{name}: {e}"));
        let layout = name.replace(".pdf", ".layout.txt");
        let from_text = import_bytes(&read(&layout), &opts).unwrap_or_else(|e| panic!("{layout}: {e}"));
        for f in failing(&from_pdf) {
            problems.push(format!("{name}: check fails: {f}"));
        }
        // Every line read from the text is read from the PDF (the PDF may give more: a table
        // whose wrapped title pdftotext runs into the table above is found in the PDF).
        let (a, b) = (rows(&from_pdf), rows(&from_text));
        for r in b.iter().filter(|r| !a.contains(r)) {
            problems.push(format!("{name}: missing from the PDF import: {r}"));
        }
        for r in a.iter().filter(|r| !b.contains(r)) {
            eprintln!("{name}: only in the PDF import: {r}");
        }
        assert_eq!(from_pdf.meta.department, from_text.meta.department, "{name}");
        assert_eq!(from_pdf.meta.fiscal_year, from_text.meta.fiscal_year, "{name}");
        assert_eq!(from_pdf.import_report.as_ref().unwrap().input, "pdf");
        compared += 1;
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert_eq!(compared, 10);
}
