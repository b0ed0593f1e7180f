"""Probe sentences: 'pairs|status|date|text' per line on stdin; prints mismatches.

pairs: 'A/B;C/D' or 'none'. A party may carry '(CC)' to check its country and '{XX-YY}' to check
its subdivision code, e.g. 'Washington{US-WA}/Hyogo(JP)'. status/date: empty = unchecked,
date 'null' = no date. '\\n' in text is a newline. A status may be given per pair, in the
pairs' order ('established,terminated'). Text opening with '@YYYY-MM-DD ' is published then.
A line opening with '!' is a known failure (a strict xfail in the tests): reported, not counted.
"""
import re
import sys
from twin_extract.pipeline import Extractor

ex = Extractor()
bad = n = 0
verbose = '-v' in sys.argv
for line in sys.stdin:
    line = line.rstrip('\n')
    if not line.strip() or line.startswith('#'):
        continue
    known = line.startswith('!')
    exp, st, dt, text = line.lstrip('!').split('|', 3)
    text = text.replace('\\n', '\n')
    published = None
    if re.match(r'@\d{4}-\d\d-\d\d ', text):
        published, text = text[1:11], text[12:]
    n += 1
    want = {}
    if exp != 'none':
        for p in exp.split(';'):
            parts = []
            for q in p.split('/'):
                m = re.fullmatch(r'(.+?)(?:\((\w\w)\))?(?:\{([\w-]+)\})?', q)
                parts.append((m.group(1), m.group(2), m.group(3)))
            want[frozenset(x[2] or x[0] for x in parts)] = parts
    recs = [r.to_dict(explain=True) for r in ex.extract(text, published=published)]
    statuses = dict(zip(want, st.split(','))) if ',' in st else dict.fromkeys(want, st)
    got = {frozenset(p.get('subdivision') or p['name'] for p in r['parties']): r for r in recs}
    problems = []
    if set(got) != set(want):
        problems.append('pairs')
    elif any(len(k) == 1 for k in want):
        for k, parts in want.items():
            if len(k) == 1 and sorted(x[1] or '' for x in parts) != sorted(p['country'] if x else '' for x, p in zip(parts, got[k]['parties'])):
                problems.append('countries')
    else:
        for k, parts in want.items():
            if len(k) == 1:
                continue
            r = got[k]
            byname = {k: p for p in r['parties'] for k in (p['name'], p.get('subdivision'))}
            for name, cc, sub in parts:
                key = sub or name
                if cc and byname[key]['country'] != cc:
                    problems.append(f'country {name}')
                if sub and byname[key].get('subdivision') != sub:
                    problems.append(f'subdivision {name}')
            if statuses[k] and r['status'] != statuses[k]:
                problems.append('status')
            if dt:
                v = (r.get('date') or {}).get('value')
                if (dt == 'null' and v) or (dt != 'null' and v != dt):
                    problems.append('date')
    if problems or verbose or known:
        bad += bool(problems) and not known
        print(f"{('KNOWN' if known else 'BAD') if problems else ('FIXED' if known else 'ok ')} {problems} EXPECT {exp}|{st}|{dt} :: {text}\n   GOT " + str([(' / '.join(f"{p['name']}({p['country']},{p['type']},{p.get('subdivision')})" for p in r['parties']), r['status'], (r.get('date') or {}).get('value')) for r in recs]) + ' ' + str([r['explain']['rules'][:4] for r in recs]))
print(f"{n - bad}/{n} ok")
