// SPDX-License-Identifier: GPL-2.0
/*
 * Seccomp and indirect(): a filter sees the call indirect() runs as if it
 * had been made directly, in addition to indirect() itself. Built for each
 * x86 ABI, so each caller ABI is checked with its own numbers and arch.
 */

#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <linux/filter.h>
#include <linux/ptrace.h>
#include <linux/seccomp.h>

#include "indirect_util.h"

/* The errno an ERRNO filter returns, unlike anything the calls return. */
#define FILTER_ERRNO	1234
/* The data a TRAP filter passes to the handler. */
#define FILTER_DATA	0x1d

/* What a child saw; in shared memory. */
struct outcome {
	long ret;
	int err;
	int fds_before, fds_after;
	__u64 flags[2];		/* fd_flags() of the new descriptors */
	int sigsys;		/* SIGSYS handlers run */
	int sig_nr;		/* si_syscall */
	unsigned int sig_arch;
	int sig_data;		/* si_errno: the filter's data */
	long direct_ret;	/* of the same call made directly */
	bool done;
};

static struct outcome *outcome;

static void on_sigsys(int sig, siginfo_t *si, void *uc)
{
	outcome->sigsys++;
	outcome->sig_nr = si->si_syscall;
	outcome->sig_arch = si->si_arch;
	outcome->sig_data = si->si_errno;
}

static struct outcome *map_outcome(struct __test_metadata *_metadata)
{
	struct outcome *o = mmap(NULL, sizeof(*o), PROT_READ | PROT_WRITE,
				 MAP_SHARED | MAP_ANONYMOUS, -1, 0);

	ASSERT_TRUE(o != MAP_FAILED);
	return o;
}

/*
 * In a child: install a filter returning @action for system call
 * @filtered_nr (socketcall() operation @filtered_op if not 0), then run
 * @call through indirect() with the flags it honours. Returns the child's
 * wait status; what it saw is in outcome.
 */
static int run_filtered(struct __test_metadata *_metadata,
			const struct listed_call *call, __u64 filtered_nr,
			__u32 filtered_op, __u32 action)
{
	struct sigaction sa = {
		.sa_sigaction = on_sigsys,
		.sa_flags = SA_SIGINFO,
	};
	int status;
	pid_t pid;

	memset(outcome, 0, sizeof(*outcome));
	pid = fork();
	ASSERT_LE(0, pid);
	if (!pid) {
		struct indirect_params p = { .file_flags = call->honours };
		struct indirect_registers r;
		struct consumers c;
		int fd_dir;
		long ret;

		consumers_init(_metadata, &c);
		consumer_regs(&c, call, &r);
		c.pair[0] = -1;
		c.pair[1] = -1;
		if (sigaction(SIGSYS, &sa, NULL))
			_exit(10);
		/* Counted without opening: the filter may be for openat(). */
		fd_dir = open("/proc/self/fd", O_RDONLY | O_DIRECTORY);
		outcome->fds_before = count_fds(fd_dir);
		if (filter_call(filtered_nr, filtered_op, action, 0))
			_exit(11);
		ret = sys_indirect(&r, &p, sizeof(p), 0);
		outcome->err = errno;
		outcome->ret = ret;
		outcome->fds_after = count_fds(fd_dir);
		if (consumer_makes_pair(call)) {
			outcome->flags[0] = fd_flags(c.pair[0]);
			outcome->flags[1] = fd_flags(c.pair[1]);
		} else if (consumer_makes_fd(call)) {
			outcome->flags[0] = fd_flags(ret);
		}
		outcome->done = true;
		_exit(0);
	}
	ASSERT_EQ(pid, waitpid(pid, &status, 0));
	return status;
}

