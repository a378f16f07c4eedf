//! 部门职责 and 机构设置.

use super::use_loaded;
use yew::prelude::*;

#[component]
pub fn DutiesView() -> Html {
    let ctx = use_loaded();
    let b = &ctx.0.bundle;
    html! {
        <>
            <h2>{ "部门职责" }</h2>
            <p class="count">{ format!("共 {} 条", b.duties.len()) }</p>
            <ol class="duties">
                { for b.duties.iter().map(|d| html! {
                    <li><span class="label">{ &d.label }</span>{ &d.text }</li>
                }) }
            </ol>
            <h2>{ "机构设置" }</h2>
            <p class="published">{ &b.organisation.text }</p>
            <p class="count">{ format!("下属单位 {} 个：", b.organisation.units.len()) }</p>
            <ul class="units">
                { for b.organisation.units.iter().map(|u| html! { <li>{ u }</li> }) }
            </ul>
        </>
    }
}
