//! The checks are the same checks, with the same results and texts, in the same order, as
//! before they were split by family and given stable ids (issue #29). The fixture
//! `fixtures/checks/before.json` was written by this file's `capture` run against the code of
//! 3610b04 (before the split): for every bundle of data/ and tests/fixtures/bundles/, and a
//! perturbed copy of each (so failing and blank checks are covered too), in both languages. The
//! ids the checks have since are unique in each bundle and do not move when a check is added.

use gongkai_model::*;
use rust_decimal::Decimal;
use serde_json::{json, Value};

/// The bundles compared: (name, bundle), each as published and perturbed.
fn bundles() -> Vec<(String, Bundle)> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    let mut files: Vec<String> = vec![format!("{root}/data/pingxiang-fgj-2017.json")];
    let fixtures = format!("{root}/crates/model/tests/fixtures/bundles");
    let mut more: Vec<String> = std::fs::read_dir(&fixtures)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path().to_string_lossy().into_owned()))
        .filter(|p| p.ends_with(".json"))
        .collect();
    more.sort();
    files.extend(more);
    let mut out = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        let Ok(b) = parse_bundle(&text, &f) else { continue };
        let name = f.rsplit('/').next().unwrap().to_string();
        out.push((format!("{name} perturbed"), perturbed(&b)));
        out.push((name, b));
    }
    out
}

/// `b` with a figure of each part changed, so sums fail and a blank shows.
fn perturbed(b: &Bundle) -> Bundle {
    let one = Decimal::ONE;
    let mut b = b.clone();
    b.revenue.total = b.revenue.total.map(|v| v + one);
    if let Some(c) = b.expenditure.categories.first_mut() {
        c.amount = c.amount.map(|v| v + Decimal::new(1, 2));
    }
    if let Some(s) = b.revenue.sources.last_mut() {
        s.amount = None;
    }
    b.change.total = b.change.total.map(|v| v + one);
    if let Some(i) = b.three_public.items.first_mut() {
        i.amount = i.amount.map(|v| v + one);
        i.change = i.change.map(|v| v - one);
    }
    if let Some(a) = b.performance.activities.first_mut() {
        a.amount = a.amount.map(|v| v + one);
    }
    if let Some(r) = b.assets.rows.first_mut() {
        r.value_start = r.value_start.map(|v| v + one);
        r.quantity_end = r.quantity_end.map(|v| v + Decimal::new(5, 1));
    }
    for t in &mut b.tables {
        if let Some(l) = t.lines.get_mut(1) {
            if let Some(c) = l.amounts.first_mut() {
                c.0 = c.0.map(|v| v + one);
            }
        }
    }
    if let Some(f) = &mut b.final_accounts {
        for c in f.comparisons.iter_mut().step_by(2) {
            c.actual = c.actual.map(|v| v + one);
        }
    }
    for p in &mut b.performance_targets.projects {
        if let Some(f) = p.funds.first_mut() {
            f.amount = f.amount.map(|v| v + one);
            f.executed = f.executed.map(|v| v + one);
            f.score = f.score.map(|v| v + one);
        }
        p.total_score = p.total_score.map(|v| v - one);
    }
    b
}

fn status(s: CheckStatus) -> &'static str {
    match s {
        CheckStatus::Pass => "pass",
        CheckStatus::Fail => "fail",
        CheckStatus::NotApplicable => "na",
    }
}

/// Every check of every bundle in both languages: status, area, label, detail and figures.
fn render() -> Value {
    let mut all = serde_json::Map::new();
    for (name, b) in bundles() {
        let mut langs = serde_json::Map::new();
        let checks = reconcile(&b);
        for lang in i18n::Lang::ALL {
            let checks: Vec<Value> = checks
                .iter()
                .map(|c| json!([status(c.status), c.area(lang), c.label(lang), c.detail(lang), c.figures]))
                .collect();
            langs.insert(lang.code().to_string(), Value::Array(checks));
        }
        all.insert(name, Value::Object(langs));
    }
    Value::Object(all)
}

const BEFORE: &str = "tests/fixtures/checks/before.json";

