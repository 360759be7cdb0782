// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// Loads the translations as deroot does (Ui::installTranslations, in the environment it is started
// with) and prints, as one JSON object, what the wizard then shows: the catalogue's language, the
// first page's title, the Finish page's plural for 1 and 5 steps and the audit's for 3 agents. translations_test runs
// it under several LANG, LC_ALL and LANGUAGE settings; a process each, since Qt reads them once.
// With --mnemonics PROGRAM it walks every step of the wizard for PROGRAM instead and prints the
// Alt+letter mnemonics that stand twice on one step (two controls on one letter: Alt+letter then
// only moves the focus between them, and an admin who learnt the English letters is lost).
#include "ui/audit/auditview.h"
#include "ui/translations.h"
#include "ui/wizard/agentwizard.h"
#include "ui/wizard/observedialog.h"
#include "ui/wizard/provedialog.h"
#include "ui/wizard/wizardsession.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QGroupBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QTabBar>
#include <QThreadPool>
#include <QWizard>
#include <QWizardPage>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

// The letter after a single '&' in @p text, lower-case; nothing when it has none.
QString mnemonic(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) == u'&') {
            if (text.at(i + 1) == u'&') {
                ++i;
                continue;
            }
            return text.at(i + 1).toLower();
        }
    }
    return {};
}

// Each letter standing twice among the controls the admin sees on the current step: the page's
// own and @p around, the wizard's buttons (their letters are Qt's catalogue's, so a page's letter
// must keep clear of them: German "&Ziel:" took Alt+Z from "< &Zurück", and Back with it).
QStringList conflictsOnPage(QWidget *page, const QString &title, const QList<QAbstractButton *> &around = {})
{
    QMultiMap<QString, QString> letters;
    const auto note = [&](QWidget *widget, const QString &text) {
        if (widget->isVisible() && !mnemonic(text).isEmpty()) {
            letters.insert(mnemonic(text), QString(text).remove(u'&'));
        }
    };
    for (QAbstractButton *button : around) {
        note(button, button->text());
    }
    for (QWidget *widget : page->findChildren<QWidget *>()) {
        if (auto *button = qobject_cast<QAbstractButton *>(widget)) {
            note(button, button->text());
        } else if (auto *label = qobject_cast<QLabel *>(widget); label && label->buddy()) {
            note(label, label->text());
        } else if (auto *box = qobject_cast<QGroupBox *>(widget); box && box->isCheckable()) {
            note(box, box->title());
        } else if (auto *tabs = qobject_cast<QTabBar *>(widget)) {
            for (int i = 0; i < tabs->count(); ++i) {
                note(tabs, tabs->tabText(i));
            }
        }
    }
    if (qEnvironmentVariableIsSet("DEROOT_PROBE_LETTERS")) { // to choose a free letter by hand
        for (auto it = letters.cbegin(); it != letters.cend(); ++it) {
            std::fprintf(stderr, "%s: %s %s\n", qPrintable(title), qPrintable(it.key()), qPrintable(it.value()));
        }
    }
    QStringList conflicts;
    for (const QString &letter : letters.uniqueKeys()) {
        const QStringList texts = letters.values(letter);
        if (texts.size() > 1) {
            conflicts << u"%1: Alt+%2 on %3"_s.arg(title, letter, texts.join(u" / "_s));
        }
    }
    return conflicts;
}

QStringList conflictsOnPage(QWizard *wizard)
{
    QList<QAbstractButton *> buttons;
    for (const QWizard::WizardButton which : {QWizard::BackButton, QWizard::NextButton, QWizard::FinishButton,
                                              QWizard::CancelButton, QWizard::HelpButton, QWizard::CustomButton1}) {
        buttons << wizard->button(which);
    }
    return conflictsOnPage(wizard->currentPage(), wizard->currentPage()->title(), buttons);
}

// Every text @p widget shows the admin: labels (also those on tabs not in front) and every cell of
// its item views, where the engine's findings, reasons and advice stand.
QStringList textsOn(QWidget *widget)
{
    QStringList texts;
    for (QLabel *label : widget->findChildren<QLabel *>()) {
        texts << label->text();
    }
    for (QAbstractItemView *view : widget->findChildren<QAbstractItemView *>()) {
        const QAbstractItemModel *model = view->model();
        QList<QModelIndex> parents{QModelIndex()};
        while (model && !parents.isEmpty()) {
            const QModelIndex parent = parents.takeFirst();
            for (int row = 0; row < model->rowCount(parent); ++row) {
                for (int column = 0; column < model->columnCount(parent); ++column) {
                    const QModelIndex index = model->index(row, column, parent);
                    texts << index.data(Qt::DisplayRole).toString() << index.data(Qt::ToolTipRole).toString();
                    if (column == 0 && model->hasChildren(index)) {
                        parents << index;
                    }
                }
            }
        }
    }
    texts.removeAll(QString());
    return texts;
}

