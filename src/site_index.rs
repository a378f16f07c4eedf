//! The browser's side of the site-wide search (`gongkai_model::site_search`): fetches the root,
//! the shards a query's terms are in, the doc blocks and fragments of the bundles it shows, and
//! the readings for a pinyin query — each file once per visit (the shards and fragments are
//! content-hashed, so the browser may also keep them for good).

use gongkai_model::i18n::Lang;
use gongkai_model::search::{Fragment, Hit, Readings, SearchIndex};
use gongkai_model::site_search::{
    plan_query, shard_of, Doc, DocBlock, QueryPlan, SearchRoot, Shard, BLOCK, SEARCH_INDEX_DIR, SEARCH_ROOT_FILE,
};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// Hits shown for one bundle at most.
pub const HITS_PER_BUNDLE: usize = 5;

/// One bundle in the results.
#[derive(Debug, Clone, PartialEq)]
pub struct BundleResult {
    pub doc: Doc,
    /// Where the query is in it (at most [`HITS_PER_BUNDLE`]).
    pub hits: Vec<Hit>,
    /// More than those.
    pub more_hits: bool,
    /// Its department or region name contains the query.
    pub by_name: bool,
}

/// A query's candidates: bundle ids, the first `by_name` of them matched by name.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidates {
    pub query: String,
    pub plan: QueryPlan,
    pub ids: Vec<u32>,
    pub by_name: usize,
    pub root: Rc<SearchRoot>,
}

// Fetch caches of this browser tab, not app state: the site's index files are immutable for
// the life of a deployment, so a file fetched (and parsed) once is the same on every later
// query. They decide what is downloaded, never what a search returns: results come from the
// files' contents alone, and the view keeps them in its own hook state.
thread_local! {
    /// The index's files by URL, as fetched.
    static TEXTS: RefCell<HashMap<String, Rc<str>>> = RefCell::new(HashMap::new());
    /// The parsed shards by URL.
    static SHARDS: RefCell<HashMap<String, Rc<Shard>>> = RefCell::new(HashMap::new());
    /// The pinyin readings of the search worker, once fetched.
    static READINGS: RefCell<Option<Rc<Readings>>> = const { RefCell::new(None) };
}

async fn fetch_text(lang: Lang, path: &str) -> Result<Rc<str>, String> {
    let url = format!("{SEARCH_INDEX_DIR}{path}");
    if let Some(t) = TEXTS.with(|c| c.borrow().get(&url).cloned()) {
        return Ok(t);
    }
    let bytes = crate::loader::fetch_bytes(&url).await.map_err(|e| e.message(lang))?;
    let t: Rc<str> = String::from_utf8(bytes)
        .map_err(|_| format!("{url}: not UTF-8"))?
        .into();
    TEXTS.with(|c| c.borrow_mut().insert(url, t.clone()));
    Ok(t)
}

async fn root(lang: Lang) -> Result<Rc<SearchRoot>, String> {
    let t = fetch_text(lang, SEARCH_ROOT_FILE).await?;
    let root: SearchRoot =
        serde_json::from_str(&t).map_err(|e| format!("{SEARCH_INDEX_DIR}{SEARCH_ROOT_FILE}: {e}"))?;
    if root.format != "gongkai-search" || root.version != 1 {
        return Err(format!(
            "{SEARCH_INDEX_DIR}{SEARCH_ROOT_FILE}: not a search index of version 1"
        ));
    }
    Ok(Rc::new(root))
}

async fn shard(lang: Lang, root: &SearchRoot, n: usize) -> Result<Rc<Shard>, String> {
    let name = root.shards.get(n).ok_or("search-index: shard missing")?.clone();
    if let Some(s) = SHARDS.with(|c| c.borrow().get(&name).cloned()) {
        return Ok(s);
    }
    let path = format!("s/{name}");
    let t = fetch_text(lang, &path).await?;
    let s = Rc::new(Shard::parse(&t, &format!("{SEARCH_INDEX_DIR}{path}"))?);
    // The parsed shard is kept; its text is not needed twice.
    TEXTS.with(|c| c.borrow_mut().remove(&format!("{SEARCH_INDEX_DIR}{path}")));
    SHARDS.with(|c| c.borrow_mut().insert(name, s.clone()));
    Ok(s)
}

/// Fetches the index's root ahead of the first query (the search page does on opening).
pub async fn prefetch_root(lang: Lang) {
    let _ = root(lang).await;
}

