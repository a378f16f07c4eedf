//! The language switch: one link naming the other language in that language ("English" /
//! "中文"), so a person who cannot read the current one still finds it. It leads to this page in
//! that language; with scripts the app switches in place.

use gongkai_model::i18n::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LangSwitchProps {
    pub lang: Lang,
    pub on_switch: Callback<Lang>,
}

#[component]
pub fn LangSwitch(props: &LangSwitchProps) -> Html {
    let base = crate::route::use_link_base();
    let other = match props.lang {
        Lang::Zh => Lang::En,
        Lang::En => Lang::Zh,
    };
    // A link to this page in the other language (it works without scripts); with them the
    // app switches in place.
    let route = use_context::<crate::route::Route>().unwrap_or(crate::route::Route::Overview);
    let href = base.href_on(route, gongkai_model::route::lang_folder(other), &base.bundle);
    let onclick = {
        let on_switch = props.on_switch.clone();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            on_switch.emit(other)
        })
    };
    html! {
        <a class="lang-switch" id="lang-switch" lang={other.code()} hreflang={other.code()} {href} {onclick}>
            { other.native_name() }
        </a>
    }
}
