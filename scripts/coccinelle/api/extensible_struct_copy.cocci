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
/// A helper of the file that applies a new call's bounds with a minimum
/// its caller gives, as landlock's copy_min_struct_from_user() does:
///
///	if (!src)
///		return -EFAULT;
///	if (usize < ksize_min)
///		return -EINVAL;
///	if (usize > PAGE_SIZE)
///		return -E2BIG;
///	return copy_struct_from_user(dst, ksize, src, usize);
///
/// (the NULL check optional, the bounds in either order, no other if or
/// return before them), called with &karg, sizeof(karg) and
/// an offsetofend() of the struct as minimum: the struct has no
/// FOO_SIZE_VERn, so patch mode describes it with that offsetofend() as
/// first size and sizeof() as latest, and calls
/// extensible_copy_from_user(). If the helper refused a NULL struct, the
/// call is preceded by that check, which keeps EFAULT for a NULL struct
/// of any size (the helpers would say EINVAL or E2BIG first). The helper
/// goes with its last call. A const user pointer stays const: the helpers
/// take a writable one (a CHECK_FIELDS answer is written there), but its
/// prototype may be in another file (include/linux/syscalls.h for a
/// system call), where the rule cannot follow; the report says so, and
/// the compiler's warning points at the call.
///
/// A self-sized struct with a new call's rules but no pin, its minimum
/// the end of a field, as user_events' user_reg_get() and
/// user_unreg_get() copy theirs: a u32 local read by get_user() from the
/// size field, E2BIG above PAGE_SIZE and EINVAL below offsetofend() of a
/// field of the struct (either order), copy_struct_from_user(), and
/// nothing put_user() into a struct member in the function. Patch mode
/// describes it with that offsetofend() as first size, sizeof() as
/// latest and .size_read_only = true, and calls
/// extensible_copy_self_sized(); the local size goes, a later
/// "karg->size = size;" too (the helper sets the field), other uses of
/// it become the size field.
///
/// A size refused with EINVAL below FOO_SIZE_VER0 and never capped, as
/// io_uring's IORING_OP_OPENAT2 has always done with openat2()'s struct:
///
///	if (len < FOO_SIZE_VER0)
///		return -EINVAL;
///	ret = copy_struct_from_user(&karg, sizeof(karg), uarg, len);
///
/// with no comparison of the size against an upper bound before, and no
/// BUILD_BUG_ON() of a size in the function (that is the struct's own
/// call, whose missing cap copy_struct_from_user_usize.cocci reports):
/// patch mode describes it with .max = SIZE_MAX, which keeps the missing
/// cap, FOO_SIZE_LATEST (else the highest FOO_SIZE_VERn the tree
/// defines) as latest size, and calls extensible_copy_from_user(). The
/// struct is the user pointer's, declared in the function or its
/// parameters.
///
/// A size refused with EINVAL below a first size and above the kernel's
/// struct, whatever its tail, in one test right before the copy, as
/// iommu_copy_struct_from_user() has always checked a driver's data:
///
///	if (len < FOO_SIZE_VER0 || len > sizeof(*karg))
///		return -EINVAL;
///	return copy_struct_from_user(karg, sizeof(*karg), uarg, len);
///
/// patch mode describes it with that first size (an offsetofend() too),
/// FOO_SIZE_LATEST, the highest FOO_SIZE_VERn or else sizeof() as latest
/// size, .max = sizeof() and .too_large = -EINVAL, and calls
/// extensible_copy_from_user().
///
/// Patch mode adds no #include <linux/extensible_struct.h> and no comment
/// above a description (the series' patches do both by hand).
///
// Confidence: High
// Copyright: (C) 2026 Seed 80f0496a maintainers.
// URL: https://coccinelle.gitlabpages.inria.fr/website
// Comments: The description is named after the struct tag (struct foo:
// Comments: foo_ext); rename it if that name is taken. For the last three
// Comments: patterns above, a tag that starts with the name of the file's
// Comments: directory and an underscore loses that prefix (security/landlock/:
// Comments: ruleset_attr_ext), and an uncapped size's description, which
// Comments: states its caller's rules, takes the prefix of the caller's
// Comments: name (io_openat2_prep(): io_open_how_ext).
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

