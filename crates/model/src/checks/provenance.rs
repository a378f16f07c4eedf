//! Where a figure came from: the file, page, table and row of the published document, for the
//! 数据核对 view and `gongkai validate` ("第 14 页 一般公共预算支出预算表 第 6 行").
//!
//! Built from what the importer recorded: each budget table's and line's `source_line`, and the
//! import report's page starts ([`ImportReport::pages`]). A bundle without them (written by
//! hand, or imported from one text file) cites the table and row, or nothing.

use crate::i18n::Lang;
use crate::Bundle;

/// Where one figure is in the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    /// The file, when several were imported together.
    pub file: Option<String>,
    /// 1-based page (PDF input).
    pub page: Option<u32>,
    /// The standard table's title as published.
    pub table: Option<String>,
    /// 1-based row within that table, in published order.
    pub row: Option<usize>,
    /// 1-based line of the text the importer read, when there was no page.
    pub line: Option<usize>,
}

impl Citation {
    /// The place in `lang`: "公开表.pdf 第 2 页 一般公共预算支出预算表 第 3 行".
    pub fn show(&self, lang: Lang) -> String {
        let mut parts: Vec<String> = Vec::new();
        if let Some(file) = &self.file {
            parts.push(file.clone());
        }
        if let Some(p) = self.page {
            parts.push(lang.tf("cite.page", &[&p]));
        }
        if let Some(t) = &self.table {
            parts.push(t.clone());
        }
        match (self.row, self.line) {
            (Some(r), _) => parts.push(lang.tf("cite.row", &[&r])),
            (None, Some(l)) if self.page.is_none() => parts.push(lang.tf("cite.line", &[&l])),
            _ => {}
        }
        parts.join(" ")
    }
}

/// `tables[3].lines[5]…` → (3, Some(5)); `tables[3]…` → (3, None).
fn table_path(path: &str) -> Option<(usize, Option<usize>)> {
    let rest = path.strip_prefix("tables[")?;
    let (t, rest) = rest.split_once(']')?;
    let t = t.parse().ok()?;
    let line = rest
        .strip_prefix(".lines[")
        .and_then(|r| r.split_once(']'))
        .and_then(|(l, _)| l.parse().ok());
    Some((t, line))
}

/// Where the figure at `path` (a path of [`crate::Check::figures`]) was published, when the
/// bundle knows.
pub fn cite(b: &Bundle, path: &str) -> Option<Citation> {
    let (t, line) = table_path(path)?;
    let table = b.tables.get(t)?;
    let source_line = match line {
        Some(l) => b.tables[t].lines.get(l)?.source_line,
        None => table.source_line,
    };
    let page = source_line.and_then(|l| b.import_report.as_ref()?.page_of(l));
    Some(Citation {
        file: page.and_then(|p| p.file.clone()),
        page: page.and_then(|p| p.page),
        table: Some(table.title.clone()),
        row: line.map(|l| l + 1),
        line: source_line,
    })
}

