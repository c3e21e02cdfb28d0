/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
#ifndef _UAPI_LINUX_CHECK_FIELDS_H
#define _UAPI_LINUX_CHECK_FIELDS_H

#include <linux/posix_types.h>

/*
 * CHECK_FIELDS - ask an extensible system call what it supports
 *
 * Or-ed into the size argument of a call that takes an extensible struct
 * (openat2(), clone3(), mount_setattr(), indirect()), it makes the call do
 * nothing but fill the caller's struct, up to the size given without the
 * bit, with what it accepts:
 *  - in a flag field, the mask of the bits it accepts, each alone or with
 *    the other bits and fields it needs;
 *  - in a field that takes a number (a signal, a count, a descriptor, a
 *    mode), the largest number it accepts: that one passes the call's
 *    checks, the next one is refused;
 *  - in an address, or the length of an address range, all-ones: these
 *    are checked only where they are used;
 *  - zero in bytes past the kernel's struct.
 * The call then fails with EEXTSYS_NOOP, an errno no other case returns;
 * a kernel without this answers EFAULT or E2BIG. A size below the
 * struct's first version still gets its own errno first.
 *
 * It is the top bit of the caller's size_t (bit 31 for 32-bit callers,
 * x32 included), and it sits in a register, so a seccomp filter can see
 * a probe and allow it or answer it.
 */
#define CHECK_FIELDS	((__kernel_size_t)1 << (8 * sizeof(__kernel_size_t) - 1))

#endif /* _UAPI_LINUX_CHECK_FIELDS_H */
