#include "applicationdraft.h"

#include "common/personaldata.h"
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

    void aMaskedTextIsNeverTakenForAValue()
    {
        ApplicationDraft draft;
        draft.begin(pension(), resident());
        const QString address = resident().address;
        QVERIFY(!draft.setValue(QStringLiteral("address"), PersonalData::maskAddress(address)));
        QCOMPARE(draft.value(QStringLiteral("address")), address);
        QVERIFY(!draft.setValue(QStringLiteral("phone"), PersonalData::maskPhone(QStringLiteral("13955123456"))));
        QVERIFY(draft.value(QStringLiteral("phone")).isEmpty());
        // The screens show the card's address masked; the resident editing it gets it whole.
        QCOMPARE(draft.shownValue(QStringLiteral("address")), PersonalData::maskAddress(address));
        QCOMPARE(draft.editableValue(QStringLiteral("address")), address);
        QVERIFY(draft.editableValue(QStringLiteral("id_number")).isEmpty());
        // Confirming the card's address unchanged keeps it the card's.
        QVERIFY(draft.setValue(QStringLiteral("address"), address));
        QVERIFY(draft.isPrefilled(QStringLiteral("address")));
    }

    void anAccountNumberIsShownMaskedOnceTyped()
    {
        ApplicationDraft draft;
        draft.begin(*Catalogue::demo().item(QStringLiteral("340100-000-ZZ-0004-01")), resident());
        QVERIFY(draft.setValue(QStringLiteral("bank_account"), QStringLiteral("6222021234567890")));
        QCOMPARE(draft.value(QStringLiteral("bank_account")), QStringLiteral("6222021234567890"));
        QCOMPARE(draft.shownValue(QStringLiteral("bank_account")), QStringLiteral("6222********7890"));
        QCOMPARE(draft.editableValue(QStringLiteral("bank_account")), QStringLiteral("6222021234567890"));
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

    void theNextMaterialStillWithoutAPageComesNextAndAPageCanBeReplaced()
    {
        static const Catalogue catalogue = Catalogue::demo();
        const CatalogueItem *birth = catalogue.item(QStringLiteral("340100-000-ZZ-0006-01")); // birth certificate, household book, marriage certificate
        QVERIFY(birth);
        ApplicationDraft draft;
        draft.begin(*birth, resident());
        QCOMPARE(draft.nextMaterialWithoutPages(QStringLiteral("birth_certificate")), QStringLiteral("household_book"));
        QVERIFY(draft.addPage(QStringLiteral("household_book"), QByteArray("page one")));
        QCOMPARE(draft.nextMaterialWithoutPages(QStringLiteral("birth_certificate")), QStringLiteral("marriage_certificate"));
        QVERIFY(draft.addPage(QStringLiteral("marriage_certificate"), QByteArray("page one")));
        // Coming round to the start: the first material is still missing.
        QCOMPARE(draft.nextMaterialWithoutPages(QStringLiteral("marriage_certificate")), QStringLiteral("birth_certificate"));
        QVERIFY(draft.addPage(QStringLiteral("birth_certificate"), QByteArray("page one")));
        QVERIFY(draft.nextMaterialWithoutPages(QStringLiteral("birth_certificate")).isEmpty());

        QVERIFY(draft.addPage(QStringLiteral("household_book"), QByteArray("page two")));
        QVERIFY(draft.replacePage(QStringLiteral("household_book"), 0, QByteArray("page one again")));
        QCOMPARE(draft.pages(QStringLiteral("household_book")), QList<QByteArray>({"page one again", "page two"}));
        QVERIFY(!draft.replacePage(QStringLiteral("household_book"), 2, QByteArray("no such page")));
        QVERIFY(!draft.replacePage(QStringLiteral("bank_card"), 0, QByteArray("no such material")));
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
