// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// deroot-screenshots: the real wizard (the widgets library deroot runs) on a real X server (Xvfb,
// through tools/screenshots), driven through its object names from the first step to the last on
// /usr/bin/fping, with a PNG of the window at each step. Not installed; not a test.
#include "ui/wizard/agentwizard.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDir>
#include <QLineEdit>
#include <QPixmap>
#include <QScreen>
#include <QTest>
#include <QTranslator>
#include <QTreeWidget>
#include <QWindow>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

bool waitFor(const std::function<bool()> &condition, int ms = 90000)
{
    return QTest::qWaitFor(condition, ms);
}

bool shoot(QWidget *window, const QString &directory, const QString &name)
{
    QTest::qWait(400); // let the pending paints and layouts settle
    const QPixmap pixmap = window->screen()->grabWindow(window->winId());
    const QString path = QDir(directory).filePath(name + u".png"_s);
    const bool ok = pixmap.save(path);
    std::fprintf(stderr, "%s %s\n", ok ? "wrote" : "FAILED", qPrintable(path));
    return ok;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"deroot"_s);
    QApplication::setOrganizationName(u"deroot-screenshots"_s);
    const QStringList args = QApplication::arguments();
    const QString out = args.value(1, u"docs/screenshots"_s);
    const QString agent = args.value(2, u"/usr/bin/fping"_s);
    QDir().mkpath(out);
    QTranslator translator;
    if (translator.load(QLocale(), u"deroot"_s, u"_"_s, u":/i18n"_s)) {
        QApplication::installTranslator(&translator);
    }

    Deroot::Ui::AgentWizard wizard;
    wizard.resize(1024, 700);
    wizard.show();
    if (!QTest::qWaitForWindowExposed(&wizard)) {
        return 1;
    }
    using W = Deroot::Ui::AgentWizard;
    auto *next = wizard.button(QWizard::NextButton);
    auto *path = wizard.findChild<QLineEdit *>(u"agentPathLineEdit"_s);
    path->setText(agent);
    path->setFocus();
    QTest::keyClick(path, Qt::Key_Return);
    if (!waitFor([&] { return next->isEnabled(); })) {
        std::fprintf(stderr, "the inspection did not finish\n");
        return 1;
    }
    QTest::qWait(1500); // the process and service lists
    bool ok = shoot(&wizard, out, u"1-agent"_s);
    next->click();
    ok = shoot(&wizard, out, u"2-needs"_s) && ok;
    next->click();
    ok = shoot(&wizard, out, u"3-where"_s) && ok;
    next->click();
    ok = shoot(&wizard, out, u"4-recommendation"_s) && ok;
    next->click();
    ok = shoot(&wizard, out, u"5-adjust"_s) && ok;
    next->click();
    waitFor([&] { return wizard.session()->checksCurrent(); });
    ok = shoot(&wizard, out, u"6-preview"_s) && ok;
    next->click();
    ok = shoot(&wizard, out, u"7-finish"_s) && ok;
    ok = wizard.currentId() == W::FinishPageId && ok;

    QWidget *audit = reinterpret_cast<QWidget *>(wizard.showAudit());
    auto *tree = audit->findChild<QTreeWidget *>(u"auditTreeWidget"_s);
    waitFor([&] { return tree->topLevelItemCount() == 2; });
    ok = shoot(audit, out, u"audit"_s) && ok;
    return ok ? 0 : 1;
}
