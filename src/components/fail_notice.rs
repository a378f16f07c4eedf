//! The notice at the top of every page of a bundle whose figures do not all check out:
//! “本数据有 2 项核对不符：…”, each check linking to its row in 数据核对.

use crate::hooks::use_failing::use_failing;
use crate::route::Route;
use gongkai_model::tr;
use yew::prelude::*;

#[component]
pub fn FailNotice() -> Html {
    let failing = use_failing();
    let route = use_context::<Route>();
    // 数据核对 lists the checks itself.
    if failing.is_empty() || matches!(route, Some(Route::Checks(_))) {
        return html! {};
    }
    let n = failing.checks.len();
    html! {
        <section class="fail-notice" id="fail-notice" role="note" aria-labelledby="fail-notice-title">
            <p id="fail-notice-title"><strong><span aria-hidden="true">{ "✗ " }</span>{ tr!("fail.notice", n) }</strong></p>
            <ul>
                { for failing.checks.iter().map(|(num, label)| html! {
                    <li><a href={Route::Checks(Some(*num)).to_hash()}>{ tr!("fail.check", num, label) }</a></li>
                }) }
            </ul>
            <p class="hint">{ tr!("fail.notice_hint") }</p>
        </section>
    }
}
