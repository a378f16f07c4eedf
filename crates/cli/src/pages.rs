//! The site's pages: every view of every bundle in both languages, rendered at build time by the
//! viewer's own Yew components (Yew's server-side renderer, natively) into the built
//! `index.html`, which the browser then hydrates. Each page is a folder with an `index.html`
//! (`duties/index.html`, `en/performance/8/index.html`, `b/<bundle>/…` on a site of several
//! bundles), so any static server serves it without rewrite rules; every page names the site
//! root in `<base href>`, so links and assets work under any sub-path.

use gongkai::app::{App, AppProps, ServerPage};
use gongkai::hooks::use_bundle::{BundleCtx, Loaded};
use gongkai_model::i18n::Lang;
use gongkai_model::route::{bundle_folder, page_routes, Address, Route};
use gongkai_model::{Bundle, Catalog};
use std::rc::Rc;

/// Top-level folders the pages live in; the site build owns them (removes them before writing).
pub const PAGE_FOLDERS: [&str; 12] = [
    "en",
    "b",
    "duties",
    "performance",
    "indicators",
    "assets",
    "other",
    "checks",
    "catalog",
    "compare",
    "search",
    "budget",
];

/// Whether `rel` (relative to the site root) is a file of the pages (inside a page folder).
pub fn is_page_file(rel: &std::path::Path) -> bool {
    rel.components().count() > 1
        && rel
            .components()
            .next()
            .and_then(|c| c.as_os_str().to_str())
            .is_some_and(|c| PAGE_FOLDERS.contains(&c))
}

/// One page to write.
pub struct Page {
    pub address: Address,
    /// The view rendered (the catalog on the home page of a site of several bundles).
    pub route: Route,
    pub loaded: BundleCtx,
    /// [`gongkai_model::catalog::data_fingerprint`] of the catalog and the bundle.
    pub data: Rc<str>,
}

/// Every page of the site: for each language, each bundle's views (at the root for a site of one
/// bundle; under `b/<folder>/` for each of several, whose root page is the catalog).
/// `bundles` holds the catalog's bundles, in its order.
pub fn site_pages(catalog: &Rc<Catalog>, bundles: Vec<Bundle>) -> Vec<Page> {
    let many = catalog.bundles.len() > 1;
    let loaded: Vec<BundleCtx> = catalog
        .bundles
        .iter()
        .zip(bundles)
        .map(|(e, bundle)| {
            BundleCtx(Rc::new(Loaded {
                bundle,
                path: gongkai::hooks::use_bundle::bundle_url(e),
                catalog: Some(catalog.clone()),
                province: false,
            }))
        })
        .collect();
    let prints: Vec<Rc<str>> = loaded
        .iter()
        .map(|c| gongkai_model::catalog::data_fingerprint(c.0.catalog.as_deref(), &c.0.bundle).into())
        .collect();
    let mut pages = Vec::new();
    for lang in [Lang::Zh, Lang::En] {
        if many {
            if let Some(first) = loaded.first() {
                pages.push(Page {
                    address: Address {
                        lang,
                        bundle: None,
                        route: Route::Overview,
                    },
                    route: Route::Catalog,
                    loaded: first.clone(),
                    data: prints[0].clone(),
                });
            }
        }
        for ((e, ctx), data) in catalog.bundles.iter().zip(&loaded).zip(&prints) {
            let folder = many.then(|| bundle_folder(&e.path));
            let compare = !ctx.0.other_years().is_empty();
            for route in page_routes(&ctx.0.bundle, false, compare) {
                pages.push(Page {
                    address: Address {
                        lang,
                        bundle: folder.clone(),
                        route: route.clone(),
                    },
                    route,
                    loaded: ctx.clone(),
                    data: data.clone(),
                });
            }
        }
    }
    pages
}

/// Renders pages with the viewer's components (hydratable HTML), in order.
pub fn render_all(pages: &[Page]) -> Vec<String> {
    render_each::<_, App>(pages, |p| AppProps {
        page: Some(ServerPage {
            loaded: p.loaded.clone(),
            route: p.route.clone(),
        }),
        lang: p.address.lang,
    })
}

/// Renders a province site's own pages (home, areas, search) with the viewer's components.
pub fn render_site(pages: &[(Lang, gongkai::site_app::SitePage)]) -> Vec<String> {
    render_each::<_, gongkai::site_app::SiteApp>(pages, |(lang, page)| gongkai::site_app::SiteAppProps {
        page: page.clone(),
        lang: *lang,
    })
}

