//! `gongkai site` for a province: thousands of bundles on one static host.
//!
//! What differs from a site of a few bundles (site.rs):
//! - **Catalog in areas** (`gongkai_model::areas`): `data/areas/index.json` (one line per area)
//!   and `data/areas/<key>.json` (one area's catalog); pages `./` (every area, filtered and
//!   paged), `a/<key>/` (an area's departments and years), both in `en/` too.
//! - **One page per bundle**: `b/<folder>/` (and `en/b/<folder>/`), its overview rendered by
//!   the viewer's components; its other views are hash addresses on it (`b/<folder>/#/duties`),
//!   rendered in the browser. The page reads its area's catalog, never the whole site's.
//! - **Search across every bundle** from a sharded index (`gongkai_model::site_search`):
//!   `search-index/` and the page `search/`.
//! - **Fast and in parts**: bundles are built in parallel (rayon, every core); a bundle whose
//!   file, area catalog, viewer template and site address are unchanged is not built again
//!   (`_build/b/<folder>.json` records what each was built from); the index is rebuilt from the
//!   previous index plus the changed bundles' terms, so adding one bundle to a built province
//!   takes seconds. `--part REGION` builds only the bundles of one region (their pages,
//!   fragments and terms) and `--merge` then writes the roots (areas, index, home and area
//!   pages), so several machines can share a big province.
//! - Bundles, pages and index files are precompressed at a fast setting (brotli 5, gzip 6);
//!   the viewer's own files at the smallest (as site.rs). The offline list holds the viewer and
//!   the home page's data only; pages and bundles are kept as they are visited.
//!
//! A full build and an incremental one give the same files, byte for byte (tested).

use crate::pages::{escape, head_tags, render_all, render_site, Page};
use crate::site::{
    catalog_of, content_security_policy, files_under, head_block, io, is_compressed_copy, page_from, template_of,
    Result, SiteOptions, SiteReport,
};
use gongkai::hooks::use_bundle::{BundleCtx, Loaded};
use gongkai::site_app::{site_data_fingerprint, SitePage};
use gongkai_model::areas::{split_into_areas, Area, AREAS_DIR};
use gongkai_model::i18n::{self, Lang};
use gongkai_model::route::{bundle_folder, lang_folder, Address, Route};
use gongkai_model::search::{Fragment, Readings};
use gongkai_model::site_search::{
    bundle_terms, decode_ids, fragment_terms, hashed_name, index_files, reading_initials, BundleTerms, Doc, Postings,
    SearchRoot, Shard, SEARCH_INDEX_DIR, SEARCH_ROOT_FILE,
};
use gongkai_model::{parse_bundle_bytes, Catalog, CatalogEntry, CheckStatus};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::{BTreeSet, HashMap};
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::sync::Arc;

/// Above this many bundles `gongkai site` builds a province (unless told otherwise).
pub const PROVINCE_FROM: usize = 200;
/// Folder of the build's records (not needed by the site; keep it for the next build).
pub const BUILD_DIR: &str = "_build";
/// Changes whenever what a bundle's outputs are made from changes.
const BUILD_VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), "/province-1");

/// Which part of a province build to run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// Everything: the bundles (those changed since the last build) and the roots.
    All,
    /// Only the bundles whose catalog region starts with this (pages, fragments, terms).
    Part(String),
    /// Only the roots, from what parts built.
    Merge,
}

/// What one bundle was built from and what it gave (`_build/b/<folder>.json`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Record {
    /// SHA-256 of the bundle file (first 16 bytes, hex).
    sha: String,
    /// The file's length and modification time when it was hashed ("len:nanoseconds"): a file
    /// with the same is not read and hashed again (as make and rsync decide).
    stamp: String,
    /// Hash of everything its pages depend on.
    pages: String,
    doc: Doc,
}

fn sha(parts: &[&[u8]]) -> String {
    let mut h = Sha256::new();
    for p in parts {
        h.update((p.len() as u64).to_le_bytes());
        h.update(p);
    }
    h.finalize().iter().take(16).map(|b| format!("{b:02x}")).collect()
}

/// Writes `content` to `path` unless it holds it already; true when written.
fn write_if_changed(path: &Path, content: &[u8]) -> Result<bool> {
    if std::fs::read(path).is_ok_and(|old| old == content) {
        return Ok(false);
    }
    if let Some(dir) = path.parent() {
        io(dir, std::fs::create_dir_all(dir))?;
    }
    io(path, std::fs::write(path, content))?;
    Ok(true)
}

