// Ordering tab: a hospital's daily red-cell orders from its own demand series (Li, Chiang, Down
// and Heddle 2021, sec. 4.3, eq. 7-13, Table 9), through the `ordering` operation. The demand is
// generated (weekday pattern, trend, noise) or pasted / loaded as CSV; a forecast is made on the
// training days; (s, S) is tuned there; every rule runs on the held-out test days.
//
// "Both schedules" (Table 9's daily and semiweekly columns) is two requests, one per schedule,
// run side by side on the page's workers; the appendix shows both (shell's `requests`). The
// costs, shelf life and initial stock are shell options, shown open: they are the model.
import { calculator } from '../../lib/calculator-shell.js';
import { h } from '../../lib/dom.js';
import { checkNumber, parseNumber } from '../../lib/numbers.js';
import { renderOrdering } from './results.js';
import { FORECAST_WORDS, readDemandText, readList, SCHEDULES } from './words.js';

const OP = 'ordering';
// Longer data are not written into the link (an address bar holds some tens of thousands of
// characters reliably); the page says so, and the CSV file goes with the link instead.
export const MAX_LINK_DATA = 30000;

// The generator's members and their limits (the module checks them too: op_ordering.cpp).
const GENERATOR = {
  days: { label: 'Days', min: 28, max: 20000, type: 'integer', hint: 'How long the series is, in days (with the test days at its end).' },
  mean: { label: 'Mean units a day', min: 0, max: 100000, hint: 'The average demand before the weekday pattern; Li et al.’s test year had 93.05.' },
  noise_sd: { label: 'Noise (sd, units)', min: 0, max: 100000, hint: 'The day-to-day randomness: the standard deviation of the normal noise added to each day.' },
  trend: { label: 'Trend (units a day per year)', min: -100000, max: 100000, hint: 'How much the mean grows (or, negative, falls) each year.' },
  weekday: { label: 'Weekday pattern', hint: 'Seven factors, Monday first, separated by commas: how busy each weekday is (scaled to average 1).' },
  seed: { label: 'Random seed', min: 0, max: 2 ** 53, type: 'integer', hint: 'The same seed gives the same series, here and in the command-line tool.' },
};
const GEN_NAMES = Object.keys(GENERATOR);
const GRID = ['from', 'to', 'step'];
const DEFAULTS = {
  source: 'generate', days: '1460', mean: '93.05', noise_sd: '25', trend: '0',
  weekday: '1.08, 1.10, 1.08, 1.06, 1.04, 0.84, 0.80', seed: '1', start_date: '2018-01-01', data: '', test_days: '365',
  forecast: 'weekday_means', forecast_values: '', seasonal_window: '7', trend_window: '', robust: '0', refit: 'weekly', schedule: 'both', fixed_reorder: '', fixed_target: '',
  target_from: '', target_to: '', target_step: '', reorder_from: '', reorder_to: '', reorder_step: '',
};
const TEXT = Object.keys(DEFAULTS).filter((n) => !['source', 'forecast', 'schedule', 'robust', 'refit'].includes(n));
const SCHEDULE_CHOICES = { both: 'Both, side by side (as Table 9)', daily: 'Daily', twice_weekly: 'Twice weekly: Tuesday and Friday' };
const LABELS = {
  ...Object.fromEntries(GEN_NAMES.map((n) => [n, GENERATOR[n].label.toLowerCase()])),
  start_date: 'start date', data: 'demand data', test_days: 'test days', forecast: 'forecast', forecast_values: 'your forecast',
  seasonal_window: 'seasonal window', trend_window: 'trend window', robust: 'robust fit', refit: 'refitting',
  schedule: 'delivery schedule', fixed_reorder: 'your reorder level s', fixed_target: 'your inventory target S',
  target_from: 'first target S', target_to: 'last target S', target_step: 'step between targets S',
  reorder_from: 'first reorder level s', reorder_to: 'last reorder level s', reorder_step: 'step between reorder levels s',
};
const ID = (name) => `ord-${name.replaceAll('_', '-')}`;
const cap = (text) => text.replace(/^./, (c) => c.toUpperCase());
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** '' when `text` is a real date written YYYY-MM-DD (1900-2199), else what is wrong. */
export function checkDate(text) {
  const m = DATE.exec(String(text ?? '').trim());
  if (!m) return 'write the date as YYYY-MM-DD, for example 2018-01-01';
  const [y, mo, d] = m.slice(1).map(Number);
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return 'is not a date of the calendar';
  if (y < 1900 || y > 2199) return 'must lie between 1900 and 2199';
  return '';
}

