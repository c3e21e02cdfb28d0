// SPDX-License-Identifier: GPL-2.0
/*
 * Instructions per system call, through indirect() and without it.
 *
 * Under qemu -icount shift=0,sleep=off one guest nanosecond is one guest
 * instruction, and the guest's TSC counts nanoseconds: rdtsc around a loop
 * counts every instruction of it, in user space and in the kernel. Each
 * case runs in batches of about BATCH_INSNS instructions; the smallest
 * batch gives the count per iteration, which leaves out the batches a
 * timer tick fell into. Without -icount the counts are TSC cycles and mean
 * little.
 *
 *	indirect_bench [-q] [PREFIX...]
 *
 * runs the cases whose name starts with one of the PREFIXes (all without
 * one) and prints "bench: NAME COUNT" for each, "bench: NAME skipped WHY"
 * for a case this kernel cannot run (no indirect() on the =n kernel and on
 * the base). -q runs fewer batches. harness/bench makes the tables and
 * checks the targets.
 *
 * Before it measures a case, it checks once that the case does what it is
 * measured for: that each descriptor it creates has FD_CLOEXEC and
 * O_NONBLOCK as requested, and that a RESOLVE_IN_ROOT lookup stays in the
 * root. A check that fails prints "bench: NAME failed: WHY" (and the exit
 * status is 1): harness/bench-report fails that row.
 *
 *	indirect_bench -p NAME ITERATIONS
 *
 * runs case NAME (of the unfiltered ones) ITERATIONS times between two
 * marker functions, for harness/profile, which counts the instructions of
 * each kernel and user function in between.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
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
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <linux/check_fields.h>
#include <linux/filter.h>
#include <linux/indirect.h>
#include <linux/iommufd.h>
#include <linux/landlock.h>
#include <linux/mount.h>
#include <linux/openat2.h>
#include <linux/perf_event.h>
#include <linux/sched.h>
#include <linux/sched/types.h>
#include <linux/seccomp.h>
#include <linux/stat.h>
#include <linux/user_events.h>

#include "../kselftest.h"
#include "../../../../drivers/iommu/iommufd/iommufd_test.h"

#ifndef __NR_indirect
#error "__NR_indirect is not defined: build against the kernel's headers"
#endif

#define BATCH_INSNS	1000000UL
#define BATCHES		7
#define QUICK_BATCHES	3
/* Short batches, many pairs: most pairs see no tick (-q too). */
#define PAIR_INSNS	100000UL
#define PAIRS		101

#define ROOT		"/tmp/indirect-bench"
#define MAX_DEPTH	16
#define FD_BOTH		(INDIRECT_FD_CLOEXEC | INDIRECT_FD_NONBLOCK)

static unsigned int batches = BATCHES;
static unsigned long batch_insns = BATCH_INSNS;

/* Set up once by main(). */
static int root_fd = -1, zero_fd = -1, listener = -1, dup_target = -1;
/* A seccomp listener whose filter's task is gone, and user_events' file */
static int notify_fd = -1, user_events_fd = -1, iommufd = -1;
/* A nested HWPT of the mock driver (CONFIG_IOMMUFD_TEST). */
static __u32 mock_nested_hwpt;
static __u64 tmp_mnt_id;
static __u32 user_events_enabled;
static struct sockaddr_un listen_addr;
static sigset_t sigmask;
/* dirs[d]: d directories below the root, "d1/d2/.../dd" */
static char dirs[MAX_DEPTH + 1][4 * MAX_DEPTH];
/* The name a path case acts on at depth d: d - 1 directories, then one. */
static char files[MAX_DEPTH + 1][4 * MAX_DEPTH + 8];
static char newdirs[MAX_DEPTH + 1][4 * MAX_DEPTH + 8];

struct bench_case;
struct fd_call;
typedef void (*bench_fn)(const struct bench_case *c);

struct bench_case {
	char name[64];
	bench_fn fn;
	/* enum fd_variant or enum path_variant, by the kind of case */
	int variant;
	/* A path case's depth and resolve value */
	int depth;
	__u64 resolve;
	__u64 file_flags;
	/* Needs indirect() or the series' other calls. */
	bool needs_indirect;
	/* Measure what this case costs over @base, batch for batch. */
	const struct bench_case *base;
	/* The median of single calls: a call too long to batch */
	bool one_by_one;
	/* A case that creates descriptors: its call (checked, not timed) */
	const struct fd_call *fd;
};

static inline unsigned long long rdtsc(void)
{
	return __builtin_ia32_rdtsc();
}

static void die(const char *what)
{
	fprintf(stderr, "indirect_bench: %s: %s\n", what, strerror(errno));
	exit(1);
}

static long indirect(long nr, long a0, long a1, long a2, long a3, long a4,
		     __u64 file_flags, __u64 resolve)
{
	const struct indirect_registers r = {
		.nr = nr,
		.args = { a0, a1, a2, a3, a4 },
	};
	const struct indirect_params p = {
		.file_flags = file_flags,
		.resolve = resolve,
	};

	return syscall(__NR_indirect, &r, &p, sizeof(p), 0);
}

static void must(long ret, const char *what)
{
	if (ret < 0)
		die(what);
}

static void close_fd(long fd)
{
	must(fd, "a call of the case");
	syscall(__NR_close, fd);
}

/* The racy way: the call's descriptor, then fcntl() for each flag. */
static void racy_flags(long fd, __u64 file_flags)
{
	must(fd, "a call of the case");
	if (file_flags & INDIRECT_FD_CLOEXEC)
		must(syscall(__NR_fcntl, fd, F_SETFD, FD_CLOEXEC), "F_SETFD");
	if (file_flags & INDIRECT_FD_NONBLOCK)
		must(syscall(__NR_fcntl, fd, F_SETFL, O_NONBLOCK), "F_SETFL");
}

/* Ordinary calls */

static void bench_empty(const struct bench_case *c)
{
	__asm__ volatile("" ::: "memory");
}

static void bench_getpid(const struct bench_case *c)
{
	syscall(__NR_getpid);
}

static void bench_read(const struct bench_case *c)
{
	char b;

	if (syscall(__NR_read, zero_fd, &b, 1) != 1)
		die("read");
}

