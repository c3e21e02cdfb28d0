// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of <linux/extensible_struct.h>, on real user memory as
 * lib/usercopy_kunit.c does: one page mapped, the next one not, so that
 * a struct can end exactly at the boundary or one byte past it.
 */

#include <kunit/test.h>
#include <linux/bitops.h>
#include <linux/extensible_struct.h>
#include <linux/mman.h>
#include <linux/uaccess.h>

/* An argument-sized struct of three versions: 16, 24 and 32 bytes. */
struct ext_arg {
	u64 flags;
	u64 value;
	u64 v1;		/* VER1 */
	u64 v2;		/* VER2 */
};

#define EXT_ARG_SIZE_VER0	16
#define EXT_ARG_SIZE_VER1	24
#define EXT_ARG_SIZE_VER2	32

/* A self-sized struct, sized like perf_event_attr: 16, 24, 32 bytes. */
struct ext_self {
	u32 size;
	u32 flags;
	u64 value;
	u64 v1;		/* VER1 */
	u64 v2;		/* VER2 */
};

#define EXT_SELF_SIZE_VER0	16
#define EXT_SELF_SIZE_VER2	32

#define EXT_LATEST		32	/* of both */

/* What the calls of arg_ext accept: a CHECK_FIELDS answer. */
static const struct ext_arg arg_accepted = {
	.flags = 0x7, .value = U64_MAX, .v1 = 0x3, .v2 = U64_MAX,
};

static const struct extensible_struct arg_ext = {
	EXTENSIBLE_STRUCT(struct ext_arg, EXT_ARG_SIZE_VER0, EXT_ARG_SIZE_VER2),
	EXTENSIBLE_CHECK_FIELDS(struct ext_arg, &arg_accepted),
};

static const struct extensible_struct arg_empty_ext = {
	EXTENSIBLE_STRUCT(struct ext_arg, EXT_ARG_SIZE_VER0, EXT_ARG_SIZE_VER2),
	.zero = EXTENSIBLE_ZERO_IS_EMPTY,
	EXTENSIBLE_CHECK_FIELDS(struct ext_arg, &arg_accepted),
};

static const struct extensible_struct arg_untouched_ext = {
	EXTENSIBLE_STRUCT(struct ext_arg, EXT_ARG_SIZE_VER0, EXT_ARG_SIZE_VER2),
	.trailing = EXTENSIBLE_TRAILING_UNTOUCHED,
};

/* seccomp's addfd: PAGE_SIZE and above are EINVAL, as too small is. */
static const struct extensible_struct below_page_ext = {
	EXTENSIBLE_STRUCT(struct ext_arg, EXT_ARG_SIZE_VER0, EXT_ARG_SIZE_VER2),
	.max = PAGE_SIZE - 1,
	.too_large = -EINVAL,
};

/* io_uring's IORING_OP_OPENAT2: no cap at all. */
static const struct extensible_struct uncapped_ext = {
	EXTENSIBLE_STRUCT(struct ext_arg, EXT_ARG_SIZE_VER0, EXT_ARG_SIZE_VER2),
	.max = SIZE_MAX,
};

/* perf_event_attr's and sched_attr's rules. */
static const struct extensible_struct self_ext = {
	EXTENSIBLE_STRUCT(struct ext_self, EXT_SELF_SIZE_VER0,
			  EXT_SELF_SIZE_VER2),
	EXTENSIBLE_SIZE_FIELD(struct ext_self, size),
	.zero = EXTENSIBLE_ZERO_IS_VER0,
	.too_small = -E2BIG,
};

/* A new self-sized struct: the modern rules, as iommufd's. */
static const struct extensible_struct self_einval_ext = {
	EXTENSIBLE_STRUCT(struct ext_self, EXT_SELF_SIZE_VER0,
			  EXT_SELF_SIZE_VER2),
	EXTENSIBLE_SIZE_FIELD(struct ext_self, size),
};

/* statmount()'s mnt_id_req: the modern rules, the size field only read. */
static const struct extensible_struct self_read_only_ext = {
	EXTENSIBLE_STRUCT(struct ext_self, EXT_SELF_SIZE_VER0,
			  EXT_SELF_SIZE_VER2),
	EXTENSIBLE_SIZE_FIELD(struct ext_self, size),
	.size_read_only = true,
};

/* Distinct non-zero bytes: any byte copied from the wrong place shows. */
static u8 pattern(size_t i)
{
	return 0x11 + i % 0xee;
}

struct ext_ctx {
	u8 __user *upage;	/* one mapped page; the next is unmapped */
	u8 *buf;		/* a kernel page to stage user contents */
};

static struct ext_ctx *ext_setup(struct kunit *test)
{
	struct ext_ctx *ctx = kunit_kzalloc(test, sizeof(*ctx), GFP_KERNEL);
	unsigned long addr;

	KUNIT_ASSERT_NOT_NULL(test, ctx);
	ctx->buf = kunit_kzalloc(test, PAGE_SIZE, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, ctx->buf);
	addr = kunit_vm_mmap(test, NULL, 0, 2 * PAGE_SIZE,
			     PROT_READ | PROT_WRITE,
			     MAP_ANONYMOUS | MAP_PRIVATE, 0);
	KUNIT_ASSERT_NE_MSG(test, addr, 0, "no user memory");
	KUNIT_ASSERT_FALSE(test, IS_ERR_VALUE(addr));
	KUNIT_ASSERT_EQ(test, 0, vm_munmap(addr + PAGE_SIZE, PAGE_SIZE));
	ctx->upage = (u8 __user *)addr;
	return ctx;
}

/*
 * Put @len bytes at @off in the user page, the pattern up to @zero_from
 * and zeroes from there (the tail a newer caller leaves zero); 0xff in
 * front of it, as openat2_test does, and zeroes after it.
 */
static u8 __user *stage(struct kunit *test, struct ext_ctx *ctx, size_t off,
			size_t len, size_t zero_from)
{
	size_t i;

	memset(ctx->buf, 0xff, off);
	memset(ctx->buf + off, 0, PAGE_SIZE - off);
	for (i = 0; i < min(len, zero_from) && off + i < PAGE_SIZE; i++)
		ctx->buf[off + i] = pattern(i);
	KUNIT_ASSERT_EQ(test, 0, copy_to_user(ctx->upage, ctx->buf, PAGE_SIZE));
	return ctx->upage + off;
}

static void set_user_byte(struct kunit *test, u8 __user *p, u8 v)
{
	KUNIT_ASSERT_EQ(test, 0, put_user(v, p));
}

static void set_user_size(struct kunit *test, u8 __user *p, u32 size)
{
	KUNIT_ASSERT_EQ(test, 0, put_user(size, (u32 __user *)p));
}

static u32 user_size(struct kunit *test, u8 __user *p)
{
	u32 size;

	KUNIT_ASSERT_EQ(test, 0, get_user(size, (u32 __user *)p));
	return size;
}

/*
 * The caller's @usize bytes at @u are the answer @fields, then zeroes,
 * and the byte after them is still @after.
 */
static void expect_answer(struct kunit *test, struct ext_ctx *ctx,
			  u8 __user *u, size_t usize, const void *fields,
			  u8 after, const char *what)
{
	size_t i, end = min_t(size_t, usize + 1,
			      ctx->upage + PAGE_SIZE - u);

	KUNIT_ASSERT_EQ(test, 0, copy_from_user(ctx->buf, u, end));
	for (i = 0; i < end; i++) {
		u8 want = i >= usize ? after :
			  i < EXT_LATEST ? ((const u8 *)fields)[i] : 0;

		KUNIT_EXPECT_EQ_MSG(test, ctx->buf[i], want, "%s: byte %zu",
				    what, i);
		if (ctx->buf[i] != want)
			break;
	}
}

