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
#include <linux/thread_info.h>
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

/* What indirect_copy_params() accepts, whatever the call. */
static const struct indirect_params indirect_params_valid = {
	.file_flags = INDIRECT_FD_ALL,
	.resolve = VALID_RESOLVE_FLAGS,
};

/* Size 0 is no parameters: the call runs as it would without indirect(). */
static const struct extensible_struct indirect_params_ext = {
	EXTENSIBLE_STRUCT(struct indirect_params, INDIRECT_PARAMS_SIZE_VER0,
			  INDIRECT_PARAMS_SIZE_LATEST),
	.zero = EXTENSIBLE_ZERO_IS_EMPTY,
	EXTENSIBLE_CHECK_FIELDS(struct indirect_params, &indirect_params_valid),
};

/**
 * indirect_copy_params() - copy and validate the caller's parameters
 * @params: kernel copy to fill
 * @uparams: the caller's struct indirect_params, of any version
 * @usize: its size as the caller knows it; 0 for no parameters
 *
 * Return: 0; -EINVAL for a size below the first version, an unknown flag,
 * or RESOLVE_BENEATH with RESOLVE_IN_ROOT, -E2BIG for a size above
 * PAGE_SIZE or non-zero bytes beyond what this kernel knows, -EFAULT if
 * @uparams cannot be read; -EEXTSYS_NOOP if @usize asks CHECK_FIELDS,
 * answered with what it accepts (indirect() answers a probe for the calls
 * themselves before it gets here).
 */
VISIBLE_IF_KUNIT __always_inline int
indirect_copy_params(struct indirect_kparams *params,
		     void __user *uparams, size_t usize)
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
	params->lookup_flags = 0;
	if (uapi.resolve) {
		/* As openat2(): namei does not refuse the two scopes together. */
		if (uapi.resolve & ~VALID_RESOLVE_FLAGS ||
		    (uapi.resolve & RESOLVE_BENEATH &&
		     uapi.resolve & RESOLVE_IN_ROOT))
			return -EINVAL;
		params->lookup_flags = resolve_lookup_flags(uapi.resolve);
	}
	params->file_flags = INDIRECT_FD(uapi.file_flags);
	params->resolve = uapi.resolve;
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
 * The white-list entry of call @nr with first argument @arg0, NULL if it
 * is off the list; @safe_nr is set to the index of the call in its ABI's
 * system call table, clamped against speculation.
 */
static __always_inline const struct indirect_call *
indirect_lookup(u64 nr, u64 arg0, enum indirect_abi abi,
		unsigned int *safe_nr)
{
	const struct indirect_call *call = NULL;
	unsigned int __maybe_unused op;

	switch (abi) {
	case INDIRECT_ABI_NATIVE:
		call = indirect_find(indirect_native_calls,
				     ARRAY_SIZE(indirect_native_calls),
				     nr, safe_nr);
		break;
#ifdef INDIRECT_COMPAT_NR
	case INDIRECT_ABI_COMPAT:
#ifdef INDIRECT_COMPAT_SOCKETCALL_NR
		/* The operation, in the low half of args[0], is the call. */
		if (nr == INDIRECT_COMPAT_SOCKETCALL_NR) {
			*safe_nr = INDIRECT_COMPAT_SOCKETCALL_NR;
			call = indirect_find(indirect_socketcall_ops,
					     ARRAY_SIZE(indirect_socketcall_ops),
					     (u32)arg0, &op);
			break;
		}
#endif
		call = indirect_find(indirect_compat_calls,
				     ARRAY_SIZE(indirect_compat_calls),
				     nr, safe_nr);
		break;
#endif
#ifdef INDIRECT_X32_SYSCALL_BIT
	case INDIRECT_ABI_X32:
		/* Below the bit, the difference wraps far out of range. */
		call = indirect_find(indirect_native_calls,
				     ARRAY_SIZE(indirect_native_calls),
				     nr - INDIRECT_X32_SYSCALL_BIT,
				     safe_nr);
		break;
#endif
	default:
		break;
	}
	return call;
}

