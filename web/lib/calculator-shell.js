// The shared calculator shell: everything a calculator has that is not its own inputs and
// results. A calculator module describes itself and the shell gives it
//   - options generated from `describe` (every optional number / integer / boolean field, and
//     every string field with a list of choices, of its operation that its own inputs do not
//     render), with defaults, limits and sources;
//   - checks as you type, and the API's errors shown next to the field their path names;
//   - URL state: a computed result's inputs are written to the address bar, so the link
//     reproduces it; a link that cannot be read is reported and kept, never replaced;
//   - Compute / Cancel, a progress bar for long operations, stale results marked (and their
//     CSV withdrawn) after an edit, CSV download and Print (the options listed as shown, the
//     request folded into an appendix);
//   - result tables whose cells are labelled by their headings, so a table with the class
//     `cards` becomes a card per row on a phone (table.js).
//
// definition = {
//   id, title, summary, op,              op: the request API operation the calculator runs
//   intro: string,                       one or two plain sentences above the form
//   computeLabel?: string,               the Compute button's words (default "Compute")
//   optionsOpen?: boolean,               the Options box starts open (its settings are the model)
//   listParams?: string[],               link parameters that may repeat (one per list item);
//                                        any other given twice is a problem of the link
//   optionWords?: {name: {label, heading?, choices?, hint?}}  an option in the page's words:
//                                        label (plain text, also in messages), heading() (the
//                                        label's nodes, e.g. with a formula), choices {API id:
//                                        words}, hint() (nodes in place of the API description);
//                                        the API's identifiers stay in links and requests
//   ownFields: string[],                 request fields its inputs render (no option control)
//   async load(client, params) -> data,  what the inputs need (e.g. the `systems` catalogue; a
//                                        system of the user's own a link names)
//   inputs(data, {changed, option}) -> {  option(name): an option's current value (or default)
//     fieldsets: Node[],                 its part of the form; error slots carry
//                                        data-error-for="<request path>"
//     restore(params) -> string[],       from URL parameters; returns what could not be read
//     validate(setError) -> number,      live checks; returns how many fields are wrong
//     toParams(params), toRequest(request), title(): string,
//     fieldLabel?(path): string           the user's name for a request path ("frequency of DCce")
//     errorField?(path): string            where an API error of this path is shown, when its own
//                                        slot does not say it (default: the path, else the
//                                        nearest enclosing path with a slot)
//     apiError?(error)                     the module refused the request: mark more than the
//                                        field its path names (the people of an impossible family)
//   },
//   call?(client, request, {signal, onProgress}) -> {result, warnings}   how a request is computed,
//                                        when not one client.call of `op` (several requests
//                                        on the page's workers, say); rejects as client.call does
//   requests?(request) -> request[]      the API requests a page request stands for, when it is
//                                        not one (Ordering's "both schedules": one per schedule);
//                                        the appendix shows them, each for the command-line tool
//   render(container, result, warnings, {request, title, computeWith}) -> {destroy(), csv(): rows[][], csvName}
//                                        computeWith({option: value}): set options (the
//                                        next page's offset, say) and compute again
// }
// mount(container, {client, params, setParams, linkProblems?}): linkProblems, problems of the
// link found by the page that mounts the calculator (an unknown panel of the Supply tab), are
// reported with the shell's own, and stop the link's computation as they do.
import { h } from './dom.js';
import { csvLink } from './csv.js';
import { checkNumber, parseNumber } from './numbers.js';
import { labelTables } from './table.js';
import { cite } from './words.js';

const pretty = (name) => name.replaceAll('_', ' ').replace(/^./, (c) => c.toUpperCase());
/** A choice's words: the calculator's, else the identifier with spaces ("least usable"). */
const choiceWords = (words, choice) => words?.choices?.[choice] ?? String(choice).replaceAll('_', ' ');
const isChoice = (f) => f.type === 'string' && Array.isArray(f.choices);
const isOption = (own) => (f) => !own.has(f.name) && !f.required && (['number', 'integer', 'boolean'].includes(f.type) || isChoice(f));

/** A calculator module for the registry: {id, title, summary, mount}. */
export function calculator(definition) {
  return {
    id: definition.id,
    title: definition.title,
    summary: definition.summary,
    mount: (container, context) => mountCalculator(definition, container, context),
  };
}

