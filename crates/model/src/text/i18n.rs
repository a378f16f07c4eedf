//! Interface languages: 简体中文 (default) and English.
//!
//! Every interface string lives in two tables, `i18n/zh.txt` and `i18n/en.txt` (one
//! `key = text` per line, `#` comments; `{0}`, `{1}`… are filled in by [`Lang::tf`] / [`tr!`]),
//! which must have the same keys (a test checks it, and that every key the code uses exists). The
//! published data (names, amounts, texts of the bundle) is never translated.
//!
//! The language is a value every caller passes: `tr!(lang, "key", args…)`, `lang.t("key")`,
//! `lang.tf("key", &[…])`. Nothing here remembers a language between calls (the viewer takes
//! it from a Yew context, the site build from the page it renders).

use std::fmt::Display;
use std::sync::OnceLock;

/// An interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// 简体中文, the default.
    #[default]
    Zh,
    /// English.
    En,
}

impl Lang {
    /// Both languages, Chinese first.
    pub const ALL: [Lang; 2] = [Lang::Zh, Lang::En];
    /// BCP 47 code for `<html lang>` and the URL/storage value: "zh-CN" or "en".
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }
    /// Reads a stored or requested language ("zh", "zh-CN", "en", "en-GB"…).
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim().to_ascii_lowercase();
        if s == "zh" || s.starts_with("zh-") {
            Some(Lang::Zh)
        } else if s == "en" || s.starts_with("en-") {
            Some(Lang::En)
        } else {
            None
        }
    }
    /// The text of `key` in this language (see [`t_in`]).
    pub fn t(self, key: &str) -> &'static str {
        t_in(self, key)
    }
    /// The text of `key` in this language with `{0}`, `{1}`… filled in by `args`.
    pub fn tf(self, key: &str, args: &[&dyn Display]) -> String {
        fill(t_in(self, key), args)
    }
    /// The language's own name: "中文", "English".
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Zh => "中文",
            Lang::En => "English",
        }
    }
}

const ZH: &str = include_str!("i18n/zh.txt");
const EN: &str = include_str!("i18n/en.txt");

/// A parsed table: (key, text) sorted by key.
type Table = Vec<(&'static str, &'static str)>;

/// Parses a table: `key = text` lines; blank lines and `#` comments skipped; `\s` in a text is
/// a space (for texts that end in one, which editors strip). Returns the entries in file order
/// (duplicates kept, for the tests to find).
pub fn parse_table(src: &'static str) -> Vec<(&'static str, &'static str)> {
    src.lines()
        .map(str::trim_start)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once(" = ").map(|(k, v)| (k.trim(), v.trim_end())))
        .map(|(k, v)| match v.contains("\\s") {
            // Parsed once per language for the life of the page, so leaking is bounded.
            true => (k, &*Box::leak(v.replace("\\s", " ").into_boxed_str())),
            false => (k, v),
        })
        .collect()
}

fn table(lang: Lang) -> &'static Table {
    static TABLES: [OnceLock<Table>; 2] = [OnceLock::new(), OnceLock::new()];
    let (i, src) = match lang {
        Lang::Zh => (0, ZH),
        Lang::En => (1, EN),
    };
    TABLES[i].get_or_init(|| {
        let mut t = parse_table(src);
        t.sort_by(|a, b| a.0.cmp(b.0));
        t
    })
}

/// The source text of a language's table (for the tests).
pub fn table_source(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => ZH,
        Lang::En => EN,
    }
}

/// The text of `key` in `lang`; the key itself when missing (the tests make sure none is).
pub fn t_in(lang: Lang, key: &str) -> &'static str {
    let find = |lang: Lang| {
        let t = table(lang);
        t.binary_search_by(|(k, _)| (*k).cmp(key)).ok().map(|i| t[i].1)
    };
    find(lang).or_else(|| find(Lang::Zh)).unwrap_or("⟨missing text⟩")
}

