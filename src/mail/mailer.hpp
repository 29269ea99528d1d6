// Outgoing e-mail over SMTP (libcurl): plain-text UTF-8 messages.
#pragma once
#include <string>

namespace passerelles::mail {

struct Message {
  std::string to;
  std::string subject;
  std::string text;
};

class Mailer {
 public:
  Mailer(std::string smtp_url, std::string user, std::string password, std::string from);
  // Sends now; returns "" on success or an English error for the log (the caller decides what the user sees).
  std::string send(const Message& m) const;
  const std::string& from() const { return from_; }

 private:
  std::string url_, user_, password_, from_;
};

// RFC 2047 encoded-word for a UTF-8 header value (only when it is not plain ASCII).
std::string encode_header(const std::string& value);

}  // namespace passerelles::mail