/// `.br` (quality 5) and `.gz` (level 1: the fallback for the few clients without brotli)
/// copies: fast enough for thousands of files.
fn precompress_fast(path: &Path, data: &[u8]) -> Result<()> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(1));
    io(path, gz.write_all(data))?;
    let gz = io(path, gz.finish())?;
    let mut br = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 5,
        lgwin: 22,
        size_hint: data.len(),
        ..Default::default()
    };
    io(path, brotli::BrotliCompress(&mut &data[..], &mut br, &params))?;
    io(path, std::fs::write(format!("{}.gz", path.display()), gz))?;
    io(path, std::fs::write(format!("{}.br", path.display()), br))?;
    Ok(())
}

/// Writes a file of the site (and its compressed copies) unless it holds `content` already.
fn publish(out: &Path, rel: &str, content: &[u8], precompress: bool) -> Result<bool> {
    let path = out.join(rel);
    let written = write_if_changed(&path, content)?;
    let stale = precompress && !Path::new(&format!("{}.br", path.display())).exists() && content.len() > 256;
    if (written && precompress && content.len() > 256) || stale {
        precompress_fast(&path, content)?;
    }
    if written && (!precompress || content.len() <= 256) {
        for ext in ["gz", "br"] {
            let _ = std::fs::remove_file(format!("{}.{ext}", path.display()));
        }
    }
    Ok(written)
}

/// What the bundle stage did with one bundle.
enum Outcome {
    /// Built now: its record, terms and failing checks.
    Built { record: Record, terms: BundleTerms },
    /// As the last build left it.
    Unchanged(Record),
    /// Not published: its checks fail (the count) and failing checks are not allowed.
    Refused(usize),
}

/// Everything the bundle stage needs, shared by the worker threads.
struct Context<'a> {
    out: &'a Path,
    source: &'a Path,
    template: &'a str,
    policy: &'a str,
    template_hash: String,
    site_url: Option<&'a str>,
    precompress: bool,
    allow_failing: bool,
    /// Area key and its catalog's JSON hash, by bundle folder.
    areas: HashMap<String, (Arc<Area>, Arc<Catalog>, String)>,
}

/// Time spent in each stage of building bundles, in microseconds, summed over threads
/// (`GONGKAI_PROFILE=1` prints them).
static STAGES: [std::sync::atomic::AtomicU64; 5] = [const { std::sync::atomic::AtomicU64::new(0) }; 5];
const STAGE_NAMES: [&str; 5] = ["read+parse+checks", "fragment", "terms", "render", "write+compress"];

fn timed<T>(stage: usize, f: impl FnOnce() -> T) -> T {
    let t = std::time::Instant::now();
    let out = f();
    STAGES[stage].fetch_add(t.elapsed().as_micros() as u64, std::sync::atomic::Ordering::Relaxed);
    out
}

