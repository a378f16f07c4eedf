//! The standard tables of the national 部门预算公开 template (since 2015): 收支预算总表,
//! 收入预算总表, 支出预算总表, 财政拨款收支预算总表, 财政拨款支出预算表, 财政拨款基本支出预算表,
//! 政府性基金支出预算表, 一般公共预算支出预算表, 一般公共预算基本支出预算表, 机关运行经费支出预算表,
//! “三公”经费（会议费、培训费）支出预算表, 政府采购支出预算表 and 绩效目标表.
//!
//! A table is kept as published: its lines in published order, each with its 政府收支分类科目 code
//! when it has one (功能分类 类/款/项: 3/5/7 digits, 经济分类 类/款: 3/5 digits) and one amount per
//! published amount column; a blank cell is `None` (未列), never 0. Amounts are in the table's
//! own [`BudgetTable::unit`] as published.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

#[cfg(feature = "schema")]
use schemars::JsonSchema;

/// Which standard table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum TableKind {
    /// 收支预算总表 (收入 | 支出 by 功能分类 | 支出 by 用途, side by side).
    Summary,
    /// 收入预算总表.
    RevenueSummary,
    /// 支出预算总表 (合计, 基本支出, 项目支出, …).
    ExpenditureSummary,
    /// 财政拨款收支预算总表.
    FiscalSummary,
    /// 财政拨款支出预算表 (功能分类).
    FiscalExpenditure,
    /// 财政拨款基本支出预算表 (经济分类).
    FiscalBasic,
    /// 政府性基金支出预算表 (功能分类).
    GovernmentFund,
    /// 一般公共预算支出预算表 (功能分类).
    GeneralPublic,
    /// 一般公共预算基本支出预算表 (经济分类).
    GeneralPublicBasic,
    /// 一般公共预算机关运行经费支出预算表 (经济分类).
    OperatingCosts,
    /// “三公”经费、会议费、培训费支出预算表.
    ThreePublic,
    /// 政府采购支出预算表.
    Procurement,
    /// 绩效目标表.
    PerformanceTargets,
    /// 国有资本经营预算支出（功能分类）预算表.
    StateCapital,
    /// 收入支出决算总表 (决算: 收入 | 支出 side by side).
    FinalSummary,
    /// 收入决算表 (决算, by 功能分类, by source).
    FinalRevenue,
    /// 支出决算表 (决算, by 功能分类: 基本支出, 项目支出, …).
    FinalExpenditure,
    /// 财政拨款收入支出决算总表.
    FinalFiscalSummary,
    /// 一般公共预算财政拨款支出决算表 (功能分类).
    FinalGeneralPublic,
    /// 一般公共预算财政拨款基本支出决算表 (经济分类: 人员经费 | 公用经费).
    FinalGeneralPublicBasic,
    /// 财政拨款“三公”经费支出决算表 (预算数 and 决算数).
    FinalThreePublic,
    /// 政府性基金预算财政拨款收入支出决算表.
    FinalGovernmentFund,
    /// 国有资本经营预算财政拨款（收入）支出决算表.
    FinalStateCapital,
}

/// Which budget phase an amount column holds (the Fiscal Data Package's `phase`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Phase {
    /// The budget as approved: a budget's figures, a 决算's 年初预算 / 预算数.
    Approved,
    /// The budget as adjusted during the year: a 决算's 全年预算 / 调整预算.
    Adjusted,
    /// What was spent or received: a 决算's 决算数 (and its 合计, 基本支出, 项目支出 …).
    Executed,
}

impl Phase {
    /// The FDP `phase` value: "approved", "adjusted", "executed".
    pub fn fdp(self) -> &'static str {
        match self {
            Phase::Approved => "approved",
            Phase::Adjusted => "adjusted",
            Phase::Executed => "executed",
        }
    }
}

/// The two classifications of 政府收支分类科目 a table's codes can follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Classification {
    /// 支出功能分类: 类 (3 digits) → 款 (5) → 项 (7), e.g. 201 → 20101 → 2010101.
    Functional,
    /// 支出经济分类: 类 (3 digits) → 款 (5), e.g. 301 → 30101.
    Economic,
}

