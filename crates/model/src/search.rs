//! Search across everything a bundle says: duties, activities, sub-activities with descriptions
//! and goals, indicators and their thresholds, asset rows, glossary, notes. Chinese substring
//! matching (case-insensitive for Latin letters); each hit names where it is (a route hash of
//! the viewer) and which characters matched, for highlighting.

use crate::bundle::*;

/// One place a query was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// What kind of thing matched: 职责, 职责活动, 子活动, 绩效指标, 国有资产, 名词解释, 说明.
    pub kind: &'static str,
    /// Its name (for indicators: "activity › indicator").
    pub title: String,
    /// The matched text, cut to about 60 characters around the first match.
    pub snippet: String,
    /// Character ranges of the matches inside `snippet` (start, end), for highlighting.
    pub marks: Vec<(usize, usize)>,
    /// Where it is in the viewer, e.g. "#/performance/8/2".
    pub link: String,
}

/// Match ranges (in chars) of `needle` in `hay`, comparing Latin letters case-insensitively.
fn find_all(hay: &[char], needle: &[char]) -> Vec<(usize, usize)> {
    let eq = |a: char, b: char| a == b || a.to_lowercase().eq(b.to_lowercase());
    let mut out = Vec::new();
    if needle.is_empty() || needle.len() > hay.len() {
        return out;
    }
    let mut i = 0;
    while i + needle.len() <= hay.len() {
        if hay[i..i + needle.len()].iter().zip(needle).all(|(a, b)| eq(*a, *b)) {
            out.push((i, i + needle.len()));
            i += needle.len();
        } else {
            i += 1;
        }
    }
    out
}

/// Cuts `text` to a window around the first match and shifts the marks into it.
fn snippet(text: &[char], marks: &[(usize, usize)]) -> (String, Vec<(usize, usize)>) {
    const BEFORE: usize = 20;
    const LEN: usize = 60;
    let start = marks.first().map_or(0, |m| m.0.saturating_sub(BEFORE));
    let end = (start + LEN).min(text.len());
    let mut s: String = text[start..end].iter().collect();
    let shift = usize::from(start > 0);
    if start > 0 {
        s.insert(0, '…');
    }
    if end < text.len() {
        s.push('…');
    }
    let marks = marks
        .iter()
        .filter(|(a, b)| *a >= start && *b <= end)
        .map(|(a, b)| (a - start + shift, b - start + shift))
        .collect();
    (s, marks)
}

/// Every place `query` occurs (at most `limit` hits), in document order.
pub fn search(b: &Bundle, query: &str, limit: usize) -> Vec<Hit> {
    let q: Vec<char> = query.trim().chars().collect();
    let mut hits = Vec::new();
    if q.is_empty() {
        return hits;
    }
    let mut add = |kind: &'static str, title: &str, texts: &[&str], link: String| {
        if hits.len() >= limit {
            return;
        }
        for t in texts {
            let chars: Vec<char> = t.chars().collect();
            let marks = find_all(&chars, &q);
            if !marks.is_empty() {
                let (snippet, marks) = snippet(&chars, &marks);
                hits.push(Hit {
                    kind,
                    title: title.to_string(),
                    snippet,
                    marks,
                    link,
                });
                return;
            }
        }
    };
    for d in &b.duties {
        add("职责", &format!("部门职责{}", d.label), &[&d.text], "#/duties".into());
    }
    for (i, a) in b.performance.activities.iter().enumerate() {
        let link = format!("#/performance/{}", i + 1);
        add("职责活动", &a.name, &[&a.name, &a.description, &a.goal], link.clone());
        for ind in &a.indicators {
            let grades: Vec<&str> = ind.grades().iter().filter_map(|g| g.as_deref()).collect();
            let texts: Vec<&str> = std::iter::once(ind.name.as_str()).chain(grades).collect();
            add("绩效指标", &format!("{} › {}", a.name, ind.name), &texts, link.clone());
        }
        for (j, s) in a.sub_activities.iter().enumerate() {
            let link = format!("#/performance/{}/{}", i + 1, j + 1);
            add("子活动", &s.name, &[&s.name, &s.description, &s.goal], link.clone());
            for ind in &s.indicators {
                let grades: Vec<&str> = ind.grades().iter().filter_map(|g| g.as_deref()).collect();
                let texts: Vec<&str> = std::iter::once(ind.name.as_str()).chain(grades).collect();
                add("绩效指标", &format!("{} › {}", s.name, ind.name), &texts, link.clone());
            }
        }
    }
    fn assets<'a>(r: &'a AssetRow, out: &mut Vec<&'a AssetRow>) {
        out.push(r);
        for c in &r.children {
            assets(c, out);
        }
    }
    let mut rows = Vec::new();
    for r in &b.assets.rows {
        assets(r, &mut rows);
    }
    for r in rows {
        add("国有资产", &r.name, &[&r.name], "#/assets".into());
    }
    for g in &b.glossary {
        add("名词解释", &g.term, &[&g.term, &g.definition], "#/other".into());
    }
    let paragraphs = [
        ("说明", &b.revenue.text, "#/"),
        ("说明", &b.expenditure.text, "#/"),
        ("说明", &b.change.text, "#/"),
        ("说明", &b.operating_costs.text, "#/"),
        ("说明", &b.three_public.text, "#/"),
        ("说明", &b.procurement.text, "#/other"),
        ("说明", &b.organisation.text, "#/duties"),
    ];
    for (kind, text, link) in paragraphs {
        add(kind, "", &[text], link.into());
    }
    for n in &b.notes {
        add("说明", "其他需要说明的事项", &[n], "#/other".into());
    }
    hits
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_and_snippets() {
        let t: Vec<char> = "推进农村电子商务建设，农村市场".chars().collect();
        let q: Vec<char> = "农村".chars().collect();
        assert_eq!(find_all(&t, &q), vec![(2, 4), (11, 13)]);
        assert_eq!(
            find_all(
                &"GDP总值".chars().collect::<Vec<_>>(),
                &"gdp".chars().collect::<Vec<_>>()
            ),
            vec![(0, 3)]
        );
        let (s, m) = snippet(&t, &[(2, 4)]);
        assert_eq!(s, "推进农村电子商务建设，农村市场");
        assert_eq!(m, vec![(2, 4)]);
    }
}
