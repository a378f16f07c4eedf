//! The one error type for getting a bundle on screen, with the words a person reads.
//!
//! Every variant names the file; [`LoadError::message_zh`] and [`LoadError::message_en`] are the
//! only places user-facing error text is written. The app's error view and the CLI both use them.

use std::fmt;

/// Why a bundle (or the catalog) could not be shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// The server answered with an HTTP error status.
    Http {
        file: String,
        status: u16,
        status_text: String,
    },
    /// The request failed before any answer (offline, blocked, bad URL).
    Network { file: String, detail: String },
    /// The file is not valid JSON (or not UTF-8 text).
    Syntax {
        file: String,
        line: usize,
        column: usize,
        detail: String,
    },
    /// The JSON is not a Gongkai bundle: the `format` field is missing or different.
    NotABundle { file: String, found: Option<String> },
    /// A Gongkai bundle of a version this viewer cannot read.
    UnsupportedVersion { file: String, found: u64, supported: u32 },
    /// Valid JSON of the right version, but a field has the wrong type or value.
    Field {
        file: String,
        path: String,
        line: usize,
        column: usize,
        detail: String,
    },
    /// The bundle parsed but breaks an invariant the viewer relies on.
    Invalid { file: String, problems: Vec<String> },
    /// The file is larger than the viewer accepts.
    TooLarge { file: String, bytes: usize, limit: usize },
    /// A local document could not be imported (unreadable, not a disclosure…).
    Import { file: String, detail: String },
    /// A local document does not state its fiscal year or department (`year`, `department`: which
    /// is missing); the viewer asks for it rather than guess.
    ImportNeedsFacts { file: String, year: bool, department: bool },
}

impl LoadError {
    /// The file (path or URL) the error is about.
    pub fn file(&self) -> &str {
        match self {
            LoadError::Http { file, .. }
            | LoadError::Network { file, .. }
            | LoadError::Syntax { file, .. }
            | LoadError::NotABundle { file, .. }
            | LoadError::UnsupportedVersion { file, .. }
            | LoadError::Field { file, .. }
            | LoadError::Invalid { file, .. }
            | LoadError::TooLarge { file, .. }
            | LoadError::Import { file, .. }
            | LoadError::ImportNeedsFacts { file, .. } => file,
        }
    }

