//! `gongkai site`: a built viewer (Trunk's `dist/`) plus a folder of bundles → a deployable
//! site, with no Trunk, node or Rust toolchain needed. The build's post-build hook
//! (scripts/csp.mjs) runs the same code on Trunk's staging folder (`--in-place`).
//!
//! Steps, in order (each file's final content before the next step reads it):
//! 1. copy the viewer to the output (without old `.gz`/`.br` copies) and the bundles to
//!    `data/`; write `data/index.json` when the folder has none (one entry per bundle, newest
//!    year first within a department);
//! 2. the publishing gate: every bundle reads and every check holds (else refuse, unless
//!    allowed; the pages then carry the notice);
//! 3. the pages (`pages.rs`): every view of every bundle in both languages rendered by the
//!    viewer's components into the built `index.html` as template, each with its `<base href>`,
//!    title, description, sharing tags, the preload of its bundle and a strict
//!    Content-Security-Policy allowing the inline scripts by their SHA-256; `shell.html` (no
//!    page: what the offline copy serves for pages not kept), `robots.txt`, and `sitemap.xml`
//!    when the site's address is given;
//! 4. `sw.js`: the precache list (every file but the pages, the PDF worker and the compressed
//!    copies) and a version that hashes them all;
//! 5. precompressed `.gz` and `.br` copies beside every text and wasm file (docs/deploy.md).
//!
//! Whatever is already in the output from an earlier run (a filled-in sw.js, the CSP, the
//! pages, compressed copies) is replaced, so running it twice gives the same site.

pub use crate::province::Step;
use base64::Engine as _;
use gongkai_model::{parse_bundle_bytes, parse_catalog, Catalog, CatalogEntry};
use sha2::{Digest, Sha256};
use std::io::Write as _;
use std::path::{Path, PathBuf};

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
    /// Every view of every bundle a page, or a province (see province.rs); `None`: a province
    /// above `province::PROVINCE_FROM` bundles.
    pub province: Option<bool>,
    /// For a province: everything, one region's bundles, or the roots only.
    pub step: crate::province::Step,
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

pub(crate) fn is_compressed_copy(p: &Path) -> bool {
    matches!(p.extension().and_then(|e| e.to_str()), Some("gz" | "br"))
}

/// Every file under `dir`, sorted, as paths relative to it.
pub(crate) fn files_under(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in io(&d, std::fs::read_dir(&d))? {
            let e = io(&d, e)?;
            let p = e.path();
            if io(&p, e.file_type())?.is_dir() {
                stack.push(p);
            } else {
                out.push(p.strip_prefix(dir).expect("under dir").to_path_buf());
            }
        }
    }
    out.sort();
    Ok(out)
}

fn copy_tree(from: &Path, to: &Path, skip: &dyn Fn(&Path) -> bool) -> Result<()> {
    for rel in files_under(from)? {
        if skip(&rel) {
            continue;
        }
        let target = to.join(&rel);
        if let Some(parent) = target.parent() {
            io(parent, std::fs::create_dir_all(parent))?;
        }
        io(&target, std::fs::copy(from.join(&rel), &target))?;
    }
    Ok(())
}

/// The catalog of `data`: its index.json, or one made from the bundles in it.
pub(crate) fn catalog_of(data: &Path) -> Result<(Catalog, bool)> {
    let index = data.join("index.json");
    if index.exists() {
        let text = io(&index, std::fs::read_to_string(&index))?;
        return parse_catalog(&text, &index.display().to_string())
            .map(|c| (c, false))
            .map_err(|e| e.message_en());
    }
    let mut entries = Vec::new();
    for rel in files_under(data)? {
        if rel.extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        let path = data.join(&rel);
        let b = parse_bundle_bytes(&io(&path, std::fs::read(&path))?, &path.display().to_string())
            .map_err(|e| e.message_en())?;
        let region = [&b.meta.region.province, &b.meta.region.city, &b.meta.region.county]
            .into_iter()
            .flatten()
            .cloned()
            .collect::<Vec<_>>()
            .join(" ");
        entries.push(CatalogEntry {
            department: b.meta.department.clone(),
            fiscal_year: b.meta.fiscal_year,
            kind: b.meta.kind,
            region,
            path: rel.to_string_lossy().replace('\\', "/"),
        });
    }
    if entries.is_empty() {
        return Err(format!("{}: no bundle (.json) in this folder", data.display()));
    }
    entries.sort_by(|a, b| {
        a.department
            .cmp(&b.department)
            .then(b.fiscal_year.cmp(&a.fiscal_year))
            .then(a.path.cmp(&b.path))
    });
    Ok((
        Catalog {
            format: "gongkai-catalog".into(),
            version: 1,
            bundles: entries,
        },
        true,
    ))
}

