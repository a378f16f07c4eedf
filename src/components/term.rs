//! A budget term with its explanation, reachable by keyboard and touch: the term is a button;
//! pressing it shows the explanation below it (the document's 名词解释 as published when it has
//! one; in English the viewer's explanation comes first). Before the app runs, the page's own
//! script opens and closes it the same way (static/shell.js).

use super::use_loaded;
use gongkai_model::i18n::Lang;
use gongkai_model::tr;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TermProps {
    /// Which term: "three_public", "operating_costs", "basic", "project", "general_budget".
    pub id: &'static str,
}

#[component]
pub fn Term(props: &TermProps) -> Html {
    let lang = crate::hooks::use_lang::use_lang();
    let ctx = use_loaded();
    let open = use_state(|| false);
    let id = format!("term-{}", props.id);
    let Some(e) = gongkai_model::glossary::explain(lang, &ctx.0.bundle, props.id) else {
        return html! {};
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
    let note = match (&e.published, lang) {
        (Some(text), Lang::Zh) => html! {
            <>{ text.clone() }<span class="src">{ tr!(lang, "term.from_document", e.term) }</span></>
        },
        (Some(text), Lang::En) => html! {
            <>{ e.standard }<span class="src">{ tr!(lang, "term.from_document", e.term) }</span>{ " " }<span lang="zh-CN">{ text.clone() }</span></>
        },
        (None, _) => html! { <>{ e.standard }<span class="src">{ tr!(lang, "term.standard") }</span></> },
    };
    html! {
        <span class="term">
            <button type="button" class="term-button" aria-expanded={open.to_string()} aria-controls={id.clone()} onclick={toggle} {onkeydown}>
                { e.label }
            </button>
            // Always in the page (hidden while closed), so the page's own script can open it
            // before the app runs (static/shell.js).
            <span class="term-note" {id} role="note" hidden={!*open}>{ note }</span>
        </span>
    }
}
