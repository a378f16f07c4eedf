//! 概览: headline figures, where the money goes, 三公 this year vs last, 机关运行经费.

use super::bar_chart::BarChartView;
use super::term::Term;
use super::use_loaded;
use crate::route::Route;
use gongkai_model::chart::{change_chart, expenditure_chart, three_public_chart};
use gongkai_model::format::{fmt_change, fmt_opt, fmt_opt_unit};
use std::rc::Rc;
use yew::prelude::*;

#[component]
pub fn OverviewView() -> Html {
    let ctx = use_loaded();
    let b = &ctx.0.bundle;
    let unit = b.meta.unit.as_str();
    let spend = use_memo(ctx.clone(), |c| Rc::new(expenditure_chart(&c.0.bundle)));
    let tp_chart = use_memo(ctx.clone(), |c| Rc::new(three_public_chart(&c.0.bundle)));
    let change = use_memo(ctx.clone(), |c| Rc::new(change_chart(&c.0.bundle)));
    let base_year = b
        .change
        .base_year
        .map(|y| format!("{y} 年"))
        .unwrap_or_else(|| "上年".into());
    let change_text = match b.change.total {
        Some(c) => fmt_change(c, b.expenditure.total.map(|t| t - c), unit),
        None => "未列".into(),
    };
    let tp = &b.three_public;
    let tp_change = match tp.total_change {
        Some(c) => fmt_change(c, tp.total.map(|t| t - c), unit),
        None => "未列".into(),
    };
    let basic = b.basic_expenditure();
    let project = b.project_expenditure();
    html! {
        <>
            <h2>{ "概览" }</h2>
            <section class="stats" aria-label="主要数字">
                <div class="stat"><p class="label">{ "收入合计" }</p><p class="value" id="total-revenue">{ fmt_opt(b.revenue.total) }<span class="unit">{ unit }</span></p></div>
                <div class="stat"><p class="label">{ "支出合计" }</p><p class="value" id="total-expenditure">{ fmt_opt(b.expenditure.total) }<span class="unit">{ unit }</span></p>
                    <p class="sub"><Term term="基本支出" />{ format!(" {} · ", fmt_opt(basic)) }<Term term="项目支出" />{ format!(" {}", fmt_opt(project)) }</p></div>
                <div class="stat"><p class="label">{ format!("比 {base_year}增减") }</p><p class="value change">{ change_text }</p>
                    <p class="sub">{ format!("基本支出 {} · 项目支出 {}", b.change.basic.map(|c| fmt_change(c, None, unit)).unwrap_or("未列".into()), b.change.project.map(|c| fmt_change(c, None, unit)).unwrap_or("未列".into())) }</p></div>
                <div class="stat"><p class="label"><Term term="“三公”经费" /></p><p class="value">{ fmt_opt(tp.total) }<span class="unit">{ unit }</span></p><p class="sub">{ format!("比上年 {tp_change}") }</p></div>
                <div class="stat"><p class="label"><Term term="机关运行经费" /></p><p class="value">{ fmt_opt(b.operating_costs.amount) }<span class="unit">{ unit }</span></p></div>
            </section>

            <section aria-labelledby="h-budget">
                <h2 id="h-budget">{ "收支安排" }</h2>
                <BarChartView id="spend" title="支出按经济分类" chart={(*spend).clone()} />
                <p class="hint">{ "项目支出按职责活动的细分见" }<a href={Route::Performance(None).to_hash()}>{ "绩效预算" }</a>{ "。" }</p>
                <h3>{ "收入说明" }</h3>
                { paragraphs(&b.revenue.text) }
                { if b.revenue.sources.is_empty() { html!{} } else { html! {
                    <div class="table-scroll" tabindex="0" role="region" aria-label="收入来源">
                    <table class="compact">
                        <caption>{ format!("收入来源（{unit}）") }</caption>
                        <thead><tr><th scope="col">{ "来源" }</th><th scope="col" class="num">{ "金额" }</th></tr></thead>
                        <tbody>{ for b.revenue.sources.iter().map(|s| html! { <tr><th scope="row">{ &s.name }</th><td class="num">{ fmt_opt(s.amount) }</td></tr> }) }</tbody>
                    </table>
                    </div>
                } } }
                <h3>{ "支出说明" }</h3>
                { paragraphs(&b.expenditure.text) }
                <h3>{ "比上年增减情况" }</h3>
                <BarChartView id="change" title="比上年增减：上年与本年" chart={(*change).clone()} />
                { paragraphs(&b.change.text) }
            </section>

            <section aria-labelledby="h-3p">
                <h2 id="h-3p">{ "“三公”经费" }</h2>
                <BarChartView id="three-public" title="“三公”经费：上年与本年" chart={(*tp_chart).clone()} />
                <div class="table-scroll" tabindex="0" role="region" aria-label="“三公”经费明细">
                <table>
                    <caption>{ format!("“三公”经费明细（{unit}）") }</caption>
                    <thead><tr><th scope="col">{ "项目" }</th><th scope="col" class="num">{ "本年" }</th><th scope="col">{ "比上年" }</th><th scope="col">{ "变化原因" }</th></tr></thead>
                    <tbody>
                        { for tp.items.iter().map(|i| html! {
                            <tr>
                                <th scope="row">{ &i.name }</th>
                                <td class="num">{ fmt_opt(i.amount) }</td>
                                <td>{ if i.change_text.is_empty() { html!{ <span class="blank">{ "未列" }</span> } } else { html!{ &i.change_text } } }</td>
                                <td>{ if i.reason.is_empty() { "—".to_string() } else { i.reason.clone() } }</td>
                            </tr>
                        }) }
                        <tr class="total"><th scope="row">{ "合计" }</th><td class="num">{ fmt_opt(tp.total) }</td><td>{ tp_change.clone() }</td><td></td></tr>
                    </tbody>
                </table>
                </div>
                <h3>{ "原文" }</h3>
                { paragraphs(&tp.text) }
            </section>

            <section aria-labelledby="h-op">
                <h2 id="h-op">{ "机关运行经费" }</h2>
                <p class="lead">{ fmt_opt_unit(b.operating_costs.amount, unit) }</p>
                { if b.operating_costs.covers.is_empty() { html!{} } else { html! { <p>{ "主要用于：" }{ &b.operating_costs.covers }</p> } } }
                { paragraphs(&b.operating_costs.text) }
            </section>
        </>
    }
}

/// Published text, one paragraph per line, always as text (never markup).
pub fn paragraphs(text: &str) -> Html {
    if text.trim().is_empty() {
        return html! { <p class="blank">{ "原文未说明。" }</p> };
    }
    html! { <>{ for text.lines().map(|l| html! { <p class="published">{ l }</p> }) }</> }
}