/// The file and page a line of the imported text was on ("公开表.pdf 第 3 页"), when the source
/// had pages or several files.
pub fn page_of_line(lang: Lang, report: &crate::ImportReport, line: usize) -> Option<String> {
    let p = report.page_of(line)?;
    let mut parts: Vec<String> = p.file.iter().cloned().collect();
    if let Some(n) = p.page {
        parts.push(lang.tf("cite.page", &[&n]));
    }
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// The distinct places of a check's figures, rows of one table on one page together, in the
/// order the figures come ("第 6 页 财政拨款基本支出预算表 第 25、26、27 行").
pub fn citations(lang: Lang, b: &Bundle, figures: &[String]) -> Vec<String> {
    // (place without its row, rows) in first-seen order.
    let mut groups: Vec<(Citation, Vec<usize>)> = Vec::new();
    for f in figures {
        let Some(c) = cite(b, f) else { continue };
        let key = Citation { row: None, ..c.clone() };
        match groups
            .iter_mut()
            .find(|(k, _)| k.file == key.file && k.page == key.page && k.table == key.table)
        {
            Some((_, rows)) => rows.extend(c.row),
            None => groups.push((key, c.row.into_iter().collect())),
        }
    }
    groups
        .into_iter()
        .map(|(place, mut rows)| {
            rows.sort_unstable();
            rows.dedup();
            match rows.as_slice() {
                [] => place.show(lang),
                [one] => Citation {
                    row: Some(*one),
                    ..place
                }
                .show(lang),
                many => {
                    let list: Vec<String> = many.iter().map(|r| r.to_string()).collect();
                    let head = Citation { line: None, ..place }.show(lang);
                    format!(
                        "{head} {}",
                        lang.tf("cite.row", &[&list.join(lang.t("common.list_sep"))])
                    )
                }
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tables::{BudgetLine, BudgetTable, Cell, TableKind};
    use crate::{ImportReport, SourcePage};

    fn bundle() -> Bundle {
        let mut b: Bundle =
            crate::parse_bundle(include_str!("../../../../data/pingxiang-fgj-2017.json"), "seed").unwrap();
        let line = |name: &str, no| BudgetLine {
            code: None,
            name: name.into(),
            amounts: vec![Cell(None)],
            source_line: Some(no),
            part: None,
        };
        b.tables = vec![BudgetTable {
            kind: TableKind::GeneralPublic,
            title: "一般公共预算支出预算表".into(),
            unit: "万元".into(),
            columns: vec!["金额".into()],
            lines: vec![line("合计", 40), line("一般公共服务支出", 41), line("行政运行", 52)],
            notes: vec![],
            source_line: Some(38),
        }];
        b.import_report = Some(ImportReport {
            pages: vec![
                SourcePage {
                    line: 1,
                    file: Some("说明.pdf".into()),
                    page: Some(1),
                },
                SourcePage {
                    line: 30,
                    file: Some("公开表.pdf".into()),
                    page: Some(1),
                },
                SourcePage {
                    line: 50,
                    file: Some("公开表.pdf".into()),
                    page: Some(2),
                },
            ],
            ..Default::default()
        });
        b
    }

    #[test]
    fn a_table_figure_names_its_file_page_table_and_row() {
        let b = bundle();
        assert_eq!(
            cite(&b, "tables[0].lines[2].amounts[0]").unwrap().show(Lang::Zh),
            "公开表.pdf 第 2 页 一般公共预算支出预算表 第 3 行"
        );
        assert_eq!(
            citations(
                Lang::Zh,
                &b,
                &[
                    "tables[0].lines[2].amounts[0]".into(),
                    "tables[0].lines[1]".into(),
                    "tables[0].lines[0]".into(),
                    "tables[0].lines[1].amounts[0]".into()
                ]
            ),
            [
                "公开表.pdf 第 2 页 一般公共预算支出预算表 第 3 行",
                "公开表.pdf 第 1 页 一般公共预算支出预算表 第 1、2 行"
            ]
        );
        assert_eq!(
            citations(
                Lang::En,
                &b,
                &["tables[0].lines[0]".into(), "tables[0].lines[1]".into()]
            ),
            ["公开表.pdf page 1 一般公共预算支出预算表 row 1, 2"]
        );
        assert_eq!(cite(&b, "tables[0]").unwrap().page, Some(1));
        let r = b.import_report.as_ref().unwrap();
        assert_eq!(page_of_line(Lang::Zh, r, 29).as_deref(), Some("说明.pdf 第 1 页"));
        assert_eq!(page_of_line(Lang::Zh, r, 50).as_deref(), Some("公开表.pdf 第 2 页"));
        assert_eq!(page_of_line(Lang::Zh, &crate::ImportReport::default(), 5), None);
    }

    #[test]
    fn without_pages_the_table_and_row_and_without_tables_nothing() {
        let mut b = bundle();
        b.import_report = None;
        let c = cite(&b, "tables[0].lines[1].amounts[0]").unwrap();
        assert_eq!((c.page, c.row, c.line), (None, Some(2), Some(41)));
        assert!(cite(&b, "revenue.total").is_none());
        assert!(cite(&b, "tables[9].lines[0]").is_none());
        assert!(cite(&b, "tables[0].lines[99]").is_none());
        assert!(cite(&b, "tables[x]").is_none());
    }
}
