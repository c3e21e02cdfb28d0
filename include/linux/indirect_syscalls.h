/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The system calls indirect() may run, and the parameters each honours.
 *
 * This table is the only place that says which calls are allowed: the
 * native and the compat white lists are both generated from it, so the
 * two cannot disagree. It is a declarative list, included where a table
 * is built, with these defined by the includer:
 *
 *   INDIRECT_SYSCALL(name, file_flags, resolve): system call @name may
 *	run inside indirect(); it applies the INDIRECT_FD_* bits in
 *	@file_flags to the descriptors it creates, and the RESOLVE_* bits in
 *	@resolve to the lookups of the paths it is passed: 0,
 *	INDIRECT_PATH_LOOKUP, or INDIRECT_PATH_CHANGE for a call that
 *	creates, removes or renames names. indirect() refuses any other bit.
 *   INDIRECT_SYSCALL_NATIVE(name, file_flags, resolve), optional: the
 *	same, for a call the compat ABI has no number of its own for (the
 *	default treats it like any other).
 *   INDIRECT_SYSCALL_COMPAT(name, file_flags, resolve), optional: the
 *	same, for a call only the compat ABI has (the default ignores it).
 *   INDIRECT_SOCKETCALL(op, name), optional: the compat ABI's socketcall()
 *	may run operation @op (SYS_*), which is call @name of this list and
 *	honours the same flags; it refuses every other operation.
 *
 * All are undefined again at the end. To add a call, it must:
 *  - read each file flag it claims to honour through indirect_fd_flags()
 *    of <linux/indirect.h>, where it allocates the descriptor;
 *  - resolve each path it claims to restrict through the lookup helpers
 *    of fs/namei.c with a name copied from user space (getname() and its
 *    users), whose path_init() applies the restrictions;
 *  - have one entry point for native and x32 callers ("common" in
 *    arch/x86/entry/syscalls/syscall_64.tbl);
 *  - take all of its arguments from registers (it runs on a pt_regs
 *    built by indirect(), not on the one of the syscall entry);
 *  - never leave the kernel by another path (exit, exec, sigreturn,
 *    clone) nor restart through ERESTART_RESTARTBLOCK, which would
 *    re-run it without its parameters.
 *
 * The mount calls (open_tree, move_mount, mount_setattr, umount2,
 * pivot_root, chroot) are not listed: the new mount API already takes
 * descriptors that openat2() can resolve, and RESOLVE_NO_XDEV would refuse
 * their usual target, a mount root.
 */

#ifndef INDIRECT_SYSCALL_NATIVE
#define INDIRECT_SYSCALL_NATIVE INDIRECT_SYSCALL
#endif
#ifndef INDIRECT_SYSCALL_COMPAT
#define INDIRECT_SYSCALL_COMPAT(...)
#endif
#ifndef INDIRECT_SOCKETCALL
#define INDIRECT_SOCKETCALL(...)
#endif

#define INDIRECT_FD_BOTH	(INDIRECT_FD_CLOEXEC | INDIRECT_FD_NONBLOCK)

/* Calls that create descriptors */
INDIRECT_SYSCALL(socket,		INDIRECT_FD_BOTH, 0)
INDIRECT_SYSCALL(socketpair,		INDIRECT_FD_BOTH, 0)
INDIRECT_SYSCALL_NATIVE(accept,		INDIRECT_FD_BOTH, 0)
INDIRECT_SYSCALL(eventfd,		INDIRECT_FD_BOTH, 0)
INDIRECT_SYSCALL(signalfd,		INDIRECT_FD_BOTH, 0)
INDIRECT_SYSCALL(timerfd_create,	INDIRECT_FD_BOTH, 0)
INDIRECT_SYSCALL(epoll_create,		INDIRECT_FD_CLOEXEC, 0)
INDIRECT_SYSCALL(pipe,			INDIRECT_FD_BOTH, 0)
INDIRECT_SYSCALL(inotify_init,		INDIRECT_FD_BOTH, 0)
INDIRECT_SYSCALL(dup,			INDIRECT_FD_CLOEXEC, 0)

/* Calls that open a path */
INDIRECT_SYSCALL(open,			INDIRECT_FD_BOTH, INDIRECT_PATH_LOOKUP)
INDIRECT_SYSCALL(openat,		INDIRECT_FD_BOTH, INDIRECT_PATH_LOOKUP)
/* creat() is open(O_CREAT | O_TRUNC): RESOLVE_CACHED never serves it. */
INDIRECT_SYSCALL(creat,			INDIRECT_FD_BOTH, INDIRECT_PATH_CHANGE)

/* Calls that create, remove or rename names */
INDIRECT_SYSCALL(mknod,			0, INDIRECT_PATH_CHANGE)
INDIRECT_SYSCALL(mknodat,		0, INDIRECT_PATH_CHANGE)
INDIRECT_SYSCALL(mkdir,			0, INDIRECT_PATH_CHANGE)
INDIRECT_SYSCALL(mkdirat,		0, INDIRECT_PATH_CHANGE)
INDIRECT_SYSCALL(rmdir,			0, INDIRECT_PATH_CHANGE)
INDIRECT_SYSCALL(unlink,		0, INDIRECT_PATH_CHANGE)
INDIRECT_SYSCALL(unlinkat,		0, INDIRECT_PATH_CHANGE)
INDIRECT_SYSCALL(rename,		0, INDIRECT_PATH_CHANGE)
INDIRECT_SYSCALL(renameat,		0, INDIRECT_PATH_CHANGE)
INDIRECT_SYSCALL(renameat2,		0, INDIRECT_PATH_CHANGE)
INDIRECT_SYSCALL(link,			0, INDIRECT_PATH_CHANGE)
INDIRECT_SYSCALL(linkat,		0, INDIRECT_PATH_CHANGE)
INDIRECT_SYSCALL(symlink,		0, INDIRECT_PATH_CHANGE)
INDIRECT_SYSCALL(symlinkat,		0, INDIRECT_PATH_CHANGE)

