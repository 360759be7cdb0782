// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// deroot-ui-plugin.so: KSyntaxHighlighting and polkit-qt6 behind Ui::UiPlugin, loaded when the
// preview or the Finish page first needs them (ui/plugin/uiplugin.h says why).
#include "ui/plugin/uiplugin.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>

#include <PolkitQt1/Authority>
#include <PolkitQt1/Subject>

#include <QCoreApplication>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTextDocument>

#include <utility>

using namespace Qt::StringLiterals;

namespace Deroot::Ui {

namespace {

KSyntaxHighlighting::Repository &repository()
{
    static KSyntaxHighlighting::Repository *repository = [] {
        auto *r = new KSyntaxHighlighting::Repository;
        // KSyntaxHighlighting has no sudoers definition: Deroot's is embedded (resources/syntax).
        r->addCustomSearchPath(u":/deroot/highlighting"_s);
        return r;
    }();
    return *repository;
}

class Highlighting final : public CodeHighlighting
{
public:
    explicit Highlighting(QTextDocument *document)
        : m_highlighter(new KSyntaxHighlighting::SyntaxHighlighter(document))
    {}
    ~Highlighting() override { delete m_highlighter.data(); }
    Q_DISABLE_COPY_MOVE(Highlighting)

    void setSyntax(const QString &syntax) override
    {
        const KSyntaxHighlighting::Definition definition = repository().definitionForName(syntax);
        if (m_highlighter && m_highlighter->definition() != definition) {
            m_highlighter->setDefinition(definition);
        }
    }

    QString syntaxName() const override
    {
        return m_highlighter && m_highlighter->definition().isValid() ? m_highlighter->definition().name() : u"None"_s;
    }

    void setPalette(const QPalette &palette) override
    {
        // The theme follows the palette: a dark palette gets a dark theme, and the other way round.
        const KSyntaxHighlighting::Theme theme = repository().themeForPalette(palette);
        if (m_highlighter && (m_highlighter->theme().name() != theme.name() || !m_highlighter->theme().isValid())) {
            m_highlighter->setTheme(theme);
            m_highlighter->rehighlight();
        }
    }

private:
    // Owned, but a child of the document too: guarded, in case the document goes first.
    QPointer<KSyntaxHighlighting::SyntaxHighlighter> m_highlighter;
};

// polkit-qt6's Authority reports one asynchronous check at a time, so checks are queued.
class Polkit final : public PolkitChecker
{
public:
    Polkit()
    {
        PolkitQt1::Authority *authority = PolkitQt1::Authority::instance();
        QObject::connect(authority, &PolkitQt1::Authority::configChanged, &m_context, [this] {
            if (m_changed) {
                m_changed();
            }
        });
        QObject::connect(authority, &PolkitQt1::Authority::checkAuthorizationFinished, &m_context,
                         [this](PolkitQt1::Authority::Result result) { finished(result); });
    }
    ~Polkit() override
    {
        if (m_running) {
            PolkitQt1::Authority::instance()->checkAuthorizationCancel();
        }
    }
    Q_DISABLE_COPY_MOVE(Polkit)

    void check(const QString &actionId, Callback done) override
    {
        m_queue.append({actionId, std::move(done)});
        startNext();
    }

    void setConfigChanged(std::function<void()> changed) override { m_changed = std::move(changed); }

private:
    void finished(PolkitQt1::Authority::Result result)
    {
        if (!m_running || m_queue.isEmpty()) {
            return;
        }
        const Callback done = m_queue.takeFirst().second;
        m_running = false;
        // An error (polkitd unreachable, an unknown action) is no answer: never a yes.
        Core::PolkitAnswer answer = Core::PolkitAnswer::Unknown;
        if (!PolkitQt1::Authority::instance()->hasError()) {
            switch (result) {
            case PolkitQt1::Authority::Yes:
                answer = Core::PolkitAnswer::Yes;
                break;
            case PolkitQt1::Authority::Challenge:
                answer = Core::PolkitAnswer::Challenge;
                break;
            case PolkitQt1::Authority::No:
                answer = Core::PolkitAnswer::No;
                break;
            case PolkitQt1::Authority::Unknown:
                break;
            }
        } else {
            PolkitQt1::Authority::instance()->clearError();
        }
        startNext();
        done(answer);
    }

    void startNext()
    {
        if (m_running || m_queue.isEmpty()) {
            return;
        }
        // An Authority that could not reach polkitd (no system bus) starts no check and would never
        // answer: that is no answer, now.
        if (PolkitQt1::Authority::instance()->hasError()) {
            const auto queue = std::exchange(m_queue, {});
            for (const auto &[action, done] : queue) {
                done(Core::PolkitAnswer::Unknown);
            }
            return;
        }
        m_running = true;
        // This process, without interaction: the state the button shows, never a prompt.
        PolkitQt1::Authority::instance()->checkAuthorization(
            m_queue.constFirst().first, PolkitQt1::UnixProcessSubject(QCoreApplication::applicationPid()),
            PolkitQt1::Authority::None);
    }

    QObject m_context; // the connections' receiver: they end with this object
    QList<std::pair<QString, Callback>> m_queue;
    std::function<void()> m_changed;
    bool m_running = false;
};

} // namespace

class Plugin final : public QObject, public UiPlugin
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID DEROOT_UI_PLUGIN_IID)
    Q_INTERFACES(Deroot::Ui::UiPlugin)

public:
    Plugin() = default;
    ~Plugin() override = default;
    Q_DISABLE_COPY_MOVE(Plugin)

    std::unique_ptr<CodeHighlighting> highlight(QTextDocument *document) override
    {
        return std::make_unique<Highlighting>(document);
    }
    std::unique_ptr<PolkitChecker> polkit() override { return std::make_unique<Polkit>(); }
};

} // namespace Deroot::Ui

#include "plugin.moc"
