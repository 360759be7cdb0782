// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include <QString>

class QCoreApplication;

namespace Deroot::Ui {

/// Installs on @p app Deroot's translation for the user's language, as QLocale() reads it from the
/// environment (LANGUAGE, LC_ALL, LC_MESSAGES, LANG; the locale need not be installed), from the
/// catalogues deroot_ui embeds under :/i18n, and Qt's own from the system. A language without a
/// Deroot translation gets the English catalogue, which holds only the plural forms ("%n step(s)"
/// reads "1 step", "5 steps"). Every program that shows the wizard calls this, so that none shows
/// "5 step(s)" or English where the application would not. Returns the language of the catalogue
/// installed ("de", "fr", "en"), or nothing when none could be loaded.
QString installTranslations(QCoreApplication *app);

} // namespace Deroot::Ui
