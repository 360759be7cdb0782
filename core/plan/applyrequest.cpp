// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/plan/applyrequest.h"

#include "core/generate/inputvalidation.h"
#include "core/generate/plan.h"
#include "core/generate/sudoersgenerator.h"
#include "core/inspect/capabilities.h"
#include "core/text.h"
#include "core/util/sha256.h"

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

QString sha256Hex(QByteArrayView bytes)
{
    Sha256 hash;
    hash.addData(bytes);
    return QString::fromLatin1(hash.result().toHex());
}

bool matches(const QRegularExpression &pattern, QStringView text)
{
    return pattern.matchView(text).hasMatch();
}

const QRegularExpression &agentPattern()
{
    static const QRegularExpression kPattern(QRegularExpression::anchoredPattern(u"[a-z][a-z0-9_-]{0,31}"_s));
    return kPattern;
}

const QRegularExpression &hexPattern()
{
    static const QRegularExpression kPattern(QRegularExpression::anchoredPattern(u"[0-9a-f]{64}"_s));
    return kPattern;
}

const QRegularExpression &groupPattern()
{
    static const QRegularExpression kPattern(QRegularExpression::anchoredPattern(u"[a-z_][a-z0-9_-]{0,31}"_s));
    return kPattern;
}

// A systemd service name this helper may write a unit or a drop-in for: plain characters, no
// template ('@'), no escapes ('\\'), no hidden or relative names.
const QRegularExpression &serviceNamePattern()
{
    static const QRegularExpression kPattern(
        QRegularExpression::anchoredPattern(u"[A-Za-z0-9_][A-Za-z0-9_.:-]{0,120}\\.service"_s));
    return kPattern;
}

// Groups whose members are root in all but name: a plan may never put its service user into one.
bool isPrivilegedGroup(QStringView group)
{
    static const QStringList kGroups{u"root"_s,    u"sudo"_s, u"wheel"_s,  u"admin"_s, u"shadow"_s,
                                     u"disk"_s,    u"kmem"_s, u"docker"_s, u"lxd"_s,   u"incus-admin"_s,
                                     u"libvirt"_s, u"sys"_s,  u"staff"_s};
    return kGroups.contains(group);
}

bool isPrintableLine(QStringView text, qsizetype maximum)
{
    if (text.size() > maximum) {
        return false;
    }
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u < 0x20 || u == 0x7f || (u >= 0x80 && u < 0xa0) || c.category() == QChar::Other_Format || u == 0x2028 ||
            u == 0x2029) {
            return false;
        }
    }
    return true;
}

// Qt's JSON reader keeps the last of two equal keys, while a person reading the file sees the
// first: a plan with duplicate keys could show the admin one path and give the helper another. This
// scans the (already well-formed) text for them, and measures the nesting depth without recursion.
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

// The closed schema: every key of @p object must be one of @p allowed.
std::optional<Error> onlyKeys(const QJsonObject &object, const QStringList &allowed, const QString &where)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!allowed.contains(it.key())) {
            return refused(u"plan.json: %1 has the unknown key %2 (schema %3 is closed)"_s.arg(
                where, quoted(it.key()), QString::fromLatin1(kPlanSchema)));
        }
    }
    return std::nullopt;
}

// A required string field, one printable line of at most @p maximum characters.
Result<QString> stringField(const QJsonObject &object, const QString &key, const QString &where,
                            qsizetype maximum = 256)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined()) {
        return refused(u"plan.json: %1 lacks %2"_s.arg(where, quoted(key)));
    }
    const QString field = where == u"the plan" ? key : where + u'.' + key;
    if (!value.isString()) {
        return refused(u"plan.json: %1 must be a string"_s.arg(field));
    }
    const QString text = value.toString();
    if (!isPrintableLine(text, maximum)) {
        return refused(u"plan.json: %1 %2 must be one printable line of at most %3 characters"_s.arg(
            field, quoted(text.left(80)), QString::number(maximum)));
    }
    return text;
}

// The artifacts a plan may name, what the helper does with each and where it may go.
enum class Kind { GroupAdd, UserAdd, Sysusers, Sudoers, Unit, DropIn, SetCap, ExportOnly };

struct ArtifactRule
{
    QString id;
    Kind artifact;
    bool command; ///< a `run` operation
    QString program;
};

const QList<ArtifactRule> &artifactRules()
{
    static const QList<ArtifactRule> kRules{
        {u"groupadd"_s, Kind::GroupAdd, true, u"/usr/sbin/groupadd"_s},
        {u"useradd"_s, Kind::UserAdd, true, u"/usr/sbin/useradd"_s},
        {u"sysusers"_s, Kind::Sysusers, false, {}},
        {u"sudoers"_s, Kind::Sudoers, false, {}},
        {u"unit"_s, Kind::Unit, false, {}},
        {u"dropin"_s, Kind::DropIn, false, {}},
        {u"setcap"_s, Kind::SetCap, true, u"/usr/sbin/setcap"_s},
        // Generated for export only: the helper never applies them (containers are started by the
        // admin's own tooling; an AppArmor profile must be loaded and tested by hand).
        {u"docker-run"_s, Kind::ExportOnly, true, u"/usr/bin/docker"_s},
        {u"compose"_s, Kind::ExportOnly, false, {}},
        {u"quadlet"_s, Kind::ExportOnly, false, {}},
        {u"kubernetes"_s, Kind::ExportOnly, false, {}},
        {u"apparmor"_s, Kind::ExportOnly, false, {}},
    };
    return kRules;
}

