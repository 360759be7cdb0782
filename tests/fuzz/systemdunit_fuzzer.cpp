// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// libFuzzer target: the systemd unit generator, the setcap line and the conflict detector. The
// input replaces one field of a valid GenerationInput (its first byte chooses which, its second
// the capabilities and switches); whatever validateGenerationInput() lets through must come out
// as a unit whose every line is a comment, a section or one Key=value, with exactly one program
// to start: a newline, comment character or continuation in the input never makes a line of its
// own. A violation aborts, which libFuzzer reports with the input.
#include "core/generate/conflicts.h"
#include "core/generate/inputvalidation.h"
#include "core/generate/setcapcommand.h"
#include "core/generate/systemdunit.h"
#include "core/validate/systemdanalyze.h"
#include "tests/support/buildroot.h"

#include <QFileInfo>
#include <QRegularExpression>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace Deroot::Core;
using namespace Qt::StringLiterals;

namespace {

void require(bool condition)
{
    if (!condition) {
        std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 2) {
        return 0;
    }
    GenerationInput input;
    input.agentId = u"agent"_s;
    input.description = u"An agent"_s;
    input.serviceUser = u"agent"_s;
    // A program that exists, so that systemd-analyze verify can judge the unit.
    input.executable = u"/usr/bin/true"_s;
    input.addressFamilies = {u"AF_INET"_s};
    const std::uint8_t field = data[0];
    const std::uint8_t switches = data[1];
    const QString value = QString::fromUtf8(reinterpret_cast<const char *>(data + 2), qsizetype(size - 2));
    switch (field % 15) {
    case 0:
        input.description = value;
        break;
    case 1:
        input.arguments = value.split(u'\x01');
        break;
    case 2:
        input.packageName = value;
        break;
    case 3:
        input.serviceUser = value;
        break;
    case 4:
        input.serviceGroup = value;
        break;
    case 5:
        input.executable = value;
        break;
    case 6:
        input.existingUnit = value;
        break;
    case 7:
        input.supplementaryGroups = value.split(u'\x01');
        break;
    case 8:
        input.readPaths = value.split(u'\x01');
        break;
    case 9:
        input.writePaths = value.split(u'\x01');
        break;
    case 10:
        input.devices = value.split(u'\x01');
        break;
    case 11:
        input.addressFamilies = value.split(u'\x01');
        break;
    case 12:
        input.agentId = value;
        break;
    case 13:
        input.existingUnit = u"agent.service"_s;
        input.arguments = {value};
        break;
    default:
        // A vendor command line read from a unit file: kept, or rewritten, but never a new line.
        input.existingUnit = u"agent.service"_s;
        input.vendorExecStart = value;
        input.arguments = {u"-U"_s};
        break;
    }
    // Capabilities that change the unit's shape: none, CAP_NET_RAW, CAP_SYS_TIME, CAP_SYS_RAWIO.
    static const QList<QList<int>> kCapabilities{{}, {13}, {25, 10}, {17}};
    input.capabilities = kCapabilities.at(switches & 3);
    input.method = (switches & 4) ? Method::Sudo : Method::Capabilities;
    input.jitRuntime = (switches & 8) != 0;
    input.limits.enabled = (switches & 16) == 0;
    input.executableIsScript = (switches & 32) != 0;
    if (validateGenerationInput(input)) {
        return 0;
    }

    const Artifact unit = systemdUnit(input);
    static const QRegularExpression kLine(u"^(#[^\\n]*|\\[(Unit|Service|Install)\\]|[A-Z][A-Za-z]+=[^\\n]*|)$"_s);
    int execStarts = 0;
    int services = 0;
    for (const QString &line : unit.content.split(u'\n')) {
        require(kLine.match(line).hasMatch());
        require(!line.endsWith(u'\\'));
        require(!line.contains(u'\r') && !line.contains(QChar(0)));
        if (line.startsWith(u"ExecStart=") && line.size() > 10) {
            ++execStarts;
        }
        if (line == u"[Service]") {
            ++services;
        }
        // Only the settings the generator writes, never one smuggled in through a value.
        require(!line.startsWith(u"ExecStartPre=") && !line.startsWith(u"ExecStartPost=") &&
                !line.startsWith(u"Environment="));
    }
    // A drop-in that keeps the vendor's command line has no ExecStart= of its own.
    const bool keepsVendorLine = !input.existingUnit.isEmpty() && !vendorExecProgram(input.vendorExecStart).isEmpty() &&
                                 !dropInExecStart(input).has_value();
    require(execStarts == (keepsVendorLine ? 0 : 1) && services == 1);
    require(unit.content.contains(u"\nUser="_s + input.serviceUser + u'\n'));

    QList<Artifact> artifacts{unit};
    const Result<Artifact> setcap = setcapCommand(input);
    if (setcap) {
        require(!setcap->content.contains(u'\n') && !setcap->purpose.contains(u'\n'));
        artifacts << setcap.value();
    }
    for (const Conflict &conflict : detectConflicts(input, artifacts)) {
        require(!conflict.consequence.contains(u'\n') && !conflict.fix.contains(u'\n'));
    }
    // And systemd itself accepts what came out (a program that does not exist here is the one
    // thing verify may rightly complain about). DEROOT_FUZZ_VALIDATE=0 leaves it out for speed.
    if (qEnvironmentVariable("DEROOT_FUZZ_VALIDATE") != u"0"_s && QFileInfo(input.executable).isExecutable()) {
        const QString vendor = u"[Unit]\nDescription=vendor\n\n[Service]\nExecStart=%1\n"_s.arg(input.executable);
        const ValidationResult verified = input.existingUnit.isEmpty()
                                              ? validateUnit(unit.content, generatedUnitName(input))
                                              : validateUnit(vendor, input.existingUnit, unit.content);
        if (!verified.ok && (verified.available || Deroot::TestSupport::inBuildRoot())) {
            std::fprintf(stderr, "systemd-analyze verify rejects:\n%s\n---\n%s\n", qPrintable(verified.summary),
                         qPrintable(unit.content));
            std::abort();
        }
    }
    return 0;
}
