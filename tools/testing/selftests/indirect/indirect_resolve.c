// SPDX-License-Identifier: GPL-2.0
/*
 * indirect() with indirect_params.resolve: openat2()'s RESOLVE_* flags for
 * every path the inner call is passed, each scoped to its own dirfd.
 *
 * The cases of openat2's resolve_test are replayed through each family of
 * path calls, and each call is judged by what it did to the file system,
 * not only by what it returned. Then the refusals, and the property the
 * flags are for. Needs root: the tree is built in a private mount
 * namespace, on a tmpfs mounted over /tmp there.
 */

#define _GNU_SOURCE
/* i386: glibc's stat() of any inode, with 64-bit inode numbers */
#define _FILE_OFFSET_BITS 64
#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sched.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <sys/xattr.h>
#include <linux/indirect.h>
#ifndef RESOLVE_BENEATH
#include <linux/openat2.h>
#endif

#include "indirect_util.h"

#ifndef EEXTSYS_NOOP
#define EEXTSYS_NOOP	134	/* <asm-generic/errno.h> of this series */
#endif

#define RESOLVE_ALL	(RESOLVE_NO_XDEV | RESOLVE_NO_MAGICLINKS | \
			 RESOLVE_NO_SYMLINKS | RESOLVE_BENEATH | \
			 RESOLVE_IN_ROOT | RESOLVE_CACHED)

/* i386 has no newfstatat(): fstatat64() is its call for the same job. */
#ifdef __NR_newfstatat
#define NR_FSTATAT	__NR_newfstatat
#define FSTATAT_NAME	"newfstatat"
#define fstatat_buf	stat
#else
#define NR_FSTATAT	__NR_fstatat64
#define FSTATAT_NAME	"fstatat64"
#define fstatat_buf	stat64
#endif

/* The tree: a tmpfs of this test's own namespace is mounted on /tmp. */
#define TREE		"/tmp/indirect-resolve"
#define ROOT		TREE "/root"
#define OUTSIDE		TREE "/outside"

/* trusted.*: root may set it on any inode type, symlinks included */
#define XATTR_NAME	"trusted.indirect_resolve"

/* What symlinkat() stores: text, never resolved */
#define LINK_TEXT	"/not/resolved"

/*
 * Directories, and then links, of root/ as resolve_test builds it; mnt/
 * gets a tmpfs of its own before the links in it are made.
 */
static const char *const tree_dirs[] = { "root", "etc", "cheeky", "mnt" };

static const struct {
	const char *name;
	const char *target;
} tree_links[] = {
	{ "procexe", "/proc/self/exe" },
	{ "procroot", "/proc/self/root" },
	{ "mnt/self", "../mnt/" },
	{ "mnt/absself", "/mnt/" },
	{ "creatlink", "/newfile3" },
	{ "reletc", "etc/" },
	{ "relsym", "etc/passwd" },
	{ "absetc", "/etc/" },
	{ "abssym", "/etc/passwd" },
	{ "abscheeky", "/cheeky" },
	{ "cheeky/absself", "/" },
	{ "cheeky/self", "../../root/" },
	{ "cheeky/garbageself", "/../../root/" },
	{ "cheeky/passwd", "../cheeky/../etc/../etc/passwd" },
	{ "cheeky/abspasswd", "/../cheeky/../etc/../etc/passwd" },
	{ "cheeky/dotdotlink",
	  "../../../../../../../../../../../../../../etc/passwd" },
	{ "cheeky/garbagelink",
	  "/../../../../../../../../../../../../../../etc/passwd" },
};

/*
 * Stand-ins for what only the running test knows: "self/fd/<n>" from
 * /proc, <n> the descriptor each case's dirfd is duplicated onto, as in
 * resolve_test; and that magic link itself, from this process.
 */
static const char hard_fd_path[] = "self/fd/<hard>";
static const char hard_fd_link[] = "/proc/self/fd/<hard>";

/**
 * struct rcase - one case of resolve_test
 * @name: what it shows
 * @dir: its dirfd: NULL for root/, else a path from root/ or absolute
 * @path: the path resolved from @dir
 * @flags: O_NOFOLLOW and O_CREAT, as resolve_test opens it
 * @resolve: RESOLVE_* flags
 * @err: the errno expected, or 0 for success
 * @out: where the path leads on success: NULL for root/, else from root/
 *	 or absolute
 * @last: when the last component is a symlink that the case follows (on
 *	  success, or on the way to its error), that symlink: a call that
 *	  does not follow its last component acts on it, and its directory
 *	  is where the last component lies
 * @cwd_out: for a call without dirfd, which resolves from the working
 *	     directory and so runs in @dir: where the path leads then, if
 *	     that changes the case
 */
struct rcase {
	const char *name;
	const char *dir;
	const char *path;
	int flags;
	__u64 resolve;
	int err;
	const char *out;
	const char *last;
	const char *cwd_out;
};

/* 23 BENEATH, 27 IN_ROOT, 15 NO_XDEV, 7 NO_MAGICLINKS, 16 NO_SYMLINKS */
#define NR_CASES	88
/* Those without O_NOFOLLOW, for the calls that always follow */
#define NR_FOLLOWING	81
/* Those whose result is not on procfs, where nothing can be put */
#define NR_PLACEABLE	86
/* ... when the working directory is the dirfd: /proc/self/cwd is /proc */
#define NR_PLACEABLE_CWD 85

