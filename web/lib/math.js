// Small inline formulas as MathML Core, which Chromium and Firefox lay out, print and give
// to screen readers themselves: no library. A formula is written as people type it,
//   formula('λ_4 π_4'), formula('γ Δ_{ij} + (1 − γ) r / R'), formula('‖x^T P x − x‖_1')
// letters are variables (one each: "ij" is i j, in italics), "quoted" letters upright (the
// transpose x^"T"), digits numbers, "exp", "log", "min" and "max" function names (upright,
// a thin space either side), everything else an operator; _ and ^ take the next letter, number or
// {group} as subscript and superscript. parseFormula is pure (tested in node); formula
// builds the <math> element.

const FUNCTIONS = ['exp', 'log', 'min', 'max'];
const SCRIPT = { _: 'sub', '^': 'sup' };

/** The tokens of a formula: {kind: 'mi' | 'mn' | 'mo' | 'mspace' | '{' | '}' | '_' | '^', text, upright?}. */
function tokens(text) {
  const out = [];
  const pattern = /\s+|(\d+(?:\.\d+)?)|"(\p{L}+)"|(\p{L}+)|([{}_^])|(.)/gu;
  for (const [, number, upright, word, mark, other] of text.matchAll(pattern)) {
    if (number) out.push({ kind: 'mn', text: number });
    else if (upright) out.push({ kind: 'mi', text: upright, upright: true });
    else if (word) {
      if (FUNCTIONS.includes(word)) out.push(...(out.length ? [{ kind: 'mspace', text: '' }] : []), { kind: 'mi', text: word }, { kind: 'mspace', text: '' });
      else for (const letter of word) out.push({ kind: 'mi', text: letter });
    } else if (mark) out.push({ kind: mark, text: mark });
    else if (other) out.push({ kind: 'mo', text: other === '-' ? '−' : other });
  }
  return out;
}

/**
 * The formula as a tree: nodes {tag: 'mi' | 'mn' | 'mo', text} and {tag: 'mrow' | 'msub' |
 * 'msup' | 'msubsup', children}. Throws on an unbalanced brace or a script with no base.
 */
export function parseFormula(text) {
  const list = tokens(text);
  let at = 0;
  const sequence = (closing) => {
    const nodes = [];
    while (at < list.length && list[at].kind !== closing) {
      const token = list[at];
      if (token.kind === '}') throw new Error(`unbalanced } in "${text}"`);
      if (SCRIPT[token.kind]) {
        const base = nodes.pop();
        if (!base) throw new Error(`${token.kind} with nothing before it in "${text}"`);
        at++;
        const script = atom();
        const other = SCRIPT[token.kind] === 'sub' ? 'sup' : 'sub';
        if (base.tag === `m${other}` && !base.done) nodes.push({ tag: 'msubsup', children: other === 'sub' ? [...base.children, script] : [base.children[0], script, base.children[1]], done: true });
        else nodes.push({ tag: `m${SCRIPT[token.kind]}`, children: [base, script] });
      } else nodes.push(atom());
    }
    if (closing && at >= list.length) throw new Error(`missing } in "${text}"`);
    return nodes;
  };
  const atom = () => {
    const token = list[at++];
    if (!token) throw new Error(`a script with nothing after it in "${text}"`);
    if (token.kind === '{') {
      const inner = sequence('}');
      at++;
      return inner.length === 1 ? inner[0] : { tag: 'mrow', children: inner };
    }
    if (SCRIPT[token.kind] || token.kind === '}') throw new Error(`unexpected ${token.kind} in "${text}"`);
    return token.upright ? { tag: token.kind, text: token.text, upright: true } : { tag: token.kind, text: token.text };
  };
  const nodes = sequence(null);
  const clean = (node) => (node.children ? { tag: node.tag, children: node.children.map(clean) } : node);
  return { tag: 'mrow', children: nodes.map(clean) };
}

const NS = 'http://www.w3.org/1998/Math/MathML';

function build(node) {
  const el = document.createElementNS(NS, node.tag);
  if (node.children) el.append(...node.children.map(build));
  else el.textContent = node.text;
  if (node.upright && node.text.length === 1) el.setAttribute('mathvariant', 'normal');
  if (node.tag === 'mspace') el.setAttribute('width', '0.17em');
  return el;
}

/** An inline <math> element for the formula; its source text is kept as alttext. */
export function formula(text) {
  const math = document.createElementNS(NS, 'math');
  math.setAttribute('alttext', text);
  math.append(...build(parseFormula(text)).childNodes);
  return math;
}
