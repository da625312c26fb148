#include "kioskconfig.h"
#include "kioskctlrun.h"
#include "kioskruntime.h"
#include "platformheartbeat.h"
#include "refplatformprocess.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

// One catalogue for kioskctl and the kiosk, against a newer platform (contract 1.1) whose
// catalogue carries what this kiosk does not know: an auth method (social_card), fields, an
// item only that method identifies for, and an item the built-in catalogue lacks. Enrolment keeps the
// platform's catalogue where the kiosk reads it; ping, show, case submit and the kiosk itself use
// it; a configured catalogue file that is broken keeps nobody from working and is reported.
class TestPlatformCatalogue : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void enrolmentKeepsThePlatformsCatalogueWhereTheKioskReadsIt();
    void pingsAPlatformWhoseCatalogueCarriesValuesThisKioskDoesNotKnow();
    void showsTheCatalogueTheKioskOffersWithItsSource();
    void submitsAnItemOnlyThePlatformsCatalogueOffers();
    void fetchKeepsTheCatalogueAgainAfterItWasLost();
    void aKioskWhoseCatalogueFileIsBrokenStartsAndTellsStaff();

private:
    using Run = KioskctlRun;
    Run kioskctl(const QStringList &args) const { return KioskctlRun::run(m_config, args); }
    QString stateDir() const { return m_dir.filePath(QStringLiteral("state")); }
    QString cache() const { return m_dir.filePath(QStringLiteral("state/platform-catalogue.json")); }
    QJsonObject heartbeatCatalogue() const;

    QTemporaryDir m_dir;
    RefPlatformProcess m_server;
    QString m_config;
    QString m_brokenCatalogue;
};

namespace {
const QString PlatformOnlyItem = QStringLiteral("340100-000-ZZ-0099-01");
const QString StaffOnlyItem = QStringLiteral("340100-000-ZZ-0098-01");
const QString PlatformVersion = QStringLiteral("2026-12-01.1");
} // namespace

void TestPlatformCatalogue::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(m_server.start({QStringLiteral("--enroll-token"), QStringLiteral("cat-1"), QStringLiteral("--catalogue"),
                             QStringLiteral(KIOSK_PLATFORM_TEST_DATA "/catalogue-contract-1.1.json")}),
             qPrintable(m_server.errorText()));
    QVERIFY(QDir().mkpath(stateDir()));
    // The technician configured a catalogue file that is not a catalogue (an HTML error page).
    m_brokenCatalogue = m_dir.filePath(QStringLiteral("hall-catalogue.json"));
    QFile broken(m_brokenCatalogue);
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("<html>404 Not Found</html>\n");
    broken.close();
    m_config = m_dir.filePath(QStringLiteral("kiosk.ini"));
    QFile config(m_config);
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write(QStringLiteral("[kiosk]\nstate_dir=%1\ncatalogue_file=%3\n[platform]\nurl=%2\ncredentials_file=%1/terminal.json\ntimeout_s=5\n"
                                "[offline]\nkey_file=%1/outbox.key\n[devices]\nid_card_reader=none\nbarcode_scanner=none\nface_camera=none\n"
                                "document_camera=none\nreceipt_printer=none\ndocument_printer=none\n")
                     .arg(stateDir(), m_server.httpUrl().toString(), m_brokenCatalogue)
                     .toUtf8());
    config.close();
    const Run key = kioskctl({QStringLiteral("outbox"), QStringLiteral("init-key")});
    QVERIFY2(key.exitCode == 0, qPrintable(key.out + key.err));
}

QJsonObject TestPlatformCatalogue::heartbeatCatalogue() const
{
    const QJsonArray beats = m_server.inspect(QStringLiteral("heartbeats")).value(QLatin1String("heartbeats")).toArray();
    if (beats.isEmpty())
        return {};
    const QJsonObject report = QJsonDocument::fromJson(beats.last().toObject().value(QLatin1String("report")).toString().toUtf8()).object();
    for (const QJsonValue &device : report.value(QLatin1String("devices")).toArray()) {
        if (device.toObject().value(QLatin1String("class")).toString() == QLatin1String("catalogue"))
            return device.toObject();
    }
    return {};
}