static const struct rcase cases[] = {
	/* RESOLVE_BENEATH: no step may leave the dirfd. */
	{ .name = "beneath: absolute path /", .path = "/",
	  .resolve = RESOLVE_BENEATH, .err = EXDEV },
	{ .name = "beneath: symlink to /", .path = "cheeky/absself",
	  .resolve = RESOLVE_BENEATH, .err = EXDEV,
	  .last = "cheeky/absself" },
	{ .name = "beneath: absolute symlinks to /",
	  .path = "abscheeky/absself",
	  .resolve = RESOLVE_BENEATH, .err = EXDEV },
	{ .name = "beneath: .. of the dirfd", .path = "..",
	  .resolve = RESOLVE_BENEATH, .err = EXDEV },
	{ .name = "beneath: out by .. and back", .path = "../root/",
	  .resolve = RESOLVE_BENEATH, .err = EXDEV },
	{ .name = "beneath: symlink out and back", .path = "cheeky/self",
	  .resolve = RESOLVE_BENEATH, .err = EXDEV, .last = "cheeky/self" },
	{ .name = "beneath: absolute symlinks out and back",
	  .path = "abscheeky/self",
	  .resolve = RESOLVE_BENEATH, .err = EXDEV },
	{ .name = "beneath: /.. symlink to the root",
	  .path = "cheeky/garbageself",
	  .resolve = RESOLVE_BENEATH, .err = EXDEV,
	  .last = "cheeky/garbageself" },
	{ .name = "beneath: absolute then /.. symlinks",
	  .path = "abscheeky/garbageself",
	  .resolve = RESOLVE_BENEATH, .err = EXDEV },
	{ .name = "beneath: plain path to root", .path = "root",
	  .resolve = RESOLVE_BENEATH, .out = "root" },
	{ .name = "beneath: plain path to etc", .path = "etc",
	  .resolve = RESOLVE_BENEATH, .out = "etc" },
	{ .name = "beneath: plain path to etc/passwd", .path = "etc/passwd",
	  .resolve = RESOLVE_BENEATH, .out = "etc/passwd" },
	{ .name = "beneath: relative symlink inside", .path = "relsym",
	  .resolve = RESOLVE_BENEATH, .out = "etc/passwd", .last = "relsym" },
	{ .name = "beneath: symlink with .. that stays inside",
	  .path = "cheeky/passwd",
	  .resolve = RESOLVE_BENEATH, .out = "etc/passwd",
	  .last = "cheeky/passwd" },
	{ .name = "beneath: absolute symlink on the way",
	  .path = "abscheeky/passwd",
	  .resolve = RESOLVE_BENEATH, .err = EXDEV },
	{ .name = "beneath: absolute symlink at the end", .path = "abssym",
	  .resolve = RESOLVE_BENEATH, .err = EXDEV, .last = "abssym" },
	{ .name = "beneath: absolute path /etc/passwd", .path = "/etc/passwd",
	  .resolve = RESOLVE_BENEATH, .err = EXDEV },
	{ .name = "beneath: absolute symlink with ..",
	  .path = "cheeky/abspasswd",
	  .resolve = RESOLVE_BENEATH, .err = EXDEV,
	  .last = "cheeky/abspasswd" },
	{ .name = "beneath: absolute symlinks with ..",
	  .path = "abscheeky/abspasswd",
	  .resolve = RESOLVE_BENEATH, .err = EXDEV },
	{ .name = "beneath: symlink of many ..", .path = "cheeky/dotdotlink",
	  .resolve = RESOLVE_BENEATH, .err = EXDEV,
	  .last = "cheeky/dotdotlink" },
	{ .name = "beneath: absolute, then many ..",
	  .path = "abscheeky/dotdotlink",
	  .resolve = RESOLVE_BENEATH, .err = EXDEV },
	{ .name = "beneath: symlink of / and many ..",
	  .path = "cheeky/garbagelink",
	  .resolve = RESOLVE_BENEATH, .err = EXDEV,
	  .last = "cheeky/garbagelink" },
	{ .name = "beneath: absolute, then / and many ..",
	  .path = "abscheeky/garbagelink",
	  .resolve = RESOLVE_BENEATH, .err = EXDEV },

	/* RESOLVE_IN_ROOT: / and .. stop at the dirfd. */
	{ .name = "in_root: absolute path /", .path = "/",
	  .resolve = RESOLVE_IN_ROOT },
	{ .name = "in_root: symlink to /", .path = "cheeky/absself",
	  .resolve = RESOLVE_IN_ROOT, .last = "cheeky/absself" },
	{ .name = "in_root: absolute symlinks to /",
	  .path = "abscheeky/absself",
	  .resolve = RESOLVE_IN_ROOT, .last = "cheeky/absself" },
	{ .name = "in_root: .. of the root", .path = "..",
	  .resolve = RESOLVE_IN_ROOT },
	{ .name = "in_root: ../root of the root", .path = "../root/",
	  .resolve = RESOLVE_IN_ROOT, .out = "root" },
	{ .name = "in_root: symlink with .. above the root",
	  .path = "cheeky/self",
	  .resolve = RESOLVE_IN_ROOT, .out = "root", .last = "cheeky/self" },
	{ .name = "in_root: /.. symlink", .path = "cheeky/garbageself",
	  .resolve = RESOLVE_IN_ROOT, .out = "root",
	  .last = "cheeky/garbageself" },
	{ .name = "in_root: absolute, then /.. symlinks",
	  .path = "abscheeky/garbageself",
	  .resolve = RESOLVE_IN_ROOT, .out = "root",
	  .last = "cheeky/garbageself" },
	{ .name = "in_root: plain path to root", .path = "root",
	  .resolve = RESOLVE_IN_ROOT, .out = "root" },
	{ .name = "in_root: plain path to etc", .path = "etc",
	  .resolve = RESOLVE_IN_ROOT, .out = "etc" },
	{ .name = "in_root: plain path to etc/passwd", .path = "etc/passwd",
	  .resolve = RESOLVE_IN_ROOT, .out = "etc/passwd" },
	{ .name = "in_root: relative symlink", .path = "relsym",
	  .resolve = RESOLVE_IN_ROOT, .out = "etc/passwd", .last = "relsym" },
	{ .name = "in_root: symlink with ..", .path = "cheeky/passwd",
	  .resolve = RESOLVE_IN_ROOT, .out = "etc/passwd",
	  .last = "cheeky/passwd" },
	{ .name = "in_root: absolute, then relative symlink with ..",
	  .path = "abscheeky/passwd",
	  .resolve = RESOLVE_IN_ROOT, .out = "etc/passwd",
	  .last = "cheeky/passwd" },
	{ .name = "in_root: absolute symlink", .path = "abssym",
	  .resolve = RESOLVE_IN_ROOT, .out = "etc/passwd", .last = "abssym" },
	{ .name = "in_root: absolute path /etc/passwd", .path = "/etc/passwd",
	  .resolve = RESOLVE_IN_ROOT, .out = "etc/passwd" },
	{ .name = "in_root: absolute symlink with ..",
	  .path = "cheeky/abspasswd",
	  .resolve = RESOLVE_IN_ROOT, .out = "etc/passwd",
	  .last = "cheeky/abspasswd" },
	{ .name = "in_root: absolute symlinks with ..",
	  .path = "abscheeky/abspasswd",
	  .resolve = RESOLVE_IN_ROOT, .out = "etc/passwd",
	  .last = "cheeky/abspasswd" },
	{ .name = "in_root: symlink of many ..", .path = "cheeky/dotdotlink",
	  .resolve = RESOLVE_IN_ROOT, .out = "etc/passwd",
	  .last = "cheeky/dotdotlink" },
	{ .name = "in_root: absolute, then many ..",
	  .path = "abscheeky/dotdotlink",
	  .resolve = RESOLVE_IN_ROOT, .out = "etc/passwd",
	  .last = "cheeky/dotdotlink" },
	{ .name = "in_root: /.. path, absolute, then many ..",
	  .path = "/../../../../abscheeky/dotdotlink",
	  .resolve = RESOLVE_IN_ROOT, .out = "etc/passwd",
	  .last = "cheeky/dotdotlink" },
	{ .name = "in_root: symlink of / and many ..",
	  .path = "cheeky/garbagelink",
	  .resolve = RESOLVE_IN_ROOT, .out = "etc/passwd",
	  .last = "cheeky/garbagelink" },
	{ .name = "in_root: absolute, then / and many ..",
	  .path = "abscheeky/garbagelink",
	  .resolve = RESOLVE_IN_ROOT, .out = "etc/passwd",
	  .last = "cheeky/garbagelink" },
	{ .name = "in_root: /.. path, absolute, then / and many ..",
	  .path = "/../../../../abscheeky/garbagelink",
	  .resolve = RESOLVE_IN_ROOT, .out = "etc/passwd",
	  .last = "cheeky/garbagelink" },
	{ .name = "in_root: O_CREAT of a relative path", .path = "newfile1",
	  .flags = O_CREAT, .resolve = RESOLVE_IN_ROOT, .out = "newfile1" },
	{ .name = "in_root: O_CREAT of an absolute path", .path = "/newfile2",
	  .flags = O_CREAT, .resolve = RESOLVE_IN_ROOT, .out = "newfile2" },
	{ .name = "in_root: O_CREAT through an absolute symlink",
	  .path = "/creatlink",
	  .flags = O_CREAT, .resolve = RESOLVE_IN_ROOT, .out = "newfile3",
	  .last = "creatlink" },

	/* RESOLVE_NO_XDEV: no mount may be crossed, down or up. */
	{ .name = "no_xdev: into mnt", .path = "mnt",
	  .resolve = RESOLVE_NO_XDEV, .err = EXDEV },
	{ .name = "no_xdev: into mnt/", .path = "mnt/",
	  .resolve = RESOLVE_NO_XDEV, .err = EXDEV },
	{ .name = "no_xdev: into mnt/.", .path = "mnt/.",
	  .resolve = RESOLVE_NO_XDEV, .err = EXDEV },
	{ .name = "no_xdev: the mount's root", .dir = "mnt", .path = ".",
	  .resolve = RESOLVE_NO_XDEV, .out = "mnt" },
	{ .name = "no_xdev: up by ..", .dir = "mnt", .path = "..",
	  .resolve = RESOLVE_NO_XDEV, .err = EXDEV },
	{ .name = "no_xdev: up by .. and back", .dir = "mnt", .path = "../mnt",
	  .resolve = RESOLVE_NO_XDEV, .err = EXDEV },
	{ .name = "no_xdev: up and back by a relative symlink",
	  .dir = "mnt", .path = "self",
	  .resolve = RESOLVE_NO_XDEV, .err = EXDEV, .last = "mnt/self" },
	{ .name = "no_xdev: up and back by an absolute symlink",
	  .dir = "mnt", .path = "absself",
	  .resolve = RESOLVE_NO_XDEV, .err = EXDEV, .last = "mnt/absself" },
	{ .name = "no_xdev: / from mnt", .dir = "mnt", .path = "/",
	  .resolve = RESOLVE_NO_XDEV, .out = "/" },
	{ .name = "no_xdev: / from /", .dir = "/", .path = "/",
	  .resolve = RESOLVE_NO_XDEV, .out = "/" },
	{ .name = "no_xdev: / then into proc", .path = "/proc/1",
	  .resolve = RESOLVE_NO_XDEV, .err = EXDEV },
	{ .name = "no_xdev: / then into tmp", .path = "/tmp",
	  .resolve = RESOLVE_NO_XDEV, .err = EXDEV },
	{ .name = "no_xdev: magic link to the root", .dir = "/proc",
	  .path = "self/root",
	  .resolve = RESOLVE_NO_XDEV, .err = EXDEV, .last = "/proc/self/root" },
	{ .name = "no_xdev: magic link to the cwd", .dir = "/proc",
	  .path = "self/cwd",
	  .resolve = RESOLVE_NO_XDEV, .err = EXDEV, .last = "/proc/self/cwd",
	  .cwd_out = "/proc" },
	{ .name = "no_xdev: magic link within procfs", .dir = "/proc",
	  .path = hard_fd_path,
	  .resolve = RESOLVE_NO_XDEV, .out = "/proc", .last = hard_fd_link },

	/* RESOLVE_NO_MAGICLINKS: procfs' magic links are not followed. */
	{ .name = "no_magiclinks: relative symlink", .path = "relsym",
	  .resolve = RESOLVE_NO_MAGICLINKS, .out = "etc/passwd",
	  .last = "relsym" },
	{ .name = "no_magiclinks: symlink to a magic link", .path = "procexe",
	  .resolve = RESOLVE_NO_MAGICLINKS, .err = ELOOP, .last = "procexe" },
	{ .name = "no_magiclinks: magic link at the end",
	  .path = "/proc/self/exe",
	  .resolve = RESOLVE_NO_MAGICLINKS, .err = ELOOP,
	  .last = "/proc/self/exe" },
	{ .name = "no_magiclinks: magic link at the end, O_NOFOLLOW",
	  .path = "/proc/self/exe", .flags = O_NOFOLLOW,
	  .resolve = RESOLVE_NO_MAGICLINKS, .out = "/proc/self/exe" },
	{ .name = "no_magiclinks: symlink to a magic link on the way",
	  .path = "procroot/etc",
	  .resolve = RESOLVE_NO_MAGICLINKS, .err = ELOOP },
	{ .name = "no_magiclinks: magic link on the way",
	  .path = "/proc/self/root/etc",
	  .resolve = RESOLVE_NO_MAGICLINKS, .err = ELOOP },
	{ .name = "no_magiclinks: magic link on the way, O_NOFOLLOW",
	  .path = "/proc/self/root/etc", .flags = O_NOFOLLOW,
	  .resolve = RESOLVE_NO_MAGICLINKS, .err = ELOOP },

	/* RESOLVE_NO_SYMLINKS: no symlink is followed. */
	{ .name = "no_symlinks: .", .path = ".",
	  .resolve = RESOLVE_NO_SYMLINKS },
	{ .name = "no_symlinks: plain path to root", .path = "root",
	  .resolve = RESOLVE_NO_SYMLINKS, .out = "root" },
	{ .name = "no_symlinks: plain path to etc", .path = "etc",
	  .resolve = RESOLVE_NO_SYMLINKS, .out = "etc" },
	{ .name = "no_symlinks: plain path to etc/passwd",
	  .path = "etc/passwd",
	  .resolve = RESOLVE_NO_SYMLINKS, .out = "etc/passwd" },
	{ .name = "no_symlinks: relative symlink at the end", .path = "relsym",
	  .resolve = RESOLVE_NO_SYMLINKS, .err = ELOOP, .last = "relsym" },
	{ .name = "no_symlinks: relative symlink on the way",
	  .path = "reletc/passwd",
	  .resolve = RESOLVE_NO_SYMLINKS, .err = ELOOP },
	{ .name = "no_symlinks: absolute symlink at the end", .path = "abssym",
	  .resolve = RESOLVE_NO_SYMLINKS, .err = ELOOP, .last = "abssym" },
	{ .name = "no_symlinks: absolute symlink on the way",
	  .path = "absetc/passwd",
	  .resolve = RESOLVE_NO_SYMLINKS, .err = ELOOP },
	{ .name = "no_symlinks: symlink of / and many ..",
	  .path = "cheeky/garbagelink",
	  .resolve = RESOLVE_NO_SYMLINKS, .err = ELOOP,
	  .last = "cheeky/garbagelink" },
	{ .name = "no_symlinks: symlinks on the way and at the end",
	  .path = "abscheeky/garbagelink",
	  .resolve = RESOLVE_NO_SYMLINKS, .err = ELOOP },
	{ .name = "no_symlinks: absolute symlinks",
	  .path = "abscheeky/absself",
	  .resolve = RESOLVE_NO_SYMLINKS, .err = ELOOP },
	{ .name = "no_symlinks: relative symlink at the end, O_NOFOLLOW",
	  .path = "relsym", .flags = O_NOFOLLOW,
	  .resolve = RESOLVE_NO_SYMLINKS, .out = "relsym" },
	{ .name = "no_symlinks: absolute symlink at the end, O_NOFOLLOW",
	  .path = "abssym", .flags = O_NOFOLLOW,
	  .resolve = RESOLVE_NO_SYMLINKS, .out = "abssym" },
	{ .name = "no_symlinks: symlink of many .. at the end, O_NOFOLLOW",
	  .path = "cheeky/garbagelink", .flags = O_NOFOLLOW,
	  .resolve = RESOLVE_NO_SYMLINKS, .out = "cheeky/garbagelink" },
	{ .name = "no_symlinks: symlinks on the way, O_NOFOLLOW",
	  .path = "abscheeky/absself", .flags = O_NOFOLLOW,
	  .resolve = RESOLVE_NO_SYMLINKS, .err = ELOOP },
	{ .name = "no_symlinks: symlinks on the way and at the end, O_NOFOLLOW",
	  .path = "abscheeky/garbagelink", .flags = O_NOFOLLOW,
	  .resolve = RESOLVE_NO_SYMLINKS, .err = ELOOP },
};

static_assert(ARRAY_SIZE(cases) == NR_CASES, "resolve_test has 88 cases");

/*
 * RESOLVE_CACHED, which resolve_test has no case of: a lookup answers as
 * without it, or EAGAIN when the dcache alone cannot answer.
 */
static const struct rcase cached_lookups[] = {
	{ .name = "cached: plain path", .path = "etc/passwd",
	  .resolve = RESOLVE_CACHED, .out = "etc/passwd" },
	{ .name = "cached: relative symlink", .path = "relsym",
	  .resolve = RESOLVE_CACHED, .out = "etc/passwd" },
	{ .name = "cached: symlink itself", .path = "relsym",
	  .flags = O_NOFOLLOW,
	  .resolve = RESOLVE_CACHED | RESOLVE_NO_SYMLINKS, .out = "relsym" },
	{ .name = "cached: beneath, symlink with ..", .path = "cheeky/passwd",
	  .resolve = RESOLVE_CACHED | RESOLVE_BENEATH, .out = "etc/passwd" },
	{ .name = "cached: in_root, symlinks of many ..",
	  .path = "abscheeky/dotdotlink",
	  .resolve = RESOLVE_CACHED | RESOLVE_IN_ROOT, .out = "etc/passwd" },
	{ .name = "cached: magic link itself", .path = "/proc/self/exe",
	  .flags = O_NOFOLLOW, .resolve = RESOLVE_CACHED,
	  .out = "/proc/self/exe" },
	{ .name = "cached: beneath, absolute path", .path = "/",
	  .resolve = RESOLVE_CACHED | RESOLVE_BENEATH, .err = EXDEV },
	{ .name = "cached: no_xdev, into mnt", .path = "mnt",
	  .resolve = RESOLVE_CACHED | RESOLVE_NO_XDEV, .err = EXDEV },
	{ .name = "cached: no_symlinks, symlink", .path = "relsym",
	  .resolve = RESOLVE_CACHED | RESOLVE_NO_SYMLINKS, .err = ELOOP },
	{ .name = "cached: no_magiclinks, magic link", .path = "procexe",
	  .resolve = RESOLVE_CACHED | RESOLVE_NO_MAGICLINKS, .err = ELOOP },
};

/* How the calls that create a name are made, each of one family. */
enum make { MAKE_DIR, MAKE_FIFO, MAKE_SYMLINK, MAKE_LINK, MAKE_OPEN };

/* The other calls RESOLVE_CACHED is tried on, after those */
enum change {
	CH_CREAT_EXISTING = MAKE_OPEN + 1,
	CH_UNLINK,
	CH_RMDIR,
	CH_RENAME,
	NR_CHANGES,
};

static const char *const change_names[NR_CHANGES] = {
	"mkdirat", "mknodat", "symlinkat", "linkat",
	"openat(O_CREAT | O_EXCL)", "openat(O_CREAT) of a file",
	"unlinkat", "unlinkat(AT_REMOVEDIR)", "renameat2",
};

/* RESOLVE_CACHED, and with a scope */
static const __u64 cached_resolves[] = {
	RESOLVE_CACHED, RESOLVE_CACHED | RESOLVE_IN_ROOT,
};

#define NR_CACHED	(ARRAY_SIZE(cached_lookups) + \
			 NR_CHANGES * ARRAY_SIZE(cached_resolves))

/* Directories a wrong lookup could put a name in, besides the right one */
static const char *const elsewhere[] = {
	TREE, ROOT, ROOT "/root", ROOT "/etc", ROOT "/cheeky", ROOT "/mnt",
	"/", "/etc", "/tmp", "/mnt", "/cheeky", "/root",
};

struct tree {
	int root;		/* root/, O_PATH */
	int hard;		/* each case's dirfd is duplicated onto it */
	char hard_path[32];	/* "self/fd/<hard>" */
	char hard_link[40];	/* "/proc/self/fd/<hard>" */
};

/* One case of one family being replayed */
struct ctx {
	const struct rcase *c;
	const char *fam;
	const char *path;	/* the case's path, as the call gets it */
	int dfd;		/* the case's dirfd, O_PATH */
	int i;			/* its index, for fresh names and values */
	bool nofollow;
	char what[320];		/* the case, for the logs */
};

/* Where a name is made, removed or renamed for a case */
struct site {
	char path[PATH_MAX];	/* what the call gets */
	char dir[PATH_MAX];	/* absolute: where the name must be */
	char name[NAME_MAX];	/* the name */
	int err;		/* the errno expected, or 0 */
	int dirfd;		/* @dir, O_PATH, if no error is expected */
	int plain;		/* what @path's parent is without resolve */
};

struct family;

/*
 * Makes the call of one case, whose ctx is open, and checks its effect;
 * false if the family does not replay that case.
 */
