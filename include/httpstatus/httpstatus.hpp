// SPDX-License-Identifier: MIT
// Umbrella header: the whole httpstatus library.
#pragma once

#include "httpstatus/codes.hpp"
#include "httpstatus/parse.hpp"
#include "httpstatus/registry.hpp"
#include "httpstatus/search.hpp"
#include "httpstatus/status.hpp"
#include "httpstatus/version.hpp"
