//! Entry point of the web app: install the on-screen panic hook, mount the app.

fn main() {
    gongkai::mark_once("gongkai:wasm-start");
    gongkai::panic_hook::install();
    yew::Renderer::<gongkai::app::App>::new().render();
    gongkai::register_service_worker();
}
