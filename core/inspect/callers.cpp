// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/inspect/callers.h"

#include "core/base/commandline.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Deroot::Core {

namespace {

constexpr qint64 kMaxFileBytes = 1024 * 1024;
constexpr int kMaxDirectoryEntries = 1000;

// The lines of @p path joined where one ends in a backslash (sudoers and crontab do not both
// allow it, but neither has a line that ends in one otherwise); nullopt when it cannot be read.
std::optional<QStringList> readLines(const QString &path, bool joinContinued)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || file.size() > kMaxFileBytes) {
        return std::nullopt;
    }
    const QStringList raw = QString::fromUtf8(file.read(kMaxFileBytes)).split(u'\n');
    if (!joinContinued) {
        return raw;
    }
    QStringList lines;
    QString pending;
    for (const QString &line : raw) {
        if (line.endsWith(u'\\')) {
            pending += line.chopped(1) + u' ';
            lines << QString(); // keeps the numbering: the joined line is reported at its end
            continue;
        }
        lines << pending + line;
        pending.clear();
    }
    return lines;
}

// The files sudo and cron read from a drop-in directory: no dot in the name, no trailing '~'.
QStringList dropInFiles(const QString &directory, QStringList &unreadable)
{
    QDir dir(directory);
    if (!dir.exists()) {
        return {};
    }
    if (!QFileInfo(directory).isReadable()) {
        unreadable << directory;
        return {};
    }
    QStringList files;
    const QStringList names = dir.entryList(QDir::Files | QDir::Hidden, QDir::Name);
    for (const QString &name : names.mid(0, kMaxDirectoryEntries)) {
        if (!name.contains(u'.') && !name.endsWith(u'~')) {
            files << dir.filePath(name);
        }
    }
    return files;
}

// sudoers' escapes in a command's arguments: "\," "\:" "\=" "\\" and "\ ".
QString unescapeSudoers(const QString &word)
{
    QString out;
    for (qsizetype i = 0; i < word.size(); ++i) {
        if (word.at(i) == u'\\' && i + 1 < word.size()) {
            ++i;
        }
        out += word.at(i);
    }
    return out;
}

// Splits at @p separator where it is not escaped with a backslash.
QStringList splitUnescaped(const QString &text, QChar separator)
{
    QStringList parts;
    QString part;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == u'\\' && i + 1 < text.size()) {
            part += text.at(i);
            part += text.at(++i);
        } else if (text.at(i) == separator) {
            parts << part;
            part.clear();
        } else {
            part += text.at(i);
        }
    }
    parts << part;
    return parts;
}

bool sameProgram(const QString &word, const QString &program, const QString &canonical)
{
    if (!word.startsWith(u'/')) {
        return false;
    }
    return word == program || (!canonical.isEmpty() && QFileInfo(word).canonicalFilePath() == canonical);
}

void scanSudoers(const QString &path, const QString &shown, const QString &program, const QString &canonical,
                 CallerScan &scan)
{
    const auto lines = readLines(path, true);
    if (!lines) {
        if (QFileInfo::exists(path)) {
            scan.unreadable << shown;
        }
        return;
    }
    static const QRegularExpression kTag(
        u"^(NOPASSWD|PASSWD|NOEXEC|EXEC|SETENV|NOSETENV|LOG_INPUT|NOLOG_INPUT|LOG_OUTPUT|NOLOG_OUTPUT|MAIL|NOMAIL|"
        u"FOLLOW|NOFOLLOW|INTERCEPT|NOINTERCEPT)\\s*:\\s*"_s);
    static const QRegularExpression kOption(u"^(ROLE|TYPE|CWD|CHROOT|NOTBEFORE|NOTAFTER|TIMEOUT|APPARMOR_PROFILE|"
                                            u"PRIVS|LIMITPRIVS)\\s*=\\s*\\S+\\s*"_s);
    static const QRegularExpression kCommaSpace(u"\\s*,\\s*"_s);
    for (qsizetype number = 0; number < lines->size(); ++number) {
        QString line = lines->at(number).trimmed();
        // A comment, or #include / #includedir, which are not followed.
        if (line.isEmpty() || line.startsWith(u'#') || line.startsWith(u'@')) {
            continue;
        }
        static const QRegularExpression kComment(u"\\s#(?![0-9]).*$"_s);
        line.remove(kComment);
        const QString first = line.section(u' ', 0, 0);
        if (first.startsWith(u"Defaults") || first.endsWith(u"_Alias")) {
            continue;
        }
        const qsizetype equals = line.indexOf(u'=');
        if (equals < 0) {
            continue;
        }
        // "alice, bob  ALL" : the users, then the hosts.
        const QStringList left =
            line.left(equals).trimmed().replace(kCommaSpace, u","_s).split(u' ', Qt::SkipEmptyParts);
        if (left.size() != 2) {
            continue;
        }
        const QStringList users = left.first().split(u',', Qt::SkipEmptyParts);
        QString runAs = u"root"_s;
        for (QString item : splitUnescaped(line.mid(equals + 1), u',')) {
            item = item.trimmed();
            if (item.startsWith(u'(')) {
                const qsizetype close = item.indexOf(u')');
                if (close < 0) {
                    break;
                }
                const QString spec = item.mid(1, close - 1).trimmed();
                runAs = spec.isEmpty() ? u"root"_s : spec.section(u':', 0, 0).trimmed();
                item = item.mid(close + 1).trimmed();
            }
            for (bool stripped = true; stripped;) {
                stripped = false;
                for (const QRegularExpression *pattern : {&kTag, &kOption}) {
                    const QRegularExpressionMatch match = pattern->match(item);
                    if (match.hasMatch()) {
                        item = item.mid(match.capturedLength());
                        stripped = true;
                    }
                }
            }
            const QStringList words = item.split(u' ', Qt::SkipEmptyParts);
            if (words.isEmpty() || !sameProgram(unescapeSudoers(words.first()), program, canonical)) {
                continue;
            }
            Caller caller;
            caller.kind = Caller::Kind::Sudo;
            caller.source = u"%1:%2"_s.arg(shown).arg(number + 1);
            caller.runAs = runAs.isEmpty() ? u"root"_s : runAs;
            caller.anyArguments = words.size() == 1;
            if (!(words.size() == 2 && words.at(1) == u"\"\"")) {
                for (const QString &word : words.mid(1)) {
                    caller.arguments << unescapeSudoers(word);
                }
            }
            for (const QString &user : users) {
                caller.user = user;
                scan.callers << caller;
            }
        }
    }
}

