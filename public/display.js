// The reader's display choices (larger text, high contrast), put on <html>
// before the page is drawn, so a chosen mode never flashes. The header's
// buttons set them (src/context.rs, Display: the same keys and attributes).
(function () {
  var root = document.documentElement;
  try {
    if (localStorage.getItem("gansu-display-text") === "large") root.setAttribute("data-text", "large");
    if (localStorage.getItem("gansu-display-contrast") === "high") root.setAttribute("data-contrast", "high");
  } catch (e) {
    // Storage blocked: the defaults.
  }
})();
