// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// The fleet report's three forms. Every text in it but the headings came from a host's file, so
// each is made one line (text), escaped (HTML) or left to QJsonDocument (JSON) on its way out.
#include "core/base/deroot.h"
#include "core/base/text.h"
#include "core/fleet/fleet.h"
#include "core/inspect/today.h"
#include "core/model/capabilities.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Deroot::Core {

namespace {

QJsonValue textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

QString scoreText(double value)
{
    return QString::number(value, 'f', value == std::floor(value) ? 0 : 1);
}

int rootLevel(const FleetReport &report)
{
    return int(std::count_if(report.entries.cbegin(), report.entries.cend(),
                             [](const FleetEntry &e) { return e.privilege.verdict == u"root-level"; }));
}

QString capabilitiesText(const QStringList &names)
{
    if (names.isEmpty()) {
        return u"no capabilities"_s;
    }
    if (names.size() >= capabilityTable().size()) {
        return u"all capabilities"_s;
    }
    if (names.size() > 4) {
        return names.first(4).join(u", "_s) + u" and %1 more"_s.arg(names.size() - 4);
    }
    return names.join(u", "_s);
}

QString capabilitiesOf(const FleetEntry &entry)
{
    if (entry.kind == u"file" && entry.capabilities.isEmpty()) {
        // A set-id file: what it grants is its owner's or group's rights, not capabilities of its own.
        return entry.runsAsRoot ? u"every capability, as root"_s : u"none on the file"_s;
    }
    return capabilitiesText(entry.capabilities);
}

QString runsAs(const FleetEntry &entry)
{
    if (entry.kind == u"file") {
        QStringList marks;
        if (entry.mode.size() == 4 && (entry.mode.at(0).digitValue() & 4) != 0) {
            marks.append(entry.runsAsRoot ? u"set-uid root"_s : u"set-uid "_s + entry.users.value(0));
        }
        if (entry.mode.size() == 4 && (entry.mode.at(0).digitValue() & 2) != 0) {
            marks.append(u"set-gid"_s);
        }
        marks.append(u"mode "_s + entry.mode);
        return marks.join(u", "_s);
    }
    return entry.runsAsRoot ? u"root"_s : entry.users.join(u", "_s);
}

QString pidsText(const QList<int> &pids)
{
    QStringList list;
    for (qsizetype i = 0; i < pids.size() && i < 6; ++i) {
        list.append(QString::number(pids.at(i)));
    }
    if (pids.size() > 6) {
        list.append(u"and %1 more"_s.arg(pids.size() - 6));
    }
    return list.join(u", "_s);
}

/// Escaped for HTML text and double-quoted attributes, on one line.
QString esc(const QString &text)
{
    return oneLine(text).toHtmlEscaped();
}

QString verdictClass(const QString &verdict)
{
    // From the score, never from a host; kept to the four known words all the same.
    for (const char *known : {"minimal", "low", "elevated", "root-level"}) {
        if (verdict == QLatin1StringView(known)) {
            return QString::fromLatin1(known);
        }
    }
    return u"unknown"_s;
}

} // namespace

QJsonObject toJson(const FleetReport &report)
{
    QJsonArray hosts;
    for (const FleetHost &host : report.hosts) {
        hosts.append(QJsonObject{
            {u"host"_s, host.name},
            {u"file"_s, host.file},
            {u"modified"_s, host.modified.toString(Qt::ISODate)},
            {u"deroot_version"_s, host.derootVersion},
            {u"processes_seen"_s, host.processesSeen},
            {u"entries"_s, host.entries},
            {u"highest_privilege"_s, host.highest},
            {u"notes"_s, QJsonArray::fromStringList(host.notes)},
        });
    }
    QJsonArray entries;
    for (const FleetEntry &entry : report.entries) {
        QJsonArray pids;
        for (const int pid : entry.pids) {
            pids.append(pid);
        }
        const bool file = entry.kind == u"file";
        entries.append(QJsonObject{
            {u"host"_s, entry.host},
            {u"kind"_s, entry.kind},
            {u"key"_s, entry.key},
            {u"user_manager"_s, entry.userManager},
            {u"executable"_s, textOrNull(entry.executable)},
            {u"runs_as_root"_s, entry.runsAsRoot},
            {u"users"_s, QJsonArray::fromStringList(entry.users)},
            {u"pids"_s, pids},
            {u"capabilities"_s, QJsonArray::fromStringList(entry.capabilities)},
            {u"root_equivalent_capabilities"_s, QJsonArray::fromStringList(entry.rootEquivalent)},
            {u"mode"_s, file ? QJsonValue(entry.mode) : QJsonValue()},
            {u"file_capabilities"_s, textOrNull(entry.fileCapabilities)},
            {u"by_design"_s, entry.byDesign},
            {u"suggestion"_s, entry.suggestion},
            {u"privilege"_s,
             QJsonObject{{u"score"_s, entry.privilege.value},
                         {u"verdict"_s, entry.privilege.verdict},
                         {u"basis"_s, entry.privilege.basis ? todayBasisId(*entry.privilege.basis) : u"plan"_s}}},
        });
    }
    QJsonArray problems;
    for (const FleetProblem &problem : report.problems) {
        problems.append(QJsonObject{{u"file"_s, problem.file}, {u"message"_s, problem.message}});
    }
    return QJsonObject{
        {u"schema"_s, QString::fromLatin1(kFleetSchema)},
        {u"deroot_version"_s, version()},
        {u"directory"_s, report.directory},
        {u"summary"_s, QJsonObject{{u"hosts"_s, int(report.hosts.size())},
                                   {u"entries"_s, int(report.entries.size())},
                                   {u"root_level"_s, rootLevel(report)},
                                   {u"left_out"_s, int(report.problems.size())}}},
        {u"hosts"_s, hosts},
        {u"entries"_s, entries},
        {u"left_out"_s, problems},
        {u"ignored"_s, QJsonArray::fromStringList(report.ignored)},
    };
}

