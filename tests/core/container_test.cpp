// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// The container method's generators, pinned by golden files, the Compose file and the Quadlet unit
// passed through the real docker-compose config and quadlet -dryrun, the Kubernetes manifest
// re-parsed by a small YAML reader (no validator works offline), and the container conflicts.
//
// Refresh the golden files on purpose, then review the diff:
//   tools/refresh-golden               (sets DEROOT_REFRESH_GOLDEN=1 and runs the golden tests)
#include "golden.h"
#include "requiretool.h"

#include "core/generate/conflicts.h"
#include "core/generate/container.h"
#include "core/generate/generator.h"
#include "core/generate/inputvalidation.h"
#include "core/model/capabilities.h"
#include "core/validate/artifactvalidation.h"
#include "core/validate/containervalidation.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace Deroot::Core;
using namespace Qt::StringLiterals;
using namespace Deroot::TestSupport;

using ArtifactList = QList<Artifact>;
Q_DECLARE_METATYPE(ArtifactList)

class ContainerTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void goldenFiles_data();
    void goldenFiles();
    void emptyImageIsRefused();
    void planHasOnlyContainerArtifactsAndNoConflict();
    void conflicts_data();
    void conflicts();
    void argumentsSurviveEachFormat();
    void validatorsReportProblems();
    void yamlReaderRefusesBrokenStructure_data();
    void yamlReaderRefusesBrokenStructure();

private:
    static QString dataDir() { return QStringLiteral(DEROOT_TEST_DATA) + u"/generate/container"_s; }
};

namespace {

QStringList strings(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &item : value.toArray()) {
        list << item.toString();
    }
    return list;
}

// A reader for the YAML subset the generators write (block mappings and sequences indented by
// spaces, flow sequences, single-quoted scalars): enough to prove the indentation says what the
// manifest means, since no Kubernetes validator runs offline and python3-yaml is not in the root.
class YamlReader
{
public:
    explicit YamlReader(const QString &text)
    {
        for (const QString &raw : text.split(u'\n')) {
            const QString trimmed = raw.trimmed();
            if (trimmed.isEmpty() || trimmed.startsWith(u'#')) {
                continue;
            }
            if (raw.contains(u'\t')) {
                m_error = u"tab in %1"_s.arg(raw);
            }
            qsizetype indent = 0;
            while (raw.at(indent) == u' ') {
                ++indent;
            }
            m_lines.append({int(indent), trimmed});
        }
    }

    std::optional<QJsonValue> read()
    {
        if (m_lines.isEmpty() || !m_error.isEmpty() || m_lines.first().indent != 0) {
            return std::nullopt;
        }
        const QJsonValue root = block(0);
        if (!m_error.isEmpty() || m_next != m_lines.size()) {
            if (m_error.isEmpty()) {
                m_error = u"unexpected line: "_s + m_lines.at(m_next).text;
            }
            return std::nullopt;
        }
        return root;
    }
    QString error() const { return m_error; }

private:
    struct Line
    {
        int indent;
        QString text;
    };

    static QJsonValue scalar(const QString &text)
    {
        const QString s = text.trimmed();
        if (s.startsWith(u'[') && s.endsWith(u']')) {
            QJsonArray array;
            // Items are plain or single-quoted; a quoted item may hold ", ".
            QString item;
            bool quoted = false;
            const QString inner = s.mid(1, s.size() - 2);
            for (qsizetype i = 0; i < inner.size(); ++i) {
                const QChar c = inner.at(i);
                if (c == u'\'') {
                    quoted = !quoted;
                } else if (c == u',' && !quoted) {
                    array.append(scalar(item));
                    item.clear();
                    continue;
                }
                item += c;
            }
            if (!item.trimmed().isEmpty()) {
                array.append(scalar(item));
            }
            return array;
        }
        if (s.size() >= 2 && s.startsWith(u'\'') && s.endsWith(u'\'')) {
            return s.mid(1, s.size() - 2).replace(u"''"_s, u"'"_s);
        }
        if (s == u"true" || s == u"false") {
            return s == u"true";
        }
        return s;
    }

