// SPDX-License-Identifier: GPL-2.0
/*
 * A qemu TCG plugin for harness/profile: how many guest instructions each
 * translation block runs while the guest is between two marker addresses.
 *
 *	-plugin insn-profile.so,start=ADDR,stop=ADDR
 *
 * Counting starts when the block at start runs and stops when the one at
 * stop does (indirect_bench -p puts a case's loop between two such
 * functions). At exit, one line per block that ran: "vaddr instructions".
 * One vCPU (bench mode): the counters need no atomics.
 *
 * qemu's own header is not packaged by Debian; the few calls of its
 * plugin API (version 1, qemu 7.2) that this uses are declared here.
 */
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef uint64_t qemu_plugin_id_t;
struct qemu_plugin_tb;
struct qemu_info;
enum qemu_plugin_cb_flags {
	QEMU_PLUGIN_CB_NO_REGS,
};

void qemu_plugin_register_vcpu_tb_trans_cb(qemu_plugin_id_t id,
	void (*cb)(qemu_plugin_id_t id, struct qemu_plugin_tb *tb));
void qemu_plugin_register_vcpu_tb_exec_cb(struct qemu_plugin_tb *tb,
	void (*cb)(unsigned int vcpu, void *data),
	enum qemu_plugin_cb_flags flags, void *data);
size_t qemu_plugin_tb_n_insns(const struct qemu_plugin_tb *tb);
uint64_t qemu_plugin_tb_vaddr(const struct qemu_plugin_tb *tb);
void qemu_plugin_register_atexit_cb(qemu_plugin_id_t id,
	void (*cb)(qemu_plugin_id_t id, void *data), void *data);
void qemu_plugin_outs(const char *string);

__attribute__((visibility("default"))) int qemu_plugin_version = 1;

struct block {
	uint64_t vaddr;
	uint64_t insns;
	uint64_t runs;
	struct block *next;
};

static uint64_t start_addr, stop_addr;
static bool counting;
static struct block *blocks;

static void block_ran(unsigned int vcpu, void *data)
{
	struct block *b = data;

	if (b->vaddr == start_addr)
		counting = true;
	else if (b->vaddr == stop_addr)
		counting = false;
	if (counting)
		b->runs++;
}

static void translated(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
{
	struct block *b = calloc(1, sizeof(*b));

	if (!b)
		abort();
	b->vaddr = qemu_plugin_tb_vaddr(tb);
	b->insns = qemu_plugin_tb_n_insns(tb);
	b->next = blocks;
	blocks = b;
	qemu_plugin_register_vcpu_tb_exec_cb(tb, block_ran,
					     QEMU_PLUGIN_CB_NO_REGS, b);
}

static void done(qemu_plugin_id_t id, void *data)
{
	char line[64];
	struct block *b;

	for (b = blocks; b; b = b->next) {
		if (!b->runs)
			continue;
		snprintf(line, sizeof(line), "%" PRIx64 " %" PRIu64 "\n",
			 b->vaddr, b->runs * b->insns);
		qemu_plugin_outs(line);
	}
}

__attribute__((visibility("default")))
int qemu_plugin_install(qemu_plugin_id_t id, const struct qemu_info *info,
			int argc, char **argv)
{
	int i;

	for (i = 0; i < argc; i++) {
		if (!strncmp(argv[i], "start=", 6))
			start_addr = strtoull(argv[i] + 6, NULL, 0);
		else if (!strncmp(argv[i], "stop=", 5))
			stop_addr = strtoull(argv[i] + 5, NULL, 0);
	}
	if (!start_addr || !stop_addr) {
		fprintf(stderr, "insn-profile: needs start=ADDR,stop=ADDR\n");
		for (i = 0; i < argc; i++)
			fprintf(stderr, "insn-profile: argument %s\n", argv[i]);
		return -1;
	}
	qemu_plugin_register_vcpu_tb_trans_cb(id, translated);
	qemu_plugin_register_atexit_cb(id, done, NULL);
	return 0;
}
