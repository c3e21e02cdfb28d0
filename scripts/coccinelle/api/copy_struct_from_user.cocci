// SPDX-License-Identifier: GPL-2.0-only
/// Use copy_struct_from_user() for a struct whose size the caller gives
///
/// A struct copied from user space with copy_from_user() or memdup_user()
/// with a length that comes from the caller (a system call or ioctl
/// argument, a size read from user memory, or a clamp of one) is a
/// size-versioned struct handled by hand: a short copy leaves the rest of
/// the kernel object stale, a long one overflows it or silently drops bytes
/// that newer user space set. copy_struct_from_user() zero-fills what the
/// caller did not pass and fails with -E2BIG when it passed non-zero bytes
/// this kernel does not know.
///
/// The length is "from the caller" when it is, or is computed without a
/// function call (other than min()/clamp()) from: a get_user() or a
/// copy_from_user() target read from the same user pointer (or a field of
/// it), a parameter that comes with that pointer (when the function has a
/// caller in the file, one caller must pass its own caller's value), or a
/// size/len field of a struct passed in with the pointer; and it is not
/// replaced by a size the kernel chose on every path to the copy.
///
/// Not reported: an exact size check (len != sizeof(...)); an object
/// allocated with the length (variable size); an in/out buffer copied back
/// with copy_to_user() and no trailing-zero check (its tail is output
/// space); socket addresses and bitmaps; for memdup_user(), a lower bound
/// that is not a version size (len < sizeof(*p): a header and a payload).
///
/// Patch mode rewrites copy_from_user(dst, src, len) into
/// copy_struct_from_user(dst, sizeof(*dst), src, len); where the result
/// was stored in a variable and -EFAULT returned, that variable is returned
/// instead, so -E2BIG reaches user space. In the "if (copy_from_user(...))"
/// form the branch is kept as it is: -E2BIG becomes the branch's error,
/// review it. memdup_user() cases are reported only.
///
// Confidence: Moderate
// Copyright: (C) 2026 Seed 80f0496a maintainers.
// URL: https://coccinelle.gitlabpages.inria.fr/website
// Comments: Heuristic: the taint analysis is per function (one level of
// Comments: callers in the same file), flow-insensitive for assignments.
// Comments: With --no-includes, only a destination whose struct type is
// Comments: known from the file (a local, a parameter) is judged.
// Options: --no-includes --include-headers

virtual patch
virtual context
virtual org
virtual report

@initialize:python@
@@
import re

SIZE_FIELD = re.compile(r'(size|len|length|sz)', re.I)
# Calls whose result keeps the caller's length (a clamp of it).
CLAMPS = ('min', 'min_t', 'umin', 'min_not_zero', 'clamp', 'clamp_t',
	  'clamp_val', 'READ_ONCE')
ALLOCS = ('kmalloc', 'kzalloc', 'kvmalloc', 'kvzalloc', 'vmalloc',
	  'vzalloc', 'kmalloc_array', 'kcalloc', 'kvcalloc', 'kvmalloc_array',
	  'kmalloc_node', 'kzalloc_node')
# Variable-length by design: an address or a bitmap, not a versioned struct.
NOT_VERSIONED = re.compile(r'^(struct|union) (sockaddr\w*|__kernel_sockaddr\w*|'
			   r'cpumask|nodemask\w*)$')
IDENT = r'(?<![\w.>])([A-Za-z_]\w*)'

def norm(s):
	return re.sub(r'\s+', '', str(s))

def pkey(p):
	return (p[0].line, p[0].column)

def is_struct(t):
	t = ' '.join(str(t).split())
	return (t.startswith('struct ') or t.startswith('union ')) and \
		'*' not in t and not NOT_VERSIONED.match(t)

def strip_calls(e, keep=CLAMPS):
	# drop the arguments of calls that compute a new value from theirs
	out = ''
	i = 0
	while i < len(e):
		m = re.match(r'([A-Za-z_]\w*)(\(?)', e[i:])
		if not m or (i > 0 and re.match(r'\w', e[i - 1])):
			out += e[i]
			i += 1
		elif not m.group(2) or m.group(1) in keep:
			out += m.group(0)
			i += len(m.group(0))
		else:
			depth = 0
			j = i + len(m.group(1))
			while j < len(e):
				if e[j] == '(':
					depth += 1
				elif e[j] == ')':
					depth -= 1
					if depth == 0:
						break
				j += 1
			out += m.group(1) + '()'
			i = j + 1
	return out

def idents(e):
	return set(re.findall(IDENT, e))

