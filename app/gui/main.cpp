// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/base/deroot.h"
#include "core/base/utf8locale.h"
#include "ui/translations.h"
#include "ui/wizard/agentwizard.h"

#include <QApplication>
#include <QIcon>

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

    // Deroot's own strings in the user's language, Qt's from the system's.
    Deroot::Ui::installTranslations(&app);

    Deroot::Ui::AgentWizard wizard;
    wizard.show();
    return QApplication::exec();
}
