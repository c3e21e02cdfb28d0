// SPDX-License-Identifier: GPL-2.0
/*
 * What resolve adds, in three lines: a directory ("the root") holds a
 * symlink planted by someone else, "abs", that points to an absolute path
 * outside it. mkdirat(root, "abs/new") follows it out of the root, as every
 * *at() call but openat2() does. Through indirect() with RESOLVE_IN_ROOT,
 * the same mkdirat() resolves "abs" as if the root were "/", and the new
 * directory stays inside.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <linux/indirect.h>
#include <linux/openat2.h>

#include "../kselftest.h"

#ifndef __NR_indirect
#error "__NR_indirect is not defined: build against the kernel's headers"
#endif

static bool is_dir(const char *path)
{
	struct stat st;

	return !stat(path, &st) && S_ISDIR(st.st_mode);
}

int main(void)
{
	char root[] = "/tmp/indirect-root-XXXXXX";
	char outside[] = "/tmp/indirect-outside-XXXXXX";
	char escaped[128], inside[128], mirror[96];
	struct indirect_params p = { .resolve = RESOLVE_IN_ROOT };
	struct indirect_registers r = { .nr = __NR_mkdirat };
	bool plain_out, plain_in, ind_out, ind_in;
	int rootfd;
	long ret;

	ksft_print_header();
	ksft_set_plan(1);
	if (!mkdtemp(root) || !mkdtemp(outside))
		ksft_exit_fail_perror("mkdtemp");
	rootfd = open(root, O_PATH | O_DIRECTORY);
	/* The planted link, and the path it names, inside the root */
	snprintf(mirror, sizeof(mirror), "%s%s", root, outside);
	if (rootfd < 0 || symlinkat(outside, rootfd, "abs") ||
	    mkdirat(rootfd, "tmp", 0700) || mkdir(mirror, 0700))
		ksft_exit_fail_perror("setup");
	snprintf(escaped, sizeof(escaped), "%s/new", outside);
	snprintf(inside, sizeof(inside), "%s/new", mirror);

	ret = mkdirat(rootfd, "abs/new", 0700);
	plain_out = !ret && is_dir(escaped);
	plain_in = is_dir(inside);
	ksft_print_msg("mkdirat(root, \"abs/new\"):                    made %s: outside the root\n",
		       plain_out ? escaped : "nothing");
	rmdir(escaped);

	r.args[0] = rootfd;
	r.args[1] = (uintptr_t)"abs/new";
	r.args[2] = 0700;
	ret = syscall(__NR_indirect, &r, &p, sizeof(p), 0);
	ind_in = !ret && is_dir(inside);
	ind_out = is_dir(escaped);
	ksft_print_msg("indirect(mkdirat, RESOLVE_IN_ROOT), the same: made %s: inside the root\n",
		       ind_in ? inside : "nothing");
	ksft_test_result(plain_out && !plain_in && ind_in && !ind_out,
			 "mkdirat through a planted symlink: out of the root plainly, in it through indirect()\n");
	ksft_finished();
}
