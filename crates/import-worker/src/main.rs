//! The import worker: says `{ready: true}` once loaded, then receives `{name, bytes}` (a local .txt or .docx the person opened),
//! imports it with `gongkai_import`, and answers `{ok: <bundle JSON>}` or `{error: <message>}`.
//! Runs off the main thread, and its wasm is fetched only when first needed.

use gongkai_import::{decode::DecodeError, import_bytes, import_text, ImportError, ImportOptions};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

fn import(name: &str, bytes: &[u8]) -> Result<String, String> {
    let opts = ImportOptions {
        file_name: Some(name.to_string()),
        ..Default::default()
    };
    let bundle = match import_bytes(bytes, &opts) {
        Ok(b) => b,
        Err(ImportError::Decode(DecodeError::LegacyEncoding)) => {
            // GBK/GB18030 text: the browser's own decoder, so no encoding tables in the wasm.
            let text = web_sys::TextDecoder::new_with_label("gb18030")
                .and_then(|d| d.decode_with_u8_array(bytes))
                .map_err(|e| format!("{e:?}"))?;
            import_text(&text, &opts).map_err(|e| e.to_string())?
        }
        Err(e) => return Err(e.to_string()),
    };
    Ok(gongkai_model::to_json(&bundle))
}

fn main() {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
        let data = e.data();
        let name = js_sys::Reflect::get(&data, &"name".into())
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default();
        let bytes = js_sys::Reflect::get(&data, &"bytes".into())
            .map(|b| js_sys::Uint8Array::new(&b).to_vec())
            .unwrap_or_default();
        let answer = js_sys::Object::new();
        let (key, value) = match import(&name, &bytes) {
            Ok(json) => ("ok", json),
            Err(message) => ("error", message),
        };
        let _ = js_sys::Reflect::set(&answer, &key.into(), &value.into());
        let _ = reply_to.post_message(&answer);
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // Messages that arrive before this handler exists would be lost: say when it is ready.
    let ready = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&ready, &"ready".into(), &true.into());
    let _ = scope.post_message(&ready);
}
