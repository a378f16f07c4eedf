//! The national performance tables (绩效目标表, 绩效自评表): the project list on the 绩效 page
//! (each with its funds, goal and, for a 自评, its score), and one page per project
//! (`targets/N/`) with its indicator tree grouped 一级 → 二级 as lists (no wide table on a
//! phone), the 自评's weakest indicators first with the reason given for each, and the whole
//! table as a table for those who want it. Everything shown comes from the model
//! (`gongkai_model::performance_targets`); texts are shown as published.

use super::download::DownloadButton;
use super::fail_mark::FailMark;
use super::{export_name, use_loaded, DATA_LANG};
use crate::hooks::use_failing::use_failing;
use crate::route::Route;
use gongkai_model::i18n::Lang;
use gongkai_model::performance_targets::{PerformanceForm, PerformanceIndicator, ProjectPerformance};
use gongkai_model::tr;
use yew::prelude::*;

fn form_label(lang: Lang, p: &ProjectPerformance) -> &'static str {
    match p.form {
        PerformanceForm::Targets => tr!(lang, "ptarget.form.targets"),
        PerformanceForm::SelfEvaluation => tr!(lang, "ptarget.form.self"),
    }
}

/// The data's own text, marked as Chinese for screen readers.
fn data(t: &str) -> Html {
    html! { <span lang={DATA_LANG}>{ t.to_string() }</span> }
}

fn data_or_blank(lang: Lang, t: Option<&str>) -> Html {
    match t {
        Some(t) if !t.is_empty() => data(t),
        _ => html! { <span class="blank">{ tr!(lang, "amount.blank") }</span> },
    }
}

