// SPDX-License-Identifier: GPL-2.0
/*
 * A ptrace tracer and the call indirect() runs. For SECCOMP_RET_TRACE on
 * that call, a PTRACE_O_TRACESECCOMP tracer stops as for a direct call: the
 * registers and PTRACE_GET_SYSCALL_INFO show the inner call as the kernel
 * copied it, in the caller's ABI. Resumed, the call runs; skipped (number
 * -1), it does not, and indirect() returns what the tracer set; any other
 * change makes it fail with ENOSYS without running. The syscall-entry and
 * -exit stops of PTRACE_SYSCALL are those of indirect() itself.
 *
 * read_once: a writer on the other CPU rewrites regs and params while the
 * calls stop for the tracer: each call runs with the arguments the tracer
 * saw, whatever the memory held by then. INDIRECT_PTRACE_CALLS=n makes n
 * calls instead of PTRACE_CALLS, at least PTRACE_MIN_CALLS.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdatomic.h>
#include <stddef.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/user.h>
#include <linux/filter.h>
#include <linux/ptrace.h>
#include <linux/seccomp.h>

#include "indirect_util.h"

/* The data of the TRACE filter, which the tracer gets with the stop */
#define TRACE_DATA	0x2d1

#define PTRACE_CALLS		20000
#define PTRACE_MIN_CALLS	100

/* Argument values the listed calls ignore, with bits above 32 set */
#define UNUSED_ARG(i)	(0xa5a5a5a500001110ULL + (i))

#ifdef __i386__
#define REG_NR(u)	((u)->orig_eax)
#define REG_RET(u)	((u)->eax)
#define REG_IP(u)	((u)->eip)
#define REG_SP(u)	((u)->esp)
#else
#define REG_NR(u)	((u)->orig_rax)
#define REG_RET(u)	((u)->rax)
#define REG_IP(u)	((u)->rip)
#define REG_SP(u)	((u)->rsp)
#endif
#define reg_t __typeof__(REG_NR((struct user_regs_struct *)NULL))

/* Where a direct call of this ABI has argument @i */
static reg_t *reg_arg(struct user_regs_struct *u, int i)
{
#ifdef __i386__
	reg_t *args[6] = { &u->ebx, &u->ecx, &u->edx,
			   &u->esi, &u->edi, &u->ebp };
#else
	reg_t *args[6] = { &u->rdi, &u->rsi, &u->rdx,
			   &u->r10, &u->r8, &u->r9 };
#endif
	return args[i];
}

/* Register value @v as the kernel has it: an i386 register is unsigned. */
static __u64 reg_u64(reg_t v)
{
#ifdef __i386__
	return (unsigned long)v;
#else
	return v;
#endif
}

/* Argument @arg as the kernel copies it: an i386 register holds 32 bits. */
static __u64 as_copied(__u64 arg)
{
#ifdef __i386__
	return (__u32)arg;
#else
	return arg;
#endif
}

/* What the traced child did; in shared memory. */
struct traced {
	struct indirect_registers r;
	long ret;
	int err;
	int fds_before, fds_after;
	__u64 flags;
	bool done;
};

static struct traced *map_traced(struct __test_metadata *_metadata)
{
	struct traced *t = mmap(NULL, sizeof(*t), PROT_READ | PROT_WRITE,
				MAP_SHARED | MAP_ANONYMOUS, -1, 0);

	ASSERT_TRUE(t != MAP_FAILED);
	return t;
}

/*
 * The child: stops for its tracer, traces @call with a filter, calls it
 * through indirect() with the file flags it honours and unused arguments
 * set, and reports in @t.
 */
static pid_t fork_traced(struct __test_metadata *_metadata,
			 const struct listed_call *call, struct traced *t)
{
	pid_t pid;

	memset(t, 0, sizeof(*t));
	pid = fork();
	ASSERT_LE(0, pid);
	if (!pid) {
		struct indirect_params p = { .file_flags = call->honours };
		struct consumers c;
		int fd_dir, i;

		consumers_init(_metadata, &c);
		consumer_regs(&c, call, &t->r);
		for (i = call->op ? 2 : 3; i < 6; i++)
			t->r.args[i] = UNUSED_ARG(i);
		if (ptrace(PTRACE_TRACEME, 0, 0, 0) || raise(SIGSTOP))
			_exit(10);
		fd_dir = open("/proc/self/fd", O_RDONLY | O_DIRECTORY);
		t->fds_before = count_fds(fd_dir);
		if (filter_call(call->nr, call->op,
				SECCOMP_RET_TRACE | TRACE_DATA, 0))
			_exit(11);
		t->ret = sys_indirect(&t->r, &p, sizeof(p), 0);
		t->err = errno;
		t->flags = fd_flags(t->ret);
		t->fds_after = count_fds(fd_dir);
		t->done = true;
		_exit(0);
	}
	return pid;
}

