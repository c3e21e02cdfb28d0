// SPDX-License-Identifier: GPL-2.0
/* The forms of Linux 6.12: none may be reported. */

/* kernel/fork.c */
static int copy_clone_args(struct clone_args __user *uargs, size_t usize)
{
	struct clone_args args;
	int err;

	err = copy_struct_from_user(&args, sizeof(args), uargs, usize);
	return err;
}

/* kernel/events/core.c, kernel/sched/syscalls.c */
static int foo_copy_attr(struct perf_event_attr __user *uattr,
			 struct perf_event_attr *attr, u32 size)
{
	return copy_struct_from_user(attr, sizeof(*attr), uattr, size);
}

/* a type name instead of the object */
static int foo_by_type(struct open_how __user *how, size_t usize)
{
	struct open_how tmp;

	return copy_struct_from_user(&tmp, sizeof(struct open_how), how, usize);
}

/* io_uring/openclose.c: a member of unknown type, sizeof of the same */
static int foo_member(struct io_open *open, struct open_how __user *how,
		      size_t len)
{
	return copy_struct_from_user(&open->how, sizeof(open->how), how, len);
}

/* a member whose type is not known here: not judged */
static int foo_member_type(struct io_open *open, struct open_how __user *how,
			   size_t len)
{
	return copy_struct_from_user(&open->how, sizeof(struct open_how), how,
				     len);
}

/* security/landlock/syscalls.c: a wrapper passes its own ksize on */
static int copy_min_struct_from_user(void *const dst, const size_t ksize,
				     const size_t ksize_min,
				     const void __user *const src,
				     const size_t usize)
{
	if (usize < ksize_min)
		return -EINVAL;
	if (usize > PAGE_SIZE)
		return -E2BIG;
	return copy_struct_from_user(dst, ksize, src, usize);
}

/* drivers/iommu/iommufd/main.c: the size from a table of operations */
static long foo_table(struct foo_ucmd *ucmd, const struct foo_op *op)
{
	return copy_struct_from_user(ucmd->cmd, op->size, ucmd->ubuffer,
				     ucmd->user_size);
}

/* an array destination: sizeof() of the array is its size */
static int foo_array(u64 __user *uvals, size_t usize)
{
	u64 vals[4];

	if (usize < 8 || usize > PAGE_SIZE)
		return -EINVAL;
	return copy_struct_from_user(vals, sizeof(vals), uvals, usize);
}
