//! Importer: a published 部门预算公开 document → a Gongkai [`Bundle`] plus an import report.
//!
//! Pipeline: bytes → one producer per input (PDF, Excel, Word, text: [`grid`]) → the document's
//! lines and its tables as grids ([`grid::Blocks`]) → the standard tables read from the grids by
//! their titles and headers ([`standard`]) → the narrative's sections by heading from the lines
//! no table took → one reader per section (narrative sentences, performance table, assets
//! table). Whatever a reader cannot place is recorded in [`ImportReport::skipped`] with its line
//! number; the importer never panics on any input (fuzzed, see tests/).

pub mod decode;
pub mod docx;
pub mod final_accounts;
pub mod grid;
pub mod lines;
pub mod narrative;
pub mod pdf;
pub mod pdftext;
pub mod standard;
mod tables;
pub mod text;
pub mod workbook;

use gongkai_model::*;
use lines::{heading_kind, split_lines, SectionKind, SrcLine};

/// What the caller knows that the document does not say.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// File name recorded in `meta.source.file`.
    pub file_name: Option<String>,
    pub province: Option<String>,
    pub city: Option<String>,
    /// Web address the document was published at.
    pub url: Option<String>,
    /// The fiscal year, when the document does not state it (`--year`).
    pub year: Option<i32>,
    /// The department, when the document does not name it (`--department`).
    pub department: Option<String>,
    /// The interface language of the import report's section names (the CLI's `--lang`, the
    /// viewer's language).
    pub lang: gongkai_model::i18n::Lang,
}

/// Why a document could not be imported at all (anything less is an import-report entry).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    Decode(decode::DecodeError),
    /// A .docx file that cannot be read.
    Docx(docx::DocxError),
    /// An Excel workbook (.xlsx, .xls) that cannot be read.
    Workbook(workbook::WorkbookError),
    /// A PDF that cannot be read (damaged, password, scanned, too slow).
    Pdf(pdf::PdfError),
    /// A PDF given to a build without the PDF reader (the `pdf` feature).
    PdfNotSupported,
    /// Nothing in the text looks like a budget disclosure.
    NotADisclosure {
        lines: usize,
    },
    /// Larger than [`MAX_DOCUMENT_BYTES`].
    TooLarge {
        bytes: usize,
    },
    /// The document does not state its fiscal year or department, and the caller did not give
    /// them: nothing is guessed.
    Missing(Vec<narrative::MissingFact>),
}

/// Largest document accepted (a county disclosure is well under 1 MB; 64 MB leaves room for a
/// whole year's documents pasted together, and keeps the browser responsive).
pub const MAX_DOCUMENT_BYTES: usize = 64 * 1024 * 1024;

impl ImportError {
    /// The reason in words; a PDF's reason in `lang` (the rest is in English).
    pub fn message(&self, lang: gongkai_model::i18n::Lang) -> String {
        match self {
            ImportError::Pdf(e) => format!("cannot read the PDF: {}", e.message(lang)),
            e => e.to_string(),
        }
    }
}

/// A PDF's reason in Chinese, the default interface language (see [`ImportError::message`]).
impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ImportError::Decode(e) => write!(f, "cannot read the document: {e}"),
            ImportError::Docx(e) => write!(f, "cannot read the Word document: {e}"),
            ImportError::Workbook(e) => write!(f, "cannot read the Excel workbook: {e}"),
            ImportError::Pdf(e) => write!(f, "cannot read the PDF: {e}"),
            ImportError::PdfNotSupported => write!(f, "this build of Gongkai cannot read PDF files"),
            ImportError::NotADisclosure { lines } => write!(
                f,
                "no part of the {lines} lines looks like a 部门预算公开 disclosure (no section heading such as 部门职责, 收入说明, “三公”经费 or 绩效预算 was found)"
            ),
            ImportError::TooLarge { bytes } => write!(f, "the document is {bytes} bytes, more than the limit of {MAX_DOCUMENT_BYTES}"),
            ImportError::Missing(facts) => {
                let what: Vec<&str> = facts
                    .iter()
                    .map(|m| match m {
                        narrative::MissingFact::Year => "its fiscal year (no “2017年” in its title or in a table title; give it with --year 2017)",
                        narrative::MissingFact::Department => "its department (no name in its title or in a table's 部门： line; give it with --department 名称)",
                    })
                    .collect();
                write!(f, "the document does not state {}; nothing was guessed", what.join(", nor "))
            }
        }
    }
}

