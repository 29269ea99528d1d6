// A real SMTP server for tests: tests/support/smtp_sink.py (aiosmtpd) on a free port, storing each message.
#pragma once
#include <sys/types.h>

#include <string>
#include <vector>

namespace passerelles::fixture {

class SmtpSink {
 public:
  // Starts the sink and waits until it listens; throws when it cannot (python3-aiosmtpd missing…).
  SmtpSink();
  ~SmtpSink();
  SmtpSink(const SmtpSink&) = delete;
  SmtpSink& operator=(const SmtpSink&) = delete;

  // "smtp://127.0.0.1:<port>", for config::Config::smtp_url.
  std::string url() const;
  // Every message received so far, raw (an "X-Envelope-To:" line, then headers and body), oldest first.
  std::vector<std::string> messages() const;
  // Waits up to `seconds` until at least `count` messages arrived; returns them all.
  std::vector<std::string> wait_for(std::size_t count, int seconds = 10) const;

 private:
  std::string dir_;
  unsigned short port_ = 0;
  pid_t pid_ = -1;
};

// The raw messages sent to `address` (the sink writes the envelope first: "X-Envelope-To: <address>").
inline std::vector<std::string> messages_to(const std::vector<std::string>& messages, const std::string& address) {
  std::vector<std::string> out;
  for (const auto& m : messages)
    if (m.find("X-Envelope-To: " + address) != std::string::npos) out.push_back(m);
  return out;
}

inline bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace passerelles::fixture
