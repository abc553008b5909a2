// SPDX-License-Identifier: MIT
// gzip (zlib) and brotli encoders: once per resource at build time or
// start-up, and quickly per request for a page rendered per request.
#include "compress.hpp"

#include <brotli/encode.h>
#include <zlib.h>

#include <cstdint>
#include <stdexcept>

namespace httpstatus::server {

// Each body is compressed once, by the build (httpstatus_precompress) or,
// failing that, at start-up, so both encoders run at their slowest,
// smallest setting: the cost is paid once per resource, the saving on every
// response.
std::string gzip(std::string_view bytes, effort e) {
  z_stream z{};
  // 15 window bits + 16 asks zlib for the gzip wrapper instead of zlib's.
  constexpr int gzip_window_bits = 15 + 16;
  if (deflateInit2(&z, e == effort::quick ? 6 : Z_BEST_COMPRESSION, Z_DEFLATED,
                   gzip_window_bits, 9, Z_DEFAULT_STRATEGY) != Z_OK)
    throw std::runtime_error("gzip: deflateInit2 failed");
  std::string out(deflateBound(&z, static_cast<uLong>(bytes.size())), '\0');
  // zlib's API predates const; it never writes through next_in.
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  z.avail_in = static_cast<uInt>(bytes.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  const int rc = deflate(&z, Z_FINISH);
  const uLong written = z.total_out;
  deflateEnd(&z);
  if (rc != Z_STREAM_END) throw std::runtime_error("gzip: deflate failed");
  out.resize(written);
  return out;
}

std::string brotli(std::string_view bytes, effort e) {
  std::size_t size = BrotliEncoderMaxCompressedSize(bytes.size());
  // 0 means the input is too large for a one-shot bound; ours never is.
  if (size == 0) throw std::runtime_error("brotli: input too large");
  std::string out(size, '\0');
  if (!BrotliEncoderCompress(
          e == effort::quick ? 5 : BROTLI_MAX_QUALITY, BROTLI_DEFAULT_WINDOW,
          BROTLI_MODE_TEXT, bytes.size(),
          reinterpret_cast<const std::uint8_t*>(bytes.data()), &size,
          reinterpret_cast<std::uint8_t*>(out.data())))
    throw std::runtime_error("brotli: BrotliEncoderCompress failed");
  out.resize(size);
  return out;
}

}  // namespace httpstatus::server
