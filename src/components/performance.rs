//! 绩效预算: activities with amounts (chart + table); an activity opens (deep link
//! `#/performance/N`) to its sub-activities with descriptions, goals and indicators.

use super::download::DownloadButton;
use super::export_name;
use super::fail_mark::FailMark;
use super::indicators::IndicatorTable;
use super::treemap_view::TreemapView;
use super::use_loaded;
use crate::hooks::use_failing::use_failing;
use crate::route::Route;
use gongkai_model::format::fmt_share;
use gongkai_model::i18n::Lang;
use gongkai_model::tr;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PerformanceViewProps {
    /// Index of the open activity, if any.
    pub open: Option<usize>,
    /// Index of the sub-activity to bring into view, if any.
    #[prop_or_default]
    pub sub: Option<usize>,
}

/// Escape anywhere on the performance pages goes one level up the drill path.
#[hook]
pub(crate) fn use_escape_goes_up(route: Route) {
    let nav = crate::route::use_navigator();
    use_effect_with(route, move |route| {
        let route = route.clone();
        let listener = web_sys::window().and_then(|w| w.document()).map(|doc| {
            gloo_events::EventListener::new(&doc, "keydown", move |e| {
                use wasm_bindgen::JsCast;
                if let Some(k) = e.dyn_ref::<web_sys::KeyboardEvent>() {
                    if k.key() == "Escape" && !k.default_prevented() {
                        if let Some(up) = route.up() {
                            nav.go(up);
                        }
                    }
                }
            })
        });
        move || drop(listener)
    });
}

/// Rows of the activities table drawn at first. A longer table (a county with thousands of
/// activities) is drawn in full on request, so opening and leaving the page stays quick; the
/// chart, its ranked list and the CSV export always cover every activity.
const FIRST_ROWS: usize = 200;

#[component]
pub fn PerformanceView(props: &PerformanceViewProps) -> Html {
    let base = crate::route::use_link_base();
    let lang = crate::hooks::use_lang::use_lang();
    let ctx = use_loaded();
    let b = &ctx.0.bundle;
    let route = match (props.open, props.sub) {
        (Some(i), Some(j)) => Route::SubActivity(i, j),
        (open, _) => Route::Performance(open),
    };
    use_escape_goes_up(route);
    let acts = &b.performance.activities;
    if acts.is_empty() {
        // A disclosure with only the national performance tables lists their projects.
        if !b.performance_targets.is_empty() {
            return html! { <super::performance_targets::TargetsList /> };
        }
        return html! { <><h2>{ tr!(lang, "nav.performance") }</h2><p class="blank">{ tr!(lang, "perf.none") }</p></> };
    }
    // An open activity is drawn in place of the list, which stays mounted but covered (inert,
    // and `content-visibility: hidden`, which keeps its layout for when it is shown again):
    // drilling down then costs only the activity's page (no list to take apart or lay out),
    // and going back shows the list as it was. The list is first drawn when it is first shown,
    // so a deep link to an activity does not pay for it.
    let list_drawn = use_mut_ref(|| false);
    if props.open.is_none() {
        *list_drawn.borrow_mut() = true;
    }
    // Keyboard focus: what had it in the list when an activity opened gets it back when the
    // list shows again (Escape or the breadcrumb lands where the person left).
    let focus_in_list = use_mut_ref(|| None::<web_sys::HtmlElement>);
    let was_covered = use_mut_ref(|| props.open.is_some());
    if props.open.is_some() && !*was_covered.borrow() {
        *focus_in_list.borrow_mut() = focused_element();
    }
    *was_covered.borrow_mut() = props.open.is_some();
    let focus_heading = focus_in_list.borrow().is_some();
    use_effect_with(props.open.is_some(), move |covered| {
        if !*covered {
            if let Some(el) = focus_in_list.borrow_mut().take().filter(|el| el.is_connected()) {
                let _ = el.focus();
            }
        }
    });
    let detail = props.open.map(|i| match acts.get(i) {
        Some(_) => html! { <ActivityDetail key={i} index={i} sub={props.sub} {focus_heading} /> },
        None => html! {
            <>
                <h2>{ tr!(lang, "nav.performance") }</h2>
                <p role="alert">{ tr!(lang, "perf.no_such", i + 1, acts.len()) }</p>
                <p><a href={base.href(Route::Performance(None))}>{ tr!(lang, "perf.back_all") }</a></p>
            </>
        },
    });
    let list = if *list_drawn.borrow() {
        html! { <ActivityList /> }
    } else {
        html! {}
    };
    html! {
        <>
            <div class={classes!("activity-list", detail.is_some().then_some("covered"))} inert={detail.is_some()}>{ list }</div>
            { detail.unwrap_or_default() }
        </>
    }
}

