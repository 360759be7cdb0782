// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/fleet/fleet.h"

#include "core/base/text.h"
#include "core/inspect/audit.h"
#include "core/inspect/today.h"
#include "core/model/capabilities.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QScopeGuard>
#include <QSet>
#include <QThread>
#include <QThreadPool>
#include <QTimeZone>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cmath>
#include <memory>

using namespace Qt::StringLiterals;

namespace Deroot::Core {

namespace {

/// A field of the wrong shape: where it is (a JSON path) and what was expected there.
struct Shape
{
    QString where;
    QString expected;
};

class Reader final
{
public:
    bool failed() const { return m_failure.has_value(); }
    const Shape &failure() const { return *m_failure; }

    QJsonValue field(const QJsonObject &object, const QString &where, const QString &name)
    {
        const auto it = object.constFind(name);
        if (it == object.constEnd()) {
            fail(where + u'.' + name, u"a field that is missing"_s);
            return {};
        }
        return *it;
    }
    QString string(const QJsonObject &object, const QString &where, const QString &name, bool nullable = false)
    {
        const QJsonValue value = field(object, where, name);
        if (nullable && value.isNull()) {
            return {};
        }
        if (!value.isString()) {
            fail(where + u'.' + name, nullable ? u"a string or null"_s : u"a string"_s);
            return {};
        }
        return value.toString();
    }
    bool boolean(const QJsonObject &object, const QString &where, const QString &name)
    {
        const QJsonValue value = field(object, where, name);
        if (!value.isBool()) {
            fail(where + u'.' + name, u"true or false"_s);
            return false;
        }
        return value.toBool();
    }
    qint64 integer(const QJsonObject &object, const QString &where, const QString &name, qint64 minimum, qint64 maximum)
    {
        const QJsonValue value = field(object, where, name);
        const double number = value.toDouble(std::nan(""));
        if (!value.isDouble() || !std::isfinite(number) || number != std::floor(number) || number < double(minimum) ||
            number > double(maximum)) {
            fail(where + u'.' + name, u"a whole number from %1 to %2"_s.arg(minimum).arg(maximum));
            return minimum;
        }
        return qint64(number);
    }
    QJsonObject object(const QJsonValue &value, const QString &where)
    {
        if (!value.isObject()) {
            fail(where, u"an object"_s);
            return {};
        }
        return value.toObject();
    }
    QJsonArray array(const QJsonObject &object, const QString &where, const QString &name)
    {
        const QJsonValue value = field(object, where, name);
        if (!value.isArray()) {
            fail(where + u'.' + name, u"an array"_s);
            return {};
        }
        return value.toArray();
    }
    QStringList strings(const QJsonObject &object, const QString &where, const QString &name)
    {
        QStringList list;
        const QJsonArray values = array(object, where, name);
        for (qsizetype i = 0; i < values.size() && !failed(); ++i) {
            if (!values.at(i).isString()) {
                fail(u"%1.%2[%3]"_s.arg(where, name).arg(i), u"a string"_s);
            }
            list.append(values.at(i).toString());
        }
        return list;
    }
    /// A capability mask as /proc writes it: 16 hex digits.
    std::uint64_t mask(const QJsonObject &object, const QString &where, const QString &name)
    {
        const QString text = string(object, where, name);
        bool ok = text.size() == 16;
        const std::uint64_t value = ok ? text.toULongLong(&ok, 16) : 0;
        if (!ok && !failed()) {
            fail(where + u'.' + name, u"16 hexadecimal digits"_s);
        }
        return value;
    }
    /// Capability names as the audit writes them ("CAP_NET_RAW"; "cap_N" for a bit the writer did
    /// not know), into a mask of the ones Deroot knows.
    std::uint64_t capabilityMask(const QStringList &names, const QString &where)
    {
        std::uint64_t value = 0;
        for (const QString &name : names) {
            if (const auto info = capabilityByName(name)) {
                value |= std::uint64_t(1) << info->number;
            } else if (!name.startsWith(u"cap_"_s) && !failed()) {
                fail(where, u"capability names (CAP_...)"_s);
            }
        }
        return value;
    }
    void fail(const QString &where, const QString &expected)
    {
        if (!m_failure) {
            m_failure = Shape{where, expected};
        }
    }

private:
    std::optional<Shape> m_failure;
};

std::uint64_t everyKnownCapability()
{
    static const std::uint64_t mask = [] {
        std::uint64_t value = 0;
        for (const CapabilityInfo &info : capabilityTable()) {
            value |= std::uint64_t(1) << info.number;
        }
        return value;
    }();
    return mask;
}

/// The capabilities Deroot rates root-equivalent, as a mask: a row's are named from it, without a
/// look-up by name per capability (a fleet has tens of thousands of rows).
std::uint64_t rootEquivalentMask()
{
    static const std::uint64_t mask = [] {
        std::uint64_t value = 0;
        for (const CapabilityInfo &info : capabilityTable()) {
            if (info.risk == CapabilityRisk::RootEquivalent) {
                value |= std::uint64_t(1) << info.number;
            }
        }
        return value;
    }();
    return mask;
}

FleetEntry readGroup(Reader &reader, const QJsonObject &group, const QString &where, const QString &host)
{
    static const QSet<QString> kinds{u"unit"_s, u"executable"_s, u"process"_s};
    FleetEntry entry;
    entry.host = host;
    entry.kind = reader.string(group, where, u"kind"_s);
    if (!reader.failed() && !kinds.contains(entry.kind)) {
        reader.fail(where + u".kind"_s, u"unit, executable or process"_s);
    }
    entry.key = reader.string(group, where, u"key"_s);
    entry.userManager = reader.string(group, where, u"unit_manager"_s, true) == u"user";
    entry.suggestion = reader.string(group, where, u"suggestion"_s);
    const QJsonArray processes = reader.array(group, where, u"processes"_s);
    if (!reader.failed() && processes.isEmpty()) {
        reader.fail(where + u".processes"_s, u"at least one process"_s);
    }
    // What the score stands on, measured there: the uids and the capability masks of each process.
    Today today;
    today.basis = TodayBasis::MeasuredProcess;
    std::uint64_t effective = 0;
    std::uint64_t bounding = 0;
    std::uint64_t ambient = 0;
    bool pid1 = false;
    for (qsizetype i = 0; i < processes.size() && !reader.failed(); ++i) {
        const QString at = u"%1.processes[%2]"_s.arg(where).arg(i);
        const QJsonObject process = reader.object(processes.at(i), at);
        if (reader.failed()) {
            break;
        }
        const int pid = int(reader.integer(process, at, u"pid"_s, 1, 0x7fffffff));
        const qint64 uid = reader.integer(process, at, u"uid"_s, 0, 0xffffffffLL);
        const qint64 euid = reader.integer(process, at, u"euid"_s, 0, 0xffffffffLL);
        const QString executable = reader.string(process, at, u"executable"_s, true);
        QString user = reader.string(process, at, u"effective_user"_s, true);
        const QJsonObject masks =
            reader.object(reader.field(process, at, u"capability_masks"_s), at + u".capability_masks"_s);
        if (reader.failed()) {
            break;
        }
        effective |= reader.mask(masks, at + u".capability_masks"_s, u"effective"_s);
        bounding |= reader.mask(masks, at + u".capability_masks"_s, u"bounding"_s);
        ambient |= reader.mask(masks, at + u".capability_masks"_s, u"ambient"_s);
        pid1 = pid1 || pid == 1;
        entry.pids.append(pid);
        entry.runsAsRoot = entry.runsAsRoot || uid == 0 || euid == 0;
        if (user.isEmpty()) {
            user = u"uid %1"_s.arg(euid);
        }
        if (!entry.users.contains(user)) {
            entry.users.append(user);
        }
        if (entry.executable.isEmpty()) {
            entry.executable = executable;
        }
    }
    const std::uint64_t every = everyKnownCapability();
    if (entry.runsAsRoot) {
        // Root gets its whole bounding set back at its next execve, as an inspection counts it.
        today.root = true;
        today.rootBy = u"process"_s;
        today.capabilities = (bounding | effective) & every;
    } else {
        // The audit does not carry the permitted set; the ambient one is within it.
        today.capabilities = (effective | ambient) & every;
        today.user = entry.users.join(u", "_s);
    }
    today.allCapabilities = (today.capabilities & every) == every;
    entry.capabilities = capabilityNames(effective);
    entry.rootEquivalent = capabilityNames(effective & rootEquivalentMask());
    entry.byDesign = privilegedByDesign(entry.kind, entry.key, pid1);
    entry.privilege = privilegeOf(today);
    return entry;
}

FleetEntry readFile(Reader &reader, const QJsonObject &file, const QString &where, const QString &host)
{
    FleetEntry entry;
    entry.host = host;
    entry.kind = u"file"_s;
    entry.key = reader.string(file, where, u"path"_s);
    if (!reader.failed() && !entry.key.startsWith(u'/')) {
        reader.fail(where + u".path"_s, u"an absolute path"_s);
    }
    const qint64 uid = reader.integer(file, where, u"uid"_s, 0, 0xffffffffLL);
    const qint64 gid = reader.integer(file, where, u"gid"_s, 0, 0xffffffffLL);
    const QString owner = reader.string(file, where, u"owner"_s, true);
    const QString group = reader.string(file, where, u"group"_s, true);
    entry.mode = reader.string(file, where, u"mode"_s);
    bool octal = entry.mode.size() == 4;
    entry.mode.toUInt(&octal, 8);
    if (!reader.failed() && (!octal || entry.mode.size() != 4)) {
        reader.fail(where + u".mode"_s, u"four octal digits"_s);
    }
    const bool setuid = reader.boolean(file, where, u"setuid"_s);
    const bool setgid = reader.boolean(file, where, u"setgid"_s);
    entry.suggestion = reader.string(file, where, u"suggestion"_s);
    const QJsonValue caps = reader.field(file, where, u"capabilities"_s);
    Today today;
    today.basis = TodayBasis::FileGrants;
    if (!caps.isNull() && !reader.failed()) {
        const QString at = where + u".capabilities"_s;
        const QJsonObject object = reader.object(caps, at);
        if (!reader.failed()) {
            entry.fileCapabilities = reader.string(object, at, u"text"_s);
            const QStringList permitted = reader.strings(object, at, u"permitted"_s);
            const QJsonValue rootUid = reader.field(object, at, u"root_uid"_s);
            if (!rootUid.isNull() && !reader.failed()) {
                reader.integer(object, at, u"root_uid"_s, 0, 0xffffffffLL);
            }
            const std::uint64_t mask = reader.capabilityMask(permitted, at + u".permitted"_s);
            entry.capabilities = capabilityNames(mask);
            entry.rootEquivalent = capabilityNames(mask & rootEquivalentMask());
            // Namespaced (v3) capabilities apply only in a user namespace whose root is that uid:
            // they grant nothing on the host itself.
            if (rootUid.isNull() && mask != 0) {
                today.capabilities = mask;
                today.fromFileCapabilities = true;
            }
        }
    }
    // The audit lists set-id files and capability files only; its host knew whether one is a
    // script (which the kernel does not honour), the report does not: it counts them as programs.
    if (setuid && uid == 0) {
        today.root = true;
        today.rootBy = u"setuid"_s;
        today.capabilities = everyKnownCapability();
        entry.runsAsRoot = true;
    } else if (setuid) {
        today.user = owner.isEmpty() ? u"uid %1"_s.arg(uid) : owner;
        entry.users = {today.user};
    }
    if (setgid) {
        today.setgidGroup = group.isEmpty() ? u"gid %1"_s.arg(gid) : group;
    }
    today.allCapabilities = today.capabilities == everyKnownCapability();
    entry.privilege = privilegeOf(today);
    return entry;
}

QString hostOf(const QString &file)
{
    return file.chopped(5); // ".json"
}

using DirPtr = std::unique_ptr<DIR, int (*)(DIR *)>;

/// One file of the folder, read and parsed: @ref read is false when it could not be read as a
/// regular file within the limit (@ref problem says why); otherwise @ref problem is empty or says
/// why it is no audit.
struct LoadedAudit
{
    FleetHost host;
    bool read = false;
    QString problem;
    QList<FleetEntry> entries;
};

LoadedAudit loadAudit(int dirFd, const QByteArray &name)
{
    LoadedAudit loaded;
    const QString file = displayPath(name);
    loaded.host.file = file;
    loaded.host.name = hostOf(file);
    const auto problem = [&](const QString &why) {
        loaded.problem = quoted(file) + u": "_s + why;
        return loaded;
    };
    // O_NOFOLLOW: a link could lead anywhere (a loop, another user's file, a device);
    // O_NONBLOCK: a FIFO put there must not hang the merge.
    const int fd = ::openat(dirFd, name.constData(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
        const int error = errno;
        return problem(error == ELOOP ? u"a symbolic link; audits are read only from regular files"_s
                                      : u"cannot be opened: %1"_s.arg(errnoText(error)));
    }
    const auto closeFd = qScopeGuard([fd] { ::close(fd); });
    struct stat st{};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        return problem(u"not a regular file"_s);
    }
    if (st.st_size > kFleetMaxFileBytes) {
        return problem(
            u"%1 bytes, over the limit of %2 bytes for one host's audit"_s.arg(st.st_size).arg(kFleetMaxFileBytes));
    }
    QByteArray bytes(qsizetype(st.st_size), Qt::Uninitialized);
    qsizetype done = 0;
    // Read to the end, whatever fstat said: the file may have grown meanwhile, within the limit.
    for (;;) {
        if (done == bytes.size()) {
            if (bytes.size() > kFleetMaxFileBytes) {
                break;
            }
            bytes.resize(std::min<qsizetype>(bytes.size() + 65536, kFleetMaxFileBytes + 1));
        }
        const ssize_t n = ::read(fd, bytes.data() + done, size_t(bytes.size() - done));
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            return problem(u"cannot be read: %1"_s.arg(errnoText(errno)));
        }
        if (n == 0) {
            break;
        }
        done += n;
    }
    bytes.truncate(done);
    if (bytes.size() > kFleetMaxFileBytes) {
        return problem(u"over the limit of %1 bytes for one host's audit"_s.arg(kFleetMaxFileBytes));
    }
    loaded.read = true;
    loaded.host.modified = QDateTime::fromSecsSinceEpoch(st.st_mtim.tv_sec, QTimeZone::UTC);
    auto entries = readFleetAudit(bytes, file, loaded.host);
    if (!entries) {
        loaded.problem = entries.error().message;
    } else {
        loaded.entries = std::move(*entries);
    }
    return loaded;
}

} // namespace

