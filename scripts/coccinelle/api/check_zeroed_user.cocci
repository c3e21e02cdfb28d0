// SPDX-License-Identifier: GPL-2.0-only
/// Use copy_struct_from_user() or check_zeroed_user() rather than a loop
/// of get_user() checking that the tail of a user struct is zero
///
/// Before Linux 5.4, perf_copy_attr(), sched_copy_attr(), clone3() and
/// bpf(2) each checked by hand, one byte at a time, that the part of a
/// larger user struct this kernel does not know is zero, and failed with
/// -E2BIG otherwise. copy_struct_from_user() does the check and the copy;
/// check_zeroed_user() does the check alone, a word at a time.
///
/// The same check done on a copy (copy_from_user() of the user struct
/// past what the kernel knows, then memchr_inv() on the copy) is
/// reported too.
///
/// There is no patch mode: the loop, its cursor variables and the copy
/// that follows it form one construct, which copy_struct_from_user()
/// replaces as a whole (see copy_struct_from_user.cocci for the copy).
///
// Confidence: Moderate
// Copyright: (C) 2026 Seed 80f0496a maintainers.
// URL: https://coccinelle.gitlabpages.inria.fr/website
// Comments: A for or while loop (not do-while) that reads user memory with
// Comments: get_user() into a byte and fails when it is non-zero; with a
// Comments: wider type it is only reported in a function using -E2BIG.
// Options: --no-includes --include-headers

virtual patch
virtual context
virtual org
virtual report

@initialize:python@
@@
import re

BYTE = ('char', 'unsigned char', 'signed char', 'u8', '__u8', 's8', '__s8',
	'uint8_t', 'int8_t')
e2big = set()
loops = set()

def nonzero_test(c, v):
	# "if (v)", "if (v != 0)", "if (unlikely(v))", ...
	c = re.sub(r'\s+', '', str(c))
	v = re.sub(r'\s+', '', str(v))
	m = re.match(r'^(?:unlikely|likely)\((.*)\)$', c)
	if m:
		c = m.group(1)
	return c in (v, v + '!=0', '0!=' + v, '(' + v + ')')

def pkey(p):
	return (p[0].line, p[0].column)

@script:python@
@@
e2big.clear()
loops.clear()

@fe@
identifier fn;
@@
fn(...) { <+... E2BIG ...+> }

@script:python@
fn << fe.fn;
@@
e2big.add(str(fn))

@loop@
type TV;
idexpression TV V;
expression A;
expression C;
statement S;
position p;
@@
(
  for@p (...;...;...)
  {
  ...
  \(get_user\|__get_user\)(V, A)
  ...
  if (C) S
  ...
  }
|
  while@p (...)
  {
  ...
  \(get_user\|__get_user\)(V, A)
  ...
  if (C) S
  ...
  }
)

@script:python@
p << loop.p;
TV << loop.TV;
V << loop.V;
C << loop.C;
@@
if nonzero_test(C, V) and \
   (' '.join(str(TV).split()) in BYTE or p[0].current_element in e2big):
	loops.add(pkey(p))

// The same check on a copy of the tail: copy_from_user() of the user
// struct past its known part, then memchr_inv() on the copy.

@mz@
expression B, U, K, N, N2;
statement S;
position p;
@@
\(copy_from_user\|__copy_from_user\)(B, U + K, N)
...
if (memchr_inv@p(B, 0, N2)) S

@script:python@
p << mz.p;
@@
loops.add(pkey(p))

@r depends on !patch@
position p : script:python () { pkey(p) in loops };
statement S;
@@
(
* for@p (...;...;...) S
|
* while@p (...) S
|
* memchr_inv@p(...)
)

@script:python depends on org@
p << r.p;
@@
coccilib.org.print_todo(p[0],
	"WARNING: open-coded trailing-zero check of a user struct: "
	"use copy_struct_from_user() or check_zeroed_user()")

@script:python depends on report@
p << r.p;
@@
coccilib.report.print_report(p[0],
	"WARNING: open-coded trailing-zero check of a user struct: "
	"use copy_struct_from_user() or check_zeroed_user()")
