//! PDF → laid-out text. The glyphs of each page, with their positions, are set on a grid of
//! equal columns (as `pdftotext -layout` does), so the standard-table reader rebuilds the tables
//! from positions and the narrative readers find their paragraphs as in a text file: one reader
//! for every form a table comes in.
//!
//! [`layout_page`] is pure geometry (tested without any PDF); [`pdf_text`] reads a file with
//! pdf_oxide (pure Rust, so the same code runs natively and in the browser's import worker).
//!
//! Rules of the layout, in PDF points (y grows upwards):
//! - a line is the glyphs whose baselines lie within 0.4 × the smaller font size of each other;
//!   lines are ordered top to bottom, glyphs left to right;
//! - the column unit is the median advance of the page's ASCII digits (the narrowest glyphs a
//!   table aligns), so a number's right edge lands on the same column in every row; Chinese
//!   glyphs (two units wide) take one column, which only compresses text, never shifts what lies
//!   right of it past its own position;
//! - glyphs closer than 0.2 em are one word, a gap under 0.8 em is one space, a wider gap starts
//!   a new cell at its own column, at least two spaces after the last one;
//! - a glyph drawn twice at (almost) the same place (fake bold) is kept once; rotated glyphs
//!   (watermarks, stamps) are left out and counted;
//! - a vertical gap over 1.6 lines gives one blank line; pages are separated by a form feed.

/// One glyph on a page, in PDF points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Glyph {
    pub ch: char,
    /// Left and right edge.
    pub x0: f32,
    pub x1: f32,
    /// Baseline (PDF y, growing upwards).
    pub baseline: f32,
    /// Font size (points, > 0).
    pub size: f32,
}

/// The text of a PDF, laid out, with the page of every line.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PdfText {
    /// Pages separated by form feeds; lines end with '\n'.
    pub text: String,
    /// Number of pages in the file.
    pub pages: usize,
    /// For each line of `text` (0-based), its page (1-based).
    pub line_pages: Vec<u32>,
    /// Glyphs left out because they are rotated (watermarks, stamps).
    pub rotated_glyphs: usize,
    /// The tables the pages draw with ruling lines, as grids (cells cite lines of `text`,
    /// 1-based).
    pub grids: Vec<crate::grid::Grid>,
}

/// Why a PDF could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PdfError {
    /// Damaged, truncated or not a PDF at all (the reader's own words).
    Unreadable(String),
    /// Encrypted with a password that is needed to open it (a PDF that only restricts printing
    /// or copying opens without one and is read).
    PasswordRequired,
    /// No page has a text layer: a scan. There is no OCR here.
    NoTextLayer { pages: usize },
    /// More pages than [`MAX_PAGES`].
    TooManyPages { pages: usize },
    /// Reading stopped at this page because the caller's time limit ran out.
    TimedOut { page: usize, pages: usize },
    /// Objects nested deeper than [`MAX_NESTING`] (no real document comes close; a file built
    /// to exhaust the reader's stack).
    TooDeep { depth: usize },
    /// Its compressed page content and objects expand to more than [`MAX_EXPANDED_STREAM`] in
    /// one stream or [`MAX_EXPANDED_TOTAL`] in all (a decompression bomb, or a broken file).
    Expands { limit_mb: usize },
}

/// The most one compressed (non-image) stream may expand to before the file is refused.
pub const MAX_EXPANDED_STREAM: usize = 64 << 20;
/// The most all of them together may expand to (a 60-page disclosure's text is a few MB).
pub const MAX_EXPANDED_TOTAL: usize = 192 << 20;

/// The deepest nesting of arrays and dictionaries accepted (real documents stay under 20).
pub const MAX_NESTING: usize = 256;

/// The rightmost column a glyph is placed at (a landscape A3 page at 5-pt digits is ~240).
pub const MAX_COLUMNS: usize = 1000;

/// The most pages read from one file (a county disclosure has 10–60).
pub const MAX_PAGES: usize = 2000;

