// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// libFuzzer target: the apply request's parser (core/plan), the privileged helper's first contact
// with bytes from an unprivileged client. The input is plan.json, then "\0\0", then the request's
// files as NUL-separated name and content pairs (the seeds, tests/fuzz/corpus/plan/valid-*, are
// what the generators write; applyrequest_test keeps them current).
//
// The property: the parser accepts ONLY a request whose every file, and plan.json
// itself, is byte for byte what the generators write from the accepted plan's own input. Whatever
// the bytes, it refuses them with one line and ExitCode::Refused, or the regeneration from the
// input it returned must give back the very request; anything else aborts.
//
// The custom mutator (libFuzzer builds only) edits plan.json's typed input structurally (a field
// set to a value from a dictionary of hostile and valid ones, a key removed or added, a list
// entry added or dropped) and then either keeps the request's files, or makes the whole request
// again with the generators, as a plan's author could: the second kind reaches the accepting path,
// where the property is checked, with inputs no seed has. Otherwise it mutates one file's bytes or
// plan.json's bytes with libFuzzer's own mutator.
#include "core/base/sha256.h"
#include "core/export/planexport.h"
#include "core/generate/generator.h"
#include "core/generate/manifest.h"
#include "core/generate/planinput.h"
#include "core/plan/applyrequest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iterator>

using namespace Deroot::Core;
using namespace Qt::StringLiterals;

namespace {

[[noreturn]] void fail(const char *what, const QString &text)
{
    std::fprintf(stderr, "plan_fuzzer: %s\n---\n%s\n---\n", what, text.toUtf8().constData());
    std::abort();
}

ApplyRequest requestFromBytes(QByteArrayView bytes)
{
    ApplyRequest request;
    const QByteArray all = bytes.toByteArray();
    const qsizetype split = all.indexOf(QByteArrayView("\0\0", 2));
    request.planJson = split < 0 ? all : all.left(split);
    if (split >= 0) {
        const QList<QByteArray> parts = all.mid(split + 2).split('\0');
        for (qsizetype i = 0; i + 1 < parts.size(); i += 2) {
            request.files.insert(QString::fromUtf8(parts.at(i)), parts.at(i + 1));
        }
    }
    return request;
}

bool insideDestinations(const PlanStep &step, const CheckedRequest &plan)
{
    switch (step.kind) {
    case PlanStep::Kind::WriteSudoers:
        return step.target == u"/etc/sudoers.d/deroot-"_s + plan.agent && step.mode == 0440;
    case PlanStep::Kind::WriteSysusers:
        return step.target == u"/etc/sysusers.d/deroot-"_s + plan.agent + u".conf"_s && step.mode == 0644;
    case PlanStep::Kind::WriteUnit:
        return step.target.startsWith(u"/etc/systemd/system/"_s) && !step.target.contains(u"/../"_s) &&
               !step.target.contains(u"/./"_s) && step.mode == 0644;
    case PlanStep::Kind::CreateUser:
        return step.target == plan.serviceUser && plan.serviceUser != u"root";
    case PlanStep::Kind::SetFileCaps:
        return step.target == plan.programPath && !plan.capabilities.isEmpty();
    default:
        return true;
    }
}

// Accepted => the request is exactly what the generators write from the accepted input.
void checkAccepted(const ApplyRequest &request, const CheckedRequest &plan)
{
    Sha256 hash;
    hash.addData(request.planJson);
    if (plan.planSha256 != QString::fromLatin1(hash.result().toHex())) {
        fail("the plan's hash is not over its bytes", plan.planSha256);
    }
    const QJsonObject root = QJsonDocument::fromJson(request.planJson).object();
    // The typed input is the JSON's, with nothing normalised away or added.
    if (QJsonDocument(generationInputToJson(plan.input)).toJson(QJsonDocument::Compact) !=
        QJsonDocument(root.value(u"input"_s).toObject()).toJson(QJsonDocument::Compact)) {
        fail("the accepted input is not plan.json's input", QString::fromUtf8(request.planJson));
    }
    const auto regenerated = generatePlan(plan.input);
    if (!regenerated) {
        fail("accepted an input the generators refuse", regenerated.error().message);
    }
    QJsonObject manifest = regenerated->manifest;
    for (const QString &key : reviewOnlyManifestKeys()) {
        if (root.contains(key)) {
            manifest.insert(key, root.value(key));
        }
    }
    const auto files = exportFiles(regenerated->artifacts, manifest);
    if (!files) {
        fail("the accepted input cannot be exported", files.error().message);
    }
    qsizetype compared = 0;
    for (const ExportFile &file : *files) {
        if (file.name == u"plan.json") {
            if (file.bytes != request.planJson) {
                fail("accepted a plan.json the generators do not write", QString::fromUtf8(request.planJson));
            }
            continue;
        }
        const auto it = request.files.constFind(file.name);
        if (it == request.files.constEnd() || *it != file.bytes) {
            fail("accepted a file the generators do not write", file.name);
        }
        ++compared;
    }
    if (compared != request.files.size()) {
        fail("accepted a request with a file the plan does not name", QStringList(request.files.keys()).join(u' '));
    }
    for (const PlanStep &step : plan.steps) {
        if (!insideDestinations(step, plan)) {
            fail("a step outside the helper's destinations", step.target);
        }
    }
}

} // namespace

