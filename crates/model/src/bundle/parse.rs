//! Reading a bundle from JSON text, with errors that say where and what.

use crate::bundle::{Bundle, FORMAT_NAME, FORMAT_VERSION, MIN_FORMAT_VERSION};
use crate::error::LoadError;
use crate::i18n::Lang;
use crate::validate::structural_problems;
use serde::Deserialize;

/// Largest bundle file the viewer reads (the seed is ~100 KB; 64 MB leaves room for big counties).
pub const MAX_BUNDLE_BYTES: usize = 64 * 1024 * 1024;

/// Parses and checks a bundle from the bytes of a file (what the viewer fetches and what the CLI
/// reads): as [`parse_bundle`], after checking the size and that the bytes are UTF-8. A bundle
/// saved in another encoding (GBK, UTF-16) is reported with the line and column of its first
/// byte that is not UTF-8.
pub fn parse_bundle_bytes(lang: Lang, bytes: &[u8], file: &str) -> Result<Bundle, LoadError> {
    if bytes.len() > MAX_BUNDLE_BYTES {
        return Err(LoadError::TooLarge {
            file: file.to_string(),
            bytes: bytes.len(),
            limit: MAX_BUNDLE_BYTES,
        });
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => parse_bundle_in(lang, text, file),
        Err(e) => {
            let valid = &bytes[..e.valid_up_to()];
            let line_start = valid.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
            // Valid UTF-8 up to here, so the column counts characters.
            let column = String::from_utf8_lossy(&valid[line_start..]).chars().count() + 1;
            Err(LoadError::Syntax {
                file: file.to_string(),
                line: valid.iter().filter(|&&b| b == b'\n').count() + 1,
                column,
                detail: crate::tr!(lang, "load.not_utf8", e.valid_up_to() + 1),
            })
        }
    }
}

/// Only the header, read first so a bundle of another version is reported as such and not as a
/// confusing field error.
#[derive(Deserialize)]
struct Header {
    format: Option<serde_json::Value>,
    version: Option<serde_json::Value>,
}

/// Parses and checks a bundle: [`parse_bundle_in`] with the structural problems in Chinese (the
/// CLI's data tools and the tests; the viewer and `gongkai validate` give their language).
pub fn parse_bundle(text: &str, file: &str) -> Result<Bundle, LoadError> {
    parse_bundle_in(Lang::Zh, text, file)
}

/// Parses and checks a bundle. `file` is the name used in error messages; the structural
/// problems a bundle is refused for are worded in `lang`.
///
/// Order: size → JSON syntax (line, column) → format name → version → fields (JSON path, line,
/// column) → structural invariants (counts, duplicates, negative amounts where impossible).
pub fn parse_bundle_in(lang: Lang, text: &str, file: &str) -> Result<Bundle, LoadError> {
    let file = file.to_string();
    if text.len() > MAX_BUNDLE_BYTES {
        return Err(LoadError::TooLarge {
            file,
            bytes: text.len(),
            limit: MAX_BUNDLE_BYTES,
        });
    }
    // A UTF-8 byte-order mark is harmless; strip it rather than fail on it.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);

    // The happy path parses once; only a failure pays for the header checks that choose the
    // most useful message (a bundle of another version is reported as such, not as field errors).
    let mut bundle: Bundle = match serde_json::from_str::<Bundle>(text) {
        Ok(b) if b.format == FORMAT_NAME && (MIN_FORMAT_VERSION..=FORMAT_VERSION).contains(&b.version) => b,
        Ok(_) => return Err(header_error(text, &file).unwrap_or(LoadError::NotABundle { file, found: None })),
        Err(e) => {
            if let Some(better) = header_error(text, &file) {
                return Err(better);
            }
            return Err(if e.is_data() {
                LoadError::Field {
                    file: file.clone(),
                    path: crate::json_path::path_at(text, e.line(), e.column()),
                    line: e.line(),
                    column: e.column(),
                    detail: strip_position(&e.to_string()),
                }
            } else {
                syntax_or_not_bundle(&file, e)
            });
        }
    };

    // Versions 1 and 2 lack only optional parts: reading them as the current version is the whole
    // migration.
    bundle.version = FORMAT_VERSION;
    let problems = structural_problems(lang, &bundle);
    if !problems.is_empty() {
        return Err(LoadError::Invalid { file, problems });
    }
    Ok(bundle)
}

/// The error the header (format name, version) explains, if any; `None` when the header is fine.
fn header_error(text: &str, file: &str) -> Option<LoadError> {
    let file = file.to_string();
    let header: Header = match serde_json::from_str(text) {
        Ok(h) => h,
        Err(e) => return Some(syntax_or_not_bundle(&file, e)),
    };
    if !text.trim_start().starts_with('{') {
        // Valid JSON, but an array, string or number: not a bundle at all.
        return Some(LoadError::NotABundle { file, found: None });
    }
    match header.format {
        Some(serde_json::Value::String(ref f)) if f == FORMAT_NAME => {}
        Some(other) => {
            let found = match other {
                serde_json::Value::String(s) => s,
                v => v.to_string(),
            };
            return Some(LoadError::NotABundle {
                file,
                found: Some(found),
            });
        }
        None => return Some(LoadError::NotABundle { file, found: None }),
    }
    match header.version.as_ref().and_then(|v| v.as_u64()) {
        Some(v) if (u64::from(MIN_FORMAT_VERSION)..=u64::from(FORMAT_VERSION)).contains(&v) => {}
        Some(v) => {
            return Some(LoadError::UnsupportedVersion {
                file,
                found: v,
                supported: FORMAT_VERSION,
            })
        }
        None => {
            return Some(LoadError::Field {
                file,
                path: "version".into(),
                line: 1,
                column: 1,
                detail: "missing or not a whole number".into(),
            })
        }
    }

    None
}

fn syntax_or_not_bundle(file: &str, e: serde_json::Error) -> LoadError {
    use serde_json::error::Category;
    match e.classify() {
        Category::Data => LoadError::Field {
            file: file.to_string(),
            path: "(top level)".into(),
            line: e.line(),
            column: e.column(),
            detail: strip_position(&e.to_string()),
        },
        _ => LoadError::Syntax {
            file: file.to_string(),
            line: e.line(),
            column: e.column(),
            detail: strip_position(&e.to_string()),
        },
    }
}

/// serde_json appends " at line L column C"; the message states them separately.
fn strip_position(s: &str) -> String {
    match s.rfind(" at line ") {
        Some(i) => s[..i].to_string(),
        None => s.to_string(),
    }
}

/// Writes a bundle as pretty JSON (the form committed in data/), ending in a newline.
pub fn to_json(bundle: &Bundle) -> String {
    let mut s = serde_json::to_string_pretty(bundle).expect("a bundle always serialises");
    s.push('\n');
    s
}
