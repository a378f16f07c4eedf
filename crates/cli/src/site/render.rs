//! Stage 3 of the site build, **render pages**: the viewer's components render every page into
//! the built `index.html` as template (this file: the template, its policy, and the pages of a
//! site of few bundles — every view of every bundle in both languages; `render_province.rs`: a
//! province's bundle pages and its own pages).

use super::{io, Result, SiteReport};
use base64::Engine as _;
use gongkai_model::i18n::Lang;
use gongkai_model::{parse_bundle_bytes, Catalog};
use sha2::{Digest, Sha256};
use std::path::Path;

/// Removes every `start … end` span (end included) from `s`, with the whitespace before it.
fn remove_spans(s: &mut String, start: &str, end: &str) {
    while let Some(i) = s.find(start) {
        let Some(j) = s[i..].find(end).map(|j| i + j + end.len()) else {
            break;
        };
        let from = s[..i].trim_end().len();
        s.replace_range(from..j, "");
    }
}

/// The `<script>` elements without `src`: their contents.
fn inline_scripts(html: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find("<script") {
        let tag_end = match rest[i..].find('>') {
            Some(e) => i + e,
            None => break,
        };
        let tag = &rest[i..tag_end];
        let Some(close) = rest[tag_end..].find("</script>").map(|c| tag_end + c) else {
            break;
        };
        if !tag.contains(" src=") {
            out.push(&rest[tag_end + 1..close]);
        }
        rest = &rest[close + "</script>".len()..];
    }
    out
}

/// The built `index.html` as a template for pages: without what an earlier run of this step
/// wrote into it (the head block, the page, an older build's pre-render, CSP and preload), and
/// with the app started after the first paint ([`defer_app_start`]), `module` the smaller
/// module its pages start (a bundle site's first-view module, a province's pages' module).
fn template_of(html: &str, module: Option<&Module>) -> String {
    let mut html = html.replacen("<html lang=\"en\">", "<html lang=\"zh-CN\">", 1);
    remove_spans(&mut html, "<!--gongkai:head-->", "<!--/gongkai:head-->");
    // The page this step wrote: from its element (not a mention in a comment) to its end mark.
    if let (Some(i), Some(j)) = (html.find("\n  <div id=\"app\""), html.find("<!--/gongkai:app-->")) {
        let from = html[..i].trim_end().len();
        html.replace_range(from..j + "<!--/gongkai:app-->".len(), "");
    }
    remove_spans(&mut html, "<div id=\"prerender-", "<!--/prerender-->");
    remove_spans(&mut html, "<meta http-equiv=\"Content-Security-Policy\"", ">");
    remove_spans(&mut html, "<title>", "</title>");
    remove_spans(&mut html, "<meta name=\"description\"", ">");
    // Older builds preloaded the catalog and the page's bundle; static/boot.js fetches them now.
    remove_spans(&mut html, "<link rel=\"preload\" href=\"data/", ">");
    defer_app_start(&mut html, module);
    html
}

