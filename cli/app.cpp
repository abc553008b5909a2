// SPDX-License-Identifier: MIT
// The httpstatus command line: set-up of the commands, then one run.
#include "app.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <optional>
#include <ostream>
#include <span>
#include <string_view>

#include "check.hpp"
#include "export_command.hpp"
#include "httpstatus/httpstatus.hpp"
#include "json.hpp"
#include "lint_command.hpp"
#include "print.hpp"
#include "serve.hpp"
#include "syntax.hpp"

namespace httpstatus::cli {

namespace {

namespace json = boost::json;

constexpr std::string_view exit_codes_help =
    "Exit codes:\n"
    "  0  found\n"
    "  1  nothing found (unassigned code, not a status code, no match)\n"
    "  2  usage error (bad flags, empty or blank query)\n"
    "  74 the output could not be written (a full disk, a closed pipe)\n";

// Options bound to the command line; one struct, filled by CLI11.
struct options {
  std::vector<std::string> queries;
  std::vector<std::string> search_words;
  bool json = false;
  bool no_color = false;
  bool all = false;
  bool with_unofficial = false;
};

constexpr std::string_view empty_query_error =
    "httpstatus: error: empty query; give a code, a class such as 4xx, or a "
    "name\n";

// Returns `text` without the whitespace around it: ASCII's, and the
// no-break space (U+00A0) that a query copied from a web page brings, which
// the search already reads as a blank.
std::string_view trim_blank(std::string_view text) {
  constexpr std::string_view space = " \t\n\v\f\r";
  constexpr std::string_view no_break_space = "\xC2\xA0";
  while (true) {
    const std::size_t before = text.size();
    const std::size_t first = text.find_first_not_of(space);
    if (first == std::string_view::npos) return {};
    text = text.substr(first, text.find_last_not_of(space) - first + 1);
    if (text.starts_with(no_break_space)) text.remove_prefix(2);
    if (text.ends_with(no_break_space)) text.remove_suffix(2);
    if (text.size() == before) return text;
  }
}

// A query as an error line quotes it: shown as `printable` shows it, and
// cut after 80 bytes (at a character's start) with an ellipsis, so that a
// 10 KB argument does not become a 10 KB line.
std::string quoted(std::string_view query) {
  constexpr std::size_t max_shown = 80;
  std::string shown = printable(query);
  if (shown.size() <= max_shown) return shown;
  std::size_t cut = max_shown;
  while (cut > 0 && (static_cast<unsigned char>(shown[cut]) & 0xC0) == 0x80)
    --cut;
  shown.resize(cut);
  return shown + "\u2026";
}

// The class a query nearly writes: a class digit, then digits or `x` with
// at least one `x`, two or three characters in all ("4x", "40x", "4X"),
// but not a class itself.
std::optional<status_class> almost_class(std::string_view query) {
  if (query.size() < 2 || query.size() > 3 || parse_class(query) ||
      query[0] < '1' || query[0] > '5')
    return std::nullopt;
  bool has_x = false;
  for (const char c : query.substr(1)) {
    if (c == 'x' || c == 'X')
      has_x = true;
    else if (c < '0' || c > '9')
      return std::nullopt;
  }
  if (!has_x) return std::nullopt;
  return static_cast<status_class>(query[0] - '0');
}

// "no status code matches 'not fond'", and the name it likely misspells:
// "; did you mean 404 Not Found?".
std::string no_match(std::string_view query) {
  std::string message =
      fmt::format("no status code matches '{}'", quoted(query));
  if (const std::optional<int> code = suggest_by_name(query))
    message += fmt::format("; did you mean {} {}?", *code, find(*code)->reason);
  return message;
}

// The command that `word` likely misspells ("serch", "Lint"), which made it
// a query: the nearest one that has the same letters in another case, or
// is one edit away (two for a name of six letters or more).
std::optional<std::string_view> near_command(
    std::string_view word, std::span<const std::string> commands) {
  std::string lowered(word);
  for (char& c : lowered) c = detail::ascii_lower(c);
  std::optional<std::string_view> nearest;
  std::size_t nearest_distance = 3;
  for (const std::string& command : commands) {
    const std::size_t limit = command.size() < 6 ? 1 : 2;
    const std::size_t d = detail::edit_distance(lowered, command, limit);
    if (d <= limit && d < nearest_distance) {
      nearest = command;
      nearest_distance = d;
    }
  }
  return nearest;
}

// What one query resolved to: registry entries to show, or a message that
// says why nothing was found.
struct resolution {
  std::vector<status> entries;
  bool single = false;  // one code in full, rather than a list of rows
  bool searched = false;  // found by searching text, not by code or name
  const class_info* heading = nullptr;
  std::string not_found;  // empty when found
};

resolution resolve_code(int code) {
  resolution r;
  if (const auto s = find(code)) {
    r.entries.push_back(*s);
    r.single = true;
    return r;
  }
  for (const status& s : find_unofficial(code)) r.entries.push_back(s);
  if (!r.entries.empty()) {
    r.single = true;
    return r;
  }
  const class_info& c = info(*class_of(code));
  r.not_found = fmt::format(
      "{} is unassigned in the IANA registry; clients treat it as {} ({} {})",
      code, code / 100 * 100, c.label, c.name);
  return r;
}

// "-1" and "+404" are numbers to a reader, though not codes to the parser.
bool is_signed_number(std::string_view text) {
  return text.size() > 1 && (text[0] == '-' || text[0] == '+') &&
         parse_code(text.substr(1)).ec != std::errc::invalid_argument;
}

resolution resolve(std::string_view query) {
  resolution r;
  const parse_result number = parse_code(query);
  if (number.ec == std::errc{}) return resolve_code(number.code);
  // "0404" spells 404 but is not how a code is written; the site's 404
  // page gives the same hint.
  if (const std::optional<int> code = zero_padded_code(query)) {
    r.not_found = fmt::format(
        "'{}' is not how a status code is written; did you mean {}?",
        quoted(query), *code);
    return r;
  }
  // Any other number, padded or not ("0000", "0600"), is outside the range
  // too; the parser calls a padded one malformed, as it is no code either.
  const bool digits_only =
      !query.empty() && std::all_of(query.begin(), query.end(), lint::is_digit);
  if (number.ec == std::errc::result_out_of_range || digits_only ||
      is_signed_number(query)) {
    r.not_found =
        fmt::format("{} is not an HTTP status code: codes run from 100 to 599",
                    quoted(query));
    return r;
  }
  // "4x" and "40x" mean a class to a person and are words to a search,
  // which found 418 and 449 through the "4xx" in their text.
  if (const std::optional<status_class> near = almost_class(query)) {
    r.not_found = fmt::format("'{}' is not a class; did you mean {}?",
                              quoted(query), info(*near).label);
    return r;
  }
  if (const auto cls = parse_class(query)) {
    r.heading = &info(*cls);
    for (const status& s : in_class(*cls)) r.entries.push_back(s);
    return r;
  }
  if (const auto code = find_by_name(query)) return resolve_code(*code);
  const search_results hits = search(query, search_scope::with_unofficial);
  for (const search_hit& hit : hits) r.entries.push_back(*hit.entry);
  r.searched = true;
  if (r.entries.empty()) {
    r.not_found = no_match(query);
    return r;
  }
  // A name that finds a single code ("teapot") reads best in full, once
  // per entry (418 is both IANA's reserved code and RFC 2324's teapot).
  r.single = std::all_of(r.entries.begin(), r.entries.end(),
                         [&](const status& s) {
                           return s.code == r.entries.front().code;
                         });
  return r;
}

json::array to_json_array(const std::vector<status>& entries) {
  json::array a;
  for (const status& s : entries) a.push_back(render::to_json(s));
  return a;
}

int lookup(const options& opts, std::span<const std::string> commands,
           std::ostream& out, std::ostream& err, const terminal& term) {
  // A blank query (often an unset shell variable) asks for nothing, so it
  // is a usage error, not a search that finds nothing; it is caught before
  // any output, so the error is the only line.
  for (const std::string& query : opts.queries)
    if (trim_blank(query).empty()) {
      err << empty_query_error;
      return exit_usage;
    }
  int code = exit_found;
  std::vector<resolution> found;
  for (const std::string& query : opts.queries) {
    // A query pasted from a log or a file (" 404 ", "404\n") carries
    // whitespace that is no part of it; untrimmed, it is no code and would
    // be searched as text.
    resolution r = resolve(trim_blank(query));
    // A mistyped command ("httpstatus serch redirect") is read as queries;
    // the first one, which nothing matches, says what was likely meant.
    if (r.searched && !r.not_found.empty() && &query == &opts.queries.front())
      if (const auto command = near_command(trim_blank(query), commands))
        r.not_found = fmt::format(
            "no status code matches '{}'; did you mean the command "
            "'httpstatus {}'?",
            quoted(trim_blank(query)), *command);
    if (!r.not_found.empty()) {
      err << "httpstatus: " << r.not_found << '\n';
      code = exit_not_found;
      continue;
    }
    found.push_back(std::move(r));
  }
  // The JSON's shape follows what was asked, not what was found, so that a
  // script can rely on it: an object only for one query naming one entry
  // by code or name; a searched word gives an array, even of one entry
  // (`websocket` printed an object and `teapot` an array); several queries
  // give an array of what was found, even of one entry or none ("[]"). A
  // single query that finds nothing prints nothing, as its shape (object
  // for a code, array for a class) is not known.
  if (opts.json) {
    if (opts.queries.size() == 1) {
      if (found.empty()) return code;
      if (!found.front().searched && found.front().entries.size() == 1) {
        out << render::serialize(render::to_json(found.front().entries.front()),
                                 true);
        return code;
      }
    }
    std::vector<status> all_entries;
    for (const resolution& r : found)
      all_entries.insert(all_entries.end(), r.entries.begin(), r.entries.end());
    out << render::serialize(to_json_array(all_entries), true);
    return code;
  }
  bool first = true;
  for (const resolution& r : found) {
    if (!first) out << '\n';
    first = false;
    if (r.heading) print_class_heading(out, *r.heading, term);
    if (r.single) {
      for (std::size_t i = 0; i < r.entries.size(); ++i) {
        if (i > 0) out << '\n';
        print_entry(out, r.entries[i], term);
      }
    } else
      print_rows(out, r.entries, term);
  }
  return code;
}

// An unassigned range as `list --json --all` prints it, among the codes:
// no "code" (there is no one code), but "first" and "last", and the
// "status" and class keys a code has, so that a filter on "status" or
// "class" treats both alike. IANA's ranges never cross a class.
json::object range_json(const code_range& range) {
  const class_info& c = info(*class_of(range.first));
  json::object o;
  o["first"] = range.first;
  o["last"] = range.last;
  o["class"] = c.label;
  o["class_name"] = c.name;
  o["status"] = to_string(registration_status::unassigned);
  return o;
}

int list(const options& opts, std::ostream& out, const terminal& term) {
  std::vector<status> rows;
  for (const status& s : all())
    if (opts.all || s.registration != registration_status::unused)
      rows.push_back(s);
  if (opts.with_unofficial)
    for (const status& s : unofficial()) rows.push_back(s);
  std::stable_sort(rows.begin(), rows.end(),
                   [](const status& a, const status& b) { return a.code < b.code; });
  if (opts.json && !opts.all) {
    out << render::serialize(to_json_array(rows), true);
    return exit_found;
  }
  if (opts.json) {
    // --all adds the unassigned ranges in code order, as in the table.
    json::array a;
    std::size_t next = 0;
    for (const code_range& range : unassigned_ranges()) {
      while (next < rows.size() && rows[next].code < range.first)
        a.push_back(render::to_json(rows[next++]));
      a.push_back(range_json(range));
    }
    while (next < rows.size()) a.push_back(render::to_json(rows[next++]));
    out << render::serialize(a, true);
    return exit_found;
  }
  if (!opts.all) {
    print_rows(out, rows, term);
    return exit_found;
  }
  // With --all the unassigned ranges take their place in code order.
  std::size_t next = 0;
  for (const code_range& range : unassigned_ranges()) {
    std::vector<status> before;
    while (next < rows.size() && rows[next].code < range.first)
      before.push_back(rows[next++]);
    print_rows(out, before, term);
    print_unassigned(out, range, term);
  }
  print_rows(out, std::span(rows).subspan(next), term);
  return exit_found;
}

// Counts the vendors' codes that `query` finds, which a search without -u
// leaves out. A class ("4xx") counts none: it is the registry's range, as
// `httpstatus 4xx` shows it, and pointing at the vendors' codes of a whole
// class on every such search would be noise.
std::size_t unofficial_matches(std::string_view query) {
  if (parse_class(query)) return 0;
  std::size_t n = 0;
  for (const search_hit& hit : search(query, search_scope::with_unofficial))
    if (hit.entry->registration == registration_status::unofficial) ++n;
  return n;
}

// The command that shows them, ready to paste: words of plain characters
// as they are, anything else in single quotes (a shell would expand `*` or
// `$`), and `--` before a query that would read as a flag.
std::string unofficial_search(std::string_view query) {
  const std::string shown = printable(query);
  const bool plain = std::all_of(shown.begin(), shown.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || c == ' ' || c == '-' || c == '_' ||
           c == '.' || c == ',' || c == ':' || c == '/';
  });
  std::string word;
  if (plain) {
    word = shown;
  } else {
    word = "'";
    for (const char c : shown) {
      if (c == '\'')
        word += "'\\''";  // end the quote, an escaped quote, quote again
      else
        word += c;
    }
    word += "'";
  }
  return std::string("httpstatus search -u ") +
         (query.starts_with('-') ? "-- " : "") + word;
}

int search_command(const options& opts, std::ostream& out, std::ostream& err,
                   const terminal& term) {
  std::string query;
  for (const std::string& word : opts.search_words) {
    if (!query.empty()) query += ' ';
    query += word;
  }
  // Trimmed as a lookup's queries are, so that the words and the message
  // are what was meant.
  const std::string_view trimmed = trim_blank(query);
  if (trimmed.empty()) {
    err << empty_query_error;
    return exit_usage;
  }
  const search_results hits =
      search(trimmed, opts.with_unofficial ? search_scope::with_unofficial
                                           : search_scope::registered);
  std::vector<status> rows;
  for (const search_hit& hit : hits) rows.push_back(*hit.entry);
  const std::size_t left_out =
      opts.with_unofficial ? 0 : unofficial_matches(trimmed);
  // A search prints an array, whatever it finds: `[]` when nothing
  // matches, beside the line on stderr.
  if (rows.empty() && opts.json)
    out << render::serialize(to_json_array(rows), true);
  if (rows.empty()) {
    if (left_out == 0)
      err << "httpstatus: " << no_match(trimmed) << '\n';
    else
      fmt::print(err,
                 "httpstatus: no registered status code matches '{}'; {} "
                 "unofficial code{} {}: {}\n",
                 quoted(trimmed), left_out, left_out == 1 ? "" : "s",
                 left_out == 1 ? "does" : "do", unofficial_search(trimmed));
    return exit_not_found;
  }
  // Found without the vendors' codes, some of which match too (teapot:
  // IANA's 418, and RFC 2324's): one line on stderr says how to see them,
  // since the lookup (`httpstatus teapot`) shows them and the search did
  // not. Not with --json, whose callers asked for the data alone.
  if (left_out > 0 && !opts.json)
    fmt::print(err, "httpstatus: {} unofficial code{} also match{}: {}\n",
               left_out, left_out == 1 ? "" : "s", left_out == 1 ? "es" : "",
               unofficial_search(trimmed));
  if (opts.json)
    out << render::serialize(to_json_array(rows), true);
  else
    print_rows(out, rows, term);
  return exit_found;
}

}  // namespace

