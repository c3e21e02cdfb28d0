// SPDX-License-Identifier: GPL-2.0
/*
 * Audit rules written for direct calls hold for calls through indirect():
 * a call made through indirect() is logged exactly when the same call made
 * directly is, and its event names the inner call, with an AUDIT_INDIRECT
 * record that names indirect().
 *
 * With the real tools: rules are loaded with Debian's auditctl and events
 * found with its ausearch. This test is the audit daemon: it registers
 * over NETLINK_AUDIT and writes every record to a log in auditd's format,
 * which ausearch reads. Each call runs in a child of its own, forked after
 * audit is enabled (a task gets an audit context only then), once directly
 * and once through indirect(), so that the pid tells the events apart.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <linux/audit.h>
#include <linux/fs.h>
#include <linux/indirect.h>
#include <linux/netlink.h>

#include "indirect_util.h"

/* How long kauditd may take to deliver the records asked for. */
#define RECORDS_TIMEOUT_MS 20000
/*
 * A case runs two children per listed call and auditctl and ausearch
 * around them: on the debug kernel of a slow machine, past the harness's
 * default of 30 s.
 */
#define CASE_TIMEOUT_S 120
#define MAX_FOUND 1024
#define STIG_RULES "/usr/share/doc/auditd/examples/rules/30-stig.rules"

#ifdef __i386__
#define RULE_ARCH "b32"
#else
#define RULE_ARCH "b64"
#endif

/*
 * No -S rule, permission class or watch with -p matches an x32 call in
 * 6.12, made directly or not: the numbers carry __X32_SYSCALL_BIT, which
 * is past every syscall bitmap and class table.
 */
#ifdef __ILP32__
#if !defined(__i386__)
#define RULES_MATCH_ABI false
#endif
#endif
#ifndef RULES_MATCH_ABI
#define RULES_MATCH_ABI true
#endif

/* The kernel's number of the call indirect() runs, as audit prints it. */
static long audit_nr(__u64 nr)
{
	return (long)(int)nr;
}

struct auditor {
	int nl;
	FILE *log;
	char path[64];
	unsigned int sentinel;
	bool sentinel_seen;
};

/* Record types ausearch knows by name; the others as auditd writes them. */
static const char *type_name(int type, char buf[32])
{
	switch (type) {
	case AUDIT_SYSCALL: return "SYSCALL";
	case AUDIT_PATH: return "PATH";
	case AUDIT_CONFIG_CHANGE: return "CONFIG_CHANGE";
	case AUDIT_SOCKADDR: return "SOCKADDR";
	case AUDIT_CWD: return "CWD";
	case AUDIT_EOE: return "EOE";
	case AUDIT_PROCTITLE: return "PROCTITLE";
	case AUDIT_USER: return "USER";
	case AUDIT_SECCOMP: return "SECCOMP";
	}
	snprintf(buf, 32, "UNKNOWN[%d]", type);
	return buf;
}

/*
 * One record per datagram; its nlmsg_len leaves out the header, as
 * auditd expects, so the datagram's size counts. Every record goes to
 * the log; the ack of request @seq, if it is one, is returned.
 */
static int take(struct auditor *a, int flags, __u32 seq, int *ack)
{
	static char buf[65536];
	struct nlmsghdr *nh = (struct nlmsghdr *)buf;
	char sentinel[48], tname[32];
	ssize_t len;

	len = recv(a->nl, buf, sizeof(buf) - 1, flags);
	if (len < (ssize_t)NLMSG_HDRLEN)
		return len < 0 ? -errno : -EIO;
	buf[len] = '\0';
	if (nh->nlmsg_type == NLMSG_ERROR) {
		if (seq && nh->nlmsg_seq == seq && ack)
			*ack = ((struct nlmsgerr *)NLMSG_DATA(nh))->error;
		return 0;
	}
	fprintf(a->log, "type=%s msg=%s\n", type_name(nh->nlmsg_type, tname),
		buf + NLMSG_HDRLEN);
	snprintf(sentinel, sizeof(sentinel), "msg='indirect-sentinel %u'",
		 a->sentinel);
	if (nh->nlmsg_type == AUDIT_USER &&
	    strstr(buf + NLMSG_HDRLEN, sentinel))
		a->sentinel_seen = true;
	return 0;
}

/* Sends one request and waits for its acknowledgment: 0 or -errno. */
static int audit_request(struct auditor *a, int type, const void *data,
			 size_t len)
{
	struct {
		struct nlmsghdr nh;
		char data[256];
	} req = { 0 };
	static __u32 seq;
	int ack = 1, err;

	if (len > sizeof(req.data))
		return -E2BIG;
	req.nh.nlmsg_len = NLMSG_LENGTH(len);
	req.nh.nlmsg_type = type;
	req.nh.nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK;
	req.nh.nlmsg_seq = ++seq;
	memcpy(req.data, data, len);
	if (send(a->nl, &req, req.nh.nlmsg_len, 0) < 0)
		return -errno;
	while (ack == 1) {
		err = take(a, 0, req.nh.nlmsg_seq, &ack);
		if (err)
			return err;
	}
	return ack;
}

