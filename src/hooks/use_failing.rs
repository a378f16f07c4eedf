//! The figures of the loaded bundle that take part in a failing check, for marking them in every
//! view (see `gongkai_model::FailingFigures`). Computed once per bundle; the checks' labels are
//! shown in the page's language where they are used.

use crate::components::use_loaded;
use gongkai_model::{reconcile, FailingFigures};
use std::rc::Rc;
use yew::prelude::*;

#[hook]
pub fn use_failing() -> Rc<FailingFigures> {
    let ctx = use_loaded();
    let memo = use_memo(ctx, |c| FailingFigures::of(&reconcile(&c.0.bundle)));
    Rc::clone(&memo)
}
