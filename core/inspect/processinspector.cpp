// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/inspect/processinspector.h"

#include "core/base/text.h"
#include "core/base/uniquefd.h"
#include "core/inspect/accounts.h"
#include "core/inspect/procdir.h"
#include "core/inspect/processfindings.h"
#include "core/inspect/processsockets.h"
#include "core/inspect/systemfacts.h"
#include "core/model/capabilities.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QSet>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>
#include <utility>

using namespace Qt::StringLiterals;

namespace Deroot::Core {

namespace {

ProcessIds ids(const std::uint32_t (&ids)[4])
{
    return {qint64(ids[0]), qint64(ids[1]), qint64(ids[2]), qint64(ids[3])};
}

QString modeText(mode_t mode)
{
    return u"%1"_s.arg(uint(mode & 07777), 4, 8, QChar(u'0'));
}

QString fileType(mode_t mode)
{
    if (S_ISREG(mode)) {
        return u"file"_s;
    }
    if (S_ISDIR(mode)) {
        return u"directory"_s;
    }
    if (S_ISCHR(mode)) {
        return u"character-device"_s;
    }
    if (S_ISBLK(mode)) {
        return u"block-device"_s;
    }
    return u"other"_s;
}

// The kernel's own character devices that give the whole machine away (mem(4), port).
bool isRootEquivalentDevice(const QString &path)
{
    return path == u"/dev/mem" || path == u"/dev/kmem" || path == u"/dev/port";
}

class ProcessInspection final
{
public:
    ProcessInspection(const Proc::PidDir &dir, const ProcessIdentity &identity, const InspectEnvironment &environment)
        : m_dir(dir)
        , m_identity(identity)
        , m_environment(environment)
    {}

    std::optional<Error> run();
    InspectionReport take() { return std::move(m_report); }

private:
    std::optional<Error> readFds();
    void describeIdentity();
    void addOpenFile(int fdNumber, const QByteArray &link, const struct stat &st, int flags);

