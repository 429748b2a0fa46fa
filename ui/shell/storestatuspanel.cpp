#include "shell/storestatuspanel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace dpm {

StoreStatusPanel::StoreStatusPanel(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_detail(new QLabel(this))
    , m_busy(new QProgressBar(this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_retry(new QPushButton(tr("&Retry"), this))
    , m_connect(new QPushButton(tr("&Connect to another store…"), this))
{
    setObjectName(QStringLiteral("storeStatusPanel"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true);
    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_detail->setAccessibleName(tr("Store status"));
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setAccessibleName(tr("Opening the store"));

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_retry);
    buttons->addWidget(m_connect);
    auto *box = new QVBoxLayout;
    box->addWidget(m_title);
    box->addWidget(m_detail);
    box->addWidget(m_busy);
    box->addLayout(buttons);
    auto *outer = new QVBoxLayout(this);
    outer->addStretch(1);
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addLayout(box, 4);
    row->addStretch(1);
    outer->addLayout(row);
    outer->addStretch(2);

    connect(m_retry, &QPushButton::clicked, this, &StoreStatusPanel::retryRequested);
    connect(m_connect, &QPushButton::clicked, this, &StoreStatusPanel::connectRequested);
    connect(m_cancel, &QPushButton::clicked, this, &StoreStatusPanel::cancelRequested);
}

void StoreStatusPanel::showOpening(const QString &redactedLocation)
{
    m_errorCode.clear();
    m_title->setText(tr("Opening %1…").arg(redactedLocation));
    m_detail->setText(
        tr("Connecting and checking the schema. A server that does not answer gives up after 10 seconds."));
    m_busy->show();
    m_cancel->show();
    m_retry->hide();
}

void StoreStatusPanel::showFilling(const QString &redactedLocation)
{
    m_errorCode.clear();
    m_title->setText(tr("Preparing %1…").arg(redactedLocation));
    m_detail->setText(tr("First start: the console's own store is being filled with demo data."));
    m_busy->show();
    m_cancel->hide();
    m_retry->hide();
}

void StoreStatusPanel::showError(const QString &redactedLocation, const Error &error)
{
    m_errorCode = error.code();
    m_title->setText(tr("Could not open %1").arg(redactedLocation));
    m_detail->setText(
        QStringLiteral("<b>%1</b><br>%2").arg(error.code().toHtmlEscaped(), error.message().toHtmlEscaped()));
    m_busy->hide();
    m_cancel->hide();
    m_retry->show();
    m_retry->setFocus();
}

} // namespace dpm