impl std::error::Error for ImportError {}

/// Imports a document from its raw bytes (any supported text encoding, .docx, .xlsx/.xls, PDF).
pub fn import_bytes(bytes: &[u8], opts: &ImportOptions) -> Result<Bundle, ImportError> {
    let name = opts.file_name.clone().unwrap_or_default();
    import_documents(&[Document { name: &name, bytes }], opts, &mut |_| true).map_err(|e| e.error)
}

/// One file given to [`import_documents`].
#[derive(Debug, Clone, Copy)]
pub struct Document<'a> {
    /// File name (for messages and provenance).
    pub name: &'a str,
    pub bytes: &'a [u8],
}

/// How far an import is, for a progress line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    /// Reading page `page` of `pages` of file `file` (0-based index into the documents).
    Page { file: usize, page: usize, pages: usize },
}

/// The time limit of each PDF file, for [`import_documents`]' `progress`: `now()` in
/// milliseconds from any fixed origin (`Instant` natively, `Date.now()` in the browser, where
/// `Instant` does not exist); each file gets `seconds` from its first page.
pub struct PerFileLimit<F: FnMut() -> f64> {
    now: F,
    limit_ms: f64,
    started: Option<(usize, f64)>,
}

impl<F: FnMut() -> f64> PerFileLimit<F> {
    pub fn new(seconds: f64, now: F) -> Self {
        PerFileLimit {
            now,
            limit_ms: seconds * 1000.0,
            started: None,
        }
    }

    /// Whether reading may go on at this page.
    pub fn keep_going(&mut self, p: Progress) -> bool {
        let Progress::Page { file, .. } = p;
        let now = (self.now)();
        match self.started {
            Some((f, t)) if f == file => now - t <= self.limit_ms,
            _ => {
                self.started = Some((file, now));
                true
            }
        }
    }
}

/// Why one of several documents stopped the import: the file and the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentError {
    pub file: String,
    pub error: ImportError,
}

impl DocumentError {
    /// The file and the reason, a PDF's in `lang` (see [`ImportError::message`]).
    pub fn message(&self, lang: gongkai_model::i18n::Lang) -> String {
        if self.file.is_empty() {
            self.error.message(lang)
        } else {
            format!("{}: {}", self.file, self.error.message(lang))
        }
    }
}

impl std::fmt::Display for DocumentError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.file.is_empty() {
            write!(f, "{}", self.error)
        } else {
            write!(f, "{}: {}", self.file, self.error)
        }
    }
}

/// The text of one document, where its pages begin (0-based line, 1-based page), and the
/// tables its producer read as grids (cells citing lines of `text`, 1-based).
struct DocText {
    text: String,
    input: &'static str,
    pages: Vec<(usize, u32)>,
    grids: Vec<grid::Grid>,
}

fn document_text(
    bytes: &[u8],
    file: usize,
    progress: &mut dyn FnMut(Progress) -> bool,
) -> Result<DocText, ImportError> {
    if bytes.len() > MAX_DOCUMENT_BYTES {
        return Err(ImportError::TooLarge { bytes: bytes.len() });
    }
    let plain = |text: String, input| DocText {
        text,
        input,
        pages: Vec::new(),
        grids: Vec::new(),
    };
    if pdf::looks_like_pdf(bytes) {
        #[cfg(feature = "pdf")]
        {
            let read = pdf::pdf_text(bytes, &mut |page, pages| progress(Progress::Page { file, page, pages }))
                .map_err(ImportError::Pdf)?;
            let mut pages = Vec::new();
            for (i, p) in read.line_pages.iter().enumerate() {
                if pages.last().is_none_or(|(_, last)| last != p) {
                    pages.push((i, *p));
                }
            }
            return Ok(DocText {
                text: read.text,
                input: "pdf",
                pages,
                grids: read.grids,
            });
        }
        #[cfg(not(feature = "pdf"))]
        {
            let _ = (file, progress);
            return Err(ImportError::PdfNotSupported);
        }
    }
    if workbook::looks_like_workbook(bytes) {
        let (text, grids) = workbook::workbook_blocks(bytes).map_err(ImportError::Workbook)?;
        return Ok(DocText {
            grids,
            ..plain(text, "xlsx")
        });
    }
    if bytes.starts_with(b"PK\x03\x04") {
        // A Word document of the national standard tables: its tables as grids (and laid out
        // in columns in its text); the county template's tables keep one cell per line.
        let (laid, grids) = docx::docx_blocks(bytes).map_err(ImportError::Docx)?;
        if !standard::table_titles(&split_lines(&laid)).is_empty()
            || grids.iter().any(standard::performance::is_performance_grid)
        {
            return Ok(DocText {
                grids,
                ..plain(laid, "docx")
            });
        }
        return Ok(plain(docx::docx_text(bytes).map_err(ImportError::Docx)?, "docx"));
    }
    let (text, _encoding) = decode::decode(bytes).map_err(ImportError::Decode)?;
    Ok(plain(text, "text"))
}

