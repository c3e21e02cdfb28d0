// SPDX-License-Identifier: GPL-2.0
/*
 * The size handling of the system calls that copy extensible structs, as
 * Linux 6.12 answers every size (the calls now go through the helpers of
 * <linux/extensible_struct.h>, which must change none of it), and their
 * answers to CHECK_FIELDS. Built for x86_64, i386 and x32.
 *
 * Expected values are 6.12's: the errno for each size, what the kernel
 * writes back into the caller's struct (perf_event_attr.size and
 * sched_attr.size), and the bytes it leaves alone.
 */

#define _GNU_SOURCE
#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sched.h>
#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <linux/futex.h>
#include <linux/io_uring.h>
#ifdef __i386__
#include <asm/ldt.h>
#endif
#include <linux/check_fields.h>
#include <linux/filter.h>
#include <linux/iommufd.h>
#include <linux/landlock.h>
#include <linux/mount.h>
#include <linux/openat2.h>
#include <linux/perf_event.h>
#include <linux/sched.h>
#include <linux/sched/types.h>
#include <linux/seccomp.h>
#include <linux/user_events.h>

#include "../kselftest_harness.h"
#include "../../../../drivers/iommu/iommufd/iommufd_test.h"

#define PAGE	4096UL

/* 6.12's sizes (the kernel's struct is the latest). */
#define OPEN_HOW_SIZE_VER0	24
#define PERF_ATTR_SIZE_6_12	PERF_ATTR_SIZE_VER8	/* 136 */
#define SCHED_ATTR_SIZE_6_12	SCHED_ATTR_SIZE_VER1	/* 56 */
#define SECCOMP_NOTIFY_ADDFD_SIZE_VER0	24	/* <linux/seccomp.h>'s */

/*
 * What each call accepts, as 6.12 defines it (x86 values): openat2's
 * VALID_OPEN_FLAGS, VALID_RESOLVE_FLAGS and S_IALLUGO; clone3's flags
 * minus CLONE_DETACHED and the CSIGNAL bits but CLONE_NEWTIME, and the
 * largest exit signal (_NSIG), set_tid_size (MAX_PID_NS_LEVEL) and cgroup
 * descriptor; mount_setattr's MOUNT_SETATTR_VALID_FLAGS but the atime
 * value 0x40 in attr_set and MOUNT_ATTR_IDMAP in attr_clr, its
 * propagation types and the largest descriptor.
 */
#define OPEN_FLAGS_6_12		(00000003 | 00000100 | 00000200 | 00000400 | \
				 00001000 | 00002000 | 00004000 | 04000000 | \
				 00010000 | 00020000 | 00040000 | 00100000 | \
				 00200000 | 00400000 | 01000000 | 02000000 | \
				 010000000 | 020000000)
#define OPEN_MODES_6_12		07777
#define RESOLVE_FLAGS_6_12	0x3f
#define CLONE3_FLAGS_6_12	0x3ffbfff80ULL
#define CLONE3_EXIT_SIGNAL_6_12	64
#define CLONE3_SET_TID_SIZE_6_12 32
#define MOUNT_ATTR_SET_6_12	0x003000bfULL
#define MOUNT_ATTR_CLR_6_12	0x002000ffULL
#define MOUNT_PROPAGATION_6_12	0x001e0000ULL
/* Landlock ABI 6: access rights up to IOCTL_DEV, CONNECT_TCP and SIGNAL. */
#define LANDLOCK_ACCESS_FS_6_12		0xffffULL
#define LANDLOCK_ACCESS_NET_6_12	0x3ULL
#define LANDLOCK_SCOPE_6_12		0x3ULL
/* Its smallest struct: ABI 1's, handled_access_fs alone. */
#define LANDLOCK_RULESET_ATTR_SIZE_1	8

#ifndef EEXTSYS_NOOP
#error "EEXTSYS_NOOP is not defined: build against the kernel's headers"
#endif

/* A page whose next page is inaccessible: structs end at its edge. */
static unsigned char *edge_page(void)
{
	unsigned char *p = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE,
				MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED || mprotect(p + PAGE, PAGE, PROT_NONE))
		return NULL;
	return p;
}

static int count_fds(void)
{
	int n = 0, fd;

	for (fd = 0; fd < 1024; fd++)
		n += fcntl(fd, F_GETFD) != -1;
	return n;
}

static long sys_openat2(const char *path, void *how, size_t size)
{
	return syscall(__NR_openat2, AT_FDCWD, path, how, size);
}

static long sys_clone3(void *args, size_t size)
{
	return syscall(__NR_clone3, args, size);
}

static long sys_mount_setattr(const char *path, unsigned int flags,
			      void *attr, size_t size)
{
	return syscall(__NR_mount_setattr, AT_FDCWD, path, flags, attr, size);
}

static long sys_perf_event_open(void *attr)
{
	return syscall(__NR_perf_event_open, attr, 0, -1, -1,
		       PERF_FLAG_FD_CLOEXEC);
}

static long sys_sched_setattr(void *attr, unsigned int flags)
{
	return syscall(__NR_sched_setattr, 0, attr, flags);
}

static long sys_sched_getattr(void *attr, unsigned int size,
			      unsigned int flags)
{
	return syscall(__NR_sched_getattr, 0, attr, size, flags);
}

/* How much of a self-sized struct to place: what the kernel may read. */
static size_t placed_size(__u32 size, size_t ver0)
{
	if (size < ver0)
		return ver0;
	return size > PAGE ? PAGE : size;
}

/* What the size field holds after the call: E2BIG writes @latest back. */
static __u32 size_after(__u32 size, int ret, __u32 latest)
{
	return ret == -E2BIG ? latest : size;
}

/* The result of a call as "fd" / "ok" or an errno: one value to compare. */
static int outcome(long ret)
{
	return ret < 0 ? -errno : 0;
}

/*
 * CHECK_FIELDS is the top bit of this ABI's size_t, and EEXTSYS_NOOP the
 * number the kernel returns: constants of the headers, checked when each
 * ABI's build compiles them.
 */
static_assert(CHECK_FIELDS == (size_t)1 << (8 * sizeof(size_t) - 1),
	      "CHECK_FIELDS is not the top bit of size_t");
static_assert(EEXTSYS_NOOP == 134, "EEXTSYS_NOOP is not 134");

FIXTURE(sizes)
{
	unsigned char *page;
	int fds;
};

FIXTURE_SETUP(sizes)
{
	self->page = edge_page();
	ASSERT_TRUE(!!self->page);
	self->fds = count_fds();
}

FIXTURE_TEARDOWN(sizes)
{
	/* Whatever failed left no descriptor behind. */
	EXPECT_EQ(self->fds, count_fds());
	munmap(self->page, 2 * PAGE);
}

/* A struct of @size at the end of the page: @tail is its byte past @ksize. */
static unsigned char *place(unsigned char *page, const void *k, size_t ksize,
			    size_t size, int tail)
{
	unsigned char *u = page + PAGE - size;

	memset(page, 0, PAGE);
	memcpy(u, k, ksize < size ? ksize : size);
	if (tail >= 0 && size > ksize)
		u[ksize + (size - ksize) * tail / 2 - (tail == 2)] = 0x80;
	return u;
}

static void open_or_close(struct __test_metadata *_metadata, long fd, int want,
			  size_t size)
{
	EXPECT_EQ(want, outcome(fd)) TH_LOG("size %zu", size);
	if (fd >= 0)
		close(fd);
}

TEST_F(sizes, openat2)
{
	struct open_how how = { .flags = O_RDONLY };
	static const struct { size_t size; int tail, want; } cases[] = {
		{ 1, -1, -EINVAL }, { OPEN_HOW_SIZE_VER0 - 1, -1, -EINVAL },
		{ OPEN_HOW_SIZE_VER0, -1, 0 }, { 32, -1, 0 },
		{ 32, 0, -E2BIG }, { 40, 1, -E2BIG }, { 40, 2, -E2BIG },
		{ PAGE, -1, 0 }, { PAGE, 2, -E2BIG },
	};
	unsigned char before[PAGE];
	unsigned char *u;
	size_t i;

	EXPECT_EQ(-EINVAL, outcome(sys_openat2("/", &how, 0)));
	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		u = place(self->page, &how, sizeof(how), cases[i].size,
			  cases[i].tail);
		memcpy(before, self->page, PAGE);
		open_or_close(_metadata, sys_openat2("/", u, cases[i].size),
			      cases[i].want, cases[i].size);
		/* openat2() writes nothing into the caller's struct. */
		EXPECT_EQ(0, memcmp(before, self->page, PAGE));
	}
	EXPECT_EQ(-E2BIG, outcome(sys_openat2("/", self->page, PAGE + 1)));
	EXPECT_EQ(-E2BIG, outcome(sys_openat2("/", self->page, SIZE_MAX)));
	EXPECT_EQ(-EFAULT, outcome(sys_openat2("/", NULL, sizeof(how))));
	/* One byte of the struct, or of its zero tail, past the page. */
	u = self->page + PAGE - sizeof(how) + 1;
	EXPECT_EQ(-EFAULT, outcome(sys_openat2("/", u, sizeof(how))));
	u = place(self->page, &how, sizeof(how), 32, -1);
	EXPECT_EQ(-EFAULT, outcome(sys_openat2("/", u, 33)));
	/* Bit 31 of a 64-bit size is just a large size. */
	if (sizeof(size_t) == 8)
		EXPECT_EQ(-E2BIG, outcome(syscall(__NR_openat2, AT_FDCWD, "/", u,
						  (unsigned long)sizeof(how) |
						  1UL << 31)));
}

static pid_t clone3_at(struct __test_metadata *_metadata, void *u,
		       size_t size, int want)
{
	long pid = sys_clone3(u, size);
	int status;

	if (pid == 0)
		_exit(0);
	EXPECT_EQ(want, outcome(pid)) TH_LOG("size %zu", size);
	if (pid > 0) {
		EXPECT_EQ(pid, waitpid(pid, &status, 0));
		EXPECT_TRUE(WIFEXITED(status));
	}
	return pid;
}

TEST_F(sizes, clone3)
{
	struct clone_args args = { .exit_signal = SIGCHLD };
	static const struct { size_t size; int tail, want; } cases[] = {
		{ 1, -1, -EINVAL }, { CLONE_ARGS_SIZE_VER0 - 1, -1, -EINVAL },
		{ CLONE_ARGS_SIZE_VER0, -1, 0 }, { CLONE_ARGS_SIZE_VER1, -1, 0 },
		{ CLONE_ARGS_SIZE_VER2, -1, 0 }, { 96, -1, 0 },
		{ 96, 0, -E2BIG }, { 104, 1, -E2BIG }, { 104, 2, -E2BIG },
		{ PAGE, -1, 0 }, { PAGE, 2, -E2BIG },
	};
	unsigned char before[PAGE];
	unsigned char *u;
	size_t i;

	EXPECT_EQ(-EINVAL, outcome(sys_clone3(&args, 0)));
	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		u = place(self->page, &args, sizeof(args), cases[i].size,
			  cases[i].tail);
		memcpy(before, self->page, PAGE);
		clone3_at(_metadata, u, cases[i].size, cases[i].want);
		EXPECT_EQ(0, memcmp(before, self->page, PAGE));
	}
	EXPECT_EQ(-E2BIG, outcome(sys_clone3(self->page, PAGE + 1)));
	EXPECT_EQ(-E2BIG, outcome(sys_clone3(self->page, SIZE_MAX)));
	EXPECT_EQ(-EFAULT, outcome(sys_clone3(NULL, sizeof(args))));
	EXPECT_EQ(-EFAULT, outcome(sys_clone3(self->page + PAGE - 87,
					      sizeof(args))));
	/* No child was left: every one that ran was reaped. */
	EXPECT_EQ(-1, waitpid(-1, NULL, WNOHANG));
	EXPECT_EQ(ECHILD, errno);
}

/* The mounts of this mount namespace, to compare before and after. */
static size_t read_mounts(char *buf, size_t len)
{
	int fd = open("/proc/self/mountinfo", O_RDONLY);
	ssize_t n, total = 0;

	if (fd < 0)
		return 0;
	while ((n = read(fd, buf + total, len - 1 - total)) > 0)
		total += n;
	close(fd);
	buf[total] = 0;
	return total;
}

TEST_F(sizes, mount_setattr)
{
	struct mount_attr attr = {};
	static const struct { size_t size; int tail, want; } cases[] = {
		{ 1, -1, -EINVAL }, { MOUNT_ATTR_SIZE_VER0 - 1, -1, -EINVAL },
		{ MOUNT_ATTR_SIZE_VER0, -1, 0 }, { 40, -1, 0 },
		{ 40, 0, -E2BIG }, { 48, 1, -E2BIG }, { 48, 2, -E2BIG },
		{ PAGE, -1, 0 }, { PAGE, 2, -E2BIG },
	};
	unsigned char before[PAGE];
	unsigned char *u;
	size_t i;

	/*
	 * An attr that changes nothing returns 0 before the path is looked
	 * up: the path need not exist, which makes every size testable.
	 */
	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		u = place(self->page, &attr, sizeof(attr), cases[i].size,
			  cases[i].tail);
		memcpy(before, self->page, PAGE);
		EXPECT_EQ(cases[i].want,
			  outcome(sys_mount_setattr("/nonexistent", 0, u,
						    cases[i].size)))
			TH_LOG("size %zu", cases[i].size);
		EXPECT_EQ(0, memcmp(before, self->page, PAGE));
	}
	EXPECT_EQ(-EINVAL, outcome(sys_mount_setattr("/", 0, &attr, 0)));
	EXPECT_EQ(-E2BIG, outcome(sys_mount_setattr("/", 0, &attr, PAGE + 1)));
	EXPECT_EQ(-E2BIG, outcome(sys_mount_setattr("/", 0, &attr, SIZE_MAX)));
	EXPECT_EQ(-EFAULT, outcome(sys_mount_setattr("/", 0, NULL,
						     sizeof(attr))));
	/* Unknown flags come first, whatever the size. */
	EXPECT_EQ(-EINVAL, outcome(sys_mount_setattr("/", 1U << 31, &attr,
						     PAGE + 1)));
	/* A real change reaches the path: it does not exist. */
	attr.attr_set = MOUNT_ATTR_NOEXEC;
	EXPECT_EQ(-ENOENT, outcome(sys_mount_setattr("/nonexistent", 0, &attr,
						     sizeof(attr))));
}

/* A software event the test can always open, with @size in its field. */
static void perf_attr_at(struct perf_event_attr *attr, __u32 size)
{
	memset(attr, 0, sizeof(*attr));
	attr->type = PERF_TYPE_SOFTWARE;
	attr->config = PERF_COUNT_SW_DUMMY;
	attr->exclude_kernel = 1;
	attr->size = size;
}

