// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// What an agent asks of the kernel while it runs: every cap_capable() check, with the system call
// in progress on that thread and that call's return, and the results of the calls that say what
// the agent needs (sockets, binds, files written, the time, netlink sends that were checked). It
// records only the processes the loader chose (a cgroup v2 subtree, or a set of processes and
// what they fork): every program tests that first, so the rest of the machine costs one check.
//
// Only tracepoints: the cap_capable tracepoint, raw_syscalls' sys_exit (raw), syscalls:
// sys_enter_execve and sys_enter_execveat, sched. kprobes and fentry are not available on every
// kernel Deroot runs on (6.18 here refuses them); tracepoints are. No program runs as a call
// begins (but execve): the call in progress at a check and its arguments come from the thread's
// saved user registers (bpf_task_pt_regs, kernel >= 5.15). CO-RE reads (vmlinux.h from the running
// kernel's BTF) reach those, the task's PID namespace numbers, cgroup, and a descriptor's socket.
// Syscall numbers come from the loader (syscall_kinds), never from here.
//
// "GPL": the kernel refuses its GPL-only helpers (ring buffer, probe_read) to any other licence.
#include "vmlinux.h"

#include <bpf/bpf_core_read.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

#include "bpfevent.h"

char LICENSE[] SEC("license") = "GPL";

#define EPERM 1
#define EACCES 13
#define ENOSYS 38
#define PF_EXITING 0x00000004
#define CAP_SYS_ADMIN 21
#define S_IFMT 00170000
#define S_IFSOCK 0140000
#define O_WRONLY 00000001
#define O_RDWR 00000002
#define O_CREAT 00000100
#define O_TRUNC 00001000
#define MAX_PIDNS_LEVELS 8
#define MAX_CGROUP_LEVELS 32

enum { MODE_NONE = 0, MODE_CGROUP = 1, MODE_PIDS = 2 };

// Set before load: the inode of the observer's PID namespace (/proc/self/ns/pid).
const volatile __u64 pidns_ino = 0;
// Set before load from /proc/kallsyms: where security_vm_enough_memory_mm's code lies (0 when
// unknown). The tracepoint carries no opts; a CAP_SYS_ADMIN check with that function on the kernel
// stack is cap_vm_enough_memory's (a tail call into cap_capable, so it is not on the stack
// itself): memory accounting, which succeeds either way.
const volatile __u64 vm_accounting_start = 0;
const volatile __u64 vm_accounting_end = 0;

// Written by the loader after load (the skeleton maps .bss).
__u32 enabled = 0;
__u32 mode = MODE_NONE;
__u64 cgroup_id = 0;
// The absolute depth of cgroup_id, once a process was found below it (a cgroup namespace, such as
// the test host's, hides it from the loader): from then on one helper call decides.
__s32 cgroup_level = -1;
__u64 pending_seeds = 0; // pids the loader named that were not seen yet
__u64 gated_count = 0;
__u64 lost = 0;       // events the ring buffer had no room for
__u64 delivered = 0;  // events handed over
__u64 overridden = 0; // checks made on credentials the kernel put in place of the task's own

struct thread_state {
    __s64 nr; // the call in progress, -1 between calls
    __u64 args[6];
    __u32 seq;
    __u32 checks;
    __u32 kind;
    __u32 flags;
    __u64 open_flags;
    __u32 path_len;
    __u32 addr_len;
    __u8 addr[DEROOT_ADDR_MAX];
    char path[DEROOT_PATH_MAX];
};

struct {
    __uint(type, BPF_MAP_TYPE_RINGBUF);
    __uint(max_entries, 4 * 1024 * 1024);
} events SEC(".maps");

struct {
    __uint(type, BPF_MAP_TYPE_ARRAY);
    __uint(max_entries, DEROOT_SYSCALL_SLOTS);
    __type(key, __u32);
    __type(value, __u32);
} syscall_kinds SEC(".maps");

// LRU: a thread that left the cgroup without exiting under the filter is never deleted; the
// oldest such entry makes room rather than the newest thread going untracked.
struct {
    __uint(type, BPF_MAP_TYPE_LRU_HASH);
    __uint(max_entries, 32768);
    __type(key, __u32); // global thread id
    __type(value, struct thread_state);
} threads SEC(".maps");