impl PdfError {
    /// What a person reads, in `lang` (the viewer's language, the CLI's `--lang`).
    pub fn message(&self, lang: gongkai_model::i18n::Lang) -> String {
        match self {
            PdfError::Unreadable(why) => lang.tf("pdf.unreadable", &[why]),
            PdfError::PasswordRequired => lang.tf("pdf.password", &[]),
            PdfError::NoTextLayer { pages } => lang.tf("pdf.no_text", &[pages]),
            PdfError::TooManyPages { pages } => lang.tf("pdf.too_many_pages", &[pages, &MAX_PAGES]),
            PdfError::TooDeep { depth } => lang.tf("pdf.too_deep", &[depth]),
            PdfError::Expands { limit_mb } => lang.tf("pdf.expands", &[limit_mb]),
            PdfError::TimedOut { page, pages } => lang.tf("pdf.timed_out", &[page, pages]),
        }
    }
}

/// In Chinese, the default interface language; [`PdfError::message`] in another.
impl std::fmt::Display for PdfError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(gongkai_model::i18n::Lang::Zh))
    }
}

impl std::error::Error for PdfError {}

/// Whether `bytes` start like a PDF file (the header may follow some junk, as readers allow).
pub fn looks_like_pdf(bytes: &[u8]) -> bool {
    bytes.len() >= 5 && bytes[..bytes.len().min(1024)].windows(5).any(|w| w == b"%PDF-")
}

fn median(mut v: Vec<f32>) -> Option<f32> {
    if v.is_empty() {
        return None;
    }
    v.sort_by(f32::total_cmp);
    Some(v[v.len() / 2])
}

/// Lays out the glyphs of one page as lines of text (see the module notes). Glyphs with a
/// non-finite coordinate or a size ≤ 0 are left out.
pub fn layout_page(glyphs: &[Glyph]) -> Vec<String> {
    layout_page_indexed(glyphs).0
}

