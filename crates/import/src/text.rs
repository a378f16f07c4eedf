//! Small text helpers: number cells, amounts inside sentences, full-width characters.

use rust_decimal::Decimal;
use std::str::FromStr;

/// Normalises full-width digits, signs and dots to ASCII; leaves other characters alone.
pub fn ascii_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '．' => '.',
            '，' if false => ',',
            '－' | '−' => '-',
            _ => c,
        })
        .collect()
}

/// A table cell as an amount: "1,490.00" → 1490.00, "18.85 %" → 18.85, "—"/"-"/"" → None.
/// Returns `Err` for a cell that is neither blank nor a number.
pub fn parse_cell_number(cell: &str) -> Result<Option<Decimal>, ()> {
    let s = ascii_digits(cell.trim());
    let s = s.trim().trim_end_matches('%').trim();
    if s.is_empty() || matches!(s, "—" | "-" | "--" | "——" | "－" | "/" | "…" | "未列") {
        return Ok(None);
    }
    let cleaned: String = s.chars().filter(|c| *c != ',' && *c != ' ' && *c != '\u{a0}').collect();
    if cleaned.contains(',') {
        return Err(());
    }
    // Thousands separators only in groups of three: reject "1,49" style garbage.
    if s.contains(',') {
        let int = s.split('.').next().unwrap_or("");
        let groups: Vec<&str> = int.trim_start_matches('-').split(',').collect();
        if groups.iter().skip(1).any(|g| g.len() != 3) || groups[0].is_empty() || groups[0].len() > 3 {
            return Err(());
        }
    }
    match gongkai_model::amount::parse_amount(&cleaned) {
        Ok(d) => Ok(Some(d)),
        Err(_) => match Decimal::from_str(&cleaned) {
            Ok(d) if cleaned.starts_with('+') && in_range(&d) => Ok(Some(d)),
            _ => Err(()),
        },
    }
}

/// A number at the start of `s` (after ASCII-normalising): digits with optional "," groups and
/// one ".". Returns the value and the byte length consumed in the normalised string.
fn leading_number(s: &str) -> Option<(Decimal, usize)> {
    let bytes = s.as_bytes();
    let mut end = 0;
    let mut seen_dot = false;
    while end < bytes.len() {
        let b = bytes[end];
        if b.is_ascii_digit() {
            end += 1;
        } else if b == b'.' && !seen_dot && end > 0 && bytes.get(end + 1).is_some_and(|n| n.is_ascii_digit()) {
            seen_dot = true;
            end += 1;
        } else if b == b','
            && !seen_dot
            && end > 0
            && bytes.len() >= end + 4
            && bytes[end + 1..end + 4].iter().all(|d| d.is_ascii_digit())
        {
            end += 1;
        } else {
            break;
        }
    }
    if end == 0 {
        return None;
    }
    let cleaned: String = s[..end].chars().filter(|c| *c != ',').collect();
    // Beyond the bundle's range an amount is certainly not a budget figure (and would make an
    // unreadable bundle): treat it as text.
    Decimal::from_str(&cleaned).ok().filter(in_range).map(|d| (d, end))
}

fn in_range(d: &Decimal) -> bool {
    d.abs() <= Decimal::from(gongkai_model::amount::MAX_ABS_AMOUNT)
}

/// Money units a document may use, and their factor to 万元.
pub const UNITS: [(&str, &str); 3] = [("万元", "1"), ("亿元", "10000"), ("元", "0.0001")];

/// An amount written in a sentence: the first number after `from` followed by a money unit
/// (万元/亿元/元). Returns (amount converted to `target_unit`, unit as written, byte offset just
/// past the unit).
pub fn amount_in(s: &str, target_unit: &str) -> Option<(Decimal, usize)> {
    let norm = ascii_digits(s);
    let mut i = 0;
    while i < norm.len() {
        if !norm.is_char_boundary(i) {
            i += 1;
            continue;
        }
        let rest = &norm[i..];
        if let Some((value, len)) = leading_number(rest) {
            // A digit glued to a previous digit run is not a new number.
            let after = rest[len..].trim_start();
            for (unit, _) in UNITS {
                if let Some(stripped) = after.strip_prefix(unit) {
                    let consumed = norm.len() - stripped.len();
                    let converted = convert(value, unit, target_unit);
                    if in_range(&converted) {
                        return Some((converted, consumed));
                    }
                }
            }
            i += len;
        } else {
            i += rest.chars().next().map(|c| c.len_utf8()).unwrap_or(1);
        }
    }
    None
}

