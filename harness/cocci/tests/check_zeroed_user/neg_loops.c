// SPDX-License-Identifier: GPL-2.0
/* Loops of get_user() that are not trailing-zero checks. */

/* Reads an array of descriptors; a non-zero one is used, not refused. */
static int foo_read_fds(int __user *ufds, unsigned int n, int *fds)
{
	unsigned int i;
	int fd;

	for (i = 0; i < n; i++) {
		if (get_user(fd, &ufds[i]))
			return -EFAULT;
		if (fd)
			fds[i] = fd;
	}
	return 0;
}

/* Measures a string. */
static long foo_strlen_user(const char __user *s, long max)
{
	long n;
	char c;

	for (n = 0; n < max; n++) {
		if (get_user(c, s + n))
			return -EFAULT;
		if (!c)
			break;
	}
	return n;
}

/* Already the helper. */
static int foo_tail(const void __user *src, size_t ksize, size_t usize)
{
	int ret;

	if (usize <= ksize)
		return 0;
	ret = check_zeroed_user(src + ksize, usize - ksize);
	if (ret <= 0)
		return ret ?: -E2BIG;
	return 0;
}

/* reserved fields of the whole struct, not a tail past what is known */
static long foo_reserved(struct foo_args __user *uarg)
{
	struct foo_args karg;

	if (copy_from_user(&karg, uarg, sizeof(karg)))
		return -EFAULT;
	if (memchr_inv(karg.reserved, 0, sizeof(karg.reserved)))
		return -EINVAL;
	return 0;
}
