//! Readers for the narrative sections: figures inside sentences, lists, glossary.

use crate::lines::{strip_heading_number, SrcLine};
use crate::text::{amount_in, ascii_digits, change_sign, clauses};
use crate::ImportOptions;
use gongkai_model::*;
use rust_decimal::Decimal;

fn non_blank(body: &[SrcLine]) -> impl Iterator<Item = &SrcLine> {
    body.iter().filter(|l| !l.is_blank())
}

/// The body as one paragraph per line, trimmed of layout indentation; letter-spaced Chinese
/// ("本 年 收 入 预 算 合 计", a justified PDF line) read as written.
fn paragraph(body: &[SrcLine]) -> String {
    non_blank(body)
        .map(|l| unspace(l.text.trim()))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Removes spaces between two Chinese characters (justified lines of PDF text).
fn unspace(s: &str) -> String {
    let cjk = |c: char| matches!(c, '\u{3400}'..='\u{9fff}' | '\u{f900}'..='\u{faff}');
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if c == ' ' {
            let prev = chars[..i].iter().rev().find(|x| **x != ' ');
            let next = chars[i + 1..].iter().find(|x| **x != ' ');
            if prev.is_some_and(|p| cjk(*p)) && next.is_some_and(|n| cjk(*n)) {
                continue;
            }
        }
        out.push(c);
    }
    out
}

/// Whether a title line can be a department's name: one phrase (no cells set apart)
/// ending the way Chinese bodies are named ("…局", "…办公厅", "…委员会", "…人民检察院", "…中心").
/// A table heading ("项目名称    金额") is not.
fn looks_like_department(name: &str) -> bool {
    let n = name.trim();
    let endings = [
        "局", "厅", "委", "会", "院", "办", "室", "部", "中心", "所", "处", "站", "队", "馆", "校", "社", "署", "团",
        "司", "府", "庭", "行", "台", "园", "场",
    ];
    !n.contains("  ")
        && !n.contains('\u{3000}')
        && (2..=30).contains(&n.chars().count())
        && endings.iter().any(|e| n.ends_with(e))
}

/// A name the cover wraps over two lines ("中共上海市普陀区委" / "社会工作部 2024 年度"): the first
/// line and the second's words before the year, when the document names that whole again
/// elsewhere (its 目录 or a heading); `None` otherwise.
fn wrapped_name(first: &str, second: Option<&str>, year: Option<i32>, full_text: &str) -> Option<String> {
    let second = ascii_digits(second?);
    let rest = match year.and_then(|y| second.find(&y.to_string())) {
        Some(i) => &second[..i],
        None if second.chars().count() <= 10 => second.as_str(),
        None => return None,
    };
    let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let rest = squeeze(rest);
    if rest.is_empty() || rest.contains("预算") || rest.contains("决算") || rest.contains("年") {
        return None;
    }
    let whole = format!("{}{rest}", squeeze(first));
    (squeeze(full_text).matches(&whole).count() >= 2 && looks_like_department(&whole)).then_some(whole)
}

/// A bare place name ("江苏省", "邢台市", "平乡县"): a region, not a department.
fn is_place_name(name: &str) -> bool {
    let n = name.trim();
    let institution = [
        "局", "厅", "委", "院", "办", "部", "会", "所", "处", "中心", "室", "站", "队", "馆", "校", "团", "社",
    ];
    n.chars().count() <= 8
        && n.ends_with(['省', '市', '县', '区', '州', '旗', '盟'])
        && !institution.iter().any(|w| n.contains(w))
}

/// The first "2017年" (or "2017 年") in `s`, a year between 1949 and 2100.
pub fn first_year(s: &str) -> Option<i32> {
    let s = ascii_digits(s);
    let b = s.as_bytes();
    (0..b.len().saturating_sub(3)).find_map(|i| {
        let digits = &b[i..i + 4];
        let before_ok = i == 0 || !b[i - 1].is_ascii_digit();
        let spaces = b[i + 4..].iter().take_while(|c| **c == b' ').count();
        let after_ok = b[i + 4 + spaces..].starts_with("年".as_bytes());
        if before_ok && after_ok && digits.iter().all(u8::is_ascii_digit) {
            std::str::from_utf8(digits)
                .ok()?
                .parse()
                .ok()
                .filter(|y| (1949..=2100).contains(y))
        } else {
            None
        }
    })
}

