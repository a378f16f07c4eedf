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
    parse_bundle(&fetch_text(url).await?, url)
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

/// Largest local file accepted (documents and bundles alike).
pub const MAX_LOCAL_BYTES: usize = gongkai_import::MAX_DOCUMENT_BYTES;

/// Opens a local file the person chose or dropped: a bundle (.json) is parsed, a document (.txt,
/// .docx) is imported in the browser. Nothing is uploaded. `name` is used in messages.
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
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    open_local_bytes(&name, &bytes)
}

/// The decision behind [`open_local_file`], separated from the browser's File API.
pub fn open_local_bytes(name: &str, bytes: &[u8]) -> Result<Bundle, LoadError> {
    let lower = name.to_lowercase();
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let looks_json = body.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{');
    if lower.ends_with(".json") || looks_json {
        let text = std::str::from_utf8(bytes).map_err(|e| LoadError::Syntax {
            file: name.to_string(),
            line: 1,
            column: e.valid_up_to() + 1,
            detail: "not UTF-8 text".into(),
        })?;
        return parse_bundle(text, name);
    }
    let opts = gongkai_import::ImportOptions {
        file_name: Some(name.to_string()),
        ..Default::default()
    };
    let import_error = |e: gongkai_import::ImportError| LoadError::Import {
        file: name.to_string(),
        detail: e.to_string(),
    };
    match gongkai_import::import_bytes(bytes, &opts) {
        Ok(b) => Ok(b),
        Err(gongkai_import::ImportError::Decode(gongkai_import::decode::DecodeError::LegacyEncoding)) => {
            // GBK/GB18030 text: the browser decodes it.
            let text = web_sys::TextDecoder::new_with_label("gb18030")
                .and_then(|d| d.decode_with_u8_array(bytes))
                .map_err(|e| LoadError::Import {
                    file: name.to_string(),
                    detail: format!("{e:?}"),
                })?;
            gongkai_import::import_text(&text, &opts).map_err(import_error)
        }
        Err(e) => Err(import_error(e)),
    }
}
