//! Snapshot tests of rendered chart SVG for the seed bundle. Numbers are rounded to one decimal
//! before comparing so harmless float noise does not fail the test.
//! Update after an intended change: `UPDATE_SNAPSHOTS=1 cargo test -p gongkai-model --test chart_snapshots`.

use gongkai_model::chart::*;
use gongkai_model::render::bars_svg;
use gongkai_model::*;
use std::path::PathBuf;

const SEED: &str = include_str!("../../../data/pingxiang-fgj-2017.json");

fn normalise(svg: &str) -> String {
    let mut out = String::with_capacity(svg.len());
    let mut num = String::new();
    let flush = |num: &mut String, out: &mut String| {
        if !num.is_empty() {
            match num.parse::<f64>() {
                Ok(v) if num.contains('.') && !num.ends_with('.') => out.push_str(&format!("{:.1}", v)),
                _ => out.push_str(num),
            }
            num.clear();
        }
    };
    for c in svg.chars() {
        if c.is_ascii_digit() || (c == '.' && !num.is_empty()) {
            num.push(c);
        } else {
            flush(&mut num, &mut out);
            out.push(c);
        }
    }
    flush(&mut num, &mut out);
    out
}

fn check(name: &str, chart: &BarChart, width: u32) {
    let svg = normalise(&bars_svg(&layout_bars(gongkai_model::i18n::Lang::Zh, chart, width)));
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(format!("{name}-{width}.svg"));
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() || !path.exists() {
        std::fs::write(&path, &svg).unwrap();
    }
    let expected = std::fs::read_to_string(&path).unwrap();
    assert!(
        svg == expected,
        "{name}-{width}.svg differs from the snapshot; if intended, rerun with UPDATE_SNAPSHOTS=1"
    );
}

#[test]
fn seed_charts_match_snapshots() {
    let b = parse_bundle(SEED, "seed").unwrap();
    for width in [360, 900] {
        check(
            "expenditure",
            &expenditure_chart(gongkai_model::i18n::Lang::Zh, &b),
            width,
        );
        check(
            "activities",
            &activities_chart(gongkai_model::i18n::Lang::Zh, &b),
            width,
        );
        check(
            "three-public",
            &three_public_chart(gongkai_model::i18n::Lang::Zh, &b),
            width,
        );
        check("assets", &assets_chart(gongkai_model::i18n::Lang::Zh, &b), width);
        check(
            "sub-activities-8",
            &sub_activities_chart(gongkai_model::i18n::Lang::Zh, &b, &b.performance.activities[7]),
            width,
        );
    }
}

#[test]
fn svg_text_is_escaped_and_sized_to_the_layout() {
    let b = parse_bundle(SEED, "seed").unwrap();
    let mut chart = expenditure_chart(gongkai_model::i18n::Lang::Zh, &b);
    chart.rows[0].label = "<script>alert(1)</script>".into();
    let layout = layout_bars(gongkai_model::i18n::Lang::Zh, &chart, 600);
    let svg = bars_svg(&layout);
    assert!(!svg.contains("<script>"));
    assert!(svg.contains("&lt;script&gt;"));
    assert!(svg.contains(&format!("viewBox=\"0 0 {} {}\"", layout.width, layout.height)));
    // One filled rect per non-zero bar (plus the white background).
    assert_eq!(
        svg.matches("<rect").count(),
        1 + layout.bars.iter().filter(|b| b.w > 0.0).count()
    );
}

#[test]
fn blank_activities_are_listed_not_drawn() {
    let b = parse_bundle(SEED, "seed").unwrap();
    let chart = activities_chart(gongkai_model::i18n::Lang::Zh, &b);
    assert_eq!(chart.rows.len(), 29);
    assert_eq!(chart.blank_rows.len(), 10);
    assert_eq!(chart.rows[0].label, "对内商贸管理");
    let l = layout_bars(gongkai_model::i18n::Lang::Zh, &chart, 900);
    // Bars are proportional to amounts: 872.00 vs 423.48.
    let ratio = l.bars[1].w / l.bars[0].w;
    assert!((ratio - 423.48 / 872.0).abs() < 1e-9, "{ratio}");
}