TEST_F(sizes, perf_event_open)
{
	static const struct { __u32 size; int tail, want; } cases[] = {
		{ 0, -1, 0 }, { 1, -1, -E2BIG },
		{ PERF_ATTR_SIZE_VER0 - 1, -1, -E2BIG },
		{ PERF_ATTR_SIZE_VER0, -1, 0 }, { 65, -1, 0 },
		{ PERF_ATTR_SIZE_VER5, -1, 0 }, { PERF_ATTR_SIZE_6_12, -1, 0 },
		{ 144, -1, 0 }, { 144, 0, -E2BIG }, { 152, 1, -E2BIG },
		{ 152, 2, -E2BIG }, { PAGE, -1, 0 }, { PAGE, 2, -E2BIG },
		{ PAGE + 1, -1, -E2BIG }, { UINT32_MAX, -1, -E2BIG },
	};
	struct perf_event_attr attr;
	unsigned char before[PAGE];
	size_t i, placed;
	unsigned char *u;
	__u32 got;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		placed = placed_size(cases[i].size, PERF_ATTR_SIZE_VER0);
		perf_attr_at(&attr, cases[i].size);
		u = place(self->page, &attr, sizeof(attr), placed,
			  cases[i].tail);
		memcpy(before, self->page, PAGE);
		open_or_close(_metadata, sys_perf_event_open(u), cases[i].want,
			      cases[i].size);
		/* E2BIG writes the kernel's size back, nothing else does. */
		memcpy(&got, u + offsetof(struct perf_event_attr, size),
		       sizeof(got));
		EXPECT_EQ(size_after(cases[i].size, cases[i].want,
				     PERF_ATTR_SIZE_6_12), got)
			TH_LOG("size %u", cases[i].size);
		memcpy(u + offsetof(struct perf_event_attr, size),
		       &cases[i].size, sizeof(got));
		EXPECT_EQ(0, memcmp(before, self->page, PAGE));
	}
	EXPECT_EQ(-EFAULT, outcome(sys_perf_event_open(NULL)));
	/* The struct runs into the inaccessible page: no write-back. */
	perf_attr_at(&attr, sizeof(attr));
	u = place(self->page, &attr, sizeof(attr), sizeof(attr), -1);
	attr.size = sizeof(attr) + 1;
	memcpy(u, &attr, sizeof(attr));
	EXPECT_EQ(-EFAULT, outcome(sys_perf_event_open(u)));
	EXPECT_EQ(sizeof(attr) + 1,
		  ((struct perf_event_attr *)u)->size);
}

static void sched_attr_at(struct sched_attr *attr, __u32 size)
{
	memset(attr, 0, sizeof(*attr));
	attr->size = size;
	attr->sched_policy = SCHED_OTHER;
}

TEST_F(sizes, sched_setattr)
{
	static const struct { __u32 size; int tail, want; } cases[] = {
		{ 0, -1, 0 }, { 1, -1, -E2BIG },
		{ SCHED_ATTR_SIZE_VER0 - 1, -1, -E2BIG },
		{ SCHED_ATTR_SIZE_VER0, -1, 0 }, { 52, -1, 0 },
		{ SCHED_ATTR_SIZE_6_12, -1, 0 }, { 64, -1, 0 },
		{ 64, 0, -E2BIG }, { 72, 1, -E2BIG }, { 72, 2, -E2BIG },
		{ PAGE, -1, 0 }, { PAGE, 2, -E2BIG },
		{ PAGE + 1, -1, -E2BIG }, { UINT32_MAX, -1, -E2BIG },
	};
	struct sched_attr attr;
	unsigned char before[PAGE];
	size_t i, placed;
	unsigned char *u;
	__u32 got;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		placed = placed_size(cases[i].size, SCHED_ATTR_SIZE_VER0);
		sched_attr_at(&attr, cases[i].size);
		u = place(self->page, &attr, sizeof(attr), placed,
			  cases[i].tail);
		memcpy(before, self->page, PAGE);
		EXPECT_EQ(cases[i].want, outcome(sys_sched_setattr(u, 0)))
			TH_LOG("size %u", cases[i].size);
		memcpy(&got, u, sizeof(got));
		EXPECT_EQ(size_after(cases[i].size, cases[i].want,
				     SCHED_ATTR_SIZE_6_12), got)
			TH_LOG("size %u", cases[i].size);
		memcpy(u, &cases[i].size, sizeof(got));
		EXPECT_EQ(0, memcmp(before, self->page, PAGE));
	}
	/* Checked before the struct is read. */
	EXPECT_EQ(-EINVAL, outcome(sys_sched_setattr(NULL, 0)));
	sched_attr_at(&attr, sizeof(attr));
	EXPECT_EQ(-EINVAL, outcome(sys_sched_setattr(&attr, 1)));
	/* Utilization clamps need VER1; size 0 is VER0. */
	sched_attr_at(&attr, 0);
	attr.sched_flags = SCHED_FLAG_UTIL_CLAMP_MIN;
	EXPECT_EQ(-EINVAL, outcome(sys_sched_setattr(&attr, 0)));
	attr.size = SCHED_ATTR_SIZE_VER0;
	EXPECT_EQ(-EINVAL, outcome(sys_sched_setattr(&attr, 0)));
	/* The tail runs into the inaccessible page: EFAULT, no write-back. */
	sched_attr_at(&attr, sizeof(attr) + 1);
	u = place(self->page, &attr, sizeof(attr), sizeof(attr), -1);
	EXPECT_EQ(-EFAULT, outcome(sys_sched_setattr(u, 0)));
	EXPECT_EQ(sizeof(attr) + 1, ((struct sched_attr *)u)->size);
}

TEST_F(sizes, sched_getattr)
{
	static const unsigned int sizes[] = {
		SCHED_ATTR_SIZE_VER0, 52, SCHED_ATTR_SIZE_6_12, 64, PAGE,
	};
	unsigned char *u;
	size_t i, j;

	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		unsigned int size = sizes[i];
		unsigned int copied = size < SCHED_ATTR_SIZE_6_12 ?
				      size : SCHED_ATTR_SIZE_6_12;
		struct sched_attr *attr;

		u = self->page + PAGE - size;
		memset(self->page, 0xa5, PAGE);
		ASSERT_EQ(0, sys_sched_getattr(u, size, 0))
			TH_LOG("size %u: %s", size, strerror(errno));
		attr = (struct sched_attr *)u;
		EXPECT_EQ(copied, attr->size);
		EXPECT_EQ(SCHED_OTHER, attr->sched_policy);
		/* Nothing past the kernel's struct is touched (6.12's ABI). */
		for (j = copied; j < size; j++)
			ASSERT_EQ(0xa5, u[j]) TH_LOG("size %u, byte %zu", size, j);
		for (j = 0; self->page + j < u; j++)
			ASSERT_EQ(0xa5, self->page[j]);
	}
	/* A buffer that runs past the page: only the struct is written. */
	u = self->page + PAGE - SCHED_ATTR_SIZE_6_12;
	EXPECT_EQ(0, sys_sched_getattr(u, 64, 0));
	EXPECT_EQ(-EFAULT, outcome(sys_sched_getattr(u + 1, 64, 0)));
	EXPECT_EQ(-EINVAL, outcome(sys_sched_getattr(u, 0, 0)));
	EXPECT_EQ(-EINVAL, outcome(sys_sched_getattr(u,
						     SCHED_ATTR_SIZE_VER0 - 1,
						     0)));
	EXPECT_EQ(-EINVAL, outcome(sys_sched_getattr(self->page, PAGE + 1, 0)));
	EXPECT_EQ(-EINVAL, outcome(sys_sched_getattr(NULL, 64, 0)));
	EXPECT_EQ(-EINVAL, outcome(sys_sched_getattr(u, 64, 1)));
}

/* SECCOMP_IOCTL_NOTIF_ADDFD with its size field, and its direction, set. */
#define ADDFD_IOCTL(dir, size)						\
	_IOC(dir, _IOC_TYPE(SECCOMP_IOCTL_NOTIF_ADDFD),			\
	     _IOC_NR(SECCOMP_IOCTL_NOTIF_ADDFD), size)

/* A listener of a filter that notifies nothing this test calls. */
static int seccomp_listener(void)
{
	struct sock_filter insns[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
			 offsetof(struct seccomp_data, nr)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_getppid, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_USER_NOTIF),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
	struct sock_fprog prog = { .len = ARRAY_SIZE(insns), .filter = insns };

	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0))
		return -1;
	return syscall(__NR_seccomp, SECCOMP_SET_MODE_FILTER,
		       SECCOMP_FILTER_FLAG_NEW_LISTENER, &prog);
}

/*
 * The size is the ioctl's. A struct of an accepted size reaches the
 * lookup of its notification, which there is none of: ENOENT. From
 * PAGE_SIZE up the size is EINVAL, as below VER0 (not E2BIG).
 */
TEST_F(sizes, seccomp_addfd)
{
	struct seccomp_notif_addfd addfd = { .id = 0x5eed };
	static const struct { size_t size; int tail, want; } cases[] = {
		{ 1, -1, -EINVAL },
		{ SECCOMP_NOTIFY_ADDFD_SIZE_VER0 - 1, -1, -EINVAL },
		{ SECCOMP_NOTIFY_ADDFD_SIZE_VER0, -1, -ENOENT },
		{ 32, -1, -ENOENT }, { 32, 0, -E2BIG }, { 40, 1, -E2BIG },
		{ 40, 2, -E2BIG }, { PAGE - 1, -1, -ENOENT },
		{ PAGE - 1, 2, -E2BIG }, { PAGE, -1, -EINVAL },
	};
	unsigned char before[PAGE];
	int listener, fd;
	unsigned char *u;
	size_t i;

	listener = seccomp_listener();
	ASSERT_LE(0, listener) TH_LOG("no listener: %s", strerror(errno));
	addfd.srcfd = listener;
	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		u = place(self->page, &addfd, sizeof(addfd), cases[i].size,
			  cases[i].tail);
		memcpy(before, self->page, PAGE);
		EXPECT_EQ(cases[i].want,
			  outcome(ioctl(listener,
					ADDFD_IOCTL(_IOC_WRITE, cases[i].size),
					u)))
			TH_LOG("size %zu", cases[i].size);
		EXPECT_EQ(0, memcmp(before, self->page, PAGE));
	}
	EXPECT_EQ(-EINVAL, outcome(ioctl(listener, ADDFD_IOCTL(_IOC_WRITE, 0),
					 &addfd)));
	EXPECT_EQ(-EINVAL, outcome(ioctl(listener,
					 ADDFD_IOCTL(_IOC_WRITE, PAGE + 1),
					 self->page)));
	EXPECT_EQ(-EINVAL, outcome(ioctl(listener,
					 ADDFD_IOCTL(_IOC_WRITE, _IOC_SIZEMASK),
					 self->page)));
	EXPECT_EQ(-EFAULT, outcome(ioctl(listener, SECCOMP_IOCTL_NOTIF_ADDFD,
					 NULL)));
	/* One byte of the struct, or of its zero tail, past the page. */
	u = self->page + PAGE - sizeof(addfd) + 1;
	EXPECT_EQ(-EFAULT, outcome(ioctl(listener, SECCOMP_IOCTL_NOTIF_ADDFD,
					 u)));
	u = place(self->page, &addfd, sizeof(addfd), 32, -1);
	EXPECT_EQ(-EFAULT, outcome(ioctl(listener,
					 ADDFD_IOCTL(_IOC_WRITE, 33), u)));
	/* The command matches in any direction. */
	EXPECT_EQ(-ENOENT, outcome(ioctl(listener,
					 ADDFD_IOCTL(_IOC_NONE, sizeof(addfd)),
					 &addfd)));
	EXPECT_EQ(-ENOENT, outcome(ioctl(listener,
					 ADDFD_IOCTL(_IOC_READ | _IOC_WRITE,
						     sizeof(addfd)),
					 &addfd)));
	/* A struct of a good size is read: its fields are checked. */
	addfd.newfd_flags = O_NONBLOCK;
	EXPECT_EQ(-EINVAL, outcome(ioctl(listener, SECCOMP_IOCTL_NOTIF_ADDFD,
					 &addfd)));
	addfd.newfd_flags = 0;
	fd = open("/", O_RDONLY);
	ASSERT_LE(0, fd);
	close(fd);
	addfd.srcfd = fd;
	EXPECT_EQ(-EBADF, outcome(ioctl(listener, SECCOMP_IOCTL_NOTIF_ADDFD,
					&addfd)));
	close(listener);
}

static long sys_landlock_create_ruleset(void *attr, size_t size, __u32 flags)
{
	return syscall(__NR_landlock_create_ruleset, attr, size, flags);
}

TEST_F(sizes, landlock_create_ruleset)
{
	struct landlock_ruleset_attr attr = {
		.handled_access_fs = LANDLOCK_ACCESS_FS_EXECUTE,
	};
	const __u32 version = LANDLOCK_CREATE_RULESET_VERSION;
	static const struct { size_t size; int tail, want; } cases[] = {
		{ 0, -1, -EINVAL }, { 1, -1, -EINVAL },
		{ LANDLOCK_RULESET_ATTR_SIZE_1 - 1, -1, -EINVAL },
		{ LANDLOCK_RULESET_ATTR_SIZE_1, -1, 0 }, { 12, -1, 0 },
		{ 16, -1, 0 }, { 21, -1, 0 }, { 24, -1, 0 }, { 32, -1, 0 },
		{ 32, 0, -E2BIG }, { 40, 1, -E2BIG }, { 40, 2, -E2BIG },
		{ 37, 2, -E2BIG }, { PAGE, -1, 0 }, { PAGE, 2, -E2BIG },
	};
	unsigned char before[PAGE];
	unsigned char *u;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		u = place(self->page, &attr, sizeof(attr), cases[i].size,
			  cases[i].tail);
		memcpy(before, self->page, PAGE);
		open_or_close(_metadata,
			      sys_landlock_create_ruleset(u, cases[i].size, 0),
			      cases[i].want, cases[i].size);
		EXPECT_EQ(0, memcmp(before, self->page, PAGE));
	}
	EXPECT_EQ(-E2BIG, outcome(sys_landlock_create_ruleset(self->page,
							      PAGE + 1, 0)));
	EXPECT_EQ(-E2BIG, outcome(sys_landlock_create_ruleset(self->page,
							      SIZE_MAX, 0)));
	/* No struct is EFAULT, whatever the size: checked first. */
	EXPECT_EQ(-EFAULT, outcome(sys_landlock_create_ruleset(NULL, 0, 0)));
	EXPECT_EQ(-EFAULT, outcome(sys_landlock_create_ruleset(NULL, 1, 0)));
	EXPECT_EQ(-EFAULT, outcome(sys_landlock_create_ruleset(NULL, PAGE + 1,
							       0)));
	/* One byte of the struct, or of its zero tail, past the page. */
	u = self->page + PAGE - sizeof(attr) + 1;
	EXPECT_EQ(-EFAULT, outcome(sys_landlock_create_ruleset(u, sizeof(attr),
							       0)));
	u = place(self->page, &attr, sizeof(attr), 32, -1);
	EXPECT_EQ(-EFAULT, outcome(sys_landlock_create_ruleset(u, 33, 0)));
	/* A struct of a good size is read: its fields are checked. */
	attr.handled_access_fs = 0;
	EXPECT_EQ(-ENOMSG, outcome(sys_landlock_create_ruleset(&attr,
							       sizeof(attr),
							       0)));
	attr.scoped = 1ULL << 63;
	EXPECT_EQ(-EINVAL, outcome(sys_landlock_create_ruleset(&attr,
							       sizeof(attr),
							       0)));
	/* ... but not past the size given. */
	EXPECT_EQ(-ENOMSG, outcome(sys_landlock_create_ruleset(&attr, 16, 0)));
	/* The version query takes no struct. */
	EXPECT_EQ(-EINVAL, outcome(sys_landlock_create_ruleset(&attr,
							       sizeof(attr),
							       version)));
	EXPECT_LE(6, sys_landlock_create_ruleset(NULL, 0, version));
}

