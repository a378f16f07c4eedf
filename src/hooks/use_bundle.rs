//! The one hook for bundles: which bundle to show (from `?bundle=` or the catalog), loading it,
//! and the state the app renders (loading with progress, loaded, or a [`LoadError`]).

use crate::loader::{check_relative, fetch_bundle, fetch_catalog, open_local_files, Facts};
use gongkai_model::i18n::Lang;
use gongkai_model::{tr, Bundle, Catalog, CatalogEntry, LoadError};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// Where the catalog lives, relative to the page.
pub const CATALOG_URL: &str = "data/index.json";

/// A loaded bundle with what the views derive from it once.
#[derive(Debug)]
pub struct Loaded {
    pub bundle: Bundle,
    /// The path it was loaded from (shown in the footer and in error messages).
    pub path: String,

    /// The site's catalog, when it could be read (year switching, 全部部门, comparison); on a
    /// province site, the catalog of the bundle's area (`data/areas/<key>.json`).
    pub catalog: Option<Rc<Catalog>>,
    /// The site is a province (its catalog in areas, `gongkai_model::areas`): every bundle it
    /// lists has a folder whose one page is its overview; its other views are hash addresses
    /// on that page (`b/<folder>/#/duties`).
    pub province: bool,
}

impl Loaded {
    /// The catalog entry of the loaded bundle, if it is one of the site's.
    pub fn entry(&self) -> Option<&CatalogEntry> {
        self.catalog
            .as_ref()?
            .bundles
            .iter()
            .find(|e| bundle_url(e) == self.path)
    }

    /// The folder of this bundle's pages under `b/` when the site lists several bundles and this
    /// is one of them (`None`: the site root's own bundle, or a bundle the site does not list).
    pub fn folder(&self) -> Option<String> {
        let many = self.province || self.catalog.as_ref().is_some_and(|c| c.bundles.len() > 1);
        many.then(|| self.entry().map(|e| gongkai_model::route::bundle_folder(&e.path)))
            .flatten()
    }

    /// The same department's other document of the same year (its 决算 for a budget, its budget
    /// for a 决算), when the site lists it.
    pub fn counterpart(&self) -> Option<CatalogEntry> {
        let (cat, me) = (self.catalog.as_ref()?, self.entry()?);
        cat.bundles
            .iter()
            .find(|e| e.department == me.department && e.fiscal_year == me.fiscal_year && e.kind != me.kind)
            .cloned()
    }

    /// The address of `route` in another bundle of the site (its folder under `b/`), in the
    /// language and with the query of the links' `base`.
    pub fn page_of(&self, base: &crate::route::LinkBase, entry: &CatalogEntry, route: crate::route::Route) -> String {
        base.href_on(
            route,
            &base.lang,
            &format!("b/{}/", gongkai_model::route::bundle_folder(&entry.path)),
        )
    }

    /// Other years of the same department and document kind, newest first.
    pub fn other_years(&self) -> Vec<CatalogEntry> {
        let (Some(cat), Some(me)) = (self.catalog.as_ref(), self.entry()) else {
            return Vec::new();
        };
        let mut v: Vec<CatalogEntry> = cat
            .bundles
            .iter()
            .filter(|e| e.department == me.department && e.kind == me.kind && e.fiscal_year != me.fiscal_year)
            .cloned()
            .collect();
        v.sort_by(|a, b| b.fiscal_year.cmp(&a.fiscal_year));
        v
    }
}

/// Page-relative URL of a catalog entry's bundle.
pub fn bundle_url(e: &CatalogEntry) -> String {
    format!("data/{}", e.path)
}

/// Shared through a `ContextProvider`; equality is identity, so re-renders never deep-compare.
#[derive(Debug, Clone)]
pub struct BundleCtx(pub Rc<Loaded>);

impl PartialEq for BundleCtx {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// What the app shows while and after loading.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadState {
    /// Still loading; the text says which step.
    Loading(String),
    Loaded(BundleCtx),
    Failed(LoadError),
}

/// The `?bundle=` parameter of the page URL, if any (none outside the browser).
pub fn bundle_param() -> Option<String> {
    crate::browser::query_param("bundle").filter(|s| !s.is_empty())
}

/// The bundle of this page, which the build names (`<meta name="gongkai-bundle">`, written by
/// `gongkai site`; static/boot.js starts its download), if any.
fn preloaded_bundle() -> Option<String> {
    crate::browser::meta_content("gongkai-bundle").filter(|h| crate::loader::is_relative(h))
}

