#pragma once

#include "domain/error.h"

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace dpm {

// What the window shows instead of the pages while a store opens or when it cannot be opened:
// the (redacted) location, a busy bar with Cancel, or the error's reason code and sentence
// with Retry and "Connect to another store…".
class StoreStatusPanel : public QWidget
{
    Q_OBJECT

public:
    explicit StoreStatusPanel(QWidget *parent = nullptr);

    void showOpening(const QString &redactedLocation);
    void showFilling(const QString &redactedLocation);
    void showError(const QString &redactedLocation, const Error &error);
    QString errorCode() const { return m_errorCode; }

Q_SIGNALS:
    void retryRequested();
    void connectRequested();
    void cancelRequested();

private:
    QLabel *m_title;
    QLabel *m_detail;
    QProgressBar *m_busy;
    QPushButton *m_cancel;
    QPushButton *m_retry;
    QPushButton *m_connect;
    QString m_errorCode;
};

} // namespace dpm