/* The user_events data file, tracefs mounted if it was not; -1 if none. */
static int user_events_fd(void)
{
	static const char path[] = "/sys/kernel/tracing/user_events_data";
	int fd = open(path, O_RDWR | O_CLOEXEC);

	if (fd < 0 && errno == ENOENT &&
	    !syscall(__NR_mount, NULL, "/sys/kernel/tracing", "tracefs", 0,
		     NULL))
		fd = open(path, O_RDWR | O_CLOEXEC);
	return fd;
}

/* struct user_reg and struct user_unreg: packed, one version each. */
#define USER_REG_SIZE_6_12	28
#define USER_UNREG_SIZE_6_12	16

static const char user_event_name[] = "extensible_struct_sizes u32 a";
static __u32 user_event_enabled;

static void user_reg_at(struct user_reg *reg, __u32 size)
{
	memset(reg, 0, sizeof(*reg));
	reg->size = size;
	reg->enable_size = sizeof(user_event_enabled);
	reg->enable_addr = (uintptr_t)&user_event_enabled;
	reg->name_args = (uintptr_t)user_event_name;
}

static long user_unreg(int fd, void *unreg)
{
	return ioctl(fd, DIAG_IOCSUNREG, unreg);
}

/*
 * DIAG_IOCSREG and DIAG_IOCSUNREG read their struct by its own size field
 * (first), with the rules of a new call; E2BIG writes nothing back. An
 * accepted user_reg registers the event (write_index is written), an
 * accepted user_unreg that matches no registration is ENOENT. There is no
 * compat ioctl: a 32-bit caller gets ENOTTY, whatever the struct.
 */
TEST_F(sizes, user_events)
{
	static const struct { __u32 size; int tail, want; } cases[] = {
		{ 0, -1, -EINVAL }, { 1, -1, -EINVAL }, { 15, -1, -EINVAL },
		{ 16, -1, 0 }, { 27, -1, 0 }, { 28, -1, 0 }, { 33, -1, 0 },
		{ 40, -1, 0 }, { 40, 0, -E2BIG }, { 48, 1, -E2BIG },
		{ 45, 2, -E2BIG }, { PAGE, -1, 0 }, { PAGE, 2, -E2BIG },
		{ PAGE + 1, -1, -E2BIG }, { UINT32_MAX, -1, -E2BIG },
	};
	const bool compat = sizeof(void *) == 4;
	struct user_unreg unreg = {};
	unsigned char before[PAGE];
	struct user_reg reg;
	size_t i, placed;
	unsigned char *u;
	int fd, want;

	fd = user_events_fd();
	ASSERT_LE(0, fd) TH_LOG("no user_events_data: %s", strerror(errno));
	unreg.size = sizeof(unreg);
	unreg.disable_addr = (uintptr_t)&user_event_enabled;
	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		__u32 size = cases[i].size;

		/* user_reg: from its end (28) up; below it EINVAL. */
		want = size >= 16 && size < USER_REG_SIZE_6_12 ?
		       -EINVAL : cases[i].want;
		if (compat)
			want = -ENOTTY;
		placed = placed_size(size, USER_REG_SIZE_6_12);
		user_reg_at(&reg, size);
		u = place(self->page, &reg, sizeof(reg), placed, cases[i].tail);
		memcpy(before, self->page, PAGE);
		EXPECT_EQ(want, outcome(ioctl(fd, DIAG_IOCSREG, u)))
			TH_LOG("user_reg size %u", size);
		if (!want) {
			/* Registered: the event's index is its one output. */
			memcpy(u + offsetof(struct user_reg, write_index),
			       before + (u - self->page) +
			       offsetof(struct user_reg, write_index),
			       sizeof(reg.write_index));
			EXPECT_EQ(0, outcome(user_unreg(fd, &unreg)));
		}
		EXPECT_EQ(0, memcmp(before, self->page, PAGE))
			TH_LOG("user_reg size %u", size);

		/* user_unreg: from its end (16) up. */
		want = cases[i].want ?: -ENOENT;
		if (compat)
			want = -ENOTTY;
		placed = placed_size(size, USER_UNREG_SIZE_6_12);
		unreg.size = size;
		u = place(self->page, &unreg, sizeof(unreg), placed,
			  cases[i].tail);
		memcpy(before, self->page, PAGE);
		EXPECT_EQ(want, outcome(user_unreg(fd, u)))
			TH_LOG("user_unreg size %u", size);
		EXPECT_EQ(0, memcmp(before, self->page, PAGE))
			TH_LOG("user_unreg size %u", size);
		unreg.size = sizeof(unreg);
	}
	want = compat ? -ENOTTY : -EFAULT;
	/* The struct, or its zero tail, one byte past the page. */
	user_reg_at(&reg, sizeof(reg));
	u = self->page + PAGE - sizeof(reg) + 1;
	memcpy(u, &reg, sizeof(reg) - 1);
	EXPECT_EQ(want, outcome(ioctl(fd, DIAG_IOCSREG, u)));
	user_reg_at(&reg, sizeof(reg) + 8);
	u = place(self->page, &reg, sizeof(reg), sizeof(reg), -1);
	EXPECT_EQ(want, outcome(ioctl(fd, DIAG_IOCSREG, u)));
	unreg.size = sizeof(unreg) + 8;
	u = place(self->page, &unreg, sizeof(unreg), sizeof(unreg), -1);
	EXPECT_EQ(want, outcome(user_unreg(fd, u)));
	/* The size field itself unreadable. */
	EXPECT_EQ(want, outcome(ioctl(fd, DIAG_IOCSREG, NULL)));
	EXPECT_EQ(want, outcome(user_unreg(fd, NULL)));
	EXPECT_EQ(want, outcome(user_unreg(fd, self->page + PAGE - 2)));
	/* A struct of a good size is read: its fields are checked. */
	want = compat ? -ENOTTY : -EINVAL;
	user_reg_at(&reg, sizeof(reg));
	reg.enable_size = 3;
	EXPECT_EQ(want, outcome(ioctl(fd, DIAG_IOCSREG, &reg)));
	unreg.size = sizeof(unreg);
	unreg.__reserved = 1;
	EXPECT_EQ(want, outcome(user_unreg(fd, &unreg)));
	close(fd);
}

/*
 * statmount() and listmount() read struct mnt_id_req by its own size field
 * (first in the struct), with the rules of a new call: EINVAL below VER0,
 * 0 included, E2BIG above PAGE_SIZE and for a non-zero tail; and unlike
 * perf and sched, E2BIG writes nothing back. The struct asks listmount()
 * for the mounts under the root, statmount() for the basics of one of them.
 */
#define MNT_IDS	256

/* statmount() of @req into @sm, or listmount() of it into @ids. */
static long mnt_id_req_call(bool stat, const void *req, struct statmount *sm,
			    __u64 *ids)
{
	if (stat)
		return syscall(__NR_statmount, req, sm, sizeof(*sm), 0);
	return syscall(__NR_listmount, req, ids, MNT_IDS, 0);
}

static void mnt_id_req_sizes(struct __test_metadata *_metadata,
			     unsigned char *page, bool stat)
{
	static const struct { __u32 size; int tail, want; } cases[] = {
		{ 0, -1, -EINVAL }, { 1, -1, -EINVAL },
		{ MNT_ID_REQ_SIZE_VER0 - 1, -1, -EINVAL },
		{ MNT_ID_REQ_SIZE_VER0, -1, 0 }, { 28, -1, 0 },
		{ MNT_ID_REQ_SIZE_VER1, -1, 0 }, { 40, -1, 0 },
		{ 40, 0, -E2BIG }, { 48, 1, -E2BIG }, { 48, 2, -E2BIG },
		{ 45, 2, -E2BIG }, { PAGE, -1, 0 }, { PAGE, 2, -E2BIG },
		{ PAGE + 1, -1, -E2BIG }, { UINT32_MAX, -1, -E2BIG },
	};
	struct mnt_id_req req = { .mnt_id = LSMT_ROOT };
	unsigned char before[PAGE];
	struct statmount sm;
	__u64 ids[MNT_IDS];
	size_t i, placed;
	unsigned char *u;
	long ret;

	req.size = sizeof(req);
	ret = mnt_id_req_call(false, &req, &sm, ids);
	ASSERT_LT(0, ret) TH_LOG("listmount: %s", strerror(errno));
	if (stat) {
		req.mnt_id = ids[0];
		req.param = STATMOUNT_MNT_BASIC;
	}
	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		__u32 size = cases[i].size;

		placed = placed_size(size, MNT_ID_REQ_SIZE_VER0);
		req.size = size;
		u = place(page, &req, sizeof(req), placed, cases[i].tail);
		memcpy(before, page, PAGE);
		ret = mnt_id_req_call(stat, u, &sm, ids);
		EXPECT_EQ(cases[i].want, outcome(ret)) TH_LOG("size %u", size);
		if (!cases[i].want && stat)
			EXPECT_EQ(req.mnt_id, sm.mnt_id);
		/* Nothing is written back, the size field included. */
		EXPECT_EQ(0, memcmp(before, page, PAGE)) TH_LOG("size %u", size);
	}
	/* The struct, or its zero tail, one byte past the page. */
	req.size = sizeof(req);
	u = page + PAGE - sizeof(req) + 1;
	memcpy(u, &req, sizeof(req) - 1);
	ret = mnt_id_req_call(stat, u, &sm, ids);
	EXPECT_EQ(-EFAULT, outcome(ret));
	req.size = sizeof(req) + 8;
	u = place(page, &req, sizeof(req), sizeof(req), -1);
	ret = mnt_id_req_call(stat, u, &sm, ids);
	EXPECT_EQ(-EFAULT, outcome(ret));
	EXPECT_EQ(sizeof(req) + 8, ((struct mnt_id_req *)u)->size);
	/* The size field itself unreadable. */
	ret = mnt_id_req_call(stat, NULL, &sm, ids);
	EXPECT_EQ(-EFAULT, outcome(ret));
	ret = mnt_id_req_call(stat, page + PAGE - 2, &sm, ids);
	EXPECT_EQ(-EFAULT, outcome(ret));
	/* A struct of a good size is read: its fields are checked. */
	req.size = sizeof(req);
	req.mnt_ns_fd = 1;
	req.mnt_ns_id = 1;
	ret = mnt_id_req_call(stat, &req, &sm, ids);
	EXPECT_EQ(-EINVAL, outcome(ret));
	req.mnt_ns_fd = 0;
	req.mnt_ns_id = 0;
	req.mnt_id = 1;
	ret = mnt_id_req_call(stat, &req, &sm, ids);
	EXPECT_EQ(-EINVAL, outcome(ret));
}

TEST_F(sizes, listmount)
{
	mnt_id_req_sizes(_metadata, self->page, false);
}

TEST_F(sizes, statmount)
{
	mnt_id_req_sizes(_metadata, self->page, true);
}

/* An io_uring of one entry, its rings mapped: just enough to submit one. */
struct ring {
	int fd;
	unsigned int *sq_tail, *sq_mask, *sq_array, *cq_head, *cq_mask;
	unsigned int *cq_tail;
	struct io_uring_sqe *sqes;
	struct io_uring_cqe *cqes;
};

static int ring_setup(struct ring *r)
{
	struct io_uring_params p = { 0 };
	unsigned char *sq, *cq;

	r->fd = syscall(__NR_io_uring_setup, 1, &p);
	if (r->fd < 0)
		return -1;
	sq = mmap(NULL, p.sq_off.array + p.sq_entries * sizeof(unsigned int),
		  PROT_READ | PROT_WRITE, MAP_SHARED, r->fd, IORING_OFF_SQ_RING);
	cq = mmap(NULL, p.cq_off.cqes +
		  p.cq_entries * sizeof(struct io_uring_cqe),
		  PROT_READ | PROT_WRITE, MAP_SHARED, r->fd, IORING_OFF_CQ_RING);
	r->sqes = mmap(NULL, p.sq_entries * sizeof(struct io_uring_sqe),
		       PROT_READ | PROT_WRITE, MAP_SHARED, r->fd, IORING_OFF_SQES);
	if (sq == MAP_FAILED || cq == MAP_FAILED || r->sqes == MAP_FAILED)
		return -1;
	r->sq_tail = (unsigned int *)(sq + p.sq_off.tail);
	r->sq_mask = (unsigned int *)(sq + p.sq_off.ring_mask);
	r->sq_array = (unsigned int *)(sq + p.sq_off.array);
	r->cq_head = (unsigned int *)(cq + p.cq_off.head);
	r->cq_tail = (unsigned int *)(cq + p.cq_off.tail);
	r->cq_mask = (unsigned int *)(cq + p.cq_off.ring_mask);
	r->cqes = (struct io_uring_cqe *)(cq + p.cq_off.cqes);
	return 0;
}

/* IORING_OP_OPENAT2 of @path with @how of @len: its completion's result. */
static int ring_openat2(struct ring *r, const char *path, const void *how,
			__u32 len)
{
	unsigned int tail = *r->sq_tail, head, i = tail & *r->sq_mask;
	struct io_uring_sqe *sqe = &r->sqes[i];
	int res;

	memset(sqe, 0, sizeof(*sqe));
	sqe->opcode = IORING_OP_OPENAT2;
	sqe->fd = AT_FDCWD;
	sqe->addr = (uintptr_t)path;
	sqe->addr2 = (uintptr_t)how;
	sqe->len = len;
	r->sq_array[i] = i;
	__atomic_store_n(r->sq_tail, tail + 1, __ATOMIC_RELEASE);
	if (syscall(__NR_io_uring_enter, r->fd, 1, 1, IORING_ENTER_GETEVENTS,
		    NULL, 0) != 1)
		return INT_MIN;
	head = *r->cq_head;
	if (head == __atomic_load_n(r->cq_tail, __ATOMIC_ACQUIRE))
		return INT_MIN;
	res = r->cqes[head & *r->cq_mask].res;
	__atomic_store_n(r->cq_head, head + 1, __ATOMIC_RELEASE);
	return res;
}

static void ring_open_or_close(struct __test_metadata *_metadata,
			       struct ring *r, const void *how, __u32 len,
			       int want)
{
	int res = ring_openat2(r, "/", how, len);

	EXPECT_EQ(want, res < 0 ? res : 0) TH_LOG("len %u", len);
	if (res >= 0)
		close(res);
}

/*
 * openat2()'s struct through io_uring: its size is the SQE's u32 len,
 * with openat2()'s rules but no PAGE_SIZE cap (6.12's, kept: a tail of
 * any length is read and must be zero), and no CHECK_FIELDS.
 */
