//! The command line, as clap's derive reads it: every command, option, help text and example.
//! `main.rs` runs what it parses.

use clap::{Args, Parser, Subcommand, ValueEnum};
use gongkai_model::i18n::Lang;
use std::path::PathBuf;

/// What `gongkai --help` ends with: the exit codes every command shares.
const EXIT_CODES: &str = "\
Exit status (every command):
  0  done, every check holds
  1  written, but figures do not add up (a failing check), or the publishing gate refused them
  2  a file cannot be read, a fact is missing, or the command line is wrong

Examples:
  gongkai import county/ -o bundles/             a county's folder of published files → bundles
  gongkai site bundles/ -o site/                 bundles + the built viewer → a deployable site
  gongkai validate bundles/某县财政局-2024.json   every check of one bundle
  gongkai completions bash > ~/.local/share/bash-completion/completions/gongkai";

#[derive(Parser, Debug)]
#[command(
    name = "gongkai",
    version,
    about = "部门预算公开 documents → Gongkai bundles → a deployable site",
    long_about = "gongkai — 部门预算公开 documents → Gongkai bundles → a deployable site.\n\nImport published disclosures (PDF, Word, Excel, text) into bundles, check that their figures add up, and build the static site of the viewer.",
    after_help = EXIT_CODES,
    arg_required_else_help = true,
    propagate_version = true
)]
pub struct Cli {
    /// Language of the check texts and messages: zh (简体中文, default) or en.
    #[arg(long, global = true, value_name = "zh|en", value_parser = parse_lang)]
    pub lang: Option<Lang>,
    /// No progress lines or bars (results and errors are still printed).
    #[arg(long, short = 'q', global = true)]
    pub quiet: bool,
    #[command(subcommand)]
    pub command: Command,
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::parse(s).ok_or_else(|| "--lang takes zh or en".to_string())
}

fn parse_year(s: &str) -> Result<i32, String> {
    s.parse::<i32>()
        .ok()
        .filter(|y| (1949..=2100).contains(y))
        .ok_or_else(|| "--year takes a year between 1949 and 2100, e.g. --year 2017".to_string())
}