struct {
    __uint(type, BPF_MAP_TYPE_HASH);
    __uint(max_entries, 65536);
    __type(key, __u32); // global thread group id
    __type(value, __u8);
} followed SEC(".maps");

struct {
    __uint(type, BPF_MAP_TYPE_HASH);
    __uint(max_entries, 1024);
    __type(key, __u32); // thread group id in the observer's PID namespace
    __type(value, __u8);
} seeds SEC(".maps");

struct {
    __uint(type, BPF_MAP_TYPE_HASH);
    __uint(max_entries, 1024);
    __type(key, __u32); // thread group id in the observer's PID namespace
    __type(value, __u8);
} gated SEC(".maps");

struct {
    __uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
    __uint(max_entries, 1);
    __type(key, __u32);
    __type(value, struct thread_state);
} zero_state SEC(".maps");

// A call reported without a check (no thread state): its arguments are read into this CPU's.
struct {
    __uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
    __uint(max_entries, 1);
    __type(key, __u32);
    __type(value, struct thread_state);
} scratch SEC(".maps");

// The number of @p pid in the observer's PID namespace, 0 when it has none there.
static __always_inline __u32 ns_number(struct pid *pid)
{
    if (!pid) {
        return 0;
    }
    unsigned int level = BPF_CORE_READ(pid, level);
    for (int i = 0; i < MAX_PIDNS_LEVELS; i++) {
        if (i > level) {
            break;
        }
        struct upid upid;
        if (bpf_core_read(&upid, sizeof(upid), &pid->numbers[i])) {
            return 0;
        }
        if (BPF_CORE_READ(upid.ns, ns.inum) == pidns_ino) {
            return upid.nr;
        }
    }
    return 0;
}

static __always_inline __u32 ns_tid(struct task_struct *task)
{
    return ns_number(BPF_CORE_READ(task, thread_pid));
}

static __always_inline __u32 ns_tgid(struct task_struct *task)
{
    return ns_number(BPF_CORE_READ(task, group_leader, thread_pid));
}

static __always_inline bool in_cgroup(void)
{
    __s32 level = cgroup_level;
    if (level >= 0) {
        return bpf_get_current_ancestor_cgroup_id(level) == cgroup_id;
    }
    for (int i = 0; i < MAX_CGROUP_LEVELS; i++) {
        __u64 id = bpf_get_current_ancestor_cgroup_id(i);
        if (id == 0) {
            return false;
        }
        if (id == cgroup_id) {
            cgroup_level = i;
            return true;
        }
    }
    return false;
}

// The filter every program starts with.
static __always_inline bool observed(void)
{
    if (!enabled) {
        return false;
    }
    if (mode == MODE_CGROUP) {
        return in_cgroup();
    }
    if (mode != MODE_PIDS) {
        return false;
    }
    __u32 tgid = bpf_get_current_pid_tgid() >> 32;
    if (bpf_map_lookup_elem(&followed, &tgid)) {
        return true;
    }
    if (pending_seeds == 0) {
        return false;
    }
    __u32 nspid = ns_tgid(bpf_get_current_task_btf());
    if (nspid == 0 || !bpf_map_lookup_elem(&seeds, &nspid)) {
        return false;
    }
    __u8 one = 1;
    bpf_map_update_elem(&followed, &tgid, &one, BPF_ANY);
    // Two threads of the seed may get here at once: only the one that removes it counts it.
    if (bpf_map_delete_elem(&seeds, &nspid) == 0) {
        __sync_fetch_and_add(&pending_seeds, -1);
    }
    return true;
}

// A process the loader said to ignore until its next successful execve.
static __always_inline bool is_gated(struct task_struct *task)
{
    if (gated_count == 0) {
        return false;
    }
    __u32 nspid = ns_tgid(task);
    return bpf_map_lookup_elem(&gated, &nspid) != NULL;
}

