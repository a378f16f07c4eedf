//! `gongkai import DIR… -o BUNDLES/`: a county's folder of published files (real PDFs of
//! Jiangsu and Shanghai departments, an Excel workbook, text, a scan, a password-protected and a
//! damaged PDF, a file without its department) becomes bundles, with a summary of every file;
//! the answers file round-trips; a second run imports nothing; a changed file is imported again.

mod common;
use common::gongkai;
use serde_json::Value;
use std::path::{Path, PathBuf};

const FIXTURES: &str = "../import/tests/fixtures";

fn copy(from: &str, to: &Path) {
    std::fs::create_dir_all(to.parent().unwrap()).unwrap();
    std::fs::copy(Path::new(env!("CARGO_MANIFEST_DIR")).join(from), to).unwrap();
    // Fixtures may be read-only; the test changes some copies.
    let mut p = std::fs::metadata(to).unwrap().permissions();
    #[allow(clippy::permissions_set_readonly_false)]
    p.set_readonly(false);
    std::fs::set_permissions(to, p).unwrap();
}

/// A county folder in a fresh temporary folder: (county, bundles).
fn county(name: &str) -> (PathBuf, PathBuf) {
    let tmp = std::env::temp_dir().join(format!("gongkai-county-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&tmp);
    let c = tmp.join("county");
    let js = format!("{FIXTURES}/jiangsu/pdf");
    // One disclosure published as two files (narrative, tables): one bundle.
    copy(
        &format!("{js}/江苏省人大常委会2019年度部门预算公开.pdf"),
        &c.join("人大/江苏省人大常委会2019年度部门预算公开.pdf"),
    );
    copy(
        &format!("{js}/江苏省人大常委会办公厅2019年部门预算公开表.pdf"),
        &c.join("人大/江苏省人大常委会办公厅2019年部门预算公开表.pdf"),
    );
    // A narrative that does not state its department, and its tables, which do.
    copy(
        &format!("{js}/江苏省政协办公厅2019年度部门预算.pdf"),
        &c.join("政协/江苏省政协办公厅2019年度部门预算.pdf"),
    );
    copy(
        &format!("{js}/江苏省政协办公厅2019年预算公开表.pdf"),
        &c.join("政协/江苏省政协办公厅2019年预算公开表.pdf"),
    );
    // Shanghai: a 部门预算 and its 单位预算 (each names its department on its tables' 编制部门
    // line), and a 决算 whose cover wraps its department's name over two lines (joined: the
    // document names the whole again in its 目录).
    for f in [
        "上海市普陀区人民政府办公室25年预算.pdf",
        "上海市普陀区人民政府办公室单位25年预算.pdf",
        "上海市普陀区规划和自然资源局2024年度部门决算.pdf",
    ] {
        copy(&format!("{FIXTURES}/shanghai-putuo/{f}"), &c.join("普陀").join(f));
    }
    copy(
        &format!("{FIXTURES}/jiangsu/江苏省政协办公厅2017年度部门预算公开表.xlsx"),
        &c.join("政协/2017/公开表.xlsx"),
    );
    copy(&format!("{FIXTURES}/narrative_yuan.txt"), &c.join("教育局/说明.txt"));
    copy(&format!("{FIXTURES}/pdf/scanned.pdf"), &c.join("其他/scanned.pdf"));
    copy(&format!("{FIXTURES}/pdf/password.pdf"), &c.join("其他/password.pdf"));
    // A damaged PDF: a real one cut short.
    let whole = std::fs::read(format!("{js}/江苏省人大常委会办公厅2019年部门预算公开表.pdf")).unwrap();
    std::fs::write(c.join("其他/damaged.pdf"), &whole[..300]).unwrap();
    std::fs::write(c.join("其他/notes.md"), "not a document").unwrap();
    // A file that is gone (a broken link): listed, the others imported.
    std::os::unix::fs::symlink(c.join("nowhere.pdf"), c.join("其他/gone.pdf")).unwrap();
    // An old Word file (the binary format's signature).
    std::fs::write(c.join("其他/说明.doc"), b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1binary").unwrap();
    (c, tmp.join("bundles"))
}

fn report(bundles: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(bundles.join("import-report.json")).unwrap()).unwrap()
}

/// The report's line for `file`.
fn line<'a>(r: &'a Value, file: &str) -> &'a Value {
    r["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["file"] == file)
        .unwrap_or_else(|| panic!("{file} not in the report: {r:#}"))
}

/// `file` was imported with `other` into `bundle`: the bundle, read.
fn imported_with(r: &Value, bundles: &Path, file: &str, bundle: &str, other: &str) -> gongkai_model::Bundle {
    let l = line(r, file);
    assert_eq!(l["status"], "imported", "{l:#}");
    assert_eq!(l["bundle"], bundle);
    assert_eq!(l["with"], serde_json::json!([other]));
    gongkai_model::parse_bundle(&std::fs::read_to_string(bundles.join(bundle)).unwrap(), bundle).unwrap()
}

#[test]
fn a_county_folder_becomes_bundles_with_every_file_accounted_for() {
    let (c, b) = county("all");
    let import = |extra: &[&str]| {
        let mut args = vec!["import", c.to_str().unwrap(), "-o", b.to_str().unwrap()];
        args.extend_from_slice(extra);
        gongkai(&args)
    };
    let (code, out, err) = import(&[]);
    assert_eq!(code, 2, "unreadable files and a missing fact: exit 2\n{out}{err}");
    // Plain progress lines when not on a terminal.
    assert!(err.contains("gongkai import: reading files: [1/14]"), "{err}");
    let r = report(&b);
    assert_eq!(r["files"].as_array().unwrap().len(), 14, "{r:#}");
    assert_eq!(r["ignored"], serde_json::json!(["其他/notes.md"]));
    // The two files of one disclosure: one bundle.
    let bundle = imported_with(
        &r,
        &b,
        "人大/江苏省人大常委会2019年度部门预算公开.pdf",
        "江苏省人大常委会办公厅-2019.json",
        "人大/江苏省人大常委会办公厅2019年部门预算公开表.pdf",
    );
    assert_eq!(
        (bundle.meta.fiscal_year, bundle.tables.len(), bundle.duties.len()),
        (2019, 12, 16)
    );
    assert!(out.contains("✓ 人大/江苏省人大常委会2019年度部门预算公开.pdf → 江苏省人大常委会办公厅-2019.json (with 人大/江苏省人大常委会办公厅2019年部门预算公开表.pdf)"), "{out}");
    // The 决算: its department from the cover's two lines; written with the two checks its own
    // roundings fail.
    let fin = line(&r, "普陀/上海市普陀区规划和自然资源局2024年度部门决算.pdf");
    assert_eq!(fin["status"], "failing_checks", "{fin:#}");
    assert!(
        fin["bundle"]
            .as_str()
            .unwrap()
            .starts_with("上海市普陀区规划和自然资源局-2024"),
        "{fin:#}"
    );
    // Needs a fact: never guessed.
    for f in ["政协/江苏省政协办公厅2019年度部门预算.pdf"] {
        let l = line(&r, f);
        assert_eq!(l["status"], "needs_fact", "{l:#}");
        assert!(
            l["reason"].as_str().unwrap().contains("does not state its department"),
            "{l:#}"
        );
        assert!(out.contains(&format!("? {f}\n")), "{out}");
    }
    // Its tables alone make a bundle of their own until then.
    assert_eq!(
        line(&r, "政协/江苏省政协办公厅2019年预算公开表.pdf")["bundle"],
        "江苏省政协办公厅-2019.json"
    );
    // Unreadable, each with its reason.
    assert!(line(&r, "其他/scanned.pdf")["reason"].as_str().unwrap().contains("OCR"));
    assert!(line(&r, "其他/password.pdf")["reason"]
        .as_str()
        .unwrap()
        .contains("密码"));
    assert!(line(&r, "其他/说明.doc")["reason"]
        .as_str()
        .unwrap()
        .contains("save it as .docx"));
    for f in [
        "其他/scanned.pdf",
        "其他/password.pdf",
        "其他/damaged.pdf",
        "其他/说明.doc",
    ] {
        assert_eq!(line(&r, f)["status"], "unreadable", "{f}");
        assert!(out.contains(&format!("! {f}\n")), "{out}");
    }
    for f in ["政协/2017/公开表.xlsx", "教育局/说明.txt"] {
        assert_eq!(line(&r, f)["status"], "imported", "{f}");
    }
    // The Shanghai budgets' tables (in 元, codes over 类|款|项 cells) read with every check
    // holding; the 部门预算 and the 单位预算 are two bundles.
    for f in [
        "普陀/上海市普陀区人民政府办公室25年预算.pdf",
        "普陀/上海市普陀区人民政府办公室单位25年预算.pdf",
    ] {
        assert_eq!(line(&r, f)["status"], "imported", "{:#}", line(&r, f));
    }
    assert!(
        out.contains("Needs a fact") && out.contains("Unreadable") && out.contains("Imported"),
        "{out}"
    );
    // The catalog lists every bundle written.
    let catalog =
        gongkai_model::parse_catalog(&std::fs::read_to_string(b.join("index.json")).unwrap(), "index").unwrap();
    assert_eq!(catalog.bundles.len(), 7, "{catalog:?}");
    assert!(catalog.bundles.iter().all(|e| b.join(&e.path).exists()));

    // The answers file: written with a blank for the one; the person fills it in.
    let answers_path = b.join("answers.toml");
    let answers = std::fs::read_to_string(&answers_path).unwrap();
    let table: toml::Table = answers.parse().unwrap();
    assert_eq!(table.len(), 1, "{answers}");
    assert_eq!(
        table["政协/江苏省政协办公厅2019年度部门预算.pdf"]["department"].as_str(),
        Some("")
    );
    let filled = answers.replacen(
        "[\"政协/江苏省政协办公厅2019年度部门预算.pdf\"]\ndepartment = \"\"",
        "[\"政协/江苏省政协办公厅2019年度部门预算.pdf\"]\ndepartment = \"江苏省政协办公厅\"",
        1,
    );
    assert_ne!(filled, answers);
    std::fs::write(&answers_path, &filled).unwrap();
    let (code, out, err) = import(&[]);
    assert_eq!(code, 2, "the unreadable files still are\n{out}{err}");
    // Round trip: the person's answer is kept as written.
    assert_eq!(std::fs::read_to_string(&answers_path).unwrap(), filled);
    let r = report(&b);
    let bundle = imported_with(
        &r,
        &b,
        "政协/江苏省政协办公厅2019年度部门预算.pdf",
        "江苏省政协办公厅-2019.json",
        "政协/江苏省政协办公厅2019年预算公开表.pdf",
    );
    assert!(!bundle.duties.is_empty() && !bundle.tables.is_empty());
    assert!(bundle
        .import_report
        .unwrap()
        .supplied
        .contains(&"meta.department = 江苏省政协办公厅".to_string()));
    // Only that file was read and only its group imported; the rest unchanged.
    assert_eq!(
        (r["files_read"].as_u64(), r["bundles_imported"].as_u64()),
        (Some(1), Some(1)),
        "{r:#}"
    );
    assert!(out.contains("人大/江苏省人大常委会2019年度部门预算公开.pdf → 江苏省人大常委会办公厅-2019.json (with 人大/江苏省人大常委会办公厅2019年部门预算公开表.pdf) [unchanged]"), "{out}");

    // A second run with nothing changed imports nothing.
    let (_, out, _) = import(&["--quiet"]);
    let r = report(&b);
    assert_eq!(
        (r["files_read"].as_u64(), r["bundles_imported"].as_u64()),
        (Some(0), Some(0)),
        "{r:#}"
    );
    assert!(out.contains("0 read and 0 bundle(s) imported now"), "{out}");

    // A changed file is imported again (and only its group).
    let text = c.join("教育局/说明.txt");
    let changed = std::fs::read_to_string(&text).unwrap() + "\n";
    std::fs::write(&text, changed).unwrap();
    let (_, _, err) = import(&[]);
    let r = report(&b);
    assert_eq!(
        (r["files_read"].as_u64(), r["bundles_imported"].as_u64()),
        (Some(1), Some(1)),
        "{r:#}"
    );
    assert_eq!(line(&r, "教育局/说明.txt")["imported_now"], true);
    assert!(
        err.contains("教育局/说明.txt\n") && err.contains("(unchanged)"),
        "{err}"
    );
    let _ = std::fs::remove_dir_all(c.parent().unwrap());
}

#[test]
fn batch_exit_codes_0_ok_and_1_failing_checks() {
    let tmp = std::env::temp_dir().join(format!("gongkai-county-codes-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&tmp);
    let (c, b) = (tmp.join("county"), tmp.join("bundles"));
    copy(&format!("{FIXTURES}/narrative_yuan.txt"), &c.join("说明.txt"));
    let (code, out, err) = gongkai(&["import", c.to_str().unwrap(), "-o", b.to_str().unwrap(), "-q"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(err.is_empty(), "--quiet: {err}");
    assert!(!b.join("answers.toml").exists(), "nothing to ask");
    // A figure that does not add up: written, listed, exit 1.
    let seed = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join(FIXTURES)
            .join("000_462ce516b33954bc.txt"),
    )
    .unwrap();
    std::fs::write(
        c.join("平乡.txt"),
        seed.replace("工资福利支出716.45万元", "工资福利支出716.46万元"),
    )
    .unwrap();
    let (code, out, _) = gongkai(&["import", c.to_str().unwrap(), "-o", b.to_str().unwrap(), "-q"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("Failing checks") && out.contains("✗ 平乡.txt → "), "{out}");
    let r = report(&b);
    assert_eq!(line(&r, "平乡.txt")["status"], "failing_checks");
    assert!(line(&r, "平乡.txt")["reason"]
        .as_str()
        .unwrap()
        .contains("支出各经济分类之和"));
    // The folder of bundles is what `gongkai site` takes; the import's report and records are
    // not published.
    std::fs::remove_file(c.join("平乡.txt")).unwrap();
    gongkai(&["import", c.to_str().unwrap(), "-o", b.to_str().unwrap(), "-q"]);
    let viewer = tmp.join("dist");
    common::minimal_viewer(&viewer);
    let site = tmp.join("site");
    let (code, out, err) = gongkai(&[
        "site",
        b.to_str().unwrap(),
        "--viewer",
        viewer.to_str().unwrap(),
        "-o",
        site.to_str().unwrap(),
        "--no-precompress",
    ]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        err.contains("gongkai site: render pages"),
        "the stages are named: {err}"
    );
    let data: Vec<String> = std::fs::read_dir(site.join("data"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(data.len(), 2, "index.json and the bundle only: {data:?}");
    assert!(data.contains(&"index.json".to_string()) && data.contains(&"某县教育局-2018.json".to_string()));
    // -o must be a folder.
    let (code, _, err) = gongkai(&[
        "import",
        c.to_str().unwrap(),
        "-o",
        tmp.join("x.json").to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("give a folder"), "{err}");
    let (code, _, err) = gongkai(&[
        "import",
        c.to_str().unwrap(),
        "-o",
        b.to_str().unwrap(),
        "--year",
        "2019",
    ]);
    assert_eq!(code, 2);
    assert!(
        err.contains("for folders give them per file in") && err.contains("answers.toml"),
        "{err}"
    );
    let (code, _, err) = gongkai(&["import", c.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("-o BUNDLES/"), "{err}");
    let _ = std::fs::remove_dir_all(&tmp);
}
