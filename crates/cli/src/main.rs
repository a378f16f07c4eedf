//! `gongkai`: import published disclosure documents into bundles (one disclosure, or a county's
//! folders at once), validate bundles, build the site, print the bundle JSON Schema.
//! Exit status: 0 success, 1 a check failed, 2 unreadable input or bad usage (args.rs says so in
//! `--help`).

use clap::{CommandFactory as _, Parser as _};
use gongkai_import::{import_documents, Document, ImportOptions, Progress};
use gongkai_model::{parse_bundle_bytes, reconcile, to_json, warnings, CheckStatus};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

mod answers;
mod args;
mod batch;
mod generate;
mod pages;
mod progress;
mod site;

use args::{Cli, Command};
use gongkai_model::i18n::Lang;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // Help and --version go to stdout with 0; a wrong command line to stderr with 2.
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    // The language of messages, passed to what writes them.
    let lang = cli.lang.unwrap_or_default();
    progress::set_quiet(cli.quiet);
    match cli.command {
        Command::Import(a) => import(a, lang),
        Command::Validate { bundle } => validate(&bundle.display().to_string(), lang),
        Command::Text { doc } => document_text(&doc.display().to_string(), lang),
        Command::PublishCheck {
            dir,
            allow_failing_checks,
        } => publish_check(&dir, allow_failing_checks, lang),
        Command::Site(a) => site_command(a, lang),
        Command::Generate(a) => generate_command(a),
        Command::Export(a) => export(a, lang),
        Command::Schema => {
            print!("{}", gongkai_model::bundle_schema());
            ExitCode::SUCCESS
        }
        Command::Man => match clap_mangen::Man::new(Cli::command()).render(&mut std::io::stdout()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("gongkai man: {e}");
                ExitCode::from(2)
            }
        },
        Command::Completions { shell } => {
            let shell: clap_complete::Shell = shell.into();
            clap_complete::generate(shell, &mut Cli::command(), "gongkai", &mut std::io::stdout());
            ExitCode::SUCCESS
        }
    }
}

/// A usage mistake found after parsing (a combination clap cannot express): the message, the
/// command's usage line, exit 2.
fn usage_error(message: &str) -> ExitCode {
    eprintln!("error: {message}\n\nFor more information, try '--help'.");
    ExitCode::from(2)
}

