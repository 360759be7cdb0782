// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/inspect/gobuildinfo.h"

#include <QMap>
#include <QTest>

using namespace Deroot::Core;
using namespace Qt::StringLiterals;

class GoBuildInfoTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void inlineFormat();
    void pointerFormat();
    void bigEndianPointerFormat();
    void withoutModuleInformation();
    void corrupt_data();
    void corrupt();
};

namespace {

// The 16-byte sentinels Go puts around the module text (src/runtime/debug/mod.go).
const QByteArray kStart = QByteArray::fromHex("3077af0c9274080241e1c107e6d618e6");
const QByteArray kEnd = QByteArray::fromHex("f932433186182072008242104116d8f2");
const QByteArray kModinfo = kStart +
                            "path\tgithub.com/example/agent/cmd/agent\n"
                            "mod\tgithub.com/example/agent\tv1.2.3\th1:abc=\n"
                            "dep\tgithub.com/google/gopacket\tv1.1.19\th1:x=\n"
                            "dep\tgolang.org/x/net\tv0.1.0\th1:y=\n"
                            "=>\tgolang.org/x/net\tv0.2.0\th1:z=\n"
                            "build\tCGO_ENABLED=0\n"
                            "build\t-trimpath=true\n" +
                            kEnd;

QByteArray header(std::uint8_t pointerSize, std::uint8_t flags)
{
    QByteArray bytes("\xff Go buildinf:", 14);
    bytes.append(char(pointerSize));
    bytes.append(char(flags));
    bytes.append(16, '\0');
    return bytes;
}

QByteArray varint(std::uint64_t value)
{
    QByteArray bytes;
    do {
        std::uint8_t byte = value & 0x7f;
        value >>= 7;
        if (value != 0) {
            byte |= 0x80;
        }
        bytes.append(char(byte));
    } while (value != 0);
    return bytes;
}

QByteArray inlineSection(const QByteArray &version, const QByteArray &modinfo)
{
    return header(8, 0x2) + varint(quint64(version.size())) + version + varint(quint64(modinfo.size())) + modinfo;
}

QByteArray pointer(std::uint64_t value, int size, bool bigEndian)
{
    QByteArray bytes(size, '\0');
    for (int i = 0; i < size; ++i) {
        bytes[bigEndian ? size - 1 - i : i] = char((value >> (8 * i)) & 0xff);
    }
    return bytes;
}

void checkParsed(const GoBuildInfo &info)
{
    QCOMPARE(info.mainPackage, u"github.com/example/agent/cmd/agent"_s);
    QCOMPARE(info.mainModule.path, u"github.com/example/agent"_s);
    QCOMPARE(info.mainModule.version, u"v1.2.3"_s);
    QCOMPARE(info.dependencies.size(), 2);
    QCOMPARE(info.dependencies.at(0).path, u"github.com/google/gopacket"_s);
    QCOMPARE(info.dependencies.at(1).replacedBy, u"golang.org/x/net v0.2.0"_s);
    QCOMPARE(info.settings.size(), 2);
    QCOMPARE(info.settings.at(0).first, u"CGO_ENABLED"_s);
    QCOMPARE(info.settings.at(0).second, u"0"_s);
}

// A fake address space: the pre-1.18 format stores pointers into the data segment.
GoMemoryReader memory(const QMap<std::uint64_t, QByteArray> &regions)
{
    return [regions](std::uint64_t address, std::uint64_t size) -> QByteArrayView {
        for (auto it = regions.cbegin(); it != regions.cend(); ++it) {
            if (address >= it.key() && address - it.key() + size <= std::uint64_t(it.value().size())) {
                return QByteArrayView(it.value()).sliced(qsizetype(address - it.key()), qsizetype(size));
            }
        }
        return {};
    };
}

QByteArray pointerSection(int size, bool bigEndian, QMap<std::uint64_t, QByteArray> &regions)
{
    const QByteArray version = "go1.17.13";
    regions.insert(0x1000, version);
    regions.insert(0x2000, kModinfo);
    regions.insert(0x3000, pointer(0x1000, size, bigEndian) + pointer(quint64(version.size()), size, bigEndian));
    regions.insert(0x4000, pointer(0x2000, size, bigEndian) + pointer(quint64(kModinfo.size()), size, bigEndian));
    QByteArray section("\xff Go buildinf:", 14);
    section.append(char(size));
    section.append(char(bigEndian ? 0x1 : 0x0));
    section += pointer(0x3000, size, bigEndian) + pointer(0x4000, size, bigEndian);
    section.append(32 - section.size(), '\0');
    return section;
}

} // namespace