/* @k holds the first @copied bytes of the pattern, then zeroes. */
static void expect_copied(struct kunit *test, const void *k, size_t copied,
			  size_t skip_from, size_t skip_to, const char *what)
{
	const u8 *p = k;
	size_t i;

	for (i = 0; i < EXT_LATEST; i++) {
		if (i >= skip_from && i < skip_to)
			continue;
		KUNIT_EXPECT_EQ_MSG(test, p[i], i < copied ? pattern(i) : 0,
				    "%s: byte %zu", what, i);
	}
}

/* The sizes every copy-in test walks, raw (as the caller passes them). */
static const size_t probe_bit = (size_t)1 << (BITS_PER_LONG - 1);

struct size_case {
	size_t usize;
	const char *name;
};

static const struct size_case sizes[] = {
	{ 0, "0" }, { 1, "1" },
	{ EXT_ARG_SIZE_VER0 - 1, "VER0-1" }, { EXT_ARG_SIZE_VER0, "VER0" },
	{ EXT_ARG_SIZE_VER0 + 4, "between VER0 and VER1" },
	{ EXT_ARG_SIZE_VER1, "VER1" }, { EXT_LATEST, "latest" },
	{ PAGE_SIZE, "PAGE_SIZE" }, { PAGE_SIZE + 1, "PAGE_SIZE+1" },
	{ SIZE_MAX, "SIZE_MAX" },
};

/* What an argument-sized copy gives, by the rules of the header. */
static int arg_expected(const struct extensible_struct *es, size_t usize,
			bool probe)
{
	if (!usize && es->zero == EXTENSIBLE_ZERO_IS_EMPTY)
		return probe ? -EEXTSYS_NOOP : 0;
	if (usize < es->ver0)
		return -EINVAL;
	if (usize > PAGE_SIZE)
		return -E2BIG;
	return probe ? -EEXTSYS_NOOP : 0;
}

static void arg_sizes_one(struct kunit *test, struct ext_ctx *ctx,
			  const struct extensible_struct *es, size_t off)
{
	struct ext_arg k;
	int probe, i, ret, want;

	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		for (probe = 0; probe < 2; probe++) {
			size_t usize = sizes[i].usize;
			size_t raw = probe ? usize | probe_bit : usize;
			u8 __user *u = stage(test, ctx, off,
					     min_t(size_t, usize, PAGE_SIZE - off),
					     EXT_LATEST);

			want = arg_expected(es, usize, probe);
			/* SIZE_MAX has the bit already: too large either way. */
			if (usize & probe_bit)
				want = -E2BIG;
			/*
			 * A page-sized struct at an offset runs off the page,
			 * to read it or to write the answer.
			 */
			if ((!want || want == -EEXTSYS_NOOP) && usize &&
			    off + usize > PAGE_SIZE)
				want = -EFAULT;
			memset(&k, 0xa5, sizeof(k));
			ret = extensible_copy_from_user(es, &k, u, raw);
			KUNIT_EXPECT_EQ_MSG(test, ret, want,
					    "size %s%s at offset %zu",
					    sizes[i].name,
					    probe ? " | CHECK_FIELDS" : "", off);
			/* Copied, or nothing read at all: @k is zeroed. */
			if (!ret || ret == -EEXTSYS_NOOP)
				expect_copied(test, &k, ret ? 0 : usize, 0, 0,
					      sizes[i].name);
			/* The answer, in the caller's struct and no further. */
			if (ret == -EEXTSYS_NOOP)
				expect_answer(test, ctx, u, usize, &arg_accepted,
					      0, sizes[i].name);
		}
	}
}

static void arg_sizes_test(struct kunit *test)
{
	struct ext_ctx *ctx = ext_setup(test);
	struct ext_arg k;
	size_t off;

	for (off = 0; off < 16; off++) {
		arg_sizes_one(test, ctx, &arg_ext, off);
		arg_sizes_one(test, ctx, &arg_empty_ext, off);
	}
	/* Empty: NULL is fine, nothing is read. */
	KUNIT_EXPECT_EQ(test, 0,
			extensible_copy_from_user(&arg_empty_ext, &k, NULL, 0));
	KUNIT_EXPECT_EQ(test, -EEXTSYS_NOOP,
			extensible_copy_from_user(&arg_empty_ext, &k, NULL,
						  probe_bit));
	KUNIT_EXPECT_EQ(test, -EINVAL,
			extensible_copy_from_user(&arg_ext, &k, NULL, 0));
}

/* latest+1 .. latest+16: a zero tail, then one non-zero byte in it. */
static void arg_tail_test(struct kunit *test)
{
	struct ext_ctx *ctx = ext_setup(test);
	size_t extra, off, where[3], w;
	struct ext_arg k;
	u8 __user *u;
	int ret;

	for (off = 0; off < 16; off++) {
		for (extra = 1; extra <= 16; extra++) {
			size_t usize = EXT_LATEST + extra;

			u = stage(test, ctx, off, usize, EXT_LATEST);
			ret = extensible_copy_from_user(&arg_ext, &k, u, usize);
			KUNIT_EXPECT_EQ_MSG(test, ret, 0,
					    "latest+%zu, zero tail, offset %zu",
					    extra, off);
			expect_copied(test, &k, EXT_LATEST, 0, 0, "zero tail");
			/* A probe reads nothing, not even a bad tail. */
			set_user_byte(test, u + EXT_LATEST, 1);
			KUNIT_EXPECT_EQ(test, -EEXTSYS_NOOP,
					extensible_copy_from_user(&arg_ext, &k, u,
								  usize | probe_bit));
			expect_answer(test, ctx, u, usize, &arg_accepted, 0,
				      "probe, bad tail");

			where[0] = EXT_LATEST;
			where[1] = EXT_LATEST + extra / 2;
			where[2] = usize - 1;
			for (w = 0; w < ARRAY_SIZE(where); w++) {
				u = stage(test, ctx, off, usize, EXT_LATEST);
				set_user_byte(test, u + where[w], 0x80);
				ret = extensible_copy_from_user(&arg_ext, &k, u,
								usize);
				KUNIT_EXPECT_EQ_MSG(test, ret, -E2BIG,
						    "latest+%zu, byte %zu set, offset %zu",
						    extra, where[w], off);
			}
		}
	}
}

