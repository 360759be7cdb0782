// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// inspectFile: what a program file is and what it says it needs. The file is opened once and
// everything after that is read through that descriptor, so the facts are about one file even if
// the path is swapped meanwhile.
#include "core/base/sha256.h"
#include "core/base/text.h"
#include "core/base/toolrunner.h"
#include "core/base/uniquefd.h"
#include "core/inspect/callers.h"
#include "core/inspect/elfreader.h"
#include "core/inspect/filecaps.h"
#include "core/inspect/inspect.h"
#include "core/inspect/pathsecurity.h"
#include "core/inspect/privilegehints.h"
#include "core/inspect/systemfacts.h"
#include "core/model/capabilities.h"

#include <QFile>
#include <QJsonArray>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Deroot::Core {

namespace {

Error errnoError(int error, const QString &shown)
{
    switch (error) {
    case ENOENT:
        return {ExitCode::NotFound,
                inspectText(QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "%1 does not exist")).arg(shown)};
    case ENOTDIR:
        return {ExitCode::NotFound,
                inspectText(QT_TRANSLATE_NOOP("Deroot::Core::Inspect",
                                              "%1 does not exist: a part of the path is not a directory"))
                    .arg(shown)};
    case EACCES:
    case EPERM:
        return {
            ExitCode::Permission,
            inspectText(QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "%1 cannot be read: permission denied")).arg(shown)};
    case ELOOP:
        return {ExitCode::BadTarget,
                inspectText(QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "%1 is a symbolic link loop")).arg(shown)};
    case ENAMETOOLONG:
        return {ExitCode::BadTarget,
                inspectText(QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "%1 is too long a path")).arg(shown)};
    case ENXIO:
        return {ExitCode::BadTarget,
                inspectText(QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "%1 is a socket, not a program")).arg(shown)};
    default:
        return {ExitCode::Failure, inspectText(QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "%1 cannot be opened: %2"))
                                       .arg(shown, errnoText(error))};
    }
}

QString fileKind(mode_t mode)
{
    if (S_ISDIR(mode)) {
        return inspectText(QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "a directory"));
    }
    if (S_ISCHR(mode)) {
        return inspectText(QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "a character device"));
    }
    if (S_ISBLK(mode)) {
        return inspectText(QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "a block device"));
    }
    if (S_ISFIFO(mode)) {
        return inspectText(QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "a FIFO"));
    }
    if (S_ISSOCK(mode)) {
        return inspectText(QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "a socket"));
    }
    return inspectText(QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "not a regular file"));
}

QString octalMode(mode_t mode)
{
    return QString::number(mode & 07777, 8).rightJustified(4, u'0');
}

// Reads the whole file once through @p fd for its hash; the ELF reader maps it separately.
std::optional<QByteArray> sha256(int fd)
{
    Sha256 hash;
    QByteArray buffer(1 << 20, Qt::Uninitialized);
    off_t offset = 0;
    while (true) {
        const ssize_t n = ::pread(fd, buffer.data(), size_t(buffer.size()), offset);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            return std::nullopt;
        }
        if (n == 0) {
            break;
        }
        hash.addData(QByteArrayView(buffer.constData(), n));
        offset += n;
    }
    return hash.result().toHex();
}

std::optional<QByteArray> canonicalPath(int fd)
{
    char buffer[PATH_MAX + 1];
    const QByteArray link = "/proc/self/fd/" + QByteArray::number(fd);
    const ssize_t n = ::readlink(link.constData(), buffer, PATH_MAX);
    if (n <= 0) {
        return std::nullopt;
    }
    return QByteArray(buffer, n);
}

