#include "common/statuscolors.h"

#include <QTest>

#include <array>
#include <cmath>

using namespace dpm;

namespace {

using Matrix = std::array<std::array<double, 3>, 3>;

double toLinear(double c)
{
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double fromLinear(double c)
{
    c = std::clamp(c, 0.0, 1.0);
    return c <= 0.0031308 ? 12.92 * c : 1.055 * std::pow(c, 1 / 2.4) - 0.055;
}

// Machado, Oliveira and Fernandes (2009), severity 1.0, applied in linear RGB.
const Matrix kNormal { { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } } };
const Matrix kProtan { { { 0.152286, 1.052583, -0.204868 }, { 0.114503, 0.786281, 0.099216 },
    { -0.003882, -0.048116, 1.051998 } } };
const Matrix kDeutan { { { 0.367322, 0.860646, -0.227968 }, { 0.280085, 0.672501, 0.047413 },
    { -0.011820, 0.042940, 0.968881 } } };
const Matrix kTritan { { { 1.255528, -0.076749, -0.178779 }, { -0.078411, 0.930809, 0.147602 },
    { 0.004733, 0.691367, 0.303900 } } };

// CIELAB of the colour as a reader with the given vision sees it.
std::array<double, 3> seenLab(const QColor &color, const Matrix &vision)
{
    const std::array<double, 3> in { toLinear(color.redF()), toLinear(color.greenF()), toLinear(color.blueF()) };
    std::array<double, 3> rgb {};
    for (int i = 0; i < 3; ++i)
        rgb[i] = toLinear(fromLinear(vision[i][0] * in[0] + vision[i][1] * in[1] + vision[i][2] * in[2]));
    const double x = (0.4124 * rgb[0] + 0.3576 * rgb[1] + 0.1805 * rgb[2]) / 0.95047;
    const double y = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
    const double z = (0.0193 * rgb[0] + 0.1192 * rgb[1] + 0.9505 * rgb[2]) / 1.08883;
    const auto f = [](double t) { return t > 0.008856 ? std::cbrt(t) : 7.787 * t + 16.0 / 116.0; };
    return { 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z)) };
}

double distance(const QColor &a, const QColor &b, const Matrix &vision)
{
    const auto la = seenLab(a, vision);
    const auto lb = seenLab(b, vision);
    return std::hypot(la[0] - lb[0], la[1] - lb[1], la[2] - lb[2]);
}

QPalette paletteWithBase(const QColor &base)
{
    QPalette palette;
    palette.setColor(QPalette::Base, base);
    return palette;
}

} // namespace

class TestStatusColors : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void proposalStateColor_reviewStates_distinctForEveryVision_data()
    {
        QTest::addColumn<QPalette>("palette");
        QTest::newRow("light") << paletteWithBase(Qt::white);
        QTest::newRow("dark") << paletteWithBase(QColor(30, 30, 30));
    }

    // RISK_REVIEW, COMPLIANCE_REVIEW and AWAITING_CLIENT_CONSENT used to share one amber: each
    // now differs from the other states by a visible CIELAB distance, for normal vision and the
    // three dichromacies.
    void proposalStateColor_reviewStates_distinctForEveryVision()
    {
        QFETCH(QPalette, palette);
        const QStringList waiting { QStringLiteral("RISK_REVIEW"), QStringLiteral("COMPLIANCE_REVIEW"),
            QStringLiteral("AWAITING_CLIENT_CONSENT") };
        const QStringList coloured { QStringLiteral("DRAFT"), QStringLiteral("RISK_REVIEW"), QStringLiteral("COMPLIANCE_REVIEW"),
            QStringLiteral("AWAITING_CLIENT_CONSENT"), QStringLiteral("EXECUTION_READY"), QStringLiteral("EXECUTED"),
            QStringLiteral("REJECTED") };
        const QList<std::pair<const char *, const Matrix *>> visions { { "normal", &kNormal }, { "protan", &kProtan },
            { "deutan", &kDeutan }, { "tritan", &kTritan } };
        for (const QString &state : waiting) {
            const QColor color = proposalStateColor(state, palette);
            QVERIFY(color != palette.color(QPalette::Text));
            for (const QString &other : coloured) {
                if (other == state)
                    continue;
                for (const auto &[name, vision] : visions) {
                    const double d = distance(color, proposalStateColor(other, palette), *vision);
                    QVERIFY2(d >= 10.0,
                        qPrintable(QStringLiteral("%1 vs %2 (%3): %4").arg(state, other, QLatin1String(name)).arg(d)));
                }
            }
        }
    }

    // Readable on its base: a contrast ratio of at least 3:1 (WCAG's minimum for large text and
    // graphics; the badges' words are also there in plain text).
    void proposalStateColor_reviewStates_readableOnBase()
    {
        for (const QColor &base : { QColor(Qt::white), QColor(30, 30, 30) }) {
            const QPalette palette = paletteWithBase(base);
            const auto luminance = [](const QColor &c) {
                return 0.2126 * toLinear(c.redF()) + 0.7152 * toLinear(c.greenF()) + 0.0722 * toLinear(c.blueF());
            };
            for (const char *state : { "RISK_REVIEW", "COMPLIANCE_REVIEW", "AWAITING_CLIENT_CONSENT" }) {
                const double a = luminance(proposalStateColor(QString::fromLatin1(state), palette));
                const double b = luminance(base);
                const double ratio = (std::max(a, b) + 0.05) / (std::min(a, b) + 0.05);
                QVERIFY2(ratio >= 3.0, qPrintable(QStringLiteral("%1 on %2: %3").arg(QLatin1String(state), base.name()).arg(ratio)));
            }
        }
    }
};

QTEST_MAIN(TestStatusColors)
#include "tst_statuscolors.moc"
