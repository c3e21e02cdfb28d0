// SPDX-License-Identifier: GPL-2.0
/*
 * openat2's rename attack, made on the path lookups of calls that
 * indirect() runs with RESOLVE_BENEATH or RESOLVE_IN_ROOT.
 *
 * In a tmpfs of its own, the test builds
 *
 *	root/a/b/c	the lookups start at root
 *	outside/b/c	a directory of the same shape, outside root
 *
 * and a renamer on CPU 1 exchanges root/a/b and outside/b without a
 * break, while on CPU 0 statx(), mkdirat() and unlinkat() go through
 * indirect() with paths that start "a/b/c/../../..". In the tree as it
 * stands, that is root itself. But if b moves out of root while the walk
 * is inside it, its ".." is outside, and the next ".." is the top of the
 * tmpfs: the directory above root. The kernel must notice the rename
 * and refuse with EAGAIN (or EXDEV); a call that reaches anything outside
 * root, whatever it then does there, is an escape and fails the test.
 *
 * Both b directories contain a c, so that "a/b/c" is there whichever
 * of them is in root: no ENOENT comes from the exchanges themselves, and
 * any errno but EAGAIN and EXDEV fails the test.
 *
 * The kernel must also have seen the race: a test in which no call came
 * back EAGAIN or EXDEV never had a walk inside a moving b, and fails.
 *
 * INDIRECT_RENAME_ROUNDS=n makes n calls per test instead of
 * RENAME_ROUNDS, and at least RENAME_MIN_ROUNDS.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <linux/indirect.h>
#include <linux/openat2.h>
#include <linux/stat.h>

#include "indirect_util.h"

/*
 * The race is in path lookup, which is the same whatever the caller's
 * ABI: the 64-bit build makes the full count, and the i386 and x32 builds,
 * which prove that their dispatch carries resolve, a fifth of it.
 */
#if defined(__x86_64__) && !defined(__ILP32__)
#define RENAME_ROUNDS	100000
#else
#define RENAME_ROUNDS	20000
#endif
/*
 * Half the debug boot's count: fewer is too short a race to be sure that
 * some walk is inside b when it moves.
 */
#define RENAME_MIN_ROUNDS	1000
/* The settings file gives the six tests together as much. */
#define RENAME_TIMEOUT	120
/* How long the renamer may take to make its first exchange, in ms. */
#define RENAMER_START_MS	10000

/* Walked in root, these are root itself and two names directly in it. */
#define UP_PATH		"a/b/c/../../.."
#define NEWDIR		"newdir"
#define VICTIM		"victim"

/* What each test logs, on one line: the harness greps for it. */
#define RESULT_FMT "rename attack: %s %s rounds %lu ok %lu eagain %lu exdev %lu escapes %lu other %lu raced %lu exchanges %lu seconds %.1f\n"

enum attack_call { CALL_STATX, CALL_MKDIRAT, CALL_UNLINKAT };

static const char *const call_names[] = {
	[CALL_STATX] = "statx",
	[CALL_MKDIRAT] = "mkdirat",
	[CALL_UNLINKAT] = "unlinkat",
};

/*
 * Where a call may act: root, where it must; the top of the tmpfs, where
 * an escape lands; outside, which the walk passes on the way there.
 */
enum place { PLACE_ROOT, PLACE_ABOVE, PLACE_OUTSIDE, NR_PLACES };

static const char *const place_names[] = {
	[PLACE_ROOT] = "root",
	[PLACE_ABOVE] = "above root",
	[PLACE_OUTSIDE] = "outside",
};

enum outcome { OUT_OK, OUT_EAGAIN, OUT_EXDEV, OUT_ESCAPE, OUT_OTHER,
	       NR_OUTCOMES };

enum renamer_state {
	RENAMER_STARTING,
	RENAMER_RUNNING,
	RENAMER_UNPINNED,	/* could not run on CPU 1 */
	RENAMER_FAILED,		/* an exchange failed: errno in err */
};

/* Shared with the renamer, a child process. */
struct renamer {
	atomic_ulong exchanges;
	atomic_int state;
	atomic_int err;
};

