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

/// A fingerprint of the data a page shows: the site's catalog and the page's bundle as read
/// (16 hex digits, FNV-1a 64 of their canonical JSON). The site build writes it into each page;
/// the viewer takes the page over (hydrates it) only when the data it loaded has the same one,
/// so a bundle or catalog changed after the build is never shown with the old page's figures.
pub fn data_fingerprint(catalog: Option<&Catalog>, bundle: &crate::Bundle) -> String {
    let catalog = catalog.map(|c| serde_json::to_string(c).expect("a catalog always serialises"));
    let bundle = serde_json::to_string(bundle).expect("a bundle always serialises");
    let h = fnv1a64(&[catalog.as_deref().unwrap_or("").as_bytes(), &[0], bundle.as_bytes()]);
    format!("{h:016x}")
}

/// FNV-1a 64 of the parts one after the other (fingerprints and file keys; not cryptographic).
pub fn fnv1a64(parts: &[&[u8]]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for bytes in parts {
        for b in *bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    h
}

#[cfg(test)]
mod fingerprint_tests {
    #[test]
    fn any_change_to_the_figures_changes_the_fingerprint() {
        let text = include_str!("../../../../data/pingxiang-fgj-2017.json");
        let b = crate::parse_bundle(text, "seed").unwrap();
        let f = super::data_fingerprint(None, &b);
        assert_eq!(f.len(), 16);
        assert_eq!(
            f,
            super::data_fingerprint(None, &crate::parse_bundle(text, "again").unwrap())
        );
        let mut c = b.clone();
        c.expenditure.total = Some("3719.46".parse().unwrap());
        assert_ne!(f, super::data_fingerprint(None, &c));
    }
}
