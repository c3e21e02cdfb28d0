// SPDX-License-Identifier: GPL-2.0
/*
 * A bounded fuzzer for indirect(): FUZZ_THREADS threads make FUZZ_CALLS
 * calls between them with random registers, inner numbers from the number
 * spaces of all three x86 ABIs, random arguments (often those that make a
 * listed call succeed, with a few changed), random parameter sizes, tails
 * and flags (CHECK_FIELDS among them: a probe must never run the call),
 * and pointers that are NULL, unmapped, kernel addresses or right against
 * a PROT_NONE page, thread i on CPU i. Meanwhile another
 * thread forks and execs a probe. Afterwards no descriptor may be left
 * but those the fuzzer closed, and a plain call made between fuzzed ones
 * must never pick up flags. The debug kernel run of `make check` turns
 * anything the kernel does wrong into a KASAN, lockdep, UBSAN or kmemleak
 * report, which fails the run.
 *
 * INDIRECT_FUZZ_SEED=n repeats a run's sequence of calls (per thread; the
 * interleaving is the scheduler's); the seed of each run is logged.
 * INDIRECT_FUZZ_CALLS=n makes n calls instead of FUZZ_CALLS (the debug
 * kernel of `make check` makes fewer).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <linux/const.h>
#include <linux/indirect.h>

#include "indirect_util.h"

#define FUZZ_CALLS	1000000
#define FUZZ_THREADS	2
/* A plain call checks for leftover per-task state this often. */
#define PLAIN_EVERY	64
/* Above every x86 ABI's highest system call number (x32's are 512+). */
#define NR_SPACE	1024

struct fuzzer {
	const struct consumers *c;
	unsigned long calls;
	int cpu;
	__u64 seed;
	long ps;
	/*
	 * Two read-write pages, then a PROT_NONE one: the registers and
	 * socketcall()'s arguments are built in the first, the parameters
	 * in the second, so that neither overwrites the other.
	 */
	char *arena;
	void *unmapped;
	/* Results, for the log. */
	unsigned long succeeded, closed, probes;
	const char *failure;
};

static atomic_bool fuzz_done;
static atomic_ulong fuzz_execs;

/* xorshift64*: a thread's sequence depends on its seed alone. */
static __u64 rnd(struct fuzzer *f)
{
	f->seed ^= f->seed >> 12;
	f->seed ^= f->seed << 25;
	f->seed ^= f->seed >> 27;
	return f->seed * 0x2545f4914f6cdd1dULL;
}

static unsigned int pick(struct fuzzer *f, unsigned int n)
{
	return rnd(f) % n;
}

/* A pointer that is bad, or good but close to the guard page. */
static __u64 fuzz_ptr(struct fuzzer *f)
{
	char *end = f->arena + 2 * f->ps;

	switch (pick(f, 7)) {
	case 0:
		return 0;
	case 1:
		return uptr(f->unmapped);
	case 2:
		return uptr(end - 1 - pick(f, 64));
	case 3:
		return uptr(f->arena + pick(f, 2 * f->ps));
	case 4:
		return (__u64)-1 - pick(f, 4096);
	case 5:
		/* The start of the x86-64 kernel mapping. */
		return 0xffffffff81000000ULL;
	default:
		return rnd(f);
	}
}

static __u64 fuzz_arg(struct fuzzer *f)
{
	switch (pick(f, 6)) {
	case 0:
		return pick(f, 16);
	case 1:
		/* Descriptors, this thread's or not. */
		return pick(f, 64);
	case 2:
		return (__u64)-1;
	case 3:
		return fuzz_ptr(f);
	case 4:
		return 1ULL << pick(f, 64);
	default:
		return rnd(f);
	}
}

/* Inner numbers: listed ones in this ABI, and all of the three ABIs'. */
static __u64 fuzz_nr(struct fuzzer *f, const struct listed_call **call)
{
	*call = &white_list[pick(f, WHITE_LIST_SIZE)];
	switch (pick(f, 8)) {
	case 0:
	case 1:
	case 2:
		return (*call)->nr;
	case 3:
		/* The same call in the other 64-bit ABI's numbering. */
		return (*call)->nr ^ __X32_SYSCALL_BIT;
	case 4:
		/* Truncated to 32 bits, it would be listed. */
		return (*call)->nr | 1ULL << (32 + pick(f, 32));
	case 5:
		return pick(f, NR_SPACE);
	case 6:
		return __X32_SYSCALL_BIT | pick(f, NR_SPACE);
	default:
		return pick(f, 2) ? __NR_indirect : rnd(f);
	}
}

/*
 * Registers, and socketcall()'s arguments if they name it: those of a
 * call that works with a few arguments changed, or random ones.
 */
