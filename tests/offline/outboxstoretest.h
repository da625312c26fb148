#pragma once

#include "outboxfixture.h"
#include "outboxstore.h"

#include <QFile>
#include <QObject>
#include <QStringList>
#include <QTemporaryDir>

#include <sqlite3.h>

#include <memory>

// What the outbox store's suites share (test_outboxstore*.cpp, one per concern of the store): a
// fresh directory, key and clock per test, and ways to lease, drain and reach the file behind the
// store's back.

// Runs SQL against the outbox file behind the store's back, the way a disk fault or an attacker
// with file access would.
inline bool execRaw(const QString &path, const QByteArray &sql)
{
    sqlite3 *db = nullptr;
    if (sqlite3_open(QFile::encodeName(path).constData(), &db) != SQLITE_OK) {
        sqlite3_close(db);
        return false;
    }
    const int rc = sqlite3_exec(db, sql.constData(), nullptr, nullptr, nullptr);
    sqlite3_close(db);
    return rc == SQLITE_OK;
}

// The first row's value in `column` (EXPLAIN QUERY PLAN's text is its column 3).
inline QByteArray queryRaw(const QString &path, const QByteArray &sql, int column = 0)
{
    sqlite3 *db = nullptr;
    QByteArray value;
    if (sqlite3_open(QFile::encodeName(path).constData(), &db) == SQLITE_OK) {
        sqlite3_stmt *statement = nullptr;
        if (sqlite3_prepare_v2(db, sql.constData(), -1, &statement, nullptr) == SQLITE_OK && sqlite3_step(statement) == SQLITE_ROW) {
            if (sqlite3_column_type(statement, column) == SQLITE_NULL)
                value = "NULL";
            else
                value = QByteArray(static_cast<const char *>(sqlite3_column_blob(statement, column)),
                                   sqlite3_column_bytes(statement, column));
        }
        sqlite3_finalize(statement);
    }
    sqlite3_close(db);
    return value;
}

class OutboxStoreTest : public QObject
{
protected:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_key;
    OutboxFixture::ManualClock m_clock;

    std::unique_ptr<OutboxStore> open(OutboxOptions custom = {})
    {
        OutboxOptions opts = custom.stateDir.isEmpty() ? OutboxFixture::options(m_dir->path(), m_key, &m_clock) : custom;
        OutboxResult<std::unique_ptr<OutboxStore>> store = OutboxStore::open(opts);
        if (!store) {
            qWarning() << store.error().message;
            return {};
        }
        return std::move(store).value();
    }

    static OutboxLease leaseOrFail(OutboxStore &store)
    {
        OutboxResult<std::optional<OutboxLease>> lease = store.leaseNext();
        if (!lease || !lease.value())
            return {};
        return *lease.value();
    }

    static EntryState stateOf(OutboxStore &store, const QString &ref)
    {
        const auto found = store.find(ref);
        return found && found.value() ? found.value()->state : EntryState(0);
    }

    // Delivers everything that is due, answering materials and cases with made-up references.
    static QStringList drain(OutboxStore &store)
    {
        QStringList sent;
        for (int i = 0; i < 100; ++i) {
            const OutboxLease lease = leaseOrFail(store);
            if (lease.id == 0)
                break;
            sent.append(lease.request.localRef);
            const QString reference = lease.request.kind == EntryKind::Material ? QStringLiteral("M-%1").arg(lease.id)
                                                                                : QStringLiteral("3401032026112300%1").arg(lease.id, 4, 10, QLatin1Char('0'));
            if (!store.markDelivered(lease, reference))
                break;
        }
        return sent;
    }

    // Each suite's init() calls this: a new directory, key file and clock for every test.
    void setUp()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_key = OutboxFixture::createKeyFile(m_dir->path());
        m_clock = OutboxFixture::ManualClock{};
    }
};