typedef bool (*replay_fn)(struct __test_metadata *_metadata,
			  const struct tree *t, const struct family *f,
			  const struct ctx *x);

/**
 * struct family - calls replaying the cases alike
 * @name: its name in the logs
 * @replay: replays one case
 * @kind: which call @replay makes, if it makes several
 * @in_cwd: the calls have no dirfd: a child replays the cases, each in
 *	    the working directory of its dirfd
 * @follows: the calls always follow: the cases with O_NOFOLLOW are not
 *	     replayed
 * @lookup: needs the files the O_CREAT cases create
 * @cached: replays cached_lookups, not resolve_test's cases, and then
 *	    the calls that change a name (see cached_changes())
 * @cases: how many cases it must replay
 */
struct family {
	const char *name;
	replay_fn replay;
	int kind;
	bool in_cwd;
	bool follows;
	bool lookup;
	bool cached;
	int cases;
};

static __u64 fdarg(int fd)
{
	return (__u64)(__s64)fd;
}

/* Makes the call @nr through indirect() with @resolve. */
static long ind(__u64 resolve, __u64 nr, __u64 a0, __u64 a1, __u64 a2,
		__u64 a3, __u64 a4)
{
	struct indirect_registers r = {
		.nr = nr,
		.args = { a0, a1, a2, a3, a4 },
	};
	struct indirect_params p = { .resolve = resolve };

	return sys_indirect(&r, &p, sizeof(p), 0);
}

/* snprintf() into @buf of @size, which the test's names always fit */
static __printf(3, 4) char *fmt(char *buf, size_t size, const char *f, ...)
{
	va_list ap;
	int n;

	va_start(ap, f);
	n = vsnprintf(buf, size, f, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= size)
		abort();
	return buf;
}

/* @p as an absolute path: NULL is root/, a relative path is from it. */
static char *abs_of(const struct tree *t, const char *p, char *buf)
{
	if (p == hard_fd_link)
		p = t->hard_link;
	if (!p)
		fmt(buf, PATH_MAX, "%s", ROOT);
	else if (*p == '/')
		fmt(buf, PATH_MAX, "%s", p);
	else
		fmt(buf, PATH_MAX, "%s/%s", ROOT, p);
	return buf;
}

/* @dir and @name, as one path */
static char *join(char *buf, const char *dir, const char *name)
{
	size_t n = strlen(dir);

	fmt(buf, PATH_MAX, "%s%s%s", dir,
	    n && dir[n - 1] != '/' ? "/" : "", name);
	return buf;
}

/* What @path has before its last component, its last '/' included */
static char *prefix(char *buf, const char *path)
{
	const char *slash = strrchr(path, '/');

	fmt(buf, PATH_MAX, "%.*s", slash ? (int)(slash - path) + 1 : 0,
	    path);
	return buf;
}

/* The directory of the absolute path @abs */
static char *parent_of(char *buf, const char *abs)
{
	const char *slash = strrchr(abs, '/');

	fmt(buf, PATH_MAX, "%.*s",
	    slash == abs ? 1 : (int)(slash - abs), abs);
	return buf;
}

static bool on_procfs(const char *abs)
{
	return !strcmp(abs, "/proc") || !strncmp(abs, "/proc/", 6);
}

static bool same_file(const struct stat *a, const struct stat *b)
{
	return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

/* Removes @name from @dirfd, whatever it is. */
static void zap(int dirfd, const char *name)
{
	if (unlinkat(dirfd, name, 0) && errno == EISDIR)
		unlinkat(dirfd, name, AT_REMOVEDIR);
}

/* How many of the places a wrong lookup could use, and @plain, hold @name */
static int count_name(const char *name, int plain)
{
	char p[PATH_MAX];
	struct stat st;
	size_t i;
	int n = 0;

	for (i = 0; i < ARRAY_SIZE(elsewhere); i++)
		n += !lstat(join(p, elsewhere[i], name), &st);
	if (plain >= 0)
		n += !fstatat(plain, name, &st, AT_SYMLINK_NOFOLLOW);
	return n;
}

/* Removes @name from wherever a case may have left it. */
static void sweep(const struct site *s, const char *name)
{
	char p[PATH_MAX];
	size_t i;

	for (i = 0; i < ARRAY_SIZE(elsewhere); i++)
		zap(AT_FDCWD, join(p, elsewhere[i], name));
	if (s->plain >= 0)
		zap(s->plain, name);
	if (s->dirfd >= 0)
		zap(s->dirfd, name);
}

static void ctx_open(struct __test_metadata *_metadata, const struct tree *t,
		     const char *fam, const struct rcase *c, int i,
		     struct ctx *x)
{
	x->c = c;
	x->fam = fam;
	x->i = i;
	x->path = c->path == hard_fd_path ? t->hard_path : c->path;
	x->nofollow = c->flags & O_NOFOLLOW;
	fmt(x->what, sizeof(x->what), "%s: %s: '%s' resolve %#llx",
	    fam, c->name, x->path, (unsigned long long)c->resolve);
	x->dfd = openat(t->root, c->dir ?: ".",
			O_PATH | O_DIRECTORY | O_CLOEXEC);
	ASSERT_LE(0, x->dfd) TH_LOG("%s: dirfd %s", x->what, c->dir ?: ".");
	/* resolve_test's hard-coded descriptor: the case's dirfd again */
	ASSERT_EQ(t->hard, dup2(x->dfd, t->hard)) TH_LOG("%s", x->what);
}

static void ctx_close(struct ctx *x)
{
	close(x->dfd);
}

/*
 * The case as a call without dirfd sees it, from the working directory
 * of its dirfd; @buf holds it if it differs. From /proc, /proc/self/cwd
 * is /proc itself: no mount is crossed.
 */
static const struct rcase *from_cwd(const struct rcase *c, struct rcase *buf)
{
	if (!c->cwd_out)
		return c;
	*buf = *c;
	buf->err = 0;
	buf->out = c->cwd_out;
	buf->last = NULL;
	return buf;
}

/*
 * Did the call give @want (0: success)? Logs the case if not; true if it
 * succeeded as expected.
 */
static bool outcome(struct __test_metadata *_metadata, const struct ctx *x,
		    long ret, int err, int want)
{
	if (want) {
		EXPECT_EQ(-1, ret)
			TH_LOG("%s: succeeded, not %s", x->what,
			       strerror(want));
		EXPECT_EQ(want, ret == -1 ? err : 0)
			TH_LOG("%s: %s, not %s", x->what, strerror(err),
			       strerror(want));
		return false;
	}
	EXPECT_LE(0, ret) TH_LOG("%s: %s", x->what, strerror(err));
	return ret >= 0;
}

/* The inode the case leads to; @out gets its absolute path. */
static void expected(struct __test_metadata *_metadata, const struct tree *t,
		     const struct ctx *x, char *out, struct stat *st)
{
	abs_of(t, x->c->out, out);
	ASSERT_EQ(0, fstatat(AT_FDCWD, out, st,
			     x->nofollow ? AT_SYMLINK_NOFOLLOW : 0))
		TH_LOG("%s: %s: %s", x->what, out, strerror(errno));
}

/* The inode the call reported is the one the case leads to. */
static void expect_inode(struct __test_metadata *_metadata,
			 const struct tree *t, const struct ctx *x,
			 dev_t dev, __u64 ino)
{
	char out[PATH_MAX];
	struct stat st;

	expected(_metadata, t, x, out, &st);
	EXPECT_EQ(st.st_dev, dev) TH_LOG("%s: not on the device of %s",
					 x->what, out);
	EXPECT_EQ(st.st_ino, ino) TH_LOG("%s: not the inode of %s",
					 x->what, out);
}

/*
 * What the case's path names without restrictions, followed and not: a
 * call that resolved it wrongly would have changed it.
 */
struct plain {
	struct stat st[2];
	bool ok[2];
};

enum attr { ATTR_MODE, ATTR_GID, ATTR_TIMES, ATTR_SIZE };

static void plain_snap(const struct ctx *x, struct plain *pl)
{
	int i;

	for (i = 0; i < 2; i++)
		pl->ok[i] = !fstatat(x->dfd, x->path, &pl->st[i],
				     i ? AT_SYMLINK_NOFOLLOW : 0);
}

/* @a of what plain_snap() saw is as it was; restores it if not. */
static void plain_check(struct __test_metadata *_metadata,
			const struct ctx *x, const struct plain *pl,
			enum attr a)
{
	int i;

	for (i = 0; i < 2; i++) {
		const struct stat *was = &pl->st[i];
		const int fl = i ? AT_SYMLINK_NOFOLLOW : 0;
		const struct timespec ts[2] = { was->st_atim, was->st_mtim };
		struct stat now;
		bool same = true;

		if (!pl->ok[i])
			continue;
		ASSERT_EQ(0, fstatat(x->dfd, x->path, &now, fl))
			TH_LOG("%s: %s", x->what, strerror(errno));
		switch (a) {
		case ATTR_MODE:
			same = now.st_mode == was->st_mode;
			if (!same && fchmodat(x->dfd, x->path,
					      was->st_mode & 07777, 0))
				TH_LOG("%s: mode not restored", x->what);
			break;
		case ATTR_GID:
			same = now.st_gid == was->st_gid;
			if (!same && fchownat(x->dfd, x->path, -1, was->st_gid,
					      fl))
				TH_LOG("%s: gid not restored", x->what);
			break;
		case ATTR_TIMES:
			same = now.st_mtim.tv_sec == was->st_mtim.tv_sec &&
			       now.st_mtim.tv_nsec == was->st_mtim.tv_nsec;
			if (!same)
				utimensat(x->dfd, x->path, ts, fl);
			break;
		case ATTR_SIZE:
			same = now.st_size == was->st_size;
			break;
		}
		EXPECT_TRUE(same)
			TH_LOG("%s: what the path names without resolve, %s, changed",
			       x->what, i ? "not followed" : "followed");
	}
}

/*
 * Fills @s for a call that makes, removes or renames a name: where the
 * case resolves, a name of the family's own; for @as_is, the O_CREAT
 * cases in the families that create, the very name the case creates.
 */
static void site_init(struct __test_metadata *_metadata, const struct tree *t,
		      const struct ctx *x, struct site *s, bool as_is)
{
	const struct rcase *c = x->c;
	char buf[PATH_MAX], pre[PATH_MAX];
	struct stat st;

	fmt(s->name, sizeof(s->name), "%s.%d", x->fam, x->i);
	s->err = c->err;
	s->dirfd = -1;
	abs_of(t, c->out, buf);
	if (as_is) {
		fmt(s->name, sizeof(s->name), "%s", strrchr(buf, '/') + 1);
		parent_of(s->dir, buf);
		fmt(s->path, sizeof(s->path), "%s", x->path);
		prefix(pre, x->path);
		/*
		 * The last component of a call that creates is never
		 * followed: a symlink there is a name that exists.
		 */
		if (c->last)
			s->err = EEXIST;
	} else if (!c->err &&
		   !fstatat(AT_FDCWD, buf, &st,
			    x->nofollow ? AT_SYMLINK_NOFOLLOW : 0) &&
		   S_ISDIR(st.st_mode)) {
		/* A directory: the name goes in it. */
		join(s->path, x->path, s->name);
		fmt(s->dir, sizeof(s->dir), "%s", buf);
		fmt(pre, sizeof(pre), "%s", x->path);
	} else if (!c->err) {
		/* Anything else: the name replaces the last component. */
		prefix(pre, x->path);
		join(s->path, pre, s->name);
		parent_of(s->dir, abs_of(t, c->last ?: c->out, buf));
	} else {
		/* An error: under the path, which fails before the name. */
		join(s->path, x->path, s->name);
		fmt(pre, sizeof(pre), "%s", x->path);
	}
	s->plain = openat(x->dfd, *pre ? pre : ".",
			  O_PATH | O_DIRECTORY | O_CLOEXEC);
	if (s->err)
		return;
	s->dirfd = open(s->dir, O_PATH | O_DIRECTORY | O_CLOEXEC);
	ASSERT_LE(0, s->dirfd) TH_LOG("%s: %s", x->what, s->dir);
}

static void site_close(struct site *s)
{
	if (s->plain >= 0)
		close(s->plain);
	if (s->dirfd >= 0)
		close(s->dirfd);
}

/* Is the unrestricted parent another directory than the expected one? */
static bool plain_elsewhere(const struct site *s)
{
	struct stat a, b;

	if (s->plain < 0)
		return false;
	if (s->err)
		return true;
	return fstat(s->plain, &a) || fstat(s->dirfd, &b) || !same_file(&a, &b);
}

/*
 * Creates the plain file @name in @dirfd, or in root/ if @dirfd cannot
 * hold it; returns a descriptor of the directory it is in.
 */
static int place(struct __test_metadata *_metadata, const struct tree *t,
		 int dirfd, const char *name, struct stat *st)
{
	int fd = -1;

	if (dirfd >= 0 && !mknodat(dirfd, name, S_IFREG | 0600, 0))
		fd = dup(dirfd);
	if (fd < 0) {
		fd = dup(t->root);
		ASSERT_EQ(0, mknodat(fd, name, S_IFREG | 0600, 0))
			TH_LOG("%s: %s", name, strerror(errno));
	}
	ASSERT_LE(0, fd);
	ASSERT_EQ(0, fstatat(fd, name, st, AT_SYMLINK_NOFOLLOW));
	return fd;
}

/* Builds the tree of resolve_test in a mount namespace of its own. */
FIXTURE(resolve)
{
	struct tree t;
};

FIXTURE_SETUP(resolve)
{
	struct tree *t = &self->t;
	size_t i;
	int fd;

	ASSERT_EQ(0, unshare(CLONE_NEWNS));
	ASSERT_EQ(0, mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL));
	/* All of it goes with the namespace. */
	ASSERT_EQ(0, mount("tmpfs", "/tmp", "tmpfs", 0, NULL));
	ASSERT_EQ(0, mkdir(TREE, 0755));
	ASSERT_EQ(0, mkdir(ROOT, 0755));
	t->root = open(ROOT, O_PATH | O_DIRECTORY | O_CLOEXEC);
	ASSERT_LE(0, t->root);
	for (i = 0; i < ARRAY_SIZE(tree_dirs); i++)
		ASSERT_EQ(0, mkdirat(t->root, tree_dirs[i], 0755));
	ASSERT_EQ(0, mount("tmpfs", ROOT "/mnt", "tmpfs",
			   MS_NOSUID | MS_NODEV, NULL));
	/* Not executable: faccessat2(X_OK) tells it from a directory. */
	fd = openat(t->root, "etc/passwd",
		    O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0644);
	ASSERT_LE(0, fd);
	ASSERT_EQ(0, close(fd));
	for (i = 0; i < ARRAY_SIZE(tree_links); i++)
		ASSERT_EQ(0, symlinkat(tree_links[i].target, t->root,
				       tree_links[i].name))
			TH_LOG("link %zu: %s", i, strerror(errno));
	t->hard = open("/dev/null", O_RDONLY | O_CLOEXEC);
	ASSERT_LE(0, t->hard);
	fmt(t->hard_path, sizeof(t->hard_path), "self/fd/%d", t->hard);
	fmt(t->hard_link, sizeof(t->hard_link), "/proc/self/fd/%d",
	    t->hard);
}

