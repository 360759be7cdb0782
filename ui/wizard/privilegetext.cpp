// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "ui/wizard/privilegetext.h"

#include <QCoreApplication>
#include <QLocale>

namespace Deroot::Ui {

QString privilegeNumber(double value)
{
    return QLocale().toString(value, 'g', QLocale::FloatingPointShortest);
}

QString privilegeSentence(const Core::PrivilegeScore &before, const Core::PrivilegeScore &after, PrivilegeAfter what)
{
    // Whole sentences, so that a translation can order them as its language needs.
    const bool hypothetical = before.basis == Core::TodayBasis::HypotheticalRoot;
    QString sentence;
    if (hypothetical) {
        sentence = what == PrivilegeAfter::Method
                       ? QCoreApplication::translate("Deroot::Ui::PrivilegeText",
                                                     "Effective privilege: %1 if you run it as root (nothing runs it "
                                                     "now and its file grants nothing), %2 with this method (0 is an "
                                                     "ordinary user, 100 is root).")
                       : QCoreApplication::translate("Deroot::Ui::PrivilegeText",
                                                     "Effective privilege: %1 if you run it as root (nothing runs it "
                                                     "now and its file grants nothing), %2 with the plan (0 is an "
                                                     "ordinary user, 100 is root).");
        return sentence.arg(privilegeNumber(before.value), privilegeNumber(after.value));
    }
    sentence = what == PrivilegeAfter::Method
                   ? QCoreApplication::translate("Deroot::Ui::PrivilegeText",
                                                 "Effective privilege: %1 today (%2), %3 with this method (0 is an "
                                                 "ordinary user, 100 is root).")
                   : QCoreApplication::translate("Deroot::Ui::PrivilegeText",
                                                 "Effective privilege: %1 today (%2), %3 with the plan (0 is an "
                                                 "ordinary user, 100 is root).");
    return sentence.arg(privilegeNumber(before.value), Core::privilegeBasisText(before.basis),
                        privilegeNumber(after.value));
}

} // namespace Deroot::Ui