/// Converts between 元, 万元 and 亿元 exactly.
pub fn convert(value: Decimal, from: &str, to: &str) -> Decimal {
    if from == to {
        return value;
    }
    if !in_range(&value) {
        return value; // callers check the range; never overflow here
    }
    let f = |u: &str| {
        UNITS
            .iter()
            .find(|(n, _)| *n == u)
            .map(|(_, f)| Decimal::from_str(f).unwrap())
            .unwrap_or(Decimal::ONE)
    };
    (value * f(from) / f(to)).normalize_scale_like(value)
}

trait ScaleLike {
    fn normalize_scale_like(self, like: Decimal) -> Decimal;
}

impl ScaleLike for Decimal {
    /// Keeps the published number of decimals when the conversion is exact at that scale.
    fn normalize_scale_like(self, like: Decimal) -> Decimal {
        let n = self.normalize();
        if n.scale() <= like.scale() {
            let mut v = n;
            v.rescale(like.scale());
            v
        } else {
            n
        }
    }
}

/// The amount after `keyword` in `s` (within the same clause), e.g. keyword "预算收入" in
/// "共安排预算收入3719.45万元" → 3719.45.
pub fn amount_after(s: &str, keyword: &str, unit: &str) -> Option<Decimal> {
    let at = s.find(keyword)?;
    let rest = &s[at + keyword.len()..];
    let clause_end = rest.find(['，', '。', '；', ';']).unwrap_or(rest.len());
    amount_in(&rest[..clause_end], unit).map(|(d, _)| d)
}

/// Splits a sentence into clauses at ，,；;。 (an ASCII comma between digits is a thousands
/// separator, not a clause break), each clause trimmed.
pub fn clauses(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let thousands = c == ','
            && k > 0
            && chars[k - 1].1.is_ascii_digit()
            && chars.get(k + 1).is_some_and(|(_, n)| n.is_ascii_digit());
        if matches!(c, '，' | '；' | ';' | '。') || (c == ',' && !thousands) {
            out.push(s[start..i].trim());
            start = i + c.len_utf8();
        }
    }
    out.push(s[start..].trim());
    out.retain(|c| !c.is_empty());
    out
}

/// Sign of a change from its verb: 增加/增长/上升 → +1, 减少/下降/降低 → −1, 持平 → 0.
pub fn change_sign(s: &str) -> Option<i8> {
    if s.contains("持平") || s.contains("无变化") || s.contains("不变") {
        Some(0)
    } else if ["减少", "下降", "降低", "减"].iter().any(|w| s.contains(w)) {
        Some(-1)
    } else if ["增加", "增长", "上升", "增"].iter().any(|w| s.contains(w)) {
        Some(1)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn cells() {
        assert_eq!(parse_cell_number("1,490.00"), Ok(Some(d("1490.00"))));
        assert_eq!(parse_cell_number("17,981.68"), Ok(Some(d("17981.68"))));
        assert_eq!(parse_cell_number("18.85 %"), Ok(Some(d("18.85"))));
        assert_eq!(parse_cell_number("—"), Ok(None));
        assert_eq!(parse_cell_number(""), Ok(None));
        assert_eq!(parse_cell_number("１２．５"), Ok(Some(d("12.5"))));
        assert_eq!(parse_cell_number("1,49"), Err(()));
        assert_eq!(parse_cell_number("abc"), Err(()));
    }

    #[test]
    fn sentence_amounts() {
        let s = "本部门2017年共安排预算收入3719.45万元，一般公共预算拨款3719.45万元。";
        assert_eq!(amount_after(s, "预算收入", "万元"), Some(d("3719.45")));
        assert_eq!(amount_in("因公出国（境）费0万元", "万元").map(|x| x.0), Some(d("0")));
        assert_eq!(amount_in("收入17,981.68万元", "万元").map(|x| x.0), Some(d("17981.68")));
        assert_eq!(amount_in("安排1234500元", "万元").map(|x| x.0), Some(d("123.45")));
        // The year is not an amount: it is not followed by a money unit.
        assert_eq!(
            amount_in("2017年部门预算较2016年增长1456.72万元", "万元").map(|x| x.0),
            Some(d("1456.72"))
        );
    }

    #[test]
    fn signs() {
        assert_eq!(change_sign("比上年增加2.35万元"), Some(1));
        assert_eq!(change_sign("同上年持平"), Some(0));
        assert_eq!(change_sign("比上年减少1万元"), Some(-1));
    }
}