/* A struct ending at the page boundary is read; one byte more faults. */
static void arg_fault_test(struct kunit *test)
{
	struct ext_ctx *ctx = ext_setup(test);
	static const size_t usizes[] = {
		EXT_ARG_SIZE_VER0, EXT_ARG_SIZE_VER1, EXT_LATEST,
		EXT_LATEST + 1, EXT_LATEST + 16, PAGE_SIZE,
	};
	struct ext_arg k;
	size_t i, usize;
	u8 __user *u;
	int ret;

	for (i = 0; i < ARRAY_SIZE(usizes); i++) {
		usize = usizes[i];
		u = stage(test, ctx, PAGE_SIZE - usize, usize, EXT_LATEST);
		ret = extensible_copy_from_user(&arg_ext, &k, u, usize);
		KUNIT_EXPECT_EQ_MSG(test, ret, 0,
				    "size %zu ending at the boundary", usize);
		expect_copied(test, &k, usize, 0, 0, "at the boundary");
		if (usize == PAGE_SIZE)
			continue;
		u = stage(test, ctx, PAGE_SIZE - usize + 1, usize, EXT_LATEST);
		ret = extensible_copy_from_user(&arg_ext, &k, u, usize);
		KUNIT_EXPECT_EQ_MSG(test, ret, -EFAULT,
				    "size %zu one byte into the unmapped page",
				    usize);
		/* A probe reads nothing, but its answer cannot be written. */
		KUNIT_EXPECT_EQ(test, -EFAULT,
				extensible_copy_from_user(&arg_ext, &k, u,
							  usize | probe_bit));
		/* Ending at the boundary, it can. */
		u = stage(test, ctx, PAGE_SIZE - usize, usize, EXT_LATEST);
		KUNIT_EXPECT_EQ(test, -EEXTSYS_NOOP,
				extensible_copy_from_user(&arg_ext, &k, u,
							  usize | probe_bit));
		expect_answer(test, ctx, u, usize, &arg_accepted, 0,
			      "probe at the boundary");
	}
	KUNIT_EXPECT_EQ(test, -EFAULT,
			extensible_copy_from_user(&arg_ext, &k, NULL,
						  EXT_LATEST));
}

/* What a self-sized copy gives for size field @size. */
static int self_expected(const struct extensible_struct *es, u32 size)
{
	if (!size && es->zero == EXTENSIBLE_ZERO_IS_VER0)
		size = es->ver0;
	if (size < es->ver0)
		return es->too_small ?: -EINVAL;
	if (size > PAGE_SIZE)
		return -E2BIG;
	return 0;
}

static void self_sizes_one(struct kunit *test, struct ext_ctx *ctx,
			   const struct extensible_struct *es, size_t off)
{
	static const u32 fields[] = {
		0, 1, EXT_SELF_SIZE_VER0 - 1, EXT_SELF_SIZE_VER0, 20, 24,
		EXT_LATEST, PAGE_SIZE, PAGE_SIZE + 1, U32_MAX,
		/* CHECK_FIELDS does not fit a u32: its top bit is no probe. */
		BIT(31) | EXT_LATEST,
	};
	struct ext_self k;
	int i, ret, want;
	u8 __user *u;

	for (i = 0; i < ARRAY_SIZE(fields); i++) {
		u32 size = fields[i];
		u32 checked = size ?: EXT_SELF_SIZE_VER0;

		u = stage(test, ctx, off,
			  min_t(size_t, checked, PAGE_SIZE - off), EXT_LATEST);
		set_user_size(test, u, size);
		want = self_expected(es, size);
		if (!want && off + checked > PAGE_SIZE)
			want = -EFAULT;
		memset(&k, 0xa5, sizeof(k));
		ret = extensible_copy_self_sized(es, &k, u);
		KUNIT_EXPECT_EQ_MSG(test, ret, want, "size field %#x, offset %zu",
				    size, off);
		/*
		 * On E2BIG, and only then, the kernel's size is written back,
		 * unless the field is read-only.
		 */
		KUNIT_EXPECT_EQ_MSG(test, user_size(test, u),
				    ret == -E2BIG && !es->size_read_only ?
				    EXT_LATEST : size,
				    "size field %#x after the copy", size);
		if (ret)
			continue;
		/* The kernel copy holds the size checked, not a second read. */
		KUNIT_EXPECT_EQ(test, k.size, checked);
		expect_copied(test, &k, checked, 0, sizeof(k.size), "self");
	}
}

static void self_sizes_test(struct kunit *test)
{
	struct ext_ctx *ctx = ext_setup(test);
	size_t off;

	for (off = 0; off < 16; off++) {
		self_sizes_one(test, ctx, &self_ext, off);
		self_sizes_one(test, ctx, &self_einval_ext, off);
		self_sizes_one(test, ctx, &self_read_only_ext, off);
	}
}

static void self_tail_test(struct kunit *test)
{
	struct ext_ctx *ctx = ext_setup(test);
	size_t extra, off, where[3], w;
	struct ext_self k;
	u8 __user *u;
	int ret;

	for (off = 0; off < 16; off++) {
		for (extra = 1; extra <= 16; extra++) {
			size_t usize = EXT_LATEST + extra;

			u = stage(test, ctx, off, usize, EXT_LATEST);
			set_user_size(test, u, usize);
			KUNIT_EXPECT_EQ(test, 0,
					extensible_copy_self_sized(&self_ext, &k, u));
			KUNIT_EXPECT_EQ(test, k.size, usize);

			where[0] = EXT_LATEST;
			where[1] = EXT_LATEST + extra / 2;
			where[2] = usize - 1;
			for (w = 0; w < ARRAY_SIZE(where); w++) {
				u = stage(test, ctx, off, usize, EXT_LATEST);
				set_user_size(test, u, usize);
				set_user_byte(test, u + where[w], 0x80);
				ret = extensible_copy_self_sized(&self_ext, &k,
								 u);
				KUNIT_EXPECT_EQ_MSG(test, ret, -E2BIG,
						    "latest+%zu, byte %zu set",
						    extra, where[w]);
				KUNIT_EXPECT_EQ(test, user_size(test, u),
						EXT_LATEST);
				set_user_size(test, u, usize);
				KUNIT_EXPECT_EQ(test, -E2BIG,
						extensible_copy_self_sized(&self_read_only_ext,
									   &k, u));
				KUNIT_EXPECT_EQ(test, user_size(test, u), usize);
			}
		}
	}
}

static void self_fault_test(struct kunit *test)
{
	struct ext_ctx *ctx = ext_setup(test);
	struct ext_self k;
	u8 __user *u;

	/* Ends at the boundary: read. */
	u = stage(test, ctx, PAGE_SIZE - EXT_LATEST, EXT_LATEST, SIZE_MAX);
	set_user_size(test, u, EXT_LATEST);
	KUNIT_EXPECT_EQ(test, 0, extensible_copy_self_sized(&self_ext, &k, u));
	/* The struct, or its tail, runs into the unmapped page: no write-back. */
	u = stage(test, ctx, PAGE_SIZE - EXT_LATEST + 1, EXT_LATEST, SIZE_MAX);
	set_user_size(test, u, EXT_LATEST);
	KUNIT_EXPECT_EQ(test, -EFAULT,
			extensible_copy_self_sized(&self_ext, &k, u));
	KUNIT_EXPECT_EQ(test, user_size(test, u), EXT_LATEST);
	u = stage(test, ctx, PAGE_SIZE - EXT_LATEST, EXT_LATEST, SIZE_MAX);
	set_user_size(test, u, EXT_LATEST + 1);
	KUNIT_EXPECT_EQ(test, -EFAULT,
			extensible_copy_self_sized(&self_ext, &k, u));
	KUNIT_EXPECT_EQ(test, user_size(test, u), EXT_LATEST + 1);
	/* The size field itself is unreadable. */
	KUNIT_EXPECT_EQ(test, -EFAULT,
			extensible_copy_self_sized(&self_ext, &k,
						   ctx->upage + PAGE_SIZE - 2));
	KUNIT_EXPECT_EQ(test, -EFAULT,
			extensible_copy_self_sized(&self_ext, &k, NULL));
}

/*
 * The general case takes the size field as the inline part read it: a
 * second read could see another size, written meanwhile by another thread.
 * Here the caller's field says one size and the value passed another.
 */
