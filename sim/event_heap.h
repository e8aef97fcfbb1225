// The future event set: an indexed binary min-heap of timer slots (each slot is one pending
// timer of an instance, a failover or a failure domain), with reschedule and cancel in
// O(log n) and no allocation after construction.
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
        time_.assign(count, 0.0);
        pos_.assign(count, kAbsent);
        heap_.clear();
        heap_.reserve(count);
    }
    void clear()
    {
        for (auto s : heap_)
            pos_[s] = kAbsent;
        heap_.clear();
    }
    bool empty() const { return heap_.empty(); }
    std::size_t size() const { return heap_.size(); }
    std::uint32_t top() const { return heap_.front(); }
    double topTime() const { return heap_.empty() ? std::numeric_limits<double>::infinity() : time_[heap_.front()]; }
    bool scheduled(std::uint32_t slot) const { return pos_[slot] != kAbsent; }
    double time(std::uint32_t slot) const { return time_[slot]; }

    /// Schedules the slot at time t, moving it if it was already scheduled.
    void schedule(std::uint32_t slot, double t)
    {
        if (pos_[slot] == kAbsent) {
            time_[slot] = t;
            pos_[slot] = static_cast<std::uint32_t>(heap_.size());
            heap_.push_back(slot);
            siftUp(pos_[slot]);
            return;
        }
        const double old = time_[slot];
        time_[slot] = t;
        if (t < old)
            siftUp(pos_[slot]);
        else
            siftDown(pos_[slot]);
    }

    void cancel(std::uint32_t slot)
    {
        const std::uint32_t i = pos_[slot];
        if (i == kAbsent)
            return;
        pos_[slot] = kAbsent;
        const std::uint32_t last = heap_.back();
        heap_.pop_back();
        if (i == heap_.size())
            return;
        heap_[i] = last;
        pos_[last] = i;
        siftUp(i);
        siftDown(pos_[last]);
    }

    void pop() { cancel(heap_.front()); }

private:
    std::vector<double> time_;
    std::vector<std::uint32_t> pos_;
    std::vector<std::uint32_t> heap_;

    void siftUp(std::uint32_t i)
    {
        const std::uint32_t s = heap_[i];
        const double t = time_[s];
        while (i > 0) {
            const std::uint32_t parent = (i - 1) / 2;
            const std::uint32_t ps = heap_[parent];
            if (!(t < time_[ps]))
                break;
            heap_[i] = ps;
            pos_[ps] = i;
            i = parent;
        }
        heap_[i] = s;
        pos_[s] = i;
    }

    void siftDown(std::uint32_t i)
    {
        const std::uint32_t n = static_cast<std::uint32_t>(heap_.size());
        const std::uint32_t s = heap_[i];
        const double t = time_[s];
        while (true) {
            std::uint32_t child = 2 * i + 1;
            if (child >= n)
                break;
            if (child + 1 < n && time_[heap_[child + 1]] < time_[heap_[child]])
                ++child;
            const std::uint32_t cs = heap_[child];
            if (!(time_[cs] < t))
                break;
            heap_[i] = cs;
            pos_[cs] = i;
            i = child;
        }
        heap_[i] = s;
        pos_[s] = i;
    }
};

}  // namespace nines::sim
