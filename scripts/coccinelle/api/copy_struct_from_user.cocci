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
/// The length is "from the caller" when it is, or is assigned from, a
/// parameter of the function, a get_user() or copy_from_user() target, a
/// field of a struct copied from user space, or a size field of a struct
/// the function was passed. An exact size check (len != sizeof(...)) or an
/// allocation sized by the length (a variable-size object) suppresses it.
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
// Comments: Heuristic taint analysis inside one function, flow-insensitive
// Comments: for assignments; a length checked in the caller is not seen.
// Options: --no-includes --include-headers

virtual patch
virtual context
virtual org
virtual report

@initialize:python@
@@
import re

SIZE_FIELD = re.compile(r'(size|len|length|sz)', re.I)
CLAMPS = ('min', 'min_t', 'umin', 'min_not_zero', 'clamp', 'clamp_t',
	  'clamp_val')
ALLOCS = ('kmalloc', 'kzalloc', 'kvmalloc', 'kvzalloc', 'vmalloc',
	  'vzalloc', 'kmalloc_array', 'kcalloc', 'kvcalloc', 'kvmalloc_array',
	  'kmalloc_node', 'kzalloc_node', 'memdup_user', 'vmemdup_user')

def norm(s):
	return re.sub(r'\s+', '', str(s))

def fkey(p):
	return (p[0].file, p[0].current_element)

def pkey(p):
	return (p[0].file, p[0].line, p[0].column)

def is_struct(t):
	t = str(t).strip()
	return (t.startswith('struct ') or t.startswith('union ')) and \
		'*' not in t

class Func:
	def __init__(self):
		self.scalars = set()	# tainted scalar expressions
		self.holders = set()	# structs whose every field is tainted
		self.sizeholders = set() # struct pointers whose size fields are
		self.assigns = []	# (lhs, rhs)
		self.cmps = []		# (lhs, op, rhs)

funcs = {}
cands = {}
decided = {}

def func(p):
	return funcs.setdefault(fkey(p), Func())

def reset():
	funcs.clear()
	cands.clear()
	decided.clear()

def atom_re(a):
	return r'(?<![\w.>])' + re.escape(a) + r'(?!\w)'

def mentions_tainted(f, e):
	e = norm(e)
	for s in f.scalars:
		if re.search(atom_re(s), e):
			return True
	for h in f.holders:
		if re.search(r'(?<![\w.>])' + re.escape(h) + r'(\.|->)', e):
			return True
	for h in f.sizeholders:
		for m in re.finditer(r'(?<![\w.>])' + re.escape(h) +
				     r'(?:\.|->)(\w+)', e):
			if SIZE_FIELD.search(m.group(1)):
				return True
	return False

def propagate(f):
	changed = True
	while changed:
		changed = False
		for (lhs, rhs) in f.assigns:
			if lhs in f.scalars:
				continue
			if re.match(r'^_*(get_user|copy_from_user)\(', rhs):
				continue
			if mentions_tainted(f, rhs):
				f.scalars.add(lhs)
				changed = True

def is_atom(e):
	return re.match(r'^[A-Za-z_][\w.\[\]]*(->[\w.\[\]]+)*$', e) is not None

def clamp_of(e):
	m = re.match(r'^(\w+)\(', e)
	return m is not None and m.group(1) in CLAMPS

def base_atoms(f, le):
	# the tainted names a length expression is made of
	out = set()
	for s in f.scalars:
		if re.search(atom_re(s), le):
			out.add(s)
	for m in re.finditer(r'[A-Za-z_][\w.]*(?:->[\w.]+)*', le):
		out.add(m.group(0))
	return out

def decide(p):
	k = pkey(p)
	if k in decided:
		return decided[k]
	res = False
	c = cands.get(k)
	if c is not None:
		f = func(p)
		propagate(f)
		le = c['len']
		if (is_atom(le) or clamp_of(le)) and mentions_tainted(f, le):
			res = True
			atoms = base_atoms(f, le)
			dst = c['dst'].lstrip('&')
			for (a, op, b) in f.cmps:
				if 'sizeof' in b:
					side = a
				elif 'sizeof' in a:
					side = b
				else:
					continue
				if side not in atoms and side != le:
					continue
				if op in ('==', '!='):
					res = False	# exact size: not versioned
				elif c['kind'] == 'dup':
					res = False	# header + payload object
			for (lhs, rhs) in f.assigns:
				m = re.match(r'^(\w+)\(', rhs)
				if lhs == dst and m and m.group(1) in ALLOCS and \
				   any(re.search(atom_re(a), rhs) for a in atoms):
					res = False	# variable-size object
	decided[k] = res
	return res

def message(p):
	c = cands[pkey(p)]
	if c['kind'] == 'dup':
		return "WARNING: %s() of a struct with a caller-supplied size: " \
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
identifier cfu = {copy_from_user, __copy_from_user};
@@
cfu@p(&ds, S, LE)

