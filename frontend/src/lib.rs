//! The browser entry: hydrates the server-rendered page.
// Views of the live board nest deeply; their types need more room than the default.
#![recursion_limit = "256"]

use wasm_bindgen::prelude::wasm_bindgen;

#[wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    app::hydrate();
}