#define DIR_TEMPLATE	"/tmp/indirect-rename-attack.XXXXXX"

/* The tree, and the renamer that attacks it. */
struct attack {
	char dir[sizeof(DIR_TEMPLATE)];	/* the tmpfs */
	bool mounted;
	int fd[NR_PLACES];
	int a_fd;		/* root/a, for the renamer */
	struct statx root_stx, above_stx;
	struct renamer *rn;
	pid_t renamer;
};

FIXTURE(rename_attack)
{
	struct attack at;
};

FIXTURE_VARIANT(rename_attack)
{
	enum attack_call call;
	__u64 resolve;
};

FIXTURE_VARIANT_ADD(rename_attack, statx_beneath)
{
	.call = CALL_STATX,
	.resolve = RESOLVE_BENEATH,
};

FIXTURE_VARIANT_ADD(rename_attack, statx_in_root)
{
	.call = CALL_STATX,
	.resolve = RESOLVE_IN_ROOT,
};

FIXTURE_VARIANT_ADD(rename_attack, mkdirat_beneath)
{
	.call = CALL_MKDIRAT,
	.resolve = RESOLVE_BENEATH,
};

FIXTURE_VARIANT_ADD(rename_attack, mkdirat_in_root)
{
	.call = CALL_MKDIRAT,
	.resolve = RESOLVE_IN_ROOT,
};

FIXTURE_VARIANT_ADD(rename_attack, unlinkat_beneath)
{
	.call = CALL_UNLINKAT,
	.resolve = RESOLVE_BENEATH,
};

FIXTURE_VARIANT_ADD(rename_attack, unlinkat_in_root)
{
	.call = CALL_UNLINKAT,
	.resolve = RESOLVE_IN_ROOT,
};

static int open_dir(struct __test_metadata *_metadata, int dfd,
		    const char *name)
{
	int fd = openat(dfd, name, O_PATH | O_DIRECTORY | O_CLOEXEC);

	ASSERT_LE(0, fd) TH_LOG("open %s: %s", name, strerror(errno));
	return fd;
}

static void stat_dir(struct __test_metadata *_metadata, int fd,
		     struct statx *stx)
{
	ASSERT_EQ(0, syscall(__NR_statx, fd, "", AT_EMPTY_PATH, STATX_INO,
			     stx));
}

static bool same_inode(const struct statx *x, const struct statx *y)
{
	return x->stx_ino == y->stx_ino &&
	       x->stx_dev_major == y->stx_dev_major &&
	       x->stx_dev_minor == y->stx_dev_minor;
}

FIXTURE_SETUP(rename_attack)
{
	struct attack *at = &self->at;
	int top, ret, err, i;

	memcpy(at->dir, DIR_TEMPLATE, sizeof(DIR_TEMPLATE));
	at->renamer = -1;
	at->a_fd = -1;
	for (i = 0; i < NR_PLACES; i++)
		at->fd[i] = -1;

	/* A tmpfs that no other namespace sees, and that goes with ours. */
	ASSERT_EQ(0, unshare(CLONE_NEWNS));
	ASSERT_EQ(0, mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL));
	ASSERT_TRUE(!!mkdtemp(at->dir));
	ret = mount("tmpfs", at->dir, "tmpfs", 0, NULL);
	err = errno;
	if (ret)
		rmdir(at->dir);
	ASSERT_EQ(0, ret) TH_LOG("mount tmpfs: %s", strerror(err));
	at->mounted = true;

	top = open_dir(_metadata, AT_FDCWD, at->dir);
	at->fd[PLACE_ABOVE] = top;
	ASSERT_EQ(0, mkdirat(top, "root", 0755));
	ASSERT_EQ(0, mkdirat(top, "root/a", 0755));
	ASSERT_EQ(0, mkdirat(top, "root/a/b", 0755));
	ASSERT_EQ(0, mkdirat(top, "root/a/b/c", 0755));
	ASSERT_EQ(0, mkdirat(top, "outside", 0755));
	ASSERT_EQ(0, mkdirat(top, "outside/b", 0755));
	ASSERT_EQ(0, mkdirat(top, "outside/b/c", 0755));
	at->fd[PLACE_ROOT] = open_dir(_metadata, top, "root");
	at->fd[PLACE_OUTSIDE] = open_dir(_metadata, top, "outside");
	at->a_fd = open_dir(_metadata, top, "root/a");
	/* unlinkat's victims; the other calls leave them alone. */
	for (i = 0; i < NR_PLACES; i++)
		ASSERT_EQ(0, mknodat(at->fd[i], VICTIM, S_IFREG | 0600, 0));
	stat_dir(_metadata, at->fd[PLACE_ROOT], &at->root_stx);
	stat_dir(_metadata, top, &at->above_stx);

	at->rn = mmap(NULL, sizeof(*at->rn), PROT_READ | PROT_WRITE,
		      MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	ASSERT_TRUE(at->rn != MAP_FAILED);
	memset(at->rn, 0, sizeof(*at->rn));
}

