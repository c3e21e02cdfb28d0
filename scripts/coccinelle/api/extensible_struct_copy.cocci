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
/// A self-sized struct with the rules of a new call, as copy_mnt_id_req()
/// (statmount(), listmount()) copied it: get_user() of the size field,
/// EINVAL below FOO_SIZE_VER0 (0 included), E2BIG above PAGE_SIZE, in
/// either order, memset() before the size is read or right before the
/// copy, a pin of sizeof() to the latest size, and nothing written back
/// into the caller's struct (no put_user() into a struct member in the
/// function): patch mode describes it with the pinned size and
/// .size_read_only = true, and calls extensible_copy_self_sized(); the
/// pin and the local size go, later uses of the size become the size
/// field.
///
/// A size refused with EINVAL below FOO_SIZE_VER0 and from PAGE_SIZE up,
/// as seccomp's SECCOMP_IOCTL_NOTIF_ADDFD does, in one if or two:
///
///	if (size < FOO_SIZE_VER0 || size >= PAGE_SIZE)
///		return -EINVAL;
///	ret = copy_struct_from_user(&karg, sizeof(karg), uarg, size);
///
/// with the pin as above (sizeof(karg) will do), is described with
/// .max = PAGE_SIZE - 1 and .too_large = -EINVAL; a BUILD_BUG_ON() of
/// sizeof() against FOO_SIZE_VER0 goes too (EXTENSIBLE_STRUCT() checks
/// it). If the size is a parameter of a static function that every use of
/// the function in the file passes as _IOC_SIZE() of one command, patch
/// mode calls extensible_copy_from_ioctl() with the command: the parameter
/// is renamed after it (in the prototype too), its other uses become
/// _IOC_SIZE(cmd) and the callers pass the command. Otherwise (another
/// caller, the function's address taken, a non-static function whose
/// callers may be elsewhere, or the command's name taken in the function)
/// it calls extensible_copy_from_user() with the size as it is; the report
/// says which.
///
/// Patch mode adds no #include <linux/extensible_struct.h> and no comment
/// above a description (the series' patches do both by hand).
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

# Functions (file, name) that put_user() into a member of a struct: a
# self-sized copy there does not leave its size field alone.
written_back = set()
# seccomp's addfd shape, by (file, function): its size a parameter of a
# static function; the commands the calls pass as _IOC_SIZE(cmd) there,
# and the positions of those calls; any other use of the function; a
# command name already taken in it.
io_param = set()
io_cmds = {}
io_calls = set()
io_other = set()
io_clash = set()

def ioctl_cmd(path, fn):
	"""The command whose _IOC_SIZE() every use of fn passes, or None."""
	key = (path, fn)
	cmds = io_cmds.get(key, set())
	if key not in io_param or key in io_other or key in io_clash or \
	   len(cmds) != 1:
		return None
	return next(iter(cmds))

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

// The self-sized sequence of copy_mnt_id_req(), whose size field is only
// read: the rules of a new call, the latest size pinned in the function.
// A function that put_user()s into a member of some struct writes back.
@rowb exists@
identifier U, F;
expression X;
position w;
@@
put_user@w(X, &U->F)

@script:python@
w << rowb.w;
@@
written_back.add((w[0].file, w[0].current_element))

@ro@
identifier fn, A, U, F, usize, ret, T;
expression V0, L;
position p : script:python() {
	(p[0].file, p[0].current_element) not in written_back
};
position q;
@@
fn@p(..., struct T *A, ...) {
  ...
  BUILD_BUG_ON(\(sizeof(struct T)\|sizeof(*A)\) != L);
  ...
(
  memset(A, 0, sizeof(*A));
  ret = get_user(usize, &U->F);
  if (ret)
	return \(ret\|-EFAULT\);
(
  if (\(unlikely(usize > PAGE_SIZE)\|usize > PAGE_SIZE\))
	return -E2BIG;
  if (\(unlikely(usize < V0)\|usize < V0\))
	return -EINVAL;
|
  if (\(unlikely(usize < V0)\|usize < V0\))
	return -EINVAL;
  if (\(unlikely(usize > PAGE_SIZE)\|usize > PAGE_SIZE\))
	return -E2BIG;
)
|
  ret = get_user(usize, &U->F);
  if (ret)
	return \(ret\|-EFAULT\);
(
  if (\(unlikely(usize > PAGE_SIZE)\|usize > PAGE_SIZE\))
	return -E2BIG;
  if (\(unlikely(usize < V0)\|usize < V0\))
	return -EINVAL;
|
  if (\(unlikely(usize < V0)\|usize < V0\))
	return -EINVAL;
  if (\(unlikely(usize > PAGE_SIZE)\|usize > PAGE_SIZE\))
	return -E2BIG;
)
  memset(A, 0, sizeof(*A));
)
  ret = copy_struct_from_user@q(A, sizeof(*A), U, usize);
  ...
}

