//! 预算执行: a department's year as one story — each line's budget against what was spent
//! (决算), the difference, the 完成率 and the published reason; the largest gaps first, then
//! 功能分类 类 → 款 → 项 (`execution/201/`, Enter or click opens, Escape or the breadcrumb goes
//! up), then the “三公” items. The 决算 and the budget of the same year are read together when
//! the site has both (the other one is fetched); the view says which one is missing.

use super::download::DownloadButton;
use super::{export_name, use_loaded};
use crate::hooks::use_bundle::bundle_url;
use crate::loader::fetch_bundle;
use crate::route::Route;
use gongkai_model::execution::{bar_percent, execution, BudgetSource, Execution, ExecutionRow};
use gongkai_model::format::{fmt_percent, fmt_signed_grouped};
use gongkai_model::i18n::Lang;
use gongkai_model::{tr, Bundle, DocumentKind};
use rust_decimal::Decimal;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ExecutionViewProps {
    /// The 类 or 款 whose lines the table shows (`None`: the 类).
    pub code: Option<u32>,
}

/// How many of the largest gaps the view lists first.
const LARGEST: usize = 8;

#[component]
pub fn ExecutionView(props: &ExecutionViewProps) -> Html {
    let nav = crate::route::use_navigator();
    let base = crate::route::use_link_base();
    let lang = crate::hooks::use_lang::use_lang();
    let ctx = use_loaded();
    let counterpart = ctx.0.counterpart();
    // The other document of the same year, once fetched (or why it could not be).
    let other: UseStateHandle<Option<Result<Rc<Bundle>, String>>> = use_state(|| None);
    {
        let other = other.clone();
        use_effect_with(counterpart.clone(), move |entry| {
            if let Some(e) = entry.clone() {
                wasm_bindgen_futures::spawn_local(async move {
                    other.set(Some(
                        fetch_bundle(lang, &bundle_url(&e))
                            .await
                            .map(Rc::new)
                            .map_err(|err| err.message(lang)),
                    ));
                });
            }
        });
    }
    let b = &ctx.0.bundle;
    let loaded_other = match &*other {
        Some(Ok(o)) => Some(o.clone()),
        _ => None,
    };
    let e = match b.meta.kind {
        DocumentKind::FinalAccounts => execution(Some(b), loaded_other.as_deref()),
        DocumentKind::Budget => execution(loaded_other.as_deref(), Some(b)),
    };
    let year = lang.fmt_year(b.meta.fiscal_year);
    let other_kind = match b.meta.kind {
        DocumentKind::FinalAccounts => DocumentKind::Budget,
        DocumentKind::Budget => DocumentKind::FinalAccounts,
    };
    // Which documents are compared, and which is missing.
    let documents = match (&counterpart, &*other) {
        (None, _) => html! {
            <p class="execution-docs">{ match b.meta.kind {
                DocumentKind::FinalAccounts => tr!(lang, "execution.no_budget", year),
                DocumentKind::Budget => tr!(lang, "execution.no_final", year),
            } }</p>
        },
        (Some(entry), state) => {
            let href = ctx.0.page_of(&base, entry, Route::Execution(None));
            let status = match state {
                None => html! { <span role="status">{ tr!(lang, "execution.loading", other_kind.label(lang)) }</span> },
                Some(Err(msg)) => html! { <span role="alert">{ msg.clone() }</span> },
                Some(Ok(_)) => html! {},
            };
            html! {
                <p class="execution-docs">
                    { tr!(lang, "execution.with", year, b.meta.kind.label(lang), other_kind.label(lang)) }
                    { " " }<a {href}>{ tr!(lang, "execution.open_other", year, other_kind.label(lang)) }</a>
                    { " " }{ status }
                </p>
            }
        }
    };
    let unit = lang.unit_label(&e.unit).to_string();
    let here = props.code.map(|c| c.to_string());
    let summary = summary(lang, &e, &unit);
    let gaps = e.largest_gaps();
    let level: Vec<&ExecutionRow> = match &here {
        None => e.rows.iter().collect(),
        Some(c) => e.find(c).map(|r| r.children.iter().collect()).unwrap_or_default(),
    };
    let mut level = level;
    // Largest gap first; lines without both figures after, as published.
    level.sort_by_key(|r| std::cmp::Reverse(r.difference().map(|d| d.abs())));
    let crumbs = breadcrumb(&base, lang, &e, here.as_deref());
    let onkeydown = props.code.map(|c| {
        Callback::from(move |ev: KeyboardEvent| {
            if ev.key() == "Escape" {
                if let Some(up) = Route::Execution(Some(c)).up() {
                    ev.prevent_default();
                    nav.go(up);
                }
            }
        })
    });
    let make_csv = {
        let e = e.clone();
        Callback::from(move |()| gongkai_model::csv::execution_csv(&e))
    };
    let has_rows = !e.rows.is_empty() || !e.unplaced.is_empty() || e.total.is_some();
    html! {
        <>
            <h2>{ tr!(lang, "execution.title") }</h2>
            { documents }
            { if has_rows { html! { <><p class="execution-summary">{ summary }</p><p class="hint execution-legend" aria-hidden="true">{ tr!(lang, "execution.legend") }</p></> } } else { html! {
                <p class="blank">{ tr!(lang, "execution.none") }</p>
            } } }
            { if here.is_none() && !gaps.is_empty() && e.has_final { html! {
                <section aria-labelledby="h-gaps">
                    <h3 id="h-gaps">{ tr!(lang, "execution.largest") }</h3>
                    { rows_table(&base, lang, "gaps", &tr!(lang, "execution.largest_caption", unit), gaps.iter().take(LARGEST).copied(), false) }
                </section>
            } } else { html! {} } }
            { if e.rows.is_empty() { html! {} } else { html! {
                <section aria-labelledby="h-lines" onkeydown={onkeydown}>
                    <h3 id="h-lines">{ tr!(lang, "execution.by_function") }</h3>
                    <nav class="breadcrumb" aria-label={tr!(lang, "budget.breadcrumb")}>{ for crumbs }</nav>
                    { if level.is_empty() {
                        html! { <p class="blank">{ tr!(lang, "budget.no_such", here.clone().unwrap_or_default()) }</p> }
                    } else {
                        rows_table(&base, lang, "lines", &tr!(lang, "execution.caption", e.actual_table.clone().or(e.budget_table.clone()).unwrap_or_default(), unit), level.into_iter(), true)
                    } }
                </section>
            } } }
            { if e.unplaced.is_empty() || here.is_some() { html! {} } else { html! {
                <section aria-labelledby="h-unplaced">
                    <h3 id="h-unplaced">{ tr!(lang, "execution.unplaced") }</h3>
                    <p class="hint">{ tr!(lang, "execution.unplaced_hint") }</p>
                    { rows_table(&base, lang, "unplaced", &tr!(lang, "execution.unplaced_caption", unit), e.unplaced.iter(), false) }
                </section>
            } } }
            { if e.three_public.is_empty() || here.is_some() { html! {} } else { html! {
                <section aria-labelledby="h-three">
                    <h3 id="h-three">{ tr!(lang, "execution.three_public") }</h3>
                    { rows_table(&base, lang, "three", &tr!(lang, "execution.three_public_caption", unit), e.three_public.iter(), false) }
                </section>
            } } }
            <p class="hint">{ tr!(lang, "execution.sources") }</p>
            { if has_rows { html! { <DownloadButton label={tr!(lang, "execution.export")} file={export_name(b, tr!(lang, "execution.file"))} make={make_csv} /> } } else { html! {} } }
        </>
    }
}

