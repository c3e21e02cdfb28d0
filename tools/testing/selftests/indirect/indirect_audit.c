// SPDX-License-Identifier: GPL-2.0
/*
 * Audit names the call that indirect() runs: the event of indirect()
 * carries an AUDIT_INDIRECT record with the inner call's arch, number,
 * result and arguments, in the caller's ABI. This test is the audit
 * daemon: it registers over NETLINK_AUDIT, adds a task rule that records
 * every system call of the processes forked after it, and reads the
 * records of a child that makes one listed and one refused call.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <linux/audit.h>
#include <linux/indirect.h>
#include <linux/netlink.h>

#include "indirect_util.h"

/* How long kauditd may take to deliver the child's records. */
#define RECORDS_TIMEOUT_MS 10000
#define MAX_EVENTS 64

/* What the records of one event (one serial) said. */
struct event {
	unsigned int serial;
	long syscall, exit;
	int pid;
	char inner[512];	/* the AUDIT_INDIRECT record, if any */
};

/* Sends one request and waits for its acknowledgment: 0 or -errno. */
static int audit_request(int fd, int type, const void *data, size_t len)
{
	struct {
		struct nlmsghdr nh;
		char data[sizeof(struct audit_rule_data)];
	} req = { 0 };
	char buf[8192];
	static __u32 seq;

	req.nh.nlmsg_len = NLMSG_LENGTH(len);
	req.nh.nlmsg_type = type;
	req.nh.nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK;
	req.nh.nlmsg_seq = ++seq;
	memcpy(req.data, data, len);
	if (send(fd, &req, req.nh.nlmsg_len, 0) < 0)
		return -errno;
	/* One message per datagram; records may come before the ack. */
	for (;;) {
		struct nlmsghdr *nh = (struct nlmsghdr *)buf;
		ssize_t n = recv(fd, buf, sizeof(buf), 0);

		if (n < 0)
			return -errno;
		if (n >= (ssize_t)NLMSG_LENGTH(sizeof(struct nlmsgerr)) &&
		    nh->nlmsg_type == NLMSG_ERROR &&
		    nh->nlmsg_seq == req.nh.nlmsg_seq)
			return ((struct nlmsgerr *)NLMSG_DATA(nh))->error;
	}
}

static int audit_set(int fd, __u32 enabled, __u32 pid)
{
	struct audit_status s = {
		.mask = AUDIT_STATUS_ENABLED | AUDIT_STATUS_PID,
		.enabled = enabled,
		.pid = pid,
	};

	return audit_request(fd, AUDIT_SET, &s, sizeof(s));
}

/* "-a task,always": every call of a process forked from now on. */
static int audit_task_rule(int fd, int type)
{
	struct audit_rule_data r = {
		.flags = AUDIT_FILTER_TASK,
		.action = AUDIT_ALWAYS,
	};

	return audit_request(fd, type, &r, sizeof(r));
}

static long field(const char *text, const char *name, int base)
{
	const char *p = strstr(text, name);

	return p ? strtol(p + strlen(name), NULL, base) : LONG_MIN;
}

static struct event *event_of(struct event *ev, int *n, unsigned int serial)
{
	int i;

	for (i = 0; i < *n; i++)
		if (ev[i].serial == serial)
			return &ev[i];
	if (*n == MAX_EVENTS)
		return NULL;
	memset(&ev[*n], 0, sizeof(ev[*n]));
	ev[*n].serial = serial;
	return &ev[(*n)++];
}

/*
 * Reads records until @want events of @pid that ran indirect() have
 * ended (AUDIT_EOE); returns the number of events kept in @ev.
 */