/// Removes every `start … end` span (end included) from `s`, with the whitespace before it.
fn remove_spans(s: &mut String, start: &str, end: &str) {
    while let Some(i) = s.find(start) {
        let Some(j) = s[i..].find(end).map(|j| i + j + end.len()) else {
            break;
        };
        let from = s[..i].trim_end().len();
        s.replace_range(from..j, "");
    }
}

/// The `<script>` elements without `src`: their contents.
fn inline_scripts(html: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find("<script") {
        let tag_end = match rest[i..].find('>') {
            Some(e) => i + e,
            None => break,
        };
        let tag = &rest[i..tag_end];
        let Some(close) = rest[tag_end..].find("</script>").map(|c| tag_end + c) else {
            break;
        };
        if !tag.contains(" src=") {
            out.push(&rest[tag_end + 1..close]);
        }
        rest = &rest[close + "</script>".len()..];
    }
    out
}

/// The built `index.html` as a template for pages: without what an earlier run of this step
/// wrote into it (the head block, the page, an older build's pre-render, CSP and preload).
pub(crate) fn template_of(html: &str) -> String {
    let mut html = html.replacen("<html lang=\"en\">", "<html lang=\"zh-CN\">", 1);
    remove_spans(&mut html, "<!--gongkai:head-->", "<!--/gongkai:head-->");
    // The page this step wrote: from its element (not a mention in a comment) to its end mark.
    if let (Some(i), Some(j)) = (html.find("\n  <div id=\"app\""), html.find("<!--/gongkai:app-->")) {
        let from = html[..i].trim_end().len();
        html.replace_range(from..j + "<!--/gongkai:app-->".len(), "");
    }
    remove_spans(&mut html, "<div id=\"prerender-", "<!--/prerender-->");
    remove_spans(&mut html, "<meta http-equiv=\"Content-Security-Policy\"", ">");
    remove_spans(&mut html, "<title>", "</title>");
    remove_spans(&mut html, "<meta name=\"description\"", ">");
    let tag = "<link rel=\"preload\" href=\"data/";
    let mut from = 0;
    while let Some(i) = html[from..].find(tag).map(|i| from + i) {
        let end = html[i..].find('>').map_or(html.len(), |e| i + e + 1);
        if html[i..end].contains("href=\"data/index.json\"") {
            from = end;
        } else {
            let start = html[..i].trim_end().len();
            html.replace_range(start..end, "");
            from = start;
        }
    }
    html
}

/// The Content-Security-Policy of every page: no 'unsafe-inline'; the template's inline
/// scripts by their hashes (pages add no script).
pub(crate) fn content_security_policy(template: &str, report: &mut SiteReport) -> String {
    let hashes: Vec<String> = inline_scripts(template)
        .iter()
        .map(|s| {
            format!(
                "'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(Sha256::digest(s.as_bytes()))
            )
        })
        .collect();
    report.inline_scripts = hashes.len();
    [
        "default-src 'self'".to_string(),
        format!("script-src 'self' 'wasm-unsafe-eval' {}", hashes.join(" "))
            .trim()
            .to_string(),
        "style-src 'self'".into(),
        "img-src 'self' data:".into(),
        "connect-src 'self'".into(),
        "worker-src 'self'".into(),
        "object-src 'none'".into(),
        // Every page names the site root in <base href> (its links and assets are relative to it).
        "base-uri 'self'".into(),
        "form-action 'none'".into(),
    ]
    .join("; ")
}

/// A page's head block: its Content-Security-Policy, `<base href>` and its own tags.
pub(crate) fn head_block(policy: &str, base: &str, tags: &str) -> String {
    format!("\n  <meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\">\n  <base href=\"{base}\">\n  {tags}\n  ")
}

/// A page from the template: its language, the head block (policy, base, the page's own tags)
/// right after `<meta charset>`, and its rendered view in `<div id="app" data-page>`.
pub(crate) fn page_from(template: &str, lang: &str, head: &str, app: Option<&str>) -> Result<String> {
    let mut html = template.replacen("<html lang=\"zh-CN\">", &format!("<html lang=\"{lang}\">"), 1);
    let charset = html
        .to_ascii_lowercase()
        .find("<meta charset=\"utf-8\">")
        .ok_or("index.html has no <meta charset=\"utf-8\">")?;
    html.insert_str(
        charset + "<meta charset=\"utf-8\">".len(),
        &format!("\n  <!--gongkai:head-->{head}<!--/gongkai:head-->"),
    );
    let at = html
        .find("<main id=\"boot\"")
        .ok_or("index.html has no <main id=\"boot\">")?;
    let at = html[..at].trim_end().len();
    let app = match app {
        Some(view) => format!("\n  <div id=\"app\" data-page>{view}</div><!--/gongkai:app-->"),
        None => "\n  <div id=\"app\"></div><!--/gongkai:app-->".to_string(),
    };
    html.insert_str(at, &app);
    Ok(html)
}

