// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "app/helper/engine.h"

using namespace Qt::StringLiterals;

namespace Deroot::Helper {

namespace {

Core::Error unavailable()
{
    // NOTE: the first version of the contract; the engine lands in the next commits.
    return Core::Error{Core::ExitCode::Unavailable, u"the apply engine is not available in this version"_s};
}

} // namespace

class Engine::Private
{
public:
    System system;
};

System System::real()
{
    System system;
    system.stateDirectory = u"/var/lib/deroot"_s;
    return system;
}

Engine::Engine(System system)
    : d(std::make_unique<Private>())
{
    d->system = std::move(system);
}

Engine::~Engine() = default;

Core::Result<ValidatedPlan> Engine::validate(const ApplyRequest &request)
{
    return Core::parseApplyRequest(request);
}

Core::Result<ApplyOutcome> Engine::apply(const ValidatedPlan &, int, const QDateTime &, const StepCallback &)
{
    return unavailable();
}

std::optional<Core::Error> Engine::confirm(const QString &, int)
{
    return unavailable();
}

std::optional<Core::Error> Engine::rollback(const QString &, int, const StepCallback &)
{
    return unavailable();
}

QStringList Engine::recover()
{
    return {};
}

QStringList Engine::expirePending()
{
    return {};
}

std::optional<PendingConfirmation> Engine::pending() const
{
    return std::nullopt;
}

QJsonArray Engine::history() const
{
    return {};
}

QJsonObject Engine::status(const QString &) const
{
    return {};
}

} // namespace Deroot::Helper
