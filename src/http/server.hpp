// HTTP/1.1 server on Boost.Beast: keep-alive, limits, timeouts, security headers, gzip, graceful shutdown.
#pragma once
#include <atomic>
#include <functional>
#include <memory>
#include <string>

#include "http/message.hpp"

namespace passerelles::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  unsigned short port = 8080;  // 0: pick a free port (see Server::port)
  int io_threads = 1;
  int worker_threads = 4;  // handlers (and so database work) run here, never on the network threads
  std::size_t body_limit = std::size_t{10} * 1024 * 1024;
  std::size_t header_limit = std::size_t{16} * 1024;
  // Uploads (a path ending in /photo or /video: portraits' photos and MP4 videos) may be larger, so that the
  // handler can refuse an oversized photo with a message next to the field; they get 10 times the read timeout.
  std::size_t upload_limit = std::size_t{100} * 1024 * 1024;
  int read_timeout_seconds = 30;
  int shutdown_grace_seconds = 10;
  bool access_log = true;
  bool trust_proxy = false;
};

class Server {
 public:
  // `handler` must not throw for expected failures; an exception becomes a 500 page with the request id.
  Server(ServerOptions opts, std::function<Response(Request&)> handler);
  ~Server();

  // Binds the socket (throws with a clear message if the address is taken).
  void bind();
  unsigned short port() const;
  // Serves until SIGTERM/SIGINT or stop(); then stops accepting, lets in-flight requests finish (up to the
  // grace period) and returns.
  void run();
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// gzip-compresses `data` (RFC 1952). Used for dynamic responses and for static assets at start-up.
std::string gzip(std::string_view data);

// The headers every response carries unless the handler set its own value.
void add_security_headers(Response& res);

}  // namespace passerelles::http