QString toText(const FleetReport &report)
{
    QString out;
    // One arg() call with every value: a chained one would read "%3" in a host's text as its own.
    out += u"Fleet audit of %1 hosts in %2: %3 rows, %4 root-level; %5 files left out\n"_s.arg(
        QString::number(report.hosts.size()), quoted(report.directory), QString::number(report.entries.size()),
        QString::number(rootLevel(report)), QString::number(report.problems.size()));
    out += u"\nEffective privilege, highest first (0 an ordinary user, 100 root with every capability)\n"_s;
    for (const FleetEntry &entry : report.entries) {
        const QString kind = entry.byDesign ? entry.kind + u", by design"_s : entry.kind;
        QString line = u"  %1 %2  %3  %4 %5: %6; %7"_s.arg(
            scoreText(entry.privilege.value).rightJustified(5), entry.privilege.verdict.leftJustified(10),
            quoted(entry.host), kind, quoted(entry.key), oneLine(runsAs(entry)), oneLine(capabilitiesOf(entry)));
        if (!entry.fileCapabilities.isEmpty()) {
            line += u" (file: "_s + oneLine(entry.fileCapabilities) + u')';
        }
        if (!entry.pids.isEmpty()) {
            line += u"; PID "_s + pidsText(entry.pids);
        }
        out += line + u'\n';
        out += u"        -> "_s + oneLine(entry.suggestion) + u'\n';
    }
    out += u"\nHosts\n"_s;
    for (const FleetHost &host : report.hosts) {
        out += u"  %1: %2 rows, highest %3; %4 processes seen; audited by Deroot %5; file %6 of %7\n"_s.arg(
            quoted(host.name), QString::number(host.entries), scoreText(host.highest),
            QString::number(host.processesSeen), oneLine(host.derootVersion), quoted(host.file),
            host.modified.toString(Qt::ISODate));
        for (const QString &note : host.notes) {
            out += u"      note: "_s + oneLine(note) + u'\n';
        }
    }
    if (!report.problems.isEmpty()) {
        out += u"\nLeft out\n"_s;
        for (const FleetProblem &problem : report.problems) {
            out += u"  "_s + oneLine(problem.message) + u'\n';
        }
    }
    if (!report.ignored.isEmpty()) {
        out += u"\nNot read (not *.json): "_s;
        QStringList names;
        for (const QString &name : report.ignored) {
            names.append(quoted(name));
        }
        out += names.join(u", "_s) + u'\n';
    }
    return out;
}

QString toHtml(const FleetReport &report)
{
    QString out;
    out += uR"(<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Deroot )"_s +
           esc(version()) + uR"(">
<title>Deroot fleet audit: )"_s +
           QString::number(report.hosts.size()) + uR"( hosts</title>
