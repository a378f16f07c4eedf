//! The two workers' requests and answers: the search worker gives the pinyin readings of
//! characters, the import worker makes a bundle of local documents.

use crate::{Message, Wire};
use wasm_bindgen::JsCast;

/// To the search worker: the characters whose pinyin readings are wanted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadingsRequest {
    pub chars: String,
}

/// The search worker's answer: the readings as `gongkai_model::search::Readings` writes them
/// (`字 reading reading…` a line).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadingsAnswer {
    pub readings: String,
}

/// To the import worker: the documents of one disclosure, the facts the person supplied for what
/// they do not state, and the language of the messages ("zh-CN", "en").
#[derive(Debug, Clone)]
pub struct ImportRequest {
    /// Each file's name and bytes.
    pub files: Vec<(String, js_sys::Uint8Array)>,
    pub year: Option<i32>,
    /// Never blank (a blank one reads as none).
    pub department: Option<String>,
    pub lang: Option<String>,
}

/// The import worker's answer: the bundle, as JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportAnswer {
    pub bundle: String,
}

/// How far an import is: page `page` of `pages` of the PDF `files[file]` is being read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageProgress {
    pub file: usize,
    pub page: usize,
    pub pages: usize,
}

fn text(m: &Message, key: &str) -> Result<String, String> {
    m.text(key).ok_or_else(|| format!("{key}: not text"))
}

fn count(m: &Message, key: &str) -> Result<usize, String> {
    match m.number(key) {
        Some(n) if n >= 0.0 && n.fract() == 0.0 && n <= u32::MAX as f64 => Ok(n as usize),
        _ => Err(format!("{key}: not a count")),
    }
}

/// A message of one text field, named as the type's field.
macro_rules! one_text {
    ($($t:ident { $field:ident }),*) => {$(
        impl Wire for $t {
            fn to_message(&self) -> Message {
                Message::new().with(stringify!($field), self.$field.as_str())
            }
            fn from_message(m: &Message) -> Result<Self, String> {
                Ok($t { $field: text(m, stringify!($field))? })
            }
        }
    )*};
}

one_text!(
    ReadingsRequest { chars },
    ReadingsAnswer { readings },
    ImportAnswer { bundle }
);

impl Wire for ImportRequest {
    fn to_message(&self) -> Message {
        let list = js_sys::Array::new();
        for (name, bytes) in &self.files {
            list.push(
                Message::new()
                    .with("name", name.as_str())
                    .with("bytes", bytes.clone())
                    .as_js(),
            );
        }
        let mut m = Message::new().with("files", list);
        if let Some(lang) = &self.lang {
            m = m.with("lang", lang.as_str());
        }
        if let Some(y) = self.year {
            m = m.with("year", f64::from(y));
        }
        if let Some(d) = &self.department {
            m = m.with("department", d.as_str());
        }
        m
    }
    fn from_message(m: &Message) -> Result<Self, String> {
        let list = m.get("files");
        if !js_sys::Array::is_array(&list) {
            return Err("files: not a list".into());
        }
        let files = js_sys::Array::from(&list)
            .iter()
            .map(|f| {
                let f = Message::from_js(f);
                let bytes = f
                    .get("bytes")
                    .dyn_into::<js_sys::Uint8Array>()
                    .map_err(|_| "files: bytes: not a Uint8Array".to_string())?;
                Ok((text(&f, "name")?, bytes))
            })
            .collect::<Result<_, String>>()?;
        let year = match m.has("year") {
            true => Some(i32::try_from(count(m, "year")?).map_err(|_| "year: too large".to_string())?),
            false => None,
        };
        Ok(ImportRequest {
            files,
            year,
            department: m.text("department").filter(|d| !d.trim().is_empty()),
            lang: m.text("lang"),
        })
    }
}

impl Wire for PageProgress {
    fn to_message(&self) -> Message {
        Message::new()
            .with("file", self.file as f64)
            .with("page", self.page as f64)
            .with("pages", self.pages as f64)
    }
    fn from_message(m: &Message) -> Result<Self, String> {
        Ok(PageProgress {
            file: count(m, "file")?,
            page: count(m, "page")?,
            pages: count(m, "pages")?,
        })
    }
}
