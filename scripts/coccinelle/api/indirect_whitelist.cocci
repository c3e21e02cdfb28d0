// SPDX-License-Identifier: GPL-2.0-only
/// Every call on the indirect() white list reads its flags, where the call
/// is implemented
///
/// include/linux/indirect_syscalls.h lists the system calls indirect() may
/// run, each with the INDIRECT_FD_* flags it honours (0 for a call that
/// creates no descriptor, which needs no reader). A call honours them
/// by reading indirect_fd_flags(<call>, ...) where it allocates its
/// descriptor. The compiler checks that <call> is listed and that the flags
/// passed match the entry; it cannot check that:
///
///  - every listed call has a reader: a listed call without one accepts
///    the flags from indirect() and silently ignores them;
///  - a reader sits in the call it names: in SYSCALL_DEFINEx(<call>, ...)
///    or COMPAT_SYSCALL_DEFINEx(<call>, ...), or in a static helper that
///    one of them calls (directly or through other static functions of the
///    same file), or, for a call listed with INDIRECT_SOCKETCALL(op, <call>),
///    in (COMPAT_)SYSCALL_DEFINEx(socketcall, ...). A reader elsewhere hands
///    the flags to other callers too, or to none of the listed call's paths.
///
/// The list is read from include/linux/indirect_syscalls.h of the tree the
/// checked files belong to. The first check needs the whole tree: it is
/// made when the files checked include a user of the list (kernel/indirect.c
/// includes it) and coccicheck was not limited with M=.
///
// Confidence: High
// Copyright: (C) 2026 Seed 80f0496a maintainers.
// URL: https://coccinelle.gitlabpages.inria.fr/website
// Comments: spatch does not parse COMPAT_SYSCALL_DEFINEx(): their bodies
// Comments: are read as text (calls and readers inside them).
// Options: --no-includes --include-headers

virtual patch
virtual context
virtual org
virtual report

@initialize:python@
@@
import os
import re

LIST = os.path.join('include', 'linux', 'indirect_syscalls.h')
ENTRY_RE = re.compile(r'^[ \t]*(INDIRECT_SYSCALL(?:_NATIVE|_COMPAT)?)[ \t]*'
		      r'\([ \t]*(\w+)[ \t]*,[ \t]*([^,)]*?)[ \t]*[,)]', re.M)
DEF_RE = re.compile(r'\b(COMPAT_)?SYSCALL_DEFINE\d\s*\(\s*(\w+)')
READ_RE = re.compile(r'\bindirect_fd_flags\s*\(\s*(\w+)')
SOCKETCALL_RE = re.compile(r'^[ \t]*INDIRECT_SOCKETCALL[ \t]*\([ \t]*\w+[ \t]*,'
			   r'[ \t]*(\w+)[ \t]*\)', re.M)

coccinelle.readers = []		# call names read anywhere
coccinelle.lists = []		# white-list headers seen
coccinelle.users = []		# files that include the list

list_cache = {}		# header path -> [(name, line, col, colend)]
# per file
# functions are (name, last line): SYSCALL_DEFINEx() has no first line
funcs = {}		# function -> {'syscall': name or None, 'static': bool}
names = {}		# name -> [function]
edges = {}		# callee -> set(callers)
compat = {}		# compat syscall name -> set(called identifiers)
text_readers = []	# (name, line, col, colend, compat syscall)
seen_lines = set()	# lines of the readers spatch parsed
decided = {}

def strip_comments(text):
	return re.sub(r'/\*.*?\*/|//[^\n]*',
		      lambda m: re.sub(r'[^\n]', ' ', m.group(0)), text,
		      flags=re.S)

def find_list(path):
	d = os.path.dirname(os.path.abspath(path))
	while d != os.path.dirname(d):
		h = os.path.join(d, LIST)
		if os.path.isfile(h):
			r = os.path.relpath(h)
			return h if r.startswith('..') else r
		d = os.path.dirname(d)
	return None

def read_list(h):
	if h not in list_cache:
		out = []
		try:
			with open(h, errors='replace') as f:
				text = strip_comments(f.read())
		except OSError:
			text = ''
		for m in ENTRY_RE.finditer(text):
			line = text.count('\n', 0, m.start(2)) + 1
			col = m.start(2) - (text.rfind('\n', 0, m.start(2)) + 1)
			# a call honouring no file flag needs no reader
			reads = m.group(3) != '0'
			out.append((m.group(2), line, col, col + len(m.group(2)),
				    reads))
		list_cache[h] = out
	return list_cache[h]