Result<QList<FleetEntry>> readFleetAudit(const QByteArray &bytes, const QString &file, FleetHost &host)
{
    const auto bad = [&file](const QString &why) { return Error{ExitCode::BadTarget, quoted(file) + u": "_s + why}; };
    if (bytes.trimmed().isEmpty()) {
        return bad(u"the file is empty, not an audit (did derootctl audit run on that host?)"_s);
    }
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return bad(u"not JSON: %1 at byte %2"_s.arg(parseError.errorString()).arg(parseError.offset));
    }
    if (!document.isObject()) {
        return bad(u"not a Deroot audit: the document is not a JSON object"_s);
    }
    const QJsonObject root = document.object();
    // derootctl audit --json writes an error document when the audit fails on the host.
    if (root.value(u"error"_s).isObject() && !root.contains(u"schema"_s)) {
        const QJsonObject error = root.value(u"error"_s).toObject();
        return bad(u"the audit failed on that host: %1 (exit code %2)"_s.arg(
            quoted(error.value(u"message"_s).toString()), QString::number(error.value(u"code"_s).toInt())));
    }
    const QJsonValue schema = root.value(u"schema"_s);
    if (!schema.isString()) {
        return bad(u"not a Deroot audit: it has no \"schema\" field"_s);
    }
    if (schema.toString() != QLatin1StringView(kAuditSchema)) {
        return bad(u"not a Deroot audit of this version: its schema is %1, this derootctl reads %2"_s.arg(
            quoted(schema.toString()), QString::fromLatin1(kAuditSchema)));
    }
    Reader reader;
    host.derootVersion = reader.string(root, u"$"_s, u"deroot_version"_s);
    const QJsonObject summary = reader.object(reader.field(root, u"$"_s, u"summary"_s), u"$.summary"_s);
    if (!reader.failed()) {
        host.processesSeen = int(reader.integer(summary, u"$.summary"_s, u"processes_seen"_s, 0, 0x7fffffff));
    }
    host.notes = reader.strings(root, u"$"_s, u"notes"_s);
    QList<FleetEntry> entries;
    const QJsonArray groups = reader.array(root, u"$"_s, u"processes"_s);
    for (qsizetype i = 0; i < groups.size() && !reader.failed(); ++i) {
        const QString where = u"$.processes[%1]"_s.arg(i);
        const QJsonObject group = reader.object(groups.at(i), where);
        if (!reader.failed()) {
            entries.append(readGroup(reader, group, where, host.name));
        }
    }
    const QJsonArray files = reader.array(root, u"$"_s, u"files"_s);
    for (qsizetype i = 0; i < files.size() && !reader.failed(); ++i) {
        const QString where = u"$.files[%1]"_s.arg(i);
        const QJsonObject object = reader.object(files.at(i), where);
        if (!reader.failed()) {
            entries.append(readFile(reader, object, where, host.name));
        }
    }
    if (reader.failed()) {
        return bad(u"not a valid audit: at %1, expected %2"_s.arg(reader.failure().where, reader.failure().expected));
    }
    host.entries = int(entries.size());
    for (const FleetEntry &entry : std::as_const(entries)) {
        host.highest = std::max(host.highest, entry.privilege.value);
    }
    return entries;
}