// @p full is a constant at every call: the verifier sees each event's size, and a small one is
// never written past DEROOT_EVENT_SMALL.
static __always_inline struct deroot_event *reserve(__u32 type, struct task_struct *task, const bool full)
{
    struct deroot_event *e = bpf_ringbuf_reserve(&events, full ? sizeof(*e) : DEROOT_EVENT_SMALL, 0);
    if (!e) {
        __sync_fetch_and_add(&lost, 1);
        return NULL;
    }
    __u64 id = bpf_get_current_pid_tgid();
    e->type = type;
    e->flags = 0;
    e->pid = ns_tgid(task);
    e->tid = ns_tid(task);
    e->gtid = (__u32)id;
    e->seq = 0;
    e->time_ns = bpf_ktime_get_ns();
    bpf_get_current_comm(e->comm, sizeof(e->comm));
    e->nr = -1;
    e->ret = 0;
    e->cap = -1;
    e->checks = 0;
    e->child_pid = 0;
    e->sock_family = -1;
    e->sock_type = -1;
    e->sock_protocol = -1;
    e->open_flags = 0;
    e->path_len = 0;
    e->addr_len = 0;
    return e;
}

static __always_inline void submit(struct deroot_event *e)
{
    bpf_ringbuf_submit(e, 0);
    __sync_fetch_and_add(&delivered, 1);
}

static __always_inline bool read_socket(struct task_struct *task, __u64 fd, struct deroot_event *e);

static __always_inline bool needs_full(const struct thread_state *st)
{
    return (st->flags & DEROOT_F_PATH) || st->addr_len > 0;
}

static __always_inline void copy_call(struct deroot_event *e, const struct thread_state *st, const bool full)
{
    e->nr = st->nr;
    e->seq = st->seq;
    e->checks = st->checks;
    e->open_flags = st->open_flags;
    for (int i = 0; i < 6; i++) {
        e->args[i] = st->args[i];
    }
    e->flags |= st->flags & DEROOT_F_EXITING;
    if (!full) {
        return;
    }
    e->flags |= st->flags & (DEROOT_F_TRUNCATED | DEROOT_F_PATH);
    if (st->flags & DEROOT_F_PATH) {
        e->path_len = st->path_len;
        __builtin_memcpy(e->path, st->path, DEROOT_PATH_MAX);
    }
    if (st->addr_len > 0) {
        e->addr_len = st->addr_len;
        __builtin_memcpy(e->addr, st->addr, DEROOT_ADDR_MAX);
    }
}

static __always_inline void emit_result(struct task_struct *task, const struct thread_state *st, __s64 ret,
                                        const bool full)
{
    struct deroot_event *e = reserve(DEROOT_EV_RESULT, task, full);
    if (!e) {
        return;
    }
    copy_call(e, st, full);
    e->ret = ret;
    if (st->kind == DEROOT_SC_BIND || (st->kind == DEROOT_SC_SEND && st->checks > 0)) {
        read_socket(task, st->args[0], e);
    }
    submit(e);
}

static __always_inline void emit_check(struct task_struct *task, struct thread_state *st, int cap, int ret,
                                       __u32 flags, const bool full)
{
    struct deroot_event *e = reserve(DEROOT_EV_CHECK, task, full);
    if (!e) {
        return;
    }
    e->cap = cap;
    e->ret = ret;
    e->flags |= flags;
    if (st) {
        st->checks++;
        copy_call(e, st, full);
    }
    submit(e);
}

// The socket behind descriptor @p fd of the current task, if it is one.
static __always_inline bool read_socket(struct task_struct *task, __u64 fd, struct deroot_event *e)
{
    struct fdtable *fdt = BPF_CORE_READ(task, files, fdt);
    if (!fdt || fd >= BPF_CORE_READ(fdt, max_fds)) {
        return false;
    }
    struct file **fds = BPF_CORE_READ(fdt, fd);
    struct file *file = NULL;
    if (bpf_core_read(&file, sizeof(file), &fds[fd]) || !file) {
        return false;
    }
    umode_t mode = BPF_CORE_READ(file, f_inode, i_mode);
    if ((mode & S_IFMT) != S_IFSOCK) {
        return false;
    }
    struct socket *sock = BPF_CORE_READ(file, private_data);
    if (!sock) {
        return false;
    }
    struct sock *sk = BPF_CORE_READ(sock, sk);
    e->sock_type = BPF_CORE_READ(sock, type);
    if (sk) {
        e->sock_family = BPF_CORE_READ(sk, __sk_common.skc_family);
        e->sock_protocol = BPF_CORE_READ(sk, sk_protocol);
    }
    e->flags |= DEROOT_F_SOCKET;
    return true;
}