namespace {
// How often the property was checked on an accepted request, reported when a libFuzzer run ends.
std::size_t g_runs = 0;
std::size_t g_accepted = 0;
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size > 512 * 1024) {
        return 0;
    }
    ++g_runs;
    const ApplyRequest request =
        requestFromBytes(QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size)));
    const auto plan = parseApplyRequest(request);
    if (!plan) {
        if (plan.error().code != ExitCode::Refused) {
            fail("a refusal without ExitCode::Refused", plan.error().message);
        }
        if (plan.error().message.contains(u'\n') || plan.error().message.isEmpty()) {
            fail("an error message that is empty or has a newline", plan.error().message);
        }
        return 0;
    }
    ++g_accepted;
    checkAccepted(request, *plan);
    return 0;
}

#ifdef DEROOT_LIBFUZZER

extern "C" std::size_t LLVMFuzzerMutate(std::uint8_t *data, std::size_t size, std::size_t maxSize);

namespace {

QByteArray bytesFromRequest(const ApplyRequest &request)
{
    QByteArray bytes = request.planJson + QByteArrayView("\0\0", 2);
    for (auto it = request.files.begin(); it != request.files.end(); ++it) {
        bytes += it.key().toUtf8() + '\0' + it.value() + '\0';
    }
    return bytes;
}

// Values a field of the input is set to: valid ones (so that regenerated plans are accepted and
// checked) and hostile ones of the routes of tests/data/plans.
QJsonValue interestingValue(QRandomGenerator &random)
{
    static const QList<QJsonValue> kValues{
        u""_s,
        u"root"_s,
        u"daemon"_s,
        u"deroot-fuzz"_s,
        u"fuzzagent"_s,
        u"a"_s,
        u"Agent"_s,
        u"/usr/local/bin/deroot-test-agent"_s,
        u"/usr/bin/python3.13"_s,
        u"/bin/sh"_s,
        u"/usr/bin/id"_s,
        u"/usr/sbin/smartctl"_s,
        u"/usr/bin/editor"_s,
        u"/usr/bin/vim"_s,
        u"../x"_s,
        u"/etc/shadow"_s,
        u"/var/log"_s,
        u"/var/lib/fuzz"_s,
        u"/home/alice"_s,
        u"/dev/ipmi0"_s,
        u"/dev/sda"_s,
        u"x;y"_s,
        u";"_s,
        u"\\;"_s,
        u"\\"_s,
        u"a\nb"_s,
        u"%n"_s,
        u"$HOME"_s,
        u"+/bin/sh"_s,
        u"!!"_s,
        u"-u"_s,
        u"--run"_s,
        u"infinity"_s,
        u"CAP_NET_RAW"_s,
        u"CAP_SYS_ADMIN"_s,
        u"CAP_SETUID"_s,
        u"cap_net_raw"_s,
        u"NET_RAW"_s,
        u"ssh.service"_s,
        u"capsagent.service"_s,
        u"getty@.service"_s,
        u"x.socket"_s,
        u"/usr/local/bin/deroot-test-agent --run"_s,
        u"/usr/local/bin/deroot-test-agent ; +/bin/sh -c id"_s,
        u"!/usr/local/bin/deroot-test-agent $ARGS"_s,
        u"/usr/local/bin/deroot-test-agent \\"_s,
        u"lxd"_s,
        u"sudo"_s,
        u"wheel"_s,
        u"shadow"_s,
        u"disk"_s,
        u"adm"_s,
        u"systemd-journal"_s,
        u"tcp"_s,
        u"udp"_s,
        u"sctp"_s,
        u"AF_INET"_s,
        u"AF_INET6"_s,
        u"AF_PACKET"_s,
        u"AF_UNMX"_s,
        u"caps"_s,
        u"container"_s,
        u"docker.io/library/busybox:1.36"_s,
        u"fping"_s,
        u"4c470e8c8274c760bb0dc82d256c3d6cdf063b1a52d2a63e0e5f92e7b4668011"_s,
        QString(300, u'a'),
        0,
        1,
        -1,
        4,
        15,
        16,
        50,
        80,
        256,
        512,
        9100,
        65535,
        65536,
        102400,
        102401,
        16777216,
        1e300,
        0.5,
        true,
        false,
        QJsonValue(),
        QJsonArray(),
        QJsonObject(),
        QJsonArray{u"CAP_NET_RAW"_s, u"CAP_NET_BIND_SERVICE"_s},
        QJsonObject{{u"path"_s, u"/usr/bin/id"_s},
                    {u"arguments"_s, QJsonArray{u"-u"_s}},
                    {u"noexec"_s, true},
                    {u"arguments_unknown"_s, false}},
        QJsonObject{{u"path"_s, u"/usr/sbin/smartctl"_s},
                    {u"arguments"_s, QJsonArray()},
                    {u"noexec"_s, false},
                    {u"arguments_unknown"_s, true}},
        QJsonObject{{u"protocol"_s, u"tcp"_s}, {u"port"_s, 9100}},
    };
    return kValues.at(int(random.bounded(kValues.size())));
}

// Every place in @p value a mutation can touch, as JSON pointer-like paths ("program/arguments/0").
void collectPaths(const QJsonValue &value, const QString &prefix, QStringList &paths)
{
    if (!prefix.isEmpty()) {
        paths << prefix;
    }
    const QString base = prefix.isEmpty() ? QString() : prefix + u'/';
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            collectPaths(it.value(), base + it.key(), paths);
        }
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            collectPaths(array.at(i), base + QString::number(i), paths);
        }
        paths << base + u'-'; // append
    }
}

