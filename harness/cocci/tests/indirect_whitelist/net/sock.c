// SPDX-License-Identifier: GPL-2.0
/* Readers where they belong: none may be reported. */
#include <linux/indirect.h>

SYSCALL_DEFINE3(socket, int, family, int, type, int, protocol)
{
	type |= indirect_fd_flags(socket, SOCK_CLOEXEC, SOCK_NONBLOCK);
	return __sys_socket(family, type, protocol);
}

/* accept reads through a chain of static helpers */
static int accept_flags(void)
{
	return indirect_fd_flags(accept, SOCK_CLOEXEC, SOCK_NONBLOCK);
}

static int accept_prepare(int fd)
{
	return accept_flags();
}

SYSCALL_DEFINE3(accept, int, fd, struct sockaddr __user *, upeer_sockaddr,
		int __user *, upeer_addrlen)
{
	return __sys_accept4(fd, upeer_sockaddr, upeer_addrlen,
			     accept_prepare(fd));
}