static __always_inline void read_path(struct thread_state *st, __u64 pointer)
{
    long n = bpf_probe_read_user_str(st->path, sizeof(st->path), (const void *)pointer);
    if (n <= 0) {
        return;
    }
    st->path_len = n - 1;
    st->flags |= DEROOT_F_PATH;
    if (n == sizeof(st->path)) {
        st->flags |= DEROOT_F_TRUNCATED; // or exactly 255 bytes long: unusable either way
    }
}

// The user registers the thread entered the kernel with (CO-RE: pt_regs as this kernel lays it out).
static __always_inline struct pt_regs *user_regs(struct task_struct *task)
{
    return (struct pt_regs *)bpf_task_pt_regs(task);
}

// The system call the thread is in, -1 when it is in none (a page fault, an interrupt, a signal's
// delivery between calls).
static __always_inline __s64 current_syscall(struct pt_regs *regs)
{
#if defined(__TARGET_ARCH_x86)
    // orig_ax is the call's number inside a call, but an exception's error code (a page fault's:
    // small numbers) outside one. The entry sets ax to -ENOSYS and only the return replaces it,
    // while an exception saves the user's own rax there: that tells them apart.
    if (BPF_CORE_READ(regs, ax) != (unsigned long)-ENOSYS) {
        return -1;
    }
    return (__s64)BPF_CORE_READ(regs, orig_ax);
#elif defined(__TARGET_ARCH_arm64)
    return (__s32)BPF_CORE_READ(regs, syscallno); // NO_SYSCALL (-1) outside a call
#else
#error "the eBPF recorder knows how to find the system call in progress on x86_64 and arm64 only"
#endif
}

// The call returning, at its exit: ax holds its return by then, orig_ax still its number.
static __always_inline __s64 exiting_syscall(struct pt_regs *regs)
{
#if defined(__TARGET_ARCH_x86)
    return (__s64)BPF_CORE_READ(regs, orig_ax);
#elif defined(__TARGET_ARCH_arm64)
    return (__s32)BPF_CORE_READ(regs, syscallno);
#endif
}

static __always_inline __u32 syscall_kind(__s64 nr)
{
    if (nr < 0 || nr >= DEROOT_SYSCALL_SLOTS) {
        return DEROOT_SC_NONE;
    }
    __u32 key = nr;
    __u32 *k = bpf_map_lookup_elem(&syscall_kinds, &key);
    return k ? *k : DEROOT_SC_NONE;
}

// A call's arguments and what its kind reads of them (path, address, groups) into @p st, from the
// saved user registers. The kernel does not change those during a call (the return goes to ax or
// x0, kept apart from arm64's orig_x0), so they read the same at a check and at the exit; only
// execve replaces them, which its entry program reads first.
static __always_inline void begin_call(struct thread_state *st, __s64 nr, __u32 kind, struct pt_regs *regs)
{
    st->nr = nr;
    st->seq++;
    st->checks = 0;
    st->flags = 0;
    st->open_flags = 0;
    st->path_len = 0;
    st->addr_len = 0;
    st->kind = kind;
    st->args[0] = PT_REGS_PARM1_CORE_SYSCALL(regs);
    st->args[1] = PT_REGS_PARM2_CORE_SYSCALL(regs);
    st->args[2] = PT_REGS_PARM3_CORE_SYSCALL(regs);
    st->args[3] = PT_REGS_PARM4_CORE_SYSCALL(regs);
    st->args[4] = PT_REGS_PARM5_CORE_SYSCALL(regs);
    st->args[5] = PT_REGS_PARM6_CORE_SYSCALL(regs);
}

