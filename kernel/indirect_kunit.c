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
			   const char *name, u64 resolve)
{
	int i, want;

	KUNIT_EXPECT_EQ_MSG(test, 0, check_resolve(abi, nr, 0, 0, resolve),
			    "%s (nr %llu)", name, nr);
	for (i = 0; i < 64; i++) {
		if (BIT_ULL(i) & resolve)
			want = 0;
		else if (resolve && BIT_ULL(i) == RESOLVE_CACHED)
			want = -EAGAIN;
		else
			want = -EINVAL;
		KUNIT_EXPECT_EQ_MSG(test, want,
				    check_resolve(abi, nr, 0, 0, BIT_ULL(i)),
				    "%s (nr %llu), resolve bit %d", name, nr, i);
	}
}

static void expect_listed(struct kunit *test, enum indirect_abi abi, u64 nr,
			  const char *name, u64 file_flags, u64 resolve)
{
	int i;

	expect_resolve(test, abi, nr, name, resolve);

	KUNIT_EXPECT_EQ_MSG(test, 0, check(abi, nr, 0), "%s (nr %llu)",
			    name, nr);
	KUNIT_EXPECT_EQ_MSG(test, 0, check(abi, nr, file_flags),
			    "%s (nr %llu)", name, nr);
	/* Each flag the call does not honour is refused on its own. */
	for (i = 0; i < 64; i++) {
		if (BIT_ULL(i) & INDIRECT_FD_ALL & ~file_flags)
			KUNIT_EXPECT_EQ_MSG(test, -EINVAL,
					    check(abi, nr, BIT_ULL(i)),
					    "%s (nr %llu), flag bit %d", name, nr,
					    i);
	}
}

/*
 * What the tests expect to find listed, written out here from the
 * <asm/unistd.h> numbers of each ABI, not taken from the table they test:
 * an entry added to or dropped from include/linux/indirect_syscalls.h
 * must be added or dropped here too, or the tests fail and name it.
 */
struct expected_call {
	const char *name;
	u64 nr;
	u64 file_flags;
	u64 resolve;
};

#define FD_BOTH		(INDIRECT_FD_CLOEXEC | INDIRECT_FD_NONBLOCK)
/* Every RESOLVE_* bit; a call that changes a name answers CACHED EAGAIN */
#define PATH_LOOKUP	(RESOLVE_NO_XDEV | RESOLVE_NO_MAGICLINKS |	\
			 RESOLVE_NO_SYMLINKS | RESOLVE_BENEATH |	\
			 RESOLVE_IN_ROOT | RESOLVE_CACHED)
#define PATH_CHANGE	(PATH_LOOKUP & ~RESOLVE_CACHED)

#define FD_CALL(nr, flags)	{ #nr, nr, flags, 0 }
#define OPEN_CALL(nr)		{ #nr, nr, FD_BOTH, PATH_LOOKUP }
/* creat() always creates or truncates: as a call that changes a name */
#define CREAT_CALL(nr)		{ #nr, nr, FD_BOTH, PATH_CHANGE }
#define LOOKUP_CALL(nr)		{ #nr, nr, 0, PATH_LOOKUP }
#define CHANGE_CALL(nr)		{ #nr, nr, 0, PATH_CHANGE }

