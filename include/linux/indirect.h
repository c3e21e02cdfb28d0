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

#include <linux/sched.h>
#include <uapi/linux/indirect.h>

#define INDIRECT_FD_ALL		(INDIRECT_FD_CLOEXEC | INDIRECT_FD_NONBLOCK)

#ifdef CONFIG_INDIRECT_SYSCALL

/**
 * indirect_fd_flags() - file-descriptor flags requested through indirect()
 * @cloexec: the caller's own flag value meaning close-on-exec
 * @nonblock: the caller's own flag value meaning non-blocking, or 0 if the
 *            call cannot honour it (indirect() refuses it beforehand)
 *
 * Each consumer passes its own flag vocabulary (O_*, SOCK_*, EFD_*, ...),
 * so the result can be or-ed into the flags the call applies where it
 * allocates the descriptor.
 *
 * Return: the requested subset of @cloexec | @nonblock; 0 outside indirect().
 */
static inline int indirect_fd_flags(int cloexec, int nonblock)
{
	const struct indirect_params *params = current->indirect_params;
	int flags = 0;

	if (!params)
		return 0;
	if (params->file_flags & INDIRECT_FD_CLOEXEC)
		flags |= cloexec;
	if (params->file_flags & INDIRECT_FD_NONBLOCK)
		flags |= nonblock;
	return flags;
}

/* A child never runs inside its parent's indirect(). */
static inline void indirect_task_init(struct task_struct *p)
{
	p->indirect_params = NULL;
}

#else /* !CONFIG_INDIRECT_SYSCALL */

static inline int indirect_fd_flags(int cloexec, int nonblock)
{
	return 0;
}

static inline void indirect_task_init(struct task_struct *p)
{
}

#endif /* CONFIG_INDIRECT_SYSCALL */

#endif /* _LINUX_INDIRECT_H */
