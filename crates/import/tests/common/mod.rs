//! Helpers shared by the importer's test files.

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