# Self-sized copies the statmount pattern took, by (file, function): the
# user_events pattern leaves them alone.
ro_taken = set()
# io_uring's pattern: the struct tag of each user pointer, by (file,
# function, pointer).
uc_tag = {}
# and the functions that pin a latest size.
uc_pinned = set()
# The user_events pattern's functions in the file at hand, by (function,
# struct, size field, local size): a position in a rule after a change is
# in a copy of the file, with another name.
us_fns = set()
us_file = [None]

def desc_name(tag, path, fn=None):
	"""The name of a description of struct tag: tag_ext, without a prefix
	the file's directory already names (security/landlock/: struct
	landlock_ruleset_attr, ruleset_attr_ext), with the prefix of the
	caller fn if its rules are the caller's own (io_openat2_prep():
	io_open_how_ext)."""
	d = os.path.basename(os.path.dirname(os.path.abspath(path)))
	if d and tag.startswith(d + '_') and len(tag) > len(d) + 1:
		tag = tag[len(d) + 1:]
	if fn and '_' in fn.strip('_'):
		pre = fn.strip('_').split('_')[0]
		if not tag.startswith(pre + '_'):
			tag = pre + '_' + tag
	return tag + '_ext'

# landlock's pattern: the (file, function, pointer) whose pointer is const.
lm_const = set()
# Its helpers (file, name) that refuse a NULL struct first; in the file
# at hand, those whose calls patch mode rewrote, and those still named.
lm_null = set()
lm_fixed = set()
lm_used = set()
lm_file = [None]

def lm_message(p, T, H, FL, S):
	m = ("WARNING: struct %s bounded by %s() from offsetofend(%s): "
	     "describe it with that minimum and use "
	     "extensible_copy_from_user()" % (T, H, FL))
	if (p[0].file, p[0].current_element, str(S)) in lm_const:
		m += "; %s loses its const by hand, in its prototype too" % S
	return m

def nested_call(name, args, col):
	"""name(args) as a call nested in another's arguments, at column col,
	broken after its first argument if it would pass column 80."""
	one = "%s(%s)" % (name, ", ".join(args))
	if col + len(one) + 2 <= 80:
		return one
	tabs, spaces = divmod(col + len(name) + 1, 8)
	return "%s(%s,\n%s%s)" % (name, args[0], "\t" * tabs + " " * spaces,
				   ", ".join(args[1:]))

def ext_struct(t, first, latest):
	"""EXTENSIBLE_STRUCT(t, first, latest) laid out as the first line of
	an initializer: the arguments filled up to column 80, the next lines
	aligned after the parenthesis; spatch breaks no line in an argument,
	and before every argument of a long line."""
	args = [t, first, latest]
	out = "EXTENSIBLE_STRUCT("
	width = 8 + len(out)
	for i, a in enumerate(args):
		tail = ")," if i == len(args) - 1 else ","
		first_line = a.split("\n")[0]
		if i and ("\n" in a or
			  width + 1 + len(first_line) + len(tail) > 80):
			out += "\n\t\t\t  "
			width = 26
		elif i:
			out += " "
			width += 1
		out += a + ("" if i == len(args) - 1 else ",")
		if "\n" in a:
			width = len(a.split("\n")[-1].expandtabs(8)) + 1
		else:
			width += len(a) + 1
	return out + ")"

def c_text(e):
	"""An expression as the kernel writes it: spatch prints a -> b,
	f ( a , b ) and & a."""
	t = re.sub(r'\s*(->|\.)\s*', r'\1', str(e).strip())
	t = re.sub(r'(\w)\s+\(', r'\1(', t)
	t = re.sub(r'\(\s+', '(', t)
	t = re.sub(r'\s+([),])', r'\1', t)
	return re.sub(r'^([&*])\s+', r'\1', t)

