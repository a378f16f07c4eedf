//! Entry point of the province pages' module (issue #27): the app built with the feature `site`
//! alone — a province's home, area and search pages (`site_app`), none of a bundle's views. The
//! province site build names it on those pages; static/boot.js starts it there.

fn main() {
    gongkai::start::run_site_pages();
}