    QJsonValue block(int indent)
    {
        if (m_lines.at(m_next).text.startsWith(u"- "_s)) {
            QJsonArray array;
            while (m_next < m_lines.size() && m_lines.at(m_next).indent == indent &&
                   m_lines.at(m_next).text.startsWith(u"- "_s)) {
                const QString rest = m_lines.at(m_next).text.mid(2);
                if (rest.contains(u": "_s) || rest.endsWith(u':')) {
                    m_lines[m_next] = {indent + 2, rest}; // "- key: value" opens a mapping
                    array.append(block(indent + 2));
                } else {
                    array.append(scalar(rest));
                    ++m_next;
                }
            }
            return array;
        }
        QJsonObject object;
        while (m_next < m_lines.size() && m_lines.at(m_next).indent == indent &&
               !m_lines.at(m_next).text.startsWith(u"- "_s)) {
            const QString text = m_lines.at(m_next).text;
            const qsizetype colon = text.endsWith(u':') ? text.size() - 1 : text.indexOf(u": "_s);
            if (colon <= 0) {
                m_error = u"not a key: "_s + text;
                return object;
            }
            const QString key = text.left(colon);
            if (object.contains(key)) {
                m_error = u"duplicate key "_s + key;
            }
            ++m_next;
            if (colon == text.size() - 1) {
                if (m_next >= m_lines.size() || m_lines.at(m_next).indent <= indent) {
                    m_error = u"empty value for "_s + key;
                    return object;
                }
                object.insert(key, block(m_lines.at(m_next).indent));
            } else {
                object.insert(key, scalar(text.mid(colon + 2)));
            }
        }
        return object;
    }

    QList<Line> m_lines;
    qsizetype m_next = 0;
    QString m_error;
};

// The value at a dotted path ("spec.template.spec.containers.0.image").
QJsonValue at(QJsonValue value, const QString &path)
{
    for (const QString &part : path.split(u'.')) {
        bool index = false;
        const int n = part.toInt(&index);
        value = index ? value.toArray().at(n) : value.toObject().value(part);
    }
    return value;
}

Artifact artifact(const QString &id, const QString &content, bool command = false)
{
    Artifact a;
    a.id = id;
    a.isCommand = command;
    a.targetPath = command ? u"/usr/bin/docker"_s : u"/etc/deroot/containers/x/"_s + id;
    a.content = content;
    return a;
}

} // namespace

void ContainerTest::goldenFiles_data()
{
    QTest::addColumn<QString>("name");
    const QStringList inputs = QDir(dataDir() + u"/input"_s).entryList({u"*.json"_s}, QDir::Files, QDir::Name);
    QVERIFY(inputs.size() >= 3);
    for (const QString &file : inputs) {
        QTest::addRow("%s", qPrintable(file.chopped(5))) << file.chopped(5);
    }
}

