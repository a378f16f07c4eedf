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
