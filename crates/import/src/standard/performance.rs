//! The national performance tables read from a document's grids: 项目支出绩效目标表 (and
//! 部门整体支出绩效目标表) and 项目支出绩效自评表, into
//! [`gongkai_model::performance_targets`].
//!
//! These tables are forms, not lists: labelled cells (项目名称 | name, 主管部门 | …), a funds
//! block (目标表: 年度资金总额 | 100 under each other; 自评: a header 年初预算数 | 全年预算数 |
//! 全年执行数 | 分值 | 执行率 | 得分 with one row per source), the 年度目标, then the indicator
//! block: a header naming its columns (一级指标 | 二级指标 | 三级指标 | 指标值 …, in whatever
//! order and with whatever extra columns a province prints) over rows whose 一级/二级 cells span
//! many rows. So every value is found by its label or its column's header, never by position:
//!
//! - a grid is a performance table when its title (above it or in its first row) names one, or
//!   when it prints an indicator header; a grid right after one, with the same columns and no
//!   title of its own, continues it (a table over several pages);
//! - a new 项目名称 (or a new title) starts a new project: several projects in one document, one
//!   sheet or one grid;
//! - a cell that spans two value columns, a figure that is not a number, values without an
//!   indicator name: reported in the import report with their line, never read into a
//!   neighbouring field.

use super::header::figure;
use crate::grid::{Blocks, Grid, GridCell};
use gongkai_model::performance_targets::{
    FundLine, FundRole, PerformanceForm, PerformanceIndicator, PerformanceScope, PerformanceTargets,
    ProjectPerformance, Remark, Task,
};
use gongkai_model::SkippedLine;
use rust_decimal::Decimal;
use std::collections::BTreeSet;

/// What the reader found.
#[derive(Debug, Default)]
pub struct PerfFound {
    pub targets: PerformanceTargets,
    /// Indices of the grids that are performance tables (the standard readers leave them).
    pub grids: BTreeSet<usize>,
    /// Source lines the tables (and their titles) were read from.
    pub consumed: BTreeSet<usize>,
    /// Cells that could not be read for certain.
    pub skipped: Vec<SkippedLine>,
    /// The year a title prints (“（2023年度）”), for a document that is only these tables.
    pub year: Option<i32>,
    /// The unit the tables are filled in by (预算单位 / 填报单位 above a table), else the first
    /// 主管部门 printed (its code left out), for the same.
    pub department: Option<String>,
    /// The first 预算单位 / 填报单位 printed.
    filed_by: Option<String>,
}

/// Whitespace removed and full-width punctuation folded, for matching labels.
fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            '：' => ':',
            c => c,
        })
        .collect()
}

/// A title of a performance table: 绩效目标表 / 绩效目标申报表 / 绩效自评表 / 绩效目标审批表.
fn is_title(t: &str) -> bool {
    let n = norm(t);
    n.chars().count() <= 60
        && n.contains("绩效")
        && (n.contains("目标") || n.contains("自评"))
        && n.contains('表')
        && !n.contains("详见")
}

/// The fiscal year a title prints (“（2023年度）”, “2023年项目…”).
fn year_in(t: &str) -> Option<i32> {
    let n = norm(t);
    let chars: Vec<char> = n.chars().collect();
    (0..chars.len().saturating_sub(4)).find_map(|i| {
        let s: String = chars[i..i + 4].iter().collect();
        let y: i32 = s.parse().ok()?;
        ((2000..=2100).contains(&y) && chars.get(i + 4) == Some(&'年')).then_some(y)
    })
}

/// The unit a table is filled in by, printed above it: “预算单位：某乡人民政府”, “填报单位（盖章）：…”
/// (the department the document is of, before any 主管部门 inside the table).
fn filed_by(t: &str) -> Option<String> {
    let n = norm(t);
    let labelled = ["预算单位", "填报单位(盖章)", "填报单位", "编制单位", "编制部门"]
        .iter()
        .any(|p| n.strip_prefix(p).is_some_and(|r| r.starts_with(':')));
    if !labelled {
        return None;
    }
    // The name runs to the next label on the line (“单位：万元”, “金额单位…”).
    let orig = t.trim();
    let after = orig.split_once(['：', ':']).map(|(_, b)| b)?;
    let name = crate::grid::text::chunks(after).into_iter().next().map(|c| c.text)?;
    (name.chars().count() >= 2 && name.chars().count() <= 40 && unit_in(&name).is_none()).then_some(name)
}

/// A line that is only a year: “（2023年度）”, “2023年”.
fn is_year_line(t: &str) -> bool {
    let n = norm(t);
    let core = n
        .trim_matches(|c| c == '(' || c == ')')
        .trim_end_matches('度')
        .trim_end_matches('年');
    core.len() == 4 && core.bytes().all(|b| b.is_ascii_digit()) && year_in(&n).is_some()
}

/// The unit a label or caption names: “单位：万元”, “项目资金（万元）”.
fn unit_in(t: &str) -> Option<String> {
    let n = norm(t);
    if n.contains("(万元)") || n.contains("单位:万元") {
        Some("万元".into())
    } else if n.contains("(元)") || n.contains("单位:元") {
        Some("元".into())
    } else {
        None
    }
}

/// Column roles of the indicator block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ind {
    L1,
    L2,
    L3,
    Target,
    Direction,
    Unit,
    Achieved,
    Weight,
    Score,
    Deviation,
    Measures,
    Note,
}

fn ind_role(t: &str) -> Option<Ind> {
    let n = norm(t);
    let n = n.as_str();
    Some(if n.contains("一级指标") {
        Ind::L1
    } else if n.contains("二级指标") {
        Ind::L2
    } else if n.contains("三级指标") || matches!(n, "指标内容" | "指标名称" | "具体指标") {
        Ind::L3
    } else if n.contains("偏差原因") || n.contains("未完成原因") || n.contains("原因分析") {
        Ind::Deviation
    } else if n == "改进措施" {
        Ind::Measures
    } else if n.contains("实际完成") || n == "完成值" || n.contains("实际值") {
        Ind::Achieved
    } else if n.contains("指标值") || n.contains("目标值") || n.contains("预期实现值") || n == "预期值" {
        Ind::Target
    } else if matches!(n, "指标性质" | "指标方向" | "计算符号" | "符号") {
        Ind::Direction
    } else if matches!(n, "度量单位" | "计量单位") {
        Ind::Unit
    } else if n.starts_with("分值") || n.starts_with("权重") {
        Ind::Weight
    } else if n.starts_with("得分") {
        Ind::Score
    } else if matches!(n, "备注" | "指标解释" | "绩效标准" | "评分标准" | "指标说明") {
        Ind::Note
    } else {
        return None;
    })
}

/// Column roles of a 自评 funds header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fund {
    Initial,
    FullYear,
    Executed,
    Rate,
    Weight,
    Score,
}

fn fund_role(t: &str) -> Option<Fund> {
    let n = norm(t);
    Some(if n.contains("年初预算") {
        Fund::Initial
    } else if n.contains("全年预算") || n.contains("调整后预算") {
        Fund::FullYear
    } else if n.contains("执行率") {
        Fund::Rate
    } else if n.contains("执行数") {
        Fund::Executed
    } else if n.starts_with("分值") || n.starts_with("权重") {
        Fund::Weight
    } else if n.starts_with("得分") {
        Fund::Score
    } else {
        return None;
    })
}