/** The requests a page request stands for: one per schedule. */
export function requestsOf(request) {
  return request.schedule === 'both' ? SCHEDULES.map((schedule) => ({ ...request, schedule })) : [request];
}

/** Both schedules on the page's workers at once; the answers labelled by schedule. */
export async function runOrdering(client, request, { signal, onProgress } = {}) {
  const requests = requestsOf(request);
  const answers = requests.length > 1 && typeof client.callEach === 'function'
    ? await client.callEach(OP, requests, { signal, onProgress })
    : await Promise.all(requests.map((r) => client.call(OP, r, { signal, onProgress })));
  // A warning every answer gives is said once, without a schedule; another names its schedule.
  const count = new Map();
  for (const a of answers) for (const w of a.warnings) count.set(w.message, (count.get(w.message) ?? 0) + 1);
  const seen = new Set();
  const warnings = answers.flatMap((a, i) => a.warnings.map((w) => (count.get(w.message) === answers.length ? w : { ...w, schedule: requests[i].schedule })))
    .filter((w) => !seen.has(w.message) && seen.add(w.message));
  return { result: { answers: answers.map((a, i) => ({ schedule: requests[i].schedule, result: a.result })) }, warnings };
}

export default calculator({
  id: 'ordering',
  title: 'Ordering',
  summary: 'a hospital’s daily orders from its own demand data',
  op: OP,
  intro: 'How many red-cell units should a hospital order each day? Li, Chiang, Down and Heddle (2021) forecast the demand, then order the forecast, ' +
    'capped by an inventory target S and only when the stock falls below a reorder level s. They choose S and s on past days so that the cost of ' +
    'routine orders, holding, urgent deliveries and outdated units matches that of ordering exactly what was used, then test the rule on the last year. ' +
    'Generate a series or paste your own, and press Compute.',
  ownFields: ['demand', 'start_date', 'generate', 'test_days', 'schedule', 'forecast', 'forecast_values', 'target_grid', 'reorder_grid', 'fixed', 'trace', 'stl'],
  paramNames: Object.keys(DEFAULTS),
  optionsOpen: true,
  optionWords: {
    shelf_life: { label: 'Shelf life M (days after arrival)', hint: () => 'A unit not used by this age is outdated and wasted. Li et al. take 32: 10 of the 42 days pass before a unit reaches the hospital.' },
    initial_stock: { label: 'Initial stock I₀ (units)', hint: () => 'The units on the shelf before the first day, of the training days and of the test days.' },
    routine_cost: { label: 'Routine order cost a', hint: () => 'The cost of each day with a routine delivery, whatever its size.' },
    holding_cost: { label: 'Holding cost h', hint: () => 'The cost of each unit kept in stock over a night.' },
    urgent_cost: { label: 'Urgent delivery cost u', hint: () => 'The cost of each unit that was short and had to be delivered urgently the same day.' },
    wastage_cost: { label: 'Wastage cost w', hint: () => 'The cost of each unit that outdated on the shelf.' },
    surface: { label: 'Cost map: values a side', hint: () => 'The map of the cost over the whole (s, S) grid uses at most this many values of s and of S (0: no map). More is finer and slower.' },
  },
  load: async (client) => (await client.operations())[OP],
  inputs: (operation, shell) => new OrderingInputs(operation, shell),
  call: runOrdering,
  requests: requestsOf,
  render: (container, result, warnings, context) => renderOrdering(container, result, warnings, context),
});

