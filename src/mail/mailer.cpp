// SMTP delivery with libcurl; builds an RFC 5322 message with a UTF-8 text body (and an HTML alternative, and an
// iCalendar attachment).
#include "mail/mailer.hpp"

#include <curl/curl.h>
#include <sodium.h>

#include <cctype>
#include <chrono>
#include <cstring>
#include <ctime>

namespace passerelles::mail {

namespace {

struct Upload {
  std::string data;
  std::size_t pos = 0;
};

std::size_t read_cb(char* buf, std::size_t size, std::size_t n, void* userp) {
  auto* u = static_cast<Upload*>(userp);
  std::size_t room = size * n;
  std::size_t left = u->data.size() - u->pos;
  std::size_t k = left < room ? left : room;
  std::memcpy(buf, u->data.data() + u->pos, k);
  u->pos += k;
  return k;
}

std::string address_of(const std::string& from) {
  auto lt = from.find('<');
  auto gt = from.find('>');
  if (lt != std::string::npos && gt != std::string::npos && gt > lt) return from.substr(lt + 1, gt - lt - 1);
  return from;
}

std::string base64(const std::string& s) {
  std::string out(sodium_base64_ENCODED_LEN(s.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(s.data()), s.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.find('\0'));
  return out;
}

// base64 in lines of 76 characters, each ended by CRLF (RFC 2045).
std::string base64_lines(const std::string& s) {
  std::string b = base64(s), out;
  for (std::size_t i = 0; i < b.size(); i += 76) out += b.substr(i, 76) + "\r\n";
  return out;
}

// The METHOD property of an iCalendar text (REQUEST, CANCEL…), "" when absent or not a plain word.
std::string calendar_method(const std::string& ics) {
  auto at = ics.find("\nMETHOD:");
  if (at == std::string::npos) return "";
  std::string method;
  for (std::size_t i = at + 8; i < ics.size() && std::isupper(static_cast<unsigned char>(ics[i])); ++i)
    method += ics[i];
  return method;
}

}  // namespace

std::string encode_header(const std::string& value) {
  bool ascii = true;
  for (unsigned char c : value)
    if (c >= 0x80 || c == '\r' || c == '\n') ascii = false;
  if (ascii) return value;
  return "=?UTF-8?B?" + base64(value) + "?=";
}

Mailer::Mailer(std::string smtp_url, std::string user, std::string password, std::string from)
    : url_(std::move(smtp_url)), user_(std::move(user)), password_(std::move(password)), from_(std::move(from)) {}

std::string Mailer::send(const Message& m) const {
  if (m.to.find_first_of("\r\n<>,") != std::string::npos) return "invalid recipient";
  CURL* curl = curl_easy_init();
  if (!curl) return "curl_easy_init failed";
  char date[64];
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  std::strftime(date, sizeof date, "%a, %d %b %Y %H:%M:%S +0000", &tm);
  std::string from_addr = address_of(from_);
  std::string domain = from_addr.substr(from_addr.find('@') + 1);
  unsigned char rnd[12];
  randombytes_buf(rnd, sizeof rnd);
  char hex[25];
  sodium_bin2hex(hex, sizeof hex, rnd, sizeof rnd);
  // Normalise line endings to CRLF; dot-stuffing is done by libcurl.
  auto crlf = [](const std::string& body) {
    std::string out;
    for (std::size_t i = 0; i < body.size(); ++i) {
      if (body[i] == '\n' && (i == 0 || body[i - 1] != '\r')) out += '\r';
      out += body[i];
    }
    return out;
  };
  std::string extra;
  for (const auto& [name, value] : m.headers)
    if ((name + value).find_first_of("\r\n") == std::string::npos && !name.empty())
      extra += name + ": " + value + "\r\n";
  const std::string text_type = "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n";
  std::string content;
  if (m.html.empty()) {
    content = text_type + "\r\n" + crlf(m.text) + "\r\n";
  } else {
    std::string boundary = std::string("=_passerelles_") + hex;
    content = "Content-Type: multipart/alternative; boundary=\"" + boundary + "\"\r\n\r\n--" + boundary + "\r\n" +
              text_type + "\r\n" + crlf(m.text) + "\r\n--" + boundary +
              "\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + crlf(m.html) +
              "\r\n--" + boundary + "--\r\n";
  }
  if (!m.calendar.empty()) {
    // multipart/mixed: the body above, then the invitation (base64, so that its CRLF line ends arrive intact).
    std::string boundary = std::string("=_passerelles_mixed_") + hex;
    std::string method = calendar_method(m.calendar);
    content = "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n\r\n--" + boundary + "\r\n" + content +
              "\r\n--" + boundary + "\r\nContent-Type: text/calendar; charset=UTF-8" +
              (method.empty() ? std::string() : "; method=" + method) +
              "; name=\"invitation.ics\"\r\nContent-Disposition: attachment; filename=\"invitation.ics\"\r\n"
              "Content-Transfer-Encoding: base64\r\n\r\n" +
              base64_lines(m.calendar) + "--" + boundary + "--\r\n";
  }
  Upload up;
  up.data = "Date: " + std::string(date) + "\r\nFrom: " + from_ + "\r\nTo: " + m.to +
            "\r\nSubject: " + encode_header(m.subject) + "\r\nMessage-ID: <" + hex + "@" + domain +
            ">\r\nMIME-Version: 1.0\r\n" + extra + content;
  curl_slist* rcpt = curl_slist_append(nullptr, ("<" + m.to + ">").c_str());
  curl_easy_setopt(curl, CURLOPT_URL, url_.c_str());
  if (!user_.empty()) {
    curl_easy_setopt(curl, CURLOPT_USERNAME, user_.c_str());
    curl_easy_setopt(curl, CURLOPT_PASSWORD, password_.c_str());
  }
  curl_easy_setopt(curl, CURLOPT_MAIL_FROM, ("<" + from_addr + ">").c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, rcpt);
  curl_easy_setopt(curl, CURLOPT_READFUNCTION, read_cb);
  curl_easy_setopt(curl, CURLOPT_READDATA, &up);
  curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, 20L);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  if (url_.rfind("smtp://", 0) == 0 && !user_.empty()) curl_easy_setopt(curl, CURLOPT_USE_SSL, CURLUSESSL_ALL);
  CURLcode rc = curl_easy_perform(curl);
  curl_slist_free_all(rcpt);
  curl_easy_cleanup(curl);
  if (rc != CURLE_OK) return std::string("SMTP: ") + curl_easy_strerror(rc);
  return {};
}

}  // namespace passerelles::mail
