//! Search across every bundle of a large site from static files, in the spirit of Pagefind:
//! an inverted index from terms to bundles, cut into shards by the hash of the term, so a query
//! downloads the small root, the few shards holding its terms, the block naming the bundles it
//! hit and the search fragments of the first of those bundles — never the bundles themselves.
//!
//! Files (under [`SEARCH_INDEX_DIR`] of the site root):
//! - `root.json` ([`SearchRoot`]): the number of bundles, the shard and block file names;
//! - `s/<n>.<hash>.json` ([`Shard`]): for each term whose hash falls in shard n, the bundles
//!   whose texts contain it and those whose name (department, region) contains it;
//! - `d/<n>.<hash>.json` ([`DocBlock`]): for bundles `n*BLOCK..`, what a result names (department,
//!   region, year, total) and the file of its fragment;
//! - `f/<bundle>.<hash>.json` ([`crate::search::Fragment`]): every searchable text of one bundle
//!   with its place, which the viewer searches exactly as it searches a loaded bundle;
//! - `readings.<hash>.txt`: the pinyin of every character of the site (only for pinyin queries).
//!
//! Every file but the root is named by a hash of its content: immutable, cacheable for ever.
//!
//! Terms make substring search exact as a filter (a bundle containing the query always has all
//! of the query's terms): each Chinese character and each pair of adjacent ones; each run of
//! Latin letters and digits gives all its pieces of 1 to 3 characters, a run of
//! digits (a budget-line code, an amount) all its pieces of 1 to 7, so a code up to 7 digits
//! is one term and finds exactly the bundles that print it; and for
//! pinyin, `~` followed by the first letters of the readings of one character or of two
//! adjacent ones (`~nc` for 农村). A query's terms may also match bundles where the pieces are
//! not adjacent; the viewer's search of the fragment then finds nothing there and the result
//! list skips them.
//!
//! Text and query are folded alike ([`crate::chars::fold`]: case, full-width letters and
//! digits), the terms when the site is built, the query in the browser, so `ＧＤＰ` in a bundle
//! is found by `gdp` and `２０１０１` by `20101`.

use crate::catalog::fnv1a64;
use crate::chars::{fold, fold_str, is_han};
use base64::Engine as _;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashMap};

/// The index folder, relative to the site root.
pub const SEARCH_INDEX_DIR: &str = "search-index/";
/// The index's root file (not content-hashed: it names every other file), under
/// [`SEARCH_INDEX_DIR`].
pub const SEARCH_ROOT_FILE: &str = "root.json";
/// Bundles per [`DocBlock`].
pub const BLOCK: usize = 128;
/// The target size of a shard in bytes (the number of shards is the index size over this,
/// rounded up to a power of two).
pub const SHARD_TARGET_BYTES: usize = 24 * 1024;

/// The plain pinyin syllables (ü written v), longest match first is not assumed: see
/// [`plan_query`].
const SYLLABLES: &str = "a ai an ang ao ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu ca cai can cang cao ce cen ceng cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan chuang chui chun chuo ci cong cou cu cuan cui cun cuo da dai dan dang dao de dei den deng di dia dian diao die ding diu dong dou du duan dui dun duo e ei en eng er fa fan fang fei fen feng fiao fo fou fu ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan guang gui gun guo ha hai han hang hao he hei hen heng hm hng hong hou hu hua huai huan huang hui hun huo ji jia jian jiang jiao jie jin jing jiong jiu ju juan jue jun ka kai kan kang kao ke kei ken keng kong kou ku kua kuai kuan kuang kui kun kuo la lai lan lang lao le lei len leng li lia lian liang liao lie lin ling liu lo long lou lu luan lun luo lv lve m ma mai man mang mao me mei men meng mi mian miao mie min ming miu mo mou mu n na nai nan nang nao ne nei nen neng ng ni nia nian niang niao nie nin ning niu nong nou nu nuan nun nuo nv nve o ou pa pai pan pang pao pei pen peng pi pian piao pie pin ping po pou pu qi qia qian qiang qiao qie qin qing qiong qiu qu quan que qun ran rang rao re ren reng ri rong rou ru rua ruan rui run ruo sa sai san sang sao se sen seng sha shai shan shang shao she shei shen sheng shi shou shu shua shuai shuan shuang shui shun shuo si song sou su suan sui sun suo ta tai tan tang tao te tei teng ti tian tiao tie ting tong tou tu tuan tui tun tuo wa wai wan wang wei wen weng wo wu xi xia xian xiang xiao xie xin xing xiong xiu xu xuan xue xun ya yan yang yao ye yi yin ying yo yong you yu yuan yue yun za zai zan zang zao ze zei zen zeng zha zhai zhan zhang zhao zhe zhei zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo zi zong zou zu zuan zui zun zuo";