/// The catalog a page of a province site names (`<meta name="gongkai-catalog">`: its area's
/// file), if any.
pub fn page_catalog() -> Option<String> {
    crate::browser::meta_content("gongkai-catalog").filter(|h| crate::loader::is_relative(h))
}

/// The catalog this page reads: its area's on a province site, else data/index.json.
fn catalog_url() -> String {
    page_catalog().unwrap_or_else(|| CATALOG_URL.to_string())
}

async fn load(lang: Lang) -> Result<Loaded, LoadError> {
    if let Some(p) = bundle_param() {
        check_relative(lang, &p)?;
        // Fetched side by side; the catalog is optional here (it only adds year switching and
        // the comparison).
        let (catalog, bundle) = futures::join!(fetch_catalog(CATALOG_URL), fetch_bundle(lang, &p));
        let bundle = bundle?;
        crate::mark_once("gongkai:bundle-parsed");
        return Ok(Loaded {
            bundle,
            path: p,
            catalog: catalog.ok().map(Rc::new),
            province: false,
        });
    }
    // The build names the catalog's default bundle in a preload link: fetch it while the
    // catalog is fetched, instead of one after the other.
    let guess = preloaded_bundle();
    let catalog_url = catalog_url();
    let (catalog, early) = match &guess {
        Some(g) => {
            let (c, b) = futures::join!(fetch_catalog(&catalog_url), fetch_bundle(lang, g));
            (c?, Some(b))
        }
        None => (fetch_catalog(&catalog_url).await?, None),
    };
    let first = catalog.bundles.first().ok_or_else(|| LoadError::Invalid {
        file: catalog_url.clone(),
        problems: vec![tr!(lang, "load.empty_catalog").into()],
    })?;
    // The page's bundle: the one whose folder the address names (`b/<folder>/…`), else the one
    // the page preloads, else the catalog's first.
    let folder = crate::route::here().and_then(|a| a.bundle);
    let named = catalog.bundles.iter().find(|e| {
        folder.as_deref() == Some(gongkai_model::route::bundle_folder(&e.path).as_str())
            || (folder.is_none() && guess.as_deref() == Some(bundle_url(e).as_str()))
    });
    let path = bundle_url(named.unwrap_or(first));
    let bundle = match (guess, early) {
        (Some(g), Some(b)) if g == path => b?,
        _ => fetch_bundle(lang, &path).await?,
    };
    crate::mark_once("gongkai:bundle-parsed");
    Ok(Loaded {
        bundle,
        path,
        catalog: Some(Rc::new(catalog)),
        province: page_catalog().is_some(),
    })
}

/// What the first load has come to.
type Outcome = Result<BundleCtx, LoadError>;

/// The page's own bundle: still loading (with who waits for it), or loaded.
enum FirstLoad {
    Waiting(Vec<Box<dyn FnOnce(Outcome)>>),
    Done(Outcome),
}

thread_local! {
    /// The page's own first download, handed from `main()` to the app. Not app state: it is a
    /// browser-global cache of one fetch, started before any component exists (so the bundle
    /// downloads while the wasm starts) and the same for every app mounted on the page (the
    /// hydration, a remount after a language switch). It decides what is fetched once, never
    /// what a function of the model returns or what a view renders from its props and contexts.
    static FIRST_LOAD: RefCell<Option<FirstLoad>> = const { RefCell::new(None) };
}

/// Starts loading the page's bundle (catalog and default bundle, or `?bundle=`) once. `main()`
/// calls it before the app mounts, so fetching and parsing do not wait for the first render.
pub fn start_loading(lang: Lang) {
    let started = FIRST_LOAD.with(|cell| cell.borrow().is_some());
    if started {
        return;
    }
    FIRST_LOAD.with(|cell| *cell.borrow_mut() = Some(FirstLoad::Waiting(Vec::new())));
    wasm_bindgen_futures::spawn_local(async move {
        let outcome: Outcome = load(lang).await.map(|l| BundleCtx(Rc::new(l)));
        let waiting = FIRST_LOAD.with(|cell| cell.borrow_mut().replace(FirstLoad::Done(outcome.clone())));
        if let Some(FirstLoad::Waiting(waiting)) = waiting {
            for f in waiting {
                f(outcome.clone());
            }
        }
    });
}

/// The first load's outcome if it is done.
fn first_load_done() -> Option<Outcome> {
    FIRST_LOAD.with(|cell| match &*cell.borrow() {
        Some(FirstLoad::Done(o)) => Some(o.clone()),
        _ => None,
    })
}

