//! What the lines around a table say: its title (which standard table it is), its unit and the
//! department, and the page furniture that is none of these.

use crate::lines::SrcLine;
use gongkai_model::tables::TableKind;

/// Page furniture between and above tables: "公开07表", "表八", "附表3", "- 12 -", "第 3 页".
pub(crate) fn is_furniture(line: &str) -> bool {
    let t: String = line.chars().filter(|c| !c.is_whitespace() && *c != '\u{0c}').collect();
    if t.is_empty() {
        return false;
    }
    let numeral = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(c))
    };
    // A page number: "- 12 -", or a bare number too short to be a 科目 code.
    let inner = t.trim_matches(|c| c == '-' || c == '—');
    (numeral(inner) && (inner.len() < t.len() || t.len() <= 2))
        || ["公开", "附表", "表"]
            .iter()
            .any(|p| t.strip_prefix(p).is_some_and(|r| numeral(r.trim_end_matches('表'))))
        || t.strip_prefix('第')
            .and_then(|r| r.strip_suffix('页'))
            .is_some_and(numeral)
}

/// The standard table a line titles, if it is a title line (not a sentence mentioning a table).
pub(crate) fn title_kind(line: &str) -> Option<(TableKind, String)> {
    let t = line.trim();
    if t.is_empty()
        || t.chars().count() > 45
        || t.contains('。')
        || t.contains("说明")
        || t.contains('《')
        || t.contains("情况")
        || t.contains('…')
        || t.contains("……")
    {
        return None;
    }
    // Drop "表八", "公开07表", "附表1", "一、", "1." prefixes.
    let mut title = t.to_string();
    for prefix in ["附表", "公开", "表"] {
        if let Some(rest) = title.strip_prefix(prefix) {
            let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c));
            let rest = rest.strip_prefix('表').unwrap_or(rest);
            title = rest.trim_start_matches(['：', ':', ' ', '、']).to_string();
        }
    }
    // "一、收支预算总表": a numbered heading (but "一般公共预算…" starts with 一 too).
    let numbered = title.trim_start_matches(|c: char| "一二三四五六七八九十".contains(c));
    let title = match numbered.strip_prefix('、') {
        Some(rest) => rest.trim().to_string(),
        None => title.trim().to_string(),
    };
    TableKind::from_title(&title).map(|k| (k, title))
}

/// `部门：X`, `单位：万元` on a line (either may be missing).
pub(crate) fn dept_and_unit(line: &str) -> (Option<String>, Option<String>) {
    let cs = crate::grid::text::chunks(line);
    let mut dept = None;
    let mut unit = None;
    for (i, c) in cs.iter().enumerate() {
        let t = c.text.as_str();
        for key in [
            "部门：",
            "部门:",
            "单位名称：",
            "编制部门：",
            "编制部门:",
            "部门名称：",
            "编制单位：",
            "编制单位:",
        ] {
            if let Some(rest) = t.strip_prefix(key) {
                let rest = rest.trim();
                let name = if rest.is_empty() {
                    cs.get(i + 1).map(|n| n.text.clone())
                } else {
                    Some(rest.to_string())
                };
                dept = name.filter(|n| !n.starts_with("单位") && !n.is_empty());
            }
        }
        for key in ["单位：", "单位:", "金额单位：", "金额单位:"] {
            if let Some(pos) = t.find(key) {
                let rest = t[pos + key.len()..].trim();
                let rest = if rest.is_empty() {
                    cs.get(i + 1).map(|n| n.text.as_str()).unwrap_or("")
                } else {
                    rest
                };
                for u in ["万元", "亿元", "元"] {
                    if rest.starts_with(u) {
                        unit = Some(u.to_string());
                        break;
                    }
                }
            }
        }
    }
    (dept, unit)
}