TEST_F(sizes, io_uring_openat2)
{
	struct open_how how = { .flags = O_RDONLY };
	static const struct { size_t size; int tail, want; } cases[] = {
		{ 0, -1, -EINVAL }, { 1, -1, -EINVAL },
		{ OPEN_HOW_SIZE_VER0 - 1, -1, -EINVAL },
		{ OPEN_HOW_SIZE_VER0, -1, 0 }, { 32, -1, 0 },
		{ 32, 0, -E2BIG }, { 40, 1, -E2BIG }, { 40, 2, -E2BIG },
		{ PAGE, -1, 0 }, { PAGE, 2, -E2BIG },
	};
	unsigned char before[PAGE], *big, *u;
	struct ring r;
	size_t i;

	ASSERT_EQ(0, ring_setup(&r)) TH_LOG("io_uring: %s", strerror(errno));
	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		u = place(self->page, &how, sizeof(how), cases[i].size,
			  cases[i].tail);
		memcpy(before, self->page, PAGE);
		ring_open_or_close(_metadata, &r, u, cases[i].size,
				   cases[i].want);
		/* Nothing is written into the caller's struct. */
		EXPECT_EQ(0, memcmp(before, self->page, PAGE));
	}
	/* Unaligned, and ending at the page's edge. */
	u = place(self->page, &how, sizeof(how), sizeof(how), -1);
	ring_open_or_close(_metadata, &r, u, sizeof(how), 0);
	memmove(self->page + 1, u, sizeof(how));
	ring_open_or_close(_metadata, &r, self->page + 1, sizeof(how), 0);
	/* Unreadable: NULL, a byte of the struct or of its tail past the page. */
	ring_open_or_close(_metadata, &r, NULL, sizeof(how), -EFAULT);
	u = self->page + PAGE - sizeof(how) + 1;
	ring_open_or_close(_metadata, &r, u, sizeof(how), -EFAULT);
	u = place(self->page, &how, sizeof(how), 32, -1);
	ring_open_or_close(_metadata, &r, u, 33, -EFAULT);
	ring_open_or_close(_metadata, &r, self->page, PAGE + 1, -EFAULT);
	/* No PAGE_SIZE cap: three zero pages after the struct are accepted. */
	big = mmap(NULL, 5 * PAGE, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ASSERT_TRUE(big != MAP_FAILED);
	ASSERT_EQ(0, mprotect(big + 4 * PAGE, PAGE, PROT_NONE));
	memcpy(big, &how, sizeof(how));
	ring_open_or_close(_metadata, &r, big, 4 * PAGE, 0);
	big[3 * PAGE] = 1;
	ring_open_or_close(_metadata, &r, big, 4 * PAGE, -E2BIG);
	big[3 * PAGE] = 0;
	/* The largest len, and bit 31 (CHECK_FIELDS of 32-bit ABIs): sizes. */
	ring_open_or_close(_metadata, &r, big, UINT32_MAX, -EFAULT);
	ring_open_or_close(_metadata, &r, big, 1U << 31 | sizeof(how), -EFAULT);
	big[4 * PAGE - 1] = 1;
	ring_open_or_close(_metadata, &r, big, 1U << 31 | sizeof(how), -E2BIG);
	munmap(big, 5 * PAGE);
	close(r.fd);
}

/*
 * iommufd's ioctls read their struct by its own size field (a u32, first),
 * each op from its own minimum up (the end of its first struct's last
 * field), with the rules of a new call but no PAGE_SIZE cap (6.12's, kept:
 * a tail of any length is read and must be zero). Two ops need no device:
 * IOMMU_IOAS_ALLOC writes its struct back, as far as the size, with the new
 * IOAS's id, and IOMMU_DESTROY of an id never allocated is ENOENT. There is
 * no compat ioctl: a 32-bit caller gets ENOTTY, whatever the struct.
 */
#define IOMMU_IOAS_ALLOC_SIZE_6_12	12	/* to out_ioas_id: min, latest */
#define IOMMU_DESTROY_SIZE_6_12		8	/* to id: min, latest */
#define IOMMUFD_MEM	(4 * PAGE)	/* the most placed, then a hole */
#define IOMMUFD_IDS	64	/* more objects than the case asks for */
#define IOMMUFD_NO_ID	0x5eed	/* an id the case never gets */

/* All __u32: one layout in every ABI, checked by each ABI's build. */
static_assert(sizeof(struct iommu_ioas_alloc) == IOMMU_IOAS_ALLOC_SIZE_6_12 &&
	      offsetof(struct iommu_ioas_alloc, out_ioas_id) + 4 ==
	      IOMMU_IOAS_ALLOC_SIZE_6_12, "struct iommu_ioas_alloc is not 6.12's");
static_assert(sizeof(struct iommu_destroy) == IOMMU_DESTROY_SIZE_6_12 &&
	      offsetof(struct iommu_destroy, id) + 4 == IOMMU_DESTROY_SIZE_6_12,
	      "struct iommu_destroy is not 6.12's");

/* place() in the IOMMUFD_MEM bytes at @mem: the struct ends at the hole. */
static unsigned char *place_far(unsigned char *mem, const void *k,
				size_t ksize, __u32 size, int tail)
{
	memset(mem, 0, IOMMUFD_MEM);
	return place(mem + IOMMUFD_MEM - PAGE, k, ksize,
		     size < ksize ? ksize : size, tail);
}

/* A 64-bit caller's result: 6.12's iommufd has no compat_ioctl. */
static int iommufd_abi(int want)
{
	return sizeof(void *) == 4 ? -ENOTTY : want;
}

static long iommufd_destroy(int fd, __u32 id)
{
	struct iommu_destroy destroy = { .size = sizeof(destroy), .id = id };

	return ioctl(fd, IOMMU_DESTROY, &destroy);
}

/*
 * IOMMU_IOAS_ALLOC of the struct at @u, in the @len bytes at @mem: its
 * result. An IOAS made writes its id, a new one, into out_ioas_id (kept in
 * @ids, to destroy), the rest of the struct as it was read (the size field
 * too) and nothing past it; a failure writes nothing.
 */
static int ioas_alloc_at(struct __test_metadata *_metadata, int fd,
			 unsigned char *mem, size_t len, unsigned char *u,
			 __u32 *ids, size_t *n)
{
	unsigned char *out = u + offsetof(struct iommu_ioas_alloc, out_ioas_id);
	unsigned char before[IOMMUFD_MEM];
	__u32 id;
	size_t i;
	int ret;

	memcpy(before, mem, len);
	ret = outcome(ioctl(fd, IOMMU_IOAS_ALLOC, u));
	if (!ret) {
		memcpy(&id, out, sizeof(id));
		EXPECT_NE(0, id);
		for (i = 0; i < *n; i++)
			EXPECT_NE(ids[i], id);
		if (*n < IOMMUFD_IDS)
			ids[(*n)++] = id;
		memcpy(out, before + (out - mem), sizeof(id));
	}
	EXPECT_EQ(0, memcmp(before, mem, len)) TH_LOG("struct at +%td", u - mem);
	return ret;
}

/* IOMMU_DESTROY of the struct at @u, in the @len bytes at @mem: no write. */
static int destroy_at(struct __test_metadata *_metadata, int fd,
		      unsigned char *mem, size_t len, unsigned char *u)
{
	unsigned char before[IOMMUFD_MEM];
	int ret;

	memcpy(before, mem, len);
	ret = outcome(ioctl(fd, IOMMU_DESTROY, u));
	EXPECT_EQ(0, memcmp(before, mem, len)) TH_LOG("struct at +%td", u - mem);
	return ret;
}

TEST_F(sizes, iommufd)
{
	static const struct { __u32 size; int tail, want; } cases[] = {
		{ 0, -1, -EINVAL }, { 1, -1, -EINVAL }, { 7, -1, -EINVAL },
		{ 8, -1, 0 }, { 9, -1, 0 }, { 9, 0, -E2BIG }, { 11, -1, 0 },
		{ 12, -1, 0 }, { 13, -1, 0 }, { 13, 0, -E2BIG }, { 16, -1, 0 },
		{ 16, 0, -E2BIG }, { 16, 1, -E2BIG }, { 16, 2, -E2BIG },
		{ 20, -1, 0 }, { 20, 0, -E2BIG }, { 20, 1, -E2BIG },
		{ 20, 2, -E2BIG }, { PAGE, -1, 0 }, { PAGE, 2, -E2BIG },
		{ PAGE + 1, -1, 0 }, { PAGE + 1, 2, -E2BIG },
		{ IOMMUFD_MEM, -1, 0 }, { IOMMUFD_MEM, 1, -E2BIG },
		{ IOMMUFD_MEM, 2, -E2BIG },
	};
	/* How far a zero tail runs past the page's edge. */
	static const __u32 past[] = { 1, 8, PAGE };
	/* What IOMMU_DESTROY of each IOAS made is given: accepted sizes. */
	static const __u32 destroy_sizes[] = {
		IOMMU_DESTROY_SIZE_6_12, 9, 11, 16, PAGE, PAGE + 1, IOMMUFD_MEM,
	};
	const int made = iommufd_abi(0);
	const int no_id = iommufd_abi(-ENOENT);
	const int fault = iommufd_abi(-EFAULT);
	struct iommu_ioas_alloc alloc = {};
	struct iommu_destroy destroy = {};
	__u32 ids[IOMMUFD_IDS], id;
	unsigned char *mem, *u;
	size_t i, n = 0;
	int fd, want;

	fd = open("/dev/iommu", O_RDWR | O_CLOEXEC);
	ASSERT_LE(0, fd) TH_LOG("no /dev/iommu (CONFIG_IOMMUFD=y): %s",
				strerror(errno));
	mem = mmap(NULL, IOMMUFD_MEM + PAGE, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ASSERT_TRUE(mem != MAP_FAILED);
	ASSERT_EQ(0, mprotect(mem + IOMMUFD_MEM, PAGE, PROT_NONE));
	destroy.id = IOMMUFD_NO_ID;
	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		__u32 size = cases[i].size;

		/* IOMMU_IOAS_ALLOC: from its end (12) up; below it EINVAL. */
		want = iommufd_abi(size < IOMMU_IOAS_ALLOC_SIZE_6_12 ?
				   -EINVAL : cases[i].want);
		alloc.size = size;
		u = place_far(mem, &alloc, sizeof(alloc), size, cases[i].tail);
		EXPECT_EQ(want, ioas_alloc_at(_metadata, fd, mem, IOMMUFD_MEM,
					      u, ids, &n))
			TH_LOG("ioas_alloc size %u", size);

		/* IOMMU_DESTROY: from its end (8) up; an id never made. */
		want = iommufd_abi(cases[i].want ?: -ENOENT);
		destroy.size = size;
		u = place_far(mem, &destroy, sizeof(destroy), size,
			      cases[i].tail);
		EXPECT_EQ(want, destroy_at(_metadata, fd, mem, IOMMUFD_MEM, u))
			TH_LOG("destroy size %u", size);
	}
	/* Unaligned; and ending at the page's edge, the next one a hole. */
	alloc.size = sizeof(alloc);
	memset(self->page, 0, PAGE);
	memcpy(self->page + 1, &alloc, sizeof(alloc));
	EXPECT_EQ(made, ioas_alloc_at(_metadata, fd, self->page, PAGE,
				      self->page + 1, ids, &n));
	u = place(self->page, &alloc, sizeof(alloc), sizeof(alloc), -1);
	EXPECT_EQ(made, ioas_alloc_at(_metadata, fd, self->page, PAGE, u, ids,
				      &n));
	destroy.size = sizeof(destroy);
	memset(self->page, 0, PAGE);
	memcpy(self->page + 1, &destroy, sizeof(destroy));
	EXPECT_EQ(no_id, destroy_at(_metadata, fd, self->page, PAGE,
				    self->page + 1));
	u = place(self->page, &destroy, sizeof(destroy), sizeof(destroy), -1);
	EXPECT_EQ(no_id, destroy_at(_metadata, fd, self->page, PAGE, u));
	/* One byte of the struct, or of its zero tail, past the page. */
	u = place(self->page, &alloc, sizeof(alloc), sizeof(alloc) - 1, -1);
	EXPECT_EQ(fault, ioas_alloc_at(_metadata, fd, self->page, PAGE, u,
				       ids, &n));
	u = place(self->page, &destroy, sizeof(destroy), sizeof(destroy) - 1,
		  -1);
	EXPECT_EQ(fault, destroy_at(_metadata, fd, self->page, PAGE, u));
	for (i = 0; i < ARRAY_SIZE(past); i++) {
		alloc.size = sizeof(alloc) + past[i];
		u = place(self->page, &alloc, sizeof(alloc), sizeof(alloc), -1);
		EXPECT_EQ(fault, ioas_alloc_at(_metadata, fd, self->page, PAGE,
					       u, ids, &n))
			TH_LOG("ioas_alloc size %u", alloc.size);
		destroy.size = sizeof(destroy) + past[i];
		u = place(self->page, &destroy, sizeof(destroy),
			  sizeof(destroy), -1);
		EXPECT_EQ(fault, destroy_at(_metadata, fd, self->page, PAGE, u))
			TH_LOG("destroy size %u", destroy.size);
	}
	/* The size field itself unreadable. */
	EXPECT_EQ(fault, outcome(ioctl(fd, IOMMU_IOAS_ALLOC, NULL)));
	EXPECT_EQ(fault, outcome(ioctl(fd, IOMMU_DESTROY, NULL)));
	memset(self->page, 0, PAGE);
	EXPECT_EQ(fault, ioas_alloc_at(_metadata, fd, self->page, PAGE,
				       self->page + PAGE - 2, ids, &n));
	EXPECT_EQ(fault, destroy_at(_metadata, fd, self->page, PAGE,
				    self->page + PAGE - 2));
	/* No cap: the largest size, bit 31 too, reads zeros up to the hole. */
	alloc.size = UINT32_MAX;
	memset(mem, 0, IOMMUFD_MEM);
	memcpy(mem, &alloc, sizeof(alloc));
	EXPECT_EQ(fault, ioas_alloc_at(_metadata, fd, mem, IOMMUFD_MEM, mem,
				       ids, &n));
	alloc.size = 1U << 31 | sizeof(alloc);
	memcpy(mem, &alloc, sizeof(alloc));
	EXPECT_EQ(fault, ioas_alloc_at(_metadata, fd, mem, IOMMUFD_MEM, mem,
				       ids, &n));
	destroy.size = UINT32_MAX;
	memset(mem, 0, IOMMUFD_MEM);
	memcpy(mem, &destroy, sizeof(destroy));
	EXPECT_EQ(fault, destroy_at(_metadata, fd, mem, IOMMUFD_MEM, mem));
	/* A struct of a good size is read: its fields are checked. */
	alloc.size = sizeof(alloc);
	alloc.flags = 1;
	EXPECT_EQ(iommufd_abi(-EOPNOTSUPP),
		  ioas_alloc_at(_metadata, fd, (unsigned char *)&alloc,
				sizeof(alloc), (unsigned char *)&alloc, ids,
				&n));
	alloc.flags = 0;
	/* The write-back faults: EFAULT, the IOAS made undone. */
	u = place(self->page, &alloc, sizeof(alloc), sizeof(alloc), -1);
	ASSERT_EQ(0, mprotect(self->page, PAGE, PROT_READ));
	EXPECT_EQ(fault, outcome(ioctl(fd, IOMMU_IOAS_ALLOC, u)));
	ASSERT_EQ(0, mprotect(self->page, PAGE, PROT_READ | PROT_WRITE));
	/* The command must match exactly, checked once the size is read. */
	EXPECT_EQ(-ENOTTY, outcome(ioctl(fd, _IOC(_IOC_WRITE, IOMMUFD_TYPE,
						  IOMMUFD_CMD_IOAS_ALLOC,
						  sizeof(alloc)), &alloc)));
	EXPECT_EQ(fault, outcome(ioctl(fd, _IOC(_IOC_WRITE, IOMMUFD_TYPE,
						IOMMUFD_CMD_IOAS_ALLOC,
						sizeof(alloc)), NULL)));
	/* Each IOAS made is there, once: destroyed at every accepted size. */
	for (i = 0; i < n; i++) {
		destroy.size = destroy_sizes[i % ARRAY_SIZE(destroy_sizes)];
		destroy.id = ids[i];
		u = place_far(mem, &destroy, sizeof(destroy), destroy.size, -1);
		EXPECT_EQ(0, destroy_at(_metadata, fd, mem, IOMMUFD_MEM, u))
			TH_LOG("id %u, destroy size %u", ids[i], destroy.size);
		EXPECT_EQ(-ENOENT, outcome(iommufd_destroy(fd, ids[i])))
			TH_LOG("id %u", ids[i]);
	}
	/*
	 * And nothing else: a failed call left no object. An object's id is
	 * the lowest free one from 1 (xa_alloc() of XA_FLAGS_ALLOC1), so a
	 * leaked one is among the first IOMMUFD_IDS.
	 */
	for (id = 1; id <= IOMMUFD_IDS; id++)
		EXPECT_EQ(no_id, outcome(iommufd_destroy(fd, id)))
			TH_LOG("id %u", id);
	munmap(mem, IOMMUFD_MEM + PAGE);
	close(fd);
}

