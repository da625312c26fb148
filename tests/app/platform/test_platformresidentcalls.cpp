#include "enrolledplatformsuite.h"
#include "platformwait.h"
#include "responseshape.h"

#include <QJsonArray>
#include <QTest>

// A resident's calls to the reference platform: identity by card or network identity code and why
// one fails, their licences and cases, materials uploaded and a case that progresses, a document
// for an instant-print item, every failed check of a form, and a rating.
class TestPlatformResidentCalls : public EnrolledPlatformSuite
{
    Q_OBJECT

private slots:
    void initTestCase() { startAndEnrol(); }
    void init() { clearFaults(); }

    void verifiesAResidentAndServesTheirLicencesAndCases();
    void tellsWhyAnIdentityWasNotVerified();
    void saysWhoseANetworkIdentityCodeIs();
    void refusesACaseWhoseHolderTokenIsStaleOrSomeoneElses();
    void uploadsMaterialsAndSubmitsACaseThatProgresses();
    void issuesAPrintableDocumentForAnInstantPrintItem();
    void reportsEveryFieldThatFailsTheItemsChecks();
    void needsATagForALowRating();
};

void TestPlatformResidentCalls::verifiesAResidentAndServesTheirLicencesAndCases()
{
    PlatformClient client(settings());
    const PlatformResult verified = waitFor(client.verifyIdentity(idCardRequest()));
    QVERIFY2(verified.isOk(), qPrintable(verified.summary()));
    QVERIFY(verified.body.value(QLatin1String("verified")).toBool());
    const QString holder = verified.body.value(QLatin1String("holder_token")).toString();

    const PlatformResult submitted = waitFor(client.submitCase(caseRequest(QStringLiteral("T-LIC-1")), PlatformClient::newIdempotencyKey()));
    QVERIFY2(submitted.isOk(), qPrintable(submitted.summary()));

    const PlatformResult licences = waitFor(client.licenses(holder));
    QVERIFY2(licences.isOk(), qPrintable(licences.summary()));
    const QJsonArray list = licences.body.value(QLatin1String("licenses")).toArray();
    QVERIFY(!list.isEmpty());
    const PlatformResult pdf = waitFor(client.fetchDocument(list.first().toObject().value(QLatin1String("document_url")).toString(), holder));
    QVERIFY2(pdf.isOk(), qPrintable(pdf.summary()));
    QVERIFY(pdf.content.startsWith("%PDF-"));
    const PlatformResult stranger = waitFor(client.fetchDocument(list.first().toObject().value(QLatin1String("document_url")).toString(), QStringLiteral("nobody")));
    QCOMPARE(stranger.errorCode, QStringLiteral("not_found"));

    const PlatformResult cases = waitFor(client.caseList(holder));
    QVERIFY2(cases.isOk(), qPrintable(cases.summary()));
    bool found = false;
    for (const QJsonValue &c : cases.body.value(QLatin1String("cases")).toArray())
        found = found || c.toObject().value(QLatin1String("case_no")) == submitted.body.value(QLatin1String("case_no"));
    QVERIFY(found);
}

void TestPlatformResidentCalls::tellsWhyAnIdentityWasNotVerified()
{
    PlatformClient client(settings());
    const PlatformResult expired = waitFor(client.verifyIdentity(idCardRequest(QStringLiteral("2020-01-01"))));
    QVERIFY(expired.isOk());
    QCOMPARE(expired.body.value(QLatin1String("verified")).toBool(), false);
    QCOMPARE(expired.body.value(QLatin1String("reason")).toString(), QStringLiteral("card_expired"));
    const PlatformResult qr = waitFor(client.verifyIdentity({{QStringLiteral("method"), QStringLiteral("netid_qr")},
                                                           {QStringLiteral("qr_payload"), QStringLiteral("expired:abc")}}));
    QCOMPARE(qr.body.value(QLatin1String("reason")).toString(), QStringLiteral("qr_expired"));
}

void TestPlatformResidentCalls::saysWhoseANetworkIdentityCodeIs()
{
    PlatformClient client(settings());
    const PlatformResult known = waitFor(client.verifyIdentity({{QStringLiteral("method"), QStringLiteral("netid_qr")},
                                                              {QStringLiteral("qr_payload"), QStringLiteral("https://netid.example.gov.cn/v1/demo-resident")}}));
    QVERIFY2(known.isOk(), qPrintable(known.summary()));
    QVERIFY(known.body.value(QLatin1String("verified")).toBool());
    const QJsonObject holder = known.body.value(QLatin1String("holder")).toObject();
    QVERIFY(!holder.value(QLatin1String("name")).toString().isEmpty());
    QCOMPARE(holder.value(QLatin1String("id_number")).toString().size(), 18);
    QVERIFY(!known.body.value(QLatin1String("holder_token")).toString().isEmpty());

    const PlatformResult unknown = waitFor(client.verifyIdentity({{QStringLiteral("method"), QStringLiteral("netid_qr")},
                                                                {QStringLiteral("qr_payload"), QStringLiteral("https://example.com/menu")}}));
    QVERIFY(unknown.isOk());
    QCOMPARE(unknown.body.value(QLatin1String("verified")).toBool(), false);
    QCOMPARE(unknown.body.value(QLatin1String("reason")).toString(), QStringLiteral("card_invalid"));
    QVERIFY(!unknown.body.contains(QLatin1String("holder")));
}