/*
 * Waits for the child's first stop, then sets @options and resumes it with
 * @request (PTRACE_CONT, or PTRACE_SYSCALL for syscall stops).
 */
static void start_tracing(struct __test_metadata *_metadata, pid_t pid,
			  long options, int request)
{
	int status;

	ASSERT_EQ(pid, waitpid(pid, &status, 0));
	ASSERT_TRUE(WIFSTOPPED(status));
	ASSERT_EQ(SIGSTOP, WSTOPSIG(status));
	ASSERT_EQ(0, ptrace(PTRACE_SETOPTIONS, pid, 0,
			    options | PTRACE_O_EXITKILL));
	ASSERT_EQ(0, ptrace(request, pid, 0, 0));
}

static bool is_seccomp_stop(int status)
{
	return WIFSTOPPED(status) &&
	       status >> 8 == (SIGTRAP | PTRACE_EVENT_SECCOMP << 8);
}

/*
 * The stop of a TRACE for @call, made with registers @r: the tracer sees
 * the call as a direct one of this ABI.
 */
static void check_stop(struct __test_metadata *_metadata, pid_t pid,
		       const struct listed_call *call,
		       const struct indirect_registers *r,
		       struct user_regs_struct *u)
{
	struct ptrace_syscall_info info;
	unsigned long msg;
	int i;

	ASSERT_EQ(0, ptrace(PTRACE_GETEVENTMSG, pid, 0, &msg));
	ASSERT_EQ(TRACE_DATA, msg);
	memset(&info, 0, sizeof(info));
	ASSERT_LT(offsetof(struct ptrace_syscall_info, seccomp.ret_data),
		  ptrace(PTRACE_GET_SYSCALL_INFO, pid, sizeof(info), &info));
	ASSERT_EQ(PTRACE_SYSCALL_INFO_SECCOMP, info.op);
	ASSERT_EQ(ABI_ARCH, info.arch);
	ASSERT_EQ(call->nr, info.seccomp.nr);
	for (i = 0; i < 6; i++)
		ASSERT_EQ(as_copied(r->args[i]), info.seccomp.args[i])
			TH_LOG("argument %d", i);
	ASSERT_EQ(TRACE_DATA, info.seccomp.ret_data);

	/* The registers say the same, with -ENOSYS as the return value. */
	ASSERT_EQ(0, ptrace(PTRACE_GETREGS, pid, 0, u));
	ASSERT_EQ(call->nr, reg_u64(REG_NR(u)));
	for (i = 0; i < 6; i++)
		ASSERT_EQ(as_copied(r->args[i]), reg_u64(*reg_arg(u, i)))
			TH_LOG("argument %d", i);
	ASSERT_EQ(-ENOSYS, (long)REG_RET(u));
	ASSERT_EQ(info.instruction_pointer, reg_u64(REG_IP(u)));
	ASSERT_EQ(info.stack_pointer, reg_u64(REG_SP(u)));
}

/* What the tracer does during the stop */
enum stop_action {
	RESUME,		/* nothing */
	SET_RETURN,	/* the return value alone, which a call overwrites */
	SKIP,		/* the number -1, and the return value */
	CHANGE_ARG,	/* an argument the call reads */
	CHANGE_UNUSED,	/* one it does not read */
	CHANGE_NR,	/* another listed call, eventfd() */
	CHANGE_SP,	/* a register that is no argument */
	SKIP_AND_CHANGE,	/* a skip with an argument changed */
};

FIXTURE(trace) {
	struct traced *t;
};

struct trace_case {
	bool tracesecomp;	/* the tracer asks for seccomp stops */
	enum stop_action action;
	long set;		/* the return value it sets */
	bool runs;		/* the call runs */
	long ret;		/* else, what indirect() returns */
	int err;
};

FIXTURE_VARIANT(trace) {
	struct trace_case c;
};

/* Without PTRACE_O_TRACESECCOMP, no stop: ENOSYS, as for a direct call. */
FIXTURE_VARIANT_ADD(trace, no_tracesecomp) {
	.c = {
		.ret = -1, .err = ENOSYS,
	},
};

