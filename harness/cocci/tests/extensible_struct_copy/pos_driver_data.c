// SPDX-License-Identifier: GPL-2.0
/*
 * A size refused with EINVAL below its first version and above the
 * kernel's struct, whatever its tail: iommu's driver data, as
 * iommu_copy_struct_from_user() checked it for each data type.
 */
#include <linux/extensible_struct.h>

#define FOO_DATA_SIZE_VER0	8
#define FOO_DATA_SIZE_VER1	16

/* The mock driver's nested HWPT data, iommu's bounds inlined. */
static int mock_hwpt_data(struct iommu_hwpt_selftest *cfg,
			  const struct iommu_user_data *data)
{
	if (data->type != IOMMU_HWPT_DATA_SELFTEST)
		return -EINVAL;
	if (data->len < offsetofend(struct iommu_hwpt_selftest, iotlb) ||
	    sizeof(*cfg) < data->len)
		return -EINVAL;
	return copy_struct_from_user(cfg, sizeof(*cfg), data->uptr, data->len);
}

/* A local struct, the bounds the other way round, the result kept. */
static int foo_set_data(struct foo_dev *dev, void __user *udata, u32 len)
{
	struct foo_data data;
	int ret;

	if (len > sizeof(data) || len < FOO_DATA_SIZE_VER0)
		return -EINVAL;
	ret = copy_struct_from_user(&data, sizeof(data), udata, len);
	if (ret)
		return ret;
	dev->flags = data.flags;
	return 0;
}
