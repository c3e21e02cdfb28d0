// SPDX-License-Identifier: GPL-2.0
/* More readers where they belong: none may be reported. */
#include <linux/indirect.h>

SYSCALL_DEFINE0(inotify_init)
{
	return do_inotify_init(indirect_fd_flags(inotify_init, IN_CLOEXEC,
						 IN_NONBLOCK));
}

/* fs/signalfd.c: a helper of the native and the compat call */
static int signalfd_indirect_flags(int ufd)
{
	int flags = indirect_fd_flags(signalfd, SFD_CLOEXEC, SFD_NONBLOCK);

	return ufd != -1 && flags ? -EINVAL : flags;
}

SYSCALL_DEFINE3(signalfd, int, ufd, sigset_t __user *, user_mask,
		size_t, sizemask)
{
	int flags = signalfd_indirect_flags(ufd);
	sigset_t mask;

	if (flags < 0)
		return flags;
	if (sizemask != sizeof(sigset_t))
		return -EINVAL;
	if (copy_from_user(&mask, user_mask, sizeof(mask)))
		return -EFAULT;
	return do_signalfd4(ufd, &mask, flags);
}

#ifdef CONFIG_COMPAT
COMPAT_SYSCALL_DEFINE3(signalfd, int, ufd,
		       const compat_sigset_t __user *, user_mask,
		       compat_size_t, sigsetsize)
{
	int flags = signalfd_indirect_flags(ufd);

	if (flags < 0)
		return flags;
	return do_compat_signalfd4(ufd, user_mask, sigsetsize, flags);
}

COMPAT_SYSCALL_DEFINE1(eventfd, unsigned int, count)
{
	return do_eventfd(count, indirect_fd_flags(eventfd, EFD_CLOEXEC,
						   EFD_NONBLOCK));
}
#endif