static void self_read_once_test(struct kunit *test)
{
	struct ext_ctx *ctx = ext_setup(test);
	struct ext_self k;
	u8 __user *u;

	/* A latest struct, its field gone back to VER0: the latest is copied. */
	u = stage(test, ctx, 0, EXT_LATEST, EXT_LATEST);
	set_user_size(test, u, EXT_SELF_SIZE_VER0);
	KUNIT_EXPECT_EQ(test, 0,
			__extensible_copy_self_sized(&self_ext, &k, sizeof(k),
						     u, EXT_SELF_SIZE_VER0 + 8));
	KUNIT_EXPECT_EQ(test, k.size, EXT_SELF_SIZE_VER0 + 8);
	expect_copied(test, &k, EXT_SELF_SIZE_VER0 + 8, 0, sizeof(k.size),
		      "the size read once");

	/* Past the kernel's struct, a non-zero tail: E2BIG, as it was read. */
	u = stage(test, ctx, 0, EXT_LATEST + 8, SIZE_MAX);
	set_user_size(test, u, EXT_SELF_SIZE_VER0);
	KUNIT_EXPECT_EQ(test, -E2BIG,
			__extensible_copy_self_sized(&self_ext, &k, sizeof(k),
						     u, EXT_LATEST + 8));
	KUNIT_EXPECT_EQ(test, user_size(test, u), EXT_LATEST);

	/* Too small for the struct: refused, though the field is VER0. */
	u = stage(test, ctx, 0, EXT_LATEST, EXT_LATEST);
	set_user_size(test, u, EXT_SELF_SIZE_VER0);
	KUNIT_EXPECT_EQ(test, -EINVAL,
			__extensible_copy_self_sized(&self_einval_ext, &k,
						     sizeof(k), u, 8));
}

#ifdef CONFIG_FAULT_INJECTION_USERCOPY
/*
 * The word-by-word read of a struct of this kernel's size fails where
 * copy_from_user() fails: under usercopy fault injection too, which the
 * selftests drive with /proc/self/fail-nth, as this case does with
 * current->fail_nth (the debug kernel only).
 */
static void read_fault_injection_test(struct kunit *test)
{
	struct ext_ctx *ctx = ext_setup(test);
	struct ext_arg k;
	unsigned int nth;
	u8 __user *u;
	int ret;

	u = stage(test, ctx, 0, sizeof(k), SIZE_MAX);
	memset(&k, 0xa5, sizeof(k));
	WRITE_ONCE(current->fail_nth, 1);
	ret = extensible_copy_from_user(&arg_ext, &k, u, sizeof(k));
	nth = READ_ONCE(current->fail_nth);
	KUNIT_EXPECT_EQ(test, ret, -EFAULT);
	KUNIT_EXPECT_EQ_MSG(test, nth, 0, "the injected fault not taken");
	KUNIT_EXPECT_TRUE(test, mem_is_zero(&k, sizeof(k)));

	/* The second copy fails, the first one is made. */
	WRITE_ONCE(current->fail_nth, 2);
	ret = extensible_copy_from_user(&arg_ext, &k, u, sizeof(k));
	KUNIT_EXPECT_EQ(test, ret, 0);
	expect_copied(test, &k, sizeof(k), 0, 0, "before the injected fault");
	ret = extensible_copy_from_user(&arg_ext, &k, u, sizeof(k));
	WRITE_ONCE(current->fail_nth, 0);
	KUNIT_EXPECT_EQ(test, ret, -EFAULT);
}
#endif

/* Fill the user page with 0x5a and copy @usize bytes of it back. */
static void read_back(struct kunit *test, struct ext_ctx *ctx, u8 __user *u,
		      size_t len)
{
	KUNIT_ASSERT_EQ(test, 0, copy_from_user(ctx->buf, u, len));
}

static void copy_out_one(struct kunit *test, struct ext_ctx *ctx,
			 const struct extensible_struct *es, size_t off,
			 size_t usize, bool nonzero_cut)
{
	struct ext_arg k;
	bool ignored = !nonzero_cut;
	size_t i, copied = min_t(size_t, usize, sizeof(k));
	u8 *kb = (u8 *)&k;
	u8 __user *u = ctx->upage + off;

	for (i = 0; i < sizeof(k); i++)
		kb[i] = pattern(i);
	/* Bytes past @usize are zero unless the case wants them cut. */
	if (!nonzero_cut)
		memset(kb + copied, 0, sizeof(k) - copied);
	memset(ctx->buf, 0x5a, PAGE_SIZE);
	KUNIT_ASSERT_EQ(test, 0, copy_to_user(ctx->upage, ctx->buf, PAGE_SIZE));

	KUNIT_EXPECT_EQ(test, 0,
			extensible_copy_to_user(es, u, usize, &k, &ignored));
	KUNIT_EXPECT_EQ_MSG(test, ignored, nonzero_cut && usize < sizeof(k),
			    "ignored_trailing, usize %zu", usize);
	read_back(test, ctx, u, min_t(size_t, usize + 8, PAGE_SIZE - off));
	for (i = 0; i < usize + 8 && off + i < PAGE_SIZE; i++) {
		u8 want;

		if (i < copied)
			want = kb[i];
		else if (i < usize && es->trailing == EXTENSIBLE_TRAILING_ZEROED)
			want = 0;
		else
			want = 0x5a;	/* left alone */
		KUNIT_EXPECT_EQ_MSG(test, ctx->buf[i], want,
				    "usize %zu, offset %zu: byte %zu", usize,
				    off, i);
	}
}

/* Copy-out to an older caller (smaller) and a newer one (larger). */
static void copy_out_test(struct kunit *test)
{
	struct ext_ctx *ctx = ext_setup(test);
	static const size_t usizes[] = {
		EXT_ARG_SIZE_VER0, EXT_ARG_SIZE_VER1, EXT_LATEST,
		EXT_LATEST + 1, EXT_LATEST + 16, 256,
	};
	size_t i, off;

	for (off = 0; off < 16; off++) {
		for (i = 0; i < ARRAY_SIZE(usizes); i++) {
			copy_out_one(test, ctx, &arg_ext, off, usizes[i], false);
			copy_out_one(test, ctx, &arg_ext, off, usizes[i], true);
			copy_out_one(test, ctx, &arg_untouched_ext, off,
				     usizes[i], false);
			copy_out_one(test, ctx, &arg_untouched_ext, off,
				     usizes[i], true);
		}
	}
}

static void copy_out_fault_test(struct kunit *test)
{
	struct ext_ctx *ctx = ext_setup(test);
	u8 __user *last = ctx->upage + PAGE_SIZE - EXT_LATEST;
	void __user *top = (void __user *)(TASK_SIZE_MAX - EXT_LATEST);
	struct ext_arg k = {};

	/* Exactly up to the boundary; one byte more faults. */
	KUNIT_EXPECT_EQ(test, 0, extensible_copy_to_user(&arg_ext, last,
							 EXT_LATEST, &k, NULL));
	KUNIT_EXPECT_EQ(test, -EFAULT,
			extensible_copy_to_user(&arg_ext, last + 1, EXT_LATEST,
						&k, NULL));
	/* A newer caller's tail in the unmapped page cannot be zeroed. */
	KUNIT_EXPECT_EQ(test, -EFAULT,
			extensible_copy_to_user(&arg_ext, last, EXT_LATEST + 1,
						&k, NULL));
	/* Left alone, it still must be the caller's memory to write to. */
	KUNIT_EXPECT_EQ(test, -EFAULT,
			extensible_copy_to_user(&arg_untouched_ext, top,
						EXT_LATEST + 1, &k, NULL));
	KUNIT_EXPECT_EQ(test, 0,
			extensible_copy_to_user(&arg_untouched_ext, last,
						EXT_LATEST + 1, &k, NULL));
}