static __always_inline void read_arguments(struct thread_state *st)
{
    switch (st->kind) {
    case DEROOT_SC_OPEN:
        read_path(st, st->args[0]);
        st->open_flags = st->args[1];
        break;
    case DEROOT_SC_OPENAT:
        read_path(st, st->args[1]);
        st->open_flags = st->args[2];
        break;
    case DEROOT_SC_OPENAT2: {
        read_path(st, st->args[1]);
        __u64 flags = 0;
        if (!bpf_probe_read_user(&flags, sizeof(flags), (const void *)st->args[2])) {
            st->open_flags = flags;
        }
        break;
    }
    case DEROOT_SC_CREAT:
        read_path(st, st->args[0]);
        st->open_flags = O_CREAT | O_WRONLY | O_TRUNC;
        break;
    case DEROOT_SC_EXECVE:
    case DEROOT_SC_CHROOT:
        read_path(st, st->args[0]);
        break;
    case DEROOT_SC_EXECVEAT:
        read_path(st, st->args[1]);
        break;
    case DEROOT_SC_BIND: {
        // 127 bytes at most (a sockaddr_un is 110), and a bound the verifier can see.
        __u64 len = st->args[2];
        if (len > DEROOT_ADDR_MAX - 1) {
            len = DEROOT_ADDR_MAX - 1;
        }
        len &= DEROOT_ADDR_MAX - 1;
        if (len > 0 && !bpf_probe_read_user(st->addr, len, (const void *)st->args[1])) {
            st->addr_len = len;
        }
        break;
    }
    case DEROOT_SC_EXIT:
        st->flags |= DEROOT_F_EXITING;
        break;
    case DEROOT_SC_SETGROUPS: {
        // The groups asked for, as many as fit (31): addr_len says how many bytes were read.
        __u64 len = (st->args[0] & 0xffff) * 4;
        if (len > DEROOT_ADDR_MAX - 4) {
            len = DEROOT_ADDR_MAX - 4;
        }
        len &= DEROOT_ADDR_MAX - 4;
        if (len > 0 && !bpf_probe_read_user(st->addr, len, (const void *)st->args[1])) {
            st->addr_len = len;
        }
        break;
    }
    default:
        break;
    }
}

// The thread's state, made on first use.
static __always_inline struct thread_state *thread_state(__u32 gtid)
{
    struct thread_state *st = bpf_map_lookup_elem(&threads, &gtid);
    if (st) {
        return st;
    }
    __u32 zero = 0;
    struct thread_state *init = bpf_map_lookup_elem(&zero_state, &zero);
    if (!init) {
        return NULL;
    }
    bpf_map_update_elem(&threads, &gtid, init, BPF_NOEXIST);
    return bpf_map_lookup_elem(&threads, &gtid);
}

// execve and execveat only: a successful exec replaces the memory the path lies in and clears the
// registers the arguments were in, so they are read as the call begins. Attached to
// syscalls:sys_enter_execve and sys_enter_execveat.
SEC("tracepoint")
int deroot_exec_enter(struct syscall_trace_enter *ctx)
{
    if (!observed()) {
        return 0;
    }
    // Tracked while gated too: the gate ends inside execve, whose exit is then reported.
    struct thread_state *st = thread_state((__u32)bpf_get_current_pid_tgid());
    if (!st) {
        return 0;
    }
    __s64 nr = ctx->nr;
    begin_call(st, nr, syscall_kind(nr), user_regs(bpf_get_current_task_btf()));
    read_arguments(st);
    return 0;
}

static __always_inline bool refused(__s64 ret)
{
    return ret == -EPERM || ret == -EACCES;
}

static __always_inline bool writes(__u64 open_flags)
{
    return open_flags & (O_WRONLY | O_RDWR | O_CREAT | O_TRUNC);
}

static __always_inline bool is_device(const char *path)
{
    return path[0] == '/' && path[1] == 'd' && path[2] == 'e' && path[3] == 'v' && path[4] == '/';
}

// Whether the user string at @p pointer starts with "/dev/": five bytes, not the whole path.
static __always_inline bool names_device(__u64 pointer)
{
    char prefix[5] = {};
    if (bpf_probe_read_user(prefix, sizeof(prefix), (const void *)pointer)) {
        return false;
    }
    return is_device(prefix);
}

