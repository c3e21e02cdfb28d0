// SPDX-License-Identifier: GPL-2.0
/* ksize that is not the size of the kernel object. */

static int foo_sizeof_pointer(struct foo_args *kargs,
			      struct foo_args __user *uargs, size_t usize)
{
	if (usize < FOO_ARGS_SIZE_VER0 || usize > PAGE_SIZE)
		return -EINVAL;
	/* the size of the pointer, not of the struct */
	return copy_struct_from_user(kargs, sizeof(kargs), uargs, usize);
}

static int foo_version_constant(struct foo_args __user *uargs, size_t usize)
{
	struct foo_args kargs;
	int err;

	if (usize < FOO_ARGS_SIZE_VER0 || usize > PAGE_SIZE)
		return -EINVAL;
	/* the first version's size: fields added later are never copied */
	err = copy_struct_from_user(&kargs, FOO_ARGS_SIZE_VER0, uargs, usize);
	if (err)
		return err;
	return kargs.flags;
}

static int foo_other_struct(struct foo_args __user *uargs, size_t usize)
{
	struct foo_args kargs;
	int err;

	if (usize < FOO_ARGS_SIZE_VER0 || usize > PAGE_SIZE)
		return -EINVAL;
	err = copy_struct_from_user(&kargs, sizeof(struct foo_args_v2), uargs,
				    usize);
	if (err)
		return err;
	return kargs.flags;
}

static int foo_offsetofend(struct foo_args *kargs,
			   struct foo_args __user *uargs, size_t usize)
{
	if (usize < FOO_ARGS_SIZE_VER0 || usize > PAGE_SIZE)
		return -EINVAL;
	return copy_struct_from_user(kargs, offsetofend(struct foo_args, flags),
				     uargs, usize);
}

static int foo_number(struct foo_args __user *uargs, size_t usize)
{
	struct foo_args kargs;

	if (usize < FOO_ARGS_SIZE_VER0 || usize > PAGE_SIZE)
		return -EINVAL;
	return copy_struct_from_user(&kargs, 24, uargs, usize);
}

static int foo_untyped(struct foo_ctx *ctx, struct foo_args __user *uargs,
		       size_t usize)
{
	if (usize < FOO_ARGS_SIZE_VER0 || usize > PAGE_SIZE)
		return -EINVAL;
	/* a sizeof() of another member */
	return copy_struct_from_user(&ctx->args, sizeof(ctx->old_args), uargs,
				     usize);
}