/* A probe's answer: fields up to the size, zeroes past the kernel's. */
static void fields_to_user_test(struct kunit *test)
{
	struct ext_ctx *ctx = ext_setup(test);
	static const size_t usizes[] = {
		EXT_ARG_SIZE_VER0, EXT_ARG_SIZE_VER1, EXT_LATEST,
		EXT_LATEST + 8, PAGE_SIZE,
	};
	const struct ext_arg fields = {
		.flags = 0x1, .value = 0x7f, .v1 = 0x2, .v2 = U64_MAX,
	};
	const struct ext_arg *none = NULL;
	size_t i, j, off;

	for (off = 0; off < 16; off += 5) {
		for (i = 0; i < ARRAY_SIZE(usizes); i++) {
			size_t usize = min_t(size_t, usizes[i], PAGE_SIZE - off);
			u8 __user *u = ctx->upage + off;

			memset(ctx->buf, 0x5a, PAGE_SIZE);
			KUNIT_ASSERT_EQ(test, 0, copy_to_user(ctx->upage,
							      ctx->buf,
							      PAGE_SIZE));
			KUNIT_EXPECT_EQ(test, -EEXTSYS_NOOP,
					extensible_fields_to_user(&arg_ext, u,
								  usize | probe_bit,
								  &fields));
			read_back(test, ctx, ctx->upage, PAGE_SIZE);
			for (j = 0; j < PAGE_SIZE; j++) {
				u8 want = 0x5a;

				if (j >= off && j < off + usize)
					want = j - off < sizeof(fields) ?
					       ((u8 *)&fields)[j - off] : 0;
				KUNIT_EXPECT_EQ_MSG(test, ctx->buf[j], want,
						    "usize %zu offset %zu: byte %zu",
						    usize, off, j);
				if (ctx->buf[j] != want)
					break;
			}
		}
	}
	KUNIT_EXPECT_EQ(test, -EFAULT,
			extensible_fields_to_user(&arg_ext,
						  ctx->upage + PAGE_SIZE - 8,
						  EXT_LATEST | probe_bit,
						  &fields));
	/* The size is checked first, as the copy-in helpers check it. */
	KUNIT_EXPECT_EQ(test, -EINVAL,
			extensible_fields_to_user(&arg_ext, ctx->upage,
						  (EXT_ARG_SIZE_VER0 - 1) |
						  probe_bit, &fields));
	KUNIT_EXPECT_EQ(test, -E2BIG,
			extensible_fields_to_user(&arg_ext, ctx->upage,
						  (PAGE_SIZE + 1) | probe_bit,
						  &fields));
	/* No struct: nothing written, not even to NULL. */
	KUNIT_EXPECT_EQ(test, -EEXTSYS_NOOP,
			extensible_fields_to_user(&arg_empty_ext, NULL,
						  probe_bit, &fields));
	/* Nothing accepted with these arguments: EINVAL, nothing written. */
	memset(ctx->buf, 0x5a, EXT_LATEST);
	KUNIT_ASSERT_EQ(test, 0, copy_to_user(ctx->upage, ctx->buf,
					      EXT_LATEST));
	KUNIT_EXPECT_EQ(test, -EINVAL,
			extensible_fields_to_user(&arg_ext, ctx->upage,
						  EXT_LATEST | probe_bit, none));
	read_back(test, ctx, ctx->upage, EXT_LATEST);
	KUNIT_EXPECT_TRUE(test, !memchr_inv(ctx->buf, 0x5a, EXT_LATEST));
}

/*
 * 6.13's copy_struct_to_user() with the fix of its ignored_trailing: set
 * for a smaller caller who misses non-zero bytes, never for a larger one,
 * whatever lies in kernel memory past the struct.
 */
static void copy_struct_to_user_test(struct kunit *test)
{
	struct ext_ctx *ctx = ext_setup(test);
	u8 kbuf[2 * EXT_LATEST];
	bool ignored;
	size_t i;

	for (i = 0; i < sizeof(kbuf); i++)
		kbuf[i] = pattern(i);

	/* Larger caller: the kernel's struct, then zeroes; nothing ignored. */
	ignored = true;
	KUNIT_EXPECT_EQ(test, 0, copy_struct_to_user(ctx->upage, EXT_LATEST + 16,
						     kbuf, EXT_LATEST,
						     &ignored));
	KUNIT_EXPECT_FALSE(test, ignored);
	read_back(test, ctx, ctx->upage, EXT_LATEST + 16);
	KUNIT_EXPECT_TRUE(test, !memcmp(ctx->buf, kbuf, EXT_LATEST));
	KUNIT_EXPECT_TRUE(test, !memchr_inv(ctx->buf + EXT_LATEST, 0, 16));

	/* Smaller caller: non-zero bytes cut off, then only zeroes cut off. */
	ignored = false;
	KUNIT_EXPECT_EQ(test, 0, copy_struct_to_user(ctx->upage,
						     EXT_ARG_SIZE_VER0, kbuf,
						     EXT_LATEST, &ignored));
	KUNIT_EXPECT_TRUE(test, ignored);
	memset(kbuf + EXT_ARG_SIZE_VER0, 0, EXT_LATEST - EXT_ARG_SIZE_VER0);
	KUNIT_EXPECT_EQ(test, 0, copy_struct_to_user(ctx->upage,
						     EXT_ARG_SIZE_VER0, kbuf,
						     EXT_LATEST, &ignored));
	KUNIT_EXPECT_FALSE(test, ignored);

	/* The same size: nothing ignored; a tail it cannot zero faults. */
	ignored = true;
	KUNIT_EXPECT_EQ(test, 0, copy_struct_to_user(ctx->upage, EXT_LATEST,
						     kbuf, EXT_LATEST,
						     &ignored));
	KUNIT_EXPECT_FALSE(test, ignored);
	KUNIT_EXPECT_EQ(test, -EFAULT,
			copy_struct_to_user(ctx->upage + PAGE_SIZE - EXT_LATEST,
					    EXT_LATEST + 1, kbuf, EXT_LATEST,
					    NULL));
}