/// The module script that starts the app in place of Trunk's loader. Its text never changes
/// (its hash is in the policy): it reads the files from its own attributes — the full app's
/// (`data-gongkai-app`, `-wasm`) and, where the build has one, a smaller module's
/// (`data-gongkai-first-app`/`-wasm` on a bundle site, `data-gongkai-site-app`/`-wasm` on a
/// province), which static/boot.js picks (`self.gongkaiModule`) on a page whose view it holds.
const APP_START: &str = "<script type=\"module\" data-gongkai-app=\"{js}\" data-gongkai-wasm=\"{wasm}\"{module}>
// Starts the app when static/boot.js says (after the page's first paint, or the first input):
// the smaller module boot.js chose for this page, else the full app; the full app also when the
// smaller module asks for it (event gongkai:full: it took itself down, any files on the window).
const s = document.querySelector('script[data-gongkai-app]').dataset;
const start = async (js, wasm, fallback) => {
  let app;
  try {
    app = await import(js);
  } catch (e) {
    // A smaller module that cannot be fetched (a page cached from an older build): the full app.
    if (fallback) return start(s.gongkaiApp, s.gongkaiWasm, false);
    fail(e);
  }
  try {
    await app.default({ module_or_path: wasm });
    window.wasmBindings = app;
  } catch (e) {
    fail(e);
  }
};
const fail = (e) => {
  // A page a smaller module gave up for the full app shows only a status line: say why.
  const status = document.querySelector('#app > main.loading > [role=status]');
  if (status) {
    const en = document.documentElement.lang === 'en';
    status.textContent = (en ? 'The viewer could not be loaded: ' : '查看器未能加载：') + e + (en ? '. Reload the page to try again.' : '。请刷新页面重试。');
    status.parentElement.setAttribute('aria-busy', 'false');
    status.parentElement.querySelector('.spinner')?.remove();
  }
  dispatchEvent(new Event('gongkai:failed'));
  throw e;
};
addEventListener('gongkai:full', () => start(s.gongkaiApp, s.gongkaiWasm, false), { once: true });
await self.gongkaiStart;
const key = { first: 'gongkaiFirst', site: 'gongkaiSite' }[self.gongkaiModule];
if (key && s[key + 'App']) await start(s[key + 'App'], s[key + 'Wasm'], true);
else await start(s.gongkaiApp, s.gongkaiWasm, false);
</script>";

/// A module of the viewer besides the full app (issue #27) as the site names its files:
/// `./gongkai-<kind>-<hash>.js` and its `_bg.wasm`. `kind` is `first` (a bundle's first views,
/// src/bin/first.rs) or `site` (a province's own pages, src/bin/site.rs).
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Module {
    pub kind: &'static str,
    pub js: String,
    pub wasm: String,
}

/// The module `kind` of the built viewer in `viewer`, in `out` under names by its content. Trunk
/// writes it as `gongkai-<kind>.js` and `gongkai-<kind>_bg.wasm` (a worker-type build: no hash
/// in the name); they get names by their content (`gongkai-<kind>-<16 hex>.js`, `…_bg.wasm`), as
/// Trunk names the full app's, so a browser never pairs one build's code with another's wasm:
/// renamed where `out` is the viewer itself, else copied (the viewer is left as it is). A viewer
/// named already (built before) gives the module its `index.html` starts, else its newest; a
/// viewer built without the module gives `None` (every page then starts the full app).
pub(super) fn module(viewer: &Path, out: &Path, kind: &'static str) -> Result<Option<Module>> {
    let (js, wasm) = (
        viewer.join(format!("gongkai-{kind}.js")),
        viewer.join(format!("gongkai-{kind}_bg.wasm")),
    );
    let in_place = viewer == out;
    if js.exists() && wasm.exists() {
        let (js_bytes, wasm_bytes) = (io(&js, std::fs::read(&js))?, io(&wasm, std::fs::read(&wasm))?);
        let hash: String = Sha256::new()
            .chain_update(&js_bytes)
            .chain_update(&wasm_bytes)
            .finalize()
            .iter()
            .take(8)
            .map(|b| format!("{b:02x}"))
            .collect();
        let named = Module {
            kind,
            js: format!("gongkai-{kind}-{hash}.js"),
            wasm: format!("gongkai-{kind}-{hash}_bg.wasm"),
        };
        for (from, to, bytes) in [(&js, &named.js, &js_bytes), (&wasm, &named.wasm, &wasm_bytes)] {
            if in_place {
                io(from, std::fs::rename(from, out.join(to)))?;
            } else {
                super::write::write_if_changed(&out.join(to), bytes)?;
            }
        }
        return Ok(Some(named));
    }
    let prefix = format!("gongkai-{kind}-");
    let mut named: Vec<(std::time::SystemTime, String)> = std::fs::read_dir(viewer)
        .into_iter()
        .flatten()
        .filter_map(|e| {
            let e = e.ok()?;
            let name = e.file_name().into_string().ok()?;
            (name.starts_with(&prefix) && name.ends_with(".js")).then(|| {
                (
                    e.metadata().and_then(|m| m.modified()).unwrap_or(std::time::UNIX_EPOCH),
                    name,
                )
            })
        })
        .collect();
    named.sort();
    let index = std::fs::read_to_string(viewer.join("index.html")).unwrap_or_default();
    let started = |n: &String| index.contains(&format!("data-gongkai-{kind}-app=\"./{n}\""));
    let js = match named.iter().position(|(_, n)| started(n)) {
        Some(i) => named.swap_remove(i).1,
        None => match named.pop() {
            Some((_, n)) => n,
            None => return Ok(None),
        },
    };
    let wasm = format!("{}_bg.wasm", js.trim_end_matches(".js"));
    if !viewer.join(&wasm).exists() {
        return Ok(None);
    }
    if !in_place {
        for f in [&js, &wasm] {
            let bytes = io(&viewer.join(f), std::fs::read(viewer.join(f)))?;
            super::write::write_if_changed(&out.join(f), &bytes)?;
        }
    }
    Ok(Some(Module { kind, js, wasm }))
}

