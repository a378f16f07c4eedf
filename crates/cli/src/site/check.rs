//! Stage 2 of the site build, **check**: the publishing gate. Every bundle must read and every
//! check must hold, unless failing checks are allowed (the pages then carry the notice). A site
//! of few bundles runs the gate on its data folder before rendering (as `gongkai publish-check`
//! does); a province checks each bundle in the render stage's workers, where it is read anyway
//! (reading ten thousand bundles twice would double the build), and refuses here.

use super::collect::Collected;
use super::{Result, SiteOptions};
use std::path::Path;

/// A site of few bundles: the gate on `data/`.
pub(super) fn gate(c: &Collected, opts: &SiteOptions, gate: &dyn Fn(&Path, bool) -> bool) -> Result<()> {
    if c.catalog.is_some() && !gate(&c.data, opts.allow_failing_checks) {
        return Err("the publishing gate refused data/ (see the lines above)".into());
    }
    Ok(())
}

/// A province: the bundles the render stage refused ("path: n check(s) fail"), ten named.
pub(super) fn province(refused: &[String]) -> Result<()> {
    if refused.is_empty() {
        return Ok(());
    }
    let shown: Vec<&String> = refused.iter().take(10).collect();
    Err(format!(
        "the publishing gate refused {} bundle(s) (--allow-failing-checks publishes them with the notice):\n  {}",
        refused.len(),
        shown.iter().map(|s| s.as_str()).collect::<Vec<_>>().join("\n  ")
    ))
}
