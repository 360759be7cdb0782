// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// deroot-lockprobe ACTION...: what the desktop's Finish page learns from polkit before the click,
// through the very class it uses (Ui::PolkitApplyAuthority: polkit-qt6, this process, no
// interaction). Prints one line per action, "ACTION yes|challenge|no|unknown", in the order given.
// The host test runs it as users a rules.d file treats differently. Not installed.
#include "ui/wizard/applyauthority.h"

#include <QCoreApplication>
#include <QMap>
#include <QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList actions = QCoreApplication::arguments().mid(1);
    if (actions.isEmpty()) {
        std::fprintf(stderr, "usage: deroot-lockprobe ACTION...\n");
        return 2;
    }
    Deroot::Ui::PolkitApplyAuthority authority;
    QMap<QString, QString> answers;
    for (const QString &action : actions) {
        authority.check(action, [&answers, &actions, action](Deroot::Core::PolkitAnswer answer) {
            static const QMap<Deroot::Core::PolkitAnswer, QString> names{
                {Deroot::Core::PolkitAnswer::Yes, u"yes"_s},
                {Deroot::Core::PolkitAnswer::Challenge, u"challenge"_s},
                {Deroot::Core::PolkitAnswer::No, u"no"_s},
                {Deroot::Core::PolkitAnswer::Unknown, u"unknown"_s}};
            answers.insert(action, names.value(answer));
            if (answers.size() == actions.size()) {
                QCoreApplication::quit();
            }
        });
    }
    QTimer::singleShot(20000, &app, [] { QCoreApplication::exit(3); });
    const int code = answers.size() == actions.size() ? 0 : app.exec();
    for (const QString &action : actions) {
        std::printf("%s %s\n", qPrintable(action), qPrintable(answers.value(action, u"none"_s)));
    }
    return code;
}
