/* SPDX-License-Identifier: GPL-2.0 */
/*
 * indirect(): run one white-listed system call with extra parameters.
 *
 * While the inner call runs, current->indirect_params points to the
 * parameters, which live on the kernel stack of indirect(). Consumers
 * read them only through the accessors below, which return 0 ("old
 * behaviour") outside indirect() and compile away without
 * CONFIG_INDIRECT_SYSCALL.
 */
#ifndef _LINUX_INDIRECT_H
#define _LINUX_INDIRECT_H

#include <linux/build_bug.h>
#include <linux/fcntl.h>
#include <linux/stddef.h>
#include <linux/sched.h>
#include <uapi/linux/indirect.h>

#define INDIRECT_FD_ALL		(INDIRECT_FD_CLOEXEC | INDIRECT_FD_NONBLOCK)

/*
 * The RESOLVE_* bits a path-taking call honours. A call that creates,
 * removes or renames a name looks up its last component under the parent's
 * lock, never from the cache alone: RESOLVE_CACHED is EAGAIN for it, as for
 * openat2() with O_CREAT.
 */
#define INDIRECT_PATH_LOOKUP	VALID_RESOLVE_FLAGS
#define INDIRECT_PATH_CHANGE	(VALID_RESOLVE_FLAGS & ~RESOLVE_CACHED)

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
 * @resolve: indirect_params.resolve, RESOLVE_* bits
 * @lookup_flags: the LOOKUP_* bits of @resolve
 */
struct indirect_kparams {
	indirect_fd_t file_flags;
	u64 resolve;
	unsigned int lookup_flags;
};

/*
 * The white list at compile time: one member per listed call, sized so
 * that INDIRECT_HONOURS() yields the INDIRECT_FD_* bits the call honours.
 */
struct indirect_honours {
	u8
#define INDIRECT_SYSCALL(name, file_flags, ...) name[(file_flags) + 1],
#define INDIRECT_SYSCALL_COMPAT(...)
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

/**
 * indirect_resolve() - openat2()'s RESOLVE_* bits requested through indirect()
 *
 * For a call that builds a struct open_how, whose checks then apply.
 *
 * Return: the RESOLVE_* bits; 0 outside indirect().
 */
static inline u64 indirect_resolve(void)
{
	const struct indirect_kparams *params = current->indirect_params;

	return params ? params->resolve : 0;
}

/**
 * indirect_lookup_flags() - LOOKUP_* restrictions requested through indirect()
 *
 * Path lookup ors them into the lookups of the names the inner call's
 * caller passed; see path_init().
 *
 * Return: the LOOKUP_* bits of indirect_resolve(); 0 outside indirect().
 */
static inline unsigned int indirect_lookup_flags(void)
{
	const struct indirect_kparams *params = current->indirect_params;

	return params ? params->lookup_flags : 0;
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

static inline u64 indirect_resolve(void)
{
	return 0;
}

static inline unsigned int indirect_lookup_flags(void)
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
