#include "shell/aboutdialog.h"

#include "common/icons.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <graphviz_version.h>

namespace dpm {

QList<LinkedLibrary> AboutDialog::consoleLibraries(const VersionReport &report)
{
    QList<LinkedLibrary> libraries = report.libraries;
    // Qt's own modules are LGPL-3.0 except Qt Charts, which Qt publishes under the GPL only.
    libraries.insert(1, { QStringLiteral("Qt Charts"), report.qtVersion, QStringLiteral("GPL-3.0-only") });
    libraries << LinkedLibrary { QStringLiteral("Graphviz"), QStringLiteral(PACKAGE_VERSION),
        QStringLiteral("EPL-1.0") };
    return libraries;
}

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
    , m_report(versionReport(QStringLiteral("dpm-console")))
    , m_details(new QTextBrowser(this))
{
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About DPM Support Console"));

    auto *icon = new QLabel(this);
    icon->setPixmap(applicationIcon().pixmap(64, 64));
    auto *title = new QLabel(tr("<h2>DPM Support Console %1</h2>"
                                "<p>Investigation and administration of the DPM supportability store.</p>")
                                 .arg(m_report.version.toHtmlEscaped()),
        this);
    title->setObjectName(QStringLiteral("aboutTitle"));
    title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *head = new QHBoxLayout;
    head->addWidget(icon, 0, Qt::AlignTop);
    head->addWidget(title, 1);

    QString html = QStringLiteral("<table cellspacing=4>");
    const auto row = [&html](const QString &name, const QString &value, const QString &extra = {}) {
        html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td><td>%3</td></tr>")
                    .arg(name.toHtmlEscaped(), value.toHtmlEscaped(), extra.toHtmlEscaped());
    };
    row(tr("Revision"), m_report.revision);
    row(tr("Qt"),
        m_report.qtVersion == m_report.qtBuildVersion
            ? m_report.qtVersion
            : tr("%1 (built with %2)").arg(m_report.qtVersion, m_report.qtBuildVersion));
    row(tr("SQL drivers"),
        m_report.sqlDrivers.isEmpty() ? tr("none found") : m_report.sqlDrivers.join(QStringLiteral(", ")));
    html += QStringLiteral("</table><h4>%1</h4><table cellspacing=4>").arg(tr("Libraries and their licences"));
    for (const LinkedLibrary &library : consoleLibraries(m_report))
        row(library.name, library.version, library.licence);
    html += QStringLiteral("</table>");
    m_details->setObjectName(QStringLiteral("aboutDetails"));
    m_details->setAccessibleName(tr("Version and licences"));
    m_details->setHtml(html);
    m_details->setOpenExternalLinks(false);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *copy = buttons->addButton(tr("&Copy"), QDialogButtonBox::ActionRole);
    copy->setObjectName(QStringLiteral("aboutCopy"));
    connect(copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(plainText()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(head);
    layout->addWidget(m_details, 1);
    layout->addWidget(buttons);
    resize(fontMetrics().averageCharWidth() * 70, fontMetrics().height() * 26);
}

QString AboutDialog::plainText() const
{
    QString text = m_report.toText();
    for (const LinkedLibrary &library : consoleLibraries(m_report))
        text += QStringLiteral("%1 %2 (%3)\n").arg(library.name, library.version, library.licence);
    return text;
}

} // namespace dpm
