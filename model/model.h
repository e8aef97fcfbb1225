// The domain of Nines: a system topology with failure, repair, capacity and cost behaviour.
// Plain C++ value types (no Qt) so that the engine, the editor and the tests share them.
// Field names carry their units; docs/file-format.md documents every field and default.
#pragma once

#include "distribution.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nines::model {

inline constexpr std::string_view kFormatVersion = "nines/1";
inline constexpr double kHoursPerYear = 8760.0;
inline constexpr double kMinutesPerYear = 525600.0;

struct Point {
    double x = 0.0;
    double y = 0.0;
    bool operator==(const Point&) const = default;
};

/// Failure and recovery of a whole failure domain (zone, region, link, shared-fate group).
struct Outage {
    Distribution failure;  // time between outages
    Distribution repair;   // length of an outage
    bool operator==(const Outage&) const = default;
};

enum class ComponentKind { Entry, LoadBalancer, Service, Database, Cache, Queue, Storage, Dns, Custom };
enum class RedundancyMode { Active, Standby };
enum class StandbyKind { Hot, Warm, Cold };
enum class DependencyMode { All, Any, AtLeast };
enum class Replication { None, Sync, Async };
enum class Consistency { CP, AP };
enum class DependencyType { Sync, Async };

/// One way an instance can fail, with its own clock, repair and detection delay
/// (e.g. a process crash fixed by a restart, a hardware fault fixed by a technician).
struct FailureMode {
    std::string id;
    std::string name;
    Distribution failure;
    Distribution repair;
    double detection_seconds = 0.0;
    /// Failure clock of a warm spare (required for warm standby, unused otherwise).
    std::optional<Distribution> dormant_failure;
    /// Catalogue template this item was made from ("" = none); see model/io/catalogue.h.
    std::string template_id;
    bool operator==(const FailureMode&) const = default;
};

/// How long a failover takes, in seconds (the file's unit for delays): a distribution of one of
/// the types a delay can sensibly have. Only the fields of its type are meaningful.
struct FailoverTime {
    DistributionType type = DistributionType::Deterministic;  // deterministic, exponential, lognormal, uniform
    double seconds = 0.0;       // Deterministic
    double mean_seconds = 0.0;  // Exponential, Lognormal
    double sigma = 1.0;         // Lognormal
    double min_seconds = 0.0, max_seconds = 0.0;  // Uniform
    Distribution hours() const;  // the same in hours, for the engine
    double meanSeconds() const;
    bool operator==(const FailoverTime& o) const;
};

struct StandbySettings {
    StandbyKind kind = StandbyKind::Hot;
    double failover_seconds = 0.0;  // the shorthand for a fixed failover time
    double failover_success_probability = 1.0;
    /// An in-service instance whose zone, region or shared-fate group goes out is lost to the
    /// group: after `detection_seconds` a failover to an unmasked spare starts (DESIGN.md,
    /// "Failover on loss of a failure domain"). false: the primary waits for its zone.
    bool fail_over_on_zone_loss = true;
    double detection_seconds = 30.0;  // until monitoring notices a lost failure domain
    std::optional<FailoverTime> failover;          // a distribution instead of failover_seconds
    std::optional<double> failover_retry_seconds;  // a failed failover is tried again after this; absent: never
    bool operator==(const StandbySettings&) const = default;
    /// The failover time in effect, in seconds (the distribution, or the fixed shorthand).
    FailoverTime failoverTime() const;
};

struct DataStore {
    Replication replication = Replication::None;
    double replication_lag_seconds = 0.0;  // async only
    Consistency consistency = Consistency::CP;
    double write_rate_per_second = 0.0;
    bool operator==(const DataStore&) const = default;
};

struct Cost {
    double purchase_per_instance = 0.0;
    double yearly_per_instance = 0.0;
    bool operator==(const Cost&) const = default;
};

/// What an item that is not a component costs: once, and every year (a repair crew, a zone, a
/// region, a link).
struct FixedCost {
    double capex = 0.0;
    double yearly = 0.0;
    bool isZero() const { return capex == 0.0 && yearly == 0.0; }
    bool operator==(const FixedCost&) const = default;
};