FIXTURE_VARIANT_ADD(trace, resume) {
	.c = {
		.tracesecomp = true, .action = RESUME, .runs = true,
	},
};

FIXTURE_VARIANT_ADD(trace, set_return) {
	.c = {
		.tracesecomp = true, .action = SET_RETURN, .set = 42, .runs = true,
	},
};

FIXTURE_VARIANT_ADD(trace, skip_value) {
	.c = {
		.tracesecomp = true, .action = SKIP, .set = 42, .ret = 42,
	},
};

FIXTURE_VARIANT_ADD(trace, skip_errno) {
	.c = {
		.tracesecomp = true, .action = SKIP, .set = -EPERM,
		.ret = -1, .err = EPERM,
	},
};

FIXTURE_VARIANT_ADD(trace, change_arg) {
	.c = {
		.tracesecomp = true, .action = CHANGE_ARG, .ret = -1, .err = ENOSYS,
	},
};

FIXTURE_VARIANT_ADD(trace, change_unused_arg) {
	.c = {
		.tracesecomp = true, .action = CHANGE_UNUSED, .ret = -1, .err = ENOSYS,
	},
};

FIXTURE_VARIANT_ADD(trace, change_nr) {
	.c = {
		.tracesecomp = true, .action = CHANGE_NR, .ret = -1, .err = ENOSYS,
	},
};

FIXTURE_VARIANT_ADD(trace, change_sp) {
	.c = {
		.tracesecomp = true, .action = CHANGE_SP, .ret = -1, .err = ENOSYS,
	},
};

FIXTURE_VARIANT_ADD(trace, skip_and_change_arg) {
	.c = {
		.tracesecomp = true, .action = SKIP_AND_CHANGE, .set = 42,
		.ret = -1, .err = ENOSYS,
	},
};

FIXTURE_SETUP(trace)
{
	self->t = map_traced(_metadata);
}

FIXTURE_TEARDOWN(trace)
{
	munmap(self->t, sizeof(*self->t));
}

static void act(struct user_regs_struct *u, enum stop_action action,
		long set)
{
	switch (action) {
	case RESUME:
		return;
	case SET_RETURN:
		REG_RET(u) = set;
		break;
	case SKIP:
		REG_NR(u) = -1;
		REG_RET(u) = set;
		break;
	case CHANGE_ARG:
		*reg_arg(u, 1) ^= 1;
		break;
	case CHANGE_UNUSED:
		*reg_arg(u, 5) ^= 1;
		break;
	case CHANGE_NR:
		REG_NR(u) = __NR_eventfd;
		break;
	case CHANGE_SP:
		REG_SP(u) -= 64;
		break;
	case SKIP_AND_CHANGE:
		REG_NR(u) = -1;
		REG_RET(u) = set;
		*reg_arg(u, 1) ^= 1;
		break;
	}
}

static void trace_one(struct __test_metadata *_metadata,
		      const struct trace_case *variant,
		      struct traced *t, const struct listed_call *call)
{
	int status, stops = 0;
	pid_t pid;

	pid = fork_traced(_metadata, call, t);
	start_tracing(_metadata, pid,
		      variant->tracesecomp ? PTRACE_O_TRACESECCOMP : 0,
		      PTRACE_CONT);
	for (;;) {
		struct user_regs_struct u;
		int sig = 0;

		ASSERT_EQ(pid, waitpid(pid, &status, 0));
		if (!WIFSTOPPED(status))
			break;
		if (is_seccomp_stop(status)) {
			stops++;
			check_stop(_metadata, pid, call, &t->r, &u);
			act(&u, variant->action, variant->set);
			if (variant->action != RESUME)
				ASSERT_EQ(0, ptrace(PTRACE_SETREGS, pid, 0, &u));
		} else {
			sig = WSTOPSIG(status);
		}
		ASSERT_EQ(0, ptrace(PTRACE_CONT, pid, 0, sig));
	}
	ASSERT_TRUE(WIFEXITED(status));
	ASSERT_EQ(0, WEXITSTATUS(status));
	ASSERT_TRUE(t->done);
	ASSERT_EQ(variant->tracesecomp, stops);
	if (variant->runs) {
		ASSERT_LE(0, t->ret) TH_LOG("errno %d", t->err);
		ASSERT_EQ(call->honours, t->flags);
		ASSERT_EQ(t->fds_before + 1, t->fds_after);
		return;
	}
	ASSERT_EQ(variant->ret, t->ret);
	if (t->ret < 0)
		ASSERT_EQ(variant->err, t->err);
	/* Nothing ran: neither the call nor the one the tracer named. */
	ASSERT_EQ(t->fds_before, t->fds_after);
}

