/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the indirect() tests share: the call itself, the white list as the
 * ABI this program is built for (-m64, -m32 or -mx32) numbers it, and the
 * arguments that make each listed call succeed.
 */
#ifndef INDIRECT_UTIL_H
#define INDIRECT_UTIL_H

#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <sched.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <linux/audit.h>
#include <linux/indirect.h>
#include <linux/net.h>

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
 * the operation, which indirect() reads from args[0].
 */
struct listed_call {
	const char *name;
	__u64 nr;
	__u32 op;
	__u64 honours;
};

static const struct listed_call white_list[] = {
	{ "socket", __NR_socket, 0, FD_BOTH },
	{ "socketpair", __NR_socketpair, 0, FD_BOTH },
#ifdef __NR_accept
	{ "accept", __NR_accept, 0, FD_BOTH },
#endif
	{ "eventfd", __NR_eventfd, 0, FD_BOTH },
	{ "signalfd", __NR_signalfd, 0, FD_BOTH },
	{ "timerfd_create", __NR_timerfd_create, 0, FD_BOTH },
	{ "epoll_create", __NR_epoll_create, 0, INDIRECT_FD_CLOEXEC },
	{ "pipe", __NR_pipe, 0, FD_BOTH },
	{ "inotify_init", __NR_inotify_init, 0, FD_BOTH },
	{ "dup", __NR_dup, 0, INDIRECT_FD_CLOEXEC },
#ifdef __NR_socketcall
	{ "socketcall(SYS_SOCKET)", __NR_socketcall, SYS_SOCKET, FD_BOTH },
	{ "socketcall(SYS_SOCKETPAIR)", __NR_socketcall, SYS_SOCKETPAIR,
	  FD_BOTH },
	{ "socketcall(SYS_ACCEPT)", __NR_socketcall, SYS_ACCEPT, FD_BOTH },
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

/* What the white-listed calls need to succeed. */
struct consumers {
	int listener;	/* non-blocking, no connection pending */
	int plain;	/* a socket without flags, for dup() */
	int pair[2];	/* filled by socketpair() and pipe() */
	__u64 sigmask;	/* the kernel's sigset_t */
	__u32 sc_args[4];	/* socketcall()'s arguments, 32 bits each */
};

static inline void consumers_init(struct __test_metadata *_metadata,
				  struct consumers *c)
{
	memset(c, 0, sizeof(*c));
	c->listener = unix_listener(_metadata, SOCK_NONBLOCK, NULL, NULL);
	c->plain = socket(AF_UNIX, SOCK_STREAM, 0);
	ASSERT_LE(0, c->plain);
	c->sigmask = 1ULL << (SIGUSR1 - 1);
}

/*
 * Fills @r with arguments that make @call succeed: a new descriptor, or,
 * for accept() on the idle listener, EAGAIN, which shows that it ran.
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
 * command line passes it to init and so to the tests), else @dflt.
 */
static inline unsigned long count_from_env(const char *name,
					   unsigned long dflt)
{
	const char *env = getenv(name);

	return env ? strtoul(env, NULL, 0) : dflt;
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

#endif /* INDIRECT_UTIL_H */
