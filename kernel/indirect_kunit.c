// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for indirect(): the white-list lookup and the params copy.
 * The selftests in tools/testing/selftests/indirect/ cover the system call
 * as user space sees it.
 */

#include <kunit/test.h>
#include <linux/indirect.h>
#include <linux/mman.h>
#include <linux/namei.h>
#include <linux/net.h>
#include <linux/uaccess.h>
#include <asm/indirect.h>

#include "indirect_internal.h"

MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING);

/* The index each ABI dispatches @nr under. */
static u64 table_index(enum indirect_abi abi, u64 nr)
{
#ifdef INDIRECT_X32_SYSCALL_BIT
	if (abi == INDIRECT_ABI_X32)
		return nr - INDIRECT_X32_SYSCALL_BIT;
#endif
	return nr;
}

static int check_resolve(enum indirect_abi abi, u64 nr, u64 arg0,
			 u64 file_flags, u64 resolve)
{
	const struct indirect_kparams params = {
		.file_flags = INDIRECT_FD(file_flags),
		.resolve = resolve,
	};
	unsigned int safe_nr = UINT_MAX;
	int ret = indirect_check_call(nr, arg0, abi, &params, &safe_nr);

	/* An allowed call is dispatched under its own number. */
	if (!ret && safe_nr != table_index(abi, nr))
		return -ERANGE;
	return ret;
}

static int check_args(enum indirect_abi abi, u64 nr, u64 arg0, u64 file_flags)
{
	return check_resolve(abi, nr, arg0, file_flags, 0);
}

static int check(enum indirect_abi abi, u64 nr, u64 file_flags)
{
	return check_args(abi, nr, 0, file_flags);
}

/*
 * A path call takes every RESOLVE_* bit it honours; one that creates,
 * removes or renames answers RESOLVE_CACHED with EAGAIN; any other bit,
 * and any bit at all for a call without a path, is refused.
 */
static void expect_resolve(struct kunit *test, enum indirect_abi abi, u64 nr,
			   u64 resolve)
{
	int i, want;

	KUNIT_EXPECT_EQ_MSG(test, 0, check_resolve(abi, nr, 0, 0, resolve),
			    "nr %llu", nr);
	for (i = 0; i < 64; i++) {
		if (BIT_ULL(i) & resolve)
			want = 0;
		else if (resolve && BIT_ULL(i) == RESOLVE_CACHED)
			want = -EAGAIN;
		else
			want = -EINVAL;
		KUNIT_EXPECT_EQ_MSG(test, want,
				    check_resolve(abi, nr, 0, 0, BIT_ULL(i)),
				    "nr %llu, resolve bit %d", nr, i);
	}
}

static void expect_listed(struct kunit *test, enum indirect_abi abi, u64 nr,
			  u64 file_flags, u64 resolve)
{
	int i;

	expect_resolve(test, abi, nr, resolve);

	KUNIT_EXPECT_EQ_MSG(test, 0, check(abi, nr, 0), "nr %llu", nr);
	KUNIT_EXPECT_EQ_MSG(test, 0, check(abi, nr, file_flags),
			    "nr %llu", nr);
	/* Each flag the call does not honour is refused on its own. */
	for (i = 0; i < 64; i++) {
		if (BIT_ULL(i) & INDIRECT_FD_ALL & ~file_flags)
			KUNIT_EXPECT_EQ_MSG(test, -EINVAL,
					    check(abi, nr, BIT_ULL(i)),
					    "nr %llu, flag bit %d", nr, i);
	}
}

struct listed_call {
	u64 nr;
	u64 file_flags;
	u64 resolve;
};

static const struct listed_call native_listed[] = {
#define INDIRECT_SYSCALL(name, flags, resolve)				\
	{ INDIRECT_NATIVE_NR(name), flags, resolve },
#include <linux/indirect_syscalls.h>
};

/*
 * Every entry of the white list is allowed, with exactly its flags, and
 * nothing else from @first to @first + @nr_syscalls is.
 */
