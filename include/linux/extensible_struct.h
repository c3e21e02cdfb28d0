/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Extensible structs: size-versioned structs that system calls copy from
 * and to user space. The rules, from Documentation/process/adding-syscalls.rst
 * and the calls that follow it: fields are only appended, zero in a new
 * field means the behaviour without it, a shorter struct from an older
 * caller is zero-extended, a longer one from a newer caller is accepted
 * only if the bytes this kernel does not know are zero.
 *
 * A struct is described once, next to the code that copies it, by
 * EXTENSIBLE_STRUCT(): its first published size, its latest size
 * (checked against sizeof() at compile time), where its size lives and
 * what the historical edge cases of its call are. The helpers below then
 * apply the rules; no caller repeats the sizes or the PAGE_SIZE cap.
 */
#ifndef _LINUX_EXTENSIBLE_STRUCT_H
#define _LINUX_EXTENSIBLE_STRUCT_H

#include <linux/build_bug.h>
#include <linux/compiler.h>
#include <linux/fault-inject-usercopy.h>
#include <linux/instrumented.h>
#include <linux/ioctl.h>
#include <linux/overflow.h>
#include <linux/stddef.h>
#include <linux/string.h>
#include <linux/types.h>
#include <linux/uaccess.h>
#include <uapi/linux/check_fields.h>

/**
 * enum extensible_zero - what a size of 0 means
 * @EXTENSIBLE_ZERO_TOO_SMALL: a size like any other below the first
 *	version (openat2(), clone3(), mount_setattr())
 * @EXTENSIBLE_ZERO_IS_VER0: the first version (perf_event_attr,
 *	sched_attr: their callers predate the size field)
 * @EXTENSIBLE_ZERO_IS_EMPTY: no struct at all; nothing is read and the
 *	kernel copy is all zero, the old behaviour (indirect())
 */
enum extensible_zero {
	EXTENSIBLE_ZERO_TOO_SMALL,
	EXTENSIBLE_ZERO_IS_VER0,
	EXTENSIBLE_ZERO_IS_EMPTY,
};

/**
 * enum extensible_trailing - what copy-out does to user bytes past the
 *	kernel's struct, when the caller's struct is the larger
 * @EXTENSIBLE_TRAILING_ZEROED: zeroes them, so that a newer caller reads
 *	its unknown fields as "not supported" (copy_struct_to_user())
 * @EXTENSIBLE_TRAILING_UNTOUCHED: leaves them as they are (sched_getattr(),
 *	whose manual page promises it)
 */
enum extensible_trailing {
	EXTENSIBLE_TRAILING_ZEROED,
	EXTENSIBLE_TRAILING_UNTOUCHED,
};

/**
 * struct extensible_struct - how a system call copies one extensible struct
 * @ver0: size of the first published version, the smallest accepted
 * @size: size of the latest version, sizeof() of the kernel's struct
 * @size_offset: where the struct keeps its own size (a u32), if
 *	@self_sized
 * @self_sized: the size is a field of the struct (perf_event_attr.size,
 *	sched_attr.size), not an argument of the call
 * @size_read_only: the caller's size field is only read: on -E2BIG it is
 *	left alone (statmount(), listmount()), where by default the kernel's
 *	size is written into it, as perf_event_open() and sched_setattr()
 *	have always done
 * @fields: if not NULL, the call answers CHECK_FIELDS in its size argument,
 *	with this kernel struct of what it accepts (EXTENSIBLE_CHECK_FIELDS())
 * @zero: what a size of 0 means
 * @too_small: the errno for a size below @ver0; 0 means -EINVAL, the rule
 *	for new calls (perf and sched have always said -E2BIG)
 * @max: the largest size accepted; 0 means PAGE_SIZE, the rule for new
 *	calls: bigger is a garbage size, not a struct from some future
 *	version (seccomp's addfd has always stopped below PAGE_SIZE,
 *	io_uring's openat2 never stopped)
 * @too_large: the errno for a size above @max; 0 means -E2BIG, the rule
 *	for new calls (seccomp's addfd has always said -EINVAL)
 * @trailing: what copy-out does to user bytes past the kernel's struct
 *
 * Initialize one with EXTENSIBLE_STRUCT().
 */
