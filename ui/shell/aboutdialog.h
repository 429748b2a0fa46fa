#pragma once

#include "services/versionreport.h"

#include <QDialog>

class QTextBrowser;

namespace dpm {

// Help → About: what `dpm-console --version` prints (version, git revision, Qt, SQL drivers), and
// the libraries the console links with their licences. Copy puts the text on the clipboard for a
// support ticket.
class AboutDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AboutDialog(QWidget *parent = nullptr);

    // core's libraries plus the console's own (Qt Charts, Graphviz).
    static QList<LinkedLibrary> consoleLibraries(const VersionReport &report);
    // The version report and the library list as plain text (what Copy copies).
    QString plainText() const;

private:
    VersionReport m_report;
    QTextBrowser *m_details;
};

} // namespace dpm
