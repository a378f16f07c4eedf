//! Readers for the two tables: 绩效预算 (activities → sub-activities → indicators) and 国有资产.

use crate::lines::{table_rows, SrcLine};
use crate::text::parse_cell_number;
use gongkai_model::*;

fn is_indented(name: &str) -> bool {
    name.starts_with('　') || name.starts_with("  ")
}

fn opt_text(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_string())
}

fn skip(skipped: &mut Vec<SkippedLine>, line: usize, text: &str, reason: &str) {
    let text: String = text.chars().take(200).collect();
    skipped.push(SkippedLine {
        line,
        text,
        reason: reason.to_string(),
    });
}

/// 绩效预算 table: 9 columns (职责活动, 年度预算数, 内容描述, 绩效目标, 绩效指标, 优, 良, 中, 差).
/// An indented name (　　) is a sub-activity; a row with an empty name adds an indicator to the
/// row above.
pub fn performance(body: &[SrcLine], b: &mut Bundle, skipped: &mut Vec<SkippedLine>) {
    let (rows, loose) = table_rows(body);
    let looks_like_table = loose
        .iter()
        .any(|l| l.text.trim() == "职责活动" || l.text.trim() == "绩效指标");
    for l in loose {
        if looks_like_table {
            // Cells one per line (PDF text) lose their empty cells, so rows cannot be rebuilt
            // reliably: report every line rather than guess.
            skip(
                skipped,
                l.no,
                &l.text,
                "绩效表没有制表符分隔的单元格（如 PDF 提取的文本），无法可靠还原行列；请使用 .docx 或保留制表符的文本",
            );
        } else {
            // Text outside the table (e.g. "本部门未编制绩效预算") is kept where a reader finds it.
            b.notes.push(l.text.trim().to_string());
        }
    }
    let acts = &mut b.performance.activities;
    for (line, mut cells) in rows {
        let joined = cells.join("|");
        if cells.first().is_some_and(|c| c.trim() == "职责活动")
            || cells.iter().all(|c| matches!(c.trim(), "" | "优" | "良" | "中" | "差"))
        {
            continue; // header rows
        }
        if cells.len() > 9 {
            skip(skipped, line, &joined, "绩效表行多于 9 列，多余的列未读取");
        }
        cells.resize(9, String::new());
        let name_raw = cells[0].as_str();
        let name = name_raw
            .trim_matches(|c: char| c.is_whitespace() || c == '　')
            .to_string();
        let amount = match parse_cell_number(&cells[1]) {
            Ok(a) => a,
            Err(()) => {
                skip(skipped, line, &cells[1], "年度预算数不是数字，按未列处理");
                None
            }
        };
        let indicator = (!cells[4..9].iter().all(|c| c.trim().is_empty())).then(|| Indicator {
            name: cells[4].trim().to_string(),
            excellent: opt_text(&cells[5]),
            good: opt_text(&cells[6]),
            fair: opt_text(&cells[7]),
            poor: opt_text(&cells[8]),
        });
        if name.is_empty() {
            let Some(ind) = indicator else {
                if !cells[1..4].iter().all(|c| c.trim().is_empty()) {
                    skip(skipped, line, &joined, "绩效表行没有活动名称");
                }
                continue;
            };
            match acts.last_mut() {
                Some(a) => match a.sub_activities.last_mut() {
                    Some(s) => s.indicators.push(ind),
                    None => a.indicators.push(ind),
                },
                None => skip(skipped, line, &joined, "绩效指标出现在任何职责活动之前"),
            }
            continue;
        }
        let row = Activity {
            name,
            amount,
            description: cells[2].trim().to_string(),
            goal: cells[3].trim().to_string(),
            indicators: indicator.into_iter().collect(),
            sub_activities: Vec::new(),
        };
        match (is_indented(name_raw), acts.last_mut()) {
            (true, Some(a)) => a.sub_activities.push(row),
            (true, None) => {
                skip(skipped, line, &joined, "子活动出现在任何职责活动之前，按职责活动读取");
                acts.push(row);
            }
            (false, _) => acts.push(row),
        }
    }
}

/// Level of an assets-table row from its numbering: 一、 → 0, （一） → 1, 1. → 2.
fn asset_level(name: &str) -> Option<usize> {
    let first = name.chars().next()?;
    if "一二三四五六七八九十".contains(first) && name.contains('、') {
        Some(0)
    } else if first == '（' || first == '(' {
        Some(1)
    } else if first.is_ascii_digit() {
        Some(2)
    } else {
        None
    }
}

/// Quantity unit from a name such as "（二）车辆（台、辆）" → "台、辆".
fn unit_in_name(name: &str) -> Option<String> {
    let t = name.trim_end();
    let inner = t.strip_suffix('）').or_else(|| t.strip_suffix(')'))?;
    let open = inner.rfind(['（', '('])?;
    let u = &inner[open + inner[open..].chars().next()?.len_utf8()..];
    (!u.is_empty() && u.chars().count() <= 8 && !u.chars().any(|c| "一二三四五六七八九十".contains(c)))
        .then(|| u.to_string())
}