/*
 * iommu driver data: the struct of a driver's own type that
 * IOMMU_HWPT_ALLOC carries (data_type, data_uptr, data_len) and the array
 * of them of IOMMU_HWPT_INVALIDATE (data_type, data_uptr, entry_len,
 * entry_num), read by iommu_copy_struct_from_user() and its array form.
 * Their size rules are iommu's, not a new call's: EINVAL below the
 * driver's minimum (the end of its first struct's last field) and EINVAL
 * above its struct, whatever the tail (no tail is read, zero or not); then
 * EFAULT for a byte that cannot be read. IOMMU_HWPT_ALLOC refuses a data
 * type with no data; IOMMU_HWPT_INVALIDATE refuses an entry_len of 0 or
 * above PAGE_SIZE, and a NULL array, before it looks the HWPT up, and
 * writes back, whatever the result, the number of entries done. The mock
 * driver of CONFIG_IOMMUFD_TEST has one of each: a nested HWPT's struct
 * iommu_hwpt_selftest, whose iotlb sets its four iotlb values, and struct
 * iommu_hwpt_invalidate_selftest entries, each clearing one. There is no
 * compat ioctl: a 32-bit caller gets ENOTTY, whatever the call.
 */

#define IOMMU_HWPT_SELFTEST_SIZE_6_12	4	/* to iotlb: min, latest */
#define IOMMU_INVALIDATE_SELFTEST_SIZE_6_12	8 /* to iotlb_id: min, latest */
#define IOMMU_INVALIDATE_NUM_MAX_6_12	0x80000U /* 1 << 19: hw_pagetable.c's */
#define IOMMU_MOCK_IOTLB	0x5eed0000	/* a nested HWPT's (+ case) */

/* All __u32: one layout in every ABI, checked by each ABI's build. */
static_assert(sizeof(struct iommu_hwpt_selftest) ==
	      IOMMU_HWPT_SELFTEST_SIZE_6_12 &&
	      offsetof(struct iommu_hwpt_selftest, iotlb) + 4 ==
	      IOMMU_HWPT_SELFTEST_SIZE_6_12,
	      "struct iommu_hwpt_selftest is not 6.12's");
static_assert(sizeof(struct iommu_hwpt_invalidate_selftest) ==
	      IOMMU_INVALIDATE_SELFTEST_SIZE_6_12 &&
	      offsetof(struct iommu_hwpt_invalidate_selftest, iotlb_id) + 4 ==
	      IOMMU_INVALIDATE_SELFTEST_SIZE_6_12,
	      "struct iommu_hwpt_invalidate_selftest is not 6.12's");
static_assert(MOCK_NESTED_DOMAIN_IOTLB_NUM == 4 &&
	      MOCK_NESTED_DOMAIN_IOTLB_ID_MAX == 3,
	      "the mock's iotlb is not 6.12's");

/* The objects a nested HWPT of the mock driver is made on. */
struct mock_nest {
	__u32 ioas;
	__u32 stdev;	/* the mock device, attached to the IOAS */
	__u32 idev;	/* its iommufd device */
	__u32 hwpt;	/* the HWPT it is attached to, made with it */
	__u32 parent;	/* a nesting parent HWPT on the IOAS */
};

static int iommu_test_cmd(int fd, struct iommu_test_cmd *cmd)
{
	cmd->size = sizeof(*cmd);
	return outcome(ioctl(fd, IOMMU_TEST_CMD, cmd));
}

/* IOMMU_HWPT_ALLOC: its result, and in @id the out_hwpt_id written back. */
static int hwpt_alloc(int fd, __u32 dev_id, __u32 pt_id, __u32 flags,
		      __u32 type, const void *data, __u32 len, __u32 *id)
{
	struct iommu_hwpt_alloc cmd = {
		.size = sizeof(cmd),
		.flags = flags,
		.dev_id = dev_id,
		.pt_id = pt_id,
		.data_type = type,
		.data_len = len,
		.data_uptr = (uintptr_t)data,
	};
	int ret = outcome(ioctl(fd, IOMMU_HWPT_ALLOC, &cmd));

	*id = cmd.out_hwpt_id;
	return ret;
}

/* IOMMU_HWPT_INVALIDATE: its result, and in @num the entry_num written. */
static int hwpt_invalidate(int fd, __u32 hwpt_id, __u32 type, const void *u,
			   __u32 len, __u32 *num)
{
	struct iommu_hwpt_invalidate cmd = {
		.size = sizeof(cmd),
		.hwpt_id = hwpt_id,
		.data_uptr = (uintptr_t)u,
		.data_type = type,
		.entry_len = len,
		.entry_num = *num,
	};
	int ret = outcome(ioctl(fd, IOMMU_HWPT_INVALIDATE, &cmd));

	*num = cmd.entry_num;
	return ret;
}

/* IOMMU_DESTROY of @id: it is there, once. */
static void destroy_once(struct __test_metadata *_metadata, int fd, __u32 id)
{
	EXPECT_EQ(iommufd_abi(0), outcome(iommufd_destroy(fd, id)))
		TH_LOG("id %u", id);
	EXPECT_EQ(iommufd_abi(-ENOENT), outcome(iommufd_destroy(fd, id)))
		TH_LOG("id %u", id);
}

/* The mock's iotlb values of @hwpt: 0 at the ids in @cleared, or @iotlb. */
static void check_iotlb(struct __test_metadata *_metadata, int fd, __u32 hwpt,
			__u32 iotlb, unsigned int cleared)
{
	struct iommu_test_cmd cmd = {
		.op = IOMMU_TEST_OP_MD_CHECK_IOTLB,
		.id = hwpt,
	};
	__u32 i;

	for (i = 0; i < MOCK_NESTED_DOMAIN_IOTLB_NUM; i++) {
		cmd.check_iotlb.id = i;
		cmd.check_iotlb.iotlb = cleared & (1U << i) ? 0 : iotlb;
		EXPECT_EQ(iommufd_abi(0), iommu_test_cmd(fd, &cmd))
			TH_LOG("hwpt %u, iotlb %u", hwpt, i);
	}
	/* Any other value is EINVAL: the check checks. */
	cmd.check_iotlb.id = 0;
	cmd.check_iotlb.iotlb = (cleared & 1 ? 0 : iotlb) + 1;
	EXPECT_EQ(iommufd_abi(-EINVAL), iommu_test_cmd(fd, &cmd))
		TH_LOG("hwpt %u", hwpt);
}

/* An IOAS, a mock device attached to it and a nesting parent HWPT on it. */
static void mock_nest_setup(struct __test_metadata *_metadata, int fd,
			    struct mock_nest *n)
{
	struct iommu_ioas_alloc alloc = { .size = sizeof(alloc) };
	struct iommu_test_cmd cmd = { .op = IOMMU_TEST_OP_MOCK_DOMAIN };

	ASSERT_EQ(iommufd_abi(0), outcome(ioctl(fd, IOMMU_IOAS_ALLOC, &alloc)));
	n->ioas = alloc.out_ioas_id;
	cmd.id = n->ioas;
	ASSERT_EQ(iommufd_abi(0), iommu_test_cmd(fd, &cmd));
	n->stdev = cmd.mock_domain.out_stdev_id;
	n->idev = cmd.mock_domain.out_idev_id;
	n->hwpt = cmd.mock_domain.out_hwpt_id;
	ASSERT_EQ(iommufd_abi(0),
		  hwpt_alloc(fd, n->idev, n->ioas, IOMMU_HWPT_ALLOC_NEST_PARENT,
			     IOMMU_HWPT_DATA_NONE, NULL, 0, &n->parent));
}

/*
 * Each object of @n, once. The device's iommufd device and HWPT are busy
 * while it is there and go with it; the IOAS is busy while a HWPT is on it.
 */
static void mock_nest_destroy(struct __test_metadata *_metadata, int fd,
			      const struct mock_nest *n)
{
	const int busy = iommufd_abi(-EBUSY), gone = iommufd_abi(-ENOENT);

	EXPECT_EQ(busy, outcome(iommufd_destroy(fd, n->ioas)));
	destroy_once(_metadata, fd, n->parent);
	EXPECT_EQ(busy, outcome(iommufd_destroy(fd, n->idev)));
	EXPECT_EQ(busy, outcome(iommufd_destroy(fd, n->hwpt)));
	destroy_once(_metadata, fd, n->stdev);
	EXPECT_EQ(gone, outcome(iommufd_destroy(fd, n->idev)));
	EXPECT_EQ(gone, outcome(iommufd_destroy(fd, n->hwpt)));
	destroy_once(_metadata, fd, n->ioas);
}

/*
 * A nested HWPT on @n's parent from the @len bytes of @type at @u: its
 * result. Only one made writes its id back; it has its data's @iotlb in
 * each iotlb value, and is destroyed.
 */
static int nested_at(struct __test_metadata *_metadata, int fd,
		     const struct mock_nest *n, __u32 type, const void *u,
		     __u32 len, __u32 iotlb)
{
	__u32 id;
	int ret;

	ret = hwpt_alloc(fd, n->idev, n->parent, 0, type, u, len, &id);
	if (ret) {
		EXPECT_EQ(0U, id);
		return ret;
	}
	EXPECT_NE(0U, id);
	check_iotlb(_metadata, fd, id, iotlb, 0);
	destroy_once(_metadata, fd, id);
	return ret;
}

/*
 * @num entries of @len bytes that end at the page's edge, the j-th
 * clearing iotlb j, each with place()'s @tail: the array.
 */
static unsigned char *entries_at(unsigned char *page, __u32 len, __u32 num,
				 int tail)
{
	struct iommu_hwpt_invalidate_selftest inv = {};
	unsigned char *u = page + PAGE - (size_t)len * num, *e;
	__u32 j;

	memset(page, 0, PAGE);
	for (j = 0; j < num; j++) {
		e = u + (size_t)j * len;
		inv.iotlb_id = j;
		memcpy(e, &inv, len < sizeof(inv) ? len : sizeof(inv));
		if (tail >= 0 && len > sizeof(inv))
			e[sizeof(inv) + (len - sizeof(inv)) * tail / 2 -
			  (tail == 2)] = 0x80;
	}
	return u;
}

/*
 * IOMMU_HWPT_INVALIDATE of @num entries of @len bytes of @type at @u, in
 * @page, on a nested HWPT made for it: its result. Whatever the result it
 * writes @done back, the iotlb values of the first @done entries (0 to
 * @done - 1) are cleared, the others kept, and no entry is written; the
 * HWPT is destroyed.
 */
static int invalidate_at(struct __test_metadata *_metadata, int fd,
			 const struct mock_nest *n, const unsigned char *page,
			 __u32 type, const void *u, __u32 len, __u32 num,
			 __u32 done)
{
	struct iommu_hwpt_selftest data = { .iotlb = IOMMU_MOCK_IOTLB };
	unsigned char before[PAGE];
	__u32 hwpt, left = num;
	int ret;

	EXPECT_EQ(iommufd_abi(0),
		  hwpt_alloc(fd, n->idev, n->parent, 0,
			     IOMMU_HWPT_DATA_SELFTEST, &data, sizeof(data),
			     &hwpt));
	memcpy(before, page, PAGE);
	ret = hwpt_invalidate(fd, hwpt, type, u, len, &left);
	EXPECT_EQ(0, memcmp(before, page, PAGE));
	/* 32-bit: the struct is neither read nor written. */
	EXPECT_EQ(sizeof(void *) == 4 ? num : done, left)
		TH_LOG("entry_len %u, entry_num %u", len, num);
	check_iotlb(_metadata, fd, hwpt, data.iotlb, (1U << done) - 1);
	destroy_once(_metadata, fd, hwpt);
	return ret;
}

