#pragma once

#include <QWidget>

class QLineEdit;
class QToolButton;

namespace dpm {

// A read-only, selectable value (monospace) with a Copy button whose accessible name says what
// it copies ("Copy run id"). Empty values show "-" and cannot be copied.
class CopyableField : public QWidget
{
    Q_OBJECT

public:
    // `what` names the value in lower case for the button's accessible name: "run id".
    CopyableField(const QString &what, QWidget *parent = nullptr);

    void setValue(const QString &value);
    QString value() const { return m_value; }
    QLineEdit *lineEdit() const { return m_edit; }
    QToolButton *copyButton() const { return m_copy; }

public Q_SLOTS:
    void copy();

private:
    QString m_value;
    QLineEdit *m_edit;
    QToolButton *m_copy;
};

} // namespace dpm
