//! Transition (#29, "no hidden state"): the implicit interface language that `LoadError`'s
//! messages (`bundle/error.rs`: `title`, `message`) and the search labels (`text/search.rs`:
//! `HitKind::label`, the note hits' names) still read while they are rewritten to take it
//! explicitly (branch `one-way`). Everything else gets the language as a value. The viewer's
//! `use_lang` and the CLI set it from the very value they pass to everything else, so both
//! agree; this module goes when those two files no longer read it.
//!
//! The only `thread_local!` of the model, read by `i18n::lang` and `i18n::t` alone (both
//! deprecated).

use crate::i18n::Lang;
use std::cell::Cell;

thread_local! {
    static LANG: Cell<Lang> = const { Cell::new(Lang::Zh) };
}

/// Sets the implicit language (read by `i18n::lang`, `i18n::t`).
#[deprecated(note = "transition: LoadError and the search labels take the language (#29)")]
pub fn set_lang(lang: Lang) {
    LANG.with(|c| c.set(lang));
}

/// The implicit language (Chinese until set); read through the deprecated `i18n::lang`.
pub(crate) fn current() -> Lang {
    LANG.with(Cell::get)
}