#[test]
fn the_same_checks_in_the_same_order_as_before_the_split() {
    let path = format!("{}/{BEFORE}", env!("CARGO_MANIFEST_DIR"));
    let before: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let now = render();
    let names: Vec<&String> = now.as_object().unwrap().keys().collect();
    assert_eq!(names.len(), 14, "7 bundles, each also perturbed: {names:?}");
    for (name, langs) in before.as_object().unwrap() {
        for (lang, checks) in langs.as_object().unwrap() {
            let (was, is) = (checks.as_array().unwrap(), now[name][lang].as_array().unwrap());
            for (k, (w, i)) in was.iter().zip(is).enumerate() {
                assert_eq!(w, i, "{name} ({lang}), check {}", k + 1);
            }
            assert_eq!(was.len(), is.len(), "{name} ({lang})");
        }
    }
    assert_eq!(before, now);
}

#[test]
fn every_id_is_unique_in_its_bundle_and_never_a_number() {
    for (name, b) in bundles() {
        let checks = reconcile(&b);
        let mut ids: Vec<&str> = checks.iter().map(|c| c.id.as_str()).collect();
        assert!(ids
            .iter()
            .all(|id| CheckId::from_address(id).number().is_none() && !id.is_empty()));
        for id in &ids {
            // Valid in an HTML id and a fragment as they are, Chinese aside.
            assert!(
                !id.chars().any(|c| c.is_whitespace() || "#/?&%\"'<>".contains(c)),
                "{name}: {id}"
            );
        }
        let n = ids.len();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), n, "{name}: ids repeat");
    }
}

#[test]
fn ids_name_what_they_check() {
    let (_, seed) = bundles()
        .into_iter()
        .find(|(n, _)| n == "pingxiang-fgj-2017.json")
        .unwrap();
    let ids: Vec<String> = reconcile(&seed).iter().map(|c| c.id.to_string()).collect();
    for id in [
        "revenue.sources-sum",
        "expenditure.categories-sum",
        "balance",
        "change.last-year.basic",
        "three-public.items-sum",
        "performance.activities-sum",
        "names.duties",
    ] {
        assert!(ids.contains(&id.to_string()), "{id} in {ids:?}");
    }
    let (_, tables) = bundles()
        .into_iter()
        .find(|(n, _)| n == "jiangsu-zx-2019.json")
        .unwrap();
    let ids: Vec<String> = reconcile(&tables).iter().map(|c| c.id.to_string()).collect();
    assert!(
        ids.iter().any(|i| i.starts_with("table.general-public.201-sum.")),
        "{ids:?}"
    );
}

/// The ids of `b`'s checks with what each says, in Chinese.
fn labelled(b: &Bundle) -> Vec<(String, String)> {
    reconcile(b)
        .iter()
        .map(|c| {
            (
                c.id.to_string(),
                format!("{} {}", c.label(i18n::Lang::Zh), c.detail(i18n::Lang::Zh)),
            )
        })
        .collect()
}

#[test]
fn adding_checks_moves_no_id() {
    for (name, b) in bundles().into_iter().filter(|(n, _)| !n.ends_with("perturbed")) {
        let before = labelled(&b);
        // Checks added before the others: an activity with a sub-activity first in the table,
        // the “三公” change stated.
        let mut more = b.clone();
        let sub = Activity {
            name: "新增子活动".into(),
            amount: Some(Decimal::ONE),
            description: String::new(),
            goal: String::new(),
            indicators: Vec::new(),
            sub_activities: Vec::new(),
        };
        let added = Activity {
            name: "新增活动".into(),
            sub_activities: vec![sub.clone()],
            ..sub
        };
        more.performance.activities.insert(0, added);
        more.three_public.total_change = Some(Decimal::ONE);
        let after = labelled(&more);
        let new: Vec<&(String, String)> = after.iter().filter(|c| !before.iter().any(|o| o.0 == c.0)).collect();
        assert!(
            new.iter().any(|(id, _)| id == "performance.新增活动.subs-sum"),
            "{name}: {new:?}"
        );
        for (id, what) in &before {
            let again = after.iter().find(|(i, _)| i == id);
            assert!(again.is_some(), "{name}: {id} gone");
            // Those that sum or name the activities say more now; every other says the same.
            if ![
                "performance.activities-sum",
                "names.activities",
                "three-public.changes-sum",
            ]
            .contains(&id.as_str())
            {
                assert_eq!(&again.unwrap().1, what, "{name}: {id}");
            }
        }
    }
}
