//! The catalog of a large site, in parts: a small root index of its areas (each county, or
//! whatever lowest level the catalog's regions name) and one catalog file per area.
//!
//! A province publishes thousands of bundles. Its full catalog (`data/index.json`) stays the
//! input, but the viewer never downloads it: the home page reads `data/areas/index.json`
//! ([`AreaIndex`]: one line per area with its counts, a few kilobytes for a province), an area's
//! page reads `data/areas/<key>.json` (a [`Catalog`] of that area's bundles, the same format as
//! `data/index.json`), and a bundle's page reads its area's file for the year switch and the
//! comparison (a department's years are always in one area).

use crate::catalog::{fnv1a64, Catalog, CatalogEntry};
use crate::i18n::Lang;
use serde::{Deserialize, Serialize};

/// Where the area files are, relative to the site root.
pub const AREAS_DIR: &str = "data/areas/";

/// `data/areas/index.json`: every area of the site with its counts, in catalog order of first
/// appearance. Invariant: the `bundles` of the areas add up to `bundles`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AreaIndex {
    /// Always "gongkai-areas".
    pub format: String,
    pub version: u32,
    /// Bundles in the whole site.
    pub bundles: usize,
    pub areas: Vec<Area>,
}

/// One area: the bundles whose catalog `region` is the same text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Area {
    /// The region as the catalog states it ("河北省 邢台市 平乡县"); empty when entries state none.
    pub region: String,
    /// File name part: `data/areas/<key>.json`, its page `a/<key>/` ([`area_key`]).
    pub key: String,
    /// Bundles in the area.
    pub bundles: usize,
    /// Distinct departments in the area.
    pub departments: usize,
    /// Oldest and newest fiscal year of its bundles.
    pub years: (i32, i32),
}

impl Area {
    /// The levels of the region, largest first ("河北省", "邢台市", "平乡县").
    pub fn levels(&self) -> Vec<&str> {
        self.region.split_whitespace().collect()
    }
    /// The region without its last level ("河北省 邢台市"), which the home page groups by.
    pub fn parent(&self) -> String {
        let levels = self.levels();
        levels[..levels.len().saturating_sub(1)].join(" ")
    }
    /// The last level ("平乡县"), or the whole region when it has one level.
    pub fn name(&self) -> &str {
        self.levels().last().copied().unwrap_or("")
    }
    /// Path of the area's catalog file, relative to the site root.
    pub fn file(&self) -> String {
        format!("{AREAS_DIR}{}.json", self.key)
    }
}

/// The key of a region: 12 hex digits of its FNV-1a hash ("none" for no region). Stable: the
/// same region text has the same key in every build, so area pages keep their addresses.
pub fn area_key(region: &str) -> String {
    let region = region.trim();
    if region.is_empty() {
        return "none".into();
    }
    format!("{:012x}", fnv1a64(&[region.as_bytes()]) >> 16)
}

/// Splits a catalog into its areas: the root index and each area's catalog (entries in the
/// catalog's order), in order of first appearance.
pub fn split_into_areas(catalog: &Catalog) -> (AreaIndex, Vec<(Area, Catalog)>) {
    let mut order: Vec<String> = Vec::new();
    let mut by_region: std::collections::HashMap<String, Vec<CatalogEntry>> = std::collections::HashMap::new();
    for e in &catalog.bundles {
        let region = e.region.split_whitespace().collect::<Vec<_>>().join(" ");
        let list = by_region.entry(region.clone()).or_insert_with(|| {
            order.push(region.clone());
            Vec::new()
        });
        list.push(e.clone());
    }
    let mut parts = Vec::new();
    for region in order {
        let entries = by_region.remove(&region).unwrap_or_default();
        let departments: std::collections::HashSet<&str> = entries.iter().map(|e| e.department.as_str()).collect();
        let years = entries.iter().fold((i32::MAX, i32::MIN), |(lo, hi), e| {
            (lo.min(e.fiscal_year), hi.max(e.fiscal_year))
        });
        let area = Area {
            key: area_key(&region),
            region,
            bundles: entries.len(),
            departments: departments.len(),
            years,
        };
        let cat = Catalog {
            format: "gongkai-catalog".into(),
            version: 1,
            bundles: entries,
        };
        parts.push((area, cat));
    }
    let index = AreaIndex {
        format: "gongkai-areas".into(),
        version: 1,
        bundles: catalog.bundles.len(),
        areas: parts.iter().map(|(a, _)| a.clone()).collect(),
    };
    (index, parts)
}