/// The bundles a query may be in (fetches the root and the query's shards).
pub async fn candidates(lang: Lang, query: &str) -> Result<Candidates, String> {
    let root = root(lang).await?;
    let plan = plan_query(query);
    let count = root.shards.len();
    let mut needed: Vec<usize> = plan.terms().into_iter().map(|t| shard_of(t, count)).collect();
    needed.sort_unstable();
    needed.dedup();
    let shards = futures::future::join_all(needed.iter().map(|n| shard(lang, &root, *n))).await;
    let mut by_number = HashMap::new();
    for (n, s) in needed.iter().zip(shards) {
        by_number.insert(*n, s?);
    }
    let n = root.bundles;
    let bad = RefCell::new(None);
    let lookup = |term: &str| -> Option<(Vec<u32>, Vec<u32>)> {
        let s = by_number.get(&shard_of(term, count))?;
        match s.lookup(term, n)? {
            Ok(ids) => Some(ids),
            Err(e) => {
                bad.borrow_mut().get_or_insert(e);
                None
            }
        }
    };
    let (ids, by_name) = plan.candidates(&lookup);
    if let Some(e) = bad.into_inner() {
        return Err(format!("{SEARCH_INDEX_DIR}: {e}"));
    }
    Ok(Candidates {
        query: query.trim().to_string(),
        plan,
        ids,
        by_name,
        root,
    })
}

/// The docs of `ids`, in order: each distinct doc block fetched and read once.
async fn docs(lang: Lang, root: &SearchRoot, ids: &[u32]) -> Result<Vec<Doc>, String> {
    let mut blocks: Vec<usize> = ids.iter().map(|id| *id as usize / BLOCK).collect();
    blocks.sort_unstable();
    blocks.dedup();
    let mut paths = Vec::new();
    for b in &blocks {
        let name = root.blocks.get(*b).ok_or("search-index: block missing")?;
        paths.push(format!("d/{name}"));
    }
    let texts = futures::future::join_all(paths.iter().map(|p| fetch_text(lang, p))).await;
    let mut read: HashMap<usize, DocBlock> = HashMap::new();
    for ((b, path), t) in blocks.iter().zip(&paths).zip(texts) {
        let block: DocBlock = serde_json::from_str(&t?).map_err(|e| format!("{SEARCH_INDEX_DIR}{path}: {e}"))?;
        read.insert(*b, block);
    }
    ids.iter()
        .map(|id| {
            let b = &read[&(*id as usize / BLOCK)];
            (*id as usize)
                .checked_sub(b.first as usize)
                .and_then(|i| b.docs.get(i))
                .cloned()
                .ok_or_else(|| format!("{SEARCH_INDEX_DIR}: bundle {id} missing from its doc block"))
        })
        .collect()
}

async fn readings(lang: Lang, root: &SearchRoot) -> Result<Rc<Readings>, String> {
    if let Some(r) = READINGS.with(|c| c.borrow().clone()) {
        return Ok(r);
    }
    let t = fetch_text(lang, &root.readings).await?;
    let r = Rc::new(Readings::parse(&t));
    READINGS.with(|c| *c.borrow_mut() = Some(r.clone()));
    Ok(r)
}

/// The results for candidates `range` (the bundles' fragments searched; a bundle whose texts
/// turn out not to contain the query, and whose name does not either, is left out).
pub async fn results(lang: Lang, c: &Candidates, range: std::ops::Range<usize>) -> Result<Vec<BundleResult>, String> {
    let ids: Vec<(usize, u32)> = c
        .ids
        .iter()
        .copied()
        .enumerate()
        .skip(range.start)
        .take(range.len())
        .collect();
    // The readings (a pinyin query) come while the doc blocks do.
    let (readings, docs) = futures::join!(
        async {
            match c.plan.pinyin {
                true => readings(lang, &c.root).await.map(Some),
                false => Ok(None),
            }
        },
        async {
            let wanted: Vec<u32> = ids.iter().map(|(_, id)| *id).collect();
            docs(lang, &c.root, &wanted).await
        }
    );
    let readings = readings?;
    let docs_ok = docs?;
    let paths: Vec<String> = docs_ok.iter().map(|d| format!("f/{}", d.fragment)).collect();
    let fragments = futures::future::join_all(paths.iter().map(|p| fetch_text(lang, p))).await;
    let mut out = Vec::new();
    for (((rank, _), doc), fragment) in ids.iter().zip(docs_ok).zip(fragments) {
        let path = format!("{SEARCH_INDEX_DIR}f/{}", doc.fragment);
        let fragment = Fragment::parse(&fragment?, &path)?;
        // The fragment's text is not needed again once searched.
        TEXTS.with(|t| t.borrow_mut().remove(&path));
        let mut index = SearchIndex::from_fragment(&fragment);
        if let Some(r) = &readings {
            index.set_readings(r.clone());
        }
        let mut hits = index.search(&c.query, HITS_PER_BUNDLE + 1);
        let more_hits = hits.len() > HITS_PER_BUNDLE;
        hits.truncate(HITS_PER_BUNDLE);
        let by_name = *rank < c.by_name;
        if hits.is_empty() && !by_name {
            continue;
        }
        out.push(BundleResult {
            doc,
            hits,
            more_hits,
            by_name,
        });
    }
    Ok(out)
}
