// SPDX-License-Identifier: GPL-2.0
/* Copies that are not size-versioned: none of these may be reported. */

struct foo_args {
	__u32 size;
	__u32 flags;
};

/* Fixed size: the kernel decides how much to copy. */
static long neg_sizeof(struct foo_args __user *uarg)
{
	struct foo_args karg;

	if (copy_from_user(&karg, uarg, sizeof(karg)))
		return -EFAULT;
	return karg.flags;
}

/* An exact size check: the length cannot differ from the struct. */
SYSCALL_DEFINE3(neg_exact, int, fd, struct foo_args __user *, uarg,
		size_t, usize)
{
	struct foo_args karg;

	if (usize != sizeof(karg))
		return -EINVAL;
	if (copy_from_user(&karg, uarg, usize))
		return -EFAULT;
	return karg.flags;
}

/* A byte buffer, not a struct. */
static ssize_t neg_write(struct file *file, const char __user *ubuf,
			 size_t count, loff_t *ppos)
{
	char buf[32];

	if (count >= sizeof(buf))
		return -EINVAL;
	if (copy_from_user(buf, ubuf, count))
		return -EFAULT;
	buf[count] = '\0';
	return count;
}

/* A variable-size object allocated for the length the user asked. */
static long neg_flex(struct foo_hdr __user *uhdr, u32 len)
{
	struct foo_flex *f;

	f = kmalloc(len, GFP_KERNEL);
	if (!f)
		return -ENOMEM;
	if (copy_from_user(f, uhdr, len)) {
		kfree(f);
		return -EFAULT;
	}
	kfree(f);
	return 0;
}

/* memdup_user() of a header plus payload, checked against the header. */
static long neg_memdup_payload(void __user *uptr, u32 len)
{
	struct foo_msg *msg;

	if (len < sizeof(*msg) || len > FOO_MSG_MAX)
		return -EINVAL;
	msg = memdup_user(uptr, len);
	if (IS_ERR(msg))
		return PTR_ERR(msg);
	kfree(msg);
	return 0;
}

/* Already right. */
static long neg_copy_struct(struct foo_args __user *uarg, size_t usize)
{
	struct foo_args karg;
	int err;

	if (usize < FOO_ARGS_SIZE_VER0)
		return -EINVAL;
	if (usize > PAGE_SIZE)
		return -E2BIG;
	err = copy_struct_from_user(&karg, sizeof(karg), uarg, usize);
	if (err)
		return err;
	return karg.flags;
}

/* A kernel pointer's struct filled with a kernel-chosen size. */
static long neg_local_size(struct foo_args __user *uarg)
{
	struct foo_args karg;
	size_t n = offsetofend(struct foo_args, flags);

	if (copy_from_user(&karg, uarg, n))
		return -EFAULT;
	return karg.flags;
}
