// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/deroot.h"
#include "core/util/utf8locale.h"
#include "ui/wizard/agentwizard.h"

#include <QApplication>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

int main(int argc, char *argv[])
{
    Deroot::Core::preferUtf8Locale();
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("deroot"));
    QApplication::setOrganizationName(QStringLiteral("deroot"));
    QApplication::setApplicationDisplayName(QStringLiteral("Deroot"));
    QApplication::setApplicationVersion(Deroot::Core::version());
    QApplication::setDesktopFileName(Deroot::Core::applicationId());
    QApplication::setWindowIcon(QIcon::fromTheme(Deroot::Core::applicationId()));

    // Deroot's own strings from the embedded translations, Qt's from the system's.
    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QApplication::installTranslator(&qtTranslator);
    }
    QTranslator translator;
    // A language without a translation gets English, and with it English plurals ("1 file").
    if (translator.load(QLocale(), QStringLiteral("deroot"), QStringLiteral("_"), QStringLiteral(":/i18n")) ||
        translator.load(QStringLiteral("deroot_en"), QStringLiteral(":/i18n"))) {
        QApplication::installTranslator(&translator);
    }

    Deroot::Ui::AgentWizard wizard;
    wizard.show();
    return QApplication::exec();
}
