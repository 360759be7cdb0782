// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// Reading one catalog file: a strict, table-driven reader (EntryReader and the read* functions)
// that turns its JSON into a CatalogEntry or an Error naming the file and the field.
#include "core/inspect/catalog.h"
#include "core/inspect/catalog_p.h"

#include "core/base/text.h"
#include "core/inspect/accounts.h"
#include "core/model/addressfamilies.h"
#include "core/model/capabilities.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Deroot::Core {

namespace {

// No catalog file comes near this; a larger one is a mistake or an attack on the loader.
constexpr qsizetype kMaxTextLength = 1000;

} // namespace

namespace {

bool hasControlCharacters(QStringView text)
{
    return std::any_of(text.cbegin(), text.cend(), [](QChar c) {
        return c.category() == QChar::Other_Control || c.category() == QChar::Other_Format ||
               c == QChar::LineSeparator || c == QChar::ParagraphSeparator;
    });
}

bool hasWhitespace(QStringView text)
{
    return std::any_of(text.cbegin(), text.cend(), [](QChar c) { return c.isSpace(); });
}

// An absolute, normalised path: what a rule or a unit setting can name exactly. A '*' is allowed
// in the last component only when @p allowGlob (devices such as /dev/sd*).
std::optional<QString> pathProblem(const QString &path, bool allowGlob)
{
    if (!path.startsWith(u'/')) {
        return u"must be an absolute path"_s;
    }
    if (path.size() > 4096 || hasControlCharacters(path) || hasWhitespace(path)) {
        return u"must not contain whitespace or control characters"_s;
    }
    if (path.size() > 1 && path.endsWith(u'/')) {
        return u"must not end with '/'"_s;
    }
    const QStringList components = path.split(u'/');
    for (qsizetype i = 1; i < components.size(); ++i) {
        const QString &component = components.at(i);
        if (component.isEmpty() && path != u"/"_s) {
            return u"must not contain '//'"_s;
        }
        if (component == u"."_s || component == u".."_s) {
            return u"must not contain '.' or '..' components"_s;
        }
        if (component.contains(u'*') && (!allowGlob || i != components.size() - 1)) {
            return allowGlob ? u"may use '*' in its last component only"_s : u"must not contain '*'"_s;
        }
    }
    return std::nullopt;
}

// Reads one catalog file. The first problem found is kept as the error; every accessor returns a
// neutral value once there is one, so the caller checks ok() once per object.
class EntryReader
{
public:
    explicit EntryReader(QString fileName)
        : m_fileName(std::move(fileName))
    {}

    bool ok() const { return m_error.isEmpty(); }
    Error error() const { return {ExitCode::Failure, m_error}; }

    void fail(const QString &field, const QString &problem)
    {
        if (m_error.isEmpty()) {
            m_error = u"catalog file "_s % quoted(m_fileName) % u": "_s % field % u": "_s % problem;
        }
    }

    // Fails on any key of @p object not in @p allowed and on any of @p required missing.
    void checkKeys(const QJsonObject &object, const QString &field, const QStringList &allowed,
                   const QStringList &required)
    {
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            if (!allowed.contains(it.key())) {
                fail(join(field, it.key()), u"unknown key"_s);
                return;
            }
        }
        for (const QString &key : required) {
            if (!object.contains(key)) {
                fail(join(field, key), u"is missing"_s);
                return;
            }
        }
    }

    static QString join(const QString &field, const QString &key) { return field.isEmpty() ? key : field % u'.' % key; }
    static QString index(const QString &field, qsizetype i) { return field % u'[' % QString::number(i) % u']'; }

