//! 绩效预算: activities with amounts (chart + table); an activity opens (deep link
//! `#/performance/N`) to its sub-activities with descriptions, goals and indicators.

use super::bar_chart::BarChartView;
use super::indicators::IndicatorTable;
use super::use_loaded;
use crate::route::Route;
use gongkai_model::chart::{activities_chart, sub_activities_chart};
use gongkai_model::format::{fmt_opt, fmt_share};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PerformanceViewProps {
    /// Index of the open activity, if any.
    pub open: Option<usize>,
}

#[component]
pub fn PerformanceView(props: &PerformanceViewProps) -> Html {
    let ctx = use_loaded();
    let b = &ctx.0.bundle;
    let chart = use_memo(ctx.clone(), |c| Rc::new(activities_chart(&c.0.bundle)));
    let acts = &b.performance.activities;
    if acts.is_empty() {
        return html! { <><h2>{ "绩效预算" }</h2><p class="blank">{ "本文件未公开绩效预算表。" }</p></> };
    }
    if let Some(i) = props.open {
        return match acts.get(i) {
            Some(_) => html! { <ActivityDetail index={i} /> },
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
            <BarChartView id="activities" title="项目支出按职责活动（由大到小）" chart={(*chart).clone()} />
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
        </>
    }
}

#[derive(Properties, PartialEq)]
struct ActivityDetailProps {
    index: usize,
}

#[component]
fn ActivityDetail(props: &ActivityDetailProps) -> Html {
    let ctx = use_loaded();
    let index = props.index;
    let chart = use_memo((ctx.clone(), index), |(c, i)| {
        Rc::new(sub_activities_chart(
            &c.0.bundle,
            &c.0.bundle.performance.activities[*i],
        ))
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
                <span aria-current="page">{ &a.name }</span>
            </nav>
            <h2>{ format!("{}. {}", index + 1, a.name) }</h2>
            <p class="lead">{ format!("年度预算数：{} {unit}", fmt_opt(a.amount)) }</p>
            <dl class="desc">
                <dt>{ "内容描述" }</dt><dd>{ text_or_blank(&a.description) }</dd>
                <dt>{ "绩效目标" }</dt><dd>{ text_or_blank(&a.goal) }</dd>
            </dl>
            { if a.indicators.is_empty() { html!{} } else { html! { <IndicatorTable caption={format!("“{}”的绩效指标", a.name)} indicators={Rc::new(a.indicators.clone())} /> } } }
            { if a.sub_activities.len() > 1 { html! { <BarChartView id="subs" title="子活动金额" chart={(*chart).clone()} /> } } else { html!{} } }
            { for a.sub_activities.iter().enumerate().map(|(j, s)| html! {
                <section class="sub-activity" aria-labelledby={format!("sub-{j}")}>
                    <h3 id={format!("sub-{j}")}>{ &s.name }</h3>
                    <p class="lead">{ format!("年度预算数：{} {unit}", fmt_opt(s.amount)) }</p>
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
