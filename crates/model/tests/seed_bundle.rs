//! The seed bundle in data/ keeps every published figure and the invariants the viewer relies on.

use gongkai_model::search::HitKind;
use gongkai_model::*;
use rust_decimal::Decimal;
use std::str::FromStr;

const SEED: &str = include_str!("../../../data/pingxiang-fgj-2017.json");

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn seed() -> Bundle {
    parse_bundle(SEED, "data/pingxiang-fgj-2017.json").expect("seed bundle parses")
}

#[test]
fn counts_match_the_document() {
    let b = seed();
    assert_eq!(b.duties.len(), 78);
    assert_eq!(b.duties[77].label, "（七十八）");
    assert_eq!(b.organisation.units.len(), 8);
    assert_eq!(b.performance.activities.len(), 39);
    assert_eq!(b.sub_activity_count(), 90);
    assert_eq!(b.indicators().count(), 177);
    assert_eq!(b.glossary.len(), 4);
}

#[test]
fn expenditure_parts_sum_to_total() {
    let b = seed();
    let parts: Vec<Decimal> = b.expenditure.categories.iter().map(|c| c.amount.unwrap()).collect();
    assert_eq!(parts, vec![d("716.45"), d("92.22"), d("389.62"), d("2521.16")]);
    assert_eq!(parts.iter().copied().sum::<Decimal>(), d("3719.45"));
    assert_eq!(b.expenditure.total, Some(d("3719.45")));
    assert_eq!(b.revenue.total, Some(d("3719.45")));
    assert_eq!(b.project_expenditure(), Some(d("2521.16")));
    assert_eq!(b.basic_expenditure(), Some(d("1198.29")));
}

#[test]
fn change_on_last_year_as_published() {
    let b = seed();
    assert_eq!(b.change.base_year, Some(2016));
    assert_eq!(b.change.total, Some(d("1456.72")));
    assert_eq!(b.change.basic, Some(d("55.19")));
    assert_eq!(b.change.project, Some(d("1401.53")));
}

#[test]
fn activities_sum_to_project_expenditure_and_subs_to_activity() {
    let b = seed();
    let sum: Decimal = b.performance.activities.iter().filter_map(|a| a.amount).sum();
    assert_eq!(sum, d("2521.16"));
    for a in &b.performance.activities {
        if let (Some(total), false) = (a.amount, a.sub_activities.is_empty()) {
            let subs: Decimal = a.sub_activities.iter().filter_map(|s| s.amount).sum();
            assert_eq!(subs, total, "sub-activities of {}", a.name);
        }
    }
    // A blank amount stays blank (未列), it is not zero.
    let reform = &b.performance.activities[1];
    assert_eq!(reform.name, "推进全县改革开放和经济技术合作");
    assert_eq!(reform.sub_activities[0].amount, None);
    let largest = b.performance.activities.iter().max_by_key(|a| a.amount).unwrap();
    assert_eq!(
        (largest.name.as_str(), largest.amount),
        ("对内商贸管理", Some(d("872.00")))
    );
}

#[test]
fn three_public_items_sum_to_total() {
    let b = seed();
    let tp = &b.three_public;
    assert_eq!(tp.total, Some(d("11.82")));
    assert_eq!(tp.total_change, Some(d("2.35")));
    let sum: Decimal = tp.items.iter().filter_map(|i| i.amount).sum();
    assert_eq!(sum, d("11.82"));
    let names: Vec<&str> = tp.items.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(names, ["因公出国（境）费", "公车运行", "公务接待"]);
    assert_eq!(tp.items[1].change, Some(Decimal::ZERO));
    assert_eq!(tp.items[1].change_text, "同上年持平");
    assert_eq!(tp.items[2].reason, "开展重点项目观摩、招商引资项目工作");
    assert_eq!(b.operating_costs.amount, Some(d("92.22")));
}

