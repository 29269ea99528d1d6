// Outgoing e-mail over SMTP (libcurl): plain-text UTF-8 messages, with an optional HTML alternative.
#pragma once
#include <string>
#include <utility>
#include <vector>

namespace passerelles::mail {

struct Message {
  std::string to;
  std::string subject;
  std::string text;
  std::string html;  // when set, sent as multipart/alternative with `text` first
  // Extra headers (e.g. List-Unsubscribe); a name or value holding a line break is dropped.
  std::vector<std::pair<std::string, std::string>> headers;
  // An iCalendar invitation (RFC 5545 text with METHOD:REQUEST or CANCEL), attached as invitation.ics
  // (text/calendar; method=…) next to the text: the message becomes multipart/mixed.
  std::string calendar;
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
