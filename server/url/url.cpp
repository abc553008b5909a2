// SPDX-License-Identifier: MIT
// Request-target helpers: percent-decoding and query parameters.
#include "url.hpp"

#include <algorithm>
#include <array>
#include <boost/url/encoding_opts.hpp>
#include <boost/url/parse.hpp>
#include <boost/url/pct_string_view.hpp>
#include <boost/url/url_view.hpp>

namespace httpstatus::server {

namespace {

// The characters of a reg-name or an IPv4 address (RFC 3986 Section 3.2.2)
// but for '%', whose escapes Boost.URL checks.
constexpr std::array<bool, 256> name_chars = [] {
  std::array<bool, 256> table{};
  for (char c = 'a'; c <= 'z'; ++c) table[static_cast<unsigned char>(c)] = true;
  for (char c = 'A'; c <= 'Z'; ++c) table[static_cast<unsigned char>(c)] = true;
  for (char c = '0'; c <= '9'; ++c) table[static_cast<unsigned char>(c)] = true;
  for (const char c : std::string_view("-._~!$&'()*+,;="))
    table[static_cast<unsigned char>(c)] = true;
  return table;
}();

}  // namespace

bool is_host_and_port(std::string_view value) noexcept {
  // Every request is checked, and nearly every Host is a plain name or
  // address and a port ("127.0.0.1:8080"): one pass over a table decides
  // those, where Boost.URL's authority grammar takes ten times as long. An
  // IP literal or a percent escape goes to the grammar, which knows them.
  const auto is_name_char = [](char c) {
    return name_chars[static_cast<unsigned char>(c)];
  };
  const auto name_end =
      std::find_if_not(value.begin(), value.end(), is_name_char);
  if (name_end == value.end()) return true;
  if (*name_end == ':')
    return std::all_of(name_end + 1, value.end(),
                       [](char c) { return c >= '0' && c <= '9'; });
  if (*name_end != '[' && *name_end != '%') return false;
  // An authority may also hold userinfo ("user@host"); a Host may not.
  const auto authority = boost::urls::parse_authority(value);
  return authority && !authority->has_userinfo();
}

std::optional<std::string> percent_decode(std::string_view text,
                                          bool plus_is_space) {
  const auto encoded = boost::urls::make_pct_string_view(
      boost::urls::string_view(text.data(), text.size()));
  if (!encoded) return std::nullopt;
  boost::urls::encoding_opts options;
  options.space_as_plus = plus_is_space;
  return encoded->decode(options);
}

std::optional<std::string> origin_form_of(std::string_view target) {
  if (target.empty() || target.front() == '/') return std::nullopt;
  const auto uri = boost::urls::parse_absolute_uri(target);
  if (!uri) return std::nullopt;
  const boost::urls::scheme scheme = uri->scheme_id();
  if (scheme != boost::urls::scheme::http &&
      scheme != boost::urls::scheme::https)
    return std::nullopt;
  // RFC 9110 Section 4.2.1: an http(s) URI without a host is invalid and
  // MUST be rejected; Section 4.2.4: userinfo SHOULD be taken as an error,
  // as it serves to disguise the authority.
  if (!uri->has_authority() || uri->encoded_host().empty() ||
      uri->has_userinfo())
    return std::nullopt;
  const std::string_view path = uri->encoded_path();
  std::string origin(path.empty() ? std::string_view("/") : path);
  if (uri->has_query()) (origin += '?') += uri->encoded_query();
  return origin;
}

}  // namespace httpstatus::server
