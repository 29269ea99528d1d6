// Declarations of the page handlers; each lives in its own file named <noun>_<verb>.cpp.
#pragma once
#include "web/app.hpp"

namespace passerelles::web {

http::Response home_show(Ctx& c);
http::Response health_show(Ctx& c);
http::Response session_new(Ctx& c);
http::Response session_create(Ctx& c);
http::Response session_delete(Ctx& c);
http::Response dashboard_show(Ctx& c);

}  // namespace passerelles::web
