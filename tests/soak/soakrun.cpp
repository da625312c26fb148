#include "soakrun.h"

#include "device/device.h"
#include "device/deviceregistry.h"
#include "documentdelivery.h"
#include "identityverification.h"
#include "enrolledkiosk.h"
#include "idcard/idcardreader.h"
#include "idcard/sim/simcards.h"
#include "kioskruntime.h"
#include "kioskshell.h"
#include "outboxstore.h"
#include "platformclient.h"
#include "printer/sim/printersimulator.h"
#include "refplatformprocess.h"
#include "runningkiosk.h"
#include "servicedesk.h"
#include "sessionmachine.h"
#include "uiprobe.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QJsonObject>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTimer>

namespace {

const QString ApplyItem = QStringLiteral("340100-000-ZZ-0010-01");    // no materials, no face, a phone typed
const QString DocumentItem = QStringLiteral("340100-000-ZZ-0002-01"); // a household register page, a level chosen
const QString FaceItem = QStringLiteral("340100-000-ZZ-0013-01");     // a document printed after a face check
const char *const KindNames[] = {"card", "code", "platform_away", "paper_out", "refused_code", "document", "face", "platform_lost", "idle_timeout"};

bool fail(QString *error, const QString &what)
{
    *error = what;
    return false;
}

// Processes events until `predicate` holds, waking on each event rather than sleeping ten ms with the event loop
// stopped as QTest::qWaitFor does; the tick bounds how long a change that comes without an event goes unseen.
template <typename Predicate>
bool waitFor(Predicate predicate, int timeoutMs = 30000)
{
    if (predicate())
        return true;
    const QDeadlineTimer deadline(timeoutMs);
    QTimer tick;
    tick.start(5);
    while (!deadline.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        if (predicate())
            return true;
    }
    return predicate();
}

bool tapWhenShown(QQuickWindow *window, const QString &objectName, int timeoutMs)
{
    return waitFor([window, &objectName] { return UiProbe::find(window, objectName) != nullptr; }, timeoutMs)
        && UiProbe::tap(window, objectName);
}

} // namespace

SoakRun::SoakRun() = default;
SoakRun::~SoakRun() = default;

bool SoakRun::start(QString *error)
{
    m_enrolled = std::make_unique<EnrolledKiosk>();
    // The walk-away's countdown is a wait the soak cannot shorten: five seconds, not thirty. The
    // printers are asked for their state four times a second rather than every two seconds, so a
    // receipt printer given paper is seen back within a quarter of a second (the configuration's
    // shortest look; the paper-out session still waits for it).
    if (!m_enrolled->start(QStringLiteral("soak-1"), {},
                           {{QStringLiteral("session/warning_s"), QStringLiteral("5")},
                            {QStringLiteral("devices/printer_status_poll_ms"), QStringLiteral("250")}}))
        return fail(error, m_enrolled->errorText());
    m_shell = m_enrolled->kiosk()->shell();
    m_window = m_enrolled->kiosk()->window();
    // The reader finds a card laid down again only once its polling saw the field empty, as with a
    // real card lifted and laid down: the next card waits for the reader to say so, not a period.
    IdCardReader *reader = m_enrolled->kiosk()->runtime()->devices()->idCardReader();
    if (!reader)
        return fail(error, QStringLiteral("no ID card reader"));
    QObject::connect(reader, &IdCardReader::cardRemoved, reader, [this] { m_cardOnReader = false; });
    if (!waitFor([this] { return UiProbe::find(m_window, QStringLiteral("attractScreen")) != nullptr; }))
        return fail(error, QStringLiteral("the attract screen did not show"));
    return true;
}

QString SoakRun::stateDir() const
{
    return m_enrolled->directory()->filePath(QStringLiteral("state"));
}

SoakSample SoakRun::sample(int sessions) const
{
    SoakSample sample = SoakSample::take(sessions, stateDir());
    const auto stats = m_enrolled->kiosk()->runtime()->outbox()->stats();
    if (stats.ok()) {
        sample.outboxPending = stats.value().pending;
        sample.outboxTombstones = stats.value().delivered;
    }
    return sample;
}

