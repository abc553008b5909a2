// SPDX-License-Identifier: MIT
// The OpenAPI 3.1 description of the JSON API, served at
// "/api/v1/openapi.json". A test parses it and checks it names every API
// route the router has, so the two cannot drift apart unnoticed.
#include "handlers/handlers.hpp"

#include <algorithm>
#include <cctype>
#include <string>

#include <boost/json/parse.hpp>

namespace httpstatus::server::handlers {

std::string_view openapi_document() noexcept {
  return R"json({
  "openapi": "3.1.0",
  "info": {
    "title": "httpstatus API",
    "version": "1.0.0",
    "summary": "HTTP status codes: the IANA registry and vendors' unofficial codes, with their protocol facts.",
    "license": { "name": "MIT", "identifier": "MIT" }
  },
  "servers": [ { "url": "/" } ],
  "paths": {
    "/api/v1": {
      "get": {
        "operationId": "listEndpoints",
        "summary": "List the API's endpoints",
        "description": "The API's root: each endpoint of this document with its methods and summary, and where the document and the human-readable reference are.",
        "responses": {
          "200": {
            "description": "The endpoints.",
            "headers": { "ETag": { "$ref": "#/components/headers/ETag" } },
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": ["openapi", "documentation", "endpoints"],
                  "properties": {
                    "openapi": { "type": "string", "const": "/api/v1/openapi.json" },
                    "documentation": { "type": "string", "const": "/api" },
                    "endpoints": {
                      "type": "array",
                      "items": {
                        "type": "object",
                        "required": ["path", "method", "summary"],
                        "properties": {
                          "path": { "type": "string" },
                          "method": { "type": "string" },
                          "summary": { "type": "string" }
                        }
                      }
                    }
                  }
                }
              }
            }
          },
          "304": { "$ref": "#/components/responses/NotModified" },
          "412": { "$ref": "#/components/responses/Problem" }
        }
      }
    },
    "/api/v1/codes": {
      "get": {
        "operationId": "listCodes",
        "summary": "List status codes",
        "description": "Returns every IANA-registered code, sorted by code. `class` narrows to one class; `unofficial=true` adds the vendors' codes (sorted by code, a code once per vendor); `q` searches codes, phrases, aliases, meanings and descriptions, best match first. Unknown parameters are ignored.",
        "parameters": [
          { "name": "class", "in": "query", "required": false,
            "description": "One class; read case-insensitively (4XX is 4xx).",
            "schema": { "type": "string", "enum": ["1xx", "2xx", "3xx", "4xx", "5xx"] } },
          { "name": "unofficial", "in": "query", "required": false,
            "schema": { "type": "string", "enum": ["true", "false"], "default": "false" } },
          { "name": "q", "in": "query", "required": false,
            "description": "Words that must all match (case-insensitive).",
            "schema": { "type": "string" } }
        ],
        "responses": {
          "200": { "$ref": "#/components/responses/StatusList" },
          "304": { "$ref": "#/components/responses/NotModified" },
          "400": { "$ref": "#/components/responses/Problem" },
          "412": { "$ref": "#/components/responses/Problem" }
        }
      }
    },
    "/api/v1/codes/{code}": {
      "get": {
        "operationId": "getCode",
        "summary": "Describe one status code",
        "description": "Returns the code's object when IANA registered it. A code that only vendors use (nginx's 499, Cloudflare's 520) returns an array with one object per vendor, each with `vendor` set and `status` \"unofficial\". Anything else is a 404 problem whose `detail` says why: unassigned, outside 100..599, or not a number.",
        "parameters": [
          { "name": "code", "in": "path", "required": true,
            "schema": { "type": "string", "pattern": "^[0-9]{3}$" } }
        ],
        "responses": {
          "200": {
            "description": "The registered code, or the vendors' entries.",
            "headers": { "ETag": { "$ref": "#/components/headers/ETag" } },
            "content": {
              "application/json": {
                "schema": {
                  "oneOf": [
                    { "$ref": "#/components/schemas/Status" },
                    { "type": "array", "items": { "$ref": "#/components/schemas/Status" } }
                  ]
                }
              }
            }
          },
          "304": { "$ref": "#/components/responses/NotModified" },
          "400": { "$ref": "#/components/responses/Problem" },
          "404": { "$ref": "#/components/responses/Problem" },
          "412": { "$ref": "#/components/responses/Problem" }
        }
      }
    },
    "/api/v1/classes": {
      "get": {
        "operationId": "listClasses",
        "summary": "List the five classes",
        "responses": {
          "200": {
            "description": "The classes, 1xx to 5xx.",
            "headers": { "ETag": { "$ref": "#/components/headers/ETag" } },
            "content": {
              "application/json": {
                "schema": { "type": "array", "items": { "$ref": "#/components/schemas/Class" } }
              }
            }
          },
          "304": { "$ref": "#/components/responses/NotModified" },
          "412": { "$ref": "#/components/responses/Problem" }
        }
      }
    },
    "/api/v1/lint": {
      "post": {
        "operationId": "lintResponse",
        "summary": "Judge a raw HTTP response",
        "description": "Reads the body as one or more raw HTTP responses, as `curl -si URL` or `curl -sI URL` prints them (CRLF or LF; interim 1xx responses and every hop of `curl -L` are judged one by one), and returns one report per response: the JSON `httpstatus lint --json` prints. The server fetches nothing: it judges only the text it is sent. The body is read whatever its Content-Type (text/plain, message/http and application/http name it best; send it with `curl --data-binary`, since `-d` strips line breaks). Bodies beyond the server's limit (64 KB by default, `serve --body-limit`) get 413; a body with a Content-Encoding other than identity gets 415. `method` may be given once. Never stored; compressed as Accept-Encoding asks from 1 KB on.",
        "parameters": [
          { "name": "method", "in": "query", "required": false,
            "description": "The method of the request the response answers; HEAD expects no content, a 2xx to CONNECT no framing.",
            "schema": { "type": "string", "default": "GET" } },
          { "name": "request_header", "in": "query", "required": false,
            "description": "A header of that request, 'Name: value' (rules read Accept-Encoding and Upgrade); repeat for several.",
            "style": "form", "explode": true,
            "schema": { "type": "array", "items": { "type": "string" } } }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "text/plain": { "schema": { "type": "string" } },
            "message/http": { "schema": { "type": "string" } },
            "application/http": { "schema": { "type": "string" } }
          }
        },
        "responses": {
          "200": {
            "description": "One report per response, in the order given.",
            "content": {
              "application/json": {
                "schema": { "type": "array", "items": { "$ref": "#/components/schemas/LintReport" } }
              }
            }
          },
          "400": { "$ref": "#/components/responses/Problem" },
          "413": { "$ref": "#/components/responses/Problem" },
          "415": { "$ref": "#/components/responses/Problem" }
        }
      }
    },
    "/api/v1/openapi.json": {
      "get": {
        "operationId": "getOpenApi",
        "summary": "This document",
        "responses": {
          "200": {
            "description": "The OpenAPI 3.1 document.",
            "content": { "application/json": { "schema": { "type": "object" } } }
          }
        }
      }
    },
    "/healthz": {
      "get": {
        "operationId": "health",
        "summary": "Liveness check",
        "responses": {
          "200": {
            "description": "The server is up.",
            "content": { "text/plain": { "schema": { "type": "string", "const": "ok" } } }
          }
        }
      }
    }
  },
  "components": {
    "headers": {
      "ETag": {
        "description": "A strong validator; send it back in If-None-Match to get a 304, or in If-Match to get the answer only while it is current (a 412 problem otherwise).",
        "schema": { "type": "string" }
      }
    },
    "responses": {
      "StatusList": {
        "description": "A list of status codes.",
        "headers": { "ETag": { "$ref": "#/components/headers/ETag" } },
        "content": {
          "application/json": {
            "schema": { "type": "array", "items": { "$ref": "#/components/schemas/Status" } }
          }
        }
      },
      "NotModified": {
        "description": "The representation the client holds (If-None-Match) is current."
      },
      "Problem": {
        "description": "An RFC 9457 problem document.",
        "content": {
          "application/problem+json": { "schema": { "$ref": "#/components/schemas/Problem" } }
        }
      }
    },
    "schemas": {
      "Status": {
        "type": "object",
        "required": ["code", "reason", "class", "class_name", "status", "meaning",
                     "description", "reference", "reference_url",
                     "heuristically_cacheable", "cache", "body", "headers",
                     "related", "aliases", "constants"],
        "properties": {
          "code": { "type": "integer", "minimum": 100, "maximum": 599 },
          "reason": { "type": "string", "description": "Reason phrase; empty if none was published." },
          "class": { "type": "string", "enum": ["1xx", "2xx", "3xx", "4xx", "5xx"] },
          "class_name": { "type": "string" },
          "status": { "type": "string",
                      "enum": ["standard", "deprecated", "unused", "temporary", "obsoleted", "unassigned", "unofficial"] },
          "meaning": { "type": "string" },
          "description": { "type": "string" },
          "reference": { "type": "string" },
          "reference_url": { "type": "string" },
          "heuristically_cacheable": { "type": "boolean" },
          "cache": { "type": "string", "enum": ["heuristic", "explicit_only", "never_stored"] },
          "body": { "type": "string", "enum": ["allowed", "none", "empty"] },
          "headers": { "type": "array", "items": { "$ref": "#/components/schemas/HeaderRequirement" } },
          "related": { "type": "array", "items": { "type": "integer" } },
          "aliases": { "type": "array", "items": { "type": "string" } },
          "constants": {
            "type": "object",
            "description": "The code's constant in this project's C++ library (httpstatus::code::not_found) and in other libraries; null where a library has none (the vendors' codes have no httpstatus constant).",
            "properties": {
              "httpstatus": { "type": ["string", "null"] },
              "boost_beast": { "type": ["string", "null"] },
              "drogon": { "type": ["string", "null"] },
              "cpp_httplib": { "type": ["string", "null"] },
              "python": { "type": ["string", "null"] },
              "go": { "type": ["string", "null"] }
            }
          },
          "vendor": { "type": "string", "description": "Set on unofficial codes only." }
        }
      },
      "HeaderRequirement": {
        "type": "object",
        "required": ["field", "requirement", "reference", "reference_url"],
        "properties": {
          "field": { "type": "string" },
          "requirement": { "type": "string", "enum": ["MUST", "SHOULD", "MAY", "info"] },
          "condition": { "type": "string" },
          "reference": { "type": "string" },
          "reference_url": { "type": "string" }
        }
      },
      "Class": {
        "type": "object",
        "required": ["class", "name", "description", "codes"],
        "properties": {
          "class": { "type": "string" },
          "name": { "type": "string" },
          "description": { "type": "string" },
          "codes": { "type": "array", "items": { "type": "integer" } }
        }
      },
      "LintReport": {
        "type": "object",
        "required": ["version", "status", "reason", "registered_reason", "meaning",
                     "registration", "reference", "reference_url", "class",
                     "class_name", "tunnel", "must_broken", "findings"],
        "properties": {
          "version": { "type": "string", "description": "As sent: HTTP/1.1, HTTP/1.0, HTTP/2." },
          "status": { "type": "integer" },
          "reason": { "type": "string", "description": "The reason phrase as sent; empty if none." },
          "registered_reason": { "type": ["string", "null"], "description": "The registry's phrase for the code; null where it has none: an unassigned code, one outside 100..599, or a vendor code that several vendors use (499)." },
          "meaning": { "type": "string", "description": "For an unassigned code, which code clients treat it as." },
          "registration": { "type": ["string", "null"],
                            "enum": ["standard", "deprecated", "unused", "temporary", "obsoleted", "unassigned", "unofficial", null],
                            "description": "Null for a code outside 100..599 (600, 000), which no registry holds." },
          "reference": { "type": ["string", "null"] },
          "reference_url": { "type": ["string", "null"] },
          "vendor": { "type": "string", "description": "Set when only one vendor uses the code." },
          "class": { "type": ["string", "null"], "enum": ["1xx", "2xx", "3xx", "4xx", "5xx", null] },
          "class_name": { "type": ["string", "null"] },
          "tunnel": { "type": "boolean", "description": "True for a proxy's 2xx to CONNECT followed by the origin's response (curl -si -x): judged as the tunnel's answer, not the origin's." },
          "must_broken": { "type": "boolean" },
          "findings": { "type": "array", "items": { "$ref": "#/components/schemas/LintFinding" } }
        }
      },
      "LintFinding": {
        "type": "object",
        "required": ["rule", "strength", "section", "url", "message"],
        "properties": {
          "rule": { "type": "string", "description": "A stable id, such as required-header." },
          "strength": { "type": "string", "enum": ["MUST", "SHOULD", "MAY", "info"] },
          "section": { "type": "string" },
          "url": { "type": "string" },
          "message": { "type": "string" }
        }
      },
      "Problem": {
        "type": "object",
        "required": ["type", "title", "status", "detail"],
        "properties": {
          "type": { "type": "string", "const": "about:blank" },
          "title": { "type": "string" },
          "status": { "type": "integer" },
          "detail": { "type": "string" }
        }
      }
    }
  }
}
)json";
}

// Read from the document, so that the index lists exactly the documented
// endpoints, in the document's order, and a route added there appears here.
boost::json::object api_index() {
  namespace json = boost::json;
  const json::value doc = json::parse(openapi_document());
  json::array endpoints;
  for (const auto& [path, operations] : doc.at("paths").as_object()) {
    for (const auto& [method, operation] : operations.as_object()) {
      std::string upper(method);
      std::transform(upper.begin(), upper.end(), upper.begin(), [](char c) {
        return static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      });
      endpoints.push_back(json::object{
          {"path", path},
          {"method", std::move(upper)},
          {"summary", operation.at("summary")}});
    }
  }
  return {{"openapi", "/api/v1/openapi.json"},
          {"documentation", "/api"},
          {"endpoints", std::move(endpoints)}};
}

}  // namespace httpstatus::server::handlers
