// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for indirect(): run a white-listed system call with extra
 * parameters, for now the flags of the descriptors it creates. Built for
 * each x86 ABI; the ABI decides how calls are numbered.
 */

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <stddef.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <linux/filter.h>
#include <linux/indirect.h>
#include <linux/seccomp.h>

#include "indirect_util.h"

/* The sweep tries every number from ABI_NR_BASE up to this many more. */
#define NR_SWEEP 1024

/* Seconds a probe may take before it counts as let through. */
#define PROBE_TIMEOUT 2

/*
 * The reach probes' filter answers every call that indirect() gets as far
 * as running with this errno, which no call and no refusal returns. It
 * lets through only the probes' own indirect(), told apart by its params
 * pointer (never read: size 0), and their own exit.
 */
#define REACHED_ERRNO	4000
#define REACH_PARAMS	0x1d1ec7UL
#define REACH_EXIT	42
/* Seconds a child may take for all its reach probes. */
#define REACH_TIMEOUT	30

/* The reference call for the tests of the ABI itself. */
static const struct indirect_registers socket_regs = {
	.nr = __NR_socket,
	.args = { AF_UNIX, SOCK_STREAM, 0 },
};

#define ASSERT_REFUSED(err, r, p, size, flags) \
	assert_refused(_metadata, __LINE__, err, r, p, size, flags)

/* indirect() must fail with @err and leave no descriptor behind. */
static void assert_refused(struct __test_metadata *_metadata, int line,
			   int err, const struct indirect_registers *r,
			   const void *p, size_t size, unsigned long flags)
{
	int before = nr_fds(_metadata);
	long ret;

	ret = sys_indirect(r, p, size, flags);
	ASSERT_EQ(-1, ret)
		TH_LOG("line %d: size %zu, flags %#lx", line, size, flags);
	ASSERT_EQ(err, errno)
		TH_LOG("line %d: size %zu, flags %#lx", line, size, flags);
	ASSERT_EQ(before, nr_fds(_metadata))
		TH_LOG("line %d: descriptor left behind", line);
}

/*
 * Two pages, the one before or after the returned page PROT_NONE, to put
 * objects right against an unreadable byte.
 */
static char *map_guarded(struct __test_metadata *_metadata, long ps,
			 bool guard_before)
{
	char *p = mmap(NULL, 2 * ps, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	ASSERT_TRUE(p != MAP_FAILED);
	if (guard_before) {
		ASSERT_EQ(0, mprotect(p, ps, PROT_NONE));
		return p + ps;
	}
	ASSERT_EQ(0, mprotect(p + ps, ps, PROT_NONE));
	return p;
}

/* Readable, zero-filled memory. */
static void *map_zeroed(struct __test_metadata *_metadata, size_t size)
{
	void *p = mmap(NULL, size, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	ASSERT_TRUE(p != MAP_FAILED);
	return p;
}

/* A user address with nothing mapped, so access_ok() alone passes it. */
static void *unmapped(struct __test_metadata *_metadata, long ps)
{
	void *p = mmap(NULL, ps, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS,
		       -1, 0);

	ASSERT_TRUE(p != MAP_FAILED);
	ASSERT_EQ(0, munmap(p, ps));
	return p;
}

/* The outcome of one call made in a child. */
struct probe {
	long ret;
	int err;
	bool done;
};

/*
 * Makes one call (no flags) in a child, so that a call wrongly let
 * through (exit, fork, pause, ...) cannot derail the test. @res must be
 * shared memory.
 */
static void run_probe(struct __test_metadata *_metadata,
		      const struct indirect_registers *r, struct probe *res)
{
	static const struct indirect_params none;
	int status;
	pid_t pid;

	memset(res, 0, sizeof(*res));
	pid = fork();
	ASSERT_LE(0, pid);
	if (!pid) {
		long ret;

		signal(SIGALRM, SIG_DFL);
		alarm(PROBE_TIMEOUT);
		ret = sys_indirect(r, &none, sizeof(none), 0);
		res->err = errno;
		res->ret = ret;
		res->done = true;
		_exit(0);
	}
	ASSERT_EQ(pid, waitpid(pid, &status, 0));
}

static bool probe_refused(const struct probe *res)
{
	return res->done && res->ret == -1 && res->err == EINVAL;
}

/* Did the reach probe @res get to the inner call (and its filter)? */
static bool probe_reached(const struct probe *res)
{
	return res->done && res->ret == -1 && res->err == REACHED_ERRNO;
}

/*
 * In a child: with the reach filter installed, calls indirect() on each of
 * @regs from @from on, then exits with REACH_EXIT. Nothing but the probes'
 * own indirect() and exit gets past the filter, so the inner calls never
 * run, whatever indirect() lets through: a refusal is EINVAL, a call let
 * through is REACHED_ERRNO, whatever the call would have answered.
 */
static void reach_child(const struct indirect_registers *regs, struct probe *res,
			size_t from, size_t n)
{
	struct sock_filter insns[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
			 offsetof(struct seccomp_data, nr)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_exit_group, 0, 2),
		/* little endian: the low half of an argument comes first */
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
			 offsetof(struct seccomp_data, args[0])),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, REACH_EXIT, 5, 6),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_indirect, 0, 5),
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
			 offsetof(struct seccomp_data, args[1])),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, REACH_PARAMS, 0, 3),
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
			 offsetof(struct seccomp_data, args[1]) + 4),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 0, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | REACHED_ERRNO),
	};
	struct sock_fprog prog = {
		.len = ARRAY_SIZE(insns),
		.filter = insns,
	};
	size_t i;

	signal(SIGALRM, SIG_DFL);
	alarm(REACH_TIMEOUT);
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) ||
	    syscall(__NR_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog))
		_exit(1);
	for (i = from; i < n; i++) {
		long ret = syscall(__NR_indirect, &regs[i], REACH_PARAMS, 0, 0);

		res[i].err = errno;
		res[i].ret = ret;
		res[i].done = true;
	}
	syscall(__NR_exit_group, REACH_EXIT);
	for (;;)
		;
}

/*
 * Reach probes for each of @regs (n of them), in as few children as
 * possible: should a call let through kill or stop one despite the filter,
 * its probe stays not done and the next child goes on after it.
 */
static void run_reach_probes(struct __test_metadata *_metadata,
			     const struct indirect_registers *regs,
			     struct probe *res, size_t n)
{
	size_t from = 0;
	int status;
	pid_t pid;

	memset(res, 0, n * sizeof(*res));
	while (from < n) {
		pid = fork();
		ASSERT_LE(0, pid);
		if (!pid)
			reach_child(regs, res, from, n);
		ASSERT_EQ(pid, waitpid(pid, &status, 0));
		ASSERT_FALSE(WIFEXITED(status) && WEXITSTATUS(status) == 1)
			TH_LOG("cannot install the reach filter");
		while (from < n && res[from].done)
			from++;
		/* The probe the child did not come back from */
		from++;
	}
}

/* What CHECK_FIELDS said about one call. */
struct fields_answer {
	long ret;
	int err;
	struct indirect_params p;
};

/* The pattern CHECK_FIELDS must overwrite, or leave alone if it refuses. */
#define FIELDS_UNTOUCHED 0xa5

/* Asks CHECK_FIELDS about @r; nothing runs, so no child is needed. */
static void check_fields_probe(const struct indirect_registers *r,
			       struct fields_answer *a)
{
	memset(&a->p, FIELDS_UNTOUCHED, sizeof(a->p));
	a->ret = sys_indirect(r, &a->p, sizeof(a->p) | CHECK_FIELDS, 0);
	a->err = errno;
}

/*
 * Is @a what CHECK_FIELDS says of @call: EEXTSYS_NOOP and exactly the
 * flags it honours for a listed call, EINVAL and nothing written for an
 * unlisted one (@call NULL)?
 */
static bool check_fields_agrees(const struct listed_call *call,
				const struct fields_answer *a)
{
	struct indirect_params untouched;

	memset(&untouched, FIELDS_UNTOUCHED, sizeof(untouched));
	if (a->ret != -1)
		return false;
	if (!call)
		return a->err == EINVAL &&
		       !memcmp(&a->p, &untouched, sizeof(untouched));
	return a->err == EEXTSYS_NOOP && a->p.file_flags == call->honours &&
	       a->p.resolve == call->resolve;
}

static struct probe *map_probes(struct __test_metadata *_metadata, size_t n)
{
	struct probe *res = mmap(NULL, n * sizeof(*res),
				 PROT_READ | PROT_WRITE,
				 MAP_SHARED | MAP_ANONYMOUS, -1, 0);

	ASSERT_TRUE(res != MAP_FAILED);
	return res;
}

/* accept(@fd, NULL, NULL) in this ABI; @sc_args backs socketcall(). */
static void accept_regs(struct indirect_registers *r, int fd, __u32 *sc_args)
{
	memset(r, 0, sizeof(*r));
#ifdef __NR_accept
	r->nr = __NR_accept;
	r->args[0] = fd;
#else
	sc_args[0] = fd;
	sc_args[1] = 0;
	sc_args[2] = 0;
	r->nr = __NR_socketcall;
	r->args[0] = SYS_ACCEPT;
	r->args[1] = uptr(sc_args);
#endif
}

/*
 * Every consumer with every flag combination: the flags asked for, and
 * only those, on every descriptor the call creates, and no other
 * descriptor; or EINVAL and nothing created for a flag the call cannot
 * honour.
 */
FIXTURE(consumer)
{
	struct indirect_params params;
	int fds;	/* open before the call */
};

FIXTURE_VARIANT(consumer)
{
	__u64 file_flags;
};

FIXTURE_VARIANT_ADD(consumer, none)
{
	.file_flags = 0,
};

FIXTURE_VARIANT_ADD(consumer, cloexec)
{
	.file_flags = INDIRECT_FD_CLOEXEC,
};

FIXTURE_VARIANT_ADD(consumer, nonblock)
{
	.file_flags = INDIRECT_FD_NONBLOCK,
};

