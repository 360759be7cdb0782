// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/prove/provetext.h"

#include <QList>
#include <QRegularExpression>

#include <algorithm>
#include <array>

using namespace Qt::StringLiterals;

namespace Deroot::Core {

namespace {

constexpr const char *kContext = "Deroot::Core::ProveReport";

struct Pattern
{
    const char *sentence;
    QRegularExpression expression;
    QList<int> placeholders; ///< the number of each capture, in the sentence's order
    qsizetype literal = 0;   ///< characters that are not placeholders: more is more specific
};

// "%1 is not a setting prove tries" -> ^(.+) is not a setting prove tries$, placeholders {1}.
Pattern pattern(const char *sentence)
{
    static const QRegularExpression placeholder(u"%([1-9])"_s);
    const QString text = QString::fromUtf8(sentence);
    Pattern result{sentence, {}, {}, text.size()};
    QString expression = u"^"_s;
    qsizetype at = 0;
    for (auto it = placeholder.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        expression += QRegularExpression::escape(text.mid(at, match.capturedStart() - at)) + u"(.+?)"_s;
        result.placeholders.append(match.captured(1).toInt());
        result.literal -= match.capturedLength();
        at = match.capturedEnd();
    }
    expression += QRegularExpression::escape(text.mid(at)) + u"$"_s;
    result.expression = QRegularExpression(expression, QRegularExpression::DotMatchesEverythingOption);
    return result;
}

const QList<Pattern> &patterns()
{
    static const QList<Pattern> all = [] {
        QList<Pattern> list;
        for (const char *sentence : kProveReportSentences) {
            list.append(pattern(sentence));
        }
        std::stable_sort(list.begin(), list.end(),
                         [](const Pattern &a, const Pattern &b) { return a.literal > b.literal; });
        return list;
    }();
    return all;
}

QString shown(const QString &english, int depth)
{
    if (depth > 2) {
        return english;
    }
    for (const Pattern &candidate : patterns()) {
        const QRegularExpressionMatch match = candidate.expression.match(english);
        if (!match.hasMatch()) {
            continue;
        }
        // Each placeholder's words read back too, then put in in one pass (so a "%2" in what
        // filled %1 stays as it is).
        std::array<QString, 10> values;
        for (qsizetype i = 0; i < candidate.placeholders.size(); ++i) {
            values.at(candidate.placeholders.at(i)) = shown(match.captured(int(i) + 1), depth + 1);
        }
        const QString translated = QCoreApplication::translate(kContext, candidate.sentence);
        QString text;
        for (qsizetype i = 0; i < translated.size(); ++i) {
            const QChar c = translated.at(i);
            if (c == u'%' && i + 1 < translated.size() && translated.at(i + 1) >= u'1' &&
                translated.at(i + 1) <= u'9') {
                text += values.at(translated.at(i + 1).unicode() - u'0');
                ++i;
            } else {
                text += c;
            }
        }
        return text;
    }
    return english;
}

} // namespace

QString proveText(const char *sentence)
{
    return QCoreApplication::translate(kContext, sentence);
}

QString shownProveText(const QString &english)
{
    return shown(english, 0);
}

} // namespace Deroot::Core
