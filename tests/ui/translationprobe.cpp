// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// Loads the translations as deroot does (Ui::installTranslations, in the environment it is started
// with) and prints, as one JSON object, what the wizard then shows: the catalogue's language, the
// first page's title, the Finish page's plural for 1 and 5 steps and the audit's for 3 agents. translations_test runs
// it under several LANG, LC_ALL and LANGUAGE settings; a process each, since Qt reads them once.
#include "ui/translations.h"
#include "ui/wizard/agentwizard.h"

#include <QApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QWizardPage>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const QString language = Deroot::Ui::installTranslations(&app);
    Deroot::Ui::AgentWizard wizard;
    const QJsonObject shown{
        {u"language"_s, language},
        {u"catalogues"_s, QJsonArray::fromStringList(QDir(u":/i18n"_s).entryList())},
        {u"title"_s, wizard.page(wizard.startId()) ? wizard.page(wizard.startId())->title() : QString()},
        {u"one"_s, QCoreApplication::translate("Deroot::Ui::FinishPage", "Applied: %n step(s) done.", nullptr, 1)},
        {u"five"_s, QCoreApplication::translate("Deroot::Ui::FinishPage", "Applied: %n step(s) done.", nullptr, 5)},
        {u"agents"_s, QCoreApplication::translate("Deroot::Ui::AuditView", "%n agent(s) run as root.", nullptr, 3)},
    };
    std::printf("%s\n", QJsonDocument(shown).toJson(QJsonDocument::Compact).constData());
    return 0;
}
