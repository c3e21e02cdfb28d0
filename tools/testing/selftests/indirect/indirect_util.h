/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the indirect() tests share: the call itself, the white list as the
 * ABI this program is built for (-m64, -m32 or -mx32) numbers it, and the
 * arguments that make each listed call succeed.
 */
#ifndef INDIRECT_UTIL_H
#define INDIRECT_UTIL_H

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/inotify.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <sys/xattr.h>
#include <sys/prctl.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/indirect.h>
#include <linux/net.h>
#include <linux/openat2.h>
#include <linux/seccomp.h>

#include "../kselftest_harness.h"

#ifndef __NR_indirect
#error "__NR_indirect is not defined: build against the kernel's headers"
#endif

#ifndef __X32_SYSCALL_BIT
#define __X32_SYSCALL_BIT 0x40000000
#endif

#if defined(__i386__)
#define ABI_NAME	"i386"
#define ABI_ARCH	AUDIT_ARCH_I386
#define ABI_NR_BASE	0
#define ABI_FOREIGN_SOCKET (__X32_SYSCALL_BIT | __NR_socket)
#elif defined(__x86_64__) && defined(__ILP32__)
#define ABI_NAME	"x32"
#define ABI_ARCH	AUDIT_ARCH_X86_64
/* x32 numbers carry the x32 bit; without it, they name native calls. */
#define ABI_NR_BASE	__X32_SYSCALL_BIT
#define ABI_FOREIGN_SOCKET (__NR_socket & ~__X32_SYSCALL_BIT)
#elif defined(__x86_64__)
#define ABI_NAME	"x86_64"
#define ABI_ARCH	AUDIT_ARCH_X86_64
#define ABI_NR_BASE	0
#define ABI_FOREIGN_SOCKET (__X32_SYSCALL_BIT | __NR_socket)
#else
#error "indirect() is implemented on x86 only"
#endif

#define FD_BOTH (INDIRECT_FD_CLOEXEC | INDIRECT_FD_NONBLOCK)

/* The RESOLVE_* bits a path call honours; see include/linux/indirect.h. */
#define PATH_LOOKUP (RESOLVE_NO_XDEV | RESOLVE_NO_MAGICLINKS | \
		     RESOLVE_NO_SYMLINKS | RESOLVE_BENEATH | RESOLVE_IN_ROOT | \
		     RESOLVE_CACHED)
/* A call that creates, removes or renames: RESOLVE_CACHED is EAGAIN. */
#define PATH_CHANGE (PATH_LOOKUP & ~RESOLVE_CACHED)

/* fd_flags() of a descriptor that is not open */
#define NOT_OPEN (~0ULL)

static inline long sys_indirect(const struct indirect_registers *r,
				const void *p, size_t size, unsigned long flags)
{
	return syscall(__NR_indirect, r, p, size, flags);
}

/* A user pointer as indirect_registers carries it. */
static inline __u64 uptr(const void *p)
{
	return (uintptr_t)p;
}

/* The INDIRECT_FD_* state of @fd, or NOT_OPEN. */
static inline __u64 fd_flags(long fd)
{
	int fdflags, flflags;
	__u64 ff = 0;

	if (fd < 0)
		return NOT_OPEN;
	fdflags = fcntl(fd, F_GETFD);
	flflags = fcntl(fd, F_GETFL);
	if (fdflags < 0 || flflags < 0)
		return NOT_OPEN;
	if (fdflags & FD_CLOEXEC)
		ff |= INDIRECT_FD_CLOEXEC;
	if (flflags & O_NONBLOCK)
		ff |= INDIRECT_FD_NONBLOCK;
	return ff;
}

/* Counts this process's descriptors: a refusal must not change it. */
static inline int nr_fds(struct __test_metadata *_metadata)
{
	struct dirent *de;
	DIR *dir;
	int n = 0;

	dir = opendir("/proc/self/fd");
	ASSERT_TRUE(!!dir);
	while ((de = readdir(dir)))
		n += de->d_name[0] != '.';
	closedir(dir);
	return n;
}

