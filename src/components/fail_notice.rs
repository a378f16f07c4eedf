//! The notice at the top of every page of a bundle whose figures do not all check out: on the
//! overview “本数据有 2 项核对不符：…” with each check linking to its row in 数据核对 (by its id); on the other
//! views (but 数据核对 itself) the same in one line, linking to 数据核对.

use crate::hooks::use_failing::use_failing;
use crate::route::Route;
use gongkai_model::tr;
use yew::prelude::*;

#[component]
pub fn FailNotice() -> Html {
    let failing = use_failing();
    let lang = crate::hooks::use_lang::use_lang();
    let base = crate::route::use_link_base();
    let route = use_context::<Route>();
    // 数据核对 lists the checks itself.
    if failing.is_empty() || matches!(route, Some(Route::Checks(_))) {
        return html! {};
    }
    let n = failing.checks.len();
    // The overview lists the checks; other views say it in one line with a link to 数据核对.
    if !matches!(route, None | Some(Route::Overview)) {
        return html! {
            <p class="fail-notice compact" id="fail-notice" role="note">
                <span aria-hidden="true">{ "✗ " }</span>{ tr!(lang, "fail.notice_short", n) }{ " " }
                <a href={base.href(Route::Checks(None))}>{ tr!(lang, "fail.see_checks") }</a>
            </p>
        };
    }
    html! {
        <section class="fail-notice" id="fail-notice" role="note" aria-labelledby="fail-notice-title">
            <p id="fail-notice-title"><strong><span aria-hidden="true">{ "✗ " }</span>{ tr!(lang, "fail.notice", n) }</strong></p>
            <ul>
                { for failing.checks.iter().map(|c| html! {
                    <li><a href={base.href(Route::Checks(Some(c.id.clone())))}>{ tr!(lang, "fail.check", c.number, c.label.show(lang)) }</a></li>
                }) }
            </ul>
            <p class="hint">{ tr!(lang, "fail.notice_hint") }</p>
        </section>
    }
}
