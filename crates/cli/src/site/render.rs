//! Stage 3 of the site build, **render pages**: the viewer's components render every page into
//! the built `index.html` as template (this file: the template, its policy, and the pages of a
//! site of few bundles — every view of every bundle in both languages; `render_province.rs`: a
//! province's bundle pages and its own pages).

use super::{io, Result, SiteReport};
use base64::Engine as _;
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
/// wrote into it (the head block, the page, an older build's pre-render, CSP and preload).
pub(super) fn template_of(html: &str) -> String {
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
    let tag = "<link rel=\"preload\" href=\"data/";
    let mut from = 0;
    while let Some(i) = html[from..].find(tag).map(|i| from + i) {
        let end = html[i..].find('>').map_or(html.len(), |e| i + e + 1);
        if html[i..end].contains("href=\"data/index.json\"") {
            from = end;
        } else {
            let start = html[..i].trim_end().len();
            html.replace_range(start..end, "");
            from = start;
        }
    }
    html
}

/// The Content-Security-Policy of every page: no 'unsafe-inline'; the template's inline
/// scripts by their hashes (pages add no script).
pub(super) fn content_security_policy(template: &str, report: &mut SiteReport) -> String {
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
        "form-action 'none'".into(),
    ]
    .join("; ")
}

/// A page's head block: its Content-Security-Policy, `<base href>` and its own tags.
pub(super) fn head_block(policy: &str, base: &str, tags: &str) -> String {
    format!("\n  <meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\">\n  <base href=\"{base}\">\n  {tags}\n  ")
}

/// A page from the template: its language, the head block (policy, base, the page's own tags)
/// right after `<meta charset>`, and its rendered view in `<div id="app" data-page>`.
pub(super) fn page_from(template: &str, lang: &str, head: &str, app: Option<&str>) -> Result<String> {
    let mut html = template.replacen("<html lang=\"zh-CN\">", &format!("<html lang=\"{lang}\">"), 1);
    let charset = html
        .to_ascii_lowercase()
        .find("<meta charset=\"utf-8\">")
        .ok_or("index.html has no <meta charset=\"utf-8\">")?;
    html.insert_str(
        charset + "<meta charset=\"utf-8\">".len(),
        &format!("\n  <!--gongkai:head-->{head}<!--/gongkai:head-->"),
    );
    let at = html
        .find("<main id=\"boot\"")
        .ok_or("index.html has no <main id=\"boot\">")?;
    let at = html[..at].trim_end().len();
    let app = match app {
        Some(view) => format!("\n  <div id=\"app\" data-page>{view}</div><!--/gongkai:app-->"),
        None => "\n  <div id=\"app\"></div><!--/gongkai:app-->".to_string(),
    };
    html.insert_str(at, &app);
    Ok(html)
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
    let template = template_of(&io(&index, std::fs::read_to_string(&index))?);
    let policy = content_security_policy(&template, report);
    let head = |base: &str, tags: &str| head_block(&policy, base, tags);
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
    let shell = page_from(&template, "zh-CN", &head("./", &shell_tags), None)?;
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
                        .map_err(|e| e.message_en())?,
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
                let html = page_from(
                    &template,
                    p.address.lang.code(),
                    &head(&p.address.base_href(), &tags),
                    Some(&view),
                )?;
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
        let template = "<!doctype html>\n<html lang=\"zh-CN\">\n<head>\n  <meta charset=\"utf-8\">\n  <link rel=\"preload\" href=\"data/index.json\" as=\"fetch\">\n</head>\n<body>\n  <!-- the view goes in <div id=\"app\"> here -->\n  <main id=\"boot\">…</main>\n</body>\n</html>\n";
        let page = page_from(template, "en", "<title>x</title>", Some("<div>view</div>")).unwrap();
        assert!(
            page.contains("<html lang=\"en\">") && page.contains("<div id=\"app\" data-page><div>view</div></div>")
        );
        assert_eq!(template_of(&page), template);
        assert_eq!(template_of(template), template);
    }
}
