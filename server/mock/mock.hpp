// SPDX-License-Identifier: MIT
// The mock's one entry point for the server: a `/status/...` request in,
// the messages to send (and how long to wait first) out.
#pragma once

#include <chrono>
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
};

/// Answers one mock request: `codes` is the path after `/status/` as
/// received (percent-encoded), `query` the query without '?'. A CORS
/// preflight gets its 204 whatever `codes` says; a bad specification or
/// sequence key gets `build_error`'s 400, without delay; otherwise the code
/// comes from the sequence (`sequences`), the seed, or chance, and
/// `build_response` builds the answer. Only allocation throws.
///
///     mock_answer a = answer(rest_of_path, query, info, store, limits);
///     // wait a.sleep, then send a.response according to its action
[[nodiscard]] mock_answer answer(std::string_view codes, std::string_view query,
                                 const request_info& req,
                                 sequence_store& sequences,
                                 const spec_limits& limits);

}  // namespace httpstatus::server::mock
