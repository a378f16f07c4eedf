//! Gongkai web viewer (Yew CSR). Views are thin: all figures, checks and chart layouts come from
//! `gongkai_model`. Data flows one way: bundle JSON → loader → model → chart layout → view.

pub mod app;
pub mod components;
pub mod hooks;
pub mod loader;
pub mod mode;
pub mod panic_hook;
pub mod route;

/// Records a Performance API mark once (the benchmark reads them: `gongkai:bundle-parsed`,
/// `gongkai:first-chart`).
pub fn mark_once(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        if p.get_entries_by_name(name).length() == 0 {
            let _ = p.mark(name);
        }
    }
}

/// Registers the service worker (static/sw.js) that keeps the site and its bundles available
/// offline. Failure (e.g. an http:// page on another host, or a browser without service workers)
/// only means no offline copy; the viewer works the same.
pub fn register_service_worker() {
    if let Some(w) = web_sys::window() {
        let sw = w.navigator().service_worker();
        let _ = sw.register("./sw.js");
    }
}

/// Removes the static "loading" line of index.html (shown while the wasm downloads) before the
/// app mounts its own loading screen in the same task, so nothing flashes between them.
pub fn remove_boot_placeholder() {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("boot"))
    {
        el.remove();
    }
}
