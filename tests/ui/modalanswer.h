#pragma once

// Answering the modal questions a person would answer: the console's confirmations are
// QMessageBoxes opened with exec(), so the answer is clicked from a timer while they run.

#include <QApplication>
#include <QAbstractButton>
#include <QMessageBox>
#include <QTimer>
#include <QtTest>

namespace dpm::test {

// Answers the next modal confirmation with `button`; its question lands in *question.
inline void answerNextConfirmation(QMessageBox::StandardButton button, QString *question = nullptr)
{
    auto *timer = new QTimer(qApp);
    timer->setInterval(5);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, button, question] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        timer->stop();
        timer->deleteLater();
        if (question)
            *question = box->text();
        QTest::mouseClick(box->button(button), Qt::LeftButton);
    });
    timer->start();
}

} // namespace dpm::test
