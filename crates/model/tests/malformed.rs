//! Malformed bundles give the right error, never a panic.

use gongkai_model::*;

const SEED: &str = include_str!("../../../data/pingxiang-fgj-2017.json");

fn err(text: &str) -> LoadError {
    parse_bundle(text, "bad.json").expect_err("must be rejected")
}

#[test]
fn syntax_error_has_line_and_column() {
    let truncated = &SEED[..SEED.len() / 2];
    match err(truncated) {
        LoadError::Syntax { line, column, file, .. } => {
            assert_eq!(file, "bad.json");
            assert!(line > 100 && column >= 1, "{line}:{column}");
        }
        e => panic!("{e:?}"),
    }
    assert!(matches!(err(""), LoadError::Syntax { line: 1, .. }));
}

#[test]
fn wrong_version_and_format() {
    let v4 = SEED.replacen("\"version\": 3", "\"version\": 4", 1);
    assert_eq!(
        err(&v4),
        LoadError::UnsupportedVersion {
            file: "bad.json".into(),
            found: 4,
            supported: 3
        }
    );
    assert!(err(&v4).message(i18n::Lang::Zh).contains("第 4 版"));
    let v0 = SEED.replacen("\"version\": 3", "\"version\": 0", 1);
    assert!(matches!(err(&v0), LoadError::UnsupportedVersion { found: 0, .. }));
    let other = SEED.replacen("gongkai-bundle", "something-else", 1);
    assert_eq!(
        err(&other),
        LoadError::NotABundle {
            file: "bad.json".into(),
            found: Some("something-else".into())
        }
    );
    assert_eq!(
        err("[1,2]"),
        LoadError::NotABundle {
            file: "bad.json".into(),
            found: None
        }
    );
    assert_eq!(
        err("{}"),
        LoadError::NotABundle {
            file: "bad.json".into(),
            found: None
        }
    );
}

#[test]
fn number_amount_is_a_field_error_with_path() {
    let bad = SEED.replacen("\"total\": \"3719.45\"", "\"total\": 3719.45", 1);
    match err(&bad) {
        LoadError::Field { path, line, .. } => {
            assert_eq!(path, "revenue.total");
            assert!(line > 1);
        }
        e => panic!("{e:?}"),
    }
    for amount in ["\"NaN\"", "\"1e400\"", "\"12,3\"", "true", "\"99999999999999999999\""] {
        let bad = SEED.replacen("\"total\": \"3719.45\"", &format!("\"total\": {amount}"), 1);
        assert!(matches!(err(&bad), LoadError::Field { .. }), "{amount}");
    }
}

#[test]
fn negative_totals_and_duplicate_keys_are_rejected() {
    let neg = SEED.replacen("\"total\": \"3719.45\"", "\"total\": \"-3719.45\"", 1);
    match err(&neg) {
        LoadError::Invalid { problems, .. } => assert!(problems[0].contains("revenue.total"), "{problems:?}"),
        e => panic!("{e:?}"),
    }
    let dup = SEED.replacen(
        "\"format\": \"gongkai-bundle\",",
        "\"format\": \"gongkai-bundle\", \"format\": \"gongkai-bundle\",",
        1,
    );
    assert!(matches!(err(&dup), LoadError::Field { .. } | LoadError::Syntax { .. }));
}

#[test]
fn bom_is_accepted_and_deep_nesting_is_an_error() {
    assert!(parse_bundle(&format!("\u{feff}{SEED}"), "bom.json").is_ok());
    let deep = "[".repeat(100_000);
    assert!(matches!(err(&deep), LoadError::Syntax { .. }));
}

/// A version-1 bundle (before the standard tables) still opens, migrated to the current version.
#[test]
fn version_1_bundles_open_and_are_migrated() {
    let v1 = SEED.replacen("\"version\": 3", "\"version\": 1", 1);
    let b = gongkai_model::parse_bundle(&v1, "v1.json").expect("a v1 bundle opens");
    assert_eq!(b.version, gongkai_model::FORMAT_VERSION);
    assert!(b.tables.is_empty());
    assert_eq!(b, gongkai_model::parse_bundle(SEED, "seed.json").unwrap());
}