<style>
body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5em; color: #1d1d1f; background: #fff; }
h1 { font-size: 1.5em; margin: 0 0 .3em; }
h2 { font-size: 1.15em; margin: 1.6em 0 .4em; }
p.summary { margin: 0 0 1em; color: #444; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: .35em .6em; border-bottom: 1px solid #ddd; }
th { background: #f3f3f5; position: sticky; top: 0; }
td.score { font-variant-numeric: tabular-nums; text-align: right; white-space: nowrap; }
td.key { font-family: ui-monospace, monospace; word-break: break-all; }
td.suggestion { color: #444; font-size: .92em; }
tr.by-design td { color: #777; }
span.verdict { display: inline-block; min-width: 5.5em; margin-left: .4em; padding: 0 .4em; border-radius: .6em;
  font-size: .85em; text-align: center; }
.root-level { background: #fbd5d5; color: #8a1010; }
.elevated { background: #fde8c8; color: #7a4100; }
.low { background: #fff6c2; color: #5f5200; }
.minimal { background: #d9f2dd; color: #1e5e2b; }
.unknown { background: #eee; }
ul.problems li { color: #8a1010; }
</style>
</head>
<body>
<h1>Deroot fleet audit</h1>
)"_s;
    out += u"<p class=\"summary\" id=\"summary\">%1 hosts from <code>%2</code>: %3 rows, %4 root-level; %5 files left "
           u"out. Effective privilege: 0 an ordinary user, 100 root with every capability, from what each host's "
           u"audit measured (the unit sandbox not counted).</p>\n"_s.arg(
               QString::number(report.hosts.size()), esc(report.directory), QString::number(report.entries.size()),
               QString::number(rootLevel(report)), QString::number(report.problems.size()));
    out += uR"(<h2>Agents and files, highest privilege first</h2>
<table id="entries">
<thead><tr><th>Privilege</th><th>Host</th><th>Kind</th><th>Agent or file</th><th>Runs as</th><th>Capabilities</th><th>Suggestion</th></tr></thead>
<tbody>
)"_s;
    for (const FleetEntry &entry : report.entries) {
        const QString verdict = verdictClass(entry.privilege.verdict);
        out += entry.byDesign ? u"<tr class=\"by-design\">"_s : u"<tr>"_s;
        out += u"<td class=\"score\">%1<span class=\"verdict %2\">%3</span></td>"_s.arg(
            scoreText(entry.privilege.value), verdict, esc(entry.privilege.verdict));
        out += u"<td class=\"host\">"_s + esc(entry.host) + u"</td>"_s;
        out += u"<td>"_s + esc(entry.byDesign ? entry.kind + u" (by design)"_s : entry.kind) + u"</td>"_s;
        out += u"<td class=\"key\">"_s + esc(entry.key) + u"</td>"_s;
        out += u"<td>"_s + esc(runsAs(entry)) + u"</td>"_s;
        QString caps = capabilitiesOf(entry);
        if (!entry.fileCapabilities.isEmpty()) {
            caps += u" (file: "_s + entry.fileCapabilities + u')';
        }
        out += u"<td title=\""_s + esc(entry.capabilities.join(u", "_s)) + u"\">"_s + esc(caps) + u"</td>"_s;
        out += u"<td class=\"suggestion\">"_s + esc(entry.suggestion) + u"</td></tr>\n"_s;
    }
    out += u"</tbody>\n</table>\n<h2>Hosts</h2>\n<table id=\"hosts\">\n<thead><tr><th>Host</th><th>Highest</th>"
           u"<th>Rows</th><th>Processes seen</th><th>Audited by</th><th>File</th><th>Notes</th></tr></thead>\n"
           u"<tbody>\n"_s;
    for (const FleetHost &host : report.hosts) {
        QStringList notes;
        for (const QString &note : host.notes) {
            notes.append(esc(note));
        }
        out += u"<tr><td class=\"host\">%1</td><td class=\"score\">%2</td><td>%3</td><td>%4</td><td>Deroot %5</td>"
               u"<td class=\"key\">%6 (%7)</td><td>%8</td></tr>\n"_s.arg(
                   esc(host.name), scoreText(host.highest), QString::number(host.entries),
                   QString::number(host.processesSeen), esc(host.derootVersion), esc(host.file),
                   esc(host.modified.toString(Qt::ISODate)), notes.join(u"<br>"_s));
    }
    out += u"</tbody>\n</table>\n"_s;
    if (!report.problems.isEmpty()) {
        out += u"<h2>Files left out</h2>\n<ul class=\"problems\" id=\"left-out\">\n"_s;
        for (const FleetProblem &problem : report.problems) {
            out += u"<li>"_s + esc(problem.message) + u"</li>\n"_s;
        }
        out += u"</ul>\n"_s;
    }
    if (!report.ignored.isEmpty()) {
        QStringList names;
        for (const QString &name : report.ignored) {
            names.append(u"<code>"_s + esc(name) + u"</code>"_s);
        }
        out += u"<p id=\"ignored\">Not read (not *.json): "_s + names.join(u", "_s) + u"</p>\n"_s;
    }
    out += u"</body>\n</html>\n"_s;
    return out;
}

} // namespace Deroot::Core
