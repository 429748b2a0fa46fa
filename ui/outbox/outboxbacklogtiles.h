#pragma once

#include "domain/runevents.h"

#include <QWidget>

#include <optional>

class QLabel;

namespace dpm {

// The outbox backlog at a glance: PENDING, due now, age of the oldest PENDING (warning colour
// past kOutboxAgeWarningSeconds, alert past kOutboxAgeAlertSeconds), FAILED and DEAD, each a
// tile with a big number. Colours follow the palette; the numbers carry the meaning.
class OutboxBacklogTiles : public QWidget
{
    Q_OBJECT

public:
    enum Tile { PendingTile, DueNowTile, OldestAgeTile, FailedTile, DeadTile, TileCount };
    Q_ENUM(Tile)
    // How a tile is coloured (for tests and the screenshots).
    enum class Tone { Neutral, Good, Warning, Alert };

    explicit OutboxBacklogTiles(QWidget *parent = nullptr);

    // nullopt: not read yet (dashes).
    void setStats(const std::optional<OutboxStats> &stats);
    QString valueText(Tile tile) const;
    Tone tone(Tile tile) const { return m_tones[tile]; }

    // "45 s", "3 min 20 s", "2 h 5 min", "4 d 3 h".
    static QString ageText(qint64 seconds);

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyTones();

    std::optional<OutboxStats> m_stats;
    QLabel *m_values[TileCount];
    Tone m_tones[TileCount] = {};
};

} // namespace dpm
