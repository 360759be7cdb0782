// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/inspect/catalog.h"
#include "core/model/capabilities.h"
#include "requiretool.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <sys/capability.h>
#include <sys/stat.h>

#include <algorithm>
#include <functional>
#include <utility>

using namespace Deroot::Core;
using namespace Qt::StringLiterals;

namespace {

using Mutation = std::function<void(QJsonObject &)>;

// A small valid entry; each adversarial row breaks one thing in it.
QJsonObject validEntry()
{
    const QJsonObject claim{
        {u"name"_s, u"CAP_NET_RAW"_s}, {u"why"_s, u"sends ICMP"_s}, {u"source"_s, u"https://example.org/doc"_s}};
    return QJsonObject{
        {u"schema"_s, u"deroot.catalog/1"_s},
        {u"id"_s, u"sample"_s},
        {u"name"_s, u"Sample agent"_s},
        {u"description"_s, u"A sample."_s},
        {u"recognition"_s, QJsonObject{{u"executables"_s, QJsonArray{u"sample"_s, u"/usr/bin/sample"_s}},
                                       {u"debian_packages"_s, QJsonArray{u"sample"_s}},
                                       {u"systemd_units"_s, QJsonArray{u"sample.service"_s}},
                                       {u"go_modules"_s, QJsonArray{u"example.org/sample"_s}}}},
        {u"needs"_s,
         QJsonObject{
             {u"capabilities"_s, QJsonArray{claim}},
             {u"groups"_s, QJsonArray{QJsonObject{{u"name"_s, u"adm"_s},
                                                  {u"why"_s, u"logs"_s},
                                                  {u"source"_s, u"https://wiki.debian.org/SystemGroups"_s}}}},
             {u"read_paths"_s, QJsonArray{QJsonObject{{u"path"_s, u"/var/log/sample"_s},
                                                      {u"why"_s, u"logs"_s},
                                                      {u"source"_s, u"https://example.org/doc"_s}}}},
             {u"listen_ports"_s, QJsonArray{QJsonObject{{u"protocol"_s, u"tcp"_s},
                                                        {u"port"_s, 9999},
                                                        {u"why"_s, u"metrics"_s},
                                                        {u"source"_s, u"https://example.org/doc"_s}}}},
             {u"devices"_s,
              QJsonArray{QJsonObject{
                  {u"path"_s, u"/dev/sd*"_s}, {u"why"_s, u"disks"_s}, {u"source"_s, u"smartctl(8) manual"_s}}}},
             {u"commands"_s, QJsonArray{QJsonObject{{u"command"_s, u"/usr/sbin/smartctl"_s},
                                                    {u"arguments"_s, u"--scan"_s},
                                                    {u"why"_s, u"lists disks"_s},
                                                    {u"source"_s, u"https://example.org/doc"_s}}}},
         }},
        {u"notes"_s, QJsonArray{QJsonObject{{u"text"_s, u"A note."_s}, {u"source"_s, u"https://example.org/doc"_s}}}},
        {u"debian_grants"_s, QJsonArray{QJsonObject{{u"file"_s, u"/usr/bin/sample"_s},
                                                    {u"file_capabilities"_s, QJsonArray{u"CAP_NET_RAW"_s}},
                                                    {u"source"_s, u"Debian 13 package sample 1.0: postinst"_s}}}},
    };
}

// Sets @p value at the dotted @p path ("needs.capabilities[0].name"); an undefined value removes.
void setAt(QJsonObject &root, const QString &path, const QJsonValue &value)
{
    const qsizetype dot = path.indexOf(u'.');
    const QString head = dot < 0 ? path : path.left(dot);
    const QString rest = dot < 0 ? QString() : path.mid(dot + 1);
    const qsizetype bracket = head.indexOf(u'[');
    const QString key = bracket < 0 ? head : head.left(bracket);
    if (bracket < 0) {
        if (rest.isEmpty()) {
            if (value.isUndefined()) {
                root.remove(key);
            } else {
                root.insert(key, value);
            }
            return;
        }
        QJsonObject child = root.value(key).toObject();
        setAt(child, rest, value);
        root.insert(key, child);
        return;
    }
    const int index = head.mid(bracket + 1, head.size() - bracket - 2).toInt();
    QJsonArray array = root.value(key).toArray();
    QJsonObject child = array.at(index).toObject();
    if (rest.isEmpty()) {
        array.replace(index, value);
    } else {
        setAt(child, rest, value);
        array.replace(index, child);
    }
    root.insert(key, array);
}

Mutation set(const QString &path, const QJsonValue &value)
{
    return [path, value](QJsonObject &root) { setAt(root, path, value); };
}

Mutation removeKey(const QString &path)
{
    return set(path, QJsonValue(QJsonValue::Undefined));
}

// Lowers CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH in this thread's effective set for its lifetime
// (they stay permitted, so raising them back always works); nothing to do for an unprivileged user.
class WithoutFileReadOverride final
{
public:
    WithoutFileReadOverride()
        : m_saved(cap_get_proc())
    {
        cap_t lowered = cap_dup(m_saved);
        const cap_value_t overrides[] = {CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH};
        m_ok = m_saved && lowered && cap_set_flag(lowered, CAP_EFFECTIVE, 2, overrides, CAP_CLEAR) == 0 &&
               cap_set_proc(lowered) == 0;
        cap_free(lowered);
    }
    ~WithoutFileReadOverride()
    {
        if (m_saved) {
            cap_set_proc(m_saved);
            cap_free(m_saved);
        }
    }
    Q_DISABLE_COPY_MOVE(WithoutFileReadOverride)

    bool ok() const { return m_ok; }

private:
    cap_t m_saved;
    bool m_ok = false;
};

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

// The file capabilities the kernel holds for @p path (permitted set), as "CAP_*" names.
QSet<QString> fileCapabilities(const QString &path)
{
    QSet<QString> names;
    cap_t caps = cap_get_file(QFile::encodeName(path).constData());
    if (!caps) {
        return names; // ENODATA: no capabilities at all
    }
    for (const CapabilityInfo &info : capabilityTable()) {
        cap_flag_value_t value = CAP_CLEAR;
        if (cap_get_flag(caps, info.number, CAP_PERMITTED, &value) == 0 && value == CAP_SET) {
            names.insert(QString::fromLatin1(info.name));
        }
    }
    cap_free(caps);
    return names;
}

struct UnitSettings
{
    QString user = u"root"_s; // no User= means root
    std::optional<QString> group;
    QSet<QString> ambient;
    QSet<QString> bounding;
    bool boundingInverted = false;
    bool boundingSet = false;
};

// Just enough of systemd.unit(5) for the [Service] settings the catalog states: last User= wins,
// capability lists accumulate and an empty assignment resets them.
UnitSettings readUnit(const QString &path)
{
    UnitSettings settings;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return settings;
    }
    bool inService = false;
    const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n');
    for (const QString &raw : lines) {
        const QString line = raw.trimmed();
        if (line.startsWith(u'[')) {
            inService = line == u"[Service]"_s;
            continue;
        }
        if (!inService || line.isEmpty() || line.startsWith(u'#') || line.startsWith(u';')) {
            continue;
        }
        const QString key = line.section(u'=', 0, 0).trimmed();
        const QString value = line.section(u'=', 1).trimmed();
        const auto words = [](const QString &list) {
            const QStringList split = list.split(u' ', Qt::SkipEmptyParts);
            return QSet<QString>(split.cbegin(), split.cend());
        };
        if (key == u"User"_s) {
            settings.user = value;
        } else if (key == u"Group"_s) {
            settings.group = value;
        } else if (key == u"AmbientCapabilities"_s) {
            if (value.isEmpty()) {
                settings.ambient.clear();
            } else {
                settings.ambient.unite(words(value));
            }
        } else if (key == u"CapabilityBoundingSet"_s) {
            settings.boundingSet = true;
            if (value.startsWith(u'~')) {
                settings.boundingInverted = true;
                settings.bounding.unite(words(value.mid(1)));
            } else if (value.isEmpty()) {
                settings.bounding.clear();
            } else {
                settings.bounding.unite(words(value));
            }
        }
    }
    return settings;
}

