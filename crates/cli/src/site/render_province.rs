//! Stage 3 of a province's build, **render pages**: each bundle's page (its overview, both
//! languages) with its data file and search fragment, in parallel, skipping a bundle whose file,
//! area, template and address are unchanged (`_build/b/<folder>.json` records what each was
//! built from); each bundle's checks are made here too (stage 2 for a province: a bundle is read
//! once), and refusals reported by `check.rs`. Then the province's own pages: the areas' catalogs,
//! the home, area and search pages, the shell, robots.txt and sitemap.xml.

use super::collect::{files_under, Province};
use super::render::Template;
use super::write::{publish, sha, write_if_changed};
use super::{io, Result, SiteOptions, SiteReport, Step, BUILD_DIR, BUILD_VERSION};
use crate::pages::{escape, head_tags, render_all, render_site, Page};
use gongkai::hooks::use_bundle::{BundleCtx, Loaded};
use gongkai::site_app::{site_data_fingerprint, SitePage};
use gongkai_model::areas::{Area, AREAS_DIR};
use gongkai_model::i18n::Lang;
use gongkai_model::route::{bundle_folder, lang_folder, Address, Route};
use gongkai_model::search::Fragment;
use gongkai_model::site_search::{fragment_terms, hashed_name, reading_initials, BundleTerms, Doc, SEARCH_INDEX_DIR};
use gongkai_model::{parse_bundle_bytes, Catalog, CatalogEntry, CheckStatus};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::sync::Arc;

/// What one bundle was built from and what it gave (`_build/b/<folder>.json`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(super) struct Record {
    /// SHA-256 of the bundle file (first 16 bytes, hex).
    pub sha: String,
    /// The file's length and modification time when it was hashed ("len:nanoseconds"): a file
    /// with the same is not read and hashed again (as make and rsync decide).
    pub stamp: String,
    /// Hash of everything its pages depend on.
    pub pages: String,
    pub doc: Doc,
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
    template: &'a Template,
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
        // (Worker threads: the details in Chinese, as the messages of these threads always were.)
        let b = parse_bundle_bytes(Lang::Zh, &bytes, &src.display().to_string()).map_err(|e| e.message(Lang::En))?;
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
            "\n  <meta name=\"gongkai-catalog\" content=\"{}\">\n  <meta name=\"gongkai-views\" content=\"hash\">",
            escape(&area.file())
        ));
        let html = cx
            .template
            .page(p.address.lang.code(), &p.address.base_href(), &tags, Some(&view));
        timed(4, || publish(cx.out, rel, html.as_bytes(), cx.precompress))?;
    }
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

/// What the bundle stage did: bundles built now (their record and search terms), found as the
/// last build left them, and refused by the publishing gate ("path: n check(s) fail").
pub(super) struct Bundles {
    pub built: HashMap<usize, (Record, BundleTerms)>,
    pub unchanged: HashMap<usize, Record>,
    pub refused: Vec<String>,
}

/// Builds the bundles `step` chooses, in parallel, with a progress bar.
pub(super) fn bundles(c: &Province, opts: &SiteOptions, step: &Step, report: &mut SiteReport) -> Result<Bundles> {
    let out = opts.out.as_path();
    let (catalog, template) = (&c.catalog, &c.template);
    let cx = Context {
        out,
        source: &c.source,
        template,
        template_hash: sha(&template.parts()),
        site_url: opts.site_url.as_deref(),
        precompress: opts.precompress,
        allow_failing: opts.allow_failing_checks,
        areas: c.by_folder.clone(),
    };
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
    let progress = crate::progress::Stage::new("site: render pages", chosen.len());
    let bundles_started = std::time::Instant::now();
    let outcomes: Vec<(usize, Result<Outcome>)> = chosen
        .par_iter()
        .with_min_len(4)
        .map(|(id, e)| {
            let r = build_bundle(&cx, e).map_err(|m| format!("{}: {m}", e.path));
            progress.step(&e.path);
            (*id, r)
        })
        .collect();
    progress.finish();
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
    Ok(Bundles {
        built,
        unchanged,
        refused,
    })
}

/// The province's own pages and data: the areas' catalogs, the home, area and search pages in
/// both languages, the shell (offline fallback), robots.txt and sitemap.xml; pages, records and
/// areas of bundles the catalog no longer lists go.
pub(super) fn roots(c: &Province, opts: &SiteOptions) -> Result<()> {
    let out = opts.out.as_path();
    let (catalog, areas, template) = (&c.catalog, &c.areas, &c.template);
    let folders: Vec<String> = catalog.bundles.iter().map(|e| bundle_folder(&e.path)).collect();
    let lap = super::Lap::new("roots");
    // Areas.
    let index_json = serde_json::to_string(&c.area_index).expect("areas serialise");
    publish(
        out,
        &format!("{AREAS_DIR}index.json"),
        index_json.as_bytes(),
        opts.precompress,
    )?;
    let mut area_files: BTreeSet<String> = BTreeSet::from(["index.json".to_string()]);
    for (area, cat) in areas {
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
    let area_index = Rc::new(c.area_index.clone());
    let mut site_pages: Vec<(Lang, SitePage, String)> = Vec::new();
    for lang in [Lang::Zh, Lang::En] {
        site_pages.push((
            lang,
            SitePage::Home(area_index.clone()),
            format!("{AREAS_DIR}index.json"),
        ));
        site_pages.push((lang, SitePage::Search, String::new()));
        for (area, cat) in areas {
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
    lap.at("areas written");
    let views = render_site(&site_pages.iter().map(|(l, p, _)| (*l, p.clone())).collect::<Vec<_>>());
    let mut sitemap_paths = Vec::new();
    for ((lang, page, catalog_file), view) in site_pages.iter().zip(views) {
        let lang = *lang;
        let (kind, rest) = match page {
            SitePage::Home(_) => ("home", String::new()),
            SitePage::Search => ("search", "search/".to_string()),
            SitePage::Area { key, .. } => ("area", format!("a/{key}/")),
        };
        let path = format!("{}{rest}", lang_folder(lang));
        let depth = path.matches('/').count();
        let base = if depth == 0 {
            "./".to_string()
        } else {
            "../".repeat(depth)
        };
        let title = format!("{} · {}", page.title(lang), lang.t("app.site_name"));
        let description = match page {
            SitePage::Home(i) => gongkai_model::tr!(lang, "site.home_count", i.areas.len(), i.bundles),
            SitePage::Area { catalog, .. } => gongkai_model::tr!(lang, "catalog.count", catalog.bundles.len()),
            SitePage::Search => lang.t("site.search_prompt").to_string(),
        };
        let mut tags = vec![
            format!(
                "<meta name=\"gongkai-page\" content=\"{}\">",
                escape(if path.is_empty() { "./" } else { &path })
            ),
            format!("<meta name=\"gongkai-site-page\" content=\"{kind}\">"),
            // The module that holds these pages (issue #27; static/boot.js starts it).
            "<meta name=\"gongkai-app\" content=\"site\">".to_string(),
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
        let html = template.page(lang.code(), &base, &tags.join("\n  "), Some(&view));
        publish(out, &format!("{path}index.html"), html.as_bytes(), opts.precompress)?;
        if kind != "search" {
            sitemap_paths.push(path);
        }
    }
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
        escape(gongkai_model::tr!(gongkai_model::i18n::Lang::Zh, "app.title")),
        escape(gongkai_model::tr!(gongkai_model::i18n::Lang::Zh, "app.description"))
    );
    let shell = template.page("zh-CN", "./", &shell_tags, None);
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
    lap.at("site pages written");
    Ok(())
}
