// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// The other half of lint_odr's ODR violation (first.cpp): the same name, another layout.
#include <QString>
#include <QStringList>

namespace Deroot::Core {

struct ValidatedPlan
{
    QString agentId;
    QStringList files;
    qsizetype operations = 0;
    int size() const { return static_cast<int>(operations + files.size()); }
};

} // namespace Deroot::Core

int firstOperations(int operations);

int main(int argc, char **)
{
    Deroot::Core::ValidatedPlan plan;
    plan.operations = argc;
    return firstOperations(argc) + plan.size();
}
