// Random streams: SplitMix64 generators keyed by (seed, replication, element, purpose), so the
// same element sees the same draws in every scenario and on any number of threads.
#pragma once

#include <cmath>
#include <cstdint>
#include <string_view>

namespace nines::sim {

inline constexpr std::uint64_t mix64(std::uint64_t z)
{
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

/// FNV-1a of an id, mixed: the stable identity of a model element across scenarios.
inline std::uint64_t hashId(std::string_view s)
{
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (char c : s) {
        h ^= static_cast<unsigned char>(c);
        h *= 0x100000001b3ULL;
    }
    return mix64(h);
}

inline std::uint64_t combine(std::uint64_t a, std::uint64_t b)
{
    return mix64(a ^ (b + 0x9e3779b97f4a7c15ULL + (a << 6) + (a >> 2)));
}

/// SplitMix64 (Steele, Lea, Flood 2014): 8 bytes of state, passes BigCrush, and cheap to
/// seed, which matters because every element gets its own stream in every replication.
class Stream {
public:
    Stream() = default;
    explicit Stream(std::uint64_t key) : state_(key) {}

    std::uint64_t next()
    {
        state_ += 0x9e3779b97f4a7c15ULL;
        return mix64(state_);
    }
    /// Uniform in (0, 1]: never 0, so -log(u) is finite.
    double uniformOpen0()
    {
        return (static_cast<double>(next() >> 11) + 1.0) * 0x1.0p-53;
    }
    /// Uniform in [0, 1).
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

private:
    std::uint64_t state_ = 0;
};

/// What a stream is for; part of its key, so failure and repair draws never interleave.
enum class Purpose : std::uint64_t { Failure = 1, Repair = 2, Failover = 3, Outage = 4, Recovery = 5 };

/// The part of a stream's key that names what it is for: an element (component, domain), an
/// index within it (instance and failure mode) and a purpose. Fixed for a compiled model.
inline std::uint64_t streamIdentity(std::uint64_t element, std::uint64_t index, Purpose purpose)
{
    return combine(combine(element, index), static_cast<std::uint64_t>(purpose));
}

/// The part that names the replication.
inline std::uint64_t replicationKey(std::uint64_t seed, std::uint64_t replication)
{
    return combine(mix64(seed ^ 0x6e696e6573ULL), replication);
}

inline std::uint64_t streamKey(std::uint64_t replicationKey, std::uint64_t identity)
{
    return combine(replicationKey, identity);
}

}  // namespace nines::sim