/// A fact the document does not state and the caller did not give: the import stops and says
/// which, and the option that supplies it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MissingFact {
    /// No "2017年" in the title, in a table title or in a line about the 预算/决算.
    Year,
    /// No department in the title or in a table's 部门： line.
    Department,
}

/// Title, department, year, kind, unit and region: what the document states, or what the caller
/// gave in `opts`. Never a default: a missing year or department is an error naming it.
/// `table_department`: the department the standard tables print (`部门：…`), if any.
pub fn meta(
    title_lines: &[&SrcLine],
    full_text: &str,
    opts: &ImportOptions,
    table_department: Option<&str>,
) -> Result<Meta, Vec<MissingFact>> {
    // The title: the lines before the first heading, up to a table of contents.
    // Page furniture (公开01表, - 1 -) and a table's own title are not the document's title.
    let title_lines: Vec<&str> = title_lines
        .iter()
        .map(|l| l.text.trim().trim_start_matches('\u{0c}').trim())
        .take_while(|t| !matches!(t.replace(' ', "").as_str(), "目录" | "目次" | "目"))
        .filter(|t| !t.is_empty() && !crate::standard::title::is_furniture(t))
        .take_while(|t| {
            // "部门：", "部 门:", "部门名称：" start the cover's or a table's department line.
            let squashed = t.replace([' ', '　'], "").replace(':', "：");
            crate::standard::title::title_kind(t).is_none()
                && !squashed.starts_with("部门：")
                && !squashed.starts_with("部门名称：")
        })
        .collect();
    let joined = title_lines.join("");
    let title = if joined.chars().count() <= 100 {
        joined
    } else {
        title_lines
            .iter()
            .find(|t| (t.contains("预算") || t.contains("决算")) && t.chars().count() <= 100)
            .map(|t| t.to_string())
            .unwrap_or_default()
    };
    let year = opts.year.or_else(|| first_year(&title)).or_else(|| {
        full_text
            .lines()
            .filter(|l| l.contains("预算") || l.contains("决算"))
            .find_map(first_year)
    });
    let title_department = match title_lines.first() {
        Some(first) if first_year(first).is_none() && first.chars().count() <= 30 && !first.contains("预算") => {
            Some(wrapped_name(first, title_lines.get(1).copied(), year, full_text).unwrap_or_else(|| first.to_string()))
        }
        _ => {
            let t = ascii_digits(&title);
            year.and_then(|y| t.find(&y.to_string()))
                // "关于平武县林业和草原局2019年…的说明": the notice's 关于 is not the name's.
                .map(|i| t[..i].trim().trim_start_matches("关于").trim().to_string())
                .filter(|d| d.chars().count() >= 2)
        }
    };
    // "江苏省2018年度省级部门预算公开报表": the words before the year name the province, not a
    // department.
    let title_department = title_department.filter(|d| !is_place_name(d) && looks_like_department(d));
    let department = opts
        .department
        .clone()
        .or(title_department)
        .or_else(|| table_department.map(str::to_string));
    let (Some(year), Some(department)) = (year, department.clone()) else {
        let mut missing = Vec::new();
        if year.is_none() {
            missing.push(MissingFact::Year);
        }
        if department.is_none() {
            missing.push(MissingFact::Department);
        }
        return Err(missing);
    };
    let wan = full_text.matches("万元").count();
    let yuan = full_text.matches('元').count() - wan - full_text.matches("亿元").count();
    let unit = if wan == 0 && yuan > 0 { "元" } else { "万元" };
    let mut meta = Meta::new(&department, year, unit);
    meta.title = title.clone();
    if title.contains("决算") {
        meta.kind = DocumentKind::FinalAccounts;
    }
    let county_end = department
        .char_indices()
        .take(8)
        .find(|(i, c)| *i > 0 && matches!(c, '县' | '区' | '旗' | '市'))
        .map(|(i, c)| i + c.len_utf8());
    meta.region = Region {
        province: opts.province.clone(),
        city: opts.city.clone(),
        county: county_end.map(|e| department[..e].to_string()),
    };
    meta.source = Source {
        publisher: Some(department.clone()),
        url: opts.url.clone(),
        file: opts.file_name.clone(),
    };
    Ok(meta)
}

