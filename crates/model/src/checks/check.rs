//! What a check is: its stable id, its result, the figures it compares and its texts as message
//! keys with arguments, translated only when shown ([`Check::label`], [`Check::detail`]); and
//! [`FailingFigures`], the figures of the failing checks for marking them where they are shown.
//!
//! A check's id names what it checks (`expenditure.categories-sum`,
//! `table.general-public.20101-sum.合计`, `final.rate.2120101`), never its place in the list, so
//! a link to it (`checks/#check-<id>`) stays right when checks are added. Numbers (1-based
//! positions in [`crate::reconcile`]'s list, the links made before ids) still resolve through
//! [`find_check`] for a transition period.

use crate::catalog::fnv1a64;
use crate::format::fmt_amount;
use crate::i18n::{fill, t_in, Lang};
use rust_decimal::Decimal;
use std::collections::HashMap;
use std::fmt;

/// Outcome of one reconciliation check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckStatus {
    /// The figures agree.
    Pass,
    /// The figures disagree: `detail` states them.
    Fail,
    /// The document does not publish enough figures to check this.
    NotApplicable,
}

/// A check's stable id: dot-separated words derived from what it checks, each word a slug
/// (letters and digits of any script, `-` and `_`; anything else becomes `-`), so it is valid
/// in an HTML id and a URL fragment as it is (non-ASCII letters aside, which links
/// percent-encode: [`CheckId::encoded`]). Never only digits: a number is an old link.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct CheckId(String);

impl CheckId {
    /// The id of the words `parts`, each made a slug (an empty word becomes `_`).
    pub fn of(parts: &[&str]) -> CheckId {
        CheckId(parts.iter().map(|p| slug(p)).collect::<Vec<_>>().join("."))
    }
    /// This id with more words after it.
    pub fn with(&self, parts: &[&str]) -> CheckId {
        let more = CheckId::of(parts);
        CheckId(format!("{}.{}", self.0, more.0))
    }
    /// An id as read from an address (already percent-decoded), kept as it is.
    pub fn from_address(s: &str) -> CheckId {
        CheckId(s.to_string())
    }
    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
    /// The id for a URL: every byte outside ASCII letters, digits and `-._~` percent-encoded
    /// (`%E5%90%88`), the inverse of [`CheckId::decode`].
    pub fn encoded(&self) -> String {
        let mut out = String::with_capacity(self.0.len());
        for b in self.0.bytes() {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                out.push(b as char);
            } else {
                out.push_str(&format!("%{b:02X}"));
            }
        }
        out
    }
    /// The id written in an address (`%`-escapes decoded; invalid escapes kept as they are).
    pub fn decode(s: &str) -> CheckId {
        let bytes = s.as_bytes();
        let mut out = Vec::with_capacity(bytes.len());
        let mut i = 0;
        while i < bytes.len() {
            let hex = |k: usize| bytes.get(k).and_then(|c| (*c as char).to_digit(16));
            match (bytes[i], hex(i + 1), hex(i + 2)) {
                (b'%', Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    i += 3;
                }
                (b, ..) => {
                    out.push(b);
                    i += 1;
                }
            }
        }
        CheckId(String::from_utf8_lossy(&out).into_owned())
    }
    /// The 1-based number of an old link (`#/checks/3`), when the id is one.
    pub fn number(&self) -> Option<usize> {
        let n = self.0.parse::<usize>().ok()?;
        (n >= 1 && self.0.bytes().all(|b| b.is_ascii_digit())).then_some(n)
    }
}

impl fmt::Display for CheckId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A word of an id: letters and digits kept (ASCII lowercased), every run of anything else one
/// `-`, none at either end.
fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_alphanumeric() || c == '_' {
            out.extend(c.to_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-');
    if out.is_empty() {
        "_".into()
    } else {
        out.into()
    }
}

/// Where a text's words come from: a key of the interface tables (`i18n/zh.txt`), or a pattern
/// of figures and symbols that reads the same in every language ("{0} = {1} {2} ✓").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pattern {
    /// A key of the interface tables.
    Key(&'static str),
    /// Symbols only, no words.
    Symbols(&'static str),
}

/// One argument of a [`Text`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    /// Shown as it is: a published name, an amount, a count.
    Plain(String),
    /// A text of the interface tables without arguments (a table's standard name, 年初价值).
    Key(&'static str),
    /// A unit as published ("万元"), shown in the language (`Lang::unit_label`).
    Unit(String),
    /// Published names, joined by the language's list separator (`common.list_sep`).
    List(Vec<String>),
    /// A text of its own.
    Text(Text),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Plain(s.to_string())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Plain(s)
    }
}
impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg::Plain(s.clone())
    }
}
impl From<usize> for Arg {
    fn from(n: usize) -> Arg {
        Arg::Plain(n.to_string())
    }
}
impl From<Decimal> for Arg {
    fn from(d: Decimal) -> Arg {
        Arg::Plain(fmt_amount(d))
    }
}
impl From<Text> for Arg {
    fn from(t: Text) -> Arg {
        Arg::Text(t)
    }
}

