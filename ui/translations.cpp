// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "ui/translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace Deroot::Ui {

QString installTranslations(QCoreApplication *app)
{
    // Qt's own strings (standard buttons, dialogs) from the system's translations.
    auto *qt = new QTranslator(app);
    if (qt->load(QLocale(), u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
    } else {
        delete qt;
    }
    auto *deroot = new QTranslator(app);
    if (deroot->load(QLocale(), u"deroot"_s, u"_"_s, u":/i18n"_s) || deroot->load(u"deroot_en"_s, u":/i18n"_s)) {
        QCoreApplication::installTranslator(deroot);
        return deroot->language().section(u'_', 0, 0);
    }
    delete deroot;
    return {};
}

} // namespace Deroot::Ui
