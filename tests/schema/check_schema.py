#!/usr/bin/python3
"""Checks the JSON Schema of the model file format against the example models.

1. resources/schema/nines-1.schema.json is itself a valid draft 2020-12 schema, and every
   object it describes closes its fields ("additionalProperties": false).
2. Every resources/examples/*.nines.json is strict JSON (no duplicate fields, no NaN or
   Infinity) and is valid against the schema.
3. A document that uses every field of nines/1 is valid (the schema rejects nothing the
   format allows), and a few deliberately broken documents are rejected (so this test can fail).

Prints one line per file or case and exits 1 when anything fails (2 when jsonschema is missing).
Run: /usr/bin/python3 tests/schema/check_schema.py [MODEL.nines.json...]   (needs python3-jsonschema)
Files given as arguments are checked instead of the examples.
"""

import copy
import glob
import json
import math
import os
import sys

try:
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import SchemaError
except ImportError:  # pragma: no cover
    print("check_schema: the Python module jsonschema is missing (apt-get install python3-jsonschema)")
    sys.exit(2)

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
SCHEMA = os.path.join(ROOT, "resources", "schema", "nines-1.schema.json")
EXAMPLES = os.path.join(ROOT, "resources", "examples")


class StrictJsonError(ValueError):
    pass


def _no_duplicates(pairs):
    obj = {}
    for key, value in pairs:
        if key in obj:
            raise StrictJsonError(f"field \"{key}\" is given twice in one object")
        obj[key] = value
    return obj


def _finite(text):
    value = float(text)
    if not math.isfinite(value):
        raise StrictJsonError(f"number {text} is too large for a double")
    return value


def _constant(name):
    raise StrictJsonError(f"{name} is not JSON")


def load_strict(path):
    """Reads JSON the way Nines does: UTF-8 with an optional BOM, no duplicate fields, finite numbers."""
    with open(path, encoding="utf-8-sig") as f:
        return json.load(f, object_pairs_hook=_no_duplicates, parse_float=_finite, parse_constant=_constant)


def where(error):
    """JSON pointer-like location of a validation error, e.g. components/2/instances."""
    return "/".join(str(p) for p in error.absolute_path) or "(document)"


def first_error(validator, doc):
    errors = sorted(validator.iter_errors(doc), key=lambda e: (len(list(e.absolute_path)), where(e)))
    return errors[0] if errors else None


def _closed(node):
    """Whether an object subschema rejects unknown fields, itself or in every branch of its allOf
    (a distribution closes its fields per "type", in if/then branches)."""
    if node.get("additionalProperties") is False:
        return True
    branches = node.get("allOf", [])
    return bool(branches) and all(b.get("then", {}).get("additionalProperties") is False for b in branches)