FIXTURE_VARIANT_ADD(consumer, cloexec_nonblock)
{
	.file_flags = FD_BOTH,
};

FIXTURE_SETUP(consumer)
{
	self->params.file_flags = variant->file_flags;
	self->fds = nr_fds(_metadata);
}

FIXTURE_TEARDOWN(consumer)
{
}

TEST_F(consumer, socket)
{
	long fd = sys_indirect(&socket_regs, &self->params,
			       sizeof(self->params), 0);

	ASSERT_EQ(variant->file_flags, fd_flags(fd));
	ASSERT_EQ(0, close(fd));
	ASSERT_EQ(self->fds, nr_fds(_metadata));
}

/* The descriptor an open call makes through indirect(), checked and closed */
static void assert_opened(struct __test_metadata *_metadata,
			  const struct indirect_params *params, int fds,
			  __u64 file_flags, const struct indirect_registers *r)
{
	long fd = sys_indirect(r, params, sizeof(*params), 0);

	ASSERT_LE(0, fd) TH_LOG("errno %d", errno);
	ASSERT_EQ(file_flags, fd_flags(fd));
	ASSERT_EQ(0, close(fd));
	ASSERT_EQ(fds, nr_fds(_metadata));
}

TEST_F(consumer, open)
{
	struct indirect_registers r = {
		__NR_open, { uptr("/"), O_RDONLY | O_DIRECTORY }
	};

	assert_opened(_metadata, &self->params, self->fds,
		      variant->file_flags, &r);
}

TEST_F(consumer, openat)
{
	struct indirect_registers r = {
		__NR_openat, { AT_FDCWD, uptr("/"), O_RDONLY | O_DIRECTORY }
	};

	assert_opened(_metadata, &self->params, self->fds,
		      variant->file_flags, &r);
	/* The call's own O_CLOEXEC stays, whatever indirect() adds. */
	r.args[2] |= O_CLOEXEC;
	assert_opened(_metadata, &self->params, self->fds,
		      variant->file_flags | INDIRECT_FD_CLOEXEC, &r);
}

TEST_F(consumer, creat)
{
	char name[64];
	struct indirect_registers r = { __NR_creat, { uptr(name), 0600 } };

	snprintf(name, sizeof(name), "/tmp/indirect-creat-%d", getpid());
	unlink(name);
	assert_opened(_metadata, &self->params, self->fds,
		      variant->file_flags, &r);
	ASSERT_EQ(0, unlink(name));
}

TEST_F(consumer, socketpair)
{
	int sv[2] = { -1, -1 };
	struct indirect_registers r = {
		.nr = __NR_socketpair,
		.args = { AF_UNIX, SOCK_STREAM, 0, (uintptr_t)sv },
	};

	ASSERT_EQ(0, sys_indirect(&r, &self->params, sizeof(self->params), 0));
	ASSERT_EQ(variant->file_flags, fd_flags(sv[0]));
	ASSERT_EQ(variant->file_flags, fd_flags(sv[1]));
	ASSERT_EQ(0, close(sv[0]));
	ASSERT_EQ(0, close(sv[1]));
	ASSERT_EQ(self->fds, nr_fds(_metadata));
}

TEST_F(consumer, accept)
{
	/* The accepted socket must not take after the listener. */
	static const int listener_flags[] = { 0, SOCK_NONBLOCK | SOCK_CLOEXEC };
	size_t i;

	for (i = 0; i < ARRAY_SIZE(listener_flags); i++) {
		struct indirect_registers r;
		struct sockaddr_un addr;
		__u32 sc_args[3];
		int lfd, cfd;
		socklen_t len;
		__u64 lff;
		long fd;

		lfd = unix_listener(_metadata, listener_flags[i], &addr, &len);
		lff = fd_flags(lfd);
		cfd = socket(AF_UNIX, SOCK_STREAM, 0);
		ASSERT_LE(0, cfd);
		ASSERT_EQ(0, connect(cfd, (struct sockaddr *)&addr, len));
		accept_regs(&r, lfd, sc_args);
		fd = sys_indirect(&r, &self->params, sizeof(self->params), 0);
		ASSERT_EQ(variant->file_flags, fd_flags(fd));
		ASSERT_EQ(lff, fd_flags(lfd));
		ASSERT_EQ(0, close(fd));
		ASSERT_EQ(0, close(cfd));
		ASSERT_EQ(0, close(lfd));
	}
	ASSERT_EQ(self->fds, nr_fds(_metadata));
}

TEST_F(consumer, eventfd)
{
	struct indirect_registers r = { .nr = __NR_eventfd, .args = { 0 } };
	long fd = sys_indirect(&r, &self->params, sizeof(self->params), 0);

	ASSERT_EQ(variant->file_flags, fd_flags(fd));
	ASSERT_EQ(0, close(fd));
	ASSERT_EQ(self->fds, nr_fds(_metadata));
}

TEST_F(consumer, signalfd)
{
	__u64 mask = 1ULL << (SIGUSR1 - 1);
	struct indirect_registers r = {
		.nr = __NR_signalfd,
		.args = { -1, (uintptr_t)&mask, sizeof(mask) },
	};
	long fd = sys_indirect(&r, &self->params, sizeof(self->params), 0);

	ASSERT_EQ(variant->file_flags, fd_flags(fd));
	ASSERT_EQ(0, close(fd));
	ASSERT_EQ(self->fds, nr_fds(_metadata));
}

TEST_F(consumer, timerfd_create)
{
	struct indirect_registers r = {
		.nr = __NR_timerfd_create,
		.args = { CLOCK_MONOTONIC, 0 },
	};
	long fd = sys_indirect(&r, &self->params, sizeof(self->params), 0);

	ASSERT_EQ(variant->file_flags, fd_flags(fd));
	ASSERT_EQ(0, close(fd));
	ASSERT_EQ(self->fds, nr_fds(_metadata));
}

TEST_F(consumer, epoll_create)
{
	struct indirect_registers r = { .nr = __NR_epoll_create, .args = { 1 } };
	long fd;

	/* epoll_create1() has no O_NONBLOCK either. */
	if (variant->file_flags & INDIRECT_FD_NONBLOCK) {
		ASSERT_REFUSED(EINVAL, &r, &self->params,
			       sizeof(self->params), 0);
		return;
	}
	fd = sys_indirect(&r, &self->params, sizeof(self->params), 0);
	ASSERT_EQ(variant->file_flags, fd_flags(fd));
	ASSERT_EQ(0, close(fd));
	ASSERT_EQ(self->fds, nr_fds(_metadata));
}

TEST_F(consumer, pipe)
{
	int pfd[2] = { -1, -1 };
	struct indirect_registers r = {
		.nr = __NR_pipe,
		.args = { (uintptr_t)pfd },
	};

	ASSERT_EQ(0, sys_indirect(&r, &self->params, sizeof(self->params), 0));
	ASSERT_EQ(variant->file_flags, fd_flags(pfd[0]));
	ASSERT_EQ(variant->file_flags, fd_flags(pfd[1]));
	ASSERT_EQ(0, close(pfd[0]));
	ASSERT_EQ(0, close(pfd[1]));
	ASSERT_EQ(self->fds, nr_fds(_metadata));
}

TEST_F(consumer, inotify_init)
{
	struct indirect_registers r = { .nr = __NR_inotify_init };
	long fd = sys_indirect(&r, &self->params, sizeof(self->params), 0);

	ASSERT_EQ(variant->file_flags, fd_flags(fd));
	ASSERT_EQ(0, close(fd));
	ASSERT_EQ(self->fds, nr_fds(_metadata));
}

TEST_F(consumer, dup)
{
	/* Close-on-exec on the source, which a plain dup() does not copy. */
	int src = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	struct indirect_registers r = { .nr = __NR_dup };
	long fd;

	ASSERT_LE(0, src);
	r.args[0] = src;
	/*
	 * O_NONBLOCK belongs to the file the source shares, so it cannot
	 * be given to the new descriptor alone.
	 */
	if (variant->file_flags & INDIRECT_FD_NONBLOCK) {
		ASSERT_REFUSED(EINVAL, &r, &self->params,
			       sizeof(self->params), 0);
	} else {
		fd = sys_indirect(&r, &self->params, sizeof(self->params), 0);
		ASSERT_EQ(variant->file_flags, fd_flags(fd));
		ASSERT_EQ(0, close(fd));
	}
	ASSERT_EQ(INDIRECT_FD_CLOEXEC, fd_flags(src));
	ASSERT_EQ(0, close(src));
	ASSERT_EQ(self->fds, nr_fds(_metadata));
}

#ifdef __NR_socketcall
TEST_F(consumer, socketcall_socket)
{
	__u32 sc_args[3] = { AF_UNIX, SOCK_STREAM, 0 };
	struct indirect_registers r = {
		.nr = __NR_socketcall,
		.args = { SYS_SOCKET, uptr(sc_args) },
	};
	long fd = sys_indirect(&r, &self->params, sizeof(self->params), 0);

	ASSERT_EQ(variant->file_flags, fd_flags(fd));
	ASSERT_EQ(0, close(fd));
	ASSERT_EQ(self->fds, nr_fds(_metadata));
}

TEST_F(consumer, socketcall_socketpair)
{
	int sv[2] = { -1, -1 };
	__u32 sc_args[4] = { AF_UNIX, SOCK_STREAM, 0, (uintptr_t)sv };
	struct indirect_registers r = {
		.nr = __NR_socketcall,
		.args = { SYS_SOCKETPAIR, uptr(sc_args) },
	};

	ASSERT_EQ(0, sys_indirect(&r, &self->params, sizeof(self->params), 0));
	ASSERT_EQ(variant->file_flags, fd_flags(sv[0]));
	ASSERT_EQ(variant->file_flags, fd_flags(sv[1]));
	ASSERT_EQ(0, close(sv[0]));
	ASSERT_EQ(0, close(sv[1]));
	ASSERT_EQ(self->fds, nr_fds(_metadata));
}
#endif

/*
 * Every kind of refusal for every consumer, given arguments the call
 * itself accepts: the error, and no descriptor.
 */
