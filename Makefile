# SPDX-License-Identifier: GPL-2.0
#
# make        install what is missing, build the patched kernel, boot it under
#             qemu and run the demo (Drepper's test program, old vs new)
# make check  every gate; ends with "N passed, M failed"
#
# KERNEL_SRC=dir uses an existing 6.12 tree instead of Debian's
# linux-source-6.12. Everything is built under out/.

H := harness
KUNIT_PY = out/src/tools/testing/kunit/kunit.py

.PHONY: all demo check deps tree kernel kernel-noindirect kernel-debug \
	kernel-base selftests boot-check boot-debug boot-base patches checkpatch check-patches static-checks cocci-tests run-test shell clean
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
	@BOOT_APPEND=kunit.enable=1 $(H)/boot check out/check.log

# Our tests on the debug kernel; results fails on any report it logs.
# Everything takes five to ten times as long there: the stress tests run
# fewer rounds and calls, and the upstream selftests of the converted calls
# run in the test kernel only, so that the boot takes less than a third of
# its timeout (README: measured times).
DEBUG_SCALE := INDIRECT_RACE_ROUNDS=500 INDIRECT_FUZZ_CALLS=100000 \
	INDIRECT_RACE_CALLS=15000 INDIRECT_RENAME_ROUNDS=2000 \
	harness_tests="indirect extensible_struct"
boot-debug: selftests kernel-debug
	@BOOT_KERNEL=out/bzImage-debug \
		BOOT_APPEND='kunit.enable=1 $(DEBUG_SCALE)' \
		$(H)/boot check out/check-debug.log

# The size tests of the converted calls on unpatched 6.12: their expected
# answers must be 6.12's own.
boot-base: selftests kernel-base
	@BOOT_KERNEL=out/bzImage-base $(H)/boot base out/check-base.log

# The series as git format-patch against the base, in out/patches.
patches: tree
	@$(H)/export-patches

checkpatch: patches
	@$(H)/checkpatch

# The exported series applies with git am to a clean base and builds.
check-patches: patches kernel
	@$(H)/check-patches

static-checks: kernel
	@$(H)/static-checks

# The Coccinelle rules' regression suite and their findings in the tree.
# The tree scan depends only on the rules, the suite, the base and the
# series: it is skipped while none of them changed since it last passed.
cocci-tests: tree
	@base=$$(cat out/src/.harness-base); \
	if [ "$$(cat out/cocci-base.stamp 2>/dev/null)" = "$$base" ] && \
	   [ -z "$$(find scripts/coccinelle/api harness/cocci patches arch \
		   include kernel lib -newer out/cocci-base.stamp -print -quit)" ]; then \
		$(H)/cocci/run --skip-base out/src "$$base"; \
	else \
		$(H)/cocci/run out/src "$$base" && \
		echo "$$base" > out/cocci-base.stamp; \
	fi

check: checkpatch static-checks cocci-tests kernel-noindirect check-patches \
	boot-check boot-debug boot-base
	@$(H)/results --base out/check-base.log \
		out/kselftest/kselftest-list.txt $(KUNIT_PY) \
		harness/upstream-unrunnable out/check.log out/check-debug.log

# make run-test TEST="indirect_test -r consumer.cloexec.socket"
run-test: selftests
	@BOOT_APPEND='harness_run="$(TEST)"' $(H)/boot run out/run.log
	@sed -n '/^harness: running/,/^harness: done/p' out/run.log

# An interactive busybox shell in the test kernel (exit to power off).
shell: selftests
	@$(H)/boot shell

clean:
	rm -rf out