def call_text(name, args, pos):
	"""name(args) laid out as the kernel lays out a call that starts where
	pos (a position of the code it replaces) starts: the arguments filled
	up to column 80, the next line aligned after the parenthesis. spatch
	would break a line at column 79, or keep the old call's breaks."""
	try:
		with open(pos.file, errors='replace') as f:
			line = f.read().split('\n')[int(pos.line) - 1]
		col = len(line[:int(pos.column)].expandtabs(8))
	except (OSError, IndexError, ValueError):
		return "%s(%s)" % (name, ", ".join(args))
	tabs, spaces = divmod(col + len(name) + 1, 8)
	pad = "\t" * tabs + " " * spaces
	out = name + "("
	width = col + len(out)
	for i, a in enumerate(args):
		tail = ");" if i == len(args) - 1 else ","
		if i and width + 1 + len(a) + len(tail) > 80:
			out += "\n" + pad
			width = len(pad.expandtabs(8))
		elif i:
			out += " "
			width += 1
		out += a + ("" if i == len(args) - 1 else ",")
		width += len(a) + 1
	return out + ")"

def tree_root(path):
	d = os.path.dirname(os.path.abspath(path))
	while d != os.path.dirname(d):
		if os.path.isdir(os.path.join(d, 'include', 'uapi')):
			return d
		d = os.path.dirname(d)
	return None

def family_texts(fam, path):
	"""The texts that mention fam, of the files next to path and in the
	tree's include/."""
	root = tree_root(path)
	dirs = [os.path.dirname(os.path.abspath(path))]
	if root:
		dirs.append(os.path.join(root, 'include'))
	for top in dirs:
		for dp, dn, fn in os.walk(top):
			for f in fn:
				if not f.endswith(('.h', '.c')):
					continue
				try:
					with open(os.path.join(dp, f),
						  errors='replace') as fh:
						t = fh.read()
				except OSError:
					continue
				if fam in t:
					yield t

def latest_of(v0, path):
	"""The highest FOO_SIZE_VERn defined next to FOO_SIZE_VER0."""
	fam = re.sub(r'_SIZE_VER0$', '', v0)
	if fam == v0:
		return None
	pat = re.compile(r'^\s*#\s*define\s+(%s_SIZE_VER(\d+))\b' %
			 re.escape(fam), re.M)
	best = None
	for t in family_texts(fam, path):
		for m in pat.finditer(t):
			if best is None or int(m.group(2)) > best[1]:
				best = (m.group(1), int(m.group(2)))
	return best[0] if best else None

def latest_size(v0, path):
	"""FOO_SIZE_LATEST if the tree defines it next to FOO_SIZE_VER0, else
	the highest FOO_SIZE_VERn."""
	fam = re.sub(r'_SIZE_VER0$', '', v0)
	if fam == v0:
		return None
	pat = re.compile(r'^\s*#\s*define\s+%s_SIZE_LATEST\b' % re.escape(fam),
			 re.M)
	if any(pat.search(t) for t in family_texts(fam, path)):
		return fam + '_SIZE_LATEST'
	return latest_of(v0, path)

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

@script:python@
p << ro.p;
@@
ro_taken.add((p[0].file, p[0].current_element))

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

// landlock's copy_min_struct_from_user(): a helper of the file that checks
// a NULL struct (or not), then the bounds of a new call with a minimum
// the caller gives, and copies; called with an offsetofend() as minimum.
// No other if or return in the helper before the bounds.
@lmh@
identifier H, D, KS, KM, SRC, US;
type T1, T2, T3, T4, T5;
expression X;
statement S;
position ph;
@@
H@ph(T1 D, T2 KS, T3 KM, T4 SRC, T5 US)
{
  ... when != if (X) S
      when != return X;
(
  if (\(!SRC\|SRC == NULL\|unlikely(!SRC)\))
	return -EFAULT;
  ... when != if (X) S
      when != return X;
|
)
(
  if (\(unlikely(US < KM)\|US < KM\))
	return -EINVAL;
  if (\(unlikely(US > PAGE_SIZE)\|US > PAGE_SIZE\))
	return -E2BIG;
|
  if (\(unlikely(US > PAGE_SIZE)\|US > PAGE_SIZE\))
	return -E2BIG;
  if (\(unlikely(US < KM)\|US < KM\))
	return -EINVAL;
)
  return copy_struct_from_user(D, KS, SRC, US);
}

