//! A budget term with its explanation, reachable by keyboard and touch: the term is a button;
//! pressing it shows the explanation below it (from the document's 名词解释 when it has one).

use super::use_loaded;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TermProps {
    /// The term as shown, e.g. "机关运行经费".
    pub term: AttrValue,
}

#[component]
pub fn Term(props: &TermProps) -> Html {
    let ctx = use_loaded();
    let open = use_state(|| false);
    let id = use_memo(props.term.clone(), |t| {
        format!(
            "term-{}",
            t.chars().map(|c| (c as u32 % 1000).to_string()).collect::<String>()
        )
    });
    let Some(e) = gongkai_model::glossary::explain(&ctx.0.bundle, &props.term) else {
        return html! { { props.term.clone() } };
    };
    let toggle = {
        let open = open.clone();
        Callback::from(move |_| open.set(!*open))
    };
    let onkeydown = {
        let open = open.clone();
        Callback::from(move |k: KeyboardEvent| {
            if k.key() == "Escape" && *open {
                k.stop_propagation();
                open.set(false);
            }
        })
    };
    html! {
        <span class="term">
            <button type="button" class="term-button" aria-expanded={open.to_string()} aria-controls={(*id).clone()} onclick={toggle} {onkeydown}>
                { props.term.clone() }
            </button>
            { if *open { html! {
                <span class="term-note" id={(*id).clone()} role="note">
                    { e.text }
                    <span class="src">{ if e.from_document { format!("（原文名词解释：{}）", e.term) } else { "（通用解释）".to_string() } }</span>
                </span>
            } } else { html! { <span id={(*id).clone()} hidden=true></span> } } }
        </span>
    }
}