/// Adds the terms of `text` to `out`; `initials(c)` gives, for a Chinese character, a bit mask of
/// the first letters of its readings (bit 0 = 'a'; 0 when unknown).
pub fn text_terms(text: &str, initials: &dyn Fn(char) -> u32, out: &mut BTreeSet<String>) {
    let mut keys = KeySet::default();
    term_keys(text, &mut |c| initials(c), &mut keys);
    out.extend(keys.into_iter().map(key_term));
}

/// A hasher for the term keys (already well mixed numbers): one multiplication.
#[derive(Default, Clone, Copy)]
struct KeyHasher(u64);

impl std::hash::Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ u64::from(*b)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        }
    }
    fn write_u64(&mut self, k: u64) {
        self.0 = (k ^ (k >> 29)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

type KeySet = std::collections::HashSet<u64, std::hash::BuildHasherDefault<KeyHasher>>;

// Terms are gathered as numbers (no allocation per term), made text once per distinct term:
// kind in the top 4 bits; a character is 21 bits.
const K_HAN: u64 = 1 << 60;
const K_PAIR: u64 = 2 << 60;
const K_PINYIN: u64 = 3 << 60;
const K_LATIN: u64 = 4 << 60;
const K_DIGITS: u64 = 5 << 60;

/// The term a key stands for.
fn key_term(k: u64) -> String {
    let ch = |v: u64| char::from_u32((v & 0x1f_ffff) as u32).unwrap_or('\u{fffd}');
    match k & (0xf << 60) {
        K_HAN => ch(k).to_string(),
        K_PAIR => [ch(k >> 21), ch(k)].iter().collect(),
        K_PINYIN => {
            let (a, b) = ((k >> 8) as u8, k as u8);
            let mut s = String::from("~");
            s.push(char::from(a));
            if b != 0 {
                s.push(char::from(b));
            }
            s
        }
        K_DIGITS => {
            let len = ((k >> 32) & 0xf) as u32;
            (0..len)
                .rev()
                .map(|i| char::from(b'0' + ((k >> (4 * i)) & 0xf) as u8))
                .collect()
        }
        _ => {
            let len = (k & 0xff) as usize;
            (0..len).map(|i| char::from((k >> (8 * (i + 1))) as u8)).collect()
        }
    }
}

/// Adds the keys of the terms of `text` to `out` (see [`text_terms`]).
fn term_keys(text: &str, initials: &mut dyn FnMut(char) -> u32, out: &mut KeySet) {
    let chars: Vec<char> = text.chars().map(fold).collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if is_han(c) {
            out.insert(K_HAN | u64::from(c));
            let mine = initials(c);
            for l in letters(mine) {
                out.insert(K_PINYIN | (u64::from(l as u8) << 8));
            }
            if let Some(&d) = chars.get(i + 1).filter(|d| is_han(**d)) {
                out.insert(K_PAIR | (u64::from(c) << 21) | u64::from(d));
                let theirs = initials(d);
                for a in letters(mine) {
                    for b in letters(theirs) {
                        out.insert(K_PINYIN | (u64::from(a as u8) << 8) | u64::from(b as u8));
                    }
                }
            }
            i += 1;
        } else if c.is_ascii_alphanumeric() {
            let start = i;
            while i < chars.len() && chars[i].is_ascii_alphanumeric() {
                i += 1;
            }
            let run = &chars[start..i];
            for len in 1..=3 {
                for w in run.windows(len) {
                    let mut k = K_LATIN | len as u64;
                    for (j, c) in w.iter().enumerate() {
                        k |= u64::from(*c as u8) << (8 * (j + 1));
                    }
                    out.insert(k);
                }
            }
            // Digits (codes, amounts) also by every piece of 4 to 7: a code is found exactly.
            if run.iter().all(char::is_ascii_digit) {
                for len in 4..=7 {
                    for w in run.windows(len) {
                        let digits = w.iter().fold(0u64, |k, c| k << 4 | u64::from(*c as u8 - b'0'));
                        out.insert(K_DIGITS | (len as u64) << 32 | digits);
                    }
                }
            }
        } else {
            i += 1;
        }
    }
}

fn letters(mask: u32) -> impl Iterator<Item = char> {
    (0..26u8)
        .filter(move |n| mask & (1 << n) != 0)
        .map(|n| char::from(b'a' + n))
}

/// The bit mask of first letters of a character's readings, from the `pinyin` crate.
#[cfg(feature = "pinyin")]
pub fn reading_initials(c: char) -> u32 {
    use pinyin::ToPinyinMulti;
    let Some(multi) = c.to_pinyin_multi() else {
        return 0;
    };
    multi
        .into_iter()
        .filter_map(|p| p.plain().bytes().next())
        .filter(u8::is_ascii_lowercase)
        .fold(0, |m, b| m | 1 << (b - b'a'))
}

/// The terms of one bundle: of everything it says (`all`, which includes the names) and of its
/// names (department, region), sorted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BundleTerms {
    pub all: Vec<String>,
    pub names: Vec<String>,
}

