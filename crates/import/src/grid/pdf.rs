//! Grids from a PDF page's ruling lines. Most disclosures draw a border round every cell: the
//! rules give the rows and columns, a missing rule between two cells is a merged cell, and each
//! glyph belongs to the cell its centre is in. Pure geometry (tested without any PDF); the page's
//! rules come from `crate::pdf`.
//!
//! Coordinates are upright PDF points (y grows upwards), as [`crate::pdf::Glyph`]s are. Every
//! tolerance is a field of [`RuleSettings`].

use super::{tidy, Grid, GridCell, Producer};
use crate::pdf::Glyph;

/// A straight, axis-parallel piece of a rule (a stroked line, a thin filled rectangle, or one
/// edge of a cell's rectangle).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Segment {
    pub x0: f32,
    pub y0: f32,
    pub x1: f32,
    pub y1: f32,
}

impl Segment {
    fn horizontal(&self, s: &RuleSettings) -> bool {
        (self.y1 - self.y0).abs() <= s.thin && (self.x1 - self.x0).abs() >= s.min_length
    }
    fn vertical(&self, s: &RuleSettings) -> bool {
        (self.x1 - self.x0).abs() <= s.thin && (self.y1 - self.y0).abs() >= s.min_length
    }
}

/// The tolerances of reading rules, in points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RuleSettings {
    /// A rectangle thinner than this is a line (filled rules are thin rectangles).
    pub thin: f32,
    /// Shorter pieces are not rules (ticks, underlines of a character).
    pub min_length: f32,
    /// Rules this close are one (double strokes, rounding of the producer).
    pub snap: f32,
    /// Two pieces of one rule with a gap up to this are joined.
    pub join: f32,
    /// A rule ends this close to the rule it meets (rules stop short of each other).
    pub touch: f32,
    /// A separating rule covers at least this share of the cell side it separates.
    pub cover: f32,
    /// The fewest rows and columns a ruled table has (a single box round a paragraph is none).
    pub min_rows: usize,
    pub min_cols: usize,
}

impl Default for RuleSettings {
    fn default() -> Self {
        RuleSettings {
            thin: 2.0,
            min_length: 3.0,
            snap: 1.5,
            join: 2.0,
            touch: 3.0,
            cover: 0.5,
            min_rows: 2,
            min_cols: 2,
        }
    }
}

/// Rule segments from the pieces of a path: straight lines from one point to the next, and
/// rectangles (a thin one is a line; a larger one gives its four edges).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PathPiece {
    Line(f32, f32, f32, f32),
    Rect(f32, f32, f32, f32),
}

/// The axis-parallel segments of path pieces (slanted lines and curves are not rules).
pub fn segments(pieces: &[PathPiece], s: &RuleSettings) -> Vec<Segment> {
    let mut out = Vec::new();
    let ordered = |a: f32, b: f32| if a <= b { (a, b) } else { (b, a) };
    for p in pieces {
        match *p {
            PathPiece::Line(x0, y0, x1, y1) => {
                if [x0, y0, x1, y1].iter().any(|v| !v.is_finite()) {
                    continue;
                }
                let (ax, bx) = ordered(x0, x1);
                let (ay, by) = ordered(y0, y1);
                if by - ay <= s.thin || bx - ax <= s.thin {
                    out.push(Segment {
                        x0: ax,
                        y0: ay,
                        x1: bx,
                        y1: by,
                    });
                }
            }
            PathPiece::Rect(x, y, w, h) => {
                if [x, y, w, h].iter().any(|v| !v.is_finite()) {
                    continue;
                }
                let (x0, x1) = ordered(x, x + w);
                let (y0, y1) = ordered(y, y + h);
                if y1 - y0 <= s.thin || x1 - x0 <= s.thin {
                    // A filled rule: its centre line.
                    let (cx, cy) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
                    if y1 - y0 <= s.thin {
                        out.push(Segment { x0, y0: cy, x1, y1: cy });
                    } else {
                        out.push(Segment { x0: cx, y0, x1: cx, y1 });
                    }
                } else {
                    out.push(Segment { x0, y0, x1, y1: y0 });
                    out.push(Segment { x0, y0: y1, x1, y1 });
                    out.push(Segment { x0, y0, x1: x0, y1 });
                    out.push(Segment { x0: x1, y0, x1, y1 });
                }
            }
        }
    }
    out.retain(|g| g.horizontal(s) || g.vertical(s));
    out
}

