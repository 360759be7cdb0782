// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/base/text.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TextTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void quoted_data();
    void quoted();
    void oneLine_data();
    void oneLine();
};

void TextTest::quoted_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::addRow("plain") << u"node_exporter"_s << u"'node_exporter'"_s;
    QTest::addRow("empty") << QString() << u"''"_s;
    QTest::addRow("newline") << u"a\nb"_s << u"'a\\nb'"_s;
    QTest::addRow("carriage return and tab") << u"a\r\tb"_s << u"'a\\r\\tb'"_s;
    QTest::addRow("escape sequence") << u"\x1b[31mred"_s << u"'\\x1b[31mred'"_s;
    QTest::addRow("NUL") << QString(QChar(0)) << u"'\\x00'"_s;
    QTest::addRow("DEL") << u"\x7f"_s << u"'\\x7f'"_s;
    QTest::addRow("single quote") << u"it's"_s << u"'it\\'s'"_s;
    QTest::addRow("backslash") << u"a\\n"_s << u"'a\\\\n'"_s;
    QTest::addRow("right-to-left override") << u"evil\u202Etxt"_s << u"'evil\\u202etxt'"_s;
    QTest::addRow("line separator") << u"a\u2028b"_s << u"'a\\u2028b'"_s;
    QTest::addRow("visible non-ASCII kept") << u"größe ü"_s << u"'größe ü'"_s;
    QTest::addRow("astral kept") << u"😀"_s << u"'😀'"_s;
}

void TextTest::quoted()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(Deroot::Core::quoted(input), expected);
}

void TextTest::oneLine_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::addRow("plain, quotes kept") << u"it's /usr/bin/a\\b"_s << u"it's /usr/bin/a\\b"_s;
    QTest::addRow("forged report line") << u"x\n  [critical] fake: all is well"_s
                                        << u"x\\n  [critical] fake: all is well"_s;
    QTest::addRow("terminal escape") << u"\x1b]0;title\x07"_s << u"\\x1b]0;title\\x07"_s;
}

void TextTest::oneLine()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(Deroot::Core::oneLine(input), expected);
}

QTEST_GUILESS_MAIN(TextTest)
#include "text_test.moc"