// Which package installed the file: dpkg-query -S (or rpm -qf), with /usr-merge aliases tried.
QString owningPackage(const QByteArray &path)
{
    QList<QByteArray> candidates{path};
    if (path.startsWith("/usr/")) {
        candidates.append(path.mid(4));
    } else {
        candidates.append("/usr" + path);
    }
    const QString dpkg = u"/usr/bin/dpkg-query"_s;
    const QString rpm = u"/usr/bin/rpm"_s;
    const bool useDpkg = QFile::exists(dpkg);
    if (!useDpkg && !QFile::exists(rpm)) {
        return {};
    }
    for (const QByteArray &candidate : candidates) {
        if (!isValidUtf8(candidate)) {
            return {};
        }
        const ToolRun run =
            useDpkg
                ? runTool(dpkg, {u"-S"_s, u"--"_s, QString::fromUtf8(candidate)}, 15000, false)
                : runTool(rpm, {u"-qf"_s, u"--queryformat"_s, u"%{NAME}: \\n"_s, u"--"_s, QString::fromUtf8(candidate)},
                          15000, false);
        if (!run.finished || run.exitCode != 0) {
            continue;
        }
        const QString output = QString::fromUtf8(run.out);
        for (const QString &line : output.split(u'\n', Qt::SkipEmptyParts)) {
            if (line.startsWith(u"diversion by")) {
                continue;
            }
            const qsizetype colon = line.indexOf(u": ");
            if (colon > 0) {
                // "pkg:arch: path" or "pkg1, pkg2: path": the first package is enough to name it.
                QString package = line.first(colon).split(u',').first().trimmed();
                return package;
            }
        }
    }
    return {};
}

std::optional<ScriptSection> parseShebang(QByteArrayView head)
{
    if (!head.startsWith("#!")) {
        return std::nullopt;
    }
    qsizetype end = head.indexOf('\n');
    if (end < 0) {
        end = head.size();
    }
    const QString line = QString::fromUtf8(head.sliced(2, end - 2)).trimmed();
    const qsizetype space = line.indexOf(u' ');
    ScriptSection script;
    script.interpreter = space < 0 ? line : line.first(space);
    script.argument = space < 0 ? QString() : line.sliced(space + 1).trimmed();
    return script;
}

void addWeaknessFindings(const QList<PathWeakness> &weaknesses, const QByteArray &canonical, InspectionReport &report)
{
    QStringList critical;
    QStringList sticky;
    for (const PathWeakness &weakness : weaknesses) {
        const QString line = displayPath(weakness.path) + u": "_s + weakness.why;
        (weakness.stickyOnly ? sticky : critical).append(line);
    }
    if (!critical.isEmpty()) {
        const bool self = std::any_of(weaknesses.cbegin(), weaknesses.cend(),
                                      [&](const PathWeakness &w) { return w.path == canonical && !w.stickyOnly; });
        report.addFinding(self ? u"file.writable-by-others"_s : u"file.parent-writable-by-others"_s, Severity::Critical,
                          self ? inspectText(QT_TRANSLATE_NOOP(
                                     "Deroot::Core::Inspect",
                                     "Someone other than root can change this program: granting it capabilities or "
                                     "running it as root would hand them that privilege."))
                               : inspectText(QT_TRANSLATE_NOOP(
                                     "Deroot::Core::Inspect",
                                     "Someone other than root can replace this program through a directory above it: "
                                     "granting it capabilities or running it as root would hand them that privilege.")),
                          critical);
    }
    if (!sticky.isEmpty()) {
        report.addFinding(u"file.in-sticky-world-writable-directory"_s, Severity::Medium,
                          inspectText(QT_TRANSLATE_NOOP(
                              "Deroot::Core::Inspect",
                              "The program lies in a directory everyone can write to; others cannot replace it, but "
                              "can place files next to it. Install agents under /usr or /opt instead.")),
                          sticky);
    }
}