#[test]
fn indicator_thresholds_kept_as_published() {
    let b = seed();
    let (_, sub, first) = b.indicators().next().unwrap();
    assert_eq!(sub.unwrap().name, "规划、计划及课题编制");
    assert_eq!(first.name, "各类经济社会发展中长期规划编制完成率");
    assert_eq!(first.excellent.as_deref(), Some("≥100%"));
    assert_eq!(first.poor.as_deref(), Some("<90%"));
    let blank = b
        .indicators()
        .find(|(_, _, i)| i.name == "全县城乡居民可支配收入增长率")
        .unwrap()
        .2;
    assert_eq!((blank.excellent.as_ref(), blank.poor.as_ref()), (None, None));
}

#[test]
fn asset_rows_sum_to_their_totals() {
    let b = seed();
    let fixed = &b.assets.rows[0];
    assert_eq!(fixed.name, "一、固定资产");
    assert_eq!(
        (fixed.value_start, fixed.value_end),
        (Some(d("250.1")), Some(d("231.9")))
    );
    let vehicles = &fixed.children[1];
    assert_eq!(vehicles.quantity_unit.as_deref(), Some("台、辆"));
    assert_eq!(
        (vehicles.quantity_start, vehicles.quantity_end),
        (Some(d("4")), Some(d("2")))
    );
    assert_eq!(b.assets.rows.len(), 5);
    for c in reconcile(&b).iter().filter(|c| c.area_key == "check.area.assets") {
        assert_eq!(c.status, CheckStatus::Pass, "{c:?}");
    }
}