class Func:
	def __init__(self):
		self.params = []	# [(name, type)]
		self.gets = []		# get_user(x, e): (x, e)
		self.cfus = []		# copy_from_user(x, e, n): (x, e)
		self.assigns = []	# (lhs, rhs)
		self.cmps = []		# (lhs, op, rhs)
		self.outs = set()	# copy_to_user() destinations
		self.tails = []		# arguments of trailing-zero checks

funcs = {}
cands = {}
calls = {}	# (callee, index) -> [(caller, arg)]
live = set()
decided = {}

def func(name):
	return funcs.setdefault(str(name), Func())

def reset():
	funcs.clear()
	cands.clear()
	calls.clear()
	live.clear()
	decided.clear()

def atom_re(a):
	return r'(?<![\w.>])' + re.escape(a) + r'(?!\w)'

def roots(f, e):
	# identifiers an expression is computed from, through local assignments
	todo = list(idents(e))
	seen = set()
	while todo:
		v = todo.pop()
		if v in seen:
			continue
		seen.add(v)
		for (lhs, rhs) in f.assigns:
			if lhs == v:
				todo.extend(idents(rhs))
	return seen

def mentions(f, e, scalars, holders, sizeholders):
	e = strip_calls(norm(e))
	for s in scalars:
		if re.search(atom_re(s), e):
			return True
	for h in holders:
		if re.search(r'(?<![\w.>])' + re.escape(h) + r'(\.|->)', e):
			return True
	for h in sizeholders:
		for m in re.finditer(r'(?<![\w.>])' + re.escape(h) +
				     r'(?:\.|->)([\w.>-]+)', e):
			if SIZE_FIELD.search(m.group(1).split('.')[-1].split('>')[-1]):
				return True
	return False

def propagate(f, scalars, holders, sizeholders):
	changed = True
	while changed:
		changed = False
		for (lhs, rhs) in f.assigns:
			if lhs in scalars:
				continue
			if mentions(f, rhs, scalars, holders, sizeholders):
				scalars.add(lhs)
				changed = True

def external(fn, i, depth=0):
	# is parameter i of fn given by code outside this file (or by a
	# caller that passes something it got from outside)?
	sites = calls.get((fn, i))
	if not sites:
		return True
	if depth > 3:
		return False
	for (caller, arg) in sites:
		g = funcs.get(caller)
		if g is None:
			continue
		sc = set(x for (x, e) in g.gets)
		ho = set(x for (x, e) in g.cfus)
		for (j, (name, t)) in enumerate(g.params):
			if '*' not in t and external(caller, j, depth + 1):
				sc.add(name)
		propagate(g, sc, ho, set())
		if mentions(g, arg, sc, ho, set()):
			return True
	return False

def is_atom(e):
	return re.match(r'^[A-Za-z_][\w.\[\]]*(->[\w.\[\]]+)*$', e) is not None

def clamp_of(e):
	m = re.match(r'^(\w+)\(', e)
	return m is not None and m.group(1) in CLAMPS

def constant_rhs(e, depth=0):
	# a length the kernel chose: sizes, offsets, constants, or locals
	# only ever assigned such values
	e = strip_calls(norm(e), keep=())
	if '?' in e:
		e = e.split('?', 1)[1]
	for i in idents(e):
		if re.match(r'^[A-Z0-9_]+$', i) or i in \
		   ('sizeof', 'offsetof', 'offsetofend', 'ARRAY_SIZE',
		    'sizeof_field', 'struct', 'union', 'typeof'):
			continue
		rhss = [r for g in funcs.values() for (l, r) in g.assigns
			if l == i]
		if depth > 2 or not rhss or \
		   not all(constant_rhs(r, depth + 1) for r in rhss):
			return False
	return True

def uncast(e):
	return re.sub(r'^(\([^()]*\))+', '', norm(e))

