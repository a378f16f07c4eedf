//! Gongkai web viewer (Yew CSR). Views are thin: all figures, checks and chart layouts come from
//! `gongkai_model`. Data flows one way: bundle JSON → loader → model → chart layout → view.

pub mod app;
pub mod browser;
pub mod components;
pub mod hooks;
pub mod loader;
pub mod mode;
pub mod page;
pub mod panic_hook;
pub mod route;
#[cfg(feature = "site")]
pub mod site_app;
#[cfg(feature = "site")]
pub mod site_index;
pub mod start;

/// Records a Performance API mark once (the benchmark reads them: `gongkai:bundle-parsed`,
/// `gongkai:first-chart`).
pub fn mark_once(name: &str) {
    browser::mark_once(name);
}

/// Registers the service worker (static/sw.js) that keeps the site and its bundles available
/// offline. Failure (e.g. an http:// page on another host, or a browser without service workers)
/// only means no offline copy; the viewer works the same.
pub fn register_service_worker() {
    browser::register_service_worker("./sw.js");
}

/// The element the app renders into: `<div id="app">`, which holds the page the build rendered.
pub fn app_root() -> Option<web_sys::Element> {
    browser::element_by_id("app")
}

/// Removes the loading line index.html shows until the app mounts its own (in the same task,
/// so nothing flashes between them).
pub fn remove_boot_placeholder() {
    if let Some(el) = browser::element_by_id("boot") {
        el.remove();
    }
}

/// Whether the page shows the view the build rendered for its address (static/boot.js decided:
/// class `ssr` on `<html>`; `no-ssr` when the address asks for something else: another
/// bundle, an embed, a kiosk).
pub fn prerendered_page_shown() -> bool {
    browser::root_has_class("ssr") && browser::matches_any("#app > *")
}

/// Whether the loaded data is what the page was built from (`<meta name="gongkai-data">`, see
/// `gongkai_model::catalog::data_fingerprint`).
pub fn page_data_matches(loaded: &hooks::use_bundle::Loaded) -> bool {
    let built = browser::meta_content("gongkai-data");
    let now = gongkai_model::catalog::data_fingerprint(loaded.catalog.as_deref(), &loaded.bundle);
    built.is_some_and(|b| b == now)
}

/// Marks the page as running the app (`<html data-app="ready">`, once its first render is on
/// screen: hydrated or rendered), for tests and the benchmark, and tells the page so (the
/// window event `gongkai:live`): static/boot.js then gives the app the taps and keys it held
/// while the app was on its way.
pub fn mark_app_ready() {
    browser::set_root_attribute("data-app", "ready");
    browser::dispatch_window_event("gongkai:live");
}
