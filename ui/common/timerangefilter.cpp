#include "common/timerangefilter.h"

#include "domain/timestamp.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QHBoxLayout>
#include <QLabel>

namespace dpm {

namespace {

enum Preset { AnyTime, LastHour, LastDay, LastWeek, LastMonth, Custom };

constexpr qint64 kPresetSeconds[] = { 0, 3600, 86400, 7 * 86400, 30 * 86400 };

} // namespace

TimeRangeFilter::TimeRangeFilter(QWidget *parent)
    : QWidget(parent)
    , m_preset(new QComboBox(this))
    , m_from(new QDateTimeEdit(this))
    , m_to(new QDateTimeEdit(this))
{
    m_preset->addItem(tr("Any time"), AnyTime);
    m_preset->addItem(tr("Last hour"), LastHour);
    m_preset->addItem(tr("Last 24 hours"), LastDay);
    m_preset->addItem(tr("Last 7 days"), LastWeek);
    m_preset->addItem(tr("Last 30 days"), LastMonth);
    m_preset->addItem(tr("Custom range (UTC)"), Custom);
    m_preset->setAccessibleName(tr("Time range"));
    for (QDateTimeEdit *edit : { m_from, m_to }) {
        edit->setTimeSpec(Qt::UTC);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        edit->setCalendarPopup(true);
        edit->setDateTime(QDateTime::currentDateTimeUtc());
        edit->hide();
        connect(edit, &QDateTimeEdit::dateTimeChanged, this, &TimeRangeFilter::changed);
    }
    m_from->setAccessibleName(tr("From (UTC)"));
    m_to->setAccessibleName(tr("To (UTC)"));
    m_from->setDateTime(QDateTime::currentDateTimeUtc().addDays(-7));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_preset);
    layout->addWidget(m_from);
    layout->addWidget(m_to);
    connect(m_preset, &QComboBox::currentIndexChanged, this, &TimeRangeFilter::presetChosen);
}

void TimeRangeFilter::presetChosen()
{
    const bool custom = m_preset->currentData().toInt() == Custom;
    m_from->setVisible(custom);
    m_to->setVisible(custom);
    Q_EMIT changed();
}

std::optional<QString> TimeRangeFilter::from() const
{
    const int preset = m_preset->currentData().toInt();
    if (preset == AnyTime)
        return std::nullopt;
    if (preset == Custom)
        return formatTimestamp(m_from->dateTime().toUTC());
    return formatTimestamp(QDateTime::currentDateTimeUtc().addSecs(-kPresetSeconds[preset]));
}

std::optional<QString> TimeRangeFilter::to() const
{
    if (m_preset->currentData().toInt() != Custom)
        return std::nullopt;
    return formatTimestamp(m_to->dateTime().toUTC());
}

void TimeRangeFilter::setRange(const std::optional<QString> &from, const std::optional<QString> &to)
{
    if (!from && !to) {
        clear();
        return;
    }
    const QSignalBlocker blockPreset(m_preset);
    const QSignalBlocker blockFrom(m_from);
    const QSignalBlocker blockTo(m_to);
    m_preset->setCurrentIndex(m_preset->findData(Custom));
    m_from->setVisible(true);
    m_to->setVisible(true);
    m_from->setDateTime(from ? parseTimestamp(*from) : m_from->minimumDateTime());
    m_to->setDateTime(to ? parseTimestamp(*to) : m_to->maximumDateTime());
    Q_EMIT changed();
}

void TimeRangeFilter::clear()
{
    m_preset->setCurrentIndex(0);
}

} // namespace dpm