@script:python depends on org@
q << ro.q;
T << ro.T;
@@
coccilib.org.print_todo(q[0],
	"WARNING: struct %s copied by the self-sized sequence of a new call, "
	"size field only read: describe it (.size_read_only) and use "
	"extensible_copy_self_sized()" % T)

@script:python depends on report@
q << ro.q;
T << ro.T;
@@
coccilib.report.print_report(q[0],
	"WARNING: struct %s copied by the self-sized sequence of a new call, "
	"size field only read: describe it (.size_read_only) and use "
	"extensible_copy_self_sized()" % T)

@depends on context@
identifier ro.fn, ro.A, ro.U, ro.usize;
position ro.q;
@@
fn(...) {
  <...
* copy_struct_from_user@q(A, sizeof(*A), U, usize)
  ...>
}

// Is the local size the last declaration? Its removal then takes the
// blank line after the declarations, which the copy gets back below.
@rolast depends on patch@
identifier ro.fn, ro.usize;
type UT;
statement S;
position pl;
@@
fn(...) {
  ...
  UT usize@pl;
  S
  ...
}

@script:python rolastfn@
pl << rolast.pl;
LF;
@@
coccinelle.LF = cocci.make_ident(pl[0].current_element)

@rofix depends on patch@
identifier ro.fn, ro.A, ro.U, ro.F, ro.usize, ro.ret, ro.T;
expression ro.V0, ro.L;
type UT;
position ro.q;
fresh identifier E = T ## "_ext";
@@
fn(..., struct T *A, ...) {
  ...
- UT usize;
  ...
- BUILD_BUG_ON(\(sizeof(struct T)\|sizeof(*A)\) != L);
  ...
(
- memset(A, 0, sizeof(*A));
- ret = get_user(usize, &U->F);
- if (ret)
-	return \(ret\|-EFAULT\);
(
- if (\(unlikely(usize > PAGE_SIZE)\|usize > PAGE_SIZE\))
-	return -E2BIG;
- if (\(unlikely(usize < V0)\|usize < V0\))
-	return -EINVAL;
|
- if (\(unlikely(usize < V0)\|usize < V0\))
-	return -EINVAL;
- if (\(unlikely(usize > PAGE_SIZE)\|usize > PAGE_SIZE\))
-	return -E2BIG;
)
|
- ret = get_user(usize, &U->F);
- if (ret)
-	return \(ret\|-EFAULT\);
(
- if (\(unlikely(usize > PAGE_SIZE)\|usize > PAGE_SIZE\))
-	return -E2BIG;
- if (\(unlikely(usize < V0)\|usize < V0\))
-	return -EINVAL;
|
- if (\(unlikely(usize < V0)\|usize < V0\))
-	return -EINVAL;
- if (\(unlikely(usize > PAGE_SIZE)\|usize > PAGE_SIZE\))
-	return -E2BIG;
)
- memset(A, 0, sizeof(*A));
)
- ret = copy_struct_from_user@q(A, sizeof(*A), U, usize);
+ ret = extensible_copy_self_sized(&E, A, U);
  ...
}

@depends on rofix@
identifier ro.A, ro.U, ro.ret, rofix.E, rolastfn.LF;
declaration D;
@@
LF(...) {
  ...
  D
+
  ret = extensible_copy_self_sized(&E, A, U);
  ...
}

// Later uses of the local size: the struct's size field holds it.
@depends on rofix@
identifier ro.fn, ro.A, ro.F, ro.usize;
@@
fn(...) {
  <...
- usize
+ A->F
  ...>
}

