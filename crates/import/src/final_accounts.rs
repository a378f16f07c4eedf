//! A 决算's narrative comparisons of budget and actual: “…（项）。主要用于：….年初预算为 452.40
//! 万元，支出决算为 446.11 万元，完成年初预算的 98.61%。决算数小于预算数的主要原因：….”
//!
//! The national template words each explained line the same way in every province, with small
//! variations (年初预算数为 / 全年预算数为 / 调整预算为 / 预算数为; 支出决算为 / 决算数为; 完成年初
//! 预算的 / 完成预算的; 主要原因是 / 主要原因：; 持平). A comparison is read only when its sentence
//! states both a budget and an actual; each figure is the one its own words introduce (never a
//! figure found elsewhere in the sentence), converted exactly into the bundle's unit. Lines are
//! named as published; the code is the one whose 类, 款 and 项 names the 决算's own tables print.

use crate::lines::SrcLine;
use crate::text;
use gongkai_model::tables::{BudgetTable, Classification};
use gongkai_model::{BudgetComparison, FinalAccounts};

/// The words introducing the approved budget (find_word prefers the longest at a place, so
/// 年初预算数为 wins over 预算数为).
const APPROVED_WORDS: [&str; 5] = ["年初预算数为", "年初预算为", "年初预算", "预算数为", "预算为"];
/// The words of an adjusted budget stated after the approved one.
const ADJUSTED_WORDS: [&str; 6] = [
    "全年预算数为",
    "全年预算为",
    "调整预算数为",
    "调整预算为",
    "调整后预算数为",
    "调整后预算为",
];
/// The words introducing the actual figure.
const ACTUAL_WORDS: [&str; 6] = [
    "支出决算数为",
    "支出决算为",
    "决算数为",
    "决算为",
    "实际支出",
    "支出决算",
];
/// The words before a printed 完成率.
const RATE_WORDS: [&str; 8] = [
    "完成年初预算数的",
    "完成年初预算的",
    "完成全年预算数的",
    "完成全年预算的",
    "完成调整预算数的",
    "完成调整预算的",
    "完成预算的",
    "预算完成率为",
];
/// Budget words that name the budget as adjusted during the year (全年预算, 调整预算).
fn is_adjusted(words: &str) -> bool {
    ADJUSTED_WORDS.contains(&words)
}

/// The document as one string of paragraphs: each line's text (trimmed) after the previous, with
/// where each line starts and whether a new paragraph starts there.
struct Joined {
    text: String,
    /// (byte offset, source line number, starts a paragraph).
    starts: Vec<(usize, usize, bool)>,
}

