// SPDX-License-Identifier: GPL-2.0
/* check_uarg_tail_zero() as in Linux 4.19 kernel/bpf/syscall.c */

/*
 * If we're handed a bigger struct than we know of, ensure all the unknown
 * bits are 0 - i.e. new user-space does not rely on any kernel feature
 * extensions we dont know about yet.
 */
int bpf_check_uarg_tail_zero(void __user *uaddr,
			     size_t expected_size,
			     size_t actual_size)
{
	unsigned char __user *addr;
	unsigned char __user *end;
	unsigned char val;
	int err;

	if (unlikely(actual_size > PAGE_SIZE))	/* silly large */
		return -E2BIG;

	if (unlikely(!access_ok(VERIFY_READ, uaddr, actual_size)))
		return -EFAULT;

	if (actual_size <= expected_size)
		return 0;

	addr = uaddr + expected_size;
	end  = uaddr + actual_size;

	for (; addr < end; addr++) {
		err = get_user(val, addr);
		if (err)
			return err;
		if (val)
			return -E2BIG;
	}

	return 0;
}
