//! Gongkai's pure model: the bundle format, reading it with clear errors, checking it, and
//! turning it into chart layouts. No web dependencies; tested natively.
//!
//! Data flows one way: JSON → [`parse_bundle`] → [`Bundle`] → [`validate`] checks → [`chart`]
//! specs → [`chart::layout_bars`] → [`render`]; the source tree shows the same path: `bundle/`,
//! `checks/`, `charts/`, then `exports/` and `text/` (search, languages, formatting).

// One folder per concern; the module paths (`gongkai_model::tables`, `::validate`, …) stay flat.
//
// Bundle format and reading: the types, exact amounts, the standard tables, parsing with located
// errors, the catalog, the one error type.
#[path = "bundle/amount.rs"]
pub mod amount;
#[path = "bundle/bundle.rs"]
pub mod bundle;
#[path = "bundle/catalog.rs"]
pub mod catalog;
#[path = "bundle/error.rs"]
pub mod error;
#[path = "bundle/json_path.rs"]
pub mod json_path;
#[path = "bundle/parse.rs"]
pub mod parse;
#[path = "bundle/performance_targets.rs"]
pub mod performance_targets;
#[path = "bundle/tables.rs"]
pub mod tables;

// Checks: reconciliation and failing figures, the overview's key figures, year comparison.
#[path = "checks/activities.rs"]
mod activity_checks;
#[path = "checks/assets.rs"]
mod asset_checks;
#[path = "checks/check.rs"]
pub mod check;
#[path = "checks/compare.rs"]
pub mod compare;
#[path = "checks/cross_table.rs"]
mod cross_table;
#[path = "checks/final_accounts.rs"]
pub mod final_checks;
#[path = "checks/names.rs"]
mod name_checks;
#[path = "checks/narrative.rs"]
mod narrative;
#[path = "checks/overview.rs"]
pub mod overview;
#[path = "checks/performance_targets.rs"]
pub mod perf_checks;
#[path = "checks/provenance.rs"]
pub mod provenance;
#[path = "checks/sums.rs"]
mod sums;
#[path = "checks/tables.rs"]
mod tables_checks;
#[path = "checks/totals.rs"]
mod totals;
#[path = "checks/validate.rs"]
pub mod validate;

// Charts: specs, layouts (bars, treemap), the plotters renderer.
#[path = "charts/breakdowns.rs"]
pub mod breakdowns;
#[path = "charts/chart.rs"]
pub mod chart;
#[path = "charts/execution.rs"]
pub mod execution;
#[path = "charts/render.rs"]
pub mod render;
#[path = "charts/treemap.rs"]
pub mod treemap;

// Site: the viewer's addresses (every view a page) and the pages of a bundle.
#[path = "site/route.rs"]
pub mod route;
// A large site: its catalog in areas, its search index in shards.
#[path = "site/areas.rs"]
pub mod areas;
#[path = "site/site_search/mod.rs"]
pub mod site_search;

// Exports: CSV, Fiscal Data Package, ZIP.
#[path = "exports/csv.rs"]
pub mod csv;
#[path = "exports/fdp.rs"]
pub mod fdp;
#[path = "exports/zip.rs"]
pub mod zip;

// Search and text: search index and pinyin, interface languages, glossary, number formatting.
#[path = "text/chars.rs"]
pub mod chars;
#[path = "text/format.rs"]
pub mod format;
#[path = "text/glossary.rs"]
pub mod glossary;
#[path = "text/i18n.rs"]
pub mod i18n;
#[path = "text/search.rs"]
pub mod search;

// Transition (#29): the implicit language `LoadError` and the search labels still read.

pub use bundle::*;
pub use catalog::{parse_catalog, Catalog, CatalogEntry};
pub use error::LoadError;
pub use parse::{parse_bundle, parse_bundle_bytes, parse_bundle_in, to_json, MAX_BUNDLE_BYTES};
pub use validate::{find_check, reconcile, structural_problems, warnings, Check, CheckId, CheckStatus, FailingFigures};

/// JSON Schema of the bundle format, generated from the Rust types.
#[cfg(feature = "schema")]
pub fn bundle_schema() -> String {
    let schema = schemars::schema_for!(Bundle);
    let mut s = serde_json::to_string_pretty(&schema).expect("schema serialises");
    s.push('\n');
    s
}