int run(const std::vector<std::string>& args, std::ostream& out,
        std::ostream& err, const terminal& term) {
  CLI::App app{"Look up HTTP status codes, serve the reference and mock.",
               "httpstatus"};
  app.set_version_flag("-V,--version", fmt::format("httpstatus {}", version));
  options opts;
  app.add_option("query", opts.queries,
                 "codes (404), classes (4xx), names (\"Not Found\", "
                 "StatusNotFound) or words to search (teapot)");
  app.add_flag("-j,--json", opts.json,
               "print JSON (an object when one query names one code by "
               "number or name, an array otherwise)");
  app.add_flag("--no-color", opts.no_color, "never colour the output");
  app.fallthrough();

  // list and search print through the top level's output flags, which
  // they name again so that their --help shows them.
  const auto add_output_flags = [&opts](CLI::App* cmd) {
    cmd->add_flag("-j,--json", opts.json, "print a JSON array");
    cmd->add_flag("--no-color", opts.no_color, "never colour the output");
  };
  CLI::App* list_cmd = app.add_subcommand("list", "list the registry");
  list_cmd->add_flag("-a,--all", opts.all,
                     "add reserved codes and unassigned ranges");
  list_cmd->add_flag("-u,--unofficial", opts.with_unofficial,
                     "add the vendors' unofficial codes");
  add_output_flags(list_cmd);

  CLI::App* search_cmd = app.add_subcommand(
      "search", "search codes, phrases, aliases, meanings and descriptions");
  search_cmd->add_option("words", opts.search_words, "words to look for")
      ->required();
  search_cmd->add_flag("-u,--unofficial", opts.with_unofficial,
                       "include the vendors' unofficial codes");
  add_output_flags(search_cmd);

  serve_command serve;
  add_serve_command(app, serve);
  export_command exp;
  add_export_command(app, exp);
  check_command check_cmd;
  add_check_command(app, check_cmd);
  lint_command lint_cmd;
  add_lint_command(app, lint_cmd);

  // Set last: CLI11 copies a parent's footer into subcommands made after it,
  // and these exit codes are the lookup's, not serve's or lint's.
  app.footer(std::string(exit_codes_help) +
             "\nExamples:\n  httpstatus 404\n  httpstatus 4xx\n"
             "  httpstatus teapot\n  httpstatus search redirect\n"
             "  httpstatus --json 404\n");

  try {
    std::vector<std::string> reversed(args.rbegin(), args.rend());
    app.parse(reversed);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e, out, err);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e, out, err);
  } catch (const CLI::ParseError& e) {
    // One line with our prefix, as every other bad input gets, naming the
    // subcommand whose help would explain it.
    std::string command = "httpstatus";
    std::string where;
    for (const CLI::App* sub : app.get_subcommands()) {
      command += " " + sub->get_name();
      where = sub->get_name() + ": ";
    }
    fmt::print(err, "httpstatus: error: {}{} (see {} --help)\n", where,
               printable(e.what()), command);
    return exit_usage;
  }

  // The top level falls through so that `list --json` works; the price is
  // that a stray word after a subcommand lands in the lookup's queries,
  // where the subcommand would ignore it (`list extra`, a second file for
  // `lint`, which reads one). Every subcommand's own words are bound to
  // its options, so a query left over here is always a mistake.
  if (const std::vector<CLI::App*> subs = app.get_subcommands();
      !subs.empty() && !opts.queries.empty()) {
    fmt::print(err, "httpstatus: error: {}: unexpected argument '{}'\n",
               subs.front()->get_name(), printable(opts.queries.front()));
    return exit_usage;
  }

  // `httpstatus --json check URL` asks what `check --json URL` does; it
  // printed the text report. serve and export print no JSON to ask for.
  if (opts.json) {
    check_cmd.json = lint_cmd.json = true;
    for (const CLI::App* sub : {serve.sub, exp.sub})
      if (sub->parsed()) {
        fmt::print(err,
                   "httpstatus: error: {}: --json applies to lookups, list, "
                   "search, check and lint\n",
                   sub->get_name());
        return exit_usage;
      }
  }

  terminal effective_term = term;
  if (opts.no_color || opts.json) effective_term.color = false;

  if (list_cmd->parsed()) return list(opts, out, effective_term);
  if (search_cmd->parsed()) return search_command(opts, out, err, effective_term);
  if (serve.sub->parsed()) return run_serve(serve, out, err);
  if (exp.sub->parsed()) return run_export(exp, out, err);
  if (check_cmd.sub->parsed()) return run_check(check_cmd, out, err);
  if (lint_cmd.sub->parsed()) return run_lint(lint_cmd, out, err);
  // Nothing to look up is a usage error: the help goes where errors go,
  // so that `httpstatus --json` leaves stdout empty rather than not JSON.
  if (opts.queries.empty()) {
    err << app.help();
    return exit_usage;
  }
  std::vector<std::string> commands;
  for (const CLI::App* sub :
       app.get_subcommands([](CLI::App*) { return true; }))
    commands.push_back(sub->get_name());
  return lookup(opts, commands, out, err, effective_term);
}

}  // namespace httpstatus::cli
