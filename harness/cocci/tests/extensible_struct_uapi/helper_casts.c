// SPDX-License-Identifier: GPL-2.0
/*
 * Members of structs of another file copied by the extensible struct
 * helpers, cast to user pointers (user_events' user_reg.enable_addr).
 */

static long foo_reg(struct user_reg __user *ureg)
{
	struct user_reg reg;
	unsigned long __user *uaddr;
	long err;

	err = extensible_copy_self_sized(&user_reg_ext, &reg, ureg);
	if (err)
		return err;
	uaddr = (unsigned long __user *)(unsigned long)reg.enable_addr;
	return put_user(0, uaddr);
}

static long foo_open(struct open_how __user *uhow, size_t usize)
{
	struct open_how how;
	long err;

	err = extensible_copy_from_user(&open_how_ext, &how, uhow, usize);
	if (err)
		return err;
	return foo_do((const char __user *)(uintptr_t)how.name);
}

static long foo_ioctl(struct foo_addfd __user *uaddfd, unsigned int cmd)
{
	struct foo_addfd *addfd = &foo_cur()->addfd;
	long err;

	err = extensible_copy_from_ioctl(&foo_addfd_ext, addfd, uaddfd, cmd);
	if (err)
		return err;
	return foo_do((void __user *)(unsigned long)addfd->buf);
}

/* copied by hand: the member's type is not known, nothing reported */
static long foo_plain(struct user_reg __user *ureg)
{
	struct user_reg plain;

	if (copy_from_user(&plain, ureg, sizeof(plain)))
		return -EFAULT;
	return foo_do((void __user *)(unsigned long)plain.enable_addr);
}
