// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// The audit view of this machine, offscreen, driven through object names, on the build root's real
// processes and programs: a running process (a sleep this test starts) opens in the wizard as that
// process, with its runtime evidence; rows carry a severity, most severe first; what is privileged
// by design (PID 1, passwd, su, mount, ...) is folded away, its advice said once, and cannot be
// opened; the filter field; the JSON export validated against docs/schemas/audit.schema.json by
// the schema lint; the CSV export; the window placed over the wizard on a Full HD screen.
#include "core/inspect/audit.h"
#include "ui/audit/auditview.h"
#include "ui/wizard/agentwizard.h"
#include "ui/wizard/wizardsession.h"

#include <QAbstractButton>
#include <QApplication>
#include <QFile>
#include <QHash>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QScreen>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <unistd.h>

#include <functional>

using namespace Qt::StringLiterals;
using namespace Deroot;

class AuditViewTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void placedOverTheWizard();
    void severityFirst();
    void expectedFoldedAway();
    void processOpensAsProcess();
    void filter();
    void exportJson();
    void exportCsv();

private:
    Ui::AuditView *audit();

    Ui::AgentWizard *m_wizard = nullptr;
    QProcess m_sleep;
    QTemporaryDir m_dir;
};

namespace {

constexpr int kTimeout = 120000;

enum Column { Name, Severity, Pid, Unit, User, Capabilities, Suggestion };

template <typename T> T *child(QObject *parent, const QString &name)
{
    auto *widget = parent->findChild<T *>(name);
    if (!widget) {
        qFatal("no %s", qPrintable(name));
    }
    return widget;
}

// Every row below @p item, depth first.
void rows(QTreeWidgetItem *item, QList<QTreeWidgetItem *> &out)
{
    for (int i = 0; i < item->childCount(); ++i) {
        out.append(item->child(i));
        rows(item->child(i), out);
    }
}

QList<QTreeWidgetItem *> rows(QTreeWidgetItem *item)
{
    QList<QTreeWidgetItem *> out;
    rows(item, out);
    return out;
}

QTreeWidgetItem *rowWithPid(QTreeWidget *tree, qint64 pid)
{
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        for (QTreeWidgetItem *row : rows(tree->topLevelItem(i))) {
            if (row->text(Pid) == QString::number(pid)) {
                return row;
            }
        }
    }
    return nullptr;
}

// The section "Privileged by design" (the third), if the machine has anything of it.
QTreeWidgetItem *expectedSection(QTreeWidget *tree)
{
    return tree->topLevelItemCount() > 2 ? tree->topLevelItem(2) : nullptr;
}

QTreeWidgetItem *rowNamed(QTreeWidgetItem *section, const QString &name)
{
    for (QTreeWidgetItem *row : rows(section)) {
        if (row->text(Name) == name) {
            return row;
        }
    }
    return nullptr;
}

bool visibleIn(QTreeWidgetItem *row)
{
    for (QTreeWidgetItem *item = row; item; item = item->parent()) {
        if (item->isHidden()) {
            return false;
        }
    }
    return true;
}

} // namespace

void AuditViewTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // A process of its own to find: it runs as whoever runs the test (root in the build root).
    m_sleep.start(u"sleep"_s, {u"600"_s});
    QVERIFY(m_sleep.waitForStarted());
    m_wizard = new Ui::AgentWizard;
    m_wizard->move(300, 200);
    m_wizard->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_wizard));
}

void AuditViewTest::cleanupTestCase()
{
    delete m_wizard;
    m_sleep.kill();
    m_sleep.waitForFinished();
}

Ui::AuditView *AuditViewTest::audit()
{
    Ui::AuditView *view = m_wizard->showAudit();
    auto *tree = child<QTreeWidget>(view, u"auditTreeWidget"_s);
    if (!QTest::qWaitFor([&] { return !view->isRunning() && tree->topLevelItemCount() >= 2; }, kTimeout)) {
        qWarning("the audit did not finish");
    }
    return view;
}