struct extensible_struct {
	size_t ver0;
	size_t size;
	size_t size_offset;
	bool self_sized;
	bool size_read_only;
	const void *fields;
	enum extensible_zero zero;
	int too_small;
	size_t max;
	int too_large;
	enum extensible_trailing trailing;
};

/**
 * EXTENSIBLE_STRUCT() - the sizes of an extensible struct
 * @type: the kernel's struct type
 * @first: its first published size (FOO_SIZE_VER0)
 * @latest: its latest published size, which must be sizeof(@type)
 *
 * The first entry of the initializer of a struct extensible_struct::
 *
 *	static const struct extensible_struct foo_ext = {
 *		EXTENSIBLE_STRUCT(struct foo, FOO_SIZE_VER0, FOO_SIZE_VER2),
 *		EXTENSIBLE_CHECK_FIELDS(struct foo, &foo_accepted),
 *	};
 *
 * The other members default to the rules for a new call: the size is an
 * argument, 0 and sizes below @first are -EINVAL, sizes above PAGE_SIZE
 * -E2BIG, copy-out zeroes the caller's bytes beyond the kernel's struct,
 * no CHECK_FIELDS.
 */
#define EXTENSIBLE_STRUCT(type, first, latest)				\
	.ver0 = (first) + BUILD_BUG_ON_ZERO((first) == 0 ||		\
					    (first) > (latest)),	\
	.size = sizeof(type) + BUILD_BUG_ON_ZERO(sizeof(type) != (latest))

/**
 * EXTENSIBLE_SIZE_FIELD() - the struct keeps its size in @member
 * @type: the struct type
 * @member: its size member, a u32
 *
 * In the initializer of a struct extensible_struct, after
 * EXTENSIBLE_STRUCT().
 */
#define EXTENSIBLE_SIZE_FIELD(type, member)				\
	.self_sized = true,						\
	.size_offset = offsetof(type, member) +				\
		BUILD_BUG_ON_ZERO(sizeof_field(type, member) != sizeof(u32))

/**
 * EXTENSIBLE_CHECK_FIELDS() - the call answers CHECK_FIELDS with @answer
 * @type: the struct type
 * @answer: a const @type holding what the call accepts, as
 *	<uapi/linux/check_fields.h> says: in each flag field the mask of
 *	accepted bits, in each number the largest accepted, in each address
 *	or address range's length all-ones
 *
 * In the initializer of a struct extensible_struct, after
 * EXTENSIBLE_STRUCT(). The copy-in helpers and extensible_check_size()
 * then answer a probe themselves: they write @answer into the caller's
 * struct and return -EEXTSYS_NOOP, an errno like any other, so that the
 * usual "if (err) return err;" is all a call needs. A call whose answer
 * depends on its other arguments answers first with
 * extensible_fields_to_user(); @answer is what it accepts in general.
 */
#define EXTENSIBLE_CHECK_FIELDS(type, answer)				\
	.fields = (answer) + BUILD_BUG_ON_ZERO(!__same_type(*(answer), type))

/**
 * EXTENSIBLE_OP_STRUCT() - the sizes of one op's struct of a multiplexed call
 * @buffer: the type of the kernel's buffer for the struct of every op, a
 *	union of them
 * @type: this op's struct
 * @first: its first published size
 *
 * EXTENSIBLE_STRUCT() with sizeof(@type) as the latest size, for a table
 * of descriptions indexed by op (iommufd's ioctls): the macro that builds
 * one entry of the table states the rules the ops share, once, and each
 * entry its struct and first size. The op's struct is then copied into
 * @buffer by extensible_copy_op_from_user(); @buffer must hold @type,
 * checked at compile time.
 */
#define EXTENSIBLE_OP_STRUCT(buffer, type, first)			\
	EXTENSIBLE_STRUCT(type, first, sizeof(type) +			\
			  BUILD_BUG_ON_ZERO(sizeof(type) > sizeof(buffer)))

/* The largest size of a struct whose description does not say. */
#define EXTENSIBLE_MAX_SIZE	PAGE_SIZE

/* The largest size @es accepts. */
static inline size_t extensible_max_size(const struct extensible_struct *es)
{
	return es->max ?: EXTENSIBLE_MAX_SIZE;
}