impl Classification {
    /// Code lengths of its levels, from the top.
    pub fn levels(self) -> &'static [usize] {
        match self {
            Classification::Functional => &[3, 5, 7],
            Classification::Economic => &[3, 5],
        }
    }
    /// Whether `code` is a code of this classification (digits of one of its level lengths).
    pub fn is_code(self, code: &str) -> bool {
        code.bytes().all(|b| b.is_ascii_digit()) && self.levels().contains(&code.len())
    }
}

impl TableKind {
    /// Every kind, in the template's order.
    pub const ALL: [TableKind; 23] = [
        TableKind::Summary,
        TableKind::RevenueSummary,
        TableKind::ExpenditureSummary,
        TableKind::FiscalSummary,
        TableKind::FiscalExpenditure,
        TableKind::FiscalBasic,
        TableKind::GovernmentFund,
        TableKind::GeneralPublic,
        TableKind::GeneralPublicBasic,
        TableKind::OperatingCosts,
        TableKind::ThreePublic,
        TableKind::Procurement,
        TableKind::PerformanceTargets,
        TableKind::StateCapital,
        TableKind::FinalSummary,
        TableKind::FinalRevenue,
        TableKind::FinalExpenditure,
        TableKind::FinalFiscalSummary,
        TableKind::FinalGeneralPublic,
        TableKind::FinalGeneralPublicBasic,
        TableKind::FinalThreePublic,
        TableKind::FinalGovernmentFund,
        TableKind::FinalStateCapital,
    ];

    /// Whether it is one of the 决算 (final accounts) tables.
    pub fn is_final(self) -> bool {
        matches!(
            self,
            TableKind::FinalSummary
                | TableKind::FinalRevenue
                | TableKind::FinalExpenditure
                | TableKind::FinalFiscalSummary
                | TableKind::FinalGeneralPublic
                | TableKind::FinalGeneralPublicBasic
                | TableKind::FinalThreePublic
                | TableKind::FinalGovernmentFund
                | TableKind::FinalStateCapital
        )
    }

    /// Whether the table prints two sides on each row (收入 | 支出), as the 总表 do.
    pub fn is_two_sided(self) -> bool {
        matches!(
            self,
            TableKind::Summary | TableKind::FiscalSummary | TableKind::FinalSummary | TableKind::FinalFiscalSummary
        )
    }

    /// The classification its codes follow, for the tables whose lines carry codes.
    pub fn classification(self) -> Option<Classification> {
        match self {
            TableKind::FiscalExpenditure
            | TableKind::GovernmentFund
            | TableKind::GeneralPublic
            | TableKind::StateCapital
            | TableKind::FinalRevenue
            | TableKind::FinalExpenditure
            | TableKind::FinalGeneralPublic
            | TableKind::FinalGovernmentFund
            | TableKind::FinalStateCapital => Some(Classification::Functional),
            TableKind::FiscalBasic
            | TableKind::GeneralPublicBasic
            | TableKind::OperatingCosts
            | TableKind::FinalGeneralPublicBasic => Some(Classification::Economic),
            _ => None,
        }
    }

