//! Text → numbered lines → sections (by heading) and table rows (tab-prefixed blocks).

/// One source line with its 1-based number, cleaned of control characters.
#[derive(Debug, Clone, PartialEq)]
pub struct SrcLine {
    pub no: usize,
    pub text: String,
}

impl SrcLine {
    /// A table-cell line: starts with a tab, possibly after a few spaces (" \t职责活动").
    pub fn is_cell(&self) -> bool {
        self.text.trim_start_matches(' ').starts_with('\t')
    }
    /// The cell text without its leading tab.
    pub fn cell(&self) -> &str {
        let t = self.text.trim_start_matches(' ');
        t.strip_prefix('\t').unwrap_or(t)
    }
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }
}

/// Splits text into lines at \n (and lone \r): other control characters (and the Unicode
/// replacement character) are removed, except tabs and form feeds (page breaks, which
/// [`crate::pdftext::clean`] uses and [`strip_page_breaks`] removes). Line numbers are the
/// numbers an editor shows.
pub fn split_lines(text: &str) -> Vec<SrcLine> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // A final newline ends the last line; it does not start another.
    let text = text.strip_suffix('\n').unwrap_or(text);
    text.split('\n')
        .enumerate()
        .map(|(i, l)| SrcLine {
            no: i + 1,
            text: l
                .trim_end_matches('\r')
                .chars()
                .map(|c| if c == '\r' { ' ' } else { c })
                .filter(|c| *c == '\t' || *c == '\u{0c}' || !c.is_control())
                .filter(|c| *c != '\u{fffd}' && *c != '\u{200b}')
                .collect(),
        })
        .collect()
}

/// Removes form feeds (page breaks) from lines.
pub fn strip_page_breaks(lines: &mut [SrcLine]) {
    for l in lines {
        if l.text.contains('\u{0c}') {
            l.text = l.text.replace('\u{0c}', "");
        }
    }
}

/// Which part of a disclosure a heading opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SectionKind {
    Title,
    Duties,
    Organisation,
    Overall,
    Revenue,
    Expenditure,
    Change,
    OperatingCosts,
    ThreePublic,
    Performance,
    Procurement,
    Assets,
    Glossary,
    Notes,
    /// 收支总表 of the nine-table layout (revenue on the left, expenditure on the right).
    SummaryTable,
    /// “三公”经费支出表.
    ThreePublicTable,
    /// Another table of the nine-table layout (收入总表, 支出总表, 财政拨款收支总表…).
    OtherBudgetTable,
}

impl SectionKind {
    /// The Chinese name used in import reports.
    pub fn name(self) -> &'static str {
        match self {
            SectionKind::Title => "标题",
            SectionKind::Duties => "部门职责",
            SectionKind::Organisation => "机构设置",
            SectionKind::Overall => "总体情况",
            SectionKind::Revenue => "收入说明",
            SectionKind::Expenditure => "支出说明",
            SectionKind::Change => "比上年增减",
            SectionKind::OperatingCosts => "机关运行经费",
            SectionKind::ThreePublic => "“三公”经费",
            SectionKind::Performance => "绩效预算",
            SectionKind::Procurement => "政府采购",
            SectionKind::Assets => "国有资产",
            SectionKind::Glossary => "名词解释",
            SectionKind::Notes => "其他需要说明的事项",
            SectionKind::SummaryTable => "收支总表",
            SectionKind::ThreePublicTable => "“三公”经费支出表",
            SectionKind::OtherBudgetTable => "其他预算表",
        }
    }

    /// Sections a complete disclosure has (for "missing" in the import report).
    pub const EXPECTED: [SectionKind; 11] = [
        SectionKind::Duties,
        SectionKind::Organisation,
        SectionKind::Revenue,
        SectionKind::Expenditure,
        SectionKind::Change,
        SectionKind::OperatingCosts,
        SectionKind::ThreePublic,
        SectionKind::Performance,
        SectionKind::Procurement,
        SectionKind::Assets,
        SectionKind::Glossary,
    ];
}