    // A required or optional string: one line, no control characters, not empty, bounded.
    QString text(const QJsonObject &object, const QString &field, const QString &key, bool required = true)
    {
        const QString where = join(field, key);
        if (!object.contains(key)) {
            if (required) {
                fail(where, u"is missing"_s);
            }
            return {};
        }
        const QJsonValue value = object.value(key);
        if (!value.isString()) {
            fail(where, u"must be a string"_s);
            return {};
        }
        QString result = value.toString();
        if (result.trimmed().isEmpty()) {
            fail(where, u"must not be empty"_s);
        } else if (result.size() > kMaxTextLength) {
            fail(where, u"is longer than "_s % QString::number(kMaxTextLength) % u" characters"_s);
        } else if (hasControlCharacters(result)) {
            fail(where, quoted(result) % u" contains a control character"_s);
        } else if (result != result.trimmed()) {
            fail(where, quoted(result) % u" has leading or trailing whitespace"_s);
        }
        return ok() ? result : QString();
    }

    QJsonObject object(const QJsonObject &parent, const QString &field, const QString &key, bool required)
    {
        const QString where = join(field, key);
        if (!parent.contains(key)) {
            if (required) {
                fail(where, u"is missing"_s);
            }
            return {};
        }
        if (!parent.value(key).isObject()) {
            fail(where, u"must be an object"_s);
            return {};
        }
        return parent.value(key).toObject();
    }

    QJsonArray array(const QJsonObject &parent, const QString &field, const QString &key)
    {
        if (!parent.contains(key)) {
            return {};
        }
        if (!parent.value(key).isArray()) {
            fail(join(field, key), u"must be an array"_s);
            return {};
        }
        return parent.value(key).toArray();
    }

    // An array of distinct strings, each checked by @p problem (which returns why it is bad).
    template <typename Check>
    QStringList strings(const QJsonObject &parent, const QString &field, const QString &key, Check problem)
    {
        QStringList result;
        const QJsonArray values = array(parent, field, key);
        for (qsizetype i = 0; i < values.size() && ok(); ++i) {
            const QString where = index(join(field, key), i);
            if (!values.at(i).isString()) {
                fail(where, u"must be a string"_s);
                break;
            }
            const QString value = values.at(i).toString();
            if (const std::optional<QString> why = problem(value)) {
                fail(where, quoted(value) % u' ' % *why);
            } else if (result.contains(value)) {
                fail(where, quoted(value) % u" is listed twice"_s);
            } else {
                result.append(value);
            }
        }
        return ok() ? result : QStringList();
    }

    QStringList capabilityNames(const QJsonObject &parent, const QString &field, const QString &key)
    {
        return strings(parent, field, key, capabilityProblem);
    }

    static std::optional<QString> capabilityProblem(const QString &name)
    {
        const auto info = capabilityByName(name);
        if (!info) {
            return u"is not a capability"_s;
        }
        // One spelling in the data, so that a search for "CAP_NET_RAW" finds every use.
        if (QString::fromLatin1(info->name) != name) {
            return u"must be spelled "_s % QString::fromLatin1(info->name);
        }
        return std::nullopt;
    }

    // A URL (checked as one) or a citation precise enough to find the text again.
    void checkSource(const QString &source, const QString &where)
    {
        if (!ok()) {
            return;
        }
        if (source.startsWith(u"http://"_s) || source.startsWith(u"https://"_s)) {
            const QString first = source.section(u' ', 0, 0);
            const QUrl url(first, QUrl::StrictMode);
            if (!url.isValid() || url.host().isEmpty()) {
                fail(where, quoted(first) % u" is not a valid URL"_s);
            }
        } else if (source.size() < 8) {
            fail(where,
                 quoted(source) % u" is too short to be a citation: give a URL or the package, version and file"_s);
        }
    }

    // The fields every claim has (why, when, source) besides its own @p required and @p optional.
    CatalogClaim claim(const QJsonObject &object, const QString &where, const QStringList &required,
                       const QStringList &optional = {})
    {
        checkKeys(object, where, required + optional + QStringList{u"why"_s, u"when"_s, u"source"_s},
                  required + QStringList{u"why"_s, u"source"_s});
        CatalogClaim result;
        result.why = text(object, where, u"why"_s);
        result.when = text(object, where, u"when"_s, false);
        result.source = text(object, where, u"source"_s);
        checkSource(result.source, join(where, u"source"_s));
        return result;
    }