QString SoakRun::mixSummary() const
{
    QStringList parts;
    for (int i = 0; i < int(Kind::Count); ++i)
        parts.append(QStringLiteral("%1 %2").arg(m_counts.at(size_t(i))).arg(QLatin1String(KindNames[i])));
    return parts.join(QStringLiteral(", "));
}

SoakRun::Kind SoakRun::kindOf(int index)
{
    if (index % 50 == 49)
        return Kind::IdleTimeout;
    if (index % 50 == 24)
        return Kind::PlatformLost;
    static constexpr Kind Mix[] = {Kind::Card, Kind::Card, Kind::Code, Kind::PlatformAway, Kind::PaperOut,
                                   Kind::RefusedCode, Kind::Card, Kind::Document, Kind::Face};
    return Mix[index % 9];
}

bool SoakRun::runSession(int index, QString *error)
{
    const Kind kind = kindOf(index);
    ++m_counts.at(size_t(kind));
    m_laps.restart();
    m_kindLaps.restart();
    const bool ok = runKind(kind, index, error);
    m_laps.lap(ok ? QStringLiteral("end") : QStringLiteral("failed"));
    m_kindLaps.lap(QLatin1String(KindNames[int(kind)]));
    if (!ok)
        recover(index);
    return ok;
}

void SoakRun::recover(int index)
{
    UiProbe::screenshot(m_window, QStringLiteral("soak-failed-%1").arg(index));
    RefPlatformProcess *platform = m_enrolled->platform();
    (void)platform->post(QStringLiteral("faults"), {{QStringLiteral("outage"), false}});
    if (PrinterSimulator *printer = m_enrolled->kiosk()->runtime()->devices()->printerSimulator(QStringLiteral("receipt_printer")))
        printer->loadPaper();
    QString ignored;
    (void)backToAttract(&ignored);
}

void SoakRun::removeCard()
{
    (void)m_shell->simulate(QStringLiteral("card remove"));
}

bool SoakRun::runKind(Kind kind, int index, QString *error)
{
    switch (kind) {
    case Kind::Card: {
        // Every card type the demo panel offers (this soak found the 2017 foreign card refused by the form).
        const QStringList cards = SimCards::names();
        if (!openItem(ApplyItem, error) || !identifyByCard(cards.at(index / 9 % cards.size()), error))
            return false;
        if (!waitFor([this] { return UiProbe::find(m_window, QStringLiteral("formScreen")); }))
            return fail(error, QStringLiteral("the form did not show"));
        m_laps.lap(QStringLiteral("form screen"));
        return fillAndSubmit(error) && rateAndLeave(1 + index % 5, error);
    }
    case Kind::Code:
        return openItem(ApplyItem, error) && identifyByCode(error) && fillAndSubmit(error) && rateAndLeave(5, error);
    case Kind::PlatformAway:
        return platformAway(error);
    case Kind::PlatformLost:
        return platformLost(error);
    case Kind::PaperOut:
        return paperOut(error);
    case Kind::RefusedCode:
        return refusedCode(error);
    case Kind::Document:
        return document(error);
    case Kind::Face:
        return face(error);
    case Kind::IdleTimeout:
    case Kind::Count:
        break;
    }
    return idleTimeout(error);
}

bool SoakRun::openItem(const QString &item, QString *error)
{
    if (!UiProbe::tap(m_window, QStringLiteral("startArea")) || !waitFor([this] { return UiProbe::find(m_window, QStringLiteral("homeScreen")); }))
        return fail(error, QStringLiteral("the home screen did not show"));
    m_laps.lap(QStringLiteral("home screen"));
    if (!m_shell->openItem(item) || !waitFor([this] { return m_shell->selectedItemUnavailable().isEmpty(); })
        || !tapWhenShown(m_window, QStringLiteral("startButton"), 20000))
        return fail(error, QStringLiteral("the guide's start button did not show for %1").arg(item));
    m_laps.lap(QStringLiteral("guide"));
    if (!waitFor([this] { return UiProbe::find(m_window, QStringLiteral("identifyScreen")); }))
        return fail(error, QStringLiteral("the identification screen did not show"));
    m_laps.lap(QStringLiteral("identify screen"));
    return true;
}

