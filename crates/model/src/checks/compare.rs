//! Two years of one department side by side: each line (revenue source, expenditure category,
//! “三公” item, activity) matched by name, with its change, and lines added or removed.

use crate::bundle::Bundle;
use crate::format::percent;
use crate::i18n::Lang;
use crate::tr;
use rust_decimal::Decimal;

/// How a line differs between the two years.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineChange {
    /// Only in the later year.
    Added,
    /// Only in the earlier year.
    Removed,
    /// In both, with different amounts (or one blank).
    Changed,
    /// In both, same amount.
    Same,
}

/// One compared line. Amounts in the bundles' unit; `None` = blank (未列) or absent.
#[derive(Debug, Clone, PartialEq)]
pub struct CompareRow {
    pub name: String,
    pub before: Option<Decimal>,
    pub after: Option<Decimal>,
    pub change: LineChange,
}

impl CompareRow {
    /// after − before when both are stated.
    pub fn delta(&self) -> Option<Decimal> {
        Some(self.after? - self.before?)
    }
    /// The change in percent of the earlier amount, rounded to 0.1.
    pub fn delta_percent(&self) -> Option<Decimal> {
        percent(self.delta()?, self.before?, 1)
    }
}

/// One part of the comparison (收入, 支出, 三公, 职责活动).
#[derive(Debug, Clone, PartialEq)]
pub struct CompareSection {
    pub title: &'static str,
    pub rows: Vec<CompareRow>,
}

fn lines<'a>(items: impl Iterator<Item = (&'a str, Option<Decimal>)>) -> Vec<(String, Option<Decimal>)> {
    items.map(|(n, a)| (n.to_string(), a)).collect()
}

/// Matches lines by name: the later year's order first, then lines only the earlier year has.
fn match_lines(before: Vec<(String, Option<Decimal>)>, after: Vec<(String, Option<Decimal>)>) -> Vec<CompareRow> {
    let keyed = |v: Vec<(String, Option<Decimal>)>| v.into_iter().map(|(n, a)| (n.clone(), n, a)).collect();
    match_keyed(keyed(before), keyed(after))
}

/// Matches lines `(key, label, amount)` by key: the later year's order first (labelled as the
/// later year prints them), then lines only the earlier year has.
fn match_keyed(
    before: Vec<(String, String, Option<Decimal>)>,
    after: Vec<(String, String, Option<Decimal>)>,
) -> Vec<CompareRow> {
    let mut rows: Vec<CompareRow> = after
        .iter()
        .map(|(key, name, a)| {
            let b = before.iter().find(|(k, _, _)| k == key);
            CompareRow {
                name: name.clone(),
                before: b.and_then(|x| x.2),
                after: *a,
                change: match b {
                    None => LineChange::Added,
                    Some((_, _, b)) if b == a => LineChange::Same,
                    Some(_) => LineChange::Changed,
                },
            }
        })
        .collect();
    for (key, name, b) in &before {
        if !after.iter().any(|(k, _, _)| k == key) {
            rows.push(CompareRow {
                name: name.clone(),
                before: *b,
                after: None,
                change: LineChange::Removed,
            });
        }
    }
    rows
}

/// Compares `earlier` with `later` (usually last year with this year); section titles and the
/// totals' names in `lang`.
pub fn compare(lang: Lang, earlier: &Bundle, later: &Bundle) -> Vec<CompareSection> {
    let totals = |b: &Bundle| {
        vec![
            (tr!(lang, "overview.total_revenue").to_string(), b.revenue.total),
            (tr!(lang, "overview.total_expenditure").to_string(), b.expenditure.total),
            (tr!(lang, "term.basic").to_string(), b.basic_expenditure()),
            (tr!(lang, "term.project").to_string(), b.project_expenditure()),
            (tr!(lang, "term.three_public").to_string(), b.three_public.total),
            (tr!(lang, "term.operating_costs").to_string(), b.operating_costs.amount),
        ]
    };
    let mut sections = vec![
        CompareSection {
            title: tr!(lang, "compare.totals"),
            rows: match_lines(totals(earlier), totals(later)),
        },
        CompareSection {
            title: tr!(lang, "overview.sources"),
            rows: match_lines(
                lines(earlier.revenue.sources.iter().map(|s| (s.name.as_str(), s.amount))),
                lines(later.revenue.sources.iter().map(|s| (s.name.as_str(), s.amount))),
            ),
        },
        CompareSection {
            title: tr!(lang, "compare.categories"),
            rows: match_lines(
                lines(
                    earlier
                        .expenditure
                        .categories
                        .iter()
                        .map(|c| (c.name.as_str(), c.amount)),
                ),
                lines(later.expenditure.categories.iter().map(|c| (c.name.as_str(), c.amount))),
            ),
        },
        CompareSection {
            title: tr!(lang, "term.three_public"),
            rows: match_lines(
                lines(earlier.three_public.items.iter().map(|i| (i.name.as_str(), i.amount))),
                lines(later.three_public.items.iter().map(|i| (i.name.as_str(), i.amount))),
            ),
        },
        CompareSection {
            title: tr!(lang, "search.kind.activity"),
            rows: match_lines(
                lines(
                    earlier
                        .performance
                        .activities
                        .iter()
                        .map(|a| (a.name.as_str(), a.amount)),
                ),
                lines(later.performance.activities.iter().map(|a| (a.name.as_str(), a.amount))),
            ),
        },
    ];
    sections.extend(code_sections(lang, earlier, later));
    sections
}