bool packageInstalled(const QString &package)
{
    return QFile::exists(u"/var/lib/dpkg/info/"_s + package + u".list"_s) ||
           QFile::exists(u"/var/lib/dpkg/info/"_s + package + u":amd64.list"_s);
}

// The packages the build root promises (tools/devroot/packages.txt): a check of a package on this
// list must run there, so a missing file is a failure (DEROOT_REQUIRE_TOOL); a package not on it
// (not in Debian, or not chosen for the build root) is checked only where it happens to be installed.
const QSet<QString> &buildRootPackages()
{
    static const QSet<QString> packages = [] {
        QSet<QString> names;
        QFile file(QStringLiteral(DEROOT_SOURCE_DIR "/tools/devroot/packages.txt"));
        if (file.open(QIODevice::ReadOnly)) {
            for (const QByteArray &line : file.readAll().split('\n')) {
                const qsizetype comment = line.indexOf('#');
                // As tools/dev reads it: any number of names a line, blank-separated.
                const QByteArray words = (comment < 0 ? line : line.first(comment)).simplified();
                for (const QByteArray &name : words.split(' ')) {
                    if (!name.isEmpty()) {
                        names.insert(QString::fromUtf8(name));
                    }
                }
            }
        }
        return names;
    }();
    return packages;
}

// The first of @p entry's Debian packages the build root has, or empty.
QString buildRootPackage(const CatalogEntry &entry)
{
    for (const QString &package : entry.debianPackages) {
        if (buildRootPackages().contains(package)) {
            return package;
        }
    }
    return {};
}

QSet<QString> toSet(const QStringList &list)
{
    return QSet<QString>(list.cbegin(), list.cend());
}

AgentCatalog builtin()
{
    Result<AgentCatalog> catalog = AgentCatalog::loadBuiltin();
    if (!catalog) {
        qFatal("builtin catalog: %s", qPrintable(catalog.error().message));
    }
    return std::move(catalog).value();
}

} // namespace

class CatalogTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void builtinHasTheWellKnownAgents();
    void containerEntries();
    void everyClaimHasWhyAndSource();
    void shownTextsAreMarkedForTranslation();
    void installedFilesAreTheBuiltinOnes();
    void grantedCapabilitiesAreClaimed();
    void loaderRejects_data();
    void loaderRejects();
    void loaderAcceptsTheValidSample();
    void directoryProblems_data();
    void directoryProblems();
    void hiddenAndOtherFilesAreIgnored();
    void match_data();
    void match();
    void applyMergesNeedsWithReasons();
    void applyShowsEvidenceTheCatalogLacks();
    void applyUnknownIdChangesNothing();
    void applyPointsAProgramToItsVendorUnit();
    void applyTakesTheVendorUnitAsAFact();
    void startArgumentsReachTheNeeds();
    void debianGrantsMatchThePackages_data();
    void debianGrantsMatchThePackages();
    void wellKnownPackagesGrantExactlyTheCatalogsClaims_data();
    void wellKnownPackagesGrantExactlyTheCatalogsClaims();
    void goModulesAreInTheDebianBinaries_data();
    void goModulesAreInTheDebianBinaries();
};

void CatalogTest::builtinHasTheWellKnownAgents()
{
    const AgentCatalog catalog = builtin();
    QVERIFY2(catalog.size() >= 30, qPrintable(QString::number(catalog.size())));
    const QStringList required{u"node_exporter"_s,
                               u"blackbox_exporter"_s,
                               u"smartctl"_s,
                               u"smartctl_exporter"_s,
                               u"tcpdump"_s,
                               u"dumpcap"_s,
                               u"telegraf"_s,
                               u"datadog-agent"_s,
                               u"zabbix_agentd"_s,
                               u"fluent-bit"_s,
                               u"vector"_s,
                               u"promtail"_s,
                               u"filebeat"_s,
                               u"osquery"_s,
                               u"netdata"_s,
                               u"collectd"_s,
                               u"chronyd"_s,
                               u"snmpd"_s,
                               u"lldpd"_s,
                               u"ipmitool"_s,
                               u"nginx"_s,
                               u"haproxy"_s,
                               u"keepalived"_s,
                               u"coredns"_s,
                               u"consul"_s,
                               u"cadvisor"_s,
                               u"process-exporter"_s,
                               u"ebpf_exporter"_s,
                               u"falco"_s,
                               u"nut"_s,
                               u"fping"_s,
                               u"mtr-packet"_s};
    for (const QString &id : required) {
        QVERIFY2(catalog.entry(id), qPrintable(u"missing agent "_s + id));
    }
}

void CatalogTest::containerEntries()
{
    // The agents that must see the host say so, with the upstream image; those a hardened
    // container cannot run say why (docs/catalog.md, "container").
    const AgentCatalog catalog = builtin();
    const CatalogEntry *node = catalog.entry(u"node_exporter");
    QVERIFY(node && node->container);
    QCOMPARE(node->container->image, u"quay.io/prometheus/node-exporter"_s);
    QVERIFY(node->container->hostNetwork && node->container->hostPid && node->container->hostRoot);
    QCOMPARE(node->container->arguments, QStringList{u"--path.rootfs=/host"_s});
    QVERIFY(node->sources().contains(node->container->source));
    const CatalogEntry *processes = catalog.entry(u"process-exporter");
    QVERIFY(processes && processes->container && processes->container->hostPid);
    QVERIFY(!processes->container->hostRoot);
    for (const char *id : {"cadvisor", "falco", "ebpf_exporter"}) {
        const CatalogEntry *entry = catalog.entry(QString::fromLatin1(id));
        QVERIFY2(entry && entry->container && !entry->container->unsuitable.isEmpty(), id);
        QVERIFY(entry->container->image.isEmpty());
    }
    // Every entry with host access says why; an image is always a valid plan's image.
    for (const CatalogEntry &entry : catalog.entries()) {
        if (!entry.container) {
            continue;
        }
        const bool host = entry.container->hostNetwork || entry.container->hostPid || entry.container->hostRoot;
        QCOMPARE(host, !entry.container->why.isEmpty());
        QVERIFY2(entry.container->unsuitable.isEmpty() || (!host && entry.container->image.isEmpty()),
                 qPrintable(entry.id));
    }

    // The inspection carries it: the report's catalog match, and its JSON.
    InspectionReport report;
    QVERIFY(catalog.apply(CatalogMatch{u"node_exporter"_s, {MatchKind::ExecutableName}}, report));
    QVERIFY(report.catalog && report.catalog->matches.size() == 1);
    QVERIFY(report.catalog->matches.first().container);
    const QJsonObject json = toJson(*report.catalog).value(u"matches"_s).toArray().first().toObject();
    QCOMPARE(json.value(u"container"_s)[u"host"].toArray(), (QJsonArray{u"network"_s, u"pid"_s, u"root"_s}));
    InspectionReport plain;
    QVERIFY(catalog.apply(CatalogMatch{u"fping"_s, {MatchKind::ExecutableName}}, plain));
    QVERIFY(toJson(*plain.catalog).value(u"matches"_s).toArray().first().toObject().value(u"container"_s).isNull());
}

