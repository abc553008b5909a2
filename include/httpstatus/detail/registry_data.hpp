// SPDX-License-Identifier: MIT
// The registry's facts: every IANA code, the unassigned ranges and the vendors'
// unofficial codes.
#pragma once

#include <string_view>

#include "httpstatus/status.hpp"

namespace httpstatus::detail {

/// Date the content was last checked against the IANA registry (shown as the
/// page's "Updated" line).
inline constexpr std::string_view registry_checked_date = "2026-06-26";

/// The IANA registry's own "Last Updated" date (see shared/data/README.md).
inline constexpr std::string_view iana_last_updated = "2025-09-15";

// The five classes as the reference page names and describes them; a client
// that meets an unknown code falls back on its class (RFC 9110 Section 15).
inline constexpr class_info class_table[] = {
    {status_class::informational, "1xx", "Informational",
     "The request was received and the process is continuing."},
    {status_class::success, "2xx", "Success",
     "The request was received, understood, and accepted."},
    {status_class::redirection, "3xx", "Redirection",
     "Further action is needed to complete the request."},
    {status_class::client_error, "4xx", "Client error",
     "The request was malformed or not allowed."},
    {status_class::server_error, "5xx", "Server error",
     "The server failed to fulfil a valid request."},
};

// What `info` answers for a `status_class` outside 1..5 (a cast from any
// other number): visibly unknown, with no label to pass for a class's.
inline constexpr class_info unknown_class = {
    status_class{}, "", "Unknown class",
    "Not one of the five classes of RFC 9110 Section 15."};

// IANA's "Unassigned" rows, both ends included. Together with
// `standard_table` they cover 100..599 with no gap or overlap, so a lookup
// can tell "unassigned" apart from "not a status code".
inline constexpr code_range unassigned_table[] = {
    {105, 199}, {209, 225}, {227, 299}, {309, 399}, {419, 420}, {427, 427},
    {430, 430}, {432, 450}, {452, 499}, {509, 509}, {512, 599},
};

// Header fields the specs ask for, one array per code. They live in named
// arrays because a `std::span` in a constexpr aggregate needs storage with
// static duration; MUST/SHOULD/MAY are quoted from the defining section.
// RFC 9110 Section 7.8: whoever sends Upgrade MUST also send Connection
// with the "upgrade" option, so both codes that require Upgrade require it.
inline constexpr header_requirement headers_101[] = {
    {"Upgrade", requirement::must, "", "RFC 9110, Section 15.2.2",
     "https://www.rfc-editor.org/rfc/rfc9110#section-15.2.2"},
    {"Connection", requirement::must,
     "naming the upgrade option, as Upgrade is sent", "RFC 9110, Section 7.8",
     "https://www.rfc-editor.org/rfc/rfc9110#section-7.8"},
};
// RFC 8297 describes a 103 as carrying hints, typically Link, without a
// keyword: described, not required.
inline constexpr header_requirement headers_103[] = {
    {"Link", requirement::info, "preload hints for the final response",
     "RFC 8297, Section 2", "https://www.rfc-editor.org/rfc/rfc8297#section-2"},
};
inline constexpr header_requirement headers_201[] = {
    {"Location", requirement::info,
     "identifies the created resource, if present", "RFC 9110, Section 15.3.2",
     "https://www.rfc-editor.org/rfc/rfc9110#section-15.3.2"},
};
// RFC 9110 Section 15.3.7: one range comes with Content-Range (Section
// 15.3.7.1), several as multipart/byteranges, each part with its own
// Content-Range (Section 15.3.7.2); either way the fields a 200 would have
// had, in the section's order.
inline constexpr header_requirement headers_206[] = {
    {"Content-Range", requirement::must, "single part",
     "RFC 9110, Section 15.3.7.1",
     "https://www.rfc-editor.org/rfc/rfc9110#section-15.3.7.1"},
    {"Content-Type", requirement::must,
     "multipart/byteranges, for multiple parts", "RFC 9110, Section 15.3.7.2",
     "https://www.rfc-editor.org/rfc/rfc9110#section-15.3.7.2"},
    {"Date", requirement::must, if_a_200_had_it, "RFC 9110, Section 15.3.7",
     "https://www.rfc-editor.org/rfc/rfc9110#section-15.3.7"},
    {"Cache-Control", requirement::must, if_a_200_had_it,
     "RFC 9110, Section 15.3.7",
     "https://www.rfc-editor.org/rfc/rfc9110#section-15.3.7"},
    {"ETag", requirement::must, if_a_200_had_it, "RFC 9110, Section 15.3.7",
     "https://www.rfc-editor.org/rfc/rfc9110#section-15.3.7"},
    {"Expires", requirement::must, if_a_200_had_it, "RFC 9110, Section 15.3.7",
     "https://www.rfc-editor.org/rfc/rfc9110#section-15.3.7"},
    {"Content-Location", requirement::must, if_a_200_had_it,
     "RFC 9110, Section 15.3.7",
     "https://www.rfc-editor.org/rfc/rfc9110#section-15.3.7"},
    {"Vary", requirement::must, if_a_200_had_it, "RFC 9110, Section 15.3.7",
     "https://www.rfc-editor.org/rfc/rfc9110#section-15.3.7"},
};
inline constexpr header_requirement headers_300[] = {
    {"Location", requirement::should, "if there is a preferred choice",
     "RFC 9110, Section 15.4.1",
     "https://www.rfc-editor.org/rfc/rfc9110#section-15.4.1"},
};
inline constexpr header_requirement headers_301[] = {
    {"Location", requirement::should, "", "RFC 9110, Section 15.4.2",
     "https://www.rfc-editor.org/rfc/rfc9110#section-15.4.2"},
};
inline constexpr header_requirement headers_302[] = {
    {"Location", requirement::should, "", "RFC 9110, Section 15.4.3",
     "https://www.rfc-editor.org/rfc/rfc9110#section-15.4.3"},
};
inline constexpr header_requirement headers_303[] = {
    {"Location", requirement::info, "", "RFC 9110, Section 15.4.4",
     "https://www.rfc-editor.org/rfc/rfc9110#section-15.4.4"},
};
// RFC 9110 Section 15.4.5, in the section's order: a 304 stands in for
// the 200 a cache holds, so it carries the fields that update it.
inline constexpr header_requirement headers_304[] = {
    {"Content-Location", requirement::must, if_a_200_had_it,
     "RFC 9110, Section 15.4.5",
     "https://www.rfc-editor.org/rfc/rfc9110#section-15.4.5"},
    {"Date", requirement::must, if_a_200_had_it, "RFC 9110, Section 15.4.5",
     "https://www.rfc-editor.org/rfc/rfc9110#section-15.4.5"},
    {"ETag", requirement::must, if_a_200_had_it, "RFC 9110, Section 15.4.5",
     "https://www.rfc-editor.org/rfc/rfc9110#section-15.4.5"},
    {"Vary", requirement::must, if_a_200_had_it, "RFC 9110, Section 15.4.5",
     "https://www.rfc-editor.org/rfc/rfc9110#section-15.4.5"},
    {"Cache-Control", requirement::must, if_a_200_had_it,
     "RFC 9110, Section 15.4.5",
     "https://www.rfc-editor.org/rfc/rfc9110#section-15.4.5"},
    {"Expires", requirement::must, if_a_200_had_it, "RFC 9110, Section 15.4.5",
     "https://www.rfc-editor.org/rfc/rfc9110#section-15.4.5"},
};
inline constexpr header_requirement headers_307[] = {
    {"Location", requirement::should, "", "RFC 9110, Section 15.4.8",
     "https://www.rfc-editor.org/rfc/rfc9110#section-15.4.8"},
};
inline constexpr header_requirement headers_308[] = {
    {"Location", requirement::should, "", "RFC 9110, Section 15.4.9",
     "https://www.rfc-editor.org/rfc/rfc9110#section-15.4.9"},
};
inline constexpr header_requirement headers_401[] = {
    {"WWW-Authenticate", requirement::must, "with at least one challenge",
     "RFC 9110, Section 15.5.2",
     "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.2"},
};
inline constexpr header_requirement headers_405[] = {
    {"Allow", requirement::must, "", "RFC 9110, Section 15.5.6",
     "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.6"},
};
inline constexpr header_requirement headers_407[] = {
    {"Proxy-Authenticate", requirement::must, "", "RFC 9110, Section 15.5.8",
     "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.8"},
};
inline constexpr header_requirement headers_413[] = {
    {"Retry-After", requirement::should, "if the condition is temporary",
     "RFC 9110, Section 15.5.14",
     "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.14"},
};
// RFC 9110 Section 15.5.16: Accept-Encoding "ought to" and Accept "can"
// say what would have been accepted; neither is a BCP 14 keyword. RFC 5789
// Section 2.2: a 415 to a PATCH SHOULD list the patch formats taken.
inline constexpr header_requirement headers_415[] = {
    {"Accept-Encoding", requirement::info,
     "if the content coding was not supported", "RFC 9110, Section 15.5.16",
     "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.16"},
    {"Accept", requirement::info, "if the media type was not supported",
     "RFC 9110, Section 15.5.16",
     "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.16"},
    {"Accept-Patch", requirement::should,
     "to a PATCH whose patch format is not supported", "RFC 5789, Section 2.2",
     "https://www.rfc-editor.org/rfc/rfc5789#section-2.2"},
};
inline constexpr header_requirement headers_416[] = {
    {"Content-Range", requirement::should, "bytes */length, for byte ranges",
     "RFC 9110, Section 15.5.17",
     "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.17"},
};
inline constexpr header_requirement headers_426[] = {
    {"Upgrade", requirement::must, "", "RFC 9110, Section 15.5.22",
     "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.22"},
    {"Connection", requirement::must,
     "naming the upgrade option, as Upgrade is sent", "RFC 9110, Section 7.8",
     "https://www.rfc-editor.org/rfc/rfc9110#section-7.8"},
};
inline constexpr header_requirement headers_429[] = {
    {"Retry-After", requirement::may, "", "RFC 6585, Section 4",
     "https://www.rfc-editor.org/rfc/rfc6585#section-4"},
};
inline constexpr header_requirement headers_451[] = {
    {"Link", requirement::should, "rel=\"blocked-by\"", "RFC 7725, Section 4",
     "https://www.rfc-editor.org/rfc/rfc7725#section-4"},
};
inline constexpr header_requirement headers_503[] = {
    {"Retry-After", requirement::may, "", "RFC 9110, Section 15.6.4",
     "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.4"},
};

// Unofficial codes with header rules: Microsoft's 449 (MS-WDV).
inline constexpr header_requirement headers_449[] = {
    {"Ms-Echo-Request", requirement::must, "", "MS-WDV, Section 2.2.6",
     "https://learn.microsoft.com/en-us/openspecs/windows_protocols/ms-wdv/"
     "83ecf19f-e0f8-4706-aae5-ba618f52f100"},
};

// Exchange ActiveSync's 451 may name the server to use; without it the
// client runs Autodiscover again.
inline constexpr header_requirement headers_ms_451[] = {
    {"X-MS-Location", requirement::may, "", "MS-ASHTTP, Section 3.1.5.2.2",
     "https://learn.microsoft.com/en-us/openspecs/exchange_server_protocols/"
     "ms-ashttp/a907164a-907c-48b4-b2ef-44a06867f03f"},
};

// Sorted so that lookups can binary-search. `reason` is the bare IANA phrase:
// registry annotations such as "(OBSOLETED)" live in `registration`, and
// 306 and 418 keep a phrase although IANA lists both as "(Unused)".
/// Every IANA-registered code (62 assigned + 306 and 418), sorted by code.
inline constexpr status standard_table[] = {
    {.code = 100,
     .reason = "Continue",
     .registration = registration_status::standard,
     .meaning = "The client should continue sending the request body.",
     .description =
         "An interim response saying the request has not been rejected so "
         "far. It answers a request sent with Expect: 100-continue, so a "
         "client can learn before uploading a large body whether the server "
         "will accept it. A client that has already sent the whole request "
         "can ignore it and wait for the final response.",
     .reference = "RFC 9110, Section 15.2.1",
     .reference_url = "https://www.rfc-editor.org/rfc/rfc9110#section-15.2.1",
     .cache = cacheability::never_stored,
     .body = body_rule::none,
     .headers = {},
     .related = {417, 101, 102, 103},
     .aliases = "",
     .names = {"continue_", "k100Continue", "Continue_100", "CONTINUE",
               "StatusContinue"},
     .vendor = ""},
    {.code = 101,
     .reason = "Switching Protocols",
     .registration = registration_status::standard,
     .meaning =
         "The server agrees to switch protocols, for example to WebSocket.",
     .description =
         "The server accepts the client's Upgrade request and switches the "
         "connection to another protocol right after this response; it must "
         "send an Upgrade header naming the protocol it switches to. This is "
         "the normal answer to a WebSocket handshake over HTTP/1.1. It is an "
         "interim response: it has no body, and after it the connection "
         "speaks the new protocol.",
     .reference = "RFC 9110, Section 15.2.2",
     .reference_url = "https://www.rfc-editor.org/rfc/rfc9110#section-15.2.2",
     .cache = cacheability::never_stored,
     .body = body_rule::none,
     .headers = headers_101,
     .related = {426, 100, 0, 0},
     .aliases = "",
     .names = {"switching_protocols", "k101SwitchingProtocols",
               "SwitchingProtocol_101", "SWITCHING_PROTOCOLS",
               "StatusSwitchingProtocols"},
     .vendor = ""},
    {.code = 102,
     .reason = "Processing",
     .registration = registration_status::standard,
     .meaning =
         "The server has accepted the request and is still working on it.",
     .description =
         "An interim WebDAV response (RFC 2518) that tells the client a "
         "long-running request is still being processed, so that it does not "
         "time out. The final response follows later. RFC 4918, which "
         "replaced RFC 2518, no longer defines it, and many clients ignore "
         "it; for long jobs, 202 Accepted with a status resource is the more "
         "portable design.",
     .reference = "RFC 2518, Section 10.1",
     .reference_url = "https://www.rfc-editor.org/rfc/rfc2518#section-10.1",
     .cache = cacheability::never_stored,
     .body = body_rule::none,
     .headers = {},
     .related = {202, 100, 0, 0},
     .aliases = "",
     .names = {"processing", "k102Processing", "Processing_102", "PROCESSING",
               "StatusProcessing"},
     .vendor = ""},
    {.code = 103,
     .reason = "Early Hints",
     .registration = registration_status::standard,
     .meaning = "Sends preliminary headers so the browser can start preloading "
                "resources.",
     .description =
         "An interim response sent while the server prepares the real one, "
         "usually carrying Link headers so the browser can preload or "
         "preconnect early. The final response still follows, and its headers "
         "may differ from the hints. Clients that do not understand it ignore "
         "it, but some older HTTP/1.1 clients mishandle 1xx responses, so "
         "servers often send it only over HTTP/2 and later.",
     .reference = "RFC 8297, Section 2",
     .reference_url = "https://www.rfc-editor.org/rfc/rfc8297#section-2",
     .cache = cacheability::never_stored,
     .body = body_rule::none,
     .headers = headers_103,
     .related = {100, 104, 0, 0},
     .aliases = "",
     .names = {"", "k103EarlyHints", "EarlyHints_103", "EARLY_HINTS",
               "StatusEarlyHints"},
     .vendor = ""},
    {.code = 104,
     .reason = "Upload Resumption Supported",
     .registration = registration_status::temporary,
     .meaning =
         "The server supports resumable uploads and says where the upload "
         "lives.",
     .description =
         "A temporary IANA registration for the resumable uploads draft "
         "(draft-ietf-httpbis-resumable-upload), registered on 2024-11-13 and "
         "extended on 2025-09-15 until 2026-11-13; after that date it lapses "
         "unless IANA extends it again or the draft becomes an RFC. The server "
         "sends it as an interim response during an upload, with the upload "
         "resource's URL in Location, so a client whose connection drops can "
         "resume instead of starting over. Clients that do not support "
         "resumable uploads ignore it like any other 1xx.",
     .reference = "draft-ietf-httpbis-resumable-upload-05",
     .reference_url = "https://datatracker.ietf.org/doc/"
                      "draft-ietf-httpbis-resumable-upload/",
     .cache = cacheability::never_stored,
     .body = body_rule::none,
     .headers = {},
     .related = {100, 103, 0, 0},
     .aliases = "",
     .names = {"", "", "", "", ""},
     .vendor = ""},
    {.code = 200,
     .reason = "OK",
     .registration = registration_status::standard,
     .meaning = "Standard success response with a body.",
     .description =
         "The request succeeded; what the content holds depends on the method "
         "(the resource for GET, the result of the action for POST). Apart "
         "from answers to HEAD and CONNECT, a 200 is expected to have "
         "content, so use 204 when there is nothing to return. A common "
         "mistake is to send 200 with an error in the body: clients and "
         "caches then treat the failure as a success.",
     .reference = "RFC 9110, Section 15.3.1",
     .reference_url = "https://www.rfc-editor.org/rfc/rfc9110#section-15.3.1",
     .cache = cacheability::heuristic,
     .body = body_rule::allowed,
     .headers = {},
     .related = {204, 201, 206, 304},
     .aliases = "",
     .names = {"ok", "k200OK", "OK_200", "OK", "StatusOK"},
     .vendor = ""},
    {.code = 201,
     .reason = "Created",
     .registration = registration_status::standard,
     .meaning = "The request succeeded and a new resource was created.",
     .description =
         "Use it when a request, typically POST or PUT, has created one or "
         "more resources. The primary new resource is identified by the "
         "Location header if present, otherwise by the request URL, and the "
         "body usually describes or links to it. If the resource will only be "
         "created later, send 202 instead.",
     .reference = "RFC 9110, Section 15.3.2",
     .reference_url = "https://www.rfc-editor.org/rfc/rfc9110#section-15.3.2",
     .cache = cacheability::explicit_only,
     .body = body_rule::allowed,
     .headers = headers_201,
     .related = {200, 202, 303, 0},
     .aliases = "",
     .names = {"created", "k201Created", "Created_201", "CREATED",
               "StatusCreated"},
     .vendor = ""},
    {.code = 202,
     .reason = "Accepted",
     .registration = registration_status::standard,
     .meaning = "Accepted for processing, but not yet completed.",
     .description =
         "The request has been queued or handed off and may still succeed or "
         "fail; HTTP has no way to report the outcome later. The body should "
         "say what happens next, ideally with a link where the client can "
         "check the job's status. Do not use it when the work is already "
         "done: that is 200 or 201.",
     .reference = "RFC 9110, Section 15.3.3",
     .reference_url = "https://www.rfc-editor.org/rfc/rfc9110#section-15.3.3",
     .cache = cacheability::explicit_only,
     .body = body_rule::allowed,
     .headers = {},
     .related = {201, 200, 102, 0},
     .aliases = "",
     .names = {"accepted", "k202Accepted", "Accepted_202", "ACCEPTED",
               "StatusAccepted"},
     .vendor = ""},
    {.code = 203,
     .reason = "Non-Authoritative Information",
     .registration = registration_status::standard,
     .meaning =
         "Success, but a transforming proxy changed the origin's response.",
     .description =
         "A proxy sends it instead of 200 when it has modified the content it "
         "got from the origin server, so the client knows it is not the "
         "original. Origin servers have no reason to send it. Clients treat "
         "it like 200; like 200, it is heuristically cacheable.",
     .reference = "RFC 9110, Section 15.3.4",
     .reference_url = "https://www.rfc-editor.org/rfc/rfc9110#section-15.3.4",
     .cache = cacheability::heuristic,
     .body = body_rule::allowed,
     .headers = {},
     .related = {200, 0, 0, 0},
     .aliases = "",
     .names = {"non_authoritative_information",
               "k203NonAuthoritativeInformation",
               "NonAuthoritativeInformation_203",
               "NON_AUTHORITATIVE_INFORMATION", "StatusNonAuthoritativeInfo"},
     .vendor = ""},
    {.code = 204,
     .reason = "No Content",
     .registration = registration_status::standard,
     .meaning = "Success with no response body to return.",
     .description =
         "The request succeeded and there is deliberately no content, a "
         "common answer to PUT, DELETE or a form save. A 204 cannot carry a "
         "body, and the server must not send Content-Length with it; headers "
         "such as ETag still describe the resource. Browsers stay on the "
         "current page, and clients should not try to parse a body.",
     .reference = "RFC 9110, Section 15.3.5",
     .reference_url = "https://www.rfc-editor.org/rfc/rfc9110#section-15.3.5",
     .cache = cacheability::heuristic,
     .body = body_rule::none,
     .headers = {},
     .related = {200, 205, 0, 0},
     .aliases = "",
     .names = {"no_content", "k204NoContent", "NoContent_204", "NO_CONTENT",
               "StatusNoContent"},
     .vendor = ""},
    {.code = 205,
     .reason = "Reset Content",
     .registration = registration_status::standard,
     .meaning =
         "Success; the client should reset the form or view that sent the "
         "request.",
     .description =
         "The request succeeded and the user agent should clear the document "
         "view that caused it, for example empty a data-entry form for the "
         "next entry. The server must not send content; unlike 204, the "
         "message framing is not implicit, so send Content-Length: 0. "
         "Browsers rarely act on it.",
     .reference = "RFC 9110, Section 15.3.6",
     .reference_url = "https://www.rfc-editor.org/rfc/rfc9110#section-15.3.6",
     .cache = cacheability::explicit_only,
     .body = body_rule::empty,
     .headers = {},
     .related = {204, 0, 0, 0},
     .aliases = "",
     .names = {"reset_content", "k205ResetContent", "ResetContent_205",
               "RESET_CONTENT", "StatusResetContent"},
     .vendor = ""},
    {.code = 206,
     .reason = "Partial Content",
     .registration = registration_status::standard,
     .meaning = "Part of the resource is returned, used for range requests and "
                "resumable downloads.",
     .description =
         "The answer to a successful Range request: the body holds only the "
         "requested ranges. A single range comes with Content-Range; several "
         "come as multipart/byteranges. A server may ignore Range and send "
         "the whole resource as 200, so clients must check which one they got.",
     .reference = "RFC 9110, Section 15.3.7",
     .reference_url = "https://www.rfc-editor.org/rfc/rfc9110#section-15.3.7",
     .cache = cacheability::heuristic,
     .body = body_rule::allowed,
     .headers = headers_206,
     .related = {200, 416, 0, 0},
     .aliases = "",
     .names = {"partial_content", "k206PartialContent", "PartialContent_206",
               "PARTIAL_CONTENT", "StatusPartialContent"},
     .vendor = ""},
    {.code = 207,
     .reason = "Multi-Status",
     .registration = registration_status::standard,
     .meaning = "Several results in one response, one per resource (WebDAV).",
     .description =
         "A WebDAV response whose XML body holds a separate status for each "
         "resource a method touched, for example in PROPFIND or a "
         "multi-resource COPY. The 207 itself says nothing about success: "
         "clients must read each status in the body.",
     .reference = "RFC 4918, Section 11.1",
     .reference_url = "https://www.rfc-editor.org/rfc/rfc4918#section-11.1",
     .cache = cacheability::explicit_only,
     .body = body_rule::allowed,
     .headers = {},
     .related = {200, 208, 424, 0},
     .aliases = "",
     .names = {"multi_status", "k207MultiStatus", "MultiStatus_207",
               "MULTI_STATUS", "StatusMultiStatus"},
     .vendor = ""},
    {.code = 208,
     .reason = "Already Reported",
     .registration = registration_status::standard,
     .meaning =
         "The members of this collection were already listed earlier in the "
         "response.",
     .description =
         "Used only inside a 207 Multi-Status body (WebDAV bindings, RFC "
         "5842): when a collection is reachable through several bindings, "
         "later occurrences are marked 208 so they are not listed again. It "
         "prevents endless output with Depth: infinity. It is not used as the "
         "status of a whole response.",
     .reference = "RFC 5842, Section 7.1",
     .reference_url = "https://www.rfc-editor.org/rfc/rfc5842#section-7.1",
     .cache = cacheability::explicit_only,
     .body = body_rule::allowed,
     .headers = {},
     .related = {207, 508, 0, 0},
     .aliases = "",
     .names = {"already_reported", "k208AlreadyReported", "AlreadyReported_208",
               "ALREADY_REPORTED", "StatusAlreadyReported"},
     .vendor = ""},
    {.code = 226,
     .reason = "IM Used",
     .registration = registration_status::standard,
     .meaning = "The response is a delta or other instance manipulation of the "
                "resource.",
     .description =
         "Part of delta encoding (RFC 3229): the server fulfilled a GET and "
         "the body is the result of instance manipulations the client asked "
         "for with A-IM, such as a diff against a version it already has. The "
         "IM header names what was applied. Few servers or clients implement "
         "it.",
     .reference = "RFC 3229, Section 10.4.1",
     .reference_url = "https://www.rfc-editor.org/rfc/rfc3229#section-10.4.1",
     .cache = cacheability::explicit_only,
     .body = body_rule::allowed,
     .headers = {},
     .related = {200, 0, 0, 0},
     .aliases = "",
     .names = {"im_used", "k226IMUsed", "IMUsed_226", "IM_USED",
               "StatusIMUsed"},
     .vendor = ""},
    {.code = 300,
     .reason = "Multiple Choices",
     .registration = registration_status::standard,
     .meaning =
         "The resource has several representations and the client may pick "
         "one.",
     .description =
         "The server offers a choice of representations, for example "
         "languages or formats, and lists them in the body for the user or "
         "client to pick. If it has a preferred choice it should put it in "
         "Location, which some clients follow automatically. It is rarely "
         "used; proactive negotiation with Accept headers is the usual "
         "approach.",
     .reference = "RFC 9110, Section 15.4.1",
     .reference_url = "https://www.rfc-editor.org/rfc/rfc9110#section-15.4.1",
     .cache = cacheability::heuristic,
     .body = body_rule::allowed,
     .headers = headers_300,
     .related = {406, 0, 0, 0},
     .aliases = "",
     .names = {"multiple_choices", "k300MultipleChoices", "MultipleChoices_300",
               "MULTIPLE_CHOICES", "StatusMultipleChoices"},
     .vendor = ""},
    {.code = 301,
     .reason = "Moved Permanently",
     .registration = registration_status::standard,
     .meaning =
         "The resource has a new permanent URL; update links and bookmarks.",
     .description =
         "A permanent redirect: the resource has moved for good to the URL in "
         "Location, and clients should use the new URL from now on. It is "
         "cacheable by default. For "
         "historical reasons clients may turn a POST into a GET when "
         "following it; use 308 when the method and body must be kept.",
     .reference = "RFC 9110, Section 15.4.2",
     .reference_url = "https://www.rfc-editor.org/rfc/rfc9110#section-15.4.2",
     .cache = cacheability::heuristic,
     .body = body_rule::allowed,
     .headers = headers_301,
     .related = {308, 302, 307, 303},
     .aliases = "",
     .names = {"moved_permanently", "k301MovedPermanently",
               "MovedPermanently_301", "MOVED_PERMANENTLY",
               "StatusMovedPermanently"},
     .vendor = ""},
    {.code = 302,
     .reason = "Found",
     .registration = registration_status::standard,
     .meaning =
         "Temporary redirect; the original URL should still be used in future.",
     .description =
         "The resource is temporarily at the URL in Location, and clients "
         "should keep using the original URL. For historical reasons clients "
         "may turn a POST into a GET when following it; use 307 to keep the "
         "method, or 303 to ask for a GET explicitly. HTTP/1.0 called it "
         "\"Moved Temporarily\".",
     .reference = "RFC 9110, Section 15.4.3",
     .reference_url = "https://www.rfc-editor.org/rfc/rfc9110#section-15.4.3",
     .cache = cacheability::explicit_only,
     .body = body_rule::allowed,
     .headers = headers_302,
     .related = {307, 303, 301, 308},
     .aliases = "Moved Temporarily",
     .names = {"found", "k302Found", "Found_302", "FOUND", "StatusFound"},
     .vendor = ""},
    {.code = 303,
     .reason = "See Other",
     .registration = registration_status::standard,
     .meaning =
         "Redirect to another URL using a GET request, often after a form "
         "POST.",
     .description =
         "The server points the client to a different resource, given in "
         "Location, which the client retrieves with GET whatever the original "
         "method was. It is the usual answer after a POST, so that reloading "
         "the page does not submit the form again. It does not say the "
         "original resource has moved.",
     .reference = "RFC 9110, Section 15.4.4",
     .reference_url = "https://www.rfc-editor.org/rfc/rfc9110#section-15.4.4",
     .cache = cacheability::explicit_only,
     .body = body_rule::allowed,
     .headers = headers_303,
     .related = {302, 307, 301, 308},
     .aliases = "",
     .names = {"see_other", "k303SeeOther", "SeeOther_303", "SEE_OTHER",
               "StatusSeeOther"},
     .vendor = ""},
    {.code = 304,
     .reason = "Not Modified",
     .registration = registration_status::standard,
     .meaning = "The cached copy is still valid; no body is sent.",
     .description =
         "The answer to a conditional GET or HEAD (If-None-Match or "
         "If-Modified-Since) when the resource has not changed: the client "
         "should use its stored copy. It never has a body, and must repeat "
         "headers such as ETag and Date that a 200 would have had. Failed "
         "preconditions on other requests get 412 instead.",
     .reference = "RFC 9110, Section 15.4.5",
     .reference_url = "https://www.rfc-editor.org/rfc/rfc9110#section-15.4.5",
     .cache = cacheability::explicit_only,
     .body = body_rule::none,
     .headers = headers_304,
     .related = {200, 412, 0, 0},
     .aliases = "",
     .names = {"not_modified", "k304NotModified", "NotModified_304",
               "NOT_MODIFIED", "StatusNotModified"},
     .vendor = ""},
    {.code = 305,
     .reason = "Use Proxy",
     .registration = registration_status::deprecated,
     .meaning =
         "Deprecated: the resource must be accessed through a given proxy.",
     .description =
         "Defined in an earlier version of HTTP to tell a client to repeat "
         "the request through a proxy, and now deprecated because letting a "
         "response configure a proxy is a security risk. Servers should not "
         "send it, and clients do not follow it.",
     .reference = "RFC 9110, Section 15.4.6",
     .reference_url = "https://www.rfc-editor.org/rfc/rfc9110#section-15.4.6",
     .cache = cacheability::explicit_only,
     .body = body_rule::allowed,
     .headers = {},
     .related = {306, 0, 0, 0},
     .aliases = "",
     .names = {"use_proxy", "k305UseProxy", "UseProxy_305", "USE_PROXY",
               "StatusUseProxy"},
     .vendor = ""},
    {.code = 306,
     .reason = "Unused",
     .registration = registration_status::unused,
     .meaning =
         "Reserved: was used in an earlier draft of HTTP and is no longer "
         "used.",
     .description =
         "IANA lists 306 as \"(Unused)\": it was defined in a previous "
         "version of the specification (as \"Switch Proxy\") and dropped, and "
         "the code stays reserved. Servers should not send it; a client that "
         "gets it treats it as 300, like any unknown 3xx.",
     .reference = "RFC 9110, Section 15.4.7",
     .reference_url = "https://www.rfc-editor.org/rfc/rfc9110#section-15.4.7",
     .cache = cacheability::explicit_only,
     .body = body_rule::allowed,
     .headers = {},
     .related = {305, 0, 0, 0},
     .aliases = "Switch Proxy",
     .names = {"", "k306Unused", "unused_306", "", ""},
     .vendor = ""},
    {.code = 307,
     .reason = "Temporary Redirect",
     .registration = registration_status::standard,
     .meaning = "Like 302, but the method and body must not change.",
     .description =
         "The resource is temporarily at the URL in Location; the client "
         "repeats the same request there, with the same method and body, and "
         "keeps using the original URL afterwards. Use it instead of 302 when "
         "a POST or PUT must not turn into a GET.",
     .reference = "RFC 9110, Section 15.4.8",
     .reference_url = "https://www.rfc-editor.org/rfc/rfc9110#section-15.4.8",
     .cache = cacheability::explicit_only,
     .body = body_rule::allowed,
     .headers = headers_307,
     .related = {302, 308, 301, 303},
     .aliases = "",
     .names = {"temporary_redirect", "k307TemporaryRedirect",
               "TemporaryRedirect_307", "TEMPORARY_REDIRECT",
               "StatusTemporaryRedirect"},
     .vendor = ""},
    {.code = 308,
     .reason = "Permanent Redirect",
     .registration = registration_status::standard,
     .meaning = "Like 301, but the method and body must not change.",
     .description =
         "The resource has moved for good to the URL in Location; the client "
         "repeats the same request there, with the same method and body, and "
         "should use the new URL from now on. It is cacheable by default. Use "
         "it instead of 301 when a POST or PUT must not turn into a GET.",
     .reference = "RFC 9110, Section 15.4.9",
     .reference_url = "https://www.rfc-editor.org/rfc/rfc9110#section-15.4.9",
     .cache = cacheability::heuristic,
     .body = body_rule::allowed,
     .headers = headers_308,
     .related = {301, 307, 302, 303},
     .aliases = "",
     .names = {"permanent_redirect", "k308PermanentRedirect",
               "PermanentRedirect_308", "PERMANENT_REDIRECT",
               "StatusPermanentRedirect"},
     .vendor = ""},
    {.code = 400,
     .reason = "Bad Request",
     .registration = registration_status::standard,
     .meaning =
         "The server could not understand the request, often a syntax error.",
     .description =
         "The server will not process the request because of something it "
         "sees as a client error: malformed syntax, invalid framing or a "
         "deceptive request. The client should fix the request before sending "
         "it again. When the syntax is fine but the data fails validation, "
         "422 is more precise.",
     .reference = "RFC 9110, Section 15.5.1",
     .reference_url = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.1",
     .cache = cacheability::explicit_only,
     .body = body_rule::allowed,
     .headers = {},
     .related = {422, 409, 415, 411},
     .aliases = "",
     .names = {"bad_request", "k400BadRequest", "BadRequest_400", "BAD_REQUEST",
               "StatusBadRequest"},
     .vendor = ""},
    {.code = 401,
     .reason = "Unauthorized",
     .registration = registration_status::standard,
     .meaning = "Authentication is required and has failed or is missing.",
     .description =
         "The request lacks valid credentials for the resource; despite the "
         "name, it means unauthenticated. The server must send "
         "WWW-Authenticate with at least one challenge, and the client may "
         "retry with (new) credentials. If the user is known but not allowed, "
         "send 403 instead.",
     .reference = "RFC 9110, Section 15.5.2",
     .reference_url = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.2",
     .cache = cacheability::explicit_only,
     .body = body_rule::allowed,
     .headers = headers_401,
     .related = {403, 407, 511, 0},
     .aliases = "",
     .names = {"unauthorized", "k401Unauthorized", "Unauthorized_401",
               "UNAUTHORIZED", "StatusUnauthorized"},
     .vendor = ""},
    {.code = 402,
     .reason = "Payment Required",
     .registration = registration_status::standard,
     .meaning =
         "Reserved for future use; some APIs use it for billing problems.",
     .description =
         "HTTP reserves this code for future use and defines no semantics for "
         "it. Some services send it when a payment or subscription is "
         "missing, but clients cannot rely on any common meaning.",
     .reference = "RFC 9110, Section 15.5.3",
     .reference_url = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.3",
     .cache = cacheability::explicit_only,
     .body = body_rule::allowed,
     .headers = {},
     .related = {403, 0, 0, 0},
     .aliases = "",
     .names = {"payment_required", "k402PaymentRequired", "PaymentRequired_402",
               "PAYMENT_REQUIRED", "StatusPaymentRequired"},
     .vendor = ""},
    {.code = 403,
     .reason = "Forbidden",
     .registration = registration_status::standard,
     .meaning = "Authenticated but not allowed to access the resource.",
     .description =
         "The server understood the request but refuses to fulfil it. If "
         "credentials were sent, they are valid but not enough; repeating the "
         "request with the same credentials will not help. A server that "
         "wants to hide that the resource exists can send 404 instead.",
     .reference = "RFC 9110, Section 15.5.4",
     .reference_url = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.4",
     .cache = cacheability::explicit_only,
     .body = body_rule::allowed,
     .headers = {},
     .related = {401, 404, 451, 0},
     .aliases = "",
     .names = {"forbidden", "k403Forbidden", "Forbidden_403", "FORBIDDEN",
               "StatusForbidden"},
     .vendor = ""},
    {.code = 404,
     .reason = "Not Found",
     .registration = registration_status::standard,
     .meaning = "The resource does not exist at this URL.",
     .description =
         "The server has nothing at the requested URL, or will not say that "
         "it has. It does not tell whether the absence is temporary or "
         "permanent; 410 says the resource is gone for good. It is a client "
         "error, not a server fault, and is cacheable by default.",
     .reference = "RFC 9110, Section 15.5.5",
     .reference_url = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5",
     .cache = cacheability::heuristic,
     .body = body_rule::allowed,
     .headers = {},
     .related = {410, 403, 405, 0},
     .aliases = "",
     .names = {"not_found", "k404NotFound", "NotFound_404", "NOT_FOUND",
               "StatusNotFound"},
     .vendor = ""},
    {.code = 405,
     .reason = "Method Not Allowed",
     .registration = registration_status::standard,
     .meaning = "The HTTP method is not supported for this resource.",
     .description =
         "The server knows the method but the target resource does not "
         "support it, for example DELETE on a read-only resource. The server "
         "must send an Allow header listing the methods that are supported. "
         "If the server does not recognise the method at all, 501 is the "
         "right code.",
     .reference = "RFC 9110, Section 15.5.6",
     .reference_url = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.6",
     .cache = cacheability::heuristic,
     .body = body_rule::allowed,
     .headers = headers_405,
     .related = {404, 501, 0, 0},
     .aliases = "",
     .names = {"method_not_allowed", "k405MethodNotAllowed",
               "MethodNotAllowed_405", "METHOD_NOT_ALLOWED",
               "StatusMethodNotAllowed"},
     .vendor = ""},
    {.code = 406,
     .reason = "Not Acceptable",
     .registration = registration_status::standard,
     .meaning = "No representation matches the request's Accept headers.",
     .description =
         "The resource has no representation that fits the client's Accept, "
         "Accept-Language or similar headers, and the server chose not to "
         "send a default. The body should list what is available. Many "
         "servers send a default representation instead; do not confuse it "
         "with 415, which is about the format of the request body.",
     .reference = "RFC 9110, Section 15.5.7",
     .reference_url = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.7",
     .cache = cacheability::explicit_only,
     .body = body_rule::allowed,
     .headers = {},
     .related = {415, 300, 0, 0},
     .aliases = "",
     .names = {"not_acceptable", "k406NotAcceptable", "NotAcceptable_406",
               "NOT_ACCEPTABLE", "StatusNotAcceptable"},
     .vendor = ""},
    {.code = 407,
     .reason = "Proxy Authentication Required",
     .registration = registration_status::standard,
     .meaning = "The client must authenticate with the proxy first.",
     .description =
         "Like 401, but the credentials are needed by a proxy between the "
         "client and the server. The proxy must send Proxy-Authenticate, and "
         "the client retries with Proxy-Authorization.",
     .reference = "RFC 9110, Section 15.5.8",
     .reference_url = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.8",
     .cache = cacheability::explicit_only,
     .body = body_rule::allowed,
     .headers = headers_407,
     .related = {401, 511, 0, 0},
     .aliases = "",
     .names = {"proxy_authentication_required",
               "k407ProxyAuthenticationRequired",
               "ProxyAuthenticationRequired_407",
               "PROXY_AUTHENTICATION_REQUIRED", "StatusProxyAuthRequired"},
     .vendor = ""},
    {.code = 408,
     .reason = "Request Timeout",
     .registration = registration_status::standard,
     .meaning =
         "The server gave up waiting for the client to finish sending the "
         "request.",
     .description =
         "The server did not receive a complete request in the time it was "
         "prepared to wait, and it usually closes the connection. The client "
         "may send the request again on a new connection. It is about a slow "
         "client, not a slow upstream: that is 504.",
     .reference = "RFC 9110, Section 15.5.9",
     .reference_url = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.9",
     .cache = cacheability::explicit_only,
     .body = body_rule::allowed,
     .headers = {},
     .related = {504, 0, 0, 0},
     .aliases = "",
     .names = {"request_timeout", "k408RequestTimeout", "RequestTimeout_408",
               "REQUEST_TIMEOUT", "StatusRequestTimeout"},
     .vendor = ""},
    {.code = 409,
     .reason = "Conflict",
     .registration = registration_status::standard,
     .meaning =
         "The request conflicts with the current state, such as a version "
         "clash.",
     .description =
         "The request cannot be completed because of the resource's current "
         "state, for example a PUT based on an outdated version or a "
         "duplicate name. Use it when the user might resolve the conflict and "
         "resubmit, and explain the conflict in the body. When a conditional "
         "header failed, 412 is more precise.",
     .reference = "RFC 9110, Section 15.5.10",
     .reference_url = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.10",
     .cache = cacheability::explicit_only,
     .body = body_rule::allowed,
     .headers = {},
     .related = {412, 422, 400, 423},
     .aliases = "",
     .names = {"conflict", "k409Conflict", "Conflict_409", "CONFLICT",
               "StatusConflict"},
     .vendor = ""},
    {.code = 410,
     .reason = "Gone",
     .registration = registration_status::standard,
     .meaning = "The resource was deliberately removed and will not return.",
     .description =
         "The resource is no longer available and this is likely permanent, "
         "so clients should remove links to it. Use it instead of 404 when "
         "you know the removal is intentional and final. It is cacheable by "
         "default.",
     .reference = "RFC 9110, Section 15.5.11",
     .reference_url = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.11",
     .cache = cacheability::heuristic,
     .body = body_rule::allowed,
     .headers = {},
     .related = {404, 301, 0, 0},
     .aliases = "",
     .names = {"gone", "k410Gone", "Gone_410", "GONE", "StatusGone"},
     .vendor = ""},
    {.code = 411,
     .reason = "Length Required",
     .registration = registration_status::standard,
     .meaning = "The server refuses a request body without a Content-Length.",
     .description =
         "The server will not accept the request without a Content-Length "
         "header, for example a chunked upload. The client may repeat the "
         "request with the length set.",
     .reference = "RFC 9110, Section 15.5.12",
     .reference_url = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.12",
     .cache = cacheability::explicit_only,
     .body = body_rule::allowed,
     .headers = {},
     .related = {413, 400, 0, 0},
     .aliases = "",
     .names = {"length_required", "k411LengthRequired", "LengthRequired_411",
               "LENGTH_REQUIRED", "StatusLengthRequired"},
     .vendor = ""},
    {.code = 412,
     .reason = "Precondition Failed",
     .registration = registration_status::standard,
     .meaning =
         "A condition in the request headers, such as If-Match, was false.",
     .description =
         "A conditional request (If-Match, If-Unmodified-Since and the like) "
         "failed on the server, so the change was not applied; this is how "
         "lost updates are prevented. The client should fetch the current "
         "state and decide again. A failed If-None-Match on GET yields 304 "
         "instead.",
     .reference = "RFC 9110, Section 15.5.13",
     .reference_url = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.13",
     .cache = cacheability::explicit_only,
     .body = body_rule::allowed,
     .headers = {},
     .related = {428, 304, 409, 0},
     .aliases = "",
     .names = {"precondition_failed", "k412PreconditionFailed",
               "PreconditionFailed_412", "PRECONDITION_FAILED",
               "StatusPreconditionFailed"},
     .vendor = ""},
    {.code = 413,
     .reason = "Content Too Large",
     .registration = registration_status::standard,
     .meaning = "The request body is larger than the server will accept.",
     .description =
         "The request content is bigger than the server is willing or able to "
         "process; the server may close the connection. If the limit is "
         "temporary, it should send Retry-After. Older specifications called "
         "it \"Request Entity Too Large\" and \"Payload Too Large\"; "
         "oversized headers get 431 instead.",
     .reference = "RFC 9110, Section 15.5.14",
     .reference_url = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.14",
     .cache = cacheability::explicit_only,
     .body = body_rule::allowed,
     .headers = headers_413,
     .related = {431, 414, 411, 507},
     .aliases = "Payload Too Large|Request Entity Too Large",
     .names = {"payload_too_large", "k413RequestEntityTooLarge",
               "PayloadTooLarge_413", "CONTENT_TOO_LARGE",
               "StatusRequestEntityTooLarge"},
     .vendor = ""},
    {.code = 414,
     .reason = "URI Too Long",
     .registration = registration_status::standard,
     .meaning = "The request URL is longer than the server will process.",
     .description =
         "The target URI is longer than the server is willing to interpret. "
         "It often means a GET carries data that belongs in a POST body, or a "
         "redirect loop keeps growing the query string. It is cacheable by "
         "default.",
     .reference = "RFC 9110, Section 15.5.15",
     .reference_url = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.15",
     .cache = cacheability::heuristic,
     .body = body_rule::allowed,
     .headers = {},
     .related = {431, 413, 0, 0},
     .aliases = "Request-URI Too Long|Request URI Too Long",
     .names = {"uri_too_long", "k414RequestURITooLarge", "UriTooLong_414",
               "URI_TOO_LONG", "StatusRequestURITooLong"},
     .vendor = ""},
    {.code = 415,
     .reason = "Unsupported Media Type",
     .registration = registration_status::standard,
     .meaning =
         "The server does not accept the request body's format or encoding.",
     .description =
         "The request content is in a media type or content coding the "
         "resource does not support for this method, for example XML sent to "
         "a JSON API. The server can say what it accepts in Accept or "
         "Accept-Encoding. It is about what the client sent; 406 is about "
         "what it asked to receive.",
     .reference = "RFC 9110, Section 15.5.16",
     .reference_url = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.16",
     .cache = cacheability::explicit_only,
     .body = body_rule::allowed,
     .headers = headers_415,
     .related = {406, 422, 400, 0},
     .aliases = "",
     .names = {"unsupported_media_type", "k415UnsupportedMediaType",
               "UnsupportedMediaType_415", "UNSUPPORTED_MEDIA_TYPE",
               "StatusUnsupportedMediaType"},
     .vendor = ""},
    {.code = 416,
     .reason = "Range Not Satisfiable",
     .registration = registration_status::standard,
     .meaning = "The requested byte range lies outside the resource.",
     .description =
         "None of the ranges in the Range header overlap the resource, or the "
         "server rejected the set of ranges as invalid or excessive. For byte "
         "ranges the server should send Content-Range: bytes */length so the "
         "client learns the real size. A client usually retries without Range.",
     .reference = "RFC 9110, Section 15.5.17",
     .reference_url = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.17",
     .cache = cacheability::explicit_only,
     .body = body_rule::allowed,
     .headers = headers_416,
     .related = {206, 0, 0, 0},
     .aliases = "Requested Range Not Satisfiable",
     .names = {"range_not_satisfiable", "k416RequestedRangeNotSatisfiable",
               "RangeNotSatisfiable_416", "RANGE_NOT_SATISFIABLE",
               "StatusRequestedRangeNotSatisfiable"},
     .vendor = ""},
    {.code = 417,
     .reason = "Expectation Failed",
     .registration = registration_status::standard,
     .meaning = "The server cannot meet the request's Expect header.",
     .description =
         "A server on the path could not meet the expectation in the Expect "
         "header, in practice 100-continue. The client should repeat the "
         "request without Expect.",
     .reference = "RFC 9110, Section 15.5.18",
     .reference_url = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.18",
     .cache = cacheability::explicit_only,
     .body = body_rule::allowed,
     .headers = {},
     .related = {100, 0, 0, 0},
     .aliases = "",
     .names = {"expectation_failed", "k417ExpectationFailed",
               "ExpectationFailed_417", "EXPECTATION_FAILED",
               "StatusExpectationFailed"},
     .vendor = ""},
    {.code = 418,
     .reason = "I'm a teapot",
     .registration = registration_status::unused,
     .meaning =
         "Reserved: RFC 2324's joke teapot code, not assigned to any use.",
     .description =
         "RFC 2324, an April Fools' RFC, defined 418 for a teapot asked to "
         "brew coffee, and it was deployed as a joke often enough that IANA "
         "keeps the code reserved (\"(Unused)\"): no application may take it "
         "for now, though RFC 9110 lets it be reassigned if 4xx codes run "
         "out. Do not use it for real errors; clients can treat it as a "
         "generic 4xx.",
     .reference = "RFC 9110, Section 15.5.19",
     .reference_url = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.19",
     .cache = cacheability::explicit_only,
     .body = body_rule::allowed,
     .headers = {},
     .related = {0, 0, 0, 0},
     .aliases = "",
     .names = {"", "k418ImATeapot", "ImATeapot_418", "IM_A_TEAPOT",
               "StatusTeapot"},
     .vendor = ""},
    {.code = 421,
     .reason = "Misdirected Request",
     .registration = registration_status::standard,
     .meaning =
         "The request reached a server that cannot answer for this host.",
     .description =
         "The server is not able or willing to produce an authoritative "
         "response for the target URI, typically because an HTTP/2 or HTTP/3 "
         "connection was reused for a host name this server does not serve. "
         "The client may retry on a new connection. A proxy must not generate "
         "it.",
     .reference = "RFC 9110, Section 15.5.20",
     .reference_url = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.20",
     .cache = cacheability::explicit_only,
     .body = body_rule::allowed,
     .headers = {},
     .related = {0, 0, 0, 0},
     .aliases = "",
     .names = {"misdirected_request", "k421MisdirectedRequest",
               "MisdirectedRequest_421", "MISDIRECTED_REQUEST",
               "StatusMisdirectedRequest"},
     .vendor = ""},
    {.code = 422,
     .reason = "Unprocessable Content",
     .registration = registration_status::standard,
     .meaning = "The request was well-formed but failed validation.",
     .description =
         "The server understands the content type and the syntax is correct, "
         "but it cannot process the instructions, for example a JSON body "
         "whose values fail validation. The client should fix the data, not "
         "the syntax. It was called \"Unprocessable Entity\" in WebDAV (RFC "
         "4918).",
     .reference = "RFC 9110, Section 15.5.21",
     .reference_url = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.21",
     .cache = cacheability::explicit_only,
     .body = body_rule::allowed,
     .headers = {},
     .related = {400, 409, 415, 0},
     .aliases = "Unprocessable Entity",
     .names = {"unprocessable_entity", "k422UnprocessableEntity",
               "UnprocessableContent_422", "UNPROCESSABLE_CONTENT",
               "StatusUnprocessableEntity"},
     .vendor = ""},
    {.code = 423,
     .reason = "Locked",
     .registration = registration_status::standard,
     .meaning = "The resource is locked (WebDAV).",
     .description =
         "The source or destination resource of a WebDAV method is locked, "
         "and the request did not supply the right lock token. The body "
         "should carry a precondition code such as lock-token-submitted. The "
         "client needs the lock token or must wait for the lock to be "
         "released.",
     .reference = "RFC 4918, Section 11.3",
     .reference_url = "https://www.rfc-editor.org/rfc/rfc4918#section-11.3",
     .cache = cacheability::explicit_only,
     .body = body_rule::allowed,
     .headers = {},
     .related = {409, 424, 0, 0},
     .aliases = "",
     .names = {"locked", "k423Locked", "Locked_423", "LOCKED", "StatusLocked"},
     .vendor = ""},
    {.code = 424,
     .reason = "Failed Dependency",
     .registration = registration_status::standard,
     .meaning =
         "The action failed because another action it depended on failed "
         "(WebDAV).",
     .description =
         "A WebDAV method could not be performed on a resource because "
         "another action in the same request failed, for example the other "
         "properties of a PROPPATCH after one of them was rejected. It mostly "
         "appears inside a 207 Multi-Status body. Fix the failed action first.",
     .reference = "RFC 4918, Section 11.4",
     .reference_url = "https://www.rfc-editor.org/rfc/rfc4918#section-11.4",
     .cache = cacheability::explicit_only,
     .body = body_rule::allowed,
     .headers = {},
     .related = {423, 207, 0, 0},
     .aliases = "",
     .names = {"failed_dependency", "k424FailedDependency",
               "FailedDependency_424", "FAILED_DEPENDENCY",
               "StatusFailedDependency"},
     .vendor = ""},
    {.code = 425,
     .reason = "Too Early",
     .registration = registration_status::standard,
     .meaning = "The server will not risk processing a request that might be "
                "replayed.",
     .description =
         "Used with TLS 1.3 early data (0-RTT): the request arrived in early "
         "data, which an attacker could replay, and the server will not "
         "process it yet. It answers only such a request, one the server "
         "read in early data itself or one an intermediary marked with "
         "Early-Data: 1. A client that sent the request in early data "
         "retries it automatically once the handshake has completed, and "
         "never in early data again.",
     .reference = "RFC 8470, Section 5.2",
     .reference_url = "https://www.rfc-editor.org/rfc/rfc8470#section-5.2",
     .cache = cacheability::explicit_only,
     .body = body_rule::allowed,
     .headers = {},
     .related = {0, 0, 0, 0},
     .aliases = "",
     .names = {"", "k425TooEarly", "TooEarly_425", "TOO_EARLY",
               "StatusTooEarly"},
     .vendor = ""},
    {.code = 426,
     .reason = "Upgrade Required",
     .registration = registration_status::standard,
     .meaning = "The client must switch to another protocol, named in Upgrade.",
     .description =
         "The server refuses the request over the current protocol but would "
         "accept it after the client upgrades; it must send an Upgrade header "
         "naming the protocols it wants. The client can retry with Upgrade "
         "and expect 101 Switching Protocols.",
     .reference = "RFC 9110, Section 15.5.22",
     .reference_url = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.22",
     .cache = cacheability::explicit_only,
     .body = body_rule::allowed,
     .headers = headers_426,
     .related = {101, 505, 0, 0},
     .aliases = "",
     .names = {"upgrade_required", "k426UpgradeRequired", "UpgradeRequired_426",
               "UPGRADE_REQUIRED", "StatusUpgradeRequired"},
     .vendor = ""},
    {.code = 428,
     .reason = "Precondition Required",
     .registration = registration_status::standard,
     .meaning = "The server requires the request to be conditional.",
     .description =
         "The origin server insists that requests, typically PUT or DELETE, "
         "carry a condition such as If-Match, so that a client cannot "
         "overwrite changes it has not seen. The client should fetch the "
         "current ETag and retry conditionally. A cache must not store it.",
     .reference = "RFC 6585, Section 3",
     .reference_url = "https://www.rfc-editor.org/rfc/rfc6585#section-3",
     .cache = cacheability::never_stored,
     .body = body_rule::allowed,
     .headers = {},
     .related = {412, 0, 0, 0},
     .aliases = "",
     .names = {"precondition_required", "k428PreconditionRequired",
               "PreconditionRequired_428", "PRECONDITION_REQUIRED",
               "StatusPreconditionRequired"},
     .vendor = ""},
    {.code = 429,
     .reason = "Too Many Requests",
     .registration = registration_status::standard,
     .meaning =
         "The client has sent too many requests and is being rate limited.",
     .description =
         "The client has exceeded a rate limit. The server may send "
         "Retry-After to say how long to wait, and the client should back off "
         "rather than retry at once. A cache must not store it; use 503 when "
         "the whole server is overloaded rather than one client.",
     .reference = "RFC 6585, Section 4",
     .reference_url = "https://www.rfc-editor.org/rfc/rfc6585#section-4",
     .cache = cacheability::never_stored,
     .body = body_rule::allowed,
     .headers = headers_429,
     .related = {503, 0, 0, 0},
     .aliases = "",
     .names = {"too_many_requests", "k429TooManyRequests",
               "TooManyRequests_429", "TOO_MANY_REQUESTS",
               "StatusTooManyRequests"},
     .vendor = ""},
    {.code = 431,
     .reason = "Request Header Fields Too Large",
     .registration = registration_status::standard,
     .meaning = "The request's headers, or one of them, are too large.",
     .description =
         "The server will not process the request because a header field, or "
         "the header section as a whole, is too large; oversized cookies are "
         "a common cause. The client may retry with smaller headers. A cache "
         "must not store it; an oversized body gets 413 instead.",
     .reference = "RFC 6585, Section 5",
     .reference_url = "https://www.rfc-editor.org/rfc/rfc6585#section-5",
     .cache = cacheability::never_stored,
     .body = body_rule::allowed,
     .headers = {},
     .related = {413, 414, 0, 0},
     .aliases = "",
     .names = {"request_header_fields_too_large",
               "k431RequestHeaderFieldsTooLarge",
               "RequestHeaderFieldsTooLarge_431",
               "REQUEST_HEADER_FIELDS_TOO_LARGE",
               "StatusRequestHeaderFieldsTooLarge"},
     .vendor = ""},
    {.code = 451,
     .reason = "Unavailable For Legal Reasons",
     .registration = registration_status::standard,
     .meaning =
         "Access is denied because of a legal demand, such as a court order.",
     .description =
         "The server denies access to the resource as a consequence of a "
         "legal demand. The body should explain the demand, and a Link header "
         "with rel=\"blocked-by\" should identify who is blocking it. It is "
         "cacheable by default; use 403 for refusals that are not legal ones.",
     .reference = "RFC 7725, Section 3",
     .reference_url = "https://www.rfc-editor.org/rfc/rfc7725#section-3",
     .cache = cacheability::heuristic,
     .body = body_rule::allowed,
     .headers = headers_451,
     .related = {403, 0, 0, 0},
     .aliases = "",
     .names = {"unavailable_for_legal_reasons",
               "k451UnavailableForLegalReasons",
               "UnavailableForLegalReasons_451",
               "UNAVAILABLE_FOR_LEGAL_REASONS",
               "StatusUnavailableForLegalReasons"},
     .vendor = ""},
    {.code = 500,
     .reason = "Internal Server Error",
     .registration = registration_status::standard,
     .meaning = "A generic, unexpected server-side failure.",
     .description =
         "The server hit an unexpected condition, such as an unhandled "
         "exception, that prevented it from fulfilling the request. The "
         "client did nothing wrong and may retry later, though the same "
         "request often fails the same way. Prefer a more specific 5xx when "
         "one fits, such as 503 for a temporary overload.",
     .reference = "RFC 9110, Section 15.6.1",
     .reference_url = "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.1",
     .cache = cacheability::explicit_only,
     .body = body_rule::allowed,
     .headers = {},
     .related = {503, 502, 501, 0},
     .aliases = "",
     .names = {"internal_server_error", "k500InternalServerError",
               "InternalServerError_500", "INTERNAL_SERVER_ERROR",
               "StatusInternalServerError"},
     .vendor = ""},
    {.code = 501,
     .reason = "Not Implemented",
     .registration = registration_status::standard,
     .meaning = "The server does not support the functionality required.",
     .description =
         "The server does not support what the request needs, typically a "
         "method it does not recognise for any resource. It is cacheable by "
         "default. When the method exists but a particular resource does not "
         "allow it, send 405.",
     .reference = "RFC 9110, Section 15.6.2",
     .reference_url = "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.2",
     .cache = cacheability::heuristic,
     .body = body_rule::allowed,
     .headers = {},
     .related = {405, 500, 0, 0},
     .aliases = "",
     .names = {"not_implemented", "k501NotImplemented", "NotImplemented_501",
               "NOT_IMPLEMENTED", "StatusNotImplemented"},
     .vendor = ""},
    {.code = 502,
     .reason = "Bad Gateway",
     .registration = registration_status::standard,
     .meaning = "An upstream server returned an invalid response.",
     .description =
         "A gateway or proxy got an invalid response, or none it could use, "
         "from the server behind it: a crash, a refused connection or a "
         "malformed reply. The fault is upstream, not in the request; "
         "retrying later may help. When the upstream simply took too long, "
         "the code is 504.",
     .reference = "RFC 9110, Section 15.6.3",
     .reference_url = "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.3",
     .cache = cacheability::explicit_only,
     .body = body_rule::allowed,
     .headers = {},
     .related = {504, 500, 503, 0},
     .aliases = "",
     .names = {"bad_gateway", "k502BadGateway", "BadGateway_502", "BAD_GATEWAY",
               "StatusBadGateway"},
     .vendor = ""},
    {.code = 503,
     .reason = "Service Unavailable",
     .registration = registration_status::standard,
     .meaning = "The server is overloaded or down for maintenance.",
     .description =
         "The server cannot handle the request right now because of overload "
         "or maintenance, and expects to recover. It may send Retry-After to "
         "say when to try again, and clients should back off. Use 429 for a "
         "limit on a single client and 500 for a bug.",
     .reference = "RFC 9110, Section 15.6.4",
     .reference_url = "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.4",
     .cache = cacheability::explicit_only,
     .body = body_rule::allowed,
     .headers = headers_503,
     .related = {500, 429, 502, 0},
     .aliases = "",
     .names = {"service_unavailable", "k503ServiceUnavailable",
               "ServiceUnavailable_503", "SERVICE_UNAVAILABLE",
               "StatusServiceUnavailable"},
     .vendor = ""},
    {.code = 504,
     .reason = "Gateway Timeout",
     .registration = registration_status::standard,
     .meaning = "An upstream server did not respond in time.",
     .description =
         "A gateway or proxy did not get a timely response from the server "
         "behind it. The request may or may not have been processed upstream, "
         "so retrying is only safe for idempotent requests. When the client "
         "itself was too slow to send the request, the code is 408.",
     .reference = "RFC 9110, Section 15.6.5",
     .reference_url = "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.5",
     .cache = cacheability::explicit_only,
     .body = body_rule::allowed,
     .headers = {},
     .related = {502, 408, 0, 0},
     .aliases = "",
     .names = {"gateway_timeout", "k504GatewayTimeout", "GatewayTimeout_504",
               "GATEWAY_TIMEOUT", "StatusGatewayTimeout"},
     .vendor = ""},
    {.code = 505,
     .reason = "HTTP Version Not Supported",
     .registration = registration_status::standard,
     .meaning = "The server does not support the request's HTTP major version.",
     .description =
         "The server does not support, or refuses, the major version of HTTP "
         "used in the request. The body should explain why and which versions "
         "it supports. The client should retry with a version the server "
         "accepts.",
     .reference = "RFC 9110, Section 15.6.6",
     .reference_url = "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.6",
     .cache = cacheability::explicit_only,
     .body = body_rule::allowed,
     .headers = {},
     .related = {426, 0, 0, 0},
     .aliases = "",
     .names = {"http_version_not_supported", "k505HTTPVersionNotSupported",
               "HttpVersionNotSupported_505", "HTTP_VERSION_NOT_SUPPORTED",
               "StatusHTTPVersionNotSupported"},
     .vendor = ""},
    {.code = 506,
     .reason = "Variant Also Negotiates",
     .registration = registration_status::standard,
     .meaning = "Content negotiation is misconfigured on the server.",
     .description =
         "A server configuration error in transparent content negotiation "
         "(RFC 2295): the chosen variant is itself set up to negotiate, so "
         "negotiation cannot end. The client cannot fix it; the server's "
         "configuration must change. It is rarely seen in practice.",
     .reference = "RFC 2295, Section 8.1",
     .reference_url = "https://www.rfc-editor.org/rfc/rfc2295#section-8.1",
     .cache = cacheability::explicit_only,
     .body = body_rule::allowed,
     .headers = {},
     .related = {500, 0, 0, 0},
     .aliases = "",
     .names = {"variant_also_negotiates", "k506VariantAlsoNegotiates",
               "VariantAlsoNegotiates_506", "VARIANT_ALSO_NEGOTIATES",
               "StatusVariantAlsoNegotiates"},
     .vendor = ""},
    {.code = 507,
     .reason = "Insufficient Storage",
     .registration = registration_status::standard,
     .meaning =
         "The server has no room to store what the request needs (WebDAV).",
     .description =
         "The method could not be performed because the server cannot store "
         "the representation needed to complete it, for example a full disk "
         "or quota. The condition is considered temporary. Unlike 413, the "
         "request may be fine; the server has run out of space.",
     .reference = "RFC 4918, Section 11.5",
     .reference_url = "https://www.rfc-editor.org/rfc/rfc4918#section-11.5",
     .cache = cacheability::explicit_only,
     .body = body_rule::allowed,
     .headers = {},
     .related = {413, 0, 0, 0},
     .aliases = "",
     .names = {"insufficient_storage", "k507InsufficientStorage",
               "InsufficientStorage_507", "INSUFFICIENT_STORAGE",
               "StatusInsufficientStorage"},
     .vendor = ""},
    {.code = 508,
     .reason = "Loop Detected",
     .registration = registration_status::standard,
     .meaning =
         "The server stopped an operation that ran into an infinite loop "
         "(WebDAV).",
     .description =
         "The server ended a WebDAV operation, typically one with Depth: "
         "infinity, because it found a loop of bindings. The whole operation "
         "failed. It is not about redirect loops, which clients detect "
         "themselves.",
     .reference = "RFC 5842, Section 7.2",
     .reference_url = "https://www.rfc-editor.org/rfc/rfc5842#section-7.2",
     .cache = cacheability::explicit_only,
     .body = body_rule::allowed,
     .headers = {},
     .related = {208, 0, 0, 0},
     .aliases = "",
     .names = {"loop_detected", "k508LoopDetected", "LoopDetected_508",
               "LOOP_DETECTED", "StatusLoopDetected"},
     .vendor = ""},
    {.code = 510,
     .reason = "Not Extended",
     .registration = registration_status::obsoleted,
     .meaning =
         "Obsolete: the request lacks an HTTP extension the server requires.",
     .description =
         "Defined by the HTTP Extension Framework (RFC 2774) for requests "
         "that do not declare an extension the server requires. RFC 2774 has "
         "been moved to Historic, and IANA marks the code as obsoleted, so "
         "new services should not use it.",
     // IANA cites two documents: RFC 2774, which defines 510, and the IESG
     // status change that moved it to Historic.
     .reference =
         "RFC 2774, Section 7; Status change of HTTP experiments to Historic",
     .reference_url = "https://www.rfc-editor.org/rfc/rfc2774#section-7",
     .cache = cacheability::explicit_only,
     .body = body_rule::allowed,
     .headers = {},
     .related = {0, 0, 0, 0},
     .aliases = "",
     .names = {"not_extended", "k510NotExtended", "NotExtended_510",
               "NOT_EXTENDED", "StatusNotExtended"},
     .vendor = ""},
    {.code = 511,
     .reason = "Network Authentication Required",
     .registration = registration_status::standard,
     .meaning = "The client must log in to the network, e.g. a captive portal.",
     .description =
         "Sent by an intercepting proxy, such as a hotel or airport Wi-Fi "
         "captive portal, to say the client must authenticate to get network "
         "access; the body should link to the login page. Origin servers "
         "should not send it, and caches must not store it. It is not the "
         "same as 401 or 407, which come from the server or a configured "
         "proxy.",
     .reference = "RFC 6585, Section 6",
     .reference_url = "https://www.rfc-editor.org/rfc/rfc6585#section-6",
     .cache = cacheability::never_stored,
     .body = body_rule::allowed,
     .headers = {},
     .related = {401, 407, 0, 0},
     .aliases = "",
     .names = {"network_authentication_required",
               "k511NetworkAuthenticationRequired",
               "NetworkAuthenticationRequired_511",
               "NETWORK_AUTHENTICATION_REQUIRED",
               "StatusNetworkAuthenticationRequired"},
     .vendor = ""},
};

// Kept apart from `standard_table` so an unofficial meaning never shadows a
// registered one (Microsoft's 451 is not RFC 7725's). An empty `reason`
// means the vendor publishes none: never invent one for the wire.
/// Vendors' unofficial codes, sorted by code then vendor; a code may appear
/// more than once.
inline constexpr status unofficial_table[] = {
    {.code = 418,
     .reason = "I'm a teapot",
     .registration = registration_status::unofficial,
     .meaning = "The server is a teapot and refuses to brew coffee.",
     .description =
         "An April Fools' joke from the Hyper Text Coffee Pot Control "
         "Protocol (RFC 2324), repeated for tea in RFC 7168. Servers send it "
         "as an Easter egg or for fun; IANA keeps 418 reserved, so no other "
         "application may take it for now (RFC 9110, Section 15.5.19). Do "
         "not build client logic on it.",
     .reference = "RFC 2324, Section 2.3.2",
     .reference_url = "https://www.rfc-editor.org/rfc/rfc2324#section-2.3.2",
     .cache = cacheability::explicit_only,
     .body = body_rule::allowed,
     .headers = {},
     .related = {0, 0, 0, 0},
     .aliases = "",
     .names = {"", "k418ImATeapot", "ImATeapot_418", "IM_A_TEAPOT",
               "StatusTeapot"},
     .vendor = "RFC 2324"},
    {.code = 419,
     .reason = "Page Expired",
     .registration = registration_status::unofficial,
     .meaning =
         "The session or its CSRF token has expired; reload the page and "
         "retry.",
     .description =
         "The Laravel PHP framework answers 419 when a form's CSRF token is "
         "missing, invalid or has expired, usually because the session timed "
         "out. The user should reload the page to get a fresh token and "
         "submit again. Outside Laravel the code has no meaning; 403 is the "
         "registered code for a refused request.",
     .reference = "Laravel framework source, 419.blade.php",
     .reference_url = "https://github.com/laravel/framework/blob/master/src/"
                      "Illuminate/Foundation/Exceptions/views/419.blade.php",
     .cache = cacheability::explicit_only,
     .body = body_rule::allowed,
     .headers = {},
     .related = {403, 0, 0, 0},
     .aliases = "",
     .names = {"", "", "", "", ""},
     .vendor = "Laravel"},
    {.code = 420,
     .reason = "Enhance Your Calm",
     .registration = registration_status::unofficial,
     .meaning = "The client is being rate limited (Twitter's old Search API).",
     .description =
         "Twitter's v1 Search and Trends APIs sent 420 to clients that made "
         "too many requests, before 429 Too Many Requests was registered. "
         "Clients should back off before retrying. New APIs should send 429.",
     .reference = "Twitter API announcement, 2009-12-22",
     .reference_url = "https://groups.google.com/group/twitter-api-announce/"
                      "browse_thread/thread/3f3b0fd38deb9b0f",
     .cache = cacheability::explicit_only,
     .body = body_rule::allowed,
     .headers = {},
     .related = {429, 0, 0, 0},
     .aliases = "",
     .names = {"", "", "", "", ""},
     .vendor = "Twitter"},
    {.code = 444,
     .reason = "Connection Closed Without Response",
     .registration = registration_status::unofficial,
     .meaning = "nginx closed the connection without sending any response.",
     .description =
         "An nginx configuration can return 444 to drop a request, often from "
         "bots or unwanted hosts: nginx closes the connection and sends "
         "nothing. The client sees a closed connection, never a 444; the code "
         "appears only in nginx configuration and logs.",
     .reference = "nginx source, ngx_http_request.h",
     .reference_url = "https://github.com/nginx/nginx/blob/master/src/http/"
                      "ngx_http_request.h",
     .cache = cacheability::explicit_only,
     .body = body_rule::allowed,
     .headers = {},
     .related = {0, 0, 0, 0},
     .aliases = "",
     .names = {"connection_closed_without_response", "", "", "", ""},
     .vendor = "nginx",
     .on_the_wire = false},
    {.code = 449,
     .reason = "Retry With",
     .registration = registration_status::unofficial,
     .meaning =
         "The client sent too little information; retry with Ms-Echo-Reply.",
     .description =
         "A Microsoft WebDAV extension (MS-WDV): the server needs more "
         "information, sends an Ms-Echo-Request header, and the client "
         "repeats the request with the value in an Ms-Echo-Reply header. The "
         "spec's grammar gives the reason phrase as \"Reply With\", while its "
         "prose and WinHTTP say \"Retry With\". Clients that do not support "
         "it treat it as an unknown 4xx.",
     .reference = "MS-WDV, Section 2.2.6",
     .reference_url =
         "https://learn.microsoft.com/en-us/openspecs/windows_protocols/ms-wdv/"
         "83ecf19f-e0f8-4706-aae5-ba618f52f100",
     .cache = cacheability::explicit_only,
     .body = body_rule::allowed,
     .headers = headers_449,
     .related = {0, 0, 0, 0},
     .aliases = "",
     .names = {"", "", "", "", ""},
     .vendor = "Microsoft"},
    {.code = 451,
     .reason = "Redirect",
     .registration = registration_status::unofficial,
     .meaning =
         "Exchange ActiveSync: the mailbox is on another server; use that one.",
     .description =
         "Exchange ActiveSync sends 451 to redirect a client to a different "
         "server, which the X-MS-Location header may name; without it, the "
         "client runs Autodiscover again. It clashes with the "
         "registered 451 Unavailable For Legal Reasons (RFC 7725), so a "
         "generic client will misread it; only ActiveSync clients should act "
         "on it.",
     .reference = "MS-ASHTTP, Section 2.2.2.1.1",
     .reference_url = "https://learn.microsoft.com/en-us/openspecs/"
                      "exchange_server_protocols/ms-ashttp/"
                      "e092c310-7609-4a38-90cc-10688f79cf8d",
     .cache = cacheability::explicit_only,
     .body = body_rule::allowed,
     .headers = headers_ms_451,
     .related = {451, 307, 0, 0},
     .aliases = "",
     .names = {"", "", "", "", ""},
     .vendor = "Microsoft"},
    {.code = 456,
     .reason = "Blocked",
     .registration = registration_status::unofficial,
     .meaning = "Exchange ActiveSync: the user's account is blocked.",
     .description =
         "Exchange ActiveSync answers 456 when the user's account has been "
         "blocked. Retrying does not help; an administrator has to unblock "
         "the account. Other servers use 403 for this.",
     .reference = "MS-ASHTTP, Section 2.2.2.1.1",
     .reference_url = "https://learn.microsoft.com/en-us/openspecs/"
                      "exchange_server_protocols/ms-ashttp/"
                      "e092c310-7609-4a38-90cc-10688f79cf8d",
     .cache = cacheability::explicit_only,
     .body = body_rule::allowed,
     .headers = {},
     .related = {403, 0, 0, 0},
     .aliases = "",
     .names = {"", "", "", "", ""},
     .vendor = "Microsoft"},
    {.code = 457,
     .reason = "Expired Password",
     .registration = registration_status::unofficial,
     .meaning = "Exchange ActiveSync: the user's password has expired.",
     .description =
         "Exchange ActiveSync answers 457 when the user's password has "
         "expired. The user must change the password before the client can "
         "sync again. Other servers use 401 or 403 for this.",
     .reference = "MS-ASHTTP, Section 2.2.2.1.1",
     .reference_url = "https://learn.microsoft.com/en-us/openspecs/"
                      "exchange_server_protocols/ms-ashttp/"
                      "e092c310-7609-4a38-90cc-10688f79cf8d",
     .cache = cacheability::explicit_only,
     .body = body_rule::allowed,
     .headers = {},
     .related = {401, 0, 0, 0},
     .aliases = "",
     .names = {"", "", "", "", ""},
     .vendor = "Microsoft"},
    {.code = 460,
     .reason = "",
     .registration = registration_status::unofficial,
     .meaning = "Client closed the connection before the idle timeout elapsed",
     .description =
         "An AWS Application Load Balancer logs 460 when the client closed "
         "the connection before the load balancer's idle timeout elapsed, "
         "often because the client's own timeout is shorter than the "
         "backend's response time. The client never receives it; it shows up "
         "in the load balancer's access logs.",
     .reference = "AWS ALB troubleshooting docs",
     .reference_url = "https://docs.aws.amazon.com/elasticloadbalancing/latest/"
                      "application/load-balancer-troubleshooting.html",
     .cache = cacheability::explicit_only,
     .body = body_rule::allowed,
     .headers = {},
     .related = {408, 0, 0, 0},
     .aliases = "",
     .names = {"", "", "", "", ""},
     .vendor = "AWS",
     .on_the_wire = false},
    {.code = 463,
     .reason = "",
     .registration = registration_status::unofficial,
     .meaning = "X-Forwarded-For request header with more than 30 IP addresses",
     .description =
         "An AWS Application Load Balancer answers 463 when the "
         "X-Forwarded-For header lists more than 30 IP addresses, which often "
         "means a request loop between proxies. Check the proxy chain rather "
         "than retrying.",
     .reference = "AWS ALB troubleshooting docs",
     .reference_url = "https://docs.aws.amazon.com/elasticloadbalancing/latest/"
                      "application/load-balancer-troubleshooting.html",
     .cache = cacheability::explicit_only,
     .body = body_rule::allowed,
     .headers = {},
     .related = {400, 0, 0, 0},
     .aliases = "",
     .names = {"", "", "", "", ""},
     .vendor = "AWS"},
    {.code = 464,
     .reason = "",
     .registration = registration_status::unofficial,
     .meaning =
         "Request protocol incompatible with the target group protocol version",
     .description =
         "An AWS Application Load Balancer answers 464 when the request's "
         "protocol does not match the target group's protocol version, for "
         "example an HTTP/1.1 request to a gRPC target group. Fix the "
         "listener or target group configuration.",
     .reference = "AWS ALB troubleshooting docs",
     .reference_url = "https://docs.aws.amazon.com/elasticloadbalancing/latest/"
                      "application/load-balancer-troubleshooting.html",
     .cache = cacheability::explicit_only,
     .body = body_rule::allowed,
     .headers = {},
     .related = {505, 0, 0, 0},
     .aliases = "",
     .names = {"", "", "", "", ""},
     .vendor = "AWS"},
    {.code = 494,
     .reason = "Request Header Or Cookie Too Large",
     .registration = registration_status::unofficial,
     .meaning = "A request header or cookie is larger than nginx allows.",
     .description =
         "An internal nginx code for a request header or cookie larger than "
         "the large_client_header_buffers limit. nginx sends it to the client "
         "as 400 Bad Request; 494 is seen only in error_page rules and logs. "
         "The registered code for the same problem is 431.",
     .reference = "nginx source, ngx_http_special_response.c",
     .reference_url = "https://github.com/nginx/nginx/blob/master/src/http/"
                      "ngx_http_special_response.c",
     .cache = cacheability::explicit_only,
     .body = body_rule::allowed,
     .headers = {},
     .related = {431, 400, 0, 0},
     .aliases = "",
     .names = {"", "", "", "", ""},
     .vendor = "nginx",
     .on_the_wire = false},
    {.code = 495,
     .reason = "The SSL certificate error",
     .registration = registration_status::unofficial,
     .meaning = "The client's TLS certificate failed verification.",
     .description =
         "An internal nginx code for a client certificate that failed "
         "verification. nginx sends it to the client as 400 Bad Request; 495 "
         "is seen only in error_page rules and logs.",
     .reference = "nginx source, ngx_http_special_response.c",
     .reference_url = "https://github.com/nginx/nginx/blob/master/src/http/"
                      "ngx_http_special_response.c",
     .cache = cacheability::explicit_only,
     .body = body_rule::allowed,
     .headers = {},
     .related = {400, 0, 0, 0},
     .aliases = "",
     .names = {"", "", "", "", ""},
     .vendor = "nginx",
     .on_the_wire = false},
    {.code = 496,
     .reason = "No required SSL certificate was sent",
     .registration = registration_status::unofficial,
     .meaning = "A client TLS certificate is required but none was sent.",
     .description =
         "An internal nginx code for a request without the client certificate "
         "that the server requires. nginx sends it to the client as 400 Bad "
         "Request; 496 is seen only in error_page rules and logs.",
     .reference = "nginx source, ngx_http_special_response.c",
     .reference_url = "https://github.com/nginx/nginx/blob/master/src/http/"
                      "ngx_http_special_response.c",
     .cache = cacheability::explicit_only,
     .body = body_rule::allowed,
     .headers = {},
     .related = {400, 0, 0, 0},
     .aliases = "",
     .names = {"", "", "", "", ""},
     .vendor = "nginx",
     .on_the_wire = false},
    {.code = 497,
     .reason = "The plain HTTP request was sent to HTTPS port",
     .registration = registration_status::unofficial,
     .meaning = "A plain HTTP request was sent to an HTTPS port.",
     .description =
         "An internal nginx code for a plain HTTP request that arrived on a "
         "port configured for HTTPS. nginx sends it to the client as 400 Bad "
         "Request; configurations often use error_page 497 to redirect to "
         "https.",
     .reference = "nginx source, ngx_http_special_response.c",
     .reference_url = "https://github.com/nginx/nginx/blob/master/src/http/"
                      "ngx_http_special_response.c",
     .cache = cacheability::explicit_only,
     .body = body_rule::allowed,
     .headers = {},
     .related = {400, 0, 0, 0},
     .aliases = "",
     .names = {"", "", "", "", ""},
     .vendor = "nginx",
     .on_the_wire = false},
    {.code = 498,
     .reason = "Invalid Token",
     .registration = registration_status::unofficial,
     .meaning = "The access token is invalid or has expired (ArcGIS).",
     .description =
         "Esri ArcGIS Server and the ArcGIS REST API report 498 for an "
         "expired or otherwise invalid token, usually as a code inside a JSON "
         "error body sent with HTTP 200. The client should get a new token "
         "and retry. The source for this code is weaker than for the others.",
     .reference = "http.dev, Esri ArcGIS REST API",
     .reference_url = "https://http.dev/498",
     .cache = cacheability::explicit_only,
     .body = body_rule::allowed,
     .headers = {},
     .related = {401, 0, 0, 0},
     .aliases = "",
     .names = {"", "", "", "", ""},
     .vendor = "Esri"},
    {.code = 499,
     .reason = "Token Required",
     .registration = registration_status::unofficial,
     .meaning = "A token is required to access the service (ArcGIS).",
     .description =
         "Esri ArcGIS Server returns 499 when a token-secured service is "
         "called without a token. The client should get a token and retry. "
         "nginx uses the same code for something unrelated.",
     .reference = "Esri technical article 000010351",
     .reference_url = "https://support.esri.com/en/technical-article/000010351",
     .cache = cacheability::explicit_only,
     .body = body_rule::allowed,
     .headers = {},
     .related = {401, 0, 0, 0},
     .aliases = "",
     .names = {"", "", "", "", ""},
     .vendor = "Esri"},
    {.code = 499,
     .reason = "Client Closed Request",
     .registration = registration_status::unofficial,
     .meaning =
         "The client closed the connection before nginx sent the response.",
     .description =
         "nginx logs 499 when the client gives up and closes the connection "
         "while the request is still being processed. It is never sent on the "
         "wire, since nobody is left to receive it; many 499s in the logs "
         "point to a slow upstream or a short client timeout.",
     .reference = "nginx source, ngx_http_request.h",
     .reference_url = "https://github.com/nginx/nginx/blob/master/src/http/"
                      "ngx_http_request.h",
     .cache = cacheability::explicit_only,
     .body = body_rule::allowed,
     .headers = {},
     .related = {408, 0, 0, 0},
     .aliases = "",
     .names = {"client_closed_request", "", "", "", ""},
     .vendor = "nginx",
     .on_the_wire = false},
    {.code = 509,
     .reason = "Bandwidth Limit Exceeded",
     .registration = registration_status::unofficial,
     .meaning = "The server has exceeded its bandwidth limit.",
     .description =
         "Node.js lists 509 in http.STATUS_CODES, and the npm statuses "
         "package inherits it; some web hosts have sent it for sites over "
         "their traffic quota. IANA has never assigned 509, so clients should "
         "treat it as a generic 5xx.",
     .reference = "Node.js http.STATUS_CODES",
     .reference_url =
         "https://github.com/nodejs/node/blob/main/lib/_http_server.js",
     .cache = cacheability::explicit_only,
     .body = body_rule::allowed,
     .headers = {},
     .related = {0, 0, 0, 0},
     .aliases = "",
     .names = {"", "", "", "", ""},
     .vendor = "Node.js"},
    {.code = 520,
     .reason = "Web server returns an unknown error",
     .registration = registration_status::unofficial,
     .meaning = "The origin returned an empty, unknown or unexpected response.",
     .description =
         "Cloudflare sends 520 when the origin server's response was empty, "
         "malformed or otherwise unexpected, for example after the origin "
         "crashed or reset the connection. The fault is at the origin; check "
         "its logs.",
     .reference = "Cloudflare docs, error 520",
     .reference_url =
         "https://developers.cloudflare.com/support/troubleshooting/"
         "http-status-codes/cloudflare-5xx-errors/error-520/",
     .cache = cacheability::explicit_only,
     .body = body_rule::allowed,
     .headers = {},
     .related = {502, 0, 0, 0},
     .aliases = "",
     .names = {"", "", "", "", ""},
     .vendor = "Cloudflare"},
    {.code = 521,
     .reason = "Web server is down",
     .registration = registration_status::unofficial,
     .meaning = "The origin web server refused the connection.",
     .description =
         "Cloudflare sends 521 when the origin refused its connection, "
         "usually because the web server is down or a firewall blocks "
         "Cloudflare's IP addresses. The fault is at the origin.",
     .reference = "Cloudflare docs, error 521",
     .reference_url =
         "https://developers.cloudflare.com/support/troubleshooting/"
         "http-status-codes/cloudflare-5xx-errors/error-521/",
     .cache = cacheability::explicit_only,
     .body = body_rule::allowed,
     .headers = {},
     .related = {502, 0, 0, 0},
     .aliases = "",
     .names = {"", "", "", "", ""},
     .vendor = "Cloudflare"},
    {.code = 522,
     .reason = "Connection timed out",
     .registration = registration_status::unofficial,
     .meaning = "Cloudflare timed out connecting to the origin.",
     .description =
         "Cloudflare sends 522 when it could not complete a TCP connection to "
         "the origin in time, often because the origin is overloaded or "
         "unreachable. The fault is at the origin or on the network path to "
         "it.",
     .reference = "Cloudflare docs, error 522",
     .reference_url =
         "https://developers.cloudflare.com/support/troubleshooting/"
         "http-status-codes/cloudflare-5xx-errors/error-522/",
     .cache = cacheability::explicit_only,
     .body = body_rule::allowed,
     .headers = {},
     .related = {504, 0, 0, 0},
     .aliases = "",
     .names = {"", "", "", "", ""},
     .vendor = "Cloudflare"},
    {.code = 523,
     .reason = "Origin is unreachable",
     .registration = registration_status::unofficial,
     .meaning = "Cloudflare could not reach the origin.",
     .description =
         "Cloudflare sends 523 when the origin is unreachable, for example "
         "because of a wrong DNS record or a routing problem. Check the "
         "origin's address and DNS settings.",
     .reference = "Cloudflare docs, error 523",
     .reference_url =
         "https://developers.cloudflare.com/support/troubleshooting/"
         "http-status-codes/cloudflare-5xx-errors/error-523/",
     .cache = cacheability::explicit_only,
     .body = body_rule::allowed,
     .headers = {},
     .related = {502, 0, 0, 0},
     .aliases = "",
     .names = {"", "", "", "", ""},
     .vendor = "Cloudflare"},
    {.code = 524,
     .reason = "A timeout occurred",
     .registration = registration_status::unofficial,
     .meaning =
         "Cloudflare connected to the origin but got no timely HTTP response.",
     .description =
         "Cloudflare sends 524 when it connected to the origin but the origin "
         "did not send an HTTP response before Cloudflare's timeout. "
         "Long-running requests should be moved to background jobs.",
     .reference = "Cloudflare docs, error 524",
     .reference_url =
         "https://developers.cloudflare.com/support/troubleshooting/"
         "http-status-codes/cloudflare-5xx-errors/error-524/",
     .cache = cacheability::explicit_only,
     .body = body_rule::allowed,
     .headers = {},
     .related = {504, 0, 0, 0},
     .aliases = "",
     .names = {"", "", "", "", ""},
     .vendor = "Cloudflare"},
    {.code = 525,
     .reason = "SSL handshake failed",
     .registration = registration_status::unofficial,
     .meaning = "The TLS handshake between Cloudflare and the origin failed.",
     .description =
         "Cloudflare sends 525 when its SSL/TLS handshake with the origin "
         "server fails, for example because the origin has no certificate or "
         "no common cipher. Fix the origin's TLS configuration.",
     .reference = "Cloudflare docs, error 525",
     .reference_url =
         "https://developers.cloudflare.com/support/troubleshooting/"
         "http-status-codes/cloudflare-5xx-errors/error-525/",
     .cache = cacheability::explicit_only,
     .body = body_rule::allowed,
     .headers = {},
     .related = {502, 0, 0, 0},
     .aliases = "",
     .names = {"", "", "", "", ""},
     .vendor = "Cloudflare"},
    {.code = 526,
     .reason = "Invalid SSL certificate",
     .registration = registration_status::unofficial,
     .meaning = "Cloudflare could not validate the origin's TLS certificate.",
     .description =
         "Cloudflare sends 526 when strict TLS is on and the origin's "
         "certificate is expired, self-signed or issued for another host "
         "name. Install a valid certificate on the origin.",
     .reference = "Cloudflare docs, error 526",
     .reference_url =
         "https://developers.cloudflare.com/support/troubleshooting/"
         "http-status-codes/cloudflare-5xx-errors/error-526/",
     .cache = cacheability::explicit_only,
     .body = body_rule::allowed,
     .headers = {},
     .related = {502, 0, 0, 0},
     .aliases = "",
     .names = {"", "", "", "", ""},
     .vendor = "Cloudflare"},
    {.code = 527,
     .reason = "Railgun Listener to origin error",
     .registration = registration_status::unofficial,
     .meaning =
         "The Railgun connection between Cloudflare and the origin failed.",
     .description =
         "Cloudflare sent 527 when its Railgun listener could not reach the "
         "origin. Railgun has been discontinued, and current Cloudflare "
         "documentation no longer lists this code.",
     .reference = "Cloudflare support article 115003011431",
     .reference_url = "https://support.cloudflare.com/hc/articles/115003011431",
     .cache = cacheability::explicit_only,
     .body = body_rule::allowed,
     .headers = {},
     .related = {502, 0, 0, 0},
     .aliases = "",
     .names = {"", "", "", "", ""},
     .vendor = "Cloudflare"},
    {.code = 530,
     .reason = "",
     .registration = registration_status::unofficial,
     .meaning =
         "Origin hostname could not be resolved; body carries a Cloudflare "
         "1xxx error",
     .description =
         "Cloudflare sends 530 together with a Cloudflare 1xxx error in the "
         "body, most often because the origin's host name could not be "
         "resolved. Look up the 1xxx error to find the cause.",
     .reference = "Cloudflare docs, error 530",
     .reference_url =
         "https://developers.cloudflare.com/support/troubleshooting/"
         "http-status-codes/cloudflare-5xx-errors/error-530/",
     .cache = cacheability::explicit_only,
     .body = body_rule::allowed,
     .headers = {},
     .related = {502, 0, 0, 0},
     .aliases = "",
     .names = {"", "", "", "", ""},
     .vendor = "Cloudflare"},
    {.code = 561,
     .reason = "Unauthorized",
     .registration = registration_status::unofficial,
     .meaning =
         "The identity provider returned an error while authenticating the "
         "user.",
     .description =
         "An AWS Application Load Balancer with an authenticate rule answers "
         "561 when the identity provider returned an error code during user "
         "authentication. Check the IdP configuration and logs.",
     .reference = "AWS ALB troubleshooting docs",
     .reference_url = "https://docs.aws.amazon.com/elasticloadbalancing/latest/"
                      "application/load-balancer-troubleshooting.html",
     .cache = cacheability::explicit_only,
     .body = body_rule::allowed,
     .headers = {},
     .related = {401, 0, 0, 0},
     .aliases = "",
     .names = {"", "", "", "", ""},
     .vendor = "AWS"},
    {.code = 599,
     .reason = "Network Connect Timeout Error",
     .registration = registration_status::unofficial,
     .meaning = "A proxy timed out connecting to the upstream network.",
     .description =
         "An informal convention with no specification: some proxies and "
         "libraries use 599 for a network connect timeout behind a proxy. "
         "Clients should treat it as a generic 5xx, much like 504.",
     .reference = "Informal convention, laminas-diactoros Response.php",
     .reference_url = "https://github.com/laminas/laminas-diactoros/blob/HEAD/"
                      "src/Response.php",
     .cache = cacheability::explicit_only,
     .body = body_rule::allowed,
     .headers = {},
     .related = {504, 0, 0, 0},
     .aliases = "",
     .names = {"network_connect_timeout_error", "", "", "", ""},
     .vendor = "Informal"},
    {.code = 599,
     .reason = "",
     .registration = registration_status::unofficial,
     .meaning = "No HTTP response was received, e.g. timeout",
     .description =
         "Tornado's HTTP client reports 599 when it received no HTTP response "
         "at all, for example after a timeout or a connection failure; Perl's "
         "HTTP::Tiny uses 599 for its internal errors as well. No server "
         "sends it; it exists only inside the client library.",
     .reference = "Tornado docs, tornado.httpclient",
     .reference_url = "https://www.tornadoweb.org/en/stable/httpclient.html",
     .cache = cacheability::explicit_only,
     .body = body_rule::allowed,
     .headers = {},
     .related = {504, 0, 0, 0},
     .aliases = "",
     .names = {"", "", "", "", ""},
     .vendor = "Tornado",
     .on_the_wire = false},
};

}  // namespace httpstatus::detail