// Helpers are named by the file at hand alone: the rules after a change
// see positions in a copy of it, with another name.
@script:python@
ph << lmh.ph;
@@
if lm_file[0] != ph[0].file:
	lm_fixed.clear()
	lm_used.clear()
	lm_file[0] = ph[0].file

// Does it refuse a NULL struct with EFAULT, whatever the size?
@lmnull@
identifier lmh.H, lmh.SRC;
position pn;
@@
H@pn(...)
{
  ...
  if (\(!SRC\|SRC == NULL\|unlikely(!SRC)\))
	return -EFAULT;
  ...
}

@script:python@
H << lmh.H;
pn << lmnull.pn;
@@
lm_null.add((pn[0].file, str(H)))

@lm@
identifier fn, lmh.H, K, T, S, FL;
expression R, U;
position p, q;
@@
fn@p(...) {
  ...
  struct T K;
  ...
  R = H@q(&K, sizeof(K), offsetofend(\(typeof(K)\|struct T\), FL), S, U);
  ...
}

// A const pointer: the helpers take a writable one (a CHECK_FIELDS answer
// is written there); its prototype may be in another file.
@lmconst@
identifier lm.fn, lm.T, lm.S;
position pc;
attribute name __user;
@@
fn(..., const struct T __user *S@pc, ...) {...}

@script:python@
p << lm.p;
S << lm.S;
pc << lmconst.pc;
@@
lm_const.add((p[0].file, p[0].current_element, str(S)))

@script:python depends on org@
q << lm.q;
p << lm.p;
T << lm.T;
H << lmh.H;
FL << lm.FL;
S << lm.S;
@@
coccilib.org.print_todo(q[0], lm_message(p, T, H, FL, S))

@script:python depends on report@
q << lm.q;
p << lm.p;
T << lm.T;
H << lmh.H;
FL << lm.FL;
S << lm.S;
@@
coccilib.report.print_report(q[0], lm_message(p, T, H, FL, S))

@depends on context@
identifier lm.fn, lmh.H;
position lm.q;
@@
fn(...) {
  <...
* H@q(...)
  ...>
}

// The description's name, its EXTENSIBLE_STRUCT() and the new call, laid
// out here: spatch breaks no line in a nested call, and a call's lines
// where it likes.
@script:python lmname depends on patch@
H << lmh.H;
T << lm.T;
FL << lm.FL;
K << lm.K;
S << lm.S;
U << lm.U;
p << lm.p;
q << lm.q;
E;
ES;
CALL;
@@
e = desc_name(str(T), p[0].file)
lm_fixed.add(str(H))
coccinelle.E = cocci.make_ident(e)
coccinelle.ES = cocci.make_ident(ext_struct("struct %s" % T,
	nested_call("offsetofend", ["struct %s" % T, str(FL)], 26),
	"sizeof(struct %s)" % T))
coccinelle.CALL = cocci.make_ident(call_text("extensible_copy_from_user",
	["&" + e, "&" + str(K), str(S), c_text(U)], q[0]))

// The helper's NULL check stays before the copy, whatever the size. N is
// the pointer if the helper had one, else no name the call can have
// (include_match(False) would drop the match for lmfix too).
@script:python lmnullp depends on patch@
S << lm.S;
p << lm.p;
H << lmh.H;
N;
@@
if (p[0].file, str(H)) in lm_null:
	coccinelle.N = cocci.make_ident(str(S))
else:
	coccinelle.N = cocci.make_ident("no NULL check")

@lmfixn depends on patch@
identifier lm.fn, lmh.H, lm.K, lm.T, lm.FL, lmname.CALL, lmnullp.N;
expression lm.R, lm.U;
position lm.q;
@@
fn(...) {
  ...
- R = H@q(&K, sizeof(K), offsetofend(\(typeof(K)\|struct T\), FL), N, U);
+ if (!N)
+	return -EFAULT;
+ R = CALL;
  ...
}