/// 绩效预算's list: counts, the activities treemap, the CSV export and the activities table.
#[component]
fn ActivityList() -> Html {
    let nav = crate::route::use_navigator();
    let base = crate::route::use_link_base();
    let lang = crate::hooks::use_lang::use_lang();
    let ctx = use_loaded();
    let show_all = use_state_eq(|| false);
    let b = &ctx.0.bundle;
    let acts = &b.performance.activities;
    let total = b.project_expenditure();
    let unit = &b.meta.unit;
    let failing = use_failing();
    html! {
        <>
            <h2>{ tr!(lang, "nav.performance") }</h2>
            <p>{ tr!(lang, "perf.counts", acts.len(), b.sub_activity_count(), b.indicators().count()) }</p>
            <TreemapView
                id="activities"
                activity={None::<usize>}
                title={tr!(lang, "perf.chart_title")}
                on_activate={{ let nav = nav.clone(); Callback::from(move |i: usize| nav.go(Route::Performance(Some(i)))) }}
                href={{ let base = base.clone(); Callback::from(move |i: usize| base.href(Route::Performance(Some(i)))) }}
            />
            <DownloadButton label={tr!(lang, "perf.export_csv")} file={export_name(b, tr!(lang, "export.activities"))} make={{ let c = ctx.clone(); Callback::from(move |_| gongkai_model::csv::activities_csv(&c.0.bundle)) }} />
            <div class="table-scroll" tabindex="0" role="region" aria-label={tr!(lang, "perf.table")}>
            <table class="activities">
                <caption>{ tr!(lang, "perf.caption", lang.unit_label(unit)) }</caption>
                <thead><tr><th scope="col">{ tr!(lang, "perf.no") }</th><th scope="col">{ tr!(lang, "search.kind.activity") }</th><th scope="col" class="num">{ tr!(lang, "perf.amount") }</th><th scope="col" class="num">{ tr!(lang, "perf.share_of_project") }</th><th scope="col" class="num">{ tr!(lang, "search.kind.sub_activity") }</th></tr></thead>
                <tbody>
                    { for acts.iter().enumerate().take(if *show_all { usize::MAX } else { FIRST_ROWS }).map(|(i, a)| {
                        let name_checks = failing.of_figure(&format!("performance.activities[{i}].name")).to_vec();
                        let amount_checks = failing.of_figure(&format!("performance.activities[{i}].amount")).to_vec();
                        html! {
                        <tr class={classes!((!name_checks.is_empty() || !amount_checks.is_empty()).then_some("failing"))}>
                            <td class="num">{ i + 1 }</td>
                            <th scope="row"><a href={base.href(Route::Performance(Some(i)))}>{ &a.name }</a><FailMark checks={name_checks} /></th>
                            <td class={classes!("num", a.amount.is_none().then_some("blank"))}>{ lang.fmt_opt(a.amount) }<FailMark checks={amount_checks} /></td>
                            <td class="num">{ fmt_share(a.amount, total) }</td>
                            <td class="num">{ a.sub_activities.len() }</td>
                        </tr>
                    } }) }
                </tbody>
            </table>
            </div>
            { if acts.len() > FIRST_ROWS && !*show_all { html! {
                <p class="more-rows">
                    { tr!(lang, "perf.showing_first", FIRST_ROWS, acts.len()) }
                    <button type="button" onclick={{ let s = show_all.clone(); Callback::from(move |_| s.set(true)) }}>{ tr!(lang, "perf.show_all", acts.len()) }</button>
                </p>
            } } else { html! {} } }
            // Both forms in one bundle: the national tables' projects follow the activities.
            <super::performance_targets::TargetsList />
        </>
    }
}

#[derive(Properties, PartialEq)]
struct ActivityDetailProps {
    index: usize,
    sub: Option<usize>,
    /// Move keyboard focus to the heading (focus was in the list this page covers).
    focus_heading: bool,
}