/* CHECK_FIELDS without a call: what some call of the list honours. */
TEST(check_fields_without_a_call)
{
	struct indirect_registers r = { .nr = __NR_getpid };
	struct indirect_params p = { .file_flags = 0xa5 };
	__u64 any = 0, any_resolve = 0;
	size_t i;

	for (i = 0; i < WHITE_LIST_SIZE; i++) {
		any |= white_list[i].honours;
		any_resolve |= white_list[i].resolve;
	}
	ASSERT_REFUSED(EEXTSYS_NOOP, NULL, &p, sizeof(p) | CHECK_FIELDS, 0);
	EXPECT_EQ(any, p.file_flags);
	EXPECT_EQ(FD_BOTH, p.file_flags);
	EXPECT_EQ(any_resolve, p.resolve);
	EXPECT_EQ(PATH_LOOKUP, p.resolve);
	/* A call off the list is refused as it would be without the bit. */
	p.file_flags = 0xa5;
	ASSERT_REFUSED(EINVAL, &r, &p, sizeof(p) | CHECK_FIELDS, 0);
	EXPECT_EQ(0xa5, p.file_flags);
	/* Without the bit, no call is no call. */
	ASSERT_REFUSED(EFAULT, NULL, &p, sizeof(p), 0);
	/* Bit 31 of a 64-bit size is a size too large, not a probe. */
	if (sizeof(size_t) == 8)
		ASSERT_REFUSED(E2BIG, &r, &p, (size_t)sizeof(p) | 1UL << 31, 0);
}

FIXTURE(refusal)
{
	struct consumers c;
	struct indirect_registers r;
	long ps;
};

FIXTURE_VARIANT(refusal)
{
	__u64 nr;
	__u32 op;	/* of socketcall() */
};

FIXTURE_VARIANT_ADD(refusal, socket)
{
	.nr = __NR_socket,
};

FIXTURE_VARIANT_ADD(refusal, socketpair)
{
	.nr = __NR_socketpair,
};

#ifdef __NR_accept
FIXTURE_VARIANT_ADD(refusal, accept)
{
	.nr = __NR_accept,
};
#endif

FIXTURE_VARIANT_ADD(refusal, eventfd)
{
	.nr = __NR_eventfd,
};

FIXTURE_VARIANT_ADD(refusal, signalfd)
{
	.nr = __NR_signalfd,
};

FIXTURE_VARIANT_ADD(refusal, timerfd_create)
{
	.nr = __NR_timerfd_create,
};

FIXTURE_VARIANT_ADD(refusal, epoll_create)
{
	.nr = __NR_epoll_create,
};

FIXTURE_VARIANT_ADD(refusal, pipe)
{
	.nr = __NR_pipe,
};

FIXTURE_VARIANT_ADD(refusal, inotify_init)
{
	.nr = __NR_inotify_init,
};

FIXTURE_VARIANT_ADD(refusal, dup)
{
	.nr = __NR_dup,
};

FIXTURE_VARIANT_ADD(refusal, open)
{
	.nr = __NR_open,
};

FIXTURE_VARIANT_ADD(refusal, openat)
{
	.nr = __NR_openat,
};

FIXTURE_VARIANT_ADD(refusal, creat)
{
	.nr = __NR_creat,
};

#ifdef __NR_socketcall
FIXTURE_VARIANT_ADD(refusal, socketcall_socket)
{
	.nr = __NR_socketcall,
	.op = SYS_SOCKET,
};

FIXTURE_VARIANT_ADD(refusal, socketcall_socketpair)
{
	.nr = __NR_socketcall,
	.op = SYS_SOCKETPAIR,
};

FIXTURE_VARIANT_ADD(refusal, socketcall_accept)
{
	.nr = __NR_socketcall,
	.op = SYS_ACCEPT,
};
#endif

FIXTURE_SETUP(refusal)
{
	const struct listed_call *call = listed(variant->nr, variant->op);

	ASSERT_TRUE(!!call);
	self->ps = sysconf(_SC_PAGESIZE);
	consumers_init(_metadata, &self->c);
	consumer_regs(&self->c, call, &self->r);
}

FIXTURE_TEARDOWN(refusal)
{
}

TEST_F(refusal, flags_arg)
{
	struct indirect_params p = { .file_flags = INDIRECT_FD_CLOEXEC };

	ASSERT_REFUSED(EINVAL, &self->r, &p, sizeof(p), 1);
	ASSERT_REFUSED(EINVAL, &self->r, NULL, 0, ~0UL);
}

TEST_F(refusal, size_too_small)
{
	struct indirect_params p = { .file_flags = INDIRECT_FD_CLOEXEC };

	ASSERT_REFUSED(EINVAL, &self->r, &p, 1, 0);
	ASSERT_REFUSED(EINVAL, &self->r, &p, INDIRECT_PARAMS_SIZE_VER0 - 1, 0);
}

TEST_F(refusal, size_over_page)
{
	struct indirect_params *p = map_zeroed(_metadata, 2 * self->ps);

	/* All readable and zero past the struct: only the size is wrong. */
	p->file_flags = INDIRECT_FD_CLOEXEC;
	ASSERT_REFUSED(E2BIG, &self->r, p, self->ps + 1, 0);
}

TEST_F(refusal, tail_not_zero)
{
	struct {
		struct indirect_params p;
		__u64 tail;
	} big = { { INDIRECT_FD_CLOEXEC }, 1 };

	ASSERT_REFUSED(E2BIG, &self->r, &big, sizeof(big), 0);
}

/*
 * CHECK_FIELDS: the flags this call honours, up to the size asked, zeroes
 * past the kernel's struct, EEXTSYS_NOOP; the call does not run.
 */
TEST_F(refusal, check_fields)
{
	const struct listed_call *call = listed(variant->nr, variant->op);
	unsigned char buf[32];
	struct indirect_params *p = (struct indirect_params *)buf;
	size_t i;

	memset(buf, 0xa5, sizeof(buf));
	ASSERT_REFUSED(EEXTSYS_NOOP, &self->r, p, sizeof(*p) | CHECK_FIELDS, 0);
	EXPECT_EQ(call->honours, p->file_flags);
	EXPECT_EQ(call->resolve, p->resolve);
	for (i = sizeof(*p); i < sizeof(buf); i++)
		ASSERT_EQ(0xa5, buf[i]) TH_LOG("byte %zu", i);

	/* A VER0 caller learns about file_flags only. */
	memset(buf, 0xa5, sizeof(buf));
	ASSERT_REFUSED(EEXTSYS_NOOP, &self->r, p,
		       INDIRECT_PARAMS_SIZE_VER0 | CHECK_FIELDS, 0);
	EXPECT_EQ(call->honours, p->file_flags);
	for (i = INDIRECT_PARAMS_SIZE_VER0; i < sizeof(buf); i++)
		ASSERT_EQ(0xa5, buf[i]) TH_LOG("byte %zu", i);

	memset(buf, 0xa5, sizeof(buf));
	ASSERT_REFUSED(EEXTSYS_NOOP, &self->r, p, 24 | CHECK_FIELDS, 0);
	EXPECT_EQ(call->honours, p->file_flags);
	EXPECT_EQ(call->resolve, p->resolve);
	for (i = sizeof(*p); i < sizeof(buf); i++)
		ASSERT_EQ(i < 24 ? 0 : 0xa5, buf[i]) TH_LOG("byte %zu", i);

	/* Refused sizes and flags are refused first, and nothing written. */
	memset(buf, 0xa5, sizeof(buf));
	ASSERT_REFUSED(EINVAL, &self->r, p, 4 | CHECK_FIELDS, 0);
	ASSERT_REFUSED(E2BIG, &self->r, p, (self->ps + 1) | CHECK_FIELDS, 0);
	ASSERT_REFUSED(EINVAL, &self->r, p, sizeof(*p) | CHECK_FIELDS, 1);
	for (i = 0; i < sizeof(buf); i++)
		ASSERT_EQ(0xa5, buf[i]) TH_LOG("byte %zu", i);
	/* Size 0 is no parameters: nothing to write, still answered. */
	ASSERT_REFUSED(EEXTSYS_NOOP, &self->r, NULL, CHECK_FIELDS, 0);
	ASSERT_REFUSED(EFAULT, &self->r, NULL, sizeof(*p) | CHECK_FIELDS, 0);
}

TEST_F(refusal, unknown_file_flags)
{
	struct indirect_params p = { .file_flags = 1ULL << 2 };

	ASSERT_REFUSED(EINVAL, &self->r, &p, sizeof(p), 0);
	p.file_flags = INDIRECT_FD_CLOEXEC | 1ULL << 63;
	ASSERT_REFUSED(EINVAL, &self->r, &p, sizeof(p), 0);
}

TEST_F(refusal, params_fault)
{
	char *page = map_guarded(_metadata, self->ps, false);
	struct indirect_params p = { .file_flags = INDIRECT_FD_CLOEXEC };

	ASSERT_REFUSED(EFAULT, &self->r, NULL, sizeof(p), 0);
	/* All but the last byte readable. */
	memcpy(page + self->ps - sizeof(p) + 1, &p, sizeof(p) - 1);
	ASSERT_REFUSED(EFAULT, &self->r, page + self->ps - sizeof(p) + 1,
		       sizeof(p), 0);
}

TEST_F(refusal, regs_fault)
{
	struct indirect_params p = { .file_flags = INDIRECT_FD_CLOEXEC };
	char *page = map_guarded(_metadata, self->ps, false);
	char *r = page + self->ps - sizeof(self->r) + 1;

	/* All but the last byte, the top of an unused argument, readable. */
	memcpy(r, &self->r, sizeof(self->r) - 1);
	ASSERT_REFUSED(EFAULT, (void *)r, &p, sizeof(p), 0);
}

