//! The real disclosures of two Jiangsu departments, 2017–2019 (text made from the published PDFs
//! by pdftotext, with and without -layout: tests/fixtures/jiangsu/make.sh): the standard tables
//! come out line by line with their codes, every check holds, the figures match the oracle CSV
//! of the open-budget project, and a document that does not state its year or department says so.

mod common;
use gongkai_import::{import_bytes, ImportError, ImportOptions};
use gongkai_model::tables::{code_tree, TableKind};
use gongkai_model::*;
use std::path::Path;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/jiangsu");

fn import(name: &str, opts: &ImportOptions) -> Result<Bundle, ImportError> {
    let bytes = std::fs::read(Path::new(DIR).join(name)).unwrap();
    import_bytes(&bytes, opts)
}

fn fixtures() -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(DIR)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    v.sort();
    v
}

fn table(b: &Bundle, kind: TableKind) -> &tables::BudgetTable {
    b.tables
        .iter()
        .find(|t| t.kind == kind)
        .unwrap_or_else(|| panic!("{kind:?} in {}", b.meta.title))
}

fn amount(b: &Bundle, kind: TableKind, code: &str) -> String {
    let t = table(b, kind);
    t.lines
        .iter()
        .find(|l| l.code.as_deref() == Some(code))
        .and_then(|l| l.amount(0))
        .map(|d| d.to_string())
        .unwrap_or_else(|| panic!("{code} in {kind:?}"))
}

#[test]
fn every_document_imports_with_every_check_holding_or_says_what_it_lacks() {
    for name in fixtures() {
        match import(&name, &ImportOptions::default()) {
            Ok(b) => {
                let failing: Vec<String> = common::failing_checks(&b);
                assert!(failing.is_empty(), "{name}: {failing:#?}");
                assert!(b.meta.department.starts_with("江苏省"), "{name}: {}", b.meta.department);
                assert!((2017..=2019).contains(&b.meta.fiscal_year), "{name}");
                assert!(
                    name.contains(&b.meta.fiscal_year.to_string()),
                    "{name}: {}",
                    b.meta.fiscal_year
                );
                assert!(
                    b.meta.title.chars().count() <= 100,
                    "{name}: title is a title, not body text"
                );
            }
            // The 2019 narrative of the 政协 has its title only as an image: no department in
            // its text, so none is made up.
            Err(ImportError::Missing(m)) => {
                assert!(name.starts_with("江苏省政协办公厅2019年度部门预算"), "{name}: {m:?}");
                assert_eq!(m, vec![gongkai_import::narrative::MissingFact::Department]);
                let opts = ImportOptions {
                    department: Some("江苏省政协办公厅".into()),
                    ..Default::default()
                };
                let b = import(&name, &opts).expect("imports once the department is given");
                assert_eq!(
                    (b.meta.department.as_str(), b.meta.fiscal_year),
                    ("江苏省政协办公厅", 2019)
                );
            }
            Err(e) => panic!("{name}: {e}"),
        }
    }
}

#[test]
fn the_table_files_give_every_coded_table_line_by_line() {
    for name in fixtures()
        .iter()
        .filter(|n| n.contains("公开表") && n.ends_with(".layout.txt"))
    {
        let b = import(name, &ImportOptions::default()).unwrap();
        for kind in [
            TableKind::ExpenditureSummary,
            TableKind::FiscalExpenditure,
            TableKind::FiscalBasic,
            TableKind::GeneralPublic,
            TableKind::GeneralPublicBasic,
            TableKind::OperatingCosts,
        ] {
            let t = table(&b, kind);
            assert_eq!(t.unit, "万元", "{name} {kind:?}");
            assert!(
                t.lines.iter().all(|l| l.amounts.len() == t.columns.len()),
                "{name} {kind:?}"
            );
            if kind.classification().is_some() {
                let tree = code_tree(t);
                assert!(!tree.is_empty(), "{name} {kind:?}");
                assert!(t.total().is_some(), "{name} {kind:?} prints its 合计");
                let sum: rust_decimal::Decimal = tree.iter().filter_map(|n| n.amount).sum();
                assert_eq!(Some(sum), t.total(), "{name} {kind:?}: the 类 add up to 合计");
            }
        }
    }
}

