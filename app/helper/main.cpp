// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/deroot.h"
#include "core/exitcode.h"

#include <QCoreApplication>

#include <cstdio>
#include <cstring>

int main(int argc, char *argv[])
{
    // The helper reads no arguments from anyone but its own service file; --version is the one
    // exception, for packaging checks.
    if (argc == 2 && std::strcmp(argv[1], "--version") == 0) {
        QCoreApplication app(argc, argv);
        std::printf("deroot-helper %s\n", qPrintable(Deroot::Core::version()));
        return 0;
    }
    // NOTE: the D-Bus service (issue 6, "Apply through polkit") is not built yet. Until then the
    // helper refuses to start rather than offer anything half made.
    std::fprintf(stderr, "deroot-helper: the privileged service is not available in this version\n");
    return Deroot::Core::toInt(Deroot::Core::ExitCode::Unavailable);
}
