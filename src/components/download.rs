//! "导出 CSV": builds a file in the browser (from the model's exporters) and saves it; nothing
//! goes to a server.

use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Saves `content` as a file called `name` with the given MIME type.
pub fn save_file(name: &str, mime: &str, content: &str) {
    save_bytes(name, mime, content.as_bytes());
}

/// Saves raw bytes (e.g. a ZIP archive) as a file.
pub fn save_bytes(name: &str, mime: &str, content: &[u8]) {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(content).into());
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let doc = web_sys::window().and_then(|w| w.document());
    if let Some(a) = doc
        .and_then(|d| d.create_element("a").ok())
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

#[derive(Properties, PartialEq)]
pub struct DownloadButtonProps {
    /// Button text, e.g. "导出 CSV".
    pub label: AttrValue,
    /// File name, e.g. "绩效指标.csv".
    pub file: AttrValue,
    /// Makes the file content when the button is pressed.
    pub make: Callback<(), String>,
}

#[component]
pub fn DownloadButton(props: &DownloadButtonProps) -> Html {
    let onclick = {
        let (file, make) = (props.file.clone(), props.make.clone());
        Callback::from(move |_| save_file(&file, "text/csv;charset=utf-8", &make.emit(())))
    };
    html! { <button type="button" class="download" {onclick}>{ &props.label }</button> }
}
