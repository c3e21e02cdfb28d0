// SPDX-License-Identifier: GPL-2.0
/* The user of the list: its presence makes the whole-tree check run. */
#include <linux/indirect.h>

struct indirect_call {
	bool allowed;
	u8 file_flags;
};

static const struct indirect_call indirect_native_calls[NR_syscalls] = {
#define INDIRECT_SYSCALL(name, flags, resolve)				\
	[__NR_##name] = { .allowed = true, .file_flags = (flags) },
#include <linux/indirect_syscalls.h>
};

int indirect_allowed(unsigned int nr)
{
	return nr < NR_syscalls && indirect_native_calls[nr].allowed;
}
