//! 搜索: everything the bundle says, as you type; matches highlighted; each result links to its
//! place in the viewer. (Chinese substring matching; pinyin is not built yet.)

use super::use_loaded;
use gongkai_model::search::search;
use yew::prelude::*;

/// Results shown at most (the count says when there are more).
const LIMIT: usize = 200;

fn highlighted(snippet: &str, marks: &[(usize, usize)]) -> Html {
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

#[component]
pub fn SearchView() -> Html {
    let ctx = use_loaded();
    let query = use_state(String::new);
    let hits = use_memo((ctx.clone(), (*query).clone()), |(c, q)| {
        search(&c.0.bundle, q, LIMIT + 1)
    });
    let oninput = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            query.set(input.value());
        })
    };
    let more = hits.len() > LIMIT;
    let status = if query.trim().is_empty() {
        "输入要查找的文字，例如“农村”“≥95%”“轿车”。".to_string()
    } else if hits.is_empty() {
        format!("没有找到“{}”。", query.trim())
    } else if more {
        format!("找到超过 {LIMIT} 处，只显示前 {LIMIT} 处。")
    } else {
        format!("找到 {} 处。", hits.len())
    };
    html! {
        <>
            <h2>{ "搜索" }</h2>
            <label for="search-input">{ "查找职责、活动、指标、评价标准、资产、名词和说明" }</label>
            <input id="search-input" class="filter" type="search" autocomplete="off" value={(*query).clone()} {oninput} />
            <p class="count" role="status" id="search-status">{ status }</p>
            <ol class="search-results">
                { for hits.iter().take(LIMIT).map(|h| html! {
                    <li>
                        <span class="kind">{ h.kind }</span>
                        <a href={h.link.clone()}>{ if h.title.is_empty() { h.kind.to_string() } else { h.title.clone() } }</a>
                        <p class="snippet">{ highlighted(&h.snippet, &h.marks) }</p>
                    </li>
                }) }
            </ol>
        </>
    }
}
