//! 搜索全部公开: search every bundle of a province site as you type, from the sharded index
//! (`crate::site_index`): department names, budget lines by name or code, activities,
//! indicators and texts, in Chinese or pinyin. Results name the bundle, its region and total,
//! and each place found with its amount, linking to it; bundles whose name matches come first.

use super::search::highlighted;
use crate::site_index::{candidates, results, BundleResult, Candidates};
use gongkai_model::format::fmt_amount_grouped;
use gongkai_model::i18n::Lang;
use gongkai_model::route::{lang_folder, Route};
use gongkai_model::tr;
use std::rc::Rc;
use yew::prelude::*;

/// Bundles a page of results.
pub const PAGE: usize = 5;

#[derive(Clone, PartialEq)]
enum Found {
    Idle,
    Searching(String),
    Failed(String),
    Done {
        candidates: Rc<Candidates>,
        shown: Rc<Vec<BundleResult>>,
        /// Candidates looked at so far.
        next: usize,
        loading_more: bool,
    },
}

#[component]
pub fn SiteSearchView() -> Html {
    let lang = crate::hooks::use_lang::use_lang();
    let query = use_state(String::new);
    let found = use_state(|| Found::Idle);
    let generation = use_mut_ref(|| 0u64);
    let input_ref = use_node_ref();
    // Searches `q` (the latest keystroke wins: older answers are dropped).
    let run = {
        let (found, generation) = (found.clone(), generation.clone());
        Rc::new(move |q: String| {
            *generation.borrow_mut() += 1;
            let mine = *generation.borrow();
            crate::route::remember_search(&q);
            if q.trim().is_empty() {
                found.set(Found::Idle);
                return;
            }
            found.set(Found::Searching(q.clone()));
            let (found, generation) = (found.clone(), generation.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let outcome = async {
                    let c = candidates(lang, &q).await?;
                    let shown = results(lang, &c, 0..PAGE).await?;
                    Ok::<_, String>((c, shown))
                }
                .await;
                if *generation.borrow() != mine {
                    return;
                }
                found.set(match outcome {
                    Ok((c, shown)) => Found::Done {
                        next: PAGE.min(c.ids.len()),
                        candidates: Rc::new(c),
                        shown: Rc::new(shown),
                        loading_more: false,
                    },
                    Err(e) => Found::Failed(e),
                });
                crate::mark_once("gongkai:site-search-done");
            });
        })
    };
    {
        // On opening: the query of the address, or what was typed before the app took over.
        let (query, run, input_ref) = (query.clone(), run.clone(), input_ref.clone());
        use_effect_with((), move |_| {
            let typed = input_ref
                .cast::<web_sys::HtmlInputElement>()
                .map(|i| i.value())
                .filter(|v| !v.is_empty());
            if let Some(q) = typed.or_else(crate::route::search_param) {
                query.set(q.clone());
                run(q);
            }
            if let Some(input) = input_ref.cast::<web_sys::HtmlInputElement>() {
                let _ = input.focus();
            }
            // The index's root comes while the person types.
            wasm_bindgen_futures::spawn_local(crate::site_index::prefetch_root(lang));
        });
    }
    let oninput = {
        let (query, run) = (query.clone(), run.clone());
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            query.set(input.value());
            run(input.value());
        })
    };
    let on_more = {
        let (found, generation) = (found.clone(), generation.clone());
        Callback::from(move |_: MouseEvent| {
            let Found::Done {
                candidates,
                shown,
                next,
                ..
            } = (*found).clone()
            else {
                return;
            };
            let mine = *generation.borrow();
            found.set(Found::Done {
                candidates: candidates.clone(),
                shown: shown.clone(),
                next,
                loading_more: true,
            });
            let (found, generation) = (found.clone(), generation.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let more = results(lang, &candidates, next..next + PAGE).await;
                if *generation.borrow() != mine {
                    return;
                }
                found.set(match more {
                    Ok(more) => {
                        let mut all = (*shown).clone();
                        all.extend(more);
                        Found::Done {
                            next: (next + PAGE).min(candidates.ids.len()),
                            candidates,
                            shown: Rc::new(all),
                            loading_more: false,
                        }
                    }
                    Err(e) => Found::Failed(e),
                });
            });
        })
    };
    let onsubmit = Callback::from(|e: SubmitEvent| e.prevent_default());
    let body = match &*found {
        Found::Idle => html! { <p class="hint">{ tr!(lang, "site.search_prompt") }</p> },
        Found::Searching(q) => {
            html! { <p class="count" role="status" aria-busy="true">{ tr!(lang, "site.searching", q) }</p> }
        }
        Found::Failed(e) => html! { <p class="error" role="alert">{ tr!(lang, "site.search_failed", e) }</p> },
        Found::Done {
            candidates,
            shown,
            next,
            loading_more,
        } => {
            let status = if candidates.plan.is_empty() {
                tr!(lang, "site.search_no_terms", &candidates.query)
            } else if candidates.ids.is_empty() || (shown.is_empty() && *next >= candidates.ids.len()) {
                tr!(lang, "search.none", &candidates.query)
            } else {
                tr!(lang, "site.search_found", &candidates.query, candidates.ids.len())
            };
            html! {
                <>
                    <p class="count" role="status">{ status }</p>
                    <ol class="site-results">
                        { for shown.iter().map(|r| result(r, lang, &candidates.query)) }
                    </ol>
                    { if *next < candidates.ids.len() { html! {
                        <button type="button" class="more" onclick={on_more} disabled={*loading_more} aria-busy={loading_more.to_string()}>
                            { if *loading_more { tr!(lang, "site.searching", &candidates.query) } else { tr!(lang, "site.search_more").to_string() } }
                        </button>
                    } } else { html!{} } }
                </>
            }
        }
    };
    html! {
        <>
            <form class="site-search-form" role="search" {onsubmit}>
                <label for="site-q">{ tr!(lang, "site.search_label") }</label>
                <input id="site-q" name="q" type="search" ref={input_ref} value={(*query).clone()} {oninput} placeholder={tr!(lang, "site.search_placeholder")} autocomplete="off" />
            </form>
            { body }
        </>
    }
}