def listed(path):
	h = find_list(path)
	if h is None:
		return None
	return set(e[0] for e in read_list(h))

def socketcall_ops(path):
	# the calls socketcall() may run, by INDIRECT_SOCKETCALL()
	h = find_list(path)
	if h is None:
		return set()
	try:
		with open(h, errors='replace') as f:
			text = strip_comments(f.read())
	except OSError:
		return set()
	return set(SOCKETCALL_RE.findall(text))

def in_call(name, sysc, path):
	return name == sysc or \
		(sysc == 'socketcall' and name in socketcall_ops(path))

def is_user(path):
	try:
		with open(path, errors='replace') as f:
			text = f.read()
	except OSError:
		return False
	return re.search(r'^\s*#\s*include\s*<linux/indirect_syscalls\.h>',
			 text, re.M) is not None

def body_at(text, i):
	# the {...} block that starts at or after text[i]
	j = text.find('{', i)
	if j < 0:
		return j, j
	depth = 0
	for k in range(j, len(text)):
		if text[k] == '{':
			depth += 1
		elif text[k] == '}':
			depth -= 1
			if depth == 0:
				return j, k
	return j, len(text)

def scan_text(path):
	try:
		with open(path, errors='replace') as f:
			text = strip_comments(f.read())
	except OSError:
		return
	for m in DEF_RE.finditer(text):
		if not m.group(1):
			continue
		# skip the argument list, then take the body
		depth = 0
		k = m.end()
		while k < len(text):
			if text[k] == '(':
				depth += 1
			elif text[k] == ')':
				if depth == 0:
					break
				depth -= 1
			k += 1
		a, b = body_at(text, k)
		if a < 0:
			continue
		body = text[a:b]
		compat.setdefault(m.group(2), set()).update(
			re.findall(r'\b(\w+)\s*\(', body))
		for r in READ_RE.finditer(body):
			pos = a + r.start(1)
			line = text.count('\n', 0, pos) + 1
			col = pos - (text.rfind('\n', 0, pos) + 1)
			text_readers.append((r.group(1), line, col,
					     col + len(r.group(1)), m.group(2)))

file_lines = {}

def def_info(path, line):
	# the syscall a definition implements, and whether it is static
	if path not in file_lines:
		try:
			with open(path, errors='replace') as f:
				file_lines[path] = f.readlines()
		except OSError:
			file_lines[path] = []
	lines = file_lines[path]
	i = int(line) - 1
	here = lines[i] if i < len(lines) else ''
	before = lines[i - 1] if i > 0 else ''
	m = DEF_RE.search(here)
	sysc = m.group(2) if m else None
	return sysc, re.search(r'\bstatic\b', before + here) is not None

def reaches(fn, name, seen=None):
	# does SYSCALL_DEFINE(name) or COMPAT_SYSCALL_DEFINE(name) call fn,
	# directly or through static functions of this file?
	if seen is None:
		seen = set()
	if fn in seen:
		return False
	seen.add(fn)
	if fn[0] in compat.get(name, ()):
		return True
	for caller in edges.get(fn, ()):
		info = funcs.get(caller, {})
		if info.get('syscall') == name:
			return True
		if info.get('static') and info.get('syscall') is None and \
		   reaches(caller, name, seen):
			return True
	return False

def misplaced(p, name):
	k = (p[0].line, p[0].column)
	if k in decided:
		return decided[k]
	name = str(name)
	fn = (str(p[0].current_element), str(p[0].current_element_line_end))
	info = funcs.get(fn, {})
	ok = in_call(name, info.get('syscall'), p[0].file) or \
		(info.get('static') and info.get('syscall') is None and
		 reaches(fn, name))
	known = listed(p[0].file)
	if known is not None and name not in known:
		res = "ERROR: indirect_fd_flags(%s, ...): %s is not on the " \
		      "indirect() white list" % (name, name)
	elif not ok:
		res = "ERROR: indirect_fd_flags(%s, ...) outside " \
		      "SYSCALL_DEFINE(%s) and the static helpers it calls" % \
		      (name, name)
	else:
		res = ''
	decided[k] = res
	return res