class OrderingInputs {
  constructor(operation, { changed, option }) {
    this.fields = Object.fromEntries((operation?.fields ?? []).map((f) => [f.name, f]));
    this.option = option;
    const onEdit = () => { this.showParts(); changed(); };
    const box = (name, attributes = {}) => h('input', { type: 'text', id: ID(name), autocomplete: 'off', inputmode: 'decimal',
      'aria-describedby': `${ID(name)}-hint`, oninput: onEdit, ...attributes });
    this.boxes = Object.fromEntries(TEXT.map((name) => [name, ['data', 'forecast_values'].includes(name)
      ? h('textarea', { id: ID(name), rows: 8, spellcheck: false, autocomplete: 'off', wrap: 'off', 'aria-describedby': `${ID(name)}-hint`, oninput: onEdit })
      : box(name, name === 'start_date' ? { inputmode: 'numeric', placeholder: 'YYYY-MM-DD' } : name === 'weekday' ? { inputmode: 'text' } : {})]));
    const field = (name, label, hint, extra = '') => h('div', { class: `field ord-${name.replaceAll('_', '-')}-field` },
      h('label', { for: ID(name) }, label), this.boxes[name], extra,
      h('span', { class: 'hint', id: `${ID(name)}-hint` }, hint),
      h('span', { class: 'field-error', 'data-error-for': name }));

    this.sourceInputs = ['generate', 'data'].map((value) => h('input', { type: 'radio', name: 'ord-source', id: ID(`source-${value}`), value,
      onchange: onEdit }));
    const sourceChoice = (input, label) => h('div', { class: 'ord-choice' }, input, h('label', { for: input.id }, label));
    this.file = h('input', { type: 'file', id: 'ord-data-file', accept: '.csv,.tsv,.txt,text/csv,text/plain', class: 'visually-hidden',
      tabindex: -1, 'aria-label': 'CSV file of the demand to load',
      onchange: async () => {
        const chosen = this.file.files?.[0];
        if (chosen) { this.boxes.data.value = await chosen.text(); this.fileNote.textContent = `Loaded ${chosen.name}.`; onEdit(); }
        this.file.value = ''; // the same file again reads it again
      } });
    this.fileNote = h('span', { class: 'hint', 'aria-live': 'polite' });
    this.generated = h('div', { class: 'ord-generated' },
      GEN_NAMES.map((n) => field(n, GENERATOR[n].label, GENERATOR[n].hint)));
    this.pasted = h('div', { class: 'ord-pasted' },
      field('data', 'Demand data (CSV)', ['One line a day: the date (YYYY-MM-DD), the units transfused, then any predictor columns, with an optional header line. ',
        'Commas, semicolons or tabs separate the columns. A column of numbers alone (pasted from a spreadsheet) is one day a line from the start date. ',
        'Every day must be there: write 0 for a day without demand. ',
        `Data longer than ${MAX_LINK_DATA.toLocaleString('en')} characters are not kept in the page’s link: send the file with it.`],
      h('div', { class: 'csv-controls' },
        h('button', { type: 'button', class: 'secondary', id: 'ord-data-open', onclick: () => this.file.click() }, 'Open a CSV file…'), this.file, this.fileNote)));
    this.forecast = h('select', { id: ID('forecast'), 'aria-describedby': `${ID('forecast')}-hint`, onchange: onEdit },
      (this.fields.forecast?.choices ?? Object.keys(FORECAST_WORDS)).map((c) => h('option', { value: c }, FORECAST_WORDS[c] ?? c.replaceAll('_', ' '))));
    this.schedule = h('select', { id: ID('schedule'), 'aria-describedby': `${ID('schedule')}-hint`, onchange: onEdit },
      Object.entries(SCHEDULE_CHOICES).map(([value, words]) => h('option', { value }, words)));
    this.givenField = field('forecast_values', 'Your forecast', 'One number a day, for every day of the series (training and test days), one a line or separated by commas or tabs.');
    this.robust = h('input', { type: 'checkbox', id: ID('robust'), onchange: onEdit });
    this.refit = h('select', { id: ID('refit'), 'aria-describedby': `${ID('refit')}-hint`, onchange: onEdit },
      h('option', { value: 'weekly' }, 'Weekly, from the days before'), h('option', { value: 'once' }, 'Once, on the training days'));
    // STL's settings (Cleveland et al. 1990), shown with that forecast only.
    this.stlFields = h('div', { class: 'ord-stl' },
      field('seasonal_window', 'Seasonal window (weeks)', 'How many weeks each weekday’s pattern is smoothed over: an odd number from 7, or “periodic” for one pattern throughout. Smaller follows a changing pattern more closely.'),
      field('trend_window', 'Trend window (days, optional)', 'How many days the trend is smoothed over: an odd number from 9. Blank: STL’s own choice (15 days for a seasonal window of 7).'),
      h('div', { class: 'field ao-check' }, this.robust, h('label', { for: ID('robust') }, 'Robust: outlying days count less'),
        h('span', { class: 'field-error', 'data-error-for': 'stl' })),
      h('div', { class: 'field' }, h('label', { for: ID('refit') }, 'Refit'), this.refit,
        h('span', { class: 'hint', id: `${ID('refit')}-hint` }, 'Weekly: each day is forecast only from the days before it, as a blood bank refitting every week would, so S and s are tuned on forecasts like those the test days get. ',
          'Once (Li et al.’s reading): fitted on the training days, whose values are then the fit itself, which has seen each day; the rule is tuned on a better forecast than the test days get.')),
      h('p', { class: 'hint' }, 'The forecast of a test day: the last training trend, plus the weekday’s last pattern, plus a regression on the day’s predictor columns when your data have them. Put in each row only what is known when the order is placed (Li et al. use laboratory results of the day before and a week before).'));
    this.fieldsets = [
      h('fieldset', {}, h('legend', {}, 'The demand'),
        h('div', { class: 'ord-source', role: 'radiogroup', 'aria-label': 'Where the demand comes from' },
          sourceChoice(this.sourceInputs[0], 'Generate a series'), sourceChoice(this.sourceInputs[1], 'Your own data')),
        this.generated, this.pasted,
        field('start_date', 'Start date', 'The date of the first day of a generated series or of a column of numbers; the weekdays follow from it. A CSV’s own dates are used.'),
        field('test_days', 'Test days', 'The last days of the series, held out: the rules are compared on them. The days before choose S and s (Li et al.: 365 test days).')),
      h('fieldset', {}, h('legend', {}, 'The forecast'),
        h('div', { class: 'field' }, h('label', { for: ID('forecast') }, 'Forecast'), this.forecast,
          h('span', { class: 'hint', id: `${ID('forecast')}-hint` }, 'Made from the training days only; its errors on the test days are reported (RMSE and MAPE, as Li et al.’s Table 7).'),
          h('span', { class: 'field-error', 'data-error-for': 'forecast' })),
        this.stlFields, this.givenField),
      h('fieldset', {}, h('legend', {}, 'The ordering rules'),
        h('div', { class: 'field' }, h('label', { for: ID('schedule') }, 'Delivery schedule'), this.schedule,
          h('span', { class: 'hint', id: `${ID('schedule')}-hint` }, 'Twice weekly: the Tuesday order covers Tuesday to Thursday, the Friday order Friday to Monday. Ordering to actual demand is always daily.'),
          h('span', { class: 'field-error', 'data-error-for': 'schedule' })),
        h('div', { class: 'ord-pair' },
          field('fixed_reorder', 'Your reorder level s (optional)', 'Order only when the stock is below s …'),
          field('fixed_target', 'Your inventory target S (optional)', '… and never above S. Give both to compare your own rule.')),
        h('span', { class: 'field-error', 'data-error-for': 'fixed' }),
        h('details', { class: 'ord-grids' }, h('summary', {}, 'The (s, S) tried in the tuning'),
          h('p', { class: 'hint' }, 'Leave blank for the defaults: S from the initial stock to 1,220 above it, s from 0 to the last S, in steps of 10.'),
          h('div', { class: 'ord-grid-row' }, ['target_from', 'target_to', 'target_step'].map((n) => field(n, cap(LABELS[n]), n === 'target_from' ? 'Whole units.' : ''))),
          h('span', { class: 'field-error', 'data-error-for': 'target_grid' }),
          h('div', { class: 'ord-grid-row' }, ['reorder_from', 'reorder_to', 'reorder_step'].map((n) => field(n, cap(LABELS[n]), n === 'reorder_from' ? 'At most the first S.' : ''))),
          h('span', { class: 'field-error', 'data-error-for': 'reorder_grid' }))),
    ];
    this.set(DEFAULTS);
  }