#[test]
fn every_reconciliation_of_the_seed_holds() {
    let checks = reconcile(&seed());
    assert!(checks.len() > 50);
    let failed: Vec<_> = checks.iter().filter(|c| c.status == CheckStatus::Fail).collect();
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn round_trip_is_byte_identical() {
    let b = seed();
    assert_eq!(to_json(&b), SEED);
    assert_eq!(parse_bundle(&to_json(&b), "x").unwrap(), b);
}

#[test]
fn chart_summary_names_the_largest_activity() {
    let b = seed();
    let s = chart::activities_chart(gongkai_model::i18n::Lang::Zh, &b).summary;
    assert!(
        s.starts_with("项目支出 2,521.16 万元，共 39 项；最大：对内商贸管理 872.00 万元（34.6%）"),
        "{s}"
    );
}

#[test]
fn csv_exports_every_row_exactly() {
    let b = seed();
    let ind = csv::indicators_csv(&b);
    assert!(ind.starts_with("\u{feff}职责活动,子活动,绩效指标,优,良,中,差\r\n"));
    assert_eq!(ind.matches("\r\n").count(), 1 + 177);
    assert!(ind.contains("组织编制经济社会发展规划和计划,规划、计划及课题编制,各类经济社会发展中长期规划编制完成率,≥100%,≥95%,≥90%,<90%\r\n"));
    let acts = csv::activities_csv(&b);
    assert_eq!(acts.matches("\r\n").count(), 1 + 39 + 90);
    // A blank amount is an empty cell, never 0.
    assert!(acts.contains("推进全县改革开放和经济技术合作,推进体制改革、社会公共服务均等化,,"));
    let assets = csv::assets_csv(&b);
    assert!(
        assets.contains("（二）车辆（台、辆）,1,台、辆,4,2,48.3,28.3\r\n"),
        "{assets}"
    );
    let checks = csv::checks_csv(&reconcile(&b), i18n::Lang::Zh);
    assert!(
        checks.starts_with("\u{feff}编号,结果,类别,核对内容,数字\r\n"),
        "{checks}"
    );
    assert!(checks.contains(
        "expenditure.categories-sum,相符,支出,支出各经济分类之和 = 支出合计,716.45 + 92.22 + 389.62 + 2521.16 = 3719.45 万元 ✓\r\n"
    ));
    let en = csv::checks_csv(&reconcile(&b), i18n::Lang::En);
    assert!(
        en.contains("\r\nexpenditure.categories-sum,相符,") && en.contains("×10,000 yuan ✓"),
        "{en}"
    );
}

/// The Fiscal Data Package: descriptor fields present, every CSV column declared, amounts in yuan
/// that add up to the published totals.
#[test]
fn fiscal_data_package_is_consistent() {
    let b = seed();
    let files = fdp::fiscal_data_package(&b, Some("data/pingxiang-fgj-2017.json")).unwrap();
    let get = |n: &str| files.iter().find(|(f, _)| f == n).map(|(_, c)| c.as_str()).unwrap();
    let desc: serde_json::Value = serde_json::from_str(get("datapackage.json")).unwrap();
    assert_eq!(desc["profile"], "tabular-data-package");
    assert_eq!(desc["name"], "pingxiang-fgj-2017");
    assert!(desc["sources"][0].get("path").is_none(), "no URL known: no path key");
    assert_eq!(desc["fiscalPeriod"]["start"], "2017-01-01");
    assert_eq!(desc["model"]["measures"]["amount"]["currency"], "CNY");
    for res in desc["resources"].as_array().unwrap() {
        let csv = get(res["path"].as_str().unwrap());
        let header: Vec<&str> = csv.lines().next().unwrap().split(',').collect();
        let fields: Vec<&str> = res["schema"]["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["name"].as_str().unwrap())
            .collect();
        assert_eq!(header, fields, "{}", res["name"]);
    }
    for (_, dim) in desc["model"]["dimensions"].as_object().unwrap() {
        for (_, attr) in dim["attributes"].as_object().unwrap() {
            let src = attr["source"].as_str().unwrap();
            assert!(
                get("budget.csv").lines().next().unwrap().split(',').any(|h| h == src),
                "{src}"
            );
        }
    }
    // Expenditure lines in yuan add up to 3719.45 万元; the 10 blank activities have empty amounts.
    let budget = get("budget.csv");
    let mut sum = Decimal::ZERO;
    let mut blanks = 0;
    for l in budget.lines().skip(1).filter(|l| l.contains(",expenditure,")) {
        match l.rsplit(',').next().unwrap() {
            "" => blanks += 1,
            v => sum += Decimal::from_str(v).unwrap(),
        }
    }
    assert_eq!(sum, d("37194500"));
    assert_eq!(blanks, 10);
    assert!(budget.contains("平乡县发展改革局,对内商贸管理,项目支出,,,expenditure,approved,2017,CNY,8720000\r\n"));
    assert_eq!(get("indicators.csv").lines().count(), 178);
    assert!(get("assets.csv").contains("（二）车辆（台、辆）,一、固定资产,台、辆,4,2,483000,283000,CNY"));
}

#[test]
fn threshold_kinds() {
    let b = seed();
    let mut counts = std::collections::BTreeMap::new();
    for (_, _, i) in b.indicators() {
        *counts.entry(format!("{:?}", i.threshold_kind())).or_insert(0) += 1;
    }
    assert_eq!(counts.values().sum::<usize>(), 177);
    assert_eq!(counts["NotSet"], 13);
    let find = |n: &str| b.indicators().find(|(_, _, i)| i.name == n).unwrap().2.threshold_kind();
    assert_eq!(find("各类经济社会发展中长期规划编制完成率"), ThresholdKind::Percentage);
    assert_eq!(find("铁路运输协调调度"), ThresholdKind::Count);
    assert_eq!(find("公共服务均等化评估结果"), ThresholdKind::Text);
    eprintln!("{counts:?}");
}

#[test]
fn terms_are_explained_from_the_document_first() {
    let b = seed();
    let e = glossary::explain(gongkai_model::i18n::Lang::Zh, &b, "operating_costs").unwrap();
    assert!(e.from_document() && e.term == "机关运行费" && e.published.unwrap().starts_with("是指为保证行政单位"));
    assert_eq!(e.label, "机关运行经费");
    let e = glossary::explain(gongkai_model::i18n::Lang::Zh, &b, "basic").unwrap();
    assert!(e.from_document());
    let e = glossary::explain(gongkai_model::i18n::Lang::Zh, &b, "three_public").unwrap();
    assert!(!e.from_document() && e.standard.contains("公务接待费") && e.term == "“三公”经费");
    assert!(glossary::explain(gongkai_model::i18n::Lang::Zh, &b, "no_such_term").is_none());
    // In English: the interface names and standard texts change, the published text does not.
    let en = gongkai_model::i18n::Lang::En;
    let e = glossary::explain(en, &b, "operating_costs").unwrap();
    assert!(e.label.contains("operating") && e.published.unwrap().starts_with("是指为保证行政单位"));
    assert!(glossary::explain(en, &b, "three_public")
        .unwrap()
        .standard
        .contains("hospitality"));
}

#[test]
fn search_finds_every_kind_of_text() {
    let b = seed();
    let hits = search::search(&b, "农村", 500);
    assert!(
        hits.iter().any(|h| h.kind == HitKind::SubActivity
            && h.title == "农村电子商务建设"
            && h.route == gongkai_model::route::Route::SubActivity(7, 2)),
        "{hits:#?}"
    );
    assert!(hits.iter().any(|h| h.kind == HitKind::Duty));
    for h in &hits {
        let chars: Vec<char> = h.snippet.chars().collect();
        for (a, z) in &h.marks {
            assert_eq!(chars[*a..*z].iter().collect::<String>(), "农村");
        }
    }
    assert!(search::search(&b, "≥95%", 500)
        .iter()
        .any(|h| h.kind == HitKind::Indicator));
    assert!(search::search(&b, "轿车", 10)
        .iter()
        .any(|h| h.kind == HitKind::Asset && h.route == gongkai_model::route::Route::Assets));
    assert!(search::search(&b, "  ", 10).is_empty());
    assert_eq!(search::search(&b, "的", 7).len(), 7);
}

#[cfg(feature = "pinyin")]
#[test]
fn pinyin_search_on_the_seed() {
    let b = seed();
    let mut index = search::SearchIndex::new(&b);
    assert!(
        search::search(&b, "nongcun", 500).is_empty(),
        "no pinyin without readings"
    );
    let han = search::han_characters(&b);
    assert!(han.chars().count() > 500, "{}", han.chars().count());
    let readings = search::Readings::for_chars(&han);
    assert_eq!(
        readings.len(),
        han.chars().count(),
        "every character of the seed has a reading"
    );
    index.set_readings(std::rc::Rc::new(readings));
    let by_chars = index.search("农村", 500);
    for q in ["nongcun", "nc", "NongCun", "nong cun", "nongc"] {
        let hits = index.search(q, 500);
        assert!(
            hits.iter()
                .any(|h| h.kind == HitKind::SubActivity && h.title == "农村电子商务建设" && h.by_pinyin),
            "{q}: {hits:#?}"
        );
        for h in hits.iter().filter(|h| h.title == "农村电子商务建设") {
            let chars: Vec<char> = h.snippet.chars().collect();
            let (a, z) = h.marks[0];
            assert_eq!(chars[a..z].iter().collect::<String>(), "农村", "{q}");
        }
    }
    // Every place found by its characters is found by its full pinyin too.
    let by_pinyin = index.search("nongcun", 500);
    for h in &by_chars {
        assert!(
            by_pinyin.iter().any(|p| p.route == h.route && p.title == h.title),
            "{h:?}"
        );
    }
    // 多音字: 行 reads hang in 银行 and xing in 执行.
    assert!(index.search("zhixing", 50).iter().any(|h| h.snippet.contains("执行")));
    // Latin letters in the text still match as letters first.
    assert!(index.search("xyzqw", 50).is_empty());
}