    const Proc::PidDir &m_dir;
    const ProcessIdentity &m_identity;
    const InspectEnvironment &m_environment;
    InspectionReport m_report;
    ProcessSection m_process;
    QHash<std::uint64_t, int> m_socketFds; ///< socket inode -> the lowest fd holding it
};

QString pidLabel(int pid)
{
    return u"PID "_s + QString::number(pid);
}

std::optional<Error> ProcessInspection::run()
{
    m_report.target = QJsonObject{{u"kind"_s, u"process"_s}, {u"pid"_s, m_identity.pid}};
    describeIdentity();
    if (auto error = readFds()) {
        return error;
    }
    if (auto error =
            readProcessSockets(m_dir, m_socketFds, m_environment, pidLabel(m_identity.pid), m_report, m_process)) {
        return error;
    }
    m_report.process = m_process;
    return std::nullopt;
}

void ProcessInspection::describeIdentity()
{
    const ProcessIdentity &id = m_identity;
    const Proc::Status &status = id.status;
    m_process.pid = id.pid;
    m_process.name = id.stat.comm;
    m_process.state = QLatin1Char(id.stat.state);
    m_process.startTimeTicks = id.stat.startTime;
    m_process.executable = id.executable;
    m_process.executableDeleted = id.executableDeleted;
    m_process.commandLine = id.commandLine;
    m_process.uid = ids(status.uid);
    m_process.user = userName(status.uid[0]);
    m_process.effectiveUser = userName(status.uid[1]);
    m_process.gid = ids(status.gid);
    m_process.group = groupName(status.gid[0]);
    for (const std::uint32_t gid : status.groups) {
        const QString name = groupName(gid);
        m_process.groups.append({qint64(gid), name, isRootEquivalentGroup(name)});
    }
    m_process.capabilities = {status.capInh, status.capPrm, status.capEff, status.capBnd, status.capAmb};
    m_process.noNewPrivs = status.noNewPrivs;
    static const QString kSeccomp[] = {u"disabled"_s, u"strict"_s, u"filter"_s};
    m_process.seccomp = status.seccomp ? kSeccomp[*status.seccomp] : QString();
    m_process.cgroup = id.cgroup.path;
    m_process.unit = id.cgroup.unit;
    m_process.unitManager = id.cgroup.unit.isEmpty() ? QString() : (id.cgroup.userManager ? u"user"_s : u"system"_s);
    m_report.findings.append(processFindings(id, groupName));
}

std::optional<Error> ProcessInspection::readFds()
{
    UniqueFd fdDir(::openat(m_dir.fd(), "fd", O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (fdDir.get() < 0) {
        return m_dir.readError("fd", errno);
    }
    UniqueFd fdinfoDir(::openat(m_dir.fd(), "fdinfo", O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    const int listFd = ::dup(fdDir.get());
    if (listFd < 0) {
        return m_dir.readError("fd", errno);
    }
    std::unique_ptr<DIR, int (*)(DIR *)> list(::fdopendir(listFd), &::closedir);
    if (!list) {
        ::close(listFd);
        return m_dir.readError("fd", errno);
    }
    QList<int> numbers;
    errno = 0;
    while (const dirent *entry = ::readdir(list.get())) {
        if (const auto number = Proc::parsePid(QString::fromLatin1(entry->d_name));
            number || qstrcmp(entry->d_name, "0") == 0) {
            numbers.append(number.value_or(0));
        }
    }
    if (errno != 0) {
        return m_dir.readError("fd", errno);
    }
    std::sort(numbers.begin(), numbers.end());
    for (const int number : numbers) {
        const QByteArray name = QByteArray::number(number);
        const Proc::FileRead link = Proc::readLinkAt(fdDir.get(), name.constData());
        if (link.error != 0) {
            continue; // closed meanwhile: the process keeps running, only this descriptor is gone
        }
        if (const auto inode = Proc::socketInode(link.data)) {
            if (!m_socketFds.contains(*inode)) {
                m_socketFds.insert(*inode, number);
            }
            continue;
        }
        if (!link.data.startsWith('/') || link.data.startsWith("/memfd:")) {
            continue; // pipes, anonymous inodes, memfds: nothing on disk to grant
        }
        struct stat st{};
        if (::fstatat(fdDir.get(), name.constData(), &st, 0) != 0) {
            continue;
        }
        std::optional<int> flags;
        if (fdinfoDir.get() >= 0) {
            const Proc::FileRead info = Proc::readAt(fdinfoDir.get(), name.constData());
            if (info.error == 0) {
                flags = Proc::fdinfoFlags(info.data);
            }
        }
        addOpenFile(number, link.data, st, flags.value_or(O_RDONLY));
    }
    return std::nullopt;
}

// An open file is a need when an ordinary user could not open it that way: "others" lack the
// permission bit for the access mode the descriptor has. Files anyone may use (/dev/null, shared
// libraries) say nothing about privilege.
void ProcessInspection::addOpenFile(int fdNumber, const QByteArray &link, const struct stat &st, int flags)
{
    QByteArray pathBytes = link;
    const bool deleted = pathBytes.endsWith(" (deleted)");
    if (deleted) {
        pathBytes.chop(10);
    }
    const QString path = QString::fromLocal8Bit(pathBytes);
    const int access = flags & O_ACCMODE;
    const bool reads = access == O_RDONLY || access == O_RDWR;
    const bool writes = access == O_WRONLY || access == O_RDWR;
    const bool othersRead = (st.st_mode & S_IROTH) != 0;
    const bool othersWrite = (st.st_mode & S_IWOTH) != 0;
    const bool needsRead = reads && !othersRead;
    const bool needsWrite = writes && !othersWrite;
    if (!needsRead && !needsWrite) {
        return;
    }
    const QString accessText = reads && writes ? u"read-write"_s : (writes ? u"write"_s : u"read"_s);
    const QString owner = userName(st.st_uid);
    const QString group = groupName(st.st_gid);
    const QString ownership = (owner.isEmpty() ? QString::number(st.st_uid) : owner) + u':' +
                              (group.isEmpty() ? QString::number(st.st_gid) : group) + u' ' + modeText(st.st_mode);
    // A whole sentence per kind of access, so a translation can order it; the English one as before.
    const QString opened =
        reads && writes
            ? inspectText(QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "%1 has %2 open for read-write as fd %3 (%4)"))
            : (writes
                   ? inspectText(QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "%1 has %2 open for write as fd %3 (%4)"))
                   : inspectText(QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "%1 has %2 open for read as fd %3 (%4)")));
    const Reason reason{u"process"_s,
                        opened.arg(pidLabel(m_identity.pid), quoted(path), QString::number(fdNumber), ownership)};
    m_process.openFiles.append({fdNumber, path, deleted, accessText, fileType(st.st_mode), owner, group,
                                qint64(st.st_uid), qint64(st.st_gid), modeText(st.st_mode)});

    Needs &needs = m_report.needs;
    if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode)) {
        Needs::add(needs.devices, path, reason);
        if (S_ISBLK(st.st_mode) || isRootEquivalentDevice(path)) {
            m_report.addFinding(
                u"process.raw-device-open"_s, Severity::High,
                inspectText(QT_TRANSLATE_NOOP("Deroot::Core::Inspect",
                                              "%1 has %2 open: raw access to a disk or to memory amounts to root."))
                    .arg(pidLabel(m_identity.pid), quoted(path)),
                {reason.text});
        }
    } else {
        if (needsRead) {
            Needs::add(needs.readPaths, path, reason);
        }
        if (needsWrite) {
            Needs::add(needs.writePaths, path, reason);
        }
    }
    // A group that grants the access is the usual way to give it without a capability (adm and
    // systemd-journal for logs); root's own group grants nothing an ordinary user could join.
    const bool groupGrants =
        (!needsRead || (st.st_mode & S_IRGRP) != 0) && (!needsWrite || (st.st_mode & S_IWGRP) != 0);
    if (groupGrants && st.st_gid != 0 && !group.isEmpty()) {
        Needs::add(
            needs.groups, group,
            {u"process"_s,
             (reads && writes
                  ? inspectText(QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "group %1 may read-write %2 (%3)"))
                  : (writes ? inspectText(QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "group %1 may write %2 (%3)"))
                            : inspectText(QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "group %1 may read %2 (%3)"))))
                 .arg(group, quoted(path), ownership)},
            isRootEquivalentGroup(group));
    }
}

