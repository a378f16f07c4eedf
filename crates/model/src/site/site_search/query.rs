//! A query as typed → the terms to look up ([`QueryPlan`]: alternatives, one per way of
//! reading a pinyin query), and the bundles whose postings have every term of one.

use super::encoding::Ids;
use crate::chars::{fold_str, is_han};
use std::collections::{BTreeSet, HashMap};

/// What a query needs from the index: it matches a bundle when, for some alternative, the
/// bundle has every term of that alternative.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct QueryPlan {
    pub alternatives: Vec<Vec<String>>,
    /// The query is Latin letters that can be read as pinyin (the readings file is needed to
    /// search the fragments).
    pub pinyin: bool,
}

/// Most ways of reading a pinyin query that are looked up one by one; beyond, only the first
/// two characters' letters are (a wider net, still containing every match).
const MAX_READINGS: usize = 64;

/// The plain pinyin syllables (ü written v), longest match first is not assumed: see
/// [`plan_query`].
const SYLLABLES: &str = "a ai an ang ao ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu ca cai can cang cao ce cen ceng cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan chuang chui chun chuo ci cong cou cu cuan cui cun cuo da dai dan dang dao de dei den deng di dia dian diao die ding diu dong dou du duan dui dun duo e ei en eng er fa fan fang fei fen feng fiao fo fou fu ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan guang gui gun guo ha hai han hang hao he hei hen heng hm hng hong hou hu hua huai huan huang hui hun huo ji jia jian jiang jiao jie jin jing jiong jiu ju juan jue jun ka kai kan kang kao ke kei ken keng kong kou ku kua kuai kuan kuang kui kun kuo la lai lan lang lao le lei len leng li lia lian liang liao lie lin ling liu lo long lou lu luan lun luo lv lve m ma mai man mang mao me mei men meng mi mian miao mie min ming miu mo mou mu n na nai nan nang nao ne nei nen neng ng ni nia nian niang niao nie nin ning niu nong nou nu nuan nun nuo nv nve o ou pa pai pan pang pao pei pen peng pi pian piao pie pin ping po pou pu qi qia qian qiang qiao qie qin qing qiong qiu qu quan que qun ran rang rao re ren reng ri rong rou ru rua ruan rui run ruo sa sai san sang sao se sen seng sha shai shan shang shao she shei shen sheng shi shou shu shua shuai shuan shuang shui shun shuo si song sou su suan sui sun suo ta tai tan tang tao te tei teng ti tian tiao tie ting tong tou tu tuan tui tun tuo wa wai wan wang wei wen weng wo wu xi xia xian xiang xiao xie xin xing xiong xiu xu xuan xue xun ya yan yang yao ye yi yin ying yo yong you yu yuan yue yun za zai zan zang zao ze zei zen zeng zha zhai zhan zhang zhao zhe zhei zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo zi zong zou zu zuan zui zun zuo";