/// The terms of a bundle listed by a catalog `entry` (its department and region names).
pub fn bundle_terms(b: &crate::Bundle, entry: &crate::CatalogEntry, initials: &dyn Fn(char) -> u32) -> BundleTerms {
    fragment_terms(&crate::search::Fragment::of(b), b, entry, initials)
}

/// [`bundle_terms`] from the bundle's fragment, when it is made already.
pub fn fragment_terms(
    fragment: &crate::search::Fragment,
    b: &crate::Bundle,
    entry: &crate::CatalogEntry,
    initials: &dyn Fn(char) -> u32,
) -> BundleTerms {
    // Each character's readings looked up once.
    let mut known: HashMap<char, u32> = HashMap::new();
    let mut cached = |c: char| *known.entry(c).or_insert_with(|| initials(c));
    let mut names = KeySet::default();
    for name in [&entry.department, &entry.region, &b.meta.department] {
        term_keys(name, &mut cached, &mut names);
    }
    let mut all = names.clone();
    for e in &fragment.entries {
        for t in std::iter::once(&e.title).chain(&e.texts) {
            term_keys(t, &mut cached, &mut all);
        }
    }
    let sorted = |keys: KeySet| {
        let mut v: Vec<String> = keys.into_iter().map(key_term).collect();
        v.sort_unstable();
        v
    };
    BundleTerms {
        all: sorted(all),
        names: sorted(names),
    }
}

/// A set of bundle ids (positions in the catalog), kept sorted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IdSet {
    Sparse(Vec<u32>),
    /// Bit `id` set; used once more than one id in 32 is present.
    Dense(Vec<u64>),
}

impl Default for IdSet {
    fn default() -> Self {
        IdSet::Sparse(Vec::new())
    }
}

impl IdSet {
    /// Adds `id` (below `n`, the number of bundles).
    pub fn push(&mut self, id: u32, n: u32) {
        match self {
            IdSet::Sparse(v) => {
                match v.last() {
                    Some(l) if *l >= id => {
                        if let Err(at) = v.binary_search(&id) {
                            v.insert(at, id);
                        }
                    }
                    _ => v.push(id),
                }
                if v.len() * 32 > n as usize && n > 64 {
                    let mut bits = vec![0u64; (n as usize).div_ceil(64)];
                    for i in v.iter() {
                        bits[*i as usize / 64] |= 1 << (i % 64);
                    }
                    *self = IdSet::Dense(bits);
                }
            }
            IdSet::Dense(bits) => bits[id as usize / 64] |= 1 << (id % 64),
        }
    }
    /// The ids, ascending.
    pub fn to_vec(&self) -> Vec<u32> {
        match self {
            IdSet::Sparse(v) => v.clone(),
            IdSet::Dense(bits) => bits
                .iter()
                .enumerate()
                .flat_map(|(w, word)| {
                    (0..64)
                        .filter(move |b| word & (1 << b) != 0)
                        .map(move |b| (w * 64 + b) as u32)
                })
                .collect(),
        }
    }
    pub fn is_empty(&self) -> bool {
        match self {
            IdSet::Sparse(v) => v.is_empty(),
            IdSet::Dense(bits) => bits.iter().all(|w| *w == 0),
        }
    }
}

