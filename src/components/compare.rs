//! 年度比较: this year against another year of the same department — each line's change, lines
//! added and removed.

use super::use_loaded;
use crate::hooks::use_bundle::bundle_url;
use crate::loader::fetch_bundle;
use gongkai_model::compare::{compare, LineChange};
use gongkai_model::format::{fmt_percent, fmt_signed_grouped};
use gongkai_model::tr;
use gongkai_model::{Bundle, LoadError};
use std::rc::Rc;
use yew::prelude::*;

#[component]
pub fn CompareView() -> Html {
    let lang = crate::hooks::use_lang::use_lang();
    let ctx = use_loaded();
    let others = ctx.0.other_years();
    let me = ctx.0.bundle.meta.fiscal_year;
    // Default: the nearest earlier year, else the nearest later one.
    let default = others.iter().find(|e| e.fiscal_year < me).or(others.last()).cloned();
    let chosen = use_state(|| default.clone());
    let other: UseStateHandle<Option<Result<Rc<Bundle>, LoadError>>> = use_state(|| None);
    {
        let other = other.clone();
        use_effect_with((*chosen).clone(), move |entry| {
            if let Some(e) = entry.clone() {
                other.set(None);
                wasm_bindgen_futures::spawn_local(async move {
                    other.set(Some(fetch_bundle(lang, &bundle_url(&e)).await.map(Rc::new)));
                });
            }
        });
    }
    let Some(entry) = (*chosen).clone() else {
        return html! { <><h2>{ tr!(lang, "compare.title") }</h2><p class="blank">{ tr!(lang, "compare.none") }</p></> };
    };
    let onchange = {
        let (chosen, others) = (chosen.clone(), others.clone());
        Callback::from(move |e: Event| {
            let s: web_sys::HtmlSelectElement = e.target_unchecked_into();
            chosen.set(others.iter().find(|o| bundle_url(o) == s.value()).cloned());
        })
    };
    let picker = html! {
        <p>
            <label for="compare-year">{ tr!(lang, "compare.year") }{ " " }</label>
            <select id="compare-year" {onchange}>
                { for others.iter().map(|o| html! { <option value={bundle_url(o)} selected={o.fiscal_year == entry.fiscal_year}>{ lang.fmt_year(o.fiscal_year) }</option> }) }
            </select>
        </p>
    };
    let body = match &*other {
        None => html! { <p role="status">{ tr!(lang, "compare.loading", lang.fmt_year(entry.fiscal_year)) }</p> },
        Some(Err(e)) => html! { <p role="alert">{ e.message(lang) }</p> },
        Some(Ok(o)) => {
            let (earlier, later) = if o.meta.fiscal_year < me {
                (&**o, &ctx.0.bundle)
            } else {
                (&ctx.0.bundle, &**o)
            };
            let (y0, y1) = (earlier.meta.fiscal_year, later.meta.fiscal_year);
            let unit = &later.meta.unit;
            html! {
                <>
                    { if o.meta.is_generated() { html! { <p class="hint">{ tr!(lang, "compare.generated") }</p> } } else { html!{} } }
                    { for compare(lang, earlier, later).into_iter().filter(|s| !s.rows.is_empty()).map(|s| html! {
                        <div class="table-scroll" tabindex="0" role="region" aria-label={s.title}>
                            <table class="compare">
                                <caption>{ tr!(lang, "compare.caption", s.title, lang.unit_label(unit)) }</caption>
                                <thead><tr>
                                    <th scope="col">{ tr!(lang, "overview.item") }</th>
                                    <th scope="col" class="num">{ lang.fmt_year(y0) }</th>
                                    <th scope="col" class="num">{ lang.fmt_year(y1) }</th>
                                    <th scope="col" class="num">{ tr!(lang, "compare.delta") }</th>
                                    <th scope="col" class="num">{ tr!(lang, "compare.delta_pct") }</th>
                                </tr></thead>
                                <tbody>
                                    { for s.rows.iter().map(|r| {
                                        let (cls, note) = match r.change {
                                            LineChange::Added => ("added", tr!(lang, "compare.added")),
                                            LineChange::Removed => ("removed", tr!(lang, "compare.removed")),
                                            LineChange::Changed => ("changed", ""),
                                            LineChange::Same => ("same", ""),
                                        };
                                        html! {
                                            <tr class={cls}>
                                                <th scope="row">{ &r.name }<span class="role">{ note }</span></th>
                                                <td class="num">{ lang.fmt_opt(r.before) }</td>
                                                <td class="num">{ lang.fmt_opt(r.after) }</td>
                                                <td class="num">{ r.delta().map(fmt_signed_grouped).unwrap_or_else(|| "—".into()) }</td>
                                                <td class="num">{ r.delta_percent().map(|p| format!("{}{}", if p.is_sign_positive() && !p.is_zero() { "+" } else { "" }, fmt_percent(Some(p)))).unwrap_or_else(|| "—".into()) }</td>
                                            </tr>
                                        }
                                    }) }
                                </tbody>
                            </table>
                        </div>
                    }) }
                </>
            }
        }
    };
    html! {
        <>
            <h2>{ tr!(lang, "compare.title") }</h2>
            { picker }
            { body }
        </>
    }
}
