//! The interactive surface every chart shares: pointer hover and touch show an item, click/tap
//! and Enter activate (drill down), arrow keys move between items, Escape goes up. It only
//! translates events; which item is where comes from the chart spec through `hit`, and the
//! parent draws the SVG with the selection.
//!
//! A page the build wrote carries what the page's own script (static/shell.js) needs to answer
//! the same pointer, touch and keys before the app runs (issue #27): each item's description
//! (`data-infos`), the page it opens (`data-hrefs`), the keyboard order (`data-order`) and the
//! page Escape goes up to (`data-up`); where each item is drawn is on the SVG's own wrapper
//! (`use_width::svg_at_widths`). The app's renders after that carry none of it.

use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChartSurfaceProps {
    /// The drawn chart (SVG text produced by the model's plotters renderer).
    pub svg: AttrValue,
    /// Width of the layout in layout pixels (pointer positions are scaled to it).
    pub layout_width: u32,
    /// Height of the layout in layout pixels.
    pub layout_height: u32,
    /// The mark drawn over the selected item (a small SVG on top, so the chart itself is not
    /// redrawn when the selection moves).
    #[prop_or_default]
    pub highlight: Option<gongkai_model::render::Highlight>,
    /// Item under a point in layout pixels.
    pub hit: Callback<(f64, f64), Option<usize>>,
    /// Items in keyboard order (e.g. largest first).
    pub order: Vec<usize>,
    pub selected: Option<usize>,
    pub on_select: Callback<Option<usize>>,
    /// Drill into an item; `None` when items cannot be opened.
    #[prop_or_default]
    pub on_activate: Option<Callback<usize>>,
    /// Go up a level (Escape); `None` at the top.
    #[prop_or_default]
    pub on_escape: Option<Callback<()>>,
    /// Accessible name of the chart.
    pub label: AttrValue,
    /// Id of the element describing the selected item (the live info line).
    pub info_id: AttrValue,
    /// What the info line says of each item, in item order: given only on a render of the
    /// page as built (the server's and the hydration's), for the page's own script.
    #[prop_or_default]
    pub infos: Rc<Vec<String>>,
    /// The page each item opens (its drill-down), in item order; `None`: it opens none.
    #[prop_or_default]
    pub hrefs: Rc<Vec<Option<String>>>,
    /// The page Escape goes up to.
    #[prop_or_default]
    pub up_href: Option<AttrValue>,
}

fn layout_point(e: &MouseEvent, el: &web_sys::Element, layout_width: u32) -> (f64, f64) {
    let r = el.get_bounding_client_rect();
    let scale = if r.width() > 0.0 {
        layout_width as f64 / r.width()
    } else {
        1.0
    };
    (
        (e.client_x() as f64 - r.left()) * scale,
        (e.client_y() as f64 - r.top()) * scale,
    )
}

