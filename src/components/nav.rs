//! Site navigation between views (links, so the browser's back button and deep links work).

use crate::route::Route;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NavProps {
    pub route: Route,
}

#[component]
pub fn Nav(props: &NavProps) -> Html {
    let base = crate::route::use_link_base();
    let lang = crate::hooks::use_lang::use_lang();
    // 预算表 follows 概览 when the bundle has the standard tables.
    let ctx = super::use_loaded();
    let has_tables = !ctx.0.bundle.tables.is_empty();
    let mut entries: Vec<(Route, &str)> = Route::NAV.to_vec();
    if has_tables {
        entries.insert(1, (Route::Budget(None), "nav.budget"));
    }
    // 预算执行 follows: a 决算's view, or a budget's compared with its 决算.
    if gongkai_model::route::has_execution(&ctx.0.bundle) {
        entries.insert(1 + usize::from(has_tables), (Route::Execution(None), "nav.execution"));
    }
    html! {
        <nav class="sections" aria-label={gongkai_model::tr!(lang, "nav.label")}>
            <ul>
                { for entries.iter().map(|(r, name)| {
                    let current = props.route.in_section(r);
                    html! {
                        <li>
                            <a href={base.href(r.clone())} aria-current={current.then_some("page")} class={classes!(current.then_some("current"))}>{ lang.t(name) }</a>
                        </li>
                    }
                }) }
            </ul>
        </nav>
    }
}