/* Also numbered for x32, with __X32_SYSCALL_BIT: all "common" */
static const struct expected_call native_expected[] = {
	FD_CALL(__NR_socket, FD_BOTH),
	FD_CALL(__NR_socketpair, FD_BOTH),
	FD_CALL(__NR_accept, FD_BOTH),
	FD_CALL(__NR_eventfd, FD_BOTH),
	FD_CALL(__NR_signalfd, FD_BOTH),
	FD_CALL(__NR_timerfd_create, FD_BOTH),
	FD_CALL(__NR_epoll_create, INDIRECT_FD_CLOEXEC),
	FD_CALL(__NR_pipe, FD_BOTH),
	FD_CALL(__NR_inotify_init, FD_BOTH),
	FD_CALL(__NR_dup, INDIRECT_FD_CLOEXEC),
	OPEN_CALL(__NR_open),
	OPEN_CALL(__NR_openat),
	CREAT_CALL(__NR_creat),
	CHANGE_CALL(__NR_mknod),
	CHANGE_CALL(__NR_mknodat),
	CHANGE_CALL(__NR_mkdir),
	CHANGE_CALL(__NR_mkdirat),
	CHANGE_CALL(__NR_rmdir),
	CHANGE_CALL(__NR_unlink),
	CHANGE_CALL(__NR_unlinkat),
	CHANGE_CALL(__NR_rename),
	CHANGE_CALL(__NR_renameat),
	CHANGE_CALL(__NR_renameat2),
	CHANGE_CALL(__NR_link),
	CHANGE_CALL(__NR_linkat),
	CHANGE_CALL(__NR_symlink),
	CHANGE_CALL(__NR_symlinkat),
	LOOKUP_CALL(__NR_readlink),
	LOOKUP_CALL(__NR_readlinkat),
	LOOKUP_CALL(__NR_chmod),
	LOOKUP_CALL(__NR_fchmodat),
	LOOKUP_CALL(__NR_fchmodat2),
	LOOKUP_CALL(__NR_chown),
	LOOKUP_CALL(__NR_lchown),
	LOOKUP_CALL(__NR_fchownat),
	LOOKUP_CALL(__NR_access),
	LOOKUP_CALL(__NR_faccessat),
	LOOKUP_CALL(__NR_faccessat2),
	LOOKUP_CALL(__NR_stat),
	LOOKUP_CALL(__NR_lstat),
	LOOKUP_CALL(__NR_newfstatat),
	LOOKUP_CALL(__NR_statx),
	LOOKUP_CALL(__NR_utime),
	LOOKUP_CALL(__NR_utimes),
	LOOKUP_CALL(__NR_futimesat),
	LOOKUP_CALL(__NR_utimensat),
	LOOKUP_CALL(__NR_truncate),
	LOOKUP_CALL(__NR_chdir),
	LOOKUP_CALL(__NR_getxattr),
	LOOKUP_CALL(__NR_lgetxattr),
	LOOKUP_CALL(__NR_setxattr),
	LOOKUP_CALL(__NR_lsetxattr),
	LOOKUP_CALL(__NR_listxattr),
	LOOKUP_CALL(__NR_llistxattr),
	LOOKUP_CALL(__NR_removexattr),
	LOOKUP_CALL(__NR_lremovexattr),
	LOOKUP_CALL(__NR_statfs),
	LOOKUP_CALL(__NR_inotify_add_watch),
	LOOKUP_CALL(__NR_name_to_handle_at),
};

/*
 * The entry for @nr of @expected (n of them), numbered from @first, or
 * NULL if none.
 */
static const struct expected_call *
expected_entry(const struct expected_call *expected, unsigned int n,
	       u64 first, u64 nr)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		if (first + expected[i].nr == nr)
			return &expected[i];
	return NULL;
}

/*
 * Both ways: every expected call is allowed with exactly its flags, and
 * every number from @first to @first + @nr_syscalls that is allowed is
 * expected.
 */
static void expect_exactly(struct kunit *test, enum indirect_abi abi,
			   const struct expected_call *expected,
			   unsigned int n, u64 first, unsigned int nr_syscalls)
{
	const struct expected_call *call;
	unsigned int i;
	int allowed;

	for (i = 0; i < n; i++)
		expect_listed(test, abi, first + expected[i].nr,
			      expected[i].name, expected[i].file_flags,
			      expected[i].resolve);
	for (i = 0; i < nr_syscalls; i++) {
		call = expected_entry(expected, n, first, first + i);
		allowed = !check(abi, first + i, 0);
		KUNIT_EXPECT_EQ_MSG(test, allowed, !!call,
				    "nr %u (%#llx): %s", i, first + i,
				    call ? call->name : "not expected");
	}
}

