// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// The hostile families through the real helper: one request of each family of
// tests/data/plans, sent straight to the installed deroot-helper over the system bus (past
// derootctl's own check, as an attacker would), must be refused with ExitCode::Refused and the
// corpus's reason, and leave /etc (units, sudoers, sysusers.d, accounts), the file capabilities
// under /usr, systemd's unit files and the helper's history exactly as they were.
//
// And the hole the corpus found (a vendor command line written back into a drop-in): systemd's own
// reading of the drop-in the generators wrote before the fix, loaded for a oneshot unit under
// /run, shows the second command that would have run as root, and the User= line a final
// backslash swallowed.
#include "applysupport.h"
#include "hostsupport.h"
#include "manifest.h"
#include "planfixture.h"

#include "core/client/helperclient.h"
#include "core/plan/applyrequest.h"
#include "core/plan/proverequest.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <optional>

using namespace Deroot;
using namespace Deroot::TestSupport;
using namespace Qt::StringLiterals;

namespace {

const QString kProgram = u"/usr/local/bin/deroot-test-agent"_s;
const QByteArray kProgramBytes = "#!/bin/sh\nexec sleep infinity\n";

// One case of each family (tests/data/plans/README.md): the JSON, plan.json outside its input, the
// request's files, each route to privilege as a hand edit with its hashes recomputed, and the
// typed input (reader, validation, grant rules, and the vendor line the corpus found).
const QStringList kFamilies{
    u"duplicate-key-in-input"_s,
    u"duplicate-mode-setuid"_s,
    u"ambient-capabilities-setuid-rehashed"_s,
    u"schema-one"_s,
    u"generator-other-version"_s,
    u"plan-compact"_s,
    u"summary-program-path"_s,
    u"path-passwd"_s,
    u"mode-setuid"_s,
    u"file-extra-rehashed"_s,
    u"content-changed-after-review"_s,
    u"sudoers-all-all-rehashed"_s,
    u"called-sudoers-any-argument-rehashed"_s,
    u"sudoers-runas-all-rehashed"_s,
    u"unit-user-moved-to-unit-section-rehashed"_s,
    u"unit-user-moved-to-x-section-rehashed"_s,
    u"exec-start-lone-semicolon-rehashed"_s,
    u"exec-start-escaped-semicolon-rehashed"_s,
    u"exec-start-prefix-plus-rehashed"_s,
    u"exec-start-prefix-all-rehashed"_s,
    u"standardoutput-file-rehashed"_s,
    u"standarderror-append-rehashed"_s,
    u"ambient-capabilities-more-rehashed"_s,
    u"bounding-set-removed-rehashed"_s,
    u"supplementary-groups-shadow-rehashed"_s,
    u"no-new-privileges-no-rehashed"_s,
    u"execstartpre-rehashed"_s,
    u"load-credential-rehashed"_s,
    u"environment-ld-preload-rehashed"_s,
    // Tried once more: PATH from a folder anyone writes, into the unit by hand and into the input.
    u"environment-path-tmp-rehashed"_s,
    u"input-environment-path-tmp"_s,
    // Tried again: a system folder's name with "..", and systemd's own search path, by hand.
    u"input-environment-path-dot-dot"_s,
    u"exec-search-path-rehashed"_s,
    u"environment-file-rehashed"_s,
    u"useradd-group-docker-rehashed"_s,
    u"sysusers-uid-zero-rehashed"_s,
    u"setcap-more-capabilities-rehashed"_s,
    u"input-unknown-key"_s,
    u"input-listen-port-too-big"_s,
    u"input-capability-lower-case"_s,
    u"input-primary-group-lxd"_s,
    u"input-supplementary-group-sudo"_s,
    u"input-sudo-command-usr-bin-vi"_s,
    u"input-sudo-command-usr-bin-python3.13"_s,
    u"input-setcap-interpreter-usr-bin-python3.13"_s,
    u"input-drop-in-for-ssh"_s,
    u"input-capability-more"_s,
    u"input-vendor-line-lone-semicolon"_s,
    u"input-vendor-line-trailing-backslash"_s,
    // The start modes: a scheduled plan's timer and oneshot service edited after review, a called
    // program's caller that is root, and a called program that carries a service's groups.
    u"timer-unit-other-service-rehashed"_s,
    u"scheduled-service-restart-always-rehashed"_s,
    u"input-caller-root"_s,
    u"input-called-by-with-groups"_s,
};

Core::ApplyRequest baseRequest(const QString &kind, const QString &directory)
{
    const auto written = writePlanExport(kind, directory + u'/' + kind, kProgram, kProgramBytes);
    if (!written) {
        qFatal("cannot generate the %s plan: %s", qPrintable(kind), qPrintable(written.error().message));
    }
    const auto request = Core::readApplyRequest(*written);
    if (!request) {
        qFatal("cannot read the %s plan: %s", qPrintable(kind), qPrintable(request.error().message));
    }
    return *request;
}

// The answer of the helper's Apply, through the system bus.
// What the helper makes of @p request sent to Apply, or to Prove (one second a trial, no check): a
// hand-edited plan must be refused alike by both, before anything runs.
enum class Method { Apply, Prove };
Core::Result<QJsonObject> askTheHelper(const Core::ApplyRequest &request, Method method)
{
    Core::HelperClient client;
    std::optional<Core::Result<QJsonObject>> answer;
    QEventLoop loop;
    if (method == Method::Apply) {
        client.apply(request, 0, [&](const Core::Result<Core::ApplyOutcome> &result) {
            answer = result ? Core::Result<QJsonObject>(result->toJson()) : Core::Result<QJsonObject>(result.error());
            loop.quit();
        });
    } else {
        client.prove(Core::ProveRequest{request, 1, QString()}, [&](const Core::Result<QByteArray> &result) {
            answer = result ? Core::Result<QJsonObject>(QJsonDocument::fromJson(*result).object())
                            : Core::Result<QJsonObject>(result.error());
            loop.quit();
        });
    }
    if (!answer) {
        QTimer::singleShot(120000, &loop, &QEventLoop::quit);
        loop.exec();
    }
    if (!answer) {
        return Core::Error{Core::ExitCode::Failure, u"the helper did not answer within 2 minutes"_s};
    }
    return *answer;
}

// What a refused apply must leave as it was, beyond /etc and the file capabilities: the unit
// files systemd knows and whether it needs a reload.
QString systemdState()
{
    const HostRun files = hostRun(u"systemctl"_s, {u"list-unit-files"_s, u"--no-legend"_s, u"--no-pager"_s});
    return files.output + u"\nNeedDaemonReload of multi-user.target: "_s +
           systemctlShow(u"multi-user.target"_s, u"NeedDaemonReload"_s);
}

} // namespace

class HostilePlansHostTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(u"/run/systemd/system"_s), "not inside the booted test host");
        QVERIFY(m_directory.isValid());
        const auto cases = readHostileCases(QStringLiteral(DEROOT_TEST_DATA "/plans"));
        for (const HostileCase &hostileCase : cases) {
            m_cases.insert(hostileCase.name, hostileCase);
        }
    }

    void eachFamilyIsRefusedAndChangesNothing_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("method");
        for (const QString &name : kFamilies) {
            QTest::newRow(qPrintable(u"apply "_s + name)) << name << int(Method::Apply);
        }
        // The same hand-edited plans (hashes recomputed) sent to Prove, which runs the agent with
        // the plan's settings: refused by the same parse, and no trial unit starts.
        for (const QString &name : kFamilies) {
            QTest::newRow(qPrintable(u"prove "_s + name)) << name << int(Method::Prove);
        }
    }

    void eachFamilyIsRefusedAndChangesNothing()
    {
        QFETCH(QString, name);
        QFETCH(int, method);
        QVERIFY2(m_cases.contains(name), qPrintable(u"no such case in tests/data/plans: "_s + name));
        const HostileCase &hostileCase = m_cases.value(name);
        QVERIFY(!hostileCase.needsSystem);
        const Core::ApplyRequest request =
            mutateRequest(baseRequest(hostileCase.base, m_directory.path()), hostileCase);

        const Manifest before = systemManifest();
        const QString systemdBefore = systemdState();
        const qsizetype historyBefore = helperHistory().size();

        const auto answer = askTheHelper(request, Method(method));
        QVERIFY2(!answer.ok(), "the helper applied or proved a hostile plan");
        QCOMPARE(answer.error().code, Core::ExitCode::Refused);
        QVERIFY2(answer.error().message.contains(hostileCase.expect),
                 qPrintable(u"expected %1 in: %2"_s.arg(hostileCase.expect, answer.error().message)));
        QVERIFY2(!answer.error().message.contains(u'\n'), qPrintable(answer.error().message));

        const QString diff = manifestDiff(before, systemManifest());
        QVERIFY2(diff.isEmpty(), qPrintable(u"a refused plan changed the system:\n"_s + diff));
        QCOMPARE(systemdState(), systemdBefore);
        QCOMPARE(helperHistory().size(), historyBefore);
        QCOMPARE(hostRun(u"systemctl"_s, {u"list-units"_s, u"--all"_s, u"--no-legend"_s, u"deroot-prove-*"_s})
                     .output.trimmed(),
                 QString());
    }

    // Why the vendor line must be one command: the drop-ins Deroot's generators wrote before the
    // fix, as the corpus's vendor-line cases carry them, read by the real systemd for a oneshot
    // unit of its own under /run (removed again at the end).
    void vendorLineHoleIsRealInSystemd()
    {
        const QString unit = u"deroot-vendor-line-proof.service"_s;
        const QString unitPath = u"/run/systemd/system/"_s + unit;
        const QString dropInDirectory = unitPath + u".d"_s;
        const auto removeAll = qScopeGuard([&] {
            QDir(dropInDirectory).removeRecursively();
            QFile::remove(unitPath);
            hostRun(u"systemctl"_s, {u"daemon-reload"_s});
        });
        QFile file(unitPath);
        QVERIFY(file.open(QIODevice::WriteOnly));
        // The program of the corpus's plans: it need not exist, systemd only parses here.
        file.write("[Service]\nType=oneshot\nExecStart=" + kProgram.toUtf8() + " --run\n");
        file.close();
        QVERIFY(QDir().mkpath(dropInDirectory));

        const auto dropInOf = [&](const QString &name) {
            const Core::ApplyRequest request =
                mutateRequest(baseRequest(m_cases.value(name).base, m_directory.path()), m_cases.value(name));
            return request.files.value(u"deroot.conf"_s);
        };
        const auto load = [&](const QByteArray &dropIn) {
            QFile conf(dropInDirectory + u"/deroot.conf"_s);
            return conf.open(QIODevice::WriteOnly | QIODevice::Truncate) && conf.write(dropIn) == dropIn.size() &&
                   (conf.close(), hostRun(u"systemctl"_s, {u"daemon-reload"_s}).exitCode == 0);
        };

        // A lone ';': two commands, the second with '+' (full privileges).
        const QByteArray semicolon = dropInOf(u"input-vendor-line-lone-semicolon"_s);
        QVERIFY2(semicolon.contains("infinity --run ; +/bin/sh -c id\n"), semicolon.constData());
        QVERIFY(load(semicolon));
        const QString commands = systemctlShow(unit, u"ExecStart"_s);
        QVERIFY2(commands.contains(u"path=/bin/sh"_s) && commands.contains(u"path="_s + kProgram),
                 qPrintable(commands));
        QCOMPARE(systemctlShow(unit, u"User"_s), u"deroot-capsagent"_s);

        // A final backslash: User= and Group= become arguments, and the unit runs as root.
        const QByteArray backslash = dropInOf(u"input-vendor-line-trailing-backslash"_s);
        QVERIFY2(backslash.contains("--run \\\nUser=deroot-capsagent\n"), backslash.constData());
        QVERIFY(load(backslash));
        QCOMPARE(systemctlShow(unit, u"User"_s), QString());
        QVERIFY2(systemctlShow(unit, u"ExecStart"_s).contains(u"User=deroot-capsagent"_s),
                 qPrintable(systemctlShow(unit, u"ExecStart"_s)));
    }

    // The drop-in a plan for an agent's own unit carries, edited by hand the ways that would make a
    // trial or an apply run more than the prompt shows, every hash recomputed: refused by Apply and
    // by Prove (which runs a copy of the vendor's unit with it), and nothing runs or changes.
    void handEditedDropInIsRefused_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<int>("method");
        const struct
        {
            const char *name;
            const char *from;
            const char *to;
        } edits[] = {
            {"a root command before the agent", "[Service]\n", "[Service]\nExecStartPre=+/bin/sh -c id\n"},
            {"a root command after it", "[Service]\n", "[Service]\nExecStopPost=!/bin/sh -c id\n"},
            {"the user back to root", "User=deroot-dropinagent\n", "User=root\n"},
            {"every capability", "AmbientCapabilities=CAP_NET_RAW\n", "AmbientCapabilities=~\n"},
            {"no_new_privs off", "NoNewPrivileges=yes\n", "NoNewPrivileges=no\n"},
            {"a trial's name for the vendor's drop-ins", "[Service]\n", "[Service]\nDropInPaths=/tmp/x.conf\n"},
        };
        for (const auto &edit : edits) {
            for (const int method : {int(Method::Apply), int(Method::Prove)}) {
                QTest::newRow(qPrintable(u"%1 %2"_s.arg(method == int(Method::Apply) ? u"apply"_s : u"prove"_s,
                                                        QString::fromLatin1(edit.name))))
                    << QString::fromLatin1(edit.from) << QString::fromLatin1(edit.to) << method;
            }
        }
    }

    void handEditedDropInIsRefused()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(int, method);
        HostileCase edit;
        edit.name = u"dropin-edit"_s;
        edit.base = u"dropin"_s;
        edit.json =
            QJsonObject{{u"rehash"_s, true}, {u"replace"_s, QJsonArray{QJsonArray{u"deroot.conf"_s, from, to}}}};
        const Core::ApplyRequest original = baseRequest(u"dropin"_s, m_directory.path());
        QVERIFY2(original.files.value(u"deroot.conf"_s).contains(from.toUtf8()), "the edit does not apply");
        const Core::ApplyRequest request = mutateRequest(original, edit);
        QVERIFY(request.files.value(u"deroot.conf"_s) != original.files.value(u"deroot.conf"_s));

        const Manifest before = systemManifest();
        const QString systemdBefore = systemdState();
        const auto answer = askTheHelper(request, Method(method));
        QVERIFY2(!answer.ok(), "the helper applied or proved a hand-edited drop-in");
        QCOMPARE(answer.error().code, Core::ExitCode::Refused);
        QVERIFY2(
            answer.error().message.contains(u"'deroot.conf' is not the file Deroot's generators write for this plan"_s),
            qPrintable(answer.error().message));
        const QString diff = manifestDiff(before, systemManifest());
        QVERIFY2(diff.isEmpty(), qPrintable(u"a refused plan changed the system:\n"_s + diff));
        QCOMPARE(systemdState(), systemdBefore);
        QCOMPARE(QDir(u"/run/systemd/system"_s).entryList({u"deroot-prove-*"_s}, QDir::AllEntries | QDir::System),
                 QStringList());
    }

private:
    QTemporaryDir m_directory;
    QMap<QString, HostileCase> m_cases;
};

QTEST_GUILESS_MAIN(HostilePlansHostTest)
#include "hostileplans_test.moc"
