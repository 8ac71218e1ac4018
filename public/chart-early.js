// A chart answers its reader before the wasm has woken the page (README, Performance).
// Inlined into every page by trunk; sitegen hashes it into the Content-Security-Policy.
// The first pointer move, touch or focus over a chart box that holds the build's picture
// fetches ECharts (<meta name="echarts">) and the box's option (charts/<data-chart>.json),
// and ECharts draws it in place. The wasm's chart host (src/components/chart_host.rs)
// loads ECharts through this script's loader (window.__loadECharts: one load per page)
// and, when it draws the chart, replaces this one.
// Only in the picture's look: dark mode, larger text or high contrast wait for the wasm.
(function () {
  "use strict";
  var root = document.documentElement;

  // ECharts' script, loaded once: a promise of it, shared by every chart and the wasm.
  var loaded = null;
  function loadECharts() {
    if (!loaded && window.echarts) loaded = Promise.resolve();
    if (!loaded) {
      var meta = document.querySelector("meta[name=echarts]");
      if (!meta) return Promise.reject(new Error("no ECharts script named"));
      var script = document.createElement("script");
      script.src = meta.content;
      script.integrity = meta.dataset.integrity || "";
      // Ahead of the wasm still downloading: the reader is waiting on this one.
      script.fetchPriority = "high";
      loaded = new Promise(function (resolve, reject) {
        script.onload = resolve;
        script.onerror = reject;
      });
      document.head.appendChild(script);
    }
    return loaded;
  }
  window.__loadECharts = loadECharts;

  function pictureLook() {
    var theme = new URLSearchParams(location.search).get("theme");
    var dark = theme === "dark" || (theme !== "light" && matchMedia("(prefers-color-scheme: dark)").matches);
    return !dark && !root.hasAttribute("data-text") && !root.hasAttribute("data-contrast");
  }

  function hasPicture(box) {
    return box.querySelector(":scope > .chart-picture") !== null;
  }

  function draw(box) {
    var key = box.getAttribute("data-chart");
    if (!key || box.hasAttribute("data-early") || !hasPicture(box) || !pictureLook()) return;
    box.setAttribute("data-early", "");
    var option = fetch("charts/" + key + ".json", { priority: "high" }).then(function (response) {
      if (!response.ok) throw new Error("charts/" + key + ".json: HTTP " + response.status);
      return response.json();
    });
    Promise.all([loadECharts(), option])
      .then(function (both) {
        // The wasm's chart host may have drawn it meanwhile.
        if (!box.isConnected || !hasPicture(box) || window.echarts.getInstanceByDom(box)) return;
        var chart = window.echarts.init(box, null, { renderer: "svg" });
        chart.setOption(both[1], true);
        box.querySelectorAll(":scope > .chart-picture").forEach(function (picture) {
          picture.remove();
        });
        var resized = new ResizeObserver(function () {
          if (chart.isDisposed()) resized.disconnect();
          else chart.resize();
        });
        resized.observe(box);
      })
      .catch(function (error) {
        // The picture stays; the wasm's chart host draws the chart when it wakes.
        console.warn("chart-early:", error);
      });
  }

  ["pointermove", "touchstart", "focusin"].forEach(function (type) {
    addEventListener(
      type,
      function (event) {
        var box = event.target.closest && event.target.closest("[data-testid=chart]");
        if (box) draw(box);
      },
      { capture: true, passive: true },
    );
  });
})();
