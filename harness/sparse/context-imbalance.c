// SPDX-License-Identifier: GPL-2.0
/*
 * Must not pass sparse: a path that returns with the parameters still
 * published to the inner call. Checked by harness/static-checks, never
 * built into a kernel.
 */
#include "../../kernel/indirect.c"

long leaves_params_published(const struct indirect_kparams *params, bool fail);
long leaves_params_published(const struct indirect_kparams *params, bool fail)
{
	indirect_enter(params);
	if (fail)
		return -EINVAL;
	indirect_exit();
	return 0;
}
/* expect: context imbalance in 'leaves_params_published' */

void exits_twice(void);
void exits_twice(void)
{
	indirect_exit();
}
/* expect: context imbalance in 'exits_twice' - unexpected unlock */