async function mountCalculator(definition, container, { client, params, setParams, linkProblems = [] }) {
  const root = h('div', { class: `calculator ${definition.id}` }, h('p', { class: 'loading' }, 'Loading the rbcmatch module…'));
  container.append(root);
  let data, operation, version;
  try {
    const needed = Promise.all([client.operations(), definition.load?.(client, params)]);
    // The version is only printed with a result, so the form does not wait for it (the client
    // answers it from the build at once, as it does describe and systems).
    version = client.call('version').then(({ result }) => result, () => null);
    const [operations, loaded] = await needed;
    operation = operations[definition.op];
    if (!operation) throw new Error(`this module has no operation "${definition.op}"`);
    data = loaded;
  } catch (e) {
    root.replaceChildren(h('p', { class: 'error', role: 'alert' }, `Could not load the rbcmatch module: ${e.message}`));
    return { unmount() {} };
  }
  const shell = new Shell(root, definition, operation, data, client, setParams);
  version.then((v) => { shell.version = v; });
  if (shell.restore(params, linkProblems)) shell.compute();
  return { unmount: () => shell.destroy() };
}

class Shell {
  constructor(root, definition, operation, data, client, setParams) {
    Object.assign(this, { root, definition, operation, client, setParams });
    this.controller = null;
    this.rendered = null;
    this.computedParams = null;
    this.options = operation.fields.filter(isOption(new Set(definition.ownFields ?? [])));
    this.inputs = definition.inputs(data, { changed: () => this.changed(), option: (name) => this.optionValue(name) });
    this.build();
  }

  // ---- layout ---------------------------------------------------------------------------
  build() {
    const id = this.definition.id;
    this.optionInputs = new Map();
    this.linkProblems = h('div', { class: 'link-problems', role: 'alert', hidden: true });
    this.status = h('span', { class: 'status', role: 'status' });
    this.progress = h('progress', { class: 'progress', max: 1, hidden: true, 'aria-label': 'Progress of the calculation' });
    this.cancelButton = h('button', { type: 'button', class: 'secondary', hidden: true, onclick: () => this.controller?.abort() }, 'Cancel');
    this.formError = h('p', { class: 'form-error', role: 'alert', 'data-error-for': '' });
    // The notes name the button by its words (computeLabel: "Simulate", "Solve", ...).
    this.computeLabel = this.definition.computeLabel ?? 'Compute';
    this.staleNote = h('p', { class: 'stale-note', hidden: true }, `The inputs have changed: press ${this.computeLabel} to update this result.`);
    this.results = h('section', { class: 'results', 'aria-label': 'Results' });
    this.optionsBox = this.options.length
      ? h('details', { class: 'options', open: Boolean(this.definition.optionsOpen) }, h('summary', {}, 'Options'),
        h('div', { class: 'option-grid' }, this.options.map((f) => this.optionControl(f))))
      : '';
    const form = h('form', { class: 'inputs', novalidate: true, onsubmit: (e) => { e.preventDefault(); this.compute(); } },
      this.inputs.fieldsets,
      this.optionsBox,
      h('div', { class: 'actions' },
        h('button', { type: 'submit', id: `${id}-compute` }, this.computeLabel), this.cancelButton, this.progress, this.status),
      this.formError);
    this.root.replaceChildren(
      h('p', { class: 'intro' }, this.definition.intro),
      this.linkProblems,
      form,
      h('div', { class: 'result-column' }, this.staleNote, this.results));
  }

  /** An option's words (definition.optionWords), with its label in plain text. */
  optionWords(name) {
    const words = this.definition.optionWords?.[name] ?? {};
    return { ...words, label: words.label ?? pretty(name) };
  }

  optionControl(field) {
    const inputId = `${this.definition.id}-opt-${field.name}`;
    const words = this.optionWords(field.name);
    const shownDefault = field.type === 'boolean' ? (field.default ? 'on' : 'off') : isChoice(field) ? choiceWords(words, field.default) : field.default;
    const limits = [field.default != null && `default ${shownDefault}`,
      field.min != null && `min ${field.min}`, field.max != null && `max ${field.max}`].filter(Boolean).join(', ');
    const input = field.type === 'boolean'
      ? h('input', { type: 'checkbox', id: inputId, name: field.name, onchange: () => this.changed() })
      : isChoice(field)
        ? h('select', { id: inputId, name: field.name, 'aria-describedby': `${inputId}-hint`, onchange: () => this.changed() },
          field.choices.map((c) => h('option', { value: c }, choiceWords(words, c))))
        : h('input', { type: 'text', inputmode: 'decimal', id: inputId, name: field.name, autocomplete: 'off',
        placeholder: String(field.default ?? ''), 'aria-describedby': `${inputId}-hint`, oninput: () => this.changed() });
    this.optionInputs.set(field.name, { field, input });
    return h('div', { class: 'field option' },
      h('label', { for: inputId }, words.heading?.() ?? words.label), input,
      h('span', { class: 'hint', id: `${inputId}-hint` }, words.hint?.() ?? field.description ?? '', limits ? ` (${limits})` : '',
        field.source ? ` — ${cite(field.source)}` : ''),
      h('span', { class: 'field-error', 'data-error-for': field.name }));
  }

