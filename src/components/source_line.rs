//! The 数据来源 line at the foot of every page: the published title on one line, cut with an
//! ellipsis when it does not fit; hovering or focusing it (Tab reaches it) shows it whole.

use gongkai_model::tr;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SourceLineProps {
    /// `meta.title` as published (may be long or span lines; the validator warns of both).
    pub title: AttrValue,
}

#[component]
pub fn SourceLine(props: &SourceLineProps) -> Html {
    let lang = crate::hooks::use_lang::use_lang();
    // Line breaks and runs of spaces read as one space, so the title stays one line.
    let one_line = props.title.split_whitespace().collect::<Vec<_>>().join(" ");
    html! {
        <p class="source-line" id="source-line" tabindex="0">{ tr!(lang, "app.source", one_line) }</p>
    }
}
