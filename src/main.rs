//! Entry point of the web app: install the on-screen panic hook, start loading the bundle,
//! mount the app.

/// How long the page's static "loading" line (index.html) may stay before the app mounts with
/// its own loading screen, which says which step it is at (the pre-rendered first view, when
/// shown, stays until the bundle is loaded).
const MOUNT_WITHIN_MS: u32 = 150;

fn main() {
    gongkai::mark_once("gongkai:wasm-start");
    gongkai::panic_hook::install();
    // The interface language first (load errors are worded in it), then the bundle starts
    // loading (its download usually started in static/boot.js, before the wasm ran).
    gongkai::hooks::use_lang::apply(gongkai::hooks::use_lang::initial_lang());
    let load = gongkai::hooks::use_bundle::start_loading();
    // The app mounts once the bundle is ready, so its first render is the view itself (no
    // loading screen rendered and laid out in between); on a slow network it mounts after
    // MOUNT_WITHIN_MS and shows its loading screen until the bundle arrives.
    // While the pre-rendered first view shows the same page, the app waits for the bundle.
    let prerendered = gongkai::prerender_shown();
    wasm_bindgen_futures::spawn_local(async move {
        if prerendered {
            let _ = load.await;
        } else {
            let waited = gloo_timers::future::TimeoutFuture::new(MOUNT_WITHIN_MS);
            futures::future::select(load, waited).await;
        }
        gongkai::remove_boot_placeholder();
        yew::Renderer::<gongkai::app::App>::new().render();
    });
    // The service worker is registered by the app once the first view is on screen, so its
    // precaching does not compete with the first visit's own downloads.
}
