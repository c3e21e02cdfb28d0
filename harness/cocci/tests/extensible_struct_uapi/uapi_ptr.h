/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/* Pointer members in structs that have a _SIZE_VER0. */
#ifndef _UAPI_LINUX_FOO_H
#define _UAPI_LINUX_FOO_H

#include <linux/types.h>

struct foo_args {
	__aligned_u64 flags;
	void __user *buf;		/* reported */
	const char *name;		/* reported */
	__aligned_u64 len;
};

#define FOO_ARGS_SIZE_VER0	24	/* sizeof first published struct */

/* the family name differs from the struct name, as for perf */
struct bar_event_attr {
	__u32 type;
	__u32 size;
	struct bar_cfg *cfg;		/* reported */
};

#define BAR_ATTR_SIZE_VER0	16

/* no _SIZE_VER0: not an extensible struct, not checked here */
struct baz_legacy {
	void *cookie;
};

/* the right way */
struct qux_how {
	__aligned_u64 flags;
	__aligned_u64 path;		/* a user pointer, as a u64 */
	__u32 mode;
	__u32 pad;
};

#define QUX_HOW_SIZE_VER0	24

#endif /* _UAPI_LINUX_FOO_H */
