/* SPDX-License-Identifier: GPL-2.0 */
/*
 * indirect(): run one white-listed system call with extra parameters.
 *
 * While the inner call runs, current->indirect_params points to the
 * parameters, which live on the kernel stack of indirect(). Consumers
 * read them only through indirect_fd_flags(), which returns 0 ("old
 * behaviour") outside indirect() and compiles away without
 * CONFIG_INDIRECT_SYSCALL.
 */
#ifndef _LINUX_INDIRECT_H
#define _LINUX_INDIRECT_H

#include <linux/build_bug.h>
#include <linux/stddef.h>
#include <linux/sched.h>
#include <uapi/linux/indirect.h>

#define INDIRECT_FD_ALL		(INDIRECT_FD_CLOEXEC | INDIRECT_FD_NONBLOCK)

/**
 * enum indirect_abi - how the caller of indirect() numbers system calls
 * @INDIRECT_ABI_NATIVE: the native ABI
 * @INDIRECT_ABI_COMPAT: the 32-bit compat ABI (i386 on x86-64)
 * @INDIRECT_ABI_X32: x86's x32: native calls, numbers with the x32 bit
 */
enum indirect_abi {
	INDIRECT_ABI_NATIVE,
	INDIRECT_ABI_COMPAT,
	INDIRECT_ABI_X32,
};

/*
 * File flags inside the kernel: a sparse-checked type, so that they never
 * mix with O_* or other raw values. INDIRECT_FD() is the one conversion
 * from the uapi bits; indirect_copy_params() validates them before it.
 */
typedef u32 __bitwise indirect_fd_t;
#define INDIRECT_FD(uapi_bits)	((__force indirect_fd_t)(uapi_bits))

/**
 * struct indirect_kparams - the validated kernel copy of indirect_params
 * @file_flags: INDIRECT_FD() of indirect_params.file_flags
 */
struct indirect_kparams {
	indirect_fd_t file_flags;
};

/*
 * The white list at compile time: one member per listed call, sized so
 * that INDIRECT_HONOURS() yields the INDIRECT_FD_* bits the call honours.
 */
struct indirect_honours {
	u8
#define INDIRECT_SYSCALL(name, file_flags) name[(file_flags) + 1],
#include <linux/indirect_syscalls.h>
	end;
};

#define INDIRECT_HONOURS(call)						\
	(sizeof_field(struct indirect_honours, call) - 1)

#ifdef CONFIG_INDIRECT_SYSCALL

static inline int indirect_requested_fd_flags(int cloexec, int nonblock)
{
	const struct indirect_kparams *params = current->indirect_params;
	int flags = 0;

	if (!params)
		return 0;
	if (params->file_flags & INDIRECT_FD(INDIRECT_FD_CLOEXEC))
		flags |= cloexec;
	if (params->file_flags & INDIRECT_FD(INDIRECT_FD_NONBLOCK))
		flags |= nonblock;
	return flags;
}

/* A child never runs inside its parent's indirect(). */
static inline void indirect_task_init(struct task_struct *p)
{
	p->indirect_params = NULL;
}

#else /* !CONFIG_INDIRECT_SYSCALL */

static inline int indirect_requested_fd_flags(int cloexec, int nonblock)
{
	return 0;
}

static inline void indirect_task_init(struct task_struct *p)
{
}

#endif /* CONFIG_INDIRECT_SYSCALL */

/**
 * indirect_fd_flags() - file-descriptor flags requested through indirect()
 * @call: the system call asking, as listed in <linux/indirect_syscalls.h>
 * @cloexec: the call's own flag value meaning close-on-exec
 * @nonblock: the call's own flag value meaning non-blocking, or 0 if the
 *            call cannot honour it
 *
 * Each consumer passes its own flag vocabulary (O_*, SOCK_*, EFD_*, ...),
 * so the result can be or-ed into the flags the call applies where it
 * allocates the descriptor. It does not build unless @call is listed and
 * passes a value for exactly the flags its entry says it honours.
 *
 * Return: the requested subset of @cloexec | @nonblock; 0 outside indirect().
 */
#define indirect_fd_flags(call, cloexec, nonblock)			\
	__indirect_fd_flags(INDIRECT_HONOURS(call), cloexec, nonblock)

static __always_inline int __indirect_fd_flags(unsigned int honours,
					       int cloexec, int nonblock)
{
	BUILD_BUG_ON_MSG(!cloexec != !(honours & INDIRECT_FD_CLOEXEC) ||
			 !nonblock != !(honours & INDIRECT_FD_NONBLOCK),
			 "flags passed differ from the indirect() white list");
	return indirect_requested_fd_flags(cloexec, nonblock);
}

#endif /* _LINUX_INDIRECT_H */