impl Joined {
    /// `wrapped`: the lines are a PDF's printed lines (a paragraph starts with an item marker or
    /// a deeper indent than the body's); otherwise every line is a paragraph (Word, text).
    fn new(lines: &[SrcLine], wrapped: bool) -> Joined {
        let indent = |t: &str| t.chars().take_while(|c| c.is_whitespace()).count();
        let mut counts = std::collections::HashMap::new();
        for l in lines.iter().filter(|l| l.text.trim().chars().count() >= 10) {
            *counts.entry(indent(&l.text)).or_insert(0usize) += 1;
        }
        let body = counts
            .into_iter()
            .max_by_key(|(i, n)| (*n, usize::MAX - i))
            .map_or(0, |(i, _)| i);
        let mut text = String::new();
        let mut starts = Vec::new();
        // Whether the previous line was a numbered heading ("（三）…决算具体情况"): short, no clause.
        let mut after_heading = false;
        for l in lines.iter().filter(|l| !l.is_blank()) {
            let t = l.text.replace('\u{0c}', "");
            let trimmed = t.trim();
            let marker = marker_len(trimmed).is_some();
            let paragraph = !wrapped
                || text.is_empty()
                || marker
                || after_heading
                || (indent(&t) > body && !trimmed.starts_with(['。', '，', '；']));
            // (An item's name wrapped over lines, "1、X（类）Y（款）" / "Z（项）。…", is no heading.)
            after_heading = marker_len(trimmed).is_some_and(|m| {
                let rest = &trimmed[m..];
                rest.chars().count() <= 40 && !rest.contains(['，', '。', '；', '：', '（', '('])
            });
            starts.push((text.len(), l.no, paragraph));
            text.push_str(trimmed);
        }
        Joined { text, starts }
    }
    /// Source line of byte offset `at`.
    fn line_of(&self, at: usize) -> usize {
        let i = self.starts.partition_point(|(o, ..)| *o <= at);
        self.starts[i.saturating_sub(1)].1
    }
    /// The start of the paragraph holding `at`, and whether that paragraph opens with an item
    /// marker ("3、", "（二）").
    fn paragraph_start(&self, at: usize) -> usize {
        let i = self.starts.partition_point(|(o, ..)| *o <= at);
        self.starts[..i]
            .iter()
            .rev()
            .find(|(_, _, p)| *p)
            .map_or(0, |(o, ..)| *o)
    }
    /// The first paragraph start after `at` (the end of the text when none).
    fn next_paragraph(&self, at: usize) -> usize {
        self.starts
            .iter()
            .find(|(o, _, p)| *p && *o > at)
            .map_or(self.text.len(), |(o, ..)| *o)
    }
}

/// Bytes of an item marker at the start of `t`: "1、", "12.", "（一）", "(3)", "三、".
fn marker_len(t: &str) -> Option<usize> {
    let digits = t.len() - t.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits > 0 && digits <= 2 {
        let rest = &t[digits..];
        for sep in ['、', '.', '．'] {
            if rest.starts_with(sep) && !rest[sep.len_utf8()..].starts_with(|c: char| c.is_ascii_digit()) {
                return Some(digits + sep.len_utf8());
            }
        }
        return None;
    }
    let numeral = |c: char| "一二三四五六七八九十".contains(c) || c.is_ascii_digit();
    for (open, close) in [('（', '）'), ('(', ')')] {
        if let Some(rest) = t.strip_prefix(open) {
            let inner = rest.len() - rest.trim_start_matches(numeral).len();
            if inner > 0 && rest[inner..].starts_with(close) {
                return Some(open.len_utf8() + inner + close.len_utf8());
            }
        }
    }
    let inner = t.len() - t.trim_start_matches(|c: char| "一二三四五六七八九十".contains(c)).len();
    (inner > 0 && t[inner..].starts_with('、')).then(|| inner + '、'.len_utf8())
}

/// The first of `words` in `s` at or after `from`: (its offset, its length).
fn find_word(s: &str, from: usize, words: &[&str]) -> Option<(usize, usize)> {
    words
        .iter()
        .filter_map(|w| s[from..].find(w).map(|i| (from + i, w.len())))
        .min_by_key(|(at, len)| (*at, usize::MAX - len))
}

/// The next budget figure at or after `from` that its words introduce: (offset, length of the
/// words, amount). "完成年初预算的" holds budget words but no figure, and is passed over.
fn next_budget(s: &str, mut from: usize, unit: &str) -> Option<(usize, usize, rust_decimal::Decimal)> {
    let words: Vec<&str> = APPROVED_WORDS.iter().chain(&ADJUSTED_WORDS).copied().collect();
    while let Some((at, len)) = find_word(s, from, &words) {
        if let Some(d) = amount_at(s, at, len, unit) {
            return Some((at, len, d));
        }
        from = at + len;
    }
    None
}