/// The plan of a query as typed (see the module notes for the terms).
pub fn plan_query(query: &str) -> QueryPlan {
    let q = fold_str(query.trim());
    let mut plain = BTreeSet::new();
    // The query as characters: the terms of its pieces (a piece of 4+ Latin letters or digits
    // by its 3-letter windows, a Chinese run by its pairs).
    let chars: Vec<char> = q.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if is_han(c) {
            let start = i;
            while i < chars.len() && is_han(chars[i]) {
                i += 1;
            }
            let run = &chars[start..i];
            if run.len() == 1 {
                plain.insert(run[0].to_string());
            } else {
                for w in run.windows(2) {
                    plain.insert(w.iter().collect::<String>());
                }
            }
        } else if c.is_ascii_alphanumeric() {
            let start = i;
            while i < chars.len() && chars[i].is_ascii_alphanumeric() {
                i += 1;
            }
            let run = &chars[start..i];
            let longest = if run.iter().all(char::is_ascii_digit) { 7 } else { 3 };
            if run.len() <= longest {
                plain.insert(run.iter().collect::<String>());
            } else {
                for w in run.windows(longest) {
                    plain.insert(w.iter().collect::<String>());
                }
            }
        } else {
            i += 1;
        }
    }
    let mut plan = QueryPlan::default();
    if !plain.is_empty() {
        plan.alternatives.push(plain.into_iter().collect());
    }
    // Pinyin: letters only (spaces and apostrophes between syllables allowed), two or more.
    let letters: Vec<u8> = q.bytes().filter(|b| !matches!(b, b' ' | b'\'')).collect();
    if letters.len() >= 2 && letters.iter().all(u8::is_ascii_lowercase) {
        plan.pinyin = true;
        let syllables: Vec<&[u8]> = SYLLABLES.split(' ').map(str::as_bytes).collect();
        let mut starts_list: Vec<Vec<usize>> = Vec::new();
        let mut overflow = false;
        readings_of(&letters, 0, &syllables, &mut vec![], &mut starts_list, &mut overflow);
        let mut alts: BTreeSet<Vec<String>> = BTreeSet::new();
        for starts in &starts_list {
            let mut terms: BTreeSet<String> = BTreeSet::new();
            if starts.len() == 1 {
                terms.insert(format!("~{}", char::from(letters[0])));
            }
            let limit = if overflow { 2 } else { starts.len() };
            for w in starts[..limit.min(starts.len())].windows(2) {
                terms.insert(format!("~{}{}", char::from(letters[w[0]]), char::from(letters[w[1]])));
            }
            alts.insert(terms.into_iter().collect());
        }
        plan.alternatives.extend(alts);
    }
    plan
}

/// Every way of cutting `q[at..]` into characters' pieces (a whole syllable, a first letter, or
/// zh/ch/sh; the last piece may be the beginning of a syllable), as the start of each piece.
fn readings_of(
    q: &[u8],
    at: usize,
    syllables: &[&[u8]],
    starts: &mut Vec<usize>,
    out: &mut Vec<Vec<usize>>,
    overflow: &mut bool,
) {
    if at == q.len() {
        if out.len() < MAX_READINGS {
            out.push(starts.clone());
        } else {
            *overflow = true;
        }
        return;
    }
    if out.len() >= MAX_READINGS {
        *overflow = true;
        // A wider net: every reading shares some first two pieces; keep cutting only those.
        if starts.len() >= 2 {
            return;
        }
    }
    let rest = &q[at..];
    let mut lens = BTreeSet::new();
    lens.insert(1);
    if rest.len() >= 2 && matches!(&rest[..2], b"zh" | b"ch" | b"sh") {
        lens.insert(2);
    }
    for s in syllables {
        if rest.starts_with(s) {
            lens.insert(s.len());
        }
    }
    // The last piece, being typed: any beginning of a syllable.
    if syllables.iter().any(|s| s.starts_with(rest)) {
        lens.insert(rest.len());
    }
    starts.push(at);
    for len in lens {
        readings_of(q, at + len, syllables, starts, out, overflow);
    }
    starts.pop();
}

impl QueryPlan {
    /// Every term the plan looks up.
    pub fn terms(&self) -> BTreeSet<&str> {
        self.alternatives.iter().flatten().map(String::as_str).collect()
    }
    /// True when there is nothing to look up (no letters, digits or Chinese characters).
    pub fn is_empty(&self) -> bool {
        self.alternatives.is_empty()
    }
    /// The bundles that may match, those whose names match first (how many: the second
    /// value), each part ascending. `lookup(term)` gives the term's (all, names) ids; `None`:
    /// the term is in no bundle.
    pub fn candidates(&self, lookup: &dyn Fn(&str) -> Option<Ids>) -> (Vec<u32>, usize) {
        // Each term's lists once (a term is in many of a pinyin query's readings).
        let known: HashMap<&str, Ids> = self
            .terms()
            .into_iter()
            .map(|t| (t, lookup(t).unwrap_or_default()))
            .collect();
        let empty: Ids = Ids::default();
        let mut by_name = BTreeSet::new();
        let mut any = BTreeSet::new();
        for alt in &self.alternatives {
            let lists: Vec<&Ids> = alt.iter().map(|t| known.get(t.as_str()).unwrap_or(&empty)).collect();
            any.extend(intersect_sorted(lists.iter().map(|l| &l.0).collect()));
            by_name.extend(intersect_sorted(lists.iter().map(|l| &l.1).collect()));
        }
        let mut out: Vec<u32> = by_name.iter().copied().collect();
        out.extend(any.into_iter().filter(|id| !by_name.contains(id)));
        (out, by_name.len())
    }
}

