//! `gongkai`: import published disclosure documents into bundles, validate bundles, print the
//! bundle JSON Schema. Exit status: 0 success, 1 a check failed, 2 unreadable input or bad usage.

use gongkai_import::{import_documents, Document, ImportOptions, Progress};
use gongkai_model::{parse_bundle_bytes, reconcile, to_json, warnings, CheckStatus};
use std::path::Path;
use std::process::ExitCode;

mod generate;
mod pages;
mod province;
mod site;

const USAGE: &str = "gongkai — 部门预算公开 documents → Gongkai bundles

USAGE:
  gongkai import DOC... [-o BUNDLE.json] [--province P] [--city C] [--url URL]
                 [--year YYYY] [--department NAME]
      Read a disclosure (.pdf; .docx; .xlsx/.xls; .txt in UTF-8, UTF-16 or GBK, also text taken
      out of a PDF with pdftotext) and write a bundle (stdout without -o). Several files of one
      disclosure (the narrative and the tables published apart) make one bundle:
      gongkai import 说明.pdf 公开表.pdf. The standard tables (功能分类/经济分类 budget lines) are
      read into the bundle's tables; each figure keeps its file, page and line. A year or a
      department the document does not state is never guessed: the import stops (exit 2) and
      names the option that supplies it. A PDF is given 10 s (GONGKAI_PDF_SECONDS) at most.
      The import report (sections found/missing, skipped lines) is printed to stderr.
      Exit 0 when every check holds, 1 when the bundle was written but a check fails (listed),
      2 when the document cannot be read.
  gongkai text DOC
      Print the text Gongkai reads from a document: a PDF's pages laid out in columns as
      printed (form feed between pages), a Word or Excel file's tables laid out, text decoded.
  gongkai validate BUNDLE.json
      Check the schema and every reconciliation; one line per check.
      Exit 0 when all hold, 1 when a check fails, 2 when the file cannot be read or parsed.
  gongkai export BUNDLE.json --csv DIR
      Write the tables as CSV (UTF-8 with BOM, for Excel): 绩效指标, 职责活动, 国有资产, 数据核对.
  gongkai export BUNDLE.json --fdp DIR
      Write a Fiscal Data Package (datapackage.json, budget.csv in yuan, indicators.csv, assets.csv).
  gongkai schema
      Print the JSON Schema of the bundle format.
  gongkai publish-check DATA_DIR [--allow-failing-checks]
      The gate before publishing (the build runs it on the site's data/): every bundle that
      DATA_DIR/index.json lists must read and have no failing check. Exit 1 names the failing
      checks; --allow-failing-checks publishes them anyway (their pages carry the notice).
  gongkai site [DATA_DIR] [--viewer DIST] [-o OUT | --in-place] [--url URL]
               [--allow-failing-checks] [--no-precompress]
               [--province | --pages] [--part REGION | --merge]
      Make a deployable site from the built viewer (default dist/, from trunk build --release)
      and a folder of bundles (default: the viewer's data/): data/index.json made when the folder
      has none, the publishing gate (as publish-check), every view of every bundle in both
      languages as a page of its own (rendered by the viewer's components, readable without
      scripts), the Content-Security-Policy, the offline list, robots.txt, and .gz/.br copies.
      --url https://x.gov.cn/budget/ (or GONGKAI_SITE_URL) adds canonical links, sharing
      addresses and sitemap.xml. No Trunk, node or Rust toolchain is needed to publish new data.
      Default OUT: site/. --in-place finishes the viewer folder itself (the build's post-build
      step does this). --no-precompress leaves out the .gz/.br copies (a quick preview).
      A province (above 200 bundles, or --province; --pages: every view a page whatever the
      size): the catalog in areas (data/areas/), each bundle's overview a page (its other views
      hash addresses on it), a home page of areas, a page per area, and search across every
      bundle from a sharded index (search-index/, page search/). Built on every core; a bundle
      whose file, area, viewer and address are unchanged is not built again (_build/ keeps the
      records). --part REGION builds only the bundles whose region starts with REGION;
      --merge then writes the areas, the search index and the home and area pages.
  gongkai generate --from BUNDLE.json [--from …] --count N -o DIR
      Write N made-up bundles of 样例省 derived from real ones (renamed departments, counties and
      years; amounts multiplied by 1 to 4 so every check still holds; titled 【生成数据】 with a
      note saying so) and their index.json into the empty folder DIR: a province for benchmarks
      and tests. Never publish it.

OPTIONS (any command):
  --lang zh|en    Language of the check texts and messages (default zh, 简体中文).
";

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    if let Some(i) = args.iter().position(|a| a == "--lang") {
        match args.get(i + 1).and_then(|l| gongkai_model::i18n::Lang::parse(l)) {
            Some(lang) => gongkai_model::i18n::set_lang(lang),
            None => {
                eprint!("gongkai: --lang takes zh or en\n\n{USAGE}");
                return ExitCode::from(2);
            }
        }
        args.drain(i..i + 2);
    }
    match args.first().map(String::as_str) {
        Some("import") => import(&args[1..]),
        Some("validate") => validate(&args[1..]),
        Some("text") => match &args[1..] {
            [doc] => document_text(doc),
            _ => {
                eprint!("gongkai text: give one document\n\n{USAGE}");
                ExitCode::from(2)
            }
        },
        Some("publish-check") => publish_check(&args[1..]),
        Some("site") => site_command(&args[1..]),
        Some("generate") => generate_command(&args[1..]),
        Some("export") => export(&args[1..]),
        Some("schema") => {
            print!("{}", gongkai_model::bundle_schema());
            ExitCode::SUCCESS
        }
        Some("-h" | "--help" | "help") => {
            print!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprint!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn import(args: &[String]) -> ExitCode {
    let mut docs: Vec<String> = Vec::new();
    let mut out = None;
    let mut opts = ImportOptions::default();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = |name: &str| match it.next() {
            Some(v) => Some(v.clone()),
            None => {
                eprintln!("gongkai import: {name} needs a value");
                None
            }
        };
        match a.as_str() {
            "-o" | "--output" => match value(a) {
                Some(v) => out = Some(v),
                None => return ExitCode::from(2),
            },
            "--province" => opts.province = value(a),
            "--city" => opts.city = value(a),
            "--url" => opts.url = value(a),
            "--department" => match value(a) {
                Some(v) => opts.department = Some(v),
                None => return ExitCode::from(2),
            },
            "--year" => match value(a).map(|v| v.parse::<i32>().ok().filter(|y| (1949..=2100).contains(y))) {
                Some(Some(y)) => opts.year = Some(y),
                _ => {
                    eprintln!("gongkai import: --year takes a year between 1949 and 2100, e.g. --year 2017");
                    return ExitCode::from(2);
                }
            },
            _ if !a.starts_with('-') => docs.push(a.clone()),
            _ => {
                eprintln!("gongkai import: unexpected argument {a}\n\n{USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    if docs.is_empty() {
        eprint!("gongkai import: no document given\n\n{USAGE}");
        return ExitCode::from(2);
    }
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
            eprintln!("{doc}: {}", e.error);
            return ExitCode::from(2);
        }
        Err(e) => {
            let path = docs
                .iter()
                .zip(&names)
                .find(|(_, n)| **n == e.file)
                .map_or(&e.file, |(d, _)| d);
            eprintln!("{path}: {}", e.error);
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
        for c in &failing {
            eprintln!("✗ [{}] {}: {}", c.area, c.label, c.detail);
            let places = gongkai_model::provenance::citations(&bundle, &c.figures);
            if !places.is_empty() {
                eprintln!("    {}：{}", gongkai_model::i18n::t("checks.source"), places.join("；"));
            }
        }
        ExitCode::from(1)
    }
}

fn document_text(doc: &str) -> ExitCode {
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
            eprintln!("{doc}: {e}");
            ExitCode::from(2)
        }
    }
}

/// The reconciliation checks of `b` that fail.
fn failing_checks(b: &gongkai_model::Bundle) -> Vec<gongkai_model::Check> {
    reconcile(b)
        .into_iter()
        .filter(|c| c.status == CheckStatus::Fail)
        .collect()
}

/// `gongkai publish-check SITE_DATA_DIR [--allow-failing-checks]`: the gate the build runs before
/// publishing. Reads the catalog (`index.json`) and every bundle it lists; exit 2 when one cannot
/// be read, 1 when one has failing checks (unless allowed: then it warns that the pages will
/// carry the notice), 0 otherwise.
fn site_command(args: &[String]) -> ExitCode {
    let mut viewer = std::path::PathBuf::from("dist");
    let mut out = None;
    let mut data = None;
    let mut in_place = false;
    let mut province = None;
    let mut step = site::Step::All;
    let mut allow = false;
    let mut precompress = true;
    let mut site_url = std::env::var("GONGKAI_SITE_URL").ok().filter(|u| !u.is_empty());
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--viewer" => match it.next() {
                Some(v) => viewer = v.into(),
                None => return usage_error("gongkai site: --viewer needs a folder"),
            },
            "-o" | "--output" => match it.next() {
                Some(v) => out = Some(std::path::PathBuf::from(v)),
                None => return usage_error("gongkai site: -o needs a folder"),
            },
            "--in-place" => in_place = true,
            "--province" => province = Some(true),
            "--pages" => province = Some(false),
            "--merge" => step = site::Step::Merge,
            "--part" => match it.next() {
                Some(v) if !v.trim().is_empty() => step = site::Step::Part(v.trim().to_string()),
                _ => return usage_error("gongkai site: --part needs a region, e.g. \"河北省 邢台市\""),
            },
            "--allow-failing-checks" => allow = true,
            "--no-precompress" => precompress = false,
            "--url" => match it.next() {
                Some(v) => site_url = Some(v.clone()),
                None => return usage_error("gongkai site: --url needs the site's address"),
            },
            _ if !a.starts_with('-') && data.is_none() => data = Some(std::path::PathBuf::from(a)),
            _ => return usage_error(&format!("gongkai site: unexpected argument {a}")),
        }
    }
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
    };
    let gate = |dir: &Path, allow: bool| {
        let mut args = vec![dir.display().to_string()];
        if allow {
            args.push("--allow-failing-checks".into());
        }
        publish_check(&args) == ExitCode::SUCCESS
    };
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
fn generate_command(args: &[String]) -> ExitCode {
    let (mut from, mut count, mut out) = (Vec::new(), None, None);
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match (a.as_str(), it.next()) {
            ("--from", Some(v)) => from.push(v.clone()),
            ("--count", Some(v)) => match v.parse::<usize>() {
                Ok(n) if n > 0 => count = Some(n),
                _ => return usage_error(&format!("gongkai generate: --count {v}: give a whole number above 0")),
            },
            ("-o" | "--output", Some(v)) => out = Some(std::path::PathBuf::from(v)),
            _ => return usage_error(&format!("gongkai generate: unexpected argument {a}")),
        }
    }
    let (Some(count), Some(out)) = (count, out) else {
        return usage_error("gongkai generate: give --count N and -o DIR");
    };
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