TEST_F(sizes, iommu_driver_data)
{
	/* IOMMU_HWPT_ALLOC's data_len, its data at the page's edge. */
	static const struct { __u32 len; int tail, want; } data_cases[] = {
		{ 0, -1, -EINVAL }, { 1, -1, -EINVAL },
		{ IOMMU_HWPT_SELFTEST_SIZE_6_12 - 1, -1, -EINVAL },
		{ IOMMU_HWPT_SELFTEST_SIZE_6_12, -1, 0 },
		{ IOMMU_HWPT_SELFTEST_SIZE_6_12 + 1, -1, -EINVAL },
		{ IOMMU_HWPT_SELFTEST_SIZE_6_12 + 1, 0, -EINVAL },
		{ 16, -1, -EINVAL }, { 16, 2, -EINVAL },
		{ PAGE, -1, -EINVAL }, { PAGE, 2, -EINVAL },
	};
	/* IOMMU_HWPT_INVALIDATE's entry_len and entry_num, the same way. */
	static const struct {
		__u32 len, num;
		int tail, want;
		__u32 done;
	} entry_cases[] = {
		{ 0, 1, -1, -EINVAL, 0 }, { 1, 1, -1, -EINVAL, 0 },
		{ IOMMU_INVALIDATE_SELFTEST_SIZE_6_12 - 1, 1, -1, -EINVAL, 0 },
		{ IOMMU_INVALIDATE_SELFTEST_SIZE_6_12, 1, -1, 0, 1 },
		{ IOMMU_INVALIDATE_SELFTEST_SIZE_6_12, 3, -1, 0, 3 },
		{ IOMMU_INVALIDATE_SELFTEST_SIZE_6_12 + 1, 1, -1, -EINVAL, 0 },
		{ IOMMU_INVALIDATE_SELFTEST_SIZE_6_12 + 1, 1, 0, -EINVAL, 0 },
		{ IOMMU_INVALIDATE_SELFTEST_SIZE_6_12 + 8, 2, -1, -EINVAL, 0 },
		{ IOMMU_INVALIDATE_SELFTEST_SIZE_6_12 + 8, 2, 2, -EINVAL, 0 },
		{ PAGE, 1, -1, -EINVAL, 0 }, { PAGE, 1, 2, -EINVAL, 0 },
		{ IOMMU_INVALIDATE_SELFTEST_SIZE_6_12, 0, -1, 0, 0 },
	};
	/*
	 * The bounds checked before the HWPT is looked up, on an id never
	 * made: EINVAL if refused, ENOENT if not, nothing done either way.
	 */
	static const struct {
		__u32 len, num;
		bool null;
		int want;
	} bound_cases[] = {
		{ 0, 1, false, -EINVAL },
		{ IOMMU_INVALIDATE_SELFTEST_SIZE_6_12, 1, true, -EINVAL },
		{ PAGE, 1, false, -ENOENT }, { PAGE + 1, 1, false, -EINVAL },
		{ UINT32_MAX, 1, false, -EINVAL },
		{ IOMMU_INVALIDATE_SELFTEST_SIZE_6_12,
		  IOMMU_INVALIDATE_NUM_MAX_6_12, false, -ENOENT },
		{ IOMMU_INVALIDATE_SELFTEST_SIZE_6_12,
		  IOMMU_INVALIDATE_NUM_MAX_6_12 + 1, false, -EINVAL },
		{ 0, 0, true, -ENOENT }, { PAGE + 1, 0, false, -ENOENT },
	};
	const __u32 inv_len = IOMMU_INVALIDATE_SELFTEST_SIZE_6_12;
	const __u32 selftest = IOMMU_HWPT_INVALIDATE_DATA_SELFTEST;
	const __u32 other = IOMMU_HWPT_INVALIDATE_DATA_SELFTEST_INVALID;
	const bool compat = sizeof(void *) == 4;
	const int inval = iommufd_abi(-EINVAL);
	const int fault = iommufd_abi(-EFAULT);
	struct iommu_test_cmd probe = {
		.op = IOMMU_TEST_OP_MD_CHECK_IOTLB,
		.id = IOMMUFD_NO_ID,
	};
	struct iommu_hwpt_selftest data = {};
	unsigned char before[PAGE];
	struct mock_nest n = {};
	__u32 id, num, bad;
	unsigned char *u;
	int fd, ret;
	size_t i;

	fd = open("/dev/iommu", O_RDWR | O_CLOEXEC);
	ASSERT_LE(0, fd) TH_LOG("no /dev/iommu (CONFIG_IOMMUFD=y): %s",
				strerror(errno));
	/* IOMMU_TEST_CMD is there: ENOENT for an id never made. */
	ret = iommu_test_cmd(fd, &probe);
	ASSERT_EQ(iommufd_abi(-ENOENT), ret)
		TH_LOG("no mock driver (CONFIG_IOMMUFD_TEST=y)?");
	mock_nest_setup(_metadata, fd, &n);

	/* A nested HWPT's data: its data_len, its data never written. */
	for (i = 0; i < ARRAY_SIZE(data_cases); i++) {
		data.iotlb = IOMMU_MOCK_IOTLB + i;
		u = place(self->page, &data, sizeof(data), data_cases[i].len,
			  data_cases[i].tail);
		memcpy(before, self->page, PAGE);
		EXPECT_EQ(iommufd_abi(data_cases[i].want),
			  nested_at(_metadata, fd, &n, IOMMU_HWPT_DATA_SELFTEST,
				    u, data_cases[i].len, data.iotlb))
			TH_LOG("data_len %u", data_cases[i].len);
		EXPECT_EQ(0, memcmp(before, self->page, PAGE));
	}
	/* Unaligned; one byte past the page's edge; unreadable. */
	data.iotlb = IOMMU_MOCK_IOTLB;
	memset(self->page, 0, PAGE);
	memcpy(self->page + 1, &data, sizeof(data));
	EXPECT_EQ(iommufd_abi(0),
		  nested_at(_metadata, fd, &n, IOMMU_HWPT_DATA_SELFTEST,
			    self->page + 1, sizeof(data), data.iotlb));
	u = self->page + PAGE - sizeof(data) + 1;
	memcpy(u, &data, sizeof(data) - 1);
	EXPECT_EQ(fault, nested_at(_metadata, fd, &n, IOMMU_HWPT_DATA_SELFTEST,
				   u, sizeof(data), data.iotlb));
	EXPECT_EQ(fault, nested_at(_metadata, fd, &n, IOMMU_HWPT_DATA_SELFTEST,
				   NULL, sizeof(data), data.iotlb));
	EXPECT_EQ(fault, nested_at(_metadata, fd, &n, IOMMU_HWPT_DATA_SELFTEST,
				   self->page + PAGE, sizeof(data),
				   data.iotlb));
	/* The length is checked first: nothing is read at a wrong one. */
	EXPECT_EQ(inval, nested_at(_metadata, fd, &n, IOMMU_HWPT_DATA_SELFTEST,
				   NULL, sizeof(data) - 1, data.iotlb));
	EXPECT_EQ(inval, nested_at(_metadata, fd, &n, IOMMU_HWPT_DATA_SELFTEST,
				   NULL, sizeof(data) + 1, data.iotlb));
	EXPECT_EQ(inval, nested_at(_metadata, fd, &n, IOMMU_HWPT_DATA_SELFTEST,
				   NULL, PAGE + 1, data.iotlb));
	EXPECT_EQ(inval, nested_at(_metadata, fd, &n, IOMMU_HWPT_DATA_SELFTEST,
				   NULL, UINT32_MAX, data.iotlb));
	/* The type: the mock's own, with data; none, without. */
	u = place(self->page, &data, sizeof(data), sizeof(data), -1);
	EXPECT_EQ(iommufd_abi(-EOPNOTSUPP),
		  nested_at(_metadata, fd, &n, IOMMU_HWPT_DATA_SELFTEST + 1, u,
			    sizeof(data), data.iotlb));
	EXPECT_EQ(inval, nested_at(_metadata, fd, &n,
				   IOMMU_HWPT_DATA_SELFTEST + 1, u, 0,
				   data.iotlb));
	EXPECT_EQ(inval, nested_at(_metadata, fd, &n, IOMMU_HWPT_DATA_NONE, u,
				   sizeof(data), data.iotlb));
	EXPECT_EQ(iommufd_abi(-EOPNOTSUPP),
		  nested_at(_metadata, fd, &n, IOMMU_HWPT_DATA_NONE, NULL, 0,
			    data.iotlb));

	/* Invalidation entries: their entry_len and entry_num. */
	for (i = 0; i < ARRAY_SIZE(entry_cases); i++) {
		u = entries_at(self->page, entry_cases[i].len,
			       entry_cases[i].num, entry_cases[i].tail);
		EXPECT_EQ(iommufd_abi(entry_cases[i].want),
			  invalidate_at(_metadata, fd, &n, self->page, selftest,
					u, entry_cases[i].len,
					entry_cases[i].num,
					entry_cases[i].done))
			TH_LOG("entry_len %u, entry_num %u", entry_cases[i].len,
			       entry_cases[i].num);
	}
	/* Above PAGE_SIZE, refused; with no entry, nothing is checked. */
	EXPECT_EQ(inval, invalidate_at(_metadata, fd, &n, self->page, selftest,
				       self->page, PAGE + 1, 1, 0));
	EXPECT_EQ(iommufd_abi(0), invalidate_at(_metadata, fd, &n, self->page,
						selftest, NULL, 0, 0, 0));
	EXPECT_EQ(iommufd_abi(0), invalidate_at(_metadata, fd, &n, self->page,
						selftest, self->page,
						PAGE + 1, 0, 0));
	/* Another type is refused, even with no entry. */
	u = entries_at(self->page, inv_len, 1, -1);
	EXPECT_EQ(inval, invalidate_at(_metadata, fd, &n, self->page, other,
				       u, inv_len, 1, 0));
	EXPECT_EQ(inval, invalidate_at(_metadata, fd, &n, self->page, other,
				       u, inv_len, 0, 0));
	/* Unaligned entries. */
	u = entries_at(self->page, inv_len, 2, -1);
	memmove(self->page + 1, u, 2 * inv_len);
	EXPECT_EQ(iommufd_abi(0), invalidate_at(_metadata, fd, &n, self->page,
						selftest, self->page + 1,
						inv_len, 2, 2));
	/* The third entry crosses the page's edge: two are done. */
	u = entries_at(self->page, inv_len, 3, -1);
	memmove(u + inv_len / 2, u, 3 * inv_len - inv_len / 2);
	EXPECT_EQ(fault, invalidate_at(_metadata, fd, &n, self->page, selftest,
				       u + inv_len / 2, inv_len, 3, 2));
	/* The only one, by a byte; or unreadable. */
	u = entries_at(self->page, inv_len, 1, -1);
	memmove(u + 1, u, inv_len - 1);
	EXPECT_EQ(fault, invalidate_at(_metadata, fd, &n, self->page, selftest,
				       u + 1, inv_len, 1, 0));
	EXPECT_EQ(fault, invalidate_at(_metadata, fd, &n, self->page, selftest,
				       self->page + PAGE, inv_len, 1, 0));
	/* An entry of a good size is read: its fields are checked. */
	u = entries_at(self->page, inv_len, 2, -1);
	bad = MOCK_NESTED_DOMAIN_IOTLB_ID_MAX + 1;
	memcpy(u + inv_len + offsetof(struct iommu_hwpt_invalidate_selftest,
				      iotlb_id), &bad, sizeof(bad));
	EXPECT_EQ(inval, invalidate_at(_metadata, fd, &n, self->page, selftest,
				       u, inv_len, 2, 1));
	u = entries_at(self->page, inv_len, 2, -1);
	bad = IOMMU_TEST_INVALIDATE_FLAG_ALL << 1;
	memcpy(u, &bad, sizeof(bad));
	EXPECT_EQ(iommufd_abi(-EOPNOTSUPP),
		  invalidate_at(_metadata, fd, &n, self->page, selftest, u,
				inv_len, 2, 0));
	/* Bounds, on an id never made; and only a nested HWPT is one. */
	for (i = 0; i < ARRAY_SIZE(bound_cases); i++) {
		num = bound_cases[i].num;
		EXPECT_EQ(iommufd_abi(bound_cases[i].want),
			  hwpt_invalidate(fd, IOMMUFD_NO_ID, selftest,
					  bound_cases[i].null ? NULL :
					  self->page, bound_cases[i].len,
					  &num))
			TH_LOG("entry_len %u, entry_num %u", bound_cases[i].len,
			       bound_cases[i].num);
		EXPECT_EQ(compat ? bound_cases[i].num : 0, num);
	}
	num = 1;
	u = entries_at(self->page, inv_len, 1, -1);
	EXPECT_EQ(iommufd_abi(-ENOENT),
		  hwpt_invalidate(fd, n.parent, selftest, u, inv_len, &num));
	EXPECT_EQ(compat ? 1U : 0U, num);

	mock_nest_destroy(_metadata, fd, &n);
	/* And nothing else: a failed call left no object (ids from 1). */
	for (id = 1; id <= IOMMUFD_IDS; id++)
		EXPECT_EQ(iommufd_abi(-ENOENT),
			  outcome(iommufd_destroy(fd, id)))
			TH_LOG("id %u", id);
	close(fd);
}

/*
 * CHECK_FIELDS: the struct as written back up to the size asked, zeroes
 * past the kernel's struct, bytes past the size untouched, EEXTSYS_NOOP,
 * nothing done.
 */
FIXTURE(check_fields)
{
	unsigned char buf[256];
	int fds;
};

FIXTURE_SETUP(check_fields)
{
	memset(self->buf, 0xa5, sizeof(self->buf));
	self->fds = count_fds();
}

FIXTURE_TEARDOWN(check_fields)
{
	EXPECT_EQ(self->fds, count_fds());
}

/* Bytes [from, to) of @buf are @v. */
static bool all_bytes(const unsigned char *buf, size_t from, size_t to,
		      unsigned char v)
{
	while (from < to)
		if (buf[from++] != v)
			return false;
	return true;
}

TEST_F(check_fields, openat2)
{
	struct open_how *how = (struct open_how *)self->buf;

	EXPECT_EQ(-EEXTSYS_NOOP, outcome(sys_openat2("/", how, sizeof(*how) |
						    CHECK_FIELDS)));
	EXPECT_EQ(OPEN_FLAGS_6_12, how->flags);
	EXPECT_EQ(OPEN_MODES_6_12, how->mode);
	EXPECT_EQ(RESOLVE_FLAGS_6_12, how->resolve);
	EXPECT_TRUE(all_bytes(self->buf, sizeof(*how), sizeof(self->buf),
			      0xa5));

	/* A newer caller's fields: zeroed, up to its size and no further. */
	memset(self->buf, 0xa5, sizeof(self->buf));
	EXPECT_EQ(-EEXTSYS_NOOP,
		  outcome(sys_openat2("/nonexistent", how, 64 | CHECK_FIELDS)));
	EXPECT_EQ(OPEN_FLAGS_6_12, how->flags);
	EXPECT_TRUE(all_bytes(self->buf, sizeof(*how), 64, 0));
	EXPECT_TRUE(all_bytes(self->buf, 64, sizeof(self->buf), 0xa5));

	/*
	 * Every flag it did not list is refused, but for bit 25, the kernel's
	 * own __FMODE_NONOTIFY, which build_open_flags() drops unseen.
	 */
	for (int bit = 0; bit < 64; bit++) {
		struct open_how one = { .flags = 1ULL << bit };
		long fd;

		if (one.flags & OPEN_FLAGS_6_12 || bit == 25)
			continue;
		fd = sys_openat2("/", &one, sizeof(one));
		EXPECT_EQ(-EINVAL, outcome(fd)) TH_LOG("flag bit %d", bit);
		if (fd >= 0)
			close(fd);
	}

	/* Sizes it refuses are refused first. */
	memset(self->buf, 0xa5, sizeof(self->buf));
	EXPECT_EQ(-EINVAL, outcome(sys_openat2("/", how, CHECK_FIELDS)));
	EXPECT_EQ(-EINVAL, outcome(sys_openat2("/", how, 16 | CHECK_FIELDS)));
	EXPECT_EQ(-E2BIG, outcome(sys_openat2("/", how,
					      (PAGE + 1) | CHECK_FIELDS)));
	EXPECT_TRUE(all_bytes(self->buf, 0, sizeof(self->buf), 0xa5));
	EXPECT_EQ(-EFAULT, outcome(sys_openat2("/", NULL, 24 | CHECK_FIELDS)));
}

/* clone3() with @args: 0 if it made a child that exited 0, else -errno. */
static int clone3_runs(struct clone_args *args)
{
	int status;
	long pid = sys_clone3(args, sizeof(*args));

	if (pid == 0)
		_exit(0);
	if (pid < 0)
		return -errno;
	if (waitpid(pid, &status, __WALL) != pid)
		return -ECHILD;
	return WIFEXITED(status) && !WEXITSTATUS(status) ? 0 : -ECHILD;
}

static const __u64 namespace_flags[] = {
	CLONE_NEWNS, CLONE_NEWUTS, CLONE_NEWIPC, CLONE_NEWUSER, CLONE_NEWPID,
	CLONE_NEWNET, CLONE_NEWCGROUP, CLONE_NEWTIME,
};

/* The namespaces this kernel cannot create: clone3() refuses them. */
static __u64 unbuilt_namespaces(void)
{
	__u64 unbuilt = 0;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(namespace_flags); i++) {
		struct clone_args one = {
			.flags = namespace_flags[i], .exit_signal = SIGCHLD,
		};

		if (clone3_runs(&one) == -EINVAL)
			unbuilt |= namespace_flags[i];
	}
	return unbuilt;
}