void scanCrontab(const QString &path, const QString &shown, const QString &fileUser, const QString &program,
                 const QString &canonical, CallerScan &scan)
{
    const auto lines = readLines(path, false);
    if (!lines) {
        if (QFileInfo::exists(path)) {
            scan.unreadable << shown;
        }
        return;
    }
    static const QRegularExpression kAssignment(u"^[A-Za-z_][A-Za-z0-9_]*\\s*="_s);
    for (qsizetype number = 0; number < lines->size(); ++number) {
        const QString line = lines->at(number).trimmed();
        if (line.isEmpty() || line.startsWith(u'#') || kAssignment.match(line).hasMatch()) {
            continue;
        }
        QStringList fields = line.split(QRegularExpression(u"\\s+"_s), Qt::SkipEmptyParts);
        const int timeFields = fields.first().startsWith(u'@') ? 1 : 5;
        const int userFields = fileUser.isEmpty() ? 1 : 0;
        if (fields.size() <= timeFields + userFields) {
            continue;
        }
        Caller caller;
        caller.kind = Caller::Kind::Cron;
        caller.source = u"%1:%2"_s.arg(shown).arg(number + 1);
        caller.cronSchedule = fields.mid(0, timeFields).join(u' ');
        caller.onCalendar = cronToOnCalendar(caller.cronSchedule);
        caller.user = fileUser.isEmpty() ? fields.at(timeFields) : fileUser;
        // The command is shell text: cut at the first operator, then look for the program.
        QString command = fields.mid(timeFields + userFields).join(u' ');
        static const QRegularExpression kOperator(u"[;|&<>`]|\\$\\("_s);
        const qsizetype cut = command.indexOf(kOperator);
        if (cut >= 0) {
            command.truncate(cut);
        }
        const QStringList words = splitCommandLine(command);
        for (qsizetype i = 0; i < words.size(); ++i) {
            if (sameProgram(words.at(i), program, canonical)) {
                caller.arguments = words.mid(i + 1);
                scan.callers << caller;
                break;
            }
        }
    }
}

// One cron field as OnCalendar='s: "*" stays, "*/N" is "START/N", "a-b" is "a..b", lists stay;
// "" when it has no equivalent. @p names maps day names to systemd's.
QString cronField(const QString &field, int start, bool dayOfWeek)
{
    static const QStringList kDays{u"Sun"_s, u"Mon"_s, u"Tue"_s, u"Wed"_s, u"Thu"_s, u"Fri"_s, u"Sat"_s, u"Sun"_s};
    static const QRegularExpression kNumber(QRegularExpression::anchoredPattern(u"[0-9]{1,2}"_s));
    const auto value = [&](const QString &word) -> QString {
        if (!kNumber.match(word).hasMatch()) {
            return {};
        }
        if (dayOfWeek) {
            const int day = word.toInt();
            return day <= 7 ? kDays.at(day) : QString();
        }
        return word;
    };
    if (field == u"*") {
        return u"*"_s;
    }
    if (field.startsWith(u"*/")) {
        const QString step = field.mid(2);
        return !dayOfWeek && kNumber.match(step).hasMatch() ? u"%1/%2"_s.arg(start).arg(step) : QString();
    }
    QStringList items;
    for (const QString &item : field.split(u',')) {
        const QStringList range = item.split(u'-');
        if (range.size() == 1) {
            items << value(item);
        } else if (range.size() == 2 && !value(range.at(0)).isEmpty() && !value(range.at(1)).isEmpty()) {
            items << value(range.at(0)) + u".."_s + value(range.at(1));
        } else {
            return {};
        }
        if (items.constLast().isEmpty()) {
            return {};
        }
    }
    return items.join(u',');
}

} // namespace