static int audit_set(struct auditor *a, __u32 enabled, __u32 pid)
{
	struct audit_status s = {
		.mask = AUDIT_STATUS_ENABLED | AUDIT_STATUS_PID |
			AUDIT_STATUS_BACKLOG_LIMIT,
		.enabled = enabled,
		.pid = pid,
		/* The children do not wait for a full queue. */
		.backlog_limit = 65536,
	};

	return audit_request(a, AUDIT_SET, &s, sizeof(s));
}

/*
 * Becomes the audit daemon. The kernel keeps a killed case's registration
 * while a child of that case still holds its socket: -EEXIST until the
 * child is gone.
 */
static int register_auditor(struct auditor *a)
{
	int waited_ms, err;

	for (waited_ms = 0; waited_ms < RECORDS_TIMEOUT_MS; waited_ms += 10) {
		err = audit_set(a, 1, getpid());
		if (err != -EEXIST)
			break;
		usleep(10000);
	}
	return err;
}

/* Takes the records that are there, without waiting. */
static void drain(struct auditor *a)
{
	while (!take(a, MSG_DONTWAIT, 0, NULL))
		;
}

/*
 * Waits until every record queued so far is in the log: kauditd sends
 * them in order, so a user message sent now comes after all of them.
 */
static void settle(struct __test_metadata *_metadata, struct auditor *a)
{
	struct pollfd pfd = { .fd = a->nl, .events = POLLIN };
	char text[48];

	a->sentinel++;
	a->sentinel_seen = false;
	snprintf(text, sizeof(text), "indirect-sentinel %u", a->sentinel);
	ASSERT_EQ(0, audit_request(a, AUDIT_USER, text, strlen(text) + 1));
	while (!a->sentinel_seen) {
		ASSERT_EQ(1, poll(&pfd, 1, RECORDS_TIMEOUT_MS))
			TH_LOG("the records did not all arrive");
		ASSERT_EQ(0, take(a, 0, 0, NULL));
	}
	ASSERT_EQ(0, fflush(a->log));
}

