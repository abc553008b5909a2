// SPDX-License-Identifier: MIT
// The server as a whole: its configuration, an io_context per thread,
// signals and graceful stop.
#include "server.hpp"

#include <algorithm>
#include <atomic>
#include <csignal>
#include <exception>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>

#include "content.hpp"
#include "listener.hpp"
#include "log.hpp"
#include "metrics.hpp"
#include "router.hpp"
#include "routes.hpp"
#include "session.hpp"

namespace httpstatus::server {
namespace net = boost::asio;
using tcp = boost::asio::ip::tcp;

unsigned thread_count(const config& cfg) noexcept {
  if (cfg.threads > 0) return cfg.threads;
  return std::max(1U, std::thread::hardware_concurrency());
}

std::string base_url(std::string_view host, std::uint16_t port) {
  if (host.find(':') != std::string_view::npos)
    return fmt::format("http://[{}]:{}", host, port);
  return fmt::format("http://{}:{}", host, port);
}

// One io_context per thread, each run by exactly one thread, rather than
// one io_context shared by all: a connection then lives on one thread from
// accept to close, its handlers never hop between threads, and no
// scheduler lock or strand is shared by threads that serve different
// connections (issue #5: with one shared io_context, a second thread cost
// as much as it gained). Each io_context is its sessions' strand: one
// thread runs it, so their handlers never run concurrently. The listener
// hands connections to the io_contexts in turn.
//
// Member order is destruction order, reversed, and it matters: the
// io_contexts go before the router, the session set and the site, because
// destroying one destroys the sessions still queued in it, which use them.
// The first io_context, which holds the pending accept (whose new socket
// may belong to another), goes first, and the signal set and the timer on
// it before that; `~impl` sees to both.
struct server::impl {
  impl(config c, std::shared_ptr<const content> s)
      : cfg(std::move(c)),
        log(cfg.log ? logger(cfg.log) : logger(log_to_stderr)),
        limits{cfg.timeout,        cfg.header_limit,   cfg.body_limit,
               cfg.pipeline_limit, cfg.header_timeout, cfg.idle_timeout,
               cfg.max_connections},
        stats(cfg.metrics ? std::make_unique<metrics>(thread_count(cfg))
                          : nullptr),
        observers{stats.get(), cfg.access_log},
        site(std::move(s)),
        contexts(make_contexts(thread_count(cfg))),
        control(contexts.front()->get_executor()),
        signals(std::in_place, control),
        deadline(std::in_place, control) {
    for (const std::unique_ptr<net::io_context>& ioc : contexts)
      keep_running.emplace_back(ioc->get_executor());
  }

  ~impl() {
    sessions.cancel_on_empty();
    signals.reset();
    deadline.reset();
    accept.reset();
    keep_running.clear();
    for (std::unique_ptr<net::io_context>& ioc : contexts) ioc.reset();
  }

  impl(const impl&) = delete;
  impl& operator=(const impl&) = delete;

  static std::vector<std::unique_ptr<net::io_context>> make_contexts(
      unsigned n) {
    std::vector<std::unique_ptr<net::io_context>> list;
    // Hint 1: one thread runs each, so Asio may skip some locking.
    for (unsigned i = 0; i < n; ++i)
      list.push_back(std::make_unique<net::io_context>(1));
    return list;
  }

  void request_stop();
  void begin_stop();
  void arm_signals();
  void stop_all() noexcept;
  void run_loop(net::io_context& ioc);

