/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/* A uapi header with three families of extensible structs. */
#ifndef _UAPI_FOO_H
#define _UAPI_FOO_H

#include <linux/types.h>

/* pinned in pinned.c: not reported */
struct foo_args {
	__aligned_u64 flags;
	__aligned_u64 addr;
	__aligned_u64 len;
};
#define FOO_ARGS_SIZE_VER0	16 /* sizeof first published struct */
#define FOO_ARGS_SIZE_VER1	24 /* add: len */

/* not pinned anywhere: reported at its latest size */
struct bar_attr {
	__u32 size;
	__u32 flags;
	__aligned_u64 value;
};
#define BAR_ATTR_SIZE_VER0	8
#define BAR_ATTR_SIZE_VER1	16

/* pinned through the _LATEST alias: not reported */
struct baz_req {
	__u32 size;
	__u32 spare;
};
#define BAZ_REQ_SIZE_VER0	8
#define BAZ_REQ_SIZE_LATEST	BAZ_REQ_SIZE_VER0

/* pinned, but to a version that is not the latest: reported */
struct qux_info {
	__u32 size;
	__u32 nr;
	__aligned_u64 id;
};
#define QUX_INFO_SIZE_VER0	8
#define QUX_INFO_SIZE_VER1	16

#endif
