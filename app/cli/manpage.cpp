// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// derootctl(1) from the definitions the parser reads: the build runs the hidden mode
// `derootctl --write-man-page TEMPLATE OUT` (app/cli/CMakeLists.txt), which fills the template's
// COMMANDS section with every command's usage, summary and options from commands(), so that the
// page and `derootctl COMMAND --help` cannot drift apart. The prose the template keeps per command
// goes under that command.
#include "app/cli/manpage.h"

#include "app/cli/command.h"
#include "core/base/text.h"

#include <QFile>
#include <QHash>
#include <QSaveFile>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace Deroot::Cli {

namespace {

// roff text: a backslash is written \e, a minus \- (a hyphen would break and be searched badly),
// and a line may not start with a control character.
QString roff(const QString &text)
{
    QString result;
    for (const QChar c : text) {
        if (c == u'\\') {
            result += u"\\e"_s;
        } else if (c == u'-') {
            result += u"\\-"_s;
        } else {
            result += c;
        }
    }
    if (result.startsWith(u'.') || result.startsWith(u'\'')) {
        result.prepend(u"\\&"_s);
    }
    return result;
}

// "list what runs as root" -> "List what runs as root."
QString sentence(const char *text)
{
    QString result = QString::fromUtf8(text);
    if (!result.isEmpty()) {
        result[0] = result.at(0).toUpper();
    }
    if (!result.endsWith(u'.')) {
        result += u'.';
    }
    return result;
}

QString optionLine(const Option &option)
{
    const QString name = roff(QString::fromLatin1(option.name));
    if (option.value == nullptr) {
        return u".B \\-\\-"_s + name;
    }
    // Bold option, then its value in italics: .BI alternates the two fonts.
    return u".BI \"\\-\\-%1 \" \"%2\""_s.arg(name, roff(QString::fromLatin1(option.value)));
}

QStringList commandSection(const Command &command, const QStringList &about)
{
    QStringList lines;
    lines << u".SS %1"_s.arg(QString::fromLatin1(command.name));
    lines << u".SY derootctl\\ %1"_s.arg(roff(QString::fromLatin1(command.name)));
    lines << u".RI [ options ]"_s;
    if (*command.operands != '\0') {
        lines << roff(QString::fromUtf8(command.operands));
    }
    lines << u".YS"_s;
    lines << roff(sentence(command.summary));
    if (!about.isEmpty()) {
        lines << u".PP"_s << about;
    }
    lines << u".PP"_s << u"Options:"_s << u".RS"_s;
    for (const Option &option : command.options) {
        lines << u".TP"_s << optionLine(option) << roff(sentence(option.help));
    }
    lines << u".TP"_s << u".BR \\-h \", \" \\-\\-help"_s << u"Show this help: the same list."_s;
    lines << u".RE"_s;
    if (!command.examples.isEmpty()) {
        lines << u".PP"_s << u"Examples:"_s << u".RS"_s << u".nf"_s;
        for (const char *example : command.examples) {
            lines << roff(QString::fromUtf8(example));
        }
        lines << u".fi"_s << u".RE"_s;
    }
    return lines;
}

} // namespace

Core::Result<QByteArray> manPage(const QByteArray &templateText)
{
    // The template: roff, with one line "@COMMANDS@" where the commands go, and per command a
    // block of prose that starts with the comment line `.\" @about NAME` and runs to the next such
    // line or `.\" @end`.
    const QStringList lines = QString::fromUtf8(templateText).split(u'\n');
    QStringList before;
    QStringList after;
    QHash<QString, QStringList> about;
    QString current;
    bool seenCommands = false;
    bool inAbout = false;
    for (const QString &line : lines) {
        if (line.startsWith(u".\\\" @about "_s)) {
            current = line.mid(11).trimmed();
            if (about.contains(current)) {
                return Core::Error{Core::ExitCode::Failure, u"man page template: @about %1 twice"_s.arg(current)};
            }
            about.insert(current, {});
            inAbout = true;
            continue;
        }
        if (line == u".\\\" @end"_s) {
            inAbout = false;
            continue;
        }
        if (inAbout) {
            about[current] << line;
            continue;
        }
        if (line == u"@COMMANDS@"_s) {
            seenCommands = true;
            continue;
        }
        (seenCommands ? after : before) << line;
    }
    if (!seenCommands) {
        return Core::Error{Core::ExitCode::Failure, u"man page template: no @COMMANDS@ line"_s};
    }
    QStringList known;
    for (const Command &command : commands()) {
        known << QString::fromLatin1(command.name);
    }
    for (auto it = about.cbegin(); it != about.cend(); ++it) {
        if (!known.contains(it.key())) {
            return Core::Error{Core::ExitCode::Failure,
                               u"man page template: @about %1 names no command of derootctl"_s.arg(it.key())};
        }
    }
    QStringList page = before;
    for (const Command &command : commands()) {
        page << commandSection(command, about.value(QString::fromLatin1(command.name)));
    }
    page << after;
    return page.join(u'\n').toUtf8();
}

int writeManPage(const QString &templatePath, const QString &outPath, Io &io)
{
    QFile in(templatePath);
    if (!in.open(QIODevice::ReadOnly)) {
        io.err << "derootctl: --write-man-page: " << Core::quoted(templatePath) << ": " << in.errorString() << Qt::endl;
        return Core::toInt(Core::ExitCode::NotFound);
    }
    const auto page = manPage(in.readAll());
    if (!page) {
        io.err << "derootctl: --write-man-page: " << page.error().message << Qt::endl;
        return Core::toInt(page.error().code);
    }
    QSaveFile out(outPath);
    if (!out.open(QIODevice::WriteOnly) || out.write(*page) != page->size() || !out.commit()) {
        io.err << "derootctl: --write-man-page: " << Core::quoted(outPath) << ": " << out.errorString() << Qt::endl;
        return Core::toInt(Core::ExitCode::Failure);
    }
    return Core::toInt(Core::ExitCode::Success);
}

} // namespace Deroot::Cli
