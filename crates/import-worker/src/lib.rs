//! The import worker: says `{ready: true}` once loaded, then receives `{files: [{name, bytes}],
//! year?, department?}` (the local documents the person opened — .pdf, .txt, .docx, Excel — of
//! one disclosure, and the facts they supplied), imports them into one bundle with
//! `gongkai_import` (messages in `lang`, "zh" or "en", when given), and answers `{ok: <bundle JSON>}`, `{error: <message>}`, or `{error, missing:
//! "year,department"}` when the documents do not state the year or department (the viewer then
//! asks for them). While a PDF is read it posts `{progress: "file,page,pages"}` before each page.
//! Each PDF is given 10 s; a slower one stops with a clear message.
//! Runs off the main thread, and its wasm is fetched only when a document is opened. Built twice
//! (src/bin): `import-worker` for text, Word and Excel, and `pdf-import-worker` with the PDF
//! reader (the `pdf` feature), fetched only when a PDF is opened, so the common case stays small.

use gongkai_import::narrative::MissingFact;
use gongkai_import::{
    decode::DecodeError, import_documents, import_text, Document, DocumentError, ImportError, ImportOptions, Progress,
};
use gongkai_model::i18n::Lang;
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

impl Failure {
    /// Why the import stopped, in `lang` (the viewer names the files itself: the message names
    /// one only when several were given).
    fn of(e: ImportError, lang: Lang) -> Failure {
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
            message: e.message(lang),
            missing,
        }
    }
}

/// Seconds a PDF may take to read in the worker before it stops with a message.
const PDF_SECONDS: f64 = 10.0;

fn import(
    files: &[(String, Vec<u8>)],
    year: Option<i32>,
    department: Option<String>,
    lang: Lang,
    report: &dyn Fn(Progress),
) -> Result<String, Failure> {
    let opts = ImportOptions {
        year,
        department,
        lang,
        ..Default::default()
    };
    let docs: Vec<Document> = files.iter().map(|(name, bytes)| Document { name, bytes }).collect();
    let mut limit = gongkai_import::PerFileLimit::new(PDF_SECONDS, js_sys::Date::now);
    let mut keep_going = |p: Progress| {
        report(p);
        limit.keep_going(p)
    };
    let bundle = match import_documents(&docs, &opts, &mut keep_going) {
        Ok(b) => b,
        Err(DocumentError {
            error: ImportError::Decode(DecodeError::LegacyEncoding),
            ..
        }) if files.len() == 1 => {
            // GBK/GB18030 text: the browser's own decoder, so no encoding tables in the wasm.
            let text = web_sys::TextDecoder::new_with_label("gb18030")
                .and_then(|d| d.decode_with_u8_array(&files[0].1))
                .map_err(|e| format!("{e:?}"))?;
            let opts = ImportOptions {
                file_name: Some(files[0].0.clone()),
                ..opts
            };
            import_text(&text, &opts).map_err(|e| Failure::of(e, lang))?
        }
        Err(e) if files.len() > 1 => {
            return Err(Failure {
                message: e.message(lang),
                missing: Failure::of(e.error, lang).missing,
            })
        }
        Err(e) => return Err(Failure::of(e.error, lang)),
    };
    Ok(gongkai_model::to_json(&bundle))
}

/// Starts the worker: installs the message handler and says it is ready.
pub fn run() {
    panic_hook(Lang::default());
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
        let data = e.data();
        // Messages in the viewer's language.
        let lang = js_sys::Reflect::get(&data, &"lang".into())
            .ok()
            .and_then(|v| v.as_string())
            .and_then(|l| Lang::parse(&l))
            .unwrap_or_default();
        panic_hook(lang);
        let list = js_sys::Reflect::get(&data, &"files".into()).unwrap_or_default();
        let files: Vec<(String, Vec<u8>)> = js_sys::Array::from(&list)
            .iter()
            .map(|f| {
                let name = js_sys::Reflect::get(&f, &"name".into())
                    .ok()
                    .and_then(|v| v.as_string())
                    .unwrap_or_default();
                let bytes = js_sys::Reflect::get(&f, &"bytes".into())
                    .map(|b| js_sys::Uint8Array::new(&b).to_vec())
                    .unwrap_or_default();
                (name, bytes)
            })
            .collect();
        let year = js_sys::Reflect::get(&data, &"year".into())
            .ok()
            .and_then(|v| v.as_f64())
            .map(|y| y as i32);
        let department = js_sys::Reflect::get(&data, &"department".into())
            .ok()
            .and_then(|v| v.as_string())
            .filter(|d| !d.trim().is_empty());
        let answer = js_sys::Object::new();
        let progress_to = reply_to.clone();
        let report = move |p: Progress| {
            let Progress::Page { file, page, pages } = p;
            let message = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&message, &"progress".into(), &format!("{file},{page},{pages}").into());
            let _ = progress_to.post_message(&message);
        };
        match import(&files, year, department, lang, &report) {
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

/// The release build aborts on a panic (a damaged file can make the PDF reader panic): say so
/// to the page first, in `lang`, so the person reads what happened rather than a generic
/// failure.
fn panic_hook(lang: Lang) {
    std::panic::set_hook(Box::new(move |info| {
        let why = info
            .payload()
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| info.payload().downcast_ref::<&str>().copied())
            .unwrap_or("");
        let answer = js_sys::Object::new();
        let message = lang.tf("pdf.reader_failed", &[&why]);
        let _ = js_sys::Reflect::set(&answer, &"error".into(), &message.into());
        let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let _ = scope.post_message(&answer);
    }));
}
