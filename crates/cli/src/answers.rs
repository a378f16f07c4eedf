//! The answers file of a batch import (`answers.toml`): the facts a person gives for files whose
//! documents do not state them. One table per file, keyed by its path as the summary prints it:
//!
//! ```toml
//! ["财政局/2024年部门预算表.xlsx"]
//! department = "某县财政局"
//! year = 2024
//! province = ""
//! city = ""
//! ```
//!
//! `""` (or a missing key) means "not known": the file stays out until it is filled in. A value
//! given here wins over what the document states (so two files whose documents spell the
//! department differently can be joined into one disclosure). `gongkai import` writes the
//! entries it needs with blanks and keeps every entry the person wrote.

use std::collections::BTreeMap;

/// What the person says about one file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Answer {
    pub department: Option<String>,
    pub year: Option<i32>,
    pub province: Option<String>,
    pub city: Option<String>,
}

/// Every file's answers, by the file's key (its path relative to the folder given).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Answers {
    pub files: BTreeMap<String, Answer>,
    /// What each entry is asked for ("its department"), written as a comment above it; not read
    /// back (a comment), so not part of equality in [`parse`]'s sense.
    pub notes: BTreeMap<String, String>,
}

/// Reads an answers file. Errors name the file's key and what is wrong.
pub fn parse(text: &str) -> Result<Answers, String> {
    let table: toml::Table = text.parse().map_err(|e: toml::de::Error| e.to_string())?;
    let mut files = BTreeMap::new();
    for (key, value) in table {
        let toml::Value::Table(t) = value else {
            return Err(format!(
                "[\"{key}\"]: expected a table of department, year, province, city"
            ));
        };
        let text = |name: &str| -> Result<Option<String>, String> {
            match t.get(name) {
                None => Ok(None),
                Some(toml::Value::String(s)) => Ok(Some(s.trim().to_string()).filter(|s| !s.is_empty())),
                Some(other) => Err(format!("[\"{key}\"] {name} = {other}: give text in quotes")),
            }
        };
        let year = match t.get("year") {
            None => None,
            Some(toml::Value::Integer(y)) if (1949..=2100).contains(y) => Some(*y as i32),
            Some(toml::Value::String(s)) if s.trim().is_empty() => None,
            Some(toml::Value::String(s)) => match s.trim().parse::<i32>() {
                Ok(y) if (1949..=2100).contains(&y) => Some(y),
                _ => {
                    return Err(format!(
                        "[\"{key}\"] year = \"{s}\": give a year between 1949 and 2100, e.g. year = 2024"
                    ))
                }
            },
            Some(other) => {
                return Err(format!(
                    "[\"{key}\"] year = {other}: give a year between 1949 and 2100, e.g. year = 2024"
                ))
            }
        };
        if let Some(unknown) = t
            .keys()
            .find(|k| !["department", "year", "province", "city"].contains(&k.as_str()))
        {
            return Err(format!(
                "[\"{key}\"] {unknown}: unknown key (department, year, province, city)"
            ));
        }
        let answer = Answer {
            department: text("department")?,
            year,
            province: text("province")?,
            city: text("city")?,
        };
        files.insert(key, answer);
    }
    Ok(Answers {
        files,
        notes: BTreeMap::new(),
    })
}

/// A TOML string (quotes and escapes as TOML wants them).
fn quoted(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// The header of a new answers file.
const HEADER: &str = "# gongkai import: facts the documents do not state. Fill in the blanks (\"\" = not known;\n\
     # the file stays out until it is given) and run the same command again. Nothing is guessed.\n\
     # year is a number (year = 2024). A value here wins over the document's own: give two files\n\
     # the same department to import them as one disclosure.\n";

/// Writes the answers file: a header saying what it is, then one table per file, blanks as "".
pub fn render(a: &Answers) -> String {
    let keys: Vec<&String> = a.files.keys().collect();
    format!("{HEADER}{}", render_entries(a, &keys))
}

/// The tables of `keys`, each after a blank line (and its note as a comment).
pub fn render_entries(a: &Answers, keys: &[&String]) -> String {
    let mut out = String::new();
    for key in keys {
        let answer = a.files.get(*key).cloned().unwrap_or_default();
        out.push('\n');
        if let Some(note) = a.notes.get(*key) {
            out.push_str(&format!("# needs {note}\n"));
        }
        out.push_str(&format!("[{}]\n", quoted(key)));
        let text = |v: &Option<String>| quoted(v.as_deref().unwrap_or(""));
        out.push_str(&format!("department = {}\n", text(&answer.department)));
        match answer.year {
            Some(y) => out.push_str(&format!("year = {y}\n")),
            None => out.push_str("year = \"\"\n"),
        }
        out.push_str(&format!("province = {}\n", text(&answer.province)));
        out.push_str(&format!("city = {}\n", text(&answer.city)));
    }
    out
}

/// The answers file after a run: `existing` (the person's file, kept as written: their values
/// and comments) with the tables of `new` keys added at its end; a new file when there was none.
pub fn updated(existing: Option<&str>, a: &Answers, new: &[&String]) -> String {
    match existing {
        None => render(a),
        Some(text) => {
            let mut out = text.to_string();
            if !new.is_empty() && !out.ends_with('\n') {
                out.push('\n');
            }
            out.push_str(&render_entries(a, new));
            out
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blanks_and_answers_round_trip() {
        let mut a = Answers::default();
        a.files.insert("乡镇/无题.txt".into(), Answer::default());
        a.files.insert(
            "财政局 \"2024\".xlsx".into(),
            Answer {
                department: Some("某县财政局".into()),
                year: Some(2024),
                province: None,
                city: Some("某市".into()),
            },
        );
        a.notes
            .insert("乡镇/无题.txt".into(), "its department and its fiscal year".into());
        let text = render(&a);
        assert!(
            text.contains(
                "# needs its department and its fiscal year\n[\"乡镇/无题.txt\"]\ndepartment = \"\"\nyear = \"\"\n"
            ),
            "{text}"
        );
        let back = parse(&text).unwrap();
        assert_eq!(back.files, a.files);
        assert_eq!(
            render(&Answers {
                notes: a.notes.clone(),
                ..back
            }),
            text
        );
        // A person's file is kept as written; new entries go at its end.
        let theirs = text.replace("city = \"某市\"", "city = \"某市\"  # asked the bureau");
        let mut more = parse(&theirs).unwrap();
        let key = "新.pdf".to_string();
        more.files.insert(key.clone(), Answer::default());
        let after = updated(Some(&theirs), &more, &[&key]);
        assert!(
            after.starts_with(&theirs)
                && after.ends_with("\n[\"新.pdf\"]\ndepartment = \"\"\nyear = \"\"\nprovince = \"\"\ncity = \"\"\n"),
            "{after}"
        );
        assert_eq!(updated(Some(&theirs), &more, &[]), theirs);
    }

    #[test]
    fn mistakes_are_named() {
        assert!(parse("[\"a.pdf\"]\nyear = \"twenty\"\n")
            .unwrap_err()
            .contains("year between 1949 and 2100"));
        assert!(parse("[\"a.pdf\"]\ndept = \"x\"\n")
            .unwrap_err()
            .contains("unknown key"));
        assert!(parse("[\"a.pdf\"]\ndepartment = 3\n")
            .unwrap_err()
            .contains("in quotes"));
        assert_eq!(
            parse("[\"a.pdf\"]\nyear = \"2019\"\n").unwrap().files["a.pdf"].year,
            Some(2019)
        );
    }
}
