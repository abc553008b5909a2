// SPDX-License-Identifier: MIT
// The `httpstatus check` subcommand: request a URL, explain and lint the
// answer.
#include "check.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <array>
#include <ostream>

#include "bounded.hpp"
#include "http_client.hpp"
#include "json.hpp"
#include "lint_command.hpp"
#include "lint_json.hpp"
#include "print.hpp"
#include "syntax.hpp"

namespace httpstatus::cli {

namespace {

namespace json = boost::json;

constexpr std::string_view check_footer =
    "Sends one HTTP/1.1 request (HTTPS verified against the system's\n"
    "certificates, or --cacert), then explains the status code and lints the\n"
    "response. Interim 1xx responses and, with -L, every redirect are "
    "shown.\n"
    "At most 8 MiB of content is read; a larger response is judged on its\n"
    "header and those 8 MiB (on its header alone when its Content-Length\n"
    "says so), and a note says so. --timeout bounds each request (each hop\n"
    "with -L) as a whole, however slowly the server sends.\n\n"
    "Exit codes:\n"
    "  0  no MUST broken (SHOULD, MAY and info findings may remain)\n"
    "  1  a MUST broken\n"
    "  2  usage error (bad flags or URL, a --cacert that cannot be loaded)\n"
    "  3  the request failed (DNS, connect, TLS, timeout, too many "
    "redirects, a response cut short or not HTTP, more than 4096 interim "
    "responses)\n"
    "  74 the report could not be written (a full disk, a closed pipe)\n\n"
    "Examples:\n"
    "  httpstatus check https://example.com/\n"
    "  httpstatus check -L http://example.com/old-path\n"
    "  httpstatus check -X DELETE -H 'Authorization: Bearer x' "
    "https://api.example.com/1\n";

// One request and what came back, with the findings already computed.
struct hop {
  url_parts url;
  std::string method;
  exchange ex;
  std::vector<std::vector<lint::finding>> interim_findings;
  std::vector<lint::finding> findings;
  std::string location;  // absolute URL followed next; empty at the end
};

bool is_followed_redirect(int code) noexcept {
  return code == 301 || code == 302 || code == 303 || code == 307 ||
         code == 308;
}

// 303 turns any method but HEAD into GET; so do 301 and 302 for POST, as
// every browser and curl do (RFC 9110 Section 15.4 allows it). 307 and 308
// repeat the request as it was.
bool becomes_get(int code, std::string_view method) noexcept {
  if (code == 303) return method != "HEAD";
  return (code == 301 || code == 302) && method == "POST";
}

// Whether two URLs have one origin (RFC 6454): scheme, host and port.
bool same_origin(const url_parts& a, const url_parts& b) noexcept {
  return a.scheme == b.scheme && lint::iequals(a.host, b.host) &&
         a.port == b.port;
}

std::string origin_text(const url_parts& u) {
  return u.scheme + "://" + u.host_header;
}

// Credentials given with -H are for the origin the user named, and so is a
// Host given with -H. A redirect to another origin does not get them, as
// curl does (CVE-2018-1000007, CVE-2022-27776): a server must not be able
// to collect a token by answering 302. Removes them from `headers` and
// returns their names, as given, for the note that says so.
std::vector<std::string> drop_origin_bound_fields(
    std::vector<lint::field>& headers) {
  constexpr std::array<std::string_view, 4> bound = {
      "Authorization", "Proxy-Authorization", "Cookie", "Host"};
  std::vector<std::string> dropped;
  std::erase_if(headers, [&](const lint::field& f) {
    const bool is_bound = std::any_of(
        bound.begin(), bound.end(),
        [&](std::string_view name) { return lint::iequals(f.name, name); });
    if (is_bound) dropped.push_back(f.name);
    return is_bound;
  });
  return dropped;
}

std::string ms(std::chrono::microseconds t) {
  return fmt::format("{:.1f} ms", static_cast<double>(t.count()) / 1000.0);
}

double ms_value(std::chrono::microseconds t) {
  return static_cast<double>(t.count()) / 1000.0;
}

void print_hop(std::ostream& out, const hop& h) {
  fmt::print(out, "{} {}\n", h.method, printable(h.url.text));
  for (std::size_t i = 0; i < h.ex.interim.size(); ++i)
    print_report(out, h.ex.interim[i], h.interim_findings[i]);
  print_report(out, h.ex.final_response, h.findings);
  for (const std::string& note : h.ex.notes)
    fmt::print(out, "  {:<10} {}\n", "note", printable(note));
  const timings& t = h.ex.times;
  fmt::print(out, "  {:<10} connect {}, {}first byte {}, total {}\n", "timings",
             ms(t.connect),
             h.url.scheme == "https" ? "TLS " + ms(t.tls) + ", " : "",
             ms(t.first_byte), ms(t.total));
  if (!h.location.empty())
    fmt::print(out, "  {:<10} {}\n", "redirect", printable(h.location));
}

json::object hop_json(const hop& h) {
  json::object o = lint::report_json(h.ex.final_response, h.findings);
  o["url"] = h.url.text;
  o["method"] = h.method;
  o["body_bytes"] = h.ex.final_response.body.size();
  o["body_truncated"] = h.ex.final_response.body_truncated;
  json::array notes;
  for (const std::string& note : h.ex.notes) notes.emplace_back(note);
  o["notes"] = std::move(notes);
  json::array interim;
  for (std::size_t i = 0; i < h.ex.interim.size(); ++i)
    interim.push_back(
        lint::report_json(h.ex.interim[i], h.interim_findings[i]));
  o["interim"] = std::move(interim);
  if (h.location.empty())
    o["redirect"] = nullptr;
  else
    o["redirect"] = h.location;
  const timings& t = h.ex.times;
  json::object times;
  times["resolve_ms"] = ms_value(t.resolve);
  times["connect_ms"] = ms_value(t.connect);
  if (h.url.scheme == "https")
    times["tls_ms"] = ms_value(t.tls);
  else
    times["tls_ms"] = nullptr;
  times["first_byte_ms"] = ms_value(t.first_byte);
  times["total_ms"] = ms_value(t.total);
  o["timings"] = std::move(times);
  return o;
}

}  // namespace

void add_check_command(CLI::App& app, check_command& cmd) {
  cmd.sub = app.add_subcommand(
      "check", "request a URL, explain its status code and lint the response");
  cmd.sub->footer(std::string(check_footer));
  cmd.sub->add_option("url", cmd.url, "http:// or https:// URL")->required();
  cmd.sub->add_option("-X,--request", cmd.method,
                      "request method (default GET)");
  // One value per -H, as in curl: the URL may come after it.
  cmd.sub
      ->add_option("-H,--header", cmd.headers, "request header, 'Name: value'")
      ->allow_extra_args(false);
  cmd.sub->add_option("-d,--data", cmd.data, "request content (implies POST)")
      ->each([&cmd](const std::string&) { cmd.has_data = true; });
  cmd.sub->add_flag("-L,--location", cmd.follow, "follow redirects");
  cmd.sub
      ->add_option("--max-redirs", cmd.max_redirs, "most redirects to follow")
      ->capture_default_str()
      ->check(bounded(0, 100));
  cmd.sub
      ->add_option("--timeout", cmd.timeout_seconds,
                   "seconds for each request, connect to last byte")
      ->capture_default_str()
      ->check(bounded(0.001, 3600.0));
  cmd.sub->add_flag("-k,--insecure", cmd.insecure,
                    "do not verify the server's certificate");
  cmd.sub->add_option(
      "--cacert", cmd.cacert,
      "PEM file of CA certificates to trust instead of the system's");
  cmd.sub->add_flag("-j,--json", cmd.json,
                    "print JSON: hops, findings, timings");
}

int run_check(const check_command& cmd, std::ostream& out, std::ostream& err) {
  const url_result start = parse_url(cmd.url);
  if (!start.error.empty()) {
    fmt::print(err, "httpstatus: error: {}\n", printable(start.error));
    return lint_usage;
  }
  // A --cacert that cannot be loaded is a mistake on the command line, not
  // a failed request: say so before sending anything (exit 2, as for any
  // unreadable file), whatever the scheme, since a redirect may need it.
  if (!cmd.cacert.empty()) {
    const std::string problem = cacert_problem(cmd.cacert);
    if (!problem.empty()) {
      fmt::print(err, "httpstatus: error: {}\n", printable(problem));
      return lint_usage;
    }
  }
  http_request req;
  // An empty -X is a mistake, as an empty lint --method is, not a GET.
  const bool method_given = cmd.sub != nullptr && cmd.sub->count("--request") > 0;
  req.method =
      method_given ? cmd.method : (cmd.has_data ? "POST" : "GET");
  if (!lint::is_token(req.method)) {
    fmt::print(err, "httpstatus: error: -X '{}' is not a method name\n",
               printable(req.method));
    return lint_usage;
  }
  for (const std::string& h : cmd.headers) {
    lint::field f;
    if (const std::string_view problem = parse_header_arg(h, f);
        !problem.empty()) {
      fmt::print(err, "httpstatus: error: -H '{}' {}\n", printable(h),
                 problem);
      return lint_usage;
    }
    req.headers.push_back(std::move(f));
  }
  if (cmd.has_data) req.body = cmd.data;
  client_options opts;
  opts.timeout = std::chrono::milliseconds(
      static_cast<std::int64_t>(cmd.timeout_seconds * 1000.0));
  opts.insecure = cmd.insecure;
  opts.cacert = cmd.cacert;

  std::vector<hop> hops;
  url_parts url = start.url;
  std::string failure_line;
  while (true) {
    hop h;
    h.url = url;
    h.method = req.method;
    h.ex = fetch(url, req, opts);
    if (h.ex.failed != failure::none) {
      failure_line = h.ex.error;
      break;
    }
    // The lint judges each response against the request that produced it.
    const lint::request_context context{req.method, req.headers, true};
    for (const lint::response& r : h.ex.interim)
      h.interim_findings.push_back(lint::lint(r, context));
    h.findings = lint::lint(h.ex.final_response, context);
    const int code = h.ex.final_response.code;
    const auto location = lint::header(h.ex.final_response.fields, "Location");
    if (!cmd.follow || !is_followed_redirect(code) || !location) {
      hops.push_back(std::move(h));
      break;
    }
    // An empty Location is a valid reference to this very URL (RFC 3986
    // Section 4.1): following it asks again until --max-redirs. It is an
    // info finding of this hop; stop here and say why.
    const url_result next =
        lint::trim(*location).empty()
            ? url_result{{},
                         "the Location is empty, which points back at " +
                             url.text}
            : resolve_location(url, lint::trim(*location));
    if (!next.error.empty()) {
      // A broken Location is a finding of this hop (location-syntax), not
      // a failed request: report it and stop following.
      hops.push_back(std::move(h));
      fmt::print(err, "httpstatus: not following: {}\n",
                 printable(next.error));
      break;
    }
    h.location = next.url.text;
    hops.push_back(std::move(h));
    if (static_cast<int>(hops.size()) > cmd.max_redirs) {
      failure_line = fmt::format(
          "stopped after {} redirect{} (--max-redirs {})", cmd.max_redirs,
          cmd.max_redirs == 1 ? "" : "s", cmd.max_redirs);
      break;
    }
    if (becomes_get(code, req.method)) {
      req.method = "GET";
      req.body.reset();
    }
    if (!same_origin(next.url, start.url)) {
      const std::vector<std::string> dropped =
          drop_origin_bound_fields(req.headers);
      if (!dropped.empty())
        fmt::print(err,
                   "httpstatus: not sending {} to {}: another origin than "
                   "{}\n",
                   printable(fmt::format("{}", fmt::join(dropped, ", "))),
                   printable(origin_text(next.url)),
                   printable(origin_text(start.url)));
    }
    url = next.url;
  }

  bool must_broken = false;
  for (const hop& h : hops) {
    must_broken = must_broken || lint::breaks_must(h.findings);
    for (const auto& f : h.interim_findings)
      must_broken = must_broken || lint::breaks_must(f);
  }
  // The JSON object is printed even when the first request failed (no
  // hops, exit 3): a script that parses stdout finds the reason in
  // "error" rather than nothing at all. The line on stderr stays.
  if (cmd.json) {
    json::object o;
    o["url"] = start.url.text;
    json::array list;
    for (const hop& h : hops) list.push_back(hop_json(h));
    o["hops"] = std::move(list);
    o["must_broken"] = must_broken;
    if (failure_line.empty())
      o["error"] = nullptr;
    else
      o["error"] = failure_line;
    out << render::serialize(o, true);
  } else {
    bool first = true;
    for (const hop& h : hops) {
      if (!first) out << '\n';
      first = false;
      print_hop(out, h);
    }
  }
  if (!failure_line.empty()) {
    fmt::print(err, "httpstatus: error: {}\n", printable(failure_line));
    return lint_request_failed;
  }
  return must_broken ? lint_must_broken : lint_clean;
}

}  // namespace httpstatus::cli
