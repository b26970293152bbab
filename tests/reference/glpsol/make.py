#!/usr/bin/env python3
# Runs GLPK's own solver, glpsol, on GLPK's example models (tests/reference/glpk/) and on the
# status models beside this file, and writes what it reports, one JSON file per case, for
# tests/api/op_lp.cpp to compare the `lp` operation with: status, objective, every row's and
# column's value, dual and basis status (from `-w`, glp_write_sol's 15 significant digits),
# the sensitivity report (`--ranges`, glp_print_ranges: 5 decimals, or 6 significant digits
# from 1e6 on) and the names (`--wglp`, the problem in GLPK's own format). Each file keeps
# the commands that made it and glpsol's version. The tests never run glpsol.
#
#   python3 tests/reference/glpsol/make.py            (needs Debian's glpk-utils, glpsol 5.0)
#
# A model that is not optimal is solved with --nopresol, as glpsol advises ("If you need
# actual output for non-optimal solution, use --nopresol"): its primal and dual statuses say
# whether it is infeasible or unbounded. When the primal simplex finds no feasible point,
# the dual simplex (--nopresol --dual) says whether the dual is infeasible too.
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
GLPK = os.path.join(HERE, '..', 'glpk')

# (case, model file relative to tests/reference, format, extra glpsol options). The format
# is the `lp` operation's; glpsol's option for it is FORMAT_OPTION's. The selection and the
# examples left out are explained in tests/reference/glpk/README.md.
MATHPROG = ['assign', 'bpp', 'cal', 'cf12a', 'cf12b', 'cflsq', 'color', 'cpp', 'crypto', 'dea', 'diet', 'dist',
            'egypt', 'fctp', 'food', 'food2', 'gap', 'graceful', 'jssp', 'magic', 'maxcut', 'maxflow', 'mfasp',
            'mfvsp', 'misp', 'money', 'mvcp', 'numbrix', 'plan', 'powpl25h', 'powplant', 'prod', 'qfit',
            'queens', 'sat', 'shiftcov', 'shikaku', 'sorting', 'spp', 'stigler', 'sudoku', 'todd', 'toto', 'train',
            'transp', 'tsp', 'wolfra6d', 'xyacfs', 'yacfs', 'zebra']
CASES = ([(m, f'glpk/{m}.mod', 'mathprog', []) for m in MATHPROG] +
         [('plan-lp', 'glpk/plan.lp', 'cplex_lp', []), ('wolfra6d-lp', 'glpk/wolfra6d.lp', 'cplex_lp', [])] +
         [(f'{m}-mps', f'glpk/{m}.mps', 'fixed_mps', []) for m in ['alloy', 'furnace', 'icecream', 'plan', 'samp1', 'samp2']] +
         # murtagh.mps says "problem is maximization" in a comment, which MPS cannot say itself:
         # glpsol solves it as a minimisation unless told --max, and the minimisation is unbounded.
         [('murtagh-mps-max', 'glpk/murtagh.mps', 'fixed_mps', ['--max']),
          ('murtagh-mps-min', 'glpk/murtagh.mps', 'fixed_mps', [])] +
         [(f'status-{s}', f'glpsol/status-{s}.lp', 'cplex_lp', []) for s in ['infeasible', 'unbounded', 'both', 'both-dual-first']])
FORMAT_OPTION = {'mathprog': '--math', 'cplex_lp': '--lp', 'fixed_mps': '--mps'}

def run(args, cwd):
    r = subprocess.run(['glpsol'] + args, cwd=cwd, capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f'glpsol {" ".join(args)} failed:\n{r.stdout}{r.stderr}')
    return r.stdout

def read_glp_names(path):
    """Row and column names from glp_write_prob's format: 'n i K NAME', 'n j K NAME'."""
    rows, cols = {}, {}
    for line in open(path):
        parts = line.rstrip('\n').split(' ', 3)
        if parts[0] == 'n' and parts[1] in 'ij' and len(parts) == 4:
            (rows if parts[1] == 'i' else cols)[int(parts[2])] = parts[3]
    return [rows[i] for i in sorted(rows)], [cols[j] for j in sorted(cols)]

STAT = {'b': 'basic', 'l': 'at_lower', 'u': 'at_upper', 'f': 'free', 's': 'fixed'}

def read_solution(path):
    """glp_write_sol / glp_write_mip: 's bas M N PRIM DUAL OBJ' or 's mip M N STAT OBJ', then
    'i K ...' per row and 'j K ...' per column."""
    out = {'rows': [], 'columns': []}
    for line in open(path):
        f = line.split()
        if f[0] == 's':
            out['kind'] = f[1]
            if f[1] == 'bas':
                out['primal_status'], out['dual_status'], out['objective'] = f[4], f[5], float(f[6])
            else:
                out['mip_status'], out['objective'] = f[4], float(f[5])
        elif f[0] in 'ij':
            entry = {'status': STAT[f[2]], 'value': float(f[3]), 'dual': float(f[4])} if out['kind'] == 'bas' \
                else {'value': float(f[2])}
            out['rows' if f[0] == 'i' else 'columns'].append(entry)
    return out

def number(text):
    """A number of glp_print_ranges: ' .' is 0, +-Inf an unlimited end (null)."""
    text = text.strip()
    if text in ('+Inf', '-Inf'):
        return None
    return 0.0 if text == '.' else float(text)

