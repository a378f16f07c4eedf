//! Site navigation between views (links, so the browser's back button and deep links work).

use crate::route::Route;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NavProps {
    pub route: Route,
}

#[component]
pub fn Nav(props: &NavProps) -> Html {
    html! {
        <nav class="sections" aria-label={gongkai_model::tr!("nav.label")}>
            <ul>
                { for Route::NAV.iter().map(|(r, name)| {
                    let current = props.route.in_section(*r);
                    html! {
                        <li>
                            <a href={r.to_hash()} aria-current={current.then_some("page")} class={classes!(current.then_some("current"))}>{ gongkai_model::i18n::t(name) }</a>
                        </li>
                    }
                }) }
            </ul>
        </nav>
    }
}
