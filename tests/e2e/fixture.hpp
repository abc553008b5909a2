// SPDX-License-Identifier: MIT
// The in-process server the e2e suites share: a free port, two threads,
// stopped and joined after each test.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include "content.hpp"
#include "routes.hpp"
#include "server.hpp"

namespace httpstatus::test {

/// Starts a server on 127.0.0.1, port 0, before each test and stops it
/// after; the site is rendered once per suite (about a second of brotli).
/// Suites derive from it and add their own client helpers.
class server_fixture : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { site_ = server::render_site(); }
  static void TearDownTestSuite() { site_.reset(); }

  void SetUp() override { start(base_config()); }

  void TearDown() override {
    if (server_) {
      server_->stop();
      server_->wait();
    }
  }

  /// Returns the configuration every test starts from; its log lines are
  /// kept in `log_`.
  server::config base_config() {
    server::config cfg;
    cfg.host = "127.0.0.1";
    cfg.port = 0;
    cfg.threads = 2;
    cfg.log = [this](std::string_view line) {
      const std::lock_guard lock(log_mutex_);
      log_.emplace_back(line);
    };
    return cfg;
  }

  /// Stops the running server, if any, and starts one with `cfg`.
  void start(server::config cfg) {
    if (server_) {
      server_->stop();
      server_->wait();
    }
    server_ = std::make_unique<server::server>(std::move(cfg), site_);
    const std::error_code ec = server_->listen();
    ASSERT_FALSE(ec) << ec.message();
    port_ = server_->port();
    ASSERT_NE(port_, 0);
    server_->start();
  }

  static inline std::shared_ptr<const server::content> site_;
  std::unique_ptr<server::server> server_;
  std::uint16_t port_ = 0;
  std::mutex log_mutex_;
  std::vector<std::string> log_;
};

}  // namespace httpstatus::test