/* The helpers that only look at the size. */
static void size_helpers_test(struct kunit *test)
{
	struct ext_ctx *ctx = ext_setup(test);
	u8 __user *u;
	size_t usize;

	KUNIT_EXPECT_FALSE(test, extensible_size_in_range(&self_ext, 0));
	KUNIT_EXPECT_FALSE(test, extensible_size_in_range(&self_ext,
							  EXT_SELF_SIZE_VER0 - 1));
	KUNIT_EXPECT_TRUE(test, extensible_size_in_range(&self_ext,
							 EXT_SELF_SIZE_VER0));
	KUNIT_EXPECT_TRUE(test, extensible_size_in_range(&self_ext, PAGE_SIZE));
	KUNIT_EXPECT_FALSE(test, extensible_size_in_range(&self_ext,
							  PAGE_SIZE + 1));

	KUNIT_EXPECT_TRUE(test, extensible_wants_check_fields(&arg_ext,
							      probe_bit));
	KUNIT_EXPECT_FALSE(test, extensible_wants_check_fields(&arg_ext,
							       BIT(31)));
	KUNIT_EXPECT_FALSE(test, extensible_wants_check_fields(&self_ext,
							       probe_bit));

	/* A probe is answered here too, as an errno. */
	u = stage(test, ctx, 0, EXT_LATEST, EXT_LATEST);
	usize = EXT_LATEST | probe_bit;
	KUNIT_EXPECT_EQ(test, -EEXTSYS_NOOP,
			extensible_check_size(&arg_ext, u, &usize));
	KUNIT_EXPECT_EQ(test, usize, EXT_LATEST);
	expect_answer(test, ctx, u, EXT_LATEST, &arg_accepted, 0, "check size");
	/* Not a probe for a call without CHECK_FIELDS: just too large. */
	usize = EXT_LATEST | probe_bit;
	KUNIT_EXPECT_EQ(test, -E2BIG,
			extensible_check_size(&arg_untouched_ext, u, &usize));
	usize = EXT_LATEST;
	KUNIT_EXPECT_EQ(test, 0, extensible_check_size(&arg_ext, u, &usize));
	usize = 0;
	KUNIT_EXPECT_EQ(test, 0, extensible_check_size(&self_ext, u, &usize));
	KUNIT_EXPECT_EQ(test, usize, EXT_SELF_SIZE_VER0);
	usize = probe_bit;
	KUNIT_EXPECT_EQ(test, -EINVAL,
			extensible_check_size(&arg_ext, u, &usize));
}

/*
 * A description's own cap and its errno, against the default's: the
 * sizes on either side of each cap, a tail past the page for the call
 * without one.
 */
static void limits_test(struct kunit *test)
{
	struct ext_ctx *ctx = ext_setup(test);
	struct ext_arg k;
	u8 __user *u = stage(test, ctx, 0, EXT_LATEST, EXT_LATEST);

	KUNIT_EXPECT_EQ(test, 0, extensible_copy_from_user(&arg_untouched_ext,
							   &k, u, PAGE_SIZE));
	KUNIT_EXPECT_EQ(test, -E2BIG,
			extensible_copy_from_user(&arg_untouched_ext, &k, u,
						  PAGE_SIZE + 1));

	KUNIT_EXPECT_EQ(test, 0, extensible_copy_from_user(&below_page_ext, &k,
							   u, EXT_LATEST));
	expect_copied(test, &k, EXT_LATEST, 0, 0, "below the page");
	KUNIT_EXPECT_EQ(test, 0, extensible_copy_from_user(&below_page_ext, &k,
							   u, PAGE_SIZE - 1));
	KUNIT_EXPECT_EQ(test, -EINVAL,
			extensible_copy_from_user(&below_page_ext, &k, u,
						  PAGE_SIZE));
	KUNIT_EXPECT_EQ(test, -EINVAL,
			extensible_copy_from_user(&below_page_ext, &k, u,
						  SIZE_MAX));
	KUNIT_EXPECT_EQ(test, -EINVAL,
			extensible_copy_from_user(&below_page_ext, &k, u,
						  EXT_ARG_SIZE_VER0 - 1));
	KUNIT_EXPECT_FALSE(test, extensible_size_in_range(&below_page_ext,
							  PAGE_SIZE));
	KUNIT_EXPECT_TRUE(test, extensible_size_in_range(&below_page_ext,
							 PAGE_SIZE - 1));

	/* No cap: a zero tail is read until it ends, or faults. */
	KUNIT_EXPECT_EQ(test, -EFAULT,
			extensible_copy_from_user(&uncapped_ext, &k, u,
						  PAGE_SIZE + 1));
	KUNIT_EXPECT_TRUE(test, !memchr_inv(&k, 0, sizeof(k)));
	set_user_byte(test, u + PAGE_SIZE - 1, 1);
	KUNIT_EXPECT_EQ(test, -E2BIG,
			extensible_copy_from_user(&uncapped_ext, &k, u,
						  PAGE_SIZE + 1));
	KUNIT_EXPECT_EQ(test, -EINVAL,
			extensible_copy_from_user(&uncapped_ext, &k, u,
						  EXT_ARG_SIZE_VER0 - 1));
	KUNIT_EXPECT_TRUE(test, extensible_size_in_range(&uncapped_ext,
							 SIZE_MAX));
}

#define EXT_IOCTL	_IOWR('x', 7, struct ext_arg)
#define EXT_IOCTL_SIZED(size)						\
	_IOC(_IOC_DIR(EXT_IOCTL), _IOC_TYPE(EXT_IOCTL), _IOC_NR(EXT_IOCTL), size)

static bool ioctl_matches(unsigned int cmd)
{
	return extensible_ioctl_match(&arg_untouched_ext, cmd, EXT_IOCTL);
}

static int ioctl_copy(const struct extensible_struct *es, struct ext_arg *k,
		      u8 __user *u, size_t size)
{
	return extensible_copy_from_ioctl(es, k, u, EXT_IOCTL_SIZED(size));
}

/* An ioctl that takes its struct's size from its number. */
static void ioctl_test(struct kunit *test)
{
	struct ext_ctx *ctx = ext_setup(test);
	struct ext_arg k;
	u8 __user *u;

	KUNIT_EXPECT_TRUE(test, ioctl_matches(EXT_IOCTL));
	KUNIT_EXPECT_TRUE(test, ioctl_matches(EXT_IOCTL_SIZED(EXT_ARG_SIZE_VER0)));
	KUNIT_EXPECT_TRUE(test, ioctl_matches(EXT_IOCTL_SIZED(_IOC_SIZEMASK)));
	KUNIT_EXPECT_FALSE(test,
			   ioctl_matches(EXT_IOCTL_SIZED(EXT_ARG_SIZE_VER0 - 1)));
	KUNIT_EXPECT_FALSE(test, ioctl_matches(EXT_IOCTL_SIZED(0)));
	KUNIT_EXPECT_FALSE(test, ioctl_matches(_IOW('x', 7, struct ext_arg)));
	KUNIT_EXPECT_FALSE(test, ioctl_matches(_IOWR('y', 7, struct ext_arg)));
	KUNIT_EXPECT_FALSE(test, ioctl_matches(_IOWR('x', 8, struct ext_arg)));

	u = stage(test, ctx, 0, EXT_LATEST + 8, EXT_LATEST);
	KUNIT_EXPECT_EQ(test, 0, ioctl_copy(&arg_untouched_ext, &k, u,
					    EXT_ARG_SIZE_VER0));
	expect_copied(test, &k, EXT_ARG_SIZE_VER0, 0, 0, "ioctl VER0");
	KUNIT_EXPECT_EQ(test, 0, extensible_copy_from_ioctl(&arg_untouched_ext,
							    &k, u, EXT_IOCTL));
	expect_copied(test, &k, EXT_LATEST, 0, 0, "ioctl latest");
	KUNIT_EXPECT_EQ(test, 0, ioctl_copy(&arg_untouched_ext, &k, u,
					    EXT_LATEST + 8));
	KUNIT_EXPECT_EQ(test, -EINVAL, ioctl_copy(&arg_untouched_ext, &k, u,
						  EXT_ARG_SIZE_VER0 - 1));
	KUNIT_EXPECT_EQ(test, -E2BIG, ioctl_copy(&arg_untouched_ext, &k, u,
						 _IOC_SIZEMASK));
	KUNIT_EXPECT_EQ(test, -EINVAL, ioctl_copy(&below_page_ext, &k, u,
						  _IOC_SIZEMASK));
	/* The size field carries no probe: the answer is never written. */
	KUNIT_EXPECT_EQ(test, -E2BIG, ioctl_copy(&arg_ext, &k, u,
						 _IOC_SIZEMASK));
	set_user_byte(test, u + EXT_LATEST + 7, 1);
	KUNIT_EXPECT_EQ(test, -E2BIG, ioctl_copy(&arg_untouched_ext, &k, u,
						 EXT_LATEST + 8));
	KUNIT_EXPECT_TRUE(test, !memchr_inv(&k, 0, sizeof(k)));
}