/// Step 3: the pages (every view of every bundle in both languages), the shell the offline
/// copy serves for pages it has not kept, `robots.txt` and, with the site's address,
/// `sitemap.xml`.
fn write_pages(
    out: &Path,
    catalog: Option<&Catalog>,
    data: &Path,
    site_url: Option<&str>,
    report: &mut SiteReport,
) -> Result<()> {
    let index = out.join("index.html");
    let template = template_of(&io(&index, std::fs::read_to_string(&index))?);
    let policy = content_security_policy(&template, report);
    let head = |base: &str, tags: &str| head_block(&policy, base, tags);
    for folder in crate::pages::PAGE_FOLDERS {
        let dir = out.join(folder);
        if dir.is_dir() {
            io(&dir, std::fs::remove_dir_all(&dir))?;
        }
    }
    // The shell: no page of its own; the app renders whatever address it is served for.
    let shell_tags = format!(
        "<title>{}</title>\n  <meta name=\"description\" content=\"{}\">",
        crate::pages::escape(gongkai_model::tr!("app.title")),
        crate::pages::escape(gongkai_model::tr!("app.description"))
    );
    let shell = page_from(&template, "zh-CN", &head("./", &shell_tags), None)?;
    io(&out.join("shell.html"), std::fs::write(out.join("shell.html"), &shell))?;
    let pages = match catalog.filter(|c| !c.bundles.is_empty()) {
        None => {
            io(&index, std::fs::write(&index, &shell))?;
            Vec::new()
        }
        Some(c) => {
            let mut bundles = Vec::new();
            for e in &c.bundles {
                let path = data.join(&e.path);
                bundles.push(
                    parse_bundle_bytes(&io(&path, std::fs::read(&path))?, &path.display().to_string())
                        .map_err(|e| e.message_en())?,
                );
            }
            let started = std::time::Instant::now();
            let pages = crate::pages::site_pages(&std::rc::Rc::new(c.clone()), bundles);
            let views = crate::pages::render_all(&pages);
            report.render_ms = started.elapsed().as_secs_f64() * 1000.0;
            for (p, view) in pages.iter().zip(views) {
                let tags = crate::pages::head_tags(p, site_url);
                let html = page_from(
                    &template,
                    p.address.lang.code(),
                    &head(&p.address.base_href(), &tags),
                    Some(&view),
                )?;
                let file = out.join(p.address.page_path()).join("index.html");
                if let Some(dir) = file.parent() {
                    io(dir, std::fs::create_dir_all(dir))?;
                }
                io(&file, std::fs::write(&file, html))?;
            }
            gongkai_model::i18n::set_lang(gongkai_model::i18n::Lang::Zh);
            pages
        }
    };
    report.pages = pages.len();
    let robots = match site_url {
        Some(url) => format!("User-agent: *\nAllow: /\nSitemap: {url}sitemap.xml\n"),
        None => "User-agent: *\nAllow: /\n".to_string(),
    };
    io(&out.join("robots.txt"), std::fs::write(out.join("robots.txt"), robots))?;
    let sitemap = out.join("sitemap.xml");
    match site_url {
        Some(url) => io(&sitemap, std::fs::write(&sitemap, crate::pages::sitemap(&pages, url)))?,
        None if sitemap.exists() => io(&sitemap, std::fs::remove_file(&sitemap))?,
        None => {}
    }
    Ok(())
}