#[component]
pub fn ChartSurface(props: &ChartSurfaceProps) -> Html {
    let lang = crate::hooks::use_lang::use_lang();
    let node = use_node_ref();
    // The first chart in the page marks the time for the benchmark (bench/browser.mjs).
    use_effect_with((), |_| crate::mark_once("gongkai:first-chart"));
    let onpointermove = {
        let (node, hit, on_select, w, sel) = (
            node.clone(),
            props.hit.clone(),
            props.on_select.clone(),
            props.layout_width,
            props.selected,
        );
        Callback::from(move |e: PointerEvent| {
            if let Some(el) = node.cast::<web_sys::Element>() {
                let found = hit.emit(layout_point(&e, &el, w));
                if found.is_some() && found != sel {
                    on_select.emit(found);
                }
            }
        })
    };
    let onclick = {
        let (node, hit, on_select, on_activate, w) = (
            node.clone(),
            props.hit.clone(),
            props.on_select.clone(),
            props.on_activate.clone(),
            props.layout_width,
        );
        Callback::from(move |e: MouseEvent| {
            let Some(el) = node.cast::<web_sys::Element>() else {
                return;
            };
            let found = hit.emit(layout_point(&e, &el, w));
            on_select.emit(found);
            if let (Some(i), Some(go)) = (found, on_activate.as_ref()) {
                go.emit(i);
            }
        })
    };
    let onkeydown = {
        let (order, sel, on_select, on_activate, on_escape) = (
            props.order.clone(),
            props.selected,
            props.on_select.clone(),
            props.on_activate.clone(),
            props.on_escape.clone(),
        );
        Callback::from(move |e: KeyboardEvent| {
            let pos = sel.and_then(|s| order.iter().position(|o| *o == s));
            let last = order.len().saturating_sub(1);
            let next = match e.key().as_str() {
                "ArrowDown" | "ArrowRight" => Some(pos.map_or(0, |p| (p + 1).min(last))),
                "ArrowUp" | "ArrowLeft" => Some(pos.map_or(0, |p| p.saturating_sub(1))),
                "Home" => Some(0),
                "End" => Some(last),
                "Enter" | " " => {
                    if let (Some(s), Some(go)) = (sel, on_activate.as_ref()) {
                        e.prevent_default();
                        go.emit(s);
                    }
                    None
                }
                "Escape" => {
                    if let Some(up) = on_escape.as_ref() {
                        e.prevent_default();
                        e.stop_propagation();
                        up.emit(());
                    }
                    None
                }
                _ => None,
            };
            if let Some(p) = next.filter(|_| !order.is_empty()) {
                e.prevent_default();
                on_select.emit(order.get(p).copied());
            }
        })
    };
    let onfocus = {
        let (order, sel, on_select) = (props.order.clone(), props.selected, props.on_select.clone());
        Callback::from(move |_: FocusEvent| {
            // Focus starts on the first item so the info line says something at once.
            if sel.is_none() {
                on_select.emit(order.first().copied());
            }
        })
    };
    // For the page's own script, on a render of the page as built (see the module).
    // Only where every action the chart has is a page: a chart that drills or goes up without
    // one is the app's alone (the page's start script holds its input until the app runs).
    let shell = !props.infos.is_empty()
        && (props.on_activate.is_none() || !props.hrefs.is_empty())
        && (props.on_escape.is_none() || props.up_href.is_some());
    let data_infos = shell.then(|| AttrValue::from(serde_json::to_string(&*props.infos).unwrap_or_default()));
    let data_hrefs = shell.then(|| AttrValue::from(serde_json::to_string(&*props.hrefs).unwrap_or_default()));
    let data_order =
        shell.then(|| AttrValue::from(props.order.iter().map(usize::to_string).collect::<Vec<_>>().join(" ")));
    let data_up = shell.then(|| props.up_href.clone()).flatten();
    html! {
        <div
            ref={node}
            data-infos={data_infos}
            data-hrefs={data_hrefs}
            data-order={data_order}
            data-up={data_up}
            class={classes!("svg", "chart-surface", props.on_activate.is_some().then_some("drillable"))}
            tabindex="0"
            role="group"
            aria-roledescription={gongkai_model::tr!(lang, "chart.role")}
            aria-label={props.label.clone()}
            aria-describedby={props.info_id.clone()}
            {onpointermove}
            {onclick}
            {onkeydown}
            {onfocus}
        >
            <div aria-hidden="true">{ Html::from_html_unchecked(props.svg.clone()) }</div>
            { highlight(props.highlight, props.layout_width, props.layout_height) }
        </div>
    }
}

/// The selection mark: an SVG with the chart's coordinate system laid over it (attributes only,
/// no inline styles, so the Content-Security-Policy holds).
fn highlight(h: Option<gongkai_model::render::Highlight>, width: u32, height: u32) -> Html {
    let Some(h) = h else { return html! {} };
    let view_box = format!("0 0 {width} {height}");
    let (x, y, w, hh) = (h.x.to_string(), h.y.to_string(), h.w.to_string(), h.h.to_string());
    if h.band {
        html! {
            <svg class="chart-highlight" viewBox={view_box} preserveAspectRatio="none" aria-hidden="true" focusable="false">
                <rect {x} {y} width={w} height={hh} fill="#ffd54f" fill-opacity="0.3" stroke="#1a1a1a" stroke-width="2" />
            </svg>
        }
    } else {
        let (x2, y2) = ((h.x + 2.0).to_string(), (h.y + 2.0).to_string());
        let (w2, h2) = ((h.w - 4.0).max(0.0).to_string(), (h.h - 4.0).max(0.0).to_string());
        html! {
            <svg class="chart-highlight" viewBox={view_box} preserveAspectRatio="none" aria-hidden="true" focusable="false">
                <rect {x} {y} width={w} height={hh} fill="none" stroke="#ffd54f" stroke-width="4" />
                <rect x={x2} y={y2} width={w2} height={h2} fill="none" stroke="#1a1a1a" stroke-width="1" />
            </svg>
        }
    }
}
