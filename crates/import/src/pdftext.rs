//! Text extracted from PDF (pdftotext and similar): page numbers and form feeds between pages,
//! paragraphs wrapped at the page width, numbers split across lines, table cells one per line.
//! [`clean`] turns it back into paragraphs the section readers understand.

use crate::lines::{heading_kind, SrcLine};

/// True for lines that are only a page number: "3", "- 3 -", "—3—", "第 3 页", "第3页 共12页".
fn is_page_number(t: &str) -> bool {
    let t = t
        .trim()
        .trim_matches(|c: char| matches!(c, '-' | '—' | '－' | ' ' | '　'));
    if !t.is_empty() && t.len() <= 4 && t.bytes().all(|b| b.is_ascii_digit()) {
        return true;
    }
    let squashed: String = t.chars().filter(|c| !c.is_whitespace()).collect();
    squashed.starts_with('第')
        && squashed.contains('页')
        && squashed.chars().all(|c| c.is_ascii_digit() || "第页共/".contains(c))
}

fn ends_sentence(t: &str) -> bool {
    t.ends_with(['。', '；', '：', ':', '！', '？', '」', '”'])
}

fn starts_item(t: &str) -> bool {
    let t = t.trim_start();
    t.starts_with(['（', '(', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'])
        && t.chars().take(6).any(|c| matches!(c, '、' | '）' | ')'))
        || t.chars().next().is_some_and(|c| c.is_ascii_digit()) && t.chars().take(4).any(|c| matches!(c, '、' | '.'))
}

/// Whether `text` looks like PDF-extracted text: no tab-separated cells, and page breaks or
/// page-number lines.
pub fn looks_like_pdf_text(text: &str) -> bool {
    let tabs = text
        .lines()
        .filter(|l| l.trim_start_matches(' ').starts_with('\t'))
        .count();
    tabs == 0 && (text.contains('\u{0c}') || text.lines().filter(|l| is_page_number(l)).count() >= 2)
}

/// Cleans PDF text: drops page-number lines next to page breaks (or in "- 3 -"/"第3页" form),
/// joins wrapped paragraph lines and numbers split across lines. Line numbers of the result are
/// those of the first source line of each joined paragraph.
pub fn clean(lines: Vec<SrcLine>) -> Vec<SrcLine> {
    let lines = &lines;
    let mut kept: Vec<SrcLine> = Vec::with_capacity(lines.len());
    for (i, l) in lines.iter().enumerate() {
        let t = l.text.trim().trim_start_matches('\u{0c}');
        // A bare number is a page number only next to a page break; elsewhere it may be a cell.
        let at_break = lines.get(i + 1).is_none_or(|n| n.text.starts_with('\u{0c}'))
            || l.text.starts_with('\u{0c}')
            || lines
                .get(i + 2)
                .is_some_and(|n| n.text.starts_with('\u{0c}') && lines[i + 1].is_blank());
        let dashed = t.starts_with(['-', '—', '－']) || t.starts_with('第');
        if is_page_number(t) && (dashed || at_break) {
            continue;
        }
        let mut l = l.clone();
        l.text = l.text.replace('\u{0c}', "");
        kept.push(l);
    }
    // The wrap width: the most common length among long lines. A line that long was wrapped by
    // the PDF; a shorter one ended its paragraph (or is a table cell).
    let mut counts = std::collections::HashMap::new();
    for l in &kept {
        let n = l.text.trim().chars().count();
        if n >= 20 {
            *counts.entry(n).or_insert(0usize) += 1;
        }
    }
    let width = counts
        .into_iter()
        .max_by_key(|(n, c)| (*c, *n))
        .map(|(n, _)| n)
        .unwrap_or(usize::MAX);
    let mut out: Vec<SrcLine> = Vec::with_capacity(kept.len());
    // Length in characters of the last source line appended to `out.last()` (joined paragraphs
    // grow; only the last wrapped piece tells whether the paragraph continues). Tracked here so
    // joining stays linear in the size of the document.
    let mut last_len = 0usize;
    for l in kept {
        let t = l.text.trim();
        let t_len = t.chars().count();
        if let Some(prev) = out.last_mut() {
            let p = prev.text.trim_end();
            // A number cut by the wrap ("3719." / "45万元") always continues.
            let split_number = last_len >= 18
                && p.ends_with(|c: char| c.is_ascii_digit() || c == '.')
                && t.starts_with(|c: char| c.is_ascii_digit() || c == '.');
            let full = width != usize::MAX && last_len >= width.saturating_sub(1);
            let next_is_new = t.is_empty() || heading_kind(&l).is_some() || starts_item(t);
            if (full || split_number) && !ends_sentence(p) && !next_is_new && !l.is_cell() {
                // Same paragraph, wrapped by the PDF: no space between Chinese characters.
                let keep = p.len();
                prev.text.truncate(keep);
                prev.text.push_str(t);
                last_len = t_len;
                continue;
            }
        }
        last_len = t_len;
        out.push(l);
    }
    out
}

/// Table cells one per line (empty cells dropped by the extractor) → rows for the assets table:
/// a text cell starts a row, the numeric cells after it ("—" included) fill it.
pub fn cells_to_asset_rows(lines: &[&SrcLine]) -> Vec<(usize, Vec<String>)> {
    let mut rows: Vec<(usize, Vec<String>)> = Vec::new();
    let is_num = |t: &str| {
        let t = t.trim();
        !t.is_empty()
            && (matches!(t, "—" | "-" | "——" | "－") || crate::text::parse_cell_number(t).is_ok_and(|v| v.is_some()))
    };
    let header = ["项目", "项 目", "数量", "价值", "年初数", "年末数", "栏次", "栏 次"];
    let mut after_lanci = 0;
    for l in lines {
        let t = l.text.trim();
        if t.is_empty() {
            continue;
        }
        if header.contains(&t) {
            if t.replace(' ', "") == "栏次" {
                after_lanci = 4; // the column numbers 1 2 3 4 follow
            }
            continue;
        }
        if after_lanci > 0 && t.bytes().all(|b| b.is_ascii_digit()) {
            after_lanci -= 1;
            continue;
        }
        after_lanci = 0;
        match rows.last_mut() {
            Some((_, cells)) if is_num(t) && cells.len() < 5 => cells.push(t.to_string()),
            _ if is_num(t) => {} // a number with no row: dropped (reported by the caller's count)
            _ => rows.push((l.no, vec![t.to_string()])),
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::split_lines;

    #[test]
    fn page_numbers_and_wrapped_lines() {
        let text = "本部门2017年共安排预算收入3719.\n45万元，一般公共预算拨款3719.45万元。\n- 2 -\n\u{0c}三、机关运行经费安排情况\n";
        let out = clean(split_lines(text));
        let texts: Vec<&str> = out.iter().map(|l| l.text.as_str()).filter(|t| !t.is_empty()).collect();
        assert_eq!(
            texts,
            [
                "本部门2017年共安排预算收入3719.45万元，一般公共预算拨款3719.45万元。",
                "三、机关运行经费安排情况"
            ]
        );
        assert!(is_page_number("第 3 页"));
        assert!(is_page_number("—12—"));
        assert!(!is_page_number("2017年"));
    }
}
