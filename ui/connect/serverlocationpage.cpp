#include "connect/serverlocationpage.h"

#include "domain/error.h"

#include <QButtonGroup>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace dpm {

namespace {

QHBoxLayout *withBrowse(QLineEdit *edit, QPushButton *button)
{
    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(edit, 1);
    row->addWidget(button);
    return row;
}

} // namespace

ServerLocationPage::ServerLocationPage(QWidget *parent)
    : QWidget(parent)
{
    m_url = new QLineEdit(this);
    m_url->setAccessibleName(tr("Server URL"));
    m_url->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_url->setPlaceholderText(tr("https://dpm-api.internal:8443"));
    m_url->setToolTip(tr("A server of the DPM API: dpmctl serve, or the service itself (fewer pages)."));
    m_tokenPrompt = new QRadioButton(tr("Ask for the token when the server wants one"), this);
    m_tokenPrompt->setAccessibleName(tr("Ask for the token"));
    m_tokenFile = new QRadioButton(tr("Read the token from a &file"), this);
    m_tokenFile->setAccessibleName(tr("Read the token from a file"));
    auto *tokenModes = new QButtonGroup(this);
    tokenModes->addButton(m_tokenPrompt);
    tokenModes->addButton(m_tokenFile);
    m_tokenPrompt->setChecked(true);
    m_tokenFilePath = new QLineEdit(this);
    m_tokenFilePath->setAccessibleName(tr("Token file"));
    m_tokenFilePath->setEnabled(false);
    m_browseToken = new QPushButton(tr("Bro&wse…"), this);
    m_browseToken->setAccessibleName(tr("Browse for the token file"));
    m_browseToken->setEnabled(false);
    m_caFile = new QLineEdit(this);
    m_caFile->setAccessibleName(tr("CA certificate file"));
    m_caFile->setPlaceholderText(tr("the system's CAs"));
    m_caFile->setToolTip(tr("A PEM file with the CA that signed the server's certificate, when the system does "
                            "not trust it already."));
    m_browseCa = new QPushButton(tr("Brow&se…"), this);
    m_browseCa->setAccessibleName(tr("Browse for the CA certificate"));

    auto *form = new QFormLayout;
    form->setContentsMargins(0, 0, 0, 0);
    auto *urlLabel = new QLabel(tr("&URL:"), this);
    urlLabel->setBuddy(m_url);
    form->addRow(urlLabel, m_url);
    form->addRow(tr("Token:"), m_tokenPrompt);
    form->addRow(QString(), m_tokenFile);
    form->addRow(QString(), withBrowse(m_tokenFilePath, m_browseToken));
    auto *caLabel = new QLabel(tr("&CA file:"), this);
    caLabel->setBuddy(m_caFile);
    form->addRow(caLabel, withBrowse(m_caFile, m_browseCa));
    auto *hint = new QLabel(tr("Read-only: every page reads through the server; the Admin page stays off. The "
                               "token is never saved."),
        this);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addWidget(hint);
    layout->addStretch(1);

    for (QLineEdit *edit : { m_url, m_tokenFilePath, m_caFile })
        connect(edit, &QLineEdit::textChanged, this, &ServerLocationPage::changed);
    connect(m_tokenFile, &QRadioButton::toggled, this, [this](bool fromFile) {
        m_tokenFilePath->setEnabled(fromFile);
        m_browseToken->setEnabled(fromFile);
        Q_EMIT changed();
    });
    const auto browse = [this](QLineEdit *edit, const QString &title) {
        const QString path = QFileDialog::getOpenFileName(this, title, edit->text());
        if (!path.isEmpty())
            edit->setText(path);
    };
    connect(m_browseToken, &QPushButton::clicked, this, [this, browse] { browse(m_tokenFilePath, tr("Token File")); });
    connect(m_browseCa, &QPushButton::clicked, this, [this, browse] { browse(m_caFile, tr("CA Certificate")); });
}

QList<QWidget *> ServerLocationPage::tabOrder() const
{
    return { m_url, m_tokenPrompt, m_tokenFile, m_tokenFilePath, m_browseToken, m_caFile, m_browseCa };
}

StoreLocation ServerLocationPage::location() const
{
    const QString url = m_url->text().trimmed();
    if (!url.startsWith(QLatin1String("http://"), Qt::CaseInsensitive)
        && !url.startsWith(QLatin1String("https://"), Qt::CaseInsensitive)) {
        throw Error(ErrorKind::Configuration, QStringLiteral("STORE_LOCATION_INVALID"),
            tr("The server's URL starts with http:// or https://; enter it in the URL field."));
    }
    StoreLocation parsed = StoreLocation::parse(url);
    QMap<QString, QString> options;
    for (const QString &name : StoreLocation::remoteOptionNames()) {
        if (name != QLatin1String("token") && !parsed.remoteOption(name).isEmpty())
            options.insert(name, parsed.remoteOption(name));
    }
    if (m_tokenFile->isChecked()) {
        if (m_tokenFilePath->text().trimmed().isEmpty()) {
            throw Error(ErrorKind::Configuration, QStringLiteral("STORE_LOCATION_INVALID"),
                tr("Choose the file that holds the token, or let the console ask for it."));
        }
        options.insert(QStringLiteral("token_file"), m_tokenFilePath->text().trimmed());
    }
    if (!m_caFile->text().trimmed().isEmpty())
        options.insert(QStringLiteral("ca_file"), m_caFile->text().trimmed());
    return StoreLocation::remote(parsed.remoteUrl(), options);
}

void ServerLocationPage::setLocation(const StoreLocation &location)
{
    m_url->setText(location.remoteUrl());
    const QString tokenFile = location.remoteOption(QStringLiteral("token_file"));
    m_tokenFilePath->setText(tokenFile);
    (tokenFile.isEmpty() ? m_tokenPrompt : m_tokenFile)->setChecked(true);
    m_caFile->setText(location.remoteOption(QStringLiteral("ca_file")));
}

} // namespace dpm
