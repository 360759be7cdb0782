// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// What observer.bpf.c hands to BpfRecorder through its ring buffer and maps: one layout, included
// by the BPF program (after vmlinux.h) and by the C++ loader (after <linux/types.h>). Plain C.
#pragma once

#define DEROOT_PATH_MAX 256 // a longer path arrives cut short, flagged truncated
#define DEROOT_ADDR_MAX 128 // sizeof(struct sockaddr_un) is 110; a power of two, for the verifier's bound
#define DEROOT_SYSCALL_SLOTS 1024

enum deroot_event_type {
    DEROOT_EV_CHECK = 1,  // cap_capable
    DEROOT_EV_RESULT = 2, // a system call of interest returned
    DEROOT_EV_FORK = 3,   // a new process (not a thread): child_pid
    DEROOT_EV_EXEC = 4,   // a successful execve
    DEROOT_EV_EXIT = 5,   // the last thread of a process exited
};

// What the loader says of a syscall number (the syscall_kinds map): how to read its arguments at
// entry and when to report its exit.
enum deroot_syscall_kind {
    DEROOT_SC_NONE = 0,  // reported only when a capability check happened during it
    DEROOT_SC_ALWAYS,    // always reported: socket, set*id, the time, perf, bpf, ptrace, nice calls
    DEROOT_SC_REFUSED,   // reported when refused (EPERM/EACCES) or checked: ioctl, setsockopt
    DEROOT_SC_SEND,      // a send: when checked, the socket's family/type/protocol are read
    DEROOT_SC_BIND,      // bind(fd, addr, len): the address read at entry, the socket's type
    DEROOT_SC_OPEN,      // open(path, flags)
    DEROOT_SC_OPENAT,    // openat(dirfd, path, flags)
    DEROOT_SC_OPENAT2,   // openat2(dirfd, path, how)
    DEROOT_SC_CREAT,     // creat(path, mode): write
    DEROOT_SC_EXECVE,    // execve(path, ...): execute
    DEROOT_SC_EXECVEAT,  // execveat(dirfd, path, ...): execute
    DEROOT_SC_CHROOT,    // chroot(path)
    DEROOT_SC_EXIT,      // exit, exit_group: teardown
    DEROOT_SC_SETGROUPS, // setgroups(size, list): always reported; the first 31 groups read into addr
};

#define DEROOT_F_EXITING 0x1   // the thread was exiting (PF_EXITING) or in exit/exit_group
#define DEROOT_F_TRUNCATED 0x2 // path did not fit
#define DEROOT_F_SOCKET 0x4    // sock_family/type/protocol were read from the call's descriptor
#define DEROOT_F_PATH 0x8      // path holds the call's path argument
#define DEROOT_F_GROUP_DEAD 0x10
#define DEROOT_F_VM_ACCOUNTING 0x20 // the check was asked by cap_vm_enough_memory (kernel stack)

struct deroot_event
{
    __u32 type;
    __u32 flags;
    __u32 pid;     // thread group id in the observer's PID namespace (0: not visible there)
    __u32 tid;     // thread id there
    __u32 gtid;    // the kernel's global thread id: what call sequences are keyed by
    __u32 seq;     // the thread's call number: a check and its call's result share it
    __u64 time_ns; // CLOCK_MONOTONIC (bpf_ktime_get_ns)
    char comm[16];
    __s64 nr;  // the syscall in progress (check) or returning (result); -1 when none
    __s64 ret; // result: the return value; check: cap_capable's ret (0 = granted)
    __u64 args[6];
    __s32 cap;
    __u32 checks;    // result: capability checks during the call
    __u32 child_pid; // fork: the child's pid in the observer's namespace
    __s32 sock_family;
    __s32 sock_type;
    __s32 sock_protocol;
    __u64 open_flags; // the O_* flags of an open call
    __u32 path_len;
    __u32 addr_len;
    // Only in a full event: what comes before is all a check or result without a path or an
    // address carries, so those take a third of the ring buffer's room.
    __u8 addr[DEROOT_ADDR_MAX];
    char path[DEROOT_PATH_MAX];
};

#define DEROOT_EVENT_SMALL __builtin_offsetof(struct deroot_event, addr)
