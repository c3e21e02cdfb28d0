// SPDX-License-Identifier: GPL-2.0
/*
 * Near misses of copy_mnt_id_req(): self-sized copies whose size field is
 * not only read, or whose rules are not those of a new call. None of them
 * may get .size_read_only.
 */

/* E2BIG from the copy writes the kernel's size back, as perf and sched do. */
static int foo_copy_req(struct foo_req __user *ureq, struct foo_req *kreq)
{
	size_t usize;
	int ret;

	BUILD_BUG_ON(sizeof(struct foo_req) != FOO_REQ_SIZE_VER1);

	ret = get_user(usize, &ureq->size);
	if (ret)
		return -EFAULT;
	if (unlikely(usize > PAGE_SIZE))
		return -E2BIG;
	if (unlikely(usize < FOO_REQ_SIZE_VER0))
		return -EINVAL;
	memset(kreq, 0, sizeof(*kreq));
	ret = copy_struct_from_user(kreq, sizeof(*kreq), ureq, usize);
	if (ret) {
		if (ret == -E2BIG)
			put_user(sizeof(*kreq), &ureq->size);
		return ret;
	}
	return 0;
}

/* A size too large writes the kernel's size back before E2BIG. */
static int bar_copy_req(struct bar_req __user *ureq, struct bar_req *kreq)
{
	size_t usize;
	int ret;

	BUILD_BUG_ON(sizeof(struct bar_req) != BAR_REQ_SIZE_VER1);

	ret = get_user(usize, &ureq->size);
	if (ret)
		return -EFAULT;
	if (unlikely(usize > PAGE_SIZE))
		goto err_size;
	if (unlikely(usize < BAR_REQ_SIZE_VER0))
		return -EINVAL;
	memset(kreq, 0, sizeof(*kreq));
	ret = copy_struct_from_user(kreq, sizeof(*kreq), ureq, usize);
	if (ret == -E2BIG)
		goto err_size;
	return ret;

err_size:
	put_user(sizeof(*kreq), &ureq->size);
	return -E2BIG;
}

/* 0 is taken as the first version, as perf_event_attr's size is. */
static int baz_copy_req(struct baz_req __user *ureq, struct baz_req *kreq)
{
	size_t usize;
	int ret;

	BUILD_BUG_ON(sizeof(struct baz_req) != BAZ_REQ_SIZE_VER1);

	ret = get_user(usize, &ureq->size);
	if (ret)
		return -EFAULT;
	if (!usize)
		usize = BAZ_REQ_SIZE_VER0;
	if (unlikely(usize > PAGE_SIZE))
		return -E2BIG;
	if (unlikely(usize < BAZ_REQ_SIZE_VER0))
		return -EINVAL;
	memset(kreq, 0, sizeof(*kreq));
	ret = copy_struct_from_user(kreq, sizeof(*kreq), ureq, usize);
	if (ret)
		return ret;
	return 0;
}

/* A size too small is E2BIG, as sched_attr's is. */
static int qux_copy_req(struct qux_req __user *ureq, struct qux_req *kreq)
{
	size_t usize;
	int ret;

	BUILD_BUG_ON(sizeof(struct qux_req) != QUX_REQ_SIZE_VER1);

	ret = get_user(usize, &ureq->size);
	if (ret)
		return -EFAULT;
	if (unlikely(usize > PAGE_SIZE))
		return -E2BIG;
	if (unlikely(usize < QUX_REQ_SIZE_VER0))
		return -E2BIG;
	memset(kreq, 0, sizeof(*kreq));
	ret = copy_struct_from_user(kreq, sizeof(*kreq), ureq, usize);
	if (ret)
		return ret;
	return 0;
}