/// [`layout_page`], and for each glyph the line (0-based) it is laid out on (`None` for a glyph
/// left out).
pub fn layout_page_indexed(glyphs: &[Glyph]) -> (Vec<String>, Vec<Option<usize>>) {
    let mut line_of: Vec<Option<usize>> = vec![None; glyphs.len()];
    let mut gs: Vec<(usize, Glyph)> = glyphs
        .iter()
        .copied()
        .enumerate()
        .filter(|(_, g)| {
            g.x0.is_finite() && g.x1.is_finite() && g.baseline.is_finite() && g.size.is_finite() && g.size > 0.0
        })
        .filter(|(_, g)| !g.ch.is_control() && !g.ch.is_whitespace())
        .collect();
    if gs.is_empty() {
        return (Vec::new(), line_of);
    }
    let digit = median(
        gs.iter()
            .map(|(_, g)| g)
            .filter(|g| g.ch.is_ascii_digit())
            .map(|g| g.x1 - g.x0)
            .filter(|w| *w > 0.5)
            .collect(),
    );
    let wide = median(
        gs.iter()
            .map(|(_, g)| g)
            .filter(|g| !g.ch.is_ascii())
            .map(|g| g.x1 - g.x0)
            .filter(|w| *w > 0.5)
            .collect(),
    );
    // The narrowest glyphs a table aligns (digits); without digits, half a Chinese glyph.
    let unit = match (digit, wide) {
        (Some(d), _) => d,
        (None, Some(w)) => w / 2.0,
        _ => median(gs.iter().map(|(_, g)| g.size / 2.0).collect()).unwrap_or(5.0),
    }
    .max(1.0);

    // Lines: top to bottom, baselines within 0.4 × the smaller size.
    gs.sort_by(|(_, a), (_, b)| b.baseline.total_cmp(&a.baseline).then(a.x0.total_cmp(&b.x0)));
    let mut lines: Vec<Vec<Glyph>> = Vec::new();
    let mut members: Vec<Vec<usize>> = Vec::new();
    for (i, g) in gs {
        match lines.last_mut() {
            Some(line)
                if {
                    let base = line[0].baseline;
                    let size = line.iter().map(|l| l.size).fold(g.size, f32::min);
                    (base - g.baseline).abs() <= 0.4 * size
                } =>
            {
                line.push(g);
                if let Some(m) = members.last_mut() {
                    m.push(i);
                }
            }
            _ => {
                lines.push(vec![g]);
                members.push(vec![i]);
            }
        }
    }

    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    let mut last_baseline: Option<(f32, f32)> = None;
    for (mut line, members) in lines.into_iter().zip(members) {
        line.sort_by(|a, b| a.x0.total_cmp(&b.x0));
        let base = line[0].baseline;
        let size = median(line.iter().map(|g| g.size).collect()).unwrap_or(unit * 2.0);
        if let Some((prev, prev_size)) = last_baseline {
            if prev - base > 1.6 * 1.2 * size.max(prev_size) {
                out.push(String::new());
            }
        }
        last_baseline = Some((base, size));
        for i in members {
            line_of[i] = Some(out.len());
        }
        // Runs: glyphs closer than 0.8 em, with one space for a gap over 0.2 em.
        struct Run {
            text: String,
            x0: f32,
            x1: f32,
            glyphs: Vec<Glyph>,
        }
        let mut runs: Vec<Run> = Vec::new();
        let mut prev: Option<Glyph> = None;
        for g in line {
            match (prev, runs.last_mut()) {
                // Fake bold: the same glyph drawn again a fraction of its width further.
                (Some(p), _) if p.ch == g.ch && (g.x0 - p.x0).abs() < 0.3 * (p.x1 - p.x0).max(0.5) => continue,
                (Some(p), Some(run)) if g.x0 - p.x1 < 0.8 * g.size.min(p.size) => {
                    if g.x0 - p.x1 >= 0.2 * g.size.min(p.size) {
                        run.text.push(' ');
                    }
                    run.text.push(g.ch);
                    run.x1 = run.x1.max(g.x1);
                    run.glyphs.push(g);
                }
                _ => runs.push(Run {
                    text: g.ch.to_string(),
                    x0: g.x0,
                    x1: g.x1,
                    glyphs: vec![g],
                }),
            }
            prev = Some(g);
        }
        // A run starts at its own column, as it starts on the page (so the names of a table line
        // up whatever their length). A short piece of a heading (≤ 3 characters, in a line of
        // several runs) ends where it ends on the page instead: its Chinese characters take one
        // column for two units, and a heading wrapped in a narrow cell ("基" over "本支出") must
        // keep its pieces over each other. Where a heading's glyphs are three or more units wide
        // (a heading font twice the size of the digits), its characters are spread at their own
        // columns (read back as one letter-spaced word), so they cover what they cover on the
        // page.
        let several = runs.len() > 1;
        // Bounded: nothing is placed further right than MAX_COLUMNS.
        let col_of = |x: f32| (x.round().max(0.0) as usize).min(MAX_COLUMNS);
        let mut s = String::new();
        let mut col = 0usize;
        for (i, run) in runs.iter().enumerate() {
            let n = run.text.chars().count();
            let left = col_of(run.x0 / unit);
            let wide_glyphs = median(run.glyphs.iter().map(|g| g.x1 - g.x0).collect()).unwrap_or(0.0) >= 3.0 * unit;
            if several && !run.text.is_ascii() && n <= 4 && wide_glyphs && !run.text.contains(' ') {
                for (k, g) in run.glyphs.iter().enumerate() {
                    let at = col_of(g.x0 / unit);
                    let to = if i == 0 && k == 0 {
                        at
                    } else {
                        at.max(col + if k == 0 { 2 } else { 1 })
                    };
                    s.extend(std::iter::repeat_n(' ', to - col));
                    s.push(g.ch);
                    col = to + 1;
                }
                continue;
            }
            let target = if several && !run.text.is_ascii() && n <= 3 {
                // Right-aligned, but never into the gap before the next run, nor left of its
                // own left edge.
                let next = runs.get(i + 1).map(|r| col_of(r.x0 / unit).saturating_sub(2 + n));
                col_of(run.x1 / unit - n as f32)
                    .min(next.unwrap_or(usize::MAX))
                    .max(left)
            } else {
                left
            };
            let to = if i == 0 { target } else { target.max(col + 2) };
            s.extend(std::iter::repeat_n(' ', to - col));
            s.push_str(&run.text);
            col = to + n;
        }
        out.push(s);
    }
    (out, line_of)
}

/// A glyph as the PDF places it: origin, advance width along the text direction when known
/// (0 when not), and the direction of the text in degrees counter-clockwise from the x axis.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placed {
    pub ch: char,
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub size: f32,
    pub rotation: f32,
}

