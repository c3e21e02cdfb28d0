// SPDX-License-Identifier: GPL-2.0
/*
 * indirect() against a writer that really runs beside it: each test puts
 * its two sides on different CPUs (or, where that is the point, on the
 * same one), so a window inside the kernel is raced, not just interleaved.
 *
 * read_once: while the caller makes indirect() calls, a writer on the
 * other CPU flips every field the kernel reads between a value that works
 * and one that must be refused. Whatever the timing, the call must act on
 * one snapshot: a descriptor carries exactly the flags of a valid one, a
 * refusal has the errno of an invalid one, exit_group() never runs.
 *
 * publication: a thread makes plain calls while another is inside
 * indirect() calls with file flags; the parameters belong to the task that
 * passed them, so the plain calls never get a flag, whether the two run on
 * different CPUs or take turns on one.
 *
 * INDIRECT_RACE_CALLS=n makes n calls per test instead of RACE_CALLS, and
 * at least RACE_MIN_CALLS (the debug kernel of `make check` runs fewer);
 * read_once makes more if some outcome has not happened yet.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <linux/indirect.h>

#include "indirect_util.h"

#define RACE_CALLS	1000000
/*
 * A fifth of the debug boot's count: read_once needs every outcome of
 * every size class, and publication, which makes a third as many plain
 * calls, some during an indirect() call.
 */
#define RACE_MIN_CALLS	3000
/* Seconds for RACE_CALLS calls on the debug kernel, with room to spare. */
#define RACE_TIMEOUT	600

/* A flag bit no kernel knows yet: the invalid value of file_flags. */
#define FD_UNKNOWN	_BITULL(2)

static unsigned long race_calls(struct __test_metadata *_metadata)
{
	return count_from_env(_metadata, "INDIRECT_RACE_CALLS", RACE_CALLS,
			      RACE_MIN_CALLS);
}

/*
 * Each field the writer flips takes one of two values that differ in one
 * byte, so that a read torn by the kernel's byte-wise copy still sees one
 * of them. The call number is the exception in i386, where socket (359)
 * and exit_group (252) differ in two bytes: the test checks that no mix
 * of their bytes but socket itself is a listed call.
 */
struct snapshot_field {
	__u64 good, bad;
};

enum { FIELD_NR, FIELD_TYPE, FIELD_FLAGS, FIELD_TAIL, NR_FIELDS };

static const struct snapshot_field fields[NR_FIELDS] = {
	[FIELD_NR] = { __NR_socket, __NR_exit_group },
	[FIELD_TYPE] = { SOCK_STREAM, SOCK_RDM },
	[FIELD_FLAGS] = { FD_BOTH, FD_UNKNOWN },
	[FIELD_TAIL] = { 0, 1 },
};

/* The sizes the caller passes: none, the first version, a page. */
enum { SIZE_NONE, SIZE_VER0, SIZE_PAGE, NR_SIZES };

struct shared {
	struct indirect_registers regs;
	/* The parameters, a page long: the tail is the rest of the page. */
	char *params;
	long ps;
	size_t sizes[NR_SIZES];
	/*
	 * The size the caller passes next. It goes in a register, so the
	 * kernel reads it once by construction; the writer flips it anyway.
	 */
	atomic_uint size;
	atomic_ulong writes;
	atomic_bool stop;
};

static __u64 *field_ptr(struct shared *sh, int i)
{
	switch (i) {
	case FIELD_NR:
		return &sh->regs.nr;
	case FIELD_TYPE:
		return &sh->regs.args[1];
	case FIELD_FLAGS:
		return (__u64 *)sh->params;
	default:
		return (__u64 *)(sh->params + sh->ps - sizeof(__u64));
	}
}

/* xorshift32: which field the writer flips next. */
static __u32 next_rnd(__u32 *x)
{
	*x ^= *x << 13;
	*x ^= *x >> 17;
	*x ^= *x << 5;
	return *x;
}

static void *writer(void *arg)
{
	struct shared *sh = arg;
	bool bad[NR_FIELDS] = {};
	__u32 x = 2463534242U;
	unsigned int s = 0;

	/* The caller runs on CPU 0. */
	if (!pin_to_cpu(1))
		return (void *)1;
	while (!atomic_load_explicit(&sh->stop, memory_order_relaxed)) {
		unsigned int i = next_rnd(&x) % (NR_FIELDS + 1);

		if (i == NR_FIELDS) {
			s = (s + 1) % NR_SIZES;
			atomic_store_explicit(&sh->size, s,
					      memory_order_relaxed);
		} else {
			bad[i] = !bad[i];
			/* One store: an i386 __u64 must not tear here. */
			__atomic_store_n(field_ptr(sh, i),
					 bad[i] ? fields[i].bad : fields[i].good,
					 __ATOMIC_RELAXED);
		}
		atomic_fetch_add_explicit(&sh->writes, 1, memory_order_relaxed);
	}
	return NULL;
}