void AuditViewTest::placedOverTheWizard()
{
    Ui::AuditView *view = audit();
    QVERIFY(QTest::qWaitForWindowExposed(view));
    const QRect screen = m_wizard->screen()->availableGeometry();
    QVERIFY2(screen.width() >= 1600, "the offscreen screen of this test's main() is Full HD");
    const QPoint offset = view->frameGeometry().center() - m_wizard->frameGeometry().center();
    QVERIFY2(
        offset.manhattanLength() <= 4,
        qPrintable(
            u"audit at %1,%2, wizard at %3,%4"_s.arg(view->x()).arg(view->y()).arg(m_wizard->x()).arg(m_wizard->y())));
    QVERIFY(view->pos() != QPoint(0, 0));
    QVERIFY(screen.contains(view->frameGeometry()));
}

void AuditViewTest::severityFirst()
{
    Ui::AuditView *view = audit();
    auto *tree = child<QTreeWidget>(view, u"auditTreeWidget"_s);
    QCOMPARE(tree->columnCount(), 7);
    QCOMPARE(tree->headerItem()->text(Severity), u"Severity"_s);
    QCOMPARE(tree->headerItem()->text(Pid), u"PID"_s);
    QCOMPARE(tree->headerItem()->text(Unit), u"Unit"_s);
    QCOMPARE(tree->headerItem()->text(User), u"User"_s);
    QCOMPARE(tree->sortColumn(), int(Severity));
    QCOMPARE(tree->header()->sortIndicatorOrder(), Qt::DescendingOrder);
    const QStringList words{u"Critical"_s, u"High"_s, u"Medium"_s, u"Low"_s, u"Information"_s};
    // Agents and files: every row with a severity, in words and as an icon, the most severe first;
    // set-uid files too.
    bool setUidSeen = false;
    for (int section = 0; section < 2; ++section) {
        QTreeWidgetItem *top = tree->topLevelItem(section);
        int previous = 99;
        for (int i = 0; i < top->childCount(); ++i) {
            QTreeWidgetItem *row = top->child(i);
            QVERIFY2(words.contains(row->text(Severity)), qPrintable(row->text(Name)));
            QVERIFY2(!row->icon(Severity).isNull(), qPrintable(row->text(Name)));
            const int rank = int(words.size()) - int(words.indexOf(row->text(Severity)));
            QVERIFY2(rank <= previous, qPrintable(row->text(Name)));
            previous = rank;
            setUidSeen = setUidSeen || (section == 1 && row->text(User).endsWith(u", 4755"_s));
        }
    }
    if (::geteuid() == 0) {
        // Root here: the sleep runs as root with every capability, and is a critical row.
        QTreeWidgetItem *sleep = rowWithPid(tree, m_sleep.processId());
        QVERIFY(sleep);
        QTreeWidgetItem *group = sleep->parent()->parent() ? sleep->parent() : sleep;
        QCOMPARE(group->text(Severity), u"Critical"_s);
        QCOMPARE(sleep->text(User), u"root"_s);
        // Its capabilities counted, all of them in the tooltip.
        QVERIFY2(sleep->text(Capabilities).endsWith(u"capabilities"_s), qPrintable(sleep->text(Capabilities)));
        const QString tip = sleep->toolTip(Capabilities);
        for (const char *name : {"CAP_CHOWN", "CAP_SYS_ADMIN", "CAP_NET_RAW", "CAP_SETUID"}) {
            QVERIFY2(tip.contains(QLatin1StringView(name)), qPrintable(tip));
        }
    }
    Q_UNUSED(setUidSeen) // the build root's set-uid programs are all standard ones: folded away
    // Ascending: the least severe first; the sections keep their order.
    const QString agents = tree->topLevelItem(0)->text(Name);
    tree->sortByColumn(Severity, Qt::AscendingOrder);
    QCOMPARE(tree->topLevelItem(0)->text(Name), agents);
    QTreeWidgetItem *top = tree->topLevelItem(0);
    for (int i = 1; i < top->childCount(); ++i) {
        QVERIFY(words.indexOf(top->child(i - 1)->text(Severity)) >= words.indexOf(top->child(i)->text(Severity)));
    }
    tree->sortByColumn(Severity, Qt::DescendingOrder);
}

