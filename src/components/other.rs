//! 政府采购, 名词解释, 其他需要说明的事项, and where the data came from.

use super::download::{save_bytes, save_file};
use super::overview::paragraphs;
use super::use_loaded;

/// "平乡县发展改革局-2017-数据包.json".
fn export_file(b: &gongkai_model::Bundle, what: &str) -> String {
    super::export_name(b, what).trim_end_matches(".csv").to_string()
}
use gongkai_model::tr;
use yew::prelude::*;

#[component]
pub fn OtherView() -> Html {
    let lang = crate::hooks::use_lang::use_lang();
    let ctx = use_loaded();
    let b = &ctx.0.bundle;
    let m = &b.meta;
    html! {
        <>
            <h2>{ tr!(lang, "other.procurement") }</h2>
            { if b.procurement.total.is_some() { html! { <p class="lead">{ tr!(lang, "other.procurement_total", lang.fmt_opt_unit(b.procurement.total, &m.unit)) }</p> } } else { html!{} } }
            { paragraphs(lang, &b.procurement.text) }
            { if b.procurement.items.is_empty() { html!{} } else { html! {
                <div class="table-scroll" tabindex="0" role="region" aria-label={tr!(lang, "other.procurement_items")}><table><caption>{ tr!(lang, "other.procurement_items") }</caption><tbody>
                { for b.procurement.items.iter().map(|l| html! { <tr><th scope="row">{ &l.name }</th><td class="num">{ lang.fmt_opt(l.amount) }</td></tr> }) }
                </tbody></table></div>
            } } }

            <h2>{ tr!(lang, "search.kind.term") }</h2>
            { if b.glossary.is_empty() { html! { <p class="blank">{ tr!(lang, "other.no_glossary") }</p> } } else { html! {
                <dl class="glossary">
                    { for b.glossary.iter().map(|g| html! { <><dt lang={super::DATA_LANG}>{ &g.term }</dt><dd lang={super::DATA_LANG}>{ &g.definition }</dd></> }) }
                </dl>
            } } }

            <h2>{ tr!(lang, "other.notes") }</h2>
            { if b.notes.is_empty() { html! { <p class="blank">{ tr!(lang, "other.none") }</p> } } else { html! { <>{ for b.notes.iter().map(|n| html! { <p class="published" lang={super::DATA_LANG}>{ n }</p> }) }</> } } }

            <h2>{ tr!(lang, "other.download") }</h2>
            <p>{ tr!(lang, "other.download_text") }</p>
            <p class="downloads">
                <button type="button" class="download" onclick={{
                    let c = ctx.clone();
                    Callback::from(move |_| save_file(&export_file(&c.0.bundle, &format!("{}.json", tr!(lang, "export.bundle"))), "application/json", &gongkai_model::to_json(&c.0.bundle)))
                }}>{ tr!(lang, "other.download_json") }</button>
                { if gongkai_model::fdp::supports_unit(&m.unit) {
                    // Built on click: the package is only needed when someone asks for it.
                    let c = ctx.clone();
                    let onclick = Callback::from(move |_| {
                        let b = &c.0.bundle;
                        if let Some(files) = gongkai_model::fdp::fiscal_data_package(b, Some(&c.0.path)) {
                            let entries: Vec<(String, Vec<u8>)> = files.into_iter().map(|(n, c)| (n, c.into_bytes())).collect();
                            save_bytes(&export_file(b, &format!("{}.zip", tr!(lang, "export.fdp"))), "application/zip", &gongkai_model::zip::stored_zip(&entries));
                        }
                    });
                    html! { <button type="button" class="download" {onclick}>{ tr!(lang, "other.download_fdp") }</button> }
                } else {
                    html! { <span class="blank">{ tr!(lang, "other.fdp_unit", m.unit) }</span> }
                } }
            </p>

            <h2>{ tr!(lang, "other.source") }</h2>
            <dl class="source">
                <dt>{ tr!(lang, "other.title") }</dt><dd>{ &m.title }</dd>
                <dt>{ tr!(lang, "other.publisher") }</dt><dd>{ m.source.publisher.as_deref().unwrap_or(tr!(lang, "amount.blank")) }</dd>
                <dt>{ tr!(lang, "other.url") }</dt><dd>{ m.source.url.as_deref().unwrap_or(tr!(lang, "amount.blank")) }</dd>
                <dt>{ tr!(lang, "other.file") }</dt><dd>{ m.source.file.as_deref().unwrap_or(tr!(lang, "amount.blank")) }</dd>
                <dt>{ tr!(lang, "other.year") }</dt><dd>{ m.fiscal_year }</dd>
                <dt>{ tr!(lang, "other.unit") }</dt><dd>{ lang.unit_label(&m.unit) }</dd>
            </dl>
        </>
    }
}
