// What each field of the inspector means, with its unit: the text of its tooltip and of "What's
// This" (Shift+F1), so that a new architect need not leave the window to learn what MTBF, k of n,
// a warm standby or CP/AP are. One table for every form, keyed by the field's path.
#pragma once

#include <QString>

#include <string>

namespace nines::ui {

/// The help of a field path relative to its item ("failure_modes[crash].repair",
/// "standby.kind", "settings.mission_hours"); selectors do not matter. Empty for an unknown path.
QString fieldHelp(const std::string& path);

}  // namespace nines::ui