#[test]
fn activity_treemap_matches_snapshot_and_is_proportional() {
    use gongkai_model::render::treemap_svg;
    use gongkai_model::treemap::*;
    let b = parse_bundle(SEED, "seed").unwrap();
    for width in [360, 900] {
        let t = activities_treemap(gongkai_model::i18n::Lang::Zh, &b, width, LabelMode::Amount);
        let svg = normalise(&treemap_svg(&t, Some(0)));
        let path =
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("tests/snapshots/activities-treemap-{width}.svg"));
        if std::env::var_os("UPDATE_SNAPSHOTS").is_some() || !path.exists() {
            std::fs::write(&path, &svg).unwrap();
        }
        assert!(
            svg == std::fs::read_to_string(&path).unwrap(),
            "activities-treemap-{width}.svg differs"
        );
        // 29 stated activities drawn, 10 blank ones listed.
        assert_eq!((t.cells.len(), t.blank.len()), (29, 10));
        // Areas proportional to amounts, filling the box.
        let area: f64 = t.cells.iter().map(|c| c.rect.area()).sum();
        assert!((area - (t.width * t.height) as f64).abs() < 1e-6);
        let per_unit = t.cells[0].rect.area() / 1.0; // 组织编制… 1.00 万元
        for c in &t.cells {
            let expected = per_unit * c.amount.to_string().parse::<f64>().unwrap();
            assert!(
                (c.rect.area() - expected).abs() < 1e-6 * expected.max(1.0),
                "{}",
                c.name
            );
        }
        // Shares of the parent (项目支出) add up to 100% within rounding.
        let shares: f64 = t
            .cells
            .iter()
            .map(|c| {
                c.share_of_parent
                    .trim_end_matches('%')
                    .trim_start_matches('<')
                    .parse::<f64>()
                    .unwrap()
            })
            .sum();
        assert!((shares - 100.0).abs() < 0.5, "{shares}");
        // The largest cell is labelled; hit-testing finds it at its centre.
        let big = t.ranked()[0];
        assert_eq!(t.cells[big].name, "对内商贸管理");
        assert!(!t.cells[big].label.is_empty());
        let r = t.cells[big].rect;
        assert_eq!(t.hit(r.x + r.w / 2.0, r.y + r.h / 2.0), Some(big));
        assert_eq!(
            t.describe(gongkai_model::i18n::Lang::Zh, big, "项目支出"),
            "对内商贸管理：872.00 万元；占项目支出 34.6%；占支出合计 23.4%"
        );
    }
}

#[test]
fn bar_rows_are_hit_tested_and_described() {
    let b = parse_bundle(SEED, "seed").unwrap();
    let chart = expenditure_chart(gongkai_model::i18n::Lang::Zh, &b);
    let l = layout_bars(gongkai_model::i18n::Lang::Zh, &chart, 600);
    let (top, bottom) = l.row_bands[3];
    assert_eq!(l.hit(100.0, (top + bottom) / 2.0), Some(3));
    assert_eq!(l.hit(100.0, 1.0), None);
    assert_eq!(
        chart.describe(gongkai_model::i18n::Lang::Zh, 3),
        "项目支出：2,521.16 万元；占支出合计 67.8%"
    );
    let tp = three_public_chart(gongkai_model::i18n::Lang::Zh, &b);
    assert_eq!(
        tp.describe(gongkai_model::i18n::Lang::Zh, 2),
        "公务接待：2016年 2.40 万元，2017年 4.75 万元；占“三公”合计 40.2%"
    );
    let change = change_chart(gongkai_model::i18n::Lang::Zh, &b);
    assert_eq!(
        change.describe(gongkai_model::i18n::Lang::Zh, 0),
        "支出合计：2016年 2,262.73 万元，2017年 3,719.45 万元"
    );
}
