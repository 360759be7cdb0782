// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "app/cli/command.h"
#include "app/cli/manpage.h"

#include "core/base/deroot.h"
#include "core/base/exitcode.h"
#include "core/base/text.h"
#include "core/base/utf8locale.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTextStream>

#include <cstdio>
#include <iterator>

using Deroot::Core::ExitCode;
using Deroot::Core::toInt;

namespace {

void printHelp(QTextStream &out)
{
    out << QCoreApplication::translate("derootctl", "Usage: derootctl COMMAND [OPTIONS] [ARGUMENTS]") << "\n\n"
        << QCoreApplication::translate("derootctl", "Deroot: stop running infrastructure agents as root.") << "\n\n"
        << QCoreApplication::translate("derootctl", "Commands:") << '\n';
    for (const Deroot::Cli::Command &command : Deroot::Cli::commands()) {
        out << "  " << QString::fromLatin1(command.name).leftJustified(13) << ' '
            << QCoreApplication::translate("derootctl", command.summary) << '\n';
    }
    out << '\n'
        << QCoreApplication::translate("derootctl", "Options:") << '\n'
        << "  --help        " << QCoreApplication::translate("derootctl", "show this help") << '\n'
        << "  --version     " << QCoreApplication::translate("derootctl", "show the version") << '\n'
        << '\n'
        << QCoreApplication::translate("derootctl",
                                       "derootctl COMMAND --help (or derootctl help COMMAND) shows a command's "
                                       "options.")
        << '\n'
        << '\n'
        << QCoreApplication::translate("derootctl", "Exit codes:") << '\n';
    // core/base/exitcode.h, docs/cli.md and derootctl(1): they never change meaning.
    const char *const codes[] = {
        QT_TRANSLATE_NOOP("derootctl", "success"),
        QT_TRANSLATE_NOOP("derootctl", "the operation ran and failed or found a failure"),
        QT_TRANSLATE_NOOP("derootctl", "bad command line: unknown command or option, missing argument"),
        QT_TRANSLATE_NOOP("derootctl", "the command cannot run in this version or on this system"),
        QT_TRANSLATE_NOOP("derootctl", "the target does not exist: no such file, process or unit"),
        QT_TRANSLATE_NOOP("derootctl", "the target cannot be inspected as an agent"),
        QT_TRANSLATE_NOOP("derootctl", "the target cannot be read with this user's rights"),
        QT_TRANSLATE_NOOP("derootctl", "the target changed or went away during the inspection"),
        QT_TRANSLATE_NOOP("derootctl", "a request or plan was refused by validation; nothing was changed"),
        QT_TRANSLATE_NOOP("derootctl", "the helper is busy with another apply, observation or proof"),
        QT_TRANSLATE_NOOP("derootctl", "polkit did not authorize the caller; nothing was changed"),
        QT_TRANSLATE_NOOP("derootctl", "status: an applied plan drifted from the system or is gone"),
    };
    for (int code = 0; code < int(std::size(codes)); ++code) {
        out << "  " << QString::number(code).rightJustified(2) << "  "
            << QCoreApplication::translate("derootctl", codes[code]) << '\n';
    }
    out.flush();
}

} // namespace

int main(int argc, char *argv[])
{
    Deroot::Core::preferUtf8Locale();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("derootctl"));
    QCoreApplication::setApplicationVersion(Deroot::Core::version());
    // derootctl speaks English in every locale (docs/cli.md), numbers included: "2.5 s", not "2,5 s".
    QLocale::setDefault(QLocale::c());

    QTextStream out(stdout);
    QTextStream err(stderr);
    Deroot::Cli::Io io{out, err};

    // Raw bytes, not QCoreApplication::arguments(): a path need not be valid UTF-8.
    QList<QByteArray> arguments;
    for (int i = 1; i < argc; ++i) {
        arguments.append(QByteArray(argv[i]));
    }
    if (arguments.isEmpty()) {
        err << QCoreApplication::translate("derootctl", "derootctl: no command given; see derootctl --help")
            << Qt::endl;
        return toInt(ExitCode::Usage);
    }
    const QByteArray first = arguments.takeFirst();
    // Hidden, for the build: derootctl(1) from the same definitions as the parser and --help.
    if (first == "--write-man-page" && arguments.size() == 2) {
        return Deroot::Cli::writeManPage(QString::fromLocal8Bit(arguments.at(0)),
                                         QString::fromLocal8Bit(arguments.at(1)), io);
    }
    if (first == "--help" || first == "-h" || (first == "help" && arguments.isEmpty())) {
        printHelp(out);
        return toInt(ExitCode::Success);
    }
    // `derootctl help COMMAND`, and COMMAND's own --help or -h before a "--".
    const QByteArray named = first == "help" ? arguments.constFirst() : first;
    bool wantsHelp = first == "help";
    for (const QByteArray &argument : std::as_const(arguments)) {
        if (argument == "--") {
            break;
        }
        wantsHelp = wantsHelp || argument == "--help" || argument == "-h";
    }
    if (first == "--version") {
        out << "derootctl " << Deroot::Core::version() << Qt::endl;
        return toInt(ExitCode::Success);
    }
    for (const Deroot::Cli::Command &command : Deroot::Cli::commands()) {
        if (named == command.name) {
            if (wantsHelp) {
                Deroot::Cli::printCommandHelp(out, command);
                return toInt(ExitCode::Success);
            }
            return command.run(arguments, io);
        }
    }
    const QString shown = Deroot::Core::quoted(QString::fromLocal8Bit(named));
    if (named.startsWith('-')) {
        err << QCoreApplication::translate("derootctl", "derootctl: unknown option %1; see derootctl --help").arg(shown)
            << Qt::endl;
    } else {
        err << QCoreApplication::translate("derootctl", "derootctl: unknown command %1; see derootctl --help")
                   .arg(shown)
            << Qt::endl;
    }
    return toInt(ExitCode::Usage);
}