/// One bundle of the results: its name, region and total, then each place found.
fn result(r: &BundleResult, lang: Lang, query: &str) -> Html {
    let lang_dir = lang_folder(lang);
    let d = &r.doc;
    let home = format!("{lang_dir}b/{}/", d.folder);
    let unit = lang.unit_label(&d.unit).to_string();
    let place = |route: Route| {
        if route == Route::Overview {
            home.clone()
        } else {
            format!("{home}{}", route.to_hash())
        }
    };
    html! {
        <li class="site-result">
            <h2><a href={home.clone()} lang={super::DATA_LANG}>{ format!("{} {}", d.department, lang.fmt_year(d.fiscal_year)) }</a></h2>
            <p class="place">
                <span lang={super::DATA_LANG}>{ &d.region }</span>
                { match d.total { Some(t) => html! { <>{ " · " }{ tr!(lang, "site.total", fmt_amount_grouped(t), &unit) }</> }, None => html!{} } }
                { if r.by_name { html! { <>{ " · " }<strong>{ tr!(lang, "site.by_name") }</strong></> } } else { html!{} } }
            </p>
            { if r.hits.is_empty() { html!{} } else { html! {
                <ul class="results">
                    { for r.hits.iter().map(|h| html! {
                        <li>
                            <a href={place(h.route.clone())}>
                                <span class="kind">{ h.kind.label(lang) }</span>
                                <span class="title" lang={super::DATA_LANG}>{ if h.title.is_empty() { h.section.map(|s| lang.t(s).to_string()).unwrap_or_default() } else { h.title.clone() } }</span>
                            </a>
                            { match h.amount { Some(a) => html! { <span class="amount">{ format!("{} {}", fmt_amount_grouped(a), unit) }</span> }, None => html!{} } }
                            <p class="snippet" lang={super::DATA_LANG}>{ highlighted(&h.snippet, &h.marks) }</p>
                        </li>
                    }) }
                    { if r.more_hits { html! { <li class="more-hits"><a href={format!("{home}?{}={}#/search", crate::route::SEARCH_PARAM, crate::route::encode_param(query))}>{ tr!(lang, "site.more_in_bundle") }</a></li> } } else { html!{} } }
                </ul>
            } } }
        </li>
    }
}
