// SPDX-License-Identifier: GPL-2.0
/*
 * Must not build: the mistakes the CHECK_FIELDS API rules out, refused by
 * sparse ("expect") and by gcc ("cc-expect"). Checked by
 * harness/static-checks, never built into a kernel.
 */
#include "../../kernel/indirect.c"

/* The answer must be of the struct described. */
static const struct indirect_registers wrong_answer;
static const struct extensible_struct wrong_answer_ext = {
	EXTENSIBLE_STRUCT(struct indirect_params, INDIRECT_PARAMS_SIZE_VER0,
			  INDIRECT_PARAMS_SIZE_LATEST),
	EXTENSIBLE_CHECK_FIELDS(struct indirect_params, &wrong_answer),
};

const struct extensible_struct *wrong_answer_user(void);
const struct extensible_struct *wrong_answer_user(void)
{
	return &wrong_answer_ext;
}
/* cc-expect: negative width in bit-field */

/*
 * There is no positive "answer the probe" return for a call to test, and
 * so none that a plain "if (err) return err;" hands to user space.
 */
int positive_probe_return(void __user *uparams, size_t usize);
int positive_probe_return(void __user *uparams, size_t usize)
{
	struct indirect_params p;
	int err;

	err = extensible_copy_from_user(&indirect_params_ext, &p, uparams,
					usize);
	if (err == EXTENSIBLE_CHECK_FIELDS)
		return 0;
	return err;
}
/* expect: undefined identifier 'EXTENSIBLE_CHECK_FIELDS' */
/* cc-expect: 'EXTENSIBLE_CHECK_FIELDS' undeclared */
