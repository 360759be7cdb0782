// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/generate/container.h"

#include "core/model/capabilities.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Deroot::Core {

namespace {

constexpr int kCapKill = 5;
constexpr int kCapNetAdmin = 12;
constexpr int kCapSysPtrace = 19;

// An unprivileged uid:gid every image can run as: the service user of the host does not exist
// inside the image, and a number needs no /etc/passwd entry there.
const QString kUnprivilegedId = u"65534"_s;

// Capabilities the Pod Security Standards "baseline" profile lets a container add (and, the same
// list, Docker's default set); "restricted" allows NET_BIND_SERVICE only.
const QStringList kBaselineCapabilities{u"AUDIT_WRITE"_s, u"CHOWN"_s,  u"DAC_OVERRIDE"_s,     u"FOWNER"_s,  u"FSETID"_s,
                                        u"KILL"_s,        u"MKNOD"_s,  u"NET_BIND_SERVICE"_s, u"SETFCAP"_s, u"SETGID"_s,
                                        u"SETPCAP"_s,     u"SETUID"_s, u"SYS_CHROOT"_s};

bool under(const QStringList &paths, const QString &directory)
{
    return std::any_of(paths.begin(), paths.end(),
                       [&](const QString &path) { return path == directory || path.startsWith(directory + u'/'); });
}

// One word of a POSIX shell command line: plain words as they are, anything else single-quoted.
QString shellWord(const QString &word)
{
    static const QString kPlain = u"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_./:=,@+-"_s;
    const bool plain =
        !word.isEmpty() && std::all_of(word.begin(), word.end(), [](QChar c) { return kPlain.contains(c); });
    if (plain) {
        return word;
    }
    QString escaped = word;
    escaped.replace(u'\'', u"'\\''"_s);
    return u'\'' + escaped + u'\'';
}

// A YAML single-quoted scalar: nothing in it is special but the quote, written twice. Compose
// also interpolates "$", which "$$" keeps literal.
QString yamlString(const QString &text, bool compose = false)
{
    QString escaped = text;
    escaped.replace(u'\'', u"''"_s);
    if (compose) {
        escaped.replace(u'$', u"$$"_s);
    }
    return u'\'' + escaped + u'\'';
}

QString yamlList(const QStringList &items, bool compose = false)
{
    QStringList quoted;
    for (const QString &item : items) {
        quoted << yamlString(item, compose);
    }
    return u'[' + quoted.join(u", "_s) + u']';
}

// One Quadlet Exec= word, quoted as systemd splits command lines; '$' is written "$$" because the
// generated ExecStart= expands variables. validateGenerationInput() has refused '"', '\\' and '%'.
QString execWord(const QString &word)
{
    static const QString kPlain = u"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_./:=,@+-"_s;
    QString escaped = word;
    escaped.replace(u'$', u"$$"_s);
    const bool plain =
        !word.isEmpty() && std::all_of(word.begin(), word.end(), [](QChar c) { return kPlain.contains(c); });
    return plain ? escaped : u"\""_s + escaped + u"\""_s;
}

// A comment line's text: the description is printable (validateGenerationInput) but could still
// not hold a newline; nothing to do beyond dropping a trailing backslash, which would continue a
// shell or unit line.
QString commentText(const QString &text)
{
    QString result = text;
    while (result.endsWith(u'\\')) {
        result.chop(1);
    }
    return result;
}

QString cpus(int percent)
{
    return QString::number(percent / 100.0, 'f', 2);
}

QString publishedPort(const ListenPort &port)
{
    return u"%1:%1/%2"_s.arg(port.port).arg(port.protocol);
}

// The header every file carries: what it runs and why it is shaped so.
QStringList reasons(const GenerationInput &input, const ContainerDecisions &d, bool podman)
{
    QStringList why;
    if (!d.image.contains(u'@')) {
        why << u"The image %1 is a tag, which can move: pin the digest you reviewed (name@sha256:...)."_s.arg(d.image);
    }
    if (d.capabilities.isEmpty()) {
        why << u"No capability: every one is dropped and the agent runs as the unprivileged uid %1."_s.arg(
            kUnprivilegedId);
    } else if (podman) {
        why << u"%1 only, for the non-root uid %2: Podman sets added capabilities as ambient capabilities for a "
               u"non-root user, so they stay effective, and no_new_privs does not remove ambient ones."_s.arg(
                   d.capabilities.join(u", "_s), kUnprivilegedId);
    } else {
        why << u"Runs as root inside the container with every capability dropped but %1: for a non-root user "
               u"the runtime puts added capabilities only in the bounding set (no ambient capabilities), and "
               u"no_new_privs also blocks file capabilities, so a non-root agent would have none of them."_s.arg(
                   d.capabilities.join(u", "_s));
        why << u"Root inside is still confined (read-only root, no capability beyond those, no_new_privs); map it "
               u"to an unprivileged host uid with user-namespace remapping (dockerd userns-remap)."_s;
    }
    const QString catalog = input.catalogId.isEmpty() ? input.agentId : input.catalogId;
    if (d.hostNetwork) {
        why << (input.containerHost.network
                    ? u"Host network: the catalog entry %1 says the agent measures the host's network."_s.arg(catalog)
                    : u"Host network: the agent needs AF_PACKET or CAP_NET_ADMIN, which act on the host's "
                      u"interfaces."_s);
    }
    if (d.hostPid) {
        why << (input.containerHost.pid
                    ? u"Host PID namespace: the catalog entry %1 says the agent reads the host's processes."_s.arg(
                          catalog)
                    : u"Host PID namespace: the agent reads other processes."_s);
    }
    if (d.mountRoot) {
        why << u"The host's / is mounted read-only at /host, where the agent reads the host's file systems, /proc "
               u"and /sys (the catalog entry %1%2)."_s.arg(catalog,
                                                           input.containerHost.arguments.isEmpty()
                                                               ? QString()
                                                               : u": "_s + input.containerHost.arguments.join(u' '));
    } else if (d.mountProc || d.mountSys) {
        why << u"The host's /proc and /sys are mounted read-only under /host, where the agent reads them."_s;
    }
    if (input.limits.enabled) {
        why << u"Memory, CPU and process limits keep a runaway agent from taking the machine down."_s;
    } else {
        why << u"No resource limits: the admin turned them off."_s;
    }
    return why;
}

QString commentBlock(const QStringList &lines)
{
    QString text;
    for (const QString &line : lines) {
        text += u"# "_s + line + u'\n';
    }
    return text;
}

QString header(const GenerationInput &input, const QString &what)
{
    return u"Generated by Deroot for %1 (%2): %3."_s.arg(
        commentText(input.description.isEmpty() ? input.agentId : input.description), input.agentId, what);
}

Artifact dockerRun(const GenerationInput &input, const ContainerDecisions &d)
{
    QStringList lines{u"docker run --detach --name %1"_s.arg(d.name), u"--restart unless-stopped"_s,
                      u"--read-only --tmpfs /tmp:rw,noexec,nosuid,size=64m"_s};
    QString capabilities = u"--cap-drop ALL"_s;
    for (const QString &capability : d.capabilities) {
        capabilities += u" --cap-add "_s + capability;
    }
    lines << capabilities << u"--security-opt no-new-privileges"_s;
    if (!d.rootInside) {
        lines << u"--user %1:%1"_s.arg(kUnprivilegedId);
    }
    if (d.hostNetwork) {
        lines << u"--network host"_s;
    }
    if (d.hostPid) {
        lines << u"--pid host"_s;
    }
    QStringList volumes;
    if (d.mountRoot) {
        volumes << u"-v /:/host:ro,rslave"_s;
    }
    if (d.mountProc) {
        volumes << u"-v /proc:/host/proc:ro"_s;
    }
    if (d.mountSys) {
        volumes << u"-v /sys:/host/sys:ro"_s;
    }
    if (!volumes.isEmpty()) {
        lines << volumes.join(u' ');
    }
    if (!d.hostNetwork) {
        for (const ListenPort &port : input.listenPorts) {
            lines << u"-p "_s + publishedPort(port);
        }
    }
    if (input.limits.enabled) {
        lines << u"--memory %1m --cpus %2 --pids-limit %3"_s.arg(input.limits.memoryMaxMiB)
                     .arg(cpus(input.limits.cpuQuotaPercent))
                     .arg(input.limits.tasksMax);
    }
    QStringList image{shellWord(d.image)};
    for (const QString &argument : d.arguments) {
        image << shellWord(argument);
    }
    lines << image.join(u' ');

    Artifact artifact;
    artifact.id = u"docker-run"_s;
    artifact.targetPath = u"/usr/bin/docker"_s;
    artifact.isCommand = true;
    artifact.content = commentBlock(QStringList{header(input, u"the docker run line"_s)} + reasons(input, d, false)) +
                       lines.join(u" \\\n    "_s);
    artifact.setPurpose(
        d.rootInside
            ? artifactPhrase(QT_TRANSLATE_NOOP("Deroot::Core::Artifact",
                                               "Runs %1 in a read-only container with only %2, as root inside because "
                                               "Docker gives a non-root user no effective added capability; use "
                                               "userns-remap."))
                  .arg(d.image, d.capabilities.join(u", "_s))
            : artifactPhrase(QT_TRANSLATE_NOOP("Deroot::Core::Artifact",
                                               "Runs %1 in a read-only container as the unprivileged uid %2 with no "
                                               "capability."))
                  .arg(d.image, kUnprivilegedId));
    artifact.validator = u"docker run (no offline check: compose config checks the same settings)"_s;
    artifact.syntax = u"Bash"_s;
    return artifact;
}

Artifact compose(const GenerationInput &input, const ContainerDecisions &d)
{
    QString text = commentBlock(QStringList{header(input, u"the Compose service"_s)} + reasons(input, d, false));
    text += u"services:\n  %1:\n"_s.arg(input.agentId);
    const auto key = [&text](const QString &line) { text += u"    "_s + line + u'\n'; };
    key(u"image: "_s + yamlString(d.image, true));
    key(u"container_name: "_s + d.name);
    key(u"restart: unless-stopped"_s);
    key(u"read_only: true"_s);
    key(u"tmpfs:\n      - /tmp:rw,noexec,nosuid,size=64m"_s);
    key(u"cap_drop:\n      - ALL"_s);
    if (!d.capabilities.isEmpty()) {
        key(u"cap_add:"_s);
        for (const QString &capability : d.capabilities) {
            text += u"      - "_s + capability + u'\n';
        }
    }
    key(u"security_opt:\n      - no-new-privileges:true"_s);
    if (!d.rootInside) {
        key(u"user: '%1:%1'"_s.arg(kUnprivilegedId));
    }
    if (d.hostNetwork) {
        key(u"network_mode: host"_s);
    }
    if (d.hostPid) {
        key(u"pid: host"_s);
    }
    if (d.mountRoot || d.mountProc || d.mountSys) {
        key(u"volumes:"_s);
        if (d.mountRoot) {
            text += u"      - /:/host:ro,rslave\n"_s;
        }
        if (d.mountProc) {
            text += u"      - /proc:/host/proc:ro\n"_s;
        }
        if (d.mountSys) {
            text += u"      - /sys:/host/sys:ro\n"_s;
        }
    }
    if (!d.hostNetwork && !input.listenPorts.isEmpty()) {
        key(u"ports:"_s);
        for (const ListenPort &port : input.listenPorts) {
            text += u"      - '"_s + publishedPort(port) + u"'\n"_s;
        }
    }
    if (input.limits.enabled) {
        key(u"mem_limit: %1m"_s.arg(input.limits.memoryMaxMiB));
        key(u"cpus: %1"_s.arg(cpus(input.limits.cpuQuotaPercent)));
        key(u"pids_limit: %1"_s.arg(input.limits.tasksMax));
    }
    if (!d.arguments.isEmpty()) {
        key(u"command: "_s + yamlList(d.arguments, true));
    }

    Artifact artifact;
    artifact.id = u"compose"_s;
    artifact.targetPath = u"/etc/deroot/containers/%1/docker-compose.yml"_s.arg(input.agentId);
    artifact.content = text;
    artifact.setPurpose(d.rootInside ? artifactPhrase(QT_TRANSLATE_NOOP("Deroot::Core::Artifact",
                                                                        "The same container as the docker run line, "
                                                                        "for docker compose: root inside with only %1, "
                                                                        "because Docker gives a non-root user no "
                                                                        "effective added capability."))
                                           .arg(d.capabilities.join(u", "_s))
                                     : artifactPhrase(QT_TRANSLATE_NOOP("Deroot::Core::Artifact",
                                                                        "The same container as the docker run line, "
                                                                        "for docker compose: the unprivileged uid %1, "
                                                                        "no capability."))
                                           .arg(kUnprivilegedId));
    artifact.validator = u"docker-compose config -q"_s;
    artifact.syntax = u"YAML"_s;
    return artifact;
}

Artifact quadlet(const GenerationInput &input, const ContainerDecisions &d)
{
    QString text =
        commentBlock(QStringList{header(input, u"a Podman Quadlet container unit"_s)} + reasons(input, d, true) +
                     QStringList{u"Check: QUADLET_UNIT_DIRS=DIR /usr/libexec/podman/quadlet -dryrun."_s});
    text += u"\n[Unit]\nDescription=%1\n\n[Container]\n"_s.arg(
        commentText(input.description.isEmpty() ? input.agentId : input.description));
    const auto set = [&text](const QString &key, const QString &value) { text += key + u'=' + value + u'\n'; };
    set(u"Image"_s, d.image);
    set(u"ContainerName"_s, d.name);
    // Podman keeps added capabilities effective for a non-root user (ambient), unlike Docker.
    set(u"User"_s, kUnprivilegedId);
    set(u"Group"_s, kUnprivilegedId);
    set(u"DropCapability"_s, u"all"_s);
    for (const QString &capability : d.capabilities) {
        set(u"AddCapability"_s, u"CAP_"_s + capability);
    }
    set(u"NoNewPrivileges"_s, u"true"_s);
    set(u"ReadOnly"_s, u"true"_s);
    set(u"Tmpfs"_s, u"/tmp:rw,noexec,nosuid,size=64m"_s);
    if (d.hostNetwork) {
        set(u"Network"_s, u"host"_s);
    } else {
        for (const ListenPort &port : input.listenPorts) {
            set(u"PublishPort"_s, publishedPort(port));
        }
    }
    if (d.mountRoot) {
        set(u"Volume"_s, u"/:/host:ro,rslave"_s);
    }
    if (d.mountProc) {
        set(u"Volume"_s, u"/proc:/host/proc:ro"_s);
    }
    if (d.mountSys) {
        set(u"Volume"_s, u"/sys:/host/sys:ro"_s);
    }
    QStringList podmanArgs;
    if (d.hostPid) {
        podmanArgs << u"--pid=host"_s;
    }
    if (input.limits.enabled) {
        set(u"PidsLimit"_s, QString::number(input.limits.tasksMax));
        podmanArgs << u"--memory=%1m"_s.arg(input.limits.memoryMaxMiB)
                   << u"--cpus=%1"_s.arg(cpus(input.limits.cpuQuotaPercent));
    }
    if (!podmanArgs.isEmpty()) {
        set(u"PodmanArgs"_s, podmanArgs.join(u' '));
    }
    if (!d.arguments.isEmpty()) {
        QStringList words;
        for (const QString &argument : d.arguments) {
            words << execWord(argument);
        }
        set(u"Exec"_s, words.join(u' '));
    }
    text += u"\n[Service]\nRestart=on-failure\nRestartSec=5s\n\n[Install]\nWantedBy=multi-user.target\n"_s;

    Artifact artifact;
    artifact.id = u"quadlet"_s;
    artifact.targetPath = u"/etc/containers/systemd/%1.container"_s.arg(d.name);
    artifact.content = text;
    artifact.setPurpose(
        d.capabilities.isEmpty()
            ? artifactPhrase(QT_TRANSLATE_NOOP("Deroot::Core::Artifact",
                                               "Runs %1 under Podman and systemd as the unprivileged uid %2 with no "
                                               "capability."))
                  .arg(d.image, kUnprivilegedId)
            : artifactPhrase(QT_TRANSLATE_NOOP("Deroot::Core::Artifact",
                                               "Runs %1 under Podman and systemd as the unprivileged uid %2 with %3: "
                                               "Podman makes added capabilities ambient for a non-root user, so no "
                                               "root is needed."))
                  .arg(d.image, kUnprivilegedId, d.capabilities.join(u", "_s)));
    artifact.validator = u"quadlet -dryrun"_s;
    artifact.syntax = u"INI Files"_s;
    return artifact;
}

Artifact kubernetes(const GenerationInput &input, const ContainerDecisions &d)
{
    // Kubernetes names are DNS-1123 labels: no '_'. The file keeps the agent's own name, as the unit,
    // the sudoers rule and the profile do, so one agent has one name in the export.
    QString name = d.name;
    name.replace(u'_', u'-');
    QStringList top{header(input, u"a Kubernetes DaemonSet"_s),
                    u"Pod Security Standards: meets \"%1\"."_s.arg(d.podSecurityProfile)};
    if (name != d.name) {
        top << u"Kubernetes names allow no '_': the DaemonSet is called %1."_s.arg(name);
    }
    for (const Phrase &reason : d.podSecurityBreaks) {
        top << u"  - "_s + reason.english;
    }
    if (!d.image.contains(u'@')) {
        top << u"The image %1 is a tag, which can move: pin the digest you reviewed (name@sha256:...)."_s.arg(d.image);
    }
    if (!input.limits.enabled) {
        top << u"No resource limits: the admin turned them off."_s;
    } else {
        top << u"Kubernetes has no per-container process limit: set the kubelet's podPidsLimit for %1."_s.arg(
            input.limits.tasksMax);
    }
    QString text = commentBlock(top);
    text += u"apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: %1\n  labels:\n"
            u"    app.kubernetes.io/name: %1\n    app.kubernetes.io/managed-by: deroot\n"
            u"spec:\n  selector:\n    matchLabels:\n      app.kubernetes.io/name: %1\n"
            u"  template:\n    metadata:\n      labels:\n        app.kubernetes.io/name: %1\n    spec:\n"_s.arg(name);
    text += u"      automountServiceAccountToken: false\n"_s;
    if (d.hostNetwork) {
        text += u"      hostNetwork: true\n"_s;
    }
    if (d.hostPid) {
        text += u"      hostPID: true\n"_s;
    }
    text += u"      securityContext:\n"_s;
    if (d.rootInside) {
        text += u"        runAsNonRoot: false\n        runAsUser: 0\n        runAsGroup: 0\n"_s;
    } else {
        text += u"        runAsNonRoot: true\n        runAsUser: %1\n        runAsGroup: %1\n"_s.arg(kUnprivilegedId);
    }
    text += u"        seccompProfile:\n          type: RuntimeDefault\n"_s;
    text += u"      containers:\n        - name: agent\n          image: %1\n"_s.arg(yamlString(d.image));
    if (!d.arguments.isEmpty()) {
        text += u"          args: %1\n"_s.arg(yamlList(d.arguments));
    }
    text += u"          securityContext:\n            allowPrivilegeEscalation: false\n"
            u"            readOnlyRootFilesystem: true\n            capabilities:\n              drop: [ALL]\n"_s;
    if (!d.capabilities.isEmpty()) {
        text += u"              add: [%1]\n"_s.arg(d.capabilities.join(u", "_s));
    }
    if (input.limits.enabled) {
        text += u"          resources:\n            limits:\n              cpu: %1m\n              memory: %2Mi\n"_s
                    .arg(input.limits.cpuQuotaPercent * 10)
                    .arg(input.limits.memoryMaxMiB);
    }
    if (!input.listenPorts.isEmpty()) {
        text += u"          ports:\n"_s;
        for (const ListenPort &port : input.listenPorts) {
            text += u"            - containerPort: %1\n              protocol: %2\n"_s.arg(port.port).arg(
                port.protocol.toUpper());
        }
    }
    text += u"          volumeMounts:\n            - name: tmp\n              mountPath: /tmp\n"_s;
    if (d.mountRoot) {
        text += u"            - name: host-root\n              mountPath: /host\n              readOnly: true\n"
                u"              mountPropagation: HostToContainer\n"_s;
    }
    if (d.mountProc) {
        text += u"            - name: host-proc\n              mountPath: /host/proc\n              readOnly: true\n"_s;
    }
    if (d.mountSys) {
        text += u"            - name: host-sys\n              mountPath: /host/sys\n              readOnly: true\n"_s;
    }
    text += u"      volumes:\n        - name: tmp\n          emptyDir:\n            medium: Memory\n"
            u"            sizeLimit: 64Mi\n"_s;
    if (d.mountRoot) {
        text += u"        - name: host-root\n          hostPath:\n            path: /\n"_s;
    }
    if (d.mountProc) {
        text += u"        - name: host-proc\n          hostPath:\n            path: /proc\n"_s;
    }
    if (d.mountSys) {
        text += u"        - name: host-sys\n          hostPath:\n            path: /sys\n"_s;
    }

    Artifact artifact;
    artifact.id = u"kubernetes"_s;
    artifact.targetPath = u"/etc/deroot/containers/%1/%2-daemonset.yaml"_s.arg(input.agentId, d.name);
    artifact.content = text;
    if (d.podSecurityBreaks.isEmpty()) {
        artifact.setPurpose(artifactPhrase(QT_TRANSLATE_NOOP("Deroot::Core::Artifact",
                                                             "Runs %1 on every node as a DaemonSet meeting the Pod "
                                                             "Security Standards \"%2\" profile."))
                                .arg(d.image, d.podSecurityProfile));
    } else {
        Phrase breaks = d.podSecurityBreaks.first();
        for (qsizetype i = 1; i < d.podSecurityBreaks.size(); ++i) {
            breaks = breaks + untranslated(u"; "_s) + d.podSecurityBreaks.at(i);
        }
        artifact.setPurpose(artifactPhrase(QT_TRANSLATE_NOOP("Deroot::Core::Artifact",
                                                             "Runs %1 on every node as a DaemonSet meeting the Pod "
                                                             "Security Standards \"%2\" profile (not stricter: %3)."))
                                .arg(untranslated(d.image), untranslated(d.podSecurityProfile), breaks));
    }
    artifact.validator = u"none offline (kubectl apply --dry-run=server needs a cluster)"_s;
    artifact.syntax = u"YAML"_s;
    return artifact;
}

} // namespace

