//! Entry point of the web app: install the on-screen panic hook, mount the app.

fn main() {
    gongkai::mark_once("gongkai:wasm-start");
    gongkai::panic_hook::install();
    yew::Renderer::<gongkai::app::App>::new().render();
    // The service worker is registered by the app once the first view is on screen, so its
    // precaching does not compete with the first visit's own downloads.
}