/* The child ran to its end. */
static void assert_exited(struct __test_metadata *_metadata,
			  const struct listed_call *call, int status)
{
	ASSERT_TRUE(WIFEXITED(status))
		TH_LOG("%s: status %#x", call->name, status);
	ASSERT_EQ(0, WEXITSTATUS(status))
		TH_LOG("%s: setup failed", call->name);
	ASSERT_TRUE(outcome->done);
}

/* The call ran as it does without a filter. */
static void assert_ran(struct __test_metadata *_metadata,
		       const struct listed_call *call)
{
	if (consumer_gets_eagain(call)) {
		ASSERT_EQ(-1, outcome->ret) TH_LOG("%s", call->name);
		ASSERT_EQ(EAGAIN, outcome->err) TH_LOG("%s", call->name);
		return;
	}
	ASSERT_LE(0, outcome->ret) TH_LOG("%s: errno %d", call->name,
					  outcome->err);
	ASSERT_EQ(call->honours, outcome->flags[0]) TH_LOG("%s", call->name);
	if (consumer_makes_pair(call))
		ASSERT_EQ(call->honours, outcome->flags[1])
			TH_LOG("%s", call->name);
}

/* The call did not run: no descriptor, and the filter's doing. */
static void assert_no_fd(struct __test_metadata *_metadata,
			 const struct listed_call *call)
{
	ASSERT_EQ(outcome->fds_before, outcome->fds_after)
		TH_LOG("%s: descriptor created", call->name);
}

/* Which call a variant's filter is for. */
enum filtered {
	FILTER_INNER,		/* the call indirect() runs */
	FILTER_OUTER,		/* indirect() itself */
	FILTER_OTHER,		/* a listed call other than the one run */
};

/* What indirect() does under the filter. */
enum expect {
	EXPECT_RAN,		/* runs as without a filter */
	EXPECT_FAILED,		/* fails with the variant's errno */
	EXPECT_KILLED,		/* the caller dies of SIGSYS */
	EXPECT_TRAPPED,		/* SIGSYS names the inner call */
};

FIXTURE(inner)
{
	int calls;
};

FIXTURE_VARIANT(inner)
{
	enum filtered filtered;
	__u32 action;
	enum expect expect;
	int err;		/* for EXPECT_FAILED */
};

/* A filter returning ERRNO(e) for the call makes indirect() fail with e. */
FIXTURE_VARIANT_ADD(inner, ret_errno)
{
	.filtered = FILTER_INNER,
	.action = SECCOMP_RET_ERRNO | FILTER_ERRNO,
	.expect = EXPECT_FAILED,
	.err = FILTER_ERRNO,
};

/* KILL_PROCESS and KILL_THREAD kill the (single-threaded) caller. */
FIXTURE_VARIANT_ADD(inner, ret_kill_process)
{
	.filtered = FILTER_INNER,
	.action = SECCOMP_RET_KILL_PROCESS,
	.expect = EXPECT_KILLED,
};

FIXTURE_VARIANT_ADD(inner, ret_kill_thread)
{
	.filtered = FILTER_INNER,
	.action = SECCOMP_RET_KILL_THREAD,
	.expect = EXPECT_KILLED,
};

/*
 * TRAP delivers SIGSYS naming the inner call; as for a direct call, the
 * handler sees the registers as they were at entry, those of indirect().
 */
FIXTURE_VARIANT_ADD(inner, ret_trap)
{
	.filtered = FILTER_INNER,
	.action = SECCOMP_RET_TRAP | FILTER_DATA,
	.expect = EXPECT_TRAPPED,
};

/* ALLOW and LOG let the call run, with its flags. */
FIXTURE_VARIANT_ADD(inner, ret_allow)
{
	.filtered = FILTER_INNER,
	.action = SECCOMP_RET_ALLOW,
	.expect = EXPECT_RAN,
};

FIXTURE_VARIANT_ADD(inner, ret_log)
{
	.filtered = FILTER_INNER,
	.action = SECCOMP_RET_LOG,
	.expect = EXPECT_RAN,
};

