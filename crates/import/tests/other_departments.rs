//! Departments the importer was not developed on (tests/fixtures/jiangsu-more, SOURCES.md
//! there): their published PDFs import with every check holding, their 收支预算总表 matches the
//! open-budget project's oracle line by line, their department is the one the tables name (not
//! the province on a cover page), and a file that never names its department asks for it.

use gongkai_import::{import_bytes, narrative::MissingFact, ImportError, ImportOptions};
use gongkai_model::tables::{without_number, TableKind};
use gongkai_model::*;
use rust_decimal::Decimal;
use std::path::Path;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/jiangsu-more");

fn import(name: &str, opts: &ImportOptions) -> Result<Bundle, ImportError> {
    import_bytes(&std::fs::read(Path::new(DIR).join(name)).unwrap(), opts)
}

#[test]
fn other_departments_match_their_oracle_and_every_check_holds() {
    let cases = [
        (
            "江苏省委办公厅",
            "中国共产党江苏省委员会办公厅",
            2017,
            "江苏省委办公厅2017年预算公开表格.pdf",
        ),
        (
            "江苏省委办公厅",
            "中共江苏省委办公厅",
            2018,
            "江苏省委办公厅2018年度部门预算公开表.pdf",
        ),
        (
            "江苏省委办公厅",
            "中共江苏省委办公厅",
            2019,
            "江苏省委办公厅2019年度部门预算公开表格.pdf",
        ),
        (
            "江苏省人民检察院",
            "江苏省人民检察院",
            2017,
            "2017年省检察院部门预算.pdf",
        ),
        (
            "江苏省人民检察院",
            "江苏省人民检察院",
            2018,
            "2018年省检察院部门预算公开.pdf",
        ),
    ];
    let mut compared = 0;
    for (oracle, department, year, file) in cases {
        let b = import(file, &ImportOptions::default()).unwrap_or_else(|e| panic!("{file}: {e}"));
        assert_eq!(
            (b.meta.department.as_str(), b.meta.fiscal_year),
            (department, year),
            "{file}"
        );
        let failing: Vec<String> = reconcile(&b)
            .into_iter()
            .filter(|c| c.status == CheckStatus::Fail)
            .map(|c| c.label(gongkai_model::i18n::Lang::Zh))
            .collect();
        assert!(failing.is_empty(), "{file}: {failing:?}");
        assert!(b.tables.len() >= 11, "{file}: {} tables", b.tables.len());
        let csv = std::fs::read_to_string(Path::new(DIR).join(format!("{oracle}-收支预算总表.csv"))).unwrap();
        let mut rows = csv.lines();
        let header: Vec<&str> = rows.next().unwrap().split(',').collect();
        let row: Vec<&str> = rows
            .map(|r| r.split(',').collect::<Vec<_>>())
            .find(|r| r[0].starts_with(&year.to_string()))
            .unwrap();
        let summary = b
            .tables
            .iter()
            .find(|t| t.kind == TableKind::Summary)
            .expect("收支预算总表");
        for (col, value) in header.iter().zip(&row).skip(1) {
            let line = summary.lines.iter().find(|l| without_number(&l.name) == *col);
            let got = line.and_then(|l| l.amount(0));
            if value.is_empty() {
                // The oracle has nothing: the table prints the line blank (未列), never 0.
                assert!(got.is_none(), "{file}: {col} = {got:?}, the oracle has none");
            } else {
                assert_eq!(got, Some(value.parse::<Decimal>().unwrap()), "{file}: {col}");
                compared += 1;
            }
        }
    }
    assert!(compared >= 60, "{compared} figures compared");
}

#[test]
fn a_file_that_never_names_its_department_asks_for_it() {
    let file = "省法院2017年度部门预算公开.pdf";
    match import(file, &ImportOptions::default()) {
        Err(ImportError::Missing(m)) => assert_eq!(m, vec![MissingFact::Department]),
        other => panic!("{file}: {:?}", other.map(|b| b.meta.department)),
    }
    let b = import(
        file,
        &ImportOptions {
            department: Some("江苏省高级人民法院".into()),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(b.meta.fiscal_year, 2017);
    let failing: Vec<String> = reconcile(&b)
        .into_iter()
        .filter(|c| c.status == CheckStatus::Fail)
        .map(|c| {
            format!(
                "{}: {}",
                c.label(gongkai_model::i18n::Lang::Zh),
                c.detail(gongkai_model::i18n::Lang::Zh)
            )
        })
        .collect();
    assert!(failing.is_empty(), "{failing:#?}");
    assert!(b.tables.iter().any(|t| t.kind == TableKind::GeneralPublic));
}

/// The narrative of the national template, read from a department the readers were not written
/// for: its duties are its 16 numbered 主要职责 (with the opening sentence), not its
/// organisation, its work plan or a table row; the organisation section has its units.
#[test]
fn the_narrative_sections_keep_to_their_own_text() {
    let b = import("2018年省检察院部门预算公开.pdf", &ImportOptions::default()).unwrap();
    assert_eq!(b.duties.len(), 17, "{:#?}", b.duties);
    assert!(b.duties[0].text.starts_with("人民检察院是国家的法律监督机关"));
    assert_eq!(b.duties[16].text, "负责其他应由省检察院承办的事项。");
    // No table row or amount among the duties (the tables' lines are read once, as tables).
    assert!(b
        .duties
        .iter()
        .all(|d| !d.text.contains("21,940.96") && !d.text.contains("外交支出")));
    assert!(b.organisation.text.contains("内设机构"), "{}", b.organisation.text);
    // The 主要工作任务 are kept as text, not as duties.
    assert!(b.notes.iter().any(|n| n.contains("公益诉讼")));
}