bool SoakRun::identifyByCard(const QString &card, QString *error)
{
    if (!waitFor([this] { return m_shell->cardReaderUsable(); }))
        return fail(error, QStringLiteral("the card reader did not come"));
    // The last resident's card must have been seen gone first (see start()).
    if (!waitFor([this] { return !m_cardOnReader; }))
        return fail(error, QStringLiteral("the reader did not see the last card lifted"));
    m_laps.lap(QStringLiteral("card lifted wait"));
    m_cardOnReader = true;
    const QString answer = m_shell->simulate(QStringLiteral("card present ") + card);
    if (!answer.startsWith(QLatin1String("ok")))
        return fail(error, QStringLiteral("card present %1: %2").arg(card, answer));
    if (!tapWhenShown(m_window, QStringLiteral("continueButton"), 20000))
        return fail(error, QStringLiteral("the %1 card did not identify the resident").arg(card));
    m_laps.lap(QStringLiteral("card read"));
    return true;
}

bool SoakRun::identifyByCode(QString *error)
{
    Device *scanner = m_enrolled->kiosk()->runtime()->devices()->device(QStringLiteral("barcode_scanner"));
    if (!scanner || !waitFor([scanner] { return scanner->health().isUsable(); }))
        return fail(error, QStringLiteral("the code scanner did not come"));
    const QString answer = m_shell->simulate(QStringLiteral("scan https://netid.example.gov.cn/v1/demo-resident"));
    if (!answer.startsWith(QLatin1String("ok")))
        return fail(error, QStringLiteral("scan: %1").arg(answer));
    if (!tapWhenShown(m_window, QStringLiteral("continueButton"), 20000)
        || !waitFor([this] { return UiProbe::find(m_window, QStringLiteral("formScreen")); }))
        return fail(error, QStringLiteral("the code did not identify the resident"));
    m_laps.lap(QStringLiteral("code read"));
    return true;
}

bool SoakRun::refusedCode(QString *error)
{
    if (!openItem(ApplyItem, error))
        return false;
    Device *scanner = m_enrolled->kiosk()->runtime()->devices()->device(QStringLiteral("barcode_scanner"));
    if (!scanner || !waitFor([scanner] { return scanner->health().isUsable(); }))
        return fail(error, QStringLiteral("the code scanner did not come"));
    const QString answer = m_shell->simulate(QStringLiteral("scan https://netid.example.gov.cn/v1/expired-soak"));
    if (!answer.startsWith(QLatin1String("ok")))
        return fail(error, QStringLiteral("scan: %1").arg(answer));
    IdentityVerification *verification = m_enrolled->kiosk()->runtime()->verification();
    if (!waitFor([verification] {
            return verification->state() == IdentityVerification::State::Refused && verification->problem() == QLatin1String("qr_expired");
        }))
        return fail(error, QStringLiteral("the platform did not refuse the expired code"));
    m_laps.lap(QStringLiteral("refused code"));
    if (UiProbe::find(m_window, QStringLiteral("formScreen")) || m_shell->identified())
        return fail(error, QStringLiteral("an expired code identified a resident"));
    return backToAttract(error);
}

bool SoakRun::typePhone(QString *error)
{
    if (!UiProbe::tap(m_window, QStringLiteral("field_phone"))
        || !waitFor([this] { return UiProbe::find(m_window, QStringLiteral("numericKeypad")); }))
        return fail(error, QStringLiteral("the phone field's keypad did not show"));
    for (const QChar digit : QStringLiteral("13955123456")) {
        if (!UiProbe::tap(m_window, QStringLiteral("key_") + digit))
            return fail(error, QStringLiteral("no key %1 on the keypad").arg(digit));
    }
    if (!UiProbe::tap(m_window, QStringLiteral("keypadDone")))
        return fail(error, QStringLiteral("the keypad did not close"));
    m_laps.lap(QStringLiteral("phone typed"));
    return true;
}