enum class Edit { Set, Remove };

QJsonValue edited(const QJsonValue &node, QStringList path, const QJsonValue &value, Edit edit)
{
    if (path.isEmpty()) {
        return value;
    }
    const QString key = path.takeFirst();
    if (node.isArray()) {
        QJsonArray array = node.toArray();
        const qsizetype index = key == u"-" ? array.size() : key.toLongLong();
        if (path.isEmpty() && edit == Edit::Remove) {
            if (index < array.size()) {
                array.removeAt(index);
            }
        } else if (index >= array.size()) {
            array.append(edited(QJsonValue(), path, value, edit));
        } else {
            array[index] = edited(array.at(index), path, value, edit);
        }
        return array;
    }
    QJsonObject object = node.toObject();
    if (path.isEmpty() && edit == Edit::Remove) {
        object.remove(key);
    } else {
        object.insert(key, edited(object.value(key), path, value, edit));
    }
    return object;
}

// One structural edit of plan.json's input; then, half the time, the whole request made again by
// the generators from it (when they accept it).
bool mutateInput(ApplyRequest &request, QRandomGenerator &random)
{
    QJsonObject root = QJsonDocument::fromJson(request.planJson).object();
    if (!root.value(u"input"_s).isObject()) {
        return false;
    }
    const QJsonValue original = root.value(u"input"_s);
    QJsonValue input = original;
    for (int edits = 1 + int(random.bounded(3)); edits > 0; --edits) {
        QStringList paths;
        collectPaths(input, QString(), paths);
        if (paths.isEmpty()) {
            return false;
        }
        const QStringList path = paths.at(int(random.bounded(paths.size()))).split(u'/');
        switch (random.bounded(8)) {
        case 0:
            input = edited(input, path, {}, Edit::Remove);
            break;
        case 1:
            input = edited(input, {u"fuzz_key"_s}, interestingValue(random), Edit::Set);
            break;
        default:
            input = edited(input, path, interestingValue(random), Edit::Set);
        }
    }
    root.insert(u"input"_s, input);
    if (random.bounded(2) == 0) {
        // Regenerated: when the generators refuse the edited input, a few single edits of the
        // original until they accept one, so that most of these reach the accepting path (most
        // dictionary values are refused somewhere).
        auto typed = generationInputFromJson(input.toObject());
        auto generated = typed ? generatePlan(*typed) : Result<GeneratedPlan>(typed.error());
        for (int attempt = 0; attempt < 8 && !generated; ++attempt) {
            QStringList paths;
            collectPaths(original, QString(), paths);
            input = edited(original, paths.at(int(random.bounded(paths.size()))).split(u'/'), interestingValue(random),
                           Edit::Set);
            typed = generationInputFromJson(input.toObject());
            generated = typed ? generatePlan(*typed) : Result<GeneratedPlan>(typed.error());
        }
        if (generated) {
            QJsonObject manifest = generated->manifest;
            for (const QString &key : reviewOnlyManifestKeys()) {
                if (root.contains(key)) {
                    manifest.insert(key, root.value(key));
                }
            }
            if (const auto regenerated = exportApplyRequest(generated->artifacts, manifest)) {
                request = *regenerated;
                return true;
            }
        }
    }
    request.planJson = QJsonDocument(root).toJson(QJsonDocument::Indented);
    return true;
}