    /// The kind a published table title names, e.g. "表八 一般公共预算支出预算表（功能科目）" or
    /// "2017年政府采购预算表". `None` for anything else.
    pub fn from_title(title: &str) -> Option<TableKind> {
        let t: String = title.chars().filter(|c| !c.is_whitespace()).collect();
        let t = t.replace(['（', '）', '(', ')'], "");
        // Most specific first: "一般公共预算基本支出" before "基本支出", "财政拨款收支" before "收支".
        let has = |s: &str| t.contains(s);
        // 决算 tables first: their titles hold the budget tables' words too.
        if has("决算") && has("表") && !has("决算表说明") {
            let kind = if has("三公") {
                TableKind::FinalThreePublic
            } else if has("政府性基金") {
                TableKind::FinalGovernmentFund
            } else if has("国有资本经营") {
                TableKind::FinalStateCapital
            } else if has("基本支出") {
                TableKind::FinalGeneralPublicBasic
            } else if has("一般公共预算") && has("支出") {
                TableKind::FinalGeneralPublic
            } else if has("财政拨款收入支出决算总表") || has("财政拨款收支决算总表") {
                TableKind::FinalFiscalSummary
            } else if has("收入支出决算总表") || has("收支决算总表") {
                TableKind::FinalSummary
            } else if has("收入决算") {
                TableKind::FinalRevenue
            } else if has("支出决算") {
                TableKind::FinalExpenditure
            } else {
                return None;
            };
            return Some(kind);
        }
        let kind = if has("三公") && has("预算表") {
            TableKind::ThreePublic
        } else if has("机关运行经费") && has("预算表") {
            TableKind::OperatingCosts
        } else if has("政府采购") && has("预算表") {
            TableKind::Procurement
        } else if has("绩效目标") && has("表") {
            TableKind::PerformanceTargets
        } else if has("财政拨款收支预算总表") || has("财政拨款收支总表") {
            TableKind::FiscalSummary
        } else if has("收支预算总表") || has("收支总表") || has("财务收支预算总表") {
            TableKind::Summary
        } else if has("收入预算总表") || has("收入总表") {
            TableKind::RevenueSummary
        } else if has("支出预算总表") || has("支出总表") {
            TableKind::ExpenditureSummary
        } else if has("政府性基金") && has("支出") && has("预算表") {
            TableKind::GovernmentFund
        } else if has("国有资本经营") && has("支出") && has("预算表") {
            TableKind::StateCapital
        } else if has("一般公共预算基本支出") && has("预算表") {
            // Also "一般公共预算基本支出部门预算经济分类预算表".
            TableKind::GeneralPublicBasic
        } else if has("一般公共预算") && has("支出") && has("预算表") {
            TableKind::GeneralPublic
        } else if has("财政拨款基本支出") && has("预算表") {
            TableKind::FiscalBasic
        } else if has("财政拨款") && has("支出预算表") {
            TableKind::FiscalExpenditure
        } else {
            return None;
        };
        Some(kind)
    }

    /// The key of its standard name in the interface tables (see `crate::i18n`).
    pub fn key(self) -> &'static str {
        match self {
            TableKind::Summary => "table.summary",
            TableKind::RevenueSummary => "table.revenue_summary",
            TableKind::ExpenditureSummary => "table.expenditure_summary",
            TableKind::FiscalSummary => "table.fiscal_summary",
            TableKind::FiscalExpenditure => "table.fiscal_expenditure",
            TableKind::FiscalBasic => "table.fiscal_basic",
            TableKind::GovernmentFund => "table.government_fund",
            TableKind::GeneralPublic => "table.general_public",
            TableKind::GeneralPublicBasic => "table.general_public_basic",
            TableKind::OperatingCosts => "table.operating_costs",
            TableKind::ThreePublic => "table.three_public",
            TableKind::Procurement => "table.procurement",
            TableKind::PerformanceTargets => "table.performance_targets",
            TableKind::StateCapital => "table.state_capital",
            TableKind::FinalSummary => "table.final_summary",
            TableKind::FinalRevenue => "table.final_revenue",
            TableKind::FinalExpenditure => "table.final_expenditure",
            TableKind::FinalFiscalSummary => "table.final_fiscal_summary",
            TableKind::FinalGeneralPublic => "table.final_general_public",
            TableKind::FinalGeneralPublicBasic => "table.final_general_public_basic",
            TableKind::FinalThreePublic => "table.final_three_public",
            TableKind::FinalGovernmentFund => "table.final_government_fund",
            TableKind::FinalStateCapital => "table.final_state_capital",
        }
    }
}

/// One amount cell: a decimal written as a JSON string, or `null` for a blank cell (未列).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(transparent)]
pub struct Cell(
    #[serde(with = "crate::amount::opt")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub Option<Decimal>,
);

/// One line of a standard table, as published.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct BudgetLine {
    /// The 政府收支分类科目 code as published (功能分类 3/5/7 digits, 经济分类 3/5 digits);
    /// `None` for lines without one (合计, 小计, lines of the 总表).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// The line's name as published (wrapped cells re-joined).
    pub name: String,
    /// One cell per column of [`BudgetTable::columns`], in order.
    pub amounts: Vec<Cell>,
    /// For a table printed in parts side by side (the 收支预算总表: "收入", "支出功能分类",
    /// "支出用途"): the part this line is in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part: Option<String>,
    /// Line of the source document it was read from (1-based), when imported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_line: Option<usize>,
}