void ContainerTest::goldenFiles()
{
    QFETCH(QString, name);
    const Result<GoldenInput> golden = readGoldenInput(dataDir() + u"/input/"_s + name + u".json"_s, Method::Container);
    QVERIFY2(golden, golden ? "" : qPrintable(golden.error().message));
    const GenerationInput &input = golden->input;
    const auto invalid = validateGenerationInput(input);
    QVERIFY2(!invalid, invalid ? qPrintable(invalid->message) : "");

    const QList<Artifact> artifacts = containerArtifacts(input);
    QCOMPARE(artifacts.size(), 4);
    const QStringList suffixes{u".docker-run.sh"_s, u".compose.yml"_s, u".container"_s, u".daemonset.yaml"_s};
    const QStringList ids{u"docker-run"_s, u"compose"_s, u"quadlet"_s, u"kubernetes"_s};
    for (qsizetype i = 0; i < artifacts.size(); ++i) {
        QCOMPARE(artifacts[i].id, ids[i]);
        QVERIFY(!artifacts[i].purpose.contains(u'\n'));
        const QString problem = compareGolden(dataDir() + u"/expected/"_s + name + suffixes[i], artifacts[i].content);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }
    const Artifact &dockerRun = artifacts[0];
    const Artifact &compose = artifacts[1];
    const Artifact &quadlet = artifacts[2];
    const Artifact &kubernetes = artifacts[3];
    QVERIFY(dockerRun.isCommand);
    QCOMPARE(quadlet.targetPath, u"/etc/containers/systemd/deroot-%1.container"_s.arg(input.agentId));
    // One name for one agent (P16): the DaemonSet's file is named after the agent id like the other
    // files, "_" included; only its metadata.name must be a DNS-1123 label.
    QCOMPARE(kubernetes.targetPath, u"/etc/deroot/containers/%1/deroot-%1-daemonset.yaml"_s.arg(input.agentId));

    // The decisions the inputs pin: who runs inside, and which Pod Security profile is met.
    const ContainerDecisions decisions = containerDecisions(input);
    const QJsonValue rootInside = golden->expect.value(u"root_inside");
    const QJsonValue profile = golden->expect.value(u"pod_security_profile");
    QVERIFY2(rootInside.isBool() && profile.isString(),
             "every container input pins expect.root_inside and expect.pod_security_profile");
    QCOMPARE(decisions.rootInside, rootInside.toBool());
    QCOMPARE(decisions.podSecurityProfile, profile.toString());
    QVERIFY(
        kubernetes.content.contains(u"# Pod Security Standards: meets \"%1\"."_s.arg(decisions.podSecurityProfile)));
    QVERIFY(kubernetes.purpose.contains(decisions.podSecurityProfile));
    QCOMPARE(dockerRun.content.contains(u"--user 65534:65534"_s), !decisions.rootInside);
    // Podman keeps a non-root user's added capabilities (ambient): always non-root there.
    QVERIFY(quadlet.content.contains(u"\nUser=65534\n"_s));
    QCOMPARE(decisions.hostNetwork, input.containerHost.network || input.addressFamilies.contains(u"AF_PACKET"_s) ||
                                        decisions.capabilities.contains(u"NET_ADMIN"_s));
    QCOMPARE(dockerRun.content.contains(u"--network host"_s), decisions.hostNetwork);
    QCOMPARE(dockerRun.content.contains(u"--pid host"_s), decisions.hostPid);
    // The catalog's host access reaches every format alike: the host's / read-only at /host, and
    // the arguments the agent then needs after its own.
    QCOMPARE(decisions.mountRoot, input.containerHost.root);
    QCOMPARE(dockerRun.content.contains(u"-v /:/host:ro,rslave"_s), decisions.mountRoot);
    QCOMPARE(quadlet.content.contains(u"\nVolume=/:/host:ro,rslave\n"_s), decisions.mountRoot);
    for (const QString &argument : input.containerHost.arguments) {
        QVERIFY(decisions.arguments.contains(argument));
        QVERIFY(dockerRun.content.contains(u' ' + argument));
    }
    QCOMPARE(decisions.arguments.mid(0, input.arguments.size()), input.arguments);
    QCOMPARE(decisions.image, input.containerImage);
    QVERIFY(!decisions.image.isEmpty());

    // A generated plan never trips its own conflict matrix.
    const QList<Conflict> conflicts = detectConflicts(input, artifacts);
    QVERIFY2(conflicts.isEmpty(), conflicts.isEmpty() ? "" : qPrintable(conflicts.first().consequence));

    // Both YAML files read back with the structure the generator meant.
    YamlReader composeReader(compose.content);
    const auto composeYaml = composeReader.read();
    QVERIFY2(composeYaml, qPrintable(composeReader.error()));
    const QJsonValue service = at(*composeYaml, u"services."_s + input.agentId);
    QCOMPARE(service[u"read_only"].toBool(), true);
    QCOMPARE(service[u"cap_drop"].toArray(), QJsonArray{u"ALL"_s});
    QCOMPARE(service[u"security_opt"].toArray(), QJsonArray{u"no-new-privileges:true"_s});
    QCOMPARE(service[u"user"].isUndefined(), decisions.rootInside);
    QStringList composeArguments = decisions.arguments; // Compose writes "$" as "$$" (no interpolation)
    for (QString &argument : composeArguments) {
        argument.replace(u'$', u"$$"_s);
    }
    QCOMPARE(strings(service[u"command"]), composeArguments);
    QCOMPARE(strings(service[u"volumes"]).contains(u"/:/host:ro,rslave"_s), decisions.mountRoot);
    QCOMPARE(service[u"pid"].toString() == u"host", decisions.hostPid);

    YamlReader kubernetesReader(kubernetes.content);
    const auto manifest = kubernetesReader.read();
    QVERIFY2(manifest, qPrintable(kubernetesReader.error()));
    QCOMPARE(at(*manifest, u"kind"_s).toString(), u"DaemonSet"_s);
    const QString podName = at(*manifest, u"metadata.name"_s).toString();
    QCOMPARE(podName, u"deroot-"_s + QString(input.agentId).replace(u'_', u'-'));
    QVERIFY2(QRegularExpression(u"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"_s).match(podName).hasMatch() && podName.size() <= 63,
             qPrintable(podName));
    QCOMPARE(at(*manifest, u"spec.selector.matchLabels"_s), at(*manifest, u"spec.template.metadata.labels"_s));
    const QJsonValue pod = at(*manifest, u"spec.template.spec"_s);
    const QJsonValue container = at(pod, u"containers.0"_s);
    QCOMPARE(at(container, u"securityContext.allowPrivilegeEscalation"_s).toBool(true), false);
    QCOMPARE(at(container, u"securityContext.readOnlyRootFilesystem"_s).toBool(), true);
    QCOMPARE(at(container, u"securityContext.capabilities.drop"_s).toArray(), QJsonArray{u"ALL"_s});
    QCOMPARE(at(pod, u"securityContext.seccompProfile.type"_s).toString(), u"RuntimeDefault"_s);
    QCOMPARE(at(pod, u"securityContext.runAsNonRoot"_s).toBool(), !decisions.rootInside);
    QCOMPARE(at(container, u"image"_s).toString(), decisions.image);
    QCOMPARE(strings(at(container, u"args"_s)), decisions.arguments);
    bool rootMounted = false;
    for (const QJsonValue mount : at(container, u"volumeMounts"_s).toArray()) {
        if (mount[u"mountPath"].toString() == u"/host") {
            rootMounted = true;
            QCOMPARE(mount[u"readOnly"].toBool(), true);
            QCOMPARE(mount[u"mountPropagation"].toString(), u"HostToContainer"_s);
        } else if (mount[u"mountPath"].toString().startsWith(u"/host")) {
            QCOMPARE(mount[u"readOnly"].toBool(), true);
        }
    }
    QCOMPARE(rootMounted, decisions.mountRoot);
    QCOMPARE(at(pod, u"hostNetwork"_s).toBool(), decisions.hostNetwork);
    QCOMPARE(at(pod, u"hostPID"_s).toBool(), decisions.hostPid);
    QStringList added = strings(at(container, u"securityContext.capabilities.add"_s));
    QCOMPARE(added, decisions.capabilities);
    // "restricted" as the Pod Security Standards define it, checked on the parsed manifest.
    const bool restricted = at(pod, u"securityContext.runAsNonRoot"_s).toBool() && !decisions.hostNetwork &&
                            !decisions.hostPid && !kubernetes.content.contains(u"hostPath:"_s) &&
                            (added.isEmpty() || added == QStringList{u"NET_BIND_SERVICE"_s});
    QCOMPARE(restricted, decisions.podSecurityProfile == u"restricted");

    // The real validators, as the build root has them (tools/devroot/packages.txt).
    const ValidationResult composeResult = validateCompose(compose.content);
    DEROOT_REQUIRE_TOOL(composeResult.available, composeResult.summary);
    QVERIFY2(composeResult.ok, qPrintable(composeResult.summary + u'\n' + composeResult.output));
    const ValidationResult quadletResult = validateQuadlet(quadlet.content, quadlet.targetPath.section(u'/', -1));
    DEROOT_REQUIRE_TOOL(quadletResult.available, quadletResult.summary);
    QVERIFY2(quadletResult.ok, qPrintable(quadletResult.summary + u'\n' + quadletResult.output));
    // Quadlet turns the unit into podman run: the capabilities and the user reach it.
    for (const QString &capability : decisions.capabilities) {
        QVERIFY2(quadletResult.output.contains(u"--cap-add cap_"_s + capability.toLower()),
                 qPrintable(quadletResult.output));
    }
    QVERIFY2(quadletResult.output.contains(u"--user 65534:65534"_s), qPrintable(quadletResult.output));
    QCOMPARE(quadletResult.output.contains(u"-v /:/host:ro,rslave"_s), decisions.mountRoot);
    QCOMPARE(quadletResult.output.contains(u"--pid=host"_s), decisions.hostPid);
    QCOMPARE(quadletResult.output.contains(u"--network host"_s), decisions.hostNetwork);
}