/// A text of a check, free of language until shown: a pattern and its arguments ({0}, {1}…).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    pub pattern: Pattern,
    pub args: Vec<Arg>,
}

impl Text {
    /// The interface text `key` with `args`.
    pub fn key(key: &'static str, args: Vec<Arg>) -> Text {
        Text {
            pattern: Pattern::Key(key),
            args,
        }
    }
    /// A text of symbols and figures only, e.g. `Text::symbols("{0} = {1} {2} ✓", …)`.
    pub fn symbols(pattern: &'static str, args: Vec<Arg>) -> Text {
        Text {
            pattern: Pattern::Symbols(pattern),
            args,
        }
    }
    /// This text followed by `more`.
    pub fn then(self, more: Text) -> Text {
        Text::symbols("{0}{1}", vec![Arg::Text(self), Arg::Text(more)])
    }
    /// The text in `lang`.
    pub fn show(&self, lang: Lang) -> String {
        let pattern = match self.pattern {
            Pattern::Key(k) => t_in(lang, k),
            Pattern::Symbols(s) => s,
        };
        let args: Vec<String> = self.args.iter().map(|a| a.show(lang)).collect();
        let args: Vec<&dyn fmt::Display> = args.iter().map(|a| a as &dyn fmt::Display).collect();
        fill(pattern, &args)
    }
}

impl Arg {
    /// The argument in `lang`.
    pub fn show(&self, lang: Lang) -> String {
        match self {
            Arg::Plain(s) => s.clone(),
            Arg::Key(k) => t_in(lang, k).to_string(),
            Arg::Unit(u) => lang.unit_label(u).to_string(),
            Arg::List(items) => items.join(t_in(lang, "common.list_sep")),
            Arg::Text(t) => t.show(lang),
        }
    }
}

/// `text!("key", a, b)`: the [`Text`] of interface key `key` with arguments `a`, `b` (anything
/// that converts `Into<Arg>`).
#[macro_export]
macro_rules! text {
    ($key:literal $(, $arg:expr)* $(,)?) => {
        $crate::check::Text::key($key, vec![$($crate::check::Arg::from($arg)),*])
    };
}

/// One reconciliation check with the figures it compared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Check {
    /// What it checks, stable across versions of the list (see [`CheckId`]).
    pub id: CheckId,
    /// Which part of the disclosure, as the key of its name: `check.area.revenue`…
    pub area_key: &'static str,
    /// What is checked, e.g. "支出各类之和 = 支出合计" (see [`Check::label`]).
    pub label: Text,
    pub status: CheckStatus,
    /// The figures, e.g. "716.45 + 92.22 + 389.62 + 2521.16 = 3719.45 ✓" (see [`Check::detail`]).
    pub detail: Text,
    /// The figures this check compares, as paths into the bundle (`revenue.total`,
    /// `performance.activities[3].amount`, `assets.rows[0].children[2]` for a whole row,
    /// `duties[4].text`), plus `expenditure.basic` and `expenditure.project` for the sums of the
    /// basic and project categories. The viewer marks each of them where it shows them when the
    /// check fails (see [`FailingFigures`]).
    pub figures: Vec<String>,
}

impl Check {
    /// A check without figures yet (see [`Check::comparing`]).
    pub fn new(id: CheckId, area_key: &'static str, label: Text, status: CheckStatus, detail: Text) -> Check {
        Check {
            id,
            area_key,
            label,
            status,
            detail,
            figures: Vec::new(),
        }
    }
    /// The check with `figures` as the figures it compares.
    pub fn comparing(mut self, figures: impl IntoIterator<Item = String>) -> Check {
        self.figures = figures.into_iter().collect();
        self
    }
    /// The name of its part of the disclosure in `lang` ("收入", "Revenue").
    pub fn area(&self, lang: Lang) -> &'static str {
        t_in(lang, self.area_key)
    }
    /// What is checked, in `lang`.
    pub fn label(&self, lang: Lang) -> String {
        self.label.show(lang)
    }
    /// The figures compared and the outcome, in `lang`.
    pub fn detail(&self, lang: Lang) -> String {
        self.detail.show(lang)
    }
}

