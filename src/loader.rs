//! The one loader: fetch a file, turn every failure into a [`LoadError`] naming the file.

use gloo_net::http::Request;
use gongkai_model::i18n::Lang;
use gongkai_model::search::Readings;
use gongkai_model::{parse_bundle_bytes, parse_bundle_in, parse_catalog, Bundle, Catalog, LoadError, MAX_BUNDLE_BYTES};
use gongkai_worker::protocol::{ImportAnswer, ImportRequest, PageProgress, ReadingsAnswer, ReadingsRequest};
use gongkai_worker::{ask, AskError, Message, Wire};

/// The answer static/boot.js started fetching for `url` before the app ran, taken once (a
/// later fetch of the same file, e.g. after opening another, goes to the network or cache).
async fn early_fetch(url: &str) -> Option<Vec<u8>> {
    use wasm_bindgen::JsCast;
    let early = js_sys::Reflect::get(&js_sys::global(), &"gongkaiEarly".into()).ok()?;
    if !early.is_object() {
        return None;
    }
    let promise = js_sys::Reflect::get(&early, &url.into())
        .ok()?
        .dyn_into::<js_sys::Promise>()
        .ok()?;
    let _ = js_sys::Reflect::delete_property(early.unchecked_ref::<js_sys::Object>(), &url.into());
    let buffer = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?;
    Some(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Fetches `url`'s bytes (a bundle is read as bytes: no round trip through a JavaScript string).
/// Uses the early download of static/boot.js when there is one; any failure there is retried
/// here, so errors are always reported by this function, naming the file.
pub async fn fetch_bytes(url: &str) -> Result<Vec<u8>, LoadError> {
    if let Some(bytes) = early_fetch(url).await.filter(|b| b.len() <= MAX_BUNDLE_BYTES) {
        return Ok(bytes);
    }
    let resp = Request::get(url).send().await.map_err(|e| LoadError::Network {
        file: url.to_string(),
        detail: e.to_string(),
    })?;
    if !resp.ok() {
        return Err(LoadError::Http {
            file: url.to_string(),
            status: resp.status(),
            status_text: resp.status_text(),
        });
    }
    let announced = resp
        .headers()
        .get("content-length")
        .and_then(|l| l.parse::<usize>().ok());
    if let Some(bytes) = announced.filter(|&n| n > MAX_BUNDLE_BYTES) {
        return Err(LoadError::TooLarge {
            file: url.to_string(),
            bytes,
            limit: MAX_BUNDLE_BYTES,
        });
    }
    resp.binary().await.map_err(|e| LoadError::Network {
        file: url.to_string(),
        detail: e.to_string(),
    })
}

/// Fetches and parses the catalog (data/index.json).
pub async fn fetch_catalog(url: &str) -> Result<Catalog, LoadError> {
    let bytes = fetch_bytes(url).await?;
    parse_catalog(&String::from_utf8_lossy(&bytes), url)
}

/// Fetches and parses one bundle (size, UTF-8, JSON, format, version, fields, invariants).
pub async fn fetch_bundle(lang: Lang, url: &str) -> Result<Bundle, LoadError> {
    let bytes = fetch_bytes(url).await?;
    crate::mark_once("gongkai:bundle-fetched");
    parse_bundle_bytes(lang, &bytes, url)
}

/// Whether a path stays on this site: relative, no scheme, no "//".
pub fn is_relative(path: &str) -> bool {
    !(path.is_empty()
        || path.contains("://")
        || path.starts_with("//")
        || path.starts_with('/')
        || path.to_ascii_lowercase().starts_with("javascript:")
        || path.contains('\\'))
}

/// A bundle path given in `?bundle=` must stay on this site ([`is_relative`]); the error says
/// so in `lang`.
pub fn check_relative(lang: Lang, path: &str) -> Result<(), LoadError> {
    if !is_relative(path) {
        Err(LoadError::Network {
            file: path.to_string(),
            detail: gongkai_model::tr!(lang, "load.relative_only").into(),
        })
    } else {
        Ok(())
    }
}

/// Largest local file accepted (documents and bundles alike), as the importer's limit.
pub const MAX_LOCAL_BYTES: usize = 64 * 1024 * 1024;

/// Script of the import worker (built by Trunk from crates/import-worker, next to index.html).
const IMPORT_WORKER: &str = "./import-worker_loader.js";
/// The same worker with the PDF reader (a larger download, fetched only when a PDF is opened).
const PDF_IMPORT_WORKER: &str = "./pdf-import-worker_loader.js";

/// What a person tells the viewer about a local document that does not state it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Facts {
    pub year: Option<i32>,
    pub department: Option<String>,
}

/// How far the import worker is: (file index, page, pages) of the PDF being read.
pub type ImportProgress = std::rc::Rc<dyn Fn(usize, usize, usize)>;

/// Opens the local files a person chose or dropped: a bundle (.json) is parsed here; documents
/// (.pdf, .txt, .docx, .xlsx, .xls — several files of one disclosure make one bundle) are
/// imported by the import worker, with the `facts` the person gave for what they do not state,
/// reporting the page being read to `progress`. Nothing is uploaded.
pub async fn open_local_files(
    lang: Lang,
    files: Vec<web_sys::File>,
    facts: Facts,
    progress: ImportProgress,
) -> Result<Bundle, LoadError> {
    let names: Vec<String> = files.iter().map(|f| f.name()).collect();
    let label = names.join(" + ");
    let mut contents: Vec<(String, js_sys::Uint8Array)> = Vec::with_capacity(files.len());
    for (file, name) in files.iter().zip(&names) {
        let size = file.size() as usize;
        if size > MAX_LOCAL_BYTES {
            return Err(LoadError::TooLarge {
                file: name.clone(),
                bytes: size,
                limit: MAX_LOCAL_BYTES,
            });
        }
        let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
            .await
            .map_err(|e| LoadError::Network {
                file: name.clone(),
                detail: format!("{e:?}"),
            })?;
        contents.push((name.clone(), js_sys::Uint8Array::new(&buffer)));
    }
    if let [(name, bytes)] = contents.as_slice() {
        let raw = bytes.to_vec();
        let body = raw.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&raw);
        let looks_json = body.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{');
        if name.to_lowercase().ends_with(".json") || looks_json {
            return parse_bundle_bytes(lang, &raw, name);
        }
    } else if let Some((name, _)) = contents.iter().find(|(n, _)| n.to_lowercase().ends_with(".json")) {
        // A bundle is complete in itself: it does not combine with documents.
        return Err(LoadError::Import {
            file: name.clone(),
            detail: gongkai_model::tr!(lang, "load.bundle_with_documents").into(),
        });
    }
    let json = import_in_worker(lang, &label, &contents, &facts, progress).await?;
    parse_bundle_in(lang, &json, &label)
}

/// Whether the file's first kilobyte has the PDF header (as the importer tests it).
fn starts_like_pdf(bytes: &js_sys::Uint8Array) -> bool {
    let head = bytes.subarray(0, bytes.length().min(1024)).to_vec();
    head.windows(5).any(|w| w == b"%PDF-")
}

/// Sends the documents to the import worker and waits for its answer.
async fn import_in_worker(
    lang: Lang,
    name: &str,
    files: &[(String, js_sys::Uint8Array)],
    facts: &Facts,
    progress: ImportProgress,
) -> Result<String, LoadError> {
    let fail = |detail: String| LoadError::Import {
        file: name.to_string(),
        detail,
    };
    let request = ImportRequest {
        files: files.to_vec(),
        year: facts.year,
        department: facts.department.clone(),
        lang: Some(lang.code().to_string()),
    };
    let on_progress = move |m: Message| {
        if let Ok(p) = PageProgress::from_message(&m) {
            progress(p.file, p.page, p.pages);
        }
    };
    let any_pdf = files
        .iter()
        .any(|(n, b)| n.to_lowercase().ends_with(".pdf") || starts_like_pdf(b));
    let script = if any_pdf { PDF_IMPORT_WORKER } else { IMPORT_WORKER };
    match ask::<ImportAnswer>(script, &request, &on_progress).await {
        Ok(answer) => Ok(answer.bundle),
        Err(AskError::Failed(f)) if !f.missing.is_empty() => Err(LoadError::ImportNeedsFacts {
            file: name.to_string(),
            year: f.missing.iter().any(|m| m == "year"),
            department: f.missing.iter().any(|m| m == "department"),
        }),
        Err(AskError::Failed(f)) => Err(fail(f.message)),
        Err(AskError::Broken(_)) => Err(fail(gongkai_model::tr!(lang, "load.import_crashed").into())),
        Err(AskError::Unreadable(_)) => Err(fail(gongkai_model::tr!(lang, "load.import_no_answer").into())),
    }
}

/// Script of the search worker (built by Trunk from crates/search-worker): pinyin readings.
const SEARCH_WORKER: &str = "./search-worker_loader.js";

// A fetch cache of this browser tab, not app state: the worker's answers for characters are
// the same whoever asks, so keeping them only saves asking again. Nothing here decides what a
// view renders or a model function returns; a view gets readings only through the future of
// `pinyin_readings` and keeps them in its own hook state.
thread_local! {
    /// Readings fetched so far this visit (each character is asked for once).
    static READINGS: std::cell::RefCell<std::rc::Rc<Readings>> = Default::default();
    /// Characters already asked for (some have no reading, e.g. rare variants).
    static ASKED: std::cell::RefCell<std::collections::HashSet<char>> = Default::default();
}

/// Pinyin readings of every character of `chars`, from the search worker (fetched on first use;
/// readings already known this visit are not asked for again). `None` when the worker cannot run.
pub async fn pinyin_readings(chars: &str) -> Option<std::rc::Rc<Readings>> {
    let missing: String = READINGS.with(|r| r.borrow().missing(chars));
    let missing: String = ASKED.with(|a| missing.chars().filter(|c| !a.borrow().contains(c)).collect());
    if missing.is_empty() {
        return Some(READINGS.with(|r| r.borrow().clone()));
    }
    let request = ReadingsRequest { chars: missing.clone() };
    let answer: ReadingsAnswer = ask(SEARCH_WORKER, &request, &|_| {}).await.ok()?;
    let fetched = Readings::parse(&answer.readings);
    ASKED.with(|a| a.borrow_mut().extend(missing.chars()));
    Some(READINGS.with(|r| {
        let mut all = (**r.borrow()).clone();
        all.merge(fetched);
        let all = std::rc::Rc::new(all);
        *r.borrow_mut() = all.clone();
        all
    }))
}
