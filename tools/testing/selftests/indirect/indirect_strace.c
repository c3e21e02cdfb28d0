// SPDX-License-Identifier: GPL-2.0
/*
 * Debian's strace (6.1) and a program that makes its calls through
 * indirect(); the program's output is the same as without strace.
 *
 * strace 6.1 does not know indirect()'s number. With --seccomp-bpf, its
 * filter lets through the numbers its table has no name for, and asks for a
 * TRACE of the calls it is told to trace and of every number past the end
 * of its table. For i386 and x32 callers, indirect()'s number is in the
 * table: the only seccomp stop is the inner call's, and strace prints that
 * call as it prints a direct one. For x86_64 callers, the number is past
 * the end: strace stops at indirect() itself, takes it for the entry, then
 * takes the inner call's stop for the exit and reads its syscall info
 * (op SECCOMP) as an exit's, so it prints one line for indirect() with a
 * misread return value. A tracer that knows indirect() gets the inner
 * call's stop as indirect_ptrace checks it.
 *
 * Plain strace stops at indirect()'s own syscall entry and exit, and
 * prints indirect() under its number, whatever -e trace= names.
 *
 * The program is this one: with INDIRECT_STRACE_PROBE=socket or =mkdirat
 * in its environment, it makes that call through indirect(), prints what
 * came of it and exits, before the harness starts.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "indirect_util.h"

#define PROBE_ENV	"INDIRECT_STRACE_PROBE"
#define PROBE_DIR_ENV	"INDIRECT_STRACE_DIR"

/* The call, through indirect(), and one line about what it did. */
static void __attribute__((constructor)) probe(void)
{
	struct indirect_params p = { .file_flags = FD_BOTH };
	const char *call = getenv(PROBE_ENV);
	struct indirect_registers r = { 0 };
	struct stat st;
	long ret;

	if (!call)
		return;
	if (!strcmp(call, "socket")) {
		r.nr = __NR_socket;
		r.args[0] = AF_UNIX;
		r.args[1] = SOCK_STREAM;
		ret = sys_indirect(&r, &p, sizeof(p), 0);
		printf("socket: %ld (%s), flags %#llx\n", ret,
		       ret < 0 ? strerror(errno) : "ok",
		       (unsigned long long)fd_flags(ret));
	} else if (!strcmp(call, "mkdirat") && getenv(PROBE_DIR_ENV)) {
		const char *path = getenv(PROBE_DIR_ENV);

		p.file_flags = 0;
		p.resolve = RESOLVE_NO_SYMLINKS;
		r.nr = __NR_mkdirat;
		r.args[0] = (__u64)AT_FDCWD;
		r.args[1] = uptr(path);
		r.args[2] = 0700;
		ret = sys_indirect(&r, &p, sizeof(p), 0);
		printf("mkdirat: %ld (%s), %s\n", ret,
		       ret < 0 ? strerror(errno) : "ok",
		       !stat(path, &st) && S_ISDIR(st.st_mode) ?
		       "a directory" : "nothing");
		rmdir(path);
	} else {
		printf("no such probe: %s\n", call);
	}
	fflush(stdout);
	_exit(0);
}

static const char *const strace_paths[] = {
	"/bin/strace", "/usr/bin/strace",
};

static const char *find_strace(void)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(strace_paths); i++)
		if (!access(strace_paths[i], X_OK))
			return strace_paths[i];
	return NULL;
}

struct probe_files {
	char dir[64];
	char exe[PATH_MAX];
	char out[96];		/* the probe's output */
	char trace[96];		/* strace's */
	char newdir[128];	/* what the mkdirat probe creates */
};

FIXTURE(strace) {
	struct probe_files f;
};

FIXTURE_SETUP(strace)
{
	struct probe_files *f = &self->f;
	ssize_t len;

	snprintf(f->dir, sizeof(f->dir), "/tmp/indirect-strace-XXXXXX");
	ASSERT_TRUE(!!mkdtemp(f->dir));
	snprintf(f->out, sizeof(f->out), "%s/out", f->dir);
	snprintf(f->trace, sizeof(f->trace), "%s/trace", f->dir);
	snprintf(f->newdir, sizeof(f->newdir), "%s/new", f->dir);
	len = readlink("/proc/self/exe", f->exe, sizeof(f->exe) - 1);
	ASSERT_LT(0, len);
	f->exe[len] = '\0';
}