impl BudgetLine {
    /// The amount in column `c` (`None` when blank or there is no such column).
    pub fn amount(&self, c: usize) -> Option<Decimal> {
        self.amounts.get(c).and_then(|a| a.0)
    }
    /// Whether this is the table's 合计 (or 总计) line.
    pub fn is_total(&self) -> bool {
        self.code.is_none() && is_total_name(&self.name) && !self.name.contains("小计")
    }
}

/// Whether a published line or column name says "total": 合计, 总计, 小计, 支出合计 (spaces ignored).
pub fn is_total_name(name: &str) -> bool {
    matches!(
        name.replace(char::is_whitespace, "").as_str(),
        "合计" | "总计" | "小计" | "支出合计"
    )
}

/// Whether a name already says "total" at its end (支出合计, 收入总计), so a text built from it
/// does not add another 合计.
pub fn ends_with_total(name: &str) -> bool {
    let n = name.trim_end();
    n.ends_with("合计") || n.ends_with("总计") || n.ends_with("小计")
}

/// The 收支预算总表's lines that total its expenditure side, in order of preference: this year's
/// (当年支出小计), else the side's total as printed (支出总计, 支出合计).
pub const SPENDING_TOTALS: [&str; 3] = ["当年支出小计", "支出总计", "支出合计"];
/// The same for its revenue side (当年收入小计, 收入总计, 收入合计).
pub const REVENUE_TOTALS: [&str; 3] = ["当年收入小计", "收入总计", "收入合计"];

/// The parts of the 收支预算总表, printed side by side: 收入 | 支出 by 功能分类 | 支出 by 用途
/// (the values of [`BudgetLine::part`]).
pub const SUMMARY_PARTS: [&str; 3] = ["收入", "支出功能分类", "支出用途"];
/// The 收支预算总表's lines that close its parts: 当年收入小计 and 当年支出小计 (this year's), and
/// the two sides' totals 收入合计 and 支出合计 (with the carry-overs).
pub const SUMMARY_TOTALS: [&str; 4] = ["当年收入小计", "当年支出小计", "收入合计", "支出合计"];

/// The nested sums of the “三公”经费、会议费、培训费 table, by the column names the importer gives:
/// (total, its parts).
pub const THREE_PUBLIC_SUMS: [(&str, &[&str]); 3] = [
    (
        "“三公”经费小计",
        &["因公出国（境）费", "公务用车购置及运行维护费小计", "公务接待费"],
    ),
    (
        "公务用车购置及运行维护费小计",
        &["公务用车购置费", "公务用车运行维护费"],
    ),
    ("合计", &["“三公”经费小计", "会议费", "培训费"]),
];

/// The level of a numbered item of the 收支预算总表: 0 for "一、财政拨款", 1 for "1.一般公共预算";
/// `None` for unnumbered lines (当年收入小计, 收入合计…).
pub fn item_level(name: &str) -> Option<u8> {
    let n = name.trim();
    let chinese = n.trim_start_matches(|c: char| "一二三四五六七八九十".contains(c));
    if chinese.len() < n.len() && chinese.starts_with('、') {
        return Some(0);
    }
    let arabic = n.trim_start_matches(|c: char| c.is_ascii_digit());
    if arabic.len() < n.len() && (arabic.starts_with('.') || arabic.starts_with('．') || arabic.starts_with('、')) {
        return Some(1);
    }
    None
}

/// A name without its item number: "一、财政拨款" → "财政拨款", "1.一般公共预算" → "一般公共预算".
pub fn without_number(name: &str) -> &str {
    match item_level(name) {
        Some(_) => name
            .trim()
            .trim_start_matches(|c: char| "一二三四五六七八九十".contains(c) || c.is_ascii_digit())
            .trim_start_matches(['、', '.', '．'])
            .trim(),
        None => name.trim(),
    }
}

/// Whether a line is a 小计 (a group's subtotal, spaces ignored).
pub fn is_subtotal_name(name: &str) -> bool {
    name.replace(char::is_whitespace, "") == "小计"
}

/// Whether a line is a "其中：…" line (part of the line above, not added to it again).
pub fn is_of_which(name: &str) -> bool {
    name.trim_start().starts_with("其中")
}

