// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "ui/wizard/applypanel.h"

#include "core/plan/helperprotocol.h"
#include "ui/widgets/icons.h"
#include "ui/wizard/applycontroller.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Deroot::Ui {

ApplyPanel::ApplyPanel(const ApplyController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_apply(new QPushButton(tr("A&pply to this system…")))
    , m_permission(new QLabel)
    // A whole sentence on the box and the time on a field of its own: "Roll back unless I confirm
    // within [120 s]" built around the spin box lost its verb in German.
    , m_confirmWithin(new QCheckBox(tr("Roll back unless I confirm the change &within the time limit")))
    , m_confirmSeconds(new QSpinBox)
    , m_confirmLabel(new QLabel(tr("Time limit:")))
{
    m_apply->setObjectName(u"applyPushButton"_s);
    m_apply->setEnabled(false);
    m_permission->setObjectName(u"applyPermissionLabel"_s);
    m_permission->setWordWrap(true);
    m_permission->setForegroundRole(QPalette::PlaceholderText);
    m_confirmWithin->setObjectName(u"confirmWithinCheckBox"_s);
    m_confirmWithin->setToolTip(tr("A change that locks you out undoes itself: unless you keep it in time, the "
                                   "helper rolls it back."));
    m_confirmSeconds->setObjectName(u"confirmSecondsSpinBox"_s);
    m_confirmSeconds->setAccessibleName(tr("Seconds to confirm"));
    m_confirmSeconds->setRange(int(Core::HelperProtocol::kMinConfirmSeconds),
                               int(Core::HelperProtocol::kMaxConfirmSeconds));
    m_confirmSeconds->setValue(kDefaultConfirmSeconds);
    m_confirmSeconds->setSuffix(tr(" s"));
    m_confirmLabel->setObjectName(u"confirmSecondsLabel"_s);
    m_confirmLabel->setBuddy(m_confirmSeconds);

    // The top rows of the page's Apply box: no margins of its own.
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *applyRow = new QHBoxLayout;
    applyRow->addWidget(m_apply);
    applyRow->addWidget(m_permission, 1);
    layout->addLayout(applyRow);
    auto *confirmRow = new QHBoxLayout;
    confirmRow->addWidget(m_confirmWithin);
    confirmRow->addWidget(m_confirmLabel);
    confirmRow->addWidget(m_confirmSeconds);
    confirmRow->addStretch(1);
    layout->addLayout(confirmRow);

    connect(m_apply, &QPushButton::clicked, this, &ApplyPanel::applyRequested);
    connect(m_confirmWithin, &QCheckBox::toggled, this, &ApplyPanel::confirmWithinToggled);
}

ApplyPanel::~ApplyPanel() = default;

void ApplyPanel::refresh(bool ready, const QString &why, bool inPlace)
{
    // Apply: a current, valid plan (as for Export), an installed helper, polkit not forbidding it,
    // and nothing under way.
    QString lockText;
    QIcon icon;
    bool lockAllows = false;
    const std::optional<Core::ApplyPermission> &permission = m_controller->permission();
    if (!m_controller->refusal().isEmpty()) {
        // Whatever polkit or the helper's presence would say: these bytes are refused.
        lockText = m_controller->refusal();
    } else {
        switch (m_controller->helper()) {
        case ApplyController::HelperState::Checking:
            lockText = tr("Looking for Deroot's helper…");
            break;
        case ApplyController::HelperState::Missing:
            lockText =
                tr("Deroot's privileged helper is not installed on this system, so the desktop cannot apply the "
                   "plan. Export it, then apply the exported folder where the helper is installed: its APPLY.txt lists "
                   "the steps.");
            break;
        case ApplyController::HelperState::Installed:
            if (const QString problem = m_controller->authorityProblem(); !problem.isEmpty()) {
                // Not polkit's no: Deroot cannot ask it. Said as it is, not as a refusal.
                lockText = tr("Deroot cannot ask polkit whether you may apply this plan: %1. Reinstall Deroot to "
                              "apply here; until then, export the plan and apply it by hand.")
                               .arg(problem);
            } else if (!permission) {
                lockText = tr("Asking polkit whether you may apply this plan…");
            } else if (permission->state == Core::ApplyPermission::State::Allowed) {
                lockText = tr("polkit allows you to apply this plan without a password.");
                lockAllows = true;
            } else if (permission->state == Core::ApplyPermission::State::NeedsAuthentication) {
                lockText = m_controller->privileged()
                               ? tr("Applying asks for an administrator's password whatever polkit rules allow: this "
                                    "plan grants root-equivalent privileges. The prompt names them and the plan's "
                                    "SHA-256.")
                               : tr("Applying asks for an administrator's password: the prompt names the plan's "
                                    "SHA-256.");
                icon = lockIcon();
                lockAllows = true;
            } else if (permission->grantedWithoutPassword) {
                lockText =
                    tr("polkit would let this plan through without an administrator's password (a rule or a kept "
                       "authorization for %1), and the helper refuses that: this plan needs a password typed for "
                       "it. Ask an administrator to apply it, or to limit that polkit rule.")
                        .arg(permission->action);
            } else {
                lockText = tr("polkit does not allow you to apply this plan (%1). An administrator can allow it with a "
                              "polkit rule; until then, export it and have the exported folder applied (its APPLY.txt "
                              "lists the "
                              "steps).")
                               .arg(permission->action);
            }
            break;
        }
    }
    m_permission->setText(lockText);
    m_apply->setIcon(icon);
    const bool idle = m_controller->phase() == ApplyController::Phase::Idle;
    m_apply->setEnabled(ready && lockAllows && idle && !inPlace);
    m_apply->setToolTip(
        !ready ? why
        : inPlace
            ? tr("This plan is applied (apply id %1): undo it first to apply it again.").arg(m_controller->applyId())
            : lockText);
    m_apply->setAccessibleDescription(m_apply->toolTip());
    // Only a choice while Apply can be pressed: otherwise it would look like a setting that acts.
    m_confirmWithin->setEnabled(m_apply->isEnabled());
    m_confirmSeconds->setEnabled(m_apply->isEnabled() && m_confirmWithin->isChecked());
    // Its label greys out with it: a black "Time limit:" beside a grey field reads as a setting that acts.
    m_confirmLabel->setEnabled(m_confirmSeconds->isEnabled());
}

void ApplyPanel::setConfirmWithin(bool on)
{
    if (m_controller->phase() == ApplyController::Phase::Idle) {
        m_confirmWithin->setChecked(on);
    }
}

uint ApplyPanel::confirmWithinSeconds() const
{
    return m_confirmWithin->isChecked() ? uint(m_confirmSeconds->value()) : 0;
}

} // namespace Deroot::Ui