/* A listening AF_UNIX stream socket; its address in @addr if asked. */
static inline int unix_listener(struct __test_metadata *_metadata,
				int type_flags, struct sockaddr_un *addr,
				socklen_t *len)
{
	struct sockaddr_un sun = { .sun_family = AF_UNIX };
	int fd = socket(AF_UNIX, SOCK_STREAM | type_flags, 0);

	ASSERT_LE(0, fd);
	/* The family alone: the kernel picks a free abstract name. */
	ASSERT_EQ(0, bind(fd, (struct sockaddr *)&sun, sizeof(sa_family_t)));
	ASSERT_EQ(0, listen(fd, 8));
	if (addr) {
		*len = sizeof(*addr);
		ASSERT_EQ(0, getsockname(fd, (struct sockaddr *)addr, len));
	}
	return fd;
}

/*
 * The white list in this ABI. i386 has no accept() of its own but reaches
 * it, like socket() and socketpair(), through socketcall(): there, @op is
 * the operation, which indirect() reads from args[0]. @honours: the file
 * flags the call applies (a call that honours none creates no descriptor);
 * @resolve: the RESOLVE_* bits it applies to its paths.
 */
struct listed_call {
	const char *name;
	__u64 nr;
	__u32 op;
	__u64 honours;
	__u64 resolve;
};

#define FD_CALL(name, honours) { #name, __NR_##name, 0, honours, 0 }
#define OPEN_CALL(name) { #name, __NR_##name, 0, FD_BOTH, PATH_LOOKUP }
/* creat() always creates or truncates: as a call that changes a name */
#define CREAT_CALL(name) { #name, __NR_##name, 0, FD_BOTH, PATH_CHANGE }
#define LOOKUP_CALL(name) { #name, __NR_##name, 0, 0, PATH_LOOKUP }
#define CHANGE_CALL(name) { #name, __NR_##name, 0, 0, PATH_CHANGE }