static void expect_exactly(struct kunit *test, enum indirect_abi abi,
			   const struct listed_call *listed, unsigned int n,
			   u64 first, unsigned int nr_syscalls)
{
	unsigned int i, allowed = 0;

	for (i = 0; i < n; i++)
		expect_listed(test, abi, first + listed[i].nr,
			      listed[i].file_flags, listed[i].resolve);
	for (i = 0; i < nr_syscalls; i++)
		allowed += !check(abi, first + i, 0);
	KUNIT_EXPECT_EQ(test, allowed, n);
}

static void indirect_native_list_test(struct kunit *test)
{
	expect_exactly(test, INDIRECT_ABI_NATIVE, native_listed,
		       ARRAY_SIZE(native_listed), 0,
		       INDIRECT_NATIVE_NR_SYSCALLS);
}

static void indirect_native_refused_test(struct kunit *test)
{
	static const u64 refused[] = {
		__NR_indirect, __NR_exit, __NR_exit_group, __NR_execve,
		__NR_execveat, __NR_clone, __NR_clone3, __NR_fork,
		__NR_vfork, __NR_rt_sigreturn, __NR_restart_syscall,
		__NR_accept4, __NR_pipe2, __NR_dup3, __NR_eventfd2,
		NR_syscalls, U32_MAX, U64_MAX,
		/* high bits must not be dropped on the way to the table */
		BIT_ULL(32) | __NR_socket, BIT_ULL(63) | __NR_dup,
		__X32_SYSCALL_BIT | __NR_socket,
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(refused); i++)
		KUNIT_EXPECT_EQ_MSG(test, -EINVAL,
				    check(INDIRECT_ABI_NATIVE, refused[i], 0),
				    "nr %llu", refused[i]);
}

#ifdef INDIRECT_X32_SYSCALL_BIT
static void indirect_x32_list_test(struct kunit *test)
{
	static const u64 refused[] = {
		/* no bit: a native number */
		__NR_socket, __NR_dup, __NR_accept,
		__X32_SYSCALL_BIT | __NR_indirect,
		__X32_SYSCALL_BIT | __NR_x32_rt_sigreturn,
		__X32_SYSCALL_BIT | X32_NR_syscalls,
		__X32_SYSCALL_BIT - 1, BIT_ULL(32) | __X32_SYSCALL_BIT,
		U64_MAX,
	};
	unsigned int i;

	expect_exactly(test, INDIRECT_ABI_X32, native_listed,
		       ARRAY_SIZE(native_listed), __X32_SYSCALL_BIT,
		       X32_NR_syscalls);
	for (i = 0; i < ARRAY_SIZE(refused); i++)
		KUNIT_EXPECT_EQ_MSG(test, -EINVAL,
				    check(INDIRECT_ABI_X32, refused[i], 0),
				    "nr %#llx", refused[i]);
}
#else
static void indirect_x32_list_test(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, -EINVAL,
			check(INDIRECT_ABI_X32, __X32_SYSCALL_BIT, 0));
}
#endif

#ifdef INDIRECT_COMPAT_NR
static const struct listed_call compat_listed[] = {
#define INDIRECT_SYSCALL(name, flags, resolve)				\
	{ INDIRECT_COMPAT_NR(name), flags, resolve },
#define INDIRECT_SYSCALL_NATIVE(...)
#define INDIRECT_SYSCALL_COMPAT INDIRECT_SYSCALL
#include <linux/indirect_syscalls.h>
};

