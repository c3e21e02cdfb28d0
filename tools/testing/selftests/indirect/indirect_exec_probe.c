// SPDX-License-Identifier: GPL-2.0
/*
 * Run by the indirect() tests after execve(): tells what survived the exec.
 *
 * indirect_exec_probe FD: exit status 0 if descriptor FD is open here,
 * 1 if it is not (EBADF).
 * indirect_exec_probe --count: exit status the number of descriptors open
 * above 2 (at most PROBE_COUNT_MAX).
 * Exit status PROBE_ERROR: usage or other error.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#define PROBE_COUNT_MAX	100
#define PROBE_ERROR	125

static int count_inherited(void)
{
	struct dirent *de;
	int n = 0;
	DIR *dir;

	dir = opendir("/proc/self/fd");
	if (!dir)
		return PROBE_ERROR;
	while ((de = readdir(dir))) {
		int fd = atoi(de->d_name);

		if (de->d_name[0] != '.' && fd > 2 && fd != dirfd(dir))
			n++;
	}
	closedir(dir);
	return n < PROBE_COUNT_MAX ? n : PROBE_COUNT_MAX;
}

int main(int argc, char **argv)
{
	char *end;
	long fd;

	if (argc != 2)
		return PROBE_ERROR;
	if (!strcmp(argv[1], "--count"))
		return count_inherited();
	errno = 0;
	fd = strtol(argv[1], &end, 10);
	if (errno || end == argv[1] || *end || fd < 0 || fd > INT_MAX)
		return PROBE_ERROR;
	if (fcntl(fd, F_GETFD) >= 0)
		return 0;
	return errno == EBADF ? 1 : PROBE_ERROR;
}
