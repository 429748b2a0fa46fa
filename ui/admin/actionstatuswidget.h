#pragma once

#include "services/adminaction.h"

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace dpm {

// What every admin tab shows while it runs an action and after: a progress bar (a busy indicator
// until the action can count its steps), a sentence of what it is doing, a Cancel button, and
// the result line (red when it failed).
class ActionStatusWidget : public QWidget
{
    Q_OBJECT

public:
    explicit ActionStatusWidget(QWidget *parent = nullptr);

    // The parts' accessible names, by which people with screen readers (and the tests) find them.
    void setAccessibleNames(const QString &progress, const QString &sentence, const QString &cancel,
        const QString &result);
    void setCancelToolTip(const QString &toolTip);

    // Shows the bar, the sentence and Cancel; hides the last result.
    void start(const QString &sentence);
    // On the UI thread. After Cancel was clicked the sentence is kept (it says "Cancelling…").
    void setProgress(int done, int total, const QString &sentence = {});
    void setSentence(const QString &sentence);
    // For the worker thread: each call reaches setProgress() on the UI thread, unless another
    // start() or stop() came in between or this widget is gone.
    ActionProgressFn progressFunction();
    // Hides the bar, the sentence and Cancel.
    void stop();
    bool isRunning() const { return m_running; }

    void showResult(const QString &text, bool failed);
    void hideResult();
    // The result line's text; empty while it is hidden.
    QString resultText() const;
    QString sentence() const;

Q_SIGNALS:
    // Cancel was clicked (it is disabled until the next start()).
    void cancelRequested();

private:
    QProgressBar *m_progress;
    QLabel *m_sentence;
    QPushButton *m_cancel;
    QLabel *m_result;
    bool m_running = false;
    bool m_cancelling = false;
    quint64 m_run = 0; // which start() progress belongs to
};

} // namespace dpm
