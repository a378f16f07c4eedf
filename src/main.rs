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
    gongkai::hooks::use_bundle::start_loading();
    // The app mounts once the bundle is ready, so its first render is the view itself (no
    // loading screen rendered and laid out in between); on a slow network it mounts after
    // MOUNT_WITHIN_MS and shows its loading screen until the bundle arrives. While the
    // pre-rendered first view shows the same page, it waits for the bundle.
    let mounted = std::rc::Rc::new(std::cell::Cell::new(false));
    let mount = move || {
        if !mounted.replace(true) {
            gongkai::remove_boot_placeholder();
            yew::Renderer::<gongkai::app::App>::new().render();
        }
    };
    if !gongkai::prerender_shown() {
        let mount = mount.clone();
        gloo_timers::callback::Timeout::new(MOUNT_WITHIN_MS, mount).forget();
    }
    gongkai::hooks::use_bundle::when_loaded(move |_| mount());
    // The service worker is registered by the app once the first view is on screen, so its
    // precaching does not compete with the first visit's own downloads.
}
