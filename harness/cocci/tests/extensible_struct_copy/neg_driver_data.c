// SPDX-License-Identifier: GPL-2.0
/*
 * Near misses of iommu's driver data bounds: another errno, another
 * bound, code between the bounds and the copy.
 */

/* A struct too large is E2BIG: not iommu's rule. */
static int foo_data(struct foo_data *cfg, void __user *u, u32 len)
{
	if (len < FOO_DATA_SIZE_VER0 || len > sizeof(*cfg))
		return -E2BIG;
	return copy_struct_from_user(cfg, sizeof(*cfg), u, len);
}

/* Bounded by another struct than the one copied. */
static int bar_data(struct bar_data *cfg, void __user *u, u32 len)
{
	if (len < BAR_DATA_SIZE_VER0 || len > sizeof(struct bar_old))
		return -EINVAL;
	return copy_struct_from_user(cfg, sizeof(*cfg), u, len);
}

/* Code between the bounds and the copy: its errnos keep their order. */
static int baz_data(struct baz_dev *dev, void __user *u, u32 len)
{
	struct baz_data data;
	int ret;

	if (len < BAZ_DATA_SIZE_VER0 || len > sizeof(data))
		return -EINVAL;
	if (!dev->ready)
		return -EBUSY;
	ret = copy_struct_from_user(&data, sizeof(data), u, len);
	if (ret)
		return ret;
	dev->flags = data.flags;
	return 0;
}