// The desktop shows each claim's why and when and each container's why and unsuitable in the
// reader's language (catalogText()); lupdate finds them only in tools/catalog-strings' generated
// core/inspect/catalogstrings.cpp. A catalog change without a new file would leave its text
// English on German and French pages, and a text dropped from the catalog would stay in the .ts.
void CatalogTest::shownTextsAreMarkedForTranslation()
{
    const AgentCatalog catalog = builtin();
    QStringList shown;
    for (const CatalogEntry &entry : catalog.entries()) {
        for (const CatalogClaim *claim : entry.allClaims()) {
            shown << claim->why << claim->when;
        }
        if (entry.container) {
            shown << entry.container->why << entry.container->unsuitable;
        }
    }
    shown.removeAll(QString());
    QStringList marked;
    for (const char *text : catalogStrings()) {
        marked << QString::fromUtf8(text);
    }
    const QSet<QString> want = toSet(shown);
    const QSet<QString> have = toSet(marked);
    QStringList missing = (want - have).values();
    QStringList stale = (have - want).values();
    missing.sort();
    stale.sort();
    QVERIFY2(missing.isEmpty() && stale.isEmpty(),
             qPrintable(u"core/inspect/catalogstrings.cpp differs from resources/agents (run tools/catalog-strings, "
                        u"then update_translations):\nnot marked: %1\nno longer in the catalog: %2"_s.arg(
                            missing.join(u" | "_s), stale.join(u" | "_s))));
    QCOMPARE(marked.size(), have.size()); // each once
    QVERIFY(have.size() > 200);
}

void CatalogTest::everyClaimHasWhyAndSource()
{
    const AgentCatalog catalog = builtin();
    int claims = 0;
    for (const CatalogEntry &entry : catalog.entries()) {
        QVERIFY2(!entry.name.isEmpty() && !entry.description.isEmpty(), qPrintable(entry.id));
        for (const CatalogClaim *claim : entry.allClaims()) {
            QVERIFY2(!claim->why.isEmpty(), qPrintable(entry.id + u": "_s + claim->name));
            QVERIFY2(!claim->source.isEmpty(), qPrintable(entry.id + u": "_s + claim->name));
            ++claims;
        }
        for (const CatalogNote &note : entry.notes) {
            QVERIFY2(!note.source.isEmpty(), qPrintable(entry.id + u": "_s + note.text));
        }
        for (const DistributionGrant &grant : entry.debianGrants) {
            QVERIFY2(!grant.source.isEmpty(), qPrintable(entry.id));
        }
        QVERIFY2(!entry.sources().isEmpty(), qPrintable(entry.id));
    }
    QVERIFY(claims > 100);
}

void CatalogTest::installedFilesAreTheBuiltinOnes()
{
    // The source tree's files load on their own (as installed to share/deroot/agents) and are
    // exactly the compiled-in ones: a file left out of the resources would be caught here.
    const Result<AgentCatalog> fromSource =
        AgentCatalog::loadDirectory(QStringLiteral(DEROOT_SOURCE_DIR "/resources/agents"));
    QVERIFY2(fromSource.ok(), qPrintable(fromSource.error().message));
    const AgentCatalog catalog = builtin();
    QCOMPARE(fromSource->size(), catalog.size());
    for (const CatalogEntry &entry : fromSource->entries()) {
        const CatalogEntry *same = catalog.entry(entry.id);
        QVERIFY2(same, qPrintable(entry.id));
        QCOMPARE(same->sources(), entry.sources());
    }
}

void CatalogTest::grantedCapabilitiesAreClaimed()
{
    // What a distribution grants by default must appear among the needs with its reason; a grant
    // the catalog does not explain would be a capability nobody can justify.
    const AgentCatalog catalog = builtin();
    for (const CatalogEntry &entry : catalog.entries()) {
        QSet<QString> claimed;
        for (const CatalogClaim &claim : entry.capabilities) {
            claimed.insert(claim.name);
        }
        for (const DistributionGrant &grant : entry.debianGrants) {
            QSet<QString> granted = toSet(grant.fileCapabilities);
            if (grant.ambientCapabilities) {
                granted.unite(toSet(*grant.ambientCapabilities));
            }
            QVERIFY2(claimed.contains(granted), qPrintable(entry.id + u": "_s + (grant.file + grant.unit)));
        }
    }
}