/// Whether `rel` (relative to the built viewer) is a file of the module `kind` (see [`module`]):
/// a site of few bundles has no use for the province pages' module, a province none for the
/// first-view module (its bundle pages start the full app).
pub(super) fn is_module_file(rel: &Path, kind: &str) -> bool {
    rel.to_str()
        .and_then(|n| n.strip_prefix("gongkai-")?.strip_prefix(kind))
        .is_some_and(|rest| rest.starts_with(['-', '.', '_']))
}

/// The app's start script with its files: the full app's and, when the build has it, the
/// smaller module's its pages start.
fn app_start(js: &str, wasm: &str, module: Option<&Module>) -> String {
    let module = module
        .map(|m| {
            format!(
                " data-gongkai-{kind}-app=\"./{}\" data-gongkai-{kind}-wasm=\"./{}\"",
                m.js,
                m.wasm,
                kind = m.kind
            )
        })
        .unwrap_or_default();
    APP_START
        .replace("{js}", js)
        .replace("{wasm}", wasm)
        .replace("{module}", &module)
}

/// Trunk's loader of the app — a `<link rel="modulepreload">` of its JS, a `<link rel="preload">`
/// of its wasm and a module script that imports and starts both at once, all before the first
/// paint — becomes [`APP_START`], which starts them when static/boot.js resolves
/// `self.gongkaiStart` (issue #27). A template whose loader is [`APP_START`] already (built
/// before) gets it again with `module`; one without either (a test's) stays as it is.
fn defer_app_start(html: &mut String, module: Option<&Module>) {
    let quoted = |html: &str, open: usize, close: usize, after: &str, quote: char| {
        let i = html[open..close].find(after)? + open + after.len();
        let j = html[i..].find(quote)? + i;
        Some(html[i..j].to_string())
    };
    let script_around = |html: &str, at: usize| {
        Some((
            html[..at].rfind("<script")?,
            html[at..].find("</script>").map(|c| at + c + "</script>".len())?,
        ))
    };
    // Written by an earlier run (its files in attributes) or by Trunk (in its code).
    let (at, [js_key, wasm_key]) = if let Some(at) = html.find("<script type=\"module\" data-gongkai-app=\"") {
        // (inside the element, so that the `<script` found before it is its own)
        (
            at + "<script".len(),
            [("data-gongkai-app=\"", '"'), ("data-gongkai-wasm=\"", '"')],
        )
    } else if let Some(at) = html.find("import init, * as bindings from '") {
        (at, [("from '", '\''), ("module_or_path: '", '\'')])
    } else {
        return;
    };
    let Some((open, close)) = script_around(html, at) else {
        return;
    };
    let (Some(js), Some(wasm)) = (
        quoted(html, open, close, js_key.0, js_key.1),
        quoted(html, open, close, wasm_key.0, wasm_key.1),
    ) else {
        return;
    };
    html.replace_range(open..close, &app_start(&js, &wasm, module));
    remove_spans(html, &format!("<link rel=\"modulepreload\" href=\"{js}\""), ">");
    remove_spans(html, &format!("<link rel=\"preload\" href=\"{wasm}\""), ">");
}