void AuditViewTest::expectedFoldedAway()
{
    Ui::AuditView *view = audit();
    auto *tree = child<QTreeWidget>(view, u"auditTreeWidget"_s);
    QTreeWidgetItem *expected = expectedSection(tree);
    QVERIFY2(expected, "the build root has PID 1 and passwd, su, mount");
    QVERIFY2(expected->text(Name).startsWith(u"Privileged by design"_s), qPrintable(expected->text(Name)));
    QVERIFY(!expected->isExpanded());
    // Nowhere the advice that told passwd to keep itself only if it must be passwd.
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        for (QTreeWidgetItem *row : rows(tree->topLevelItem(i))) {
            QVERIFY2(!row->text(Suggestion).contains(u"keep it only if it must"_s), qPrintable(row->text(Name)));
        }
    }
    // Standard set-uid programs and PID 1 are in it, not among the agents and files.
    QTreeWidgetItem *passwd = rowNamed(expected, u"/usr/bin/passwd"_s);
    QVERIFY(passwd);
    QVERIFY(rowNamed(expected, u"/usr/bin/su"_s));
    QVERIFY(rowNamed(expected, u"/usr/bin/mount"_s));
    QVERIFY(!rowNamed(tree->topLevelItem(1), u"/usr/bin/passwd"_s));
    QTreeWidgetItem *pid1 = rowWithPid(tree, 1);
    QVERIFY2(pid1, "PID 1 of the build root's namespace runs as root");
    for (QTreeWidgetItem *item = pid1; item; item = item->parent()) {
        if (!item->parent()) {
            QCOMPARE(item, expected);
        }
    }
    // Its advice once, on its category; none on each row.
    QTreeWidgetItem *category = passwd->parent();
    QVERIFY2(category->text(Name).startsWith(u"Standard set-uid and set-gid programs\n"_s) &&
                 category->text(Name).contains(u"passwd and chsh change /etc/shadow"_s),
             qPrintable(category->text(Name)));
    // A severity on these rows too: the set-uid ones were the rows without an icon.
    QCOMPARE(passwd->text(Severity), u"Information"_s);
    QVERIFY(!passwd->icon(Severity).isNull());
    for (int i = 0; i < category->childCount(); ++i) {
        QVERIFY(category->child(i)->text(Suggestion).isEmpty());
    }
    // Cannot be opened, and says why.
    QSignalSpy chosen(view, &Ui::AuditView::agentChosen);
    auto *open = child<QAbstractButton>(view, u"auditOpenPushButton"_s);
    auto *why = child<QLabel>(view, u"auditWhyLabel"_s);
    expected->setExpanded(true);
    tree->setCurrentItem(passwd);
    QVERIFY(!open->isEnabled());
    QVERIFY(why->isVisible());
    QVERIFY2(why->text().contains(u"'/usr/bin/passwd'"_s) && why->text().contains(u"set-uid"_s),
             qPrintable(why->text()));
    tree->setFocus();
    QTest::keyClick(tree, Qt::Key_Return);
    tree->setCurrentItem(pid1);
    QVERIFY(!open->isEnabled());
    QVERIFY2(why->text().contains(u"PID 1"_s), qPrintable(why->text()));
    QTest::keyClick(tree, Qt::Key_Return);
    QCOMPARE(chosen.size(), 0);
    expected->setExpanded(false);
}

void AuditViewTest::processOpensAsProcess()
{
    if (::geteuid() != 0) {
        QSKIP("an ordinary user's sleep holds no privilege and is not listed: run as root (the build root does)");
    }
    Ui::AuditView *view = audit();
    auto *tree = child<QTreeWidget>(view, u"auditTreeWidget"_s);
    QTreeWidgetItem *sleep = rowWithPid(tree, m_sleep.processId());
    QVERIFY2(sleep, "the sleep this test started is listed by its PID");
    QVERIFY(visibleIn(sleep));
    QCOMPARE(sleep->text(User), u"root"_s);
    QVERIFY2(sleep->text(Name) == u"/usr/bin/sleep"_s || sleep->parent()->text(Name) == u"/usr/bin/sleep"_s,
             qPrintable(sleep->text(Name)));
    tree->setFocus();
    tree->setCurrentItem(sleep);
    QVERIFY(child<QAbstractButton>(view, u"auditOpenPushButton"_s)->isEnabled());
    QTest::keyClick(tree, Qt::Key_Return);
    // The wizard inspects that process, not /usr/bin/sleep the file: its runtime evidence is there.
    QCOMPARE(m_wizard->session()->target().kind, Ui::AgentTarget::Kind::Process);
    QCOMPARE(qint64(m_wizard->session()->target().pid), m_sleep.processId());
    QTRY_VERIFY_WITH_TIMEOUT(!m_wizard->session()->isInspecting(), kTimeout);
    QVERIFY(m_wizard->session()->hasReport());
    const auto &process = m_wizard->session()->report().process;
    QVERIFY(process.has_value());
    QCOMPARE(m_wizard->session()->report().target.value(u"kind"_s).toString(), u"process"_s);
    QCOMPARE(m_wizard->currentId(), int(Ui::AgentWizard::AgentPageId));
}