// libFuzzer's own byte mutator on one part of the request.
void mutateBytes(QByteArray &bytes, std::size_t maxSize)
{
    const std::size_t size = std::size_t(bytes.size());
    // At least one byte: an empty QByteArray's data() is Qt's shared read-only empty string.
    maxSize = std::max<std::size_t>(maxSize, 1);
    bytes.resize(qsizetype(std::max(size, maxSize)));
    const std::size_t newSize = LLVMFuzzerMutate(reinterpret_cast<std::uint8_t *>(bytes.data()), size, maxSize);
    bytes.resize(qsizetype(newSize));
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    std::atexit([] {
        std::fprintf(stderr, "plan_fuzzer: %zu of %zu requests accepted, each checked against its regeneration\n",
                     g_accepted, g_runs);
    });
    return 0;
}

extern "C" std::size_t LLVMFuzzerCustomMutator(std::uint8_t *data, std::size_t size, std::size_t maxSize,
                                               unsigned int seed)
{
    QRandomGenerator random(seed);
    ApplyRequest request = requestFromBytes(QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size)));
    const std::size_t part = maxSize > size ? maxSize - size : 0;
    switch (random.bounded(4)) {
    case 0:
    case 1:
        if (mutateInput(request, random)) {
            break;
        }
        [[fallthrough]];
    case 2:
        if (!request.files.isEmpty()) {
            auto it = request.files.begin();
            std::advance(it, random.bounded(int(request.files.size())));
            mutateBytes(it.value(), std::size_t(it.value().size()) + part);
            break;
        }
        [[fallthrough]];
    default:
        mutateBytes(request.planJson, std::size_t(request.planJson.size()) + part);
    }
    const QByteArray bytes = bytesFromRequest(request);
    if (std::size_t(bytes.size()) > maxSize) {
        return LLVMFuzzerMutate(data, size, maxSize);
    }
    std::memcpy(data, bytes.constData(), std::size_t(bytes.size()));
    return std::size_t(bytes.size());
}

#endif
