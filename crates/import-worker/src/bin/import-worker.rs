//! The import worker for text, Word and Excel documents (see the crate documentation).
fn main() {
    gongkai_import_worker::run();
}