static void bench_close_ebadf(const struct bench_case *c)
{
	syscall(__NR_close, -1);
}

static void bench_indirect_refused(const struct bench_case *c)
{
	if (indirect(__NR_getpid, 0, 0, 0, 0, 0, 0, 0) != -1 || errno != EINVAL)
		die("indirect(getpid) was not refused with EINVAL");
}

/*
 * Calls that create descriptors. Each has three variants: its own flags
 * (or those of its flags sibling: accept4 for accept, ...), the flagless
 * call through indirect(), and the flagless call followed by fcntl(). All
 * three go through fd_call(), so that they differ in the call alone.
 */
enum fd_variant { FD_FLAGS, FD_INDIRECT, FD_RACY };

static long fd_call(const struct bench_case *c, long nr, long a0, long a1,
		    long a2, long a3)
{
	if (c->variant == FD_INDIRECT)
		return indirect(nr, a0, a1, a2, a3, 0, c->file_flags, 0);
	return syscall(nr, a0, a1, a2, a3);
}

static void fd_done(const struct bench_case *c, long fd)
{
	if (c->variant == FD_RACY)
		racy_flags(fd, c->file_flags);
	close_fd(fd);
}

static void bench_socket(const struct bench_case *c)
{
	long type = SOCK_DGRAM;

	if (c->variant == FD_FLAGS)
		type |= SOCK_CLOEXEC | SOCK_NONBLOCK;
	fd_done(c, fd_call(c, __NR_socket, AF_UNIX, type, 0, 0));
}

static void bench_socketpair(const struct bench_case *c)
{
	long type = SOCK_DGRAM;
	int sv[2];

	if (c->variant == FD_FLAGS)
		type |= SOCK_CLOEXEC | SOCK_NONBLOCK;
	must(fd_call(c, __NR_socketpair, AF_UNIX, type, 0, (long)sv),
	     "socketpair");
	fd_done(c, sv[0]);
	fd_done(c, sv[1]);
}

/* A connection is made, accepted and closed in every variant alike. */
static void bench_accept(const struct bench_case *c)
{
	long client = syscall(__NR_socket, AF_UNIX, SOCK_STREAM, 0);
	long fd;

	must(client, "socket");
	must(syscall(__NR_connect, client, &listen_addr, sizeof(listen_addr)),
	     "connect");
	if (c->variant == FD_FLAGS)
		fd = fd_call(c, __NR_accept4, listener, 0, 0,
			     SOCK_CLOEXEC | SOCK_NONBLOCK);
	else
		fd = fd_call(c, __NR_accept, listener, 0, 0, 0);
	fd_done(c, fd);
	close_fd(client);
}

static void bench_eventfd(const struct bench_case *c)
{
	if (c->variant == FD_FLAGS)
		fd_done(c, fd_call(c, __NR_eventfd2, 0, O_CLOEXEC | O_NONBLOCK,
				   0, 0));
	else
		fd_done(c, fd_call(c, __NR_eventfd, 0, 0, 0, 0));
}

static void bench_signalfd(const struct bench_case *c)
{
	if (c->variant == FD_FLAGS)
		fd_done(c, fd_call(c, __NR_signalfd4, -1, (long)&sigmask, 8,
				   O_CLOEXEC | O_NONBLOCK));
	else
		fd_done(c, fd_call(c, __NR_signalfd, -1, (long)&sigmask, 8, 0));
}

static void bench_timerfd_create(const struct bench_case *c)
{
	long flags = c->variant == FD_FLAGS ? O_CLOEXEC | O_NONBLOCK : 0;

	fd_done(c, fd_call(c, __NR_timerfd_create, CLOCK_MONOTONIC, flags,
			   0, 0));
}

static void bench_epoll_create(const struct bench_case *c)
{
	if (c->variant == FD_FLAGS)
		fd_done(c, fd_call(c, __NR_epoll_create1, O_CLOEXEC, 0, 0, 0));
	else
		fd_done(c, fd_call(c, __NR_epoll_create, 1, 0, 0, 0));
}

static void bench_pipe(const struct bench_case *c)
{
	int p[2];

	if (c->variant == FD_FLAGS)
		must(fd_call(c, __NR_pipe2, (long)p, O_CLOEXEC | O_NONBLOCK,
			     0, 0), "pipe2");
	else
		must(fd_call(c, __NR_pipe, (long)p, 0, 0, 0), "pipe");
	fd_done(c, p[0]);
	fd_done(c, p[1]);
}

static void bench_inotify_init(const struct bench_case *c)
{
	if (c->variant == FD_FLAGS)
		fd_done(c, fd_call(c, __NR_inotify_init1,
				   O_CLOEXEC | O_NONBLOCK, 0, 0, 0));
	else
		fd_done(c, fd_call(c, __NR_inotify_init, 0, 0, 0, 0));
}

/*
 * dup()'s flags variant is F_DUPFD_CLOEXEC: the lowest free descriptor,
 * as dup() takes it. dup3() is told where to put it and skips that search
 * (about 120 instructions): its row is reported apart.
 */
static void bench_dup(const struct bench_case *c)
{
	if (c->variant == FD_FLAGS)
		fd_done(c, fd_call(c, __NR_fcntl, zero_fd, F_DUPFD_CLOEXEC, 0,
				   0));
	else
		fd_done(c, fd_call(c, __NR_dup, zero_fd, 0, 0, 0));
}

static void bench_dup3(const struct bench_case *c)
{
	fd_done(c, syscall(__NR_dup3, zero_fd, dup_target, O_CLOEXEC));
}

static void bench_open(const struct bench_case *c)
{
	long flags = O_RDONLY;

	if (c->variant == FD_FLAGS)
		flags |= O_CLOEXEC | O_NONBLOCK;
	fd_done(c, fd_call(c, __NR_open, (long)ROOT "/file", flags, 0, 0));
}

static void bench_openat(const struct bench_case *c)
{
	long flags = O_RDONLY;

	if (c->variant == FD_FLAGS)
		flags |= O_CLOEXEC | O_NONBLOCK;
	fd_done(c, fd_call(c, __NR_openat, root_fd, (long)"file", flags, 0));
}

