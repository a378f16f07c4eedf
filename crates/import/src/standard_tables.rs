//! The standard tables of the national template (see `gongkai_model::tables`) read from text laid
//! out as the PDF prints them: `pdftotext -layout` output, or any text where a table line is its
//! cells separated by runs of spaces. What it reads:
//!
//! - a table starts at its title line (表八 / 公开07表 prefixes allowed), confirmed by a
//!   `部门：… 单位：万元` line close below it (a table of contents line is not a table);
//! - coded tables (财政拨款支出, 财政拨款基本支出, 政府性基金支出, 一般公共预算支出, 一般公共预算基本支出,
//!   机关运行经费): each line `code name amount…`, the 合计 line, names wrapped over two or three
//!   lines re-joined (`机关事业单位基本养老保险缴费支` / `2080505 … 580.01` / `出`), codes printed in
//!   separate 类/款/项 columns (`201 01 01`) joined, notes (`注：…`) kept;
//! - the 支出预算总表's one row under its (possibly wrapped) column headings;
//! - column headings from the header lines, wrapped headings joined by their horizontal overlap;
//!   amounts assigned to columns in order, or by position when a cell is blank.
//!
//! It never guesses: a line it cannot read ends up in the import report with its line number, and
//! a table whose unit is not printed is not read (its lines are reported).

use crate::lines::SrcLine;
use crate::text::parse_cell_number;
use gongkai_model::tables::{
    is_total_name, item_level, without_number, BudgetLine, BudgetTable, Cell, TableKind, SUMMARY_PARTS, SUMMARY_TOTALS,
};
use gongkai_model::{Bundle, Line, SkippedLine, ThreePublicItem, ThreePublicKind};
use std::collections::BTreeSet;

/// What the reader found in a document.
#[derive(Debug, Default)]
pub struct Found {
    pub tables: Vec<BudgetTable>,
    /// Source lines (1-based) that belong to the tables read (titles, headers, rows, notes).
    pub consumed: BTreeSet<usize>,
    /// The department the tables name (`部门：江苏省政协办公厅`), the first one printed.
    pub department: Option<String>,
    /// Lines inside a table that could not be read.
    pub skipped: Vec<SkippedLine>,
}

/// Width of a character in a laid-out line. pdftotext -layout places every character, Chinese
/// or not, on a grid of equal columns, so a character's index is its horizontal position.
fn width(_c: char) -> usize {
    1
}

/// A run of text separated from its neighbours by two or more spaces, with its display columns.
#[derive(Debug, Clone, PartialEq)]
struct Chunk {
    text: String,
    start: usize,
    end: usize,
}

impl Chunk {
    fn center(&self) -> f64 {
        (self.start + self.end) as f64 / 2.0
    }
    fn overlaps(&self, other: &Chunk) -> bool {
        self.start < other.end + 1 && other.start < self.end + 1
    }
}

fn chunks(line: &str) -> Vec<Chunk> {
    let mut out: Vec<Chunk> = Vec::new();
    let mut col = 0;
    let mut spaces = 0;
    for c in line.chars() {
        if c == ' ' || c == '\t' || c == '\u{3000}' || c == '\u{a0}' || c == '\u{0c}' {
            spaces += if c == '\t' { 2 } else { width(c) };
            col += width(c);
            continue;
        }
        let w = width(c);
        match out.last_mut() {
            Some(last) if spaces < 2 && !last.text.is_empty() => {
                if spaces == 1 {
                    last.text.push(' ');
                }
                last.text.push(c);
                last.end = col + w;
            }
            _ => out.push(Chunk {
                text: c.to_string(),
                start: col,
                end: col + w,
            }),
        }
        spaces = 0;
        col += w;
    }
    // Letter-spaced headings ("合   计", "金    额"): single characters a few columns apart are
    // one word.
    let single = |c: &Chunk| c.text.chars().count() == 1 && !c.text.is_ascii();
    let mut merged: Vec<Chunk> = Vec::new();
    let mut spaced = false;
    for c in out {
        match merged.last_mut() {
            Some(last) if single(&c) && (spaced || single(last)) && c.start <= last.end + 6 => {
                last.text.push_str(&c.text);
                last.end = c.end;
                spaced = true;
            }
            _ => {
                spaced = false;
                merged.push(c);
            }
        }
    }
    merged
}

/// An amount cell: "6,463.55", "0.50", "-"; `None` for text.
fn amount(chunk: &str) -> Option<Option<rust_decimal::Decimal>> {
    let t = chunk.trim();
    if !t.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    parse_cell_number(t).ok()
}

