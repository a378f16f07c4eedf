//! Explanations of budget terms where they appear: the document's own 名词解释 first (matched by
//! name or a known variant), otherwise a standard explanation written for the viewer (interface
//! text, in the interface language: keys `term.<id>` and `term.<id>.text`).

use crate::bundle::Bundle;

/// The terms the viewer explains: (id, the term as documents write it, other names it goes by).
const TERMS: [(&str, &str, &[&str]); 5] = [
    ("three_public", "“三公”经费", &["三公经费", "\"三公\"经费"]),
    ("operating_costs", "机关运行经费", &["机关运行费"]),
    ("basic", "基本支出", &[]),
    ("project", "项目支出", &[]),
    ("general_budget", "一般公共预算拨款", &["一般预算收入"]),
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
pub fn explain(b: &Bundle, id: &str) -> Option<Explanation> {
    let (id, term, variants) = TERMS.iter().find(|(i, _, _)| *i == id)?;
    let found = b
        .glossary
        .iter()
        .find(|g| g.term == *term || variants.contains(&g.term.as_str()));
    let standard = match *id {
        "three_public" => crate::tr!("term.three_public.text"),
        "operating_costs" => crate::tr!("term.operating_costs.text"),
        "basic" => crate::tr!("term.basic.text"),
        "project" => crate::tr!("term.project.text"),
        _ => crate::tr!("term.general_budget.text"),
    };
    let label = match *id {
        "three_public" => crate::tr!("term.three_public"),
        "operating_costs" => crate::tr!("term.operating_costs"),
        "basic" => crate::tr!("term.basic"),
        "project" => crate::tr!("term.project"),
        _ => crate::tr!("term.general_budget"),
    };
    Some(Explanation {
        label,
        term: found.map_or_else(|| term.to_string(), |g| g.term.clone()),
        published: found.map(|g| g.definition.clone()),
        standard,
    })
}