def open_objects(node, path="#"):
    """Paths of subschemas that describe an object's fields but leave other fields open.
    Conditions ("if", "contains", "not") only test a document, so they may stay open."""
    found = []
    if isinstance(node, dict):
        if "properties" in node and node.get("type") == "object" and not _closed(node):
            found.append(path)
        for key, value in node.items():
            if key not in ("if", "contains", "not"):
                found += open_objects(value, f"{path}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found += open_objects(value, f"{path}/{i}")
    return found


# The smallest valid model, the base of the broken cases below.
MINIMAL = {
    "format": "nines/1",
    "name": "Minimal",
    "components": [
        {"id": "users", "kind": "entry", "traffic_share": 1},
        {
            "id": "app",
            "kind": "service",
            "instances": 2,
            "failure_modes": [
                {
                    "id": "crash",
                    "failure": {"type": "exponential", "mean_hours": 1000},
                    "repair": {"type": "exponential", "mean_hours": 1},
                }
            ],
        },
    ],
    "dependencies": [{"from": "users", "to": "app"}],
}

# A valid model that uses every field of nines/1 at least once (`nines check` accepts it).
EVERY_FIELD = {
    "format": "nines/1",
    "name": "Every field",
    "description": "Uses every field of nines/1 at least once.",
    "settings": {
        "mission_hours": 4380, "start": "new", "replications": 200, "target_relative_precision": 0.05, "max_wall_seconds": 60,
        "seed": 42, "sla_target_percent": 99.95, "target_utilisation_percent": 80,
        "overload_counts_as_down": True, "downtime_cost_per_minute": 120.5, "currency": "EUR",
        "sla_credits": [{"below_percent": 99.95, "credit_percent": 10}, {"below_percent": 99, "credit_percent": 50}],
        "monthly_fee": 20000,
    },
    "regions": [
        {"id": "eu", "name": "Europe", "position": {"x": 0, "y": 0}, "cost": {"capex": 0, "yearly": 100},
         "outage": {"failure": {"type": "exponential", "mean_hours": 43800},
                    "repair": {"type": "lognormal", "mean_hours": 6, "sigma": 0.8}}},
    ],
    "zones": [
        {"id": "eu-a", "name": "Zone A", "region": "eu", "position": {"x": 10, "y": 10}, "cost": {"yearly": 1000},
         "outage": {"failure": {"type": "weibull", "shape": 1.2, "scale_hours": 17520},
                    "repair": {"type": "uniform", "min_hours": 1, "max_hours": 4}}},
        {"id": "eu-b", "region": "eu", "template": "availability-zone"},
        {"id": "dr"},
    ],
    "hubs": [{"id": "internet", "name": "The internet", "position": {"x": -100, "y": 0}}],
    "links": [
        {"id": "edge", "name": "Internet edge", "from": "internet", "to": "eu",
         "outage": {"failure": {"type": "deterministic", "hours": 8000},
                    "repair": {"type": "empirical", "samples_hours": [0, 0.5, 2, 7.5]}}},
        {"id": "wan", "from": "eu", "to": "dr", "cost": {"capex": 500, "yearly": 12000}},
    ],
    "repair_crews": [{"id": "ops", "name": "On-call team", "size": 2, "cost": {"yearly": 150000}}, {"id": "dba"}],
    "components": [
        {"id": "web-users", "name": "Web users", "kind": "entry", "traffic_share": 0.7, "entry_node": "internet",
         "position": {"x": 0, "y": 100}},
        {"id": "api-users", "kind": "entry", "traffic_share": 0.3, "zones": ["eu-a"]},
        {"id": "lb", "kind": "load_balancer", "description": "Two nodes.", "instances": 2, "zones": ["eu-a", "eu-b"],
         "failure_modes": [{"id": "crash", "failure": {"type": "exponential", "mean_hours": 8760},
                            "repair": {"type": "exponential", "mean_hours": 0.5}}]},
        {"id": "app", "kind": "service", "instances": 4, "required": 2, "zones": ["eu-a", "eu-b"],
         "capacity_rps": 500, "cost": {"purchase_per_instance": 3000, "yearly_per_instance": 1200},
         "support": {"name": "Gold", "repair_factor": 0.5, "yearly_per_instance": 400, "enabled": False},
         "repair_crew": "ops", "dependency_mode": "at_least", "dependency_min": 1,
         "failure_modes": [{"id": "crash", "name": "Crash", "failure": {"type": "exponential", "mean_hours": 720},
                            "repair": {"type": "deterministic", "hours": 0.05}, "detection_seconds": 30}]},
        {"id": "cache", "kind": "cache", "redundancy": "standby", "instances": 2,
         "standby": {"kind": "hot", "failover": {"type": "lognormal", "mean_seconds": 20, "sigma": 0.5},
                     "failover_retry_seconds": 60, "fail_over_on_zone_loss": False, "detection_seconds": 10},
         "failure_modes": [{"id": "crash", "failure": {"type": "exponential", "mean_hours": 2000},
                            "repair": {"type": "exponential", "mean_hours": 1}}]},
        {"id": "db", "kind": "database", "instances": 2, "required": 1, "redundancy": "standby",
         "standby": {"kind": "warm", "failover_seconds": 45, "failover_success_probability": 0.98},
         "zones": ["eu-a", "dr"], "repair_crew": "dba", "dependency_mode": "any",
         "data_store": {"replication": "async", "replication_lag_seconds": 2, "consistency": "ap",
                        "write_rate_per_second": 50},
         "failure_modes": [{"id": "disk", "failure": {"type": "weibull", "shape": 1.5, "scale_hours": 100000},
                            "repair": {"type": "lognormal", "mean_hours": 4, "sigma": 1},
                            "dormant_failure": {"type": "weibull", "shape": 1.5, "scale_hours": 300000}}]},
        {"id": "queue", "kind": "queue", "data_store": {}},
        {"id": "worker", "kind": "custom"},
        {"id": "blob", "kind": "storage", "template": "object-storage",
         "failure_modes": [{"id": "outage", "repair": {"mean_hours": 2}},
                           {"id": "incident", "template": "human-incident"}]},
        {"id": "dns", "kind": "dns"},
    ],
    "dependencies": [
        {"from": "web-users", "to": "dns"},
        {"from": "dns", "to": "lb"},
        {"from": "api-users", "to": "lb"},
        {"id": "lb-app", "from": "lb", "to": "app", "calls_per_request": 1},
        {"from": "app", "to": "cache", "calls_per_request": 2.5},
        {"from": "app", "to": "db"},
        {"from": "db", "to": "blob"},
        {"id": "to-queue", "from": "app", "to": "queue", "type": "sync"},
        {"id": "jobs", "from": "queue", "to": "worker", "type": "async", "buffer_messages": 100000,
         "message_rate_per_second": 20},
    ],
    "shared_fate": [
        {"id": "release", "name": "Bad release", "components": ["app", "worker"],
         "outage": {"failure": {"type": "exponential", "mean_hours": 2190},
                    "repair": {"type": "exponential", "mean_hours": 1}}},
    ],
    "load": {
        "peak_rps": 800,
        "daily_profile": [0.3, 0.25, 0.2, 0.2, 0.2, 0.3, 0.5, 0.7, 0.9, 1, 1, 1,
                          1, 1, 1, 0.9, 0.9, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.35],
        "yearly_growth_percent": -10,
    },
    "scenarios": [
        {"id": "more-app", "name": "Six app instances", "description": "More headroom.",
         "operations": [{"op": "set", "path": "components[app].instances", "value": 6},
                        {"op": "set", "path": "load.daily_profile[3]", "value": 0.25},
                        {"op": "set", "path": "dependencies[4].calls_per_request", "value": 3}]},
        {"id": "no-dr", "based_on": "more-app",
         "operations": [{"op": "remove", "path": "links[wan]"},
                        {"op": "add", "path": "zones", "value": {"id": "eu-c", "region": "eu"}},
                        {"op": "set", "path": "components[db].zones", "value": ["eu-a", "eu-c"]},
                        {"op": "remove", "path": "zones[dr]"}]},
        {"id": "empty"},
    ],
}


def broken(change):
    doc = copy.deepcopy(MINIMAL)
    change(doc)
    return doc


def _set(obj, key, value):
    obj[key] = value


APP = 1  # index of the "app" component in MINIMAL

# Each must be rejected by the schema, as `nines check` rejects it, with an error at the given
# location (so that a case cannot pass by failing for another reason).
FM = "components/1/failure_modes/0"
BROKEN = [
    ("unknown top-level field", "(document)", broken(lambda d: _set(d, "setings", {}))),
    ("missing format", "(document)", broken(lambda d: d.pop("format"))),
    ("other format version", "format", broken(lambda d: _set(d, "format", "nines/2"))),
    ("wrong distribution type name", FM + "/failure/type",
     broken(lambda d: _set(d["components"][APP]["failure_modes"][0]["failure"], "type", "exponental"))),
    ("parameter of another distribution type", FM + "/failure",
     broken(lambda d: _set(d["components"][APP]["failure_modes"][0]["failure"], "sigma", 1))),
    ("missing distribution parameter", FM + "/repair",
     broken(lambda d: d["components"][APP]["failure_modes"][0]["repair"].pop("mean_hours"))),
    ("negative instances", "components/1/instances", broken(lambda d: _set(d["components"][APP], "instances", -2))),
    ("fractional instances", "components/1/instances",
     broken(lambda d: _set(d["components"][APP], "instances", 2.5))),
    ("unknown component field", "components/1", broken(lambda d: _set(d["components"][APP], "instnaces", 3))),
    ("missing component kind", "components/1", broken(lambda d: d["components"][APP].pop("kind"))),
    ("no entry component", "components", broken(lambda d: d["components"].pop(0))),
    ("id with a space", "components/1/id", broken(lambda d: _set(d["components"][APP], "id", "web server"))),
    ("standby settings on an active component", "components/1",
     broken(lambda d: _set(d["components"][APP], "standby", {"kind": "hot"}))),
    ("traffic share on a service", "components/1/traffic_share",
     broken(lambda d: _set(d["components"][APP], "traffic_share", 0.5))),
    ("async dependency without a buffer", "dependencies/0",
     broken(lambda d: _set(d["dependencies"][0], "type", "async"))),
    ("daily profile of 23 hours", "load/daily_profile",
     broken(lambda d: _set(d, "load", {"peak_rps": 10, "daily_profile": [1] * 23}))),
    ("remove operation with a value", "scenarios/0/operations/0",
     broken(lambda d: _set(d, "scenarios", [{"id": "s", "operations": [
         {"op": "remove", "path": "components[app]", "value": 1}]}]))),
    ("malformed operation path", "scenarios/0/operations/0/path",
     broken(lambda d: _set(d, "scenarios", [{"id": "s", "operations": [
         {"op": "set", "path": "components[app.instances", "value": 3}]}]))),
]


def main(argv):
    failures = 0

    def report(ok, text):
        nonlocal failures
        print(("ok   " if ok else "FAIL ") + text)
        if not ok:
            failures += 1

    try:
        schema = load_strict(SCHEMA)
        Draft202012Validator.check_schema(schema)
    except (OSError, ValueError) as e:
        report(False, f"{os.path.relpath(SCHEMA, ROOT)}: cannot read the schema: {e}")
        return 1
    except SchemaError as e:
        report(False, f"{os.path.relpath(SCHEMA, ROOT)}: not a valid draft 2020-12 schema: {e.message}")
        return 1
    report(True, f"{os.path.relpath(SCHEMA, ROOT)}: valid draft 2020-12 schema")
    open_paths = open_objects(schema)
    report(not open_paths, f"{os.path.relpath(SCHEMA, ROOT)}: every object closes its fields"
           + ("" if not open_paths else " -- open at " + ", ".join(open_paths)))
    validator = Draft202012Validator(schema)

    if argv:
        examples = [os.path.abspath(p) for p in argv]
    else:
        examples = sorted(glob.glob(os.path.join(EXAMPLES, "*.nines.json")))
        report(bool(examples), f"{os.path.relpath(EXAMPLES, ROOT)}: {len(examples)} example models found")
    for path in examples:
        name = os.path.relpath(path, ROOT) if path.startswith(ROOT + os.sep) else path
        try:
            doc = load_strict(path)
        except (OSError, ValueError) as e:
            report(False, f"{name}: not strict JSON: {e}")
            continue
        error = first_error(validator, doc)
        report(error is None, f"{name}: " + ("valid" if error is None else f"{where(error)}: {error.message}"))

    for title, doc in (("smallest model", MINIMAL), ("model using every field", EVERY_FIELD)):
        error = first_error(validator, doc)
        report(error is None, f"embedded {title}: " + ("valid" if error is None else f"{where(error)}: {error.message}"))
    for title, location, doc in BROKEN:
        errors = [e for e in validator.iter_errors(doc) if where(e) == location or where(e).startswith(location + "/")
                  or location == "(document)"]
        if errors:
            report(True, f"broken model, {title}: rejected ({location}: {errors[0].message[:100]})")
        else:
            error = first_error(validator, doc)
            report(False, f"broken model, {title}: " + ("accepted, but must be rejected" if error is None else
                                                         f"rejected at {where(error)}, expected at {location}"))

    print(f"{failures} failure(s)" if failures else "all schema checks passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