/// Renders component `C` once for each item with the props `props_of` gives (the page's language
/// among them), on this thread: Yew's renderer needs a tokio local task set.
fn render_each<T, C>(items: &[T], props_of: impl Fn(&T) -> C::Properties) -> Vec<String>
where
    C: yew::BaseComponent,
{
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a current-thread runtime");
    let local = tokio::task::LocalSet::new();
    let out = local.block_on(&rt, async {
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            let props = props_of(item);
            out.push(
                yew::LocalServerRenderer::<C>::with_props(props)
                    .hydratable(true)
                    .render()
                    .await,
            );
        }
        out
    });
    out
}

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

/// The page's path relative to the site root as a link ("./" for the root).
pub fn link(address: &Address) -> String {
    let p = address.page_path();
    if p.is_empty() {
        "./".into()
    } else {
        p
    }
}

/// What a page's `<head>` says about it: title, description, sharing tags, the language
/// versions, the bundle to preload. `site_url`: the site's public address ("https://…/"), for
/// the canonical link and the absolute addresses sharing and search engines need.
pub fn head_tags(page: &Page, site_url: Option<&str>) -> String {
    let lang = page.address.lang;
    let b = &page.loaded.0.bundle;
    let title = gongkai::page::title(lang, b, page.route.clone());
    let description = gongkai::page::description(lang, b, page.route.clone());
    let e = escape;
    let mut tags = vec![
        format!("<meta name=\"gongkai-page\" content=\"{}\">", e(&link(&page.address))),
        format!("<meta name=\"gongkai-data\" content=\"{}\">", e(&page.data)),
        format!("<title>{}</title>", e(&title)),
        format!("<meta name=\"description\" content=\"{}\">", e(&description)),
        format!("<meta property=\"og:title\" content=\"{}\">", e(&title)),
        format!("<meta property=\"og:description\" content=\"{}\">", e(&description)),
        "<meta property=\"og:type\" content=\"website\">".into(),
        format!(
            "<meta property=\"og:site_name\" content=\"{}\">",
            e(lang.t("app.site_name"))
        ),
        format!(
            "<meta property=\"og:locale\" content=\"{}\">",
            match page.address.lang {
                Lang::Zh => "zh_CN",
                Lang::En => "en_GB",
            }
        ),
    ];
    if let Some(url) = site_url {
        let abs = |a: &Address| format!("{url}{}", a.page_path());
        tags.push(format!("<link rel=\"canonical\" href=\"{}\">", e(&abs(&page.address))));
        tags.push(format!(
            "<meta property=\"og:url\" content=\"{}\">",
            e(&abs(&page.address))
        ));
        for lang in [Lang::Zh, Lang::En] {
            let other = Address {
                lang,
                ..page.address.clone()
            };
            tags.push(format!(
                "<link rel=\"alternate\" hreflang=\"{}\" href=\"{}\">",
                lang.code(),
                e(&abs(&other))
            ));
        }
    }
    // The page's bundle: static/boot.js fetches it when the app starts (after the first paint).
    tags.push(format!(
        "<meta name=\"gongkai-bundle\" content=\"{}\">",
        e(&page.loaded.0.path)
    ));
    // The app the page starts (issue #27): the first-view module where it holds the page's view
    // (static/boot.js decides: only where the page shows its own view). A province's bundle
    // pages start the full app (their views are hash addresses; a province has no such module).
    if page.route.in_first_view() && !page.loaded.0.province {
        tags.push("<meta name=\"gongkai-app\" content=\"first\">".into());
    }
    // A site of several bundles: old `#/…` links on its home page go to the first bundle's folder.
    if page.address.bundle.is_none() {
        if let Some(f) = page.loaded.0.folder() {
            tags.push(format!("<meta name=\"gongkai-home-bundle\" content=\"b/{}/\">", e(&f)));
        }
    }
    tags.join("\n  ")
}