fn parse_count(s: &str) -> Result<usize, String> {
    s.parse::<usize>()
        .ok()
        .filter(|n| *n > 0)
        .ok_or_else(|| format!("--count {s}: give a whole number above 0"))
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Read published documents into bundles: the files of one disclosure, or whole folders.
    #[command(
        long_about = "Read a disclosure (.pdf; .docx; .xlsx/.xls; .txt or .html in UTF-8, UTF-16 or GBK, also text taken out of a PDF with pdftotext) and write a bundle (stdout without -o). Several files of one disclosure (the narrative and the tables published apart) make one bundle. The standard tables (功能分类/经济分类 budget lines) are read into the bundle's tables; each figure keeps its file, page and line. A year or a department the document does not state is never guessed: the import stops (exit 2) and names the option that supplies it. A PDF is given 10 s (GONGKAI_PDF_SECONDS) at most. The import report (sections found/missing, skipped lines) is printed to stderr.\n\nFolders (a county's published files): give one or more folders and -o a folder of bundles. Every file under them is read (in parallel), the files of one disclosure (same department, year and kind) are imported together, one bad file never stops the others, and a summary lists every file: imported, failing checks, needs a fact, unreadable. Facts a document does not state come from OUT/answers.toml, which the first run writes with blanks to fill in; OUT/import-report.json is the same summary for programs. Running it again imports only what changed (OUT/.gongkai-import/manifest.json).",
        after_help = "Examples:\n  gongkai import 说明.pdf 公开表.pdf -o bundle.json     one disclosure, published as two files\n  gongkai import 表.layout.txt --department 江苏省政协办公厅  a fact the document does not state\n  gongkai import county/ -o bundles/ --province 江苏省 --city 南京市   a county's folder\n\nExit status: 0 every check holds; 1 written but a check fails; 2 a file cannot be read or a fact is missing (a folder: any file)."
    )]
    Import(ImportArgs),
    /// Print the text Gongkai reads from a document.
    #[command(
        long_about = "Print the text Gongkai reads from a document: a PDF's pages laid out in columns as printed (form feed between pages), a Word or Excel file's tables laid out, text decoded.",
        after_help = "Example:\n  gongkai text 公开表.pdf | less"
    )]
    Text {
        /// The document (.pdf, .docx, .xlsx/.xls, .txt).
        #[arg(value_name = "DOC")]
        doc: PathBuf,
    },
    /// Check a bundle's schema and every reconciliation; one line per check.
    #[command(
        after_help = "Example:\n  gongkai validate --lang en data/pingxiang-fgj-2017.json\n\nExit status: 0 every check holds, 1 a check fails, 2 the file cannot be read or parsed."
    )]
    Validate {
        #[arg(value_name = "BUNDLE.json")]
        bundle: PathBuf,
    },
    /// Write a bundle's tables as CSV, or as a Fiscal Data Package.
    #[command(
        after_help = "Examples:\n  gongkai export b.json --csv out/   绩效指标/职责活动/国有资产/数据核对 .csv (UTF-8 with BOM, for Excel)\n  gongkai export b.json --fdp fdp/   datapackage.json, budget.csv in yuan, indicators.csv, assets.csv"
    )]
    Export(ExportArgs),
    /// Print the JSON Schema of the bundle format.
    Schema,
    /// The gate before publishing: every bundle DATA_DIR/index.json lists reads and all its checks hold.
    #[command(
        after_help = "Example:\n  gongkai publish-check dist/data\n\nExit status: 0 publishable, 1 a bundle's checks fail (named), 2 a bundle cannot be read."
    )]
    PublishCheck {
        #[arg(value_name = "DATA_DIR")]
        dir: PathBuf,
        /// Publish bundles whose checks fail anyway (their pages carry the notice).
        #[arg(long)]
        allow_failing_checks: bool,
    },
    /// Make a deployable site from the built viewer and a folder of bundles.
    #[command(
        long_about = "Make a deployable site from the built viewer (default dist/, from trunk build --release) and a folder of bundles (default: the viewer's data/): data/index.json made when the folder has none, the publishing gate (as publish-check), every view of every bundle in both languages as a page of its own (rendered by the viewer's components, readable without scripts), the Content-Security-Policy, the offline list, robots.txt, and .gz/.br copies. No Trunk, node or Rust toolchain is needed to publish new data.\n\nA province (above 200 bundles, or --province; --pages: every view a page whatever the size): the catalog in areas (data/areas/), each bundle's overview a page, a home page of areas, a page per area, and search across every bundle from a sharded index. Built on every core; a bundle whose file, area, viewer and address are unchanged is not built again (_build/ keeps the records).",
        after_help = "Examples:\n  gongkai site bundles/ -o site/ --url https://x.gov.cn/budget/\n  gongkai site /tmp/province -o site/ --province --part \"样例省 样例01市\"   one region…\n  gongkai site /tmp/province -o site/ --province --merge                  …then the roots\n\nExit status: 0 built; 2 a bundle cannot be read, the publishing gate refused, or bad usage."
    )]
    Site(SiteArgs),
    /// Write N made-up bundles of 样例省 (test data for benchmarks; never publish it).
    #[command(
        long_about = "Write N made-up bundles of 样例省 derived from real ones (renamed departments, counties and years; amounts multiplied by 1 to 4 so every check still holds; titled 【生成数据】 with a note saying so) and their index.json into the empty folder DIR: a province for benchmarks and tests. Never publish it.",
        after_help = "Example:\n  gongkai generate --from data/pingxiang-fgj-2017.json --count 10000 -o /tmp/province"
    )]
    Generate(GenerateArgs),
    /// Print the manual page (roff, for man).
    #[command(after_help = "Example:\n  gongkai man > ~/.local/share/man/man1/gongkai.1 && man gongkai")]
    Man,
    /// Print a shell completion script (bash, zsh, fish, powershell).
    #[command(
        after_help = "Examples:\n  gongkai completions bash > ~/.local/share/bash-completion/completions/gongkai\n  gongkai completions zsh > ~/.zfunc/_gongkai\n  gongkai completions fish > ~/.config/fish/completions/gongkai.fish"
    )]
    Completions {
        #[arg(value_enum)]
        shell: Shell,
    },
}