/// The text summary: the whole, then the largest gap.
fn summary(lang: Lang, e: &Execution, unit: &str) -> String {
    let mut parts = Vec::new();
    if let Some(t) = &e.total {
        parts.push(match t.adjusted {
            Some(adjusted) => tr!(
                lang,
                "execution.summary_total_adjusted",
                t.name,
                lang.fmt_opt(t.budget),
                lang.fmt_opt(Some(adjusted)),
                lang.fmt_opt(t.actual),
                unit,
                rate_text(lang, t)
            ),
            None => tr!(
                lang,
                "execution.summary_total",
                t.name,
                lang.fmt_opt(t.budget),
                lang.fmt_opt(t.actual),
                unit,
                rate_text(lang, t)
            ),
        });
    }
    if let Some(g) = e.largest_gaps().first() {
        if let Some(d) = g.difference() {
            parts.push(tr!(
                lang,
                "execution.summary_gap",
                g.short_name(),
                fmt_signed_grouped(d),
                unit
            ));
        }
    }
    if !e.has_final {
        parts.push(tr!(lang, "execution.summary_budget_only").to_string());
    }
    parts.join(" ")
}

/// 完成率 as printed, else computed (marked as such), else "—".
fn rate_text(lang: Lang, r: &ExecutionRow) -> String {
    match (&r.rate_printed, r.rate()) {
        (Some(p), _) => p.clone(),
        (None, Some(c)) => tr!(lang, "execution.computed", fmt_percent(Some(c))),
        (None, None) => "—".into(),
    }
}

