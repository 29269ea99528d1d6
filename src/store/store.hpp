// The database: one API over SQLite and PostgreSQL (SOCI), a connection pool, transactions and migrations.
#pragma once
#include <soci/soci.h>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace passerelles::store {

enum class Dialect { sqlite, postgresql };

// Thrown when the schema on disk is older or newer than this binary expects.
struct StaleSchema : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct MigrationInfo {
  int version;
  std::string name;
  std::string sql;
};

class Store {
 public:
  // url: "sqlite:PATH" (":memory:" not supported: every pool connection must see the same data)
  //      or "postgresql://user:password@host:port/dbname".
  static std::unique_ptr<Store> open(const std::string& url, int pool_size = 4);
  ~Store();

  Dialect dialect() const { return dialect_; }
  bool is_sqlite() const { return dialect_ == Dialect::sqlite; }

  // Runs f(session) on a pooled connection, outside any explicit transaction (each statement autocommits).
  template <class F>
  auto read(F&& f) {
    Lease lease(*this);
    return f(lease.sql());
  }

  // Runs f(session) in one transaction: committed if f returns, rolled back if it throws.
  // On SQLite writers are serialised by a mutex and start with BEGIN IMMEDIATE, so two writers never
  // deadlock on a lock upgrade; on PostgreSQL writers run concurrently (use SELECT … FOR UPDATE where
  // a check-then-write must be atomic).
  template <class F>
  auto write(F&& f) {
    std::unique_lock<std::mutex> guard = writer_guard();
    Lease lease(*this);
    begin(lease.sql());
    try {
      if constexpr (std::is_void_v<decltype(f(lease.sql()))>) {
        f(lease.sql());
        lease.sql() << "COMMIT";
      } else {
        auto result = f(lease.sql());
        lease.sql() << "COMMIT";
        return result;
      }
    } catch (...) {
      try {
        lease.sql() << "ROLLBACK";
      } catch (...) {
      }
      throw;
    }
  }

  // Schema.
  static const std::vector<MigrationInfo>& migrations();
  int schema_version();
  int latest_version() const;
  // Applies pending migrations, one transaction each; returns how many were applied.
  int migrate(const std::function<void(const MigrationInfo&)>& on_applied = {});
  // Throws StaleSchema unless the database is exactly at latest_version().
  void ensure_current();
  // Cheap round trip for /healthz.
  bool ping();

  // Bumped by every write that can end a session or change what a user may do (logout, password change,
  // deactivation): in-process caches of sessions compare it to drop stale entries at once.
  long long auth_generation() const { return auth_generation_.load(); }
  void bump_auth_generation() { ++auth_generation_; }

  // Removes every row of every table (tests only: each test starts from a clean migrated database).
  void truncate_all_for_tests();

 private:
  class Lease {
   public:
    explicit Lease(Store& s) : store_(s), pos_(s.pool_->lease()) {}
    ~Lease() { store_.pool_->give_back(pos_); }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    soci::session& sql() { return store_.pool_->at(pos_); }

   private:
    Store& store_;
    std::size_t pos_;
  };

  Store(Dialect d, int pool_size);
  std::unique_lock<std::mutex> writer_guard();
  void begin(soci::session& sql);
  void configure(soci::session& sql);

  Dialect dialect_;
  std::size_t pool_size_;
  std::unique_ptr<soci::connection_pool> pool_;
  std::mutex writer_;
  std::atomic<long long> auth_generation_{0};
};

// Rewrites a migration written for both engines into the given dialect (see migrations/README.md).
std::string dialect_sql(const std::string& sql, Dialect d);

// Splits a SQL script into statements at top-level semicolons (quotes and comments respected).
std::vector<std::string> split_statements(const std::string& script);

}  // namespace passerelles::store
