// SPDX-License-Identifier: GPL-2.0
/* Shapes the helpers do not take over as they are. */

/*
 * mount_setattr(): privilege is checked between the bounds and the copy,
 * so a bad size of an unprivileged caller is EINVAL, not EPERM; moving
 * the bounds into the copy would change that.
 */
SYSCALL_DEFINE3(baz_setattr, int, dfd, struct baz_attr __user *, uattr,
		size_t, usize)
{
	int err;
	struct baz_attr attr;

	BUILD_BUG_ON(sizeof(struct baz_attr) != BAZ_ATTR_SIZE_VER0);

	if (unlikely(usize > PAGE_SIZE))
		return -E2BIG;
	if (unlikely(usize < BAZ_ATTR_SIZE_VER0))
		return -EINVAL;

	if (!may_baz())
		return -EPERM;

	err = copy_struct_from_user(&attr, sizeof(attr), uattr, usize);
	if (err)
		return err;
	return do_baz(dfd, &attr);
}

/* No pin: the description would not know the latest size. */
static int qux_copy(struct qux __user *uq, size_t usize)
{
	struct qux kq;
	int err;

	if (usize < QUX_SIZE_VER0)
		return -EINVAL;
	if (usize > PAGE_SIZE)
		return -E2BIG;
	err = copy_struct_from_user(&kq, sizeof(kq), uq, usize);
	if (err)
		return err;
	return kq.value;
}

/* One bound only: copy_struct_from_user_usize.cocci's business. */
static int quux_copy(struct quux __user *uq, size_t usize)
{
	struct quux kq;
	int err;

	BUILD_BUG_ON(sizeof(struct quux) != QUUX_SIZE_VER0);
	if (usize < QUUX_SIZE_VER0)
		return -EINVAL;
	err = copy_struct_from_user(&kq, sizeof(kq), uq, usize);
	if (err)
		return err;
	return kq.value;
}

/* Already converted. */
static const struct extensible_struct corge_ext = {
	EXTENSIBLE_STRUCT(struct corge, CORGE_SIZE_VER0, CORGE_SIZE_VER0),
};

static int corge_copy(struct corge __user *uc, size_t usize)
{
	struct corge kc;
	int err;

	err = extensible_copy_from_user(&corge_ext, &kc, uc, usize);
	if (err)
		return err;
	return kc.value;
}

/*
 * copy_mnt_id_req()'s sequence (pos_self_sized_ro.c) without its pin: the
 * description would not know the latest size (and the copy's result is
 * returned, not checked).
 */
static int grault_copy_req(struct grault_req __user *ureq,
			   struct grault_req *kreq)
{
	size_t usize;
	int ret;

	ret = get_user(usize, &ureq->size);
	if (ret)
		return -EFAULT;
	if (unlikely(usize > PAGE_SIZE))
		return -E2BIG;
	if (unlikely(usize < GRAULT_REQ_SIZE_VER0))
		return -EINVAL;
	memset(kreq, 0, sizeof(*kreq));
	return copy_struct_from_user(kreq, sizeof(*kreq), ureq, usize);
}
