//! Fiscal Data Package export (frictionless `fiscal-data-package` profile, as OpenSpending loads
//! it): `budget.csv` with one budget line per row — administrative classification (the
//! department), program (职责活动), economic classification, direction, phase, fiscal year,
//! currency CNY, amount in yuan — plus `indicators.csv` and `assets.csv` as extra resources, and
//! the `datapackage.json` descriptor.

use crate::bundle::*;
use crate::csv::{csv_line, indicator_rows};
use rust_decimal::Decimal;
use serde_json::json;

/// Factor from the bundle unit to yuan (万元 → 10,000; 元 → 1; 亿元 → 100,000,000).
fn to_yuan(unit: &str) -> Option<Decimal> {
    match unit {
        "元" => Some(Decimal::ONE),
        "万元" => Some(Decimal::from(10_000)),
        "亿元" => Some(Decimal::from(100_000_000)),
        _ => None,
    }
}

/// Whether amounts in `unit` can be exported (converted to yuan).
pub fn supports_unit(unit: &str) -> bool {
    to_yuan(unit).is_some()
}

fn yuan(d: Option<Decimal>, f: Decimal) -> String {
    d.map(|d| (d * f).normalize().to_string()).unwrap_or_default()
}

/// Columns of indicators.csv, in order (the CSV header and the descriptor's fields).
const INDICATOR_COLUMNS: [&str; 7] = [
    "activity",
    "sub_activity",
    "indicator",
    "excellent",
    "good",
    "fair",
    "poor",
];

