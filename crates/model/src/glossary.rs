//! Explanations of budget terms where they appear: the document's own 名词解释 first (matched by
//! name or a known variant), otherwise a standard explanation written for the viewer.

use crate::bundle::Bundle;

/// Standard explanations (interface text, used when the document does not explain a term).
const STANDARD: [(&str, &str); 5] = [
    (
        "“三公”经费",
        "因公出国（境）费、公务用车购置及运行费、公务接待费三项经费的合称，是社会关注的行政成本。",
    ),
    (
        "机关运行经费",
        "为保障行政单位运行，用于购买货物和服务的各项资金，如办公费、印刷费、水电费、公务用车运行维护费等。",
    ),
    (
        "基本支出",
        "为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。",
    ),
    (
        "项目支出",
        "在基本支出之外，为完成特定行政任务和事业发展目标而发生的支出。",
    ),
    ("一般公共预算拨款", "由本级财政从一般公共预算中安排给本部门的资金。"),
];

/// Names a term goes by in different documents.
const VARIANTS: [(&str, &str); 3] = [
    ("机关运行经费", "机关运行费"),
    ("一般公共预算拨款", "一般预算收入"),
    ("“三公”经费", "三公经费"),
];

/// An explanation: the text, and whether it comes from the document itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explanation {
    pub term: String,
    pub text: String,
    pub from_document: bool,
}

/// The explanation of `term` for this bundle, if any.
pub fn explain(b: &Bundle, term: &str) -> Option<Explanation> {
    let names: Vec<&str> = std::iter::once(term)
        .chain(VARIANTS.iter().filter(|(a, _)| *a == term).map(|(_, v)| *v))
        .collect();
    if let Some(g) = b.glossary.iter().find(|g| names.contains(&g.term.as_str())) {
        return Some(Explanation {
            term: g.term.clone(),
            text: g.definition.clone(),
            from_document: true,
        });
    }
    STANDARD.iter().find(|(t, _)| *t == term).map(|(t, d)| Explanation {
        term: t.to_string(),
        text: d.to_string(),
        from_document: false,
    })
}