/// What the importer reads from a document, as `gongkai text` prints it: its lines (a PDF's pages
/// laid out in columns and separated by form feeds, a Word or Excel file's text, text decoded)
/// with every table drawn as the grid the readers see, where it is printed.
pub fn document_text_of(bytes: &[u8]) -> Result<String, ImportError> {
    let d = document_text(bytes, 0, &mut |_| true)?;
    let lines = split_lines(&d.text);
    let mut skipped = Vec::new();
    let grids = all_grids(&lines, d.grids, &mut skipped);
    Ok(grid::Blocks { lines, grids }.draw())
}

/// The producer's grids and, from the lines they did not take, the grids the text producer lays
/// out (a PDF page without rules, a text file), in document order.
fn all_grids(lines: &[SrcLine], mut grids: Vec<grid::Grid>, skipped: &mut Vec<SkippedLine>) -> Vec<grid::Grid> {
    let covered: std::collections::BTreeSet<usize> = grids.iter().flat_map(|g| g.lines.iter().copied()).collect();
    let rest: Vec<SrcLine> = lines
        .iter()
        .map(|l| SrcLine {
            no: l.no,
            text: if covered.contains(&l.no) {
                String::new()
            } else {
                l.text.clone()
            },
        })
        .collect();
    grids.extend(grid::text::grids(&rest, skipped));
    // The performance tables laid out as text, from the lines no grid took.
    let taken: std::collections::BTreeSet<usize> = grids.iter().flat_map(|g| g.lines.iter().copied()).collect();
    let rest: Vec<SrcLine> = rest
        .into_iter()
        .map(|l| {
            if taken.contains(&l.no) {
                SrcLine {
                    no: l.no,
                    text: String::new(),
                }
            } else {
                l
            }
        })
        .collect();
    grids.extend(standard::performance::text_grids(&rest, skipped));
    let start = |g: &grid::Grid| {
        g.caption
            .iter()
            .map(|c| c.0)
            .chain(g.lines.iter().copied())
            .min()
            .unwrap_or(0)
    };
    grids.sort_by_key(start);
    grids
}

/// Imports one disclosure published as one or several files (e.g. the narrative as one PDF and
/// the tables as another, or as an Excel workbook) into one bundle. The files are read in the
/// order given; `progress` is called before each PDF page and may stop the import by returning
/// false (a time limit). The import report says on which file and page each line was.
pub fn import_documents(
    docs: &[Document],
    opts: &ImportOptions,
    progress: &mut dyn FnMut(Progress) -> bool,
) -> Result<Bundle, DocumentError> {
    let err = |file: &str, error| DocumentError {
        file: file.to_string(),
        error,
    };
    let mut text = String::new();
    let mut pages: Vec<SourcePage> = Vec::new();
    let mut inputs: Vec<&str> = Vec::new();
    let mut grids: Vec<grid::Grid> = Vec::new();
    for (i, d) in docs.iter().enumerate() {
        let read = document_text(d.bytes, i, progress).map_err(|e| err(d.name, e))?;
        if !inputs.contains(&read.input) {
            inputs.push(read.input);
        }
        if i > 0 {
            if !text.ends_with('\n') {
                text.push('\n');
            }
            // Each file starts on a new page.
            text.push('\u{0c}');
        }
        // 0-based index of the file's first line in the whole text.
        let lines_before = text.matches('\n').count();
        let file = (docs.len() > 1).then(|| d.name.to_string());
        if read.pages.is_empty() && docs.len() > 1 {
            pages.push(SourcePage {
                line: lines_before + 1,
                file: file.clone(),
                page: None,
            });
        }
        for (line, page) in &read.pages {
            pages.push(SourcePage {
                line: lines_before + line + 1,
                file: file.clone(),
                page: Some(*page),
            });
        }
        for mut g in read.grids {
            for c in &mut g.cells {
                if c.line > 0 {
                    c.line += lines_before;
                }
            }
            for l in &mut g.lines {
                *l += lines_before;
            }
            for c in &mut g.caption {
                c.0 += lines_before;
            }
            grids.push(g);
        }
        text.push_str(&read.text);
    }
    let input = inputs.join("+");
    let opts = match (&opts.file_name, docs) {
        (None, [d]) if !d.name.is_empty() => ImportOptions {
            file_name: Some(d.name.to_string()),
            ..opts.clone()
        },
        (None, [_, _, ..]) => ImportOptions {
            file_name: Some(docs.iter().map(|d| d.name).collect::<Vec<_>>().join(" + ")),
            ..opts.clone()
        },
        _ => opts.clone(),
    };
    let file_label = if docs.len() == 1 { docs[0].name } else { "" };
    let mut b = import_as(&text, grids, Some(input.as_str()).filter(|i| *i != "text"), &opts)
        .map_err(|e| err(file_label, e))?;
    if let Some(r) = b.import_report.as_mut() {
        r.pages = pages;
    }
    Ok(b)
}