void sortFleetEntries(QList<FleetEntry> &entries)
{
    std::stable_sort(entries.begin(), entries.end(), [](const FleetEntry &a, const FleetEntry &b) {
        if (a.privilege.value != b.privilege.value) {
            return a.privilege.value > b.privilege.value;
        }
        if (const int byHost = a.host.compare(b.host, Qt::CaseInsensitive); byHost != 0) {
            return byHost < 0;
        }
        const bool aFile = a.kind == u"file";
        const bool bFile = b.kind == u"file";
        if (aFile != bFile) {
            return bFile;
        }
        return a.key < b.key;
    });
}

Result<FleetReport> mergeFleet(const QString &directory)
{
    FleetReport report;
    report.directory = directory;
    const QByteArray path = QFile::encodeName(directory);
    const int dirFd = ::open(path.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dirFd < 0) {
        const int error = errno;
        const ExitCode code = error == ENOENT    ? ExitCode::NotFound
                              : error == EACCES  ? ExitCode::Permission
                              : error == ENOTDIR ? ExitCode::BadTarget
                                                 : ExitCode::Failure;
        return Error{code, u"the fleet folder %1 cannot be read: %2"_s.arg(quoted(directory), errnoText(error))};
    }
    DirPtr dir(::fdopendir(dirFd), &::closedir);
    if (!dir) {
        const int error = errno;
        ::close(dirFd);
        return Error{ExitCode::Failure,
                     u"the fleet folder %1 cannot be read: %2"_s.arg(quoted(directory), errnoText(error))};
    }
    QList<QByteArray> names;
    errno = 0;
    while (const dirent *entry = ::readdir(dir.get())) {
        if (entry->d_name[0] != '.') {
            names.append(QByteArray(entry->d_name));
        }
    }
    std::sort(names.begin(), names.end());
    QList<QByteArray> audits;
    for (const QByteArray &name : std::as_const(names)) {
        if (name.endsWith(".json")) {
            audits.append(name);
        } else {
            report.ignored.append(displayPath(name));
        }
    }
    if (audits.isEmpty()) {
        return Error{ExitCode::NotFound,
                     u"the fleet folder %1 holds no host's audit (no *.json file)"_s.arg(quoted(directory))};
    }
    // Each file is read and parsed on its own (in parallel: parsing is most of a merge's time),
    // then taken in name order, so the result never depends on which finished first.
    QList<LoadedAudit> loaded(audits.size());
    LoadedAudit *const slots = loaded.data(); // detached once, here: the workers only write their slot
    std::atomic<qsizetype> next{0};
    const auto work = [&] {
        for (qsizetype i = next++; i < audits.size(); i = next++) {
            slots[i] = loadAudit(dirFd, audits.at(i));
        }
    };
    const int workers = int(std::min<qsizetype>(std::max(1, QThread::idealThreadCount()), audits.size()));
    if (workers > 1) {
        QThreadPool pool; // its own: the caller may be running on a pool's thread itself
        pool.setMaxThreadCount(workers);
        for (int w = 0; w < workers; ++w) {
            pool.start(work);
        }
        pool.waitForDone();
    } else {
        work();
    }
    QHash<QString, QString> seen; // case-folded host name -> the file it was read from
    for (LoadedAudit &audit : loaded) {
        const QString folded = audit.host.name.toCaseFolded();
        if (!audit.read) {
            report.problems.append({audit.host.file, audit.problem});
        } else if (const auto it = seen.constFind(folded); it != seen.constEnd()) {
            report.problems.append(
                {audit.host.file,
                 quoted(audit.host.file) +
                     u": a second audit of host %1, already read from %2 (host names are compared ignoring case)"_s.arg(
                         quoted(audit.host.name), quoted(*it))});
        } else if (!audit.problem.isEmpty()) {
            report.problems.append({audit.host.file, audit.problem});
        } else {
            seen.insert(folded, audit.host.file);
            report.entries += std::move(audit.entries);
            report.hosts.append(audit.host);
        }
    }
    sortFleetEntries(report.entries);
    return report;
}

} // namespace Deroot::Core