#[derive(Args, Debug)]
pub struct ImportArgs {
    /// The files of one disclosure, or folders of published files (a batch).
    #[arg(value_name = "DOC_OR_DIR", required = true)]
    pub inputs: Vec<PathBuf>,
    /// Where the bundle goes (stdout without it); for folders, the folder of bundles.
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// The province, recorded in the bundle's region (documents rarely state it).
    #[arg(long)]
    pub province: Option<String>,
    /// The city, recorded in the bundle's region.
    #[arg(long)]
    pub city: Option<String>,
    /// Web address the document was published at.
    #[arg(long)]
    pub url: Option<String>,
    /// The fiscal year, when the document does not state it (never guessed).
    #[arg(long, value_name = "YYYY", value_parser = parse_year)]
    pub year: Option<i32>,
    /// The department, when the document does not name it (never guessed).
    #[arg(long, value_name = "NAME")]
    pub department: Option<String>,
    /// Folders: the answers file (default OUT/answers.toml).
    #[arg(long, value_name = "FILE")]
    pub answers: Option<PathBuf>,
    /// Folders: how many files are read at once (default: every core).
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<usize>,
}

#[derive(Args, Debug)]
pub struct ExportArgs {
    #[arg(value_name = "BUNDLE.json")]
    pub bundle: PathBuf,
    /// Write the tables as CSV into DIR.
    #[arg(long, value_name = "DIR", required_unless_present = "fdp", conflicts_with = "fdp")]
    pub csv: Option<PathBuf>,
    /// Write a Fiscal Data Package into DIR.
    #[arg(long, value_name = "DIR")]
    pub fdp: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct SiteArgs {
    /// The folder of bundles (default: the viewer's data/).
    #[arg(value_name = "DATA_DIR")]
    pub data: Option<PathBuf>,
    /// The built viewer.
    #[arg(long, value_name = "DIST", default_value = "dist")]
    pub viewer: PathBuf,
    /// Where the site goes (default site/).
    #[arg(short, long, value_name = "OUT", conflicts_with = "in_place")]
    pub output: Option<PathBuf>,
    /// Finish the viewer folder itself (the build's post-build step does this).
    #[arg(long)]
    pub in_place: bool,
    /// The site's address, https://…/ (or GONGKAI_SITE_URL): canonical links, sharing, sitemap.xml.
    #[arg(long, value_name = "URL")]
    pub url: Option<String>,
    /// Publish bundles whose checks fail (their pages carry the notice).
    #[arg(long)]
    pub allow_failing_checks: bool,
    /// Leave out the .gz/.br copies (a quick preview).
    #[arg(long)]
    pub no_precompress: bool,
    /// Build a province whatever the number of bundles.
    #[arg(long, conflicts_with = "pages")]
    pub province: bool,
    /// Every view a page whatever the number of bundles.
    #[arg(long)]
    pub pages: bool,
    /// A province: build only the bundles whose region starts with REGION.
    #[arg(long, value_name = "REGION", conflicts_with = "merge")]
    pub part: Option<String>,
    /// A province: write the roots (areas, search index, home and area pages) from the parts.
    #[arg(long)]
    pub merge: bool,
}

#[derive(Args, Debug)]
pub struct GenerateArgs {
    /// A real bundle to derive from (repeat for more).
    #[arg(long, value_name = "BUNDLE.json", required = true)]
    pub from: Vec<String>,
    /// How many bundles.
    #[arg(long, value_name = "N", value_parser = parse_count)]
    pub count: usize,
    /// The empty folder they go in.
    #[arg(short, long, value_name = "DIR")]
    pub output: PathBuf,
}

/// Shells `gongkai completions` writes a script for.
#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
    Powershell,
}

impl From<Shell> for clap_complete::Shell {
    fn from(s: Shell) -> Self {
        match s {
            Shell::Bash => clap_complete::Shell::Bash,
            Shell::Zsh => clap_complete::Shell::Zsh,
            Shell::Fish => clap_complete::Shell::Fish,
            Shell::Powershell => clap_complete::Shell::PowerShell,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }
}
