# SPDX-License-Identifier: GPL-2.0
# Paths shared by the harness scripts (sourced, not run).
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=${OUT:-$top/out}
src=$out/src
base_tarball=/usr/src/linux-source-6.12.tar.xz
# The series' own selftests.
our_tests="indirect extensible_struct"
# The base tree's own selftests of the calls the series converts, run
# unmodified beside ours (sched/ has none that reach sched_setattr()).
upstream_tests="openat2 clone3 mount_setattr perf_events seccomp filesystems/statmount landlock user_events iommu"
# 6.12.118's iommu/ does not compile against its own uapi: its stable
# updates brought cases of later features. Their names get mainline's
# values, and those cases fail on unpatched 6.12 as on the series
# (harness/upstream-unrunnable).
iommu_uapi_shims="-DIOMMU_HW_INFO_TYPE_DEFAULT=0 -DIOMMU_HW_INFO_FLAG_INPUT_TYPE=1 \
-Din_data_type=out_data_type -DMOCK_FLAGS_DEVICE_PASID=4 -DMOCK_PASID_WIDTH=20"

# Build identity fixed so that ccache hits across clones and configs.
export KBUILD_BUILD_TIMESTAMP='Thu Jan  1 00:00:00 UTC 1970'
export KBUILD_BUILD_USER=indirect KBUILD_BUILD_HOST=harness
export CCACHE_BASEDIR=$top CCACHE_NOHASHDIR=1
# The includes from the compiler's -MMD file: a miss costs one compile, not
# a compile and an extra preprocessor pass (a fifth of a cold build).
export CCACHE_DEPEND=1
export CCACHE_MAXSIZE=${CCACHE_MAXSIZE:-8G}

# kmake DIR ARGS: make in the assembled tree (or in $ktree) with O=DIR.
kmake() {
	local dir=$1
	shift
	make -C "${ktree:-$src}" O="$dir" ARCH=x86_64 CC="ccache gcc" HOSTCC="ccache gcc" \
		-j"$(nproc)" -s "$@"
}

step() {
	printf '== %s\n' "$*"
}

# The test kernel's check boot. It is also the bench kernel, without
# usercopy fault injection (harness/debug.config): the fault-injection tests
# run in the debug kernel only.
test_boot_append="kunit.enable=1 harness_elsewhere=\"indirect:indirect_fault \
indirect:indirect_fault_32 indirect:indirect_fault_x32\""

# The debug kernel's check boot, beside kunit.enable=1. Everything takes
# five to ten times as long there: the stress tests run fewer rounds and
# calls, and the upstream selftests of the converted calls run in the test
# kernel only, so that the boot takes less than a third of its timeout
# (README: measured times).
debug_boot_append="INDIRECT_RACE_ROUNDS=500 INDIRECT_FUZZ_CALLS=100000 \
INDIRECT_RACE_CALLS=15000 INDIRECT_RENAME_ROUNDS=2000 INDIRECT_PTRACE_CALLS=2000 \
harness_tests=\"indirect extensible_struct\""