/* Calls that look a path up and act on what they find */
INDIRECT_SYSCALL(readlink,		0, INDIRECT_PATH_LOOKUP)
INDIRECT_SYSCALL(readlinkat,		0, INDIRECT_PATH_LOOKUP)
INDIRECT_SYSCALL(chmod,			0, INDIRECT_PATH_LOOKUP)
INDIRECT_SYSCALL(fchmodat,		0, INDIRECT_PATH_LOOKUP)
INDIRECT_SYSCALL(fchmodat2,		0, INDIRECT_PATH_LOOKUP)
INDIRECT_SYSCALL(chown,			0, INDIRECT_PATH_LOOKUP)
INDIRECT_SYSCALL(lchown,		0, INDIRECT_PATH_LOOKUP)
INDIRECT_SYSCALL(fchownat,		0, INDIRECT_PATH_LOOKUP)
INDIRECT_SYSCALL(access,		0, INDIRECT_PATH_LOOKUP)
INDIRECT_SYSCALL(faccessat,		0, INDIRECT_PATH_LOOKUP)
INDIRECT_SYSCALL(faccessat2,		0, INDIRECT_PATH_LOOKUP)
INDIRECT_SYSCALL(stat,			0, INDIRECT_PATH_LOOKUP)
INDIRECT_SYSCALL(lstat,			0, INDIRECT_PATH_LOOKUP)
INDIRECT_SYSCALL_NATIVE(newfstatat,	0, INDIRECT_PATH_LOOKUP)
INDIRECT_SYSCALL(statx,			0, INDIRECT_PATH_LOOKUP)
INDIRECT_SYSCALL(utime,			0, INDIRECT_PATH_LOOKUP)
INDIRECT_SYSCALL(utimes,		0, INDIRECT_PATH_LOOKUP)
INDIRECT_SYSCALL(futimesat,		0, INDIRECT_PATH_LOOKUP)
INDIRECT_SYSCALL(utimensat,		0, INDIRECT_PATH_LOOKUP)
INDIRECT_SYSCALL(truncate,		0, INDIRECT_PATH_LOOKUP)
INDIRECT_SYSCALL(chdir,			0, INDIRECT_PATH_LOOKUP)
INDIRECT_SYSCALL(getxattr,		0, INDIRECT_PATH_LOOKUP)
INDIRECT_SYSCALL(lgetxattr,		0, INDIRECT_PATH_LOOKUP)
INDIRECT_SYSCALL(setxattr,		0, INDIRECT_PATH_LOOKUP)
INDIRECT_SYSCALL(lsetxattr,		0, INDIRECT_PATH_LOOKUP)
INDIRECT_SYSCALL(listxattr,		0, INDIRECT_PATH_LOOKUP)
INDIRECT_SYSCALL(llistxattr,		0, INDIRECT_PATH_LOOKUP)
INDIRECT_SYSCALL(removexattr,		0, INDIRECT_PATH_LOOKUP)
INDIRECT_SYSCALL(lremovexattr,		0, INDIRECT_PATH_LOOKUP)
INDIRECT_SYSCALL(statfs,		0, INDIRECT_PATH_LOOKUP)
INDIRECT_SYSCALL(inotify_add_watch,	0, INDIRECT_PATH_LOOKUP)
INDIRECT_SYSCALL(name_to_handle_at,	0, INDIRECT_PATH_LOOKUP)

/* The compat ABI's own versions of the same operations */
INDIRECT_SYSCALL_COMPAT(oldstat,	0, INDIRECT_PATH_LOOKUP)
INDIRECT_SYSCALL_COMPAT(oldlstat,	0, INDIRECT_PATH_LOOKUP)
INDIRECT_SYSCALL_COMPAT(stat64,		0, INDIRECT_PATH_LOOKUP)
INDIRECT_SYSCALL_COMPAT(lstat64,	0, INDIRECT_PATH_LOOKUP)
INDIRECT_SYSCALL_COMPAT(fstatat64,	0, INDIRECT_PATH_LOOKUP)
INDIRECT_SYSCALL_COMPAT(chown32,	0, INDIRECT_PATH_LOOKUP)
INDIRECT_SYSCALL_COMPAT(lchown32,	0, INDIRECT_PATH_LOOKUP)
INDIRECT_SYSCALL_COMPAT(truncate64,	0, INDIRECT_PATH_LOOKUP)
INDIRECT_SYSCALL_COMPAT(statfs64,	0, INDIRECT_PATH_LOOKUP)
INDIRECT_SYSCALL_COMPAT(utimensat_time64, 0, INDIRECT_PATH_LOOKUP)

INDIRECT_SOCKETCALL(SYS_SOCKET,		socket)
INDIRECT_SOCKETCALL(SYS_SOCKETPAIR,	socketpair)
INDIRECT_SOCKETCALL(SYS_ACCEPT,		accept)

#undef INDIRECT_FD_BOTH
#undef INDIRECT_SOCKETCALL
#undef INDIRECT_SYSCALL_COMPAT
#undef INDIRECT_SYSCALL_NATIVE
#undef INDIRECT_SYSCALL