static void fuzz_regs(struct fuzzer *f, struct indirect_registers *r,
		      __u32 *sc_args)
{
	const struct listed_call *call;
	struct consumers c = *f->c;
	int i;

	r->nr = fuzz_nr(f, &call);
	if (r->nr == call->nr && pick(f, 2)) {
		__u64 nr = r->nr;

		consumer_regs(&c, call, r);
		memcpy(sc_args, c.sc_args, sizeof(c.sc_args));
		if (call->op)
			r->args[1] = uptr(sc_args);
		/* Where consumer_regs() pointed at c->pair, use the arena. */
		for (i = 0; i < 6; i++)
			if (r->args[i] == uptr(c.pair))
				r->args[i] = uptr(f->arena + pick(f, 2 * f->ps));
		if (sc_args[3] == (uintptr_t)c.pair)
			sc_args[3] = (uintptr_t)(f->arena + pick(f, 2 * f->ps));
		r->nr = nr;
		for (i = pick(f, 3); i > 0; i--)
			r->args[pick(f, 6)] = fuzz_arg(f);
		if (call->op && !pick(f, 4))
			sc_args[pick(f, 4)] = fuzz_arg(f);
		return;
	}
	for (i = 0; i < 6; i++)
		r->args[i] = fuzz_arg(f);
	if (call->op && pick(f, 2))
		r->args[0] = pick(f, 24);
}

/* Parameters: a size, and what is at the pointer. */
static __u64 fuzz_params(struct fuzzer *f, __u64 *size)
{
	static const __u64 flags[] = {
		0, INDIRECT_FD_CLOEXEC, INDIRECT_FD_NONBLOCK, FD_BOTH,
	};
	char *end = f->arena + 2 * f->ps;
	__u64 file_flags;
	long room;
	char *p;

	switch (pick(f, 8)) {
	case 0:
		*size = 0;
		break;
	case 1:
		*size = 1 + pick(f, INDIRECT_PARAMS_SIZE_VER0);
		break;
	case 2:
		*size = f->ps + pick(f, 2);
		break;
	case 3:
		*size = rnd(f);
		break;
	default:
		*size = INDIRECT_PARAMS_SIZE_VER0 + 8 * pick(f, 4);
		break;
	}
	if (!pick(f, 8))
		*size |= CHECK_FIELDS;
	if (!pick(f, 8))
		return fuzz_ptr(f);
	/* Ending right at the guard page, or crossing into it. */
	if (*size <= (__u64)f->ps && pick(f, 2))
		p = end - *size + pick(f, 2);
	else
		p = f->arena + f->ps + pick(f, f->ps) / 8 * 8;
	file_flags = pick(f, 4) ? flags[pick(f, ARRAY_SIZE(flags))] :
				  1ULL << pick(f, 64);
	/* What fits before the guard page: p may be past its first byte. */
	room = end - p;
	if (room >= (long)sizeof(file_flags))
		memcpy(p, &file_flags, sizeof(file_flags));
	/* A tail of zeros, or with one byte set. */
	if (*size > INDIRECT_PARAMS_SIZE_VER0 && room > 0 &&
	    *size <= (__u64)room) {
		memset(p + INDIRECT_PARAMS_SIZE_VER0, 0,
		       *size - INDIRECT_PARAMS_SIZE_VER0);
		if (!pick(f, 4))
			p[*size - 1] = 1;
	}
	return uptr(p);
}

static bool in_arena(struct fuzzer *f, __u64 p, size_t n)
{
	return p >= uptr(f->arena) && p <= uptr(f->arena + 2 * f->ps) - n;
}

#ifdef __i386__
/* The kernel takes the low half of each argument of a 32-bit caller. */
#define ARG_PTR(v)	((__u32)(v))
#define USER_END	(~0ULL)
#else
#define ARG_PTR(v)	(v)
/* x32 maps nothing above 4 GiB either; nothing is mapped above this. */
#define USER_END	_BITULL(47)
#endif

/*
 * A pointer the kernel may write through, or read a call from: one that
 * is neither in the arena nor surely unmapped could be this program's own
 * memory, and becomes the unmapped page.
 */
static __u64 safe_ptr(struct fuzzer *f, __u64 p)
{
	p = ARG_PTR(p);
	if (!p || p >= USER_END ||
	    (p >= uptr(f->arena) && p < uptr(f->arena + 4 * f->ps)))
		return p;
	return uptr(f->unmapped);
}

