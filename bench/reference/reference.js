// Fetches an indicator file and draws its progress chart: yearly values per
// basis, baseline, target line, part-year figures. Same data, same ECharts build.
(async () => {
  const release = new URLSearchParams(location.search).get("release");
  const id = new URLSearchParams(location.search).get("id") || "AIR-02";
  const file = await (await fetch(`../data/${release}/indicators/${id}.json`)).json();
  const ind = file.indicator;
  document.getElementById("title").textContent = ind.name.en;
  const years = [];
  const all = [ind.baseline, ...ind.values].filter(Boolean).map((o) => o.year);
  for (let y = Math.min(...all, 2020); y <= Math.max(...all, ind.target ? ind.target.year : 2025); y++) years.push(String(y));
  const headline = ind.headline_basis;
  const full = (o) => !o.period && !o.alternative && typeof o.value === "number";
  const series = [];
  for (const basis of [headline, ...(ind.bases || []).map((b) => b.id).filter((b) => b !== headline)]) {
    const on = ind.values.filter((o) => full(o) && (o.basis || headline) === basis);
    if (!on.length && basis !== headline) continue;
    series.push({
      type: "line",
      name: basis || "Actual",
      connectNulls: false,
      data: years.map((y) => {
        const o = on.find((v) => String(v.year) === y);
        return o ? { value: o.value, name: `${y}: ${o.value}` } : null;
      }),
      markLine: ind.target && ind.target.value != null && !series.length
        ? { silent: true, symbol: ["none", "none"], data: [{ yAxis: ind.target.value, name: "Target" }] }
        : undefined,
    });
  }
  const partial = ind.values.filter((o) => o.period && typeof o.value === "number");
  if (partial.length) series.push({ type: "scatter", name: "part of year", data: partial.map((o) => ({ value: [String(o.year), o.value] })) });
  if (ind.baseline && typeof ind.baseline.value === "number") {
    series.push({ type: "scatter", name: "Baseline", symbol: "diamond", data: [{ value: [String(ind.baseline.year), ind.baseline.value] }] });
  }
  const el = document.getElementById("chart");
  const chart = echarts.init(el, null, { renderer: "svg" });
  chart.setOption({
    animation: false,
    aria: { enabled: true },
    tooltip: { trigger: "item", formatter: "{a}<br/>{b}" },
    legend: { type: "scroll", bottom: 0 },
    grid: { left: 8, right: 16, top: 40, bottom: 64, containLabel: true },
    xAxis: { type: "category", boundaryGap: false, data: years },
    yAxis: { type: "value", scale: true },
    series,
  });
  new ResizeObserver(() => chart.resize()).observe(el);
  el.setAttribute("data-rendered", "true");
})();
