// SPDX-License-Identifier: GPL-2.0
/*
 * Copying extensible structs between user space and the kernel, by the
 * rules of <linux/extensible_struct.h>.
 */

#include <linux/bug.h>
#include <linux/compat.h>
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/extensible_struct.h>
#include <linux/minmax.h>
#include <linux/string.h>
#include <linux/uaccess.h>

/*
 * CHECK_FIELDS is the top bit of the caller's size_t. The helpers here are
 * inlined into the copy-in paths, which every call of a converted system
 * call takes.
 */
static __always_inline size_t check_fields_bit(void)
{
	if (in_compat_syscall())
		return (size_t)1 << 31;
	return (size_t)1 << (BITS_PER_LONG - 1);
}

static __always_inline bool
wants_check_fields(const struct extensible_struct *es, size_t usize)
{
	/* Neither top bit, the common case, needs no look at the ABI. */
	const size_t either = (size_t)1 << 31 | (size_t)1 << (BITS_PER_LONG - 1);

	return es->check_fields && (usize & either) &&
	       (usize & check_fields_bit());
}

/**
 * extensible_wants_check_fields() - does @usize ask CHECK_FIELDS?
 * @es: the description of the struct
 * @usize: the size argument as the caller passed it
 *
 * For a call that must know before it reads anything else, as indirect()
 * does, where the struct that names the inner call may be NULL for a
 * probe. The size is not checked: extensible_check_size() does that.
 *
 * Return: true if @es answers CHECK_FIELDS and @usize has it.
 */
bool extensible_wants_check_fields(const struct extensible_struct *es,
				   size_t usize)
{
	return wants_check_fields(es, usize);
}
EXPORT_SYMBOL_GPL(extensible_wants_check_fields);

static int too_small(const struct extensible_struct *es)
{
	return es->too_small ?: -EINVAL;
}

/**
 * extensible_check_size() - check a size against a struct's versions
 * @es: the description of the struct
 * @usize: the size the caller gave; CHECK_FIELDS is taken off it, and 0
 *	becomes @es->ver0 if @es says so
 *
 * For a call that must check the size before something else and copy the
 * struct only after, as mount_setattr() checks privilege in between; the
 * copy-in helpers call it themselves.
 *
 * Return: 0 if @usize is accepted, EXTENSIBLE_CHECK_FIELDS if it is and
 * asks CHECK_FIELDS, @es->too_small (default -EINVAL) for a size below
 * @es->ver0, -E2BIG for a size above PAGE_SIZE.
 */
int extensible_check_size(const struct extensible_struct *es, size_t *usize)
{
	bool probe = wants_check_fields(es, *usize);

	if (probe)
		*usize &= ~check_fields_bit();

	if (!*usize) {
		switch (es->zero) {
		case EXTENSIBLE_ZERO_IS_EMPTY:
			return probe ? EXTENSIBLE_CHECK_FIELDS : 0;
		case EXTENSIBLE_ZERO_IS_VER0:
			*usize = es->ver0;
			break;
		case EXTENSIBLE_ZERO_TOO_SMALL:
			break;
		}
	}
	if (*usize < es->ver0)
		return too_small(es);
	if (*usize > EXTENSIBLE_MAX_SIZE)
		return -E2BIG;
	return probe ? EXTENSIBLE_CHECK_FIELDS : 0;
}
EXPORT_SYMBOL_GPL(extensible_check_size);

/* A description used with another struct would overrun the kernel's. */
static bool wrong_struct(const struct extensible_struct *es, size_t ksize)
{
	return WARN_ON_ONCE(ksize != es->size);
}

/**
 * __extensible_copy_from_user() - see extensible_copy_from_user()
 * @es: the description of the struct
 * @dst: the kernel's struct
 * @ksize: sizeof(*@dst)
 * @src: the caller's struct
 * @usize: the size the caller passed, CHECK_FIELDS included
 *
 * Return: as extensible_copy_from_user().
 */
int __extensible_copy_from_user(const struct extensible_struct *es,
				void *dst, size_t ksize,
				const void __user *src, size_t usize)
{
	int ret;

	if (wrong_struct(es, ksize))
		return -E2BIG;

	ret = extensible_check_size(es, &usize);
	if (ret || !usize) {
		memset(dst, 0, ksize);
		return ret;
	}
	/* It zero-extends a shorter struct: no memset() first on success. */
	ret = copy_struct_from_user(dst, ksize, src, usize);
	if (ret)
		memset(dst, 0, ksize);
	return ret;
}
EXPORT_SYMBOL_GPL(__extensible_copy_from_user);

