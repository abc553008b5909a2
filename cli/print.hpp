// SPDX-License-Identifier: MIT
// Human output of the CLI: aligned, coloured on a terminal, plain otherwise.
#pragma once

#include <iosfwd>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "app.hpp"
#include "httpstatus/status.hpp"

namespace httpstatus::cli {

/// Prints one code in full: phrase, class, status, meaning, reference, URL.
void print_entry(std::ostream& out, const status& s, const terminal& term);

/// Prints one aligned row per code: code, phrase, meaning (and vendor).
void print_rows(std::ostream& out, std::span<const status> rows,
                const terminal& term);

/// Prints a class heading: "4xx Client error: The request was ...".
void print_class_heading(std::ostream& out, const class_info& c,
                         const terminal& term);

/// Prints an unassigned range: "105-199  Unassigned".
void print_unassigned(std::ostream& out, const code_range& r,
                      const terminal& term);

/// Returns `text` safe to print in one line on a terminal: control
/// characters (C0, DEL, C1), line separators, bidirectional controls and
/// bytes that are not well-formed UTF-8 become `\xNN`, byte by byte; other
/// characters, ASCII or not ("404", "§", "٤٠٤"), pass through.
[[nodiscard]] std::string printable(std::string_view text);

}  // namespace httpstatus::cli