def decide(p):
	fn = p[0].current_element
	k = pkey(p)
	if k in decided:
		return decided[k]
	res = False
	c = cands.get(k)
	f = funcs.get(str(fn))
	if c is not None and f is not None:
		src = roots(f, c['src'])
		sc = set()
		ho = set()
		sh = set()
		for (x, e) in f.gets:
			if roots(f, e) & src:
				sc.add(x)
		for (x, e) in f.cfus:
			if roots(f, e) & src:
				ho.add(x)
				sc.add(x)
		pnames = set(n for (n, t) in f.params)
		if pnames & src:
			for (i, (name, t)) in enumerate(f.params):
				if '*' not in t and '[' not in t:
					if external(str(fn), i):
						sc.add(name)
				elif name in src and \
				     re.match(r'^(const )?(struct|union) ', t):
					sh.add(name)
		propagate(f, sc, ho, sh)
		le = c['len']
		usrc = uncast(c['src'])
		if usrc in f.outs and not any(re.search(atom_re(usrc), t)
					      for t in f.tails):
			return False	# in/out buffer: the tail is output space
		if (is_atom(le) and k in live) or clamp_of(le):
			res = mentions(f, le, sc, ho, sh)
		if res:
			atoms = set(a for a in sc if re.search(atom_re(a), le))
			atoms.add(le)
			for (a, op, b) in f.cmps:
				if a in atoms:
					other, lower = b, op in ('<', '<=')
				elif b in atoms:
					other, lower = a, op in ('>', '>=')
				else:
					continue
				if op in ('==', '!=') and other not in ('0', 'NULL'):
					res = False	# exact size: not versioned
				if c['kind'] == 'dup' and lower and \
				   not re.search(r'_SIZE_VER\d+$|^offsetofend\(',
						 other):
					# at least a header: a header and a payload
					res = False
			dst = c['dst'].lstrip('&')
			for (lhs, rhs) in f.assigns:
				m = re.match(r'^(\w+)\(', rhs)
				if lhs == dst and m and m.group(1) in ALLOCS:
					res = False	# variable-size object
	decided[k] = res
	return res

def message(p):
	c = cands[pkey(p)]
	if c['kind'] == 'dup':
		return "WARNING: %s() of a struct with a caller-supplied size: " \
		       "fields past a short copy are outside the allocation, " \
		       "use copy_struct_from_user() into a sizeof(*p) object" % \
		       c['fn']
	return "WARNING: %s() of a struct with a caller-supplied size: " \
	       "use copy_struct_from_user()" % c['fn']

@script:python@
@@
reset()

// Candidates: a struct object or struct pointer filled from user space.

@cobj@
type T;
T ds;
expression S, LE;
position p;
@@
\(copy_from_user@p\|__copy_from_user@p\)(&ds, S, LE)

@script:python@
p << cobj.p;
T << cobj.T;
ds << cobj.ds;
S << cobj.S;
LE << cobj.LE;
@@
if is_struct(T):
	cands[pkey(p)] = {'kind': 'obj', 'dst': '&' + norm(ds), 'src': norm(S),
			  'len': norm(LE), 'fn': 'copy_from_user'}

@cptr@
type T;
T *dp;
expression S, LE;
position p;
@@
\(copy_from_user@p\|__copy_from_user@p\)(dp, S, LE)

@script:python@
p << cptr.p;
T << cptr.T;
dp << cptr.dp;
S << cptr.S;
LE << cptr.LE;
@@
if is_struct(T):
	cands.setdefault(pkey(p), {'kind': 'ptr', 'dst': norm(dp),
				   'src': norm(S), 'len': norm(LE),
				   'fn': 'copy_from_user'})

@cdup@
type T;
T *dp;
expression S, LE;
position p;
@@
dp = \(memdup_user@p\|vmemdup_user@p\)(S, LE)

@script:python@
p << cdup.p;
T << cdup.T;
S << cdup.S;
LE << cdup.LE;
@@
if is_struct(T):
	cands[pkey(p)] = {'kind': 'dup', 'dst': '', 'src': norm(S),
			  'len': norm(LE), 'fn': 'memdup_user'}

@cdupd@
type T;
identifier x;
expression S, LE;
position p;
@@
T *x = \(memdup_user@p\|vmemdup_user@p\)(S, LE);

@script:python@
p << cdupd.p;
T << cdupd.T;
S << cdupd.S;
LE << cdupd.LE;
@@
if is_struct(T):
	cands[pkey(p)] = {'kind': 'dup', 'dst': '', 'src': norm(S),
			  'len': norm(LE), 'fn': 'memdup_user'}

// Facts about the functions of a file that has candidates.

@fparam depends on cobj || cptr || cdup || cdupd@
identifier fn, L;
type TL;
parameter list[n] ps;
@@
fn(ps, TL L, ...) { ... }

@script:python@
fn << fparam.fn;
L << fparam.L;
TL << fparam.TL;
n << fparam.n;
@@
f = func(fn)
n = int(n)
while len(f.params) <= n:
	f.params.append(('', '*'))
f.params[n] = (norm(L), ' '.join(str(TL).split()))

@fget depends on cobj || cptr || cdup || cdupd@
expression X, E;
position q;
@@
\(get_user@q\|__get_user@q\)(X, E)

@script:python@
q << fget.q;
X << fget.X;
E << fget.E;
@@
func(q[0].current_element).gets.append((norm(X), norm(E)))