static void bench_creat(const struct bench_case *c)
{
	if (c->variant == FD_FLAGS)
		fd_done(c, fd_call(c, __NR_open, (long)ROOT "/file",
				   O_CREAT | O_WRONLY | O_TRUNC | O_CLOEXEC |
				   O_NONBLOCK, 0644, 0));
	else
		fd_done(c, fd_call(c, __NR_creat, (long)ROOT "/file", 0644,
				   0, 0));
}

/*
 * Path calls at a depth: the plain call, the call through indirect() with
 * resolve 0 and with RESOLVE_IN_ROOT, openat2() with RESOLVE_IN_ROOT where
 * it applies, and the walk libpathrs makes in user space: an
 * O_PATH|O_NOFOLLOW open per directory, then the call on the last name.
 */
enum path_variant { PATH_PLAIN, PATH_INDIRECT, PATH_OPENAT2, PATH_WALK };

static long path_call(const struct bench_case *c, long nr, long dirfd,
		      const char *path, long a2, long a3, long a4)
{
	if (c->variant == PATH_INDIRECT)
		return indirect(nr, dirfd, (long)path, a2, a3, a4, 0,
				c->resolve);
	return syscall(nr, dirfd, path, a2, a3, a4);
}

/* The walk: opens each directory of @path; returns the last name. */
static const char *walk(const char *path, long *dirfd, long fds[])
{
	const char *name = path, *slash;
	char comp[8];
	int n = 0;

	*dirfd = root_fd;
	while ((slash = strchr(name, '/'))) {
		memcpy(comp, name, slash - name);
		comp[slash - name] = '\0';
		*dirfd = syscall(__NR_openat, *dirfd, comp,
				 O_PATH | O_NOFOLLOW | O_DIRECTORY | O_CLOEXEC);
		must(*dirfd, "walk");
		fds[n++] = *dirfd;
		name = slash + 1;
	}
	fds[n] = -1;
	return name;
}

static void unwalk(long fds[])
{
	for (int i = 0; fds[i] >= 0; i++)
		syscall(__NR_close, fds[i]);
}

static void bench_statx(const struct bench_case *c)
{
	const char *path = dirs[c->depth];
	struct statx stx;
	long fds[MAX_DEPTH + 1], dirfd = root_fd;

	if (c->variant == PATH_WALK)
		path = walk(path, &dirfd, fds);
	must(path_call(c, __NR_statx, dirfd, path, AT_SYMLINK_NOFOLLOW,
		       STATX_BASIC_STATS, (long)&stx), "statx");
	if (c->variant == PATH_WALK)
		unwalk(fds);
}

static void bench_mkdirat(const struct bench_case *c)
{
	const char *path = newdirs[c->depth];
	long fds[MAX_DEPTH + 1], dirfd = root_fd;

	if (c->variant == PATH_WALK)
		path = walk(path, &dirfd, fds);
	must(path_call(c, __NR_mkdirat, dirfd, path, 0755, 0, 0), "mkdirat");
	must(path_call(c, __NR_unlinkat, dirfd, path, AT_REMOVEDIR, 0, 0),
	     "unlinkat");
	if (c->variant == PATH_WALK)
		unwalk(fds);
}

static void bench_openat_depth(const struct bench_case *c)
{
	const char *path = files[c->depth];
	long fds[MAX_DEPTH + 1], dirfd = root_fd;
	struct open_how how = {
		.flags = O_RDONLY | O_CLOEXEC,
		.resolve = c->resolve,
	};

	if (c->variant == PATH_OPENAT2) {
		close_fd(syscall(__NR_openat2, root_fd, path, &how,
				 sizeof(how)));
		return;
	}
	if (c->variant == PATH_WALK)
		path = walk(path, &dirfd, fds);
	close_fd(path_call(c, __NR_openat, dirfd, path, O_RDONLY | O_CLOEXEC,
			   0, 0));
	if (c->variant == PATH_WALK)
		unwalk(fds);
}

/* The mainline callers the series converts to its struct helpers */

static void bench_perf_event_open(const struct bench_case *c)
{
	struct perf_event_attr attr = {
		.type = PERF_TYPE_SOFTWARE,
		.size = sizeof(attr),
		.config = PERF_COUNT_SW_DUMMY,
		.disabled = 1,
	};

	close_fd(syscall(__NR_perf_event_open, &attr, 0, -1, -1,
			 PERF_FLAG_FD_CLOEXEC));
}

static void bench_sched_setattr(const struct bench_case *c)
{
	struct sched_attr attr = {
		.size = sizeof(attr),
		.sched_policy = SCHED_NORMAL,
	};

	must(syscall(__NR_sched_setattr, 0, &attr, 0), "sched_setattr");
}

static void bench_sched_getattr(const struct bench_case *c)
{
	struct sched_attr attr;

	must(syscall(__NR_sched_getattr, 0, &attr, sizeof(attr), 0),
	     "sched_getattr");
}

static void bench_openat2(const struct bench_case *c)
{
	struct open_how how = { .flags = O_RDONLY | O_CLOEXEC };

	close_fd(syscall(__NR_openat2, root_fd, "file", &how, sizeof(how)));
}

static void bench_clone3(const struct bench_case *c)
{
	struct clone_args args = { .exit_signal = SIGCHLD };
	long pid = syscall(__NR_clone3, &args, sizeof(args));

	if (pid == 0)
		syscall(__NR_exit_group, 0);
	must(pid, "clone3");
	must(syscall(__NR_wait4, pid, NULL, 0, NULL), "wait4");
}

static void bench_mount_setattr(const struct bench_case *c)
{
	struct mount_attr attr = { .attr_set = MOUNT_ATTR_NOSUID };

	must(syscall(__NR_mount_setattr, AT_FDCWD, "/tmp", 0, &attr,
		     sizeof(attr)), "mount_setattr");
}

/* An addfd of a notification that is not there: the copy and its checks */
static void bench_seccomp_addfd(const struct bench_case *c)
{
	struct seccomp_notif_addfd addfd = { .id = 1, .srcfd = zero_fd };

	if (ioctl(notify_fd, SECCOMP_IOCTL_NOTIF_ADDFD, &addfd) != -1 ||
	    errno != ENOENT)
		die("SECCOMP_IOCTL_NOTIF_ADDFD of no notification was not refused with ENOENT");
}

