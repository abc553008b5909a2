// SPDX-License-Identifier: MIT
// The mock's one entry point for the server: a `/status/...` request in,
// the messages to send (and how long to wait first) out.
#include "mock.hpp"

namespace httpstatus::server::mock {

mock_answer answer(std::string_view codes, std::string_view query,
                   const request_info& req, sequence_store& sequences,
                   const spec_limits& limits,
                   const std::function<bool()>& may_sleep) {
  mock_answer a;
  // A preflight asks whether the real request may be sent, not what it
  // would get: answer it before judging the specification.
  if (is_preflight(req)) {
    a.response = build_preflight(req);
    return a;
  }
  const spec_result parsed = parse_spec(codes, query, limits);
  if (!parsed) {
    a.response = build_error(parsed.detail, req);
    return a;
  }
  const spec& s = parsed.spec;
  // Asked before the sequence advances: a request refused here must not
  // use up a step that no answer sent.
  if (s.sleep.count() > 0 && may_sleep && !may_sleep()) {
    a.sleep_refused = true;
    return a;
  }

  int code = 0;
  if (!s.sequence.empty()) {
    const sequence_step step =
        sequences.next(s.sequence, codes, s.choices.size());
    if (!step) {
      a.response = build_error(step.detail, req);
      return a;
    }
    code = s.choices[step.index].code;
  } else {
    code = choose(s);
  }

  // `parse_spec` admits only codes in 100..599, so `resolve` has an answer.
  const std::optional<target> t = resolve(code, s.vendor);
  a.response = build_response(*t, req, {s.retry_after, s.location});
  a.sleep = s.sleep;
  return a;
}

}  // namespace httpstatus::server::mock
