//! 全部部门: the site's catalog grouped by region and department, each year a link, with a
//! filter box.

use super::use_loaded;
use gongkai_model::tr;
use gongkai_model::CatalogEntry;
use std::collections::BTreeMap;
use yew::prelude::*;

#[component]
pub fn CatalogView() -> Html {
    let lang = crate::hooks::use_lang::use_lang();
    let base = crate::route::use_link_base();
    let ctx = use_loaded();
    let query = use_state(String::new);
    let Some(cat) = ctx.0.catalog.clone() else {
        return html! { <><h2>{ tr!(lang, "catalog.title") }</h2><p class="blank">{ tr!(lang, "catalog.none") }</p></> };
    };
    let oninput = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            query.set(input.value());
        })
    };
    let q = query.trim().to_string();
    // region → department → entries (newest year first)
    let mut groups: BTreeMap<&str, BTreeMap<&str, Vec<&CatalogEntry>>> = BTreeMap::new();
    for e in cat.bundles.iter().filter(|e| {
        q.is_empty() || e.department.contains(&q) || e.region.contains(&q) || e.fiscal_year.to_string().contains(&q)
    }) {
        groups
            .entry(e.region.as_str())
            .or_default()
            .entry(e.department.as_str())
            .or_default()
            .push(e);
    }
    let count: usize = groups.values().flat_map(|d| d.values()).map(Vec::len).sum();
    html! {
        <>
            <h2>{ tr!(lang, "catalog.title") }</h2>
            <label for="catalog-filter">{ tr!(lang, "catalog.filter") }</label>
            <input id="catalog-filter" class="filter" type="search" value={(*query).clone()} {oninput} placeholder={tr!(lang, "catalog.placeholder")} />
            <p class="count" role="status">{ tr!(lang, "catalog.count", count) }</p>
            { for groups.iter().map(|(region, depts)| html! {
                <section class="catalog-region">
                    <h3>{ if region.is_empty() { tr!(lang, "catalog.no_region") } else { region } }</h3>
                    <ul class="catalog">
                        { for depts.iter().map(|(dept, entries)| {
                            let mut entries = entries.clone();
                            entries.sort_by(|a, b| b.fiscal_year.cmp(&a.fiscal_year));
                            html! {
                                <li>
                                    <span class="dept">{ *dept }</span>
                                    { for entries.iter().map(|e| html! {
                                        <a class="year" href={page_of(&base, e)}>{ tr!(lang, "catalog.entry", lang.fmt_year(e.fiscal_year), e.kind.label(lang)) }</a>
                                    }) }
                                </li>
                            }
                        }) }
                    </ul>
                </section>
            }) }
        </>
    }
}

/// The overview page of a catalog entry's bundle (every bundle of a site of several has a
/// folder), in the language and with the query of the links' `base`.
fn page_of(base: &crate::route::LinkBase, e: &gongkai_model::CatalogEntry) -> String {
    format!(
        "{}b/{}/{}",
        base.lang,
        gongkai_model::route::bundle_folder(&e.path),
        base.query
    )
}