// The description, in two steps: spatch breaks a long EXTENSIBLE_STRUCT()
// line only in an initializer without designators.
@depends on rofix@
identifier ro.fn, ro.T, rofix.E, ro.F;
expression ro.V0, ro.L;
@@
+ static const struct extensible_struct E = {
+	EXTENSIBLE_STRUCT(struct T, V0, L),
+	EXTENSIBLE_SIZE_FIELD(struct T, F),
+ };
+
  fn(...) {...}

@depends on rofix@
identifier rofix.E;
@@
  static const struct extensible_struct E = {
  ...,
  EXTENSIBLE_SIZE_FIELD(...),
+ .size_read_only = true,
  };

// seccomp's SECCOMP_IOCTL_NOTIF_ADDFD: a size refused with EINVAL below
// FOO_SIZE_VER0 and from PAGE_SIZE up, in one if or two.
@io@
identifier fn, err, K, T, U;
expression S, V0, L;
position p, q;
@@
fn@p(...) {
  ...
  struct T K;
  ...
  BUILD_BUG_ON(\(sizeof(struct T)\|sizeof(K)\) != L);
  ...
(
  if (\(unlikely(U < V0 || U >= PAGE_SIZE)\|U < V0 || U >= PAGE_SIZE\|
	unlikely(U >= PAGE_SIZE || U < V0)\|U >= PAGE_SIZE || U < V0\))
	return -EINVAL;
|
  if (\(unlikely(U < V0)\|U < V0\))
	return -EINVAL;
  if (\(unlikely(U >= PAGE_SIZE)\|U >= PAGE_SIZE\))
	return -EINVAL;
|
  if (\(unlikely(U >= PAGE_SIZE)\|U >= PAGE_SIZE\))
	return -EINVAL;
  if (\(unlikely(U < V0)\|U < V0\))
	return -EINVAL;
)
  err = copy_struct_from_user@q(&K, sizeof(K), S, U);
  ...
}

// Is the size an ioctl's? A parameter of a static function that every
// use of the function passes as _IOC_SIZE() of the same command.
@iop@
identifier io.fn, io.U;
parameter list[n] ps;
type RT, UT;
position pp;
@@
static RT fn@pp(ps, UT U, ...) {...}

@script:python@
fn << io.fn;
pp << iop.pp;
@@
io_param.add((pp[0].file, str(fn)))

@iocall@
identifier io.fn, C;
expression list[iop.n] es;
position rc;
@@
fn@rc(es, _IOC_SIZE(C), ...)

@script:python@
fn << io.fn;
C << iocall.C;
rc << iocall.rc;
@@
io_cmds.setdefault((rc[0].file, str(fn)), set()).add(str(C))
io_calls.add((rc[0].file, rc[0].line, rc[0].column))

@iouse@
identifier io.fn;
position ru : script:python() {
	(ru[0].file, ru[0].line, ru[0].column) not in io_calls
};
@@
fn@ru

@script:python@
fn << io.fn;
ru << iouse.ru;
@@
io_other.add((ru[0].file, str(fn)))

// The command's name must be free in the function.
@ioclash@
identifier io.fn, iocall.C;
type CT;
position pc;
@@
fn(..., CT C@pc, ...) {...}

@script:python@
fn << io.fn;
pc << ioclash.pc;
@@
io_clash.add((pc[0].file, str(fn)))

@ioclash2 exists@
identifier io.fn, iocall.C;
position pc;
@@
fn(...) { <+... C@pc ...+> }

@script:python@
fn << io.fn;
pc << ioclash2.pc;
@@
io_clash.add((pc[0].file, str(fn)))

// The helper and its size argument; the function to take the command
// instead of its size, if any (no C function is named "not an ioctl's").
@script:python iohelp@
fn << io.fn;
p << io.p;
U << io.U;
H;
SZ;
IOFN;
@@
cmd = ioctl_cmd(p[0].file, str(fn))
if cmd:
	coccinelle.H = cocci.make_ident("extensible_copy_from_ioctl")
	coccinelle.SZ = cocci.make_ident(cmd)
	coccinelle.IOFN = cocci.make_ident(str(fn))