  // ---- state ----------------------------------------------------------------------------
  /** Restore from URL parameters. Returns true when the link was read completely; `before`:
   *  problems of the link found by whoever mounted the calculator (a page of panels). */
  restore(params, before = []) {
    const problems = [...before, ...this.inputs.restore(params)];
    for (const { field, input } of this.optionInputs.values()) {
      const value = params.get(field.name);
      const words = this.optionWords(field.name);
      if (isChoice(field)) {
        input.value = field.default;
        if (value != null && field.choices.includes(value)) input.value = value;
        // The link's words are the API's: the message names those.
        else if (value != null) problems.push(`${words.label}: "${value}" is not one of ${field.choices.join(', ')}`);
      } else if (field.type === 'boolean') {
        if (value == null) input.checked = Boolean(field.default);
        else if (['1', 'true', '0', 'false'].includes(value)) input.checked = value === '1' || value === 'true';
        else { input.checked = Boolean(field.default); problems.push(`${words.label}: "${value}" is neither on (1) nor off (0)`); }
      } else {
        input.value = value ?? String(field.default ?? '');
        if (value != null && checkNumber(value, field)) problems.push(`${words.label}: "${value}" ${checkNumber(value, field)}`);
      }
    }
    const known = new Set([...this.optionInputs.keys(), ...(this.definition.ownFields ?? []), ...(this.definition.paramNames ?? [])]);
    for (const key of new Set(params.keys())) {
      if (!known.has(key)) problems.push(`"${key}" is not a setting of this calculator`);
      // Only the first would be read: say so rather than drop the others unseen.
      else if (params.getAll(key).length > 1 && !(this.definition.listParams ?? []).includes(key))
        problems.push(`"${key}" is given ${params.getAll(key).length} times; the form shows the first`);
    }
    this.showLinkProblems(problems);
    this.changed({ edited: false });
    return problems.length === 0;
  }

  showLinkProblems(problems) {
    this.linkProblems.hidden = problems.length === 0;
    this.linkProblems.replaceChildren(...(problems.length ? [
      h('p', {}, h('strong', {}, 'This link could not be read completely, so nothing was computed. '),
        `The address bar still holds the link as you received it. Check the marked values, then press ${this.computeLabel}.`),
      h('ul', {}, problems.map((p) => h('li', {}, p)))] : []));
  }

  /** Live validation of every input. Returns the number of fields in error. */
  changed({ edited = true } = {}) {
    // The first field in error, so the status can name it.
    this.firstError = null;
    const setError = (path, message) => {
      if (message && this.firstError == null) this.firstError = path;
      return this.setFieldError(path, message);
    };
    let errors = this.inputs.validate(setError);
    for (const { field, input } of this.optionInputs.values()) {
      const message = field.type === 'boolean' || isChoice(field) ? '' : checkNumber(input.value, field);
      setError(field.name, message);
      if (message) errors++;
    }
    if (edited && this.rendered) this.markStale(true);
    // A status pointing at messages that an edit may have cleared would point at nothing.
    if (edited && /^(Not computed|Please correct)/.test(this.status.textContent)) this.status.textContent = '';
    return errors;
  }

  markStale(stale) {
    this.staleNote.hidden = !stale;
    this.results.classList.toggle('stale', stale);
    // A stale result must not be taken away as if it were current.
    for (const a of this.results.querySelectorAll('a[download]')) {
      if (stale) { a.dataset.href = a.getAttribute('href'); a.removeAttribute('href'); a.setAttribute('aria-disabled', 'true'); }
      else if (a.dataset.href) { a.setAttribute('href', a.dataset.href); a.removeAttribute('aria-disabled'); }
    }
  }

  /** The value an option will be sent with: what is typed if it reads, else its default. */
  optionValue(name) {
    const control = this.optionInputs.get(name);
    const field = control?.field ?? this.operation.fields.find((f) => f.name === name);
    if (!control) return field?.default;
    if (field.type === 'boolean') return control.input.checked;
    if (isChoice(field)) return control.input.value;
    const value = parseNumber(control.input.value);
    return Number.isFinite(value) ? value : field.default;
  }

