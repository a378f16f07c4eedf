//! The national performance tables as pages: a bundle imported from a 绩效自评表 workbook
//! (crates/model/tests/fixtures/bundles/perf-self-eval-2023.json) is built into a site whose 绩效
//! page lists its projects and whose `targets/N/` pages show each indicator tree, the weakest
//! indicators first, with the English interface under en/.

mod common;
use common::{gongkai, minimal_viewer};

#[test]
fn every_project_is_a_page_with_its_indicators() {
    let tmp = std::env::temp_dir().join(format!("gongkai-targets-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&tmp);
    let (viewer, data, out) = (tmp.join("dist"), tmp.join("bundles"), tmp.join("site"));
    minimal_viewer(&viewer);
    std::fs::create_dir_all(&data).unwrap();
    std::fs::copy(
        "../model/tests/fixtures/bundles/perf-self-eval-2023.json",
        data.join("self-eval.json"),
    )
    .unwrap();
    std::fs::write(
        data.join("index.json"),
        r#"{"format":"gongkai-catalog","version":1,"bundles":[{"department":"某市住房和城乡建设局","fiscal_year":2023,"kind":"final_accounts","region":"","path":"self-eval.json"}]}"#,
    )
    .unwrap();
    let (code, _, err) = gongkai(&[
        "site",
        data.to_str().unwrap(),
        "--viewer",
        viewer.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--no-precompress",
    ]);
    assert_eq!(code, 0, "{err}");
    let page = |p: &str| std::fs::read_to_string(out.join(p).join("index.html")).unwrap_or_else(|e| panic!("{p}: {e}"));
    let list = page("performance");
    assert!(
        list.contains("老旧小区雨污分流改造") && list.contains("城市桥梁定期检测"),
        "both projects listed"
    );
    assert!(list.contains("href=\"targets/1/\"") && list.contains("href=\"targets/2/\""));
    let one = page("targets/1");
    for text in [
        "指标2：铺设管网长度",
        "≥8公里",
        "7.6公里",
        "两处管线迁改未完成，下年督促施工单位完成",
        "总分 95.6",
        "45.31",
    ] {
        assert!(one.contains(text), "{text} on targets/1/");
    }
    // The weakest indicators come first: 按期完工率 (8 of 10) before 铺设管网长度 (9 of 10).
    let (a, b) = (
        one.find("按期完工率").unwrap(),
        one.find("指标2：铺设管网长度").unwrap(),
    );
    assert!(a < b, "most points lost first");
    let en = page("en/targets/2");
    assert!(en.contains("Indicators below full marks") && en.contains("养护单位满意度"));
    assert!(en.contains("lang=\"zh-CN\""), "published data keeps its language");
    // `gongkai export --csv` writes every indicator with its project.
    let csv_dir = tmp.join("csv");
    let (code, _, err) = gongkai(&[
        "export",
        "../model/tests/fixtures/bundles/perf-self-eval-2023.json",
        "--csv",
        csv_dir.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let csv = std::fs::read_to_string(csv_dir.join("绩效目标.csv")).unwrap();
    assert!(csv.contains("项目名称,主管部门,实施单位,一级指标,二级指标,三级指标,指标值,实际完成值,分值,得分"));
    assert!(csv.contains("老旧小区雨污分流改造,某市住房和城乡建设局,某市市政工程中心,产出指标,数量指标,指标2：铺设管网长度,≥8公里,7.6公里,10,9,两处管线迁改未完成，下年督促施工单位完成,,"));
    assert_eq!(csv.lines().count(), 1 + 13, "a header and the 13 indicators");
    let _ = std::fs::remove_dir_all(&tmp);
}
