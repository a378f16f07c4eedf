//! CSV export of the bundle's tables, as Excel in China expects it: UTF-8 with a byte-order mark,
//! CRLF line ends, RFC 4180 quoting. Cells that a spreadsheet would run as a formula (starting
//! with = + - @ or a tab) get a leading apostrophe, so a hostile name cannot become a formula.
//! Amounts are written exactly (Decimal) and blank amounts as an empty cell, never 0.

use crate::bundle::*;
use crate::i18n::Lang;
use crate::validate::{Check, CheckStatus};
use rust_decimal::Decimal;

/// RFC 4180 quoting of one cell.
fn quote(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// One cell for a spreadsheet: formula-like text defused, then quoted.
fn cell(s: &str) -> String {
    match s.chars().next() {
        Some('=' | '+' | '@' | '\t' | '\r') => quote(&format!("'{s}")),
        // A negative number is data, "-cmd" is not.
        Some('-') if s[1..].parse::<Decimal>().is_err() => quote(&format!("'{s}")),
        _ => quote(s),
    }
}

/// One CRLF-terminated line of RFC 4180 cells, values unchanged (for machine-readable files
/// such as the Fiscal Data Package, where an apostrophe would alter the data).
pub fn csv_line(cells: &[String]) -> String {
    cells.iter().map(|c| quote(c)).collect::<Vec<_>>().join(",") + "\r\n"
}

fn amount(d: Option<Decimal>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

/// A whole CSV document from a header and rows.
pub fn to_csv(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut out = String::from("\u{feff}");
    let line = |cells: &mut dyn Iterator<Item = String>| cells.collect::<Vec<_>>().join(",") + "\r\n";
    out.push_str(&line(&mut header.iter().map(|h| cell(h))));
    for r in rows {
        out.push_str(&line(&mut r.iter().map(|c| cell(c))));
    }
    out
}

/// 预算执行: one row per line (the whole, each 类/款/项 depth first, the narrative's lines no table
/// codes, then the “三公” items), with its budget and where it was published, the actual, the
/// difference (决算 − 预算) and the 完成率 as printed and as computed. Amounts in `e.unit`.
pub fn execution_csv(e: &crate::execution::Execution) -> String {
    use crate::execution::BudgetSource;
    let source = |s: Option<BudgetSource>| match s {
        Some(BudgetSource::FinalTable) => "final_table",
        Some(BudgetSource::FinalNarrative) => "final_narrative",
        Some(BudgetSource::BudgetDocument) => "budget_document",
        None => "",
    };
    let rows: Vec<Vec<String>> = e
        .all_rows()
        .chain(e.three_public.iter())
        .map(|r| {
            vec![
                r.code.clone().unwrap_or_default(),
                r.name.clone(),
                amount(r.budget),
                source(r.budget_source).to_string(),
                amount(r.adjusted),
                amount(r.actual),
                amount(r.difference()),
                r.rate_printed.clone().unwrap_or_default(),
                r.rate().map(|d| d.to_string()).unwrap_or_default(),
                r.purpose.clone(),
                r.reason.clone(),
                e.unit.clone(),
            ]
        })
        .collect();
    to_csv(
        &[
            "科目编码",
            "科目名称",
            "预算数",
            "预算数出处",
            "全年预算数",
            "决算数",
            "差额",
            "完成率（公布）",
            "完成率（计算，%）",
            "主要用于",
            "原因",
            "单位",
        ],
        &rows,
    )
}

/// 绩效指标: one row per indicator with its activity, sub-activity and four grades.
pub fn indicators_csv(b: &Bundle) -> String {
    indicators_csv_where(b, |_, _| true)
}

/// The indicators `keep(activity index, indicator)` selects (the filtered view on screen).
pub fn indicators_csv_where(b: &Bundle, keep: impl Fn(usize, &Indicator) -> bool) -> String {
    to_csv(
        &["职责活动", "子活动", "绩效指标", "优", "良", "中", "差"],
        &indicator_rows(b, keep),
    )
}

/// Rows (activity, sub-activity, indicator, 优, 良, 中, 差) of the indicators `keep` selects;
/// blank grades are empty cells.
pub fn indicator_rows(b: &Bundle, keep: impl Fn(usize, &Indicator) -> bool) -> Vec<Vec<String>> {
    let index_of = |a: &Activity| {
        b.performance
            .activities
            .iter()
            .position(|x| std::ptr::eq(x, a))
            .unwrap_or(0)
    };
    b.indicators()
        .filter(|(a, _, i)| keep(index_of(a), i))
        .map(|(a, s, i)| {
            let mut row = vec![
                a.name.clone(),
                s.map(|s| s.name.clone()).unwrap_or_default(),
                i.name.clone(),
            ];
            row.extend(i.grades().into_iter().map(|g| g.clone().unwrap_or_default()));
            row
        })
        .collect()
}

/// The national performance tables' indicators, one row each, with their project: the columns
/// every form can fill (a 目标表 leaves the 自评 columns empty). Texts as published; blank cells
/// empty; 分值 and 得分 as printed.
pub fn performance_targets_csv(b: &Bundle) -> String {
    let opt = |o: &Option<String>| o.clone().unwrap_or_default();
    let mut rows = Vec::new();
    for p in &b.performance_targets.projects {
        for i in &p.indicators {
            rows.push(vec![
                p.name.clone(),
                opt(&p.department),
                opt(&p.implementer),
                i.level1.clone(),
                i.level2.clone(),
                i.name.clone(),
                i.target_text().unwrap_or_default(),
                opt(&i.achieved),
                amount(i.weight),
                amount(i.score),
                opt(&i.deviation),
                opt(&i.measures),
                opt(&i.note),
            ]);
        }
    }
    to_csv(
        &[
            "项目名称",
            "主管部门",
            "实施单位",
            "一级指标",
            "二级指标",
            "三级指标",
            "指标值",
            "实际完成值",
            "分值",
            "得分",
            "偏差原因",
            "改进措施",
            "备注",
        ],
        &rows,
    )
}

/// 职责活动 and 子活动 with amounts (in the bundle unit), descriptions and goals.
pub fn activities_csv(b: &Bundle) -> String {
    let mut rows = Vec::new();
    for a in &b.performance.activities {
        rows.push(vec![
            a.name.clone(),
            String::new(),
            amount(a.amount),
            a.description.clone(),
            a.goal.clone(),
        ]);
        for s in &a.sub_activities {
            rows.push(vec![
                a.name.clone(),
                s.name.clone(),
                amount(s.amount),
                s.description.clone(),
                s.goal.clone(),
            ]);
        }
    }
    let amount_header = format!("年度预算数（{}）", b.meta.unit);
    to_csv(&["职责活动", "子活动", &amount_header, "内容描述", "绩效目标"], &rows)
}

/// 国有资产: every row with its level, quantity unit and the four figures.
pub fn assets_csv(b: &Bundle) -> String {
    fn walk(r: &AssetRow, depth: usize, rows: &mut Vec<Vec<String>>) {
        rows.push(vec![
            r.name.clone(),
            depth.to_string(),
            r.quantity_unit.clone().unwrap_or_default(),
            amount(r.quantity_start),
            amount(r.quantity_end),
            amount(r.value_start),
            amount(r.value_end),
        ]);
        for c in &r.children {
            walk(c, depth + 1, rows);
        }
    }
    let mut rows = Vec::new();
    for r in &b.assets.rows {
        walk(r, 0, &mut rows);
    }
    let (vs, ve) = (
        format!("价值年初（{}）", b.assets.value_unit),
        format!("价值年末（{}）", b.assets.value_unit),
    );
    to_csv(&["项目", "层级", "数量单位", "数量年初", "数量年末", &vs, &ve], &rows)
}

/// One standard table as published: 科目编码, 科目名称 and its amount columns (in the table's
/// unit, named in the header); blank cells empty, never 0.
pub fn budget_table_csv(lang: Lang, t: &crate::tables::BudgetTable) -> String {
    // The 收支预算总表 is printed in parts side by side: a first column says which.
    let parted = t.lines.iter().any(|l| l.part.is_some());
    let mut header = vec![
        crate::i18n::t_in(lang, "tables.code").to_string(),
        crate::i18n::t_in(lang, "tables.name").to_string(),
    ];
    if parted {
        header.insert(0, crate::i18n::t_in(lang, "tables.part").to_string());
    }
    header.extend(t.columns.iter().map(|c| format!("{c}（{}）", t.unit)));
    let rows: Vec<Vec<String>> = t
        .lines
        .iter()
        .map(|l| {
            let mut row = vec![l.code.clone().unwrap_or_default(), l.name.clone()];
            if parted {
                row.insert(0, l.part.clone().unwrap_or_default());
            }
            row.extend(l.amounts.iter().map(|c| amount(c.0)));
            row
        })
        .collect();
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    to_csv(&header, &rows)
}

/// 数据核对: every check with its id, result and figures, its texts in `lang` (the headings stay
/// Chinese, as in every export).
pub fn checks_csv(checks: &[Check], lang: Lang) -> String {
    let rows: Vec<Vec<String>> = checks
        .iter()
        .map(|c| {
            let status = match c.status {
                CheckStatus::Pass => "相符",
                CheckStatus::Fail => "不符",
                CheckStatus::NotApplicable => "无法核对",
            };
            vec![
                c.id.to_string(),
                status.to_string(),
                c.area(lang).to_string(),
                c.label(lang),
                c.detail(lang),
            ]
        })
        .collect();
    to_csv(&["编号", "结果", "类别", "核对内容", "数字"], &rows)
}

#[cfg(test)]
mod execution_tests {
    #[test]
    fn the_execution_table_keeps_blank_budgets_blank_and_names_sources() {
        let mut e = crate::execution::Execution {
            unit: "万元".into(),
            ..Default::default()
        };
        let mut r = crate::execution::ExecutionRow::named(Some("2120201".into()), "城乡社区规划与管理".into());
        r.budget = Some("3110.14".parse().unwrap());
        r.budget_source = Some(crate::execution::BudgetSource::FinalNarrative);
        r.actual = Some("2739.56".parse().unwrap());
        r.rate_printed = Some("88.08%".into());
        r.reason = "=进度拖延".into();
        e.rows.push(r);
        e.rows.push(crate::execution::ExecutionRow::named(
            Some("208".into()),
            "社会保障和就业支出".into(),
        ));
        let csv = super::execution_csv(&e);
        let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
        assert_eq!(
            lines[1],
            "2120201,城乡社区规划与管理,3110.14,final_narrative,,2739.56,-370.58,88.08%,88.08,,'=进度拖延,万元"
        );
        assert_eq!(
            lines[2], "208,社会保障和就业支出,,,,,,,,,,万元",
            "blank stays blank, never 0"
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_bom_and_formula_defusing() {
        let csv = to_csv(
            &["a", "b"],
            &[
                vec!["x,y".into(), "say \"hi\"".into()],
                vec!["=1+1".into(), "-2.35".into()],
                vec!["-cmd".into(), "".into()],
            ],
        );
        assert_eq!(
            csv,
            "\u{feff}a,b\r\n\"x,y\",\"say \"\"hi\"\"\"\r\n'=1+1,-2.35\r\n'-cmd,\r\n"
        );
    }
}
