// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/plan/applyrequest.h"

#include "core/base/sha256.h"
#include "core/base/text.h"
#include "core/generate/generator.h"
#include "core/generate/inputvalidation.h"
#include "core/generate/manifest.h"
#include "core/generate/planinput.h"
#include "core/generate/sudoersgenerator.h"
#include "core/generate/systemdunit.h"
#include "core/model/capabilities.h"
#include "core/rules/rules.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Deroot::Core {

namespace {

Error refused(const QString &message)
{
    return Error{ExitCode::Refused, message};
}

} // namespace

// Qt's JSON reader keeps the last of two equal keys, while a person reading the file sees the
// first: a plan with duplicate keys could show the admin one path and give the helper another. This
// scans the (already well-formed) text for them, and measures the nesting depth without recursion.
Result<QJsonObject> readRequestObject(const QByteArray &json, qsizetype maxBytes)
{
    const auto refuse = [](const QString &message) { return Error{ExitCode::Usage, message}; };
    if (json.size() > maxBytes) {
        return refuse(u"it is %1 bytes, more than %2"_s.arg(json.size()).arg(maxBytes));
    }
    if (!isValidUtf8(json) || json.contains('\0')) {
        return refuse(u"it is not UTF-8 text"_s);
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return refuse(u"it is not JSON: %1 at byte %2"_s.arg(parseError.errorString()).arg(parseError.offset));
    }
    if (!document.isObject()) {
        return refuse(u"it must be one JSON object"_s);
    }
    if (const auto problem = duplicateKeyOrTooDeep(json)) {
        return refuse(*problem);
    }
    return document.object();
}

std::optional<QString> duplicateKeyOrTooDeep(QByteArrayView json)
{
    struct Level
    {
        bool object = false;
        bool expectKey = true;
        QSet<QByteArray> keys;
    };
    QList<Level> stack;
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char c = json.at(i);
        if (c == '"') {
            QByteArray text;
            for (++i; i < json.size() && json.at(i) != '"'; ++i) {
                if (json.at(i) == '\\' && i + 1 < json.size()) {
                    text += json.at(i);
                    ++i;
                }
                text += json.at(i);
            }
            if (!stack.isEmpty() && stack.last().object && stack.last().expectKey) {
                // Two spellings of one key ("a" and "\u0061") are one key to the reader: compare
                // the decoded text.
                const QByteArray decoded =
                    QJsonDocument::fromJson("[\"" + text + "\"]").array().at(0).toString().toUtf8();
                if (stack.last().keys.contains(decoded)) {
                    return u"the key "_s + quoted(QString::fromUtf8(decoded)) + u" appears twice in one object"_s;
                }
                stack.last().keys.insert(decoded);
                stack.last().expectKey = false;
            }
        } else if (c == '{' || c == '[') {
            stack.append(Level{c == '{', true, {}});
            if (stack.size() > kMaxJsonDepth) {
                return u"it is nested deeper than %1 levels"_s.arg(kMaxJsonDepth);
            }
        } else if (c == '}' || c == ']') {
            if (!stack.isEmpty()) {
                stack.removeLast();
            }
        } else if (c == ',' && !stack.isEmpty() && stack.last().object) {
            stack.last().expectKey = true;
        }
    }
    return std::nullopt;
}

