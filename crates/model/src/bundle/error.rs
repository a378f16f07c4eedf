//! The one error type for getting a bundle on screen, with the words a person reads.
//!
//! Every variant names the file; [`LoadError::title`] and [`LoadError::message`] give the words a
//! person reads, in the language asked for, from the interface string tables (`error.title.*`,
//! `error.message.*` in `text/i18n/zh.txt` and `en.txt`). The app's error view and the CLI both
//! use them; `Display` is the English message (logs, `?` in the CLI).

use crate::i18n::{self, Lang};
use std::fmt::{self, Display};

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

    /// The key of its headline in the interface string tables.
    fn title_key(&self) -> &'static str {
        match self {
            LoadError::Http { .. } | LoadError::Network { .. } => "error.title.fetch",
            LoadError::Syntax { .. } => "error.title.syntax",
            LoadError::NotABundle { .. } => "error.title.not_a_bundle",
            LoadError::UnsupportedVersion { .. } => "error.title.version",
            LoadError::Field { .. } => "error.title.field",
            LoadError::Invalid { .. } => "error.title.invalid",
            LoadError::TooLarge { .. } => "error.title.too_large",
            LoadError::Import { .. } => "error.title.import",
            LoadError::ImportNeedsFacts { .. } => "error.title.needs_facts",
        }
    }

    /// A short headline for the error, in `lang`.
    pub fn title(&self, lang: Lang) -> &'static str {
        i18n::t_in(lang, self.title_key())
    }

    /// The full message in `lang`: what went wrong, where (the file; line, column and field
    /// where known), and what to do.
    pub fn message(&self, lang: Lang) -> String {
        let text = |key: &str, args: &[&dyn Display]| i18n::fill(i18n::t_in(lang, key), args);
        match self {
            LoadError::Http {
                file,
                status,
                status_text,
            } => text("error.message.http", &[file, status, status_text]),
            LoadError::Network { file, detail } => text("error.message.network", &[file, detail]),
            LoadError::Syntax {
                file,
                line,
                column,
                detail,
            } => text("error.message.syntax", &[file, line, column, detail]),
            LoadError::NotABundle { file, found } => match found {
                Some(f) => text("error.message.format_wrong", &[file, f]),
                None => text("error.message.format_missing", &[file]),
            },
            LoadError::UnsupportedVersion { file, found, supported } => {
                text("error.message.version", &[file, found, supported])
            }
            LoadError::Field {
                file,
                path,
                line,
                column,
                detail,
            } => text("error.message.field", &[file, line, column, path, detail]),
            LoadError::Invalid { file, problems } => {
                let problems = problems.join(i18n::t_in(lang, "error.problem_sep"));
                text("error.message.invalid", &[file, &problems])
            }
            // In whole megabytes (10⁶ bytes), rounded down.
            LoadError::TooLarge { file, bytes, limit } => text(
                "error.message.too_large",
                &[file, &(bytes / 1_000_000), &(limit / 1_000_000)],
            ),
            LoadError::Import { file, detail } => text("error.message.import", &[file, detail]),
            LoadError::ImportNeedsFacts { file, year, department } => {
                let facts: Vec<&str> = [(*year, "error.fact.year"), (*department, "error.fact.department")]
                    .into_iter()
                    .filter(|(missing, _)| *missing)
                    .map(|(_, key)| i18n::t_in(lang, key))
                    .collect();
                let facts = facts.join(i18n::t_in(lang, "error.fact.sep"));
                text("error.message.needs_facts", &[file, &facts])
            }
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for LoadError {}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(x: &str) -> String {
        x.to_string()
    }

    /// Every variant's headline and message in both languages, word for word as the messages
    /// were written before they moved into the string tables (the English size of a file too
    /// large is now in MB, as the Chinese one was: both languages give the same figures).
    #[test]
    fn every_message_names_the_file_and_the_problem() {
        let f = || s("data/x.json");
        let cases = [
            (
                LoadError::Http {
                    file: f(),
                    status: 404,
                    status_text: s("Not Found"),
                },
                "无法获取数据文件",
                "读取 data/x.json 时服务器返回 HTTP 404 Not Found。请检查地址是否正确。",
                "Cannot fetch the data file",
                "data/x.json: the server answered HTTP 404 Not Found",
            ),
            (
                LoadError::Network {
                    file: f(),
                    detail: s("offline"),
                },
                "无法获取数据文件",
                "无法连接服务器读取 data/x.json（offline）。请检查网络后重试。",
                "Cannot fetch the data file",
                "data/x.json: could not be fetched (offline)",
            ),
            (
                LoadError::Syntax {
                    file: f(),
                    line: 3,
                    column: 14,
                    detail: s("expected `,`"),
                },
                "数据文件格式错误",
                "data/x.json 不是有效的 JSON：第 3 行第 14 列，expected `,`。",
                "The data file is not valid JSON",
                "data/x.json:3:14: not valid JSON: expected `,`",
            ),
            (
                LoadError::NotABundle {
                    file: f(),
                    found: Some(s("other")),
                },
                "不是公开预算数据包",
                "data/x.json 的 format 字段为“other”，应为“gongkai-bundle”。",
                "Not a budget-disclosure bundle",
                "data/x.json: format is \"other\", expected \"gongkai-bundle\"",
            ),
            (
                LoadError::NotABundle { file: f(), found: None },
                "不是公开预算数据包",
                "data/x.json 缺少 format 字段，不是公开预算数据包。",
                "Not a budget-disclosure bundle",
                "data/x.json: no \"format\" field; not a Gongkai bundle",
            ),
            (
                LoadError::UnsupportedVersion {
                    file: f(),
                    found: 99,
                    supported: 1,
                },
                "数据包版本不受支持",
                "data/x.json 是第 99 版数据包，本查看器只能读取第 1 版。请更新查看器或重新导出数据包。",
                "Unsupported bundle version",
                "data/x.json: bundle format version 99 is not supported (this build reads version 1)",
            ),
            (
                LoadError::Field {
                    file: f(),
                    path: s("meta.fiscal_year"),
                    line: 5,
                    column: 22,
                    detail: s("invalid type: string"),
                },
                "数据包字段错误",
                "data/x.json 第 5 行第 22 列，字段 meta.fiscal_year：invalid type: string。",
                "A field of the bundle is wrong",
                "data/x.json:5:22: field meta.fiscal_year: invalid type: string",
            ),
            (
                LoadError::Invalid {
                    file: f(),
                    problems: vec![s("a"), s("b")],
                },
                "数据包内容不一致",
                "data/x.json 的数据未通过检查：a；b",
                "The bundle contradicts itself",
                "data/x.json: invalid bundle: a; b",
            ),
            (
                LoadError::TooLarge {
                    file: f(),
                    bytes: 70_500_000,
                    limit: 64_000_000,
                },
                "数据文件过大",
                "data/x.json 大小为 70 MB，超过上限 64 MB。",
                "The data file is too large",
                "data/x.json: 70 MB is more than the limit of 64 MB",
            ),
            (
                LoadError::Import {
                    file: f(),
                    detail: s("not a disclosure"),
                },
                "无法导入文档",
                "data/x.json 无法导入：not a disclosure。支持的文件：PDF（含文字的，不含扫描件）、Word 文档（.docx）、Excel 预算表（.xlsx/.xls）、文本（.txt，UTF-8/UTF-16/GBK）和数据包（.json）。",
                "Cannot import the document",
                "data/x.json: cannot import: not a disclosure",
            ),
            (
                LoadError::ImportNeedsFacts {
                    file: f(),
                    year: true,
                    department: true,
                },
                "请补充文件没有写明的信息",
                "data/x.json 没有写明预算年度和部门名称，公开查看器不会自行推断。请在下面填写（以原文件为准），再导入。",
                "Tell us what the document does not say",
                "data/x.json does not state its fiscal year or department; nothing is guessed. Fill it in below (as the document's publisher states it) and import again.",
            ),
            (
                LoadError::ImportNeedsFacts {
                    file: f(),
                    year: false,
                    department: true,
                },
                "请补充文件没有写明的信息",
                "data/x.json 没有写明部门名称，公开查看器不会自行推断。请在下面填写（以原文件为准），再导入。",
                "Tell us what the document does not say",
                "data/x.json does not state its department; nothing is guessed. Fill it in below (as the document's publisher states it) and import again.",
            ),
        ];
        for (e, title_zh, zh, title_en, en) in cases {
            assert_eq!(e.title(Lang::Zh), title_zh, "{e:?}");
            assert_eq!(e.message(Lang::Zh), zh);
            assert_eq!(e.title(Lang::En), title_en, "{e:?}");
            assert_eq!(e.message(Lang::En), en);
            assert_eq!(e.to_string(), en);
            assert_eq!(e.file(), "data/x.json");
        }
    }

    #[test]
    fn the_message_is_in_the_language_asked_for() {
        let e = LoadError::Network {
            file: s("a.json"),
            detail: s("x"),
        };
        assert!(e.message(Lang::Zh).starts_with("无法连接服务器读取 a.json"));
        assert_eq!(e.message(Lang::En), "a.json: could not be fetched (x)");
    }
}