static const struct listed_call white_list[] = {
	FD_CALL(socket, FD_BOTH),
	FD_CALL(socketpair, FD_BOTH),
#ifdef __NR_accept
	FD_CALL(accept, FD_BOTH),
#endif
	FD_CALL(eventfd, FD_BOTH),
	FD_CALL(signalfd, FD_BOTH),
	FD_CALL(timerfd_create, FD_BOTH),
	FD_CALL(epoll_create, INDIRECT_FD_CLOEXEC),
	FD_CALL(pipe, FD_BOTH),
	FD_CALL(inotify_init, FD_BOTH),
	FD_CALL(dup, INDIRECT_FD_CLOEXEC),
#ifdef __NR_socketcall
	{ "socketcall(SYS_SOCKET)", __NR_socketcall, SYS_SOCKET, FD_BOTH },
	{ "socketcall(SYS_SOCKETPAIR)", __NR_socketcall, SYS_SOCKETPAIR,
	  FD_BOTH },
	{ "socketcall(SYS_ACCEPT)", __NR_socketcall, SYS_ACCEPT, FD_BOTH },
#endif
	OPEN_CALL(open),
	OPEN_CALL(openat),
	CREAT_CALL(creat),
	CHANGE_CALL(mknod),
	CHANGE_CALL(mknodat),
	CHANGE_CALL(mkdir),
	CHANGE_CALL(mkdirat),
	CHANGE_CALL(rmdir),
	CHANGE_CALL(unlink),
	CHANGE_CALL(unlinkat),
	CHANGE_CALL(rename),
	CHANGE_CALL(renameat),
	CHANGE_CALL(renameat2),
	CHANGE_CALL(link),
	CHANGE_CALL(linkat),
	CHANGE_CALL(symlink),
	CHANGE_CALL(symlinkat),
	LOOKUP_CALL(readlink),
	LOOKUP_CALL(readlinkat),
	LOOKUP_CALL(chmod),
	LOOKUP_CALL(fchmodat),
	LOOKUP_CALL(fchmodat2),
	LOOKUP_CALL(chown),
	LOOKUP_CALL(lchown),
	LOOKUP_CALL(fchownat),
	LOOKUP_CALL(access),
	LOOKUP_CALL(faccessat),
	LOOKUP_CALL(faccessat2),
	LOOKUP_CALL(stat),
	LOOKUP_CALL(lstat),
#ifdef __NR_newfstatat
	LOOKUP_CALL(newfstatat),
#endif
	LOOKUP_CALL(statx),
	LOOKUP_CALL(utime),
	LOOKUP_CALL(utimes),
	LOOKUP_CALL(futimesat),
	LOOKUP_CALL(utimensat),
	LOOKUP_CALL(truncate),
	LOOKUP_CALL(chdir),
	LOOKUP_CALL(getxattr),
	LOOKUP_CALL(lgetxattr),
	LOOKUP_CALL(setxattr),
	LOOKUP_CALL(lsetxattr),
	LOOKUP_CALL(listxattr),
	LOOKUP_CALL(llistxattr),
	LOOKUP_CALL(removexattr),
	LOOKUP_CALL(lremovexattr),
	LOOKUP_CALL(statfs),
	LOOKUP_CALL(inotify_add_watch),
	LOOKUP_CALL(name_to_handle_at),
#ifdef __i386__
	/* The i386 table's own versions of the same operations */
	LOOKUP_CALL(oldstat),
	LOOKUP_CALL(oldlstat),
	LOOKUP_CALL(stat64),
	LOOKUP_CALL(lstat64),
	LOOKUP_CALL(fstatat64),
	LOOKUP_CALL(chown32),
	LOOKUP_CALL(lchown32),
	LOOKUP_CALL(truncate64),
	LOOKUP_CALL(statfs64),
	LOOKUP_CALL(utimensat_time64),
#endif
};

#define WHITE_LIST_SIZE ARRAY_SIZE(white_list)

/* Is @nr (with socketcall() operation @op) white-listed? */
static inline const struct listed_call *listed(__u64 nr, __u64 op)
{
	size_t i;

	for (i = 0; i < WHITE_LIST_SIZE; i++) {
#ifdef __NR_socketcall
		if (nr == __NR_socketcall && (__u32)op != white_list[i].op)
			continue;
#endif
		if (white_list[i].nr == nr)
			return &white_list[i];
	}
	return NULL;
}

/* Does @call create a descriptor, which it returns unless in a pair? */
static inline bool consumer_makes_fd(const struct listed_call *call)
{
	return call->honours;
}

/* What the white-listed calls need to succeed. */
struct consumers {
	int listener;	/* non-blocking, no connection pending */
	int plain;	/* a socket without flags, for dup() */
	int pair[2];	/* filled by socketpair() and pipe() */
	__u64 sigmask;	/* the kernel's sigset_t */
	__u32 sc_args[4];	/* socketcall()'s arguments, 32 bits each */
	/* The path calls work in a directory of their own. */
	int dir;
	int inotify;
	char root[32];
	char path[2][64];	/* absolute names, for calls with no dirfd */
	__u64 out[64];		/* what stat(), readlink() ... write */
	struct {
		__u32 handle_bytes;
		__s32 handle_type;
		unsigned char f_handle[128];
	} handle;
	int mount_id;
};

/*
 * The directory of the path calls: "file" (empty, with the xattr
 * "user.indirect"), "link" (a symlink to it) and names of each call's own
 * for what it creates, removes or renames.
 */
static inline void consumers_init(struct __test_metadata *_metadata,
				  struct consumers *c)
{
	int fd;

	memset(c, 0, sizeof(*c));
	c->listener = unix_listener(_metadata, SOCK_NONBLOCK, NULL, NULL);
	c->plain = socket(AF_UNIX, SOCK_STREAM, 0);
	ASSERT_LE(0, c->plain);
	c->sigmask = 1ULL << (SIGUSR1 - 1);

