//! `gongkai import DIR… -o BUNDLES/`: a county's folders of published files → one bundle per
//! disclosure, with a summary of every file.
//!
//! Stages:
//! 1. **walk** the folders for documents (.pdf, .docx, .xlsx/.xls, .txt, .html), hidden files
//!    and the output folder left out;
//! 2. **learn** each file's facts by importing it alone (in parallel): its department, fiscal
//!    year and kind (预算/决算) as the importer reads them, and whether it holds the narrative, the
//!    standard tables or both. A file that does not state a fact, and has no answer for it in
//!    the answers file, "needs a fact"; one that cannot be read is "unreadable" with the reason;
//! 3. **group** the files of one disclosure: same department, year and kind. A group with two
//!    narratives or two table files (a 部门预算 and a 单位预算 under one name, a file published
//!    twice) cannot be told apart: each of its files is imported alone and the summary says so;
//! 4. **import** each group (in parallel) into one bundle; a failing check still writes it;
//! 5. **write** the bundles, `index.json` (the catalog `gongkai site` reads), `answers.toml`
//!    (with blanks for the facts still missing; entries the person wrote are kept),
//!    `import-report.json` (the summary for programs) and the manifest
//!    (`.gongkai-import/manifest.json`: each file's length, time and SHA-256 and the facts
//!    learnt, each group's fingerprint and outcome), so that running again reads only the files
//!    that changed and imports only the groups they are in.
//!
//! Nothing is guessed: facts come from the documents or from the answers file.

use crate::answers::{self, Answer, Answers};
use crate::args::ImportArgs;
use crate::progress::Stage;
use crate::site::sha;
use gongkai_import::{import_documents, Document, ImportError, ImportOptions, PerFileLimit};
use gongkai_model::{Bundle, CatalogEntry, CheckStatus, DocumentKind};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Changes whenever what a file's facts or a group's bundle are made from changes.
const MANIFEST_VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), "/batch-1");
/// The import's own records in the output folder (not part of the site).
pub const STATE_DIR: &str = ".gongkai-import";
pub const REPORT_FILE: &str = "import-report.json";
pub const ANSWERS_FILE: &str = "answers.toml";
/// Files read as documents, by extension (lower case). Old Word `.doc` files are read too, so
/// that the summary says why they cannot be imported (the importer names the format).
const DOCUMENTS: [&str; 9] = ["pdf", "docx", "doc", "xlsx", "xls", "txt", "text", "html", "htm"];

/// One document found under the folders.
#[derive(Debug, Clone)]
struct Found {
    /// Its name in the summary, the answers file and the manifest: the path under the folder
    /// given (with the folder's name first when several were given).
    key: String,
    path: PathBuf,
    len: u64,
    /// Modification time in nanoseconds since 1970 (0 when the system has none).
    mtime: u64,
}

/// Which parts of a disclosure a file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Role {
    Narrative,
    Both,
    Tables,
}

/// What importing a file alone told.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
enum Facts {
    Known {
        department: String,
        year: i32,
        kind: DocumentKind,
        role: Role,
    },
    /// The facts the document does not state and nobody answered ("its department").
    NeedsFact {
        missing: Vec<String>,
    },
    Unreadable {
        reason: String,
    },
}

/// A file as the manifest remembers it.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct FileRecord {
    len: u64,
    mtime: u64,
    sha: String,
    /// Hash of the answers and options the facts were learnt with.
    asked: String,
    facts: Facts,
}

/// How a group's import ended.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
enum Outcome {
    Imported,
    FailingChecks { checks: Vec<String> },
    Unreadable { file: String, reason: String },
}

/// A group as the manifest remembers it.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct GroupRecord {
    fingerprint: String,
    files: Vec<String>,
    /// The bundle's file in the output folder, and its catalog entry (none when unreadable).
    bundle: Option<String>,
    entry: Option<CatalogEntry>,
    outcome: Outcome,
    /// Why the files are in this group, or alone (shown in the summary).
    note: Option<String>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Manifest {
    version: String,
    files: BTreeMap<String, FileRecord>,
    groups: Vec<GroupRecord>,
}