FIXTURE_TEARDOWN(strace)
{
	struct probe_files *f = &self->f;

	unlink(f->out);
	unlink(f->trace);
	rmdir(f->newdir);
	rmdir(f->dir);
}

/* The whole of file @path, NUL-terminated, in @buf. */
static void read_file(struct __test_metadata *_metadata, const char *path,
		      char *buf, size_t size)
{
	ssize_t len;
	int fd;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	ASSERT_LE(0, fd) TH_LOG("%s: %s", path, strerror(errno));
	len = read(fd, buf, size - 1);
	ASSERT_LE(0, len);
	buf[len] = '\0';
	close(fd);
}

/*
 * Runs the probe for @call, under strace with @options if not NULL, with
 * its standard output in f->out and strace's in f->trace; returns
 * the probe's output in @buf.
 */
static void run_probe(struct __test_metadata *_metadata,
		      struct probe_files *f, const char *call,
		      const char *const *options, char *buf, size_t size)
{
	const char *strace = find_strace();
	const char *argv[16];
	int status, n = 0;
	pid_t pid;

	ASSERT_TRUE(!!strace) TH_LOG("no strace: Debian's strace package");
	if (options) {
		argv[n++] = strace;
		while (*options)
			argv[n++] = *options++;
		argv[n++] = "-o";
		argv[n++] = f->trace;
	}
	argv[n++] = f->exe;
	argv[n] = NULL;

	pid = fork();
	ASSERT_LE(0, pid);
	if (!pid) {
		int fd = open(f->out, O_WRONLY | O_CREAT | O_TRUNC, 0600);

		if (fd < 0 || dup2(fd, STDOUT_FILENO) < 0)
			_exit(126);
		close(fd);
		setenv(PROBE_ENV, call, 1);
		setenv(PROBE_DIR_ENV, f->newdir, 1);
		execv(argv[0], (char *const *)argv);
		_exit(127);
	}
	ASSERT_EQ(pid, waitpid(pid, &status, 0));
	ASSERT_TRUE(WIFEXITED(status));
	ASSERT_EQ(0, WEXITSTATUS(status));
	read_file(_metadata, f->out, buf, size);
}

/*
 * strace's lines for calls, without its notes ("[ Process PID=... runs in
 * 32 bit mode. ]") and signal and exit lines; in @lines, how many.
 */