  source() { return this.sourceInputs.find((i) => i.checked)?.value ?? 'generate'; }

  values() {
    return { ...Object.fromEntries(TEXT.map((n) => [n, this.boxes[n].value])), source: this.source(), forecast: this.forecast.value,
      robust: this.robust.checked ? '1' : '0', refit: this.refit.value, schedule: this.schedule.value };
  }

  set(values) {
    for (const n of TEXT) this.boxes[n].value = values[n] ?? '';
    for (const i of this.sourceInputs) i.checked = i.value === values.source;
    this.forecast.value = values.forecast;
    this.robust.checked = values.robust === '1';
    this.refit.value = values.refit;
    this.schedule.value = values.schedule;
    this.showParts();
  }

  /** Only the inputs that apply are shown: the generator or the data, the given forecast's box. */
  showParts() {
    const generate = this.source() === 'generate';
    this.generated.hidden = !generate;
    this.pasted.hidden = generate;
    this.givenField.hidden = this.forecast.value !== 'given';
    this.stlFields.hidden = this.forecast.value !== 'stl';
  }

  title() {
    const v = this.values();
    const series = v.source === 'generate' ? `a generated series of ${v.days.trim()} days (mean ${v.mean.trim()}, seed ${v.seed.trim()})` : 'your data';
    return `${series}, ${v.schedule === 'both' ? 'both schedules' : `${v.schedule === 'daily' ? 'daily' : 'twice-weekly'} schedule`}`;
  }

