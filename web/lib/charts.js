// Chart.js, bundled (no CDN: the page must not contact other origins) and tree-shaken to the
// pieces the calculators use. Animation is off: results appear at once, print and screenshots
// capture the final picture. The page loads this module on demand (a chunk of its own), so it
// imports nothing of the page's own code: numbers are formatted by the function it is given.
import {
  Chart, BarController, BarElement, LineController, LineElement, PointElement, ScatterController,
  CategoryScale, LinearScale, LogarithmicScale, Legend, Tooltip, Filler,
} from 'chart.js';
import { MatrixController, MatrixElement } from 'chartjs-chart-matrix';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, ScatterController,
  CategoryScale, LinearScale, LogarithmicScale, Legend, Tooltip, Filler, MatrixController, MatrixElement);

// Colours that stay distinct for common colour-vision deficiencies (blue / orange, then
// Okabe and Ito's bluish green and reddish purple for a third and fourth series).
export const COLOURS = ['#1f6fb2', '#e08a1e', '#009e73', '#cc79a7'];

const base = { animation: false, responsive: true, maintainAspectRatio: false };

/**
 * Grouped (or, with options.stacked, stacked) bar chart: labels on x, one dataset per
 * {label, data}; formatNumber for tooltips.
 * options.xTitle names the x axis; options.yTicks formats the y axis's ticks (Chart.js's own
 * numbers otherwise).
 */
