/* SPDX-License-Identifier: GPL-2.0 */
/*
 * x86 half of indirect(): how the caller's ABI names system calls, and how
 * an inner call is dispatched. No assembly: the inner call runs through the
 * same x64_sys_call()/ia32_sys_call() switch as the syscall entry, on a
 * pt_regs that indirect() builds.
 */
#ifndef _ASM_X86_INDIRECT_H
#define _ASM_X86_INDIRECT_H

#include <linux/types.h>
#include <asm/ptrace.h>
#include <asm/syscall.h>
#include <asm/unistd.h>

#define INDIRECT_NATIVE_NR(name)	__NR_##name
#define INDIRECT_NATIVE_NR_SYSCALLS	NR_syscalls

#ifdef CONFIG_IA32_EMULATION
#define INDIRECT_COMPAT_NR(name)	__NR_ia32_##name
#define INDIRECT_COMPAT_NR_SYSCALLS	IA32_NR_syscalls
#endif

static inline long arch_indirect_native_call(unsigned int nr, const u64 *args)
{
	struct pt_regs regs = {
		.orig_ax = nr,
		.di	= args[0],
		.si	= args[1],
		.dx	= args[2],
		.r10	= args[3],
		.r8	= args[4],
		.r9	= args[5],
	};

	return x64_sys_call(&regs, nr);
}

/* A 32-bit caller's registers are 32 bits wide: the call sees the low half. */
static inline long arch_indirect_compat_call(unsigned int nr, const u64 *args)
{
	struct pt_regs regs = {
		.orig_ax = nr,
		.bx	= (u32)args[0],
		.cx	= (u32)args[1],
		.dx	= (u32)args[2],
		.si	= (u32)args[3],
		.di	= (u32)args[4],
		.bp	= (u32)args[5],
	};

	return ia32_sys_call(&regs, nr);
}

/**
 * arch_indirect_call() - run system call @nr of the caller's ABI
 * @nr: a number that indirect_check_call() allowed for this ABI
 * @args: the six arguments
 * @compat: the caller uses the 32-bit ABI
 *
 * Return: what the system call returns.
 */
static inline long arch_indirect_call(unsigned int nr, const u64 *args,
				      bool compat)
{
	if (IS_ENABLED(CONFIG_IA32_EMULATION) && compat)
		return arch_indirect_compat_call(nr, args);
	return arch_indirect_native_call(nr, args);
}

#endif /* _ASM_X86_INDIRECT_H */
