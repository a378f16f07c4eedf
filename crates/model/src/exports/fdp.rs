//! Fiscal Data Package export (frictionless `fiscal-data-package` profile, as OpenSpending loads
//! it): `budget.csv` with one budget line per row — administrative classification (the
//! department), program (职责活动), economic classification, 功能分类 code and name, direction,
//! phase, fiscal year, currency CNY, amount in yuan — plus `economic.csv` (basic expenditure by
//! 经济分类 code), `indicators.csv` and `assets.csv` as extra resources, and the
//! `datapackage.json` descriptor. With the standard tables, the expenditure rows are the
//! 功能分类 lines (those with no line under them); without, the expenditure categories and
//! activities.

use crate::bundle::*;
use crate::csv::{csv_line, indicator_rows};
use crate::tables::{code_tree, BudgetTable, CodeNode, Phase, TableKind};
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

/// The first of `kinds` the bundle has with coded lines in a money unit, and its factor to yuan.
fn coded_table<'a>(b: &'a Bundle, kinds: &[TableKind]) -> Option<(&'a BudgetTable, Decimal)> {
    kinds.iter().find_map(|k| {
        b.tables
            .iter()
            .find(|t| t.kind == *k && t.coded_lines().next().is_some())
            .and_then(|t| to_yuan(&t.unit).map(|f| (t, f)))
    })
}

/// The lines of a coded table with no line under them (code, name, amount in the first column).
fn leaves(t: &BudgetTable) -> Vec<(String, String, Option<Decimal>)> {
    fn walk(nodes: &[CodeNode], out: &mut Vec<(String, String, Option<Decimal>)>) {
        for n in nodes {
            if n.children.is_empty() {
                out.push((n.code.clone(), n.name.clone(), n.amount));
            } else {
                walk(&n.children, out);
            }
        }
    }
    let mut out = Vec::new();
    walk(&code_tree(t), &mut out);
    out
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

/// Whether `name` is a valid Data Package `name`: lower-case ASCII letters, digits and `-._/`.
pub fn is_package_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || b"-._/".contains(&c))
}

/// The package's stable ASCII `name` (the Chinese title goes in `title`): the bundle's file name
/// without `.json` when it is already a valid name (`pingxiang-fgj-2017`), else
/// `gongkai-<year>-<budget|final-accounts>-<8 hex digits>`, the digits a hash (FNV-1a) of the
/// region and department, so the same department and year always get the same name.
pub fn package_name(b: &Bundle, file: Option<&str>) -> String {
    let stem = file
        .map(|f| f.rsplit(['/', '\\']).next().unwrap_or(f))
        .map(|f| f.strip_suffix(".json").unwrap_or(f).to_ascii_lowercase());
    if let Some(stem) = stem.filter(|s| is_package_name(s)) {
        return stem;
    }
    let r = &b.meta.region;
    let key = [
        r.province.as_deref(),
        r.city.as_deref(),
        r.county.as_deref(),
        Some(b.meta.department.as_str()),
    ]
    .map(|p| p.unwrap_or(""))
    .join("|");
    let hash = key
        .bytes()
        .fold(0x811c_9dc5u32, |h, c| (h ^ u32::from(c)).wrapping_mul(0x0100_0193));
    let kind = match b.meta.kind {
        DocumentKind::Budget => "budget",
        DocumentKind::FinalAccounts => "final-accounts",
    };
    format!("gongkai-{}-{kind}-{hash:08x}", b.meta.fiscal_year)
}

