//! Hooks: one per file.

pub mod use_bundle;
pub mod use_route;
pub mod use_width;
