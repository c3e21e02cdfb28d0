// SPDX-License-Identifier: GPL-2.0
/*
 * A bounded fuzzer for indirect(): FUZZ_THREADS threads make FUZZ_CALLS
 * calls between them with random registers, inner numbers from the number
 * spaces of all three x86 ABIs, random arguments (often those that make a
 * listed call succeed, with a few changed), random parameter sizes, tails
 * and flags (CHECK_FIELDS among them: a probe must never run the call),
 * and pointers that are NULL, unmapped, kernel addresses or right against
 * a PROT_NONE page, thread i on CPU i. Path calls get paths that escape
 * their directory, symlinks and magic links, with random RESOLVE_* bits;
 * they run in a chroot of their own, so that what they change stays
 * there. Meanwhile another thread forks and execs a probe. Afterwards no descriptor may be left
 * but those the fuzzer closed, and a plain call made between fuzzed ones
 * must never pick up flags. The debug kernel run of `make check` turns
 * anything the kernel does wrong into a KASAN, lockdep, UBSAN or kmemleak
 * report, which fails the run.
 *
 * INDIRECT_FUZZ_SEED=n repeats a run's sequence of calls (per thread; the
 * interleaving is the scheduler's); the seed of each run is logged.
 * INDIRECT_FUZZ_CALLS=n makes n calls instead of FUZZ_CALLS, and at least
 * FUZZ_MIN_CALLS (the debug kernel of `make check` makes fewer). Some of
 * them must succeed and create descriptors: a kernel that refuses every
 * call is not one that was fuzzed.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <linux/const.h>
#include <linux/indirect.h>

#include "indirect_util.h"

#define FUZZ_CALLS	1000000
#define FUZZ_THREADS	2
/*
 * A tenth of the debug boot's count: fewer calls reach too few of the
 * listed calls with arguments that work to be sure that some succeed.
 */
#define FUZZ_MIN_CALLS	10000
/* A plain call checks for leftover per-task state this often. */
#define PLAIN_EVERY	64
/* Above every x86 ABI's highest system call number (x32's are 512+). */
#define NR_SPACE	1024

struct fuzzer {
	/* this thread's: the path calls' names, built per call */
	struct consumers c;
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
	/* The call being made, for a watchdog that finds it stuck */
	atomic_ulong made;
	struct indirect_registers cur;
	atomic_bool finished;
};

/* A call that has not returned after this long is reported stuck. */
#define STUCK_SECONDS	30

static atomic_bool fuzz_done;
static atomic_ulong fuzz_execs;

/* Paths to put in place of a path call's own: escapes, links, junk. */
static const char *const fuzz_paths[] = {
	"", ".", "..", "/", "../..", "file", "link", "abs", "abs/tmp",
	"dotdot/..", "nothing/x", "file/", "/proc/self/cwd",
	"/proc/self/root/tmp", "a/b/c/../../..",
};

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
 * The arguments of path call @nr that are paths, and those the kernel
 * writes through, as bit masks of their index.
 */
static void path_args(__u64 nr, unsigned int *paths, unsigned int *outs)
{
	*paths = 0;
	*outs = 0;
	switch (nr) {
	case __NR_rename:
	case __NR_link:
		*paths = 1 << 0 | 1 << 1;
		break;
	case __NR_renameat:
	case __NR_renameat2:
	case __NR_linkat:
		*paths = 1 << 1 | 1 << 3;
		break;
	case __NR_symlink:
		*paths = 1 << 1;
		break;
	case __NR_symlinkat:
		*paths = 1 << 2;
		break;
	case __NR_readlink:
	case __NR_stat:
	case __NR_lstat:
#ifdef __i386__
	case __NR_oldstat:
	case __NR_oldlstat:
	case __NR_stat64:
	case __NR_lstat64:
#endif
	case __NR_statfs:
	case __NR_listxattr:
	case __NR_llistxattr:
		*paths = 1 << 0;
		*outs = 1 << 1;
		break;
	case __NR_getxattr:
	case __NR_lgetxattr:
#ifdef __i386__
	case __NR_statfs64:
#endif
		*paths = 1 << 0;
		*outs = 1 << 2;
		break;
	case __NR_readlinkat:
#ifdef __NR_newfstatat
	case __NR_newfstatat:
#endif
#ifdef __NR_fstatat64
	case __NR_fstatat64:
#endif
		*paths = 1 << 1;
		*outs = 1 << 2;
		break;
	case __NR_statx:
		*paths = 1 << 1;
		*outs = 1 << 4;
		break;
	case __NR_name_to_handle_at:
		*paths = 1 << 1;
		*outs = 1 << 2 | 1 << 3;
		break;
	case __NR_inotify_add_watch:
		*paths = 1 << 1;
		break;
	case __NR_openat:
	case __NR_mknodat:
	case __NR_mkdirat:
	case __NR_unlinkat:
	case __NR_fchmodat:
	case __NR_fchmodat2:
	case __NR_fchownat:
	case __NR_faccessat:
	case __NR_faccessat2:
	case __NR_futimesat:
	case __NR_utimensat:
#ifdef __i386__
	case __NR_utimensat_time64:
#endif
		*paths = 1 << 1;
		break;
	default:
		/* The others take their path first. */
		*paths = 1 << 0;
		break;
	}
}

