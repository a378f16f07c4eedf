//! The import worker: receives an `ImportRequest` (the local documents the person opened — .pdf,
//! .txt, .docx, Excel — of one disclosure, the facts they supplied and the language of the
//! messages), imports them into one bundle with `gongkai_import`, and answers an `ImportAnswer`
//! (the bundle's JSON) or a failure naming the facts the documents do not state, if that is why
//! (the viewer then asks for them). While a PDF is read it reports a `PageProgress` before each
//! page. Each PDF is given 10 s; a slower one stops with a clear message. The messages go through
//! `gongkai_worker` (`gongkai_worker::protocol`).
//! Runs off the main thread, and its wasm is fetched only when a document is opened. Built twice
//! (src/bin): `import-worker` for text, Word and Excel, and `pdf-import-worker` with the PDF
//! reader (the `pdf` feature), fetched only when a PDF is opened, so the common case stays small.

use gongkai_import::narrative::MissingFact;
use gongkai_import::{
    decode::DecodeError, import_documents, import_text, Document, DocumentError, ImportError, ImportOptions, Progress,
};
use gongkai_model::i18n::Lang;
use gongkai_worker::protocol::{ImportAnswer, ImportRequest, PageProgress};
use gongkai_worker::Failure;

/// The failure an import error is: its message in `lang` and, for a document that does not
/// state them, the facts the person can supply.
fn failure(e: ImportError, lang: Lang) -> Failure {
    let missing = match &e {
        ImportError::Missing(facts) => facts
            .iter()
            .map(|f| match f {
                MissingFact::Year => "year".to_string(),
                MissingFact::Department => "department".to_string(),
            })
            .collect(),
        _ => Vec::new(),
    };
    Failure {
        message: e.message(lang),
        missing,
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
                .map_err(|e| Failure::from(format!("{e:?}")))?;
            let opts = ImportOptions {
                file_name: Some(files[0].0.clone()),
                ..opts
            };
            import_text(&text, &opts).map_err(|e| failure(e, lang))?
        }
        // The viewer names the files itself: the message names one only when several were given.
        Err(e) if files.len() > 1 => {
            return Err(Failure {
                message: e.message(lang),
                missing: failure(e.error, lang).missing,
            })
        }
        Err(e) => return Err(failure(e.error, lang)),
    };
    Ok(gongkai_model::to_json(&bundle))
}

/// Starts the worker: installs the message handler and says it is ready.
pub fn run() {
    panic_hook(Lang::default());
    gongkai_worker::serve(|q: ImportRequest, replies| {
        // Messages in the viewer's language.
        let lang = q.lang.as_deref().and_then(Lang::parse).unwrap_or_default();
        panic_hook(lang);
        let files: Vec<(String, Vec<u8>)> = q
            .files
            .iter()
            .map(|(name, bytes)| (name.clone(), bytes.to_vec()))
            .collect();
        let report = |p: Progress| {
            let Progress::Page { file, page, pages } = p;
            replies.progress(&PageProgress { file, page, pages });
        };
        let bundle = import(&files, q.year, q.department, lang, &report)?;
        Ok(ImportAnswer { bundle })
    });
}

/// The release build aborts on a panic (a damaged file can make the PDF reader panic): say so to
/// the page first, in `lang`, so the person reads what happened rather than a generic failure.
fn panic_hook(lang: Lang) {
    std::panic::set_hook(Box::new(move |info| {
        let why = info
            .payload()
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| info.payload().downcast_ref::<&str>().copied())
            .unwrap_or("");
        gongkai_worker::post_failure(&Failure::from(lang.tf("pdf.reader_failed", &[&why])));
    }));
}
