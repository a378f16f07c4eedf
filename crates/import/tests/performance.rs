//! The national performance tables (绩效目标表, 绩效自评表) read from files that reproduce real
//! published layouts (tests/fixtures/performance/NOTES.md says which): every indicator, value and
//! figure in its place, several projects per document, a table continued in a second grid.

use gongkai_import::{import_bytes, ImportOptions};
use gongkai_model::performance_targets::{FundRole, PerformanceForm, ProjectPerformance};
use gongkai_model::*;
use std::path::Path;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/performance");

fn import(name: &str) -> Bundle {
    let bytes = std::fs::read(Path::new(FIXTURES).join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    import_bytes(&bytes, &ImportOptions::default()).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// (一级, 二级, 三级, target as shown, achieved, weight, score) of every indicator.
fn rows(p: &ProjectPerformance) -> Vec<(String, String, String, String, String, String, String)> {
    let s = |o: Option<rust_decimal::Decimal>| o.map(|d| d.to_string()).unwrap_or_default();
    p.indicators
        .iter()
        .map(|i| {
            (
                i.level1.clone(),
                i.level2.clone(),
                i.name.clone(),
                i.target_text().unwrap_or_default(),
                i.achieved.clone().unwrap_or_default(),
                s(i.weight),
                s(i.score),
            )
        })
        .collect()
}

fn no_failing_checks(b: &Bundle) {
    let failing: Vec<String> = reconcile(b)
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
    assert!(failing.is_empty(), "{failing:?}");
}

fn t(a: &str, b: &str, c: &str, d: &str) -> (String, String, String, String, String, String, String) {
    (
        a.into(),
        b.into(),
        c.into(),
        d.into(),
        String::new(),
        String::new(),
        String::new(),
    )
}

#[test]
fn two_target_tables_in_one_sheet() {
    let b = import("targets-two-projects.xlsx");
    assert_eq!(
        (b.meta.department.as_str(), b.meta.fiscal_year),
        ("某县城市管理局", 2024)
    );
    assert_eq!(b.meta.kind, DocumentKind::Budget);
    let ps = &b.performance_targets.projects;
    assert_eq!(ps.len(), 2);
    let p = &ps[0];
    assert_eq!(p.form, PerformanceForm::Targets);
    assert_eq!(p.name, "城区道路清扫保洁");
    assert_eq!(p.department.as_deref(), Some("某县城市管理局"));
    assert_eq!(p.unit.as_deref(), Some("万元"));
    let funds: Vec<(&str, FundRole, String)> = p
        .funds
        .iter()
        .map(|f| (f.name.as_str(), f.role, f.amount.unwrap().to_string()))
        .collect();
    assert_eq!(
        funds,
        [
            ("年度资金总额：", FundRole::Total, "360".to_string()),
            ("其中：财政拨款", FundRole::Part, "300".to_string()),
            ("其他资金", FundRole::Part, "60".to_string()),
        ]
    );
    assert_eq!(
        p.goal.as_deref(),
        Some("完成城区道路清扫保洁85万平方米，道路洁净达标率95%以上")
    );
    assert_eq!(p.remarks[0].label, "实施期绩效目标");
    assert_eq!(
        rows(p),
        [
            t("产出指标", "数量指标", "清扫保洁面积", "≥85万平方米"),
            t("产出指标", "数量指标", "洒水作业车辆", "6辆"),
            t("产出指标", "质量指标", "道路洁净达标率", "≥95%"),
            t("产出指标", "时效指标", "保洁作业周期", "2024年1月至12月"),
            t("产出指标", "成本指标", "控制在预算成本内", "≤360万元"),
            t("效益指标", "社会效益指标", "市民出行环境", "明显改善"),
            t("效益指标", "生态效益指标", "道路扬尘", "有所下降"),
            t("满意度指标", "社会公众或服务对象满意度指标", "市民满意度", "≥90%"),
        ],
        "the template's blank 经济效益 and 可持续影响 rows are not indicators"
    );
    assert_eq!(p.indicators[7].note.as_deref(), Some("计划标准"));
    assert_eq!(ps[1].name, "公厕管护");
    assert_eq!(ps[1].indicators.len(), 3);
    assert_eq!(ps[1].indicators[2].target.as_deref(), Some("≥85%"));
    assert!(b.import_report.as_ref().unwrap().skipped.is_empty());
    no_failing_checks(&b);
}

#[test]
fn national_self_evaluation_one_project_per_sheet() {
    let b = import("self-eval-national.xlsx");
    assert_eq!(b.meta.fiscal_year, 2023, "from the （2023年度） line under the title");
    assert_eq!(
        b.meta.kind,
        DocumentKind::FinalAccounts,
        "自评 tables alone are the 决算 side"
    );
    let ps = &b.performance_targets.projects;
    assert_eq!(ps.len(), 2);
    let p = &ps[0];
    assert_eq!(p.form, PerformanceForm::SelfEvaluation);
    assert_eq!(p.implementer.as_deref(), Some("某市市政工程中心"));
    let total = p.total_funds().unwrap();
    let s = |o: Option<rust_decimal::Decimal>| o.map(|d| d.to_string());
    assert_eq!(
        (
            s(total.initial_budget),
            s(total.full_year_budget),
            s(total.executed),
            s(total.weight),
            total.rate.clone(),
            s(total.score)
        ),
        (
            Some("52.60".into()),
            Some("52.60".into()),
            Some("45.31".into()),
            Some("10".into()),
            Some("86%".into()),
            Some("8.6".into())
        )
    );
    assert_eq!(p.funds[2].name, "上年结转资金");
    assert_eq!(p.funds[2].executed, None, "a blank cell is not 0");
    assert_eq!(p.goal_achieved.as_deref(), Some("完成12个小区改造，铺设管网7.6公里"));
    let r = rows(p);
    assert_eq!(r.len(), 9, "the “……” row is the template's, not an indicator");
    assert_eq!(
        r[1],
        (
            "产出指标".into(),
            "数量指标".into(),
            "指标2：铺设管网长度".into(),
            "≥8公里".into(),
            "7.6公里".into(),
            "10".into(),
            "9".into()
        )
    );
    assert_eq!(
        p.indicators[1].deviation.as_deref(),
        Some("两处管线迁改未完成，下年督促施工单位完成")
    );
    assert_eq!(r[8].0, "满意度指标");
    assert_eq!(
        (s(p.total_weight), s(p.total_score)),
        (Some("100".into()), Some("95.6".into()))
    );
    assert_eq!(p.shortfalls(), vec![3, 1], "the most points lost first");
    assert_eq!(ps[1].indicators[3].score.unwrap().to_string(), "7");
    no_failing_checks(&b);
}

#[test]
fn self_evaluation_with_split_value_columns_continued_in_a_second_table() {
    let b = import("self-eval-split-columns.docx");
    assert_eq!(
        (b.meta.department.as_str(), b.meta.fiscal_year),
        ("某县教育局本级", 2024)
    );
    let ps = &b.performance_targets.projects;
    assert_eq!(ps.len(), 1, "the second Word table continues the first");
    let p = &ps[0];
    assert_eq!(p.goal.as_deref(), Some("保障幼儿园日常运转，在园幼儿不少于420人"));
    assert_eq!(p.goal_achieved.as_deref(), Some("幼儿园全年正常运转，在园幼儿436人"));
    let names: Vec<&str> = p.funds.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(
        names,
        ["总额", "其中：财政资金", "财政专户管理资金", "单位资金", "其他资金"]
    );
    assert_eq!(p.funds[0].rate.as_deref(), Some("98.64%"));
    assert_eq!(p.funds[1].score, None, "“/” is not a score");
    let r = rows(p);
    assert_eq!(r.len(), 6);
    assert_eq!(r[0].3, "≥420人", "指标性质 | 指标值 | 度量单位 shown as one");
    assert_eq!(p.indicators[0].direction.as_deref(), Some("≥"));
    assert_eq!(p.indicators[0].unit.as_deref(), Some("人"));
    assert_eq!(r[3].0, "效益指标", "read on in the second table");
    assert_eq!(r[4].3, "逐步改善", "a qualitative target is its text");
    assert_eq!(p.indicators[2].deviation.as_deref(), Some("第四季度经费拨付延后"));
    assert_eq!(p.total_score.unwrap().to_string(), "98.86");
    let labels: Vec<&str> = p.remarks.iter().map(|r| r.label.as_str()).collect();
    assert_eq!(labels, ["评价结论", "存在问题", "改进措施"]);
    no_failing_checks(&b);
}

#[test]
fn a_targets_table_laid_out_as_text() {
    let b = import("targets-laid-out.txt");
    assert_eq!((b.meta.department.as_str(), b.meta.fiscal_year), ("某区民政局", 2025));
    let p = &b.performance_targets.projects[0];
    assert_eq!(p.name, "社区养老服务站运营");
    assert_eq!(p.implementer.as_deref(), Some("某区养老服务中心"));
    assert_eq!(p.total_funds().unwrap().amount.unwrap().to_string(), "86.40");
    assert_eq!(
        rows(p),
        [
            t("产出指标", "数量指标", "助餐服务人次", "≥36000人次"),
            t("产出指标", "数量指标", "上门助洁户数", "120户"),
            t("产出指标", "质量指标", "食品安全事故", "0起"),
            t("产出指标", "时效指标", "服务时段", "每日11:00-13:00"),
            t("效益指标", "社会效益指标", "独居老人探访覆盖率", "100%"),
            t("满意度指标", "服务对象满意度", "老年人满意度", "≥90%"),
        ]
    );
    no_failing_checks(&b);
}

/// Laid-out text whose row does not line up with the header (two runs under one heading) is
/// reported from that row on, never read into the neighbouring column.
#[test]
fn a_laid_out_row_out_of_line_is_reported() {
    let text = std::fs::read_to_string(Path::new(FIXTURES).join("targets-laid-out.txt")).unwrap();
    // The 二级 cell moved under the 一级 heading.
    let lines: Vec<String> = text
        .lines()
        .map(|l| {
            if l.contains("独居老人") {
                "效益指标    社会效益指标  独居老人探访覆盖率        100%".to_string()
            } else {
                l.to_string()
            }
        })
        .collect();
    let b = gongkai_import::import_text(&lines.join("\n"), &ImportOptions::default()).unwrap();
    let p = &b.performance_targets.projects[0];
    assert_eq!(p.indicators.len(), 4, "the rows above it are read");
    assert!(p
        .indicators
        .iter()
        .all(|i| i.name != "100%" && i.level2 != "社会效益指标独居老人探访覆盖率"));
    let skipped = &b.import_report.as_ref().unwrap().skipped;
    assert!(
        skipped.iter().any(|s| s.text.contains("独居老人探访覆盖率")),
        "{skipped:?}"
    );
    assert!(
        skipped.iter().any(|s| s.text.contains("老年人满意度")),
        "and the rows below it"
    );
}

/// A 目标表 drawn with ruling lines over two pages (make_pdf.py): read from the PDF's rules, the
/// indicator block going on on page 2 without its header.
#[test]
fn a_ruled_pdf_table_continued_on_the_next_page() {
    let b = import("targets-ruled.pdf");
    assert_eq!((b.meta.department.as_str(), b.meta.fiscal_year), ("某县水利局", 2025));
    let p = &b.performance_targets.projects[0];
    assert_eq!(p.name, "河道保洁及垃圾清运");
    assert_eq!(p.total_funds().unwrap().amount.unwrap().to_string(), "152.30");
    let r = rows(p);
    assert_eq!(r.len(), 7);
    assert_eq!(r[1], t("产出指标", "数量指标", "清运垃圾量", "≥1200吨"));
    assert_eq!(p.indicators[1].note.as_deref(), Some("含汛期"));
    assert_eq!(r[5], t("效益指标", "生态效益指标", "河道水质", "稳定达到Ⅲ类"), "page 2");
    assert_eq!(r[6], t("满意度指标", "服务对象满意度指标", "沿河群众满意度", "≥90%"));
    no_failing_checks(&b);
}