#[test]
fn figures_of_the_2017_cppcc_tables() {
    let b = import(
        "江苏省政协办公厅2017年度部门预算公开表.layout.txt",
        &ImportOptions::default(),
    )
    .unwrap();
    assert_eq!(amount(&b, TableKind::GeneralPublic, "201"), "6463.55");
    assert_eq!(amount(&b, TableKind::GeneralPublic, "2010205"), "429.30");
    assert_eq!(amount(&b, TableKind::GeneralPublic, "2210202"), "751.77");
    assert_eq!(amount(&b, TableKind::GeneralPublicBasic, "30309"), "0.50");
    assert_eq!(amount(&b, TableKind::OperatingCosts, "31002"), "95.00");
    let t = table(&b, TableKind::GeneralPublic);
    let line = t.lines.iter().find(|l| l.code.as_deref() == Some("2080504")).unwrap();
    assert_eq!(line.name, "未归口管理的行政单位离退休");
    assert!(line.source_line.is_some(), "every figure knows its line");
    let fund = table(&b, TableKind::GovernmentFund);
    assert!(fund.coded_lines().next().is_none());
    assert_eq!(fund.notes, vec!["注：我单位无2017年政府性基金支出安排。".to_string()]);
    let s = table(&b, TableKind::ExpenditureSummary);
    assert_eq!(
        s.columns,
        ["合计", "基本支出", "项目支出", "单位预留机动经费", "结转下年资金"]
    );
}

/// The 收支预算总表 oracle (江苏省人大办公厅-收支预算总表.csv, one row per year) against the 人大's
/// 支出预算总表 and the 类 of its 一般公共预算支出预算表, for each year's document.
#[test]
fn the_npc_office_matches_the_oracle_for_each_year() {
    let csv = std::fs::read_to_string(Path::new(DIR).join("江苏省人大办公厅-收支预算总表.csv")).unwrap();
    let mut rows = csv.lines();
    let header: Vec<&str> = rows.next().unwrap().split(',').collect();
    let docs = [
        (2017, "江苏省人大办公厅2017年度预算公开"),
        (2018, "省人大办公厅2018预算公开"),
        (2019, "江苏省人大常委会办公厅2019年部门预算公开表"),
    ];
    let mut checked = 0;
    for row in rows {
        let cells: Vec<&str> = row.split(',').collect();
        let year: i32 = cells[0][..4].parse().unwrap();
        let get = |col: &str| -> rust_decimal::Decimal {
            let i = header.iter().position(|h| *h == col).unwrap();
            cells[i].parse().unwrap()
        };
        let (_, doc) = docs.iter().find(|(y, _)| *y == year).unwrap();
        // The published PDF itself, and the text pdftotext makes of it.
        for form in ["layout", "raw", "pdf"] {
            let name = match form {
                "pdf" => format!("pdf/{doc}.pdf"),
                _ => format!("{doc}.{form}.txt"),
            };
            let b = import(&name, &ImportOptions::default()).unwrap();
            assert_eq!(b.meta.fiscal_year, year, "{name}");
            if form == "raw" && year == 2018 {
                // Plain pdftotext put this year's cells out of order (an amount after the next
                // line's name): the table is reported, not read with shifted amounts.
                assert!(b.tables.iter().all(|t| t.kind != TableKind::GeneralPublic), "{name}");
                let report = b.import_report.as_ref().unwrap();
                assert!(
                    report
                        .skipped
                        .iter()
                        .any(|s| s.reason.starts_with("一般公共预算支出预算表") && s.reason.contains("次序错乱")),
                    "{name}: {:#?}",
                    report.skipped
                );
                checked += 1;
                continue;
            }
            let gp = table(&b, TableKind::GeneralPublic);
            let class = |code: &str| {
                gp.lines
                    .iter()
                    .find(|l| l.code.as_deref() == Some(code))
                    .and_then(|l| l.amount(0))
            };
            assert_eq!(gp.total(), Some(get("一般公共预算")), "{name}");
            assert_eq!(class("201"), Some(get("一般公共服务支出")), "{name}");
            assert_eq!(class("208"), Some(get("社会保障和就业支出")), "{name}");
            assert_eq!(class("221"), Some(get("住房保障支出")), "{name}");
            if form != "raw" {
                // Every line of the 收支预算总表 the oracle lists.
                let summary = table(&b, TableKind::Summary);
                for col in &header[1..] {
                    let line = summary
                        .lines
                        .iter()
                        .find(|l| tables::without_number(&l.name) == *col)
                        .unwrap_or_else(|| {
                            panic!(
                                "{name}: no line {col} in {:?}",
                                summary.lines.iter().map(|l| &l.name).collect::<Vec<_>>()
                            )
                        });
                    assert_eq!(line.amount(0), Some(get(col)), "{name}: {col}");
                }
                assert_eq!(
                    b.revenue.total,
                    Some(get("收入合计")),
                    "{name}: revenue total from the table"
                );
                let s = table(&b, TableKind::ExpenditureSummary);
                let col = |c: &str| s.column(c).and_then(|i| s.lines[0].amount(i));
                assert_eq!(col("合计"), Some(get("支出合计")), "{name}");
                assert_eq!(col("基本支出"), Some(get("基本支出")), "{name}");
                assert_eq!(col("项目支出"), Some(get("项目支出")), "{name}");
                assert_eq!(col("单位预留机动经费"), Some(get("单位预留机动经费")), "{name}");
            }
            checked += 1;
        }
    }
    assert_eq!(checked, 9, "three years, two text forms and the PDF");
}

