//! A bar chart figure: title, one-line text summary, the plotters-drawn SVG on an interactive
//! surface (hover, tap, arrow keys show each row; Enter or click opens it when the chart is
//! drillable), a live info line, the rows with blank amounts, and a data table alternative.

use super::chart_surface::ChartSurface;
use super::fail_mark::FailMark;
use crate::hooks::use_width::{drawn_widths, svg_at_widths, use_chart_width, Drawn};
use gongkai_model::chart::{layout_bars, series_colour_index, BarChart};
use gongkai_model::i18n::Lang;
use gongkai_model::render::{bar_highlight, bars_hit_map, bars_svg_selected};
use gongkai_model::tr;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct BarChartViewProps {
    pub title: AttrValue,
    pub chart: Rc<BarChart>,
    /// Stable id prefix for headings and the table.
    pub id: AttrValue,
    /// Opens row `i` (drill down); rows are not openable without it.
    #[prop_or_default]
    pub on_activate: Option<Callback<usize>>,
    /// Goes up a level on Escape.
    #[prop_or_default]
    pub on_escape: Option<Callback<()>>,
    /// Failing checks the charted figures take part in (marks the chart; empty: none).
    #[prop_or_default]
    pub failing: Vec<usize>,
    /// Where the chart's figures come from, shown under its summary as "出处：…", and whether
    /// it is a published title (kept in the document's language).
    #[prop_or_default]
    pub source: Option<(AttrValue, bool)>,
    /// Failing checks of each drawn row, in the order of `chart.rows` (marks its row in the data
    /// table; missing rows: none).
    #[prop_or_default]
    pub row_checks: Vec<Vec<usize>>,
    /// The page each row opens, in the order of `chart.rows` (what `on_activate` does, as a
    /// link: the page's own script follows it before the app runs); missing: none.
    #[prop_or_default]
    pub hrefs: Rc<Vec<Option<String>>>,
    /// The page Escape goes up to (what `on_escape` does, as a link).
    #[prop_or_default]
    pub up_href: Option<AttrValue>,
}

