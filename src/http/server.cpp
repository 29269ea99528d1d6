// Beast server: one coroutine per connection on the network threads; handlers run on a worker pool.
#include "http/server.hpp"

#include <utility>  // before Asio's awaitable.hpp (it uses std::exchange)
//
#include <spdlog/spdlog.h>
#include <zlib.h>

#include <array>
#include <boost/asio.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <random>
#include <thread>

namespace passerelles::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using asio::awaitable;
using asio::use_awaitable;

std::string gzip(std::string_view data) {
  z_stream zs{};
  if (deflateInit2(&zs, Z_BEST_SPEED + 5, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    throw std::runtime_error("deflateInit2 failed");
  std::string out;
  out.resize(deflateBound(&zs, data.size()) + 32);
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  int rc = deflate(&zs, Z_FINISH);
  deflateEnd(&zs);
  if (rc != Z_STREAM_END) throw std::runtime_error("gzip failed");
  out.resize(zs.total_out);
  return out;
}

namespace {

// Upload routes (portrait photos and videos) accept bodies up to ServerOptions::upload_limit.
bool is_upload_target(std::string_view target) {
  std::string_view path = target.substr(0, target.find('?'));
  return path.ends_with("/photo") || path.ends_with("/video");
}

// The defaults of add_security_headers, in the order they are added.
constexpr std::pair<std::string_view, std::string_view> security_headers[] = {
    {"Content-Security-Policy",
     "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; "
     "media-src 'self' https:; frame-src https:; object-src 'none'; base-uri 'self'; "
     "form-action 'self'; frame-ancestors 'none'"},
    {"X-Content-Type-Options", "nosniff"},
    {"Referrer-Policy", "strict-origin-when-cross-origin"},
    {"X-Frame-Options", "DENY"},  // not when the handler sets Content-Security-Policy-Embed
    {"Cache-Control", "no-store"},
    {"Permissions-Policy", "camera=(), microphone=(), geolocation=()"},
};

// Calls add(name, value) for each default header that has(name) does not find.
template <class Has, class Add>
void for_missing_security_headers(const Has& has, const Add& add) {
  for (const auto& [name, value] : security_headers) {
    if (has(name)) continue;
    if (name == "X-Frame-Options" && has("Content-Security-Policy-Embed")) continue;
    add(name, value);
  }
}

}  // namespace

void add_security_headers(Response& res) {
  for_missing_security_headers(
      [&](std::string_view name) {
        for (const auto& [k, v] : res.headers)
          if (beast::iequals(k, name)) return true;
        return false;
      },
      [&](std::string_view name, std::string_view value) { res.header(std::string(name), std::string(value)); });
}

struct Server::Impl {
  ServerOptions opts;
  std::function<Response(Request&)> handler;
  asio::io_context ioc;
  asio::thread_pool workers;
  tcp::acceptor acceptor;
  asio::signal_set signals;
  std::atomic<bool> stopping{false};
  std::atomic<int> in_flight{0};
  std::atomic<unsigned long long> next_id{0};
  std::string id_prefix;

  Impl(ServerOptions o, std::function<Response(Request&)> h)
      : opts(std::move(o)),
        handler(std::move(h)),
        ioc(std::max(1, opts.io_threads)),
        workers(static_cast<std::size_t>(std::max(1, opts.worker_threads))),
        acceptor(ioc),
        signals(ioc, SIGINT, SIGTERM) {
    std::random_device rd;
    static const char* digits = "0123456789abcdefghijklmnopqrstuvwxyz";
    for (int i = 0; i < 6; ++i) id_prefix += digits[rd() % 36];
  }

  std::string new_request_id() { return id_prefix + "-" + std::to_string(++next_id); }

  awaitable<void> accept_loop() {
    for (;;) {
      beast::error_code ec;
      tcp::socket socket = co_await acceptor.async_accept(asio::redirect_error(use_awaitable, ec));
      if (ec) {
        if (stopping || ec == asio::error::operation_aborted) co_return;
        spdlog::warn("accept: {}", ec.message());
        continue;
      }
      socket.set_option(tcp::no_delay(true));
      auto executor = socket.get_executor();  // before the move: argument order is unspecified
      asio::co_spawn(executor, session(beast::tcp_stream(std::move(socket))), asio::detached);
    }
  }

  Response run_handler(Request& req) {
    try {
      return handler(req);
    } catch (const std::exception& e) {
      spdlog::error("request {} {} {} failed: {}", req.request_id, req.method, req.target, e.what());
    } catch (...) {
      spdlog::error("request {} {} {} failed with an unknown exception", req.request_id, req.method, req.target);
    }
    return Response::html(
        "<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Erreur interne</title></head>"
        "<body><main><h1>Erreur interne</h1><p>Une erreur inattendue s’est produite. Rien de ce que vous aviez "
        "enregistré n’est perdu. Référence de la requête : " +
            req.request_id + "</p></main></body></html>",
        500);
  }

  // 413, in French, with the limit in megabytes (uploads are refused here before any handler sees them).
  static Response too_large(std::size_t limit) {
    return simple_error(413, "Payload Too Large — fichier ou formulaire trop volumineux : la limite est de " +
                                 std::to_string(limit / (1024 * 1024)) + " Mo.");
  }

  static Response simple_error(int status, const std::string& message) {
    Response r = Response::text(message + "\n", status);
    return r;
  }

  template <class Stream>
  awaitable<void> write_response(Stream& stream, const Request& req, Response res, bool keep_alive, bool head) {
    bhttp::response<bhttp::empty_body> out{static_cast<bhttp::status>(res.status), 11};
    out.set(bhttp::field::server, "Passerelles");
    out.set(bhttp::field::content_type, res.content_type);
    if (!req.request_id.empty()) out.set("X-Request-Id", req.request_id);
    bool vary_encoding = false;
    for (const auto& [k, v] : res.headers) {
      out.insert(k, v);
      if (beast::iequals(k, "Vary")) vary_encoding = true;
    }
    // As add_security_headers(res), straight into the message (no copies through res.headers).
    for_missing_security_headers([&](std::string_view name) { return out.find(name) != out.end(); },
                                 [&](std::string_view name, std::string_view value) { out.insert(name, value); });
    if (res.compressible && res.body.size() > 860 && req.accepts_gzip() &&
        (res.content_type.rfind("text/", 0) == 0 || res.content_type.rfind("application/json", 0) == 0 ||
         res.content_type.rfind("image/svg", 0) == 0 || res.content_type.rfind("application/javascript", 0) == 0)) {
      res.body = gzip(res.body);
      out.set(bhttp::field::content_encoding, "gzip");
      if (!vary_encoding) out.set(bhttp::field::vary, "Accept-Encoding");
    }
    out.keep_alive(keep_alive);
    out.content_length(res.body.size());
    // The status line and fields as one buffer, as Beast's serializer writes them (which would hand the socket
    // one buffer per field), then the body: one gathered write.
    std::string fields;
    fields.reserve(1024);
    fields += "HTTP/1.1 ";
    fields += std::to_string(out.result_int());
    fields += ' ';
    fields += out.reason();
    fields += "\r\n";
    for (const auto& f : out) {
      fields += f.name_string();
      fields += ": ";
      fields += f.value();
      fields += "\r\n";
    }
    fields += "\r\n";
    std::array<asio::const_buffer, 2> buffers{asio::buffer(fields), asio::buffer(res.body)};
    if (head) buffers[1] = {};
    co_await asio::async_write(stream, buffers, use_awaitable);
  }

  awaitable<void> session(beast::tcp_stream stream) {
    beast::flat_buffer buffer;
    std::string remote;
    {
      beast::error_code ec;
      auto ep = stream.socket().remote_endpoint(ec);
      if (!ec) remote = ep.address().to_string();
    }
    try {
      for (;;) {
        if (stopping) break;
        stream.expires_after(std::chrono::seconds(opts.read_timeout_seconds));
        bhttp::request_parser<bhttp::string_body> parser;
        parser.header_limit(static_cast<std::uint32_t>(opts.header_limit));
        parser.body_limit(std::max(opts.body_limit, opts.upload_limit));
        beast::error_code ec;
        co_await bhttp::async_read_header(stream, buffer, parser, asio::redirect_error(use_awaitable, ec));
        if (ec == bhttp::error::end_of_stream || ec == asio::error::eof || ec == beast::error::timeout ||
            ec == asio::error::connection_reset || ec == asio::error::operation_aborted)
          break;
        Request early;
        early.request_id = new_request_id();
        if (ec == bhttp::error::header_limit) {
          co_await write_response(stream, early, simple_error(431, "Request Header Fields Too Large"), false, false);
          break;
        }
        if (ec == bhttp::error::body_limit) {  // Content-Length already over the limit
          co_await write_response(stream, early, too_large(std::max(opts.body_limit, opts.upload_limit)), false, false);
          break;
        }
        if (ec) {
          co_await write_response(stream, early, simple_error(400, "Bad Request"), false, false);
          break;
        }
        auto& hdr = parser.get();
        const bool upload = is_upload_target(hdr.target());
        const std::size_t limit = upload ? std::max(opts.body_limit, opts.upload_limit) : opts.body_limit;
        parser.body_limit(limit);
        if (upload) stream.expires_after(std::chrono::seconds(10 * opts.read_timeout_seconds));
        if (hdr.has_content_length() && parser.content_length() && *parser.content_length() > limit) {
          co_await write_response(stream, early, too_large(limit), false, false);
          break;
        }
        if (beast::iequals(hdr[bhttp::field::expect], "100-continue")) {
          bhttp::response<bhttp::empty_body> cont{bhttp::status::continue_, 11};
          co_await bhttp::async_write(stream, cont, use_awaitable);
        }
        if (!parser.is_done()) {
          co_await bhttp::async_read(stream, buffer, parser, asio::redirect_error(use_awaitable, ec));
          if (ec == bhttp::error::body_limit) {
            co_await write_response(stream, early, too_large(limit), false, false);
            break;
          }
          if (ec == beast::error::timeout || ec == asio::error::eof || ec == bhttp::error::end_of_stream) break;
          if (ec) {
            co_await write_response(stream, early, simple_error(400, "Bad Request"), false, false);
            break;
          }
        }
        stream.expires_never();
        auto msg = parser.release();
        ++in_flight;
        auto started = std::chrono::steady_clock::now();
        Request req;
        req.request_id = early.request_id;
        req.method = std::string(msg.method_string());
        req.target = std::string(msg.target());
        auto q = req.target.find('?');
        req.path = url_decode(req.target.substr(0, q), false);
        if (q != std::string::npos) req.query_string = req.target.substr(q + 1);
        for (const auto& f : msg) {
          std::string name(f.name_string());
          for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
          req.headers.emplace_back(std::move(name), std::string(f.value()));
        }
        req.body = std::move(msg.body());
        req.remote_addr = remote;
        if (opts.trust_proxy) {
          std::string xff = req.header("x-forwarded-for");
          if (!xff.empty()) req.remote_addr = xff.substr(0, xff.find(','));
          req.secure = req.header("x-forwarded-proto") == "https";
          std::string rid = req.header("x-request-id");
          if (!rid.empty() && rid.size() < 64) req.request_id = rid;
        }
        bool keep_alive = msg.keep_alive() && !stopping;
        bool head = req.method == "HEAD";
        // Hand the request to the worker pool and resume here with its response.
        Response res = co_await asio::co_spawn(
            workers, [this, &req]() -> awaitable<Response> { co_return run_handler(req); }, use_awaitable);
        keep_alive = keep_alive && !stopping;
        int status = res.status;
        co_await write_response(stream, req, std::move(res), keep_alive, head);
        --in_flight;
        if (opts.access_log) {
          auto us =
              std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started).count();
          // Anonymous survey answers (/q/…) are logged without the address: nothing links an answer to a device.
          bool survey = req.path.rfind("/q/", 0) == 0;
          spdlog::info("{} {} {} {} {:.1f}ms {}", req.request_id, req.method, req.target, status,
                       static_cast<double>(us) / 1000.0, survey ? std::string("-") : req.remote_addr);
        }
        if (!keep_alive) break;
      }
    } catch (const std::exception& e) {
      spdlog::debug("connection closed: {}", e.what());
    }
    beast::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
  }

  void begin_shutdown() {
    if (stopping.exchange(true)) return;
    spdlog::info("shutting down: no new connections, waiting for {} in-flight request(s)", in_flight.load());
    beast::error_code ec;
    acceptor.close(ec);
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(opts.shutdown_grace_seconds);
    asio::co_spawn(
        ioc,
        [this, deadline]() -> awaitable<void> {
          asio::steady_timer t(ioc);
          while (in_flight > 0 && std::chrono::steady_clock::now() < deadline) {
            t.expires_after(std::chrono::milliseconds(20));
            co_await t.async_wait(use_awaitable);
          }
          ioc.stop();
        },
        asio::detached);
  }
};

Server::Server(ServerOptions opts, std::function<Response(Request&)> handler)
    : impl_(std::make_unique<Impl>(std::move(opts), std::move(handler))) {}

Server::~Server() {
  impl_->workers.join();
}

void Server::bind() {
  auto& a = impl_->acceptor;
  tcp::endpoint ep(asio::ip::make_address(impl_->opts.host), impl_->opts.port);
  a.open(ep.protocol());
  a.set_option(tcp::acceptor::reuse_address(true));
  beast::error_code ec;
  a.bind(ep, ec);
  if (ec)
    throw std::runtime_error("cannot listen on " + impl_->opts.host + ":" + std::to_string(impl_->opts.port) + ": " +
                             ec.message());
  a.listen(asio::socket_base::max_listen_connections);
}

unsigned short Server::port() const {
  return impl_->acceptor.local_endpoint().port();
}

void Server::run() {
  if (!impl_->acceptor.is_open()) bind();
  impl_->signals.async_wait([this](const beast::error_code& ec, int) {
    if (!ec) impl_->begin_shutdown();
  });
  asio::co_spawn(impl_->ioc, impl_->accept_loop(), asio::detached);
  std::vector<std::thread> extra;
  for (int i = 1; i < impl_->opts.io_threads; ++i) extra.emplace_back([this] { impl_->ioc.run(); });
  impl_->ioc.run();
  for (auto& t : extra) t.join();
  impl_->workers.join();
  spdlog::info("server stopped");
}

void Server::stop() {
  asio::post(impl_->ioc, [this] { impl_->begin_shutdown(); });
}

}  // namespace passerelles::http