/**
 * extensible_size_in_range() - is @usize a size a copy-out may take?
 * @es: the description of the struct
 * @usize: the size of the caller's buffer
 *
 * For calls that only copy out (sched_getattr()), whose too-small and
 * too-large sizes are both refused with the same errno.
 *
 * Return: true if @es->ver0 <= @usize <= @es->max (PAGE_SIZE by default).
 */
static inline bool extensible_size_in_range(const struct extensible_struct *es,
					    size_t usize)
{
	return usize >= es->ver0 && usize <= extensible_max_size(es);
}

/* CHECK_FIELDS is one of these, by the caller's ABI; most sizes have neither. */
#define EXTENSIBLE_TOP_BITS						\
	((size_t)1 << 31 | (size_t)1 << (BITS_PER_LONG - 1))

bool __extensible_wants_check_fields(const struct extensible_struct *es,
				     size_t usize);

/**
 * extensible_wants_check_fields() - does @usize ask CHECK_FIELDS?
 * @es: the description of the struct
 * @usize: the size argument as the caller passed it
 *
 * For a call whose answer depends on its other arguments, which then
 * answers with extensible_fields_to_user() before it reads anything else,
 * as indirect() does: the struct that names its inner call may be NULL
 * for a probe. The size is not checked: extensible_fields_to_user() does.
 *
 * Return: true if @es answers CHECK_FIELDS and @usize has it.
 */
static inline bool
extensible_wants_check_fields(const struct extensible_struct *es, size_t usize)
{
	return (usize & EXTENSIBLE_TOP_BITS) &&
	       __extensible_wants_check_fields(es, usize);
}

int __extensible_check_size_slow(const struct extensible_struct *es,
				 void __user *dst, size_t *usize);

/**
 * extensible_check_size() - check a size against a struct's versions
 * @es: the description of the struct
 * @dst: the caller's struct, where a CHECK_FIELDS probe is answered
 * @usize: the size the caller gave; CHECK_FIELDS is taken off it, and 0
 *	becomes @es->ver0 if @es says so
 *
 * For a call that must check the size before something else and copy the
 * struct only after, as mount_setattr() checks privilege in between; the
 * copy-in helpers call it themselves. A probe is answered here, with
 * @es's answer, as the copy-in helpers answer it.
 *
 * Return: 0 if @usize is accepted, -EEXTSYS_NOOP if it is and a
 * CHECK_FIELDS probe was answered, @es->too_small (default -EINVAL) for a
 * size below @es->ver0, @es->too_large (default -E2BIG) for a size above
 * @es->max (default PAGE_SIZE), -EFAULT if the answer cannot be written.
 */
static __always_inline int
extensible_check_size(const struct extensible_struct *es, void __user *dst,
		      size_t *usize)
{
	/*
	 * A size of this kernel's versions and no probe: no call. 0 is never
	 * one (EXTENSIBLE_STRUCT() refuses a first size of 0).
	 */
	if (likely(!(*usize & EXTENSIBLE_TOP_BITS) &&
		   *usize >= es->ver0 && *usize <= extensible_max_size(es)))
		return 0;
	return __extensible_check_size_slow(es, dst, usize);
}

int __extensible_copy_from_user(const struct extensible_struct *es,
				void *dst, size_t ksize,
				void __user *src, size_t usize);
int __extensible_copy_self_sized(const struct extensible_struct *es,
				 void *dst, size_t ksize,
				 const void __user *src, u32 size);
int __extensible_copy_to_user(const struct extensible_struct *es,
			      void __user *dst, size_t usize,
			      const void *src, size_t ksize,
			      bool *ignored_trailing);
int __extensible_fields_to_user(const struct extensible_struct *es,
				void __user *dst, size_t usize,
				const void *fields, size_t ksize);

/*
 * The kernel object must be the described struct: checked at compile time
 * where the description is a constant in sight, and at run time anyway.
 */
#define __extensible_ksize(es, obj) ({				\
	BUILD_BUG_ON(__builtin_constant_p((es)->size) &&		\
		     (es)->size != sizeof(*(obj)));			\
	sizeof(*(obj));							\
})