void ContainerTest::emptyImageIsRefused()
{
    // No placeholder image any more: a container plan without one is refused before any file is
    // made, with a message naming the field.
    Result<GoldenInput> golden = readGoldenInput(dataDir() + u"/input/fping.json"_s, Method::Container);
    QVERIFY2(golden, golden ? "" : qPrintable(golden.error().message));
    GenerationInput input = golden->input;
    input.containerImage.clear();
    const auto invalid = validateGenerationInput(input);
    QVERIFY(invalid);
    QCOMPARE(invalid->code, ExitCode::Usage);
    QVERIFY2(invalid->message.contains(u"container image is empty"_s), qPrintable(invalid->message));
    const auto plan = generatePlan(input);
    QVERIFY(!plan);
    // The other methods need no image.
    input.method = Method::Capabilities;
    QVERIFY(!validateGenerationInput(input));
    // Host access belongs to the container method only.
    input.containerHost.pid = true;
    QVERIFY(validateGenerationInput(input));
    input.method = Method::Container;
    input.containerImage = u"registry.example.org/fping:5.1"_s;
    QVERIFY(!validateGenerationInput(input));
    input.containerHost.arguments = {u"--path.rootfs=/host; rm -rf /"_s};
    QVERIFY(validateGenerationInput(input));
}

