//! A list filtered as you type and shown a page at a time: the filter text, the page shown,
//! and their callbacks (typing goes back to the first page).

use yew::prelude::*;

/// State of a filtered, paged list.
pub struct FilteredPages {
    pub filter: String,
    /// The page asked for, from 0 (clamp it to the number of pages).
    pub page: usize,
    pub oninput: Callback<InputEvent>,
    pub on_page: Callback<usize>,
}

#[hook]
pub fn use_filtered_pages() -> FilteredPages {
    let filter = use_state(String::new);
    let page = use_state(|| 0usize);
    let oninput = {
        let (filter, page) = (filter.clone(), page.clone());
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            filter.set(input.value());
            page.set(0);
        })
    };
    let on_page = {
        let page = page.clone();
        Callback::from(move |p: usize| page.set(p))
    };
    FilteredPages {
        filter: (*filter).clone(),
        page: *page,
        oninput,
        on_page,
    }
}