/// Whether the texts of one table row are a caption rather than a table row: a title, a
/// 部门 / 单位 line (its label with the name beside it), page furniture.
pub fn is_caption_row(texts: &[&str]) -> bool {
    let figure = |t: &str| t.chars().any(|c| c.is_ascii_digit()) && crate::text::parse_cell_number(t).is_ok();
    let labelled = texts.iter().any(|t| {
        let (d, u) = dept_and_unit(t);
        d.is_some()
            || u.is_some()
            || matches!(
                t.trim(),
                "部门：" | "部门:" | "部门名称：" | "编制部门：" | "编制单位："
            )
            // A unit cut by a rule ("单位：万" | "元").
            || ["单位：", "单位:", "金额单位"].iter().any(|p| t.trim().starts_with(p))
    });
    texts.iter().all(|t| title_kind(t).is_some() || is_furniture(t))
        || labelled && !texts.iter().any(|t| figure(t)) && texts.len() <= 4
}

/// The standard tables' title lines: (index, kind, title as printed), each confirmed by its 单位
/// (or 部门) line close below, before any other title (a table of contents lists titles one under
/// another).
pub fn table_titles(lines: &[SrcLine]) -> Vec<(usize, TableKind, String)> {
    let mut titles = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        // A title wrapped before its last character or two ("…支出预算" / "表").
        let wrapped = || {
            let next = lines[i + 1..].iter().find(|x| !x.text.trim().is_empty())?;
            let tail = next.text.trim();
            (tail.chars().count() <= 2 && !l.text.trim().is_empty())
                .then(|| title_kind(&format!("{}{tail}", l.text.trim())))
                .flatten()
        };
        let Some((kind, title)) = title_kind(&l.text).or_else(wrapped) else {
            continue;
        };
        let confirmed = lines[i + 1..]
            .iter()
            .filter(|x| !x.text.trim().is_empty())
            .take(9)
            .take_while(|x| title_kind(&x.text).is_none())
            .any(|x| x.text.contains("单位：") || x.text.contains("单位:") || x.text.contains("部门："));
        if confirmed {
            titles.push((i, kind, title));
        }
    }
    titles
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_furniture() {
        for f in [
            "公开07表",
            "表八",
            "附表3",
            " - 12 -",
            "第 3 页",
            "\u{0c}公开11表",
            "12",
        ] {
            assert!(is_furniture(f), "{f}");
        }
        for t in ["合计", "表格说明", "201", "20101", "一般公共服务支出"] {
            assert!(!is_furniture(t), "{t}");
        }
    }

    #[test]
    fn titles_with_prefixes_and_not_sentences() {
        assert_eq!(title_kind("  表八").map(|t| t.0), None);
        assert_eq!(
            title_kind("公开07表 一般公共预算支出预算表（功能科目）").map(|t| t.0),
            Some(TableKind::GeneralPublic)
        );
        assert_eq!(
            title_kind("                财政拨款基本支出预算表").map(|t| t.0),
            Some(TableKind::FiscalBasic)
        );
        assert_eq!(title_kind("八、一般公共预算支出预算表情况说明"), None);
        assert_eq!(title_kind("与《部门财政拨款收支预算总表》的财政拨款"), None);
        assert_eq!(
            title_kind("  1. 2026年部门财务收支预算总表 ……………………"),
            None,
            "a table of contents line"
        );
        assert_eq!(
            title_kind("2026年部门财务收支预算总表").map(|t| t.0),
            Some(TableKind::Summary)
        );
        assert_eq!(
            title_kind("一般公共预算财政拨款支出决算表").map(|t| t.0),
            Some(TableKind::FinalGeneralPublic)
        );
    }

    #[test]
    fn department_and_unit_lines() {
        assert_eq!(
            dept_and_unit("编制部门：上海市普陀区司法局                 单位：元"),
            (Some("上海市普陀区司法局".into()), Some("元".into()))
        );
        assert_eq!(
            dept_and_unit("部门：     江苏省人大常委会办公厅   单位：万元")
                .1
                .as_deref(),
            Some("万元")
        );
    }
}
