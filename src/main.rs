//! Entry point of the web app (the full app; the first-view module's is src/bin/first.rs): see
//! `gongkai::start`.

fn main() {
    gongkai::start::run();
}
