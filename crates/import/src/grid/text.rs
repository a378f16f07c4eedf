//! Grids from laid-out text: `pdftotext -layout` output, a PDF page that draws no rules (laid out
//! by `crate::pdf`), or any text where a table line is its cells separated by runs of spaces —
//! the column splitter. Text has no borders, so the table's structure is recovered here from
//! where its words stand, per shape of table (the reading of what the cells mean is
//! `crate::standard`'s, the same for every producer):
//!
//! - a table starts at its title line (表八 / 公开07表 prefixes allowed), confirmed by a
//!   `部门：… 单位：万元` line close below it (a table of contents line is not a table); the
//!   title and unit lines become the grid's caption;
//! - coded tables: each line `code name amount…`, the 合计 line, names wrapped over two or three
//!   lines re-joined (`机关事业单位基本养老保险缴费支` / `2080505 … 580.01` / `出`), codes printed in
//!   separate 类/款/项 columns (`201 01 01`) joined; column headings from the header lines,
//!   wrapped headings joined by their horizontal overlap; amounts placed in columns in order, or
//!   by position when a cell is blank; one cell per line (plain pdftotext) with one amount column;
//! - the 收支预算总表's parts side by side, the 支出预算总表's one row, the “三公” table's
//!   multi-level header, the 政府采购 and 收入预算总表 lines.
//!
//! It never guesses: a line it cannot lay out ends up in the import report with its line number.

use super::{Grid, Producer};
use crate::lines::SrcLine;
use crate::standard::title::{dept_and_unit, is_furniture, table_titles, title_kind};
use crate::text::parse_cell_number;
use gongkai_model::tables::{is_total_name, TableKind, SUMMARY_PARTS};
use gongkai_model::SkippedLine;

/// The header words the grids of this producer carry over their code and name columns.
pub const CODE_HEADING: &str = "科目编码";
pub const NAME_HEADING: &str = "科目名称";

/// A grid being laid out: its caption, rows of cell texts with their lines, lines it took.
struct Laid {
    caption: Vec<(usize, String)>,
    rows: Vec<Vec<(usize, String)>>,
    used: Vec<usize>,
}

impl Laid {
    fn grid(self) -> Grid {
        let mut g = Grid::from_cells(&self.rows, Producer::Text);
        g.caption = self.caption;
        let mut used = self.used;
        used.extend(g.cells.iter().map(|c| c.line).filter(|l| *l > 0));
        used.sort_unstable();
        used.dedup();
        let caption: Vec<usize> = g.caption.iter().map(|c| c.0).collect();
        used.retain(|l| !caption.contains(l));
        g.lines = used;
        g
    }
}

/// The grids of the standard tables laid out in `lines`; lines that cannot be laid out are
/// reported in `skipped`.
pub fn grids(lines: &[SrcLine], skipped: &mut Vec<SkippedLine>) -> Vec<Grid> {
    let mut out = Vec::new();
    let titles = table_titles(lines);
    for (n, (start, kind, _title)) in titles.iter().enumerate() {
        let end = titles.get(n + 1).map_or(lines.len(), |t| t.0);
        if let Some(g) = lay_out(&lines[*start..end], *kind, skipped) {
            out.push(g);
        }
    }
    out
}

