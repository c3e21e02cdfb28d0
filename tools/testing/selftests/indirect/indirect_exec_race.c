// SPDX-License-Identifier: GPL-2.0
/*
 * The exec race under load. One thread creates and closes descriptors,
 * close-on-exec, as fast as it can on CPU 0; the main thread forks and
 * execs indirect_exec_probe on CPU 1, which counts the descriptors it
 * inherited, round after round. Through indirect() a descriptor is
 * close-on-exec from birth: no round may inherit one. socket() followed
 * by fcntl(F_SETFD) is the control: its leak count shows the window
 * indirect() closes.
 *
 * The control runs first, and must leak: a run in which it does not has
 * not shown that the window is there to be closed.
 *
 * INDIRECT_RACE_ROUNDS=n runs n rounds instead of ROUNDS, and at least
 * MIN_ROUNDS (the debug kernel of `make check`, where an exec takes ten
 * times as long, runs fewer); the control runs a tenth of them.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <linux/close_range.h>
#include <linux/indirect.h>

#include "indirect_util.h"

#define ROUNDS 10000
/*
 * The debug boot's count. The control leaks in a fifth of its rounds or
 * more: a tenth of this, 50 rounds, all miss with a chance below 1e-4.
 */
#define MIN_ROUNDS 500
/* Seconds for ROUNDS rounds under TCG (4 ms each, 40 on the debug kernel). */
#define RACE_TIMEOUT 600

struct creator {
	long (*create)(void);
	atomic_bool stop;
	atomic_ulong created;
	bool unpinned;
};

static long create_indirect(void)
{
	static const struct indirect_registers r = {
		.nr = __NR_socket,
		.args = { AF_UNIX, SOCK_STREAM, 0 },
	};
	static const struct indirect_params p = {
		.file_flags = INDIRECT_FD_CLOEXEC,
	};

	return sys_indirect(&r, &p, sizeof(p), 0);
}

static long create_plain(void)
{
	int fd = socket(AF_UNIX, SOCK_STREAM, 0);

	if (fd >= 0 && fcntl(fd, F_SETFD, FD_CLOEXEC)) {
		close(fd);
		return -1;
	}
	return fd;
}

static void *create_loop(void *arg)
{
	struct creator *cr = arg;

	if (!pin_to_cpu(0)) {
		cr->unpinned = true;
		return (void *)1;
	}
	while (!atomic_load(&cr->stop)) {
		long fd = cr->create();

		if (fd < 0)
			return (void *)1;
		close(fd);
		atomic_fetch_add(&cr->created, 1);
	}
	return NULL;
}

/* Forks and execs the probe in count mode: how many it inherited. */
static int probe_count(struct __test_metadata *_metadata, char *path)
{
	int status = run_exec_probe(path, "--count");

	ASSERT_LE(0, status);
	ASSERT_GT(125, status) TH_LOG("the probe failed");
	return status;
}

struct race_result {
	unsigned long rounds, leaks, created;
	/* More rounds, up to this many, until the first leak */
	unsigned long until_leak;
};

/*
 * Runs @res->rounds rounds of the race, and more up to @res->until_leak
 * while none leaked; counts the rounds run and the leaks in @res.
 */
static void run_race(struct __test_metadata *_metadata, const void *variant,
		     long (*create)(void), const char *what,
		     struct race_result *res)
{
	struct creator cr = { .create = create };
	struct timespec start;
	char path[PATH_MAX];
	pthread_t thread;
	unsigned long i;
	void *failed;
	int fd;

	assert_two_cpus(_metadata);
	ASSERT_TRUE(pin_to_cpu(1));
	exec_probe_path(_metadata, path);
	/* Only the creator's descriptors may reach a probe. */
	ASSERT_EQ(0, syscall(__NR_close_range, 3, ~0U, CLOSE_RANGE_CLOEXEC));
	ASSERT_EQ(0, probe_count(_metadata, path));
	/* The probe sees an inherited descriptor. */
	fd = socket(AF_UNIX, SOCK_STREAM, 0);
	ASSERT_LE(0, fd);
	ASSERT_EQ(1, probe_count(_metadata, path));
	ASSERT_EQ(0, close(fd));

	clock_gettime(CLOCK_MONOTONIC, &start);
	ASSERT_EQ(0, pthread_create(&thread, NULL, create_loop, &cr));
	for (i = 0; i < res->rounds || (!res->leaks && i < res->until_leak);
	     i++)
		res->leaks += probe_count(_metadata, path) != 0;
	res->rounds = i;
	atomic_store(&cr.stop, true);
	ASSERT_EQ(0, pthread_join(thread, &failed));
	res->created = atomic_load(&cr.created);
	TH_LOG("exec race: %s: %s: %lu of %lu rounds leaked in %.1f s, %lu created",
	       ABI_NAME, what, res->leaks, res->rounds, seconds_since(&start),
	       res->created);
	print_counts(_metadata, variant, "rounds=%lu leaks=%lu created=%lu",
		     res->rounds, res->leaks, res->created);
	ASSERT_FALSE(cr.unpinned) TH_LOG("the creator could not run on CPU 0");
	ASSERT_TRUE(!failed) TH_LOG("the creator failed");
	/* The rounds overlapped descriptors being created. */
	ASSERT_LE(res->rounds, res->created);
}

FIXTURE(race)
{
};

FIXTURE_VARIANT(race)
{
	long (*create)(void);
	const char *what;
	/*
	 * The control must leak, the indirect() call must not. The control
	 * runs first: the two are cases of one program, which runs both.
	 */
	bool must_not_leak;
	/*
	 * Of the rounds: the control leaks in a fifth of its rounds or more,
	 * so a tenth of them shows the window as well as all of them would.
	 * On the debug kernel it leaks in one round of fifty or so: there it
	 * goes on until its first leak, up to all of the rounds.
	 */
	unsigned int rounds_divisor;
};

FIXTURE_VARIANT_ADD(race, socket_fcntl_control)
{
	.create = create_plain,
	.what = "socket()+fcntl(FD_CLOEXEC)",
	.rounds_divisor = 10,
};

FIXTURE_VARIANT_ADD(race, indirect_cloexec)
{
	.create = create_indirect,
	.what = "indirect(socket, CLOEXEC)",
	.must_not_leak = true,
	.rounds_divisor = 1,
};

FIXTURE_SETUP(race)
{
}

FIXTURE_TEARDOWN(race)
{
}

TEST_F_TIMEOUT(race, rounds, RACE_TIMEOUT)
{
	unsigned long rounds = count_from_env(_metadata, "INDIRECT_RACE_ROUNDS",
					      ROUNDS, MIN_ROUNDS);
	struct race_result res = {
		.rounds = rounds / variant->rounds_divisor,
		.until_leak = variant->must_not_leak ? 0 : rounds,
	};

	run_race(_metadata, variant, variant->create, variant->what, &res);
	if (variant->must_not_leak) {
		ASSERT_EQ(0, res.leaks);
	} else {
		ASSERT_LT(0, res.leaks)
			TH_LOG("the control never leaked: no window to close");
	}
}

TEST_HARNESS_MAIN
