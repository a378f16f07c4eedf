//! A province site's home: every area (county) of the site, grouped under its province and
//! city, with a filter as you type and pages of [`PER_PAGE`]. Reads only `data/areas/index.json`.

use super::pager::{page_of, PageOf, Pager};
use crate::hooks::use_filtered_pages::{use_filtered_pages, FilteredPages};
use gongkai_model::areas::{areas_matching, AreaIndex};
use gongkai_model::route::lang_folder;
use gongkai_model::tr;
use std::rc::Rc;
use yew::prelude::*;

/// Areas a page.
pub const PER_PAGE: usize = 40;

#[derive(Properties, PartialEq)]
pub struct SiteHomeProps {
    pub index: Rc<AreaIndex>,
}

#[component]
pub fn SiteHome(props: &SiteHomeProps) -> Html {
    let lang = crate::hooks::use_lang::use_lang();
    let FilteredPages {
        filter,
        page,
        oninput,
        on_page,
    } = use_filtered_pages();
    let lang_dir = lang_folder(lang);
    let matching = areas_matching(&props.index, &filter);
    let PageOf {
        at,
        pages,
        shown,
        first,
        last,
    } = page_of(&matching, page, PER_PAGE);
    // Consecutive areas of one parent (province and city) under one heading.
    let mut groups: Vec<(String, Vec<&gongkai_model::areas::Area>)> = Vec::new();
    for a in shown {
        let parent = a.parent();
        match groups.last_mut() {
            Some((p, list)) if *p == parent => list.push(a),
            _ => groups.push((parent, vec![a])),
        }
    }
    html! {
        <>
            <p class="lead">{ tr!(lang, "site.home_count", props.index.areas.len(), props.index.bundles) }</p>
            <form class="site-search-form" action={format!("{lang_dir}search/")} method="get" role="search">
                <label for="site-q">{ tr!(lang, "site.search_label") }</label>
                <input id="site-q" name="q" type="search" placeholder={tr!(lang, "site.search_placeholder")} />
                <button type="submit">{ tr!(lang, "nav.search") }</button>
            </form>
            <label for="area-filter">{ tr!(lang, "site.filter_areas") }</label>
            <input id="area-filter" class="filter" type="search" value={filter.clone()} {oninput} placeholder={tr!(lang, "site.filter_areas_placeholder")} />
            <p class="count" role="status">{ tr!(lang, "site.areas_shown", first, last, matching.len()) }</p>
            { for groups.iter().map(|(parent, areas)| html! {
                <section class="catalog-region">
                    <h2 lang={super::DATA_LANG}>{ if parent.is_empty() { tr!(lang, "catalog.no_region").to_string() } else { parent.clone() } }</h2>
                    <ul class="areas">
                        { for areas.iter().map(|a| html! {
                            <li>
                                <a href={format!("{lang_dir}a/{}/", a.key)} lang={super::DATA_LANG}>{ if a.name().is_empty() { tr!(lang, "catalog.no_region") } else { a.name() } }</a>
                                <span class="area-line">{ tr!(lang, "site.area_line", a.departments, a.bundles, a.years.0, a.years.1) }</span>
                            </li>
                        }) }
                    </ul>
                </section>
            }) }
            <Pager page={at} {pages} {on_page} label={tr!(lang, "site.areas_pages")} />
        </>
    }
}