bool SoakRun::submit(QString *error)
{
    if (!UiProbe::tap(m_window, QStringLiteral("submitButton"))
        || !waitFor([this] { return UiProbe::find(m_window, QStringLiteral("resultScreen")); }, 60000))
        return fail(error, QStringLiteral("the result screen did not show"));
    m_laps.lap(QStringLiteral("submit"));
    const KioskShell::Outcome outcome = m_shell->outcome();
    if (outcome != KioskShell::Outcome::Filed && outcome != KioskShell::Outcome::Queued)
        return fail(error, QStringLiteral("the case was neither filed nor queued"));
    return true;
}

bool SoakRun::fillAndSubmit(QString *error)
{
    if (!typePhone(error))
        return false;
    if (!tapWhenShown(m_window, QStringLiteral("reviewButton"), 10000)
        || !waitFor([this] { return UiProbe::find(m_window, QStringLiteral("reviewScreen")); }))
        return fail(error, QStringLiteral("the review screen did not show"));
    m_laps.lap(QStringLiteral("review screen"));
    return submit(error);
}

bool SoakRun::rateAndLeave(int score, QString *error)
{
    if (!waitFor([this] { return m_shell->receiptState() == KioskShell::ReceiptState::Printed; }, 60000))
        return fail(error, QStringLiteral("the receipt did not come out"));
    m_laps.lap(QStringLiteral("receipt printed"));
    if (!UiProbe::tap(m_window, QStringLiteral("toRatingButton")) || !waitFor([this] { return UiProbe::find(m_window, QStringLiteral("ratingScreen")); }))
        return fail(error, QStringLiteral("the rating screen did not show"));
    m_laps.lap(QStringLiteral("rating screen"));
    if (!UiProbe::tap(m_window, QStringLiteral("score_%1").arg(score)))
        return fail(error, QStringLiteral("no score %1").arg(score));
    // A low score (one or two) asks for a reason before it can be sent.
    if (score <= 2) {
        if (!tapWhenShown(m_window, QStringLiteral("tag_0"), 10000))
            return fail(error, QStringLiteral("a low score asked for no reason"));
    }
    if (!waitFor([this] {
            QQuickItem *send = UiProbe::find(m_window, QStringLiteral("sendRating"));
            return send && send->isEnabled();
        }, 10000)
        || !UiProbe::tap(m_window, QStringLiteral("sendRating")))
        return fail(error, QStringLiteral("the rating could not be sent"));
    m_laps.lap(QStringLiteral("rating sent"));
    removeCard();
    if (!waitFor([this] { return UiProbe::find(m_window, QStringLiteral("attractScreen")); }))
        return fail(error, QStringLiteral("the kiosk did not return to the attract screen after the rating"));
    m_laps.lap(QStringLiteral("back to attract"));
    return true;
}

bool SoakRun::backToAttract(QString *error)
{
    m_shell->endSession();
    removeCard();
    if (!waitFor([this] { return UiProbe::find(m_window, QStringLiteral("attractScreen")); }))
        return fail(error, QStringLiteral("the kiosk did not return to the attract screen"));
    m_laps.lap(QStringLiteral("back to attract"));
    return true;
}

bool SoakRun::idleTimeout(QString *error)
{
    if (!UiProbe::tap(m_window, QStringLiteral("startArea")) || !waitFor([this] { return UiProbe::find(m_window, QStringLiteral("homeScreen")); }))
        return fail(error, QStringLiteral("the home screen did not show"));
    m_enrolled->kiosk()->runtime()->session()->showCountdownNow();
    if (!waitFor([this] { return UiProbe::find(m_window, QStringLiteral("attractScreen")); }, 30000))
        return fail(error, QStringLiteral("the idle countdown did not end the session"));
    m_laps.lap(QStringLiteral("idle countdown"));
    return true;
}

