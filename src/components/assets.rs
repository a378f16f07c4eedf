//! 国有资产: the whole table as a tree, start vs end of year, changed rows highlighted, and a
//! chart of values.

use super::bar_chart::BarChartView;
use super::download::DownloadButton;
use super::fail_mark::FailMark;
use super::overview::paragraphs;
use super::{export_name, use_loaded};
use crate::hooks::use_failing::use_failing;
use gongkai_model::chart::assets_chart;
use gongkai_model::format::fmt_amount_grouped;
use gongkai_model::i18n::Lang;
use gongkai_model::tr;
use gongkai_model::FailingFigures;
use gongkai_model::{AssetRole, AssetRow};
use rust_decimal::Decimal;
use std::rc::Rc;
use yew::prelude::*;

/// Asset cells print "—" where the table has no figure, as the published table does.
fn fmt_cell(v: Option<Decimal>) -> String {
    v.map(fmt_amount_grouped).unwrap_or_else(|| "—".to_string())
}

fn change_cell(a: Option<Decimal>, b: Option<Decimal>) -> Html {
    match (a, b) {
        (Some(a), Some(b)) if a != b => {
            let d = b - a;
            let (cls, arrow) = if d.is_sign_negative() {
                ("down", "↓")
            } else {
                ("up", "↑")
            };
            html! { <span class={classes!("delta", cls)}>{ format!("{arrow}{}", d.abs()) }</span> }
        }
        _ => html! {},
    }
}

/// The table rows of `r` (at `path` in the bundle, e.g. `assets.rows[0]`) and its children.
fn rows(lang: Lang, r: &AssetRow, path: &str, failing: &FailingFigures, depth: usize, out: &mut Vec<Html>) {
    let checks = failing.of_figure(path).to_vec();
    let changed = r.value_start != r.value_end || r.quantity_start != r.quantity_end;
    let role = match r.role {
        AssetRole::Part => "",
        AssetRole::OfWhich => tr!(lang, "assets.of_which"),
        AssetRole::Deduction => tr!(lang, "assets.deduction"),
    };
    out.push(html! {
        <tr class={classes!(format!("depth-{depth}"), changed.then_some("changed"), (!checks.is_empty()).then_some("failing"))}>
            <th scope="row">{ &r.name }<span class="role">{ role }</span><FailMark {checks} /></th>
            <td class="num">{ r.quantity_unit.as_deref().unwrap_or("") }</td>
            <td class={classes!("num", r.quantity_start.is_none().then_some("blank"))}>{ fmt_cell(r.quantity_start) }</td>
            <td class={classes!("num", r.quantity_end.is_none().then_some("blank"))}>{ fmt_cell(r.quantity_end) }{ change_cell(r.quantity_start, r.quantity_end) }</td>
            <td class={classes!("num", r.value_start.is_none().then_some("blank"))}>{ fmt_cell(r.value_start) }</td>
            <td class={classes!("num", r.value_end.is_none().then_some("blank"))}>{ fmt_cell(r.value_end) }{ change_cell(r.value_start, r.value_end) }</td>
        </tr>
    });
    for (k, c) in r.children.iter().enumerate() {
        rows(lang, c, &format!("{path}.children[{k}]"), failing, depth + 1, out);
    }
}

#[component]
pub fn AssetsView() -> Html {
    let lang = crate::hooks::use_lang::use_lang();
    let ctx = use_loaded();
    let chart = use_memo(ctx.clone(), |c| Rc::new(assets_chart(lang, &c.0.bundle)));
    let failing = use_failing();
    let a = &ctx.0.bundle.assets;
    if a.rows.is_empty() && a.text.is_empty() {
        return html! { <><h2>{ tr!(lang, "nav.assets") }</h2><p class="blank">{ tr!(lang, "assets.none") }</p></> };
    }
    let mut body = Vec::new();
    for (i, r) in a.rows.iter().enumerate() {
        rows(lang, r, &format!("assets.rows[{i}]"), &failing, 0, &mut body);
    }
    html! {
        <>
            <h2>{ tr!(lang, "nav.assets") }</h2>
            { paragraphs(lang, &a.text) }
            <BarChartView id="assets" title={tr!(lang, "assets.chart")} chart={(*chart).clone()} failing={failing.under("assets")} />
            <div class="table-scroll" tabindex="0" role="region" aria-label={tr!(lang, "assets.table")}>
                <table class="assets">
                    <caption>{ tr!(lang, "assets.caption", lang.unit_label(&a.value_unit)) }</caption>
                    <thead>
                        <tr><th scope="col" rowspan="2">{ tr!(lang, "overview.item") }</th><th scope="col" rowspan="2">{ tr!(lang, "assets.quantity_unit") }</th><th scope="colgroup" colspan="2">{ tr!(lang, "assets.quantity") }</th><th scope="colgroup" colspan="2">{ tr!(lang, "assets.value") }</th></tr>
                        <tr><th scope="col" class="num">{ tr!(lang, "assets.start") }</th><th scope="col" class="num">{ tr!(lang, "assets.end") }</th><th scope="col" class="num">{ tr!(lang, "assets.start") }</th><th scope="col" class="num">{ tr!(lang, "assets.end") }</th></tr>
                    </thead>
                    <tbody>{ for body }</tbody>
                </table>
            </div>
            <p class="hint">{ tr!(lang, "assets.hint") }</p>
            <DownloadButton label={tr!(lang, "assets.export")} file={export_name(&ctx.0.bundle, tr!(lang, "export.assets"))} make={{ let c = ctx.clone(); Callback::from(move |_| gongkai_model::csv::assets_csv(&c.0.bundle)) }} />
        </>
    }
}
