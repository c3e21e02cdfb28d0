// SPDX-License-Identifier: GPL-2.0
/* Bounded as Linux 6.12 does it: none may be reported. */

/* fs/open.c */
SYSCALL_DEFINE4(openat2, int, dfd, const char __user *, filename,
		struct open_how __user *, how, size_t, usize)
{
	int err;
	struct open_how tmp;

	BUILD_BUG_ON(sizeof(struct open_how) < OPEN_HOW_SIZE_VER0);
	BUILD_BUG_ON(sizeof(struct open_how) != OPEN_HOW_SIZE_LATEST);

	if (unlikely(usize < OPEN_HOW_SIZE_VER0))
		return -EINVAL;
	if (unlikely(usize > PAGE_SIZE))
		return -E2BIG;

	err = copy_struct_from_user(&tmp, sizeof(tmp), how, usize);
	if (err)
		return err;

	return do_sys_openat2(dfd, filename, &tmp);
}

/* kernel/sched/syscalls.c: size in the struct, 0 means the first version */
static int sched_copy_attr(struct sched_attr __user *uattr, struct sched_attr *attr)
{
	u32 size;
	int ret;

	memset(attr, 0, sizeof(*attr));

	ret = get_user(size, &uattr->size);
	if (ret)
		return ret;

	/* ABI compatibility quirk: */
	if (!size)
		size = SCHED_ATTR_SIZE_VER0;
	if (size < SCHED_ATTR_SIZE_VER0 || size > PAGE_SIZE)
		goto err_size;

	ret = copy_struct_from_user(attr, sizeof(*attr), uattr, size);
	if (ret) {
		if (ret == -E2BIG)
			goto err_size;
		return ret;
	}
	return 0;

err_size:
	put_user(sizeof(*attr), &uattr->size);
	return -E2BIG;
}

/* kernel/seccomp.c: ">=" and one error for both */
static long seccomp_notify_addfd(struct seccomp_filter *filter,
				 struct seccomp_notif_addfd __user *uaddfd,
				 unsigned int size)
{
	struct seccomp_notif_addfd addfd;
	int ret;

	BUILD_BUG_ON(sizeof(addfd) < SECCOMP_NOTIFY_ADDFD_SIZE_VER0);
	BUILD_BUG_ON(sizeof(addfd) != SECCOMP_NOTIFY_ADDFD_SIZE_LATEST);

	if (size < SECCOMP_NOTIFY_ADDFD_SIZE_VER0 || size >= PAGE_SIZE)
		return -EINVAL;

	ret = copy_struct_from_user(&addfd, sizeof(addfd), uaddfd, size);
	if (ret)
		return ret;
	return 0;
}

/* security/landlock/syscalls.c: the wrapper bounds it */
static __always_inline int
copy_min_struct_from_user(void *const dst, const size_t ksize,
			  const size_t ksize_min, const void __user *const src,
			  const size_t usize)
{
	BUILD_BUG_ON(!dst);
	if (!src)
		return -EFAULT;

	BUILD_BUG_ON(ksize <= 0);
	BUILD_BUG_ON(ksize < ksize_min);
	if (usize < ksize_min)
		return -EINVAL;
	if (usize > PAGE_SIZE)
		return -E2BIG;

	return copy_struct_from_user(dst, ksize, src, usize);
}

/* kernel/trace/trace_events_user.c: offsetofend() as the first version */
static long user_reg_get(struct user_reg __user *ureg, struct user_reg *kreg)
{
	u32 size;
	long ret;

	ret = get_user(size, &ureg->size);

	if (ret)
		return ret;

	if (size > PAGE_SIZE)
		return -E2BIG;

	if (size < offsetofend(struct user_reg, write_index))
		return -EINVAL;

	ret = copy_struct_from_user(kreg, sizeof(*kreg), ureg, size);

	return ret;
}

/* drivers/platform/surface: a fixed size, not the user's */
static long ssam_cdev_request(struct ssam_cdev_client *client,
			      struct ssam_cdev_request __user *r)
{
	struct ssam_cdev_request rqst;
	int ret;

	ret = copy_struct_from_user(&rqst, sizeof(rqst), r, sizeof(*r));
	if (ret)
		return ret;
	return 0;
}

/* a helper whose every caller bounds the size */
static int bar_copy_args(struct bar_args *args, struct bar_args __user *uargs,
			 size_t usize)
{
	return copy_struct_from_user(args, sizeof(*args), uargs, usize);
}

SYSCALL_DEFINE3(bar_set, int, fd, struct bar_args __user *, uargs,
		size_t, usize)
{
	struct bar_args args;
	int err;

	if (usize < BAR_ARGS_SIZE_VER0)
		return -EINVAL;
	if (usize > PAGE_SIZE)
		return -E2BIG;
	err = bar_copy_args(&args, uargs, usize);
	if (err)
		return err;
	return bar_set(fd, &args);
}

/* kernel/indirect.c: size 0 means no parameters */
int indirect_copy_params(struct indirect_kparams *params,
			 const void __user *uparams, size_t usize)
{
	struct indirect_params uapi = {};
	int err;

	if (usize) {
		if (usize < INDIRECT_PARAMS_SIZE_VER0)
			return -EINVAL;
		if (usize > PAGE_SIZE)
			return -E2BIG;
		err = copy_struct_from_user(&uapi, sizeof(uapi), uparams,
					    usize);
		if (err)
			return err;
	}
	params->file_flags = INDIRECT_FD(uapi.file_flags);
	return 0;
}

/* the sizes this kernel accepts, one by one */
SYSCALL_DEFINE3(baz_set, int, fd, struct baz_args __user *, uargs,
		size_t, usize)
{
	struct baz_args args;
	int err;

	if (usize != BAZ_ARGS_SIZE_VER0 && usize != BAZ_ARGS_SIZE_VER1)
		return -EINVAL;
	err = copy_struct_from_user(&args, sizeof(args), uargs, usize);
	if (err)
		return err;
	return baz_set(fd, &args);
}
