//! The gongkai command: exit codes and report lines.

mod common;
use common::gongkai;

#[test]
fn validate_seed_passes_with_every_check_listed() {
    let (code, out, _) = gongkai(&["validate", "../../data/pingxiang-fgj-2017.json"]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("✓ [支出] 支出各经济分类之和 = 支出合计: 716.45 + 92.22 + 389.62 + 2521.16 = 3719.45 万元 ✓ (#2 expenditure.categories-sum)\n"),
        "{out}"
    );
    assert!(
        out.contains("✓ [三公] “三公”各项之和 = “三公”合计: 0 + 7.07 + 4.75 = 11.82 万元 ✓"),
        "{out}"
    );
    assert!(out.contains(" 0 failed"), "{out}");
}

#[test]
fn validate_in_english() {
    let (code, out, _) = gongkai(&["validate", "--lang", "en", "../../data/pingxiang-fgj-2017.json"]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("✓ [Expenditure] Expenditure categories add up to total expenditure: 716.45 + 92.22 + 389.62 + 2521.16 = 3719.45 ×10,000 yuan ✓ (#2 expenditure.categories-sum)"),
        "{out}"
    );
    let (code, _, err) = gongkai(&["validate", "--lang", "fr", "x.json"]);
    assert_eq!(code, 2, "{err}");
}

