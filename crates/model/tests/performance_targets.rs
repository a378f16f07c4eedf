//! The national performance tables in a bundle (fixtures/bundles/perf-*.json, imported from the
//! importer's generated workbooks): they read and write back unchanged, a version-2 bundle opens
//! without them, search finds their projects and indicators and opens the project's page, and the
//! CSV export lists every indicator.

use gongkai_model::route::Route;
use gongkai_model::search::{search, HitKind};
use gongkai_model::*;

const SELF_EVAL: &str = include_str!("fixtures/bundles/perf-self-eval-2023.json");
const TARGETS: &str = include_str!("fixtures/bundles/perf-targets-2024.json");

#[test]
fn bundles_with_the_tables_round_trip_and_older_ones_open_without_them() {
    for (name, text) in [("self-eval", SELF_EVAL), ("targets", TARGETS)] {
        let b = parse_bundle(text, name).unwrap();
        assert_eq!(b.performance_targets.projects.len(), 2, "{name}");
        assert_eq!(to_json(&b), text, "{name} writes back as it was read");
    }
    let seed = include_str!("../../../data/pingxiang-fgj-2017.json");
    let v2 = seed.replacen("\"version\": 3", "\"version\": 2", 1);
    let b = parse_bundle(&v2, "v2.json").unwrap();
    assert!(b.performance_targets.is_empty());
    assert!(
        !to_json(&b).contains("performance_targets"),
        "absent, not written empty"
    );
}

#[test]
fn search_finds_projects_and_indicators_and_opens_the_project() {
    let b = parse_bundle(SELF_EVAL, "self-eval").unwrap();
    let hits = search(&b, "桥梁", 20);
    let project = hits.iter().find(|h| h.kind == HitKind::Project).expect("the project");
    assert_eq!(
        (project.title.as_str(), project.route.clone()),
        ("城市桥梁定期检测", Route::Target(1))
    );
    let hits = search(&b, "管线迁改", 20);
    let ind = hits
        .iter()
        .find(|h| h.kind == HitKind::Indicator)
        .expect("the indicator by its reason");
    assert_eq!(ind.title, "老旧小区雨污分流改造 › 指标2：铺设管网长度");
    assert_eq!(ind.route, Route::Target(0));
    assert!(page_routes_has_targets(&b));
}

fn page_routes_has_targets(b: &Bundle) -> bool {
    let routes = gongkai_model::route::page_routes(b, false, false);
    routes.contains(&Route::Target(0)) && routes.contains(&Route::Target(1))
}

#[test]
fn csv_lists_every_indicator_with_its_project() {
    let b = parse_bundle(TARGETS, "targets").unwrap();
    let csv = gongkai_model::csv::performance_targets_csv(&b);
    assert_eq!(csv.lines().count(), 1 + 8 + 3);
    assert!(csv.contains("公厕管护,某县城市管理局,,产出指标,数量指标,管护公厕数量,32座,,,,,,计划标准"));
}
