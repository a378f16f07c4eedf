//! An area's page on a province site: its departments, each with its years as links to the
//! bundle's page, filtered as you type and paged. Reads only the area's catalog file.

use super::pager::{page_of, PageOf, Pager};
use crate::hooks::use_filtered_pages::{use_filtered_pages, FilteredPages};
use gongkai_model::areas::departments_matching;
use gongkai_model::route::{bundle_folder, lang_folder};
use gongkai_model::{tr, Catalog};
use std::rc::Rc;
use yew::prelude::*;

/// Departments a page.
pub const PER_PAGE: usize = 30;

#[derive(Properties, PartialEq)]
pub struct AreaViewProps {
    pub catalog: Rc<Catalog>,
}

#[component]
pub fn AreaView(props: &AreaViewProps) -> Html {
    let lang = crate::hooks::use_lang::use_lang();
    let FilteredPages {
        filter,
        page,
        oninput,
        on_page,
    } = use_filtered_pages();
    let lang_dir = lang_folder(lang);
    let groups = departments_matching(lang, &props.catalog, &filter);
    let PageOf {
        at,
        pages,
        shown,
        first,
        last,
    } = page_of(&groups, page, PER_PAGE);
    html! {
        <>
            <p class="lead">{ tr!(lang, "catalog.count", props.catalog.bundles.len()) }</p>
            <label for="catalog-filter">{ tr!(lang, "site.filter_departments") }</label>
            <input id="catalog-filter" class="filter" type="search" value={filter.clone()} {oninput} placeholder={tr!(lang, "site.filter_departments_placeholder")} />
            <p class="count" role="status">{ tr!(lang, "site.departments_shown", first, last, groups.len()) }</p>
            <ul class="catalog">
                { for shown.iter().map(|(dept, entries)| html! {
                    <li>
                        <span class="dept" lang={super::DATA_LANG}>{ *dept }</span>
                        { for entries.iter().map(|e| html! {
                            <a class="year" href={format!("{lang_dir}b/{}/", bundle_folder(&e.path))}>{ tr!(lang, "catalog.entry", lang.fmt_year(e.fiscal_year), e.kind.label(lang)) }</a>
                        }) }
                    </li>
                }) }
            </ul>
            <Pager page={at} {pages} {on_page} label={tr!(lang, "site.departments_pages")} />
        </>
    }
}
