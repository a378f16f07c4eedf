//! The bundle: one department's disclosure for one fiscal year, as the viewer loads it.
//!
//! Invariants every bundle written by Gongkai keeps (checked by [`crate::validate`]):
//! - all amounts are in [`Meta::unit`] (e.g. 万元) unless a field says otherwise;
//! - `None` amounts mean "not stated in the document" (未列) and are never treated as zero;
//! - texts are kept exactly as published (full-width punctuation included), trimmed of layout
//!   whitespace only.

use crate::i18n::Lang;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

#[cfg(feature = "schema")]
use schemars::JsonSchema;

/// The value of [`Bundle::format`].
pub const FORMAT_NAME: &str = "gongkai-bundle";
/// The bundle format version this build writes. Version 2 added [`Bundle::tables`]; version 3 the
/// 决算's comparisons with the budget and the national performance tables (all optional, so a
/// version-2 bundle is a version-3 bundle without them).
pub const FORMAT_VERSION: u32 = 3;
/// The oldest version this build reads (and migrates: a version-1 bundle has no tables).
pub const MIN_FORMAT_VERSION: u32 = 1;

/// One disclosure document turned into data. The root of a bundle JSON file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Bundle {
    /// Always `"gongkai-bundle"`.
    pub format: String,
    /// Format version: this build writes 3 and reads 1 to 3.
    pub version: u32,
    pub meta: Meta,
    /// 部门职责: the numbered duties, in published order.
    pub duties: Vec<Duty>,
    /// 机构设置.
    pub organisation: Organisation,
    /// 收入: revenue total and sources.
    pub revenue: Revenue,
    /// 支出: expenditure total and economic categories.
    pub expenditure: Expenditure,
    /// 比上年增减: change on last year.
    pub change: Change,
    /// 机关运行经费.
    pub operating_costs: OperatingCosts,
    /// 财政拨款“三公”经费.
    pub three_public: ThreePublic,
    /// 绩效预算: performance budget table.
    pub performance: Performance,
    /// 政府采购.
    pub procurement: Procurement,
    /// 国有资产.
    pub assets: Assets,
    /// 名词解释.
    pub glossary: Vec<GlossaryTerm>,
    /// 其他需要说明的事项: paragraphs as published.
    pub notes: Vec<String>,
    /// 决算 only: what the narrative says of the year's spending against its budget, line by line
    /// (version 3; absent in a budget and in a 决算 that states none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub final_accounts: Option<FinalAccounts>,
    /// The standard tables of the national template, as published (version 2; empty when the
    /// document has none).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tables: Vec<crate::tables::BudgetTable>,
    /// The national performance tables (绩效目标表, 绩效自评表), version 3; absent when the
    /// document has none. The seed's own form stays in `performance`.
    #[serde(
        default,
        skip_serializing_if = "crate::performance_targets::PerformanceTargets::is_empty"
    )]
    pub performance_targets: crate::performance_targets::PerformanceTargets,
    /// What the importer could not place, when the bundle came from a document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub import_report: Option<ImportReport>,
}

/// Who published what, for which year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Meta {
    pub region: Region,
    /// 部门 name, e.g. 平乡县发展改革局.
    pub department: String,
    /// Fiscal (calendar) year the budget is for, e.g. 2017.
    pub fiscal_year: i32,
    pub kind: DocumentKind,
    /// Unit of every amount in the bundle, e.g. "万元" (10,000 yuan) or "元".
    pub unit: String,
    /// Title of the source document as published.
    pub title: String,
    pub source: Source,
}

/// Administrative region; any part may be unknown.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Region {
    pub province: Option<String>,
    pub city: Option<String>,
    pub county: Option<String>,
}

/// 部门预算 (budget) or 部门决算 (final accounts).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    Budget,
    FinalAccounts,
}

/// Where the document came from.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Who published it (usually the department itself).
    pub publisher: Option<String>,
    /// Where it was published (web address), when known.
    pub url: Option<String>,
    /// File name of the document the bundle was imported from.
    pub file: Option<String>,
}

/// One numbered duty (部门职责).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Duty {
    /// Published label, e.g. "（一）"; may be empty.
    pub label: String,
    pub text: String,
}

/// 机构设置.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    /// The published sentence, e.g. "本部门由以下基层单位构成：…".
    pub text: String,
    /// Sub-units named in it, in published order.
    pub units: Vec<String>,
}

