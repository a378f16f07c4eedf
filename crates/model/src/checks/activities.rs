//! The performance table's amounts: the activities add up to project expenditure, each
//! activity's sub-activities to the activity. Ids: `performance.activities-sum`,
//! `performance.<activity>.subs-sum`.

use crate::bundle::Bundle;
use crate::check::{Check, CheckId};
use crate::sums::sum_of;
use crate::text;

/// The activity sums, in the table's order.
pub fn checks(out: &mut Vec<Check>, b: &Bundle) {
    let acts = &b.performance.activities;
    if acts.is_empty() {
        return;
    }
    let area = "check.area.performance";
    out.push(
        sum_of(
            CheckId::of(&["performance", "activities-sum"]),
            area,
            text!("check.activities_sum", acts.len()),
            acts.iter().map(|a| (a.name.as_str(), a.amount)),
            b.project_expenditure(),
            &b.meta.unit,
        )
        .comparing(
            (0..acts.len())
                .map(|i| format!("performance.activities[{i}].amount"))
                .chain(["expenditure.project".to_string()]),
        ),
    );
    for (i, a) in acts.iter().enumerate().filter(|(_, a)| !a.sub_activities.is_empty()) {
        out.push(
            sum_of(
                CheckId::of(&["performance", &a.name, "subs-sum"]),
                area,
                text!("check.sub_sum", &a.name),
                a.sub_activities.iter().map(|s| (s.name.as_str(), s.amount)),
                a.amount,
                &b.meta.unit,
            )
            .comparing(
                (0..a.sub_activities.len())
                    .map(|j| format!("performance.activities[{i}].sub_activities[{j}].amount"))
                    .chain([format!("performance.activities[{i}].amount")]),
            ),
        );
    }
}
