// SPDX-License-Identifier: MIT
// Lookup, parse and search costs; goals: <= 5 ns, <= 100 ns, <= 20 us.
#include <benchmark/benchmark.h>

#include "httpstatus/httpstatus.hpp"

namespace {

// The codes cycle so the branch predictor cannot learn one answer.
constexpr int codes[] = {404, 200, 503, 301, 418, 299, 100, 451};

void find_by_code(benchmark::State& state) {
  std::size_t i = 0;
  for (auto _ : state) {
    int code = codes[i++ % std::size(codes)];
    benchmark::DoNotOptimize(code);
    auto s = httpstatus::find(code);
    benchmark::DoNotOptimize(s ? s->reason.size() : 0);
  }
}
BENCHMARK(find_by_code);

void parse_name(benchmark::State& state) {
  constexpr std::string_view names[] = {"Not Found", "not_found",
                                        "Service Unavailable",
                                        "Request Entity Too Large"};
  std::size_t i = 0;
  for (auto _ : state) {
    std::string_view name = names[i++ % std::size(names)];
    benchmark::DoNotOptimize(name);
    benchmark::DoNotOptimize(httpstatus::find_by_name(name));
  }
}
BENCHMARK(parse_name);

// "Did you mean": misspelled names, each compared with every name of the
// registry (the unknown one too, where nothing is near).
void suggest_name(benchmark::State& state) {
  constexpr std::string_view names[] = {"not fond", "Unauthorised",
                                        "Service Unavailible",
                                        "no such name anywhere"};
  std::size_t i = 0;
  for (auto _ : state) {
    std::string_view name = names[i++ % std::size(names)];
    benchmark::DoNotOptimize(name);
    benchmark::DoNotOptimize(httpstatus::suggest_by_name(name));
  }
}
BENCHMARK(suggest_name);

void parse_code_text(benchmark::State& state) {
  std::string_view text = "404";
  for (auto _ : state) {
    benchmark::DoNotOptimize(text);
    benchmark::DoNotOptimize(httpstatus::parse_code(text));
  }
}
BENCHMARK(parse_code_text);

void search_registry(benchmark::State& state) {
  std::string_view query = "redirect";
  for (auto _ : state) {
    benchmark::DoNotOptimize(query);
    auto results = httpstatus::search(query);
    benchmark::DoNotOptimize(results.size);
  }
}
BENCHMARK(search_registry);

// The worst case: two words, both tables, a word that matches nothing
// early, so every field of every record is scanned.
void search_everything(benchmark::State& state) {
  std::string_view query = "request zzzz";
  for (auto _ : state) {
    benchmark::DoNotOptimize(query);
    auto results = httpstatus::search(query, httpstatus::search_scope::with_unofficial);
    benchmark::DoNotOptimize(results.size);
  }
}
BENCHMARK(search_everything);

}  // namespace

BENCHMARK_MAIN();
