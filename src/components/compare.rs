//! 年度比较: this year against another year of the same department — each line's change, lines
//! added and removed.

use super::use_loaded;
use crate::hooks::use_bundle::bundle_url;
use crate::loader::fetch_bundle;
use gongkai_model::compare::{compare, LineChange};
use gongkai_model::format::{fmt_opt, fmt_percent, fmt_signed_grouped};
use gongkai_model::{Bundle, LoadError};
use std::rc::Rc;
use yew::prelude::*;

#[component]
pub fn CompareView() -> Html {
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
                    other.set(Some(fetch_bundle(&bundle_url(&e)).await.map(Rc::new)));
                });
            }
        });
    }
    let Some(entry) = (*chosen).clone() else {
        return html! { <><h2>{ "年度比较" }</h2><p class="blank">{ "目录中没有本部门其他年度的公开文件，无法比较。" }</p></> };
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
            <label for="compare-year">{ "比较年度 " }</label>
            <select id="compare-year" {onchange}>
                { for others.iter().map(|o| html! { <option value={bundle_url(o)} selected={o.fiscal_year == entry.fiscal_year}>{ format!("{} 年", o.fiscal_year) }</option> }) }
            </select>
        </p>
    };
    let body = match &*other {
        None => html! { <p role="status">{ format!("正在加载 {} 年数据…", entry.fiscal_year) }</p> },
        Some(Err(e)) => html! { <p role="alert">{ e.message_zh() }</p> },
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
                    { if o.meta.title.contains("生成") { html! { <p class="hint">{ "注意：比较对象是生成的测试数据。" }</p> } } else { html!{} } }
                    { for compare(earlier, later).into_iter().filter(|s| !s.rows.is_empty()).map(|s| html! {
                        <div class="table-scroll" tabindex="0" role="region" aria-label={s.title}>
                            <table class="compare">
                                <caption>{ format!("{}（{unit}）", s.title) }</caption>
                                <thead><tr>
                                    <th scope="col">{ "项目" }</th>
                                    <th scope="col" class="num">{ format!("{y0} 年") }</th>
                                    <th scope="col" class="num">{ format!("{y1} 年") }</th>
                                    <th scope="col" class="num">{ "增减" }</th>
                                    <th scope="col" class="num">{ "增减 %" }</th>
                                </tr></thead>
                                <tbody>
                                    { for s.rows.iter().map(|r| {
                                        let (cls, note) = match r.change {
                                            LineChange::Added => ("added", "（新增）"),
                                            LineChange::Removed => ("removed", "（取消）"),
                                            LineChange::Changed => ("changed", ""),
                                            LineChange::Same => ("same", ""),
                                        };
                                        html! {
                                            <tr class={cls}>
                                                <th scope="row">{ &r.name }<span class="role">{ note }</span></th>
                                                <td class="num">{ fmt_opt(r.before) }</td>
                                                <td class="num">{ fmt_opt(r.after) }</td>
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
            <h2>{ "年度比较" }</h2>
            { picker }
            { body }
        </>
    }
}