void inspectRunpath(const ElfFacts &elf, const QByteArray &canonical, InspectionReport &report)
{
    const QByteArray origin = canonical.first(std::max<qsizetype>(1, canonical.lastIndexOf('/')));
    const auto check = [&](const QStringList &entries, const QString &tag) {
        for (const QString &entry : entries) {
            if (entry.isEmpty() ||
                (!entry.startsWith(u'/') && !entry.startsWith(u"$ORIGIN") && !entry.startsWith(u"${ORIGIN}"))) {
                report.addFinding(
                    u"elf.runpath-relative"_s, Severity::High,
                    inspectText(
                        QT_TRANSLATE_NOOP("Deroot::Core::Inspect",
                                          "Its %1 has an entry relative to the working directory: libraries are then "
                                          "loaded from wherever it is started."))
                        .arg(tag),
                    {u"%1 entry '%2'"_s.arg(tag, entry)});
                continue;
            }
            QByteArray directory = entry.toUtf8();
            directory.replace("${ORIGIN}", origin);
            directory.replace("$ORIGIN", origin);
            const QList<PathWeakness> weaknesses = pathWeaknesses(directory);
            // A directory that does not exist yet belongs to whoever creates it first: below a
            // sticky world-writable directory such as /tmp, that can be anyone.
            struct stat st{};
            const bool missing = ::stat(directory.constData(), &st) != 0;
            QStringList evidence;
            for (const PathWeakness &weakness : weaknesses) {
                if (!weakness.stickyOnly || missing) {
                    evidence.append(u"%1 entry %2: %3 %4"_s.arg(tag, entry, displayPath(weakness.path), weakness.why));
                }
            }
            if (missing && !evidence.isEmpty()) {
                evidence.prepend(
                    u"%1 entry %2 does not exist: whoever can write above it can create it"_s.arg(tag, entry));
            }
            if (!evidence.isEmpty()) {
                report.addFinding(u"elf.runpath-writable"_s, Severity::Critical,
                                  inspectText(QT_TRANSLATE_NOOP(
                                      "Deroot::Core::Inspect",
                                      "It loads libraries from a directory someone other than root can write to: with "
                                      "capabilities, that is a privilege escalation.")),
                                  evidence);
            }
        }
    };
    check(elf.runpath, u"RUNPATH"_s);
    check(elf.rpath, u"RPATH"_s);
    if (!elf.rpath.isEmpty()) {
        report.addFinding(u"elf.rpath"_s, Severity::Low,
                          inspectText(QT_TRANSLATE_NOOP(
                              "Deroot::Core::Inspect",
                              "It uses the deprecated DT_RPATH, which takes precedence over LD_LIBRARY_PATH.")),
                          {u"RPATH "_s + elf.rpath.join(u':')});
    }
}

void addHardeningFinding(const ElfFacts &elf, InspectionReport &report)
{
    QStringList missing;
    if (elf.relro != u"full") {
        missing.append(u"full RELRO (relro: %1)"_s.arg(elf.relro));
    }
    if (!elf.nx) {
        missing.append(u"non-executable stack"_s);
    }
    if (!elf.pie && elf.type == u"executable") {
        missing.append(u"PIE"_s);
    }
    if (elf.dynamic && !elf.go && !elf.canary) {
        missing.append(u"stack protector"_s);
    }
    if (!missing.isEmpty()) {
        report.addFinding(u"elf.hardening"_s, Severity::Low,
                          inspectText(QT_TRANSLATE_NOOP(
                              "Deroot::Core::Inspect",
                              "It was built without some exploit mitigations; a privileged program should have them.")),
                          missing);
    }
}

} // namespace

Result<InspectionReport> inspectFile(const QByteArray &path, const InspectEnvironment &environment)
{
    Result<InspectionReport> report = inspectFileEvidence(path, environment);
    if (report) {
        applyCatalog(report.value());
        addKernelContext(report.value(), environment);
    }
    return report;
}

