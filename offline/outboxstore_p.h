#pragma once

// The outbox store's insides, shared by the files it is split into (outboxstore*.cpp), one concern
// each: opening and migration, enqueueing, leasing and delivery bookkeeping, staff operations,
// statistics and retention. Nothing outside those files includes this header.

#include "outboxstore.h"

#include "outboxauditlog.h"
#include "outboxcipher.h"
#include "outboxkey.h"
#include "outboxlog.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStorageInfo>
#include <QUuid>

#include <sqlite3.h>

#include <fcntl.h>
#include <unistd.h>

#include <functional>

namespace OutboxStorage {

constexpr int stateOf(EntryState state)
{
    return int(state);
}

inline constexpr const char *keyCheckPlain = "kiosk-outbox key check";
inline constexpr const char *keyCheckAad = "kiosk-outbox-v1:key-check";
// A Sending entry is "blocked" like a pending one; a delivered dependency never blocks.
inline constexpr const char *blockedClause =
    "EXISTS (SELECT 1 FROM dependencies d JOIN entries x ON x.id = d.depends_on "
    "WHERE d.entry_id = e.id AND x.state <> 3)";

inline constexpr const char *corruptInfix = ".corrupt-";

class Statement
{
public:
    Statement(sqlite3 *db, const QByteArray &sql)
    {
        m_rc = sqlite3_prepare_v2(db, sql.constData(), int(sql.size()), &m_stmt, nullptr);
    }
    ~Statement() { sqlite3_finalize(m_stmt); }
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    [[nodiscard]] bool prepared() const { return m_rc == SQLITE_OK; }
    [[nodiscard]] int prepareCode() const { return m_rc; }

    Statement &bind(int index, qint64 value)
    {
        sqlite3_bind_int64(m_stmt, index, value);
        return *this;
    }
    Statement &bind(int index, const QString &value)
    {
        const QByteArray utf8 = value.toUtf8();
        sqlite3_bind_text(m_stmt, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
        return *this;
    }
    Statement &bindBlob(int index, const QByteArray &value)
    {
        sqlite3_bind_blob(m_stmt, index, value.constData(), int(value.size()), SQLITE_TRANSIENT);
        return *this;
    }

    // SQLITE_ROW, SQLITE_DONE or an error code.
    int step() { return sqlite3_step(m_stmt); }

    [[nodiscard]] qint64 integer(int column) const { return sqlite3_column_int64(m_stmt, column); }
    [[nodiscard]] bool isNull(int column) const { return sqlite3_column_type(m_stmt, column) == SQLITE_NULL; }
    [[nodiscard]] QString text(int column) const
    {
        const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
        return QString::fromUtf8(data, sqlite3_column_bytes(m_stmt, column));
    }
    [[nodiscard]] QByteArray blob(int column) const
    {
        const auto *data = static_cast<const char *>(sqlite3_column_blob(m_stmt, column));
        return QByteArray(data, sqlite3_column_bytes(m_stmt, column));
    }

private:
    sqlite3_stmt *m_stmt = nullptr;
    int m_rc = SQLITE_ERROR;
};

[[nodiscard]] QByteArray associatedData(const QString &idempotencyKey);
[[nodiscard]] OutboxError keyMismatch(const QString &keyFile, const QString &path);
[[nodiscard]] bool isCorruption(int rc);
// `what` completes "while …": the error says what the outbox was doing when SQLite failed.
[[nodiscard]] OutboxError databaseError(sqlite3 *db, int rc, const QString &what);
[[nodiscard]] QString isoTime(qint64 ms);

} // namespace OutboxStorage

class OutboxStore::Private
{
public:
    OutboxOptions options;
    OutboxClock clock;
    sqlite3 *db = nullptr;
    std::unique_ptr<OutboxCipher> cipher;
    OutboxHealth health;
    QString path;
    qint64 recoveredSequence = 0; // where local references resume after a corrupt file

    ~Private() { close(); }

    void close()
    {
        if (db)
            sqlite3_close_v2(db);
        db = nullptr;
    }

    [[nodiscard]] qint64 now() const { return clock(); }

