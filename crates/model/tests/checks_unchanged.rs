//! The checks are the same checks, with the same results and texts, in the same order, as
//! before they were split by family and given stable ids (issue #29). The fixture
//! `fixtures/checks/before.json` was written by this file's `capture` run against the code of
//! 3610b04 (before the split): for every bundle of data/ and tests/fixtures/bundles/, and a
//! perturbed copy of each (so failing and blank checks are covered too), in both languages.

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
        for lang in i18n::Lang::ALL {
            i18n::set_lang(lang);
            let checks: Vec<Value> = reconcile(&b)
                .iter()
                .map(|c| json!([status(c.status), c.area, c.label, c.detail, c.figures]))
                .collect();
            langs.insert(lang.code().to_string(), Value::Array(checks));
        }
        i18n::set_lang(i18n::Lang::Zh);
        all.insert(name, Value::Object(langs));
    }
    Value::Object(all)
}

const BEFORE: &str = "tests/fixtures/checks/before.json";

#[test]
#[ignore = "writes the fixture from the code of the moment; run only on the old code"]
fn capture() {
    let path = format!("{}/{BEFORE}", env!("CARGO_MANIFEST_DIR"));
    std::fs::write(path, serde_json::to_string_pretty(&render()).unwrap() + "\n").unwrap();
}