bool SoakRun::platformLost(QString *error)
{
    RefPlatformProcess *platform = m_enrolled->platform();
    if (!openItem(ApplyItem, error) || !identifyByCard(QStringLiteral("resident"), error))
        return false;
    if (platform->post(QStringLiteral("faults"), {{QStringLiteral("outage"), true}}).isEmpty())
        return fail(error, QStringLiteral("the platform took no outage"));
    m_laps.lap(QStringLiteral("platform fault set"));
    const bool ok = fillAndSubmit(error);
    const bool queued = ok && m_shell->outcome() == KioskShell::Outcome::Queued;
    if (platform->post(QStringLiteral("faults"), {{QStringLiteral("outage"), false}}).isEmpty())
        return fail(error, QStringLiteral("the platform's outage did not lift"));
    m_laps.lap(QStringLiteral("platform fault lifted"));
    if (!ok)
        return false;
    if (!queued)
        return fail(error, QStringLiteral("a case filed while the platform was away was not queued"));
    return backToAttract(error) && sentLater(error);
}

bool SoakRun::platformAway(QString *error)
{
    RefPlatformProcess *platform = m_enrolled->platform();
    if (!openItem(ApplyItem, error))
        return false;
    if (platform->post(QStringLiteral("faults"), {{QStringLiteral("outage"), true}}).isEmpty())
        return fail(error, QStringLiteral("the platform took no outage"));
    m_laps.lap(QStringLiteral("platform fault set"));
    // A code needs the platform to check it, so the kiosk finds it away; the resident lays their card instead.
    Device *scanner = m_enrolled->kiosk()->runtime()->devices()->device(QStringLiteral("barcode_scanner"));
    if (!scanner || !waitFor([scanner] { return scanner->health().isUsable(); }))
        return fail(error, QStringLiteral("the code scanner did not come"));
    const QString answer = m_shell->simulate(QStringLiteral("scan https://netid.example.gov.cn/v1/demo-resident"));
    if (!answer.startsWith(QLatin1String("ok")))
        return fail(error, QStringLiteral("scan: %1").arg(answer));
    PlatformClient *client = m_enrolled->kiosk()->runtime()->platform();
    if (!waitFor([client] { return client->connectivity() == PlatformClient::Connectivity::Offline; }))
        return fail(error, QStringLiteral("the kiosk did not find the platform away when it checked a code"));
    if (m_shell->identified())
        return fail(error, QStringLiteral("a code identified a resident with the platform away"));
    m_laps.lap(QStringLiteral("code unchecked, platform away"));
    const bool ok = identifyByCard(QStringLiteral("resident"), error) && fillAndSubmit(error);
    const bool queued = ok && m_shell->outcome() == KioskShell::Outcome::Queued;
    if (platform->post(QStringLiteral("faults"), {{QStringLiteral("outage"), false}}).isEmpty())
        return fail(error, QStringLiteral("the platform's outage did not lift"));
    m_laps.lap(QStringLiteral("platform fault lifted"));
    if (!ok)
        return false;
    if (!queued)
        return fail(error, QStringLiteral("a case filed while the platform was away was not queued"));
    return backToAttract(error) && sentLater(error);
}

bool SoakRun::paperOut(QString *error)
{
    PrinterSimulator *printer = m_enrolled->kiosk()->runtime()->devices()->printerSimulator(QStringLiteral("receipt_printer"));
    if (!printer)
        return fail(error, QStringLiteral("no simulated receipt printer"));
    if (!openItem(ApplyItem, error) || !identifyByCard(QStringLiteral("resident"), error))
        return false;
    printer->runOutOfPaperDuringNextJob();
    if (!fillAndSubmit(error))
        return false;
    if (!waitFor([this] { return m_shell->receiptState() == KioskShell::ReceiptState::Failed; }, 60000))
        return fail(error, QStringLiteral("the receipt did not fail with the paper out"));
    m_laps.lap(QStringLiteral("paper out"));
    printer->loadPaper();
    if (!waitFor([this] { return m_shell->receiptState() == KioskShell::ReceiptState::Printed; }, 60000))
        return fail(error, QStringLiteral("the held receipt did not come out once paper was loaded"));
    m_laps.lap(QStringLiteral("paper loaded, receipt printed"));
    // The kiosk sees the printer back at its next look at the printer's state; a receipt before then is refused.
    Device *device = m_enrolled->kiosk()->runtime()->devices()->device(QStringLiteral("receipt_printer"));
    if (!device || !waitFor([device] { return device->health().isUsable(); }))
        return fail(error, QStringLiteral("the receipt printer did not come back after paper was loaded"));
    m_laps.lap(QStringLiteral("printer seen back"));
    return backToAttract(error);
}

