//! 部门职责 and 机构设置.

use super::fail_mark::FailMark;
use super::use_loaded;
use crate::hooks::use_failing::use_failing;
use gongkai_model::tr;
use yew::prelude::*;

#[component]
pub fn DutiesView() -> Html {
    let lang = crate::hooks::use_lang::use_lang();
    let ctx = use_loaded();
    let b = &ctx.0.bundle;
    let failing = use_failing();
    html! {
        <>
            <h2>{ tr!(lang, "duties.title") }</h2>
            <p class="count">{ tr!(lang, "duties.count", b.duties.len()) }</p>
            <ol class="duties">
                { for b.duties.iter().enumerate().map(|(i, d)| html! {
                    <li lang={super::DATA_LANG}><span class="label">{ &d.label }</span>{ &d.text }<FailMark checks={failing.of_figure(&format!("duties[{i}].text")).to_vec()} /></li>
                }) }
            </ol>
            <h2>{ tr!(lang, "duties.organisation") }</h2>
            <p class="published" lang={super::DATA_LANG}>{ &b.organisation.text }</p>
            <p class="count">{ tr!(lang, "duties.units", b.organisation.units.len()) }</p>
            <ul class="units">
                { for b.organisation.units.iter().map(|u| html! { <li lang={super::DATA_LANG}>{ u }</li> }) }
            </ul>
        </>
    }
}