/// One standard table as published.
///
/// Invariant: every line has exactly `columns.len()` amounts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct BudgetTable {
    pub kind: TableKind,
    /// Title as published, e.g. "一般公共预算支出预算表（功能科目）".
    pub title: String,
    /// Unit of its amounts as published: "万元" or "元".
    pub unit: String,
    /// Its amount columns as published: "金额", or "合计", "基本支出", "项目支出", …
    pub columns: Vec<String>,
    pub lines: Vec<BudgetLine>,
    /// Notes printed with the table (e.g. "注：我单位无2017年政府性基金支出安排。").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// Line of the source document where its title is (1-based), when imported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_line: Option<usize>,
}

impl BudgetTable {
    /// The budget phase of amount column `c`, from its published name and the table's kind:
    /// 年初预算 / 预算数 → approved, 全年预算 / 调整预算 → adjusted, 决算 / 执行数 → executed; a 完成率
    /// or 执行率 column holds no amount (`None`); any other column (合计, 基本支出 …) is the
    /// table's own phase (a 决算 table: executed; a budget table: approved).
    pub fn phase(&self, c: usize) -> Option<Phase> {
        let name: String = self.columns.get(c)?.chars().filter(|c| !c.is_whitespace()).collect();
        if name.contains("率") || name.contains("上年") {
            // A rate holds no amount; last year's figures are of another year.
            None
        } else if name.contains("全年预算") || name.contains("调整") {
            Some(Phase::Adjusted)
        } else if name.contains("年初预算") || (name.contains("预算数") && !name.contains("决算")) {
            Some(Phase::Approved)
        } else if name.contains("决算") || name.contains("执行数") || name.contains("实际") {
            Some(Phase::Executed)
        } else if self.kind.is_final() {
            Some(Phase::Executed)
        } else {
            Some(Phase::Approved)
        }
    }
    /// The first column of `phase` (its total when the table prints one per phase). For the
    /// executed phase, a column named 决算 / 执行 / 实际 comes before one typed by the table alone.
    pub fn first_of(&self, phase: Phase) -> Option<usize> {
        let of = |c: &usize| self.phase(*c) == Some(phase);
        let named = |c: &usize| {
            let n = &self.columns[*c];
            n.contains("决算") || n.contains("执行") || n.contains("实际")
        };
        if phase == Phase::Executed {
            if let Some(c) = (0..self.columns.len()).filter(of).find(named) {
                return Some(c);
            }
        }
        (0..self.columns.len()).find(of)
    }
    /// The 合计 line, if the table prints one.
    pub fn total_line(&self) -> Option<&BudgetLine> {
        self.lines.iter().find(|l| l.is_total())
    }
    /// Index of the column named `name` (spaces ignored).
    pub fn column(&self, name: &str) -> Option<usize> {
        self.columns
            .iter()
            .position(|c| c.replace(char::is_whitespace, "") == name)
    }
    /// The table's total in its first column (合计 or 金额): the 合计 line's figure.
    pub fn total(&self) -> Option<Decimal> {
        self.total_line().and_then(|l| l.amount(0))
    }
    /// The classification its codes follow: its kind's, or for a kind printed both with and
    /// without codes (a 收入/支出预算总表 by 功能分类 in one province, one row in another) the one
    /// its lines' codes show (7-digit 项 codes: 功能分类; 5-digit codes under a 3xx 类: 经济分类).
    pub fn classification(&self) -> Option<Classification> {
        if let Some(c) = self.kind.classification() {
            return Some(c);
        }
        let codes: Vec<&str> = self.lines.iter().filter_map(|l| l.code.as_deref()).collect();
        if codes.is_empty() {
            None
        } else if codes.iter().all(|c| Classification::Functional.is_code(c)) && codes.iter().any(|c| c.len() == 7) {
            Some(Classification::Functional)
        } else if codes
            .iter()
            .all(|c| Classification::Economic.is_code(c) && c.starts_with('3'))
        {
            Some(Classification::Economic)
        } else {
            None
        }
    }

    /// The lines carrying a code of this table's classification, in published order.
    pub fn coded_lines(&self) -> impl Iterator<Item = (usize, &BudgetLine)> {
        let class = self.classification();
        self.lines
            .iter()
            .enumerate()
            .filter(move |(_, l)| matches!((class, &l.code), (Some(c), Some(code)) if c.is_code(code)))
    }
}

