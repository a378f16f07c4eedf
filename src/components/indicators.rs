//! 绩效指标: all indicators with their four grade thresholds, grouped by activity and
//! sub-activity. Blank thresholds are shown as 未设定, never hidden.

use super::download::DownloadButton;
use super::{export_name, use_loaded};
use crate::route::Route;
use gongkai_model::Indicator;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct IndicatorTableProps {
    pub caption: AttrValue,
    pub indicators: Rc<Vec<Indicator>>,
}

/// A table of indicators: 指标 | 优 | 良 | 中 | 差.
#[component]
pub fn IndicatorTable(props: &IndicatorTableProps) -> Html {
    html! {
        <div class="table-scroll" tabindex="0" role="region" aria-label={props.caption.clone()}>
            <table class="indicators">
                <caption>{ &props.caption }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ "绩效指标" }</th>
                        <th scope="col" class="grade g1">{ "优" }</th>
                        <th scope="col" class="grade g2">{ "良" }</th>
                        <th scope="col" class="grade g3">{ "中" }</th>
                        <th scope="col" class="grade g4">{ "差" }</th>
                    </tr>
                </thead>
                <tbody>
                    { for props.indicators.iter().map(|i| html! {
                        <tr>
                            <th scope="row">{ if i.name.is_empty() { "（未命名）" } else { &i.name } }</th>
                            { grade(&i.excellent, "优") }
                            { grade(&i.good, "良") }
                            { grade(&i.fair, "中") }
                            { grade(&i.poor, "差") }
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}

fn grade(v: &Option<String>, name: &'static str) -> Html {
    match v {
        Some(t) => html! { <td data-grade={name}>{ t }</td> },
        None => html! { <td data-grade={name} class="blank">{ "未设定" }</td> },
    }
}

#[component]
pub fn IndicatorsView() -> Html {
    let ctx = use_loaded();
    let b = &ctx.0.bundle;
    let total = b.indicators().count();
    let blank = b
        .indicators()
        .filter(|(_, _, i)| i.excellent.is_none() && i.good.is_none() && i.fair.is_none() && i.poor.is_none())
        .count();
    html! {
        <>
            <h2>{ "绩效指标" }</h2>
            <p>{ format!("共 {total} 项指标，按职责活动和子活动分组；{blank} 项未设定评价标准。") }</p>
            <DownloadButton label="导出 CSV（全部指标）" file={export_name(b, "绩效指标")} make={{ let c = ctx.clone(); Callback::from(move |_| gongkai_model::csv::indicators_csv(&c.0.bundle)) }} />
            { for b.performance.activities.iter().enumerate().filter(|(_, a)| !a.indicators.is_empty() || a.sub_activities.iter().any(|s| !s.indicators.is_empty())).map(|(ai, a)| html! {
                <section class="indicator-group" aria-labelledby={format!("ia-{ai}")}>
                    <h3 id={format!("ia-{ai}")}><a href={Route::Performance(Some(ai)).to_hash()}>{ format!("{}. {}", ai + 1, a.name) }</a></h3>
                    { if a.indicators.is_empty() { html!{} } else { html! { <IndicatorTable caption={a.name.clone()} indicators={Rc::new(a.indicators.clone())} /> } } }
                    { for a.sub_activities.iter().filter(|s| !s.indicators.is_empty()).map(|s| html! {
                        <IndicatorTable caption={s.name.clone()} indicators={Rc::new(s.indicators.clone())} />
                    }) }
                </section>
            }) }
        </>
    }
}
