//! Mutation fuzzing of the bundle parser: cut, delete, duplicate, replace pieces of the seed
//! bundle. The parser must never panic, and every error must name the file and have a message.
//! More runs: `GONGKAI_FUZZ_RUNS=100000 cargo test --release -p gongkai-model --test fuzz_parser`.

use gongkai_model::*;

const SEED: &str = include_str!("../../../data/pingxiang-fgj-2017.json");

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn parser_never_panics_on_mutated_bundles() {
    let pieces: [&str; 16] = [
        "null",
        "\"\"",
        "\"-1\"",
        "1e999",
        "\"NaN\"",
        "[",
        "]",
        "{",
        "}",
        ",",
        "\"version\": 2",
        "\"x\": 1",
        "\"99999999999999999999999\"",
        "\u{feff}",
        "\\u0000",
        "\"amount\": \"1.5\"",
    ];
    let runs: usize = std::env::var("GONGKAI_FUZZ_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(500);
    let mut rng = Rng(0x2545F4914F6CDD1D);
    let (mut ok, mut errors) = (0, 0);
    for _ in 0..runs {
        let mut bytes = SEED.as_bytes().to_vec();
        for _ in 0..(1 + rng.next() % 4) {
            let at = (rng.next() as usize) % bytes.len().max(1);
            match rng.next() % 4 {
                0 => bytes.truncate(at),
                1 => {
                    let end = (at + (rng.next() as usize % 200)).min(bytes.len());
                    bytes.drain(at..end);
                }
                2 => {
                    let p = pieces[(rng.next() as usize) % pieces.len()].as_bytes();
                    let at = at.min(bytes.len());
                    bytes.splice(at..at, p.iter().copied());
                }
                _ => {
                    if !bytes.is_empty() {
                        let i = at.min(bytes.len() - 1);
                        bytes[i] = rng.next() as u8;
                    }
                }
            }
        }
        let text = String::from_utf8_lossy(&bytes);
        match parse_bundle(&text, "fuzz.json") {
            Ok(b) => {
                ok += 1;
                let _ = reconcile(&b);
                let _ = chart::layout_bars(
                    gongkai_model::i18n::Lang::Zh,
                    &chart::activities_chart(gongkai_model::i18n::Lang::Zh, &b),
                    360,
                );
            }
            Err(e) => {
                errors += 1;
                assert_eq!(e.file(), "fuzz.json");
                assert!(!e.message(i18n::Lang::Zh).is_empty() && !e.message(i18n::Lang::En).is_empty());
            }
        }
    }
    eprintln!("{runs} mutated bundles: {ok} parsed, {errors} rejected with a message");
}