static void indirect_compat_list_test(struct kunit *test)
{
	/* socketcall() is allowed for some operations, tested below. */
	expect_exactly(test, INDIRECT_ABI_COMPAT, compat_listed,
		       ARRAY_SIZE(compat_listed), 0,
		       INDIRECT_COMPAT_NR_SYSCALLS);

	/* The two ABIs number calls differently: 41 is socket vs dup. */
	KUNIT_EXPECT_EQ(test, 41, __NR_socket);
	KUNIT_EXPECT_EQ(test, 41, __NR_ia32_dup);
	KUNIT_EXPECT_EQ(test, -EINVAL,
			check(INDIRECT_ABI_COMPAT, 41, INDIRECT_FD_NONBLOCK));
	KUNIT_EXPECT_EQ(test, 0,
			check(INDIRECT_ABI_NATIVE, 41, INDIRECT_FD_NONBLOCK));
	KUNIT_EXPECT_EQ(test, -EINVAL,
			check(INDIRECT_ABI_COMPAT, __NR_ia32_execve, 0));
	KUNIT_EXPECT_EQ(test, -EINVAL,
			check(INDIRECT_ABI_COMPAT, __NR_ia32_indirect, 0));
	KUNIT_EXPECT_EQ(test, -EINVAL,
			check(INDIRECT_ABI_COMPAT, IA32_NR_syscalls, 0));
	KUNIT_EXPECT_EQ(test, -EINVAL,
			check(INDIRECT_ABI_COMPAT,
			      BIT_ULL(32) | __NR_ia32_socket, 0));
}
#else
static void indirect_compat_list_test(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, -EINVAL, check(INDIRECT_ABI_COMPAT, 0, 0));
}
#endif

#ifdef INDIRECT_COMPAT_SOCKETCALL_NR
static void indirect_socketcall_test(struct kunit *test)
{
	const u64 nr = INDIRECT_COMPAT_SOCKETCALL_NR;
	static const struct listed_call ops[] = {
#define INDIRECT_SYSCALL(...)
#define INDIRECT_SOCKETCALL(op, name) { op, INDIRECT_HONOURS(name), 0 },
#include <linux/indirect_syscalls.h>
	};
	unsigned int i, allowed = 0;
	u64 op;

	KUNIT_EXPECT_EQ(test, 3, ARRAY_SIZE(ops));
	for (i = 0; i < ARRAY_SIZE(ops); i++) {
		op = ops[i].nr;
		KUNIT_EXPECT_EQ(test, 0,
				check_args(INDIRECT_ABI_COMPAT, nr, op,
					   ops[i].file_flags));
		/* A 32-bit register holds the operation: high bits go. */
		KUNIT_EXPECT_EQ(test, 0,
				check_args(INDIRECT_ABI_COMPAT, nr,
					   BIT_ULL(32) | op, 0));
	}
	for (op = 0; op <= SYS_SENDMMSG + 1; op++)
		allowed += !check_args(INDIRECT_ABI_COMPAT, nr, op, 0);
	KUNIT_EXPECT_EQ(test, ARRAY_SIZE(ops), allowed);
	KUNIT_EXPECT_EQ(test, -EINVAL,
			check_args(INDIRECT_ABI_COMPAT, nr, SYS_ACCEPT4, 0));
	KUNIT_EXPECT_EQ(test, -EINVAL,
			check_args(INDIRECT_ABI_COMPAT, nr, U32_MAX, 0));
	/* Natively, the number is another call, and not listed. */
	KUNIT_EXPECT_EQ(test, -EINVAL,
			check_args(INDIRECT_ABI_NATIVE, nr, SYS_SOCKET, 0));
}
#else
static void indirect_socketcall_test(struct kunit *test)
{
	kunit_skip(test, "the compat ABI has no socketcall()");
}
#endif

static u8 __user *params_user_pages(struct kunit *test)
{
	unsigned long addr;

	addr = kunit_vm_mmap(test, NULL, 0, 2 * PAGE_SIZE,
			     PROT_READ | PROT_WRITE,
			     MAP_ANONYMOUS | MAP_PRIVATE, 0);
	KUNIT_ASSERT_NE_MSG(test, addr, 0, "no user memory");
	KUNIT_ASSERT_FALSE(test, IS_ERR_VALUE(addr));
	/* Leave the second page unmapped: reads into it must fault. */
	KUNIT_ASSERT_EQ(test, 0, vm_munmap(addr + PAGE_SIZE, PAGE_SIZE));
	return (u8 __user *)addr;
}

static int copy_at(struct kunit *test, u8 __user *upage, size_t offset,
		   const void *src, size_t len, size_t usize,
		   struct indirect_kparams *params)
{
	KUNIT_ASSERT_EQ(test, 0, clear_user(upage, PAGE_SIZE));
	KUNIT_ASSERT_EQ(test, 0, copy_to_user(upage + offset, src, len));
	memset(params, 0xa5, sizeof(*params));
	return indirect_copy_params(params, upage + offset, usize);
}