FIXTURE_TEARDOWN(resolve)
{
}

/* The lookup calls */

static long statx_ind(const struct ctx *x, __u64 resolve, struct statx *stx)
{
	return ind(resolve, __NR_statx, fdarg(x->dfd), uptr(x->path),
		   x->nofollow ? AT_SYMLINK_NOFOLLOW : 0, STATX_BASIC_STATS,
		   uptr(stx));
}

/*
 * statx(): the inode it describes. With RESOLVE_CACHED, which only the
 * cached family's cases have, it answers as the case expects, or EAGAIN,
 * and then exactly as the case expects without RESOLVE_CACHED.
 */
static bool replay_statx(struct __test_metadata *_metadata,
			 const struct tree *t, const struct family *f,
			 const struct ctx *x)
{
	struct statx stx;
	long ret;
	int err;

	ret = statx_ind(x, x->c->resolve, &stx);
	err = errno;
	if (ret == -1 && err == EAGAIN && (x->c->resolve & RESOLVE_CACHED)) {
		ret = statx_ind(x, x->c->resolve & ~RESOLVE_CACHED, &stx);
		err = errno;
	}
	if (outcome(_metadata, x, ret, err, x->c->err))
		expect_inode(_metadata, t, x,
			     makedev(stx.stx_dev_major, stx.stx_dev_minor),
			     stx.stx_ino);
	return true;
}

/* newfstatat(), or fstatat64(): the inode it describes */
static bool replay_fstatat(struct __test_metadata *_metadata,
			   const struct tree *t, const struct family *f,
			   const struct ctx *x)
{
	struct fstatat_buf st;
	long ret;
	int err;

	ret = ind(x->c->resolve, NR_FSTATAT, fdarg(x->dfd), uptr(x->path),
		  uptr(&st), x->nofollow ? AT_SYMLINK_NOFOLLOW : 0, 0);
	err = errno;
	if (outcome(_metadata, x, ret, err, x->c->err))
		expect_inode(_metadata, t, x, st.st_dev, st.st_ino);
	return true;
}

/*
 * readlinkat(): it never follows its last component, so a case that
 * follows a symlink there acts on the symlink, and one whose error comes
 * from following it succeeds: @last is its object. What it reads is what
 * reading that object directly gives, EINVAL for anything but a symlink.
 */
static bool replay_readlinkat(struct __test_metadata *_metadata,
			      const struct tree *t, const struct family *f,
			      const struct ctx *x)
{
	char buf[PATH_MAX], ref[PATH_MAX], obj[PATH_MAX];
	const struct rcase *c = x->c;
	bool at_last = !(c->flags & O_NOFOLLOW) && c->last;
	long ret, len;
	int err;

	ret = ind(c->resolve, __NR_readlinkat, fdarg(x->dfd), uptr(x->path),
		  uptr(buf), sizeof(buf), 0);
	err = errno;
	if (c->err && !at_last) {
		outcome(_metadata, x, ret, err, c->err);
		return true;
	}
	abs_of(t, at_last ? c->last : c->out, obj);
	len = readlinkat(AT_FDCWD, obj, ref, sizeof(ref));
	if (len < 0) {
		EXPECT_EQ(EINVAL, errno)
			TH_LOG("%s: %s: %s", x->what, obj, strerror(errno));
		outcome(_metadata, x, ret, err, EINVAL);
	} else if (outcome(_metadata, x, ret, err, 0)) {
		EXPECT_EQ(len, ret) TH_LOG("%s: not %s", x->what, obj);
		EXPECT_EQ(0, memcmp(buf, ref, len))
			TH_LOG("%s: not %s", x->what, obj);
	}
	return true;
}

/*
 * faccessat2(X_OK): as asking the expected inode directly. For root,
 * X_OK tells the tree's files (0644) from its directories and symlinks.
 */
static bool replay_faccessat2(struct __test_metadata *_metadata,
			      const struct tree *t, const struct family *f,
			      const struct ctx *x)
{
	const int fl = x->nofollow ? AT_SYMLINK_NOFOLLOW : 0;
	char out[PATH_MAX];
	struct stat st;
	long ret, ref;
	int err;

	ret = ind(x->c->resolve, __NR_faccessat2, fdarg(x->dfd),
		  uptr(x->path), X_OK, fl, 0);
	err = errno;
	if (x->c->err) {
		outcome(_metadata, x, ret, err, x->c->err);
	} else {
		expected(_metadata, t, x, out, &st);
		ref = syscall(__NR_faccessat2, AT_FDCWD, out, X_OK, fl);
		outcome(_metadata, x, ret, err, ref ? errno : 0);
	}
	return true;
}

/*
 * procfs gives a task's own entries their owner again at each lookup: a
 * chown of /proc/<pid>/exe succeeds but cannot be seen.
 */
static bool task_owned(const char *abs)
{
	return !strncmp(abs, "/proc/self/", 11);
}

/*
 * Sets @a of @path in @dfd to what @to has, through indirect() with
 * @resolve or, if !@via, directly; not following its last component for
 * AT_SYMLINK_NOFOLLOW in @fl, where the call can. truncate() has no
 * dirfd: @dfd is AT_FDCWD.
 */
static long set_attr(enum attr a, bool via, __u64 resolve, int dfd,
		     const char *path, const struct stat *to, int fl)
{
	const struct timespec ts[2] = { to->st_atim, to->st_mtim };
	const unsigned int mode = to->st_mode & 07777;

	switch (a) {
	case ATTR_MODE:
		if (!via)
			return fchmodat(dfd, path, mode, 0);
		return ind(resolve, __NR_fchmodat, fdarg(dfd), uptr(path),
			   mode, 0, 0);
	case ATTR_GID:
		if (!via)
			return fchownat(dfd, path, -1, to->st_gid, fl);
		return ind(resolve, __NR_fchownat, fdarg(dfd), uptr(path),
			   (__u64)(__s64)-1, to->st_gid, fl);
	case ATTR_TIMES:
		if (!via)
			return utimensat(dfd, path, ts, fl);
		return ind(resolve, __NR_utimensat, fdarg(dfd), uptr(path),
			   uptr(ts), fl, 0);
	case ATTR_SIZE:
		if (!via)
			return truncate(path, to->st_size);
		return ind(resolve, __NR_truncate, uptr(path), to->st_size, 0,
			   0, 0);
	}
	return -1;
}

/*
 * @to: @was, what the expected inode has (nothing on error), with @a
 * changed for the case: the sticky bit toggled, the next group, the
 * times and the size of its own.
 */
static void attr_new(enum attr a, const struct ctx *x, const struct stat *was,
		     struct stat *to)
{
	const struct timespec ts = { 1000000 + x->i };

	*to = *was;
	switch (a) {
	case ATTR_MODE:
		to->st_mode = x->c->err ? 01700 :
			      (was->st_mode & 07777) ^ S_ISVTX;
		break;
	case ATTR_GID:
		to->st_gid = x->c->err ? 4242 : was->st_gid + 1;
		break;
	case ATTR_TIMES:
		to->st_atim = ts;
		to->st_mtim = ts;
		break;
	case ATTR_SIZE:
		to->st_size = 65536 + x->i;
		break;
	}
}

/*
 * A call that set @a succeeded: the expected inode, at @out, has it as
 * in @to, and is given back what it had, @was.
 */
static void expect_attr(struct __test_metadata *_metadata,
			const struct ctx *x, enum attr a, const char *out,
			const struct stat *was, const struct stat *to, int fl)
{
	struct stat now;

	ASSERT_EQ(0, fstatat(AT_FDCWD, out, &now, fl));
	switch (a) {
	case ATTR_MODE:
		EXPECT_EQ(to->st_mode & 07777, now.st_mode & 07777)
			TH_LOG("%s: %s unchanged", x->what, out);
		break;
	case ATTR_GID:
		if (!task_owned(out))
			EXPECT_EQ(to->st_gid, now.st_gid)
				TH_LOG("%s: %s unchanged", x->what, out);
		break;
	case ATTR_TIMES:
		EXPECT_EQ(to->st_mtim.tv_sec, now.st_mtim.tv_sec)
			TH_LOG("%s: %s unchanged", x->what, out);
		EXPECT_EQ(to->st_atim.tv_sec, now.st_atim.tv_sec)
			TH_LOG("%s: %s unchanged", x->what, out);
		break;
	case ATTR_SIZE:
		EXPECT_EQ(to->st_size, now.st_size)
			TH_LOG("%s: %s unchanged", x->what, out);
		break;
	}
	EXPECT_EQ(0, set_attr(a, false, 0, AT_FDCWD, out, was, fl));
}

/*
 * fchmodat(): the sticky bit of the expected inode toggled, and put back;
 * or, where the inode refuses it, the errno of the same call made on it
 * directly. What the path names without restrictions is left alone.
 * fchmodat() always follows: the cases without O_NOFOLLOW.
 *
 * fchownat(): as fchmodat(), with the group of the expected inode;
 * utimensat(): as fchmodat(), with the times of the expected inode.
 */
static bool replay_attr(struct __test_metadata *_metadata,
			const struct tree *t, const struct family *f,
			const struct ctx *x)
{
	const int fl = x->nofollow ? AT_SYMLINK_NOFOLLOW : 0;
	const enum attr a = f->kind;
	struct stat was = {}, to;
	char out[PATH_MAX];
	struct plain pl;
	long ret, ref;
	int err;

	plain_snap(x, &pl);
	if (!x->c->err)
		expected(_metadata, t, x, out, &was);
	attr_new(a, x, &was, &to);
	ret = set_attr(a, true, x->c->resolve, x->dfd, x->path, &to, fl);
	err = errno;
	if (x->c->err) {
		outcome(_metadata, x, ret, err, x->c->err);
	} else if (ret < 0) {
		ref = set_attr(a, false, 0, AT_FDCWD, out, &to, fl);
		outcome(_metadata, x, ret, err, ref ? errno : 0);
		set_attr(a, false, 0, AT_FDCWD, out, &was, fl);
	} else {
		expect_attr(_metadata, x, a, out, &was, &to, fl);
	}
	plain_check(_metadata, x, &pl, a);
	return true;
}

/* The calls without dirfd, from the working directory: in a child. */

static void enter_cwd(struct __test_metadata *_metadata, const struct ctx *x)
{
	ASSERT_EQ(0, fchdir(x->dfd)) TH_LOG("%s", x->what);
}

/*
 * truncate(): the size of the expected file set, and put back; EISDIR
 * for a directory. truncate() always follows: the cases without
 * O_NOFOLLOW.
 */
static bool replay_truncate(struct __test_metadata *_metadata,
			    const struct tree *t, const struct family *f,
			    const struct ctx *x)
{
	struct stat was = {}, to;
	char out[PATH_MAX];
	struct plain pl;
	int err, want;
	long ret;

	plain_snap(x, &pl);
	want = x->c->err;
	if (!want) {
		expected(_metadata, t, x, out, &was);
		ASSERT_TRUE(S_ISDIR(was.st_mode) || S_ISREG(was.st_mode));
		want = S_ISDIR(was.st_mode) ? EISDIR : 0;
	}
	attr_new(ATTR_SIZE, x, &was, &to);
	ret = set_attr(ATTR_SIZE, true, x->c->resolve, AT_FDCWD, x->path, &to,
		       0);
	err = errno;
	if (outcome(_metadata, x, ret, err, want))
		expect_attr(_metadata, x, ATTR_SIZE, out, &was, &to, 0);
	plain_check(_metadata, x, &pl, ATTR_SIZE);
	return true;
}

/*
 * chdir(): the working directory is the expected one, by inode and by
 * name; ENOTDIR for a file; unmoved on error. chdir() always follows: the
 * cases without O_NOFOLLOW.
 */
