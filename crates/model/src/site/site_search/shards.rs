//! The index's files: the postings of every term cut into shards by the term's hash, the
//! blocks of docs, the root naming them all; writing them at build time and reading a shard in
//! the browser.

use super::encoding::{decode_ids, encode_ids, hashed_name, IdSet, Ids};
use super::terms::BundleTerms;
use crate::catalog::fnv1a64;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Bundles per [`DocBlock`].
pub const BLOCK: usize = 128;
/// The target size of a shard in bytes (the number of shards is the index size over this,
/// rounded up to a power of two).
pub const SHARD_TARGET_BYTES: usize = 24 * 1024;

/// The shard a term is in: by the hash of the term; pinyin terms (`~nc`) by their first letter
/// only, so the many readings of a pinyin query need a few shards, not one per pair of letters.
pub fn shard_of(term: &str, shards: usize) -> usize {
    let key = match term.strip_prefix('~') {
        Some(rest) => &term[..1 + rest.chars().next().map_or(0, char::len_utf8)],
        None => term,
    };
    (fnv1a64(&[key.as_bytes()]) % shards.max(1) as u64) as usize
}

/// `root.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SearchRoot {
    /// Always "gongkai-search".
    pub format: String,
    pub version: u32,
    /// Bundles indexed (ids are 0..bundles, in catalog order).
    pub bundles: u32,
    /// File of each shard under `s/`, by shard number (a power of two of them).
    pub shards: Vec<String>,
    /// File of each block of [`BLOCK`] bundles under `d/`.
    pub blocks: Vec<String>,
    /// The readings file (pinyin of every character of the site).
    pub readings: String,
}

/// A shard: its terms, sorted, each with the bundles whose texts contain it and those whose
/// names do ([`encode_ids`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Shard {
    pub format: String,
    pub version: u32,
    pub terms: Vec<(String, String, String)>,
}

/// What a result names of a bundle.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Doc {
    pub department: String,
    pub region: String,
    pub fiscal_year: i32,
    pub kind: crate::DocumentKind,
    /// Folder of its pages under `b/`.
    pub folder: String,
    /// 支出合计 as published (absent when the bundle states none), and its unit.
    #[serde(with = "crate::amount::opt")]
    pub total: Option<rust_decimal::Decimal>,
    pub unit: String,
    /// Its fragment file under `f/`.
    pub fragment: String,
}

/// A block of docs: bundles `first..first+docs.len()`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocBlock {
    pub format: String,
    pub version: u32,
    pub first: u32,
    pub docs: Vec<Doc>,
}

/// The index files of a site (paths relative to [`super::SEARCH_INDEX_DIR`]) and their content.
#[derive(Debug, Clone, PartialEq)]
pub struct IndexFiles {
    pub root: SearchRoot,
    pub files: Vec<(String, String)>,
}

/// Postings of every term, for building shards: term → (all, names).
#[derive(Debug, Clone, Default)]
pub struct Postings {
    pub n: u32,
    pub terms: HashMap<String, (IdSet, IdSet)>,
}

impl Postings {
    /// No postings yet, for `n` bundles.
    pub fn new(n: u32) -> Postings {
        Postings {
            n,
            terms: HashMap::new(),
        }
    }

    /// Adds the terms of bundle `id`.
    pub fn add(&mut self, id: u32, t: &BundleTerms) {
        let n = self.n;
        for term in &t.all {
            match self.terms.get_mut(term.as_str()) {
                Some(e) => e.0.push(id, n),
                None => {
                    let mut e = (IdSet::default(), IdSet::default());
                    e.0.push(id, n);
                    self.terms.insert(term.clone(), e);
                }
            }
        }
        for term in &t.names {
            self.terms.entry(term.clone()).or_default().1.push(id, n);
        }
    }

    /// Postings of `terms` (bundle `i` = `terms[i]`).
    pub fn of(terms: &[&BundleTerms]) -> Postings {
        let n = terms.len() as u32;
        let mut p = Postings {
            n,
            terms: HashMap::new(),
        };
        for (id, t) in terms.iter().enumerate() {
            let id = id as u32;
            for term in &t.all {
                p.terms.entry(term.clone()).or_default().0.push(id, n);
            }
            for term in &t.names {
                p.terms.entry(term.clone()).or_default().1.push(id, n);
            }
        }
        p
    }

    /// The shards: as many as the encoded index over [`SHARD_TARGET_BYTES`], rounded up to a
    /// power of two (1 to 4096), each a sorted JSON file named by its content.
    pub fn shards(&self) -> Vec<(String, String)> {
        let mut encoded: Vec<(&String, String, String)> = self
            .terms
            .iter()
            .map(|(t, (all, names))| {
                (
                    t,
                    encode_ids(&all.to_vec(), self.n),
                    encode_ids(&names.to_vec(), self.n),
                )
            })
            .collect();
        encoded.sort_by(|a, b| a.0.cmp(b.0));
        let bytes: usize = encoded.iter().map(|(t, a, b)| t.len() + a.len() + b.len() + 8).sum();
        let count = bytes.div_ceil(SHARD_TARGET_BYTES).clamp(1, 4096).next_power_of_two();
        let mut shards: Vec<Vec<(String, String, String)>> = vec![Vec::new(); count];
        for (t, a, b) in encoded {
            shards[shard_of(t, count)].push((t.clone(), a, b));
        }
        shards
            .into_iter()
            .enumerate()
            .map(|(i, terms)| {
                let json = serde_json::to_string(&Shard {
                    format: "gongkai-search-shard".into(),
                    version: 1,
                    terms,
                })
                .expect("a shard serialises");
                (hashed_name(&i.to_string(), "json", json.as_bytes()), json)
            })
            .collect()
    }
}