/// The ids in every one of `lists` (each ascending), ascending.
fn intersect_sorted(mut lists: Vec<&Vec<u32>>) -> Vec<u32> {
    lists.sort_by_key(|l| l.len());
    let Some((first, rest)) = lists.split_first() else {
        return Vec::new();
    };
    let mut out: Vec<u32> = (*first).clone();
    for l in rest {
        let mut at = 0;
        out.retain(|id| {
            while at < l.len() && l[at] < *id {
                at += 1;
            }
            at < l.len() && l[at] == *id
        });
        if out.is_empty() {
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::terms::nong_cun_initials;
    use super::*;
    use crate::site_search::{shard_of, text_terms, BundleTerms, Postings, Shard};

    fn no_readings(_: char) -> u32 {
        0
    }

    #[test]
    fn terms_cover_every_substring_query() {
        let mut terms = BTreeSet::new();
        text_terms("推进农村电子商务，科目 2010101 Ab", &nong_cun_initials, &mut terms);
        for q in [
            "农村",
            "农",
            "推进农村电子",
            "2010101",
            "20101",
            "01",
            "ab",
            "b",
            "nc",
            "nongcun",
            "nong",
            "ncun",
        ] {
            let plan = plan_query(q);
            assert!(!plan.is_empty(), "{q}");
            let found = plan
                .alternatives
                .iter()
                .any(|alt| alt.iter().all(|t| terms.contains(t)));
            assert!(found, "{q}: {plan:?}");
        }
        for q in ["农业", "2020", "xyz", "2010102"] {
            let plan = plan_query(q);
            let found = plan
                .alternatives
                .iter()
                .any(|alt| alt.iter().all(|t| terms.contains(t)));
            assert!(!found, "{q} should not match: {plan:?}");
        }
        assert!(plan_query("。，").is_empty());
        assert_eq!(
            plan_query("2010101").alternatives,
            vec![vec!["2010101".to_string()]],
            "a code is one term"
        );
        assert!(plan_query("nongcun").pinyin);
        assert!(!plan_query("农村").pinyin);
        // Long pinyin queries stay bounded.
        let long = plan_query("zhonghuarenmingongheguoguowuyuan");
        assert!(long.alternatives.len() <= MAX_READINGS + 1);
    }

    #[test]
    fn terms_folded_at_build_time_are_found_by_a_query_in_another_case_or_width() {
        // Built as the site build does: each bundle's terms, postings, shard files; then read
        // back and queried as the browser does.
        let mut a = BTreeSet::new();
        text_terms(
            "提高ＧＤＰ核算质量，科目２０１０１０１ Ｂｕｄｇｅｔ",
            &no_readings,
            &mut a,
        );
        let mut b = BTreeSet::new();
        text_terms("gdp budget 2010101", &no_readings, &mut b);
        let c = BTreeSet::from(["无关".to_string()]);
        let terms: Vec<BundleTerms> = [a, b, c]
            .into_iter()
            .map(|all| BundleTerms {
                all: all.into_iter().collect(),
                names: Vec::new(),
            })
            .collect();
        let refs: Vec<&BundleTerms> = terms.iter().collect();
        let shards: Vec<Shard> = Postings::of(&refs)
            .shards()
            .iter()
            .map(|(name, json)| Shard::parse(json, name).unwrap())
            .collect();
        let lookup = |term: &str| shards[shard_of(term, shards.len())].lookup(term, 3).map(|r| r.unwrap());
        for q in [
            "gdp",
            "GDP",
            "ＧＤＰ",
            "ｇｄｐ",
            "BUDGET",
            "ｂｕｄｇｅｔ",
            "2010101",
            "２０１０１０１",
            "２0１",
        ] {
            assert_eq!(plan_query(q).candidates(&lookup), (vec![0, 1], 0), "{q}");
        }
        assert!(plan_query("ＧＤＱ").candidates(&lookup).0.is_empty());
    }
}