/// The package's files: (file name, content). `file` is the bundle's file name, if any, for the
/// package [`package_name`]. `None` when the bundle's unit is not a money unit this export knows.
///
/// The descriptor is valid against the Data Package and Fiscal Data Package profiles (JSON
/// Schemas; the test command checks it with them and with the Frictionless Framework): profile
/// `tabular-data-package` with a fiscal `model`, every resource a `tabular-data-resource`.
pub fn fiscal_data_package(b: &Bundle, file: Option<&str>) -> Option<Vec<(String, String)>> {
    let f = to_yuan(&b.meta.unit)?;
    let dept = &b.meta.department;
    let year = b.meta.fiscal_year.to_string();
    // A published 部门预算 is the budget as approved (by the 人大); a 决算 what was spent.
    let phase = match b.meta.kind {
        DocumentKind::Budget => Phase::Approved.fdp(),
        DocumentKind::FinalAccounts => Phase::Executed.fdp(),
    };
    // Basic categories as lines of their own; project spending by activity (program).
    let mut budget = csv_line(
        &[
            "administrative_classification",
            "program",
            "economic_classification",
            "functional_classification_code",
            "functional_classification",
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
            String::new(),
            String::new(),
            "expenditure".into(),
            phase.into(),
            year.clone(),
            "CNY".into(),
            yuan(amount, f),
        ])
    };
    // With the standard tables: expenditure by 功能分类, one row per line that has none under it
    // (项, or a 款/类 printed without its parts), so no money is counted twice.
    let functional = coded_table(
        b,
        &[
            TableKind::GeneralPublic,
            TableKind::FiscalExpenditure,
            TableKind::GovernmentFund,
            TableKind::FinalGeneralPublic,
            TableKind::FinalExpenditure,
        ],
    );
    if let Some((t, tf)) = functional {
        for (code, name, amount) in leaves(t) {
            budget.push_str(&csv_line(&[
                dept.clone(),
                String::new(),
                String::new(),
                code,
                name,
                "expenditure".into(),
                phase.into(),
                year.clone(),
                "CNY".into(),
                yuan(amount, tf),
            ]));
        }
    }
    // A 决算's budgets of the lines its narrative compares: the approved (年初预算) and adjusted
    // (全年预算) phases beside the executed figures above, so tools can compare them.
    for c in b.final_accounts.iter().flat_map(|f| &f.comparisons) {
        let code = c.code.clone().unwrap_or_default();
        for (p, amount) in [(Phase::Approved, c.budget), (Phase::Adjusted, c.adjusted_budget)] {
            if amount.is_some() && c.name.contains('（') {
                budget.push_str(&csv_line(&[
                    dept.clone(),
                    String::new(),
                    String::new(),
                    code.clone(),
                    c.name.clone(),
                    "expenditure".into(),
                    p.fdp().into(),
                    year.clone(),
                    "CNY".into(),
                    yuan(amount, f),
                ]));
            }
        }
    }
    // Else basic categories are lines of their own; project spending is split by activity when
    // the performance table gives the activities, else kept as its category line.
    let by_activity = !b.performance.activities.is_empty();
    for c in b.expenditure.categories.iter().filter(|_| functional.is_none()) {
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
            String::new(),
            String::new(),
            "revenue".into(),
            phase.into(),
            year.clone(),
            "CNY".into(),
            yuan(s.amount, f),
        ]));
    }
    // Basic expenditure by 经济分类 (its own resource: it is a part of the spending above, seen
    // another way).
    let mut economic = csv_line(
        &[
            "economic_classification_code",
            "economic_classification",
            "fiscal_year",
            "currency",
            "amount",
        ]
        .map(String::from),
    );
    if let Some((t, tf)) = coded_table(b, &[TableKind::GeneralPublicBasic, TableKind::FiscalBasic]) {
        for (code, name, amount) in leaves(t) {
            economic.push_str(&csv_line(&[code, name, year.clone(), "CNY".into(), yuan(amount, tf)]));
        }
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
    // A source names its document; its `path` only when the web address is known (the profile
    // wants a string there or no key at all).
    let mut source = json!({ "title": if b.meta.title.trim().is_empty() { dept } else { &b.meta.title } });
    if let Some(url) = b.meta.source.url.as_deref().filter(|u| !u.trim().is_empty()) {
        source["path"] = json!(url);
    }
    let descriptor = json!({
        "profile": "tabular-data-package",
        "name": package_name(b, file),
        "title": b.meta.title,
        "countryCode": "CN",
        "fiscalPeriod": { "start": format!("{year}-01-01"), "end": format!("{year}-12-31") },
        "sources": [source],
        "resources": [
            {
                "name": "budget", "path": "budget.csv", "profile": "tabular-data-resource", "format": "csv",
                "mediatype": "text/csv", "encoding": "utf-8",
                "schema": { "fields": [
                    field("administrative_classification", "string", "administrative-classification:generic:name"),
                    field("program", "string", "activity:generic:program:name"),
                    field("economic_classification", "string", "economic-classification:generic:name"),
                    field("functional_classification_code", "string", "functional-classification:generic:code"),
                    field("functional_classification", "string", "functional-classification:generic:label"),
                    field("direction", "string", "direction"),
                    field("phase", "string", "phase"),
                    field("fiscal_year", "integer", "date:fiscal-year"),
                    field("currency", "string", "value-currency"),
                    field("amount", "number", "value"),
                ] }
            },
            { "name": "economic", "path": "economic.csv", "profile": "tabular-data-resource", "format": "csv",
              "mediatype": "text/csv", "encoding": "utf-8",
              "schema": { "fields": [text("economic_classification_code"), text("economic_classification"),
                  json!({"name": "fiscal_year", "type": "integer"}), text("currency"), json!({"name": "amount", "type": "number"})] } },
            { "name": "indicators", "path": "indicators.csv", "profile": "tabular-data-resource", "format": "csv",
              "mediatype": "text/csv", "encoding": "utf-8",
              "schema": { "fields": indicator_fields } },
            { "name": "assets", "path": "assets.csv", "profile": "tabular-data-resource", "format": "csv",
              "mediatype": "text/csv", "encoding": "utf-8",
              "schema": { "fields": [text("item"), text("parent"), text("quantity_unit"),
                  json!({"name": "quantity_start", "type": "number"}), json!({"name": "quantity_end", "type": "number"}),
                  json!({"name": "value_start", "type": "number"}), json!({"name": "value_end", "type": "number"}), text("currency")] } }
        ],
        "model": {
            "measures": { "amount": { "source": "amount", "resource": "budget", "currency": "CNY", "factor": 1 } },
            "dimensions": {
                "administrative_classification": { "dimensionType": "classification", "classificationType": "administrative", "primaryKey": ["administrative_classification"], "attributes": { "administrative_classification": { "source": "administrative_classification" } } },
                "program": { "dimensionType": "activity", "primaryKey": ["program"], "attributes": { "program": { "source": "program" } } },
                "economic_classification": { "dimensionType": "classification", "classificationType": "economic", "primaryKey": ["economic_classification"], "attributes": { "economic_classification": { "source": "economic_classification" } } },
                "functional_classification": { "dimensionType": "classification", "classificationType": "functional", "primaryKey": ["functional_classification_code"], "attributes": {
                    "functional_classification_code": { "source": "functional_classification_code" },
                    "functional_classification": { "source": "functional_classification", "labelfor": "functional_classification_code" } } },
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
        ("economic.csv".into(), economic),
        ("indicators.csv".into(), indicators),
        ("assets.csv".into(), assets),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seed() -> Bundle {
        crate::parse_bundle(include_str!("../../../../data/pingxiang-fgj-2017.json"), "seed").unwrap()
    }

    #[test]
    fn package_names_are_ascii_and_stable() {
        let b = seed();
        assert_eq!(
            package_name(&b, Some("data/pingxiang-fgj-2017.json")),
            "pingxiang-fgj-2017"
        );
        assert_eq!(
            package_name(&b, Some("C:\\bundles\\Pingxiang-FGJ-2017.json")),
            "pingxiang-fgj-2017"
        );
        let fallback = package_name(&b, Some("平乡县发改局.json"));
        assert_eq!(
            fallback,
            package_name(&b, None),
            "a non-ASCII file name falls back to the hash"
        );
        assert!(
            is_package_name(&fallback) && fallback.starts_with("gongkai-2017-budget-"),
            "{fallback}"
        );
        let mut other = b.clone();
        other.meta.department = "平乡县财政局".into();
        assert_ne!(package_name(&other, None), fallback, "another department, another name");
        assert!(!is_package_name("gongkai-2017-部门预算") && !is_package_name("Upper") && !is_package_name(""));
    }

    #[test]
    fn a_known_source_url_is_the_path_else_no_path_key() {
        let mut b = seed();
        let desc = |b: &Bundle| -> serde_json::Value {
            let files = fiscal_data_package(b, None).unwrap();
            serde_json::from_str(&files[0].1).unwrap()
        };
        assert!(desc(&b)["sources"][0].as_object().unwrap().get("path").is_none());
        b.meta.source.url = Some("http://www.pingxiang.gov.cn/a.html".into());
        assert_eq!(desc(&b)["sources"][0]["path"], "http://www.pingxiang.gov.cn/a.html");
    }
}