/// Is this the start of a numbered duty ("（一）", "(12)", "1、", "1.")? Returns label length.
fn duty_label(s: &str) -> Option<usize> {
    let t = s;
    if let Some(rest) = t.strip_prefix('（').or_else(|| t.strip_prefix('(')) {
        let close = rest.find(['）', ')'])?;
        let inner = &rest[..close];
        if !inner.is_empty()
            && inner.chars().count() <= 5
            && inner
                .chars()
                .all(|c| c.is_ascii_digit() || "一二三四五六七八九十百零".contains(c))
        {
            let open_len = t.len() - rest.len();
            let close_len = rest[close..].chars().next().unwrap().len_utf8();
            return Some(open_len + close + close_len);
        }
        return None;
    }
    let digits = t.chars().take_while(|c| c.is_ascii_digit()).count();
    if digits > 0 && digits <= 3 {
        let after = &t[digits..];
        for sep in ['、', '.', '．'] {
            if after.starts_with(sep) {
                return Some(digits + sep.len_utf8());
            }
        }
    }
    None
}

/// 部门职责: numbered items; unnumbered lines continue the previous item.
pub fn duties(body: &[SrcLine], b: &mut Bundle) {
    for l in non_blank(body) {
        let t = l.text.trim();
        if matches!(t.trim_end_matches([':', '：']), "部门职责" | "主要职责" | "职责") {
            continue;
        }
        match duty_label(t) {
            Some(n) => b.duties.push(Duty {
                label: t[..n].to_string(),
                text: t[n..].trim().to_string(),
            }),
            None => match b.duties.last_mut() {
                Some(d) => d.text.push_str(t),
                // An unnumbered first paragraph is a duty of its own (some documents do not number).
                None => b.duties.push(Duty {
                    label: String::new(),
                    text: t.to_string(),
                }),
            },
        }
    }
}

/// 机构设置: the sentence, and the sub-units listed after its colon.
pub fn organisation(body: &[SrcLine], b: &mut Bundle) {
    let text = paragraph(body);
    let list = text.rsplit(['：', ':']).next().unwrap_or("");
    let units: Vec<String> = list
        .split(['、', '，', ',', '；', ';', '\n'])
        .map(|u| u.trim().trim_end_matches(['。', '.', '等']).trim().to_string())
        .filter(|u| !u.is_empty() && u.chars().count() <= 40 && u != &text)
        .collect();
    b.organisation = Organisation { text, units };
}

/// Name of a figure in a clause: the text before its number, minus connecting words.
fn clause_name(clause: &str) -> String {
    let norm = ascii_digits(clause);
    // An item's number ("1．因公出国（境）费…", "（2）…") is not where its figure starts.
    let norm = strip_item_number(&norm);
    let cut = norm.find(|c: char| c.is_ascii_digit()).unwrap_or(norm.len());
    let mut name = norm[..cut].trim();
    for p in ["其中：", "其中:", "其中", "包括", "含"] {
        name = name.trim_start_matches(p);
    }
    for s in ["安排", "为", "共计", "合计", "是"] {
        name = name.trim_end_matches(s);
    }
    name.trim().to_string()
}

/// A clause without its leading item number: "1．", "1.", "1、", "(1)", "（1）", "一、".
fn strip_item_number(s: &str) -> &str {
    let t = s.trim_start();
    if let Some(rest) = t.strip_prefix(['(', '（']) {
        let after = rest.trim_start_matches(|c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c));
        if after.len() < rest.len() {
            if let Some(r) = after.strip_prefix([')', '）']) {
                return r.trim_start();
            }
        }
        return t;
    }
    let after = t.trim_start_matches(|c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c));
    if after.len() < t.len() {
        if let Some(r) = after.strip_prefix(['.', '．', '、']) {
            // "1.5万元" is a figure, not an item number.
            if !r.starts_with(|c: char| c.is_ascii_digit()) {
                return r.trim_start();
            }
        }
    }
    t
}

