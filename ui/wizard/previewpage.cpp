// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "ui/wizard/previewpage.h"

#include "core/base/text.h"
#include "core/generate/manifest.h"
#include "ui/preview/artifactview.h"
#include "ui/widgets/icons.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QTabWidget>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Deroot::Ui {

PreviewPage::PreviewPage(WizardSession *session, QWidget *parent)
    : QWizardPage(parent)
    , m_session(session)
    , m_status(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_conflicts(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_userNote(new QLabel(this))
{
    setObjectName(u"previewPage"_s);
    setTitle(tr("Preview"));
    m_status->setObjectName(u"previewStatusLabel"_s);
    m_status->setWordWrap(true);
    m_progress->setObjectName(u"validationProgressBar"_s);
    m_progress->setAccessibleName(tr("Validators running"));
    m_progress->setRange(0, 0);
    m_progress->setMaximumWidth(120);
    m_conflicts->setObjectName(u"conflictsLabel"_s);
    m_conflicts->setWordWrap(true);
    m_conflicts->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_userNote->setObjectName(u"userFilesNoteLabel"_s);
    m_userNote->setWordWrap(true);
    m_userNote->hide();
    m_tabs->setObjectName(u"artifactsTabWidget"_s);
    m_tabs->setAccessibleName(tr("Generated files"));
    m_tabs->setUsesScrollButtons(true);

    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_progress);
    statusRow->addWidget(m_status, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(statusRow);
    layout->addWidget(m_conflicts);
    layout->addWidget(m_userNote);
    layout->addWidget(m_tabs, 1);

    connect(m_session, &WizardSession::planChanged, this, &PreviewPage::showPlan);
    connect(m_session, &WizardSession::checksStarted, this, &PreviewPage::showChecks);
    connect(m_session, &WizardSession::checksChanged, this, &PreviewPage::showChecks);
}

PreviewPage::~PreviewPage() = default;

bool PreviewPage::isComplete() const
{
    return m_session->hasPlan();
}

ArtifactView *PreviewPage::viewFor(const QString &id) const
{
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (m_tabs->widget(i)->property("artifactId").toString() == id) {
            return static_cast<ArtifactView *>(m_tabs->widget(i));
        }
    }
    return nullptr;
}

void PreviewPage::showPlan()
{
    if (!m_session->hasPlan()) {
        m_status->setText(tr("No plan: %1").arg(m_session->planError()));
        m_progress->hide();
        Q_EMIT completeChanged();
        return;
    }
    const Core::GeneratedPlan &plan = m_session->plan();
    // Update the tabs in place when the same artifacts remain, so the admin keeps the tab and the
    // scroll position while adjusting.
    QStringList ids;
    for (const Core::Artifact &artifact : plan.artifacts) {
        ids.append(artifact.id);
    }
    QStringList shown;
    for (int i = 0; i < m_tabs->count(); ++i) {
        shown.append(m_tabs->widget(i)->property("artifactId").toString());
    }
    // The file that carries the grant first, then the others in the order the apply takes them;
    // the preview opens on that first tab.
    const QString main = Core::mainArtifactId(plan.artifacts);
    if (const qsizetype at = ids.indexOf(main); at > 0) {
        ids.move(at, 0);
    }
    if (ids != shown) {
        const QString current =
            m_tabs->currentWidget() ? m_tabs->currentWidget()->property("artifactId").toString() : QString();
        while (m_tabs->count() > 0) {
            QWidget *widget = m_tabs->widget(0);
            m_tabs->removeTab(0);
            delete widget;
        }
        for (const QString &id : std::as_const(ids)) {
            const auto artifact = std::find_if(plan.artifacts.cbegin(), plan.artifacts.cend(),
                                               [&id](const Core::Artifact &a) { return a.id == id; });
            auto *view = new ArtifactView(m_tabs);
            view->setObjectName(u"artifactView_"_s + id);
            view->setProperty("artifactId", id);
            m_tabs->addTab(view, Core::exportFileName(*artifact));
        }
        const int kept = int(ids.indexOf(current));
        m_tabs->setCurrentIndex(kept >= 0 ? kept : 0);
    }
    for (const Core::Artifact &artifact : plan.artifacts) {
        viewFor(artifact.id)->setArtifact(artifact);
    }
    // Two files create the one user: say which the apply uses, so the admin does not run both.
    const auto has = [&plan](const QString &id) {
        return std::any_of(plan.artifacts.cbegin(), plan.artifacts.cend(),
                           [&id](const Core::Artifact &a) { return a.id == id; });
    };
    const bool twoWays = has(u"useradd"_s) && has(u"sysusers"_s);
    m_userNote->setVisible(twoWays);
    if (twoWays) {
        QString sysusers;
        for (const Core::Artifact &artifact : plan.artifacts) {
            if (artifact.id == u"sysusers") {
                sysusers = Core::exportFileName(artifact);
            }
        }
        m_userNote->setText(tr("Apply creates the user %1 with the useradd line (useradd.sh) and installs %2 as "
                               "well, so that systemd-sysusers keeps the user declared. By hand, run one of the two, "
                               "not both.")
                                .arg(plan.input.serviceUser, sysusers));
    }
    QStringList conflicts;
    for (const Core::Conflict &conflict : plan.conflicts) {
        // In the reader's language; plan.json keeps the English.
        const QString consequence =
            conflict.consequenceShown.isEmpty() ? conflict.consequence : conflict.consequenceShown;
        const QString fix = conflict.fixShown.isEmpty() ? conflict.fix : conflict.fixShown;
        conflicts.append(u"<li><b>%1</b> %2</li>"_s.arg(Core::oneLine(consequence).toHtmlEscaped(),
                                                        Core::oneLine(fix).toHtmlEscaped()));
    }
    m_conflicts->setVisible(!conflicts.isEmpty());
    m_conflicts->setText(tr("Conflicts to know about:") + u"<ul>"_s + conflicts.join(QString()) + u"</ul>"_s);
    showChecks();
    Q_EMIT completeChanged();
}

void PreviewPage::showChecks()
{
    if (!m_session->hasPlan()) {
        return;
    }
    const bool current = m_session->checksCurrent();
    const Core::GeneratedPlan &plan = m_session->plan();
    int failed = 0;
    int checked = 0;
    for (const Core::Artifact &artifact : plan.artifacts) {
        ArtifactView *view = viewFor(artifact.id);
        if (!view) {
            continue;
        }
        const ArtifactCheck check = m_session->check(artifact.id);
        view->setCheck(check, current);
        const bool ran = current && check.validated && check.validation.result.available;
        const bool bad = ran && !check.validation.result.ok;
        failed += bad ? 1 : 0;
        checked += ran ? 1 : 0;
        m_tabs->setTabIcon(m_tabs->indexOf(view), !ran ? checkIcon(CheckState::Unknown)
                                                       : checkIcon(bad ? CheckState::Failed : CheckState::Passed));
    }
    m_progress->setVisible(!current);
    if (!current) {
        m_status->setText(
            tr("%n file(s) generated; the validators are checking them…", nullptr, int(plan.artifacts.size())));
    } else if (failed > 0) {
        m_status->setText(tr("%n file(s) fail their validator: see the tabs marked with a red cross. Such a plan "
                             "cannot be exported.",
                             nullptr, failed));
    } else if (checked == plan.artifacts.size()) {
        m_status->setText(
            tr("%n file(s) generated, each checked by its real validator.", nullptr, int(plan.artifacts.size())));
    } else {
        // Only what a validator really checked is called checked: a command line or a manifest
        // that needs a cluster has none that works offline, and its tab says so.
        m_status->setText(tr("%n file(s) generated; %1 checked by the real validators. No validator checks the "
                             "others offline: their tabs say so.",
                             nullptr, int(plan.artifacts.size()))
                              .arg(checked));
    }
}

} // namespace Deroot::Ui
