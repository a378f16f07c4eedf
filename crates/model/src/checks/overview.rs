//! The overview's headline figures, as the overview view shows them (and the page titles and
//! descriptions quote them).

use crate::bundle::Bundle;
use crate::i18n::Lang;
use crate::tr;

/// The overview's headline figures as shown (amounts in the bundle's unit, without the unit;
/// a blank amount reads 未列, never 0).
#[derive(Debug, Clone, PartialEq)]
pub struct KeyFigures {
    pub revenue: String,
    pub expenditure: String,
    pub basic: String,
    pub project: String,
    /// "last year" or the base year the change is against.
    pub base_year: String,
    /// Change of expenditure on the base year, with its percentage when known.
    pub change: String,
    /// "basic … · project …" change split.
    pub change_split: String,
    pub three_public: String,
    /// Change of the “三公” total on last year.
    pub three_public_change: String,
    pub operating_costs: String,
}

/// The headline figures of `b` in `lang` (used by the overview and the overview page's
/// description).
pub fn key_figures(lang: Lang, b: &Bundle) -> KeyFigures {
    let unit = b.meta.unit.as_str();
    let blank = || tr!(lang, "amount.blank").to_string();
    let change_or_blank = |c: Option<rust_decimal::Decimal>, base: Option<rust_decimal::Decimal>| {
        c.map(|c| lang.fmt_change(c, base, unit)).unwrap_or_else(blank)
    };
    let tp = &b.three_public;
    KeyFigures {
        revenue: lang.fmt_opt(b.revenue.total),
        expenditure: lang.fmt_opt(b.expenditure.total),
        // As the document states them (the 支出预算总表, the category named so, the categories' sum).
        basic: lang.fmt_opt(b.stated_basic()),
        project: lang.fmt_opt(b.stated_project()),
        base_year: b
            .change
            .base_year
            .map(|y| lang.fmt_year(y))
            .unwrap_or_else(|| tr!(lang, "overview.last_year").into()),
        change: change_or_blank(
            b.change.total,
            b.change.total.and_then(|c| b.expenditure.total.map(|t| t - c)),
        ),
        change_split: tr!(
            lang,
            "overview.change_split",
            change_or_blank(b.change.basic, None),
            change_or_blank(b.change.project, None)
        ),
        three_public: lang.fmt_opt(tp.total),
        three_public_change: change_or_blank(tp.total_change, tp.total_change.and_then(|c| tp.total.map(|t| t - c))),
        operating_costs: lang.fmt_opt(b.operating_costs.amount),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seed() -> Bundle {
        crate::parse_bundle(include_str!("../../../../data/pingxiang-fgj-2017.json"), "seed").unwrap()
    }

    #[test]
    fn key_figures_of_the_seed() {
        let f = key_figures(Lang::Zh, &seed());
        assert_eq!(f.revenue, "3,719.45");
        assert_eq!(f.expenditure, "3,719.45");
        assert_eq!(f.three_public, "11.82");
        assert!(f.three_public_change.contains("2.35"), "{f:?}");
    }
}
