// SPDX-License-Identifier: GPL-2.0
/* The pins, in a function and at file scope. */

static_assert(sizeof(struct baz_req) == BAZ_REQ_SIZE_LATEST);

static int foo_copy(struct foo_args __user *uargs, size_t usize)
{
	struct foo_args args;

	BUILD_BUG_ON(offsetofend(struct foo_args, addr) != FOO_ARGS_SIZE_VER0);
	BUILD_BUG_ON(sizeof(struct foo_args) != FOO_ARGS_SIZE_VER1);

	if (usize < FOO_ARGS_SIZE_VER0)
		return -EINVAL;
	if (usize > PAGE_SIZE)
		return -E2BIG;
	return copy_struct_from_user(&args, sizeof(args), uargs, usize);
}

static int qux_copy(struct qux_info __user *uinfo, size_t usize)
{
	struct qux_info info;

	BUILD_BUG_ON(sizeof(info) != QUX_INFO_SIZE_VER0);
	if (usize < QUX_INFO_SIZE_VER0)
		return -EINVAL;
	if (usize > PAGE_SIZE)
		return -E2BIG;
	return copy_struct_from_user(&info, sizeof(info), uinfo, usize);
}
