// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "applysupport.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>

using namespace Qt::StringLiterals;

namespace Deroot::TestSupport {

CtlRun derootctl(const QStringList &arguments, const QString &user)
{
    QProcess process;
    if (user.isEmpty()) {
        process.start(u"derootctl"_s, arguments);
    } else {
        process.start(u"setpriv"_s,
                      QStringList{u"--reuid"_s, user, u"--regid"_s, user, u"--init-groups"_s, u"--reset-env"_s, u"--"_s,
                                  u"/usr/bin/env"_s, u"LANG=C.UTF-8"_s, u"/usr/bin/derootctl"_s} +
                          arguments);
    }
    process.closeWriteChannel();
    CtlRun run;
    if (!process.waitForFinished(180000) || process.exitStatus() != QProcess::NormalExit) {
        process.kill();
        process.waitForFinished();
        run.err = u"(timed out or crashed) "_s + QString::fromUtf8(process.readAllStandardError());
        return run;
    }
    run.exitCode = process.exitCode();
    const QByteArray out = process.readAllStandardOutput();
    run.out = QString::fromUtf8(out);
    run.err = QString::fromUtf8(process.readAllStandardError());
    run.json = QJsonDocument::fromJson(out).object();
    return run;
}

QString generatePlan(const QString &parent, const QStringList &arguments)
{
    static int count = 0;
    const QString out = parent + u"/plan%1"_s.arg(++count);
    const CtlRun generated = derootctl(QStringList{u"generate"_s} + arguments + QStringList{u"--out"_s, out});
    if (generated.exitCode != 0) {
        qWarning("derootctl generate %s: %s%s", qPrintable(arguments.join(u' ')), qPrintable(generated.out),
                 qPrintable(generated.err));
        return {};
    }
    makeReadable(out);
    return out;
}

QJsonArray helperHistory()
{
    return derootctl({u"history"_s, u"--json"_s}).json.value(u"history"_s).toArray();
}

QJsonObject historyEntry(const QString &applyId)
{
    for (const QJsonValue &value : helperHistory()) {
        if (value.toObject().value(u"id"_s).toString() == applyId) {
            return value.toObject();
        }
    }
    return {};
}

bool copyWithOneByteChanged(const QString &folder, const QString &copy, const QString &file, qsizetype offset)
{
    if (!QDir().mkpath(copy)) {
        return false;
    }
    for (const QString &name : QDir(folder).entryList(QDir::Files)) {
        QFile source(folder + u'/' + name);
        QFile target(copy + u'/' + name);
        if (!source.open(QIODevice::ReadOnly) || !target.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            return false;
        }
        QByteArray bytes = source.readAll();
        if (name == file) {
            if (offset >= bytes.size()) {
                return false;
            }
            bytes[offset] = char(bytes.at(offset) ^ 0x01);
        }
        if (target.write(bytes) != bytes.size()) {
            return false;
        }
    }
    makeReadable(copy);
    return true;
}

void makeReadable(const QString &path)
{
    const auto everyone = QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther;
    const auto directory = everyone | QFile::ExeOwner | QFile::ExeGroup | QFile::ExeOther;
    QFile::setPermissions(path, directory);
    QDirIterator it(path, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QFileInfo info = it.nextFileInfo();
        QFile::setPermissions(info.filePath(), info.isDir() ? directory : everyone);
    }
}

} // namespace Deroot::TestSupport
