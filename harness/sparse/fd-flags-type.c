// SPDX-License-Identifier: GPL-2.0
/*
 * Must not pass sparse: file flags mixed with raw integers without going
 * through INDIRECT_FD(). Checked by harness/static-checks, never built
 * into a kernel.
 */
#include "../../kernel/indirect.c"

bool raw_flag_test(const struct indirect_kparams *params);
bool raw_flag_test(const struct indirect_kparams *params)
{
	return params->file_flags & O_CLOEXEC;
}
/* expect: restricted indirect_fd_t degrades to integer */

void raw_flag_store(struct indirect_kparams *params, u64 uapi_bits);
void raw_flag_store(struct indirect_kparams *params, u64 uapi_bits)
{
	params->file_flags = uapi_bits;
}
/* expect: incorrect type in assignment (different base types) */

long kernel_pointer_as_params(const struct indirect_registers __user *regs);
long kernel_pointer_as_params(const struct indirect_registers __user *regs)
{
	struct indirect_params kernel_copy = {};

	return do_indirect(regs, &kernel_copy, sizeof(kernel_copy), 0, false);
}
/* expect: incorrect type in argument 2 (different address spaces) */