/// Total and named parts of a "共安排预算X万元，A a万元，B b万元" paragraph.
fn total_and_parts(text: &str, total_words: &[&str], unit: &str) -> (Option<Decimal>, Vec<(String, Decimal)>) {
    let mut total = None;
    let mut parts = Vec::new();
    for c in clauses(text) {
        let Some((amount, _)) = amount_in(c, unit) else {
            continue;
        };
        if total.is_none() && total_words.iter().any(|w| c.contains(w)) {
            total = Some(amount);
            continue;
        }
        let name = clause_name(c);
        if !name.is_empty() && name.chars().count() <= 24 {
            parts.push((name, amount));
        }
    }
    (total, parts)
}

/// 总体情况 paragraph, when a document states totals there.
pub fn overall(body: &[SrcLine], b: &mut Bundle, unit: &str, _skipped: &mut [SkippedLine]) {
    let text = paragraph(body);
    if text.is_empty() {
        return;
    }
    for c in clauses(&text) {
        if let Some((a, _)) = amount_in(c, unit) {
            if c.contains("收入") && b.revenue.total.is_none() {
                b.revenue.total = Some(a);
            } else if c.contains("支出") && b.expenditure.total.is_none() {
                b.expenditure.total = Some(a);
            }
        }
    }
    b.revenue.text = if b.revenue.text.is_empty() {
        text
    } else {
        format!("{text}\n{}", b.revenue.text)
    };
}

/// 收入说明.
pub fn revenue(body: &[SrcLine], b: &mut Bundle, unit: &str) {
    let text = paragraph(body);
    let (total, parts) = total_and_parts(
        &text,
        &["预算收入", "收入预算", "收入总", "总收入", "收入合计", "收入"],
        unit,
    );
    if total.is_some() {
        b.revenue.total = total;
    }
    b.revenue.sources = parts
        .into_iter()
        .map(|(name, a)| Line { name, amount: Some(a) })
        .collect();
    b.revenue.text = if b.revenue.text.is_empty() {
        text
    } else {
        format!("{}\n{text}", b.revenue.text)
    };
}

/// 支出说明.
pub fn expenditure(body: &[SrcLine], b: &mut Bundle, unit: &str) {
    let text = paragraph(body);
    let (total, parts) = total_and_parts(&text, &["预算支出", "支出预算", "支出总", "总支出", "支出合计"], unit);
    if total.is_some() {
        b.expenditure.total = total;
    }
    b.expenditure.categories = parts
        .into_iter()
        .map(|(name, a)| {
            let class = if name.contains("项目") {
                SpendingClass::Project
            } else {
                SpendingClass::Basic
            };
            ExpenditureCategory {
                name,
                amount: Some(a),
                class,
            }
        })
        .collect();
    b.expenditure.text = text;
}

fn signed(amount: Decimal, clause: &str) -> Decimal {
    match change_sign(clause) {
        Some(-1) => -amount,
        _ => amount,
    }
}

/// 比上年增减.
pub fn change(body: &[SrcLine], b: &mut Bundle, unit: &str) {
    let text = paragraph(body);
    let norm = ascii_digits(&text);
    b.change.base_year = ["较", "比"].iter().find_map(|w| {
        let i = norm.find(w)?;
        let window: String = norm[i + w.len()..].chars().take(5).collect();
        first_year(&window)
    });
    if b.change.base_year.is_none() && (text.contains("上年") || text.contains("上一年")) {
        b.change.base_year = Some(b.meta.fiscal_year - 1);
    }
    for c in clauses(&text) {
        let value = match amount_in(c, unit) {
            Some((a, _)) => Some(signed(a, c)),
            None if change_sign(c) == Some(0) => Some(Decimal::ZERO),
            None => None,
        };
        let Some(v) = value else { continue };
        if c.contains("基本支出") {
            b.change.basic = Some(v);
        } else if c.contains("项目支出") {
            b.change.project = Some(v);
        } else if b.change.total.is_none() {
            b.change.total = Some(v);
        }
    }
    b.change.text = text;
}

/// 机关运行经费.
pub fn operating_costs(body: &[SrcLine], b: &mut Bundle, unit: &str) {
    let text = paragraph(body);
    let amount = amount_in(&text, unit).map(|(a, _)| a);
    // A later section without a figure (the 名词解释's “机关运行经费：指…”) does not undo the
    // figure the document stated.
    if amount.is_none() && b.operating_costs.amount.is_some() {
        return;
    }
    b.operating_costs.amount = amount;
    b.operating_costs.covers = ["主要用于", "用于", "包括"]
        .iter()
        .find_map(|w| text.find(w).map(|i| &text[i + w.len()..]))
        .map(|rest| rest.split(['。', '\n']).next().unwrap_or("").trim().to_string())
        .unwrap_or_default();
    b.operating_costs.text = text;
}

