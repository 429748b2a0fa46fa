#include "outbox/outboxbacklogtiles.h"

#include "common/statuscolors.h"
#include "services/outboxposture.h"

#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace dpm {

OutboxBacklogTiles::OutboxBacklogTiles(QWidget *parent)
    : QWidget(parent)
{
    const QString captions[TileCount]
        = { tr("Pending"), tr("Due now"), tr("Oldest pending"), tr("Failed"), tr("Dead") };
    const QString tips[TileCount] = { tr("Deliveries waiting for the relay (status PENDING)."),
        tr("PENDING or FAILED deliveries whose next attempt is due."),
        tr("Age of the oldest PENDING delivery: amber past %1 s, red past %2 s (stale backlog).")
            .arg(kOutboxAgeWarningSeconds)
            .arg(kOutboxAgeAlertSeconds),
        tr("Deliveries that failed and will be retried by the relay."),
        tr("Deliveries that gave up after their maximum attempts, or were discarded.") };
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    for (int i = 0; i < TileCount; ++i) {
        auto *tile = new QFrame(this);
        tile->setFrameShape(QFrame::StyledPanel);
        tile->setAutoFillBackground(true);
        tile->setBackgroundRole(QPalette::Base);
        tile->setToolTip(tips[i]);
        m_values[i] = new QLabel(QStringLiteral("—"), tile);
        QFont big = m_values[i]->font();
        big.setPointSizeF(big.pointSizeF() * 1.8);
        big.setBold(true);
        m_values[i]->setFont(big);
        m_values[i]->setAccessibleName(captions[i]);
        m_values[i]->setTextInteractionFlags(Qt::TextSelectableByMouse);
        auto *caption = new QLabel(captions[i], tile);
        caption->setForegroundRole(QPalette::PlaceholderText);
        auto *tileLayout = new QVBoxLayout(tile);
        tileLayout->addWidget(m_values[i]);
        tileLayout->addWidget(caption);
        tile->setMinimumWidth(fontMetrics().averageCharWidth() * 16);
        layout->addWidget(tile);
    }
}

QString OutboxBacklogTiles::ageText(qint64 seconds)
{
    if (seconds < 60)
        return tr("%1 s").arg(seconds);
    if (seconds < 3600)
        return tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60);
    if (seconds < 86400)
        return tr("%1 h %2 min").arg(seconds / 3600).arg(seconds % 3600 / 60);
    return tr("%1 d %2 h").arg(seconds / 86400).arg(seconds % 86400 / 3600);
}

void OutboxBacklogTiles::setStats(const std::optional<OutboxStats> &stats)
{
    m_stats = stats;
    const QLocale locale;
    for (int i = 0; i < TileCount; ++i)
        m_tones[i] = Tone::Neutral;
    if (!stats) {
        for (QLabel *value : m_values)
            value->setText(QStringLiteral("—"));
        applyTones();
        return;
    }
    m_values[PendingTile]->setText(locale.toString(stats->pending));
    m_values[DueNowTile]->setText(locale.toString(stats->dueNow));
    m_values[FailedTile]->setText(locale.toString(stats->failed));
    m_values[DeadTile]->setText(locale.toString(stats->dead));
    const std::optional<qint64> age = stats->oldestPendingAgeSeconds;
    m_values[OldestAgeTile]->setText(age ? ageText(*age) : tr("none"));
    if (age)
        m_tones[OldestAgeTile] = *age > kOutboxAgeAlertSeconds ? Tone::Alert
            : *age > kOutboxAgeWarningSeconds                  ? Tone::Warning
                                                               : Tone::Good;
    m_tones[FailedTile] = stats->failed > 0 ? Tone::Warning : Tone::Good;
    m_tones[DeadTile] = stats->dead > 0 ? Tone::Alert : Tone::Good;
    applyTones();
}

QString OutboxBacklogTiles::valueText(Tile tile) const
{
    return m_values[tile]->text();
}

void OutboxBacklogTiles::applyTones()
{
    for (int i = 0; i < TileCount; ++i) {
        QPalette p = m_values[i]->palette();
        const QPalette &base = palette();
        switch (m_tones[i]) {
        case Tone::Neutral:
            p.setColor(QPalette::WindowText, base.color(QPalette::WindowText));
            break;
        case Tone::Good:
            p.setColor(QPalette::WindowText, goodColor(base));
            break;
        case Tone::Warning:
            p.setColor(QPalette::WindowText, warningColor(base));
            break;
        case Tone::Alert:
            p.setColor(QPalette::WindowText, badColor(base));
            break;
        }
        m_values[i]->setPalette(p);
    }
}

void OutboxBacklogTiles::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyTones();
}

} // namespace dpm
