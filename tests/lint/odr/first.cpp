// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// Half of an ODR violation that lint_odr must see fail the link (second.cpp has the other half):
// two layers of one namespace each define a ValidatedPlan of their own, as core/generate and
// core/plan once did.
#include <QString>

namespace Deroot::Core {

struct ValidatedPlan
{
    QString agentId;
    int operations = 0;
    int size() const { return operations; }
};

} // namespace Deroot::Core

int firstOperations(int operations)
{
    Deroot::Core::ValidatedPlan plan;
    plan.operations = operations;
    return plan.size();
}