/**
 * extensible_copy_from_user() - copy in a struct whose size is an argument
 * @es: its description
 * @dst: the kernel's struct
 * @src: the caller's struct
 * @usize: the size the caller passed, CHECK_FIELDS included
 *
 * @dst is all zero when nothing was read and after an error, else the
 * caller's struct. A size below @es->ver0 gets @es->too_small, one
 * above @es->max @es->too_large (by default: above PAGE_SIZE, -E2BIG); a
 * shorter struct is zero-extended; a longer one is accepted only if its
 * bytes beyond @dst are zero, else -E2BIG.
 *
 * If the caller asked CHECK_FIELDS and the size is valid, nothing is read:
 * @es's answer is written into @src instead (see
 * EXTENSIBLE_CHECK_FIELDS()).
 *
 * Return: 0; -EEXTSYS_NOOP if a CHECK_FIELDS probe was answered; -EINVAL
 * or -E2BIG for a size the struct does not accept, -E2BIG for non-zero
 * bytes the kernel does not know, -EFAULT if @src cannot be read (or,
 * for a probe, written).
 */
#define extensible_copy_from_user(es, dst, src, usize)			\
	__extensible_copy_from_user_inline(es, dst,			\
					   __extensible_ksize(es, dst),	\
					   src, usize)

/**
 * extensible_ioctl_match() - is @cmd the ioctl @base with the caller's size?
 * @es: the description of the ioctl's struct
 * @cmd: the command as the caller passed it
 * @base: the command as the uapi header defines it
 *
 * The number of an extensible ioctl carries the size of the caller's
 * struct (_IOC_SIZE()), so that a caller built against a newer header
 * passes a command that differs from this kernel's in its size alone.
 *
 * Return: true if @cmd has @base's direction, type and number, and a
 * size of at least @es->ver0.
 */
static inline bool extensible_ioctl_match(const struct extensible_struct *es,
					  unsigned int cmd, unsigned int base)
{
	return _IOC_DIR(cmd) == _IOC_DIR(base) &&
	       _IOC_TYPE(cmd) == _IOC_TYPE(base) &&
	       _IOC_NR(cmd) == _IOC_NR(base) && _IOC_SIZE(cmd) >= es->ver0;
}

/**
 * extensible_copy_from_ioctl() - copy in the struct of an extensible ioctl
 * @es: its description
 * @dst: the kernel's struct
 * @src: the caller's struct, the ioctl's argument
 * @cmd: the command as the caller passed it, whose size is the struct's
 *
 * extensible_copy_from_user() with _IOC_SIZE(@cmd) as the size, which
 * cannot carry CHECK_FIELDS: an ioctl answers no probe.
 *
 * Return: as extensible_copy_from_user().
 */
#define extensible_copy_from_ioctl(es, dst, src, cmd)			\
	extensible_copy_from_user(es, dst, src, _IOC_SIZE(cmd))

/**
 * extensible_copy_op_from_user() - copy in the struct of one op of a table
 * @es: the op's description (EXTENSIBLE_OP_STRUCT())
 * @buf: the kernel's buffer for the struct of every op of the table
 * @src: the caller's struct
 * @usize: the size the caller gave
 *
 * extensible_copy_from_user() into the first @es->size bytes of @buf; the
 * bytes after them are left alone.
 *
 * Return: as extensible_copy_from_user(); -E2BIG, with a warning, if
 * @buf cannot hold @es's struct, as the other helpers refuse a
 * description of another struct than theirs.
 */
#define extensible_copy_op_from_user(es, buf, src, usize)		\
	__extensible_copy_op_from_user_inline(es, buf, sizeof(*(buf)),	\
					      src, usize)

/* Structs up to this size are read word by word, without a call. */
#define EXTENSIBLE_WORDWISE_MAX	(4 * sizeof(u64))

/*
 * Read @ksize bytes; 0 or -EFAULT. A struct of a few words, read one word
 * at a time in a single user access window, costs a fraction of
 * copy_from_user()'s call and length-driven loop, on 64-bit architectures
 * that read an unaligned word as cheaply as an aligned one. It makes the
 * checks copy_from_user() makes, and calls the same hooks for KASAN,
 * KCSAN and KMSAN; without those and lock debugging, they cost nothing.
 */