    const QString &fileName() const { return m_fileName; }

private:
    QString m_fileName;
    QString m_error;
};

// The shapes of names the catalog uses. Anchored, so a match is the whole value.
enum class Shape { Id, DebianPackage, SystemdUnit, GoModule, ExecutableName };

const QRegularExpression &shapePattern(Shape shape)
{
    // Anchored with anchoredPattern() (\A...\z): PCRE's '$' also matches before a final newline.
    static const QRegularExpression kId(QRegularExpression::anchoredPattern(u"[a-z0-9][a-z0-9._-]{0,63}"_s));
    // Debian Policy (Package field): lower case letters, digits, '+', '-', '.', two characters or more.
    static const QRegularExpression kPackage(QRegularExpression::anchoredPattern(u"[a-z0-9][a-z0-9+.-]{1,99}"_s));
    static const QRegularExpression kUnit(QRegularExpression::anchoredPattern(
        u"[A-Za-z0-9:_.\\\\-]+(@[A-Za-z0-9:_.\\\\-]*)?\\.(service|socket|timer|path|target|mount)"_s));
    static const QRegularExpression kModule(
        QRegularExpression::anchoredPattern(u"[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+(/[A-Za-z0-9._~+-]+)*"_s));
    static const QRegularExpression kExecutable(QRegularExpression::anchoredPattern(u"[A-Za-z0-9._+-]{1,255}"_s));
    switch (shape) {
    case Shape::Id:
        return kId;
    case Shape::DebianPackage:
        return kPackage;
    case Shape::SystemdUnit:
        return kUnit;
    case Shape::GoModule:
        return kModule;
    case Shape::ExecutableName:
        return kExecutable;
    }
    Q_UNREACHABLE_RETURN(kId);
}

std::optional<QString> mismatch(Shape shape, const QString &value, const QString &what)
{
    if (!shapePattern(shape).match(value).hasMatch()) {
        return u"is not a valid "_s % what;
    }
    return std::nullopt;
}

void readRecognition(EntryReader &reader, const QJsonObject &root, CatalogEntry &entry)
{
    const QString field = u"recognition"_s;
    const QJsonObject recognition = reader.object(root, QString(), field, true);
    reader.checkKeys(recognition, field, {u"executables"_s, u"debian_packages"_s, u"systemd_units"_s, u"go_modules"_s},
                     {});
    entry.executables = reader.strings(recognition, field, u"executables"_s, [](const QString &value) {
        if (value.startsWith(u'/')) {
            return pathProblem(value, false);
        }
        if (value == u"."_s || value == u".."_s) {
            return std::optional<QString>(u"is not a file name"_s);
        }
        return mismatch(Shape::ExecutableName, value, u"executable name (a base name, or an absolute path)"_s);
    });
    entry.debianPackages = reader.strings(recognition, field, u"debian_packages"_s, [](const QString &value) {
        return mismatch(Shape::DebianPackage, value, u"Debian package name"_s);
    });
    entry.systemdUnits = reader.strings(recognition, field, u"systemd_units"_s, [](const QString &value) {
        return mismatch(Shape::SystemdUnit, value, u"systemd unit name (with its suffix, e.g. .service)"_s);
    });
    entry.goModules = reader.strings(recognition, field, u"go_modules"_s, [](const QString &value) {
        return mismatch(Shape::GoModule, value, u"Go module path"_s);
    });
    if (reader.ok() && entry.executables.isEmpty() && entry.debianPackages.isEmpty() && entry.systemdUnits.isEmpty() &&
        entry.goModules.isEmpty()) {
        reader.fail(field, u"names nothing to recognise the agent by"_s);
    }
}

