//! The JSON path (`three_public.items[2].amount`) at a line and column of a JSON text.
//!
//! serde_json reports where a value has the wrong type but not which field; rather than wrap
//! every deserializer (which doubles the code in the wasm), the path is recovered from the text
//! only when an error happens, by scanning up to the error position.

/// One open container while scanning.
enum Frame {
    /// An object and the last key seen in it.
    Object(Option<String>),
    /// An array and the index of the current element.
    Array(usize),
}

/// Byte offset of 1-based (`line`, `column`) in `text`; `column` counts bytes as serde_json does.
fn offset(text: &str, line: usize, column: usize) -> usize {
    let mut start = 0;
    for _ in 1..line {
        match text[start..].find('\n') {
            Some(i) => start += i + 1,
            None => return text.len(),
        }
    }
    (start + column.saturating_sub(1)).min(text.len())
}

/// The path of the innermost value open at (`line`, `column`), e.g. `revenue.total` or
/// `performance.activities[3].amount`; empty at the top level.
pub fn path_at(text: &str, line: usize, column: usize) -> String {
    let end = offset(text, line, column);
    let bytes = text.as_bytes();
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    // After a string inside an object, is it a key (followed by ':')?
    while i < end {
        match bytes[i] {
            b'{' => stack.push(Frame::Object(None)),
            b'[' => stack.push(Frame::Array(0)),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => {
                if let Some(Frame::Array(n)) = stack.last_mut() {
                    *n += 1;
                }
            }
            b'"' => {
                let start = i + 1;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                let s = &text[start..i.min(text.len())];
                // A key is a string followed (after spaces) by ':'.
                let mut j = i + 1;
                while j < bytes.len() && bytes[j].is_ascii_whitespace() {
                    j += 1;
                }
                if bytes.get(j) == Some(&b':') {
                    if let Some(Frame::Object(key)) = stack.last_mut() {
                        *key = Some(s.to_string());
                    }
                }
            }
            _ => {}
        }
        i += 1;
    }
    let mut path = String::new();
    for f in &stack {
        match f {
            Frame::Object(Some(k)) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(k);
            }
            Frame::Object(None) => {}
            Frame::Array(n) => path.push_str(&format!("[{n}]")),
        }
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths() {
        let t = "{\n \"a\": {\"b\": [1, {\"c\": 3.5}]},\n \"d\": \"x\"\n}";
        // Inside the number 3.5 on line 2.
        let col = t.lines().nth(1).unwrap().find("3.5").unwrap() + 3;
        assert_eq!(path_at(t, 2, col), "a.b[1].c");
        let col = t.lines().nth(2).unwrap().find("\"x\"").unwrap() + 3;
        assert_eq!(path_at(t, 3, col), "d");
        assert_eq!(path_at("{\"k\\\"q\": [true", 1, 14), "k\\\"q[0]");
    }
}
