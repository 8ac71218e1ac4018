//! The QR code of each indicator page's address, for sharing on WeChat (which
//! has no share URL: Chinese sites show a code to scan). Drawn here at build
//! time as a static SVG, so showing it needs no script and no network.

use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

pub use gansu_eco_dashboard::share::QR_FILE as FILE;

/// A QR code of `url` as SVG: black modules on white with the standard quiet
/// zone, drawn with presentation attributes only (no `style`, which the site's
/// policy would block).
pub fn svg(url: &str) -> Result<String, String> {
    let code = QrCode::with_error_correction_level(url.as_bytes(), EcLevel::M).map_err(|e| format!("{url}: {e}"))?;
    Ok(code
        .render::<svg::Color>()
        .min_dimensions(200, 200)
        .dark_color(svg::Color("#000"))
        .light_color(svg::Color("#fff"))
        .build())
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_square_code_without_style_attributes() {
        let s = super::svg("https://example.org/gansu/indicator/AIR-02/").unwrap();
        assert!(s.contains("<svg") && s.contains(r##"fill="#000""##), "{s}");
        assert!(!s.contains("style="));
    }
}
