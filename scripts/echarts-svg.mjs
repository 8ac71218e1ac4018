// One chart option drawn to an SVG string by the pinned ECharts package, in Node
// (server-side rendering): the build's chart pictures (inline-charts.mjs) and
// link-preview images (render-charts.mjs) are the drawing ECharts makes in the browser.
import * as echarts from "echarts";

export function drawSvg(option, width, height) {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
  chart.setOption(option);
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}