void AuditViewTest::filter()
{
    Ui::AuditView *view = audit();
    auto *tree = child<QTreeWidget>(view, u"auditTreeWidget"_s);
    auto *field = child<QLineEdit>(view, u"auditFilterLineEdit"_s);
    // Ctrl+F from the list reaches the field.
    // (Opening a row in the wizard raised the wizard: this window first.)
    QTest::qWait(50);
    view->activateWindow();
    QTRY_VERIFY(view->isActiveWindow());
    tree->setFocus();
    QTest::keyClick(tree, Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(field->hasFocus());
    // By program name: passwd, folded away in the expected group, shows; nothing else does.
    QTest::keyClicks(field, u"PASSWD"_s);
    QTreeWidgetItem *expected = expectedSection(tree);
    QVERIFY(expected);
    QTreeWidgetItem *passwd = rowNamed(expected, u"/usr/bin/passwd"_s);
    QVERIFY(visibleIn(passwd));
    QVERIFY(expected->isExpanded());
    int shown = 0;
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        for (QTreeWidgetItem *row : rows(tree->topLevelItem(i))) {
            if (visibleIn(row) && row->childCount() == 0) {
                ++shown;
                QVERIFY2(row->text(Name).contains(u"passwd"_s, Qt::CaseInsensitive), qPrintable(row->text(Name)));
            }
        }
    }
    QVERIFY(shown >= 1);
    QVERIFY(tree->topLevelItem(0)->isHidden()); // no agent is named passwd
    // By user, and by PID: the sleep.
    if (::geteuid() == 0) {
        field->clear();
        QTest::keyClicks(field, QString::number(m_sleep.processId()));
        QTreeWidgetItem *sleep = rowWithPid(tree, m_sleep.processId());
        QVERIFY(visibleIn(sleep));
        QVERIFY(tree->topLevelItem(1)->isHidden());
    }
    field->clear();
    QTest::keyClicks(field, u"no such agent anywhere"_s);
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        QVERIFY(tree->topLevelItem(i)->isHidden());
    }
    // Cleared: everything back, the expected group folded again.
    field->clear();
    QVERIFY(visibleIn(passwd->parent()));
    QVERIFY(!expected->isExpanded());
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        for (QTreeWidgetItem *row : rows(tree->topLevelItem(i))) {
            QVERIFY(!row->isHidden());
        }
    }
}

