//! Transition (#29, "no hidden state"): the implicit interface language and link base that the
//! reconciliation checks (`checks/`), `LoadError`'s messages, the search labels and the four
//! check views (checks, fail mark, fail notice, `use_failing`) still read while they are being
//! rewritten to take them explicitly. Everything else gets the language and the link base as
//! values. The viewer's `App` and the site build set these two from the very values they pass
//! to everything else, so both agree; the lead removes this module when the checks branch merges.
//!
//! These are the only `thread_local!`s of the model, and no function outside the modules named
//! above reads them.

#![allow(deprecated)]

use crate::i18n::Lang;
use crate::route::LinkBase;
use std::cell::{Cell, RefCell};

thread_local! {
    static LANG: Cell<Lang> = const { Cell::new(Lang::Zh) };
    static LINK_BASE: RefCell<LinkBase> = RefCell::new(LinkBase::default());
}

/// Sets the implicit language (read by `i18n::lang`, `i18n::t`, `i18n::tf`, `tr!("key")`).
#[deprecated(note = "transition: checks become language-free (#29)")]
pub fn set_lang(lang: Lang) {
    LANG.with(|c| c.set(lang));
}

/// The implicit language (Chinese until set).
#[deprecated(note = "transition: checks become language-free (#29)")]
pub fn lang() -> Lang {
    LANG.with(Cell::get)
}

/// Sets the implicit link base (read by the deprecated `Route::href()` only).
#[deprecated(note = "transition: checks become language-free (#29)")]
pub fn set_link_base(base: LinkBase) {
    LINK_BASE.with(|b| *b.borrow_mut() = base);
}

/// The implicit link base (see [`set_link_base`]).
#[deprecated(note = "transition: checks become language-free (#29)")]
pub fn link_base() -> LinkBase {
    LINK_BASE.with(|b| b.borrow().clone())
}

/// Runs `f` with the implicit language set to `lang`, then puts the previous one back: for a
/// caller that has the language as a value and calls into `checks/` outside the viewer's render
/// (the page heads the site build writes).
#[deprecated(note = "transition: checks become language-free (#29)")]
pub fn with_lang<T>(lang: Lang, f: impl FnOnce() -> T) -> T {
    let before = LANG.with(|c| c.replace(lang));
    let out = f();
    LANG.with(|c| c.set(before));
    out
}
