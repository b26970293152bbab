// Chart.js is most of the page's script and only results draw charts, so it is loaded on first
// use: the served site fetches it as a separate chunk after the page is ready (the
// single-file build keeps it inline), and the charts are drawn when it has arrived.
let chartsModule = null;

export function loadCharts() {
  chartsModule ??= import('./charts.js').catch((e) => { chartsModule = null; throw e; });
  return chartsModule;
}