/// Makes the ids of `checks` unique, whatever their order: ids shared by several checks get
/// `~` and six hex digits of a hash of the check's label and detail (in Chinese, whatever the
/// interface language); checks alike in those too are told apart by `-2`, `-3`… in list order
/// (they are the same check twice).
pub fn make_unique(checks: &mut [Check]) {
    let mut count: HashMap<CheckId, usize> = HashMap::new();
    for c in checks.iter() {
        *count.entry(c.id.clone()).or_default() += 1;
    }
    for c in checks.iter_mut().filter(|c| count[&c.id] > 1) {
        let content = format!("{}\u{0}{}", c.label(Lang::Zh), c.detail(Lang::Zh));
        let hash = fnv1a64(&[content.as_bytes()]) & 0xff_ffff;
        c.id = CheckId(format!("{}~{hash:06x}", c.id));
    }
    let mut seen: HashMap<CheckId, usize> = HashMap::new();
    for c in checks.iter_mut() {
        let n = seen.entry(c.id.clone()).or_default();
        *n += 1;
        if *n > 1 {
            c.id = CheckId(format!("{}-{n}", c.id));
        }
    }
}

/// The check a link names: by its id, else (an old link) by its 1-based number in the list.
/// Returns its 0-based position and the check.
pub fn find_check<'a>(checks: &'a [Check], id: &CheckId) -> Option<(usize, &'a Check)> {
    checks
        .iter()
        .position(|c| c.id == *id)
        .or_else(|| id.number().map(|n| n - 1).filter(|i| *i < checks.len()))
        .map(|i| (i, &checks[i]))
}

/// One failing check, as the notice and the marks name it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FailingCheck {
    /// Its 1-based number in the list, as the 数据核对 view numbers its rows.
    pub number: usize,
    pub id: CheckId,
    pub label: Text,
}

/// Which shown figures take part in a failing check, for marking them where a citizen reads
/// them. Checks are named by their 1-based number in [`crate::reconcile`]'s list (the 数据核对
/// view's row numbers); links use their ids ([`FailingFigures::id`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FailingFigures {
    by_figure: HashMap<String, Vec<usize>>,
    /// The failing checks, in order.
    pub checks: Vec<FailingCheck>,
}