/// Builds (or finds unchanged) one bundle.
fn build_bundle(cx: &Context, e: &CatalogEntry) -> Result<Outcome> {
    let folder = bundle_folder(&e.path);
    let src = cx.source.join(&e.path);
    let record_path = cx.out.join(BUILD_DIR).join("b").join(format!("{folder}.json"));
    let old: Option<Record> = std::fs::read(&record_path)
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok());
    let meta = io(&src, std::fs::metadata(&src))?;
    let modified = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos());
    let stamp = format!("{}:{modified}", meta.len());
    let mut bytes = None;
    let bundle_sha = match old.as_ref().filter(|o| o.stamp == stamp) {
        Some(o) => o.sha.clone(),
        None => {
            let b = io(&src, std::fs::read(&src))?;
            let h = sha(&[&b]);
            bytes = Some(b);
            h
        }
    };
    let (area, area_catalog, area_hash) = cx.areas.get(&folder).ok_or("bundle without area")?;
    let pages_key = sha(&[
        bundle_sha.as_bytes(),
        area_hash.as_bytes(),
        cx.template_hash.as_bytes(),
        cx.site_url.unwrap_or("").as_bytes(),
        BUILD_VERSION.as_bytes(),
    ]);
    let page_paths = [format!("b/{folder}/index.html"), format!("en/b/{folder}/index.html")];
    if let Some(r) = old.as_ref().filter(|r| r.sha == bundle_sha && r.pages == pages_key) {
        let present = page_paths.iter().all(|p| cx.out.join(p).exists())
            && cx.out.join("data").join(&e.path).exists()
            && cx.out.join(SEARCH_INDEX_DIR).join("f").join(&r.doc.fragment).exists();
        if present {
            return Ok(Outcome::Unchanged(r.clone()));
        }
    }
    let bytes = match bytes {
        Some(b) => b,
        None => io(&src, std::fs::read(&src))?,
    };
    let (b, failing) = timed(0, || -> Result<_> {
        let b = parse_bundle_bytes(&bytes, &src.display().to_string()).map_err(|e| e.message_en())?;
        let failing = gongkai_model::reconcile(&b)
            .into_iter()
            .filter(|c| c.status == CheckStatus::Fail)
            .count();
        Ok((b, failing))
    })?;
    if failing > 0 && !cx.allow_failing {
        return Ok(Outcome::Refused(failing));
    }
    timed(4, || {
        publish(cx.out, &format!("data/{}", e.path), &bytes, cx.precompress)
    })?;
    // The search fragment, named by its content.
    let fragment_data = timed(1, || Fragment::of(&b));
    let fragment = timed(1, || {
        serde_json::to_string(&fragment_data).expect("a fragment serialises")
    });
    let fragment_name = hashed_name(&folder, "json", fragment.as_bytes());
    timed(4, || {
        publish(
            cx.out,
            &format!("{SEARCH_INDEX_DIR}f/{fragment_name}"),
            fragment.as_bytes(),
            cx.precompress,
        )
    })?;
    let terms = timed(2, || fragment_terms(&fragment_data, &b, e, &reading_initials));
    let doc = Doc {
        department: e.department.clone(),
        region: e.region.clone(),
        fiscal_year: e.fiscal_year,
        kind: e.kind,
        folder: folder.clone(),
        total: b.expenditure.total,
        unit: b.meta.unit.clone(),
        fragment: fragment_name,
    };
    // Its page in both languages: the overview, its other views hash addresses on it.
    let loaded = BundleCtx(Rc::new(Loaded {
        bundle: b,
        path: gongkai::hooks::use_bundle::bundle_url(e),
        catalog: Some(Rc::new((**area_catalog).clone())),
        province: true,
    }));
    let data: Rc<str> = gongkai_model::catalog::data_fingerprint(loaded.0.catalog.as_deref(), &loaded.0.bundle).into();
    let pages: Vec<Page> = [Lang::Zh, Lang::En]
        .into_iter()
        .map(|lang| Page {
            address: Address {
                lang,
                bundle: Some(folder.clone()),
                route: Route::Overview,
            },
            route: Route::Overview,
            loaded: loaded.clone(),
            data: data.clone(),
        })
        .collect();
    let views = timed(3, || render_all(&pages));
    for ((p, view), rel) in pages.iter().zip(views).zip(&page_paths) {
        let mut tags = head_tags(p, cx.site_url);
        tags.push_str(&format!(
            "\n  <meta name=\"gongkai-catalog\" content=\"{}\">\n  <meta name=\"gongkai-views\" content=\"hash\">\n  <link rel=\"preload\" href=\"{}\" as=\"fetch\" crossorigin=\"anonymous\">",
            escape(&area.file()),
            escape(&area.file())
        ));
        let html = page_from(
            cx.template,
            p.address.lang.code(),
            &head_block(cx.policy, &p.address.base_href(), &tags),
            Some(&view),
        )?;
        timed(4, || publish(cx.out, rel, html.as_bytes(), cx.precompress))?;
    }
    i18n::set_lang(Lang::Zh);
    let record = Record {
        sha: bundle_sha,
        stamp,
        pages: pages_key,
        doc,
    };
    // An older fragment of this bundle goes (the index names the new one).
    if let Some(o) = old.filter(|o| o.doc.fragment != record.doc.fragment) {
        let f = cx.out.join(SEARCH_INDEX_DIR).join("f").join(&o.doc.fragment);
        for p in [
            f.clone(),
            PathBuf::from(format!("{}.gz", f.display())),
            PathBuf::from(format!("{}.br", f.display())),
        ] {
            let _ = std::fs::remove_file(p);
        }
    }
    let json = serde_json::to_vec(&record).expect("a record serialises");
    write_if_changed(&record_path, &json)?;
    Ok(Outcome::Built { record, terms })
}

/// Terms as a part build leaves them for the merge (`_build/t/<folder>.txt`): `a\tterm` for
/// every term, `n\tterm` for the names'.
fn terms_text(t: &BundleTerms) -> String {
    let mut s = String::new();
    for a in &t.all {
        s.push_str("a\t");
        s.push_str(a);
        s.push('\n');
    }
    for n in &t.names {
        s.push_str("n\t");
        s.push_str(n);
        s.push('\n');
    }
    s
}

