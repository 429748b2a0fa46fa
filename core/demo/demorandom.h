#pragma once

#include <QByteArray>
#include <QtGlobal>

#include <array>

namespace dpm {

// The demo generator's own random numbers: xoshiro256** seeded through splitmix64, with
// integer-only helpers (no std:: distributions and no floating point), so the same seed gives
// the same rows with every compiler, standard library and platform.
class DemoRandom
{
public:
    explicit DemoRandom(quint64 seed);

    quint64 next();
    // Uniform in [0, n) for n >= 1 (Lemire's multiply-shift with rejection: exact, no modulo bias).
    quint64 below(quint64 n);
    // Uniform in [low, high], both inclusive.
    qint64 between(qint64 low, qint64 high);
    // True with a probability of perTenThousand / 10000.
    bool chance(int perTenThousand) { return below(10000) < quint64(perTenThousand); }
    // An index picked by integer weights.
    template <std::size_t N> std::size_t weighted(const std::array<int, N> &weights)
    {
        int total = 0;
        for (const int w : weights)
            total += w;
        qint64 roll = qint64(below(quint64(total)));
        for (std::size_t i = 0; i < N; ++i) {
            roll -= weights[i];
            if (roll < 0)
                return i;
        }
        return N - 1;
    }

private:
    std::array<quint64, 4> m_state;
};

// splitmix64: one step of the seeding generator (advances state).
quint64 splitMix64(quint64 &state);
// A stateless 64-bit mix (splitmix64's finaliser): a bijection, used to derive seeds and keys.
quint64 mix64(quint64 value);

// Keyed bijections of 32- and 48-bit counters: consecutive counters give distinct, random-looking
// values, so ids of the service's shapes (rr_ + 8 hex, dop_ + 12 hex, ...) never collide.
quint32 permute32(quint32 value, quint64 key);
quint64 permute48(quint64 value, quint64 key);

// Lowercase hex of the low `digits` nibbles of value, appended.
void appendHex(QByteArray &out, quint64 value, int digits);

} // namespace dpm