/// A named amount (a revenue source, an expenditure category…).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Line {
    pub name: String,
    /// In [`Meta::unit`]; `null` when not stated.
    #[serde(with = "crate::amount::opt")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub amount: Option<Decimal>,
}

/// 收入说明.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Revenue {
    #[serde(with = "crate::amount::opt")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub total: Option<Decimal>,
    /// Sources, e.g. 一般公共预算拨款; they should sum to `total`.
    pub sources: Vec<Line>,
    /// The published paragraph.
    pub text: String,
}

/// Whether spending keeps the department running (基本支出) or funds projects (项目支出).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SpendingClass {
    Basic,
    Project,
}

/// One economic category of expenditure (工资福利支出, 日常公用经费…).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ExpenditureCategory {
    pub name: String,
    #[serde(with = "crate::amount::opt")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub amount: Option<Decimal>,
    pub class: SpendingClass,
}

/// 支出说明.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Expenditure {
    #[serde(with = "crate::amount::opt")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub total: Option<Decimal>,
    /// Categories by economic classification; they should sum to `total`.
    pub categories: Vec<ExpenditureCategory>,
    pub text: String,
}

/// 比上年增减: this year minus last year, as published (positive = increase).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Change {
    /// The year compared with, e.g. 2016.
    pub base_year: Option<i32>,
    #[serde(with = "crate::amount::opt")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub total: Option<Decimal>,
    #[serde(with = "crate::amount::opt")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub basic: Option<Decimal>,
    #[serde(with = "crate::amount::opt")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub project: Option<Decimal>,
    pub text: String,
}

/// 机关运行经费.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct OperatingCosts {
    #[serde(with = "crate::amount::opt")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub amount: Option<Decimal>,
    /// What it covers, as published (办公费、印刷费…).
    pub covers: String,
    pub text: String,
}

/// Which of the three “三公” items a line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ThreePublicKind {
    /// 因公出国（境）费.
    Overseas,
    /// 公务用车运行维护费 / 公车运行.
    VehicleOperation,
    /// 公务用车购置费.
    VehiclePurchase,
    /// 公务用车购置及运行费 published as one figure.
    Vehicles,
    /// 公务接待费.
    Reception,
}

/// One “三公” line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ThreePublicItem {
    /// Name as published, e.g. "公车运行".
    pub name: String,
    pub kind: ThreePublicKind,
    #[serde(with = "crate::amount::opt")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub amount: Option<Decimal>,
    /// Change on last year; `null` when the document does not state it.
    #[serde(with = "crate::amount::opt")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub change: Option<Decimal>,
    /// How the change was published, e.g. "同上年持平" or "比上年增加2.35万元".
    pub change_text: String,
    /// The published reason for the change; empty when none is given.
    pub reason: String,
    /// 预算数: in a 决算, the item's budget the 决算 prints beside `amount` (its 决算数);
    /// `null` in a budget, or when not printed (version 3).
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::amount::opt")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub budget: Option<Decimal>,
}

/// 财政拨款“三公”经费.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ThreePublic {
    #[serde(with = "crate::amount::opt")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub total: Option<Decimal>,
    #[serde(with = "crate::amount::opt")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub total_change: Option<Decimal>,
    pub items: Vec<ThreePublicItem>,
    pub text: String,
}

/// A 决算's narrative comparisons of budget and actual (“年初预算为…万元，支出决算为…万元，完成年初
/// 预算的…%。决算数小于预算数的主要原因：…”), in published order.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FinalAccounts {
    /// One per line the narrative explains: its whole 一般公共预算财政拨款支出 first when stated,
    /// then each 功能分类 line.
    pub comparisons: Vec<BudgetComparison>,
    /// The “三公” total's comparison (年初预算, 决算, 完成率, reason), when stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub three_public: Option<BudgetComparison>,
}

