// SPDX-License-Identifier: GPL-2.0
/* Near misses of seccomp's addfd bounds: not what its description says. */

/* PAGE_SIZE itself accepted: the cap is not PAGE_SIZE - 1. */
static long foo_addfd(struct foo_addfd __user *uaddfd, unsigned int size)
{
	struct foo_addfd addfd;
	int ret;

	BUILD_BUG_ON(sizeof(addfd) != FOO_ADDFD_SIZE_LATEST);

	if (size < FOO_ADDFD_SIZE_VER0 || size > PAGE_SIZE)
		return -EINVAL;

	ret = copy_struct_from_user(&addfd, sizeof(addfd), uaddfd, size);
	if (ret)
		return ret;
	return addfd.fd;
}

/* A size too large is E2BIG, one too small EINVAL: two errnos. */
static long bar_addfd(struct bar_addfd __user *uaddfd, unsigned int size)
{
	struct bar_addfd addfd;
	int ret;

	BUILD_BUG_ON(sizeof(addfd) != BAR_ADDFD_SIZE_LATEST);

	if (size < BAR_ADDFD_SIZE_VER0)
		return -EINVAL;
	if (size >= PAGE_SIZE)
		return -E2BIG;

	ret = copy_struct_from_user(&addfd, sizeof(addfd), uaddfd, size);
	if (ret)
		return ret;
	return addfd.fd;
}

/* A check between the bounds and the copy keeps the order of its errnos. */
static long baz_addfd(struct baz_addfd __user *uaddfd, unsigned int size)
{
	struct baz_addfd addfd;
	int ret;

	BUILD_BUG_ON(sizeof(addfd) != BAZ_ADDFD_SIZE_LATEST);

	if (size < BAZ_ADDFD_SIZE_VER0 || size >= PAGE_SIZE)
		return -EINVAL;
	if (!baz_ready())
		return -EBUSY;

	ret = copy_struct_from_user(&addfd, sizeof(addfd), uaddfd, size);
	if (ret)
		return ret;
	return addfd.fd;
}

/* No pin: the description would not know the latest size. */
static long qux_addfd(struct qux_addfd __user *uaddfd, unsigned int size)
{
	struct qux_addfd addfd;
	int ret;

	if (size < QUX_ADDFD_SIZE_VER0 || size >= PAGE_SIZE)
		return -EINVAL;

	ret = copy_struct_from_user(&addfd, sizeof(addfd), uaddfd, size);
	if (ret)
		return ret;
	return addfd.fd;
}

static long foo_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	void __user *buf = (void __user *)arg;

	switch (cmd & ~(IOC_INOUT | IOCSIZE_MASK)) {
	case FOO_IOCTL_ADDFD & ~(IOC_INOUT | IOCSIZE_MASK):
		return foo_addfd(buf, _IOC_SIZE(cmd));
	case BAR_IOCTL_ADDFD & ~(IOC_INOUT | IOCSIZE_MASK):
		return bar_addfd(buf, _IOC_SIZE(cmd));
	case BAZ_IOCTL_ADDFD & ~(IOC_INOUT | IOCSIZE_MASK):
		return baz_addfd(buf, _IOC_SIZE(cmd));
	case QUX_IOCTL_ADDFD & ~(IOC_INOUT | IOCSIZE_MASK):
		return qux_addfd(buf, _IOC_SIZE(cmd));
	default:
		return -EINVAL;
	}
}
