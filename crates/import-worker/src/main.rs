//! The import worker: says `{ready: true}` once loaded, then receives `{name, bytes, year?,
//! department?}` (a local .txt, .docx or Excel workbook the person opened, and the facts they
//! supplied), imports it with `gongkai_import`, and answers `{ok: <bundle JSON>}`,
//! `{error: <message>}`, or `{error, missing: "year,department"}` when the document does not state
//! its year or department (the viewer then asks for them).
//! Runs off the main thread, and its wasm is fetched only when first needed.

use gongkai_import::narrative::MissingFact;
use gongkai_import::{decode::DecodeError, import_bytes, import_text, ImportError, ImportOptions};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Why an import failed: the message, and which facts the document does not state.
struct Failure {
    message: String,
    missing: Vec<&'static str>,
}

impl From<String> for Failure {
    fn from(message: String) -> Failure {
        Failure {
            message,
            missing: Vec::new(),
        }
    }
}

impl From<ImportError> for Failure {
    fn from(e: ImportError) -> Failure {
        let missing = match &e {
            ImportError::Missing(facts) => facts
                .iter()
                .map(|f| match f {
                    MissingFact::Year => "year",
                    MissingFact::Department => "department",
                })
                .collect(),
            _ => Vec::new(),
        };
        Failure {
            message: e.to_string(),
            missing,
        }
    }
}

fn import(name: &str, bytes: &[u8], year: Option<i32>, department: Option<String>) -> Result<String, Failure> {
    let opts = ImportOptions {
        file_name: Some(name.to_string()),
        year,
        department,
        ..Default::default()
    };
    let bundle = match import_bytes(bytes, &opts) {
        Ok(b) => b,
        Err(ImportError::Decode(DecodeError::LegacyEncoding)) => {
            // GBK/GB18030 text: the browser's own decoder, so no encoding tables in the wasm.
            let text = web_sys::TextDecoder::new_with_label("gb18030")
                .and_then(|d| d.decode_with_u8_array(bytes))
                .map_err(|e| format!("{e:?}"))?;
            import_text(&text, &opts)?
        }
        Err(e) => return Err(e.into()),
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
        let year = js_sys::Reflect::get(&data, &"year".into())
            .ok()
            .and_then(|v| v.as_f64())
            .map(|y| y as i32);
        let department = js_sys::Reflect::get(&data, &"department".into())
            .ok()
            .and_then(|v| v.as_string())
            .filter(|d| !d.trim().is_empty());
        let answer = js_sys::Object::new();
        match import(&name, &bytes, year, department) {
            Ok(json) => {
                let _ = js_sys::Reflect::set(&answer, &"ok".into(), &json.into());
            }
            Err(f) => {
                let _ = js_sys::Reflect::set(&answer, &"error".into(), &f.message.into());
                if !f.missing.is_empty() {
                    let _ = js_sys::Reflect::set(&answer, &"missing".into(), &f.missing.join(",").into());
                }
            }
        }
        let _ = reply_to.post_message(&answer);
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // Messages that arrive before this handler exists would be lost: say when it is ready.
    let ready = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&ready, &"ready".into(), &true.into());
    let _ = scope.post_message(&ready);
}