/// Which “三公” item a name means (出国, 购置及运行, 购置, 车/运行, 接待).
pub(crate) fn three_public_kind(name: &str) -> Option<ThreePublicKind> {
    use ThreePublicKind::*;
    if name.contains("出国") || name.contains("出境") {
        Some(Overseas)
    } else if name.contains("购置") && name.contains("运行") {
        Some(Vehicles)
    } else if name.contains("购置") {
        Some(VehiclePurchase)
    } else if name.contains("车") || name.contains("运行") {
        Some(VehicleOperation)
    } else if name.contains("接待") {
        Some(Reception)
    } else {
        None
    }
}

fn is_change_clause(c: &str) -> bool {
    ["比上年", "较上年", "同上年", "与上年", "比去年", "较去年", "上年持平"]
        .iter()
        .any(|w| c.contains(w))
        || c.starts_with("持平")
}

/// “三公”经费: total and change, the three items with their changes, and the reasons.
pub fn three_public(body: &[SrcLine], b: &mut Bundle, unit: &str) {
    let text = paragraph(body);
    let tp = &mut b.three_public;
    // The item the clauses being read are about (a change belongs to it).
    let mut current: Option<usize> = None;
    for sentence in text.split(['。', '\n']).map(str::trim).filter(|s| !s.is_empty()) {
        if let Some(at) = sentence.find("原因") {
            let reason = sentence[at..]
                .trim_start_matches("原因")
                .trim_start_matches(['是', '为', '：', ':', ' '])
                .trim()
                .to_string();
            let about = three_public_kind(&sentence[..at]);
            // "…减少30.8万元，主要原因是…": the reason goes on from the item being read.
            let continues = amount_in(&sentence[..at], unit).is_some() || is_change_clause(&sentence[..at]);
            let target = match about {
                Some(k) => tp.items.iter_mut().find(|i| i.kind == k),
                None if continues && current.is_some() => current.and_then(|i| tp.items.get_mut(i)),
                None => {
                    let mut changed = tp.items.iter_mut().filter(|i| i.change.is_some_and(|c| !c.is_zero()));
                    let first = changed.next();
                    if changed.next().is_none() {
                        first
                    } else {
                        None
                    }
                }
            };
            if let Some(item) = target {
                item.reason = if item.reason.is_empty() {
                    reason
                } else {
                    format!("{}；{reason}", item.reason)
                };
            }
            continue;
        }
        let body = match sentence.find("其中") {
            Some(i) => {
                let head = &sentence[..i];
                read_three_public_total(head, tp, unit);
                &sentence[i..]
            }
            None => sentence,
        };
        for c in clauses(body) {
            let c = c.trim_start_matches("其中").trim_start_matches(['：', ':']);
            let kind = three_public_kind(&clause_name(c)).filter(|_| !is_change_clause(c));
            if let Some(kind) = kind {
                let amount = amount_in(c, unit).map(|(a, _)| a);
                let name = clause_name(c);
                // A sentence that defines the items ("因公出国（境）费反映单位公务出国（境）的住宿费…",
                // "…和公务接待费") states no figure: it is not an item.
                let defines =
                    ["反映", "是指", "指单位", "（含"].iter().any(|w| name.contains(w)) || name.chars().count() > 16;
                if amount.is_none() && defines {
                    continue;
                }
                // An item stated again in its own paragraph ("具体情况如下：1．因公出国（境）费
                // 预算支出80万元，比上年…"): the same item, whose changes follow.
                let again = tp
                    .items
                    .iter()
                    .position(|i| i.kind == kind && (amount.is_none() || i.amount == amount));
                // A part of 公务用车购置及运行维护费 stated under it ("（1）公务用车购置费 0 万元"),
                // once the whole is an item: not an item of its own (the items would count it
                // twice), and its change is not the whole's.
                let part_of_vehicles = matches!(
                    kind,
                    ThreePublicKind::VehiclePurchase | ThreePublicKind::VehicleOperation
                ) && tp.items.iter().any(|i| i.kind == ThreePublicKind::Vehicles);
                if again.is_none() && part_of_vehicles {
                    current = None;
                    continue;
                }
                let at = match again {
                    Some(at) => at,
                    None => {
                        tp.items.push(ThreePublicItem::new(name, kind, amount));
                        tp.items.len() - 1
                    }
                };
                current = Some(at);
                // "公务接待4.75万元比上年增加2.35万元" in one clause.
                if let Some(i) = ["比上年", "较上年", "同上年", "与上年"].iter().find_map(|w| c.find(w)) {
                    set_change(&mut tp.items[at], &c[i..], unit);
                }
            } else if is_change_clause(c) {
                match current.and_then(|i| tp.items.get_mut(i)) {
                    Some(item) => set_change(item, c, unit),
                    None => {
                        if let Some((a, _)) = amount_in(c, unit) {
                            tp.total_change = Some(signed(a, c));
                        } else if change_sign(c) == Some(0) {
                            tp.total_change = Some(Decimal::ZERO);
                        }
                    }
                }
            } else if tp.items.is_empty() {
                read_three_public_total(c, tp, unit);
            }
        }
    }
    tp.text = text;
}