/// A rule after joining: at `at` (y of a horizontal, x of a vertical), from `from` to `to`.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Rule {
    at: f32,
    from: f32,
    to: f32,
}

/// Joins pieces at (nearly) the same position whose extents touch or overlap.
fn join(mut pieces: Vec<Rule>, s: &RuleSettings) -> Vec<Rule> {
    pieces.sort_by(|a, b| a.at.total_cmp(&b.at).then(a.from.total_cmp(&b.from)));
    // Cluster by position.
    let mut clusters: Vec<Vec<Rule>> = Vec::new();
    for r in pieces {
        match clusters.last_mut() {
            Some(c) if (r.at - c[0].at).abs() <= s.snap => c.push(r),
            _ => clusters.push(vec![r]),
        }
    }
    let mut out = Vec::new();
    for mut c in clusters {
        let at = c.iter().map(|r| r.at).sum::<f32>() / c.len() as f32;
        c.sort_by(|a, b| a.from.total_cmp(&b.from));
        let mut cur: Option<Rule> = None;
        for r in c {
            match cur.as_mut() {
                Some(k) if r.from <= k.to + s.join => k.to = k.to.max(r.to),
                _ => {
                    out.extend(cur.take());
                    cur = Some(Rule {
                        at,
                        from: r.from,
                        to: r.to,
                    });
                }
            }
        }
        out.extend(cur);
    }
    out
}

fn find(parent: &mut [usize], i: usize) -> usize {
    let mut r = i;
    while parent[r] != r {
        r = parent[r];
    }
    let mut i = i;
    while parent[i] != r {
        let next = parent[i];
        parent[i] = r;
        i = next;
    }
    r
}

fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    if ra != rb {
        parent[ra.max(rb)] = ra.min(rb);
    }
}

/// Positions within `snap` of each other as one (their mean), sorted ascending.
fn distinct(mut v: Vec<f32>, snap: f32) -> Vec<f32> {
    v.sort_by(f32::total_cmp);
    let mut groups: Vec<Vec<f32>> = Vec::new();
    for x in v {
        match groups.last_mut() {
            Some(g) if x - g[g.len() - 1] <= snap => g.push(x),
            _ => groups.push(vec![x]),
        }
    }
    groups.iter().map(|g| g.iter().sum::<f32>() / g.len() as f32).collect()
}

/// The horizontal (or vertical) rules among the segments, joined.
fn rules(segments: &[Segment], s: &RuleSettings, horizontal: bool) -> Vec<Rule> {
    let pieces = segments
        .iter()
        .filter(|g| if horizontal { g.horizontal(s) } else { g.vertical(s) })
        .map(|g| {
            let (at, a, b) = if horizontal {
                ((g.y0 + g.y1) / 2.0, g.x0, g.x1)
            } else {
                ((g.x0 + g.x1) / 2.0, g.y0, g.y1)
            };
            Rule {
                at,
                from: a.min(b),
                to: a.max(b),
            }
        })
        .collect();
    join(pieces, s)
}

/// A grid read from rules, with the glyphs it took (indices into the page's glyphs).
#[derive(Debug, Clone, PartialEq)]
pub struct RuledGrid {
    pub grid: Grid,
    pub glyphs: Vec<usize>,
    /// Top of the table (upright y of its top rule), for ordering.
    pub top: f32,
}