impl BudgetTable {
    /// The lines of one part of a table printed in parts (the 收支预算总表's [`SUMMARY_PARTS`]),
    /// with their indices, in published order.
    pub fn part_lines<'a>(&'a self, part: &'a str) -> impl Iterator<Item = (usize, &'a BudgetLine)> + 'a {
        self.lines
            .iter()
            .enumerate()
            .filter(move |(_, l)| l.part.as_deref() == Some(part))
    }
    /// The first line named `name` (spaces ignored) and its index.
    pub fn line_named(&self, name: &str) -> Option<(usize, &BudgetLine)> {
        self.lines
            .iter()
            .enumerate()
            .find(|(_, l)| l.name.replace(char::is_whitespace, "") == name)
    }
}

/// One node of a classification tree (类 → 款 → 项) built from a table's coded lines.
#[derive(Debug, Clone, PartialEq)]
pub struct CodeNode {
    pub code: String,
    pub name: String,
    /// Amount in the table's first column.
    pub amount: Option<Decimal>,
    /// Index of its line in the table.
    pub line: usize,
    pub children: Vec<CodeNode>,
}

/// Whether a coded table's codes make a tree the charts can show: every top-level line a 类 code
/// (3 digits) and no 类 printed twice. A table read with its 款/项 codes cut to the 类 (every line
/// "301") does not, and is listed as published but not charted.
pub fn is_sound_tree(t: &BudgetTable) -> bool {
    let tree = code_tree(t);
    let mut codes: Vec<&str> = tree.iter().map(|n| n.code.as_str()).collect();
    let n = codes.len();
    codes.sort_unstable();
    codes.dedup();
    n > 0 && codes.len() == n && codes.iter().all(|c| c.len() == 3)
}