/// Builds the index files from the postings, the docs (by bundle id) and the readings text.
pub fn index_files(postings: &Postings, docs: &[Doc], readings: &str) -> IndexFiles {
    let mut files = Vec::new();
    let mut root = SearchRoot {
        format: "gongkai-search".into(),
        version: 1,
        bundles: postings.n,
        shards: Vec::new(),
        blocks: Vec::new(),
        readings: hashed_name("readings", "txt", readings.as_bytes()),
    };
    for (name, json) in postings.shards() {
        root.shards.push(name.clone());
        files.push((format!("s/{name}"), json));
    }
    for (i, chunk) in docs.chunks(BLOCK).enumerate() {
        let json = serde_json::to_string(&DocBlock {
            format: "gongkai-search-docs".into(),
            version: 1,
            first: (i * BLOCK) as u32,
            docs: chunk.to_vec(),
        })
        .expect("docs serialise");
        let name = hashed_name(&i.to_string(), "json", json.as_bytes());
        root.blocks.push(name.clone());
        files.push((format!("d/{name}"), json));
    }
    files.push((root.readings.clone(), readings.to_string()));
    IndexFiles { root, files }
}

impl Shard {
    /// Reads a shard; `file` names it in errors.
    pub fn parse(text: &str, file: &str) -> Result<Shard, String> {
        let s: Shard = serde_json::from_str(text).map_err(|e| format!("{file}: {e}"))?;
        if s.format != "gongkai-search-shard" || s.version != 1 {
            return Err(format!("{file}: not a search shard of version 1"));
        }
        Ok(s)
    }
    /// The (all, names) ids of `term`, if the shard has it.
    pub fn lookup(&self, term: &str, n: u32) -> Option<Result<Ids, String>> {
        let i = self.terms.binary_search_by(|(t, ..)| t.as_str().cmp(term)).ok()?;
        let (_, all, names) = &self.terms[i];
        Some(decode_ids(all, n).and_then(|a| Ok((a, decode_ids(names, n)?))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::site_search::plan_query;

    /// FNV-1a 64 as published (offset basis 0xcbf29ce484222325, prime 0x100000001b3), written
    /// here again so the file names below are checked against the algorithm, not against the
    /// code that makes them.
    fn fnv(bytes: &[u8]) -> u64 {
        bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
            (h ^ u64::from(*b)).wrapping_mul(0x100_0000_01b3)
        })
    }

    #[test]
    fn shard_files_are_as_specified() {
        let t = |all: &[&str], names: &[&str]| BundleTerms {
            all: all.iter().map(|s| s.to_string()).collect(),
            names: names.iter().map(|s| s.to_string()).collect(),
        };
        let bundles = [t(&["ab"], &[]), t(&["ab", "农"], &["农"])];
        let refs: Vec<&BundleTerms> = bundles.iter().collect();
        let shards = Postings::of(&refs).shards();
        // "ab" in bundles 0 and 1 (bit map 0b11), in no name; "农" in bundle 1 in both lists.
        let json = r#"{"format":"gongkai-search-shard","version":1,"terms":[["ab","AQM",""],["农","AAE","AAE"]]}"#;
        assert_eq!(
            shards,
            vec![(format!("0.{:016x}.json", fnv(json.as_bytes())), json.to_string())]
        );
        // Shards by FNV-1a of the term; a pinyin term by `~` and its first letter.
        assert_eq!(shard_of("财政", 8), (fnv("财政".as_bytes()) % 8) as usize);
        assert_eq!(shard_of("~nc", 8), (fnv(b"~n") % 8) as usize);
        assert_eq!(shard_of("~nc", 8), shard_of("~nz", 8));
        assert_eq!(
            hashed_name("readings", "txt", b"x"),
            format!("readings.{:016x}.txt", fnv(b"x"))
        );
    }

    #[test]
    fn shards_round_trip_and_candidates_rank_names_first() {
        let t = |all: &[&str], names: &[&str]| BundleTerms {
            all: all.iter().map(|s| s.to_string()).collect(),
            names: names.iter().map(|s| s.to_string()).collect(),
        };
        let bundles = [
            t(&["财政", "政局", "教育"], &[]),
            t(&["财政", "政局"], &["财政", "政局"]),
            t(&["教育"], &["教育"]),
        ];
        let refs: Vec<&BundleTerms> = bundles.iter().collect();
        let postings = Postings::of(&refs);
        let shards = postings.shards();
        assert_eq!(shards.len(), 1);
        let shard = Shard::parse(&shards[0].1, "s").unwrap();
        let lookup = |term: &str| shard.lookup(term, 3).map(|r| r.unwrap());
        assert_eq!(lookup("财政"), Some((vec![0, 1], vec![1])));
        assert_eq!(lookup("不在"), None);
        let plan = plan_query("财政局");
        assert_eq!(plan.candidates(&lookup), (vec![1, 0], 1), "name match first");
        assert_eq!(plan_query("教育").candidates(&lookup), (vec![2, 0], 1));
        assert!(plan_query("卫生").candidates(&lookup).0.is_empty());
        // The same postings give the same files, names carry their content's hash.
        assert_eq!(Postings::of(&refs).shards(), shards);
        assert!(shards[0].0.starts_with("0.") && shards[0].0.ends_with(".json"));
    }
}