  config cfg;
  logger log;
  session_limits limits;
  std::unique_ptr<metrics> stats;  ///< null with `metrics` off
  session_observers observers;
  std::shared_ptr<const content> site;
  std::optional<router> routes;
  session_set sessions;
  std::vector<std::unique_ptr<net::io_context>> contexts;
  /// Keeps each io_context running while it has no connection, until the
  /// graceful stop has closed the last one.
  std::vector<net::executor_work_guard<net::io_context::executor_type>>
      keep_running;
  // Stop, signals and the deadline run on the first io_context, whose one
  // thread keeps them from racing one another.
  net::io_context::executor_type control;
  std::optional<net::signal_set> signals;
  std::optional<net::steady_timer> deadline;
  std::shared_ptr<listener> accept;
  std::vector<std::thread> threads;
  std::atomic<bool> stopping{false};
  std::uint16_t port = 0;
};

void server::impl::request_stop() {
  if (stopping.exchange(true)) return;
  net::post(control, [this] { begin_stop(); });
}

// Graceful stop, in order: no new connections; each session finishes what
// it owes and closes; when the last one has gone, the signal wait and the
// deadline are cancelled and io_context::run() runs out of work. If the
// deadline comes first, the io_context is stopped with sessions still
// open.
void server::impl::begin_stop() {
  if (accept) accept->stop();
  deadline->expires_after(cfg.shutdown_grace);
  deadline->async_wait([this](boost::system::error_code ec) {
    if (ec) return;
    log(fmt::format("stop: closing {} connections still open after {} ms",
                    sessions.size(), cfg.shutdown_grace.count()));
    sessions.cancel_on_empty();
    stop_all();
  });
  sessions.shutdown([this] {
    net::post(control, [this] {
      deadline->cancel();
      boost::system::error_code ignored;
      signals->cancel(ignored);
      keep_running.clear();
    });
  });
}

void server::impl::arm_signals() {
  signals->async_wait([this](boost::system::error_code ec, int) {
    if (ec) return;
    if (stopping) {
      log("second signal: stopping now");
      stop_all();
      return;
    }
    request_stop();
    arm_signals();
  });
}

// Handlers never throw (the router's boundary sees to that), but if one
// ever did, unwinding out of the thread would terminate the process
// without a word; log it and stop the server instead.
void server::impl::run_loop(net::io_context& ioc) {
  try {
    ioc.run();
  } catch (const std::exception& e) {
    log(fmt::format("fatal: {}", e.what()));
    stop_all();
  }
}

void server::impl::stop_all() noexcept {
  for (const std::unique_ptr<net::io_context>& ioc : contexts) ioc->stop();
}

server::server(config cfg) : server(std::move(cfg), nullptr) {}

server::server(config cfg, std::shared_ptr<const content> site)
    : impl_(std::make_unique<impl>(std::move(cfg), std::move(site))) {}

server::~server() {
  stop();
  wait();
}

std::error_code server::listen() {
  impl& d = *impl_;
  boost::system::error_code ec;
  tcp::resolver resolver(*d.contexts.front());
  const auto results = resolver.resolve(
      d.cfg.host, std::to_string(d.cfg.port),
      tcp::resolver::passive | tcp::resolver::numeric_service, ec);
  if (ec) return ec;
  if (results.empty())
    return std::make_error_code(std::errc::address_not_available);
  const tcp::endpoint endpoint = results.begin()->endpoint();

  tcp::acceptor acceptor(*d.contexts.front());
  acceptor.open(endpoint.protocol(), ec);
  if (ec) return ec;
  // Lets a restarted server bind while old connections sit in TIME_WAIT;
  // on Linux it never lets two servers listen on one port.
  acceptor.set_option(net::socket_base::reuse_address(true), ec);
  if (ec) return ec;
  acceptor.bind(endpoint, ec);
  if (ec) return ec;
  acceptor.listen(net::socket_base::max_listen_connections, ec);
  if (ec) return ec;
  d.port = acceptor.local_endpoint(ec).port();
  if (ec) return ec;

  // Bind first, render second: a port in use should fail at once, not
  // after rendering (milliseconds with the build's compressed variants, a
  // second without them).
  if (!d.site) d.site = render_site(d.cfg.precompressed);
  handlers::mock_config mock;
  mock.sequences.max_keys = d.cfg.max_sequences;
  mock.spec.max_sleep = d.cfg.max_sleep;
  mock.max_sleeping = d.cfg.max_sleeping;
  d.routes.emplace(make_router(*d.site, d.log, mock, d.stats.get()));
  d.accept =
      std::make_shared<listener>(d.contexts, std::move(acceptor), *d.routes,
                                 d.limits, d.sessions, d.log, d.observers);
  d.accept->run();
  return {};
}

std::uint16_t server::port() const noexcept { return impl_->port; }

void server::handle_signals() {
  impl_->signals->add(SIGINT);
  impl_->signals->add(SIGTERM);
  impl_->arm_signals();
}

void server::run() {
  impl& d = *impl_;
  for (std::size_t i = 1; i < d.contexts.size(); ++i)
    d.threads.emplace_back([&d, i] { d.run_loop(*d.contexts[i]); });
  d.run_loop(*d.contexts.front());
  wait();
}

void server::start() {
  impl& d = *impl_;
  for (std::size_t i = 0; i < d.contexts.size(); ++i)
    d.threads.emplace_back([&d, i] { d.run_loop(*d.contexts[i]); });
}

void server::stop() { impl_->request_stop(); }

void server::wait() {
  for (std::thread& t : impl_->threads)
    if (t.joinable()) t.join();
  impl_->threads.clear();
}

}  // namespace httpstatus::server
