//! A bar chart figure: title, one-line text summary, the plotters-drawn SVG, and a data table
//! alternative that screen readers and keyboard users reach directly.

use crate::hooks::use_width::use_chart_width;
use gongkai_model::chart::{layout_bars, series_colour_index, BarChart};
use gongkai_model::format::fmt_opt;
use gongkai_model::render::bars_svg;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct BarChartViewProps {
    pub title: AttrValue,
    pub chart: Rc<BarChart>,
    /// Stable id prefix for headings and the table.
    pub id: AttrValue,
}

#[component]
pub fn BarChartView(props: &BarChartViewProps) -> Html {
    let width = use_chart_width();
    let chart = props.chart.clone();
    // Layout and SVG depend only on the chart and the width: compute once per change.
    let svg = use_memo((chart.clone(), width), |(chart, width)| {
        bars_svg(&layout_bars(chart, *width))
    });
    let c = &props.chart;
    let title_id = format!("{}-title", props.id);
    let legend = (c.series.len() > 1).then(|| {
        html! {
            <ul class="legend" aria-hidden="true">
                { for c.series.iter().enumerate().map(|(i, s)| html! {
                    <li><span class={classes!("swatch", format!("s{}", series_colour_index(c.series.len(), i)))}></span>{ s }</li>
                }) }
            </ul>
        }
    });
    html! {
        <figure class="chart" aria-labelledby={title_id.clone()}>
            <h3 id={title_id}>{ &props.title }</h3>
            <figcaption class="summary">{ &c.summary }</figcaption>
            { legend.unwrap_or_default() }
            <div class="svg" role="img" aria-label={format!("{}：{}", props.title, c.summary)}>
                { Html::from_html_unchecked(AttrValue::from((*svg).clone())) }
            </div>
            { if c.blank_rows.is_empty() { html!{} } else { html! {
                <p class="blank-rows">{ format!("金额未列（不绘制）：{}", c.blank_rows.join("、")) }</p>
            } } }
            <details class="data-table">
                <summary>{ "查看数据表" }</summary>
                <table>
                    <caption>{ format!("{}（单位：{}）", props.title, c.unit) }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ "项目" }</th>
                            { for c.series.iter().map(|s| html! { <th scope="col" class="num">{ s }</th> }) }
                        </tr>
                    </thead>
                    <tbody>
                        { for c.rows.iter().map(|r| html! {
                            <tr class={classes!(r.highlight.then_some("changed"))}>
                                <th scope="row">{ r.label.trim_start_matches('　') }</th>
                                { for r.values.iter().map(|v| html! { <td class={classes!("num", v.is_none().then_some("blank"))}>{ fmt_opt(*v) }</td> }) }
                            </tr>
                        }) }
                        { for c.blank_rows.iter().map(|r| html! {
                            <tr><th scope="row">{ r.trim_start_matches('　') }</th>
                            { for c.series.iter().map(|_| html! { <td class="num blank">{ "未列" }</td> }) }</tr>
                        }) }
                    </tbody>
                </table>
            </details>
        </figure>
    }
}
