// SPDX-License-Identifier: GPL-2.0
/* Readers in the wrong place: each is reported. */
#include <linux/indirect.h>

/* the flags of socketpair read by another call */
SYSCALL_DEFINE4(socketpair, int, family, int, type, int, protocol,
		int __user *, usockvec)
{
	type |= indirect_fd_flags(socket, SOCK_CLOEXEC, SOCK_NONBLOCK);
	return __sys_socketpair(family, type, protocol, usockvec);
}

/* an exported helper: any caller gets dup's flags */
int dup_fd_flags(void)
{
	return indirect_fd_flags(dup, O_CLOEXEC, 0);
}

SYSCALL_DEFINE1(dup, unsigned int, fildes)
{
	return do_dup(fildes, dup_fd_flags());
}

/* a static helper that only another call uses */
static int timerfd_flags(void)
{
	return indirect_fd_flags(timerfd_create, TFD_CLOEXEC, TFD_NONBLOCK);
}

SYSCALL_DEFINE2(timerfd_gettime, int, ufd, struct __kernel_itimerspec __user *, otmr)
{
	return do_timerfd_gettime(ufd, otmr, timerfd_flags());
}

/* not on the list (the build fails too) */
SYSCALL_DEFINE1(epoll_create, int, size)
{
	if (size <= 0)
		return -EINVAL;
	return do_epoll_create(indirect_fd_flags(epoll_create, EPOLL_CLOEXEC, 0));
}

#ifdef CONFIG_COMPAT
/* a compat call reading the flags of another call */
COMPAT_SYSCALL_DEFINE2(timerfd_settime_compat, int, ufd, int, flags)
{
	return do_timerfd_settime(ufd, flags |
		indirect_fd_flags(timerfd_create, TFD_CLOEXEC, TFD_NONBLOCK));
}
#endif
