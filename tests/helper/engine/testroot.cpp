// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "testroot.h"

#include "core/base/sha256.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#include <sys/stat.h>
#include <sys/xattr.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Deroot::TestSupport {

namespace {

bool write(const QString &path, const QByteArray &bytes, int mode)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size()) {
        return false;
    }
    file.close();
    return ::chmod(QFile::encodeName(path).constData(), mode_t(mode)) == 0;
}

bool makeDirectory(const QString &path, int mode)
{
    return QDir().mkpath(path) && ::chmod(QFile::encodeName(path).constData(), mode_t(mode)) == 0;
}

} // namespace

bool makeTestRoot(const QString &root)
{
    bool ok = makeDirectory(root + u"/etc/sudoers.d"_s, 0750) && makeDirectory(root + u"/etc/systemd/system"_s, 0755) &&
              makeDirectory(root + u"/etc/sysusers.d"_s, 0755) && makeDirectory(root + u"/var/lib/deroot"_s, 0700) &&
              makeDirectory(root + u"/usr/local/bin"_s, 0755) && makeDirectory(root + u"/usr/bin"_s, 0755);
    ok = ok && write(root + u"/etc/passwd"_s,
                     "root:x:0:0:root:/root:/bin/bash\nsyslog:x:104:111::/nonexistent:/usr/sbin/nologin\n"
                     "alice:x:1000:1000:Alice:/home/alice:/bin/bash\n",
                     0644);
    ok = ok && write(root + u"/etc/group"_s, "root:x:0:\nadm:x:4:syslog\nalice:x:1000:\n", 0644);
    ok = ok &&
         write(root + u"/etc/shadow"_s, "root:*:19000:0:99999:7:::\nsyslog:*:19000::::::\nalice:*:19000::::::\n", 0640);
    ok = ok && write(root + u"/etc/gshadow"_s, "root:*::\nadm:*::syslog\nalice:!::\n", 0640);
    // lckpwdf()'s lock file, which shadow's tools made long ago on any real system.
    ok = ok && write(root + u"/etc/.pwd.lock"_s, {}, 0600);
    ok = ok && write(root + u"/etc/login.defs"_s, "UID_MIN 1000\nSYS_UID_MIN 100\nSYS_UID_MAX 999\n", 0644);
    ok = ok && write(root + u"/etc/sudoers"_s,
                     "root ALL=(ALL:ALL) ALL\n@includedir " + QFile::encodeName(root) + "/etc/sudoers.d\n", 0440);
    ok = ok && write(root + u"/etc/sudoers.d/README"_s, "# Files in this directory are read by sudo.\n", 0440);
    ok = ok && write(root + kTestProgram, kTestProgramBytes, 0755);
    // The sudo plan's command: the helper judges the file sudo would run (never runs it).
    ok = ok && write(root + kSudoProgram, "#!/bin/sh\nexec /usr/bin/id \"$@\"\n", 0755);
    return ok;
}