static bool replay_chdir(struct __test_metadata *_metadata,
			 const struct tree *t, const struct family *f,
			 const struct ctx *x)
{
	char out[PATH_MAX], cwd[PATH_MAX];
	struct stat was = {}, now;
	int err, want;
	long ret;

	want = x->c->err;
	if (!want) {
		expected(_metadata, t, x, out, &was);
		want = S_ISDIR(was.st_mode) ? 0 : ENOTDIR;
	}
	ret = ind(x->c->resolve, __NR_chdir, uptr(x->path), 0, 0, 0, 0);
	err = errno;
	ASSERT_EQ(0, stat(".", &now));
	if (outcome(_metadata, x, ret, err, want)) {
		EXPECT_TRUE(same_file(&was, &now))
			TH_LOG("%s: not in %s", x->what, out);
		EXPECT_STREQ(out, getcwd(cwd, sizeof(cwd)) ?: "")
			TH_LOG("%s", x->what);
	} else {
		ASSERT_EQ(0, fstat(x->dfd, &was));
		EXPECT_TRUE(same_file(&was, &now))
			TH_LOG("%s: the working directory moved", x->what);
	}
	return true;
}

enum xattr_op { XGET, XLIST, XREMOVE, XSET };

/*
 * The xattr call @op on @path, the l- one for @nofollow, through
 * indirect() with @resolve, or directly if !@via. @buf is the value to
 * set, or where to read one.
 */
static long xattr_call(bool via, enum xattr_op op, bool nofollow,
		       __u64 resolve, const char *path, void *buf,
		       size_t size)
{
	switch (op) {
	case XGET:
		if (!via)
			return nofollow ? lgetxattr(path, XATTR_NAME, buf, size) :
					  getxattr(path, XATTR_NAME, buf, size);
		return ind(resolve, nofollow ? __NR_lgetxattr : __NR_getxattr,
			   uptr(path), uptr(XATTR_NAME), uptr(buf), size, 0);
	case XLIST:
		if (!via)
			return nofollow ? llistxattr(path, buf, size) :
					  listxattr(path, buf, size);
		return ind(resolve, nofollow ? __NR_llistxattr : __NR_listxattr,
			   uptr(path), uptr(buf), size, 0, 0);
	case XREMOVE:
		if (!via)
			return nofollow ? lremovexattr(path, XATTR_NAME) :
					  removexattr(path, XATTR_NAME);
		return ind(resolve,
			   nofollow ? __NR_lremovexattr : __NR_removexattr,
			   uptr(path), uptr(XATTR_NAME), 0, 0, 0);
	case XSET:
		if (!via)
			return nofollow ?
			       lsetxattr(path, XATTR_NAME, buf, size, 0) :
			       setxattr(path, XATTR_NAME, buf, size, 0);
		return ind(resolve, nofollow ? __NR_lsetxattr : __NR_setxattr,
			   uptr(path), uptr(XATTR_NAME), uptr(buf), size, 0);
	}
	return -1;
}

/*
 * A case that succeeds: each call answers as the same call on the
 * expected inode directly, and its changes show there. An inode without
 * xattr support (tmpfs without CONFIG_TMPFS_XATTR, procfs) answers
 * EOPNOTSUPP both ways.
 */
static void xattr_acted(struct __test_metadata *_metadata,
			const struct tree *t, const struct ctx *x,
			char *v1, char *v2)
{
	static const enum xattr_op reads[] = { XGET, XLIST };
	char out[PATH_MAX], buf[256], ref[256];
	const bool nf = x->nofollow;
	const __u64 res = x->c->resolve;
	long ret, rret, was;
	struct stat st;
	size_t i;
	int err;

	expected(_metadata, t, x, out, &st);
	was = xattr_call(false, XSET, nf, 0, out, v1, strlen(v1));
	for (i = 0; i < ARRAY_SIZE(reads); i++) {
		ret = xattr_call(true, reads[i], nf, res, x->path, buf,
				 sizeof(buf));
		err = errno;
		rret = xattr_call(false, reads[i], nf, 0, out, ref,
				  sizeof(ref));
		if (outcome(_metadata, x, ret, err, rret < 0 ? errno : 0)) {
			EXPECT_EQ(rret, ret) TH_LOG("%s: not %s", x->what, out);
			EXPECT_EQ(0, memcmp(buf, ref, rret > 0 ? rret : 0))
				TH_LOG("%s: not %s", x->what, out);
		}
	}
	ret = xattr_call(true, XREMOVE, nf, res, x->path, NULL, 0);
	err = errno;
	if (!was) {
		if (outcome(_metadata, x, ret, err, 0))
			EXPECT_EQ(-1, xattr_call(false, XGET, nf, 0, out, buf,
						 sizeof(buf)))
				TH_LOG("%s: %s kept it", x->what, out);
	} else {
		rret = xattr_call(false, XREMOVE, nf, 0, out, NULL, 0);
		outcome(_metadata, x, ret, err, rret ? errno : 0);
	}
	ret = xattr_call(true, XSET, nf, res, x->path, v2, strlen(v2));
	err = errno;
	if (!ret) {
		rret = xattr_call(false, XGET, nf, 0, out, buf, sizeof(buf));
		EXPECT_EQ(strlen(v2), rret) TH_LOG("%s: not on %s", x->what, out);
		EXPECT_EQ(0, memcmp(buf, v2, strlen(v2)))
			TH_LOG("%s: not on %s", x->what, out);
		EXPECT_EQ(0, xattr_call(false, XREMOVE, nf, 0, out, NULL, 0));
		return;
	}
	rret = xattr_call(false, XSET, nf, 0, out, v2, strlen(v2));
	outcome(_metadata, x, ret, err, rret ? errno : 0);
	if (!rret)
		xattr_call(false, XREMOVE, nf, 0, out, NULL, 0);
}

/*
 * A case that fails: each call with its errno, and what the path names
 * without restrictions, given an attribute first where it can hold one,
 * keeps it unchanged.
 */
static void xattr_refused(struct __test_metadata *_metadata,
			  const struct ctx *x, char *v1, char *v2)
{
	static const enum xattr_op ops[] = { XGET, XLIST, XREMOVE, XSET };
	const bool nf = x->nofollow;
	char buf[256];
	long ret, was;
	size_t i;

	was = xattr_call(false, XSET, nf, 0, x->path, v1, strlen(v1));
	for (i = 0; i < ARRAY_SIZE(ops); i++) {
		ret = xattr_call(true, ops[i], nf, x->c->resolve, x->path,
				 ops[i] == XSET ? v2 : buf,
				 ops[i] == XSET ? strlen(v2) : sizeof(buf));
		outcome(_metadata, x, ret, errno, x->c->err);
	}
	ret = xattr_call(false, XGET, nf, 0, x->path, buf, sizeof(buf));
	EXPECT_EQ(was ? -1 : (long)strlen(v1), ret)
		TH_LOG("%s: changed without resolve", x->what);
	EXPECT_EQ(0, was ? 0 : memcmp(buf, v1, strlen(v1)))
		TH_LOG("%s: changed without resolve", x->what);
	if (!was)
		xattr_call(false, XREMOVE, nf, 0, x->path, NULL, 0);
}

/*
 * The xattr calls, the l- ones for O_NOFOLLOW: get, list, remove and set,
 * all four in each case.
 */
static bool replay_xattr(struct __test_metadata *_metadata,
			 const struct tree *t, const struct family *f,
			 const struct ctx *x)
{
	char v1[32], v2[32];

	fmt(v1, sizeof(v1), "case %d", x->i);
	fmt(v2, sizeof(v2), "case %d, again", x->i);
	if (x->c->err)
		xattr_refused(_metadata, x, v1, v2);
	else
		xattr_acted(_metadata, t, x, v1, v2);
	return true;
}

/* The calls that create */

/*
 * Makes @path in @dfd, through indirect() with @resolve or, if !@via,
 * directly. linkat() links @old in @oldfd to it; openat() returns the new
 * descriptor.
 */
static long make(int kind, bool via, __u64 resolve, int dfd,
		 const char *path, int oldfd, const char *old)
{
	const int oflags = O_CREAT | O_EXCL | O_RDONLY | O_CLOEXEC;

	switch (kind) {
	case MAKE_DIR:
		if (!via)
			return mkdirat(dfd, path, 0755);
		return ind(resolve, __NR_mkdirat, fdarg(dfd), uptr(path), 0755,
			   0, 0);
	case MAKE_FIFO:
		if (!via)
			return mknodat(dfd, path, S_IFIFO | 0600, 0);
		return ind(resolve, __NR_mknodat, fdarg(dfd), uptr(path),
			   S_IFIFO | 0600, 0, 0);
	case MAKE_SYMLINK:
		if (!via)
			return symlinkat(LINK_TEXT, dfd, path);
		return ind(resolve, __NR_symlinkat, uptr(LINK_TEXT),
			   fdarg(dfd), uptr(path), 0, 0);
	case MAKE_LINK:
		if (!via)
			return linkat(oldfd, old, dfd, path, 0);
		return ind(resolve, __NR_linkat, fdarg(oldfd), uptr(old),
			   fdarg(dfd), uptr(path), 0);
	case MAKE_OPEN:
		if (!via)
			return openat(dfd, path, oflags, 0600);
		return ind(resolve, __NR_openat, fdarg(dfd), uptr(path), oflags,
			   0600, 0);
	}
	return -1;
}

/* What @kind made at @made is what it makes; @fd is openat()'s. */
static void check_made(struct __test_metadata *_metadata, const struct ctx *x,
		       int kind, const char *made, long fd,
		       const struct stat *old)
{
	struct stat st, fst = {};
	char text[64];
	ssize_t len;
	int ret;

	if (kind == MAKE_OPEN) {
		EXPECT_EQ(0, fstat(fd, &fst));
		close(fd);
	}
	ret = lstat(made, &st);
	EXPECT_EQ(0, ret) TH_LOG("%s: nothing at %s", x->what, made);
	if (ret)
		return;
	switch (kind) {
	case MAKE_DIR:
		EXPECT_TRUE(S_ISDIR(st.st_mode)) TH_LOG("%s", x->what);
		break;
	case MAKE_FIFO:
		EXPECT_TRUE(S_ISFIFO(st.st_mode)) TH_LOG("%s", x->what);
		break;
	case MAKE_SYMLINK:
		len = readlink(made, text, sizeof(text));
		EXPECT_EQ((ssize_t)strlen(LINK_TEXT), len)
			TH_LOG("%s", x->what);
		EXPECT_EQ(0, memcmp(LINK_TEXT, text, strlen(LINK_TEXT)))
			TH_LOG("%s", x->what);
		break;
	case MAKE_LINK:
		EXPECT_TRUE(same_file(old, &st))
			TH_LOG("%s: %s is not the old file", x->what, made);
		break;
	case MAKE_OPEN:
		EXPECT_TRUE(same_file(&fst, &st))
			TH_LOG("%s: the fd is not %s", x->what, made);
		break;
	}
}

/*
 * mkdirat(), mknodat(), symlinkat() (of the path under test, its target
 * text never resolved), linkat() (its new side; the old one a plain file
 * next to where the new one should go, or next to where the path leads
 * without restrictions on error, so that only the restriction can make
 * the call fail), openat(O_CREAT | O_EXCL): the new name is where the
 * case leads and nowhere else, or, on error, nowhere.
 *
 * Where the expected directory cannot hold it (procfs), the call fails as
 * the same call there without indirect() does.
 */
static bool replay_make(struct __test_metadata *_metadata,
			const struct tree *t, const struct family *f,
			const struct ctx *x)
{
	char made[PATH_MAX], old[NAME_MAX] = "";
	int oldfd = -1, fds = 0, elsewhere_n, err;
	struct stat old_st = {};
	struct site s;
	long ret, ref;

	site_init(_metadata, t, x, &s, x->c->flags & O_CREAT);
	if (f->kind == MAKE_LINK) {
		fmt(old, sizeof(old), "%s.old", s.name);
		oldfd = place(_metadata, t, s.err ? s.plain : s.dirfd, old,
			      &old_st);
	}
	if (f->kind == MAKE_OPEN)
		fds = nr_fds(_metadata);
	ret = make(f->kind, true, x->c->resolve, x->dfd, s.path, oldfd, old);
	err = errno;
	join(made, s.dir, s.name);
	if (s.err) {
		outcome(_metadata, x, ret, err, s.err);
		if (ret >= 0 && f->kind == MAKE_OPEN)
			close(ret);
	} else if (ret < 0) {
		ref = make(f->kind, false, 0, AT_FDCWD, made, oldfd, old);
		outcome(_metadata, x, ret, err, ref < 0 ? errno : 0);
		if (ref >= 0 && f->kind == MAKE_OPEN)
			close(ref);
	} else {
		check_made(_metadata, x, f->kind, made, ret, &old_st);
		zap(AT_FDCWD, made);
	}
	if (f->kind == MAKE_OPEN)
		EXPECT_EQ(fds, nr_fds(_metadata))
			TH_LOG("%s: descriptor left", x->what);
	elsewhere_n = count_name(s.name, s.plain);
	EXPECT_EQ(0, elsewhere_n)
		TH_LOG("%s: %s made elsewhere", x->what, s.name);
	if (elsewhere_n)
		sweep(&s, s.name);
	if (oldfd >= 0) {
		zap(oldfd, old);
		close(oldfd);
	}
	site_close(&s);
	return true;
}

/* The calls that remove */

static int make_victim(int dirfd, const char *name, bool dir)
{
	return dir ? mkdirat(dirfd, name, 0755) :
		     mknodat(dirfd, name, S_IFREG | 0600, 0);
}

