#pragma once

#include "services/outboxactions.h"

#include <QPointer>
#include <QWidget>

#include <memory>

class QLineEdit;
class QPushButton;
class QSpinBox;

namespace dpm {

class ActionStatusWidget;
class RequestTracker;
class StoreSession;

// The Outbox page's repairs: retry or discard (with a reason) the selected delivery, retry a
// failure group, purge DELIVERED deliveries older than N days. Each goes through the admin lock,
// counts first (previewOutboxAction), asks naming the count and the database, then runs as an
// audited admin action (runOutboxAction) with progress and Cancel, as the Admin page's actions do.
class OutboxRepairPanel : public QWidget
{
    Q_OBJECT

public:
    explicit OutboxRepairPanel(QWidget *parent = nullptr);

    void setSession(StoreSession *session);
    void setUnlocked(bool unlocked);
    // What Retry / Discard act on ({} for none), and the failure group Retry group acts on.
    void setSelectedDelivery(const QString &outboxId, const QString &status);
    void setSelectedGroup(const QString &groupId, qint64 count);

    bool isBusy() const;
    QString resultText() const;
    QLineEdit *reasonField() const { return m_reason; }
    QSpinBox *purgeDaysField() const { return m_days; }
    // The page puts this one beside the failure groups.
    QPushButton *retryGroupButton() const { return m_retryGroup; }

public Q_SLOTS:
    void retrySelected();
    void discardSelected();
    void retryGroup();
    void purgeDelivered();
    // Stops the count or the action in flight; the action's transaction is then rolled back.
    void cancel();

Q_SIGNALS:
    // Deliveries changed: the page reads the outbox again.
    void storeChanged();
    // An audit entry was written (or its writing was attempted).
    void actionRecorded();

private:
    void perform(const OutboxActionOptions &options);
    void confirmAndRun(const OutboxActionOptions &options, qint64 count);
    std::shared_ptr<CancelToken> startAction(const QString &sentence);
    void endAction();
    void updateButtons();
    QString verb(OutboxActionKind kind) const;

    QPointer<StoreSession> m_session;
    bool m_unlocked = false;
    RequestTracker *m_request;
    std::shared_ptr<CancelToken> m_cancel;
    QString m_outboxId;
    QString m_status;
    QString m_groupId;
    qint64 m_groupCount = 0;

    QPushButton *m_retry;
    QLineEdit *m_reason;
    QPushButton *m_discard;
    QPushButton *m_retryGroup;
    QSpinBox *m_days;
    QPushButton *m_purge;
    ActionStatusWidget *m_actionStatus;
};

} // namespace dpm