/// Imports a document from text.
pub fn import_text(text: &str, opts: &ImportOptions) -> Result<Bundle, ImportError> {
    import_as(text, Vec::new(), None, opts)
}

/// Imports text and the grids its producer read; `input` names where the text came from (e.g.
/// "docx") when not plain text.
fn import_as(
    text: &str,
    grids: Vec<grid::Grid>,
    input: Option<&str>,
    opts: &ImportOptions,
) -> Result<Bundle, ImportError> {
    if text.len() > MAX_DOCUMENT_BYTES {
        return Err(ImportError::TooLarge { bytes: text.len() });
    }
    let mut lines = split_lines(text);
    // The standard tables, read from the grids (the text producer lays out the lines no other
    // producer took, before PDF text is re-flowed).
    let mut laid_skipped = Vec::new();
    let ruled = grids;
    let mut blocks = grid::Blocks {
        grids: all_grids(&lines, ruled.clone(), &mut laid_skipped),
        lines: lines.clone(),
    };
    let mut standard = standard::read(&blocks);
    if !standard.uncertain.is_empty() {
        // Ruled grids that could not be read for certain: their tables are laid out from the
        // page's text instead (which reads them, or reports them).
        let drop: Vec<&grid::Grid> = standard.uncertain.iter().map(|i| &blocks.grids[*i]).collect();
        let kept: Vec<grid::Grid> = ruled.into_iter().filter(|g| !drop.contains(&g)).collect();
        laid_skipped.clear();
        blocks.grids = all_grids(&lines, kept, &mut laid_skipped);
        standard = standard::read(&blocks);
    }
    standard.skipped.extend(laid_skipped);
    // The national performance tables (绩效目标表, 绩效自评表): forms with their own reader.
    let perf = standard::performance::read(&blocks);
    standard.consumed.extend(perf.consumed.iter().copied());
    // Lines a standard table took are not read again as narrative (a table row is never a
    // duty): they become blank, which also ends any paragraph around them.
    for l in lines.iter_mut().filter(|l| standard.consumed.contains(&l.no)) {
        l.text.clear();
    }
    let pdf = pdftext::looks_like_pdf_text(text);
    if pdf {
        lines = pdftext::clean(lines);
    } else {
        lines::strip_page_breaks(&mut lines);
    }
    let bookmarks = strip_conversion_marks(&mut lines);
    let mut sections = split_sections(&lines);
    if sections.iter().all(|(k, _)| *k == SectionKind::Title) {
        sections = classify_paragraphs(&lines);
    }
    // Only a title and loose paragraphs, and no standard table: not a budget disclosure.
    if sections
        .iter()
        .all(|(k, _)| matches!(k, SectionKind::Title | SectionKind::Notes))
        && standard.tables.is_empty()
        && perf.targets.is_empty()
    {
        return Err(ImportError::NotADisclosure { lines: lines.len() });
    }

    let first_table = standard.tables.iter().filter_map(|t| t.source_line).min();
    let title_lines: Vec<&SrcLine> = sections
        .iter()
        .filter(|(k, _)| *k == SectionKind::Title)
        .flat_map(|(_, ls)| ls.iter())
        .filter(|l| !l.is_blank())
        // The title is what comes before the first standard table: a file that opens with a
        // table has none (its department is the table's 部门： line), never a table's leftovers.
        .filter(|l| first_table.is_none_or(|t| l.no < t))
        .collect();
    let mut report = ImportReport {
        input: input.unwrap_or(if pdf { "pdf-text" } else { "text" }).into(),
        // Lines as an editor counts them (before PDF paragraphs are re-joined).
        lines: text.strip_suffix('\n').unwrap_or(text).split('\n').count(),
        ..Default::default()
    };
    report.skipped.extend(bookmarks);
    if let Some(y) = opts.year {
        report.supplied.push(format!("meta.fiscal_year = {y}"));
    }
    if let Some(d) = &opts.department {
        report.supplied.push(format!("meta.department = {d}"));
    }
    // A document of performance tables only names its year in their titles and its department
    // as their 主管部门.
    let meta_opts = ImportOptions {
        year: opts.year.or(if standard.tables.is_empty() { perf.year } else { None }),
        ..opts.clone()
    };
    let meta = narrative::meta(
        &title_lines,
        text,
        &meta_opts,
        standard.department.as_deref().or(perf.department.as_deref()),
    )
    .map_err(ImportError::Missing)?;
    let mut b = Bundle::empty(meta);
    if standard.tables.is_empty()
        && !perf.targets.is_empty()
        && perf
            .targets
            .projects
            .iter()
            .all(|p| p.form == gongkai_model::performance_targets::PerformanceForm::SelfEvaluation)
    {
        // 自评 tables alone: the 决算 side of the year.
        b.meta.kind = DocumentKind::FinalAccounts;
    }
    let unit = b.meta.unit.clone();

    for (kind, body) in &sections {
        let name = kind.name().to_string();
        if *kind != SectionKind::Title && !report.sections_found.contains(&name) {
            report.sections_found.push(name);
        }
        let skipped = &mut report.skipped;
        match kind {
            SectionKind::Title => {}
            SectionKind::Duties => narrative::duties(body, &mut b),
            SectionKind::Organisation => narrative::organisation(body, &mut b),
            SectionKind::Overall => narrative::overall(body, &mut b, &unit, skipped),
            SectionKind::Revenue => narrative::revenue(body, &mut b, &unit),
            SectionKind::Expenditure => narrative::expenditure(body, &mut b, &unit),
            SectionKind::Change => narrative::change(body, &mut b, &unit),
            SectionKind::OperatingCosts => narrative::operating_costs(body, &mut b, &unit),
            SectionKind::ThreePublic => narrative::three_public(body, &mut b, &unit),
            SectionKind::Performance => tables::performance(body, &mut b, skipped),
            SectionKind::Procurement => narrative::procurement(body, &mut b, &unit),
            SectionKind::Assets => tables::assets(body, &mut b, &unit, skipped),
            SectionKind::Glossary => narrative::glossary(body, &mut b, skipped),
            SectionKind::Notes => narrative::notes(body, &mut b),
            SectionKind::SummaryTable => tables::summary_table(body, &mut b, &unit, skipped),
            SectionKind::ThreePublicTable => tables::three_public_table(body, &mut b, &unit, skipped),
            SectionKind::OtherBudgetTable => tables::other_table(*kind, body, skipped),
        }
    }
    // The standard tables: their lines are read, not skipped.
    report.skipped.retain(|s| !standard.consumed.contains(&s.line));
    report.skipped.extend(standard.skipped);
    report.skipped.sort_by_key(|s| s.line);
    b.tables = standard.tables;
    b.performance_targets = perf.targets;
    report.skipped.extend(perf.skipped);
    report.skipped.sort_by_key(|s| s.line);
    let perf_name = opts.lang.t("table.performance_targets").to_string();
    if !b.performance_targets.is_empty() && !report.sections_found.contains(&perf_name) {
        report.sections_found.push(perf_name);
    }
    for t in &b.tables {
        let name = opts.lang.t(t.kind.key()).to_string();
        if !report.sections_found.contains(&name) {
            report.sections_found.push(name);
        }
    }
    // A 决算's comparisons of each line's budget and actual.
    if b.meta.kind == gongkai_model::DocumentKind::FinalAccounts {
        b.final_accounts = final_accounts::read(&lines, pdf, &unit, &b.tables);
        if let Some(f) = &b.final_accounts {
            report
                .sections_found
                .push(format!("预算执行（{} 项对比）", f.comparisons.len()));
        }
    }
    // Figures the narrative does not state but a table does.
    standard::fill::fill_from_tables(&mut b);
    // A document that states the overall figures only in the 总体情况 paragraph still fills them.
    for kind in SectionKind::EXPECTED {
        let name = kind.name().to_string();
        let filled = match kind {
            SectionKind::Revenue => b.revenue.total.is_some(),
            SectionKind::Expenditure => b.expenditure.total.is_some(),
            SectionKind::Change => b.change.total.is_some(),
            SectionKind::ThreePublic => b.three_public.total.is_some(),
            _ => false,
        };
        if !report.sections_found.contains(&name) && !filled {
            report.sections_missing.push(name);
        }
    }
    b.import_report = Some(report);
    Ok(b)
}