  params() {
    const params = new URLSearchParams();
    this.inputs.toParams(params);
    for (const { field, input } of this.optionInputs.values()) {
      if (field.type === 'boolean') { if (input.checked !== Boolean(field.default)) params.set(field.name, input.checked ? '1' : '0'); }
      else if (isChoice(field)) { if (input.value !== field.default) params.set(field.name, input.value); }
      else if (input.value.trim() !== '' && parseNumber(input.value) !== field.default) params.set(field.name, input.value.trim());
    }
    return params;
  }

  request() {
    const request = {};
    this.inputs.toRequest(request);
    for (const { field, input } of this.optionInputs.values()) {
      request[field.name] = field.type === 'boolean' ? input.checked : isChoice(field) ? input.value : parseNumber(input.value);
    }
    return request;
  }

  // ---- errors ---------------------------------------------------------------------------
  setFieldError(path, message) {
    const slot = this.root.querySelector(`[data-error-for="${CSS.escape(path)}"]`);
    if (!slot) return false;
    slot.textContent = message ?? '';
    const input = slot.parentElement.querySelector('input, select, textarea');
    if (input && slot.dataset.errorFor === path && path !== '') input.setAttribute('aria-invalid', message ? 'true' : 'false');
    return true;
  }

  /** The user's name for a request path: the calculator's, an option's, or its input's label. */
  fieldName(path) {
    const named = this.inputs.fieldLabel?.(path) ?? (this.optionInputs.has(path) ? pretty(path) : undefined);
    if (named) return named;
    const input = this.root.querySelector(`[data-error-for="${CSS.escape(path)}"]`)?.parentElement.querySelector('input, select, textarea');
    return (input?.labels?.[0]?.textContent ?? input?.getAttribute('aria-label'))?.trim() || undefined;
  }

  /** The slot (a data-error-for path) an API error of `path` is shown in, or '' for none. */
  errorSlot(path) {
    const own = this.inputs.errorField?.(path);
    if (own != null) return own;
    // systems[0].observed -> systems[0] -> systems: the nearest part of the request with a slot.
    for (let p = path; p;) {
      if (this.root.querySelector(`[data-error-for="${CSS.escape(p)}"]`)) return p;
      const parent = p.replace(/(\.[^.[\]]*|\[\d+\])$/, '');
      if (parent === p) break;
      p = parent;
    }
    return '';
  }

  /** An API error next to the field it is about; returns that field's name (undefined: none). */
  showApiError(error) {
    const path = error.path ?? '';
    const slot = path ? this.errorSlot(path) : '';
    if (this.optionInputs.has(slot) && this.optionsBox) this.optionsBox.open = true;
    const message = this.inUserWords(error.message, path);
    if (!slot || !this.setFieldError(slot, message)) { this.formError.textContent = message; return undefined; }
    return this.fieldName(slot) ?? this.fieldName(path);
  }

