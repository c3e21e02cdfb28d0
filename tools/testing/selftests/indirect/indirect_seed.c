// SPDX-License-Identifier: GPL-2.0
/*
 * Ulrich Drepper's test program from the 2007 indirect() proposal, ported
 * to this ABI: the same socket() made plainly and through indirect(), then
 * signalfd() and eventfd() with close-on-exec. Built for each x86 ABI; on
 * i386, as in 2007, socket() goes through socketcall().
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <unistd.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <linux/indirect.h>
#include <linux/net.h>

#include "../kselftest.h"

#ifndef __NR_indirect
#error "__NR_indirect is not defined: build against the kernel's headers"
#endif

static bool cloexec_set(long fd)
{
	int flags = fcntl(fd, F_GETFD);

	return flags >= 0 && (flags & FD_CLOEXEC);
}

static bool nonblock_set(long fd)
{
	int flags = fcntl(fd, F_GETFL);

	return flags >= 0 && (flags & O_NONBLOCK);
}

static const char *is(bool set)
{
	return set ? "is" : "not";
}

static long indirect(const struct indirect_registers *r,
		     const struct indirect_params *i)
{
	long fd = syscall(__NR_indirect, r, i, sizeof(*i), 0);

	if (fd < 0)
		ksft_perror("indirect");
	return fd;
}

int main(void)
{
	struct indirect_params i = {
		.file_flags = INDIRECT_FD_CLOEXEC | INDIRECT_FD_NONBLOCK,
	};
	struct indirect_registers r;
	__u32 sargs[3] = { AF_INET, SOCK_DGRAM, IPPROTO_IP };
	sigset_t ss;
	bool s, t;
	long fd;

	ksft_print_header();
	ksft_set_plan(4);

	fd = socket(AF_INET, SOCK_DGRAM, IPPROTO_IP);
	s = cloexec_set(fd);
	t = nonblock_set(fd);
	ksft_print_msg("old: FD_CLOEXEC %s set, NONBLOCK %s set\n", is(s), is(t));
	ksft_test_result(fd >= 0 && !s && !t, "plain socket\n");
	close(fd);

#ifdef __i386__
	r = (struct indirect_registers) {
		.nr = __NR_socketcall,
		.args = { SYS_SOCKET, (uintptr_t)sargs },
	};
#else
	r = (struct indirect_registers) {
		.nr = __NR_socket,
		.args = { sargs[0], sargs[1], sargs[2] },
	};
#endif
	fd = indirect(&r, &i);
	s = cloexec_set(fd);
	t = nonblock_set(fd);
	ksft_print_msg("new: FD_CLOEXEC %s set, NONBLOCK %s set\n", is(s), is(t));
	ksft_test_result(s && t, "socket via indirect\n");
	close(fd);

	i.file_flags = INDIRECT_FD_CLOEXEC;
	sigemptyset(&ss);
	/* 8 bytes: the kernel's sigset_t, which is all signalfd() reads */
	r = (struct indirect_registers) {
		.nr = __NR_signalfd,
		.args = { -1, (uintptr_t)&ss, 8 },
	};
	fd = indirect(&r, &i);
	s = cloexec_set(fd);
	ksft_print_msg("signalfd: FD_CLOEXEC %s set\n", is(s));
	ksft_test_result(s, "signalfd via indirect\n");
	close(fd);

	r = (struct indirect_registers) { .nr = __NR_eventfd, .args = { 8 } };
	fd = indirect(&r, &i);
	s = cloexec_set(fd);
	ksft_print_msg("eventfd: FD_CLOEXEC %s set\n", is(s));
	ksft_test_result(s, "eventfd via indirect\n");
	close(fd);

	ksft_finished();
}