void GoBuildInfoTest::inlineFormat()
{
    const Result<GoBuildInfo> info = parseGoBuildInfo(inlineSection("go1.22.1", kModinfo));
    QVERIFY2(info.ok(), qPrintable(info.error().message));
    QCOMPARE(info->goVersion, u"go1.22.1"_s);
    checkParsed(*info);
}

void GoBuildInfoTest::pointerFormat()
{
    QMap<std::uint64_t, QByteArray> regions;
    const QByteArray section = pointerSection(8, false, regions);
    const Result<GoBuildInfo> info = parseGoBuildInfo(section, memory(regions));
    QVERIFY2(info.ok(), qPrintable(info.error().message));
    QCOMPARE(info->goVersion, u"go1.17.13"_s);
    checkParsed(*info);
}

void GoBuildInfoTest::bigEndianPointerFormat()
{
    QMap<std::uint64_t, QByteArray> regions;
    const QByteArray section = pointerSection(4, true, regions);
    const Result<GoBuildInfo> info = parseGoBuildInfo(section, memory(regions));
    QVERIFY2(info.ok(), qPrintable(info.error().message));
    checkParsed(*info);
}

void GoBuildInfoTest::withoutModuleInformation()
{
    // Debian builds its Go packages outside module mode: only the main package is recorded.
    const QByteArray modinfo = kStart + "path\tgithub.com/prometheus/node_exporter\nbuild\t-compiler=gc\n" + kEnd;
    const Result<GoBuildInfo> info = parseGoBuildInfo(inlineSection("go1.24.4", modinfo));
    QVERIFY(info.ok());
    QCOMPARE(info->mainPackage, u"github.com/prometheus/node_exporter"_s);
    QVERIFY(info->mainModule.path.isEmpty());
    QVERIFY(info->dependencies.isEmpty());
}

void GoBuildInfoTest::corrupt_data()
{
    QTest::addColumn<QByteArray>("section");
    QTest::addColumn<QString>("why");
    QTest::addRow("empty") << QByteArray() << u"the header is 0 bytes"_s;
    QTest::addRow("short header") << header(8, 2).first(20) << u"the header is 20 bytes"_s;
    QByteArray badMagic = inlineSection("go1", "x");
    badMagic[1] = 'X';
    QTest::addRow("bad magic") << badMagic << u"no \"Go buildinf:\" magic"_s;
    QTest::addRow("varint runs off the end") << header(8, 2) + QByteArray("\x80\x80", 2) << u"runs past the end"_s;
    QTest::addRow("varint overflows") << header(8, 2) + QByteArray(11, char(0xff)) << u"runs past the end"_s;
    QTest::addRow("length past the end") << header(8, 2) + varint(100) + "go1" << u"runs past the end"_s;
    QTest::addRow("huge length") << header(8, 2) + varint(std::uint64_t(1) << 62) << u"runs past the end"_s;
    QTest::addRow("pointer size 3") << header(3, 0) << u"pointer size 3"_s;
    QTest::addRow("pointers without memory") << header(8, 0) << u"needs the program's data segment"_s;
}

void GoBuildInfoTest::corrupt()
{
    QFETCH(QByteArray, section);
    QFETCH(QString, why);
    const Result<GoBuildInfo> info = parseGoBuildInfo(section);
    QVERIFY(!info.ok());
    QCOMPARE(info.error().code, ExitCode::BadTarget);
    QVERIFY2(info.error().message.contains(why), qPrintable(info.error().message));

    // Pointers into nowhere fail cleanly too.
    if (why == u"needs the program's data segment") {
        const Result<GoBuildInfo> unmapped = parseGoBuildInfo(section, memory({}));
        QVERIFY(!unmapped.ok());
        QVERIFY2(unmapped.error().message.contains(u"is not in the file"_s), qPrintable(unmapped.error().message));
    }
}

QTEST_GUILESS_MAIN(GoBuildInfoTest)
#include "gobuildinfo_test.moc"