void TestPlatformResidentCalls::refusesACaseWhoseHolderTokenIsStaleOrSomeoneElses()
{
    PlatformClient client(settings());
    const PlatformResult code = waitFor(client.verifyIdentity({{QStringLiteral("method"), QStringLiteral("netid_qr")},
                                                             {QStringLiteral("qr_payload"), QStringLiteral("https://netid.example.gov.cn/v1/demo-resident")}}));
    QVERIFY2(code.isOk(), qPrintable(code.summary()));
    const QString token = code.body.value(QLatin1String("holder_token")).toString();

    // The code's holder is not the applicant of caseRequest().
    QJsonObject other = caseRequest(QStringLiteral("T-TOKEN-1"));
    other.insert(QStringLiteral("holder_token"), token);
    const PlatformResult refused = waitFor(client.submitCase(other, PlatformClient::newIdempotencyKey()));
    QCOMPARE(refused.errorCode, QStringLiteral("validation_failed"));
    QCOMPARE(refused.details.value(QLatin1String("holder_token")).toString(),
             QStringLiteral("not_the_applicant"));

    QJsonObject stale = caseRequest(QStringLiteral("T-TOKEN-2"));
    stale.insert(QStringLiteral("holder_token"), QStringLiteral("a-token-the-platform-never-gave-or-forgot"));
    const PlatformResult expired = waitFor(client.submitCase(stale, PlatformClient::newIdempotencyKey()));
    QCOMPARE(expired.details.value(QLatin1String("holder_token")).toString(),
             QStringLiteral("expired"));

    // Their own case, with their token, is filed.
    QJsonObject own = caseRequest(QStringLiteral("T-TOKEN-3"));
    QJsonObject applicant = own.value(QLatin1String("applicant")).toObject();
    applicant.insert(QStringLiteral("id_number"), code.body.value(QLatin1String("holder")).toObject().value(QLatin1String("id_number")));
    applicant.insert(QStringLiteral("verified_by"), QStringLiteral("netid_qr"));
    own.insert(QStringLiteral("applicant"), applicant);
    own.insert(QStringLiteral("holder_token"), token);
    const PlatformResult filed = waitFor(client.submitCase(own, PlatformClient::newIdempotencyKey()));
    QVERIFY2(filed.isOk(), qPrintable(filed.summary()));
}

void TestPlatformResidentCalls::uploadsMaterialsAndSubmitsACaseThatProgresses()
{
    PlatformClient client(settings());
    const QByteArray jpeg = QByteArray("\xff\xd8\xff\xe0", 4) + QByteArray(5000, 'j');
    const PlatformResult material = waitFor(client.uploadMaterial(QStringLiteral("household_book"), jpeg, "image/jpeg",
                                                                PlatformClient::newIdempotencyKey()));
    QVERIFY2(material.isOk(), qPrintable(material.summary()));
    const QString ref = material.body.value(QLatin1String("material_ref")).toString();

    QJsonObject request = caseRequest(QStringLiteral("T-MAT-1"));
    request.insert(QStringLiteral("item_code"), kItemWithBook);
    request.insert(QStringLiteral("materials"), QJsonArray{ref});
    request.insert(QStringLiteral("theme"), QStringLiteral("birth"));
    const PlatformResult submitted = waitFor(client.submitCase(request, PlatformClient::newIdempotencyKey()));
    QVERIFY2(submitted.isOk(), qPrintable(submitted.summary()));
    QCOMPARE(submitted.httpStatus, 201);
    const QString caseNumber = submitted.body.value(QLatin1String("case_no")).toString();
    QVERIFY(ResponseShape::isCaseNumber(caseNumber));
    QVERIFY(caseNumber.startsWith(m_credentials.divisionCode));
    QCOMPARE(statusOf(submitted.body), QStringLiteral("accepted"));

    // The server was started with one-second steps: accepted → in_review → approved.
    QString status;
    for (int i = 0; i < 120 && status != QLatin1String("approved"); ++i) {
        const PlatformResult progress = waitFor(client.caseStatus(caseNumber));
        QVERIFY2(progress.isOk(), qPrintable(progress.summary()));
        status = statusOf(progress.body);
        if (status == QLatin1String("approved"))
            QCOMPARE(progress.body.value(QLatin1String("history")).toArray().size(), 3);
        else
            QTest::qWait(250);
    }
    QCOMPARE(status, QStringLiteral("approved"));
    QCOMPARE(waitFor(client.caseStatus(QStringLiteral("34010320261123999999"))).errorCode, QStringLiteral("not_found"));
}

