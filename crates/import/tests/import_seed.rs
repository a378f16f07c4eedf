//! The importer reproduces data/ exactly from the seed document, handles other layouts, and never
//! panics on hostile input.

mod common;
use gongkai_import::*;
use gongkai_model::*;
use rust_decimal::Decimal;
use std::str::FromStr;

const SEED_DOC: &[u8] = include_bytes!("fixtures/000_462ce516b33954bc.txt");
const SEED_BUNDLE: &str = include_str!("../../../data/pingxiang-fgj-2017.json");

fn seed_opts() -> ImportOptions {
    ImportOptions {
        file_name: Some("000_462ce516b33954bc.txt".into()),
        province: Some("河北省".into()),
        city: Some("邢台市".into()),
        ..Default::default()
    }
}

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

#[test]
fn seed_imports_to_the_exact_bundle_in_data() {
    let b = import_bytes(SEED_DOC, &seed_opts()).unwrap();
    assert_eq!(to_json(&b), SEED_BUNDLE, "run: gongkai import crates/import/tests/fixtures/000_462ce516b33954bc.txt --province 河北省 --city 邢台市 -o data/pingxiang-fgj-2017.json");
    let r = b.import_report.as_ref().unwrap();
    assert!(r.sections_missing.is_empty(), "{r:?}");
    // The only thing left out is a converter's bookmark marker, and it is reported.
    assert_eq!(r.skipped.len(), 1, "{:?}", r.skipped);
    assert_eq!(
        (r.skipped[0].line, r.skipped[0].text.as_str()),
        (692, "[bookmark: _GoBack]")
    );
    let consumer = &b.performance.activities[7].sub_activities[3];
    assert!(
        consumer.description.starts_with("组织实施重要消费品"),
        "{}",
        consumer.description
    );
}

#[test]
fn seed_in_gbk_utf16_and_crlf_imports_the_same() {
    let text = std::str::from_utf8(SEED_DOC).unwrap();
    let reference = import_bytes(SEED_DOC, &seed_opts()).unwrap();
    let (gbk, _, _) = encoding_rs::GBK.encode(text);
    let mut utf16 = vec![0xFF, 0xFE];
    for u in text.encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    let crlf = text.replace('\n', "\r\n");
    for bytes in [gbk.into_owned(), utf16, crlf.into_bytes()] {
        let b = import_bytes(&bytes, &seed_opts()).unwrap();
        assert_eq!(b.performance, reference.performance);
        assert_eq!(b.three_public, reference.three_public);
        assert_eq!(b.assets, reference.assets);
    }
}

#[test]
fn amounts_in_yuan_with_thousands_separators_are_converted() {
    let doc = include_str!("fixtures/narrative_yuan.txt");
    let b = import_text(doc, &ImportOptions::default()).unwrap();
    assert_eq!(b.meta.department, "某县教育局");
    assert_eq!(b.meta.fiscal_year, 2018);
    assert_eq!(b.meta.unit, "元");
    assert_eq!(b.revenue.total, Some(d("179816800")));
    assert_eq!(b.expenditure.categories.len(), 2);
    assert_eq!(b.change.total, Some(d("-1000000")));
    assert_eq!(b.change.base_year, Some(2017));
    let tp = &b.three_public;
    assert_eq!(tp.total, Some(d("118200")));
    assert_eq!(tp.total_change, Some(d("-23500")));
    assert_eq!(tp.items.len(), 3);
    assert_eq!(tp.items[1].kind, ThreePublicKind::VehicleOperation);
    assert_eq!(tp.items[1].change, Some(d("-23500")));
    assert_eq!(tp.items[1].reason, "公车改革");
    assert_eq!(tp.items[2].change, Some(Decimal::ZERO));
    let report = b.import_report.unwrap();
    assert!(report.sections_missing.contains(&"绩效预算".to_string()));
    assert!(report.sections_missing.contains(&"国有资产".to_string()));
    // Every check that can be made holds.
    let b2 = import_text(doc, &ImportOptions::default()).unwrap();
    assert!(reconcile(&b2).iter().all(|c| c.status != CheckStatus::Fail));
}

#[test]
fn unreadable_documents_give_clear_errors() {
    assert_eq!(
        import_bytes(b"", &ImportOptions::default()),
        Err(ImportError::Decode(decode::DecodeError::Empty))
    );
    assert!(matches!(
        import_bytes(b"%PDF-1.7\n...", &ImportOptions::default()),
        Err(ImportError::Pdf(gongkai_import::pdf::PdfError::Unreadable(_)))
    ));
    assert!(matches!(
        import_text("hello world\nnothing here", &ImportOptions::default()),
        Err(ImportError::NotADisclosure { lines: 2 })
    ));
}

