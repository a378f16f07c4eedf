//! 搜索: everything the bundle says — or every bundle the site lists — as you type; matches
//! highlighted; each result links to its place in the viewer. Chinese substring matching, and
//! pinyin ("nongcun", "nc") once the search worker has given the characters' readings.

use super::use_loaded;
use crate::hooks::use_bundle::bundle_url;
use crate::loader::{fetch_bundle, pinyin_readings};
use gongkai_model::i18n::Lang;
use gongkai_model::search::{han_characters, Hit, SearchIndex};
use gongkai_model::{tr, Bundle};
use std::rc::Rc;
use yew::prelude::*;

/// Results shown at most (the count says when there are more).
const LIMIT: usize = 200;

pub fn highlighted(snippet: &str, marks: &[(usize, usize)]) -> Html {
    let chars: Vec<char> = snippet.chars().collect();
    let mut parts = Vec::new();
    let mut at = 0;
    for &(a, b) in marks {
        if a < at || b > chars.len() {
            continue;
        }
        parts.push(html! { { chars[at..a].iter().collect::<String>() } });
        parts.push(html! { <mark>{ chars[a..b].iter().collect::<String>() }</mark> });
        at = b;
    }
    parts.push(html! { { chars[at..].iter().collect::<String>() } });
    html! { <>{ for parts }</> }
}

/// One searched bundle: its name for the result headings, the prefix of its links, its index.
#[derive(Clone)]
struct Part {
    /// "平乡县发展改革局 2017 年" (shown when several bundles are searched).
    label: String,
    /// `None` for the bundle on screen; the folder of another one's pages ("b/x/", "" for the
    /// site root's).
    folder: Option<String>,
    index: SearchIndex,
}

/// What is being searched.
#[derive(Clone, Default)]
struct Corpus {
    parts: Vec<Part>,
    /// Bundles of the catalog that could not be read, with the reason.
    failed: Vec<String>,
    /// Pinyin readings attached to every part.
    pinyin: PinyinState,
    /// Catalog bundles still loading (done, total) when searching every bundle.
    loading: Option<(usize, usize)>,
}

#[derive(Clone, Copy, Default, PartialEq)]
enum PinyinState {
    #[default]
    Loading,
    Ready,
    Unavailable,
}

fn label(lang: Lang, b: &Bundle) -> String {
    format!("{} {}", b.meta.department, lang.fmt_year(b.meta.fiscal_year))
}

/// Attaches the pinyin readings of `chars` (every part's characters, asked from the search
/// worker) to every part.
async fn with_pinyin(mut corpus: Corpus, chars: &str) -> Corpus {
    match pinyin_readings(chars).await {
        Some(readings) => {
            for p in &mut corpus.parts {
                p.index.set_readings(readings.clone());
            }
            corpus.pinyin = PinyinState::Ready;
        }
        None => corpus.pinyin = PinyinState::Unavailable,
    }
    corpus
}

