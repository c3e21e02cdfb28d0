// SPDX-License-Identifier: GPL-2.0
/*
 * A self-sized struct with a new call's rules but no published sizes: its
 * minimum the end of a field, its size field only read (user_events).
 */
#include <linux/extensible_struct.h>

/* user_reg_get() in 6.12: the size field set by hand after the checks. */
static long user_reg_get(struct user_reg __user *ureg, struct user_reg *kreg)
{
	u32 size;
	long ret;

	ret = get_user(size, &ureg->size);

	if (ret)
		return ret;

	if (size > PAGE_SIZE)
		return -E2BIG;

	if (size < offsetofend(struct user_reg, write_index))
		return -EINVAL;

	ret = copy_struct_from_user(kreg, sizeof(*kreg), ureg, size);

	if (ret)
		return ret;

	/* Ensure supported size */
	switch (kreg->enable_size) {
	case 4:
		/* 32-bit */
		break;
#if BITS_PER_LONG >= 64
	case 8:
		/* 64-bit */
		break;
#endif
	default:
		return -EINVAL;
	}

	kreg->size = size;

	return 0;
}

/* user_unreg_get() in 6.12: the copy's result checked last. */
static long user_unreg_get(struct user_unreg __user *ureg,
			   struct user_unreg *kreg)
{
	u32 size;
	long ret;

	ret = get_user(size, &ureg->size);

	if (ret)
		return ret;

	if (size > PAGE_SIZE)
		return -E2BIG;

	if (size < offsetofend(struct user_unreg, disable_addr))
		return -EINVAL;

	ret = copy_struct_from_user(kreg, sizeof(*kreg), ureg, size);

	/* Ensure no reserved values, since we don't support any yet */
	if (kreg->__reserved || kreg->__reserved2)
		return -EINVAL;

	return ret;
}

/*
 * The lower bound first, typeof() in it, the local size declared last and
 * used later: the kernel's copy holds it now.
 */
static int foo_get(struct foo_req __user *ureq, struct foo_req *kreq)
{
	int ret;
	u32 size;

	ret = get_user(size, &ureq->size);
	if (ret)
		return -EFAULT;
	if (unlikely(size < offsetofend(typeof(*kreq), flags)))
		return -EINVAL;
	if (unlikely(size > PAGE_SIZE))
		return -E2BIG;
	ret = copy_struct_from_user(kreq, sizeof(*kreq), ureq, size);
	if (ret)
		return ret;
	if (size < sizeof(*kreq) && kreq->flags)
		return -EINVAL;
	return 0;
}
