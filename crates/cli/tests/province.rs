//! A province site (`gongkai generate` + `gongkai site --province`): every bundle findable by
//! its department's name and by a budget-line code through the sharded index; an incremental
//! build, and one built in parts and merged, equal a full build byte for byte.

use gongkai_model::search::{Fragment, SearchIndex};
use gongkai_model::site_search::{shard_of, DocBlock, SearchRoot, Shard, BLOCK};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
mod common;
use common::gongkai;

fn ok(args: &[&str]) -> String {
    let (code, out, err) = gongkai(args);
    assert_eq!(code, 0, "gongkai {args:?}: {out}{err}");
    out
}

/// Every file under `dir` with its bytes.
fn tree(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.insert(p.strip_prefix(dir).unwrap().to_path_buf(), std::fs::read(&p).unwrap());
            }
        }
    }
    out
}

fn same_trees(a: &Path, b: &Path) {
    let (ta, tb) = (tree(a), tree(b));
    let only_a: Vec<_> = ta.keys().filter(|k| !tb.contains_key(*k)).take(5).collect();
    let only_b: Vec<_> = tb.keys().filter(|k| !ta.contains_key(*k)).take(5).collect();
    assert!(
        only_a.is_empty() && only_b.is_empty(),
        "only in {a:?}: {only_a:?}; only in {b:?}: {only_b:?}"
    );
    let differ: Vec<_> = ta
        .iter()
        .filter(|(k, v)| tb[*k] != **v)
        .map(|(k, _)| k)
        .take(5)
        .collect();
    assert!(differ.is_empty(), "differ: {differ:?}");
}