/// One table's grid from its lines (title first).
fn lay_out(body: &[SrcLine], kind: TableKind, skipped: &mut Vec<SkippedLine>) -> Option<Grid> {
    let mut unit_at = None;
    // Plain pdftotext prints one cell per line: the unit may come after a few heading cells.
    let reach = if body.iter().take(6).any(|l| dept_and_unit(&l.text).1.is_some()) {
        6
    } else {
        14
    };
    let mut caption = vec![(body[0].no, body[0].text.clone())];
    for (i, l) in body.iter().enumerate().take(reach).skip(1) {
        let (d, u) = dept_and_unit(&l.text);
        if d.is_some() || u.is_some() || matches!(l.text.trim(), "部门：" | "部门:" | "部门名称：") {
            caption.push((l.no, l.text.clone()));
            // "部门：" alone: the name on the next non-blank line.
            if d.is_none() && u.is_none() {
                if let Some(next) = body[i + 1..].iter().find(|x| !x.text.trim().is_empty()) {
                    let t = next.text.trim();
                    if !t.contains('：') && !is_label_heading(t) && t.chars().count() <= 30 {
                        caption.push((next.no, format!("部门：{t}")));
                    }
                }
            }
        }
        if u.is_some() {
            unit_at = Some(i);
            break;
        }
    }
    let unit_at = unit_at?;
    let laid = match kind.classification() {
        Some(_) if is_cell_stream(&body[unit_at + 1..]) => lay_out_coded_stream(body, kind, skipped),
        Some(_) => lay_out_coded(body, unit_at, kind, skipped),
        None if kind == TableKind::ExpenditureSummary => lay_out_one_row(body, unit_at, skipped),
        None if matches!(kind, TableKind::Summary | TableKind::FiscalSummary) => {
            lay_out_summary(body, unit_at, skipped)
        }
        None if kind == TableKind::ThreePublic => lay_out_three_public(body, unit_at, skipped),
        None if kind == TableKind::Procurement => lay_out_procurement(body, unit_at),
        None if kind == TableKind::RevenueSummary => lay_out_revenue_summary(body, unit_at),
        None => None,
    }?;
    Some(
        Laid {
            caption,
            rows: laid.0,
            used: laid.1,
        }
        .grid(),
    )
}

/// Rows of cells (each with its line and text), and the lines used.
type Rows = (Vec<Vec<(usize, String)>>, Vec<usize>);

/// A row of texts all printed on `line`.
fn row(line: usize, texts: Vec<String>) -> Vec<(usize, String)> {
    texts.into_iter().map(|t| (line, t)).collect()
}

/// Width of a character in a laid-out line. pdftotext -layout places every character, Chinese
/// or not, on a grid of equal columns, so a character's index is its horizontal position.
fn width(_c: char) -> usize {
    1
}

/// A run of text separated from its neighbours by two or more spaces, with its display columns.
#[derive(Debug, Clone, PartialEq)]
pub struct Chunk {
    pub(crate) text: String,
    pub(crate) start: usize,
    pub(crate) end: usize,
}

impl Chunk {
    fn center(&self) -> f64 {
        (self.start + self.end) as f64 / 2.0
    }
    fn overlaps(&self, other: &Chunk) -> bool {
        self.start < other.end + 1 && other.start < self.end + 1
    }
}

