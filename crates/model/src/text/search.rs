//! Search across everything a bundle says: duties, activities, sub-activities with descriptions
//! and goals, indicators and their thresholds, asset rows, glossary, notes.
//!
//! Build a [`SearchIndex`] once per bundle (it keeps every text [`crate::chars::fold`]ed), then
//! [`SearchIndex::search`] on each keystroke. Matching is Chinese substring matching
//! (ignoring case, and full-width against half-width letters and digits) and, once [`Readings`] are attached, pinyin: a query of
//! Latin letters such as `nongcun`, its initials `nc`, or a mix (`nongc`, `zhch`) finds 农村 /
//! 政策 wherever the characters' readings spell it. Each hit names where it is (a route hash of
//! the viewer) and which characters matched, for highlighting.
//!
//! The pinyin readings come from the `pinyin` crate (feature `pinyin`, used natively and by the
//! search worker) so the viewer's first download does not carry the reading tables.

use crate::bundle::*;
use crate::chars::{fold_str, is_han};
use crate::route::Route;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::rc::Rc;

/// What kind of thing a hit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HitKind {
    /// A line of 部门职责.
    Duty,
    /// A 职责活动 (its name, description or goal).
    Activity,
    /// A 子活动.
    SubActivity,
    /// A 绩效指标 (its name or one of its four grade thresholds).
    Indicator,
    /// A row of the 国有资产 table.
    Asset,
    /// A 名词解释 entry.
    Term,
    /// A paragraph of the disclosure's text or 其他需要说明的事项.
    Note,
    /// A coded line of a standard table (功能分类 or 经济分类 科目), found by name or code.
    BudgetLine,
    /// A 决算's comparison of a line's budget and actual, found by its name, purpose or reason.
    Execution,
    /// A project of the 绩效目标表 / 绩效自评表 (its name, units, goal); its indicators are
    /// [`HitKind::Indicator`] hits linking to the project's page.
    Project,
}

impl HitKind {
    /// Its label in `lang`.
    pub fn label(self, lang: crate::i18n::Lang) -> &'static str {
        lang.t(self.key())
    }
    /// The key of its label in the interface string tables (see `crate::i18n`).
    pub fn key(self) -> &'static str {
        match self {
            HitKind::Duty => "search.kind.duty",
            HitKind::Activity => "search.kind.activity",
            HitKind::SubActivity => "search.kind.sub_activity",
            HitKind::Indicator => "search.kind.indicator",
            HitKind::Asset => "search.kind.asset",
            HitKind::Term => "search.kind.term",
            HitKind::Note => "search.kind.note",
            HitKind::BudgetLine => "search.kind.budget_line",
            HitKind::Execution => "search.kind.execution",
            HitKind::Project => "search.kind.project",
        }
    }
}

/// One place a query was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// What kind of thing matched.
    pub kind: HitKind,
    /// Its name as published (for indicators: "activity › indicator"; for duties "（一）"…; empty
    /// for paragraphs, which the view titles by `section`).
    pub title: String,
    /// For a paragraph ([`HitKind::Note`]): the interface-text key of the heading it is shown
    /// under (e.g. `term.three_public`), so a result says where it is; `None` for named things.
    pub section: Option<&'static str>,
    /// The matched text, cut to about 60 characters around the first match.
    pub snippet: String,
    /// Character ranges of the matches inside `snippet` (start, end), for highlighting.
    pub marks: Vec<(usize, usize)>,
    /// Where it is in the viewer (the page of sub-activity 8.2, of a budget line's 款…).
    pub route: Route,
    /// True when the hit was found by pinyin rather than by the characters typed.
    pub by_pinyin: bool,
    /// The amount of what matched, where it has one (an activity, a budget line's first
    /// column), in the bundle's unit.
    pub amount: Option<Decimal>,
}

/// Plain (toneless, lower-case) pinyin readings of Chinese characters; a character with several
/// readings (多音字) has them all. Only characters that occur in the searched bundles need to be
/// present. Text form (for passing between the viewer and its search worker): one line per
/// character, `字 reading reading…`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Readings {
    map: HashMap<char, Vec<Box<str>>>,
    /// For each character: bit n set when one of its readings starts with letter n ('a' = 0).
    initials: HashMap<char, u32>,
}