/// Turns a page's glyphs upright. A page laid out sideways (a landscape table on a portrait
/// page with /Rotate 90, whose text runs up the page) is read in the direction most of its text
/// runs; glyphs running another way (a diagonal watermark, a stamp) are left out and counted.
pub fn upright(placed: &[Placed]) -> (Vec<Glyph>, usize) {
    let (glyphs, dropped, _) = upright_turn(placed);
    (glyphs, dropped)
}

/// How a page was turned upright: the direction its text runs in (degrees) and the shift that
/// keeps its left margin at zero or more. [`Turn::apply`] turns any point of the page (a rule's
/// end) the way its glyphs were turned.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Turn {
    pub degrees: u32,
    pub shift: f32,
}

impl Turn {
    /// A page point in upright coordinates (x along the text, y towards its top).
    pub fn apply(&self, x: f32, y: f32) -> (f32, f32) {
        let (ux, uy) = match self.degrees {
            90 => (y, -x),
            180 => (-x, -y),
            270 => (-y, x),
            _ => (x, y),
        };
        (ux - self.shift, uy)
    }
}

/// [`upright`], and the [`Turn`] it made.
pub fn upright_turn(placed: &[Placed]) -> (Vec<Glyph>, usize, Turn) {
    let quarter = |r: f32| -> Option<u32> {
        let r = r.rem_euclid(360.0);
        [0u32, 90, 180, 270, 360]
            .into_iter()
            .find(|q| (r - *q as f32).abs() <= 1.0)
            .map(|q| q % 360)
    };
    let mut counts = [0usize; 4];
    for p in placed.iter().filter(|p| !p.ch.is_whitespace()) {
        if let Some(q) = quarter(p.rotation) {
            counts[(q / 90) as usize] += 1;
        }
    }
    // Ties go to upright text.
    let dominant = (0..4).rev().max_by_key(|i| (counts[*i], *i == 0)).unwrap_or(0) as u32 * 90;
    let mut out = Vec::with_capacity(placed.len());
    let mut dropped = 0;
    for p in placed {
        if quarter(p.rotation) != Some(dominant) {
            if !p.ch.is_whitespace() {
                dropped += 1;
            }
            continue;
        }
        let advance = if p.width > 0.0 {
            p.width
        } else if p.ch.is_ascii() {
            p.size / 2.0
        } else {
            p.size
        };
        // Upright coordinates: x along the text, baseline growing towards the top of the text.
        let (x, baseline) = match dominant {
            90 => (p.y, -p.x),
            180 => (-p.x, -p.y),
            270 => (-p.y, p.x),
            _ => (p.x, p.y),
        };
        out.push(Glyph {
            ch: p.ch,
            x0: x,
            x1: x + advance,
            baseline,
            size: p.size,
        });
    }
    // Keep the left margin at zero or more whatever the turn.
    let mut shift = 0.0;
    if let Some(min) = out.iter().map(|g| g.x0).filter(|x| x.is_finite()).reduce(f32::min) {
        if min < 0.0 {
            shift = min - 36.0;
            for g in &mut out {
                g.x0 -= shift;
                g.x1 -= shift;
            }
        }
    }
    (
        out,
        dropped,
        Turn {
            degrees: dominant,
            shift,
        },
    )
}

/// The deepest nesting of `[`…`]` and `<<`…`>>` in `data`, outside literal strings, stopping
/// as soon as it passes `limit`.
fn nesting(data: &[u8], limit: usize) -> usize {
    let (mut depth, mut max, mut string, mut i) = (0usize, 0usize, 0usize, 0usize);
    while i < data.len() {
        let c = data[i];
        if string > 0 {
            match c {
                b'\\' => i += 1,
                b'(' => string += 1,
                b')' => string -= 1,
                _ => {}
            }
        } else {
            match c {
                b'(' => string = 1,
                b'[' => depth += 1,
                b'<' if data.get(i + 1) == Some(&b'<') => {
                    depth += 1;
                    i += 1;
                }
                b']' => depth = depth.saturating_sub(1),
                b'>' if data.get(i + 1) == Some(&b'>') => {
                    depth = depth.saturating_sub(1);
                    i += 1;
                }
                _ => {}
            }
            max = max.max(depth);
            if max > limit {
                return max;
            }
        }
        i += 1;
    }
    max
}