/// Mutation fuzzing: cut, duplicate, delete and replace pieces of the seed (on char boundaries
/// and not), insert control characters, markup and huge numbers. Nothing may panic, and every
/// bundle the importer produces must serialise and parse back.
#[test]
fn importer_never_panics_on_mutated_documents() {
    let text = std::str::from_utf8(SEED_DOC).unwrap();
    let pieces = [
        "\t",
        "\n",
        "\n\n",
        "　　",
        "—",
        "1,49",
        "99999999999999999999999万元",
        "<script>alert(1)</script>",
        "\u{0}",
        "\u{feff}",
        "（",
        "）",
        "其中：",
        "减：",
        "一、",
        "比上年减少",
        "万元",
        "%",
        "\r",
    ];
    let mut rng = common::Rng(0x9E3779B97F4A7C15);
    let runs = common::fuzz_runs(300);
    for _ in 0..runs {
        let mut bytes = text.as_bytes().to_vec();
        for _ in 0..(1 + rng.next() % 8) {
            let len = bytes.len().max(1);
            let at = (rng.next() as usize) % len;
            match rng.next() % 5 {
                0 => bytes.truncate(at),
                1 => {
                    let end = (at + (rng.next() as usize % 400)).min(bytes.len());
                    bytes.drain(at..end);
                }
                2 => {
                    let p = pieces[(rng.next() as usize) % pieces.len()].as_bytes();
                    let at = at.min(bytes.len());
                    bytes.splice(at..at, p.iter().copied());
                }
                3 => {
                    let end = (at + (rng.next() as usize % 2000)).min(bytes.len());
                    let chunk = bytes[at.min(end)..end].to_vec();
                    bytes.extend_from_slice(&chunk);
                }
                _ => {
                    if !bytes.is_empty() {
                        let i = at.min(bytes.len() - 1);
                        bytes[i] = rng.next() as u8;
                    }
                }
            }
        }
        if let Ok(b) = import_bytes(&bytes, &ImportOptions::default()) {
            let json = to_json(&b);
            // Structural problems are allowed (e.g. a negative total typed into a document), but
            // the JSON itself must always be readable.
            match parse_bundle(&json, "fuzz.json") {
                Ok(back) => assert_eq!(back, b),
                Err(LoadError::Invalid { .. }) => {}
                Err(e) => panic!("importer wrote an unreadable bundle: {e}"),
            }
            let _ = reconcile(&b);
        }
    }
}

#[test]
fn pdf_extracted_text_keeps_narrative_figures_and_the_assets_table() {
    let doc = include_str!("fixtures/seed_pdftext.txt");
    let b = import_text(doc, &ImportOptions::default()).unwrap();
    let reference = import_bytes(SEED_DOC, &seed_opts()).unwrap();
    let r = b.import_report.as_ref().unwrap();
    assert_eq!(r.input, "pdf-text");
    assert_eq!(r.lines, doc.lines().count());
    assert_eq!(b.duties, reference.duties);
    assert_eq!(b.organisation.units, reference.organisation.units);
    assert_eq!(b.revenue, reference.revenue);
    assert_eq!(b.expenditure, reference.expenditure);
    assert_eq!(b.change, reference.change);
    assert_eq!(b.three_public, reference.three_public);
    assert_eq!(b.assets, reference.assets);
    assert_eq!(b.glossary, reference.glossary);
    // The performance table cannot be rebuilt from one-cell-per-line text: every line of it is
    // reported with its line number instead of being guessed.
    assert!(b.performance.activities.is_empty());
    assert!(r.skipped.len() > 1000);
    let first = r.skipped.iter().find(|s| s.reason.contains("绩效表")).unwrap();
    assert_eq!(
        doc.lines().nth(first.line - 1).unwrap().trim_start_matches('\u{0c}'),
        first.text
    );
    assert!(reconcile(&b).iter().all(|c| c.status != CheckStatus::Fail));
}

#[test]
fn narrative_only_notice_without_headings() {
    let doc = "平乡县某局2019年部门预算公开\n本部门2019年共安排预算收入1,200.50万元，一般公共预算拨款1,200.50万元。\n本部门2019年共安排预算支出1,200.50万元，工资福利支出800.00万元，项目支出400.50万元。\n安排“三公”经费11.82万元，比上年增加2.35万元。\n";
    let b = import_text(doc, &ImportOptions::default()).unwrap();
    assert_eq!(b.meta.department, "平乡县某局");
    assert_eq!(b.meta.fiscal_year, 2019);
    assert_eq!(b.revenue.total, Some(d("1200.50")));
    assert_eq!(b.expenditure.total, Some(d("1200.50")));
    assert_eq!(b.expenditure.categories.len(), 2);
    assert_eq!(b.three_public.total, Some(d("11.82")));
    assert_eq!(b.three_public.total_change, Some(d("2.35")));
    assert!(reconcile(&b).iter().all(|c| c.status != CheckStatus::Fail));
}

#[test]
fn hostile_text_is_kept_as_text_and_huge_input_is_refused() {
    let doc = "某县<script>alert(1)</script>局\n2018年部门预算公开\n一、部门职责\n（一）<img src=x onerror=alert(1)>负责\u{7}工作。\n";
    let b = import_text(doc, &ImportOptions::default()).unwrap();
    assert_eq!(b.duties[0].text, "<img src=x onerror=alert(1)>负责工作。");
    let huge = vec![b'a'; MAX_DOCUMENT_BYTES + 1];
    assert!(matches!(
        import_bytes(&huge, &ImportOptions::default()),
        Err(ImportError::TooLarge { .. })
    ));
}