void ContainerTest::planHasOnlyContainerArtifactsAndNoConflict()
{
    const Result<GoldenInput> golden = readGoldenInput(dataDir() + u"/input/fping.json"_s, Method::Container);
    QVERIFY2(golden, golden ? "" : qPrintable(golden.error().message));
    const auto plan = generatePlan(golden->input);
    QVERIFY2(plan, plan ? "" : qPrintable(plan.error().message));
    QStringList ids;
    for (const Artifact &a : plan->artifacts) {
        ids << a.id;
    }
    QCOMPARE(ids, (QStringList{u"docker-run"_s, u"compose"_s, u"quadlet"_s, u"kubernetes"_s}));
    QVERIFY(plan->conflicts.isEmpty());
    const QList<ArtifactValidation> validations = validateArtifacts(plan->artifacts);
    QCOMPARE(validations.size(), 2);
    for (const ArtifactValidation &v : validations) {
        DEROOT_REQUIRE_TOOL(v.result.available, v.result.summary);
        QVERIFY2(v.result.ok, qPrintable(v.result.summary + u'\n' + v.result.output));
    }
}

void ContainerTest::conflicts_data()
{
    QTest::addColumn<ArtifactList>("artifacts");
    QTest::addColumn<QStringList>("expected");
    const auto run = [](const QString &line) { return artifact(u"docker-run"_s, line, true); };
    const auto setcap = [](const QString &line) { return artifact(u"setcap"_s, line, true); };

    QTest::addRow("docker: non-root --user with --cap-add")
        << ArtifactList{run(u"docker run --user 1000:1000 --cap-drop ALL --cap-add NET_RAW img"_s)}
        << QStringList{u"docker-non-root-cap-add"_s};
    QTest::addRow("docker: --user=name form")
        << ArtifactList{run(u"docker run --user=nobody --cap-add=CAP_NET_RAW img"_s)}
        << QStringList{u"docker-non-root-cap-add"_s};
    QTest::addRow("docker: the guide's example (multi-line, non-root, no-new-privileges)")
        << ArtifactList{run(u"docker run -d \\\n  --user 65534 \\\n  --cap-drop ALL \\\n  --cap-add SYS_PTRACE \\\n"
                            u"  --security-opt no-new-privileges \\\n  img"_s)}
        << QStringList{u"docker-non-root-cap-add"_s};
    QTest::addRow("docker: root with --cap-add is fine")
        << ArtifactList{run(u"docker run --cap-drop ALL --cap-add NET_RAW --security-opt no-new-privileges img"_s)}
        << QStringList{};
    QTest::addRow("docker: --user root with --cap-add is fine")
        << ArtifactList{run(u"docker run --user 0:0 --cap-drop ALL --cap-add NET_RAW img"_s)} << QStringList{};
    QTest::addRow("docker: commented-out --user is ignored")
        << ArtifactList{run(u"# docker run --user 1000\ndocker run --cap-drop ALL --cap-add NET_RAW img"_s)}
        << QStringList{};
    QTest::addRow("docker: non-root without capabilities is fine")
        << ArtifactList{run(u"docker run --user 65534:65534 --cap-drop ALL img"_s)} << QStringList{};
    QTest::addRow("compose: non-root user with cap_add")
        << ArtifactList{artifact(u"compose"_s, u"services:\n  a:\n    image: x\n    user: '1000'\n    cap_add:\n"
                                               u"      - NET_RAW\n"_s)}
        << QStringList{u"docker-non-root-cap-add"_s};
    QTest::addRow("compose: root with cap_add is fine")
        << ArtifactList{artifact(u"compose"_s, u"services:\n  a:\n    image: x\n    cap_drop:\n      - ALL\n"
                                               u"    cap_add:\n      - NET_RAW\n"_s)}
        << QStringList{};
    QTest::addRow("docker: non-root, no-new-privileges and setcap")
        << ArtifactList{run(u"docker run --user 1000 --security-opt no-new-privileges img"_s),
                        setcap(u"setcap cap_net_bind_service+ep /usr/bin/agent"_s)}
        << QStringList{u"docker-no-new-privileges-file-capabilities"_s};
    QTest::addRow("file capabilities beyond --cap-drop ALL")
        << ArtifactList{run(u"docker run --cap-drop ALL --cap-add NET_BIND_SERVICE img"_s),
                        setcap(u"setcap cap_net_raw+ep /usr/bin/fping"_s)}
        << QStringList{u"file-capabilities-exceed-container-set"_s};
    QTest::addRow("file capabilities beyond Docker's default set")
        << ArtifactList{run(u"docker run img"_s), setcap(u"setcap cap_sys_time+ep /usr/sbin/chronyd"_s)}
        << QStringList{u"file-capabilities-exceed-container-set"_s};
    QTest::addRow("file capabilities within Docker's default set are fine")
        << ArtifactList{run(u"docker run img"_s), setcap(u"setcap cap_net_raw+ep /usr/bin/fping"_s)} << QStringList{};
    QTest::addRow("file capabilities without the effective bit are fine")
        << ArtifactList{run(u"docker run --cap-drop ALL img"_s), setcap(u"setcap cap_net_raw+p /usr/bin/fping"_s)}
        << QStringList{};
    QTest::addRow("kubernetes: non-root with added capabilities")
        << ArtifactList{artifact(u"kubernetes"_s, u"spec:\n  securityContext:\n    runAsNonRoot: true\n"
                                                  u"  capabilities:\n    add: [NET_RAW]\n"_s)}
        << QStringList{u"kubernetes-restricted-capabilities"_s};
    QTest::addRow("kubernetes: runAsUser 1000 and NET_BIND_SERVICE")
        << ArtifactList{artifact(u"kubernetes"_s, u"spec:\n  securityContext:\n    runAsUser: 1000\n"
                                                  u"  capabilities:\n    add: ['NET_BIND_SERVICE']\n"_s)}
        << QStringList{u"kubernetes-restricted-capabilities"_s};
    QTest::addRow("kubernetes: root with added capabilities is fine")
        << ArtifactList{artifact(u"kubernetes"_s, u"spec:\n  securityContext:\n    runAsNonRoot: false\n"
                                                  u"    runAsUser: 0\n  capabilities:\n    add: [NET_RAW]\n"_s)}
        << QStringList{};
    QTest::addRow("kubernetes: non-root without capabilities is fine")
        << ArtifactList{artifact(u"kubernetes"_s, u"spec:\n  securityContext:\n    runAsNonRoot: true\n"
                                                  u"  capabilities:\n    drop: [ALL]\n"_s)}
        << QStringList{};
}