static __always_inline int __extensible_read(void *dst,
					     const void __user *src,
					     size_t ksize)
{
	const u64 __user *uword = src;
	u64 *word = dst;

	if (!__builtin_constant_p(ksize) || ksize > EXTENSIBLE_WORDWISE_MAX ||
	    !IS_ALIGNED(ksize, sizeof(u64)) || !IS_ENABLED(CONFIG_64BIT) ||
	    !IS_ENABLED(CONFIG_HAVE_EFFICIENT_UNALIGNED_ACCESS))
		return copy_from_user(dst, src, ksize) ? -EFAULT : 0;

	might_fault();
	if (!check_copy_size(dst, ksize, false))
		return -EFAULT;
	/* Fault injection fails this copy as it fails copy_from_user(). */
	if (should_fail_usercopy() || !user_access_begin(src, ksize))
		return -EFAULT;
	instrument_copy_from_user_before(dst, src, ksize);
	/* Unrolled by hand: the compiler keeps a loop of unsafe_get_user(). */
	unsafe_get_user(word[0], &uword[0], fault);
	if (ksize > 1 * sizeof(u64))
		unsafe_get_user(word[1], &uword[1], fault);
	if (ksize > 2 * sizeof(u64))
		unsafe_get_user(word[2], &uword[2], fault);
	if (ksize > 3 * sizeof(u64))
		unsafe_get_user(word[3], &uword[3], fault);
	user_access_end();
	instrument_copy_from_user_after(dst, src, ksize, 0);
	return 0;
fault:
	user_access_end();
	instrument_copy_from_user_after(dst, src, ksize, ksize);
	return -EFAULT;
}

/*
 * Most callers know exactly this kernel's struct: for them the rules come
 * down to one copy, made here without a call into the general case.
 */
static __always_inline int
__extensible_copy_from_user_inline(const struct extensible_struct *es,
				   void *dst, size_t ksize,
				   void __user *src, size_t usize)
{
	if (usize == ksize) {
		if (likely(!__extensible_read(dst, src, ksize)))
			return 0;
		memset(dst, 0, ksize);
		return -EFAULT;
	}
	return __extensible_copy_from_user(es, dst, ksize, src, usize);
}

static __always_inline int
__extensible_copy_op_from_user_inline(const struct extensible_struct *es,
				      void *buf, size_t bufsize,
				      void __user *src, size_t usize)
{
	if (WARN_ON_ONCE(es->size > bufsize))
		return -E2BIG;
	return __extensible_copy_from_user_inline(es, buf, es->size, src,
						  usize);
}

/**
 * extensible_copy_from_user_array() - copy in one struct of an array whose
 *	element size the caller gave
 * @es: the description of the array's struct
 * @dst: the kernel's struct
 * @array: the caller's array
 * @stride: the caller's element size, the size of each of its structs
 * @index: the element to copy
 *
 * extensible_copy_from_user() of the struct at @array + @index * @stride,
 * with @stride as its size: a caller built against a newer header passes
 * larger elements, whose fields this kernel does not know must be zero;
 * an older one smaller ones, zero-extended. The caller bounds @index by
 * its array's length. A stride is no size argument and carries no
 * CHECK_FIELDS: @es answers none.
 *
 * Return: as extensible_copy_from_user(); -EFAULT if the element's offset
 * overflows and @es accepts the stride; -EINVAL, with a warning, if @es
 * answers CHECK_FIELDS.
 */
#define extensible_copy_from_user_array(es, dst, array, stride, index)	\
	__extensible_copy_from_user_array(es, dst,			\
					  __extensible_ksize(es, dst),	\
					  array, stride, index)

static __always_inline int
__extensible_copy_from_user_array(const struct extensible_struct *es,
				  void *dst, size_t ksize, void __user *array,
				  size_t stride, size_t index)
{
	size_t offset;

	if (WARN_ON_ONCE(es->fields)) {
		memset(dst, 0, ksize);
		return -EINVAL;
	}
	/* No such address: a stride accepted faults, as past user memory. */
	if (unlikely(check_mul_overflow(stride, index, &offset))) {
		memset(dst, 0, ksize);
		return __extensible_check_size_slow(es, NULL, &stride) ?: -EFAULT;
	}
	return __extensible_copy_from_user_inline(es, dst, ksize,
						  array + offset, stride);
}

