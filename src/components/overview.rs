//! 概览: headline figures, where the money goes, 三公 this year vs last, 机关运行经费.

use super::bar_chart::BarChartView;
use super::fail_mark::FailMark;
use super::term::Term;
use super::use_loaded;
use crate::hooks::use_failing::use_failing;
use crate::route::Route;
use gongkai_model::breakdowns::{
    overview_breakdowns, overview_change_chart, overview_three_public_chart, three_public_title, Breakdown,
};
use gongkai_model::i18n::Lang;
use gongkai_model::tr;
use gongkai_model::validate::FailingFigures;
use std::rc::Rc;
use yew::prelude::*;

#[component]
pub fn OverviewView() -> Html {
    let nav = crate::route::use_navigator();
    let base = crate::route::use_link_base();
    let lang = crate::hooks::use_lang::use_lang();
    let ctx = use_loaded();
    let b = &ctx.0.bundle;
    let unit = b.meta.unit.as_str();
    let unit_shown = lang.unit_label(unit);
    // The document's own breakdowns, chosen by the model; `None` charts say so in one line.
    let breakdowns = use_memo(ctx.clone(), |c| overview_breakdowns(lang, &c.0.bundle));
    let tp_chart = use_memo(ctx.clone(), |c| {
        overview_three_public_chart(lang, &c.0.bundle).map(Rc::new)
    });
    let change = use_memo(ctx.clone(), |c| overview_change_chart(lang, &c.0.bundle).map(Rc::new));
    let f = gongkai_model::overview::key_figures(lang, b);
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
            <h2>{ tr!(lang, "nav.overview") }</h2>
            { targets_notice(&base, lang, b) }
            <section class="stats" aria-label={tr!(lang, "overview.figures")}>
                <div class="stat"><p class="label">{ tr!(lang, "overview.total_revenue") }</p><p class="value" id="total-revenue">{ &f.revenue }<span class="unit">{ unit_shown }</span>{ mark(&["revenue.total"]) }</p></div>
                <div class="stat"><p class="label">{ tr!(lang, "overview.total_expenditure") }</p><p class="value" id="total-expenditure">{ &f.expenditure }<span class="unit">{ unit_shown }</span>{ mark(&["expenditure.total"]) }</p>
                    <p class="sub"><Term id="basic" />{ format!(" {}", f.basic) }{ mark(&["expenditure.basic"]) }{ " · " }<Term id="project" />{ format!(" {}", f.project) }{ mark(&["expenditure.project"]) }</p></div>
                <div class="stat"><p class="label">{ tr!(lang, "overview.change_on", &f.base_year) }</p><p class="value change">{ &f.change }{ mark(&["change.total"]) }</p>
                    <p class="sub">{ &f.change_split }{ mark(&["change.basic", "change.project"]) }</p></div>
                <div class="stat"><p class="label"><Term id="three_public" /></p><p class="value">{ &f.three_public }<span class="unit">{ unit_shown }</span>{ mark(&["three_public.total"]) }</p><p class="sub">{ tr!(lang, "overview.vs_last_year", &f.three_public_change) }{ mark(&["three_public.total_change"]) }</p></div>
                <div class="stat"><p class="label"><Term id="operating_costs" /></p><p class="value">{ &f.operating_costs }<span class="unit">{ unit_shown }</span></p></div>
            </section>

            <section aria-labelledby="h-budget">
                <h2 id="h-budget">{ tr!(lang, "overview.budget") }</h2>
                // The first breakdown is drawn in the first frame, the others with the rest.
                { for breakdowns.iter().take(if rest { usize::MAX } else { 1 }).map(|d| breakdown_view(nav.clone(), &base, lang, d, &failing)) }
                if !b.performance.activities.is_empty() {
                    <p class="hint">{ tr!(lang, "overview.see_performance") }<a href={base.href(Route::Performance(None))}>{ tr!(lang, "nav.performance") }</a>{ tr!(lang, "overview.see_performance_end") }</p>
                }
                if rest { <>
                <h3>{ tr!(lang, "overview.revenue_text") }</h3>
                { paragraphs(lang, &b.revenue.text) }
                { if b.revenue.sources.is_empty() { html!{} } else { html! {
                    <div class="table-scroll" tabindex="0" role="region" aria-label={tr!(lang, "overview.sources")}>
                    <table class="compact">
                        <caption>{ tr!(lang, "overview.sources_caption", unit_shown) }</caption>
                        <thead><tr><th scope="col">{ tr!(lang, "overview.source") }</th><th scope="col" class="num">{ tr!(lang, "common.amount") }</th></tr></thead>
                        <tbody>{ for b.revenue.sources.iter().enumerate().map(|(i, s)| { let p = format!("revenue.sources[{i}].amount"); html! { <tr class={row_class(&p)}><th scope="row">{ &s.name }</th><td class="num">{ lang.fmt_opt(s.amount) }{ mark(&[&p]) }</td></tr> } }) }</tbody>
                    </table>
                    </div>
                } } }
                <h3>{ tr!(lang, "overview.expenditure_text") }</h3>
                { paragraphs(lang, &b.expenditure.text) }
                // A change the document does not state is one line, not a chart of 未列 bars.
                { match (&*change, b.change.text.trim().is_empty()) {
                    (None, true) => html! { <p class="blank" id="change-none">{ tr!(lang, "chart.change.blank") }</p> },
                    (chart, _) => html! { <>
                        <h3>{ tr!(lang, "overview.change_heading") }</h3>
                        { match chart {
                            Some(chart) => html! { <BarChartView id="change" title={tr!(lang, "overview.change_chart")} chart={chart.clone()} failing={chart_checks("change", &[])} /> },
                            None => html! { <p class="blank">{ tr!(lang, "chart.change.blank") }</p> },
                        } }
                        { paragraphs(lang, &b.change.text) }
                    </> },
                } }
                </> }
            </section>

            if rest { <>
            <section aria-labelledby="h-3p">
                <h2 id="h-3p">{ tr!(lang, "term.three_public") }</h2>
                { match &*tp_chart {
                    Some(chart) => html! { <BarChartView id="three-public" title={three_public_title(lang, chart)} chart={chart.clone()} failing={chart_checks("three_public", &[])} /> },
                    None => html! { <p class="blank" id="three-public-none">{ tr!(lang, "chart.three_public.blank") }</p> },
                } }
                <div class="table-scroll" tabindex="0" role="region" aria-label={tr!(lang, "overview.three_public_items")}>
                <table>
                    <caption>{ tr!(lang, "overview.three_public_caption", unit_shown) }</caption>
                    <thead><tr><th scope="col">{ tr!(lang, "overview.item") }</th><th scope="col" class="num">{ tr!(lang, "overview.this_year") }</th><th scope="col">{ tr!(lang, "overview.vs_last_year_col") }</th><th scope="col">{ tr!(lang, "overview.reason") }</th></tr></thead>
                    <tbody>
                        { for tp.items.iter().enumerate().map(|(k, i)| { let (pa, pc) = (format!("three_public.items[{k}].amount"), format!("three_public.items[{k}].change")); html! {
                            <tr class={classes!((!failing.under(&format!("three_public.items[{k}]")).is_empty()).then_some("failing"))}>
                                <th scope="row">{ &i.name }</th>
                                <td class="num">{ lang.fmt_opt(i.amount) }{ mark(&[&pa]) }</td>
                                <td>{ if i.change_text.is_empty() { html!{ <span class="blank">{ tr!(lang, "amount.blank") }</span> } } else { html!{ &i.change_text } } }{ mark(&[&pc]) }</td>
                                <td>{ if i.reason.is_empty() { "—".to_string() } else { i.reason.clone() } }</td>
                            </tr>
                        } }) }
                        <tr class={classes!("total", (!failing.of_figure("three_public.total").is_empty() || !failing.of_figure("three_public.total_change").is_empty()).then_some("failing"))}><th scope="row">{ tr!(lang, "common.total") }</th><td class="num">{ lang.fmt_opt(tp.total) }{ mark(&["three_public.total"]) }</td><td>{ &f.three_public_change }{ mark(&["three_public.total_change"]) }</td><td></td></tr>
                    </tbody>
                </table>
                </div>
                <h3>{ tr!(lang, "overview.published_text") }</h3>
                { paragraphs(lang, &tp.text) }
            </section>

            <section aria-labelledby="h-op">
                <h2 id="h-op">{ tr!(lang, "term.operating_costs") }</h2>
                <p class="lead">{ lang.fmt_opt_unit(b.operating_costs.amount, unit) }</p>
                { if b.operating_costs.covers.is_empty() { html!{} } else { html! { <p>{ tr!(lang, "overview.covers") }{ &b.operating_costs.covers }</p> } } }
                { paragraphs(lang, &b.operating_costs.text) }
            </section>
            </> }
        </>
    }
}