int walkMnemonics(Deroot::Ui::AgentWizard &wizard, const QString &program)
{
    wizard.resize(1000, 760);
    wizard.show();
    Deroot::Ui::AgentTarget target;
    target.kind = Deroot::Ui::AgentTarget::Kind::File;
    target.path = QFile::encodeName(program);
    wizard.session()->inspect(target);
    const QDeadlineTimer deadline(60000);
    while (!wizard.session()->hasReport() && !deadline.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    }
    QStringList conflicts = conflictsOnPage(&wizard);
    QStringList texts = textsOn(wizard.currentPage());
    QAbstractButton *next = wizard.button(QWizard::NextButton);
    while (next->isVisible() && next->isEnabled() && !deadline.hasExpired()) {
        const int id = wizard.currentId();
        next->click();
        QCoreApplication::processEvents();
        if (wizard.currentId() == id) {
            break;
        }
        // The preview's purposes and verdicts come a moment later, from the validators' threads.
        const QDeadlineTimer settle(2000);
        while (!settle.hasExpired()) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        }
        conflicts << conflictsOnPage(&wizard);
        texts << textsOn(wizard.currentPage());
    }
    // The wizard's dialogs, as the steps open them (runners that never run: only their controls
    // are looked at).
    Deroot::Ui::ObserveDialog observe(wizard.session(), [](const Deroot::Core::ObserveRequest &, auto) {}, &wizard);
    observe.show();
    conflicts << conflictsOnPage(&observe, observe.windowTitle());
    observe.hide();
    Deroot::Ui::ProveDialog prove(
        wizard.session(), [](const Deroot::Core::ApplyRequest &, int, const QString &, const auto &, auto, auto) {},
        &wizard);
    prove.show();
    conflicts << conflictsOnPage(&prove, prove.windowTitle());
    prove.hide();
    // The audit window: its buttons' letters, and the advice in its rows.
    QThreadPool pool;
    Deroot::Ui::AuditView audit(&pool);
    bool auditDone = false;
    QObject::connect(&audit, &Deroot::Ui::AuditView::auditFinished, [&auditDone] { auditDone = true; });
    audit.resize(1000, 700);
    audit.show();
    const QDeadlineTimer audited(60000);
    while (!audited.hasExpired() && !auditDone) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    }
    QCoreApplication::processEvents();
    conflicts << conflictsOnPage(&audit, audit.windowTitle());
    texts << textsOn(&audit);
    texts.removeDuplicates();
    const QJsonObject shown{{u"last_step"_s, wizard.currentId()},
                            {u"conflicts"_s, QJsonArray::fromStringList(conflicts)},
                            {u"texts"_s, QJsonArray::fromStringList(texts)}};
    std::printf("%s\n", QJsonDocument(shown).toJson(QJsonDocument::Compact).constData());
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const QString language = Deroot::Ui::installTranslations(&app);
    Deroot::Ui::AgentWizard wizard;
    if (argc == 3 && QByteArrayView(argv[1]) == "--mnemonics") {
        return walkMnemonics(wizard, QString::fromLocal8Bit(argv[2]));
    }
    const QJsonObject shown{
        {u"language"_s, language},
        {u"catalogues"_s, QJsonArray::fromStringList(QDir(u":/i18n"_s).entryList())},
        {u"title"_s, wizard.page(wizard.startId()) ? wizard.page(wizard.startId())->title() : QString()},
        {u"one"_s, QCoreApplication::translate("Deroot::Core::ApplyOutcome", "Applied: %n step(s) done.", nullptr, 1)},
        {u"five"_s, QCoreApplication::translate("Deroot::Core::ApplyOutcome", "Applied: %n step(s) done.", nullptr, 5)},
        {u"agents"_s, QCoreApplication::translate("Deroot::Ui::AuditView", "%n agent(s) run as root.", nullptr, 3)},
    };
    std::printf("%s\n", QJsonDocument(shown).toJson(QJsonDocument::Compact).constData());
    return 0;
}