void TestPlatformCatalogue::enrolmentKeepsThePlatformsCatalogueWhereTheKioskReadsIt()
{
    const Run run = kioskctl({QStringLiteral("enroll"), QStringLiteral("--token"), QStringLiteral("cat-1")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    QVERIFY2(run.out.contains(QStringLiteral("catalogue  %1").arg(PlatformVersion)), qPrintable(run.out));
    QVERIFY(QFileInfo::exists(cache()));
    // What this kiosk left out is said, by path, so a technician knows the platform is newer.
    QVERIFY2(run.out.contains(QLatin1String("method 'social_card' unknown to this kiosk, ignored")), qPrintable(run.out));
}

void TestPlatformCatalogue::pingsAPlatformWhoseCatalogueCarriesValuesThisKioskDoesNotKnow()
{
    const Run run = kioskctl({QStringLiteral("platform"), QStringLiteral("ping")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    QVERIFY(run.out.contains(QLatin1String("signature  accepted")));
    QVERIFY2(run.out.contains(QStringLiteral("catalogue  %1").arg(PlatformVersion)), qPrintable(run.out));
}

void TestPlatformCatalogue::showsTheCatalogueTheKioskOffersWithItsSource()
{
    const Run run = kioskctl({QStringLiteral("catalogue"), QStringLiteral("show")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    QVERIFY2(run.out.contains(QStringLiteral("catalogue  %1").arg(PlatformVersion)), qPrintable(run.out));
    QVERIFY2(run.out.contains(QStringLiteral("source     platform (%1)").arg(cache())), qPrintable(run.out));
    QVERIFY(run.out.contains(PlatformOnlyItem));
    // An item only a method unknown to this kiosk identifies for is hidden.
    QVERIFY(!run.out.contains(StaffOnlyItem));
    // The broken configured file is named although the platform's catalogue stands in.
    QVERIFY2(run.out.contains(QStringLiteral("problem    [kiosk] catalogue_file: %1").arg(m_brokenCatalogue)), qPrintable(run.out));

    const Run json = kioskctl({QStringLiteral("catalogue"), QStringLiteral("show"), QStringLiteral("--json")});
    QCOMPARE(json.exitCode, 0);
    const QJsonObject shown = json.json().object();
    QCOMPARE(shown.value(QLatin1String("source")).toString(), QStringLiteral("platform"));
    QCOMPARE(shown.value(QLatin1String("items")).toInt(), shown.value(QLatin1String("item_list")).toArray().size());
    QCOMPARE(shown.value(QLatin1String("items")).toInt(), 20);
}

void TestPlatformCatalogue::submitsAnItemOnlyThePlatformsCatalogueOffers()
{
    QFile form(m_dir.filePath(QStringLiteral("form.json")));
    QVERIFY(form.open(QIODevice::WriteOnly));
    form.write(R"({"name": "张三", "id_number": "11010519491231002X", "phone": "13912345678"})");
    form.close();
    const Run run = kioskctl({QStringLiteral("case"), QStringLiteral("submit"), QStringLiteral("--item"), PlatformOnlyItem,
                              QStringLiteral("--form"), form.fileName()});
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    QVERIFY2(QRegularExpression(QStringLiteral("^\\d{20}$"), QRegularExpression::MultilineOption).match(run.out).hasMatch(), qPrintable(run.out));
    const QJsonArray cases = m_server.inspect(QStringLiteral("cases")).value(QLatin1String("cases")).toArray();
    QCOMPARE(cases.size(), 1);
    QCOMPARE(cases.first().toObject().value(QLatin1String("item_code")).toString(), PlatformOnlyItem);
}

void TestPlatformCatalogue::fetchKeepsTheCatalogueAgainAfterItWasLost()
{
    QVERIFY(QFile::remove(cache()));
    QFile::remove(cache() + QStringLiteral(".etag"));
    const Run before = kioskctl({QStringLiteral("catalogue"), QStringLiteral("show")});
    QVERIFY2(before.out.contains(QLatin1String("source     built-in")), qPrintable(before.out));
    const Run run = kioskctl({QStringLiteral("catalogue"), QStringLiteral("fetch")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    QVERIFY2(run.out.contains(QStringLiteral("kept in    %1").arg(cache())), qPrintable(run.out));
    QVERIFY(QFileInfo::exists(cache()));
    const Run after = kioskctl({QStringLiteral("catalogue"), QStringLiteral("show")});
    QVERIFY2(after.out.contains(QLatin1String("source     platform")), qPrintable(after.out));
}

void TestPlatformCatalogue::aKioskWhoseCatalogueFileIsBrokenStartsAndTellsStaff()
{
    QList<ConfigError> errors;
    const std::optional<KioskConfig> config = KioskConfig::load(m_config, &errors);
    QVERIFY(config);
    QString error;
    std::unique_ptr<KioskRuntime> runtime = KioskRuntime::create(*config, &error);
    QVERIFY2(runtime, qPrintable(error));
    QCOMPARE(runtime->catalogue().version(), PlatformVersion);
    QVERIFY(runtime->catalogue().item(PlatformOnlyItem));
    QVERIFY(!runtime->catalogue().item(StaffOnlyItem));

    // The platform's monitoring hears of it in the heartbeat, as of a device in trouble.
    QVERIFY(runtime->heartbeat());
    runtime->heartbeat()->beatNow();
    QTRY_COMPARE_WITH_TIMEOUT(heartbeatCatalogue().value(QLatin1String("health")).toString(), QStringLiteral("warning"), 60000);
    QCOMPARE(heartbeatCatalogue().value(QLatin1String("detail")).toString(), QStringLiteral("catalogue_file_unusable"));

    // And the maintainer at `kioskctl status`.
    const Run status = kioskctl({QStringLiteral("status"), QStringLiteral("--no-platform"), QStringLiteral("--json")});
    const QJsonObject catalogue = status.json().object().value(QLatin1String("catalogue")).toObject();
    QCOMPARE(catalogue.value(QLatin1String("health")).toString(), QStringLiteral("warning"));
    QCOMPARE(catalogue.value(QLatin1String("source")).toString(), QStringLiteral("platform"));
    QVERIFY2(catalogue.value(QLatin1String("problem")).toString().contains(m_brokenCatalogue), qPrintable(status.out));
    const Run text = kioskctl({QStringLiteral("status"), QStringLiteral("--no-platform")});
    QCOMPARE(text.exitCode, 1); // something for the maintainer to act on
    QVERIFY2(text.out.contains(QLatin1String("warning (catalogue_file_unusable): [kiosk] catalogue_file")), qPrintable(text.out));
}

QTEST_MAIN(TestPlatformCatalogue)
#include "test_platformcatalogue.moc"
