// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "app/cli/command.h"

#include "core/base/deroot.h"
#include "core/base/exitcode.h"
#include "core/base/text.h"
#include "core/base/utf8locale.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

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
        << QCoreApplication::translate("derootctl", "Exit codes are listed in docs/cli.md.") << '\n';
    out.flush();
}

} // namespace

int main(int argc, char *argv[])
{
    Deroot::Core::preferUtf8Locale();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("derootctl"));
    QCoreApplication::setApplicationVersion(Deroot::Core::version());

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