QString cronToOnCalendar(const QString &schedule)
{
    const QString trimmed = schedule.simplified();
    static const QHash<QString, QString> kSpecial{
        {u"@hourly"_s, u"hourly"_s},   {u"@daily"_s, u"daily"_s},     {u"@midnight"_s, u"daily"_s},
        {u"@weekly"_s, u"weekly"_s},   {u"@monthly"_s, u"monthly"_s}, {u"@yearly"_s, u"yearly"_s},
        {u"@annually"_s, u"yearly"_s},
    };
    if (trimmed.startsWith(u'@')) {
        return kSpecial.value(trimmed);
    }
    const QStringList fields = trimmed.split(u' ');
    if (fields.size() != 5) {
        return {};
    }
    // cron runs a job when the day of the month OR the day of the week matches if both are
    // restricted; OnCalendar= needs both: no equivalent then.
    if (fields.at(2) != u"*" && fields.at(4) != u"*") {
        return {};
    }
    const QString minute = cronField(fields.at(0), 0, false);
    const QString hour = cronField(fields.at(1), 0, false);
    const QString day = cronField(fields.at(2), 1, false);
    const QString month = cronField(fields.at(3), 1, false);
    const QString weekday = fields.at(4) == u"*" ? QString() : cronField(fields.at(4), 0, true);
    if (minute.isEmpty() || hour.isEmpty() || day.isEmpty() || month.isEmpty() ||
        (fields.at(4) != u"*" && weekday.isEmpty())) {
        return {};
    }
    const auto twoDigits = [](const QString &text) {
        return text.size() == 1 && text.at(0).isDigit() ? u"0"_s + text : text;
    };
    const QString calendar = u"*-%1-%2 %3:%4:00"_s.arg(month, day, twoDigits(hour), twoDigits(minute));
    return weekday.isEmpty() ? calendar : weekday + u' ' + calendar;
}

CallerScan findCallers(const QString &program, const QString &root)
{
    CallerScan scan;
    const QString base = root.endsWith(u'/') ? root.chopped(1) : root;
    const QString canonical = QFileInfo(program).canonicalFilePath();
    const auto shown = [&](const QString &path) { return path.mid(base.size()); };

    scanSudoers(base + u"/etc/sudoers"_s, u"/etc/sudoers"_s, program, canonical, scan);
    for (const QString &file : dropInFiles(base + u"/etc/sudoers.d"_s, scan.unreadable)) {
        scanSudoers(file, shown(file), program, canonical, scan);
    }
    scanCrontab(base + u"/etc/crontab"_s, u"/etc/crontab"_s, QString(), program, canonical, scan);
    for (const QString &file : dropInFiles(base + u"/etc/cron.d"_s, scan.unreadable)) {
        scanCrontab(file, shown(file), QString(), program, canonical, scan);
    }
    // A user's crontab names no user: its file's name is the user.
    for (const QString &file : dropInFiles(base + u"/var/spool/cron/crontabs"_s, scan.unreadable)) {
        scanCrontab(file, shown(file), QFileInfo(file).fileName(), program, canonical, scan);
    }
    for (QString &path : scan.unreadable) {
        if (path.startsWith(base + u'/')) {
            path = shown(path);
        }
    }
    return scan;
}

QJsonObject toJson(const CallerScan &scan)
{
    QJsonArray callers;
    for (const Caller &caller : scan.callers) {
        QJsonObject object{{u"kind"_s, caller.kind == Caller::Kind::Sudo ? u"sudo"_s : u"cron"_s},
                           {u"source"_s, caller.source},
                           {u"user"_s, caller.user},
                           {u"arguments"_s, QJsonArray::fromStringList(caller.arguments)}};
        if (caller.kind == Caller::Kind::Sudo) {
            object.insert(u"run_as"_s, caller.runAs);
            object.insert(u"any_arguments"_s, caller.anyArguments);
        } else {
            object.insert(u"schedule"_s, caller.cronSchedule);
            object.insert(u"on_calendar"_s, caller.onCalendar);
        }
        callers.append(object);
    }
    return {{u"callers"_s, callers}, {u"unreadable"_s, QJsonArray::fromStringList(scan.unreadable)}};
}

} // namespace Deroot::Core