#[test]
fn a_document_without_its_year_or_department_is_not_given_one() {
    let text =
        std::fs::read_to_string(Path::new(DIR).join("江苏省政协办公厅2017年度部门预算公开表.layout.txt")).unwrap();
    let no_year = text.replace("2017年", "本年").replace("2017", "本");
    match gongkai_import::import_text(&no_year, &ImportOptions::default()) {
        Err(ImportError::Missing(m)) => assert_eq!(m, vec![gongkai_import::narrative::MissingFact::Year]),
        other => panic!(
            "expected the year to be missing: {:?}",
            other.map(|b| b.meta.fiscal_year)
        ),
    }
    let msg = ImportError::Missing(vec![gongkai_import::narrative::MissingFact::Year]).to_string();
    assert!(msg.contains("--year"), "{msg}");
    let no_dept = text
        .replace("部门：江苏省政协办公厅", "部门：")
        .replace("江苏省政协办公厅", "");
    match gongkai_import::import_text(&no_dept, &ImportOptions::default()) {
        Err(ImportError::Missing(m)) => assert_eq!(m, vec![gongkai_import::narrative::MissingFact::Department]),
        other => panic!(
            "expected the department to be missing: {:?}",
            other.map(|b| b.meta.department)
        ),
    }
    let given = ImportOptions {
        year: Some(2017),
        department: Some("江苏省政协办公厅".into()),
        ..Default::default()
    };
    let b = gongkai_import::import_text(&no_year, &given).unwrap();
    assert_eq!(b.meta.fiscal_year, 2017);
    // A table removed: the bundle simply does not have it (no invented lines, no zero total).
    let cut = text.find("一般公共预算支出预算表").unwrap();
    let end = text[cut..].find("表九").map(|e| cut + e).unwrap();
    let without = format!("{}{}", &text[..cut], &text[end..]);
    let b = gongkai_import::import_text(&without, &ImportOptions::default()).unwrap();
    assert!(b.tables.iter().all(|t| t.kind != TableKind::GeneralPublic));
    assert!(reconcile(&b).iter().all(|c| c.status != CheckStatus::Fail));
}

/// Two years of the 政协 compared line by line by 科目 code: 2018 adds the pension contribution
/// lines (2080505, 2080506) under 20805, and every other line is matched across the years.
#[test]
fn two_years_compared_by_code() {
    let y2017 = import(
        "江苏省政协办公厅2017年度部门预算公开表.layout.txt",
        &ImportOptions::default(),
    )
    .unwrap();
    let y2018 = import(
        "江苏省政协办公厅2018度部门预算公开表.layout.txt",
        &ImportOptions::default(),
    )
    .unwrap();
    let sections = gongkai_model::compare::compare(gongkai_model::i18n::Lang::Zh, &y2017, &y2018);
    let gp = sections
        .iter()
        .find(|s| s.title == "一般公共预算支出预算表")
        .expect("compared");
    let row = |code: &str| {
        gp.rows
            .iter()
            .find(|r| r.name.starts_with(&format!("{code} ")))
            .unwrap_or_else(|| panic!("{code}"))
    };
    use gongkai_model::compare::LineChange;
    assert_eq!(row("201").change, LineChange::Changed);
    assert_eq!(row("201").before.unwrap().to_string(), "6463.55");
    let added: Vec<&str> = gp
        .rows
        .iter()
        .filter(|r| r.change == LineChange::Added)
        .map(|r| r.name.as_str())
        .collect();
    assert!(added.iter().any(|n| n.starts_with("2080505 ")), "{added:?}");
    for r in &gp.rows {
        assert!(
            r.change == LineChange::Added || r.before.is_some() || r.change == LineChange::Removed,
            "{}",
            r.name
        );
    }
}

