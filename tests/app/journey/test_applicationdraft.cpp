#include "applicationdraft.h"

#include "idcard/idcardholder.h"

#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

namespace {

IdCardHolder resident()
{
    IdCardHolder h;
    h.name = QStringLiteral("李文静");
    h.idNumber = QStringLiteral("340104198806122521");
    h.gender = IdCardHolder::Gender::Female;
    h.nationCode = 1;
    h.birthDate = QDate(1988, 6, 12);
    h.address = QStringLiteral("安徽省合肥市蜀山区长江西路189号");
    return h;
}

const CatalogueItem &pension()
{
    static const Catalogue catalogue = Catalogue::demo();
    return *catalogue.item(QStringLiteral("340100-000-ZZ-0002-01"));
}

} // namespace

// The application a resident fills in: 零填报 from the card, per-field checks, the case body,
// and nothing left once the session is wiped.
class TestApplicationDraft : public QObject
{
    Q_OBJECT

private slots:
    void fillsFieldsFromTheCard()
    {
        ApplicationDraft draft;
        draft.begin(pension(), resident());
        QCOMPARE(draft.value(QStringLiteral("name")), QStringLiteral("李文静"));
        QCOMPARE(draft.value(QStringLiteral("id_number")), QStringLiteral("340104198806122521"));
        QCOMPARE(draft.value(QStringLiteral("address")), QStringLiteral("安徽省合肥市蜀山区长江西路189号"));
        QVERIFY(draft.isPrefilled(QStringLiteral("name")));
        QVERIFY(draft.value(QStringLiteral("phone")).isEmpty());
        QVERIFY(!draft.isPrefilled(QStringLiteral("phone")));
    }

    void typedValuesAndCapturedPagesAreTheResidentsInputCardValuesAreNot()
    {
        ApplicationDraft draft;
        QVERIFY(!draft.holdsResidentInput());
        draft.begin(pension(), resident());
        QVERIFY(!draft.holdsResidentInput());
        QVERIFY(draft.setValue(QStringLiteral("phone"), QStringLiteral("13955123456")));
        QVERIFY(draft.holdsResidentInput());

        draft.begin(pension(), resident());
        QVERIFY(draft.setValue(QStringLiteral("address"), QStringLiteral("安徽省合肥市庐阳区寿春路1号")));
        QVERIFY(draft.holdsResidentInput());

        draft.begin(pension(), resident());
        QVERIFY(!pension().materials.isEmpty());
        QVERIFY(draft.addPage(pension().materials.first().id, QByteArray("a page as the camera took it")));
        QVERIFY(draft.holdsResidentInput());
        draft.wipeSessionData();
        QVERIFY(!draft.holdsResidentInput());
    }

    void aReadOnlyFieldFromTheCardCannotBeChanged()
    {
        ApplicationDraft draft;
        draft.begin(pension(), resident());
        QVERIFY(!draft.setValue(QStringLiteral("name"), QStringLiteral("王五")));
        QCOMPARE(draft.value(QStringLiteral("name")), QStringLiteral("李文静"));
        // The address is filled from the card but the resident may correct it.
        QVERIFY(draft.setValue(QStringLiteral("address"), QStringLiteral("安徽省合肥市庐阳区寿春路1号")));
        QVERIFY(!draft.isPrefilled(QStringLiteral("address")));
        QVERIFY(!draft.setValue(QStringLiteral("no_such_field"), QStringLiteral("x")));
    }

    void isCompleteOnlyWhenEveryFieldPasses()
    {
        ApplicationDraft draft;
        draft.begin(pension(), resident());
        QString first;
        QVERIFY(!draft.isComplete(&first));
        QCOMPARE(first, QStringLiteral("phone"));
        QVERIFY(draft.setValue(QStringLiteral("phone"), QStringLiteral("1395512")));
        QCOMPARE(draft.problem(QStringLiteral("phone")), FormValidation::Problem::NotAPhone);
        QVERIFY(draft.setValue(QStringLiteral("phone"), QStringLiteral("13955123456")));
        QVERIFY(!draft.isComplete(&first));
        QCOMPARE(first, QStringLiteral("contribution_level"));
        QVERIFY(draft.setValue(QStringLiteral("contribution_level"), QStringLiteral("500")));
        QVERIFY(draft.isComplete());
    }

    void buildsTheCaseBodyOfTheContract()
    {
        ApplicationDraft draft;
        draft.begin(pension(), resident());
        QVERIFY(draft.setValue(QStringLiteral("phone"), QStringLiteral(" 13955123456 ")));
        QVERIFY(draft.setValue(QStringLiteral("contribution_level"), QStringLiteral("500")));
        const QJsonObject body = draft.caseBody(QStringLiteral("idcard"));
        QCOMPARE(body.value(QLatin1String("item_code")).toString(), pension().code);
        const QJsonObject applicant = body.value(QLatin1String("applicant")).toObject();
        QCOMPARE(applicant.value(QLatin1String("id_number")).toString(), QStringLiteral("340104198806122521"));
        QCOMPARE(applicant.value(QLatin1String("verified_by")).toString(), QStringLiteral("idcard"));
        const QJsonObject form = body.value(QLatin1String("form")).toObject();
        QCOMPARE(form.value(QLatin1String("phone")).toString(), QStringLiteral("13955123456"));
        QCOMPARE(form.value(QLatin1String("contribution_level")).toString(), QStringLiteral("500"));
    }

    void theWipeLeavesNothing()
    {
        ApplicationDraft draft;
        QSignalSpy changed(&draft, &ApplicationDraft::changed);
        draft.begin(pension(), resident());
        QVERIFY(draft.setValue(QStringLiteral("phone"), QStringLiteral("13955123456")));
        draft.wipeSessionData();
        QVERIFY(!draft.isActive());
        QVERIFY(draft.value(QStringLiteral("name")).isEmpty());
        QVERIFY(draft.value(QStringLiteral("phone")).isEmpty());
        QVERIFY(draft.caseBody(QStringLiteral("idcard")).isEmpty());
        QVERIFY(!draft.setValue(QStringLiteral("phone"), QStringLiteral("13955123456")));
        QCOMPARE(changed.size(), 3);
    }
};

QTEST_GUILESS_MAIN(TestApplicationDraft)
#include "test_applicationdraft.moc"
