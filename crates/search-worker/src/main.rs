//! The search worker: answers each [`ReadingsRequest`] (`{chars: "农村…"}`) with a
//! [`ReadingsAnswer`] (`{readings: "农 nong\n村 cun\n…"}`, see `gongkai_model::search::Readings`),
//! the plain pinyin of those characters from the `pinyin` crate; the messages go through
//! `gongkai_worker`. The viewer fetches this worker only when a person first searches, so the
//! reading tables are not part of the first view.

use gongkai_model::search::Readings;
use gongkai_worker::protocol::{ReadingsAnswer, ReadingsRequest};

fn main() {
    gongkai_worker::serve(|q: ReadingsRequest, _| {
        Ok(ReadingsAnswer {
            readings: Readings::for_chars(&q.chars).to_text(),
        })
    });
}