@fcfu depends on cobj || cptr || cdup || cdupd@
expression X, E, N;
position q;
@@
(
\(copy_from_user@q\|__copy_from_user@q\)(&X, E, N)
|
\(copy_from_user@q\|__copy_from_user@q\)(X, E, N)
)

@script:python@
q << fcfu.q;
X << fcfu.X;
E << fcfu.E;
@@
func(q[0].current_element).cfus.append((norm(X).lstrip('&'), norm(E)))

@fout depends on cobj || cptr || cdup || cdupd@
expression X;
position q;
@@
\(copy_to_user@q\|__copy_to_user@q\)(X, ...)

@script:python@
q << fout.q;
X << fout.X;
@@
func(q[0].current_element).outs.add(uncast(X))

@ftail depends on cobj || cptr || cdup || cdupd@
identifier tz =~ "(tail_zero|zeroed_user|zeroed_sockptr|zeroed_bpfptr)";
expression list es;
position q;
@@
tz@q(es)

@script:python@
q << ftail.q;
es << ftail.es;
@@
func(q[0].current_element).tails.append(norm(es))

@fasg depends on cobj || cptr || cdup || cdupd@
expression X, E;
position q;
@@
X@q = E

@script:python@
q << fasg.q;
X << fasg.X;
E << fasg.E;
@@
func(q[0].current_element).assigns.append((norm(X), norm(E)))

@fdecl depends on cobj || cptr || cdup || cdupd@
type T;
identifier X;
expression E;
position q;
@@
T X@q = E;

@script:python@
q << fdecl.q;
X << fdecl.X;
E << fdecl.E;
@@
func(q[0].current_element).assigns.append((norm(X), norm(E)))

@fcmp depends on cobj || cptr || cdup || cdupd@
expression A, B;
binary operator op = {==, !=, <, <=, >, >=};
position q;
@@
A@q op B

@script:python@
q << fcmp.q;
A << fcmp.A;
B << fcmp.B;
op << fcmp.op;
@@
func(q[0].current_element).cmps.append((norm(A), str(op).strip(), norm(B)))

@fcall depends on cobj || cptr || cdup || cdupd@
identifier fn : script:python () { str(fn) in funcs };
expression list[n] es;
expression A;
position q;
@@
fn@q(es, A, ...)

@script:python@
fn << fcall.fn;
n << fcall.n;
A << fcall.A;
q << fcall.q;
@@
calls.setdefault((str(fn), int(n)), []).append((str(q[0].current_element),
					    norm(A)))

// The length is the caller's on some path from the function entry: it is
// not replaced by a length the kernel chose first.

@flive exists@
identifier fn;
expression L, D, S;
expression E2 : script:python () { constant_rhs(E2) };
position p : script:python () { pkey(p) in cands };
@@
fn(...) {
... when != L = E2
(
\(copy_from_user@p\|__copy_from_user@p\)(D, S, L)
|
\(memdup_user@p\|vmemdup_user@p\)(S, L)
)
...
}

@script:python@
p << flive.p;
@@
live.add(pkey(p))

// Patch: result stored, -EFAULT returned: return the stored error instead.

@p1 depends on patch@
position p : script:python () { decide(p) };
type T;
T ds;
T *dp;
expression S, LE;
idexpression ret;
@@
(
  ret =
- \(copy_from_user@p\|__copy_from_user@p\)(&ds, S, LE)
+ copy_struct_from_user(&ds, sizeof(ds), S, LE)
  ;
|
  ret =
- \(copy_from_user@p\|__copy_from_user@p\)(dp, S, LE)
+ copy_struct_from_user(dp, sizeof(*dp), S, LE)
  ;
)
  if (ret)
- return -EFAULT;
+ return ret;

@p2 depends on patch@
position p : script:python () { decide(p) };
type T;
T ds;
T *dp;
expression S, LE;
@@
(
- \(copy_from_user@p\|__copy_from_user@p\)(&ds, S, LE)
+ copy_struct_from_user(&ds, sizeof(ds), S, LE)
|
- \(copy_from_user@p\|__copy_from_user@p\)(dp, S, LE)
+ copy_struct_from_user(dp, sizeof(*dp), S, LE)
)

// context, org, report

@r depends on !patch@
position p : script:python () { decide(p) };
@@
* \(copy_from_user@p\|__copy_from_user@p\|memdup_user@p\|vmemdup_user@p\)(...)

@script:python depends on org@
p << r.p;
@@
coccilib.org.print_todo(p[0], message(p))

@script:python depends on report@
p << r.p;
@@
coccilib.report.print_report(p[0], message(p))