/// A funds row's label: 年度资金总额, 其中：财政拨款, 上年结转资金, 其他资金 …
fn fund_label(t: &str) -> Option<FundRole> {
    let n = norm(t);
    let n = n.trim_end_matches(':');
    if n.is_empty()
        || n.contains("项目资金")
        || n.contains("预算执行")
        || n.contains("年度预算数")
        || n.chars().count() > 16
    {
        return None;
    }
    // “财政资金科目代码 | 21305”, “财政资金预算分类 | 一般公共预算”: about the money, not an amount.
    if ["代码", "科目", "分类", "编码", "执行率"].iter().any(|w| n.contains(w)) {
        return None;
    }
    let body = n.trim_start_matches("其中:").trim_start_matches("其中");
    if body.contains("资金总额") || body == "总额" || body == "合计" || body == "总计" {
        Some(FundRole::Total)
    } else if [
        "财政拨款",
        "财政资金",
        "结转",
        "其他资金",
        "其它资金",
        "单位资金",
        "自有资金",
        "财政专户",
        "上级",
        "本级",
        "事业收入",
    ]
    .iter()
    .any(|w| body.contains(w))
    {
        Some(FundRole::Part)
    } else {
        None
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Label {
    Name,
    Department,
    Implementer,
    Goal,
    Remark,
}

fn label(t: &str) -> Option<Label> {
    let n = norm(t);
    let n = n.trim_end_matches(':');
    Some(match n {
        "项目名称" | "项目支出名称" | "部门名称" | "单位名称" | "部门(单位)名称" | "部门(单位)" => {
            Label::Name
        }
        "主管部门" | "主管部门及代码" | "预算部门" | "业务主管部门" | "主管部门(盖章)" => {
            Label::Department
        }
        "实施单位" | "项目单位" | "实施单位(盖章)" | "项目实施单位" => Label::Implementer,
        "年度目标"
        | "年度绩效目标"
        | "本年度绩效目标"
        | "年度总体目标"
        | "项目年度目标"
        | "绩效目标"
        | "年度主要目标和成果" => Label::Goal,
        "评价结论"
        | "存在问题"
        | "改进措施"
        | "其他说明的问题"
        | "实施期绩效目标"
        | "长期目标"
        | "项目总体概况"
        | "项目概况" => Label::Remark,
        _ => return None,
    })
}

/// Rows that end the indicator block.
fn ends_indicators(first: &str) -> bool {
    let n = norm(first);
    matches!(n.as_str(), "总分" | "合计" | "总计")
        || label(first).is_some()
        || [
            "项目负责人",
            "财务负责人",
            "填表人",
            "填报人",
            "财政部门审核意见",
            "主管部门审核意见",
            "审核意见",
        ]
        .iter()
        .any(|w| n.starts_with(w))
}

/// One cell as seen from a row: the cell covering (row, col), and whether it starts in this row.
#[derive(Debug, Clone)]
struct At<'a> {
    cell: &'a GridCell,
    starts: bool,
}

/// The cells covering row `r`, left to right.
fn row_cells(g: &Grid, r: usize) -> Vec<At<'_>> {
    let mut v: Vec<At> = g
        .cells
        .iter()
        .filter(|c| (c.row..c.row + c.row_span).contains(&r))
        .map(|c| At {
            cell: c,
            starts: c.row == r,
        })
        .collect();
    v.sort_by_key(|a| a.cell.col);
    v
}

/// The texts of a row's cells that start in it (blanks left out).
fn row_texts(g: &Grid, r: usize) -> Vec<&GridCell> {
    let mut v: Vec<&GridCell> = g
        .cells
        .iter()
        .filter(|c| c.row == r && !c.text.trim().is_empty())
        .collect();
    v.sort_by_key(|c| c.col);
    v
}

/// Whether a grid prints a performance table's indicator header (or its title and 项目名称).
pub fn is_performance_grid(g: &Grid) -> bool {
    let texts: Vec<String> = g.cells.iter().map(|c| norm(&c.text)).collect();
    let has = |w: &str| texts.iter().any(|t| t.contains(w));
    (has("三级指标") || has("指标内容")) && has("一级指标")
        || texts.iter().any(|t| is_title(t)) && (has("项目名称") || has("一级指标"))
}

/// The lines above grid `g` (after line `after`) that are its caption: up to six non-blank lines.
fn caption_lines<'a>(blocks: &'a Blocks, g: &Grid, after: usize) -> Vec<&'a crate::lines::SrcLine> {
    if !g.caption.is_empty() {
        return Vec::new();
    }
    let first = first_line(g);
    let v: Vec<_> = blocks
        .lines
        .iter()
        .filter(|l| l.no > after && l.no < first && !l.text.trim().is_empty())
        .collect();
    v[v.len().saturating_sub(6)..].to_vec()
}

fn first_line(g: &Grid) -> usize {
    g.cells
        .iter()
        .filter(|c| c.line > 0)
        .map(|c| c.line)
        .min()
        .or_else(|| g.lines.iter().copied().min())
        .unwrap_or(0)
}

/// The indices of the grids that are performance tables (tables continued on later pages
/// included). The standard readers leave these grids alone.
pub fn claimed(blocks: &Blocks) -> BTreeSet<usize> {
    let mut out = BTreeSet::new();
    let mut after = 0;
    let mut prev: Option<usize> = None;
    for (gi, g) in blocks.grids.iter().enumerate() {
        let caps = caption_lines(blocks, g, after);
        let titled_perf = caps.iter().any(|l| is_title(&l.text)) || g.caption.iter().any(|(_, t)| is_title(t));
        let other_title = caps
            .iter()
            .any(|l| super::title::title_kind(l.text.trim()).is_some() && !is_title(&l.text));
        // A grid right after a performance table, without a title of its own: that table
        // continued on the next page (with other columns it is reported, not read).
        let continues = prev.is_some_and(|p| {
            p + 1 == gi && (blocks.grids[p].cols == g.cols || g.cells.iter().any(|c| is_level_name(&c.text)))
        }) && !other_title
            && caps
                .iter()
                .all(|l| super::title::is_furniture(&l.text) || unit_in(&l.text).is_some() || is_year_line(&l.text));
        if is_performance_grid(g) || titled_perf && g.cells.iter().any(|c| label(&c.text).is_some()) || continues {
            out.insert(gi);
            prev = Some(gi);
        } else {
            prev = None;
        }
        after = g.lines.iter().copied().max().unwrap_or(after).max(after);
    }
    out
}

/// A 一级 or 二级 indicator name as the forms print them (产出指标, 效益指标（30分）, 数量指标 …).
fn is_level_name(t: &str) -> bool {
    let n = norm(t);
    [
        "产出指标",
        "效益指标",
        "满意度指标",
        "成本指标",
        "数量指标",
        "质量指标",
        "时效指标",
        "社会效益指标",
        "经济效益指标",
        "生态效益指标",
        "可持续影响指标",
    ]
    .iter()
    .any(|w| n.starts_with(w))
}

/// The indicator header: each role's column range.
#[derive(Debug, Clone, Default)]
struct IndHeader {
    cols: Vec<(Ind, usize, usize)>,
    grid_cols: usize,
}