// Every call's exit (raw: the kernel hands the program its arguments, not a record built for it,
// which costs a fraction of a classic tracepoint on a path every process of the machine takes).
// The thread's state exists only when a check (or execve's entry) began it; a call of a kind that
// is reported without one reads its arguments now.
SEC("raw_tracepoint/sys_exit")
int deroot_sys_exit(struct bpf_raw_tracepoint_args *ctx)
{
    if (!observed()) {
        return 0;
    }
    struct pt_regs *regs = (struct pt_regs *)ctx->args[0];
    __s64 ret = (__s64)ctx->args[1];
    __s64 nr = exiting_syscall(regs);
    __u32 gtid = (__u32)bpf_get_current_pid_tgid();
    struct thread_state *st = bpf_map_lookup_elem(&threads, &gtid);
    if (st && st->nr != nr) {
        st->nr = -1; // not this call's: begun where no exit came (a call that never returned)
    }
    bool began = st && st->nr >= 0;
    __u32 kind = began ? st->kind : syscall_kind(nr);
    bool report = began && st->checks > 0;
    struct task_struct *task = bpf_get_current_task_btf();
    switch (kind) {
    case DEROOT_SC_ALWAYS:
    case DEROOT_SC_SETGROUPS:
    case DEROOT_SC_BIND:
    case DEROOT_SC_CREAT:
    case DEROOT_SC_EXECVE:
    case DEROOT_SC_EXECVEAT:
    case DEROOT_SC_CHROOT:
        report = true;
        break;
    case DEROOT_SC_REFUSED:
        report = report || refused(ret);
        break;
    case DEROOT_SC_OPEN:
    case DEROOT_SC_OPENAT:
    case DEROOT_SC_OPENAT2:
        // What the aggregation reads: files written, devices, refusals (path fixes). Decided from
        // the flags and the path's first bytes before reading it whole.
        if (!report && !refused(ret)) {
            if (began) {
                report = writes(st->open_flags) || is_device(st->path);
            } else {
                __u64 path = kind == DEROOT_SC_OPEN ? PT_REGS_PARM1_CORE_SYSCALL(regs)
                                                    : PT_REGS_PARM2_CORE_SYSCALL(regs);
                __u64 flags = kind == DEROOT_SC_OPEN     ? PT_REGS_PARM2_CORE_SYSCALL(regs)
                              : kind == DEROOT_SC_OPENAT ? PT_REGS_PARM3_CORE_SYSCALL(regs)
                                                         : 0;
                if (kind == DEROOT_SC_OPENAT2) {
                    __u64 how = PT_REGS_PARM3_CORE_SYSCALL(regs);
                    if (bpf_probe_read_user(&flags, sizeof(flags), (const void *)how)) {
                        flags = 0;
                    }
                }
                report = writes(flags) || names_device(path);
            }
        } else {
            report = true;
        }
        break;
    default:
        break;
    }
    // A gated process (the observer's own child before its exec) is not recorded at all; its
    // execve's exit, after the exec cleared the gate, is.
    if (report && !is_gated(task)) {
        if (!began) {
            // Reported without a check: the call's state is read now, with no sequence number
            // (0) for a check to be paired with.
            __u32 zero = 0;
            st = bpf_map_lookup_elem(&scratch, &zero);
            if (!st) {
                return 0;
            }
            begin_call(st, nr, kind, regs);
            st->seq = 0;
            read_arguments(st);
        }
        if (needs_full(st)) {
            emit_result(task, st, ret, true);
        } else {
            emit_result(task, st, ret, false);
        }
        if (!began) {
            return 0;
        }
    }
    if (began) {
        st->nr = -1;
        st->checks = 0;
    }
    return 0;
}

