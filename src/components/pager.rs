//! Paging for long lists (a province's areas, an area's departments): previous / next and
//! "page 2 of 7", as buttons the keyboard reaches; the list keeps its place in the tab order.

use gongkai_model::tr;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PagerProps {
    /// The page shown, from 0.
    pub page: usize,
    /// Number of pages (at least 1).
    pub pages: usize,
    pub on_page: Callback<usize>,
    /// What the list is, for screen readers ("地区分页").
    pub label: AttrValue,
}

#[component]
pub fn Pager(props: &PagerProps) -> Html {
    let lang = crate::hooks::use_lang::use_lang();
    if props.pages <= 1 {
        return html! {};
    }
    let go = |to: usize| {
        let on_page = props.on_page.clone();
        Callback::from(move |_: MouseEvent| on_page.emit(to))
    };
    html! {
        <nav class="pager" aria-label={props.label.clone()}>
            <button type="button" class="prev" disabled={props.page == 0} onclick={go(props.page.saturating_sub(1))}>{ tr!(lang, "site.prev") }</button>
            <span role="status">{ tr!(lang, "site.page", props.page + 1, props.pages) }</span>
            <button type="button" class="next" disabled={props.page + 1 >= props.pages} onclick={go(props.page + 1)}>{ tr!(lang, "site.next") }</button>
        </nav>
    }
}

/// One page of a list.
pub struct PageOf<'a, T> {
    /// The page shown (the one asked for, or the last).
    pub at: usize,
    /// Number of pages (at least 1).
    pub pages: usize,
    pub shown: &'a [T],
    /// 1-based number of the first item shown (0 when none).
    pub first: usize,
    /// Number of the last item shown.
    pub last: usize,
}

/// Page `page` of `items`, `per_page` a page.
pub fn page_of<T>(items: &[T], page: usize, per_page: usize) -> PageOf<'_, T> {
    let pages = items.len().div_ceil(per_page).max(1);
    let at = page.min(pages - 1);
    let shown = &items[(at * per_page).min(items.len())..((at + 1) * per_page).min(items.len())];
    PageOf {
        at,
        pages,
        shown,
        first: at * per_page + usize::from(!shown.is_empty()),
        last: at * per_page + shown.len(),
    }
}
