#include "shell/storehealthdialog.h"

#include "session/requesttracker.h"
#include "session/storesession.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace dpm {

namespace {

QLabel *valueLabel(QWidget *parent, const QString &name)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    return label;
}

QString ms(double seconds)
{
    return QString::number(seconds * 1000.0, 'f', seconds < 0.01 ? 2 : 1);
}

} // namespace

StoreHealthDialog::StoreHealthDialog(QWidget *parent)
    : QDialog(parent)
    , m_request(new RequestTracker(this))
    , m_state(valueLabel(this, QStringLiteral("healthState")))
    , m_connection(valueLabel(this, QStringLiteral("healthConnection")))
    , m_server(valueLabel(this, QStringLiteral("healthServer")))
    , m_role(valueLabel(this, QStringLiteral("healthRole")))
    , m_pool(valueLabel(this, QStringLiteral("healthPool")))
    , m_targets(valueLabel(this, QStringLiteral("healthTargets")))
    , m_dualWrite(valueLabel(this, QStringLiteral("healthDualWrite")))
    , m_latency(new QTableWidget(kQueryKindCount, 5, this))
    , m_refresh(new QPushButton(tr("&Refresh"), this))
{
    setObjectName(QStringLiteral("storeHealthDialog"));
    setWindowTitle(tr("Store health"));
    auto *form = new QFormLayout;
    form->addRow(tr("State:"), m_state);
    form->addRow(tr("Store:"), m_connection);
    form->addRow(tr("Server:"), m_server);
    form->addRow(tr("Role:"), m_role);
    form->addRow(tr("Pool:"), m_pool);
    form->addRow(tr("Reads and writes:"), m_targets);
    form->addRow(tr("Dual-write:"), m_dualWrite);

    m_latency->setObjectName(QStringLiteral("healthLatency"));
    m_latency->setAccessibleName(tr("Latency per query kind"));
    m_latency->setHorizontalHeaderLabels({ tr("Calls"), tr("Failures"), tr("p50 ms"), tr("p95 ms"), tr("p99 ms") });
    QStringList kinds;
    for (int k = 0; k < kQueryKindCount; ++k)
        kinds << queryKindName(QueryKind(k));
    m_latency->setVerticalHeaderLabels(kinds);
    m_latency->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_latency->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_latency->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);

    m_refresh->setObjectName(QStringLiteral("healthRefresh"));
    m_refresh->setShortcut(QKeySequence::Refresh);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_refresh, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_refresh, &QPushButton::clicked, this, &StoreHealthDialog::refresh);
    connect(m_request, &RequestTracker::busyChanged, this, [this](bool busy) {
        m_refresh->setEnabled(!busy);
        if (busy)
            m_state->setText(tr("Asking the store…"));
    });

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Latency and failures per query kind (this console, since it started):"), this));
    layout->addWidget(m_latency, 1);
    layout->addWidget(buttons);
    resize(640, 520);
}

void StoreHealthDialog::setSession(StoreSession *session)
{
    m_session = session;
    refresh();
}

void StoreHealthDialog::refresh()
{
    if (!m_session || !m_session->isOpen()) {
        m_request->cancel();
        m_state->setText(tr("Not connected: open a store first."));
        return;
    }
    const StorePool pool = m_session->pool();
    m_request->start(
        *m_session, [pool](SupportStore &store) { return storeStatus(store, pool); },
        [this](const StoreStatus &status) { showStatus(status); }, [this](const Error &error) { showError(error); });
}

void StoreHealthDialog::showStatus(const StoreStatus &status)
{
    m_status = status;
    if (status.postgresConfigured && !status.postgresConnected)
        m_state->setText(tr("Not connected: %1").arg(status.postgresError));
    else
        m_state->setText(tr("Connected"));
    m_connection->setText(status.dualWriteEnabled
            ? tr("%1 (%2), dual-write to %3").arg(status.location, status.backend, status.postgresLocation)
            : QStringLiteral("%1 (%2)").arg(status.location, status.backend));
    m_server->setText(status.server.serverVersion.isEmpty() ? tr("in memory") : status.server.serverVersion);
    if (status.role() == QLatin1String("replica")) {
        m_role->setText(status.server.replayLagSeconds
                ? tr("replica, replay lag %1 s").arg(*status.server.replayLagSeconds, 0, 'f', 1)
                : tr("replica, nothing replayed yet"));
    } else {
        m_role->setText(status.role().isEmpty() ? tr("single store") : tr("primary"));
    }
    if (status.connections) {
        const ConnectionPoolFigures &c = *status.connections;
        m_pool->setText(tr("%1 connections open, %2 active, %3 idle, %4 waiting; %5 workers")
                            .arg(c.open)
                            .arg(c.active)
                            .arg(c.idle())
                            .arg(c.waiting)
                            .arg(status.pool.size));
    } else {
        m_pool->setText(tr("%1 connections, %2 active, %3 idle")
                            .arg(status.pool.size)
                            .arg(status.pool.active)
                            .arg(std::max(0, status.pool.size - status.pool.active)));
    }
    m_targets->setText(tr("writes to %1, reads from %2 (PostgreSQL: %3% configured, %4% actual)")
                           .arg(status.writeTarget, status.readTarget)
                           .arg(status.readFromPostgresPercent)
                           .arg(status.actualReadFromPostgresPercent, 0, 'f', 1));
    m_dualWrite->setText(status.dualWriteEnabled
            ? tr("on: %1 writes mirrored to PostgreSQL, %2 of them failed; reads answered by the primary %3, "
                 "by PostgreSQL %4; %5 PostgreSQL reads fell back to the primary")
                  .arg(status.dualWriteMirroredWrites)
                  .arg(status.dualWriteFailures)
                  .arg(status.readsFromPrimary)
                  .arg(status.readsFromPostgres)
                  .arg(status.postgresReadFallbacks)
            : tr("off"));
    for (int k = 0; k < kQueryKindCount; ++k) {
        const LatencySnapshot &s = status.latency[std::size_t(k)];
        const QStringList cells { QString::number(s.count), QString::number(s.failures), ms(s.p50), ms(s.p95), ms(s.p99) };
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_latency->setItem(k, c, item);
        }
    }
    Q_EMIT refreshed();
}

void StoreHealthDialog::showError(const Error &error)
{
    m_state->setText(tr("The store did not answer: %1").arg(error.toString()));
    Q_EMIT refreshed();
}

} // namespace dpm
