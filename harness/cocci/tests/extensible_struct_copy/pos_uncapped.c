// SPDX-License-Identifier: GPL-2.0
/* A size bounded below only, never capped (io_uring's IORING_OP_OPENAT2). */
#include <linux/extensible_struct.h>

#define OPEN_HOW_SIZE_VER0	24
#define OPEN_HOW_SIZE_LATEST	OPEN_HOW_SIZE_VER0

#define FOO_HOW_SIZE_VER0	16
#define FOO_HOW_SIZE_VER1	24

/*
 * io_openat2_prep() in 6.12: the description is io_uring's, with the
 * caller's prefix, not openat2()'s.
 */
int io_openat2_prep(struct io_kiocb *req, const struct io_uring_sqe *sqe)
{
	struct io_open *open = io_kiocb_to_cmd(req, struct io_open);
	struct open_how __user *how;
	size_t len;
	int ret;

	how = u64_to_user_ptr(READ_ONCE(sqe->addr2));
	len = READ_ONCE(sqe->len);
	if (len < OPEN_HOW_SIZE_VER0)
		return -EINVAL;

	ret = copy_struct_from_user(&open->how, sizeof(open->how), how, len);
	if (ret)
		return ret;

	return __io_openat_prep(req, sqe);
}

/*
 * The user pointer a parameter, unlikely(), no FOO_HOW_SIZE_LATEST: the
 * highest FOO_HOW_SIZE_VERn is the latest size.
 */
static int foo_set_how(struct foo_ctx *ctx, struct foo_how __user *uhow,
		       u32 usize)
{
	struct foo_how how;
	int err;

	if (unlikely(usize < FOO_HOW_SIZE_VER0))
		return -EINVAL;
	err = copy_struct_from_user(&how, sizeof(how), uhow, usize);
	if (err)
		return err;
	ctx->flags = how.flags;
	return 0;
}