#[component]
pub fn SearchView() -> Html {
    let base = crate::route::use_link_base();
    let lang = crate::hooks::use_lang::use_lang();
    let ctx = use_loaded();
    let query = use_state(String::new);
    let everywhere = use_state(|| false);
    // Opening 搜索 puts the cursor in the search box; what was typed into the page before the
    // app took it over (a slow phone), or else the address's `?q=` (a shared search, or "see
    // every match" from the site-wide search), is searched at once.
    let input_ref = use_node_ref();
    {
        let (input_ref, query) = (input_ref.clone(), query.clone());
        use_effect_with((), move |_| {
            if let Some(input) = input_ref.cast::<web_sys::HtmlInputElement>() {
                let _ = input.focus();
                let typed = Some(input.value()).filter(|v| !v.is_empty());
                if let Some(q) = typed.or_else(crate::route::search_param) {
                    query.set(q);
                }
            }
        });
    }
    let corpus = use_state(|| {
        Rc::new(Corpus {
            parts: vec![Part {
                label: label(lang, &ctx.0.bundle),
                folder: None,
                index: SearchIndex::new(&ctx.0.bundle),
            }],
            ..Corpus::default()
        })
    });
    // The catalog's other bundles and the folders of their pages.
    let many = ctx.0.catalog.as_ref().is_some_and(|c| c.bundles.len() > 1);
    let others: Vec<(String, String)> = ctx
        .0
        .catalog
        .iter()
        .flat_map(|c| c.bundles.iter())
        .map(|e| {
            let folder = if many {
                format!("b/{}/", gongkai_model::route::bundle_folder(&e.path))
            } else {
                String::new()
            };
            (bundle_url(e), folder)
        })
        .filter(|(u, _)| *u != ctx.0.path)
        .collect();
    {
        // (Re)build what is searched: this bundle, or every bundle of the catalog.
        let corpus = corpus.clone();
        let ctx = ctx.clone();
        let others = others.clone();
        use_effect_with((ctx.clone(), *everywhere), move |(_, everywhere)| {
            let everywhere = *everywhere;
            wasm_bindgen_futures::spawn_local(async move {
                // This bundle's index was built when the view opened; copies share its texts.
                let mine = corpus.parts[0].clone();
                let mut next = Corpus {
                    parts: vec![mine],
                    ..Corpus::default()
                };
                let mut chars = han_characters(&ctx.0.bundle);
                if everywhere {
                    let total = others.len();
                    for (done, (url, folder)) in others.iter().enumerate() {
                        next.loading = Some((done, total));
                        corpus.set(Rc::new(next.clone()));
                        match fetch_bundle(lang, url).await {
                            Ok(b) => {
                                next.parts.push(Part {
                                    label: label(lang, &b),
                                    folder: Some(folder.clone()),
                                    index: SearchIndex::new(&b),
                                });
                                chars.push_str(&han_characters(&b));
                            }
                            Err(e) => next.failed.push(e.message(lang)),
                        }
                    }
                    next.loading = None;
                }
                corpus.set(Rc::new(next.clone()));
                corpus.set(Rc::new(with_pinyin(next, &chars).await));
            });
        });
    }
    let hits: Rc<Vec<(usize, Hit)>> = {
        let corpus = (*corpus).clone();
        (*use_memo((Rc::as_ptr(&corpus) as usize, (*query).clone()), move |(_, q)| {
            let mut all = Vec::new();
            for (i, p) in corpus.parts.iter().enumerate() {
                let left = (LIMIT + 1).saturating_sub(all.len());
                all.extend(p.index.search(q, left).into_iter().map(|h| (i, h)));
            }
            Rc::new(all)
        }))
        .clone()
    };
    let oninput = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            crate::route::remember_search(&input.value());
            query.set(input.value());
        })
    };
    let on_scope = {
        let everywhere = everywhere.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            everywhere.set(input.value() == "all");
        })
    };
    let more = hits.len() > LIMIT;
    let status = if query.trim().is_empty() {
        tr!(lang, "search.prompt").to_string()
    } else if hits.is_empty() {
        tr!(lang, "search.none", query.trim())
    } else if more {
        tr!(lang, "search.more", query.trim(), LIMIT)
    } else {
        tr!(lang, "search.found", query.trim(), hits.len())
    };
    let pinyin_status = match corpus.pinyin {
        PinyinState::Loading => tr!(lang, "search.pinyin_loading"),
        PinyinState::Ready => tr!(lang, "search.pinyin_ready"),
        PinyinState::Unavailable => tr!(lang, "search.pinyin_unavailable"),
    };
    let several = corpus.parts.len() > 1;
    // A province: every bundle is searched from the site's index, on its own page.
    let site_wide = ctx.0.province.then(|| {
        let q = query.trim();
        let href = format!(
            "{}search/{}",
            base.lang,
            if q.is_empty() {
                String::new()
            } else {
                format!("?{}={}", crate::route::SEARCH_PARAM, crate::route::encode_param(q))
            }
        );
        html! { <p class="scope"><a href={href}>{ tr!(lang, "site.search_all") }</a></p> }
    });
    let others = if ctx.0.province { Vec::new() } else { others };
    let scope = (!others.is_empty()).then(|| {
        html! {
            <fieldset class="scope">
                <legend>{ tr!(lang, "search.scope") }</legend>
                <label><input type="radio" name="search-scope" value="this" checked={!*everywhere} onchange={on_scope.clone()} />{ tr!(lang, "search.scope_this") }</label>
                <label><input type="radio" name="search-scope" value="all" checked={*everywhere} onchange={on_scope} />{ tr!(lang, "search.scope_all", others.len() + 1) }</label>
            </fieldset>
        }
    });
    let mut last_part = usize::MAX;
    let mut items = Vec::new();
    for (part, h) in hits.iter().take(LIMIT) {
        let p = &corpus.parts[*part];
        if several && *part != last_part {
            items.push(html! { <li class="search-bundle">{ p.label.clone() }</li> });
            last_part = *part;
        }
        let kind = h.kind.label(lang);
        let title = if let Some(section) = h.section {
            lang.t(section).to_string()
        } else if h.title.is_empty() {
            kind.to_string()
        } else if h.kind == gongkai_model::search::HitKind::Duty {
            tr!(lang, "search.duty_title", h.title)
        } else {
            h.title.clone()
        };
        items.push(html! {
            <li>
                <span class="kind">{ kind }{ if h.by_pinyin { format!(" · {}", tr!(lang, "search.by_pinyin")) } else { String::new() } }</span>
                <a href={match &p.folder {
                    None => base.href(h.route.clone()),
                    Some(f) => format!("{}{f}{}", base.lang, h.route.path()),
                }}>{ title }</a>
                <p class="snippet" lang={super::DATA_LANG}>{ highlighted(&h.snippet, &h.marks) }</p>
            </li>
        });
    }
    html! {
        <>
            <h2>{ tr!(lang, "nav.search") }</h2>
            <label for="search-input">{ tr!(lang, "search.label") }</label>
            <input id="search-input" ref={input_ref} class="filter" type="search" autocomplete="off" value={(*query).clone()} {oninput} />
            { for scope }
            { for site_wide }
            <p class="hint" id="pinyin-status" data-state={match corpus.pinyin { PinyinState::Loading => "loading", PinyinState::Ready => "ready", PinyinState::Unavailable => "unavailable" }}>{ pinyin_status }</p>
            if let Some((done, total)) = corpus.loading {
                <p class="hint" role="status"><progress max={total.to_string()} value={done.to_string()}></progress>{ " " }{ tr!(lang, "search.reading", done, total) }</p>
            }
            { for corpus.failed.iter().map(|f| html! { <p class="notice">{ tr!(lang, "search.failed", f) }</p> }) }
            <p class="count" role="status" id="search-status">{ status }</p>
            <ol class="search-results">{ for items }</ol>
        </>
    }
}