static void indirect_params_size_test(struct kunit *test)
{
	u8 __user *upage = params_user_pages(test);
	u64 in[3] = { INDIRECT_FD_CLOEXEC, RESOLVE_IN_ROOT, 0 };
	struct indirect_kparams params;
	size_t usize;

	/* No params: zero, whatever the pointer. */
	memset(&params, 0xa5, sizeof(params));
	KUNIT_EXPECT_EQ(test, 0, indirect_copy_params(&params, NULL, 0));
	KUNIT_EXPECT_TRUE(test, params.file_flags == INDIRECT_FD(0));

	for (usize = 1; usize < INDIRECT_PARAMS_SIZE_VER0; usize++)
		KUNIT_EXPECT_EQ(test, -EINVAL,
				copy_at(test, upage, 0, in, 0, usize, &params));

	/* VER0 knows no resolve: the bytes after it are not read. */
	KUNIT_EXPECT_EQ(test, 0, copy_at(test, upage, 0, in, 16, 8, &params));
	KUNIT_EXPECT_TRUE(test, params.file_flags ==
			  INDIRECT_FD(INDIRECT_FD_CLOEXEC));
	KUNIT_EXPECT_EQ(test, 0, params.resolve);
	KUNIT_EXPECT_EQ(test, 0, params.lookup_flags);

	/* Between the versions: zero-extended. */
	for (usize = 9; usize < INDIRECT_PARAMS_SIZE_VER1; usize++) {
		KUNIT_EXPECT_EQ(test, 0,
				copy_at(test, upage, 0, in, 8, usize, &params));
		KUNIT_EXPECT_EQ(test, 0, params.resolve);
	}

	KUNIT_EXPECT_EQ(test, 0, copy_at(test, upage, 0, in, 16, 16, &params));
	KUNIT_EXPECT_TRUE(test, params.file_flags ==
			  INDIRECT_FD(INDIRECT_FD_CLOEXEC));
	KUNIT_EXPECT_EQ(test, RESOLVE_IN_ROOT, params.resolve);
	KUNIT_EXPECT_EQ(test, LOOKUP_IN_ROOT, params.lookup_flags);

	/* A newer caller's zero tail is accepted, a non-zero one is not. */
	KUNIT_EXPECT_EQ(test, 0, copy_at(test, upage, 0, in, 24, 24, &params));
	KUNIT_EXPECT_EQ(test, RESOLVE_IN_ROOT, params.resolve);
	in[2] = BIT_ULL(63);
	KUNIT_EXPECT_EQ(test, -E2BIG,
			copy_at(test, upage, 0, in, 24, 24, &params));
	in[2] = 0;

	KUNIT_EXPECT_EQ(test, 0,
			copy_at(test, upage, 0, in, 8, PAGE_SIZE, &params));
	KUNIT_EXPECT_EQ(test, -E2BIG,
			copy_at(test, upage, 0, in, 8, PAGE_SIZE + 1, &params));
	KUNIT_EXPECT_EQ(test, -E2BIG,
			copy_at(test, upage, 0, in, 8, SIZE_MAX, &params));
}

static void indirect_params_flags_test(struct kunit *test)
{
	u8 __user *upage = params_user_pages(test);
	struct indirect_kparams params;
	u64 flags;
	int bit;

	for (bit = 0; bit < 64; bit++) {
		flags = BIT_ULL(bit);
		KUNIT_EXPECT_EQ_MSG(test, flags & INDIRECT_FD_ALL ? 0 : -EINVAL,
				    copy_at(test, upage, 0, &flags, 8, 8, &params),
				    "bit %d", bit);
	}
}

