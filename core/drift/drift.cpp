// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/drift/drift.h"

#include "core/base/text.h"
#include "core/model/capabilities.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

namespace Deroot::Core {

namespace {

// Every message is QCoreApplication::translate() with its context spelled out: lupdate names the
// context of a tr() wrapper by the class it is called in, which would not be the one looked up.
const QStringList kWriteKinds{u"write-unit"_s, u"write-sudoers"_s, u"write-sysusers"_s};
const QStringList kInPlace{u"applied"_s, u"pending"_s, u"rollback-failed"_s};

QString timeText(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODate);
}

// The capabilities a unit file's lines set for @p key, as systemd adds them up: each line adds
// its names, an empty one clears what came before. Nothing when the file does not set @p key, or
// sets it inverted ("~..."), which names what is left out rather than what is in.
std::optional<QSet<QString>> unitCapabilitySet(const QByteArray &file, const QString &key)
{
    std::optional<QSet<QString>> set;
    for (const QByteArray &raw : file.split('\n')) {
        const QString line = QString::fromUtf8(raw).trimmed();
        if (!line.startsWith(key + u'=')) {
            continue;
        }
        const QString value = line.mid(key.size() + 1).trimmed();
        if (value.startsWith(u'~')) {
            return std::nullopt;
        }
        if (!set || value.isEmpty()) {
            set = QSet<QString>{};
        }
        for (const QString &name : value.split(u' ', Qt::SkipEmptyParts)) {
            set->insert(name.toLower());
        }
    }
    return set;
}

QSet<QString> propertySet(const QString &value)
{
    QSet<QString> set;
    for (const QString &name : value.split(u' ', Qt::SkipEmptyParts)) {
        set.insert(name.toLower());
    }
    return set;
}

QString sortedNames(const QSet<QString> &set)
{
    QStringList names(set.begin(), set.end());
    names.sort();
    return names.isEmpty() ? QCoreApplication::translate("Deroot::Core::Drift", "none") : names.join(u' ');
}

std::uint64_t capabilityMask(const QStringList &names, bool *known)
{
    std::uint64_t mask = 0;
    *known = true;
    for (const QString &name : names) {
        if (const auto info = capabilityByName(name)) {
            mask |= std::uint64_t(1) << info->number;
        } else {
            *known = false;
        }
    }
    return mask;
}

QString maskNames(std::uint64_t mask)
{
    const QStringList names = capabilityNames(mask);
    return names.isEmpty() ? QCoreApplication::translate("Deroot::Core::Drift", "none") : names.join(u' ').toLower();
}

class Comparison
{
public:
    Comparison(const QJsonObject &record, const LiveSystem &live, const QHash<QString, QString> &owner)
        : m_record(record)
        , m_live(live)
        , m_owner(owner)
        , m_id(record.value(u"id"_s).toString())
    {}

    PlanDrift run();

private:
    void add(const QString &what, const QString &target, DriftCheck::State state, const QString &message,
             std::optional<QDateTime> since = std::nullopt)
    {
        m_plan.checks.append(DriftCheck{what, target, state, message, since});
    }
    void compareWrite(const QJsonObject &step);
    void compareCapabilities(const QJsonObject &step);
    void compareUser();
    void compareUnit();

