// SPDX-License-Identifier: GPL-2.0
/* The self-sized sequence of perf_copy_attr() and sched_copy_attr(). */
#include <linux/extensible_struct.h>

#define FOO_ATTR_SIZE_VER0	16
#define FOO_ATTR_SIZE_VER1	24
#define FOO_ATTR_SIZE_VER2	32

#define BAR_ATTR_SIZE_VER0	48
#define BAR_ATTR_SIZE_VER1	56

/* sched_copy_attr() in 6.12: err_size returns. */
static int foo_copy_attr(struct foo_attr __user *uattr, struct foo_attr *attr)
{
	u32 size;
	int ret;

	memset(attr, 0, sizeof(*attr));

	ret = get_user(size, &uattr->size);
	if (ret)
		return ret;

	if (!size)
		size = FOO_ATTR_SIZE_VER0;
	if (size < FOO_ATTR_SIZE_VER0 || size > PAGE_SIZE)
		goto err_size;

	ret = copy_struct_from_user(attr, sizeof(*attr), uattr, size);
	if (ret) {
		if (ret == -E2BIG)
			goto err_size;
		return ret;
	}

	if (attr->flags && size < FOO_ATTR_SIZE_VER1)
		return -EINVAL;
	return 0;

err_size:
	put_user(sizeof(*attr), &uattr->size);
	return -E2BIG;
}

/* perf_copy_attr() in 6.12: err_size jumps to the common exit. */
static int bar_copy_attr(struct bar_attr __user *uattr, struct bar_attr *attr)
{
	u32 size;
	int ret;

	memset(attr, 0, sizeof(*attr));

	ret = get_user(size, &uattr->size);
	if (ret)
		return ret;

	if (!size)
		size = BAR_ATTR_SIZE_VER0;
	if (size < BAR_ATTR_SIZE_VER0 || size > PAGE_SIZE)
		goto err_size;

	ret = copy_struct_from_user(attr, sizeof(*attr), uattr, size);
	if (ret) {
		if (ret == -E2BIG)
			goto err_size;
		return ret;
	}

	attr->size = size;

	if (attr->type > 7)
		return -EINVAL;
	ret = bar_validate(attr);
out:
	return ret;

err_size:
	put_user(sizeof(*attr), &uattr->size);
	ret = -E2BIG;
	goto out;
}
