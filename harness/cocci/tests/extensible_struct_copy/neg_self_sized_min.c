// SPDX-License-Identifier: GPL-2.0
/*
 * Near misses of user_events' self-sized copies: size fields written back
 * or not a u32, rules not a new call's, code between the checks and the
 * copy.
 */

/* E2BIG from the copy writes the kernel's size back, as perf does. */
static long foo_get(struct foo_reg __user *ureg, struct foo_reg *kreg)
{
	u32 size;
	long ret;

	ret = get_user(size, &ureg->size);
	if (ret)
		return ret;
	if (size > PAGE_SIZE)
		return -E2BIG;
	if (size < offsetofend(struct foo_reg, flags))
		return -EINVAL;
	ret = copy_struct_from_user(kreg, sizeof(*kreg), ureg, size);
	if (ret == -E2BIG)
		put_user(sizeof(*kreg), &ureg->size);
	return ret;
}

/* A u64 size field: the helper reads a u32. */
static long bar_get(struct bar_reg __user *ureg, struct bar_reg *kreg)
{
	u64 size;
	long ret;

	ret = get_user(size, &ureg->size);
	if (ret)
		return ret;
	if (size > PAGE_SIZE)
		return -E2BIG;
	if (size < offsetofend(struct bar_reg, flags))
		return -EINVAL;
	ret = copy_struct_from_user(kreg, sizeof(*kreg), ureg, size);
	return ret;
}

/* A size too small is E2BIG, as perf's: not a new call's errno. */
static long baz_get(struct baz_reg __user *ureg, struct baz_reg *kreg)
{
	u32 size;
	long ret;

	ret = get_user(size, &ureg->size);
	if (ret)
		return ret;
	if (size > PAGE_SIZE)
		return -E2BIG;
	if (size < offsetofend(struct baz_reg, flags))
		return -E2BIG;
	ret = copy_struct_from_user(kreg, sizeof(*kreg), ureg, size);
	return ret;
}

/* A check between the bounds and the copy keeps the order of its errnos. */
static long qux_get(struct qux_reg __user *ureg, struct qux_reg *kreg)
{
	u32 size;
	long ret;

	ret = get_user(size, &ureg->size);
	if (ret)
		return ret;
	if (size > PAGE_SIZE)
		return -E2BIG;
	if (size < offsetofend(struct qux_reg, flags))
		return -EINVAL;
	if (!qux_ready())
		return -EBUSY;
	ret = copy_struct_from_user(kreg, sizeof(*kreg), ureg, size);
	return ret;
}

/* The minimum the end of another struct's field. */
static long quux_get(struct quux_reg __user *ureg, struct quux_reg *kreg)
{
	u32 size;
	long ret;

	ret = get_user(size, &ureg->size);
	if (ret)
		return ret;
	if (size > PAGE_SIZE)
		return -E2BIG;
	if (size < offsetofend(struct quux_reg_v0, flags))
		return -EINVAL;
	ret = copy_struct_from_user(kreg, sizeof(*kreg), ureg, size);
	return ret;
}
