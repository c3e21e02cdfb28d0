// SPDX-License-Identifier: GPL-2.0
/*
 * indirect(): run one white-listed system call with extra parameters.
 *
 * The parameters are copied once onto this kernel stack, validated against
 * what the inner call honours, and published through current for exactly
 * the duration of the inner call. Nothing else in the syscall path looks at
 * them, so ordinary system calls pay nothing.
 */

#include <linux/audit.h>
#include <linux/compat.h>
#include <linux/extensible_struct.h>
#include <linux/indirect.h>
#include <linux/namei.h>
#include <linux/net.h>
#include <linux/nospec.h>
#include <linux/seccomp.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <kunit/visibility.h>
#include <trace/events/syscalls.h>
#include <asm/indirect.h>
#include <asm/syscall.h>

#include "indirect_internal.h"

struct indirect_call {
	bool allowed;
	u8 resolve;			/* the RESOLVE_* bits it honours */
	indirect_fd_t file_flags;	/* the flags the call honours */
};

#define INDIRECT_ENTRY(nr, flags, resolve_flags)			\
	[nr] = {							\
		.allowed = true,					\
		.resolve = resolve_flags,				\
		.file_flags = INDIRECT_FD(flags),			\
	},

/* x32 callers use this table too, with the x32 bit taken off. */
static const struct indirect_call
indirect_native_calls[INDIRECT_NATIVE_NR_SYSCALLS] = {
#define INDIRECT_SYSCALL(name, flags, resolve)				\
	INDIRECT_ENTRY(INDIRECT_NATIVE_NR(name), flags, resolve)
#include <linux/indirect_syscalls.h>
};

#ifdef INDIRECT_COMPAT_NR
static const struct indirect_call
indirect_compat_calls[INDIRECT_COMPAT_NR_SYSCALLS] = {
#define INDIRECT_SYSCALL(name, flags, resolve)				\
	INDIRECT_ENTRY(INDIRECT_COMPAT_NR(name), flags, resolve)
#define INDIRECT_SYSCALL_NATIVE(...)
#define INDIRECT_SYSCALL_COMPAT INDIRECT_SYSCALL
#include <linux/indirect_syscalls.h>
};
#endif

#ifdef INDIRECT_COMPAT_SOCKETCALL_NR
/* socketcall()'s operations, by SYS_* number; none takes a path */
static const struct indirect_call indirect_socketcall_ops[SYS_SENDMMSG + 1] = {
#define INDIRECT_SYSCALL(...)
#define INDIRECT_SOCKETCALL(op, name)					\
	INDIRECT_ENTRY(op, INDIRECT_HONOURS(name), 0)
#include <linux/indirect_syscalls.h>
};
#endif

static_assert(VALID_RESOLVE_FLAGS <= U8_MAX);

/* Size 0 is no parameters: the call runs as it would without indirect(). */
static const struct extensible_struct indirect_params_ext = {
	EXTENSIBLE_STRUCT(struct indirect_params, INDIRECT_PARAMS_SIZE_VER0,
			  INDIRECT_PARAMS_SIZE_LATEST),
	.zero = EXTENSIBLE_ZERO_IS_EMPTY,
	.check_fields = true,
};

/**
 * indirect_copy_params() - copy and validate the caller's parameters
 * @params: kernel copy to fill
 * @uparams: the caller's struct indirect_params, of any version
 * @usize: its size as the caller knows it; 0 for no parameters
 *
 * Return: 0; EXTENSIBLE_CHECK_FIELDS if @usize asks CHECK_FIELDS (nothing
 * was read); -EINVAL for a size below the first version, an unknown flag,
 * or RESOLVE_BENEATH with RESOLVE_IN_ROOT, -E2BIG for a size above
 * PAGE_SIZE or non-zero bytes beyond what this kernel knows, -EFAULT if
 * @uparams cannot be read.
 */