/// The same tables published as an Excel workbook and as a Word document (made by make_xlsx.py
/// and make_docx.py from the 2017 tables): every table, line, code, name and amount as read from
/// the PDF's text.
#[test]
fn the_excel_workbook_and_the_word_document_give_the_same_tables() {
    let layout = import(
        "江苏省政协办公厅2017年度部门预算公开表.layout.txt",
        &ImportOptions::default(),
    )
    .unwrap();
    for (file, input) in [
        ("江苏省政协办公厅2017年度部门预算公开表.xlsx", "xlsx"),
        ("江苏省政协办公厅2017年度部门预算公开表.docx", "docx"),
    ] {
        let other = import(file, &ImportOptions::default()).unwrap();
        assert_eq!(
            (other.meta.department.as_str(), other.meta.fiscal_year),
            ("江苏省政协办公厅", 2017),
            "{file}"
        );
        assert_eq!(other.import_report.as_ref().unwrap().input, input);
        type Line = (
            Option<String>,
            String,
            Option<String>,
            Vec<Option<rust_decimal::Decimal>>,
        );
        let lines = |t: &tables::BudgetTable| -> Vec<Line> {
            t.lines
                .iter()
                .map(|l| {
                    (
                        l.code.clone(),
                        l.name.clone(),
                        l.part.clone(),
                        l.amounts.iter().map(|c| c.0).collect(),
                    )
                })
                .collect()
        };
        assert_eq!(other.tables.len(), layout.tables.len(), "{file}");
        for t in &layout.tables {
            let x = table(&other, t.kind);
            assert_eq!(x.columns, t.columns, "{file} {:?}", t.kind);
            // Decimal equality is by value: the workbook's 1027.9 is the PDF's 1027.90.
            assert_eq!(lines(x), lines(t), "{file} {:?}", t.kind);
        }
        assert!(
            reconcile(&other).iter().all(|c| c.status != CheckStatus::Fail),
            "{file}"
        );
    }
}

/// The narrative's “三公” items are the items it gives figures for, not the sentences that define
/// them ("因公出国（境）费反映单位公务出国（境）的住宿费…").
#[test]
fn three_public_items_are_items_not_definitions() {
    let b = import("江苏省政协办公厅2018年度部门预算.layout.txt", &ImportOptions::default()).unwrap();
    let items: Vec<(&str, String)> = b
        .three_public
        .items
        .iter()
        .map(|i| (i.name.as_str(), i.amount.map(|a| a.to_string()).unwrap_or_default()))
        .collect();
    assert_eq!(
        items,
        [
            ("因公出国（境）费支出", "106".to_string()),
            ("公务用车购置及运行维护费支出", "156.60".to_string()),
            ("公务接待费支出", "412.50".to_string())
        ]
    );
    // Each item's reason is its own, and the “（2）公务用车运行维护费…与上年数一致” under the car
    // item is not the next item's change (it was read as 公务接待费's).
    let reception = &b.three_public.items[2];
    assert_eq!(reception.reason, "公务接待批次和人数减少");
    assert!(
        reception.change_text.is_empty() && reception.change.is_none(),
        "{reception:?}"
    );
    assert_eq!(b.three_public.items[0].reason, "临时性出访任务增加");
}

/// A held-out Jiangsu narrative (省检察院 2019, 说明 九) lists the items, then numbers them with
/// their changes: each change and reason stays with its own item, and a figure cut by a page
/// break is left out rather than taken from the next item.
#[test]
fn numbered_three_public_items_keep_their_own_changes() {
    let text = "江苏省人民检察院2019年度部门预算\n\n九、一般公共预算“三公”经费、会议费、培训费支出预算情况说明\n\
省检察院2019年度一般公共预算拨款安排的“三公”经费预算支出中，因公出国（境）费支出80万元，占“三公”经费的19.1%；公务用车购置及运行费支出237万元，占“三公”经费的56.7%；公务接待费支出101.26万元，占“三公”经费的24.2%。具体情况如下：\n\
1．因公出国（境）费预算支出80万元，比上年预算减少20万元，主要是省检察院贯彻厉行节约规定。\n\
2．公务用车购置及运行费预算支出237万元。\n\
3．公务接待费预算支出101.26万元，比上年预算减少15.24万元，主要是贯彻落实中央“八项规定”作出的选择。\n";
    let b = gongkai_import::import_text(text, &ImportOptions::default()).unwrap();
    let items: Vec<(&str, Option<String>)> = b
        .three_public
        .items
        .iter()
        .map(|i| (i.name.as_str(), i.change.map(|c| c.to_string())))
        .collect();
    assert_eq!(
        items,
        [
            ("因公出国（境）费支出", Some("-20".to_string())),
            ("公务用车购置及运行费支出", None),
            ("公务接待费支出", Some("-15.24".to_string())),
        ]
    );
}

