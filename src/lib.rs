//! Gongkai web viewer (Yew CSR). Views are thin: all figures, checks and chart layouts come from
//! `gongkai_model`. Data flows one way: bundle JSON → loader → model → chart layout → view.

pub mod app;
pub mod components;
pub mod hooks;
pub mod loader;
pub mod panic_hook;
pub mod route;