void CatalogTest::loaderRejects_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<Mutation>("mutation");
    QTest::addColumn<QByteArray>("raw"); // used instead of the mutated sample when not empty
    QTest::addColumn<QString>("field");  // what the message must name besides the file

    const Mutation none = [](QJsonObject &) {};
    QTest::addRow("invalid JSON") << u"sample.json"_s << none << QByteArray("{\"id\": ") << u"invalid JSON"_s;
    QTest::addRow("not an object") << u"sample.json"_s << none << QByteArray("[1, 2]") << u"must be a JSON object"_s;
    QTest::addRow("empty file") << u"sample.json"_s << none << QByteArray(" ") << u"invalid JSON"_s;
    QTest::addRow("unknown top-level key")
        << u"sample.json"_s << set(u"extra"_s, 1) << QByteArray() << u"extra: unknown key"_s;
    QTest::addRow("unknown key in a claim") << u"sample.json"_s << set(u"needs.capabilities[0].reason"_s, u"x"_s)
                                            << QByteArray() << u"needs.capabilities[0].reason: unknown key"_s;
    QTest::addRow("unknown need") << u"sample.json"_s << set(u"needs.kernel_modules"_s, QJsonArray{}) << QByteArray()
                                  << u"needs.kernel_modules: unknown key"_s;
    QTest::addRow("name is a number") << u"sample.json"_s << set(u"name"_s, 3) << QByteArray()
                                      << u"name: must be a string"_s;
    QTest::addRow("capabilities not an array") << u"sample.json"_s << set(u"needs.capabilities"_s, u"CAP_NET_RAW"_s)
                                               << QByteArray() << u"needs.capabilities: must be an array"_s;
    QTest::addRow("claim not an object") << u"sample.json"_s
                                         << set(u"needs.capabilities"_s, QJsonArray{u"CAP_NET_RAW"_s}) << QByteArray()
                                         << u"needs.capabilities[0]: must be an object"_s;
    QTest::addRow("invalid capability") << u"sample.json"_s << set(u"needs.capabilities[0].name"_s, u"CAP_NET_RAWW"_s)
                                        << QByteArray()
                                        << u"needs.capabilities[0].name: 'CAP_NET_RAWW' is not a capability"_s;
    QTest::addRow("capability in lower case")
        << u"sample.json"_s << set(u"needs.capabilities[0].name"_s, u"cap_net_raw"_s) << QByteArray()
        << u"must be spelled CAP_NET_RAW"_s;
    QTest::addRow("capability by number") << u"sample.json"_s << set(u"needs.capabilities[0].name"_s, 13)
                                          << QByteArray() << u"needs.capabilities[0].name: must be a string"_s;
    for (const auto &[name, argument] :
         {std::pair{"argument with a space", "-x y"}, std::pair{"argument with a shell separator", "-x;reboot"},
          std::pair{"argument with a systemd variable", "--a=$ARGS"},
          std::pair{"argument that is not an option", "foreground"}}) {
        QTest::addRow("%s", name) << u"sample.json"_s
                                  << set(u"needs.foreground_arguments"_s,
                                         QJsonArray{QJsonObject{{u"argument"_s, QString::fromLatin1(argument)},
                                                                {u"why"_s, u"keeps it in the foreground"_s},
                                                                {u"source"_s, u"https://example.org/manual.html"_s}}})
                                  << QByteArray() << u"needs.foreground_arguments[0].argument"_s;
    }
    QTest::addRow("port zero") << u"sample.json"_s << set(u"needs.listen_ports[0].port"_s, 0) << QByteArray()
                               << u"needs.listen_ports[0].port: must be a whole number from 1 to 65535"_s;
    QTest::addRow("port 65536") << u"sample.json"_s << set(u"needs.listen_ports[0].port"_s, 65536) << QByteArray()
                                << u"needs.listen_ports[0].port"_s;
    QTest::addRow("negative port") << u"sample.json"_s << set(u"needs.listen_ports[0].port"_s, -80) << QByteArray()
                                   << u"needs.listen_ports[0].port"_s;
    QTest::addRow("fractional port") << u"sample.json"_s << set(u"needs.listen_ports[0].port"_s, 80.5) << QByteArray()
                                     << u"needs.listen_ports[0].port"_s;
    QTest::addRow("port as a string") << u"sample.json"_s << set(u"needs.listen_ports[0].port"_s, u"80"_s)
                                      << QByteArray() << u"needs.listen_ports[0].port"_s;
    QTest::addRow("port missing") << u"sample.json"_s << removeKey(u"needs.listen_ports[0].port"_s) << QByteArray()
                                  << u"needs.listen_ports[0].port: is missing"_s;
    QTest::addRow("protocol sctp") << u"sample.json"_s << set(u"needs.listen_ports[0].protocol"_s, u"sctp"_s)
                                   << QByteArray() << u"needs.listen_ports[0].protocol: 'sctp' is neither"_s;
    QTest::addRow("relative read path") << u"sample.json"_s << set(u"needs.read_paths[0].path"_s, u"var/log"_s)
                                        << QByteArray()
                                        << u"needs.read_paths[0].path: 'var/log' must be an absolute path"_s;
    QTest::addRow("traversal in a path") << u"sample.json"_s
                                         << set(u"needs.read_paths[0].path"_s, u"/var/log/../../etc/shadow"_s)
                                         << QByteArray() << u"needs.read_paths[0].path"_s;
    QTest::addRow("double slash") << u"sample.json"_s << set(u"needs.read_paths[0].path"_s, u"/var//log"_s)
                                  << QByteArray() << u"must not contain '//'"_s;
    QTest::addRow("trailing slash") << u"sample.json"_s << set(u"needs.read_paths[0].path"_s, u"/var/log/"_s)
                                    << QByteArray() << u"must not end with '/'"_s;
    QTest::addRow("glob in a read path") << u"sample.json"_s << set(u"needs.read_paths[0].path"_s, u"/var/log/*"_s)
                                         << QByteArray() << u"must not contain '*'"_s;
    QTest::addRow("glob in a middle component") << u"sample.json"_s << set(u"needs.devices[0].path"_s, u"/dev/*/x"_s)
                                                << QByteArray() << u"may use '*' in its last component only"_s;
    QTest::addRow("device outside /dev") << u"sample.json"_s << set(u"needs.devices[0].path"_s, u"/tmp/sda"_s)
                                         << QByteArray() << u"needs.devices[0].path: '/tmp/sda' is not below /dev"_s;
    QTest::addRow("newline in a path") << u"sample.json"_s << set(u"needs.read_paths[0].path"_s, u"/var/log\n/etc"_s)
                                       << QByteArray()
                                       << u"needs.read_paths[0].path: '/var/log\\n/etc' contains a control character"_s;
    QTest::addRow("relative command") << u"sample.json"_s << set(u"needs.commands[0].command"_s, u"smartctl"_s)
                                      << QByteArray()
                                      << u"needs.commands[0].command: 'smartctl' must be an absolute path"_s;
    QTest::addRow("claim without source") << u"sample.json"_s << removeKey(u"needs.capabilities[0].source"_s)
                                          << QByteArray() << u"needs.capabilities[0].source: is missing"_s;
    QTest::addRow("claim with empty source") << u"sample.json"_s << set(u"needs.capabilities[0].source"_s, u"  "_s)
                                             << QByteArray() << u"needs.capabilities[0].source: must not be empty"_s;
    QTest::addRow("source too vague") << u"sample.json"_s << set(u"needs.groups[0].source"_s, u"docs"_s) << QByteArray()
                                      << u"needs.groups[0].source: 'docs' is too short"_s;
    QTest::addRow("source URL without host")
        << u"sample.json"_s << set(u"needs.capabilities[0].source"_s, u"https:// (README)"_s) << QByteArray()
        << u"needs.capabilities[0].source"_s;
    QTest::addRow("claim without why") << u"sample.json"_s << removeKey(u"needs.read_paths[0].why"_s) << QByteArray()
                                       << u"needs.read_paths[0].why: is missing"_s;
    QTest::addRow("empty condition") << u"sample.json"_s << set(u"needs.capabilities[0].when"_s, u""_s) << QByteArray()
                                     << u"needs.capabilities[0].when: must not be empty"_s;
    QTest::addRow("escape sequence in why")
        << u"sample.json"_s << set(u"needs.capabilities[0].why"_s, u"\x1b[31mred"_s) << QByteArray()
        << u"needs.capabilities[0].why: '\\x1b[31mred' contains a control character"_s;
    QTest::addRow("note without source") << u"sample.json"_s << removeKey(u"notes[0].source"_s) << QByteArray()
                                         << u"notes[0].source: is missing"_s;
    QTest::addRow("id of another file") << u"copy.json"_s << Mutation(none) << QByteArray()
                                        << u"id: 'sample' does not match the file name"_s;
    QTest::addRow("id with capitals") << u"Sample.json"_s << set(u"id"_s, u"Sample"_s) << QByteArray()
                                      << u"id: 'Sample' is not a valid id"_s;
    QTest::addRow("id with a slash") << u"sample.json"_s << set(u"id"_s, u"../sample"_s) << QByteArray()
                                     << u"id: '../sample' is not a valid id"_s;
    QTest::addRow("wrong schema") << u"sample.json"_s << set(u"schema"_s, u"deroot.catalog/2"_s) << QByteArray()
                                  << u"schema: 'deroot.catalog/2' is not deroot.catalog/1"_s;
    QTest::addRow("missing needs") << u"sample.json"_s << removeKey(u"needs"_s) << QByteArray()
                                   << u"needs: is missing"_s;
    QTest::addRow("nothing to recognise") << u"sample.json"_s << set(u"recognition"_s, QJsonObject{}) << QByteArray()
                                          << u"recognition: names nothing to recognise the agent by"_s;
    QTest::addRow("executable with a relative directory")
        << u"sample.json"_s << set(u"recognition.executables"_s, QJsonArray{u"bin/sample"_s}) << QByteArray()
        << u"recognition.executables[0]: 'bin/sample' is not a valid executable name"_s;
    QTest::addRow("executable dot-dot") << u"sample.json"_s << set(u"recognition.executables"_s, QJsonArray{u".."_s})
                                        << QByteArray() << u"recognition.executables[0]"_s;
    QTest::addRow("executable listed twice")
        << u"sample.json"_s << set(u"recognition.executables"_s, QJsonArray{u"a"_s, u"a"_s}) << QByteArray()
        << u"recognition.executables[1]: 'a' is listed twice"_s;
    QTest::addRow("package with capitals")
        << u"sample.json"_s << set(u"recognition.debian_packages"_s, QJsonArray{u"Sample"_s}) << QByteArray()
        << u"recognition.debian_packages[0]: 'Sample' is not a valid Debian package name"_s;
    QTest::addRow("unit without suffix")
        << u"sample.json"_s << set(u"recognition.systemd_units"_s, QJsonArray{u"sample"_s}) << QByteArray()
        << u"recognition.systemd_units[0]: 'sample' is not a valid systemd unit name"_s;
    QTest::addRow("go module with a space")
        << u"sample.json"_s << set(u"recognition.go_modules"_s, QJsonArray{u"example.org/a b"_s}) << QByteArray()
        << u"recognition.go_modules[0]"_s;
    QTest::addRow("root-equivalent group not marked")
        << u"sample.json"_s << set(u"needs.groups[0].name"_s, u"disk"_s) << QByteArray()
        << u"needs.groups[0].root_equivalent: 'disk' is root-equivalent"_s;
    QTest::addRow("root_equivalent not a boolean")
        << u"sample.json"_s << set(u"needs.groups[0].root_equivalent"_s, u"yes"_s) << QByteArray()
        << u"needs.groups[0].root_equivalent: must be true or false"_s;
    QTest::addRow("invalid group name") << u"sample.json"_s << set(u"needs.groups[0].name"_s, u"a group"_s)
                                        << QByteArray()
                                        << u"needs.groups[0].name: 'a group' is not a valid group name"_s;
    QTest::addRow("unknown address family")
        << u"sample.json"_s
        << set(u"needs.address_families"_s,
               QJsonArray{
                   QJsonObject{{u"name"_s, u"AF_FOO"_s}, {u"why"_s, u"x"_s}, {u"source"_s, u"https://example.org"_s}}})
        << QByteArray() << u"needs.address_families[0].name: 'AF_FOO' is not a known address family"_s;
    QTest::addRow("claim listed twice") << u"sample.json"_s
                                        << set(u"needs.capabilities"_s,
                                               QJsonArray{QJsonObject{{u"name"_s, u"CAP_NET_RAW"_s},
                                                                      {u"why"_s, u"a"_s},
                                                                      {u"source"_s, u"https://example.org"_s}},
                                                          QJsonObject{{u"name"_s, u"CAP_NET_RAW"_s},
                                                                      {u"why"_s, u"b"_s},
                                                                      {u"source"_s, u"https://example.org"_s}}})
                                        << QByteArray() << u"needs.capabilities[1]: 'CAP_NET_RAW' is listed twice"_s;
    QTest::addRow("grant with file and unit")
        << u"sample.json"_s << set(u"debian_grants[0].unit"_s, u"/usr/lib/systemd/system/x.service"_s) << QByteArray()
        << u"debian_grants[0]: must name either"_s;
    QTest::addRow("grant with an invalid capability")
        << u"sample.json"_s << set(u"debian_grants[0].file_capabilities"_s, QJsonArray{u"CAP_ROOT"_s}) << QByteArray()
        << u"debian_grants[0].file_capabilities[0]: 'CAP_ROOT' is not a capability"_s;
    QTest::addRow("grant without source") << u"sample.json"_s << removeKey(u"debian_grants[0].source"_s) << QByteArray()
                                          << u"debian_grants[0].source: is missing"_s;
    QTest::addRow("grant with a relative file")
        << u"sample.json"_s << set(u"debian_grants[0].file"_s, u"usr/bin/sample"_s) << QByteArray()
        << u"debian_grants[0].file: 'usr/bin/sample' must be an absolute path"_s;
    const QJsonObject container{{u"image"_s, u"quay.io/example/sample"_s},
                                {u"host"_s, QJsonArray{u"pid"_s}},
                                {u"why"_s, u"reads the host's processes"_s},
                                {u"source"_s, u"https://example.org/sample#docker"_s}};
    const auto containerWith = [container](const QString &key, const QJsonValue &value) {
        QJsonObject changed = container;
        if (value.isUndefined()) {
            changed.remove(key);
        } else {
            changed.insert(key, value);
        }
        return set(u"container"_s, changed);
    };
    QTest::addRow("container not an object")
        << u"sample.json"_s << set(u"container"_s, u"quay.io/x"_s) << QByteArray() << u"container: must be an object"_s;
    QTest::addRow("container with an unknown key") << u"sample.json"_s << containerWith(u"privileged"_s, true)
                                                   << QByteArray() << u"container.privileged: unknown key"_s;
    QTest::addRow("container without source") << u"sample.json"_s << containerWith(u"source"_s, QJsonValue::Undefined)
                                              << QByteArray() << u"container.source: is missing"_s;
    QTest::addRow("container image with a space")
        << u"sample.json"_s << containerWith(u"image"_s, u"quay.io/x y"_s) << QByteArray()
        << u"container.image: 'quay.io/x y' is not an image reference"_s;
    QTest::addRow("container host unknown")
        << u"sample.json"_s << containerWith(u"host"_s, QJsonArray{u"ipc"_s}) << QByteArray()
        << u"container.host[0]: 'ipc' is not one of network, pid, root"_s;
    QTest::addRow("container host without why") << u"sample.json"_s << containerWith(u"why"_s, QJsonValue::Undefined)
                                                << QByteArray() << u"container.why: is missing"_s;
    QTest::addRow("container argument not an option")
        << u"sample.json"_s << containerWith(u"arguments"_s, QJsonArray{u"--path.rootfs=/host; id"_s}) << QByteArray()
        << u"container.arguments[0]: '--path.rootfs=/host; id' is not one option word"_s;
    QTest::addRow("container says nothing")
        << u"sample.json"_s << set(u"container"_s, QJsonObject{{u"source"_s, u"https://example.org/sample"_s}})
        << QByteArray() << u"container: names neither an image nor host access"_s;
    QTest::addRow("container unsuitable with an image")
        << u"sample.json"_s
        << set(u"container"_s, QJsonObject{{u"unsuitable"_s, u"it loads kernel modules"_s},
                                           {u"image"_s, u"quay.io/x"_s},
                                           {u"source"_s, u"https://example.org/sample"_s}})
        << QByteArray() << u"container.image: unknown key"_s;
}