/// Looks at a file before the PDF reader does: refuses one whose objects, or the
/// Flate-compressed streams that hold objects and page content, nest deeper than
/// [`MAX_NESTING`] (the reader's parser recurses), or whose streams expand past
/// [`MAX_EXPANDED_STREAM`] / [`MAX_EXPANDED_TOTAL`] (so memory stays bounded). Images are not
/// looked into: text extraction does not decode them.
pub fn check_structure(bytes: &[u8]) -> Result<(), PdfError> {
    let too_deep = |d: usize| (d > MAX_NESTING).then_some(PdfError::TooDeep { depth: MAX_NESTING });
    if let Some(e) = too_deep(nesting(bytes, MAX_NESTING)) {
        return Err(e);
    }
    let mut total = 0usize;
    let mut at = 0;
    while let Some(start) = find(&bytes[at..], b"stream").map(|p| at + p + 6) {
        let body = match bytes.get(start..) {
            Some(b) if b.starts_with(b"\r\n") => start + 2,
            Some(b) if b.starts_with(b"\n") || b.starts_with(b"\r") => start + 1,
            _ => {
                at = start;
                continue;
            }
        };
        let end = find(&bytes[body..], b"endstream").map_or(bytes.len(), |p| body + p);
        // Past "endstream", which itself ends in "stream".
        at = (end + b"endstream".len()).min(bytes.len());
        // The stream's dictionary: from its object's start.
        let dict_from = start.saturating_sub(6).saturating_sub(2048);
        let dict = &bytes[dict_from..start - 6];
        let dict = find(dict, b" obj").map_or(dict, |p| &dict[p..]);
        if find(dict, b"/Image").is_some() || find(dict, b"/FlateDecode").is_none() {
            continue;
        }
        let data = match miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(&bytes[body..end], MAX_EXPANDED_STREAM)
        {
            Ok(d) => d,
            Err(e) if e.status == miniz_oxide::inflate::TINFLStatus::HasMoreOutput => {
                return Err(PdfError::Expands {
                    limit_mb: MAX_EXPANDED_STREAM >> 20,
                })
            }
            Err(e) => e.output,
        };
        total += data.len();
        if total > MAX_EXPANDED_TOTAL {
            return Err(PdfError::Expands {
                limit_mb: MAX_EXPANDED_TOTAL >> 20,
            });
        }
        if let Some(e) = too_deep(nesting(&data, MAX_NESTING)) {
            return Err(e);
        }
    }
    Ok(())
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Reads a PDF's text, laid out page by page. `keep_going(page, pages)` is called before each
/// page (1-based) to report progress; returning false stops with [`PdfError::TimedOut`].
///
/// A failure inside the PDF reader (it has panicked on damaged files under fuzzing) becomes
/// [`PdfError::Unreadable`] where panics unwind (the CLI, the tests); in the browser's worker,
/// built to abort, the worker's panic hook reports it instead.
#[cfg(feature = "pdf")]
pub fn pdf_text(bytes: &[u8], keep_going: &mut dyn FnMut(usize, usize) -> bool) -> Result<PdfText, PdfError> {
    check_structure(bytes)?;
    #[cfg(panic = "unwind")]
    {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| read_pages(bytes, keep_going))).unwrap_or_else(
            |panic| {
                let why = panic
                    .downcast_ref::<String>()
                    .map(String::as_str)
                    .or_else(|| panic.downcast_ref::<&str>().copied())
                    .unwrap_or("the reader failed");
                Err(PdfError::Unreadable(format!(
                    "the PDF reader failed on it: {}",
                    short(why)
                )))
            },
        )
    }
    #[cfg(not(panic = "unwind"))]
    read_pages(bytes, keep_going)
}

