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

namespace {

constexpr int stateOf(EntryState state)
{
    return int(state);
}

// Each migration runs once, in its own transaction, and moves PRAGMA user_version one step.
// Released migrations are never edited; a change is a new entry at the end.
const char *const migrations[] = {
    R"sql(
    CREATE TABLE meta (
      name TEXT PRIMARY KEY,
      value BLOB
    );
    CREATE TABLE entries (
      id INTEGER PRIMARY KEY,
      kind INTEGER NOT NULL,
      local_ref TEXT NOT NULL UNIQUE,
      idempotency_key TEXT NOT NULL UNIQUE,
      item_code TEXT NOT NULL DEFAULT '',
      material_id TEXT NOT NULL DEFAULT '',
      content_type TEXT NOT NULL DEFAULT '',
      state INTEGER NOT NULL,
      attempts INTEGER NOT NULL DEFAULT 0,
      backoff_step INTEGER NOT NULL DEFAULT 0,
      created_at INTEGER NOT NULL,
      next_attempt_at INTEGER NOT NULL,
      lease_until INTEGER NOT NULL DEFAULT 0,
      lease_token INTEGER NOT NULL DEFAULT 0,
      last_attempt_at INTEGER NOT NULL DEFAULT 0,
      delivered_at INTEGER NOT NULL DEFAULT 0,
      last_error TEXT NOT NULL DEFAULT '',
      result_ref TEXT NOT NULL DEFAULT '',
      payload BLOB,
      payload_bytes INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX entries_due ON entries (state, next_attempt_at);
    CREATE TABLE dependencies (
      entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
      depends_on INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
      field TEXT NOT NULL,
      position INTEGER NOT NULL,
      PRIMARY KEY (entry_id, depends_on)
    );
    CREATE INDEX dependencies_target ON dependencies (depends_on);
    INSERT INTO meta (name, value) VALUES ('next_seq', 1);
    )sql",
    // The platform keeps idempotency keys for 7 days: the outbox must know when an entry was
    // first tried, not only last, to stop before the key could be forgotten.
    R"sql(
    ALTER TABLE entries ADD COLUMN first_attempt_at INTEGER NOT NULL DEFAULT 0;
    UPDATE entries SET first_attempt_at = last_attempt_at WHERE attempts > 0;
    )sql",
    // The body an entry goes out with is decided once, before its first send, and kept: the
    // platform must get the same bytes under one key on every attempt. not_before is the
    // platform's Retry-After, which waking the queue early after an outage must still respect.
    R"sql(
    ALTER TABLE entries ADD COLUMN body_frozen INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE entries ADD COLUMN not_before INTEGER NOT NULL DEFAULT 0;
    )sql",
};

constexpr const char *keyCheckPlain = "kiosk-outbox key check";
constexpr const char *keyCheckAad = "kiosk-outbox-v1:key-check";
// A Sending entry is "blocked" like a pending one; a delivered dependency never blocks.
constexpr const char *blockedClause =
    "EXISTS (SELECT 1 FROM dependencies d JOIN entries x ON x.id = d.depends_on "
    "WHERE d.entry_id = e.id AND x.state <> 3)";

QByteArray associatedData(const QString &idempotencyKey)
{
    return "kiosk-outbox-v1:" + idempotencyKey.toLatin1();
}

OutboxError keyMismatch(const QString &keyFile, const QString &path)
{
    return {OutboxErrorCode::KeyMismatch,
            QStringLiteral("The key in %1 does not open the outbox %2: it was created with another key. Restore the "
                           "terminal's key file; the queue is left untouched.")
                .arg(keyFile, path)};
}

constexpr const char *corruptInfix = ".corrupt-";

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

bool isCorruption(int rc)
{
    const int primary = rc & 0xff;
    return primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB;
}

OutboxError databaseError(sqlite3 *db, int rc, const QString &what)
{
    const int primary = rc & 0xff;
    if (primary == SQLITE_FULL) {
        return {OutboxErrorCode::StorageFull,
                QStringLiteral("The outbox storage is full while %1; that change was not made and nothing already "
                               "stored was lost. Free disk space or deliver the queue.")
                    .arg(what)};
    }
    const QString detail = db ? QString::fromUtf8(sqlite3_errmsg(db)) : QString::fromUtf8(sqlite3_errstr(rc));
    if (isCorruption(rc))
        return {OutboxErrorCode::Corrupt, QStringLiteral("The outbox file is damaged (%1) while %2.").arg(detail, what)};
    return {OutboxErrorCode::Database, QStringLiteral("The outbox database failed while %1: %2.").arg(what, detail)};
}

QString isoTime(qint64 ms)
{
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(ms);
    return local.toOffsetFromUtc(local.offsetFromUtc()).toString(Qt::ISODate);
}

} // namespace

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
            return databaseError(db, rc, what);
        return OutboxOk{};
    }

    OutboxResult<OutboxOk> begin(const QString &what) const { return exec("BEGIN IMMEDIATE", what); }

    OutboxResult<OutboxOk> commit(const QString &what) const
    {
        const int rc = sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
        if (rc != SQLITE_OK) {
            const OutboxError error = databaseError(db, rc, what);
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
        Statement statement(db, sql);
        if (!statement.prepared())
            return databaseError(db, statement.prepareCode(), what);
        QStringList rows;
        int rc = SQLITE_ROW;
        while ((rc = statement.step()) == SQLITE_ROW)
            rows.append(statement.text(0));
        if (rc != SQLITE_DONE)
            return databaseError(db, rc, what);
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
                                        const std::function<void(Statement &)> &binder, const QString &what);
    OutboxResult<OutboxOk> finishLease(const OutboxLease &lease, const QByteArray &sql, const QString &text,
                                       qint64 number, const QString &what);
    OutboxResult<QByteArray> substitute(qint64 id, const QByteArray &body) const;
    OutboxResult<std::optional<OutboxEntry>> entryByRef(const QString &localRef) const;
    OutboxResult<QList<OutboxEntry>> select(const QByteArray &where, const std::function<void(Statement &)> &binder) const;
    OutboxResult<QList<qint64>> related(qint64 id, const char *sql) const;
};