FIXTURE_TEARDOWN(rename_attack)
{
	struct attack *at = &self->at;
	int i;

	if (at->renamer > 0) {
		kill(at->renamer, SIGKILL);
		EXPECT_EQ(at->renamer, waitpid(at->renamer, NULL, 0));
	}
	if (at->rn && at->rn != MAP_FAILED)
		munmap(at->rn, sizeof(*at->rn));
	for (i = 0; i < NR_PLACES; i++)
		if (at->fd[i] >= 0)
			close(at->fd[i]);
	if (at->a_fd >= 0)
		close(at->a_fd);
	if (at->mounted) {
		EXPECT_EQ(0, umount2(at->dir, MNT_DETACH));
		/* The directory is in the /tmp every namespace shares. */
		EXPECT_EQ(0, rmdir(at->dir));
	}
}

/*
 * The renamer: exchanges root/a/b and outside/b until killed. It is a
 * fork of the test, so it must never return into the harness, nor
 * assert: it reports through @rn.
 */
static void run_renamer(struct renamer *rn, int a_fd, int outside_fd)
{
	/* A test that dies without its teardown takes the renamer along. */
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	if (!pin_to_cpu(1)) {
		atomic_store(&rn->state, RENAMER_UNPINNED);
		_exit(1);
	}
	atomic_store(&rn->state, RENAMER_RUNNING);
	for (;;) {
		if (renameat2(a_fd, "b", outside_fd, "b", RENAME_EXCHANGE)) {
			atomic_store(&rn->err, errno);
			atomic_store(&rn->state, RENAMER_FAILED);
			_exit(1);
		}
		atomic_fetch_add_explicit(&rn->exchanges, 1,
					  memory_order_relaxed);
	}
}

static void start_renamer(struct __test_metadata *_metadata,
			  struct attack *at)
{
	int i;

	at->renamer = fork();
	ASSERT_LE(0, at->renamer);
	if (!at->renamer)
		run_renamer(at->rn, at->a_fd, at->fd[PLACE_OUTSIDE]);
	/* The calls are to race it from the first on. */
	for (i = 0; i < RENAMER_START_MS; i++) {
		if (atomic_load(&at->rn->exchanges) ||
		    atomic_load(&at->rn->state) > RENAMER_RUNNING)
			break;
		usleep(1000);
	}
	ASSERT_NE(RENAMER_UNPINNED, atomic_load(&at->rn->state))
		TH_LOG("the renamer could not run on CPU 1");
	ASSERT_NE(RENAMER_FAILED, atomic_load(&at->rn->state))
		TH_LOG("renameat2(RENAME_EXCHANGE): %s",
		       strerror(atomic_load(&at->rn->err)));
	ASSERT_LT(0, atomic_load(&at->rn->exchanges))
		TH_LOG("the renamer made no exchange in %d ms",
		       RENAMER_START_MS);
}

/*
 * Undoes what @call may have done at @place (made newdir there, unlinked
 * the victim there) and tells whether it had. One system call, which no
 * exchange can mislead: the renamer never moves the three places.
 */
static bool tidy(struct __test_metadata *_metadata,
		 struct attack *at, enum attack_call call,
		 enum place place)
{
	int fd = at->fd[place];