static void indirect_native_list_test(struct kunit *test)
{
	expect_exactly(test, INDIRECT_ABI_NATIVE, native_expected,
		       ARRAY_SIZE(native_expected), 0,
		       INDIRECT_NATIVE_NR_SYSCALLS);
}

static void indirect_native_refused_test(struct kunit *test)
{
	static const u64 refused[] = {
		__NR_indirect, __NR_exit, __NR_exit_group, __NR_execve,
		__NR_execveat, __NR_clone, __NR_clone3, __NR_fork,
		__NR_vfork, __NR_rt_sigreturn, __NR_restart_syscall,
		__NR_accept4, __NR_pipe2, __NR_dup3, __NR_eventfd2,
		/* calls that themselves answer EINVAL to bad arguments */
		__NR_munmap, __NR_mprotect, __NR_madvise, __NR_rt_sigprocmask,
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

	/* Numbers from 512 on are x32's own entries: none is expected. */
	expect_exactly(test, INDIRECT_ABI_X32, native_expected,
		       ARRAY_SIZE(native_expected), __X32_SYSCALL_BIT,
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
/* i386 has no accept() nor newfstatat(), but calls of its own. */
static const struct expected_call compat_expected[] = {
	FD_CALL(__NR_ia32_socket, FD_BOTH),
	FD_CALL(__NR_ia32_socketpair, FD_BOTH),
	FD_CALL(__NR_ia32_eventfd, FD_BOTH),
	FD_CALL(__NR_ia32_signalfd, FD_BOTH),
	FD_CALL(__NR_ia32_timerfd_create, FD_BOTH),
	FD_CALL(__NR_ia32_epoll_create, INDIRECT_FD_CLOEXEC),
	FD_CALL(__NR_ia32_pipe, FD_BOTH),
	FD_CALL(__NR_ia32_inotify_init, FD_BOTH),
	FD_CALL(__NR_ia32_dup, INDIRECT_FD_CLOEXEC),
	OPEN_CALL(__NR_ia32_open),
	OPEN_CALL(__NR_ia32_openat),
	CREAT_CALL(__NR_ia32_creat),
	CHANGE_CALL(__NR_ia32_mknod),
	CHANGE_CALL(__NR_ia32_mknodat),
	CHANGE_CALL(__NR_ia32_mkdir),
	CHANGE_CALL(__NR_ia32_mkdirat),
	CHANGE_CALL(__NR_ia32_rmdir),
	CHANGE_CALL(__NR_ia32_unlink),
	CHANGE_CALL(__NR_ia32_unlinkat),
	CHANGE_CALL(__NR_ia32_rename),
	CHANGE_CALL(__NR_ia32_renameat),
	CHANGE_CALL(__NR_ia32_renameat2),
	CHANGE_CALL(__NR_ia32_link),
	CHANGE_CALL(__NR_ia32_linkat),
	CHANGE_CALL(__NR_ia32_symlink),
	CHANGE_CALL(__NR_ia32_symlinkat),
	LOOKUP_CALL(__NR_ia32_readlink),
	LOOKUP_CALL(__NR_ia32_readlinkat),
	LOOKUP_CALL(__NR_ia32_chmod),
	LOOKUP_CALL(__NR_ia32_fchmodat),
	LOOKUP_CALL(__NR_ia32_fchmodat2),
	LOOKUP_CALL(__NR_ia32_chown),
	LOOKUP_CALL(__NR_ia32_lchown),
	LOOKUP_CALL(__NR_ia32_fchownat),
	LOOKUP_CALL(__NR_ia32_access),
	LOOKUP_CALL(__NR_ia32_faccessat),
	LOOKUP_CALL(__NR_ia32_faccessat2),
	LOOKUP_CALL(__NR_ia32_stat),
	LOOKUP_CALL(__NR_ia32_lstat),
	LOOKUP_CALL(__NR_ia32_statx),
	LOOKUP_CALL(__NR_ia32_utime),
	LOOKUP_CALL(__NR_ia32_utimes),
	LOOKUP_CALL(__NR_ia32_futimesat),
	LOOKUP_CALL(__NR_ia32_utimensat),
	LOOKUP_CALL(__NR_ia32_truncate),
	LOOKUP_CALL(__NR_ia32_chdir),
	LOOKUP_CALL(__NR_ia32_getxattr),
	LOOKUP_CALL(__NR_ia32_lgetxattr),
	LOOKUP_CALL(__NR_ia32_setxattr),
	LOOKUP_CALL(__NR_ia32_lsetxattr),
	LOOKUP_CALL(__NR_ia32_listxattr),
	LOOKUP_CALL(__NR_ia32_llistxattr),
	LOOKUP_CALL(__NR_ia32_removexattr),
	LOOKUP_CALL(__NR_ia32_lremovexattr),
	LOOKUP_CALL(__NR_ia32_statfs),
	LOOKUP_CALL(__NR_ia32_inotify_add_watch),
	LOOKUP_CALL(__NR_ia32_name_to_handle_at),
	/* i386's own versions of the same operations */
	LOOKUP_CALL(__NR_ia32_oldstat),
	LOOKUP_CALL(__NR_ia32_oldlstat),
	LOOKUP_CALL(__NR_ia32_stat64),
	LOOKUP_CALL(__NR_ia32_lstat64),
	LOOKUP_CALL(__NR_ia32_fstatat64),
	LOOKUP_CALL(__NR_ia32_chown32),
	LOOKUP_CALL(__NR_ia32_lchown32),
	LOOKUP_CALL(__NR_ia32_truncate64),
	LOOKUP_CALL(__NR_ia32_statfs64),
	LOOKUP_CALL(__NR_ia32_utimensat_time64),
};

static void indirect_compat_list_test(struct kunit *test)
{
	/* socketcall() is allowed for some operations, tested below. */
	expect_exactly(test, INDIRECT_ABI_COMPAT, compat_expected,
		       ARRAY_SIZE(compat_expected), 0,
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
			check(INDIRECT_ABI_COMPAT, __NR_ia32_munmap, 0));
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
	/* The operations of the calls listed, and i386 has no accept() */
	static const struct expected_call ops[] = {
		{ "SYS_SOCKET", SYS_SOCKET, FD_BOTH, 0 },
		{ "SYS_SOCKETPAIR", SYS_SOCKETPAIR, FD_BOTH, 0 },
		{ "SYS_ACCEPT", SYS_ACCEPT, FD_BOTH, 0 },
	};
	const struct expected_call *call;
	unsigned int i;
	int bit;
	u64 op;

	for (i = 0; i < ARRAY_SIZE(ops); i++) {
		op = ops[i].nr;
		KUNIT_EXPECT_EQ_MSG(test, 0,
				    check_args(INDIRECT_ABI_COMPAT, nr, op,
					       ops[i].file_flags),
				    "socketcall(%s)", ops[i].name);
		for (bit = 0; bit < 64; bit++)
			if (BIT_ULL(bit) & INDIRECT_FD_ALL & ~ops[i].file_flags)
				KUNIT_EXPECT_EQ_MSG(test, -EINVAL,
						    check_args(INDIRECT_ABI_COMPAT,
							       nr, op,
							       BIT_ULL(bit)),
						    "socketcall(%s), flag bit %d",
						    ops[i].name, bit);
		/* A 32-bit register holds the operation: high bits go. */
		KUNIT_EXPECT_EQ_MSG(test, 0,
				    check_args(INDIRECT_ABI_COMPAT, nr,
					       BIT_ULL(32) | op, 0),
				    "socketcall(%s)", ops[i].name);
	}
	/* Both ways, over every operation and some beyond */
	for (op = 0; op <= SYS_SENDMMSG + 1; op++) {
		call = expected_entry(ops, ARRAY_SIZE(ops), 0, op);
		KUNIT_EXPECT_EQ_MSG(test,
				    !check_args(INDIRECT_ABI_COMPAT, nr, op, 0),
				    !!call, "socketcall operation %llu: %s", op,
				    call ? call->name : "not expected");
	}
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
