#pragma once

#include <QWidget>

namespace dpm {

class KeysetListModel;
class ListingView;
class StoreSession;

// The Audit log tab of the admin page: what was done to this store through the console and
// dpmctl (console_audit_log), newest first, paged, with copy and export.
class AuditLogTab : public QWidget
{
    Q_OBJECT

public:
    explicit AuditLogTab(QWidget *parent = nullptr);

    void setSession(StoreSession *session);
    ListingView *listing() const { return m_listing; }
    KeysetListModel *model() const { return m_model; }

public Q_SLOTS:
    void reload();

private:
    KeysetListModel *m_model;
    ListingView *m_listing;
};

} // namespace dpm