/// Step 4: the service worker's precache list and version.
fn finish_service_worker(out: &Path, report: &mut SiteReport) -> Result<()> {
    let sw = out.join("sw.js");
    if !sw.exists() {
        return Ok(());
    }
    // Pages are kept as they are visited (and the shell stands in for the others offline);
    // everything else is kept at once.
    let page = |p: &Path| {
        p.components().count() > 1
            && p.components()
                .next()
                .and_then(|c| c.as_os_str().to_str())
                .is_some_and(|c| crate::pages::PAGE_FOLDERS.contains(&c))
    };
    let files: Vec<PathBuf> = files_under(out)?
        .into_iter()
        .filter(|p| !is_compressed_copy(p) && !page(p))
        .filter(|p| {
            !matches!(
                p.to_str(),
                Some("sw.js" | "bundle.schema.json" | "robots.txt" | "sitemap.xml")
            )
        })
        .collect();
    let mut urls = vec!["./".to_string()];
    urls.extend(
        files
            .iter()
            .map(|f| format!("./{}", f.to_string_lossy().replace('\\', "/")))
            .filter(|u| u != "./index.html" && !u.starts_with("./pdf-import-worker")),
    );
    let mut hash = Sha256::new();
    for f in &files {
        hash.update(f.to_string_lossy().as_bytes());
        hash.update(io(&out.join(f), std::fs::read(out.join(f)))?);
    }
    write_service_worker_with(out, &urls, hash, report)
}

/// Fills sw.js in with `urls` (relative to the site root, "./" first) as the offline list and a
/// version hashing those files.
pub(crate) fn write_service_worker(out: &Path, urls: &[String], report: &mut SiteReport) -> Result<()> {
    let mut hash = Sha256::new();
    for u in urls {
        let rel = u.trim_start_matches("./");
        hash.update(rel.as_bytes());
        let file = if rel.is_empty() {
            out.join("index.html")
        } else {
            out.join(rel)
        };
        if let Ok(bytes) = std::fs::read(&file) {
            hash.update(bytes);
        }
    }
    write_service_worker_with(out, urls, hash, report)
}

fn write_service_worker_with(out: &Path, urls: &[String], hash: Sha256, report: &mut SiteReport) -> Result<()> {
    let sw = out.join("sw.js");
    if !sw.exists() {
        return Ok(());
    }
    let version: String = hash.finalize().iter().take(8).map(|b| format!("{b:02x}")).collect();
    report.precached = urls.len();
    let code = io(&sw, std::fs::read_to_string(&sw))?;
    // The template's placeholders, or the values of an earlier build.
    let mut code = code.replace("'__GONGKAI_VERSION__'", &format!("\"{version}\""));
    if let Some(i) = code.find("const VERSION = \"") {
        let end = code[i + 17..].find('"').map(|e| i + 17 + e).ok_or("sw.js: VERSION")?;
        code.replace_range(i + 17..end, &version);
    }
    let list = serde_json::to_string_pretty(&urls).expect("strings");
    if code.contains("__GONGKAI_FILES__") {
        code = code.replace("__GONGKAI_FILES__", &list);
    } else if let Some(i) = code.find("const FILES = [") {
        let end = code[i..].find("];").map(|e| i + e + 1).ok_or("sw.js: FILES")?;
        code.replace_range(i + "const FILES = ".len()..end, &list);
    }
    io(&sw, std::fs::write(&sw, code))
}

/// Step 5: `.gz` (gzip -9) and `.br` (brotli 11; 9 above 2 MB) beside every text and wasm file.
fn precompress(out: &Path, report: &mut SiteReport) -> Result<()> {
    let all: std::collections::BTreeSet<PathBuf> = files_under(out)?.into_iter().collect();
    precompress_files(out, &all, report, &|_| true)
}

/// As [`precompress`], for those of `files` (relative to `out`) that `chosen` picks.
pub(crate) fn precompress_files(
    out: &Path,
    files: &std::collections::BTreeSet<PathBuf>,
    report: &mut SiteReport,
    chosen: &dyn Fn(&Path) -> bool,
) -> Result<()> {
    let compressible = [
        "html",
        "js",
        "mjs",
        "css",
        "json",
        "wasm",
        "svg",
        "webmanifest",
        "txt",
        "xml",
        "csv",
    ];
    for rel in files {
        let ext = rel.extension().and_then(|e| e.to_str()).unwrap_or("");
        if !compressible.contains(&ext) || !chosen(rel) {
            continue;
        }
        let path = out.join(&rel);
        let data = io(&path, std::fs::read(&path))?;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        io(&path, gz.write_all(&data))?;
        let gz = io(&path, gz.finish())?;
        let mut br = Vec::new();
        {
            // Quality 11 (the smallest) up to 2 MB; above that 9, twenty times faster and about
            // 10 % larger: only the PDF worker is that big, and it is fetched only for a PDF.
            let params = brotli::enc::BrotliEncoderParams {
                quality: if data.len() <= 2 << 20 { 11 } else { 9 },
                lgwin: 22,
                mode: if ext == "wasm" {
                    brotli::enc::backward_references::BrotliEncoderMode::BROTLI_MODE_GENERIC
                } else {
                    brotli::enc::backward_references::BrotliEncoderMode::BROTLI_MODE_TEXT
                },
                size_hint: data.len(),
                ..Default::default()
            };
            io(&path, brotli::BrotliCompress(&mut &data[..], &mut br, &params))?;
        }
        let with = |suffix: &str| PathBuf::from(format!("{}.{suffix}", path.display()));
        io(&path, std::fs::write(with("gz"), &gz))?;
        io(&path, std::fs::write(with("br"), &br))?;
        report.raw_bytes += data.len() as u64;
        report.gzip_bytes += gz.len() as u64;
        report.brotli_bytes += br.len() as u64;
    }
    Ok(())
}

