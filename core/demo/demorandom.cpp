#include "demorandom.h"

namespace dpm {

namespace {

constexpr quint64 rotl(quint64 x, int k)
{
    return (x << k) | (x >> (64 - k));
}

// GCC/Clang's 128-bit integer; __extension__ keeps -Wpedantic quiet about it.
__extension__ typedef unsigned __int128 Uint128;

constexpr quint64 kMask48 = (quint64(1) << 48) - 1;

} // namespace

quint64 splitMix64(quint64 &state)
{
    state += 0x9e3779b97f4a7c15ULL;
    return mix64(state);
}

quint64 mix64(quint64 z)
{
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

DemoRandom::DemoRandom(quint64 seed)
{
    quint64 s = seed;
    for (quint64 &word : m_state)
        word = splitMix64(s);
}

quint64 DemoRandom::next()
{
    const quint64 result = rotl(m_state[1] * 5, 7) * 9;
    const quint64 t = m_state[1] << 17;
    m_state[2] ^= m_state[0];
    m_state[3] ^= m_state[1];
    m_state[1] ^= m_state[2];
    m_state[0] ^= m_state[3];
    m_state[2] ^= t;
    m_state[3] = rotl(m_state[3], 45);
    return result;
}

quint64 DemoRandom::below(quint64 n)
{
    Q_ASSERT(n > 0);
    Uint128 m = Uint128(next()) * n;
    quint64 low = quint64(m);
    if (low < n) {
        const quint64 threshold = (0 - n) % n;
        while (low < threshold) {
            m = Uint128(next()) * n;
            low = quint64(m);
        }
    }
    return quint64(m >> 64);
}

qint64 DemoRandom::between(qint64 low, qint64 high)
{
    Q_ASSERT(high >= low);
    return low + qint64(below(quint64(high - low) + 1));
}

quint32 permute32(quint32 x, quint64 key)
{
    // Each step (add, xor-shift, odd multiply) is invertible modulo 2^32.
    x += quint32(key);
    x ^= x >> 16;
    x *= 0x7feb352dU;
    x ^= x >> 15;
    x *= 0x846ca68bU;
    x ^= x >> 16;
    return x ^ quint32(key >> 32);
}

quint64 permute48(quint64 x, quint64 key)
{
    // The same construction modulo 2^48.
    x = (x + key) & kMask48;
    x ^= x >> 24;
    x = (x * 0x9e3779b97f4bULL) & kMask48;
    x ^= x >> 23;
    x = (x * 0xc2b2ae3d27d5ULL) & kMask48;
    x ^= x >> 24;
    return x ^ ((key >> 16) & kMask48);
}

void appendHex(QByteArray &out, quint64 value, int digits)
{
    static const char kDigits[] = "0123456789abcdef";
    Q_ASSERT(digits >= 0 && digits <= 16);
    char buffer[16] = {};
    for (int i = digits - 1; i >= 0; --i) {
        buffer[i] = kDigits[value & 0xf];
        value >>= 4;
    }
    out.append(QByteArrayView(buffer, digits));
}

} // namespace dpm
