// SPDX-License-Identifier: GPL-2.0-only
/// Bound the user size given to copy_struct_from_user(): below by the first
/// version of the struct, above by PAGE_SIZE
///
/// copy_struct_from_user() accepts any size: it zero-fills a short struct
/// and scans a long one for non-zero bytes. The callers set the limits
/// (openat2, clone3, mount_setattr, sched_setattr, perf_event_open):
///
///	if (usize < FOO_SIZE_VER0)
///		return -EINVAL;
///	if (usize > PAGE_SIZE)
///		return -E2BIG;
///
/// Without the first, a struct shorter than any published version is taken
/// as valid, its missing fields as zero. Without the second, user space
/// makes the kernel scan up to 4 GiB of its memory for non-zero bytes. A
/// lower bound that is the current size of the struct rejects binaries
/// built against an older, shorter version: compare with FOO_SIZE_VER0.
///
/// A check counts if it compares the size (<, <=, >, >=, or == / != with
/// something other than 0: an exact size bounds both ways), or has
/// extensible_check_size() (or, inside lib/extensible_struct.c,
/// __extensible_check_size()) check it against a struct's description, on
/// every path
/// from the function entry to the call; when the size is a parameter, the
/// callers in the same file are checked instead (all of them must bound
/// it). A size that is a sizeof() or a constant is not the user's and is
/// not judged.
///
// Confidence: Moderate
// Copyright: (C) 2026 Seed 80f0496a maintainers.
// URL: https://coccinelle.gitlabpages.inria.fr/website
// Comments: Any comparison counts as a bound, whatever it is compared with.
// Comments: A parameter with no caller in the file is reported; a function
// Comments: only reached from another file may then need a look.
// Options: --no-includes --include-headers

virtual patch
virtual context
virtual org
virtual report

@initialize:python@
@@
import re

def pkey(p):
	return (p[0].line, p[0].column)

def norm(s):
	return re.sub(r'\s+', '', str(s))

def zero(x):
	return norm(x) in ('0', 'NULL', '0UL', '0U')

def user_size(u):
	u = norm(u)
	return not ('sizeof' in u or re.match(r'^[0-9A-Z_]+$', u))

# per file: call site -> what is missing on some path to it
missing = {}		# pkey -> set('lower', 'upper')
params = {}		# pkey -> (function, parameter index)
unchecked = {}		# (function, index, 'lower'|'upper') -> [caller lines]
called = set()		# (function, index) with a caller in the file
whole = {}		# pkey -> lower bound that is ksize itself
decided = {}
syscall = {}

def is_syscall(pf):
	try:
		with open(pf[0].file, errors='replace') as f:
			line = f.readlines()[int(pf[0].line) - 1]
	except (OSError, IndexError):
		return False
	return 'SYSCALL_DEFINE' in line

def verdict(p):
	k = pkey(p)
	if k in decided:
		return decided[k]
	out = []
	for what in ('lower', 'upper'):
		if what not in missing.get(k, ()):
			continue
		if k in params:
			fn, i = params[k]
			if (fn, i) in called and not unchecked.get((fn, i, what)):
				continue	# every caller checks it
		out.append(what)
	decided[k] = out
	return out

def message(p, u):
	out = []
	v = verdict(p)
	if 'lower' in v:
		out.append("no lower bound (%s < *_SIZE_VER0)" % norm(u))
	if 'upper' in v:
		out.append("no upper bound (%s > PAGE_SIZE)" % norm(u))
	k = pkey(p)
	where = ''
	if k in params:
		fn, i = params[k]
		lines = sorted(set(l for w in v
				   for l in unchecked.get((fn, i, w), [])),
			       key=int)
		if lines:
			where = ' (caller at line %s)' % ', '.join(lines)
		elif not syscall.get(k):
			where = ' (a parameter with no caller in this file)'
	return "WARNING: copy_struct_from_user() user size: " + \
		", ".join(out) + where

@script:python@
@@
missing.clear()
params.clear()
unchecked.clear()
called.clear()
whole.clear()
decided.clear()
syscall.clear()

@lo exists@
identifier fn;
expression D, K, S, U, E;
expression X : script:python () { not zero(X) };
position p;
@@
fn(...) {
... when != U < E
    when != U <= E
    when != E > U
    when != E >= U
    when != U != X
    when != U == X
    when != extensible_check_size(E, ..., &U)
    when != __extensible_check_size(E, &U, ...)
copy_struct_from_user@p(D, K, S, U)
...
}