void AuditViewTest::exportJson()
{
    Ui::AuditView *view = audit();
    QVERIFY(child<QAbstractButton>(view, u"auditExportPushButton"_s)->isEnabled());
    const QString path = m_dir.filePath(u"audit.json"_s);
    QVERIFY(view->exportTo(path));
    auto *status = child<QLabel>(view, u"auditStatusLabel"_s);
    QVERIFY2(status->text().contains(u"JSON"_s) && status->text().contains(path), qPrintable(status->text()));
    // The schema lint holds it to docs/schemas/audit.schema.json, as it holds derootctl audit --json.
    QProcess lint;
    lint.setProcessChannelMode(QProcess::MergedChannels);
    lint.start(QStringLiteral(DEROOT_PYTHON3),
               {QStringLiteral(DEROOT_SOURCE_DIR) + u"/tests/lint/schemas.py"_s, u"documents"_s,
                QStringLiteral(DEROOT_SOURCE_DIR), u"--schema"_s, u"audit.schema.json"_s, path});
    QVERIFY(lint.waitForFinished(60000));
    QVERIFY2(lint.exitStatus() == QProcess::NormalExit && lint.exitCode() == 0, lint.readAll().constData());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject document = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(document.value(u"schema"_s).toString(), QString::fromLatin1(Core::kAuditSchema));
    // Each file row carries the severity the window shows for it (its sort key is the Severity
    // enum: info 0 ... critical 4).
    const QStringList severities{u"info"_s, u"low"_s, u"medium"_s, u"high"_s, u"critical"_s};
    auto *tree = child<QTreeWidget>(view, u"auditTreeWidget"_s);
    QHash<QString, int> shown;
    // The files' section (the second) and the set-id programs privileged by design (in the third):
    // a file's row is named by its path.
    for (int i = 1; i < tree->topLevelItemCount(); ++i) {
        for (QTreeWidgetItem *row : rows(tree->topLevelItem(i))) {
            if (row->text(Name).startsWith(u'/') && row->text(Pid).isEmpty()) {
                shown.insert(row->text(Name), row->data(Severity, Qt::UserRole + 3).toInt());
            }
        }
    }
    const QJsonArray files = document.value(u"files"_s).toArray();
    QVERIFY(!files.isEmpty());
    for (const QJsonValue &value : files) {
        const QJsonObject file = value.toObject();
        const QString path = file.value(u"path"_s).toString();
        QVERIFY2(shown.contains(path), qPrintable(path));
        QCOMPARE(file.value(u"severity"_s).toString(), severities.value(shown.value(path)));
    }
    for (const QJsonValue &value : document.value(u"processes"_s).toArray()) {
        QVERIFY(severities.contains(value.toObject().value(u"severity"_s).toString()));
    }
    if (::geteuid() == 0) {
        bool found = false;
        for (const QJsonValue &group : document.value(u"processes"_s).toArray()) {
            for (const QJsonValue &process : group.toObject().value(u"processes"_s).toArray()) {
                found = found || process.toObject().value(u"pid"_s).toInteger() == m_sleep.processId();
            }
        }
        QVERIFY2(found, "the sleep is in the exported audit");
    }
    // Nothing written where it cannot be, and the status says why.
    QVERIFY(!view->exportTo(m_dir.filePath(u"missing/folder/audit.json"_s)));
    QVERIFY2(status->text().contains(u"was not exported"_s) && status->text().contains(u"missing/folder"_s),
             qPrintable(status->text()));
    QVERIFY(!QFile::exists(m_dir.filePath(u"missing"_s)));
}

void AuditViewTest::exportCsv()
{
    Ui::AuditView *view = audit();
    auto *tree = child<QTreeWidget>(view, u"auditTreeWidget"_s);
    const QString path = m_dir.filePath(u"audit.csv"_s);
    QVERIFY(view->exportTo(path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(file.readAll()).split(u"\r\n"_s, Qt::SkipEmptyParts);
    QVERIFY(lines.size() > 1);
    QCOMPARE(lines.first(), u"type,severity,expected,key,pid,name,path,unit,user,mode,capabilities,suggestion"_s);
    // One line per process and per file the view lists (the build root's names hold no line end).
    int leaves = 0;
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        for (QTreeWidgetItem *row : rows(tree->topLevelItem(i))) {
            const bool category = row->parent()->parent() == nullptr && tree->topLevelItem(i) == expectedSection(tree);
            leaves += row->childCount() == 0 && !category ? 1 : 0;
        }
    }
    QCOMPARE(int(lines.size()) - 1, leaves);
    QVERIFY(lines.filter(u"file,info,set-id-program,/usr/bin/passwd,"_s).size() == 1);
    if (::geteuid() == 0) {
        const QStringList sleep = lines.filter(u",%1,sleep,/usr/bin/sleep,"_s.arg(m_sleep.processId()));
        QCOMPARE(sleep.size(), 1);
        QVERIFY2(sleep.first().startsWith(u"process,critical,,/usr/bin/sleep,"_s), qPrintable(sleep.first()));
    }
}

// A Full HD offscreen screen without window frames: the default one (800x600) is smaller than the
// audit window, which would be pushed to 0,0 whatever the placement does.
int main(int argc, char **argv)
{
    QTemporaryDir config;
    const QString configFile = config.filePath(u"offscreen.json"_s);
    QFile file(configFile);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(R"({"windowFrameMargins": false, "screens": [{"name": "fullhd", "x": 0, "y": 0,
                   "width": 1920, "height": 1080, "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]})") < 0) {
        return 2;
    }
    file.close();
    qputenv("QT_QPA_PLATFORM", QByteArray("offscreen:configfile=" + QFile::encodeName(configFile)));
    QApplication app(argc, argv);
    AuditViewTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "auditview_test.moc"
