//! The language switch: one button naming the other language in that language ("English" /
//! "中文"), so a person who cannot read the current one still finds it.

use gongkai_model::i18n::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LangSwitchProps {
    pub lang: Lang,
    pub on_switch: Callback<Lang>,
}

#[component]
pub fn LangSwitch(props: &LangSwitchProps) -> Html {
    let other = match props.lang {
        Lang::Zh => Lang::En,
        Lang::En => Lang::Zh,
    };
    let onclick = {
        let on_switch = props.on_switch.clone();
        Callback::from(move |_| on_switch.emit(other))
    };
    html! {
        <button type="button" class="lang-switch" id="lang-switch" lang={other.code()} {onclick}>
            { other.native_name() }
        </button>
    }
}