fn terms_parse(s: &str) -> BundleTerms {
    let mut t = BundleTerms::default();
    for line in s.lines() {
        match line.split_once('\t') {
            Some(("a", term)) => t.all.push(term.to_string()),
            Some(("n", term)) => t.names.push(term.to_string()),
            _ => {}
        }
    }
    t
}

/// Builds a province site (see the module notes).
pub fn build_province(opts: &SiteOptions, step: &Step) -> Result<SiteReport> {
    let started = std::time::Instant::now();
    let mut report = SiteReport::default();
    let out = opts.out.as_path();
    if opts.viewer == opts.out {
        return Err("a province is built into its own folder (-o), not in place".into());
    }
    let viewer_index = opts.viewer.join("index.html");
    let viewer_html = io(&viewer_index, std::fs::read_to_string(&viewer_index))?;
    io(out, std::fs::create_dir_all(out))?;
    // 1. The viewer's files (its data and pages are not the site's).
    let mut viewer_files = Vec::new();
    for rel in files_under(&opts.viewer)? {
        let skip = is_compressed_copy(&rel)
            || crate::pages::is_page_file(&rel)
            || rel.starts_with("data")
            || rel == Path::new("index.html");
        if !skip {
            let bytes = io(&opts.viewer.join(&rel), std::fs::read(opts.viewer.join(&rel)))?;
            write_if_changed(&out.join(&rel), &bytes)?;
            viewer_files.push(rel);
        }
    }
    // 2. The catalog and its areas.
    let source = opts.data.clone().unwrap_or_else(|| opts.viewer.join("data"));
    let (catalog, _) = catalog_of(&source)?;
    report.bundles = catalog.bundles.len();
    let catalog_json = serde_json::to_string_pretty(&catalog).expect("catalog serialises") + "\n";
    write_if_changed(&out.join("data/index.json"), catalog_json.as_bytes())?;
    let (area_index, areas) = split_into_areas(&catalog);
    // The template: the preload of the whole catalog goes (no page of a province reads it).
    let mut template = template_of(&viewer_html);
    if let Some(i) = template.find("<link rel=\"preload\" href=\"data/index.json\"") {
        let end = template[i..].find('>').map_or(template.len(), |e| i + e + 1);
        let start = template[..i].trim_end().len();
        template.replace_range(start..end, "");
    }
    let policy = content_security_policy(&template, &mut report);
    let mut by_folder = HashMap::new();
    for (area, cat) in &areas {
        let json = serde_json::to_string(cat).expect("catalog serialises");
        let hash = sha(&[json.as_bytes()]);
        let (area, cat) = (Arc::new(area.clone()), Arc::new(cat.clone()));
        for e in &cat.bundles {
            by_folder.insert(bundle_folder(&e.path), (area.clone(), cat.clone(), hash.clone()));
        }
    }
    let cx = Context {
        out,
        source: &source,
        template: &template,
        policy: &policy,
        template_hash: sha(&[template.as_bytes(), policy.as_bytes()]),
        site_url: opts.site_url.as_deref(),
        precompress: opts.precompress,
        allow_failing: opts.allow_failing_checks,
        areas: by_folder,
    };
    // 3. The bundles, in parallel.
    let chosen: Vec<(usize, &CatalogEntry)> = catalog
        .bundles
        .iter()
        .enumerate()
        .filter(|(_, e)| match step {
            Step::All => true,
            Step::Part(region) => e.region.starts_with(region.as_str()),
            Step::Merge => false,
        })
        .collect();
    if let Step::Part(region) = step {
        if chosen.is_empty() {
            return Err(format!("--part {region}: no bundle of the catalog is in that region"));
        }
    }
    let bundles_started = std::time::Instant::now();
    let outcomes: Vec<(usize, Result<Outcome>)> = chosen
        .par_iter()
        .with_min_len(4)
        .map(|(id, e)| (*id, build_bundle(&cx, e).map_err(|m| format!("{}: {m}", e.path))))
        .collect();
    report.render_ms = bundles_started.elapsed().as_secs_f64() * 1000.0;
    if std::env::var_os("GONGKAI_PROFILE").is_some() {
        for (name, t) in STAGE_NAMES.iter().zip(&STAGES) {
            let us = t.load(std::sync::atomic::Ordering::Relaxed);
            eprintln!(
                "profile: {name}: {:.1} ms a bundle (all threads)",
                us as f64 / 1000.0 / chosen.len().max(1) as f64
            );
        }
    }
    let mut built: HashMap<usize, (Record, BundleTerms)> = HashMap::new();
    let mut unchanged: HashMap<usize, Record> = HashMap::new();
    let mut refused = Vec::new();
    for (id, o) in outcomes {
        match o? {
            Outcome::Built { record, terms } => {
                built.insert(id, (record, terms));
            }
            Outcome::Unchanged(r) => {
                unchanged.insert(id, r);
            }
            Outcome::Refused(n) => refused.push(format!("{}: {n} check(s) fail", catalog.bundles[id].path)),
        }
    }
    report.built = built.len();
    report.unchanged = unchanged.len();
    report.pages = built.len() * 2;
    if !refused.is_empty() {
        let shown: Vec<&String> = refused.iter().take(10).collect();
        return Err(format!(
            "the publishing gate refused {} bundle(s) (--allow-failing-checks publishes them with the notice):\n  {}",
            refused.len(),
            shown.iter().map(|s| s.as_str()).collect::<Vec<_>>().join("\n  ")
        ));
    }
    if let Step::Part(_) = step {
        // The merge takes the terms from here.
        for (id, (_, terms)) in &built {
            let folder = bundle_folder(&catalog.bundles[*id].path);
            write_if_changed(
                &out.join(BUILD_DIR).join("t").join(format!("{folder}.txt")),
                terms_text(terms).as_bytes(),
            )?;
        }
        report.files = report.built;
        report.total_ms = started.elapsed().as_secs_f64() * 1000.0;
        return Ok(report);
    }
    // 4. The roots: areas, the search index, the home, area and search pages.
    let profile = std::env::var_os("GONGKAI_PROFILE").is_some();
    let roots_started = std::time::Instant::now();
    let lap = |what: &str| {
        if profile {
            eprintln!(
                "profile: roots: {what} at {:.0} ms",
                roots_started.elapsed().as_secs_f64() * 1000.0
            );
        }
    };
    let n = catalog.bundles.len() as u32;
    let folders: Vec<String> = catalog.bundles.iter().map(|e| bundle_folder(&e.path)).collect();
    let mut records: Vec<Option<Record>> = vec![None; catalog.bundles.len()];
    let mut postings = Postings::new(n);
    let mut from_old: Vec<bool> = vec![false; catalog.bundles.len()];
    for (id, (r, terms)) in &built {
        postings.add(*id as u32, terms);
        records[*id] = Some(r.clone());
    }
    for (id, r) in &unchanged {
        records[*id] = Some(r.clone());
    }
    // Records the step did not see (a merge, or bundles a part built).
    for (id, f) in folders.iter().enumerate() {
        if records[id].is_none() {
            let p = out.join(BUILD_DIR).join("b").join(format!("{f}.json"));
            let r: Record = std::fs::read(&p)
                .ok()
                .and_then(|b| serde_json::from_slice(&b).ok())
                .ok_or_else(|| {
                    format!(
                        "{}: not built yet (build its region with --part, or run without --merge)",
                        catalog.bundles[id].path
                    )
                })?;
            records[id] = Some(r);
        }
    }
    let records: Vec<Record> = records.into_iter().map(|r| r.expect("every record read")).collect();
    // Terms of bundles not built in this run: from a part's terms file, else from the last
    // index (when the bundle is what it was then), else read again.
    let order_path = out.join(BUILD_DIR).join("order.txt");
    let old_order: HashMap<String, (usize, String)> = std::fs::read_to_string(&order_path)
        .unwrap_or_default()
        .lines()
        .enumerate()
        .filter_map(|(i, l)| l.split_once('\t').map(|(f, s)| (f.to_string(), (i, s.to_string()))))
        .collect();
    let mut old_to_new: HashMap<u32, u32> = HashMap::new();
    let mut reread = Vec::new();
    for (id, f) in folders.iter().enumerate() {
        if built.contains_key(&id) {
            continue;
        }
        let terms_file = out.join(BUILD_DIR).join("t").join(format!("{f}.txt"));
        if let Ok(text) = std::fs::read_to_string(&terms_file) {
            postings.add(id as u32, &terms_parse(&text));
            continue;
        }
        match old_order.get(f) {
            Some((old_id, old_sha)) if *old_sha == records[id].sha => {
                old_to_new.insert(*old_id as u32, id as u32);
                from_old[id] = true;
            }
            _ => reread.push(id),
        }
    }
    let reread_terms: Vec<(usize, Result<BundleTerms>)> = reread
        .par_iter()
        .map(|id| {
            let e = &catalog.bundles[*id];
            let src = source.join(&e.path);
            let r = io(&src, std::fs::read(&src)).and_then(|bytes| {
                let b = parse_bundle_bytes(&bytes, &src.display().to_string()).map_err(|e| e.message_en())?;
                Ok(bundle_terms(&b, e, &reading_initials))
            });
            (*id, r)
        })
        .collect();
    for (id, t) in reread_terms {
        postings.add(id as u32, &t?);
    }
    if !old_to_new.is_empty() {
        let old_root_path = out.join(SEARCH_INDEX_DIR).join(SEARCH_ROOT_FILE);
        let old_root: SearchRoot = serde_json::from_slice(&io(&old_root_path, std::fs::read(&old_root_path))?)
            .map_err(|e| format!("{}: {e}", old_root_path.display()))?;
        let old_n = old_root.bundles;
        let shards: Vec<Result<Vec<(String, Vec<u32>, Vec<u32>)>>> = old_root
            .shards
            .par_iter()
            .map(|name| {
                let p = out.join(SEARCH_INDEX_DIR).join("s").join(name);
                let text = io(&p, std::fs::read_to_string(&p))?;
                let shard = Shard::parse(&text, &p.display().to_string())?;
                let map = |ids: Vec<u32>| -> Vec<u32> {
                    ids.into_iter().filter_map(|i| old_to_new.get(&i).copied()).collect()
                };
                shard
                    .terms
                    .into_iter()
                    .map(|(t, a, nm)| Ok((t, map(decode_ids(&a, old_n)?), map(decode_ids(&nm, old_n)?))))
                    .collect()
            })
            .collect();
        for s in shards {
            for (term, all, names) in s? {
                if all.is_empty() && names.is_empty() {
                    continue;
                }
                let e = postings.terms.entry(term).or_default();
                for id in all {
                    e.0.push(id, n);
                }
                for id in names {
                    e.1.push(id, n);
                }
            }
        }
    }
    report.reused_terms = from_old.iter().filter(|b| **b).count();
    lap("postings");
    // The readings of every character the index holds.
    let chars: String = postings
        .terms
        .keys()
        .filter(|t| t.chars().count() == 1 && !t.is_ascii())
        .flat_map(|t| t.chars())
        .collect::<BTreeSet<char>>()
        .into_iter()
        .collect();
    let readings = Readings::for_chars(&chars).to_text();
    let docs: Vec<Doc> = records.iter().map(|r| r.doc.clone()).collect();
    lap("readings");
    let index = index_files(&postings, &docs, &readings);
    lap("index encoded");
    let mut keep: BTreeSet<String> = index.files.iter().map(|(rel, _)| rel.clone()).collect();
    index
        .files
        .par_iter()
        .map(|(rel, content)| {
            publish(
                out,
                &format!("{SEARCH_INDEX_DIR}{rel}"),
                content.as_bytes(),
                opts.precompress,
            )
        })
        .collect::<Result<Vec<bool>>>()?;
    for d in &docs {
        keep.insert(format!("f/{}", d.fragment));
    }
    let root_json = serde_json::to_string(&index.root).expect("root serialises");
    publish(
        out,
        &format!("{SEARCH_INDEX_DIR}{SEARCH_ROOT_FILE}"),
        root_json.as_bytes(),
        opts.precompress,
    )?;
    keep.insert(SEARCH_ROOT_FILE.into());
    // Files of older indexes go.
    let index_dir = out.join(SEARCH_INDEX_DIR);
    for rel in files_under(&index_dir)? {
        let plain = rel.to_string_lossy().replace('\\', "/");
        let base = plain
            .strip_suffix(".gz")
            .or(plain.strip_suffix(".br"))
            .unwrap_or(&plain);
        if !keep.contains(base) {
            io(&index_dir.join(&rel), std::fs::remove_file(index_dir.join(&rel)))?;
        }
    }
    report.index_files = index.files.len() + 1;
    report.shards = index.root.shards.len();
    report.index_bytes = index.files.iter().map(|(_, c)| c.len() as u64).sum();
    let order: String = folders
        .iter()
        .zip(&records)
        .map(|(f, r)| format!("{f}\t{}\n", r.sha))
        .collect();
    write_if_changed(&order_path, order.as_bytes())?;
    let _ = std::fs::remove_dir_all(out.join(BUILD_DIR).join("t"));
    lap("index written");
    // Areas.
    let index_json = serde_json::to_string(&area_index).expect("areas serialise");
    publish(
        out,
        &format!("{AREAS_DIR}index.json"),
        index_json.as_bytes(),
        opts.precompress,
    )?;
    let mut area_files: BTreeSet<String> = BTreeSet::from(["index.json".to_string()]);
    for (area, cat) in &areas {
        let json = serde_json::to_string(cat).expect("catalog serialises");
        publish(out, &area.file(), json.as_bytes(), opts.precompress)?;
        area_files.insert(format!("{}.json", area.key));
    }
    for rel in files_under(&out.join(AREAS_DIR))? {
        let plain = rel.to_string_lossy().to_string();
        let base = plain
            .strip_suffix(".gz")
            .or(plain.strip_suffix(".br"))
            .unwrap_or(&plain);
        if !area_files.contains(base) {
            io(&rel, std::fs::remove_file(out.join(AREAS_DIR).join(&rel)))?;
        }
    }
    // The site's own pages.
    let area_index = Rc::new(area_index);
    let mut site_pages: Vec<(Lang, SitePage, String)> = Vec::new();
    for lang in [Lang::Zh, Lang::En] {
        site_pages.push((
            lang,
            SitePage::Home(area_index.clone()),
            format!("{AREAS_DIR}index.json"),
        ));
        site_pages.push((lang, SitePage::Search, String::new()));
        for (area, cat) in &areas {
            site_pages.push((
                lang,
                SitePage::Area {
                    key: area.key.clone(),
                    catalog: Rc::new(cat.clone()),
                },
                area.file(),
            ));
        }
    }
    lap("areas written");
    let views = render_site(&site_pages.iter().map(|(l, p, _)| (*l, p.clone())).collect::<Vec<_>>());
    let mut sitemap_paths = Vec::new();
    for ((lang, page, catalog_file), view) in site_pages.iter().zip(views) {
        i18n::set_lang(*lang);
        let (kind, rest) = match page {
            SitePage::Home(_) => ("home", String::new()),
            SitePage::Search => ("search", "search/".to_string()),
            SitePage::Area { key, .. } => ("area", format!("a/{key}/")),
        };
        let path = format!("{}{rest}", lang_folder(*lang));
        let depth = path.matches('/').count();
        let base = if depth == 0 {
            "./".to_string()
        } else {
            "../".repeat(depth)
        };
        let title = format!("{} · {}", page.title(), i18n::t("app.site_name"));
        let description = match page {
            SitePage::Home(i) => gongkai_model::tr!("site.home_count", i.areas.len(), i.bundles),
            SitePage::Area { catalog, .. } => gongkai_model::tr!("catalog.count", catalog.bundles.len()),
            SitePage::Search => i18n::t("site.search_prompt").to_string(),
        };
        let mut tags = vec![
            format!(
                "<meta name=\"gongkai-page\" content=\"{}\">",
                escape(if path.is_empty() { "./" } else { &path })
            ),
            format!("<meta name=\"gongkai-site-page\" content=\"{kind}\">"),
            format!(
                "<meta name=\"gongkai-data\" content=\"{}\">",
                site_data_fingerprint(page)
            ),
            format!("<title>{}</title>", escape(&title)),
            format!("<meta name=\"description\" content=\"{}\">", escape(&description)),
            format!("<meta property=\"og:title\" content=\"{}\">", escape(&title)),
        ];
        if !catalog_file.is_empty() {
            tags.push(format!(
                "<meta name=\"gongkai-catalog\" content=\"{}\">",
                escape(catalog_file)
            ));
            tags.push(format!(
                "<link rel=\"preload\" href=\"{}\" as=\"fetch\" crossorigin=\"anonymous\">",
                escape(catalog_file)
            ));
        }
        if let Some(url) = opts.site_url.as_deref() {
            tags.push(format!(
                "<link rel=\"canonical\" href=\"{}\">",
                escape(&format!("{url}{path}"))
            ));
            let bare = path.strip_prefix("en/").unwrap_or(&path);
            for l in [Lang::Zh, Lang::En] {
                tags.push(format!(
                    "<link rel=\"alternate\" hreflang=\"{}\" href=\"{}\">",
                    l.code(),
                    escape(&format!("{url}{}{bare}", lang_folder(l)))
                ));
            }
        }
        let html = page_from(
            &template,
            lang.code(),
            &head_block(&policy, &base, &tags.join("\n  ")),
            Some(&view),
        )?;
        publish(out, &format!("{path}index.html"), html.as_bytes(), opts.precompress)?;
        if kind != "search" {
            sitemap_paths.push(path);
        }
    }
    i18n::set_lang(Lang::Zh);
    // Pages and records of bundles the catalog no longer lists go.
    let listed: BTreeSet<&str> = folders.iter().map(String::as_str).collect();
    for dir in [out.join("b"), out.join("en/b")] {
        if let Ok(entries) = std::fs::read_dir(&dir) {
            for e in entries.flatten() {
                let name = e.file_name().to_string_lossy().to_string();
                if !listed.contains(name.as_str()) {
                    io(&e.path(), std::fs::remove_dir_all(e.path()))?;
                }
            }
        }
    }
    if let Ok(entries) = std::fs::read_dir(out.join(BUILD_DIR).join("b")) {
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().to_string();
            if !listed.contains(name.trim_end_matches(".json")) {
                io(&e.path(), std::fs::remove_file(e.path()))?;
            }
        }
    }
    // Pages of areas no longer listed go.
    let keys: BTreeSet<String> = areas.iter().map(|(a, _)| a.key.clone()).collect();
    for dir in [out.join("a"), out.join("en/a")] {
        if let Ok(entries) = std::fs::read_dir(&dir) {
            for e in entries.flatten() {
                if !keys.contains(&e.file_name().to_string_lossy().to_string()) {
                    io(&e.path(), std::fs::remove_dir_all(e.path()))?;
                }
            }
        }
    }
    // The shell (offline fallback), robots.txt, sitemap.xml.
    let shell_tags = format!(
        "<title>{}</title>\n  <meta name=\"description\" content=\"{}\">",
        escape(gongkai_model::tr!("app.title")),
        escape(gongkai_model::tr!("app.description"))
    );
    let shell = page_from(&template, "zh-CN", &head_block(&policy, "./", &shell_tags), None)?;
    publish(out, "shell.html", shell.as_bytes(), opts.precompress)?;
    let robots = match opts.site_url.as_deref() {
        Some(url) => format!("User-agent: *\nAllow: /\nDisallow: /{BUILD_DIR}/\nSitemap: {url}sitemap.xml\n"),
        None => format!("User-agent: *\nAllow: /\nDisallow: /{BUILD_DIR}/\n"),
    };
    publish(out, "robots.txt", robots.as_bytes(), false)?;
    match opts.site_url.as_deref() {
        Some(url) => {
            let mut s = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
            let bundle_paths = folders.iter().flat_map(|f| [format!("b/{f}/"), format!("en/b/{f}/")]);
            for p in sitemap_paths.iter().cloned().chain(bundle_paths) {
                s.push_str(&format!("  <url><loc>{}</loc></url>\n", escape(&format!("{url}{p}"))));
            }
            s.push_str("</urlset>\n");
            publish(out, "sitemap.xml", s.as_bytes(), opts.precompress)?;
        }
        None => {
            let _ = std::fs::remove_file(out.join("sitemap.xml"));
        }
    }
    lap("site pages written");
    // 5. The offline list: the viewer and the home page's data; the rest as visited.
    finish_province_service_worker(out, &mut report)?;
    // The viewer's own files: the smallest copies, made once.
    if opts.precompress {
        let viewer_files: BTreeSet<PathBuf> = viewer_files.into_iter().chain([PathBuf::from("sw.js")]).collect();
        crate::site::precompress_files(out, &viewer_files, &mut report, &|rel: &Path| {
            let br = out.join(format!("{}.br", rel.display()));
            let src_time = std::fs::metadata(out.join(rel)).and_then(|m| m.modified()).ok();
            let br_time = std::fs::metadata(&br).and_then(|m| m.modified()).ok();
            !matches!((src_time, br_time), (Some(s), Some(b)) if b >= s)
        })?;
    }
    lap("viewer compressed");
    report.files = report.built * 5 + report.index_files;
    report.total_ms = started.elapsed().as_secs_f64() * 1000.0;
    Ok(report)
}

/// sw.js for a province: precaches the viewer's files and the home page's data only.
fn finish_province_service_worker(out: &Path, report: &mut SiteReport) -> Result<()> {
    let files: Vec<PathBuf> = files_under(out)?
        .into_iter()
        .filter(|p| !is_compressed_copy(p))
        .filter(|p| {
            let top = p.components().next().and_then(|c| c.as_os_str().to_str()).unwrap_or("");
            p.components().count() == 1
                && !["sw.js", "bundle.schema.json", "robots.txt", "sitemap.xml", "index.html"].contains(&top)
                && !top.starts_with("pdf-import-worker")
        })
        .collect();
    let mut list: Vec<String> = vec!["./".into(), format!("./{AREAS_DIR}index.json")];
    list.extend(
        files
            .iter()
            .map(|f| format!("./{}", f.to_string_lossy().replace('\\', "/"))),
    );
    crate::site::write_service_worker(out, &list, report)
}
