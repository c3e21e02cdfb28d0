// SPDX-License-Identifier: GPL-2.0
/* A self-sized struct whose size field is only read (statmount, listmount). */
#include <linux/extensible_struct.h>

/* copy_mnt_id_req() in 6.12: the upper bound first. */
static int copy_mnt_id_req(const struct mnt_id_req __user *req,
			   struct mnt_id_req *kreq)
{
	int ret;
	size_t usize;

	BUILD_BUG_ON(sizeof(struct mnt_id_req) != MNT_ID_REQ_SIZE_VER1);

	ret = get_user(usize, &req->size);
	if (ret)
		return -EFAULT;
	if (unlikely(usize > PAGE_SIZE))
		return -E2BIG;
	if (unlikely(usize < MNT_ID_REQ_SIZE_VER0))
		return -EINVAL;
	memset(kreq, 0, sizeof(*kreq));
	ret = copy_struct_from_user(kreq, sizeof(*kreq), req, usize);
	if (ret)
		return ret;
	if (kreq->mnt_ns_fd != 0 && kreq->mnt_ns_id)
		return -EINVAL;
	/* The first valid unique mount id is MNT_UNIQUE_ID_OFFSET + 1. */
	if (kreq->mnt_id <= MNT_UNIQUE_ID_OFFSET)
		return -EINVAL;
	return 0;
}

/*
 * The same with the lower bound first, the struct zeroed before the size
 * is read, and a later use of the size: the kernel's copy holds it now.
 */
static int copy_foo_req(struct foo_req __user *ureq, struct foo_req *kreq)
{
	u32 usize;
	int ret;

	BUILD_BUG_ON(sizeof(struct foo_req) != FOO_REQ_SIZE_VER2);

	memset(kreq, 0, sizeof(*kreq));
	ret = get_user(usize, &ureq->size);
	if (ret)
		return ret;
	if (usize < FOO_REQ_SIZE_VER0)
		return -EINVAL;
	if (usize > PAGE_SIZE)
		return -E2BIG;
	ret = copy_struct_from_user(kreq, sizeof(*kreq), ureq, usize);
	if (ret)
		return ret;
	if (kreq->flags && usize < FOO_REQ_SIZE_VER1)
		return -EINVAL;
	return 0;
}
