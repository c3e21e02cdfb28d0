// SPDX-License-Identifier: GPL-2.0
/* ioctl handlers that take the struct size from the user's struct */

struct foo_hdr {
	__u32 size;
	__u32 flags;
};

struct foo_args {
	__u32 size;
	__u32 flags;
	__aligned_u64 addr;
	__aligned_u64 len;
};

static long foo_ioctl_hdr(struct file *file, void __user *argp)
{
	struct foo_hdr hdr;
	struct foo_args karg;

	if (copy_from_user(&hdr, argp, sizeof(hdr)))
		return -EFAULT;
	if (hdr.size > sizeof(karg))
		return -EINVAL;
	memset(&karg, 0, sizeof(karg));
	if (copy_from_user(&karg, argp, hdr.size))
		return -EFAULT;
	return foo_do(file, &karg);
}

static long foo_ioctl_get_user(struct file *file, struct foo_args __user *uarg)
{
	struct foo_args karg = {};
	u32 size;

	if (get_user(size, &uarg->size))
		return -EFAULT;
	if (size < offsetofend(struct foo_args, flags) || size > sizeof(karg))
		return -EINVAL;
	if (copy_from_user(&karg, uarg, size))
		return -EFAULT;
	return foo_do(file, &karg);
}

static long foo_ioctl_memdup(struct file *file, struct foo_args __user *uarg)
{
	struct foo_args *karg;
	u32 size;
	long ret;

	if (get_user(size, &uarg->size))
		return -EFAULT;
	karg = memdup_user(uarg, size);
	if (IS_ERR(karg))
		return PTR_ERR(karg);
	ret = foo_do(file, karg);
	kfree(karg);
	return ret;
}

static long foo_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	void __user *argp = (void __user *)arg;

	switch (cmd) {
	case FOO_IOC_HDR:
		return foo_ioctl_hdr(file, argp);
	case FOO_IOC_GET:
		return foo_ioctl_get_user(file, argp);
	case FOO_IOC_DUP:
		return foo_ioctl_memdup(file, argp);
	}
	return -ENOTTY;
}

/* bounded by the first version only: a VER0-sized copy is read past */
static long foo_ioctl_memdup_ver0(struct file *file,
				  struct foo_args __user *uarg)
{
	struct foo_args *karg;
	u32 size;
	long ret;

	if (get_user(size, &uarg->size))
		return -EFAULT;
	if (size < FOO_ARGS_SIZE_VER0 || size > PAGE_SIZE)
		return -EINVAL;
	karg = memdup_user(uarg, size);
	if (IS_ERR(karg))
		return PTR_ERR(karg);
	ret = foo_do(file, karg);
	kfree(karg);
	return ret;
}

/* the size word first, then a clamp in the call */
static long foo_ioctl_clamp(struct file *file, unsigned long arg)
{
	struct foo_args args = {};
	u32 size;

	if (get_user(size, (u32 __user *)arg))
		return -EFAULT;
	if (copy_from_user(&args, (void __user *)arg,
			   min_t(u32, size, sizeof(args))))
		return -EFAULT;
	return foo_do(file, &args);
}
