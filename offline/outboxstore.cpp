#include "outboxstore_p.h"

using namespace OutboxStorage;

// Opening the store: the file, its pragmas and migrations, the key check, and setting aside a
// damaged file; also the helpers every part of the store shares.
namespace {

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
    // Every enqueue sums the bytes still queued to hold the budget. payload_bytes sits after the
    // payload in the row, so without this covering index SQLite walked every queued material's
    // overflow pages to reach it: enqueueing grew slower with every case an outage queued.
    R"sql(
    CREATE INDEX entries_budget ON entries (state, payload_bytes);
    )sql",
};

} // namespace

namespace OutboxStorage {

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

} // namespace OutboxStorage

OutboxResult<OutboxOk> OutboxStore::Private::openFile(bool create)
{
    if (create && !QFileInfo::exists(path)) {
        // Creating the file first gives it mode 0600; SQLite's -wal and -shm files copy that mode.
        const QByteArray native = QFile::encodeName(path);
        const int fd = ::open(native.constData(), O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
        if (fd < 0)
            return OutboxError{OutboxErrorCode::Io, QStringLiteral("Cannot create the outbox file %1.").arg(path)};
        ::close(fd);
    }
    if (!QFileInfo::exists(path))
        return OutboxError{OutboxErrorCode::NotFound, QStringLiteral("There is no outbox at %1.").arg(path)};
    const int rc = sqlite3_open_v2(QFile::encodeName(path).constData(), &db,
                                   SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_NOFOLLOW, nullptr);
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