@lmfix depends on patch@
identifier lm.fn, lmh.H, lm.K, lm.T, lm.S, lm.FL, lmname.CALL;
expression lm.R, lm.U;
@@
fn(...) {
  ...
- R = H(&K, sizeof(K), offsetofend(\(typeof(K)\|struct T\), FL), S, U);
+ R = CALL;
  ...
}

@lmdesc depends on lmfixn || lmfix@
identifier lm.fn, lmname.E, lmname.ES;
@@
+ static const struct extensible_struct E = {
+	ES,
+ };
+
  fn(...) {...}

// A helper goes with its last use (the rule's calls rewritten, no other
// mention of it left), and its comment with it.
@lmused depends on lmfixn || lmfix@
identifier lmh.H;
position pu;
@@
H@pu

@script:python@
H << lmh.H;
pu << lmused.pu;
@@
lm_used.add(str(H))

@script:python lmgone depends on lmfixn || lmfix@
H << lmh.H;
HG;
@@
if str(H) in lm_used or str(H) not in lm_fixed:
	cocci.include_match(False)
else:
	coccinelle.HG = cocci.make_ident(str(H))

@depends on lmfixn || lmfix@
identifier lmgone.HG;
@@
- HG(...) {...}

// user_events' user_reg_get() and user_unreg_get(): a self-sized struct
// with the rules of a new call but no pin, its minimum the end of a field;
// the size field only read (nothing put_user() into a struct member).
@us@
identifier fn, A, U, F, size, ret, T, FL;
position p : script:python() {
	(p[0].file, p[0].current_element) not in written_back and
	(p[0].file, p[0].current_element) not in ro_taken
};
position q;
@@
fn@p(..., struct T *A, ...) {
  ...
  u32 size;
  ...
  ret = get_user(size, &U->F);
  if (ret)
	return \(ret\|-EFAULT\);
(
  if (\(unlikely(size > PAGE_SIZE)\|size > PAGE_SIZE\))
	return -E2BIG;
  if (\(unlikely(size < offsetofend(\(struct T\|typeof(*A)\), FL))\|
	size < offsetofend(\(struct T\|typeof(*A)\), FL)\))
	return -EINVAL;
|
  if (\(unlikely(size < offsetofend(\(struct T\|typeof(*A)\), FL))\|
	size < offsetofend(\(struct T\|typeof(*A)\), FL)\))
	return -EINVAL;
  if (\(unlikely(size > PAGE_SIZE)\|size > PAGE_SIZE\))
	return -E2BIG;
)
  ret = copy_struct_from_user@q(A, sizeof(*A), U, size);
  ...
}

@script:python@
p << us.p;
A << us.A;
F << us.F;
size << us.size;
@@
if us_file[0] != p[0].file:
	us_fns.clear()
	us_file[0] = p[0].file
us_fns.add((p[0].current_element, str(A), str(F), str(size)))

@script:python depends on org@
q << us.q;
T << us.T;
FL << us.FL;
@@
coccilib.org.print_todo(q[0],
	"WARNING: struct %s copied by the self-sized sequence of a new call "
	"from offsetofend(%s), size field only read: describe it "
	"(.size_read_only) and use extensible_copy_self_sized()" % (T, FL))

@script:python depends on report@
q << us.q;
T << us.T;
FL << us.FL;
@@
coccilib.report.print_report(q[0],
	"WARNING: struct %s copied by the self-sized sequence of a new call "
	"from offsetofend(%s), size field only read: describe it "
	"(.size_read_only) and use extensible_copy_self_sized()" % (T, FL))

@depends on context@
identifier us.fn, us.A, us.U, us.size;
position us.q;
@@
fn(...) {
  <...
* copy_struct_from_user@q(A, sizeof(*A), U, size)
  ...>
}

