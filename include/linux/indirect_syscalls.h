/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The system calls indirect() may run, and the parameters each honours.
 *
 * This table is the only place that says which calls are allowed: the
 * native and the compat white lists are both generated from it, so the
 * two cannot disagree. It is a declarative list, included where a table
 * is built, with these defined by the includer:
 *
 *   INDIRECT_SYSCALL(name, file_flags): system call @name may run inside
 *	indirect(), and applies the INDIRECT_FD_* bits in @file_flags to
 *	the descriptors it creates; indirect() refuses any other bit.
 *   INDIRECT_SYSCALL_NATIVE(name, file_flags), optional: the same, for a
 *	call the compat ABI has no number of its own for (the default
 *	treats it like any other).
 *   INDIRECT_SOCKETCALL(op, name), optional: the compat ABI's socketcall()
 *	may run operation @op (SYS_*), which is call @name of this list and
 *	honours the same flags; it refuses every other operation.
 *
 * All are undefined again at the end. To add a call, it must:
 *  - read each parameter it claims to honour through the accessors of
 *    <linux/indirect.h>, where it allocates the descriptor;
 *  - have one entry point for native and x32 callers ("common" in
 *    arch/x86/entry/syscalls/syscall_64.tbl);
 *  - take all of its arguments from registers (it runs on a pt_regs
 *    built by indirect(), not on the one of the syscall entry);
 *  - never leave the kernel by another path (exit, exec, sigreturn,
 *    clone) nor restart through ERESTART_RESTARTBLOCK, which would
 *    re-run it without its parameters.
 */

#ifndef INDIRECT_SYSCALL_NATIVE
#define INDIRECT_SYSCALL_NATIVE INDIRECT_SYSCALL
#endif
#ifndef INDIRECT_SOCKETCALL
#define INDIRECT_SOCKETCALL(...)
#endif

INDIRECT_SYSCALL(socket,		INDIRECT_FD_CLOEXEC | INDIRECT_FD_NONBLOCK)
INDIRECT_SYSCALL(socketpair,		INDIRECT_FD_CLOEXEC | INDIRECT_FD_NONBLOCK)
INDIRECT_SYSCALL_NATIVE(accept,		INDIRECT_FD_CLOEXEC | INDIRECT_FD_NONBLOCK)
INDIRECT_SYSCALL(eventfd,		INDIRECT_FD_CLOEXEC | INDIRECT_FD_NONBLOCK)
INDIRECT_SYSCALL(signalfd,		INDIRECT_FD_CLOEXEC | INDIRECT_FD_NONBLOCK)
INDIRECT_SYSCALL(timerfd_create,	INDIRECT_FD_CLOEXEC | INDIRECT_FD_NONBLOCK)
INDIRECT_SYSCALL(epoll_create,		INDIRECT_FD_CLOEXEC)
INDIRECT_SYSCALL(pipe,			INDIRECT_FD_CLOEXEC | INDIRECT_FD_NONBLOCK)
INDIRECT_SYSCALL(inotify_init,		INDIRECT_FD_CLOEXEC | INDIRECT_FD_NONBLOCK)
INDIRECT_SYSCALL(dup,			INDIRECT_FD_CLOEXEC)

INDIRECT_SOCKETCALL(SYS_SOCKET,		socket)
INDIRECT_SOCKETCALL(SYS_SOCKETPAIR,	socketpair)
INDIRECT_SOCKETCALL(SYS_ACCEPT,		accept)

#undef INDIRECT_SOCKETCALL
#undef INDIRECT_SYSCALL_NATIVE
#undef INDIRECT_SYSCALL