// The command line a `run` artifact's file holds: writeExport() wraps it as
// "#!/bin/sh\n# PURPOSE\nset -e\nCONTENT\n", and the manifest hashes CONTENT. Anything else in the
// file (a second command, another header) is refused rather than ignored.
Result<QString> commandContent(const QByteArray &file, const QString &purpose, const QString &where)
{
    const QByteArray head = "#!/bin/sh\n# " + purpose.toUtf8() + "\nset -e\n";
    if (!file.startsWith(head) || !file.endsWith('\n') || file.size() <= head.size() + 1) {
        return refused(u"%1 is not the command file Deroot exports (#!/bin/sh, '# ' and the purpose, set -e, the "
                       u"command)"_s.arg(where));
    }
    return QString::fromUtf8(file.mid(head.size(), file.size() - head.size() - 1));
}

struct UserAdd
{
    QString user;
    QString group; ///< empty: --user-group
    QStringList supplementary;
};

// useradd's line, read word by word against the one form the generator writes: the helper then
// creates the user itself with its own argument list, never this text.
Result<UserAdd> parseUserAdd(const QString &content, const QString &where)
{
    const QString problem = u"%1 is not the useradd line Deroot generates (useradd --system --no-create-home "_s
                            u"--home-dir /nonexistent --shell /usr/sbin/nologin --user-group|-g GROUP [-G "_s
                            u"GROUPS] USER)"_s.arg(where);
    if (content.contains(u'\n')) {
        return refused(problem);
    }
    const QStringList words = content.split(u' ');
    const QStringList head{u"useradd"_s,      u"--system"_s, u"--no-create-home"_s, u"--home-dir"_s,
                           u"/nonexistent"_s, u"--shell"_s,  u"/usr/sbin/nologin"_s};
    if (words.size() < head.size() + 2 || words.mid(0, head.size()) != head) {
        return refused(problem);
    }
    UserAdd result;
    qsizetype i = head.size();
    if (words.at(i) == u"--user-group") {
        ++i;
    } else if (words.at(i) == u"-g" && i + 1 < words.size()) {
        result.group = words.at(i + 1);
        i += 2;
    } else {
        return refused(problem);
    }
    if (i + 2 < words.size() && words.at(i) == u"-G") {
        result.supplementary = words.at(i + 1).split(u',');
        i += 2;
    }
    if (i + 1 != words.size()) {
        return refused(problem);
    }
    result.user = words.at(i);
    return result;
}

// The sudoers drop-in, line by line against the generator's grammar: comments ("# "), blank lines,
// Cmnd_Alias DEROOT_<AGENT>_<N> = /absolute/program args, and "<user> ALL=(root) NOPASSWD:
// NOEXEC:|EXEC: <alias>". No Defaults, no #include, no @include, no line continuation, no other
// user: whatever else sudo would accept, this helper does not write.
std::optional<Error> checkSudoersText(const QString &text, const QString &user, const QString &agent,
                                      const QString &where, QList<SudoCommand> &commands)
{
    if (!text.endsWith(u'\n')) {
        return refused(u"%1 does not end with a newline"_s.arg(where));
    }
    QString prefix = agent.toUpper();
    prefix.replace(u'-', u'_');
    const QRegularExpression alias(QRegularExpression::anchoredPattern(
        u"Cmnd_Alias (DEROOT_"_s + QRegularExpression::escape(prefix) +
        u"_[1-9][0-9]{0,2}) = (/[A-Za-z0-9_./@+-]+) ((?:\"\")|(?:(?:[A-Za-z0-9_./@+~-]|\\\\[,:=])+(?: (?:[A-Za-z0-9_./@+~-]|\\\\[,:=])+)*))"_s));
    const QRegularExpression rule(QRegularExpression::anchoredPattern(
        QRegularExpression::escape(user) + u" ALL=\\(root\\) NOPASSWD: (?:NOEXEC|EXEC): (DEROOT_[A-Z0-9_]+)"_s));
    QSet<QString> aliases;
    qsizetype rules = 0;
    qsizetype number = 0;
    for (const QString &line : text.split(u'\n')) {
        ++number;
        const QString here = u"%1 line %2"_s.arg(where).arg(number);
        if (line.isEmpty() || line == u"#"_s || line.startsWith(u"# "_s)) {
            if (!isPrintableLine(line, 1000) || line.endsWith(u'\\')) {
                return refused(u"%1 %2 has a control character or continues onto the next line"_s.arg(
                    here, quoted(line.left(80))));
            }
            continue;
        }
        if (const auto m = alias.matchView(line); m.hasMatch()) {
            const QString program = m.captured(2);
            if (!isSafeAbsolutePath(program)) {
                return refused(u"%1 names the program %2, not a normalised absolute path"_s.arg(here, quoted(program)));
            }
            if (const auto dangerous = dangerousSudoCommand(program)) {
                return refused(u"%1 allows %2: through sudo, %3 gives %4 as root"_s.arg(
                    here, quoted(program), dangerous->name, dangerous->allows));
            }
            if (aliases.contains(m.captured(1))) {
                return refused(u"%1 defines %2 twice"_s.arg(here, m.captured(1)));
            }
            aliases.insert(m.captured(1));
            SudoCommand command;
            command.path = program;
            if (m.captured(3) != u"\"\""_s) {
                command.arguments = m.captured(3).split(u' ');
            }
            commands << command;
            continue;
        }
        if (const auto m = rule.matchView(line); m.hasMatch()) {
            if (!aliases.contains(m.captured(1))) {
                return refused(u"%1 names the undefined alias %2"_s.arg(here, quoted(m.captured(1))));
            }
            ++rules;
            continue;
        }
        return refused(u"%1 %2 is neither a comment, a Cmnd_Alias DEROOT_%3_N nor a rule of the user %4 "
                       u"(the only lines the helper writes into sudoers)"_s.arg(here, quoted(line.left(120)), prefix,
                                                                                quoted(user)));
    }
    if (rules == 0) {
        return refused(u"%1 grants nothing: it has no rule for %2"_s.arg(where, quoted(user)));
    }
    return std::nullopt;
}