fn import(a: args::ImportArgs, lang: Lang) -> ExitCode {
    // Folders: a county's published files, grouped into disclosures (batch.rs).
    if a.inputs.iter().any(|p| p.is_dir()) {
        return batch::run(a, lang);
    }
    if a.answers.is_some() || a.jobs.is_some() {
        return usage_error("--answers and --jobs are for folders (gongkai import DIR… -o BUNDLES/)");
    }
    let docs: Vec<String> = a.inputs.iter().map(|p| p.display().to_string()).collect();
    let out = a.output.map(|o| o.display().to_string());
    let mut opts = ImportOptions {
        province: a.province,
        city: a.city,
        url: a.url,
        year: a.year,
        department: a.department,
        lang,
        ..Default::default()
    };
    let mut contents = Vec::with_capacity(docs.len());
    for d in &docs {
        match std::fs::read(d) {
            Ok(b) => contents.push(b),
            Err(e) => {
                eprintln!("{d}: cannot read: {e}");
                return ExitCode::from(2);
            }
        }
    }
    let names: Vec<String> = docs
        .iter()
        .map(|d| {
            Path::new(d)
                .file_name()
                .map_or(d.clone(), |f| f.to_string_lossy().into_owned())
        })
        .collect();
    let documents: Vec<Document> = names
        .iter()
        .zip(&contents)
        .map(|(name, bytes)| Document { name, bytes })
        .collect();
    if docs.len() == 1 {
        opts.file_name = Some(names[0].clone());
    }
    // What the messages call the input: the file, or the files joined.
    let doc = docs.join(" + ");
    let seconds = std::env::var("GONGKAI_PDF_SECONDS")
        .ok()
        .and_then(|s| s.parse::<f64>().ok())
        .filter(|s| *s > 0.0)
        .unwrap_or(10.0);
    let origin = std::time::Instant::now();
    let mut limit = gongkai_import::PerFileLimit::new(seconds, || origin.elapsed().as_secs_f64() * 1000.0);
    let mut keep_going = |p: Progress| limit.keep_going(p);
    let bundle = match import_documents(&documents, &opts, &mut keep_going) {
        Ok(b) => b,
        Err(e) if e.file.is_empty() => {
            eprintln!("{doc}: {}", e.error.message(lang));
            return ExitCode::from(2);
        }
        Err(e) => {
            let path = docs
                .iter()
                .zip(&names)
                .find(|(_, n)| **n == e.file)
                .map_or(&e.file, |(d, _)| d);
            eprintln!("{path}: {}", e.error.message(lang));
            return ExitCode::from(2);
        }
    };
    if let Some(r) = &bundle.import_report {
        eprintln!(
            "{doc}: {} lines read; sections found: {}",
            r.lines,
            r.sections_found.join("、")
        );
        for f in &r.supplied {
            eprintln!("{doc}: supplied (the document does not state it): {f}");
        }
        if !r.sections_missing.is_empty() {
            eprintln!("{doc}: sections missing: {}", r.sections_missing.join("、"));
        }
        for s in &r.skipped {
            let place = match r.page_of(s.line) {
                Some(p) => {
                    let page = p.page.map(|n| format!(" p.{n}")).unwrap_or_default();
                    format!("{}{page} (line {})", p.file.as_deref().unwrap_or(&doc), s.line)
                }
                None => format!("{doc}:{}", s.line),
            };
            eprintln!("{place}: skipped: {} ({})", s.text, s.reason);
        }
    }
    eprintln!(
        "{doc}: {} duties, {} sub-units, {} activities, {} sub-activities, {} indicators, {} asset rows",
        bundle.duties.len(),
        bundle.organisation.units.len(),
        bundle.performance.activities.len(),
        bundle.sub_activity_count(),
        bundle.indicators().count(),
        bundle.assets.rows.len()
    );
    let json = to_json(&bundle);
    match out {
        Some(path) => {
            if let Err(e) = std::fs::write(&path, json) {
                eprintln!("{path}: cannot write: {e}");
                return ExitCode::from(2);
            }
        }
        None => print!("{json}"),
    }
    // Written as read, but a bundle whose figures disagree is not a success: say which checks.
    let failing = failing_checks(&bundle);
    if failing.is_empty() {
        ExitCode::SUCCESS
    } else {
        eprintln!(
            "{doc}: {} check(s) fail (the bundle was written; the viewer marks these figures):",
            failing.len()
        );
        for (n, c) in &failing {
            eprintln!("{}", check_line(lang, "✗", *n, c));
            let places = gongkai_model::provenance::citations(lang, &bundle, &c.figures);
            if !places.is_empty() {
                eprintln!("    {}：{}", lang.t("checks.source"), places.join("；"));
            }
        }
        ExitCode::from(1)
    }
}

fn document_text(doc: &str, lang: Lang) -> ExitCode {
    let bytes = match std::fs::read(doc) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{doc}: cannot read: {e}");
            return ExitCode::from(2);
        }
    };
    match gongkai_import::document_text_of(&bytes) {
        Ok(text) => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{doc}: {}", e.message(lang));
            ExitCode::from(2)
        }
    }
}

/// The reconciliation checks of `b` that fail, with their numbers (1-based).
fn failing_checks(b: &gongkai_model::Bundle) -> Vec<(usize, gongkai_model::Check)> {
    reconcile(b)
        .into_iter()
        .enumerate()
        .filter(|(_, c)| c.status == CheckStatus::Fail)
        .map(|(i, c)| (i + 1, c))
        .collect()
}

/// One check as the commands print it, in the interface language: "✓ [支出] what: figures
/// (#2 expenditure.categories-sum)" — its number in 数据核对 and its id (`checks/#check-<id>`).
pub(crate) fn check_line(lang: Lang, mark: &str, n: usize, c: &gongkai_model::Check) -> String {
    format!(
        "{mark} [{}] {}: {} (#{n} {})",
        c.area(lang),
        c.label(lang),
        c.detail(lang),
        c.id
    )
}