@script:python usname depends on patch@
T << us.T;
FL << us.FL;
p << us.p;
E;
ES;
@@
coccinelle.E = cocci.make_ident(desc_name(str(T), p[0].file))
coccinelle.ES = cocci.make_ident(ext_struct("struct %s" % T,
	nested_call("offsetofend", ["struct %s" % T, str(FL)], 26),
	"sizeof(struct %s)" % T))

// The local size the last declaration? As for rolast above.
@uslast depends on patch@
identifier us.fn, us.size;
statement S;
position pl;
@@
fn(...) {
  ...
  u32 size@pl;
  S
  ...
}

@script:python uslastfn@
pl << uslast.pl;
LF;
@@
coccinelle.LF = cocci.make_ident(pl[0].current_element)

@usfix depends on patch@
identifier us.fn, us.A, us.U, us.F, us.size, us.ret, us.T, us.FL, usname.E;
position us.q;
@@
fn(..., struct T *A, ...) {
  ...
- u32 size;
  ...
- ret = get_user(size, &U->F);
- if (ret)
-	return \(ret\|-EFAULT\);
(
- if (\(unlikely(size > PAGE_SIZE)\|size > PAGE_SIZE\))
-	return -E2BIG;
- if (\(unlikely(size < offsetofend(\(struct T\|typeof(*A)\), FL))\|
-	size < offsetofend(\(struct T\|typeof(*A)\), FL)\))
-	return -EINVAL;
|
- if (\(unlikely(size < offsetofend(\(struct T\|typeof(*A)\), FL))\|
-	size < offsetofend(\(struct T\|typeof(*A)\), FL)\))
-	return -EINVAL;
- if (\(unlikely(size > PAGE_SIZE)\|size > PAGE_SIZE\))
-	return -E2BIG;
)
- ret = copy_struct_from_user@q(A, sizeof(*A), U, size);
+ ret = extensible_copy_self_sized(&E, A, U);
  ...
}

@depends on usfix@
identifier us.A, us.U, us.ret, usname.E, uslastfn.LF;
declaration D;
@@
LF(...) {
  ...
  D
+
  ret = extensible_copy_self_sized(&E, A, U);
  ...
}

// The size field holds the size checked: setting it goes, other uses of
// the local size become it. Not with <... ...>: user_reg_get() has an #if
// in a switch, which spatch's paths do not all go through.
@depends on usfix@
identifier us.A, us.F, us.size;
position pz : script:python(A, F, size) {
	(pz[0].current_element, str(A), str(F), str(size)) in us_fns
};
@@
(
- A->F@pz = size;
|
- size@pz
+ A->F
)

@depends on usfix@
identifier us.fn, usname.E, usname.ES, us.T, us.F;
@@
+ static const struct extensible_struct E = {
+	ES,
+	EXTENSIBLE_SIZE_FIELD(struct T, F),
+ };
+
  fn(...) {...}

@depends on usfix@
identifier usname.E;
@@
  static const struct extensible_struct E = {
  ...,
  EXTENSIBLE_SIZE_FIELD(...),
+ .size_read_only = true,
  };

// io_uring's IORING_OP_OPENAT2: a size refused with EINVAL below
// FOO_SIZE_VER0 and never capped (no comparison of it against an upper
// bound on the way to the copy), right before copy_struct_from_user().
@uc@
identifier fn, ret, S, U;
identifier V0 =~ "_SIZE_VER0$";
expression K, X;
position p, q;
@@
fn@p(...) {
  ... when != \(U > X\|U >= X\|X < U\|X <= U\)
  if (\(unlikely(U < V0)\|U < V0\))
	return -EINVAL;
  ret = copy_struct_from_user@q(&K, sizeof(K), S, U);
  ...
}

// The struct's tag, from the declaration of the user pointer: a parameter
// or a local (spatch matches struct T * to struct T __user * there).
@uctp@
identifier uc.fn, uc.S, T;
position pt;
attribute name __user;
@@
fn@pt(..., struct T __user *S, ...) {...}

@script:python@
S << uc.S;
T << uctp.T;
pt << uctp.pt;
@@
uc_tag[(pt[0].file, pt[0].current_element, str(S))] = str(T)