/// The amount the words at `at` (of `len` bytes) introduce, within their clause.
fn amount_at(s: &str, at: usize, len: usize, unit: &str) -> Option<rust_decimal::Decimal> {
    let rest = &s[at + len..];
    let end = rest.find(['，', '。', '；', ';', '：']).unwrap_or(rest.len());
    let clause = &rest[..end];
    // The figure must follow the words directly ("为 452.40 万元"), not later in the clause.
    let lead = text::ascii_digits(clause.trim_start_matches(['为', ' ', '\u{3000}']));
    // One number, then its unit: "452.40 万元", "1,234.56万元"; "1 234.56 万元" (a number split
    // by a space) is no figure.
    let n = lead
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .unwrap_or(lead.len());
    let after = lead[n..].trim_start_matches([' ', '\u{3000}']);
    if n == 0 || !text::UNITS.iter().any(|(u, _)| after.starts_with(u)) {
        return None;
    }
    text::amount_in(&lead, unit).map(|(d, _)| d)
}

/// The 完成率 printed after `RATE_WORDS` in `s` (e.g. "95.45%").
fn rate_in(s: &str) -> Option<String> {
    let (at, len) = find_word(s, 0, &RATE_WORDS)?;
    let rest = text::ascii_digits(s[at + len..].trim_start());
    let n = rest
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ' '))
        .unwrap_or(rest.len());
    let number = rest[..n].replace(' ', "");
    let tail = &rest[n..];
    (!number.is_empty() && (tail.starts_with('%') || tail.starts_with('％'))).then(|| format!("{number}%"))
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Reads every comparison of the narrative. `tables` are the 决算's standard tables (for codes).
/// `wrapped`: the lines are a PDF's printed lines, not paragraphs.
pub fn read(lines: &[SrcLine], wrapped: bool, unit: &str, tables: &[BudgetTable]) -> Option<FinalAccounts> {
    let j = Joined::new(lines, wrapped);
    if std::env::var_os("GK_DEBUG").is_some() {
        for l in lines {
            eprintln!("{:5} {}", l.no, l.text);
        }
    }
    let s = j.text.as_str();
    let mut out = FinalAccounts::default();
    let mut from = 0;
    // Where the previous comparison's text ends: a name is never taken from before it.
    let mut floor = 0;
    while let Some((at, len, first)) = next_budget(s, from, unit) {
        from = at + len;
        // The sentence: up to its "。".
        let sentence_end = s[at..].find('。').map_or(s.len(), |e| at + e + '。'.len_utf8());
        // The actual of this line, before any “其中：” lists its parts' figures.
        let own_end = s[at + len..sentence_end]
            .find("其中")
            .map_or(sentence_end, |i| at + len + i);
        let Some((aat, alen)) = find_word(&s[..own_end], at + len, &ACTUAL_WORDS) else {
            continue;
        };
        let Some(actual) = amount_at(s, aat, alen, unit) else {
            continue;
        };
        // "年初预算为 A 万元，全年预算为 B 万元": A approved, B adjusted; "全年预算为 B 万元" alone:
        // B adjusted, no approved figure stated.
        let (budget, adjusted) = if is_adjusted(&s[at..at + len]) {
            (None, Some(first))
        } else {
            // Only between the approved budget and the actual: never a later part's figure.
            let adjusted =
                find_word(&s[..aat], at + len, &ADJUSTED_WORDS).and_then(|(w, wl)| amount_at(s, w, wl, unit));
            (Some(first), adjusted)
        };

        // The end of what belongs to this comparison: the next paragraph, or the next
        // comparison's sentence, whichever comes first.
        let next_para = j.next_paragraph(at);
        // (The next comparison starts with its sentence, not at its budget words.)
        let next_budget = next_budget(s, sentence_end, unit).map_or(s.len(), |(n, ..)| {
            s[sentence_end..n]
                .rfind('。')
                .map_or(sentence_end, |i| sentence_end + i + '。'.len_utf8())
        });
        let end = next_para.min(next_budget);
        let end = end.max(sentence_end);
        let after = &s[sentence_end..end];
        // 完成率 in its sentence, or the one after ("…决算为 0.88 万元。完成年初预算的 100.00%。").
        let rate = rate_in(&s[at..end]);
        // Its subject: the words before the budget in its own sentence and paragraph.
        let para = j.paragraph_start(at).max(floor);
        let sentence_start = s[para..at].rfind(['。', '：', ':']).map_or(para, |i| {
            para + i + s[para + i..].chars().next().map_or(1, char::len_utf8)
        });
        let subject = s[sentence_start..at].trim().trim_end_matches(['，', ',']);
        let subject = marker_len(subject)
            .map_or(subject, |m| &subject[m..])
            .trim()
            .to_string();
        // "主要用于：行政单位退休人员支出，年初预算为…": the words after 主要用于 are a purpose, not
        // the line's name.
        let after_purpose = s[para..sentence_start]
            .trim_end_matches(['：', ':'])
            .ends_with("主要用于");
        let (name, purpose) = if subject.is_empty() || subject == "其中" || after_purpose {
            // An item: "3、X（类）Y（款）Z（项）。主要用于：…。年初预算为…".
            let item = &s[para..at];
            let item = marker_len(item).map_or(item, |m| &item[m..]);
            let name_end = item.find(['。']).unwrap_or(item.len());
            let name = item[..name_end].trim().to_string();
            let purpose = item[name_end..]
                .split_once("主要用于")
                .map(|(_, p)| {
                    let p = p.trim_start_matches(['：', ':']);
                    // Up to the end of its sentence (or clause, before the budget).
                    let p = p.split('。').next().unwrap_or(p);
                    p.trim().trim_end_matches(['，', ',', '。']).to_string()
                })
                .unwrap_or_default();
            (name, purpose)
        } else {
            (subject, String::new())
        };
        let name = squeeze(&name);
        if name.is_empty() {
            continue;
        }
        let reason = reason_in(after);
        floor = end;
        let comparison = BudgetComparison {
            code: code_of(&name, tables),
            name,
            purpose: squeeze(&purpose),
            budget,
            adjusted_budget: adjusted,
            actual: Some(actual),
            rate,
            reason,
            source_line: Some(j.line_of(at)),
        };
        if comparison.name.contains("三公") {
            out.three_public.get_or_insert(comparison);
        } else {
            out.comparisons.push(comparison);
        }
        from = end.max(from);
    }
    (!out.comparisons.is_empty() || out.three_public.is_some()).then_some(out)
}

