//! The one error view: headline, the message naming the file and the problem, what to do.

use gongkai_model::LoadError;
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
            <h1 id="error-title">{ e.title_zh() }</h1>
            <p class="error-message">{ e.message_zh() }</p>
            <p class="error-file">{ "文件：" }<code>{ e.file() }</code></p>
            <details>
                <summary>{ "技术信息（English）" }</summary>
                <p><code>{ e.message_en() }</code></p>
            </details>
            <p><a href="./">{ "返回默认数据" }</a></p>
        </section>
    }
}