/// Calls `f` with the first load's outcome: at once if it is done, else when it is (the app
/// mounting, and the hook, wait this way; a remount after a language switch gets the bundle
/// loaded once without fetching it again).
pub fn when_loaded(lang: Lang, f: impl FnOnce(Outcome) + 'static) {
    start_loading(lang);
    if let Some(o) = first_load_done() {
        return f(o);
    }
    FIRST_LOAD.with(|cell| {
        if let Some(FirstLoad::Waiting(w)) = &mut *cell.borrow_mut() {
            w.push(Box::new(f));
        }
    });
}

fn state_of(result: Result<BundleCtx, LoadError>) -> LoadState {
    match result {
        Ok(ctx) => LoadState::Loaded(ctx),
        Err(e) => LoadState::Failed(e),
    }
}

/// The load state and a callback that opens a local file instead (import in the browser).
pub struct UseBundle {
    pub state: LoadState,
    pub open_file: Callback<Vec<web_sys::File>>,
    /// Imports the last local file again with facts the person supplied (year, department).
    pub retry_with: Callback<Facts>,
}

/// The local files' names as the loading line and the footer say them ("说明.pdf + 表.xlsx").
fn file_names(files: &[web_sys::File]) -> String {
    files.iter().map(|f| f.name()).collect::<Vec<_>>().join(" + ")
}

fn loaded(bundle: Bundle, path: String) -> LoadState {
    LoadState::Loaded(BundleCtx(Rc::new(Loaded {
        bundle,
        path,
        catalog: None,
        province: false,
    })))
}

/// Loads the bundle once on mount (`server`: the bundle of a page rendered at build time);
/// `open_file` replaces it with a local file.
#[hook]
pub fn use_bundle(server: Option<BundleCtx>) -> UseBundle {
    let lang = crate::hooks::use_lang::use_lang();
    // Local files the first-view module handed over (issue #27): opened instead of the bundle.
    let handed = use_memo((), |_| crate::browser::take_handed_files());
    let state = use_state(|| match (server, first_load_done()) {
        _ if !handed.is_empty() => LoadState::Loading(tr!(lang, "load.reading_local", file_names(&handed))),
        (Some(ctx), _) => LoadState::Loaded(ctx),
        (None, Some(done)) => state_of(done),
        (None, None) => LoadState::Loading(tr!(lang, "load.loading").to_string()),
    });
    // The same callbacks on every render, so the views given them are not re-rendered for them.
    let set_state = state.setter();
    // The last local files, for importing them again with the facts the person supplies.
    let last_files = use_mut_ref(Vec::<web_sys::File>::new);
    let open = {
        let last_files = last_files.clone();
        Rc::new(move |files: Vec<web_sys::File>, facts: Facts| {
            if files.is_empty() {
                return;
            }
            let set_state = set_state.clone();
            let names: Vec<String> = files.iter().map(|f| f.name()).collect();
            let name = file_names(&files);
            *last_files.borrow_mut() = files.clone();
            set_state.set(LoadState::Loading(tr!(lang, "load.reading_local", name)));
            // "正在读取 说明.pdf：第 3 页，共 19 页", as the worker reports each page.
            let progress: crate::loader::ImportProgress = {
                let set_state = set_state.clone();
                Rc::new(move |file: usize, page: usize, pages: usize| {
                    let file = names.get(file).cloned().unwrap_or_default();
                    set_state.set(LoadState::Loading(tr!(lang, "load.reading_page", file, page, pages)));
                })
            };
            wasm_bindgen_futures::spawn_local(async move {
                let next = match open_local_files(lang, files, facts, progress).await {
                    Ok(b) => loaded(b, tr!(lang, "load.local_file", name)),
                    Err(e) => LoadState::Failed(e),
                };
                set_state.set(next);
            });
        })
    };
    {
        let (state, open) = (state.clone(), open.clone());
        use_effect_with((), move |_| {
            if !handed.is_empty() {
                open((*handed).clone(), Facts::default());
            } else if matches!(*state, LoadState::Loading(_)) {
                when_loaded(lang, move |o| state.set(state_of(o)));
            }
        });
    }
    let open_file = {
        let open = open.clone();
        use_callback((), move |files: Vec<web_sys::File>, _| {
            // The first-view module leaves importing to the full app (issue #27).
            if cfg!(feature = "full") {
                open(files, Facts::default());
            } else if !files.is_empty() {
                let status = tr!(lang, "load.reading_local", file_names(&files));
                crate::start::hand_over(files, status);
            }
        })
    };
    let retry_with = use_callback((), move |facts: Facts, _| {
        let files = last_files.borrow().clone();
        open(files, facts);
    });
    UseBundle {
        state: (*state).clone(),
        open_file,
        retry_with,
    }
}