namespace {

// The first line where @p got and @p expected differ, for a refusal that says where a file was
// changed: "line 12 is 'X' where Deroot writes 'Y'".
QString firstDifference(const QByteArray &got, const QByteArray &expected)
{
    const QList<QByteArray> gotLines = got.split('\n');
    const QList<QByteArray> expectedLines = expected.split('\n');
    const qsizetype count = std::max(gotLines.size(), expectedLines.size());
    for (qsizetype i = 0; i < count; ++i) {
        const QByteArray a = i < gotLines.size() ? gotLines.at(i) : QByteArray();
        const QByteArray b = i < expectedLines.size() ? expectedLines.at(i) : QByteArray();
        if (a == b && i < gotLines.size() && i < expectedLines.size()) {
            continue;
        }
        const auto shown = [](const QByteArray &line, bool present) {
            return present ? quoted(QString::fromUtf8(line.left(120))) : u"(nothing: the file ends)"_s;
        };
        return u"line %1 is %2 where Deroot's generators write %3"_s.arg(i + 1).arg(shown(a, i < gotLines.size()),
                                                                                    shown(b, i < expectedLines.size()));
    }
    return u"it differs"_s;
}

// The review-only parts of plan.json (reviewOnlyManifestKeys()): what the machine that made the
// plan recorded for the admin. Never acted on; only their form is checked.
std::optional<Error> checkReviewOnly(const QJsonObject &root)
{
    if (root.contains(u"validations"_s) && !root.value(u"validations"_s).isArray()) {
        return refused(u"plan.json: validations must be an array"_s);
    }
    if (root.contains(u"effective_privilege"_s) && !root.value(u"effective_privilege"_s).isObject()) {
        return refused(u"plan.json: effective_privilege must be an object"_s);
    }
    return std::nullopt;
}

PlanStep::Kind stepKindOf(const QString &artifactId)
{
    if (artifactId == u"useradd") {
        return PlanStep::Kind::CreateUser;
    }
    if (artifactId == u"sysusers") {
        return PlanStep::Kind::WriteSysusers;
    }
    if (artifactId == u"sudoers") {
        return PlanStep::Kind::WriteSudoers;
    }
    if (artifactId == u"unit" || artifactId == u"dropin" || artifactId == u"timer") {
        return PlanStep::Kind::WriteUnit;
    }
    if (artifactId == u"setcap") {
        return PlanStep::Kind::SetFileCaps;
    }
    // docker run, Compose, Quadlet, Kubernetes, AppArmor: generated for the admin to review and
    // take away; containers are started by the admin's own tooling and a profile must be loaded
    // and tested by hand, so the helper never applies them.
    return PlanStep::Kind::ExportOnly;
}

// What the helper does with a plan whose every byte its own generators wrote: typed steps from the
// regenerated artifacts, and the grants the approval must name, from the typed input.
CheckedRequest planFromGenerated(const GeneratedPlan &generated, const QByteArray &planJson)
{
    const GenerationInput &input = generated.input;
    const bool container = input.method == Method::Container;
    CheckedRequest plan;
    plan.input = input;
    plan.agent = input.agentId;
    plan.method = methodId(input.method);
    plan.planSha256 = Sha256::hex(planJson);
    plan.planJson = planJson;
    plan.programPath = input.executable;
    plan.programSha256 = input.executableSha256;
    if (!container && input.startMode != StartMode::CalledBy) {
        plan.serviceUser = input.serviceUser;
        plan.serviceGroup = input.serviceGroup.isEmpty() ? input.serviceUser : input.serviceGroup;
        plan.supplementaryGroups = input.supplementaryGroups;
        plan.areas |= PlanArea::Users;
    }
    if (input.startMode == StartMode::CalledBy && !input.sudoCommands.isEmpty()) {
        // The rule is for the agent that calls the program, an account that exists already.
        plan.callerUser = input.callerUser;
    }
    for (const int number : input.capabilities) {
        if (const auto info = capabilityByNumber(number)) {
            plan.capabilities << QString::fromLatin1(info->name);
        }
    }
    if (!container && !plan.capabilities.isEmpty()) {
        plan.areas |= PlanArea::Capabilities;
    }
    plan.sudoCommands = input.sudoCommands;
    plan.privilegedGrants = privilegedGrants(input);
    for (const Artifact &artifact : generated.artifacts) {
        if (artifact.id == u"groupadd") {
            continue; // CreateUser creates the group too, with the helper's own argument list
        }
        PlanStep step;
        step.kind = stepKindOf(artifact.id);
        step.artifact = artifact.id;
        step.file = exportFileName(artifact);
        step.target = artifact.isCommand ? QString() : artifact.targetPath;
        step.content = artifact.content.toUtf8();
        step.mode = quint32(artifact.mode);
        switch (step.kind) {
        case PlanStep::Kind::CreateUser:
            step.target = plan.serviceUser;
            break;
        case PlanStep::Kind::WriteSysusers:
            plan.areas |= PlanArea::Units;
            break;
        case PlanStep::Kind::WriteSudoers:
            plan.areas |= PlanArea::Sudoers;
            break;
        case PlanStep::Kind::WriteUnit:
            plan.areas |= PlanArea::Units;
            if (artifact.id == u"timer") {
                // Its name, and so its destination, is the helper's: the agent's, never the file's.
                plan.timer = generatedTimerName(input);
                step.target = u"/etc/systemd/system/"_s + plan.timer;
            } else {
                plan.unit = artifact.id == u"unit" ? artifact.targetPath.section(u'/', -1)
                                                   : artifact.targetPath.section(u'/', 4, 4).chopped(2);
            }
            break;
        case PlanStep::Kind::SetFileCaps:
            step.target = plan.programPath;
            plan.areas |= PlanArea::Capabilities;
            break;
        default:
            break;
        }
        plan.steps.append(step);
    }
    if (!input.replacesUnit.isEmpty() && !plan.unit.isEmpty()) {
        // The switch-over: the old unit is stopped and disabled before the reload (which then
        // forgets its enablement) and before the new unit starts, so that one copy runs at a time.
        plan.replacesUnit = input.replacesUnit;
        PlanStep stop;
        stop.kind = PlanStep::Kind::StopUnit;
        stop.target = plan.replacesUnit;
        plan.steps.append(stop);
    }
    if (!plan.unit.isEmpty()) {
        PlanStep reload;
        reload.kind = PlanStep::Kind::DaemonReload;
        reload.target = plan.unit;
        plan.steps.append(reload);
        // A scheduled program's oneshot unit runs when its timer says, never as a daemon: the
        // timer is what starts now.
        PlanStep start;
        start.kind = plan.timer.isEmpty() ? PlanStep::Kind::StartUnit : PlanStep::Kind::StartTimer;
        start.target = plan.timer.isEmpty() ? plan.unit : plan.timer;
        plan.steps.append(start);
    }
    return plan;
}

} // namespace

