//! Stage 5 of the site build, **write and compress**: files written only when their content
//! changed, the service worker's offline list and version, and the `.gz`/`.br` copies beside
//! every text and wasm file (docs/deploy.md).

use super::collect::{files_under, is_compressed_copy};
use super::{io, Result, SiteOptions, SiteReport};
use gongkai_model::areas::AREAS_DIR;
use sha2::{Digest, Sha256};
use std::collections::BTreeSet;
use std::io::Write as _;
use std::path::{Path, PathBuf};

/// SHA-256 of the parts (each prefixed by its length, so parts cannot run into each other),
/// its first 16 bytes in hex.
pub(crate) fn sha(parts: &[&[u8]]) -> String {
    let mut h = Sha256::new();
    for p in parts {
        h.update((p.len() as u64).to_le_bytes());
        h.update(p);
    }
    h.finalize().iter().take(16).map(|b| format!("{b:02x}")).collect()
}

/// Writes `content` to `path` unless it holds it already; true when written.
pub(super) fn write_if_changed(path: &Path, content: &[u8]) -> Result<bool> {
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
pub(super) fn publish(out: &Path, rel: &str, content: &[u8], precompress: bool) -> Result<bool> {
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

/// The service worker's precache list and version.
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
    // The province pages' module stays in a viewer built in place, for a province built from
    // it; this site's pages never start it.
    let files: Vec<PathBuf> = files_under(out)?
        .into_iter()
        .filter(|p| !is_compressed_copy(p) && !page(p) && !super::render::is_module_file(p, "site"))
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
pub(super) fn write_service_worker(out: &Path, urls: &[String], report: &mut SiteReport) -> Result<()> {
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

/// `.gz` (gzip -9) and `.br` (brotli 11; 9 above 2 MB) beside every text and wasm file.
fn precompress(out: &Path, report: &mut SiteReport) -> Result<()> {
    let all: std::collections::BTreeSet<PathBuf> = files_under(out)?.into_iter().collect();
    precompress_files(out, &all, report, &|_| true)
}

/// As [`precompress`], for those of `files` (relative to `out`) that `chosen` picks.
pub(super) fn precompress_files(
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
    write_service_worker(out, &list, report)
}

/// A site of few bundles: the offline list, the compressed copies, the count of files.
pub(super) fn pages(opts: &SiteOptions, report: &mut SiteReport) -> Result<()> {
    finish_service_worker(&opts.out, report)?;
    if opts.precompress {
        precompress(&opts.out, report)?;
    }
    report.files = files_under(&opts.out)?
        .iter()
        .filter(|p| !is_compressed_copy(p))
        .count();
    Ok(())
}

/// A province: the offline list (the viewer and the home page's data; the rest as visited) and
/// the viewer's own files' smallest compressed copies, made once (pages, bundles and index
/// files were compressed as they were written).
pub(super) fn province(opts: &SiteOptions, viewer_files: &[PathBuf], report: &mut SiteReport) -> Result<()> {
    let out = opts.out.as_path();
    finish_province_service_worker(out, report)?;
    // The viewer's own files: the smallest copies, made once.
    if opts.precompress {
        let viewer_files: BTreeSet<PathBuf> = viewer_files.iter().cloned().chain([PathBuf::from("sw.js")]).collect();
        precompress_files(out, &viewer_files, report, &|rel: &Path| {
            let br = out.join(format!("{}.br", rel.display()));
            let src_time = std::fs::metadata(out.join(rel)).and_then(|m| m.modified()).ok();
            let br_time = std::fs::metadata(&br).and_then(|m| m.modified()).ok();
            !matches!((src_time, br_time), (Some(s), Some(b)) if b >= s)
        })?;
    }
    Ok(())
}