/* Makes the descriptors a pair-making call would store land in the arena. */
static void safe_outputs(struct fuzzer *f, __u64 rp,
			 struct indirect_registers *r, __u32 sc_args[4])
{
	const struct listed_call *call = listed(r->nr, r->args[0]);
	struct indirect_registers *mem = (void *)(uintptr_t)rp;
	int arg = -1;

	if (!call)
		return;
	if (call->nr == __NR_pipe)
		arg = 0;
	else if (call->nr == __NR_socketpair)
		arg = 3;
	else if (call->op)
		arg = 1;	/* socketcall()'s arguments, then their [3] */
	if (arg < 0)
		return;
	r->args[arg] = safe_ptr(f, r->args[arg]);
	mem->args[arg] = r->args[arg];
	if (call->op == SYS_SOCKETPAIR &&
	    in_arena(f, (__u32)r->args[1], 4 * sizeof(*sc_args))) {
		__u32 *mem_sc = (__u32 *)(uintptr_t)(__u32)r->args[1];

		sc_args[3] = safe_ptr(f, sc_args[3]);
		mem_sc[3] = sc_args[3];
	}
}

/*
 * What the kernel will read, copied before the call: afterwards a pair of
 * descriptors may have been stored over it. nr is ~0 where it cannot read.
 */
static void snapshot(struct fuzzer *f, __u64 rp,
		     struct indirect_registers *r, __u32 sc_args[4])
{
	memset(r, 0, sizeof(*r));
	r->nr = ~0ULL;
	if (in_arena(f, rp, sizeof(*r)))
		memcpy(r, (void *)(uintptr_t)rp, sizeof(*r));
	memset(sc_args, 0, 4 * sizeof(*sc_args));
	/* A 32-bit caller's pointer: the low half of the argument. */
	if (in_arena(f, (__u32)r->args[1], 4 * sizeof(*sc_args)))
		memcpy(sc_args, (void *)(uintptr_t)(__u32)r->args[1],
		       4 * sizeof(*sc_args));
}

/* Closes what a successful call made: the caller's ABI says which call. */
static void close_made(struct fuzzer *f, const struct indirect_registers *r,
		       const __u32 *sc_args, long ret)
{
	const struct listed_call *call = listed(r->nr, r->args[0]);
	const int *pair = NULL;

	f->succeeded++;
	if (!call) {
		f->failure = "an unlisted call ran";
		return;
	}
	if (call->op == SYS_SOCKETPAIR)
		pair = (const int *)(uintptr_t)sc_args[3];
	else if (call->nr == __NR_socketpair)
		pair = (const int *)(uintptr_t)r->args[3];
	else if (call->nr == __NR_pipe)
		pair = (const int *)(uintptr_t)r->args[0];
	if (pair) {
		if (ret || close(pair[0]) || close(pair[1]))
			f->failure = "a pair of descriptors was not made";
		f->closed += 2;
		return;
	}
	/* signalfd() on a signalfd updates it: it is not ours to close. */
	if (call->nr == __NR_signalfd && ret == (int)r->args[0])
		return;
	if (close(ret))
		f->failure = "a call returned a descriptor not open";
	f->closed++;
}

static void *fuzz_loop(void *arg)
{
	struct fuzzer *f = arg;
	unsigned long i;

	if (!pin_to_cpu(f->cpu))
		f->failure = "could not pin the thread to its CPU";
	for (i = 0; i < f->calls && !f->failure; i++) {
		__u32 *sc_args = (__u32 *)(f->arena + f->ps - 16), sc_read[4];
		struct indirect_registers *r, regs;
		__u64 rp, pp, size, flags;
		long ret;

		r = (void *)(f->arena + pick(f, f->ps - 16 - sizeof(*r)));
		fuzz_regs(f, &regs, sc_args);
		memcpy(r, &regs, sizeof(regs));
		rp = pick(f, 16) ? uptr(r) : safe_ptr(f, fuzz_ptr(f));
		rp = (uintptr_t)rp;
		pp = fuzz_params(f, &size);
		flags = pick(f, 16) ? 0 : 1ULL << pick(f, 64);
		snapshot(f, rp, &regs, sc_read);
		safe_outputs(f, rp, &regs, sc_read);
		ret = syscall(__NR_indirect, (uintptr_t)rp, (uintptr_t)pp,
			      (size_t)size, (unsigned long)flags);
		if (ret >= 0 && ((size_t)size & CHECK_FIELDS))
			f->failure = "a CHECK_FIELDS probe ran the call";
		if (ret < 0 && errno == EEXTSYS_NOOP) {
			if (!((size_t)size & CHECK_FIELDS))
				f->failure = "EEXTSYS_NOOP without CHECK_FIELDS";
			f->probes++;
		}
		if (ret >= 0)
			close_made(f, &regs, sc_read, ret);
		if (i % PLAIN_EVERY == 0) {
			int fd = eventfd(0, 0);

			if (fd < 0 || fd_flags(fd) != 0)
				f->failure = "a plain call picked up flags";
			close(fd);
		}
	}
	f->calls = i;
	return NULL;
}

