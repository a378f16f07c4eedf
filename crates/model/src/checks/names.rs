//! Names and texts that must be there: activities and each activity's sub-activities named and
//! distinct, indicators named, duties written. Ids: `names.activities`,
//! `names.<activity>.subs`, `names.indicators`, `names.duties`.

use crate::bundle::Bundle;
use crate::check::{Arg, Check, CheckId, Text};
use crate::sums::status_of;
use crate::text;
use std::collections::HashMap;

const AREA: &str = "check.area.names";

/// The name checks, in this order.
pub fn checks(out: &mut Vec<Check>, b: &Bundle) {
    let acts = &b.performance.activities;
    out.push(distinct(
        CheckId::of(&["names", "activities"]),
        Arg::Key("search.kind.activity"),
        acts.iter().map(|a| a.name.as_str()),
        "performance.activities",
    ));
    for (i, a) in acts.iter().enumerate().filter(|(_, a)| !a.sub_activities.is_empty()) {
        out.push(distinct(
            CheckId::of(&["names", &a.name, "subs"]),
            text!("check.subs_of", &a.name).into(),
            a.sub_activities.iter().map(|s| s.name.as_str()),
            &format!("performance.activities[{i}].sub_activities"),
        ));
    }
    out.push(indicators(b));
    out.push(duties(b));
}

/// Every indicator has a name.
fn indicators(b: &Bundle) -> Check {
    let mut empty = Vec::new();
    for (i, a) in b.performance.activities.iter().enumerate() {
        for (k, ind) in a.indicators.iter().enumerate() {
            if ind.name.trim().is_empty() {
                empty.push(format!("performance.activities[{i}].indicators[{k}].name"));
            }
        }
        for (j, s) in a.sub_activities.iter().enumerate() {
            for (k, ind) in s.indicators.iter().enumerate() {
                if ind.name.trim().is_empty() {
                    empty.push(format!(
                        "performance.activities[{i}].sub_activities[{j}].indicators[{k}].name"
                    ));
                }
            }
        }
    }
    Check::new(
        CheckId::of(&["names", "indicators"]),
        AREA,
        text!("check.indicator_names"),
        status_of(empty.is_empty()),
        text!("check.indicator_names_detail", b.indicators().count(), empty.len()),
    )
    .comparing(empty)
}

/// Every duty has its text.
fn duties(b: &Bundle) -> Check {
    let empty: Vec<String> = (0..b.duties.len())
        .filter(|i| b.duties[*i].text.trim().is_empty())
        .map(|i| format!("duties[{i}].text"))
        .collect();
    Check::new(
        CheckId::of(&["names", "duties"]),
        AREA,
        text!("check.duties"),
        status_of(empty.is_empty()),
        text!("check.duties_detail", b.duties.len(), empty.len()),
    )
    .comparing(empty)
}

/// Names of a list (at `list`, e.g. `performance.activities`) must be there and distinct; a
/// failure names the items with an empty or repeated name.
fn distinct<'a>(id: CheckId, what: Arg, names: impl Iterator<Item = &'a str>, list: &str) -> Check {
    let names: Vec<&str> = names.collect();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let mut empty = 0;
    for name in &names {
        if name.trim().is_empty() {
            empty += 1;
        } else {
            *seen.entry(name).or_default() += 1;
        }
    }
    let figures = names
        .iter()
        .enumerate()
        .filter(|(_, name)| name.trim().is_empty() || seen.get(*name).is_some_and(|c| *c > 1))
        .map(|(i, _)| format!("{list}[{i}].name"));
    let mut dups: Vec<String> = seen
        .iter()
        .filter(|(_, c)| **c > 1)
        .map(|(n, _)| n.to_string())
        .collect();
    dups.sort();
    let ok = dups.is_empty() && empty == 0;
    let mut detail = text!("check.names_n", names.len());
    if empty > 0 {
        detail = detail.then(text!("check.names_empty", empty));
    }
    if !dups.is_empty() {
        detail = detail.then(text!("check.names_dups", Arg::List(dups)));
    }
    let end = if ok {
        text!("check.names_ok")
    } else {
        Text::symbols(" ✗", vec![])
    };
    Check::new(id, AREA, text!("check.names", what), status_of(ok), detail.then(end)).comparing(figures)
}
