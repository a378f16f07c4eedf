//! The first view as static HTML, written into the built index.html (`gongkai prerender`, run by
//! the build): the page header, the overview's key figures and its first chart, so a visitor
//! sees them from the first paint — before the app's wasm has downloaded, and without
//! JavaScript at all. The app removes it when it mounts and draws the same view live.
//!
//! Everything from the bundle goes through [`escape`]: published text is never markup. The
//! figures come from [`crate::overview::key_figures`], the same values the live overview shows,
//! and the chart from the same spec, layout and renderer.

use crate::bundle::Bundle;
use crate::chart::{expenditure_chart, layout_bars};
use crate::format::{fmt_year, unit_label};
use crate::overview::key_figures;
use crate::render::bars_svg;
use crate::tr;

/// Text for HTML element content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// The site's sections as the navigation lists them: (address, key of the name). The app's
/// `Route::NAV` is the same list (the browser tests compare the two navigations).
pub const NAV: [(&str, &str); 8] = [
    ("#/", "nav.overview"),
    ("#/duties", "nav.duties"),
    ("#/performance", "nav.performance"),
    ("#/indicators", "nav.indicators"),
    ("#/assets", "nav.assets"),
    ("#/other", "nav.other"),
    ("#/checks", "nav.checks"),
    ("#/search", "nav.search"),
];

/// Chart widths drawn in advance: a phone's and a desktop's (the page's CSS shows the one that
/// fits; the live app then draws for the exact width).
pub const WIDTHS: [(u32, &str); 2] = [(360, "narrow"), (900, "wide")];

