// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "ui/plugin/uiplugin.h"

#include "core/base/text.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QPluginLoader>

using namespace Qt::StringLiterals;

namespace Deroot::Ui {

namespace {

struct PluginState
{
    bool tried = false;
    QString path;
    QString problem;
    UiPlugin *plugin = nullptr;
};

PluginState &state()
{
    static PluginState s;
    return s;
}

QString defaultPath()
{
    // Relative to the program, never a search path: the same layout in the build tree (bin/,
    // tests/) and in the installation (/usr/bin), and nothing an environment variable can redirect
    // when the wizard runs as root.
    return QDir::cleanPath(QCoreApplication::applicationDirPath() + u'/' + QStringLiteral(DEROOT_UI_PLUGIN_DIR) +
                           u"/deroot-ui-plugin.so"_s);
}

} // namespace

QString uiPluginPath()
{
    PluginState &s = state();
    return s.path.isEmpty() ? defaultPath() : s.path;
}

UiPlugin *uiPlugin()
{
    PluginState &s = state();
    if (s.tried) {
        return s.plugin;
    }
    s.tried = true;
    const QString path = uiPluginPath();
    if (!QFileInfo::exists(path)) {
        s.problem = QCoreApplication::translate("Deroot::Ui::UiPlugin", "Deroot's module %1 is missing")
                        .arg(Core::quoted(path));
    } else {
        QPluginLoader loader(path);
        QObject *instance = loader.instance();
        s.plugin = qobject_cast<UiPlugin *>(instance);
        if (!instance) {
            s.problem = QCoreApplication::translate("Deroot::Ui::UiPlugin", "Deroot's module %1 cannot be loaded: %2")
                            .arg(Core::quoted(path), loader.errorString());
        } else if (!s.plugin) {
            s.problem = QCoreApplication::translate("Deroot::Ui::UiPlugin",
                                                    "Deroot's module %1 is not the one this version of Deroot needs")
                            .arg(Core::quoted(path));
            // Left loaded: another loader (Qt's own, for a Qt plugin) may share its instance.
        }
    }
    if (!s.plugin) {
        // Once, for the terminal and the journal; the pages that miss the plugin say it in words.
        qWarning("deroot: %s. Reinstall Deroot.", qUtf8Printable(s.problem));
    }
    return s.plugin;
}

QString uiPluginProblem()
{
    return state().problem;
}

void setUiPluginPathForTesting(const QString &path)
{
    PluginState &s = state();
    s = PluginState();
    s.path = path;
}

} // namespace Deroot::Ui
