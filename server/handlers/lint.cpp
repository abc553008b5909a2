// SPDX-License-Identifier: MIT
// The lint's handlers: POST /api/v1/lint (JSON) and POST /lint (the page's
// form without JavaScript). Both judge only the text they are sent.
#include "lint.hpp"

#include <fmt/format.h>

#include <boost/json/array.hpp>
#include <cctype>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "handlers/handlers.hpp"
#include "json.hpp"
#include "lint_json.hpp"
#include "pages.hpp"
#include "response.hpp"
#include "syntax.hpp"
#include "url.hpp"

namespace httpstatus::server::handlers {
namespace {

constexpr std::string_view json_type = "application/json";
constexpr std::string_view html_type = "text/html; charset=utf-8";

// A lint answers one request's text, so nothing may store it, and it
// carries no validator: an If-None-Match on a POST asks for a 412, not the
// 304 that `serve_dynamic` would give. It is compressed as any answer
// rendered per request: a report is many times the size of its input.
response answer(const request& req, int code, std::string body,
                std::string_view content_type, resource_kind kind) {
  response res = make_response(req, code);
  set_negotiated_body(req, res, std::move(body), content_type);
  res.set(boost::beast::http::field::cache_control, "no-store");
  add_kind_headers(res, kind);
  return res;
}

// What both handlers read before judging: the request's context, or why
// the input was refused, in a sentence fit for a problem's `detail` and
// for the page alike.
struct lint_input {
  lint::request_context context;
  bool method_given = false;
  std::string problem;
};

// The text is read as sent: a content coding (RFC 9110 Section 8.4) would
// be read as the response itself, and refused as "not an HTTP response".
// A server that cannot decode a coding answers 415 and says which it
// takes (Section 15.5.16).
bool is_encoded(const request& req) {
  const auto coding = req.find(boost::beast::http::field::content_encoding);
  return coding != req.end() &&
         !lint::iequals(lint::trim(coding->value()), "identity");
}

// A response answers one request, so one method: a second was taken over
// the first, where `class` and `q` on /api/v1/codes are refused twice.
void set_method(lint_input& in, std::string_view method) {
  if (!in.problem.empty()) return;
  if (in.method_given)
    in.problem = "method may be given once.";
  else if (!lint::is_token(method))
    in.problem = fmt::format(
        "The method '{}' is not a method name such as GET or HEAD.", method);
  else
    in.context.method = std::string(method);
  in.method_given = true;
}

// The same reading as `httpstatus lint --request-header`: "Name: value",
// the name a token, the value trimmed.
void add_request_header(lint_input& in, std::string_view text) {
  const std::size_t colon = text.find(':');
  const std::string_view name =
      colon == std::string_view::npos ? text : text.substr(0, colon);
  if (colon == std::string_view::npos || !lint::is_token(name)) {
    if (in.problem.empty())
      in.problem = fmt::format(
          "The request header '{}' is not written as 'Name: value'.", text);
    return;
  }
  in.context.headers.push_back(
      {std::string(name), std::string(lint::trim(text.substr(colon + 1)))});
}

// The lint's own sentence ("the input is not an HTTP response: it must
// start with a status line ..."), as a sentence.
std::string sentence(std::string_view text) {
  std::string s(text);
  if (!s.empty())
    s.front() =
        static_cast<char>(std::toupper(static_cast<unsigned char>(s.front())));
  if (!s.empty() && s.back() != '.') s += '.';
  return s;
}

}  // namespace

// The body is taken as the raw text whatever its Content-Type: text/plain,
// message/http and application/http name it best, but `curl --data-binary`
// sends application/x-www-form-urlencoded unless told otherwise, and a
// cross-origin caller that wants no preflight sends text/plain. Unknown
// parameters are ignored, as on the other API routes.
response api_lint(const request& req, const route_params& p) {
  lint_input in;
  const bool well_formed = for_each_query_param(
      p.query, {"method", "request_header"}, [&](const query_param& param) {
        if (param.name == "method")
          set_method(in, param.value);
        else if (param.name == "request_header")
          add_request_header(in, param.value);
      });
  if (!well_formed)
    return error(req, p.path, 400, "The query has a malformed percent escape.");
  if (!in.problem.empty()) return error(req, p.path, 400, in.problem);
  if (is_encoded(req)) {
    response res =
        error(req, p.path, 415,
              "The lint reads the response as sent, with no Content-Encoding; "
              "send it uncompressed.");
    res.set(boost::beast::http::field::accept_encoding, "identity");
    return res;
  }

  const lint::parse_result parsed =
      lint::parse_responses(req.body(), in.context.method);
  if (parsed.ec != std::errc{})
    return error(req, p.path, 400, sentence(parsed.error));
  return answer(req, 200,
                render::serialize(
                    lint::reports_json(parsed.responses, in.context), false),
                json_type, resource_kind::document);
}

// The form's fields arrive URL-encoded in the body; a browser sends the
// text areas' line breaks as CRLF, which the lint reads like curl's. A
// blank `response` is someone pressing the button too soon: the page says
// what to paste rather than answer with an error.
response lint_form(const request& req, const route_params&) {
  std::string text;
  std::string method = "GET";
  std::string headers;
  const bool well_formed = for_each_query_param(
      req.body(), {"response", "method", "request_headers"},
      [&](const query_param& param) {
        if (param.name == "response")
          text = param.value;
        else if (param.name == "method")
          method = param.value;
        else if (param.name == "request_headers")
          headers = param.value;
      });
  const render::lint_form form{text, method, headers};
  const auto page = [&](int code, std::string_view problem,
                        const boost::json::array& reports) {
    return answer(req, code, render::lint_page(form, problem, reports),
                  html_type, resource_kind::page);
  };
  if (!well_formed)
    return page(400, "The form data has a malformed percent escape.", {});
  if (text.find_first_not_of(" \t\r\n") == std::string::npos)
    return page(200, {}, {});

  lint_input in;
  set_method(in, method);
  std::string_view lines = headers;
  while (!lines.empty()) {
    const std::size_t end = lines.find('\n');
    std::string_view line = lint::trim(lines.substr(0, end));
    if (line.ends_with('\r'))
      line = lint::trim(line.substr(0, line.size() - 1));
    if (!line.empty()) add_request_header(in, line);
    if (end == std::string_view::npos) break;
    lines.remove_prefix(end + 1);
  }
  if (!in.problem.empty()) return page(400, in.problem, {});

  const lint::parse_result parsed =
      lint::parse_responses(text, in.context.method);
  if (parsed.ec != std::errc{}) return page(400, sentence(parsed.error), {});
  return page(200, {}, lint::reports_json(parsed.responses, in.context));
}

}  // namespace httpstatus::server::handlers
