// SPDX-License-Identifier: GPL-2.0
/* socketcall() may read the flags of the operations listed for it. */

COMPAT_SYSCALL_DEFINE2(socketcall, int, call, u32 __user *, args)
{
	switch (call) {
	case SYS_SOCKET:
		return __sys_socket(1, indirect_fd_flags(socket, 1, 2), 0);
	case SYS_ACCEPT:
		return __sys_accept4(0, NULL, NULL,
				     indirect_fd_flags(accept, 1, 2));
	case SYS_SOCKETPAIR:
		/* dup is listed, but not as an operation */
		return indirect_fd_flags(dup, 1, 0);
	}
	return -EINVAL;
}

SYSCALL_DEFINE2(socketcall, int, call, unsigned long __user *, args)
{
	if (call == SYS_SOCKET)
		return __sys_socket(1, indirect_fd_flags(socket, 1, 2), 0);
	return indirect_fd_flags(eventfd, 1, 2);
}