/// The ruled tables of one page. `glyph_line[i]` is the page line (0-based) glyph `i` was laid
/// out on (cells cite it; the caller turns page lines into document lines).
pub fn ruled_grids(
    glyphs: &[Glyph],
    glyph_line: &[Option<usize>],
    segments: &[Segment],
    s: &RuleSettings,
) -> Vec<RuledGrid> {
    let hs = rules(segments, s, true);
    let vs = rules(segments, s, false);
    if hs.len() < s.min_rows + 1 || vs.len() < s.min_cols + 1 {
        return Vec::new();
    }
    // Tables: rules that meet, as connected sets.
    let n = hs.len() + vs.len();
    let mut parent: Vec<usize> = (0..n).collect();
    for (i, h) in hs.iter().enumerate() {
        for (j, v) in vs.iter().enumerate() {
            let meets = v.at >= h.from - s.touch
                && v.at <= h.to + s.touch
                && h.at >= v.from - s.touch
                && h.at <= v.to + s.touch;
            if meets {
                union(&mut parent, i, hs.len() + j);
            }
        }
    }
    let mut sets: std::collections::BTreeMap<usize, (Vec<Rule>, Vec<Rule>)> = Default::default();
    for i in 0..n {
        let root = find(&mut parent, i);
        let e = sets.entry(root).or_default();
        if i < hs.len() {
            e.0.push(hs[i]);
        } else {
            e.1.push(vs[i - hs.len()]);
        }
    }
    let mut out = Vec::new();
    for (h, v) in sets.into_values() {
        if let Some(g) = grid_of(&h, &v, glyphs, glyph_line, s) {
            out.push(g);
        }
    }
    out.sort_by(|a, b| b.top.total_cmp(&a.top));
    out
}

/// The grid of one set of meeting rules, or `None` when they do not make a table.
fn grid_of(
    hs: &[Rule],
    vs: &[Rule],
    glyphs: &[Glyph],
    glyph_line: &[Option<usize>],
    s: &RuleSettings,
) -> Option<RuledGrid> {
    // Rows top to bottom, columns left to right.
    let mut ys = distinct(hs.iter().map(|r| r.at).collect(), s.snap);
    ys.reverse();
    let xs = distinct(vs.iter().map(|r| r.at).collect(), s.snap);
    if ys.len() < s.min_rows + 1 || xs.len() < s.min_cols + 1 {
        return None;
    }
    let (rows, cols) = (ys.len() - 1, xs.len() - 1);
    // Whether a rule at `at` (within snap) covers the span [a, b] for at least `cover` of it.
    let covers = |rules: &[Rule], at: f32, a: f32, b: f32| {
        let need = (b - a) * s.cover;
        rules
            .iter()
            .filter(|r| (r.at - at).abs() <= s.snap + 0.5)
            .map(|r| (r.to.min(b) - r.from.max(a)).max(0.0))
            .sum::<f32>()
            >= need
    };
    // Elementary cells merged where no rule separates them.
    let id = |r: usize, c: usize| r * cols + c;
    let mut parent: Vec<usize> = (0..rows * cols).collect();
    for r in 0..rows {
        for c in 0..cols {
            if c + 1 < cols && !covers(vs, xs[c + 1], ys[r + 1], ys[r]) {
                union(&mut parent, id(r, c), id(r, c + 1));
            }
            if r + 1 < rows && !covers(hs, ys[r + 1], xs[c], xs[c + 1]) {
                union(&mut parent, id(r, c), id(r + 1, c));
            }
        }
    }
    // Each merged group must be a rectangle; otherwise its elementary cells stay apart.
    let mut groups: std::collections::BTreeMap<usize, Vec<(usize, usize)>> = Default::default();
    for r in 0..rows {
        for c in 0..cols {
            let root = find(&mut parent, id(r, c));
            groups.entry(root).or_default().push((r, c));
        }
    }
    let mut owner = vec![usize::MAX; rows * cols];
    let mut rects: Vec<(usize, usize, usize, usize)> = Vec::new(); // row, col, rows, cols
    for members in groups.values() {
        let r0 = members.iter().map(|m| m.0).min().unwrap_or(0);
        let r1 = members.iter().map(|m| m.0).max().unwrap_or(0);
        let c0 = members.iter().map(|m| m.1).min().unwrap_or(0);
        let c1 = members.iter().map(|m| m.1).max().unwrap_or(0);
        if (r1 - r0 + 1) * (c1 - c0 + 1) == members.len() {
            for &(r, c) in members {
                owner[id(r, c)] = rects.len();
            }
            rects.push((r0, c0, r1 - r0 + 1, c1 - c0 + 1));
        } else {
            for &(r, c) in members {
                owner[id(r, c)] = rects.len();
                rects.push((r, c, 1, 1));
            }
        }
    }
    // Glyphs into cells by their centre.
    let (left, right, top, bottom) = (xs[0], xs[cols], ys[0], ys[rows]);
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); rects.len()];
    let mut taken = Vec::new();
    for (i, g) in glyphs.iter().enumerate() {
        let x = (g.x0 + g.x1) / 2.0;
        let y = g.baseline + 0.3 * g.size;
        if !(x > left && x < right && y < top && y > bottom) {
            continue;
        }
        let Some(c) = xs.windows(2).position(|w| x >= w[0] && x < w[1]) else {
            continue;
        };
        let Some(r) = ys.windows(2).position(|w| y <= w[0] && y > w[1]) else {
            continue;
        };
        members[owner[id(r, c)]].push(i);
        taken.push(i);
    }
    if taken.is_empty() {
        return None;
    }
    let mut grid = Grid::new(rows, cols, Producer::PdfRules);
    for (k, &(row, col, row_span, col_span)) in rects.iter().enumerate() {
        let (text, first) = cell_text(glyphs, &members[k]);
        let line = first
            .and_then(|i| glyph_line.get(i).copied().flatten())
            .map_or(0, |l| l + 1);
        grid.cells.push(GridCell {
            text,
            row,
            col,
            row_span,
            col_span,
            line,
        });
    }
    let mut lines: Vec<usize> = taken
        .iter()
        .filter_map(|i| glyph_line.get(*i).copied().flatten())
        .map(|l| l + 1)
        .collect();
    lines.sort_unstable();
    lines.dedup();
    grid.lines = lines;
    Some(RuledGrid {
        grid: grid.sorted(),
        glyphs: taken,
        top,
    })
}

