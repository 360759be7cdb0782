// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/base/sha256.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QTest>

using Deroot::Core::Sha256;

class Sha256Test final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void knownAnswers_data();
    void knownAnswers();
    void agreesWithQtForEveryLengthAndSplit_data();
    void agreesWithQtForEveryLengthAndSplit();
};

void Sha256Test::knownAnswers_data()
{
    QTest::addColumn<Sha256::Implementation>("implementation");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("digest");
    // FIPS 180-4 examples (NIST CSRC, SHA256.pdf).
    QTest::addRow("fastest: empty") << Sha256::Implementation::Fastest << QByteArray()
                                    << QByteArray("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    QTest::addRow("portable: empty") << Sha256::Implementation::Portable << QByteArray()
                                     << QByteArray("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    QTest::addRow("fastest: abc") << Sha256::Implementation::Fastest << QByteArray("abc")
                                  << QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    QTest::addRow("portable: abc") << Sha256::Implementation::Portable << QByteArray("abc")
                                   << QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    QTest::addRow("fastest: two blocks") << Sha256::Implementation::Fastest
                                         << QByteArray("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                                         << QByteArray(
                                                "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    QTest::addRow("portable: two blocks")
        << Sha256::Implementation::Portable << QByteArray("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
        << QByteArray("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    QTest::addRow("fastest: a million a")
        << Sha256::Implementation::Fastest << QByteArray(1000000, 'a')
        << QByteArray("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    QTest::addRow("portable: a million a")
        << Sha256::Implementation::Portable << QByteArray(1000000, 'a')
        << QByteArray("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

void Sha256Test::knownAnswers()
{
    QFETCH(Sha256::Implementation, implementation);
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, digest);
    Sha256 hash(implementation);
    hash.addData(input);
    QCOMPARE(hash.result().toHex(), digest);
}

void Sha256Test::agreesWithQtForEveryLengthAndSplit_data()
{
    QTest::addColumn<Sha256::Implementation>("implementation");
    QTest::addRow("fastest") << Sha256::Implementation::Fastest;
    QTest::addRow("portable") << Sha256::Implementation::Portable;
}

void Sha256Test::agreesWithQtForEveryLengthAndSplit()
{
    QFETCH(Sha256::Implementation, implementation);
    qInfo("SHA extensions in use: %s", Sha256::accelerated() ? "yes" : "no");
    QRandomGenerator random(20261127);
    for (int length = 0; length < 300; ++length) {
        QByteArray data(length, Qt::Uninitialized);
        for (char &c : data) {
            c = char(random.bounded(256));
        }
        const QByteArray expected = QCryptographicHash::hash(data, QCryptographicHash::Sha256);
        Sha256 whole(implementation);
        whole.addData(data);
        QCOMPARE(whole.result(), expected);
        // Fed in uneven pieces, across block boundaries.
        Sha256 pieces(implementation);
        for (int offset = 0; offset < length;) {
            const int piece = std::min(length - offset, int(random.bounded(1, 70)));
            pieces.addData(QByteArrayView(data).sliced(offset, piece));
            offset += piece;
        }
        QCOMPARE(pieces.result(), expected);
    }
}

QTEST_GUILESS_MAIN(Sha256Test)
#include "sha256_test.moc"