void CatalogTest::loaderRejects()
{
    QFETCH(QString, fileName);
    QFETCH(Mutation, mutation);
    QFETCH(QByteArray, raw);
    QFETCH(QString, field);

    QByteArray content = raw;
    if (content.isEmpty()) {
        QJsonObject entry = validEntry();
        mutation(entry);
        content = QJsonDocument(entry).toJson();
    }
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFile(dir.filePath(fileName), content));

    const Result<AgentCatalog> catalog = AgentCatalog::loadDirectory(dir.path());
    QVERIFY(!catalog.ok());
    const QString &message = catalog.error().message;
    QCOMPARE(catalog.error().code, ExitCode::Failure);
    QVERIFY2(message.contains(fileName), qPrintable(message));
    QVERIFY2(message.contains(field), qPrintable(message));
    QVERIFY2(!message.contains(u'\n'), qPrintable(message));

    const Result<CatalogEntry> entry = AgentCatalog::parseEntry(content, fileName);
    QVERIFY(!entry.ok());
    QVERIFY2(entry.error().message.contains(field), qPrintable(entry.error().message));
}

void CatalogTest::loaderAcceptsTheValidSample()
{
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath(u"sample.json"_s), QJsonDocument(validEntry()).toJson()));
    const Result<AgentCatalog> catalog = AgentCatalog::loadDirectory(dir.path());
    QVERIFY2(catalog.ok(), qPrintable(catalog.error().message));
    QCOMPARE(catalog->size(), 1);
    const CatalogEntry &entry = catalog->entries().constFirst();
    QCOMPARE(entry.capabilities.constFirst().capability, 13);
    QCOMPARE(entry.listenPorts.constFirst().name, u"tcp/9999"_s);
    QCOMPARE(entry.commands.constFirst().name, u"/usr/sbin/smartctl --scan"_s);
    QCOMPARE(entry.debianGrants.constFirst().fileCapabilities, QStringList{u"CAP_NET_RAW"_s});
}

void CatalogTest::directoryProblems_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("expected");
    QTest::addRow("directory does not exist") << u"missing"_s << u"does not exist"_s;
    QTest::addRow("FIFO named like a catalog file (must not block)") << u"fifo"_s << u"is not a regular file"_s;
    QTest::addRow("symlink to a catalog file") << u"symlink"_s << u"is not a regular file"_s;
    QTest::addRow("directory named like a catalog file") << u"directory"_s << u"is not a regular file"_s;
    QTest::addRow("file too large") << u"large"_s << u"is larger than"_s;
    QTest::addRow("unreadable file") << u"unreadable"_s << u"cannot be read"_s;
}