/* TRACE, with no tracer: ENOSYS, as for a direct call. */
FIXTURE_VARIANT_ADD(inner, trace_without_tracer)
{
	.filtered = FILTER_INNER,
	.action = SECCOMP_RET_TRACE,
	.expect = EXPECT_FAILED,
	.err = ENOSYS,
};

/* A filter that denies indirect() itself denies every call through it. */
FIXTURE_VARIANT_ADD(inner, outer_denied)
{
	.filtered = FILTER_OUTER,
	.action = SECCOMP_RET_ERRNO | FILTER_ERRNO,
	.expect = EXPECT_FAILED,
	.err = FILTER_ERRNO,
};

/* A filter for another call lets the call run. */
FIXTURE_VARIANT_ADD(inner, other_call_filtered)
{
	.filtered = FILTER_OTHER,
	.action = SECCOMP_RET_ERRNO | FILTER_ERRNO,
	.expect = EXPECT_RAN,
};

FIXTURE_SETUP(inner)
{
	outcome = map_outcome(_metadata);
	self->calls = 0;
}

FIXTURE_TEARDOWN(inner)
{
	TH_LOG("%s: %d calls", ABI_NAME, self->calls);
}

/* Each listed call, in its own child, under the variant's filter. */
TEST_F(inner, every_listed_call)
{
	size_t i;

	for (i = 0; i < WHITE_LIST_SIZE; i++) {
		const struct listed_call *call = &white_list[i];
		__u64 nr = call->nr;
		__u32 op = call->op;
		int status;

		if (variant->filtered == FILTER_OUTER) {
			nr = __NR_indirect;
			op = 0;
		} else if (variant->filtered == FILTER_OTHER) {
			nr = call->nr == __NR_dup ? __NR_socket : __NR_dup;
			op = 0;
		}
		status = run_filtered(_metadata, call, nr, op,
				      variant->action);
		self->calls++;

		if (variant->expect == EXPECT_KILLED) {
			ASSERT_TRUE(WIFSIGNALED(status))
				TH_LOG("%s: status %#x", call->name, status);
			ASSERT_EQ(SIGSYS, WTERMSIG(status));
			ASSERT_FALSE(outcome->done);
			continue;
		}
		assert_exited(_metadata, call, status);
		switch (variant->expect) {
		case EXPECT_RAN:
			ASSERT_EQ(0, outcome->sigsys);
			assert_ran(_metadata, call);
			break;
		case EXPECT_FAILED:
			ASSERT_EQ(-1, outcome->ret) TH_LOG("%s", call->name);
			ASSERT_EQ(variant->err, outcome->err)
				TH_LOG("%s", call->name);
			assert_no_fd(_metadata, call);
			break;
		case EXPECT_TRAPPED:
			ASSERT_EQ(1, outcome->sigsys) TH_LOG("%s", call->name);
			ASSERT_EQ((int)call->nr, outcome->sig_nr)
				TH_LOG("%s", call->name);
			ASSERT_EQ(ABI_ARCH, outcome->sig_arch);
			ASSERT_EQ(FILTER_DATA, outcome->sig_data);
			ASSERT_EQ(__NR_indirect, outcome->ret)
				TH_LOG("%s", call->name);
			assert_no_fd(_metadata, call);
			break;
		case EXPECT_KILLED:	/* checked above */
			break;
		}
	}
}

/*
 * A tracer stops on TRACE for the call indirect() runs as for a direct
 * one, and resumed unchanged, the call runs (indirect_ptrace has the rest).
 */
