// SPDX-License-Identifier: MIT
// The `httpstatus lint` subcommand: raw responses in, findings out.
#include "lint_command.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <ostream>

#include "httpstatus/registry.hpp"
#include "json.hpp"
#include "lint_json.hpp"
#include "print.hpp"
#include "syntax.hpp"

namespace httpstatus::cli {

namespace {

constexpr std::string_view lint_footer =
    "Reads what `curl -si URL` or `curl -sI URL` prints (CRLF or LF; interim\n"
    "1xx responses and every hop of `curl -L` are judged one by one).\n\n"
    "Exit codes:\n"
    "  0  no MUST broken (SHOULD, MAY and info findings may remain)\n"
    "  1  a MUST broken\n"
    "  2  usage error (bad flags, unreadable file, not an HTTP response, "
    "more than 4096 responses)\n"
    "  74 the report could not be written (a full disk, a closed pipe)\n\n"
    "Examples:\n"
    "  curl -si https://example.com/ | httpstatus lint\n"
    "  curl -sI https://example.com/ | httpstatus lint --method HEAD\n"
    "  httpstatus lint --json response.txt\n";

// Reads at most `max_lint_input` bytes plus one, so that an over-long
// input is told apart from one that is exactly at the limit.
bool read_limited(std::istream& in, std::string& text) {
  std::array<char, 64 * 1024> chunk{};
  while (in) {
    in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    text.append(chunk.data(), static_cast<std::size_t>(in.gcount()));
    if (text.size() > max_lint_input) return false;
  }
  return true;
}

std::string count_line(std::span<const lint::finding> findings) {
  std::array<int, 4> counts{};
  for (const lint::finding& f : findings)
    ++counts[static_cast<std::size_t>(f.strength)];
  std::string parts;
  for (std::size_t i = 0; i < counts.size(); ++i) {
    if (counts[i] == 0) continue;
    if (!parts.empty()) parts += ", ";
    parts +=
        fmt::format("{} {}", counts[i], to_string(static_cast<requirement>(i)));
  }
  return parts;
}

}  // namespace

std::string_view parse_header_arg(std::string_view text,
                                  lint::field& result) {
  constexpr std::string_view not_a_field = "is not 'Name: value'";
  const std::size_t colon = text.find(':');
  if (colon == std::string_view::npos) return not_a_field;
  const std::string_view name = text.substr(0, colon);
  if (!lint::is_token(name)) return not_a_field;
  const std::string_view value = lint::trim(text.substr(colon + 1));
  if (std::any_of(value.begin(), value.end(), lint::is_field_value_control))
    return "has a control character in its value; a field value is visible "
           "characters, spaces and tabs (RFC 9110 Section 5.5)";
  result.name = std::string(name);
  result.value = std::string(value);
  return {};
}

void add_lint_command(CLI::App& app, lint_command& cmd) {
  cmd.sub = app.add_subcommand(
      "lint", "judge a raw HTTP response (curl -si output) against the spec");
  cmd.sub->footer(std::string(lint_footer));
  cmd.sub
      ->add_option("file", cmd.file, "file with the raw response; - for stdin")
      ->capture_default_str();
  cmd.sub
      ->add_option("-m,--method", cmd.method,
                   "the request's method (HEAD expects no content, a 2xx "
                   "to CONNECT no framing)")
      ->capture_default_str();
  // Only the headers a rule reads are named: a header named here must
  // change a finding, or the help promises a check that is not made.
  // One value per -r, so that "-r 'Name: value' FILE" leaves FILE alone.
  cmd.sub
      ->add_option("-r,--request-header", cmd.request_headers,
                   "a request header, 'Name: value' (rules read "
                   "Accept-Encoding and Upgrade)")
      ->allow_extra_args(false);
  cmd.sub->add_flag("-j,--json", cmd.json,
                    "print a JSON array, one object per response");
}

void print_report(std::ostream& out, const lint::response& res,
                  std::span<const lint::finding> findings,
                  std::string_view indent) {
  // The code as received: three digits ("000", not "0").
  fmt::print(out, "{}{} {:03}{}\n", indent, printable(res.version),
             res.code,
             res.reason.empty() ? "" : " " + printable(res.reason));
  const auto line = [&](std::string_view name, std::string_view value) {
    if (!value.empty()) fmt::print(out, "{}  {:<10} {}\n", indent, name, value);
  };
  const std::optional<status> entry = lint::entry_for(res.code);
  if (res.tunnel)
    line("answers", lint::tunnel_sentence);
  if (const auto cls = class_of(res.code)) {
    const class_info& c = info(*cls);
    line("class", fmt::format("{} {}", c.label, c.name));
  }
  if (entry) {
    line("phrase", entry->vendor.empty()
                       ? std::string(entry->reason)
                       : fmt::format("{} ({}, unofficial)", entry->reason,
                                     entry->vendor));
    line("meaning", entry->meaning);
    line("reference",
         fmt::format("{}  {}", entry->reference, entry->reference_url));
  } else if (const auto fallback = effective(res.code)) {
    line("meaning",
         fmt::format("not a registered code; clients treat it as {} {}",
                     fallback->code, fallback->reason));
  } else {
    line("meaning", "not an HTTP status code: codes run from 100 to 599");
  }
  if (findings.empty()) {
    fmt::print(out, "{}  no findings\n", indent);
    return;
  }
  line("findings", count_line(findings));
  for (const lint::finding& f : findings) {
    fmt::print(out, "{}  {:<6} {} ({})\n", indent, to_string(f.strength),
               f.rule, lint::short_section(f.section));
    fmt::print(out, "{}         {}\n", indent, printable(f.message));
    fmt::print(out, "{}         {}\n", indent, f.url);
  }
}

int run_lint(const lint_command& cmd, std::ostream& out, std::ostream& err) {
  lint::request_context req;
  req.method = cmd.method;
  if (!lint::is_token(req.method)) {
    fmt::print(err, "httpstatus: error: --method '{}' is not a method name\n",
               printable(cmd.method));
    return lint_usage;
  }
  for (const std::string& h : cmd.request_headers) {
    lint::field f;
    if (const std::string_view problem = parse_header_arg(h, f);
        !problem.empty()) {
      fmt::print(err, "httpstatus: error: --request-header '{}' {}\n",
                 printable(h), problem);
      return lint_usage;
    }
    req.headers.push_back(std::move(f));
  }

  std::string text;
  bool within_limit = true;
  const std::string source = cmd.file == "-" ? "stdin" : cmd.file;
  if (cmd.file == "-") {
    within_limit = read_limited(cmd.input ? *cmd.input : std::cin, text);
  } else {
    // An ifstream opens a directory without complaint and then reads
    // nothing, which the reader would report as an empty input.
    std::error_code ec;
    if (std::filesystem::is_directory(cmd.file, ec)) {
      fmt::print(err, "httpstatus: error: cannot read {}: {}\n",
                 printable(cmd.file),
                 std::make_error_code(std::errc::is_a_directory).message());
      return lint_usage;
    }
    std::ifstream file(cmd.file, std::ios::binary);
    if (!file) {
      // The stream keeps no reason; open(2)'s errno is the one left.
      fmt::print(err, "httpstatus: error: cannot read {}: {}\n",
                 printable(cmd.file),
                 std::error_code(errno, std::generic_category()).message());
      return lint_usage;
    }
    within_limit = read_limited(file, text);
    // A read that fails part-way (EIO, a file that vanishes) is no input.
    if (file.bad()) {
      fmt::print(err, "httpstatus: error: cannot read {}\n",
                 printable(cmd.file));
      return lint_usage;
    }
  }
  if (!within_limit) {
    fmt::print(err,
               "httpstatus: error: {} is larger than {} MiB; lint reads "
               "at most that much\n",
               printable(source), max_lint_input / (1024 * 1024));
    return lint_usage;
  }

  const lint::parse_result parsed = lint::parse_responses(text, req.method);
  if (parsed.ec != std::errc{}) {
    fmt::print(err, "httpstatus: error: {}: {}\n", printable(source),
               parsed.error);
    return lint_usage;
  }

  // The JSON is built where POST /api/v1/lint builds it, so the two cannot
  // drift apart.
  if (cmd.json) {
    const boost::json::array reports =
        lint::reports_json(parsed.responses, req);
    out << render::serialize(reports, true);
    return lint::any_must_broken(reports) ? lint_must_broken : lint_clean;
  }

  // Interim 1xx responses answer the same request, so they are judged with
  // the same context; only the method's "no content" rule is theirs anyway.
  bool must_broken = false;
  bool first = true;
  for (const lint::response& res : parsed.responses) {
    const std::vector<lint::finding> findings = lint::lint(res, req);
    must_broken = must_broken || lint::breaks_must(findings);
    if (!first) out << '\n';
    first = false;
    print_report(out, res, findings);
  }
  return must_broken ? lint_must_broken : lint_clean;
}

}  // namespace httpstatus::cli