void CatalogTest::directoryProblems()
{
    QFETCH(QString, kind);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(u"sample.json"_s);
    QString directory = dir.path();
    if (kind == u"missing"_s) {
        directory = dir.filePath(u"nothing-here"_s);
    } else if (kind == u"fifo"_s) {
        QCOMPARE(::mkfifo(QFile::encodeName(file).constData(), 0600), 0);
    } else if (kind == u"symlink"_s) {
        QVERIFY(writeFile(dir.filePath(u"real"_s), QJsonDocument(validEntry()).toJson()));
        QVERIFY(QFile::link(dir.filePath(u"real"_s), file));
    } else if (kind == u"directory"_s) {
        QVERIFY(QDir(dir.path()).mkdir(u"sample.json"_s));
    } else if (kind == u"large"_s) {
        QVERIFY(writeFile(file, QByteArray(300 * 1024, ' ')));
    } else if (kind == u"unreadable"_s) {
        QVERIFY(writeFile(file, QJsonDocument(validEntry()).toJson()));
        QVERIFY(QFile::setPermissions(file, QFileDevice::WriteOwner));
    }
    // Root (the build root runs the suite as root) reads a mode-0200 file anyway: the load runs
    // without the two capabilities that allow it, so the row means the same for every user.
    WithoutFileReadOverride withoutOverride;
    QVERIFY2(withoutOverride.ok(), "cannot lower CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH");
    if (kind == u"unreadable"_s) {
        QVERIFY(!QFile(file).open(QIODevice::ReadOnly));
    }
    const Result<AgentCatalog> catalog = AgentCatalog::loadDirectory(directory);
    QVERIFY(!catalog.ok());
    QVERIFY2(catalog.error().message.contains(expected), qPrintable(catalog.error().message));
}

void CatalogTest::hiddenAndOtherFilesAreIgnored()
{
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath(u"sample.json"_s), QJsonDocument(validEntry()).toJson()));
    QVERIFY(writeFile(dir.filePath(u".#sample.json"_s), "garbage"));
    QVERIFY(writeFile(dir.filePath(u"README"_s), "garbage"));
    QVERIFY(writeFile(dir.filePath(u"sample.json~"_s), "garbage"));
    const Result<AgentCatalog> catalog = AgentCatalog::loadDirectory(dir.path());
    QVERIFY2(catalog.ok(), qPrintable(catalog.error().message));
    QCOMPARE(catalog->size(), 1);
}

void CatalogTest::match_data()
{
    QTest::addColumn<CatalogKeys>("keys");
    QTest::addColumn<QString>("id");            // the best match; empty: none
    QTest::addColumn<QStringList>("matchedBy"); // of the best match

    QTest::addRow("executable name") << CatalogKeys{{}, u"fping"_s, {}, {}, {}} << u"fping"_s
                                     << QStringList{u"executable_name"_s};
    QTest::addRow("absolute path") << CatalogKeys{u"/usr/bin/mtr-packet"_s, {}, {}, {}, {}} << u"mtr-packet"_s
                                   << QStringList{u"executable_path"_s, u"executable_name"_s};
    QTest::addRow("unknown directory, known name")
        << CatalogKeys{u"/opt/tools/fping"_s, {}, {}, {}, {}} << u"fping"_s << QStringList{u"executable_name"_s};
    QTest::addRow("Debian package") << CatalogKeys{{}, {}, u"chrony"_s, {}, {}} << u"chronyd"_s
                                    << QStringList{u"debian_package"_s};
    QTest::addRow("unit") << CatalogKeys{{}, {}, {}, u"chronyd-restricted.service"_s, {}} << u"chronyd"_s
                          << QStringList{u"systemd_unit"_s};
    QTest::addRow("unit without suffix") << CatalogKeys{{}, {}, {}, u"snmpd"_s, {}} << u"snmpd"_s
                                         << QStringList{u"systemd_unit"_s};
    QTest::addRow("unit template instance")
        << CatalogKeys{{}, {}, {}, u"nut-driver@myups.service"_s, {}} << u"nut"_s << QStringList{u"systemd_unit"_s};
    QTest::addRow("Go main module") << CatalogKeys{{}, {}, {}, {}, u"github.com/prometheus/node_exporter"_s}
                                    << u"node_exporter"_s << QStringList{u"go_module"_s};
    QTest::addRow("Go major version suffix") << CatalogKeys{{}, {}, {}, {}, u"github.com/coredns/coredns/v2"_s}
                                             << u"coredns"_s << QStringList{u"go_module"_s};
    QTest::addRow("all keys of the Debian node exporter")
        << CatalogKeys{u"/usr/bin/prometheus-node-exporter"_s,
                       {},
                       u"prometheus-node-exporter"_s,
                       u"prometheus-node-exporter.service"_s,
                       u"github.com/prometheus/node_exporter"_s}
        << u"node_exporter"_s
        << QStringList{u"executable_path"_s, u"systemd_unit"_s, u"debian_package"_s, u"go_module"_s,
                       u"executable_name"_s};
    QTest::addRow("module prefix is not a match")
        << CatalogKeys{{}, {}, {}, {}, u"github.com/prometheus/node_exporter_fake"_s} << QString() << QStringList{};
    QTest::addRow("Go main package below its module (Debian GOPATH build)")
        << CatalogKeys{{}, {}, {}, {}, u"github.com/ncabatoff/process-exporter/cmd/process-exporter"_s}
        << u"process-exporter"_s << QStringList{u"go_module"_s};
    QTest::addRow("parent of a module is not a match")
        << CatalogKeys{{}, {}, {}, {}, u"github.com/prometheus"_s} << QString() << QStringList{};
    QTest::addRow("name differs in case") << CatalogKeys{{}, u"FPING"_s, {}, {}, {}} << QString() << QStringList{};
    QTest::addRow("generic name") << CatalogKeys{{}, u"agent"_s, {}, {}, {}} << QString() << QStringList{};
    QTest::addRow("relative path is no path match")
        << CatalogKeys{u"usr/bin/fping"_s, {}, {}, {}, {}} << u"fping"_s << QStringList{u"executable_name"_s};
    QTest::addRow("name with a slash") << CatalogKeys{{}, u"bin/fping"_s, {}, {}, {}} << QString() << QStringList{};
    QTest::addRow("nothing known") << CatalogKeys{} << QString() << QStringList{};
    QTest::addRow("unknown package") << CatalogKeys{{}, {}, u"chrony-extra"_s, {}, {}} << QString() << QStringList{};
}

void CatalogTest::match()
{
    QFETCH(CatalogKeys, keys);
    QFETCH(QString, id);
    QFETCH(QStringList, matchedBy);
    const QList<CatalogMatch> matches = builtin().match(keys);
    if (id.isEmpty()) {
        QVERIFY2(matches.isEmpty(), qPrintable(matches.value(0).id));
        return;
    }
    QVERIFY(!matches.isEmpty());
    QCOMPARE(matches.constFirst().id, id);
    QStringList kinds;
    for (const MatchKind kind : matches.constFirst().matchedBy) {
        kinds.append(matchKindId(kind));
    }
    QCOMPARE(kinds, matchedBy);
}

