#include "outboxplatformtransport.h"
#include "platformclient.h"

#include <QJsonDocument>
#include <QTest>

// What the outbox is told for each kind of platform answer: delivered with the right reference,
// retried (with Retry-After), or parked for staff.
class TestOutboxPlatformTransport : public QObject
{
    Q_OBJECT

private slots:
    void deliversWithTheReferenceOfEachKind_data();
    void deliversWithTheReferenceOfEachKind();
    void retriesTransientFailuresHonouringRetryAfter();
    void retriesAClockThatIsStillOff();
    void parksPermanentFailuresWithTheirCode();
    void sendsTheHolderTokenOnlyWhileThePlatformHonoursIt_data();
    void sendsTheHolderTokenOnlyWhileThePlatformHonoursIt();
    void decidesACaseBodyOnceByItsClockAndLeavesOtherEntriesAsQueued();
    void resendsWithoutTheTokenOnlyWhenTheTokenAloneWasRefused_data();
    void resendsWithoutTheTokenOnlyWhenTheTokenAloneWasRefused();
};

void TestOutboxPlatformTransport::deliversWithTheReferenceOfEachKind_data()
{
    QTest::addColumn<EntryKind>("kind");
    QTest::addColumn<QString>("field");
    QTest::newRow("material") << EntryKind::Material << "material_ref";
    QTest::newRow("case") << EntryKind::Case << "case_no";
    QTest::newRow("evaluation") << EntryKind::Evaluation << "evaluation_id";
}

void TestOutboxPlatformTransport::deliversWithTheReferenceOfEachKind()
{
    QFETCH(EntryKind, kind);
    QFETCH(QString, field);
    PlatformResult ok;
    ok.outcome = PlatformOutcome::Ok;
    ok.body = {{field, QStringLiteral("REF-1")}, {QStringLiteral("other"), QStringLiteral("x")}};
    const DeliveryResult r = OutboxPlatformTransport::toDelivery(kind, ok);
    QVERIFY(std::holds_alternative<Delivered>(r));
    QCOMPARE(std::get<Delivered>(r).reference, QStringLiteral("REF-1"));
    QVERIFY(std::get<Delivered>(r).responseBody.contains("REF-1"));
}

void TestOutboxPlatformTransport::retriesTransientFailuresHonouringRetryAfter()
{
    PlatformResult limited;
    limited.outcome = PlatformOutcome::Transient;
    limited.httpStatus = 429;
    limited.errorCode = QStringLiteral("rate_limited");
    limited.retryAfterS = 7;
    const DeliveryResult r = OutboxPlatformTransport::toDelivery(EntryKind::Case, limited);
    QVERIFY(std::holds_alternative<Transient>(r));
    QCOMPARE(std::get<Transient>(r).retryAfter.value_or(std::chrono::seconds(-1)), std::chrono::seconds(7));
    QCOMPARE(std::get<Transient>(r).reason, QStringLiteral("rate_limited"));

    const DeliveryResult network = OutboxPlatformTransport::toDelivery(
        EntryKind::Material, PlatformResult::networkFailure(QStringLiteral("timeout"), QStringLiteral("no answer")));
    QVERIFY(std::holds_alternative<Transient>(network));
    QVERIFY(!std::get<Transient>(network).retryAfter);
}

void TestOutboxPlatformTransport::retriesAClockThatIsStillOff()
{
    PlatformResult skew;
    skew.outcome = PlatformOutcome::ClockSkew;
    skew.httpStatus = 401;
    skew.errorCode = QStringLiteral("clock_skew");
    QVERIFY(std::holds_alternative<Transient>(OutboxPlatformTransport::toDelivery(EntryKind::Case, skew)));
}

void TestOutboxPlatformTransport::parksPermanentFailuresWithTheirCode()
{
    PlatformResult invalid;
    invalid.outcome = PlatformOutcome::Permanent;
    invalid.httpStatus = 422;
    invalid.errorCode = QStringLiteral("validation_failed");
    const DeliveryResult r = OutboxPlatformTransport::toDelivery(EntryKind::Case, invalid);
    QVERIFY(std::holds_alternative<Permanent>(r));
    QCOMPARE(std::get<Permanent>(r).code, QStringLiteral("validation_failed"));
}

void TestOutboxPlatformTransport::sendsTheHolderTokenOnlyWhileThePlatformHonoursIt_data()
{
    QTest::addColumn<int>("secondsLeft");
    QTest::addColumn<bool>("tokenSent");
    QTest::newRow("sent at once: ten minutes left") << 600 << true;
    QTest::newRow("queued briefly: two minutes left") << 120 << true;
    QTest::newRow("less than a minute left") << 30 << false;
    QTest::newRow("queued past its end") << -3600 << false;
}

