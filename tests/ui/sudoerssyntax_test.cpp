// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// Deroot's sudoers definition for KSyntaxHighlighting, loaded the way the preview loads it, run
// by the real highlighter over sudoers lines and over every sudoers file the generator's golden
// tests pin.
#include <KSyntaxHighlighting/AbstractHighlighter>
#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Format>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/State>

#include <QDir>
#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;
namespace Ksh = KSyntaxHighlighting;

namespace {

// Records which format each character got.
class Recorder final : public Ksh::AbstractHighlighter
{
public:
    QStringList formats; ///< one entry per character of the last line

    Ksh::State line(const QString &text, const Ksh::State &state)
    {
        formats = QStringList(text.size(), u"Normal Text"_s);
        return highlightLine(text, state);
    }

protected:
    void applyFormat(int offset, int length, const Ksh::Format &format) override
    {
        for (int i = offset; i < offset + length && i < formats.size(); ++i) {
            formats[i] = format.name();
        }
    }
};

} // namespace

class SudoersSyntaxTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void tokens_data();
    void tokens();
    void generatedFilesHighlight();

private:
    Ksh::Repository m_repository;
    Ksh::Definition m_definition;
};

void SudoersSyntaxTest::initTestCase()
{
    m_repository.addCustomSearchPath(u":/deroot/highlighting"_s);
    m_definition = m_repository.definitionForName(u"sudoers"_s);
    QVERIFY2(m_definition.isValid(), "the sudoers definition did not load");
    QCOMPARE(m_definition.section(), u"Configuration"_s);
    QVERIFY(m_repository.definitionForFileName(u"/etc/sudoers"_s).isValid());
}

void SudoersSyntaxTest::tokens_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("format");
    const QString rule = u"agent ALL=(root) NOPASSWD: NOEXEC: /usr/sbin/smartctl --scan, DEROOT_AGENT_1"_s;
    QTest::addRow("tag") << rule << u"NOPASSWD:"_s << u"Tag"_s;
    QTest::addRow("second tag") << rule << u"NOEXEC:"_s << u"Tag"_s;
    QTest::addRow("command path") << rule << u"/usr/sbin/smartctl"_s << u"Path"_s;
    QTest::addRow("ALL") << rule << u"ALL"_s << u"Special"_s;
    QTest::addRow("alias name") << rule << u"DEROOT_AGENT_1"_s << u"Alias"_s;
    QTest::addRow("comment") << u"# The user may run exactly these"_s << u"The user may run"_s << u"Comment"_s;
    QTest::addRow("#include is a directive") << u"#includedir /etc/sudoers.d"_s << u"#includedir"_s << u"Include"_s;
    QTest::addRow("@include is a directive") << u"@include /etc/sudoers.local"_s << u"@include"_s << u"Include"_s;
    QTest::addRow("#1000 is a user id") << u"#1000 ALL=(ALL) ALL"_s << u"#1000"_s << u"User ID"_s;
    QTest::addRow("group") << u"%adm ALL=(root) /usr/bin/journalctl"_s << u"%adm"_s << u"Group"_s;
    QTest::addRow("alias keyword") << u"Cmnd_Alias DEROOT_X_1 = /usr/bin/ipmitool \"\""_s << u"Cmnd_Alias"_s
                                   << u"Keyword"_s;
    QTest::addRow("empty arguments") << u"Cmnd_Alias DEROOT_X_1 = /usr/bin/ipmitool \"\""_s << u"\"\""_s << u"String"_s;
    QTest::addRow("escaped comma") << u"Cmnd_Alias A = /usr/bin/x -a\\,b"_s << u"\\,"_s << u"Escape"_s;
    QTest::addRow("Defaults") << u"Defaults:agent !requiretty"_s << u"Defaults:agent"_s << u"Defaults"_s;
    QTest::addRow("option") << u"agent ALL=(root) CWD=/var/lib NOPASSWD: /usr/bin/a"_s << u"CWD="_s << u"Option"_s;
}

void SudoersSyntaxTest::tokens()
{
    QFETCH(QString, line);
    QFETCH(QString, token);
    QFETCH(QString, format);
    Recorder recorder;
    recorder.setDefinition(m_definition);
    recorder.line(line, Ksh::State());
    const qsizetype at = line.indexOf(token);
    QVERIFY(at >= 0);
    for (qsizetype i = at; i < at + token.size(); ++i) {
        if (line.at(i).isSpace()) {
            continue;
        }
        QVERIFY2(recorder.formats.at(i) == format,
                 qPrintable(u"'%1' at %2 is %3, not %4"_s.arg(line.at(i)).arg(i).arg(recorder.formats.at(i), format)));
    }
}

void SudoersSyntaxTest::generatedFilesHighlight()
{
    // Every sudoers file the generator's golden tests pin reads right in the preview: comments
    // are comments to the end of the line, aliases show their command paths, rules their tags.
    const QDir expected(QStringLiteral(DEROOT_TEST_DATA) + u"/generate/sudo/expected"_s);
    const QStringList files = expected.entryList({u"*.sudoers"_s}, QDir::Files);
    QVERIFY(!files.isEmpty());
    for (const QString &name : files) {
        QFile file(expected.filePath(name));
        QVERIFY(file.open(QIODevice::ReadOnly));
        Recorder recorder;
        recorder.setDefinition(m_definition);
        Ksh::State state;
        int rules = 0;
        for (const QString &line : QString::fromUtf8(file.readAll()).split(u'\n')) {
            state = recorder.line(line, state);
            const QString where = name + u": "_s + line;
            if (line.startsWith(u'#')) {
                for (qsizetype i = 1; i < line.size(); ++i) {
                    QVERIFY2(line.at(i).isSpace() || recorder.formats.at(i) == u"Comment", qPrintable(where));
                }
            } else if (line.startsWith(u"Cmnd_Alias")) {
                QVERIFY2(recorder.formats.contains(u"Path"_s), qPrintable(where));
                QCOMPARE(recorder.formats.first(), u"Keyword"_s);
            } else if (line.contains(u"NOPASSWD:"_s)) {
                QVERIFY2(recorder.formats.contains(u"Tag"_s), qPrintable(where));
                ++rules;
            }
        }
        QVERIFY2(rules > 0, qPrintable(name));
    }
}

QTEST_MAIN(SudoersSyntaxTest)
#include "sudoerssyntax_test.moc"