/// Builds the site (see the module notes). `gate` runs the publishing gate on a data folder and
/// says whether publishing may go on.
pub fn build_site(opts: &SiteOptions, gate: &dyn Fn(&Path, bool) -> bool) -> Result<SiteReport> {
    let mut report = SiteReport::default();
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
        None => catalog_of(&source).is_ok_and(|(c, _)| c.bundles.len() > crate::province::PROVINCE_FROM),
    };
    if province {
        return crate::province::build_province(opts, &opts.step);
    }
    if opts.step != crate::province::Step::All {
        return Err("--part and --merge are steps of a province's build (--province)".into());
    }
    let in_place = opts.viewer == opts.out;
    if !in_place {
        io(&opts.out, std::fs::create_dir_all(&opts.out))?;
        let has_data = opts.data.is_some();
        copy_tree(&opts.viewer, &opts.out, &|rel| {
            is_compressed_copy(rel) || crate::pages::is_page_file(rel) || (has_data && rel.starts_with("data"))
        })?;
    }
    let data = opts.out.join("data");
    if let Some(source) = &opts.data {
        if data.exists() && !in_place {
            io(&data, std::fs::remove_dir_all(&data))?;
        }
        io(&data, std::fs::create_dir_all(&data))?;
        copy_tree(source, &data, &|rel| {
            is_compressed_copy(rel) || rel.extension().and_then(|e| e.to_str()) != Some("json")
        })?;
    }
    // Old compressed copies go: they are made again from the final files.
    for rel in files_under(&opts.out)? {
        if is_compressed_copy(&rel) {
            io(&opts.out.join(&rel), std::fs::remove_file(opts.out.join(&rel)))?;
        }
    }
    let catalog = if data.exists() {
        let (catalog, made) = catalog_of(&data)?;
        if made {
            let json = serde_json::to_string_pretty(&catalog).expect("catalog serialises");
            io(&data, std::fs::write(data.join("index.json"), json + "\n"))?;
        }
        report.bundles = catalog.bundles.len();
        if !gate(&data, opts.allow_failing_checks) {
            return Err("the publishing gate refused data/ (see the lines above)".into());
        }
        Some(catalog)
    } else {
        None
    };
    write_pages(
        &opts.out,
        catalog.as_ref(),
        &data,
        opts.site_url.as_deref(),
        &mut report,
    )?;
    finish_service_worker(&opts.out, &mut report)?;
    if opts.precompress {
        precompress(&opts.out, &mut report)?;
    }
    report.files = files_under(&opts.out)?
        .iter()
        .filter(|p| !is_compressed_copy(p))
        .count();
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_scripts_and_spans() {
        let html =
            "<head><meta charset=\"utf-8\"><script src=\"a.js\"></script><script type=\"module\">x()</script></head>";
        assert_eq!(inline_scripts(html), ["x()"]);
        let mut s = "a\n  <div id=\"prerender-zh\">1</div><!--/prerender-->\n  <div id=\"prerender-en\">2</div><!--/prerender-->\n<main id=\"boot\">".to_string();
        remove_spans(&mut s, "<div id=\"prerender-", "<!--/prerender-->");
        assert_eq!(s, "a\n<main id=\"boot\">");
    }

    #[test]
    fn a_page_gives_back_its_template_so_building_twice_gives_the_same_site() {
        let template = "<!doctype html>\n<html lang=\"zh-CN\">\n<head>\n  <meta charset=\"utf-8\">\n  <link rel=\"preload\" href=\"data/index.json\" as=\"fetch\">\n</head>\n<body>\n  <!-- the view goes in <div id=\"app\"> here -->\n  <main id=\"boot\">…</main>\n</body>\n</html>\n";
        let page = page_from(template, "en", "<title>x</title>", Some("<div>view</div>")).unwrap();
        assert!(
            page.contains("<html lang=\"en\">") && page.contains("<div id=\"app\" data-page><div>view</div></div>")
        );
        assert_eq!(template_of(&page), template);
        assert_eq!(template_of(template), template);
    }
}