/// 国有资产 table: name, 数量 年初/年末, 价值 年初/年末.
pub fn assets(body: &[SrcLine], b: &mut Bundle, unit: &str, skipped: &mut Vec<SkippedLine>) {
    let (mut rows, loose) = table_rows(body);
    let header_at = loose
        .iter()
        .position(|l| matches!(l.text.trim(), "项目" | "项 目" | "项　　目"));
    let (intro, cells) = match header_at {
        // No tab-separated rows but a table header: cells one per line (PDF text).
        Some(i) if rows.is_empty() => (&loose[..i], &loose[i..]),
        _ => (&loose[..], &loose[loose.len()..]),
    };
    if !cells.is_empty() {
        rows = crate::pdftext::cells_to_asset_rows(cells);
    }
    b.assets.text = intro.iter().map(|l| l.text.trim()).collect::<Vec<_>>().join("\n");
    b.assets.value_unit = unit.to_string();
    // (level, row) in table order, then folded into a tree.
    let mut flat: Vec<(usize, AssetRow)> = Vec::new();
    let mut last_role = AssetRole::Part;
    let mut last_level = 0;
    for (line, cells) in rows {
        let first = cells.first().map(|c| c.trim()).unwrap_or("");
        let squashed: String = first.chars().filter(|c| !c.is_whitespace() && *c != '　').collect();
        if matches!(squashed.as_str(), "项目" | "栏次" | "") || cells.iter().any(|c| c.trim() == "年初数") {
            continue;
        }
        if cells.len() != 5 {
            skip(
                skipped,
                line,
                &cells.join("|"),
                "资产表行应有 5 列（名称、数量年初/年末、价值年初/年末）",
            );
            continue;
        }
        let name = first
            .trim_start_matches(|c: char| c.is_whitespace() || c == '　')
            .to_string();
        let mut nums = [None; 4];
        for (i, c) in cells[1..5].iter().enumerate() {
            match parse_cell_number(c) {
                Ok(v) => nums[i] = v,
                Err(()) => skip(skipped, line, c, "资产表数字无法识别，按未列处理"),
            }
        }
        let (level, role) = if name.starts_with("其中") {
            (last_level_of_kind(&flat, 1).map_or(1, |l| l + 1), AssetRole::OfWhich)
        } else if name.starts_with("减") {
            (1, AssetRole::Deduction)
        } else if let Some(l) = asset_level(&name) {
            (l, AssetRole::Part)
        } else if last_role == AssetRole::OfWhich {
            (last_level, AssetRole::OfWhich)
        } else {
            (last_level.max(1), AssetRole::Part)
        };
        // Units are stated on category rows ("（二）车辆（台、辆）"); item rows inherit them.
        let own_unit = if level == 1 && role == AssetRole::Part {
            unit_in_name(&name)
        } else {
            None
        };
        let quantity_unit = own_unit.or_else(|| {
            flat.iter()
                .rev()
                .find(|(l, _)| *l < level)
                .and_then(|(_, p)| p.quantity_unit.clone())
        });
        let quantity_unit = if nums[0].is_none() && nums[1].is_none() {
            None
        } else {
            quantity_unit
        };
        last_role = role;
        last_level = level;
        flat.push((
            level,
            AssetRow {
                name,
                quantity_unit,
                role,
                quantity_start: nums[0],
                quantity_end: nums[1],
                value_start: nums[2],
                value_end: nums[3],
                children: Vec::new(),
            },
        ));
    }
    b.assets.rows = build_tree(flat);
}

fn last_level_of_kind(flat: &[(usize, AssetRow)], at_least: usize) -> Option<usize> {
    flat.iter()
        .rev()
        .find(|(l, r)| *l >= at_least && r.role == AssetRole::Part)
        .map(|(l, _)| *l)
        .or(Some(at_least - 1).filter(|_| !flat.is_empty()))
}

fn build_tree(flat: Vec<(usize, AssetRow)>) -> Vec<AssetRow> {
    // Stack of (level, row) whose children are still being collected.
    let mut roots: Vec<AssetRow> = Vec::new();
    let mut stack: Vec<(usize, AssetRow)> = Vec::new();
    fn close(stack: &mut Vec<(usize, AssetRow)>, roots: &mut Vec<AssetRow>) {
        let (_, done) = stack.pop().expect("non-empty");
        match stack.last_mut() {
            Some((_, parent)) => parent.children.push(done),
            None => roots.push(done),
        }
    }
    for (level, row) in flat {
        while stack.last().is_some_and(|(l, _)| *l >= level) {
            close(&mut stack, &mut roots);
        }
        stack.push((level, row));
    }
    while !stack.is_empty() {
        close(&mut stack, &mut roots);
    }
    roots
}