  /** The API names fields by request path (frequencies[1], sum_tolerance); the page by their labels. */
  inUserWords(message, path) {
    let text = message;
    const label = this.inputs.fieldLabel?.(path);
    // Only what reads as code is replaced: "frequencies[1]", "sum_tolerance"; a plain word
    // such as "frequencies" or "tolerance" is already the user's.
    if (/[[\]._]/.test(path) && label) text = text.split(path).join(label);
    for (const name of [...this.optionInputs.keys()].filter((n) => n.includes('_'))) {
      text = text.replace(new RegExp(`\\b${name}\\b`, 'g'), this.optionWords(name).label);
    }
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  // ---- compute --------------------------------------------------------------------------
  async compute() {
    this.formError.textContent = '';
    const errors = this.changed({ edited: false });
    if (errors) {
      const first = this.firstError != null ? this.fieldName(this.firstError) : undefined;
      this.status.textContent = errors === 1
        ? `Please correct the marked field first${first ? `: ${first}` : ''}.`
        : `Please correct the ${errors} marked fields first${first ? `, starting with ${first}` : ''}.`;
      return;
    }
    this.controller?.abort();
    const controller = (this.controller = new AbortController());
    const request = this.request();
    const params = this.params();
    this.status.textContent = 'Computing…';
    this.cancelButton.hidden = false;
    this.root.classList.add('busy');
    this.progress.removeAttribute('value');  // indeterminate until the first report
    const showProgress = setTimeout(() => { if (this.controller === controller) this.progress.hidden = false; }, 300);
    try {
      const options = {
        signal: controller.signal,
        onProgress: ({ fraction, stage }) => {
          this.progress.value = fraction;
          this.status.textContent = `Computing${stage ? ` (${stage})` : ''}… ${Math.round(fraction * 100)}%`;
        },
      };
      const { result, warnings } = await (this.definition.call
        ? this.definition.call(this.client, request, options)
        : this.client.call(this.definition.op, request, options));
      this.rendered?.destroy();
      this.results.replaceChildren();
      this.rendered = this.definition.render(this.results, result, warnings,
        { request, title: this.inputs.title(), computeWith: (options) => this.computeWith(options) });
      labelTables(this.results); // cards on a phone, headings aligned with their numbers (table.js)
      this.results.prepend(this.resultActions(this.rendered));
      this.results.append(this.printRecord(), this.requestAppendix(request));
      this.markStale(false);
      this.linkProblems.hidden = true;
      // The address bar holds the inputs of the result on screen, so the link reproduces it.
      this.setParams(params);
      this.status.textContent = 'Done.';
    } catch (e) {
      if (e.name === 'AbortError') { if (this.controller === controller) this.status.textContent = 'Cancelled.'; return; }
      this.rendered?.destroy();
      this.rendered = null;
      this.results.replaceChildren();
      this.markStale(false);
      if (e.name === 'ApiError') {
        const field = this.showApiError(e);
        this.inputs.apiError?.(e);
        this.status.textContent = `Not computed: see the message ${field ? `next to ${field}` : 'below'}.`;
      }
      else { this.formError.textContent = e.message; this.status.textContent = 'Not computed.'; }
    } finally {
      clearTimeout(showProgress);
      if (this.controller === controller) {
        this.controller = null;
        this.cancelButton.hidden = true;
        this.progress.hidden = true;
        this.root.classList.remove('busy');
      }
    }
  }

  /** Set options (e.g. {offset: 256}) and compute again. */
  computeWith(options) {
    for (const [name, value] of Object.entries(options)) {
      const control = this.optionInputs.get(name);
      if (!control) continue;
      if (control.field.type === 'boolean') control.input.checked = Boolean(value);
      else control.input.value = String(value);
    }
    return this.compute();
  }

  /** An option as the page shows it: "Genotype model: Gene counting (Hardy–Weinberg)". */
  optionShown(name) {
    const { field, input } = this.optionInputs.get(name);
    const words = this.optionWords(name);
    const value = field.type === 'boolean' ? (input.checked ? 'on' : 'off')
      : isChoice(field) ? choiceWords(words, input.value)
        : input.value.trim() === '' ? `${field.default} (default)` : input.value.trim();
    return `${words.label}: ${value}`;
  }

  /** For the printout (the Options box is not printed): the options as the page shows them,
   *  what was computed, when, with which version, and the link that reproduces it. */
  printRecord() {
    const v = this.version;
    return h('section', { class: 'print-only print-record' },
      this.optionInputs.size ? [h('h3', {}, 'Options'), h('ul', {}, [...this.optionInputs.keys()].map((name) => h('li', {}, this.optionShown(name))))] : '',
      h('p', {}, `Computed ${new Date().toLocaleString()} with rbcmatch ${v?.rbcmatch ?? '?'} (request API ${v?.api_version ?? '?'}, GLPK ${v?.glpk ?? '?'}, `,
        `Eigen ${v?.eigen ?? '?'}). Link: ${location.href}`));
  }

  /** The request as the module received it, folded away at the end: for the command-line
   *  tool (rbcmatch <operation> < request.json) and the API's users. */
  requestAppendix(request) {
    const requests = this.definition.requests?.(request) ?? [request];
    const op = `rbcmatch ${this.definition.op}`;
    return h('details', { class: 'request-appendix' },
      h('summary', {}, requests.length === 1 ? `Appendix: the request (JSON, for the command-line tool: ${op})`
        : `Appendix: the ${requests.length} requests (JSON, each for the command-line tool: ${op})`),
      requests.map((r) => h('pre', { tabindex: 0 }, JSON.stringify(r, null, 1))));
  }

  resultActions(rendered) {
    return h('div', { class: 'result-actions no-print' },
      rendered.csv ? csvLink(rendered.csv(), rendered.csvName ?? `rbcmatch-${this.definition.id}.csv`) : '',
      h('button', { type: 'button', class: 'secondary', onclick: () => window.print() }, 'Print'));
  }

  destroy() {
    this.controller?.abort();
    this.rendered?.destroy();
  }
}
