// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/base/commandline.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Deroot::Core {

QStringList splitCommandLine(const QString &text)
{
    // POSIX shell quoting without expansion: '...' is literal, "..." and a backslash escape the
    // next character (inside "..." only '"' and '\\'), whitespace separates words.
    QStringList words;
    QString word;
    bool inWord = false;
    enum class Quote { None, Single, Double } quote = Quote::None;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        switch (quote) {
        case Quote::Single:
            if (c == u'\'') {
                quote = Quote::None;
            } else {
                word += c;
            }
            continue;
        case Quote::Double:
            if (c == u'"') {
                quote = Quote::None;
            } else if (c == u'\\' && i + 1 < text.size() && (text.at(i + 1) == u'"' || text.at(i + 1) == u'\\')) {
                word += text.at(++i);
            } else {
                word += c;
            }
            continue;
        case Quote::None:
            break;
        }
        if (c.isSpace()) {
            if (inWord) {
                words << word;
                word.clear();
                inWord = false;
            }
            continue;
        }
        inWord = true;
        if (c == u'\'') {
            quote = Quote::Single;
        } else if (c == u'"') {
            quote = Quote::Double;
        } else if (c == u'\\' && i + 1 < text.size()) {
            word += text.at(++i);
        } else {
            word += c;
        }
    }
    if (inWord) {
        words << word;
    }
    return words;
}

QString joinCommandLine(const QStringList &words)
{
    QStringList quoted;
    for (const QString &word : words) {
        static const QRegularExpression kPlain(QRegularExpression::anchoredPattern(u"[A-Za-z0-9_./:=,@+%${}-]+"_s));
        if (kPlain.match(word).hasMatch()) {
            quoted << word;
        } else {
            QString escaped = word;
            escaped.replace(u'\'', u"'\"'\"'"_s);
            quoted << u'\'' + escaped + u'\'';
        }
    }
    return quoted.join(u' ');
}

QString vendorExecProgram(QStringView line)
{
    qsizetype start = 0;
    while (start < line.size() && QStringView(u"-@:+!|").contains(line.at(start))) {
        ++start;
    }
    const QStringView rest = line.mid(start);
    if (rest.isEmpty() || rest.front() == u'"' || rest.front() == u'\'') {
        return {};
    }
    const qsizetype end = rest.indexOf(u' ');
    return (end < 0 ? rest : rest.left(end)).toString();
}

} // namespace Deroot::Core