/// The pre-rendered first view of `b` in the current language: one
/// `<div id="prerender-zh-CN" class="prerender" lang="zh-CN">` (or `-en`) with the header, the
/// navigation, the key figures and the expenditure chart (its summary as text).
pub fn first_view_html(b: &Bundle) -> String {
    let unit = unit_label(&b.meta.unit);
    let f = key_figures(b);
    let e = escape;
    let region = [&b.meta.region.province, &b.meta.region.city, &b.meta.region.county]
        .iter()
        .filter_map(|p| p.as_deref())
        .collect::<Vec<_>>()
        .join(" ");
    let term = |id: &str| {
        crate::glossary::explain(b, id)
            .map(|x| format!("<span class=\"term\">{}</span>", e(&x.label)))
            .unwrap_or_default()
    };
    let stat = |label: &str, value: &str, extra: &str| {
        format!("<div class=\"stat\"><p class=\"label\">{label}</p>{value}{extra}</div>")
    };
    let amount = |v: &str| format!("<p class=\"value\">{}<span class=\"unit\">{}</span></p>", e(v), e(unit));
    let nav: String = NAV
        .iter()
        .enumerate()
        .map(|(i, (href, key))| {
            let current = if i == 0 {
                " aria-current=\"page\" class=\"current\""
            } else {
                ""
            };
            format!("<li><a href=\"{href}\"{current}>{}</a></li>", e(crate::i18n::t(key)))
        })
        .collect();
    let stats = [
        stat(&e(tr!("overview.total_revenue")), &amount(&f.revenue), ""),
        stat(
            &e(tr!("overview.total_expenditure")),
            &amount(&f.expenditure),
            &format!(
                "<p class=\"sub\">{} {} · {} {}</p>",
                term("basic"),
                e(&f.basic),
                term("project"),
                e(&f.project)
            ),
        ),
        stat(
            &e(&tr!("overview.change_on", f.base_year)),
            &format!("<p class=\"value change\">{}</p>", e(&f.change)),
            &format!("<p class=\"sub\">{}</p>", e(&f.change_split)),
        ),
        stat(
            &term("three_public"),
            &amount(&f.three_public),
            &format!(
                "<p class=\"sub\">{}</p>",
                e(&tr!("overview.vs_last_year", f.three_public_change))
            ),
        ),
        stat(&term("operating_costs"), &amount(&f.operating_costs), ""),
    ]
    .concat();
    // A bundle published with failing checks (`--allow-failing-checks`) says so before its figures.
    let failing = crate::validate::FailingFigures::of(&crate::validate::reconcile(b));
    let notice = if failing.is_empty() {
        String::new()
    } else {
        let items: String = failing
            .checks
            .iter()
            .map(|(n, label)| {
                format!(
                    "<li><a href=\"#/checks/{n}\">{}</a></li>",
                    e(&tr!("fail.check", n, label))
                )
            })
            .collect();
        format!(
            "<section class=\"fail-notice\" role=\"note\"><p><strong><span aria-hidden=\"true\">✗ </span>{}</strong></p><ul>{items}</ul><p class=\"hint\">{}</p></section>",
            e(&tr!("fail.notice", failing.checks.len())),
            e(tr!("fail.notice_hint"))
        )
    };
    let chart = expenditure_chart(b);
    let svgs: String = WIDTHS
        .iter()
        .map(|(w, class)| {
            format!(
                "<div class=\"svg pre-{class}\" aria-hidden=\"true\">{}</div>",
                bars_svg(&layout_bars(&chart, *w))
            )
        })
        .collect();
    format!(
        concat!(
            "<div id=\"prerender-{lang}\" class=\"prerender app mode-site\" lang=\"{lang}\">",
            "<header class=\"site\"><p class=\"region\" lang=\"zh-CN\">{region}</p>",
            "<h1 lang=\"zh-CN\">{dept}</h1><p class=\"doc\">{doc}</p>",
            "<nav class=\"sections\" aria-label=\"{nav_label}\"><ul>{nav}</ul></nav></header>",
            "<main>{notice}<h2>{overview}</h2>",
            "<section class=\"stats\" aria-label=\"{figures}\">{stats}</section>",
            "<section><h2>{budget}</h2><figure class=\"chart\"><h3>{title}</h3>",
            "<figcaption class=\"summary\">{summary}</figcaption>{svgs}</figure></section>",
            "</main></div>"
        ),
        lang = crate::i18n::lang().code(),
        region = e(&region),
        dept = e(&b.meta.department),
        doc = e(&tr!(
            "app.doc_line",
            fmt_year(b.meta.fiscal_year),
            b.meta.kind.label(),
            unit
        )),
        nav_label = e(tr!("nav.label")),
        nav = nav,
        notice = notice,
        overview = e(tr!("nav.overview")),
        figures = e(tr!("overview.figures")),
        stats = stats,
        budget = e(tr!("overview.budget")),
        title = e(tr!("overview.spend_chart")),
        summary = e(&chart.summary),
        svgs = svgs,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seed() -> Bundle {
        crate::parse_bundle(include_str!("../../../../data/pingxiang-fgj-2017.json"), "seed").unwrap()
    }

    #[test]
    fn first_view_has_the_figures_and_both_chart_widths() {
        let html = first_view_html(&seed());
        assert!(html.starts_with("<div id=\"prerender-zh-CN\" class=\"prerender"));
        assert!(html.contains("<h1 lang=\"zh-CN\">平乡县发展改革局</h1>"));
        assert!(html.contains("3,719.45<span class=\"unit\">万元</span>"));
        assert_eq!(html.matches("<svg").count(), 2);
        assert!(html.contains("pre-narrow") && html.contains("pre-wide"));
        assert_eq!(html.matches("<li><a href=").count(), NAV.len());
        // No ids: the live app's elements are the ones tests and scripts look for.
        assert_eq!(html.matches(" id=\"").count(), 1, "only the root has an id");
    }

    #[test]
    fn a_bundle_with_failing_checks_opens_with_the_notice() {
        assert!(!first_view_html(&seed()).contains("fail-notice"));
        let mut b = seed();
        b.expenditure.total = Some("3719.46".parse().unwrap());
        let html = first_view_html(&b);
        let notice = html.find("class=\"fail-notice\"").expect("notice");
        assert!(notice < html.find("class=\"stats\"").unwrap(), "before the figures");
        assert!(html.contains("本数据有 3 项核对不符："), "{html}");
        assert!(
            html.contains("<a href=\"#/checks/2\">第 2 项核对：支出各经济分类之和 = 支出合计</a>"),
            "{html}"
        );
    }

    #[test]
    fn bundle_text_is_escaped_never_markup() {
        let mut b = seed();
        b.meta.department = "<script>alert(1)</script>&\"'".into();
        let html = first_view_html(&b);
        assert!(!html.contains("<script>"));
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;&#39;"));
    }
}
