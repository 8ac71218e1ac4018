//! The Content-Security-Policy every page ships with, as a `<meta>` tag (and
//! documented in the README as a header for hosts that can set one).
//!
//! Only the site's own origin may serve scripts, styles, images and data; no
//! `unsafe-eval` and no `unsafe-inline`: the one inline script (trunk's wasm
//! loader) is allowed by its SHA-256 hash, and WebAssembly compilation by
//! `wasm-unsafe-eval`, which allows nothing else.

use base64::Engine;
use sha2::{Digest, Sha256};

/// The policy for a page whose inline scripts are `inline_scripts`.
pub fn policy(inline_scripts: &[&str]) -> String {
    let hashes: Vec<String> = inline_scripts
        .iter()
        .map(|s| format!("'sha256-{}'", base64::engine::general_purpose::STANDARD.encode(Sha256::digest(s.as_bytes()))))
        .collect();
    [
        "default-src 'none'".to_string(),
        format!("script-src 'self' 'wasm-unsafe-eval' {}", hashes.join(" ")).trim_end().to_string(),
        "style-src 'self'".to_string(),
        "img-src 'self' data: blob:".to_string(),
        "connect-src 'self'".to_string(),
        "base-uri 'self'".to_string(),
        "form-action 'none'".to_string(),
    ]
    .join("; ")
}

/// The contents of every `<script>` element without a `src` in `html`.
pub fn inline_scripts(html: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let tag_end = match rest[start..].find('>') {
            Some(i) => start + i + 1,
            None => break,
        };
        let close = match rest[tag_end..].find("</script>") {
            Some(i) => tag_end + i,
            None => break,
        };
        if !rest[start..tag_end].contains(" src=") {
            out.push(&rest[tag_end..close]);
        }
        rest = &rest[close + "</script>".len()..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_scripts_are_found_and_hashed() {
        let html = r#"<script src="a.js" defer></script><script type="module">init();</script>"#;
        assert_eq!(inline_scripts(html), vec!["init();"]);
        let p = policy(&inline_scripts(html));
        // The hash computed independently: printf 'init();' | openssl dgst -sha256 -binary | base64
        assert!(
            p.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-GEnM5q1nYY/iACnyMTdov+tNp9OFcBnnDgNXUXaVNXc='"),
            "{p}"
        );
        assert!(!p.contains("unsafe-eval'") || p.contains("'wasm-unsafe-eval'"));
        assert!(!p.contains("unsafe-inline"));
        assert!(p.starts_with("default-src 'none'"));
    }
}