else:
	coccinelle.H = cocci.make_ident("extensible_copy_from_user")
	coccinelle.SZ = cocci.make_ident(str(U))
	coccinelle.IOFN = cocci.make_ident("not an ioctl's")

@script:python depends on org@
q << io.q;
T << io.T;
H << iohelp.H;
@@
coccilib.org.print_todo(q[0],
	"WARNING: struct %s bounded by hand, EINVAL from PAGE_SIZE up: "
	"describe it (.max = PAGE_SIZE - 1, .too_large = -EINVAL) and use "
	"%s()" % (T, H))

@script:python depends on report@
q << io.q;
T << io.T;
H << iohelp.H;
@@
coccilib.report.print_report(q[0],
	"WARNING: struct %s bounded by hand, EINVAL from PAGE_SIZE up: "
	"describe it (.max = PAGE_SIZE - 1, .too_large = -EINVAL) and use "
	"%s()" % (T, H))

@depends on context@
identifier io.fn, io.K, io.U;
expression io.S;
position io.q;
@@
fn(...) {
  <...
* copy_struct_from_user@q(&K, sizeof(K), S, U)
  ...>
}

@iofix depends on patch@
identifier io.fn, io.err, io.K, io.T, io.U, iohelp.H, iohelp.SZ;
expression io.S, io.V0, io.L;
position io.q;
fresh identifier E = T ## "_ext";
@@
fn(...) {
  ...
  struct T K;
  ...
- BUILD_BUG_ON(\(sizeof(struct T)\|sizeof(K)\) != L);
  ...
(
- if (\(unlikely(U < V0 || U >= PAGE_SIZE)\|U < V0 || U >= PAGE_SIZE\|
-	unlikely(U >= PAGE_SIZE || U < V0)\|U >= PAGE_SIZE || U < V0\))
-	return -EINVAL;
|
- if (\(unlikely(U < V0)\|U < V0\))
-	return -EINVAL;
- if (\(unlikely(U >= PAGE_SIZE)\|U >= PAGE_SIZE\))
-	return -EINVAL;
|
- if (\(unlikely(U >= PAGE_SIZE)\|U >= PAGE_SIZE\))
-	return -EINVAL;
- if (\(unlikely(U < V0)\|U < V0\))
-	return -EINVAL;
)
- err = copy_struct_from_user@q(&K, sizeof(K), S, U);
+ err = H(&E, &K, S, SZ);
  ...
}

// sizeof() >= FOO_SIZE_VER0 follows from the description's checks.
@depends on iofix@
identifier io.fn, io.K, io.T;
expression io.V0;
@@
fn(...) {
  <...
- BUILD_BUG_ON(\(sizeof(struct T)\|sizeof(K)\) < V0);
  ...>
}

@depends on iofix@
identifier io.fn, io.T, iofix.E;
expression io.V0, io.L;
@@
+ static const struct extensible_struct E = {
+	EXTENSIBLE_STRUCT(struct T, V0, L),
+ };
+
  fn(...) {...}

@depends on iofix@
identifier iofix.E;
@@
  static const struct extensible_struct E = {
  EXTENSIBLE_STRUCT(...),
+ .max = PAGE_SIZE - 1,
+ .too_large = -EINVAL,
  };

// The size an ioctl's: the function takes the command, as its callers do.
@depends on iofix@
identifier io.U, iohelp.IOFN, iohelp.SZ;
@@
IOFN(...) {
  <...
- U
+ _IOC_SIZE(SZ)
  ...>
}

@depends on iofix@
identifier io.U, iohelp.IOFN, iohelp.SZ;
parameter list[iop.n] ps;
type UT;
@@
IOFN(ps,
   UT
-  U
+  SZ
   , ...) {...}

@depends on iofix@
identifier io.U, iohelp.IOFN, iohelp.SZ;
parameter list[iop.n] ps;
type RT, UT;
@@
RT IOFN(ps,
   UT
-  U
+  SZ
   , ...);

@depends on iofix@
identifier iohelp.IOFN, iohelp.SZ;
expression list[iop.n] es;
@@
IOFN(es,
-  _IOC_SIZE(SZ)
+  SZ
   , ...)
