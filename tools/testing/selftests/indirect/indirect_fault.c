// SPDX-License-Identifier: GPL-2.0
/*
 * indirect() under usercopy fault injection (CONFIG_FAULT_INJECTION_USERCOPY,
 * /proc/thread-self/fail-nth): each copy from or to user memory that a call
 * makes fails in turn, first the one of indirect() itself (its parameters),
 * then the ones of the inner call. Each time the call must fail with
 * EFAULT, leave no descriptor, and leave no state that a later plain call
 * would pick up. indirect() reads the registers with get_user() accesses,
 * which fault injection does not fail: indirect_test faults them with
 * unmapped and partly mapped memory instead.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>
#include <linux/indirect.h>

#include "indirect_util.h"

/* Calls with more user copies than this are a test bug, not a result. */
#define MAX_COPIES 16

/*
 * Arms fail-nth: the @nth user copy this thread makes from now on fails.
 * Writing it copies the number from user memory before arming.
 */
static void fail_nth_arm(struct __test_metadata *_metadata, int fd,
			 unsigned int nth)
{
	char buf[16];
	int len = snprintf(buf, sizeof(buf), "%u", nth);

	ASSERT_EQ(len, pwrite(fd, buf, len, 0));
}

/*
 * Disarms fail-nth; tells whether the armed fault was injected, which left
 * the count at 0. The read copies out the count it had before copying;
 * when that copy is the one that fails, the call did not reach the fault.
 */
static bool fail_nth_disarm(struct __test_metadata *_metadata, int fd)
{
	char buf[16] = "";
	bool injected;
	ssize_t len;

	len = pread(fd, buf, sizeof(buf) - 1, 0);
	if (len < 0)
		ASSERT_EQ(EFAULT, errno);
	injected = len > 0 && strtoul(buf, NULL, 10) == 0;
	/* Fails with EFAULT when its own copy uses up the count. */
	pwrite(fd, "0", 1, 0);
	memset(buf, 0, sizeof(buf));
	ASSERT_EQ(2, pread(fd, buf, sizeof(buf) - 1, 0));
	ASSERT_STREQ("0\n", buf);
	return injected;
}

/* Closes what a call that ran to the end made, after checking its flags. */
static void close_made(struct __test_metadata *_metadata,
		       const struct listed_call *call, struct consumers *c,
		       long ret, int err, __u64 want)
{
	if (consumer_gets_eagain(call)) {
		ASSERT_EQ(-1, ret);
		ASSERT_EQ(EAGAIN, err);
	} else if (consumer_makes_pair(call)) {
		ASSERT_EQ(0, ret);
		ASSERT_EQ(want, fd_flags(c->pair[0]));
		ASSERT_EQ(want, fd_flags(c->pair[1]));
		ASSERT_EQ(0, close(c->pair[0]));
		ASSERT_EQ(0, close(c->pair[1]));
	} else if (consumer_makes_fd(call)) {
		ASSERT_EQ(want, fd_flags(ret));
		ASSERT_EQ(0, close(ret));
	} else {
		ASSERT_LE(0, ret) TH_LOG("%s: errno %d", call->name, err);
	}
}

FIXTURE(copy)
{
	struct consumers c;
	int fail_nth;
	char failslab_filter;	/* its value before the case; 0: none */
};

FIXTURE_VARIANT(copy)
{
	/* The params size passed; 0 leaves indirect() no copy of its own. */
	size_t size;
};

/* No parameters: only the inner call's copies. */
FIXTURE_VARIANT_ADD(copy, no_params)
{
	.size = 0,
};

FIXTURE_VARIANT_ADD(copy, params_ver0)
{
	.size = INDIRECT_PARAMS_SIZE_VER0,
};

/* A newer caller's struct: copied, then its tail checked for zeros. */
FIXTURE_VARIANT_ADD(copy, params_larger)
{
	.size = INDIRECT_PARAMS_SIZE_VER0 + 64,
};

/*
 * fail-nth counts every fault point of the thread: with CONFIG_FAILSLAB too
 * (iommu's selftests ask for it), a slab allocation without reclaim, as the
 * maple tree tries first, would take the fault meant for a user copy. Its
 * cache filter leaves only caches marked for it, none by default.
 */
#define FAILSLAB_CACHE_FILTER "/sys/kernel/debug/failslab/cache-filter"

static char set_failslab_filter(char value)
{
	char old = 0;
	int fd = open(FAILSLAB_CACHE_FILTER, O_RDWR | O_CLOEXEC);

	if (fd < 0)
		return 0;
	if (read(fd, &old, 1) != 1 || pwrite(fd, &value, 1, 0) != 1)
		old = 0;
	close(fd);
	return old;
}

FIXTURE_SETUP(copy)
{
	consumers_init(_metadata, &self->c);
	self->failslab_filter = set_failslab_filter('Y');
	self->fail_nth = open("/proc/thread-self/fail-nth", O_RDWR | O_CLOEXEC);
	ASSERT_LE(0, self->fail_nth)
		TH_LOG("no fail-nth: needs CONFIG_FAULT_INJECTION(_USERCOPY)");
}

FIXTURE_TEARDOWN(copy)
{
	close(self->fail_nth);
	if (self->failslab_filter)
		set_failslab_filter(self->failslab_filter);
}

/*
 * Every listed call in this ABI, with every user copy failing in turn
 * until the call runs without reaching the armed fault.
 */
TEST_F(copy, each_fails_cleanly)
{
	unsigned int own_copies = variant->size ? 1 : 0;
	/* All injected, and those in the inner calls' own copies */
	unsigned long faults = 0, inner = 0;
	struct {
		struct indirect_params p;
		char tail[64];
	} params = { 0 };
	size_t i;

	for (i = 0; i < WHITE_LIST_SIZE; i++) {
		const struct listed_call *call = &white_list[i];
		__u64 want = variant->size ? call->honours : 0;
		struct indirect_registers r;
		unsigned int nth;

		params.p.file_flags = call->honours;
		for (nth = 1; nth <= MAX_COPIES; nth++) {
			int before = nr_fds(_metadata);
			long ret;
			int err;

			consumer_regs(&self->c, call, &r);
			fail_nth_arm(_metadata, self->fail_nth, nth);
			ret = sys_indirect(&r, &params, variant->size, 0);
			err = errno;
			if (!fail_nth_disarm(_metadata, self->fail_nth)) {
				close_made(_metadata, call, &self->c, ret, err,
					   want);
				break;
			}
			faults++;
			inner += nth > own_copies;
			ASSERT_EQ(-1, ret)
				TH_LOG("%s: copy %u failed", call->name, nth);
			ASSERT_EQ(EFAULT, err)
				TH_LOG("%s: copy %u failed", call->name, nth);
			ASSERT_EQ(before, nr_fds(_metadata))
				TH_LOG("%s: copy %u failed: descriptor left",
				       call->name, nth);
			ASSERT_PLAIN_CALLS();
		}
		ASSERT_GE(MAX_COPIES, nth);
		/* The copy of indirect() itself was among them. */
		ASSERT_LT(own_copies, nth) TH_LOG("%s", call->name);
	}
	TH_LOG("%s: %lu faults injected", ABI_NAME, faults);
	/* own: the faults in the inner calls' own copies */
	print_counts(_metadata, variant, "calls=%zu faults=%lu own=%lu", i,
		     faults, inner);
	/* Fault injection reached the inner calls, not only indirect(). */
	ASSERT_LT(0, inner);
}

TEST_HARNESS_MAIN