    const QJsonObject &m_record;
    const LiveSystem &m_live;
    const QHash<QString, QString> &m_owner;
    const QString m_id;
    PlanDrift m_plan;
    QStringList m_replacedBy;               ///< the later applies that own what this one put in place
    int m_placed = 0;                       ///< files and capabilities this apply still owns
    int m_missing = 0;                      ///< of those, the ones that are gone
    QHash<QString, QByteArray> m_unitFiles; ///< the unit files and drop-ins that hold, with their bytes
};

void Comparison::compareWrite(const QJsonObject &step)
{
    const QString target = step.value(u"target"_s).toString();
    if (m_owner.value(target) != m_id) {
        m_replacedBy << m_owner.value(target);
        return;
    }
    ++m_placed;
    const QString expected = step.value(u"after_sha256"_s).toString();
    const FileFacts facts = m_live.file(target);
    if (!facts.exists) {
        ++m_missing;
        add(u"file"_s, target, DriftCheck::State::Drifted,
            QCoreApplication::translate("Deroot::Core::Drift", "%1 was removed.").arg(oneLine(target)));
    } else if (!facts.readable) {
        add(u"file"_s, target, DriftCheck::State::Unknown,
            QCoreApplication::translate("Deroot::Core::Drift",
                                        "%1 is readable by root alone: run derootctl status as root to compare it.")
                .arg(oneLine(target)));
    } else if (facts.sha256 != expected) {
        add(u"file"_s, target, DriftCheck::State::Drifted,
            QCoreApplication::translate("Deroot::Core::Drift", "%1 was changed since the apply (modified %2).")
                .arg(oneLine(target), timeText(facts.modified)),
            facts.modified);
    } else {
        add(u"file"_s, target, DriftCheck::State::Holding,
            QCoreApplication::translate("Deroot::Core::Drift", "%1 is as the apply wrote it.").arg(oneLine(target)));
        if (step.value(u"kind"_s).toString() == u"write-unit") {
            m_unitFiles.insert(target, m_live.fileBytes(target));
        }
    }
}

void Comparison::compareCapabilities(const QJsonObject &step)
{
    const QJsonObject caps = step.value(u"caps"_s).toObject();
    const QString path = caps.value(u"path"_s).toString();
    if (path.isEmpty() || !caps.value(u"after"_s).isString()) {
        return;
    }
    if (m_owner.value(path) != m_id) {
        m_replacedBy << m_owner.value(path);
        return;
    }
    ++m_placed;
    const QByteArray wanted = QByteArray::fromBase64(caps.value(u"after"_s).toString().toLatin1());
    const QString approved = m_record.value(u"program_sha256"_s).toString();
    const FileFacts facts = m_live.file(path);
    const std::optional<QString> statOverride = m_live.statOverride(path);
    if (!facts.exists) {
        ++m_missing;
        add(u"program"_s, path, DriftCheck::State::Drifted,
            QCoreApplication::translate("Deroot::Core::Drift", "The program %1 is gone, and its capabilities with it.")
                .arg(oneLine(path)));
        return;
    }
    bool programHolds = true;
    if (facts.readable && !approved.isEmpty() && facts.sha256 != approved) {
        programHolds = false;
        add(u"program"_s, path, DriftCheck::State::Drifted,
            QCoreApplication::translate(
                "Deroot::Core::Drift",
                "The program %1 is another file than the one approved (its SHA-256 differs, changed %2): "
                "reconcile leaves it alone; review it and apply a new plan.")
                .arg(oneLine(path), timeText(facts.changed)),
            facts.changed);
    } else if (!facts.readable) {
        add(u"program"_s, path, DriftCheck::State::Unknown,
            QCoreApplication::translate("Deroot::Core::Drift", "The program %1 cannot be read to compare its SHA-256.")
                .arg(oneLine(path)));
    }
    if (facts.capabilityXattr == wanted) {
        add(u"capabilities"_s, path, DriftCheck::State::Holding,
            QCoreApplication::translate("Deroot::Core::Drift", "%1 has the capabilities the apply set.")
                .arg(oneLine(path)));
        return;
    }
    QString message = facts.capabilityXattr
                          ? QCoreApplication::translate("Deroot::Core::Drift",
                                                        "%1 has other capabilities than the apply set (since %2).")
                          : QCoreApplication::translate(
                                "Deroot::Core::Drift",
                                "%1 lost the capabilities the apply set (since %2; a package upgrade or reinstall "
                                "unpacks a new file without them).");
    message = message.arg(oneLine(path), timeText(facts.changed));
    if (statOverride) {
        message += u' ' + QCoreApplication::translate(
                              "Deroot::Core::Drift",
                              "dpkg-statoverride holds %1 for it: reconcile leaves it alone (hands off).")
                              .arg(quoted(*statOverride));
    } else if (programHolds && !approved.isEmpty() && facts.readable) {
        m_plan.reconcilable = true;
        message += u' ' + QCoreApplication::translate("Deroot::Core::Drift", "derootctl reconcile sets them again.");
    } else if (approved.isEmpty()) {
        message += u' ' + QCoreApplication::translate(
                              "Deroot::Core::Drift",
                              "The apply was recorded without its program's SHA-256: apply the plan again to have "
                              "them kept.");
    }
    add(u"capabilities"_s, path, DriftCheck::State::Drifted, message, facts.changed);
}

void Comparison::compareUser()
{
    const QString user = m_record.value(u"service_user"_s).toString();
    if (user.isEmpty()) {
        return;
    }
    if (m_live.userId(user)) {
        add(u"user"_s, user, DriftCheck::State::Holding,
            QCoreApplication::translate("Deroot::Core::Drift", "The service user %1 exists.").arg(oneLine(user)));
    } else {
        add(u"user"_s, user, DriftCheck::State::Drifted,
            QCoreApplication::translate("Deroot::Core::Drift", "The service user %1 no longer exists.")
                .arg(oneLine(user)));
    }
}

void Comparison::compareUnit()
{
    const QString unit = m_record.value(u"unit"_s).toString();
    if (unit.isEmpty() || m_unitFiles.isEmpty()) {
        return; // no unit of its own, or its files are drifted already (said above)
    }
    const QHash<QString, QString> properties = m_live.unitProperties(unit);
    if (properties.isEmpty()) {
        add(u"unit"_s, unit, DriftCheck::State::Unknown,
            QCoreApplication::translate("Deroot::Core::Drift", "systemd cannot be asked about %1.").arg(oneLine(unit)));
        return;
    }
    const QString load = properties.value(u"LoadState"_s);
    if (load != u"loaded") {
        add(u"unit"_s, unit, DriftCheck::State::Drifted,
            QCoreApplication::translate("Deroot::Core::Drift", "systemd has %1 %2, not loaded.")
                .arg(oneLine(unit), load));
        return;
    }
    if (properties.value(u"NeedDaemonReload"_s) == u"yes") {
        add(u"unit"_s, unit, DriftCheck::State::Drifted,
            QCoreApplication::translate(
                "Deroot::Core::Drift",
                "systemd runs %1 from files that changed since it loaded them (systemctl daemon-reload).")
                .arg(oneLine(unit)));
    }
    const QString user = m_record.value(u"service_user"_s).toString();
    QStringList off;
    if (!user.isEmpty() && properties.value(u"User"_s) != user) {
        off << QCoreApplication::translate("Deroot::Core::Drift", "User=%1 where the plan has %2")
                   .arg(oneLine(properties.value(u"User"_s)), oneLine(user));
    }
    // The capability settings the files Deroot wrote hold, as systemd loaded them: a later drop-in
    // (another tool's, or the vendor's new one) that changes them is drift.
    for (const QString &key : {u"AmbientCapabilities"_s, u"CapabilityBoundingSet"_s}) {
        std::optional<QSet<QString>> expected;
        for (const QByteArray &bytes : std::as_const(m_unitFiles)) {
            if (const auto set = unitCapabilitySet(bytes, key)) {
                expected = set;
            }
        }
        const QSet<QString> loaded = propertySet(properties.value(key));
        if (expected && *expected != loaded) {
            off << QCoreApplication::translate("Deroot::Core::Drift", "%1=%2 where the plan has %3")
                       .arg(key, sortedNames(loaded), sortedNames(*expected));
        }
    }
    if (off.isEmpty()) {
        add(u"unit"_s, unit, DriftCheck::State::Holding,
            QCoreApplication::translate("Deroot::Core::Drift", "systemd has loaded %1 with the plan's settings.")
                .arg(oneLine(unit)));
    } else {
        add(u"unit"_s, unit, DriftCheck::State::Drifted,
            QCoreApplication::translate("Deroot::Core::Drift", "systemd has loaded %1 with other settings: %2.")
                .arg(oneLine(unit), off.join(u"; "_s)));
    }
    // The running agent's credentials, as the kernel has them.
    const qint64 pid = properties.value(u"MainPID"_s).toLongLong();
    if (pid <= 0) {
        add(u"agent"_s, unit, DriftCheck::State::Unknown,
            QCoreApplication::translate("Deroot::Core::Drift", "%1 is not running: its credentials cannot be compared.")
                .arg(oneLine(unit)));
        return;
    }
    const ProcessFacts process = m_live.process(pid);
    if (!process.found) {
        add(u"agent"_s, unit, DriftCheck::State::Unknown,
            QCoreApplication::translate("Deroot::Core::Drift", "The process %1 of %2 went away while it was read.")
                .arg(pid)
                .arg(oneLine(unit)));
        return;
    }
    QStringList wrong;
    const std::optional<qint64> uid = user.isEmpty() ? std::nullopt : m_live.userId(user);
    if (uid && process.uid != *uid) {
        wrong << QCoreApplication::translate("Deroot::Core::Drift", "runs as uid %1, not %2's uid %3")
                     .arg(process.uid)
                     .arg(oneLine(user))
                     .arg(*uid);
    }
    if (m_record.contains(u"capabilities"_s)) {
        QStringList names;
        for (const QJsonValue &name : m_record.value(u"capabilities"_s).toArray()) {
            names << name.toString();
        }
        bool known = false;
        const std::uint64_t planned = capabilityMask(names, &known);
        if (known) {
            const std::pair<QString, std::uint64_t> sets[] = {{u"CapEff"_s, process.capEff},
                                                              {u"CapPrm"_s, process.capPrm}};
            for (const auto &[label, mask] : sets) {
                if ((mask & ~planned) != 0) {
                    wrong << QCoreApplication::translate("Deroot::Core::Drift", "%1 holds more than planned: %2")
                                 .arg(label, maskNames(mask & ~planned));
                }
                if ((planned & ~mask) != 0) {
                    wrong << QCoreApplication::translate("Deroot::Core::Drift", "%1 lacks %2")
                                 .arg(label, maskNames(planned & ~mask));
                }
            }
        }
    }
    if (wrong.isEmpty()) {
        add(u"agent"_s, unit, DriftCheck::State::Holding,
            QCoreApplication::translate("Deroot::Core::Drift",
                                        "The running agent (pid %1) has the plan's user and capabilities.")
                .arg(pid));
    } else {
        add(u"agent"_s, unit, DriftCheck::State::Drifted,
            QCoreApplication::translate("Deroot::Core::Drift", "The running agent (pid %1) %2.")
                .arg(pid)
                .arg(wrong.join(u"; "_s)));
    }
}

PlanDrift Comparison::run()
{
    m_plan.applyId = m_id;
    m_plan.agent = m_record.value(u"agent"_s).toString();
    m_plan.method = m_record.value(u"method"_s).toString();
    m_plan.created = m_record.value(u"created"_s).toString();
    m_plan.journalState = m_record.value(u"state"_s).toString();
    if (m_plan.journalState == u"rolled-back") {
        m_plan.state = PlanDrift::State::Gone;
        m_plan.summary = QCoreApplication::translate("Deroot::Core::Drift", "Gone: rolled back (%1).")
                             .arg(m_record.value(u"finished"_s).toString());
        return m_plan;
    }
    bool createdUser = false;
    for (const QJsonValue &value : m_record.value(u"steps"_s).toArray()) {
        const QJsonObject step = value.toObject();
        if (step.value(u"status"_s).toString() != u"done") {
            continue;
        }
        const QString kind = step.value(u"kind"_s).toString();
        if (kWriteKinds.contains(kind)) {
            compareWrite(step);
        } else if (kind == u"set-file-caps") {
            compareCapabilities(step);
        } else if (kind == u"create-user") {
            createdUser = true;
        }
    }
    if (createdUser || !m_unitFiles.isEmpty()) {
        compareUser();
    }
    compareUnit();
    m_replacedBy.removeDuplicates();
    for (const DriftCheck &check : std::as_const(m_plan.checks)) {
        if (check.state == DriftCheck::State::Drifted && check.since &&
            (!m_plan.since || *check.since > *m_plan.since)) {
            m_plan.since = check.since;
        }
    }
    const auto drifted = std::count_if(m_plan.checks.cbegin(), m_plan.checks.cend(), [](const DriftCheck &check) {
        return check.state == DriftCheck::State::Drifted;
    });
    if (m_placed == 0 && !m_replacedBy.isEmpty()) {
        m_plan.state = PlanDrift::State::Gone;
        m_plan.replaced = true;
        m_plan.summary = QCoreApplication::translate("Deroot::Core::Drift", "Gone: replaced by the later apply %1.")
                             .arg(m_replacedBy.join(u", "_s));
    } else if (m_placed > 0 && m_missing == m_placed) {
        m_plan.state = PlanDrift::State::Gone;
        m_plan.summary = QCoreApplication::translate(
            "Deroot::Core::Drift", "Gone: every file and capability it put in place was removed, without a rollback.");
    } else if (drifted > 0) {
        m_plan.state = PlanDrift::State::Drifted;
        // Counted with Qt's plural forms, and "1 thing" / "3 things" in derootctl's English.
        m_plan.summary =
            m_plan.since
                ? countedText(
                      "Deroot::Core::Drift",
                      QT_TRANSLATE_N_NOOP("Deroot::Core::Drift", "Drifted: %n difference(s) from the apply, since %1."),
                      int(drifted))
                      .arg(timeText(*m_plan.since))
                : countedText("Deroot::Core::Drift",
                              QT_TRANSLATE_N_NOOP("Deroot::Core::Drift", "Drifted: %n difference(s) from the apply."),
                              int(drifted));
    } else {
        m_plan.state = PlanDrift::State::Holding;
        m_plan.summary =
            QCoreApplication::translate("Deroot::Core::Drift", "Holding: everything it put in place is as it was put.");
    }
    if (!m_replacedBy.isEmpty() && m_plan.state != PlanDrift::State::Gone) {
        m_plan.summary +=
            u' ' + QCoreApplication::translate("Deroot::Core::Drift", "Part of it is now the later apply %1's.")
                       .arg(m_replacedBy.join(u", "_s));
    }
    return m_plan;
}

} // namespace

