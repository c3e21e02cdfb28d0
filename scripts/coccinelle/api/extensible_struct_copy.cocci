// SPDX-License-Identifier: GPL-2.0-only
/// Copy an extensible struct with the helpers of <linux/extensible_struct.h>
///
/// A call that takes a size-versioned struct and its size checks the size
/// by hand before copy_struct_from_user(), as openat2() and clone3() did:
///
///	BUILD_BUG_ON(sizeof(struct foo) != FOO_SIZE_VER2);
///	if (usize < FOO_SIZE_VER0)
///		return -EINVAL;
///	if (usize > PAGE_SIZE)
///		return -E2BIG;
///	err = copy_struct_from_user(&karg, sizeof(karg), uarg, usize);
///
/// Every such caller repeats the same rules, each a little differently.
/// Describe the struct once and let extensible_copy_from_user() apply
/// them (the same errnos, in the same order):
///
///	static const struct extensible_struct foo_ext = {
///		EXTENSIBLE_STRUCT(struct foo, FOO_SIZE_VER0, FOO_SIZE_VER2),
///	};
///	err = extensible_copy_from_user(&foo_ext, &karg, uarg, usize);
///
/// Reported when both bounds come right before the copy, in either order,
/// and a BUILD_BUG_ON() in the function pins sizeof() of the struct to its
/// latest size (the description needs it). Patch mode adds the description
/// before the function and replaces the bounds, the pin and the copy. Code
/// between the bounds and the copy (mount_setattr() checks privilege
/// there) keeps the order of its errnos only by hand: it is not matched.
///
/// A struct that carries its own size, copied by the sequence
/// perf_copy_attr() and sched_copy_attr() had (memset(), get_user() of the
/// size field, 0 taken as FOO_SIZE_VER0, E2BIG for every bad size with the
/// kernel's size written back at an err_size label), is reported too;
/// patch mode describes it with perf's historical rules and the highest
/// FOO_SIZE_VERn the tree defines, and calls extensible_copy_self_sized().
/// Later uses of the local size become the struct's size field, which
/// holds the size checked.
///
// Confidence: High
// Copyright: (C) 2026 Seed 80f0496a maintainers.
// URL: https://coccinelle.gitlabpages.inria.fr/website
// Comments: The description is named after the struct tag (struct foo:
// Comments: foo_ext); rename it if that name is taken.
// Options: --no-includes --include-headers

virtual patch
virtual context
virtual org
virtual report

@initialize:python@
@@
import os
import re

def tree_root(path):
	d = os.path.dirname(os.path.abspath(path))
	while d != os.path.dirname(d):
		if os.path.isdir(os.path.join(d, 'include', 'uapi')):
			return d
		d = os.path.dirname(d)
	return None

def latest_of(v0, path):
	"""The highest FOO_SIZE_VERn defined next to FOO_SIZE_VER0."""
	fam = re.sub(r'_SIZE_VER0$', '', v0)
	if fam == v0:
		return None
	pat = re.compile(r'^\s*#\s*define\s+(%s_SIZE_VER(\d+))\b' %
			 re.escape(fam), re.M)
	root = tree_root(path)
	dirs = [os.path.dirname(os.path.abspath(path))]
	if root:
		dirs.append(os.path.join(root, 'include'))
	best = None
	for top in dirs:
		for dp, dn, fn in os.walk(top):
			for f in fn:
				if not f.endswith(('.h', '.c')):
					continue
				try:
					with open(os.path.join(dp, f), errors='replace') as fh:
						t = fh.read()
				except OSError:
					continue
				if fam not in t:
					continue
				for m in pat.finditer(t):
					if best is None or int(m.group(2)) > best[1]:
						best = (m.group(1), int(m.group(2)))
	return best[0] if best else None

@fix depends on patch@
identifier fn, err, K, T;
expression U, S, V0, L;
fresh identifier E = T ## "_ext";
@@
fn(...) {
  ...
  struct T K;
  ...
- BUILD_BUG_ON(sizeof(struct T) != L);
  ...
(
- if (\(unlikely(U < V0)\|U < V0\))
-	return -EINVAL;
- if (\(unlikely(U > PAGE_SIZE)\|U > PAGE_SIZE\))
-	return -E2BIG;
|
- if (\(unlikely(U > PAGE_SIZE)\|U > PAGE_SIZE\))
-	return -E2BIG;
- if (\(unlikely(U < V0)\|U < V0\))
-	return -EINVAL;
)
- err = copy_struct_from_user(&K, sizeof(K), S, U);
+ err = extensible_copy_from_user(&E, &K, S, U);
  ...
}

@describe depends on patch@
identifier fix.fn, fix.T, fix.E;
expression fix.V0, fix.L;
@@
+ static const struct extensible_struct E = {
+	EXTENSIBLE_STRUCT(struct T, V0, L),
+ };
+
  fn(...) {...}

