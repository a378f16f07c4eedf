//! Gongkai's pure model: the bundle format, reading it with clear errors, checking it, and
//! turning it into chart layouts. No web dependencies; tested natively.
//!
//! Data flows one way: JSON → [`parse_bundle`] → [`Bundle`] → [`chart`] specs →
//! [`chart::layout_bars`] → [`render`].

pub mod amount;
pub mod bundle;
pub mod catalog;
pub mod chart;
pub mod compare;
pub mod csv;
pub mod error;
pub mod fdp;
pub mod format;
pub mod glossary;
pub mod i18n;
pub mod json_path;
pub mod overview;
pub mod parse;
pub mod prerender;
pub mod render;
pub mod search;
pub mod tables;
pub mod treemap;
pub mod validate;
pub mod zip;

pub use bundle::*;
pub use catalog::{parse_catalog, Catalog, CatalogEntry};
pub use error::LoadError;
pub use parse::{parse_bundle, parse_bundle_bytes, to_json, MAX_BUNDLE_BYTES};
pub use validate::{reconcile, structural_problems, warnings, Check, CheckStatus, FailingFigures};

/// JSON Schema of the bundle format, generated from the Rust types.
#[cfg(feature = "schema")]
pub fn bundle_schema() -> String {
    let schema = schemars::schema_for!(Bundle);
    let mut s = serde_json::to_string_pretty(&schema).expect("schema serialises");
    s.push('\n');
    s
}
