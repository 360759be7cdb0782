// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include <QString>

namespace Deroot::Core {

/// Returns @p text in single quotes with every control or invisible formatting character written
/// as an escape (\n, \t, \x1b, \u202e, ...), and a single quote or backslash escaped, so that an
/// error message naming hostile input stays on one line and shows what is really there.
QString quoted(QStringView text);

/// @p text with control and invisible formatting characters escaped as quoted() does, but without
/// the quotes: for text that goes into a one-line slot of a report.
QString oneLine(QStringView text);

/// A file name's bytes for display and JSON: valid UTF-8 is shown as it is; otherwise every byte
/// outside printable ASCII becomes \xHH, so that distinct names stay distinct and nothing is lost.
QString displayPath(QByteArrayView path);

/// True when @p bytes are valid UTF-8.
bool isValidUtf8(QByteArrayView bytes);

/// A character that must not reach a command line or a prompt: C0 and C1 controls (NUL, newline,
/// escape), DEL, the invisible format characters (bidirectional overrides, zero-width joiners),
/// line and paragraph separators and non-characters, which would make a prompt show something else
/// than what runs. A character outside the BMP is two surrogates, both fine when paired (ask
/// QString::isValidUtf16() as well).
bool isControlOrInvisible(QChar c);

/// The C library's description of the errno value @p error ("No such file or directory"), in the
/// locale's language. Unlike strerror(), safe to call from any thread.
QString errnoText(int error);

/// What the engine says, in two kinds.
///
/// Said to a person (findings, reasons, audit advice, errors): translated where it is made, in a
/// stable context ("Deroot::Core::Inspect", ...). Only the desktop installs a translator; derootctl
/// and the helper install none, so their text, their JSON and the helper's journal stay English
/// whatever the locale (scripts and the JSON Schemas in docs/schemas/ rely on that).
///
/// Written into a file (artifacts, plan.json, the export's files): never translated, so an export
/// made under de_DE is byte for byte the one made under C. Text that is both written and shown
/// (a file's purpose, a validator's verdict, a conflict) is a Phrase: English for the file, the
/// translation for the screen, from one source string marked with QT_TRANSLATE_NOOP.
QString inspectText(const char *source);   ///< context "Deroot::Core::Inspect"
QString recommendText(const char *source); ///< context "Deroot::Core::Recommend"
QString auditText(const char *source);     ///< context "Deroot::Core::Audit"
/// A text of the agent catalog (a claim's why or when, a container's why), which is data: in the
/// reader's language from the context "Deroot::Core::Catalog", whose entries tools/catalog-strings
/// generates from resources/agents/ (core/inspect/catalogstrings.cpp). A text no catalogue has (a
/// catalog of the admin's own) stays as it is.
QString catalogText(const QString &source);

/// @p source, a sentence with a count ("%n process(es) could not be read."), in the reader's
/// language through Qt's plural forms (a <numerusform> each in the catalogue) in @p context. Where
/// no catalogue has it (derootctl and the helper install none), the English sentence with the
/// count: "(s)" and "(es)" dropped for one, written "s" and "es" otherwise ("1 process", "3
/// processes"), so their text and JSON never read "3 process(es)".
QString countedText(const char *context, const char *source, int n);

/// One sentence in English (for what Deroot writes) and in the reader's language (for the desktop).
struct Phrase
{
    QString english;
    QString shown;

    /// QString::arg() on both; a Phrase among @p args fills each side with its own side.
    template <typename... Args> Phrase arg(const Args &...args) const
    {
        return {english.arg(side(args, true)...), shown.arg(side(args, false)...)};
    }
    // By value: an argument may be a temporary (QString::number(n)).
    template <typename T> static T side(const T &value, bool) { return value; }
    static QString side(const Phrase &phrase, bool english) { return english ? phrase.english : phrase.shown; }
    Phrase operator+(const Phrase &other) const { return {english + other.english, shown + other.shown}; }
};
/// @p source (marked with QT_TRANSLATE_NOOP("Deroot::Core::Artifact", ...)) as a Phrase.
Phrase artifactPhrase(const char *source);
/// @p source (marked with QT_TRANSLATE_NOOP("Deroot::Core::Validate", ...)) as a Phrase.
Phrase validatePhrase(const char *source);
/// @p source (marked with QT_TRANSLATE_NOOP("Deroot::Core::Conflict", ...)) as a Phrase.
Phrase conflictPhrase(const char *source);
/// @p text, the same in both languages (a name, a path, a tool's own output).
Phrase untranslated(const QString &text);

} // namespace Deroot::Core
