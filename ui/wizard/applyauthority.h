// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include "core/plan/polkitdecision.h"

#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>

namespace Deroot::Ui {

/// polkit as the Finish page asks it, before the click: may this process carry out an action,
/// checked without user interaction. An interface so that the GUI test can play polkit; the app
/// uses PolkitApplyAuthority.
class ApplyAuthority : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApplyAuthority)

public:
    using Callback = std::function<void(Core::PolkitAnswer)>;

    explicit ApplyAuthority(QObject *parent = nullptr)
        : QObject(parent)
    {}
    ~ApplyAuthority() override = default;

    /// Calls @p done once, possibly before returning, with polkit's answer for @p actionId.
    virtual void check(const QString &actionId, Callback done) = 0;

    /// The subject is root: polkit's YES then needs no rule, and the helper takes it even for
    /// root-equivalent grants (Core::nextPolkitStep). This process's effective uid by default.
    virtual bool callerIsRoot() const;
    /// Why polkit cannot be asked at all (its answers are then all Unknown), in words; empty when it can.
    virtual QString problem() const { return {}; }

Q_SIGNALS:
    /// polkit's configuration changed (a rules.d file, a policy): the answers may have too.
    void changed();
};

class PolkitChecker;

/// ApplyAuthority over polkit-qt6's Authority, for this process (UnixProcessSubject), without
/// interaction. polkit-qt6 is in Deroot's UI plugin (ui/plugin/uiplugin.h), loaded by the first
/// instance; without the plugin every answer is Unknown and problem() says why.
class PolkitApplyAuthority final : public ApplyAuthority
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PolkitApplyAuthority)

public:
    explicit PolkitApplyAuthority(QObject *parent = nullptr);
    ~PolkitApplyAuthority() override;

    void check(const QString &actionId, Callback done) override;
    /// Why polkit cannot be asked (the plugin could not be loaded), or empty.
    QString problem() const override;

private:
    std::unique_ptr<PolkitChecker> m_checker;
};

} // namespace Deroot::Ui