/// One line of the summary and of import-report.json.
#[derive(Debug, Clone, Serialize)]
struct FileReport {
    file: String,
    /// imported, failing_checks, needs_fact, unreadable
    status: &'static str,
    bundle: Option<String>,
    /// The files imported with it into one bundle.
    with: Vec<String>,
    reason: Option<String>,
    /// Read and imported by this run (false: unchanged since the last one).
    imported_now: bool,
}

#[derive(Debug, Serialize)]
struct Report {
    format: &'static str,
    output: String,
    answers: String,
    counts: BTreeMap<&'static str, usize>,
    /// Files read now / groups imported now (0 and 0 when nothing changed).
    files_read: usize,
    bundles_imported: usize,
    seconds: f64,
    files: Vec<FileReport>,
    /// Files under the folders that are not documents (by extension), not read.
    ignored: Vec<String>,
}

/// Every document under the inputs (sorted by key), and the other files (not read).
fn walk(inputs: &[PathBuf], out: &Path) -> Result<(Vec<Found>, Vec<String>), String> {
    let out = out.canonicalize().ok();
    let (mut found, mut ignored) = (Vec::new(), Vec::new());
    for input in inputs {
        let prefix = if inputs.len() > 1 {
            input
                .file_name()
                .map(|n| format!("{}/", n.to_string_lossy()))
                .unwrap_or_default()
        } else {
            String::new()
        };
        if input.is_file() {
            let name = input
                .file_name()
                .map_or(String::new(), |n| n.to_string_lossy().into_owned());
            found.push((name, input.clone()));
            continue;
        }
        let mut stack = vec![input.clone()];
        while let Some(dir) = stack.pop() {
            let entries = std::fs::read_dir(&dir).map_err(|e| format!("{}: cannot read: {e}", dir.display()))?;
            for e in entries {
                let e = e.map_err(|e| format!("{}: cannot read: {e}", dir.display()))?;
                let p = e.path();
                let name = e.file_name().to_string_lossy().into_owned();
                if name.starts_with('.') {
                    continue;
                }
                if p.is_dir() {
                    if out.is_some() && p.canonicalize().ok() == out {
                        continue;
                    }
                    stack.push(p);
                    continue;
                }
                let rel = p.strip_prefix(input).unwrap_or(&p).to_string_lossy().replace('\\', "/");
                let ext = p
                    .extension()
                    .map(|x| x.to_string_lossy().to_lowercase())
                    .unwrap_or_default();
                if DOCUMENTS.contains(&ext.as_str()) {
                    found.push((format!("{prefix}{rel}"), p));
                } else {
                    ignored.push(format!("{prefix}{rel}"));
                }
            }
        }
    }
    let mut docs = Vec::new();
    for (key, path) in found {
        // A file that cannot even be looked at (a broken link) is listed as unreadable when read.
        let meta = std::fs::metadata(&path).ok();
        let mtime = meta
            .as_ref()
            .and_then(|m| m.modified().ok())
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos() as u64);
        docs.push(Found {
            key,
            path,
            len: meta.map_or(0, |m| m.len()),
            mtime,
        });
    }
    docs.sort_by(|a, b| a.key.cmp(&b.key));
    docs.dedup_by(|a, b| a.key == b.key);
    ignored.sort();
    Ok((docs, ignored))
}

/// The options a file or a group is imported with: the command line's, then its answers.
fn options_for(args: &ImportArgs, answer: Option<&Answer>, lang: gongkai_model::i18n::Lang) -> ImportOptions {
    let a = answer.cloned().unwrap_or_default();
    ImportOptions {
        file_name: None,
        province: a.province.or_else(|| args.province.clone()),
        city: a.city.or_else(|| args.city.clone()),
        url: args.url.clone(),
        year: a.year.or(args.year),
        department: a.department.or_else(|| args.department.clone()),
        lang,
    }
}

