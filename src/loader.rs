//! The one loader: fetch a file, turn every failure into a [`LoadError`] naming the file.

use gloo_net::http::Request;
use gongkai_model::{parse_bundle, parse_catalog, Bundle, Catalog, LoadError, MAX_BUNDLE_BYTES};

/// Fetches `url` as text.
pub async fn fetch_text(url: &str) -> Result<String, LoadError> {
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
    let text = resp.text().await.map_err(|e| LoadError::Network {
        file: url.to_string(),
        detail: e.to_string(),
    })?;
    if text.len() > MAX_BUNDLE_BYTES {
        return Err(LoadError::TooLarge {
            file: url.to_string(),
            bytes: text.len(),
            limit: MAX_BUNDLE_BYTES,
        });
    }
    Ok(text)
}

/// Fetches and parses the catalog (data/index.json).
pub async fn fetch_catalog(url: &str) -> Result<Catalog, LoadError> {
    parse_catalog(&fetch_text(url).await?, url)
}

/// Fetches and parses one bundle.
pub async fn fetch_bundle(url: &str) -> Result<Bundle, LoadError> {
    let text = fetch_text(url).await?;
    crate::mark_once("gongkai:bundle-fetched");
    parse_bundle(&text, url)
}

/// A bundle path given in `?bundle=` must stay on this site: relative, no scheme, no "//".
pub fn check_relative(path: &str) -> Result<(), LoadError> {
    let bad = path.is_empty()
        || path.contains("://")
        || path.starts_with("//")
        || path.starts_with('/')
        || path.to_ascii_lowercase().starts_with("javascript:")
        || path.contains('\\');
    if bad {
        Err(LoadError::Network {
            file: path.to_string(),
            detail: "?bundle= 只接受本站内的相对路径，例如 data/xxx.json".into(),
        })
    } else {
        Ok(())
    }
}

/// Largest local file accepted (documents and bundles alike), as the importer's limit.
pub const MAX_LOCAL_BYTES: usize = 64 * 1024 * 1024;

/// Script of the import worker (built by Trunk from crates/import-worker, next to index.html).
const IMPORT_WORKER: &str = "./import-worker_loader.js";

/// Opens a local file the person chose or dropped: a bundle (.json) is parsed here, a document
/// (.txt, .docx) is imported by the import worker. Nothing is uploaded.
pub async fn open_local_file(file: web_sys::File) -> Result<Bundle, LoadError> {
    let name = file.name();
    let size = file.size() as usize;
    if size > MAX_LOCAL_BYTES {
        return Err(LoadError::TooLarge {
            file: name,
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
    let bytes = js_sys::Uint8Array::new(&buffer);
    let raw = bytes.to_vec();
    let body = raw.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&raw);
    let looks_json = body.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{');
    if name.to_lowercase().ends_with(".json") || looks_json {
        let text = std::str::from_utf8(&raw).map_err(|e| LoadError::Syntax {
            file: name.clone(),
            line: 1,
            column: e.valid_up_to() + 1,
            detail: "not UTF-8 text".into(),
        })?;
        return parse_bundle(text, &name);
    }
    let json = import_in_worker(&name, &bytes).await?;
    parse_bundle(&json, &name)
}

/// Sends the document to the import worker and waits for its answer.
async fn import_in_worker(name: &str, bytes: &js_sys::Uint8Array) -> Result<String, LoadError> {
    use wasm_bindgen::{closure::Closure, JsCast, JsValue};
    let fail = |detail: String| LoadError::Import {
        file: name.to_string(),
        detail,
    };
    let worker = web_sys::Worker::new(IMPORT_WORKER).map_err(|e| fail(format!("导入程序无法启动（{e:?}）")))?;
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"name".into(), &name.into());
    let _ = js_sys::Reflect::set(&message, &"bytes".into(), bytes);
    // The worker first says it is ready, then answers the one document it is sent.
    let next_message = |worker: &web_sys::Worker| {
        js_sys::Promise::new(&mut |resolve, reject| {
            let on_message = Closure::once_into_js(move |e: web_sys::MessageEvent| {
                let _ = resolve.call1(&JsValue::NULL, &e.data());
            });
            let on_error = Closure::once_into_js(move |e: JsValue| {
                let _ = reject.call1(&JsValue::NULL, &e);
            });
            worker.set_onmessage(Some(on_message.unchecked_ref()));
            worker.set_onerror(Some(on_error.unchecked_ref()));
        })
    };
    let broken = |_| fail("导入程序出错（可能是文件过大或浏览器内存不足）".into());
    let ready = wasm_bindgen_futures::JsFuture::from(next_message(&worker)).await;
    if let Err(e) = ready {
        worker.terminate();
        return Err(broken(e));
    }
    let answer = next_message(&worker);
    worker.post_message(&message).map_err(|e| fail(format!("{e:?}")))?;
    let reply = wasm_bindgen_futures::JsFuture::from(answer).await;
    worker.terminate();
    let reply = reply.map_err(broken)?;
    let get = |k: &str| js_sys::Reflect::get(&reply, &k.into()).ok().and_then(|v| v.as_string());
    match (get("ok"), get("error")) {
        (Some(json), _) => Ok(json),
        (_, Some(message)) => Err(fail(message)),
        _ => Err(fail("导入程序没有返回结果".into())),
    }
}
