// SPDX-License-Identifier: GPL-2.0
/* Other spellings of the same loop. */

static int foo_tail_index(const void __user *src, size_t ksize, size_t usize)
{
	size_t i;

	for (i = ksize; i < usize; i++) {
		u8 c;

		if (__get_user(c, (const u8 __user *)src + i))
			return -EFAULT;
		if (c != 0)
			return -EINVAL;
	}
	return 0;
}

static long foo_tail_while(struct foo_args __user *uarg, u32 size)
{
	const char __user *p = (const char __user *)uarg + sizeof(struct foo_args);
	const char __user *end = (const char __user *)uarg + size;
	unsigned long word;

	while (p < end) {
		if (get_user(word, (const unsigned long __user *)p))
			return -EFAULT;
		if (word)
			return -E2BIG;
		p += sizeof(word);
	}
	return 0;
}

static int foo_tail_unlikely(const void __user *src, size_t ksize,
			     size_t usize)
{
	size_t i;

	for (i = ksize; i < usize; i++) {
		unsigned char c;

		if (get_user(c, (const unsigned char __user *)src + i))
			return -EFAULT;
		if (unlikely(c))
			return -E2BIG;
	}
	return 0;
}

/* on a copy of the tail */
static int foo_tail_copy(const void __user *src, size_t ksize, size_t usize)
{
	char buf[64];
	size_t rest = usize - ksize;

	if (rest > sizeof(buf))
		return -E2BIG;
	if (copy_from_user(buf, src + ksize, rest))
		return -EFAULT;
	if (memchr_inv(buf, 0, rest))
		return -E2BIG;
	return 0;
}
