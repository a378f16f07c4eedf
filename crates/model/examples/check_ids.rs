//! Prints the id, result and label of every check of the bundles given: `cargo run -p
//! gongkai-model --example check_ids -- data/pingxiang-fgj-2017.json`.
fn main() {
    for path in std::env::args().skip(1) {
        let Ok(text) = std::fs::read_to_string(&path) else {
            eprintln!("{path}: cannot read");
            continue;
        };
        match gongkai_model::parse_bundle(&text, &path) {
            Ok(b) => {
                for (i, c) in gongkai_model::reconcile(&b).iter().enumerate() {
                    println!(
                        "{:>3} {:?} {}  {}",
                        i + 1,
                        c.status,
                        c.id,
                        c.label(gongkai_model::i18n::Lang::Zh)
                    );
                }
            }
            Err(e) => eprintln!("{path}: {e:?}"),
        }
    }
}
