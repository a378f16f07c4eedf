//! The import worker with the PDF reader (built with the `pdf` feature; see the crate
//! documentation).
fn main() {
    gongkai_import_worker::run();
}