/// The classification tree of a coded table: 类 lines at the top, each 款 under the 类 its code
/// starts with, each 项 under its 款. A line whose parent is not printed stays at the level above
/// (so nothing published is dropped).
pub fn code_tree(t: &BudgetTable) -> Vec<CodeNode> {
    let Some(class) = t.classification() else {
        return Vec::new();
    };
    let levels = class.levels();
    let mut roots: Vec<CodeNode> = Vec::new();
    for (i, l) in t.coded_lines() {
        let code = l.code.clone().unwrap_or_default();
        let node = CodeNode {
            code: code.clone(),
            name: l.name.clone(),
            amount: l.amount(0),
            line: i,
            children: Vec::new(),
        };
        // Walk down from the roots along the prefixes of this code.
        let mut siblings = &mut roots;
        for &len in levels.iter().filter(|&&n| n < code.len()) {
            let prefix = &code[..len];
            match siblings.iter().position(|n| n.code == prefix) {
                Some(k) => siblings = &mut siblings[k].children,
                None => break,
            }
        }
        siblings.push(node);
    }
    roots
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(code: &str, name: &str, a: &str) -> BudgetLine {
        BudgetLine {
            code: (!code.is_empty()).then(|| code.to_string()),
            name: name.into(),
            amounts: vec![Cell(Some(a.parse().unwrap()))],
            source_line: None,
            part: None,
        }
    }

    #[test]
    fn titles_name_their_kinds() {
        for (title, kind) in [
            ("收支预算总表", TableKind::Summary),
            ("财政拨款收支预算总表", TableKind::FiscalSummary),
            ("表八 一般公共预算支出预算表（功能科目）", TableKind::GeneralPublic),
            ("一般公共预算基本支出预算表（经济科目）", TableKind::GeneralPublicBasic),
            ("财政拨款基本支出预算表", TableKind::FiscalBasic),
            ("财政拨款支出预算表（功能科目）", TableKind::FiscalExpenditure),
            ("财政拨款政府性基金支出预算表", TableKind::GovernmentFund),
            ("一般公共预算机关运行经费支出预算表", TableKind::OperatingCosts),
            (
                "“三公”经费、会议费、培训费支出预算表（一般公共预算）",
                TableKind::ThreePublic,
            ),
            ("2017年政府采购预算表", TableKind::Procurement),
            ("支 出 预 算 总 表", TableKind::ExpenditureSummary),
            ("2026年部门财务收支预算总表", TableKind::Summary),
            ("2026年部门一般公共预算支出功能分类预算表", TableKind::GeneralPublic),
            ("2026年部门国有资本经营预算支出功能分类预算表", TableKind::StateCapital),
            (
                "2026年部门一般公共预算基本支出部门预算经济分类预算表",
                TableKind::GeneralPublicBasic,
            ),
            ("2026年部门“三公”经费和机关运行经费预算表", TableKind::ThreePublic),
            ("收入支出决算总表", TableKind::FinalSummary),
            ("收入决算表", TableKind::FinalRevenue),
            ("支出决算表", TableKind::FinalExpenditure),
            ("财政拨款收入支出决算总表", TableKind::FinalFiscalSummary),
            ("一般公共预算财政拨款支出决算表", TableKind::FinalGeneralPublic),
            ("一般公共预算财政拨款基本支出决算表", TableKind::FinalGeneralPublicBasic),
            ("财政拨款“三公”经费支出决算表", TableKind::FinalThreePublic),
            ("政府性基金预算财政拨款收入支出决算表", TableKind::FinalGovernmentFund),
            ("国有资本经营预算财政拨款支出决算表", TableKind::FinalStateCapital),
        ] {
            assert_eq!(TableKind::from_title(title), Some(kind), "{title}");
        }
        assert_eq!(
            TableKind::from_title("一般公共预算支出预算表情况说明").map(|_| ()),
            Some(()),
            "the caller rejects 情况说明 lines"
        );
        assert_eq!(TableKind::from_title("部门职责"), None);
    }

    #[test]
    fn columns_are_typed_by_their_names_and_the_table() {
        let table = |kind, cols: &[&str]| BudgetTable {
            kind,
            title: String::new(),
            unit: "万元".into(),
            columns: cols.iter().map(|c| c.to_string()).collect(),
            lines: vec![],
            notes: vec![],
            source_line: None,
        };
        let f = table(
            TableKind::FinalGeneralPublic,
            &["年初预算数", "全年预算数", "决算数合计", "基本支出", "完成率（%）"],
        );
        let phases: Vec<_> = (0..5).map(|c| f.phase(c)).collect();
        assert_eq!(
            phases,
            [
                Some(Phase::Approved),
                Some(Phase::Adjusted),
                Some(Phase::Executed),
                Some(Phase::Executed),
                None
            ]
        );
        assert_eq!(f.first_of(Phase::Executed), Some(2));
        let g = table(
            TableKind::FinalGeneralPublic,
            &["上年决算数", "年初预算数", "预算调整数", "合计", "决算数"],
        );
        assert_eq!((g.phase(0), g.phase(2)), (None, Some(Phase::Adjusted)));
        assert_eq!(g.first_of(Phase::Executed), Some(4), "the column named 决算 first");
        let t = table(
            TableKind::FinalThreePublic,
            &["公务接待费（预算数）", "公务接待费（决算数）"],
        );
        assert_eq!((t.phase(0), t.phase(1)), (Some(Phase::Approved), Some(Phase::Executed)));
        let b = table(TableKind::GeneralPublic, &["合计", "基本支出"]);
        assert_eq!(
            (b.phase(0), b.phase(1), b.phase(2)),
            (Some(Phase::Approved), Some(Phase::Approved), None)
        );
    }

    #[test]
    fn the_tree_follows_the_codes() {
        let t = BudgetTable {
            kind: TableKind::GeneralPublic,
            title: "一般公共预算支出预算表".into(),
            unit: "万元".into(),
            columns: vec!["金额".into()],
            lines: vec![
                line("", "合计", "9066.79"),
                line("201", "一般公共服务支出", "6463.55"),
                line("20102", "政协事务", "6463.55"),
                line("2010201", "行政运行", "3233.03"),
                line("2010202", "一般行政管理事务", "3230.52"),
                line("208", "社会保障和就业支出", "1509.72"),
                line("2080504", "未归口管理的行政单位离退休", "1509.72"),
            ],
            notes: vec![],
            source_line: None,
        };
        let tree = code_tree(&t);
        assert_eq!(tree.len(), 2);
        assert_eq!(tree[0].children[0].children.len(), 2);
        assert_eq!(
            tree[1].children[0].code, "2080504",
            "a 项 without its 款 stays under the 类"
        );
        assert_eq!(t.total().unwrap().to_string(), "9066.79");
    }
}