impl IndHeader {
    fn of(g: &Grid, r: usize) -> Option<IndHeader> {
        let mut cols = Vec::new();
        for c in row_cells(g, r) {
            if let Some(role) = ind_role(&c.cell.text) {
                if !cols.iter().any(|(x, _, _)| *x == role) {
                    cols.push((role, c.cell.col, c.cell.col + c.cell.col_span));
                }
            }
        }
        let first_row = cols.iter().any(|(r, _, _)| matches!(r, Ind::L1 | Ind::L3));
        // A two-row header: 年度 / 指标值 under one label, or 分值 in the row below.
        if first_row
            && r + 1 < g.rows
            && !row_cells(g, r + 1)
                .iter()
                .any(|c| c.starts && ind_role(&c.cell.text) == Some(Ind::L1))
        {
            for c in row_cells(g, r + 1).into_iter().filter(|c| c.starts) {
                if let Some(role) = ind_role(&c.cell.text) {
                    if !cols.iter().any(|(x, _, _)| *x == role) {
                        cols.push((role, c.cell.col, c.cell.col + c.cell.col_span));
                    }
                }
            }
        }
        let has = |x: Ind| cols.iter().any(|(r, _, _)| *r == x);
        (has(Ind::L1) && has(Ind::L3)).then_some(IndHeader {
            cols,
            grid_cols: g.cols,
        })
    }
    fn role_at(&self, col: usize) -> Option<Ind> {
        self.cols
            .iter()
            .find(|(_, a, b)| (*a..*b).contains(&col))
            .map(|(r, _, _)| *r)
    }
    fn col(&self, role: Ind) -> Option<usize> {
        self.cols.iter().find(|(r, _, _)| *r == role).map(|(_, a, _)| *a)
    }
    /// Whether the header row (or its second row) is row `r` + 1 (a two-row header).
    fn two_rows(g: &Grid, r: usize) -> bool {
        r + 1 < g.rows
            && row_cells(g, r + 1)
                .iter()
                .filter(|c| c.starts)
                .any(|c| ind_role(&c.cell.text).is_some())
            && !row_cells(g, r + 1)
                .iter()
                .any(|c| c.starts && ind_role(&c.cell.text) == Some(Ind::L1))
    }
}

/// Which amount of a task a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TaskAmount {
    Total,
    Fiscal,
    Other,
}

/// A 部门整体 table's task list: 任务名称 | 主要内容 | 预算金额 (总额 | 财政拨款 | 其他资金).
#[derive(Debug, Clone)]
struct TaskHeader {
    name: (usize, usize),
    content: Option<(usize, usize)>,
    amounts: Vec<(TaskAmount, usize, usize)>,
}

impl TaskHeader {
    /// The header at row `r` (its amount headings in the same row or the next); with the last
    /// row it takes.
    fn of(g: &Grid, r: usize) -> Option<(TaskHeader, usize)> {
        let cells = row_cells(g, r);
        let at = |w: &str| {
            cells
                .iter()
                .find(|a| a.starts && norm(&a.cell.text) == w)
                .map(|a| (a.cell.col, a.cell.col + a.cell.col_span))
        };
        let name = at("任务名称")?;
        let content = at("主要内容");
        let amounts_in = |r: usize| -> Vec<(TaskAmount, usize, usize)> {
            row_cells(g, r)
                .into_iter()
                .filter(|a| a.starts)
                .filter_map(|a| {
                    let n = norm(&a.cell.text);
                    let kind = match n.as_str() {
                        "总额" | "合计" | "金额" => TaskAmount::Total,
                        _ if n.contains("财政拨款") || n.contains("财政资金") => TaskAmount::Fiscal,
                        _ if n.contains("其他资金") || n.contains("其它资金") => TaskAmount::Other,
                        _ => return None,
                    };
                    Some((kind, a.cell.col, a.cell.col + a.cell.col_span))
                })
                .collect()
        };
        let here = amounts_in(r);
        if !here.is_empty() {
            return Some((
                TaskHeader {
                    name,
                    content,
                    amounts: here,
                },
                r,
            ));
        }
        let below = if r + 1 < g.rows { amounts_in(r + 1) } else { Vec::new() };
        if below.is_empty() {
            // One amount column under 预算金额.
            let amount = cells
                .iter()
                .find(|a| a.starts && norm(&a.cell.text).contains("金额"))
                .map(|a| (TaskAmount::Total, a.cell.col, a.cell.col + a.cell.col_span));
            return Some((
                TaskHeader {
                    name,
                    content,
                    amounts: amount.into_iter().collect(),
                },
                r,
            ));
        }
        Some((
            TaskHeader {
                name,
                content,
                amounts: below,
            },
            r + 1,
        ))
    }
}

#[derive(Debug, Clone, Default)]
struct FundHeader {
    cols: Vec<(Fund, usize, usize)>,
    first: usize,
}

impl FundHeader {
    fn of(g: &Grid, r: usize) -> Option<FundHeader> {
        let mut cols = Vec::new();
        for c in row_cells(g, r).into_iter().filter(|c| c.starts) {
            if let Some(role) = fund_role(&c.cell.text) {
                if !cols.iter().any(|(x, _, _)| *x == role) {
                    cols.push((role, c.cell.col, c.cell.col + c.cell.col_span));
                }
            }
        }
        let has = |x: Fund| cols.iter().any(|(r, _, _)| *r == x);
        let first = cols.iter().map(|(_, a, _)| *a).min()?;
        (has(Fund::Executed) && (has(Fund::Initial) || has(Fund::FullYear))).then_some(FundHeader { cols, first })
    }
    fn role_at(&self, col: usize) -> Option<Fund> {
        self.cols
            .iter()
            .find(|(_, a, b)| (*a..*b).contains(&col))
            .map(|(r, _, _)| *r)
    }
}

/// Reading state across the rows of consecutive performance grids.
struct Reader<'a> {
    found: &'a mut PerfFound,
    current: Option<ProjectPerformance>,
    pending_title: Option<(String, usize)>,
    unit: Option<String>,
    ind: Option<IndHeader>,
    fund: Option<FundHeader>,
    /// A department table's task list header, while its rows are read.
    tasks: Option<TaskHeader>,
    /// 一级/二级 carried down rows that leave them blank (text layout, a page break).
    carry: (String, String),
    /// In the indicator block (after its header, before 总分 or a label row).
    in_indicators: bool,
}

fn new_project(title: &str, line: usize, unit: Option<String>) -> ProjectPerformance {
    let n = norm(title);
    ProjectPerformance {
        form: if n.contains("自评") {
            PerformanceForm::SelfEvaluation
        } else {
            PerformanceForm::Targets
        },
        scope: if n.contains("整体") {
            PerformanceScope::Department
        } else {
            PerformanceScope::Project
        },
        title: title.trim().to_string(),
        name: String::new(),
        department: None,
        implementer: None,
        unit,
        funds: Vec::new(),
        goal: None,
        goal_achieved: None,
        tasks: Vec::new(),
        indicators: Vec::new(),
        total_score: None,
        total_weight: None,
        remarks: Vec::new(),
        source_line: (line > 0).then_some(line),
    }
}

fn has_content(p: &ProjectPerformance) -> bool {
    !p.name.is_empty() || !p.indicators.is_empty() || !p.funds.is_empty()
}

impl<'a> Reader<'a> {
    fn skip(&mut self, line: usize, text: &str, reason: String) {
        self.found.skipped.push(SkippedLine {
            line,
            text: text.to_string(),
            reason,
        });
    }

    fn finish(&mut self) {
        if let Some(mut p) = self.current.take() {
            if has_content(&p) {
                if p.unit.is_none() {
                    p.unit = self.unit.clone();
                }
                if p.name.is_empty() {
                    p.name = p.title.clone();
                }
                if self.found.department.is_none() {
                    self.found.department = p
                        .department
                        .as_deref()
                        .map(|d| {
                            d.trim_start_matches(|c: char| c.is_ascii_digit() || c == '-' || c == ' ')
                                .to_string()
                        })
                        .filter(|d| d.chars().count() >= 2);
                }
                self.found.targets.projects.push(p);
            }
        }
        self.ind = None;
        self.fund = None;
        self.tasks = None;
        self.in_indicators = false;
        self.carry = Default::default();
    }