/// The text of the glyphs of one cell: lines top to bottom (baselines within 0.4 × size), glyphs
/// left to right; a glyph drawn twice (fake bold) once; a space only between two Latin letters or
/// digits set apart; wrapped lines joined. Also the glyph that starts it.
fn cell_text(glyphs: &[Glyph], members: &[usize]) -> (String, Option<usize>) {
    let mut idx: Vec<usize> = members.to_vec();
    idx.sort_by(|a, b| glyphs[*b].baseline.total_cmp(&glyphs[*a].baseline));
    let mut lines: Vec<Vec<usize>> = Vec::new();
    for i in idx {
        let g = glyphs[i];
        match lines.last_mut() {
            Some(l) if (glyphs[l[0]].baseline - g.baseline).abs() <= 0.4 * g.size.min(glyphs[l[0]].size) => l.push(i),
            _ => lines.push(vec![i]),
        }
    }
    let mut text = String::new();
    let mut first = None;
    for mut l in lines {
        l.sort_by(|a, b| glyphs[*a].x0.total_cmp(&glyphs[*b].x0));
        first.get_or_insert(l[0]);
        let mut prev: Option<Glyph> = None;
        let mut line = String::new();
        for i in l {
            let g = glyphs[i];
            if g.ch.is_whitespace() || g.ch.is_control() {
                continue;
            }
            if let Some(p) = prev {
                if p.ch == g.ch && (g.x0 - p.x0).abs() < 0.3 * (p.x1 - p.x0).max(0.5) {
                    continue;
                }
                if g.x0 - p.x1 >= 0.25 * g.size.min(p.size)
                    && p.ch.is_ascii_alphanumeric()
                    && g.ch.is_ascii_alphanumeric()
                {
                    line.push(' ');
                }
            }
            line.push(g.ch);
            prev = Some(g);
        }
        text.push_str(&line);
    }
    (tidy(&text), first)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(s: &str, x: f32, baseline: f32) -> Vec<Glyph> {
        let mut x = x;
        s.chars()
            .map(|ch| {
                let w = if ch.is_ascii() { 5.0 } else { 10.0 };
                let g = Glyph {
                    ch,
                    x0: x,
                    x1: x + w,
                    baseline,
                    size: 10.0,
                };
                x += w;
                g
            })
            .collect()
    }

    fn hline(y: f32, x0: f32, x1: f32) -> PathPiece {
        PathPiece::Line(x0, y, x1, y)
    }
    fn vline(x: f32, y0: f32, y1: f32) -> PathPiece {
        PathPiece::Line(x, y0, x, y1)
    }

    /// A two-level header over three columns, ruled:
    /// ```text
    /// y=100 ┌────────┬───────────────┐
    ///       │ 项目   │   支出预算     │
    /// y=80  │        ├───────┬───────┤
    ///       │        │ 合计  │ 基本  │
    /// y=60  ├────────┼───────┼───────┤
    ///       │ 行政运行│ 12.00 │       │
    /// y=40  └────────┴───────┴───────┘
    ///      x=0      x=80    x=140   x=200
    /// ```
    #[test]
    fn rules_give_rows_columns_and_merged_cells() {
        let s = RuleSettings::default();
        let mut pieces = vec![
            hline(100.0, 0.0, 200.0),
            hline(80.0, 80.0, 200.0),
            hline(60.0, 0.0, 200.0),
            hline(40.0, 0.0, 200.0),
            vline(0.0, 40.0, 100.0),
            vline(80.0, 40.0, 100.0),
            vline(140.0, 40.0, 80.0),
            vline(200.0, 40.0, 100.0),
        ];
        // A thin filled rectangle is a rule too (here a duplicate of the bottom one).
        pieces.push(PathPiece::Rect(0.0, 39.6, 200.0, 0.8));
        let segs = segments(&pieces, &s);
        let mut glyphs = word("项目", 10.0, 75.0);
        glyphs.extend(word("支出预算", 110.0, 86.0));
        glyphs.extend(word("合计", 95.0, 66.0));
        glyphs.extend(word("基本", 155.0, 66.0));
        glyphs.extend(word("行政运行", 2.0, 46.0));
        glyphs.extend(word("12.00", 100.0, 46.0));
        let lines: Vec<Option<usize>> = glyphs
            .iter()
            .map(|g| {
                Some(if g.baseline > 80.0 {
                    0
                } else if g.baseline > 70.0 {
                    1
                } else if g.baseline > 60.0 {
                    2
                } else {
                    3
                })
            })
            .collect();
        let grids = ruled_grids(&glyphs, &lines, &segs, &s);
        assert_eq!(grids.len(), 1);
        let g = &grids[0].grid;
        assert_eq!((g.rows, g.cols), (3, 3));
        let head = g.starting(0, 0).unwrap();
        assert_eq!((head.text.as_str(), head.row_span, head.col_span), ("项目", 2, 1));
        let top = g.starting(0, 1).unwrap();
        assert_eq!((top.text.as_str(), top.row_span, top.col_span), ("支出预算", 1, 2));
        assert_eq!(g.text(1, 1), "合计");
        assert_eq!(g.text(1, 2), "基本");
        assert_eq!(g.text(2, 0), "行政运行");
        assert_eq!(g.text(2, 1), "12.00");
        assert_eq!(g.text(2, 2), "", "a blank cell stays blank");
        assert_eq!(g.starting(2, 1).unwrap().line, 4, "cells cite their line");
        assert_eq!(grids[0].glyphs.len(), glyphs.len());
    }

    #[test]
    fn a_name_wrapped_in_its_cell_is_one_text_and_text_outside_is_left() {
        let s = RuleSettings::default();
        let pieces = vec![
            hline(100.0, 0.0, 200.0),
            hline(60.0, 0.0, 200.0),
            hline(40.0, 0.0, 200.0),
            vline(0.0, 40.0, 100.0),
            vline(100.0, 40.0, 100.0),
            vline(200.0, 40.0, 100.0),
        ];
        let mut glyphs = word("机关事业单位基本养老", 2.0, 85.0);
        glyphs.extend(word("保险缴费支出", 2.0, 72.0));
        glyphs.extend(word("1,234.50", 150.0, 78.0));
        glyphs.extend(word("单位：元", 150.0, 110.0));
        let lines = vec![Some(0); glyphs.len()];
        let grids = ruled_grids(&glyphs, &lines, &segments(&pieces, &s), &s);
        let g = &grids[0].grid;
        assert_eq!(g.text(0, 0), "机关事业单位基本养老保险缴费支出");
        assert_eq!(g.text(0, 1), "1,234.50");
        assert_eq!(
            grids[0].glyphs.len(),
            glyphs.len() - 4,
            "the unit line above is not in the table"
        );
    }

    /// Random rules and glyphs (NaN, huge, overlapping, zero-size) never panic, and every grid
    /// stays inside itself: cells within rows × columns, none overlapping.
    #[test]
    fn random_rules_and_glyphs_never_panic_and_grids_stay_whole() {
        struct Rng(u64);
        impl Rng {
            fn next(&mut self) -> u64 {
                self.0 ^= self.0 << 13;
                self.0 ^= self.0 >> 7;
                self.0 ^= self.0 << 17;
                self.0
            }
            /// A number in [0, scale), now and then NaN.
            fn f(&mut self, scale: f32) -> f32 {
                if self.next() % 97 == 0 {
                    f32::NAN
                } else {
                    (self.next() % 10_000) as f32 / 10_000.0 * scale
                }
            }
        }
        let mut rng = Rng(0x2545_f491_4f6c_dd1d);
        let s = RuleSettings::default();
        for _ in 0..300 {
            let mut pieces = Vec::new();
            for _ in 0..(rng.next() % 40) {
                let (x, y) = (rng.f(300.0), rng.f(300.0));
                pieces.push(match rng.next() % 3 {
                    0 => PathPiece::Line(x, y, x + rng.f(200.0), y),
                    1 => PathPiece::Line(x, y, x, y + rng.f(200.0)),
                    _ => PathPiece::Rect(x, y, rng.f(200.0), rng.f(60.0)),
                });
            }
            let count = rng.next() % 60;
            let glyphs: Vec<Glyph> = (0..count)
                .map(|i| {
                    let x = rng.f(300.0);
                    Glyph {
                        ch: if i % 2 == 0 { '1' } else { '支' },
                        x0: x,
                        x1: x + rng.f(12.0),
                        baseline: rng.f(300.0),
                        size: rng.f(12.0),
                    }
                })
                .collect();
            let lines: Vec<Option<usize>> = (0..glyphs.len()).map(|i| Some(i % 7)).collect();
            for rg in ruled_grids(&glyphs, &lines, &segments(&pieces, &s), &s) {
                for g in std::iter::once(rg.grid.clone().compact()).chain(rg.grid.split_captions(|_| false)) {
                    let mut covered = vec![false; g.rows * g.cols];
                    for c in &g.cells {
                        assert!(c.row + c.row_span <= g.rows && c.col + c.col_span <= g.cols, "{c:?}");
                        for r in c.row..c.row + c.row_span {
                            for k in c.col..c.col + c.col_span {
                                assert!(!covered[r * g.cols + k], "overlap at {r},{k}");
                                covered[r * g.cols + k] = true;
                            }
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn lines_without_columns_or_a_lone_box_are_not_tables() {
        let s = RuleSettings::default();
        // Horizontal rules only (a "three-line table"): no columns to read from rules.
        let three = vec![
            hline(100.0, 0.0, 200.0),
            hline(80.0, 0.0, 200.0),
            hline(40.0, 0.0, 200.0),
        ];
        let glyphs = word("合计", 10.0, 85.0);
        let lines = vec![Some(0); glyphs.len()];
        assert!(ruled_grids(&glyphs, &lines, &segments(&three, &s), &s).is_empty());
        // A box round a paragraph.
        let boxed = vec![PathPiece::Rect(0.0, 40.0, 200.0, 60.0)];
        assert!(ruled_grids(&glyphs, &lines, &segments(&boxed, &s), &s).is_empty());
        // Hostile numbers never panic.
        let bad = vec![
            PathPiece::Line(f32::NAN, 1.0, 2.0, 3.0),
            PathPiece::Rect(0.0, 0.0, f32::INFINITY, 1.0),
        ];
        assert!(segments(&bad, &s).is_empty());
    }
}