bool applySetup(const QString &root, const QJsonArray &setup)
{
    for (const QJsonValue &value : setup) {
        const QJsonObject step = value.toObject();
        const QString key = step.keys().constFirst();
        const QJsonValue argument = step.value(key);
        const auto at = [&](qsizetype i) { return root + u'/' + argument.toArray().at(i).toString(); };
        const auto path = [&] { return QFile::encodeName(root + u'/' + argument.toString()); };
        bool ok = true;
        if (key == u"symlink") {
            ok = ::symlink(argument.toArray().at(1).toString().toUtf8().constData(),
                           QFile::encodeName(at(0)).constData()) == 0 ||
                 (QDir(at(0)).removeRecursively() && ::symlink(argument.toArray().at(1).toString().toUtf8().constData(),
                                                               QFile::encodeName(at(0)).constData()) == 0);
        } else if (key == u"hardlink") {
            ok = ::link(QFile::encodeName(at(0)).constData(), QFile::encodeName(at(1)).constData()) == 0;
        } else if (key == u"mkdir") {
            ok = QDir().mkpath(root + u'/' + argument.toString());
        } else if (key == u"chmod") {
            ok = ::chmod(QFile::encodeName(at(0)).constData(), mode_t(argument.toArray().at(1).toInt())) == 0;
        } else if (key == u"chown") {
            ok =
                ::lchown(QFile::encodeName(at(0)).constData(), uid_t(argument.toArray().at(1).toInt()), gid_t(-1)) == 0;
        } else if (key == u"remove") {
            ok = ::unlink(path().constData()) == 0;
        } else if (key == u"rename") {
            ok = ::rename(QFile::encodeName(at(0)).constData(), QFile::encodeName(at(1)).constData()) == 0;
        } else if (key == u"write") {
            ok = write(at(0), argument.toArray().at(1).toString().toUtf8(), argument.toArray().at(2).toInt());
        } else if (key == u"fifo") {
            ok = ::mkfifo(path().constData(), 0755) == 0;
        } else if (key == u"passwd" || key == u"groupline") {
            QFile file(root + (key == u"passwd" ? u"/etc/passwd"_s : u"/etc/group"_s));
            ok = file.open(QIODevice::Append) && file.write(argument.toString().toUtf8() + '\n') > 0;
        } else if (key == u"ungroup") {
            QFile file(root + u"/etc/group"_s);
            ok = file.open(QIODevice::ReadOnly);
            QByteArray kept;
            for (const QByteArray &line : file.readAll().split('\n')) {
                if (!line.isEmpty() && !line.startsWith(QByteArray(argument.toString().toUtf8() + ':'))) {
                    kept += line + '\n';
                }
            }
            file.close();
            ok = ok && write(root + u"/etc/group"_s, kept, 0644);
        } else {
            ok = false;
        }
        if (!ok) {
            qWarning("setup step %s failed", qPrintable(key));
            return false;
        }
    }
    return true;
}

QStringList manifest(const QString &root)
{
    QStringList lines;
    QDirIterator it(root, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString relative = path.mid(root.size());
        if (relative.startsWith(u"/var/lib/deroot"_s)) {
            continue;
        }
        struct stat st{};
        const QByteArray encoded = QFile::encodeName(path);
        if (::lstat(encoded.constData(), &st) != 0) {
            continue;
        }
        // A directory's link count is left out: overlayfs (the test host) reports it differently
        // once a directory is copied up, though nothing in it changed.
        QString line = u"%1 %2 %3:%4"_s.arg(relative, QString::number(st.st_mode, 8)).arg(st.st_uid).arg(st.st_gid);
        if (!S_ISDIR(st.st_mode)) {
            line += u" links=%1"_s.arg(st.st_nlink);
        }
        if (S_ISLNK(st.st_mode)) {
            line += u" -> "_s + QFile::symLinkTarget(path);
        } else if (S_ISREG(st.st_mode)) {
            QFile file(path);
            if (file.open(QIODevice::ReadOnly)) {
                Core::Sha256 hash;
                hash.addData(file.readAll());
                line += u" sha256="_s + QString::fromLatin1(hash.result().toHex());
            }
            char caps[256];
            const ssize_t n = ::lgetxattr(encoded.constData(), "security.capability", caps, sizeof caps);
            if (n > 0) {
                line += u" caps="_s + QString::fromLatin1(QByteArray(caps, n).toHex());
            }
        }
        lines << line;
    }
    lines.sort();
    return lines;
}

QStringList withAccountBackupsAsBefore(const QStringList &before, QStringList after)
{
    const auto lineOf = [](const QStringList &lines, const QString &path) {
        for (const QString &line : lines) {
            if (line.startsWith(path + u' ')) {
                return line;
            }
        }
        return QString();
    };
    for (const QString &name : {u"/passwd"_s, u"/group"_s, u"/shadow"_s, u"/gshadow"_s}) {
        const QString backup = name + u'-';
        const QString previous = lineOf(before, backup);
        const QString file = lineOf(before, name);
        for (QString &line : after) {
            if (!previous.isEmpty() && !file.isEmpty() && line.startsWith(backup + u' ') &&
                line.mid(backup.size()) == file.mid(name.size())) {
                line = previous;
            }
        }
    }
    return after;
}

