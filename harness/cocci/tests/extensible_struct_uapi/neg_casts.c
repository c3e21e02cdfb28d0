// SPDX-License-Identifier: GPL-2.0
/* Casts that are not u64 to user pointer: none may be reported. */

struct foo_cookie {
	__u64 user_data;
};

/* a kernel pointer kept in a u64 */
static struct foo_req *foo_req_of(struct foo_cookie *c)
{
	return (struct foo_req *)(unsigned long)c->user_data;
}

/* an unsigned long ioctl argument: the usual cast */
static long foo_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	void __user *argp = (void __user *)arg;

	return foo_do(file, argp);
}

/* a compat pointer */
static long foo_compat(compat_uptr_t uptr)
{
	void __user *p = compat_ptr(uptr);

	return foo_do(NULL, p);
}

/* already right */
static long foo_right(struct foo_args __user *uargs, size_t usize)
{
	struct foo_args args;
	long err;

	err = copy_struct_from_user(&args, sizeof(args), uargs, usize);
	if (err)
		return err;
	return foo_fill(u64_to_user_ptr(args.buf), args.len);
}