  restore(params) {
    const problems = [];
    const values = { ...DEFAULTS };
    for (const name of Object.keys(DEFAULTS)) {
      const value = params.get(name);
      if (value != null) values[name] = value;
    }
    const choice = (name, allowed, words) => {
      if (allowed.includes(values[name])) return;
      problems.push(`${words}: "${values[name]}" is not one of ${allowed.join(', ')}`);
      values[name] = DEFAULTS[name];
    };
    choice('source', ['generate', 'data'], 'Source');
    choice('forecast', [...this.forecast.options].map((o) => o.value), 'Forecast');
    choice('schedule', Object.keys(SCHEDULE_CHOICES), 'Delivery schedule');
    choice('robust', ['0', '1'], 'Robust fit');
    choice('refit', ['weekly', 'once'], 'Refit');
    // STL's settings apply to that forecast only: a link that gives them otherwise is not read.
    if (values.forecast !== 'stl') {
      for (const name of ['seasonal_window', 'trend_window', 'robust', 'refit']) {
        if (params.get(name) != null) { problems.push(`${cap(LABELS[name])}: applies to the STL forecast only`); values[name] = DEFAULTS[name]; }
      }
    }
    // A link of one's own data that left the data out (too long for a link).
    if (values.source === 'data' && params.get('data') == null) problems.push('Demand data: the link does not hold the data (too long for a link); open the CSV file that came with it');
    this.set(values);
    for (const name of TEXT) {
      // Half of your (s, S) is a problem of the half the link left out.
      const pair = { fixed_reorder: 'fixed_target', fixed_target: 'fixed_reorder' }[name];
      if (params.get(name) == null && !(pair && params.get(pair) != null)) continue;
      const problem = this.check(name, values);
      if (problem) problems.push(`${cap(LABELS[name])}: ${problem}`);
    }
    return problems;
  }

