// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/inspect/audit.h"

#include "core/base/deroot.h"
#include "core/base/text.h"
#include "core/inspect/accounts.h"
#include "core/inspect/auditrating.h"
#include "core/inspect/processinspector.h"
#include "core/model/capabilities.h"

#include <QJsonArray>
#include <QMap>
#include <QSet>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/xattr.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>

using namespace Qt::StringLiterals;

namespace Deroot::Core {

namespace {

using DirPtr = std::unique_ptr<DIR, int (*)(DIR *)>;

DirPtr openDir(const QByteArray &path, int *error)
{
    const int fd = ::open(path.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) {
        *error = errno;
        return {nullptr, &::closedir};
    }
    DIR *dir = ::fdopendir(fd);
    if (!dir) {
        *error = errno;
        ::close(fd);
    }
    return {dir, &::closedir};
}

QString userText(std::uint32_t uid)
{
    const QString name = userName(uid);
    return name.isEmpty() ? u"uid "_s + QString::number(uid) : name;
}

QString groupText(std::uint32_t gid)
{
    const QString name = groupName(gid);
    return name.isEmpty() ? u"gid "_s + QString::number(gid) : name;
}

QStringList rootEquivalent(std::uint64_t mask)
{
    QStringList names;
    for (const QString &name : capabilityNames(mask)) {
        const auto info = capabilityByName(name);
        if (info && info->risk == CapabilityRisk::RootEquivalent) {
            names.append(name);
        }
    }
    return names;
}

QString listed(const QStringList &names, qsizetype max = 4)
{
    if (names.size() <= max) {
        return names.join(u", "_s);
    }
    return auditText(QT_TRANSLATE_NOOP("Deroot::Core::Audit", "%1 and %2 more"))
        .arg(names.first(max).join(u", "_s), QString::number(names.size() - max));
}

// How the reader inspects the group: the command for derootctl's output, the audit window's
// button on the desktop.
enum class InspectHint { Command, Button };

QString processSuggestion(const AuditGroup &group, InspectHint hint)
{
    const QString &unit = group.kind == u"unit" ? group.key : QString();
    const bool pid1 =
        std::any_of(group.processes.cbegin(), group.processes.cend(), [](const AuditProcess &p) { return p.pid == 1; });
    if (privilegedByDesign(group.kind, group.key, pid1)) {
        return pid1 || unit == u"init.scope"
                   ? auditText(QT_TRANSLATE_NOOP("Deroot::Core::Audit",
                                                 "the service manager (PID 1): it must run as root; nothing to change"))
                   : auditText(QT_TRANSLATE_NOOP(
                         "Deroot::Core::Audit",
                         "part of systemd, privileged by design and already sandboxed by its unit; leave it as it is"));
    }
    if (unit.startsWith(u"session-") && unit.endsWith(u".scope")) {
        return auditText(QT_TRANSLATE_NOOP(
            "Deroot::Core::Audit",
            "a root login session: fine for an admin at work, not for an agent; agents belong in their own units"));
    }
    std::uint64_t eff = 0;
    std::uint64_t bnd = 0;
    bool root = false;
    QSet<QString> users;
    for (const AuditProcess &p : group.processes) {
        eff |= p.capEff;
        bnd |= p.capBnd;
        root = root || p.uid == 0 || p.euid == 0;
        users.insert(userText(p.euid));
    }
    const QString inspect =
        hint == InspectHint::Button
            ? auditText(QT_TRANSLATE_NOOP("Deroot::Core::Audit", "select it, then Open in the wizard"))
        : group.kind == u"unit" ? QString(u"derootctl inspect --unit "_s + unit)
                                : QString(u"derootctl inspect --pid "_s + QString::number(group.processes.first().pid));
    // Everything its bounding set allows: a container or test host may drop a few from every
    // process's bounding set, which leaves root's set no less complete.
    if (root && eff != 0 && eff == bnd) {
        return auditText(QT_TRANSLATE_NOOP(
                             "Deroot::Core::Audit",
                             "runs as root with full capabilities: inspect it (%1) and give it only what it needs"))
            .arg(inspect);
    }
    if (root && eff != 0) {
        return auditText(
                   QT_TRANSLATE_NOOP(
                       "Deroot::Core::Audit",
                       "runs as root with %1 capabilities (%2): run it as its own user with just these as ambient "
                       "capabilities (%3)"))
            .arg(capabilityNames(eff).size())
            .arg(listed(capabilityNames(eff)), inspect);
    }
    if (root) {
        return auditText(
                   QT_TRANSLATE_NOOP(
                       "Deroot::Core::Audit",
                       "runs as uid 0 without capabilities but still owns root's files: run it as its own user (%1)"))
            .arg(inspect);
    }
    QStringList userList = users.values();
    userList.sort();
    const QStringList dangerous = rootEquivalent(eff);
    if (!dangerous.isEmpty()) {
        return auditText(
                   QT_TRANSLATE_NOOP("Deroot::Core::Audit",
                                     "runs as %1 but holds root-equivalent %2: check that it really needs it (%3)"))
            .arg(userList.join(u", "_s), listed(dangerous), inspect);
    }
    return auditText(QT_TRANSLATE_NOOP("Deroot::Core::Audit",
                                       "runs as %1 with only %2: already de-rooted; keep its bounding set to these"))
        .arg(userList.join(u", "_s), listed(capabilityNames(eff)));
}

QString fileSuggestion(const AuditFile &file)
{
    if (isStandardSetIdProgram(file)) {
        // Not the set-uid advice below: it would tell passwd to keep itself only if it must be passwd.
        return auditText(QT_TRANSLATE_NOOP("Deroot::Core::Audit",
                                           "a standard set-uid or set-gid program of the system: "
                                           "its job needs it; leave it as its package set it"));
    }
    QStringList parts;
    if (file.capabilities) {
        const FileCapabilities &caps = *file.capabilities;
        const QStringList names = capabilityNames(caps.permitted | caps.inheritable);
        const QStringList dangerous = rootEquivalent(caps.permitted);
        if (caps.rootId) {
            parts.append(
                auditText(
                    QT_TRANSLATE_NOOP(
                        "Deroot::Core::Audit",
                        "namespaced capabilities %1 for root uid %2: they apply only in a user namespace whose root "
                        "is that uid; remove them if no container needs them"))
                    .arg(caps.text)
                    .arg(*caps.rootId));
        } else if (!dangerous.isEmpty()) {
            parts.append(
                auditText(QT_TRANSLATE_NOOP(
                              "Deroot::Core::Audit",
                              "file capabilities %1 give root-equivalent %2 to anyone who may run it: limit who may "
                              "execute it (group, mode 0750) or drop them"))
                    .arg(caps.text, listed(dangerous)));
        } else if (caps.permitted == 0 && caps.inheritable == 0) {
            parts.append(
                auditText(
                    QT_TRANSLATE_NOOP("Deroot::Core::Audit",
                                      "an empty capability set (%1): it grants nothing and pins the file unprivileged"))
                    .arg(caps.text));
        } else {
            parts.append(
                auditText(
                    QT_TRANSLATE_NOOP(
                        "Deroot::Core::Audit",
                        "file capabilities %1 for anyone who may run it; a package upgrade resets them unless the "
                        "package sets them"))
                    .arg(caps.text));
        }
    }
    if (file.mode & S_ISUID) {
        parts.append(file.uid == 0
                         ? auditText(QT_TRANSLATE_NOOP(
                               "Deroot::Core::Audit",
                               "set-uid root: anyone who may run it runs it as root; keep it only if it must "
                               "(passwd, su, sudo, mount)"))
                         : auditText(QT_TRANSLATE_NOOP("Deroot::Core::Audit", "set-uid %1: it runs with %1's rights"))
                               .arg(userText(file.uid)));
    }
    if (file.mode & S_ISGID) {
        parts.append(auditText(QT_TRANSLATE_NOOP("Deroot::Core::Audit", "set-gid %1: it runs with group %1's rights"))
                         .arg(groupText(file.gid)));
    }
    return parts.join(u"; "_s);
}

void scanDirectory(const QByteArray &directory, const QByteArray &shown, AuditReport &report)
{
    int error = 0;
    DirPtr dir = openDir(directory, &error);
    if (!dir) {
        if (error != ENOENT) {
            report.notes.append(auditText(QT_TRANSLATE_NOOP("Deroot::Core::Audit", "%1 could not be read: %2."))
                                    .arg(quoted(QString::fromLocal8Bit(shown)), errnoText(error)));
        }
        return;
    }
    const int dirFd = ::dirfd(dir.get());
    QList<QByteArray> names;
    while (const dirent *entry = ::readdir(dir.get())) {
        if (qstrcmp(entry->d_name, ".") != 0 && qstrcmp(entry->d_name, "..") != 0) {
            names.append(QByteArray(entry->d_name));
        }
    }
    std::sort(names.begin(), names.end());
    for (const QByteArray &name : names) {
        struct stat st{};
        if (::fstatat(dirFd, name.constData(), &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode)) {
            continue; // symlinks lead to files listed where they live; directories are not programs
        }
        const QByteArray path = directory + '/' + name;
        // One lgetxattr tells most files apart without opening them: the audit touches every
        // program, and opening each would cost three system calls instead of one.
        const bool setId = (st.st_mode & (S_ISUID | S_ISGID)) != 0;
        const bool hasCaps = ::lgetxattr(path.constData(), "security.capability", nullptr, 0) >= 0;
        if (!setId && !hasCaps) {
            continue;
        }
        AuditFile file;
        file.path = QString::fromLocal8Bit(shown + '/' + name);
        file.uid = st.st_uid;
        file.gid = st.st_gid;
        file.mode = st.st_mode & 07777;
        if (hasCaps) {
            // Read through a descriptor of the very file stat'ed: O_NOFOLLOW and O_NONBLOCK so a
            // file swapped for a symlink or a FIFO in between is refused rather than followed or
            // waited on. Unreadable (another user's 0711 program): ask by path, which needs no
            // read permission.
            FileCapabilitiesRead read;
            const int fd = ::openat(dirFd, name.constData(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
            if (fd >= 0) {
                struct stat again{};
                if (::fstat(fd, &again) == 0 && again.st_ino == st.st_ino && again.st_dev == st.st_dev) {
                    read = readFileCapabilities(fd);
                } else {
                    read.error = ESTALE;
                }
                ::close(fd);
            } else {
                read = readFileCapabilities(path);
            }
            if (read.error != 0) {
                report.notes.append(
                    auditText(QT_TRANSLATE_NOOP("Deroot::Core::Audit", "The capabilities of %1 could not be read: %2."))
                        .arg(quoted(file.path), errnoText(read.error)));
            }
            file.capabilities = read.capabilities;
        }
        if (!setId && !file.capabilities) {
            continue;
        }
        file.suggestion = fileSuggestion(file);
        report.files.append(file);
    }
}

void auditProcesses(const AuditOptions &options, AuditReport &report, const QList<int> &pids)
{
    const bool realProc = options.environment.procRoot == "/proc";
    const int self = int(::getpid());
    QMap<QString, AuditGroup> groups;
    int permissionDenied = 0;
    int unreadableExecutables = 0;
    for (const int pid : pids) {
        if (realProc && pid == self) {
            continue; // the audit itself: it runs as whoever asked, and is no agent
        }
        const auto identity = readProcessIdentity(pid, options.environment);
        if (!identity) {
            const Error &error = identity.error();
            if (error.code == ExitCode::BadTarget && error.message.contains(u"kernel thread"_s)) {
                ++report.kernelThreads;
            } else if (error.code == ExitCode::Permission) {
                ++permissionDenied;
            } else if (error.code != ExitCode::NotFound && error.code != ExitCode::Changed &&
                       !(error.code == ExitCode::BadTarget && error.message.contains(u"zombie"_s))) {
                report.notes.append(error.message); // a malformed /proc file: say so, go on
            }
            continue; // gone meanwhile, or a zombie: nothing runs there any more
        }
        ++report.processesSeen;
        const Proc::Status &status = identity->status;
        if (status.uid[0] != 0 && status.uid[1] != 0 && status.capEff == 0) {
            continue;
        }
        if (identity->executableUnreadable) {
            ++unreadableExecutables;
        }
        AuditProcess process;
        process.pid = pid;
        process.name = identity->stat.comm;
        process.executable = identity->executable;
        process.executableDeleted = identity->executableDeleted;
        process.uid = status.uid[0];
        process.euid = status.uid[1];
        process.capEff = status.capEff;
        process.capBnd = status.capBnd;
        process.capAmb = status.capAmb;
        process.noNewPrivs = status.noNewPrivs;
        process.unit = identity->cgroup.unit;
        process.userManager = identity->cgroup.userManager;

        AuditGroup group;
        if (!process.unit.isEmpty()) {
            group.kind = u"unit"_s;
            group.key = process.unit;
        } else if (!process.executable.isEmpty()) {
            group.kind = u"executable"_s;
            group.key = process.executable;
        } else {
            group.kind = u"process"_s;
            group.key = process.name;
        }
        // User-manager units of different users are different services with the same name.
        const QString mapKey = group.kind + u'\n' + (process.userManager ? u"user:"_s : QString()) + group.key +
                               (process.userManager ? u'\n' + QString::number(process.uid) : QString());
        auto it = groups.find(mapKey);
        if (it == groups.end()) {
            it = groups.insert(mapKey, group);
        }
        it->processes.append(process);
    }
    if (permissionDenied > 0) {
        report.notes.append(countedText("Deroot::Core::Audit",
                                        QT_TRANSLATE_N_NOOP("Deroot::Core::Audit",
                                                            "%n process(es) could not be read (permission denied); "
                                                            "run the audit as root to see them all."),
                                        permissionDenied));
    }
    if (unreadableExecutables > 0) {
        report.notes.append(
            countedText("Deroot::Core::Audit",
                        QT_TRANSLATE_N_NOOP("Deroot::Core::Audit",
                                            "The executables of %n listed process(es) could not be read (permission "
                                            "denied); they are grouped by unit or command name. Run the audit as root "
                                            "to see them."),
                        unreadableExecutables));
    }
    for (AuditGroup &group : groups) {
        group.suggestion = processSuggestion(group, InspectHint::Command);
        group.advice = processSuggestion(group, InspectHint::Button);
        report.processGroups.append(group);
    }
}

QJsonValue textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

} // namespace

bool privilegedByDesign(QStringView kind, QStringView key, bool hasPid1)
{
    if (hasPid1) {
        return true;
    }
    if (kind != u"unit") {
        return false;
    }
    return key == u"init.scope" || key.startsWith(u"systemd-") ||
           (key.startsWith(u"user@") && key.endsWith(u".service"));
}

QList<QByteArray> auditDirectories(const QByteArray &fileRoot)
{
    QList<QByteArray> candidates{"/usr/bin", "/usr/sbin", "/usr/libexec", "/usr/local/bin", "/usr/local/sbin"};
    int error = 0;
    if (DirPtr lib = openDir(fileRoot + "/usr/lib", &error)) {
        QList<QByteArray> subdirectories;
        while (const dirent *entry = ::readdir(lib.get())) {
            if (entry->d_name[0] == '.') {
                continue;
            }
            struct stat st{};
            if (::fstatat(::dirfd(lib.get()), entry->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISDIR(st.st_mode)) {
                subdirectories.append("/usr/lib/" + QByteArray(entry->d_name));
            }
        }
        std::sort(subdirectories.begin(), subdirectories.end());
        candidates += subdirectories;
    }
    // On merged-/usr systems /bin and /sbin are symlinks into /usr, already searched.
    for (const QByteArray &legacy : {QByteArray("/bin"), QByteArray("/sbin")}) {
        struct stat st{};
        if (::lstat(QByteArray(fileRoot + legacy).constData(), &st) == 0 && S_ISDIR(st.st_mode)) {
            candidates.append(legacy);
        }
    }
    // Each directory once, whatever names lead to it (/usr/sbin -> bin on some distributions).
    QList<QByteArray> directories;
    QSet<QPair<quint64, quint64>> seen;
    for (const QByteArray &candidate : candidates) {
        struct stat st{};
        if (::stat(QByteArray(fileRoot + candidate).constData(), &st) != 0 || !S_ISDIR(st.st_mode)) {
            continue;
        }
        if (!seen.contains({quint64(st.st_dev), quint64(st.st_ino)})) {
            seen.insert({quint64(st.st_dev), quint64(st.st_ino)});
            directories.append(candidate);
        }
    }
    return directories;
}

Result<AuditReport> audit(const AuditOptions &options)
{
    AuditReport report;
    int error = 0;
    DirPtr proc = openDir(options.environment.procRoot, &error);
    if (!proc) {
        return Error{ExitCode::Unavailable,
                     u"the process list cannot be read: opening %1 failed: %2"_s.arg(
                         quoted(QString::fromLocal8Bit(options.environment.procRoot)), errnoText(error))};
    }
    QList<int> pids;
    while (const dirent *entry = ::readdir(proc.get())) {
        if (const auto pid = Proc::parsePid(QString::fromLatin1(entry->d_name))) {
            pids.append(*pid);
        }
    }
    proc.reset();
    std::sort(pids.begin(), pids.end());
    auditProcesses(options, report, pids);

    for (const QByteArray &directory : auditDirectories(options.fileRoot)) {
        report.directories.append(QString::fromLocal8Bit(directory));
        scanDirectory(options.fileRoot + directory, directory, report);
    }
    return report;
}

QJsonObject toJson(const AuditReport &report)
{
    QJsonArray groups;
    int processCount = 0;
    int rootCount = 0;
    for (const AuditGroup &group : report.processGroups) {
        QJsonArray processes;
        std::uint64_t eff = 0;
        bool root = false;
        for (const AuditProcess &p : group.processes) {
            eff |= p.capEff;
            root = root || p.uid == 0 || p.euid == 0;
            processes.append(QJsonObject{
                {u"pid"_s, p.pid},
                {u"name"_s, p.name},
                {u"executable"_s, textOrNull(p.executable)},
                {u"executable_deleted"_s, p.executableDeleted},
                {u"uid"_s, qint64(p.uid)},
                {u"euid"_s, qint64(p.euid)},
                {u"user"_s, textOrNull(userName(p.uid))},
                {u"effective_user"_s, textOrNull(userName(p.euid))},
                {u"capabilities_effective"_s, QJsonArray::fromStringList(capabilityNames(p.capEff))},
                {u"capabilities_ambient"_s, QJsonArray::fromStringList(capabilityNames(p.capAmb))},
                {u"capability_masks"_s, QJsonObject{{u"effective"_s, capabilityMaskHex(p.capEff)},
                                                    {u"bounding"_s, capabilityMaskHex(p.capBnd)},
                                                    {u"ambient"_s, capabilityMaskHex(p.capAmb)}}},
                {u"no_new_privs"_s, p.noNewPrivs ? QJsonValue(*p.noNewPrivs) : QJsonValue()},
                {u"unit"_s, textOrNull(p.unit)},
            });
        }
        processCount += int(group.processes.size());
        rootCount += root ? 1 : 0;
        const bool userManager = !group.processes.isEmpty() && group.processes.first().userManager;
        const AuditRating rating = rateAuditGroup(group);
        groups.append(QJsonObject{
            {u"kind"_s, group.kind},
            {u"key"_s, group.key},
            {u"unit"_s, group.kind == u"unit" ? QJsonValue(group.key) : QJsonValue()},
            {u"unit_manager"_s,
             group.kind == u"unit" ? QJsonValue(userManager ? u"user"_s : u"system"_s) : QJsonValue()},
            {u"runs_as_root"_s, root},
            {u"capabilities_effective"_s, QJsonArray::fromStringList(capabilityNames(eff))},
            {u"root_equivalent_capabilities"_s, QJsonArray::fromStringList(rootEquivalent(eff))},
            {u"suggestion"_s, group.suggestion},
            {u"severity"_s, severityId(rating.severity)},
            {u"expected"_s, textOrNull(auditExpectedId(rating.expected))},
            {u"processes"_s, processes},
        });
    }
    QJsonArray files;
    for (const AuditFile &file : report.files) {
        QJsonValue caps;
        if (file.capabilities) {
            const FileCapabilities &c = *file.capabilities;
            caps = QJsonObject{{u"text"_s, c.text},
                               {u"permitted"_s, QJsonArray::fromStringList(capabilityNames(c.permitted))},
                               {u"inheritable"_s, QJsonArray::fromStringList(capabilityNames(c.inheritable))},
                               {u"effective"_s, c.effective},
                               {u"root_uid"_s, c.rootId ? QJsonValue(qint64(*c.rootId)) : QJsonValue()}};
        }
        const AuditRating rating = rateAuditFile(file);
        files.append(QJsonObject{
            {u"path"_s, file.path},
            {u"uid"_s, qint64(file.uid)},
            {u"gid"_s, qint64(file.gid)},
            {u"owner"_s, textOrNull(userName(file.uid))},
            {u"group"_s, textOrNull(groupName(file.gid))},
            {u"mode"_s, u"%1"_s.arg(file.mode, 4, 8, QChar(u'0'))},
            {u"setuid"_s, (file.mode & S_ISUID) != 0},
            {u"setgid"_s, (file.mode & S_ISGID) != 0},
            {u"capabilities"_s, caps},
            {u"suggestion"_s, file.suggestion},
            {u"severity"_s, severityId(rating.severity)},
            {u"expected"_s, textOrNull(auditExpectedId(rating.expected))},
        });
    }
    return QJsonObject{
        {u"schema"_s, QString::fromLatin1(kAuditSchema)},
        {u"deroot_version"_s, version()},
        {u"summary"_s, QJsonObject{{u"processes_seen"_s, report.processesSeen},
                                   {u"kernel_threads_skipped"_s, report.kernelThreads},
                                   {u"privileged_processes"_s, processCount},
                                   {u"groups"_s, int(report.processGroups.size())},
                                   {u"groups_running_as_root"_s, rootCount},
                                   {u"files"_s, int(report.files.size())}}},
        {u"processes"_s, groups},
        {u"files"_s, files},
        {u"directories"_s, QJsonArray::fromStringList(report.directories)},
        {u"notes"_s, QJsonArray::fromStringList(report.notes)},
    };
}

QString toText(const AuditReport &report)
{
    QString out;
    int processes = 0;
    for (const AuditGroup &group : report.processGroups) {
        processes += int(group.processes.size());
    }
    out +=
        u"Processes running as root or holding capabilities: %1 in %2 groups (of %3 processes seen)\n"_s.arg(processes)
            .arg(report.processGroups.size())
            .arg(report.processesSeen);
    for (const AuditGroup &group : report.processGroups) {
        QStringList pids;
        QSet<QString> users;
        std::uint64_t eff = 0;
        for (const AuditProcess &p : group.processes) {
            pids.append(QString::number(p.pid));
            users.insert(userText(p.euid));
            eff |= p.capEff;
        }
        QStringList userList = users.values();
        userList.sort();
        const int capCount = int(capabilityNames(eff).size());
        const QString caps = capCount == 0                          ? u"no capabilities"_s
                             : capCount >= capabilityTable().size() ? u"all capabilities"_s
                                                                    : listed(capabilityNames(eff));
        out += u"  %1 %2: %3; %4; PID %5\n"_s.arg(group.kind, quoted(group.key), userList.join(u", "_s), caps,
                                                  listed(pids, 6));
        out += u"      -> "_s + group.suggestion + u'\n';
    }
    out += u"\nFiles with set-uid, set-gid or file capabilities: %1 (in %2 directories)\n"_s.arg(report.files.size())
               .arg(report.directories.size());
    for (const AuditFile &file : report.files) {
        QStringList marks;
        if (file.mode & S_ISUID) {
            marks.append(u"set-uid "_s + userText(file.uid));
        }
        if (file.mode & S_ISGID) {
            marks.append(u"set-gid "_s + groupText(file.gid));
        }
        if (file.capabilities) {
            marks.append(file.capabilities->text);
        }
        out += u"  %1: %2\n      -> %3\n"_s.arg(quoted(file.path), marks.join(u", "_s), file.suggestion);
    }
    if (!report.notes.isEmpty()) {
        out += u"\nNotes\n"_s;
        for (const QString &note : report.notes) {
            out += u"  "_s + note + u'\n';
        }
    }
    return out;
}

} // namespace Deroot::Core