    /// A short Chinese headline for the error.
    pub fn title_zh(&self) -> &'static str {
        match self {
            LoadError::Http { .. } | LoadError::Network { .. } => "无法获取数据文件",
            LoadError::Syntax { .. } => "数据文件格式错误",
            LoadError::NotABundle { .. } => "不是公开预算数据包",
            LoadError::UnsupportedVersion { .. } => "数据包版本不受支持",
            LoadError::Field { .. } => "数据包字段错误",
            LoadError::Invalid { .. } => "数据包内容不一致",
            LoadError::TooLarge { .. } => "数据文件过大",
            LoadError::Import { .. } => "无法导入文档",
            LoadError::ImportNeedsFacts { .. } => "请补充文件没有写明的信息",
        }
    }

    /// A short English headline for the error.
    pub fn title_en(&self) -> &'static str {
        match self {
            LoadError::Http { .. } | LoadError::Network { .. } => "Cannot fetch the data file",
            LoadError::Syntax { .. } => "The data file is not valid JSON",
            LoadError::NotABundle { .. } => "Not a budget-disclosure bundle",
            LoadError::UnsupportedVersion { .. } => "Unsupported bundle version",
            LoadError::Field { .. } => "A field of the bundle is wrong",
            LoadError::Invalid { .. } => "The bundle contradicts itself",
            LoadError::TooLarge { .. } => "The data file is too large",
            LoadError::Import { .. } => "Cannot import the document",
            LoadError::ImportNeedsFacts { .. } => "Tell us what the document does not say",
        }
    }

    /// The headline in the current interface language.
    pub fn title(&self) -> &'static str {
        match crate::i18n::lang() {
            crate::i18n::Lang::Zh => self.title_zh(),
            crate::i18n::Lang::En => self.title_en(),
        }
    }

    /// The full message in the current interface language.
    pub fn message(&self) -> String {
        match crate::i18n::lang() {
            crate::i18n::Lang::Zh => self.message_zh(),
            crate::i18n::Lang::En => self.message_en(),
        }
    }

    /// The full Chinese message: what went wrong, where, and what to do.
    pub fn message_zh(&self) -> String {
        match self {
            LoadError::Http {
                file,
                status,
                status_text,
            } => {
                format!("读取 {file} 时服务器返回 HTTP {status} {status_text}。请检查地址是否正确。")
            }
            LoadError::Network { file, detail } => {
                format!("无法连接服务器读取 {file}（{detail}）。请检查网络后重试。")
            }
            LoadError::Syntax {
                file,
                line,
                column,
                detail,
            } => {
                format!("{file} 不是有效的 JSON：第 {line} 行第 {column} 列，{detail}。")
            }
            LoadError::NotABundle { file, found } => match found {
                Some(f) => format!("{file} 的 format 字段为“{f}”，应为“gongkai-bundle”。"),
                None => format!("{file} 缺少 format 字段，不是公开预算数据包。"),
            },
            LoadError::UnsupportedVersion { file, found, supported } => format!(
                "{file} 是第 {found} 版数据包，本查看器只能读取第 {supported} 版。请更新查看器或重新导出数据包。"
            ),
            LoadError::Field {
                file,
                path,
                line,
                column,
                detail,
            } => {
                format!("{file} 第 {line} 行第 {column} 列，字段 {path}：{detail}。")
            }
            LoadError::Invalid { file, problems } => {
                format!("{file} 的数据未通过检查：{}", problems.join("；"))
            }
            LoadError::Import { file, detail } => format!(
                "{file} 无法导入：{detail}。支持的文件：PDF（含文字的，不含扫描件）、Word 文档（.docx）、Excel 预算表（.xlsx/.xls）、文本（.txt，UTF-8/UTF-16/GBK）和数据包（.json）。"
            ),
            LoadError::ImportNeedsFacts { file, year, department } => format!(
                "{file} 没有写明{}，公开查看器不会自行推断。请在下面填写（以原文件为准），再导入。",
                [(*year, "预算年度"), (*department, "部门名称")].iter().filter(|(m, _)| *m).map(|(_, w)| *w).collect::<Vec<_>>().join("和")
            ),
            LoadError::TooLarge { file, bytes, limit } => format!(
                "{file} 大小为 {} MB，超过上限 {} MB。",
                bytes / 1_000_000,
                limit / 1_000_000
            ),
        }
    }

    /// The same message in English (CLI output, logs).
    pub fn message_en(&self) -> String {
        match self {
            LoadError::Http {
                file,
                status,
                status_text,
            } => {
                format!("{file}: the server answered HTTP {status} {status_text}")
            }
            LoadError::Network { file, detail } => format!("{file}: could not be fetched ({detail})"),
            LoadError::Syntax {
                file,
                line,
                column,
                detail,
            } => {
                format!("{file}:{line}:{column}: not valid JSON: {detail}")
            }
            LoadError::NotABundle { file, found } => match found {
                Some(f) => format!("{file}: format is \"{f}\", expected \"gongkai-bundle\""),
                None => format!("{file}: no \"format\" field; not a Gongkai bundle"),
            },
            LoadError::UnsupportedVersion { file, found, supported } => {
                format!("{file}: bundle format version {found} is not supported (this build reads version {supported})")
            }
            LoadError::Field {
                file,
                path,
                line,
                column,
                detail,
            } => {
                format!("{file}:{line}:{column}: field {path}: {detail}")
            }
            LoadError::Invalid { file, problems } => {
                format!("{file}: invalid bundle: {}", problems.join("; "))
            }
            LoadError::TooLarge { file, bytes, limit } => {
                format!("{file}: {bytes} bytes is more than the limit of {limit} bytes")
            }
            LoadError::Import { file, detail } => format!("{file}: cannot import: {detail}"),
            LoadError::ImportNeedsFacts { file, year, department } => format!(
                "{file} does not state its {}; nothing is guessed. Fill it in below (as the document's publisher states it) and import again.",
                [(*year, "fiscal year"), (*department, "department")].iter().filter(|(m, _)| *m).map(|(_, w)| *w).collect::<Vec<_>>().join(" or ")
            ),
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message_en())
    }
}

impl std::error::Error for LoadError {}