static void bench_statmount(const struct bench_case *c)
{
	struct mnt_id_req req = {
		.size = sizeof(req),
		.mnt_id = tmp_mnt_id,
		.param = STATMOUNT_SB_BASIC | STATMOUNT_MNT_BASIC,
	};
	struct statmount sm;

	must(syscall(__NR_statmount, &req, &sm, sizeof(sm), 0), "statmount");
}

static void bench_listmount(const struct bench_case *c)
{
	struct mnt_id_req req = { .size = sizeof(req), .mnt_id = LSMT_ROOT };
	__u64 ids[16];

	must(syscall(__NR_listmount, &req, ids, 16, 0), "listmount");
}

/*
 * A ruleset of no access, refused after the copy and its checks: what the
 * conversion changes, without the ruleset's allocation and free, whose
 * cost moves by a third with the allocator's state from kernel to kernel.
 */
static void bench_landlock_create_ruleset(const struct bench_case *c)
{
	struct landlock_ruleset_attr attr = {};

	if (syscall(__NR_landlock_create_ruleset, &attr, sizeof(attr), 0) != -1 ||
	    errno != ENOMSG)
		die("landlock_create_ruleset() of no access was not refused with ENOMSG");
}

/* The bench's event, enabling @bit of user_events_enabled. */
static struct user_reg bench_user_reg(__u8 bit)
{
	return (struct user_reg) {
		.size = sizeof(struct user_reg),
		.enable_bit = bit,
		.enable_size = sizeof(user_events_enabled),
		.enable_addr = (__u64)(uintptr_t)&user_events_enabled,
		.name_args = (__u64)(uintptr_t)"indirect_bench u32 count",
	};
}

/* Bit 1 registered and unregistered; setup's bit 0 keeps the event. */
static void bench_user_events(const struct bench_case *c)
{
	struct user_reg reg = bench_user_reg(1);
	struct user_unreg unreg = {
		.size = sizeof(unreg),
		.disable_bit = 1,
		.disable_addr = (__u64)(uintptr_t)&user_events_enabled,
	};

	must(ioctl(user_events_fd, DIAG_IOCSREG, &reg), "DIAG_IOCSREG");
	must(ioctl(user_events_fd, DIAG_IOCSUNREG, &unreg), "DIAG_IOCSUNREG");
}

/* An I/O address space made and destroyed: two ops of the ioctl table. */
static void bench_iommufd(const struct bench_case *c)
{
	struct iommu_ioas_alloc alloc = { .size = sizeof(alloc) };
	struct iommu_destroy destroy = { .size = sizeof(destroy) };

	must(ioctl(iommufd, IOMMU_IOAS_ALLOC, &alloc), "IOMMU_IOAS_ALLOC");
	destroy.id = alloc.out_ioas_id;
	must(ioctl(iommufd, IOMMU_DESTROY, &destroy), "IOMMU_DESTROY");
}

/*
 * One invalidation entry of the mock driver's nested HWPT: a driver's
 * data, read by iommu_copy_struct_from_user_array().
 */
static void bench_iommu_driver_data(const struct bench_case *c)
{
	struct iommu_hwpt_invalidate_selftest entry = { .iotlb_id = 0 };
	struct iommu_hwpt_invalidate inv = {
		.size = sizeof(inv),
		.hwpt_id = mock_nested_hwpt,
		.data_uptr = (__u64)(uintptr_t)&entry,
		.data_type = IOMMU_HWPT_INVALIDATE_DATA_SELFTEST,
		.entry_len = sizeof(entry),
		.entry_num = 1,
	};

	must(ioctl(iommufd, IOMMU_HWPT_INVALIDATE, &inv),
	     "IOMMU_HWPT_INVALIDATE");
}

/*
 * clone3() up to the first check of copy_process(), which refuses
 * CLONE_THREAD without CLONE_SIGHAND: the copy of the struct and the
 * checks of it, which the conversion changes, without the fork, the exit
 * and the wait that move the whole call by 2 % between boots.
 */
static void bench_clone3_refused(const struct bench_case *c)
{
	struct clone_args args = { .flags = CLONE_THREAD };

	if (syscall(__NR_clone3, &args, sizeof(args)) != -1 || errno != EINVAL)
		die("clone3(CLONE_THREAD) was not refused with EINVAL");
}

/* The cases */

static struct bench_case cases[512];
static unsigned int nr_cases;

static struct bench_case *add(bench_fn fn, bool needs_indirect,
			      const char *fmt, ...)
{
	struct bench_case *c = &cases[nr_cases++];
	va_list ap;

	/* A seccomp run reuses the array: nothing of the last case stays. */
	memset(c, 0, sizeof(*c));
	va_start(ap, fmt);
	vsnprintf(c->name, sizeof(c->name), fmt, ap);
	va_end(ap);
	c->fn = fn;
	c->needs_indirect = needs_indirect;
	return c;
}

/*
 * The file flags each call honours (the white list's, which CHECK_FIELDS
 * must answer too): all three variants request them, and the descriptors
 * they create must carry them. @fds: how many the call creates; @setup:
 * how many the case creates before it (accept()'s client), which have no
 * flags and take the lowest numbers.
 */
struct fd_call {
	const char *name;
	bench_fn fn;
	long nr;
	__u64 file_flags;
	int fds, setup;
};