/*
 * site_init() for a call that removes or renames a name: false, and @s
 * closed, if the name would be on procfs, where nothing can be put.
 */
static bool site_placeable(struct __test_metadata *_metadata,
			   const struct tree *t, const struct ctx *x,
			   struct site *s)
{
	site_init(_metadata, t, x, s, false);
	if (s->err || !on_procfs(s->dir))
		return true;
	site_close(s);
	return false;
}

/*
 * unlinkat() of a file, and rmdir() of a directory from the working
 * directory of the dirfd, in a child: the victim made where the case
 * leads goes, a decoy where the path leads without restrictions stays;
 * on error, that decoy is the victim and stays. Nothing can be put on
 * procfs: the cases leading there are not replayed, and for rmdir() that
 * includes /proc/self/cwd from /proc (see from_cwd()).
 */
static bool replay_remove(struct __test_metadata *_metadata,
			  const struct tree *t, const struct family *f,
			  const struct ctx *x)
{
	const bool dir = f->in_cwd;
	bool decoy = false;
	struct stat st;
	struct site s;
	long ret;
	int err;

	if (!site_placeable(_metadata, t, x, &s))
		return false;
	if (!s.err)
		ASSERT_EQ(0, make_victim(s.dirfd, s.name, dir))
			TH_LOG("%s: %s", x->what, strerror(errno));
	if (plain_elsewhere(&s))
		decoy = !make_victim(s.plain, s.name, dir);
	if (dir)
		ret = ind(x->c->resolve, __NR_rmdir, uptr(s.path), 0, 0, 0, 0);
	else
		ret = ind(x->c->resolve, __NR_unlinkat, fdarg(x->dfd),
			  uptr(s.path), 0, 0, 0);
	err = errno;
	if (outcome(_metadata, x, ret, err, s.err))
		EXPECT_NE(0, fstatat(s.dirfd, s.name, &st,
				     AT_SYMLINK_NOFOLLOW))
			TH_LOG("%s: %s/%s is still there", x->what, s.dir,
			       s.name);
	if (decoy)
		EXPECT_EQ(0, fstatat(s.plain, s.name, &st,
				     AT_SYMLINK_NOFOLLOW))
			TH_LOG("%s: the one without resolve went", x->what);
	sweep(&s, s.name);
	site_close(&s);
	return true;
}

/* The calls that rename */

#define RENAME_CASE_OLD	0	/* the case's path is the old name */
#define RENAME_CASE_NEW	1	/* ... the new one */

/*
 * renameat2() with the case's path on one side and a plain name on the
 * other, in the expected directory (on error: where the path leads
 * without restrictions, so that only the restriction can make it fail).
 * Both sides are checked: what was renamed is at its new name, and the
 * new name is nowhere else. Nothing can be put on procfs: the cases
 * leading there are not replayed.
 */
static bool replay_rename(struct __test_metadata *_metadata,
			  const struct tree *t, const struct family *f,
			  const struct ctx *x)
{
	char other[NAME_MAX + 8], *to;
	struct stat vst, dst, st;
	bool decoy = false;
	int comp, err;
	struct site s;
	long ret;

	if (!site_placeable(_metadata, t, x, &s))
		return false;
	if (f->kind == RENAME_CASE_OLD) {
		fmt(other, sizeof(other), "%s.to", s.name);
		if (!s.err) {
			ASSERT_EQ(0, make_victim(s.dirfd, s.name, false));
			ASSERT_EQ(0, fstatat(s.dirfd, s.name, &vst,
					     AT_SYMLINK_NOFOLLOW));
		}
		if (plain_elsewhere(&s) &&
		    !make_victim(s.plain, s.name, false))
			decoy = !fstatat(s.plain, s.name, &dst,
					 AT_SYMLINK_NOFOLLOW);
		comp = dup(!s.err ? s.dirfd :
			   s.plain >= 0 ? s.plain : t->root);
		ASSERT_LE(0, comp);
		ret = ind(x->c->resolve, __NR_renameat2, fdarg(x->dfd),
			  uptr(s.path), fdarg(comp), uptr(other), 0);
		to = other;
	} else {
		fmt(other, sizeof(other), "%s.from", s.name);
		comp = place(_metadata, t, s.err ? s.plain : s.dirfd, other,
			     &vst);
		ret = ind(x->c->resolve, __NR_renameat2, fdarg(comp),
			  uptr(other), fdarg(x->dfd), uptr(s.path), 0);
		to = s.name;
	}
	err = errno;
	if (outcome(_metadata, x, ret, err, s.err)) {
		int into = f->kind == RENAME_CASE_OLD ? comp : s.dirfd;
		int from = f->kind == RENAME_CASE_OLD ? s.dirfd : comp;
		const char *gone = f->kind == RENAME_CASE_OLD ?
				   s.name : other;

		EXPECT_NE(0, fstatat(from, gone, &st, AT_SYMLINK_NOFOLLOW))
			TH_LOG("%s: %s is still there", x->what, gone);
		EXPECT_EQ(0, fstatat(into, to, &st, AT_SYMLINK_NOFOLLOW))
			TH_LOG("%s: no %s", x->what, to);
		EXPECT_TRUE(same_file(&vst, &st))
			TH_LOG("%s: %s is not what was renamed", x->what, to);
		zap(into, to);
	} else if (f->kind == RENAME_CASE_NEW) {
		EXPECT_EQ(0, fstatat(comp, other, &st, AT_SYMLINK_NOFOLLOW))
			TH_LOG("%s: %s went", x->what, other);
	}
	if (decoy) {
		EXPECT_EQ(0, fstatat(s.plain, s.name, &st,
				     AT_SYMLINK_NOFOLLOW))
			TH_LOG("%s: the one without resolve went", x->what);
		EXPECT_TRUE(same_file(&dst, &st)) TH_LOG("%s", x->what);
	}
	EXPECT_EQ(0, count_name(to, s.plain) +
		     !fstatat(comp, to, &st, AT_SYMLINK_NOFOLLOW))
		TH_LOG("%s: %s elsewhere", x->what, to);
	zap(comp, other);
	close(comp);
	sweep(&s, s.name);
	sweep(&s, other);
	site_close(&s);
	return true;
}

/* RESOLVE_CACHED */

/*
 * A call that makes, removes or renames a name with @resolve, which has
 * RESOLVE_CACHED: EAGAIN before anything is done.
 */
static void cached_change(struct __test_metadata *_metadata,
			  const struct tree *t, int k, __u64 resolve, int n)
{
	char name[32], to_name[40], path[64], to[64], what[96];
	const bool victim = k >= CH_UNLINK;
	int fds = nr_fds(_metadata), err;
	struct stat st;
	long ret;

	fmt(name, sizeof(name), "cached.%d", n);
	fmt(to_name, sizeof(to_name), "%s.to", name);
	fmt(path, sizeof(path), "etc/%s", name);
	fmt(to, sizeof(to), "etc/%s", to_name);
	fmt(what, sizeof(what), "cached: %s resolve %#llx", change_names[k],
	    (unsigned long long)resolve);
	if (victim)
		ASSERT_EQ(0, make_victim(t->root, path, k == CH_RMDIR));
	switch (k) {
	case CH_CREAT_EXISTING:
		ret = ind(resolve, __NR_openat, fdarg(t->root),
			  uptr("etc/passwd"), O_CREAT | O_RDONLY | O_CLOEXEC,
			  0600, 0);
		break;
	case CH_UNLINK:
	case CH_RMDIR:
		ret = ind(resolve, __NR_unlinkat, fdarg(t->root), uptr(path),
			  k == CH_RMDIR ? AT_REMOVEDIR : 0, 0, 0);
		break;
	case CH_RENAME:
		ret = ind(resolve, __NR_renameat2, fdarg(t->root), uptr(path),
			  fdarg(t->root), uptr(to), 0);
		break;
	default:
		ret = make(k, true, resolve, t->root, path, t->root,
			   "etc/passwd");
		break;
	}
	err = errno;
	EXPECT_EQ(-1, ret) TH_LOG("%s: ran", what);
	EXPECT_EQ(EAGAIN, err) TH_LOG("%s: %s", what, strerror(err));
	if (ret >= 0 && (k == MAKE_OPEN || k == CH_CREAT_EXISTING))
		close(ret);
	EXPECT_EQ(fds, nr_fds(_metadata)) TH_LOG("%s: descriptor left", what);
	if (victim) {
		EXPECT_EQ(0, fstatat(t->root, path, &st, AT_SYMLINK_NOFOLLOW))
			TH_LOG("%s: removed", what);
		zap(t->root, path);
	}
	EXPECT_EQ(0, count_name(name, -1)) TH_LOG("%s: made", what);
	EXPECT_EQ(0, count_name(to_name, -1)) TH_LOG("%s: made", what);
	zap(t->root, to);
	if (!victim)
		zap(t->root, path);
}

/*
 * Each call that makes, removes or renames a name refuses RESOLVE_CACHED
 * with EAGAIN up front; the names of the calls numbered from @n. Returns
 * how many calls it made.
 */
static int cached_changes(struct __test_metadata *_metadata,
			  const struct tree *t, int n)
{
	int k, made = 0;
	size_t r;

	for (k = 0; k < NR_CHANGES; k++) {
		for (r = 0; r < ARRAY_SIZE(cached_resolves); r++) {
			cached_change(_metadata, t, k, cached_resolves[r],
				      n + made);
			made++;
		}
	}
	return made;
}

/* The replay */

/*
 * Replays the @nr cases of @list that @f replays, each with its ctx open,
 * and, for a family without dirfd, from the working directory of its
 * dirfd; returns how many.
 */
static int replay_cases(struct __test_metadata *_metadata,
			const struct tree *t, const struct family *f,
			const struct rcase *list, int nr)
{
	int i, n = 0;

	for (i = 0; i < nr; i++) {
		const struct rcase *c = &list[i];
		struct rcase cwd_case;
		struct ctx x;

		if (f->follows && (c->flags & O_NOFOLLOW))
			continue;
		if (f->in_cwd)
			c = from_cwd(c, &cwd_case);
		ctx_open(_metadata, t, f->name, c, i, &x);
		if (f->in_cwd)
			enter_cwd(_metadata, &x);
		n += f->replay(_metadata, t, f, &x);
		ctx_close(&x);
	}
	return n;
}

/*
 * The cases of @f: resolve_test's, or, for RESOLVE_CACHED, its own
 * lookups and then the calls that change a name; returns how many.
 */
static int replay_family(struct __test_metadata *_metadata,
			 const struct tree *t, const struct family *f)
{
	int n;

	if (!f->cached)
		return replay_cases(_metadata, t, f, cases, NR_CASES);
	n = replay_cases(_metadata, t, f, cached_lookups,
			 ARRAY_SIZE(cached_lookups));
	return n + cached_changes(_metadata, t, n);
}

static const struct family families[] = {
	/* Lookups: the files of the O_CREAT cases are there. */
	{ .name = "statx", .replay = replay_statx, .lookup = true,
	  .cases = NR_CASES },
	{ .name = FSTATAT_NAME, .replay = replay_fstatat, .lookup = true,
	  .cases = NR_CASES },
	{ .name = "readlinkat", .replay = replay_readlinkat, .lookup = true,
	  .cases = NR_CASES },
	{ .name = "faccessat2", .replay = replay_faccessat2, .lookup = true,
	  .cases = NR_CASES },
	{ .name = "fchmodat", .replay = replay_attr, .kind = ATTR_MODE,
	  .follows = true, .lookup = true, .cases = NR_FOLLOWING },
	{ .name = "fchownat", .replay = replay_attr, .kind = ATTR_GID,
	  .lookup = true, .cases = NR_CASES },
	{ .name = "utimensat", .replay = replay_attr, .kind = ATTR_TIMES,
	  .lookup = true, .cases = NR_CASES },
	{ .name = "xattr", .replay = replay_xattr, .in_cwd = true,
	  .lookup = true, .cases = NR_CASES },
	{ .name = "truncate", .replay = replay_truncate, .in_cwd = true,
	  .follows = true, .lookup = true, .cases = NR_FOLLOWING },
	{ .name = "chdir", .replay = replay_chdir, .in_cwd = true,
	  .follows = true, .lookup = true, .cases = NR_FOLLOWING },
	/* Creation: the O_CREAT cases create their files. */
	{ .name = "mkdirat", .replay = replay_make, .kind = MAKE_DIR,
	  .cases = NR_CASES },
	{ .name = "mknodat", .replay = replay_make, .kind = MAKE_FIFO,
	  .cases = NR_CASES },
	{ .name = "symlinkat", .replay = replay_make, .kind = MAKE_SYMLINK,
	  .cases = NR_CASES },
	{ .name = "linkat", .replay = replay_make, .kind = MAKE_LINK,
	  .cases = NR_CASES },
	{ .name = "openat_creat", .replay = replay_make, .kind = MAKE_OPEN,
	  .cases = NR_CASES },
	{ .name = "unlinkat", .replay = replay_remove,
	  .cases = NR_PLACEABLE },
	{ .name = "rmdir", .replay = replay_remove, .in_cwd = true,
	  .cases = NR_PLACEABLE_CWD },
	{ .name = "renameat2_old", .replay = replay_rename,
	  .kind = RENAME_CASE_OLD, .cases = NR_PLACEABLE },
	{ .name = "renameat2_new", .replay = replay_rename,
	  .kind = RENAME_CASE_NEW, .cases = NR_PLACEABLE },
	/* statx() of cached_lookups */
	{ .name = "cached", .replay = replay_statx, .cached = true,
	  .cases = NR_CACHED },
};

