//! 政府采购, 名词解释, 其他需要说明的事项, and where the data came from.

use super::download::{save_bytes, save_file};
use super::overview::paragraphs;
use super::use_loaded;

/// "平乡县发展改革局-2017-数据包.json".
fn export_file(b: &gongkai_model::Bundle, what: &str) -> String {
    super::export_name(b, what).trim_end_matches(".csv").to_string()
}
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

            <h2>{ "下载数据" }</h2>
            <p>{ "数据包（JSON，本查看器的格式）；财政数据包（Fiscal Data Package：datapackage.json 与以元为单位的预算明细、绩效指标、资产 CSV，可导入 OpenSpending 等工具）。" }</p>
            <p class="downloads">
                <button type="button" class="download" onclick={{
                    let c = ctx.clone();
                    Callback::from(move |_| save_file(&export_file(&c.0.bundle, "数据包.json"), "application/json", &gongkai_model::to_json(&c.0.bundle)))
                }}>{ "下载数据包 JSON" }</button>
                { if gongkai_model::fdp::supports_unit(&m.unit) {
                    // Built on click: the package is only needed when someone asks for it.
                    let c = ctx.clone();
                    let onclick = Callback::from(move |_| {
                        let b = &c.0.bundle;
                        if let Some(files) = gongkai_model::fdp::fiscal_data_package(b) {
                            let entries: Vec<(String, Vec<u8>)> = files.into_iter().map(|(n, c)| (n, c.into_bytes())).collect();
                            save_bytes(&export_file(b, "财政数据包.zip"), "application/zip", &gongkai_model::zip::stored_zip(&entries));
                        }
                    });
                    html! { <button type="button" class="download" {onclick}>{ "下载财政数据包（ZIP）" }</button> }
                } else {
                    html! { <span class="blank">{ format!("金额单位“{}”无法换算为元，不能生成财政数据包。", m.unit) }</span> }
                } }
            </p>

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
