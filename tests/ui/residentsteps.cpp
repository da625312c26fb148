#include "residentsteps.h"

#include "enrolledkiosk.h"
#include "idcard/sim/simcards.h"
#include "kioskshell.h"
#include "printer/sim/printersimulator.h"
#include "refplatformprocess.h"
#include "runningkiosk.h"
#include "uiprobe.h"
#include "vision/codereader.h"

#include <QDir>
#include <QDirIterator>
#include <QEventLoop>
#include <QFile>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTest>

ResidentSteps::ResidentSteps() = default;
ResidentSteps::~ResidentSteps() = default;

void ResidentSteps::start(const QString &token, const QStringList &platformArguments, const QMap<QString, QString> &settings)
{
    m_enrolled = std::make_unique<EnrolledKiosk>();
    QVERIFY2(m_enrolled->start(token, platformArguments, settings), qPrintable(m_enrolled->errorText()));
    m_kiosk = m_enrolled->kiosk();
    m_runtime = m_kiosk->runtime();
    m_shell = m_kiosk->shell();
    m_window = m_kiosk->window();
}

void ResidentSteps::openHome()
{
    QVERIFY(UiProbe::tap(m_window, QStringLiteral("startArea")));
    QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("homeScreen")));
}

void ResidentSteps::openItem(const QString &itemCode)
{
    QVERIFY(m_shell->openItem(itemCode));
    QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("guideScreen")));
    QTRY_COMPARE_WITH_TIMEOUT(m_shell->selectedItemUnavailable(), QString(), 30000);
}

void ResidentSteps::presentCard(const QString &card)
{
    QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("identifyScreen")));
    QTRY_VERIFY_WITH_TIMEOUT(m_shell->cardReaderUsable(), 30000);
    // A card left from an earlier step is lifted first, long enough for the reader's polling to
    // see the field empty, as a resident would.
    if (m_shell->simulate(QStringLiteral("card remove")).startsWith(QLatin1String("ok")))
        QTest::qWait(1500);
    QVERIFY(m_shell->simulate(QStringLiteral("card present ") + card).startsWith(QLatin1String("ok")));
    QVERIFY(tapWhenShown(QStringLiteral("continueButton")));
}

void ResidentSteps::startItemWithCard(const QString &itemCode)
{
    openHome();
    openItem(itemCode);
    QVERIFY(tapWhenShown(QStringLiteral("startButton")));
    presentCard();
}

bool ResidentSteps::tapWhenShown(const QString &name, int timeoutMs) const
{
    return UiProbe::tapWhenShown(m_window, name, timeoutMs);
}

QString ResidentSteps::shownText(const QString &objectName) const
{
    QQuickItem *item = UiProbe::find(m_window, objectName);
    return item && item->isVisible() ? item->property("text").toString() : QString();
}

QJsonArray ResidentSteps::table(const QString &name) const
{
    return m_enrolled->platform()->inspect(name).value(name).toArray();
}

QString ResidentSteps::stateDir() const
{
    return m_enrolled->directory()->filePath(QStringLiteral("state"));
}

QStringList ResidentSteps::spooledNames(const QString &deviceId) const
{
    QStringList names;
    for (const QString &name :
         QDir(PrinterSimulator::defaultSpoolDirectory(stateDir(), deviceId)).entryList({QStringLiteral("*.pdf")}, QDir::Files, QDir::Name))
        names << name.section(QLatin1Char('-'), 1);
    return names;
}

QStringList ResidentSteps::spooledTexts(const QString &deviceId, const QString &pattern) const
{
    const QDir spool(PrinterSimulator::defaultSpoolDirectory(stateDir(), deviceId));
    QStringList texts;
    for (const QString &name : spool.entryList({pattern}, QDir::Files, QDir::Time | QDir::Reversed)) {
        QProcess pdftotext;
        pdftotext.start(QStringLiteral("pdftotext"), {spool.filePath(name), QStringLiteral("-")});
        pdftotext.waitForFinished(30000);
        // pdftotext gives some ideographs as their Kangxi radical look-alikes (⼼ for 心).
        texts.append(QString::fromUtf8(pdftotext.readAllStandardOutput()).normalized(QString::NormalizationForm_KC));
    }
    return texts;
}

QString ResidentSteps::codeOnScreen() const
{
    const QList<DecodedCode> codes = CodeReader().read(m_window->grabWindow());
    return codes.isEmpty() ? QString() : codes.first().text;
}

int ResidentSteps::payThrough(const QString &url)
{
    QNetworkAccessManager network;
    QNetworkRequest request{QUrl(url)};
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    QNetworkReply *reply = network.post(request, QByteArray());
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    reply->deleteLater();
    return status;
}

void ResidentSteps::verifyNothingOfTheResidentIsStored(const QStringList &alsoAbsent) const
{
    const IdCardHolder card = *SimCards::card(QStringLiteral("resident"));
    const QStringList absent = QStringList{card.idNumber, card.name, card.address} + alsoAbsent;
    QDirIterator files(stateDir(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    int read = 0;
    while (files.hasNext()) {
        const QString path = files.next();
        if (path.contains(QLatin1String("/sim/printer-")))
            continue; // the paper the resident took away
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        ++read;
        const QByteArray bytes = file.readAll();
        for (const QString &text : absent)
            QVERIFY2(!bytes.contains(text.toUtf8()), qPrintable(path));
    }
    QVERIFY(read > 0);
}
