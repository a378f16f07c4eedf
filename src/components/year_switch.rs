//! Switch to another year of the same department, keeping the current view (the hash).

use super::use_loaded;
use crate::hooks::use_bundle::bundle_url;
use crate::route::Route;
use gongkai_model::format::fmt_year;
use gongkai_model::tr;
use yew::prelude::*;

#[component]
pub fn YearSwitch() -> Html {
    let ctx = use_loaded();
    let others = ctx.0.other_years();
    let many = ctx.0.catalog.as_ref().is_some_and(|c| c.bundles.len() > 1);
    if others.is_empty() && !many {
        return html! {};
    }
    let onchange = Callback::from(|e: Event| {
        let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
        let url = select.value();
        if url.is_empty() {
            return;
        }
        if let Some(w) = web_sys::window() {
            let hash = w.location().hash().unwrap_or_default();
            let _ = w.location().set_href(&format!("?bundle={url}{hash}"));
        }
    });
    let year = ctx.0.bundle.meta.fiscal_year;
    html! {
        <p class="year-switch">
            { if others.is_empty() { html!{} } else { html! {
                <>
                    <label for="year-select">{ tr!("year.label") }</label>
                    <select id="year-select" {onchange}>
                        <option value="" selected=true>{ tr!("year.current", fmt_year(year)) }</option>
                        { for others.iter().map(|e| html! { <option value={bundle_url(e)}>{ fmt_year(e.fiscal_year) }</option> }) }
                    </select>
                    <a href={Route::Compare.to_hash()}>{ tr!("year.compare") }</a>
                </>
            } } }
            { if many { html! { <a href={Route::Catalog.to_hash()}>{ tr!("catalog.title") }</a> } } else { html!{} } }
        </p>
    }
}