  /** '' when field `name` reads, else what is wrong, in words. */
  check(name, v = this.values()) {
    const text = v[name];
    const optional = (fn) => (String(text).trim() === '' ? '' : fn());
    if (GENERATOR[name]) {
      if (v.source !== 'generate') return '';
      if (name === 'weekday') {
        const w = readList(text);
        if (w.length !== 7) return `give 7 factors, Monday first (${w.length} given)`;
        const bad = w.findIndex((x) => !(x >= 0 && x <= 10));
        if (bad >= 0) return `the factor for ${['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'][bad]} must be a number from 0 to 10`;
        return w.some((x) => x > 0) ? '' : 'at least one weekday must be above 0';
      }
      return checkNumber(text, GENERATOR[name]);
    }
    if (name === 'start_date') return this.demand(v).kind === 'csv' ? '' : checkDate(text);
    if (name === 'test_days') return checkNumber(text, { ...this.fields.test_days, type: 'integer' });
    if (name === 'data') {
      if (v.source !== 'data') return '';
      const d = this.demand(v);
      if (d.kind === 'empty') return 'paste or open the demand data: one line a day';
      if (d.kind === 'numbers') {
        const bad = d.values.findIndex((x) => !(Number.isInteger(x) && x >= 0));
        if (bad >= 0) return `line ${d.lines[bad]}: the units must be a whole number, 0 or more`;
        if (d.values.length > (this.fields.demand?.max_items ?? 20000)) return `give at most ${this.fields.demand?.max_items ?? 20000} days`;
      }
      return '';
    }
    if (name === 'forecast_values') {
      if (v.forecast !== 'given') return '';
      const f = readList(text);
      if (!f.length) return 'paste your forecast, one number a day';
      const bad = f.findIndex((x) => !(x >= 0));
      return bad >= 0 ? `value ${bad + 1} must be a number, 0 or more` : '';
    }
    if (name === 'seasonal_window' || name === 'trend_window') {
      if (v.forecast !== 'stl') return '';
      if (name === 'seasonal_window' && /^\s*periodic\s*$/i.test(text)) return '';
      if (name === 'trend_window' && String(text).trim() === '') return '';
      const problem = checkNumber(text, { min: name === 'seasonal_window' ? 7 : 9, max: 1001, type: 'integer' });
      if (problem) return name === 'seasonal_window' ? `${problem} (or write periodic)` : problem;
      return parseNumber(text) % 2 === 1 ? '' : 'must be an odd number';
    }
    if (name === 'fixed_reorder' || name === 'fixed_target') {
      const other = name === 'fixed_reorder' ? 'fixed_target' : 'fixed_reorder';
      if (String(text).trim() === '') return String(v[other]).trim() ? `give ${LABELS[name]} too, or leave both empty` : '';
      return checkNumber(text, { min: 0, max: 10000000, type: 'integer' });
    }
    if (/^(target|reorder)_(from|to|step)$/.test(name)) return optional(() => checkNumber(text, { min: name.endsWith('step') ? 1 : 0, max: 10000000, type: 'integer' }));
    return '';
  }

  demand(v = this.values()) { return readDemandText(v.data); }

  validate(setError) {
    const v = this.values();
    let errors = 0;
    for (const name of TEXT) {
      const message = this.check(name, v);
      setError(name, message ? cap(message) : '');
      if (message) errors++;
    }
    // The pair: s at most S.
    const [s, S] = [parseNumber(v.fixed_reorder), parseNumber(v.fixed_target)];
    const pair = Number.isInteger(s) && Number.isInteger(S) && s > S ? 'Your reorder level s must not exceed your inventory target S' : '';
    setError('fixed', pair);
    for (const grid of ['target', 'reorder']) {
      const [from, to] = [parseNumber(v[`${grid}_from`]), parseNumber(v[`${grid}_to`])];
      const message = Number.isInteger(from) && Number.isInteger(to) && to < from ? `The last ${grid === 'target' ? 'target S' : 'reorder level s'} must not be below the first` : '';
      setError(`${grid}_grid`, message);
      if (message) errors++;
    }
    return errors + (pair ? 1 : 0);
  }

  /** An API error's path -> the slot that shows it. */
  errorField(path) {
    if (/^demand(\[\d+\])?$/.test(path)) return this.source() === 'generate' ? 'days' : 'data';
    const gen = /^generate\.(\w+)/.exec(path);
    if (gen) return gen[1];
    if (/^forecast_values/.test(path)) return 'forecast_values';
    const stl = /^stl\.(seasonal_window|trend_window)$/.exec(path);
    if (stl) return stl[1];
    if (/^stl/.test(path)) return 'stl';
    if (/^fixed/.test(path)) return 'fixed';
    const grid = /^(target|reorder)_grid\.(from|to|step)$/.exec(path);
    if (grid) return `${grid[1]}_${grid[2]}`;
    return undefined;
  }

  fieldLabel(path) {
    const day = /^demand\[(\d+)\]$/.exec(path);
    if (day) {
      const d = this.demand();
      return d.kind === 'numbers' ? `line ${d.lines[Number(day[1])]} of the demand data` : `day ${Number(day[1]) + 1}`;
    }
    const value = /^forecast_values\[(\d+)\]$/.exec(path);
    if (value) return `value ${Number(value[1]) + 1} of your forecast`;
    const gen = /^generate\.(\w+)(\[(\d+)\])?$/.exec(path);
    if (gen) return gen[3] != null ? `the ${['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'][gen[3]]} factor` : LABELS[gen[1]];
    const grid = /^(target|reorder)_grid\.(from|to|step)$/.exec(path);
    if (grid) return LABELS[`${grid[1]}_${grid[2]}`];
    const stl = /^stl\.(\w+)$/.exec(path);
    if (stl) return LABELS[stl[1]];
    if (path === 'fixed.reorder') return LABELS.fixed_reorder;
    if (path === 'fixed.target') return LABELS.fixed_target;
    return LABELS[path];
  }

