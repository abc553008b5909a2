// SPDX-License-Identifier: MIT
// gzip (zlib) and brotli encoders: once per resource at build time or
// start-up, and quickly per request for a page rendered per request.
#pragma once

#include <string>
#include <string_view>

namespace httpstatus::server {

/// Says how hard an encoder works: `smallest` for a body compressed once
/// (gzip 9, brotli 11), `quick` for one compressed per request (gzip 6,
/// brotli 5: a fraction of a millisecond for a 20 KB page).
enum class effort { smallest, quick };

/// Returns `bytes` as a gzip member (RFC 1952), at the highest compression
/// level unless `e` is `quick`; throws `std::runtime_error` if zlib fails
/// (out of memory).
[[nodiscard]] std::string gzip(std::string_view bytes,
                               effort e = effort::smallest);

/// Returns `bytes` as a brotli stream (RFC 7932), at the highest quality
/// unless `e` is `quick`, in text mode; throws `std::runtime_error` if the
/// encoder fails.
[[nodiscard]] std::string brotli(std::string_view bytes,
                                 effort e = effort::smallest);

}  // namespace httpstatus::server
