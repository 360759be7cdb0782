// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/base/text.h"

#include <QCoreApplication>
#include <QList>
#include <QStringDecoder>

#include <cstring>

using namespace Qt::StringLiterals;

namespace Deroot::Core {

namespace {

void appendEscaped(QString &result, QStringView text, bool escapeQuotes)
{
    for (const char32_t c : text.toUcs4()) {
        switch (c) {
        case U'\n':
            result += u"\\n";
            continue;
        case U'\t':
            result += u"\\t";
            continue;
        case U'\r':
            result += u"\\r";
            continue;
        case U'\\':
            if (escapeQuotes) {
                result += u"\\\\";
                continue;
            }
            break;
        case U'\'':
            if (escapeQuotes) {
                result += u"\\'";
                continue;
            }
            break;
        default:
            break;
        }
        const QChar::Category category = QChar::category(c);
        const bool invisible = category == QChar::Other_Control || category == QChar::Other_Format ||
                               category == QChar::Other_Surrogate || category == QChar::Other_NotAssigned ||
                               category == QChar::Separator_Line || category == QChar::Separator_Paragraph;
        if (!invisible) {
            result += QString::fromUcs4(&c, 1);
        } else if (c < 0x100) {
            result += u"\\x" + QString::number(c, 16).rightJustified(2, u'0');
        } else {
            result += u"\\u" + QString::number(c, 16).rightJustified(4, u'0');
        }
    }
}

} // namespace

QString quoted(QStringView text)
{
    QString result;
    result.reserve(text.size() + 2);
    result += u'\'';
    appendEscaped(result, text, true);
    result += u'\'';
    return result;
}

QString oneLine(QStringView text)
{
    QString result;
    result.reserve(text.size());
    appendEscaped(result, text, false);
    return result;
}

bool isControlOrInvisible(QChar c)
{
    const char16_t u = c.unicode();
    return u < 0x20 || (u >= 0x7f && u <= 0x9f) || c.category() == QChar::Other_Format ||
           c.category() == QChar::Separator_Line || c.category() == QChar::Separator_Paragraph || c.isNonCharacter();
}

bool isValidUtf8(QByteArrayView bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString decoded = decoder.decode(bytes);
    return !decoder.hasError();
}

QString displayPath(QByteArrayView path)
{
    if (isValidUtf8(path)) {
        return QString::fromUtf8(path);
    }
    QString result;
    for (const char c : path) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte >= 0x20 && byte < 0x7f && byte != '\\') {
            result += QLatin1Char(c);
        } else {
            result += u"\\x" + QString::number(byte, 16).rightJustified(2, u'0');
        }
    }
    return result;
}

QString errnoText(int error)
{
    char buffer[256] = {};
    // The GNU strerror_r: returns the static text or fills the buffer, and never fails.
    return QString::fromLocal8Bit(::strerror_r(error, buffer, sizeof buffer));
}

QString inspectText(const char *source)
{
    return QCoreApplication::translate("Deroot::Core::Inspect", source);
}

QString recommendText(const char *source)
{
    return QCoreApplication::translate("Deroot::Core::Recommend", source);
}

QString auditText(const char *source)
{
    return QCoreApplication::translate("Deroot::Core::Audit", source);
}

QString countedText(const char *context, const char *source, int n)
{
    QString shown = QCoreApplication::translate(context, source, nullptr, n);
    QString english = QString::fromUtf8(source);
    english.replace(u"%n"_s, QString::number(n));
    if (shown != english) {
        return shown; // a catalogue had it
    }
    english.replace(u"(es)"_s, n == 1 ? QString() : u"es"_s);
    english.replace(u"(s)"_s, n == 1 ? QString() : u"s"_s);
    return english;
}

QString catalogText(const QString &source)
{
    return QCoreApplication::translate("Deroot::Core::Catalog", source.toUtf8().constData());
}

Phrase artifactPhrase(const char *source)
{
    return {QString::fromUtf8(source), QCoreApplication::translate("Deroot::Core::Artifact", source)};
}

Phrase validatePhrase(const char *source)
{
    return {QString::fromUtf8(source), QCoreApplication::translate("Deroot::Core::Validate", source)};
}

Phrase conflictPhrase(const char *source)
{
    return {QString::fromUtf8(source), QCoreApplication::translate("Deroot::Core::Conflict", source)};
}

Phrase untranslated(const QString &text)
{
    return {text, text};
}

} // namespace Deroot::Core