/// `sitemap.xml`: every page's absolute address.
pub fn sitemap(pages: &[Page], site_url: &str) -> String {
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for p in pages {
        s.push_str(&format!(
            "  <url><loc>{}</loc></url>\n",
            escape(&format!("{site_url}{}", p.address.page_path()))
        ));
    }
    s.push_str("</urlset>\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seed_site() -> Vec<Page> {
        let text = include_str!("../../../data/pingxiang-fgj-2017.json");
        let b = gongkai_model::parse_bundle(text, "seed").unwrap();
        site_of(b, "pingxiang-fgj-2017.json")
    }

    /// The pages of a site of the one bundle `b`, at `path` in its catalog.
    fn site_of(b: Bundle, path: &str) -> Vec<Page> {
        let catalog = Rc::new(Catalog {
            format: "gongkai-catalog".into(),
            version: 1,
            bundles: vec![gongkai_model::CatalogEntry {
                department: b.meta.department.clone(),
                fiscal_year: b.meta.fiscal_year,
                kind: b.meta.kind,
                region: String::new(),
                path: path.into(),
            }],
        });
        site_pages(&catalog, vec![b])
    }

    #[test]
    fn every_view_of_the_seed_is_a_page_in_both_languages() {
        let pages = seed_site();
        let paths: Vec<String> = pages.iter().map(|p| p.address.page_path()).collect();
        for p in [
            "",
            "duties/",
            "performance/",
            "performance/8/",
            "performance/8/3/",
            "indicators/",
            "assets/",
            "other/",
            "checks/",
            "search/",
            "en/",
            "en/performance/8/3/",
        ] {
            assert!(paths.contains(&p.to_string()), "{p} missing");
        }
        // Each page once.
        let mut unique = paths.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), paths.len());
    }

    #[test]
    fn pages_render_the_whole_view_with_the_components() {
        let pages = seed_site();
        let pick = |path: &str| pages.iter().position(|p| p.address.page_path() == path).unwrap();
        let chosen = [pick(""), pick("performance/8/3/"), pick("en/assets/")];
        let chosen_pages: Vec<Page> = chosen
            .iter()
            .map(|i| Page {
                address: pages[*i].address.clone(),
                route: pages[*i].route.clone(),
                loaded: pages[*i].loaded.clone(),
                data: pages[*i].data.clone(),
            })
            .collect();
        let html = render_all(&chosen_pages);
        // The overview: key figures and the chart drawn for a phone and a desktop.
        assert!(html[0].contains("3,719.45"), "{}", &html[0][..500.min(html[0].len())]);
        assert!(html[0].contains("class=\"at-narrow\"") && html[0].contains("class=\"at-wide\""));
        // Links are pages relative to the site root (the page's <base>).
        assert!(html[0].contains("href=\"performance/\""));
        assert!(!html[0].contains("href=\"#/"));
        // A sub-activity page has its own name and its indicators.
        assert!(html[1].contains("农村电子商务建设"));
        // English pages link within en/.
        assert!(html[2].contains("href=\"en/duties/\""), "English links stay English");
        assert!(html[2].contains("lang=\"zh-CN\""), "published data keeps its language");
    }

    #[test]
    fn head_tags_describe_the_page_and_escape_the_bundle() {
        let mut pages = seed_site();
        let tags = head_tags(&pages[0], Some("https://example.gov.cn/budget/"));
        assert!(
            tags.contains("<title>概览 · 平乡县发展改革局 2017 年部门预算 · 公开</title>"),
            "{tags}"
        );
        assert!(tags.contains("<link rel=\"canonical\" href=\"https://example.gov.cn/budget/\">"));
        assert!(tags.contains("hreflang=\"en\" href=\"https://example.gov.cn/budget/en/\""));
        assert!(tags.contains("收入合计 3,719.45"), "{tags}");
        assert!(
            !head_tags(&pages[0], None).contains("canonical"),
            "no relative canonical"
        );
        let mut b = (*pages[0].loaded.0).bundle.clone();
        b.meta.department = "<script>\"x\"".into();
        pages[0].loaded = BundleCtx(Rc::new(Loaded {
            bundle: b,
            path: "data/x.json".into(),
            catalog: None,
            province: false,
        }));
        let tags = head_tags(&pages[0], None);
        assert!(!tags.contains("<script>") && tags.contains("&lt;script&gt;&quot;x&quot;"));
    }

    /// The overview page of `b` (a site of that one bundle) in `lang`, as the build writes it.
    fn overview_html(b: Bundle, lang: Lang) -> String {
        let path = if lang == Lang::En { "en/" } else { "" };
        let page = site_of(b, "b.json")
            .into_iter()
            .find(|p| p.address.page_path() == path)
            .unwrap();
        render_all(&[page]).remove(0)
    }

    /// The seed and the bundles imported from corpus documents for the overview's tests.
    fn overview_fixtures() -> Vec<(&'static str, Bundle)> {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../model/tests/fixtures/bundles/");
        [
            (
                "seed",
                concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/pingxiang-fgj-2017.json").to_string(),
            ),
            ("jiangsu-2019", format!("{dir}jiangsu-zx-2019.json")),
            ("jiangsu-2017-tables", format!("{dir}jiangsu-zx-2017-tables.json")),
            ("shanghai-2026", format!("{dir}putuo-sfj-2026.json")),
            ("final-2024", format!("{dir}putuo-ghzy-2024-final.json")),
        ]
        .into_iter()
        .map(|(name, path)| {
            let text = std::fs::read_to_string(&path).unwrap();
            (name, gongkai_model::parse_bundle(&text, &path).unwrap())
        })
        .collect()
    }

    /// The overview's charts as written: (title, summary, whether its drawing has a bar).
    fn charts_of(html: &str) -> Vec<(String, String, bool)> {
        let between = |s: &str, open: &str, close: &str| -> String {
            let i = s.find(open).map(|i| i + open.len()).unwrap_or(s.len());
            let j = s[i..].find(close).map_or(s.len(), |j| i + j);
            s[i..j].to_string()
        };
        html.split("<figure ")
            .skip(1)
            .filter(|f| f[..f.find('>').unwrap_or(0)].contains("class=\"chart"))
            .map(|f| {
                let f = &f[..f.find("</figure>").unwrap_or(f.len())];
                let title = between(f, "-title\">", "<");
                let summary = between(f, "<figcaption class=\"summary\">", "</figcaption>");
                // A drawn bar: a filled rectangle in one of the series colours.
                let bar = gongkai_model::chart::SERIES_COLOURS.iter().any(|c| {
                    f.contains(&format!("fill=\"{c}\"")) || f.contains(&format!("fill=\"{}\"", c.to_lowercase()))
                });
                (title, summary, bar)
            })
            .collect()
    }

    #[test]
    fn the_overview_of_every_fixture_charts_its_own_breakdowns_and_nothing_empty() {
        for (name, b) in overview_fixtures() {
            for lang in [Lang::Zh, Lang::En] {
                let html = overview_html(b.clone(), lang);
                let charts = charts_of(&html);
                let expected = gongkai_model::breakdowns::overview_breakdowns(lang, &b);
                let blank_lines: Vec<String> = expected.iter().map(|d| d.not_stated(lang)).collect();
                // Each breakdown is its chart, titled for what it shows, or one line saying so.
                for (d, blank_line) in expected.iter().zip(&blank_lines) {
                    match &d.chart {
                        Some(c) => {
                            let (_, summary, _) = charts
                                .iter()
                                .find(|(t, _, _)| *t == d.title)
                                .unwrap_or_else(|| panic!("{name} {lang:?}: no chart {} in {charts:?}", d.title));
                            assert_eq!(*summary, escape(&c.summary), "{name} {lang:?}");
                            assert!(html.contains(&escape(&d.source)), "{name}: source {}", d.source);
                            assert_eq!(c.rows.is_empty(), false);
                        }
                        None => assert!(html.contains(&escape(blank_line)), "{name} {lang:?}: {blank_line}"),
                    }
                }
                for (title, summary, bar) in &charts {
                    assert!(*bar, "{name} {lang:?}: chart {title} draws no bar");
                    assert!(!summary.is_empty(), "{name} {lang:?}: chart {title} has no summary");
                }
                for doubled in ["合计合计", "共 0 项", "total not stated, 0 items"] {
                    assert!(!html.contains(doubled), "{name} {lang:?}: {doubled}");
                }
                let titles: Vec<&str> = charts.iter().map(|(t, _, _)| t.as_str()).collect();
                match (name, lang) {
                    ("seed", Lang::Zh) => assert_eq!(
                        titles,
                        ["支出按经济分类", "比上年增减：上年与本年", "“三公”经费：上年与本年"]
                    ),
                    ("jiangsu-2019", Lang::Zh) => assert_eq!(
                        titles,
                        [
                            "支出按功能分类（类）",
                            "基本支出按经济分类（类）",
                            "支出按用途（基本支出、项目支出）",
                            "“三公”经费：本年"
                        ]
                    ),
                    ("jiangsu-2019", Lang::En) => assert_eq!(
                        titles[..3],
                        [
                            "Expenditure by function (class)",
                            "Basic expenditure by economic nature (class)",
                            "Expenditure by use (basic, project)"
                        ]
                    ),
                    // Nothing to chart: each section says so in one line.
                    ("final-2024", Lang::Zh) => {
                        assert!(titles.is_empty(), "{titles:?}");
                        for line in ["支出构成：本文件未列。", "比上年增减未列。", "“三公”经费未列。"]
                        {
                            assert!(html.contains(line), "{line}");
                        }
                    }
                    _ => {}
                }
                // The seed's form is the only one whose chart is of economic categories.
                assert_eq!(
                    titles.contains(&"支出按经济分类"),
                    name == "seed" && lang == Lang::Zh,
                    "{name}"
                );
            }
        }
    }

    #[test]
    fn the_functional_classes_open_the_budget_tables_at_their_code() {
        let b = overview_fixtures().remove(1).1;
        let html = overview_html(b, Lang::Zh);
        // The drill is in the app; the page links to 预算表 and names the table the figures are from.
        assert!(html.contains("href=\"budget/\""));
        assert!(html.contains("出处：<span lang=\"zh-CN\">一般公共预算支出预算表（功能科目）</span>"));
    }
}
