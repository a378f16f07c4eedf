//! Switch to another year of the same department, keeping the current view (its page in the
//! other year's folder).

use super::use_loaded;
use crate::route::Route;
use gongkai_model::tr;
use yew::prelude::*;

#[component]
pub fn YearSwitch() -> Html {
    let lang = crate::hooks::use_lang::use_lang();
    let base = crate::route::use_link_base();
    let ctx = use_loaded();
    let others = ctx.0.other_years();
    let many = ctx.0.province || ctx.0.catalog.as_ref().is_some_and(|c| c.bundles.len() > 1);
    if others.is_empty() && !many {
        return html! {};
    }
    // The same year's other document (its 决算 for a budget, its budget for a 决算): this view's
    // top there (a drill-down's 类 or an activity may not exist in the other document).
    let route = use_context::<Route>().unwrap_or(Route::Overview);
    let counterpart = ctx.0.counterpart().map(|e| {
        let top = match &route {
            Route::Budget(_) => Route::Budget(None),
            Route::Execution(_) => Route::Execution(None),
            Route::Performance(_) | Route::SubActivity(..) => Route::Performance(None),
            Route::Checks(_) => Route::Checks(None),
            r => r.clone(),
        };
        let href = ctx.0.page_of(&base, &e, top);
        html! { <a class="counterpart" {href}>{ tr!(lang, "year.counterpart", lang.fmt_year(e.fiscal_year), e.kind.label(lang)) }</a> }
    });
    // The same view in the chosen year's folder.
    let onchange = {
        let (base, route) = (base.clone(), route.clone());
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            let folder = select.value();
            if folder.is_empty() {
                return;
            }
            let href = base.href_on(route.clone(), &base.lang, &format!("b/{folder}/"));
            if let Some(w) = web_sys::window() {
                let _ = w.location().set_href(&href);
            }
        })
    };
    let year = ctx.0.bundle.meta.fiscal_year;
    html! {
        <p class="year-switch">
            { if others.is_empty() { html!{} } else { html! {
                <>
                    <label for="year-select">{ tr!(lang, "year.label") }</label>
                    <select id="year-select" {onchange}>
                        <option value="" selected=true>{ tr!(lang, "year.current", lang.fmt_year(year)) }</option>
                        { for others.iter().map(|e| {
                            let folder = gongkai_model::route::bundle_folder(&e.path);
                            // The page it leads to, for the page's own script before the app runs.
                            let href = base.href_on(route.clone(), &base.lang, &format!("b/{folder}/"));
                            html! { <option value={folder} data-href={href}>{ lang.fmt_year(e.fiscal_year) }</option> }
                        }) }
                    </select>
                    <a href={base.href(Route::Compare)}>{ tr!(lang, "year.compare") }</a>
                </>
            } } }
            { counterpart.unwrap_or_default() }
            { if many { html! { <a href={base.href(Route::Catalog)}>{ tr!(lang, "catalog.title") }</a> } } else { html!{} } }
        </p>
    }
}