/// Removes "[bookmark: _GoBack]"-style markers that Word-to-text converters leave in the text;
/// each removal is reported so nothing disappears silently.
fn strip_conversion_marks(lines: &mut [SrcLine]) -> Vec<SkippedLine> {
    let mut removed = Vec::new();
    for l in lines.iter_mut() {
        while let Some(start) = l.text.find("[bookmark:") {
            let Some(len) = l.text[start..].find(']') else { break };
            let mark = l.text[start..start + len + 1].to_string();
            l.text.replace_range(start..start + len + 1, "");
            removed.push(SkippedLine {
                line: l.no,
                text: mark,
                reason: "Word 书签标记（文档转换的产物，不是公开内容），已去除".into(),
            });
        }
    }
    removed
}

/// For documents without section headings (narrative-only notices): the first lines up to the
/// first figure are the title; every later paragraph goes to the section its words name.
fn classify_paragraphs(lines: &[SrcLine]) -> Vec<(SectionKind, Vec<SrcLine>)> {
    let mut out: Vec<(SectionKind, Vec<SrcLine>)> = vec![(SectionKind::Title, Vec::new())];
    let mut in_title = true;
    for l in lines {
        let t = l.text.as_str();
        let has_amount = text::amount_in(t, "万元").is_some();
        let kind = if t.contains("三公") && has_amount {
            Some(SectionKind::ThreePublic)
        } else if t.contains("机关运行经费") && has_amount {
            Some(SectionKind::OperatingCosts)
        } else if (t.contains("比上年") || t.contains("较上年") || t.contains("较20") || t.contains("比20"))
            && has_amount
        {
            Some(SectionKind::Change)
        } else if t.contains("收入") && has_amount {
            Some(SectionKind::Revenue)
        } else if t.contains("支出") && has_amount {
            Some(SectionKind::Expenditure)
        } else if t.contains("政府采购") {
            Some(SectionKind::Procurement)
        } else {
            None
        };
        match kind {
            Some(k) => {
                in_title = false;
                out.push((k, vec![l.clone()]));
            }
            None if in_title && !l.is_blank() && l.text.chars().count() > 60 => {
                in_title = false;
                out.push((SectionKind::Notes, vec![l.clone()]));
            }
            None if in_title => out[0].1.push(l.clone()),
            None if l.is_blank() => {}
            None => out.push((SectionKind::Notes, vec![l.clone()])),
        }
    }
    out
}