#[test]
fn validate_exit_codes() {
    let dir = std::env::temp_dir().join(format!("gongkai-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let seed = std::fs::read_to_string("../../data/pingxiang-fgj-2017.json").unwrap();
    // A figure that no longer adds up: exit 1 with the ✗ line.
    let wrong = seed.replacen("\"amount\": \"716.45\"", "\"amount\": \"716.46\"", 1);
    let p = dir.join("wrong.json");
    std::fs::write(&p, wrong).unwrap();
    let (code, out, _) = gongkai(&["validate", p.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(out.contains("✗ [支出] 支出各经济分类之和 = 支出合计: 716.46 + 92.22 + 389.62 + 2521.16 = 3719.46 万元，公布 3719.45，相差 +0.01 ✗"), "{out}");
    // Unparseable: exit 2 naming file, line and column.
    let p = dir.join("broken.json");
    std::fs::write(&p, &seed[..500]).unwrap();
    let (code, _, err) = gongkai(&["validate", p.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("broken.json 不是有效的 JSON：第 "), "{err}");
    let (code, _, err) = gongkai(&["validate", "--lang", "en", p.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("broken.json:") && err.contains("not valid JSON"), "{err}");
    // A bundle saved as GBK: the line and column of the first byte that is not UTF-8.
    let p = dir.join("gbk.json");
    std::fs::write(&p, b"{\n  \"format\": \"\xb9\xab\xbf\xaa\"\n}").unwrap();
    let (code, _, err) = gongkai(&["validate", p.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(
        err.contains("gbk.json 不是有效的 JSON：第 2 行第 14 列，从第 16 字节起不是 UTF-8 文本"),
        "{err}"
    );
    let (code, _, err) = gongkai(&["validate", "/nonexistent/x.json"]);
    assert_eq!(code, 2);
    assert!(err.contains("/nonexistent/x.json: cannot read"), "{err}");
}

#[test]
fn import_reports_and_rejects_binary() {
    let (code, out, err) = gongkai(&["import", "../import/tests/fixtures/narrative_yuan.txt"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("\"department\": \"某县教育局\""));
    assert!(err.contains("sections missing:"), "{err}");
    let dir = std::env::temp_dir();
    let p = dir.join(format!("gongkai-bin-{}.pdf", std::process::id()));
    std::fs::write(&p, b"%PDF-1.5\n\x00\x01binary").unwrap();
    let (code, _, err) = gongkai(&["import", p.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("cannot read the PDF: PDF 文件已损坏或不是 PDF"), "{err}");
}

#[test]
fn import_reads_pdf_files_and_combines_the_two_files_of_a_year() {
    let dir = "../import/tests/fixtures/jiangsu/pdf";
    let out = std::env::temp_dir().join(format!("gongkai-pdf-{}.json", std::process::id()));
    let (code, _, err) = gongkai(&[
        "import",
        &format!("{dir}/江苏省人大常委会2019年度部门预算公开.pdf"),
        &format!("{dir}/江苏省人大常委会办公厅2019年部门预算公开表.pdf"),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    // Skipped lines name their file and page.
    assert!(err.contains(".pdf p."), "{err}");
    let b = gongkai_model::parse_bundle(&std::fs::read_to_string(&out).unwrap(), "out").unwrap();
    assert_eq!((b.meta.fiscal_year, b.tables.len(), b.duties.len()), (2019, 12, 16));
    // A figure changed by hand: validate says where it was published.
    let mut broken = b.clone();
    let gp = broken
        .tables
        .iter_mut()
        .find(|t| t.kind == gongkai_model::tables::TableKind::GeneralPublic)
        .unwrap();
    let row = gp.lines.iter().position(|l| l.code.as_deref() == Some("201")).unwrap();
    gp.lines[row].amounts[0] = gongkai_model::tables::Cell(Some("1".parse().unwrap()));
    let title = gp.title.clone();
    std::fs::write(&out, gongkai_model::to_json(&broken)).unwrap();
    let (code, text, _) = gongkai(&["validate", out.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(
        text.contains("出处：江苏省人大常委会办公厅2019年部门预算公开表.pdf 第 "),
        "{text}"
    );
    let place = text
        .lines()
        .find(|l| l.contains("出处：") && l.contains(&format!(" 页 {title} 第 ")))
        .unwrap_or_else(|| panic!("{text}"));
    let rows = place
        .rsplit(&format!("{title} 第 "))
        .next()
        .unwrap()
        .trim_end_matches(" 行");
    assert!(rows.split('、').any(|r| r == (row + 1).to_string()), "{place}");
    let _ = std::fs::remove_file(&out);
}

#[test]
fn a_scanned_pdf_exits_2_naming_the_problem_and_writes_nothing() {
    let out = std::env::temp_dir().join(format!("gongkai-scan-{}.json", std::process::id()));
    let (code, _, err) = gongkai(&[
        "import",
        "../import/tests/fixtures/pdf/scanned.pdf",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    assert!(
        err.starts_with("../import/tests/fixtures/pdf/scanned.pdf: cannot read the PDF:") && err.contains("OCR"),
        "{err}"
    );
    assert!(!out.exists(), "nothing half-written");
    let (code, text, _) = gongkai(&[
        "text",
        "../import/tests/fixtures/jiangsu/pdf/江苏省政协办公厅2018度部门预算公开表.pdf",
    ]);
    assert_eq!(code, 0);
    assert!(
        text.contains("\u{c}") && text.contains("收支预算总表") && text.contains("部门：江苏省政协办公厅"),
        "{text}"
    );
}

#[test]
fn export_writes_the_csv_tables() {
    let dir = std::env::temp_dir().join(format!("gongkai-export-{}", std::process::id()));
    let (code, out, err) = gongkai(&[
        "export",
        "../../data/pingxiang-fgj-2017.json",
        "--csv",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.lines().count(), 4);
    let ind = std::fs::read_to_string(dir.join("绩效指标.csv")).unwrap();
    assert!(ind.starts_with('\u{feff}'));
    assert_eq!(ind.lines().count(), 178);
    let (code, _, _) = gongkai(&["export", "../../data/pingxiang-fgj-2017.json", "--xml", "x"]);
    assert_eq!(code, 2);
    let fdp = dir.join("fdp");
    let (code, _, err) = gongkai(&[
        "export",
        "../../data/pingxiang-fgj-2017.json",
        "--fdp",
        fdp.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let desc = std::fs::read_to_string(fdp.join("datapackage.json")).unwrap();
    assert!(desc.contains("\"profile\": \"tabular-data-package\""), "{desc}");
    assert!(
        desc.contains("\"name\": \"pingxiang-fgj-2017\""),
        "named after the bundle file: {desc}"
    );
    assert!(fdp.join("budget.csv").exists() && fdp.join("indicators.csv").exists() && fdp.join("assets.csv").exists());
}

#[test]
fn validate_warns_of_a_title_that_is_body_text_without_failing() {
    let dir = std::env::temp_dir().join(format!("gongkai-cli-title-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let seed = std::fs::read_to_string("../../data/pingxiang-fgj-2017.json").unwrap();
    let (_, out, _) = gongkai(&["validate", "../../data/pingxiang-fgj-2017.json"]);
    assert!(!out.contains('⚠'), "the seed's title is a title: {out}");
    let long = "正文".repeat(150);
    let bundle: serde_json::Value = serde_json::from_str(&seed).unwrap();
    for (name, title, expect) in [
        ("long.json", long.as_str(), "meta.title 有 300 个字，超过 200 个字"),
        (
            "lines.json",
            "平乡县发展改革局\n2017年部门预算公开",
            "meta.title 占 2 行",
        ),
    ] {
        let mut b = bundle.clone();
        b["meta"]["title"] = serde_json::Value::String(title.into());
        let p = dir.join(name);
        std::fs::write(&p, serde_json::to_string(&b).unwrap()).unwrap();
        let (code, out, _) = gongkai(&["validate", p.to_str().unwrap()]);
        assert_eq!(code, 0, "a warning does not fail validation: {out}");
        assert!(out.contains(&format!("⚠ {}: {expect}", p.display())), "{out}");
    }
}

/// The seed document with one published figure changed, so its sums no longer hold.
fn seed_with_wrong_figure(dir: &std::path::Path) -> std::path::PathBuf {
    let text = std::fs::read_to_string("../import/tests/fixtures/000_462ce516b33954bc.txt").unwrap();
    let wrong = text.replacen("工资福利支出716.45万元", "工资福利支出716.46万元", 1);
    assert_ne!(wrong, text);
    let p = dir.join("wrong.txt");
    std::fs::write(&p, wrong).unwrap();
    p
}

#[test]
fn import_exits_1_naming_the_failing_checks_and_still_writes_the_bundle() {
    let dir = std::env::temp_dir().join(format!("gongkai-cli-import-fail-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let doc = seed_with_wrong_figure(&dir);
    let out = dir.join("wrong.json");
    let (code, _, err) = gongkai(&["import", doc.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("2 check(s) fail (the bundle was written"), "{err}");
    assert!(
        err.contains("✗ [支出] 支出各经济分类之和 = 支出合计: 716.46 + 92.22 + 389.62 + 2521.16 = 3719.46 万元，公布 3719.45，相差 +0.01 ✗"),
        "{err}"
    );
    let (vcode, _, _) = gongkai(&["validate", out.to_str().unwrap()]);
    assert_eq!(
        vcode, 1,
        "the written bundle is whole and validates to the same failure"
    );
    // The seed document itself imports with exit 0.
    let (code, _, err) = gongkai(&[
        "import",
        "../import/tests/fixtures/000_462ce516b33954bc.txt",
        "-o",
        dir.join("seed.json").to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
}

#[test]
fn publish_check_refuses_failing_bundles_unless_allowed() {
    let dir = std::env::temp_dir().join(format!("gongkai-cli-publish-{}", std::process::id()));
    let data = dir.join("data");
    std::fs::create_dir_all(&data).unwrap();
    let catalog = std::fs::read_to_string("../../data/index.json").unwrap();
    std::fs::write(data.join("index.json"), &catalog).unwrap();
    let seed = std::fs::read_to_string("../../data/pingxiang-fgj-2017.json").unwrap();
    let first: serde_json::Value = serde_json::from_str(&catalog).unwrap();
    let name = first["bundles"][0]["path"].as_str().unwrap().to_string();
    std::fs::write(data.join(&name), &seed).unwrap();
    let d = data.to_str().unwrap();
    let (code, out, err) = gongkai(&["publish-check", d]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("every check holds ✓"), "{out}");

    std::fs::write(
        data.join(&name),
        seed.replacen("\"amount\": \"716.45\"", "\"amount\": \"716.46\"", 1),
    )
    .unwrap();
    let (code, _, err) = gongkai(&["publish-check", d]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("2 check(s) fail — refused"), "{err}");
    assert!(err.contains("✗ [支出] 支出各经济分类之和 = 支出合计"), "{err}");
    assert!(
        err.contains("--allow-failing-checks"),
        "says how to publish anyway: {err}"
    );
    let (code, _, err) = gongkai(&["publish-check", d, "--allow-failing-checks"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("published with the notice"), "{err}");

    std::fs::write(data.join(&name), "{").unwrap();
    let (code, _, err) = gongkai(&["publish-check", d]);
    assert_eq!(code, 2, "an unreadable bundle: {err}");
    let (code, _, _) = gongkai(&["publish-check", dir.join("nowhere").to_str().unwrap()]);
    assert_eq!(code, 2);
    let (code, _, _) = gongkai(&["publish-check", d, "--allow"]);
    assert_eq!(code, 2, "unknown flag");
}

#[test]
fn import_names_the_flag_for_a_fact_the_document_does_not_state() {
    let doc = "../import/tests/fixtures/jiangsu/江苏省政协办公厅2019年度部门预算.layout.txt";
    let (code, out, err) = gongkai(&["import", doc]);
    assert_eq!(code, 2, "{err}");
    assert!(out.is_empty(), "nothing half-written");
    assert!(
        err.contains("does not state its department") && err.contains("--department"),
        "{err}"
    );
    let (code, out, err) = gongkai(&["import", doc, "--department", "江苏省政协办公厅"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("\"department\": \"江苏省政协办公厅\"") && out.contains("\"fiscal_year\": 2019"));
    assert!(
        out.contains("\"meta.department = 江苏省政协办公厅\""),
        "the report says it was supplied"
    );
    assert!(
        err.contains("supplied (the document does not state it): meta.department = 江苏省政协办公厅"),
        "{err}"
    );
    let (code, _, err) = gongkai(&["import", doc, "--year", "twenty"]);
    assert_eq!(code, 2);
    assert!(err.contains("--year takes a year"), "{err}");
}

#[test]
fn import_reads_the_standard_tables_of_a_table_file() {
    let doc = "../import/tests/fixtures/jiangsu/江苏省政协办公厅2017年度部门预算公开表.layout.txt";
    let (code, out, err) = gongkai(&["import", doc]);
    assert_eq!(code, 0, "{err}");
    let b: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(b["version"], 3);
    let kinds: Vec<&str> = b["tables"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["kind"].as_str().unwrap())
        .collect();
    assert!(
        kinds.contains(&"general_public") && kinds.contains(&"general_public_basic"),
        "{kinds:?}"
    );
    assert!(
        !err.contains("其他预算表中的文字未导入：201"),
        "table lines are no longer skipped: {err}"
    );
}

/// `gongkai site`: a built viewer (here a minimal one) and a folder of bundles without a catalog
/// become a site: catalog made, gate passed, every view a page (rendered, bundle named), CSP by
/// hash, offline list, .gz/.br copies; twice gives the same; a failing bundle is refused unless
/// allowed.
#[test]
fn site_makes_a_deployable_site_from_a_viewer_and_bundles() {
    use std::io::Read as _;
    let tmp = std::env::temp_dir().join(format!("gongkai-site-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&tmp);
    let (viewer, data, out) = (tmp.join("dist"), tmp.join("bundles"), tmp.join("site"));
    std::fs::create_dir_all(viewer.join("data")).unwrap();
    std::fs::create_dir_all(&data).unwrap();
    let script = "window.boot = 1;";
    std::fs::write(
        viewer.join("index.html"),
        format!("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">\n  <link rel=\"preload\" href=\"data/index.json\" as=\"fetch\" crossorigin=\"anonymous\">\n  <script>{script}</script><script type=\"module\" src=\"app.js\"></script></head><body>\n  <main id=\"boot\"></main></body></html>"),
    )
    .unwrap();
    std::fs::write(
        viewer.join("sw.js"),
        "const VERSION = '__GONGKAI_VERSION__';\nconst FILES = __GONGKAI_FILES__;\n",
    )
    .unwrap();
    std::fs::write(viewer.join("app_bg.wasm"), vec![0u8; 4096]).unwrap();
    std::fs::write(viewer.join("app.js"), "export default 1;\n".repeat(50)).unwrap();
    std::fs::copy("../../data/pingxiang-fgj-2017.json", data.join("pingxiang-2017.json")).unwrap();
    let site = |extra: &[&str]| {
        let mut args = vec![
            "site",
            data.to_str().unwrap(),
            "--viewer",
            viewer.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ];
        args.extend_from_slice(extra);
        gongkai(&args)
    };
    let (code, text, err) = site(&[]);
    assert_eq!(code, 0, "{err}");
    assert!(
        text.contains("1 bundle(s)") && text.contains("276 pages rendered"),
        "{text}"
    );
    let catalog = gongkai_model::parse_catalog(
        &std::fs::read_to_string(out.join("data/index.json")).unwrap(),
        "index.json",
    )
    .unwrap();
    assert_eq!(catalog.bundles.len(), 1);
    assert_eq!(
        (
            catalog.bundles[0].department.as_str(),
            catalog.bundles[0].fiscal_year,
            catalog.bundles[0].path.as_str()
        ),
        ("平乡县发展改革局", 2017, "pingxiang-2017.json")
    );
    let html = std::fs::read_to_string(out.join("index.html")).unwrap();
    use base64::Engine as _;
    use sha2::Digest as _;
    let hash = base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(script.as_bytes()));
    assert!(
        html.contains(&format!("script-src 'self' 'wasm-unsafe-eval' 'sha256-{hash}'")),
        "{html}"
    );
    // The page names its bundle (static/boot.js fetches it after the first paint); nothing is
    // preloaded before the page paints.
    assert!(html.contains("<meta name=\"gongkai-bundle\" content=\"data/pingxiang-2017.json\">"));
    assert!(!html.contains("rel=\"preload\""), "{html}");
    // Every view a page of its own, rendered by the viewer's components, in both languages.
    assert!(
        html.contains("<base href=\"./\">") && html.contains("<div id=\"app\" data-page>") && html.contains("3,719.45")
    );
    assert!(html.contains("<title>概览 · 平乡县发展改革局 2017 年部门预算 · 公开</title>"));
    let sub = std::fs::read_to_string(out.join("performance/8/3/index.html")).unwrap();
    assert!(
        sub.contains("<base href=\"../../../\">")
            && sub.contains("农村电子商务建设")
            && sub.contains("property=\"og:title\"")
    );
    let en = std::fs::read_to_string(out.join("en/assets/index.html")).unwrap();
    assert!(en.contains("<html lang=\"en\">"), "the English page says so");
    assert!(
        en.contains("<base href=\"../../\">") && en.contains("State assets"),
        "English page"
    );
    assert!(out.join("shell.html").exists() && out.join("robots.txt").exists());
    assert!(
        !out.join("sitemap.xml").exists(),
        "no sitemap without the site's address"
    );
    let sw = std::fs::read_to_string(out.join("sw.js")).unwrap();
    assert!(
        sw.contains("\"./data/pingxiang-2017.json\"")
            && sw.contains("\"./shell.html\"")
            && !sw.contains("performance/8")
            && !sw.contains("__GONGKAI")
            && !sw.contains(".br\""),
        "{sw}"
    );
    for f in [
        "index.html",
        "app_bg.wasm",
        "app.js",
        "data/index.json",
        "data/pingxiang-2017.json",
    ] {
        let original = std::fs::read(out.join(f)).unwrap();
        let mut unzipped = Vec::new();
        flate2::read::GzDecoder::new(&std::fs::read(out.join(format!("{f}.gz"))).unwrap()[..])
            .read_to_end(&mut unzipped)
            .unwrap();
        assert_eq!(unzipped, original, "{f}.gz");
        let mut unbr = Vec::new();
        brotli::BrotliDecompress(&mut &std::fs::read(out.join(format!("{f}.br"))).unwrap()[..], &mut unbr).unwrap();
        assert_eq!(unbr, original, "{f}.br");
    }
    // Twice gives the same site (the earlier CSP, pages and offline list are replaced).
    let (code, _, _) = site(&[]);
    assert_eq!(code, 0);
    assert_eq!(std::fs::read_to_string(out.join("index.html")).unwrap(), html);
    assert_eq!(std::fs::read_to_string(out.join("sw.js")).unwrap(), sw);
    assert_eq!(
        std::fs::read_to_string(out.join("performance/8/3/index.html")).unwrap(),
        sub
    );
    // With the site's address: canonical links, language versions and sitemap.xml.
    let (code, _, err) = site(&["--url", "https://example.gov.cn/budget", "--no-precompress"]);
    assert_eq!(code, 0, "{err}");
    let sub = std::fs::read_to_string(out.join("performance/8/3/index.html")).unwrap();
    assert!(
        sub.contains("<link rel=\"canonical\" href=\"https://example.gov.cn/budget/performance/8/3/\">"),
        "{sub}"
    );
    assert!(sub.contains("hreflang=\"en\" href=\"https://example.gov.cn/budget/en/performance/8/3/\""));
    let sitemap = std::fs::read_to_string(out.join("sitemap.xml")).unwrap();
    assert_eq!(sitemap.matches("<loc>").count(), 276);
    assert!(sitemap.contains("<loc>https://example.gov.cn/budget/en/assets/</loc>"));
    assert!(std::fs::read_to_string(out.join("robots.txt"))
        .unwrap()
        .contains("Sitemap: https://example.gov.cn/budget/sitemap.xml"));
    let (code, _, err) = site(&["--url", "example.gov.cn"]);
    assert_eq!(code, 2, "a relative address is refused: {err}");
    // A bundle whose checks fail: refused, unless allowed.
    let bundle = std::fs::read_to_string(data.join("pingxiang-2017.json")).unwrap();
    std::fs::write(
        data.join("pingxiang-2017.json"),
        bundle.replace("\"amount\": \"716.45\"", "\"amount\": \"716.46\""),
    )
    .unwrap();
    let (code, _, err) = site(&[]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("refused") && err.contains("publishing gate"), "{err}");
    let (code, _, err) = site(&["--allow-failing-checks", "--no-precompress"]);
    assert_eq!(code, 0, "{err}");
    assert!(std::fs::read_to_string(out.join("index.html"))
        .unwrap()
        .contains("fail-notice"));
    let _ = std::fs::remove_dir_all(&tmp);
}

/// The command line as people expect it: help for every command (with examples and the exit
/// codes), a suggestion for a typo, --version, completions; usage mistakes exit 2.
#[test]
fn help_typos_version_and_completions() {
    let (code, out, _) = gongkai(&["--help"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("Exit status (every command):") && out.contains("  1  written, but figures do not add up"),
        "{out}"
    );
    for cmd in [
        "import",
        "text",
        "validate",
        "export",
        "schema",
        "publish-check",
        "site",
        "generate",
        "completions",
        "man",
    ] {
        assert!(out.contains(&format!("  {cmd} ")), "{cmd} listed: {out}");
        let (code, help, err) = gongkai(&[cmd, "--help"]);
        assert_eq!(code, 0, "{cmd} --help: {err}");
        assert!(help.contains(&format!("Usage: gongkai {cmd}")), "{help}");
    }
    let (_, help, _) = gongkai(&["validate", "--help"]);
    assert!(
        help.contains("Exit status: 0 every check holds, 1 a check fails, 2"),
        "{help}"
    );
    let (_, help, _) = gongkai(&["import", "--help"]);
    assert!(
        help.contains("gongkai import county/ -o bundles/") && help.contains("answers.toml"),
        "{help}"
    );
    // No command: the help, exit 2.
    let (code, _, err) = gongkai(&[]);
    assert_eq!(code, 2);
    assert!(err.contains("Usage: gongkai"), "{err}");
    // Typos: a suggestion, exit 2.
    let (code, _, err) = gongkai(&["valdate", "x.json"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("unrecognized subcommand 'valdate'") && err.contains("'validate'"),
        "{err}"
    );
    let (code, _, err) = gongkai(&["import", "x.txt", "--departmnt", "某局"]);
    assert_eq!(code, 2);
    assert!(err.contains("a similar argument exists: '--department'"), "{err}");
    let (code, _, err) = gongkai(&["site", "--provice"]);
    assert_eq!(code, 2);
    assert!(err.contains("'--province'"), "{err}");
    // Options that exclude each other.
    let (code, _, err) = gongkai(&["site", "--province", "--pages"]);
    assert_eq!(code, 2);
    assert!(err.contains("cannot be used with"), "{err}");
    let (code, _, err) = gongkai(&["export", "../../data/pingxiang-fgj-2017.json"]);
    assert_eq!(code, 2, "export needs --csv or --fdp: {err}");
    let (code, _, err) = gongkai(&["generate", "--from", "x.json", "--count", "0", "-o", "/tmp/x"]);
    assert_eq!(code, 2);
    assert!(err.contains("give a whole number above 0"), "{err}");
    let (code, out, _) = gongkai(&["--version"]);
    assert_eq!(code, 0);
    assert_eq!(out.trim(), format!("gongkai {}", env!("CARGO_PKG_VERSION")));
    // Completions for four shells, naming the commands and options.
    for (shell, mark) in [
        ("bash", "_gongkai()"),
        ("zsh", "#compdef gongkai"),
        ("fish", "complete -c gongkai"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let (code, script, err) = gongkai(&["completions", shell]);
        assert_eq!(code, 0, "{shell}: {err}");
        assert!(
            script.contains(mark) && script.contains("publish-check") && script.contains("allow-failing-checks"),
            "{shell}: {script}"
        );
    }
    let (code, man, _) = gongkai(&["man"]);
    assert_eq!(code, 0);
    assert!(man.contains(".TH gongkai 1") && man.contains("Exit status"), "{man}");
    let (code, _, err) = gongkai(&["completions", "tcsh"]);
    assert_eq!(code, 2);
    assert!(err.contains("possible values: bash, zsh, fish, powershell"), "{err}");
    // --lang anywhere, checked.
    let (code, _, err) = gongkai(&["--lang", "fr", "schema"]);
    assert_eq!(code, 2);
    assert!(err.contains("--lang takes zh or en"), "{err}");
}