impl Readings {
    fn from_map(map: HashMap<char, Vec<Box<str>>>) -> Readings {
        let initials = map
            .iter()
            .map(|(c, rs)| (*c, rs.iter().fold(0u32, |m, r| m | 1 << (r.as_bytes()[0] - b'a'))))
            .collect();
        Readings { map, initials }
    }
    /// Adds the readings of `other` (its characters replace the same characters here).
    pub fn merge(&mut self, other: Readings) {
        self.map.extend(other.map);
        self.initials.extend(other.initials);
    }
    /// The characters of `chars` that have no readings here (in order, once each).
    pub fn missing(&self, chars: &str) -> String {
        let mut seen = std::collections::HashSet::new();
        chars
            .chars()
            .filter(|c| !self.map.contains_key(c) && seen.insert(*c))
            .collect()
    }
    /// Parses the text form; malformed lines are skipped.
    pub fn parse(text: &str) -> Readings {
        let mut map = HashMap::new();
        for line in text.lines() {
            let mut parts = line.split(' ');
            let (Some(c), Some(first)) = (parts.next(), parts.clone().next()) else {
                continue;
            };
            let mut chars = c.chars();
            let (Some(ch), None) = (chars.next(), chars.next()) else {
                continue;
            };
            if first.is_empty() {
                continue;
            }
            let readings: Vec<Box<str>> = parts
                .filter(|r| !r.is_empty() && r.bytes().all(|b| b.is_ascii_lowercase()))
                .map(Into::into)
                .collect();
            if !readings.is_empty() {
                map.insert(ch, readings);
            }
        }
        Readings::from_map(map)
    }
    /// The text form, characters sorted.
    pub fn to_text(&self) -> String {
        let mut keys: Vec<&char> = self.map.keys().collect();
        keys.sort();
        let mut out = String::new();
        for c in keys {
            out.push(*c);
            for r in &self.map[c] {
                out.push(' ');
                out.push_str(r);
            }
            out.push('\n');
        }
        out
    }
    /// Readings of one character, if known.
    pub fn of(&self, c: char) -> Option<&[Box<str>]> {
        self.map.get(&c).map(Vec::as_slice)
    }
    /// Number of characters with readings.
    pub fn len(&self) -> usize {
        self.map.len()
    }
    /// True when no character has readings.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
    /// Readings of every Chinese character in `chars` from the `pinyin` crate (all readings of
    /// 多音字, tone marks removed, ü written as v, duplicates removed).
    #[cfg(feature = "pinyin")]
    pub fn for_chars(chars: &str) -> Readings {
        use pinyin::ToPinyinMulti;
        let mut map = HashMap::new();
        for c in chars.chars() {
            if map.contains_key(&c) {
                continue;
            }
            let Some(multi) = c.to_pinyin_multi() else {
                continue;
            };
            let mut readings: Vec<Box<str>> = Vec::new();
            for p in multi {
                let plain: String = p.plain().replace('ü', "v");
                if plain.bytes().all(|b| b.is_ascii_lowercase()) && !readings.iter().any(|r| **r == *plain) {
                    readings.push(plain.into());
                }
            }
            if !readings.is_empty() {
                map.insert(c, readings);
            }
        }
        Readings::from_map(map)
    }
}

/// Every distinct Chinese character of the bundle's searchable text (what [`Readings`] need to cover).
pub fn han_characters(b: &Bundle) -> String {
    let mut seen = std::collections::BTreeSet::new();
    for_each_text(b, |_, _, texts, _, _, _| {
        for t in texts {
            seen.extend(t.chars().filter(|c| is_han(*c)));
        }
    });
    seen.into_iter().collect()
}

/// One text of a searchable thing, prepared for searching.
#[derive(Debug, Clone)]
struct Text {
    /// As published.
    original: String,
    /// The same [`fold`]ed: lower case, full-width letters and digits as ASCII (character for
    /// character, so character positions agree with `original`).
    folded: String,
}

impl Text {
    fn new(original: &str) -> Text {
        Text {
            original: original.to_string(),
            folded: fold_str(original),
        }
    }
}

