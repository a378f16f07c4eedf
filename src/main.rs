//! Entry point of the web app: install the on-screen panic hook, start loading the bundle,
//! then hydrate the page the build rendered (or render in place where it does not apply).

// The one switch between targets here: the browser runs the viewer (`web::run`); built
// natively, this binary only says where the viewer is (the native build of the crate is the
// library `gongkai site` renders the pages with).
fn main() {
    #[cfg(target_arch = "wasm32")]
    web::run();
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("gongkai-web is the viewer's WebAssembly entry point: build it with trunk (README.md).");
}

/// The viewer in the browser (it mounts with Yew's client renderer, which only the wasm32 build
/// has).
#[cfg(target_arch = "wasm32")]
mod web {
    /// How long the page's static "loading" line (index.html) may stay before the app mounts with
    /// its own loading screen, which says which step it is at.
    const MOUNT_WITHIN_MS: u32 = 150;

    pub fn run() {
        gongkai::mark_once("gongkai:wasm-start");
        gongkai::panic_hook::install();
        // The interface language first (load errors are worded in it), then the bundle starts
        // loading (its download usually started in static/boot.js, before the wasm ran).
        // A province site's own page (home, area, search): no bundle, its own small file.
        if let Some((lang, route)) = gongkai::site_app::this_site_page() {
            gongkai::hooks::use_lang::apply(lang);
            if let Some(root) = gongkai::app_root() {
                run_site(root, route);
            }
            return;
        }
        gongkai::hooks::use_lang::apply(gongkai::hooks::use_lang::initial_lang());
        gongkai::hooks::use_bundle::start_loading();
        let Some(root) = gongkai::app_root() else {
            return;
        };
        if gongkai::prerendered_page_shown() {
            // The page is on screen already, rendered by the build from the same components: once
            // the bundle is here (its first render needs it), the app takes that DOM over as it is.
            gongkai::hooks::use_bundle::when_loaded(move |outcome| {
                // Only the data the page was built from: a bundle or catalog changed since is shown
                // by rendering afresh, never with the old page's figures.
                let same = outcome.as_ref().is_ok_and(|ctx| gongkai::page_data_matches(&ctx.0));
                if same {
                    // In a task of its own, after the one that read the bundle: the page is on
                    // screen already, and two shorter tasks keep it responsive to a tap meanwhile.
                    gloo_timers::callback::Timeout::new(0, move || {
                        gongkai::mark_once("gongkai:hydrate-start");
                        gongkai::remove_boot_placeholder();
                        yew::Renderer::<gongkai::app::App>::with_root(root).hydrate();
                        gongkai::mark_once("gongkai:hydrated");
                    })
                    .forget();
                } else {
                    // The error, or the data as it is now, replaces the page.
                    let _ = root.remove_attribute("data-page");
                    root.set_inner_html("");
                    yew::Renderer::<gongkai::app::App>::with_root(root).render();
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
                gongkai::remove_boot_placeholder();
                let _ = root.remove_attribute("data-page");
                root.set_inner_html("");
                yew::Renderer::<gongkai::app::App>::with_root(root.clone()).render();
            }
        };
        {
            let mount = mount.clone();
            gloo_timers::callback::Timeout::new(MOUNT_WITHIN_MS, mount).forget();
        }
        gongkai::hooks::use_bundle::when_loaded(move |_| mount());
        // The service worker is registered by the app once the first view is on screen, so its
        // precaching does not compete with the first visit's own downloads.
    }

    /// A province site's own page: reads its file, then takes the built page over (hydrates) when
    /// the data is what it was built from, else renders afresh; an error is shown on the page.
    fn run_site(root: web_sys::Element, route: gongkai::site_app::SiteRoute) {
        use gongkai::site_app::{load_site_page, site_data_fingerprint, SiteApp, SiteAppProps};
        wasm_bindgen_futures::spawn_local(async move {
            match load_site_page(&route).await {
                Ok(page) => {
                    let built = gongkai::browser::meta_content("gongkai-data");
                    let same = built.as_deref() == Some(site_data_fingerprint(&page).as_str());
                    gongkai::remove_boot_placeholder();
                    let props = SiteAppProps { page };
                    if same && gongkai::prerendered_page_shown() {
                        yew::Renderer::<SiteApp>::with_root_and_props(root, props).hydrate();
                        gongkai::mark_once("gongkai:hydrated");
                    } else {
                        let _ = root.remove_attribute("data-page");
                        root.set_inner_html("");
                        yew::Renderer::<SiteApp>::with_root_and_props(root, props).render();
                    }
                }
                Err(e) => {
                    gongkai::remove_boot_placeholder();
                    let _ = root.remove_attribute("data-page");
                    root.set_inner_html("");
                    yew::Renderer::<gongkai::components::error_view::ErrorView>::with_root_and_props(
                        root,
                        gongkai::components::error_view::ErrorViewProps {
                            error: e,
                            on_facts: None,
                        },
                    )
                    .render();
                    gongkai::mark_app_ready();
                }
            }
        });
    }
}
