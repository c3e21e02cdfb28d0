# SPDX-License-Identifier: GPL-2.0
#
# make        install what is missing, build the patched kernel, boot it under
#             qemu and run the demo (Drepper's test program, old vs new)
# make check  every gate; ends with "N passed, M failed"
#
# KERNEL_SRC=dir uses an existing 6.12 tree instead of Debian's
# linux-source-6.12. Everything is built under out/.

H := harness
# Recipes source harness/common.sh, which is bash.
SHELL := /bin/bash

.PHONY: all demo check deps tree kernel kernel-noindirect kernel-debug \
	kernel-base selftests boot-check boot-debug boot-base bench docs man patches checkpatch check-patches static-checks cocci-tests run-test shell clean
.NOTPARALLEL:

all: demo

deps:
	@$(H)/deps

tree: deps
	@$(H)/assemble

kernel: tree
	@$(H)/build-kernel y

kernel-noindirect: tree
	@$(H)/build-kernel n

# The test kernel with KASAN, UBSAN, KFENCE, lockdep, kmemleak (debug.config).
kernel-debug: tree
	@$(H)/build-kernel debug

# The base tree itself, unpatched, configured like the test kernel.
kernel-base: tree
	@$(H)/build-kernel base

selftests: kernel
	@$(H)/build-selftests

demo: selftests
	@$(H)/boot demo out/demo.log
	@sed -n '/^harness: running/,/^harness: done/p' out/demo.log

boot-check: selftests
	@. $(H)/common.sh && BOOT_APPEND="$$test_boot_append" \
		$(H)/boot check out/check.log

# Our tests on the debug kernel; results fails on any report it logs.
boot-debug: selftests kernel-debug
	@. $(H)/common.sh && BOOT_KERNEL=out/bzImage-debug \
		BOOT_APPEND="kunit.enable=1 $$debug_boot_append" \
		$(H)/boot check out/check-debug.log

# The size tests of the converted calls on unpatched 6.12: their expected
# answers must be 6.12's own.
boot-base: selftests kernel-base
	@BOOT_KERNEL=out/bzImage-base $(H)/boot base out/check-base.log

# Instructions per call on the test, =n and base kernels under qemu -icount,
# the targets checked: out/bench/results.txt, out/bench/overhead.png.
bench: selftests kernel-noindirect kernel-base
	@$(H)/bench

# The documentation: htmldocs over the series' directories, the man page.
docs: tree
	@$(H)/docs

# man2/indirect.2, rendered into out/man/.
man: deps
	@$(H)/man render
	@echo "read it with: man -l man2/indirect.2"

# The series as git format-patch against the base, in out/patches.
patches: tree
	@$(H)/export-patches

checkpatch: patches
	@$(H)/checkpatch

# The exported series applies with git am to a clean base and gives the
# assembled tree.
check-patches: patches
	@$(H)/check-patches

static-checks: kernel
	@$(H)/static-checks

# The Coccinelle rules' regression suite and their findings in the tree.
cocci-tests: tree
	@$(H)/cocci-tests

# Every gate, the kernel builds in the background (harness/check).
check: deps
	@$(H)/check

# make run-test TEST="indirect_test -r consumer.cloexec.socket"
run-test: selftests
	@BOOT_APPEND='harness_run="$(TEST)"' $(H)/boot run out/run.log
	@sed -n '/^harness: running/,/^harness: done/p' out/run.log

# An interactive busybox shell in the test kernel (exit to power off).
shell: selftests
	@$(H)/boot shell

clean:
	rm -rf out