/* Forks and execs the probe until the fuzzers are done; NULL if it could. */
static void *exec_loop(void *arg)
{
	char *path = arg;

	while (!atomic_load(&fuzz_done)) {
		int status = run_exec_probe(path, "--count");

		if (status < 0 || status >= 125)
			return path;
		atomic_fetch_add(&fuzz_execs, 1);
	}
	return NULL;
}

static __u64 fuzz_seed(void)
{
	const char *env = getenv("INDIRECT_FUZZ_SEED");
	struct timespec ts;

	if (env)
		return strtoull(env, NULL, 0);
	clock_gettime(CLOCK_REALTIME, &ts);
	return ts.tv_sec * 1000000007ULL + ts.tv_nsec;
}

FIXTURE(fuzz)
{
	struct consumers c;
	struct fuzzer f[FUZZ_THREADS];
	unsigned long calls;
	char probe[PATH_MAX];
};

FIXTURE_SETUP(fuzz)
{
	const long ps = sysconf(_SC_PAGESIZE);
	__u64 seed = fuzz_seed();
	int i;

	assert_two_cpus(_metadata);
	self->calls = count_from_env("INDIRECT_FUZZ_CALLS", FUZZ_CALLS);
	consumers_init(_metadata, &self->c);
	exec_probe_path(_metadata, self->probe);
	TH_LOG("%s: seed %#llx", ABI_NAME, (unsigned long long)seed);
	for (i = 0; i < FUZZ_THREADS; i++) {
		struct fuzzer *f = &self->f[i];
		char *m;

		m = mmap(NULL, 4 * ps, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		ASSERT_TRUE(m != MAP_FAILED);
		ASSERT_EQ(0, mprotect(m + 2 * ps, ps, PROT_NONE));
		ASSERT_EQ(0, munmap(m + 3 * ps, ps));
		*f = (struct fuzzer) {
			.c = &self->c,
			.calls = self->calls / FUZZ_THREADS,
			.cpu = i % 2,
			.seed = seed + i + 1,
			.ps = ps,
			.arena = m,
			.unmapped = m + 3 * ps,
		};
	}
}

FIXTURE_TEARDOWN(fuzz)
{
}

TEST_F_TIMEOUT(fuzz, calls, 600)
{
	pthread_t threads[FUZZ_THREADS], exec_thread;
	unsigned long calls = 0, succeeded = 0, closed = 0, probes = 0;
	int before = nr_fds(_metadata);
	struct timespec start;
	void *exec_failed;
	int i;

	clock_gettime(CLOCK_MONOTONIC, &start);
	atomic_store(&fuzz_done, false);
	atomic_store(&fuzz_execs, 0);
	ASSERT_EQ(0, pthread_create(&exec_thread, NULL, exec_loop,
				    self->probe));
	for (i = 0; i < FUZZ_THREADS; i++)
		ASSERT_EQ(0, pthread_create(&threads[i], NULL, fuzz_loop,
					    &self->f[i]));
	for (i = 0; i < FUZZ_THREADS; i++) {
		struct fuzzer *f = &self->f[i];

		ASSERT_EQ(0, pthread_join(threads[i], NULL));
		EXPECT_TRUE(!f->failure)
			TH_LOG("thread %d, call %lu: %s", i, f->calls,
			       f->failure);
		calls += f->calls;
		succeeded += f->succeeded;
		closed += f->closed;
		probes += f->probes;
	}
	atomic_store(&fuzz_done, true);
	ASSERT_EQ(0, pthread_join(exec_thread, &exec_failed));
	ASSERT_TRUE(!exec_failed) TH_LOG("fork+exec of the probe failed");
	TH_LOG("fuzz: %s: %lu calls in %.1f s, %lu succeeded, %lu closed, %lu fork+exec",
	       ABI_NAME, calls, seconds_since(&start), succeeded, closed,
	       atomic_load(&fuzz_execs));
	TH_LOG("fuzz: %s: %lu CHECK_FIELDS probes answered", ABI_NAME, probes);
	/* Some probes were well-formed enough to be answered. */
	EXPECT_LT(0, probes);
	ASSERT_EQ(self->calls / FUZZ_THREADS * FUZZ_THREADS, calls);
	ASSERT_EQ(before, nr_fds(_metadata)) TH_LOG("descriptors leaked");
}

TEST_HARNESS_MAIN