void TestPlatformResidentCalls::issuesAPrintableDocumentForAnInstantPrintItem()
{
    PlatformClient client(settings());
    const PlatformResult verified = waitFor(client.verifyIdentity(idCardRequest()));
    const QString holder = verified.body.value(QLatin1String("holder_token")).toString();
    QJsonObject request = caseRequest(QStringLiteral("T-PRINT-1"));
    request.insert(QStringLiteral("item_code"), kPrintItem);
    request.insert(QStringLiteral("form"), QJsonObject());
    request.insert(QStringLiteral("holder_token"), holder);
    const PlatformResult submitted = waitFor(client.submitCase(request, PlatformClient::newIdempotencyKey()));
    QVERIFY2(submitted.isOk(), qPrintable(submitted.summary()));
    QCOMPARE(statusOf(submitted.body), QStringLiteral("approved"));
    const PlatformResult pdf = waitFor(client.fetchDocument(submitted.body.value(QLatin1String("document_url")).toString(), holder));
    QVERIFY2(pdf.isOk(), qPrintable(pdf.summary()));
    QVERIFY(pdf.content.contains(submitted.body.value(QLatin1String("case_no")).toString().toLatin1()));
}

void TestPlatformResidentCalls::reportsEveryFieldThatFailsTheItemsChecks()
{
    PlatformClient client(settings());
    QJsonObject request = caseRequest(QStringLiteral("T-BAD-1"), QStringLiteral("12345"));
    request.insert(QStringLiteral("item_code"), kItemWithBook);
    QJsonObject form = request.value(QLatin1String("form")).toObject();
    form.insert(QStringLiteral("favourite_colour"), QStringLiteral("blue"));
    request.insert(QStringLiteral("form"), form);
    const PlatformResult r = waitFor(client.submitCase(request, PlatformClient::newIdempotencyKey()));
    QCOMPARE(r.outcome, PlatformOutcome::Permanent);
    QCOMPARE(r.httpStatus, 422);
    QCOMPARE(r.errorCode, QStringLiteral("validation_failed"));
    QCOMPARE(r.details.value(QLatin1String("phone")).toString(), QStringLiteral("invalid_phone"));
    QCOMPARE(r.details.value(QLatin1String("materials.household_book")).toString(), QStringLiteral("required"));
    QCOMPARE(r.details.value(QLatin1String("favourite_colour")).toString(), QStringLiteral("unknown_field"));

    QJsonObject closed = caseRequest(QStringLiteral("T-BAD-2"));
    closed.insert(QStringLiteral("item_code"), QStringLiteral("340100-000-ZZ-9999-01"));
    QCOMPARE(waitFor(client.submitCase(closed, PlatformClient::newIdempotencyKey())).errorCode, QStringLiteral("item_closed"));
}

void TestPlatformResidentCalls::needsATagForALowRating()
{
    PlatformClient client(settings());
    const PlatformResult submitted = waitFor(client.submitCase(caseRequest(QStringLiteral("T-EVAL-1")), PlatformClient::newIdempotencyKey()));
    QVERIFY(submitted.isOk());
    QJsonObject rating{{QStringLiteral("case_no"), submitted.body.value(QLatin1String("case_no"))},
                       {QStringLiteral("score"), 2}, {QStringLiteral("tags"), QJsonArray()}, {QStringLiteral("anonymous"), true}};
    const PlatformResult untagged = waitFor(client.submitEvaluation(rating, PlatformClient::newIdempotencyKey()));
    QCOMPARE(untagged.errorCode, QStringLiteral("validation_failed"));
    QCOMPARE(untagged.details.value(QLatin1String("tags")).toString(), QStringLiteral("required_for_low_score"));
    rating.insert(QStringLiteral("tags"), QJsonArray{QStringLiteral("slow")});
    const PlatformResult tagged = waitFor(client.submitEvaluation(rating, PlatformClient::newIdempotencyKey()));
    QVERIFY2(tagged.isOk(), qPrintable(tagged.summary()));
    QVERIFY(!tagged.body.value(QLatin1String("evaluation_id")).toString().isEmpty());
}

QTEST_GUILESS_MAIN(TestPlatformResidentCalls)
#include "test_platformresidentcalls.moc"