impl FailingFigures {
    /// Collects the figures of every failing check (passing and not-applicable checks mark nothing).
    pub fn of(checks: &[Check]) -> FailingFigures {
        let mut f = FailingFigures::default();
        for (i, c) in checks.iter().enumerate().filter(|(_, c)| c.status == CheckStatus::Fail) {
            f.checks.push(FailingCheck {
                number: i + 1,
                id: c.id.clone(),
                label: c.label.clone(),
            });
            for fig in &c.figures {
                let v = f.by_figure.entry(fig.clone()).or_default();
                if !v.contains(&(i + 1)) {
                    v.push(i + 1);
                }
            }
        }
        f
    }
    /// The numbers of the failing checks `figure` takes part in (empty when none).
    pub fn of_figure(&self, figure: &str) -> &[usize] {
        self.by_figure.get(figure).map_or(&[], Vec::as_slice)
    }
    /// The numbers of the failing checks any figure under `prefix` takes part in (a row and its
    /// cells: `performance.activities[3]` covers its `.amount` and `.name`), in order.
    pub fn under(&self, prefix: &str) -> Vec<usize> {
        let mut n: Vec<usize> = self
            .by_figure
            .iter()
            .filter(|(k, _)| {
                k.as_str() == prefix
                    || k.strip_prefix(prefix)
                        .is_some_and(|r| r.starts_with('.') || r.starts_with('['))
            })
            .flat_map(|(_, v)| v.iter().copied())
            .collect();
        n.sort_unstable();
        n.dedup();
        n
    }
    fn get(&self, n: usize) -> Option<&FailingCheck> {
        self.checks.iter().find(|c| c.number == n)
    }
    /// The label of failing check number `n`, in `lang`.
    pub fn label(&self, n: usize, lang: Lang) -> Option<String> {
        self.get(n).map(|c| c.label.show(lang))
    }
    /// The id of failing check number `n`, for links.
    pub fn id(&self, n: usize) -> Option<&CheckId> {
        self.get(n).map(|c| &c.id)
    }
    /// True when no check fails.
    pub fn is_empty(&self) -> bool {
        self.checks.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_slugs_of_their_words() {
        assert_eq!(
            CheckId::of(&["table", "general-public", "20101-sum", "合计"]).as_str(),
            "table.general-public.20101-sum.合计"
        );
        assert_eq!(CheckId::of(&["a b/c#d?", "", "Ünï"]).as_str(), "a-b-c-d._.ünï");
        assert_eq!(CheckId::of(&["“三公”经费（会议费）"]).as_str(), "三公-经费-会议费");
        assert_eq!(CheckId::of(&["x"]).with(&["y z"]).as_str(), "x.y-z");
    }

    #[test]
    fn an_id_survives_the_address_both_ways() {
        for id in [
            "table.general-public.20101-sum.合计",
            "assets.房屋-构筑物.value-start-sum~0a1b2c-2",
            "x_y",
        ] {
            let id = CheckId::from_address(id);
            let enc = id.encoded();
            assert!(
                enc.bytes().all(|b| b.is_ascii_graphic() && !b"#/?&".contains(&b)),
                "{enc}"
            );
            assert_eq!(CheckId::decode(&enc), id);
        }
        assert_eq!(CheckId::of(&["合计"]).encoded(), "%E5%90%88%E8%AE%A1");
        // A stray or broken escape is kept, never a panic.
        assert_eq!(CheckId::decode("a%2").as_str(), "a%2");
        assert_eq!(CheckId::decode("%zz%").as_str(), "%zz%");
        assert_eq!(CheckId::decode("%FF").as_str(), "\u{fffd}");
    }

    #[test]
    fn only_digits_are_a_number() {
        assert_eq!(CheckId::from_address("3").number(), Some(3));
        assert_eq!(CheckId::from_address("0").number(), None);
        assert_eq!(CheckId::from_address("+3").number(), None);
        assert_eq!(CheckId::from_address("3a").number(), None);
    }

    fn check(id: &str, label: &str) -> Check {
        Check::new(
            CheckId::of(&[id]),
            "check.area.revenue",
            Text::symbols("{0}", vec![label.into()]),
            CheckStatus::Pass,
            Text::symbols("", vec![]),
        )
    }

    #[test]
    fn shared_ids_are_told_apart_by_content_not_place() {
        let mut a = vec![
            check("x", "one"),
            check("y", "two"),
            check("x", "three"),
            check("x", "three"),
        ];
        make_unique(&mut a);
        let ids: Vec<&str> = a.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids[1], "y");
        assert!(ids[0].starts_with("x~") && ids[0].len() == 8, "{ids:?}");
        assert_eq!(ids[3], format!("{}-2", ids[2]));
        // The same checks in another order get the same ids.
        let mut b = vec![check("x", "three"), check("x", "one"), check("y", "two")];
        make_unique(&mut b);
        assert_eq!(b[1].id, a[0].id);
        assert_eq!(b[0].id, a[2].id);
    }

    #[test]
    fn a_link_finds_its_check_by_id_or_old_number() {
        let mut list = vec![check("x", "one"), check("y", "two")];
        make_unique(&mut list);
        assert_eq!(find_check(&list, &CheckId::of(&["y"])).map(|(i, _)| i), Some(1));
        assert_eq!(find_check(&list, &CheckId::from_address("1")).map(|(i, _)| i), Some(0));
        assert_eq!(find_check(&list, &CheckId::from_address("3")), None);
        assert_eq!(find_check(&list, &CheckId::from_address("z")), None);
    }

    #[test]
    fn texts_are_shown_in_the_language_asked() {
        let t = text!("check.last_year", Arg::Key("common.total"));
        assert_eq!(t.show(Lang::Zh), "上年合计 = 本年合计 − 增减额（应不为负）");
        assert_eq!(
            t.show(Lang::En),
            "Last year's Total = this year's − the change (must not be negative)"
        );
        let u = Text::symbols("{0} {1}", vec![Arg::Plain("2".into()), Arg::Unit("万元".into())]);
        assert_eq!(u.show(Lang::Zh), "2 万元");
        assert_eq!(u.show(Lang::En), "2 ×10,000 yuan");
        let l = Text::symbols("{0}", vec![Arg::List(vec!["a".into(), "b".into()])]);
        assert_ne!(l.show(Lang::Zh), l.show(Lang::En));
    }
}
