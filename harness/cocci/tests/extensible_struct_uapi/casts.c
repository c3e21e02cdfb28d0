// SPDX-License-Identifier: GPL-2.0
/* u64 members of extensible structs turned into user pointers. */

struct foo_args {
	__aligned_u64 flags;
	__aligned_u64 buf;
	__aligned_u64 len;
};

static long foo_copy(struct foo_args __user *uargs, size_t usize)
{
	struct foo_args args;
	char __user *ubuf;
	long err;

	if (usize < FOO_ARGS_SIZE_VER0 || usize > PAGE_SIZE)
		return -EINVAL;
	err = copy_struct_from_user(&args, sizeof(args), uargs, usize);
	if (err)
		return err;

	ubuf = (char __user *)(unsigned long)args.buf;
	if (clear_user((void __user *)(unsigned long)args.buf, args.len))
		return -EFAULT;
	return foo_fill(ubuf, args.len);
}

/* a struct of another file, copied here: the member type is not known */
static long bar_copy(struct bar_attr __user *uattr, u32 usize)
{
	struct bar_attr *attr = kzalloc(sizeof(*attr), GFP_KERNEL);
	long err;

	if (!attr)
		return -ENOMEM;
	if (usize < BAR_ATTR_SIZE_VER0 || usize > PAGE_SIZE)
		return -EINVAL;
	err = copy_struct_from_user(attr, sizeof(*attr), uattr, usize);
	if (!err) {
		u32 __user *counts = (u32 __user *)(unsigned long)attr->counts;
		u32 __user *last = (u32 __user *)(unsigned long)attr->counts + 7;

		err = put_user(0, counts) ?: put_user(0, last);
	}
	kfree(attr);
	return err;
}

/* a plain u64 */
static long baz_read(u64 ptr, size_t len, void *dst)
{
	const void __user *src = (const void __user *)(unsigned long)ptr;

	return copy_from_user(dst, src, len) ? -EFAULT : 0;
}

/* through uintptr_t, as u64_to_user_ptr() does inside */
static long qux_read(struct foo_args *args, void *dst)
{
	return copy_from_user(dst, (const void __user *)(uintptr_t)args->buf,
			      args->len) ? -EFAULT : 0;
}