bool SoakRun::document(QString *error)
{
    if (!openItem(DocumentItem, error) || !identifyByCard(QStringLiteral("resident"), error))
        return false;
    if (!waitFor([this] { return UiProbe::find(m_window, QStringLiteral("formScreen")); }))
        return fail(error, QStringLiteral("the form did not show"));
    m_laps.lap(QStringLiteral("form screen"));
    if (!typePhone(error) || !tapWhenShown(m_window, QStringLiteral("option_contribution_level_500"), 10000)
        || !tapWhenShown(m_window, QStringLiteral("reviewButton"), 10000))
        return fail(error, error->isEmpty() ? QStringLiteral("the form could not be completed") : *error);
    m_laps.lap(QStringLiteral("document form"));
    if (!waitFor([this] {
            QQuickItem *preview = UiProbe::find(m_window, QStringLiteral("documentPreview"));
            return preview && preview->property("live").toBool();
        }))
        return fail(error, QStringLiteral("the document camera's preview did not go live"));
    m_laps.lap(QStringLiteral("document preview live"));
    if (!UiProbe::tap(m_window, QStringLiteral("captureButton")) || !waitFor([this] {
            QQuickItem *done = UiProbe::find(m_window, QStringLiteral("materialsDoneButton"));
            return done && done->isEnabled();
        }))
        return fail(error, QStringLiteral("the page was not taken"));
    m_laps.lap(QStringLiteral("page taken"));
    if (!UiProbe::tap(m_window, QStringLiteral("materialsDoneButton"))
        || !waitFor([this] { return UiProbe::find(m_window, QStringLiteral("reviewScreen")); }))
        return fail(error, QStringLiteral("the review screen did not follow the materials"));
    m_laps.lap(QStringLiteral("materials done"));
    return submit(error) && rateAndLeave(4, error);
}

bool SoakRun::face(QString *error)
{
    if (!openItem(FaceItem, error) || !identifyByCard(QStringLiteral("resident"), error))
        return false;
    if (!tapWhenShown(m_window, QStringLiteral("agreeButton"), 30000))
        return fail(error, QStringLiteral("the face check asked no consent"));
    m_laps.lap(QStringLiteral("face consent"));
    auto *services = m_shell->findChild<ServiceDesk *>();
    if (services && waitFor([services] { return services->deliveryStage() >= DocumentDelivery::Stage::Printing; }, 90000))
        m_laps.lap(QStringLiteral("face check, filed, fetched"));
    if (!services || !waitFor([services] {
            const DocumentDelivery::Stage stage = services->deliveryStage();
            return stage == DocumentDelivery::Stage::Done || stage == DocumentDelivery::Stage::Failed;
        }, 90000))
        return fail(error, QStringLiteral("the face check and the document did not finish"));
    if (services->deliveryStage() != DocumentDelivery::Stage::Done)
        return fail(error, QStringLiteral("the document after the face check failed"));
    m_laps.lap(QStringLiteral("document printed"));
    return backToAttract(error);
}

bool SoakRun::sentLater(QString *error)
{
    // The outbox's next attempt also tells the kiosk the platform is back: until then a code meets "platform away".
    PlatformClient *client = m_enrolled->kiosk()->runtime()->platform();
    OutboxStore *outbox = m_enrolled->kiosk()->runtime()->outbox();
    if (!waitFor([client, outbox] {
            if (client->connectivity() == PlatformClient::Connectivity::Offline)
                return false;
            const auto stats = outbox->stats();
            return stats.ok() && stats.value().pending == 0;
        }, 120000))
        return fail(error, QStringLiteral("the case queued while the platform was away was not sent once it came back"));
    m_laps.lap(QStringLiteral("queued case sent"));
    return true;
}

bool SoakRun::settle(QString *error)
{
    const bool drained = waitFor([this] {
        const auto stats = m_enrolled->kiosk()->runtime()->outbox()->stats();
        return stats.ok() && stats.value().pending == 0;
    }, 120000);
    return drained || fail(error, QStringLiteral("the outbox did not drain"));
}
