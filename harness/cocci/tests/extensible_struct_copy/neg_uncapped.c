// SPDX-License-Identifier: GPL-2.0
/*
 * Near misses of io_uring's uncapped size: capped after all, other errnos,
 * a minimum that is no first version, code between the bound and the copy.
 */

/* A cap further up: not an uncapped size (nor the bounds of openat2()). */
static int foo_prep(struct foo_req *req, struct foo_how __user *uhow,
		    size_t len)
{
	int ret;

	if (len > PAGE_SIZE)
		return -E2BIG;
	req->flags = 0;
	if (len < FOO_HOW_SIZE_VER0)
		return -EINVAL;
	ret = copy_struct_from_user(&req->how, sizeof(req->how), uhow, len);
	if (ret)
		return ret;
	return 0;
}

/* A size too small is E2BIG: not a new call's errno. */
static int bar_prep(struct bar_req *req, struct bar_how __user *uhow,
		    size_t len)
{
	int ret;

	if (len < BAR_HOW_SIZE_VER0)
		return -E2BIG;
	ret = copy_struct_from_user(&req->how, sizeof(req->how), uhow, len);
	if (ret)
		return ret;
	return 0;
}

/* A minimum that is no FOO_SIZE_VER0: which version is it? */
static int baz_prep(struct baz_req *req, struct baz_how __user *uhow,
		    size_t len)
{
	int ret;

	if (len < sizeof(u64))
		return -EINVAL;
	ret = copy_struct_from_user(&req->how, sizeof(req->how), uhow, len);
	if (ret)
		return ret;
	return 0;
}

/* A check between the bound and the copy keeps the order of its errnos. */
static int qux_prep(struct qux_req *req, struct qux_how __user *uhow,
		    size_t len)
{
	int ret;

	if (len < QUX_HOW_SIZE_VER0)
		return -EINVAL;
	if (req->busy)
		return -EBUSY;
	ret = copy_struct_from_user(&req->how, sizeof(req->how), uhow, len);
	if (ret)
		return ret;
	return 0;
}