fn source_note(lang: Lang, s: Option<BudgetSource>) -> &'static str {
    match s {
        Some(BudgetSource::FinalTable) => tr!(lang, "execution.source_table"),
        Some(BudgetSource::FinalNarrative) => tr!(lang, "execution.source_narrative"),
        Some(BudgetSource::BudgetDocument) => tr!(lang, "execution.source_budget"),
        None => "",
    }
}

/// A table of rows: name (a link into the next level when `drill` and it has lines), 预算,
/// 决算, 差额, 完成率, a bar (决算, with a mark at the budget), and each row's reason below it.
fn rows_table<'a>(
    base: &crate::route::LinkBase,
    lang: Lang,
    id: &str,
    caption: &str,
    rows: impl Iterator<Item = &'a ExecutionRow>,
    drill: bool,
) -> Html {
    let rows: Vec<&ExecutionRow> = rows.collect();
    // 全年预算 as a column of its own when any row states it (the difference is measured on it).
    let adjusted = rows.iter().any(|r| r.adjusted.is_some());
    let cols = if adjusted { "7" } else { "6" };
    let max = rows
        .iter()
        .flat_map(|r| [r.budget, r.adjusted, r.actual])
        .flatten()
        .fold(Decimal::ZERO, |m, v| m.max(v.abs()));
    html! {
        <div class="table-scroll" tabindex="0" role="region" aria-label={caption.to_string()}>
            <table class="execution" id={format!("execution-{id}")}>
                <caption>{ caption.to_string() }</caption>
                <thead><tr>
                    <th scope="col">{ tr!(lang, "overview.item") }</th>
                    <th scope="col" class="num">{ tr!(lang, "execution.budget") }</th>
                    { if adjusted { html! { <th scope="col" class="num">{ tr!(lang, "execution.adjusted") }</th> } } else { html! {} } }
                    <th scope="col" class="num">{ tr!(lang, "execution.actual") }</th>
                    <th scope="col" class="num">{ tr!(lang, "execution.difference") }</th>
                    <th scope="col" class="num">{ tr!(lang, "execution.rate") }</th>
                    <th scope="col" class="bar-col"><span class="visually-hidden">{ tr!(lang, "execution.bar") }</span></th>
                </tr></thead>
                <tbody>
                    { for rows.iter().map(|r| {
                        let label = r.name.clone();
                        let code = r.code.clone().unwrap_or_default();
                        let opens = drill && !r.children.is_empty() && code.len() <= 5;
                        let name = if opens {
                            html! { <a href={base.href(Route::Execution(code.parse().ok()))}>{ format!("{code} ") }<span lang={super::DATA_LANG}>{ label }</span></a> }
                        } else {
                            html! { <>{ if code.is_empty() { String::new() } else { format!("{code} ") } }<span lang={super::DATA_LANG}>{ label }</span></> }
                        };
                        let diff = r.difference();
                        let cls = match diff {
                            Some(d) if d.is_sign_negative() && !d.is_zero() => "under",
                            Some(d) if !d.is_zero() => "over",
                            _ => "even",
                        };
                        let actual_w = bar_percent(r.actual, max);
                        let budget_at = bar_percent(r.reference(), max);
                        let note = source_note(lang, r.budget_source);
                        html! {
                            <>
                                <tr class={classes!(cls)}>
                                    <th scope="row">{ name }</th>
                                    <td class="num">{ lang.fmt_opt(r.budget) }{ if note.is_empty() { html!{} } else { html! { <small class="src"><span class="visually-hidden">{ tr!(lang, "execution.source_prefix") }</span>{ note }</small> } } }</td>
                                    { if adjusted { html! { <td class="num">{ lang.fmt_opt(r.adjusted) }</td> } } else { html! {} } }
                                    <td class="num">{ lang.fmt_opt(r.actual) }</td>
                                    <td class="num">{ diff.map(fmt_signed_grouped).unwrap_or_else(|| "—".into()) }</td>
                                    <td class="num">{ rate_text(lang, r) }</td>
                                    <td class="bar-col" aria-hidden="true">
                                        // SVG attributes, not inline styles (the pages' CSP allows no style attributes).
                                        <svg class="exec-track" viewBox="0 0 100 10" preserveAspectRatio="none" focusable="false">
                                            <rect class="exec-bg" x="0" y="1" width="100" height="8" />
                                            { actual_w.map(|w| html! { <rect class="exec-bar" x="0" y="1" width={format!("{w:.1}")} height="8" /> }).unwrap_or_default() }
                                            { budget_at.map(|w| html! { <rect class="exec-mark" x={format!("{:.1}", (w - 0.6).max(0.0))} y="0" width="1.2" height="10" /> }).unwrap_or_default() }
                                        </svg>
                                    </td>
                                </tr>
                                // What the line paid for and why it differs, as published, across the row.
                                { if r.reason.is_empty() && r.purpose.is_empty() { html!{} } else { html! {
                                    <tr class="reason"><td colspan={cols}>
                                        { if r.purpose.is_empty() { html!{} } else { html! { <span class="purpose" lang={super::DATA_LANG}>{ tr!(lang, "execution.purpose", r.purpose) }</span> } } }
                                        { if r.reason.is_empty() { html!{} } else { html! { <span>{ tr!(lang, "execution.reason") }{ " " }<span lang={super::DATA_LANG}>{ r.reason.clone() }</span></span> } } }
                                    </td></tr>
                                } } }
                            </>
                        }
                    }) }
                </tbody>
            </table>
        </div>
    }
}

/// 全部 › 201 一般公共服务支出 › 20101 … (links up the drill path).
fn breadcrumb(base: &crate::route::LinkBase, lang: Lang, e: &Execution, code: Option<&str>) -> Vec<Html> {
    let mut crumbs = vec![html! { <a href={base.href(Route::Execution(None))}>{ tr!(lang, "budget.all") }</a> }];
    if let Some(c) = code {
        let prefixes: Vec<&str> = [3, 5].iter().filter(|n| **n <= c.len()).map(|n| &c[..*n]).collect();
        for (k, p) in prefixes.iter().enumerate() {
            let name = e.find(p).map(|r| r.name.clone()).unwrap_or_default();
            let label = format!("{p} {name}");
            crumbs.push(html! { <span aria-hidden="true">{ " › " }</span> });
            crumbs.push(if k + 1 == prefixes.len() {
                html! { <span aria-current="page">{ label }</span> }
            } else {
                html! { <a href={base.href(Route::Execution(p.parse().ok()))}>{ label }</a> }
            });
        }
    }
    crumbs
}
