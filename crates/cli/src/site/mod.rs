//! `gongkai site`: a built viewer (Trunk's `dist/`) plus a folder of bundles → a deployable
//! site, with no Trunk, node or Rust toolchain needed. The build's post-build hook
//! (scripts/csp.mjs) runs the same code on Trunk's staging folder (`--in-place`).
//!
//! One build in five named stages, each in its own file, for a site of a few bundles (every
//! view of every bundle a page) and for a province of thousands (areas, one page per bundle,
//! search across all of them; see docs/architecture.md):
//! 1. **collect** (`collect.rs`): the viewer's files and the bundles' catalog (made when the
//!    folder has none);
//! 2. **check** (`check.rs`): the publishing gate — every bundle reads and every check holds,
//!    unless allowed (the pages then carry the notice);
//! 3. **render pages** (`render.rs`, `render_province.rs`): the viewer's components render each
//!    page into the built `index.html` as template, with its `<base href>`, title, description,
//!    sharing tags, preload and a strict Content-Security-Policy allowing the inline scripts by
//!    their SHA-256; `shell.html`, `robots.txt`, `sitemap.xml` with the site's address;
//! 4. **search index** (`search_index.rs`, a province): the sharded index of every bundle;
//! 5. **write and compress** (`write.rs`): `sw.js`'s offline list and version, `.gz`/`.br`
//!    copies.
//!
//! Whatever is already in the output from an earlier run (a filled-in sw.js, the CSP, the
//! pages, compressed copies) is replaced, so running it twice gives the same site; a province
//! rebuilds only what changed, and a full build and an incremental one give the same files,
//! byte for byte (tests/province.rs).

mod check;
mod collect;
mod render;
mod render_province;
mod search_index;
mod write;

use std::path::{Path, PathBuf};

use collect::catalog_of;
pub(crate) use collect::{catalog, catalog_entry};
pub(crate) use write::sha;

/// What to build from what.
pub struct SiteOptions {
    /// The built viewer (Trunk's dist/, or its staging folder).
    pub viewer: PathBuf,
    /// A folder of bundles (and optionally its index.json); `None`: the viewer's own data/.
    pub data: Option<PathBuf>,
    /// Where the site goes; the viewer folder itself with `--in-place`.
    pub out: PathBuf,
    /// Publish bundles whose checks fail (their pages carry the notice).
    pub allow_failing_checks: bool,
    /// The site's public address ("https://x.gov.cn/budget/"), for canonical links, sharing
    /// tags and sitemap.xml (without it the site works the same, with no sitemap).
    pub site_url: Option<String>,
    /// Write the `.gz`/`.br` copies (off: a quicker site for a preview or a test).
    pub precompress: bool,
    /// Every view of every bundle a page, or a province (see render_province.rs); `None`: a province
    /// above `province::PROVINCE_FROM` bundles.
    pub province: Option<bool>,
    /// For a province: everything, one region's bundles, or the roots only.
    pub step: Step,
    /// The language of messages (`--lang`); the pages are written in both.
    pub lang: gongkai_model::i18n::Lang,
}

/// What was built, for the summary line.
#[derive(Debug, Default)]
pub struct SiteReport {
    pub bundles: usize,
    pub files: usize,
    pub precached: usize,
    pub raw_bytes: u64,
    pub gzip_bytes: u64,
    pub brotli_bytes: u64,
    pub inline_scripts: usize,
    /// Pages written (every view of every bundle, both languages).
    pub pages: usize,
    /// Time spent rendering them (a province: building its bundles), in milliseconds.
    pub render_ms: f64,
    /// A province: bundles built now, and found as the last build left them.
    pub built: usize,
    pub unchanged: usize,
    /// A province: bundles whose search terms were taken from the last index.
    pub reused_terms: usize,
    /// A province: files of the search index, its shards, their bytes.
    pub index_files: usize,
    pub shards: usize,
    pub index_bytes: u64,
    /// The whole run, in milliseconds.
    pub total_ms: f64,
}

pub(crate) type Result<T> = std::result::Result<T, String>;

