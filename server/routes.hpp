// SPDX-License-Identifier: MIT
// The route table, and the pre-rendered site its handlers serve.
#pragma once

#include <memory>
#include <span>

#include "content.hpp"
#include "handlers/handlers.hpp"
#include "metrics.hpp"
#include "router.hpp"

namespace httpstatus::server {

/// Renders the whole site once, from the registry: "/", "/codes", a page
/// per registered and unofficial code, the assets, every API document
/// (each code, each `class` and `unofficial` filter of "/api/v1/codes",
/// the classes, the OpenAPI document) and "/healthz", each compressed.
/// The compressed variants come from `precompressed` (`make_resource`):
/// with `precompressed_site()` rendering takes milliseconds; a body missing
/// from it, or every body with the default empty table, is compressed now,
/// which takes about a second over the whole site (brotli at its best).
/// Throws what the renderers and encoders throw, which is a packaging bug.
[[nodiscard]] std::shared_ptr<const content> render_site(
    std::span<const precompressed_entry> precompressed = {});

/// Returns the router of the site, the API and the mock (`/status/*`),
/// serving `site`, which must outlive it; `log` receives handler failures
/// (stderr when empty); `mock` bounds the mock, whose state (sequences,
/// sleeping requests) the router owns. With `stats`, which must outlive
/// it, it serves `GET /metrics` from them and names their routes.
[[nodiscard]] router make_router(const content& site, logger log = {},
                                 const handlers::mock_config& mock = {},
                                 metrics* stats = nullptr);

}  // namespace httpstatus::server
