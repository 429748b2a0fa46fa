#include "common/statuscolors.h"

namespace dpm {

namespace {

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

// One hue at mid saturation: dark enough to read on a light base, light enough on a dark one.
// `contrast` moves the lightness away from the base (positive) or towards it (negative): the
// review states differ in lightness as well as hue, so that they stay apart for readers who
// confuse red and green.
QColor tone(int hue, const QPalette &palette, int contrast = 0)
{
    return isDark(palette) ? QColor::fromHsl(hue, 170, 165 + contrast) : QColor::fromHsl(hue, 200, 85 - contrast);
}

constexpr int kGreen = 130;
constexpr int kAmber = 35;
constexpr int kRed = 2;
constexpr int kBlue = 210;
constexpr int kViolet = 275;
constexpr int kMagenta = 315;
// The three waiting-for-someone states, chosen (hue and lightness) so that every pair of
// proposal state colours stays apart under simulated protanopia, deuteranopia and tritanopia.
constexpr int kOrange = 30;
constexpr int kTeal = 160;
constexpr int kPink = 320;

} // namespace

QColor goodColor(const QPalette &palette)
{
    return tone(kGreen, palette);
}

QColor warningColor(const QPalette &palette)
{
    return tone(kAmber, palette);
}

QColor badColor(const QPalette &palette)
{
    return tone(kRed, palette);
}

QColor runStatusColor(const QString &status, const QPalette &palette)
{
    if (status == QLatin1String("READY"))
        return goodColor(palette);
    if (status == QLatin1String("PENDING_REVIEW"))
        return warningColor(palette);
    if (status == QLatin1String("BLOCKED"))
        return badColor(palette);
    return palette.color(QPalette::Text);
}

QColor operationStatusColor(const QString &status, const QPalette &palette)
{
    if (status == QLatin1String("SUCCEEDED"))
        return goodColor(palette);
    if (status == QLatin1String("PENDING"))
        return warningColor(palette);
    if (status == QLatin1String("RUNNING"))
        return tone(kBlue, palette);
    if (status == QLatin1String("FAILED"))
        return badColor(palette);
    return palette.color(QPalette::Text);
}

QColor proposalStateColor(const QString &state, const QPalette &palette)
{
    if (state == QLatin1String("DRAFT"))
        return tone(kViolet, palette);
    if (state == QLatin1String("RISK_REVIEW"))
        return tone(kOrange, palette, -15);
    if (state == QLatin1String("COMPLIANCE_REVIEW"))
        return tone(kTeal, palette, 30);
    if (state == QLatin1String("AWAITING_CLIENT_CONSENT"))
        return tone(kPink, palette);
    if (state == QLatin1String("EXECUTION_READY"))
        return tone(kBlue, palette);
    if (state == QLatin1String("EXECUTED"))
        return goodColor(palette);
    if (state == QLatin1String("REJECTED"))
        return badColor(palette);
    if (state == QLatin1String("CANCELLED") || state == QLatin1String("EXPIRED"))
        return palette.color(QPalette::PlaceholderText);
    return palette.color(QPalette::Text);
}

QColor outboxStatusColor(const QString &status, const QPalette &palette)
{
    if (status == QLatin1String("DELIVERED"))
        return goodColor(palette);
    if (status == QLatin1String("PENDING"))
        return warningColor(palette);
    if (status == QLatin1String("FAILED"))
        return badColor(palette);
    if (status == QLatin1String("DEAD"))
        return tone(kMagenta, palette);
    return palette.color(QPalette::Text);
}

} // namespace dpm