def bad_reader(p, name):
	return len(misplaced(p, name)) > 0

class Pos:
	def __init__(self, file, line, col, colend):
		self.file = file
		self.line = line
		self.column = col
		self.column_end = colend

def compat_findings():
	# readers in COMPAT_SYSCALL_DEFINEx() bodies, which spatch skips
	out = []
	for f in cocci.files():
		known = listed(f)
		for (name, line, col, colend, sysc) in text_readers:
			if line in seen_lines:
				continue	# spatch parsed it after all
			if known is not None and name not in known:
				msg = "ERROR: indirect_fd_flags(%s, ...): %s is " \
				      "not on the indirect() white list" % \
				      (name, name)
			elif not in_call(name, sysc, f):
				msg = "ERROR: indirect_fd_flags(%s, ...) outside " \
				      "SYSCALL_DEFINE(%s) and the static " \
				      "helpers it calls" % (name, name)
			else:
				continue
			out.append((Pos(f, line, col, colend), msg))
	return out

def finish(readers, lists_seen, users, printer):
	readers = set(x for l in readers for x in l)
	lists_seen = sorted(set(x for l in lists_seen for x in l))
	users = set(x for l in users for x in l)
	if os.environ.get('KBUILD_EXTMOD') or not users:
		return		# not the whole tree: readers may be elsewhere
	for h in lists_seen:
		for (name, line, col, colend, reads) in read_list(h):
			if reads and name not in readers:
				printer(Pos(h, line, col, colend),
					"ERROR: %s is on the indirect() white "
					"list but nothing reads "
					"indirect_fd_flags(%s, ...)" %
					(name, name))

@script:python@
@@
funcs.clear()
names.clear()
edges.clear()
compat.clear()
del text_readers[:]
seen_lines.clear()
file_lines.clear()
decided.clear()
for f in cocci.files():
	h = find_list(f)
	if h and h not in coccinelle.lists:
		coccinelle.lists.append(h)
	if is_user(f):
		coccinelle.users.append(f)
	scan_text(f)
	for t in text_readers:
		coccinelle.readers.append(t[0])

@rd@
identifier sc;
expression list es;
position p;
@@
indirect_fd_flags@p(sc, es)

@script:python@
sc << rd.sc;
p << rd.p;
@@
coccinelle.readers.append(str(sc))
seen_lines.add(int(p[0].line))

@fdef depends on rd@
identifier fn;
position pf;
@@
fn@pf(...) { ... }

@script:python@
fn << fdef.fn;
pf << fdef.pf;
@@
sysc, static = def_info(pf[0].file, pf[0].line)
key = (str(fn), str(pf[0].current_element_line_end))
funcs[key] = {'syscall': sysc, 'static': static}
names.setdefault(str(fn), []).append(key)

@call depends on rd@
identifier g : script:python () { str(g) in names };
position q;
@@
g@q(...)

@script:python@
g << call.g;
q << call.q;
@@
for callee in names[str(g)]:
	edges.setdefault(callee, set()).add((str(q[0].current_element),
					     str(q[0].current_element_line_end)))

@r depends on !patch@
identifier sc;
expression list es;
position p : script:python (sc) { bad_reader(p, sc) };
@@
* indirect_fd_flags@p(sc, es)

@script:python depends on org@
p << r.p;
sc << r.sc;
@@
coccilib.org.print_todo(p[0], misplaced(p, sc))

@script:python depends on report@
p << r.p;
sc << r.sc;
@@
coccilib.report.print_report(p[0], misplaced(p, sc))

@script:python depends on report@
@@
for (pos, msg) in compat_findings():
	coccilib.report.print_report(pos, msg)

@script:python depends on org@
@@
for (pos, msg) in compat_findings():
	coccilib.org.print_todo(pos, msg)

@finalize:python depends on report@
readers << merge.readers;
lists_seen << merge.lists;
users << merge.users;
@@
finish(readers, lists_seen, users, coccilib.report.print_report)

@finalize:python depends on org@
readers << merge.readers;
lists_seen << merge.lists;
users << merge.users;
@@
finish(readers, lists_seen, users, coccilib.org.print_todo)