TEST(regs_fault)
{
	const long ps = sysconf(_SC_PAGESIZE);
	const size_t rs = sizeof(struct indirect_registers);
	struct indirect_params p = { .file_flags = INDIRECT_FD_CLOEXEC };
	char *page;

	ASSERT_REFUSED(EFAULT, NULL, &p, sizeof(p), 0);
	ASSERT_REFUSED(EFAULT, unmapped(_metadata, ps), &p, sizeof(p), 0);

	/* Last byte, unused by socket(), in the PROT_NONE page after. */
	page = map_guarded(_metadata, ps, false);
	memcpy(page + ps - rs + 1, &socket_regs, rs - 1);
	ASSERT_REFUSED(EFAULT, (void *)(page + ps - rs + 1), &p, sizeof(p), 0);
	/* Wholly inside it. */
	ASSERT_REFUSED(EFAULT, (void *)(page + ps), &p, sizeof(p), 0);

	/* First byte in the PROT_NONE page before. */
	page = map_guarded(_metadata, ps, true);
	memcpy(page, (char *)&socket_regs + 1, rs - 1);
	ASSERT_REFUSED(EFAULT, (void *)(page - 1), &p, sizeof(p), 0);
}

TEST(regs_at_page_end)
{
	const long ps = sysconf(_SC_PAGESIZE);
	struct indirect_params p = { .file_flags = FD_BOTH };
	struct indirect_registers *r;
	long fd;

	r = (void *)(map_guarded(_metadata, ps, false) + ps - sizeof(*r));
	*r = socket_regs;
	fd = sys_indirect(r, &p, sizeof(p), 0);
	ASSERT_EQ(FD_BOTH, fd_flags(fd));
	ASSERT_EQ(0, close(fd));

	r = (void *)map_guarded(_metadata, ps, true);
	*r = socket_regs;
	fd = sys_indirect(r, &p, sizeof(p), 0);
	ASSERT_EQ(FD_BOTH, fd_flags(fd));
	ASSERT_EQ(0, close(fd));
}

TEST(flags_arg_must_be_zero)
{
	static const unsigned long flags[] = {
		1, 1UL << 31, ~0UL,
#if __SIZEOF_LONG__ > 4
		1UL << 32,
#endif
	};
	struct indirect_params p = { .file_flags = INDIRECT_FD_CLOEXEC };
	size_t i;

	for (i = 0; i < ARRAY_SIZE(flags); i++) {
		ASSERT_REFUSED(EINVAL, &socket_regs, &p, sizeof(p), flags[i]);
		ASSERT_REFUSED(EINVAL, &socket_regs, NULL, 0, flags[i]);
	}
}

TEST(size_zero_ignores_params)
{
	const long ps = sysconf(_SC_PAGESIZE);
	struct indirect_params p = { .file_flags = FD_BOTH };
	const void *params[] = {
		NULL, &p, unmapped(_metadata, ps), (void *)~0UL,
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(params); i++) {
		long fd = sys_indirect(&socket_regs, params[i], 0, 0);

		ASSERT_EQ(0, fd_flags(fd)) TH_LOG("params %p", params[i]);
		ASSERT_EQ(0, close(fd));
	}
}

TEST(size_too_small)
{
	struct indirect_params p = { .file_flags = FD_BOTH };
	size_t size;

	for (size = 1; size < INDIRECT_PARAMS_SIZE_VER0; size++)
		ASSERT_REFUSED(EINVAL, &socket_regs, &p, size, 0);
}

TEST(size_too_big)
{
	const long ps = sysconf(_SC_PAGESIZE);
	const size_t sizes[] = { ps + 1, 2 * ps, SIZE_MAX };
	struct indirect_params *p;
	size_t i;

	/* All readable and zero past the struct: only the size is wrong. */
	p = map_zeroed(_metadata, 2 * ps);
	p->file_flags = FD_BOTH;
	for (i = 0; i < ARRAY_SIZE(sizes); i++)
		ASSERT_REFUSED(E2BIG, &socket_regs, p, sizes[i], 0);
}

TEST(size_larger_zero_tail)
{
	const long ps = sysconf(_SC_PAGESIZE);
	struct indirect_params p = { .file_flags = FD_BOTH };
	const size_t sizes[] = { sizeof(p) + 1, 16, ps };
	char *page;
	size_t i;

	/* Against a PROT_NONE page: nothing past the size may be read. */
	page = map_guarded(_metadata, ps, false);
	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		char *at = page + ps - sizes[i];
		long fd;

		memcpy(at, &p, sizeof(p));
		fd = sys_indirect(&socket_regs, at, sizes[i], 0);
		ASSERT_EQ(FD_BOTH, fd_flags(fd)) TH_LOG("size %zu", sizes[i]);
		ASSERT_EQ(0, close(fd));
		memset(at, 0, sizeof(p));
	}
}

TEST(size_larger_nonzero_tail)
{
	const long ps = sysconf(_SC_PAGESIZE);
	struct {
		struct indirect_params p;
		unsigned char tail[8];
	} big = { { FD_BOTH } };
	char *page;

	big.tail[0] = 1;
	ASSERT_REFUSED(E2BIG, &socket_regs, &big,
		       INDIRECT_PARAMS_SIZE_LATEST + 1, 0);
	ASSERT_REFUSED(E2BIG, &socket_regs, &big, sizeof(big), 0);
	big.tail[0] = 0;
	big.tail[7] = 0x80;
	ASSERT_REFUSED(E2BIG, &socket_regs, &big, sizeof(big), 0);

	page = map_guarded(_metadata, ps, false);
	memcpy(page, &big.p, sizeof(big.p));
	page[ps - 1] = 1;
	ASSERT_REFUSED(E2BIG, &socket_regs, page, ps, 0);
}

TEST(params_fault)
{
	const long ps = sysconf(_SC_PAGESIZE);
	struct indirect_params p = { .file_flags = FD_BOTH };
	const size_t ks = sizeof(p);
	char *page;

	ASSERT_REFUSED(EFAULT, &socket_regs, NULL, ks, 0);
	ASSERT_REFUSED(EFAULT, &socket_regs, unmapped(_metadata, ps), ks, 0);

	page = map_guarded(_metadata, ps, false);
	/* Last byte in the PROT_NONE page after. */
	memcpy(page + ps - ks + 1, &p, ks - 1);
	ASSERT_REFUSED(EFAULT, &socket_regs, page + ps - ks + 1, ks, 0);
	/* Wholly inside it. */
	ASSERT_REFUSED(EFAULT, &socket_regs, page + ps, ks, 0);
	/* The struct readable, the tail to check for zeros not. */
	memcpy(page + ps - ks, &p, ks);
	ASSERT_REFUSED(EFAULT, &socket_regs, page + ps - ks, 2 * ks, 0);

	/* First byte in the PROT_NONE page before. */
	page = map_guarded(_metadata, ps, true);
	memcpy(page, (char *)&p + 1, ks - 1);
	ASSERT_REFUSED(EFAULT, &socket_regs, page - 1, ks, 0);
}

TEST(params_at_page_end)
{
	const long ps = sysconf(_SC_PAGESIZE);
	struct indirect_params *p;
	long fd;

	p = (void *)(map_guarded(_metadata, ps, false) + ps - sizeof(*p));
	p->file_flags = FD_BOTH;
	fd = sys_indirect(&socket_regs, p, sizeof(*p), 0);
	ASSERT_EQ(FD_BOTH, fd_flags(fd));
	ASSERT_EQ(0, close(fd));

	p = (void *)map_guarded(_metadata, ps, true);
	p->file_flags = FD_BOTH;
	fd = sys_indirect(&socket_regs, p, sizeof(*p), 0);
	ASSERT_EQ(FD_BOTH, fd_flags(fd));
	ASSERT_EQ(0, close(fd));
}

TEST(params_misaligned)
{
	static const size_t offsets[] = { 1, 3, 7 };
	struct indirect_params p = { .file_flags = FD_BOTH };
	__u64 buf[3];
	size_t i;

	for (i = 0; i < ARRAY_SIZE(offsets); i++) {
		char *at = (char *)buf + offsets[i];
		long fd;

		memset(buf, 0, sizeof(buf));
		memcpy(at, &p, sizeof(p));
		fd = sys_indirect(&socket_regs, at, sizeof(p), 0);
		ASSERT_EQ(FD_BOTH, fd_flags(fd)) TH_LOG("offset %zu", offsets[i]);
		ASSERT_EQ(0, close(fd));
	}
}

TEST(unknown_file_flags)
{
	static const __u64 bad[] = {
		1ULL << 2, 1ULL << 32, 1ULL << 63,
		INDIRECT_FD_CLOEXEC | 1ULL << 2,
		INDIRECT_FD_NONBLOCK | 1ULL << 63,
		~0ULL,
	};
	struct indirect_params p = {};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		p.file_flags = bad[i];
		ASSERT_REFUSED(EINVAL, &socket_regs, &p, sizeof(p), 0);
	}
}

/*
 * Numbers that must never run, each with arguments that would make the
 * call succeed (or at least not fail with EINVAL) if it did, or, for the
 * calls that answer EINVAL themselves, arguments they refuse: each judged
 * by CHECK_FIELDS and by a reach probe, neither of which depends on what
 * the call would answer, and by a plain run.
 */