QString stepKindName(PlanStep::Kind kind)
{
    switch (kind) {
    case PlanStep::Kind::CreateUser:
        return u"create-user"_s;
    case PlanStep::Kind::WriteSysusers:
        return u"write-sysusers"_s;
    case PlanStep::Kind::WriteSudoers:
        return u"write-sudoers"_s;
    case PlanStep::Kind::WriteUnit:
        return u"write-unit"_s;
    case PlanStep::Kind::SetFileCaps:
        return u"set-file-caps"_s;
    case PlanStep::Kind::StopUnit:
        return u"stop-unit"_s;
    case PlanStep::Kind::DaemonReload:
        return u"daemon-reload"_s;
    case PlanStep::Kind::StartUnit:
        return u"start-unit"_s;
    case PlanStep::Kind::StartTimer:
        return u"start-timer"_s;
    case PlanStep::Kind::ExportOnly:
        return u"export-only"_s;
    }
    return u"unknown"_s;
}

Result<CheckedRequest> parseApplyRequest(const ApplyRequest &request)
{
    // --- plan.json: size, encoding, form, duplicate keys, depth ---
    if (request.planJson.size() > kMaxPlanJsonBytes) {
        return refused(u"plan.json is %1 bytes, more than the %2 a plan may have"_s.arg(request.planJson.size())
                           .arg(kMaxPlanJsonBytes));
    }
    if (!isValidUtf8(request.planJson) || request.planJson.contains('\0')) {
        return refused(u"plan.json is not valid UTF-8 text"_s);
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.planJson, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return refused(
            u"plan.json is not valid JSON: %1 at byte %2"_s.arg(parseError.errorString()).arg(parseError.offset));
    }
    if (!document.isObject()) {
        return refused(u"plan.json must hold one JSON object"_s);
    }
    if (const auto problem = duplicateKeyOrTooDeep(request.planJson)) {
        return refused(u"plan.json is refused: "_s + *problem);
    }
    const QJsonObject root = document.object();
    const QJsonValue schema = root.value(u"schema"_s);
    if (!schema.isString()) {
        return refused(
            u"plan.json lacks 'schema', a string naming its version (%1)"_s.arg(QString::fromLatin1(kPlanSchema)));
    }
    if (schema.toString() == u"deroot.plan/1") {
        return refused(u"plan.json is a deroot.plan/1 plan, made by an earlier Deroot: it does not hold the typed "
                       u"input its files were generated from, so the helper cannot check them. Generate the plan "
                       u"again (derootctl generate, or Export in the desktop) and apply the new one"_s);
    }
    if (schema.toString() != QString::fromLatin1(kPlanSchema)) {
        return refused(u"plan.json has the schema %1; this helper accepts only %2"_s.arg(
            quoted(schema.toString().left(64)), QString::fromLatin1(kPlanSchema)));
    }

    // --- the typed input, read strictly and held to every rule the generators follow ---
    const QJsonValue inputValue = root.value(u"input"_s);
    if (!inputValue.isObject()) {
        return refused(u"plan.json lacks 'input', the object the plan's files are generated from"_s);
    }
    const auto input = generationInputFromJson(inputValue.toObject());
    if (!input) {
        return input.error();
    }
    if (const auto problem = validateGenerationInput(*input)) {
        return refused(u"plan.json's input is refused: "_s + problem->message);
    }

    if (input->method != Method::Container && input->executableSha256.isEmpty()) {
        // The apply binds the program the admin reviewed: without its hash, any file at that path would do.
        return refused(u"plan.json: input.program.sha256 is empty; the helper sets nothing up for a program whose "
                       u"content the plan does not fix"_s);
    }

    // --- regenerate everything and require the very bytes ---
    // The helper judges no artifact: it runs the generators the desktop and derootctl run, on the
    // typed input, and accepts only what they write. Any future generator change is its rule too.
    const auto generated = generatePlan(*input);
    if (!generated) {
        return refused(u"plan.json's input is refused: "_s + generated.error().message);
    }
    QJsonObject expected = generated->manifest;
    const QString ourGenerator = expected.value(u"generator"_s).toString();
    if (root.value(u"generator"_s) != QJsonValue(ourGenerator)) {
        return refused(u"plan.json was made by %1; this helper is %2 and applies only the files its own generators "
                       u"write: generate the plan again with this version"_s.arg(
                           quoted(root.value(u"generator"_s).toString().left(64)), ourGenerator));
    }
    if (const auto problem = checkReviewOnly(root)) {
        return *problem;
    }
    for (const QString &key : reviewOnlyManifestKeys()) {
        if (root.contains(key)) {
            expected.insert(key, root.value(key));
        }
    }
    const auto files = exportFiles(generated->artifacts, expected);
    if (!files) {
        return refused(files.error().message);
    }
    if (request.files.size() > kMaxFiles) {
        return refused(
            u"the request has %1 files, more than the %2 a plan may have"_s.arg(request.files.size()).arg(kMaxFiles));
    }
    QSet<QString> expectedNames;
    for (const ExportFile &file : *files) {
        if (file.name == u"plan.json") {
            continue;
        }
        expectedNames.insert(file.name);
        const auto it = request.files.constFind(file.name);
        if (it == request.files.constEnd()) {
            return refused(u"the request lacks the file %1 that plan.json names"_s.arg(quoted(file.name)));
        }
        if (*it != file.bytes) {
            return refused(u"%1 is not the file Deroot's generators write for this plan: %2"_s.arg(
                quoted(file.name), firstDifference(*it, file.bytes)));
        }
    }
    for (auto it = request.files.constBegin(); it != request.files.constEnd(); ++it) {
        if (!expectedNames.contains(it.key()) && it.key() != u"plan.json") {
            return refused(
                u"the request's file %1 is named by no operation of plan.json"_s.arg(quoted(it.key().left(128))));
        }
    }
    // After the files, so that an edited file is named even when its author also rehashed plan.json.
    // plan.json is exportFiles()'s last file: its bytes as the generators write them.
    const ExportFile &expectedPlan = files->constLast();
    if (request.planJson != expectedPlan.bytes) {
        return refused(u"plan.json is not the plan Deroot's generators write from its own input: "_s +
                       firstDifference(request.planJson, expectedPlan.bytes));
    }
    return planFromGenerated(*generated, request.planJson);
}