static __printf(2, 3) int run(struct auditor *a, const char *fmt, ...)
{
	char cmd[1024];
	va_list ap;
	int status;

	va_start(ap, fmt);
	vsnprintf(cmd, sizeof(cmd), fmt, ap);
	va_end(ap);
	status = system(cmd);
	drain(a);
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

#define AUDITCTL(a, ...) ASSERT_EQ(0, run(a, "auditctl " __VA_ARGS__))

/* What ausearch found: the events, by their records. */
struct found {
	int n;
	struct found_event {
		unsigned int serial;
		int pid;
		long syscall, exit;
		unsigned long args[4];
		long entry;		/* AUDIT_INDIRECT's syscall, or -1 */
		long entry_a0;
		char key[32];
	} ev[MAX_FOUND];
};

static struct found found[1];

static long field(const char *text, const char *name, int base)
{
	const char *p = strstr(text, name);

	return p ? strtol(p + strlen(name), NULL, base) : LONG_MIN;
}

static unsigned long ufield(const char *text, const char *name)
{
	const char *p = strstr(text, name);

	return p ? strtoul(p + strlen(name), NULL, 16) : ULONG_MAX;
}

static struct found_event *event_of(struct found *f, unsigned int serial)
{
	int i;

	for (i = 0; i < f->n; i++)
		if (f->ev[i].serial == serial)
			return &f->ev[i];
	if (f->n == MAX_FOUND)
		return NULL;
	memset(&f->ev[f->n], 0, sizeof(f->ev[0]));
	f->ev[f->n].serial = serial;
	f->ev[f->n].entry = -1;
	f->ev[f->n].pid = -1;
	return &f->ev[f->n++];
}

/* Runs ausearch --raw on the log with @args; its events go to @f. */
static __printf(3, 4) void ausearch(struct __test_metadata *_metadata,
				    struct auditor *a, const char *fmt, ...)
{
	struct found *f = found;
	char cmd[512], args[256], line[8192];
	struct found_event *e;
	unsigned int serial;
	const char *k;
	va_list ap;
	FILE *p;

	va_start(ap, fmt);
	vsnprintf(args, sizeof(args), fmt, ap);
	va_end(ap);
	settle(_metadata, a);
	snprintf(cmd, sizeof(cmd), "ausearch -if %s --raw %s 2>/dev/null",
		 a->path, args);
	p = popen(cmd, "r");
	ASSERT_TRUE(!!p);
	f->n = 0;
	while (fgets(line, sizeof(line), p)) {
		char *text = strstr(line, " msg=audit(");

		if (!text || sscanf(text, " msg=audit(%*u.%*u:%u)",
				    &serial) != 1)
			continue;
		e = event_of(f, serial);
		ASSERT_TRUE(!!e) TH_LOG("more than %d events", MAX_FOUND);
		if (!strncmp(line, "type=SYSCALL ", 13)) {
			e->syscall = field(text, " syscall=", 10);
			e->exit = field(text, " exit=", 10);
			e->pid = field(text, " pid=", 10);
			e->args[0] = ufield(text, " a0=");
			e->args[1] = ufield(text, " a1=");
			e->args[2] = ufield(text, " a2=");
			e->args[3] = ufield(text, " a3=");
			k = strstr(text, " key=\"");
			if (k && sscanf(k, " key=\"%31[^\"]", e->key) != 1)
				e->key[0] = '\0';
		} else if (!strncmp(line, "type=UNKNOWN[1340] ", 19)) {
			e->entry = field(text, " syscall=", 10);
			e->entry_a0 = ufield(text, " a0=");
		}
	}
	pclose(p);
}

/* The event of @pid that ausearch found for call @nr, if any. */
static struct found_event *found_event(int pid, long nr)
{
	int i;

	for (i = 0; i < found->n; i++)
		if (found->ev[i].pid == pid && found->ev[i].syscall == nr)
			return &found->ev[i];
	return NULL;
}

/* What a child's call returned, seen by the parent. */
struct outcome {
	long ret;
	int err;
};

static struct outcome *outcome;

/* Who the children are: the STIG rules ask for a login uid of 1000. */
static struct caller {
	bool login;	/* login uid 1000 */
	bool user;	/* and uid 1000: refused where root is not */
} caller;

static int become_caller(void)
{
	int fd, ok;

	if (!caller.login)
		return 0;
	fd = open("/proc/self/loginuid", O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	ok = write(fd, "1000", 4) == 4;
	close(fd);
	if (!ok)
		return -1;
	if (caller.user && (setresgid(1000, 1000, 1000) ||
			    setresuid(1000, 1000, 1000)))
		return -1;
	return 0;
}

/*
 * Runs the call in @r in a child of its own: through indirect() with @p
 * (@size bytes) if @through, else directly. Returns the child's pid.
 */
static pid_t call_in_child(struct __test_metadata *_metadata,
			   struct auditor *a,
			   const struct indirect_registers *r, bool through,
			   const struct indirect_params *p, size_t size)
{
	int status;
	pid_t pid;

	outcome->ret = LONG_MIN;
	pid = fork();
	if (!pid) {
		if (become_caller())
			_exit(1);
		if (through)
			outcome->ret = sys_indirect(r, p, size, 0);
		else
			/* syscall() takes longs: 32 bits on i386 */
			outcome->ret = syscall((long)r->nr, (long)r->args[0],
					       (long)r->args[1],
					       (long)r->args[2],
					       (long)r->args[3],
					       (long)r->args[4],
					       (long)r->args[5]);
		outcome->err = errno;
		_exit(0);
	}
	EXPECT_LT(0, pid);
	EXPECT_EQ(pid, waitpid(pid, &status, 0));
	EXPECT_EQ(0, status);
	EXPECT_NE(LONG_MIN, outcome->ret);
	drain(a);
	return pid;
}

/* The pids of one call, made directly and through indirect(). */
struct pair {
	const struct listed_call *call;
	struct indirect_registers r;
	pid_t direct, through;
	long direct_exit, through_exit;	/* as audit has it: -errno */
};

/* The exit audit logs for what the child got. */
static long exit_of(const struct outcome *o)
{
	return o->ret < 0 ? -o->err : o->ret;
}

/* Every listed call, directly then through indirect(), in the calls' dir. */
static void run_all(struct __test_metadata *_metadata, struct auditor *a,
		    struct consumers *c, struct pair *pairs)
{
	size_t i;

	for (i = 0; i < WHITE_LIST_SIZE; i++) {
		struct pair *pr = &pairs[i];

		pr->call = &white_list[i];
		consumer_regs(c, pr->call, &pr->r);
		pr->direct = call_in_child(_metadata, a, &pr->r, false,
					   NULL, 0);
		pr->direct_exit = exit_of(outcome);
		/* The same arguments: what the direct call made is undone. */
		consumer_regs(c, pr->call, &pr->r);
		pr->through = call_in_child(_metadata, a, &pr->r, true,
					    NULL, 0);
		pr->through_exit = exit_of(outcome);
	}
}

/* Both fixtures: the daemon, the calls' directory, the pairs run. */
struct audit_data {
	struct auditor a;
	struct consumers c;
	struct pair pairs[WHITE_LIST_SIZE];
};

static void audit_data_init(struct __test_metadata *_metadata,
			    struct audit_data *self)
{
	int size = 8 << 20;

	outcome = mmap(NULL, sizeof(*outcome), PROT_READ | PROT_WRITE,
		       MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	ASSERT_TRUE(outcome != MAP_FAILED);
	self->a.nl = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC,
			    NETLINK_AUDIT);
	ASSERT_LE(0, self->a.nl) TH_LOG("no audit: CONFIG_AUDIT is off");
	/* The records of hundreds of children may queue up. */
	ASSERT_EQ(0, setsockopt(self->a.nl, SOL_SOCKET, SO_RCVBUFFORCE,
				&size, sizeof(size)));
	snprintf(self->a.path, sizeof(self->a.path),
		 "/tmp/indirect-audit-%d.log", getpid());
	self->a.log = fopen(self->a.path, "w");
	ASSERT_TRUE(!!self->a.log);
	ASSERT_EQ(0, register_auditor(&self->a));
	AUDITCTL(&self->a, "-D >/dev/null");
	consumers_init(_metadata, &self->c);
}

static void audit_data_fini(struct audit_data *self)
{
	if (self->a.nl < 0)
		return;
	run(&self->a, "auditctl -D >/dev/null");
	audit_set(&self->a, 0, 0);
	close(self->a.nl);
	if (self->a.log) {
		fclose(self->a.log);
		unlink(self->a.path);
	}
}

FIXTURE(audit)
{
	struct audit_data d;
};

FIXTURE_SETUP(audit)
{
	audit_data_init(_metadata, &self->d);
}

FIXTURE_TEARDOWN(audit)
{
	audit_data_fini(&self->d);
}

/*
 * The two events of a call, as ausearch found them: each is there or not,
 * alike; if there, each names the call, and only the one through
 * indirect() has an AUDIT_INDIRECT record, which names indirect() and
 * its regs. Returns whether they were there. @key is the rule's key, ""
 * for a task rule, which has none.
 */
static bool logged_alike(struct __test_metadata *_metadata,
			 const struct pair *pr, const char *key)
{
	/* The rule matches the call; a task rule, everything. */
	bool only_the_call = *key;
	long nr = audit_nr(pr->call->nr);
	struct found_event *d = found_event(pr->direct, nr);
	struct found_event *t = found_event(pr->through, nr);
	int i;

	EXPECT_EQ(!!d, !!t)
		TH_LOG("%s: logged directly %d, through indirect() %d (%s)",
		       pr->call->name, !!d, !!t, key);
	/* Nothing else of either child was logged with this key. */
	for (i = 0; only_the_call && i < found->n; i++) {
		const struct found_event *e = &found->ev[i];

		if (e->pid == pr->direct || e->pid == pr->through)
			EXPECT_EQ(nr, e->syscall)
				TH_LOG("%s: event of syscall %ld (%s)",
				       pr->call->name, e->syscall, key);
	}
	if (!d || !t)
		return false;
	EXPECT_STREQ(key, d->key);
	EXPECT_STREQ(key, t->key);
	EXPECT_EQ(-1, d->entry);
	EXPECT_EQ(audit_nr(__NR_indirect), t->entry);
	EXPECT_EQ((unsigned long)&pr->r, (unsigned long)t->entry_a0);
	/* The arguments as the call ran: the kernel's copy. */
	for (i = 0; i < 4; i++)
		EXPECT_EQ((unsigned long)pr->r.args[i], t->args[i])
			TH_LOG("%s: a%d", pr->call->name, i);
	EXPECT_EQ(pr->direct_exit, d->exit) TH_LOG("%s", pr->call->name);
	EXPECT_EQ(pr->through_exit, t->exit) TH_LOG("%s", pr->call->name);
	/* Both ran alike: the same errno, or both succeeded. */
	EXPECT_EQ(pr->direct_exit < 0 ? pr->direct_exit : 0,
		  pr->through_exit < 0 ? pr->through_exit : 0)
		TH_LOG("%s", pr->call->name);
	return true;
}

/* A task rule records every call: the events of each call, alike. */
TEST_F_TIMEOUT(audit, task_rule, CASE_TIMEOUT_S)
{
	struct audit_data *d = &self->d;
	size_t i, logged = 0;

	/* A task rule takes no key: every event with a SYSCALL record. */
	AUDITCTL(&d->a, "-a task,always >/dev/null");
	run_all(_metadata, &d->a, &d->c, d->pairs);
	AUDITCTL(&d->a, "-D >/dev/null");
	ausearch(_metadata, &d->a, "-m SYSCALL");
	for (i = 0; i < WHITE_LIST_SIZE; i++) {
		if (!found_event(d->pairs[i].direct,
				 audit_nr(d->pairs[i].call->nr))) {
			TH_LOG("%s: not logged", d->pairs[i].call->name);
			continue;
		}
		logged += logged_alike(_metadata, &d->pairs[i], "");
	}
	ASSERT_EQ(WHITE_LIST_SIZE, logged);
}

/* Watches on the calls' file and directory, by rule and by field. */
FIXTURE(watch)
{
	struct audit_data d;
};

FIXTURE_SETUP(watch)
{
	audit_data_init(_metadata, &self->d);
}

FIXTURE_TEARDOWN(watch)
{
	audit_data_fini(&self->d);
}

FIXTURE_VARIANT(watch)
{
	const char *rule;	/* %s: the calls' directory */
};

FIXTURE_VARIANT_ADD(watch, watch_file_wa)
{
	.rule = "-w %s/file -p wa",
};

FIXTURE_VARIANT_ADD(watch, watch_file_r)
{
	.rule = "-w %s/file -p r",
};

FIXTURE_VARIANT_ADD(watch, watch_file_rwxa)
{
	.rule = "-w %s/file -p rwxa",
};

FIXTURE_VARIANT_ADD(watch, watch_dir_wa)
{
	.rule = "-w %s -p wa",
};

FIXTURE_VARIANT_ADD(watch, path_field_wa)
{
	.rule = "-a always,exit -F path=%s/file -F perm=wa",
};

FIXTURE_VARIANT_ADD(watch, dir_field_wa)
{
	.rule = "-a always,exit -F dir=%s -F perm=wa",
};

TEST_F_TIMEOUT(watch, every_call, CASE_TIMEOUT_S)
{
	struct audit_data *d = &self->d;
	size_t i, logged = 0;
	char rule[256];

	snprintf(rule, sizeof(rule), variant->rule, d->c.root);
	AUDITCTL(&d->a, "%s -k watch >/dev/null", rule);
	run_all(_metadata, &d->a, &d->c, d->pairs);
	AUDITCTL(&d->a, "-D >/dev/null");
	ausearch(_metadata, &d->a, "-k watch");
	for (i = 0; i < WHITE_LIST_SIZE; i++)
		logged += logged_alike(_metadata, &d->pairs[i], "watch");
	/* x32: nothing, as for its direct calls */
	ASSERT_EQ(RULES_MATCH_ABI, logged > 0);
}

/* A -S rule for each listed call: each call logged alike. */
TEST_F_TIMEOUT(audit, syscall_rules, CASE_TIMEOUT_S)
{
	static const char * const named[] = {
		"socket", "mkdirat", "openat", "unlinkat", "chmod", "setxattr",
	};
	struct audit_data *d = &self->d;
	char rules[64];
	size_t i, j;
	FILE *f;

	snprintf(rules, sizeof(rules), "/tmp/indirect-audit-%d.rules",
		 getpid());
	f = fopen(rules, "w");
	ASSERT_TRUE(!!f);
	for (i = 0; i < WHITE_LIST_SIZE; i++) {
		/* socketcall()'s operations share one number, and rule. */
		if (i && white_list[i].nr == white_list[i - 1].nr)
			continue;
		fprintf(f, "-a always,exit -F arch=%s -S %ld -k sys\n",
			RULE_ARCH,
			(long)(white_list[i].nr & ~(__u64)__X32_SYSCALL_BIT));
	}
	ASSERT_EQ(0, fclose(f));
	AUDITCTL(&d->a, "-R %s >/dev/null", rules);
	unlink(rules);
	run_all(_metadata, &d->a, &d->c, d->pairs);
	AUDITCTL(&d->a, "-D >/dev/null");
	ausearch(_metadata, &d->a, "-k sys");
	for (i = 0; i < WHITE_LIST_SIZE; i++) {
		const char *name = white_list[i].name;

		ASSERT_EQ(RULES_MATCH_ABI,
			  logged_alike(_metadata, &d->pairs[i], "sys"))
			TH_LOG("%s", name);
	}
	if (!RULES_MATCH_ABI)
		return;

	/* ausearch -sc finds the event of the call through indirect(). */
	for (i = 0; i < ARRAY_SIZE(named); i++) {
		for (j = 0; j < WHITE_LIST_SIZE; j++)
			if (!strcmp(white_list[j].name, named[i]))
				break;
		ASSERT_GT(WHITE_LIST_SIZE, j);
#ifdef __i386__
		ausearch(_metadata, &d->a, "-sc %ld -p %d",
			 (long)white_list[j].nr, d->pairs[j].through);
#else
		ausearch(_metadata, &d->a, "-sc %s -p %d", named[i],
			 d->pairs[j].through);
#endif
		ASSERT_TRUE(!!found_event(d->pairs[j].through,
					  audit_nr(white_list[j].nr)))
			TH_LOG("ausearch -sc %s", named[i]);
	}
}

static const struct listed_call *call_named(const char *name)
{
	size_t i;

	for (i = 0; i < WHITE_LIST_SIZE; i++)
		if (!strcmp(white_list[i].name, name))
			return &white_list[i];
	return NULL;
}

/*
 * Runs @name with its consumer arguments, first argument @a0 unless
 * ~0, directly and through indirect(); true if both were logged with
 * @key, false if neither was.
 */
static bool pair_logged(struct __test_metadata *_metadata,
			struct audit_data *d, const char *name, __u64 a0,
			const char *key)
{
	struct pair pr = { .call = call_named(name) };

	EXPECT_TRUE(!!pr.call);
	if (!pr.call)
		return false;
	consumer_regs(&d->c, pr.call, &pr.r);
	if (a0 != ~0ULL)
		pr.r.args[0] = a0;
	pr.direct = call_in_child(_metadata, &d->a, &pr.r, false, NULL, 0);
	pr.direct_exit = exit_of(outcome);
	consumer_regs(&d->c, pr.call, &pr.r);
	if (a0 != ~0ULL)
		pr.r.args[0] = a0;
	pr.through = call_in_child(_metadata, &d->a, &pr.r, true, NULL, 0);
	pr.through_exit = exit_of(outcome);
	ausearch(_metadata, &d->a, "-k %s", key);
	return logged_alike(_metadata, &pr, key);
}

/* -F a0=, -F exit= and -F success= see the call as it ran. */
TEST_F_TIMEOUT(audit, fields, CASE_TIMEOUT_S)
{
	const bool m = RULES_MATCH_ABI;
	struct audit_data *d = &self->d;
	long nr = audit_nr(__NR_mkdirat & ~(__u64)__X32_SYSCALL_BIT);

	AUDITCTL(&d->a, "-a always,exit -F arch=%s -S %ld -F a0=1 -k a0 >/dev/null",
		 RULE_ARCH,
		 (long)(__NR_socket & ~(__u64)__X32_SYSCALL_BIT));
	EXPECT_EQ(m, pair_logged(_metadata, d, "socket", ~0ULL, "a0"));
	/* AF_INET is not AF_UNIX (1): neither is logged. */
	EXPECT_FALSE(pair_logged(_metadata, d, "socket", AF_INET, "a0"));

	AUDITCTL(&d->a, "-D >/dev/null");
	AUDITCTL(&d->a, "-a always,exit -F arch=%s -S %ld -F exit=-%d -k exit >/dev/null",
		 RULE_ARCH, nr, EBADF);
	/* mkdirat() in descriptor 1000, which is not open: EBADF. */
	EXPECT_EQ(m, pair_logged(_metadata, d, "mkdirat", 1000, "exit"));
	EXPECT_FALSE(pair_logged(_metadata, d, "mkdirat", ~0ULL, "exit"));

	AUDITCTL(&d->a, "-D >/dev/null");
	AUDITCTL(&d->a, "-a always,exit -F arch=%s -S %ld -F success=0 -k fail >/dev/null",
		 RULE_ARCH, nr);
	EXPECT_EQ(m, pair_logged(_metadata, d, "mkdirat", 1000, "fail"));
	EXPECT_FALSE(pair_logged(_metadata, d, "mkdirat", ~0ULL, "fail"));
}

/*
 * A rule on indirect() itself matches every indirect() call, listed or
 * refused; a refused call is audited as indirect(), with its errno, and
 * no rule of the call it named matches it.
 */
TEST_F_TIMEOUT(audit, rule_on_indirect, CASE_TIMEOUT_S)
{
	const struct indirect_params bad = { .file_flags = INDIRECT_FD_CLOEXEC };
	const struct indirect_registers off = { .nr = __NR_getpid };
	const struct listed_call *call = call_named("mkdirat");
	struct audit_data *d = &self->d;
	long nr = audit_nr(__NR_mkdirat);
	struct found_event *e;
	struct indirect_registers r;
	pid_t direct, through, refused, off_list;

	ASSERT_TRUE(!!call);
	/* The call's own rule first: events match the first rule. */
	AUDITCTL(&d->a, "-a always,exit -F arch=%s -S %ld -k call >/dev/null",
		 RULE_ARCH, (long)(__NR_mkdirat & ~(__u64)__X32_SYSCALL_BIT));
	AUDITCTL(&d->a, "-a always,exit -F arch=%s -S %ld -k entry >/dev/null",
		 RULE_ARCH,
		 (long)(__NR_indirect & ~(__u64)__X32_SYSCALL_BIT));
	consumer_regs(&d->c, call, &r);
	direct = call_in_child(_metadata, &d->a, &r, false, NULL, 0);
	consumer_regs(&d->c, call, &r);
	through = call_in_child(_metadata, &d->a, &r, true, NULL, 0);
	/* mkdirat() honours no file flag: EINVAL before it runs. */
	consumer_regs(&d->c, call, &r);
	refused = call_in_child(_metadata, &d->a, &r, true, &bad,
				sizeof(bad));
	ASSERT_EQ(-1, outcome->ret);
	ASSERT_EQ(EINVAL, outcome->err);
	off_list = call_in_child(_metadata, &d->a, &off, true, NULL, 0);
	ASSERT_EQ(-1, outcome->ret);
	ASSERT_EQ(EINVAL, outcome->err);

	ausearch(_metadata, &d->a, "-k call");
	ASSERT_EQ(RULES_MATCH_ABI, !!found_event(direct, nr));
	ASSERT_EQ(RULES_MATCH_ABI, !!found_event(through, nr));
	ASSERT_FALSE(!!found_event(refused, nr));
	ASSERT_FALSE(!!found_event(refused, audit_nr(__NR_indirect)));

	ausearch(_metadata, &d->a, "-k entry");
	ASSERT_FALSE(!!found_event(direct, nr));
	e = found_event(refused, audit_nr(__NR_indirect));
	ASSERT_EQ(RULES_MATCH_ABI, !!e);
	if (e) {
		ASSERT_EQ(-EINVAL, e->exit);
		ASSERT_EQ(-1, e->entry);
	}
	e = found_event(off_list, audit_nr(__NR_indirect));
	ASSERT_EQ(RULES_MATCH_ABI, !!e);
	if (e)
		ASSERT_EQ(-EINVAL, e->exit);

	/* With only the rule on indirect(), the listed call matches it. */
	AUDITCTL(&d->a, "-d always,exit -F arch=%s -S %ld -k call >/dev/null",
		 RULE_ARCH, (long)(__NR_mkdirat & ~(__u64)__X32_SYSCALL_BIT));
	consumer_regs(&d->c, call, &r);
	through = call_in_child(_metadata, &d->a, &r, true, NULL, 0);
	ausearch(_metadata, &d->a, "-k entry");
	e = found_event(through, nr);
	ASSERT_EQ(RULES_MATCH_ABI, !!e);
	if (e) {
		ASSERT_EQ(audit_nr(__NR_indirect), e->entry);
		ASSERT_EQ(0, e->exit);
	}
}

/* The ops on a path that the STIG rules watch with -p wa. */
static void watched_regs(const char *name, const char *path,
			 struct indirect_registers *r)
{
	const struct listed_call *call = call_named(name);

	memset(r, 0, sizeof(*r));
	r->nr = call ? call->nr : 0;
	r->args[0] = uptr(path);
	if (!strcmp(name, "chmod")) {
		r->args[1] = 0644;
	} else if (!strcmp(name, "open")) {
		r->args[1] = O_WRONLY;
	} else if (!strcmp(name, "setxattr")) {
		r->args[1] = uptr("user.stig");
		r->args[2] = uptr("v");
		r->args[3] = 1;
	} else if (!strcmp(name, "mkdir")) {
		r->args[1] = 0700;
	}
	/* truncate(): to 0; rmdir(): no more */
}

/* Runs @pr's call with its registers, directly or through indirect(). */
static void stig_call(struct __test_metadata *_metadata,
		      struct audit_data *d, struct pair *pr, bool through)
{
	pid_t pid = call_in_child(_metadata, &d->a, &pr->r, through,
				  NULL, 0);

	if (through) {
		pr->through = pid;
		pr->through_exit = exit_of(outcome);
	} else {
		pr->direct = pid;
		pr->direct_exit = exit_of(outcome);
	}
}

/* Were both calls of @pr logged with @key? */
static bool stig_logged(struct __test_metadata *_metadata,
			struct audit_data *d, const struct pair *pr,
			const char *key)
{
	ausearch(_metadata, &d->a, "-k %s", key);
	return logged_alike(_metadata, pr, key);
}

/*
 * Registers for a STIG rule's @call: as consumer_regs() makes them, for
 * a refused one (@eperm) the write of the immutable "file".
 */
static void stig_regs(struct audit_data *d, const struct listed_call *call,
		      bool eperm, struct indirect_registers *r)
{
	consumer_regs(&d->c, call, r);
	if (!eperm)
		return;
	r->args[0] = consumer_path(&d->c, 0, "file");
	r->args[1] = call->nr == __NR_creat ? 0600 : O_WRONLY;
	if (call->nr == __NR_openat) {
		r->args[0] = AT_FDCWD;
		r->args[1] = uptr(d->c.path[0]);
		r->args[2] = O_WRONLY;
	}
}

/* The files and directories the STIG rules watch, made in a tmpfs. */
static const char * const stig_files[] = {
	"/etc/localtime", "/etc/group", "/etc/passwd", "/etc/gshadow",
	"/etc/shadow", "/etc/security/opasswd", "/etc/issue",
	"/etc/issue.net", "/etc/hosts", "/etc/hostname", "/etc/sudoers",
};

static const char * const stig_dirs[] = {
	"/etc/security", "/etc/NetworkManager", "/etc/selinux",
	"/etc/sudoers.d",
};

/*
 * Debian's STIG sample rules, loaded as a whole: every rule that names a
 * listed call or watches a path logs a call through indirect() that it
 * logs when made directly. The watched files are those of a tmpfs over
 * /etc in a mount namespace of the test's own: nothing outside it is
 * changed.
 */
TEST_F_TIMEOUT(audit, stig_rules, CASE_TIMEOUT_S)
{
	static const char * const file_ops[] = {
		"chmod", "truncate", "setxattr", "open",
	};
	struct audit_data *d = &self->d;
	char line[1024], key[64];
	size_t i, j, named = 0;
	int logged = 0, matched, fd;
	FILE *f;

	ASSERT_EQ(0, unshare(CLONE_NEWNS));
	ASSERT_EQ(0, mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL));
	mkdir("/etc", 0755);	/* the test VM's root has none */
	ASSERT_EQ(0, mount("stig", "/etc", "tmpfs", 0, "mode=0755"));
	for (i = 0; i < ARRAY_SIZE(stig_dirs); i++)
		ASSERT_EQ(0, mkdir(stig_dirs[i], 0755));
	for (i = 0; i < ARRAY_SIZE(stig_files); i++) {
		fd = open(stig_files[i], O_CREAT | O_WRONLY | O_CLOEXEC, 0644);
		ASSERT_LE(0, fd);
		ASSERT_EQ(0, close(fd));
	}
	AUDITCTL(&d->a, "-R %s >/dev/null", STIG_RULES);

	/* The syscall rules, with a login uid of 1000. */
	f = fopen(STIG_RULES, "r");
	ASSERT_TRUE(!!f);
	while (fgets(line, sizeof(line), f)) {
		char *calls = strstr(line, " -S "), *k = strstr(line, "key=");
		bool refused = strstr(line, "exit=-EACCES");
		bool eperm = strstr(line, "exit=-EPERM");
		char *name, *save;

		if (strncmp(line, "-a always,exit -F arch=" RULE_ARCH " ", 27) ||
		    !calls || !k)
			continue;
		matched = sscanf(k, "key=%63s", key);
		ASSERT_EQ(1, matched);
		calls += 4;
		calls[strcspn(calls, " ")] = '\0';
		for (name = strtok_r(calls, ",", &save); name;
		     name = strtok_r(NULL, ",", &save)) {
			struct pair pr = { .call = call_named(name) };
			int flags = FS_IMMUTABLE_FL;

			if (!pr.call)
				continue;
			named++;
			if (eperm) {
				consumer_path(&d->c, 0, "file");
				fd = open(d->c.path[0], O_RDONLY | O_CLOEXEC);
				ASSERT_LE(0, fd);
				ASSERT_EQ(0, ioctl(fd, FS_IOC_SETFLAGS, &flags))
					TH_LOG("chattr +i in /tmp");
			}
			caller.login = true;
			/* EACCES: uid 1000 may not search the calls' dir. */
			caller.user = refused;
			stig_regs(d, pr.call, eperm, &pr.r);
			stig_call(_metadata, d, &pr, false);
			/* The same registers, made again: what ran is undone. */
			stig_regs(d, pr.call, eperm, &pr.r);
			stig_call(_metadata, d, &pr, true);
			caller.login = false;
			caller.user = false;
			if (eperm) {
				flags = 0;
				ASSERT_EQ(0, ioctl(fd, FS_IOC_SETFLAGS, &flags));
				ASSERT_EQ(0, close(fd));
			}
			if (stig_logged(_metadata, d, &pr, key))
				logged++;
			else
				TH_LOG("%s (%s): not logged", name, key);
		}
	}
	fclose(f);

	/* The watches, as root, whose rules have no login uid test. */
	for (i = 0; i < ARRAY_SIZE(stig_files); i++) {
		const char *file = stig_files[i];
		const char *key = strstr(file, "localtime") ? "time-change" :
				  strstr(file, "sudoers") ? "actions" :
				  strstr(file, "/etc/issue") ||
				  strstr(file, "/etc/host") ? "system-locale" :
				  "identity";

		for (j = 0; j < ARRAY_SIZE(file_ops); j++) {
			struct pair pr = { .call = call_named(file_ops[j]) };

			watched_regs(file_ops[j], file, &pr.r);
			stig_call(_metadata, d, &pr, false);
			stig_call(_metadata, d, &pr, true);
			named++;
			logged += stig_logged(_metadata, d, &pr, key);
		}
	}
	/* A directory made and removed in each watched directory */
	for (i = 1; i < ARRAY_SIZE(stig_dirs); i++) {
		const char *key = i == 1 ? "system-locale" :
				  i == 2 ? "MAC-policy" : "actions";
		struct pair made = { .call = call_named("mkdir") };
		struct pair removed = { .call = call_named("rmdir") };
		char path[64];

		snprintf(path, sizeof(path), "%s/new", stig_dirs[i]);
		watched_regs("mkdir", path, &made.r);
		watched_regs("rmdir", path, &removed.r);
		stig_call(_metadata, d, &made, false);
		stig_call(_metadata, d, &removed, false);
		stig_call(_metadata, d, &made, true);
		stig_call(_metadata, d, &removed, true);
		named += 2;
		logged += stig_logged(_metadata, d, &made, key);
		logged += stig_logged(_metadata, d, &removed, key);
	}
	print_counts(_metadata, NULL, "named=%zu logged=%d", named, logged);
	ASSERT_EQ(RULES_MATCH_ABI ? (int)named : 0, logged);
}

TEST_HARNESS_MAIN
