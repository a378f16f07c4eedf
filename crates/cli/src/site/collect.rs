//! Stage 1 of the site build, **collect**: the built viewer's files and the bundles' catalog.
//! A site of few bundles copies both into the output (the catalog made when the folder has
//! none); a province reads the catalog where it is, splits it into areas and keeps the viewer's
//! files (less its data and pages) for the write stage.

use super::{io, Result, SiteOptions, SiteReport};
use gongkai_model::areas::{split_into_areas, Area, AreaIndex};
use gongkai_model::i18n::Lang;
use gongkai_model::route::bundle_folder;
use gongkai_model::{parse_bundle_bytes, parse_catalog, Bundle, Catalog, CatalogEntry};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub(super) fn is_compressed_copy(p: &Path) -> bool {
    matches!(p.extension().and_then(|e| e.to_str()), Some("gz" | "br"))
}

/// Every file under `dir`, sorted, as paths relative to it.
pub(super) fn files_under(dir: &Path) -> Result<Vec<PathBuf>> {
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
pub(super) fn catalog_of(data: &Path, lang: gongkai_model::i18n::Lang) -> Result<(Catalog, bool)> {
    let index = data.join("index.json");
    if index.exists() {
        let text = io(&index, std::fs::read_to_string(&index))?;
        return parse_catalog(&text, &index.display().to_string())
            .map(|c| (c, false))
            .map_err(|e| e.message(Lang::En));
    }
    let mut entries = Vec::new();
    for rel in files_under(data)? {
        let hidden = rel
            .components()
            .any(|c| c.as_os_str().to_string_lossy().starts_with('.'));
        if rel.extension().and_then(|e| e.to_str()) != Some("json") || hidden {
            continue;
        }
        let path = data.join(&rel);
        let b = parse_bundle_bytes(lang, &io(&path, std::fs::read(&path))?, &path.display().to_string())
            .map_err(|e| e.message(Lang::En))?;
        entries.push(catalog_entry(&b, &rel.to_string_lossy().replace('\\', "/")));
    }
    if entries.is_empty() {
        return Err(format!("{}: no bundle (.json) in this folder", data.display()));
    }
    Ok((catalog(entries), true))
}

/// The catalog's line of bundle `b`, whose file is `path` (relative to the catalog's folder).
pub(crate) fn catalog_entry(b: &Bundle, path: &str) -> CatalogEntry {
    let region = [&b.meta.region.province, &b.meta.region.city, &b.meta.region.county]
        .into_iter()
        .flatten()
        .cloned()
        .collect::<Vec<_>>()
        .join(" ");
    CatalogEntry {
        department: b.meta.department.clone(),
        fiscal_year: b.meta.fiscal_year,
        kind: b.meta.kind,
        region,
        path: path.to_string(),
    }
}

/// A catalog of `entries`, by department, newest year first within one.
pub(crate) fn catalog(mut entries: Vec<CatalogEntry>) -> Catalog {
    entries.sort_by(|a, b| {
        a.department
            .cmp(&b.department)
            .then(b.fiscal_year.cmp(&a.fiscal_year))
            .then(a.path.cmp(&b.path))
    });
    Catalog {
        format: "gongkai-catalog".into(),
        version: 1,
        bundles: entries,
    }
}

/// What a site of few bundles is built from: the data folder in the output, and its catalog
/// (none when the viewer has no data).
pub(super) struct Collected {
    pub data: PathBuf,
    pub catalog: Option<Catalog>,
}

/// Copies the viewer (without old compressed copies and pages) and the bundles (the catalog and
/// the bundles it lists; without a catalog, every `.json` file outside hidden folders) into the
/// output, removes compressed copies left by an earlier run, and writes
/// `data/index.json` when the folder has none (one entry per bundle, newest year first within a
/// department).
pub(super) fn pages(opts: &SiteOptions, report: &mut SiteReport) -> Result<Collected> {
    let in_place = opts.viewer == opts.out;
    if !in_place {
        io(&opts.out, std::fs::create_dir_all(&opts.out))?;
        let has_data = opts.data.is_some();
        copy_tree(&opts.viewer, &opts.out, &|rel| {
            is_compressed_copy(rel)
                || crate::pages::is_page_file(rel)
                || (has_data && rel.starts_with("data"))
                || super::render::is_module_file(rel, "site")
        })?;
    }
    let data = opts.out.join("data");
    if let Some(source) = &opts.data {
        if data.exists() && !in_place {
            io(&data, std::fs::remove_dir_all(&data))?;
        }
        io(&data, std::fs::create_dir_all(&data))?;
        // A folder with its catalog: the catalog and the bundles it lists, nothing else (a
        // batch import's report and records stay out of the site); without one, every bundle.
        let listed: Option<std::collections::BTreeSet<PathBuf>> = match source.join("index.json").exists() {
            true => Some(
                catalog_of(source, opts.lang)?
                    .0
                    .bundles
                    .iter()
                    .map(|e| PathBuf::from(&e.path))
                    .chain([PathBuf::from("index.json")])
                    .collect(),
            ),
            false => None,
        };
        copy_tree(source, &data, &|rel| {
            is_compressed_copy(rel)
                || rel.extension().and_then(|e| e.to_str()) != Some("json")
                || listed.as_ref().is_some_and(|l| !l.contains(rel))
                || rel
                    .components()
                    .any(|c| c.as_os_str().to_string_lossy().starts_with('.'))
        })?;
    }
    // Old compressed copies go: they are made again from the final files.
    for rel in files_under(&opts.out)? {
        if is_compressed_copy(&rel) {
            io(&opts.out.join(&rel), std::fs::remove_file(opts.out.join(&rel)))?;
        }
    }
    let catalog = if data.exists() {
        let (catalog, made) = catalog_of(&data, opts.lang)?;
        if made {
            let json = serde_json::to_string_pretty(&catalog).expect("catalog serialises");
            io(&data, std::fs::write(data.join("index.json"), json + "\n"))?;
        }
        report.bundles = catalog.bundles.len();
        Some(catalog)
    } else {
        None
    };
    Ok(Collected { data, catalog })
}

/// What a province is built from.
pub(super) struct Province {
    /// The bundles' folder (read where it is, not copied).
    pub source: PathBuf,
    pub catalog: Catalog,
    pub area_index: AreaIndex,
    pub areas: Vec<(Area, Catalog)>,
    /// The viewer's files written to the output (relative paths), for the offline list and
    /// the compressed copies.
    pub viewer_files: Vec<PathBuf>,
    /// The viewer's index.html as the pages' template (with the policy of every page).
    pub template: super::render::Template,
    /// Area, its catalog and its catalog's hash, by bundle folder.
    pub by_folder: HashMap<String, (Arc<Area>, Arc<Catalog>, String)>,
}

/// The viewer's files into the output (its data and pages are not the site's), the catalog
/// and its areas, the pages' template and policy.
pub(super) fn province(opts: &SiteOptions, report: &mut SiteReport) -> Result<Province> {
    let out = opts.out.as_path();
    let viewer_index = opts.viewer.join("index.html");
    let viewer_html = io(&viewer_index, std::fs::read_to_string(&viewer_index))?;
    io(out, std::fs::create_dir_all(out))?;
    // A province's own pages (home, area, search) start their module (written under a name by
    // its content); its bundle pages the full app (the viewer's first-view module is not copied).
    let site_module = super::render::module(&opts.viewer, out, "site")?;
    // 1. The viewer's files (its data and pages are not the site's).
    let mut viewer_files = Vec::new();
    for rel in files_under(&opts.viewer)? {
        let skip = is_compressed_copy(&rel)
            || crate::pages::is_page_file(&rel)
            || rel.starts_with("data")
            || rel == Path::new("index.html")
            || super::render::is_module_file(&rel, "first")
            || super::render::is_module_file(&rel, "site");
        if !skip {
            let bytes = io(&opts.viewer.join(&rel), std::fs::read(opts.viewer.join(&rel)))?;
            super::write::write_if_changed(&out.join(&rel), &bytes)?;
            viewer_files.push(rel);
        }
    }
    if let Some(m) = &site_module {
        viewer_files.extend([PathBuf::from(&m.js), PathBuf::from(&m.wasm)]);
    }
    // 2. The catalog and its areas.
    let source = opts.data.clone().unwrap_or_else(|| opts.viewer.join("data"));
    let (catalog, _) = catalog_of(&source, opts.lang)?;
    report.bundles = catalog.bundles.len();
    let catalog_json = serde_json::to_string_pretty(&catalog).expect("catalog serialises") + "\n";
    super::write::write_if_changed(&out.join("data/index.json"), catalog_json.as_bytes())?;
    let (area_index, areas) = split_into_areas(&catalog);
    let template = super::render::Template::of(&viewer_html, site_module.as_ref(), report)?;
    let mut by_folder = HashMap::new();
    for (area, cat) in &areas {
        let json = serde_json::to_string(cat).expect("catalog serialises");
        let hash = super::write::sha(&[json.as_bytes()]);
        let (area, cat) = (Arc::new(area.clone()), Arc::new(cat.clone()));
        for e in &cat.bundles {
            by_folder.insert(bundle_folder(&e.path), (area.clone(), cat.clone(), hash.clone()));
        }
    }
    Ok(Province {
        source,
        catalog,
        area_index,
        areas,
        viewer_files,
        template,
        by_folder,
    })
}