TestRunner::TestRunner(QString root, QString proc)
    : m_root(std::move(root))
    , m_proc(std::move(proc))
{
    statusFor = capsAgentStatus;
}

QStringList TestRunner::activeUnits() const
{
    QFile file(m_proc + u"/systemd-active"_s);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return QString::fromUtf8(file.readAll()).split(u'\n', Qt::SkipEmptyParts);
}

void TestRunner::setActive(const QString &unit, bool active)
{
    QStringList units = activeUnits();
    units.removeAll(unit);
    if (active) {
        units << unit;
    }
    QDir().mkpath(m_proc);
    write(m_proc + u"/systemd-active"_s, units.join(u'\n').toUtf8() + '\n', 0644);
}

QString TestRunner::unitText(const QString &unit) const
{
    // The unit file as systemd finds it: /etc first, then /run and the vendor's directories; a
    // drop-in's lines after it, in name order.
    QString text;
    for (const QString &directory :
         {u"/etc/systemd/system"_s, u"/run/systemd/system"_s, u"/usr/lib/systemd/system"_s, u"/lib/systemd/system"_s}) {
        QFile file(m_root + directory + u'/' + unit);
        if (QFileInfo(file.fileName()).isSymLink() && QFile::symLinkTarget(file.fileName()) == u"/dev/null"_s) {
            return u"masked"_s;
        }
        if (file.open(QIODevice::ReadOnly)) {
            text = QString::fromUtf8(file.readAll());
            break;
        }
    }
    if (text.isEmpty()) {
        return {};
    }
    QDir dropIns(m_root + u"/etc/systemd/system/"_s + unit + u".d"_s);
    for (const QString &name : dropIns.entryList({u"*.conf"_s}, QDir::Files, QDir::Name)) {
        QFile file(dropIns.filePath(name));
        if (file.open(QIODevice::ReadOnly)) {
            text += u'\n' + QString::fromUtf8(file.readAll());
        }
    }
    return text;
}

QString TestRunner::unitProperty(const QString &unit, const QString &property) const
{
    const QString text = unitText(unit);
    const bool active = activeUnits().contains(unit);
    if (property == u"LoadState") {
        return text.isEmpty() ? u"not-found"_s : text == u"masked" ? u"masked"_s : u"loaded"_s;
    }
    if (property == u"ActiveState") {
        return active ? u"active"_s : u"inactive"_s;
    }
    if (property == u"MainPID") {
        return active ? u"4242"_s : u"0"_s;
    }
    QStringList values;
    for (const QString &line : text.split(u'\n')) {
        if (line.startsWith(property + u'=')) {
            const QString value = line.mid(property.size() + 1).trimmed();
            // A list key's empty assignment resets it, as in systemd.
            if (value.isEmpty()) {
                values.clear();
            } else {
                values << value;
            }
        }
    }
    if (property == u"ExecStart") {
        // As systemctl show prints a command: the path without its prefixes, one line each.
        QStringList commands;
        for (const QString &value : std::as_const(values)) {
            QString path = value.section(u' ', 0, 0);
            while (!path.isEmpty() && u"-@:+!|"_s.contains(path.front())) {
                path.remove(0, 1);
            }
            commands << u"{ path=%1 ; argv[]=%2 ; ignore_errors=no ; start_time=[n/a] ; stop_time=[n/a] ; pid=0 ; "
                        u"code=(null) ; status=0/0 }"_s.arg(path, value);
        }
        return commands.join(u"\nExecStart="_s);
    }
    if (property == u"Unit" && unit.endsWith(u".timer"_s) && values.isEmpty()) {
        return unit.chopped(6) + u".service"_s;
    }
    return values.isEmpty() ? QString() : values.constLast();
}