pub(crate) fn io<T>(what: &Path, r: std::io::Result<T>) -> Result<T> {
    r.map_err(|e| format!("{}: {e}", what.display()))
}

/// Above this many bundles `gongkai site` builds a province (unless told otherwise).
pub const PROVINCE_FROM: usize = 200;
/// Folder of the build's records (not needed by the site; keep it for the next build).
pub const BUILD_DIR: &str = "_build";
/// Changes whenever what a bundle's outputs are made from changes (2: search terms folded for
/// width too, `gongkai_model::chars::fold`, so every bundle's terms are made again).
const BUILD_VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), "/province-2");

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

/// `GONGKAI_PROFILE=1`: when each part of a stage ended, on stderr.
pub(crate) struct Lap {
    what: &'static str,
    started: std::time::Instant,
    on: bool,
}

impl Lap {
    pub(crate) fn new(what: &'static str) -> Lap {
        Lap {
            what,
            started: std::time::Instant::now(),
            on: std::env::var_os("GONGKAI_PROFILE").is_some(),
        }
    }

    pub(crate) fn at(&self, part: &str) {
        if self.on {
            eprintln!(
                "profile: {}: {part} at {:.0} ms",
                self.what,
                self.started.elapsed().as_secs_f64() * 1000.0
            );
        }
    }
}

/// Builds the site (see the module notes). `gate` runs the publishing gate on a data folder and
/// says whether publishing may go on.
pub fn build_site(opts: &SiteOptions, gate: &dyn Fn(&Path, bool) -> bool) -> Result<SiteReport> {
    if !opts.viewer.join("index.html").exists() {
        return Err(format!(
            "{}: no index.html: give the built viewer (trunk build --release makes dist/)",
            opts.viewer.display()
        ));
    }
    // A province, asked for or by its size.
    let source = opts.data.clone().unwrap_or_else(|| opts.viewer.join("data"));
    let province = match opts.province {
        Some(p) => p,
        None => catalog_of(&source, opts.lang).is_ok_and(|(c, _)| c.bundles.len() > PROVINCE_FROM),
    };
    if province {
        return build_province(opts);
    }
    if opts.step != Step::All {
        return Err("--part and --merge are steps of a province's build (--province)".into());
    }
    let mut report = SiteReport::default();
    crate::progress::announce("site: collect");
    let c = collect::pages(opts, &mut report)?;
    crate::progress::announce("site: check");
    check::gate(&c, opts, gate)?;
    render::pages(
        &opts.out,
        c.catalog.as_ref(),
        &c.data,
        opts.site_url.as_deref(),
        opts.lang,
        &mut report,
    )?;
    // Stage 4: a site of few bundles has no site-wide index (each bundle is searched in the
    // browser, from its own data).
    crate::progress::announce("site: write and compress");
    write::pages(opts, &mut report)?;
    Ok(report)
}

/// A province: the same stages, each bundle built once in parallel (see render_province.rs).
/// `--part` stops after the bundles (their terms kept for the merge); `--merge` builds no
/// bundle and writes the roots.
fn build_province(opts: &SiteOptions) -> Result<SiteReport> {
    let started = std::time::Instant::now();
    let mut report = SiteReport::default();
    if opts.viewer == opts.out {
        return Err("a province is built into its own folder (-o), not in place".into());
    }
    crate::progress::announce("site: collect");
    let c = collect::province(opts, &mut report)?;
    let bundles = render_province::bundles(&c, opts, &opts.step, &mut report)?;
    check::province(&bundles.refused)?;
    if let Step::Part(_) = opts.step {
        search_index::leave_terms(&c, &bundles, opts)?;
        report.files = report.built;
        report.total_ms = started.elapsed().as_secs_f64() * 1000.0;
        return Ok(report);
    }
    crate::progress::announce("site: search index");
    search_index::build(&c, &bundles, opts, &mut report)?;
    crate::progress::announce("site: render the province's pages");
    render_province::roots(&c, opts)?;
    crate::progress::announce("site: write and compress");
    write::province(opts, &c.viewer_files, &mut report)?;
    report.files = report.built * 5 + report.index_files;
    report.total_ms = started.elapsed().as_secs_f64() * 1000.0;
    Ok(report)
}