/// `gongkai site`: options checked, the build run (site/), its summary printed.
fn site_command(a: args::SiteArgs, lang: Lang) -> ExitCode {
    let viewer = a.viewer;
    let (out, in_place, data) = (a.output, a.in_place, a.data);
    let province = if a.province {
        Some(true)
    } else if a.pages {
        Some(false)
    } else {
        None
    };
    let step = match (a.part, a.merge) {
        (Some(region), _) if region.trim().is_empty() => {
            return usage_error("gongkai site: --part needs a region, e.g. \"河北省 邢台市\"")
        }
        (Some(region), _) => site::Step::Part(region.trim().to_string()),
        (None, true) => site::Step::Merge,
        (None, false) => site::Step::All,
    };
    let (allow, precompress) = (a.allow_failing_checks, !a.no_precompress);
    let site_url = a
        .url
        .or_else(|| std::env::var("GONGKAI_SITE_URL").ok())
        .filter(|u| !u.is_empty());
    let out = match (in_place, out) {
        (true, None) => viewer.clone(),
        (true, Some(_)) => return usage_error("gongkai site: --in-place and -o exclude each other"),
        (false, Some(o)) => o,
        (false, None) => "site".into(),
    };
    // The address pages are found at: absolute, ending in "/".
    let site_url = match site_url {
        Some(u) if !(u.starts_with("https://") || u.starts_with("http://")) => {
            return usage_error(&format!("gongkai site: --url {u}: give the full address, https://…/"))
        }
        Some(u) if !u.ends_with('/') => Some(format!("{u}/")),
        u => u,
    };
    let opts = site::SiteOptions {
        viewer,
        data,
        out: out.clone(),
        allow_failing_checks: allow,
        site_url,
        precompress,
        province,
        step,
        lang,
    };
    let gate = |dir: &Path, allow: bool| publish_check(dir, allow, lang) == ExitCode::SUCCESS;
    match site::build_site(&opts, &gate) {
        Ok(r) if r.total_ms > 0.0 => {
            // A province.
            println!(
                "{}: province of {} bundle(s): {} built, {} unchanged ({:.0} ms, {:.1} ms a bundle built); search index {} files, {} shards, {:.0} KiB ({} bundles' terms reused); whole run {:.1} s ({:.1} ms a bundle)",
                out.display(),
                r.bundles,
                r.built,
                r.unchanged,
                r.render_ms,
                if r.built > 0 { r.render_ms / r.built as f64 } else { 0.0 },
                r.index_files,
                r.shards,
                r.index_bytes as f64 / 1024.0,
                r.reused_terms,
                r.total_ms / 1000.0,
                if r.bundles > 0 { r.total_ms / r.bundles as f64 } else { 0.0 }
            );
            ExitCode::SUCCESS
        }
        Ok(r) => {
            println!(
                "{}: {} bundle(s), {} pages rendered in {:.0} ms ({:.1} ms a page), {} files ({} precached for offline use), {} inline script(s) allowed by hash; {:.0} KiB → {:.0} KiB gzip, {:.0} KiB brotli",
                out.display(),
                r.bundles,
                r.pages,
                r.render_ms,
                if r.pages > 0 { r.render_ms / r.pages as f64 } else { 0.0 },
                r.files,
                r.precached,
                r.inline_scripts,
                r.raw_bytes as f64 / 1024.0,
                r.gzip_bytes as f64 / 1024.0,
                r.brotli_bytes as f64 / 1024.0
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("gongkai site: {e}");
            ExitCode::from(2)
        }
    }
}

/// `gongkai generate --from BUNDLE… --count N -o DIR`: a made-up province (see generate.rs).
fn generate_command(a: args::GenerateArgs) -> ExitCode {
    let (from, count, out) = (a.from, a.count, a.output);
    if out.join("index.json").exists() || out.read_dir().map(|mut d| d.next().is_some()).unwrap_or(false) {
        return usage_error(&format!("gongkai generate: {} is not empty", out.display()));
    }
    let started = std::time::Instant::now();
    match generate::generate(&from, count, &out) {
        Ok(n) => {
            println!(
                "{}: {n} generated bundle(s) and index.json in {:.1} s (样例省: made-up data, never publish it)",
                out.display(),
                started.elapsed().as_secs_f64()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("gongkai generate: {e}");
            ExitCode::from(2)
        }
    }
}

/// `gongkai publish-check SITE_DATA_DIR [--allow-failing-checks]`: the gate the build runs before
/// publishing. Reads the catalog (`index.json`) and every bundle it lists; exit 2 when one cannot
/// be read, 1 when one has failing checks (unless allowed: then it warns that the pages will
/// carry the notice), 0 otherwise.
fn publish_check(dir: &Path, allow: bool, lang: Lang) -> ExitCode {
    let index = dir.join("index.json");
    let catalog = match std::fs::read_to_string(&index) {
        Ok(t) => match gongkai_model::parse_catalog(&t, &index.display().to_string()) {
            Ok(c) => c,
            Err(e) => {
                eprintln!("{}", e.message(lang));
                return ExitCode::from(2);
            }
        },
        Err(e) => {
            eprintln!("{}: cannot read: {e}", index.display());
            return ExitCode::from(2);
        }
    };
    let mut refused = 0;
    for entry in &catalog.bundles {
        let path = dir.join(&entry.path).display().to_string();
        let bundle = match read_bundle(&path, lang) {
            Ok(b) => b,
            Err(code) => return code,
        };
        let failing = failing_checks(&bundle);
        if failing.is_empty() {
            println!("{path}: every check holds ✓");
            continue;
        }
        refused += 1;
        let verdict = if allow {
            "published with the notice (--allow-failing-checks)"
        } else {
            "refused"
        };
        eprintln!("{path}: {} check(s) fail — {verdict}:", failing.len());
        for (n, c) in &failing {
            eprintln!("  {}", check_line(lang, "✗", *n, c));
        }
    }
    if refused > 0 && !allow {
        eprintln!(
            "gongkai publish-check: {refused} bundle(s) have figures that do not agree. Correct them (gongkai validate), or publish them with a visible notice on their pages: --allow-failing-checks (build: GONGKAI_ALLOW_FAILING_CHECKS=1 trunk build)."
        );
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Reads and parses a bundle file; errors are printed and become exit status 2.
fn read_bundle(path: &str, lang: Lang) -> Result<gongkai_model::Bundle, ExitCode> {
    let bytes = std::fs::read(path).map_err(|e| {
        eprintln!("{path}: cannot read: {e}");
        ExitCode::from(2)
    })?;
    parse_bundle_bytes(lang, &bytes, path).map_err(|e| {
        eprintln!("{}", e.message(lang));
        ExitCode::from(2)
    })
}

fn export(a: args::ExportArgs, lang: Lang) -> ExitCode {
    let path = &a.bundle.display().to_string();
    let bundle = match read_bundle(path, lang) {
        Ok(b) => b,
        Err(code) => return code,
    };
    use gongkai_model::csv;
    let (files, dir): (Vec<(String, String)>, PathBuf) = match (a.csv, a.fdp) {
        (Some(dir), _) => {
            let mut files: Vec<(String, String)> = vec![
                ("绩效指标.csv".into(), csv::indicators_csv(&bundle)),
                ("职责活动.csv".into(), csv::activities_csv(&bundle)),
                ("国有资产.csv".into(), csv::assets_csv(&bundle)),
                ("数据核对.csv".into(), csv::checks_csv(&reconcile(&bundle), lang)),
            ];
            // The national performance tables' indicators, when the bundle has them.
            if !bundle.performance_targets.is_empty() {
                files.push(("绩效目标.csv".into(), csv::performance_targets_csv(&bundle)));
            }
            (files, dir)
        }
        (None, Some(dir)) => match gongkai_model::fdp::fiscal_data_package(&bundle, Some(path)) {
            Some(f) => (f, dir),
            None => {
                eprintln!("{path}: unit {} cannot be converted to yuan", bundle.meta.unit);
                return ExitCode::from(2);
            }
        },
        (None, None) => return usage_error("gongkai export: --csv DIR or --fdp DIR"),
    };
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("{}: cannot create: {e}", dir.display());
        return ExitCode::from(2);
    }
    for (name, content) in files {
        let out = dir.join(&name);
        if let Err(e) = std::fs::write(&out, content) {
            eprintln!("{}: cannot write: {e}", out.display());
            return ExitCode::from(2);
        }
        println!("{}", out.display());
    }
    ExitCode::SUCCESS
}

fn validate(path: &str, lang: Lang) -> ExitCode {
    let bundle = match read_bundle(path, lang) {
        Ok(b) => b,
        Err(code) => return code,
    };
    println!("{path}: schema ✓ (format gongkai-bundle version {})", bundle.version);
    for w in warnings(lang, &bundle) {
        println!("⚠ {path}: {w}");
    }
    let checks = reconcile(&bundle);
    let mut failed = 0;
    for (i, c) in checks.iter().enumerate() {
        let mark = match c.status {
            CheckStatus::Pass => "✓",
            CheckStatus::Fail => {
                failed += 1;
                "✗"
            }
            CheckStatus::NotApplicable => "–",
        };
        println!("{}", check_line(lang, mark, i + 1, c));
        // Where a failing figure was published, so it can be looked up in the document.
        if c.status == CheckStatus::Fail {
            let places = gongkai_model::provenance::citations(lang, &bundle, &c.figures);
            if !places.is_empty() {
                println!("    {}：{}", lang.t("checks.source"), places.join("；"));
            }
        }
    }
    let passed = checks.iter().filter(|c| c.status == CheckStatus::Pass).count();
    println!(
        "{} checks: {passed} passed, {failed} failed, {} not applicable",
        checks.len(),
        checks.len() - passed - failed
    );
    if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
