// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include "core/plan/polkitdecision.h"

#include <QString>
#include <QtPlugin>

#include <functional>
#include <memory>

class QPalette;
class QTextDocument;

namespace Deroot::Ui {

/// Syntax highlighting of one document (KSyntaxHighlighting, in the plugin).
class CodeHighlighting
{
public:
    CodeHighlighting() = default;
    virtual ~CodeHighlighting() = default;
    Q_DISABLE_COPY_MOVE(CodeHighlighting)

    /// Highlights as the definition named @p syntax ("systemd unit", "sudoers", "Bash", ...); a name
    /// the repository lacks highlights nothing.
    virtual void setSyntax(const QString &syntax) = 0;
    /// The definition in use ("None" when there is none).
    virtual QString syntaxName() const = 0;
    /// The theme that matches @p palette (light or dark).
    virtual void setPalette(const QPalette &palette) = 0;
};

/// polkit asked for this process, without interaction (polkit-qt6, in the plugin). Answers one
/// check at a time, in order.
class PolkitChecker
{
public:
    PolkitChecker() = default;
    virtual ~PolkitChecker() = default;
    Q_DISABLE_COPY_MOVE(PolkitChecker)

    using Callback = std::function<void(Core::PolkitAnswer)>;
    /// Calls @p done once, possibly before returning, with polkit's answer for @p actionId; an error
    /// (polkitd unreachable, an unknown action) is Unknown, never a yes.
    virtual void check(const QString &actionId, Callback done) = 0;
    /// @p changed runs whenever polkit's configuration changed (a rules.d file, a policy).
    virtual void setConfigChanged(std::function<void()> changed) = 0;
};

/// What the first page does not need, and so is not loaded before it is drawn: the preview's
/// highlighting pulls in KSyntaxHighlighting (and through it Qt Network, curl, Kerberos, LDAP),
/// the Finish page's polkit check polkit-qt6 and GLib. They live in a plugin (MODULE library,
/// "deroot-ui-plugin.so") that uiPlugin() loads on first use.
class UiPlugin
{
public:
    UiPlugin() = default;
    virtual ~UiPlugin() = default;
    Q_DISABLE_COPY_MOVE(UiPlugin)

    /// Highlighting for @p document, which must outlive it.
    virtual std::unique_ptr<CodeHighlighting> highlight(QTextDocument *document) = 0;
    virtual std::unique_ptr<PolkitChecker> polkit() = 0;
};

/// The plugin, loaded on the first call from the folder next to the program's (the build tree's
/// and the installation's alike: bin/../lib/deroot), or nullptr when it cannot be loaded.
UiPlugin *uiPlugin();
/// Why uiPlugin() returned nullptr, in words for the admin (empty while it has not, or loaded).
QString uiPluginProblem();
/// The file uiPlugin() loads.
QString uiPluginPath();
/// For tests: forgets what uiPlugin() found, and makes it load @p path instead (a missing or broken
/// file). Never called by the programs.
void setUiPluginPathForTesting(const QString &path);

} // namespace Deroot::Ui

#define DEROOT_UI_PLUGIN_IID "io.github.deroot.Deroot.UiPlugin/1"
Q_DECLARE_INTERFACE(Deroot::Ui::UiPlugin, DEROOT_UI_PLUGIN_IID)
