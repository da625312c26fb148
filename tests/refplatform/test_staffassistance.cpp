#include "assistancecheck.h"
#include "staffregistry.h"

#include <QFile>
#include <QJsonArray>
#include <QSqlDatabase>
#include <QTest>

// The reference platform's side of people helping residents (帮办 / 代办): staff codes and their
// sign-in, a resident vouched for by staff, and the checks of a case filed with help or by an
// agent, item by item as the demo catalogue allows them.
class TestStaffAssistance : public QObject
{
    Q_OBJECT

private:
    const QString m_staff = QStringLiteral("S340103000071");
    const QString m_bothAllowed = QStringLiteral("340100-000-ZZ-0002-01");  // staff_attested and agents
    const QString m_staffOnly = QStringLiteral("340100-000-ZZ-0010-01");    // staff_attested, no agents
    const QString m_neitherAllowed = QStringLiteral("340100-000-ZZ-0012-01");
    const QString m_principalNumber = QStringLiteral("340104195001010019");
    const QString m_agentNumber = QStringLiteral("340104198001011234");
    std::optional<Catalogue> m_catalogue;

    const CatalogueItem &item(const QString &code) const { return *m_catalogue->item(code); }

    QJsonObject agentCase(const QString &relation = QStringLiteral("child")) const
    {
        return {{QStringLiteral("applicant"), QJsonObject{{QStringLiteral("name"), QStringLiteral("张桂兰")},
                                                          {QStringLiteral("id_number"), m_principalNumber},
                                                          {QStringLiteral("verified_by"), QStringLiteral("agent")}}},
                {QStringLiteral("agent"), QJsonObject{{QStringLiteral("name"), QStringLiteral("李明")},
                                                      {QStringLiteral("id_number"), m_agentNumber},
                                                      {QStringLiteral("verified_by"), QStringLiteral("idcard")},
                                                      {QStringLiteral("relation"), relation}}}};
    }

