// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// A test that needs a real validator or agent from the build root's package list. Inside the build
// root (marked by /.deroot-base, which tools/dev makes) a missing one is a failure: a package
// dropped from tools/devroot/packages.txt must not turn a real check into a silent skip. Only a
// native build without the package skips, and says which.
#pragma once

#include "buildroot.h"

#include <QString>
#include <QTest>

#define DEROOT_REQUIRE_TOOL(available, why)                                                                            \
    do {                                                                                                               \
        if (!(available)) {                                                                                            \
            const QString deroot_why_ = (why);                                                                         \
            if (Deroot::TestSupport::inBuildRoot()) {                                                                  \
                QFAIL(qPrintable(deroot_why_ + QStringLiteral(": the build root must have it "                         \
                                                              "(tools/devroot/packages.txt)")));                       \
            }                                                                                                          \
            QSKIP(qPrintable(deroot_why_ + QStringLiteral(" (a native build without the package)")));                  \
        }                                                                                                              \
    } while (false)