TEST(nr_not_listed)
{
	static const struct indirect_params none;
	/* struct clone_args, version 0: exit_signal is the fifth field */
	__u64 clone_args[8] = { [4] = SIGCHLD };
	__u64 mask = 1ULL << (SIGUSR1 - 1);
	struct open_how how = { .flags = O_RDONLY };
	struct consumers c;
	int pfd[2];
	const struct {
		const char *name;
		struct indirect_registers r;
	} calls[] = {
		{ "indirect", { __NR_indirect, { (uintptr_t)&socket_regs,
						 (uintptr_t)&none,
						 sizeof(none) } } },
		{ "exit", { __NR_exit } },
		{ "exit_group", { __NR_exit_group } },
		{ "execve", { __NR_execve } },
		{ "execveat", { __NR_execveat } },
		{ "clone", { __NR_clone, { SIGCHLD } } },
		{ "clone3", { __NR_clone3, { (uintptr_t)clone_args, 64 } } },
		{ "fork", { __NR_fork } },
		{ "vfork", { __NR_vfork } },
		{ "rt_sigreturn", { __NR_rt_sigreturn } },
		/* High bits that must not be truncated away */
		{ "~0", { ~0ULL, { AF_UNIX, SOCK_STREAM } } },
		{ "0xffffffff", { 0xffffffffULL, { AF_UNIX, SOCK_STREAM } } },
		{ "1 << 32 | socket",
		  { 1ULL << 32 | __NR_socket, { AF_UNIX, SOCK_STREAM } } },
		{ "1 << 63 | socket",
		  { 1ULL << 63 | __NR_socket, { AF_UNIX, SOCK_STREAM } } },
		{ "socket of the other 64-bit ABI",
		  { ABI_FOREIGN_SOCKET, { AF_UNIX, SOCK_STREAM } } },
		{ "indirect + 1", { __NR_indirect + 1 } },
		{ "512", { ABI_NR_BASE + 512 } },
		/* Siblings that take flags of their own */
		{ "accept4", { __NR_accept4 } },
		{ "eventfd2", { __NR_eventfd2 } },
		{ "signalfd4", { __NR_signalfd4, { -1, (uintptr_t)&mask, 8 } } },
		{ "pipe2", { __NR_pipe2, { (uintptr_t)pfd } } },
		{ "inotify_init1", { __NR_inotify_init1 } },
		{ "epoll_create1", { __NR_epoll_create1 } },
		{ "dup2", { __NR_dup2, { 0, 100 } } },
		{ "dup3", { __NR_dup3, { 0, 101 } } },
		/* Other calls that create descriptors */
		{ "openat2", { __NR_openat2, { AT_FDCWD, (uintptr_t)"/",
					       (uintptr_t)&how,
					       sizeof(how) } } },
		{ "memfd_create", { __NR_memfd_create, { (uintptr_t)"x" } } },
		/* Path calls left off the list: the mount calls */
		{ "chroot", { __NR_chroot, { (uintptr_t)"/" } } },
		{ "open_tree", { __NR_open_tree, { AT_FDCWD, (uintptr_t)"/" } } },
		/* ENOENT, not EINVAL, should it run */
		{ "umount2", { __NR_umount2, { (uintptr_t)"/nonexistent" } } },
		/* Calls that say EINVAL themselves: a misaligned address */
		{ "munmap", { __NR_munmap, { 1, 1 } } },
		{ "mprotect", { __NR_mprotect, { 1, 1, PROT_READ } } },
		{ "madvise", { __NR_madvise, { 1, 1, MADV_NORMAL } } },
		{ "rt_sigprocmask", { __NR_rt_sigprocmask,
				      { 99, (uintptr_t)&mask, 0, 8 } } },
#ifdef __NR_socketcall
		/* Other operations of socketcall(), with valid arguments */
		{ "socketcall(SYS_ACCEPT4)",
		  { __NR_socketcall, { SYS_ACCEPT4, (uintptr_t)c.sc_args } } },
		{ "socketcall(SYS_LISTEN)",
		  { __NR_socketcall, { SYS_LISTEN, (uintptr_t)c.sc_args } } },
		{ "socketcall(0)", { __NR_socketcall, { 0 } } },
		{ "socketcall(SYS_SENDMMSG + 1)",
		  { __NR_socketcall, { SYS_SENDMMSG + 1 } } },
		{ "socketcall(-1)", { __NR_socketcall, { ~0ULL } } },
#endif
	};
	const size_t n = ARRAY_SIZE(calls);
	struct indirect_registers regs[ARRAY_SIZE(calls)];
	struct probe *res = map_probes(_metadata, n);
	struct probe *reach = map_probes(_metadata, n);
	struct fields_answer fields;
	size_t i, through = 0;

	consumers_init(_metadata, &c);
	/* accept4()'s or listen()'s arguments, should socketcall() run them */
	c.sc_args[0] = c.listener;
	c.sc_args[1] = 0;
	c.sc_args[2] = 0;
	c.sc_args[3] = 0;

	for (i = 0; i < n; i++) {
		regs[i] = calls[i].r;
		/* An open descriptor, known to this test */
		if (regs[i].nr == __NR_accept4 || regs[i].nr == __NR_dup2 ||
		    regs[i].nr == __NR_dup3)
			regs[i].args[0] = c.listener;
	}
	run_reach_probes(_metadata, regs, reach, n);
	for (i = 0; i < n; i++) {
		run_probe(_metadata, &regs[i], &res[i]);
		check_fields_probe(&regs[i], &fields);
		if (check_fields_agrees(NULL, &fields) &&
		    probe_refused(&reach[i]) && probe_refused(&res[i]))
			continue;
		/* done/ret/errno of each: done 0 is did not return */
		TH_LOG("%s let through: CHECK_FIELDS %ld/%d; filtered %d/%ld/%d; run %d/%ld/%d",
		       calls[i].name, fields.ret, fields.err, reach[i].done,
		       reach[i].ret, reach[i].err, res[i].done, res[i].ret,
		       res[i].err);
		through++;
	}
	ASSERT_EQ(0, through);
}

/*
 * CHECK_FIELDS for every listed call: the file flags and resolve bits it
 * honours, and the call does not run (no descriptor, nothing created).
 */
TEST(check_fields_every_listed_call)
{
	struct consumers c;
	int before;
	size_t i;

	consumers_init(_metadata, &c);
	before = nr_fds(_metadata);
	for (i = 0; i < WHITE_LIST_SIZE; i++) {
		const struct listed_call *call = &white_list[i];
		struct indirect_params p = { ~0ULL, ~0ULL };
		struct indirect_registers r;
		struct stat st;

		consumer_regs(&c, call, &r);
		ASSERT_REFUSED(EEXTSYS_NOOP, &r, &p, sizeof(p) | CHECK_FIELDS,
			       0);
		EXPECT_EQ(call->honours, p.file_flags) TH_LOG("%s", call->name);
		EXPECT_EQ(call->resolve, p.resolve) TH_LOG("%s", call->name);
		/* What mkdirat() would have made is not there. */
		if (call->nr == __NR_mkdirat)
			ASSERT_EQ(-1, fstatat(c.dir, "mkdirat.new", &st, 0));
	}
	ASSERT_EQ(before, nr_fds(_metadata));
}

/* One claimed bit of one listed call, tried in reach_every_bit(). */
struct bit_probe {
	struct indirect_registers r;
	struct indirect_params p;
	const char *name;
	long ret;
	int err;
	bool done;
};

/*
 * In a child, with a filter that answers every call but indirect() and
 * exit_group() with REACHED_ERRNO: each probe's inner call, let through,
 * meets the filter instead of running.
 */
static void reach_every_bit(struct bit_probe *probes, size_t n)
{
	struct sock_filter insns[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
			 offsetof(struct seccomp_data, nr)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_indirect, 1, 0),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_exit_group, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | REACHED_ERRNO),
	};
	struct sock_fprog prog = {
		.len = ARRAY_SIZE(insns),
		.filter = insns,
	};
	size_t i;

	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) ||
	    syscall(__NR_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog))
		syscall(__NR_exit_group, 1);
	for (i = 0; i < n; i++) {
		probes[i].ret = sys_indirect(&probes[i].r, &probes[i].p,
					     sizeof(probes[i].p), 0);
		probes[i].err = errno;
		probes[i].done = true;
	}
	syscall(__NR_exit_group, 0);
}

/*
 * Each bit that CHECK_FIELDS claims for a listed call, alone, gets the
 * call past indirect()'s checks to the call itself, for every listed
 * call: what the answer includes is accepted (what it leaves out is
 * refused by the refusal fixture and the fuzzer).
 */