/*
 * The new call of Documentation/process/adding-syscalls.rst, exactly as
 * written there (harness/docs checks that each of its paragraphs is here),
 * as a function the test calls: a call written by following the recipe.
 */
#define SYSCALL_DEFINE2(name, t1, a1, t2, a2)				\
	static long sys_##name(t1 a1, t2 a2)

struct xyzzy_params {
	__aligned_u64 flags;	/* XYZZY_FLAG_* */
	__aligned_u64 buf;	/* a pointer */
	__u32 len;
	__u32 __reserved;	/* no implicit padding; must be zero */
};

#define XYZZY_PARAMS_SIZE_VER0 24 /* sizeof first published struct */
#define XYZZY_PARAMS_SIZE_LATEST XYZZY_PARAMS_SIZE_VER0

#define XYZZY_FLAG_A 0x1
#define XYZZY_FLAG_B 0x2
#define XYZZY_FLAGS_ALL (XYZZY_FLAG_A | XYZZY_FLAG_B)

static const struct xyzzy_params xyzzy_params_accepted = {
	.flags = XYZZY_FLAGS_ALL,
	.buf = U64_MAX,
	.len = U32_MAX,
};

static const struct extensible_struct xyzzy_params_ext = {
	EXTENSIBLE_STRUCT(struct xyzzy_params, XYZZY_PARAMS_SIZE_VER0,
			  XYZZY_PARAMS_SIZE_LATEST),
	EXTENSIBLE_CHECK_FIELDS(struct xyzzy_params, &xyzzy_params_accepted),
};

SYSCALL_DEFINE2(xyzzy, struct xyzzy_params __user *, params, size_t, size)
{
	struct xyzzy_params kparams;
	int err;

	err = extensible_copy_from_user(&xyzzy_params_ext, &kparams, params,
					size);
	if (err)
		return err; /* -EEXTSYS_NOOP: a CHECK_FIELDS probe, answered */
	if (kparams.flags & ~XYZZY_FLAGS_ALL || kparams.__reserved)
		return -EINVAL;

	kparams.len = hweight64(kparams.flags);
	return extensible_copy_to_user(&xyzzy_params_ext, params, size,
				       &kparams, NULL);
}

/* A multiplexed call's table: the ops' structs share one buffer. */
struct ext_small {
	u64 a;
	u64 b;
};

union ext_ops {
	struct ext_arg arg;
	struct ext_small small;
	u8 bytes[2 * EXT_LATEST];
};

/* iommufd's rules for every op: no cap on the size. */
#define EXT_OP(type, first)						\
	{ EXTENSIBLE_OP_STRUCT(union ext_ops, type, first), .max = U32_MAX }

static const struct extensible_struct ops_ext[] = {
	EXT_OP(struct ext_arg, EXT_ARG_SIZE_VER0),
	EXT_OP(struct ext_small, sizeof(u64)),
};

/*
 * Copies op @op's struct of @usize bytes at @u into a buffer of 0xa5:
 * on success the struct's bytes hold @copied bytes of the pattern, then
 * zeroes; on an error they are zero; the rest of the buffer is untouched.
 */
static void op_copy_one(struct kunit *test, u8 __user *u, int op,
			size_t usize, int want, size_t copied)
{
	size_t i, ksize = ops_ext[op].size;
	union ext_ops buf;
	int ret;

	memset(&buf, 0xa5, sizeof(buf));
	ret = extensible_copy_op_from_user(&ops_ext[op], &buf, u, usize);
	KUNIT_EXPECT_EQ_MSG(test, ret, want, "op %d, size %zu", op, usize);
	for (i = 0; i < sizeof(buf); i++) {
		u8 expected = i >= ksize ? 0xa5 :
			      !ret && i < copied ? pattern(i) : 0;

		KUNIT_EXPECT_EQ_MSG(test, buf.bytes[i], expected,
				    "op %d, size %zu: byte %zu", op, usize, i);
	}
}

/* Each op by its own sizes, into the one buffer of every op. */
static void op_table_test(struct kunit *test)
{
	struct ext_ctx *ctx = ext_setup(test);
	u8 __user *u;

	/* The pattern for @len bytes, zeroes to the end of the page. */
	u = stage(test, ctx, 0, EXT_LATEST, EXT_LATEST);
	op_copy_one(test, u, 0, 0, -EINVAL, 0);
	op_copy_one(test, u, 0, EXT_ARG_SIZE_VER0 - 1, -EINVAL, 0);
	op_copy_one(test, u, 0, EXT_ARG_SIZE_VER0, 0, EXT_ARG_SIZE_VER0);
	op_copy_one(test, u, 0, EXT_LATEST, 0, EXT_LATEST);
	/* No cap: a page of zeros after the struct is a struct. */
	op_copy_one(test, u, 0, PAGE_SIZE, 0, EXT_LATEST);
	op_copy_one(test, u, 0, PAGE_SIZE + 1, -EFAULT, 0);
	op_copy_one(test, u, 0, U32_MAX, -EFAULT, 0);
	op_copy_one(test, u, 1, sizeof(u64) - 1, -EINVAL, 0);
	op_copy_one(test, u, 1, sizeof(u64), 0, sizeof(u64));
	/* The other op's struct: its bytes past 16 are non-zero. */
	op_copy_one(test, u, 1, EXT_LATEST, -E2BIG, 0);
	set_user_byte(test, u + PAGE_SIZE - 1, 1);
	op_copy_one(test, u, 0, PAGE_SIZE, -E2BIG, 0);
	op_copy_one(test, u, 0, PAGE_SIZE - 1, 0, EXT_LATEST);
}

/*
 * Element @index of an array of @stride-byte structs, the pattern over
 * the page, each element's bytes past the kernel's struct zero.
 */
static void array_copy_one(struct kunit *test, struct ext_ctx *ctx,
			   const struct extensible_struct *es, size_t stride,
			   size_t index, int want)
{
	size_t i, start = stride * index;
	struct ext_arg k;
	int ret;

	for (i = 0; i < PAGE_SIZE; i++)
		ctx->buf[i] = stride && i % stride >= EXT_LATEST ? 0 :
			      pattern(i);
	KUNIT_ASSERT_EQ(test, 0, copy_to_user(ctx->upage, ctx->buf, PAGE_SIZE));
	memset(&k, 0xa5, sizeof(k));
	ret = extensible_copy_from_user_array(es, &k, ctx->upage, stride,
					      index);
	KUNIT_EXPECT_EQ_MSG(test, ret, want, "stride %zu, index %zu", stride,
			    index);
	for (i = 0; i < sizeof(k); i++)
		KUNIT_EXPECT_EQ_MSG(test, ((u8 *)&k)[i],
				    !ret && i < stride ? pattern(start + i) : 0,
				    "stride %zu, index %zu: byte %zu", stride,
				    index, i);
}

