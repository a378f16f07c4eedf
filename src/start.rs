//! Starting the app in the browser: install the on-screen panic hook, start loading the bundle,
//! then hydrate the page the build rendered (or render in place where it does not apply). Three
//! entry points share it (issue #27): the full app (src/main.rs, [`run`]), the first-view module
//! (src/bin/first.rs, [`run`] built without the feature `full`: a bundle's first views, no
//! province pages) and the province pages' module (src/bin/site.rs, [`run_site_pages`], the
//! feature `site` alone: a province's home, area and search pages, no bundle views).

/// Starts the app (in the browser; elsewhere it says how to build it).
pub fn run() {
    #[cfg(target_arch = "wasm32")]
    run_in_browser();
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("gongkai-web is the viewer's WebAssembly entry point: build it with trunk (README.md).");
}

/// Starts the province pages' module (issue #27): a province's home, area or search page is
/// taken over as [`run`] does; any other page (the build never names the module on one) asks
/// for the full app instead (event `gongkai:full`, answered by the page's start script).
#[cfg(feature = "site")]
pub fn run_site_pages() {
    #[cfg(target_arch = "wasm32")]
    {
        crate::mark_once("gongkai:wasm-start");
        crate::panic_hook::install();
        crate::browser::dispatch_window_event("gongkai:taking-over");
        if !take_over_site_page() {
            crate::browser::dispatch_window_event("gongkai:full");
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("gongkai-site is the province pages' WebAssembly entry point: build it with trunk (README.md).");
}

/// How long the page's static "loading" line (index.html) may stay before the app mounts with
/// its own loading screen, which says which step it is at.
#[cfg(target_arch = "wasm32")]
const MOUNT_WITHIN_MS: u32 = 150;

#[cfg(target_arch = "wasm32")]
fn run_in_browser() {
    crate::mark_once("gongkai:wasm-start");
    crate::panic_hook::install();
    // The page's own script stops answering and puts the page back as built (static/shell.js):
    // from here on the app answers, or holds a tap until it can.
    crate::browser::dispatch_window_event("gongkai:taking-over");
    // The interface language first (load errors are worded in it), then the bundle starts
    // loading (its download usually started in static/boot.js, before the wasm ran).
    // A province site's own page (home, area, search): no bundle, its own small file.
    #[cfg(feature = "site")]
    if take_over_site_page() {
        return;
    }
    let lang = crate::hooks::use_lang::initial_lang();
    crate::hooks::use_lang::apply(lang);
    let props = move || crate::app::AppProps { page: None, lang };
    let Some(root) = crate::app_root() else {
        return;
    };
    // Local files the first-view module handed over: the app opens them, nothing else loads.
    if crate::browser::files_handed_over() {
        root.set_inner_html("");
        keep(yew::Renderer::<crate::app::App>::with_root_and_props(root, props()).render());
        return;
    }
    crate::hooks::use_bundle::start_loading(lang);
    if crate::prerendered_page_shown() {
        // The page is on screen already, rendered by the build from the same components: once
        // the bundle is here (its first render needs it), the app takes that DOM over as it is.
        crate::hooks::use_bundle::when_loaded(lang, move |outcome| {
            // Only the data the page was built from: a bundle or catalog changed since is shown
            // by rendering afresh, never with the old page's figures.
            let same = outcome.as_ref().is_ok_and(|ctx| crate::page_data_matches(&ctx.0));
            if same {
                // In a task of its own, after the one that read the bundle: the page is on
                // screen already, and two shorter tasks keep it responsive to a tap meanwhile.
                gloo_timers::callback::Timeout::new(0, move || {
                    crate::mark_once("gongkai:hydrate-start");
                    crate::remove_boot_placeholder();
                    keep(yew::Renderer::<crate::app::App>::with_root_and_props(root, props()).hydrate());
                    crate::mark_once("gongkai:hydrated");
                })
                .forget();
            } else {
                // The error, or the data as it is now, replaces the page.
                let _ = root.remove_attribute("data-page");
                root.set_inner_html("");
                keep(yew::Renderer::<crate::app::App>::with_root_and_props(root, props()).render());
            }
        });
        return;
    }
    // No page to take over (an embed, a kiosk, another bundle, a page the build did not write):
    // the app mounts once the bundle is ready, so its first render is the view itself; on a
    // slow network it mounts after MOUNT_WITHIN_MS and shows its loading screen until then.
    let mounted = std::rc::Rc::new(std::cell::Cell::new(false));
    let mount = move || {
        if !mounted.replace(true) {
            crate::remove_boot_placeholder();
            let _ = root.remove_attribute("data-page");
            root.set_inner_html("");
            keep(yew::Renderer::<crate::app::App>::with_root_and_props(root.clone(), props()).render());
        }
    };
    {
        let mount = mount.clone();
        gloo_timers::callback::Timeout::new(MOUNT_WITHIN_MS, mount).forget();
    }
    crate::hooks::use_bundle::when_loaded(lang, move |_| mount());
    // The service worker is registered by the app once the first view is on screen, so its
    // precaching does not compete with the first visit's own downloads.
}

#[cfg(target_arch = "wasm32")]
thread_local! {
    /// The app mounted on the page, kept so that the first-view module can take itself down when
    /// it hands over to the full app ([`hand_over`]).
    static MOUNTED: std::cell::RefCell<Option<yew::AppHandle<crate::app::App>>> = const { std::cell::RefCell::new(None) };
}

#[cfg(target_arch = "wasm32")]
fn keep(app: yew::AppHandle<crate::app::App>) {
    MOUNTED.with(|m| *m.borrow_mut() = Some(app));
}

/// The first-view module's answer to something only the full app does (issue #27): local
/// files opened or dropped are imported by the full app, which then shows any of their views.
/// After the current event, this app is taken down (its listeners with it), the page shows
/// `status` (what is being read) until the full app is there, and the files are handed to it
/// (`crate::browser::hand_files_to_full_app`; the page's start script loads the full app, whose
/// bundle hook opens them). In the full app, and during server rendering, it does nothing.
pub fn hand_over(files: Vec<web_sys::File>, status: String) {
    #[cfg(target_arch = "wasm32")]
    if !cfg!(feature = "full") {
        gloo_timers::callback::Timeout::new(0, move || {
            if let Some(app) = MOUNTED.with(|m| m.borrow_mut().take()) {
                app.destroy();
            }
            crate::browser::hand_files_to_full_app(&files, &status);
        })
        .forget();
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (files, status);
}

/// Takes a province site's own page over ([`run_site`]) in its language; `false` on any other
/// page.
#[cfg(all(target_arch = "wasm32", feature = "site"))]
fn take_over_site_page() -> bool {
    let Some((lang, route)) = crate::site_app::this_site_page() else {
        return false;
    };
    crate::hooks::use_lang::apply(lang);
    if let Some(root) = crate::app_root() {
        run_site(root, lang, route);
    }
    true
}

/// A province site's own page: reads its file, then takes the built page over (hydrates) when
/// the data is what it was built from, else renders afresh; an error is shown on the page.
#[cfg(all(target_arch = "wasm32", feature = "site"))]
fn run_site(root: web_sys::Element, lang: gongkai_model::i18n::Lang, route: crate::site_app::SiteRoute) {
    use crate::site_app::{load_site_page, site_data_fingerprint, SiteApp, SiteAppProps};
    wasm_bindgen_futures::spawn_local(async move {
        match load_site_page(&route).await {
            Ok(page) => {
                let built = crate::browser::meta_content("gongkai-data");
                let same = built.as_deref() == Some(site_data_fingerprint(&page).as_str());
                crate::remove_boot_placeholder();
                let props = SiteAppProps { page, lang };
                if same && crate::prerendered_page_shown() {
                    yew::Renderer::<SiteApp>::with_root_and_props(root, props).hydrate();
                    crate::mark_once("gongkai:hydrated");
                } else {
                    let _ = root.remove_attribute("data-page");
                    root.set_inner_html("");
                    yew::Renderer::<SiteApp>::with_root_and_props(root, props).render();
                }
            }
            Err(e) => {
                crate::remove_boot_placeholder();
                let _ = root.remove_attribute("data-page");
                root.set_inner_html("");
                yew::Renderer::<crate::components::error_view::ErrorView>::with_root_and_props(
                    root,
                    crate::components::error_view::ErrorViewProps {
                        error: e,
                        on_facts: None,
                        lang: Some(lang),
                    },
                )
                .render();
                crate::mark_app_ready();
            }
        }
    });
}