static int trace_lines(struct __test_metadata *_metadata,
		       struct probe_files *f, char *buf, size_t size,
		       char **line, int max)
{
	char *save, *l;
	int n = 0;

	read_file(_metadata, f->trace, buf, size);
	for (l = strtok_r(buf, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
		if (l[0] == '[' || !strncmp(l, "+++", 3) ||
		    !strncmp(l, "---", 3))
			continue;
		if (n < max)
			line[n] = l;
		n++;
	}
	return n;
}

static const char *const seccomp_bpf_socket[] = {
	"-f", "--seccomp-bpf", "-qq", "-e", "trace=socket", NULL,
};

static const char *const seccomp_bpf_mkdirat[] = {
	"-f", "--seccomp-bpf", "-qq", "-e", "trace=mkdirat", NULL,
};

static const char *const plain_socket[] = {
	"-f", "-qq", "-e", "trace=socket", NULL,
};

/* Does @line match the extended regular expression @re? */
static bool matches(const char *line, const char *re)
{
	regex_t r;
	bool m;

	if (regcomp(&r, re, REG_EXTENDED | REG_NOSUB))
		return false;
	m = !regexec(&r, line, 0, NULL, 0);
	regfree(&r);
	return m;
}

/* x86_64: strace's filter traces indirect(), a number past its table. */
#if defined(__x86_64__) && !defined(__ILP32__)
#define STRACE_STOPS_AT_INDIRECT true
#else
#define STRACE_STOPS_AT_INDIRECT false
#endif

/*
 * strace's line for indirect(regs, params, 16, 0) under its number: -f's
 * pid, the number, two pointers, the size, the flags, what is left in the
 * other argument registers, and the return value, @ret.
 */
static void indirect_line_re(char *re, size_t size, const char *ret)
{
	snprintf(re, size,
		 "^[0-9]+ +syscall_%#x\\(0x[0-9a-f]+, 0x[0-9a-f]+, %#zx, 0, (0|0x[0-9a-f]+), (0|0x[0-9a-f]+)\\) += %s$",
		 (unsigned int)__NR_indirect, sizeof(struct indirect_params), ret);
}

/*
 * Runs the probe for @call under strace with @options: the output is
 * @alone, the probe's without strace, and strace prints one line, which
 * matches @re.
 */
static void traced_probe(struct __test_metadata *_metadata,
			 struct probe_files *f, const char *call,
			 const char *const *options, const char *alone,
			 const char *re)
{
	char traced[256], trace[4096], *line[4];

	run_probe(_metadata, f, call, options, traced, sizeof(traced));
	ASSERT_STREQ(alone, traced);
	ASSERT_EQ(1, trace_lines(_metadata, f, trace, sizeof(trace),
				 line, ARRAY_SIZE(line)));
	ASSERT_TRUE(matches(line[0], re))
		TH_LOG("strace printed: %s, not %s", line[0], re);
	TH_LOG("strace printed: %s", line[0]);
}

/* The socket probe's output, and the descriptor it made (or -1). */
static long socket_probe(struct __test_metadata *_metadata,
			 struct probe_files *f, char *alone, size_t size)
{
	long fd;

	run_probe(_metadata, f, "socket", NULL, alone, size);
	if (sscanf(alone, "socket: %ld (ok)", &fd) != 1 ||
	    !strstr(alone, "flags 0x3"))
		return -1;
	return fd;
}

TEST_F(strace, seccomp_bpf_socket)
{
	char alone[256], re[256];
	long fd;

	fd = socket_probe(_metadata, &self->f, alone, sizeof(alone));
	ASSERT_LE(0, fd) TH_LOG("%s", alone);
	/* The misread exit: -1, and the inner call's number, negated. */
	if (STRACE_STOPS_AT_INDIRECT)
		indirect_line_re(re, sizeof(re), "-1 \\(errno [0-9]+\\)");
	else
		snprintf(re, sizeof(re),
			 "^[0-9]+ +socket\\(AF_UNIX, SOCK_STREAM, 0\\) += %ld$",
			 fd);
	traced_probe(_metadata, &self->f, "socket", seccomp_bpf_socket,
		     alone, re);
}

TEST_F(strace, seccomp_bpf_mkdirat)
{
	char alone[256], re[256];

	run_probe(_metadata, &self->f, "mkdirat", NULL, alone, sizeof(alone));
	ASSERT_STREQ("mkdirat: 0 (ok), a directory\n", alone);
	if (STRACE_STOPS_AT_INDIRECT)
		indirect_line_re(re, sizeof(re), "-1 \\(errno [0-9]+\\)");
	else
		snprintf(re, sizeof(re),
			 "^[0-9]+ +mkdirat\\(AT_FDCWD, \"%s\", 0700\\) += 0$",
			 self->f.newdir);
	traced_probe(_metadata, &self->f, "mkdirat", seccomp_bpf_mkdirat,
		     alone, re);
}

/* Syscall stops are indirect()'s own, and so is the result strace prints. */
TEST_F(strace, plain_socket)
{
	char alone[256], re[256], ret[32];
	long fd;

	fd = socket_probe(_metadata, &self->f, alone, sizeof(alone));
	ASSERT_LE(0, fd) TH_LOG("%s", alone);
	/* An unknown call's result, in hex. */
	snprintf(ret, sizeof(ret), "%#lx", fd);
	indirect_line_re(re, sizeof(re), ret);
	traced_probe(_metadata, &self->f, "socket", plain_socket, alone, re);
}

TEST_HARNESS_MAIN
