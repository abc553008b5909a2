// SPDX-License-Identifier: MIT
// Request-target helpers: percent-decoding and query parameters.
#include "url.hpp"

#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>

namespace httpstatus::server {
namespace {

constexpr int hex_value(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::optional<std::string> percent_decode(std::string_view text,
                                          bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '%') {
      if (i + 2 >= text.size()) return std::nullopt;
      const int hi = hex_value(text[i + 1]);
      const int lo = hex_value(text[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      out.push_back(static_cast<char>(hi * 16 + lo));
      i += 2;
    } else if (c == '+' && plus_is_space) {
      out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::optional<std::string> origin_form_of(std::string_view target) {
  if (target.empty() || target.front() == '/') return std::nullopt;
  const auto uri = boost::urls::parse_absolute_uri(target);
  if (!uri) return std::nullopt;
  const boost::urls::scheme scheme = uri->scheme_id();
  if (scheme != boost::urls::scheme::http &&
      scheme != boost::urls::scheme::https)
    return std::nullopt;
  const std::string_view path = uri->encoded_path();
  std::string origin(path.empty() ? std::string_view("/") : path);
  if (uri->has_query()) (origin += '?') += uri->encoded_query();
  return origin;
}

}  // namespace httpstatus::server
