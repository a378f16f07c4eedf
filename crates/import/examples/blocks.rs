//! Prints a document as the importer reads it: its lines, each table drawn as a grid
//! (`cargo run -p gongkai-import --example blocks -- FILE`; the CLI's `gongkai text` prints the same).
fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: blocks FILE");
        std::process::exit(2);
    };
    let bytes = std::fs::read(&path).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(2)
    });
    match gongkai_import::document_text_of(&bytes) {
        Ok(text) => print!("{text}"),
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(2)
        }
    }
}
