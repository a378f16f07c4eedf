//! Entry point of the first-view module (issue #27): the app built without the feature `full`,
//! holding the views of `Route::in_first_view`; pages whose view it holds start it (static/boot.js).
//! The same start as the full app's: `gongkai::start`.

fn main() {
    gongkai::start::run();
}