/// One line's budget against its actual, as a 决算's narrative states it. Amounts in
/// [`Meta::unit`]; `null` when the sentence does not state them (never computed).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct BudgetComparison {
    /// The 功能分类 code of the line the name designates, found in the 决算's own tables (its
    /// 类, 款 and 项 names all match); `null` for a total or when no table line matches.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// The line as named, e.g. "社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项）".
    pub name: String,
    /// 主要用于：what the line paid for, as published; empty when not stated.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub purpose: String,
    /// 年初预算 (the budget as approved).
    #[serde(with = "crate::amount::opt")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub budget: Option<Decimal>,
    /// 全年预算 / 调整预算 (the budget as adjusted during the year), when stated.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::amount::opt")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub adjusted_budget: Option<Decimal>,
    /// 支出决算 / 决算数 (what was spent).
    #[serde(with = "crate::amount::opt")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub actual: Option<Decimal>,
    /// 完成率 as printed, e.g. "95.45%"; `null` when not printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate: Option<String>,
    /// The published explanation of the difference (“主要原因：…”), or the sentence saying there
    /// is none (“决算数同预算数持平。”); empty when the narrative gives neither.
    pub reason: String,
    /// Line of the source document where the comparison starts (1-based), when imported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_line: Option<usize>,
}

impl BudgetComparison {
    /// The budget the 决算 is measured against: the adjusted one (全年预算) when stated, else the
    /// approved one (年初预算). Documents that state both compute their 完成率 on the former.
    pub fn reference_budget(&self) -> Option<Decimal> {
        self.adjusted_budget.or(self.budget)
    }
    /// 完成率 as printed, as a number of percent ("95.45%" → 95.45).
    pub fn printed_rate(&self) -> Option<Decimal> {
        self.rate
            .as_deref()?
            .trim()
            .trim_end_matches(['%', '％'])
            .trim()
            .parse()
            .ok()
    }
}

/// 绩效预算信息.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Performance {
    /// 职责活动, in published order. Their amounts should sum to 项目支出.
    pub activities: Vec<Activity>,
}

/// A 职责活动 (duty activity) or one of its sub-activities.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Activity {
    pub name: String,
    /// 年度预算数 in [`Meta::unit`]; `null` when the cell is blank.
    #[serde(with = "crate::amount::opt")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub amount: Option<Decimal>,
    /// 内容描述.
    pub description: String,
    /// 绩效目标.
    pub goal: String,
    /// 绩效指标 listed on this row itself.
    #[serde(default)]
    pub indicators: Vec<Indicator>,
    /// Sub-activities (empty for a sub-activity). Their amounts should sum to this one's.
    #[serde(default)]
    pub sub_activities: Vec<Activity>,
}

/// One 绩效指标 with its 评价标准 (grade thresholds) kept as published text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    pub name: String,
    /// 优 (excellent); `null` when the cell is blank.
    pub excellent: Option<String>,
    /// 良 (good).
    pub good: Option<String>,
    /// 中 (fair).
    pub fair: Option<String>,
    /// 差 (poor).
    pub poor: Option<String>,
}

/// 政府采购预算.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Procurement {
    /// Total planned procurement; `null` when none is stated (see `text`).
    #[serde(with = "crate::amount::opt")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub total: Option<Decimal>,
    /// Procurement lines, when the document lists them.
    #[serde(default)]
    pub items: Vec<Line>,
    pub text: String,
}

/// 国有资产信息.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Assets {
    /// The published sentence before the table.
    pub text: String,
    /// Unit of the value columns (usually the bundle unit, 万元).
    pub value_unit: String,
    /// Top-level rows (一、固定资产, 二、长期投资…), each with its sub-rows.
    pub rows: Vec<AssetRow>,
}

/// How a row relates to its parent's total.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum AssetRole {
    /// Adds to the parent (the usual case).
    #[default]
    Part,
    /// "其中：" rows: included in the parent but not a full breakdown of it.
    OfWhich,
    /// "减：" rows: subtracted from the parent (depreciation, amortisation).
    Deduction,
}

/// One row of the assets table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AssetRow {
    /// Row name as published, e.g. "（二）车辆（台、辆）".
    pub name: String,
    /// Unit of the quantity columns, e.g. "台、辆"; `null` when the row has no quantity.
    pub quantity_unit: Option<String>,
    pub role: AssetRole,
    /// 数量 at the start / end of the year; `null` when the cell is "—" or blank.
    #[serde(with = "crate::amount::opt")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub quantity_start: Option<Decimal>,
    #[serde(with = "crate::amount::opt")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub quantity_end: Option<Decimal>,
    /// 价值 at the start / end of the year in [`Assets::value_unit`].
    #[serde(with = "crate::amount::opt")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub value_start: Option<Decimal>,
    #[serde(with = "crate::amount::opt")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub value_end: Option<Decimal>,
    #[serde(default)]
    pub children: Vec<AssetRow>,
}