void readClaims(EntryReader &reader, const QJsonObject &needs, const ClaimKind &kind, QList<CatalogClaim> &out)
{
    const QString &key = kind.key;
    const QString field = EntryReader::join(u"needs"_s, key);
    const QJsonArray values = reader.array(needs, u"needs"_s, key);
    QSet<QString> seen;
    for (qsizetype i = 0; i < values.size() && reader.ok(); ++i) {
        const QString where = EntryReader::index(field, i);
        if (!values.at(i).isObject()) {
            reader.fail(where, u"must be an object"_s);
            return;
        }
        const QJsonObject object = values.at(i).toObject();
        CatalogClaim claim;
        switch (kind.shape) {
        case ClaimShape::Capability:
            claim = reader.claim(object, where, {u"name"_s});
            claim.name = reader.text(object, where, u"name"_s);
            if (reader.ok()) {
                if (const auto problem = EntryReader::capabilityProblem(claim.name)) {
                    reader.fail(EntryReader::join(where, u"name"_s), quoted(claim.name) % u' ' % *problem);
                } else {
                    claim.capability = capabilityByName(claim.name)->number;
                }
            }
            break;
        case ClaimShape::Group: {
            claim = reader.claim(object, where, {u"name"_s}, {u"root_equivalent"_s});
            claim.name = reader.text(object, where, u"name"_s);
            const QJsonValue rootEquivalent = object.value(u"root_equivalent"_s);
            if (!reader.ok()) {
                return;
            }
            if (!rootEquivalent.isUndefined() && !rootEquivalent.isBool()) {
                reader.fail(EntryReader::join(where, u"root_equivalent"_s), u"must be true or false"_s);
            } else if (!isAccountNameShape(claim.name)) {
                // The rule the generators apply: a group they would refuse is no use in the catalog.
                reader.fail(EntryReader::join(where, u"name"_s), quoted(claim.name) % u" is not a valid group name"_s);
            } else {
                claim.rootEquivalent = rootEquivalent.toBool(false);
                if (isRootEquivalentGroup(claim.name) && !claim.rootEquivalent) {
                    reader.fail(EntryReader::join(where, u"root_equivalent"_s),
                                quoted(claim.name) % u" is root-equivalent and must be marked so"_s);
                }
            }
            break;
        }
        case ClaimShape::Path:
        case ClaimShape::Device:
            claim = reader.claim(object, where, {u"path"_s});
            claim.name = reader.text(object, where, u"path"_s);
            if (reader.ok()) {
                const bool device = kind.shape == ClaimShape::Device;
                std::optional<QString> problem = pathProblem(claim.name, device);
                if (!problem && device && !claim.name.startsWith(u"/dev/"_s)) {
                    problem = u"is not below /dev"_s;
                }
                if (problem) {
                    reader.fail(EntryReader::join(where, u"path"_s), quoted(claim.name) % u' ' % *problem);
                }
            }
            break;
        case ClaimShape::Port: {
            claim = reader.claim(object, where, {u"protocol"_s, u"port"_s});
            claim.protocol = reader.text(object, where, u"protocol"_s);
            const QJsonValue port = object.value(u"port"_s);
            if (!reader.ok()) {
                return;
            }
            if (claim.protocol != u"tcp"_s && claim.protocol != u"udp"_s) {
                reader.fail(EntryReader::join(where, u"protocol"_s),
                            quoted(claim.protocol) % u" is neither \"tcp\" nor \"udp\""_s);
            } else if (!port.isDouble() || port.toDouble() != std::floor(port.toDouble()) || port.toDouble() < 1 ||
                       port.toDouble() > 65535) {
                reader.fail(EntryReader::join(where, u"port"_s), u"must be a whole number from 1 to 65535"_s);
            } else {
                claim.port = port.toInt();
                claim.name = claim.protocol % u'/' % QString::number(claim.port);
            }
            break;
        }
        case ClaimShape::AddressFamily:
            claim = reader.claim(object, where, {u"name"_s});
            claim.name = reader.text(object, where, u"name"_s);
            if (reader.ok() && !knownAddressFamilies().contains(claim.name)) {
                reader.fail(EntryReader::join(where, u"name"_s),
                            quoted(claim.name) % u" is not a known address family"_s);
            }
            break;
        case ClaimShape::Command: {
            claim = reader.claim(object, where, {u"command"_s}, {u"arguments"_s});
            const QString command = reader.text(object, where, u"command"_s);
            const QString arguments = reader.text(object, where, u"arguments"_s, false);
            if (reader.ok()) {
                if (const auto problem = pathProblem(command, false)) {
                    reader.fail(EntryReader::join(where, u"command"_s), quoted(command) % u' ' % *problem);
                }
                claim.name = arguments.isEmpty() ? command : command % u' ' % arguments;
            }
            break;
        }
        case ClaimShape::OptionWord: {
            claim = reader.claim(object, where, {u"argument"_s});
            claim.name = reader.text(object, where, u"argument"_s);
            // One option word as the program's manual spells it: it goes onto ExecStart= and a
            // container's command line, so nothing that systemd or a shell would read specially.
            static const QRegularExpression option(u"\\A-{1,2}[A-Za-z0-9][A-Za-z0-9_.,:=-]{0,62}\\z"_s);
            if (reader.ok() && !option.match(claim.name).hasMatch()) {
                reader.fail(EntryReader::join(where, u"argument"_s),
                            quoted(claim.name) % u" is not one option word (-x, --name, --name=value)"_s);
            }
            break;
        }
        }
        if (!reader.ok()) {
            return;
        }
        const QString identity = claim.name % u'\n' % claim.when;
        if (seen.contains(identity)) {
            reader.fail(where, quoted(claim.name) % u" is listed twice with the same condition"_s);
            return;
        }
        seen.insert(identity);
        out.append(claim);
    }
}