static __u64 fuzz_path(struct fuzzer *f)
{
	return uptr(fuzz_paths[pick(f, ARRAY_SIZE(fuzz_paths))]);
}

/* Random RESOLVE_* bits, valid or not, for the parameters. */
static __u64 fuzz_resolve(struct fuzzer *f)
{
	switch (pick(f, 4)) {
	case 0:
		return 0;
	case 1:
		return 1ULL << pick(f, 64);
	default:
		return pick(f, PATH_LOOKUP + 1) & PATH_LOOKUP;
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
	struct consumers *c = &f->c;
	unsigned int paths, outs;
	int i;

	r->nr = fuzz_nr(f, &call);
	if (r->nr == call->nr && pick(f, 2)) {
		__u64 nr = r->nr;

		consumer_regs(c, call, r);
		memcpy(sc_args, c->sc_args, sizeof(c->sc_args));
		if (call->op)
			r->args[1] = uptr(sc_args);
		/* Where consumer_regs() pointed at c->pair, use the arena. */
		for (i = 0; i < 6; i++)
			if (r->args[i] == uptr(c->pair))
				r->args[i] = uptr(f->arena + pick(f, 2 * f->ps));
		if (sc_args[3] == (uintptr_t)c->pair)
			sc_args[3] = (uintptr_t)(f->arena + pick(f, 2 * f->ps));
		r->nr = nr;
		path_args(nr, &paths, &outs);
		for (i = 0; call->resolve && i < 6; i++) {
			if (paths & 1 << i && pick(f, 2))
				r->args[i] = fuzz_path(f);
			/*
			 * What the call writes goes to the arena too: a
			 * fuzzed size may be more than c.out holds.
			 */
			if (outs & 1 << i)
				r->args[i] = uptr(f->arena + pick(f, 2 * f->ps));
		}
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
	__u64 fields[2];
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
	fields[0] = pick(f, 4) ? flags[pick(f, ARRAY_SIZE(flags))] :
				 1ULL << pick(f, 64);
	fields[1] = fuzz_resolve(f);
	/* What fits before the guard page: p may be past its first byte. */
	room = end - p;
	if (room >= (long)sizeof(fields))
		memcpy(p, fields, sizeof(fields));
	/* A tail of zeros, or with one byte set. */
	if (*size > INDIRECT_PARAMS_SIZE_LATEST && room > 0 &&
	    *size <= (__u64)room) {
		memset(p + INDIRECT_PARAMS_SIZE_LATEST, 0,
		       *size - INDIRECT_PARAMS_SIZE_LATEST);
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

/*
 * Makes the descriptors a pair-making call would store land in the arena,
 * and what the path calls write too; and no path call make a node that
 * could block another.
 */
static void safe_outputs(struct fuzzer *f, __u64 rp,
			 struct indirect_registers *r, __u32 sc_args[4])
{
	const struct listed_call *call = listed(r->nr, r->args[0]);
	struct indirect_registers *mem = (void *)(uintptr_t)rp;
	unsigned int paths, outs;
	int arg = -1;

	if (!call)
		return;
	if (call->nr == __NR_mknod || call->nr == __NR_mknodat) {
		/* No FIFO or device: opening one could block, or drive one */
		arg = call->nr == __NR_mknod ? 1 : 2;
		r->args[arg] = (r->args[arg] & 07777) | S_IFREG;
		mem->args[arg] = r->args[arg];
	}
	if (call->resolve) {
		path_args(call->nr, &paths, &outs);
		for (arg = 0; arg < 6; arg++) {
			if (!(outs & 1 << arg))
				continue;
			r->args[arg] = safe_ptr(f, r->args[arg]);
			mem->args[arg] = r->args[arg];
		}
		return;
	}
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
	if (!consumer_makes_fd(call))
		return;
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
		f->cur = regs;
		atomic_store(&f->made, i);
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
	atomic_store(&f->finished, true);
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

/*
 * Makes a new directory the root of this process, with the exec probe,
 * /proc and /tmp in it, in a mount namespace of its own: whatever the
 * fuzzed path calls create, change or remove is in there, and the mounts
 * go with the process.
 */
static void enter_sandbox(struct __test_metadata *_metadata, char *probe)
{
	char dir[] = "/tmp/indirect-fuzz-XXXXXX";
	char buf[65536];
	int in, out, sub;
	ssize_t n;

	exec_probe_path(_metadata, probe);
	ASSERT_EQ(0, unshare(CLONE_NEWNS));
	ASSERT_EQ(0, mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL));
	ASSERT_TRUE(!!mkdtemp(dir));
	sub = open(dir, O_PATH | O_DIRECTORY | O_CLOEXEC);
	ASSERT_LE(0, sub);
	ASSERT_EQ(0, mkdirat(sub, "proc", 0755));
	ASSERT_EQ(0, mkdirat(sub, "tmp", 01777));
	in = open(probe, O_RDONLY | O_CLOEXEC);
	ASSERT_LE(0, in);
	out = openat(sub, "indirect_exec_probe",
		     O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0755);
	ASSERT_LE(0, out);
	while ((n = read(in, buf, sizeof(buf))) > 0)
		ASSERT_EQ(n, write(out, buf, n));
	ASSERT_EQ(0, n);
	ASSERT_EQ(0, close(in));
	ASSERT_EQ(0, close(out));
	ASSERT_EQ(0, close(sub));
	ASSERT_EQ(0, chdir(dir));
	ASSERT_EQ(0, mount("proc", "proc", "proc", 0, NULL));
	ASSERT_EQ(0, chroot("."));
	ASSERT_EQ(0, chdir("/"));
	snprintf(probe, PATH_MAX, "/indirect_exec_probe");
}

FIXTURE_SETUP(fuzz)
{
	const long ps = sysconf(_SC_PAGESIZE);
	__u64 seed = fuzz_seed();
	int i;

	assert_two_cpus(_metadata);
	self->calls = count_from_env(_metadata, "INDIRECT_FUZZ_CALLS",
				     FUZZ_CALLS, FUZZ_MIN_CALLS);
	enter_sandbox(_metadata, self->probe);
	consumers_init(_metadata, &self->c);
	/* Targets for the fuzzed paths, in the calls' directory */
	ASSERT_EQ(0, symlinkat("/", self->c.dir, "abs"));
	ASSERT_EQ(0, symlinkat("..", self->c.dir, "dotdot"));
	ASSERT_EQ(0, mkdirat(self->c.dir, "a", 0700));
	ASSERT_EQ(0, mkdirat(self->c.dir, "a/b", 0700));
	ASSERT_EQ(0, mkdirat(self->c.dir, "a/b/c", 0700));
	ASSERT_EQ(0, fchdir(self->c.dir));
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
			.c = self->c,
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

/*
 * Until every fuzzer is done: a call that blocks forever would only show
 * as the test's timeout; name it instead.
 */
static void watch(struct __test_metadata *_metadata, struct fuzzer *f)
{
	unsigned long made[FUZZ_THREADS] = { 0 };
	int still[FUZZ_THREADS] = { 0 };
	bool running = true;
	int i;

	while (running) {
		sleep(1);
		running = false;
		for (i = 0; i < FUZZ_THREADS; i++) {
			const struct indirect_registers *r = &f[i].cur;

			if (atomic_load(&f[i].finished))
				continue;
			running = true;
			if (made[i] != atomic_load(&f[i].made)) {
				made[i] = atomic_load(&f[i].made);
				still[i] = 0;
				continue;
			}
			ASSERT_GT(STUCK_SECONDS, ++still[i])
				TH_LOG("thread %d stuck: nr %#llx args %#llx %#llx %#llx %#llx",
				       i, r->nr, r->args[0], r->args[1],
				       r->args[2], r->args[3]);
		}
	}
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
	watch(_metadata, self->f);
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
	TH_LOG("fuzz: %s: %lu calls in %.1f s, %lu succeeded, %lu closed, %lu fork+exec",
	       ABI_NAME, calls, seconds_since(&start), succeeded, closed,
	       atomic_load(&fuzz_execs));
	TH_LOG("fuzz: %s: %lu CHECK_FIELDS probes answered", ABI_NAME, probes);
	/* fds: the descriptors the calls created (and the fuzzer closed) */
	print_counts(_metadata, variant,
		     "calls=%lu succeeded=%lu fds=%lu probes=%lu execs=%lu",
		     calls, succeeded, closed, probes,
		     atomic_load(&fuzz_execs));
	ASSERT_TRUE(!exec_failed) TH_LOG("fork+exec of the probe failed");
	/* Some calls ran, some made descriptors, some probes were answered. */
	EXPECT_LT(0, succeeded);
	EXPECT_LT(0, closed);
	EXPECT_LT(0, probes);
	ASSERT_EQ(self->calls / FUZZ_THREADS * FUZZ_THREADS, calls);
	ASSERT_EQ(before, nr_fds(_metadata)) TH_LOG("descriptors leaked");
}

TEST_HARNESS_MAIN