@uctl@
identifier uc.fn, uc.S, T;
expression E;
position pt;
@@
fn@pt(...) {
  ...
(
  struct T *S;
|
  struct T *S = E;
)
  ...
}

@script:python@
S << uc.S;
T << uctl.T;
pt << uctl.pt;
@@
uc_tag[(pt[0].file, pt[0].current_element, str(S))] = str(T)

// A function that pins a latest size is the struct's own call: a cap it
// lacks is copy_struct_from_user_usize.cocci's report, no rule to keep.
@ucpin exists@
identifier uc.fn;
expression E1, E2;
type TY;
position pp;
@@
fn@pp(...) {
  ... when any
  BUILD_BUG_ON(\(sizeof(TY)\|sizeof(E1)\) != E2);
  ... when any
}

@script:python@
pp << ucpin.pp;
@@
uc_pinned.add((pp[0].file, pp[0].current_element))

@script:python uct@
S << uc.S;
p << uc.p;
T;
@@
tag = uc_tag.get((p[0].file, p[0].current_element, str(S)))
if tag is None or (p[0].file, p[0].current_element) in uc_pinned:
	cocci.include_match(False)
else:
	coccinelle.T = cocci.make_ident(tag)

@script:python depends on org@
q << uc.q;
T << uct.T;
@@
coccilib.org.print_todo(q[0],
	"WARNING: struct %s bounded below only, its size never capped: "
	"describe it (.max = SIZE_MAX) and use extensible_copy_from_user()"
	% T)

@script:python depends on report@
q << uc.q;
T << uct.T;
@@
coccilib.report.print_report(q[0],
	"WARNING: struct %s bounded below only, its size never capped: "
	"describe it (.max = SIZE_MAX) and use extensible_copy_from_user()"
	% T)

@depends on context@
identifier uc.fn, uc.S, uc.U;
expression uc.K;
position uc.q;
@@
fn(...) {
  <...
* copy_struct_from_user@q(&K, sizeof(K), S, U)
  ...>
}

// Patch mode needs the latest size: FOO_SIZE_LATEST, else the highest
// FOO_SIZE_VERn. The description states the caller's rules, not those of
// the struct's own call: it takes the caller's prefix.
@script:python ucname depends on patch@
fn << uc.fn;
T << uct.T;
V0 << uc.V0;
K << uc.K;
S << uc.S;
U << uc.U;
p << uc.p;
q << uc.q;
E;
ES;
CALL;
@@
latest = latest_size(str(V0), p[0].file)
if latest is None:
	cocci.include_match(False)
else:
	e = desc_name(str(T), p[0].file, str(fn))
	coccinelle.E = cocci.make_ident(e)
	coccinelle.ES = cocci.make_ident(ext_struct("struct %s" % T, str(V0),
						    latest))
	coccinelle.CALL = cocci.make_ident(call_text(
		"extensible_copy_from_user",
		["&" + e, "&" + c_text(K), str(S), str(U)], q[0]))

@ucfix depends on patch@
identifier uc.fn, uc.ret, uc.S, uc.U, uc.V0, ucname.CALL;
expression uc.K;
position uc.q;
@@
fn(...) {
  ...
- if (\(unlikely(U < V0)\|U < V0\))
-	return -EINVAL;
- ret = copy_struct_from_user@q(&K, sizeof(K), S, U);
+ ret = CALL;
  ...
}

// In two steps, as above.
@depends on ucfix@
identifier uc.fn, ucname.E, ucname.ES;
@@
+ static const struct extensible_struct E = {
+	ES,
+ };
+
  fn(...) {...}

@depends on ucfix@
identifier ucname.E;
@@
  static const struct extensible_struct E = {
  EXTENSIBLE_STRUCT(...),
+ .max = SIZE_MAX,
  };