/// The coded standard tables both years publish (in the later year's unit), line by line matched
/// by 科目 code, so a line renamed between years ("文化体育与传媒支出" → "文化旅游体育与传媒支出",
/// code 207) is one line; named "code name" as the later year prints it.
fn code_sections(lang: Lang, earlier: &Bundle, later: &Bundle) -> Vec<CompareSection> {
    let coded = |b: &Bundle, kind: crate::tables::TableKind| {
        b.tables
            .iter()
            .find(|t| t.kind == kind && t.unit == later.meta.unit && t.coded_lines().next().is_some())
            .map(|t| {
                t.coded_lines()
                    .map(|(_, l)| {
                        let code = l.code.clone().unwrap_or_default();
                        let label = format!("{code} {}", l.name);
                        (code, label, l.amount(0))
                    })
                    .collect::<Vec<_>>()
            })
    };
    let mut out = Vec::new();
    for kind in crate::tables::TableKind::ALL
        .into_iter()
        .filter(|k| k.classification().is_some())
    {
        let (Some(before), Some(after)) = (coded(earlier, kind), coded(later, kind)) else {
            continue;
        };
        let rows = match_keyed(before, after);
        out.push(CompareSection {
            title: lang.t(kind.key()),
            rows,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coded_table_lines_are_matched_by_code_across_years() {
        use crate::tables::*;
        let table = |lines: &[(&str, &str, &str)]| BudgetTable {
            kind: TableKind::GeneralPublic,
            title: "一般公共预算支出预算表".into(),
            unit: "万元".into(),
            columns: vec!["金额".into()],
            lines: lines
                .iter()
                .map(|(c, n, a)| BudgetLine {
                    code: Some(c.to_string()),
                    name: n.to_string(),
                    amounts: vec![Cell(Some(a.parse().unwrap()))],
                    source_line: None,
                    part: None,
                })
                .collect(),
            notes: vec![],
            source_line: None,
        };
        let mut y2018 = Bundle::empty(crate::bundle::Meta::new("某局", 2018, "万元"));
        y2018.tables.push(table(&[
            ("207", "文化体育与传媒支出", "10.00"),
            ("208", "社会保障和就业支出", "5.00"),
            ("212", "城乡社区支出", "1.00"),
        ]));
        let mut y2019 = Bundle::empty(crate::bundle::Meta::new("某局", 2019, "万元"));
        y2019.tables.push(table(&[
            ("207", "文化旅游体育与传媒支出", "12.00"),
            ("208", "社会保障和就业支出", "5.00"),
            ("224", "灾害防治及应急管理支出", "3.00"),
        ]));
        let sections = compare(Lang::Zh, &y2018, &y2019);
        let s = sections
            .iter()
            .find(|s| s.title == "一般公共预算支出预算表")
            .expect("a section for the table");
        let rows: Vec<(&str, LineChange)> = s.rows.iter().map(|r| (r.name.as_str(), r.change)).collect();
        assert_eq!(
            rows,
            [
                ("207 文化旅游体育与传媒支出", LineChange::Changed),
                ("208 社会保障和就业支出", LineChange::Same),
                ("224 灾害防治及应急管理支出", LineChange::Added),
                ("212 城乡社区支出", LineChange::Removed),
            ]
        );
        assert_eq!(s.rows[0].delta().unwrap().to_string(), "2.00");
    }

    #[test]
    fn lines_added_removed_changed() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        let before = vec![
            ("A".into(), Some(d("10"))),
            ("B".into(), Some(d("5"))),
            ("C".into(), None),
        ];
        let after = vec![
            ("A".into(), Some(d("12.5"))),
            ("C".into(), None),
            ("D".into(), Some(d("1"))),
        ];
        let rows = match_lines(before, after);
        let kinds: Vec<(&str, LineChange)> = rows.iter().map(|r| (r.name.as_str(), r.change)).collect();
        assert_eq!(
            kinds,
            [
                ("A", LineChange::Changed),
                ("C", LineChange::Same),
                ("D", LineChange::Added),
                ("B", LineChange::Removed)
            ]
        );
        assert_eq!(rows[0].delta(), Some(d("2.5")));
        assert_eq!(rows[0].delta_percent(), Some(d("25.0")));
        assert_eq!(rows[2].delta(), None);
    }
}
