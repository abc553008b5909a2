// SPDX-License-Identifier: MIT
// The static export: file names, the tree it writes (the server's very
// bytes), its configuration files, and `httpstatus export` refusing a
// folder that is not empty.
#include "export.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <optional>
#include <regex>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "content.hpp"
#include "export_command.hpp"
#include "precompressed.hpp"
#include "routes.hpp"
#include "support/decompress.hpp"

namespace {

using namespace httpstatus::server;
namespace fs = std::filesystem;

const content& site() {
  static const std::shared_ptr<const content> rendered =
      render_site(precompressed_site());
  return *rendered;
}

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A fresh folder under the system's temporary one, removed at the end.
class temp_dir {
 public:
  temp_dir() {
    std::string pattern =
        (fs::temp_directory_path() / "httpstatus-export-XXXXXX").string();
    path_ = fs::path(mkdtemp(pattern.data()));
  }
  ~temp_dir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  temp_dir(const temp_dir&) = delete;
  temp_dir& operator=(const temp_dir&) = delete;
  [[nodiscard]] const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

TEST(export, maps_keys_to_files) {
  struct row {
    const char* key;
    resource_kind kind;
    std::optional<std::string> file;
  };
  const row rows[] = {
      {"/", resource_kind::page, "index.html"},
      {"/codes", resource_kind::page, "codes/index.html"},
      {"/codes/404", resource_kind::page, "codes/404/index.html"},
      {"/api/v1/codes/404", resource_kind::document, "api/v1/codes/404.json"},
      {"/api/v1/codes", resource_kind::document, "api/v1/codes.json"},
      {"/api/v1/codes?class=4xx", resource_kind::document,
       "api/v1/codes.class-4xx.json"},
      {"/api/v1/codes?class=4xx&unofficial=true", resource_kind::document,
       "api/v1/codes.class-4xx.unofficial-true.json"},
      {"/api/v1/codes?unofficial=true", resource_kind::document,
       "api/v1/codes.unofficial-true.json"},
      {"/api/v1/openapi.json", resource_kind::document, "api/v1/openapi.json"},
      {"/assets/site.0123abcd.css", resource_kind::asset,
       "assets/site.0123abcd.css"},
      {"/favicon.ico", resource_kind::asset, "favicon.ico"},
      {"/healthz", resource_kind::text, "healthz"},
      {"/healthz?x=1", resource_kind::text, std::nullopt},
      {"/../etc/passwd", resource_kind::asset, std::nullopt},
      {"codes", resource_kind::page, std::nullopt},
  };
  for (const row& r : rows)
    EXPECT_EQ(export_path(r.key, r.kind), r.file) << r.key;
}

TEST(export, writes_the_servers_bytes) {
  const temp_dir dir;
  const export_summary summary = export_site(site(), dir.path());
  std::size_t expected_files = 0;
  for (const auto& [key, r] : site().all()) {
    const std::optional<std::string> file = export_path(key, r.kind);
    if (!file) continue;
    const fs::path path = dir.path() / *file;
    if (key == "/lint") {  // lint_page_says_the_check_needs_the_server
      expected_files += 3;
      continue;
    }
    EXPECT_EQ(read(path), r.identity.bytes) << *file;
    ++expected_files;
    if (!r.gzip.bytes.empty()) {
      EXPECT_EQ(read(path.string() + ".gz"), r.gzip.bytes) << *file;
      ++expected_files;
    } else {
      EXPECT_FALSE(fs::exists(path.string() + ".gz")) << *file;
    }
    if (!r.br.bytes.empty()) {
      EXPECT_EQ(read(path.string() + ".br"), r.br.bytes) << *file;
      ++expected_files;
    }
  }
  // The page, a code's page, a document and the two 404s, with variants.
  for (const char* file :
       {"index.html", "index.html.gz", "index.html.br", "codes/index.html",
        "codes/404/index.html", "codes/404/index.html.gz",
        "api/v1/codes/404.json", "api/v1/codes.json.br", "healthz", "404.html",
        "404.html.gz", "api/404.json", "nginx.conf", "_headers", "_redirects"})
    EXPECT_TRUE(fs::is_regular_file(dir.path() / file)) << file;
  EXPECT_NE(read(dir.path() / "404.html").find("There is nothing at this"),
            std::string::npos);
  EXPECT_GT(summary.files, expected_files);
  EXPECT_GT(summary.bytes, 100'000U);
}

// The form and the script ask the server, which a static host is not: the
// page says so in its HTML, and each variant carries the same bytes.
TEST(export, lint_page_says_the_check_needs_the_server) {
  const temp_dir dir;
  (void)export_site(site(), dir.path());
  const std::string page = read(dir.path() / "lint/index.html");
  const std::string note = "<p class=\"notice\" id=\"lint-static\">" +
                           std::string(export_lint_note) + "</p>\n";
  const std::size_t at = page.find(note);
  ASSERT_NE(at, std::string::npos) << page;
  EXPECT_LT(at, page.find("<form class=\"lint\" id=\"lint-form\""));
  EXPECT_NE(note.find("httpstatus serve"), std::string::npos);
  // Without the note, the page is the server's.
  std::string without = page;
  without.erase(at, note.size());
  EXPECT_EQ(without, site().find("/lint")->identity.bytes);
  EXPECT_EQ(httpstatus::test::gunzip(read(dir.path() / "lint/index.html.gz")),
            page);
  EXPECT_EQ(httpstatus::test::unbrotli(read(dir.path() / "lint/index.html.br")),
            page);
}

// What the pages link to: an internal href or src (a path on this site,
// its fragment and the HTML escaping of `&` aside) is the address of a
// file the export wrote, under the name nginx and _redirects map it to.
TEST(export, every_internal_link_resolves_to_an_exported_file) {
  const temp_dir dir;
  (void)export_site(site(), dir.path());
  const auto resolves = [&](std::string url) {
    if (const std::size_t hash = url.find('#'); hash != std::string::npos)
      url.erase(hash);
    for (std::size_t amp = url.find("&amp;"); amp != std::string::npos;
         amp = url.find("&amp;", amp + 1))
      url.replace(amp, 5, "&");
    for (const resource_kind kind :
         {resource_kind::page, resource_kind::document, resource_kind::asset,
          resource_kind::text})
      if (const std::optional<std::string> file = export_path(url, kind))
        if (fs::is_regular_file(dir.path() / *file)) return true;
    return false;
  };
  const std::regex link(R"re(\s(?:href|src)="(/[^/"][^"]*|/)")re");
  std::size_t pages = 0;
  std::size_t links = 0;
  for (const fs::directory_entry& e :
       fs::recursive_directory_iterator(dir.path())) {
    if (!e.is_regular_file() || e.path().extension() != ".html") continue;
    ++pages;
    const std::string html = read(e.path());
    for (std::sregex_iterator m(html.begin(), html.end(), link), end; m != end;
         ++m) {
      ++links;
      EXPECT_TRUE(resolves((*m)[1].str()))
          << fs::relative(e.path(), dir.path()).string() << " links to "
          << (*m)[1].str() << ", which the export did not write";
    }
  }
  EXPECT_GT(pages, 60U);
  EXPECT_GT(links, 1000U);
}

TEST(export, nginx_config_says_the_servers_headers) {
  const std::string conf = nginx_config(site(), "/srv/httpstatus");
  for (const char* line : {
           "root \"/srv/httpstatus\";",
           "gzip_static on;",
           "# brotli_static on;",
           "try_files $uri/index.html =404;",
           "try_files $uri.json =404;",
           // The server reads ?class=4XX as 4xx.
           "\"~*^([1-5])xx$\" \".class-$1xx\";",
           "location = /api/v1/openapi.json {",
           "add_header X-Frame-Options \"DENY\" always;",
           "add_header Access-Control-Allow-Origin \"*\" always;",
           "add_header Cache-Control \"public, max-age=31536000, immutable\" "
           "always;",
           "default_type \"text/html; charset=utf-8\";",
           "default_type \"application/json\";",
           "error_page 404 /404.html;",
           "location = /healthz {",
       })
    EXPECT_NE(conf.find(line), std::string::npos) << line;
}

// nginx has no escape for "$" in a string: "\\$" was read as a variable,
// and `nginx -t` refused a configuration for a folder such as "do$llar"
// (export.nginx_serves_the_same_bytes serves one).
TEST(export, nginx_config_writes_a_dollar_through_a_variable) {
  const std::string conf = nginx_config(site(), "/srv/do$llar");
  EXPECT_NE(conf.find("root \"/srv/do${httpstatus_dollar}llar\";"),
            std::string::npos);
  EXPECT_NE(conf.find("geo $httpstatus_dollar {\n    default \"$\";\n}"),
            std::string::npos);
}

TEST(export, headers_file_has_one_rule_per_url) {
  const std::string headers = headers_file(site());
  for (const char* rule :
       {"\n/\n  X-Content-Type-Options: nosniff\n  Content-Security-Policy: ",
        "\n/codes/*\n",
        "\n/api/*\n  X-Content-Type-Options: nosniff\n"
        "  Access-Control-Allow-Origin: *\n"
        "  Access-Control-Expose-Headers: ETag\n"
        "  Cache-Control: public, max-age=300\n",
        "\n/assets/*\n",
        // SVG under an .ico name: a host would say image/x-icon.
        "\n/favicon.ico\n  X-Content-Type-Options: nosniff\n  Cache-Control: "
        "public, max-age=300, must-revalidate\n  Content-Type: "
        "image/svg+xml\n",
        "\n/healthz\n  X-Content-Type-Options: nosniff\n  Cache-Control: "
        "no-store\n  Content-Type: text/plain; charset=utf-8\n"})
    EXPECT_NE(headers.find(rule), std::string::npos) << rule;
  // No page rule may also match the API or the assets.
  EXPECT_EQ(headers.find("\n/*\n"), std::string::npos);
  EXPECT_EQ(headers.find("\n/api/v1/codes/*\n"), std::string::npos);
  const std::string redirects = redirects_file(site());
  EXPECT_NE(redirects.find("\n/api/v1/codes/404 /api/v1/codes/404.json 200\n"),
            std::string::npos);
  EXPECT_EQ(redirects.find("openapi.json.json"), std::string::npos);
}

TEST(export, command_refuses_a_folder_that_is_not_empty) {
  const temp_dir dir;
  std::ofstream(dir.path() / "keep.txt") << "mine\n";
  httpstatus::cli::export_command cmd;
  cmd.dir = dir.path().string();
  std::ostringstream out;
  std::ostringstream err;
  EXPECT_EQ(httpstatus::cli::run_export(cmd, out, err), 2);
  EXPECT_EQ(out.str(), "");
  EXPECT_EQ(err.str(), "httpstatus: error: " + cmd.dir +
                           " is not empty; use --force to write into it "
                           "anyway\n");
  EXPECT_FALSE(fs::exists(dir.path() / "index.html"));

  cmd.force = true;
  err.str("");
  EXPECT_EQ(httpstatus::cli::run_export(cmd, out, err), 0) << err.str();
  EXPECT_EQ(err.str(), "");
  EXPECT_TRUE(out.str().starts_with("wrote ")) << out.str();
  EXPECT_TRUE(fs::is_regular_file(dir.path() / "codes/404/index.html"));
  EXPECT_EQ(read(dir.path() / "keep.txt"), "mine\n");
}

// --force replaces the files the export writes and nothing else: a
// symbolic link in the folder was written through, so a file outside the
// folder (here "precious.txt") was overwritten with robots.txt.
TEST(export, force_replaces_a_link_and_leaves_its_target_alone) {
  const temp_dir dir;
  std::ofstream(dir.path() / "precious.txt") << "mine\n";
  fs::create_directory(dir.path() / "site");
  fs::create_symlink("../precious.txt", dir.path() / "site/robots.txt");
  httpstatus::cli::export_command cmd;
  cmd.dir = (dir.path() / "site").string();
  cmd.force = true;
  std::ostringstream out;
  std::ostringstream err;
  EXPECT_EQ(httpstatus::cli::run_export(cmd, out, err), 0) << err.str();
  EXPECT_EQ(read(dir.path() / "precious.txt"), "mine\n");
  EXPECT_FALSE(fs::is_symlink(dir.path() / "site/robots.txt"));
  EXPECT_EQ(read(dir.path() / "site/robots.txt"),
            site().find("/robots.txt")->identity.bytes);
  // No temporary file is left beside any written one.
  for (const auto& entry : fs::recursive_directory_iterator(dir.path()))
    EXPECT_FALSE(entry.path().string().ends_with(".httpstatus-export"))
        << entry.path();
}

// A folder that cannot be listed is not known to be empty; it was taken
// for empty and written over. (Root lists any folder, so the case needs
// another user.)
TEST(export, command_refuses_a_folder_it_cannot_list) {
  if (::geteuid() == 0) GTEST_SKIP() << "root can list any folder";
  const temp_dir dir;
  const fs::path locked = dir.path() / "locked";
  fs::create_directory(locked);
  std::ofstream(locked / "index.html") << "mine\n";
  fs::permissions(locked, fs::perms::owner_write | fs::perms::owner_exec);
  httpstatus::cli::export_command cmd;
  cmd.dir = locked.string();
  std::ostringstream out;
  std::ostringstream err;
  const int code = httpstatus::cli::run_export(cmd, out, err);
  fs::permissions(locked, fs::perms::owner_all);
  EXPECT_EQ(code, 2);
  EXPECT_TRUE(
      err.str().starts_with("httpstatus: error: cannot list " + cmd.dir + ": "))
      << err.str();
  EXPECT_EQ(read(locked / "index.html"), "mine\n");
}

TEST(export, command_refuses_a_file) {
  const temp_dir dir;
  std::ofstream(dir.path() / "file") << "x";
  httpstatus::cli::export_command cmd;
  cmd.dir = (dir.path() / "file").string();
  std::ostringstream out;
  std::ostringstream err;
  EXPECT_EQ(httpstatus::cli::run_export(cmd, out, err), 2);
  EXPECT_EQ(err.str(), "httpstatus: error: " + cmd.dir +
                           " exists and is not a folder\n");
}

}  // namespace
