//! The ten published PDFs of the Jiangsu corpus (tests/fixtures/jiangsu/pdf, as published): each
//! imports straight from the PDF, its standard tables are the same line for line as those read
//! from `pdftotext -layout` text of the same file (tests/fixtures/jiangsu/*.layout.txt), its
//! checks hold, and the files of one year combine into one bundle.

mod common;
use gongkai_import::{import_bytes, import_documents, Document, ImportError, ImportOptions};
use gongkai_model::*;
use gongkai_model::{provenance, tables};
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
    common::failing_checks(b)
}

/// The table lines as (table, code, name, amounts) rows, for comparing two imports.
fn rows(b: &Bundle) -> Vec<String> {
    let mut out = Vec::new();
    for t in &b.tables {
        // A table printed without lines: its columns as its ruled header cells give them (the
        // text of `pdftotext -layout` runs the note printed beside it into the header).
        if t.lines.is_empty() {
            out.push(format!("## {:?} {} (no lines)", t.kind, t.unit));
            continue;
        }
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

/// The 2019 disclosures are two PDFs each (narrative, tables): imported together they make one
/// bundle with the narrative's sections and the tables, each figure citing its file and page.
#[test]
fn the_two_files_of_a_year_combine_into_one_bundle_that_cites_file_and_page() {
    let narrative = "江苏省人大常委会2019年度部门预算公开.pdf";
    let tables = "江苏省人大常委会办公厅2019年部门预算公开表.pdf";
    let (a, b) = (read(&format!("pdf/{narrative}")), read(&format!("pdf/{tables}")));
    let docs = [
        Document {
            name: narrative,
            bytes: &a,
        },
        Document {
            name: tables,
            bytes: &b,
        },
    ];
    let mut pages_seen = Vec::new();
    let bundle = import_documents(&docs, &ImportOptions::default(), &mut |p| {
        pages_seen.push(p);
        true
    })
    .unwrap();
    assert_eq!(failing(&bundle), Vec::<String>::new());
    assert_eq!(bundle.meta.fiscal_year, 2019);
    assert_eq!(
        bundle.duties.len(),
        16,
        "the narrative's duties: its opening sentence and （一）…（十五）"
    );
    assert_eq!(bundle.tables.len(), 12, "the second file's tables");
    assert_eq!(
        bundle.meta.source.file.as_deref(),
        Some(format!("{narrative} + {tables}").as_str())
    );
    // Progress: every page of both files, in order.
    assert_eq!(pages_seen.len(), 19 + 13);
    assert_eq!(
        pages_seen.last(),
        Some(&gongkai_import::Progress::Page {
            file: 1,
            page: 13,
            pages: 13
        })
    );
    // Provenance: the 一般公共预算支出预算表's 201 line is in the tables file, on its page.
    let (t, gp) = bundle
        .tables
        .iter()
        .enumerate()
        .find(|(_, t)| t.kind == tables::TableKind::GeneralPublic)
        .unwrap();
    let row = gp.lines.iter().position(|l| l.code.as_deref() == Some("201")).unwrap();
    let c = provenance::cite(&bundle, &format!("tables[{t}].lines[{row}].amounts[0]")).unwrap();
    assert_eq!(c.file.as_deref(), Some(tables));
    assert!(c.page.is_some_and(|p| (1..=13).contains(&p)), "{c:?}");
    assert_eq!(c.row, Some(row + 1));
    // The page is right: that page's text has the table's title and the line.
    let text = gongkai_import::document_text_of(&b).unwrap();
    let page_text = text.split('\u{0c}').nth(c.page.unwrap() as usize - 1).unwrap();
    assert!(
        page_text.contains("201") && page_text.contains(gp.title.trim_end_matches("（功能科目）")),
        "{page_text}"
    );
}

/// What a PDF that cannot be imported says, in the CLI's words (exit 2 there), with nothing
/// else produced: a scan, a password, a damaged or truncated file, a file that is not a
/// disclosure. A PDF that only restricts printing and copying is read.
#[test]
fn hard_cases_say_what_is_wrong_and_a_print_restricted_pdf_is_read() {
    use gongkai_import::pdf::PdfError;
    let opts = ImportOptions::default();
    let err = |rel: &str| import_bytes(&read(rel), &opts).unwrap_err();
    assert!(matches!(
        err("../pdf/scanned.pdf"),
        ImportError::Pdf(PdfError::NoTextLayer { pages: 1 })
    ));
    assert!(err("../pdf/scanned.pdf").to_string().contains("不做文字识别（OCR）"));
    let en = err("../pdf/scanned.pdf").message(gongkai_model::i18n::Lang::En);
    assert!(en.contains("no OCR") && en.starts_with("cannot read the PDF: "), "{en}");
    assert!(matches!(
        err("../pdf/password.pdf"),
        ImportError::Pdf(PdfError::PasswordRequired)
    ));
    assert!(matches!(
        err("../pdf/not-a-disclosure.pdf"),
        ImportError::NotADisclosure { .. }
    ));
    // A damaged file on which the PDF reader itself fails (found by fuzzing): a message.
    match err("../pdf/reader-panics.pdf") {
        ImportError::Pdf(PdfError::Unreadable(why)) => assert!(why.contains("failed on it"), "{why}"),
        e => panic!("{e}"),
    }
    let restricted = import_bytes(&read("../pdf/restricted.pdf"), &opts).unwrap();
    let plain = import_bytes(&read("pdf/江苏省政协办公厅2018度部门预算公开表.pdf"), &opts).unwrap();
    assert_eq!(
        rows(&restricted),
        rows(&plain),
        "the restricted file reads as the plain one"
    );
    // Damaged: cut in half, or its cross-reference table overwritten.
    let whole = read("pdf/江苏省政协办公厅2018度部门预算公开表.pdf");
    for damaged in [whole[..whole.len() / 2].to_vec(), whole[..200].to_vec(), {
        let mut d = whole.clone();
        let n = d.len();
        d[n - 2000..].fill(b'#');
        d
    }] {
        match import_bytes(&damaged, &opts) {
            // What can be read of a damaged file is imported, and its checks still run.
            Ok(b) => assert!(!b.tables.is_empty() || b.import_report.is_some()),
            Err(e) => assert!(
                matches!(
                    e,
                    ImportError::Pdf(_) | ImportError::NotADisclosure { .. } | ImportError::Missing(_)
                ),
                "{e}"
            ),
        }
    }
    // A time limit that runs out stops with a message naming the page.
    let stopped = import_documents(
        &[Document {
            name: "slow.pdf",
            bytes: &whole,
        }],
        &opts,
        &mut |p| !matches!(p, gongkai_import::Progress::Page { page: 3, .. }),
    )
    .unwrap_err();
    assert_eq!(stopped.file, "slow.pdf");
    assert!(matches!(
        stopped.error,
        ImportError::Pdf(PdfError::TimedOut { page: 3, pages: 12 })
    ));
    assert!(stopped
        .message(gongkai_model::i18n::Lang::En)
        .starts_with("slow.pdf: cannot read the PDF: reading stopped at page 3 of 12"));
    // Without a language: Chinese, the default (what the English message says, in Chinese).
    assert_eq!(stopped.to_string(), stopped.message(gongkai_model::i18n::Lang::Zh));
    assert_ne!(stopped.to_string(), stopped.message(gongkai_model::i18n::Lang::En));
}

/// Mutation fuzzing of the PDF path: corpus PDFs truncated, with bytes changed, with spans
/// repeated, and hostile files (deeply nested arrays, a stream claiming a huge length, a
/// decompression bomb, a page tree that loops). Nothing may panic, every run ends within the
/// 10 s limit, and what imports serialises and parses back. GONGKAI_FUZZ_RUNS sets the number
/// of mutations (default 60).
#[test]
fn the_pdf_reader_never_panics_on_mutated_or_hostile_files() {
    let mut rng = common::Rng(0x9E3779B97F4A7C15);
    let runs: usize = common::fuzz_runs(60);
    let opts = ImportOptions {
        year: Some(2018),
        department: Some("某部门".into()),
        ..Default::default()
    };
    let mut slowest = std::time::Duration::ZERO;
    let mut check = |bytes: &[u8]| {
        let start = std::time::Instant::now();
        let limit = std::time::Duration::from_secs(10);
        let r = import_documents(
            &[Document {
                name: "fuzz.pdf",
                bytes,
            }],
            &opts,
            &mut |_| start.elapsed() < limit,
        );
        let took = start.elapsed();
        slowest = slowest.max(took);
        // The limit is checked between pages: one page may not take long either.
        assert!(took < std::time::Duration::from_secs(12), "took {took:?}");
        let ok = r.is_ok();
        if let Ok(b) = r {
            let json = gongkai_model::to_json(&b);
            gongkai_model::parse_bundle(&json, "fuzz.json").expect("an imported bundle parses back");
        }
        ok
    };
    let sources: Vec<Vec<u8>> = [
        "pdf/江苏省政协办公厅2018度部门预算公开表.pdf",
        "pdf/江苏省人大常委会办公厅2019年部门预算公开表.pdf",
    ]
    .iter()
    .map(|n| read(n))
    .collect();
    for i in 0..runs {
        let mut d = sources[i % sources.len()].clone();
        match rng.next() % 4 {
            0 => d.truncate((rng.next() as usize) % d.len()),
            1 => {
                for _ in 0..1 + rng.next() % 64 {
                    let at = (rng.next() as usize) % d.len();
                    d[at] = rng.next() as u8;
                }
            }
            2 => {
                let at = (rng.next() as usize) % d.len();
                let len = ((rng.next() as usize) % 4096).min(d.len() - at);
                let piece = d[at..at + len].to_vec();
                let to = (rng.next() as usize) % d.len();
                d.splice(to..to, piece);
            }
            _ => {
                // Change digits (lengths, offsets, object numbers) in the text parts.
                for _ in 0..1 + rng.next() % 32 {
                    let at = (rng.next() as usize) % d.len();
                    if d[at].is_ascii_digit() {
                        d[at] = b'0' + (rng.next() % 10) as u8;
                    }
                }
            }
        }
        let _ = check(&d);
    }
    // Hostile constructions.
    let pdf = |objects: &[&[u8]]| -> Vec<u8> {
        let mut body = b"%PDF-1.7\n".to_vec();
        let mut offsets = Vec::new();
        for (i, o) in objects.iter().enumerate() {
            offsets.push(body.len());
            body.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
            body.extend_from_slice(o);
            body.extend_from_slice(b"\nendobj\n");
        }
        let xref = body.len();
        body.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
        for o in offsets {
            body.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
        }
        body.extend_from_slice(
            format!(
                "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
                objects.len() + 1
            )
            .as_bytes(),
        );
        body
    };
    let nested = format!("{}1{}", "[".repeat(100_000), "]".repeat(100_000));
    let bomb_data = {
        // 80 MB of zeros deflated to 80 kB (miniz_oxide is already a dependency of the importer).
        let zeros = vec![0u8; 80 * 1024 * 1024];
        miniz_oxide::deflate::compress_to_vec_zlib(&zeros, 1)
    };
    let mut bomb_stream = format!("<< /Length {} /Filter /FlateDecode >>\nstream\n", bomb_data.len()).into_bytes();
    bomb_stream.extend_from_slice(&bomb_data);
    bomb_stream.extend_from_slice(b"\nendstream");
    let catalog: &[u8] = b"<< /Type /Catalog /Pages 2 0 R >>";
    let pages: &[u8] = b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>";
    let hostile: Vec<Vec<u8>> = vec![
        // A content stream nested 100,000 arrays deep.
        pdf(&[
            catalog,
            pages,
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
            format!("<< /Length {} >>\nstream\n{nested}\nendstream", nested.len()).as_bytes(),
        ]),
        // A dictionary nested as deep, as an object.
        pdf(&[
            catalog,
            pages,
            format!("{}{}", "<< /A ".repeat(50_000), ">>".repeat(50_000)).as_bytes(),
        ]),
        // A stream claiming a length far past the end of the file.
        pdf(&[
            catalog,
            pages,
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
            b"<< /Length 999999999999 >>\nstream\nBT ET\nendstream",
        ]),
        // A decompression bomb as the page's content.
        pdf(&[
            catalog,
            pages,
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
            &bomb_stream,
        ]),
        // A page tree that contains itself.
        pdf(&[catalog, b"<< /Type /Pages /Kids [2 0 R] /Count 1 >>"]),
        // A page count of a billion.
        pdf(&[
            catalog,
            b"<< /Type /Pages /Kids [3 0 R] /Count 1000000000 >>",
            b"<< /Type /Page /Parent 2 0 R >>",
        ]),
    ];
    for (i, h) in hostile.iter().enumerate() {
        assert!(!check(h), "hostile file {i} is refused with a message");
    }
    eprintln!("{runs} mutated + {} hostile PDFs, slowest {slowest:?}", hostile.len());
}
