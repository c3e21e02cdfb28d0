// SPDX-License-Identifier: GPL-2.0-only
/// copy_struct_from_user(dst, ksize, src, usize): ksize must be the size of
/// the kernel object *dst
///
/// ksize is what this kernel knows of the struct: bytes of a longer user
/// struct past ksize must be zero, a shorter one is zero-filled up to
/// ksize. A sizeof() of something else (often of the pointer instead of
/// what it points to) or a constant such as FOO_SIZE_VER0 either writes
/// past *dst or ignores fields this kernel knows, and makes newer user
/// space fail with -E2BIG.
///
/// Reported when ksize is a sizeof() that is not of *dst or its type, or a
/// constant (a number, an upper-case macro, offsetof()/offsetofend()). A
/// ksize held in a variable (a wrapper's parameter, a table of sizes) is
/// not judged. Patch mode replaces ksize with sizeof(*dst) when the type
/// of *dst is known.
///
// Confidence: High
// Copyright: (C) 2026 Seed 80f0496a maintainers.
// URL: https://coccinelle.gitlabpages.inria.fr/website
// Comments: With --no-includes the type of a struct member is not known:
// Comments: &x->f with sizeof(struct t) is then not judged.
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

good = set()
typed = set()
pointers = set()

def norm(s):
	return re.sub(r'\s+', '', str(s))

def judged(k):
	k = norm(k)
	if k.startswith('sizeof'):
		return True
	if re.match(r'^(\(?[0-9][0-9a-fA-FxXuUlL]*\)?|[A-Z][A-Z0-9_]*)$', k):
		return True
	return re.match(r'^(offsetof|offsetofend)\(', k) is not None

def bad(p, k, d):
	key = pkey(p)
	if key in good or not judged(k):
		return False
	# sizeof(dst) is right for an array, and for a destination of unknown
	# type cannot be told from sizeof(pointer)
	if norm(k) in ('sizeof(%s)' % norm(d), 'sizeof' + norm(d)) and \
	   key not in pointers:
		return False
	# sizeof(type) against a destination of unknown type: cannot tell
	if key not in typed and \
	   re.match(r'^sizeof\s*\(\s*(struct|union|enum)\b', str(k).strip()):
		return False
	return True

def pretty(e):
	e = ' '.join(str(e).split())
	e = re.sub(r'\s*(->|\.|\(|\)|\[|\])\s*', r'\1', e)
	e = re.sub(r'(^|[(,\s])([&*])\s+', r'\1\2', e)
	return re.sub(r'\s*,\s*', ', ', e)

@script:python@
@@
good.clear()
typed.clear()
pointers.clear()

@ok@
type T;
T *dp;
T ds;
expression S, U, E;
position p;
@@
(
copy_struct_from_user@p(&ds, sizeof(ds), S, U)
|
copy_struct_from_user@p(&ds, sizeof(T), S, U)
|
copy_struct_from_user@p(dp, sizeof(*dp), S, U)
|
copy_struct_from_user@p(dp, sizeof(T), S, U)
|
copy_struct_from_user@p(&E, sizeof(E), S, U)
|
copy_struct_from_user@p(E, sizeof(*E), S, U)
)

@script:python@
p << ok.p;
@@
good.add(pkey(p))

@ty@
type T;
T *dp;
T ds;
expression K, S, U;
position p;
@@
(
copy_struct_from_user@p(&ds, K, S, U)
|
copy_struct_from_user@p(dp, K, S, U)
)

@script:python@
p << ty.p;
T << ty.T;
@@
if str(T).strip() not in ('void', 'char', 'unsigned char', 'u8'):
	typed.add(pkey(p))

@tp@
type T;
T *dp;
expression K, S, U;
position p;
@@
copy_struct_from_user@p(dp, K, S, U)

@script:python@
p << tp.p;
@@
pointers.add(pkey(p))

@fixo depends on patch@
type T;
T ds;
expression K, S, U;
position p : script:python (K) { bad(p, K, None) and pkey(p) in typed };
@@
copy_struct_from_user@p(&ds,
- K
+ sizeof(ds)
  , S, U)

@fixp depends on patch@
type T;
T *dp;
expression K, S, U;
position p : script:python (K) { bad(p, K, None) and pkey(p) in typed };
@@
copy_struct_from_user@p(dp,
- K
+ sizeof(*dp)
  , S, U)

@r depends on !patch@
expression D, K, S, U;
position p : script:python (K, D) { bad(p, K, D) };
@@
* copy_struct_from_user@p(D, K, S, U)

@script:python depends on org@
p << r.p;
D << r.D;
K << r.K;
@@
coccilib.org.print_todo(p[0],
	"ERROR: copy_struct_from_user() ksize %s is not the size of *(%s)" %
	(pretty(K), pretty(D)))

@script:python depends on report@
p << r.p;
D << r.D;
K << r.K;
@@
coccilib.report.print_report(p[0],
	"ERROR: copy_struct_from_user() ksize %s is not the size of *(%s)" %
	(pretty(K), pretty(D)))