#[cfg(feature = "pdf")]
fn read_pages(bytes: &[u8], keep_going: &mut dyn FnMut(usize, usize) -> bool) -> Result<PdfText, PdfError> {
    use pdf_oxide::PdfDocument;
    let doc = PdfDocument::from_bytes(bytes.to_vec()).map_err(|e| PdfError::Unreadable(short(&e.to_string())))?;
    if doc.is_encrypted() {
        // The empty user password opens files that only restrict printing or copying.
        match doc.authenticate(b"") {
            Ok(true) => {}
            Ok(false) => return Err(PdfError::PasswordRequired),
            Err(e) => return Err(PdfError::Unreadable(short(&e.to_string()))),
        }
    }
    let pages = doc
        .page_count()
        .map_err(|e| PdfError::Unreadable(short(&e.to_string())))?;
    if pages > MAX_PAGES {
        return Err(PdfError::TooManyPages { pages });
    }
    let mut out = PdfText {
        pages,
        ..Default::default()
    };
    let mut glyph_pages = 0;
    let mut first_error = None;
    for p in 0..pages {
        if !keep_going(p + 1, pages) {
            return Err(PdfError::TimedOut { page: p + 1, pages });
        }
        let chars = match doc.extract_chars(p) {
            Ok(c) => c,
            Err(e) => {
                // A page that cannot be read is empty; the file fails only if none can be.
                first_error.get_or_insert_with(|| short(&e.to_string()));
                Vec::new()
            }
        };
        let placed: Vec<Placed> = chars
            .iter()
            .map(|c| Placed {
                ch: c.char,
                x: c.origin_x,
                y: c.origin_y,
                width: c.bbox.width,
                size: c.font_size,
                rotation: c.rotation_degrees,
            })
            .collect();
        let (glyphs, rotated, turn) = upright_turn(&placed);
        out.rotated_glyphs += rotated;
        let (lines, glyph_line) = layout_page_indexed(&glyphs);
        if !lines.is_empty() {
            glyph_pages += 1;
        }
        // The tables the page draws with rules (a page whose drawing cannot be read has none:
        // its text is laid out as text).
        if !glyphs.is_empty() {
            let first_line = out.line_pages.len();
            let pieces = page_rules(&doc, p, &turn);
            let settings = crate::grid::pdf::RuleSettings::default();
            let segments = crate::grid::pdf::segments(&pieces, &settings);
            for ruled in crate::grid::pdf::ruled_grids(&glyphs, &glyph_line, &segments, &settings) {
                let mut g = ruled.grid;
                g.page = Some(p as u32 + 1);
                for c in &mut g.cells {
                    if c.line > 0 {
                        c.line += first_line;
                    }
                }
                for l in &mut g.lines {
                    *l += first_line;
                }
                let parts = g.compact().split_captions(crate::standard::title::is_caption_row);
                out.grids.extend(parts.into_iter().filter(|g| g.rows > 0 && g.cols > 0));
            }
        }
        for (i, l) in lines.iter().enumerate() {
            if i == 0 && p > 0 {
                out.text.push('\u{0c}');
            }
            out.text.push_str(l.trim_end());
            out.text.push('\n');
            out.line_pages.push(p as u32 + 1);
        }
        if lines.is_empty() && p > 0 {
            // An empty page still breaks the page.
            out.text.push_str("\u{0c}\n");
            out.line_pages.push(p as u32 + 1);
        }
    }
    if glyph_pages == 0 {
        return Err(match first_error {
            Some(e) if pages > 0 => PdfError::Unreadable(e),
            _ => PdfError::NoTextLayer { pages },
        });
    }
    Ok(out)
}

/// The straight pieces of the paths page `p` draws, turned upright as its glyphs were.
#[cfg(feature = "pdf")]
fn page_rules(doc: &pdf_oxide::PdfDocument, p: usize, turn: &Turn) -> Vec<crate::grid::pdf::PathPiece> {
    use crate::grid::pdf::PathPiece;
    use pdf_oxide::elements::PathOperation;
    let Ok(paths) = doc.extract_paths(p) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for path in paths.iter().take(MAX_PATHS) {
        let mut at: Option<(f32, f32)> = None;
        let mut start: Option<(f32, f32)> = None;
        for op in path.operations.iter().take(MAX_PATHS) {
            match *op {
                PathOperation::MoveTo(x, y) => {
                    at = Some((x, y));
                    start = at;
                }
                PathOperation::LineTo(x, y) => {
                    if let Some((x0, y0)) = at {
                        let (a, b) = (turn.apply(x0, y0), turn.apply(x, y));
                        out.push(PathPiece::Line(a.0, a.1, b.0, b.1));
                    }
                    at = Some((x, y));
                }
                PathOperation::ClosePath => {
                    if let (Some((x0, y0)), Some((x1, y1))) = (at, start) {
                        let (a, b) = (turn.apply(x0, y0), turn.apply(x1, y1));
                        out.push(PathPiece::Line(a.0, a.1, b.0, b.1));
                    }
                    at = start;
                }
                PathOperation::Rectangle(x, y, w, h) => {
                    let (a, b) = (turn.apply(x, y), turn.apply(x + w, y + h));
                    out.push(PathPiece::Rect(
                        a.0.min(b.0),
                        a.1.min(b.1),
                        (b.0 - a.0).abs(),
                        (b.1 - a.1).abs(),
                    ));
                }
                PathOperation::CurveTo(.., x, y) => at = Some((x, y)),
            }
        }
    }
    out
}

