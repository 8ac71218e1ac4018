/* Resizes embedded Gansu dashboard charts to their content's height.
 *
 * Add once to a page that holds one or more chart iframes:
 *   <script src="https://…/embed.js" async></script>
 * Each embed posts {"datawrapper-height": {"<id>": <px>}} (the form newsroom
 * CMSs already handle); only messages from one of this page's own iframes are
 * obeyed, and only a plain number of pixels is applied. The snippet already
 * gives each frame the height its width needs, so normally the message matches
 * it; a difference under 2 px (rounding) is left alone, so nothing moves. */
(function () {
  "use strict";
  if (window.__gansuEmbedResize) return;
  window.__gansuEmbedResize = true;
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || typeof data !== "object" || typeof data["datawrapper-height"] !== "object") return;
    var frames = document.getElementsByTagName("iframe");
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow !== event.source) continue;
      var heights = data["datawrapper-height"];
      for (var key in heights) {
        var px = Number(heights[key]);
        if (!(isFinite(px) && px > 0 && px < 10000)) continue;
        if (Math.abs(frames[i].getBoundingClientRect().height - px) >= 2) frames[i].style.height = Math.ceil(px) + "px";
      }
    }
  });
})();
