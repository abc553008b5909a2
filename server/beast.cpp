// SPDX-License-Identifier: MIT
// Asio and Beast compiled once, here, instead of in every file that
// includes them (separate compilation: see BOOST_*_SEPARATE_COMPILATION in
// CMakeLists.txt).
#include <boost/asio/impl/src.hpp>
#include <boost/beast/src.hpp>