void TestOutboxPlatformTransport::sendsTheHolderTokenOnlyWhileThePlatformHonoursIt()
{
    QFETCH(int, secondsLeft);
    QFETCH(bool, tokenSent);
    const QDateTime now = QDateTime::fromString(QStringLiteral("2026-11-23T04:00:00Z"), Qt::ISODate);
    const QJsonObject queued{{QStringLiteral("item_code"), QStringLiteral("340100-000-ZZ-0006-01")},
                             {QStringLiteral("holder_token"), QStringLiteral("tok")},
                             {QLatin1String(OutboxPlatformTransport::HolderTokenExpiryKey),
                              now.addSecs(secondsLeft).toString(Qt::ISODateWithMs)}};
    const QJsonObject sent = OutboxPlatformTransport::caseBodyToSend(queued, now);
    QCOMPARE(sent.contains(QLatin1String("holder_token")), tokenSent);
    QVERIFY(!sent.contains(QLatin1String(OutboxPlatformTransport::HolderTokenExpiryKey)));
    QCOMPARE(sent.value(QLatin1String("item_code")), queued.value(QLatin1String("item_code")));
}

void TestOutboxPlatformTransport::decidesACaseBodyOnceByItsClockAndLeavesOtherEntriesAsQueued()
{
    const PlatformClientSettings settings;
    PlatformClient client(settings);
    OutboxPlatformTransport transport(client);
    const QDateTime expiry = QDateTime::fromString(QStringLiteral("2026-11-23T04:10:00Z"), Qt::ISODate);
    QDateTime now = expiry.addSecs(-600);
    transport.setClock([&now] { return now; });
    OutboxRequest request;
    request.kind = EntryKind::Case;
    request.body = QJsonDocument(QJsonObject{{QStringLiteral("holder_token"), QStringLiteral("tok")},
                                             {QLatin1String(OutboxPlatformTransport::HolderTokenExpiryKey), expiry.toString(Qt::ISODate)}})
                       .toJson(QJsonDocument::Compact);
    QCOMPARE(transport.bodyForFirstSend(request).value_or("none"), QByteArray(R"({"holder_token":"tok"})"));
    now = expiry;
    QCOMPARE(transport.bodyForFirstSend(request).value_or("none"), QByteArray("{}"));

    const QByteArray withoutToken = R"({"item_code":"340100-000-ZZ-0010-01"})";
    request.body = withoutToken;
    QVERIFY(!transport.bodyForFirstSend(request)); // nothing in it depends on the moment
    request.kind = EntryKind::Material;
    QVERIFY(!transport.bodyForFirstSend(request));
    request.kind = EntryKind::Evaluation;
    QVERIFY(!transport.bodyForFirstSend(request));
}

void TestOutboxPlatformTransport::resendsWithoutTheTokenOnlyWhenTheTokenAloneWasRefused_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QJsonObject>("details");
    QTest::addColumn<bool>("withToken");
    QTest::addColumn<bool>("resent");
    const QJsonObject expired{{QStringLiteral("holder_token"), QStringLiteral("expired")}};
    QTest::newRow("only the token had expired") << "validation_failed" << expired << true << true;
    QTest::newRow("the token is someone else's")
        << "validation_failed" << QJsonObject{{QStringLiteral("holder_token"), QStringLiteral("not_the_applicant")}} << true << false;
    QTest::newRow("the form is wrong as well")
        << "validation_failed" << QJsonObject{{QStringLiteral("holder_token"), QStringLiteral("expired")}, {QStringLiteral("phone"), QStringLiteral("invalid")}}
        << true << false;
    QTest::newRow("a case sent without a token") << "validation_failed" << expired << false << false;
    QTest::newRow("another body under the key") << "idempotency_key_reused" << QJsonObject() << true << false;
}

void TestOutboxPlatformTransport::resendsWithoutTheTokenOnlyWhenTheTokenAloneWasRefused()
{
    QFETCH(QString, code);
    QFETCH(QJsonObject, details);
    QFETCH(bool, withToken);
    QFETCH(bool, resent);
    QJsonObject sent{{QStringLiteral("item_code"), QStringLiteral("340100-000-ZZ-0010-01")}, {QStringLiteral("local_ref"), QStringLiteral("T-1")}};
    if (withToken)
        sent.insert(QStringLiteral("holder_token"), QStringLiteral("tok"));
    PlatformResult refused;
    refused.outcome = PlatformOutcome::Permanent;
    refused.httpStatus = 422;
    refused.errorCode = code;
    refused.details = details;
    const std::optional<Rekey> again =
        OutboxPlatformTransport::withoutExpiredToken(QJsonDocument(sent).toJson(QJsonDocument::Compact), refused);
    QCOMPARE(again.has_value(), resent);
    if (again) {
        sent.remove(QStringLiteral("holder_token"));
        QCOMPARE(QJsonDocument::fromJson(again->body).object(), sent);
        QCOMPARE(again->reason, QStringLiteral("holder_token_expired"));
    }
}

QTEST_GUILESS_MAIN(TestOutboxPlatformTransport)
#include "test_outboxplatformtransport.moc"