#[component]
fn ActivityDetail(props: &ActivityDetailProps) -> Html {
    let nav = crate::route::use_navigator();
    let base = crate::route::use_link_base();
    let lang = crate::hooks::use_lang::use_lang();
    let ctx = use_loaded();
    let index = props.index;
    // The breadcrumb, heading and amount first (within the frame of the click or key); the
    // description, indicators, sub-activity chart and sections once that frame is painted.
    let rest = crate::hooks::use_painted::use_painted();
    // Bring the sub-activity of the deep link into view and give it focus (once it is drawn).
    use_effect_with((index, props.sub, rest), |(_, sub, _)| {
        if let Some(j) = sub {
            super::focus_by_id(&format!("sub-{j}"), true);
        }
    });
    // Opened from the list while focus was in it, focus would be left on the covered list: it
    // moves to this page's heading, which screen readers then announce.
    use_effect_with((index, props.focus_heading && props.sub.is_none()), |(_, take)| {
        if *take {
            super::focus_by_id("activity-title", false);
        }
    });
    let failing = use_failing();
    let b = &ctx.0.bundle;
    let a = &b.performance.activities[index];
    let unit = &b.meta.unit;
    let n = b.performance.activities.len();
    html! {
        <>
            <nav class="breadcrumb" aria-label={tr!(lang, "perf.breadcrumb")}>
                <a href={base.href(Route::Performance(None))}>{ tr!(lang, "nav.performance") }</a>
                <span aria-hidden="true">{ " › " }</span>
                { match props.sub.and_then(|j| a.sub_activities.get(j)) {
                    None => html! { <span aria-current="page">{ &a.name }</span> },
                    Some(s) => html! {
                        <>
                            <a href={base.href(Route::Performance(Some(index)))}>{ &a.name }</a>
                            <span aria-hidden="true">{ " › " }</span>
                            <span aria-current="page">{ &s.name }</span>
                        </>
                    },
                } }
            </nav>
            <h2 id="activity-title" tabindex="-1">{ format!("{}. {}", index + 1, a.name) }<FailMark checks={failing.of_figure(&format!("performance.activities[{index}].name")).to_vec()} /></h2>
            <p class="lead">{ tr!(lang, "perf.amount_line", lang.fmt_opt_unit(a.amount, unit)) }<FailMark checks={failing.of_figure(&format!("performance.activities[{index}].amount")).to_vec()} /></p>
            if rest { <>
            <dl class="desc">
                <dt>{ tr!(lang, "perf.description") }</dt><dd>{ text_or_blank(lang, &a.description) }</dd>
                <dt>{ tr!(lang, "perf.goal") }</dt><dd>{ text_or_blank(lang, &a.goal) }</dd>
            </dl>
            { if a.indicators.is_empty() { html!{} } else { html! { <IndicatorTable caption={tr!(lang, "perf.indicators_of", a.name)} indicators={Rc::new(a.indicators.clone())} /> } } }
            { if a.sub_activities.len() > 1 { html! {
                <TreemapView
                    id="subs"
                    activity={Some(index)}
                    title={tr!(lang, "perf.sub_chart")}
                    on_activate={{ let nav = nav.clone(); Callback::from(move |j: usize| nav.go(Route::SubActivity(index, j))) }}
                    href={{ let base = base.clone(); Callback::from(move |j: usize| base.href(Route::SubActivity(index, j))) }}
                    on_escape={{ let nav = nav.clone(); Some(Callback::from(move |_| nav.go(Route::Performance(None)))) }}
                    up_href={base.href(Route::Performance(None))}
                />
            } } else { html!{} } }
            { for a.sub_activities.iter().enumerate().map(|(j, s)| html! {
                <section class={classes!("sub-activity", (props.sub == Some(j)).then_some("focused"))} aria-labelledby={format!("sub-{j}")}>
                    <h3 id={format!("sub-{j}")} tabindex="-1">
                        // Each sub-activity has a page of its own (this one, with it in view).
                        if props.sub == Some(j) { { &s.name } } else { <a href={base.href(Route::SubActivity(index, j))}>{ &s.name }</a> }
                        <FailMark checks={failing.of_figure(&format!("performance.activities[{index}].sub_activities[{j}].name")).to_vec()} /></h3>
                    <p class="lead">{ tr!(lang, "perf.amount_line", lang.fmt_opt_unit(s.amount, unit)) }<FailMark checks={failing.of_figure(&format!("performance.activities[{index}].sub_activities[{j}].amount")).to_vec()} /></p>
                    <dl class="desc">
                        <dt>{ tr!(lang, "perf.description") }</dt><dd>{ text_or_blank(lang, &s.description) }</dd>
                        <dt>{ tr!(lang, "perf.goal") }</dt><dd>{ text_or_blank(lang, &s.goal) }</dd>
                    </dl>
                    { if s.indicators.is_empty() { html! { <p class="blank">{ tr!(lang, "perf.no_indicators") }</p> } } else {
                        html! { <IndicatorTable caption={tr!(lang, "perf.indicators_of", s.name)} indicators={Rc::new(s.indicators.clone())} /> }
                    } }
                </section>
            }) }
            <nav class="pager" aria-label={tr!(lang, "perf.pager")}>
                { if index > 0 { html! { <a href={base.href(Route::Performance(Some(index - 1)))}>{ tr!(lang, "perf.prev") }</a> } } else { html!{ <span></span> } } }
                <a href={base.href(Route::Performance(None))}>{ tr!(lang, "perf.all") }</a>
                { if index + 1 < n { html! { <a href={base.href(Route::Performance(Some(index + 1)))}>{ tr!(lang, "perf.next") }</a> } } else { html!{ <span></span> } } }
            </nav>
            </> }
        </>
    }
}

/// The element with keyboard focus, if any (the page itself does not count).
fn focused_element() -> Option<web_sys::HtmlElement> {
    use wasm_bindgen::JsCast;
    let doc = web_sys::window()?.document()?;
    let el = doc.active_element()?;
    if doc.body().is_some_and(|b| b.is_same_node(Some(&el))) {
        return None;
    }
    el.dyn_into::<web_sys::HtmlElement>().ok()
}

fn text_or_blank(lang: Lang, s: &str) -> Html {
    if s.trim().is_empty() {
        html! { <span class="blank">{ tr!(lang, "amount.blank") }</span> }
    } else {
        html! { <span lang={super::DATA_LANG}>{ s }</span> }
    }
}
