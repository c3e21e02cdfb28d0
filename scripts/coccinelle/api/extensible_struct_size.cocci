// SPDX-License-Identifier: GPL-2.0-only
/// Pin the latest FOO_SIZE_VERn of an extensible struct to its sizeof()
///
/// An extensible struct publishes the size of each version (FOO_SIZE_VER0,
/// FOO_SIZE_VER1, ...) and the kernel copies it with ksize = sizeof(). If
/// a field is added without a new FOO_SIZE_VERn, or a FOO_SIZE_VERn is
/// added that does not match the struct, nothing fails at build time and
/// user space gets a wrong size. clone3() and openat2() pin it:
///
///	BUILD_BUG_ON(sizeof(struct clone_args) != CLONE_ARGS_SIZE_VER2);
///
/// A family of FOO_SIZE_VERn macros is reported when no BUILD_BUG_ON(),
/// BUILD_BUG_ON_MSG(), static_assert() or _Static_assert() compares a
/// sizeof() with its highest FOO_SIZE_VERn (or FOO_SIZE_LATEST), and no
/// description of the struct for the helpers of <linux/extensible_struct.h>
/// names it as the latest size, EXTENSIBLE_STRUCT(type, first, latest),
/// which pins it the same way. The
/// report is at the #define of that macro when the header is among the
/// files checked, else at the first use of the family in code. Pins are
/// looked for in the files checked and, when the family is not pinned
/// there, in the rest of the kernel tree (a grep of the tree root).
///
/// Context mode works file by file: it marks the uses of a family in a
/// file that pins none of its sizes, which may be pinned elsewhere.
///
// Confidence: Moderate
// Copyright: (C) 2026 Seed 80f0496a maintainers.
// URL: https://coccinelle.gitlabpages.inria.fr/website
// Comments: Families are told apart by the name before _SIZE_VER; the
// Comments: struct itself is not matched to its macros.
// Options: --no-includes --include-headers

virtual patch
virtual context
virtual org
virtual report

@initialize:python@
@@
import os
import re
import subprocess

SIZE_RE = re.compile(r'^(\w+)_SIZE_(VER(\d+)|LATEST)$')
ASSERT_RE = re.compile(r'\b(BUILD_BUG_ON|BUILD_BUG_ON_MSG|static_assert|'
		       r'_Static_assert)\s*\(')
SIZEOF = r'sizeof\s*\((?:[^()]|\([^()]*\))*\)'
PIN_RE = re.compile(r'(?:' + SIZEOF + r'\s*[!=]=\s*(\w+_SIZE_(?:VER\d+|LATEST))'
		    r'\b|\b(\w+_SIZE_(?:VER\d+|LATEST))\s*[!=]=\s*' + SIZEOF +
		    r')')
# EXTENSIBLE_STRUCT(type, first, latest) asserts sizeof(type) == latest.
EXT_RE = re.compile(r'\bEXTENSIBLE_STRUCT\s*\(((?:[^()]|\([^()]*\))*)\)')
LATEST_RE = re.compile(r'^\(*\s*(\w+_SIZE_(?:VER\d+|LATEST))\s*\)*$')

# merged across files (and across workers with -j)
coccinelle.defs = []	# (family, n or None, file, line, col, colend, name)
coccinelle.uses = []	# (family, n, file, line, col, colend, name)
coccinelle.pins = []	# macro names pinned to a sizeof()
coccinelle.roots = []	# kernel tree roots of the files checked

filepins = set()

def pins_in(text):
	out = set()
	for m in ASSERT_RE.finditer(text):
		i = m.end()
		depth = 1
		j = i
		while j < len(text) and depth:
			if text[j] == '(':
				depth += 1
			elif text[j] == ')':
				depth -= 1
			j += 1
		for pm in PIN_RE.finditer(text[i:j]):
			out.add(pm.group(1) or pm.group(2))
	for m in EXT_RE.finditer(text):
		args = m.group(1).split(',')
		lm = LATEST_RE.match(args[-1].strip()) if len(args) == 3 else None
		if lm:
			out.add(lm.group(1))
	return out

def family(name):
	m = SIZE_RE.match(str(name))
	if not m:
		return None, None
	return m.group(1), (int(m.group(3)) if m.group(3) else None)

def tree_root(path):
	d = os.path.dirname(os.path.abspath(path))
	while d != os.path.dirname(d):
		if os.path.isdir(os.path.join(d, 'include', 'uapi')) and \
		   os.path.isfile(os.path.join(d, 'Kbuild')):
			return d
		d = os.path.dirname(d)
	return None