#define FD_CALL(call, flags, fds, setup) \
	{ #call, bench_##call, __NR_##call, flags, fds, setup }
static const struct fd_call fd_calls[] = {
	FD_CALL(socket, FD_BOTH, 1, 0),
	FD_CALL(socketpair, FD_BOTH, 2, 0),
	FD_CALL(accept, FD_BOTH, 1, 1),
	FD_CALL(eventfd, FD_BOTH, 1, 0),
	FD_CALL(signalfd, FD_BOTH, 1, 0),
	FD_CALL(timerfd_create, FD_BOTH, 1, 0),
	FD_CALL(epoll_create, INDIRECT_FD_CLOEXEC, 1, 0),
	FD_CALL(pipe, FD_BOTH, 2, 0),
	FD_CALL(inotify_init, FD_BOTH, 1, 0),
	FD_CALL(dup, INDIRECT_FD_CLOEXEC, 1, 0),
	FD_CALL(open, FD_BOTH, 1, 0),
	FD_CALL(openat, FD_BOTH, 1, 0),
	FD_CALL(creat, FD_BOTH, 1, 0),
};

/* The file flags call @nr honours; 0 without indirect(). */
static __u64 honoured_file_flags(long nr)
{
	const struct indirect_registers r = { .nr = nr };
	struct indirect_params p = { 0 };

	if (syscall(__NR_indirect, &r, &p, sizeof(p) | CHECK_FIELDS, 0) != -1 ||
	    errno != EEXTSYS_NOOP)
		return 0;
	return p.file_flags;
}

static const char *const fd_variants[] = {
	[FD_FLAGS] = "flags", [FD_INDIRECT] = "indirect", [FD_RACY] = "racy",
};

static void add_plain_and_fd_cases(const char *prefix)
{
	struct bench_case *c;
	unsigned int i, v;

	add(bench_getpid, false, "%splain.getpid", prefix);
	add(bench_read, false, "%splain.read", prefix);
	add(bench_close_ebadf, false, "%splain.close", prefix);
	add(bench_indirect_refused, true, "%sfd.getpid.indirect", prefix);
	for (i = 0; i < ARRAY_SIZE(fd_calls); i++) {
		__u64 file_flags = fd_calls[i].file_flags;
		struct bench_case *flags = NULL;

		for (v = FD_FLAGS; v <= FD_RACY; v++) {
			/* call + fcntl() sets what indirect() would */
			c = add(fd_calls[i].fn, v != FD_FLAGS, "%sfd.%s.%s",
				prefix, fd_calls[i].name, fd_variants[v]);
			c->variant = v;
			c->file_flags = file_flags;
			c->fd = &fd_calls[i];
			if (v == FD_FLAGS)
				flags = c;
		}
		/* indirect() over the flags variant, pair by pair */
		c = add(fd_calls[i].fn, true, "%sfd.%s.overhead", prefix,
			fd_calls[i].name);
		c->variant = FD_INDIRECT;
		c->file_flags = file_flags;
		c->fd = &fd_calls[i];
		c->base = flags;
	}
}

static void add_cases(void)
{
	static const int depths[] = { 1, 4, 16 };
	static const struct {
		const char *name;
		bench_fn fn;
		bool openat2;
	} path_calls[] = {
		{ "statx", bench_statx },
		{ "mkdirat", bench_mkdirat },
		{ "openat", bench_openat_depth, true },
	};
	static const struct {
		const char *name;
		enum path_variant variant;
		__u64 resolve;
		bool needs_indirect;
	} path_variants[] = {
		{ "plain", PATH_PLAIN, 0, false },
		{ "indirect", PATH_INDIRECT, 0, true },
		{ "in_root", PATH_INDIRECT, RESOLVE_IN_ROOT, true },
		{ "openat2", PATH_OPENAT2, RESOLVE_IN_ROOT, false },
		{ "walk", PATH_WALK, 0, false },
	};
	struct bench_case *c;
	unsigned int i, d, v;

	add(bench_empty, false, "plain.empty");
	add_plain_and_fd_cases("");
	add(bench_dup3, false, "fd.dup.dup3");
	for (i = 0; i < ARRAY_SIZE(path_calls); i++) {
		for (d = 0; d < ARRAY_SIZE(depths); d++) {
			for (v = 0; v < ARRAY_SIZE(path_variants); v++) {
				if (path_variants[v].variant == PATH_OPENAT2 &&
				    !path_calls[i].openat2)
					continue;
				c = add(path_calls[i].fn,
					path_variants[v].needs_indirect,
					"path.%s.%d.%s", path_calls[i].name,
					depths[d], path_variants[v].name);
				c->variant = path_variants[v].variant;
				c->depth = depths[d];
				c->resolve = path_variants[v].resolve;
			}
		}
	}
	add(bench_perf_event_open, false, "framework.perf_event_open");
	add(bench_sched_setattr, false, "framework.sched_setattr");
	add(bench_sched_getattr, false, "framework.sched_getattr");
	add(bench_openat2, false, "framework.openat2");
	add(bench_mount_setattr, false, "framework.mount_setattr");
	add(bench_seccomp_addfd, false, "framework.seccomp_addfd");
	add(bench_statmount, false, "framework.statmount");
	add(bench_listmount, false, "framework.listmount");
	add(bench_landlock_create_ruleset, false,
	    "framework.landlock_create_ruleset");
	add(bench_user_events, false, "framework.user_events");
	add(bench_iommufd, false, "framework.iommufd");
	add(bench_iommu_driver_data, false, "framework.iommu_driver_data");
	add(bench_clone3_refused, false, "framework.clone3_refused");
	c = add(bench_clone3, false, "framework.clone3");
	c->one_by_one = true;
}

static unsigned long long batch(const struct bench_case *c, unsigned long n)
{
	unsigned long long t0 = rdtsc();
	unsigned long i;

	for (i = 0; i < n; i++)
		c->fn(c);
	return rdtsc() - t0;
}

/* Iterations of a batch of about @insns, from what one call took. */
static unsigned long batch_size(unsigned long insns,
				unsigned long long one_call)
{
	unsigned long n = insns / (one_call + 1);

	return n < 4 ? 4 : n;
}

static int compare_doubles(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static double median(double *v, unsigned int n)
{
	qsort(v, n, sizeof(v[0]), compare_doubles);
	return v[n / 2];
}

/*
 * What @c costs over @c->base: batches of each in turn, the median of
 * the differences of each pair. A call that frees by RCU (a socket's
 * inode) leaves work to the timer tick, and the batches the tick falls
 * into cost hundreds of instructions more per call, at random: taken
 * apart, the smallest batch of each variant is one lucky draw each; a
 * pair shares the luck of its moment, and the median drops the pairs
 * that a tick split.
 */
static double measure_over_base(const struct bench_case *c)
{
	double diff[PAIRS];
	unsigned long long t0, t1;
	unsigned int b;
	unsigned long n;

	t0 = rdtsc();
	c->base->fn(c->base);
	c->fn(c);
	n = batch_size(PAIR_INSNS, rdtsc() - t0);
	/*
	 * Work that comes every so many calls (a slab's new page) must not
	 * lock onto one side: the pair's order alternates, and its length
	 * varies by up to a quarter.
	 */
	srandom(1);
	for (b = 0; b < PAIRS; b++) {
		unsigned long m = n + random() % (n / 4 + 1);

		if (b & 1) {
			t1 = batch(c, m);
			t0 = batch(c->base, m);
		} else {
			t0 = batch(c->base, m);
			t1 = batch(c, m);
		}
		diff[b] = ((double)t1 - (double)t0) / m;
	}
	return median(diff, PAIRS);
}

/*
 * clone3() with its child's exit and wait is 100000 instructions, and the
 * page allocator's and RCU's work falls into some of them by the
 * thousand: the median of single calls.
 */
static double measure_one_by_one(const struct bench_case *c)
{
	double each[PAIRS];
	unsigned int i;

	c->fn(c);
	for (i = 0; i < PAIRS; i++)
		each[i] = batch(c, 1);
	return median(each, PAIRS);
}

static double measure(const struct bench_case *c)
{
	unsigned long long t0, t, best = ~0ULL;
	unsigned long n;
	unsigned int b;

	/* The first call warms up; it also sizes the batches. */
	t0 = rdtsc();
	c->fn(c);
	n = batch_size(batch_insns, rdtsc() - t0);
	for (b = 0; b < batches; b++) {
		t = batch(c, n);
		if (t < best)
			best = t;
	}
	return (double)best / n;
}

/* The markers harness/profile counts between; different, so not merged. */
__attribute__((noipa)) void bench_profile_start(void)
{
	__asm__ volatile("nop" ::: "memory");
}

__attribute__((noipa)) void bench_profile_stop(void)
{
	__asm__ volatile("nop; nop" ::: "memory");
}

static void profile(const char *name, unsigned long iterations)
{
	unsigned long i;
	unsigned int n;

	for (n = 0; n < nr_cases; n++) {
		const struct bench_case *c = &cases[n];

		if (strcmp(c->name, name))
			continue;
		c->fn(c);
		bench_profile_start();
		for (i = 0; i < iterations; i++)
			c->fn(c);
		bench_profile_stop();
		printf("bench: profiled %s %lu\n", name, iterations);
		return;
	}
	fprintf(stderr, "indirect_bench: no case %s\n", name);
	exit(1);
}

/*
 * The checks that each case does what it is measured for, made once before
 * its batches, outside the timed loops: a variant that skipped its work
 * (indirect() ignoring the file flags or the resolve restriction) would
 * otherwise only be a smaller count.
 */
static bool checks_failed;

static void check_failed(const struct bench_case *c, const char *fmt, ...)
{
	va_list ap;

	printf("bench: %s failed: ", c->name);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	fflush(stdout);
	checks_failed = true;
}

/* Enough for the bench's own descriptors and what one case creates */
#define CHECK_FDS	64

static bool fd_open(int fd)
{
	return syscall(__NR_fcntl, fd, F_GETFD) >= 0;
}

/*
 * Runs the case once in a child in which close() fails (a seccomp filter
 * answers EPERM), so that the descriptors it created stay open: each must
 * have FD_CLOEXEC and O_NONBLOCK exactly as its call's file flags say, on
 * every variant. The timed code is the case's own, unchanged. Returns
 * false if a descriptor is wrong.
 */
static bool check_fd_flags(const struct bench_case *c)
{
	struct sock_filter f[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
			 offsetof(struct seccomp_data, nr)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_close, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EPERM),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
	struct sock_fprog prog = { .len = ARRAY_SIZE(f), .filter = f };
	const struct fd_call *call = c->fd;
	bool cloexec = call->file_flags & INDIRECT_FD_CLOEXEC;
	bool nonblock = call->file_flags & INDIRECT_FD_NONBLOCK;
	bool before[CHECK_FDS];
	int fd, n = 0, status;
	long pid;

	fflush(stdout);
	pid = fork();
	must(pid, "fork");
	if (pid) {
		/* 2: a check failed and said so; anything else, the case */
		must(waitpid(pid, &status, 0), "waitpid");
		if (!WIFEXITED(status) || (WEXITSTATUS(status) & ~2))
			exit(1);
		return !WEXITSTATUS(status);
	}
	checks_failed = false;
	for (fd = 0; fd < CHECK_FDS; fd++)
		before[fd] = fd_open(fd);
	must(prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0), "PR_SET_NO_NEW_PRIVS");
	must(syscall(__NR_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog),
	     "seccomp");
	c->fn(c);
	for (fd = 0; fd < CHECK_FDS; fd++) {
		long fd_flags, fl_flags;

		if (before[fd] || !fd_open(fd) || n++ < call->setup)
			continue;
		fd_flags = syscall(__NR_fcntl, fd, F_GETFD);
		fl_flags = syscall(__NR_fcntl, fd, F_GETFL);
		if (!!(fd_flags & FD_CLOEXEC) != cloexec ||
		    !!(fl_flags & O_NONBLOCK) != nonblock)
			check_failed(c, "fd %d: FD_CLOEXEC %d, O_NONBLOCK %d; want %d, %d",
				     fd, !!(fd_flags & FD_CLOEXEC),
				     !!(fl_flags & O_NONBLOCK), cloexec,
				     nonblock);
	}
	if (n != call->setup + call->fds)
		check_failed(c, "it created %d descriptors, not %d", n,
			     call->setup + call->fds);
	_exit(checks_failed ? 2 : 0);
}

/* The flags are the bench's; the kernel must say it honours the same. */
static void check_fd(const struct bench_case *c)
{
	__u64 honoured;

	if (c->needs_indirect) {
		honoured = honoured_file_flags(c->fd->nr);
		if (honoured != c->fd->file_flags)
			check_failed(c, "CHECK_FIELDS: file flags %#llx, not %#llx",
				     (unsigned long long)honoured,
				     (unsigned long long)c->fd->file_flags);
	}
	if (!check_fd_flags(c))
		checks_failed = true;
}

/*
 * A path case with RESOLVE_IN_ROOT, through indirect() or openat2(): ".."
 * from the root is the root itself, where without the restriction it is
 * /tmp. The case's own call, on "..".
 */
#define IN_ROOT_NAME	"indirect-bench-in-root"

static void check_in_root(const struct bench_case *c)
{
	struct stat root, st;
	struct statx stx;
	long fd;

	must(fstat(root_fd, &root), "fstat");
	if (c->fn == bench_statx) {
		must(path_call(c, __NR_statx, root_fd, "..", AT_SYMLINK_NOFOLLOW,
			       STATX_INO, (long)&stx), "statx");
		st.st_ino = stx.stx_ino;
	} else if (c->fn == bench_openat_depth) {
		struct open_how how = {
			.flags = O_RDONLY | O_DIRECTORY | O_CLOEXEC,
			.resolve = c->resolve,
		};

		if (c->variant == PATH_OPENAT2)
			fd = syscall(__NR_openat2, root_fd, "..", &how,
				     sizeof(how));
		else
			fd = path_call(c, __NR_openat, root_fd, "..",
				       how.flags, 0, 0);
		must(fd, "openat");
		must(fstat(fd, &st), "fstat");
		close(fd);
	} else {
		/* mkdirat(), then unlinkat(): both in the root */
		must(path_call(c, __NR_mkdirat, root_fd, "../" IN_ROOT_NAME,
			       0755, 0, 0), "mkdirat");
		if (fstatat(root_fd, IN_ROOT_NAME, &st, 0)) {
			check_failed(c, "mkdirat(\"../%s\") escaped the root",
				     IN_ROOT_NAME);
			rmdir("/tmp/" IN_ROOT_NAME);
			return;
		}
		if (path_call(c, __NR_unlinkat, root_fd, "../" IN_ROOT_NAME,
			      AT_REMOVEDIR, 0, 0) ||
		    !fstatat(root_fd, IN_ROOT_NAME, &st, 0)) {
			check_failed(c, "unlinkat(\"../%s\") escaped the root",
				     IN_ROOT_NAME);
			unlinkat(root_fd, IN_ROOT_NAME, AT_REMOVEDIR);
		}
		return;
	}
	if (st.st_ino != root.st_ino)
		check_failed(c, "\"..\" in the root: inode %llu, not %llu",
			     (unsigned long long)st.st_ino,
			     (unsigned long long)root.st_ino);
}

static void check_case(const struct bench_case *c)
{
	if (c->fd)
		check_fd(c);
	else if (c->resolve & RESOLVE_IN_ROOT)
		check_in_root(c);
}

static bool wanted(const char *name, int argc, char **argv)
{
	int i;

	if (argc == 0)
		return true;
	for (i = 0; i < argc; i++)
		if (!strncmp(name, argv[i], strlen(argv[i])))
			return true;
	return false;
}

static bool have_indirect(void)
{
	return indirect(__NR_getpid, 0, 0, 0, 0, 0, 0, 0) < 0 && errno == EINVAL;
}

static void run_cases(int argc, char **argv, const char *prefix)
{
	bool indirect_ok = have_indirect();
	unsigned int i;

	for (i = 0; i < nr_cases; i++) {
		const struct bench_case *c = &cases[i];

		if (strncmp(c->name, prefix, strlen(prefix)) ||
		    !wanted(c->name, argc, argv))
			continue;
		if (c->needs_indirect && !indirect_ok) {
			printf("bench: %s skipped no indirect() here\n",
			       c->name);
			continue;
		}
		check_case(c);
		printf("bench: %s %.1f\n", c->name,
		       c->base ? measure_over_base(c) :
		       c->one_by_one ? measure_one_by_one(c) : measure(c));
		fflush(stdout);
	}
}

/*
 * A filter of @rules instructions that allows everything. It loads an
 * argument, so that seccomp cannot prove it allows the call without
 * running it (its per-call cache would skip the filter).
 */
static void install_filter(unsigned int rules)
{
	struct sock_filter f[64];
	struct sock_fprog prog = { .filter = f };
	unsigned int n = 0, i;

	f[n++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
		offsetof(struct seccomp_data, args[0]));
	/* Comparisons that never match: a filter of a real size. */
	for (i = 0; n < rules - 1; i++)
		f[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K,
						      0xbad00000 + i, 0, 0);
	f[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K,
					      SECCOMP_RET_ALLOW);
	prog.len = n;
	must(prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0), "PR_SET_NO_NEW_PRIVS");
	must(syscall(__NR_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog),
	     "seccomp");
}

