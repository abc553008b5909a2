// SPDX-License-Identifier: MIT
// The version, in one place: CMake's project() reads it from this file, so
// that the headers work straight from the source tree, without a build.
#pragma once

#include <string_view>

namespace httpstatus {

/// Gives the library's version, "MAJOR.MINOR.PATCH".
inline constexpr std::string_view version = "0.1.0";

}  // namespace httpstatus
