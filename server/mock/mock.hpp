// SPDX-License-Identifier: MIT
// The mock's one entry point for the server: a `/status/...` request in,
// the messages to send (and how long to wait first) out.
#pragma once

#include <chrono>
#include <functional>
#include <string_view>

#include "response.hpp"
#include "sequences.hpp"
#include "spec.hpp"

namespace httpstatus::server::mock {

/// Holds the mock's answer: the messages, and the delay `sleep=` asked for,
/// which the session waits on a timer before writing (never by blocking a
/// thread).
struct mock_answer {
  mock_response response;
  std::chrono::milliseconds sleep{0};
  /// Whether `may_sleep` refused the `sleep=` asked for: `response` is then
  /// empty, for the server to answer with its own refusal.
  bool sleep_refused = false;
};

/// Answers one mock request: `codes` is the path after `/status/` as
/// received (percent-encoded), `query` the query without '?'. A CORS
/// preflight gets its 204 whatever `codes` says; a bad specification or
/// sequence key gets `build_error`'s 400, without delay; otherwise the code
/// comes from the sequence (`sequences`), the seed, or chance, and
/// `build_response` builds the answer. A valid specification with a
/// `sleep=` above 0 first asks `may_sleep` (when given) whether the request
/// may sleep; if not, the answer is `sleep_refused`, and the sequence has
/// not advanced: a refused request answers no step. Only allocation throws.
///
///     mock_answer a = answer(rest_of_path, query, info, store, limits);
///     // wait a.sleep, then send a.response according to its action
[[nodiscard]] mock_answer answer(std::string_view codes, std::string_view query,
                                 const request_info& req,
                                 sequence_store& sequences,
                                 const spec_limits& limits,
                                 const std::function<bool()>& may_sleep = {});

}  // namespace httpstatus::server::mock