    // Runs SQL that returns no rows; `what` completes "while …" in the error.
    OutboxResult<OutboxOk> exec(const char *sql, const QString &what) const
    {
        const int rc = sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
        if (rc != SQLITE_OK)
            return OutboxStorage::databaseError(db, rc, what);
        return OutboxOk{};
    }

    OutboxResult<OutboxOk> begin(const QString &what) const { return exec("BEGIN IMMEDIATE", what); }

    OutboxResult<OutboxOk> commit(const QString &what) const
    {
        const int rc = sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
        if (rc != SQLITE_OK) {
            const OutboxError error = OutboxStorage::databaseError(db, rc, what);
            rollback();
            return error;
        }
        return OutboxOk{};
    }

    void rollback() const
    {
        // SQLite may already have rolled back on SQLITE_FULL; a second ROLLBACK would only fail.
        if (!sqlite3_get_autocommit(db))
            sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
    }

    // The first column of the first row as text, for PRAGMAs.
    OutboxResult<QString> pragmaText(const QByteArray &sql, const QString &what) const
    {
        OutboxStorage::Statement statement(db, sql);
        if (!statement.prepared())
            return OutboxStorage::databaseError(db, statement.prepareCode(), what);
        QStringList rows;
        int rc = SQLITE_ROW;
        while ((rc = statement.step()) == SQLITE_ROW)
            rows.append(statement.text(0));
        if (rc != SQLITE_DONE)
            return OutboxStorage::databaseError(db, rc, what);
        return rows.join(QLatin1Char('\n'));
    }

    OutboxResult<QString> integrityCheck() const
    {
        return pragmaText("PRAGMA integrity_check", QStringLiteral("checking the file's integrity"));
    }
    OutboxResult<OutboxOk> openFile(bool create);
    OutboxResult<OutboxOk> configure();
    OutboxResult<OutboxOk> migrate();
    OutboxResult<OutboxOk> checkKey();
    OutboxResult<OutboxOk> moveAside(const QString &detail);
    qint64 salvageSequence() const;
    OutboxResult<OutboxOk> resumeSequence();

    OutboxResult<QString> allocateLocalRef();
    OutboxResult<qint64> insertEntry(EntryKind kind, const QString &localRef, const QString &itemCode,
                                     const QString &materialId, const QString &contentType, const QByteArray &plain,
                                     QString *idempotencyKey);
    OutboxResult<OutboxOk> insertDependency(qint64 entry, qint64 dependsOn, const QString &field, int position);
    OutboxResult<qint64> payloadInUse() const;
    OutboxResult<OutboxOk> checkBudget(qint64 estimatedBytes) const;
    OutboxResult<OutboxOk> updateLeased(const OutboxLease &lease, const QByteArray &sql,
                                        const std::function<void(OutboxStorage::Statement &)> &binder, const QString &what);
    OutboxResult<OutboxOk> finishLease(const OutboxLease &lease, const QByteArray &sql, const QString &text,
                                       qint64 number, const QString &what);
    OutboxResult<QByteArray> substitute(qint64 id, const QByteArray &body) const;
    OutboxResult<std::optional<OutboxEntry>> entryByRef(const QString &localRef) const;
    OutboxResult<QList<OutboxEntry>> select(const QByteArray &where, const std::function<void(OutboxStorage::Statement &)> &binder) const;
    OutboxResult<QList<qint64>> related(qint64 id, const char *sql) const;
    // The entry of `localRef`, or NotFound.
    OutboxResult<OutboxEntry> existing(const QString &localRef) const;
    // Refuses when any of `ids` was first sent longer ago than the platform keeps its key.
    OutboxResult<OutboxOk> withinIdempotencyWindow(const QList<qint64> &ids) const;
    // One staff action (`action`: retry, park, discard) as one transaction: `change` runs inside it
    // and names the entries it changed, which the audit log at `auditPath` records before the
    // commit, so nothing staff do goes unaudited. Any error rolls the whole action back.
    OutboxResult<QStringList> staffAction(const QString &what, const QString &action, const QString &actor, const QString &auditPath,
                                          const std::function<OutboxResult<QStringList>()> &change);
};