/// Encodes ascending ids below `n` as text: base64 of either `0` + the gaps as LEB128
/// varints, or `1` + a bit map of `n` bits — whichever is shorter. Empty for no ids.
pub fn encode_ids(ids: &[u32], n: u32) -> String {
    if ids.is_empty() {
        return String::new();
    }
    let mut gaps = vec![0u8];
    let mut prev = 0u32;
    for (i, id) in ids.iter().enumerate() {
        let mut gap = if i == 0 { *id } else { id - prev - 1 };
        prev = *id;
        loop {
            let byte = (gap & 0x7f) as u8;
            gap >>= 7;
            if gap == 0 {
                gaps.push(byte);
                break;
            }
            gaps.push(byte | 0x80);
        }
    }
    let map_len = 1 + (n as usize).div_ceil(8);
    let bytes = if map_len < gaps.len() {
        let mut map = vec![0u8; map_len];
        map[0] = 1;
        for id in ids {
            map[1 + *id as usize / 8] |= 1 << (id % 8);
        }
        map
    } else {
        gaps
    };
    base64::engine::general_purpose::STANDARD_NO_PAD.encode(bytes)
}

/// Reads what [`encode_ids`] wrote; ids at or above `n` are an error.
pub fn decode_ids(text: &str, n: u32) -> Result<Vec<u32>, String> {
    if text.is_empty() {
        return Ok(Vec::new());
    }
    let bytes = base64::engine::general_purpose::STANDARD_NO_PAD
        .decode(text)
        .map_err(|e| format!("postings: {e}"))?;
    let mut out = Vec::new();
    match bytes.split_first() {
        Some((0, rest)) => {
            let (mut value, mut shift, mut next) = (0u32, 0u32, 0u32);
            for b in rest {
                if shift > 28 {
                    return Err("postings: number too long".into());
                }
                value |= u32::from(b & 0x7f) << shift;
                shift += 7;
                if b & 0x80 == 0 {
                    let id = next.checked_add(value).ok_or("postings: overflow")?;
                    out.push(id);
                    next = id + 1;
                    value = 0;
                    shift = 0;
                }
            }
        }
        Some((1, map)) => {
            for (i, byte) in map.iter().enumerate() {
                for bit in 0..8 {
                    if byte & (1 << bit) != 0 {
                        out.push((i * 8 + bit) as u32);
                    }
                }
            }
        }
        _ => return Err("postings: unknown encoding".into()),
    }
    match out.last() {
        Some(last) if *last >= n => Err(format!("postings: bundle {last} of {n}")),
        _ => Ok(out),
    }
}

/// A term's bundles: those whose texts contain it, those whose names do.
pub type Ids = (Vec<u32>, Vec<u32>);

/// The shard a term is in: by the hash of the term; pinyin terms (`~nc`) by their first letter
/// only, so the many readings of a pinyin query need a few shards, not one per pair of letters.
pub fn shard_of(term: &str, shards: usize) -> usize {
    let key = match term.strip_prefix('~') {
        Some(rest) => &term[..1 + rest.chars().next().map_or(0, char::len_utf8)],
        None => term,
    };
    (fnv1a64(&[key.as_bytes()]) % shards.max(1) as u64) as usize
}

/// `root.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SearchRoot {
    /// Always "gongkai-search".
    pub format: String,
    pub version: u32,
    /// Bundles indexed (ids are 0..bundles, in catalog order).
    pub bundles: u32,
    /// File of each shard under `s/`, by shard number (a power of two of them).
    pub shards: Vec<String>,
    /// File of each block of [`BLOCK`] bundles under `d/`.
    pub blocks: Vec<String>,
    /// The readings file (pinyin of every character of the site).
    pub readings: String,
}

/// A shard: its terms, sorted, each with the bundles whose texts contain it and those whose
/// names do ([`encode_ids`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Shard {
    pub format: String,
    pub version: u32,
    pub terms: Vec<(String, String, String)>,
}

/// What a result names of a bundle.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Doc {
    pub department: String,
    pub region: String,
    pub fiscal_year: i32,
    pub kind: crate::DocumentKind,
    /// Folder of its pages under `b/`.
    pub folder: String,
    /// 支出合计 as published (absent when the bundle states none), and its unit.
    #[serde(with = "crate::amount::opt")]
    pub total: Option<rust_decimal::Decimal>,
    pub unit: String,
    /// Its fragment file under `f/`.
    pub fragment: String,
}