	snprintf(c->root, sizeof(c->root), "/tmp/indirect-XXXXXX");
	ASSERT_TRUE(!!mkdtemp(c->root));
	c->dir = open(c->root, O_PATH | O_DIRECTORY | O_CLOEXEC);
	ASSERT_LE(0, c->dir);
	fd = openat(c->dir, "file", O_CREAT | O_WRONLY | O_CLOEXEC, 0600);
	ASSERT_LE(0, fd);
	ASSERT_EQ(0, close(fd));
	ASSERT_EQ(0, symlinkat("file", c->dir, "link"));
	snprintf(c->path[0], sizeof(c->path[0]), "%s/file", c->root);
	ASSERT_EQ(0, setxattr(c->path[0], "user.indirect", "v", 1, 0))
		TH_LOG("user xattrs on /tmp: CONFIG_TMPFS_XATTR");
	c->inotify = inotify_init1(IN_CLOEXEC);
	ASSERT_LE(0, c->inotify);
}

/* @name in the calls' directory: absolute, in c->path[@i]. */
static inline __u64 consumer_path(struct consumers *c, int i,
				  const char *name)
{
	snprintf(c->path[i], sizeof(c->path[i]), "%s/%s", c->root, name);
	return uptr(c->path[i]);
}

/* Makes @name a new empty file, or removes it (and returns it). */
static inline __u64 consumer_file(struct consumers *c, const char *name,
				  bool exists)
{
	int fd;

	unlinkat(c->dir, name, 0);
	if (exists) {
		fd = openat(c->dir, name, O_CREAT | O_WRONLY | O_CLOEXEC, 0600);
		if (fd >= 0)
			close(fd);
	}
	return uptr(name);
}

/* Makes @name an empty directory, or removes it (and returns it). */
static inline __u64 consumer_dir(struct consumers *c, const char *name,
				 bool exists)
{
	unlinkat(c->dir, name, AT_REMOVEDIR);
	if (exists)
		mkdirat(c->dir, name, 0700);
	return uptr(name);
}

/*
 * Arguments that make a path call succeed, in the calls' directory; what
 * it creates is removed first, and what it removes or renames created.
 */
static inline void consumer_path_regs(struct consumers *c, __u64 nr,
				      struct indirect_registers *r)
{
	const __u64 none = (__u32)-1;	/* chown()'s "no change", any width */
	__u64 *a = r->args;

