#pragma once

#include "store/storelocation.h"

#include <QWidget>

class QLineEdit;
class QRadioButton;
class QPushButton;

namespace dpm {

// The connect dialog's "Server" choice: a server speaking the service's HTTP API (dpmctl serve or
// the service itself) read read-only. The bearer token comes from a prompt when the server asks
// for one, or from a file; it is never typed into a field that could be saved, and never saved.
class ServerLocationPage : public QWidget
{
    Q_OBJECT

public:
    explicit ServerLocationPage(QWidget *parent = nullptr);

    // The location the fields describe (no token in it); throws STORE_LOCATION_INVALID.
    StoreLocation location() const;
    void setLocation(const StoreLocation &location);
    QList<QWidget *> tabOrder() const;

Q_SIGNALS:
    void changed();

private:
    QLineEdit *m_url = nullptr;
    QRadioButton *m_tokenPrompt = nullptr;
    QRadioButton *m_tokenFile = nullptr;
    QLineEdit *m_tokenFilePath = nullptr;
    QPushButton *m_browseToken = nullptr;
    QLineEdit *m_caFile = nullptr;
    QPushButton *m_browseCa = nullptr;
};

} // namespace dpm