TEST(trace_with_tracer)
{
	const struct listed_call *call = listed(__NR_socket, 0);
	int status, stops = 0;
	pid_t pid;

	outcome = map_outcome(_metadata);
	pid = fork();
	ASSERT_LE(0, pid);
	if (!pid) {
		struct indirect_params p = { .file_flags = FD_BOTH };
		struct indirect_registers r;
		struct consumers c;

		consumers_init(_metadata, &c);
		consumer_regs(&c, call, &r);
		if (ptrace(PTRACE_TRACEME, 0, 0, 0) || raise(SIGSTOP))
			_exit(10);
		if (filter_call(__NR_socket, 0, SECCOMP_RET_TRACE, 0))
			_exit(11);
		outcome->ret = sys_indirect(&r, &p, sizeof(p), 0);
		outcome->err = errno;
		/* The control: a direct call stops, then runs. */
		outcome->direct_ret = syscall(__NR_socket, AF_UNIX,
					      SOCK_STREAM, 0);
		outcome->done = true;
		_exit(0);
	}
	ASSERT_EQ(pid, waitpid(pid, &status, 0));
	ASSERT_TRUE(WIFSTOPPED(status));
	ASSERT_EQ(0, ptrace(PTRACE_SETOPTIONS, pid, 0,
			    PTRACE_O_TRACESECCOMP | PTRACE_O_EXITKILL));
	ASSERT_EQ(0, ptrace(PTRACE_CONT, pid, 0, 0));
	for (;;) {
		int sig = 0;

		ASSERT_EQ(pid, waitpid(pid, &status, 0));
		if (!WIFSTOPPED(status))
			break;
		if (status >> 8 == (SIGTRAP | PTRACE_EVENT_SECCOMP << 8))
			stops++;
		else
			sig = WSTOPSIG(status);
		ASSERT_EQ(0, ptrace(PTRACE_CONT, pid, 0, sig));
	}
	ASSERT_TRUE(WIFEXITED(status));
	ASSERT_EQ(0, WEXITSTATUS(status));
	ASSERT_TRUE(outcome->done);
	ASSERT_LE(0, outcome->ret);
	ASSERT_EQ(2, stops);
	ASSERT_LE(0, outcome->direct_ret);
}

/*
 * A child filtered with USER_NOTIF for socket(), and what it saw; shared
 * with the supervisor, its parent, which may rewrite @r and @p.
 */
struct notified {
	struct indirect_registers r;
	struct indirect_params p;
	long ret;
	int err;
	__u64 fd_flags;
	int sock_type;
	bool done;
};

/*
 * Forks the child, which runs socket() through indirect(); takes its
 * listener and receives the notification into @req. A child process, not
 * a thread: 32-bit glibc's futexes do not survive a thread in a notified
 * call. The child dies with the test, should the test fail before it
 * answers the notification.
 */
static int notif_start(struct __test_metadata *_metadata,
		       struct notified *n, struct seccomp_notif *req,
		       pid_t *child)
{
	int pidfd, listener, child_listener, sync[2];
	pid_t pid;

	memset(n, 0, sizeof(*n));
	n->r = (struct indirect_registers) {
		.nr = __NR_socket,
		.args = { AF_UNIX, SOCK_STREAM, 0 },
	};
	n->p.file_flags = INDIRECT_FD_CLOEXEC;
	ASSERT_EQ(0, pipe(sync));
	pid = fork();
	ASSERT_LE(0, pid);
	if (!pid) {
		socklen_t len = sizeof(n->sock_type);

		if (prctl(PR_SET_PDEATHSIG, SIGKILL))
			_exit(1);
		listener = filter_call(__NR_socket, 0, SECCOMP_RET_USER_NOTIF,
				       SECCOMP_FILTER_FLAG_NEW_LISTENER);
		if (listener < 0)
			_exit(1);
		/* Its number, for pidfd_getfd() */
		if (write(sync[1], &listener, sizeof(listener)) !=
		    sizeof(listener))
			_exit(1);
		n->ret = sys_indirect(&n->r, &n->p, sizeof(n->p), 0);
		n->err = errno;
		n->fd_flags = fd_flags(n->ret);
		getsockopt(n->ret, SOL_SOCKET, SO_TYPE, &n->sock_type, &len);
		n->done = true;
		_exit(0);
	}
	*child = pid;
	ASSERT_EQ(0, close(sync[1]));
	/* Blocks until the child has a listener; 0 bytes if it died. */
	ASSERT_EQ(sizeof(child_listener),
		  read(sync[0], &child_listener, sizeof(child_listener)));
	ASSERT_EQ(0, close(sync[0]));
	pidfd = syscall(__NR_pidfd_open, pid, 0);
	ASSERT_LE(0, pidfd);
	listener = syscall(__NR_pidfd_getfd, pidfd, child_listener, 0);
	ASSERT_LE(0, listener);
	ASSERT_EQ(0, close(pidfd));

	memset(req, 0, sizeof(*req));
	ASSERT_EQ(0, ioctl(listener, SECCOMP_IOCTL_NOTIF_RECV, req));
	/* The supervisor sees the inner call, as if made directly. */
	ASSERT_EQ(__NR_socket, req->data.nr);
	ASSERT_EQ(ABI_ARCH, req->data.arch);
	ASSERT_EQ(AF_UNIX, req->data.args[0]);
	ASSERT_EQ(SOCK_STREAM, req->data.args[1]);
	ASSERT_EQ(0, req->data.args[2]);
	return listener;
}

