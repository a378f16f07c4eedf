//! How search sees characters: the one folding of text and query, and what counts as a Chinese
//! character. Both searches use it — a loaded bundle's ([`crate::search`]) and the site-wide index
//! ([`crate::site_search`]), whose terms are folded when the site is built and whose queries are
//! folded in the browser — so a text is found whichever way it was printed or typed.

/// Folds one character for matching, character for character (so a position in folded text is
/// the same position in the original, which highlighting relies on):
///
/// - full-width ASCII (U+FF01–U+FF5E: `ＧＤＰ`, `２０１７`, `（`) becomes its ASCII form, and the
///   ideographic space U+3000 a space: Chinese documents print letters and digits full-width as
///   often as not, and a Chinese input method types them so in its full-width mode;
/// - upper case becomes lower case (ASCII, and any other letter whose lower case is one
///   character: `Ⅻ` → `ⅻ`, `Σ` → `σ`); a letter whose lower case is several characters (`İ`)
///   stays, to keep positions.
///
/// Chinese characters are left as they are (no traditional → simplified: that is a reading, not
/// a form of the same character).
pub fn fold(c: char) -> char {
    let c = match c {
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    };
    if c.is_ascii() {
        c.to_ascii_lowercase()
    } else if c.is_uppercase() {
        let mut lower = c.to_lowercase();
        match (lower.next(), lower.next()) {
            (Some(l), None) => l,
            _ => c,
        }
    } else {
        c
    }
}

/// `text` with every character [`fold`]ed (as many characters as `text`).
pub fn fold_str(text: &str) -> String {
    text.chars().map(fold).collect()
}

/// A Chinese character (CJK unified ideographs, extension A, the compatibility ideographs and the
/// supplementary planes' extensions): searched by substring and pinyin, indexed by itself and
/// with its neighbour.
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' | '\u{20000}'..='\u{2ffff}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_and_width_character_for_character() {
        // Full-width forms are the ASCII block shifted by U+FEE0: the fold must give exactly
        // the ASCII character, for every one of them.
        for a in 0x21u8..=0x7e {
            let wide = char::from_u32(u32::from(a) + 0xfee0).unwrap();
            assert_eq!(fold(wide), char::from(a).to_ascii_lowercase(), "{wide}");
        }
        assert_eq!(fold_str("ＧＤＰ增长２０１７　Budget"), "gdp增长2017 budget");
        assert_eq!(fold_str("ΣⅫ"), "σⅻ");
        // İ lower-cases to two characters: kept, so positions agree.
        let s = "İ农村";
        assert_eq!(fold_str(s).chars().count(), s.chars().count());
        assert_eq!(fold('农'), '农');
        assert!(is_han('农') && is_han('\u{20000}') && !is_han('Ａ') && !is_han('，'));
    }
}