	switch (nr) {
	case __NR_open:
		a[0] = consumer_path(c, 0, "file");
		a[1] = O_RDONLY;
		break;
	case __NR_openat:
		a[0] = c->dir;
		a[1] = uptr("file");
		a[2] = O_RDONLY;
		break;
	case __NR_creat:
		consumer_file(c, "creat.new", false);
		a[0] = consumer_path(c, 0, "creat.new");
		a[1] = 0600;
		break;
	case __NR_mknod:
		consumer_file(c, "mknod.new", false);
		a[0] = consumer_path(c, 0, "mknod.new");
		a[1] = S_IFREG | 0600;
		break;
	case __NR_mknodat:
		a[0] = c->dir;
		a[1] = consumer_file(c, "mknodat.new", false);
		a[2] = S_IFREG | 0600;
		break;
	case __NR_mkdir:
		consumer_dir(c, "mkdir.new", false);
		a[0] = consumer_path(c, 0, "mkdir.new");
		a[1] = 0700;
		break;
	case __NR_mkdirat:
		a[0] = c->dir;
		a[1] = consumer_dir(c, "mkdirat.new", false);
		a[2] = 0700;
		break;
	case __NR_rmdir:
		consumer_dir(c, "rmdir.old", true);
		a[0] = consumer_path(c, 0, "rmdir.old");
		break;
	case __NR_unlink:
		consumer_file(c, "unlink.old", true);
		a[0] = consumer_path(c, 0, "unlink.old");
		break;
	case __NR_unlinkat:
		a[0] = c->dir;
		a[1] = consumer_file(c, "unlinkat.old", true);
		break;
	case __NR_rename:
		consumer_file(c, "rename.old", true);
		consumer_file(c, "rename.new", false);
		a[0] = consumer_path(c, 0, "rename.old");
		a[1] = consumer_path(c, 1, "rename.new");
		break;
	case __NR_renameat:
	case __NR_renameat2:
		a[0] = c->dir;
		a[1] = consumer_file(c, "renameat.old", true);
		a[2] = c->dir;
		a[3] = consumer_file(c, "renameat.new", false);
		break;
	case __NR_link:
		consumer_file(c, "link.new", false);
		a[0] = consumer_path(c, 0, "file");
		a[1] = consumer_path(c, 1, "link.new");
		break;
	case __NR_linkat:
		a[0] = c->dir;
		a[1] = uptr("file");
		a[2] = c->dir;
		a[3] = consumer_file(c, "linkat.new", false);
		break;
	case __NR_symlink:
		consumer_file(c, "symlink.new", false);
		a[0] = uptr("file");
		a[1] = consumer_path(c, 0, "symlink.new");
		break;
	case __NR_symlinkat:
		a[0] = uptr("file");
		a[1] = c->dir;
		a[2] = consumer_file(c, "symlinkat.new", false);
		break;
	case __NR_readlink:
		a[0] = consumer_path(c, 0, "link");
		a[1] = uptr(c->out);
		a[2] = sizeof(c->out);
		break;
	case __NR_readlinkat:
		a[0] = c->dir;
		a[1] = uptr("link");
		a[2] = uptr(c->out);
		a[3] = sizeof(c->out);
		break;
	case __NR_chmod:
		a[0] = consumer_path(c, 0, "file");
		a[1] = 0600;
		break;
	case __NR_fchmodat:
	case __NR_fchmodat2:
		a[0] = c->dir;
		a[1] = uptr("file");
		a[2] = 0600;
		break;
	case __NR_chown:
	case __NR_lchown:
#ifdef __i386__
	case __NR_chown32:
	case __NR_lchown32:
#endif
		a[0] = consumer_path(c, 0, "file");
		a[1] = none;
		a[2] = none;
		break;
	case __NR_fchownat:
		a[0] = c->dir;
		a[1] = uptr("file");
		a[2] = none;
		a[3] = none;
		break;
	case __NR_access:
		a[0] = consumer_path(c, 0, "file");
		a[1] = F_OK;
		break;
	case __NR_faccessat:
	case __NR_faccessat2:
		a[0] = c->dir;
		a[1] = uptr("file");
		a[2] = F_OK;
		break;
	case __NR_stat:
	case __NR_lstat:
#ifdef __i386__
	case __NR_oldstat:
	case __NR_oldlstat:
	case __NR_stat64:
	case __NR_lstat64:
#endif
	case __NR_statfs:
		a[0] = consumer_path(c, 0, "file");
		a[1] = uptr(c->out);
		break;
#ifdef __NR_newfstatat
	case __NR_newfstatat:
#endif
#ifdef __NR_fstatat64
	case __NR_fstatat64:
#endif
		a[0] = c->dir;
		a[1] = uptr("file");
		a[2] = uptr(c->out);
		break;
	case __NR_statx:
		a[0] = c->dir;
		a[1] = uptr("file");
		a[3] = STATX_BASIC_STATS;
		a[4] = uptr(c->out);
		break;
	case __NR_utime:
	case __NR_utimes:
	case __NR_truncate:
#ifdef __i386__
	case __NR_truncate64:
#endif
		/* Times NULL: now. Length 0: the file is empty. */
		a[0] = consumer_path(c, 0, "file");
		break;
	case __NR_futimesat:
	case __NR_utimensat:
#ifdef __i386__
	case __NR_utimensat_time64:
#endif
		a[0] = c->dir;
		a[1] = uptr("file");
		break;
	case __NR_chdir:
		a[0] = uptr(c->root);
		break;
	case __NR_getxattr:
	case __NR_lgetxattr:
		a[0] = consumer_path(c, 0, "file");
		a[1] = uptr("user.indirect");
		a[2] = uptr(c->out);
		a[3] = sizeof(c->out);
		break;
	case __NR_setxattr:
	case __NR_lsetxattr:
		a[0] = consumer_path(c, 0, "file");
		a[1] = uptr("user.indirect");
		a[2] = uptr("v");
		a[3] = 1;
		break;
	case __NR_listxattr:
	case __NR_llistxattr:
		a[0] = consumer_path(c, 0, "file");
		a[1] = uptr(c->out);
		a[2] = sizeof(c->out);
		break;
	case __NR_removexattr:
	case __NR_lremovexattr:
		a[0] = consumer_path(c, 0, "file");
		a[1] = uptr("user.old");
		setxattr(c->path[0], "user.old", "v", 1, 0);
		break;
#ifdef __i386__
	case __NR_statfs64:
		a[0] = consumer_path(c, 0, "file");
		a[1] = 84;	/* sizeof(struct statfs64) of i386 */
		a[2] = uptr(c->out);
		break;
#endif
	case __NR_inotify_add_watch:
		a[0] = c->inotify;
		a[1] = consumer_path(c, 0, "file");
		a[2] = IN_MODIFY;
		break;
	case __NR_name_to_handle_at:
		c->handle.handle_bytes = sizeof(c->handle.f_handle);
		a[0] = c->dir;
		a[1] = uptr("file");
		a[2] = uptr(&c->handle);
		a[3] = uptr(&c->mount_id);
		break;
	}
}

