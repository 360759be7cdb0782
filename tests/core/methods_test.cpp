// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/model/methods.h"

#include <QSet>
#include <QTest>

using namespace Deroot::Core;
using namespace Qt::StringLiterals;

class MethodsTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tableFollowsTheGuide_data();
    void tableFollowsTheGuide();
    void identifiersAreStableAndDistinct();
};

void MethodsTest::tableFollowsTheGuide_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("security");
    QTest::addColumn<QString>("complexity");
    QTest::addRow("sudo rules") << 0 << u"sudo"_s << u"Low-Medium"_s << u"Low"_s;
    QTest::addRow("capabilities") << 1 << u"caps"_s << u"High"_s << u"Medium"_s;
    QTest::addRow("containerization") << 2 << u"container"_s << u"Very high"_s << u"High"_s;
}

void MethodsTest::tableFollowsTheGuide()
{
    QFETCH(int, row);
    QFETCH(QString, id);
    QFETCH(QString, security);
    QFETCH(QString, complexity);
    QCOMPARE(methodTable().size(), 3);
    const MethodRow &method = methodTable().at(row);
    QCOMPARE(methodId(method.method), id);
    QCOMPARE(QString::fromUtf8(method.security), security);
    QCOMPARE(QString::fromUtf8(method.complexity), complexity);
    QVERIFY(qstrlen(method.bestFor) > 0);
}

void MethodsTest::identifiersAreStableAndDistinct()
{
    QSet<QString> ids;
    for (const MethodRow &row : methodTable()) {
        ids.insert(methodId(row.method));
    }
    QCOMPARE(ids, (QSet<QString>{u"sudo"_s, u"caps"_s, u"container"_s}));
}

QTEST_GUILESS_MAIN(MethodsTest)
#include "methods_test.moc"