/// The Content-Security-Policy of every page: no 'unsafe-inline'; the template's inline
/// scripts by their hashes (pages add no script).
fn content_security_policy(template: &str, report: &mut SiteReport) -> String {
    let hashes: Vec<String> = inline_scripts(template)
        .iter()
        .map(|s| {
            format!(
                "'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(Sha256::digest(s.as_bytes()))
            )
        })
        .collect();
    report.inline_scripts = hashes.len();
    [
        "default-src 'self'".to_string(),
        format!("script-src 'self' 'wasm-unsafe-eval' {}", hashes.join(" "))
            .trim()
            .to_string(),
        "style-src 'self'".into(),
        "img-src 'self' data:".into(),
        "connect-src 'self'".into(),
        "worker-src 'self'".into(),
        "object-src 'none'".into(),
        // Every page names the site root in <base href> (its links and assets are relative to it).
        "base-uri 'self'".into(),
        // A province home's search form is sent by the browser (GET, to its search page).
        "form-action 'self'".into(),
    ]
    .join("; ")
}

/// Every page's template: the viewer's built `index.html`, read once ([`Template::of`]) and cut
/// at the two places a page fills — its head, right after `<meta charset>`, and its view, before
/// `<main id="boot">` — with the Content-Security-Policy of its scripts. The only step that
/// reads the built file; [`Template::page`] writes every page (bundle views, a province's
/// pages, the offline shell) from its parts.
pub(super) struct Template {
    /// `<!doctype html>` up to `<html lang="` (the page's language follows).
    start: String,
    /// From the language's closing quote to `<meta charset="utf-8">`, included.
    to_head: String,
    /// From after `<meta charset>` to before `<main id="boot">` (stylesheet, boot.js, loader).
    to_view: String,
    /// From `<main id="boot">` to the end.
    end: String,
    /// The Content-Security-Policy of every page (its inline scripts by their hashes).
    pub policy: String,
}

impl Template {
    /// The template of a built viewer's `index.html` (as Trunk wrote it, or as an earlier run of
    /// this step left it: see [`template_of`]); an error names what the file lacks.
    pub(super) fn of(built_index: &str, module: Option<&Module>, report: &mut SiteReport) -> Result<Template> {
        let html = template_of(built_index, module);
        let policy = content_security_policy(&html, report);
        let lang = "<html lang=\"zh-CN\">";
        let l = html.find(lang).ok_or("index.html has no <html lang=\"zh-CN\">")?;
        let charset = "<meta charset=\"utf-8\">";
        let c = html
            .to_ascii_lowercase()
            .find(charset)
            .ok_or("index.html has no <meta charset=\"utf-8\">")?
            + charset.len();
        let boot = html
            .find("<main id=\"boot\"")
            .ok_or("index.html has no <main id=\"boot\">")?;
        let boot = html[..boot].trim_end().len();
        let open = l + "<html lang=\"".len();
        if !(open < c && c <= boot) {
            return Err("index.html: <html lang>, <meta charset> and <main id=\"boot\"> are out of order".into());
        }
        Ok(Template {
            start: html[..open].to_string(),
            to_head: html[open + "zh-CN".len()..c].to_string(),
            to_view: html[c..boot].to_string(),
            end: html[boot..].to_string(),
            policy,
        })
    }

    /// Everything the template is made of, for a fingerprint of it (a changed viewer or policy
    /// builds every page again).
    pub(super) fn parts(&self) -> [&[u8]; 5] {
        [&self.start, &self.to_head, &self.to_view, &self.end, &self.policy].map(|s| s.as_bytes())
    }

