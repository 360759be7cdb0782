// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include <QPlainTextEdit>

#include <memory>

namespace Deroot::Ui {

class CodeHighlighting;

/// A read-only text view with line numbers, highlighted by KSyntaxHighlighting in the theme that
/// matches the palette (light or dark), and re-themed when the palette changes. KSyntaxHighlighting
/// is in Deroot's UI plugin, loaded when the first view shows code; without it the code is plain
/// text.
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
    /// The highlighting definition in use ("None" when there is none, or no plugin).
    QString definitionName() const;

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
    std::unique_ptr<CodeHighlighting> m_highlighting;
};

} // namespace Deroot::Ui
