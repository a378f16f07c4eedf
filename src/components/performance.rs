//! 绩效预算: activities with amounts (chart + table); an activity opens (deep link
//! `#/performance/N`) to its sub-activities with descriptions, goals and indicators.

use super::download::DownloadButton;
use super::export_name;
use super::indicators::IndicatorTable;
use super::treemap_view::TreemapView;
use super::use_loaded;
use crate::route::Route;
use gongkai_model::format::{fmt_opt, fmt_opt_unit, fmt_share};
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
fn use_escape_goes_up(route: Route) {
    use_effect_with(route, move |route| {
        let route = *route;
        let listener = web_sys::window().and_then(|w| w.document()).map(|doc| {
            gloo_events::EventListener::new(&doc, "keydown", move |e| {
                use wasm_bindgen::JsCast;
                if let Some(k) = e.dyn_ref::<web_sys::KeyboardEvent>() {
                    if k.key() == "Escape" && !k.default_prevented() {
                        if let Some(up) = route.up() {
                            up.go();
                        }
                    }
                }
            })
        });
        move || drop(listener)
    });
}

#[component]
pub fn PerformanceView(props: &PerformanceViewProps) -> Html {
    let ctx = use_loaded();
    let b = &ctx.0.bundle;
    let route = match (props.open, props.sub) {
        (Some(i), Some(j)) => Route::SubActivity(i, j),
        (open, _) => Route::Performance(open),
    };
    use_escape_goes_up(route);
    let acts = &b.performance.activities;
    if acts.is_empty() {
        return html! { <><h2>{ "绩效预算" }</h2><p class="blank">{ "本文件未公开绩效预算表。" }</p></> };
    }
    if let Some(i) = props.open {
        return match acts.get(i) {
            Some(_) => html! { <ActivityDetail index={i} sub={props.sub} /> },
            None => html! {
                <>
                    <h2>{ "绩效预算" }</h2>
                    <p role="alert">{ format!("没有第 {} 项职责活动（共 {} 项）。", i + 1, acts.len()) }</p>
                    <p><a href={Route::Performance(None).to_hash()}>{ "返回全部职责活动" }</a></p>
                </>
            },
        };
    }
    let total = b.project_expenditure();
    let unit = &b.meta.unit;
    html! {
        <>
            <h2>{ "绩效预算" }</h2>
            <p>{ format!("{} 项职责活动，{} 项子活动，{} 项绩效指标。点击活动名称查看子活动和指标。", acts.len(), b.sub_activity_count(), b.indicators().count()) }</p>
            <TreemapView
                id="activities"
                activity={None::<usize>}
                title="项目支出按职责活动"
                on_activate={Callback::from(|i: usize| Route::Performance(Some(i)).go())}
                href={Callback::from(|i: usize| Route::Performance(Some(i)).to_hash())}
            />
            <DownloadButton label="导出 CSV（职责活动和子活动）" file={export_name(b, "职责活动")} make={{ let c = ctx.clone(); Callback::from(move |_| gongkai_model::csv::activities_csv(&c.0.bundle)) }} />
            <div class="table-scroll" tabindex="0" role="region" aria-label="职责活动表">
            <table class="activities">
                <caption>{ format!("职责活动（按公开顺序，金额单位：{unit}）") }</caption>
                <thead><tr><th scope="col">{ "序号" }</th><th scope="col">{ "职责活动" }</th><th scope="col" class="num">{ "年度预算数" }</th><th scope="col" class="num">{ "占项目支出" }</th><th scope="col" class="num">{ "子活动" }</th></tr></thead>
                <tbody>
                    { for acts.iter().enumerate().map(|(i, a)| html! {
                        <tr>
                            <td class="num">{ i + 1 }</td>
                            <th scope="row"><a href={Route::Performance(Some(i)).to_hash()}>{ &a.name }</a></th>
                            <td class={classes!("num", a.amount.is_none().then_some("blank"))}>{ fmt_opt(a.amount) }</td>
                            <td class="num">{ fmt_share(a.amount, total) }</td>
                            <td class="num">{ a.sub_activities.len() }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            </div>
        </>
    }
}

#[derive(Properties, PartialEq)]
struct ActivityDetailProps {
    index: usize,
    sub: Option<usize>,
}

#[component]
fn ActivityDetail(props: &ActivityDetailProps) -> Html {
    let ctx = use_loaded();
    let index = props.index;
    // Bring the sub-activity of the deep link into view and give it focus.
    use_effect_with((index, props.sub), |(_, sub)| {
        if let Some(j) = sub {
            let el = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id(&format!("sub-{j}")));
            if let Some(el) = el {
                el.scroll_into_view();
                use wasm_bindgen::JsCast;
                if let Some(h) = el.dyn_ref::<web_sys::HtmlElement>() {
                    let _ = h.focus();
                }
            }
        }
    });
    let b = &ctx.0.bundle;
    let a = &b.performance.activities[index];
    let unit = &b.meta.unit;
    let n = b.performance.activities.len();
    html! {
        <>
            <nav class="breadcrumb" aria-label="位置">
                <a href={Route::Performance(None).to_hash()}>{ "绩效预算" }</a>
                <span aria-hidden="true">{ " › " }</span>
                { match props.sub.and_then(|j| a.sub_activities.get(j)) {
                    None => html! { <span aria-current="page">{ &a.name }</span> },
                    Some(s) => html! {
                        <>
                            <a href={Route::Performance(Some(index)).to_hash()}>{ &a.name }</a>
                            <span aria-hidden="true">{ " › " }</span>
                            <span aria-current="page">{ &s.name }</span>
                        </>
                    },
                } }
            </nav>
            <h2>{ format!("{}. {}", index + 1, a.name) }</h2>
            <p class="lead">{ format!("年度预算数：{}", fmt_opt_unit(a.amount, unit)) }</p>
            <dl class="desc">
                <dt>{ "内容描述" }</dt><dd>{ text_or_blank(&a.description) }</dd>
                <dt>{ "绩效目标" }</dt><dd>{ text_or_blank(&a.goal) }</dd>
            </dl>
            { if a.indicators.is_empty() { html!{} } else { html! { <IndicatorTable caption={format!("“{}”的绩效指标", a.name)} indicators={Rc::new(a.indicators.clone())} /> } } }
            { if a.sub_activities.len() > 1 { html! {
                <TreemapView
                    id="subs"
                    activity={Some(index)}
                    title="子活动金额"
                    on_activate={Callback::from(move |j: usize| Route::SubActivity(index, j).go())}
                    href={Callback::from(move |j: usize| Route::SubActivity(index, j).to_hash())}
                    on_escape={Some(Callback::from(|_| Route::Performance(None).go()))}
                />
            } } else { html!{} } }
            { for a.sub_activities.iter().enumerate().map(|(j, s)| html! {
                <section class={classes!("sub-activity", (props.sub == Some(j)).then_some("focused"))} aria-labelledby={format!("sub-{j}")}>
                    <h3 id={format!("sub-{j}")} tabindex="-1">{ &s.name }</h3>
                    <p class="lead">{ format!("年度预算数：{}", fmt_opt_unit(s.amount, unit)) }</p>
                    <dl class="desc">
                        <dt>{ "内容描述" }</dt><dd>{ text_or_blank(&s.description) }</dd>
                        <dt>{ "绩效目标" }</dt><dd>{ text_or_blank(&s.goal) }</dd>
                    </dl>
                    { if s.indicators.is_empty() { html! { <p class="blank">{ "未列绩效指标。" }</p> } } else {
                        html! { <IndicatorTable caption={format!("“{}”的绩效指标", s.name)} indicators={Rc::new(s.indicators.clone())} /> }
                    } }
                </section>
            }) }
            <nav class="pager" aria-label="上一项和下一项">
                { if index > 0 { html! { <a href={Route::Performance(Some(index - 1)).to_hash()}>{ "‹ 上一项" }</a> } } else { html!{ <span></span> } } }
                <a href={Route::Performance(None).to_hash()}>{ "全部职责活动" }</a>
                { if index + 1 < n { html! { <a href={Route::Performance(Some(index + 1)).to_hash()}>{ "下一项 ›" }</a> } } else { html!{ <span></span> } } }
            </nav>
        </>
    }
}

fn text_or_blank(s: &str) -> Html {
    if s.trim().is_empty() {
        html! { <span class="blank">{ "未列" }</span> }
    } else {
        html! { s }
    }
}