    /// A page: its language (`<html lang>`), its head block — the policy, `<base href>` (the
    /// site root from the page) and its own tags — right after `<meta charset>`, and its view
    /// rendered by the viewer's components in `<div id="app" data-page>` (none: the app renders
    /// whatever address the page is served for).
    pub(super) fn page(&self, lang: &str, base: &str, tags: &str, view: Option<&str>) -> String {
        let app = match view {
            Some(view) => format!("\n  <div id=\"app\" data-page>{view}</div><!--/gongkai:app-->"),
            None => "\n  <div id=\"app\"></div><!--/gongkai:app-->".to_string(),
        };
        format!(
            "{}{lang}{}\n  <!--gongkai:head-->\n  <meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n  <base href=\"{base}\">\n  {tags}\n  <!--/gongkai:head-->{}{app}{}",
            self.start, self.to_head, self.policy, self.to_view, self.end
        )
    }
}

/// The pages of a site of few bundles (every view of every bundle in both languages), the shell the offline
/// copy serves for pages it has not kept, `robots.txt` and, with the site's address,
/// `sitemap.xml`.
pub(super) fn pages(
    out: &Path,
    catalog: Option<&Catalog>,
    data: &Path,
    site_url: Option<&str>,
    lang: gongkai_model::i18n::Lang,
    report: &mut SiteReport,
) -> Result<()> {
    let index = out.join("index.html");
    let first = module(out, out, "first")?;
    // Named too, though this site's pages never start it: a province built from this viewer does.
    module(out, out, "site")?;
    let template = Template::of(&io(&index, std::fs::read_to_string(&index))?, first.as_ref(), report)?;
    for folder in crate::pages::PAGE_FOLDERS {
        let dir = out.join(folder);
        if dir.is_dir() {
            io(&dir, std::fs::remove_dir_all(&dir))?;
        }
    }
    // The shell: no page of its own; the app renders whatever address it is served for.
    let shell_tags = format!(
        "<title>{}</title>\n  <meta name=\"description\" content=\"{}\">",
        crate::pages::escape(gongkai_model::tr!(gongkai_model::i18n::Lang::Zh, "app.title")),
        crate::pages::escape(gongkai_model::tr!(gongkai_model::i18n::Lang::Zh, "app.description"))
    );
    let shell = template.page("zh-CN", "./", &shell_tags, None);
    io(&out.join("shell.html"), std::fs::write(out.join("shell.html"), &shell))?;
    let pages = match catalog.filter(|c| !c.bundles.is_empty()) {
        None => {
            io(&index, std::fs::write(&index, &shell))?;
            Vec::new()
        }
        Some(c) => {
            let mut bundles = Vec::new();
            for e in &c.bundles {
                let path = data.join(&e.path);
                bundles.push(
                    parse_bundle_bytes(lang, &io(&path, std::fs::read(&path))?, &path.display().to_string())
                        .map_err(|e| e.message(Lang::En))?,
                );
            }
            let started = std::time::Instant::now();
            let pages = crate::pages::site_pages(&std::rc::Rc::new(c.clone()), bundles);
            // In runs of a few pages, so the progress bar moves (rendering is one thread).
            let progress = crate::progress::Stage::new("site: render pages", pages.len());
            let mut views = Vec::with_capacity(pages.len());
            for run in pages.chunks(8) {
                views.extend(crate::pages::render_all(run));
                for p in run {
                    progress.step(&p.address.page_path());
                }
            }
            progress.finish();
            report.render_ms = started.elapsed().as_secs_f64() * 1000.0;
            for (p, view) in pages.iter().zip(views) {
                let tags = crate::pages::head_tags(p, site_url);
                let html = template.page(p.address.lang.code(), &p.address.base_href(), &tags, Some(&view));
                let file = out.join(p.address.page_path()).join("index.html");
                if let Some(dir) = file.parent() {
                    io(dir, std::fs::create_dir_all(dir))?;
                }
                io(&file, std::fs::write(&file, html))?;
            }
            pages
        }
    };
    report.pages = pages.len();
    let robots = match site_url {
        Some(url) => format!("User-agent: *\nAllow: /\nSitemap: {url}sitemap.xml\n"),
        None => "User-agent: *\nAllow: /\n".to_string(),
    };
    io(&out.join("robots.txt"), std::fs::write(out.join("robots.txt"), robots))?;
    let sitemap = out.join("sitemap.xml");
    match site_url {
        Some(url) => io(&sitemap, std::fs::write(&sitemap, crate::pages::sitemap(&pages, url)))?,
        None if sitemap.exists() => io(&sitemap, std::fs::remove_file(&sitemap))?,
        None => {}
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_scripts_and_spans() {
        let html =
            "<head><meta charset=\"utf-8\"><script src=\"a.js\"></script><script type=\"module\">x()</script></head>";
        assert_eq!(inline_scripts(html), ["x()"]);
        let mut s = "a\n  <div id=\"prerender-zh\">1</div><!--/prerender-->\n  <div id=\"prerender-en\">2</div><!--/prerender-->\n<main id=\"boot\">".to_string();
        remove_spans(&mut s, "<div id=\"prerender-", "<!--/prerender-->");
        assert_eq!(s, "a\n<main id=\"boot\">");
    }

    #[test]
    fn a_page_gives_back_its_template_so_building_twice_gives_the_same_site() {
        let template = "<!doctype html>\n<html lang=\"zh-CN\">\n<head>\n  <meta charset=\"utf-8\">\n  <link rel=\"icon\" href=\"icons/icon-192.png\">\n</head>\n<body>\n  <!-- the view goes in <div id=\"app\"> here -->\n  <main id=\"boot\">…</main>\n</body>\n</html>\n";
        let t = Template::of(template, None, &mut SiteReport::default()).unwrap();
        let page = t.page("en", "../", "<title>x</title>", Some("<div>view</div>"));
        assert!(
            page.contains("<html lang=\"en\">")
                && page.contains("<base href=\"../\">\n  <title>x</title>")
                && page.contains("<div id=\"app\" data-page><div>view</div></div>")
        );
        assert_eq!(template_of(&page, None), template);
        assert_eq!(template_of(template, None), template);
        // Building again from a built page gives the same pages.
        let again = Template::of(&page, None, &mut SiteReport::default()).unwrap();
        assert_eq!(
            again.page("en", "../", "<title>x</title>", Some("<div>view</div>")),
            page
        );
        assert!(Template::of("<html lang=\"zh-CN\"><head></head>", None, &mut SiteReport::default()).is_err());
    }

    /// Trunk's loader (as `trunk build` writes it) is replaced by the one that waits for the
    /// page's first paint; nothing else fetches the app's files before it; a second build of the
    /// same folder finds the same page.
    #[test]
    fn the_app_starts_after_the_first_paint_not_before() {
        let built = "<!doctype html>\n<html lang=\"zh-CN\">\n<head>\n  <meta charset=\"utf-8\">\n  <link rel=\"preload\" href=\"data/index.json\" as=\"fetch\" crossorigin=\"anonymous\">\n<link rel=\"modulepreload\" href=\"./app-1a.js\" crossorigin=\"anonymous\" integrity=\"sha384-x\"><link rel=\"preload\" href=\"./app-1a_bg.wasm\" crossorigin=\"anonymous\" integrity=\"sha384-y\" as=\"fetch\" type=\"application/wasm\">\n<script type=\"module\">\nimport init, * as bindings from './app-1a.js';\nconst wasm = await init({ module_or_path: './app-1a_bg.wasm' });\nwindow.wasmBindings = bindings;\n</script>\n</head>\n<body>\n  <main id=\"boot\">…</main>\n</body>\n</html>\n";
        let template = template_of(built, None);
        assert!(!template.contains("preload"), "{template}");
        assert!(!template.contains("import init"), "{template}");
        assert_eq!(template.matches("<script").count(), 1);
        assert!(template.contains(
            "<script type=\"module\" data-gongkai-app=\"./app-1a.js\" data-gongkai-wasm=\"./app-1a_bg.wasm\">"
        ));
        assert!(template.contains("await self.gongkaiStart;"));
        // The script's text is the same for every build (its hash is in the policy).
        assert_eq!(
            inline_scripts(&template),
            [&APP_START[APP_START.find('>').unwrap() + 1..APP_START.len() - "</script>".len()]]
        );
        let page = Template::of(built, None, &mut SiteReport::default()).unwrap().page(
            "zh-CN",
            "./",
            "<title>x</title>",
            Some("<p>view</p>"),
        );
        assert_eq!(template_of(&page, None), template);
    }

    /// The smaller modules: renamed by their content, named on the start script beside the full
    /// app (the script's text unchanged, so the policy is too), found again by a second build.
    #[test]
    fn the_smaller_modules_are_named_by_their_content_beside_the_full_app() {
        let dir = std::env::temp_dir().join(format!("gongkai-first-view-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        assert_eq!(module(&dir, &dir, "first").unwrap(), None);
        std::fs::write(dir.join("gongkai-first.js"), "js").unwrap();
        std::fs::write(dir.join("gongkai-first_bg.wasm"), "wasm").unwrap();
        let first = module(&dir, &dir, "first").unwrap().expect("the module");
        assert!(
            first.js.starts_with("gongkai-first-") && first.js.ends_with(".js"),
            "{first:?}"
        );
        assert_eq!(first.wasm, format!("{}_bg.wasm", first.js.trim_end_matches(".js")));
        assert!(dir.join(&first.js).exists() && !dir.join("gongkai-first.js").exists());
        assert_eq!(module(&dir, &dir, "first").unwrap(), Some(first.clone()));
        let _ = std::fs::remove_dir_all(&dir);

        let built = "<!doctype html>\n<html lang=\"zh-CN\">\n<head>\n  <meta charset=\"utf-8\">\n<script type=\"module\">\nimport init, * as bindings from './app-1a.js';\nconst wasm = await init({ module_or_path: './app-1a_bg.wasm' });\nwindow.wasmBindings = bindings;\n</script>\n</head>\n<body>\n  <main id=\"boot\">…</main>\n</body>\n</html>\n";
        let with = template_of(built, Some(&first));
        assert!(with.contains(&format!(
            "data-gongkai-app=\"./app-1a.js\" data-gongkai-wasm=\"./app-1a_bg.wasm\" data-gongkai-first-app=\"./{}\" data-gongkai-first-wasm=\"./{}\">",
            first.js, first.wasm
        )));
        assert_eq!(inline_scripts(&with), inline_scripts(&template_of(built, None)));
        // Built again from its own output: the same, with or without the module.
        assert_eq!(template_of(&with, Some(&first)), with);
        assert_eq!(template_of(&with, None), template_of(built, None));
        // A province's template names its pages' module instead, from the same built file.
        let site = Module {
            kind: "site",
            js: "gongkai-site-00.js".into(),
            wasm: "gongkai-site-00_bg.wasm".into(),
        };
        let province = template_of(&with, Some(&site));
        assert!(
            province.contains(
                "data-gongkai-site-app=\"./gongkai-site-00.js\" data-gongkai-site-wasm=\"./gongkai-site-00_bg.wasm\">"
            ) && !province.contains("data-gongkai-first-app"),
            "{province}"
        );
        assert_eq!(inline_scripts(&province), inline_scripts(&with));
        // Each build's files by their names (and no other file that begins alike).
        assert!(is_module_file(Path::new(&first.js), "first") && !is_module_file(Path::new(&first.js), "site"));
        assert!(
            is_module_file(Path::new("gongkai-site_bg.wasm"), "site")
                && is_module_file(Path::new("gongkai-site-00.js.br"), "site")
        );
        assert!(
            !is_module_file(Path::new("gongkai-sitemap.js"), "site")
                && !is_module_file(Path::new("gongkai-web-1.js"), "site")
        );
    }
}
