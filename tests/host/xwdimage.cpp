// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "xwdimage.h"

#include <QtEndian>

#include <bit>

using namespace Qt::StringLiterals;

namespace Deroot::TestSupport {

namespace {

// XWDFileHeader (X11/XWDFile.h): 25 big-endian 32-bit fields, then the window name, then
// ncolors colour entries of 12 bytes, then the pixels.
enum Field {
    HeaderSize = 0,
    FileVersion = 1,
    PixmapFormat = 2,
    Width = 4,
    Height = 5,
    ByteOrder = 7,
    BitsPerPixel = 11,
    BytesPerLine = 12,
    VisualClass = 13,
    RedMask = 14,
    GreenMask = 15,
    BlueMask = 16,
    ColourCount = 19,
    WindowX = 22,
    WindowY = 23,
    FieldCount = 25
};
constexpr quint32 kZPixmap = 2;
constexpr quint32 kTrueColor = 4;
constexpr quint32 kDirectColor = 5;
constexpr quint32 kMsbFirst = 1;
constexpr qsizetype kColourSize = 12;

/// The 8-bit value of the channel @p mask selects in @p pixel: the value itself on a TrueColor
/// screen; on a DirectColor one (Xvfb's default at depth 24) an index into that channel's column
/// of the colour map, whose 16-bit entries xwd wrote (@p colours, 12 bytes each, the channel's
/// value at byte @p at).
uint channel(quint32 pixel, quint32 mask, const QByteArray &colours, qsizetype at)
{
    if (mask == 0) {
        return 0;
    }
    const int shift = std::countr_zero(mask);
    const quint32 index = (pixel & mask) >> shift;
    if (!colours.isEmpty()) {
        const qsizetype entry = qsizetype(index) * kColourSize + at;
        return entry + 2 <= colours.size() ? uint(qFromBigEndian<quint16>(colours.constData() + entry) >> 8) : 0;
    }
    return uint(index * 255U / (mask >> shift));
}

} // namespace

std::optional<QPoint> readXwdWindowPosition(const QByteArray &xwd)
{
    if (xwd.size() < FieldCount * 4) {
        return std::nullopt;
    }
    const auto field = [&](int index) { return qFromBigEndian<qint32>(xwd.constData() + index * 4); };
    return QPoint(field(WindowX), field(WindowY));
}

QImage readXwd(const QByteArray &xwd, QString *error)
{
    if (xwd.size() < FieldCount * 4) {
        *error = u"%1 bytes are too few for an XWD header"_s.arg(xwd.size());
        return {};
    }
    const auto field = [&](int index) { return qFromBigEndian<quint32>(xwd.constData() + index * 4); };
    const quint32 visual = field(VisualClass);
    if (field(FileVersion) != 7 || field(PixmapFormat) != kZPixmap ||
        (visual != kTrueColor && visual != kDirectColor)) {
        *error = u"not a TrueColor or DirectColor ZPixmap XWD (version %1, format %2, visual class %3)"_s
                     .arg(field(FileVersion))
                     .arg(field(PixmapFormat))
                     .arg(field(VisualClass));
        return {};
    }
    const quint32 bits = field(BitsPerPixel);
    const qsizetype width = field(Width);
    const qsizetype height = field(Height);
    const qsizetype stride = field(BytesPerLine);
    const qsizetype offset = qsizetype(field(HeaderSize)) + qsizetype(field(ColourCount)) * kColourSize;
    if ((bits != 24 && bits != 32) || width <= 0 || height <= 0 || width > 16384 || height > 16384 ||
        stride < width * qsizetype(bits / 8) || offset + stride * height > xwd.size()) {
        *error = u"unexpected XWD geometry: %1x%2 at %3 bits a pixel, %4 bytes a line, %5 bytes in all"_s.arg(width)
                     .arg(height)
                     .arg(bits)
                     .arg(stride)
                     .arg(xwd.size());
        return {};
    }
    const bool msbFirst = field(ByteOrder) == kMsbFirst;
    const QByteArray colours =
        visual == kDirectColor ? xwd.mid(field(HeaderSize), qsizetype(field(ColourCount)) * kColourSize) : QByteArray();
    const quint32 red = field(RedMask);
    const quint32 green = field(GreenMask);
    const quint32 blue = field(BlueMask);
    QImage image(int(width), int(height), QImage::Format_RGB32);
    const int bytes = int(bits / 8);
    for (qsizetype y = 0; y < height; ++y) {
        const auto *line = reinterpret_cast<const uchar *>(xwd.constData() + offset + y * stride);
        auto *out = reinterpret_cast<QRgb *>(image.scanLine(int(y)));
        for (qsizetype x = 0; x < width; ++x) {
            const uchar *p = line + x * bytes;
            quint32 pixel = 0;
            for (int i = 0; i < bytes; ++i) {
                pixel |= quint32(p[msbFirst ? bytes - 1 - i : i]) << (8 * i);
            }
            // An XWDColor: pixel (4 bytes), then red, green and blue (2 bytes each), flags, pad.
            out[x] = qRgb(int(channel(pixel, red, colours, 4)), int(channel(pixel, green, colours, 6)),
                          int(channel(pixel, blue, colours, 8)));
        }
    }
    return image;
}

} // namespace Deroot::TestSupport