void readNeeds(EntryReader &reader, const QJsonObject &root, CatalogEntry &entry)
{
    const QJsonObject needs = reader.object(root, QString(), u"needs"_s, true);
    QStringList keys;
    for (const ClaimKind &kind : claimKinds()) {
        keys.append(kind.key);
    }
    reader.checkKeys(needs, u"needs"_s, keys, {});
    for (const ClaimKind &kind : claimKinds()) {
        readClaims(reader, needs, kind, entry.*kind.claims);
    }
}

void readNotes(EntryReader &reader, const QJsonObject &root, CatalogEntry &entry)
{
    const QJsonArray notes = reader.array(root, QString(), u"notes"_s);
    for (qsizetype i = 0; i < notes.size() && reader.ok(); ++i) {
        const QString where = EntryReader::index(u"notes"_s, i);
        if (!notes.at(i).isObject()) {
            reader.fail(where, u"must be an object"_s);
            return;
        }
        const QJsonObject object = notes.at(i).toObject();
        reader.checkKeys(object, where, {u"text"_s, u"source"_s}, {u"text"_s, u"source"_s});
        CatalogNote note{reader.text(object, where, u"text"_s), reader.text(object, where, u"source"_s)};
        reader.checkSource(note.source, EntryReader::join(where, u"source"_s));
        entry.notes.append(note);
    }
}

