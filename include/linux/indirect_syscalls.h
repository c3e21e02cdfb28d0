/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The system calls indirect() may run, and the parameters each honours.
 *
 * This list is the only place that says which calls are allowed: the
 * native and the compat white lists are both generated from it, so the
 * two can never disagree.
 *
 * INDIRECT_SYSCALLS(CALL, CALL_NATIVE) expands CALL(name, file_flags) once
 * per call; @file_flags is the set of INDIRECT_FD_* bits the call
 * applies to the descriptors it creates (indirect() refuses any other
 * bit with -EINVAL). CALL_NATIVE is for calls that the compat ABI cannot
 * name directly.
 *
 * To add a call, it must:
 *  - read every parameter it claims to honour through the accessors in
 *    <linux/indirect.h>, at the point where it allocates the descriptor;
 *  - take all of its arguments from registers (no pt_regs tricks: the
 *    inner call runs on a pt_regs built by indirect(), not the entry's);
 *  - never return to user space by another path (exit, exec,
 *    sigreturn, clone) nor restart through ERESTART_RESTARTBLOCK, which
 *    would re-run it without its parameters.
 */
#ifndef _LINUX_INDIRECT_SYSCALLS_H
#define _LINUX_INDIRECT_SYSCALLS_H

#include <linux/indirect.h>

#define INDIRECT_SYSCALLS(CALL, CALL_NATIVE)				\
	CALL(socket,		INDIRECT_FD_CLOEXEC | INDIRECT_FD_NONBLOCK)	\
	CALL(socketpair,	INDIRECT_FD_CLOEXEC | INDIRECT_FD_NONBLOCK)	\
	CALL_NATIVE(accept,	INDIRECT_FD_CLOEXEC | INDIRECT_FD_NONBLOCK)	\
	CALL(eventfd,		INDIRECT_FD_CLOEXEC | INDIRECT_FD_NONBLOCK)	\
	CALL(signalfd,		INDIRECT_FD_CLOEXEC | INDIRECT_FD_NONBLOCK)	\
	CALL(timerfd_create,	INDIRECT_FD_CLOEXEC | INDIRECT_FD_NONBLOCK)	\
	CALL(epoll_create,	INDIRECT_FD_CLOEXEC)				\
	CALL(pipe,		INDIRECT_FD_CLOEXEC | INDIRECT_FD_NONBLOCK)	\
	CALL(inotify_init,	INDIRECT_FD_CLOEXEC | INDIRECT_FD_NONBLOCK)	\
	CALL(dup,		INDIRECT_FD_CLOEXEC)

#endif /* _LINUX_INDIRECT_SYSCALLS_H */
