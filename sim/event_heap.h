// The future event set: an indexed binary min-heap of timer slots (each slot is one pending
// timer of an instance, a failover or a failure domain), with reschedule and cancel in
// O(log n) and no allocation after construction. Each heap entry carries its time, so a sift
// compares times read from the heap array itself rather than through the slot (one load, not
// two, per comparison); the comparisons and moves are those of the plain indexed heap, so the
// order of events, ties included, is the same. An entry at +infinity always follows the last
// one, so choosing the smaller child needs no bounds test and compiles without a branch (the
// choice is a coin toss for random times: a branch there mispredicts half the time).
#pragma once

#include <algorithm>
#include <cstdint>
#include <limits>
#include <vector>

namespace nines::sim {

class EventHeap {
    struct Entry {
        double time;
        std::uint32_t slot;
    };

public:
    static constexpr std::uint32_t kAbsent = std::numeric_limits<std::uint32_t>::max();
    /// What a slot costs: its position and its entry.
    static constexpr std::size_t kBytesPerSlot = sizeof(std::uint32_t) + sizeof(Entry);

    void resize(std::uint32_t count)
    {
        resize(count, [] { return false; });
    }
    /// The same in steps of 65,536 slots, asking `stop()` after each (a heap of tens of millions
    /// of slots takes a while to fill); false when it stopped, the heap then unusable.
    template <typename Stop>
    bool resize(std::uint32_t count, Stop stop)
    {
        constexpr std::size_t kStep = 65536;
        pos_.clear();
        heap_.clear();
        pos_.reserve(count);
        heap_.reserve(std::size_t(count) + 1);
        heap_.push_back(kEnd);
        while (pos_.size() < count) {
            const std::size_t next = std::min<std::size_t>(count, pos_.size() + kStep);
            pos_.resize(next, kAbsent);
            heap_.resize(next + 1, kEnd);
            if (stop())
                return false;
        }
        n_ = 0;
        return true;
    }
    void clear()
    {
        for (std::uint32_t i = 0; i < n_; ++i)
            pos_[heap_[i].slot] = kAbsent;
        n_ = 0;
        heap_[0] = kEnd;
    }
    bool empty() const { return n_ == 0; }
    std::size_t size() const { return n_; }
    std::uint32_t top() const { return heap_[0].slot; }
    /// +infinity when empty (the end marker is then at the top).
    double topTime() const { return heap_[0].time; }
    bool scheduled(std::uint32_t slot) const { return pos_[slot] != kAbsent; }
    double time(std::uint32_t slot) const { return heap_[pos_[slot]].time; }

    /// Schedules the slot at time t, moving it if it was already scheduled.
    void schedule(std::uint32_t slot, double t)
    {
        const std::uint32_t i = pos_[slot];
        if (i == kAbsent) {
            const std::uint32_t at = n_++;
            heap_[n_] = kEnd;
            siftUp(at, {t, slot});
            return;
        }
        const double old = heap_[i].time;
        if (t < old)
            siftUp(i, {t, slot});
        else
            siftDown(i, {t, slot});
    }

    /// Moves the top slot to time t, not earlier than its current time (the next event of
    /// the slot being handled): schedule() without the look-up and the test for which way.
    void rescheduleTop(double t) { siftDown(0, {t, heap_[0].slot}); }

    void cancel(std::uint32_t slot)
    {
        const std::uint32_t i = pos_[slot];
        if (i == kAbsent)
            return;
        pos_[slot] = kAbsent;
        const Entry last = heap_[--n_];
        heap_[n_] = kEnd;
        if (i == n_)
            return;
        siftUp(i, last);
        siftDown(pos_[last.slot], last);
    }

    void pop() { cancel(heap_[0].slot); }

private:
    static constexpr Entry kEnd{std::numeric_limits<double>::infinity(), kAbsent};
    std::vector<std::uint32_t> pos_;
    std::vector<Entry> heap_;  // n_ entries, then the end marker
    std::uint32_t n_ = 0;

    /// Puts `e` at position i or above.
    void siftUp(std::uint32_t i, Entry e)
    {
        while (i > 0) {
            const std::uint32_t parent = (i - 1) / 2;
            const Entry p = heap_[parent];
            if (!(e.time < p.time))
                break;
            heap_[i] = p;
            pos_[p.slot] = i;
            i = parent;
        }
        heap_[i] = e;
        pos_[e.slot] = i;
    }

    /// Puts `e` at position i or below.
    void siftDown(std::uint32_t i, Entry e)
    {
        const std::uint32_t n = n_;
        while (true) {
            std::uint32_t child = 2 * i + 1;
            if (child >= n)
                break;
            // heap_[n] is the end marker at +infinity, never the smaller.
            child += heap_[child + 1].time < heap_[child].time ? 1u : 0u;
            const Entry c = heap_[child];
            if (!(c.time < e.time))
                break;
            heap_[i] = c;
            pos_[c.slot] = i;
            i = child;
        }
        heap_[i] = e;
        pos_[e.slot] = i;
    }
};

}  // namespace nines::sim
