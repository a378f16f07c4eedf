//! Project spending as a treemap (activities, or the sub-activities of one activity), with a
//! switch to show amounts or shares of the total, a switch to the bar-chart alternative, the
//! blank-amount items listed, and the full ranked list under the chart.

use super::bar_chart::BarChartView;
use super::chart_surface::ChartSurface;
use super::fail_mark::FailMark;
use super::use_loaded;
use crate::hooks::use_failing::use_failing;
use crate::hooks::use_width::{drawn_widths, svg_at_widths, use_chart_width, Drawn};
use gongkai_model::chart::{activities_chart, sub_activities_chart};
use gongkai_model::format::fmt_amount_grouped;
use gongkai_model::render::{treemap_highlight, treemap_hit_map, treemap_svg};
use gongkai_model::tr;
use gongkai_model::treemap::{activities_treemap, sub_activities_treemap, LabelMode};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TreemapViewProps {
    /// `None`: all activities; `Some(i)`: the sub-activities of activity `i`.
    pub activity: Option<usize>,
    pub title: AttrValue,
    pub id: AttrValue,
    /// Opens item `index` (activity or sub-activity index).
    pub on_activate: Callback<usize>,
    /// Link to item `index`, for the ranked list.
    pub href: Callback<usize, String>,
    #[prop_or_default]
    pub on_escape: Option<Callback<()>>,
    /// The page Escape goes up to (what `on_escape` does, as a link for the page's own script).
    #[prop_or_default]
    pub up_href: Option<AttrValue>,
}