/// The list of projects, shown on the 绩效 page.
#[component]
pub fn TargetsList() -> Html {
    let base = crate::route::use_link_base();
    let lang = crate::hooks::use_lang::use_lang();
    let ctx = use_loaded();
    let b = &ctx.0.bundle;
    let projects = &b.performance_targets.projects;
    if projects.is_empty() {
        return html! {};
    }
    let failing = use_failing();
    let export = {
        let c = ctx.clone();
        Callback::from(move |_| gongkai_model::csv::performance_targets_csv(&c.0.bundle))
    };
    html! {
        <section class="targets" aria-labelledby="targets-heading">
            <h2 id="targets-heading">{ tr!(lang, "ptarget.heading") }</h2>
            <p>{ tr!(lang, "ptarget.intro", projects.len(), projects.iter().map(|p| p.indicators.len()).sum::<usize>()) }</p>
            <DownloadButton label={tr!(lang, "ptarget.export")} file={export_name(b, tr!(lang, "export.targets"))} make={export} />
            <ol class="target-list">
                { for projects.iter().enumerate().map(|(i, p)| {
                    let unit = p.unit.as_deref().unwrap_or("");
                    let marks = failing.under(&format!("performance_targets.projects[{i}]"));
                    html! {
                        <li class="target-card">
                            <h3><a href={base.href(Route::Target(i))} lang={DATA_LANG}>{ &p.name }</a></h3>
                            <p class="meta">
                                { form_label(lang, p) }
                                { for p.department.as_deref().map(|d| html! { <>{ " · " }{ data(d) }</> }) }
                            </p>
                            <p class="figure">
                                { match p.form {
                                    PerformanceForm::Targets => tr!(lang, "ptarget.funds_line", lang.fmt_opt_unit(p.headline_amount(), unit)),
                                    PerformanceForm::SelfEvaluation => tr!(lang, "ptarget.score_line", lang.fmt_opt_unit(p.headline_amount(), unit), lang.fmt_opt(p.total_score)),
                                } }
                                <FailMark checks={marks} />
                            </p>
                            { for p.goal.as_deref().map(|g| html! { <p class="goal">{ data(g) }</p> }) }
                        </li>
                    }
                }) }
            </ol>
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct TargetViewProps {
    /// 0-based index into `performance_targets.projects`.
    pub index: usize,
}

/// One project's table.
#[component]
pub fn TargetView(props: &TargetViewProps) -> Html {
    let base = crate::route::use_link_base();
    let lang = crate::hooks::use_lang::use_lang();
    // Escape goes back to the list, as from an activity.
    super::performance::use_escape_goes_up(Route::Target(props.index));
    let ctx = use_loaded();
    let failing = use_failing();
    let b = &ctx.0.bundle;
    let back =
        html! { <p class="crumbs"><a href={base.href(Route::Performance(None))}>{ tr!(lang, "ptarget.back") }</a></p> };
    let Some(p) = b.performance_targets.projects.get(props.index) else {
        return html! {
            <>
                <h2>{ tr!(lang, "ptarget.heading") }</h2>
                <p role="alert">{ tr!(lang, "ptarget.no_such", props.index + 1, b.performance_targets.projects.len()) }</p>
                { back }
            </>
        };
    };
    let base = format!("performance_targets.projects[{}]", props.index);
    let unit = p.unit.as_deref().unwrap_or("");
    let self_eval = p.form == PerformanceForm::SelfEvaluation;
    html! {
        <article class="target">
            { back }
            <h2 lang={DATA_LANG}>{ &p.name }</h2>
            <p class="meta">{ form_label(lang, p) }{ " · " }{ data(&p.title) }</p>
            <p class="summary">{ p.summary(lang) }<FailMark checks={failing.under(&base)} /></p>
            <dl class="target-facts">
                { for p.department.as_deref().map(|d| html! { <><dt>{ tr!(lang, "ptarget.department") }</dt><dd>{ data(d) }</dd></> }) }
                { for p.implementer.as_deref().map(|d| html! { <><dt>{ tr!(lang, "ptarget.implementer") }</dt><dd>{ data(d) }</dd></> }) }
                <dt>{ if self_eval { tr!(lang, "ptarget.goal_expected") } else { tr!(lang, "ptarget.goal") } }</dt>
                <dd>{ data_or_blank(lang, p.goal.as_deref()) }</dd>
                { if self_eval { html! { <><dt>{ tr!(lang, "ptarget.goal_achieved") }</dt><dd>{ data_or_blank(lang, p.goal_achieved.as_deref()) }</dd></> } } else { html! {} } }
            </dl>
            <Funds index={props.index} />
            <Tasks index={props.index} />
            { if self_eval { html! { <Shortfalls index={props.index} /> } } else { html! {} } }
            <h3 id="tree">{ tr!(lang, "ptarget.indicators", p.indicators.len()) }</h3>
            { for p.tree().into_iter().map(|l1| html! {
                <section class="level1">
                    <h4 lang={DATA_LANG}>{ &l1.name }</h4>
                    { for l1.groups.into_iter().map(|l2| html! {
                        <>
                            { if l2.name.is_empty() { html! {} } else { html! { <h5 lang={DATA_LANG}>{ &l2.name }</h5> } } }
                            <ul class="indicator-cards">
                                { for l2.indicators.iter().map(|&k| html! { <IndicatorCard index={props.index} indicator={k} /> }) }
                            </ul>
                        </>
                    }) }
                </section>
            }) }
            { for (!p.remarks.is_empty()).then(|| html! {
                <dl class="target-facts">
                    { for p.remarks.iter().map(|r| html! { <><dt lang={DATA_LANG}>{ &r.label }</dt><dd>{ data(&r.text) }</dd></> }) }
                </dl>
            }) }
            <details class="table-alternative">
                <summary>{ tr!(lang, "ptarget.as_table") }</summary>
                <IndicatorTable index={props.index} />
            </details>
            <p class="hint">{ tr!(lang, "ptarget.unit_note", lang.unit_label(unit)) }</p>
        </article>
    }
}

#[derive(Properties, PartialEq)]
struct ProjectProps {
    index: usize,
}

/// The funds: a short list for a 目标表, a table for a 自评 (its six columns).
#[component]
fn Funds(props: &ProjectProps) -> Html {
    let lang = crate::hooks::use_lang::use_lang();
    let ctx = use_loaded();
    let failing = use_failing();
    let p = &ctx.0.bundle.performance_targets.projects[props.index];
    if p.funds.is_empty() {
        return html! {};
    }
    let unit = p.unit.as_deref().unwrap_or("");
    let path = |j: usize| format!("performance_targets.projects[{}].funds[{j}]", props.index);
    if p.form == PerformanceForm::Targets {
        return html! {
            <dl class="target-funds" aria-label={tr!(lang, "ptarget.funds")}>
                { for p.funds.iter().enumerate().map(|(j, f)| html! {
                    <><dt lang={DATA_LANG}>{ &f.name }</dt><dd>{ lang.fmt_opt_unit(f.amount, unit) }<FailMark checks={failing.under(&path(j))} /></dd></>
                }) }
            </dl>
        };
    }
    html! {
        <div class="table-scroll" tabindex="0" role="region" aria-label={tr!(lang, "ptarget.funds")}>
            <table class="target-funds">
                <caption>{ tr!(lang, "ptarget.funds_caption", lang.unit_label(unit)) }</caption>
                <thead><tr>
                    <th scope="col">{ tr!(lang, "ptarget.fund") }</th>
                    <th scope="col" class="num">{ tr!(lang, "perf.col.initial_budget") }</th>
                    <th scope="col" class="num">{ tr!(lang, "perf.col.full_year_budget") }</th>
                    <th scope="col" class="num">{ tr!(lang, "perf.col.executed") }</th>
                    <th scope="col" class="num">{ tr!(lang, "ptarget.rate") }</th>
                    <th scope="col" class="num">{ tr!(lang, "ptarget.score_of") }</th>
                </tr></thead>
                <tbody>
                    { for p.funds.iter().enumerate().map(|(j, f)| html! {
                        <tr>
                            <th scope="row" lang={DATA_LANG}>{ &f.name }<FailMark checks={failing.under(&path(j))} /></th>
                            <td class="num">{ lang.fmt_opt(f.initial_budget) }</td>
                            <td class="num">{ lang.fmt_opt(f.full_year_budget) }</td>
                            <td class="num">{ lang.fmt_opt(f.executed) }</td>
                            <td class="num">{ data_or_blank(lang, f.rate.as_deref()) }</td>
                            <td class="num">{ score_of(lang, f.score, f.weight) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}

/// 部门整体: the year's main tasks with their amounts, as cards.
#[component]
fn Tasks(props: &ProjectProps) -> Html {
    let lang = crate::hooks::use_lang::use_lang();
    let ctx = use_loaded();
    let failing = use_failing();
    let p = &ctx.0.bundle.performance_targets.projects[props.index];
    if p.tasks.is_empty() {
        return html! {};
    }
    let unit = p.unit.as_deref().unwrap_or("");
    let parts = p
        .tasks
        .iter()
        .filter(|t| t.role == gongkai_model::performance_targets::FundRole::Part)
        .count();
    html! {
        <section aria-labelledby="tasks-heading">
            <h3 id="tasks-heading">{ tr!(lang, "ptarget.tasks", parts) }</h3>
            <ul class="indicator-cards">
                { for p.tasks.iter().enumerate().map(|(j, t)| html! {
                    <li class="indicator-card">
                        <p class="name" lang={DATA_LANG}>{ &t.name }</p>
                        { for t.content.as_deref().map(|c| html! { <p>{ data(c) }</p> }) }
                        <p>
                            { tr!(lang, "ptarget.task_amounts", lang.fmt_opt_unit(t.total, unit), lang.fmt_opt(t.fiscal), lang.fmt_opt(t.other)) }
                            <FailMark checks={failing.under(&format!("performance_targets.projects[{}].tasks[{j}]", props.index))} />
                        </p>
                    </li>
                }) }
            </ul>
        </section>
    }
}

/// “9 / 10”, or 未列 when neither is printed.
fn score_of(lang: Lang, score: Option<rust_decimal::Decimal>, weight: Option<rust_decimal::Decimal>) -> String {
    match (score, weight) {
        (None, None) => tr!(lang, "amount.blank").to_string(),
        (s, w) => format!("{} / {}", lang.fmt_opt(s), lang.fmt_opt(w)),
    }
}

/// 自评: the indicators that lost points, the most lost first, with the reason given.
#[component]
fn Shortfalls(props: &ProjectProps) -> Html {
    let lang = crate::hooks::use_lang::use_lang();
    let ctx = use_loaded();
    let p = &ctx.0.bundle.performance_targets.projects[props.index];
    let low = p.shortfalls();
    html! {
        <section class="shortfalls" aria-labelledby="shortfalls-heading">
            <h3 id="shortfalls-heading">{ tr!(lang, "ptarget.shortfalls", low.len()) }</h3>
            { if low.is_empty() {
                html! { <p>{ tr!(lang, "ptarget.no_shortfalls") }</p> }
            } else {
                html! {
                    <ul class="indicator-cards">
                        { for low.iter().map(|&k| html! { <IndicatorCard index={props.index} indicator={k} with_levels=true /> }) }
                    </ul>
                }
            } }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct IndicatorCardProps {
    index: usize,
    indicator: usize,
    /// Show its 一级 › 二级 (outside the tree).
    #[prop_or_default]
    with_levels: bool,
}

/// One indicator as a card: its name, target, and for a 自评 what was achieved, the score and
/// the reason for any shortfall.
#[component]
fn IndicatorCard(props: &IndicatorCardProps) -> Html {
    let lang = crate::hooks::use_lang::use_lang();
    let ctx = use_loaded();
    let failing = use_failing();
    let p = &ctx.0.bundle.performance_targets.projects[props.index];
    let i: &PerformanceIndicator = &p.indicators[props.indicator];
    let short = i.shortfall().is_some_and(|d| d > rust_decimal::Decimal::ZERO);
    let path = format!(
        "performance_targets.projects[{}].indicators[{}]",
        props.index, props.indicator
    );
    html! {
        <li class={classes!("indicator-card", short.then_some("short"))}>
            { if props.with_levels { html! { <p class="levels" lang={DATA_LANG}>{ format!("{} › {}", i.level1, i.level2) }</p> } } else { html! {} } }
            <p class="name" lang={DATA_LANG}>{ &i.name }</p>
            <dl>
                <dt>{ tr!(lang, "ptarget.target") }</dt><dd>{ data_or_blank(lang, i.target_text().as_deref()) }</dd>
                { if p.form == PerformanceForm::SelfEvaluation { html! {
                    <>
                        <dt>{ tr!(lang, "ptarget.achieved") }</dt><dd>{ data_or_blank(lang, i.achieved.as_deref()) }</dd>
                        <dt>{ tr!(lang, "ptarget.score_of") }</dt><dd>{ score_of(lang, i.score, i.weight) }<FailMark checks={failing.under(&path)} /></dd>
                    </>
                } } else if i.weight.is_some() { html! {
                    <><dt>{ tr!(lang, "ptarget.weight") }</dt><dd>{ lang.fmt_opt(i.weight) }</dd></>
                } } else { html! {} } }
                { for i.deviation.as_deref().map(|d| html! { <><dt>{ tr!(lang, "ptarget.deviation") }</dt><dd>{ data(d) }</dd></> }) }
                { for i.measures.as_deref().map(|d| html! { <><dt>{ tr!(lang, "ptarget.measures") }</dt><dd>{ data(d) }</dd></> }) }
                { for i.note.as_deref().map(|d| html! { <><dt>{ tr!(lang, "ptarget.note") }</dt><dd>{ data(d) }</dd></> }) }
            </dl>
        </li>
    }
}

/// The whole indicator block as one table (the table alternative).
#[component]
fn IndicatorTable(props: &ProjectProps) -> Html {
    let lang = crate::hooks::use_lang::use_lang();
    let ctx = use_loaded();
    let p = &ctx.0.bundle.performance_targets.projects[props.index];
    let self_eval = p.form == PerformanceForm::SelfEvaluation;
    html! {
        <div class="table-scroll" tabindex="0" role="region" aria-label={tr!(lang, "ptarget.as_table")}>
            <table class="target-indicators">
                <caption lang={DATA_LANG}>{ &p.name }</caption>
                <thead><tr>
                    <th scope="col">{ tr!(lang, "ptarget.level1") }</th>
                    <th scope="col">{ tr!(lang, "ptarget.level2") }</th>
                    <th scope="col">{ tr!(lang, "ptarget.level3") }</th>
                    <th scope="col">{ tr!(lang, "ptarget.target") }</th>
                    { if self_eval { html! { <>
                        <th scope="col">{ tr!(lang, "ptarget.achieved") }</th>
                        <th scope="col" class="num">{ tr!(lang, "ptarget.weight") }</th>
                        <th scope="col" class="num">{ tr!(lang, "ptarget.score") }</th>
                        <th scope="col">{ tr!(lang, "ptarget.deviation") }</th>
                    </> } } else { html! {} } }
                </tr></thead>
                <tbody>
                    { for p.indicators.iter().map(|i| html! {
                        <tr>
                            <td lang={DATA_LANG}>{ &i.level1 }</td>
                            <td lang={DATA_LANG}>{ &i.level2 }</td>
                            <th scope="row" lang={DATA_LANG}>{ &i.name }</th>
                            <td>{ data_or_blank(lang, i.target_text().as_deref()) }</td>
                            { if self_eval { html! { <>
                                <td>{ data_or_blank(lang, i.achieved.as_deref()) }</td>
                                <td class="num">{ lang.fmt_opt(i.weight) }</td>
                                <td class="num">{ lang.fmt_opt(i.score) }</td>
                                <td>{ data_or_blank(lang, i.deviation.as_deref()) }</td>
                            </> } } else { html! {} } }
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}