/**
 * indirect_check_call() - may call @nr run inside indirect() with @params?
 * @nr: the call, numbered in the caller's ABI exactly as it passed it
 * @arg0: its first argument (socketcall()'s operation)
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
indirect_check_call(u64 nr, u64 arg0, enum indirect_abi abi,
		    const struct indirect_kparams *params,
		    unsigned int *safe_nr)
{
	const struct indirect_call *call = indirect_lookup(nr, arg0, abi,
							   safe_nr);

	/* The common case first: a listed call, asked what it honours. */
	if (likely(call && !(params->file_flags & ~call->file_flags) &&
		   !(params->resolve & ~call->resolve)))
		return 0;
	if (!call || (params->file_flags & ~call->file_flags) ||
	    (params->resolve & ~(call->resolve | RESOLVE_CACHED)) ||
	    (params->resolve && !call->resolve))
		return -EINVAL;
	if (params->resolve & ~call->resolve)
		return -EAGAIN;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(indirect_check_call);

/* Put argument @i of the inner call where a direct call has it. */
static __always_inline void indirect_set_arg(struct pt_regs *inner,
					     unsigned int i, u64 arg,
					     enum indirect_abi abi)
{
	/* A 32-bit caller's registers hold 32 bits. */
	if (abi == INDIRECT_ABI_COMPAT)
		arg = (compat_ulong_t)arg;
	*arch_indirect_arg(inner, i, abi) = arg;
}

/*
 * Read once: whatever user space changes later, this copy runs. Register
 * by register, with one user access window, not a copy_from_user() whose
 * byte loop costs more than all the rest of indirect(); the arguments go
 * straight where the inner call reads them, the first also to @arg0 for
 * the lookup.
 */
static __always_inline int
indirect_copy_regs(u64 *nr, u64 *arg0, struct pt_regs *inner,
		   const struct indirect_registers __user *uregs,
		   enum indirect_abi abi)
{
	u64 arg;

	BUILD_BUG_ON(ARRAY_SIZE(uregs->args) != 6);

	if (!user_access_begin(uregs, sizeof(*uregs)))
		return -EFAULT;
	unsafe_get_user(*nr, &uregs->nr, fault);
	unsafe_get_user(*arg0, &uregs->args[0], fault);
	indirect_set_arg(inner, 0, *arg0, abi);
	unsafe_get_user(arg, &uregs->args[1], fault);
	indirect_set_arg(inner, 1, arg, abi);
	unsafe_get_user(arg, &uregs->args[2], fault);
	indirect_set_arg(inner, 2, arg, abi);
	unsafe_get_user(arg, &uregs->args[3], fault);
	indirect_set_arg(inner, 3, arg, abi);
	unsafe_get_user(arg, &uregs->args[4], fault);
	indirect_set_arg(inner, 4, arg, abi);
	unsafe_get_user(arg, &uregs->args[5], fault);
	indirect_set_arg(inner, 5, arg, abi);
	user_access_end();
	return 0;
fault:
	user_access_end();
	return -EFAULT;
}

/*
 * Answer CHECK_FIELDS: the file flags and resolve bits the call in @uregs
 * honours, or, if @uregs is NULL, those that some call of the white list
 * does. @uregs is read as for a call, the size checked as for a call, and
 * nothing runs.
 */
