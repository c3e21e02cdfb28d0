// SPDX-License-Identifier: GPL-2.0
/*
 * A minimum that is the end of a field, checked by a helper of the file
 * (landlock). In a directory named after the structs' prefix: the
 * descriptions' names drop it.
 */
#include <linux/extensible_struct.h>

/**
 * copy_min_struct_from_user - Safe future-proof argument copying
 *
 * Extend copy_struct_from_user() to check for consistent user buffer.
 *
 * @dst: Kernel space pointer or NULL.
 * @ksize: Actual size of the data pointed to by @dst.
 * @ksize_min: Minimal required size to be copied.
 * @src: User space pointer or NULL.
 * @usize: (Alleged) size of the data pointed to by @src.
 */
static __always_inline int
copy_min_struct_from_user(void *const dst, const size_t ksize,
			  const size_t ksize_min, const void __user *const src,
			  const size_t usize)
{
	/* Checks buffer inconsistencies. */
	BUILD_BUG_ON(!dst);
	if (!src)
		return -EFAULT;

	/* Checks size ranges. */
	BUILD_BUG_ON(ksize <= 0);
	BUILD_BUG_ON(ksize < ksize_min);
	if (usize < ksize_min)
		return -EINVAL;
	if (usize > PAGE_SIZE)
		return -E2BIG;

	/* Copies user buffer and fills with zeros. */
	return copy_struct_from_user(dst, ksize, src, usize);
}

/*
 * landlock_create_ruleset() in 6.12: a NULL struct stays EFAULT whatever
 * its size; the pointer's const is left to the author.
 */
SYSCALL_DEFINE3(landlock_create_ruleset,
		const struct landlock_ruleset_attr __user *const, attr,
		const size_t, size, const __u32, flags)
{
	struct landlock_ruleset_attr ruleset_attr;
	int err;

	if (flags)
		return -EINVAL;

	/* Copies raw user space buffer. */
	err = copy_min_struct_from_user(&ruleset_attr, sizeof(ruleset_attr),
					offsetofend(typeof(ruleset_attr),
						    handled_access_fs),
					attr, size);
	if (err)
		return err;

	return landlock_new_ruleset(&ruleset_attr);
}

/*
 * No NULL check, the upper bound first; the helper stays for its other
 * caller, whose minimum is not the end of a field.
 */
static int copy_landlock_attr(void *dst, size_t ksize, size_t ksize_min,
			      void __user *src, size_t usize)
{
	if (usize > PAGE_SIZE)
		return -E2BIG;
	if (usize < ksize_min)
		return -EINVAL;
	return copy_struct_from_user(dst, ksize, src, usize);
}

static int landlock_get_foo(struct landlock_foo_attr __user *uattr,
			    size_t usize)
{
	struct landlock_foo_attr attr;
	int ret;

	ret = copy_landlock_attr(&attr, sizeof(attr),
				 offsetofend(struct landlock_foo_attr, flags),
				 uattr, usize);
	if (ret)
		return ret;
	return attr.flags ? 0 : -ENOMSG;
}

static int landlock_get_bar(struct landlock_bar_attr __user *uattr,
			    size_t usize)
{
	struct landlock_bar_attr attr;
	int ret;

	ret = copy_landlock_attr(&attr, sizeof(attr), LANDLOCK_BAR_MIN_SIZE,
				 uattr, usize);
	if (ret)
		return ret;
	return attr.id;
}
