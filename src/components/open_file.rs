//! "打开本地文件": choose (or drop anywhere on the page) a bundle .json, a .txt disclosure or a
//! .docx, or an Excel workbook of the standard tables (.xlsx, .xls); it is read and imported in
//! the browser, never uploaded.

use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct OpenFileProps {
    pub on_file: Callback<web_sys::File>,
}

#[component]
pub fn OpenFile(props: &OpenFileProps) -> Html {
    let onchange = {
        let on_file = props.on_file.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                on_file.emit(file);
            }
            input.set_value("");
        })
    };
    // Drop a file anywhere on the page.
    {
        let on_file = props.on_file.clone();
        use_effect_with((), move |_| {
            let doc = web_sys::window().and_then(|w| w.document());
            let listeners = doc.map(|doc| {
                let opts = EventListenerOptions::enable_prevent_default();
                let over = EventListener::new_with_options(&doc, "dragover", opts, |e| e.prevent_default());
                let drop = EventListener::new_with_options(&doc, "drop", opts, move |e| {
                    e.prevent_default();
                    let file = e
                        .dyn_ref::<web_sys::DragEvent>()
                        .and_then(|d| d.data_transfer())
                        .and_then(|t| t.files())
                        .and_then(|f| f.get(0));
                    if let Some(file) = file {
                        on_file.emit(file);
                    }
                });
                (over, drop)
            });
            move || drop(listeners)
        });
    }
    html! {
        <div class="open-file">
            <label for="open-file-input" class="button">{ gongkai_model::tr!("open.button") }</label>
            <input id="open-file-input" class="visually-hidden" type="file" accept=".json,.txt,.docx,.xlsx,.xls,application/json,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel" {onchange} />
            <span class="hint">{ gongkai_model::tr!("open.hint") }</span>
        </div>
    }
}
