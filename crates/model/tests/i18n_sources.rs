//! Every interface string goes through the string tables: no Chinese text is written in the
//! viewer's code or in the model's interface texts (only data the code must recognise, listed
//! below), every key the code uses exists, and every key of the tables is used.

use gongkai_model::chars::is_han;
use gongkai_model::i18n::{parse_table, table_source, Lang};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Chinese words the code matches in published data (units, document terms, test-data labels).
/// (glossary.rs is not scanned: its Chinese strings are the names documents give the terms.)
/// "部门预算"/"部门决算" name the Fiscal Data Package files, which are data, not interface.
const DATA_WORDS: [&str; 33] = [
    "平方米",
    "基本支出",
    "项目支出",
    "元",
    "千元",
    "万元",
    "百万元",
    "亿元",
    "辆",
    "台",
    "台（套）",
    "台(套)",
    "套",
    "个",
    "人",
    "生成的测试数据",
    "中文",
    "部门预算",
    "部门决算",
    // The 决算's words for its columns and lines (checks/final_accounts.rs).
    "三公",
    "（项）",
    "（款）",
    "（类）",
    "本年支出合计",
    "支出",
    "一般公共预算",
    "财政拨款",
    "一般公共预算财政拨款",
    "人员经费合计",
    "公用经费合计",
    "预算数",
    "决算数",
    "“三公”经费小计（{phase}）",
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The code of a file without its test module.
fn code(p: &Path) -> String {
    let s = std::fs::read_to_string(p).unwrap();
    match s.find("#[cfg(test)]") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

/// String literals of a line of code (comments skipped).
fn literals(line: &str) -> Vec<String> {
    let t = line.trim_start();
    if t.starts_with("//") {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut chars = line.chars().peekable();
    let mut prev = ' ';
    while let Some(c) = chars.next() {
        if c == '/' && chars.peek() == Some(&'/') {
            break;
        }
        // A char literal like '"' or '\'' is not the start of a string.
        if c == '\'' {
            let rest: String = chars.clone().take(3).collect();
            if rest.starts_with("\"'") || rest.starts_with("\\'") || rest.starts_with("\\\"") {
                chars.next();
                chars.next();
                if rest.starts_with("\\") {
                    chars.next();
                }
                continue;
            }
        }
        if c == '"' && prev != '\\' {
            let mut lit = String::new();
            let mut esc = false;
            for d in chars.by_ref() {
                if esc {
                    esc = false;
                    lit.push(d);
                } else if d == '\\' {
                    esc = true;
                } else if d == '"' {
                    break;
                } else {
                    lit.push(d);
                }
            }
            out.push(lit);
        }
        prev = c;
    }
    out
}

fn sources() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    for f in [
        "charts/chart.rs",
        "charts/breakdowns.rs",
        "charts/treemap.rs",
        "charts/execution.rs",
        "text/format.rs",
        "text/search.rs",
        "text/glossary.rs",
        "bundle/bundle.rs",
        "bundle/error.rs",
        "charts/render.rs",
        "bundle/parse.rs",
        "site/route.rs",
        "bundle/tables.rs",
        "bundle/performance_targets.rs",
    ] {
        files.push(root.join("crates/model/src").join(f));
    }
    // Every family of checks.
    rust_files(&root.join("crates/model/src/checks"), &mut files);
    // The importer's messages a person reads in the viewer.
    files.push(root.join("crates/import/src/pdf.rs"));
    files.push(root.join("crates/import-worker/src/lib.rs"));
    // The site build's page heads.
    files.push(root.join("crates/cli/src/pages.rs"));
    for f in [
        "mod.rs",
        "collect.rs",
        "check.rs",
        "render.rs",
        "render_province.rs",
        "search_index.rs",
        "write.rs",
    ] {
        files.push(root.join("crates/cli/src/site").join(f));
    }
    files
}

#[test]
fn no_chinese_interface_text_outside_the_tables() {
    let mut found = Vec::new();
    // glossary.rs and tables.rs hold published words to recognise (terms, table titles), not
    // interface text.
    for f in sources()
        .into_iter()
        .filter(|f| !f.ends_with("glossary.rs") && !f.ends_with("tables.rs"))
    {
        for (n, line) in code(&f).lines().enumerate() {
            for lit in literals(line) {
                if lit.chars().any(is_han) && !DATA_WORDS.contains(&lit.as_str()) {
                    found.push(format!("{}:{}: \"{lit}\"", f.display(), n + 1));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "Chinese text outside i18n/zh.txt:\n{}",
        found.join("\n")
    );
}

#[test]
fn every_key_used_exists_and_every_key_is_used() {
    let keys: BTreeSet<&str> = parse_table(table_source(Lang::Zh))
        .into_iter()
        .map(|(k, _)| k)
        .collect();
    let groups: BTreeSet<&str> = keys.iter().filter_map(|k| k.split('.').next()).collect();
    let mut all_code = String::new();
    let mut used = BTreeSet::new();
    // The exports also name interface keys (their CSV headings hold published Chinese words, so
    // they are not in the no-Chinese check above).
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let exports = [root.join("src/exports/csv.rs")];
    for f in sources().into_iter().chain(exports) {
        let c = code(&f);
        for line in c.lines() {
            for lit in literals(line) {
                let shaped = lit.contains('.')
                    && lit
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '_');
                // `tr!(lang, "key"…)`, `lang.t("key")`, `lang.tf("key", …)`, `t_in(lang, "key")`.
                let in_call = ["t(\"", "tf(\""].iter().any(|p| line.contains(&format!("{p}{lit}\"")))
                    || ["tr!(", "t_in("].iter().any(|p| {
                        // The key is the second argument: the first one is the language.
                        line.match_indices(p).any(|(i, _)| {
                            let args = &line[i + p.len()..];
                            args.split_once(", ").is_some_and(|(first, rest)| {
                                !first.contains(['(', '"']) && rest.starts_with(&format!("\"{lit}\""))
                            })
                        })
                    });
                let in_group = lit.split('.').next().is_some_and(|g| groups.contains(g));
                if shaped && (in_call || in_group) {
                    used.insert(lit.clone());
                }
            }
        }
        all_code.push_str(&c);
    }
    let missing: Vec<&String> = used.iter().filter(|k| !keys.contains(k.as_str())).collect();
    assert!(missing.is_empty(), "keys used but not in the tables: {missing:?}");
    let unused: Vec<&&str> = keys
        .iter()
        .filter(|k| !all_code.contains(&format!("\"{k}\"")))
        .collect();
    assert!(unused.is_empty(), "keys in the tables that no code uses: {unused:?}");
}
