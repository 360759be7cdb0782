// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "ui/widgets/icons.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Deroot::Ui {

QIcon severityIcon(Core::Severity severity)
{
    return QIcon(u":/deroot/icons/severity-"_s + Core::severityId(severity) + u".svg"_s);
}

QIcon checkIcon(CheckState state)
{
    switch (state) {
    case CheckState::Passed:
        return QIcon(u":/deroot/icons/status-ok.svg"_s);
    case CheckState::Failed:
        return QIcon(u":/deroot/icons/status-failed.svg"_s);
    case CheckState::Unknown:
        break;
    }
    return QIcon(u":/deroot/icons/status-unknown.svg"_s);
}

QIcon rootIcon()
{
    return QIcon(u":/deroot/icons/root.svg"_s);
}

QIcon lockIcon()
{
    return QIcon::fromTheme(u"object-locked"_s, QIcon(u":/deroot/icons/lock.svg"_s));
}

QString severityText(Core::Severity severity)
{
    switch (severity) {
    case Core::Severity::Critical:
        return QCoreApplication::translate("Deroot::Ui::Severity", "Critical");
    case Core::Severity::High:
        return QCoreApplication::translate("Deroot::Ui::Severity", "High");
    case Core::Severity::Medium:
        return QCoreApplication::translate("Deroot::Ui::Severity", "Medium");
    case Core::Severity::Low:
        return QCoreApplication::translate("Deroot::Ui::Severity", "Low");
    case Core::Severity::Info:
        break;
    }
    return QCoreApplication::translate("Deroot::Ui::Severity", "Information");
}

} // namespace Deroot::Ui