/// One 名词解释 entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct GlossaryTerm {
    pub term: String,
    pub definition: String,
}

/// What the importer read and what it could not place.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ImportReport {
    /// Input format the importer recognised ("text", "pdf-text", "docx").
    pub input: String,
    /// Number of lines of text read.
    pub lines: usize,
    /// Sections found, in document order (e.g. "部门职责", "绩效预算").
    pub sections_found: Vec<String>,
    /// Sections a full disclosure has that this document lacks.
    pub sections_missing: Vec<String>,
    /// Lines the importer skipped or could not place.
    pub skipped: Vec<SkippedLine>,
    /// Facts the document does not state that the person importing it supplied (`--year`,
    /// `--department`, or the viewer's form), e.g. "meta.fiscal_year = 2019".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub supplied: Vec<String>,
    /// Where each page of the source begins in the text that was read (PDF input, or several
    /// files imported together), in line order; empty for a single text file. A figure's
    /// `source_line` falls on the page of the last entry whose `line` is ≤ it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pages: Vec<SourcePage>,
}

/// The first line of one page (or file) of the source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SourcePage {
    /// 1-based line number in the text that was read, as in `SkippedLine::line`.
    pub line: usize,
    /// The file the page is in (set when several files were imported together).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// 1-based page number in that file (PDF); `None` for a file without pages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
}

impl ImportReport {
    /// The page (and file) a source line is on, when the source had pages or several files.
    pub fn page_of(&self, line: usize) -> Option<&SourcePage> {
        let i = self.pages.partition_point(|p| p.line <= line);
        i.checked_sub(1).map(|i| &self.pages[i])
    }
}

/// A line of the source the importer did not use, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SkippedLine {
    /// 1-based line number in the source text.
    pub line: usize,
    pub text: String,
    pub reason: String,
}

impl Bundle {
    /// An empty bundle of the current format, for importers to fill.
    pub fn empty(meta: Meta) -> Bundle {
        Bundle {
            format: FORMAT_NAME.to_string(),
            version: FORMAT_VERSION,
            meta,
            duties: Vec::new(),
            organisation: Organisation::default(),
            revenue: Revenue::default(),
            expenditure: Expenditure::default(),
            change: Change::default(),
            operating_costs: OperatingCosts::default(),
            three_public: ThreePublic::default(),
            performance: Performance::default(),
            procurement: Procurement::default(),
            assets: Assets::default(),
            glossary: Vec::new(),
            notes: Vec::new(),
            tables: Vec::new(),
            final_accounts: None,
            performance_targets: Default::default(),
            import_report: None,
        }
    }

    /// The 支出预算总表 with its one row, when the bundle has it in its own unit.
    pub fn expenditure_summary(&self) -> Option<&crate::tables::BudgetTable> {
        self.tables.iter().find(|t| {
            t.kind == crate::tables::TableKind::ExpenditureSummary && t.unit == self.meta.unit && t.lines.len() == 1
        })
    }

    /// A column of the 支出预算总表 (e.g. "基本支出"), when the bundle has that table.
    pub fn expenditure_summary_column(&self, name: &str) -> Option<Decimal> {
        let t = self.expenditure_summary()?;
        t.column(name).and_then(|c| t.lines[0].amount(c))
    }

    /// Whether the expenditure categories are the split by use (基本支出, 项目支出, 单位预留机动经费…,
    /// as a national-template narrative states it) rather than economic categories (工资福利支出…,
    /// as the county form does): one of them is named 基本支出.
    pub fn categories_by_use(&self) -> bool {
        self.expenditure
            .categories
            .iter()
            .any(|c| crate::tables::without_number(&c.name) == "基本支出")
    }

    /// 基本支出 as the document states it: the 支出预算总表's column, else the category named so
    /// when the categories are the split by use, else the sum of the basic categories.
    pub fn stated_basic(&self) -> Option<Decimal> {
        self.stated_use("基本支出", SpendingClass::Basic)
    }

    /// 项目支出 as the document states it (as [`Bundle::stated_basic`]).
    pub fn stated_project(&self) -> Option<Decimal> {
        self.stated_use("项目支出", SpendingClass::Project)
    }

    fn stated_use(&self, name: &str, class: SpendingClass) -> Option<Decimal> {
        if let Some(v) = self.expenditure_summary_column(name) {
            return Some(v);
        }
        if self.categories_by_use() {
            return self
                .expenditure
                .categories
                .iter()
                .find(|c| crate::tables::without_number(&c.name) == name)
                .and_then(|c| c.amount);
        }
        sum_class(&self.expenditure.categories, class)
    }