Result<CheckedRequest> parseStoredPlan(const QByteArray &planJson)
{
    ApplyRequest request{planJson, {}};
    // The files are what the generators write from the plan's own input. Whatever cannot be
    // regenerated here is left out, and parseApplyRequest() names why it refuses the plan.
    const QJsonDocument document =
        planJson.size() <= kMaxPlanJsonBytes ? QJsonDocument::fromJson(planJson) : QJsonDocument();
    const QJsonObject root = document.object();
    if (const auto input = generationInputFromJson(root.value(u"input"_s).toObject())) {
        if (const auto generated = generatePlan(*input)) {
            QJsonObject expected = generated->manifest;
            for (const QString &key : reviewOnlyManifestKeys()) {
                if (root.contains(key)) {
                    expected.insert(key, root.value(key));
                }
            }
            if (const auto files = exportFiles(generated->artifacts, expected)) {
                for (const ExportFile &file : *files) {
                    if (file.name != u"plan.json") {
                        request.files.insert(file.name, file.bytes);
                    }
                }
            }
        }
    }
    return parseApplyRequest(request);
}

QStringList areaActionIds(PlanAreas areas)
{
    QStringList actions;
    if (areas.testFlag(PlanArea::Users)) {
        actions << PolkitActions::kUsers;
    }
    if (areas.testFlag(PlanArea::Sudoers)) {
        actions << PolkitActions::kSudoers;
    }
    if (areas.testFlag(PlanArea::Capabilities)) {
        actions << PolkitActions::kCapabilities;
    }
    if (areas.testFlag(PlanArea::Units)) {
        actions << PolkitActions::kUnits;
    }
    return actions;
}

