//! Saving something the page made (a chart picture) as a file on the reader's device.

use wasm_bindgen::{closure::Closure, JsCast, JsValue};

fn click_link(name: &str, href: &str) -> Result<(), JsValue> {
    let document = leptos::prelude::document();
    let a: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    a.set_href(href);
    a.set_download(name);
    a.set_rel("noopener");
    let body = document.body().ok_or_else(|| JsValue::from_str("no body"))?;
    body.append_child(&a)?;
    a.click();
    body.remove_child(&a)?;
    Ok(())
}

fn blob_url(text: &str, mime: &str) -> Result<String, JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    web_sys::Url::create_object_url_with_blob(&blob)
}

/// Saves text as a file.
pub fn save_text(name: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    let url = blob_url(text, mime)?;
    click_link(name, &url)?;
    web_sys::Url::revoke_object_url(&url)
}

/// Draws an SVG document onto a canvas `scale` times its size and saves it as PNG.
pub fn save_svg_as_png(name: &str, svg: &str, width: u32, height: u32, scale: u32) -> Result<(), JsValue> {
    let url = blob_url(svg, "image/svg+xml;charset=utf-8")?;
    let image = web_sys::HtmlImageElement::new()?;
    let (name, img) = (name.to_string(), image.clone());
    let url_done = url.clone();
    let onload = Closure::once_into_js(move || {
        let draw = || -> Result<(), JsValue> {
            let canvas: web_sys::HtmlCanvasElement =
                leptos::prelude::document().create_element("canvas")?.unchecked_into();
            canvas.set_width(width * scale);
            canvas.set_height(height * scale);
            let ctx: web_sys::CanvasRenderingContext2d =
                canvas.get_context("2d")?.ok_or_else(|| JsValue::from_str("no 2d context"))?.unchecked_into();
            ctx.draw_image_with_html_image_element_and_dw_and_dh(
                &img,
                0.0,
                0.0,
                f64::from(width * scale),
                f64::from(height * scale),
            )?;
            click_link(&name, &canvas.to_data_url_with_type("image/png")?)
        };
        if let Err(e) = draw() {
            web_sys::console::error_1(&e);
        }
        let _ = web_sys::Url::revoke_object_url(&url_done);
    });
    image.set_onload(Some(onload.unchecked_ref()));
    image.set_src(&url);
    Ok(())
}