    QJsonObject attestedCase(bool withStaff) const
    {
        QJsonObject body{{QStringLiteral("applicant"), QJsonObject{{QStringLiteral("name"), QStringLiteral("张桂兰")},
                                                                   {QStringLiteral("id_number"), m_principalNumber},
                                                                   {QStringLiteral("verified_by"), QStringLiteral("staff_attested")}}}};
        if (withStaff)
            body.insert(QStringLiteral("assisted_by"), QJsonObject{{QStringLiteral("staff_id"), m_staff}});
        return body;
    }

private slots:
    void initTestCase()
    {
        QFile file(QStringLiteral(":/kiosk/catalogue/demo-catalogue.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QString error;
        m_catalogue = Catalogue::fromJson(file.readAll(), &error);
        QVERIFY2(m_catalogue, qPrintable(error));
        QVERIFY(m_catalogue->item(m_bothAllowed) && m_catalogue->item(m_staffOnly) && m_catalogue->item(m_neitherAllowed));
    }

    void theDemoCatalogueHasItemsThatAllowHelpAndOneThatDoesNot()
    {
        QVERIFY(item(m_bothAllowed).agentAllowed);
        QVERIFY(item(m_bothAllowed).auth.contains(QStringLiteral("staff_attested")));
        QVERIFY(item(m_bothAllowed).agentAuthorisation.has_value());
        // The authorisation is asked of agents only: a resident's own materials do not list it.
        for (const MaterialSpec &m : item(m_bothAllowed).materials)
            QVERIFY(m.id != QLatin1String("authorisation"));
        QVERIFY(!item(m_staffOnly).agentAllowed);
        QVERIFY(item(m_staffOnly).auth.contains(QStringLiteral("staff_attested")));
        QVERIFY(!item(m_neitherAllowed).agentAllowed);
        QVERIFY(!item(m_neitherAllowed).auth.contains(QStringLiteral("staff_attested")));
    }

    void aStaffCodeNamesItsStaffMemberForAFewMinutes()
    {
        const QDateTime made = QDateTime::currentDateTimeUtc();
        const QString code = StaffRegistry::codeFor(m_staff, made);
        QVERIFY(code.startsWith(QLatin1String(StaffRegistry::Prefix)));
        QCOMPARE(StaffRegistry::readCode(code, made.addSecs(10)).staffId, m_staff);
        QCOMPARE(StaffRegistry::readCode(code, made.addSecs(10)).refusal, QString());
        QCOMPARE(StaffRegistry::readCode(code, made.addSecs(StaffRegistry::CodeLifetimeS + 1)).refusal, QStringLiteral("staff_code_expired"));
        QCOMPARE(StaffRegistry::readCode(code, made.addSecs(-600)).refusal, QStringLiteral("staff_code_expired"));
    }

    void aForgedOrForeignCodeSignsNobodyIn_data()
    {
        QTest::addColumn<QString>("payload");
        const QString code = StaffRegistry::codeFor(m_staff, QDateTime::currentDateTimeUtc());
        QString otherStaff = code;
        otherStaff.replace(m_staff, QStringLiteral("S340103000072"));
        QString lastDigitChanged = code;
        lastDigitChanged[lastDigitChanged.size() - 1] = lastDigitChanged.endsWith(QLatin1Char('0')) ? QLatin1Char('1') : QLatin1Char('0');
        QTest::newRow("another member's id in a signed code") << otherStaff;
        QTest::newRow("signature changed") << lastDigitChanged;
        QTest::newRow("a resident's app code") << QStringLiteral("https://netid.example.gov.cn/v1/demo-resident");
        QTest::newRow("not on the roster") << QStringLiteral("https://staff.example.gov.cn/v1/S999.1.abc");
        QTest::newRow("empty") << QString();
    }

    void aForgedOrForeignCodeSignsNobodyIn()
    {
        QFETCH(QString, payload);
        QCOMPARE(StaffRegistry::readCode(payload, QDateTime::currentDateTimeUtc()).refusal, QStringLiteral("staff_unknown"));
    }

    void signsStaffInAndVouchesForAResidentOnlyWithALiveToken()
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("staff"));
        db.setDatabaseName(QStringLiteral(":memory:"));
        QVERIFY(db.open());
        StaffRegistry registry;
        QString error;
        QVERIFY2(registry.open(db, &error), qPrintable(error));
        const QDateTime now = QDateTime::currentDateTimeUtc();

        const StaffRegistry::Answer refused = registry.verify(
            {{QStringLiteral("method"), QStringLiteral("staff_qr")}, {QStringLiteral("qr_payload"), StaffRegistry::codeFor(m_staff, now.addSecs(-3600))}}, now);
        QCOMPARE(refused.status, 401);
        QCOMPARE(refused.error, QStringLiteral("staff_code_expired"));

        const StaffRegistry::Answer answer = registry.verify(
            {{QStringLiteral("method"), QStringLiteral("staff_qr")}, {QStringLiteral("qr_payload"), StaffRegistry::codeFor(m_staff, now)}}, now);
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.body.value(QLatin1String("staff_id")).toString(), m_staff);
        // The name goes out masked: the kiosk shows it on every screen.
        QCOMPARE(answer.body.value(QLatin1String("display_name")).toObject().value(QLatin1String("zh")).toString(), QStringLiteral("王*"));
        QCOMPARE(answer.body.value(QLatin1String("roles")).toArray(), QJsonArray{QStringLiteral("assist")});
        QCOMPARE(answer.body.value(QLatin1String("expires_in")).toInt(), StaffRegistry::TokenLifetimeS);
        const QString token = answer.body.value(QLatin1String("staff_token")).toString();
        QCOMPARE(registry.staffOf(token), m_staff);
        QCOMPARE(registry.staffOf(QStringLiteral("not-a-token")), QString());

