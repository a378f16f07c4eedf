//! Hooks: one per file.

pub mod use_bundle;
pub mod use_failing;
pub mod use_filtered_pages;
pub mod use_kiosk;
pub mod use_lang;
pub mod use_painted;
pub mod use_post_height;
pub mod use_route;
pub mod use_width;
