// SPDX-License-Identifier: MIT
// The `httpstatus export DIR` subcommand: the site and API as static files.
#include "export_command.hpp"

#include <exception>
#include <filesystem>
#include <memory>
#include <ostream>
#include <system_error>

#include <fmt/format.h>
#include <fmt/ostream.h>
#include <CLI/CLI.hpp>

#include "content.hpp"
#include "export.hpp"
#include "precompressed.hpp"
#include "routes.hpp"

namespace httpstatus::cli {
namespace fs = std::filesystem;

void add_export_command(CLI::App& app, export_command& cmd) {
  cmd.sub = app.add_subcommand(
      "export",
      "write the site and the JSON API as static files (with .gz and .br), "
      "an nginx configuration, _headers and _redirects");
  cmd.sub->add_option("dir", cmd.dir, "folder to write into")->required();
  cmd.sub->add_flag("-f,--force", cmd.force,
                    "write into a folder that is not empty, replacing the "
                    "files the export writes");
}

// The folder is checked before rendering (which takes a moment), so that a
// mistyped path fails at once; an export never deletes anything, so
// `--force` only allows writing over what is there.
int run_export(const export_command& cmd, std::ostream& out,
               std::ostream& err) {
  const fs::path dir(cmd.dir);
  std::error_code ec;
  const fs::file_status st = fs::status(dir, ec);
  if (fs::exists(st) && !fs::is_directory(st)) {
    fmt::print(err, "httpstatus: error: {} exists and is not a folder\n",
               cmd.dir);
    return 2;
  }
  if (fs::is_directory(st) && !cmd.force) {
    // A folder that cannot be listed is not known to be empty: it was
    // taken for empty, and its files written over without --force.
    const fs::directory_iterator first(dir, ec);
    if (ec) {
      fmt::print(err, "httpstatus: error: cannot list {}: {}\n", cmd.dir,
                 ec.message());
      return 2;
    }
    if (first != fs::directory_iterator()) {
      fmt::print(err,
                 "httpstatus: error: {} is not empty; use --force to write "
                 "into it anyway\n",
                 cmd.dir);
      return 2;
    }
  }
  try {
    // The same variants `serve` sends, compressed at build time.
    const std::shared_ptr<const server::content> site =
        server::render_site(server::precompressed_site());
    const server::export_summary summary = server::export_site(*site, dir);
    fmt::print(out, "wrote {} files ({} bytes) to {}\n", summary.files,
               summary.bytes, cmd.dir);
    return 0;
  } catch (const std::exception& e) {
    fmt::print(err, "httpstatus: error: cannot export to {}: {}\n", cmd.dir,
               e.what());
    return 1;
  }
}

}  // namespace httpstatus::cli