/// What a file's facts depend on besides its bytes.
fn asked(opts: &ImportOptions) -> String {
    let parts = [
        opts.province.as_deref().unwrap_or(""),
        opts.city.as_deref().unwrap_or(""),
        opts.url.as_deref().unwrap_or(""),
        &opts.year.map(|y| y.to_string()).unwrap_or_default(),
        opts.department.as_deref().unwrap_or(""),
        MANIFEST_VERSION,
    ];
    sha(&parts.iter().map(|p| p.as_bytes()).collect::<Vec<_>>())
}

/// Seconds a PDF may take (GONGKAI_PDF_SECONDS, as `gongkai import` of one file).
fn pdf_seconds() -> f64 {
    std::env::var("GONGKAI_PDF_SECONDS")
        .ok()
        .and_then(|s| s.parse::<f64>().ok())
        .filter(|s| *s > 0.0)
        .unwrap_or(10.0)
}

/// Why an import stopped: the file (its name as given to the importer; empty: the files
/// together), the reason in words, and the importer's error (none after a panic).
struct Failure {
    file: String,
    reason: String,
    error: Option<ImportError>,
}

/// Imports documents, a panic in the importer turned into an error (one bad file never stops
/// the batch).
fn import_guarded(docs: &[Document], opts: &ImportOptions) -> Result<Bundle, Failure> {
    let seconds = pdf_seconds();
    let run = || {
        let origin = std::time::Instant::now();
        let mut limit = PerFileLimit::new(seconds, || origin.elapsed().as_secs_f64() * 1000.0);
        import_documents(docs, opts, &mut |p| limit.keep_going(p))
    };
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(run)) {
        Ok(Ok(b)) => Ok(b),
        Ok(Err(e)) => Err(Failure {
            file: e.file.clone(),
            reason: e.error.message(opts.lang),
            error: Some(e.error),
        }),
        Err(_) => Err(Failure {
            file: docs.first().map_or(String::new(), |d| d.name.to_string()),
            reason: "the importer stopped on this file (a bug: please report it with the file)".into(),
            error: None,
        }),
    }
}

fn role_of(b: &Bundle) -> Role {
    // The narrative is where the duties are (a file of tables has section names from its
    // table titles and notes, never duties).
    match (!b.duties.is_empty(), !b.tables.is_empty()) {
        (true, true) => Role::Both,
        (false, true) => Role::Tables,
        _ => Role::Narrative,
    }
}

/// A file's facts, learnt by importing it alone; the bundle too, for a file that is its own
/// disclosure (so it is not read twice).
fn learn(key: &str, bytes: &[u8], opts: &ImportOptions) -> (Facts, Option<Bundle>) {
    let name = Path::new(key)
        .file_name()
        .map_or(key.to_string(), |n| n.to_string_lossy().into_owned());
    match import_guarded(&[Document { name: &name, bytes }], opts) {
        Ok(b) => (
            Facts::Known {
                department: b.meta.department.clone(),
                year: b.meta.fiscal_year,
                kind: b.meta.kind,
                role: role_of(&b),
            },
            Some(b),
        ),
        Err(Failure {
            error: Some(ImportError::Missing(m)),
            ..
        }) => {
            let missing = m
                .iter()
                .map(|f| match f {
                    gongkai_import::narrative::MissingFact::Year => "its fiscal year".to_string(),
                    gongkai_import::narrative::MissingFact::Department => "its department".to_string(),
                })
                .collect();
            (Facts::NeedsFact { missing }, None)
        }
        // An old Word file: say what to do with it (the importer reads .docx, not the binary .doc).
        Err(f) if key.to_lowercase().ends_with(".doc") => (
            Facts::Unreadable {
                reason: format!(
                    "an old Word .doc file, which Gongkai does not read: open it in Word or WPS and save it as .docx ({})",
                    f.reason
                ),
            },
            None,
        ),
        Err(f) => (Facts::Unreadable { reason: f.reason }, None),
    }
}

/// The failing checks of a bundle, one line each in `lang`.
fn failing(lang: gongkai_model::i18n::Lang, b: &Bundle) -> Vec<String> {
    gongkai_model::reconcile(b)
        .iter()
        .enumerate()
        .filter(|(_, c)| c.status == CheckStatus::Fail)
        .map(|(i, c)| crate::check_line(lang, "✗", i + 1, c))
        .collect()
}