OutboxResult<OutboxOk> OutboxStore::Private::openFile(bool create)
{
    if (create && !QFileInfo::exists(path)) {
        // Creating the file first gives it mode 0600; SQLite's -wal and -shm files copy that mode.
        const QByteArray native = QFile::encodeName(path);
        const int fd = ::open(native.constData(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
        if (fd < 0)
            return OutboxError{OutboxErrorCode::Io, QStringLiteral("Cannot create the outbox file %1.").arg(path)};
        ::close(fd);
    }
    if (!QFileInfo::exists(path))
        return OutboxError{OutboxErrorCode::NotFound, QStringLiteral("There is no outbox at %1.").arg(path)};
    const int rc = sqlite3_open_v2(QFile::encodeName(path).constData(), &db,
                                   SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        const OutboxError error = databaseError(db, rc, QStringLiteral("opening %1").arg(path));
        close();
        return error;
    }
    sqlite3_extended_result_codes(db, 1);
    sqlite3_busy_timeout(db, 5000);
    return OutboxOk{};
}

OutboxResult<OutboxOk> OutboxStore::Private::configure()
{
    const OutboxResult<QString> mode = pragmaText("PRAGMA journal_mode=WAL", QStringLiteral("switching to WAL"));
    if (!mode)
        return mode.error();
    if (mode.value() != QLatin1String("wal"))
        return OutboxError{OutboxErrorCode::Database, QStringLiteral("The outbox file %1 refused WAL mode.").arg(path)};
    // FULL makes a committed enqueue survive a power cut, not only a crash; secure_delete zeroes
    // the pages that held a delivered entry's ciphertext.
    for (const char *pragma : {"PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON", "PRAGMA secure_delete=ON"}) {
        if (auto done = exec(pragma, QStringLiteral("configuring")); !done)
            return done;
    }
    if (options.maxFileBytes > 0) {
        const OutboxResult<QString> pageSize = pragmaText("PRAGMA page_size", QStringLiteral("reading the page size"));
        if (!pageSize)
            return pageSize.error();
        const qint64 pages = std::max<qint64>(1, options.maxFileBytes / std::max<qint64>(512, pageSize.value().toLongLong()));
        if (auto limited = pragmaText("PRAGMA max_page_count=" + QByteArray::number(pages), QStringLiteral("limiting the file"));
            !limited)
            return limited.error();
    }
    return OutboxOk{};
}

OutboxResult<OutboxOk> OutboxStore::Private::migrate()
{
    const OutboxResult<QString> current = pragmaText("PRAGMA user_version", QStringLiteral("reading the schema version"));
    if (!current)
        return current.error();
    const int version = current.value().toInt();
    const int known = int(std::size(migrations));
    if (version > known) {
        return OutboxError{OutboxErrorCode::NewerSchema,
                           QStringLiteral("The outbox %1 has schema version %2, newer than this kiosk knows (%3); "
                                          "install the newer kiosk again rather than lose its queue.")
                               .arg(path)
                               .arg(version)
                               .arg(known)};
    }
    for (int step = version; step < known; ++step) {
        const QString what = QStringLiteral("migrating the outbox to version %1").arg(step + 1);
        if (auto begun = begin(what); !begun)
            return begun;
        const QByteArray sql = QByteArray(migrations[step]) + "\nPRAGMA user_version=" + QByteArray::number(step + 1) + ";";
        const int rc = sqlite3_exec(db, sql.constData(), nullptr, nullptr, nullptr);
        if (rc != SQLITE_OK) {
            const OutboxError error = databaseError(db, rc, what);
            rollback();
            return error;
        }
        if (auto committed = commit(what); !committed)
            return committed;
    }
    return OutboxOk{};
}

OutboxResult<OutboxOk> OutboxStore::Private::checkKey()
{
    Statement read(db, "SELECT value FROM meta WHERE name = 'key_check'");
    if (!read.prepared())
        return databaseError(db, read.prepareCode(), QStringLiteral("checking the key"));
    const int rc = read.step();
    if (rc == SQLITE_ROW) {
        if (!cipher->open(read.blob(0), keyCheckAad))
            return keyMismatch(options.keyFile, path);
        return OutboxOk{};
    }
    if (rc != SQLITE_DONE)
        return databaseError(db, rc, QStringLiteral("checking the key"));
    Statement write(db, "INSERT INTO meta (name, value) VALUES ('key_check', ?1)");
    write.bindBlob(1, cipher->seal(keyCheckPlain, keyCheckAad));
    const int written = write.step();
    if (written != SQLITE_DONE)
        return databaseError(db, written, QStringLiteral("recording the key check"));
    return OutboxOk{};
}

qint64 OutboxStore::Private::salvageSequence() const
{
    // Receipts already printed carry local references; a fresh file must not hand them out again.
    // The damaged file often still yields its counter; a margin covers pages it lost.
    Statement read(db, "SELECT value FROM meta WHERE name = 'next_seq'");
    if (read.prepared() && read.step() == SQLITE_ROW && read.integer(0) > 0)
        return read.integer(0) + 1000;
    // Unreadable: a start derived from the clock, far from where a young terminal's counter is.
    return 100'000 + (now() / 60'000) % 800'000;
}

OutboxResult<OutboxOk> OutboxStore::Private::resumeSequence()
{
    Statement update(db, "UPDATE meta SET value = MAX(value, ?1) WHERE name = 'next_seq'");
    update.bind(1, recoveredSequence);
    const int rc = update.step();
    if (rc != SQLITE_DONE)
        return databaseError(db, rc, QStringLiteral("resuming local references"));
    return OutboxOk{};
}

OutboxResult<OutboxOk> OutboxStore::Private::moveAside(const QString &detail)
{
    recoveredSequence = salvageSequence();
    close();
    const QString stamp = QDateTime::fromMSecsSinceEpoch(now(), Qt::UTC).toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
    const QString target = path + QLatin1String(corruptInfix) + stamp;
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        if (QFileInfo::exists(path + suffix) && !QFile::rename(path + suffix, target + suffix)) {
            return OutboxError{OutboxErrorCode::Corrupt,
                               QStringLiteral("The outbox %1 is damaged (%2) and could not be moved aside.").arg(path, detail)};
        }
    }
    health.recoveredFromCorruption = true;
    health.corruptFileMovedTo = target;
    health.corruptionDetail = detail;
    qCCritical(lcOutbox).noquote() << "The outbox file was damaged (" << detail << "); it was moved to" << target
                                   << "and a new outbox started. Entries queued in it need staff attention.";
    return OutboxOk{};
}

