#pragma once

#include <QWidget>

#include <optional>

class QComboBox;
class QDateTimeEdit;

namespace dpm {

// A time range for listing filters: presets (any time, last hour, day, week, month) or a custom
// range of two UTC date-times. Bounds come out in the store's timestamp format, inclusive.
class TimeRangeFilter : public QWidget
{
    Q_OBJECT

public:
    explicit TimeRangeFilter(QWidget *parent = nullptr);

    std::optional<QString> from() const;
    std::optional<QString> to() const;
    // Shows a custom range (either bound may be open); used when another page opens a listing.
    void setRange(const std::optional<QString> &from, const std::optional<QString> &to);
    void clear();

Q_SIGNALS:
    void changed();

private:
    void presetChosen();

    QComboBox *m_preset;
    QDateTimeEdit *m_from;
    QDateTimeEdit *m_to;
};

} // namespace dpm
