//! 绩效指标: all indicators with their four grade thresholds, grouped by activity and
//! sub-activity (groups collapse), filtered by activity and by kind of threshold, sorted by
//! published order, activity amount or name. Blank thresholds are shown as 未设定, never hidden.
//! The CSV export writes exactly the filtered view.

use super::download::DownloadButton;
use super::{export_name, use_loaded};
use crate::route::Route;
use gongkai_model::i18n::Lang;
use gongkai_model::tr;
use gongkai_model::{Indicator, ThresholdKind};
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
    let lang = crate::hooks::use_lang::use_lang();
    html! {
        <div class="table-scroll" tabindex="0" role="region" aria-label={props.caption.clone()}>
            <table class="indicators">
                <caption>{ &props.caption }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ tr!(lang, "search.kind.indicator") }</th>
                        <th scope="col" class="grade g1">{ tr!(lang, "grade.1") }</th>
                        <th scope="col" class="grade g2">{ tr!(lang, "grade.2") }</th>
                        <th scope="col" class="grade g3">{ tr!(lang, "grade.3") }</th>
                        <th scope="col" class="grade g4">{ tr!(lang, "grade.4") }</th>
                    </tr>
                </thead>
                <tbody>
                    { for props.indicators.iter().map(|i| html! {
                        <tr>
                            <th scope="row" lang={(!i.name.is_empty()).then_some(super::DATA_LANG)}>{ if i.name.is_empty() { tr!(lang, "ind.unnamed") } else { &i.name } }</th>
                            { for i.grades().into_iter().zip(["g1", "g2", "g3", "g4"]).map(|(g, name)| grade(lang, g, name)) }
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}

fn grade(lang: Lang, v: &Option<String>, name: &'static str) -> Html {
    match v {
        Some(t) => html! { <td data-grade={name} lang={super::DATA_LANG}>{ t }</td> },
        None => html! { <td data-grade={name} class="blank">{ tr!(lang, "ind.not_set") }</td> },
    }
}

/// Filter on the kind of thresholds.
#[derive(Clone, Copy, PartialEq)]
enum KindFilter {
    All,
    Set,
    Only(ThresholdKind),
}

impl KindFilter {
    const OPTIONS: [(&'static str, &'static str, KindFilter); 6] = [
        ("all", "ind.kind.all", KindFilter::All),
        ("set", "ind.kind.set", KindFilter::Set),
        ("pct", "ind.kind.pct", KindFilter::Only(ThresholdKind::Percentage)),
        ("count", "ind.kind.count", KindFilter::Only(ThresholdKind::Count)),
        ("text", "ind.kind.text", KindFilter::Only(ThresholdKind::Text)),
        ("none", "ind.kind.none", KindFilter::Only(ThresholdKind::NotSet)),
    ];
    fn keeps(self, i: &Indicator) -> bool {
        match self {
            KindFilter::All => true,
            KindFilter::Set => i.threshold_kind() != ThresholdKind::NotSet,
            KindFilter::Only(k) => i.threshold_kind() == k,
        }
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Sort {
    Published,
    AmountDesc,
    Name,
}

#[component]
pub fn IndicatorsView() -> Html {
    let base = crate::route::use_link_base();
    let lang = crate::hooks::use_lang::use_lang();
    let ctx = use_loaded();
    let activity = use_state(|| None::<usize>);
    let kind = use_state(|| KindFilter::All);
    let sort = use_state(|| Sort::Published);
    let b = &ctx.0.bundle;
    let total = b.indicators().count();
    let blank = b
        .indicators()
        .filter(|(_, _, i)| i.threshold_kind() == ThresholdKind::NotSet)
        .count();
    let (act, kf) = (*activity, *kind);
    let keep = move |ai: usize, i: &Indicator| act.is_none_or(|a| a == ai) && kf.keeps(i);

    let mut order: Vec<usize> = (0..b.performance.activities.len()).collect();
    match *sort {
        Sort::Published => {}
        Sort::AmountDesc => order.sort_by(|&x, &y| {
            let amt = |i: usize| b.performance.activities[i].amount.unwrap_or(rust_decimal::Decimal::MIN);
            amt(y).cmp(&amt(x))
        }),
        Sort::Name => order.sort_by(|&x, &y| b.performance.activities[x].name.cmp(&b.performance.activities[y].name)),
    }
    let shown: usize = b
        .performance
        .activities
        .iter()
        .enumerate()
        .map(|(ai, a)| {
            a.indicators
                .iter()
                .chain(a.sub_activities.iter().flat_map(|s| s.indicators.iter()))
                .filter(|i| keep(ai, i))
                .count()
        })
        .sum();

    let on_activity = {
        let activity = activity.clone();
        Callback::from(move |e: Event| {
            let s: web_sys::HtmlSelectElement = e.target_unchecked_into();
            activity.set(s.value().parse::<usize>().ok());
        })
    };
    let on_kind = {
        let kind = kind.clone();
        Callback::from(move |e: Event| {
            let s: web_sys::HtmlSelectElement = e.target_unchecked_into();
            kind.set(
                KindFilter::OPTIONS
                    .iter()
                    .find(|(k, _, _)| *k == s.value())
                    .map_or(KindFilter::All, |o| o.2),
            );
        })
    };
    let on_sort = {
        let sort = sort.clone();
        Callback::from(move |e: Event| {
            let s: web_sys::HtmlSelectElement = e.target_unchecked_into();
            sort.set(match s.value().as_str() {
                "amount" => Sort::AmountDesc,
                "name" => Sort::Name,
                _ => Sort::Published,
            });
        })
    };
    let export = {
        let c = ctx.clone();
        Callback::from(move |_| gongkai_model::csv::indicators_csv_where(&c.0.bundle, keep))
    };
    let unit = &b.meta.unit;
    html! {
        <>
            <h2>{ tr!(lang, "nav.indicators") }</h2>
            <p>{ tr!(lang, "ind.intro", total, blank) }</p>
            <div class="filters" role="group" aria-label={tr!(lang, "ind.filters")}>
                <label>{ tr!(lang, "search.kind.activity") }
                    <select id="filter-activity" onchange={on_activity}>
                        <option value="" selected={act.is_none()}>{ tr!(lang, "perf.all") }</option>
                        { for b.performance.activities.iter().enumerate().map(|(i, a)| html! {
                            <option value={i.to_string()} selected={act == Some(i)}>{ format!("{}. {}", i + 1, a.name) }</option>
                        }) }
                    </select>
                </label>
                <label>{ tr!(lang, "ind.thresholds") }
                    <select id="filter-kind" onchange={on_kind}>
                        { for KindFilter::OPTIONS.iter().map(|(k, label, v)| html! { <option value={*k} selected={*v == kf}>{ lang.t(label) }</option> }) }
                    </select>
                </label>
                <label>{ tr!(lang, "ind.sort") }
                    <select id="sort" onchange={on_sort}>
                        <option value="published" selected={*sort == Sort::Published}>{ tr!(lang, "ind.sort.published") }</option>
                        <option value="amount" selected={*sort == Sort::AmountDesc}>{ tr!(lang, "ind.sort.amount") }</option>
                        <option value="name" selected={*sort == Sort::Name}>{ tr!(lang, "ind.sort.name") }</option>
                    </select>
                </label>
            </div>
            <p class="count" role="status" id="indicator-count">{ tr!(lang, "ind.shown", shown) }</p>
            <DownloadButton label={tr!(lang, "ind.export")} file={export_name(b, tr!(lang, "export.indicators"))} make={export} />
            { for order.iter().filter_map(|&ai| {
                let a = &b.performance.activities[ai];
                let own: Vec<Indicator> = a.indicators.iter().filter(|i| keep(ai, i)).cloned().collect();
                let subs: Vec<(String, Vec<Indicator>)> = a
                    .sub_activities
                    .iter()
                    .map(|s| (s.name.clone(), s.indicators.iter().filter(|i| keep(ai, i)).cloned().collect::<Vec<_>>()))
                    .filter(|(_, v)| !v.is_empty())
                    .collect();
                if own.is_empty() && subs.is_empty() {
                    return None;
                }
                Some(html! {
                    <details class="indicator-group" open=true>
                        <summary>
                            <span class="group-title">{ format!("{}. {}", ai + 1, a.name) }</span>
                            <span class="count">{ format!(" · {}", lang.fmt_opt_unit(a.amount, unit)) }</span>
                        </summary>
                        <p><a href={base.href(Route::Performance(Some(ai)))}>{ tr!(lang, "ind.activity_details") }</a></p>
                        { if own.is_empty() { html!{} } else { html! { <IndicatorTable caption={a.name.clone()} indicators={Rc::new(own)} /> } } }
                        { for subs.into_iter().map(|(name, inds)| html! { <IndicatorTable caption={name} indicators={Rc::new(inds)} /> }) }
                    </details>
                })
            }) }
        </>
    }
}
