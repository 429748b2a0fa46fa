#pragma once

#include "listing/keysetlistmodel.h"
#include "listing/listingview.h"

#include <QWidget>

class QHBoxLayout;
class QLabel;
class QLineEdit;
class QComboBox;
class QTimer;
class QVBoxLayout;

namespace dpm {

class StoreSession;

// What the Runs, Decisions and Operations pages share: a row of filter fields over a
// ListingView. A change in any field applies the filter after a short pause (Enter applies at
// once), so typing does not start a query per key.
class ListingPage : public QWidget
{
    Q_OBJECT

public:
    virtual void setSession(StoreSession *session);
    // A sentence above the filters about the store (the listing migrations it lacks); empty hides it.
    void setStoreNotice(const QString &text);
    QString storeNotice() const;
    // The store lacks the tables this listing reads: the notice says so (empty: it has them),
    // and the page neither queries nor shows an error. Set before setSession().
    void setUnavailable(const QString &notice);
    bool isUnavailable() const { return m_unavailable; }
    ListingView *listing() const { return m_listing; }

public Q_SLOTS:
    // Reads the filter fields and reloads the listing from its first page.
    void applyFilter();
    void clearFilters();
    // Moves the keyboard focus to the first filter field.
    void focusFilters();

protected:
    ListingPage(const QString &settingsKey, QList<ListColumn> columns, QWidget *parent);

    // The loader for the fields' current values.
    virtual PageLoader makeLoader() const = 0;
    void showEvent(QShowEvent *event) override;
    virtual void resetFilterFields() = 0;

    // Adds a labelled field to the filter row and applies the filter when it changes.
    void addFilterField(const QString &label, QWidget *field);
    QLineEdit *addTextFilter(const QString &label, const QString &placeholder);
    QComboBox *addChoiceFilter(const QString &label, const QStringList &values);
    // For any other widget: call when its value changed.
    void scheduleApply();
    QVBoxLayout *pageLayout() const { return m_layout; }
    StoreSession *session() const { return m_session; }

private:
    StoreSession *m_session = nullptr;
    QVBoxLayout *m_layout;
    QLabel *m_notice;
    QHBoxLayout *m_filters;
    ListingView *m_listing;
    QTimer *m_applyTimer;
    QWidget *m_firstField = nullptr;
    bool m_loadWhenShown = false;
    bool m_unavailable = false;
};

// Optional text: empty or blank is "no filter".
std::optional<QString> optionalFilterText(const QString &text);

} // namespace dpm
