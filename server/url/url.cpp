// SPDX-License-Identifier: MIT
// Request-target helpers: percent-decoding and query parameters.
#include "url.hpp"

#include <boost/url/encoding_opts.hpp>
#include <boost/url/parse.hpp>
#include <boost/url/pct_string_view.hpp>
#include <boost/url/url_view.hpp>

namespace httpstatus::server {

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