void CatalogTest::applyMergesNeedsWithReasons()
{
    const AgentCatalog catalog = builtin();
    InspectionReport report;
    const Reason elf{u"elf"_s, u"imports socket with SOCK_RAW"_s};
    report.needs.addCapability(13, elf);

    const QList<CatalogMatch> matches = catalog.match(CatalogKeys{u"/usr/bin/fping"_s, {}, u"fping"_s, {}, {}});
    QCOMPARE(matches.size(), 1);
    QVERIFY(catalog.apply(matches.constFirst(), report));

    QCOMPARE(report.needs.capabilities.size(), 1);
    const QList<Reason> &reasons = report.needs.capabilities.constFirst().reasons;
    QCOMPARE(reasons.size(), 2);
    QCOMPARE(reasons.at(0), elf);
    QCOMPARE(reasons.at(1).source, u"catalog"_s);
    QVERIFY2(reasons.at(1).text.startsWith(u"fping: opens raw ICMP sockets"_s), qPrintable(reasons.at(1).text));
    QVERIFY2(reasons.at(1).text.contains(u"(Debian 13 package fping 5.1-1: postinst"_s),
             qPrintable(reasons.at(1).text));
    QVERIFY(!report.finding(u"catalog.evidence-differs"));

    const QJsonArray sectionMatches = toJson(report).value(u"catalog"_s).toObject().value(u"matches"_s).toArray();
    QCOMPARE(sectionMatches.size(), 1);
    const QJsonObject first = sectionMatches.at(0).toObject();
    QCOMPARE(first.value(u"id"_s).toString(), u"fping"_s);
    QCOMPARE(first.value(u"name"_s).toString(), u"fping"_s);
    QCOMPARE(first.value(u"matched_by"_s).toArray(),
             (QJsonArray{u"executable_path"_s, u"debian_package"_s, u"executable_name"_s}));
    QVERIFY(!first.value(u"notes"_s).toArray().isEmpty());
    QVERIFY(!first.value(u"sources"_s).toArray().isEmpty());
    QCOMPARE(first.value(u"debian_grants"_s).toArray().at(0).toObject().value(u"file_capabilities"_s).toArray(),
             QJsonArray{u"CAP_NET_RAW"_s});

    // A second agent adds to the same report: ports, root-equivalent groups, commands with their
    // fixed arguments, conditions in the reason.
    QVERIFY(catalog.apply(CatalogMatch{u"smartctl"_s, {MatchKind::ExecutableName}}, report));
    QVERIFY(catalog.apply(CatalogMatch{u"telegraf"_s, {MatchKind::ExecutableName}}, report));
    QCOMPARE(toJson(report).value(u"catalog"_s).toObject().value(u"matches"_s).toArray().size(), 3);
    QVERIFY(report.needs.hasCapability(17)); // CAP_SYS_RAWIO
    const auto disk = std::find_if(report.needs.groups.cbegin(), report.needs.groups.cend(),
                                   [](const NamedNeed &need) { return need.name == u"disk"_s; });
    QVERIFY(disk != report.needs.groups.cend());
    QVERIFY(disk->rootEquivalent);
    const auto smartctl =
        std::find_if(report.needs.commands.cbegin(), report.needs.commands.cend(), [](const NamedNeed &need) {
            return need.name == u"/usr/sbin/smartctl --info --attributes --health -n standby --format=brief <device>"_s;
        });
    QVERIFY(smartctl != report.needs.commands.cend());
    QVERIFY2(smartctl->reasons.constFirst().condition == u"inputs.smart with use_sudo"_s,
             qPrintable(smartctl->reasons.constFirst().text));

    InspectionReport exporter;
    QVERIFY(catalog.apply(CatalogMatch{u"node_exporter"_s, {MatchKind::GoModule}}, exporter));
    QCOMPARE(exporter.needs.listenPorts.size(), 1);
    QCOMPARE(exporter.needs.listenPorts.constFirst().protocol, u"tcp"_s);
    QCOMPARE(exporter.needs.listenPorts.constFirst().port, 9100);
}

void CatalogTest::applyShowsEvidenceTheCatalogLacks()
{
    // The binary's evidence says CAP_SYS_ADMIN, the catalog says CAP_SYS_TIME: both stay visible.
    const AgentCatalog catalog = builtin();
    InspectionReport report;
    report.needs.addCapability(21, Reason{u"elf"_s, u"imports mount"_s});
    QVERIFY(catalog.apply(CatalogMatch{u"chronyd"_s, {MatchKind::DebianPackage}}, report));
    QVERIFY(report.needs.hasCapability(21));
    QVERIFY(report.needs.hasCapability(25)); // CAP_SYS_TIME
    const Finding *finding = report.finding(u"catalog.evidence-differs");
    QVERIFY(finding);
    QVERIFY2(finding->message.contains(u"CAP_SYS_ADMIN"_s), qPrintable(finding->message));
    const QJsonObject match =
        toJson(report).value(u"catalog"_s).toObject().value(u"matches"_s).toArray().at(0).toObject();
    QCOMPARE(match.value(u"evidence_not_in_catalog"_s).toArray(), QJsonArray{u"CAP_SYS_ADMIN"_s});
}

void CatalogTest::applyUnknownIdChangesNothing()
{
    InspectionReport report;
    QVERIFY(!builtin().apply(CatalogMatch{u"no-such-agent"_s, {MatchKind::ExecutableName}}, report));
    QVERIFY(report.needs.capabilities.isEmpty());
    QVERIFY(!report.catalog);
}

void CatalogTest::applyPointsAProgramToItsVendorUnit()
{
    // A second unit for chronyd beside Debian's chrony.service would run it twice.
    DEROOT_REQUIRE_TOOL(QFile::exists(u"/usr/lib/systemd/system/chrony.service"_s),
                        QStringLiteral("chrony is not installed here"));
    const auto hasFinding = [](const InspectionReport &report) {
        return std::any_of(report.findings.cbegin(), report.findings.cend(),
                           [](const Finding &f) { return f.id == u"catalog.vendor-unit"; });
    };
    const AgentCatalog catalog = builtin();
    const CatalogEntry *chronyd = catalog.entry(u"chronyd");
    QVERIFY(chronyd);
    InspectionReport file;
    file.target = QJsonObject{{u"kind"_s, u"file"_s}, {u"path"_s, u"/usr/sbin/chronyd"_s}};
    file.file.emplace().canonicalPath = u"/usr/sbin/chronyd"_s;
    QVERIFY(catalog.apply(CatalogMatch{u"chronyd"_s, {MatchKind::ExecutablePath}}, file,
                          vendorUnitFile(*chronyd, u"/usr/sbin/chronyd"_s)));
    QVERIFY(hasFinding(file));
    // The entry's unit starts another of its programs: not this program's unit. chrony.service
    // starts chronyd, so chronyc (the entry's client) has no unit of its own.
    InspectionReport client;
    client.target = QJsonObject{{u"kind"_s, u"file"_s}, {u"path"_s, u"/usr/bin/chronyc"_s}};
    client.file.emplace().canonicalPath = u"/usr/bin/chronyc"_s;
    QVERIFY(catalog.apply(CatalogMatch{u"chronyd"_s, {MatchKind::ExecutablePath}}, client,
                          vendorUnitFile(*chronyd, u"/usr/bin/chronyc"_s)));
    QVERIFY(!hasFinding(client));
    // Inspecting the unit itself is what the finding asks for: no finding then.
    InspectionReport unit;
    unit.target = QJsonObject{{u"kind"_s, u"unit"_s}, {u"unit"_s, u"chrony.service"_s}};
    QVERIFY(catalog.apply(CatalogMatch{u"chronyd"_s, {MatchKind::SystemdUnit}}, unit,
                          vendorUnitFile(*chronyd, u"/usr/sbin/chronyd"_s)));
    QVERIFY(!hasFinding(unit));
}

void CatalogTest::applyTakesTheVendorUnitAsAFact()
{
    // apply() reads nothing from the machine: the unit file that starts the program comes in.
    InspectionReport file;
    file.target = QJsonObject{{u"kind"_s, u"file"_s}, {u"path"_s, u"/usr/sbin/chronyd"_s}};
    QVERIFY(builtin().apply(CatalogMatch{u"chronyd"_s, {MatchKind::ExecutablePath}}, file,
                            u"/usr/lib/systemd/system/chrony.service"_s));
    const Finding *vendor = file.finding(u"catalog.vendor-unit");
    QVERIFY(vendor);
    QVERIFY2(vendor->message.contains(u"inspect that unit instead"_s) && vendor->message.contains(u"chrony.service"_s),
             qPrintable(vendor->message));
    QCOMPARE(vendor->evidence, QStringList{u"/usr/lib/systemd/system/chrony.service"_s});
    InspectionReport without;
    without.target = file.target;
    QVERIFY(builtin().apply(CatalogMatch{u"chronyd"_s, {MatchKind::ExecutablePath}}, without));
    QVERIFY(!without.finding(u"catalog.vendor-unit"));
}

