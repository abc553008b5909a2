// SPDX-License-Identifier: MIT
// gzip (zlib) and brotli encoders, used once per resource: at build time,
// and at start-up for a body the build did not see.
#pragma once

#include <string>
#include <string_view>

namespace httpstatus::server {

/// Returns `bytes` as a gzip member (RFC 1952) at the highest compression
/// level; throws `std::runtime_error` if zlib fails (out of memory).
[[nodiscard]] std::string gzip(std::string_view bytes);

/// Returns `bytes` as a brotli stream (RFC 7932) at the highest quality, in
/// text mode; throws `std::runtime_error` if the encoder fails.
[[nodiscard]] std::string brotli(std::string_view bytes);

}  // namespace httpstatus::server