OutboxResult<QString> OutboxStore::Private::allocateLocalRef()
{
    Statement next(db, "UPDATE meta SET value = value + 1 WHERE name = 'next_seq' RETURNING value - 1");
    if (!next.prepared())
        return databaseError(db, next.prepareCode(), QStringLiteral("numbering the case"));
    int rc = next.step();
    if (rc != SQLITE_ROW)
        return databaseError(db, rc, QStringLiteral("numbering the case"));
    const qint64 sequence = next.integer(0);
    while ((rc = next.step()) == SQLITE_ROW) {
    }
    if (rc != SQLITE_DONE)
        return databaseError(db, rc, QStringLiteral("numbering the case"));
    return QStringLiteral("%1-%2").arg(options.terminalId).arg(sequence, 6, 10, QLatin1Char('0'));
}

OutboxResult<qint64> OutboxStore::Private::insertEntry(EntryKind kind, const QString &localRef, const QString &itemCode,
                                                       const QString &materialId, const QString &contentType,
                                                       const QByteArray &plain, QString *idempotencyKey)
{
    *idempotencyKey = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QByteArray sealed = cipher->seal(plain, associatedData(*idempotencyKey));
    Statement insert(db, "INSERT INTO entries (kind, local_ref, idempotency_key, item_code, material_id, content_type, "
                         "state, created_at, next_attempt_at, payload, payload_bytes) "
                         "VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1, ?7, ?7, ?8, ?9)");
    insert.bind(1, qint64(kind))
        .bind(2, localRef)
        .bind(3, *idempotencyKey)
        .bind(4, itemCode)
        .bind(5, materialId)
        .bind(6, contentType)
        .bind(7, now())
        .bindBlob(8, sealed)
        .bind(9, qint64(sealed.size()));
    const int rc = insert.step();
    if (rc != SQLITE_DONE)
        return databaseError(db, rc, QStringLiteral("queuing %1").arg(localRef));
    return qint64(sqlite3_last_insert_rowid(db));
}

OutboxResult<OutboxOk> OutboxStore::Private::insertDependency(qint64 entry, qint64 dependsOn, const QString &field, int position)
{
    Statement insert(db, "INSERT INTO dependencies (entry_id, depends_on, field, position) VALUES (?1, ?2, ?3, ?4)");
    insert.bind(1, entry).bind(2, dependsOn).bind(3, field).bind(4, qint64(position));
    const int rc = insert.step();
    if (rc != SQLITE_DONE)
        return databaseError(db, rc, QStringLiteral("linking an entry to its dependency"));
    return OutboxOk{};
}

OutboxResult<qint64> OutboxStore::Private::payloadInUse() const
{
    Statement sum(db, "SELECT COALESCE(SUM(payload_bytes), 0) FROM entries WHERE state <> 3");
    const int rc = sum.step();
    if (rc != SQLITE_ROW)
        return databaseError(db, rc, QStringLiteral("measuring the queue"));
    return sum.integer(0);
}

OutboxResult<OutboxOk> OutboxStore::Private::checkBudget(qint64 estimatedBytes) const
{
    const OutboxResult<qint64> used = payloadInUse();
    if (!used)
        return used.error();
    if (used.value() + estimatedBytes > options.budgetBytes) {
        return OutboxError{OutboxErrorCode::BudgetExceeded,
                           QStringLiteral("The outbox holds %1 KiB of its %2 KiB budget; %3 KiB more cannot be queued "
                                          "until the platform is reachable again.")
                               .arg(used.value() / 1024)
                               .arg(options.budgetBytes / 1024)
                               .arg(estimatedBytes / 1024)};
    }
    // SQLite needs room for the WAL copy of every page it writes, hence twice the estimate.
    const QStorageInfo storage(options.stateDir);
    const qint64 reserve = 16LL * 1024 * 1024;
    if (storage.isValid() && storage.bytesAvailable() >= 0 && storage.bytesAvailable() < 2 * estimatedBytes + reserve) {
        return OutboxError{OutboxErrorCode::StorageFull,
                           QStringLiteral("The disk holding %1 has %2 MiB free, too little to queue more.")
                               .arg(options.stateDir)
                               .arg(storage.bytesAvailable() / (1024 * 1024))};
    }
    return OutboxOk{};
}

OutboxResult<OutboxOk> OutboxStore::Private::finishLease(const OutboxLease &lease, const QByteArray &sql, const QString &text,
                                                        qint64 number, const QString &what)
{
    return updateLeased(lease, sql, [&](Statement &update) { update.bind(3, text).bind(4, number); }, what);
}

OutboxResult<OutboxOk> OutboxStore::Private::updateLeased(const OutboxLease &lease, const QByteArray &sql,
                                                         const std::function<void(Statement &)> &binder, const QString &what)
{
    Statement update(db, sql);
    if (!update.prepared())
        return databaseError(db, update.prepareCode(), what);
    update.bind(1, lease.id).bind(2, lease.token);
    binder(update);
    const int rc = update.step();
    if (rc != SQLITE_DONE)
        return databaseError(db, rc, what);
    if (sqlite3_changes(db) != 1) {
        return OutboxError{OutboxErrorCode::InvalidState,
                           QStringLiteral("The lease on %1 is no longer held (it expired and was taken again, or staff "
                                          "changed the entry).")
                               .arg(lease.request.localRef)};
    }
    return OutboxOk{};
}

