// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include "core/base/text.h"

#include <QList>
#include <QString>

namespace Deroot::Core {

/// One generated file or command, ready to preview, validate, export and apply.
struct Artifact
{
    QString id;             ///< stable, e.g. "sudoers", "sysusers", "useradd", "setcap", "unit", "dropin"
    QString targetPath;     ///< where it goes on the system ("/etc/sudoers.d/deroot-node_exporter"); for a
                            ///< command, the program it runs ("/usr/sbin/setcap")
    bool isCommand = false; ///< a command line to run rather than a file to write
    QString owner = QStringLiteral("root");
    QString group = QStringLiteral("root");
    int mode = 0644;
    QString content;      ///< file content, or the command line for isCommand
    QString purpose;      ///< one line: what it does and why, in English (plan.json, the export)
    QString purposeShown; ///< the same in the reader's language, for the desktop only (see Phrase)
    QString validator;    ///< the tool that checks it: "visudo -cf", "systemd-analyze verify", ...
    QString syntax;       ///< KSyntaxHighlighting definition name for the preview ("systemd unit", "Bash")

    void setPurpose(const Phrase &phrase)
    {
        purpose = phrase.english;
        purposeShown = phrase.shown;
    }
    /// The purpose in the reader's language where one was set, else the English one.
    QString shownPurpose() const { return purposeShown.isEmpty() ? purpose : purposeShown; }
};

/// The outcome of running a real validator on an artifact.
struct ValidationResult
{
    bool ok = false;
    bool available = true;     ///< false when the validator is not installed here (then ok is false too)
    QString summary;           ///< one line for the preview tab: "visudo: OK", "exposure 1.6 OK"; English (plan.json)
    QString output;            ///< the validator's own output
    QString summaryShown = {}; ///< summary in the reader's language, for the desktop only (see Phrase)

    void setSummary(const Phrase &phrase)
    {
        summary = phrase.english;
        summaryShown = phrase.shown;
    }
    QString shownSummary() const { return summaryShown.isEmpty() ? summary : summaryShown; }
};

} // namespace Deroot::Core
