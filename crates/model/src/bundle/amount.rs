//! Exact money amounts in JSON.
//!
//! Every amount in a bundle is a [`rust_decimal::Decimal`] written as a JSON **string**
//! (`"3719.45"`), never a JSON number (which a reader would pass through f64), and a blank
//! published cell is `null` ("未列", not stated), never `"0"`.

use rust_decimal::Decimal;
use serde::{de, Deserializer, Serializer};
use std::fmt;
use std::str::FromStr;

/// Largest magnitude accepted for an amount (10¹⁵ of the bundle's unit). Anything larger is
/// certainly a typing or import error, and rejecting it keeps arithmetic far from overflow.
pub const MAX_ABS_AMOUNT: i64 = 1_000_000_000_000_000;

/// How many 元 a money unit is (元, 万元, 亿元); `None` for another unit.
pub fn yuan_per(unit: &str) -> Option<Decimal> {
    match unit {
        "元" => Some(Decimal::ONE),
        "万元" => Some(Decimal::from(10_000)),
        "亿元" => Some(Decimal::from(100_000_000)),
        _ => None,
    }
}

/// `amount` in unit `from` expressed exactly in unit `to` (元 → 万元: ÷ 10,000, no rounding);
/// `None` for a unit that is not a money unit, or on overflow.
pub fn convert(amount: Decimal, from: &str, to: &str) -> Option<Decimal> {
    if from == to {
        return Some(amount);
    }
    let value = amount.checked_mul(yuan_per(from)?)?.checked_div(yuan_per(to)?)?;
    Some(value.normalize())
}

/// Parses one amount as written in a bundle: optional sign, digits, optional fraction.
/// No thousands separators, exponents, spaces or units (the importer removes those).
pub fn parse_amount(s: &str) -> Result<Decimal, String> {
    let ok_shape = {
        let body = s.strip_prefix('-').unwrap_or(s);
        let mut parts = body.splitn(2, '.');
        let int = parts.next().unwrap_or("");
        let frac = parts.next();
        !int.is_empty()
            && int.bytes().all(|b| b.is_ascii_digit())
            && frac.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()))
    };
    if !ok_shape || s.len() > 40 {
        return Err(format!(
            "“{}” is not a decimal amount (expected e.g. \"3719.45\")",
            truncate(s, 40)
        ));
    }
    let d = Decimal::from_str(s).map_err(|e| format!("“{}”: {e}", truncate(s, 40)))?;
    if d.abs() > Decimal::from(MAX_ABS_AMOUNT) {
        return Err(format!("“{}” is out of range (more than 10^15)", truncate(s, 40)));
    }
    Ok(d)
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        s.chars().take(n).collect::<String>() + "…"
    }
}

struct AmountVisitor;

impl<'de> de::Visitor<'de> for AmountVisitor {
    type Value = Decimal;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a decimal amount written as a string, e.g. \"3719.45\"")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Decimal, E> {
        parse_amount(v).map_err(E::custom)
    }
}

struct OptAmountVisitor;

impl<'de> de::Visitor<'de> for OptAmountVisitor {
    type Value = Option<Decimal>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a decimal amount written as a string (e.g. \"3719.45\") or null for not stated")
    }
    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_str(AmountVisitor).map(Some)
    }
}

/// `#[serde(with = "amount")]` for a required amount.
pub fn serialize<S: Serializer>(v: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&v.to_string())
}

/// `#[serde(with = "amount")]` for a required amount.
pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
    d.deserialize_str(AmountVisitor)
}

/// `#[serde(with = "amount::opt")]` for an amount that may be blank (`null` = not stated).
pub mod opt {
    use super::*;

    pub fn serialize<S: Serializer>(v: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
        match v {
            Some(d) => s.serialize_str(&d.to_string()),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
        d.deserialize_option(OptAmountVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_plain_decimals_and_keeps_scale() {
        assert_eq!(parse_amount("3719.45").unwrap().to_string(), "3719.45");
        assert_eq!(parse_amount("1.00").unwrap().to_string(), "1.00");
        assert_eq!(parse_amount("-2.35").unwrap().to_string(), "-2.35");
        assert_eq!(parse_amount("0").unwrap(), Decimal::ZERO);
    }

    #[test]
    fn rejects_everything_else() {
        for bad in [
            "",
            "1,490.00",
            "1e3",
            " 1",
            "NaN",
            "inf",
            "1.",
            ".5",
            "--1",
            "１",
            "10000000000000000",
        ] {
            assert!(parse_amount(bad).is_err(), "{bad:?} should be rejected");
        }
    }
}