ContainerDecisions containerDecisions(const GenerationInput &input)
{
    ContainerDecisions d;
    d.name = u"deroot-"_s + input.agentId;
    d.image = input.containerImage;
    d.arguments = input.arguments;
    for (const QString &argument : input.containerHost.arguments) {
        if (!d.arguments.contains(argument)) {
            d.arguments << argument;
        }
    }
    QList<int> numbers = input.capabilities;
    std::sort(numbers.begin(), numbers.end());
    numbers.erase(std::unique(numbers.begin(), numbers.end()), numbers.end());
    for (const int number : numbers) {
        const auto info = capabilityByNumber(number);
        const QString name = info ? QString::fromLatin1(info->name) : u"CAP_%1"_s.arg(number);
        d.capabilities << name.mid(4);
    }
    const auto has = [&](int capability) { return numbers.contains(capability); };
    d.hostNetwork = input.containerHost.network || input.addressFamilies.contains(u"AF_PACKET"_s) || has(kCapNetAdmin);
    d.mountRoot = input.containerHost.root;
    // The host's / holds /proc and /sys: reading them needs no mount of their own then.
    d.mountProc = !d.mountRoot && under(input.readPaths, u"/proc"_s);
    d.mountSys = !d.mountRoot && under(input.readPaths, u"/sys"_s);
    d.hostPid = input.containerHost.pid || under(input.readPaths, u"/proc"_s) || has(kCapSysPtrace) || has(kCapKill);
    d.rootInside = !d.capabilities.isEmpty();

    QList<Phrase> privileged;
    if (d.hostNetwork) {
        privileged << (input.containerHost.network
                           ? artifactPhrase(QT_TRANSLATE_NOOP("Deroot::Core::Artifact",
                                                              "hostNetwork: the agent measures the host's network (its "
                                                              "catalog entry)"))
                           : artifactPhrase(QT_TRANSLATE_NOOP("Deroot::Core::Artifact",
                                                              "hostNetwork: the agent needs AF_PACKET or CAP_NET_ADMIN "
                                                              "on the host's interfaces")));
    }
    if (d.hostPid) {
        privileged << artifactPhrase(
            QT_TRANSLATE_NOOP("Deroot::Core::Artifact", "hostPID: the agent reads the host's processes"));
    }
    if (d.mountRoot) {
        privileged << artifactPhrase(
            QT_TRANSLATE_NOOP("Deroot::Core::Artifact", "hostPath volume /: the agent reads the host's file systems"));
    } else if (d.mountProc || d.mountSys) {
        privileged << artifactPhrase(
            QT_TRANSLATE_NOOP("Deroot::Core::Artifact", "hostPath volumes: the agent reads the host's /proc or /sys"));
    }
    QStringList outsideBaseline;
    for (const QString &capability : std::as_const(d.capabilities)) {
        if (!kBaselineCapabilities.contains(capability)) {
            outsideBaseline << capability;
        }
    }
    if (!outsideBaseline.isEmpty()) {
        privileged << artifactPhrase(QT_TRANSLATE_NOOP("Deroot::Core::Artifact",
                                                       "capabilities.add %1: not in the baseline profile's list"))
                          .arg(outsideBaseline.join(u", "_s));
    }
    QList<Phrase> baseline;
    if (d.rootInside) {
        baseline << artifactPhrase(QT_TRANSLATE_NOOP("Deroot::Core::Artifact",
                                                     "runAsNonRoot: false and runAsUser: 0: Kubernetes has no ambient "
                                                     "capabilities, so a non-root container gets none of the added %1 "
                                                     "(allowPrivilegeEscalation: false also blocks file capabilities)"))
                        .arg(d.capabilities.join(u", "_s));
    }
    QStringList beyondRestricted = d.capabilities;
    beyondRestricted.removeAll(u"NET_BIND_SERVICE"_s);
    if (!beyondRestricted.isEmpty() && outsideBaseline.isEmpty()) {
        baseline << artifactPhrase(QT_TRANSLATE_NOOP("Deroot::Core::Artifact",
                                                     "capabilities.add %1: restricted allows NET_BIND_SERVICE only"))
                        .arg(beyondRestricted.join(u", "_s));
    }
    if (!privileged.isEmpty()) {
        d.podSecurityProfile = u"privileged"_s;
        d.podSecurityBreaks = privileged + baseline;
    } else if (!baseline.isEmpty()) {
        d.podSecurityProfile = u"baseline"_s;
        d.podSecurityBreaks = baseline;
    } else {
        d.podSecurityProfile = u"restricted"_s;
    }
    return d;
}

QList<Artifact> containerArtifacts(const GenerationInput &input)
{
    const ContainerDecisions d = containerDecisions(input);
    return {dockerRun(input, d), compose(input, d), quadlet(input, d), kubernetes(input, d)};
}

} // namespace Deroot::Core