/* What a call came to. */
enum { OUT_FD, OUT_E2BIG, OUT_EINVAL, OUT_ESOCKTNOSUPPORT, NR_OUTCOMES };

/*
 * The outcomes a snapshot can give, by size: E2BIG needs a tail; with no
 * parameters, EINVAL can only be the refused number.
 */
static const bool possible[NR_SIZES][NR_OUTCOMES] = {
	[SIZE_NONE] = { true, false, true, true },
	[SIZE_VER0] = { true, false, true, true },
	[SIZE_PAGE] = { true, true, true, true },
};

/*
 * Classifies the result of one call with size @size: one that no snapshot
 * of the fields can give fails the test.
 */
static int classify(struct __test_metadata *_metadata, unsigned int size,
		    long ret, int err)
{
	int outcome;

	if (ret >= 0) {
		int type = -1;
		socklen_t len = sizeof(type);

		ASSERT_EQ(0, getsockopt(ret, SOL_SOCKET, SO_TYPE, &type, &len))
			TH_LOG("a descriptor from something other than socket()");
		/* Only the valid type makes a socket. */
		ASSERT_EQ(SOCK_STREAM, type);
		/* Only the valid flags pass, and they are all applied. */
		ASSERT_EQ(size == SIZE_NONE ? 0 : FD_BOTH, fd_flags(ret))
			TH_LOG("size class %u", size);
		ASSERT_EQ(0, close(ret));
		return OUT_FD;
	}
	switch (err) {
	case E2BIG:
		outcome = OUT_E2BIG;
		break;
	case EINVAL:
		outcome = OUT_EINVAL;
		break;
	case ESOCKTNOSUPPORT:
		outcome = OUT_ESOCKTNOSUPPORT;
		break;
	default:
		outcome = NR_OUTCOMES;
		break;
	}
	ASSERT_TRUE(outcome < NR_OUTCOMES && possible[size][outcome])
		TH_LOG("errno %d for size class %u", err, size);
	return outcome;
}

static void log_outcomes(struct __test_metadata *_metadata, size_t size,
			 const unsigned long n[NR_OUTCOMES])
{
	TH_LOG("read once: %s: size %zu: fd %lu, E2BIG %lu, EINVAL %lu, ESOCKTNOSUPPORT %lu",
	       ABI_NAME, size, n[OUT_FD], n[OUT_E2BIG], n[OUT_EINVAL],
	       n[OUT_ESOCKTNOSUPPORT]);
}

/* No mix of the bytes of a flipped number is a listed call but itself. */
static void assert_torn_numbers_unlisted(struct __test_metadata *_metadata)
{
	const __u64 a = fields[FIELD_NR].good, b = fields[FIELD_NR].bad;
	unsigned int m;
	int i;

	ASSERT_TRUE(!!listed(a, 0));
	ASSERT_TRUE(!listed(b, 0));
	for (m = 0; m < 256; m++) {
		__u64 mix = 0;

		for (i = 0; i < 8; i++)
			mix |= (m & 1U << i ? a : b) & 0xffULL << 8 * i;
		ASSERT_TRUE(mix == a || !listed(mix, 0))
			TH_LOG("%#llx is listed", (unsigned long long)mix);
	}
}

/* Whether each outcome that each size class allows has happened. */
static bool every_outcome(const unsigned long n[NR_SIZES][NR_OUTCOMES])
{
	int s, f;

	for (s = 0; s < NR_SIZES; s++)
		for (f = 0; f < NR_OUTCOMES; f++)
			if (possible[s][f] && !n[s][f])
				return false;
	return true;
}

FIXTURE(read_once)
{
};

FIXTURE_SETUP(read_once)
{
}

FIXTURE_TEARDOWN(read_once)
{
}

