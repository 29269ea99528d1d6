// Runs tests/support/smtp_sink.py as a child process (it dies with the test) and reads the messages it writes.
#include <utility>  // before Boost.Asio (its awaitable.hpp uses std::exchange)
//
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <boost/asio.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "support/smtp_sink.hpp"

namespace passerelles::fixture {

namespace fs = std::filesystem;

namespace {

unsigned short free_port() {
  boost::asio::io_context ioc;
  boost::asio::ip::tcp::acceptor a(ioc, {boost::asio::ip::make_address("127.0.0.1"), 0});
  return a.local_endpoint().port();
}

}  // namespace

SmtpSink::SmtpSink() {
  std::random_device rd;
  dir_ = (fs::temp_directory_path() / ("passerelles-smtp-" + std::to_string(rd()) + std::to_string(rd()))).string();
  fs::create_directories(dir_);
  port_ = free_port();
  std::string script = std::string(PASSERELLES_SOURCE_DIR) + "/tests/support/smtp_sink.py";
  std::string port = std::to_string(port_);
  pid_t parent = getpid();
  pid_ = fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    prctl(PR_SET_PDEATHSIG, SIGTERM);  // never outlive a crashed test
    if (getppid() != parent) _exit(1);
    execl("/usr/bin/python3", "python3", script.c_str(), port.c_str(), dir_.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  for (int i = 0; i < 200; ++i) {
    if (fs::exists(fs::path(dir_) / "ready")) return;
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      throw std::runtime_error("the SMTP sink exited at start (is python3-aiosmtpd installed?)");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  throw std::runtime_error("the SMTP sink did not start within 10 s");
}

SmtpSink::~SmtpSink() {
  if (pid_ > 0) {
    kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
  }
  std::error_code ec;
  fs::remove_all(dir_, ec);
}

std::string SmtpSink::url() const {
  return "smtp://127.0.0.1:" + std::to_string(port_);
}

std::vector<std::string> SmtpSink::messages() const {
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir_))
    if (e.path().extension() == ".eml") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  std::vector<std::string> out;
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    out.push_back(s.str());
  }
  return out;
}

std::vector<std::string> SmtpSink::wait_for(std::size_t count, int seconds) const {
  auto until = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  for (;;) {
    auto m = messages();
    if (m.size() >= count || std::chrono::steady_clock::now() > until) return m;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

}  // namespace passerelles::fixture
