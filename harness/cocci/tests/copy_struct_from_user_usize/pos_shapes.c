// SPDX-License-Identifier: GPL-2.0
/* Missing bounds, directly and through a helper. */

/* no lower bound at all */
SYSCALL_DEFINE3(foo_set, int, fd, struct foo_args __user *, uargs,
		size_t, usize)
{
	struct foo_args args;
	int err;

	if (usize > PAGE_SIZE)
		return -E2BIG;
	err = copy_struct_from_user(&args, sizeof(args), uargs, usize);
	if (err)
		return err;
	return foo_set(fd, &args);
}

/* the lower bound only on one path */
SYSCALL_DEFINE4(foo_get, int, fd, struct foo_args __user *, uargs,
		size_t, usize, unsigned int, flags)
{
	struct foo_args args;
	int err;

	if (flags & FOO_STRICT) {
		if (usize < FOO_ARGS_SIZE_VER0)
			return -EINVAL;
	}
	if (usize > PAGE_SIZE)
		return -E2BIG;
	err = copy_struct_from_user(&args, sizeof(args), uargs, usize);
	if (err)
		return err;
	return foo_get(fd, &args);
}

/* a helper: one caller bounds the size, the other does not */
static int foo_copy_args(struct foo_args *args, struct foo_args __user *uargs,
			 size_t usize)
{
	return copy_struct_from_user(args, sizeof(*args), uargs, usize);
}

SYSCALL_DEFINE3(foo_ok, int, fd, struct foo_args __user *, uargs,
		size_t, usize)
{
	struct foo_args args;
	int err;

	if (usize < FOO_ARGS_SIZE_VER0 || usize > PAGE_SIZE)
		return -EINVAL;
	err = foo_copy_args(&args, uargs, usize);
	if (err)
		return err;
	return foo_set(fd, &args);
}

SYSCALL_DEFINE3(foo_bad, int, fd, struct foo_args __user *, uargs,
		size_t, usize)
{
	struct foo_args args;
	int err;

	err = foo_copy_args(&args, uargs, usize);
	if (err)
		return err;
	return foo_set(fd, &args);
}

/* a helper nobody in this file calls */
int foo_copy_exported(struct foo_args *args, struct foo_args __user *uargs,
		      size_t usize)
{
	return copy_struct_from_user(args, sizeof(*args), uargs, usize);
}

/* the lower bound is the current size: old binaries are refused */
SYSCALL_DEFINE3(foo_whole, int, fd, struct foo_args __user *, uargs,
		size_t, usize)
{
	struct foo_args args;
	int err;

	if (usize < sizeof(args))
		return -EINVAL;
	if (usize > PAGE_SIZE)
		return -E2BIG;
	err = copy_struct_from_user(&args, sizeof(args), uargs, usize);
	if (err)
		return err;
	return foo_set(fd, &args);
}

/* "!usize" and "usize == 0" are no bound */
SYSCALL_DEFINE3(foo_zero, int, fd, struct foo_args __user *, uargs,
		size_t, usize)
{
	struct foo_args args = {};
	int err;

	if (usize == 0)
		return foo_set(fd, &args);
	err = copy_struct_from_user(&args, sizeof(args), uargs, usize);
	if (err)
		return err;
	return foo_set(fd, &args);
}