/* An array whose element size is the caller's, as IOMMU_HWPT_INVALIDATE's. */
static void array_test(struct kunit *test)
{
	struct ext_ctx *ctx = ext_setup(test);
	size_t stride, last;

	/* Older, this kernel's and newer elements, each of them. */
	for (stride = EXT_ARG_SIZE_VER0; stride <= EXT_LATEST + 24;
	     stride += 8) {
		last = PAGE_SIZE / stride - 1;
		array_copy_one(test, ctx, &uncapped_ext, stride, 0, 0);
		array_copy_one(test, ctx, &uncapped_ext, stride, 1, 0);
		array_copy_one(test, ctx, &uncapped_ext, stride, last, 0);
		/* The next one runs off the page. */
		array_copy_one(test, ctx, &uncapped_ext, stride, last + 1,
			       -EFAULT);
	}
	array_copy_one(test, ctx, &uncapped_ext, 0, 0, -EINVAL);
	array_copy_one(test, ctx, &uncapped_ext, EXT_ARG_SIZE_VER0 - 1, 1,
		       -EINVAL);
	/* A newer element whose unknown bytes are not zero. */
	array_copy_one(test, ctx, &uncapped_ext, EXT_LATEST + 8, 0, 0);
	set_user_byte(test, ctx->upage + EXT_LATEST, 1);
	KUNIT_EXPECT_EQ(test, -E2BIG,
			extensible_copy_from_user_array(&uncapped_ext,
							&(struct ext_arg){},
							ctx->upage,
							EXT_LATEST + 8, 0));
	/* An offset past SIZE_MAX: no element, the stride's errno first. */
	array_copy_one(test, ctx, &uncapped_ext, EXT_LATEST, SIZE_MAX / 4,
		       -EFAULT);
	array_copy_one(test, ctx, &uncapped_ext, 2, SIZE_MAX, -EINVAL);
	array_copy_one(test, ctx, &arg_untouched_ext, PAGE_SIZE + 8,
		       SIZE_MAX / 8, -E2BIG);
}

/* The recipe's call, for each size class the recipe tells to test. */
static void recipe_test(struct kunit *test)
{
	struct ext_ctx *ctx = ext_setup(test);
	const struct xyzzy_params in = { .flags = XYZZY_FLAGS_ALL };
	struct xyzzy_params out;
	u8 __user *u;
	size_t i;
	const struct {
		size_t size;
		long ret;
	} cases[] = {
		{ 0, -EINVAL }, { 1, -EINVAL },
		{ XYZZY_PARAMS_SIZE_VER0 - 1, -EINVAL },
		{ XYZZY_PARAMS_SIZE_VER0, 0 },
		{ XYZZY_PARAMS_SIZE_VER0 + 1, 0 },	/* zero tail */
		{ PAGE_SIZE, 0 }, { PAGE_SIZE + 1, -E2BIG },
		{ 0 | probe_bit, -EINVAL },
		{ (PAGE_SIZE + 1) | probe_bit, -E2BIG },
	};

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		size_t len = min_t(size_t, cases[i].size & ~probe_bit,
				   PAGE_SIZE);

		u = stage(test, ctx, 0, 0, 0);
		KUNIT_ASSERT_EQ(test, 0, copy_to_user(u, &in, sizeof(in)));
		KUNIT_EXPECT_EQ_MSG(test, cases[i].ret,
				    sys_xyzzy((void __user *)u, cases[i].size),
				    "size %#zx", cases[i].size);
		if (cases[i].ret)
			continue;
		/* Written back: len set, the caller's larger tail zeroed. */
		KUNIT_ASSERT_EQ(test, 0, copy_from_user(&out, u, sizeof(out)));
		KUNIT_EXPECT_EQ(test, out.len, 2);
		KUNIT_ASSERT_EQ(test, 0, copy_from_user(ctx->buf, u, len));
		KUNIT_EXPECT_TRUE(test, !memchr_inv(ctx->buf + sizeof(out), 0,
						    len - sizeof(out)));
	}

	/* Latest + 1 with a non-zero tail: E2BIG, nothing written. */
	u = stage(test, ctx, 0, 0, 0);
	KUNIT_ASSERT_EQ(test, 0, copy_to_user(u, &in, sizeof(in)));
	set_user_byte(test, u + sizeof(in), 1);
	KUNIT_EXPECT_EQ(test, -E2BIG, sys_xyzzy((void __user *)u,
						sizeof(in) + 1));
	/* Unknown flag, non-zero reserved field: EINVAL. */
	for (i = 0; i < 2; i++) {
		struct xyzzy_params bad = in;

		if (i)
			bad.__reserved = 1;
		else
			bad.flags |= 0x4;
		KUNIT_ASSERT_EQ(test, 0, copy_to_user(u, &bad, sizeof(bad)));
		KUNIT_EXPECT_EQ(test, -EINVAL,
				sys_xyzzy((void __user *)u, sizeof(bad)));
	}
	/* Ending at the end of the mapping, and one byte past it. */
	u = ctx->upage + PAGE_SIZE - sizeof(in);
	KUNIT_ASSERT_EQ(test, 0, copy_to_user(u, &in, sizeof(in)));
	KUNIT_EXPECT_EQ(test, 0, sys_xyzzy((void __user *)u, sizeof(in)));
	KUNIT_EXPECT_EQ(test, -EFAULT,
			sys_xyzzy((void __user *)(u + 1), sizeof(in)));
	KUNIT_EXPECT_EQ(test, -EFAULT, sys_xyzzy(NULL, sizeof(in)));
	/* CHECK_FIELDS: the answer, zeroes up to the size, EEXTSYS_NOOP */
	u = stage(test, ctx, 0, 64, 64);
	KUNIT_EXPECT_EQ(test, -EEXTSYS_NOOP,
			sys_xyzzy((void __user *)u, 32 | probe_bit));
	KUNIT_ASSERT_EQ(test, 0, copy_from_user(ctx->buf, u, 64));
	KUNIT_EXPECT_TRUE(test, !memcmp(ctx->buf, &xyzzy_params_accepted,
					sizeof(xyzzy_params_accepted)));
	KUNIT_EXPECT_TRUE(test, !memchr_inv(ctx->buf + 24, 0, 8));
	KUNIT_EXPECT_EQ(test, ctx->buf[32], pattern(32));
}

static struct kunit_case extensible_struct_test_cases[] = {
	KUNIT_CASE(size_helpers_test),
	KUNIT_CASE(limits_test),
	KUNIT_CASE(ioctl_test),
	KUNIT_CASE(op_table_test),
	KUNIT_CASE(array_test),
	KUNIT_CASE(arg_sizes_test),
	KUNIT_CASE(arg_tail_test),
	KUNIT_CASE(arg_fault_test),
	KUNIT_CASE(self_sizes_test),
	KUNIT_CASE(self_tail_test),
	KUNIT_CASE(self_fault_test),
	KUNIT_CASE(self_read_once_test),
#ifdef CONFIG_FAULT_INJECTION_USERCOPY
	KUNIT_CASE(read_fault_injection_test),
#endif
	KUNIT_CASE(copy_out_test),
	KUNIT_CASE(copy_out_fault_test),
	KUNIT_CASE(fields_to_user_test),
	KUNIT_CASE(copy_struct_to_user_test),
	KUNIT_CASE(recipe_test),
	{}
};

static struct kunit_suite extensible_struct_test_suite = {
	.name = "extensible_struct",
	.test_cases = extensible_struct_test_cases,
};

kunit_test_suite(extensible_struct_test_suite);

MODULE_DESCRIPTION("KUnit tests of the extensible struct copy helpers");
MODULE_LICENSE("GPL");
