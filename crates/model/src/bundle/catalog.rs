//! data/index.json: the bundles a site offers.

use crate::bundle::DocumentKind;
use crate::error::LoadError;
use serde::{Deserialize, Serialize};

/// The catalog file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalog {
    /// Always "gongkai-catalog".
    pub format: String,
    pub version: u32,
    pub bundles: Vec<CatalogEntry>,
}

/// One bundle the site offers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogEntry {
    pub department: String,
    pub fiscal_year: i32,
    pub kind: DocumentKind,
    /// Region, e.g. "河北省 邢台市 平乡县".
    #[serde(default)]
    pub region: String,
    /// Path of the bundle relative to the catalog file's folder, e.g. "pingxiang-fgj-2017.json".
    pub path: String,
}

/// Parses data/index.json. `file` names it in errors.
pub fn parse_catalog(text: &str, file: &str) -> Result<Catalog, LoadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let cat: Catalog = serde_json::from_str(text).map_err(|inner| {
        let path = crate::json_path::path_at(text, inner.line(), inner.column());
        if inner.is_data() {
            LoadError::Field {
                file: file.into(),
                path,
                line: inner.line(),
                column: inner.column(),
                detail: inner.to_string(),
            }
        } else {
            LoadError::Syntax {
                file: file.into(),
                line: inner.line(),
                column: inner.column(),
                detail: inner.to_string(),
            }
        }
    })?;
    if cat.format != "gongkai-catalog" {
        return Err(LoadError::NotABundle {
            file: file.into(),
            found: Some(cat.format),
        });
    }
    let bad_path = cat
        .bundles
        .iter()
        .position(|b| b.path.contains("..") || b.path.contains("://") || b.path.starts_with('/'));
    if let Some(i) = bad_path {
        return Err(LoadError::Field {
            file: file.into(),
            path: format!("bundles[{i}].path"),
            line: 1,
            column: 1,
            detail: "must be a relative path inside the data folder".into(),
        });
    }
    Ok(cat)
}