/* The plain and fd cases again, in a child under a filter. */
static void run_filtered(int argc, char **argv, unsigned int rules)
{
	char prefix[32];
	long pid;
	int status;

	snprintf(prefix, sizeof(prefix), "seccomp%u.", rules);
	nr_cases = 0;
	add_plain_and_fd_cases(prefix);
	fflush(stdout);
	pid = fork();
	must(pid, "fork");
	if (pid == 0) {
		install_filter(rules);
		run_cases(argc, argv, prefix);
		exit(checks_failed ? 2 : 0);
	}
	must(waitpid(pid, &status, 0), "waitpid");
	if (!WIFEXITED(status) || (WEXITSTATUS(status) & ~2))
		exit(1);
	if (WEXITSTATUS(status))
		checks_failed = true;
}

/* A child's seccomp listener, passed back over a socket pair */
static int seccomp_listener(void)
{
	struct sock_filter allow = BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
	struct sock_fprog prog = { .len = 1, .filter = &allow };
	char cmsg_buf[CMSG_SPACE(sizeof(int))] = { 0 };
	char byte = 0;
	struct iovec iov = { .iov_base = &byte, .iov_len = 1 };
	struct msghdr msg = {
		.msg_iov = &iov,
		.msg_iovlen = 1,
		.msg_control = cmsg_buf,
		.msg_controllen = sizeof(cmsg_buf),
	};
	struct cmsghdr *cmsg = CMSG_FIRSTHDR(&msg);
	int sv[2], fd, status;
	long pid;

	must(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv),
	     "socketpair");
	pid = fork();
	must(pid, "fork");
	if (pid == 0) {
		must(prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0),
		     "PR_SET_NO_NEW_PRIVS");
		fd = syscall(__NR_seccomp, SECCOMP_SET_MODE_FILTER,
			     SECCOMP_FILTER_FLAG_NEW_LISTENER, &prog);
		must(fd, "SECCOMP_FILTER_FLAG_NEW_LISTENER");
		cmsg->cmsg_level = SOL_SOCKET;
		cmsg->cmsg_type = SCM_RIGHTS;
		cmsg->cmsg_len = CMSG_LEN(sizeof(int));
		memcpy(CMSG_DATA(cmsg), &fd, sizeof(int));
		must(sendmsg(sv[1], &msg, 0), "sendmsg");
		_exit(0);
	}
	must(recvmsg(sv[0], &msg, MSG_CMSG_CLOEXEC), "recvmsg");
	cmsg = CMSG_FIRSTHDR(&msg);
	if (!cmsg || cmsg->cmsg_type != SCM_RIGHTS)
		die("no listener from the child");
	memcpy(&fd, CMSG_DATA(cmsg), sizeof(int));
	must(waitpid(pid, &status, 0), "waitpid");
	close(sv[0]);
	close(sv[1]);
	return fd;
}

