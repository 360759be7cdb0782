// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/deroot.h"
#include "core/exitcode.h"
#include "core/text.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

using Deroot::Core::ExitCode;
using Deroot::Core::toInt;
using namespace Qt::StringLiterals;

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

const char *const kCommands = QT_TRANSLATE_NOOP("derootctl", "Commands:\n"
                                                             "  walkthrough   inspect a sample agent, recommend a "
                                                             "method and generate its files\n");

int walkthrough(const QStringList &)
{
    // NOTE: the walk-through needs the inspector (issue 3) and the generators (issue 4); until they
    // exist it says so plainly instead of pretending.
    err() << QCoreApplication::translate("derootctl",
                                         "derootctl: walkthrough: not available in this version: it needs the "
                                         "inspector and the generators, which are not built yet")
          << Qt::endl;
    return toInt(ExitCode::Unavailable);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("derootctl"));
    QCoreApplication::setApplicationVersion(Deroot::Core::version());

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("derootctl", "Deroot: stop running infrastructure agents as root.") + u"\n\n"_s +
        QCoreApplication::translate("derootctl", kCommands));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("command"), QCoreApplication::translate("derootctl", "The command."));
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    if (!parser.parse(QCoreApplication::arguments())) {
        err() << "derootctl: " << parser.errorText() << Qt::endl;
        return toInt(ExitCode::Usage);
    }
    if (parser.isSet(QStringLiteral("version"))) {
        out() << "derootctl " << Deroot::Core::version() << Qt::endl;
        return toInt(ExitCode::Success);
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        return toInt(ExitCode::Success);
    }
    const QStringList args = parser.positionalArguments();
    if (args.isEmpty()) {
        err() << QCoreApplication::translate("derootctl", "derootctl: no command given; see derootctl --help")
              << Qt::endl;
        return toInt(ExitCode::Usage);
    }
    const QString command = args.first();
    if (command == u"walkthrough") {
        return walkthrough(args.mid(1));
    }
    err() << QCoreApplication::translate("derootctl", "derootctl: unknown command %1; see derootctl --help")
                 .arg(Deroot::Core::quoted(command))
          << Qt::endl;
    return toInt(ExitCode::Usage);
}