/// Fills `{0}`, `{1}`… of a text with `args`.
pub fn fill(text: &str, args: &[&dyn Display]) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after
            .find('}')
            .and_then(|close| after[..close].parse::<usize>().ok().map(|n| (n, close)))
        {
            Some((n, close)) if n < args.len() => {
                out.push_str(&args[n].to_string());
                rest = &after[close + 1..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// `tr!(lang, "key")` → the text in `lang` (`&'static str`); `tr!(lang, "key", a, b)` → a
/// `String` with `{0}`, `{1}` filled by `a`, `b`.
#[macro_export]
macro_rules! tr {
    ($lang:expr, $key:literal) => {
        $crate::i18n::t_in($lang, $key)
    };
    ($lang:expr, $key:literal, $($arg:expr),+ $(,)?) => {
        $crate::i18n::fill(
            $crate::i18n::t_in($lang, $key),
            &[$(&$arg as &dyn ::std::fmt::Display),+],
        )
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{BTreeMap, BTreeSet};

    fn placeholders(s: &str) -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        let mut rest = s;
        while let Some(i) = rest.find('{') {
            let after = &rest[i + 1..];
            if let Some(j) = after.find('}') {
                if after[..j].parse::<usize>().is_ok() {
                    out.insert(after[..j].to_string());
                }
            }
            rest = after;
        }
        out
    }

    #[test]
    fn both_tables_have_the_same_keys_and_placeholders() {
        let mut maps = Vec::new();
        for lang in Lang::ALL {
            let entries = parse_table(table_source(lang));
            let mut map = BTreeMap::new();
            for (k, v) in entries {
                assert!(map.insert(k, v).is_none(), "{lang:?}: key {k} twice");
                assert!(!v.trim().is_empty(), "{lang:?}: {k} is empty");
            }
            // Every non-comment line is an entry.
            let lines = table_source(lang)
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .count();
            assert_eq!(lines, map.len(), "{lang:?}: a line is not `key = text`");
            maps.push(map);
        }
        let zh: BTreeSet<_> = maps[0].keys().collect();
        let en: BTreeSet<_> = maps[1].keys().collect();
        assert_eq!(
            zh.difference(&en).collect::<Vec<_>>(),
            Vec::<&&&str>::new(),
            "keys only in zh.txt"
        );
        assert_eq!(
            en.difference(&zh).collect::<Vec<_>>(),
            Vec::<&&&str>::new(),
            "keys only in en.txt"
        );
        for (k, v) in &maps[0] {
            assert_eq!(placeholders(v), placeholders(maps[1][k]), "placeholders of {k}");
        }
        // English has no Chinese characters, except an example
        // of what to type (the published names are Chinese).
        const MAY_HAVE_CHINESE: [&str; 1] = ["catalog.placeholder"];
        for (k, v) in &maps[1] {
            let han = v.chars().any(|c| ('\u{3400}'..='\u{9fff}').contains(&c));
            assert!(!han || MAY_HAVE_CHINESE.contains(k), "en.txt {k} = {v}: untranslated");
        }
    }

    #[test]
    fn lookup_and_fill_in_the_language_given() {
        let zh = Lang::Zh.t("nav.overview");
        assert_ne!(Lang::En.t("nav.overview"), zh);
        assert_eq!(crate::tr!(Lang::Zh, "nav.overview"), zh);
        assert_eq!(t_in(Lang::En, "nav.overview"), Lang::En.t("nav.overview"));
        // The same call gives each language's text, whatever was asked before.
        assert_eq!(crate::tr!(Lang::En, "year", 2017), "FY2017");
        assert_eq!(crate::tr!(Lang::Zh, "year", 2017), Lang::Zh.tf("year", &[&2017]));
        assert_ne!(crate::tr!(Lang::Zh, "year", 2017), "FY2017");
        assert_eq!(fill("{1} of {0}", &[&"a", &2]), "2 of a");
        assert_eq!(fill("{x} {5} {0}", &[&7]), "{x} {5} 7");
        assert_eq!(Lang::En.t("no.such.key"), "⟨missing text⟩");
        assert_eq!(Lang::parse("en-GB"), Some(Lang::En));
        assert_eq!(Lang::parse("zh-TW"), Some(Lang::Zh));
        assert_eq!(Lang::parse("fr"), None);
    }
}