void ContainerTest::conflicts()
{
    QFETCH(ArtifactList, artifacts);
    QFETCH(QStringList, expected);
    GenerationInput input;
    input.method = Method::Container;
    QStringList ids;
    for (const Conflict &conflict : detectConflicts(input, artifacts)) {
        ids << conflict.id;
        QVERIFY(!conflict.consequence.isEmpty() && !conflict.fix.isEmpty());
    }
    QCOMPARE(ids, expected);
}

void ContainerTest::argumentsSurviveEachFormat()
{
    // Words a shell, Compose's interpolation or systemd would otherwise split, expand or cut.
    GenerationInput input;
    input.method = Method::Container;
    input.agentId = u"agent"_s;
    input.serviceUser = u"agent"_s;
    input.executable = u"/usr/bin/agent"_s;
    input.containerImage = u"registry.example.org/agent:1.0"_s;
    input.arguments = {u"it's"_s, u"$HOME"_s, u"${PATH}"_s, u"a b"_s,   u"`id`"_s,    u"$(id)"_s, u";"_s,
                       u"#x"_s,   u"*"_s,     u"~"_s,       u"{a,b}"_s, u"--x='y'"_s, u"&"_s,     u"|"_s};
    const auto invalid = validateGenerationInput(input);
    QVERIFY2(!invalid, invalid ? qPrintable(invalid->message) : "");
    const QList<Artifact> artifacts = containerArtifacts(input);

    // The docker run line, run by sh with a docker() that prints its arguments one per line.
    QProcess shell;
    shell.start(u"/bin/sh"_s, {u"-c"_s, u"docker() { printf '%s\\n' \"$@\"; }\n"_s + artifacts[0].content});
    QVERIFY(shell.waitForFinished(10000));
    QCOMPARE(shell.exitCode(), 0);
    const QStringList words = QString::fromUtf8(shell.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
    QVERIFY(words.size() > input.arguments.size());
    QCOMPARE(words.mid(words.size() - input.arguments.size()), input.arguments);

    // The Kubernetes args, re-read.
    YamlReader reader(artifacts[3].content);
    const auto manifest = reader.read();
    QVERIFY2(manifest, qPrintable(reader.error()));
    QCOMPARE(strings(at(*manifest, u"spec.template.spec.containers.0.args"_s)), input.arguments);

    // Compose, as docker-compose itself reads the file (its output writes a literal '$' as "$$").
    QTemporaryDir dir;
    QVERIFY(writeText(dir.filePath(u"docker-compose.yml"_s), artifacts[1].content));
    QProcess compose;
    compose.setWorkingDirectory(dir.path());
    compose.start(u"docker-compose"_s, {u"-f"_s, u"docker-compose.yml"_s, u"config"_s, u"--format"_s, u"json"_s});
    DEROOT_REQUIRE_TOOL(compose.waitForStarted(10000), QStringLiteral("docker-compose is not installed here"));
    QVERIFY(compose.waitForFinished(30000));
    QCOMPARE(compose.exitCode(), 0);
    const QJsonObject config = QJsonDocument::fromJson(compose.readAllStandardOutput()).object();
    QStringList expected;
    for (const QString &argument : std::as_const(input.arguments)) {
        expected << QString(argument).replace(u"$"_s, u"$$"_s);
    }
    QCOMPARE(strings(config[u"services"][u"agent"][u"command"]), expected);

    // Quadlet accepts the quoted Exec= and keeps every '$' escaped for systemd ("$$").
    const ValidationResult quadlet = validateQuadlet(artifacts[2].content, u"deroot-agent.container"_s);
    DEROOT_REQUIRE_TOOL(quadlet.available, quadlet.summary);
    QVERIFY2(quadlet.ok, qPrintable(quadlet.summary + u'\n' + quadlet.output));
    QVERIFY2(quadlet.output.contains(u"\"$$(id)\""_s) && quadlet.output.contains(u"$$HOME"_s),
             qPrintable(quadlet.output));
}

void ContainerTest::validatorsReportProblems()
{
    // The file name is checked before anything is written: no traversal, no trailing newline.
    for (const QString &name : {u"../x.container"_s, u"x.container\n"_s, u"x.service"_s, u".container"_s}) {
        QVERIFY2(!validateQuadlet(u"[Container]\nImage=x\n"_s, name).ok, qPrintable(name));
    }
    const ValidationResult badCompose = validateCompose(u"services:\n  a:\n    image: x\n    bogus: 1\n"_s);
    DEROOT_REQUIRE_TOOL(badCompose.available, badCompose.summary);
    QVERIFY(!badCompose.ok);
    QVERIFY2(badCompose.summary.contains(u"bogus"_s), qPrintable(badCompose.summary));
    QVERIFY(!badCompose.output.contains(u"/tmp/"_s));
    const ValidationResult badQuadlet =
        validateQuadlet(u"[Container]\nImage=x\nAddCapabilities=CAP_NET_RAW\n"_s, u"deroot-x.container"_s);
    DEROOT_REQUIRE_TOOL(badQuadlet.available, badQuadlet.summary);
    QVERIFY(!badQuadlet.ok);
    QVERIFY2(badQuadlet.summary.contains(u"AddCapabilities"_s), qPrintable(badQuadlet.summary));
    const ValidationResult noImage = validateQuadlet(u"[Container]\nUser=1\n"_s, u"deroot-x.container"_s);
    QVERIFY(!noImage.ok);
}

void ContainerTest::yamlReaderRefusesBrokenStructure_data()
{
    QTest::addColumn<QString>("text");
    QTest::addRow("tab") << u"a:\n\tb: 1\n"_s;
    QTest::addRow("child indented less than a sibling") << u"a:\n    b: 1\n  c: 2\n"_s;
    QTest::addRow("duplicate key") << u"a: 1\na: 2\n"_s;
    QTest::addRow("key without value or children") << u"a:\nb: 1\n"_s;
    QTest::addRow("plain line") << u"a: 1\njust words\n"_s;
}

void ContainerTest::yamlReaderRefusesBrokenStructure()
{
    QFETCH(QString, text);
    YamlReader reader(text);
    QVERIFY(!reader.read());
}

QTEST_GUILESS_MAIN(ContainerTest)
#include "container_test.moc"