SEC("tracepoint/capability/cap_capable")
int deroot_cap_capable(struct trace_event_raw_cap_capable *ctx)
{
    if (!observed()) {
        return 0;
    }
    struct task_struct *task = bpf_get_current_task_btf();
    if (is_gated(task)) {
        return 0;
    }
    // A check on credentials the kernel swapped in for the task's own (override_creds(): overlayfs
    // reading its trusted xattrs as its mounter, nfsd, coredumps) is the kernel's, not the agent's.
    const struct cred *cred = ctx->cred;
    const struct cred *subjective = BPF_CORE_READ(task, cred);
    if (cred == subjective && subjective != BPF_CORE_READ(task, real_cred)) {
        __sync_fetch_and_add(&overridden, 1);
        return 0;
    }
    bool accounting = false;
    if (ctx->cap == CAP_SYS_ADMIN && vm_accounting_start != 0) {
        __u64 stack[12];
        long size = bpf_get_stack(ctx, stack, sizeof(stack), 0);
        for (int i = 0; i < 12; i++) {
            if (i * 8 >= size) {
                break;
            }
            if (stack[i] >= vm_accounting_start && stack[i] < vm_accounting_end) {
                accounting = true;
                break;
            }
        }
    }
    __u32 flags = accounting ? DEROOT_F_VM_ACCOUNTING : 0;
    if (BPF_CORE_READ(task, flags) & PF_EXITING) {
        flags |= DEROOT_F_EXITING;
    }
    struct pt_regs *regs = user_regs(task);
    __s64 nr = current_syscall(regs);
    struct thread_state *st = NULL;
    if (nr >= 0) {
        st = thread_state((__u32)bpf_get_current_pid_tgid());
        // The call's first check begins its state; its exit ends it.
        if (st && st->nr != nr) {
            begin_call(st, nr, syscall_kind(nr), regs);
            read_arguments(st);
        }
    }
    // else between calls: a page fault, a signal's delivery
    if (st && needs_full(st)) {
        emit_check(task, st, ctx->cap, ctx->ret, flags, true);
    } else {
        emit_check(task, st, ctx->cap, ctx->ret, flags, false);
    }
    return 0;
}

// Raw: the classic tracepoint names the child by its global pid only, and a new thread looks
// like a new process there; the task pointers tell them apart.
SEC("raw_tracepoint/sched_process_fork")
int deroot_fork(struct bpf_raw_tracepoint_args *ctx)
{
    if (!observed()) {
        return 0;
    }
    struct task_struct *child = (struct task_struct *)ctx->args[1];
    __u32 child_tgid = BPF_CORE_READ(child, tgid);
    if (child_tgid != (__u32)BPF_CORE_READ(child, pid)) {
        return 0;
    }
    if (mode == MODE_PIDS) {
        __u8 one = 1;
        bpf_map_update_elem(&followed, &child_tgid, &one, BPF_ANY);
    }
    struct task_struct *task = bpf_get_current_task_btf();
    if (is_gated(task)) {
        return 0;
    }
    struct deroot_event *e = reserve(DEROOT_EV_FORK, task, false);
    if (!e) {
        return 0;
    }
    e->child_pid = ns_number(BPF_CORE_READ(child, thread_pid));
    submit(e);
    return 0;
}

SEC("tracepoint/sched/sched_process_exec")
int deroot_exec(void *ctx)
{
    if (!observed()) {
        return 0;
    }
    struct task_struct *task = bpf_get_current_task_btf();
    if (gated_count > 0) {
        __u32 nspid = ns_tgid(task);
        if (bpf_map_delete_elem(&gated, &nspid) == 0) {
            __sync_fetch_and_add(&gated_count, -1);
        }
    }
    struct deroot_event *e = reserve(DEROOT_EV_EXEC, task, false);
    if (e) {
        submit(e);
    }
    return 0;
}

SEC("tracepoint/sched/sched_process_exit")
int deroot_exit(void *ctx)
{
    if (!observed()) {
        return 0;
    }
    __u32 gtid = (__u32)bpf_get_current_pid_tgid();
    bpf_map_delete_elem(&threads, &gtid);
    struct task_struct *task = bpf_get_current_task_btf();
    if (BPF_CORE_READ(task, signal, live.counter) != 0 || is_gated(task)) {
        return 0;
    }
    struct deroot_event *e = reserve(DEROOT_EV_EXIT, task, false);
    if (e) {
        e->flags |= DEROOT_F_GROUP_DEAD | DEROOT_F_EXITING;
        submit(e);
    }
    return 0;
}