/*
 * Fills @r with arguments that make @call succeed: a new descriptor, or,
 * for accept() on the idle listener, EAGAIN, which shows that it ran; a
 * path call acts in the calls' directory.
 */
static inline void consumer_regs(struct consumers *c,
				 const struct listed_call *call,
				 struct indirect_registers *r)
{
	memset(r, 0, sizeof(*r));
	r->nr = call->nr;
	if (call->op) {
		r->args[0] = call->op;
		r->args[1] = uptr(c->sc_args);
		c->sc_args[0] = AF_UNIX;
		c->sc_args[1] = SOCK_STREAM;
		c->sc_args[2] = 0;
		c->sc_args[3] = (uintptr_t)c->pair;
		if (call->op == SYS_ACCEPT) {
			c->sc_args[0] = c->listener;
			c->sc_args[1] = 0;
		}
		return;
	}
	if (call->resolve) {
		consumer_path_regs(c, call->nr, r);
		return;
	}
	switch (call->nr) {
	case __NR_socket:
		r->args[0] = AF_UNIX;
		r->args[1] = SOCK_STREAM;
		break;
	case __NR_socketpair:
		r->args[0] = AF_UNIX;
		r->args[1] = SOCK_STREAM;
		r->args[3] = uptr(c->pair);
		break;
#ifdef __NR_accept
	case __NR_accept:
		r->args[0] = c->listener;
		break;
#endif
	case __NR_dup:
		r->args[0] = c->plain;
		break;
	case __NR_signalfd:
		r->args[0] = -1;
		r->args[1] = uptr(&c->sigmask);
		r->args[2] = sizeof(c->sigmask);
		break;
	case __NR_timerfd_create:
		r->args[0] = CLOCK_MONOTONIC;
		break;
	case __NR_epoll_create:
		r->args[0] = 1;
		break;
	case __NR_pipe:
		r->args[0] = uptr(c->pair);
		break;
	}
}

/* Does @call, given consumer_regs(), fail with EAGAIN when it runs? */
static inline bool consumer_gets_eagain(const struct listed_call *call)
{
#ifdef __NR_accept
	if (call->nr == __NR_accept)
		return true;
#endif
	return call->op == SYS_ACCEPT;
}

