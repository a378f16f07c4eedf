//! 概览: headline figures, where the money goes, 三公 this year vs last, 机关运行经费.

use super::bar_chart::BarChartView;
use super::fail_mark::FailMark;
use super::term::Term;
use super::use_loaded;
use crate::hooks::use_failing::use_failing;
use crate::route::Route;
use gongkai_model::chart::{change_chart, expenditure_chart, three_public_chart};
use gongkai_model::format::{fmt_opt, fmt_opt_unit, unit_label};
use gongkai_model::tr;
use std::rc::Rc;
use yew::prelude::*;

#[component]
pub fn OverviewView() -> Html {
    let ctx = use_loaded();
    let b = &ctx.0.bundle;
    let unit = b.meta.unit.as_str();
    let unit_shown = unit_label(unit);
    let spend = use_memo(ctx.clone(), |c| Rc::new(expenditure_chart(&c.0.bundle)));
    let tp_chart = use_memo(ctx.clone(), |c| Rc::new(three_public_chart(&c.0.bundle)));
    let change = use_memo(ctx.clone(), |c| Rc::new(change_chart(&c.0.bundle)));
    let f = gongkai_model::overview::key_figures(b);
    let tp = &b.three_public;
    // Progressive first paint: the key figures and the first chart are drawn first; the rest of
    // the page follows once that frame has been painted.
    let rest = crate::hooks::use_painted::use_painted();
    let failing = use_failing();
    let mark = |figures: &[&str]| {
        let mut n: Vec<usize> = figures
            .iter()
            .flat_map(|f| failing.of_figure(f).iter().copied())
            .collect();
        n.sort_unstable();
        n.dedup();
        html! { <FailMark checks={n} /> }
    };
    // The spend chart draws the categories with an amount, in published order (blank ones are
    // listed beside it): their checks, row by row.
    let category_checks: Vec<Vec<usize>> = b
        .expenditure
        .categories
        .iter()
        .enumerate()
        .filter(|(_, c)| c.amount.is_some())
        .map(|(i, _)| {
            failing
                .of_figure(&format!("expenditure.categories[{i}].amount"))
                .to_vec()
        })
        .collect();
    let row_class = |figure: &str| classes!((!failing.of_figure(figure).is_empty()).then_some("failing"));
    let chart_checks = |prefix: &str, totals: &[&str]| {
        let mut n = failing.under(prefix);
        n.extend(totals.iter().flat_map(|f| failing.of_figure(f).iter().copied()));
        n.sort_unstable();
        n.dedup();
        n
    };
    html! {
        <>
            <h2>{ tr!("nav.overview") }</h2>
            <section class="stats" aria-label={tr!("overview.figures")}>
                <div class="stat"><p class="label">{ tr!("overview.total_revenue") }</p><p class="value" id="total-revenue">{ &f.revenue }<span class="unit">{ unit_shown }</span>{ mark(&["revenue.total"]) }</p></div>
                <div class="stat"><p class="label">{ tr!("overview.total_expenditure") }</p><p class="value" id="total-expenditure">{ &f.expenditure }<span class="unit">{ unit_shown }</span>{ mark(&["expenditure.total"]) }</p>
                    <p class="sub"><Term id="basic" />{ format!(" {}", f.basic) }{ mark(&["expenditure.basic"]) }{ " · " }<Term id="project" />{ format!(" {}", f.project) }{ mark(&["expenditure.project"]) }</p></div>
                <div class="stat"><p class="label">{ tr!("overview.change_on", &f.base_year) }</p><p class="value change">{ &f.change }{ mark(&["change.total"]) }</p>
                    <p class="sub">{ &f.change_split }{ mark(&["change.basic", "change.project"]) }</p></div>
                <div class="stat"><p class="label"><Term id="three_public" /></p><p class="value">{ &f.three_public }<span class="unit">{ unit_shown }</span>{ mark(&["three_public.total"]) }</p><p class="sub">{ tr!("overview.vs_last_year", &f.three_public_change) }{ mark(&["three_public.total_change"]) }</p></div>
                <div class="stat"><p class="label"><Term id="operating_costs" /></p><p class="value">{ &f.operating_costs }<span class="unit">{ unit_shown }</span></p></div>
            </section>

            <section aria-labelledby="h-budget">
                <h2 id="h-budget">{ tr!("overview.budget") }</h2>
                <BarChartView id="spend" title={if b.expenditure.categories.is_empty() && b.expenditure_summary().is_some() { tr!("overview.spend_by_use") } else { tr!("overview.spend_chart") }} chart={(*spend).clone()} failing={chart_checks("expenditure.categories", &["expenditure.total"])} row_checks={category_checks} />
                <p class="hint">{ tr!("overview.see_performance") }<a href={Route::Performance(None).href()}>{ tr!("nav.performance") }</a>{ tr!("overview.see_performance_end") }</p>
                if rest { <>
                <h3>{ tr!("overview.revenue_text") }</h3>
                { paragraphs(&b.revenue.text) }
                { if b.revenue.sources.is_empty() { html!{} } else { html! {
                    <div class="table-scroll" tabindex="0" role="region" aria-label={tr!("overview.sources")}>
                    <table class="compact">
                        <caption>{ tr!("overview.sources_caption", unit_shown) }</caption>
                        <thead><tr><th scope="col">{ tr!("overview.source") }</th><th scope="col" class="num">{ tr!("common.amount") }</th></tr></thead>
                        <tbody>{ for b.revenue.sources.iter().enumerate().map(|(i, s)| { let p = format!("revenue.sources[{i}].amount"); html! { <tr class={row_class(&p)}><th scope="row">{ &s.name }</th><td class="num">{ fmt_opt(s.amount) }{ mark(&[&p]) }</td></tr> } }) }</tbody>
                    </table>
                    </div>
                } } }
                <h3>{ tr!("overview.expenditure_text") }</h3>
                { paragraphs(&b.expenditure.text) }
                <h3>{ tr!("overview.change_heading") }</h3>
                <BarChartView id="change" title={tr!("overview.change_chart")} chart={(*change).clone()} failing={chart_checks("change", &[])} />
                { paragraphs(&b.change.text) }
                </> }
            </section>

            if rest { <>
            <section aria-labelledby="h-3p">
                <h2 id="h-3p">{ tr!("term.three_public") }</h2>
                <BarChartView id="three-public" title={tr!("overview.three_public_chart")} chart={(*tp_chart).clone()} failing={chart_checks("three_public", &[])} />
                <div class="table-scroll" tabindex="0" role="region" aria-label={tr!("overview.three_public_items")}>
                <table>
                    <caption>{ tr!("overview.three_public_caption", unit_shown) }</caption>
                    <thead><tr><th scope="col">{ tr!("overview.item") }</th><th scope="col" class="num">{ tr!("overview.this_year") }</th><th scope="col">{ tr!("overview.vs_last_year_col") }</th><th scope="col">{ tr!("overview.reason") }</th></tr></thead>
                    <tbody>
                        { for tp.items.iter().enumerate().map(|(k, i)| { let (pa, pc) = (format!("three_public.items[{k}].amount"), format!("three_public.items[{k}].change")); html! {
                            <tr class={classes!((!failing.under(&format!("three_public.items[{k}]")).is_empty()).then_some("failing"))}>
                                <th scope="row">{ &i.name }</th>
                                <td class="num">{ fmt_opt(i.amount) }{ mark(&[&pa]) }</td>
                                <td>{ if i.change_text.is_empty() { html!{ <span class="blank">{ tr!("amount.blank") }</span> } } else { html!{ &i.change_text } } }{ mark(&[&pc]) }</td>
                                <td>{ if i.reason.is_empty() { "—".to_string() } else { i.reason.clone() } }</td>
                            </tr>
                        } }) }
                        <tr class={classes!("total", (!failing.of_figure("three_public.total").is_empty() || !failing.of_figure("three_public.total_change").is_empty()).then_some("failing"))}><th scope="row">{ tr!("common.total") }</th><td class="num">{ fmt_opt(tp.total) }{ mark(&["three_public.total"]) }</td><td>{ &f.three_public_change }{ mark(&["three_public.total_change"]) }</td><td></td></tr>
                    </tbody>
                </table>
                </div>
                <h3>{ tr!("overview.published_text") }</h3>
                { paragraphs(&tp.text) }
            </section>

            <section aria-labelledby="h-op">
                <h2 id="h-op">{ tr!("term.operating_costs") }</h2>
                <p class="lead">{ fmt_opt_unit(b.operating_costs.amount, unit) }</p>
                { if b.operating_costs.covers.is_empty() { html!{} } else { html! { <p>{ tr!("overview.covers") }{ &b.operating_costs.covers }</p> } } }
                { paragraphs(&b.operating_costs.text) }
            </section>
            </> }
        </>
    }
}

/// Published text, one paragraph per line, always as text (never markup).
pub fn paragraphs(text: &str) -> Html {
    if text.trim().is_empty() {
        return html! { <p class="blank">{ tr!("common.not_explained") }</p> };
    }
    html! { <>{ for text.lines().map(|l| html! { <p class="published" lang={super::DATA_LANG}>{ l }</p> }) }</> }
}