#[component]
pub fn BarChartView(props: &BarChartViewProps) -> Html {
    let lang = crate::hooks::use_lang::use_lang();
    let width = use_chart_width();
    let selected = use_state(|| None::<usize>);
    let layouts = use_memo((props.chart.clone(), width), |(chart, width)| {
        drawn_widths(*width)
            .into_iter()
            .map(|w| Rc::new(layout_bars(lang, chart, w)))
            .collect::<Vec<_>>()
    });
    // The layout pointer positions and the selection are read against (the widest drawn).
    let layout = layouts.last().cloned().expect("at least one width");
    // Drawn once per layout; the selection is a separate mark on top.
    let svg = use_memo(layouts.clone(), |ls| {
        AttrValue::from(svg_at_widths(
            ls.iter()
                .map(|l| Drawn {
                    svg: bars_svg_selected(l, None),
                    width: l.width,
                    height: l.height,
                    map: bars_hit_map(l),
                })
                .collect(),
        ))
    });
    // Each row's description for the page's own script, on a render of the page as built
    // (unmeasured width) only.
    let infos = use_memo((props.chart.clone(), width.is_none()), |(c, built)| {
        if *built {
            (0..c.rows.len()).map(|i| c.describe(lang, i)).collect()
        } else {
            Vec::new()
        }
    });
    let c = &props.chart;
    let title_id = format!("{}-title", props.id);
    let info_id = format!("{}-info", props.id);
    let hit = {
        let layout = (*layout).clone();
        Callback::from(move |(x, y): (f64, f64)| layout.hit(x, y))
    };
    let on_select = {
        let selected = selected.clone();
        Callback::from(move |s: Option<usize>| selected.set(s))
    };
    let legend = (c.series.len() > 1).then(|| {
        html! {
            <ul class="legend" aria-hidden="true">
                { for c.series.iter().enumerate().map(|(i, s)| html! {
                    <li><span class={classes!("swatch", format!("s{}", series_colour_index(c.series.len(), i)))}></span>{ s }</li>
                }) }
            </ul>
        }
    });
    let hint = if props.on_activate.is_some() {
        tr!(lang, "chart.hint_drill")
    } else {
        tr!(lang, "chart.hint")
    };
    let info = match *selected {
        Some(i) => c.describe(lang, i),
        None => hint.to_string(),
    };
    html! {
        <figure class={classes!("chart", (!props.failing.is_empty()).then_some("failing"))} aria-labelledby={title_id.clone()}>
            <h3 id={title_id}>{ &props.title }<FailMark checks={props.failing.clone()} /></h3>
            <figcaption class="summary">{ &c.summary }</figcaption>
            { props.source.as_ref().map(|(s, published)| source_line(lang, s, *published)).unwrap_or_default() }
            { legend.unwrap_or_default() }
            <ChartSurface
                svg={(*svg).clone()}
                layout_width={layout.width}
                layout_height={layout.height}
                highlight={selected.and_then(|i| bar_highlight(&layout, i))}
                {hit}
                order={(0..c.rows.len()).collect::<Vec<_>>()}
                selected={*selected}
                {on_select}
                on_activate={props.on_activate.clone()}
                on_escape={props.on_escape.clone()}
                label={tr!(lang, "chart.label", props.title, c.summary)}
                info_id={info_id.clone()}
                infos={infos.clone()}
                hrefs={props.hrefs.clone()}
                up_href={props.up_href.clone()}
            />
            <p class="chart-info" id={info_id} aria-live="polite">{ info }</p>
            { if c.blank_rows.is_empty() { html!{} } else { html! {
                <p class="blank-rows">{ tr!(lang, "chart.blank_not_drawn", c.blank_rows.join(tr!(lang, "common.list_sep"))) }</p>
            } } }
            <details class="data-table">
                <summary>{ tr!(lang, "chart.data_table") }</summary>
                <div class="table-scroll" tabindex="0" role="region" aria-label={tr!(lang, "chart.data_table_of", props.title)}>
                <table>
                    <caption>{ tr!(lang, "chart.table_caption", props.title, lang.unit_label(&c.unit)) }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ tr!(lang, "overview.item") }</th>
                            { for c.series.iter().map(|s| html! { <th scope="col" class="num">{ s }</th> }) }
                        </tr>
                    </thead>
                    <tbody>
                        { for c.rows.iter().enumerate().map(|(i, r)| {
                            let checks = props.row_checks.get(i).cloned().unwrap_or_default();
                            html! {
                            <tr class={classes!(r.highlight.then_some("changed"), (!checks.is_empty()).then_some("failing"))}>
                                <th scope="row">{ r.label.trim_start_matches('　') }<FailMark {checks} /></th>
                                { for r.values.iter().map(|v| html! { <td class={classes!("num", v.is_none().then_some("blank"))}>{ lang.fmt_opt(*v) }</td> }) }
                            </tr>
                        } }) }
                        { for c.blank_rows.iter().map(|r| html! {
                            <tr><th scope="row">{ r.trim_start_matches('　') }</th>
                            { for c.series.iter().map(|_| html! { <td class="num blank">{ tr!(lang, "amount.blank") }</td> }) }</tr>
                        }) }
                    </tbody>
                </table>
                </div>
            </details>
        </figure>
    }
}

/// "出处：一般公共预算支出预算表": the interface's words around the published title, which keeps
/// its language.
fn source_line(lang: Lang, source: &str, published: bool) -> Html {
    let text = tr!(lang, "breakdown.source", "\u{0}");
    let (before, after) = text.split_once('\u{0}').unwrap_or((text.as_str(), ""));
    html! { <p class="chart-source">{ before }<span lang={published.then_some(super::DATA_LANG)}>{ source }</span>{ after }</p> }
}