QString driftStateId(PlanDrift::State state)
{
    switch (state) {
    case PlanDrift::State::Holding:
        return u"holding"_s;
    case PlanDrift::State::Drifted:
        return u"drifted"_s;
    case PlanDrift::State::Gone:
        return u"gone"_s;
    }
    return u"unknown"_s;
}

QString checkStateId(DriftCheck::State state)
{
    switch (state) {
    case DriftCheck::State::Holding:
        return u"holding"_s;
    case DriftCheck::State::Drifted:
        return u"drifted"_s;
    case DriftCheck::State::Unknown:
        return u"unknown"_s;
    }
    return u"unknown"_s;
}

QString driftStateText(PlanDrift::State state)
{
    switch (state) {
    case PlanDrift::State::Holding:
        return QCoreApplication::translate("Deroot::Core::Drift", "holding");
    case PlanDrift::State::Drifted:
        return QCoreApplication::translate("Deroot::Core::Drift", "drifted");
    case PlanDrift::State::Gone:
        return QCoreApplication::translate("Deroot::Core::Drift", "gone");
    }
    return {};
}

QJsonObject DriftCheck::toJson() const
{
    QJsonObject json{
        {u"what"_s, what}, {u"target"_s, target}, {u"state"_s, checkStateId(state)}, {u"message"_s, message}};
    json.insert(u"since"_s, since ? QJsonValue(timeText(*since)) : QJsonValue());
    return json;
}