/// The most path pieces read from one page (a table page draws a few thousand).
pub const MAX_PATHS: usize = 200_000;

#[cfg(feature = "pdf")]
fn short(s: &str) -> String {
    let s = s.lines().next().unwrap_or("").trim();
    if s.chars().count() > 160 {
        format!("{}…", s.chars().take(160).collect::<String>())
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(s: &str, x: f32, baseline: f32, size: f32) -> Vec<Glyph> {
        let mut x = x;
        s.chars()
            .map(|ch| {
                let w = if ch.is_ascii() { size / 2.0 } else { size };
                let g = Glyph {
                    ch,
                    x0: x,
                    x1: x + w,
                    baseline,
                    size,
                };
                x += w;
                g
            })
            .collect()
    }

    #[test]
    fn table_rows_keep_their_numbers_right_aligned_in_one_column() {
        // 9-pt table: code at 81, name at 200, amount right edge at 460.
        let mut g = Vec::new();
        g.extend(word("30228", 81.8, 736.2, 9.0));
        g.extend(word("工会经费", 215.6, 736.2, 9.0));
        g.extend(word("21.00", 460.0 - 22.5, 736.2, 9.0));
        g.extend(word("30231", 81.8, 700.0, 9.0));
        g.extend(word("公务用车运行维护费", 193.2, 700.0, 9.0));
        g.extend(word("183.60", 460.0 - 27.0, 700.0, 9.0));
        let lines: Vec<String> = layout_page(&g).into_iter().filter(|l| !l.is_empty()).collect();
        assert_eq!(lines.len(), 2, "{lines:?}");
        let end = |l: &str| l.trim_end().chars().count();
        assert_eq!(end(&lines[0]), end(&lines[1]), "{lines:#?}");
        assert!(lines[0].contains("30228") && lines[0].contains("工会经费") && lines[0].contains("  21.00"));
        assert!(lines[1].contains("公务用车运行维护费"), "{lines:?}");
    }

    #[test]
    fn lines_top_to_bottom_words_and_cells_by_gap_and_one_blank_line_for_a_wide_gap() {
        let mut g = Vec::new();
        // Given bottom line first: the order comes from the baseline.
        g.extend(word("第二段", 72.0, 500.0, 12.0));
        g.extend(word("部门：", 72.0, 700.0, 12.0));
        g.extend(word("单位：万元", 400.0, 700.0, 12.0));
        g.extend(word("Word", 72.0, 685.0, 12.0));
        g.extend(word("2017", 72.0 + 24.0 + 3.0, 685.0, 12.0));
        let lines = layout_page(&g);
        assert_eq!(
            lines[0].trim(),
            "部门：".to_owned() + &" ".repeat(lines[0].trim().chars().count() - 8) + "单位：万元"
        );
        assert!(lines[0].contains("部门：  "), "{lines:?}");
        assert_eq!(lines[1].trim(), "Word 2017");
        assert_eq!(lines[2], "");
        assert_eq!(lines[3].trim(), "第二段");
        assert_eq!(lines.len(), 4);
    }

    #[test]
    fn fake_bold_is_kept_once_and_slightly_uneven_baselines_are_one_line() {
        let mut g = word("合计", 100.0, 600.0, 10.0);
        g.extend(word("合计", 100.3, 600.0, 10.0));
        g.extend(word("13,649.07", 300.0, 601.5, 10.0));
        let lines = layout_page(&g);
        assert_eq!(lines.len(), 1, "{lines:?}");
        assert_eq!(lines[0].split_whitespace().collect::<Vec<_>>(), ["合计", "13,649.07"]);
    }

    #[test]
    fn a_sideways_page_is_read_in_the_direction_its_text_runs_and_a_watermark_is_left_out() {
        // Text running up the page (rotation 90): lines at constant x, the top line at the
        // smallest x; two lines "单位：万元" then "合计 12.50".
        // A run of text going up the page from (x, y), `step` points per character.
        let up = |text: &str, x: f32, y: f32, step: f32| -> Vec<Placed> {
            text.chars()
                .enumerate()
                .map(|(i, ch)| Placed {
                    ch,
                    x,
                    y: y + step * i as f32,
                    width: 0.0,
                    size: 9.8,
                    rotation: 90.0,
                })
                .collect()
        };
        let mut placed = up("单位：万元", 78.5, 762.7, 9.8);
        placed.extend(up("合计", 100.0, 500.0, 9.8));
        placed.extend(up("12.50", 100.0, 800.0, 4.9));
        placed.push(Placed {
            ch: '样',
            x: 300.0,
            y: 300.0,
            width: 20.0,
            size: 40.0,
            rotation: 45.0,
        });
        let (glyphs, dropped) = upright(&placed);
        assert_eq!(dropped, 1);
        let lines: Vec<String> = layout_page(&glyphs).into_iter().filter(|l| !l.is_empty()).collect();
        let words: Vec<Vec<&str>> = lines.iter().map(|l| l.split_whitespace().collect()).collect();
        assert_eq!(words, [vec!["单位：万元"], vec!["合计", "12.50"]], "{lines:?}");
        assert!(
            lines[1].find("12.50").unwrap() > lines[0].find('单').unwrap(),
            "{lines:?}"
        );
    }

    #[test]
    fn nesting_is_measured_outside_strings_and_inside_compressed_streams() {
        assert_eq!(nesting(b"<< /A [1 [2] (a [[[ string) ] >>", 99), 3);
        assert_eq!(nesting(b"(unbalanced \\) [[[ still string)", 99), 0);
        let deep = format!("{}{}", "[".repeat(300), "]".repeat(300));
        assert!(check_structure(deep.as_bytes()).is_err());
        let packed = miniz_oxide::deflate::compress_to_vec_zlib(deep.as_bytes(), 6);
        let mut file = b"%PDF-1.7\n4 0 obj << /Length 9 /Filter /FlateDecode >>\nstream\n".to_vec();
        let bomb = miniz_oxide::deflate::compress_to_vec_zlib(&vec![0u8; MAX_EXPANDED_STREAM + 1], 1);
        let mut bombed = file.clone();
        bombed.extend_from_slice(&bomb);
        bombed.extend_from_slice(b"\nendstream endobj");
        assert_eq!(check_structure(&bombed), Err(PdfError::Expands { limit_mb: 64 }));
        file.extend_from_slice(&packed);
        file.extend_from_slice(b"\nendstream endobj");
        assert_eq!(check_structure(&file), Err(PdfError::TooDeep { depth: MAX_NESTING }));
        assert_eq!(
            check_structure(b"%PDF-1.7 << /A [1 2] >> stream\nBT ET\nendstream"),
            Ok(())
        );
    }

    #[test]
    fn nonsense_geometry_is_ignored_without_panicking() {
        let g = [
            Glyph {
                ch: 'a',
                x0: f32::NAN,
                x1: 1.0,
                baseline: 1.0,
                size: 10.0,
            },
            Glyph {
                ch: 'b',
                x0: -50.0,
                x1: -45.0,
                baseline: f32::INFINITY,
                size: 10.0,
            },
            Glyph {
                ch: 'c',
                x0: 1e30,
                x1: 1e30,
                baseline: 10.0,
                size: 0.0,
            },
            Glyph {
                ch: 'd',
                x0: -1e9,
                x1: -1e9 + 5.0,
                baseline: 10.0,
                size: 10.0,
            },
            Glyph {
                ch: 'e',
                x0: 1e7,
                x1: 1e7 + 5.0,
                baseline: 10.0,
                size: 1e-3,
            },
        ];
        let lines = layout_page(&g);
        assert!(lines.iter().all(|l| l.chars().count() < 10_000_000), "bounded");
        assert!(layout_page(&[]).is_empty());
    }
}