static int read_events(struct __test_metadata *_metadata, int fd, pid_t pid,
		       int want, struct event *ev)
{
	struct pollfd pfd = { .fd = fd, .events = POLLIN };
	int n = 0, done = 0, i;
	static char buf[65536];

	while (done < want) {
		struct nlmsghdr *nh = (struct nlmsghdr *)buf;
		unsigned int serial;
		struct event *e;
		char *text;
		ssize_t len;

		ASSERT_EQ(1, poll(&pfd, 1, RECORDS_TIMEOUT_MS))
			TH_LOG("%d of %d events recorded", done, want);
		/*
		 * One record per datagram; its nlmsg_len leaves out the
		 * header, as auditd expects, so the datagram's size counts.
		 */
		len = recv(fd, buf, sizeof(buf) - 1, 0);
		ASSERT_LE((ssize_t)NLMSG_HDRLEN, len);
		buf[len] = '\0';
		text = buf + NLMSG_HDRLEN;
		if (sscanf(text, "audit(%*u.%*u:%u)", &serial) != 1)
			continue;
		e = event_of(ev, &n, serial);
		ASSERT_TRUE(!!e);
		switch (nh->nlmsg_type) {
		case AUDIT_SYSCALL:
			e->syscall = field(text, " syscall=", 10);
			e->exit = field(text, " exit=", 10);
			e->pid = field(text, " pid=", 10);
			break;
		case AUDIT_INDIRECT:
			snprintf(e->inner, sizeof(e->inner), "%s",
				 strchr(text, ' ') + 1);
			break;
		case AUDIT_EOE:
			done += e->pid == pid && e->syscall == __NR_indirect;
			break;
		}
	}
	/* Keep the events of indirect() in the child, in order. */
	for (i = 0, done = 0; i < n; i++)
		if (ev[i].pid == pid && ev[i].syscall == __NR_indirect)
			ev[done++] = ev[i];
	return done;
}

FIXTURE(audit)
{
	int fd;
};

FIXTURE_SETUP(audit)
{
	self->fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_AUDIT);
	if (self->fd < 0 && errno == EPROTONOSUPPORT)
		SKIP(return, "no audit: CONFIG_AUDIT is off");
	ASSERT_LE(0, self->fd);
	ASSERT_EQ(0, audit_set(self->fd, 1, getpid()));
	ASSERT_EQ(0, audit_task_rule(self->fd, AUDIT_ADD_RULE));
}

FIXTURE_TEARDOWN(audit)
{
	if (self->fd < 0)
		return;
	audit_task_rule(self->fd, AUDIT_DEL_RULE);
	audit_set(self->fd, 0, 0);
	close(self->fd);
}

TEST_F(audit, record_names_inner_call)
{
	const struct indirect_registers r = {
		.nr = __NR_socket,
		.args = { AF_UNIX, SOCK_STREAM, 0 },
	};
	const struct indirect_registers refused = { .nr = __NR_getpid };
	const struct indirect_params p = { .file_flags = FD_BOTH };
	struct event ev[MAX_EVENTS];
	char want[256];
	int status, fd;
	pid_t pid;

	/* The child exits with the descriptor it got, 0 if it failed. */
	pid = fork();
	ASSERT_LE(0, pid);
	if (!pid) {
		long ret = sys_indirect(&r, &p, sizeof(p), 0);

		if (ret <= 0 || ret > 255 ||
		    sys_indirect(&refused, &p, sizeof(p), 0) != -1 ||
		    errno != EINVAL)
			_exit(0);
		_exit(ret);
	}
	ASSERT_EQ(pid, waitpid(pid, &status, 0));
	ASSERT_TRUE(WIFEXITED(status));
	fd = WEXITSTATUS(status);
	ASSERT_NE(0, fd);
	ASSERT_EQ(2, read_events(_metadata, self->fd, pid, 2, ev));

	/* The listed call: the same arch, number and arguments as direct. */
	ASSERT_EQ(fd, ev[0].exit);
	snprintf(want, sizeof(want),
		 "arch=%x syscall=%ld success=yes exit=%d a0=1 a1=1 a2=0 a3=0 a4=0 a5=0",
		 ABI_ARCH, (long)__NR_socket, fd);
	ASSERT_STREQ(want, ev[0].inner);
	/* The refused one ran nothing: no record names it. */
	ASSERT_EQ(-EINVAL, ev[1].exit);
	ASSERT_STREQ("", ev[1].inner);
}

TEST_HARNESS_MAIN
