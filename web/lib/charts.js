// Chart.js, bundled (no CDN: the page must not contact other origins) and tree-shaken to the
// pieces the calculators use. Animation is off: results appear at once, print and screenshots
// capture the final picture. The page loads this module on demand (a chunk of its own), so it
// imports nothing of the page's own code: numbers are formatted by the function it is given.
import {
  Chart, BarController, BarElement, LineController, LineElement, PointElement,
  CategoryScale, LinearScale, LogarithmicScale, Legend, Tooltip,
} from 'chart.js';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement,
  CategoryScale, LinearScale, LogarithmicScale, Legend, Tooltip);

// Two colours that stay distinct for common colour-vision deficiencies (blue / orange).
export const COLOURS = ['#1f6fb2', '#e08a1e'];

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
