// SPDX-License-Identifier: GPL-2.0
/*
 * indirect(): run one white-listed system call with extra parameters.
 *
 * The parameters are copied once onto this kernel stack, validated against
 * what the inner call honours, and published through current for exactly
 * the duration of the inner call. Nothing else in the syscall path looks at
 * them, so ordinary system calls pay nothing.
 */

#include <linux/compat.h>
#include <linux/indirect.h>
#include <linux/nospec.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <kunit/visibility.h>
#include <asm/indirect.h>

#include "indirect_internal.h"

struct indirect_call {
	bool allowed;
	indirect_fd_t file_flags;	/* the flags the call honours */
};

#define INDIRECT_ENTRY(nr, flags)					\
	[nr] = { .allowed = true, .file_flags = INDIRECT_FD(flags) },

static const struct indirect_call
indirect_native_calls[INDIRECT_NATIVE_NR_SYSCALLS] = {
#define INDIRECT_SYSCALL(name, flags)					\
	INDIRECT_ENTRY(INDIRECT_NATIVE_NR(name), flags)
#include <linux/indirect_syscalls.h>
};

#ifdef INDIRECT_COMPAT_NR
static const struct indirect_call
indirect_compat_calls[INDIRECT_COMPAT_NR_SYSCALLS] = {
#define INDIRECT_SYSCALL(name, flags)					\
	INDIRECT_ENTRY(INDIRECT_COMPAT_NR(name), flags)
#define INDIRECT_SYSCALL_NATIVE(...)
#include <linux/indirect_syscalls.h>
};
#endif

/**
 * indirect_copy_params() - copy and validate the caller's parameters
 * @params: kernel copy to fill
 * @uparams: the caller's struct indirect_params, of any version
 * @usize: its size as the caller knows it; 0 for no parameters
 *
 * Return: 0, -EINVAL for a size below the first version or an unknown
 * flag, -E2BIG for a size above PAGE_SIZE or non-zero bytes beyond what
 * this kernel knows, -EFAULT if @uparams cannot be read.
 */
VISIBLE_IF_KUNIT int indirect_copy_params(struct indirect_kparams *params,
					  const void __user *uparams,
					  size_t usize)
{
	struct indirect_params uapi = {};
	int err;

	BUILD_BUG_ON(sizeof(struct indirect_params) != INDIRECT_PARAMS_SIZE_LATEST);
	BUILD_BUG_ON(offsetofend(struct indirect_params, file_flags) !=
		     INDIRECT_PARAMS_SIZE_VER0);

	if (usize) {
		if (usize < INDIRECT_PARAMS_SIZE_VER0)
			return -EINVAL;
		if (usize > PAGE_SIZE)
			return -E2BIG;
		err = copy_struct_from_user(&uapi, sizeof(uapi), uparams,
					    usize);
		if (err)
			return err;
	}

	if (uapi.file_flags & ~INDIRECT_FD_ALL)
		return -EINVAL;
	params->file_flags = INDIRECT_FD(uapi.file_flags);
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(indirect_copy_params);

/**
 * indirect_check_call() - may @nr run inside indirect() with @file_flags?
 * @nr: system call number in the caller's ABI, exactly as it passed it
 * @compat: the caller uses the compat (32-bit) ABI
 * @file_flags: the flags requested for the call
 * @safe_nr: set to @nr, clamped against speculation, when allowed
 *
 * Return: 0 if allowed, -EINVAL for a call off the white list or a flag
 * the call does not honour.
 */
VISIBLE_IF_KUNIT int indirect_check_call(u64 nr, bool compat,
					 indirect_fd_t file_flags,
					 unsigned int *safe_nr)
{
	const struct indirect_call *table = indirect_native_calls;
	unsigned int size = ARRAY_SIZE(indirect_native_calls);
	unsigned int index;

#ifdef INDIRECT_COMPAT_NR
	if (compat) {
		table = indirect_compat_calls;
		size = ARRAY_SIZE(indirect_compat_calls);
	}
#else
	if (compat)
		return -EINVAL;
#endif
	/* Compare all 64 bits: a truncated number could alias a listed one. */
	if (nr >= size)
		return -EINVAL;
	index = array_index_nospec((unsigned int)nr, size);

	if (!table[index].allowed || (file_flags & ~table[index].file_flags))
		return -EINVAL;

	*safe_nr = index;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(indirect_check_call);

/*
 * Publish @params to the inner call. The context annotations make sparse
 * flag any path of do_indirect() that leaves them published.
 */
static void indirect_enter(const struct indirect_kparams *params)
	__acquires(indirect_params)
{
	__acquire(indirect_params);
	current->indirect_params = params;
}

static void indirect_exit(void)
	__releases(indirect_params)
{
	current->indirect_params = NULL;
	__release(indirect_params);
}

static long do_indirect(const struct indirect_registers __user *uregs,
			const void __user *uparams, size_t usize,
			unsigned long flags, bool compat)
{
	struct indirect_registers regs;
	struct indirect_kparams params;
	unsigned int nr;
	long ret;

	/* Reserved for asynchronous execution (syslets). */
	if (flags)
		return -EINVAL;

	if (copy_from_user(&regs, uregs, sizeof(regs)))
		return -EFAULT;

	ret = indirect_copy_params(&params, uparams, usize);
	if (ret)
		return ret;

	ret = indirect_check_call(regs.nr, compat, params.file_flags, &nr);
	if (ret)
		return ret;

	indirect_enter(&params);
	ret = arch_indirect_call(nr, regs.args, compat);
	indirect_exit();

	return ret;
}

SYSCALL_DEFINE4(indirect, const struct indirect_registers __user *, regs,
		const void __user *, params, size_t, size, unsigned long, flags)
{
	return do_indirect(regs, params, size, flags, false);
}

#ifdef CONFIG_COMPAT
COMPAT_SYSCALL_DEFINE4(indirect, const struct indirect_registers __user *, regs,
		       const void __user *, params, compat_size_t, size,
		       compat_ulong_t, flags)
{
	return do_indirect(regs, params, size, flags, true);
}
#endif
