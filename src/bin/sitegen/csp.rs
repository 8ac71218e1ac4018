//! The Content-Security-Policy every page ships with, as a `<meta>` tag (and
//! documented in the README as a header for hosts that can set one).
//!
//! Only the site's own origin may serve scripts, styles, images and data; no
//! `unsafe-eval` and no `unsafe-inline`: the page's inline scripts (trunk's wasm
//! loader, the display choices, `public/chart-early.js`) and its inline
//! stylesheet are allowed by their SHA-256 hashes, and WebAssembly compilation
//! by `wasm-unsafe-eval`, which allows nothing else. Style attributes stay
//! blocked (the charts' pictures use presentation attributes instead).

use base64::Engine;
use sha2::{Digest, Sha256};

/// The policy for pages made from these HTML templates: every inline script
/// and stylesheet in them is allowed by its hash, and nothing else inline.
pub fn policy(templates: &[&str]) -> String {
    let hashes = |tag: &str| {
        let mut hashes: Vec<String> = templates
            .iter()
            .flat_map(|t| inline_contents(t, tag))
            .map(|s| {
                format!("'sha256-{}'", base64::engine::general_purpose::STANDARD.encode(Sha256::digest(s.as_bytes())))
            })
            .collect();
        hashes.sort();
        hashes.dedup();
        hashes.join(" ")
    };
    [
        "default-src 'none'".to_string(),
        format!("script-src 'self' 'wasm-unsafe-eval' {}", hashes("script")).trim_end().to_string(),
        format!("style-src 'self' {}", hashes("style")).trim_end().to_string(),
        "img-src 'self' data: blob:".to_string(),
        "connect-src 'self'".to_string(),
        "base-uri 'self'".to_string(),
        "form-action 'none'".to_string(),
    ]
    .join("; ")
}

/// The contents of every `<tag>` element without a `src` in `html`.
fn inline_contents<'a>(html: &'a str, tag: &str) -> Vec<&'a str> {
    let (open, close_tag) = (format!("<{tag}"), format!("</{tag}>"));
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find(&open) {
        let tag_end = match rest[start..].find('>') {
            Some(i) => start + i + 1,
            None => break,
        };
        let close = match rest[tag_end..].find(&close_tag) {
            Some(i) => tag_end + i,
            None => break,
        };
        if !rest[start..tag_end].contains(" src=") {
            out.push(&rest[tag_end..close]);
        }
        rest = &rest[close + close_tag.len()..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_scripts_and_styles_are_found_and_hashed() {
        let html = r#"<script src="a.js" defer></script><script type="module">init();</script><style>p{}</style>"#;
        assert_eq!(inline_contents(html, "script"), vec!["init();"]);
        assert_eq!(inline_contents(html, "style"), vec!["p{}"]);
        // Templates sharing a script (the three page builds) list its hash once.
        let p = policy(&[html, html]);
        // The hashes computed independently: printf 'init();' | openssl dgst -sha256 -binary | base64
        assert!(
            p.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-GEnM5q1nYY/iACnyMTdov+tNp9OFcBnnDgNXUXaVNXc=';"),
            "{p}"
        );
        // printf 'p{}' | openssl dgst -sha256 -binary | base64
        assert!(p.contains("style-src 'self' 'sha256-gG2yISYereRMiG2lMXrbiUgi0Ubw9p7QCeWcroOvy9Y=';"), "{p}");
        assert!(!p.contains("unsafe-eval'") || p.contains("'wasm-unsafe-eval'"));
        assert!(!p.contains("unsafe-inline"));
        assert!(p.starts_with("default-src 'none'"));
    }
}