TEST_F(trace, socket)
{
	trace_one(_metadata, &variant->c, self->t, listed(__NR_socket, 0));
}

#ifdef __NR_socketcall
TEST_F(trace, socketcall)
{
	trace_one(_metadata, &variant->c, self->t,
		  listed(__NR_socketcall, SYS_SOCKET));
}
#endif

/*
 * PTRACE_SYSCALL with a TRACE filter, as strace --seccomp-bpf restarts
 * after a seccomp stop: the entry stop is indirect()'s, then the seccomp
 * stop of the inner call, then indirect()'s exit stop with its result.
 */
TEST(syscall_stops)
{
	const struct listed_call *call = listed(__NR_socket, 0);
	struct ptrace_syscall_info seen[64];
	struct traced *t = map_traced(_metadata);
	int status, n = 0, i;
	pid_t pid;

	pid = fork_traced(_metadata, call, t);
	start_tracing(_metadata, pid,
		      PTRACE_O_TRACESECCOMP | PTRACE_O_TRACESYSGOOD,
		      PTRACE_SYSCALL);
	for (;;) {
		struct ptrace_syscall_info info;
		int sig = 0;

		ASSERT_EQ(pid, waitpid(pid, &status, 0));
		if (!WIFSTOPPED(status))
			break;
		if (is_seccomp_stop(status) ||
		    WSTOPSIG(status) == (SIGTRAP | 0x80)) {
			memset(&info, 0, sizeof(info));
			ASSERT_LT(0, ptrace(PTRACE_GET_SYSCALL_INFO, pid,
					    sizeof(info), &info));
			ASSERT_GT(ARRAY_SIZE(seen), n);
			seen[n++] = info;
		} else {
			sig = WSTOPSIG(status);
		}
		ASSERT_EQ(0, ptrace(PTRACE_SYSCALL, pid, 0, sig));
	}
	ASSERT_TRUE(WIFEXITED(status));
	ASSERT_EQ(0, WEXITSTATUS(status));
	ASSERT_LE(0, t->ret);

	for (i = 0; i < n; i++)
		if (seen[i].op == PTRACE_SYSCALL_INFO_ENTRY &&
		    seen[i].entry.nr == __NR_indirect)
			break;
	ASSERT_GT(n - 2, i) TH_LOG("no entry stop of indirect()");
	ASSERT_EQ(ABI_ARCH, seen[i].arch);
	ASSERT_EQ(as_copied(uptr(&t->r)), seen[i].entry.args[0]);
	ASSERT_EQ(sizeof(struct indirect_params), seen[i].entry.args[2]);

	ASSERT_EQ(PTRACE_SYSCALL_INFO_SECCOMP, seen[i + 1].op);
	ASSERT_EQ(call->nr, seen[i + 1].seccomp.nr);
	ASSERT_EQ(AF_UNIX, seen[i + 1].seccomp.args[0]);

	ASSERT_EQ(PTRACE_SYSCALL_INFO_EXIT, seen[i + 2].op);
	ASSERT_EQ(t->ret, seen[i + 2].exit.rval);
	ASSERT_EQ(0, seen[i + 2].exit.is_error);
	munmap(t, sizeof(*t));
}

/* The fields the writer flips, each between two values that both work */
static const __u64 race_types[2] = { SOCK_STREAM, SOCK_DGRAM };
static const __u64 race_flags[2] = { 0, FD_BOTH };

struct race {
	struct indirect_registers r;
	struct indirect_params p;
	__u64 seen_type;	/* what the tracer saw at the last stop */
	atomic_bool stop;
	atomic_ulong writes;
	unsigned long calls;
	char why[128];		/* the child's first wrong result */
};

static void race_writer(struct race *sh)
{
	unsigned int x = 0;

	prctl(PR_SET_PDEATHSIG, SIGKILL);
	/* The traced caller runs on CPU 0. */
	if (!pin_to_cpu(1))
		_exit(1);
	while (!atomic_load_explicit(&sh->stop, memory_order_relaxed)) {
		x++;
		/* One store each: an i386 __u64 must not tear here. */
		__atomic_store_n(&sh->r.args[1], race_types[x & 1],
				 __ATOMIC_RELAXED);
		__atomic_store_n(&sh->p.file_flags, race_flags[(x >> 1) & 1],
				 __ATOMIC_RELAXED);
		atomic_fetch_add_explicit(&sh->writes, 1, memory_order_relaxed);
	}
	_exit(0);
}

