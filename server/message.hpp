// SPDX-License-Identifier: MIT
// The server's request and response types, and the body that carries
// pre-rendered bytes without copying them.
#pragma once

#include <cstdint>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include <boost/asio/buffer.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/http/field.hpp>
#include <boost/beast/http/fields.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/optional/optional.hpp>

#include "field_allocator.hpp"

namespace httpstatus::server {

/// Holds the bytes of a response body: either a view of bytes that outlive
/// every response (the pre-rendered site), or bytes it shares ownership of
/// (a page rendered for one request). Copying never copies the bytes.
class payload {
 public:
  payload() = default;

  /// Returns a payload viewing `bytes`, which must outlive it.
  [[nodiscard]] static payload borrowed(std::string_view bytes) noexcept {
    payload p;
    p.view_ = bytes;
    return p;
  }

  /// Returns a payload that owns `bytes`.
  [[nodiscard]] static payload owned(std::string bytes) {
    payload p;
    p.owner_ = std::make_shared<const std::string>(std::move(bytes));
    p.view_ = *p.owner_;
    return p;
  }

  /// Returns a payload viewing `bytes` whose response header fields were
  /// serialized ahead of time as `fields` ("Name: value\r\n" each, all but
  /// `Date` and `Connection`); both must outlive it. The session writes
  /// such a response with `wire_buffers` (response.hpp), so
  /// that serving a stored page builds no header fields at all (issue #5).
  [[nodiscard]] static payload prepared(std::string_view fields,
                                        std::string_view bytes) noexcept {
    payload p;
    p.fields_ = fields;
    p.view_ = bytes;
    return p;
  }

  /// Returns the bytes.
  [[nodiscard]] std::string_view view() const noexcept { return view_; }

  /// Returns the serialized header fields of a `prepared` payload, or an
  /// empty view.
  [[nodiscard]] std::string_view prepared_fields() const noexcept {
    return fields_;
  }

  /// Drops the bytes (the answer to HEAD), keeping the prepared fields,
  /// whose `Content-Length` is the one a GET gets.
  void drop_bytes() noexcept {
    owner_.reset();
    view_ = {};
  }

 private:
  // The string lives on the heap, so `view_` stays valid when the payload
  // moves or copies.
  std::shared_ptr<const std::string> owner_;
  std::string_view view_;
  std::string_view fields_;
};

/// Is a Beast *Body* whose value is a `payload`: serializing it hands the
/// bytes to the socket as one buffer. It has no reader, so it can only be
/// sent, never parsed into.
struct payload_body {
  using value_type = payload;

  /// Returns the size of `p` in bytes, for `Content-Length`.
  [[nodiscard]] static std::uint64_t size(const value_type& p) noexcept {
    return p.view().size();
  }

  /// Hands the whole payload out in one buffer.
  class writer {
   public:
    using const_buffers_type = boost::asio::const_buffer;

    template <bool IsRequest, class Fields>
    writer(const boost::beast::http::header<IsRequest, Fields>&,
           const value_type& p) noexcept
        : bytes_(p.view()) {}

    void init(boost::beast::error_code& ec) noexcept { ec = {}; }

    boost::optional<std::pair<const_buffers_type, bool>> get(
        boost::beast::error_code& ec) noexcept {
      ec = {};
      if (done_ || bytes_.empty()) return boost::none;
      done_ = true;
      return std::pair{const_buffers_type(bytes_.data(), bytes_.size()), false};
    }

   private:
    std::string_view bytes_;
    bool done_ = false;
  };
};

/// Holds the header fields of every request and response. Its allocator
/// recycles the blocks of the fields per thread (see `field_allocator`),
/// so that reading a request and building a response do not touch the
/// global allocator once the server is warm (issue #5).
using fields = boost::beast::http::basic_fields<field_allocator<char>>;

/// Is every request the server reads: small bodies, kept as a string.
using request =
    boost::beast::http::request<boost::beast::http::string_body, fields>;

/// Is every response the server writes.
using response = boost::beast::http::response<payload_body, fields>;

/// Holds the value of a list-valued field (`If-None-Match`,
/// `Accept-Encoding`, ...) of a message, read from all its field lines:
/// lines that repeat a name combine, in order, into one comma-separated
/// list (RFC 9110 Section 5.3), which is what the field means. Empty when
/// the field is absent. One line, the common case, is viewed where it
/// lies and allocates nothing; the message must outlive this object.
class list_field {
 public:
  /// Reads the field `name` of `message`.
  list_field(const fields& message, boost::beast::http::field name) {
    // Beast's equal_range spans, in arrival order, the first line to the
    // last with this name, and any other fields that came between them.
    const auto [first, last] = message.equal_range(name);
    if (first == last) return;
    one_ = first->value();
    for (auto it = std::next(first); it != last; ++it) {
      if (it->name() != name) continue;
      if (!joined_) joined_.emplace(one_);
      joined_->append(", ");
      joined_->append(it->value());
    }
  }

  /// Returns the combined value, valid as long as this object and the
  /// message.
  [[nodiscard]] std::string_view value() const noexcept {
    return joined_ ? std::string_view(*joined_) : one_;
  }

 private:
  std::string_view one_;
  std::optional<std::string> joined_;
};

}  // namespace httpstatus::server