    /// The project rows go to; a new one when none is open.
    fn project(&mut self, line: usize) -> &mut ProjectPerformance {
        if self.current.is_none() {
            let (title, tl) = self.pending_title.take().unwrap_or_default();
            let unit = self.unit.clone();
            self.current = Some(new_project(&title, if tl > 0 { tl } else { line }, unit));
        }
        self.current.as_mut().expect("just set")
    }

    fn title(&mut self, text: &str, line: usize) {
        if let Some(y) = year_in(text) {
            self.found.year.get_or_insert(y);
        }
        self.finish();
        self.pending_title = Some((text.trim().to_string(), line));
    }

    fn grid(&mut self, g: &Grid) {
        // A continued grid with other columns cannot be read on from the header above: its
        // rows are reported (unless it prints a header of its own).
        if self.ind.as_ref().is_some_and(|h| h.grid_cols != g.cols) {
            let continued = self.in_indicators;
            self.ind = None;
            self.in_indicators = false;
            if continued && !(0..g.rows).any(|r| IndHeader::of(g, r).is_some()) {
                for r in (0..g.rows).filter(|r| !g.row_is_blank(*r)) {
                    let text = row_texts(g, r)
                        .iter()
                        .map(|c| c.text.as_str())
                        .collect::<Vec<_>>()
                        .join(" ");
                    self.skip(
                        g.row_line(r),
                        &text,
                        "绩效指标表续页：列与上一页的表头不同，无法确定各列，未导入".into(),
                    );
                }
                return;
            }
        }
        self.fund = None;
        let mut r = 0;
        while r < g.rows {
            r = self.row(g, r) + 1;
        }
    }

    /// Reads row `r`; returns the last row it read (a header or goal over two rows reads both).
    fn row(&mut self, g: &Grid, r: usize) -> usize {
        let texts = row_texts(g, r);
        if texts.is_empty() {
            return r;
        }
        let line = g.row_line(r);
        let first = texts[0].text.as_str();
        if self.found.filed_by.is_none() {
            self.found.filed_by = texts.iter().find_map(|c| filed_by(&c.text));
        }
        // A title (or unit line) printed inside the grid.
        if texts.len() <= 2 && texts.iter().any(|c| is_title(&c.text)) {
            for c in &texts {
                if let Some(u) = unit_in(&c.text) {
                    self.unit = Some(u);
                }
            }
            let t = texts
                .iter()
                .find(|c| is_title(&c.text))
                .map(|c| c.text.clone())
                .unwrap_or_default();
            self.title(&t, line);
            return r;
        }
        if texts.len() == 1 && is_year_line(first) {
            if let Some(y) = year_in(first) {
                self.found.year.get_or_insert(y);
            }
            return r;
        }
        if texts.len() == 1
            && (unit_in(first).is_some() && norm(first).starts_with("单位") || norm(first).starts_with("金额单位"))
        {
            self.unit = unit_in(first);
            return r;
        }
        for c in &texts {
            if let Some(u) = unit_in(&c.text) {
                if self.current.as_ref().is_none_or(|p| p.unit.is_none()) {
                    self.unit = Some(u.clone());
                    if let Some(p) = self.current.as_mut() {
                        p.unit = Some(u);
                    }
                }
            }
        }
        // The indicator header.
        if let Some(h) = IndHeader::of(g, r) {
            let two = IndHeader::two_rows(g, r);
            self.project(line);
            self.ind = Some(h);
            self.fund = None;
            self.in_indicators = true;
            self.carry = Default::default();
            return if two { r + 1 } else { r };
        }
        if self.in_indicators && !ends_indicators(first) && !texts.iter().any(|c| label(&c.text) == Some(Label::Name)) {
            self.indicator(g, r, line);
            return r;
        }
        if self.in_indicators {
            self.in_indicators = false;
            if matches!(norm(first).as_str(), "总分" | "合计" | "总计") {
                self.total(g, r);
                return r;
            }
        }
        // A department table's task list, then its rows.
        if let Some((h, last)) = TaskHeader::of(g, r) {
            self.project(line);
            self.tasks = Some(h);
            return last;
        }
        if let Some(h) = self.tasks.clone() {
            if !texts.iter().any(|c| label(&c.text).is_some()) {
                self.task_row(g, r, &h, line);
                return r;
            }
            self.tasks = None;
        }
        // The 自评 funds header, then its rows.
        if let Some(h) = FundHeader::of(g, r) {
            self.project(line);
            self.fund = Some(h);
            return r;
        }
        if let Some(h) = self.fund.clone() {
            if self.fund_row(g, r, &h, line) {
                return r;
            }
            self.fund = None;
        }
        self.labels(g, r, line)
    }