/* openat2()'s rules for resolve, and its mapping to LOOKUP_* */
static void indirect_params_resolve_test(struct kunit *test)
{
	static const struct {
		u64 resolve;
		unsigned int lookup_flags;
	} valid[] = {
		{ RESOLVE_NO_XDEV, LOOKUP_NO_XDEV },
		{ RESOLVE_NO_MAGICLINKS, LOOKUP_NO_MAGICLINKS },
		{ RESOLVE_NO_SYMLINKS, LOOKUP_NO_SYMLINKS },
		{ RESOLVE_BENEATH, LOOKUP_BENEATH },
		{ RESOLVE_IN_ROOT, LOOKUP_IN_ROOT },
		{ RESOLVE_CACHED, LOOKUP_CACHED },
		{ VALID_RESOLVE_FLAGS & ~RESOLVE_BENEATH,
		  LOOKUP_NO_XDEV | LOOKUP_NO_MAGICLINKS | LOOKUP_NO_SYMLINKS |
		  LOOKUP_IN_ROOT | LOOKUP_CACHED },
	};
	u8 __user *upage = params_user_pages(test);
	struct indirect_kparams params;
	u64 in[2] = {};
	int i;

	for (i = 0; i < ARRAY_SIZE(valid); i++) {
		in[1] = valid[i].resolve;
		KUNIT_EXPECT_EQ(test, 0,
				copy_at(test, upage, 0, in, 16, 16, &params));
		KUNIT_EXPECT_EQ(test, valid[i].resolve, params.resolve);
		KUNIT_EXPECT_EQ(test, valid[i].lookup_flags,
				params.lookup_flags);
	}
	for (i = 0; i < 64; i++) {
		in[1] = BIT_ULL(i);
		KUNIT_EXPECT_EQ_MSG(test,
				    in[1] & VALID_RESOLVE_FLAGS ? 0 : -EINVAL,
				    copy_at(test, upage, 0, in, 16, 16, &params),
				    "bit %d", i);
	}
	in[1] = RESOLVE_BENEATH | RESOLVE_IN_ROOT;
	KUNIT_EXPECT_EQ(test, -EINVAL,
			copy_at(test, upage, 0, in, 16, 16, &params));
}

static void indirect_params_fault_test(struct kunit *test)
{
	u8 __user *upage = params_user_pages(test);
	u64 in = INDIRECT_FD_NONBLOCK;
	struct indirect_kparams params;

	/* Ends exactly at the page boundary: fine. */
	KUNIT_EXPECT_EQ(test, 0, copy_at(test, upage, PAGE_SIZE - 8, &in, 8, 8,
					 &params));
	KUNIT_EXPECT_TRUE(test, params.file_flags ==
			  INDIRECT_FD(INDIRECT_FD_NONBLOCK));
	/* Misaligned. */
	KUNIT_EXPECT_EQ(test, 0, copy_at(test, upage, 3, &in, 8, 8, &params));
	KUNIT_EXPECT_TRUE(test, params.file_flags ==
			  INDIRECT_FD(INDIRECT_FD_NONBLOCK));
	/* One byte into the unmapped page, in the struct or in the tail. */
	KUNIT_EXPECT_EQ(test, -EFAULT, copy_at(test, upage, PAGE_SIZE - 7, &in,
					       7, 8, &params));
	KUNIT_EXPECT_EQ(test, -EFAULT, copy_at(test, upage, PAGE_SIZE - 8, &in,
					       8, 9, &params));
	KUNIT_EXPECT_EQ(test, -EFAULT,
			indirect_copy_params(&params, NULL, 8));
}

static struct kunit_case indirect_test_cases[] = {
	KUNIT_CASE(indirect_native_list_test),
	KUNIT_CASE(indirect_native_refused_test),
	KUNIT_CASE(indirect_compat_list_test),
	KUNIT_CASE(indirect_socketcall_test),
	KUNIT_CASE(indirect_x32_list_test),
	KUNIT_CASE(indirect_params_size_test),
	KUNIT_CASE(indirect_params_flags_test),
	KUNIT_CASE(indirect_params_resolve_test),
	KUNIT_CASE(indirect_params_fault_test),
	{}
};

static struct kunit_suite indirect_test_suite = {
	.name = "indirect",
	.test_cases = indirect_test_cases,
};

kunit_test_suite(indirect_test_suite);

MODULE_DESCRIPTION("KUnit tests for the indirect() system call");
MODULE_LICENSE("GPL");
