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
 * bit, with every value it accepts: the mask of accepted bits in each flag
 * field, all-ones in each field that takes a value, zero in bytes past the
 * kernel's struct. The call then fails with EEXTSYS_NOOP, an errno no
 * other case returns; a kernel without this answers EFAULT or E2BIG. A
 * size below the struct's first version still gets its own errno first.
 *
 * It is the top bit of the caller's size_t (bit 31 for 32-bit callers,
 * x32 included), and it sits in a register, so a seccomp filter can see
 * a probe and allow it or answer it.
 */
#define CHECK_FIELDS	((__kernel_size_t)1 << (8 * sizeof(__kernel_size_t) - 1))

#endif /* _UAPI_LINUX_CHECK_FIELDS_H */