/* Does @call, given consumer_regs(), store two descriptors in c->pair? */
static inline bool consumer_makes_pair(const struct listed_call *call)
{
	return call->nr == __NR_pipe || call->nr == __NR_socketpair ||
	       call->op == SYS_SOCKETPAIR;
}

#define ASSERT_PLAIN_CALLS() assert_plain_calls(_metadata, __LINE__)

/*
 * Plain calls of the entry points indirect() uses get neither flag, as if
 * indirect() had never run.
 */
static inline void assert_plain_calls(struct __test_metadata *_metadata,
				      int line)
{
	int pfd[2] = { -1, -1 };
	long fd;

	fd = syscall(__NR_socket, AF_UNIX, SOCK_STREAM, 0);
	ASSERT_EQ(0, fd_flags(fd)) TH_LOG("socket after line %d", line);
	ASSERT_EQ(0, close(fd));
	ASSERT_EQ(0, syscall(__NR_pipe, pfd));
	ASSERT_EQ(0, fd_flags(pfd[0])) TH_LOG("pipe after line %d", line);
	ASSERT_EQ(0, fd_flags(pfd[1])) TH_LOG("pipe after line %d", line);
	ASSERT_EQ(0, close(pfd[0]));
	ASSERT_EQ(0, close(pfd[1]));
	fd = syscall(__NR_eventfd, 0);
	ASSERT_EQ(0, fd_flags(fd)) TH_LOG("eventfd after line %d", line);
	ASSERT_EQ(0, close(fd));
}

/* indirect_exec_probe's path: next to this program. */
static inline void exec_probe_path(struct __test_metadata *_metadata,
				   char path[PATH_MAX])
{
	char exe[PATH_MAX];
	ssize_t len;
	char *dir;

	len = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	ASSERT_LT(0, len);
	exe[len] = '\0';
	dir = strrchr(exe, '/');
	ASSERT_TRUE(!!dir);
	len = snprintf(path, PATH_MAX, "%.*s/indirect_exec_probe",
		       (int)(dir - exe), exe);
	ASSERT_GT(PATH_MAX, len);
	ASSERT_EQ(0, access(path, X_OK));
}

/*
 * Forks and execs the probe at @path with @arg; returns its exit status,
 * or -1 if it did not run or did not exit. Asserts nothing, so that a
 * thread other than the test's may call it.
 */
static inline int run_exec_probe(char *path, char *arg)
{
	char *const argv[] = { path, arg, NULL };
	int status;
	pid_t pid;

	pid = fork();
	if (pid < 0)
		return -1;
	if (!pid) {
		execve(path, argv, environ);
		_exit(127);
	}
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status);
}

/*
 * Pins the calling thread to @cpu and checks that it runs there, so that
 * the two sides of a race run side by side. Asserts nothing, so that any
 * thread may call it; fails if the machine has no CPU @cpu.
 */
static inline bool pin_to_cpu(int cpu)
{
	cpu_set_t set;

	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	return !sched_setaffinity(0, sizeof(set), &set) && sched_getcpu() == cpu;
}

/*
 * How much a stress test does: @name from the environment (the kernel
 * command line passes it to init and so to the tests), else @dflt. Fails
 * the test if the value is not a decimal number or is below @min: a test
 * that makes no rounds, or too few to hit its window, proves nothing.
 */
static inline unsigned long count_from_env(struct __test_metadata *_metadata,
					   const char *name,
					   unsigned long dflt,
					   unsigned long min)
{
	const char *env = getenv(name);
	unsigned long n = dflt;
	char *end = NULL;

	if (env) {
		bool is_count;

		errno = 0;
		n = strtoul(env, &end, 10);
		/* strtoul() takes "", " 1" and "-1" (ULONG_MAX) too. */
		is_count = *env >= '0' && *env <= '9' && !*end && !errno;
		ASSERT_TRUE(is_count)
			TH_LOG("%s=\"%s\" is not a count", name, env);
	}
	ASSERT_LE(min, n) TH_LOG("%s: %lu is below this test's minimum %lu",
				 name, n, min);
	return n;
}