OutboxResult<QByteArray> OutboxStore::Private::substitute(qint64 id, const QByteArray &body) const
{
    Statement refs(db, "SELECT d.field, d.position, x.result_ref FROM dependencies d JOIN entries x ON x.id = d.depends_on "
                       "WHERE d.entry_id = ?1 ORDER BY d.position");
    refs.bind(1, id);
    QJsonObject object;
    bool parsed = false;
    int rc = SQLITE_ROW;
    while ((rc = refs.step()) == SQLITE_ROW) {
        if (!parsed) {
            object = QJsonDocument::fromJson(body).object();
            parsed = true;
        }
        const QString field = refs.text(0);
        const qint64 position = refs.integer(1);
        const QString reference = refs.text(2);
        if (position < 0) {
            object.insert(field, reference);
            continue;
        }
        QJsonArray array = object.value(field).toArray();
        while (array.size() <= position)
            array.append(QString());
        array[int(position)] = reference;
        object.insert(field, array);
    }
    if (rc != SQLITE_DONE)
        return databaseError(db, rc, QStringLiteral("reading an entry's dependencies"));
    if (!parsed)
        return body;
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

OutboxResult<QList<OutboxEntry>> OutboxStore::Private::select(const QByteArray &where,
                                                              const std::function<void(Statement &)> &binder) const
{
    const QByteArray sql = "SELECT e.id, e.kind, e.state, e.local_ref, e.idempotency_key, e.item_code, e.material_id, "
                           "e.result_ref, e.last_error, e.attempts, e.payload_bytes, e.created_at, e.next_attempt_at, "
                           "e.last_attempt_at, e.delivered_at, " + QByteArray(blockedClause) + " FROM entries e "
        + where + " ORDER BY e.id";
    Statement statement(db, sql);
    if (!statement.prepared())
        return databaseError(db, statement.prepareCode(), QStringLiteral("listing the queue"));
    if (binder)
        binder(statement);
    QList<OutboxEntry> found;
    int rc = SQLITE_ROW;
    while ((rc = statement.step()) == SQLITE_ROW) {
        OutboxEntry entry;
        entry.id = statement.integer(0);
        entry.kind = EntryKind(statement.integer(1));
        entry.state = EntryState(statement.integer(2));
        entry.localRef = statement.text(3);
        entry.idempotencyKey = statement.text(4);
        entry.itemCode = statement.text(5);
        entry.materialId = statement.text(6);
        entry.resultRef = statement.text(7);
        entry.lastError = statement.text(8);
        entry.attempts = int(statement.integer(9));
        entry.payloadBytes = statement.integer(10);
        entry.createdAtMs = statement.integer(11);
        entry.nextAttemptAtMs = statement.integer(12);
        entry.lastAttemptAtMs = statement.integer(13);
        entry.deliveredAtMs = statement.integer(14);
        entry.waiting = entry.state == EntryState::Pending && statement.integer(15) != 0;
        found.append(entry);
    }
    if (rc != SQLITE_DONE)
        return databaseError(db, rc, QStringLiteral("listing the queue"));
    return found;
}

OutboxResult<std::optional<OutboxEntry>> OutboxStore::Private::entryByRef(const QString &localRef) const
{
    const OutboxResult<QList<OutboxEntry>> found =
        select("WHERE e.local_ref = ?1", [&](Statement &statement) { statement.bind(1, localRef); });
    if (!found)
        return found.error();
    if (found->isEmpty())
        return std::optional<OutboxEntry>();
    return std::optional<OutboxEntry>(found->first());
}

OutboxResult<QList<qint64>> OutboxStore::Private::related(qint64 id, const char *sql) const
{
    Statement statement(db, sql);
    statement.bind(1, id);
    QList<qint64> ids;
    int rc = SQLITE_ROW;
    while ((rc = statement.step()) == SQLITE_ROW)
        ids.append(statement.integer(0));
    if (rc != SQLITE_DONE)
        return databaseError(db, rc, QStringLiteral("following dependencies"));
    return ids;
}

OutboxStore::OutboxStore(std::unique_ptr<Private> p)
    : d(std::move(p))
{
}

OutboxStore::~OutboxStore() = default;

OutboxResult<std::unique_ptr<OutboxStore>> OutboxStore::open(const OutboxOptions &options)
{
    auto d = std::make_unique<Private>();
    d->options = options;
    d->clock = options.clock ? options.clock : [] { return QDateTime::currentMSecsSinceEpoch(); };
    d->path = QDir(options.stateDir).filePath(options.fileName);
    const bool inspect = options.keyFile.isEmpty();

    // The key comes first: without it the kiosk must not even create an outbox it cannot use.
    if (!inspect) {
        OutboxResult<OutboxKey> key = OutboxKey::load(options.keyFile);
        if (!key)
            return key.error();
        d->cipher = std::make_unique<OutboxCipher>(key.value());
        if (!QDir().mkpath(options.stateDir)) {
            return OutboxError{OutboxErrorCode::Io, QStringLiteral("Cannot create the state directory %1.").arg(options.stateDir)};
        }
    }

    for (int round = 0; round < 2; ++round) {
        if (auto opened = d->openFile(!inspect); !opened)
            return opened.error();
        QString damage;
        OutboxResult<OutboxOk> configured = d->configure();
        if (!configured && configured.error().code != OutboxErrorCode::Corrupt)
            return configured.error();
        if (!configured) {
            damage = configured.error().message;
        } else {
            // The full integrity_check, not quick_check: it also proves every index agrees with its
            // table, and a damaged index is what leads a lease to skip an entry or a reference to
            // be handed out twice. The outbox stays within its budget, so this costs seconds.
            const OutboxResult<QString> check = d->integrityCheck();
            if (!check && check.error().code != OutboxErrorCode::Corrupt)
                return check.error();
            if (!check)
                damage = check.error().message;
            else if (check.value() != QLatin1String("ok"))
                damage = check.value().left(500);
        }
        if (damage.isEmpty())
            break;
        if (inspect || !options.recoverCorruption || round > 0)
            return OutboxError{OutboxErrorCode::Corrupt, QStringLiteral("The outbox %1 is damaged: %2").arg(d->path, damage)};
        if (auto moved = d->moveAside(damage); !moved)
            return moved.error();
    }

    if (auto migrated = d->migrate(); !migrated)
        return migrated.error();
    if (d->health.recoveredFromCorruption) {
        if (auto resumed = d->resumeSequence(); !resumed)
            return resumed.error();
    }
    if (!inspect) {
        if (auto keyed = d->checkKey(); !keyed)
            return keyed.error();
    }
    return std::unique_ptr<OutboxStore>(new OutboxStore(std::move(d)));
}

void OutboxStore::setTerminalId(const QString &terminalId)
{
    if (!terminalId.isEmpty())
        d->options.terminalId = terminalId;
}

QString OutboxStore::filePath() const
{
    return d->path;
}

QString OutboxStore::auditFilePath() const
{
    return QDir(d->options.stateDir).filePath(d->options.auditFileName);
}

const OutboxHealth &OutboxStore::health() const
{
    return d->health;
}

bool OutboxStore::inspectOnly() const
{
    return !d->cipher;
}

qint64 OutboxStore::now() const
{
    return d->now();
}

std::chrono::seconds OutboxStore::leaseDuration() const
{
    return d->options.lease;
}

std::chrono::seconds OutboxStore::longestWait() const
{
    return d->options.longestWait;
}

OutboxResult<OutboxOk> OutboxStore::canAccept(qint64 estimatedBytes) const
{
    if (!d->cipher)
        return OutboxError{OutboxErrorCode::InspectOnly, QStringLiteral("The outbox was opened without its key.")};
    return d->checkBudget(estimatedBytes);
}

OutboxResult<QueuedCase> OutboxStore::enqueueCase(const CaseDraft &draft)
{
    if (!d->cipher)
        return OutboxError{OutboxErrorCode::InspectOnly, QStringLiteral("The outbox was opened without its key.")};
    const QJsonDocument document = QJsonDocument::fromJson(draft.body);
    if (!document.isObject() || draft.itemCode.isEmpty())
        return OutboxError{OutboxErrorCode::InvalidInput, QStringLiteral("A case needs an item code and a JSON object body.")};
    qint64 estimate = draft.body.size() + 256 + OutboxCipher::overhead;
    for (const MaterialDraft &material : draft.materials)
        estimate += material.content.size() + OutboxCipher::overhead;

    const QString what = QStringLiteral("queuing a case");
    if (auto begun = d->begin(what); !begun)
        return begun.error();
    // Everything below either commits together or not at all: the resident hears "queued" only
    // for a case whose every material is on disk with it.
    auto fail = [this](const OutboxError &error) {
        d->rollback();
        return error;
    };
    if (auto room = d->checkBudget(estimate); !room)
        return fail(room.error());
    const OutboxResult<QString> localRef = d->allocateLocalRef();
    if (!localRef)
        return fail(localRef.error());

    QueuedCase queued;
    queued.localRef = localRef.value();
    QList<qint64> materialIds;
    for (int i = 0; i < draft.materials.size(); ++i) {
        const MaterialDraft &material = draft.materials.at(i);
        const QString ref = QStringLiteral("%1-M%2").arg(queued.localRef).arg(i + 1);
        QString key;
        const OutboxResult<qint64> id = d->insertEntry(EntryKind::Material, ref, draft.itemCode, material.materialId,
                                                       material.contentType, material.content, &key);
        if (!id)
            return fail(id.error());
        materialIds.append(id.value());
        queued.materialRefs.append(ref);
    }

    QJsonObject body = document.object();
    body.insert(QStringLiteral("item_code"), draft.itemCode);
    body.insert(QStringLiteral("local_ref"), queued.localRef);
    body.insert(QStringLiteral("queued_at"), isoTime(d->now()));
    body.insert(QStringLiteral("materials"), QJsonArray());
    const OutboxResult<qint64> caseId = d->insertEntry(EntryKind::Case, queued.localRef, draft.itemCode, QString(),
                                                       QStringLiteral("application/json"),
                                                       QJsonDocument(body).toJson(QJsonDocument::Compact), &queued.idempotencyKey);
    if (!caseId)
        return fail(caseId.error());
    for (int i = 0; i < materialIds.size(); ++i) {
        if (auto linked = d->insertDependency(caseId.value(), materialIds.at(i), QStringLiteral("materials"), i); !linked)
            return fail(linked.error());
    }
    if (auto committed = d->commit(what); !committed)
        return committed.error();
    qCInfo(lcOutbox).noquote() << "queued case" << queued.localRef << "item" << draft.itemCode << "with"
                               << draft.materials.size() << "materials";
    return queued;
}

OutboxResult<QString> OutboxStore::enqueueEvaluation(const EvaluationDraft &draft)
{
    if (!d->cipher)
        return OutboxError{OutboxErrorCode::InspectOnly, QStringLiteral("The outbox was opened without its key.")};
    const QJsonDocument document = QJsonDocument::fromJson(draft.body);
    if (!document.isObject() || (draft.caseNo.isEmpty() && draft.caseLocalRef.isEmpty()))
        return OutboxError{OutboxErrorCode::InvalidInput,
                           QStringLiteral("An evaluation needs a JSON object body and the case it rates.")};

    const QString what = QStringLiteral("queuing an evaluation");
    if (auto begun = d->begin(what); !begun)
        return begun.error();
    auto fail = [this](const OutboxError &error) {
        d->rollback();
        return error;
    };
    if (auto room = d->checkBudget(draft.body.size() + 256); !room)
        return fail(room.error());

    QJsonObject body = document.object();
    std::optional<OutboxEntry> rated;
    if (draft.caseNo.isEmpty()) {
        const OutboxResult<std::optional<OutboxEntry>> found = d->entryByRef(draft.caseLocalRef);
        if (!found)
            return fail(found.error());
        if (!found.value() || found.value()->kind != EntryKind::Case)
            return fail({OutboxErrorCode::NotFound, QStringLiteral("No queued case %1 to rate.").arg(draft.caseLocalRef)});
        rated = found.value();
        if (rated->state == EntryState::Delivered)
            body.insert(QStringLiteral("case_no"), rated->resultRef);
    } else {
        body.insert(QStringLiteral("case_no"), draft.caseNo);
    }
    const OutboxResult<QString> localRef = d->allocateLocalRef();
    if (!localRef)
        return fail(localRef.error());
    const QString ref = localRef.value() + QStringLiteral("-E");
    QString key;
    const OutboxResult<qint64> id = d->insertEntry(EntryKind::Evaluation, ref, rated ? rated->itemCode : QString(), QString(),
                                                   QStringLiteral("application/json"),
                                                   QJsonDocument(body).toJson(QJsonDocument::Compact), &key);
    if (!id)
        return fail(id.error());
    if (rated && rated->state != EntryState::Delivered) {
        if (auto linked = d->insertDependency(id.value(), rated->id, QStringLiteral("case_no"), -1); !linked)
            return fail(linked.error());
    }
    if (auto committed = d->commit(what); !committed)
        return committed.error();
    qCInfo(lcOutbox).noquote() << "queued evaluation" << ref;
    return ref;
}

OutboxResult<std::optional<OutboxLease>> OutboxStore::leaseNext()
{
    if (!d->cipher)
        return OutboxError{OutboxErrorCode::InspectOnly, QStringLiteral("The outbox was opened without its key.")};
    const QByteArray sql =
        "UPDATE entries SET state = 2, lease_until = ?1 + ?2, lease_token = lease_token + 1, attempts = attempts + 1, "
        "last_attempt_at = ?1, first_attempt_at = CASE first_attempt_at WHEN 0 THEN ?1 ELSE first_attempt_at END "
        "WHERE id = (SELECT e.id FROM entries e WHERE "
        "((e.state = 1 AND (e.next_attempt_at <= ?1 OR e.next_attempt_at > ?1 + ?3)) "
        "OR (e.state = 2 AND (e.lease_until <= ?1 OR e.lease_until > ?1 + ?2))) AND NOT "
        + QByteArray(blockedClause)
        + " ORDER BY e.next_attempt_at, e.id LIMIT 1) "
          "RETURNING id, kind, local_ref, idempotency_key, item_code, material_id, content_type, attempts, "
          "backoff_step, lease_token, payload, first_attempt_at, body_frozen";
    // An entry that fails to open is parked and the next one tried; the bound only guards a loop.
    for (int skipped = 0; skipped < 1000; ++skipped) {
        Statement lease(d->db, sql);
        if (!lease.prepared())
            return databaseError(d->db, lease.prepareCode(), QStringLiteral("leasing an entry"));
        const qint64 now = d->now();
        // A time further ahead than any wait the outbox sets was written under a clock that has
        // since been set back (a kiosk booting with a wrong RTC, then NTP): it counts as due.
        lease.bind(1, now).bind(2, qint64(d->options.lease.count()) * 1000).bind(3, qint64(d->options.longestWait.count()) * 1000);
        int rc = lease.step();
        if (rc == SQLITE_DONE)
            return std::optional<OutboxLease>();
        if (rc != SQLITE_ROW)
            return databaseError(d->db, rc, QStringLiteral("leasing an entry"));
        OutboxLease leased;
        leased.id = lease.integer(0);
        leased.request.kind = EntryKind(lease.integer(1));
        leased.request.localRef = lease.text(2);
        leased.request.idempotencyKey = lease.text(3);
        leased.request.itemCode = lease.text(4);
        leased.request.materialId = lease.text(5);
        leased.request.contentType = lease.text(6);
        leased.request.attempt = int(lease.integer(7));
        leased.backoffStep = int(lease.integer(8));
        leased.token = lease.integer(9);
        const bool hasPayload = !lease.isNull(10);
        const QByteArray sealed = lease.blob(10);
        const qint64 firstAttemptAt = lease.integer(11);
        leased.bodyFrozen = lease.integer(12) != 0;
        while ((rc = lease.step()) == SQLITE_ROW) {
        }
        if (rc != SQLITE_DONE)
            return databaseError(d->db, rc, QStringLiteral("leasing an entry"));

        if (leased.request.attempt > 1 && now - firstAttemptAt > qint64(d->options.idempotencyWindow.count()) * 1000) {
            // Sent again now, a request the platform once received but has forgotten the key of
            // would be filed a second time: staff check with the platform first.
            qCWarning(lcOutbox).noquote() << "entry" << leased.request.localRef
                                          << "was first tried too long ago to send again safely; parked for staff";
            if (auto parked = markParked(leased, QStringLiteral("idempotency_window_expired")); !parked)
                return parked.error();
            continue;
        }
        const std::optional<QByteArray> plain =
            hasPayload ? d->cipher->open(sealed, associatedData(leased.request.idempotencyKey)) : std::nullopt;
        if (!plain) {
            qCWarning(lcOutbox).noquote() << "entry" << leased.request.localRef
                                          << "failed its integrity check (altered, or moved from another entry); parked for staff";
            if (auto parked = markParked(leased, QStringLiteral("tampered")); !parked)
                return parked.error();
            continue;
        }
        // A frozen body already holds its dependencies' references: it goes out byte for byte.
        if (leased.bodyFrozen) {
            leased.request.body = *plain;
            return std::optional<OutboxLease>(std::move(leased));
        }
        OutboxResult<QByteArray> body = d->substitute(leased.id, *plain);
        if (!body)
            return body.error();
        leased.request.body = std::move(body).value();
        return std::optional<OutboxLease>(std::move(leased));
    }
    return std::optional<OutboxLease>();
}

OutboxResult<OutboxOk> OutboxStore::markDelivered(const OutboxLease &lease, const QString &reference)
{
    // The ciphertext goes now: only the tombstone (references, item, times) outlives the answer.
    return d->finishLease(lease,
                          "UPDATE entries SET state = 3, payload = NULL, payload_bytes = 0, result_ref = ?3, "
                          "delivered_at = ?4, last_error = '', lease_until = 0 "
                          "WHERE id = ?1 AND lease_token = ?2 AND state = 2",
                          reference, d->now(), QStringLiteral("recording the delivery of %1").arg(lease.request.localRef));
}

OutboxResult<OutboxOk> OutboxStore::markTransient(const OutboxLease &lease, qint64 nextAttemptAtMs, const QString &code,
                                                  qint64 notBeforeMs)
{
    return d->updateLeased(
        lease,
        "UPDATE entries SET state = 1, next_attempt_at = ?4, not_before = ?5, backoff_step = backoff_step + 1, "
        "last_error = ?3, lease_until = 0 WHERE id = ?1 AND lease_token = ?2 AND state = 2",
        [&](Statement &update) { update.bind(3, code).bind(4, nextAttemptAtMs).bind(5, notBeforeMs); },
        QStringLiteral("rescheduling %1").arg(lease.request.localRef));
}

OutboxResult<OutboxOk> OutboxStore::freezeBody(const OutboxLease &lease, const QByteArray &body)
{
    if (!d->cipher)
        return OutboxError{OutboxErrorCode::InspectOnly, QStringLiteral("The outbox was opened without its key.")};
    const QByteArray sealed = d->cipher->seal(body, associatedData(lease.request.idempotencyKey));
    return d->updateLeased(
        lease,
        "UPDATE entries SET payload = ?3, payload_bytes = ?4, body_frozen = 1 WHERE id = ?1 AND lease_token = ?2 AND state = 2",
        [&](Statement &update) { update.bindBlob(3, sealed).bind(4, qint64(sealed.size())); },
        QStringLiteral("keeping the body of %1").arg(lease.request.localRef));
}

OutboxResult<QString> OutboxStore::rekey(const OutboxLease &lease, const QByteArray &body, const QString &reason)
{
    if (!d->cipher)
        return OutboxError{OutboxErrorCode::InspectOnly, QStringLiteral("The outbox was opened without its key.")};
    const QString key = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QByteArray sealed = d->cipher->seal(body, associatedData(key));
    // A new key starts a new idempotency window, and the entry is due at once.
    auto updated = d->updateLeased(
        lease,
        "UPDATE entries SET idempotency_key = ?3, payload = ?4, payload_bytes = ?5, body_frozen = 1, state = 1, "
        "next_attempt_at = ?6, not_before = 0, first_attempt_at = 0, last_error = ?7, lease_until = 0 "
        "WHERE id = ?1 AND lease_token = ?2 AND state = 2",
        [&](Statement &update) {
            update.bind(3, key).bindBlob(4, sealed).bind(5, qint64(sealed.size())).bind(6, d->now()).bind(7, reason);
        },
        QStringLiteral("giving %1 a new key").arg(lease.request.localRef));
    if (!updated)
        return updated.error();
    qCInfo(lcOutbox).noquote() << "entry" << lease.request.localRef << "goes again under a new key (" << reason
                               << "); the platform holds nothing under the old one";
    return key;
}

OutboxResult<int> OutboxStore::bringForwardRetries()
{
    // Only entries that failed before: a Retry-After the platform asked for still holds.
    Statement update(d->db, "UPDATE entries SET next_attempt_at = MAX(?1, not_before) "
                            "WHERE state = 1 AND attempts > 0 AND next_attempt_at > MAX(?1, not_before)");
    update.bind(1, d->now());
    const int rc = update.step();
    if (rc != SQLITE_DONE)
        return databaseError(d->db, rc, QStringLiteral("bringing retries forward"));
    const int changed = sqlite3_changes(d->db);
    if (changed > 0)
        qCInfo(lcOutbox) << "brought" << changed << "waiting entries forward: the platform answers again";
    return changed;
}

OutboxResult<OutboxOk> OutboxStore::markParked(const OutboxLease &lease, const QString &code)
{
    return d->finishLease(lease,
                          "UPDATE entries SET state = 4, last_error = ?3, lease_until = 0 "
                          "WHERE id = ?1 AND lease_token = ?2 AND state = 2",
                          code, 0, QStringLiteral("parking %1").arg(lease.request.localRef));
}

OutboxResult<int> OutboxStore::releaseLeases()
{
    if (auto done = d->exec("UPDATE entries SET state = 1, lease_until = 0 WHERE state = 2", QStringLiteral("releasing leases"));
        !done)
        return done.error();
    return int(sqlite3_changes(d->db));
}

OutboxResult<std::optional<qint64>> OutboxStore::nextDueAtMs() const
{
    Statement next(d->db, "SELECT MIN(CASE e.state WHEN 1 THEN e.next_attempt_at ELSE e.lease_until END) FROM entries e "
                          "WHERE e.state IN (1, 2) AND NOT " + QByteArray(blockedClause));
    const int rc = next.step();
    if (rc != SQLITE_ROW)
        return databaseError(d->db, rc, QStringLiteral("finding the next due entry"));
    if (next.isNull(0))
        return std::optional<qint64>();
    return std::optional<qint64>(next.integer(0));
}

OutboxResult<QStringList> OutboxStore::retry(const QString &localRef, const QString &actor)
{
    const QString what = QStringLiteral("re-arming %1").arg(localRef);
    if (auto begun = d->begin(what); !begun)
        return begun.error();
    auto fail = [this](const OutboxError &error) {
        d->rollback();
        return error;
    };
    const OutboxResult<std::optional<OutboxEntry>> found = d->entryByRef(localRef);
    if (!found)
        return fail(found.error());
    if (!found.value())
        return fail({OutboxErrorCode::NotFound, QStringLiteral("No outbox entry %1.").arg(localRef)});
    const OutboxEntry entry = *found.value();
    if (entry.state != EntryState::Parked && entry.state != EntryState::Pending) {
        return fail({OutboxErrorCode::InvalidState,
                     QStringLiteral("%1 is %2; only a parked or pending entry can be retried.").arg(localRef, entryStateName(entry.state))});
    }
    // A case cannot go before its parked materials, so they are re-armed with it.
    OutboxResult<QList<qint64>> dependencies = d->related(entry.id, "SELECT depends_on FROM dependencies WHERE entry_id = ?1");
    if (!dependencies)
        return fail(dependencies.error());
    QList<qint64> ids = dependencies.value();
    ids.prepend(entry.id);
    QStringList changed;
    for (qint64 id : std::as_const(ids)) {
        Statement update(d->db, "UPDATE entries SET state = 1, next_attempt_at = ?2, backoff_step = 0, first_attempt_at = 0 "
                                "WHERE id = ?1 AND state IN (1, 4) RETURNING local_ref");
        update.bind(1, id).bind(2, d->now());
        int rc = SQLITE_ROW;
        while ((rc = update.step()) == SQLITE_ROW)
            changed.append(update.text(0));
        if (rc != SQLITE_DONE)
            return fail(databaseError(d->db, rc, what));
    }
    if (auto audited = OutboxAuditLog(auditFilePath()).append(d->now(), QStringLiteral("retry"), actor, changed); !audited)
        return fail(audited.error());
    if (auto committed = d->commit(what); !committed)
        return committed.error();
    qCInfo(lcOutbox).noquote() << "staff re-armed" << changed.join(QLatin1Char(','));
    return changed;
}

OutboxResult<QStringList> OutboxStore::park(const QString &localRef, const QString &actor)
{
    const QString what = QStringLiteral("parking %1").arg(localRef);
    if (auto begun = d->begin(what); !begun)
        return begun.error();
    auto fail = [this](const OutboxError &error) {
        d->rollback();
        return error;
    };
    Statement update(d->db, "UPDATE entries SET state = 4, last_error = 'parked_by_staff' "
                            "WHERE local_ref = ?1 AND state = 1");
    update.bind(1, localRef);
    const int rc = update.step();
    if (rc != SQLITE_DONE)
        return fail(databaseError(d->db, rc, what));
    if (sqlite3_changes(d->db) != 1) {
        const OutboxResult<std::optional<OutboxEntry>> found = d->entryByRef(localRef);
        if (!found)
            return fail(found.error());
        if (!found.value())
            return fail({OutboxErrorCode::NotFound, QStringLiteral("No outbox entry %1.").arg(localRef)});
        return fail({OutboxErrorCode::InvalidState, QStringLiteral("%1 is %2; only a pending entry can be parked.")
                                                        .arg(localRef, entryStateName(found.value()->state))});
    }
    if (auto audited = OutboxAuditLog(auditFilePath()).append(d->now(), QStringLiteral("park"), actor, {localRef}); !audited)
        return fail(audited.error());
    if (auto committed = d->commit(what); !committed)
        return committed.error();
    qCInfo(lcOutbox).noquote() << "staff parked" << localRef;
    return QStringList{localRef};
}

OutboxResult<QStringList> OutboxStore::discard(const QString &localRef, const QString &actor)
{
    const QString what = QStringLiteral("discarding %1").arg(localRef);
    if (auto begun = d->begin(what); !begun)
        return begun.error();
    auto fail = [this](const OutboxError &error) {
        d->rollback();
        return error;
    };
    const OutboxResult<std::optional<OutboxEntry>> found = d->entryByRef(localRef);
    if (!found)
        return fail(found.error());
    if (!found.value())
        return fail({OutboxErrorCode::NotFound, QStringLiteral("No outbox entry %1.").arg(localRef)});
    if (found.value()->state == EntryState::Delivered || found.value()->state == EntryState::Sending) {
        return fail({OutboxErrorCode::InvalidState, QStringLiteral("%1 is %2; only a pending or parked entry can be discarded.")
                                                        .arg(localRef, entryStateName(found.value()->state))});
    }
    // Whatever depends on a discarded entry can never be sent; a case's own undelivered materials
    // would only be sent for nothing.
    QList<qint64> doomed{found.value()->id};
    for (int i = 0; i < doomed.size(); ++i) {
        OutboxResult<QList<qint64>> dependents = d->related(
            doomed.at(i), "SELECT d.entry_id FROM dependencies d JOIN entries x ON x.id = d.entry_id WHERE d.depends_on = ?1 AND x.state <> 3");
        if (!dependents)
            return fail(dependents.error());
        OutboxResult<QList<qint64>> materials = d->related(
            doomed.at(i), "SELECT d.depends_on FROM dependencies d JOIN entries x ON x.id = d.depends_on "
                          "WHERE d.entry_id = ?1 AND x.kind = 1 AND x.state <> 3");
        if (!materials)
            return fail(materials.error());
        for (qint64 id : dependents.value() + materials.value()) {
            if (!doomed.contains(id))
                doomed.append(id);
        }
    }
    QStringList removed;
    for (qint64 id : std::as_const(doomed)) {
        Statement remove(d->db, "DELETE FROM entries WHERE id = ?1 AND state <> 2 RETURNING local_ref");
        remove.bind(1, id);
        int rc = SQLITE_ROW;
        int count = 0;
        while ((rc = remove.step()) == SQLITE_ROW) {
            removed.append(remove.text(0));
            ++count;
        }
        if (rc != SQLITE_DONE)
            return fail(databaseError(d->db, rc, what));
        if (count == 0)
            return fail({OutboxErrorCode::InvalidState, QStringLiteral("A part of %1 is being sent; try again in a minute.").arg(localRef)});
    }
    if (auto audited = OutboxAuditLog(auditFilePath()).append(d->now(), QStringLiteral("discard"), actor, removed); !audited)
        return fail(audited.error());
    if (auto committed = d->commit(what); !committed)
        return committed.error();
    qCWarning(lcOutbox).noquote() << "staff discarded" << removed.join(QLatin1Char(','));
    return removed;
}

OutboxResult<QList<OutboxEntry>> OutboxStore::entries(std::optional<EntryState> state) const
{
    if (!state)
        return d->select(QByteArray(), {});
    return d->select("WHERE e.state = ?1", [&](Statement &statement) { statement.bind(1, qint64(stateOf(*state))); });
}

OutboxResult<std::optional<OutboxEntry>> OutboxStore::find(const QString &localRef) const
{
    return d->entryByRef(localRef);
}

OutboxResult<OutboxStats> OutboxStore::stats() const
{
    Statement statement(d->db, "SELECT "
                               "COALESCE(SUM(e.state IN (1, 2)), 0), "
                               "COALESCE(SUM(e.state = 1 AND " + QByteArray(blockedClause) + "), 0), "
                               "COALESCE(SUM(e.state = 4), 0), "
                               "COALESCE(SUM(e.state = 3), 0), "
                               "MIN(CASE WHEN e.state IN (1, 2, 4) THEN e.created_at END), "
                               "COALESCE(SUM(CASE WHEN e.state <> 3 THEN e.payload_bytes END), 0) "
                               "FROM entries e");
    const int rc = statement.step();
    if (rc != SQLITE_ROW)
        return databaseError(d->db, rc, QStringLiteral("counting the queue"));
    OutboxStats stats;
    stats.pending = int(statement.integer(0));
    stats.waiting = int(statement.integer(1));
    stats.parked = int(statement.integer(2));
    stats.delivered = int(statement.integer(3));
    stats.oldestPendingS = statement.isNull(4) ? 0 : std::max<qint64>(0, (d->now() - statement.integer(4)) / 1000);
    stats.payloadBytes = statement.integer(5);
    stats.budgetBytes = d->options.budgetBytes;
    return stats;
}

OutboxResult<int> OutboxStore::pruneDeliveredBefore(qint64 cutoffMs)
{
    Statement prune(d->db, "DELETE FROM entries WHERE state = 3 AND delivered_at < ?1 AND NOT EXISTS ("
                           "SELECT 1 FROM dependencies d JOIN entries x ON x.id = d.entry_id "
                           "WHERE d.depends_on = entries.id AND x.state <> 3)");
    prune.bind(1, cutoffMs);
    const int rc = prune.step();
    if (rc != SQLITE_DONE)
        return databaseError(d->db, rc, QStringLiteral("pruning old receipts"));
    const int pruned = sqlite3_changes(d->db);
    if (pruned > 0)
        qCInfo(lcOutbox) << "pruned" << pruned << "delivered entries past their retention";
    return pruned;
}

OutboxResult<QString> OutboxStore::integrityCheck() const
{
    return d->integrityCheck();
}

QStringList OutboxStore::damagedFilesSetAside(const QString &stateDir, const QString &fileName)
{
    const QDir dir(stateDir);
    QStringList found;
    for (const QString &name : dir.entryList({fileName + QLatin1String(corruptInfix) + QLatin1Char('*')}, QDir::Files, QDir::Name)) {
        if (!name.endsWith(QLatin1String("-wal")) && !name.endsWith(QLatin1String("-shm")))
            found.append(dir.filePath(name));
    }
    return found;
}

OutboxResult<OutboxOk> OutboxStore::verifyKey(const OutboxOptions &options)
{
    OutboxResult<OutboxKey> key = OutboxKey::load(options.keyFile);
    if (!key)
        return key.error();
    Private p;
    p.options = options;
    p.clock = [] { return QDateTime::currentMSecsSinceEpoch(); };
    p.path = QDir(options.stateDir).filePath(options.fileName);
    if (!QFileInfo::exists(p.path))
        return OutboxOk{}; // the kiosk makes the outbox with this key when it first starts
    if (auto opened = p.openFile(false); !opened)
        return opened.error();
    const OutboxCipher cipher(key.value());
    Statement read(p.db, "SELECT value FROM meta WHERE name = 'key_check'");
    // A file too damaged to read its key check is reported as damaged, not as a key problem.
    if (read.prepared() && read.step() == SQLITE_ROW && !cipher.open(read.blob(0), keyCheckAad))
        return keyMismatch(options.keyFile, p.path);
    return OutboxOk{};
}