/// One breakdown: its chart (whose rows open 预算表 at their code when it drills) with its source,
/// or the one line saying the document does not state it.
fn breakdown_view(
    nav: crate::route::Navigator,
    base: &crate::route::LinkBase,
    lang: Lang,
    d: &Breakdown,
    failing: &FailingFigures,
) -> Html {
    let Some(chart) = &d.chart else {
        return html! { <p class="blank" id={format!("{}-none", d.id)}>{ d.not_stated(lang) }</p> };
    };
    let row_checks: Vec<Vec<usize>> = d.figures.iter().map(|f| failing.of_figure(f).to_vec()).collect();
    let drills = d.codes.iter().any(Option::is_some);
    // The same drill-downs as links, for the page's own script before the app runs.
    let hrefs: Rc<Vec<Option<String>>> = Rc::new(if drills {
        d.codes
            .iter()
            .map(|c| c.as_ref().map(|code| base.href(Route::Budget(code.parse().ok()))))
            .collect()
    } else {
        Vec::new()
    });
    let on_activate = drills.then(|| {
        let codes = d.codes.clone();
        Callback::from(move |i: usize| {
            if let Some(Some(code)) = codes.get(i) {
                nav.go(Route::Budget(code.parse().ok()));
            }
        })
    });
    html! { <>
        <BarChartView id={d.id} title={d.title.clone()} chart={Rc::new(chart.clone())} source={Some((AttrValue::from(d.source.clone()), d.source_published))}
            failing={if d.figures_under.is_empty() { vec![] } else { failing.under(&d.figures_under) }} {row_checks} {on_activate} {hrefs} />
        if drills {
            <p class="hint">{ tr!(lang, "breakdown.drill_hint") }<a href={base.href(Route::Budget(None))}>{ tr!(lang, "nav.budget") }</a>{ tr!(lang, "overview.see_performance_end") }</p>
        }
    </> }
}

/// Published text, one paragraph per line, always as text (never markup).
pub fn paragraphs(lang: Lang, text: &str) -> Html {
    if text.trim().is_empty() {
        return html! { <p class="blank">{ tr!(lang, "common.not_explained") }</p> };
    }
    html! { <>{ for text.lines().map(|l| html! { <p class="published" lang={super::DATA_LANG}>{ l }</p> }) }</> }
}

/// The national performance tables are on the 绩效 page: the overview says how many there are
/// (a disclosure of these tables alone has little else to show).
fn targets_notice(base: &crate::route::LinkBase, lang: Lang, b: &gongkai_model::Bundle) -> Html {
    let n = b.performance_targets.projects.len();
    if n == 0 {
        return html! {};
    }
    html! {
        <p class="notice targets-notice">
            { tr!(lang, "ptarget.overview", n) }{ " " }
            <a href={base.href(Route::Performance(None))}>{ tr!(lang, "ptarget.overview_link") }</a>
        </p>
    }
}