void readGrants(EntryReader &reader, const QJsonObject &root, CatalogEntry &entry)
{
    const QJsonArray grants = reader.array(root, QString(), u"debian_grants"_s);
    for (qsizetype i = 0; i < grants.size() && reader.ok(); ++i) {
        const QString where = EntryReader::index(u"debian_grants"_s, i);
        if (!grants.at(i).isObject()) {
            reader.fail(where, u"must be an object"_s);
            return;
        }
        const QJsonObject object = grants.at(i).toObject();
        DistributionGrant grant;
        if (object.contains(u"file"_s) == object.contains(u"unit"_s)) {
            reader.fail(where, u"must name either a \"file\" or a \"unit\""_s);
            return;
        }
        if (object.contains(u"file"_s)) {
            reader.checkKeys(object, where, {u"file"_s, u"file_capabilities"_s, u"source"_s},
                             {u"file"_s, u"file_capabilities"_s, u"source"_s});
            grant.file = reader.text(object, where, u"file"_s);
            grant.fileCapabilities = reader.capabilityNames(object, where, u"file_capabilities"_s);
            if (reader.ok() && !object.value(u"file_capabilities"_s).isArray()) {
                reader.fail(EntryReader::join(where, u"file_capabilities"_s), u"must be an array"_s);
            }
        } else {
            reader.checkKeys(object, where,
                             {u"unit"_s, u"user"_s, u"group"_s, u"ambient_capabilities"_s, u"capability_bounding_set"_s,
                              u"source"_s},
                             {u"unit"_s, u"source"_s});
            grant.unit = reader.text(object, where, u"unit"_s);
            if (object.contains(u"user"_s)) {
                grant.user = reader.text(object, where, u"user"_s);
            }
            if (object.contains(u"group"_s)) {
                grant.group = reader.text(object, where, u"group"_s);
            }
            if (object.contains(u"ambient_capabilities"_s)) {
                grant.ambientCapabilities = reader.capabilityNames(object, where, u"ambient_capabilities"_s);
            }
            if (object.contains(u"capability_bounding_set"_s)) {
                grant.capabilityBoundingSet = reader.capabilityNames(object, where, u"capability_bounding_set"_s);
            }
        }
        grant.source = reader.text(object, where, u"source"_s);
        reader.checkSource(grant.source, EntryReader::join(where, u"source"_s));
        const QString path = grant.file.isEmpty() ? grant.unit : grant.file;
        if (reader.ok()) {
            if (const auto problem = pathProblem(path, false)) {
                reader.fail(EntryReader::join(where, grant.file.isEmpty() ? u"unit"_s : u"file"_s),
                            quoted(path) % u' ' % *problem);
            }
        }
        entry.debianGrants.append(grant);
    }
}

// "container": {"image", "host", "arguments", "why", "source"} or {"unsuitable", "source"}.
void readContainer(EntryReader &reader, const QJsonObject &root, CatalogEntry &entry)
{
    const QString field = u"container"_s;
    if (!root.contains(field)) {
        return;
    }
    const QJsonObject object = reader.object(root, QString(), field, true);
    if (!reader.ok()) {
        return;
    }
    CatalogContainer container;
    if (object.contains(u"unsuitable"_s)) {
        reader.checkKeys(object, field, {u"unsuitable"_s, u"source"_s}, {u"unsuitable"_s, u"source"_s});
        container.unsuitable = reader.text(object, field, u"unsuitable"_s);
    } else {
        reader.checkKeys(object, field, {u"image"_s, u"host"_s, u"arguments"_s, u"why"_s, u"source"_s}, {u"source"_s});
        container.image = reader.text(object, field, u"image"_s, false);
        static const QRegularExpression kImage(QRegularExpression::anchoredPattern(u"[a-z0-9][a-z0-9._/:@-]{0,254}"_s));
        if (reader.ok() && object.contains(u"image"_s) && !kImage.match(container.image).hasMatch()) {
            reader.fail(EntryReader::join(field, u"image"_s),
                        quoted(container.image) % u" is not an image reference"_s);
        }
        const QStringList host = reader.strings(object, field, u"host"_s, [](const QString &value) {
            return value == u"network" || value == u"pid" || value == u"root"
                       ? std::nullopt
                       : std::optional<QString>(u"is not one of network, pid, root"_s);
        });
        container.hostNetwork = host.contains(u"network"_s);
        container.hostPid = host.contains(u"pid"_s);
        container.hostRoot = host.contains(u"root"_s);
        static const QRegularExpression kOption(QRegularExpression::anchoredPattern(u"-[A-Za-z0-9_.,:=/-]{1,255}"_s));
        container.arguments = reader.strings(object, field, u"arguments"_s, [](const QString &value) {
            return kOption.match(value).hasMatch() ? std::nullopt : std::optional<QString>(u"is not one option word"_s);
        });
        container.why = reader.text(object, field, u"why"_s, false);
        if (reader.ok()) {
            if (container.image.isEmpty() && host.isEmpty()) {
                reader.fail(field, u"names neither an image nor host access: leave it out, or say \"unsuitable\""_s);
            } else if (host.isEmpty() != container.why.isEmpty()) {
                reader.fail(EntryReader::join(field, u"why"_s), host.isEmpty()
                                                                    ? u"is given without host access"_s
                                                                    : u"is missing: say why it needs the host"_s);
            } else if (!container.arguments.isEmpty() && host.isEmpty()) {
                reader.fail(EntryReader::join(field, u"arguments"_s), u"are given without host access"_s);
            }
        }
    }
    container.source = reader.text(object, field, u"source"_s);
    reader.checkSource(container.source, EntryReader::join(field, u"source"_s));
    if (reader.ok()) {
        entry.container = container;
    }
}

} // namespace