/// Splits lines at section headings. The first section (before any heading) is the title.
fn split_sections(lines: &[SrcLine]) -> Vec<(SectionKind, Vec<SrcLine>)> {
    let mut out: Vec<(SectionKind, Vec<SrcLine>)> = vec![(SectionKind::Title, Vec::new())];
    for l in lines {
        if let Some(k) = heading_kind(l) {
            // "机构设置：" inside the duties section, "部门职责:" right after the 一、 heading.
            if out
                .last()
                .is_some_and(|(last, body)| *last == k && body.iter().all(|x| x.is_blank()))
            {
                continue;
            }
            out.push((k, Vec::new()));
            continue;
        }
        out.last_mut().expect("never empty").1.push(l.clone());
    }
    out
}

#[cfg(test)]
mod limit_tests {
    use super::*;

    #[test]
    fn each_file_gets_its_own_time_from_its_first_page() {
        let clock = std::cell::Cell::new(0.0);
        let mut limit = PerFileLimit::new(10.0, || clock.get());
        let page = |file, page| Progress::Page { file, page, pages: 30 };
        assert!(limit.keep_going(page(0, 1)));
        clock.set(9_000.0);
        assert!(limit.keep_going(page(0, 20)));
        clock.set(10_500.0);
        assert!(!limit.keep_going(page(0, 21)), "over 10 s on the first file");
        // The next file starts its own 10 s.
        assert!(limit.keep_going(page(1, 1)));
        clock.set(20_000.0);
        assert!(limit.keep_going(page(1, 2)));
        clock.set(20_600.0);
        assert!(!limit.keep_going(page(1, 3)));
    }
}