    /// 基本支出: the sum of the basic categories, or `None` if any is blank or there are none.
    pub fn basic_expenditure(&self) -> Option<Decimal> {
        sum_class(&self.expenditure.categories, SpendingClass::Basic)
    }

    /// 项目支出: the sum of the project categories, or `None` if any is blank or there are none.
    pub fn project_expenditure(&self) -> Option<Decimal> {
        sum_class(&self.expenditure.categories, SpendingClass::Project)
    }

    /// Every indicator with the activity and sub-activity it belongs to, in table order.
    pub fn indicators(&self) -> impl Iterator<Item = (&Activity, Option<&Activity>, &Indicator)> {
        self.performance.activities.iter().flat_map(|a| {
            a.indicators.iter().map(move |i| (a, None, i)).chain(
                a.sub_activities
                    .iter()
                    .flat_map(move |s| s.indicators.iter().map(move |i| (a, Some(s), i))),
            )
        })
    }

    /// Number of sub-activities in the performance table.
    pub fn sub_activity_count(&self) -> usize {
        self.performance.activities.iter().map(|a| a.sub_activities.len()).sum()
    }
}

fn sum_class(cats: &[ExpenditureCategory], class: SpendingClass) -> Option<Decimal> {
    let mut it = cats.iter().filter(|c| c.class == class).peekable();
    it.peek()?;
    it.map(|c| c.amount).sum()
}

impl ThreePublicItem {
    /// An item with no change or reason stated (yet).
    pub fn new(name: String, kind: ThreePublicKind, amount: Option<Decimal>) -> ThreePublicItem {
        ThreePublicItem {
            name,
            kind,
            amount,
            change: None,
            change_text: String::new(),
            reason: String::new(),
            budget: None,
        }
    }
}

impl Meta {
    /// True for test data made by a generator (its title says 生成的测试数据 or （生成）), never
    /// shipped in data/; the viewer says so wherever such a bundle is compared.
    pub fn is_generated(&self) -> bool {
        self.title.contains("生成的测试数据") || self.department.contains("生成的测试数据")
    }
    /// Metadata with everything unknown except what is given.
    pub fn new(department: &str, fiscal_year: i32, unit: &str) -> Meta {
        Meta {
            region: Region::default(),
            department: department.to_string(),
            fiscal_year,
            kind: DocumentKind::Budget,
            unit: unit.to_string(),
            title: String::new(),
            source: Source::default(),
        }
    }
}

impl DocumentKind {
    /// Chinese name of the kind of document.
    /// Its name in the interface language ("部门预算" / "department budget").
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            DocumentKind::Budget => crate::tr!(lang, "kind.budget"),
            DocumentKind::FinalAccounts => crate::tr!(lang, "kind.final_accounts"),
        }
    }
    pub fn label_zh(self) -> &'static str {
        match self {
            DocumentKind::Budget => "部门预算",
            DocumentKind::FinalAccounts => "部门决算",
        }
    }
}

/// What kind of thresholds an indicator has, for filtering.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThresholdKind {
    /// At least one grade is a percentage ("≥95%").
    Percentage,
    /// Grades are counts or amounts ("≥4", "3").
    Count,
    /// Grades are words ("全部如期完成").
    Text,
    /// No grade is set.
    NotSet,
}

impl Indicator {
    /// The four grades in order 优, 良, 中, 差.
    pub fn grades(&self) -> [&Option<String>; 4] {
        [&self.excellent, &self.good, &self.fair, &self.poor]
    }

    /// Classifies the thresholds: percentage, count, text, or not set.
    pub fn threshold_kind(&self) -> ThresholdKind {
        let set: Vec<&str> = self.grades().iter().filter_map(|g| g.as_deref()).collect();
        if set.is_empty() {
            ThresholdKind::NotSet
        } else if set.iter().any(|g| g.contains('%') || g.contains('％')) {
            ThresholdKind::Percentage
        } else if set.iter().all(|g| {
            let core = g.trim_start_matches(['≥', '≤', '>', '<', '＞', '＜', '⩾', '⩽', '=', ' ']);
            !core.is_empty() && core.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',')
        }) {
            ThresholdKind::Count
        } else {
            ThresholdKind::Text
        }
    }
}