Core::ToolRun TestRunner::run(const QString &program, const QStringList &arguments,
                              const QList<Helper::BindMount> &binds, int timeoutMs)
{
    calls << (program + u' ' + arguments.join(u' '));
    if (program != u"/usr/bin/systemctl"_s) {
        return m_real.run(program, arguments, binds, timeoutMs);
    }
    Core::ToolRun run;
    run.started = true;
    run.finished = true;
    run.exitCode = 0;
    const QString verb = arguments.value(0);
    const qsizetype dashes = arguments.indexOf(u"--"_s);
    const QStringList units = dashes < 0 ? QStringList() : arguments.mid(dashes + 1);
    if (verb == u"is-active") {
        const bool active = activeUnits().contains(units.value(0));
        run.out = active ? "active\n" : "inactive\n";
        run.exitCode = active ? 0 : 3;
    } else if (verb == u"restart" || verb == u"start") {
        if (failRestart && verb == u"restart") {
            run.exitCode = 1;
            run.out = "Job for the unit failed because the control process exited with error code.\n";
            return run;
        }
        const QString unit = units.value(0);
        if (unitText(unit).isEmpty() || unitText(unit) == u"masked") {
            run.exitCode = 5;
            run.out = "Failed to start the unit: Unit not found.\n";
            return run;
        }
        setActive(unit, true);
        if (verb == u"start" || !unit.endsWith(u".service"_s)) {
            return run;
        }
        qint64 uid = -1;
        QFile passwd(m_root + u"/etc/passwd"_s);
        if (passwd.open(QIODevice::ReadOnly)) {
            for (const QByteArray &line : passwd.readAll().split('\n')) {
                const QList<QByteArray> fields = line.split(':');
                if (fields.size() > 2 && fields.at(0).startsWith("deroot-")) {
                    uid = fields.at(2).toLongLong();
                }
            }
        }
        QDir().mkpath(m_proc + u"/4242"_s);
        QDir().mkpath(m_proc + u"/1"_s);
        write(m_proc + u"/4242/status"_s, statusFor(uid), 0644);
        write(m_proc + u"/1/status"_s, "Name:\tsystemd\nCapBnd:\t000001ffffffffff\n", 0644);
        QFile::remove(m_proc + u"/4242/exe"_s);
        QFile::link(m_root + kTestProgram, m_proc + u"/4242/exe"_s);
    } else if (verb == u"stop") {
        for (const QString &unit : units) {
            setActive(unit, false);
        }
    } else if (verb == u"show") {
        const bool valueOnly = arguments.contains(u"--value"_s);
        QByteArray out;
        for (const QString &argument : arguments) {
            if (!argument.startsWith(u"--property="_s)) {
                continue;
            }
            const QString property = argument.mid(11);
            const QString value = unitProperty(units.value(0), property);
            if (property == u"ExecStart" && value.isEmpty()) {
                continue; // systemctl prints nothing for a unit without a command
            }
            out += (valueOnly ? value : property + u'=' + value).toUtf8() + '\n';
        }
        run.out = out;
    }
    return run;
}

QByteArray capsAgentStatus(qint64 uid)
{
    const QByteArray id = QByteArray::number(uid);
    return "Name:\tderoot-test-ag\nUid:\t" + id + '\t' + id + '\t' + id + '\t' + id +
           "\nCapInh:\t0000000000000000\nCapPrm:\t0000000000002000\nCapEff:\t0000000000002000\n"
           "CapBnd:\t0000000000002000\nCapAmb:\t0000000000002000\nNoNewPrivs:\t1\n";
}

QByteArray unprivilegedAgentStatus(qint64 uid)
{
    const QByteArray id = QByteArray::number(uid);
    return "Uid:\t" + id + '\t' + id + '\t' + id + '\t' + id +
           "\nCapEff:\t0000000000000000\nCapBnd:\t000001ffffffffff\nCapAmb:\t0000000000000000\n"
           "NoNewPrivs:\t0\n";
}

} // namespace Deroot::TestSupport