// The unit or drop-in, read for what would let it run something else or as someone else than the
// plan says: the helper writes units that run the plan's program as the plan's user, nothing more.
std::optional<Error> checkUnitText(const QString &text, const ValidatedPlan &plan, const QString &where, bool dropIn)
{
    static const QStringList kForbidden{u"ExecStartPre"_s,         u"ExecStartPost"_s, u"ExecCondition"_s,
                                        u"ExecReload"_s,           u"ExecStop"_s,      u"ExecStopPost"_s,
                                        u"PermissionsStartOnly"_s, u"RootDirectory"_s, u"RootImage"_s};
    QString user;
    QString group;
    QStringList execStart;
    bool namesExecStart = false;
    qsizetype number = 0;
    for (const QString &rawLine : text.split(u'\n')) {
        ++number;
        const QString here = u"%1 line %2"_s.arg(where).arg(number);
        if (!isPrintableLine(rawLine, 4096)) {
            return refused(u"%1 has a control character"_s.arg(here));
        }
        const QString line = rawLine.trimmed();
        if (line.endsWith(u'\\')) {
            return refused(u"%1 continues onto the next line, which the helper does not read"_s.arg(here));
        }
        if (line.isEmpty() || line.startsWith(u'#') || line.startsWith(u';') || line.startsWith(u'[')) {
            continue;
        }
        const qsizetype equals = line.indexOf(u'=');
        if (equals <= 0) {
            return refused(u"%1 %2 is not KEY=VALUE"_s.arg(here, quoted(line.left(80))));
        }
        const QString key = line.left(equals).trimmed();
        const QString value = line.mid(equals + 1).trimmed();
        if (kForbidden.contains(key) || (key == u"DynamicUser" && value != u"no")) {
            return refused(u"%1 sets %2, which the helper never writes: it could run a command as root or as "
                           u"another user"_s.arg(here, quoted(key)));
        }
        if (key == u"User") {
            user = value;
        } else if (key == u"Group") {
            group = value;
        } else if (key == u"ExecStart") {
            namesExecStart = true;
            if (value.isEmpty()) {
                execStart.clear();
            } else {
                execStart << value;
            }
        }
    }
    if (user != plan.serviceUser) {
        return refused(u"%1 runs the service as %2, not as the plan's user %3"_s.arg(where, quoted(user),
                                                                                     quoted(plan.serviceUser)));
    }
    if (group != plan.serviceGroup) {
        return refused(u"%1 runs the service with the group %2, not the plan's %3"_s.arg(where, quoted(group),
                                                                                         quoted(plan.serviceGroup)));
    }
    // A drop-in that names no ExecStart= keeps the vendor's command line (generate keeps it when it
    // runs the program already); the running agent's check then tells whether it is the plan's.
    const bool keepsVendorCommand = dropIn && !namesExecStart;
    if (!keepsVendorCommand &&
        (execStart.size() != 1 || execStart.constFirst().section(u' ', 0, 0) != plan.programPath)) {
        return refused(u"%1 must start exactly one program, the plan's %2, without a prefix such as '+' or '!'"_s.arg(
            where, quoted(plan.programPath)));
    }
    return std::nullopt;
}