/* An IOAS, a mock device on it, a nesting parent and a nested HWPT. */
static void setup_mock_nested_hwpt(void)
{
	struct iommu_ioas_alloc ioas = { .size = sizeof(ioas) };
	struct iommu_test_cmd mock = {
		.size = sizeof(mock),
		.op = IOMMU_TEST_OP_MOCK_DOMAIN,
	};
	struct iommu_hwpt_selftest data = { .iotlb = 1 };
	struct iommu_hwpt_alloc hwpt = {
		.size = sizeof(hwpt),
		.flags = IOMMU_HWPT_ALLOC_NEST_PARENT,
		.data_type = IOMMU_HWPT_DATA_NONE,
	};

	must(ioctl(iommufd, IOMMU_IOAS_ALLOC, &ioas), "IOMMU_IOAS_ALLOC");
	mock.id = ioas.out_ioas_id;
	must(ioctl(iommufd, IOMMU_TEST_CMD, &mock),
	     "IOMMU_TEST_OP_MOCK_DOMAIN (CONFIG_IOMMUFD_TEST=y)");
	hwpt.dev_id = mock.mock_domain.out_idev_id;
	hwpt.pt_id = ioas.out_ioas_id;
	must(ioctl(iommufd, IOMMU_HWPT_ALLOC, &hwpt), "IOMMU_HWPT_ALLOC parent");
	hwpt.flags = 0;
	hwpt.pt_id = hwpt.out_hwpt_id;
	hwpt.data_type = IOMMU_HWPT_DATA_SELFTEST;
	hwpt.data_len = sizeof(data);
	hwpt.data_uptr = (__u64)(uintptr_t)&data;
	must(ioctl(iommufd, IOMMU_HWPT_ALLOC, &hwpt), "IOMMU_HWPT_ALLOC nested");
	mock_nested_hwpt = hwpt.out_hwpt_id;
}

