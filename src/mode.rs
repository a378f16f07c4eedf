//! How the viewer is shown, from the page URL: the full site, an embed in a portal's iframe
//! (`?embed=1`), or a town-hall kiosk (`?kiosk=1&idle=90&advance=20`).

/// The display mode of this page load.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DisplayMode {
    /// The county website: navigation, footer, file opener, embed dialog.
    Site,
    /// One view without site navigation; tells the parent page its height.
    Embed,
    /// Touch kiosk: large targets, no selection or context menu, no local files; after `idle_secs`
    /// without input it returns to the overview and then advances through the views every
    /// `advance_secs` until someone touches it.
    Kiosk { idle_secs: u32, advance_secs: u32 },
}

/// Default seconds without input before a kiosk starts its tour.
pub const DEFAULT_IDLE_SECS: u32 = 90;
/// Default seconds each view stays on screen during the tour.
pub const DEFAULT_ADVANCE_SECS: u32 = 20;

impl DisplayMode {
    /// Reads the mode from a URL query string such as "?kiosk=1&idle=60".
    pub fn from_query(query: &str) -> DisplayMode {
        let mut embed = false;
        let mut kiosk = false;
        let mut idle = DEFAULT_IDLE_SECS;
        let mut advance = DEFAULT_ADVANCE_SECS;
        for pair in query.trim_start_matches('?').split('&') {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            let on = !matches!(v, "0" | "false" | "no");
            let secs = v.parse::<u32>().ok().filter(|s| (1..=86_400).contains(s));
            match k {
                "embed" => embed = on,
                "kiosk" => kiosk = on,
                "idle" => idle = secs.unwrap_or(idle),
                "advance" => advance = secs.unwrap_or(advance),
                _ => {}
            }
        }
        if kiosk {
            DisplayMode::Kiosk {
                idle_secs: idle,
                advance_secs: advance,
            }
        } else if embed {
            DisplayMode::Embed
        } else {
            DisplayMode::Site
        }
    }

    /// The mode of the current page (the site's, for pages rendered at build time: they have
    /// no query).
    pub fn current() -> DisplayMode {
        DisplayMode::from_query(&crate::browser::search().unwrap_or_default())
    }
}