/// A built viewer stand-in, a generated province of `n` bundles from the seed and an imported
/// Jiangsu document (which has the standard tables and their codes).
fn setup(name: &str, n: usize) -> (PathBuf, PathBuf, PathBuf) {
    let tmp = std::env::temp_dir().join(format!("gongkai-province-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&tmp);
    let (viewer, sources, data) = (tmp.join("dist"), tmp.join("sources"), tmp.join("province"));
    std::fs::create_dir_all(&viewer).unwrap();
    std::fs::create_dir_all(&sources).unwrap();
    std::fs::write(
        viewer.join("index.html"),
        "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">\n  <link rel=\"preload\" href=\"data/index.json\" as=\"fetch\" crossorigin=\"anonymous\">\n  <script>window.boot = 1;</script><script type=\"module\" src=\"app.js\"></script></head><body>\n  <main id=\"boot\"></main></body></html>",
    )
    .unwrap();
    std::fs::write(
        viewer.join("sw.js"),
        "const VERSION = '__GONGKAI_VERSION__';\nconst FILES = __GONGKAI_FILES__;\n",
    )
    .unwrap();
    std::fs::write(viewer.join("app.js"), "export default 1;\n".repeat(50)).unwrap();
    let jiangsu = sources.join("jiangsu.json");
    let (code, _, err) = gongkai(&[
        "import",
        "../import/tests/fixtures/jiangsu/江苏省人大办公厅2017年度预算公开.layout.txt",
        "-o",
        jiangsu.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    ok(&[
        "generate",
        "--from",
        "../../data/pingxiang-fgj-2017.json",
        "--from",
        jiangsu.to_str().unwrap(),
        "--count",
        &n.to_string(),
        "-o",
        data.to_str().unwrap(),
    ]);
    (tmp, viewer, data)
}

fn site(viewer: &Path, data: &Path, out: &Path, extra: &[&str]) -> String {
    let mut args = vec![
        "site",
        data.to_str().unwrap(),
        "--viewer",
        viewer.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--province",
        "--no-precompress",
    ];
    args.extend_from_slice(extra);
    ok(&args)
}

/// The bundles (ids) the index gives for `query`, and for each the fragment's hits.
fn search(out: &Path, query: &str) -> Vec<(u32, usize)> {
    let dir = out.join("search-index");
    let root: SearchRoot = serde_json::from_slice(&std::fs::read(dir.join("root.json")).unwrap()).unwrap();
    let plan = gongkai_model::site_search::plan_query(query);
    let shards: BTreeMap<usize, Shard> = plan
        .terms()
        .into_iter()
        .map(|t| shard_of(t, root.shards.len()))
        .map(|n| {
            let text = std::fs::read_to_string(dir.join("s").join(&root.shards[n])).unwrap();
            (n, Shard::parse(&text, "s").unwrap())
        })
        .collect();
    let lookup = |t: &str| {
        shards[&shard_of(t, root.shards.len())]
            .lookup(t, root.bundles)
            .map(|r| r.unwrap())
    };
    let (ids, _) = plan.candidates(&lookup);
    ids.into_iter()
        .map(|id| {
            let block: DocBlock =
                serde_json::from_slice(&std::fs::read(dir.join("d").join(&root.blocks[id as usize / BLOCK])).unwrap())
                    .unwrap();
            let doc = &block.docs[id as usize - block.first as usize];
            let fragment = Fragment::parse(
                &std::fs::read_to_string(dir.join("f").join(&doc.fragment)).unwrap(),
                "f",
            )
            .unwrap();
            (id, SearchIndex::from_fragment(&fragment).search(query, 1000).len())
        })
        .collect()
}

#[test]
fn every_bundle_is_found_by_its_department_name_and_by_a_budget_line_code() {
    let (tmp, viewer, data) = setup("find", 100);
    let out = tmp.join("site");
    let report = site(&viewer, &data, &out, &[]);
    assert!(report.contains("province of 100 bundle(s): 100 built"), "{report}");
    let catalog =
        gongkai_model::parse_catalog(&std::fs::read_to_string(data.join("index.json")).unwrap(), "c").unwrap();
    // Shards round trip: every term of every shard decodes to bundles of this site.
    let root: SearchRoot = serde_json::from_slice(&std::fs::read(out.join("search-index/root.json")).unwrap()).unwrap();
    assert_eq!(root.bundles, 100);
    assert!(root.shards.len().is_power_of_two());
    for name in &root.shards {
        let text = std::fs::read_to_string(out.join("search-index/s").join(name)).unwrap();
        let shard = Shard::parse(&text, name).unwrap();
        for (term, ..) in &shard.terms {
            assert_eq!(
                root.shards[shard_of(term, root.shards.len())],
                *name,
                "{term} in the wrong shard"
            );
            let (all, names) = shard.lookup(term, root.bundles).unwrap().unwrap();
            assert!(names.iter().all(|n| all.contains(n)), "{term}: names ⊆ all");
        }
    }
    // Every bundle by its department's name: the first results are that department's years.
    for (id, e) in catalog.bundles.iter().enumerate() {
        let found = search(&out, &e.department);
        let position = found.iter().position(|(i, _)| *i == id as u32);
        assert!(position.is_some_and(|p| p < 3), "{}: {found:?}", e.department);
    }
    // Every bundle derived from the Jiangsu document by a code of its standard tables (each
    // such bundle, and only bundles that print that code).
    let found = search(&out, "2010101");
    let with_tables: Vec<u32> = (0..100u32).filter(|i| i % 2 == 1).collect();
    let hits: Vec<u32> = found.iter().filter(|(_, n)| *n > 0).map(|(i, _)| *i).collect();
    assert_eq!(hits, with_tables);
    // Pinyin of a department's name.
    assert!(!search(&out, "caizhengju").is_empty());
    assert!(search(&out, "这个词不在任何公开里").is_empty());
    // Pages: the home, each area, each bundle's overview, in both languages.
    for p in [
        "index.html",
        "en/index.html",
        "search/index.html",
        "data/areas/index.json",
    ] {
        assert!(out.join(p).exists(), "{p}");
    }
    let home = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(
        home.contains("gongkai-site-page") && home.contains("样例01市"),
        "home lists the areas"
    );
    assert!(
        !home.contains("href=\"data/index.json\""),
        "no page preloads the whole catalog"
    );
    let first = gongkai_model::route::bundle_folder(&catalog.bundles[0].path);
    let page = std::fs::read_to_string(out.join(format!("b/{first}/index.html"))).unwrap();
    assert!(page.contains("name=\"gongkai-views\" content=\"hash\""));
    assert!(
        page.contains(&format!("href=\"b/{first}/#/duties\"")),
        "views are hash addresses on the page"
    );
    let _ = std::fs::remove_dir_all(&tmp);
}

#[test]
fn incremental_and_merged_builds_equal_a_full_build_byte_for_byte() {
    let (tmp, viewer, data) = setup("incr", 130);
    let full = tmp.join("full");
    site(&viewer, &data, &full, &[]);
    // Built without the last bundle, then with it: only what it touches is built again.
    let index = data.join("index.json");
    let text = std::fs::read_to_string(&index).unwrap();
    let mut catalog = gongkai_model::parse_catalog(&text, "c").unwrap();
    let last = catalog.bundles.pop().unwrap();
    let incr = tmp.join("incr");
    std::fs::write(&index, serde_json::to_string_pretty(&catalog).unwrap()).unwrap();
    site(&viewer, &data, &incr, &[]);
    std::fs::write(&index, &text).unwrap();
    let report = site(&viewer, &data, &incr, &[]);
    // The new bundle, and the bundles of its area (their year lists changed), are built.
    let area: usize = catalog.bundles.iter().filter(|e| e.region == last.region).count();
    assert!(
        report.contains(&format!("{} built, {} unchanged", area + 1, 129 - area)),
        "{report}"
    );
    assert!(
        report.contains(&format!("({} bundles' terms reused)", 129 - area)),
        "{report}"
    );
    same_trees(&full, &incr);
    // Nothing changed: nothing built.
    let again = site(&viewer, &data, &incr, &[]);
    assert!(again.contains("0 built, 130 unchanged"), "{again}");
    same_trees(&full, &incr);
    // In parts (one region each, as several machines would), then merged.
    let parts = tmp.join("parts");
    site(&viewer, &data, &parts, &["--part", "样例省 样例01市 样例0101县"]);
    let (code, _, err) = gongkai(&[
        "site",
        data.to_str().unwrap(),
        "--viewer",
        viewer.to_str().unwrap(),
        "-o",
        parts.to_str().unwrap(),
        "--province",
        "--no-precompress",
        "--merge",
    ]);
    assert_ne!(code, 0, "a merge before every part is built says so");
    assert!(err.contains("not built yet"), "{err}");
    site(&viewer, &data, &parts, &["--part", "样例省 样例01市 样例0102县"]);
    site(&viewer, &data, &parts, &["--merge"]);
    same_trees(&full, &parts);
    let _ = std::fs::remove_dir_all(&tmp);
}
