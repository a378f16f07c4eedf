//! The mark beside a figure, chart or table row that takes part in a failing check: “✗ 核对不符”
//! in text (not colour alone), linking to that check in 数据核对; screen readers hear which
//! check. Renders nothing when the figures all check out or a check could not be made (未列).

use crate::hooks::use_failing::use_failing;
use crate::route::Route;
use gongkai_model::tr;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FailMarkProps {
    /// Numbers (1-based, as in 数据核对) of the failing checks the marked thing takes part in
    /// (from `use_failing`); empty renders nothing. The link names the first by its id.
    pub checks: Vec<usize>,
}

#[component]
pub fn FailMark(props: &FailMarkProps) -> Html {
    let failing = use_failing();
    let lang = crate::hooks::use_lang::use_lang();
    let base = crate::route::use_link_base();
    let Some(&first) = props.checks.first() else {
        return html! {};
    };
    let labels: Vec<String> = props
        .checks
        .iter()
        .map(|n| tr!(lang, "fail.check", n, failing.label(*n, lang).unwrap_or_default()))
        .collect();
    let spoken = tr!(lang, "fail.mark_spoken", labels.join(tr!(lang, "common.list_sep")));
    html! {
        <a class="fail-mark" href={base.href(Route::Checks(failing.id(first).cloned()))} title={spoken.clone()} aria-label={spoken}>
            <span aria-hidden="true">{ "✗ " }{ tr!(lang, "fail.mark") }</span>
        </a>
    }
}