QStringList requestFileNames(const QByteArray &planJson)
{
    QStringList names;
    const QJsonArray operations = QJsonDocument::fromJson(planJson).object().value(u"operations"_s).toArray();
    for (const auto &operation : operations) {
        const QString name = operation.toObject().value(u"file"_s).toString();
        if (name.isEmpty() || name.contains(u'/') || name.startsWith(u'.') || names.contains(name) ||
            names.size() >= kMaxFiles) {
            continue;
        }
        names.append(name);
    }
    return names;
}

Result<ApplyRequest> readApplyRequest(const QString &path)
{
    const QFileInfo info(path);
    const QString directory = info.isDir() ? info.absoluteFilePath() : info.absolutePath();
    const QString planPath = info.isDir() ? directory + u"/plan.json"_s : info.absoluteFilePath();
    // Read with bounds and without following a symlink at the last component.
    const auto readBounded = [](const QString &file, qsizetype limit) -> Result<QByteArray> {
        const int fd = ::open(QFile::encodeName(file).constData(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
        if (fd < 0) {
            const int error = errno;
            return Error{error == ENOENT ? ExitCode::NotFound : ExitCode::Failure,
                         u"%1 cannot be read: %2"_s.arg(quoted(file), errnoText(error))};
        }
        struct stat st{};
        if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
            ::close(fd);
            return Error{ExitCode::Refused, u"%1 is not a regular file"_s.arg(quoted(file))};
        }
        QByteArray bytes;
        char buffer[65536];
        for (;;) {
            const ssize_t n = ::read(fd, buffer, sizeof buffer);
            if (n < 0 && errno == EINTR) {
                continue;
            }
            if (n <= 0) {
                break;
            }
            bytes.append(buffer, n);
            if (bytes.size() > limit) {
                ::close(fd);
                return Error{ExitCode::Refused,
                             u"%1 is larger than the %2 bytes a plan's file may have"_s.arg(quoted(file)).arg(limit)};
            }
        }
        ::close(fd);
        return bytes;
    };
    auto planJson = readBounded(planPath, kMaxPlanJsonBytes);
    if (!planJson) {
        return planJson.error();
    }
    ApplyRequest request;
    request.planJson = *planJson;
    // Only the files plan.json names are read; their names are checked by parseApplyRequest().
    for (const QString &name : requestFileNames(*planJson)) {
        auto bytes = readBounded(directory + u'/' + name, kMaxFileBytes);
        if (!bytes) {
            return bytes.error();
        }
        request.files.insert(name, *bytes);
    }
    return request;
}

} // namespace Deroot::Core