/*
 * The line harness/results checks a stress or fault test's counts by,
 * against minimums it keeps per boot:
 *
 *	counts: PROGRAM.CASE: key=N key=N ...
 *
 * PROGRAM is this program's name, with its ABI's suffix (_32, _x32), and
 * CASE the name that the harness's "ok N CASE" line gives this test
 * (fixture.variant.test, fixture.test without variants). @variant is the
 * test's own: the variant it names is found by it. Printed and flushed
 * before anything can fail, since a failed assertion ends the test.
 */
static inline __printf(3, 4) void
print_counts(struct __test_metadata *_metadata, const void *variant,
	     const char *fmt, ...)
{
	const struct __fixture_variant_metadata *v;
	const char *vname = "";
	char buf[512];
	va_list ap;

	for (v = _metadata->fixture->variant; v; v = v->next)
		if (v->data == variant)
			vname = v->name;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	ksft_print_msg("counts: %s.%s%s%s.%s: %s\n",
		       program_invocation_short_name, _metadata->fixture->name,
		       *vname ? "." : "", vname, _metadata->name, buf);
	fflush(stdout);
}

/* Seconds since @start (CLOCK_MONOTONIC), for the stress tests' logs. */
static inline double seconds_since(const struct timespec *start)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return now.tv_sec - start->tv_sec +
	       (now.tv_nsec - start->tv_nsec) / 1e9;
}

/* The two sides of a race need a CPU each. */
static inline void assert_two_cpus(struct __test_metadata *_metadata)
{
	ASSERT_LE(2, sysconf(_SC_NPROCESSORS_ONLN))
		TH_LOG("a race needs two CPUs online: boot with -smp 2");
}

static inline int seccomp(unsigned int op, unsigned int flags, void *args)
{
	return syscall(__NR_seccomp, op, flags, args);
}

/*
 * Installs a filter that returns @action for system call @nr of this ABI,
 * only with @op in the low half of args[0] if @op is not 0 (socketcall()),
 * and ALLOW for everything else. Returns what seccomp() returns.
 */
static inline int filter_call(__u64 nr, __u32 op, __u32 action,
			      unsigned int flags)
{
	struct sock_filter insns[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
			 offsetof(struct seccomp_data, arch)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, ABI_ARCH, 0, 4),
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
			 offsetof(struct seccomp_data, nr)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, nr, 0, 2),
		/* little endian: the low half of args[0] comes first */
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
			 offsetof(struct seccomp_data, args[0])),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, op, 1, 0),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
		BPF_STMT(BPF_RET | BPF_K, action),
	};
	struct sock_fprog prog = {
		.len = ARRAY_SIZE(insns),
		.filter = insns,
	};

	if (!op) {
		/* Match on the number alone: skip the args[0] check. */
		insns[4] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K,
							action);
	}
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0))
		return -1;
	return seccomp(SECCOMP_SET_MODE_FILTER, flags, &prog);
}

/*
 * The descriptors open in this process, read from @fd_dir, an open
 * /proc/self/fd: it opens nothing, so that a filter on open() or openat()
 * does not stop it. -1 if it cannot tell.
 */
static inline int count_fds(int fd_dir)
{
	char buf[4096];
	int n = 0;
	long len, i;

	if (fd_dir < 0 || lseek(fd_dir, 0, SEEK_SET))
		return -1;
	while ((len = syscall(__NR_getdents64, fd_dir, buf, sizeof(buf))) > 0) {
		for (i = 0; i < len;) {
			struct dirent64 *d = (struct dirent64 *)(buf + i);

			n += d->d_name[0] != '.';
			i += d->d_reclen;
		}
	}
	return len ? -1 : n;
}

#endif /* INDIRECT_UTIL_H */
