//! 数据核对: every reconciliation check with ✓/✗ and its figures, and the import report. Each
//! row's id is `check-<the check's id>` (links: `checks/#check-<id>`); the row also keeps its old
//! anchor `check-<number>` (links made before checks had ids), which the view resolves too.

use super::download::DownloadButton;
use super::{export_name, use_loaded};
use crate::route::Route;
use gongkai_model::provenance::{citations, page_of_line};
use gongkai_model::{find_check, reconcile, tr, CheckId, CheckStatus};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChecksViewProps {
    /// A check to bring into view and focus (its id, or an old link's 1-based number; from a
    /// “✗ 核对不符” link).
    #[prop_or_default]
    pub focus: Option<CheckId>,
}

#[component]
pub fn ChecksView(props: &ChecksViewProps) -> Html {
    let ctx = use_loaded();
    let lang = crate::hooks::use_lang::use_lang();
    let base = crate::route::use_link_base();
    // Computed when the view opens; their texts are shown in the language of the page.
    let checks = use_memo(ctx.clone(), |c| Rc::new(reconcile(&c.0.bundle)));
    let checks: &[gongkai_model::Check] = &checks;
    // The check the address names, by its id or its old number.
    let focus = props
        .focus
        .as_ref()
        .and_then(|id| find_check(checks, id))
        .map(|(i, _)| i);
    let focus_id = focus.map(|i| checks[i].id.clone());
    use_effect_with(focus_id, |focus| {
        if let Some(id) = focus {
            super::focus_by_id(&format!("check-{id}"), true);
        }
    });
    // Where each check's figures were published (file, page, table, row), when the bundle knows.
    let places = use_memo((ctx.clone(), checks.len()), {
        let checks = checks.to_vec();
        move |(c, _)| {
            Rc::new(
                checks
                    .iter()
                    .map(|k| citations(lang, &c.0.bundle, &k.figures))
                    .collect::<Vec<_>>(),
            )
        }
    });
    let passed = checks.iter().filter(|c| c.status == CheckStatus::Pass).count();
    let failed = checks.iter().filter(|c| c.status == CheckStatus::Fail).count();
    html! {
        <>
            <h2>{ tr!(lang, "nav.checks") }</h2>
            <p class="lead">{ tr!(lang, "checks.summary", checks.len(), passed, failed, checks.len() - passed - failed) }</p>
            <DownloadButton label={tr!(lang, "checks.export")} file={export_name(&ctx.0.bundle, tr!(lang, "nav.checks"))} make={{ let c = ctx.clone(); Callback::from(move |_| gongkai_model::csv::checks_csv(&reconcile(&c.0.bundle), lang)) }} />
            <div class="table-scroll" tabindex="0" role="region" aria-label={tr!(lang, "checks.results")}>
                <table class="checks">
                    <caption>{ tr!(lang, "checks.caption") }</caption>
                    <thead><tr><th scope="col">{ tr!(lang, "checks.number") }</th><th scope="col">{ tr!(lang, "checks.result") }</th><th scope="col">{ tr!(lang, "checks.area") }</th><th scope="col">{ tr!(lang, "checks.what") }</th><th scope="col">{ tr!(lang, "checks.figures") }</th></tr></thead>
                    <tbody>
                        { for checks.iter().enumerate().map(|(i, c)| {
                            let (mark, cls, word) = match c.status {
                                CheckStatus::Pass => ("✓", "pass", tr!(lang, "checks.pass")),
                                CheckStatus::Fail => ("✗", "fail", tr!(lang, "checks.fail")),
                                CheckStatus::NotApplicable => ("–", "na", tr!(lang, "checks.na")),
                            };
                            html! {
                                <tr class={classes!(cls, (focus == Some(i)).then_some("focused"))} id={format!("check-{}", c.id)} tabindex="-1">
                                    // The number links to the check (to copy); its old anchor stays on it.
                                    <td class="num"><a id={format!("check-{}", i + 1)} href={base.href(Route::Checks(Some(c.id.clone())))} title={c.id.to_string()}>{ i + 1 }</a></td>
                                    <td><span aria-hidden="true">{ mark }</span>{ " " }{ word }</td>
                                    <td>{ c.area(lang) }</td>
                                    <th scope="row">{ c.label(lang) }</th>
                                    <td>
                                        { c.detail(lang) }
                                        { match places.get(i) {
                                            Some(p) if !p.is_empty() => html! { <div class="source">{ tr!(lang, "checks.source") }{ "：" }{ p.join("；") }</div> },
                                            _ => html! {},
                                        } }
                                    </td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
            { match &ctx.0.bundle.import_report {
                None => html!{},
                Some(r) => html! {
                    <section aria-labelledby="h-import">
                        <h3 id="h-import">{ tr!(lang, "checks.import_report") }</h3>
                        <p>{ tr!(lang, "checks.input", r.input, r.lines) }</p>
                        <p>{ tr!(lang, "checks.sections_found", r.sections_found.join(tr!(lang, "common.list_sep"))) }</p>
                        <p>{ if r.sections_missing.is_empty() { tr!(lang, "checks.nothing_missing").to_string() } else { tr!(lang, "checks.sections_missing", r.sections_missing.join(tr!(lang, "common.list_sep"))) } }</p>
                        { for r.supplied.iter().map(|f| html! { <p class="notice">{ tr!(lang, "checks.supplied", f) }</p> }) }
                        { if r.skipped.is_empty() { html! { <p>{ tr!(lang, "checks.nothing_skipped") }</p> } } else { html! {
                            <ul>{ for r.skipped.iter().map(|s| html! { <li>{ match page_of_line(lang, r, s.line) {
                                Some(page) => tr!(lang, "checks.skipped_place", page, s.line, s.text, s.reason),
                                None => tr!(lang, "checks.skipped_line", s.line, s.text, s.reason),
                            } }</li> }) }</ul>
                        } } }
                    </section>
                },
            } }
        </>
    }
}