/// Parses `data/areas/index.json`; `file` names it in errors.
pub fn parse_area_index(text: &str, file: &str) -> Result<AreaIndex, crate::LoadError> {
    let index: AreaIndex = serde_json::from_str(text).map_err(|inner| crate::LoadError::Syntax {
        file: file.into(),
        line: inner.line(),
        column: inner.column(),
        detail: inner.to_string(),
    })?;
    if index.format != "gongkai-areas" {
        return Err(crate::LoadError::NotABundle {
            file: file.into(),
            found: Some(index.format),
        });
    }
    if index.version != 1 {
        return Err(crate::LoadError::Field {
            file: file.into(),
            path: "version".into(),
            line: 1,
            column: 1,
            detail: format!("version {} is not one this viewer reads (1)", index.version),
        });
    }
    Ok(index)
}

/// Entries of an area's catalog matching a filter typed by a person (department, year or
/// kind contains every word of it), grouped by department in first-appearance order, each
/// department's years newest first.
pub fn departments_matching<'a>(lang: Lang, cat: &'a Catalog, filter: &str) -> Vec<(&'a str, Vec<&'a CatalogEntry>)> {
    let words: Vec<String> = filter.split_whitespace().map(str::to_lowercase).collect();
    let mut out: Vec<(&str, Vec<&CatalogEntry>)> = Vec::new();
    for e in &cat.bundles {
        let hay = format!(
            "{} {} {} {}",
            e.department.to_lowercase(),
            e.fiscal_year,
            e.kind.label(lang),
            e.region
        );
        if !words.iter().all(|w| hay.contains(w.as_str())) {
            continue;
        }
        match out.iter_mut().find(|(d, _)| *d == e.department) {
            Some((_, list)) => list.push(e),
            None => out.push((e.department.as_str(), vec![e])),
        }
    }
    for (_, list) in &mut out {
        list.sort_by_key(|e| std::cmp::Reverse(e.fiscal_year));
    }
    out
}

/// Areas whose region contains every word of `filter`.
pub fn areas_matching<'a>(index: &'a AreaIndex, filter: &str) -> Vec<&'a Area> {
    let words: Vec<&str> = filter.split_whitespace().collect();
    index
        .areas
        .iter()
        .filter(|a| words.iter().all(|w| a.region.contains(w)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::DocumentKind;

    fn entry(dept: &str, year: i32, region: &str) -> CatalogEntry {
        CatalogEntry {
            department: dept.into(),
            fiscal_year: year,
            kind: DocumentKind::Budget,
            region: region.into(),
            path: format!("{dept}-{year}.json"),
        }
    }

    #[test]
    fn areas_partition_the_catalog_and_keys_are_stable() {
        let cat = Catalog {
            format: "gongkai-catalog".into(),
            version: 1,
            bundles: vec![
                entry("甲县财政局", 2018, "样例省 一市 甲县"),
                entry("乙县财政局", 2018, "样例省 一市  乙县"),
                entry("甲县财政局", 2017, "样例省 一市 甲县"),
                entry("甲县教育局", 2019, "样例省 一市 甲县"),
            ],
        };
        let (index, parts) = split_into_areas(&cat);
        assert_eq!(index.bundles, 4);
        assert_eq!(index.areas.iter().map(|a| a.bundles).sum::<usize>(), 4);
        assert_eq!(index.areas[0].region, "样例省 一市 甲县");
        assert_eq!(index.areas[0].departments, 2);
        assert_eq!(index.areas[0].years, (2017, 2019));
        assert_eq!(index.areas[1].region, "样例省 一市 乙县", "spaces normalised");
        assert_eq!(index.areas[0].parent(), "样例省 一市");
        assert_eq!(index.areas[0].name(), "甲县");
        assert_eq!(parts[0].1.bundles.len(), 3);
        assert_eq!(index.areas[0].key, area_key("样例省 一市 甲县"));
        assert_eq!(index.areas[0].key.len(), 12);
        assert_ne!(index.areas[0].key, index.areas[1].key);
        assert_eq!(area_key(""), "none");
        let text = serde_json::to_string(&index).unwrap();
        assert_eq!(parse_area_index(&text, "x").unwrap(), index);
        assert!(parse_area_index("{\"format\":\"x\"", "x").is_err());
        let groups = departments_matching(crate::i18n::Lang::Zh, &parts[0].1, "财政 2017");
        assert_eq!(groups.len(), 1);
        assert_eq!(groups[0].1.len(), 1);
        let all = departments_matching(crate::i18n::Lang::Zh, &parts[0].1, "");
        assert_eq!(all[0].0, "甲县财政局");
        assert_eq!(all[0].1[0].fiscal_year, 2018, "newest first");
        assert_eq!(areas_matching(&index, "乙").len(), 1);
    }
}
