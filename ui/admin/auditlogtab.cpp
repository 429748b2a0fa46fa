#include "admin/auditlogtab.h"

#include "listing/keysetlistmodel.h"
#include "listing/listingview.h"
#include "listing/listrows.h"
#include "common/statuscolors.h"
#include "store/auditlog.h"
#include "store/supportstore.h"

#include <QGuiApplication>
#include <QTableView>
#include <QVBoxLayout>

namespace dpm {

namespace {

QList<ListColumn> auditColumns()
{
    // Details last: the widest text gets the stretched column.
    return { { QStringLiteral("occurred_at"), AuditLogTab::tr("Occurred at") },
        { QStringLiteral("action"), AuditLogTab::tr("Action") },
        { QStringLiteral("outcome"), AuditLogTab::tr("Outcome") },
        { QStringLiteral("actor"), AuditLogTab::tr("Actor") }, { QStringLiteral("target"), AuditLogTab::tr("Store") },
        { QStringLiteral("audit_id"), AuditLogTab::tr("Id") },
        { QStringLiteral("details"), AuditLogTab::tr("Details") } };
}

constexpr int kOutcomeColumn = 2;

ListRow auditRow(const AuditEntry &entry)
{
    ListRow row;
    row.id = entry.auditId;
    // Coloured like an operation status: succeeded green, failed red.
    row.status = entry.outcome.startsWith(QLatin1String("failed")) ? QStringLiteral("FAILED")
        : entry.outcome == QLatin1String("succeeded")              ? QStringLiteral("SUCCEEDED")
                                                                   : QStringLiteral("PENDING");
    row.values = QStringList { entry.occurredAt, entry.action, entry.outcome, entry.actor, entry.target, entry.auditId,
        entry.detailsJson };
    for (const QString &value : std::as_const(row.values))
        row.display << displayCell(value);
    row.json = entry.toJson();
    return row;
}

} // namespace

AuditLogTab::AuditLogTab(QWidget *parent)
    : QWidget(parent)
    , m_model(new KeysetListModel(auditColumns(), this))
    , m_listing(new ListingView(QStringLiteral("auditLog"), m_model, this))
{
    m_listing->table()->setAccessibleName(tr("Audit log"));
    m_model->setStatusColumn(kOutcomeColumn);
    m_model->setStatusColors([](const QString &status) {
        const QColor color = operationStatusColor(status, QGuiApplication::palette());
        return color.isValid() ? QVariant(color) : QVariant();
    });
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_listing);
    connect(
        m_model, &KeysetListModel::firstPageArrived, this, [this] { m_listing->table()->resizeColumnsToContents(); });
}

void AuditLogTab::setSession(StoreSession *session)
{
    m_listing->setSession(session);
    reload();
}

void AuditLogTab::reload()
{
    m_model->setLoader(
        [](SupportStore &store, const PageRequest &page) { return listPageOf(store.auditLog().list(page), auditRow); });
}

} // namespace dpm
