//! Helpers shared by the importer's test files (each uses some of them).
#![allow(dead_code)]

/// xorshift: deterministic pseudo-random numbers without a dependency, for the fuzz tests.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// Mutations per fuzz test: GONGKAI_FUZZ_RUNS, or `default`.
pub fn fuzz_runs(default: usize) -> usize {
    std::env::var("GONGKAI_FUZZ_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// The bundle's failing checks as “label: detail” in Chinese: what a test shows when a document
/// does not import as it should.
pub fn failing_checks(b: &gongkai_model::Bundle) -> Vec<String> {
    use gongkai_model::i18n::Lang;
    gongkai_model::reconcile(b)
        .into_iter()
        .filter(|c| c.status == gongkai_model::CheckStatus::Fail)
        .map(|c| format!("{}: {}", c.label(Lang::Zh), c.detail(Lang::Zh)))
        .collect()
}
