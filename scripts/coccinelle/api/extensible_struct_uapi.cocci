// SPDX-License-Identifier: GPL-2.0-only
/// Extensible structs carry user pointers as __aligned_u64, and the kernel
/// turns them back with u64_to_user_ptr()
///
/// A struct with FOO_SIZE_VER0 macros is an ABI shared by 32-bit and
/// 64-bit callers: a pointer member changes size and alignment between
/// them, so every FOO_SIZE_VERn would be wrong for one of them (clone3,
/// openat2 and bpf use __aligned_u64). Reported: a pointer member of a
/// struct whose name matches the FOO of a FOO_SIZE_VER0 macro defined in
/// the same file (perf_event_attr goes with PERF_ATTR_SIZE_VER0).
///
/// In the kernel, (T __user *)(unsigned long)x (or (uintptr_t)x) spells
/// u64_to_user_ptr(x) without its type check. Reported when x is a u64, or
/// a member of a struct copied with copy_struct_from_user() or one of the
/// extensible_copy_*() helpers of <linux/extensible_struct.h>, and T is a
/// __user type (a kernel pointer kept in a u64 is left alone). Patch mode
/// rewrites the cast into u64_to_user_ptr(x) where the result is
/// assigned, initialises a variable or is passed to a function; elsewhere
/// (pointer arithmetic) it is only reported.
///
// Confidence: Moderate
// Copyright: (C) 2026 Seed 80f0496a maintainers.
// URL: https://coccinelle.gitlabpages.inria.fr/website
// Comments: With --no-includes the type of a member is known only when the
// Comments: struct is defined in the same file.
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

families = set()	# FOO of each FOO_SIZE_VER0 in the file
copied = set()		# destinations of copy_struct_from_user()
casts = set()		# casts to report

def tokens(s):
	return [t for t in s.lower().split('_') if t]

def family_of(struct):
	# FOO_ARGS goes with foo_args, PERF_ATTR with perf_event_attr,
	# SECCOMP_NOTIFY_ADDFD with seccomp_notif_addfd: every word of the
	# family is, in order, a prefix of (or prefixed by) a word of the name
	st = tokens(str(struct))
	for fam in families:
		ft = tokens(fam)
		i = 0
		for w in st:
			if i < len(ft) and (w.startswith(ft[i]) or
					    ft[i].startswith(w)):
				i += 1
		if i == len(ft) and st and ft and \
		   (st[0].startswith(ft[0]) or ft[0].startswith(st[0])):
			return fam
	return None

def ptr_msg(s, fld):
	return "ERROR: pointer member %s of struct %s, which has %s_SIZE_VER0: " \
	       "use __aligned_u64" % (fld, s, family_of(s))

def cast_msg(x):
	return "WARNING: a u64 cast to a user pointer through an integer " \
	       "type: use u64_to_user_ptr(%s)" % norm(x)

def user_ptr_type(t):
	return '__user' in str(t)

@script:python@
@@
families.clear()
copied.clear()
casts.clear()

@fam@
identifier M =~ "_SIZE_VER0$";
expression E;
@@
#define M E

@script:python@
M << fam.M;
@@
families.add(str(M)[:-len('_SIZE_VER0')])

// Pointer members of an extensible struct.

@ptr depends on fam && !patch@
identifier S : script:python () { family_of(S) is not None };
identifier fld;
type T;
position p;
@@
struct S {
  ...
* T *fld@p;
  ...
};

@script:python depends on org@
S << ptr.S;
fld << ptr.fld;
p << ptr.p;
@@
coccilib.org.print_todo(p[0], ptr_msg(S, fld))

@script:python depends on report@
S << ptr.S;
fld << ptr.fld;
p << ptr.p;
@@
coccilib.report.print_report(p[0], ptr_msg(S, fld))

// Casts of a u64 to a user pointer.

@cs@
expression D, K, S, U, ES;
@@
(
copy_struct_from_user(D, K, S, U)
|
extensible_copy_from_user(ES, D, S, U)
|
extensible_copy_from_ioctl(ES, D, S, U)
|
extensible_copy_self_sized(ES, D, S)
)

@script:python@
D << cs.D;
@@
copied.add(norm(D).lstrip('&'))

@cast@
typedef u64, __u64, __aligned_u64, uint64_t, uintptr_t;
{u64, __u64, __aligned_u64, uint64_t, unsigned long long} x;
expression y;
type T;
position p;
@@
(
 (T *)(unsigned long)x@p
|
 (T *)(uintptr_t)x@p
|
 (T *)(unsigned long)y@p
|
 (T *)(uintptr_t)y@p
)

@script:python@
T << cast.T;
p << cast.p;
x << cast.x = "";
y << cast.y = "";
@@
if user_ptr_type(T):
	if x:
		casts.add(pkey(p))
	else:
		m = re.match(r'^\(?([\w.>\-\[\]]+?)(\.|->)\w+\)?$', norm(y))
		if m and m.group(1) in copied:
			casts.add(pkey(p))

@pd depends on patch@
typedef uintptr_t;
type T, T2;
identifier z;
expression x;
position p : script:python () { pkey(p) in casts };
@@
(
  T2 z =
- (T *)(unsigned long)x@p
+ u64_to_user_ptr(x)
  ;
|
  T2 z =
- (T *)(uintptr_t)x@p
+ u64_to_user_ptr(x)
  ;
)

@pa depends on patch@
typedef uintptr_t;
type T;
identifier f;
expression x, z;
position p : script:python () { pkey(p) in casts };
@@
(
  z =
- (T *)(unsigned long)x@p
+ u64_to_user_ptr(x)
|
  z =
- (T *)(uintptr_t)x@p
+ u64_to_user_ptr(x)
|
  f(...,
- (T *)(unsigned long)x@p
+ u64_to_user_ptr(x)
  ,...)
|
  f(...,
- (T *)(uintptr_t)x@p
+ u64_to_user_ptr(x)
  ,...)
)

@rc depends on !patch@
typedef uintptr_t;
type T;
expression x;
position p : script:python () { pkey(p) in casts };
@@
(
* (T *)(unsigned long)x@p
|
* (T *)(uintptr_t)x@p
)

@script:python depends on org@
p << rc.p;
x << rc.x;
@@
coccilib.org.print_todo(p[0], cast_msg(x))

@script:python depends on report@
p << rc.p;
x << rc.x;
@@
coccilib.report.print_report(p[0], cast_msg(x))
