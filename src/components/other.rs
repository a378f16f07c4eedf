//! 政府采购, 名词解释, 其他需要说明的事项, and where the data came from.

use super::overview::paragraphs;
use super::use_loaded;
use gongkai_model::format::{fmt_opt, fmt_opt_unit};
use yew::prelude::*;

#[component]
pub fn OtherView() -> Html {
    let ctx = use_loaded();
    let b = &ctx.0.bundle;
    let m = &b.meta;
    html! {
        <>
            <h2>{ "政府采购" }</h2>
            { if b.procurement.total.is_some() { html! { <p class="lead">{ format!("政府采购预算：{}", fmt_opt_unit(b.procurement.total, &m.unit)) }</p> } } else { html!{} } }
            { paragraphs(&b.procurement.text) }
            { if b.procurement.items.is_empty() { html!{} } else { html! {
                <div class="table-scroll" tabindex="0" role="region" aria-label="采购项目"><table><caption>{ "采购项目" }</caption><tbody>
                { for b.procurement.items.iter().map(|l| html! { <tr><th scope="row">{ &l.name }</th><td class="num">{ fmt_opt(l.amount) }</td></tr> }) }
                </tbody></table></div>
            } } }

            <h2>{ "名词解释" }</h2>
            { if b.glossary.is_empty() { html! { <p class="blank">{ "本文件未提供名词解释。" }</p> } } else { html! {
                <dl class="glossary">
                    { for b.glossary.iter().map(|g| html! { <><dt>{ &g.term }</dt><dd>{ &g.definition }</dd></> }) }
                </dl>
            } } }

            <h2>{ "其他需要说明的事项" }</h2>
            { if b.notes.is_empty() { html! { <p class="blank">{ "无。" }</p> } } else { html! { <>{ for b.notes.iter().map(|n| html! { <p class="published">{ n }</p> }) }</> } } }

            <h2>{ "数据来源" }</h2>
            <dl class="source">
                <dt>{ "原文标题" }</dt><dd>{ &m.title }</dd>
                <dt>{ "发布单位" }</dt><dd>{ m.source.publisher.as_deref().unwrap_or("未列") }</dd>
                <dt>{ "发布地址" }</dt><dd>{ m.source.url.as_deref().unwrap_or("未列") }</dd>
                <dt>{ "原始文件" }</dt><dd>{ m.source.file.as_deref().unwrap_or("未列") }</dd>
                <dt>{ "预算年度" }</dt><dd>{ m.fiscal_year }</dd>
                <dt>{ "金额单位" }</dt><dd>{ &m.unit }</dd>
            </dl>
        </>
    }
}