	switch (call) {
	case CALL_MKDIRAT:
		if (!unlinkat(fd, NEWDIR, AT_REMOVEDIR))
			return true;
		ASSERT_EQ(ENOENT, errno) TH_LOG("rmdir %s/" NEWDIR,
						place_names[place]);
		break;
	case CALL_UNLINKAT:
		if (!mknodat(fd, VICTIM, S_IFREG | 0600, 0))
			return true;
		ASSERT_EQ(EEXIST, errno) TH_LOG("mknod %s/" VICTIM,
						place_names[place]);
		break;
	case CALL_STATX:
		break;
	}
	return false;
}

/*
 * Tidies the places outside root: what it found changed there, as a
 * mask of 1 << place.
 */
static unsigned int tidy_outside_root(struct __test_metadata *_metadata,
				      struct attack *at,
				      enum attack_call call)
{
	unsigned int changed = 0;

	if (tidy(_metadata, at, call, PLACE_ABOVE))
		changed |= 1U << PLACE_ABOVE;
	if (tidy(_metadata, at, call, PLACE_OUTSIDE))
		changed |= 1U << PLACE_OUTSIDE;
	return changed;
}

static void log_escape(struct __test_metadata *_metadata,
		       enum attack_call call, unsigned int changed, int err)
{
	TH_LOG("%s %s, and changed%s%s%s", call_names[call],
	       err ? "failed" : "succeeded",
	       changed & 1U << PLACE_ABOVE ? " above root" : "",
	       changed & 1U << PLACE_OUTSIDE ? " outside" : "",
	       changed ? "" : " neither root nor what is next to it");
}

/*
 * What one call came to, with the tree put back as it was. A call that
 * succeeds made one directory or removed one file: if it is not root's,
 * it is outside root. A call that fails must have changed nothing; that
 * is checked too, it is rare.
 */
static enum outcome judge(struct __test_metadata *_metadata,
			  struct attack *at,
			  enum attack_call call, long ret, int err,
			  const struct statx *stx, const unsigned long *n)
{
	unsigned int changed;

	if (!ret) {
		if (call == CALL_STATX) {
			if (same_inode(stx, &at->root_stx))
				return OUT_OK;
			if (!n[OUT_ESCAPE])
				TH_LOG("statx found inode %llu, not root's %llu (above root: %llu)",
				       (unsigned long long)stx->stx_ino,
				       (unsigned long long)at->root_stx.stx_ino,
				       (unsigned long long)at->above_stx.stx_ino);
			return OUT_ESCAPE;
		}
		if (tidy(_metadata, at, call, PLACE_ROOT))
			return OUT_OK;
		changed = tidy_outside_root(_metadata, at, call);
		if (!n[OUT_ESCAPE])
			log_escape(_metadata, call, changed, 0);
		return OUT_ESCAPE;
	}
	changed = tidy_outside_root(_metadata, at, call);
	if (changed) {
		if (!n[OUT_ESCAPE])
			log_escape(_metadata, call, changed, err);
		return OUT_ESCAPE;
	}
	if (tidy(_metadata, at, call, PLACE_ROOT)) {
		if (!n[OUT_OTHER])
			TH_LOG("%s failed (%s), but changed root",
			       call_names[call], strerror(err));
		return OUT_OTHER;
	}
	if (ret == -1 && err == EAGAIN)
		return OUT_EAGAIN;
	if (ret == -1 && err == EXDEV)
		return OUT_EXDEV;
	if (!n[OUT_OTHER])
		TH_LOG("%s returned %ld, errno %d (%s)", call_names[call],
		       ret, err, strerror(err));
	return OUT_OTHER;
}

