// SPDX-License-Identifier: GPL-2.0
/*
 * Run by indirect_test after execve(): tells whether the descriptor named
 * by argv[1] survived the exec.
 *
 * Exit status: 0 the descriptor is open here, 1 it is not (EBADF),
 * 2 usage error.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
	char *end;
	long fd;

	if (argc != 2)
		return 2;
	errno = 0;
	fd = strtol(argv[1], &end, 10);
	if (errno || end == argv[1] || *end || fd < 0 || fd > INT_MAX)
		return 2;
	if (fcntl(fd, F_GETFD) >= 0)
		return 0;
	return errno == EBADF ? 1 : 2;
}