/* The caller: each call's socket is the type the tracer saw. */
static void race_caller(struct race *sh, unsigned long n)
{
	unsigned long i;

	if (!pin_to_cpu(0))
		_exit(1);
	sh->r.nr = __NR_socket;
	sh->r.args[0] = AF_UNIX;
	sh->r.args[1] = SOCK_STREAM;
	if (ptrace(PTRACE_TRACEME, 0, 0, 0) || raise(SIGSTOP))
		_exit(10);
	if (filter_call(__NR_socket, 0, SECCOMP_RET_TRACE | TRACE_DATA, 0))
		_exit(11);
	for (i = 0; i < n; i++) {
		long fd = sys_indirect(&sh->r, &sh->p, sizeof(sh->p), 0);
		socklen_t len = sizeof(int);
		int type = -1;
		__u64 ff;

		if (fd < 0) {
			snprintf(sh->why, sizeof(sh->why), "call %lu: errno %d",
				 i, errno);
			_exit(12);
		}
		ff = fd_flags(fd);
		if (getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &len) ||
		    (__u64)type != sh->seen_type ||
		    (ff != race_flags[0] && ff != race_flags[1])) {
			snprintf(sh->why, sizeof(sh->why),
				 "call %lu: type %d (the tracer saw %llu), flags %#llx",
				 i, type, (unsigned long long)sh->seen_type,
				 (unsigned long long)ff);
			_exit(13);
		}
		close(fd);
		sh->calls++;
	}
	_exit(0);
}

TEST(read_once)
{
	unsigned long n = count_from_env(_metadata, "INDIRECT_PTRACE_CALLS",
					 PTRACE_CALLS, PTRACE_MIN_CALLS);
	unsigned long stops = 0, raced = 0;
	int status, caller_status;
	pid_t writer, pid;
	struct race *sh;

	assert_two_cpus(_metadata);
	sh = mmap(NULL, sizeof(*sh), PROT_READ | PROT_WRITE,
		  MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	ASSERT_TRUE(sh != MAP_FAILED);
	memset(sh, 0, sizeof(*sh));

	pid = fork();
	ASSERT_LE(0, pid);
	if (!pid)
		race_caller(sh, n);
	start_tracing(_metadata, pid, PTRACE_O_TRACESECCOMP, PTRACE_CONT);
	writer = fork();
	ASSERT_LE(0, writer);
	if (!writer)
		race_writer(sh);

	for (;;) {
		struct ptrace_syscall_info info;
		int sig = 0;

		ASSERT_EQ(pid, waitpid(pid, &status, 0));
		if (!WIFSTOPPED(status))
			break;
		if (is_seccomp_stop(status)) {
			__u64 type;

			ASSERT_LT(0, ptrace(PTRACE_GET_SYSCALL_INFO, pid,
					    sizeof(info), &info));
			type = info.seccomp.args[1];
			ASSERT_TRUE(type == race_types[0] ||
				    type == race_types[1])
				TH_LOG("type %llu", (unsigned long long)type);
			sh->seen_type = type;
			stops++;
			/* The memory moved on since the kernel's copy. */
			raced += __atomic_load_n(&sh->r.args[1],
						 __ATOMIC_RELAXED) != type;
		} else {
			sig = WSTOPSIG(status);
		}
		ASSERT_EQ(0, ptrace(PTRACE_CONT, pid, 0, sig));
	}
	caller_status = status;
	atomic_store(&sh->stop, true);
	ASSERT_EQ(writer, waitpid(writer, &status, 0));
	ASSERT_TRUE(WIFEXITED(status) && !WEXITSTATUS(status))
		TH_LOG("the writer could not run on CPU 1");
	print_counts(_metadata, NULL, "calls=%lu stops=%lu raced=%lu",
		     sh->calls, stops, raced);
	ASSERT_TRUE(WIFEXITED(caller_status));
	ASSERT_EQ(0, WEXITSTATUS(caller_status)) TH_LOG("%s", sh->why);
	ASSERT_EQ(n, sh->calls);
	ASSERT_EQ(n, stops);
	ASSERT_LT(0, atomic_load(&sh->writes));
	munmap(sh, sizeof(*sh));
}

TEST_HARNESS_MAIN
