// SPDX-License-Identifier: GPL-2.0
/*
 * The libcap calls the base tree's clone3_cap_checkpoint_restore makes,
 * with the layout libcap's cap_t had before 2.58: the capability header,
 * then one __user_cap_data_struct per 32 capabilities. The test sets
 * CAP_CHECKPOINT_RESTORE by writing into that struct directly; Debian 12's
 * libcap 2.66 has a mutex byte in front of it, so there the bits land in
 * the wrong sets and cap_set_proc() fails before the test reaches
 * clone3(). build-selftests links the upstream selftests against this
 * instead (USERLDFLAGS), so it also has the calls the others make beyond
 * those: seccomp_bpf's cap_get_flag(), landlock's securebits and ambient
 * calls, each the prctl() libcap makes.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/capability.h>
#include <sys/prctl.h>
#include <sys/syscall.h>

struct _cap_struct {
	struct __user_cap_header_struct head;
	struct __user_cap_data_struct data[_LINUX_CAPABILITY_U32S_3];
};

cap_t cap_get_proc(void)
{
	cap_t caps = calloc(1, sizeof(*caps));

	if (!caps)
		return NULL;
	caps->head.version = _LINUX_CAPABILITY_VERSION_3;
	if (syscall(SYS_capget, &caps->head, caps->data)) {
		free(caps);
		return NULL;
	}
	return caps;
}

int cap_clear(cap_t caps)
{
	memset(caps->data, 0, sizeof(caps->data));
	return 0;
}

/* The word of @set that holds @cap, or NULL (errno EINVAL). */
static __u32 *cap_word(cap_t caps, cap_value_t cap, cap_flag_t set)
{
	struct __user_cap_data_struct *d;

	if (cap < 0 || cap >= 32 * _LINUX_CAPABILITY_U32S_3) {
		errno = EINVAL;
		return NULL;
	}
	d = &caps->data[cap >> 5];
	return set == CAP_EFFECTIVE ? &d->effective :
	       set == CAP_PERMITTED ? &d->permitted : &d->inheritable;
}

int cap_set_flag(cap_t caps, cap_flag_t set, int n, const cap_value_t *values,
		 cap_flag_value_t value)
{
	int i;

	for (i = 0; i < n; i++) {
		__u32 bit = 1U << (values[i] & 31);
		__u32 *word = cap_word(caps, values[i], set);

		if (!word)
			return -1;
		if (value == CAP_SET)
			*word |= bit;
		else
			*word &= ~bit;
	}
	return 0;
}

int cap_get_flag(cap_t caps, cap_value_t cap, cap_flag_t set,
		 cap_flag_value_t *value)
{
	__u32 *word = cap_word(caps, cap, set);

	if (!word)
		return -1;
	*value = *word & (1U << (cap & 31)) ? CAP_SET : CAP_CLEAR;
	return 0;
}

int cap_set_proc(cap_t caps)
{
	return syscall(SYS_capset, &caps->head, caps->data);
}

int cap_free(void *p)
{
	free(p);
	return 0;
}

unsigned int cap_get_secbits(void)
{
	return prctl(PR_GET_SECUREBITS);
}

int cap_set_secbits(unsigned int bits)
{
	return prctl(PR_SET_SECUREBITS, bits);
}

int cap_get_ambient(cap_value_t cap)
{
	return prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_IS_SET, cap, 0, 0);
}

int cap_set_ambient(cap_value_t cap, cap_flag_value_t value)
{
	return prctl(PR_CAP_AMBIENT, value == CAP_SET ? PR_CAP_AMBIENT_RAISE :
			PR_CAP_AMBIENT_LOWER, cap, 0, 0);
}
