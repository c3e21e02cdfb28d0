// SPDX-License-Identifier: GPL-2.0
/*
 * Near misses of landlock's copy_min_struct_from_user(): helpers whose
 * rules are not those of a new call, or calls that copy less than the
 * struct.
 */

/* A check between the NULL check and the bounds: its errno comes first. */
static int copy_foo_min(void *dst, size_t ksize, size_t ksize_min,
			const void __user *src, size_t usize)
{
	if (!src)
		return -EFAULT;
	if (!access_ok(src, usize))
		return -EFAULT;
	if (usize < ksize_min)
		return -EINVAL;
	if (usize > PAGE_SIZE)
		return -E2BIG;
	return copy_struct_from_user(dst, ksize, src, usize);
}

static int foo_get(struct foo_attr __user *uattr, size_t usize)
{
	struct foo_attr attr;
	int err;

	err = copy_foo_min(&attr, sizeof(attr),
			   offsetofend(typeof(attr), flags), uattr, usize);
	if (err)
		return err;
	return attr.flags;
}

/* PAGE_SIZE itself refused: the cap is not the default one. */
static int copy_bar_min(void *dst, size_t ksize, size_t ksize_min,
			void __user *src, size_t usize)
{
	if (usize < ksize_min)
		return -EINVAL;
	if (usize >= PAGE_SIZE)
		return -E2BIG;
	return copy_struct_from_user(dst, ksize, src, usize);
}

static int bar_get(struct bar_attr __user *uattr, size_t usize)
{
	struct bar_attr attr;
	int err;

	err = copy_bar_min(&attr, sizeof(attr),
			   offsetofend(struct bar_attr, flags), uattr, usize);
	if (err)
		return err;
	return attr.flags;
}

/* A size too small is E2BIG, as perf's: not a new call's errno. */
static int copy_baz_min(void *dst, size_t ksize, size_t ksize_min,
			void __user *src, size_t usize)
{
	if (usize < ksize_min)
		return -E2BIG;
	if (usize > PAGE_SIZE)
		return -E2BIG;
	return copy_struct_from_user(dst, ksize, src, usize);
}

static int baz_get(struct baz_attr __user *uattr, size_t usize)
{
	struct baz_attr attr;
	int err;

	err = copy_baz_min(&attr, sizeof(attr),
			   offsetofend(struct baz_attr, flags), uattr, usize);
	if (err)
		return err;
	return attr.flags;
}

/* A well-formed helper, but the kernel's copy is not the whole struct. */
static int copy_qux_min(void *dst, size_t ksize, size_t ksize_min,
			void __user *src, size_t usize)
{
	if (usize < ksize_min)
		return -EINVAL;
	if (usize > PAGE_SIZE)
		return -E2BIG;
	return copy_struct_from_user(dst, ksize, src, usize);
}

static int qux_get(struct qux_attr __user *uattr, size_t usize)
{
	struct qux_attr attr = {};
	int err;

	err = copy_qux_min(&attr, offsetofend(struct qux_attr, flags),
			   offsetofend(struct qux_attr, flags), uattr, usize);
	if (err)
		return err;
	return attr.flags;
}