const NO_READING: u16 = u16::MAX;

/// One searchable thing.
#[derive(Debug, Clone)]
struct Entry {
    kind: HitKind,
    title: String,
    section: Option<&'static str>,
    route: Route,
    texts: Vec<Text>,
    amount: Option<Decimal>,
}

/// Everything a bundle says, prepared for searching as you type.
/// Cloning is cheap: the texts are shared; only the reading ids belong to each copy.
#[derive(Debug, Clone)]
pub struct SearchIndex {
    entries: Rc<Vec<Entry>>,
    readings: Rc<Readings>,
    /// For each entry, each text, each character: its index in `syllables`, or `NO_READING`
    /// (made by [`SearchIndex::set_readings`]).
    ids: Vec<Vec<Vec<u16>>>,
    /// Readings of each distinct character that has some, by id.
    syllables: Vec<Vec<Box<str>>>,
    /// For each id: bit n set when one of its readings starts with letter n.
    initials: Vec<u32>,
}

/// Calls `f` for each indicator of `owner`: its name and its four thresholds, titled
/// "owner › indicator".
fn indicators(
    f: &mut impl FnMut(HitKind, String, &[&str], Route, Option<&'static str>, Option<Decimal>),
    owner: &str,
    list: &[Indicator],
    route: Route,
) {
    for ind in list {
        let grades = ind.grades().into_iter().filter_map(|g| g.as_deref());
        let texts: Vec<&str> = std::iter::once(ind.name.as_str()).chain(grades).collect();
        f(
            HitKind::Indicator,
            format!("{owner} › {}", ind.name),
            &texts,
            route.clone(),
            None,
            None,
        );
    }
}

/// Calls `f(kind, title, texts, route, section)` for every searchable thing, in document order
/// (`section`: see [`Hit::section`]).
fn for_each_text(
    b: &Bundle,
    mut f: impl FnMut(HitKind, String, &[&str], Route, Option<&'static str>, Option<Decimal>),
) {
    for d in &b.duties {
        f(HitKind::Duty, d.label.clone(), &[&d.text], Route::Duties, None, None);
    }
    for (i, a) in b.performance.activities.iter().enumerate() {
        let link = Route::Performance(Some(i));
        f(
            HitKind::Activity,
            a.name.clone(),
            &[&a.name, &a.description, &a.goal],
            link.clone(),
            None,
            a.amount,
        );
        indicators(&mut f, &a.name, &a.indicators, link);
        for (j, s) in a.sub_activities.iter().enumerate() {
            let link = Route::SubActivity(i, j);
            f(
                HitKind::SubActivity,
                s.name.clone(),
                &[&s.name, &s.description, &s.goal],
                link.clone(),
                None,
                s.amount,
            );
            indicators(&mut f, &s.name, &s.indicators, link);
        }
    }
    // The national performance tables: each project, and each indicator with its values.
    for (i, p) in b.performance_targets.projects.iter().enumerate() {
        let link = Route::Target(i);
        let opt = |o: &Option<String>| o.clone().unwrap_or_default();
        let (dept, unit, goal, done) = (
            opt(&p.department),
            opt(&p.implementer),
            opt(&p.goal),
            opt(&p.goal_achieved),
        );
        // A department table's tasks: their names and contents.
        let tasks: String = p
            .tasks
            .iter()
            .flat_map(|t| [t.name.as_str(), t.content.as_deref().unwrap_or("")])
            .collect::<Vec<_>>()
            .join(" ");
        f(
            HitKind::Project,
            p.name.clone(),
            &[&p.name, &dept, &unit, &goal, &done, &tasks],
            link.clone(),
            None,
            p.headline_amount(),
        );
        for ind in &p.indicators {
            let texts: Vec<String> = [
                Some(ind.name.clone()),
                ind.target_text(),
                ind.achieved.clone(),
                ind.deviation.clone(),
                ind.measures.clone(),
            ]
            .into_iter()
            .flatten()
            .collect();
            let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
            f(
                HitKind::Indicator,
                format!("{} › {}", p.name, ind.name),
                &texts,
                link.clone(),
                None,
                None,
            );
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
        f(HitKind::Asset, r.name.clone(), &[&r.name], Route::Assets, None, None);
    }
    // The coded lines of the standard tables (each 科目 once, from the first table that prints it),
    // linking to the 预算表 chart that shows it: a 类 opens its 款, a 款 its 项, a 项 its 款 (the
    // nearest level that is a page; the tables' top level when none is).
    // The drill pages of 预算表 and 预算执行, from one listing of the bundle's pages.
    let mut pages = std::collections::HashSet::new();
    let mut execution_pages = std::collections::HashSet::new();
    for r in crate::route::page_routes(b, false, false) {
        match r {
            Route::Budget(Some(c)) => {
                pages.insert(c);
            }
            Route::Execution(Some(c)) => {
                execution_pages.insert(c);
            }
            _ => {}
        }
    }
    let mut seen = std::collections::HashSet::new();
    for t in &b.tables {
        for (_, l) in t.coded_lines() {
            let code = l.code.clone().unwrap_or_default();
            if !seen.insert(code.clone()) {
                continue;
            }
            let target = [code.len().min(5), 3]
                .into_iter()
                .filter_map(|n| code.get(..n)?.parse::<u32>().ok())
                .find(|c| pages.contains(c));
            f(
                HitKind::BudgetLine,
                format!("{code} {}", l.name),
                &[&l.name, &code],
                Route::Budget(target),
                None,
                l.amount(0),
            );
        }
    }
    // A 决算's comparisons (the line, what it paid for, why it differs), opening 预算执行 at the
    // lines of its 款 (or its 类; the top when neither is a page).
    for c in b
        .final_accounts
        .iter()
        .flat_map(|f| f.comparisons.iter().chain(&f.three_public))
    {
        let code = c.code.clone().unwrap_or_default();
        let target = [5, 3]
            .into_iter()
            .filter_map(|n| code.get(..n)?.parse::<u32>().ok())
            .find(|c| execution_pages.contains(c));
        let title = match &c.code {
            Some(code) => format!("{code} {}", c.name),
            None => c.name.clone(),
        };
        f(
            HitKind::Execution,
            title,
            &[&c.name, &c.purpose, &c.reason, &code],
            Route::Execution(target),
            None,
            c.actual,
        );
    }
    for g in &b.glossary {
        f(
            HitKind::Term,
            g.term.clone(),
            &[&g.term, &g.definition],
            Route::Other,
            None,
            None,
        );
    }
    let paragraphs = [
        (&b.revenue.text, Route::Overview, "overview.revenue_text"),
        (&b.expenditure.text, Route::Overview, "overview.expenditure_text"),
        (&b.change.text, Route::Overview, "overview.change_heading"),
        (&b.operating_costs.text, Route::Overview, "term.operating_costs"),
        (&b.three_public.text, Route::Overview, "term.three_public"),
        (&b.procurement.text, Route::Other, "other.procurement"),
        (&b.organisation.text, Route::Duties, "nav.duties"),
    ];
    for (text, link, section) in paragraphs {
        f(HitKind::Note, String::new(), &[text], link, Some(section), None);
    }
    for n in &b.notes {
        f(
            HitKind::Note,
            String::new(),
            &[n],
            Route::Other,
            Some("other.notes"),
            None,
        );
    }
}

/// Every searchable thing of a bundle with its place, as plain data: what the site-wide search
/// downloads for a bundle its index hit (`search-index/f/…`, see `crate::site_search`), and
/// searches with [`SearchIndex::from_fragment`] exactly as a loaded bundle is searched.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fragment {
    /// Always "gongkai-search-fragment".
    pub format: String,
    pub version: u32,
    pub entries: Vec<FragmentEntry>,
}

/// One searchable thing of a [`Fragment`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FragmentEntry {
    /// [`HitKind::key`].
    pub kind: String,
    pub title: String,
    /// [`Hit::section`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// The route as a hash address ([`Route::to_hash`]).
    pub route: String,
    pub texts: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::amount::opt")]
    pub amount: Option<Decimal>,
}

const KINDS: [HitKind; 10] = [
    HitKind::Duty,
    HitKind::Activity,
    HitKind::SubActivity,
    HitKind::Indicator,
    HitKind::Asset,
    HitKind::Term,
    HitKind::Note,
    HitKind::BudgetLine,
    HitKind::Execution,
    // Appended after Execution: fragments written before it keep their kinds' numbers.
    HitKind::Project,
];

const SECTIONS: [&str; 8] = [
    "overview.revenue_text",
    "overview.expenditure_text",
    "overview.change_heading",
    "term.operating_costs",
    "term.three_public",
    "other.procurement",
    "nav.duties",
    "other.notes",
];

impl Fragment {
    /// The fragment of a bundle (its empty texts left out).
    pub fn of(b: &Bundle) -> Fragment {
        let mut entries = Vec::new();
        for_each_text(b, |kind, title, texts, route, section, amount| {
            let texts: Vec<String> = texts.iter().filter(|t| !t.is_empty()).map(|t| t.to_string()).collect();
            if texts.is_empty() {
                return;
            }
            entries.push(FragmentEntry {
                kind: kind.key().into(),
                title,
                section: section.map(Into::into),
                route: route.to_hash(),
                texts,
                amount,
            });
        });
        Fragment {
            format: "gongkai-search-fragment".into(),
            version: 1,
            entries,
        }
    }
    /// Reads a fragment; `file` names it in errors.
    pub fn parse(text: &str, file: &str) -> Result<Fragment, String> {
        let f: Fragment = serde_json::from_str(text).map_err(|e| format!("{file}: {e}"))?;
        if f.format != "gongkai-search-fragment" || f.version != 1 {
            return Err(format!("{file}: not a search fragment of version 1"));
        }
        Ok(f)
    }
}

impl SearchIndex {
    /// The index of a fragment (entries of an unknown kind are skipped).
    pub fn from_fragment(f: &Fragment) -> SearchIndex {
        let entries = f
            .entries
            .iter()
            .filter_map(|e| {
                let kind = KINDS.into_iter().find(|k| k.key() == e.kind)?;
                Some(Entry {
                    kind,
                    title: e.title.clone(),
                    section: e
                        .section
                        .as_deref()
                        .and_then(|s| SECTIONS.into_iter().find(|k| *k == s)),
                    route: Route::from_hash(&e.route),
                    texts: e.texts.iter().map(|t| Text::new(t)).collect(),
                    amount: e.amount,
                })
            })
            .collect();
        SearchIndex::with_entries(entries)
    }
}

/// Match ranges (in chars) of `needle` in `hay` (both folded), not overlapping.
fn find_all(hay: &str, needle: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    if needle.is_empty() {
        return out;
    }
    let needle_chars = needle.chars().count();
    let (mut byte, mut char_at) = (0, 0);
    while let Some(off) = hay[byte..].find(needle) {
        char_at += hay[byte..byte + off].chars().count();
        out.push((char_at, char_at + needle_chars));
        char_at += needle_chars;
        byte += off + needle.len();
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

/// The letters of a pinyin query (`"nong cun"`, `"nong'cun"` → `nongcun`), or `None` when the
/// query is not made of Latin letters only or is shorter than two letters.
fn pinyin_query(query: &str) -> Option<Vec<u8>> {
    let letters: Vec<u8> = query
        .bytes()
        .filter(|b| !matches!(b, b' ' | b'\''))
        .map(|b| b.to_ascii_lowercase())
        .collect();
    (letters.len() >= 2 && letters.iter().all(u8::is_ascii_lowercase)).then_some(letters)
}

impl SearchIndex {
    /// An index of `entries`, without pinyin readings.
    fn with_entries(entries: Vec<Entry>) -> SearchIndex {
        SearchIndex {
            entries: Rc::new(entries),
            readings: Rc::default(),
            ids: Vec::new(),
            syllables: Vec::new(),
            initials: Vec::new(),
        }
    }

    /// Prepares every text of the bundle (no pinyin until [`SearchIndex::set_readings`]).
    pub fn new(b: &Bundle) -> SearchIndex {
        let mut entries = Vec::new();
        for_each_text(b, |kind, title, texts, route, section, amount| {
            let texts = texts.iter().filter(|t| !t.is_empty()).map(|t| Text::new(t)).collect();
            entries.push(Entry {
                kind,
                title,
                section,
                route,
                texts,
                amount,
            });
        });
        SearchIndex::with_entries(entries)
    }
    /// Attaches pinyin readings (shared between indexes): from now on a query of Latin letters
    /// also matches by pinyin.
    pub fn set_readings(&mut self, readings: Rc<Readings>) {
        let mut ids: HashMap<char, u16> = HashMap::new();
        let (mut syllables, mut initials) = (Vec::new(), Vec::new());
        let mut all = Vec::with_capacity(self.entries.len());
        for e in self.entries.iter() {
            let mut per_text = Vec::with_capacity(e.texts.len());
            for t in &e.texts {
                let text_ids: Vec<u16> = t
                    .original
                    .chars()
                    .map(|c| {
                        if let Some(id) = ids.get(&c) {
                            return *id;
                        }
                        match (readings.of(c), readings.initials.get(&c)) {
                            (Some(r), Some(m)) if syllables.len() < usize::from(NO_READING) => {
                                let id = syllables.len() as u16;
                                syllables.push(r.to_vec());
                                initials.push(*m);
                                ids.insert(c, id);
                                id
                            }
                            _ => NO_READING,
                        }
                    })
                    .collect();
                per_text.push(text_ids);
            }
            all.push(per_text);
        }
        self.ids = all;
        self.syllables = syllables;
        self.initials = initials;
        self.readings = readings;
    }
    /// True when pinyin readings are attached.
    pub fn has_readings(&self) -> bool {
        !self.readings.is_empty()
    }
    /// Number of searchable things.
    pub fn len(&self) -> usize {
        self.entries.len()
    }
    /// True when the bundle has nothing to search.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Where the pinyin `q` matches the characters `ids` starting at `at`: the end of the match.
    /// Each character takes its whole reading or its initial (first letter, or zh/ch/sh), and
    /// the last character of the match may take any beginning of its reading (typing in progress).
    fn pinyin_at(&self, ids: &[u16], at: usize, q: &[u8]) -> Option<usize> {
        if q.is_empty() {
            return Some(at);
        }
        let id = *ids.get(at)?;
        let readings = self.syllables.get(usize::from(id))?;
        for r in readings {
            let r = r.as_bytes();
            if q.starts_with(r) {
                if let Some(end) = self.pinyin_at(ids, at + 1, &q[r.len()..]) {
                    return Some(end);
                }
            }
            if r.starts_with(q) {
                return Some(at + 1);
            }
            let initial = if r.len() > 2 && matches!(&r[..2], b"zh" | b"ch" | b"sh") {
                2
            } else {
                1
            };
            for take in [initial, 1] {
                if take < r.len() && q.len() > take && q[..take] == r[..take] {
                    if let Some(end) = self.pinyin_at(ids, at + 1, &q[take..]) {
                        return Some(end);
                    }
                }
            }
        }
        None
    }

    fn pinyin_all(&self, ids: &[u16], q: &[u8]) -> Vec<(usize, usize)> {
        let bit = 1u32 << (q[0] - b'a');
        let mut out = Vec::new();
        let mut i = 0;
        while i < ids.len() {
            let id = ids[i];
            if id != NO_READING && self.initials[usize::from(id)] & bit != 0 {
                if let Some(end) = self.pinyin_at(ids, i, q) {
                    out.push((i, end));
                    i = end;
                    continue;
                }
            }
            i += 1;
        }
        out
    }

    /// Every place `query` occurs (at most `limit` hits), in document order. A thing with several
    /// texts gives one hit, for its first matching text.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        let q = fold_str(query.trim());
        let mut hits = Vec::new();
        if q.is_empty() {
            return hits;
        }
        let pinyin = if self.has_readings() { pinyin_query(&q) } else { None };
        for (ei, e) in self.entries.iter().enumerate() {
            if hits.len() >= limit {
                break;
            }
            for (ti, t) in e.texts.iter().enumerate() {
                let mut by_pinyin = false;
                let mut marks = find_all(&t.folded, &q);
                if marks.is_empty() {
                    if let (Some(p), Some(ids)) = (&pinyin, self.ids.get(ei).and_then(|v| v.get(ti))) {
                        marks = self.pinyin_all(ids, p);
                        by_pinyin = true;
                    }
                }
                if !marks.is_empty() {
                    let chars: Vec<char> = t.original.chars().collect();
                    let (snippet, marks) = snippet(&chars, &marks);
                    hits.push(Hit {
                        kind: e.kind,
                        title: e.title.clone(),
                        section: e.section,
                        snippet,
                        marks,
                        route: e.route.clone(),
                        by_pinyin,
                        amount: e.amount,
                    });
                    break;
                }
            }
        }
        hits
    }
}

/// Every place `query` occurs in `b` (at most `limit` hits): Chinese substring matching only.
/// For searching as you type, build a [`SearchIndex`] once instead.
pub fn search(b: &Bundle, query: &str, limit: usize) -> Vec<Hit> {
    SearchIndex::new(b).search(query, limit)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn matches_and_snippets() {
        let t = chars("推进农村电子商务建设，农村市场");
        assert_eq!(
            find_all("推进农村电子商务建设，农村市场", "农村"),
            vec![(2, 4), (11, 13)]
        );
        let folded = fold_str("GDP总值");
        assert_eq!(find_all(&folded, "gdp"), vec![(0, 3)]);
        assert_eq!(find_all("aaaa", "aa"), vec![(0, 2), (2, 4)]);
        let (s, m) = snippet(&t, &[(2, 4)]);
        assert_eq!(s, "推进农村电子商务建设，农村市场");
        assert_eq!(m, vec![(2, 4)]);
    }

    #[test]
    fn case_and_width_do_not_matter_and_marks_stay_on_the_original() {
        let mut b = Bundle::empty(Meta::new("测试", 2017, "万元"));
        b.duties.push(Duty {
            label: String::new(),
            text: "提高ＧＤＰ核算质量，科目２０１０１".into(),
        });
        b.duties.push(Duty {
            label: String::new(),
            text: "gdp 2017".into(),
        });
        let hits = search(&b, "gdp", 10);
        assert_eq!(hits.len(), 2, "{hits:?}");
        // The snippet is the published text, the marks on its full-width letters.
        assert_eq!(hits[0].snippet, "提高ＧＤＰ核算质量，科目２０１０１");
        assert_eq!(hits[0].marks, vec![(2, 5)]);
        assert_eq!(search(&b, "ＧＤＰ", 10).len(), 2);
        assert_eq!(search(&b, "20101", 10)[0].marks, vec![(12, 17)]);
        assert_eq!(search(&b, "２０１７", 10)[0].snippet, "gdp 2017");
        assert!(search(&b, "gdq", 10).is_empty());
    }

    #[test]
    fn readings_text_round_trip_and_malformed_lines() {
        let r = Readings::parse("农 nong\n村 cun\n行 xing hang\nbad\n长长 chang\n空 \n大 DA\n");
        assert_eq!(r.len(), 3);
        assert_eq!(r.of('行').unwrap().len(), 2);
        assert_eq!(Readings::parse(&r.to_text()), r);
    }

    #[test]
    fn budget_lines_are_found_by_name_and_by_code() {
        use crate::tables::*;
        let mut b = Bundle::empty(Meta::new("测试", 2017, "万元"));
        let line = |c: &str, n: &str| BudgetLine {
            code: Some(c.into()),
            name: n.into(),
            amounts: vec![Cell(Some("1".parse().unwrap()))],
            source_line: None,
            part: None,
        };
        b.tables.push(BudgetTable {
            kind: TableKind::GeneralPublic,
            title: "一般公共预算支出预算表".into(),
            unit: "万元".into(),
            columns: vec!["金额".into()],
            lines: vec![
                line("221", "住房保障支出"),
                line("22102", "住房改革支出"),
                line("2210201", "住房公积金"),
            ],
            notes: vec![],
            source_line: None,
        });
        let hits = search(&b, "住房公积金", 10);
        assert_eq!(hits.len(), 1);
        assert_eq!(
            (hits[0].kind, hits[0].title.as_str(), hits[0].route.clone()),
            (HitKind::BudgetLine, "2210201 住房公积金", Route::Budget(Some(22102)))
        );
        let by_code = search(&b, "22102", 10);
        assert_eq!(by_code[0].route, Route::Budget(Some(22102)), "a 款 opens its own chart");
    }

    #[test]
    fn paragraph_hits_name_the_section_they_are_shown_under() {
        let mut b = Bundle::empty(Meta::new("测试", 2017, "万元"));
        b.three_public.text = "“三公”经费预算11.82万元".into();
        b.notes.push("“三公”经费的说明".into());
        b.glossary.push(GlossaryTerm {
            term: "“三公”经费".into(),
            definition: "因公出国（境）费等".into(),
        });
        let hits = search(&b, "三公", 10);
        let places: Vec<_> = hits.iter().map(|h| (h.kind, h.title.as_str(), h.section)).collect();
        assert_eq!(
            places,
            vec![
                (HitKind::Term, "“三公”经费", None),
                (HitKind::Note, "", Some("term.three_public")),
                (HitKind::Note, "", Some("other.notes")),
            ]
        );
        for key in places.iter().filter_map(|p| p.2) {
            assert_ne!(
                crate::i18n::Lang::Zh.t(key),
                HitKind::Note.label(crate::i18n::Lang::Zh),
                "{key} reads as the kind"
            );
        }
    }

    #[test]
    fn pinyin_full_initials_mixed_and_partial() {
        let mut b = Bundle::empty(Meta::new("测试", 2017, "万元"));
        b.notes.push("推进农村建设，银行政策".into());
        let mut i = SearchIndex::new(&b);
        i.set_readings(Rc::new(Readings::parse(
            "农 nong\n村 cun\n政 zheng\n策 ce\n银 yin\n行 xing hang\n",
        )));
        let ids = i.ids.last().unwrap()[0].clone();
        let q = |s: &str| i.pinyin_all(&ids, &pinyin_query(s).unwrap());
        assert_eq!(q("nongcun"), vec![(2, 4)]);
        assert_eq!(q("nc"), vec![(2, 4)]);
        assert_eq!(q("nongc"), vec![(2, 4)]);
        assert_eq!(q("ncun"), vec![(2, 4)]);
        assert_eq!(q("nongcu"), vec![(2, 4)], "last syllable may be incomplete");
        assert_eq!(q("yinhang"), vec![(7, 9)], "second reading of 行");
        assert_eq!(q("zhc"), vec![(9, 11)], "zh initial");
        assert_eq!(q("zc"), vec![(9, 11)]);
        assert_eq!(q("Nong Cun"), vec![(2, 4)]);
        assert_eq!(
            q("nongcunx"),
            Vec::<(usize, usize)>::new(),
            "no character after 村 reads x"
        );
        assert!(pinyin_query("n").is_none(), "one letter is too short");
        assert!(pinyin_query("农c").is_none());
    }

    #[test]
    fn han_characters_are_distinct_and_sorted() {
        let mut b = Bundle::empty(Meta::new("测试", 2017, "万元"));
        b.glossary.push(GlossaryTerm {
            term: "农村农村".into(),
            definition: "A农".into(),
        });
        assert_eq!(han_characters(&b), "农村");
    }

    #[test]
    fn a_fragment_is_searched_as_its_bundle() {
        let text = include_str!("../../../../data/pingxiang-fgj-2017.json");
        let b = crate::parse_bundle(text, "seed").unwrap();
        let fragment = Fragment::of(&b);
        let json = serde_json::to_string(&fragment).unwrap();
        let back = Fragment::parse(&json, "f").unwrap();
        assert_eq!(back, fragment);
        let (mine, theirs) = (SearchIndex::new(&b), SearchIndex::from_fragment(&back));
        for q in ["农村", "2017", "办公", "项目", "三公", "车辆"] {
            let (a, b) = (mine.search(q, 500), theirs.search(q, 500));
            assert!(!a.is_empty(), "{q}");
            assert_eq!(a, b, "{q}");
        }
        assert!(Fragment::parse("{}", "f").is_err());
        // Activities carry their amount.
        let activity = &b.performance.activities[0];
        let hit = theirs
            .search(&activity.name, 500)
            .into_iter()
            .find(|h| h.kind == HitKind::Activity)
            .unwrap();
        assert_eq!(hit.amount, activity.amount);
    }
}
