// SPDX-License-Identifier: GPL-2.0
/*
 * perf_copy_attr() of Linux 6.12: PERF_ATTR_SIZE_VERn are defined in a
 * header that is not among the files checked, and nothing pins them.
 */
static int perf_copy_attr(struct perf_event_attr __user *uattr,
			  struct perf_event_attr *attr)
{
	u32 size;
	int ret;

	/* Zero the full structure, so that a short copy will be nice. */
	memset(attr, 0, sizeof(*attr));

	ret = get_user(size, &uattr->size);
	if (ret)
		return ret;

	/* ABI compatibility quirk: */
	if (!size)
		size = PERF_ATTR_SIZE_VER0;
	if (size < PERF_ATTR_SIZE_VER0 || size > PAGE_SIZE)
		goto err_size;

	ret = copy_struct_from_user(attr, sizeof(*attr), uattr, size);
	if (ret) {
		if (ret == -E2BIG)
			goto err_size;
		return ret;
	}
	return 0;

err_size:
	put_user(sizeof(*attr), &uattr->size);
	return -E2BIG;
}

static int bar_copy(struct bar_attr __user *uattr, u32 size)
{
	struct bar_attr attr;

	if (size < BAR_ATTR_SIZE_VER0 || size > PAGE_SIZE)
		return -EINVAL;
	return copy_struct_from_user(&attr, sizeof(attr), uattr, size);
}
