//! Explanations of budget terms where they appear: the document's own 名词解释 first (matched by
//! name or a known variant), otherwise a standard explanation written for the viewer (interface
//! text, in the interface language: keys `term.<id>` and `term.<id>.text`).

use crate::bundle::Bundle;
use crate::i18n::Lang;

/// A term the viewer explains.
struct KnownTerm {
    id: &'static str,
    /// As documents write it.
    term: &'static str,
    /// Other names documents give it.
    variants: &'static [&'static str],
    /// Keys of its name and its standard explanation in the string tables.
    label_key: &'static str,
    text_key: &'static str,
}

const TERMS: [KnownTerm; 5] = [
    KnownTerm {
        id: "three_public",
        term: "“三公”经费",
        variants: &["三公经费", "\"三公\"经费"],
        label_key: "term.three_public",
        text_key: "term.three_public.text",
    },
    KnownTerm {
        id: "operating_costs",
        term: "机关运行经费",
        variants: &["机关运行费"],
        label_key: "term.operating_costs",
        text_key: "term.operating_costs.text",
    },
    KnownTerm {
        id: "basic",
        term: "基本支出",
        variants: &[],
        label_key: "term.basic",
        text_key: "term.basic.text",
    },
    KnownTerm {
        id: "project",
        term: "项目支出",
        variants: &[],
        label_key: "term.project",
        text_key: "term.project.text",
    },
    KnownTerm {
        id: "general_budget",
        term: "一般公共预算拨款",
        variants: &["一般预算收入"],
        label_key: "term.general_budget",
        text_key: "term.general_budget.text",
    },
];

/// An explanation of a term.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explanation {
    /// The term's name in the interface language ("基本支出" / "basic expenditure").
    pub label: &'static str,
    /// The term as the document (or, for a standard explanation, Chinese documents) write it.
    pub term: String,
    /// The document's explanation as published, if it has one.
    pub published: Option<String>,
    /// The viewer's standard explanation in the interface language.
    pub standard: &'static str,
}

impl Explanation {
    /// True when the document itself explains the term.
    pub fn from_document(&self) -> bool {
        self.published.is_some()
    }
}

/// The explanation of the term `id` ("three_public", "operating_costs", "basic", "project",
/// "general_budget") for this bundle; `None` for an unknown id.
pub fn explain(lang: Lang, b: &Bundle, id: &str) -> Option<Explanation> {
    let k = TERMS.iter().find(|k| k.id == id)?;
    let found = b
        .glossary
        .iter()
        .find(|g| g.term == k.term || k.variants.contains(&g.term.as_str()));
    Some(Explanation {
        label: crate::i18n::t_in(lang, k.label_key),
        term: found.map_or_else(|| k.term.to_string(), |g| g.term.clone()),
        published: found.map(|g| g.definition.clone()),
        standard: crate::i18n::t_in(lang, k.text_key),
    })
}
