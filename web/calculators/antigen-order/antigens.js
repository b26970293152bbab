// The Antigen order tab's antigens: for every antigen of the built-in systems, whether it is
// always matched (A, B, D in the thesis), one of the minor antigens to order, or left out,
// and the share of alloantibodies formed against it (thesis Table 7.1 by default, each
// default with its source, editable, reset in one click).
//
// In the link: always=A,B,D&antigens=C,c,E,…&shares=E:0.4;K:0.3 (only the shares that differ
// from the default). Messages go to the slots always_matched, antigens, antibody_shares and
// antibody_shares.<antigen>, the request paths the module names.
import { readGroup } from '../../lib/blood-group.js';
import { h } from '../../lib/dom.js';
import { formatNumber } from '../../lib/format.js';
import { checkNumber, parseNumber } from '../../lib/numbers.js';
import { cite } from '../../lib/words.js';

export const ROLES = [
  { id: 'always', words: 'always matched' },
  { id: 'minor', words: 'to order' },
  { id: 'off', words: 'left out' },
];

/** A comma-separated list of antigen names: {names (known, in the list's order, once), unknown}. */
export function readNames(text, known) {
  const all = String(text ?? '').split(',').map((t) => t.trim()).filter(Boolean);
  return { names: [...new Set(all.filter((a) => known.includes(a)))], unknown: all.filter((a) => !known.includes(a)) };
}

/**
 * The strategy in detail as people write it: antigen names ("E K Jka", "E, K"), with a sign or
 * in Duffy / Kidd notation ("K+", "Fy(a+)"), c and C apart (web/lib/blood-group.js). "none":
 * the strategy of no minor antigen (the always-matched ones only). Returns {names} (in the
 * minor antigens' order; null for an empty text) or {error}.
 */
export function readStrategy(text, minor, always = []) {
  const t = String(text ?? '').trim();
  if (t === '') return { names: null };
  if (/^(none|-|—)$/i.test(t)) return { names: [] };
  const said = t.split(/[\s,;]+/).map((w) => w.replace(/[+]$/, '')).filter((w) => always.includes(w));
  if (said.length) {
    return { error: `${list(said)} ${said.length === 1 ? 'is' : 'are'} always matched (every strategy matches ${said.length === 1 ? 'it' : 'them'}): list only antigens to order` };
  }
  const g = readGroup(t, minor, { bareLetters: true, listName: 'the antigens to order' });
  if (g.error) return { error: g.error };
  if (g.absent.length) {
    return { error: `“${t}” says ${list(g.absent)} absent: a strategy lists the antigens to match on, e.g. “E K Jka” (“none” for none)` };
  }
  return { names: minor.filter((a) => g.present.includes(a)) };
}