std::optional<Error> checkSetcapText(const QString &content, const ValidatedPlan &plan, const QString &where)
{
    const QStringList lines = content.split(u'\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        if (!lines.at(i).startsWith(u'#') || !isPrintableLine(lines.at(i), 2000)) {
            return refused(u"%1 has a second command: only its first line may be one"_s.arg(where));
        }
    }
    QStringList names;
    for (const QString &name : plan.capabilities) {
        names << name.toLower();
    }
    const QString expected = u"setcap "_s + names.join(u',') + u"+ep "_s + plan.programPath;
    if (plan.capabilities.isEmpty() || lines.constFirst() != expected) {
        return refused(u"%1 is %2, not %3: the plan's capabilities on the plan's program"_s.arg(
            where, quoted(lines.constFirst().left(200)), quoted(expected)));
    }
    return std::nullopt;
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
    case PlanStep::Kind::DaemonReload:
        return u"daemon-reload"_s;
    case PlanStep::Kind::StartUnit:
        return u"start-unit"_s;
    case PlanStep::Kind::ExportOnly:
        return u"export-only"_s;
    }
    return u"unknown"_s;
}

Result<ValidatedPlan> parseApplyRequest(const ApplyRequest &request)
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
    // conflicts, validations and effective_privilege are what `derootctl generate` records for the
    // admin's review: covered by the plan's hash like every byte, never acted on.
    if (auto error =
            onlyKeys(root,
                     {u"schema"_s, u"generator"_s, u"agent"_s, u"method"_s, u"program"_s, u"service_user"_s,
                      u"capabilities"_s, u"operations"_s, u"conflicts"_s, u"validations"_s, u"effective_privilege"_s},
                     u"the plan"_s)) {
        return *error;
    }
    const auto schema = stringField(root, u"schema"_s, u"the plan"_s);
    if (!schema) {
        return schema.error();
    }
    if (*schema != QString::fromLatin1(kPlanSchema)) {
        return refused(u"plan.json has the schema %1; this helper accepts only %2"_s.arg(
            quoted(*schema), QString::fromLatin1(kPlanSchema)));
    }
    if (root.contains(u"generator"_s)) {
        if (const auto generator = stringField(root, u"generator"_s, u"the plan"_s); !generator) {
            return generator.error();
        }
    }

    ValidatedPlan plan;
    plan.planSha256 = sha256Hex(request.planJson);
    const auto agent = stringField(root, u"agent"_s, u"the plan"_s);
    if (!agent) {
        return agent.error();
    }
    if (!matches(agentPattern(), *agent)) {
        return refused(
            u"plan.json: the agent id %1 is not [a-z][a-z0-9_-], at most 32 characters"_s.arg(quoted(*agent)));
    }
    plan.agent = *agent;
    const auto method = stringField(root, u"method"_s, u"the plan"_s);
    if (!method) {
        return method.error();
    }
    if (*method != u"sudo" && *method != u"caps" && *method != u"container") {
        return refused(u"plan.json: the method %1 is none of sudo, caps, container"_s.arg(quoted(*method)));
    }
    plan.method = *method;
    const bool container = plan.method == u"container";

    // --- program ---
    const QJsonValue programValue = root.value(u"program"_s);
    if (!programValue.isObject()) {
        return refused(u"plan.json: program must be an object with path, sha256 and package"_s);
    }
    const QJsonObject program = programValue.toObject();
    if (auto error = onlyKeys(program, {u"path"_s, u"sha256"_s, u"package"_s}, u"program"_s)) {
        return *error;
    }
    const auto programPath = stringField(program, u"path"_s, u"program"_s, 4096);
    if (!programPath) {
        return programPath.error();
    }
    if (!isSafeAbsolutePath(*programPath)) {
        return refused(u"plan.json: program.path %1 is not an absolute, normalised path of plain characters"_s.arg(
            quoted(*programPath)));
    }
    plan.programPath = *programPath;
    const auto programSha = stringField(program, u"sha256"_s, u"program"_s);
    if (!programSha) {
        return programSha.error();
    }
    if (!matches(hexPattern(), *programSha) && !(container && programSha->isEmpty())) {
        return refused(
            u"plan.json: program.sha256 %1 is not 64 lower-case hexadecimal digits"_s.arg(quoted(*programSha)));
    }
    plan.programSha256 = *programSha;
    if (program.contains(u"package"_s)) {
        if (const auto package = stringField(program, u"package"_s, u"program"_s, 128); !package) {
            return package.error();
        }
    }

    // --- service user and capabilities ---
    if (root.contains(u"service_user"_s) || !container) {
        const auto user = stringField(root, u"service_user"_s, u"the plan"_s);
        if (!user) {
            return user.error();
        }
        if (!container || !user->isEmpty()) {
            if (!isValidAccountName(*user)) {
                return refused(
                    u"plan.json: the service user %1 is not a name useradd accepts for an agent "
                    u"([a-z_][a-z0-9_-], at most 32, not root or another reserved name)"_s.arg(quoted(*user)));
            }
        }
        if (!container) {
            plan.serviceUser = *user;
            plan.serviceGroup = *user;
        }
    }
    const QJsonValue capabilitiesValue = root.value(u"capabilities"_s);
    if (!capabilitiesValue.isUndefined()) {
        if (!capabilitiesValue.isArray() || capabilitiesValue.toArray().size() > 64) {
            return refused(u"plan.json: capabilities must be an array of at most 64 names"_s);
        }
        for (const QJsonValue &value : capabilitiesValue.toArray()) {
            if (!value.isString()) {
                return refused(u"plan.json: capabilities must hold strings"_s);
            }
            const QString name = value.toString();
            const auto info = capabilityByName(name);
            if (!info || QString::fromLatin1(info->name) != name) {
                return refused(u"plan.json: %1 is not a capability this helper knows (CAP_..., upper case)"_s.arg(
                    quoted(name.left(64))));
            }
            if (plan.capabilities.contains(name)) {
                return refused(u"plan.json: the capability %1 is listed twice"_s.arg(name));
            }
            plan.capabilities << name;
        }
    }

    // --- the request's files: plain names, bounded ---
    if (request.files.size() > kMaxFiles) {
        return refused(
            u"the request has %1 files, more than the %2 a plan may have"_s.arg(request.files.size()).arg(kMaxFiles));
    }
    static const QRegularExpression kFileName(
        QRegularExpression::anchoredPattern(u"[A-Za-z0-9_][A-Za-z0-9_.@:-]{0,127}"_s));
    for (auto it = request.files.begin(); it != request.files.end(); ++it) {
        if (!matches(kFileName, it.key()) || it.key().contains(u".."_s)) {
            return refused(u"the request's file name %1 is not a plain file name"_s.arg(quoted(it.key())));
        }
        if (it.value().size() > kMaxFileBytes) {
            return refused(u"the request's file %1 is %2 bytes, more than %3"_s.arg(quoted(it.key()))
                               .arg(it.value().size())
                               .arg(kMaxFileBytes));
        }
    }

    // --- operations ---
    const QJsonValue operationsValue = root.value(u"operations"_s);
    if (!operationsValue.isArray()) {
        return refused(u"plan.json: operations must be an array"_s);
    }
    const QJsonArray operations = operationsValue.toArray();
    if (operations.isEmpty() || operations.size() > kMaxOperations) {
        return refused(u"plan.json: operations must hold between 1 and %1 entries, not %2"_s.arg(kMaxOperations)
                           .arg(operations.size()));
    }
    QSet<QString> seenArtifacts;
    QSet<QString> usedFiles;
    std::optional<UserAdd> userAdd;
    QString groupAdd;
    struct Pending
    {
        Kind artifact;
        QString where;
        QString text;
    };
    QList<Pending> semantic; // checked once the user and group are known
    for (qsizetype i = 0; i < operations.size(); ++i) {
        const QString where = u"operations[%1]"_s.arg(i);
        if (!operations.at(i).isObject()) {
            return refused(u"plan.json: %1 must be an object"_s.arg(where));
        }
        const QJsonObject operation = operations.at(i).toObject();
        const auto op = stringField(operation, u"op"_s, where);
        if (!op) {
            return op.error();
        }
        if (*op != u"write_file" && *op != u"run") {
            return refused(u"plan.json: %1 has the operation %2; the helper knows only write_file and run"_s.arg(
                where, quoted(*op)));
        }
        const bool command = *op == u"run";
        QStringList keys{u"op"_s, u"artifact"_s, u"file"_s, u"purpose"_s, u"content_sha256"_s, u"validator"_s};
        keys << (command ? QStringList{u"program"_s} : QStringList{u"path"_s, u"owner"_s, u"group"_s, u"mode"_s});
        if (auto error = onlyKeys(operation, keys, where)) {
            return *error;
        }
        const auto artifactId = stringField(operation, u"artifact"_s, where, 32);
        if (!artifactId) {
            return artifactId.error();
        }
        const auto rule = std::find_if(artifactRules().begin(), artifactRules().end(),
                                       [&](const ArtifactRule &r) { return r.id == *artifactId; });
        if (rule == artifactRules().end()) {
            return refused(u"plan.json: %1 names the artifact %2, which the helper does not know"_s.arg(
                where, quoted(*artifactId)));
        }
        if (rule->command != command) {
            return refused(u"plan.json: %1: the artifact %2 must be a %3 operation"_s.arg(
                where, *artifactId, rule->command ? u"run"_s : u"write_file"_s));
        }
        if (seenArtifacts.contains(*artifactId) ||
            (rule->artifact == Kind::Unit && seenArtifacts.contains(u"dropin"_s)) ||
            (rule->artifact == Kind::DropIn && seenArtifacts.contains(u"unit"_s))) {
            return refused(u"plan.json: %1 repeats the artifact %2 (a plan has at most one of each, and a unit or a "
                           u"drop-in, not both)"_s.arg(where, *artifactId));
        }
        seenArtifacts.insert(*artifactId);
        if (container != (rule->artifact == Kind::ExportOnly) && rule->id != u"apparmor") {
            return refused(
                u"plan.json: %1: the artifact %2 does not belong to a %3 plan"_s.arg(where, *artifactId, plan.method));
        }
        const auto purpose = stringField(operation, u"purpose"_s, where, 2000);
        if (!purpose) {
            return purpose.error();
        }
        if (operation.contains(u"validator"_s)) {
            if (const auto validator = stringField(operation, u"validator"_s, where); !validator) {
                return validator.error();
            }
        }
        const auto contentSha = stringField(operation, u"content_sha256"_s, where);
        if (!contentSha) {
            return contentSha.error();
        }
        if (!matches(hexPattern(), *contentSha)) {
            return refused(u"plan.json: %1.content_sha256 %2 is not 64 lower-case hexadecimal digits"_s.arg(
                where, quoted(*contentSha)));
        }

        // Where it goes, and under which file name the export folder holds it.
        QString target;
        QString expectedFile;
        quint32 mode = 0644;
        if (command) {
            const auto programField = stringField(operation, u"program"_s, where, 4096);
            if (!programField) {
                return programField.error();
            }
            if (*programField != rule->program) {
                return refused(u"plan.json: %1 runs %2; the %3 artifact runs only %4"_s.arg(
                    where, quoted(*programField), *artifactId, rule->program));
            }
            expectedFile = *artifactId + u".sh"_s;
        } else {
            const auto path = stringField(operation, u"path"_s, where, 4096);
            if (!path) {
                return path.error();
            }
            if (!isSafeAbsolutePath(*path)) {
                return refused(u"plan.json: %1.path %2 is not an absolute, normalised path of plain characters"_s.arg(
                    where, quoted(*path)));
            }
            target = *path;
            for (const QString &key : {u"owner"_s, u"group"_s}) {
                const auto owner = stringField(operation, key, where, 32);
                if (!owner) {
                    return owner.error();
                }
                if (*owner != u"root") {
                    return refused(u"plan.json: %1.%2 is %3: the helper writes files owned by root only"_s.arg(
                        where, key, quoted(*owner)));
                }
            }
            const auto modeText = stringField(operation, u"mode"_s, where, 8);
            if (!modeText) {
                return modeText.error();
            }
            const quint32 expectedMode = rule->artifact == Kind::Sudoers ? 0440 : 0644;
            const QString expectedModeText = QString::number(expectedMode, 8).rightJustified(4, u'0');
            if (*modeText != expectedModeText) {
                return refused(u"plan.json: %1.mode is %2; the %3 artifact is written with mode %4"_s.arg(
                    where, quoted(*modeText), *artifactId, expectedModeText));
            }
            mode = expectedMode;
            const QString name = target.section(u'/', -1);
            expectedFile = name.contains(u'.') ? name : name + u'.' + *artifactId;
            // The destination directories are constants: each artifact has exactly one place.
            const QString unitName = target.section(u'/', 4, 4);
            bool allowed = false;
            switch (rule->artifact) {
            case Kind::Sysusers:
                allowed = target == u"/etc/sysusers.d/deroot-"_s + plan.agent + u".conf"_s;
                break;
            case Kind::Sudoers:
                // sudo reads a drop-in only if its name has no '.' and does not end in '~'.
                allowed = target == u"/etc/sudoers.d/deroot-"_s + plan.agent;
                break;
            case Kind::Unit:
                allowed = target == u"/etc/systemd/system/deroot-"_s + plan.agent + u".service"_s;
                break;
            case Kind::DropIn:
                allowed = target.count(u'/') == 5 && target.startsWith(u"/etc/systemd/system/"_s) &&
                          target.endsWith(u".service.d/deroot.conf"_s) &&
                          matches(serviceNamePattern(), unitName.chopped(2));
                break;
            case Kind::ExportOnly:
                allowed = true; // never written: where it would go does not matter to the helper
                break;
            default:
                break;
            }
            if (!allowed) {
                return refused(u"plan.json: %1.path %2 is not where the helper writes a %3 artifact for the agent "
                               u"%4"_s.arg(where, quoted(target), *artifactId, plan.agent));
            }
        }
        const auto file = stringField(operation, u"file"_s, where, 128);
        if (!file) {
            return file.error();
        }
        if (*file != expectedFile) {
            return refused(u"plan.json: %1.file is %2, but the export names this artifact %3"_s.arg(
                where, quoted(*file), quoted(expectedFile)));
        }
        if (!request.files.contains(*file)) {
            return refused(u"the request lacks the file %1 that %2 names"_s.arg(quoted(*file), where));
        }
        usedFiles.insert(*file);
        const QByteArray bytes = request.files.value(*file);
        QByteArray content = bytes;
        if (command) {
            const auto text = commandContent(bytes, *purpose, quoted(*file));
            if (!text) {
                return text.error();
            }
            content = text->toUtf8();
        }
        // What the admin reviewed: a single changed byte after review is refused here.
        if (sha256Hex(content) != *contentSha) {
            return refused(u"the content of %1 does not match its SHA-256 in plan.json: it changed after the plan was "
                           u"made"_s.arg(quoted(*file)));
        }
        if (!isValidUtf8(content) || content.contains('\0')) {
            return refused(u"%1 is not UTF-8 text"_s.arg(quoted(*file)));
        }
        const QString text = QString::fromUtf8(content);

        PlanStep step;
        step.artifact = *artifactId;
        step.file = *file;
        step.target = target;
        step.content = content;
        step.mode = mode;
        switch (rule->artifact) {
        case Kind::GroupAdd: {
            static const QRegularExpression kGroupAdd(
                QRegularExpression::anchoredPattern(u"groupadd --system ([a-z_][a-z0-9_-]{0,31})"_s));
            const auto m = kGroupAdd.match(text);
            if (!m.hasMatch()) {
                return refused(
                    u"%1 is not the groupadd line Deroot generates (groupadd --system GROUP)"_s.arg(quoted(*file)));
            }
            groupAdd = m.captured(1);
            continue;
        }
        case Kind::UserAdd: {
            auto parsed = parseUserAdd(text, quoted(*file));
            if (!parsed) {
                return parsed.error();
            }
            userAdd = *parsed;
            step.kind = PlanStep::Kind::CreateUser;
            step.target = plan.serviceUser;
            break;
        }
        case Kind::Sysusers:
            step.kind = PlanStep::Kind::WriteSysusers;
            semantic.append({rule->artifact, quoted(*file), text});
            break;
        case Kind::Sudoers:
            step.kind = PlanStep::Kind::WriteSudoers;
            semantic.append({rule->artifact, quoted(*file), text});
            break;
        case Kind::Unit:
        case Kind::DropIn:
            step.kind = PlanStep::Kind::WriteUnit;
            plan.unit = rule->artifact == Kind::Unit ? target.section(u'/', -1) : target.section(u'/', 4, 4).chopped(2);
            semantic.append({rule->artifact, quoted(*file), text});
            break;
        case Kind::SetCap:
            step.kind = PlanStep::Kind::SetFileCaps;
            step.target = plan.programPath;
            semantic.append({rule->artifact, quoted(*file), text});
            break;
        case Kind::ExportOnly:
            step.kind = PlanStep::Kind::ExportOnly;
            break;
        }
        plan.steps.append(step);
    }
    for (auto it = request.files.begin(); it != request.files.end(); ++it) {
        if (!usedFiles.contains(it.key()) && it.key() != u"plan.json") {
            return refused(u"the request's file %1 is named by no operation of plan.json"_s.arg(quoted(it.key())));
        }
    }

    // --- the user, its groups, and what every file says about them ---
    if (!container) {
        if (!userAdd) {
            return refused(
                u"plan.json: a %1 plan must create its service user (a useradd operation)"_s.arg(plan.method));
        }
        if (userAdd->user != plan.serviceUser) {
            return refused(u"useradd.sh creates %1, but the plan's service user is %2"_s.arg(quoted(userAdd->user),
                                                                                             quoted(plan.serviceUser)));
        }
        if (!userAdd->group.isEmpty()) {
            if (groupAdd != userAdd->group) {
                return refused(u"useradd.sh puts the user into the group %1, which the plan's groupadd does not "
                               u"create"_s.arg(quoted(userAdd->group)));
            }
            if (!isValidAccountName(userAdd->group)) {
                return refused(
                    u"the service group %1 is not a valid group name for an agent"_s.arg(quoted(userAdd->group)));
            }
            plan.serviceGroup = userAdd->group;
        } else if (!groupAdd.isEmpty()) {
            return refused(
                u"groupadd.sh creates %1, but useradd.sh gives the user its own group"_s.arg(quoted(groupAdd)));
        }
        for (const QString &group : userAdd->supplementary) {
            if (!matches(groupPattern(), group)) {
                return refused(
                    u"useradd.sh names the supplementary group %1, not a valid group name"_s.arg(quoted(group)));
            }
            if (isPrivilegedGroup(group)) {
                return refused(u"useradd.sh puts the user into the group %1, whose members are as good as root"_s.arg(
                    quoted(group)));
            }
            if (plan.supplementaryGroups.contains(group)) {
                return refused(u"useradd.sh names the group %1 twice"_s.arg(quoted(group)));
            }
            plan.supplementaryGroups << group;
        }
        plan.areas |= PlanArea::Users;
    }
    for (const Pending &pending : std::as_const(semantic)) {
        std::optional<Error> error;
        switch (pending.artifact) {
        case Kind::Sudoers:
            error = checkSudoersText(pending.text, plan.serviceUser, plan.agent, pending.where, plan.sudoCommands);
            plan.areas |= PlanArea::Sudoers;
            break;
        case Kind::Unit:
        case Kind::DropIn:
            error = checkUnitText(pending.text, plan, pending.where, pending.artifact == Kind::DropIn);
            plan.areas |= PlanArea::Units;
            break;
        case Kind::SetCap:
            error = checkSetcapText(pending.text, plan, pending.where);
            plan.areas |= PlanArea::Capabilities;
            break;
        case Kind::Sysusers: {
            // Only u, g and m lines for the plan's own user and groups: sysusers.d can create any account.
            for (const QString &line : pending.text.split(u'\n', Qt::SkipEmptyParts)) {
                if (line.startsWith(u"# "_s) || line == u"#"_s) {
                    continue;
                }
                const QStringList words = line.split(u' ');
                // The id field must be "-" (allocated by the system), or "-:GROUP" for the plan's
                // own group: "0" would make the user root at the next boot.
                const bool ok = words.size() >= 3 &&
                                ((words.at(0) == u"u" && words.at(1) == plan.serviceUser &&
                                  (words.at(2) == u"-" || words.at(2) == u"-:"_s + plan.serviceGroup)) ||
                                 (words.at(0) == u"g" && words.at(1) == plan.serviceGroup && words.at(2) == u"-") ||
                                 (words.at(0) == u"m" && words.at(1) == plan.serviceUser &&
                                  plan.supplementaryGroups.contains(words.at(2)) && words.size() == 3));
                if (!ok || !isPrintableLine(line, 400)) {
                    return refused(u"%1 has the line %2, which is not about the plan's user and groups"_s.arg(
                        pending.where, quoted(line.left(120))));
                }
            }
            plan.areas |= PlanArea::Units;
            break;
        }
        default:
            break;
        }
        if (error) {
            return *error;
        }
    }
    if (!container && !plan.capabilities.isEmpty()) {
        plan.areas |= PlanArea::Capabilities;
    }
    for (const QString &name : std::as_const(plan.capabilities)) {
        if (const auto info = capabilityByName(name); info && info->risk == CapabilityRisk::RootEquivalent) {
            plan.privilegedGrants << name + u" (root-equivalent capability)"_s;
        }
    }
    if (!plan.unit.isEmpty()) {
        PlanStep reload;
        reload.kind = PlanStep::Kind::DaemonReload;
        reload.target = plan.unit;
        plan.steps.append(reload);
        PlanStep start;
        start.kind = PlanStep::Kind::StartUnit;
        start.target = plan.unit;
        plan.steps.append(start);
    }
    return plan;
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

