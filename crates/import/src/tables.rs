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

/// The unit a table states ("单位：元", "金额单位：万元"), if any.
fn table_unit(body: &[SrcLine]) -> Option<&'static str> {
    body.iter().find_map(|l| {
        let t = l.text.replace([' ', '　'], "");
        let at = t.find("单位")?;
        let rest = &t[at..];
        ["万元", "亿元", "元"].into_iter().find(|u| rest.contains(u))
    })
}

fn strip_numbering(name: &str) -> String {
    crate::lines::strip_heading_number(name.trim()).trim().to_string()
}

fn amount_cell(cell: &str, from: &str, to: &str) -> Result<Option<rust_decimal::Decimal>, ()> {
    let v = parse_cell_number(cell)?.map(|d| crate::text::convert(d, from, to));
    match v {
        Some(d) if d.abs() > rust_decimal::Decimal::from(gongkai_model::amount::MAX_ABS_AMOUNT) => Err(()),
        v => Ok(v),
    }
}

/// 收支总表: rows of (收入项目, 金额, 支出项目, 金额). Fills revenue sources and expenditure
/// categories when the narrative did not state them; otherwise checks nothing and keeps the
/// narrative figures (the reconciliation view compares them).
pub fn summary_table(body: &[SrcLine], b: &mut Bundle, unit: &str, skipped: &mut Vec<SkippedLine>) {
    let from = table_unit(body).unwrap_or(unit);
    let (rows, _) = table_rows(body);
    let mut sources = Vec::new();
    let mut cats = Vec::new();
    let (mut rev_total, mut exp_total) = (None, None);
    for (line, cells) in rows {
        if cells.len() != 4 {
            skip(
                skipped,
                line,
                &cells.join("|"),
                "收支总表行应有 4 列（收入项目、金额、支出项目、金额）",
            );
            continue;
        }
        if cells
            .iter()
            .any(|c| matches!(c.trim(), "预算数" | "金额" | "本年预算数"))
        {
            continue; // header
        }
        for (side, (name, cell)) in [(0, (&cells[0], &cells[1])), (1, (&cells[2], &cells[3]))] {
            let name = strip_numbering(name);
            if name.is_empty() {
                continue;
            }
            let Ok(amount) = amount_cell(cell, from, unit) else {
                skip(skipped, line, cell, "收支总表金额无法识别");
                continue;
            };
            let total = name.contains("总计") || name == "合计" || name.ends_with("合计");
            match (side, total) {
                (0, true) => rev_total = amount.or(rev_total),
                (1, true) => exp_total = amount.or(exp_total),
                (0, false) if amount.is_some_and(|a| !a.is_zero()) => sources.push(Line { name, amount }),
                (1, false) if amount.is_some_and(|a| !a.is_zero()) => {
                    let class = if name.contains("项目") {
                        SpendingClass::Project
                    } else {
                        SpendingClass::Basic
                    };
                    cats.push(ExpenditureCategory { name, amount, class })
                }
                _ => {}
            }
        }
    }
    if b.revenue.total.is_none() {
        b.revenue.total = rev_total;
    }
    if b.revenue.sources.is_empty() {
        b.revenue.sources = sources;
    }
    if b.expenditure.total.is_none() {
        b.expenditure.total = exp_total;
    }
    if b.expenditure.categories.is_empty() {
        b.expenditure.categories = cats;
    }
}

/// “三公”经费支出表: a header row of item names and a row of amounts (a second header row for
/// 公务用车购置及运行费 → 购置费 / 运行费 is handled by taking the most specific names).
pub fn three_public_table(body: &[SrcLine], b: &mut Bundle, unit: &str, skipped: &mut Vec<SkippedLine>) {
    let from = table_unit(body).unwrap_or(unit);
    let (rows, _) = table_rows(body);
    let mut headers: Vec<Vec<String>> = Vec::new();
    let mut values: Option<(usize, Vec<String>)> = None;
    for (line, cells) in rows {
        let numeric = cells
            .iter()
            .filter(|c| parse_cell_number(c).is_ok_and(|v| v.is_some()))
            .count();
        if numeric * 2 >= cells.len() && numeric > 0 {
            values = Some((line, cells));
            break;
        }
        headers.push(cells);
    }
    let Some((line, values)) = values else {
        skip(
            skipped,
            body.first().map_or(0, |l| l.no),
            "“三公”经费支出表",
            "表中没有金额行",
        );
        return;
    };
    // For each column, the last non-empty header text above it (the most specific name).
    let name_of = |col: usize| {
        headers
            .iter()
            .rev()
            .find_map(|h| h.get(col).map(|s| s.trim()).filter(|s| !s.is_empty()))
            .unwrap_or("")
            .to_string()
    };
    let mut items = Vec::new();
    let mut total = None;
    let mut vehicles_parent_split = false;
    for (col, cell) in values.iter().enumerate() {
        let name = name_of(col);
        let Ok(amount) = amount_cell(cell, from, unit) else {
            skip(skipped, line, cell, "“三公”经费支出表金额无法识别");
            continue;
        };
        if name.contains("合计") || name.contains("总计") {
            total = amount;
            continue;
        }
        if name.contains("小计") {
            continue; // a subtotal of the columns beside it
        }
        let Some(kind) = crate::narrative::three_public_kind(&name) else {
            skip(
                skipped,
                line,
                &format!("{name}: {cell}"),
                "“三公”经费支出表中无法识别的列",
            );
            continue;
        };
        vehicles_parent_split |= matches!(
            kind,
            ThreePublicKind::VehiclePurchase | ThreePublicKind::VehicleOperation
        );
        items.push(ThreePublicItem::new(name, kind, amount));
    }
    if vehicles_parent_split {
        // When 购置费 and 运行费 are given, a 购置及运行费 column is their subtotal, not an item.
        items.retain(|i| i.kind != ThreePublicKind::Vehicles);
    }
    let tp = &mut b.three_public;
    if tp.total.is_none() {
        tp.total = total;
    }
    if tp.items.is_empty() {
        tp.items = items;
    }
}

/// Tables of the nine-table layout not read into the bundle yet: every row is reported.
pub fn other_table(kind: crate::lines::SectionKind, body: &[SrcLine], skipped: &mut Vec<SkippedLine>) {
    let (rows, loose) = table_rows(body);
    for l in loose {
        skip(skipped, l.no, &l.text, &format!("{}中的文字未导入", kind.name()));
    }
    for (line, cells) in rows {
        skip(
            skipped,
            line,
            &cells.join("|"),
            "此预算表（收入总表、支出总表、财政拨款收支总表、一般公共预算支出表等）暂不导入；其合计数请以收支总表为准",
        );
    }
}