const list = (names) => (names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`);

/** shares=E:0.4;K:0.3 -> {shares: {antigen: text}, problems: [words]}. */
export function readSharesParam(text, known) {
  const shares = {}, problems = [];
  for (const part of String(text ?? '').split(';').map((p) => p.trim()).filter(Boolean)) {
    const [antigen, value, extra] = part.split(':').map((x) => x.trim());
    if (extra !== undefined || value === undefined || !known.includes(antigen)) {
      problems.push(`Antibody shares: “${part}” is not antigen:share for an antigen the page knows`);
    } else if (checkNumber(value, { min: 0, max: 1 })) {
      problems.push(`Antibody share of ${antigen}: “${value}” ${checkNumber(value, { min: 0, max: 1 })}`);
      shares[antigen] = value;
    } else shares[antigen] = value;
  }
  return { shares, problems };
}

/** {antigen: text} -> "E:0.4;K:0.3" in the antigens' order. */
export const formatSharesParam = (shares, order) => order.filter((a) => shares[a] != null).map((a) => `${a}:${shares[a]}`).join(';');

export class AntigenTable {
  /**
   * antigens: every antigen the page offers, in the systems' order; defaults: {always: [],
   * minor: [], shares: {antigen: number}, source, maxMinor}: the module's defaults and limit
   * (describe: Table 7.1, the most antigens to order).
   */
  constructor(antigens, defaults, changed) {
    Object.assign(this, { antigens, defaults, changed });
    this.rows = new Map(antigens.map((a) => {
      const role = h('select', { id: `ao-role-${a}`, 'aria-label': `${a}: role`, onchange: () => { this.showRow(a); changed(); } },
        ROLES.map((r) => h('option', { value: r.id }, r.words)));
      const share = h('input', { type: 'text', inputmode: 'decimal', id: `ao-share-${a}`, autocomplete: 'off', size: 6,
        'aria-label': `${a}: share of alloantibodies`, 'aria-describedby': `ao-source-${a}`,
        oninput: () => { this.showRow(a); changed(); } });
      const source = h('span', { id: `ao-source-${a}`, class: 'ao-source' });
      const error = h('span', { class: 'field-error', 'data-error-for': `antibody_shares.${a}` });
      const tr = h('tr', { 'data-antigen': a },
        h('th', { scope: 'row' }, a),
        h('td', {}, role),
        h('td', { class: 'ao-share-cell' }, share, source, error));
      return [a, { role, share, source, tr }];
    }));
    this.sum = h('output', { id: 'ao-share-sum' });
    this.count = h('output', { id: 'ao-minor-count' });
    this.fieldset = h('fieldset', { class: 'ao-antigens-fieldset' },
      h('legend', {}, 'Antigens and antibody shares'),
      h('p', { class: 'hint' }, 'Always matched: every strategy matches it (the thesis: A, B and D). To order: the minor antigens whose order ',
        'the calculator finds (at most ', String(defaults.maxMinor), '). Share: of the alloantibodies patients form, the share against this antigen ',
        '(how much matching on it can prevent); the shares are scaled to add up to 1 over the antigens to order.'),
      h('div', { class: 'table-scroll' }, h('table', { class: 'ao-antigens-table', id: 'ao-antigens' },
        h('thead', {}, h('tr', {}, ['Antigen', 'Role', 'Share'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, [...this.rows.values()].map((r) => r.tr)))),
      h('p', { class: 'hint' }, 'Antigens to order: ', this.count, '. Sum of their shares: ', this.sum, '.'),
      h('span', { class: 'field-error', 'data-error-for': 'antigens' }),
      h('span', { class: 'field-error', 'data-error-for': 'always_matched' }),
      h('span', { class: 'field-error', 'data-error-for': 'antibody_shares' }),
      h('button', { type: 'button', class: 'secondary', id: 'ao-reset-shares', onclick: () => { this.resetShares(); changed(); } },
        'Reset the shares to Table 7.1'));
    this.reset();
  }

  defaultShare(a) { return this.defaults.shares[a]; }

  role(a) { return this.rows.get(a).role.value; }
  listed(role) { return this.antigens.filter((a) => this.role(a) === role); }
  always() { return this.listed('always'); }
  minor() { return this.listed('minor'); }

  reset() {
    for (const a of this.antigens) {
      this.rows.get(a).role.value = this.defaults.always.includes(a) ? 'always' : this.defaults.minor.includes(a) ? 'minor' : 'off';
    }
    this.resetShares();
  }

  resetShares() {
    for (const a of this.antigens) {
      const d = this.defaultShare(a);
      this.rows.get(a).share.value = d == null ? '' : String(d);
      this.showRow(a);
    }
  }

  /** The share as typed differs from the default (or there is none): the user's value. */
  own(a) {
    const text = this.rows.get(a).share.value.trim();
    return text !== '' && parseNumber(text) !== this.defaultShare(a);
  }

  showRow(a) {
    const { role, share, source } = this.rows.get(a);
    const d = this.defaultShare(a);
    share.disabled = role.value !== 'minor';
    // Only an antigen to order has a share that counts.
    source.textContent = role.value !== 'minor' ? '' : this.own(a) ? 'your value' : d != null ? cite(this.defaults.source) : 'none in Table 7.1';
  }

  /** Checks every share of an antigen to order; returns the number of fields in error. */
  validate(setError) {
    let errors = 0;
    const minor = this.minor();
    let sum = 0;
    for (const a of this.antigens) {
      const text = this.rows.get(a).share.value;
      let message = '';
      if (minor.includes(a)) {
        message = text.trim() === '' && this.defaultShare(a) == null
          ? `Table 7.1 has no share for ${a}: give one (0 if no one forms anti-${a})`
          : checkNumber(text, { min: 0, max: 1 });
        if (!message) sum += parseNumber(text);
      }
      setError(`antibody_shares.${a}`, message);
      if (message) errors++;
      this.showRow(a);
    }
    const count = minor.length;
    this.count.textContent = `${count} (${(2 ** count).toLocaleString('en').replace(/,/g, '\u202f')} strategies)`;
    this.sum.textContent = formatNumber(sum, 4);
    const antigens = count === 0 ? 'Choose at least one antigen to order'
      : count > this.defaults.maxMinor
        ? `At most ${this.defaults.maxMinor} antigens to order (2^${this.defaults.maxMinor} strategies); ${count} are chosen` : '';
    setError('antigens', antigens);
    const allOk = errors === 0;
    const shares = allOk && count && !(sum > 0) ? 'The shares of the antigens to order add up to 0: give at least one a share' : '';
    setError('antibody_shares', shares);
    setError('always_matched', '');
    return errors + (antigens ? 1 : 0) + (shares ? 1 : 0);
  }

  /** The shares sent: only the user's own (the rest the module takes from Table 7.1, and says so). */
  ownShares() {
    return Object.fromEntries(this.minor().filter((a) => this.own(a)).map((a) => [a, parseNumber(this.rows.get(a).share.value)]));
  }

  toRequest(request) {
    request.always_matched = this.always();
    request.antigens = this.minor();
    const shares = this.ownShares();
    if (Object.keys(shares).length) request.antibody_shares = shares;
  }

  toParams(params) {
    params.set('always', this.always().join(','));
    params.set('antigens', this.minor().join(','));
    const shares = Object.fromEntries(this.antigens.filter((a) => this.own(a)).map((a) => [a, this.rows.get(a).share.value.trim()]));
    const text = formatSharesParam(shares, this.antigens);
    if (text) params.set('shares', text);
  }

  restore(params) {
    const problems = [];
    this.reset();
    const lists = {};
    for (const [key, role, label] of [['always', 'always', 'Always matched'], ['antigens', 'minor', 'Antigens to order']]) {
      const text = params.get(key);
      if (text == null) continue;
      const { names, unknown } = readNames(text, this.antigens);
      if (unknown.length) problems.push(`${label}: ${unknown.map((a) => `“${a}”`).join(', ')} not known here`);
      lists[role] = names;
    }
    const both = (lists.always ?? []).filter((a) => (lists.minor ?? []).includes(a));
    if (both.length) problems.push(`${both.join(', ')} ${both.length === 1 ? 'is' : 'are'} both always matched and to order: list ${both.length === 1 ? 'it' : 'them'} once`);
    for (const a of this.antigens) {
      const always = (lists.always ?? this.defaults.always).includes(a);
      const minor = (lists.minor ?? this.defaults.minor).includes(a);
      this.rows.get(a).role.value = always ? 'always' : minor ? 'minor' : 'off';
    }
    const { shares, problems: shareProblems } = readSharesParam(params.get('shares'), this.antigens);
    problems.push(...shareProblems);
    for (const [a, text] of Object.entries(shares)) this.rows.get(a).share.value = text;
    for (const a of this.antigens) this.showRow(a);
    return problems;
  }

  fieldLabel(path) {
    const m = /^antibody_shares\.(.+)$/.exec(path);
    if (m) return `the share of anti-${m[1]}`;
    if (path === 'antibody_shares') return 'the antibody shares';
    if (path === 'always_matched') return 'the always-matched antigens';
    if (path === 'antigens' || path.startsWith('antigens[')) return 'the antigens to order';
    return undefined;
  }
}
