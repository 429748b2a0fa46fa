#include "common/copyablefield.h"

#include "domain/printabletext.h"

#include <QClipboard>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QToolButton>

namespace dpm {

CopyableField::CopyableField(const QString &what, QWidget *parent)
    : QWidget(parent)
    , m_edit(new QLineEdit(this))
    , m_copy(new QToolButton(this))
{
    m_edit->setReadOnly(true);
    m_edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_edit->setAccessibleName(what);
    m_edit->setFrame(false);
    m_copy->setText(tr("Copy"));
    m_copy->setToolTip(tr("Copy %1").arg(what));
    m_copy->setAccessibleName(tr("Copy %1").arg(what));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_copy);
    setFocusProxy(m_edit);
    connect(m_copy, &QToolButton::clicked, this, &CopyableField::copy);
    setValue({});
}

void CopyableField::setValue(const QString &value)
{
    m_value = value;
    // Shown with its control characters visible; Copy still takes the value as stored.
    m_edit->setText(value.isEmpty() ? QStringLiteral("-") : printableText(value));
    m_edit->setCursorPosition(0);
    m_copy->setEnabled(!value.isEmpty());
}

void CopyableField::copy()
{
    if (!m_value.isEmpty())
        QGuiApplication::clipboard()->setText(m_value);
}

} // namespace dpm