    /// Label | value pairs of a form row, and 目标表 funds.
    fn labels(&mut self, g: &Grid, r: usize, line: usize) -> usize {
        let cells = row_cells(g, r);
        let mut last = r;
        let mut i = 0;
        let mut used_any = false;
        // 总额 | 财政拨款 | 其他资金 as column headings (no figure on the row): not funds rows.
        let starting = || cells.iter().filter(|a| a.starts && !a.cell.text.trim().is_empty());
        let headings = starting().filter(|a| fund_label(&a.cell.text).is_some()).count() >= 2
            && !starting().any(|a| matches!(figure(&a.cell.text), Some(Some(_))));
        while i < cells.len() {
            let c = cells[i].cell;
            let text = c.text.trim();
            if !cells[i].starts || text.is_empty() {
                i += 1;
                continue;
            }
            // The value: the next cell to the right with text.
            let value_at = (i + 1..cells.len()).find(|&j| !cells[j].cell.text.trim().is_empty());
            if let Some(l) = label(text) {
                used_any = true;
                match l {
                    Label::Name => {
                        if self
                            .current
                            .as_ref()
                            .is_some_and(|p| !p.name.is_empty() || !p.indicators.is_empty())
                        {
                            let title = self.current.as_ref().map(|p| p.title.clone()).unwrap_or_default();
                            self.finish();
                            self.pending_title = Some((title, line));
                        }
                        let v = value_at
                            .map(|j| cells[j].cell.text.trim().to_string())
                            .unwrap_or_default();
                        let n = norm(text);
                        let p = self.project(line);
                        p.name = v;
                        if n.contains("部门") || n.contains("单位") {
                            p.scope = PerformanceScope::Department;
                        }
                        i = value_at.map_or(cells.len(), |j| j + 1);
                        continue;
                    }
                    Label::Department | Label::Implementer => {
                        let v = value_at
                            .filter(|&j| label(&cells[j].cell.text).is_none())
                            .map(|j| cells[j].cell.text.trim().to_string());
                        let p = self.project(line);
                        if l == Label::Department {
                            p.department = v;
                        } else {
                            p.implementer = v;
                        }
                        i = value_at
                            .filter(|&j| label(&cells[j].cell.text).is_none())
                            .map_or(i + 1, |j| j + 1);
                        continue;
                    }
                    Label::Goal => {
                        let rest: Vec<&GridCell> = cells[i + 1..].iter().filter(|a| a.starts).map(|a| a.cell).collect();
                        let heads: Vec<&GridCell> =
                            rest.iter().copied().filter(|c| !c.text.trim().is_empty()).collect();
                        // 预期目标 | 实际完成情况 (or the label itself | 年度目标完成情况) over the
                        // texts in the row below.
                        let header_like = !heads.is_empty()
                            && heads.iter().any(|h| norm(&h.text).contains("完成"))
                            && heads.iter().all(|h| {
                                let n = norm(&h.text);
                                n.chars().count() <= 12 && (n.contains("目标") || n.contains("完成"))
                            });
                        let p = self.project(line);
                        if header_like && r + 1 < g.rows {
                            for b in row_cells(g, r + 1)
                                .into_iter()
                                .filter(|b| b.starts && !b.cell.text.trim().is_empty())
                            {
                                let t = Some(b.cell.text.trim().to_string());
                                let head = heads.iter().find(|h| (h.col..h.col + h.col_span).contains(&b.cell.col));
                                match head {
                                    Some(h) if norm(&h.text).contains("完成") => p.goal_achieved = t,
                                    Some(_) => p.goal = t,
                                    None if (c.col..c.col + c.col_span).contains(&b.cell.col) => p.goal = t,
                                    None => {}
                                }
                            }
                            last = r + 1;
                        } else {
                            let v: Vec<&str> = rest.iter().map(|c| c.text.trim()).filter(|t| !t.is_empty()).collect();
                            p.goal = (!v.is_empty()).then(|| v.join("\n"));
                        }
                        break;
                    }
                    Label::Remark => {
                        let v: Vec<&str> = cells[i + 1..]
                            .iter()
                            .filter(|a| a.starts)
                            .map(|a| a.cell.text.trim())
                            .filter(|t| !t.is_empty())
                            .collect();
                        if !v.is_empty() {
                            let p = self.project(line);
                            p.remarks.push(Remark {
                                label: text.to_string(),
                                text: v.join("\n"),
                            });
                        }
                        break;
                    }
                }
            }
            // 目标表 funds: “年度资金总额：” | 100, or “财政拨款：80” in one cell.
            let unit_now = self
                .unit
                .clone()
                .or_else(|| self.current.as_ref().and_then(|p| p.unit.clone()));
            let (name, inline) = match text.rsplit_once(['：', ':']) {
                Some((a, b)) if matches!(amount(b, unit_now.as_deref()), Some(Some(_))) => (a, Some(b.trim())),
                _ => (text, None),
            };
            if let Some(role) = fund_label(name).filter(|_| !headings) {
                let (vtext, vline, next) = match inline {
                    Some(v) => (v.to_string(), c.line, i + 1),
                    None => match value_at {
                        Some(j) if fund_label(&cells[j].cell.text).is_none() => {
                            (cells[j].cell.text.trim().to_string(), cells[j].cell.line, j + 1)
                        }
                        // 总额 | 财政拨款 | 其他资金 side by side: column headings (a
                        // department table's task list), not funds rows.
                        Some(_) => {
                            i += 1;
                            continue;
                        }
                        None => (String::new(), c.line, i + 1),
                    },
                };
                let unit = self
                    .unit
                    .clone()
                    .or_else(|| self.current.as_ref().and_then(|p| p.unit.clone()));
                match amount(&vtext, unit.as_deref()) {
                    Some(a) => {
                        used_any = true;
                        let p = self.project(line);
                        p.funds.push(FundLine {
                            amount: a,
                            ..FundLine::new(name.trim(), role)
                        });
                    }
                    None => self.skip(
                        vline,
                        &vtext,
                        format!("绩效目标表：“{}”的金额“{vtext}”不是数字，未导入", name.trim()),
                    ),
                }
                i = next;
                continue;
            }
            i += 1;
        }
        // A row of figures no label or column explains (a department table's task list): said,
        // not dropped silently.
        if !used_any
            && cells
                .iter()
                .any(|a| a.starts && matches!(figure(&a.cell.text), Some(Some(_))))
        {
            let text = cells
                .iter()
                .filter(|a| a.starts)
                .map(|a| a.cell.text.trim())
                .filter(|t| !t.is_empty())
                .collect::<Vec<_>>()
                .join(" ");
            self.skip(line, &text, "绩效目标表：这一行的数字不属于已知的栏目，未导入".into());
        }
        last
    }

    /// One task (or the 金额合计 row) under the task header.
    fn task_row(&mut self, g: &Grid, r: usize, h: &TaskHeader, line: usize) {
        let cells = row_cells(g, r);
        let in_range = |c: usize, (a, b): (usize, usize)| (a..b).contains(&c);
        let text_at = |range: (usize, usize)| {
            cells
                .iter()
                .find(|a| a.starts && in_range(a.cell.col, range) && !a.cell.text.trim().is_empty())
                .map(|a| a.cell.text.trim().to_string())
        };
        // The 合计 row's label may start left of the name column (under 年度主要任务).
        let name = text_at(h.name).or_else(|| {
            cells
                .iter()
                .find(|a| a.starts && a.cell.col < h.name.0 && is_total_text(&a.cell.text))
                .map(|a| a.cell.text.trim().to_string())
        });
        let mut task = Task {
            name: name.clone().unwrap_or_default(),
            role: if name.as_deref().is_some_and(is_total_text) {
                FundRole::Total
            } else {
                FundRole::Part
            },
            content: h.content.and_then(text_at),
            total: None,
            fiscal: None,
            other: None,
        };
        let mut any = false;
        for (kind, a, b) in &h.amounts {
            let Some(t) = text_at((*a, *b)) else { continue };
            match amount(&t, self.unit.as_deref()) {
                Some(v) => {
                    any = true;
                    match kind {
                        TaskAmount::Total => task.total = v,
                        TaskAmount::Fiscal => task.fiscal = v,
                        TaskAmount::Other => task.other = v,
                    }
                }
                None => self.skip(
                    line,
                    &t,
                    format!("部门整体绩效目标表：任务“{}”的金额“{t}”不是数字，未导入", task.name),
                ),
            }
        }
        if task.name.is_empty() {
            if any {
                self.skip(
                    line,
                    "",
                    "部门整体绩效目标表：这一行有金额却没有任务名称，未导入".into(),
                );
            }
            return;
        }
        self.project(line).tasks.push(task);
    }

    /// A 自评 funds row under its header; false when the row is not one.
    fn fund_row(&mut self, g: &Grid, r: usize, h: &FundHeader, line: usize) -> bool {
        let cells = row_cells(g, r);
        let Some(lab) = cells
            .iter()
            .filter(|a| a.cell.col < h.first && !a.cell.text.trim().is_empty())
            .filter_map(|a| fund_label(&a.cell.text).map(|role| (a.cell, role)))
            .last()
        else {
            return false;
        };
        let mut f = FundLine::new(lab.0.text.trim(), lab.1);
        for a in cells.iter().filter(|a| a.starts && a.cell.col >= h.first) {
            let t = a.cell.text.trim();
            if t.is_empty() {
                continue;
            }
            let Some(role) = h.role_at(a.cell.col) else { continue };
            let spans_two =
                (a.cell.col + 1..a.cell.col + a.cell.col_span).any(|c| h.role_at(c).is_some_and(|x| x != role));
            if spans_two {
                self.skip(a.cell.line, t, format!("绩效自评表：“{}”一格跨越几列，未导入", f.name));
                continue;
            }
            if role == Fund::Rate {
                f.rate = Some(t.to_string());
                continue;
            }
            let Some(v) = amount(t, None) else {
                self.skip(
                    a.cell.line,
                    t,
                    format!("绩效自评表：“{}”的“{t}”不是数字，未导入", f.name),
                );
                continue;
            };
            match role {
                Fund::Initial => f.initial_budget = v,
                Fund::FullYear => f.full_year_budget = v,
                Fund::Executed => f.executed = v,
                Fund::Weight => f.weight = v,
                Fund::Score => f.score = v,
                Fund::Rate => {}
            }
        }
        self.project(line).funds.push(f);
        true
    }