TEST_F(check_fields, clone3)
{
	struct clone_args *args = (struct clone_args *)self->buf;
	/* 6.12's flags, but the namespaces the kernel was built without */
	const __u64 flags = CLONE3_FLAGS_6_12 & ~unbuilt_namespaces();

	EXPECT_EQ(-EEXTSYS_NOOP, outcome(sys_clone3(args, sizeof(*args) |
						   CHECK_FIELDS)));
	/* No child. */
	EXPECT_EQ(-1, waitpid(-1, NULL, WNOHANG));
	EXPECT_EQ(ECHILD, errno);
	EXPECT_EQ(flags, args->flags);
	EXPECT_EQ(CLONE3_EXIT_SIGNAL_6_12, args->exit_signal);
	EXPECT_EQ(UINT64_MAX, args->pidfd);
	EXPECT_EQ(UINT64_MAX, args->child_tid);
	EXPECT_EQ(UINT64_MAX, args->parent_tid);
	EXPECT_EQ(UINT64_MAX, args->stack);
	EXPECT_EQ(UINT64_MAX, args->stack_size);
	EXPECT_EQ(UINT64_MAX, args->tls);
	EXPECT_EQ(UINT64_MAX, args->set_tid);
	EXPECT_EQ(CLONE3_SET_TID_SIZE_6_12, args->set_tid_size);
	EXPECT_EQ(INT32_MAX, args->cgroup);
	EXPECT_TRUE(all_bytes(self->buf, sizeof(*args), sizeof(self->buf),
			      0xa5));

	/* An older caller gets its own size's worth. */
	memset(self->buf, 0xa5, sizeof(self->buf));
	EXPECT_EQ(-EEXTSYS_NOOP, outcome(sys_clone3(args, CLONE_ARGS_SIZE_VER0 |
						   CHECK_FIELDS)));
	EXPECT_EQ(flags, args->flags);
	EXPECT_TRUE(all_bytes(self->buf, CLONE_ARGS_SIZE_VER0,
			      sizeof(self->buf), 0xa5));

	/* Flags it did not list are refused. */
	for (int bit = 0; bit < 64; bit++) {
		struct clone_args one = { .flags = 1ULL << bit };

		if (one.flags & flags)
			continue;
		EXPECT_EQ(-EINVAL, outcome(sys_clone3(&one, sizeof(one))))
			TH_LOG("flag bit %d", bit);
	}

	EXPECT_EQ(-EINVAL, outcome(sys_clone3(args, 8 | CHECK_FIELDS)));
	EXPECT_EQ(-E2BIG, outcome(sys_clone3(args, (PAGE + 1) | CHECK_FIELDS)));
	EXPECT_EQ(-EFAULT, outcome(sys_clone3(NULL, 88 | CHECK_FIELDS)));
}

/*
 * The root cgroup, cgroup2 mounted in a mount namespace of the test's own
 * if no one mounted it; -1 without cgroups.
 */