void CatalogTest::startArgumentsReachTheNeeds()
{
    InspectionReport report;
    QVERIFY(builtin().apply(CatalogMatch{u"chronyd"_s, {MatchKind::ExecutableName}}, report));
    QCOMPARE(report.needs.nonRootArguments.size(), 1);
    QCOMPARE(report.needs.nonRootArguments.constFirst().name, u"-U"_s);
    QCOMPARE(report.needs.foregroundArguments.constFirst().name, u"-n"_s);
    const QJsonObject needs = toJson(report).value(u"needs"_s).toObject();
    QCOMPARE(needs.value(u"non_root_arguments"_s).toArray().first().toObject().value(u"argument"_s).toString(),
             u"-U"_s);
}

void CatalogTest::debianGrantsMatchThePackages_data()
{
    // A grant of a package the build root has is a row everywhere; one of a package it does not
    // have (not in Debian, or not chosen for it) only where that package is installed.
    QTest::addColumn<QString>("id");
    QTest::addColumn<int>("grant");
    QVERIFY2(!buildRootPackages().isEmpty(), "tools/devroot/packages.txt cannot be read");
    const AgentCatalog catalog = builtin();
    for (const CatalogEntry &entry : catalog.entries()) {
        for (qsizetype i = 0; i < entry.debianGrants.size(); ++i) {
            const DistributionGrant &grant = entry.debianGrants.at(i);
            const QString path = grant.file.isEmpty() ? grant.unit : grant.file;
            if (!buildRootPackage(entry).isEmpty() || QFileInfo::exists(path)) {
                QTest::addRow("%s %s", qPrintable(entry.id), qPrintable(path)) << entry.id << int(i);
            }
        }
    }
}

void CatalogTest::debianGrantsMatchThePackages()
{
    // Every grant the catalog states about a Debian package is checked against the package as
    // installed; in the build root, every package it has must be there.
    QFETCH(QString, id);
    QFETCH(int, grant);
    const AgentCatalog catalog = builtin();
    const DistributionGrant &g = catalog.entry(id)->debianGrants.at(grant);
    const QString path = g.file.isEmpty() ? g.unit : g.file;
    DEROOT_REQUIRE_TOOL(QFileInfo::exists(path),
                        path + u" (Debian package "_s + catalog.entry(id)->debianPackages.join(u" or "_s) + u')');
    if (!g.file.isEmpty()) {
        QCOMPARE(fileCapabilities(g.file), toSet(g.fileCapabilities));
        return;
    }
    const UnitSettings unit = readUnit(g.unit);
    if (g.user) {
        QCOMPARE(unit.user, *g.user);
    }
    if (g.group) {
        QCOMPARE(unit.group.value_or(QString()), *g.group);
    }
    if (g.ambientCapabilities) {
        QCOMPARE(unit.ambient, toSet(*g.ambientCapabilities));
    }
    if (g.capabilityBoundingSet) {
        QVERIFY2(unit.boundingSet && !unit.boundingInverted, "the unit's bounding set is not a plain list");
        QCOMPARE(unit.bounding, toSet(*g.capabilityBoundingSet));
    }
}

void CatalogTest::wellKnownPackagesGrantExactlyTheCatalogsClaims_data()
{
    QTest::addColumn<QString>("package");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("capability");
    QTest::addColumn<QString>("user");
    QTest::addRow("fping is shipped with cap_net_raw")
        << u"fping"_s << u"fping"_s << u"/usr/bin/fping"_s << u"CAP_NET_RAW"_s << QString();
    QTest::addRow("mtr-packet is shipped with cap_net_raw")
        << u"mtr-tiny"_s << u"mtr-packet"_s << u"/usr/bin/mtr-packet"_s << u"CAP_NET_RAW"_s << QString();
    QTest::addRow("chronyd-restricted grants CAP_SYS_TIME alone")
        << u"chrony"_s << u"chronyd"_s << u"/usr/lib/systemd/system/chronyd-restricted.service"_s << u"CAP_SYS_TIME"_s
        << u"_chrony"_s;
    QTest::addRow("node exporter runs as prometheus without capabilities")
        << u"prometheus-node-exporter"_s << u"node_exporter"_s
        << u"/usr/lib/systemd/system/prometheus-node-exporter.service"_s << QString() << u"prometheus"_s;
    QTest::addRow("blackbox exporter runs as prometheus without capabilities")
        << u"prometheus-blackbox-exporter"_s << u"blackbox_exporter"_s
        << u"/usr/lib/systemd/system/prometheus-blackbox-exporter.service"_s << QString() << u"prometheus"_s;
}

void CatalogTest::wellKnownPackagesGrantExactlyTheCatalogsClaims()
{
    // Five well-known agents, checked in both directions: the real package grants exactly this,
    // and the catalog claims it unconditionally for that agent. The build root has every one of
    // these packages, so there a missing one is a failure.
    QFETCH(QString, package);
    QFETCH(QString, id);
    QFETCH(QString, path);
    QFETCH(QString, capability);
    QFETCH(QString, user);
    QVERIFY2(buildRootPackages().contains(package), qPrintable(package + u" is not in tools/devroot/packages.txt"_s));
    DEROOT_REQUIRE_TOOL(packageInstalled(package), u"the Debian package "_s + package);
    const AgentCatalog catalog = builtin();
    const CatalogEntry *entry = catalog.entry(id);
    QVERIFY(entry);
    QSet<QString> unconditional;
    for (const CatalogClaim &claim : entry->capabilities) {
        if (claim.when.isEmpty()) {
            unconditional.insert(claim.name);
        }
    }
    const QSet<QString> expected = capability.isEmpty() ? QSet<QString>{} : QSet<QString>{capability};
    if (user.isEmpty()) {
        QCOMPARE(fileCapabilities(path), expected);
    } else {
        const UnitSettings unit = readUnit(path);
        QCOMPARE(unit.user, user);
        QCOMPARE(unit.ambient, expected);
        if (!capability.isEmpty()) {
            QVERIFY(unit.boundingSet && !unit.boundingInverted);
            QCOMPARE(unit.bounding, expected);
        }
    }
    QCOMPARE(unconditional, expected);
}

void CatalogTest::goModulesAreInTheDebianBinaries_data()
{
    // As for the grants: a row everywhere for a package the build root has, elsewhere only where
    // the program is installed.
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("module");
    const AgentCatalog catalog = builtin();
    for (const CatalogEntry &entry : catalog.entries()) {
        for (const QString &executable : entry.executables) {
            if (executable.startsWith(u'/') && !entry.goModules.isEmpty() && !entry.debianPackages.isEmpty() &&
                (!buildRootPackage(entry).isEmpty() || QFileInfo::exists(executable))) {
                QTest::addRow("%s %s", qPrintable(entry.id), qPrintable(executable))
                    << executable << entry.goModules.constFirst();
            }
        }
    }
}

void CatalogTest::goModulesAreInTheDebianBinaries()
{
    // Go records its main package path in the binary's build information ("path\t<module>\n"),
    // which is what the Go inspector reads; Debian's builds keep it.
    QFETCH(QString, path);
    QFETCH(QString, module);
    QFile file(path);
    DEROOT_REQUIRE_TOOL(file.exists(), path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray content = file.readAll();
    const QByteArray line = "path\t" + module.toUtf8();
    QVERIFY2(content.contains(QByteArray(line + "\n")) || content.contains(QByteArray(line + "/")), qPrintable(module));
}

QTEST_GUILESS_MAIN(CatalogTest)
#include "catalog_test.moc"
