// SPDX-License-Identifier: MIT
// gzip and brotli decoders for tests that read what the server compressed.
#pragma once

#include <brotli/decode.h>
#include <zlib.h>

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace httpstatus::test {

/// Returns the bytes of the gzip member `bytes`, at most `limit` of them.
/// Throws `std::runtime_error` if `bytes` is not a whole gzip member.
inline std::string gunzip(std::string_view bytes,
                          std::size_t limit = std::size_t{1} << 22) {
  z_stream z{};
  if (inflateInit2(&z, 15 + 16) != Z_OK)
    throw std::runtime_error("inflateInit2");
  std::string out(limit, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  z.avail_in = static_cast<uInt>(bytes.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  const int rc = inflate(&z, Z_FINISH);
  out.resize(z.total_out);
  inflateEnd(&z);
  if (rc != Z_STREAM_END) throw std::runtime_error("inflate");
  return out;
}

/// Returns the bytes of the brotli stream `bytes`, at most `limit` of
/// them. Throws `std::runtime_error` if `bytes` is not a whole stream.
inline std::string unbrotli(std::string_view bytes,
                            std::size_t limit = std::size_t{1} << 22) {
  std::string out(limit, '\0');
  std::size_t size = out.size();
  if (BrotliDecoderDecompress(
          bytes.size(), reinterpret_cast<const std::uint8_t*>(bytes.data()),
          &size, reinterpret_cast<std::uint8_t*>(out.data())) !=
      BROTLI_DECODER_RESULT_SUCCESS)
    throw std::runtime_error("BrotliDecoderDecompress");
  out.resize(size);
  return out;
}

}  // namespace httpstatus::test