/// Strips a heading number: "一、", "（二）", "3、 ", "4.", "五 、".
pub fn strip_heading_number(s: &str) -> &str {
    let t = s.trim_start_matches([' ', '　', '\t']);
    let t2 = t.trim_start_matches(['（', '(']);
    let after_num =
        t2.trim_start_matches(|c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c) || c.is_whitespace());
    if after_num.len() == t2.len() {
        return t;
    }
    let after = after_num.trim_start_matches(['、', '.', '．', '）', ')', ' ', '　']);
    if after.len() == after_num.len() {
        t
    } else {
        after
    }
}

/// If `line` is a section heading, which section it opens. Headings are short lines, not
/// table cells, usually numbered, naming the section. Lines that merely mention a keyword inside
/// a sentence are not headings.
pub fn heading_kind(line: &SrcLine) -> Option<SectionKind> {
    if line.is_cell() {
        return None;
    }
    let raw = line.text.trim();
    if raw.is_empty() || raw.chars().count() > 40 {
        return None;
    }
    let body = strip_heading_number(raw);
    let numbered = body.len() != raw.trim_start_matches([' ', '　']).len();
    let body = body.trim_end_matches(['：', ':']);
    let has = |k: &str| body.contains(k);
    use SectionKind::*;
    // Table titles of the nine-table layout: "表1 部门收支总表", "附表七：“三公”经费支出表（单位：万元）".
    let title = body.split(['（', '(']).next().unwrap_or(body).trim();
    if title.ends_with('表') && !has("情况") && !has("说明") {
        if title.contains("收支总表") && !title.contains("财政拨款") {
            return Some(SummaryTable);
        }
        if title.contains("三公") {
            return Some(ThreePublicTable);
        }
        if [
            "收入总表",
            "支出总表",
            "财政拨款收支总表",
            "一般公共预算支出表",
            "基本支出表",
            "政府性基金",
            "项目支出表",
            "国有资本经营",
        ]
        .iter()
        .any(|k| title.contains(k))
        {
            return Some(OtherBudgetTable);
        }
    }
    // The national template explains each standard table under "八、一般公共预算支出预算表情况说明":
    // such a section goes to the reader of what that table is about, or is kept as text.
    // (The heading may omit 表: "十二、政府采购支出预算情况说明".)
    if has("情况说明") || (has("说明") && has("表")) {
        use gongkai_model::tables::TableKind as T;
        let mut table = body.replace("情况说明", "").replace("说明", "");
        if !table.ends_with('表') {
            table.push('表');
        }
        if has("财政拨款") {
            return Some(Notes);
        }
        if let Some(t) = T::from_title(&table) {
            return Some(match t {
                T::Summary => Overall,
                T::RevenueSummary => Revenue,
                T::ExpenditureSummary => Expenditure,
                T::OperatingCosts => OperatingCosts,
                T::ThreePublic => ThreePublic,
                T::Procurement => Procurement,
                T::PerformanceTargets => Performance,
                // 财政拨款 and 一般公共预算 tables restate parts of the budget: their text is kept.
                _ => Notes,
            });
        }
    }
    // A sentence ("根据部门职责分工，本部门包括 19 个内设机构…") is not a heading.
    if body.contains(['，', '。', '；']) {
        return None;
    }
    let kind = if has("部门职责") && (has("机构") || numbered)
        || body == "部门职责"
        || (numbered && matches!(body, "主要职责" | "主要职能" | "部门主要职责" | "部门主要职能"))
    {
        Duties
    } else if body.starts_with("机构设置") && body.chars().count() <= 8 || (numbered && has("机构设置")) {
        Organisation
    } else if numbered && has("主要工作任务") {
        // "三、2018 年度部门主要工作任务及目标": not duties; kept as text.
        Notes
    } else if has("预算安排的总体情况") || has("收支总体情况") || has("收支预算总体情况") {
        Overall
    } else if has("收入说明") || (numbered && has("收入预算") && !has("支出")) {
        Revenue
    } else if has("支出说明") || (numbered && has("支出预算") && !has("收入") && !has("三公") && !has("一般公共"))
    {
        Expenditure
    } else if has("比上年增减") {
        Change
    } else if has("机关运行经费") && numbered {
        OperatingCosts
    } else if has("三公") && numbered {
        ThreePublic
    } else if has("绩效") && numbered {
        Performance
    } else if has("政府采购") && numbered {
        Procurement
    } else if has("国有资产") && numbered {
        Assets
    } else if has("名词解释") {
        Glossary
    } else if has("其他需要说明") {
        Notes
    } else {
        return None;
    };
    Some(kind)
}