// The program the process runs, inspected as a file. Through the exe link when the file was
// deleted or replaced: the link still opens the file the process runs. A failure here does not fail
// the process's inspection: what the process does is evidence enough on its own.
void inspectExecutable(InspectionReport &report, const Proc::PidDir &dir, const ProcessIdentity &identity,
                       const InspectEnvironment &environment)
{
    if (identity.executable.isEmpty()) {
        return;
    }
    const QByteArray path = identity.executableDeleted
                                ? environment.procRoot + '/' + QByteArray::number(identity.pid) + "/exe"
                                : identity.executable.toLocal8Bit();
    const auto file = inspectFileEvidence(path, environment);
    if (!file) {
        report.addFinding(
            u"process.executable-not-inspected"_s, Severity::Info,
            inspectText(QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "The executable of %1 could not be inspected: %2"))
                .arg(pidLabel(dir.pid()), file.error().message),
            {u"exe -> "_s + identity.executable});
        return;
    }
    mergeReport(report, *file);
}

} // namespace

Result<InspectionReport> inspectProcess(int pid, const InspectEnvironment &environment)
{
    Result<InspectionReport> report = inspectProcessEvidence(pid, environment);
    if (report) {
        applyCatalog(report.value());
        addKernelContext(report.value(), environment);
    }
    return report;
}

Result<InspectionReport> inspectProcessEvidence(int pid, const InspectEnvironment &environment)
{
    if (pid < 1 || pid > Proc::kPidMaxLimit) {
        return readProcessIdentity(pid, environment).error();
    }
    const Proc::PidDir dir(pid, environment);
    if (dir.fd() < 0) {
        return Proc::openError(dir);
    }
    auto identity = readIdentity(dir);
    if (!identity) {
        return identity.error();
    }
    if (identity->executableUnreadable) {
        return dir.denied("executable");
    }
    ProcessInspection inspection(dir, *identity, environment);
    if (auto error = inspection.run()) {
        return *error;
    }
    if (auto error = checkUnchanged(dir, identity->stat)) {
        return *error;
    }
    InspectionReport report = inspection.take();
    inspectExecutable(report, dir, *identity, environment);
    return report;
}

} // namespace Deroot::Core
