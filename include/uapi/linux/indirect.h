/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
#ifndef _UAPI_LINUX_INDIRECT_H
#define _UAPI_LINUX_INDIRECT_H

#include <linux/check_fields.h>
#include <linux/const.h>
#include <linux/types.h>

/**
 * struct indirect_registers - the system call that indirect() runs
 * @nr: system call number, in the caller's own ABI (what the caller would
 *      put in the syscall number register to make the call directly)
 * @args: the call's arguments, in order; unused ones are ignored
 *
 * The layout is the same for every ABI (56 bytes, no padding), so 32-bit
 * and 64-bit callers share one definition.
 */
struct indirect_registers {
	__u64 nr;
	__u64 args[6];
};

/**
 * struct indirect_params - extra parameters for the inner system call
 * @file_flags: INDIRECT_FD_* flags for the file descriptors the inner
 *              call creates; 0 leaves them as the call alone would
 * @resolve: RESOLVE_* flags of <linux/openat2.h>, with openat2()'s
 *           meaning, for every lookup of a path the caller passed to the
 *           inner call, each scoped to that path's own directory file
 *           descriptor (AT_FDCWD, or no dirfd: the working directory);
 *           0 resolves paths as the call alone would
 *
 * Extensible: the size passed to indirect() tells which version of this
 * structure the caller knows. Fields are only ever appended, and a zero
 * field always asks for the behaviour of the call without it.
 */
struct indirect_params {
	__aligned_u64 file_flags;
	__aligned_u64 resolve;
};

#define INDIRECT_PARAMS_SIZE_VER0	8	/* sizeof first published struct */
#define INDIRECT_PARAMS_SIZE_VER1	16	/* adds resolve */
#define INDIRECT_PARAMS_SIZE_LATEST	INDIRECT_PARAMS_SIZE_VER1

/* indirect_params.file_flags: our own values, independent of O_* */
#define INDIRECT_FD_CLOEXEC	_BITULL(0)	/* set close-on-exec */
#define INDIRECT_FD_NONBLOCK	_BITULL(1)	/* set O_NONBLOCK */

#endif /* _UAPI_LINUX_INDIRECT_H */