// iommu's driver data: EINVAL below the first size and above the kernel's
// struct, in one test right before the copy, of a local or through a
// pointer; the copy's result returned or kept.
@kb@
identifier fn, ret;
type T;
T ds;
T *dp;
expression S, U, V0;
position p, q;
@@
fn@p(...) {
  ...
(
  if (\(U < V0 || sizeof(ds) < U\|U < V0 || U > sizeof(ds)\|
	sizeof(ds) < U || U < V0\|U > sizeof(ds) || U < V0\))
	return -EINVAL;
  \(return copy_struct_from_user@q(&ds, sizeof(ds), S, U);\|
    ret = copy_struct_from_user@q(&ds, sizeof(ds), S, U);\)
|
  if (\(U < V0 || sizeof(*dp) < U\|U < V0 || U > sizeof(*dp)\|
	sizeof(*dp) < U || U < V0\|U > sizeof(*dp) || U < V0\))
	return -EINVAL;
  \(return copy_struct_from_user@q(dp, sizeof(*dp), S, U);\|
    ret = copy_struct_from_user@q(dp, sizeof(*dp), S, U);\)
)
  ...
}

@script:python kbt@
T << kb.T;
TAG;
@@
m = re.match(r'^struct\s+(\w+)$', str(T).strip())
if m is None:
	cocci.include_match(False)
else:
	coccinelle.TAG = cocci.make_ident(m.group(1))

@script:python depends on org@
q << kb.q;
TAG << kbt.TAG;
@@
coccilib.org.print_todo(q[0],
	"WARNING: struct %s bounded by hand, EINVAL above the kernel's "
	"struct: describe it (.max = sizeof(), .too_large = -EINVAL) and use "
	"extensible_copy_from_user()" % TAG)

@script:python depends on report@
q << kb.q;
TAG << kbt.TAG;
@@
coccilib.report.print_report(q[0],
	"WARNING: struct %s bounded by hand, EINVAL above the kernel's "
	"struct: describe it (.max = sizeof(), .too_large = -EINVAL) and use "
	"extensible_copy_from_user()" % TAG)

@depends on context@
expression D, Z, S, U;
position kb.q;
@@
* copy_struct_from_user@q(D, sizeof(Z), S, U)

// The first argument of the copy, as the kernel writes it.
@kbdst depends on patch@
expression D;
position kb.q;
@@
copy_struct_from_user@q(D, ...)

// The latest size: FOO_SIZE_LATEST or the highest FOO_SIZE_VERn if the
// first size is a FOO_SIZE_VER0, else the struct's own.
@script:python kbname depends on patch@
TAG << kbt.TAG;
V0 << kb.V0;
S << kb.S;
U << kb.U;
D << kbdst.D;
p << kb.p;
q << kb.q;
E;
ES;
CALL;
@@
t = "struct %s" % TAG
first = c_text(V0)
latest = latest_size(first, p[0].file) or "sizeof(%s)" % t
e = desc_name(str(TAG), p[0].file)
coccinelle.E = cocci.make_ident(e)
coccinelle.ES = cocci.make_ident(ext_struct(t, first, latest))
coccinelle.CALL = cocci.make_ident(call_text(
	"extensible_copy_from_user",
	["&" + e, c_text(D), c_text(S), c_text(U)], q[0]))

@kbfix depends on patch@
identifier kb.fn, kbname.CALL;
expression kb.U, kb.V0, Z, ret;
position kb.q;
@@
fn(...) {
  ...
- if (\(U < V0 || sizeof(Z) < U\|U < V0 || U > sizeof(Z)\|
-	sizeof(Z) < U || U < V0\|U > sizeof(Z) || U < V0\))
-	return -EINVAL;
(
- return copy_struct_from_user@q(...);
+ return CALL;
|
- ret = copy_struct_from_user@q(...);
+ ret = CALL;
)
  ...
}

// In two steps, as above.
@depends on kbfix@
identifier kb.fn, kbname.E, kbname.ES;
@@
+ static const struct extensible_struct E = {
+	ES,
+ };
+
  fn(...) {...}

@depends on kbfix@
identifier kbname.E;
type kb.T;
@@
  static const struct extensible_struct E = {
  EXTENSIBLE_STRUCT(...),
+ .max = sizeof(T),
+ .too_large = -EINVAL,
  };
