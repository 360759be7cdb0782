// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// libFuzzer target: the sudo method's generators. The bytes become a GenerationInput (fields split
// at NUL: agent id, description, user, group, supplementary group, then one command per field as
// path and arguments split at \x01, NOEXEC when the field's length is even). Whatever the input,
// the generators either refuse it or write files whose every line is a comment, a blank, a
// Cmnd_Alias or the user's rule (sudoers), or a sysusers.d line: nothing from the input may
// start a line of its own. Input that validateGenerationInput() accepts is fed to the same checks.
#include "core/generate/inputvalidation.h"
#include "core/generate/serviceuser.h"
#include "core/generate/sudoersgenerator.h"
#include "core/validate/sudovalidation.h"
#include "tests/support/buildroot.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace Deroot::Core;
using namespace Qt::StringLiterals;

namespace {

[[noreturn]] void fail(const char *what, const QString &text)
{
    std::fprintf(stderr, "sudoers_fuzzer: %s\n---\n%s\n---\n", what, text.toUtf8().constData());
    std::abort();
}

GenerationInput inputFromBytes(QByteArrayView bytes)
{
    const QList<QByteArray> fields = bytes.toByteArray().split('\0');
    const auto field = [&fields](qsizetype i) {
        return i < fields.size() ? QString::fromUtf8(fields.at(i)) : QString();
    };
    GenerationInput input;
    input.method = Method::Sudo;
    input.agentId = field(0);
    input.description = field(1);
    input.serviceUser = field(2);
    input.serviceGroup = field(3);
    if (!field(4).isEmpty()) {
        input.supplementaryGroups = {field(4)};
    }
    input.executable = u"/usr/bin/true"_s;
    for (qsizetype i = 5; i < fields.size() && i < 13; ++i) {
        const QList<QByteArray> words = fields.at(i).split('\x01');
        SudoCommand command;
        command.path = QString::fromUtf8(words.constFirst());
        for (qsizetype w = 1; w < words.size(); ++w) {
            command.arguments << QString::fromUtf8(words.at(w));
        }
        command.noexec = fields.at(i).size() % 2 == 0;
        input.sudoCommands << command;
    }
    return input;
}

bool isPlainAscii(const QString &text)
{
    for (const QChar c : text) {
        if ((c.unicode() < 0x20 && c != u'\n') || c.unicode() >= 0x7f) {
            return false;
        }
    }
    return true;
}

void checkSudoers(const GenerationInput &input, const Artifact &artifact)
{
    const QString &text = artifact.content;
    if (!isPlainAscii(text) || !text.endsWith(u'\n')) {
        fail("sudoers text has a control or non-ASCII character, or no final newline", text);
    }
    const QString fileName = artifact.targetPath.section(u'/', -1);
    if (!artifact.targetPath.startsWith(u"/etc/sudoers.d/"_s) || artifact.targetPath.count(u'/') != 3 ||
        fileName.contains(u'.') || fileName.endsWith(u'~')) {
        fail("sudoers file name sudo would skip, or outside /etc/sudoers.d", artifact.targetPath);
    }
    qsizetype aliases = 0;
    qsizetype rules = 0;
    const QString rulePrefix = input.serviceUser + u" ALL=(root) NOPASSWD: "_s;
    for (const QString &line : text.split(u'\n')) {
        if (line.isEmpty() || line == u"#"_s || line.startsWith(u"# "_s)) {
            continue;
        }
        if (line.startsWith(u"Cmnd_Alias DEROOT_"_s)) {
            ++aliases;
        } else if (line.startsWith(rulePrefix)) {
            ++rules;
        } else {
            fail("sudoers line that is neither a comment, a Cmnd_Alias nor the user's rule", line);
        }
        if (line.endsWith(u'\\')) {
            fail("sudoers line continued onto the next", line);
        }
    }
    // One alias and one rule per command: an input newline would have made more lines of either.
    if (aliases != input.sudoCommands.size() || rules != input.sudoCommands.size()) {
        fail("sudoers text has more or fewer rules than commands", text);
    }
}

void checkSysusers(const GenerationInput &input, const Artifact &artifact)
{
    if (artifact.content.isEmpty()) {
        return;
    }
    const QString &text = artifact.content;
    if (!isPlainAscii(text)) {
        fail("sysusers text has a control or non-ASCII character", text);
    }
    qsizetype members = 0;
    for (const QString &line : text.split(u'\n', Qt::SkipEmptyParts)) {
        if (line.startsWith(u"# "_s)) {
            continue;
        }
        if (line.startsWith(u"m "_s)) {
            ++members;
        } else if (!line.startsWith(u"u "_s) && !line.startsWith(u"g "_s)) {
            fail("sysusers line of an unexpected type", line);
        }
    }
    if (members != input.supplementaryGroups.size()) {
        fail("sysusers text has more or fewer m lines than groups", text);
    }
}

void checkUseradd(const Artifact &artifact)
{
    if (!isPlainAscii(artifact.content) || artifact.content.contains(u'\n') || artifact.content.contains(u';') ||
        artifact.content.contains(u'\'') || artifact.content.contains(u'$')) {
        fail("useradd line that a shell would not read as one plain command", artifact.content);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size > 4096) {
        return 0;
    }
    const GenerationInput input = inputFromBytes(QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size)));
    // The generators must hold on their own, whether or not the input was validated first.
    const bool valid = !validateGenerationInput(input).has_value();
    const Result<Artifact> sudoers = sudoersFile(input);
    if (sudoers.ok()) {
        checkSudoers(input, *sudoers);
    } else if (sudoers.error().message.contains(u'\n')) {
        fail("error message with a newline", sudoers.error().message);
    }
    const Artifact useradd = serviceUserCommand(input);
    checkUseradd(useradd);
    checkSysusers(input, sysusersFile(input));
    if (valid && useradd.content.isEmpty()) {
        fail("valid input but no useradd line", input.serviceUser);
    }
    // And the real validators accept what came out; in the build root they must be there to ask.
    // DEROOT_FUZZ_VALIDATE=0 leaves them out for speed.
    if (qEnvironmentVariable("DEROOT_FUZZ_VALIDATE") != u"0"_s) {
        if (sudoers.ok()) {
            const ValidationResult visudo = validateSudoers(sudoers->content);
            if (!visudo.ok && (visudo.available || Deroot::TestSupport::inBuildRoot())) {
                fail(qPrintable(u"visudo -cf rejects the drop-in: "_s + visudo.summary), sudoers->content);
            }
        }
        const Artifact sysusers = sysusersFile(input);
        if (!sysusers.content.isEmpty()) {
            const ValidationResult checked = validateSysusers(sysusers.content);
            if (!checked.ok && (checked.available || Deroot::TestSupport::inBuildRoot())) {
                fail(qPrintable(u"systemd-sysusers rejects: "_s + checked.summary), sysusers.content);
            }
        }
    }
    return 0;
}