TEST(every_claimed_bit_reaches_the_call)
{
	const size_t max = WHITE_LIST_SIZE * 128;
	struct bit_probe *probes;
	size_t i, n = 0, claimed = 0;
	struct consumers c;
	int status, bit;
	pid_t pid;

	probes = mmap(NULL, max * sizeof(*probes), PROT_READ | PROT_WRITE,
		      MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	ASSERT_TRUE(probes != MAP_FAILED);
	consumers_init(_metadata, &c);
	for (i = 0; i < WHITE_LIST_SIZE; i++) {
		const struct listed_call *call = &white_list[i];
		struct indirect_params answer = {};
		struct indirect_registers r;

		consumer_regs(&c, call, &r);
		ASSERT_REFUSED(EEXTSYS_NOOP, &r, &answer,
			       sizeof(answer) | CHECK_FIELDS, 0);
		claimed += __builtin_popcountll(call->honours) +
			   __builtin_popcountll(call->resolve);
		for (bit = 0; bit < 64; bit++) {
			const __u64 b = 1ULL << bit;

			ASSERT_GE(max - 2, n);
			if (answer.file_flags & b)
				probes[n++] = (struct bit_probe){
					.r = r, .p.file_flags = b,
					.name = call->name,
				};
			if (answer.resolve & b)
				probes[n++] = (struct bit_probe){
					.r = r, .p.resolve = b,
					.name = call->name,
				};
		}
	}
	/* The answers are the list's (check_fields_every_listed_call). */
	ASSERT_EQ(claimed, n);
	ASSERT_LT(0, n);

	pid = fork();
	ASSERT_LE(0, pid);
	if (!pid)
		reach_every_bit(probes, n);
	ASSERT_EQ(pid, waitpid(pid, &status, 0));
	ASSERT_TRUE(WIFEXITED(status) && !WEXITSTATUS(status));
	for (i = 0; i < n; i++)
		EXPECT_TRUE(probes[i].done && probes[i].ret == -1 &&
			    probes[i].err == REACHED_ERRNO)
			TH_LOG("%s with file_flags %#llx resolve %#llx: %ld/%s",
			       probes[i].name,
			       (unsigned long long)probes[i].p.file_flags,
			       (unsigned long long)probes[i].p.resolve,
			       probes[i].ret, strerror(probes[i].err));
	munmap(probes, max * sizeof(*probes));
}

/* A test that forks a probe per system call number: slow on a debug kernel */
FIXTURE(sweep)
{
};

FIXTURE_SETUP(sweep)
{
}

FIXTURE_TEARDOWN(sweep)
{
}

/* Where the numbers of the other x86 ABI with 64-bit registers start */
#if defined(__x86_64__) && defined(__ILP32__)
#define FOREIGN_NR_BASE	0
#else
#define FOREIGN_NR_BASE	__X32_SYSCALL_BIT
#endif

/* A number and, for socketcall(), the operation, to sweep. */
struct sweep_item {
	__u64 nr;
	__u64 op;
};

/*
 * What the sweep tries: every number from ABI_NR_BASE and from
 * FOREIGN_NR_BASE to NR_SWEEP more (for x32, its own calls from 512 on
 * too), socketcall() with every operation and some beyond, and each
 * listed number with high bits that must not be truncated away. Returns
 * how many it put in @items.
 */
static size_t sweep_items(struct sweep_item *items)
{
	static const __u64 special[] = { ~0ULL, 0xffffffffULL };
	size_t i, n = 0;

	for (i = 0; i < NR_SWEEP; i++) {
#ifdef __NR_socketcall
		if (ABI_NR_BASE + i == __NR_socketcall) {
			__u64 op;

			for (op = 0; op <= SYS_SENDMMSG + 1; op++)
				items[n++] = (struct sweep_item){
					ABI_NR_BASE + i, op };
			/* The operation is the low half: 32-bit registers */
			items[n++] = (struct sweep_item){
				ABI_NR_BASE + i, 1ULL << 32 | SYS_SOCKET };
			items[n++] = (struct sweep_item){
				ABI_NR_BASE + i, 1ULL << 32 | SYS_ACCEPT4 };
			items[n++] = (struct sweep_item){
				ABI_NR_BASE + i, 0xffffffffULL };
			items[n++] = (struct sweep_item){ ABI_NR_BASE + i, ~0ULL };
			continue;
		}
#endif
		items[n++] = (struct sweep_item){ ABI_NR_BASE + i };
	}
	for (i = 0; i < NR_SWEEP; i++)
		items[n++] = (struct sweep_item){ FOREIGN_NR_BASE + i };
	for (i = 0; i < ARRAY_SIZE(special); i++)
		items[n++] = (struct sweep_item){ special[i] };
	for (i = 0; i < WHITE_LIST_SIZE; i++) {
		items[n++] = (struct sweep_item){ 1ULL << 32 | white_list[i].nr,
						  white_list[i].op };
		items[n++] = (struct sweep_item){ 1ULL << 63 | white_list[i].nr,
						  white_list[i].op };
	}
	return n;
}

#define SWEEP_MAX (2 * NR_SWEEP + SYS_SENDMMSG + 6 + 2 + 2 * WHITE_LIST_SIZE)

/*
 * Exactly the test's own white list is listed, in every number and
 * socketcall() operation of this ABI and some out of it, judged twice,
 * neither time by what the call itself would answer: CHECK_FIELDS
 * (EEXTSYS_NOOP and the flags the call honours for a listed call, EINVAL
 * for any other), and a reach probe under a filter that answers every
 * call indirect() gets as far as running with REACHED_ERRNO. Each listed
 * call also runs, unfiltered, with arguments that make it succeed.
 */
TEST_F_TIMEOUT(sweep, numbers, 300)
{
	struct sweep_item *items = calloc(SWEEP_MAX, sizeof(*items));
	struct indirect_registers *regs = calloc(SWEEP_MAX, sizeof(*regs));
	struct fields_answer *fields = calloc(SWEEP_MAX, sizeof(*fields));
	struct probe *reach = map_probes(_metadata, SWEEP_MAX);
	struct probe *run = map_probes(_metadata, WHITE_LIST_SIZE);
	char *list = calloc(SWEEP_MAX, 48);
	size_t i, n, len = 0, wrong = 0, nlisted = 0;
	struct consumers c;
	struct timespec start;

	clock_gettime(CLOCK_MONOTONIC, &start);
	ASSERT_TRUE(items && regs && fields && list);
	n = sweep_items(items);
	ASSERT_GE(SWEEP_MAX, n);
	for (i = 0; i < n; i++) {
		/* -1: a call let through would not even succeed */
		memset(regs[i].args, 0xff, sizeof(regs[i].args));
		regs[i].nr = items[i].nr;
#ifdef __NR_socketcall
		if (items[i].nr == __NR_socketcall)
			regs[i].args[0] = items[i].op;
#endif
		check_fields_probe(&regs[i], &fields[i]);
	}
	run_reach_probes(_metadata, regs, reach, n);

	for (i = 0; i < n; i++) {
		const struct listed_call *call = listed(items[i].nr,
							items[i].op);
		bool fields_ok = check_fields_agrees(call, &fields[i]);
		bool reach_ok = call ? probe_reached(&reach[i]) :
				       probe_refused(&reach[i]);

		nlisted += !!call;
		if (probe_reached(&reach[i]))
			len += sprintf(list + len, " %#llx", items[i].nr);
#ifdef __NR_socketcall
		if (probe_reached(&reach[i]) && items[i].nr == __NR_socketcall)
			len += sprintf(list + len, "(%#llx)", items[i].op);
#endif
		if (fields_ok && reach_ok)
			continue;
		/* ret/errno file_flags/resolve; done/ret/errno */
		TH_LOG("nr %#llx op %#llx%s: CHECK_FIELDS %ld/%d %#llx/%#llx; filtered %d/%ld/%d",
		       items[i].nr, items[i].op,
		       call ? " (white-listed)" : "", fields[i].ret,
		       fields[i].err, fields[i].p.file_flags,
		       fields[i].p.resolve, reach[i].done, reach[i].ret,
		       reach[i].err);
		wrong++;
	}
	TH_LOG("%zu numbers and operations, %zu listed; let through:%s",
	       n, nlisted, list);
	/* The sweep went past every listed call, so each was judged. */
	for (i = 0; i < WHITE_LIST_SIZE; i++) {
		EXPECT_GT(NR_SWEEP, white_list[i].nr - ABI_NR_BASE);
		EXPECT_GE(SYS_SENDMMSG, white_list[i].op);
	}
	EXPECT_LE(WHITE_LIST_SIZE, nlisted);

	/* Each listed call runs, and does what it was asked. */
	consumers_init(_metadata, &c);
	for (i = 0; i < WHITE_LIST_SIZE; i++) {
		const struct listed_call *call = &white_list[i];
		struct indirect_registers r;
		bool ok;

		consumer_regs(&c, call, &r);
		run_probe(_metadata, &r, &run[i]);
		if (consumer_gets_eagain(call))
			ok = run[i].done && run[i].ret == -1 &&
			     run[i].err == EAGAIN;
		else
			ok = run[i].done && run[i].ret >= 0;
		if (ok)
			continue;
		TH_LOG("%s (nr %llu): %s, ret %ld, errno %d", call->name,
		       call->nr, run[i].done ? "returned" : "did not return",
		       run[i].ret, run[i].err);
		wrong++;
	}
	TH_LOG("sweep took %.1f s", seconds_since(&start));
	ASSERT_EQ(0, wrong);
}

#ifdef __i386__
/*
 * A 32-bit caller's registers are 32 bits wide: the call gets the low half
 * of each argument, so sign-extended values and pointers work.
 */
TEST(compat_args_low_half)
{
	__u32 sc_args[3] = { AF_UNIX, SOCK_STREAM, 0 };
	struct indirect_params p = { .file_flags = FD_BOTH };
	__u64 mask = 1ULL << (SIGUSR1 - 1);
	struct indirect_registers r = {
		.nr = __NR_socket,
		.args = { 0xa5a5a5a5ULL << 32 | AF_UNIX,
			  0xffffffffULL << 32 | SOCK_STREAM, 1ULL << 63 },
	};
	long fd;

	fd = sys_indirect(&r, &p, sizeof(p), 0);
	ASSERT_EQ(FD_BOTH, fd_flags(fd));
	ASSERT_EQ(0, close(fd));

	/* fd -1 and the pointer, sign-extended from 32 bits */
	r = (struct indirect_registers) {
		.nr = __NR_signalfd,
		.args = { (__u64)(__s64)-1,
			  (__u64)(__s64)(int32_t)(uintptr_t)&mask,
			  0x5a5a5a5aULL << 32 | sizeof(mask) },
	};
	fd = sys_indirect(&r, &p, sizeof(p), 0);
	ASSERT_EQ(FD_BOTH, fd_flags(fd));
	ASSERT_EQ(0, close(fd));

	/* socketcall()'s operation, too, is its low half. */
	r = (struct indirect_registers) {
		.nr = __NR_socketcall,
		.args = { 1ULL << 32 | SYS_SOCKET,
			  0xffffffffULL << 32 | (uintptr_t)sc_args },
	};
	fd = sys_indirect(&r, &p, sizeof(p), 0);
	ASSERT_EQ(FD_BOTH, fd_flags(fd));
	ASSERT_EQ(0, close(fd));
}
#endif

#define TRACEFS "/sys/kernel/tracing"

static void tracefs_write(struct __test_metadata *_metadata, const char *file,
			  const char *val)
{
	char path[128];
	int fd;

	snprintf(path, sizeof(path), TRACEFS "/%s", file);
	fd = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC);
	ASSERT_LE(0, fd) TH_LOG("%s: %s", path, strerror(errno));
	ASSERT_EQ((ssize_t)strlen(val), write(fd, val, strlen(val)))
		TH_LOG("%s: %s", path, strerror(errno));
	ASSERT_EQ(0, close(fd));
}

/* Finds @what in @buf from @from on; the end of the match, or NULL. */
static const char *find_after(const char *buf, const char *from,
			      const char *what)
{
	const char *at = strstr(from ? from : buf, what);

	return at ? at + strlen(what) : NULL;
}

/*
 * The raw_syscalls events show the inner call as a system call of its own,
 * nested in indirect(), with its number in the caller's ABI and its result.
 */
