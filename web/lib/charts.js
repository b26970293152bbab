// Chart.js, bundled (no CDN: the page must not contact other origins) and tree-shaken to the
// pieces the calculators use. Animation is off: results appear at once, print and screenshots
// capture the final picture. The page loads this module on demand (a chunk of its own), so it
// imports nothing of the page's own code: numbers are formatted by the function it is given.
import {
  Chart, BarController, BarElement, LineController, LineElement, PointElement,
  CategoryScale, LinearScale, LogarithmicScale, Legend, Tooltip, Filler,
} from 'chart.js';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement,
  CategoryScale, LinearScale, LogarithmicScale, Legend, Tooltip, Filler);

// Colours that stay distinct for common colour-vision deficiencies (blue / orange, then
// Okabe and Ito's bluish green and reddish purple for a third and fourth series).
export const COLOURS = ['#1f6fb2', '#e08a1e', '#009e73', '#cc79a7'];

const base = { animation: false, responsive: true, maintainAspectRatio: false };

/** Grouped bar chart: labels on x, one dataset per {label, data}; formatNumber for tooltips. */
export function barChart(canvas, labels, series, yTitle, formatNumber) {
  return new Chart(canvas, {
    type: 'bar',
    data: { labels, datasets: series.map((s, i) => ({ ...s, backgroundColor: COLOURS[i % COLOURS.length] })) },
    options: {
      ...base,
      // Every bar labelled (Chart.js skips labels that do not fit unless told not to).
      scales: {
        x: { ticks: { autoSkip: false, maxRotation: 90, minRotation: 0 } },
        y: { beginAtZero: true, title: { display: true, text: yTitle } },
      },
      plugins: { tooltip: { callbacks: { label: (c) => `${c.dataset.label}: ${formatNumber(c.parsed.y)} (${c.parsed.y})` } } },
    },
  });
}

/** Line chart with a log-scale y axis (convergence traces); formatNumber for the ticks. */
export function logLineChart(canvas, labels, series, xTitle, yTitle, formatNumber) {
  return new Chart(canvas, {
    type: 'line',
    data: { labels, datasets: series.map((s, i) => ({ ...s, borderColor: COLOURS[i % COLOURS.length], backgroundColor: COLOURS[i % COLOURS.length], pointRadius: 2 })) },
    options: {
      ...base,
      scales: {
        x: { title: { display: true, text: xTitle } },
        y: { type: 'logarithmic', title: { display: true, text: yTitle }, ticks: { callback: (v) => formatNumber(v) } },
      },
    },
  });
}

/** Line chart on a linear y axis from 0 (a daily trace), one line per {label, data}; formatNumber for the ticks and tooltips. */
export function lineChart(canvas, labels, series, xTitle, yTitle, formatNumber) {
  return new Chart(canvas, {
    type: 'line',
    data: { labels, datasets: series.map((s, i) => ({ ...s, borderColor: COLOURS[i % COLOURS.length], backgroundColor: COLOURS[i % COLOURS.length], pointRadius: 0, borderWidth: 2 })) },
    options: {
      ...base,
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: { title: { display: true, text: xTitle } },
        y: { beginAtZero: true, title: { display: true, text: yTitle }, ticks: { callback: (v) => formatNumber(v) } },
      },
      plugins: { tooltip: { callbacks: { label: (c) => `${c.dataset.label}: ${formatNumber(c.parsed.y)}` } } },
    },
  });
}

/**
 * A curve on a 0-1 scale (a share), with a band around it when `band` = {lower, upper, label}
 * is given (e.g. ± 2 standard errors); formatNumber for the tooltips.
 */
export function curveChart(canvas, labels, curve, band, xTitle, yTitle, formatNumber) {
  const [colour] = COLOURS;
  const datasets = [{ label: curve.label, data: curve.data, borderColor: colour, backgroundColor: colour, pointRadius: 3 }];
  // The band: its upper edge, then its lower edge filled up to it ('-1': the dataset before).
  if (band) {
    datasets.push({ label: band.label, data: band.upper, borderColor: 'transparent', pointRadius: 0, fill: false, band: true },
      { label: band.label, data: band.lower, borderColor: 'transparent', pointRadius: 0, backgroundColor: 'rgba(31, 111, 178, 0.2)', fill: '-1', band: true });
  }
  return new Chart(canvas, {
    type: 'line',
    data: { labels, datasets },
    options: {
      ...base,
      scales: {
        x: { title: { display: true, text: xTitle } },
        y: { min: 0, max: 1, title: { display: true, text: yTitle } },
      },
      plugins: {
        // The band once in the legend (its lower edge), with the fill's colour.
        legend: { labels: { filter: (item, data) => !(data.datasets[item.datasetIndex].band && data.datasets[item.datasetIndex].fill === false) } },
        tooltip: { filter: (item) => !item.dataset.band, callbacks: { label: (c) => `${c.dataset.label}: ${formatNumber(c.parsed.y)}` } },
      },
    },
  });
}
