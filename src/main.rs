//! Entry point of the web app: install the on-screen panic hook, mount the app.

fn main() {
    gongkai::panic_hook::install();
    yew::Renderer::<gongkai::app::App>::new().render();
}