/*
 * All families' cases: 7 * 88 + 3 * 81 of the lookups, 5 * 88 of the
 * creations, 86 + 85 of the removals, 2 * 86 of the renames, 28 cached
 */
#define REPLAY_TOTAL	1670

/*
 * The files the O_CREAT cases create, which the lookup families look up;
 * the families that create must find them absent.
 */
static void creat_targets(struct __test_metadata *_metadata,
			  const struct tree *t, bool present)
{
	char out[PATH_MAX];
	size_t i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		if (!(cases[i].flags & O_CREAT))
			continue;
		abs_of(t, cases[i].out, out);
		if (present && mknod(out, S_IFREG | 0644, 0))
			ASSERT_EQ(EEXIST, errno) TH_LOG("%s", out);
		if (!present && unlink(out))
			ASSERT_EQ(ENOENT, errno) TH_LOG("%s", out);
	}
}

/*
 * A family whose calls have no dirfd runs in a child, which fchdir()s to
 * each case's dirfd: the working directory of the test stays. TEST_F()'s
 * _metadata is shared, so the child's EXPECT and ASSERT count; its exit
 * status is the number of cases it replayed.
 */
static int replay_in_child(struct __test_metadata *_metadata, struct tree *t,
			   const struct family *f)
{
	int status;
	pid_t pid;

	pid = fork();
	ASSERT_LE(0, pid);
	if (!pid)
		_exit(replay_family(_metadata, t, f));
	ASSERT_EQ(pid, waitpid(pid, &status, 0));
	ASSERT_TRUE(WIFEXITED(status)) TH_LOG("%s: killed", f->name);
	return WEXITSTATUS(status);
}

/*
 * resolve_test's cases through indirect(), for each family of path calls,
 * each call checked by its effect; the number replayed, per family and in
 * all, in "# resolve cases: <family> <n>" lines.
 */
TEST_F(resolve, replay)
{
	int nofollow = 0, total = 0, expect = 0, n;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(cases); i++)
		nofollow += !!(cases[i].flags & O_NOFOLLOW);
	ASSERT_EQ(NR_CASES - NR_FOLLOWING, nofollow);

	for (i = 0; i < ARRAY_SIZE(families); i++) {
		const struct family *f = &families[i];

		creat_targets(_metadata, &self->t, f->lookup);
		if (f->in_cwd)
			n = replay_in_child(_metadata, &self->t, f);
		else
			n = replay_family(_metadata, &self->t, f);
		ksft_print_msg("resolve cases: %s %d\n", f->name, n);
		EXPECT_EQ(f->cases, n) TH_LOG("%s: cases replayed", f->name);
		total += n;
		expect += f->cases;
	}
	ksft_print_msg("resolve cases: total %d\n", total);
	ASSERT_EQ(REPLAY_TOTAL, expect);
	ASSERT_EQ(expect, total);
}

/* Refusals */

/* statx() of @path in @dfd through indirect(), with @p of @size */
static long statx_with(int dfd, const char *path, const void *p, size_t size,
		       struct statx *stx)
{
	struct indirect_registers r = {
		.nr = __NR_statx,
		.args = { fdarg(dfd), uptr(path), 0, STATX_BASIC_STATS,
			  uptr(stx) },
	};

	return sys_indirect(&r, p, size, 0);
}

/* mkdirat() of @path in @dfd through indirect(), with @p of @size */
static long mkdirat_with(int dfd, const char *path, const void *p,
			 size_t size)
{
	struct indirect_registers r = {
		.nr = __NR_mkdirat,
		.args = { fdarg(dfd), uptr(path), 0755 },
	};

	return sys_indirect(&r, p, size, 0);
}

/* openat() of @path in @dfd through indirect(), with @p of @size */
static long openat_with(int dfd, const char *path, const void *p,
			size_t size)
{
	struct indirect_registers r = {
		.nr = __NR_openat,
		.args = { fdarg(dfd), uptr(path), O_RDONLY },
	};

	return sys_indirect(&r, p, size, 0);
}

#define ASSERT_ABSENT(path) assert_absent(_metadata, __LINE__, path)

static void assert_absent(struct __test_metadata *_metadata, int line,
			  const char *path)
{
	struct stat st;

	ASSERT_EQ(-1, lstat(path, &st)) TH_LOG("line %d: %s made", line, path);
	ASSERT_EQ(ENOENT, errno) TH_LOG("line %d: %s", line, path);
}

#define EXPECT_REFUSED(err, t, p, size) \
	expect_refused(_metadata, __LINE__, err, t, p, size)

/*
 * statx(), mkdirat() and openat() given @p of @size fail with @err: no
 * directory made, no descriptor left.
 */
static void expect_refused(struct __test_metadata *_metadata, int line,
			   int err, const struct tree *t, const void *p,
			   size_t size)
{
	int fds = nr_fds(_metadata);
	struct statx stx;
	long ret;

	ret = statx_with(t->root, "etc/passwd", p, size, &stx);
	EXPECT_EQ(-1, ret) TH_LOG("line %d: statx", line);
	EXPECT_EQ(err, errno) TH_LOG("line %d: statx", line);
	ret = mkdirat_with(t->root, "etc/refused", p, size);
	EXPECT_EQ(-1, ret) TH_LOG("line %d: mkdirat", line);
	EXPECT_EQ(err, errno) TH_LOG("line %d: mkdirat", line);
	ASSERT_ABSENT(ROOT "/etc/refused");
	ret = openat_with(t->root, "etc/passwd", p, size);
	EXPECT_EQ(-1, ret) TH_LOG("line %d: openat", line);
	EXPECT_EQ(err, errno) TH_LOG("line %d: openat", line);
	ASSERT_EQ(fds, nr_fds(_metadata)) TH_LOG("line %d: fd left", line);
}

/*
 * The first version of the struct has no resolve: the kernel does not
 * read it, and the call resolves as without it. The second honours it.
 */
TEST_F(resolve, size_ver0_ignores_resolve)
{
	struct indirect_params p = { .resolve = RESOLVE_BENEATH };
	struct statx stx;
	struct stat st;

	ASSERT_EQ(0, stat("/", &st));
	ASSERT_EQ(0, statx_with(self->t.root, "/", &p,
				INDIRECT_PARAMS_SIZE_VER0, &stx));
	EXPECT_EQ(st.st_ino, stx.stx_ino);
	ASSERT_EQ(0, mkdirat_with(self->t.root, "../ver0", &p,
				  INDIRECT_PARAMS_SIZE_VER0));
	ASSERT_EQ(0, rmdir(TREE "/ver0"));
	/* Not even looked at: an unknown bit is no error there. */
	p.resolve = 1ULL << 63;
	ASSERT_EQ(0, statx_with(self->t.root, "/", &p,
				INDIRECT_PARAMS_SIZE_VER0, &stx));

	p.resolve = RESOLVE_BENEATH;
	ASSERT_EQ(-1, statx_with(self->t.root, "/", &p,
				 INDIRECT_PARAMS_SIZE_VER1, &stx));
	ASSERT_EQ(EXDEV, errno);
	ASSERT_EQ(-1, mkdirat_with(self->t.root, "../ver1", &p,
				   INDIRECT_PARAMS_SIZE_VER1));
	ASSERT_EQ(EXDEV, errno);
	ASSERT_ABSENT(TREE "/ver1");
}

/*
 * Size 12: a caller that knows half of resolve. The kernel reads bytes 8
 * to 11, the low half on this little-endian machine, and takes bytes 12
 * to 15 as zero, whatever they hold.
 */
TEST_F(resolve, size_between_versions)
{
	const __u64 high = 0xffffffffULL << 32;
	struct indirect_params p = { .resolve = high | RESOLVE_BENEATH };
	struct statx stx;
	struct stat st;

	ASSERT_EQ(-1, statx_with(self->t.root, "/", &p, 12, &stx));
	ASSERT_EQ(EXDEV, errno);
	ASSERT_EQ(-1, mkdirat_with(self->t.root, "../half", &p, 12));
	ASSERT_EQ(EXDEV, errno);
	ASSERT_ABSENT(TREE "/half");

	p.resolve = high;
	ASSERT_EQ(0, stat("/", &st));
	ASSERT_EQ(0, statx_with(self->t.root, "/", &p, 12, &stx));
	EXPECT_EQ(st.st_ino, stx.stx_ino);

	p.resolve = high | 1ULL << 6;
	EXPECT_REFUSED(EINVAL, &self->t, &p, 12);
	/* All of it at size 16: unknown bits */
	p.resolve = high | RESOLVE_BENEATH;
	EXPECT_REFUSED(EINVAL, &self->t, &p, sizeof(p));
}

TEST_F(resolve, unknown_resolve_bits)
{
	static const __u64 bad[] = {
		1ULL << 6, 1ULL << 31, 1ULL << 32, 1ULL << 63,
		RESOLVE_BENEATH | 1ULL << 6, RESOLVE_ALL | 1ULL << 63,
	};
	struct indirect_params p = {};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		p.resolve = bad[i];
		EXPECT_REFUSED(EINVAL, &self->t, &p, sizeof(p));
	}
}

/* As for openat2(): the two scopes exclude each other. */
TEST_F(resolve, beneath_with_in_root)
{
	static const __u64 bad[] = {
		RESOLVE_BENEATH | RESOLVE_IN_ROOT,
		RESOLVE_BENEATH | RESOLVE_IN_ROOT | RESOLVE_NO_XDEV,
		RESOLVE_BENEATH | RESOLVE_IN_ROOT | RESOLVE_CACHED,
	};
	struct indirect_params p = {};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		p.resolve = bad[i];
		EXPECT_REFUSED(EINVAL, &self->t, &p, sizeof(p));
	}
}

/* A call that takes no path takes no resolve bit, before it runs. */
TEST(resolve_on_calls_without_path)
{
	int pfd[2] = { -1, -1 };
	const struct indirect_registers calls[] = {
		{ __NR_socket, { AF_UNIX, SOCK_STREAM } },
		{ __NR_pipe, { uptr(pfd) } },
		{ __NR_eventfd },
		{ __NR_dup, { 0 } },
	};
	struct indirect_params p = {};
	size_t i, bit;

	for (i = 0; i < ARRAY_SIZE(calls); i++) {
		for (bit = 0; bit < 6; bit++) {
			int fds = nr_fds(_metadata);

			p.resolve = 1ULL << bit;
			EXPECT_EQ(-1, sys_indirect(&calls[i], &p, sizeof(p), 0))
				TH_LOG("call %zu bit %zu", i, bit);
			EXPECT_EQ(EINVAL, errno)
				TH_LOG("call %zu bit %zu", i, bit);
			EXPECT_EQ(fds, nr_fds(_metadata))
				TH_LOG("call %zu bit %zu", i, bit);
		}
	}
	EXPECT_EQ(-1, pfd[0]);
}

#ifdef __NR_socketcall
/* The same through socketcall(), whose operations take no path either. */
TEST(resolve_on_socketcall)
{
	__u32 sc_args[3] = { AF_UNIX, SOCK_STREAM, 0 };
	const struct indirect_registers r = {
		.nr = __NR_socketcall,
		.args = { SYS_SOCKET, uptr(sc_args) },
	};
	struct indirect_params p = { .resolve = RESOLVE_BENEATH };
	int fds = nr_fds(_metadata);

	EXPECT_EQ(-1, sys_indirect(&r, &p, sizeof(p), 0));
	EXPECT_EQ(EINVAL, errno);
	EXPECT_EQ(fds, nr_fds(_metadata));
}
#endif

/*
 * A call that makes, removes or renames a name refuses RESOLVE_CACHED up
 * front, with EAGAIN as openat2() with O_CREAT: the last component is
 * looked up under the parent's lock, never from the cache alone. Those
 * without dirfd are given absolute paths.
 */