pub(crate) fn chunks(line: &str) -> Vec<Chunk> {
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
pub(crate) fn starts_summary_item(name: &str) -> bool {
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

/// Places `values` (with their chunks) in `columns`: in order when every column has one; else
/// by position — numbers are right-aligned in their column, so a value belongs to the last column
/// whose heading starts before the value ends — keeping their order. `None` when they cannot be
/// placed (more values than columns, or two in one column). Cells keep their printed text.
fn place(values: &[Chunk], columns: &[Chunk]) -> Option<Vec<String>> {
    let n = columns.len().max(1);
    if values.len() > n {
        return None;
    }
    if values.len() == n {
        return Some(values.iter().map(|c| c.text.clone()).collect());
    }
    let mut out = vec![String::new(); n];
    let mut next_free = 0;
    for chunk in values {
        let column = columns.iter().rposition(|c| c.start < chunk.end).unwrap_or(0);
        if column < next_free {
            return None;
        }
        out[column] = chunk.text.clone();
        next_free = column + 1;
    }
    Some(out)
}

/// The 支出预算总表 and other one-row tables: headings, then one row of amounts.
fn lay_out_one_row(body: &[SrcLine], unit_at: usize, skipped: &mut Vec<SkippedLine>) -> Option<Rows> {
    let title = body[0].text.trim();
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
        skipped.push(SkippedLine {
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
    let values: Vec<Chunk> = chunks(&row_at.1.text)
        .into_iter()
        .filter(|c| amount(&c.text).is_some())
        .collect();
    let cells = place(&values, &columns)?;
    let head_line = header.first().map_or(row_at.1.no, |l| l.no);
    let rows = vec![
        row(head_line, columns.into_iter().map(|c| c.text).collect()),
        row(row_at.1.no, cells),
    ];
    Some((rows, body[1..=row_at.0].iter().map(|l| l.no).collect()))
}

/// The 收支预算总表: its three parts side by side, each a list of items (name, amount). Parts
/// are told apart by where their names start on the line; wrapped names are joined within a part.
/// The grid has a name and an amount column per part, headed by the part's name.
fn lay_out_summary(body: &[SrcLine], unit_at: usize, skipped: &mut Vec<SkippedLine>) -> Option<Rows> {
    let title = body[0].text.trim();
    // Data lines: from the first item ("一、财政拨款"), after the headings.
    let first = body
        .iter()
        .enumerate()
        .skip(unit_at + 1)
        .find(|(_, l)| chunks(&l.text).iter().any(|c| c.text.starts_with("一、")))?
        .0;
    let mut rows: Vec<(usize, Vec<Chunk>)> = Vec::new();
    let mut used: Vec<usize> = body[1..first].iter().map(|l| l.no).collect();
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
    // parts side by side (plain pdftotext puts every cell on a line of its own): not read here;
    // the section readers' report lists what they cannot place.
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
    // Items per part, in order: (name, amount text, line).
    let mut parts: Vec<Vec<(String, Option<String>, usize)>> = vec![Vec::new(); n];
    for (no, cs) in &rows {
        // Per part on this line: its name pieces and its amount.
        let mut names: Vec<Vec<&str>> = vec![Vec::new(); n];
        let mut amounts: Vec<Option<String>> = vec![None; n];
        for c in cs {
            match amount(&c.text) {
                Some(_) => amounts[amount_zone(c)] = Some(c.text.clone()),
                None => names[name_zone(c)].push(c.text.as_str()),
            }
        }
        // An amount printed far right of its name ("当年支出小计 … 9,146.79" across the 用途
        // part): it belongs to the name on its left when its own part has none on this line.
        // (Not when an item of its own part still waits for its amount: "三、单位预留机" / amount /
        // "动经费" is one item wrapped round the amount.)
        for z in (1..n).rev() {
            let own_waits = parts[z].last().is_some_and(|l| l.1.is_none());
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
            let value = amounts[z].take().filter(|a| amount(a).flatten().is_some());
            let items = &mut parts[z];
            if name.is_empty() {
                match items.last_mut() {
                    Some(last) if last.1.is_none() && value.is_some() => last.1 = value,
                    _ if value.is_some() => skipped.push(SkippedLine {
                        line: *no,
                        text: value.unwrap_or_default(),
                        reason: format!("{title}：这个金额找不到所属的项目，未导入"),
                    }),
                    _ => {}
                }
            } else if starts_summary_item(&name) || items.is_empty() {
                items.push((name, value, *no));
            } else if let Some(last) = items.last_mut() {
                last.0.push_str(&name);
                if last.1.is_none() && value.is_some() {
                    last.1 = value;
                }
            }
        }
    }
    if parts.iter().all(Vec::is_empty) {
        return None;
    }
    // The parts' names are not printed as headings: the header row is the producer's (line 0).
    let mut out = vec![row(
        0,
        labels
            .iter()
            .flat_map(|l| [l.to_string(), "金额".to_string()])
            .collect(),
    )];
    // One grid row per item index; each item's cells cite the line its name starts on.
    let height = parts.iter().map(Vec::len).max().unwrap_or(0);
    for i in 0..height {
        let mut cells = Vec::with_capacity(2 * n);
        for p in &parts {
            match p.get(i) {
                Some((name, value, no)) => {
                    cells.push((*no, name.clone()));
                    cells.push((*no, value.clone().unwrap_or_default()));
                }
                None => cells.extend([(0, String::new()), (0, String::new())]),
            }
        }
        out.push(cells);
    }
    Some((out, used))
}

/// The “三公”经费（会议费、培训费）table: headings on several levels over one row of amounts. The
/// bottom-level headings are found by their words (the spanning ones — “三公”经费, 公务用车购置及运行
/// 维护费 — are not columns), each amount goes to the nearest heading in order; the grid's header
/// row names each column (the reader keeps the table only if its sums hold).
fn lay_out_three_public(body: &[SrcLine], unit_at: usize, skipped: &mut Vec<SkippedLine>) -> Option<Rows> {
    let title = body[0].text.trim();
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
    let values: Vec<Chunk> = chunks(&row_at.1.text)
        .into_iter()
        .filter(|c| amount(&c.text).is_some())
        .collect();
    let mut cells = vec![String::new(); columns.len()];
    let mut next = 0;
    for (k, chunk) in values.iter().enumerate() {
        let room = columns.len().saturating_sub(values.len() - k - 1);
        let best = (next..room).min_by(|a, b| {
            (columns[*a].1 - chunk.center())
                .abs()
                .total_cmp(&(columns[*b].1 - chunk.center()).abs())
        });
        let Some(best) = best else {
            skipped.push(SkippedLine {
                line: row_at.1.no,
                text: row_at.1.text.trim().to_string(),
                reason: format!("{title}：多层表头下的金额无法确定对应的列，未导入"),
            });
            return None;
        };
        cells[best] = chunk.text.clone();
        next = best + 1;
    }
    let head_line = body[unit_at + 1..row_at.0]
        .iter()
        .find(|l| !l.text.trim().is_empty())
        .map_or(0, |l| l.no);
    let rows = vec![
        row(head_line, columns.iter().map(|c| c.0.to_string()).collect()),
        row(row_at.1.no, cells),
    ];
    Some((rows, body[1..=row_at.0].iter().map(|l| l.no).collect()))
}

/// The 政府采购预算表 by what is bought: its 合计 and its 货物 / 工程 / 服务 lines ("一、货物A
/// 259.32"), each with the amount at the end of its line (the 总计 column). The detailed lines
/// under them (item, 采购组织形式) are not laid out; they stay in the document.
fn lay_out_procurement(body: &[SrcLine], unit_at: usize) -> Option<Rows> {
    let mut rows = vec![row(0, vec![NAME_HEADING.to_string(), "总计".to_string()])];
    let mut used: Vec<usize> = body[1..=unit_at].iter().map(|l| l.no).collect();
    let mut names: Vec<String> = Vec::new();
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
        if cs.len() < 2 || !(category || is_total_name(&name)) || amount(&last.text).is_none() {
            continue;
        }
        if names.contains(&name) {
            continue;
        }
        used.push(l.no);
        names.push(name.clone());
        rows.push(row(l.no, vec![name, last.text.clone()]));
    }
    (rows.len() > 1).then_some((rows, used))
}

/// The 收入预算总表: 收入总计, then one group per source of funds (一般公共预算资金, 政府性基金,
/// 财政专户管理资金, 其他资金, 上年结转和结余资金), each opening with its 小计 and listing its items
/// (公共财政拨款(补助)资金, 事业收入…). The source's name is printed in a left column somewhere in
/// its group (a vertically centred merged cell), the items in a right column: the grid has the
/// source as one cell spanning its group's rows, the item and the amount.
fn lay_out_revenue_summary(body: &[SrcLine], unit_at: usize) -> Option<Rows> {
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
    let total = rows[total_at].1.last().filter(|c| amount(&c.text).is_some())?;
    let mut out = vec![
        row(0, vec!["资金来源".to_string(), "项目".to_string(), "金额".to_string()]),
        row(
            rows[total_at].0.no,
            vec![String::new(), "收入总计".to_string(), total.text.clone()],
        ),
    ];
    let mut used = vec![rows[total_at].0.no];
    // Groups: (first row index in `out`, source name and its line).
    let mut groups: Vec<(usize, Option<(usize, String)>)> = Vec::new();
    for (l, cs) in &rows[total_at + 1..] {
        let value = cs.last().filter(|c| amount(&c.text).is_some()).map(|c| c.text.clone());
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
            groups.push((out.len(), None));
        }
        let Some(group) = groups.last_mut() else { break };
        if let Some(s) = source {
            group.1 = Some((l.no, s));
        }
        if let Some(name) = item {
            out.push(row(l.no, vec![String::new(), name, value.unwrap_or_default()]));
        }
        used.push(l.no);
    }
    // Each group's source in its first row (the reader spans it over the group).
    for (at, source) in &groups {
        if let Some((line, name)) = source {
            out[*at][0] = (*line, name.clone());
        }
    }
    Some((out, used))
}

/// A coded table as plain pdftotext prints it: heading cells, then code, name (possibly in
/// pieces), amount, one per line. Only one amount column can be laid out this way (blank cells
/// leave no trace); a table with more is reported.
fn lay_out_coded_stream(body: &[SrcLine], kind: TableKind, skipped: &mut Vec<SkippedLine>) -> Option<Rows> {
    let title = body[0].text.trim();
    let class = kind.classification()?;
    let cells: Vec<&SrcLine> = body[1..].iter().filter(|l| !l.text.trim().is_empty()).collect();
    let department = cells
        .iter()
        .map(|l| dept_and_unit(&l.text).0)
        .find(Option::is_some)
        .flatten();
    let mut after_dept_label = false;
    let headings: Vec<&str> = cells
        .iter()
        .map(|l| l.text.trim())
        .take_while(|t| leading_code(t).is_none() && !is_total_name(t))
        .filter(|t| {
            // The name under a lone "部门：" is no heading.
            let dept_name = std::mem::replace(&mut after_dept_label, matches!(*t, "部门：" | "部门:" | "部门名称："));
            !dept_name
                && !t.contains('：')
                && !t.contains(':')
                && !is_label_heading(t)
                && !is_furniture(t)
                && amount(t).is_none()
                && title_kind(t).is_none()
        })
        .filter(|t| department.as_deref() != Some(*t))
        .collect();
    if headings.len() > 1 {
        skipped.push(SkippedLine {
            line: body[0].no,
            text: title.to_string(),
            reason: format!("{title}：表格以每格一行的文字给出，有 {} 个金额列，空白格无法定位，未导入；请用 pdftotext -layout 生成的文字", headings.len()),
        });
        return None;
    }
    let column = headings.first().map_or("金额".to_string(), |h| h.to_string());
    let mut rows = vec![row(
        0,
        vec![CODE_HEADING.to_string(), NAME_HEADING.to_string(), column.clone()],
    )];
    // The line being read: (line, code, name).
    let mut cur: Option<(usize, String, String)> = None;
    let mut used = Vec::new();
    let mut started = false;
    for l in &cells {
        let t = l.text.trim();
        let code = leading_code(t).filter(|(c, rest)| class.is_code(c) && rest.is_empty());
        let starts_line = code.is_some() || (is_total_name(t) && cur.is_none());
        if let (true, Some(open)) = (starts_line, cur.as_ref()) {
            // A line without its amount: the text has the cells out of order (pdftotext follows
            // the PDF's drawing order). Laying out on would shift amounts between lines.
            skipped.push(SkippedLine {
                line: open.0,
                text: format!("{} {}", open.1, open.2),
                reason: format!("{title}：这一行后面没有金额（文字中的单元格次序错乱），整张表未导入；请用 pdftotext -layout 生成的文字"),
            });
            return None;
        }
        if let Some((code, _)) = code {
            started = true;
            cur = Some((l.no, code, String::new()));
        } else if is_total_name(t) && cur.is_none() {
            started = true;
            cur = Some((l.no, String::new(), t.replace(' ', "")));
        } else if amount(t).is_some() && cur.is_some() {
            let (no, code, name) = cur.take().unwrap_or_default();
            rows.push(vec![(no, code), (no, name), (l.no, t.to_string())]);
        } else if t.starts_with('注') {
            // A note: left for the reader, which takes the notes under a table.
            break;
        } else if t.contains('：') || t.contains(':') || is_label_heading(t) || t == column || t == "金额" {
            // 单位：万元, 部门：…, heading cells between the cells of a line.
        } else if let Some(open) = cur.as_mut() {
            open.2.push_str(&t.replace(' ', ""));
        } else if started && (is_furniture(t) || t.chars().count() > 20 || t.contains('。')) {
            break;
        } else if !started {
            // Heading cells, 部门, 单位.
        } else {
            break;
        }
        used.push(l.no);
    }
    Some((rows, used))
}

/// One parsed line of a coded table, before wrapped names are joined.
enum Row {
    Data {
        code: Option<String>,
        name: String,
        values: Vec<Chunk>,
        no: usize,
    },
    Fragment(String),
}

/// A coded table laid out in columns: a code column, a name column and the amount columns
/// under their headings.
fn lay_out_coded(body: &[SrcLine], unit_at: usize, kind: TableKind, skipped: &mut Vec<SkippedLine>) -> Option<Rows> {
    let title = body[0].text.trim();
    let class = kind.classification()?;
    let mut rows: Vec<Row> = Vec::new();
    let mut header: Vec<&SrcLine> = Vec::new();
    let mut used: Vec<usize> = body[1..=unit_at].iter().map(|l| l.no).collect();
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
            // Notes: the reader takes the notes under a table.
            break;
        }
        let cs = chunks(&l.text);
        let first = &cs[0].text;
        let code = leading_code(first).filter(|(c, _)| class.is_code(c));
        let is_total = is_total_name(first.split(' ').next().unwrap_or(""));
        let values: Vec<Chunk> = cs
            .iter()
            .skip(1)
            .filter(|c| amount(&c.text).is_some())
            .cloned()
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
    if rows.is_empty() && header.is_empty() {
        return None;
    }
    let mut columns = header_columns(&header);
    if columns.is_empty() {
        columns.push(Chunk {
            text: "金额".into(),
            start: 0,
            end: usize::MAX / 2,
        });
    }
    let head_line = header.first().map_or(0, |l| l.no);
    let mut out = vec![row(
        head_line,
        [CODE_HEADING.to_string(), NAME_HEADING.to_string()]
            .into_iter()
            .chain(columns.iter().map(|c| c.text.clone()))
            .collect(),
    )];
    // Join wrapped names: a fragment goes to the next data line when that line has no name of
    // its own (a vertically centred cell), else to the data line before it.
    let mut pending: Vec<String> = Vec::new();
    for (i, r) in rows.iter().enumerate() {
        match r {
            Row::Fragment(text) => {
                let next_nameless = rows[i + 1..].iter().find_map(|r| match r {
                    Row::Data { name, .. } => Some(name.is_empty()),
                    Row::Fragment(..) => None,
                });
                match (next_nameless, out.len() > 1) {
                    (Some(true), _) | (_, false) => pending.push(text.clone()),
                    (_, true) => {
                        let last = out.last_mut().expect("a data row");
                        last[1].1.push_str(text);
                    }
                }
            }
            Row::Data { code, name, values, no } => {
                let name = pending.drain(..).collect::<String>() + name;
                match place(values, &columns) {
                    Some(cells) => {
                        let mut line = vec![(*no, code.clone().unwrap_or_default()), (*no, name)];
                        line.extend(cells.into_iter().map(|c| (*no, c)));
                        out.push(line);
                    }
                    None => skipped.push(SkippedLine {
                        line: *no,
                        text: format!("{} {name}", code.clone().unwrap_or_default()),
                        reason: format!("{title}：这一行的金额比表头的列多，无法对应到列，未导入"),
                    }),
                }
            }
        }
    }
    Some((out, used))
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn codes_in_one_or_separate_columns() {
        assert_eq!(leading_code("2010201"), Some(("2010201".into(), String::new())));
        assert_eq!(
            leading_code("201 01 01 行政运行"),
            Some(("2010101".into(), "行政运行".into()))
        );
        assert_eq!(leading_code("2017年"), None);
        assert_eq!(leading_code("12"), None);
    }
}