/// The published reason after a comparison: "…主要原因：X。" → "X。"; or the sentence saying the
/// two are equal ("决算数同预算数持平。").
fn reason_in(after: &str) -> String {
    if let Some(i) = after.find("主要原因") {
        let r = after[i + "主要原因".len()..]
            .trim_start_matches(['是', '：', ':', '为'])
            .trim();
        let r = r
            .strip_suffix("其中：")
            .or_else(|| r.strip_suffix("其中:"))
            .unwrap_or(r);
        return squeeze(r);
    }
    after
        .split_inclusive('。')
        .find(|s| s.contains("持平") || s.contains("一致") || s.contains("相等"))
        .map(squeeze)
        .unwrap_or_default()
}

/// The 功能分类 code of a line named "X（类）Y（款）Z（项）" (or its first one or two parts) in the
/// 决算's tables: the line whose own name and whose parents' names are those (spaces ignored).
fn code_of(name: &str, tables: &[BudgetTable]) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    let mut rest = name;
    for level in ["（类）", "（款）", "（项）"] {
        match rest.split_once(level) {
            Some((p, r)) => {
                parts.push(p);
                rest = r;
            }
            None => break,
        }
    }
    if parts.is_empty() || !rest.trim_matches(['。', ' ']).is_empty() {
        return None;
    }
    let mut found: Option<String> = None;
    for t in tables
        .iter()
        .filter(|t| t.classification() == Some(Classification::Functional))
    {
        let name_of = |code: &str| {
            t.lines
                .iter()
                .find(|l| l.code.as_deref() == Some(code))
                .map(|l| squeeze(&l.name))
        };
        let len = [3, 5, 7][parts.len() - 1];
        for l in t.lines.iter() {
            let Some(code) = l
                .code
                .as_deref()
                .filter(|c| c.len() == len && c.bytes().all(|b| b.is_ascii_digit()))
            else {
                continue;
            };
            let fits = parts.iter().enumerate().all(|(k, p)| {
                let prefix = &code[..[3, 5, 7][k]];
                name_of(prefix).is_some_and(|n| n == squeeze(p))
            });
            if fits {
                match &found {
                    None => found = Some(code.to_string()),
                    Some(f) if f == code => {}
                    // Two codes with the same names: not certain.
                    Some(_) => return None,
                }
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::split_lines;

    fn comparisons(text: &str) -> FinalAccounts {
        read(&split_lines(text), true, "万元", &[]).expect("comparisons")
    }

    #[test]
    fn a_numbered_item_with_its_purpose_and_reason() {
        let f = comparisons(
            "  （三）一般公共预算财政拨款支出决算具体情况\n  一般公共预算财政拨款支出年初预算为 10210.34 万元，支\n出决算为 9746.50 万元，完成年初预算的 95.45%。决算数小于\n预算数的主要原因：部分项目未开展完成。其中：\n  1、社会保障和就业支出（类）行政事业单位养老支出（款）\n行政单位离退休（项）。主要用于：行政单位退休人员支出。年\n初预算为 54.53 万元，支出决算为 54.53 万元，完成年初预算的\n100.00%。决算数同预算数持平。\n  2、卫生健康支出（类）行政事业单位医疗（款）行政单位\n医疗（项）\n    。主要用于：行政单位医疗保险支出。年初预算为 42.73\n万元，支出决算为 40.35 万元，完成年初预算的 94.43%。决算\n数小于预算数的主要原因：医疗保险基数变更，导致支出减少。\n  六、一般公共预算财政拨款基本支出决算情况说明\n",
        );
        let c = &f.comparisons;
        assert_eq!(c.len(), 3, "{c:#?}");
        assert_eq!(c[0].name, "一般公共预算财政拨款支出");
        assert_eq!(c[0].budget.unwrap().to_string(), "10210.34");
        assert_eq!(c[0].actual.unwrap().to_string(), "9746.50");
        assert_eq!(c[0].rate.as_deref(), Some("95.45%"));
        assert_eq!(c[0].reason, "部分项目未开展完成。");
        assert_eq!(c[0].source_line, Some(2));
        assert_eq!(
            c[1].name,
            "社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项）"
        );
        assert_eq!(c[1].purpose, "行政单位退休人员支出");
        assert_eq!(c[1].reason, "决算数同预算数持平。");
        assert_eq!(c[2].name, "卫生健康支出（类）行政事业单位医疗（款）行政单位医疗（项）");
        assert_eq!(c[2].actual.unwrap().to_string(), "40.35");
        assert_eq!(c[2].reason, "医疗保险基数变更，导致支出减少。");
    }

    #[test]
    fn other_wordings_and_the_three_public_total() {
        let f = comparisons(
            "（一）一般公共服务支出（类）人大事务（款）行政运行（项）。年初预算数为120.5万元，全年预算数为130万元，决算数为128.1万元，完成全年预算的98.5%。决算数小于全年预算数的主要原因是厉行节约。\n“三公”经费财政拨款支出年初预算为 2.85 万元，支出决算为 0.39 万元，完成预算的 13.68%，其中：因公出国（境）费决算为 0.00 万元。主要原因：严格落实中央八项规定。\n",
        );
        let c = &f.comparisons[0];
        assert_eq!(c.name, "一般公共服务支出（类）人大事务（款）行政运行（项）");
        assert_eq!(c.budget.unwrap().to_string(), "120.5");
        assert_eq!(c.adjusted_budget.unwrap().to_string(), "130");
        assert_eq!(c.actual.unwrap().to_string(), "128.1");
        assert_eq!(c.rate.as_deref(), Some("98.5%"));
        assert_eq!(c.reason, "厉行节约。");
        let t = f.three_public.as_ref().unwrap();
        assert_eq!(t.budget.unwrap().to_string(), "2.85");
        assert_eq!(t.actual.unwrap().to_string(), "0.39");
        assert_eq!(t.rate.as_deref(), Some("13.68%"));
        assert_eq!(t.reason, "严格落实中央八项规定。");
    }

    #[test]
    fn a_sentence_without_both_figures_is_not_a_comparison() {
        assert!(read(
            &split_lines("年初预算为万元。支出决算为 5.00 万元。\n本年预算为 3 万元，比上年增加 1 万元。\n"),
            false,
            "万元",
            &[]
        )
        .is_none());
    }

    #[test]
    fn figures_in_yuan_are_converted_exactly() {
        let f = comparisons("行政运行（项）。年初预算为123456元，支出决算为100000元，完成年初预算的81.00%。\n");
        assert_eq!(f.comparisons[0].budget.unwrap().to_string(), "12.3456");
        assert_eq!(f.comparisons[0].actual.unwrap().to_string(), "10");
    }

    #[test]
    fn figures_belong_to_their_own_words_and_lines() {
        let f = comparisons(
            "“三公”经费财政拨款支出年初预算为 2.85 万元，支出决算为 0.39 万元，其中：因公出国（境）费全年预算为 1.00 万元，支出决算为 0 万元。\n1、行政运行（项）。主要用于：行政单位退休人员支出，年初预算为 54.53 万元，调整后预算为 60.00 万元，支出决算为 58.00 万元。\n2、事业运行（项），年初预算为 1 234.56 万元，支出决算为 100.00 万元。\n",
        );
        let t = f.three_public.as_ref().unwrap();
        assert_eq!(
            (
                t.budget.map(|d| d.to_string()),
                t.adjusted_budget,
                t.actual.map(|d| d.to_string())
            ),
            (Some("2.85".into()), None, Some("0.39".into())),
            "a part's figures are not the total's"
        );
        let c = &f.comparisons;
        assert_eq!(c.len(), 1, "a number split by a space is no figure: {c:#?}");
        assert_eq!(c[0].name, "行政运行（项）", "the purpose is not the name");
        assert_eq!(c[0].purpose, "行政单位退休人员支出");
        assert_eq!(
            (
                c[0].budget.map(|d| d.to_string()),
                c[0].adjusted_budget.map(|d| d.to_string()),
                c[0].actual.map(|d| d.to_string())
            ),
            (Some("54.53".into()), Some("60.00".into()), Some("58.00".into()))
        );
    }

    #[test]
    fn a_year_end_budget_alone_is_the_adjusted_one_and_a_heading_is_not_a_name() {
        let f = comparisons(
            "（三）一般公共预算财政拨款支出决算具体情况\n一般公共预算财政拨款支出年初预算为 0 万元，全年预算为\n321.02 万元，支出决算为 307.82 万元，完成年初预算的 95.89%。\n1、一般公共服务支出（类）社会工作事务（款）行政运行（项）。主要用于：行政单位人员支出。全年预算为 52.00 万元，支出决算为 51.32 万元，完成全年预算数的 98.69%。\n",
        );
        let whole = &f.comparisons[0];
        assert_eq!(whole.name, "一般公共预算财政拨款支出");
        assert_eq!(whole.budget.unwrap().to_string(), "0");
        assert_eq!(whole.adjusted_budget.unwrap().to_string(), "321.02");
        let line = &f.comparisons[1];
        assert_eq!(
            (line.budget, line.adjusted_budget.map(|d| d.to_string())),
            (None, Some("52.00".into()))
        );
        assert_eq!(line.rate.as_deref(), Some("98.69%"));
    }
}
