// The simulator's evaluations of the whole model at once, kept out of the event loop: what is up
// from scratch (at the start and after a link changes the network), and whether one component
// alone keeps the system down (criticality, when several components are short at once).
#include "simulator.h"

namespace nines::sim {

void Simulator::evaluateAll()
{
    for (std::uint32_t st = 0; st < m_.stores.size(); ++st)
        evaluateStore(st);
    for (std::uint32_t c = 0; c < nComponents_; ++c)
        for (std::uint32_t e = 0; e < nEntries_; ++e) {
            const std::size_t idx = c * nEntries_ + e;
            const std::uint32_t own = ownUpFor<false>(c, e) ? 1 : 0;
            if (own != flow_[idx].own) {
                flow_[idx].own = own;
                setOwnDown(c, e, !own);
            }
        }
    for (auto c : m_.topoOrder) {
        const auto& cc = m_.components[c];
        for (std::uint32_t e = 0; e < nEntries_; ++e) {
            std::uint32_t count = 0;
            for (std::uint32_t k = cc.firstCallee; k < cc.firstCallee + cc.calleeCount; ++k) {
                const std::uint32_t calleeUp = flow_[m_.callees[k] * nEntries_ + e].up;
                const std::int32_t q = m_.calleeQueue[k];
                count += q >= 0 ? queueCalleeChanged(static_cast<std::uint32_t>(q), e, calleeUp) : calleeUp;
            }
            const std::size_t idx = c * nEntries_ + e;
            flow_[idx].deps = count;
            flow_[idx].up = flow_[idx].own && depsSatisfied(c, count) ? 1 : 0;
        }
    }
    criticalDirty_ = false;
    shareDirty_ = false;
    flowDirty_ = true;
    fractionsDirty_ = true;
    recomputeShare<false>();
    if (share_ < kFull)
        refreshCritical();
    else
        criticalList_.clear();
}

double Simulator::shareWithOnlyDown(std::uint32_t keep)
{
    for (auto c : m_.topoOrder) {
        const auto& cc = m_.components[c];
        for (std::uint32_t e = 0; e < nEntries_; ++e) {
            const std::size_t idx = c * nEntries_ + e;
            std::uint32_t count = 0;
            for (std::uint32_t k = cc.firstCallee; k < cc.firstCallee + cc.calleeCount; ++k) {
                const std::int32_t q = m_.calleeQueue[k];
                count += scratchUp_[m_.callees[k] * nEntries_ + e]
                         || (q >= 0 && queueEdgeUp_[static_cast<std::size_t>(q) * nEntries_ + e]);
            }
            const bool own = c == keep ? flow_[idx].own != 0 : true;
            scratchUp_[idx] = own && depsSatisfied(c, count) ? 1 : 0;
        }
    }
    double s = 0.0;
    for (std::uint32_t e = 0; e < nEntries_; ++e)
        if (scratchUp_[m_.entries[e].component * nEntries_ + e])
            s += m_.entries[e].share;
    return s;
}

bool Simulator::criticalAlone(std::uint32_t c)
{
    // Whether c alone keeps the system down depends only on the entries it is short for, so
    // the answer is remembered per (component, pattern of entries) when there are few entries.
    if (nEntries_ > kMemoEntries || !m_.queues.empty())
        return shareWithOnlyDown(c) < kFull;  // (queues make the answer depend on their state)
    std::uint32_t pattern = 0;
    for (std::uint32_t e = 0; e < nEntries_; ++e)
        if (!flow_[c * nEntries_ + e].own)
            pattern |= 1u << e;
    std::int8_t& memo = criticalMemo_[(static_cast<std::size_t>(c) << nEntries_) + pattern];
    if (memo < 0)
        memo = shareWithOnlyDown(c) < kFull ? 1 : 0;
    return memo != 0;
}

}  // namespace nines::sim
