#include "refplatform.h"

#include "assistancecheck.h"
#include "demonetid.h"
#include "formcheck.h"
#include "common/personaldata.h"
#include "requestsigner.h"
#include "hexvalues.h"

#include <QJsonDocument>
#include <QLocale>
#include <QSqlError>
#include <QSqlQuery>
#include <QRegularExpression>
#include <QSet>
#include <QTimer>

namespace {

constexpr qint64 maxSkewS = 300;
constexpr qint64 nonceWindowS = 15 * 60;
constexpr qint64 idempotencyKeepS = 7 * 24 * 3600;
constexpr qsizetype keptRequests = 2000;

QString endpointOf(const QByteArray &apiPath)
{
    const QList<QByteArray> parts = apiPath.split('/');
    return QString::fromLatin1(parts.value(1));
}

} // namespace

RefPlatform::RefPlatform(const Options &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_random(options.seed ? options.seed : QRandomGenerator::system()->generate())
    , m_assist(new AssistDesk(options.assist, [this] { return now(); }, this))
{
    m_uptime.start();
}

bool RefPlatform::upgrade(QTcpSocket *socket, const HttpRequest &head)
{
    return m_assist->takeSocket(socket, head, m_options.basePath);
}

bool RefPlatform::open(QString *error)
{
    QString catalogueError;
    m_catalogue = Catalogue::fromJson(m_options.catalogueJson, &catalogueError);
    if (!m_catalogue) {
        *error = QStringLiteral("catalogue: %1").arg(catalogueError);
        return false;
    }
    m_etag = '"' + sha256Hex(m_options.catalogueJson).left(20) + '"';

    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("refplatform"));
    m_db.setDatabaseName(m_options.databasePath.isEmpty() ? QStringLiteral(":memory:") : m_options.databasePath);
    if (!m_db.open()) {
        *error = m_db.lastError().text();
        return false;
    }
    const QStringList schema = {
        QStringLiteral("PRAGMA journal_mode=WAL"),
        QStringLiteral("PRAGMA synchronous=NORMAL"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS terminals (terminal_id TEXT PRIMARY KEY, secret BLOB NOT NULL, "
                       "division TEXT NOT NULL, serial TEXT, model TEXT, site TEXT, disabled INTEGER NOT NULL DEFAULT 0, enrolled_at INTEGER)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS enroll_tokens (token TEXT PRIMARY KEY, used_by TEXT)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS nonces (terminal_id TEXT, nonce TEXT, seen_at INTEGER, PRIMARY KEY (terminal_id, nonce))"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS idempotency (terminal_id TEXT, key TEXT, body_hash TEXT, done INTEGER, "
                       "status INTEGER, content_type TEXT, body BLOB, created_at INTEGER, PRIMARY KEY (terminal_id, key))"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS cases (case_no TEXT PRIMARY KEY, terminal_id TEXT, item_code TEXT, local_ref TEXT, "
                       "idempotency_key TEXT, applicant TEXT, holder TEXT, instant INTEGER, print INTEGER, theme TEXT, "
                       "materials INTEGER, created_at INTEGER)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS materials (material_ref TEXT PRIMARY KEY, terminal_id TEXT, material_id TEXT, "
                       "sha256 TEXT, size INTEGER, content_type TEXT, created_at INTEGER)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS holders (token TEXT PRIMARY KEY, holder TEXT, expires_at INTEGER)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS evaluations (evaluation_id TEXT PRIMARY KEY, case_no TEXT, score INTEGER, "
                       "tags TEXT, anonymous INTEGER, created_at INTEGER)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS heartbeats (terminal_id TEXT, at INTEGER, report TEXT)"),
        // Each identity check, as a test may ask about it: never the card or the face itself.
        QStringLiteral("CREATE TABLE IF NOT EXISTS verifications (method TEXT, face INTEGER, face_bytes INTEGER, liveness REAL, "
                       "verified INTEGER, reason TEXT, created_at INTEGER, sam_id TEXT)"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS nonces_seen ON nonces (seen_at)"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS cases_holder ON cases (holder)"),
        // A request in progress when the server stopped never got to its work (the work and its
        // recorded answer commit together), so its key is free again.
        QStringLiteral("DELETE FROM idempotency WHERE done = 0"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS commands (id TEXT PRIMARY KEY, terminal_id TEXT, name TEXT, delivered INTEGER NOT NULL DEFAULT 0)"),
    };
    QSqlQuery q(m_db);
    for (const QString &statement : schema) {
        if (!q.exec(statement)) {
            *error = QStringLiteral("%1: %2").arg(statement, q.lastError().text());
            return false;
        }
    }
    if (!m_staff.open(m_db, error))
        return false;
    // A database from before the SAM id was recorded gains its column (an error when it has it).
    (void)q.exec(QStringLiteral("ALTER TABLE verifications ADD COLUMN sam_id TEXT"));
    if (!m_commands.open(m_db, error))
        return false;
    // Ratings without a case (contract 1.1) name the service they rate instead.
    (void)q.exec(QStringLiteral("ALTER TABLE evaluations ADD COLUMN service_ref TEXT"));
    for (const QString &token : m_options.enrollTokens) {
        q.prepare(QStringLiteral("INSERT OR IGNORE INTO enroll_tokens (token) VALUES (?)"));
        q.addBindValue(token);
        q.exec();
    }
    m_hall = std::make_unique<HallCounters>(
        m_db, [this](const QByteArray &token) { return holderOf(token); }, [this](const QDateTime &time) { return timeText(time); });
    m_complaints = std::make_unique<Complaints>(m_db);
    m_decisions = std::make_unique<CaseDecisions>(m_db);
    m_payments = std::make_unique<Payments>(m_db, m_options.paymentLifetimeS, [this](const QDateTime &time) { return timeText(time); });
    m_shipments = std::make_unique<PostalShipments>(m_db);
    return m_hall->open(now(), error) && m_complaints->open(error) && m_decisions->open(error) && m_payments->open(error)
           && m_shipments->open(error);
}

QDateTime RefPlatform::now() const
{
    return QDateTime::currentDateTimeUtc().addSecs(m_options.faults.clockOffsetS);
}

QString RefPlatform::timeText(const QDateTime &time) const
{
    return QString::fromLatin1(RequestSigner::timestamp(time.toOffsetFromUtc(8 * 3600)));
}

bool RefPlatform::chance(double probability)
{
    return probability > 0 && m_random.generateDouble() < probability;
}

HttpResponse RefPlatform::json(int status, const QJsonObject &body) const
{
    HttpResponse r;
    r.status = status;
    r.setHeader("Content-Type", "application/json; charset=utf-8");
    r.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return r;
}

HttpResponse RefPlatform::error(int status, const QString &code, const QString &message, const QJsonObject &details) const
{
    return json(status, {{QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), code},
                                                                {QStringLiteral("message"), message},
                                                                {QStringLiteral("details"), details}}}});
}

void RefPlatform::log(const HttpRequest &request, const HttpResponse &response, const QString &terminalId, const QString &fault)
{
    // The log is what tests read through /_inspect; reading it must not change it.
    if (request.path().startsWith("/_inspect/"))
        return;
    m_requests.append(QJsonObject{
        {QStringLiteral("method"), QString::fromLatin1(request.method)},
        {QStringLiteral("path"), QString::fromLatin1(request.path())},
        {QStringLiteral("status"), fault == QLatin1String("reset") || fault == QLatin1String("outage") ? 0 : response.status},
        {QStringLiteral("terminal_id"), terminalId},
        {QStringLiteral("idempotency_key"), QString::fromLatin1(request.headers.value("idempotency-key"))},
        {QStringLiteral("replayed"), response.header("Idempotent-Replayed") == "true"},
        {QStringLiteral("request_id"), QString::fromLatin1(response.header("X-Request-Id"))},
        {QStringLiteral("signature_alg"), QString::fromLatin1(request.headers.value("x-signature-alg"))},
        {QStringLiteral("fault"), fault},
    });
    while (m_requests.size() > keptRequests)
        m_requests.removeFirst();
}

void RefPlatform::finish(const HttpRequest &request, HttpResponse response, const HttpReply &reply, const QString &terminalId,
                         bool applyDeliveryFaults)
{
    response.setHeader("X-Request-Id", randomHex(m_random, 8));
    response.setHeader("Date", QLocale::c().toString(now(), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss")).toLatin1() + " GMT");
    response.setHeader("Cache-Control", "no-store");
    HttpDelivery delivery;
    QString fault;
    if (applyDeliveryFaults) {
        const FaultPlan &f = m_options.faults;
        if (chance(f.reset)) {
            delivery.mode = HttpDelivery::Mode::Reset;
            fault = QStringLiteral("reset");
        } else if (chance(f.truncate)) {
            delivery.mode = HttpDelivery::Mode::Truncated;
            fault = QStringLiteral("truncate");
        } else if (response.status < 300 && chance(f.malformed)) {
            response.setHeader("Content-Type", "text/html");
            response.body = "<html><body>502 Bad Gateway (a proxy ate the reply)</body></html>";
            fault = QStringLiteral("malformed");
        } else if (f.trickleMs > 0) {
            delivery = {HttpDelivery::Mode::Trickled, f.trickleMs};
            fault = QStringLiteral("trickle");
        }
    }
    log(request, response, terminalId, fault);
    reply(response, delivery);
}

void RefPlatform::handle(const HttpRequest &request, const HttpReply &reply)
{
    const QByteArray path = request.path();
    if (path.startsWith("/_inspect/"))
        return handleInspect(request, reply);
    if (path.startsWith("/pay/") && (request.method == "GET" || request.method == "POST"))
        return finish(request, m_payments->payPage(QString::fromLatin1(path.mid(5)), request.method == "POST", now()), reply, {}, false);
    if ((path == "/desk/" || path == "/desk") && request.method == "GET")
        return finish(request, m_assist->deskPage(request), reply, {}, false);
    const QByteArray base = m_options.basePath.toLatin1();
    if (!path.startsWith(base + '/'))
        return finish(request, error(404, QStringLiteral("not_found"), QStringLiteral("no such endpoint")), reply, {}, false);
    const QByteArray apiPath = path.mid(base.size());
    const QString endpoint = endpointOf(apiPath);
    FaultPlan &faults = m_options.faults;

    if (faults.inOutage(m_uptime.elapsed() / 1000)) {
        log(request, {}, QString::fromLatin1(request.headers.value("x-terminal-id")), QStringLiteral("outage"));
        reply({}, {HttpDelivery::Mode::Reset});
        return;
    }
    if (faults.rateLimitPerSecond > 0) {
        const qint64 nowMs = m_uptime.elapsed();
        const qint64 windowMs = qint64(faults.rateWindowS) * 1000;
        if (nowMs - m_rateWindowStart >= windowMs) {
            m_rateWindowStart = nowMs - (nowMs - m_rateWindowStart) % windowMs;
            m_rateWindowCount = 0;
        }
        if (++m_rateWindowCount > faults.rateLimitPerSecond) {
            HttpResponse r = error(429, QStringLiteral("rate_limited"), QStringLiteral("too many requests"));
            // Retry-After says when the window ends, rounded up to whole seconds.
            r.setHeader("Retry-After", QByteArray::number((m_rateWindowStart + windowMs - nowMs + 999) / 1000));
            return finish(request, r, reply, {}, false);
        }
    }
    if (chance(faults.errorRate(endpoint))) {
        HttpResponse r = error(503, QStringLiteral("unavailable"), QStringLiteral("the platform is busy (injected)"));
        r.setHeader("Retry-After", "1");
        return finish(request, r, reply, {}, false);
    }

    Auth auth;
    if (endpoint != QLatin1String("enroll")) {
        if (const auto refused = authenticate(request, &auth))
            return finish(request, *refused, reply, auth.terminalId, false);
    }

    const bool idempotent = request.method == "POST" && endpoint != QLatin1String("enroll") && endpoint != QLatin1String("heartbeat");
    const QString key = QString::fromLatin1(request.headers.value("idempotency-key"));
    const QByteArray bodyHash = sha256Hex(request.body + '\n' + request.headers.value("x-material-id"));
    if (idempotent) {
        if (key.isEmpty())
            return finish(request, error(400, QStringLiteral("bad_request"), QStringLiteral("Idempotency-Key is required")),
                          reply, auth.terminalId, false);
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("SELECT body_hash, done, status, content_type, body FROM idempotency WHERE terminal_id = ? AND key = ? AND created_at > ?"));
        q.addBindValue(auth.terminalId);
        q.addBindValue(key);
        q.addBindValue(QDateTime::currentSecsSinceEpoch() - idempotencyKeepS);
        if (q.exec() && q.next()) {
            HttpResponse r;
            if (q.value(0).toByteArray() != bodyHash) {
                r = error(422, QStringLiteral("idempotency_key_reused"), QStringLiteral("this key came with another body"));
            } else if (!q.value(1).toBool()) {
                r = error(409, QStringLiteral("in_progress"), QStringLiteral("the first request with this key is still being handled"));
            } else {
                r.status = q.value(2).toInt();
                r.setHeader("Content-Type", q.value(3).toByteArray());
                r.body = q.value(4).toByteArray();
                r.setHeader("Idempotent-Replayed", "true");
            }
            return finish(request, r, reply, auth.terminalId, r.status < 300);
        }
        q.prepare(QStringLiteral("INSERT OR REPLACE INTO idempotency (terminal_id, key, body_hash, done, created_at) VALUES (?, ?, ?, 0, ?)"));
        q.addBindValue(auth.terminalId);
        q.addBindValue(key);
        q.addBindValue(bodyHash);
        q.addBindValue(QDateTime::currentSecsSinceEpoch());
        q.exec();
    }

    auto work = [this, request, reply, apiPath, auth, idempotent, key] {
        // The work and the answer kept for the key commit together: a crash between them would
        // otherwise leave a case whose retry files a second one.
        m_db.transaction();
        HttpResponse r = route(request, apiPath, auth);
        if (idempotent) {
            QSqlQuery q(m_db);
            q.prepare(QStringLiteral("UPDATE idempotency SET done = 1, status = ?, content_type = ?, body = ? WHERE terminal_id = ? AND key = ?"));
            q.addBindValue(r.status);
            q.addBindValue(r.header("Content-Type"));
            q.addBindValue(r.body);
            q.addBindValue(auth.terminalId);
            q.addBindValue(key);
            q.exec();
        }
        m_db.commit();
        finish(request, r, reply, auth.terminalId, true);
    };
    if (faults.latencyMs > 0)
        QTimer::singleShot(faults.latencyMs, this, work);
    else
        work();
}

std::optional<HttpResponse> RefPlatform::authenticate(const HttpRequest &request, Auth *auth)
{
    auth->terminalId = QString::fromLatin1(request.headers.value("x-terminal-id"));
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT secret, division, disabled FROM terminals WHERE terminal_id = ?"));
    q.addBindValue(auth->terminalId);
    if (!q.exec() || !q.next())
        return error(401, QStringLiteral("unknown_terminal"), QStringLiteral("no terminal %1 is enrolled").arg(auth->terminalId));
    const QByteArray secret = q.value(0).toByteArray();
    auth->division = q.value(1).toString();
    if (q.value(2).toBool())
        return error(401, QStringLiteral("terminal_disabled"), QStringLiteral("this terminal has been disabled"));

    const QByteArray algName = request.headers.value("x-signature-alg", "HMAC-SHA256");
    const auto alg = RequestSigner::algorithmFromName(QString::fromLatin1(algName));
    const QByteArray timestamp = request.headers.value("x-timestamp");
    const QByteArray nonce = request.headers.value("x-nonce");
    if (!alg)
        return error(401, QStringLiteral("invalid_signature"), QStringLiteral("unknown X-Signature-Alg"));
    const QByteArray canonical = RequestSigner::canonicalString(request.method, request.target, timestamp, nonce,
                                                                RequestSigner::bodyHash(*alg, request.body));
    if (!RequestSigner::verify(*alg, secret, canonical, request.headers.value("x-signature")))
        return error(401, QStringLiteral("invalid_signature"), QStringLiteral("the signature does not match"));

    const QDateTime sent = RequestSigner::parseTimestamp(timestamp);
    if (!sent.isValid())
        return error(400, QStringLiteral("bad_request"), QStringLiteral("X-Timestamp is not RFC 3339"));
    if (qAbs(sent.secsTo(now())) > maxSkewS)
        return error(401, QStringLiteral("clock_skew"), QStringLiteral("the terminal's clock is off by more than 300 s"),
                     {{QStringLiteral("server_time"), timeText(now())}});
    if (!RequestSigner::isValidNonce(nonce))
        return error(400, QStringLiteral("bad_request"), QStringLiteral("X-Nonce must be 16 to 64 hex characters"));

    const qint64 nowS = QDateTime::currentSecsSinceEpoch();
    q.prepare(QStringLiteral("DELETE FROM nonces WHERE seen_at < ?"));
    q.addBindValue(nowS - nonceWindowS);
    q.exec();
    q.prepare(QStringLiteral("INSERT INTO nonces (terminal_id, nonce, seen_at) VALUES (?, ?, ?)"));
    q.addBindValue(auth->terminalId);
    q.addBindValue(QString::fromLatin1(nonce.toLower()));
    q.addBindValue(nowS);
    if (!q.exec())
        return error(401, QStringLiteral("replayed"), QStringLiteral("this nonce was seen in the last 15 minutes"));
    return std::nullopt;
}

HttpResponse RefPlatform::route(const HttpRequest &request, const QByteArray &path, const Auth &auth)
{
    const bool get = request.method == "GET";
    const bool post = request.method == "POST";
    const QString key = QString::fromLatin1(request.headers.value("idempotency-key"));
    if (path == "/enroll" && post)
        return enroll(request);
    if (path == "/catalogue" && get)
        return catalogue(request);
    if (path == "/identity/verify" && post)
        return verifyIdentity(request);
    if (path == "/staff/verify" && post) {
        const StaffRegistry::Answer a = m_staff.verify(QJsonDocument::fromJson(request.body).object(), now());
        return a.error.isEmpty() ? json(a.status, a.body) : error(a.status, a.error, a.message, a.details);
    }
    if (path == "/materials" && post)
        return uploadMaterial(request, auth);
    if (path == "/cases" && post)
        return submitCase(request, auth, key);
    if (path == "/cases" && get)
        return caseList(request);
    if (path.startsWith("/cases/") && get)
        return caseStatus(QString::fromLatin1(QByteArray::fromPercentEncoding(path.mid(7))));
    if (path == "/licenses" && get)
        return licenses(request);
    if (path.startsWith("/documents/") && get)
        return document(request, QString::fromLatin1(path.mid(11)));
    if (path == "/evaluations" && post)
        return evaluate(request);
    if (path == "/heartbeat" && post)
        return heartbeat(request, auth);
    if (path == "/screenshots" && post)
        return uploadScreenshot(request, auth);
    if (path == "/complaints" && post)
        return m_complaints->file(request, auth.terminalId, now());
    if (path.startsWith("/payments/") && path.endsWith("/cancel") && post)
        return m_payments->cancel(QString::fromLatin1(path.mid(10).chopped(7)), auth.terminalId, now());
    if (path.startsWith("/payments/") && get)
        return m_payments->status(QString::fromLatin1(path.mid(10)), auth.terminalId, now());
    if (path == "/tickets/groups" && get)
        return m_hall->groups();
    if (path == "/tickets" && post)
        return m_hall->takeTicket(request, auth.terminalId, now());
    if (path == "/appointments" && get)
        return m_hall->appointments(request, now());
    if (path.startsWith("/appointments/") && path.endsWith("/check-in") && post)
        return m_hall->checkIn(QString::fromLatin1(path.mid(14).chopped(9)), auth.terminalId, auth.division, now());
    if (path == "/assist/calls" && post)
        return m_assist->requestCall(request, auth.terminalId, m_options.basePath);
    return error(404, QStringLiteral("not_found"), QStringLiteral("no such endpoint"));
}

HttpResponse RefPlatform::enroll(const HttpRequest &request)
{
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    const QString token = body.value(QLatin1String("enroll_token")).toString();
    const QString site = body.value(QLatin1String("site")).toString();
    static const QRegularExpression siteShape(QStringLiteral("^(\\d{6})-"));
    const QRegularExpressionMatch match = siteShape.match(site);
    if (!match.hasMatch())
        return error(400, QStringLiteral("bad_request"), QStringLiteral("site must start with a 6-digit division code"));
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT 1 FROM enroll_tokens WHERE token = ? AND used_by IS NULL"));
    q.addBindValue(token);
    if (token.isEmpty() || !q.exec() || !q.next())
        return error(401, QStringLiteral("invalid_enroll_token"), QStringLiteral("the enrolment token is unknown or used"));
    const QString division = match.captured(1);
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM terminals WHERE division = ?"));
    q.addBindValue(division);
    q.exec();
    q.next();
    const QString terminalId = QStringLiteral("T%1%2").arg(division).arg(q.value(0).toInt() + 1, 6, 10, QLatin1Char('0'));
    QByteArray secret(32, Qt::Uninitialized);
    for (char &c : secret)
        c = char(m_random.bounded(256));
    q.prepare(QStringLiteral("INSERT INTO terminals (terminal_id, secret, division, serial, model, site, enrolled_at) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(terminalId);
    q.addBindValue(secret);
    q.addBindValue(division);
    q.addBindValue(body.value(QLatin1String("serial")).toString());
    q.addBindValue(body.value(QLatin1String("model")).toString());
    q.addBindValue(site);
    q.addBindValue(QDateTime::currentSecsSinceEpoch());
    q.exec();
    q.prepare(QStringLiteral("UPDATE enroll_tokens SET used_by = ? WHERE token = ?"));
    q.addBindValue(terminalId);
    q.addBindValue(token);
    q.exec();
    return json(201, {{QStringLiteral("terminal_id"), terminalId},
                      {QStringLiteral("secret"), QString::fromLatin1(secret.toBase64())},
                      {QStringLiteral("division_code"), division},
                      {QStringLiteral("server_time"), timeText(now())}});
}

HttpResponse RefPlatform::catalogue(const HttpRequest &request)
{
    HttpResponse r;
    r.setHeader("ETag", m_etag);
    if (request.headers.value("if-none-match") == m_etag) {
        r.status = 304;
        return r;
    }
    r.setHeader("Content-Type", "application/json; charset=utf-8");
    r.body = m_options.catalogueJson;
    return r;
}

void RefPlatform::recordVerification(const QJsonObject &body, bool verified, const QString &reason)
{
    const QJsonObject face = body.value(QLatin1String("face")).toObject();
    const QByteArray jpeg = QByteArray::fromBase64(face.value(QLatin1String("jpeg")).toString().toLatin1());
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO verifications (method, face, face_bytes, liveness, verified, reason, created_at, sam_id) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(body.value(QLatin1String("method")).toString());
    q.addBindValue(body.contains(QLatin1String("face")) ? 1 : 0);
    // Only whether it was a JPEG and how big: the picture is compared and forgotten.
    q.addBindValue(jpeg.startsWith("\xff\xd8") ? jpeg.size() : 0);
    q.addBindValue(face.value(QLatin1String("liveness")).toDouble(0));
    q.addBindValue(verified ? 1 : 0);
    q.addBindValue(reason);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(body.value(QLatin1String("card")).toObject().value(QLatin1String("sam_id")).toString());
    q.exec();
}

HttpResponse RefPlatform::verifyIdentity(const HttpRequest &request)
{
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    const QString method = body.value(QLatin1String("method")).toString();
    QString holder;
    QJsonObject codeHolder; // whose a network-identity code is, told to the kiosk for its form
    auto refuse = [this, &body](const char *reason) {
        recordVerification(body, false, QString::fromLatin1(reason));
        return json(200, {{QStringLiteral("verified"), false}, {QStringLiteral("reason"), QString::fromLatin1(reason)}});
    };
    if (method == QLatin1String("idcard")) {
        const QJsonObject card = body.value(QLatin1String("card")).toObject();
        const QString idNumber = card.value(QLatin1String("id_number")).toString();
        if (!FormCheck::isIdNumber(idNumber) || card.value(QLatin1String("name")).toString().isEmpty())
            return refuse("card_invalid");
        const QDate until = QDate::fromString(card.value(QLatin1String("valid_until")).toString(), Qt::ISODate);
        if (until.isValid() && until < now().toOffsetFromUtc(8 * 3600).date())
            return refuse("card_expired");
        holder = QString::fromLatin1(sha256Hex(idNumber.toUpper().toLatin1()));
    } else if (method == QLatin1String("netid_qr")) {
        const QString payload = body.value(QLatin1String("qr_payload")).toString();
        if (payload.isEmpty())
            return error(400, QStringLiteral("bad_request"), QStringLiteral("qr_payload is missing"));
        const DemoNetId::Resolution resolution = DemoNetId::resolve(payload);
        if (!resolution.refusal.isEmpty())
            return refuse(resolution.refusal == QLatin1String("qr_expired") ? "qr_expired" : "card_invalid");
        codeHolder = resolution.holder;
        holder = QString::fromLatin1(sha256Hex(codeHolder.value(QLatin1String("id_number")).toString().toUpper().toLatin1()));
    } else if (method == QLatin1String("staff_attested")) {
        const QString problem = m_staff.attestationProblem(body);
        if (problem == QLatin1String("staff_unknown"))
            return error(401, problem, QStringLiteral("the staff token is unknown or expired"));
        if (problem == QLatin1String("bad_request"))
            return error(400, problem, QStringLiteral("evidence must be household_register, temporary_id or known_person"));
        if (!problem.isEmpty())
            return refuse("card_invalid");
        const QString idNumber = body.value(QLatin1String("person")).toObject().value(QLatin1String("id_number")).toString();
        holder = QString::fromLatin1(sha256Hex(idNumber.toUpper().toLatin1()));
    } else {
        return error(400, QStringLiteral("bad_request"), QStringLiteral("method must be idcard, netid_qr or staff_attested"));
    }
    double score = 0.95;
    if (body.contains(QLatin1String("face"))) {
        const QJsonObject face = body.value(QLatin1String("face")).toObject();
        const double liveness = face.value(QLatin1String("liveness")).toDouble(0);
        if (face.value(QLatin1String("jpeg")).toString().isEmpty() || liveness < 0.5)
            return refuse("face_mismatch");
        score = 0.80 + liveness * 0.15;
    }
    const QString token = QString::fromLatin1(randomHex(m_random, 16));
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO holders (token, holder, expires_at) VALUES (?, ?, ?)"));
    q.addBindValue(token);
    q.addBindValue(holder);
    q.addBindValue(QDateTime::currentSecsSinceEpoch() + m_options.holderTokenLifetimeS);
    q.exec();
    recordVerification(body, true, {});
    QJsonObject answer{{QStringLiteral("verified"), true}, {QStringLiteral("score"), score},
                       {QStringLiteral("holder_token"), token}, {QStringLiteral("expires_in"), m_options.holderTokenLifetimeS}};
    if (!codeHolder.isEmpty())
        answer.insert(QStringLiteral("holder"), codeHolder);
    if (method == QLatin1String("staff_attested"))
        answer.insert(QStringLiteral("assurance"), method);
    return json(200, answer);
}

HttpResponse RefPlatform::heartbeat(const HttpRequest &request, const Auth &auth)
{
    const QJsonDocument doc = QJsonDocument::fromJson(request.body);
    if (!doc.isObject())
        return error(400, QStringLiteral("bad_request"), QStringLiteral("the body is not a JSON object"));
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO heartbeats (terminal_id, at, report) VALUES (?, ?, ?)"));
    q.addBindValue(auth.terminalId);
    q.addBindValue(QDateTime::currentSecsSinceEpoch());
    q.addBindValue(QString::fromUtf8(request.body));
    q.exec();
    m_commands.recordAcks(auth.terminalId, doc.object().value(QLatin1String("acks")));
    const QJsonArray commands = m_commands.takeFor(auth.terminalId);
    return json(200, {{QStringLiteral("server_time"), timeText(now())},
                      {QStringLiteral("catalogue_version"), m_catalogue->version()},
                      {QStringLiteral("commands"), commands}});
}

HttpResponse RefPlatform::uploadScreenshot(const HttpRequest &request, const Auth &auth)
{
    if (!request.headers.value("content-type").startsWith("image/png"))
        return error(400, QStringLiteral("bad_request"), QStringLiteral("a screenshot is image/png"));
    QString problem;
    const QString id = m_commands.storeScreenshot(auth.terminalId, QString::fromLatin1(request.headers.value("x-command-id")), request.body, &problem);
    return id.isEmpty() ? error(400, QStringLiteral("bad_request"), problem) : json(201, {{QStringLiteral("screenshot_id"), id}});
}
