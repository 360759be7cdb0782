// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "app/helper/prove.h"

#include "app/helper/accountfiles.h"
#include "app/helper/engine_p.h"
#include "app/helper/fsops.h"
#include "app/helper/observe.h"
#include "core/base/text.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QThread>

#include <pwd.h>
#include <vector>

using namespace Qt::StringLiterals;
using Deroot::Core::Error;
using Deroot::Core::ExitCode;
using Deroot::Core::quoted;

namespace Deroot::Helper {

namespace {

const QString kSystemdRun = u"/usr/bin/systemd-run"_s;

QString checkUnitName()
{
    const quint64 value = QRandomGenerator::system()->generate64();
    return u"deroot-prove-check-%1.service"_s.arg(value, 16, 16, QLatin1Char('0'));
}

// The plan's service user is still to be made by the apply: nowhere in /etc/passwd below @p root,
// and, with @p askNameService, unknown to the name service too (systemd would run a known user as
// it is, DynamicUser= or not). The trials then borrow a user of that name from systemd.
bool userToBeMade(const QString &root, const QString &user, bool askNameService)
{
    const auto fs = RootFs::open(root);
    if (!fs) {
        return false;
    }
    auto etc = fs->openDirectory(u"/etc"_s, DirectoryRule::Destination);
    if (!etc) {
        return false;
    }
    const auto passwd = RootFs::readState(etc->get(), u"passwd"_s, u"/etc/passwd"_s, kMaxAccountFileBytes);
    if (!passwd || findAccount(parseAccounts(passwd->bytes, true), user).has_value()) {
        return false;
    }
    if (!askNameService) {
        return true;
    }
    const QByteArray name = user.toLocal8Bit();
    std::vector<char> buffer(size_t(64) * 1024);
    struct passwd entry{};
    struct passwd *found = nullptr;
    const int error = ::getpwnam_r(name.constData(), &entry, buffer.data(), buffer.size(), &found);
    return error == 0 && found == nullptr;
}

} // namespace

QStringList checkCommandArguments(const QString &unit, int callerUid, const QString &check)
{
    // A transient service of PID 1's, as the caller: nothing of the helper's root, sandbox or
    // environment reaches it. --pipe hands its output back (the evidence of a failed check);
    // --expand-environment=no keeps a $ in the command for the shell.
    return {u"--quiet"_s,
            u"--pipe"_s,
            u"--wait"_s,
            u"--collect"_s,
            u"--service-type=exec"_s,
            u"--expand-environment=no"_s,
            u"--unit="_s + unit,
            u"--description=Deroot prove check for uid %1"_s.arg(callerUid),
            u"--uid=%1"_s.arg(callerUid),
            u"--setenv=PATH=/usr/sbin:/usr/bin:/sbin:/bin"_s,
            u"--setenv=LC_ALL=C.UTF-8"_s,
            u"--property=RuntimeMaxSec=%1"_s.arg(Core::kTrialCheckSeconds + 5),
            u"--property=TimeoutStopSec=5"_s,
            u"--property=LimitCORE=0"_s,
            u"--"_s,
            u"/bin/sh"_s,
            u"-c"_s,
            check};
}

Prover::Prover(Setup setup, QObject *parent)
    : QObject(parent)
    , m_setup(std::move(setup))
{
    if (!m_setup.obstacle) {
        m_setup.obstacle = [](const Core::ProvePlan &plan) { return Core::trialObstacle(plan); };
    }
    if (!m_setup.loadVendor) {
        m_setup.loadVendor = [](Core::ProvePlan &plan) -> std::optional<Error> {
            if (!plan.isDropIn()) {
                return std::nullopt;
            }
            Core::sweepTrialUnitFiles();
            return Core::loadVendorUnit(plan);
        };
    }
    if (!m_setup.makeRunner) {
        m_setup.makeRunner = [](Core::TrialCheck check) -> std::unique_ptr<Core::TrialRunner> {
            return std::make_unique<Core::SystemdTrialRunner>(std::move(check));
        };
    }
}

std::optional<Error> Prover::check(const Core::CheckedProveRequest &request, int callerUid) const
{
    const CheckedRequest &plan = request.plan;
    Core::Result<Core::ProvePlan> trials = Core::provePlan(plan.input);
    if (!trials) {
        return trials.error();
    }
    const bool borrowed = userToBeMade(m_setup.root, plan.serviceUser, m_setup.askNameService);
    const auto fs = RootFs::open(m_setup.root);
    if (!fs) {
        return fs.error();
    }
    // The checks Apply makes before it trusts the program, then those Observe makes before it starts
    // one as another user: the trials run it with the plan's capabilities.
    if (auto program = openPlanProgram(*fs, plan, false); !program) {
        return program.error();
    }
    if (auto error = checkProgramToRun(m_setup.root, plan.programPath, u"prove"_s)) {
        return error;
    }
    // A user the apply has still to make is lent by systemd for each trial: a fresh uid, never 0.
    if (!borrowed) {
        if (auto error =
                checkRunAsUser(m_setup.root, plan.serviceUser, callerUid, m_setup.askNameService, u"prove"_s)) {
            return error;
        }
    }
    // The unit's Group= and SupplementaryGroups= are given whatever /etc/group says of the user.
    // parseProveRequest() refused the root-equivalent names; a group of gid 0 is root's, by any name.
    auto etc = fs->openDirectory(u"/etc"_s, DirectoryRule::Destination);
    if (!etc) {
        return etc.error();
    }
    const auto groupFile = RootFs::readState(etc->get(), u"group"_s, u"/etc/group"_s, kMaxAccountFileBytes);
    if (!groupFile) {
        return groupFile.error();
    }
    QStringList groups = plan.supplementaryGroups;
    if (!plan.serviceGroup.isEmpty()) {
        groups.prepend(plan.serviceGroup);
    }
    for (const QByteArray &line : groupFile->bytes.split('\n')) {
        const QList<QByteArray> fields = line.split(':');
        if (fields.size() >= 3 && groups.contains(QString::fromUtf8(fields.at(0))) && fields.at(2).trimmed() == "0") {
            return Error{ExitCode::Refused,
                         u"the plan's group %1 has gid 0: it is root's, and proving through the helper never runs "
                         u"anything as root"_s.arg(quoted(QString::fromUtf8(fields.at(0))))};
        }
    }
    Core::ProvePlan proving = *trials;
    if (borrowed) {
        Core::lendDynamicUser(proving);
    }
    if (auto obstacle = m_setup.obstacle(proving)) {
        return obstacle;
    }
    return m_setup.loadVendor(proving);
}

void Prover::run(const Core::CheckedProveRequest &request, int callerUid,
                 std::function<void(const QByteArray &trial)> progress,
                 std::function<void(const Core::Result<QByteArray> &)> done)
{
    const Core::Result<Core::ProvePlan> plan = Core::provePlan(request.plan.input);
    if (!plan) {
        done(plan.error());
        return;
    }
    Core::ProvePlan trials = *plan;
    QStringList notes;
    if (userToBeMade(m_setup.root, request.plan.serviceUser, m_setup.askNameService)) {
        notes << Core::lendDynamicUser(trials);
    }
    // Read again, not taken from check(): what runs is what the unit is now.
    if (const std::optional<Error> refused = m_setup.loadVendor(trials)) {
        done(*refused);
        return;
    }
    if (trials.isDropIn()) {
        notes.prepend(Core::vendorUnitNote(trials));
    }
    // The check as the caller, through PID 1 (the helper's own network namespace is private, and
    // its root must not run what a caller typed).
    Core::TrialCheck check;
    if (!request.check.isEmpty()) {
        if (!m_setup.runner) {
            done(Error{ExitCode::Unavailable, u"this helper cannot run a check command"_s});
            return;
        }
        check = [runner = m_setup.runner, callerUid, command = request.check] {
            const QString unit = checkUnitName();
            const Core::ToolRun run = runner->run(kSystemdRun, checkCommandArguments(unit, callerUid, command), {},
                                                  Core::kTrialCheckSeconds * 1000);
            if (!run.finished) {
                (void)runner->run(kSystemctl, {u"stop"_s, u"--no-block"_s, u"--"_s, unit}, {}, 10000);
            }
            return Core::TrialCheckResult{run.finished ? run.exitCode : -1, QString::fromUtf8(run.out.right(400))};
        };
    }
    std::shared_ptr<Core::TrialRunner> runner = m_setup.makeRunner(std::move(check));
    const int seconds = request.seconds;
    const QString command = request.check;
    const QList<Core::SandboxCandidate> sandbox = request.sandbox;
    // Written by the thread, read back on this object's thread once it has finished.
    auto result = std::make_shared<Core::Result<QByteArray>>(Error{ExitCode::Failure, u"the trials did not end"_s});
    // Core::prove() waits on each trial: on a thread of its own, the helper's event loop goes on.
    // Each trial's end, handed from the thread to this object's thread (a signal of this object
    // emitted on the trials' thread is queued to it), where the bus is used.
    std::function<void(const Core::TrialRecord &)> told;
    auto relay = std::make_shared<QMetaObject::Connection>();
    if (progress) {
        *relay = connect(this, &Prover::trialEnded, this,
                         [progress = std::move(progress)](const QByteArray &trial) { progress(trial); });
        told = [this](const Core::TrialRecord &record) {
            Q_EMIT trialEnded(QJsonDocument(Core::trialRecordToJson(record)).toJson(QJsonDocument::Compact));
        };
    }
    QThread *thread = QThread::create([runner, trials, seconds, command, sandbox, notes, result, told] {
        Core::ProveReport report = Core::prove(trials, seconds, command, sandbox, *runner, told);
        report.notes = notes;
        const QStringList left = runner->leftoverUnits();
        if (!left.isEmpty()) {
            *result = Error{ExitCode::Failure, u"transient units of the trials are still loaded: %1 (systemctl stop "
                                               u"and systemctl reset-failed remove them)"_s.arg(left.join(u", "_s))};
            return;
        }
        *result = QJsonDocument(Core::proveReportToJson(report)).toJson(QJsonDocument::Compact);
    });
    // Queued to this object's thread (the receiver's): the answer goes out from the event loop.
    connect(thread, &QThread::finished, this, [this, relay, result, done = std::move(done)] {
        disconnect(*relay);
        done(*result);
    });
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
}

} // namespace Deroot::Helper
