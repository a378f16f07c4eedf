//! The one error view: headline, the message naming the file and the problem, what to do.

use gongkai_model::{tr, LoadError};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ErrorViewProps {
    pub error: LoadError,
}

#[component]
pub fn ErrorView(props: &ErrorViewProps) -> Html {
    let e = &props.error;
    html! {
        <section class="error" role="alert" aria-labelledby="error-title">
            <h1 id="error-title">{ e.title() }</h1>
            <p class="error-message">{ e.message() }</p>
            <p class="error-file">{ tr!("error.file") }<code>{ e.file() }</code></p>
            <details>
                <summary>{ tr!("error.technical") }</summary>
                <p><code>{ e.message_en() }</code></p>
            </details>
            <p><a href="./">{ tr!("error.back") }</a></p>
        </section>
    }
}