/// A file name from a department's name (characters a file system refuses replaced).
fn file_safe(s: &str) -> String {
    s.chars()
        .map(|c| {
            if matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .collect::<String>()
        .trim()
        .to_string()
}

/// A disclosure to import: its files (narrative first), the bundle's name, why so grouped.
struct Group {
    files: Vec<usize>,
    name: String,
    note: Option<String>,
}

/// Groups the files whose facts are known: one disclosure each (see the module notes).
fn group(found: &[Found], facts: &[Facts]) -> Vec<Group> {
    let mut by_key: BTreeMap<(String, i32, String), Vec<usize>> = BTreeMap::new();
    for (i, f) in facts.iter().enumerate() {
        if let Facts::Known {
            department, year, kind, ..
        } = f
        {
            let kind = serde_json::to_string(kind).expect("kind serialises");
            by_key.entry((department.clone(), *year, kind)).or_default().push(i);
        }
    }
    let role = |i: usize| match &facts[i] {
        Facts::Known { role, .. } => *role,
        _ => Role::Narrative,
    };
    let mut groups = Vec::new();
    for ((department, year, kind), mut files) in by_key {
        files.sort_by_key(|&i| (role(i), found[i].key.clone()));
        let suffix = if kind.contains("final") { "-决算" } else { "" };
        let base = format!("{}-{year}{suffix}", file_safe(&department));
        let narratives = files.iter().filter(|&&i| role(i) != Role::Tables).count();
        let tables = files.iter().filter(|&&i| role(i) != Role::Narrative).count();
        let one = files.len() == 1 || (narratives <= 1 && tables <= 1 && !files.iter().any(|&i| role(i) == Role::Both));
        if one {
            let note = (files.len() > 1).then(|| format!("one disclosure: {department} {year}, {} files", files.len()));
            groups.push(Group {
                files,
                name: format!("{base}.json"),
                note,
            });
        } else {
            let all: Vec<&str> = files.iter().map(|&i| found[i].key.as_str()).collect();
            for &i in &files {
                let stem = Path::new(&found[i].key)
                    .file_stem()
                    .map_or(String::new(), |s| s.to_string_lossy().into_owned());
                let others: Vec<&str> = all.iter().copied().filter(|k| *k != found[i].key).collect();
                groups.push(Group {
                    files: vec![i],
                    name: format!("{base}-{}.json", file_safe(&stem)),
                    note: Some(format!(
                        "imported alone: same department, year and kind ({department} {year}) and the same parts as {}; which files belong together cannot be told (give files another department in the answers file to join or part them)",
                        others.join(", ")
                    )),
                });
            }
        }
    }
    // Two groups may end on one name (a department spelt alike but for a '/'): numbered.
    let mut seen = HashSet::new();
    for g in &mut groups {
        let mut n = 2;
        let stem = g.name.trim_end_matches(".json").to_string();
        while !seen.insert(g.name.clone()) {
            g.name = format!("{stem}-{n}.json");
            n += 1;
        }
    }
    groups
}

fn read_manifest(path: &Path) -> Manifest {
    std::fs::read_to_string(path)
        .ok()
        .and_then(|t| serde_json::from_str::<Manifest>(&t).ok())
        .filter(|m| m.version == MANIFEST_VERSION)
        .unwrap_or_default()
}

fn write(path: &Path, content: &[u8]) -> Result<(), String> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| format!("{}: cannot create: {e}", parent.display()))?;
    }
    if std::fs::read(path).is_ok_and(|old| old == content) {
        return Ok(());
    }
    std::fs::write(path, content).map_err(|e| format!("{}: cannot write: {e}", path.display()))
}

/// `gongkai import DIR… -o BUNDLES/`.
pub fn run(args: ImportArgs, lang: gongkai_model::i18n::Lang) -> ExitCode {
    match run_batch(&args, lang) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("gongkai import: {e}");
            ExitCode::from(2)
        }
    }
}