/// The Fiscal Data Package of a department with the standard tables: its expenditure rows are
/// the 功能分类 lines with their codes (no line counted twice: they add up to the table's 合计),
/// and basic expenditure by 经济分类 code is its own resource.
#[test]
fn the_fiscal_data_package_carries_the_codes() {
    let b = import(
        "江苏省政协办公厅2017年度部门预算公开表.layout.txt",
        &ImportOptions::default(),
    )
    .unwrap();
    let files = gongkai_model::fdp::fiscal_data_package(&b, Some("jiangsu-zx-2017.json")).unwrap();
    let get = |n: &str| files.iter().find(|(f, _)| f == n).map(|(_, c)| c.clone()).unwrap();
    let budget = get("budget.csv");
    assert!(
        budget.contains(",2010201,行政运行,expenditure,approved,2017,CNY,32330300\r\n"),
        "{budget}"
    );
    let total: rust_decimal::Decimal = budget
        .lines()
        .skip(1)
        .filter(|l| l.contains(",expenditure,"))
        .map(|l| l.rsplit(',').next().unwrap().parse::<rust_decimal::Decimal>().unwrap())
        .sum();
    assert_eq!(
        total.to_string(),
        "90667900",
        "the leaves add up to 一般公共预算支出 9,066.79 万元"
    );
    assert!(
        !budget.contains(",201,一般公共服务支出,"),
        "a 类 with 款 under it is not a row of its own"
    );
    let economic = get("economic.csv");
    assert!(economic.contains("30101,基本工资,2017,CNY,7379400\r\n"), "{economic}");
    let desc = get("datapackage.json");
    assert!(
        desc.contains("\"classificationType\": \"functional\""),
        "the 功能分类 is a classification dimension"
    );
}

/// Mutation fuzzing of the standard-table readers and the Excel and Word paths: the tables'
/// text with lines cut, repeated, shifted and spliced with table words; the workbook and the Word
/// document truncated and with bytes changed. Nothing may panic; whatever imports serialises and
/// parses back.
#[test]
fn the_table_readers_never_panic_on_mutated_documents() {
    let mut rng = common::Rng(0x2545F4914F6CDD1D);
    let runs: usize = common::fuzz_runs(150);
    let check = |bytes: &[u8]| {
        if let Ok(b) = gongkai_import::import_bytes(
            bytes,
            &ImportOptions {
                year: Some(2017),
                department: Some("某部门".into()),
                ..Default::default()
            },
        ) {
            let json = gongkai_model::to_json(&b);
            gongkai_model::parse_bundle(&json, "fuzz.json").expect("an imported bundle parses back");
        }
    };
    let text =
        std::fs::read_to_string(Path::new(DIR).join("江苏省政协办公厅2017年度部门预算公开表.layout.txt")).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let pieces = [
        "合计",
        "小计",
        "一、",
        "201",
        "2010201",
        "单位：万元",
        "部门：",
        "  ",
        "9,066.79",
        "—",
        "\u{c}",
        "公开07表",
        "收支预算总表",
        "其中：",
    ];
    for _ in 0..runs {
        let mut out: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
        for _ in 0..(1 + rng.next() % 10) {
            let i = (rng.next() as usize) % out.len().max(1);
            match rng.next() % 5 {
                0 => {
                    out.remove(i.min(out.len().saturating_sub(1)));
                }
                1 => {
                    let l = out[i].clone();
                    out.insert(i, l);
                }
                2 => out[i] = format!("{}{}", " ".repeat((rng.next() % 40) as usize), out[i].trim_start()),
                3 => {
                    let p = pieces[(rng.next() as usize) % pieces.len()];
                    let at = out[i]
                        .char_indices()
                        .map(|(k, _)| k)
                        .nth((rng.next() as usize) % (out[i].chars().count() + 1))
                        .unwrap_or(out[i].len());
                    out[i].insert_str(at, p);
                }
                _ => out.truncate(i),
            }
            if out.is_empty() {
                out.push(String::new());
            }
        }
        check(out.join("\n").as_bytes());
    }
    for file in [
        "江苏省政协办公厅2017年度部门预算公开表.xlsx",
        "江苏省政协办公厅2017年度部门预算公开表.docx",
    ] {
        let original = std::fs::read(Path::new(DIR).join(file)).unwrap();
        for _ in 0..runs / 3 {
            let mut bytes = original.clone();
            match rng.next() % 2 {
                0 => bytes.truncate((rng.next() as usize) % bytes.len()),
                _ => {
                    for _ in 0..(1 + rng.next() % 8) {
                        let i = (rng.next() as usize) % bytes.len();
                        bytes[i] = rng.next() as u8;
                    }
                }
            }
            check(&bytes);
        }
    }
}
