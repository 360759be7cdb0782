// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/text.h"

#include <QList>

namespace Deroot::Core {

QString quoted(QStringView text)
{
    QString result;
    result.reserve(text.size() + 2);
    result += u'\'';
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
            result += u"\\\\";
            continue;
        case U'\'':
            result += u"\\'";
            continue;
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
    result += u'\'';
    return result;
}

} // namespace Deroot::Core