QJsonObject PlanDrift::toJson() const
{
    QJsonArray array;
    for (const DriftCheck &check : checks) {
        array.append(check.toJson());
    }
    QJsonObject json{{u"apply_id"_s, applyId},
                     {u"agent"_s, agent},
                     {u"method"_s, method},
                     {u"created"_s, created},
                     {u"journal_state"_s, journalState},
                     {u"state"_s, driftStateId(state)},
                     {u"summary"_s, summary},
                     {u"reconcilable"_s, reconcilable},
                     {u"replaced"_s, replaced},
                     {u"checks"_s, array}};
    json.insert(u"since"_s, since ? QJsonValue(timeText(*since)) : QJsonValue());
    return json;
}

QList<PlanDrift> compareWithSystem(const QJsonArray &history, const LiveSystem &live)
{
    // Who owns each file and program: the newest apply in place that wrote it (history is newest
    // first, so the first one met).
    QHash<QString, QString> owner;
    for (const QJsonValue &value : history) {
        const QJsonObject record = value.toObject();
        if (!kInPlace.contains(record.value(u"state"_s).toString())) {
            continue;
        }
        const QString id = record.value(u"id"_s).toString();
        for (const QJsonValue &stepValue : record.value(u"steps"_s).toArray()) {
            const QJsonObject step = stepValue.toObject();
            if (step.value(u"status"_s).toString() != u"done") {
                continue;
            }
            const QString kind = step.value(u"kind"_s).toString();
            const QString target = kind == u"set-file-caps"
                                       ? step.value(u"caps"_s).toObject().value(u"path"_s).toString()
                                       : step.value(u"target"_s).toString();
            if ((kWriteKinds.contains(kind) || kind == u"set-file-caps") && !target.isEmpty() &&
                !owner.contains(target)) {
                owner.insert(target, id);
            }
        }
    }
    QList<PlanDrift> plans;
    for (const QJsonValue &value : history) {
        const QJsonObject record = value.toObject();
        const QString state = record.value(u"state"_s).toString();
        if (!kInPlace.contains(state) && state != u"rolled-back") {
            continue;
        }
        plans.append(Comparison(record, live, owner).run());
    }
    return plans;
}

bool anyDrift(const QList<PlanDrift> &plans)
{
    return std::any_of(plans.cbegin(), plans.cend(), [](const PlanDrift &plan) {
        return plan.state == PlanDrift::State::Drifted ||
               (plan.state == PlanDrift::State::Gone && kInPlace.contains(plan.journalState) && !plan.replaced);
    });
}

} // namespace Deroot::Core