/**
 * extensible_copy_self_sized() - copy in a struct that carries its size
 * @es: its description (EXTENSIBLE_SIZE_FIELD())
 * @dst: the kernel's struct
 * @src: the caller's struct
 *
 * As perf_event_open() and sched_setattr() have always done: @dst is
 * zeroed, the size field is read once and checked as
 * extensible_copy_from_user() checks a size argument, the struct is
 * copied, and @dst's size field is set to the size checked, so that no
 * later read can see another. On -E2BIG the kernel's size is written to
 * the caller's size field, so that it learns what this kernel knows,
 * unless @es->size_read_only. The size field carries no CHECK_FIELDS: its
 * top bit is a size too large.
 *
 * Return: 0, -EINVAL or -E2BIG for a size the struct does not accept,
 * -E2BIG for non-zero bytes the kernel does not know, -EFAULT.
 */
#define extensible_copy_self_sized(es, dst, src)			\
	__extensible_copy_self_sized_inline(es, dst,			\
					    __extensible_ksize(es, dst), src)

/*
 * A caller whose struct says this kernel's size gets one copy, made here;
 * any other size takes the general case, with the size read here.
 */
static __always_inline int
__extensible_copy_self_sized_inline(const struct extensible_struct *es,
				    void *dst, size_t ksize,
				    const void __user *src)
{
	u32 size;

	memset(dst, 0, ksize);
	if (get_user(size, (const u32 __user *)(src + es->size_offset)))
		return -EFAULT;
	if (size != ksize)
		return __extensible_copy_self_sized(es, dst, ksize, src, size);
	if (copy_from_user(dst, src, ksize)) {
		memset(dst, 0, ksize);
		return -EFAULT;
	}
	*(u32 *)(dst + es->size_offset) = size;
	return 0;
}

/**
 * extensible_copy_to_user() - copy out to a caller who gave its size
 * @es: the description
 * @dst: the caller's struct
 * @usize: its size, already checked by the caller
 * @src: the kernel's struct
 * @ignored_trailing: if not NULL, set to whether @usize cut off non-zero
 *	bytes of @src (the caller may then refuse with -EMSGSIZE)
 *
 * Copies the smaller of the two structs. What happens to the caller's
 * bytes beyond the kernel's struct is @es->trailing.
 *
 * Return: 0 or -EFAULT.
 */
#define extensible_copy_to_user(es, dst, usize, src, ignored_trailing)	\
	__extensible_copy_to_user_inline(es, dst, usize, src,		\
					 __extensible_ksize(es, src),	\
					 ignored_trailing)

/* The same struct on both sides: one copy, whatever @es->trailing says. */
static __always_inline int
__extensible_copy_to_user_inline(const struct extensible_struct *es,
				 void __user *dst, size_t usize,
				 const void *src, size_t ksize,
				 bool *ignored_trailing)
{
	if (usize == ksize) {
		if (ignored_trailing)
			*ignored_trailing = false;
		return copy_to_user(dst, src, ksize) ? -EFAULT : 0;
	}
	return __extensible_copy_to_user(es, dst, usize, src, ksize,
					 ignored_trailing);
}

/**
 * extensible_fields_to_user() - answer a CHECK_FIELDS probe with @fields
 * @es: the description (with EXTENSIBLE_CHECK_FIELDS())
 * @dst: the caller's struct
 * @usize: its size, as the caller passed it
 * @fields: what the call accepts with the arguments of this probe (a
 *	const pointer of the struct's type), as for EXTENSIBLE_CHECK_FIELDS();
 *	NULL if it accepts nothing with them
 *
 * For a call whose answer depends on its other arguments (indirect()
 * answers for the call it names), after extensible_wants_check_fields().
 * The size is checked first, as the copy-in helpers check it; then
 * @fields is copied as copy_struct_to_user() does: bytes past the kernel's
 * struct are zeroed, whatever @es->trailing says, so that a newer caller
 * sees its unknown fields unsupported. A size of 0 that @es takes as no
 * struct is answered by writing nothing.
 *
 * Return: -EEXTSYS_NOOP; the size's errno, as for
 * extensible_copy_from_user(); -EINVAL if @fields is NULL; -EFAULT if
 * @dst cannot be written.
 */
#define extensible_fields_to_user(es, dst, usize, fields)		\
	__extensible_fields_to_user(es, dst, usize, fields,		\
				    __extensible_ksize(es, fields))

#endif /* _LINUX_EXTENSIBLE_STRUCT_H */
