//! Number formatting for people: amounts keep their published precision; shares and changes
//! are computed exactly with Decimal and rounded only for display.

use crate::i18n::Lang;
use rust_decimal::{Decimal, RoundingStrategy};

/// An amount as published (scale kept: "1.00" stays "1.00"), e.g. "3719.45".
pub fn fmt_amount(d: Decimal) -> String {
    d.to_string()
}

/// An amount with thousands separators for large figures, e.g. "17,981.68".
pub fn fmt_amount_grouped(d: Decimal) -> String {
    let s = d.abs().to_string();
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i.to_string(), Some(f.to_string())),
        None => (s.clone(), None),
    };
    let mut grouped = String::new();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    let sign = if d.is_sign_negative() && !d.is_zero() { "-" } else { "" };
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// A change with its sign and thousands separators: "+1,456.72", "−2.35", "0".
pub fn fmt_signed_grouped(d: Decimal) -> String {
    if d.is_zero() {
        "0".to_string()
    } else if d.is_sign_negative() {
        format!("−{}", fmt_amount_grouped(-d))
    } else {
        format!("+{}", fmt_amount_grouped(d))
    }
}

/// `part / whole` as a percentage rounded half-up to `dp` decimals; `None` when whole is 0.
pub fn percent(part: Decimal, whole: Decimal, dp: u32) -> Option<Decimal> {
    if whole.is_zero() {
        return None;
    }
    let p = part.checked_mul(Decimal::ONE_HUNDRED)?.checked_div(whole)?;
    let mut p = p.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero);
    // Always show `dp` decimals ("20.0%", not "20%").
    p.rescale(dp);
    Some(p)
}

/// A percentage for display, e.g. "34.6%"; "—" when undefined.
pub fn fmt_percent(p: Option<Decimal>) -> String {
    match p {
        Some(p) => format!("{p}%"),
        None => "—".to_string(),
    }
}

/// Share of a part in a whole for display: "34.6%", "<0.1%" for a tiny non-zero part, "—" when
/// either is blank or the whole is zero.
pub fn fmt_share(part: Option<Decimal>, whole: Option<Decimal>) -> String {
    match (part, whole) {
        (Some(p), Some(w)) => match percent(p, w, 1) {
            Some(s) if s.is_zero() && !p.is_zero() => "<0.1%".to_string(),
            s => fmt_percent(s),
        },
        _ => "—".to_string(),
    }
}

/// The texts that depend on the interface language, in this language.
impl Lang {
    /// An optional amount; blank is shown as 未列 / "not stated", never as 0.
    pub fn fmt_opt(self, d: Option<Decimal>) -> String {
        d.map(fmt_amount_grouped)
            .unwrap_or_else(|| crate::tr!(self, "amount.blank").to_string())
    }

    /// A published unit of amounts in this language: "万元" stays "万元" in Chinese and is
    /// "×10,000 yuan" in English (the figures themselves are never converted). Units not known
    /// are shown as published.
    pub fn unit_label(self, unit: &str) -> &str {
        if self == Lang::Zh {
            return unit;
        }
        match unit.trim() {
            "元" => "yuan",
            "千元" => "×1,000 yuan",
            "万元" => "×10,000 yuan",
            "百万元" => "×1 million yuan",
            "亿元" => "×100 million yuan",
            "辆" => "vehicles",
            "台" => "units",
            "台（套）" | "台(套)" => "units (sets)",
            "套" => "sets",
            "个" => "items",
            "平方米" => "m²",
            "人" => "people",
            _ => unit,
        }
    }

    /// A fiscal year for display: "2017 年" / "FY2017".
    pub fn fmt_year(self, year: i32) -> String {
        crate::tr!(self, "year", year)
    }

    /// A fiscal year in chart legends: "2017年" / "FY2017".
    pub fn fmt_year_short(self, year: i32) -> String {
        crate::tr!(self, "year.short", year)
    }

    /// An optional amount with its unit: "872.00 万元", or "未列" (no unit) when blank.
    pub fn fmt_opt_unit(self, d: Option<Decimal>, unit: &str) -> String {
        match d {
            Some(d) => format!("{} {}", fmt_amount_grouped(d), self.unit_label(unit)),
            None => crate::tr!(self, "amount.blank").to_string(),
        }
    }

    /// Change with sign and percentage of the base, e.g. "+1456.72 万元（+64.4%）".
    pub fn fmt_change(self, change: Decimal, base: Option<Decimal>, unit: &str) -> String {
        let sign = if change.is_sign_negative() && !change.is_zero() {
            "−"
        } else {
            "+"
        };
        let abs = fmt_amount_grouped(change.abs());
        let unit = self.unit_label(unit);
        match base.and_then(|b| percent(change.abs(), b, 1)) {
            Some(p) => crate::tr!(self, "format.change_pct", sign, abs, unit, p),
            None => format!("{sign}{abs} {unit}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn grouping() {
        assert_eq!(fmt_amount_grouped(d("17981.68")), "17,981.68");
        assert_eq!(fmt_amount_grouped(d("3719.45")), "3,719.45");
        assert_eq!(fmt_amount_grouped(d("872.00")), "872.00");
        assert_eq!(fmt_amount_grouped(d("-1234567")), "-1,234,567");
    }

    #[test]
    fn percentages_round_half_up() {
        assert_eq!(percent(d("872.00"), d("2521.16"), 1), Some(d("34.6")));
        assert_eq!(percent(d("1"), d("8"), 1), Some(d("12.5")));
        assert_eq!(percent(d("1"), d("0"), 1), None);
    }

    #[test]
    fn change_text() {
        // 2017 total 3719.45 with +1456.72 means 2016 was 2262.73: +64.4%.
        assert_eq!(
            Lang::Zh.fmt_change(d("1456.72"), Some(d("2262.73")), "万元"),
            "+1,456.72 万元（+64.4%）"
        );
        assert_eq!(Lang::Zh.fmt_change(d("-2"), Some(d("10")), "万元"), "−2 万元（−20.0%）");
        assert_eq!(Lang::Zh.fmt_opt(None), "未列");
        assert_eq!(fmt_share(Some(d("1.00")), Some(d("2521.16"))), "<0.1%");
        assert_eq!(fmt_share(Some(d("872.00")), Some(d("2521.16"))), "34.6%");
        assert_eq!(fmt_share(None, Some(d("1"))), "—");
    }
}