/// The package's files: (file name, content). `None` when the bundle's unit is not a money unit
/// this export knows.
pub fn fiscal_data_package(b: &Bundle) -> Option<Vec<(String, String)>> {
    let f = to_yuan(&b.meta.unit)?;
    let dept = &b.meta.department;
    let year = b.meta.fiscal_year.to_string();
    let phase = match b.meta.kind {
        DocumentKind::Budget => "proposed",
        DocumentKind::FinalAccounts => "executed",
    };
    // Basic categories as lines of their own; project spending by activity (program).
    let mut budget = csv_line(
        &[
            "administrative_classification",
            "program",
            "economic_classification",
            "direction",
            "phase",
            "fiscal_year",
            "currency",
            "amount",
        ]
        .map(String::from),
    );
    let line = |program: &str, econ: &str, amount: Option<Decimal>| {
        csv_line(&[
            dept.clone(),
            program.to_string(),
            econ.to_string(),
            "expenditure".into(),
            phase.into(),
            year.clone(),
            "CNY".into(),
            yuan(amount, f),
        ])
    };
    // Basic categories are lines of their own; project spending is split by activity when the
    // performance table gives the activities, else kept as its category line.
    let by_activity = !b.performance.activities.is_empty();
    for c in &b.expenditure.categories {
        if c.class == SpendingClass::Project && by_activity {
            for a in &b.performance.activities {
                budget.push_str(&line(&a.name, &c.name, a.amount));
            }
        } else {
            budget.push_str(&line("", &c.name, c.amount));
        }
    }
    for s in &b.revenue.sources {
        budget.push_str(&csv_line(&[
            dept.clone(),
            String::new(),
            s.name.clone(),
            "revenue".into(),
            phase.into(),
            year.clone(),
            "CNY".into(),
            yuan(s.amount, f),
        ]));
    }
    let mut indicators = csv_line(&INDICATOR_COLUMNS.map(String::from));
    for row in indicator_rows(b, |_, _| true) {
        indicators.push_str(&csv_line(&row));
    }
    let vf = to_yuan(&b.assets.value_unit).unwrap_or(f);
    let mut assets = csv_line(
        &[
            "item",
            "parent",
            "quantity_unit",
            "quantity_start",
            "quantity_end",
            "value_start",
            "value_end",
            "currency",
        ]
        .map(String::from),
    );
    fn walk(r: &AssetRow, parent: &str, vf: Decimal, out: &mut String) {
        let q = |d: Option<Decimal>| d.map(|d| d.to_string()).unwrap_or_default();
        out.push_str(&csv_line(&[
            r.name.clone(),
            parent.to_string(),
            r.quantity_unit.clone().unwrap_or_default(),
            q(r.quantity_start),
            q(r.quantity_end),
            yuan(r.value_start, vf),
            yuan(r.value_end, vf),
            "CNY".into(),
        ]));
        for c in &r.children {
            walk(c, &r.name, vf, out);
        }
    }
    for r in &b.assets.rows {
        walk(r, "", vf, &mut assets);
    }
    let field =
        |name: &str, ty: &str, column_type: &str| json!({ "name": name, "type": ty, "columnType": column_type });
    let text = |name: &str| json!({ "name": name, "type": "string" });
    let indicator_fields: Vec<serde_json::Value> = INDICATOR_COLUMNS.into_iter().map(text).collect();
    let descriptor = json!({
        "profile": "fiscal-data-package",
        "name": format!("gongkai-{}-{}", b.meta.fiscal_year, b.meta.kind.label_zh()).to_lowercase(),
        "title": b.meta.title,
        "countryCode": "CN",
        "fiscalPeriod": { "start": format!("{year}-01-01"), "end": format!("{year}-12-31") },
        "sources": [{ "title": b.meta.title, "path": b.meta.source.url }],
        "resources": [
            {
                "name": "budget", "path": "budget.csv", "profile": "tabular-data-resource", "format": "csv",
                "mediatype": "text/csv", "encoding": "utf-8",
                "schema": { "fields": [
                    field("administrative_classification", "string", "administrative-classification:generic:name"),
                    field("program", "string", "activity:generic:program:name"),
                    field("economic_classification", "string", "economic-classification:generic:name"),
                    field("direction", "string", "direction"),
                    field("phase", "string", "phase"),
                    field("fiscal_year", "integer", "date:fiscal-year"),
                    field("currency", "string", "value-currency"),
                    field("amount", "number", "value"),
                ] }
            },
            { "name": "indicators", "path": "indicators.csv", "profile": "tabular-data-resource", "format": "csv", "encoding": "utf-8",
              "schema": { "fields": indicator_fields } },
            { "name": "assets", "path": "assets.csv", "profile": "tabular-data-resource", "format": "csv", "encoding": "utf-8",
              "schema": { "fields": [text("item"), text("parent"), text("quantity_unit"),
                  json!({"name": "quantity_start", "type": "number"}), json!({"name": "quantity_end", "type": "number"}),
                  json!({"name": "value_start", "type": "number"}), json!({"name": "value_end", "type": "number"}), text("currency")] } }
        ],
        "model": {
            "measures": { "amount": { "source": "amount", "currency": "CNY", "factor": 1 } },
            "dimensions": {
                "administrative_classification": { "dimensionType": "classification", "primaryKey": ["administrative_classification"], "attributes": { "administrative_classification": { "source": "administrative_classification" } } },
                "program": { "dimensionType": "activity", "primaryKey": ["program"], "attributes": { "program": { "source": "program" } } },
                "economic_classification": { "dimensionType": "classification", "primaryKey": ["economic_classification"], "attributes": { "economic_classification": { "source": "economic_classification" } } },
                "direction": { "dimensionType": "other", "primaryKey": ["direction"], "attributes": { "direction": { "source": "direction" } } },
                "phase": { "dimensionType": "other", "primaryKey": ["phase"], "attributes": { "phase": { "source": "phase" } } },
                "fiscal_year": { "dimensionType": "datetime", "primaryKey": ["fiscal_year"], "attributes": { "fiscal_year": { "source": "fiscal_year" } } }
            }
        }
    });
    let mut descriptor = serde_json::to_string_pretty(&descriptor).ok()?;
    descriptor.push('\n');
    Some(vec![
        ("datapackage.json".into(), descriptor),
        ("budget.csv".into(), budget),
        ("indicators.csv".into(), indicators),
        ("assets.csv".into(), assets),
    ])
}
