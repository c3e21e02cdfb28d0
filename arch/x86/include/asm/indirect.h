/* SPDX-License-Identifier: GPL-2.0 */
/*
 * x86 half of indirect(): how each caller ABI names system calls, and how
 * an inner call is dispatched. No assembly: the inner call runs through the
 * same x64_sys_call()/ia32_sys_call()/x32_sys_call() switch as the syscall
 * entry, on a pt_regs that looks like the one of a direct call.
 */
#ifndef _ASM_X86_INDIRECT_H
#define _ASM_X86_INDIRECT_H

#include <linux/compat.h>
#include <linux/indirect.h>
#include <linux/ptrace.h>
#include <linux/types.h>
#include <asm/ptrace.h>
#include <asm/syscall.h>
#include <asm/unistd.h>

#define INDIRECT_NATIVE_NR(name)	__NR_##name
#define INDIRECT_NATIVE_NR_SYSCALLS	NR_syscalls

#ifdef CONFIG_IA32_EMULATION
#define INDIRECT_COMPAT_NR(name)	__NR_ia32_##name
#define INDIRECT_COMPAT_NR_SYSCALLS	IA32_NR_syscalls
#define INDIRECT_COMPAT_SOCKETCALL_NR	__NR_ia32_socketcall
#endif

/*
 * x32 reaches the listed calls, all "common" in syscall_64.tbl, under
 * their native numbers plus this bit.
 */
#ifdef CONFIG_X86_X32_ABI
#define INDIRECT_X32_SYSCALL_BIT	__X32_SYSCALL_BIT
#endif

/* The compat entry point serves i386; x32 shares the native one. */
static inline enum indirect_abi arch_indirect_abi(bool compat_entry)
{
	if (compat_entry)
		return INDIRECT_ABI_COMPAT;
#ifdef CONFIG_X86_X32_ABI
	if (in_x32_syscall())
		return INDIRECT_ABI_X32;
#endif
	return INDIRECT_ABI_NATIVE;
}

/**
 * arch_indirect_regs() - registers of system call @nr as if made directly
 * @regs: filled in, every field
 * @nr: a number that indirect_check_call() allowed for @abi
 * @args: the six arguments
 * @abi: the caller's ABI
 *
 * Seccomp, tracing and the call itself all read the call from @regs: the
 * caller's registers at its call of indirect(), as a direct call made
 * from there would have them, with the call's number and arguments. A
 * 32-bit caller's registers are 32 bits wide: the call sees the low half.
 */
static inline void arch_indirect_regs(struct pt_regs *regs, unsigned int nr,
				      const u64 *args, enum indirect_abi abi)
{
	*regs = *current_pt_regs();
	regs->orig_ax = nr;

	if (IS_ENABLED(CONFIG_IA32_EMULATION) && abi == INDIRECT_ABI_COMPAT) {
		regs->bx = (u32)args[0];
		regs->cx = (u32)args[1];
		regs->dx = (u32)args[2];
		regs->si = (u32)args[3];
		regs->di = (u32)args[4];
		regs->bp = (u32)args[5];
		return;
	}
	if (IS_ENABLED(CONFIG_X86_X32_ABI) && abi == INDIRECT_ABI_X32)
		regs->orig_ax |= __X32_SYSCALL_BIT;
	regs->di = args[0];
	regs->si = args[1];
	regs->dx = args[2];
	regs->r10 = args[3];
	regs->r8 = args[4];
	regs->r9 = args[5];
}

/**
 * arch_indirect_call() - run the system call in @regs
 * @regs: from arch_indirect_regs()
 * @nr: the number passed to arch_indirect_regs()
 * @abi: the caller's ABI
 *
 * Return: what the system call returns.
 */
static inline long arch_indirect_call(struct pt_regs *regs, unsigned int nr,
				      enum indirect_abi abi)
{
	switch (abi) {
#ifdef CONFIG_IA32_EMULATION
	case INDIRECT_ABI_COMPAT:
		return ia32_sys_call(regs, nr);
#endif
#ifdef CONFIG_X86_X32_ABI
	case INDIRECT_ABI_X32:
		return x32_sys_call(regs, nr);
#endif
	default:
		return x64_sys_call(regs, nr);
	}
}

#endif /* _ASM_X86_INDIRECT_H */
