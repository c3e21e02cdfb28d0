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
 * arch_indirect_nr() - put the number of system call @nr in @regs
 * @regs: the registers the call is to read
 * @nr: a number that indirect_check_call() allowed for @abi
 * @abi: the caller's ABI
 *
 * Where a direct call has it, and as it has it: an x32 call with the x32
 * bit.
 */
static inline void arch_indirect_nr(struct pt_regs *regs, unsigned int nr,
				    enum indirect_abi abi)
{
	regs->orig_ax = nr;
	if (IS_ENABLED(CONFIG_X86_X32_ABI) && abi == INDIRECT_ABI_X32)
		regs->orig_ax |= __X32_SYSCALL_BIT;
}

/**
 * arch_indirect_arg() - where a direct call has argument @i
 * @regs: the registers of the call
 * @i: the argument, 0 to 5
 * @abi: the caller's ABI
 *
 * The call itself reads its arguments and number from @regs, and nothing
 * else; seccomp, tracing and audit read all of it.
 *
 * Return: the field of @regs that holds argument @i.
 */
static __always_inline unsigned long *
arch_indirect_arg(struct pt_regs *regs, unsigned int i, enum indirect_abi abi)
{
	/* As the SYSCALL_DEFINE wrappers of each ABI read them */
	static const u8 native[6] = {
		offsetof(struct pt_regs, di), offsetof(struct pt_regs, si),
		offsetof(struct pt_regs, dx), offsetof(struct pt_regs, r10),
		offsetof(struct pt_regs, r8), offsetof(struct pt_regs, r9),
	};
	static const u8 __maybe_unused ia32[6] = {
		offsetof(struct pt_regs, bx), offsetof(struct pt_regs, cx),
		offsetof(struct pt_regs, dx), offsetof(struct pt_regs, si),
		offsetof(struct pt_regs, di), offsetof(struct pt_regs, bp),
	};
	const u8 *offset = native;

	if (IS_ENABLED(CONFIG_IA32_EMULATION) && abi == INDIRECT_ABI_COMPAT)
		offset = ia32;
	return (unsigned long *)((char *)regs + offset[i]);
}

/**
 * arch_indirect_call() - run the system call in @regs
 * @regs: from arch_indirect_nr() and arch_indirect_arg()
 * @nr: the number passed to arch_indirect_nr()
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
