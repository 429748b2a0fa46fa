#include "admin/actionstatuswidget.h"

#include "common/statuscolors.h"

#include <QCoreApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace dpm {

ActionStatusWidget::ActionStatusWidget(QWidget *parent)
    : QWidget(parent)
    , m_progress(new QProgressBar(this))
    , m_sentence(new QLabel(this))
    , m_cancel(new QPushButton(tr("&Cancel"), this))
    , m_result(new QLabel(this))
{
    m_sentence->setWordWrap(true);
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_cancel);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(progressRow);
    layout->addWidget(m_sentence);
    layout->addWidget(m_result);
    m_progress->hide();
    m_sentence->hide();
    m_cancel->hide();
    m_result->hide();

    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (!m_running || m_cancelling)
            return;
        m_cancelling = true;
        m_cancel->setEnabled(false);
        Q_EMIT cancelRequested();
    });
}

void ActionStatusWidget::setAccessibleNames(
    const QString &progress, const QString &sentence, const QString &cancel, const QString &result)
{
    m_progress->setAccessibleName(progress);
    m_sentence->setAccessibleName(sentence);
    m_cancel->setAccessibleName(cancel);
    m_result->setAccessibleName(result);
}

void ActionStatusWidget::setCancelToolTip(const QString &toolTip)
{
    m_cancel->setToolTip(toolTip);
}

void ActionStatusWidget::start(const QString &sentence)
{
    ++m_run;
    m_running = true;
    m_cancelling = false;
    m_progress->setRange(0, 0);
    m_progress->setValue(0);
    m_sentence->setText(sentence);
    m_cancel->setEnabled(true);
    m_progress->show();
    m_sentence->show();
    m_cancel->show();
    m_result->hide();
}

void ActionStatusWidget::setProgress(int done, int total, const QString &sentence)
{
    if (!m_running)
        return;
    m_progress->setRange(0, qMax(0, total));
    m_progress->setValue(total > 0 ? qBound(0, done, total) : 0);
    if (!sentence.isEmpty() && !m_cancelling)
        m_sentence->setText(sentence);
}

void ActionStatusWidget::setSentence(const QString &sentence)
{
    m_sentence->setText(sentence);
}

ActionProgressFn ActionStatusWidget::progressFunction()
{
    // Posted to the application object, which outlives every worker; the widget is looked up
    // there, on the UI thread.
    return [self = QPointer<ActionStatusWidget>(this), run = m_run](int done, int total, const QString &sentence) {
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, run, done, total, sentence] {
                if (self && self->m_run == run)
                    self->setProgress(done, total, sentence);
            },
            Qt::QueuedConnection);
    };
}

void ActionStatusWidget::stop()
{
    ++m_run;
    m_running = false;
    m_cancelling = false;
    m_progress->hide();
    m_sentence->hide();
    m_cancel->hide();
}

void ActionStatusWidget::showResult(const QString &text, bool failed)
{
    m_result->setText(text);
    QPalette palette = m_result->palette();
    palette.setColor(QPalette::WindowText, failed ? badColor(palette) : this->palette().color(QPalette::WindowText));
    m_result->setPalette(palette);
    m_result->show();
}

void ActionStatusWidget::hideResult()
{
    m_result->hide();
}

QString ActionStatusWidget::resultText() const
{
    return m_result->isHidden() ? QString() : m_result->text();
}

QString ActionStatusWidget::sentence() const
{
    return m_sentence->text();
}

} // namespace dpm
