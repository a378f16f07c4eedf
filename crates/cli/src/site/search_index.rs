//! Stage 4 of the site build, **search index** (a province; a site of few bundles searches each
//! bundle in the browser): the inverted index of every bundle's terms, in content-hashed shards
//! (`gongkai_model::site_search`). Terms of bundles built now come from the render stage; the
//! others' from a part's terms file, from the last index when the bundle is unchanged (its
//! postings renumbered), or from the bundle read again.

use super::collect::{files_under, Province};
use super::render_province::{Bundles, Record};
use super::write::{publish, write_if_changed};
use super::{io, Result, SiteOptions, SiteReport, BUILD_DIR};
use gongkai_model::i18n::Lang;
use gongkai_model::parse_bundle_bytes;
use gongkai_model::route::bundle_folder;
use gongkai_model::search::Readings;
use gongkai_model::site_search::{
    bundle_terms, decode_ids, index_files, reading_initials, BundleTerms, Doc, Postings, SearchRoot, Shard,
    SEARCH_INDEX_DIR, SEARCH_ROOT_FILE,
};
use rayon::prelude::*;
use std::collections::{BTreeSet, HashMap};

/// Terms as a part build leaves them for the merge (`_build/t/<folder>.txt`): `a\tterm` for
/// every term, `n\tterm` for the names'.
pub(super) fn terms_text(t: &BundleTerms) -> String {
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

/// A part's build leaves its bundles' terms for the merge (`_build/t/<folder>.txt`).
pub(super) fn leave_terms(c: &Province, bundles: &Bundles, opts: &SiteOptions) -> Result<()> {
    let out = opts.out.as_path();
    for (id, (_, terms)) in &bundles.built {
        let folder = bundle_folder(&c.catalog.bundles[*id].path);
        write_if_changed(
            &out.join(BUILD_DIR).join("t").join(format!("{folder}.txt")),
            terms_text(terms).as_bytes(),
        )?;
    }
    Ok(())
}

/// The index of every bundle the catalog lists, written to `search-index/` (older files go).
pub(super) fn build(c: &Province, bundles: &Bundles, opts: &SiteOptions, report: &mut SiteReport) -> Result<()> {
    let out = opts.out.as_path();
    let (catalog, source) = (&c.catalog, &c.source);
    let (built, unchanged) = (&bundles.built, &bundles.unchanged);
    let lap = super::Lap::new("search index");
    let n = catalog.bundles.len() as u32;
    let folders: Vec<String> = catalog.bundles.iter().map(|e| bundle_folder(&e.path)).collect();
    let mut records: Vec<Option<Record>> = vec![None; catalog.bundles.len()];
    let mut postings = Postings::new(n);
    let mut from_old: Vec<bool> = vec![false; catalog.bundles.len()];
    for (id, (r, terms)) in built {
        postings.add(*id as u32, terms);
        records[*id] = Some(r.clone());
    }
    for (id, r) in unchanged {
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
                let b = parse_bundle_bytes(Lang::Zh, &bytes, &src.display().to_string())
                    .map_err(|e| e.message(Lang::En))?;
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
    lap.at("postings");
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
    lap.at("readings");
    let index = index_files(&postings, &docs, &readings);
    lap.at("index encoded");
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
    lap.at("index written");
    Ok(())
}