static int cgroup_root(void)
{
	if (access("/sys/fs/cgroup", F_OK))
		return -1;
	if (access("/sys/fs/cgroup/cgroup.procs", F_OK) &&
	    (unshare(CLONE_NEWNS) ||
	     syscall(__NR_mount, NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) ||
	     syscall(__NR_mount, "cgroup2", "/sys/fs/cgroup", "cgroup2", 0,
		     NULL)))
		return -1;
	return open("/sys/fs/cgroup", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
}

/*
 * clone3()'s flags both ways: each namespace answered is created and each
 * other refused; each flag a child can take without a stack of its own
 * is answered and, with what it needs, makes one. CLONE_VM, CLONE_SIGHAND,
 * CLONE_THREAD and CLONE_SETTLS need a child that runs on a stack or TLS
 * of its own, CLONE_PARENT one that is not the caller's: not tried here.
 */
TEST(check_fields_clone3_flags_both_ways)
{
	const __u64 simple[] = {
		CLONE_FS, CLONE_FILES, CLONE_SYSVSEM, CLONE_UNTRACED, CLONE_IO,
		CLONE_CLEAR_SIGHAND, CLONE_PTRACE, CLONE_VFORK, CLONE_PIDFD,
		CLONE_PARENT_SETTID, CLONE_CHILD_SETTID, CLONE_CHILD_CLEARTID,
		CLONE_INTO_CGROUP,
	};
	struct clone_args answer = {};
	int pidfd = -1, tid = 0, cgroup;
	size_t i;

	ASSERT_EQ(-EEXTSYS_NOOP, outcome(sys_clone3(&answer, sizeof(answer) |
						   CHECK_FIELDS)));
	for (i = 0; i < ARRAY_SIZE(namespace_flags); i++) {
		struct clone_args one = {
			.flags = namespace_flags[i], .exit_signal = SIGCHLD,
		};
		int want = answer.flags & namespace_flags[i] ? 0 : -EINVAL;

		EXPECT_EQ(want, clone3_runs(&one))
			TH_LOG("namespace flag %#llx",
			       (unsigned long long)namespace_flags[i]);
	}

	/* Without cgroups, any descriptor; with them, the root's. */
	cgroup = cgroup_root();
	for (i = 0; i < ARRAY_SIZE(simple); i++) {
		struct clone_args one = {
			.flags = simple[i], .exit_signal = SIGCHLD,
			.pidfd = (uintptr_t)&pidfd,
			.parent_tid = (uintptr_t)&tid,
			.child_tid = (uintptr_t)&tid,
			.cgroup = cgroup < 0 ? 0 : cgroup,
		};

		EXPECT_TRUE(answer.flags & simple[i])
			TH_LOG("flag %#llx", (unsigned long long)simple[i]);
		EXPECT_EQ(0, clone3_runs(&one))
			TH_LOG("flag %#llx", (unsigned long long)simple[i]);
		if (simple[i] == CLONE_PIDFD) {
			EXPECT_LE(0, pidfd);
			close(pidfd);
		}
	}
	if (cgroup >= 0)
		close(cgroup);
}

/*
 * clone3(@args, @size) with the child's first instructions its exit(0),
 * so that a child sharing this stack (CLONE_VM, no stack given) touches
 * no memory: it returns in the parent only, the child's id or -errno.
 */
long clone3_exit_at_once(void *args, size_t size, long nr_clone3,
			 long nr_exit);

asm(".text\n"
	".globl clone3_exit_at_once\n"
	".type clone3_exit_at_once, @function\n"
	"clone3_exit_at_once:\n"
#ifdef __i386__
	"	push %ebx\n"
	"	mov 8(%esp), %ebx\n"
	"	mov 12(%esp), %ecx\n"
	"	mov 16(%esp), %eax\n"
	"	mov 20(%esp), %edx\n"
	"	int $0x80\n"
	"	test %eax, %eax\n"
	"	jnz 1f\n"
	"	mov %edx, %eax\n"
	"	xor %ebx, %ebx\n"
	"	int $0x80\n"
	"1:	pop %ebx\n"
#else
#ifdef __ILP32__
	/* Zero-extended: an x32 caller leaves the upper halves undefined. */
	"	movl %edi, %edi\n"
	"	movl %esi, %esi\n"
#endif
	"	movl %edx, %eax\n"
	/* The syscall instruction leaves %r8 alone, in the child too. */
	"	movl %ecx, %r8d\n"
	"	syscall\n"
	"	test %rax, %rax\n"
	"	jnz 1f\n"
	"	mov %r8, %rax\n"
	"	xor %edi, %edi\n"
	"	syscall\n"
	"1:\n"
#endif
	"	ret\n"
	".size clone3_exit_at_once, . - clone3_exit_at_once\n");

/*
 * clone3(@args) through clone3_exit_at_once(), and the child waited for: a
 * thread by CLONE_CHILD_CLEARTID's wake, a process by waitpid(). 0 if it
 * ran, else -errno.
 */
static int clone3_shared_runs(struct clone_args *args)
{
	static int tid;
	int status, t;
	long pid;

	/* A child of its own memory clears its own copy. */
	if (args->flags & CLONE_VM) {
		args->flags |= CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID;
		args->parent_tid = (uintptr_t)&tid;
		args->child_tid = (uintptr_t)&tid;
	}
	pid = clone3_exit_at_once(args, sizeof(*args), __NR_clone3, __NR_exit);
	if (pid < 0)
		return pid;
	while ((t = __atomic_load_n(&tid, __ATOMIC_ACQUIRE)))
		syscall(__NR_futex, &tid, FUTEX_WAIT, t, NULL, NULL, 0);
	if (args->flags & CLONE_THREAD)
		return 0;
	if (waitpid(pid, &status, __WALL) != pid)
		return -ECHILD;
	return WIFEXITED(status) && !WEXITSTATUS(status) ? 0 : -ECHILD;
}

/*
 * The flags that share this process with the child, or give the child a
 * parent or TLS of its own: each claimed and accepted by the real call,
 * with the flags it needs. A CLONE_PARENT child is a sibling, so a child
 * makes it, and this process, their parent, waits for it.
 */
TEST(check_fields_clone3_shared_flags_both_ways)
{
	struct clone_args answer = {}, one;
	struct {
		__u64 flag, with;
	} const shared[] = {
		{ CLONE_VM, 0 },
		{ CLONE_SIGHAND, CLONE_VM },
		{ CLONE_THREAD, CLONE_VM | CLONE_SIGHAND },
		{ CLONE_SETTLS, 0 },
	};
	__u64 tls = (uintptr_t)&answer;
#ifdef __i386__
	struct user_desc desc = {};
	unsigned short gs;
#endif
	long *sibling;
	pid_t child;
	int status;
	size_t i;

	ASSERT_EQ(-EEXTSYS_NOOP, outcome(sys_clone3(&answer, sizeof(answer) |
						   CHECK_FIELDS)));
#ifdef __i386__
	/* A 32-bit TLS is a user_desc: this thread's own, then. */
	asm("mov %%gs, %0" : "=r" (gs));
	desc.entry_number = gs >> 3;
	ASSERT_EQ(0, syscall(__NR_get_thread_area, &desc));
	tls = (uintptr_t)&desc;
#endif
	for (i = 0; i < ARRAY_SIZE(shared); i++) {
		one = (struct clone_args) {
			.flags = shared[i].flag | shared[i].with,
			.exit_signal = shared[i].flag == CLONE_THREAD ? 0 :
									SIGCHLD,
			.tls = tls,
		};
		EXPECT_TRUE(answer.flags & shared[i].flag)
			TH_LOG("flag %#llx", (unsigned long long)shared[i].flag);
		EXPECT_EQ(0, clone3_shared_runs(&one))
			TH_LOG("flag %#llx", (unsigned long long)shared[i].flag);
	}

	EXPECT_TRUE(answer.flags & CLONE_PARENT);
	sibling = mmap(NULL, sizeof(*sibling), PROT_READ | PROT_WRITE,
		       MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	ASSERT_TRUE(sibling != MAP_FAILED);
	*sibling = 0;
	child = fork();
	ASSERT_LE(0, child);
	if (child == 0) {
		/* The sibling gets this child's exit signal: none is given. */
		struct clone_args parent = { .flags = CLONE_PARENT };

		long pid = sys_clone3(&parent, sizeof(parent));

		/* The sibling shares *sibling too: only its maker writes. */
		if (pid == 0)
			_exit(0);
		*sibling = pid < 0 ? -errno : pid;
		_exit(pid > 0 ? 0 : 1);
	}
	ASSERT_EQ(child, waitpid(child, &status, 0));
	EXPECT_TRUE(WIFEXITED(status) && !WEXITSTATUS(status))
		TH_LOG("clone3(CLONE_PARENT): %s", strerror((int)-*sibling));
	if (*sibling > 0) {
		EXPECT_EQ(*sibling, waitpid(*sibling, &status, __WALL));
		EXPECT_TRUE(WIFEXITED(status) && !WEXITSTATUS(status));
	}
	ASSERT_EQ(0, munmap(sibling, sizeof(*sibling)));
}

/*
 * openat2()'s answer both ways: each flag answered opens, with what it
 * needs (a mode to create, a directory for O_DIRECTORY and O_TMPFILE, a
 * new name for O_EXCL); each mode bit answered creates, the next is
 * refused; each resolve bit answered resolves a name under its dirfd.
 */
TEST(check_fields_openat2_both_ways)
{
	char dir[] = "/tmp/check_fields.XXXXXX";
	struct open_how answer = {};
	int dfd, bit, n = 0;
	char name[32];
	long fd;

	fd = sys_openat2("/", &answer, sizeof(answer) | CHECK_FIELDS);
	ASSERT_EQ(-EEXTSYS_NOOP, outcome(fd));
	ASSERT_TRUE(mkdtemp(dir) == dir);
	dfd = open(dir, O_PATH | O_DIRECTORY | O_CLOEXEC);
	ASSERT_LE(0, dfd);
	fd = openat(dfd, "file", O_CREAT | O_WRONLY | O_CLOEXEC, 0600);
	ASSERT_LE(0, fd);
	close(fd);

	/* O_RDONLY is 0: the access modes are bits 0 and 1. */
	for (bit = 0; bit < 64; bit++) {
		struct open_how how = { .flags = 1ULL << bit };
		const char *path = "file";

		if (!(answer.flags & how.flags))
			continue;
		if (how.flags & (O_CREAT | O_EXCL)) {
			how.flags |= O_CREAT | O_EXCL;
			how.mode = 0600;
			snprintf(name, sizeof(name), "new.%d", n++);
			path = name;
		} else if (how.flags & (O_DIRECTORY | __O_TMPFILE)) {
			if (how.flags & __O_TMPFILE) {
				how.flags |= O_TMPFILE | O_RDWR;
				how.mode = 0600;
			}
			path = ".";
		} else if (how.flags & O_TRUNC) {
			how.flags |= O_WRONLY;
		}
		fd = syscall(__NR_openat2, dfd, path, &how, sizeof(how));
		EXPECT_LE(0, fd) TH_LOG("flags %#llx: %s",
					(unsigned long long)how.flags,
					strerror(errno));
		if (fd >= 0)
			close(fd);
	}

	/* Modes: each bit answered creates, the first one past is refused. */
	for (bit = 0; bit < 32; bit++) {
		struct open_how how = {
			.flags = O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC,
			.mode = 1ULL << bit,
		};

		snprintf(name, sizeof(name), "mode.%d", bit);
		fd = syscall(__NR_openat2, dfd, name, &how, sizeof(how));
		EXPECT_EQ(how.mode & answer.mode ? 0 : -EINVAL,
			  fd >= 0 ? 0 : outcome(fd))
			TH_LOG("mode %#llx", (unsigned long long)how.mode);
		if (fd >= 0)
			close(fd);
	}
	/* All of the answer at once, too. */
	{
		struct open_how how = {
			.flags = O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC,
			.mode = answer.mode,
		};

		fd = syscall(__NR_openat2, dfd, "mode.all", &how, sizeof(how));
		EXPECT_LE(0, fd);
		if (fd >= 0)
			close(fd);
	}

	/* Each resolve bit answered resolves a plain name under the dirfd. */
	for (bit = 0; bit < 64; bit++) {
		struct open_how how = {
			.flags = O_RDONLY | O_CLOEXEC, .resolve = 1ULL << bit,
		};

		if (!(answer.resolve & how.resolve))
			continue;
		fd = syscall(__NR_openat2, dfd, "file", &how, sizeof(how));
		EXPECT_LE(0, fd) TH_LOG("resolve %#llx: %s",
					(unsigned long long)how.resolve,
					strerror(errno));
		if (fd >= 0)
			close(fd);
	}
	close(dfd);
}

/*
 * clone3()'s numbers: the largest answered passes the call's checks, one
 * more is refused. Each is told apart from a later refusal by the errno
 * of the step after the check.
 */
TEST(check_fields_clone3_numbers)
{
	struct clone_args args = {};
	int status;
	long pid;

	ASSERT_EQ(-EEXTSYS_NOOP, outcome(sys_clone3(&args, sizeof(args) |
						   CHECK_FIELDS)));
	ASSERT_EQ(CLONE3_EXIT_SIGNAL_6_12, args.exit_signal);

	/* The child's exit signal, an RT signal, must not end the test. */
	ASSERT_TRUE(signal(CLONE3_EXIT_SIGNAL_6_12, SIG_IGN) != SIG_ERR);
	args = (struct clone_args){ .exit_signal = CLONE3_EXIT_SIGNAL_6_12 };
	pid = sys_clone3(&args, sizeof(args));
	if (pid == 0)
		_exit(0);
	ASSERT_LT(0, pid);
	ASSERT_EQ(pid, waitpid(pid, &status, __WALL));
	EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	args.exit_signal++;
	EXPECT_EQ(-EINVAL, outcome(sys_clone3(&args, sizeof(args))));

	/* set_tid is read only once its size passed: EFAULT, then EINVAL. */
	args = (struct clone_args){
		.exit_signal = SIGCHLD,
		.set_tid = (uintptr_t)edge_page() + PAGE,
		.set_tid_size = CLONE3_SET_TID_SIZE_6_12,
	};
	ASSERT_NE(PAGE, args.set_tid);
	EXPECT_EQ(-EFAULT, outcome(sys_clone3(&args, sizeof(args))));
	args.set_tid_size++;
	EXPECT_EQ(-EINVAL, outcome(sys_clone3(&args, sizeof(args))));

	/*
	 * The cgroup descriptor is looked up once it passed: EBADF, or a
	 * child where the kernel has no cgroups; then EINVAL.
	 */
	args = (struct clone_args){
		.flags = CLONE_INTO_CGROUP, .exit_signal = SIGCHLD,
		.cgroup = INT32_MAX,
	};
	pid = sys_clone3(&args, sizeof(args));
	if (pid == 0)
		_exit(0);
	EXPECT_TRUE(pid > 0 ? waitpid(pid, &status, 0) == pid : errno == EBADF);
	args.cgroup++;
	EXPECT_EQ(-EINVAL, outcome(sys_clone3(&args, sizeof(args))));
	EXPECT_EQ(-1, waitpid(-1, NULL, __WALL | WNOHANG));
}

TEST_F(check_fields, mount_setattr)
{
	struct mount_attr *attr = (struct mount_attr *)self->buf;
	static char before[65536], after[65536];

	ASSERT_LT(0, read_mounts(before, sizeof(before)));
	/* A request to change "/" with it: nothing changes. */
	attr->attr_set = MOUNT_ATTR_RDONLY;
	EXPECT_EQ(-EEXTSYS_NOOP, outcome(sys_mount_setattr("/", AT_RECURSIVE,
							   attr, 40 |
							   CHECK_FIELDS)));
	ASSERT_LT(0, read_mounts(after, sizeof(after)));
	EXPECT_STREQ(before, after);
	EXPECT_EQ(MOUNT_ATTR_SET_6_12, attr->attr_set);
	EXPECT_EQ(MOUNT_ATTR_CLR_6_12, attr->attr_clr);
	EXPECT_EQ(MOUNT_PROPAGATION_6_12, attr->propagation);
	EXPECT_EQ(INT32_MAX, attr->userns_fd);
	EXPECT_TRUE(all_bytes(self->buf, sizeof(*attr), 40, 0));
	EXPECT_TRUE(all_bytes(self->buf, 40, sizeof(self->buf), 0xa5));

	/* Attributes it did not list are refused. */
	for (int bit = 0; bit < 64; bit++) {
		struct mount_attr one = { .attr_set = 1ULL << bit };

		if (one.attr_set & MOUNT_ATTR_SET_6_12)
			continue;
		EXPECT_EQ(-EINVAL, outcome(sys_mount_setattr("/", 0, &one,
							     sizeof(one))))
			TH_LOG("attribute bit %d", bit);
	}

	EXPECT_EQ(-EINVAL, outcome(sys_mount_setattr("/", 1U << 31, attr,
						     40 | CHECK_FIELDS)));
	EXPECT_EQ(-EINVAL, outcome(sys_mount_setattr("/", 0, attr,
						     16 | CHECK_FIELDS)));
	EXPECT_EQ(-E2BIG, outcome(sys_mount_setattr("/", 0, attr,
						    (PAGE + 1) |
						    CHECK_FIELDS)));
}

TEST_F(check_fields, landlock_create_ruleset)
{
	struct landlock_ruleset_attr *attr =
		(struct landlock_ruleset_attr *)self->buf;
	__u32 flags;
	size_t size;

	EXPECT_EQ(-EEXTSYS_NOOP,
		  outcome(sys_landlock_create_ruleset(attr, 40 | CHECK_FIELDS,
						      0)));
	EXPECT_EQ(LANDLOCK_ACCESS_FS_6_12, attr->handled_access_fs);
	EXPECT_EQ(LANDLOCK_ACCESS_NET_6_12, attr->handled_access_net);
	EXPECT_EQ(LANDLOCK_SCOPE_6_12, attr->scoped);
	EXPECT_TRUE(all_bytes(self->buf, sizeof(*attr), 40, 0));
	EXPECT_TRUE(all_bytes(self->buf, 40, sizeof(self->buf), 0xa5));

	/* An older caller's struct gets the fields it knows. */
	memset(self->buf, 0xa5, sizeof(self->buf));
	size = LANDLOCK_RULESET_ATTR_SIZE_1 | CHECK_FIELDS;
	EXPECT_EQ(-EEXTSYS_NOOP,
		  outcome(sys_landlock_create_ruleset(attr, size, 0)));
	EXPECT_EQ(LANDLOCK_ACCESS_FS_6_12, attr->handled_access_fs);
	EXPECT_TRUE(all_bytes(self->buf, LANDLOCK_RULESET_ATTR_SIZE_1,
			      sizeof(self->buf), 0xa5));

	/* Flags, refused sizes and no struct fail as they would without it. */
	size = sizeof(*attr) | CHECK_FIELDS;
	flags = LANDLOCK_CREATE_RULESET_VERSION;
	EXPECT_EQ(-EINVAL,
		  outcome(sys_landlock_create_ruleset(attr, size, flags)));
	EXPECT_EQ(-EFAULT, outcome(sys_landlock_create_ruleset(NULL, size, 0)));
	size = CHECK_FIELDS;
	EXPECT_EQ(-EINVAL, outcome(sys_landlock_create_ruleset(attr, size, 0)));
	size = 7 | CHECK_FIELDS;
	EXPECT_EQ(-EINVAL, outcome(sys_landlock_create_ruleset(attr, size, 0)));
	size = (PAGE + 1) | CHECK_FIELDS;
	EXPECT_EQ(-E2BIG, outcome(sys_landlock_create_ruleset(attr, size, 0)));
}

/* A ruleset handling only @attr, enforced on a child: 0 or an errno. */
static int landlock_enforced(struct landlock_ruleset_attr *attr)
{
	int fd = sys_landlock_create_ruleset(attr, sizeof(*attr), 0);
	int status;
	pid_t pid;

	if (fd < 0)
		return -errno;
	pid = fork();
	if (pid == 0)
		_exit(prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) ||
		      syscall(__NR_landlock_restrict_self, fd, 0) ? 1 : 0);
	close(fd);
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return -ECHILD;
	return WIFEXITED(status) && !WEXITSTATUS(status) ? 0 : -EPERM;
}

/*
 * Both ways: every bit landlock_create_ruleset() answers makes a ruleset
 * that a process can enforce on itself; every other bit is refused.
 */
TEST(check_fields_landlock_both_ways)
{
	struct landlock_ruleset_attr answer = {};

	ASSERT_EQ(-EEXTSYS_NOOP,
		  outcome(sys_landlock_create_ruleset(&answer, sizeof(answer) |
						      CHECK_FIELDS, 0)));
	for (int bit = 0; bit < 64; bit++) {
		__u64 b = 1ULL << bit;
		struct landlock_ruleset_attr fs = { .handled_access_fs = b };
		struct landlock_ruleset_attr net = { .handled_access_net = b };
		struct landlock_ruleset_attr scoped = { .scoped = b };

		EXPECT_EQ(b & answer.handled_access_fs ? 0 : -EINVAL,
			  landlock_enforced(&fs))
			TH_LOG("handled_access_fs bit %d", bit);
		EXPECT_EQ(b & answer.handled_access_net ? 0 : -EINVAL,
			  landlock_enforced(&net))
			TH_LOG("handled_access_net bit %d", bit);
		EXPECT_EQ(b & answer.scoped ? 0 : -EINVAL,
			  landlock_enforced(&scoped))
			TH_LOG("scoped bit %d", bit);
	}
}

/* A user namespace with one mapping, as a descriptor; -1 on failure. */
static int userns_fd(void)
{
	char path[64], map[] = "0 100000 1";
	int sync[2], fd = -1, i;
	pid_t pid;

	if (pipe(sync))
		return -1;
	pid = fork();
	if (pid == 0) {
		char c;

		close(sync[1]);
		if (unshare(CLONE_NEWUSER))
			_exit(1);
		/* Wait until the parent has the namespace, then go. */
		_exit(read(sync[0], &c, 1) == 0 ? 0 : 1);
	}
	close(sync[0]);
	if (pid < 0)
		goto out;
	/* The child's namespace exists once its uid_map can be written. */
	for (i = 0; i < 1000 && fd < 0; i++) {
		int m;

		snprintf(path, sizeof(path), "/proc/%d/uid_map", pid);
		m = open(path, O_WRONLY);
		if (m >= 0 && write(m, map, strlen(map)) == (ssize_t)strlen(map)) {
			snprintf(path, sizeof(path), "/proc/%d/gid_map", pid);
			close(m);
			m = open(path, O_WRONLY);
			if (m >= 0 && write(m, map, strlen(map)) ==
				      (ssize_t)strlen(map)) {
				snprintf(path, sizeof(path), "/proc/%d/ns/user",
					 pid);
				fd = open(path, O_RDONLY | O_CLOEXEC);
			}
		}
		if (m >= 0)
			close(m);
		if (fd < 0)
			usleep(1000);
	}
out:
	close(sync[1]);
	if (pid > 0)
		waitpid(pid, NULL, 0);
	return fd;
}

/* mount_setattr() on @fd itself, as a detached mount is changed. */
static long setattr_fd(int fd, struct mount_attr *attr)
{
	return syscall(__NR_mount_setattr, fd, "", AT_EMPTY_PATH, attr,
		       sizeof(*attr));
}

/*
 * Both ways: every bit mount_setattr() answers is accepted by the real
 * call on a real mount, with the companions it needs; every other bit is
 * refused, companions or not; the largest user namespace descriptor
 * passes the range check, one more does not.
 */
TEST(check_fields_mount_setattr_both_ways)
{
	char dir[] = "/tmp/check-fields-XXXXXX";
	struct mount_attr answer = {}, idmap = { .attr_set = MOUNT_ATTR_IDMAP };
	int ns, tree;

	ASSERT_EQ(-EEXTSYS_NOOP,
		  outcome(sys_mount_setattr("/", 0, &answer, sizeof(answer) |
					    CHECK_FIELDS)));
	/* The test's own mounts, gone with its process. */
	ASSERT_EQ(0, unshare(CLONE_NEWNS));
	ASSERT_EQ(0, syscall(__NR_mount, NULL, "/", NULL, MS_REC | MS_PRIVATE,
			     NULL));
	ASSERT_TRUE(mkdtemp(dir) == dir);
	ASSERT_EQ(0, syscall(__NR_mount, "tmpfs", dir, "tmpfs", 0, NULL));

	for (int bit = 0; bit < 64; bit++) {
		__u64 b = 1ULL << bit;
		struct mount_attr set = { .attr_set = b };
		struct mount_attr clr = { .attr_clr = b };
		struct mount_attr prop = { .propagation = b };
		/* An atime value is set with all of MOUNT_ATTR__ATIME cleared. */
		__u64 atime = b & MOUNT_ATTR__ATIME ? MOUNT_ATTR__ATIME : 0;

		set.attr_clr = atime;
		clr.attr_clr |= atime;
		if (b == MOUNT_ATTR_IDMAP) {
			/* On a detached mount, to a mapped namespace. */
			tree = syscall(__NR_open_tree, AT_FDCWD, dir,
				       OPEN_TREE_CLONE | OPEN_TREE_CLOEXEC);
			ns = userns_fd();
			ASSERT_LE(0, tree);
			ASSERT_LE(0, ns);
			set.userns_fd = ns;
			EXPECT_EQ(b & answer.attr_set ? 0 : -EINVAL,
				  outcome(setattr_fd(tree, &set)))
				TH_LOG("attr_set bit %d", bit);
			close(ns);
			close(tree);
		} else {
			EXPECT_EQ(b & answer.attr_set ? 0 : -EINVAL,
				  outcome(sys_mount_setattr(dir, 0, &set,
							    sizeof(set))))
				TH_LOG("attr_set bit %d", bit);
		}
		EXPECT_EQ(b & answer.attr_clr ? 0 : -EINVAL,
			  outcome(sys_mount_setattr(dir, 0, &clr, sizeof(clr))))
			TH_LOG("attr_clr bit %d", bit);
		EXPECT_EQ(b & answer.propagation ? 0 : -EINVAL,
			  outcome(sys_mount_setattr(dir, 0, &prop,
						    sizeof(prop))))
			TH_LOG("propagation bit %d", bit);
	}

	/* The range of userns_fd is checked before the descriptor. */
	EXPECT_EQ(INT32_MAX, answer.userns_fd);
	idmap.userns_fd = answer.userns_fd;
	tree = syscall(__NR_open_tree, AT_FDCWD, dir,
		       OPEN_TREE_CLONE | OPEN_TREE_CLOEXEC);
	ASSERT_LE(0, tree);
	EXPECT_EQ(-EBADF, outcome(setattr_fd(tree, &idmap)));
	idmap.userns_fd++;
	EXPECT_EQ(-EINVAL, outcome(setattr_fd(tree, &idmap)));
	close(tree);
	EXPECT_EQ(0, syscall(__NR_umount2, dir, 0));
	EXPECT_EQ(0, rmdir(dir));
}

/* Without privilege it still answers: a probe changes nothing. */
TEST(check_fields_unprivileged_mount_setattr)
{
	struct mount_attr attr = {};
	pid_t pid = fork();
	int status;

	ASSERT_LE(0, pid);
	if (pid == 0) {
		if (setgid(65534) || setuid(65534))
			_exit(2);
		if (sys_mount_setattr("/", 0, &attr, sizeof(attr)) != -1 ||
		    errno != EPERM)
			_exit(3);
		if (sys_mount_setattr("/", 0, &attr,
				      sizeof(attr) | CHECK_FIELDS) != -1 ||
		    errno != EEXTSYS_NOOP)
			_exit(4);
		_exit(attr.attr_set == MOUNT_ATTR_SET_6_12 ? 0 : 5);
	}
	ASSERT_EQ(pid, waitpid(pid, &status, 0));
	EXPECT_TRUE(WIFEXITED(status));
	EXPECT_EQ(0, WEXITSTATUS(status));
}

/* The self-sized calls take no CHECK_FIELDS: its bit is a size too big. */
TEST(check_fields_not_in_self_sized_calls)
{
	struct perf_event_attr pattr;
	struct sched_attr sattr;

	perf_attr_at(&pattr, 1U << 31 | sizeof(pattr));
	EXPECT_EQ(-E2BIG, outcome(sys_perf_event_open(&pattr)));
	EXPECT_EQ(PERF_ATTR_SIZE_6_12, pattr.size);
	sched_attr_at(&sattr, 1U << 31 | sizeof(sattr));
	EXPECT_EQ(-E2BIG, outcome(sys_sched_setattr(&sattr, 0)));
	EXPECT_EQ(SCHED_ATTR_SIZE_6_12, sattr.size);
}

TEST_HARNESS_MAIN