TEST_F_TIMEOUT(rename_attack, no_escape, RENAME_TIMEOUT)
{
	const unsigned long rounds = count_from_env(_metadata,
						    "INDIRECT_RENAME_ROUNDS",
						    RENAME_ROUNDS,
						    RENAME_MIN_ROUNDS);
	const struct indirect_params params = { .resolve = variant->resolve };
	const enum attack_call call = variant->call;
	unsigned long n[NR_OUTCOMES] = {}, overlapped = 0, exchanges, i;
	struct attack *at = &self->at;
	struct indirect_registers regs = {};
	struct timespec start;
	enum place place;
	struct statx stx;

	assert_two_cpus(_metadata);
	ASSERT_EQ(INDIRECT_PARAMS_SIZE_VER1, sizeof(params));
	regs.args[0] = at->fd[PLACE_ROOT];
	switch (call) {
	case CALL_STATX:
		regs.nr = __NR_statx;
		regs.args[1] = uptr(UP_PATH);
		regs.args[2] = AT_SYMLINK_NOFOLLOW;
		regs.args[3] = STATX_INO;
		regs.args[4] = uptr(&stx);
		break;
	case CALL_MKDIRAT:
		regs.nr = __NR_mkdirat;
		regs.args[1] = uptr(UP_PATH "/" NEWDIR);
		regs.args[2] = 0700;
		break;
	case CALL_UNLINKAT:
		regs.nr = __NR_unlinkat;
		regs.args[1] = uptr(UP_PATH "/" VICTIM);
		break;
	}

	/* The renamer inherits CPU 0 and moves to CPU 1. */
	ASSERT_TRUE(pin_to_cpu(0));
	start_renamer(_metadata, at);

	clock_gettime(CLOCK_MONOTONIC, &start);
	for (i = 0; i < rounds; i++) {
		unsigned long x = atomic_load_explicit(&at->rn->exchanges,
						       memory_order_relaxed);
		long ret;
		int err;

		ret = sys_indirect(&regs, &params, sizeof(params), 0);
		err = errno;
		overlapped += atomic_load_explicit(&at->rn->exchanges,
						   memory_order_relaxed) != x;
		n[judge(_metadata, at, call, ret, err, &stx, n)]++;
	}

	/*
	 * Written before anything can fail, and flushed: the test _exit()s.
	 * "raced" in the log line is overlapped: rounds during which the
	 * renamer made an exchange. raced in the counts is the rounds the
	 * kernel refused for a rename it saw, EAGAIN or EXDEV.
	 */
	exchanges = atomic_load(&at->rn->exchanges);
	ksft_print_msg(RESULT_FMT,
		       call_names[call],
		       variant->resolve == RESOLVE_BENEATH ? "beneath" : "in_root",
		       rounds, n[OUT_OK], n[OUT_EAGAIN], n[OUT_EXDEV],
		       n[OUT_ESCAPE], n[OUT_OTHER], overlapped, exchanges,
		       seconds_since(&start));
	print_counts(_metadata, variant,
		     "rounds=%lu raced=%lu overlapped=%lu eagain=%lu exdev=%lu escapes=%lu other=%lu exchanges=%lu",
		     rounds, n[OUT_EAGAIN] + n[OUT_EXDEV], overlapped,
		     n[OUT_EAGAIN], n[OUT_EXDEV], n[OUT_ESCAPE], n[OUT_OTHER],
		     exchanges);

	/* The kernel saw a rename during a walk, and refused it. */
	EXPECT_LT(0, n[OUT_EAGAIN] + n[OUT_EXDEV])
		TH_LOG("no call raced the renamer: the window was never hit");
	EXPECT_EQ(0, n[OUT_ESCAPE]);
	EXPECT_EQ(0, n[OUT_OTHER]);
	/* The renamer ran all along, on its own CPU, and so did we. */
	EXPECT_EQ(RENAMER_RUNNING, atomic_load(&at->rn->state))
		TH_LOG("renameat2(RENAME_EXCHANGE): %s",
		       strerror(atomic_load(&at->rn->err)));
	EXPECT_LT(0, atomic_load(&at->rn->exchanges));
	EXPECT_EQ(0, sched_getcpu());
	/* Each round left the tree as it found it. */
	for (place = 0; place < NR_PLACES; place++) {
		const char *name = place_names[place];

		EXPECT_FALSE(tidy(_metadata, at, call, place))
			TH_LOG("%s left %s changed", call_names[call], name);
	}
}

TEST_HARNESS_MAIN
