// SPDX-License-Identifier: GPL-2.0
/* The two orders in which mainline's callers wrote the bounds. */
#include <linux/extensible_struct.h>

/* openat2() in 6.12: lower bound first, pin at the top. */
SYSCALL_DEFINE3(foo, int, dfd, struct foo_how __user *, how, size_t, usize)
{
	int err;
	struct foo_how tmp;

	BUILD_BUG_ON(sizeof(struct foo_how) != FOO_HOW_SIZE_LATEST);

	if (unlikely(usize < FOO_HOW_SIZE_VER0))
		return -EINVAL;
	if (unlikely(usize > PAGE_SIZE))
		return -E2BIG;

	err = copy_struct_from_user(&tmp, sizeof(tmp), how, usize);
	if (err)
		return err;

	return do_foo(dfd, &tmp);
}

/* clone3() in 6.12: the offsets of each version pinned too, upper first. */
static int copy_bar_args(struct kernel_bar_args *kargs,
			 struct bar_args __user *uargs, size_t usize)
{
	int err;
	struct bar_args args;

	BUILD_BUG_ON(offsetofend(struct bar_args, tls) != BAR_ARGS_SIZE_VER0);
	BUILD_BUG_ON(sizeof(struct bar_args) != BAR_ARGS_SIZE_VER1);

	if (usize > PAGE_SIZE)
		return -E2BIG;
	if (usize < BAR_ARGS_SIZE_VER0)
		return -EINVAL;

	err = copy_struct_from_user(&args, sizeof(args), uargs, usize);
	if (err)
		return err;

	kargs->flags = args.flags;
	return 0;
}