/// A support contract that buys a shorter repair: while enabled, every repair of the
/// component's failure modes takes `repair_factor` times as long (the same distribution,
/// scaled), for a yearly fee per instance. A scenario can switch it on.
struct SupportContract {
    std::string name;
    double repair_factor = 1.0;        // in (0, 1]
    double yearly_per_instance = 0.0;
    bool enabled = true;
    bool operator==(const SupportContract&) const = default;
};

/// A node on the canvas: n instances of which k must be healthy (k-of-n).
struct Component {
    std::string id;
    std::string name;
    ComponentKind kind = ComponentKind::Service;
    std::string description;
    int instances = 1;  // n
    int required = 1;   // k
    RedundancyMode redundancy = RedundancyMode::Active;
    StandbySettings standby;  // used when redundancy == Standby
    std::vector<FailureMode> failure_modes;
    std::optional<std::string> repair_crew;
    /// Zones the instances are spread over, round-robin: instance i sits in zones[i % size].
    std::vector<std::string> zones;
    std::optional<double> capacity_rps;  // per instance; absent = not modelled (unlimited)
    Cost cost;
    std::optional<SupportContract> support;
    DependencyMode dependency_mode = DependencyMode::All;
    int dependency_min = 1;  // for AtLeast
    /// Entries only: share of user traffic (the entries' shares sum to 1) and where it enters.
    double traffic_share = 0.0;
    std::optional<std::string> entry_node;  // a zone, region or hub id
    std::optional<DataStore> data_store;
    std::optional<Point> position;
    /// Catalogue template this item was made from ("" = none); see model/io/catalogue.h.
    std::string template_id;
    bool operator==(const Component&) const = default;
};

/// Caller -> callee. Async dependencies pass through a queue with a buffer.
struct Dependency {
    std::string id;  // optional in files; empty when not given
    std::string from;
    std::string to;
    double calls_per_request = 1.0;
    DependencyType type = DependencyType::Sync;
    std::optional<double> buffer_messages;          // async: queue capacity
    std::optional<double> message_rate_per_second;  // async: overrides the rate derived from load
    bool operator==(const Dependency&) const = default;
};

struct Region {
    std::string id;
    std::string name;
    std::optional<Outage> outage;
    std::optional<Point> position;
    /// Catalogue template this item was made from ("" = none); see model/io/catalogue.h.
    std::string template_id;
    FixedCost cost;
    bool operator==(const Region&) const = default;
};

struct Zone {
    std::string id;
    std::string name;
    std::optional<std::string> region;
    std::optional<Outage> outage;
    std::optional<Point> position;
    /// Catalogue template this item was made from ("" = none); see model/io/catalogue.h.
    std::string template_id;
    FixedCost cost;
    bool operator==(const Zone&) const = default;
};

/// A network node that never fails (the internet, a backbone).
struct Hub {
    std::string id;
    std::string name;
    std::optional<Point> position;
    bool operator==(const Hub&) const = default;
};

struct Link {
    std::string id;
    std::string name;
    std::string from;  // zone, region or hub id
    std::string to;
    std::optional<Outage> outage;  // absent: never fails
    /// Catalogue template this item was made from ("" = none); see model/io/catalogue.h.
    std::string template_id;
    FixedCost cost;
    bool operator==(const Link&) const = default;
};

struct RepairCrew {
    std::string id;
    std::string name;
    int size = 1;  // repairs that can run at once
    FixedCost cost;
    bool operator==(const RepairCrew&) const = default;
};

/// A common cause that takes down every instance of the named components at once.
struct SharedFate {
    std::string id;
    std::string name;
    std::vector<std::string> components;
    Outage outage;
    /// Catalogue template this item was made from ("" = none); see model/io/catalogue.h.
    std::string template_id;
    bool operator==(const SharedFate&) const = default;
};

struct Load {
    double peak_rps = 0.0;
    std::vector<double> daily_profile;  // 24 fractions of the peak, one per hour; empty = flat
    double yearly_growth_percent = 0.0;
    bool operator==(const Load&) const = default;
};

/// One step of an SLA credit schedule: a month below `below_percent` availability earns
/// `credit_percent` of the monthly fee back.
struct CreditStep {
    double below_percent = 0.0;
    double credit_percent = 0.0;
    bool operator==(const CreditStep&) const = default;
};

