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
	return es->fields && (usize & EXTENSIBLE_TOP_BITS) &&
	       (usize & check_fields_bit());
}

/* The out-of-line half of extensible_wants_check_fields(). */
bool __extensible_wants_check_fields(const struct extensible_struct *es,
				     size_t usize)
{
	return wants_check_fields(es, usize);
}
EXPORT_SYMBOL_GPL(__extensible_wants_check_fields);

static int too_small(const struct extensible_struct *es)
{
	return es->too_small ?: -EINVAL;
}

static int too_large(const struct extensible_struct *es)
{
	return es->too_large ?: -E2BIG;
}

/*
 * Check *@usize, CHECK_FIELDS taken off it and *@probe set if it had it;
 * 0 becomes @es->ver0 if @es says so.
 */
static int __extensible_check_size(const struct extensible_struct *es,
				   size_t *usize, bool *probe)
{
	*probe = wants_check_fields(es, *usize);
	if (*probe)
		*usize &= ~check_fields_bit();

	if (!*usize) {
		switch (es->zero) {
		case EXTENSIBLE_ZERO_IS_EMPTY:
			return 0;
		case EXTENSIBLE_ZERO_IS_VER0:
			*usize = es->ver0;
			break;
		case EXTENSIBLE_ZERO_TOO_SMALL:
			break;
		}
	}
	if (*usize < es->ver0)
		return too_small(es);
	if (*usize > extensible_max_size(es))
		return too_large(es);
	return 0;
}

/* Answer a probe whose size __extensible_check_size() accepted. */
static int answer(void __user *dst, size_t usize, const void *fields,
		  size_t ksize)
{
	if (copy_struct_to_user(dst, usize, fields, ksize, NULL))
		return -EFAULT;
	return -EEXTSYS_NOOP;
}

/**
 * __extensible_check_size_slow() - see extensible_check_size()
 * @es: the description of the struct
 * @dst: the caller's struct, where a CHECK_FIELDS probe is answered
 * @usize: the size the caller gave
 *
 * Return: as extensible_check_size().
 */
int __extensible_check_size_slow(const struct extensible_struct *es,
				 void __user *dst, size_t *usize)
{
	bool probe;
	int ret;

	ret = __extensible_check_size(es, usize, &probe);
	if (ret || !probe)
		return ret;
	return answer(dst, *usize, es->fields, es->size);
}
EXPORT_SYMBOL_GPL(__extensible_check_size_slow);

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
				void __user *src, size_t usize)
{
	bool probe;
	int ret;

	if (wrong_struct(es, ksize))
		return -E2BIG;

	ret = __extensible_check_size(es, &usize, &probe);
	if (ret || probe || !usize) {
		memset(dst, 0, ksize);
		if (!ret && probe)
			ret = answer(src, usize, es->fields, ksize);
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
 * @size: its size field, as extensible_copy_self_sized() read it
 *
 * Return: as extensible_copy_self_sized().
 */
int __extensible_copy_self_sized(const struct extensible_struct *es,
				 void *dst, size_t ksize,
				 const void __user *src, u32 size)
{
	size_t usize = size;
	bool probe;
	int ret;

	if (WARN_ON_ONCE(!es->self_sized || es->fields) ||
	    wrong_struct(es, ksize))
		return -E2BIG;
	memset(dst, 0, ksize);

	ret = __extensible_check_size(es, &usize, &probe);
	if (!ret)
		ret = copy_struct_from_user(dst, ksize, src, usize);
	if (ret == -E2BIG && !es->size_read_only) {
		/*
		 * Best effort, as ever: the answer is E2BIG regardless. The
		 * struct of such a call is the caller's to write.
		 */
		put_user(ksize, (u32 __user *)(src + es->size_offset));
		return ret;
	}
	if (ret)
		return ret;

	*(u32 *)(dst + es->size_offset) = usize;
	return 0;
}
EXPORT_SYMBOL_GPL(__extensible_copy_self_sized);

/*
 * copy_struct_to_user() without its clear_user() of the caller's bytes
 * past @ksize, for a call that leaves them alone.
 */
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
 * @usize: its size, as the caller passed it
 * @fields: what the call accepts with this probe's arguments, or NULL
 * @ksize: sizeof(*@fields)
 *
 * Return: as extensible_fields_to_user().
 */
int __extensible_fields_to_user(const struct extensible_struct *es,
				void __user *dst, size_t usize,
				const void *fields, size_t ksize)
{
	bool probe;
	int ret;

	if (WARN_ON_ONCE(!es->fields) || wrong_struct(es, ksize))
		return -E2BIG;
	ret = __extensible_check_size(es, &usize, &probe);
	if (ret)
		return ret;
	if (!fields)
		return -EINVAL;
	return answer(dst, usize, fields, ksize);
}
EXPORT_SYMBOL_GPL(__extensible_fields_to_user);