static void setup_framework(void)
{
	struct user_reg reg = bench_user_reg(0);
	struct statx stx;

	notify_fd = seccomp_listener();
	must(syscall(__NR_statx, AT_FDCWD, "/tmp", 0, STATX_MNT_ID_UNIQUE,
		     &stx), "statx");
	if (!(stx.stx_mask & STATX_MNT_ID_UNIQUE))
		die("statx: no STATX_MNT_ID_UNIQUE");
	tmp_mnt_id = stx.stx_mnt_id;
	if (access("/sys/kernel/tracing/user_events_data", F_OK))
		must(mount("nodev", "/sys/kernel/tracing", "tracefs", 0, NULL),
		     "mount tracefs");
	user_events_fd = open("/sys/kernel/tracing/user_events_data",
			      O_RDWR | O_CLOEXEC);
	must(user_events_fd, "user_events_data");
	must(ioctl(user_events_fd, DIAG_IOCSREG, &reg), "DIAG_IOCSREG");
	iommufd = open("/dev/iommu", O_RDWR | O_CLOEXEC);
	must(iommufd, "/dev/iommu");
	setup_mock_nested_hwpt();
}

static void setup(void)
{
	char path[256];
	int d;

	sigemptyset(&sigmask);
	sigaddset(&sigmask, SIGUSR1);
	mkdir(ROOT, 0755);
	root_fd = open(ROOT, O_PATH | O_DIRECTORY | O_CLOEXEC);
	must(root_fd, ROOT);
	zero_fd = open("/dev/zero", O_RDONLY | O_CLOEXEC);
	must(zero_fd, "/dev/zero");
	close(open(ROOT "/file", O_CREAT | O_WRONLY | O_CLOEXEC, 0644));

	dirs[0][0] = '\0';
	for (d = 1; d <= MAX_DEPTH; d++) {
		/* "d1/.../d(d-1)/" */
		char parent[4 * MAX_DEPTH] = "";

		if (d > 1)
			snprintf(parent, sizeof(parent), "%s/", dirs[d - 1]);
		sprintf(dirs[d], "%sd%d", parent, d);
		sprintf(files[d], "%sfile", parent);
		sprintf(newdirs[d], "%snew", parent);
		sprintf(path, ROOT "/%s", dirs[d]);
		if (mkdir(path, 0755) && errno != EEXIST)
			die(path);
		sprintf(path, ROOT "/%s", files[d]);
		close(open(path, O_CREAT | O_WRONLY | O_CLOEXEC, 0644));
	}

	listener = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	must(listener, "socket");
	listen_addr.sun_family = AF_UNIX;
	snprintf(listen_addr.sun_path, sizeof(listen_addr.sun_path), "%s",
		 ROOT "/listener");
	unlink(listen_addr.sun_path);
	must(bind(listener, (struct sockaddr *)&listen_addr,
		  sizeof(listen_addr)), "bind");
	must(listen(listener, 16), "listen");
	setup_framework();
	/* dup3()'s target: the descriptor dup() takes */
	dup_target = dup(zero_fd);
	must(dup_target, "dup");
	close(dup_target);
}

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "-q")) {
		batches = QUICK_BATCHES;
		argc--;
		argv++;
	}

	argc--;
	argv++;
	setup();
	add_cases();
	if (argc == 3 && !strcmp(argv[0], "-p")) {
		profile(argv[1], strtoul(argv[2], NULL, 0));
		return 0;
	}
	run_cases(argc, argv, "");
	run_filtered(argc, argv, 1);
	run_filtered(argc, argv, 32);
	printf("bench: done\n");
	return checks_failed;
}
