/* SPDX-License-Identifier: GPL-2.0 */
/* Internals of kernel/indirect.c that its KUnit test reaches. */
#ifndef _KERNEL_INDIRECT_INTERNAL_H
#define _KERNEL_INDIRECT_INTERNAL_H

#include <linux/types.h>
#include <linux/indirect.h>

#if IS_ENABLED(CONFIG_KUNIT)
int indirect_copy_params(struct indirect_kparams *params,
			 void __user *uparams, size_t usize);
int indirect_check_call(u64 nr, u64 arg0, enum indirect_abi abi,
			const struct indirect_kparams *params,
			unsigned int *safe_nr);
#endif

#endif /* _KERNEL_INDIRECT_INTERNAL_H */