/// seed.docx (made by fixtures/make_fixtures.py with python-docx: real Word tables with
/// horizontally and vertically merged cells) imports to the same bundle as the seed text.
#[test]
fn docx_tables_with_merged_cells_import_like_the_text() {
    let bytes = include_bytes!("fixtures/seed.docx");
    let mut b = import_bytes(bytes, &seed_opts()).unwrap();
    let report = b.import_report.take().unwrap();
    assert_eq!(report.input, "docx");
    assert!(
        report.skipped.iter().all(|s| s.text.starts_with("[bookmark:")),
        "{:?}",
        report.skipped
    );
    let mut reference = import_bytes(SEED_DOC, &seed_opts()).unwrap();
    reference.import_report = None;
    assert_eq!(b, reference);
}

#[test]
fn damaged_docx_is_a_clear_error() {
    let bytes = include_bytes!("fixtures/seed.docx");
    let cut = &bytes[..bytes.len() / 2];
    let err = import_bytes(cut, &ImportOptions::default()).unwrap_err();
    assert!(err.to_string().contains("Word document"), "{err}");
}

/// The classic nine-table layout: figures in 收支总表 and “三公”经费支出表 (amounts in 元 with
/// thousands separators, a two-row header with 小计/购置费/运行费), other tables reported.
#[test]
fn nine_table_layout() {
    let doc = include_str!("fixtures/nine_tables.txt");
    let b = import_text(doc, &ImportOptions::default()).unwrap();
    assert_eq!(b.meta.unit, "万元");
    assert_eq!(b.revenue.total, Some(d("1798.168")));
    assert_eq!(
        b.revenue.sources,
        vec![Line {
            name: "一般公共预算拨款".into(),
            amount: Some(d("1798.168"))
        }]
    );
    let cats: Vec<(&str, Decimal)> = b
        .expenditure
        .categories
        .iter()
        .map(|c| (c.name.as_str(), c.amount.unwrap()))
        .collect();
    assert_eq!(
        cats,
        [
            ("工资福利支出", d("1200")),
            ("商品和服务支出", d("300")),
            ("对个人和家庭的补助", d("98.168")),
            ("项目支出", d("200"))
        ]
    );
    let tp: Vec<(&str, ThreePublicKind, Decimal)> = b
        .three_public
        .items
        .iter()
        .map(|i| (i.name.as_str(), i.kind, i.amount.unwrap()))
        .collect();
    assert_eq!(
        tp,
        [
            ("因公出国（境）费", ThreePublicKind::Overseas, d("0")),
            ("购置费", ThreePublicKind::VehiclePurchase, d("0")),
            ("运行费", ThreePublicKind::VehicleOperation, d("12")),
            ("公务接待费", ThreePublicKind::Reception, d("6.85")),
        ]
    );
    assert_eq!(b.three_public.total, Some(d("18.85")));
    let r = b.import_report.as_ref().unwrap();
    assert!(r.sections_found.contains(&"收支总表".to_string()));
    assert!(!r.sections_missing.contains(&"“三公”经费".to_string()));
    assert_eq!(r.skipped.len(), 2, "{:?}", r.skipped);
    assert_eq!(r.skipped[1].line, 42);
    assert!(reconcile(&b).iter().all(|c| c.status != CheckStatus::Fail));
}

/// The model's ZIP writer (used for the Fiscal Data Package download) round-trips through the
/// importer's bounded ZIP reader.
#[test]
fn stored_zip_round_trips() {
    let b = import_bytes(SEED_DOC, &seed_opts()).unwrap();
    let files: Vec<(String, Vec<u8>)> = gongkai_model::fdp::fiscal_data_package(&b, None)
        .unwrap()
        .into_iter()
        .map(|(n, c)| (n, c.into_bytes()))
        .collect();
    let zip = gongkai_model::zip::stored_zip(&files);
    for (name, content) in &files {
        assert_eq!(&gongkai_import::docx::zip_entry(&zip, name).unwrap(), content, "{name}");
    }
}

/// A notice titled "关于平武县林业和草原局2019年…的说明" names the department without its 关于 (a
/// held-out Sichuan page read the department as "关于平武县林业和草原局").
#[test]
fn a_notice_titled_guanyu_names_its_department_without_it() {
    let text = "关于平武县林业和草原局2019年财政拨款“三公”经费预算情况的说明\n\n\
                2019年“三公”经费预算数为12.50万元，其中：公务接待费2.50万元，公务用车运行维护费10.00万元。\n";
    let b = import_text(text, &ImportOptions::default()).unwrap();
    assert_eq!(b.meta.department, "平武县林业和草原局");
    assert_eq!(b.meta.fiscal_year, 2019);
}