/**
 * __extensible_copy_self_sized() - see extensible_copy_self_sized()
 * @es: the description of the struct
 * @dst: the kernel's struct
 * @ksize: sizeof(*@dst)
 * @src: the caller's struct
 *
 * Return: as extensible_copy_self_sized().
 */
int __extensible_copy_self_sized(const struct extensible_struct *es,
				 void *dst, size_t ksize, void __user *src)
{
	u32 __user *usize_field = src + es->size_offset;
	u32 size;
	size_t usize;
	int ret;

	if (WARN_ON_ONCE(!es->self_sized || es->check_fields) ||
	    wrong_struct(es, ksize))
		return -E2BIG;
	memset(dst, 0, ksize);

	if (get_user(size, usize_field))
		return -EFAULT;
	usize = size;
	ret = extensible_check_size(es, &usize);
	if (!ret)
		ret = copy_struct_from_user(dst, ksize, src, usize);
	if (ret == -E2BIG) {
		/* Best effort, as ever: the answer is E2BIG regardless. */
		put_user(ksize, usize_field);
		return ret;
	}
	if (ret)
		return ret;

	*(u32 *)(dst + es->size_offset) = usize;
	return 0;
}
EXPORT_SYMBOL_GPL(__extensible_copy_self_sized);

/* The common part of both copy-outs: the smaller struct's worth. */
static int copy_struct_head_to_user(void __user *dst, size_t usize,
				    const void *src, size_t ksize,
				    bool *ignored_trailing)
{
	if (ignored_trailing)
		*ignored_trailing = ksize > usize &&
			memchr_inv(src + usize, 0, ksize - usize);
	if (copy_to_user(dst, src, min(ksize, usize)))
		return -EFAULT;
	return 0;
}

/**
 * copy_struct_to_user() - copy a struct to a caller of any version
 * @dst: the caller's struct
 * @usize: its size
 * @src: the kernel's struct
 * @ksize: its size
 * @ignored_trailing: if not NULL, set to whether @usize < @ksize cut off
 *	non-zero bytes of @src
 *
 * The counterpart of copy_struct_from_user(): copies min(@usize, @ksize)
 * bytes, and zeroes the caller's bytes beyond @ksize, so that a newer
 * caller reads the fields this kernel does not know as zero. A caller
 * whose call must leave those bytes alone uses extensible_copy_to_user()
 * with EXTENSIBLE_TRAILING_UNTOUCHED instead.
 *
 * Return: 0 or -EFAULT; some bytes may have been written either way.
 */
int copy_struct_to_user(void __user *dst, size_t usize, const void *src,
			size_t ksize, bool *ignored_trailing)
{
	if (usize > ksize && clear_user(dst + ksize, usize - ksize))
		return -EFAULT;
	return copy_struct_head_to_user(dst, usize, src, ksize,
					ignored_trailing);
}
EXPORT_SYMBOL_GPL(copy_struct_to_user);

/**
 * __extensible_copy_to_user() - see extensible_copy_to_user()
 * @es: the description of the struct
 * @dst: the caller's struct
 * @usize: its size
 * @src: the kernel's struct
 * @ksize: sizeof(*@src)
 * @ignored_trailing: as for extensible_copy_to_user()
 *
 * Return: 0 or -EFAULT.
 */
int __extensible_copy_to_user(const struct extensible_struct *es,
			      void __user *dst, size_t usize,
			      const void *src, size_t ksize,
			      bool *ignored_trailing)
{
	if (wrong_struct(es, ksize))
		return -E2BIG;
	if (es->trailing == EXTENSIBLE_TRAILING_ZEROED)
		return copy_struct_to_user(dst, usize, src, ksize,
					   ignored_trailing);

	/* The whole buffer must be the caller's, even the bytes left alone. */
	if (!access_ok(dst, usize))
		return -EFAULT;
	return copy_struct_head_to_user(dst, usize, src, ksize,
					ignored_trailing);
}
EXPORT_SYMBOL_GPL(__extensible_copy_to_user);

/**
 * __extensible_fields_to_user() - see extensible_fields_to_user()
 * @es: the description of the struct
 * @dst: the caller's struct
 * @usize: its size, with or without CHECK_FIELDS
 * @fields: what the call accepts
 * @ksize: sizeof(*@fields)
 *
 * Return: -EEXTSYS_NOOP, or -EFAULT.
 */
int __extensible_fields_to_user(const struct extensible_struct *es,
				void __user *dst, size_t usize,
				const void *fields, size_t ksize)
{
	if (wrong_struct(es, ksize))
		return -E2BIG;
	usize &= ~check_fields_bit();
	if (copy_struct_to_user(dst, usize, fields, ksize, NULL))
		return -EFAULT;
	return -EEXTSYS_NOOP;
}
EXPORT_SYMBOL_GPL(__extensible_fields_to_user);
