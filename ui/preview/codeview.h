// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include <QPlainTextEdit>

namespace KSyntaxHighlighting {
class Repository;
class SyntaxHighlighter;
} // namespace KSyntaxHighlighting

namespace Deroot::Ui {

/// A read-only text view with line numbers, highlighted by KSyntaxHighlighting in the theme that
/// matches the palette (light or dark), and re-themed when the palette changes.
class CodeView final : public QPlainTextEdit
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CodeView)

public:
    explicit CodeView(QWidget *parent = nullptr);
    ~CodeView() override;

    /// Shows @p text highlighted as the definition named @p syntax ("systemd unit", "sudoers",
    /// "Bash", "Diff", ...); a name the repository lacks shows plain text. Keeps the scroll position
    /// when only the text changes.
    void setCode(const QString &text, const QString &syntax);
    /// The highlighting definition in use ("None" when there is none).
    QString definitionName() const;

    /// The repository every view shares: KSyntaxHighlighting's definitions plus Deroot's sudoers one.
    static KSyntaxHighlighting::Repository &repository();

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    friend class LineNumberArea;
    int lineNumberAreaWidth() const;
    void paintLineNumbers(QPaintEvent *event);
    void updateLineNumberArea(const QRect &rect, int dy);
    void applyTheme();

    QWidget *m_lineNumbers = nullptr;
    KSyntaxHighlighting::SyntaxHighlighter *m_highlighter = nullptr;
};

} // namespace Deroot::Ui