def unpinned_here(m):
	fam, n = family(m)
	return fam is not None and n is not None and \
		not any(family(x)[0] == fam for x in filepins)

class Pos:
	def __init__(self, t):
		(self.file, self.line, self.column, self.column_end) = t

def finish(defs, uses, pins, roots, printer):
	defs = sorted(set(x for l in defs for x in l), key=lambda t: t[2:5])
	uses = sorted(set(x for l in uses for x in l), key=lambda t: t[2:5])
	pinned = set(x for l in pins for x in l)
	roots = sorted(set(x for l in roots for x in l))

	fams = {}
	for t in defs + uses:
		fams.setdefault(t[0], []).append(t)

	def latest(fam):
		ns = [t[1] for t in fams[fam] if t[1] is not None]
		ns += [family(x)[1] for x in pinned
		       if family(x)[0] == fam and family(x)[1] is not None]
		return max(ns) if ns else None

	def is_pinned(fam, pins):
		n = latest(fam)
		return '%s_SIZE_LATEST' % fam in pins or \
			(n is not None and '%s_SIZE_VER%d' % (fam, n) in pins)

	todo = [f for f in fams if not is_pinned(f, pinned)]
	# not pinned in the files checked: look in the rest of the tree
	if todo and roots:
		pat = r'\b(%s)_SIZE_(VER[0-9]+|LATEST)\b' % '|'.join(todo)
		for root in roots:
			try:
				out = subprocess.run(['grep', '-rlE', '--exclude-dir=tools',
						      '--exclude-dir=Documentation',
						      '--include=*.c',
						      '--include=*.h', pat, root],
						     capture_output=True, text=True,
						     timeout=120).stdout
			except (OSError, subprocess.SubprocessError):
				continue
			for f in out.split():
				try:
					with open(f, errors='replace') as fh:
						pinned |= pins_in(fh.read())
				except OSError:
					pass
		todo = [f for f in todo if not is_pinned(f, pinned)]

	for fam in sorted(todo):
		n = latest(fam)
		name = '%s_SIZE_VER%d' % (fam, n) if n is not None else fam + '_SIZE_*'
		where = [t for t in fams[fam] if t in defs and t[1] == n]
		if where:
			msg = "WARNING: %s, the latest size of an extensible " \
			      "struct, is not pinned to sizeof() by " \
			      "BUILD_BUG_ON() or static_assert()" % name
		else:
			where = [t for t in fams[fam] if t in uses]
			msg = "WARNING: no BUILD_BUG_ON() or static_assert() pins " \
			      "sizeof() of the extensible struct of %s_SIZE_VER* " \
			      "to its latest size (%s seen)" % (fam, name)
		if not where:
			continue
		t = where[0]
		printer(Pos(t[2:6]), msg)

@script:python@
@@
filepins.clear()
for f in cocci.files():
	try:
		with open(f, errors='replace') as fh:
			text = fh.read()
	except OSError:
		continue
	filepins.update(pins_in(text))
	coccinelle.pins.extend(pins_in(text))
	r = tree_root(f)
	if r and r not in coccinelle.roots:
		coccinelle.roots.append(r)

@d@
identifier M =~ "_SIZE_(VER[0-9]+|LATEST)$";
expression E;
position p;
@@
#define M@p E

@script:python@
M << d.M;
p << d.p;
@@
fam, n = family(M)
if fam:
	coccinelle.defs.append((fam, n, p[0].file, p[0].line, p[0].column,
				p[0].column_end, str(M)))

@u@
identifier M =~ "_SIZE_VER[0-9]+$";
position p;
@@
M@p

@script:python@
M << u.M;
p << u.p;
@@
fam, n = family(M)
if fam:
	coccinelle.uses.append((fam, n, p[0].file, p[0].line, p[0].column,
				p[0].column_end, str(M)))

@c depends on context@
identifier fn;
identifier M : script:python () { unpinned_here(M) };
@@
fn(...) {
<...
* M
...>
}

@finalize:python depends on report@
defs << merge.defs;
uses << merge.uses;
pins << merge.pins;
roots << merge.roots;
@@
finish(defs, uses, pins, roots, coccilib.report.print_report)

@finalize:python depends on org@
defs << merge.defs;
uses << merge.uses;
pins << merge.pins;
roots << merge.roots;
@@
finish(defs, uses, pins, roots, coccilib.org.print_todo)