@script:python@
p << lo.p;
U << lo.U;
@@
if user_size(U):
	missing.setdefault(pkey(p), set()).add('lower')

@hi exists@
identifier fn;
expression D, K, S, U, E;
expression X : script:python () { not zero(X) };
position p;
@@
fn(...) {
... when != U > E
    when != U >= E
    when != E < U
    when != E <= U
    when != U != X
    when != U == X
    when != U = \(min\|min_t\|umin\|clamp\|clamp_t\|clamp_val\)(...)
    when != extensible_check_size(E, ..., &U)
    when != __extensible_check_size(E, &U, ...)
copy_struct_from_user@p(D, K, S, U)
...
}

@script:python@
p << hi.p;
U << hi.U;
@@
if user_size(U):
	missing.setdefault(pkey(p), set()).add('upper')

// The size is a parameter: look at the callers in this file.

@par@
identifier fn, U;
type TU;
parameter list[n] ps;
expression D, K, S;
position p : script:python () { pkey(p) in missing };
position pf;
@@
fn@pf(ps, TU U, ...) {
<+...
copy_struct_from_user@p(D, K, S, U)
...+>
}

@script:python@
p << par.p;
fn << par.fn;
n << par.n;
pf << par.pf;
@@
params[pkey(p)] = (str(fn), int(n))
syscall[pkey(p)] = is_syscall(pf)

@callany@
identifier par.fn;
expression list[par.n] es;
expression A;
position q;
@@
fn@q(es, A, ...)

@script:python@
fn << par.fn;
n << par.n;
q << callany.q;
@@
called.add((str(fn), int(n)))

@calllo exists@
identifier par.fn, g;
expression list[par.n] es;
expression A, E;
expression X : script:python () { not zero(X) };
position q;
@@
g(...) {
... when != A < E
    when != A <= E
    when != E > A
    when != E >= A
    when != A != X
    when != A == X
    when != extensible_check_size(E, ..., &A)
    when != __extensible_check_size(E, &A, ...)
fn@q(es, A, ...)
...
}

@script:python@
fn << par.fn;
n << par.n;
q << calllo.q;
@@
unchecked.setdefault((str(fn), int(n), 'lower'), []).append(q[0].line)

@callhi exists@
identifier par.fn, g;
expression list[par.n] es;
expression A, E;
expression X : script:python () { not zero(X) };
position q;
@@
g(...) {
... when != A > E
    when != A >= E
    when != E < A
    when != E <= A
    when != A != X
    when != A == X
    when != A = \(min\|min_t\|umin\|clamp\|clamp_t\|clamp_val\)(...)
    when != extensible_check_size(E, ..., &A)
    when != __extensible_check_size(E, &A, ...)
fn@q(es, A, ...)
...
}

@script:python@
fn << par.fn;
n << par.n;
q << callhi.q;
@@
unchecked.setdefault((str(fn), int(n), 'upper'), []).append(q[0].line)

// A lower bound that is the size of the current struct.

@cur exists@
expression D, K, S, U;
position p, q;
@@
(
U@q < K
|
K > U@q
)
...
copy_struct_from_user@p(D, K, S, U)

@script:python@
q << cur.q;
U << cur.U;
K << cur.K;
@@
if 'sizeof' in norm(K):
	whole[pkey(q)] = (norm(U), norm(K))

// context, org, report

@r depends on !patch@
expression D, K, S, U;
position p : script:python () { len(verdict(p)) > 0 };
@@
* copy_struct_from_user@p(D, K, S, U)

@script:python depends on org@
p << r.p;
U << r.U;
@@
coccilib.org.print_todo(p[0], message(p, U))

@script:python depends on report@
p << r.p;
U << r.U;
@@
coccilib.report.print_report(p[0], message(p, U))

@w depends on !patch@
expression U, K;
position q : script:python () { pkey(q) in whole };
@@
(
* U@q < K
|
* K > U@q
)

@script:python depends on org@
q << w.q;
@@
coccilib.org.print_todo(q[0],
	"WARNING: lower bound of %s is the current size %s: older, shorter "
	"versions are refused, compare with *_SIZE_VER0" % whole[pkey(q)])

@script:python depends on report@
q << w.q;
@@
coccilib.report.print_report(q[0],
	"WARNING: lower bound of %s is the current size %s: older, shorter "
	"versions are refused, compare with *_SIZE_VER0" % whole[pkey(q)])