/// A 政府收支分类科目 code at the start of a line: "2010201", or "201 01 01" / "201 01" printed in
/// separate 类/款/项 columns. Returns the code and the rest of the first chunk.
fn leading_code(first: &str) -> Option<(String, String)> {
    let mut parts = first.split(' ');
    let head = parts.next()?;
    if !head.bytes().all(|b| b.is_ascii_digit()) || !matches!(head.len(), 3 | 5 | 7) {
        return None;
    }
    let mut code = head.to_string();
    let mut rest: Vec<&str> = parts.collect();
    // Separate 款/项 columns: two-digit parts right after a 3-digit 类.
    while code.len() < 7
        && rest
            .first()
            .is_some_and(|p| p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit()))
    {
        code.push_str(rest.remove(0));
    }
    Some((code, rest.join(" ")))
}

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
    {
        return None;
    }
    // Drop "表八", "公开07表", "附表1", "一、" prefixes.
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
fn dept_and_unit(line: &str) -> (Option<String>, Option<String>) {
    let cs = chunks(line);
    let mut dept = None;
    let mut unit = None;
    for (i, c) in cs.iter().enumerate() {
        let t = c.text.as_str();
        for key in ["部门：", "部门:", "单位名称：", "编制部门：", "部门名称："] {
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

/// Words of code and name column headings (not amount columns).
fn is_label_heading(t: &str) -> bool {
    let t: String = t.chars().filter(|c| !c.is_whitespace()).collect();
    t.contains("代码")
        || t.contains("编码")
        || t.contains("名称")
        || t.contains("科目") && !t.contains("支出")
        || t == "项目"
        || t == "类"
        || t == "款"
        || t == "项"
        || t.contains("功能分类")
        || t.contains("经济分类")
}

/// Amount columns from the header lines: chunks that overlap horizontally across lines are one
/// wrapped heading (joined top to bottom), ordered left to right.
fn header_columns(header: &[&SrcLine]) -> Vec<Chunk> {
    // A heading wrapped over lines: a short piece (≤ 3 characters) under or over another piece
    // it overlaps; two long headings that overlap a little are two columns.
    let mut clusters: Vec<(Chunk, usize)> = Vec::new(); // (cluster, chars of its last piece)
    for l in header {
        for c in chunks(&l.text) {
            let n = c.text.chars().count();
            let overlap = |k: &Chunk| c.end.min(k.end).saturating_sub(c.start.max(k.start));
            let best = clusters
                .iter_mut()
                .filter(|(k, last)| k.overlaps(&c) && (n <= 3 || *last <= 3))
                // Most overlap; on a tie the piece it is centred under.
                .max_by(|(a, _), (b, _)| {
                    overlap(a).cmp(&overlap(b)).then(
                        (b.center() - c.center())
                            .abs()
                            .total_cmp(&(a.center() - c.center()).abs()),
                    )
                });
            match best {
                Some((k, last)) => {
                    k.text.push_str(&c.text.replace(' ', ""));
                    k.start = k.start.min(c.start);
                    k.end = k.end.max(c.end);
                    *last = n;
                }
                None => clusters.push((
                    Chunk {
                        text: c.text.replace(' ', ""),
                        ..c
                    },
                    n,
                )),
            }
        }
    }
    let mut clusters: Vec<Chunk> = clusters.into_iter().map(|(c, _)| c).collect();
    clusters.retain(|c| !is_label_heading(&c.text));
    clusters.sort_by_key(|c| c.start);
    clusters
}

/// Places `values` (with their chunks) in `columns`: in order when every column has one; else
/// by position — numbers are right-aligned in their column, so a value belongs to the last column
/// whose heading starts before the value ends — keeping their order. `None` when they cannot be
/// placed (more values than columns, or two in one column).
fn place(values: &[(Chunk, Option<rust_decimal::Decimal>)], columns: &[Chunk]) -> Option<Vec<Cell>> {
    let n = columns.len().max(1);
    if values.len() > n {
        return None;
    }
    if values.len() == n {
        return Some(values.iter().map(|(_, v)| Cell(*v)).collect());
    }
    let mut out = vec![Cell(None); n];
    let mut next_free = 0;
    for (chunk, v) in values {
        let column = columns.iter().rposition(|c| c.start < chunk.end).unwrap_or(0);
        if column < next_free {
            return None;
        }
        out[column] = Cell(*v);
        next_free = column + 1;
    }
    Some(out)
}

/// What a table's first lines say: which table, its title as printed, its unit.
struct Head<'a> {
    kind: TableKind,
    title: &'a str,
    unit: String,
}

impl Head<'_> {
    /// The table with `lines` and `notes` appended: to `continued` (its first page) if any, else
    /// a new table with these `columns`, titled at source line `at`.
    fn table(
        self,
        continued: Option<BudgetTable>,
        columns: Vec<String>,
        at: usize,
        lines: Vec<BudgetLine>,
        notes: Vec<String>,
    ) -> BudgetTable {
        let mut table = continued.unwrap_or(BudgetTable {
            kind: self.kind,
            title: self.title.to_string(),
            unit: self.unit,
            columns,
            lines: Vec::new(),
            notes: Vec::new(),
            source_line: Some(at),
        });
        table.lines.extend(lines);
        table.notes.extend(notes);
        table
    }
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

/// Reads every standard table it can from the document's lines.
pub fn read(lines: &[SrcLine]) -> Found {
    let mut found = Found::default();
    let titles = table_titles(lines);
    for (n, (start, kind, title)) in titles.iter().enumerate() {
        let end = titles.get(n + 1).map_or(lines.len(), |t| t.0);
        // A table continued on the next page repeats its title: read it as one table.
        if found
            .tables
            .last()
            .is_some_and(|t: &BudgetTable| t.kind == *kind && t.title == *title)
            && kind.classification().is_some()
        {
            let prev = found.tables.pop().unwrap();
            if let Some(t) = read_table(&lines[*start..end], *kind, title, &mut found, Some(prev)) {
                found.tables.push(t);
            }
            continue;
        }
        if let Some(t) = read_table(&lines[*start..end], *kind, title, &mut found, None) {
            found.tables.push(t);
        }
    }
    found
}

/// Reads one table from its lines (title first). `continued`: the same table's first page.
fn read_table(
    body: &[SrcLine],
    kind: TableKind,
    title: &str,
    found: &mut Found,
    continued: Option<BudgetTable>,
) -> Option<BudgetTable> {
    let (mut unit, mut unit_at) = (None, None);
    // Plain pdftotext prints one cell per line: the unit may come after a few heading cells.
    let reach = if body.iter().take(6).any(|l| dept_and_unit(&l.text).1.is_some()) {
        6
    } else {
        14
    };
    for (i, l) in body.iter().enumerate().take(reach) {
        let (mut d, u) = dept_and_unit(&l.text);
        if d.is_none() && matches!(l.text.trim(), "部门：" | "部门:" | "部门名称：") {
            d = body[i + 1..]
                .iter()
                .map(|x| x.text.trim())
                .find(|t| !t.is_empty())
                .filter(|t| !t.contains('：') && !is_label_heading(t) && t.chars().count() <= 30)
                .map(str::to_string);
        }
        if found.department.is_none() {
            found.department = d;
        }
        if u.is_some() {
            unit = u;
            unit_at = Some(i);
            break;
        }
    }
    let (Some(unit), Some(unit_at)) = (unit, unit_at) else {
        return continued;
    };
    match kind.classification() {
        Some(_) if is_cell_stream(&body[unit_at + 1..]) => {
            read_coded_stream(body, Head { kind, title, unit }, found, continued)
        }
        Some(_) => read_coded(body, unit_at, Head { kind, title, unit }, found, continued),
        None if kind == TableKind::ExpenditureSummary => read_one_row(body, unit_at, Head { kind, title, unit }, found),
        None if matches!(kind, TableKind::Summary | TableKind::FiscalSummary) => {
            read_summary(body, unit_at, Head { kind, title, unit }, found)
        }
        None if kind == TableKind::ThreePublic => read_three_public(body, unit_at, Head { kind, title, unit }, found),
        None if kind == TableKind::Procurement => read_procurement(body, unit_at, Head { kind, title, unit }, found),
        None if kind == TableKind::RevenueSummary => {
            read_revenue_summary(body, unit_at, Head { kind, title, unit }, found)
        }
        None => None,
    }
}

/// The 支出预算总表 and other one-row tables: headings, then one row of amounts.
fn read_one_row(body: &[SrcLine], unit_at: usize, head: Head, found: &mut Found) -> Option<BudgetTable> {
    let title = head.title;
    let row_at = body.iter().enumerate().skip(unit_at + 1).find(|(_, l)| {
        let cs = chunks(&l.text);
        !cs.is_empty()
            && cs.iter().filter(|c| amount(&c.text).flatten().is_some()).count() >= 1
            && cs.iter().all(|c| amount(&c.text).is_some() || is_total_name(&c.text))
    })?;
    // Plain pdftotext prints each amount on a line of its own: then which amount belongs to which
    // column is lost, and the table is reported rather than guessed.
    let next_is_amount = body[row_at.0 + 1..]
        .iter()
        .find(|l| !l.text.trim().is_empty())
        .is_some_and(|l| chunks(&l.text).iter().all(|c| amount(&c.text).is_some()));
    // A row of one amount cannot be told from plain text's one cell per line either (headings
    // and amounts interleaved): only a row with two or more amounts side by side is read.
    if next_is_amount || chunks(&row_at.1.text).len() < 2 {
        found.skipped.push(SkippedLine {
            line: row_at.1.no,
            text: row_at.1.text.trim().to_string(),
            reason: format!("{title}：每个金额单独一行，无法确定各属哪一列，未导入；请用 pdftotext -layout 生成的文字"),
        });
        return None;
    }
    let header: Vec<&SrcLine> = body[unit_at + 1..row_at.0]
        .iter()
        .filter(|l| !l.text.trim().is_empty() && !is_furniture(&l.text))
        .collect();
    let columns = header_columns(&header);
    if columns.is_empty() {
        return None;
    }
    let values: Vec<(Chunk, Option<rust_decimal::Decimal>)> = chunks(&row_at.1.text)
        .into_iter()
        .filter_map(|c| amount(&c.text).map(|v| (c, v)))
        .collect();
    let amounts = place(&values, &columns)?;
    for l in &body[..=row_at.0] {
        found.consumed.insert(l.no);
    }
    let row = BudgetLine {
        code: None,
        name: String::new(),
        amounts,
        source_line: Some(row_at.1.no),
        part: None,
    };
    let columns = columns.into_iter().map(|c| c.text).collect();
    Some(head.table(None, columns, body[0].no, vec![row], Vec::new()))
}

/// Splits chunks where an amount and a name are separated by one space ("9,066.79 一、一般公共").
fn split_amounts(cs: Vec<Chunk>) -> Vec<Chunk> {
    let mut out = Vec::new();
    for c in cs {
        let words: Vec<&str> = c.text.split(' ').collect();
        if words.len() == 1 || !words.iter().any(|w| amount(w).flatten().is_some()) {
            out.push(c);
            continue;
        }
        let mut col = c.start;
        let mut cur: Option<Chunk> = None;
        for w in words {
            let w_width: usize = w.chars().map(width).sum();
            let is_amount = amount(w).flatten().is_some();
            match cur.as_mut() {
                Some(k) if !is_amount && amount(&k.text).flatten().is_none() => {
                    k.text.push(' ');
                    k.text.push_str(w);
                    k.end = col + w_width;
                }
                _ => {
                    if let Some(k) = cur.take() {
                        out.push(k);
                    }
                    cur = Some(Chunk {
                        text: w.to_string(),
                        start: col,
                        end: col + w_width,
                    });
                }
            }
            col += w_width + 1;
        }
        out.extend(cur);
    }
    out
}

/// Whether a name of the 收支预算总表 starts an item (numbered, or a total/carry-over line) rather
/// than continuing a wrapped one ("拨款" under "一、财政").
fn starts_summary_item(name: &str) -> bool {
    let n: String = name.chars().filter(|c| !c.is_whitespace()).collect();
    // The end of a wrapped total ("当年收入" / "小计", "收入合" / "计").
    if matches!(n.as_str(), "小计" | "合计" | "计" | "资金" | "金") {
        return false;
    }
    let numbered = {
        let rest = n.trim_start_matches(|c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c));
        rest.len() < n.len() && (rest.starts_with('、') || rest.starts_with('.') || rest.starts_with('．'))
    };
    numbered
        || ["当年", "上年", "合计", "小计", "结转", "总计", "收入合", "支出合"]
            .iter()
            .any(|w| n.contains(w))
}

/// The 收支预算总表: its three parts side by side, each a list of items (name, amount). Parts
/// are told apart by where their names start on the line; wrapped names are joined within a part.
fn read_summary(body: &[SrcLine], unit_at: usize, head: Head, found: &mut Found) -> Option<BudgetTable> {
    // Data lines: from the first item ("一、财政拨款"), after the headings.
    let first = body
        .iter()
        .enumerate()
        .skip(unit_at + 1)
        .find(|(_, l)| chunks(&l.text).iter().any(|c| c.text.starts_with("一、")))?
        .0;
    let mut rows: Vec<(usize, Vec<Chunk>)> = Vec::new();
    let mut used: Vec<usize> = body[..first].iter().map(|l| l.no).collect();
    let mut ending = false;
    for l in &body[first..] {
        let t = l.text.trim();
        if t.is_empty() {
            continue;
        }
        let cs = split_amounts(chunks(&l.text));
        // After the 支出合计 line only the wrapped end of its names ("计") belongs to the table.
        let fragment = cs
            .iter()
            .all(|c| amount(&c.text).is_none() && c.text.chars().count() <= 3);
        // A page number (or 表号) where the table runs on to the next page: not a row.
        if is_furniture(t) && !ending {
            used.push(l.no);
            continue;
        }
        if is_furniture(t) || title_kind(t).is_some() || (ending && !fragment) {
            break;
        }
        rows.push((l.no, cs));
        used.push(l.no);
        // 收入合计 … 支出合计 is the last line.
        ending |= t.replace(' ', "").contains("支出合计");
    }
    // Where each part's names start: each part's first item is its "一、" (一、财政拨款,
    // 一、一般公共服务支出, 一、基本支出), on the first lines (wrapped layouts spread them).
    let mut bounds: Vec<usize> = Vec::new();
    for (_, cs) in rows.iter().take(4) {
        for c in cs.iter().filter(|c| c.text.starts_with("一、")) {
            if !bounds.iter().any(|b| b.abs_diff(c.start) <= 3) {
                bounds.push(c.start);
            }
        }
    }
    bounds.sort_unstable();
    // The 收支预算总表 has three parts, the 财政拨款收支预算总表 two (收入 | 支出用途). Not laid out in
    // parts (e.g. one cell per line): left to the section readers, whose report lists what they
    // cannot place.
    // Side by side means two parts' items on one line (plain pdftotext puts every cell on a line
    // of its own: not read here).
    let side_by_side = rows
        .iter()
        .take(4)
        .any(|(_, cs)| cs.iter().filter(|c| c.text.starts_with("一、")).count() >= 2);
    if !side_by_side {
        return None;
    }
    let labels: &[&str] = match bounds.len() {
        3 => &SUMMARY_PARTS,
        2 => &[SUMMARY_PARTS[0], SUMMARY_PARTS[2]],
        _ => return None,
    };
    let n = labels.len();
    // Names may start a few columns left of their part's first item (layouts shift by page);
    // an amount belongs to the part it starts in (a name may follow it after one space).
    let name_bounds: Vec<usize> = bounds[1..].iter().map(|b| b.saturating_sub(6)).collect();
    let amount_bounds: Vec<usize> = bounds[1..].to_vec();
    let name_zone = |c: &Chunk| name_bounds.iter().filter(|b| c.start >= **b).count();
    let amount_zone = |c: &Chunk| amount_bounds.iter().filter(|b| c.start >= **b).count();
    // Items per part, in order.
    let mut parts: Vec<Vec<BudgetLine>> = vec![Vec::new(); n];
    for (no, cs) in &rows {
        // Per part on this line: its name pieces and its amount.
        let mut names: Vec<Vec<&str>> = vec![Vec::new(); n];
        let mut amounts: Vec<Option<Option<rust_decimal::Decimal>>> = vec![None; n];
        for c in cs {
            match amount(&c.text) {
                Some(v) => amounts[amount_zone(c)] = Some(v),
                None => names[name_zone(c)].push(c.text.as_str()),
            }
        }
        // An amount printed far right of its name ("当年支出小计 … 9,146.79" across the 用途
        // part): it belongs to the name on its left when its own part has none on this line.
        // (Not when an item of its own part still waits for its amount: "三、单位预留机" / amount /
        // "动经费" is one item wrapped round the amount.)
        for z in (1..n).rev() {
            let own_waits = parts[z].last().is_some_and(|l| l.amounts[0].0.is_none());
            if amounts[z].is_some()
                && names[z].is_empty()
                && !names[z - 1].is_empty()
                && amounts[z - 1].is_none()
                && !own_waits
            {
                amounts[z - 1] = amounts[z].take();
            }
        }
        for z in 0..n {
            let name: String = names[z].concat().chars().filter(|c| !c.is_whitespace()).collect();
            let value = amounts[z].flatten();
            let items = &mut parts[z];
            if name.is_empty() {
                match items.last_mut() {
                    Some(last) if last.amounts[0].0.is_none() && value.is_some() => last.amounts[0] = Cell(value),
                    _ if value.is_some() => found.skipped.push(SkippedLine {
                        line: *no,
                        text: value.map(|v| v.to_string()).unwrap_or_default(),
                        reason: format!("{}：这个金额找不到所属的项目，未导入", head.title),
                    }),
                    _ => {}
                }
            } else if starts_summary_item(&name) || items.is_empty() {
                items.push(BudgetLine {
                    code: None,
                    name,
                    amounts: vec![Cell(value)],
                    source_line: Some(*no),
                    part: Some(labels[z].to_string()),
                });
            } else if let Some(last) = items.last_mut() {
                last.name.push_str(&name);
                if last.amounts[0].0.is_none() && value.is_some() {
                    last.amounts[0] = Cell(value);
                }
            }
        }
    }
    found.consumed.extend(used);
    let lines: Vec<BudgetLine> = parts.into_iter().flatten().collect();
    if lines.is_empty() {
        return None;
    }
    Some(head.table(None, vec!["金额".to_string()], body[0].no, lines, Vec::new()))
}

/// The columns of the “三公”经费、会议费、培训费 table, in the template's order: the name this
/// bundle gives the column, and how its (wrapped, multi-level) heading is recognised in a word.
const THREE_PUBLIC_COLUMNS: [(&str, fn(&str) -> bool); 9] = [
    ("合计", |w| w == "合计"),
    ("“三公”经费小计", |w| w == "小计"),
    ("因公出国（境）费", |w| w.contains("因公出国")),
    ("公务用车购置及运行维护费小计", |w| w == "小计"),
    ("公务用车购置费", |w| {
        w.contains("购置") && !w.contains("运行") && !w.contains('及')
    }),
    ("公务用车运行维护费", |w| {
        w.contains("运行") && !w.contains("购置")
    }),
    ("公务接待费", |w| w.contains("接待")),
    ("会议费", |w| w.contains("会议费")),
    ("培训费", |w| w.contains("培训费")),
];

/// The “三公”经费（会议费、培训费）table: headings on several levels over one row of amounts. The
/// bottom-level headings are found by their words (the spanning ones — “三公”经费, 公务用车购置及运行
/// 维护费 — are not columns), each amount goes to the nearest heading in order, and the result is
/// kept only if its sums hold (三公 = 出国 + 车 + 接待, 车 = 购置 + 运行, 合计 = 三公 + 会议 + 培训):
/// a table that cannot be read for certain is reported, not guessed.
fn read_three_public(body: &[SrcLine], unit_at: usize, head: Head, found: &mut Found) -> Option<BudgetTable> {
    let row_at = body.iter().enumerate().skip(unit_at + 1).find(|(_, l)| {
        let cs = chunks(&l.text);
        cs.len() >= 2 && cs.iter().all(|c| amount(&c.text).is_some())
    })?;
    // Every word of the heading lines, with the column at its centre.
    let mut words: Vec<(String, f64)> = Vec::new();
    // Words one space apart ("公务接待 会议费") are two; a letter-spaced word ("会  议  费",
    // merged by `chunks`) is one.
    for l in &body[unit_at + 1..row_at.0] {
        for c in chunks(&l.text) {
            if !c.text.contains(' ') {
                words.push((c.text.clone(), c.center()));
                continue;
            }
            let mut col = c.start;
            for part in c.text.split(' ') {
                if !part.is_empty() {
                    words.push((part.to_string(), col as f64 + part.chars().count() as f64 / 2.0));
                }
                col += part.chars().count() + 1;
            }
        }
    }
    // Each template column, at the first unused word that names it.
    let mut used = vec![false; words.len()];
    let mut columns: Vec<(&str, f64)> = Vec::new();
    for (name, matches) in THREE_PUBLIC_COLUMNS {
        // 小计 twice: the first (leftmost) is the “三公” one.
        let at = (0..words.len())
            .filter(|i| !used[*i] && matches(&words[*i].0))
            .min_by(|a, b| words[*a].1.total_cmp(&words[*b].1));
        if let Some(i) = at {
            used[i] = true;
            columns.push((name, words[i].1));
        }
    }
    columns.sort_by(|a, b| a.1.total_cmp(&b.1));
    let values: Vec<(Chunk, Option<rust_decimal::Decimal>)> = chunks(&row_at.1.text)
        .into_iter()
        .filter_map(|c| amount(&c.text).map(|v| (c, v)))
        .collect();
    let mut cells = vec![Cell(None); columns.len()];
    let mut next = 0;
    for (k, (chunk, v)) in values.iter().enumerate() {
        let room = columns.len().saturating_sub(values.len() - k - 1);
        let best = (next..room).min_by(|a, b| {
            (columns[*a].1 - chunk.center())
                .abs()
                .total_cmp(&(columns[*b].1 - chunk.center()).abs())
        });
        let Some(best) = best else { return None };
        cells[best] = Cell(*v);
        next = best + 1;
    }
    let get = |name: &str| columns.iter().position(|c| c.0 == name).and_then(|i| cells[i].0);
    let sum = |names: &[&str]| names.iter().filter_map(|n| get(n)).sum::<rust_decimal::Decimal>();
    let holds = |total: &str, parts: &[&str]| get(total).is_none_or(|t| t == sum(parts));
    let ok = holds(
        "“三公”经费小计",
        &["因公出国（境）费", "公务用车购置及运行维护费小计", "公务接待费"],
    ) && holds(
        "公务用车购置及运行维护费小计",
        &["公务用车购置费", "公务用车运行维护费"],
    ) && holds("合计", &["“三公”经费小计", "会议费", "培训费"]);
    if !ok || columns.len() < 4 {
        found.skipped.push(SkippedLine {
            line: row_at.1.no,
            text: row_at.1.text.trim().to_string(),
            reason: format!(
                "{}：多层表头下的金额无法确定对应的列（对应后各项之和不符），未导入",
                head.title
            ),
        });
        return None;
    }
    found.consumed.extend(body[..=row_at.0].iter().map(|l| l.no));
    let row = BudgetLine {
        code: None,
        name: String::new(),
        amounts: cells,
        source_line: Some(row_at.1.no),
        part: None,
    };
    let names = columns.into_iter().map(|c| c.0.to_string()).collect();
    Some(head.table(None, names, body[0].no, vec![row], Vec::new()))
}

/// The 政府采购预算表 by what is bought: its 合计 and its 货物 / 工程 / 服务 lines ("一、货物A
/// 259.32"), each with the amount at the end of its line (the 总计 column). The detailed lines
/// under them (item, 采购组织形式) are not read into the table; they stay in the document.
fn read_procurement(body: &[SrcLine], unit_at: usize, head: Head, found: &mut Found) -> Option<BudgetTable> {
    let mut lines = Vec::new();
    for l in &body[unit_at + 1..] {
        let cs = chunks(&l.text);
        let (Some(first), Some(last)) = (cs.first(), cs.last()) else {
            continue;
        };
        let name: String = first.text.chars().filter(|c| !c.is_whitespace()).collect();
        let category = ["货物", "工程", "服务"].iter().any(|k| {
            gongkai_model::tables::item_level(&name) == Some(0)
                && gongkai_model::tables::without_number(&name).starts_with(k)
        });
        if cs.len() < 2 || !(category || is_total_name(&name)) {
            continue;
        }
        let Some(v) = amount(&last.text) else { continue };
        if lines.iter().any(|x: &BudgetLine| x.name == name) {
            continue;
        }
        found.consumed.insert(l.no);
        lines.push(BudgetLine {
            code: None,
            name,
            amounts: vec![Cell(v)],
            source_line: Some(l.no),
            part: None,
        });
    }
    if lines.is_empty() {
        return None;
    }
    found.consumed.extend(body[..=unit_at].iter().map(|l| l.no));
    Some(head.table(None, vec!["总计".to_string()], body[0].no, lines, Vec::new()))
}

/// The 收入预算总表: 收入总计, then one group per source of funds (一般公共预算资金, 政府性基金,
/// 财政专户管理资金, 其他资金, 上年结转和结余资金), each opening with its 小计 and listing its items
/// (公共财政拨款(补助)资金, 事业收入…). The source's name is printed in a left column somewhere in
/// its group (a vertically centred merged cell), the items in a right column. A line's `part` is
/// its source. Kept only if every 小计 is the sum of its items (其中 lines aside) and 收入总计 the
/// sum of the 小计; otherwise reported.
fn read_revenue_summary(body: &[SrcLine], unit_at: usize, head: Head, found: &mut Found) -> Option<BudgetTable> {
    let rows: Vec<(&SrcLine, Vec<Chunk>)> = body[unit_at + 1..]
        .iter()
        .map(|l| (l, chunks(&l.text)))
        .filter(|(l, cs)| !cs.is_empty() && !is_furniture(&l.text))
        .collect();
    let total_at = rows
        .iter()
        .position(|(_, cs)| cs.iter().any(|c| c.text.replace(' ', "") == "收入总计"))?;
    // The items' column: where 收入总计 and the 小计 are printed.
    let item_x = rows[total_at]
        .1
        .iter()
        .find(|c| c.text.replace(' ', "") == "收入总计")?
        .start;
    let mut groups: Vec<(Option<String>, Vec<BudgetLine>)> = Vec::new();
    let total = rows[total_at].1.last().and_then(|c| amount(&c.text)).flatten();
    let mut used = vec![rows[total_at].0.no];
    for (l, cs) in &rows[total_at + 1..] {
        let value = cs.last().and_then(|c| amount(&c.text));
        let words: Vec<&Chunk> = cs.iter().filter(|c| amount(&c.text).is_none()).collect();
        if words.is_empty()
            || words
                .iter()
                .any(|w| w.text.contains('：') && !w.text.starts_with("其中"))
            || title_kind(&l.text).is_some()
        {
            break;
        }
        let (mut source, mut item) = (None, None);
        for w in &words {
            let text: String = w.text.chars().filter(|c| !c.is_whitespace()).collect();
            if w.start + 3 < item_x {
                source = Some(text);
            } else {
                item = Some(text);
            }
        }
        if item.as_deref() == Some("小计") {
            groups.push((None, Vec::new()));
        }
        let Some(group) = groups.last_mut() else { break };
        if let Some(s) = source {
            group.0 = Some(s);
        }
        if let Some(name) = item {
            group.1.push(BudgetLine {
                code: None,
                name,
                amounts: vec![Cell(value.flatten())],
                source_line: Some(l.no),
                part: None,
            });
        }
        used.push(l.no);
    }
    // Every group named, every 小计 its items' sum, 收入总计 the 小计s' sum.
    let subtotal = |g: &[BudgetLine]| g.first().and_then(|l| l.amount(0));
    let items_sum = |g: &[BudgetLine]| {
        g[1..]
            .iter()
            .filter(|l| !l.name.starts_with("其中"))
            .filter_map(|l| l.amount(0))
            .sum::<rust_decimal::Decimal>()
    };
    let ok = !groups.is_empty()
        && groups
            .iter()
            .all(|(s, g)| s.is_some() && subtotal(g).is_none_or(|v| v == items_sum(g)))
        && total.is_none_or(|t| {
            t == groups
                .iter()
                .filter_map(|(_, g)| subtotal(g))
                .sum::<rust_decimal::Decimal>()
        });
    if !ok {
        found.skipped.push(SkippedLine {
            line: body[0].no,
            text: head.title.to_string(),
            reason: format!(
                "{}：各资金来源与其小计无法确定对应（对应后各项之和不符），未导入",
                head.title
            ),
        });
        return None;
    }
    found.consumed.extend(body[..=unit_at].iter().map(|l| l.no));
    found.consumed.extend(used);
    let mut lines = vec![BudgetLine {
        code: None,
        name: "收入总计".into(),
        amounts: vec![Cell(total)],
        source_line: Some(rows[total_at].0.no),
        part: None,
    }];
    for (source, g) in groups {
        lines.extend(g.into_iter().map(|mut l| {
            l.part = source.clone();
            l
        }));
    }
    Some(head.table(None, vec!["金额".to_string()], body[0].no, lines, Vec::new()))
}

/// Plain pdftotext output: every cell on a line of its own (a code alone on its line, never a
/// code and an amount on one line).
fn is_cell_stream(body: &[SrcLine]) -> bool {
    let mut alone = 0;
    for l in body {
        let cs = chunks(&l.text);
        match cs.as_slice() {
            [] => {}
            [one] if leading_code(&one.text).is_some_and(|(_, rest)| rest.is_empty()) => alone += 1,
            [first, rest @ ..]
                if leading_code(&first.text).is_some() && rest.iter().any(|c| amount(&c.text).is_some()) =>
            {
                return false
            }
            _ => {}
        }
    }
    alone > 0
}

/// A coded table as plain pdftotext prints it: heading cells, then code, name (possibly in
/// pieces), amount, one per line. Only one amount column can be read this way (blank cells leave
/// no trace); a table with more is reported.
fn read_coded_stream(
    body: &[SrcLine],
    head: Head,
    found: &mut Found,
    continued: Option<BudgetTable>,
) -> Option<BudgetTable> {
    let (kind, title) = (head.kind, head.title);
    let class = kind.classification()?;
    let cells: Vec<&SrcLine> = body[1..].iter().filter(|l| !l.text.trim().is_empty()).collect();
    let headings: Vec<&str> = cells
        .iter()
        .map(|l| l.text.trim())
        .take_while(|t| leading_code(t).is_none() && !is_total_name(t))
        .filter(|t| {
            !t.contains('：')
                && !t.contains(':')
                && !is_label_heading(t)
                && !is_furniture(t)
                && amount(t).is_none()
                && title_kind(t).is_none()
        })
        .filter(|t| found.department.as_deref() != Some(*t))
        .collect();
    if headings.len() > 1 {
        found.skipped.push(SkippedLine {
            line: body[0].no,
            text: title.to_string(),
            reason: format!("{title}：表格以每格一行的文字给出，有 {} 个金额列，空白格无法定位，未导入；请用 pdftotext -layout 生成的文字", headings.len()),
        });
        return continued;
    }
    let column = headings.first().map_or("金额".to_string(), |h| h.to_string());
    let mut lines: Vec<BudgetLine> = Vec::new();
    let mut cur: Option<BudgetLine> = None;
    let mut used = vec![body[0].no];
    let mut notes = Vec::new();
    let mut started = false;
    for l in &cells {
        let t = l.text.trim();
        let code = leading_code(t).filter(|(c, rest)| class.is_code(c) && rest.is_empty());
        let starts_line = code.is_some() || (is_total_name(t) && cur.is_none());
        if let (true, Some(open)) = (starts_line, cur.as_ref()) {
            // A line without its amount: the text has the cells out of order (pdftotext follows
            // the PDF's drawing order). Reading on would shift amounts between lines.
            found.skipped.push(SkippedLine {
                line: open.source_line.unwrap_or(l.no),
                text: format!("{} {}", open.code.clone().unwrap_or_default(), open.name),
                reason: format!("{title}：这一行后面没有金额（文字中的单元格次序错乱），整张表未导入；请用 pdftotext -layout 生成的文字"),
            });
            return continued;
        }
        if let Some((code, _)) = code {
            started = true;
            cur = Some(BudgetLine {
                code: Some(code),
                name: String::new(),
                amounts: vec![Cell(None)],
                source_line: Some(l.no),
                part: None,
            });
        } else if is_total_name(t) && cur.is_none() {
            started = true;
            cur = Some(BudgetLine {
                code: None,
                name: t.replace(' ', ""),
                amounts: vec![Cell(None)],
                source_line: Some(l.no),
                part: None,
            });
        } else if let Some(v) = amount(t).filter(|_| cur.is_some()) {
            let mut line = cur.take().unwrap();
            line.amounts = vec![Cell(v)];
            lines.push(line);
        } else if t.starts_with('注') {
            notes.push(t.to_string());
        } else if t.contains('：') || t.contains(':') || is_label_heading(t) || t == column || t == "金额" {
            // 单位：万元, 部门：…, heading cells between the cells of a line.
        } else if let Some(line) = cur.as_mut() {
            line.name.push_str(&t.replace(' ', ""));
        } else if started && (is_furniture(t) || t.chars().count() > 20 || t.contains('。')) {
            break;
        } else if !started {
            // Heading cells, 部门, 单位.
        } else {
            break;
        }
        used.push(l.no);
    }
    found.consumed.extend(used);
    Some(head.table(continued, vec![column], body[0].no, lines, notes))
}

/// One parsed line of a coded table, before wrapped names are joined.
enum Row {
    Data {
        code: Option<String>,
        name: String,
        values: Vec<(Chunk, Option<rust_decimal::Decimal>)>,
        no: usize,
    },
    Fragment(String),
}

fn read_coded(
    body: &[SrcLine],
    unit_at: usize,
    head: Head,
    found: &mut Found,
    continued: Option<BudgetTable>,
) -> Option<BudgetTable> {
    let title = head.title;
    let class = head.kind.classification()?;
    let mut rows: Vec<Row> = Vec::new();
    let mut header: Vec<&SrcLine> = Vec::new();
    let mut notes = Vec::new();
    let mut used = vec![body[0].no];
    used.extend(body[..=unit_at].iter().map(|l| l.no));
    for l in &body[unit_at + 1..] {
        let t = l.text.trim();
        if t.is_empty() {
            continue;
        }
        if is_furniture(t) {
            used.push(l.no);
            continue;
        }
        if t.starts_with("注") || t.starts_with("备注") {
            notes.push(t.to_string());
            used.push(l.no);
            continue;
        }
        let cs = chunks(&l.text);
        let first = &cs[0].text;
        let code = leading_code(first).filter(|(c, _)| class.is_code(c));
        let is_total = is_total_name(first.split(' ').next().unwrap_or(""));
        let values: Vec<(Chunk, Option<rust_decimal::Decimal>)> = cs
            .iter()
            .skip(1)
            .filter_map(|c| amount(&c.text).map(|v| (c.clone(), v)))
            .collect();
        let words: Vec<&str> = cs
            .iter()
            .skip(1)
            .filter(|c| amount(&c.text).is_none())
            .map(|c| c.text.as_str())
            .collect();
        if let Some((code, rest)) = code {
            let name = std::iter::once(rest.as_str())
                .chain(words.iter().copied())
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join("");
            rows.push(Row::Data {
                code: Some(code),
                name,
                values,
                no: l.no,
            });
        } else if is_total && words.is_empty() {
            rows.push(Row::Data {
                code: None,
                name: first.replace(' ', ""),
                values,
                no: l.no,
            });
        } else if rows.is_empty() {
            // Before the first data line: the column headings.
            header.push(l);
            used.push(l.no);
            continue;
        } else if cs.len() == 1
            && values.is_empty()
            && first.chars().count() <= 20
            && !t.contains('。')
            && !t.contains('：')
            && title_kind(t).is_none()
            && !t.starts_with("公开")
            && !t.starts_with('表')
        {
            rows.push(Row::Fragment(first.replace(' ', "")));
        } else {
            // The table has ended (page furniture, the next part of the document).
            break;
        }
        used.push(l.no);
    }
    if !rows
        .iter()
        .any(|r| matches!(r, Row::Data { code: Some(_), .. }) || matches!(r, Row::Data { .. }))
        && continued.is_none()
    {
        // A table printed empty (e.g. 政府性基金 "无"): keep it with its note.
        if notes.is_empty() && header.is_empty() {
            return None;
        }
    }
    let mut columns = header_columns(&header);
    if let Some(prev) = &continued {
        columns = prev
            .columns
            .iter()
            .map(|c| Chunk {
                text: c.clone(),
                start: 0,
                end: 0,
            })
            .collect();
    }
    if columns.is_empty() {
        columns.push(Chunk {
            text: "金额".into(),
            start: 0,
            end: usize::MAX / 2,
        });
    }
    // Join wrapped names: a fragment goes to the next data line when that line has no name of
    // its own (a vertically centred cell), else to the data line before it.
    let mut lines: Vec<BudgetLine> = Vec::new();
    let mut pending: Vec<String> = Vec::new();
    let mut skipped = Vec::new();
    let mut i = 0;
    while i < rows.len() {
        match &rows[i] {
            Row::Fragment(text) => {
                let next_nameless = rows[i + 1..].iter().find_map(|r| match r {
                    Row::Data { name, .. } => Some(name.is_empty()),
                    Row::Fragment(..) => None,
                });
                match (next_nameless, lines.last_mut()) {
                    (Some(true), _) | (_, None) => pending.push(text.clone()),
                    (_, Some(last)) => last.name.push_str(text),
                }
            }
            Row::Data { code, name, values, no } => {
                let name = pending.drain(..).collect::<String>() + name;
                match place(values, &columns) {
                    Some(amounts) => lines.push(BudgetLine {
                        code: code.clone(),
                        name,
                        amounts,
                        source_line: Some(*no),
                        part: None,
                    }),
                    None => skipped.push(SkippedLine {
                        line: *no,
                        text: format!("{} {name}", code.clone().unwrap_or_default()),
                        reason: format!("{title}：这一行的金额比表头的列多，无法对应到列，未导入"),
                    }),
                }
            }
        }
        i += 1;
    }
    found.skipped.extend(skipped);
    found.consumed.extend(used);
    let columns = columns.iter().map(|c| c.text.clone()).collect();
    Some(head.table(continued, columns, body[0].no, lines, notes))
}

/// Fills the sections a narrative states (and the overview shows) from the tables, where the
/// narrative of `b` does not state them: expenditure total (支出预算总表), revenue and its sources
/// (收支预算总表's 收入 part), “三公” and its items (“三公” table), procurement by 货物/工程/服务,
/// 机关运行经费. Figures the tables print, nothing else.
pub fn fill_from_tables(b: &mut Bundle) {
    if b.expenditure.total.is_none() {
        b.expenditure.total = b.expenditure_summary().and_then(|t| t.lines[0].amount(0));
    }
    // Revenue by fund source from the 收支预算总表's 收入 part (一、财政拨款, 二、财政专户管理资金,
    // 三、其他资金, 上年结转资金), and its 收入合计.
    if let Some(t) = b
        .tables
        .iter()
        .find(|t| t.kind == TableKind::Summary && t.unit == b.meta.unit)
    {
        let revenue = t.lines.iter().filter(|l| l.part.as_deref() == Some(SUMMARY_PARTS[0]));
        if b.revenue.total.is_none() {
            b.revenue.total = revenue
                .clone()
                .find(|l| l.name.replace(' ', "").contains(SUMMARY_TOTALS[2]))
                .and_then(|l| l.amount(0));
        }
        if b.revenue.sources.is_empty() && b.revenue.total.is_some() {
            b.revenue.sources = revenue
                .filter(|l| item_level(&l.name) == Some(0) || l.name.contains("上年结转"))
                .map(|l| Line {
                    name: without_number(&l.name).to_string(),
                    amount: l.amount(0),
                })
                .collect();
        }
    }
    // “三公” from its table when the narrative states none.
    let three_public = b
        .tables
        .iter()
        .find(|t| t.kind == TableKind::ThreePublic && t.unit == b.meta.unit && t.lines.len() == 1);
    if let (Some(t), None, true) = (three_public, b.three_public.total, b.three_public.items.is_empty()) {
        let get = |name: &str| t.column(name).and_then(|c| t.lines[0].amount(c));
        b.three_public.total = get("“三公”经费小计");
        for (name, kind) in [
            ("因公出国（境）费", ThreePublicKind::Overseas),
            ("公务用车购置费", ThreePublicKind::VehiclePurchase),
            ("公务用车运行维护费", ThreePublicKind::VehicleOperation),
            ("公务接待费", ThreePublicKind::Reception),
        ] {
            if t.column(name).is_some() {
                b.three_public.items.push(ThreePublicItem {
                    name: name.to_string(),
                    kind,
                    amount: get(name),
                    change: None,
                    change_text: String::new(),
                    reason: String::new(),
                });
            }
        }
    }
    // 政府采购 by 货物 / 工程 / 服务 from its table when the narrative states none.
    let procurement = b
        .tables
        .iter()
        .find(|t| t.kind == TableKind::Procurement && t.unit == b.meta.unit);
    if let (Some(t), None, true) = (procurement, b.procurement.total, b.procurement.items.is_empty()) {
        b.procurement.total = t.total();
        b.procurement.items = t
            .lines
            .iter()
            .filter(|l| !l.is_total())
            .map(|l| Line {
                name: without_number(&l.name).to_string(),
                amount: l.amount(0),
            })
            .collect();
    }
    if b.operating_costs.amount.is_none() {
        let table = b
            .tables
            .iter()
            .find(|t| t.kind == TableKind::OperatingCosts && t.unit == b.meta.unit);
        b.operating_costs.amount = table.and_then(|t| t.total());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::split_lines;

    #[test]
    fn chunks_by_runs_of_spaces_with_display_columns() {
        let cs = chunks("201   一般公共服务支出  6,463.55");
        assert_eq!(
            cs.iter().map(|c| c.text.as_str()).collect::<Vec<_>>(),
            ["201", "一般公共服务支出", "6,463.55"]
        );
        assert_eq!((cs[1].start, cs[1].end), (6, 14), "every character is one column");
        assert_eq!(chunks("1. 一 般 公")[0].text, "1. 一 般 公");
        let spaced: Vec<String> = chunks("   合   计        金    额   12.00")
            .into_iter()
            .map(|c| c.text)
            .collect();
        assert_eq!(spaced, ["合计", "金额", "12.00"]);
    }

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
    fn codes_in_one_or_separate_columns() {
        assert_eq!(leading_code("2010201"), Some(("2010201".into(), String::new())));
        assert_eq!(
            leading_code("201 01 01 行政运行"),
            Some(("2010101".into(), "行政运行".into()))
        );
        assert_eq!(leading_code("2017年"), None);
        assert_eq!(leading_code("12"), None);
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
    }

    #[test]
    fn a_coded_table_with_a_wrapped_name_and_a_continuation_line() {
        let text = "\
          一般公共预算支出预算表（功能科目）
部门：江苏省人大常委会办公厅                          单位：万元

      功能科目代码         功能科目名称        金额
                          合计            1,068.78

208              社会保障和就业支出               1,068.78

20805            行政事业单位离退休               1,068.78

2080504          未归口管理的行政单位离退休             256.76

                 机关事业单位基本养老保险缴费支
2080505                                    580.01
                 出

2080506          机关事业单位职业年金缴费支出            232.01
注：本表不含上年结转。
";
        let f = read(&split_lines(text));
        assert_eq!(f.department.as_deref(), Some("江苏省人大常委会办公厅"));
        assert_eq!(f.tables.len(), 1);
        let t = &f.tables[0];
        assert_eq!(
            (t.kind, t.unit.as_str(), t.columns.clone()),
            (TableKind::GeneralPublic, "万元", vec!["金额".to_string()])
        );
        let names: Vec<(Option<&str>, &str, String)> = t
            .lines
            .iter()
            .map(|l| (l.code.as_deref(), l.name.as_str(), l.amount(0).unwrap().to_string()))
            .collect();
        assert_eq!(
            names,
            vec![
                (None, "合计", "1068.78".into()),
                (Some("208"), "社会保障和就业支出", "1068.78".into()),
                (Some("20805"), "行政事业单位离退休", "1068.78".into()),
                (Some("2080504"), "未归口管理的行政单位离退休", "256.76".into()),
                (Some("2080505"), "机关事业单位基本养老保险缴费支出", "580.01".into()),
                (Some("2080506"), "机关事业单位职业年金缴费支出", "232.01".into()),
            ]
        );
        assert_eq!(t.notes, vec!["注：本表不含上年结转。".to_string()]);
        assert_eq!(t.lines[4].source_line, Some(14));
        assert!(
            f.consumed.contains(&15),
            "the wrapped part of the name is part of the table"
        );
    }

    #[test]
    fn several_columns_with_a_blank_cell_placed_by_position() {
        let text = "\
一般公共预算支出预算表
部门：某县教育局                                      单位：万元
科目编码     科目名称               合计        基本支出       项目支出
             合计                 300.00        100.00         200.00
205          教育支出             300.00        100.00         200.00
20502        普通教育             200.00                       200.00
20501        教育管理事务         100.00        100.00
";
        let f = read(&split_lines(text));
        let t = &f.tables[0];
        assert_eq!(t.columns, vec!["合计", "基本支出", "项目支出"]);
        let cells = |i: usize| {
            t.lines[i]
                .amounts
                .iter()
                .map(|c| c.0.map(|d| d.to_string()))
                .collect::<Vec<_>>()
        };
        assert_eq!(cells(2), vec![Some("200.00".into()), None, Some("200.00".into())]);
        assert_eq!(cells(3), vec![Some("100.00".into()), Some("100.00".into()), None]);
    }

    #[test]
    fn a_table_of_contents_is_not_a_table_and_a_unitless_table_is_not_read() {
        let toc = "目录\n一、收支预算总表\n二、收入预算总表\n五、财政拨款支出预算表\n六、财政拨款基本支出预算表\n";
        assert!(read(&split_lines(toc)).tables.is_empty());
        let no_unit = "一般公共预算支出预算表\n部门：某局\n201  一般公共服务支出  10.00\n";
        assert!(
            read(&split_lines(no_unit)).tables.is_empty(),
            "a table without its unit is not guessed"
        );
    }

    /// The columns and the cells of the one-row table in `text`.
    fn one_row(text: &str) -> (Vec<String>, Vec<Option<String>>) {
        let t = read(&split_lines(text)).tables.remove(0);
        let cells = t.lines[0].amounts.iter().map(|c| c.0.map(|d| d.to_string())).collect();
        (t.columns, cells)
    }

    #[test]
    fn two_long_headings_that_overlap_a_little_stay_two_columns() {
        let text = "\
                             支出预算总表
部门名称：江苏省人大常委会办公厅                                                        单位：万元

                                                                        结转下年资
          合计                 基本支出        项目支出         单位预留机动经费
                                                                          金


                  15897.44   7877.76        6333.96           1685.72
";
        let (columns, cells) = one_row(text);
        assert_eq!(
            columns,
            ["合计", "基本支出", "项目支出", "单位预留机动经费", "结转下年资金"]
        );
        assert_eq!(cells[3], Some("1685.72".into()));
        assert_eq!(cells[4], None);
    }

    #[test]
    fn the_expenditure_summary_row_under_wrapped_headings() {
        let text = "\
                        支出预算总表
 部门：         江苏省人大常委会办公厅                      单位：万元




                                     单位
               基         项目
  合计                               预留机动      结转下年资金
            本支出         支出
                                    经费

13,649.07   7,666.68    5,853.96    128.43
";
        let (columns, cells) = one_row(text);
        assert_eq!(
            columns,
            ["合计", "基本支出", "项目支出", "单位预留机动经费", "结转下年资金"]
        );
        assert_eq!(
            cells,
            vec![
                Some("13649.07".into()),
                Some("7666.68".into()),
                Some("5853.96".into()),
                Some("128.43".into()),
                None
            ]
        );
    }
}
