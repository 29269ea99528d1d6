// A text dump of the network's tables, to prove that a request changed nothing.
#pragma once
#include <string>
#include <vector>

#include "store/store.hpp"

namespace passerelles::fixture {

// Every row of every table except those that legitimately change on any request (sessions, audit_log,
// api_tokens' last use, users' login counters), ordered, one line per row.
std::string snapshot(store::Store& s);

}  // namespace passerelles::fixture