TEST(trace_events_show_inner_call)
{
	struct indirect_params p = { .file_flags = INDIRECT_FD_CLOEXEC };
	char filter[64], enter_outer[64], enter_inner[96];
	char exit_inner[64], exit_outer[64];
	const char *at;
	char *buf;
	ssize_t len, n;
	long fd;
	int tfd;

	if (access(TRACEFS "/trace", F_OK))
		ASSERT_EQ(0, mount("tracefs", TRACEFS, "tracefs", 0, NULL));
	snprintf(filter, sizeof(filter), "common_pid == %d", getpid());
	tracefs_write(_metadata, "events/raw_syscalls/sys_enter/filter",
		      filter);
	tracefs_write(_metadata, "events/raw_syscalls/sys_exit/filter",
		      filter);
	tracefs_write(_metadata, "trace", "");
	tracefs_write(_metadata, "events/raw_syscalls/enable", "1");
	fd = sys_indirect(&socket_regs, &p, sizeof(p), 0);
	tracefs_write(_metadata, "events/raw_syscalls/enable", "0");
	ASSERT_EQ(INDIRECT_FD_CLOEXEC, fd_flags(fd));

	buf = malloc(1 << 20);
	ASSERT_TRUE(!!buf);
	tfd = open(TRACEFS "/trace", O_RDONLY | O_CLOEXEC);
	ASSERT_LE(0, tfd);
	for (len = 0; (n = read(tfd, buf + len, (1 << 20) - 1 - len)) > 0;)
		len += n;
	buf[len] = '\0';
	close(tfd);
	tracefs_write(_metadata, "events/raw_syscalls/sys_enter/filter", "0");
	tracefs_write(_metadata, "events/raw_syscalls/sys_exit/filter", "0");

	snprintf(enter_outer, sizeof(enter_outer), "sys_enter: NR %lld (",
		 (long long)__NR_indirect);
	snprintf(enter_inner, sizeof(enter_inner), "sys_enter: NR %lld (%x, %x, 0,",
		 (long long)__NR_socket, AF_UNIX, SOCK_STREAM);
	snprintf(exit_inner, sizeof(exit_inner), "sys_exit: NR %lld = %ld\n",
		 (long long)__NR_socket, fd);
	snprintf(exit_outer, sizeof(exit_outer), "sys_exit: NR %lld = %ld\n",
		 (long long)__NR_indirect, fd);
	at = find_after(buf, NULL, enter_outer);
	ASSERT_TRUE(!!at) TH_LOG("no '%s' in:\n%s", enter_outer, buf);
	at = find_after(buf, at, enter_inner);
	ASSERT_TRUE(!!at) TH_LOG("no '%s' in:\n%s", enter_inner, buf);
	at = find_after(buf, at, exit_inner);
	ASSERT_TRUE(!!at) TH_LOG("no '%s' in:\n%s", exit_inner, buf);
	at = find_after(buf, at, exit_outer);
	ASSERT_TRUE(!!at) TH_LOG("no '%s' in:\n%s", exit_outer, buf);
	free(buf);
	ASSERT_EQ(0, close(fd));
}

/*
 * raw_syscall() makes a system call from one instruction with every other
 * register set: the ones it does not pass to the call to known values, the
 * flags to 0x202 (IF), the stack pointer to a stack of its own. Two calls
 * through it differ in their number and arguments only. An i386 call
 * takes the low halves of @args.
 */
long raw_syscall(long nr, const unsigned long long args[6]);

asm(".text\n"
	".globl raw_syscall\n"
	".type raw_syscall, @function\n"
	"raw_syscall:\n"
#ifdef __i386__
	"	push %ebx\n"
	"	push %ebp\n"
	"	push %esi\n"
	"	push %edi\n"
	"	mov 20(%esp), %eax\n"
	"	mov 24(%esp), %edi\n"
	"	mov 0(%edi), %ebx\n"
	"	mov 8(%edi), %ecx\n"
	"	mov 16(%edi), %edx\n"
	"	mov 24(%edi), %esi\n"
	"	mov 40(%edi), %ebp\n"
	"	mov 32(%edi), %edi\n"
	"	mov %esp, raw_saved_sp\n"
	"	mov $raw_stack + 4096, %esp\n"
	"	push $0x202\n"
	"	popf\n"
	"	int $0x80\n"
	"	mov raw_saved_sp, %esp\n"
	"	pop %edi\n"
	"	pop %esi\n"
	"	pop %ebp\n"
	"	pop %ebx\n"
#else
	"	push %rbx\n"
	"	push %rbp\n"
	"	push %r12\n"
	"	push %r13\n"
	"	push %r14\n"
	"	push %r15\n"
	/* Zero-extended: an x32 caller leaves the upper halves undefined. */
	"	movl %edi, %eax\n"
#ifdef __ILP32__
	"	movl %esi, %r11d\n"
#else
	"	mov %rsi, %r11\n"
#endif
	"	mov 0(%r11), %rdi\n"
	"	mov 8(%r11), %rsi\n"
	"	mov 16(%r11), %rdx\n"
	"	mov 24(%r11), %r10\n"
	"	mov 32(%r11), %r8\n"
	"	mov 40(%r11), %r9\n"
	"	mov %rsp, raw_saved_sp(%rip)\n"
	"	lea raw_stack + 4096(%rip), %rsp\n"
	"	movabs $0x1b1b1b1b1b1b1b1b, %rbx\n"
	"	movabs $0x1c1c1c1c1c1c1c1c, %rbp\n"
	"	movabs $0x1d1d1d1d1d1d1d1d, %r12\n"
	"	movabs $0x1e1e1e1e1e1e1e1e, %r13\n"
	"	movabs $0x1f1f1f1f1f1f1f1f, %r14\n"
	"	movabs $0x2f2f2f2f2f2f2f2f, %r15\n"
	"	push $0x202\n"
	"	popfq\n"
	"	syscall\n"
	"	mov raw_saved_sp(%rip), %rsp\n"
	"	pop %r15\n"
	"	pop %r14\n"
	"	pop %r13\n"
	"	pop %r12\n"
	"	pop %rbp\n"
	"	pop %rbx\n"
#endif
	"	ret\n"
	".size raw_syscall, . - raw_syscall\n"
	".local raw_stack\n"
	".comm raw_stack, 4096, 16\n"
	".local raw_saved_sp\n"
	".comm raw_saved_sp, 8, 8\n");

/* struct pt_regs of x86-64, which also holds a 32-bit caller's registers */
static const char *const pt_regs_fields[] = {
	"r15", "r14", "r13", "r12", "bp", "bx", "r11", "r10", "r9", "r8",
	"ax", "cx", "dx", "si", "di", "orig_ax", "ip", "cs", "flags", "sp",
	"ss",
};

#define NR_PT_REGS	ARRAY_SIZE(pt_regs_fields)

#ifdef __i386__
#define ACCESS_WRAPPER	"__ia32_sys_access"
#else
#define ACCESS_WRAPPER	"__x64_sys_access"
#endif

#define REGS_EVENT	"indirect_selftest/pt_regs"

/* The trace buffer of this process's events, read whole. */
static char *read_trace(struct __test_metadata *_metadata)
{
	char *buf = malloc(1 << 20);
	ssize_t len, n;
	int tfd;

	ASSERT_TRUE(!!buf);
	tfd = open(TRACEFS "/trace", O_RDONLY | O_CLOEXEC);
	ASSERT_LE(0, tfd);
	for (len = 0; (n = read(tfd, buf + len, (1 << 20) - 1 - len)) > 0;)
		len += n;
	buf[len] = '\0';
	ASSERT_EQ(0, close(tfd));
	return buf;
}

/*
 * The struct pt_regs that the syscall wrapper of access() gets for the
 * call @nr with @args makes through raw_syscall(), as a kprobe on the
 * wrapper reads it (its first argument is the pointer), into @regs.
 */
static long probed_regs(struct __test_metadata *_metadata, long nr,
			const unsigned long long args[6], unsigned long long *regs)
{
	const char *at;
	char *buf;
	size_t i;
	long ret;

	tracefs_write(_metadata, "trace", "");
	tracefs_write(_metadata, "events/" REGS_EVENT "/enable", "1");
	ret = raw_syscall(nr, args);
	tracefs_write(_metadata, "events/" REGS_EVENT "/enable", "0");
	buf = read_trace(_metadata);
	at = strstr(buf, "pt_regs: (");
	ASSERT_TRUE(at && !strstr(at + 1, "pt_regs: ("))
		TH_LOG("not one hit of " ACCESS_WRAPPER " in:\n%s", buf);
	for (i = 0; i < NR_PT_REGS; i++) {
		char name[16];
		const char *field;

		snprintf(name, sizeof(name), " %s=0x", pt_regs_fields[i]);
		field = strstr(at, name);
		ASSERT_TRUE(!!field) TH_LOG("no%s in %s", name, at);
		regs[i] = strtoull(field + strlen(name), NULL, 16);
	}
	free(buf);
	return ret;
}

FIXTURE(inner_regs)
{
};

/* What runs between indirect() and the inner call's wrapper. */
FIXTURE_VARIANT(inner_regs)
{
	bool traced;	/* the sys_enter/sys_exit tracepoints */
	bool filtered;	/* a seccomp filter */
};

FIXTURE_VARIANT_ADD(inner_regs, plain)
{
};

FIXTURE_VARIANT_ADD(inner_regs, traced)
{
	.traced = true,
};

FIXTURE_VARIANT_ADD(inner_regs, filtered)
{
	.filtered = true,
};

FIXTURE_SETUP(inner_regs)
{
	char probe[1024] = "p:" REGS_EVENT " " ACCESS_WRAPPER;
	char filter[64];
	size_t i;

	if (access(TRACEFS "/trace", F_OK))
		ASSERT_EQ(0, mount("tracefs", TRACEFS, "tracefs", 0, NULL));
	for (i = 0; i < NR_PT_REGS; i++)
		snprintf(probe + strlen(probe), sizeof(probe) - strlen(probe),
			 " %s=+%zu(%%di):x64", pt_regs_fields[i], 8 * i);
	tracefs_write(_metadata, "kprobe_events", probe);
	snprintf(filter, sizeof(filter), "common_pid == %d", getpid());
	tracefs_write(_metadata, "events/" REGS_EVENT "/filter", filter);
	if (variant->traced) {
		tracefs_write(_metadata, "events/raw_syscalls/sys_enter/filter",
			      filter);
		tracefs_write(_metadata, "events/raw_syscalls/enable", "1");
	}
}