Result<InspectionReport> inspectFileEvidence(const QByteArray &path, const InspectEnvironment &environment)
{
    const QString shown = quoted(displayPath(path));
    if (path.isEmpty()) {
        return Error{ExitCode::NotFound, inspectText(QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "the path is empty"))};
    }
    if (path.contains('\0')) {
        return Error{ExitCode::BadTarget,
                     inspectText(QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "%1 contains a NUL byte")).arg(shown)};
    }

    // What the path itself is (a symlink is reported, then followed).
    struct stat linkStat{};
    if (::lstat(path.constData(), &linkStat) != 0) {
        return errnoError(errno, shown);
    }
    // Judge the kind before opening: opening a device can have effects (a tape rewinds) and a FIFO
    // would block a plain open.
    struct stat before{};
    if (::stat(path.constData(), &before) != 0) {
        return errnoError(errno, shown);
    }
    if (!S_ISREG(before.st_mode)) {
        return Error{ExitCode::BadTarget,
                     inspectText(QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "%1 is %2, not a program"))
                         .arg(shown, fileKind(before.st_mode))};
    }
    const UniqueFd fd(::open(path.constData(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC));
    if (fd.get() < 0) {
        return errnoError(errno, shown);
    }
    struct stat st{};
    if (::fstat(fd.get(), &st) != 0) {
        return errnoError(errno, shown);
    }
    if (!S_ISREG(st.st_mode)) {
        return Error{ExitCode::Changed, inspectText(QT_TRANSLATE_NOOP("Deroot::Core::Inspect",
                                                                      "%1 was replaced by %2 while it was opened"))
                                            .arg(shown, fileKind(st.st_mode))};
    }
    if (st.st_dev != before.st_dev || st.st_ino != before.st_ino) {
        return Error{
            ExitCode::Changed,
            inspectText(QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "%1 was replaced while it was opened")).arg(shown)};
    }
    if (st.st_size > kMaxInspectedFileSize) {
        return Error{
            ExitCode::BadTarget,
            inspectText(QT_TRANSLATE_NOOP("Deroot::Core::Inspect",
                                          "%1 is %2 MB, larger than any agent program Deroot inspects (%3 MB at most)"))
                .arg(shown)
                .arg(st.st_size / (1024 * 1024))
                .arg(kMaxInspectedFileSize / (1024 * 1024))};
    }

    QByteArray head(256, Qt::Uninitialized);
    const ssize_t headSize = ::pread(fd.get(), head.data(), size_t(head.size()), 0);
    if (headSize < 0) {
        return errnoError(errno, shown);
    }
    head.truncate(headSize);
    const bool isElf = head.startsWith("\x7f"
                                       "ELF");
    const std::optional<ScriptSection> script = parseShebang(head);
    if (!isElf && !script) {
        const QString start = head.isEmpty()
                                  ? inspectText(QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "it is empty"))
                                  : inspectText(QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "it starts with %1"))
                                        .arg(quoted(displayPath(head.first(std::min<qsizetype>(head.size(), 8)))));
        return Error{
            ExitCode::BadTarget,
            inspectText(QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "%1 is neither an ELF program nor a script (%2)"))
                .arg(shown, start)};
    }

    InspectionReport report;
    const QByteArray canonical = canonicalPath(fd.get()).value_or(path);
    report.target = QJsonObject{{u"kind"_s, u"file"_s}, {u"path"_s, displayPath(path)}};

    // --- The file itself.
    const std::optional<QByteArray> hash = sha256(fd.get());
    if (!hash) {
        return Error{ExitCode::Failure,
                     inspectText(QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "%1 could not be read to the end: %2"))
                         .arg(shown, errnoText(errno))};
    }
    // libcap understands v2 and namespaced v3 attributes; a file system without them has none.
    const std::optional<FileCapabilities> fileCaps = readFileCapabilities(fd.get()).capabilities;
    const bool hasCaps = fileCaps.has_value();
    const FileCapabilities caps = fileCaps.value_or(FileCapabilities{});
    const QString package = environment.queryPackageManager ? owningPackage(canonical) : QString();
    FileSection &file = report.file.emplace();
    file.path = displayPath(path);
    if (!isValidUtf8(path)) {
        file.pathHex = QString::fromLatin1(path.toHex());
    }
    file.canonicalPath = displayPath(canonical);
    file.symlink = S_ISLNK(linkStat.st_mode);
    file.size = qint64(st.st_size);
    file.owner = describeUser(st.st_uid);
    file.group = describeGroup(st.st_gid);
    file.uid = qint64(st.st_uid);
    file.gid = qint64(st.st_gid);
    file.mode = octalMode(st.st_mode);
    file.setuid = (st.st_mode & S_ISUID) != 0;
    file.setgid = (st.st_mode & S_ISGID) != 0;
    file.sha256 = QString::fromLatin1(*hash);
    file.package = package;
    file.capabilities = fileCaps;

    addWeaknessFindings(pathWeaknesses(canonical), canonical, report);
    if (S_ISLNK(linkStat.st_mode)) {
        addWeaknessFindings(pathWeaknesses(path.startsWith('/') ? path : canonical, false), canonical, report);
    }
    if ((st.st_mode & S_ISUID) != 0) {
        report.addFinding(u"file.setuid"_s, st.st_uid == 0 ? Severity::High : Severity::Medium,
                          inspectText(QT_TRANSLATE_NOOP("Deroot::Core::Inspect",
                                                        "It is set-user-ID: everyone who runs it runs it as %1."))
                              .arg(describeUser(st.st_uid)),
                          {u"mode "_s + octalMode(st.st_mode)});
    }
    if ((st.st_mode & S_ISGID) != 0) {
        report.addFinding(u"file.setgid"_s, Severity::Medium,
                          inspectText(QT_TRANSLATE_NOOP("Deroot::Core::Inspect",
                                                        "It is set-group-ID: everyone who runs it runs it with %1."))
                              .arg(describeGroup(st.st_gid)),
                          {u"mode "_s + octalMode(st.st_mode)});
    }
    if (hasCaps) {
        const std::uint64_t granted = caps.permitted | caps.inheritable;
        for (const QString &name : capabilityNames(granted)) {
            if (const auto info = capabilityByName(name)) {
                report.needs.addCapability(
                    info->number,
                    {u"file"_s,
                     package.isEmpty()
                         ? inspectText(
                               QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "the file's capabilities grant it (%1)"))
                               .arg(caps.text)
                         : inspectText(
                               QT_TRANSLATE_NOOP("Deroot::Core::Inspect",
                                                 "the file's capabilities grant it (%1), as installed by package %2"))
                               .arg(caps.text, package)});
            }
        }
        report.addFinding(
            u"file.capabilities"_s, Severity::Info,
            inspectText(QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "It has file capabilities: %1.")).arg(caps.text),
            {u"security.capability: "_s + caps.text});
        if (!package.isEmpty() && !script) {
            report.addFinding(
                u"file.capabilities-lost-on-upgrade"_s, Severity::Low,
                inspectText(
                    QT_TRANSLATE_NOOP("Deroot::Core::Inspect",
                                      "Package %1 owns it: an upgrade that replaces the file drops capabilities set by "
                                      "hand (the package's own scripts set them again only for the ones it ships)."))
                    .arg(package),
                {u"dpkg-query -S: "_s + package});
        }
        if (caps.rootId) {
            report.addFinding(
                u"file.capabilities-namespaced"_s, Severity::Info,
                inspectText(QT_TRANSLATE_NOOP(
                                "Deroot::Core::Inspect",
                                "Its capabilities are namespaced (v3): they apply only in a user namespace whose root "
                                "is uid %1."))
                    .arg(*caps.rootId),
                {u"rootid=%1"_s.arg(*caps.rootId)});
        }
    }

    // --- What the content says.
    if (script) {
        report.script = *script;
        report.addFinding(
            u"script.no-file-capabilities"_s, hasCaps ? Severity::Medium : Severity::Info,
            hasCaps ? inspectText(QT_TRANSLATE_NOOP(
                          "Deroot::Core::Inspect",
                          "File capabilities on a script do nothing: the kernel runs the interpreter, "
                          "not the script. Grant them to the service (AmbientCapabilities) or give "
                          "the one privileged command a sudo rule."))
                    : inspectText(
                          QT_TRANSLATE_NOOP("Deroot::Core::Inspect",
                                            "It is a script: file capabilities cannot work on it. Grant capabilities "
                                            "to the service (AmbientCapabilities) or use a sudo rule for the "
                                            "privileged command.")),
            {u"#!"_s + script->interpreter + (script->argument.isEmpty() ? QString() : u' ' + script->argument)});
    } else {
        Result<ElfFacts> elf = readElf(fd.get());
        if (!elf) {
            return Error{elf.error().code, shown + u": "_s + elf.error().message};
        }
        report.elf = *elf;
        if (elf->goBuildInfo || elf->go) {
            report.go = GoSection{elf->goBuildInfo, elf->goBuildInfoError};
        }
        applyPrivilegeHints(*elf, report);
        inspectRunpath(*elf, canonical, report);
        addHardeningFinding(*elf, report);
    }

    // Who starts it besides a unit: sudoers rules for a caller, cron entries. Said only when
    // there is something to say (a rule, or files this user could not read).
    const CallerScan callers = findCallers(QFile::decodeName(canonical));
    if (!callers.callers.isEmpty() || !callers.unreadable.isEmpty()) {
        report.callers = callers;
    }
    report.kernel = readKernelSettings(environment);
    return report;
}

} // namespace Deroot::Core
