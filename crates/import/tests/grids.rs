//! The grid producers on real files: an Excel sheet whose header is merged cells over three rows
//! and whose codes are printed over 类 | 款 | 项 cells (tests/fixtures/grids/make_xlsx.py), and a
//! PDF whose pages draw their tables with rules — and one page that rules only part of a table,
//! whose table is laid out from its text instead.

use gongkai_import::{document_text_of, import_bytes, ImportOptions};
use gongkai_model::tables::TableKind;
use gongkai_model::*;
use std::path::Path;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

fn read(rel: &str) -> Vec<u8> {
    std::fs::read(Path::new(FIXTURES).join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

#[test]
fn an_excel_header_of_merged_cells_names_its_columns_and_codes_join_over_their_cells() {
    let b = import_bytes(&read("grids/merged-header.xlsx"), &ImportOptions::default()).unwrap();
    assert_eq!(
        (b.meta.department.as_str(), b.meta.fiscal_year),
        ("上海市普陀区司法局", 2026)
    );
    let t = b
        .tables
        .iter()
        .find(|t| t.kind == TableKind::GeneralPublic)
        .expect("the table");
    assert_eq!(t.unit, "元");
    assert_eq!(t.columns, ["合计", "基本支出", "项目支出"]);
    let line = |code: &str| t.lines.iter().find(|l| l.code.as_deref() == Some(code)).unwrap();
    assert_eq!(line("2040601").name, "行政运行");
    assert_eq!(line("2040601").amount(0).unwrap().to_string(), "16726725.44");
    assert_eq!(line("2040601").amount(2).unwrap().to_string(), "0", "a printed 0 is 0");
    assert_eq!(line("20406").name, "司法");
    assert_eq!(t.total().unwrap().to_string(), "87267272.44");
    assert_eq!(t.lines.len(), 9, "eight coded lines and the 合计");
    let failing: Vec<String> = reconcile(&b)
        .into_iter()
        .filter(|c| c.status == CheckStatus::Fail)
        .map(|c| c.label(gongkai_model::i18n::Lang::Zh))
        .collect();
    assert!(failing.is_empty(), "{failing:?}");
}

#[test]
fn a_pdf_is_read_from_its_rules_and_a_partly_ruled_page_from_its_text() {
    let text = document_text_of(&read("jiangsu/pdf/江苏省人大办公厅2017年度预算公开.pdf")).unwrap();
    let ruled = text.matches(", pdf-rules, page ").count();
    let laid = text
        .lines()
        .filter(|l| l.starts_with("┌ table") && l.contains(", text,"))
        .count();
    assert!(ruled >= 15, "{ruled} ruled grids");
    assert!(
        laid >= 1,
        "the page that rules only the top of its table is laid out from text"
    );
    // A grid as the readers see it: the 支出预算总表's one row under its header (· an empty
    // ruled cell).
    assert!(text.contains("  | 合计 | 基本支出 | 项目支出 | 单位预留机动经费 | 结转下年资金 |\n  | 13,649.07 | 7,666.68 | 5,853.96 | 128.43 | · |"), "{text}");
}