fn read_three_public_total(clause_text: &str, tp: &mut ThreePublic, unit: &str) {
    for c in clauses(clause_text) {
        if let Some((a, _)) = amount_in(c, unit) {
            if is_change_clause(c) {
                tp.total_change = Some(signed(a, c));
            } else if tp.total.is_none() && c.contains("三公") {
                tp.total = Some(a);
            }
        } else if is_change_clause(c) && change_sign(c) == Some(0) {
            tp.total_change = Some(Decimal::ZERO);
        }
    }
}

fn set_change(item: &mut ThreePublicItem, c: &str, unit: &str) {
    item.change_text = c.to_string();
    item.change = match amount_in(c, unit) {
        Some((a, _)) => Some(signed(a, c)),
        None if change_sign(c) == Some(0) => Some(Decimal::ZERO),
        None => None,
    };
}

/// 政府采购.
pub fn procurement(body: &[SrcLine], b: &mut Bundle, unit: &str) {
    let text = paragraph(body);
    let none = text.contains("未安排") || text.contains("无政府采购");
    let total = if none {
        None
    } else {
        amount_in(&text, unit).map(|(a, _)| a)
    };
    if total.is_none() && b.procurement.total.is_some() {
        return;
    }
    b.procurement.total = total;
    // “其中：货物采购金额 122.43 万元、工程采购金额 1387.72 万元、服务采购金额 809.07 万元”: the
    // three by kind, when the text states all three (each the figure after its own word).
    if total.is_some() && b.procurement.items.is_empty() {
        if let Some((_, rest)) = text.split_once("其中") {
            let items: Vec<Option<Decimal>> = ["货物", "工程", "服务"]
                .iter()
                .map(|k| crate::text::amount_after(rest, k, unit))
                .collect();
            if items.iter().all(Option::is_some) {
                b.procurement.items = ["货物", "工程", "服务"]
                    .iter()
                    .zip(items)
                    .map(|(name, amount)| Line {
                        name: name.to_string(),
                        amount,
                    })
                    .collect();
            }
        }
    }
    b.procurement.text = text;
}

/// 名词解释: "1、term：definition"; unnumbered lines continue the previous definition.
pub fn glossary(body: &[SrcLine], b: &mut Bundle, skipped: &mut Vec<SkippedLine>) {
    for l in non_blank(body) {
        let t = strip_heading_number(l.text.trim());
        match t.split_once(['：', ':']) {
            Some((term, def)) if term.chars().count() <= 20 && !term.is_empty() => b.glossary.push(GlossaryTerm {
                term: term.trim().to_string(),
                definition: def.trim().to_string(),
            }),
            _ => match b.glossary.last_mut() {
                Some(g) => g.definition.push_str(t),
                None => skipped.push(SkippedLine {
                    line: l.no,
                    text: t.to_string(),
                    reason: "名词解释中没有“名词：解释”的格式".into(),
                }),
            },
        }
    }
}

/// 其他需要说明的事项: each line a paragraph.
pub fn notes(body: &[SrcLine], b: &mut Bundle) {
    b.notes.extend(non_blank(body).map(|l| l.text.trim().to_string()));
}