/// A block of docs: bundles `first..first+docs.len()`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocBlock {
    pub format: String,
    pub version: u32,
    pub first: u32,
    pub docs: Vec<Doc>,
}

/// Content-hashed file name: `<stem>.<16 hex digits>.<ext>`.
pub fn hashed_name(stem: &str, ext: &str, content: &[u8]) -> String {
    format!("{stem}.{:016x}.{ext}", fnv1a64(&[content]))
}

/// The index files of a site (paths relative to [`SEARCH_INDEX_DIR`]) and their content.
#[derive(Debug, Clone, PartialEq)]
pub struct IndexFiles {
    pub root: SearchRoot,
    pub files: Vec<(String, String)>,
}

/// Postings of every term, for building shards: term → (all, names).
#[derive(Debug, Clone, Default)]
pub struct Postings {
    pub n: u32,
    pub terms: HashMap<String, (IdSet, IdSet)>,
}

impl Postings {
    /// No postings yet, for `n` bundles.
    pub fn new(n: u32) -> Postings {
        Postings {
            n,
            terms: HashMap::new(),
        }
    }

    /// Adds the terms of bundle `id`.
    pub fn add(&mut self, id: u32, t: &BundleTerms) {
        let n = self.n;
        for term in &t.all {
            match self.terms.get_mut(term.as_str()) {
                Some(e) => e.0.push(id, n),
                None => {
                    let mut e = (IdSet::default(), IdSet::default());
                    e.0.push(id, n);
                    self.terms.insert(term.clone(), e);
                }
            }
        }
        for term in &t.names {
            self.terms.entry(term.clone()).or_default().1.push(id, n);
        }
    }

    /// Postings of `terms` (bundle `i` = `terms[i]`).
    pub fn of(terms: &[&BundleTerms]) -> Postings {
        let n = terms.len() as u32;
        let mut p = Postings {
            n,
            terms: HashMap::new(),
        };
        for (id, t) in terms.iter().enumerate() {
            let id = id as u32;
            for term in &t.all {
                p.terms.entry(term.clone()).or_default().0.push(id, n);
            }
            for term in &t.names {
                p.terms.entry(term.clone()).or_default().1.push(id, n);
            }
        }
        p
    }

    /// The shards: as many as the encoded index over [`SHARD_TARGET_BYTES`], rounded up to a
    /// power of two (1 to 4096), each a sorted JSON file named by its content.
    pub fn shards(&self) -> Vec<(String, String)> {
        let mut encoded: Vec<(&String, String, String)> = self
            .terms
            .iter()
            .map(|(t, (all, names))| {
                (
                    t,
                    encode_ids(&all.to_vec(), self.n),
                    encode_ids(&names.to_vec(), self.n),
                )
            })
            .collect();
        encoded.sort_by(|a, b| a.0.cmp(b.0));
        let bytes: usize = encoded.iter().map(|(t, a, b)| t.len() + a.len() + b.len() + 8).sum();
        let count = bytes.div_ceil(SHARD_TARGET_BYTES).clamp(1, 4096).next_power_of_two();
        let mut shards: Vec<Vec<(String, String, String)>> = vec![Vec::new(); count];
        for (t, a, b) in encoded {
            shards[shard_of(t, count)].push((t.clone(), a, b));
        }
        shards
            .into_iter()
            .enumerate()
            .map(|(i, terms)| {
                let json = serde_json::to_string(&Shard {
                    format: "gongkai-search-shard".into(),
                    version: 1,
                    terms,
                })
                .expect("a shard serialises");
                (hashed_name(&i.to_string(), "json", json.as_bytes()), json)
            })
            .collect()
    }
}

/// Builds the index files from the postings, the docs (by bundle id) and the readings text.
pub fn index_files(postings: &Postings, docs: &[Doc], readings: &str) -> IndexFiles {
    let mut files = Vec::new();
    let mut root = SearchRoot {
        format: "gongkai-search".into(),
        version: 1,
        bundles: postings.n,
        shards: Vec::new(),
        blocks: Vec::new(),
        readings: hashed_name("readings", "txt", readings.as_bytes()),
    };
    for (name, json) in postings.shards() {
        root.shards.push(name.clone());
        files.push((format!("s/{name}"), json));
    }
    for (i, chunk) in docs.chunks(BLOCK).enumerate() {
        let json = serde_json::to_string(&DocBlock {
            format: "gongkai-search-docs".into(),
            version: 1,
            first: (i * BLOCK) as u32,
            docs: chunk.to_vec(),
        })
        .expect("docs serialise");
        let name = hashed_name(&i.to_string(), "json", json.as_bytes());
        root.blocks.push(name.clone());
        files.push((format!("d/{name}"), json));
    }
    files.push((root.readings.clone(), readings.to_string()));
    IndexFiles { root, files }
}

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

