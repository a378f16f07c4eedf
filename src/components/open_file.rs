//! "打开本地文件": choose (or drop anywhere on the page) a bundle .json, or the documents of one
//! disclosure — .pdf, .txt, .docx, Excel (.xlsx, .xls); several files (the narrative and the
//! tables published apart) make one bundle. They are read and imported in the browser, never
//! uploaded.

use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

fn list(files: &web_sys::FileList) -> Vec<web_sys::File> {
    (0..files.length()).filter_map(|i| files.get(i)).collect()
}

#[derive(Properties, PartialEq)]
pub struct OpenFileProps {
    /// The files chosen or dropped (one or more).
    pub on_file: Callback<Vec<web_sys::File>>,
}

#[component]
pub fn OpenFile(props: &OpenFileProps) -> Html {
    let lang = crate::hooks::use_lang::use_lang();
    let onchange = {
        let on_file = props.on_file.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let files = input.files().map(|l| list(&l)).unwrap_or_default();
            if !files.is_empty() {
                on_file.emit(files);
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
                    let files = e
                        .dyn_ref::<web_sys::DragEvent>()
                        .and_then(|d| d.data_transfer())
                        .and_then(|t| t.files())
                        .map(|l| list(&l))
                        .unwrap_or_default();
                    if !files.is_empty() {
                        on_file.emit(files);
                    }
                });
                (over, drop)
            });
            move || drop(listeners)
        });
    }
    html! {
        <div class="open-file">
            <label for="open-file-input" class="button">{ gongkai_model::tr!(lang, "open.button") }</label>
            <input id="open-file-input" class="visually-hidden" type="file" multiple=true accept=".json,.pdf,application/pdf,.txt,.docx,.xlsx,.xls,application/json,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel" {onchange} />
            <span class="hint">{ gongkai_model::tr!(lang, "open.hint") }</span>
        </div>
    }
}
