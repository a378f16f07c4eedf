//! Search across every bundle of a large site from static files, in the spirit of Pagefind:
//! an inverted index from terms to bundles, cut into shards by the hash of the term, so a query
//! downloads the small root, the few shards holding its terms, the block naming the bundles it
//! hit and the search fragments of the first of those bundles — never the bundles themselves.
//!
//! Files (under [`SEARCH_INDEX_DIR`] of the site root):
//! - `root.json` ([`SearchRoot`]): the number of bundles, the shard and block file names;
//! - `s/<n>.<hash>.json` ([`Shard`]): for each term whose hash falls in shard n, the bundles
//!   whose texts contain it and those whose name (department, region) contains it;
//! - `d/<n>.<hash>.json` ([`DocBlock`]): for bundles `n*BLOCK..`, what a result names (department,
//!   region, year, total) and the file of its fragment;
//! - `f/<bundle>.<hash>.json` ([`crate::search::Fragment`]): every searchable text of one bundle
//!   with its place, which the viewer searches exactly as it searches a loaded bundle;
//! - `readings.<hash>.txt`: the pinyin of every character of the site (only for pinyin queries).
//!
//! Every file but the root is named by a hash of its content: immutable, cacheable for ever.
//!
//! Terms make substring search exact as a filter (a bundle containing the query always has all
//! of the query's terms): each Chinese character and each pair of adjacent ones; each run of
//! Latin letters and digits gives all its pieces of 1 to 3 characters, a run of
//! digits (a budget-line code, an amount) all its pieces of 1 to 7, so a code up to 7 digits
//! is one term and finds exactly the bundles that print it; and for
//! pinyin, `~` followed by the first letters of the readings of one character or of two
//! adjacent ones (`~nc` for 农村). A query's terms may also match bundles where the pieces are
//! not adjacent; the viewer's search of the fragment then finds nothing there and the result
//! list skips them.
//!
//! Text and query are folded alike ([`crate::chars::fold`]: case, full-width letters and
//! digits), the terms when the site is built, the query in the browser, so `ＧＤＰ` in a bundle
//! is found by `gdp` and `２０１０１` by `20101`.
//!
//! One file a concern: `terms.rs` (the terms of a text and of a bundle, the pinyin initials),
//! `encoding.rs` (id sets, their encoding, content-hashed names), `shards.rs` (postings cut into
//! shards, the files written at build time and read in the browser) and `query.rs` (a query's
//! plan and the bundles it may match). This file is the public API.

mod encoding;
mod query;
mod shards;
mod terms;

pub use encoding::{decode_ids, encode_ids, hashed_name, IdSet, Ids};
pub use query::{plan_query, QueryPlan};
pub use shards::{
    index_files, shard_of, Doc, DocBlock, IndexFiles, Postings, SearchRoot, Shard, BLOCK, SHARD_TARGET_BYTES,
};
#[cfg(feature = "pinyin")]
pub use terms::reading_initials;
pub use terms::{bundle_terms, fragment_terms, text_terms, BundleTerms};

/// The index folder, relative to the site root.
pub const SEARCH_INDEX_DIR: &str = "search-index/";
/// The index's root file (not content-hashed: it names every other file), under
/// [`SEARCH_INDEX_DIR`].
pub const SEARCH_ROOT_FILE: &str = "root.json";