        QJsonObject attest{{QStringLiteral("method"), QStringLiteral("staff_attested")},
                           {QStringLiteral("staff_token"), token},
                           {QStringLiteral("person"), QJsonObject{{QStringLiteral("name"), QStringLiteral("张桂兰")},
                                                                  {QStringLiteral("id_number"), m_principalNumber}}},
                           {QStringLiteral("evidence"), QStringLiteral("household_register")}};
        QCOMPARE(registry.attestationProblem(attest), QString());
        attest.insert(QStringLiteral("evidence"), QStringLiteral("looks_honest"));
        QCOMPARE(registry.attestationProblem(attest), QStringLiteral("bad_request"));
        attest.insert(QStringLiteral("evidence"), QStringLiteral("known_person"));
        attest.insert(QStringLiteral("person"), QJsonObject{{QStringLiteral("name"), QStringLiteral("张桂兰")},
                                                            {QStringLiteral("id_number"), QStringLiteral("340104195001010010")}});
        QCOMPARE(registry.attestationProblem(attest), QStringLiteral("card_invalid"));
        attest.insert(QStringLiteral("staff_token"), QStringLiteral("forged"));
        QCOMPARE(registry.attestationProblem(attest), QStringLiteral("staff_unknown"));
    }

    void aResidentVouchedForByStaffIsRefusedWhereTheItemDoesNotAllowIt()
    {
        QCOMPARE(AssistanceCheck::check(item(m_staffOnly), attestedCase(true)).refusal, QString());
        QVERIFY(AssistanceCheck::check(item(m_staffOnly), attestedCase(true)).details.isEmpty());
        QCOMPARE(AssistanceCheck::check(item(m_neitherAllowed), attestedCase(true)).refusal, QStringLiteral("method_not_allowed"));
        // Vouched for by nobody named is no vouching.
        QCOMPARE(AssistanceCheck::check(item(m_staffOnly), attestedCase(false)).details.value(QLatin1String("assisted_by")).toString(),
                 QStringLiteral("required"));
        QJsonObject unknownStaff = attestedCase(true);
        unknownStaff.insert(QStringLiteral("assisted_by"), QJsonObject{{QStringLiteral("staff_id"), QStringLiteral("S1")}});
        QCOMPARE(AssistanceCheck::check(item(m_staffOnly), unknownStaff).details.value(QLatin1String("assisted_by.staff_id")).toString(),
                 QStringLiteral("unknown_staff"));
    }

    void anAgentsCaseIsRefusedWhereTheItemDoesNotAllowAgents()
    {
        QCOMPARE(AssistanceCheck::check(item(m_bothAllowed), agentCase()).refusal, QString());
        QVERIFY(AssistanceCheck::check(item(m_bothAllowed), agentCase()).details.isEmpty());
        QCOMPARE(AssistanceCheck::check(item(m_staffOnly), agentCase()).refusal, QStringLiteral("method_not_allowed"));
        QCOMPARE(AssistanceCheck::check(item(m_neitherAllowed), agentCase()).refusal, QStringLiteral("method_not_allowed"));
    }

    void anAgentsCaseNamesTheAgentFully()
    {
        QCOMPARE(AssistanceCheck::check(item(m_bothAllowed), agentCase(QStringLiteral("neighbour"))).details.value(QLatin1String("agent.relation")).toString(),
                 QStringLiteral("unknown_relation"));
        QJsonObject noAgent = agentCase();
        noAgent.remove(QStringLiteral("agent"));
        QCOMPARE(AssistanceCheck::check(item(m_bothAllowed), noAgent).details.value(QLatin1String("agent")).toString(), QStringLiteral("required"));
        // An agent on a case the applicant filed themselves is a contradiction, not a detail.
        QJsonObject selfFiled = agentCase();
        QJsonObject applicant = selfFiled.value(QLatin1String("applicant")).toObject();
        applicant.insert(QStringLiteral("verified_by"), QStringLiteral("idcard"));
        selfFiled.insert(QStringLiteral("applicant"), applicant);
        QCOMPARE(AssistanceCheck::check(item(m_bothAllowed), selfFiled).details.value(QLatin1String("agent")).toString(),
                 QStringLiteral("only_with_verified_by_agent"));
        QJsonObject self = agentCase();
        QJsonObject agent = self.value(QLatin1String("agent")).toObject();
        agent.insert(QStringLiteral("id_number"), m_principalNumber);
        self.insert(QStringLiteral("agent"), agent);
        QCOMPARE(AssistanceCheck::check(item(m_bothAllowed), self).details.value(QLatin1String("agent.id_number")).toString(),
                 QStringLiteral("same_as_applicant"));
    }

    void theAgentHoldsTheTokenAndBringsTheAuthorisation()
    {
        QCOMPARE(AssistanceCheck::tokenIdNumber(agentCase()), m_agentNumber);
        QCOMPARE(AssistanceCheck::tokenIdNumber(attestedCase(true)), m_principalNumber);
        QVERIFY(AssistanceCheck::needsAuthorisation(item(m_bothAllowed), agentCase()));
        QVERIFY(!AssistanceCheck::needsAuthorisation(item(m_bothAllowed), attestedCase(true)));
    }
};

QTEST_GUILESS_MAIN(TestStaffAssistance)
#include "test_staffassistance.moc"
