// The future event set: an indexed binary min-heap of timer slots (each slot is one pending
// timer of an instance, a failover or a failure domain), with reschedule and cancel in
// O(log n) and no allocation after construction. Each heap entry carries its time, so a sift
// compares times read from the heap array itself rather than through the slot (one load, not
// two, per comparison); the comparisons and moves are those of the plain indexed heap, so the
// order of events, ties included, is the same.
#pragma once

#include <cstdint>
#include <limits>
#include <vector>

namespace nines::sim {

class EventHeap {
public:
    static constexpr std::uint32_t kAbsent = std::numeric_limits<std::uint32_t>::max();

    void resize(std::uint32_t count)
    {
        pos_.assign(count, kAbsent);
        heap_.clear();
        heap_.reserve(count);
    }
    void clear()
    {
        for (const auto& e : heap_)
            pos_[e.slot] = kAbsent;
        heap_.clear();
    }
    bool empty() const { return heap_.empty(); }
    std::size_t size() const { return heap_.size(); }
    std::uint32_t top() const { return heap_.front().slot; }
    double topTime() const { return heap_.empty() ? std::numeric_limits<double>::infinity() : heap_.front().time; }
    bool scheduled(std::uint32_t slot) const { return pos_[slot] != kAbsent; }
    double time(std::uint32_t slot) const { return heap_[pos_[slot]].time; }

    /// Schedules the slot at time t, moving it if it was already scheduled.
    void schedule(std::uint32_t slot, double t)
    {
        const std::uint32_t i = pos_[slot];
        if (i == kAbsent) {
            const std::uint32_t at = static_cast<std::uint32_t>(heap_.size());
            heap_.push_back({t, slot});
            siftUp(at, {t, slot});
            return;
        }
        const double old = heap_[i].time;
        if (t < old)
            siftUp(i, {t, slot});
        else
            siftDown(i, {t, slot});
    }

    void cancel(std::uint32_t slot)
    {
        const std::uint32_t i = pos_[slot];
        if (i == kAbsent)
            return;
        pos_[slot] = kAbsent;
        const Entry last = heap_.back();
        heap_.pop_back();
        if (i == heap_.size())
            return;
        siftUp(i, last);
        siftDown(pos_[last.slot], last);
    }

    void pop() { cancel(heap_.front().slot); }

private:
    struct Entry {
        double time;
        std::uint32_t slot;
    };
    std::vector<std::uint32_t> pos_;
    std::vector<Entry> heap_;

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
        const std::uint32_t n = static_cast<std::uint32_t>(heap_.size());
        while (true) {
            std::uint32_t child = 2 * i + 1;
            if (child >= n)
                break;
            if (child + 1 < n && heap_[child + 1].time < heap_[child].time)
                ++child;
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