  toParams(params) {
    const v = this.values();
    if (v.source !== DEFAULTS.source) params.set('source', v.source);
    if (v.source === 'generate') {
      for (const n of GEN_NAMES) if (n === 'weekday' ? readList(v.weekday).join(',') !== readList(DEFAULTS.weekday).join(',') : v[n].trim() !== DEFAULTS[n]) params.set(n, n === 'weekday' ? readList(v.weekday).join(',') : v[n].trim());
    } else if (v.data.length <= MAX_LINK_DATA) params.set('data', v.data);
    if (this.demand(v).kind !== 'csv' && v.start_date.trim() !== DEFAULTS.start_date) params.set('start_date', v.start_date.trim());
    if (v.test_days.trim() !== DEFAULTS.test_days) params.set('test_days', v.test_days.trim());
    if (v.forecast !== DEFAULTS.forecast) params.set('forecast', v.forecast);
    if (v.forecast === 'given' && v.forecast_values.length <= MAX_LINK_DATA) params.set('forecast_values', readList(v.forecast_values).join(','));
    if (v.forecast === 'stl') {
      if (v.seasonal_window.trim() !== DEFAULTS.seasonal_window) params.set('seasonal_window', v.seasonal_window.trim().toLowerCase());
      if (v.trend_window.trim()) params.set('trend_window', v.trend_window.trim());
      if (v.robust !== DEFAULTS.robust) params.set('robust', v.robust);
      if (v.refit !== DEFAULTS.refit) params.set('refit', v.refit);
    }
    if (v.schedule !== DEFAULTS.schedule) params.set('schedule', v.schedule);
    for (const n of ['fixed_reorder', 'fixed_target', 'target_from', 'target_to', 'target_step', 'reorder_from', 'reorder_to', 'reorder_step']) {
      if (v[n].trim()) params.set(n, v[n].trim());
    }
  }

  toRequest(request) {
    const v = this.values();
    const d = this.demand(v);
    if (v.source === 'generate') {
      request.generate = Object.fromEntries(GEN_NAMES.map((n) => [n, n === 'weekday' ? readList(v.weekday) : parseNumber(v[n])]));
    } else {
      request.demand = d.kind === 'numbers' ? d.values : v.data;
    }
    if (v.source === 'generate' || d.kind !== 'csv') request.start_date = v.start_date.trim();
    request.test_days = parseNumber(v.test_days);
    request.forecast = v.forecast;
    if (v.forecast === 'given') request.forecast_values = readList(v.forecast_values);
    if (v.forecast === 'stl') {
      const periodic = /^\s*periodic\s*$/i.test(v.seasonal_window);
      request.stl = { seasonal_window: periodic ? 'periodic' : parseNumber(v.seasonal_window),
        trend_window: v.trend_window.trim() ? parseNumber(v.trend_window) : null, robust: v.robust === '1', refit: v.refit };
    }
    request.schedule = v.schedule;
    if (v.fixed_reorder.trim() && v.fixed_target.trim()) request.fixed = { reorder: parseNumber(v.fixed_reorder), target: parseNumber(v.fixed_target) };
    for (const grid of ['target', 'reorder']) {
      const given = GRID.filter((k) => v[`${grid}_${k}`].trim());
      if (!given.length) continue;
      // A part left blank takes the default's: the module's grid is all three or none.
      const stock = this.initialStock();
      const fallback = grid === 'target' ? { from: stock, to: stock + 1220, step: 10 }
        : { from: 0, to: request.target_grid?.to ?? stock + 1220, step: 10 };
      request[`${grid}_grid`] = Object.fromEntries(GRID.map((k) => [k, v[`${grid}_${k}`].trim() ? parseNumber(v[`${grid}_${k}`]) : fallback[k]]));
    }
    request.trace = true;
  }

  initialStock() { return this.option('initial_stock'); }
}