FIXTURE_TEARDOWN(inner_regs)
{
	tracefs_write(_metadata, "events/raw_syscalls/enable", "0");
	tracefs_write(_metadata, "events/raw_syscalls/sys_enter/filter", "0");
	tracefs_write(_metadata, "kprobe_events", "");
}

/*
 * A kprobe, fentry or BPF program on the wrapper of the inner call reads
 * the registers of a direct call made from where indirect() was called:
 * the caller's own, but for the inner call's number and arguments, on
 * each path indirect() can take to the call.
 */
TEST_F(inner_regs, as_a_direct_call)
{
	unsigned long long direct[NR_PT_REGS], inner[NR_PT_REGS];
	/* access()'s own two, and four it ignores, as a 32-bit ABI has them */
	const unsigned long long call_args[6] = {
		(uintptr_t)"/", X_OK, 0x3a3a3a3a, 0x3b3b3b3b, 0x3c3c3c3c,
		0x3d3d3d3d,
	};
	struct indirect_registers r = { .nr = __NR_access };
	struct indirect_params p = {};
	unsigned long long indirect_args[6] = {
		(uintptr_t)&r, (uintptr_t)&p, sizeof(p), 0, 0x4a4a4a4a,
		0x4b4b4b4b,
	};
	size_t i;

	for (i = 0; i < 6; i++)
		r.args[i] = call_args[i];
	if (variant->filtered) {
		struct sock_filter allow[] = {
			BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
		};
		struct sock_fprog prog = {
			.len = ARRAY_SIZE(allow), .filter = allow,
		};

		ASSERT_EQ(0, prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0));
		ASSERT_EQ(0, syscall(__NR_seccomp, SECCOMP_SET_MODE_FILTER, 0,
				     &prog));
	}
	ASSERT_EQ(0, probed_regs(_metadata, __NR_access, call_args, direct));
	ASSERT_EQ(0, probed_regs(_metadata, __NR_indirect, indirect_args,
				 inner));
	for (i = 0; i < NR_PT_REGS; i++) {
		const char *name = pt_regs_fields[i];
		unsigned long long want = direct[i], got = inner[i];

		EXPECT_EQ(want, got)
			TH_LOG("%s: %#llx from indirect(), %#llx direct",
			       name, got, want);
	}
}

/*
 * An update of an existing signalfd creates no descriptor, so there is
 * nothing to give flags to; without flags it updates the mask as usual.
 */
TEST(signalfd_update)
{
	static const __u64 flags[] = {
		INDIRECT_FD_CLOEXEC, INDIRECT_FD_NONBLOCK, FD_BOTH,
	};
	__u64 usr2 = 1ULL << (SIGUSR2 - 1);
	struct indirect_registers r = { .nr = __NR_signalfd };
	struct indirect_params p = {};
	struct signalfd_siginfo si;
	sigset_t set;
	size_t i;
	int sfd;

	ASSERT_EQ(0, sigemptyset(&set));
	ASSERT_EQ(0, sigaddset(&set, SIGUSR1));
	ASSERT_EQ(0, sigaddset(&set, SIGUSR2));
	ASSERT_EQ(0, sigprocmask(SIG_BLOCK, &set, NULL));
	ASSERT_EQ(0, sigdelset(&set, SIGUSR2));
	/* Non-blocking so that a signal not in the mask shows as EAGAIN. */
	sfd = signalfd(-1, &set, SFD_NONBLOCK);
	ASSERT_LE(0, sfd);
	ASSERT_EQ(0, raise(SIGUSR2));

	r.args[0] = sfd;
	r.args[1] = (uintptr_t)&usr2;
	r.args[2] = sizeof(usr2);
	for (i = 0; i < ARRAY_SIZE(flags); i++) {
		p.file_flags = flags[i];
		ASSERT_REFUSED(EINVAL, &r, &p, sizeof(p), 0);
	}
	/* The refusals changed neither the mask nor the flags. */
	ASSERT_EQ(-1, read(sfd, &si, sizeof(si)));
	ASSERT_EQ(EAGAIN, errno);
	ASSERT_EQ(INDIRECT_FD_NONBLOCK, fd_flags(sfd));

	p.file_flags = 0;
	ASSERT_EQ(sfd, sys_indirect(&r, &p, sizeof(p), 0));
	ASSERT_EQ(sizeof(si), read(sfd, &si, sizeof(si)));
	ASSERT_EQ(SIGUSR2, si.ssi_signo);
	ASSERT_EQ(INDIRECT_FD_NONBLOCK, fd_flags(sfd));
	ASSERT_EQ(0, close(sfd));
}

/*
 * Runs indirect_exec_probe, from next to this program, with the number of
 * @fd and returns its exit status: 0 if @fd survived the exec, 1 if not.
 */
static int exec_probe(struct __test_metadata *_metadata, long fd)
{
	char path[PATH_MAX], arg[24];
	int status;

	exec_probe_path(_metadata, path);
	snprintf(arg, sizeof(arg), "%ld", fd);
	status = run_exec_probe(path, arg);
	ASSERT_LE(0, status);
	return status;
}

/*
 * The race indirect() closes: another thread may fork and exec between
 * socket() and fcntl(F_SETFD). Exec'ing in that window, on purpose,
 * shows the leak; a socket close-on-exec from birth has no window.
 */
TEST(exec_race_plain_socket_leaks)
{
	long fd = socket(AF_UNIX, SOCK_STREAM, 0);

	ASSERT_LE(0, fd);
	ASSERT_EQ(0, exec_probe(_metadata, fd));
	ASSERT_EQ(0, close(fd));
}

TEST(exec_race_indirect_cloexec_closed)
{
	struct indirect_params p = { .file_flags = INDIRECT_FD_CLOEXEC };
	long fd = sys_indirect(&socket_regs, &p, sizeof(p), 0);

	ASSERT_EQ(INDIRECT_FD_CLOEXEC, fd_flags(fd));
	ASSERT_EQ(1, exec_probe(_metadata, fd));
	ASSERT_EQ(0, close(fd));

	/* Only CLOEXEC closes it. */
	p.file_flags = INDIRECT_FD_NONBLOCK;
	fd = sys_indirect(&socket_regs, &p, sizeof(p), 0);
	ASSERT_EQ(INDIRECT_FD_NONBLOCK, fd_flags(fd));
	ASSERT_EQ(0, exec_probe(_metadata, fd));
	ASSERT_EQ(0, close(fd));
}

/* Whatever indirect() did, it leaves nothing behind for the next call. */
TEST(no_state_leak)
{
	const long ps = sysconf(_SC_PAGESIZE);
	struct indirect_params both = { .file_flags = FD_BOTH };
	struct indirect_params bad = { .file_flags = FD_BOTH | 1ULL << 2 };
	struct {
		struct indirect_params p;
		__u64 tail;
	} big = { { FD_BOTH }, 1 };
	struct indirect_registers r;
	int src, pfd[2];
	char *page;
	long fd;

	ASSERT_PLAIN_CALLS();
	fd = sys_indirect(&socket_regs, &both, sizeof(both), 0);
	ASSERT_EQ(FD_BOTH, fd_flags(fd));
	ASSERT_EQ(0, close(fd));
	ASSERT_PLAIN_CALLS();

	ASSERT_REFUSED(EINVAL, &socket_regs, &both, sizeof(both), 1);
	ASSERT_PLAIN_CALLS();
	ASSERT_REFUSED(EINVAL, &socket_regs, &both, 4, 0);
	ASSERT_PLAIN_CALLS();
	ASSERT_REFUSED(E2BIG, &socket_regs, &big, sizeof(big), 0);
	ASSERT_PLAIN_CALLS();
	ASSERT_REFUSED(EINVAL, &socket_regs, &bad, sizeof(bad), 0);
	ASSERT_PLAIN_CALLS();

	r = (struct indirect_registers) {
		.nr = __NR_pipe2,
		.args = { (uintptr_t)pfd },
	};
	ASSERT_REFUSED(EINVAL, &r, &both, sizeof(both), 0);
	ASSERT_PLAIN_CALLS();

	src = socket(AF_UNIX, SOCK_STREAM, 0);
	ASSERT_LE(0, src);
	r = (struct indirect_registers) { .nr = __NR_dup, .args = { src } };
	ASSERT_REFUSED(EINVAL, &r, &both, sizeof(both), 0);
	ASSERT_EQ(0, fd_flags(src));
	ASSERT_EQ(0, close(src));
	ASSERT_PLAIN_CALLS();

	page = map_guarded(_metadata, ps, false);
	memcpy(page + ps - sizeof(both) + 1, &both, sizeof(both) - 1);
	ASSERT_REFUSED(EFAULT, &socket_regs, page + ps - sizeof(both) + 1,
		       sizeof(both), 0);
	ASSERT_PLAIN_CALLS();
	ASSERT_REFUSED(EFAULT, NULL, &both, sizeof(both), 0);
	ASSERT_PLAIN_CALLS();

	/* The inner call itself fails. */
	r = (struct indirect_registers) {
		.nr = __NR_socket,
		.args = { -1, SOCK_STREAM, 0 },
	};
	ASSERT_REFUSED(EAFNOSUPPORT, &r, &both, sizeof(both), 0);
	ASSERT_PLAIN_CALLS();
	/* ... after creating both ends, when it stores them. */
	r = (struct indirect_registers) {
		.nr = __NR_pipe,
		.args = { (uintptr_t)unmapped(_metadata, ps) },
	};
	ASSERT_REFUSED(EFAULT, &r, &both, sizeof(both), 0);
	ASSERT_PLAIN_CALLS();
}

TEST_HARNESS_MAIN