fn run_batch(args: &ImportArgs, lang: gongkai_model::i18n::Lang) -> Result<ExitCode, String> {
    let started = std::time::Instant::now();
    let Some(out) = args.output.clone() else {
        return Err("give the folder the bundles go in: gongkai import DIR… -o BUNDLES/".into());
    };
    if out.is_file() || out.extension().is_some_and(|e| e == "json") {
        return Err(format!(
            "-o {}: folders make a folder of bundles; give a folder, e.g. -o bundles/",
            out.display()
        ));
    }
    if args.department.is_some() || args.year.is_some() {
        // One department or year for every file of a county would be a guess for most of them.
        return Err(format!(
            "--department and --year name the facts of one disclosure; for folders give them per file in {}",
            args.answers.clone().unwrap_or_else(|| out.join(ANSWERS_FILE)).display()
        ));
    }
    std::fs::create_dir_all(&out).map_err(|e| format!("{}: cannot create: {e}", out.display()))?;
    let answers_path = args.answers.clone().unwrap_or_else(|| out.join(ANSWERS_FILE));
    let answers_text = match std::fs::read_to_string(&answers_path) {
        Ok(t) => Some(t),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(format!("{}: cannot read: {e}", answers_path.display())),
    };
    let mut answers = match &answers_text {
        Some(t) => answers::parse(t).map_err(|e| format!("{}: {e}", answers_path.display()))?,
        None => Answers::default(),
    };
    let manifest_path = out.join(STATE_DIR).join("manifest.json");
    let old = read_manifest(&manifest_path);
    let (found, ignored) = walk(&args.inputs, &out)?;
    if found.is_empty() {
        return Err(format!(
            "no document (.pdf, .docx, .doc, .xlsx, .xls, .txt, .html) under {}",
            args.inputs
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    let jobs = args
        .jobs
        .filter(|j| *j > 0)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(2, |n| n.get()));
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .build()
        .map_err(|e| e.to_string())?;

    // 2. Each file's facts: from the manifest when the file and its answers are unchanged.
    let opts: Vec<ImportOptions> = found
        .iter()
        .map(|f| options_for(args, answers.files.get(&f.key), lang))
        .collect();
    let stage = Stage::new("import: reading files", found.len());
    let learnt: Vec<(FileRecord, Option<Bundle>, bool)> = pool.install(|| {
        found
            .par_iter()
            .zip(&opts)
            .map(|(f, opts)| {
                let asked = asked(opts);
                // (A record without a hash is of a file that could not be read: read it again.)
                let old = old.files.get(&f.key).filter(|r| r.asked == asked && !r.sha.is_empty());
                if let Some(r) = old.filter(|r| r.len == f.len && r.mtime == f.mtime) {
                    stage.step(&format!("{} (unchanged)", f.key));
                    return (r.clone(), None, false);
                }
                let bytes = match std::fs::read(&f.path) {
                    Ok(b) => b,
                    Err(e) => {
                        stage.step(&f.key);
                        let facts = Facts::Unreadable {
                            reason: format!("cannot read: {e}"),
                        };
                        let record = FileRecord {
                            len: f.len,
                            mtime: f.mtime,
                            sha: String::new(),
                            asked,
                            facts,
                        };
                        // Tried at every run, never counted as read.
                        return (record, None, false);
                    }
                };
                let sha = sha(&[&bytes]);
                if let Some(r) = old.filter(|r| r.sha == sha) {
                    // Touched, not changed.
                    stage.step(&format!("{} (unchanged)", f.key));
                    let r = FileRecord {
                        len: f.len,
                        mtime: f.mtime,
                        ..r.clone()
                    };
                    return (r, None, false);
                }
                let (facts, bundle) = learn(&f.key, &bytes, opts);
                stage.step(&f.key);
                let record = FileRecord {
                    len: f.len,
                    mtime: f.mtime,
                    sha,
                    asked,
                    facts,
                };
                (record, bundle, true)
            })
            .collect()
    });
    stage.finish();
    drop(stage);
    let mut records = Vec::with_capacity(found.len());
    let mut alone_bundles: Vec<Option<Bundle>> = Vec::with_capacity(found.len());
    let mut files_read = 0;
    for (record, bundle, read) in learnt {
        files_read += usize::from(read);
        records.push(record);
        alone_bundles.push(bundle);
    }
    let facts: Vec<Facts> = records.iter().map(|r| r.facts.clone()).collect();

    // 3. Groups, and which changed since the last run.
    let groups = group(&found, &facts);
    let fingerprint = |g: &Group| {
        let mut parts: Vec<Vec<u8>> = vec![MANIFEST_VERSION.as_bytes().to_vec(), g.name.as_bytes().to_vec()];
        for &i in &g.files {
            parts.push(found[i].key.as_bytes().to_vec());
            parts.push(records[i].sha.as_bytes().to_vec());
            parts.push(records[i].asked.as_bytes().to_vec());
        }
        sha(&parts.iter().map(Vec::as_slice).collect::<Vec<_>>())
    };
    let old_groups: BTreeMap<&str, &GroupRecord> = old.groups.iter().map(|g| (g.fingerprint.as_str(), g)).collect();
    let mut todo = Vec::new();
    let mut group_records: Vec<Option<GroupRecord>> = Vec::with_capacity(groups.len());
    for (gi, g) in groups.iter().enumerate() {
        let fp = fingerprint(g);
        match old_groups.get(fp.as_str()) {
            Some(r) if r.bundle.as_ref().is_none_or(|b| out.join(b).exists()) => group_records.push(Some((*r).clone())),
            _ => {
                group_records.push(None);
                todo.push((gi, fp));
            }
        }
    }

    // 4. Import the changed groups, in parallel.
    let stage = Stage::new("import: bundles", todo.len());
    let imported: Vec<(usize, GroupRecord, Option<String>)> = pool.install(|| {
        todo.par_iter()
            .map(|(gi, fp)| {
                let g = &groups[*gi];
                let keys: Vec<String> = g.files.iter().map(|&i| found[i].key.clone()).collect();
                // The group's options: the answers of its files (the first that gives each).
                let mut answer = Answer::default();
                for k in &keys {
                    if let Some(a) = answers.files.get(k) {
                        answer.department = answer.department.or(a.department.clone());
                        answer.year = answer.year.or(a.year);
                        answer.province = answer.province.or(a.province.clone());
                        answer.city = answer.city.or(a.city.clone());
                    }
                }
                let opts = options_for(args, Some(&answer), lang);
                let bundle = match (&g.files[..], g.files.first().and_then(|&i| alone_bundles[i].as_ref())) {
                    ([_], Some(b)) => Ok(b.clone()),
                    _ => {
                        let names: Vec<String> = g
                            .files
                            .iter()
                            .map(|&i| {
                                found[i]
                                    .path
                                    .file_name()
                                    .map_or(found[i].key.clone(), |n| n.to_string_lossy().into_owned())
                            })
                            .collect();
                        let bytes: Result<Vec<Vec<u8>>, (String, String)> = g
                            .files
                            .iter()
                            .map(|&i| {
                                std::fs::read(&found[i].path)
                                    .map_err(|e| (found[i].key.clone(), format!("cannot read: {e}")))
                            })
                            .collect();
                        bytes.and_then(|bytes| {
                            let docs: Vec<Document> = names
                                .iter()
                                .zip(&bytes)
                                .map(|(name, bytes)| Document { name, bytes })
                                .collect();
                            import_guarded(&docs, &opts).map_err(|f| {
                                let key = names
                                    .iter()
                                    .position(|n| *n == f.file)
                                    .map_or(keys.join(" + "), |i| keys[i].clone());
                                (key, f.reason)
                            })
                        })
                    }
                };
                stage.step(&g.name);
                let (outcome, json, entry) = match bundle {
                    Ok(b) => {
                        let checks = failing(lang, &b);
                        let outcome = if checks.is_empty() {
                            Outcome::Imported
                        } else {
                            Outcome::FailingChecks { checks }
                        };
                        (
                            outcome,
                            Some(gongkai_model::to_json(&b)),
                            Some(crate::site::catalog_entry(&b, &g.name)),
                        )
                    }
                    Err((file, reason)) => (Outcome::Unreadable { file, reason }, None, None),
                };
                let record = GroupRecord {
                    fingerprint: fp.clone(),
                    files: keys,
                    bundle: json.as_ref().map(|_| g.name.clone()),
                    entry,
                    outcome,
                    note: g.note.clone(),
                };
                (*gi, record, json)
            })
            .collect()
    });
    stage.finish();
    drop(stage);

    // 5. Write: bundles, catalog, answers, report, manifest; bundles of groups gone removed.
    let bundles_imported = imported.len();
    for (gi, record, json) in imported {
        if let (Some(name), Some(json)) = (&record.bundle, json) {
            write(&out.join(name), json.as_bytes())?;
        }
        group_records[gi] = Some(record);
    }
    let group_records: Vec<GroupRecord> = group_records.into_iter().map(|r| r.expect("every group")).collect();
    let kept: BTreeSet<&str> = group_records.iter().filter_map(|g| g.bundle.as_deref()).collect();
    for g in &old.groups {
        if let Some(b) = g.bundle.as_deref().filter(|b| !kept.contains(b)) {
            let _ = std::fs::remove_file(out.join(b));
        }
    }
    let entries: Vec<CatalogEntry> = group_records.iter().filter_map(|g| g.entry.clone()).collect();
    let index = out.join("index.json");
    if entries.is_empty() {
        let _ = std::fs::remove_file(&index);
    } else {
        let catalog = crate::site::catalog(entries);
        write(
            &index,
            (serde_json::to_string_pretty(&catalog).expect("catalog serialises") + "\n").as_bytes(),
        )?;
    }
    // The answers file: an entry (blank) for every fact still missing, added to the person's
    // file as they wrote it.
    let mut new_keys = Vec::new();
    for (f, facts) in found.iter().zip(&facts) {
        if let Facts::NeedsFact { missing } = facts {
            if !answers.files.contains_key(&f.key) {
                answers.files.insert(f.key.clone(), Answer::default());
                new_keys.push(f.key.clone());
            }
            answers.notes.insert(f.key.clone(), missing.join(" and "));
        }
    }
    if !new_keys.is_empty() {
        let keys: Vec<&String> = new_keys.iter().collect();
        let text = answers::updated(answers_text.as_deref(), &answers, &keys);
        write(&answers_path, text.as_bytes())?;
    }
    // The summary: every file, by what became of it.
    let changed: BTreeSet<&str> = todo
        .iter()
        .flat_map(|(gi, _)| groups[*gi].files.iter().map(|&i| found[i].key.as_str()))
        .collect();
    let mut files: Vec<FileReport> = Vec::new();
    for g in &group_records {
        let (status, reason) = match &g.outcome {
            Outcome::Imported => ("imported", g.note.clone()),
            Outcome::FailingChecks { checks } => ("failing_checks", Some(checks.join("\n"))),
            Outcome::Unreadable { file, reason } => ("unreadable", Some(format!("{file}: {reason}"))),
        };
        for f in &g.files {
            files.push(FileReport {
                file: f.clone(),
                status,
                bundle: g.bundle.clone(),
                with: g.files.iter().filter(|o| *o != f).cloned().collect(),
                reason: reason.clone(),
                imported_now: changed.contains(f.as_str()),
            });
        }
    }
    for (f, facts) in found.iter().zip(&facts) {
        let (status, reason) = match facts {
            Facts::Known { .. } => continue,
            Facts::NeedsFact { missing } => (
                "needs_fact",
                format!(
                    "the document does not state {}: fill it in {}",
                    missing.join(" nor "),
                    answers_path.display()
                ),
            ),
            Facts::Unreadable { reason } => ("unreadable", reason.clone()),
        };
        files.push(FileReport {
            file: f.key.clone(),
            status,
            bundle: None,
            with: Vec::new(),
            reason: Some(reason),
            imported_now: false,
        });
    }
    let order = |s: &str| {
        ["imported", "failing_checks", "needs_fact", "unreadable"]
            .iter()
            .position(|x| *x == s)
    };
    files.sort_by(|a, b| order(a.status).cmp(&order(b.status)).then(a.file.cmp(&b.file)));
    let mut counts = BTreeMap::new();
    for s in ["imported", "failing_checks", "needs_fact", "unreadable"] {
        counts.insert(s, files.iter().filter(|f| f.status == s).count());
    }
    let report = Report {
        format: "gongkai-import-report",
        output: out.display().to_string(),
        answers: answers_path.display().to_string(),
        counts: counts.clone(),
        files_read,
        bundles_imported,
        seconds: started.elapsed().as_secs_f64(),
        files,
        ignored,
    };
    write(
        &out.join(REPORT_FILE),
        (serde_json::to_string_pretty(&report).expect("report serialises") + "\n").as_bytes(),
    )?;
    let manifest = Manifest {
        version: MANIFEST_VERSION.into(),
        files: found.iter().map(|f| f.key.clone()).zip(records).collect(),
        groups: group_records,
    };
    write(
        &manifest_path,
        (serde_json::to_string_pretty(&manifest).expect("manifest serialises") + "\n").as_bytes(),
    )?;
    print!("{}", summary(&report));
    Ok(if counts["unreadable"] + counts["needs_fact"] > 0 {
        ExitCode::from(2)
    } else if counts["failing_checks"] > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The summary a person reads: one line per file under its heading, then the totals.
fn summary(r: &Report) -> String {
    let mut s = String::new();
    let headings = [
        ("imported", "Imported"),
        (
            "failing_checks",
            "Failing checks (written; the viewer marks these figures; publishing refuses them)",
        ),
        (
            "needs_fact",
            "Needs a fact (not imported: fill in the answers file, then run again)",
        ),
        ("unreadable", "Unreadable (not imported)"),
    ];
    for (status, heading) in headings {
        let files: Vec<&FileReport> = r.files.iter().filter(|f| f.status == status).collect();
        if files.is_empty() {
            continue;
        }
        s.push_str(&format!("{heading}: {}\n", files.len()));
        for f in files {
            let mark = match status {
                "imported" => "✓",
                "failing_checks" => "✗",
                "needs_fact" => "?",
                _ => "!",
            };
            let mut line = format!("  {mark} {}", f.file);
            if let Some(b) = &f.bundle {
                line.push_str(&format!(" → {b}"));
            }
            if !f.with.is_empty() {
                line.push_str(&format!(" (with {})", f.with.join(", ")));
            }
            if !f.imported_now && f.bundle.is_some() {
                line.push_str(" [unchanged]");
            }
            match (status, &f.reason) {
                // The checks by name (their figures: gongkai validate, or import-report.json).
                ("failing_checks", Some(checks)) => {
                    let names: Vec<&str> = checks
                        .lines()
                        .map(|c| c.trim_start_matches("✗ ").split(": ").next().unwrap_or(c))
                        .collect();
                    let more = match names.len() {
                        0..=2 => String::new(),
                        n => format!("; and {} more", n - 2),
                    };
                    line.push_str(&format!(
                        "\n      {} check(s) fail: {}{more}",
                        names.len(),
                        names[..names.len().min(2)].join("; ")
                    ));
                }
                ("imported", Some(note)) if !note.starts_with("imported alone") => {}
                (_, Some(reason)) => line.push_str(&format!("\n      {reason}")),
                (_, None) => {}
            }
            s.push_str(&line);
            s.push('\n');
        }
    }
    if !r.ignored.is_empty() {
        s.push_str(&format!("Not documents (not read): {}\n", r.ignored.join(", ")));
    }
    s.push_str(&format!(
        "{} file(s): {} imported, {} failing checks, {} need a fact, {} unreadable; {} read and {} bundle(s) imported now, in {:.1} s → {}\n",
        r.files.len(),
        r.counts["imported"],
        r.counts["failing_checks"],
        r.counts["needs_fact"],
        r.counts["unreadable"],
        r.files_read,
        r.bundles_imported,
        r.seconds,
        r.output
    ));
    if r.counts["needs_fact"] > 0 {
        s.push_str(&format!("Answers to fill in: {}\n", r.answers));
    }
    s
}