impl Shard {
    /// Reads a shard; `file` names it in errors.
    pub fn parse(text: &str, file: &str) -> Result<Shard, String> {
        let s: Shard = serde_json::from_str(text).map_err(|e| format!("{file}: {e}"))?;
        if s.format != "gongkai-search-shard" || s.version != 1 {
            return Err(format!("{file}: not a search shard of version 1"));
        }
        Ok(s)
    }
    /// The (all, names) ids of `term`, if the shard has it.
    pub fn lookup(&self, term: &str, n: u32) -> Option<Result<Ids, String>> {
        let i = self.terms.binary_search_by(|(t, ..)| t.as_str().cmp(term)).ok()?;
        let (_, all, names) = &self.terms[i];
        Some(decode_ids(all, n).and_then(|a| Ok((a, decode_ids(names, n)?))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_readings(_: char) -> u32 {
        0
    }

    #[test]
    fn ids_round_trip_in_both_encodings() {
        for (ids, n) in [
            (vec![], 10),
            (vec![0], 1),
            (vec![3, 4, 200, 70_000], 100_000),
            ((0..1000).collect::<Vec<u32>>(), 1000),
            ((0..1000).step_by(3).collect(), 1000),
        ] {
            let text = encode_ids(&ids, n);
            assert_eq!(decode_ids(&text, n).unwrap(), ids, "{text}");
        }
        // Dense lists take the bit map: 1,000 ids in 126 bytes, not 1,001.
        assert!(encode_ids(&(0..1000).collect::<Vec<_>>(), 1000).len() < 200);
        assert!(decode_ids(&encode_ids(&[5], 10), 5).is_err(), "id beyond the bundles");
        assert!(decode_ids("Ag", 10).is_err(), "unknown encoding");
        let mut set = IdSet::default();
        for id in (0..500).step_by(7) {
            set.push(id, 500);
        }
        assert!(matches!(set, IdSet::Dense(_)));
        assert_eq!(set.to_vec(), (0..500).step_by(7).collect::<Vec<_>>());
    }

    #[test]
    fn terms_cover_every_substring_query() {
        let initials = |c: char| match c {
            '农' => 1 << (b'n' - b'a'),
            '村' => 1 << (b'c' - b'a'),
            _ => 0,
        };
        let mut terms = BTreeSet::new();
        text_terms("推进农村电子商务，科目 2010101 Ab", &initials, &mut terms);
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

    #[test]
    fn shards_round_trip_and_candidates_rank_names_first() {
        let t = |all: &[&str], names: &[&str]| BundleTerms {
            all: all.iter().map(|s| s.to_string()).collect(),
            names: names.iter().map(|s| s.to_string()).collect(),
        };
        let bundles = [
            t(&["财政", "政局", "教育"], &[]),
            t(&["财政", "政局"], &["财政", "政局"]),
            t(&["教育"], &["教育"]),
        ];
        let refs: Vec<&BundleTerms> = bundles.iter().collect();
        let postings = Postings::of(&refs);
        let shards = postings.shards();
        assert_eq!(shards.len(), 1);
        let shard = Shard::parse(&shards[0].1, "s").unwrap();
        let lookup = |term: &str| shard.lookup(term, 3).map(|r| r.unwrap());
        assert_eq!(lookup("财政"), Some((vec![0, 1], vec![1])));
        assert_eq!(lookup("不在"), None);
        let plan = plan_query("财政局");
        assert_eq!(plan.candidates(&lookup), (vec![1, 0], 1), "name match first");
        assert_eq!(plan_query("教育").candidates(&lookup), (vec![2, 0], 1));
        assert!(plan_query("卫生").candidates(&lookup).0.is_empty());
        // The same postings give the same files, names carry their content's hash.
        assert_eq!(Postings::of(&refs).shards(), shards);
        assert!(shards[0].0.starts_with("0.") && shards[0].0.ends_with(".json"));
        let _ = no_readings('a');
    }
}