TEST_F_TIMEOUT(read_once, one_snapshot, RACE_TIMEOUT)
{
	const long ps = sysconf(_SC_PAGESIZE);
	unsigned long calls = race_calls(_metadata);
	unsigned long n[NR_SIZES][NR_OUTCOMES] = {}, raced = 0, i;
	unsigned long total[NR_OUTCOMES] = {};
	struct shared sh = {
		.regs = {
			.nr = fields[FIELD_NR].good,
			.args = { AF_UNIX, fields[FIELD_TYPE].good, 0 },
		},
		.ps = ps,
		.sizes = { 0, INDIRECT_PARAMS_SIZE_VER0, ps },
	};
	int before = nr_fds(_metadata), f, s;
	struct timespec start;
	pthread_t thread;
	void *failed;

	assert_two_cpus(_metadata);
	assert_torn_numbers_unlisted(_metadata);
	/*
	 * exit_group(AF_UNIX) would end this test with status 1: a failure,
	 * as the harness counts it.
	 */
	ASSERT_EQ(1, AF_UNIX);
	sh.params = mmap(NULL, ps, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ASSERT_TRUE(sh.params != MAP_FAILED);
	for (f = 0; f < NR_FIELDS; f++)
		*field_ptr(&sh, f) = fields[f].good;
	ASSERT_TRUE(pin_to_cpu(0));

	clock_gettime(CLOCK_MONOTONIC, &start);
	ASSERT_EQ(0, pthread_create(&thread, NULL, writer, &sh));
	/*
	 * A vCPU of a guest may not run for thousands of calls of the other,
	 * and the fields stay as it left them: the calls go on, up to ten
	 * times as many, until every outcome of every size class happened.
	 */
	for (i = 0; i < calls || (i < 10 * calls && !every_outcome(n)); i++) {
		unsigned int size = atomic_load_explicit(&sh.size,
							 memory_order_relaxed);
		unsigned long w = atomic_load(&sh.writes);
		long ret;
		int err;

		ret = sys_indirect(&sh.regs, sh.params, sh.sizes[size], 0);
		err = errno;
		raced += atomic_load(&sh.writes) != w;
		n[size][classify(_metadata, size, ret, err)]++;
	}
	atomic_store(&sh.stop, true);
	ASSERT_EQ(0, pthread_join(thread, &failed));

	calls = i;
	TH_LOG("read once: %s: %lu calls in %.1f s, %lu raced by %lu writes",
	       ABI_NAME, calls, seconds_since(&start), raced,
	       atomic_load(&sh.writes));
	for (s = 0; s < NR_SIZES; s++) {
		log_outcomes(_metadata, sh.sizes[s], n[s]);
		for (f = 0; f < NR_OUTCOMES; f++)
			total[f] += n[s][f];
	}
	print_counts(_metadata, variant,
		     "calls=%lu raced=%lu writes=%lu fd=%lu e2big=%lu einval=%lu esocktnosupport=%lu",
		     calls, raced, atomic_load(&sh.writes), total[OUT_FD],
		     total[OUT_E2BIG], total[OUT_EINVAL],
		     total[OUT_ESOCKTNOSUPPORT]);
	ASSERT_TRUE(!failed) TH_LOG("the writer could not run on CPU 1");
	ASSERT_EQ(0, sched_getcpu());
	/* The writer raced the calls: every outcome it allows happened. */
	EXPECT_LT(0, raced);
	for (s = 0; s < NR_SIZES; s++)
		for (f = 0; f < NR_OUTCOMES; f++)
			if (possible[s][f])
				EXPECT_LT(0, n[s][f])
					TH_LOG("size class %d, outcome %d", s, f);
	ASSERT_EQ(before, nr_fds(_metadata)) TH_LOG("descriptors left behind");
	ASSERT_EQ(0, munmap(sh.params, ps));
	ASSERT_PLAIN_CALLS();
}

struct publisher {
	unsigned long calls;
	atomic_bool inside;	/* between entering and leaving indirect() */
	atomic_bool stop;
	const char *failure;
};

struct plain_caller {
	struct publisher *pub;
	int cpu;
	unsigned long calls, overlapped;
	const char *failure;
};

/* Creates descriptors through indirect(), with both flags, on CPU 0. */
static void *publish_loop(void *arg)
{
	static const struct indirect_params p = { .file_flags = FD_BOTH };
	struct publisher *pub = arg;
	struct indirect_registers r[3] = {
		{ .nr = __NR_socket, .args = { AF_UNIX, SOCK_STREAM } },
		{ .nr = __NR_eventfd },
		{ .nr = __NR_pipe },
	};
	int pfd[2];
	unsigned long i;

	r[2].args[0] = uptr(pfd);
	if (!pin_to_cpu(0)) {
		pub->failure = "could not pin the indirect() caller";
		return NULL;
	}
	for (i = 0; !atomic_load(&pub->stop) && !pub->failure; i++) {
		const struct indirect_registers *ri = &r[i % 3];
		long ret;

		atomic_store(&pub->inside, true);
		ret = sys_indirect(ri, &p, sizeof(p), 0);
		atomic_store(&pub->inside, false);
		if (ri->nr == __NR_pipe) {
			if (ret || fd_flags(pfd[0]) != FD_BOTH ||
			    fd_flags(pfd[1]) != FD_BOTH)
				pub->failure = "indirect(pipe) lost its flags";
			close(pfd[0]);
			close(pfd[1]);
		} else {
			if (fd_flags(ret) != FD_BOTH)
				pub->failure = "indirect() lost its flags";
			close(ret);
		}
	}
	pub->calls = i;
	return NULL;
}

/* Plain calls, each checked for flags, until @calls are done. */
static void *plain_loop(void *arg)
{
	struct plain_caller *pc = arg;
	unsigned long i;
	int pfd[2];

	if (!pin_to_cpu(pc->cpu)) {
		pc->failure = "could not pin the plain caller";
		return NULL;
	}
	for (i = 0; i < pc->calls && !pc->failure; i++) {
		bool inside = atomic_load(&pc->pub->inside);
		bool flagged;
		long fd;

		switch (i % 3) {
		case 0:
			fd = syscall(__NR_socket, AF_UNIX, SOCK_STREAM, 0);
			flagged = fd_flags(fd) != 0;
			close(fd);
			break;
		case 1:
			fd = syscall(__NR_eventfd, 0);
			flagged = fd_flags(fd) != 0;
			close(fd);
			break;
		default:
			if (syscall(__NR_pipe, pfd)) {
				flagged = true;
				break;
			}
			flagged = fd_flags(pfd[0]) || fd_flags(pfd[1]);
			close(pfd[0]);
			close(pfd[1]);
			break;
		}
		if (flagged)
			pc->failure = "a plain call got flags (or failed)";
		/* The other thread was inside indirect() all along. */
		pc->overlapped += inside && atomic_load(&pc->pub->inside);
	}
	pc->calls = i;
	return NULL;
}

FIXTURE(publication)
{
};

FIXTURE_VARIANT(publication)
{
	int plain_cpu;
	const char *where;
};

/* Global parameters would show here. */
FIXTURE_VARIANT_ADD(publication, other_cpu)
{
	.plain_cpu = 1,
	.where = "other CPU",
};

/* Per-CPU ones here: preempted inside indirect(), the caller gives way. */
FIXTURE_VARIANT_ADD(publication, same_cpu)
{
	.plain_cpu = 0,
	.where = "same CPU",
};

FIXTURE_SETUP(publication)
{
}

FIXTURE_TEARDOWN(publication)
{
}

TEST_F_TIMEOUT(publication, plain_calls_get_no_flags, RACE_TIMEOUT)
{
	struct publisher pub = {};
	struct plain_caller pc = {
		.pub = &pub,
		.cpu = variant->plain_cpu,
		/* A third of the read-once calls: each makes a descriptor. */
		.calls = race_calls(_metadata) / 3,
	};
	int before = nr_fds(_metadata);
	pthread_t pub_thread, pc_thread;
	struct timespec start;

	assert_two_cpus(_metadata);
	clock_gettime(CLOCK_MONOTONIC, &start);
	ASSERT_EQ(0, pthread_create(&pub_thread, NULL, publish_loop, &pub));
	ASSERT_EQ(0, pthread_create(&pc_thread, NULL, plain_loop, &pc));
	ASSERT_EQ(0, pthread_join(pc_thread, NULL));
	atomic_store(&pub.stop, true);
	ASSERT_EQ(0, pthread_join(pub_thread, NULL));
	TH_LOG("publication: %s: %s: %lu plain calls in %.1f s, %lu during %lu indirect()",
	       ABI_NAME, variant->where, pc.calls, seconds_since(&start),
	       pc.overlapped, pub.calls);
	print_counts(_metadata, variant,
		     "calls=%lu overlapped=%lu indirect=%lu", pc.calls,
		     pc.overlapped, pub.calls);
	EXPECT_TRUE(!pc.failure) TH_LOG("call %lu: %s", pc.calls, pc.failure);
	EXPECT_TRUE(!pub.failure) TH_LOG("%s", pub.failure);
	/* The plain calls ran while the parameters were published. */
	EXPECT_LT(0, pc.overlapped);
	ASSERT_EQ(before, nr_fds(_metadata));
}

TEST_HARNESS_MAIN
