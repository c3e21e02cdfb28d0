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