/// The credit a month of the given availability (a fraction) earns, as a fraction of the fee:
/// the largest share among the steps whose threshold it falls below.
double creditShare(const std::vector<CreditStep>& schedule, double monthAvailability);

/// What a simulated figure estimates: a window of a system long in service, or the first
/// window from all new.
enum class EstimateStart { Steady, New };

struct Settings {
    double mission_hours = kHoursPerYear;  // the observed window
    EstimateStart start = EstimateStart::Steady;
    int replications = 1000;                 // budget (upper bound with a precision target)
    double target_relative_precision = 0.0;  // on unavailability; 0 = run all replications
    int min_outages = 30;                    // precision stopping also waits for this many outages
    double max_wall_seconds = 0.0;           // 0 = no wall-clock budget
    std::uint64_t seed = 1;
    double sla_target_percent = 99.9;
    double target_utilisation_percent = 100.0;
    bool overload_counts_as_down = false;
    double downtime_cost_per_minute = 0.0;
    double horizon_years = 3.0;  // cost of ownership counts this many years
    /// SLA credits: what the provider pays back for a calendar month of 730 h whose
    /// availability is below a step's threshold, as a share of the monthly fee (the largest
    /// share of the steps the month falls below).
    std::vector<CreditStep> sla_credits;
    double monthly_fee = 0.0;
    std::string currency;
    bool operator==(const Settings&) const = default;
};

enum class OperationType { Set, Add, Remove };

/// One step of a scenario, applied to the base document in order. The value is kept
/// as JSON text so the model stays free of a JSON library.
struct Operation {
    OperationType op = OperationType::Set;
    std::string path;
    std::string value_json;  // Set, Add
    bool operator==(const Operation&) const = default;
};

/// A named variant of the base (or of another scenario), stored as operations.
struct Scenario {
    std::string id;
    std::string name;
    std::string description;
    std::optional<std::string> based_on;  // another scenario's id
    std::vector<Operation> operations;
    bool operator==(const Scenario&) const = default;
};

struct Model {
    std::string name;
    std::string description;
    Settings settings;
    std::vector<Region> regions;
    std::vector<Zone> zones;
    std::vector<Hub> hubs;
    std::vector<Link> links;
    std::vector<RepairCrew> repair_crews;
    std::vector<Component> components;
    std::vector<Dependency> dependencies;
    std::vector<SharedFate> shared_fate;
    std::optional<Load> load;
    std::vector<Scenario> scenarios;
    bool operator==(const Model&) const = default;

    const Component* findComponent(std::string_view id) const;
    const Zone* findZone(std::string_view id) const;
    int componentIndex(std::string_view id) const;  // -1 when absent
};

/// Whether any component has a support contract switched on.
bool hasEnabledSupport(const Model& m);
/// The model the engine runs: each enabled support contract applied to its component's repair
/// times (scaled by its repair factor). The file keeps the contract and the repairs apart.
Model withSupportApplied(const Model& m);
/// The model the engine runs without a copy when no contract is enabled: `m` itself, or
/// `storage` filled with withSupportApplied(m).
const Model& engineModel(const Model& m, Model& storage);

std::string_view toString(ComponentKind k);
std::string_view toString(RedundancyMode m);
std::string_view toString(StandbyKind k);
std::string_view toString(DependencyMode m);
std::string_view toString(Replication r);
std::string_view toString(Consistency c);
std::string_view toString(DependencyType t);
std::string_view toString(OperationType t);
std::string_view toString(EstimateStart s);

bool parseEnum(std::string_view s, ComponentKind& out);
bool parseEnum(std::string_view s, RedundancyMode& out);
bool parseEnum(std::string_view s, StandbyKind& out);
bool parseEnum(std::string_view s, DependencyMode& out);
bool parseEnum(std::string_view s, Replication& out);
bool parseEnum(std::string_view s, Consistency& out);
bool parseEnum(std::string_view s, DependencyType& out);
bool parseEnum(std::string_view s, OperationType& out);
bool parseEnum(std::string_view s, EstimateStart& out);

/// The spellings accepted for an enum, for "expected one of ..." messages.
template <typename E>
std::vector<std::string_view> enumNames();

}  // namespace nines::model