    /// One indicator row.
    fn indicator(&mut self, g: &Grid, r: usize, line: usize) {
        let Some(h) = self.ind.clone() else { return };
        let mut ind = PerformanceIndicator::default();
        let mut problems = Vec::new();
        for a in row_cells(g, r) {
            let t = a.cell.text.trim();
            let Some(role) = h.role_at(a.cell.col) else { continue };
            // 一级/二级 cells span many rows: read from the covering cell.
            if !a.starts && !matches!(role, Ind::L1 | Ind::L2) {
                continue;
            }
            if t.is_empty() {
                continue;
            }
            let other = (a.cell.col + 1..a.cell.col + a.cell.col_span)
                .filter_map(|c| h.role_at(c))
                .find(|x| *x != role);
            if let Some(o) = other {
                if !(matches!(role, Ind::L1 | Ind::L2) && matches!(o, Ind::L2 | Ind::L3)) {
                    problems.push((a.cell.line, t.to_string(), "一格跨越几列".to_string()));
                    continue;
                }
            }
            let s = Some(t.to_string());
            match role {
                Ind::L1 => ind.level1 = t.to_string(),
                Ind::L2 => ind.level2 = t.to_string(),
                Ind::L3 => ind.name = t.to_string(),
                Ind::Target => ind.target = s,
                Ind::Direction => ind.direction = s,
                Ind::Unit => ind.unit = s,
                Ind::Achieved => ind.achieved = s,
                Ind::Deviation => ind.deviation = s,
                Ind::Measures => ind.measures = s,
                Ind::Note => ind.note = s,
                Ind::Weight | Ind::Score => match score(t) {
                    Some(v) => {
                        if role == Ind::Weight {
                            ind.weight = v
                        } else {
                            ind.score = v
                        }
                    }
                    None => problems.push((a.cell.line, t.to_string(), format!("“{t}”不是分数"))),
                },
            }
        }
        // Laid-out text prints a spanning cell's words on one of its rows, maybe the middle
        // one: when the first row under the header has no 一级 or 二级, which row a label belongs
        // to is not certain, so the block is reported, not read.
        if g.producer == crate::grid::Producer::Text
            && self.carry.0.is_empty()
            && (ind.level1.is_empty() || ind.level2.is_empty())
        {
            self.skip(
                line,
                &ind.name,
                "绩效指标表（文本排版）：第一行没有一级或二级指标，无法确定各行所属，未导入".into(),
            );
            self.in_indicators = false;
            return;
        }
        // Carried down: a blank 一级 keeps the one above; a new 一级 starts its own 二级.
        if ind.level1.is_empty() {
            ind.level1 = self.carry.0.clone();
            if ind.level2.is_empty() {
                ind.level2 = self.carry.1.clone();
            }
        }
        self.carry = (ind.level1.clone(), ind.level2.clone());
        let name = norm(&ind.name);
        let placeholder = name.is_empty()
            || name.chars().all(|c| matches!(c, '…' | '.' | '。'))
            || name
                .strip_prefix("指标")
                .is_some_and(|d| !d.is_empty() && d.chars().all(|c| c.is_ascii_digit()));
        let has_values = ind.target.is_some() || ind.achieved.is_some() || ind.weight.is_some() || ind.score.is_some();
        for (l, t, why) in problems {
            self.skip(l, &t, format!("绩效指标“{}”：{why}，未导入", ind.name));
        }
        if placeholder && !has_values {
            return;
        }
        if name.is_empty() {
            let t = [ind.target.as_deref(), ind.achieved.as_deref()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" ");
            self.skip(line, &t, "绩效指标表：这一行有指标值却没有三级指标名称，未导入".into());
            return;
        }
        let _ = h.col(Ind::L3);
        self.project(line).indicators.push(ind);
    }

    /// The 总分 / 合计 row: its 分值 and 得分 in the indicator header's columns.
    fn total(&mut self, g: &Grid, r: usize) {
        let Some(h) = self.ind.clone() else { return };
        let line = g.row_line(r);
        let mut weight = None;
        let mut sc = None;
        for a in row_cells(g, r).into_iter().filter(|a| a.starts) {
            let t = a.cell.text.trim();
            if t.is_empty() || matches!(norm(t).as_str(), "总分" | "合计" | "总计") {
                continue;
            }
            match h.role_at(a.cell.col) {
                Some(Ind::Weight) => weight = score(t),
                Some(Ind::Score) => sc = score(t),
                _ => {}
            }
        }
        let p = self.project(line);
        p.total_weight = weight.flatten();
        p.total_score = sc.flatten();
    }
}

/// A total row's name: 合计, 金额合计, 总计.
fn is_total_text(t: &str) -> bool {
    let n = norm(t);
    n.ends_with("合计") || n.ends_with("总计")
}

/// A score cell: “10”, “9.5”, “10分”; `Some(None)` for a blank or dash.
fn score(t: &str) -> Option<Option<Decimal>> {
    figure(t.trim().trim_end_matches('分'))
}

/// An amount cell: a number, possibly followed by the table's own unit (“250万元” in a 万元
/// table); `Some(None)` for a blank or dash; `None` for anything else.
fn amount(t: &str, unit: Option<&str>) -> Option<Option<Decimal>> {
    let t = t.trim();
    let t = match unit {
        Some("万元") => t.trim_end_matches("万元").trim_end_matches('万'),
        Some("元") => t.trim_end_matches('元'),
        _ => t,
    };
    if t.ends_with('%') {
        return None;
    }
    figure(t)
}

/// Grids of the performance tables laid out as text (a text file, `pdftotext -layout`, a PDF
/// page without rules): from a title line to the next title or two blank lines. Cells are runs
/// of text separated by two or more spaces; from the indicator header on, each cell goes to the
/// header column it starts under (so a blank 一级 cell stays blank and is carried down by the
/// reader); the form rows above keep their cells in order. The title is the grid's caption.
pub fn text_grids(lines: &[crate::lines::SrcLine], skipped: &mut Vec<SkippedLine>) -> Vec<Grid> {
    use crate::grid::text::chunks;
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if !is_title(&lines[i].text) {
            i += 1;
            continue;
        }
        let title = &lines[i];
        let mut j = i + 1;
        let mut blanks = 0;
        while j < lines.len() && !is_title(&lines[j].text) {
            if lines[j].text.trim().is_empty() {
                blanks += 1;
                if blanks >= 2 {
                    break;
                }
            } else {
                blanks = 0;
            }
            j += 1;
        }
        let body: Vec<&crate::lines::SrcLine> = lines[i + 1..j].iter().filter(|l| !l.text.trim().is_empty()).collect();
        i = j;
        let rows: Vec<Vec<crate::grid::text::Chunk>> = body.iter().map(|l| chunks(&l.text)).collect();
        let Some(h) = rows.iter().position(|r| {
            let roles: Vec<Option<Ind>> = r.iter().map(|c| ind_role(&c.text)).collect();
            roles.contains(&Some(Ind::L1)) && roles.contains(&Some(Ind::L3))
        }) else {
            continue;
        };
        let anchors: Vec<usize> = rows[h].iter().map(|c| c.start).collect();
        let column = |start: usize| anchors.iter().rposition(|a| *a <= start + 1).unwrap_or(0);
        let mut cells: Vec<Vec<(usize, String)>> = Vec::new();
        for (k, (l, r)) in body.iter().zip(&rows).enumerate() {
            let mut row: Vec<(usize, String)> = Vec::new();
            let mut clash = false;
            for (n, c) in r.iter().enumerate() {
                let col = if k >= h { column(c.start) } else { n };
                if row.len() <= col {
                    row.resize(col + 1, (0, String::new()));
                }
                clash |= !row[col].1.is_empty();
                row[col] = (l.no, c.text.clone());
            }
            if clash {
                // Two runs under one heading: the row does not line up with the header, and a
                // row left out would hand its 一级/二级 to the rows below: the rest of the table
                // is reported, not read.
                for rest in &body[k..] {
                    skipped.push(SkippedLine {
                        line: rest.no,
                        text: rest.text.trim().to_string(),
                        reason: "绩效指标表（文本排版）：这一行的文字与表头的列对不齐，此行及以下未导入".into(),
                    });
                }
                break;
            }
            cells.push(row);
        }
        let mut g = Grid::from_cells(&cells, crate::grid::Producer::Text);
        g.caption = vec![(title.no, title.text.clone())];
        out.push(g);
    }
    out
}

