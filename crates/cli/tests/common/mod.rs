//! Running the `gongkai` binary from the CLI's tests.

use std::process::Command;

/// Runs `gongkai` with `args` in the CLI crate's folder: (exit code, stdout, stderr).
pub fn gongkai(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_gongkai"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

/// A built viewer stand-in in `dir`: an index.html with what `gongkai site` needs (the charset,
/// the catalog's preload, `<main id="boot">`).
#[allow(dead_code)]
pub fn minimal_viewer(dir: &std::path::Path) {
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(
        dir.join("index.html"),
        "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">\n  <link rel=\"preload\" href=\"data/index.json\" as=\"fetch\" crossorigin=\"anonymous\"></head><body>\n  <main id=\"boot\"></main></body></html>",
    )
    .unwrap();
}