TEST_F(resolve, cached_refused_by_changes)
{
	const int root = self->t.root;
	const struct {
		const char *name;
		struct indirect_registers r;
		const char *made;	/* must not appear */
		const char *kept;	/* must stay */
	} calls[] = {
		{ "mkdirat", { __NR_mkdirat, { fdarg(root), uptr("etc/new"),
					       0755 } },
		  ROOT "/etc/new" },
		{ "mkdir", { __NR_mkdir, { uptr(ROOT "/etc/new"), 0755 } },
		  ROOT "/etc/new" },
		{ "mknodat", { __NR_mknodat, { fdarg(root), uptr("etc/new"),
					       S_IFIFO | 0600 } },
		  ROOT "/etc/new" },
		{ "mknod", { __NR_mknod, { uptr(ROOT "/etc/new"),
					   S_IFIFO | 0600 } },
		  ROOT "/etc/new" },
		{ "symlinkat", { __NR_symlinkat, { uptr(LINK_TEXT),
						   fdarg(root),
						   uptr("etc/new") } },
		  ROOT "/etc/new" },
		{ "symlink", { __NR_symlink, { uptr(LINK_TEXT),
					       uptr(ROOT "/etc/new") } },
		  ROOT "/etc/new" },
		{ "linkat", { __NR_linkat, { fdarg(root), uptr("etc/passwd"),
					     fdarg(root), uptr("etc/new") } },
		  ROOT "/etc/new" },
		{ "link", { __NR_link, { uptr(ROOT "/etc/passwd"),
					 uptr(ROOT "/etc/new") } },
		  ROOT "/etc/new" },
		{ "unlinkat", { __NR_unlinkat, { fdarg(root),
						 uptr("etc/victim") } },
		  NULL, ROOT "/etc/victim" },
		{ "unlink", { __NR_unlink, { uptr(ROOT "/etc/victim") } },
		  NULL, ROOT "/etc/victim" },
		{ "unlinkat(AT_REMOVEDIR)",
		  { __NR_unlinkat, { fdarg(root), uptr("victimdir"),
				     AT_REMOVEDIR } },
		  NULL, ROOT "/victimdir" },
		{ "rmdir", { __NR_rmdir, { uptr(ROOT "/victimdir") } },
		  NULL, ROOT "/victimdir" },
		{ "renameat2", { __NR_renameat2, { fdarg(root),
						   uptr("etc/victim"),
						   fdarg(root),
						   uptr("etc/new") } },
		  ROOT "/etc/new", ROOT "/etc/victim" },
		{ "rename", { __NR_rename, { uptr(ROOT "/etc/victim"),
					     uptr(ROOT "/etc/new") } },
		  ROOT "/etc/new", ROOT "/etc/victim" },
	};
	struct indirect_params p = {};
	struct stat st;
	size_t i, r;

	ASSERT_EQ(0, mknodat(root, "etc/victim", S_IFREG | 0600, 0));
	ASSERT_EQ(0, mkdirat(root, "victimdir", 0755));
	for (i = 0; i < ARRAY_SIZE(calls); i++) {
		for (r = 0; r < ARRAY_SIZE(cached_resolves); r++) {
			p.resolve = cached_resolves[r];
			EXPECT_EQ(-1, sys_indirect(&calls[i].r, &p, sizeof(p),
						   0))
				TH_LOG("%s ran", calls[i].name);
			EXPECT_EQ(EAGAIN, errno) TH_LOG("%s", calls[i].name);
			if (calls[i].made)
				ASSERT_ABSENT(calls[i].made);
			if (calls[i].kept)
				ASSERT_EQ(0, lstat(calls[i].kept, &st))
					TH_LOG("%s removed it", calls[i].name);
		}
	}
}

/*
 * creat() always creates or truncates: RESOLVE_CACHED is EAGAIN before it
 * runs, so a seccomp filter never sees it. open() and openat() honour
 * RESOLVE_CACHED, and fail as openat2() does, with EAGAIN from the call,
 * after the filter, for O_CREAT, O_TRUNC and O_TMPFILE.
 */
static int cached_open_child(__u64 filtered, const struct indirect_registers *r,
			     int want_cached, int want_plain)
{
	struct indirect_params p = { .resolve = RESOLVE_CACHED };

	if (filter_call(filtered, 0, SECCOMP_RET_ERRNO | EPERM, 0))
		return 10;
	if (sys_indirect(r, &p, sizeof(p), 0) != -1 || errno != want_cached)
		return 11;
	p.resolve = 0;
	if (sys_indirect(r, &p, sizeof(p), 0) != -1 || errno != want_plain)
		return 12;
	return 0;
}

TEST_F(resolve, cached_open_creates_or_truncates)
{
	const int root = self->t.root;
	const struct {
		const char *name;
		struct indirect_registers r;
	} calls[] = {
		{ "creat existing", { __NR_creat, { uptr(ROOT "/etc/data"),
						    0600 } } },
		{ "creat new", { __NR_creat, { uptr(ROOT "/etc/new"), 0600 } } },
		{ "open O_TRUNC", { __NR_open, { uptr(ROOT "/etc/data"),
						 O_WRONLY | O_TRUNC } } },
		{ "openat O_TRUNC", { __NR_openat, { fdarg(root),
						     uptr("etc/data"),
						     O_WRONLY | O_TRUNC } } },
		{ "open O_TMPFILE", { __NR_open, { uptr(ROOT "/etc"),
						   O_TMPFILE | O_WRONLY,
						   0600 } } },
		{ "openat O_TMPFILE", { __NR_openat, { fdarg(root),
						       uptr("etc"),
						       O_TMPFILE | O_WRONLY,
						       0600 } } },
		{ "openat O_CREAT", { __NR_openat, { fdarg(root),
						     uptr("etc/new"),
						     O_CREAT | O_WRONLY,
						     0600 } } },
	};
	const struct indirect_registers plain = {
		__NR_openat, { fdarg(root), uptr("etc/data"), O_RDONLY }
	};
	struct indirect_params p = {};
	int fds = nr_fds(_metadata), fd, status;
	struct stat st;
	size_t i, r;
	pid_t pid;

	fd = openat(root, "etc/data", O_CREAT | O_WRONLY | O_CLOEXEC, 0600);
	ASSERT_LE(0, fd);
	ASSERT_EQ(4, write(fd, "data", 4));
	ASSERT_EQ(0, close(fd));
	for (i = 0; i < ARRAY_SIZE(calls); i++) {
		for (r = 0; r < ARRAY_SIZE(cached_resolves); r++) {
			p.resolve = cached_resolves[r];
			EXPECT_EQ(-1, sys_indirect(&calls[i].r, &p, sizeof(p),
						   0))
				TH_LOG("%s ran", calls[i].name);
			EXPECT_EQ(EAGAIN, errno) TH_LOG("%s", calls[i].name);
			ASSERT_EQ(0, stat(ROOT "/etc/data", &st));
			EXPECT_EQ(4, st.st_size)
				TH_LOG("%s truncated", calls[i].name);
			ASSERT_ABSENT(ROOT "/etc/new");
			EXPECT_EQ(fds, nr_fds(_metadata))
				TH_LOG("%s: descriptor left", calls[i].name);
		}
	}
	/* What is claimed works: a lookup that neither creates nor truncates */
	p.resolve = RESOLVE_CACHED;
	fd = sys_indirect(&plain, &p, sizeof(p), 0);
	EXPECT_LE(0, fd) TH_LOG("openat RESOLVE_CACHED: %s", strerror(errno));
	if (fd >= 0)
		close(fd);

	/*
	 * A filter that refuses the call: creat() never reaches it with
	 * RESOLVE_CACHED, open(O_TRUNC) does.
	 */
	for (i = 0; i < 2; i++) {
		pid = fork();
		ASSERT_LE(0, pid);
		if (!pid)
			_exit(i ? cached_open_child(__NR_open, &calls[2].r,
						    EPERM, EPERM) :
				  cached_open_child(__NR_creat, &calls[0].r,
						    EAGAIN, EPERM));
		ASSERT_EQ(pid, waitpid(pid, &status, 0));
		EXPECT_TRUE(WIFEXITED(status) && !WEXITSTATUS(status))
			TH_LOG("%s under a filter: status %#x",
			       calls[i ? 2 : 0].name, status);
	}
	ASSERT_EQ(0, stat(ROOT "/etc/data", &st));
	EXPECT_EQ(4, st.st_size);
}

/*
 * A call that creates no descriptor honours no file flag, with or
 * without resolve; openat() honours both together.
 */
TEST_F(resolve, file_flags_with_resolve)
{
	struct indirect_params p = {
		.file_flags = INDIRECT_FD_CLOEXEC,
		.resolve = RESOLVE_BENEATH,
	};
	const int root = self->t.root;
	int fds = nr_fds(_metadata);
	struct stat st, fst;
	long fd;

	ASSERT_EQ(-1, mkdirat_with(root, "etc/new", &p, sizeof(p)));
	ASSERT_EQ(EINVAL, errno);
	ASSERT_ABSENT(ROOT "/etc/new");
	p.resolve = 0;
	ASSERT_EQ(-1, mkdirat_with(root, "etc/new", &p, sizeof(p)));
	ASSERT_EQ(EINVAL, errno);
	ASSERT_ABSENT(ROOT "/etc/new");

	ASSERT_EQ(0, stat(ROOT "/etc/passwd", &st));
	p.resolve = RESOLVE_BENEATH;
	fd = openat_with(root, "etc/passwd", &p, sizeof(p));
	ASSERT_EQ(INDIRECT_FD_CLOEXEC, fd_flags(fd));
	ASSERT_EQ(0, fstat(fd, &fst));
	ASSERT_TRUE(same_file(&st, &fst));
	ASSERT_EQ(0, close(fd));
	ASSERT_EQ(-1, openat_with(root, "/etc/passwd", &p, sizeof(p)));
	ASSERT_EQ(EXDEV, errno);

	p.file_flags = INDIRECT_FD_NONBLOCK;
	p.resolve = RESOLVE_IN_ROOT;
	fd = openat_with(root, "/etc/passwd", &p, sizeof(p));
	ASSERT_EQ(INDIRECT_FD_NONBLOCK, fd_flags(fd));
	ASSERT_EQ(0, fstat(fd, &fst));
	ASSERT_TRUE(same_file(&st, &fst));
	ASSERT_EQ(0, close(fd));
	ASSERT_EQ(fds, nr_fds(_metadata));
}

/*
 * Size 16 | CHECK_FIELDS: the resolve bits the named call honours; the
 * call does not run, and nothing past the size asked is written.
 */
TEST(check_fields_resolve)
{
	const struct {
		const char *name;
		__u64 nr;
		__u64 file_flags;
		__u64 resolve;
	} calls[] = {
		{ "statx", __NR_statx, 0, RESOLVE_ALL },
		{ "openat", __NR_openat, FD_BOTH, RESOLVE_ALL },
		{ "mkdirat", __NR_mkdirat, 0, RESOLVE_ALL & ~RESOLVE_CACHED },
		{ "renameat2", __NR_renameat2, 0,
		  RESOLVE_ALL & ~RESOLVE_CACHED },
		{ "socket", __NR_socket, FD_BOTH, 0 },
	};
	struct indirect_params p;
	__u64 buf[3];
	size_t i;

	for (i = 0; i < ARRAY_SIZE(calls); i++) {
		struct indirect_registers r = { .nr = calls[i].nr };

		memset(buf, 0xa5, sizeof(buf));
		EXPECT_EQ(-1, sys_indirect(&r, buf, sizeof(p) | CHECK_FIELDS,
					   0))
			TH_LOG("%s", calls[i].name);
		EXPECT_EQ(EEXTSYS_NOOP, errno) TH_LOG("%s", calls[i].name);
		memcpy(&p, buf, sizeof(p));
		EXPECT_EQ(calls[i].file_flags, p.file_flags)
			TH_LOG("%s", calls[i].name);
		EXPECT_EQ(calls[i].resolve, p.resolve)
			TH_LOG("%s", calls[i].name);
		EXPECT_EQ(0xa5a5a5a5a5a5a5a5ULL, buf[2])
			TH_LOG("%s", calls[i].name);

		/* The first version's size: no resolve written */
		memset(buf, 0xa5, sizeof(buf));
		EXPECT_EQ(-1, sys_indirect(&r, buf, INDIRECT_PARAMS_SIZE_VER0 |
					   CHECK_FIELDS, 0));
		EXPECT_EQ(EEXTSYS_NOOP, errno) TH_LOG("%s", calls[i].name);
		EXPECT_EQ(calls[i].file_flags, buf[0])
			TH_LOG("%s", calls[i].name);
		EXPECT_EQ(0xa5a5a5a5a5a5a5a5ULL, buf[1])
			TH_LOG("%s", calls[i].name);
	}
	/* No call: what some call of the list honours */
	memset(buf, 0xa5, sizeof(buf));
	EXPECT_EQ(-1, sys_indirect(NULL, buf, sizeof(p) | CHECK_FIELDS, 0));
	EXPECT_EQ(EEXTSYS_NOOP, errno);
	memcpy(&p, buf, sizeof(p));
	EXPECT_EQ(RESOLVE_ALL, p.resolve);
}

/*
 * What the flags are for. "abs", planted inside the root, names a
 * directory outside it by an absolute path. mkdirat(root, "abs/newdir")
 * creates outside; through indirect() with RESOLVE_IN_ROOT, "abs" is read
 * as the root's own <target>, and newdir is created there, inside; with
 * RESOLVE_BENEATH it is refused.
 */
TEST_F(resolve, demo_in_root_mkdirat)
{
	static const char *const inside[] = {
		ROOT "/tmp", ROOT TREE, ROOT OUTSIDE,
	};
	const int root = self->t.root;
	struct stat st;
	size_t i;

	ASSERT_EQ(0, mkdir(OUTSIDE, 0755));
	ASSERT_EQ(0, symlinkat(OUTSIDE, root, "abs"));
	for (i = 0; i < ARRAY_SIZE(inside); i++)
		ASSERT_EQ(0, mkdir(inside[i], 0755));

	ASSERT_EQ(0, mkdirat(root, "abs/newdir", 0755));
	ASSERT_EQ(0, stat(OUTSIDE "/newdir", &st));
	ASSERT_EQ(0, rmdir(OUTSIDE "/newdir"));

	ASSERT_EQ(0, ind(RESOLVE_IN_ROOT, __NR_mkdirat, fdarg(root),
			 uptr("abs/newdir"), 0755, 0, 0));
	ASSERT_EQ(0, stat(ROOT OUTSIDE "/newdir", &st));
	ASSERT_TRUE(S_ISDIR(st.st_mode));
	ASSERT_ABSENT(OUTSIDE "/newdir");
	ASSERT_EQ(0, rmdir(ROOT OUTSIDE "/newdir"));

	ASSERT_EQ(-1, ind(RESOLVE_BENEATH, __NR_mkdirat, fdarg(root),
			  uptr("abs/newdir"), 0755, 0, 0));
	ASSERT_EQ(EXDEV, errno);
	ASSERT_ABSENT(OUTSIDE "/newdir");
	ASSERT_ABSENT(ROOT OUTSIDE "/newdir");
}

TEST_HARNESS_MAIN