/// Reads every performance table of the document.
pub fn read(blocks: &Blocks) -> PerfFound {
    let claimed = claimed(blocks);
    let mut found = PerfFound {
        grids: claimed.clone(),
        ..Default::default()
    };
    let mut reader = Reader {
        found: &mut found,
        current: None,
        pending_title: None,
        unit: None,
        ind: None,
        fund: None,
        tasks: None,
        carry: Default::default(),
        in_indicators: false,
    };
    let mut after = 0;
    let mut prev: Option<usize> = None;
    let mut consumed = BTreeSet::new();
    for (gi, g) in blocks.grids.iter().enumerate() {
        let caps = caption_lines(blocks, g, after);
        after = g.lines.iter().copied().max().unwrap_or(after).max(after);
        if !claimed.contains(&gi) {
            if prev.is_some() {
                reader.finish();
            }
            prev = None;
            continue;
        }
        let continued = prev.is_some_and(|p| p + 1 == gi);
        let mut titled = false;
        for l in &caps {
            if is_title(&l.text) {
                reader.title(&l.text, l.no);
                titled = true;
                consumed.insert(l.no);
            } else if let Some(d) = filed_by(&l.text) {
                reader.found.filed_by.get_or_insert(d);
                if let Some(u) = unit_in(&l.text) {
                    reader.unit = Some(u);
                }
                consumed.insert(l.no);
            } else if let Some(u) = unit_in(&l.text) {
                reader.unit = Some(u);
                consumed.insert(l.no);
            } else if is_year_line(&l.text) {
                if let Some(y) = year_in(&l.text) {
                    reader.found.year.get_or_insert(y);
                }
                consumed.insert(l.no);
            } else if titled || super::title::is_furniture(&l.text) {
                consumed.insert(l.no);
            }
        }
        for (no, t) in &g.caption {
            if is_title(t) {
                reader.title(t, *no);
                titled = true;
            } else if let Some(u) = unit_in(t) {
                reader.unit = Some(u);
            }
            consumed.insert(*no);
        }
        if !continued && !titled {
            reader.finish();
        }
        reader.grid(g);
        consumed.extend(g.lines.iter().copied());
        prev = Some(gi);
    }
    reader.finish();
    found.consumed = consumed;
    if let Some(d) = found.filed_by.clone() {
        found.department = Some(d);
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grid::Producer;
    use crate::lines::SrcLine;

    /// A grid from rows of (text, col, row_span, col_span), lines numbered from `line0`.
    fn grid(rows: &[&[(&str, usize, usize, usize)]], cols: usize, line0: usize) -> Grid {
        let mut g = Grid::new(rows.len(), cols, Producer::WordTable);
        for (r, row) in rows.iter().enumerate() {
            for (t, c, rs, cs) in row.iter() {
                g.cells.push(GridCell::at(t, r, *c, *rs, *cs, line0 + r));
            }
        }
        g.lines = (line0..line0 + rows.len()).collect();
        g
    }

    fn lines(n: usize, at: &[(usize, &str)]) -> Vec<SrcLine> {
        (1..=n)
            .map(|no| SrcLine {
                no,
                text: at
                    .iter()
                    .find(|(l, _)| *l == no)
                    .map(|(_, t)| t.to_string())
                    .unwrap_or_default(),
            })
            .collect()
    }

    /// The national 目标表: funds under each other, 一级/二级 spanning rows, template blanks.
    #[test]
    fn a_targets_table_with_spanning_levels() {
        let g = grid(
            &[
                &[("项目名称", 0, 1, 1), ("街巷保洁", 1, 1, 4)],
                &[
                    ("主管部门", 0, 1, 1),
                    ("某区城管局", 1, 1, 2),
                    ("实施单位", 3, 1, 1),
                    ("某区环卫所", 4, 1, 1),
                ],
                &[
                    ("项目资金（万元）", 0, 3, 1),
                    ("年度资金总额", 1, 1, 2),
                    ("120.50", 3, 1, 2),
                ],
                &[("其中：财政拨款", 1, 1, 2), ("100.50", 3, 1, 2)],
                &[("其他资金", 1, 1, 2), ("20", 3, 1, 2)],
                &[("年度目标", 0, 1, 1), ("保持街巷干净", 1, 1, 4)],
                &[
                    ("一级指标", 0, 1, 1),
                    ("二级指标", 1, 1, 1),
                    ("三级指标", 2, 1, 2),
                    ("指标值", 4, 1, 1),
                ],
                &[
                    ("产出指标", 0, 3, 1),
                    ("数量指标", 1, 2, 1),
                    ("保洁面积", 2, 1, 2),
                    ("≥12万平方米", 4, 1, 1),
                ],
                &[("作业车辆", 2, 1, 2), ("10辆", 4, 1, 1)],
                &[
                    ("时效指标", 1, 1, 1),
                    ("完成时间", 2, 1, 2),
                    ("2023年12月底前", 4, 1, 1),
                ],
                &[
                    ("满意度指标", 0, 2, 1),
                    ("服务对象满意度指标", 1, 2, 1),
                    ("居民满意度", 2, 1, 2),
                    ("≥95%", 4, 1, 1),
                ],
                &[("……", 2, 1, 2)],
            ],
            5,
            3,
        );
        let blocks = Blocks {
            lines: lines(14, &[(1, "项目支出绩效目标表（2023年度）"), (2, "单位：万元")]),
            grids: vec![g],
        };
        let f = read(&blocks);
        assert!(f.skipped.is_empty(), "{:?}", f.skipped);
        assert_eq!(f.year, Some(2023));
        assert_eq!(f.department.as_deref(), Some("某区城管局"));
        let p = &f.targets.projects[0];
        assert_eq!(p.form, PerformanceForm::Targets);
        assert_eq!(
            (p.name.as_str(), p.implementer.as_deref()),
            ("街巷保洁", Some("某区环卫所"))
        );
        assert_eq!(p.unit.as_deref(), Some("万元"));
        let funds: Vec<(&str, FundRole, String)> = p
            .funds
            .iter()
            .map(|f| (f.name.as_str(), f.role, f.amount.unwrap().to_string()))
            .collect();
        assert_eq!(
            funds,
            vec![
                ("年度资金总额", FundRole::Total, "120.50".into()),
                ("其中：财政拨款", FundRole::Part, "100.50".into()),
                ("其他资金", FundRole::Part, "20".into()),
            ]
        );
        assert_eq!(p.goal.as_deref(), Some("保持街巷干净"));
        let inds: Vec<(&str, &str, &str, &str)> = p
            .indicators
            .iter()
            .map(|i| {
                (
                    i.level1.as_str(),
                    i.level2.as_str(),
                    i.name.as_str(),
                    i.target.as_deref().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            inds,
            vec![
                ("产出指标", "数量指标", "保洁面积", "≥12万平方米"),
                ("产出指标", "数量指标", "作业车辆", "10辆"),
                ("产出指标", "时效指标", "完成时间", "2023年12月底前"),
                ("满意度指标", "服务对象满意度指标", "居民满意度", "≥95%"),
            ]
        );
        assert!(f.consumed.contains(&1) && f.consumed.contains(&14));
    }

    #[test]
    fn the_unit_a_table_is_filled_in_by() {
        assert_eq!(
            filed_by("预算单位：奉节县某乡人民政府      金额单位：万元").as_deref(),
            Some("奉节县某乡人民政府")
        );
        assert_eq!(
            filed_by("填报单位（盖章）：某镇人民政府").as_deref(),
            Some("某镇人民政府")
        );
        assert_eq!(filed_by("单位：万元"), None);
        assert_eq!(filed_by("预算单位："), None);
    }

    /// The next page's part of an indicator block drawn with other columns (a rule missing) is
    /// reported row by row, not read under the first page's header.
    #[test]
    fn a_continuation_with_other_columns_is_reported() {
        let first = grid(
            &[
                &[("项目名称", 0, 1, 1), ("甲", 1, 1, 3)],
                &[
                    ("一级指标", 0, 1, 1),
                    ("二级指标", 1, 1, 1),
                    ("三级指标", 2, 1, 1),
                    ("指标值", 3, 1, 1),
                ],
                &[
                    ("产出指标", 0, 1, 1),
                    ("数量指标", 1, 1, 1),
                    ("户数", 2, 1, 1),
                    ("10户", 3, 1, 1),
                ],
            ],
            4,
            2,
        );
        let next = grid(
            &[&[("效益指标", 0, 1, 1), ("社会效益指标", 1, 1, 1), ("明显改善", 2, 1, 1)]],
            3,
            6,
        );
        let blocks = Blocks {
            lines: lines(6, &[(1, "项目支出绩效目标表")]),
            grids: vec![first, next],
        };
        let f = read(&blocks);
        assert_eq!(f.targets.projects[0].indicators.len(), 1);
        assert_eq!(f.skipped.len(), 1, "{:?}", f.skipped);
        assert_eq!(f.skipped[0].line, 6);
        assert!(f.grids.contains(&1), "the standard readers leave it too");
    }

    /// A 部门整体支出绩效目标表: the department's name, its task list (任务名称 | 主要内容 | 预算金额
    /// over 总额 | 财政拨款), its goal and indicators; the amount headings are never funds rows.
    #[test]
    fn a_department_table_reads_its_tasks_goal_and_indicators() {
        let g = grid(
            &[
                &[("部门（单位）名称", 0, 1, 1), ("某县文化和旅游局", 1, 1, 4)],
                &[
                    ("年度主要任务", 0, 4, 1),
                    ("任务名称", 1, 1, 1),
                    ("主要内容", 2, 1, 1),
                    ("预算金额（万元）", 3, 1, 2),
                ],
                &[("总额", 3, 1, 1), ("财政拨款", 4, 1, 1)],
                &[
                    ("公共文化服务", 1, 1, 1),
                    ("送戏下乡", 2, 1, 1),
                    ("35.00", 3, 1, 1),
                    ("35.00", 4, 1, 1),
                ],
                &[("金额合计", 0, 1, 3), ("35.00", 3, 1, 1), ("35.00", 4, 1, 1)],
                &[("年度总体目标", 0, 1, 1), ("全年送戏下乡120场", 1, 1, 4)],
                &[
                    ("一级指标", 0, 1, 1),
                    ("二级指标", 1, 1, 1),
                    ("三级指标", 2, 1, 2),
                    ("指标值", 4, 1, 1),
                ],
                &[
                    ("产出指标", 0, 1, 1),
                    ("数量指标", 1, 1, 1),
                    ("送戏下乡场次", 2, 1, 2),
                    ("≥120场", 4, 1, 1),
                ],
            ],
            5,
            2,
        );
        let blocks = Blocks {
            lines: lines(9, &[(1, "2025年部门整体支出绩效目标表")]),
            grids: vec![g],
        };
        let f = read(&blocks);
        let p = &f.targets.projects[0];
        assert_eq!(p.scope, PerformanceScope::Department);
        assert_eq!(p.name, "某县文化和旅游局");
        assert!(p.funds.is_empty(), "{:?}", p.funds);
        assert_eq!(p.goal.as_deref(), Some("全年送戏下乡120场"));
        assert_eq!(p.indicators[0].target.as_deref(), Some("≥120场"));
        assert!(f.skipped.is_empty(), "{:?}", f.skipped);
        assert_eq!(
            (p.tasks[1].name.as_str(), p.tasks[1].role),
            ("金额合计", FundRole::Total)
        );
        let t = &p.tasks[0];
        assert_eq!(
            (t.name.as_str(), t.content.as_deref()),
            ("公共文化服务", Some("送戏下乡"))
        );
        assert_eq!(
            (t.total.unwrap().to_string(), t.fiscal.unwrap().to_string(), t.other),
            ("35.00".into(), "35.00".into(), None)
        );
    }

    /// Labels about the money that are not amounts (found on a held-out 重庆 table: a 科目代码
    /// beside 其中：财政资金) are not funds rows.
    #[test]
    fn a_code_beside_the_funds_is_not_a_fund() {
        assert_eq!(fund_label("财政资金科目代码"), None);
        assert_eq!(fund_label("财政资金预算分类"), None);
        assert_eq!(fund_label("其中：财政资金"), Some(FundRole::Part));
        assert_eq!(fund_label("年度资金总额："), Some(FundRole::Total));
    }

    /// A value cell spanning the 指标值 and 实际完成值 columns is reported, not read into either.
    #[test]
    fn a_cell_across_two_value_columns_is_reported() {
        let g = grid(
            &[
                &[("项目名称", 0, 1, 1), ("甲", 1, 1, 4)],
                &[
                    ("一级指标", 0, 1, 1),
                    ("二级指标", 1, 1, 1),
                    ("三级指标", 2, 1, 1),
                    ("年度指标值", 3, 1, 1),
                    ("实际完成值", 4, 1, 1),
                ],
                &[
                    ("产出指标", 0, 1, 1),
                    ("质量指标", 1, 1, 1),
                    ("合格率", 2, 1, 1),
                    ("达成", 3, 1, 2),
                ],
            ],
            5,
            2,
        );
        let blocks = Blocks {
            lines: lines(4, &[(1, "项目支出绩效自评表")]),
            grids: vec![g],
        };
        let f = read(&blocks);
        let i = &f.targets.projects[0].indicators[0];
        assert_eq!((i.target.as_deref(), i.achieved.as_deref()), (None, None));
        assert_eq!(f.skipped.len(), 1);
    }
}
