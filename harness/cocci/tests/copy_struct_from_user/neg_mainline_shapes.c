// SPDX-License-Identifier: GPL-2.0
/*
 * Shapes from Linux 6.12 that copy a struct with a variable length but are
 * not size-versioned structs: none of these may be reported.
 */

/* net/socket.c: a socket address has the length of its family. */
int move_addr_to_kernel(void __user *uaddr, int ulen,
			struct sockaddr_storage *kaddr)
{
	if (ulen < 0 || ulen > sizeof(struct sockaddr_storage))
		return -EINVAL;
	if (ulen == 0)
		return 0;
	if (copy_from_user(kaddr, uaddr, ulen))
		return -EFAULT;
	return audit_sockaddr(ulen, kaddr);
}

/* kernel/sched/syscalls.c: a bitmap of the user's length. */
static int get_user_cpu_mask(unsigned long __user *user_mask_ptr, unsigned len,
			     struct cpumask *new_mask)
{
	if (len < cpumask_size())
		cpumask_clear(new_mask);
	else if (len > cpumask_size())
		len = cpumask_size();

	return copy_from_user(new_mask, user_mask_ptr, len) ? -EFAULT : 0;
}

/* net/sctp/socket.c: the length is replaced by one the kernel chose. */
static int sctp_getsockopt_paddr_thresholds(struct sock *sk,
					    char __user *optval, int len,
					    int __user *optlen, bool v2)
{
	struct sctp_paddrthlds_v2 val;
	int min;

	min = v2 ? sizeof(val) : sizeof(struct sctp_paddrthlds);
	if (len < min)
		return -EINVAL;
	len = min;
	if (copy_from_user(&val, optval, len))
		return -EFAULT;
	return 0;
}

/* net/sctp/socket.c: getsockopt in/out buffer, the tail is output space. */
static int sctp_getsockopt_assoc_stats(struct sock *sk, int len,
				       char __user *optval,
				       int __user *optlen)
{
	struct sctp_assoc_stats sas;

	/* User must provide at least the assoc id */
	if (len < sizeof(sctp_assoc_t))
		return -EINVAL;

	/* Allow the struct to grow and fill in as much as possible */
	len = min_t(size_t, len, sizeof(sas));

	if (copy_from_user(&sas, optval, len))
		return -EFAULT;

	sas.sas_maxrto = 0;
	if (put_user(len, optlen))
		return -EFAULT;
	if (copy_to_user(optval, &sas, len))
		return -EFAULT;
	return 0;
}

/* net/ethtool/ioctl.c: a helper whose callers pass a kernel-chosen size. */
static int ethtool_rxnfc_copy_from_user(struct ethtool_rxnfc *rxnfc,
					const void __user *useraddr,
					size_t size)
{
	if (copy_from_user(rxnfc, useraddr, size))
		return -EFAULT;
	return 0;
}

static int ethtool_rxnfc_copy_struct(u32 cmd, struct ethtool_rxnfc *info,
				     size_t *info_size, void __user *useraddr)
{
	if (cmd == ETHTOOL_GRXFH)
		*info_size = offsetof(struct ethtool_rxnfc, data) +
			     sizeof(info->data);
	else
		*info_size = sizeof(*info);
	if (ethtool_rxnfc_copy_from_user(info, useraddr, *info_size))
		return -EFAULT;
	return 0;
}

/* fs/nfsd/nfs4recover.c: an exact message length. */
static ssize_t cld_pipe_downcall(struct file *filp, const char __user *src,
				 size_t mlen)
{
	struct cld_upcall *cup = find_upcall(filp);

	if (mlen != nn->client_tracking_ops->msglen)
		return -EINVAL;
	if (copy_from_user(&cup->cu_u.cu_msg_v2, src, mlen) != 0)
		return -EFAULT;
	return mlen;
}

/* io_uring/register.c: an array of a user-given number of entries. */
static __cold int io_register_restrictions(struct io_ring_ctx *ctx,
					   void __user *arg,
					   unsigned int nr_args)
{
	struct io_uring_restriction *res;
	size_t size;

	if (!arg || nr_args > IORING_MAX_RESTRICTIONS)
		return -EINVAL;

	size = array_size(nr_args, sizeof(*res));
	if (size == SIZE_MAX)
		return -EOVERFLOW;

	res = memdup_user(arg, size);
	if (IS_ERR(res))
		return PTR_ERR(res);
	kfree(res);
	return 0;
}

/* fs/crypto/policy.c: the size the kernel knows for a version byte. */
int fscrypt_ioctl_set_policy(struct file *filp, const void __user *arg)
{
	union fscrypt_policy policy;
	u8 version;
	int size;

	if (get_user(policy.version, (const u8 __user *)arg))
		return -EFAULT;

	size = fscrypt_policy_size(&policy);
	if (size <= 0)
		return -EINVAL;

	version = policy.version;
	if (copy_from_user(&policy, arg, size))
		return -EFAULT;
	policy.version = version;
	return 0;
}

/* fs/autofs/dev-ioctl.c: a header and a path of a checked length. */
static struct autofs_dev_ioctl *
copy_dev_ioctl(struct autofs_dev_ioctl __user *in)
{
	struct autofs_dev_ioctl tmp, *res;

	if (copy_from_user(&tmp, in, AUTOFS_DEV_IOCTL_SIZE))
		return ERR_PTR(-EFAULT);

	if (tmp.size < AUTOFS_DEV_IOCTL_SIZE)
		return ERR_PTR(-EINVAL);

	if (tmp.size > AUTOFS_DEV_IOCTL_SIZE + PATH_MAX)
		return ERR_PTR(-ENAMETOOLONG);

	res = memdup_user(in, tmp.size);
	if (!IS_ERR(res))
		res->size = tmp.size;

	return res;
}

/* net/mptcp/sockopt.c: the size comes from optlen, not from the struct. */
static int mptcp_get_subflow_data(struct mptcp_subflow_data *sfd,
				  char __user *optval,
				  int __user *optlen)
{
	int len, copylen;

	if (get_user(len, optlen))
		return -EFAULT;

	BUILD_BUG_ON(sizeof(*sfd) != MIN_INFO_OPTLEN_SIZE);

	if (len < MIN_INFO_OPTLEN_SIZE)
		return -EINVAL;

	memset(sfd, 0, sizeof(*sfd));

	copylen = min_t(unsigned int, len, sizeof(*sfd));
	if (copy_from_user(sfd, optval, copylen))
		return -EFAULT;
	return len;
}

/*
 * kernel/bpf/btf.c: an in/out struct; its caller checked the tail, and
 * what follows the input fields is output space.
 */
int btf_get_info_by_fd(const struct btf *btf,
		       const union bpf_attr *attr,
		       union bpf_attr __user *uattr)
{
	struct bpf_btf_info __user *uinfo;
	struct bpf_btf_info info;
	u32 info_copy;
	u32 uinfo_len;

	uinfo = u64_to_user_ptr(attr->info.info);
	uinfo_len = attr->info.info_len;

	info_copy = min_t(u32, uinfo_len, sizeof(info));
	memset(&info, 0, sizeof(info));
	if (copy_from_user(&info, uinfo, info_copy))
		return -EFAULT;

	info.id = READ_ONCE(btf->id);
	if (copy_to_user(uinfo, &info, info_copy) ||
	    put_user(info_copy, &uattr->info.info_len))
		return -EFAULT;
	return 0;
}