Result<CatalogEntry> AgentCatalog::parseEntry(const QByteArray &json, const QString &fileName)
{
    EntryReader reader(fileName);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        reader.fail(u"(document)"_s, u"invalid JSON at offset "_s % QString::number(parseError.offset) % u": "_s %
                                         parseError.errorString());
        return reader.error();
    }
    if (!document.isObject()) {
        reader.fail(u"(document)"_s, u"must be a JSON object"_s);
        return reader.error();
    }
    const QJsonObject root = document.object();
    reader.checkKeys(root, QString(),
                     {u"schema"_s, u"id"_s, u"name"_s, u"description"_s, u"recognition"_s, u"needs"_s, u"notes"_s,
                      u"debian_grants"_s, u"started"_s, u"container"_s},
                     {u"schema"_s, u"id"_s, u"name"_s, u"description"_s, u"recognition"_s, u"needs"_s});
    const QString schema = reader.text(root, QString(), u"schema"_s);
    if (reader.ok() && schema != QLatin1StringView(kCatalogSchema)) {
        reader.fail(u"schema"_s, quoted(schema) % u" is not "_s % QLatin1StringView(kCatalogSchema));
    }
    CatalogEntry entry;
    entry.file = fileName;
    entry.id = reader.text(root, QString(), u"id"_s);
    if (reader.ok()) {
        // One entry per file, named after its id: an id can then never be used twice in one
        // directory, and the file of an entry is found by its id.
        if (!shapePattern(Shape::Id).match(entry.id).hasMatch()) {
            reader.fail(u"id"_s,
                        quoted(entry.id) % u" is not a valid id (lower-case letters, digits, '.', '_', '-')"_s);
        } else if (fileName.section(u'/', -1) != entry.id % u".json"_s) {
            reader.fail(u"id"_s, quoted(entry.id) % u" does not match the file name " %
                                     quoted(fileName.section(u'/', -1)) % u" (the file must be called \""_s % entry.id %
                                     u".json\")"_s);
        }
    }
    if (root.contains(u"started"_s)) {
        entry.started = reader.text(root, QString(), u"started"_s);
        if (reader.ok() && entry.started != u"service" && entry.started != u"called") {
            reader.fail(u"started"_s, quoted(entry.started) % u" is neither \"service\" nor \"called\""_s);
        }
    }
    entry.name = reader.text(root, QString(), u"name"_s);
    entry.description = reader.text(root, QString(), u"description"_s);
    if (reader.ok()) {
        readRecognition(reader, root, entry);
    }
    if (reader.ok()) {
        readNeeds(reader, root, entry);
    }
    if (reader.ok()) {
        readNotes(reader, root, entry);
    }
    if (reader.ok()) {
        readGrants(reader, root, entry);
    }
    if (reader.ok()) {
        readContainer(reader, root, entry);
    }
    if (!reader.ok()) {
        return reader.error();
    }
    return entry;
}

} // namespace Deroot::Core