export function barChart(canvas, labels, series, yTitle, formatNumber, { xTitle, yTicks, stacked = false } = {}) {
  return new Chart(canvas, {
    type: 'bar',
    data: { labels, datasets: series.map((s, i) => ({ ...s, backgroundColor: COLOURS[i % COLOURS.length] })) },
    options: {
      ...base,
      // Every bar labelled (Chart.js skips labels that do not fit unless told not to).
      scales: {
        x: { stacked, ticks: { autoSkip: false, maxRotation: 90, minRotation: 0 }, ...(xTitle ? { title: { display: true, text: xTitle } } : {}) },
        y: { stacked, beginAtZero: true, title: { display: true, text: yTitle }, ...(yTicks ? { ticks: { callback: (v) => yTicks(v) } } : {}) },
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

// Each line of a lineChart is told apart three ways (colour, dash, marker), so lines on top
// of each other, a grey print or a colour-blind reader still show which policy is which.
export const DASHES = [[], [8, 4], [2, 3], [10, 3, 2, 3]];
export const MARKERS = ['circle', 'triangle', 'rect', 'rectRot'];
const STYLE_WORDS = ['solid line with circles', 'dashed line with triangles', 'dotted line with squares', 'dash-dotted line with diamonds'];

/** How line i of a lineChart is drawn, in words (for the chart's text alternative). */
export const lineStyleWords = (i) => STYLE_WORDS[i % STYLE_WORDS.length];

const SWATCH_WIDTH = 44;

/** A legend swatch: a short stretch of the line (its dash) with its marker in the middle. */
function swatch(colour, dash, marker) {
  // Chart.js draws an image point style at its own pixel size: no device-pixel scaling here.
  const canvas = document.createElement('canvas');
  canvas.width = SWATCH_WIDTH; canvas.height = 14;
  const ctx = canvas.getContext('2d');
  ctx.strokeStyle = colour; ctx.fillStyle = colour; ctx.lineWidth = 2;
  ctx.setLineDash(dash);
  ctx.beginPath(); ctx.moveTo(1, 7); ctx.lineTo(43, 7); ctx.stroke();
  ctx.setLineDash([]);
  ctx.beginPath();
  if (marker === 'circle') ctx.arc(22, 7, 4, 0, 2 * Math.PI);
  else if (marker === 'triangle') { ctx.moveTo(22, 2.5); ctx.lineTo(26.5, 11); ctx.lineTo(17.5, 11); ctx.closePath(); }
  else if (marker === 'rect') ctx.rect(18.5, 3.5, 7, 7);
  else { ctx.moveTo(22, 2); ctx.lineTo(27, 7); ctx.lineTo(22, 12); ctx.lineTo(17, 7); ctx.closePath(); }
  ctx.fill();
  return canvas;
}

/** A day (or grid) axis and a y axis fitted to the data, not from 0; {min, max} when fixed. */
const fittedScales = (xTitle, yTitle, formatNumber, { min, max }) => ({
  x: { title: { display: true, text: xTitle }, ticks: { maxRotation: 0, autoSkipPadding: 8 } },
  y: { beginAtZero: false, grace: '5%', min, max, title: { display: true, text: yTitle }, ticks: { callback: (v) => formatNumber(v) } },
});

/**
 * Line chart on a linear y axis fitted to the data's range, not from 0 (a daily trace: the
 * stock moves by a few percent of its level, a flat line from 0); say so in yTitle (an array:
 * one line each). One line
 * per {label, data}, each with its colour, dash and marker (about 12 markers a line, staggered
 * between lines so coinciding lines all show theirs); formatNumber for the ticks and tooltips;
 * {min, max}: the y axis's ends, when they are fixed (a probability: 0 to 1).
 */
export function lineChart(canvas, labels, series, xTitle, yTitle, formatNumber, { min, max } = {}) {
  const step = Math.max(series.length, Math.ceil(labels.length / 12));
  const styles = series.map((_, i) => ({ colour: COLOURS[i % COLOURS.length], dash: DASHES[i % DASHES.length], marker: MARKERS[i % MARKERS.length] }));
  const datasets = series.map((s, i) => ({
    ...s, borderColor: styles[i].colour, backgroundColor: styles[i].colour, borderDash: styles[i].dash, borderWidth: 2,
    pointStyle: styles[i].marker, pointHoverRadius: 5,
    pointRadius: (c) => ((c.dataIndex - Math.floor((i * step) / series.length)) % step === 0 ? 4 : 0),
  }));
  const swatches = styles.map((st) => swatch(st.colour, st.dash, st.marker));
  return new Chart(canvas, {
    type: 'line',
    data: { labels, datasets },
    options: {
      ...base,
      interaction: { mode: 'index', intersect: false },
      scales: fittedScales(xTitle, yTitle, formatNumber, { min, max }),
      plugins: {
        legend: { labels: { usePointStyle: true, pointStyleWidth: SWATCH_WIDTH,
          generateLabels: (chart) => Chart.defaults.plugins.legend.labels.generateLabels(chart)
            .map((item) => ({ ...item, pointStyle: swatches[item.datasetIndex] })) } },
        tooltip: { callbacks: { label: (c) => `${c.dataset.label}: ${formatNumber(c.parsed.y)}` } },
      },
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

/**
 * A cost (or any measure) over a grid of settings, with a level to meet and the chosen
 * settings marked: curves [{label, data}] over `labels`; level {label, value}, drawn as a
 * dashed flat line; marks [{label, at}] (an index into labels, on curve `curve` or 0), each a
 * large diamond on its curve. Curves keep their colours and dashes, without markers. {min, max}:
 * the y axis's ends when fixed (a curve beyond them is cut off: say so in yTitle).
 */
export function gridCurveChart(canvas, labels, curves, level, marks, xTitle, yTitle, formatNumber, { min, max } = {}) {
  const datasets = curves.map((c, i) => ({ ...c, borderColor: COLOURS[i % COLOURS.length], backgroundColor: COLOURS[i % COLOURS.length],
    borderDash: DASHES[i % DASHES.length], borderWidth: 2, pointRadius: 0, pointHoverRadius: 4 }));
  if (level) datasets.push({ label: level.label, data: labels.map(() => level.value), borderColor: '#555', backgroundColor: '#555', borderDash: [4, 4], borderWidth: 1.5, pointRadius: 0 });
  for (const m of marks) {
    const i = m.curve ?? 0;
    datasets.push({ label: m.label, data: labels.map((_, k) => (k === m.at ? curves[i].data[k] : null)), showLine: false,
      pointStyle: 'rectRot', pointRadius: 7, pointHoverRadius: 8, borderColor: '#000', borderWidth: 1.5, backgroundColor: COLOURS[i % COLOURS.length] });
  }
  return new Chart(canvas, {
    type: 'line',
    data: { labels, datasets },
    options: {
      ...base,
      interaction: { mode: 'index', intersect: false },
      scales: fittedScales(xTitle, yTitle, formatNumber, { min, max }),
      plugins: {
        legend: { labels: { usePointStyle: true } },
        tooltip: { filter: (item) => item.parsed.y != null, callbacks: { label: (c) => `${c.dataset.label}: ${formatNumber(c.parsed.y)}` } },
      },
    },
  });
}

// A heat map's colours, low to high: viridis (perceptually even, readable in grey and by
// colour-blind readers).
export const HEAT_STOPS = ['#440154', '#3b528b', '#21918c', '#5ec962', '#fde725'];

/** The colour of v on [lo, hi] (clamped), between the stops. */
export function heatColour(v, lo, hi) {
  const t = hi > lo ? Math.min(1, Math.max(0, (v - lo) / (hi - lo))) : 0;
  const x = t * (HEAT_STOPS.length - 1);
  const k = Math.min(HEAT_STOPS.length - 2, Math.floor(x));
  const rgb = (hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const [a, b] = [rgb(HEAT_STOPS[k]), rgb(HEAT_STOPS[k + 1])];
  const mix = a.map((c, i) => Math.round(c + (b[i] - c) * (x - k)));
  return `rgb(${mix.join(', ')})`;
}

/**
 * A measure over a grid of two settings as coloured cells (chartjs-chart-matrix): xs and ys
 * the grid's values (ascending), value(i, j) at (xs[j], ys[i]) or null (no cell); colours on
 * [lo, hi], clamped; marks [{label, points: [{x, y}]}] drawn on top, each its own marker.
 */
export function heatMapChart(canvas, xs, ys, value, { lo, hi, marks = [], xTitle, yTitle, valueWords, formatNumber }) {
  const step = (v) => (v.length > 1 ? v[1] - v[0] : 1);
  const [dx, dy] = [step(xs), step(ys)];
  const cells = [];
  ys.forEach((y, i) => xs.forEach((x, j) => { const v = value(i, j); if (v != null) cells.push({ x, y, v }); }));
  const size = (axis, d) => (c) => {
    const scale = c.chart.scales[axis];
    return scale ? Math.max(1, Math.abs(scale.getPixelForValue(d) - scale.getPixelForValue(0)) - 1) : 1;
  };
  const markStyles = [['rectRot', '#ffffff'], ['triangle', '#e08a1e'], ['circle', '#cc79a7'], ['star', '#ffffff']];
  const formatTick = (v) => String(Math.round(v * 1e6) / 1e6);
  return new Chart(canvas, {
    data: {
      datasets: [
        { type: 'matrix', label: valueWords, data: cells, order: 1, backgroundColor: (c) => heatColour(c.raw?.v, lo, hi),
          width: size('x', dx), height: size('y', dy), borderWidth: 0 },
        // A mark of many points (tied pairs) is drawn smaller, so the cells under it still show;
        // the first mark is drawn last, on top.
        ...marks.map((m, k) => ({ type: 'scatter', label: m.label, data: m.points, pointStyle: markStyles[k % markStyles.length][0], order: k - marks.length,
          backgroundColor: markStyles[k % markStyles.length][1], borderColor: '#000', borderWidth: 1.2,
          pointRadius: m.points.length > 3 ? 4 : 7, pointHoverRadius: 8 })),
      ],
    },
    options: {
      ...base,
      // The matrix type reverses y and offsets x by default (a table's layout): a plot's here.
      // Ticks only within the grid's values (the axes reach half a cell beyond them).
      scales: {
        x: { type: 'linear', offset: false, min: xs[0] - dx / 2, max: xs[xs.length - 1] + dx / 2, title: { display: true, text: xTitle },
          ticks: { maxRotation: 0, callback: (v) => (v >= xs[0] && v <= xs[xs.length - 1] ? formatTick(v) : '') } },
        y: { type: 'linear', reverse: false, min: ys[0] - dy / 2, max: ys[ys.length - 1] + dy / 2, title: { display: true, text: yTitle },
          ticks: { callback: (v) => (v >= ys[0] && v <= ys[ys.length - 1] ? formatTick(v) : '') } },
      },
      plugins: {
        legend: { labels: { usePointStyle: true, filter: (item) => item.datasetIndex > 0 } },
        tooltip: { callbacks: { label: (c) => (c.datasetIndex === 0
          ? `${xTitle} ${c.raw.x}, ${yTitle} ${c.raw.y}: ${formatNumber(c.raw.v)}`
          : `${c.dataset.label} (${c.raw.x}, ${c.raw.y})`) } },
      },
    },
  });
}