static void notif_reply(struct __test_metadata *_metadata, int listener,
			const struct seccomp_notif *req, pid_t child,
			int error, __u32 flags)
{
	struct seccomp_notif_resp resp = {
		.id = req->id,
		.error = error,
		.flags = flags,
	};
	int status;

	ASSERT_EQ(0, ioctl(listener, SECCOMP_IOCTL_NOTIF_SEND, &resp));
	ASSERT_EQ(child, waitpid(child, &status, 0));
	ASSERT_TRUE(WIFEXITED(status));
	ASSERT_EQ(0, WEXITSTATUS(status));
	ASSERT_EQ(0, close(listener));
}

static struct notified *map_notified(struct __test_metadata *_metadata)
{
	struct notified *n = mmap(NULL, sizeof(*n), PROT_READ | PROT_WRITE,
				  MAP_SHARED | MAP_ANONYMOUS, -1, 0);

	ASSERT_TRUE(n != MAP_FAILED);
	return n;
}

/* USER_NOTIF: the supervisor's error is the result of indirect(). */
TEST(user_notif_error)
{
	struct notified *n = map_notified(_metadata);
	struct seccomp_notif req;
	int listener;
	pid_t child;

	listener = notif_start(_metadata, n, &req, &child);
	notif_reply(_metadata, listener, &req, child, -FILTER_ERRNO, 0);
	ASSERT_TRUE(n->done);
	ASSERT_EQ(-1, n->ret);
	ASSERT_EQ(FILTER_ERRNO, n->err);
}

/*
 * USER_NOTIF with CONTINUE runs the call, as it was when indirect() read
 * it: rewriting the registers and params in user memory while the call
 * waits for the supervisor changes nothing.
 */
TEST(user_notif_continue_reads_once)
{
	struct notified *n = map_notified(_metadata);
	struct seccomp_notif req;
	int listener;
	pid_t child;

	listener = notif_start(_metadata, n, &req, &child);
	n->r.nr = __NR_dup;
	n->r.args[0] = 0;
	n->r.args[1] = SOCK_DGRAM;
	n->p.file_flags = INDIRECT_FD_NONBLOCK;
	notif_reply(_metadata, listener, &req, child, 0,
		    SECCOMP_USER_NOTIF_FLAG_CONTINUE);
	ASSERT_TRUE(n->done);
	ASSERT_LE(0, n->ret) TH_LOG("errno %d", n->err);
	ASSERT_EQ(INDIRECT_FD_CLOEXEC, n->fd_flags);
	ASSERT_EQ(SOCK_STREAM, n->sock_type);
}

TEST_HARNESS_MAIN
