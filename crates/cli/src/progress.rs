//! Where a long command is: a progress bar with counts and time left on a terminal (indicatif),
//! one plain line per step when stderr is not a terminal (CI logs, a pipe), nothing with
//! `--quiet`. Everything goes to stderr, so stdout keeps only what a command prints as its result.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal as _;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Duration;

/// Set once by `main` from `--quiet`.
static QUIET: AtomicBool = AtomicBool::new(false);

/// No progress at all (`--quiet`).
pub fn set_quiet(quiet: bool) {
    QUIET.store(quiet, Ordering::Relaxed);
}

pub fn quiet() -> bool {
    QUIET.load(Ordering::Relaxed)
}

/// How progress is shown.
enum Show {
    Nothing,
    /// One line per step: "gongkai import: [3/40] 财政局2019.pdf".
    Lines,
    Bar(ProgressBar),
}

/// One stage of a long command, counted in steps (files, bundles, pages). Shared between
/// threads (`step` takes `&self`).
pub struct Stage {
    what: String,
    total: u64,
    done: AtomicU64,
    show: Show,
}

impl Stage {
    /// A stage of `total` steps; `what` names it ("import", "site: render pages").
    pub fn new(what: &str, total: usize) -> Stage {
        let show = if quiet() {
            Show::Nothing
        } else if std::io::stderr().is_terminal() {
            let bar = ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::stderr());
            bar.set_style(
                ProgressStyle::with_template("{prefix:.bold} [{bar:30}] {pos}/{len} ({eta} left) {wide_msg}")
                    .expect("template")
                    .progress_chars("=> "),
            );
            bar.set_prefix(what.to_string());
            bar.enable_steady_tick(Duration::from_millis(200));
            Show::Bar(bar)
        } else {
            Show::Lines
        };
        Stage {
            what: what.to_string(),
            total: total as u64,
            done: AtomicU64::new(0),
            show,
        }
    }

    /// One step done; `item` says which (a file, a bundle).
    pub fn step(&self, item: &str) {
        let n = self.done.fetch_add(1, Ordering::Relaxed) + 1;
        match &self.show {
            Show::Nothing => {}
            // Every step of a short stage; about fifty lines for a long one (a CI log of ten
            // thousand bundles stays readable).
            Show::Lines if self.total <= 100 || n % (self.total / 50) == 0 || n == self.total => {
                eprintln!("gongkai {}: [{n}/{}] {item}", self.what, self.total)
            }
            Show::Lines => {}
            Show::Bar(bar) => {
                bar.set_message(item.to_string());
                bar.inc(1);
            }
        }
    }

    /// The stage is over: the bar goes, leaving the terminal to the summary.
    pub fn finish(&self) {
        if let Show::Bar(bar) = &self.show {
            bar.finish_and_clear();
        }
    }
}

impl Drop for Stage {
    fn drop(&mut self) {
        self.finish();
    }
}

/// A stage without counts ("site: write and compress"): one line when it starts.
pub fn announce(what: &str) {
    if !quiet() {
        if std::io::stderr().is_terminal() {
            eprintln!("gongkai {what}…");
        } else {
            eprintln!("gongkai {what}");
        }
    }
}