fn usage_error(message: &str) -> ExitCode {
    eprint!("{message}\n\n{USAGE}");
    ExitCode::from(2)
}

fn publish_check(args: &[String]) -> ExitCode {
    let allow = args.iter().any(|a| a == "--allow-failing-checks");
    let dirs: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    let ([dir], true) = (
        dirs.as_slice(),
        args.iter()
            .all(|a| !a.starts_with("--") || a == "--allow-failing-checks"),
    ) else {
        eprint!("gongkai publish-check: DATA_DIR [--allow-failing-checks]\n\n{USAGE}");
        return ExitCode::from(2);
    };
    let index = Path::new(dir.as_str()).join("index.json");
    let catalog = match std::fs::read_to_string(&index) {
        Ok(t) => match gongkai_model::parse_catalog(&t, &index.display().to_string()) {
            Ok(c) => c,
            Err(e) => {
                eprintln!("{}", e.message());
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
        let path = Path::new(dir.as_str()).join(&entry.path).display().to_string();
        let bundle = match read_bundle(&path) {
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
        for c in &failing {
            eprintln!("  ✗ [{}] {}: {}", c.area, c.label, c.detail);
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
fn read_bundle(path: &str) -> Result<gongkai_model::Bundle, ExitCode> {
    let bytes = std::fs::read(path).map_err(|e| {
        eprintln!("{path}: cannot read: {e}");
        ExitCode::from(2)
    })?;
    parse_bundle_bytes(&bytes, path).map_err(|e| {
        eprintln!("{}", e.message());
        ExitCode::from(2)
    })
}

fn export(args: &[String]) -> ExitCode {
    let [path, flag, dir] = args else {
        eprint!("gongkai export: BUNDLE.json --csv|--fdp DIR\n\n{USAGE}");
        return ExitCode::from(2);
    };
    let bundle = match read_bundle(path) {
        Ok(b) => b,
        Err(code) => return code,
    };
    use gongkai_model::csv;
    let files: Vec<(String, String)> = match flag.as_str() {
        "--csv" => vec![
            ("绩效指标.csv".into(), csv::indicators_csv(&bundle)),
            ("职责活动.csv".into(), csv::activities_csv(&bundle)),
            ("国有资产.csv".into(), csv::assets_csv(&bundle)),
            ("数据核对.csv".into(), csv::checks_csv(&reconcile(&bundle))),
        ],
        "--fdp" => match gongkai_model::fdp::fiscal_data_package(&bundle, Some(path)) {
            Some(f) => f,
            None => {
                eprintln!("{path}: unit {} cannot be converted to yuan", bundle.meta.unit);
                return ExitCode::from(2);
            }
        },
        _ => {
            eprint!("gongkai export: unknown format {flag} (--csv or --fdp)\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    if let Err(e) = std::fs::create_dir_all(dir) {
        eprintln!("{dir}: cannot create: {e}");
        return ExitCode::from(2);
    }
    for (name, content) in files {
        let out = Path::new(dir).join(&name);
        if let Err(e) = std::fs::write(&out, content) {
            eprintln!("{}: cannot write: {e}", out.display());
            return ExitCode::from(2);
        }
        println!("{}", out.display());
    }
    ExitCode::SUCCESS
}

fn validate(args: &[String]) -> ExitCode {
    let [path] = args else {
        eprint!("gongkai validate: give exactly one bundle file\n\n{USAGE}");
        return ExitCode::from(2);
    };
    let bundle = match read_bundle(path) {
        Ok(b) => b,
        Err(code) => return code,
    };
    println!("{path}: schema ✓ (format gongkai-bundle version {})", bundle.version);
    for w in warnings(&bundle) {
        println!("⚠ {path}: {w}");
    }
    let checks = reconcile(&bundle);
    let mut failed = 0;
    for c in &checks {
        let mark = match c.status {
            CheckStatus::Pass => "✓",
            CheckStatus::Fail => {
                failed += 1;
                "✗"
            }
            CheckStatus::NotApplicable => "–",
        };
        println!("{mark} [{}] {}: {}", c.area, c.label, c.detail);
        // Where a failing figure was published, so it can be looked up in the document.
        if c.status == CheckStatus::Fail {
            let places = gongkai_model::provenance::citations(&bundle, &c.figures);
            if !places.is_empty() {
                println!("    {}：{}", gongkai_model::i18n::t("checks.source"), places.join("；"));
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
