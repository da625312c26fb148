#include "kioskruntime.h"
#include "kioskshell.h"
#include "outboxkey.h"
#include "runningkiosk.h"
#include "uiprobe.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/QQmlExtensionPlugin>

Q_IMPORT_QML_PLUGIN(Kiosk_UiPlugin)

// Text the kiosk did not write (a hall name staff typed, a catalogue the platform sent) that
// begins like HTML is shown as the characters it is: the image it names is never fetched, and
// every text item on the screens stays plain text.
class TestUntrustedText : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_state;
    QTcpServer m_bait;
    std::unique_ptr<RunningKiosk> m_kiosk;
    QQuickWindow *m_window = nullptr;

    // An image tag pointing at the bait server, followed by a name, as a hostile text would be.
    QString markup(const QString &name) const
    {
        return QStringLiteral("<img src=http://127.0.0.1:%1/x.png>%2").arg(m_bait.serverPort()).arg(name);
    }

    QString catalogueNaming(const QString &code, const QString &name) const
    {
        QFile file(QStringLiteral(":/kiosk/catalogue/demo-catalogue.json"));
        if (!file.open(QIODevice::ReadOnly))
            return {};
        QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
        QJsonArray items = root.value(QLatin1String("items")).toArray();
        for (qsizetype i = 0; i < items.size(); ++i) {
            QJsonObject item = items.at(i).toObject();
            if (item.value(QLatin1String("code")).toString() == code) {
                item.insert(QStringLiteral("name"), QJsonObject{{QStringLiteral("zh"), name}, {QStringLiteral("en"), name}});
                items.replace(i, item);
            }
        }
        root.insert(QStringLiteral("items"), items);
        const QString path = m_state.filePath(QStringLiteral("catalogue.json"));
        QFile out(path);
        if (!out.open(QIODevice::WriteOnly) || out.write(QJsonDocument(root).toJson()) <= 0)
            return {};
        return path;
    }

    // Lets the window render and any image fetch start, then says whether the bait was asked.
    bool baitWasFetched()
    {
        for (int i = 0; i < 20; ++i) {
            (void)m_window->grabWindow();
            QTest::qWait(50);
        }
        return m_bait.hasPendingConnections();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_bait.listen(QHostAddress::LocalHost));
    }

    void cleanup()
    {
        m_window = nullptr;
        m_kiosk.reset();
    }

    void markupInAHallNameAndACatalogueIsShownAsTyped()
    {
        const QString hall = markup(QStringLiteral("李四服务大厅"));
        const QString item = markup(QStringLiteral("李四证明"));
        const QString catalogue = catalogueNaming(QStringLiteral("340100-000-ZZ-0001-01"), item);
        QVERIFY(!catalogue.isEmpty());

        KioskConfig config = KioskConfig::defaults();
        config.set(QStringLiteral("kiosk/state_dir"), m_state.filePath(QStringLiteral("state")));
        config.set(QStringLiteral("kiosk/hall_name"), hall);
        config.set(QStringLiteral("kiosk/catalogue_file"), catalogue);
        const QString key = m_state.filePath(QStringLiteral("outbox.key"));
        QVERIFY(OutboxKey::create(key).ok());
        config.set(QStringLiteral("offline/key_file"), key);
        QString error;
        m_kiosk = RunningKiosk::start(config, &error);
        QVERIFY2(m_kiosk, qPrintable(error));
        m_window = m_kiosk->window();

        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("attractScreen")));
        const QStringList attract = UiProbe::visibleTexts(UiProbe::find(m_window, QStringLiteral("attractScreen")));
        QVERIFY2(attract.contains(hall), qPrintable(attract.join(QLatin1Char('|'))));
        QCOMPARE(UiProbe::textsNotPlain(m_window->contentItem()), QStringList());
        QVERIFY2(!baitWasFetched(), "the attract screen fetched the image named in the hall name");

        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startArea")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("homeScreen")));
        const QStringList home = UiProbe::visibleTexts(UiProbe::find(m_window, QStringLiteral("homeScreen")));
        QVERIFY2(home.contains(item), qPrintable(home.join(QLatin1Char('|'))));
        QCOMPARE(UiProbe::textsNotPlain(m_window->contentItem()), QStringList());
        QVERIFY2(!baitWasFetched(), "the home screen fetched the image named in an item's name");
    }
};

QTEST_MAIN(TestUntrustedText)
#include "test_untrustedtext.moc"