/// Groups table-cell lines into rows: a row is a run of cell lines ended by a blank line; a
/// non-blank line without a tab inside a row continues the previous cell (wrapped text).
/// Returns rows of (first line number, cells), and the text lines that are in no row.
pub fn table_rows(lines: &[SrcLine]) -> (Vec<(usize, Vec<String>)>, Vec<&SrcLine>) {
    let mut rows = Vec::new();
    let mut loose = Vec::new();
    let mut cur: Vec<String> = Vec::new();
    let mut start = 0;
    for l in lines {
        if l.is_cell() {
            if cur.is_empty() {
                start = l.no;
            }
            cur.push(l.cell().to_string());
        } else if l.is_blank() {
            if !cur.is_empty() {
                rows.push((start, std::mem::take(&mut cur)));
            }
        } else if let Some(last) = cur.last_mut() {
            last.push_str(l.text.trim_end());
        } else {
            loose.push(l);
        }
    }
    if !cur.is_empty() {
        rows.push((start, cur));
    }
    (rows, loose)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn l(t: &str) -> SrcLine {
        SrcLine { no: 1, text: t.into() }
    }

    #[test]
    fn headings() {
        assert_eq!(
            heading_kind(&l("   一、部门职责及机构设置情况")),
            Some(SectionKind::Duties)
        );
        assert_eq!(heading_kind(&l("1、收入说明")), Some(SectionKind::Revenue));
        assert_eq!(heading_kind(&l("3、 比上年增减情况")), Some(SectionKind::Change));
        assert_eq!(heading_kind(&l("8、 名词解释")), Some(SectionKind::Glossary));
        assert_eq!(
            heading_kind(&l("四、财政拨款“三公”经费预算情况及增减变化原因")),
            Some(SectionKind::ThreePublic)
        );
        assert_eq!(heading_kind(&l("机构设置：")), Some(SectionKind::Organisation));
        // The national template's 部门概况 (found in the Jiangsu departments' PDFs).
        assert_eq!(heading_kind(&l("    一、主要职能")), Some(SectionKind::Duties));
        assert_eq!(heading_kind(&l("一、主要职责")), Some(SectionKind::Duties));
        assert_eq!(
            heading_kind(&l("二、部门机构设置及预算单位构成情况")),
            Some(SectionKind::Organisation)
        );
        assert_eq!(
            heading_kind(&l("三、2018 年度部门主要工作任务及目标")),
            Some(SectionKind::Notes)
        );
        assert_eq!(
            heading_kind(&l("根据部门职责分工，本部门包括 19 个内设机构、2 个")),
            None
        );
        assert_eq!(heading_kind(&l("主要职能")), None, "not numbered: a word in a sentence");
        assert_eq!(
            heading_kind(&l("机关运行经费情况：机关运行经费共计安排92.22万元，主要用于办公费")),
            None
        );
        assert_eq!(heading_kind(&l("\t职责活动")), None);
    }

    #[test]
    fn rows_with_wrapped_cells() {
        let lines = split_lines("\ta\n\tb\ncontinued\n\n\tc\n");
        assert_eq!(
            table_rows(&lines).0,
            vec![
                (1, vec!["a".to_string(), "bcontinued".to_string()]),
                (5, vec!["c".to_string()])
            ]
        );
    }

    #[test]
    fn control_characters_are_removed() {
        let mut lines = split_lines("a\u{0}b\r\nc\u{0c}d");
        strip_page_breaks(&mut lines);
        let texts: Vec<_> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["ab", "cd"]);
    }
}