#[component]
pub fn TreemapView(props: &TreemapViewProps) -> Html {
    let lang = crate::hooks::use_lang::use_lang();
    let ctx = use_loaded();
    let width = use_chart_width();
    let mode = use_state(LabelMode::default);
    let as_bars = use_state(|| false);
    let selected = use_state(|| None::<usize>);
    // Whether the full list is open: `None` until the person toggles it (open by default for
    // short lists).
    let list_open_state = use_state(|| None::<bool>);
    let activity = props.activity;
    let maps = use_memo((ctx.clone(), activity, width, *mode), |(c, a, w, m)| {
        drawn_widths(*w)
            .into_iter()
            .map(|w| {
                Rc::new(match a {
                    None => activities_treemap(lang, &c.0.bundle, w, *m),
                    Some(i) => sub_activities_treemap(lang, &c.0.bundle, *i, w, *m)
                        .unwrap_or_else(|| activities_treemap(lang, &c.0.bundle, w, *m)),
                })
            })
            .collect::<Vec<_>>()
    });
    // The layout pointer positions and the selection are read against (the widest drawn).
    let map = maps.last().cloned().expect("at least one width");
    let bars = use_memo((ctx.clone(), activity), |(c, a)| {
        let b = &c.0.bundle;
        Rc::new(match a.and_then(|i| b.performance.activities.get(i)) {
            None => activities_chart(lang, b),
            Some(act) => sub_activities_chart(lang, b, act),
        })
    });
    // Drawn once per layout; the selection is a separate mark on top.
    let svg = use_memo(maps.clone(), |ms| {
        AttrValue::from(svg_at_widths(
            ms.iter()
                .map(|m| Drawn {
                    svg: treemap_svg(m, None),
                    width: m.width,
                    height: m.height,
                    map: treemap_hit_map(m),
                })
                .collect(),
        ))
    });
    let b = &ctx.0.bundle;
    // Failing checks of each item's amount (by item index), and of the chart as a whole.
    let failing = use_failing();
    let item_path = |k: usize| match activity {
        None => format!("performance.activities[{k}].amount"),
        Some(i) => format!("performance.activities[{i}].sub_activities[{k}].amount"),
    };
    let item_checks = |k: usize| failing.of_figure(&item_path(k)).to_vec();
    let n_items = match activity.and_then(|i| b.performance.activities.get(i)) {
        None => b.performance.activities.len(),
        Some(a) => a.sub_activities.len(),
    };
    let mut chart_checks: Vec<usize> = (0..n_items).flat_map(item_checks).collect();
    chart_checks.sort_unstable();
    chart_checks.dedup();
    let parent_name = match activity.and_then(|i| b.performance.activities.get(i)) {
        Some(a) => a.name.clone(),
        None => tr!(lang, "term.project").to_string(),
    };
    let info_id = format!("{}-info", props.id);
    let title_id = format!("{}-title", props.id);
    // Each cell's description and page for the page's own script, on a render of the page as
    // built (unmeasured width) only.
    let (infos, hrefs) = if width.is_none() {
        let infos = (0..map.cells.len())
            .map(|k| map.describe(lang, k, &parent_name))
            .collect();
        let hrefs = map.cells.iter().map(|c| Some(props.href.emit(c.index))).collect();
        (Rc::new(infos), Rc::new(hrefs))
    } else {
        Default::default()
    };

    let hit = {
        let m = (*map).clone();
        Callback::from(move |(x, y): (f64, f64)| m.hit(x, y))
    };
    let on_select = {
        let selected = selected.clone();
        Callback::from(move |s: Option<usize>| selected.set(s))
    };
    // Surface items are cell positions; the page thinks in activity indexes.
    let on_activate = {
        let (m, go) = ((*map).clone(), props.on_activate.clone());
        Callback::from(move |k: usize| {
            if let Some(c) = m.cells.get(k) {
                go.emit(c.index)
            }
        })
    };
    let bar_activate = {
        // The bar chart is ranked; map its row back to the item by name.
        let (chart, go, names) = ((*bars).clone(), props.on_activate.clone(), item_names(&ctx, activity));
        Callback::from(move |row: usize| {
            if let Some(i) = chart
                .rows
                .get(row)
                .and_then(|r| names.iter().position(|n| *n == r.label))
            {
                go.emit(i)
            }
        })
    };
    let info = match *selected {
        Some(k) => map.describe(lang, k, &parent_name),
        None => tr!(lang, "chart.hint_open").to_string(),
    };
    let toggle_mode = {
        let mode = mode.clone();
        Callback::from(move |_| {
            mode.set(if *mode == LabelMode::Amount {
                LabelMode::ShareOfTotal
            } else {
                LabelMode::Amount
            })
        })
    };
    let toggle_view = {
        let as_bars = as_bars.clone();
        Callback::from(move |_| as_bars.set(!*as_bars))
    };
    let ranked = map.ranked();
    // The full list is built only while it is open (a 2,000-item list is a lot of page to keep).
    let list_open = list_open_state.unwrap_or(ranked.len() <= 12);
    let on_list_toggle = {
        let state = list_open_state.clone();
        Callback::from(move |e: Event| {
            let open = e
                .target()
                .and_then(|t| js_sys::Reflect::get(&t, &"open".into()).ok())
                .and_then(|v| v.as_bool())
                .unwrap_or(false);
            state.set(Some(open));
        })
    };
    html! {
        <figure class={classes!("chart", "treemap", (!chart_checks.is_empty()).then_some("failing"))} aria-labelledby={title_id.clone()}>
            <h3 id={title_id}>{ &props.title }<FailMark checks={chart_checks.clone()} /></h3>
            <figcaption class="summary">{ &bars.summary }</figcaption>
            <div class="chart-controls" role="group" aria-label={tr!(lang, "chart.display")}>
                <button type="button" aria-pressed={(!*as_bars).to_string()} onclick={toggle_view.clone()} disabled={!*as_bars}>{ tr!(lang, "chart.treemap") }</button>
                <button type="button" aria-pressed={as_bars.to_string()} onclick={toggle_view} disabled={*as_bars}>{ tr!(lang, "chart.bars") }</button>
                { if *as_bars { html!{} } else { html! {
                    <button type="button" class="mode" aria-pressed={(*mode == LabelMode::ShareOfTotal).to_string()} onclick={toggle_mode}>
                        { if *mode == LabelMode::Amount { tr!(lang, "chart.show_share") } else { tr!(lang, "chart.show_amount") } }
                    </button>
                } } }
            </div>
            { if *as_bars {
                html! { <BarChartView id={format!("{}-bars", props.id)} title={tr!(lang, "chart.as_bars", props.title)} chart={(*bars).clone()} on_activate={bar_activate} on_escape={props.on_escape.clone()} /> }
            } else { html! {
                <>
                    <ChartSurface
                        svg={(*svg).clone()}
                        layout_width={map.width}
                        layout_height={map.height}
                        highlight={selected.and_then(|k| treemap_highlight(&map, k))}
                        {hit}
                        order={ranked.clone()}
                        selected={*selected}
                        {on_select}
                        on_activate={Some(on_activate)}
                        on_escape={props.on_escape.clone()}
                        label={tr!(lang, "chart.label", props.title, bars.summary)}
                        info_id={info_id.clone()}
                        {infos}
                        {hrefs}
                        up_href={props.up_href.clone()}
                    />
                    <p class="chart-info" id={info_id} aria-live="polite">{ info }</p>
                </>
            } } }
            { if map.blank.is_empty() && map.zero.is_empty() { html!{} } else { html! {
                <p class="blank-rows">
                    { if map.blank.is_empty() { String::new() } else { tr!(lang, "chart.blank_not_drawn", map.blank.iter().map(|(_, n)| n.as_str()).collect::<Vec<_>>().join(tr!(lang, "common.list_sep"))) } }
                    { if map.zero.is_empty() { String::new() } else { tr!(lang, "chart.zero_items", map.zero.iter().map(|(_, n)| n.as_str()).collect::<Vec<_>>().join(tr!(lang, "common.list_sep"))) } }
                </p>
            } } }
            // Not built while closed: opening it is the app's (`data-app-list`: the page's start
            // script holds the click until the app runs).
            <details class="ranked" open={list_open} ontoggle={on_list_toggle} data-app-list={(!list_open).then_some("")}>
                <summary>{ tr!(lang, "chart.ranked_list", ranked.len() + map.blank.len() + map.zero.len()) }</summary>
                if list_open {
                <ol>
                    { for ranked.iter().map(|k| {
                        let c = &map.cells[*k];
                        html! {
                            <li>
                                <a href={props.href.emit(c.index)}>{ &c.name }</a>
                                <span class="num">{ format!(" {} {}", fmt_amount_grouped(c.amount), lang.unit_label(&map.unit)) }</span>
                                <FailMark checks={item_checks(c.index)} />
                                <span class="share">{ " " }{ tr!(lang, "chart.shares", parent_name, c.share_of_parent, c.share_of_total) }</span>
                            </li>
                        }
                    }) }
                    { for map.zero.iter().map(|(i, n)| html! {
                        <li class="blank"><a href={props.href.emit(*i)}>{ n }</a>{ format!(" 0 {}", lang.unit_label(&map.unit)) }<FailMark checks={item_checks(*i)} /></li>
                    }) }
                    { for map.blank.iter().map(|(i, n)| html! {
                        <li class="blank"><a href={props.href.emit(*i)}>{ n }</a>{ " " }{ tr!(lang, "chart.amount_blank") }</li>
                    }) }
                </ol>
                }
            </details>
        </figure>
    }
}

fn item_names(ctx: &crate::hooks::use_bundle::BundleCtx, activity: Option<usize>) -> Vec<String> {
    let b = &ctx.0.bundle;
    match activity.and_then(|i| b.performance.activities.get(i)) {
        None => b.performance.activities.iter().map(|a| a.name.clone()).collect(),
        Some(a) => a.sub_activities.iter().map(|s| s.name.clone()).collect(),
    }
}