static noinline long
indirect_check_fields(const struct indirect_registers __user *uregs,
		      void __user *uparams, size_t usize, enum indirect_abi abi)
{
	indirect_fd_t honours = INDIRECT_FD(0);
	struct indirect_params fields = {};
	const struct indirect_params *answer = &fields;
	const struct indirect_call *call;
	struct pt_regs scratch;
	unsigned int i, index;
	u64 nr, arg0;
	long ret;

	if (uregs) {
		ret = indirect_copy_regs(&nr, &arg0, &scratch, uregs, abi);
		if (ret)
			return ret;
		call = indirect_lookup(nr, arg0, abi, &index);
		if (call) {
			honours = call->file_flags;
			fields.resolve = call->resolve;
		} else {
			answer = NULL;
		}
	} else {
		/* Every operation listed is in the native table. */
		for (i = 0; i < ARRAY_SIZE(indirect_native_calls); i++) {
			honours |= indirect_native_calls[i].file_flags;
			fields.resolve |= indirect_native_calls[i].resolve;
		}
	}
	fields.file_flags = (__force u32)honours;
	return extensible_fields_to_user(&indirect_params_ext, uparams, usize,
					 answer);
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

/* Run the call in @inner with @params published to it. */
static __always_inline long indirect_run(struct pt_regs *inner,
					 const struct indirect_kparams *params,
					 unsigned int nr, enum indirect_abi abi)
{
	long ret;

	indirect_enter(params);
	ret = arch_indirect_call(inner, nr, abi);
	indirect_exit();
	return ret;
}

/*
 * The entry work that indirect() does again for the inner call: seccomp,
 * sys_enter/sys_exit tracepoints and audit.
 */
#define INDIRECT_WORK	(SYSCALL_WORK_SECCOMP |				\
			 SYSCALL_WORK_SYSCALL_TRACEPOINT |		\
			 SYSCALL_WORK_SYSCALL_AUDIT)

/*
 * Tracers of sys_enter/sys_exit see the inner call like a direct one from
 * where indirect() was called: @inner, the caller's registers with the
 * number and arguments of the inner call.
 */
static noinline long indirect_run_traced(struct pt_regs *inner,
					 const struct indirect_kparams *params,
					 unsigned int nr, enum indirect_abi abi)
{
	long ret;

	trace_sys_enter(inner, syscall_get_nr(current, inner));
	ret = indirect_run(inner, params, nr, abi);
	trace_sys_exit(inner, ret);
	return ret;
}

/*
 * Seccomp filters the inner call as a direct one (and a seccomp tracer
 * stops with it), audit audits it as a direct one, and tracepoints see
 * it: as the syscall entry does for the @work it read once for indirect().
 */
static __always_inline long
indirect_run_watched(struct pt_regs *inner,
		     const struct indirect_kparams *params,
		     unsigned int nr, enum indirect_abi abi,
		     unsigned long work)
{
	/* A denied or skipped call returns what seccomp or the tracer set. */
	if (secure_computing_indirect(inner))
		return syscall_get_return_value(current, current_pt_regs());
	if (work & SYSCALL_WORK_SYSCALL_AUDIT)
		audit_indirect_syscall(inner);
	if (work & SYSCALL_WORK_SYSCALL_TRACEPOINT)
		return indirect_run_traced(inner, params, nr, abi);
	return indirect_run(inner, params, nr, abi);
}

/* Inlined in both entry points: a call and a frame less on every call. */
static __always_inline long
do_indirect(const struct indirect_registers __user *uregs,
	    void __user *uparams, size_t usize, unsigned long flags,
	    enum indirect_abi abi)
{
	/*
	 * Written before they are read: not zeroed first, which
	 * CONFIG_INIT_STACK_ALL_ZERO would do on every call.
	 */
	struct indirect_kparams params __uninitialized;
	struct pt_regs inner __uninitialized;
	u64 nr, arg0;
	unsigned long work;
	unsigned int index;
	long ret;

	/* Reserved for asynchronous execution (syslets). */
	if (flags)
		return -EINVAL;

	/* A probe may name no call, to ask about them all. */
	if (unlikely(extensible_wants_check_fields(&indirect_params_ext, usize)))
		return indirect_check_fields(uregs, uparams, usize, abi);

	/*
	 * The registers of a direct call, as the syscall wrapper, and
	 * anything that probes it, finds them: the caller's, with the inner
	 * call's number and arguments.
	 */
	inner = *current_pt_regs();
	ret = indirect_copy_regs(&nr, &arg0, &inner, uregs, abi);
	if (ret)
		return ret;

	ret = indirect_copy_params(&params, uparams, usize);
	if (ret)
		return ret;

	ret = indirect_check_call(nr, arg0, abi, &params, &index);
	if (ret)
		return ret;

	arch_indirect_nr(&inner, index, abi);
	work = READ_ONCE(current_thread_info()->syscall_work);
	if (unlikely(work & INDIRECT_WORK))
		return indirect_run_watched(&inner, &params, index, abi, work);
	return indirect_run(&inner, &params, index, abi);
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