ApplyLock applyLock(const QList<std::pair<QString, PolkitAnswer>> &areaAnswers, PolkitAnswer approval,
                    std::optional<PolkitAnswer> privileged, bool callerIsRoot)
{
    bool allYes = true;
    for (const auto &[action, answer] : areaAnswers) {
        if (answer == PolkitAnswer::No || answer == PolkitAnswer::Unknown) {
            return {ApplyLock::State::Forbidden, action};
        }
        allYes = allYes && answer == PolkitAnswer::Yes;
    }
    if (privileged) {
        // The helper asks the approval only for a NO (a site that forbids approvals forbids these
        // too); the privileged action alone approves, and only with a password, but for root.
        if (approval == PolkitAnswer::No || approval == PolkitAnswer::Unknown) {
            return {ApplyLock::State::Forbidden, PolkitActions::kApply};
        }
        switch (*privileged) {
        case PolkitAnswer::Challenge:
            return {ApplyLock::State::NeedsAuthentication, {}};
        case PolkitAnswer::Yes:
            if (callerIsRoot) {
                return {ApplyLock::State::Allowed, {}};
            }
            return {ApplyLock::State::Forbidden, PolkitActions::kPrivileged, true};
        case PolkitAnswer::No:
        case PolkitAnswer::Unknown:
            break;
        }
        return {ApplyLock::State::Forbidden, PolkitActions::kPrivileged};
    }
    if (!areaAnswers.isEmpty() && allYes) {
        return {ApplyLock::State::Allowed, {}};
    }
    switch (approval) {
    case PolkitAnswer::Challenge:
        return {ApplyLock::State::NeedsAuthentication, {}};
    case PolkitAnswer::Yes:
        if (areaAnswers.isEmpty()) {
            return {ApplyLock::State::Allowed, {}};
        }
        // A YES that no password for this plan gave: the helper refuses it (a _keep or a rule that
        // grants the approval but leaves an area at auth_admin).
        return {ApplyLock::State::Forbidden, PolkitActions::kApply, true};
    case PolkitAnswer::No:
    case PolkitAnswer::Unknown:
        break;
    }
    return {ApplyLock::State::Forbidden, PolkitActions::kApply};
}

QStringList requestFileNames(const QByteArray &planJson)
{
    QStringList names;
    const QJsonArray operations = QJsonDocument::fromJson(planJson).object().value(u"operations"_s).toArray();
    for (const QJsonValue &operation : operations) {
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
                         u"%1 cannot be read: %2"_s.arg(quoted(file), QString::fromLocal8Bit(std::strerror(error)))};
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
