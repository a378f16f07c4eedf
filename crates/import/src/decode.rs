//! Bytes → text: BOMs, UTF-16, GBK, binary junk.

/// Why a file cannot be read as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    Empty,
    /// Not UTF-8 and this build has no GBK decoder (the web build leaves it to the browser's
    /// TextDecoder; the CLI has one).
    LegacyEncoding,
    /// Looks like a binary file (NUL bytes or many control characters), with a guess of its type.
    Binary {
        guess: &'static str,
    },
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DecodeError::Empty => f.write_str("the file is empty"),
            DecodeError::LegacyEncoding => f.write_str("the text is neither UTF-8 nor UTF-16; save it as UTF-8"),
            DecodeError::Binary { guess } => write!(f, "the file is not text (looks like {guess})"),
        }
    }
}

/// Decodes a document: UTF-8 (with or without BOM), UTF-16 with BOM, otherwise GBK/GB18030.
/// Returns the text and the encoding name used.
pub fn decode(bytes: &[u8]) -> Result<(String, &'static str), DecodeError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(DecodeError::Empty);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return Ok((String::from_utf8_lossy(rest).into_owned(), "UTF-8 (BOM)"));
    }
    if bytes.starts_with(&[0xFF, 0xFE]) {
        return Ok((utf16(&bytes[2..], u16::from_le_bytes), "UTF-16LE"));
    }
    if bytes.starts_with(&[0xFE, 0xFF]) {
        return Ok((utf16(&bytes[2..], u16::from_be_bytes), "UTF-16BE"));
    }
    if let Some(guess) = binary_guess(bytes) {
        return Err(DecodeError::Binary { guess });
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok((s.to_string(), "UTF-8")),
        Err(_) => legacy(bytes),
    }
}

fn utf16(bytes: &[u8], word: fn([u8; 2]) -> u16) -> String {
    let units = bytes.chunks_exact(2).map(|c| word([c[0], c[1]]));
    char::decode_utf16(units).map(|r| r.unwrap_or('\u{fffd}')).collect()
}

#[cfg(feature = "gbk")]
fn legacy(bytes: &[u8]) -> Result<(String, &'static str), DecodeError> {
    let (t, _, had_errors) = encoding_rs::GB18030.decode(bytes);
    if had_errors {
        Ok((
            String::from_utf8_lossy(bytes).into_owned(),
            "UTF-8 (with invalid bytes replaced)",
        ))
    } else {
        Ok((t.into_owned(), "GB18030/GBK"))
    }
}

#[cfg(not(feature = "gbk"))]
fn legacy(_bytes: &[u8]) -> Result<(String, &'static str), DecodeError> {
    Err(DecodeError::LegacyEncoding)
}

fn binary_guess(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"%PDF") {
        return Some("a PDF: extract its text first, e.g. with pdftotext -layout");
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return Some("a ZIP/.docx archive");
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Some("an old binary Word .doc: save it as .docx or .txt first");
    }
    let head = &bytes[..bytes.len().min(8192)];
    let nul = head.iter().filter(|b| **b == 0).count();
    let ctrl = head
        .iter()
        .filter(|b| **b < 0x20 && !matches!(**b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    if nul > 0 || ctrl * 20 > head.len() {
        return Some("binary data");
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(feature = "gbk")]
    #[test]
    fn encodings() {
        assert_eq!(decode("一、".as_bytes()).unwrap().0, "一、");
        assert_eq!(decode(b"\xEF\xBB\xBFabc").unwrap().0, "abc");
        let (gbk, _, _) = encoding_rs::GBK.encode("部门职责");
        assert_eq!(decode(&gbk).unwrap(), ("部门职责".to_string(), "GB18030/GBK"));
        let mut u16 = vec![0xFF, 0xFE];
        for u in "三公".encode_utf16() {
            u16.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode(&u16).unwrap().0, "三公");
        assert_eq!(decode(b"  \n"), Err(DecodeError::Empty));
        assert!(matches!(decode(b"%PDF-1.4 ..."), Err(DecodeError::Binary { .. })));
        assert!(matches!(
            decode(&[0u8, 1, 2, 3, 200, 100]),
            Err(DecodeError::Binary { .. })
        ));
    }
}