@r depends on !patch@
identifier fn, err, K, T;
expression U, S, V0, L;
position p;
@@
fn(...) {
  ...
  struct T K;
  ...
  BUILD_BUG_ON(sizeof(struct T) != L);
  ...
(
  if (\(unlikely(U < V0)\|U < V0\))
	return -EINVAL;
  if (\(unlikely(U > PAGE_SIZE)\|U > PAGE_SIZE\))
	return -E2BIG;
|
  if (\(unlikely(U > PAGE_SIZE)\|U > PAGE_SIZE\))
	return -E2BIG;
  if (\(unlikely(U < V0)\|U < V0\))
	return -EINVAL;
)
* err = copy_struct_from_user@p(&K, sizeof(K), S, U);
  ...
}

@script:python depends on org@
p << r.p;
T << r.T;
@@
coccilib.org.print_todo(p[0],
	"WARNING: struct %s bounded by hand: describe it and use "
	"extensible_copy_from_user()" % T)

@script:python depends on report@
p << r.p;
T << r.T;
@@
coccilib.report.print_report(p[0],
	"WARNING: struct %s bounded by hand: describe it and use "
	"extensible_copy_from_user()" % T)

// The self-sized sequence of perf_copy_attr() and sched_copy_attr().
@sm@
identifier fn, A, U, F, size, ret, L, T;
expression V0;
position p, q;
@@
fn@p(..., struct T *A, ...) {
  ...
  memset(A, 0, sizeof(*A));
  ret = get_user(size, &U->F);
  if (ret)
	return ret;
  if (!size)
	size = V0;
  if (size < V0 || size > PAGE_SIZE)
	goto L;
  ret = copy_struct_from_user@q(A, sizeof(*A), U, size);
  if (ret) {
	if (ret == -E2BIG)
		goto L;
	return ret;
  }
  ...
}

@script:python depends on org@
q << sm.q;
T << sm.T;
@@
coccilib.org.print_todo(q[0],
	"WARNING: struct %s copied by the open-coded self-sized sequence: "
	"describe it and use extensible_copy_self_sized()" % T)

@script:python depends on report@
q << sm.q;
T << sm.T;
@@
coccilib.report.print_report(q[0],
	"WARNING: struct %s copied by the open-coded self-sized sequence: "
	"describe it and use extensible_copy_self_sized()" % T)

@depends on context@
identifier sm.fn, sm.A, sm.U, sm.size;
position sm.q;
@@
fn(...) {
  <...
* copy_struct_from_user@q(A, sizeof(*A), U, size)
  ...>
}

// Patch mode needs the latest size for the description.
@script:python lat depends on patch@
V0 << sm.V0;
p << sm.p;
LT;
@@
latest = latest_of(str(V0).strip(), p[0].file)
if latest is None:
	cocci.include_match(False)
else:
	coccinelle.LT = cocci.make_ident(latest)

@self depends on patch && lat@
identifier sm.fn, sm.A, sm.U, sm.F, sm.size, sm.ret, sm.L, sm.T;
expression sm.V0;
fresh identifier E = T ## "_ext";
@@
fn(..., struct T *A, ...) {
  ...
- u32 size;
  ...
- memset(A, 0, sizeof(*A));
- ret = get_user(size, &U->F);
- if (ret)
-	return ret;
- if (!size)
-	size = V0;
- if (size < V0 || size > PAGE_SIZE)
-	goto L;
- ret = copy_struct_from_user(A, sizeof(*A), U, size);
- if (ret) {
-	if (ret == -E2BIG)
-		goto L;
-	return ret;
- }
+ ret = extensible_copy_self_sized(&E, A, U);
+ if (ret)
+	return ret;
  ...
}

@depends on self@
identifier sm.fn, sm.A, sm.F, sm.size;
@@
fn(...) {
  <...
(
- A->F = size;
|
- size
+ A->F
)
  ...>
}

// The err_size block, unreachable now: returning, or jumping to a label.
@depends on self@
identifier sm.A, sm.U, sm.F, sm.L;
@@
- L:
- put_user(sizeof(*A), &U->F);
- return -E2BIG;

@errjump depends on self@
identifier sm.A, sm.U, sm.F, sm.L, sm.ret, OUT;
@@
- L:
- put_user(sizeof(*A), &U->F);
- ret = -E2BIG;
- goto OUT;

@outused depends on errjump@
identifier sm.fn, errjump.OUT;
@@
fn(...) {
  <+...
  goto OUT;
  ...+>
}

@depends on errjump && !outused@
identifier errjump.OUT, sm.ret;
@@
- OUT:
  return ret;

@depends on self@
identifier sm.fn, sm.T, self.E, sm.F, lat.LT;
expression sm.V0;
@@
+ static const struct extensible_struct E = {
+	EXTENSIBLE_STRUCT(struct T, V0, LT),
+	EXTENSIBLE_SIZE_FIELD(struct T, F),
+	.zero = EXTENSIBLE_ZERO_IS_VER0,
+	.too_small = -E2BIG,
+ };
+
  fn(...) {...}