def read_ranges(path, m):
    """glp_print_ranges' report (api/prrngs.c): per row, then per column, two lines of fixed
    columns (the ranges at 66-78, 80-92 and 94-106, the limiting variable from 108); a name
    longer than 12 characters ends its own line and the fields continue on the next one."""
    lines = [l.rstrip('\n') for l in open(path)]
    items, k = [], 0
    while k < len(lines):
        line = lines[k]
        if not re.match(r'^ {0,5}\d+ ', line) or line.startswith('------'):
            k += 1
            continue
        name = line[7:19].rstrip()
        if len(line) > 19 and line[19] != ' ':  # a long name: the rest of it, then a new line
            name, line = line[7:], line[:19] + lines[k + 1][19:]
            k += 1
        second = lines[k + 1]
        items.append({
            'name': name,
            'activity': [number(line[64:79]), number(second[64:79])],
            'objective_coefficient': [number(line[79:93]), number(second[79:93])],
            'objective_at_break': [number(line[93:107]), number(second[93:107])],
            'limiting': [line[108:] or None, second[108:] or None],
        })
        k += 2
    return items[:m], items[m:]

def version():
    first = subprocess.run(['glpsol', '--version'], capture_output=True, text=True).stdout.splitlines()[0]
    package = subprocess.run(['dpkg-query', '-W', '-f', '${Package} ${Version}', 'glpk-utils'],
                             capture_output=True, text=True).stdout
    return f'{first} (Debian {package})' if package else first

def make(case, model, fmt, extra, glpsol_version):
    with tempfile.TemporaryDirectory() as tmp:
        name = os.path.basename(model)
        shutil.copy(os.path.join(HERE, '..', model), os.path.join(tmp, name))
        base = [FORMAT_OPTION[fmt]] + extra + [name]
        commands = []
        def glpsol(args):
            commands.append('glpsol ' + ' '.join(args))
            return run(args, tmp)
        glpsol(base + ['--wglp', 'model.glp', '--ranges', 'model.rng', '-w', 'model.sol'])
        rows, cols = read_glp_names(os.path.join(tmp, 'model.glp'))
        sol = read_solution(os.path.join(tmp, 'model.sol'))
        out = {
            'case': case,
            'model': model,
            'format': fmt,
            'sense': 'max' if '--max' in extra else None,
            'glpsol': glpsol_version,
            'commands': commands,
            'problem': 'lp' if sol['kind'] == 'bas' else 'mip',
        }
        if sol['kind'] == 'mip':
            out['status'] = {'o': 'optimal', 'f': 'feasible', 'n': 'infeasible'}.get(sol['mip_status'], 'undefined')
        elif (sol['primal_status'], sol['dual_status']) == ('f', 'f'):
            out['status'] = 'optimal'
        else:
            # Presolved, glpsol keeps no solution: solve again as it advises.
            glpsol(base + ['--nopresol', '-w', 'model.sol'])
            sol = read_solution(os.path.join(tmp, 'model.sol'))
            out['primal_status'], out['dual_status'] = sol['primal_status'], sol['dual_status']
            if sol['primal_status'] == 'n':
                glpsol(base + ['--nopresol', '--dual', '-w', 'dual.sol'])
                out['dual_simplex_dual_status'] = read_solution(os.path.join(tmp, 'dual.sol'))['dual_status']
                both = out['dual_simplex_dual_status'] == 'n'
                out['status'] = 'primal_and_dual_infeasible' if both else 'infeasible'
            elif (sol['primal_status'], sol['dual_status']) == ('f', 'n'):
                out['status'] = 'unbounded'
            else:
                out['status'] = 'undefined'
            out['rows'] = [{'name': n} for n in rows]
            out['columns'] = [{'name': n} for n in cols]
            return out
        out['objective'] = sol['objective']
        out['rows'] = [dict(name=n, **e) for n, e in zip(rows, sol['rows'])]
        out['columns'] = [dict(name=n, **e) for n, e in zip(cols, sol['columns'])]
        if sol['kind'] == 'bas':
            row_ranges, col_ranges = read_ranges(os.path.join(tmp, 'model.rng'), len(rows))
            for entries, ranges in ((out['rows'], row_ranges), (out['columns'], col_ranges)):
                assert len(entries) == len(ranges), case
                for e, r in zip(entries, ranges):
                    assert e['name'] == r.pop('name'), (case, e['name'])
                    e['ranging'] = r
        return out

def compact(x):
    """A float that is a whole number as an integer: shorter files, the same value."""
    return int(x) if isinstance(x, float) and x.is_integer() and abs(x) < 1e15 and str(x) != '-0.0' else x

def entry_row(fields, e):
    r = e.get('ranging', {})
    values = [e.get(f, r.get(f)) for f in fields]
    return [[compact(v) for v in x] if isinstance(x, list) else compact(x) for x in values]

def write(out, path):
    """One row or column a line; the order of `fields` says what each entry holds."""
    fields = ['name'] + (['status', 'value', 'dual', 'activity', 'objective_coefficient', 'objective_at_break',
                          'limiting'] if out['problem'] == 'lp' and 'objective' in out else
                         ['value'] if 'objective' in out else [])
    head = {k: v for k, v in out.items() if k not in ('rows', 'columns')}
    head['fields'] = fields
    dump = lambda x: json.dumps(x, separators=(',', ':'))
    with open(path, 'w') as f:
        f.write('{\n' + ',\n'.join(f'{dump(k)}:{dump(v)}' for k, v in head.items()))
        for key in ('rows', 'columns'):
            lines = [dump(entry_row(fields, e)) for e in out[key]]
            f.write(f',\n{dump(key)}:[' + ('\n' + ',\n'.join(lines) + '\n' if lines else '') + ']')
        f.write('\n}\n')

def main():
    glpsol_version = version()
    for case, model, fmt, extra in CASES:
        out = make(case, model, fmt, extra, glpsol_version)
        write(out, os.path.join(HERE, f'{case}.json'))
        print(case, out['status'], len(out['rows']), len(out['columns']))

if __name__ == '__main__':
    main()