@script:python@
p << cobj.p;
T << cobj.T;
ds << cobj.ds;
LE << cobj.LE;
cfu << cobj.cfu;
@@
if is_struct(T):
	cands[pkey(p)] = {'kind': 'obj', 'dst': '&' + norm(ds),
			  'len': norm(LE), 'fn': cfu}

@cptr@
type T;
T *dp;
expression S, LE;
position p;
identifier cfu = {copy_from_user, __copy_from_user};
@@
cfu@p(dp, S, LE)

@script:python@
p << cptr.p;
T << cptr.T;
dp << cptr.dp;
LE << cptr.LE;
cfu << cptr.cfu;
@@
if is_struct(T):
	cands[pkey(p)] = {'kind': 'ptr', 'dst': norm(dp), 'len': norm(LE),
			  'fn': cfu}

@cdup@
type T;
T *dp;
identifier x;
expression S, LE;
position p;
identifier mdu = {memdup_user, vmemdup_user};
@@
(
dp = mdu@p(S, LE)
|
T *x = mdu@p(S, LE);
)

@script:python@
p << cdup.p;
T << cdup.T;
LE << cdup.LE;
mdu << cdup.mdu;
@@
if is_struct(T):
	cands[pkey(p)] = {'kind': 'dup', 'dst': '', 'len': norm(LE),
			  'fn': mdu}

// Facts about the functions that hold candidates.

@fparam depends on cobj || cptr || cdup@
identifier fn, L;
type TL;
position q;
@@
fn@q(..., TL L, ...) { ... }

@script:python@
q << fparam.q;
L << fparam.L;
TL << fparam.TL;
@@
t = str(TL)
f = func(q)
if '*' not in t and '[' not in t:
	f.scalars.add(norm(L))
elif (t.startswith('struct ') or t.startswith('union ')) and \
     t.count('*') == 1:
	f.sizeholders.add(norm(L))

@fget depends on cobj || cptr || cdup@
expression X, E;
position q;
identifier gu = {get_user, __get_user};
@@
gu@q(X, E)

@script:python@
q << fget.q;
X << fget.X;
@@
func(q).scalars.add(norm(X))

@fcfu depends on cobj || cptr || cdup@
expression X, E, N;
position q;
identifier cfu = {copy_from_user, __copy_from_user};
@@
(
cfu@q(&X, E, N)
|
cfu@q(X, E, N)
)

@script:python@
q << fcfu.q;
X << fcfu.X;
@@
x = norm(X).lstrip('&')
func(q).holders.add(x)
func(q).scalars.add(x)

@fdup depends on cobj || cptr || cdup@
expression X, E, N;
position q;
identifier mdu = {memdup_user, vmemdup_user};
@@
X@q = mdu(E, N)

@script:python@
q << fdup.q;
X << fdup.X;
@@
func(q).holders.add(norm(X))

@fasg depends on cobj || cptr || cdup@
expression X, E;
position q;
@@
X@q = E

@script:python@
q << fasg.q;
X << fasg.X;
E << fasg.E;
@@
func(q).assigns.append((norm(X), norm(E)))

@fdecl depends on cobj || cptr || cdup@
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
func(q).assigns.append((norm(X), norm(E)))

@fcmp depends on cobj || cptr || cdup@
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
func(q).cmps.append((norm(A), str(op).strip(), norm(B)))

// Patch: result stored, -EFAULT returned: return the stored error instead.

@p1 depends on patch@
position p : script:python() { decide(p) };
type T;
T ds;
T *dp;
expression S, LE;
idexpression ret;
identifier cfu = {copy_from_user, __copy_from_user};
@@
(
  ret =
- cfu@p(&ds, S, LE)
+ copy_struct_from_user(&ds, sizeof(ds), S, LE)
  ;
|
  ret =
- cfu@p(dp, S, LE)
+ copy_struct_from_user(dp, sizeof(*dp), S, LE)
  ;
)
  if (ret)
- return -EFAULT;
+ return ret;

@p2 depends on patch@
position p : script:python() { decide(p) };
type T;
T ds;
T *dp;
expression S, LE;
identifier cfu = {copy_from_user, __copy_from_user};
@@
(
- cfu@p(&ds, S, LE)
+ copy_struct_from_user(&ds, sizeof(ds), S, LE)
|
- cfu@p(dp, S, LE)
+ copy_struct_from_user(dp, sizeof(*dp), S, LE)
)

// context, org, report

@r depends on !patch@
position p : script:python() { decide(p) };
identifier cfu = {copy_from_user, __copy_from_user, memdup_user,
		  vmemdup_user};
@@
* cfu@p(...)

@script:python depends on org@
p << r.p;
@@
coccilib.org.print_todo(p[0], message(p))

@script:python depends on report@
p << r.p;
@@
coccilib.report.print_report(p[0], message(p))