VISIBLE_IF_KUNIT __always_inline int
indirect_copy_params(struct indirect_kparams *params,
		     const void __user *uparams, size_t usize)
{
	struct indirect_params uapi __uninitialized;	/* the copy zeroes it */
	int err;

	BUILD_BUG_ON(offsetofend(struct indirect_params, file_flags) !=
		     INDIRECT_PARAMS_SIZE_VER0);
	BUILD_BUG_ON(offsetofend(struct indirect_params, resolve) !=
		     INDIRECT_PARAMS_SIZE_VER1);

	err = extensible_copy_from_user(&indirect_params_ext, &uapi, uparams,
					usize);
	if (err)
		return err;

	if (uapi.file_flags & ~INDIRECT_FD_ALL)
		return -EINVAL;
	/* As openat2(): namei does not refuse the two scopes together. */
	if (uapi.resolve & ~VALID_RESOLVE_FLAGS ||
	    (uapi.resolve & RESOLVE_BENEATH && uapi.resolve & RESOLVE_IN_ROOT))
		return -EINVAL;
	params->file_flags = INDIRECT_FD(uapi.file_flags);
	params->resolve = uapi.resolve;
	params->lookup_flags = uapi.resolve ?
			       resolve_lookup_flags(uapi.resolve) : 0;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(indirect_copy_params);

/* The entry for @nr in @table, if listed; @index is @nr clamped. */
static __always_inline const struct indirect_call *
indirect_find(const struct indirect_call *table, unsigned int size, u64 nr,
	      unsigned int *index)
{
	/* Compare all 64 bits: a truncated number could alias a listed one. */
	if (nr >= size)
		return NULL;
	*index = array_index_nospec((unsigned int)nr, size);
	return table[*index].allowed ? &table[*index] : NULL;
}

/*
 * The white-list entry of @regs, NULL if it is off the list; @safe_nr is
 * set to the index of the call in its ABI's system call table, clamped
 * against speculation.
 */
static __always_inline const struct indirect_call *
indirect_lookup(const struct indirect_registers *regs, enum indirect_abi abi,
		unsigned int *safe_nr)
{
	const struct indirect_call *call = NULL;
	unsigned int __maybe_unused op;

	switch (abi) {
	case INDIRECT_ABI_NATIVE:
		call = indirect_find(indirect_native_calls,
				     ARRAY_SIZE(indirect_native_calls),
				     regs->nr, safe_nr);
		break;
#ifdef INDIRECT_COMPAT_NR
	case INDIRECT_ABI_COMPAT:
#ifdef INDIRECT_COMPAT_SOCKETCALL_NR
		/* The operation, in the low half of args[0], is the call. */
		if (regs->nr == INDIRECT_COMPAT_SOCKETCALL_NR) {
			*safe_nr = INDIRECT_COMPAT_SOCKETCALL_NR;
			call = indirect_find(indirect_socketcall_ops,
					     ARRAY_SIZE(indirect_socketcall_ops),
					     (u32)regs->args[0], &op);
			break;
		}
#endif
		call = indirect_find(indirect_compat_calls,
				     ARRAY_SIZE(indirect_compat_calls),
				     regs->nr, safe_nr);
		break;
#endif
#ifdef INDIRECT_X32_SYSCALL_BIT
	case INDIRECT_ABI_X32:
		/* Below the bit, the difference wraps far out of range. */
		call = indirect_find(indirect_native_calls,
				     ARRAY_SIZE(indirect_native_calls),
				     regs->nr - INDIRECT_X32_SYSCALL_BIT,
				     safe_nr);
		break;
#endif
	default:
		break;
	}
	return call;
}

/**
 * indirect_check_call() - may @regs run inside indirect() with @params?
 * @regs: the call, numbered in the caller's ABI exactly as it passed it
 * @abi: the caller's ABI
 * @params: the parameters requested for the call
 * @safe_nr: set to the index of the call in its ABI's system call table,
 *	     clamped against speculation, when allowed
 *
 * Return: 0 if allowed, -EINVAL for a call off the white list or a flag
 * the call does not honour, -EAGAIN for RESOLVE_CACHED on a call that
 * creates, removes or renames a name (the cache cannot serve it, as for
 * openat2() with O_CREAT).
 */
VISIBLE_IF_KUNIT __always_inline int
indirect_check_call(const struct indirect_registers *regs,
		    enum indirect_abi abi,
		    const struct indirect_kparams *params,
		    unsigned int *safe_nr)
{
	const struct indirect_call *call = indirect_lookup(regs, abi, safe_nr);

	if (!call || (params->file_flags & ~call->file_flags) ||
	    (params->resolve & ~(call->resolve | RESOLVE_CACHED)) ||
	    (params->resolve && !call->resolve))
		return -EINVAL;
	if (params->resolve & ~call->resolve)
		return -EAGAIN;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(indirect_check_call);

/*
 * Answer CHECK_FIELDS: the file flags and resolve bits the call in @regs
 * honours, or, with no @regs, those that some call of the white list does.
 * Nothing runs.
 */
static long indirect_check_fields(const struct indirect_registers *regs,
				  enum indirect_abi abi,
				  void __user *uparams, size_t usize)
{
	indirect_fd_t honours = INDIRECT_FD(0);
	struct indirect_params fields = {};
	const struct indirect_call *call;
	unsigned int i, nr;

	if (regs) {
		call = indirect_lookup(regs, abi, &nr);
		if (!call)
			return -EINVAL;
		honours = call->file_flags;
		fields.resolve = call->resolve;
	} else {
		/* Every operation listed is in the native table. */
		for (i = 0; i < ARRAY_SIZE(indirect_native_calls); i++) {
			honours |= indirect_native_calls[i].file_flags;
			fields.resolve |= indirect_native_calls[i].resolve;
		}
	}
	fields.file_flags = (__force u32)honours;
	return extensible_fields_to_user(&indirect_params_ext, uparams, usize,
					 &fields);
}

/*
 * Read once: whatever user space changes later, this copy runs. Register
 * by register, with one user access window, not a copy_from_user() whose
 * byte loop costs more than all the rest of indirect().
 */
static int indirect_copy_regs(struct indirect_registers *regs,
			      const struct indirect_registers __user *uregs)
{
	BUILD_BUG_ON(ARRAY_SIZE(regs->args) != 6);

	if (!user_access_begin(uregs, sizeof(*uregs)))
		return -EFAULT;
	unsafe_get_user(regs->nr, &uregs->nr, fault);
	unsafe_get_user(regs->args[0], &uregs->args[0], fault);
	unsafe_get_user(regs->args[1], &uregs->args[1], fault);
	unsafe_get_user(regs->args[2], &uregs->args[2], fault);
	unsafe_get_user(regs->args[3], &uregs->args[3], fault);
	unsafe_get_user(regs->args[4], &uregs->args[4], fault);
	unsafe_get_user(regs->args[5], &uregs->args[5], fault);
	user_access_end();
	return 0;
fault:
	user_access_end();
	return -EFAULT;
}

/*
 * Let seccomp filter the inner call as if it had been made directly.
 * Return: true if it must not run, with @ret the value seccomp chose.
 */
static bool indirect_seccomp_denies(struct pt_regs *inner, long *ret)
{
	if (!secure_computing_indirect(inner))
		return false;
	*ret = syscall_get_return_value(current, current_pt_regs());
	return true;
}

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
			void __user *uparams, size_t usize,
			unsigned long flags, enum indirect_abi abi)
{
	/*
	 * Written in full before they are read: not zeroed first, which
	 * CONFIG_INIT_STACK_ALL_ZERO would do on every call.
	 */
	struct indirect_registers regs __uninitialized;
	struct indirect_kparams params __uninitialized;
	struct pt_regs inner __uninitialized;
	unsigned int nr;
	long ret;

	/* Reserved for asynchronous execution (syslets). */
	if (flags)
		return -EINVAL;

	/* A CHECK_FIELDS probe may name no call, to ask about them all. */
	if (uregs ||
	    !extensible_wants_check_fields(&indirect_params_ext, usize)) {
		ret = indirect_copy_regs(&regs, uregs);
		if (ret)
			return ret;
	}

	ret = indirect_copy_params(&params, uparams, usize);
	if (ret == EXTENSIBLE_CHECK_FIELDS)
		return indirect_check_fields(uregs ? &regs : NULL, abi,
					     uparams, usize);
	if (ret)
		return ret;

	ret = indirect_check_call(&regs, abi, &params, &nr);
	if (ret)
		return ret;

	arch_indirect_regs(&inner, nr, regs.args, abi);
	if (indirect_seccomp_denies(&inner, &ret))
		return ret;

	/*
	 * Tracers of sys_enter/sys_exit see the inner call like a direct
	 * one; audit adds an AUDIT_INDIRECT record naming it to the event.
	 */
	trace_sys_enter(&inner, syscall_get_nr(current, &inner));
	indirect_enter(&params);
	ret = arch_indirect_call(&inner, nr, abi);
	indirect_exit();
	trace_sys_exit(&inner, ret);
	audit_indirect_call(&inner, ret);

	return ret;
}

SYSCALL_DEFINE4(indirect, const struct indirect_registers __user *, regs,
		void __user *, params, size_t, size, unsigned long, flags)
{
	return do_indirect(regs, params, size, flags, arch_indirect_abi(false));
}

#ifdef CONFIG_COMPAT
COMPAT_SYSCALL_DEFINE4(indirect, const struct indirect_registers __user *, regs,
		       void __user *, params, compat_size_t, size,
		       compat_ulong_t, flags)
{
	return do_indirect(regs, params, size, flags, arch_indirect_abi(true));
}
#endif
