//! The one error view: headline, the message naming the file and the problem, what to do. For a
//! local document that does not state its year or department, a form asks for them (nothing is
//! guessed) and imports the document again.

use crate::loader::Facts;
use gongkai_model::{tr, LoadError};
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ErrorViewProps {
    pub error: LoadError,
    /// Imports the last local document again with the facts given (None: no form).
    #[prop_or_default]
    pub on_facts: Option<Callback<Facts>>,
    /// The language when shown outside an app (a province page whose data failed to load);
    /// `None`: the app's.
    #[prop_or_default]
    pub lang: Option<gongkai_model::i18n::Lang>,
}

#[component]
pub fn ErrorView(props: &ErrorViewProps) -> Html {
    let app_lang = crate::hooks::use_lang::use_lang();
    let lang = props.lang.unwrap_or(app_lang);
    let e = &props.error;
    let year_ref = use_node_ref();
    let department_ref = use_node_ref();
    let form = match (e, &props.on_facts) {
        (LoadError::ImportNeedsFacts { year, department, .. }, Some(on_facts)) => {
            let onsubmit = {
                let (on_facts, year_ref, department_ref) = (on_facts.clone(), year_ref.clone(), department_ref.clone());
                Callback::from(move |ev: SubmitEvent| {
                    ev.prevent_default();
                    let value = |r: &NodeRef| {
                        r.cast::<HtmlInputElement>()
                            .map(|i| i.value().trim().to_string())
                            .filter(|v| !v.is_empty())
                    };
                    on_facts.emit(Facts {
                        year: value(&year_ref).and_then(|y| y.parse().ok()),
                        department: value(&department_ref),
                    });
                })
            };
            html! {
                <form class="facts" id="facts-form" {onsubmit}>
                    if *year {
                        <p><label for="fact-year">{ tr!(lang, "facts.year") }</label>
                        <input id="fact-year" ref={year_ref} type="number" min="1949" max="2100" step="1" required=true inputmode="numeric" /></p>
                    }
                    if *department {
                        <p><label for="fact-department">{ tr!(lang, "facts.department") }</label>
                        <input id="fact-department" ref={department_ref} type="text" required=true autocomplete="organization" /></p>
                    }
                    <p class="hint">{ tr!(lang, "facts.hint") }</p>
                    <button type="submit">{ tr!(lang, "facts.import") }</button>
                </form>
            }
        }
        _ => html! {},
    };
    html! {
        <section class="error" role="alert" aria-labelledby="error-title">
            <h1 id="error-title">{ e.title(lang) }</h1>
            <p class="error-message">{ e.message(lang) }</p>
            <p class="error-file">{ tr!(lang, "error.file") }<code>{ e.file() }</code></p>
            { form }
            <details>
                <summary>{ tr!(lang, "error.technical") }</summary>
                <p><code>{ e.message(gongkai_model::i18n::Lang::En) }</code></p>
            </details>
            <p><a href="./">{ tr!(lang, "error.back") }</a></p>
        </section>
    }
}
