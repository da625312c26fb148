#include "idcard/idcardreaderworker.h"

#include "device/driverslog.h"
#include "idcard/idcardphotodecoderloader.h"
#include "idcard/idcardtextblock.h"
#include "idcard/serialtransport.h"
#include "idcard/usbtransport.h"

#include <utility>

namespace {

std::unique_ptr<IdCardTransport> makeTransport(const DeviceSpec &spec)
{
    if (spec.kind == DeviceSpec::Kind::Usb) {
        UsbTransport::Endpoints endpoints;
        endpoints.vendorId = spec.vendorId;
        endpoints.productId = spec.productId;
        endpoints.in = static_cast<quint8>(spec.intOption(QStringLiteral("in"), 0x81));
        endpoints.out = static_cast<quint8>(spec.intOption(QStringLiteral("out"), 0x02));
        endpoints.interfaceNumber = spec.intOption(QStringLiteral("interface"), 0);
        endpoints.preamble = spec.boolOption(QStringLiteral("preamble"), true);
        return std::make_unique<UsbTransport>(endpoints);
    }
    return std::make_unique<SerialTransport>(spec.path, spec.baud);
}

} // namespace

IdCardReaderWorker::IdCardReaderWorker(IdCardReaderOptions options)
    : m_options(std::move(options))
    , m_photoDecoder(std::make_unique<IdCardPhotoDecoderLoader>())
{
}

IdCardReaderWorker::~IdCardReaderWorker()
{
    close();
}

void IdCardReaderWorker::open()
{
    m_wantOpen = true;
    if (!m_pollTimer) {
        m_pollTimer = new QTimer(this);
        m_pollTimer->setSingleShot(true);
        connect(m_pollTimer, &QTimer::timeout, this, &IdCardReaderWorker::poll);
        m_reopenTimer = new QTimer(this);
        m_reopenTimer->setInterval(m_options.reopenIntervalMs);
        connect(m_reopenTimer, &QTimer::timeout, this, &IdCardReaderWorker::tryReopen);
    }
    QString error;
    if (!m_photoDecoder->load(m_options.photoDecoderPlugin, &error))
        qCWarning(lcDrivers).noquote() << "id card photo decoder not loaded, photos stay undecoded:" << error;
    if (!m_transport)
        m_transport = makeTransport(m_options.spec);
    tryReopen();
}

void IdCardReaderWorker::close()
{
    m_wantOpen = false;
    finishInteractiveCheck();
    if (m_pollTimer) {
        m_pollTimer->stop();
        m_reopenTimer->stop();
    }
    if (m_transport)
        m_transport->close();
    m_samId.clear();
}

void IdCardReaderWorker::setEnabled(bool enabled)
{
    m_polling = enabled;
    if (enabled)
        schedulePoll();
    else if (m_pollTimer && !m_interactiveCheck)
        m_pollTimer->stop();
}

void IdCardReaderWorker::checkHealth(int level)
{
    if (!m_transport || !m_transport->isOpen()) {
        emit healthChecked(level, m_health);
        return;
    }
    if (static_cast<HealthCheckLevel>(level) == HealthCheckLevel::Interactive) {
        if (m_interactiveCheck) {
            emit interactiveCheckInconclusive({HealthLevel::Busy, QStringLiteral("check_in_progress"), StaffHint::None});
            return;
        }
        if (checkSam())
            startInteractiveCheck();
        else
            emit healthChecked(level, m_health);
        return;
    }
    if (checkSam() && static_cast<HealthCheckLevel>(level) == HealthCheckLevel::External) {
        // Beyond the SAM: the RF side must answer a find with "card found" or "no card".
        const Exchange find = transact(SamFrame::Command::FindCard);
        if (!find.ok()) {
            handleLinkFailure(find);
        } else {
            const SamStatus status = SamStatus::fromSw3(find.response.sw3);
            if (status.isSamFault())
                resetSam(SamFrame::Command::FindCard, status);
            else if (status.code != SamStatus::Code::CardFound && status.code != SamStatus::Code::NoCard)
                setHealth(DeviceHealth::error(status.detail, status.hint));
        }
    }
    emit healthChecked(level, m_health);
}

void IdCardReaderWorker::startInteractiveCheck()
{
    if (!m_interactiveTimer) {
        m_interactiveTimer = new QTimer(this);
        m_interactiveTimer->setSingleShot(true);
        connect(m_interactiveTimer, &QTimer::timeout, this, [this] { finishInteractiveCheck(); });
    }
    m_interactiveCheck = true;
    m_interactiveFailure.clear();
    m_interactiveTimer->start(m_options.interactiveCheckTimeoutMs);
    qCInfo(lcDrivers).noquote() << "interactive check: waiting" << m_options.interactiveCheckTimeoutMs << "ms for a card";
    if (!m_pollTimer->isActive())
        schedulePoll();
}

void IdCardReaderWorker::finishInteractiveCheck(const QString &maskedCard)
{
    if (!std::exchange(m_interactiveCheck, false))
        return;
    m_interactiveTimer->stop();
    if (!m_polling)
        m_pollTimer->stop();
    const int level = static_cast<int>(HealthCheckLevel::Interactive);
    if (!maskedCard.isEmpty()) {
        emit interactiveCheckRead(maskedCard);
        emit healthChecked(level, m_health);
    } else if (m_health.level == HealthLevel::Error) {
        // The reader failed while the person was trying: that is its health, not their attempt.
        emit healthChecked(level, m_health);
    } else {
        const QString detail = m_interactiveFailure.isEmpty() ? QStringLiteral("no_card_presented") : m_interactiveFailure;
        emit interactiveCheckInconclusive(DeviceHealth::warning(detail, StaffHint::Retry));
    }
}

void IdCardReaderWorker::tryReopen()
{
    if (!m_wantOpen)
        return;
    QString error;
    if (!m_transport->isOpen() && m_transport->presence() == IdCardTransport::Presence::Absent) {
        // Hot-plug says it is not there: no need to try opening it until it arrives.
        if (!m_reopenTimer->isActive())
            m_reopenTimer->start();
        if (m_health.detail != QLatin1String("no_device")) {
            setHealth(DeviceHealth::error(QStringLiteral("no_device"), StaffHint::CallService));
            emit presenceChanged(false);
        }
        return;
    }
    if (!m_transport->isOpen() && !m_transport->open(&error)) {
        if (m_transport->openFailedBusy()) {
            // There, but in another process's hands (the kiosk, while kioskctl looks): busy, not broken.
            setHealth({HealthLevel::Busy, QStringLiteral("in_use"), StaffHint::None});
            emit presenceChanged(true);
            if (!m_reopenTimer->isActive())
                m_reopenTimer->start();
            return;
        }
        if (m_health.detail != QLatin1String("no_device"))
            qCWarning(lcDrivers).noquote() << "id card reader not found:" << error;
        setHealth(DeviceHealth::error(QStringLiteral("no_device"), StaffHint::CallService));
        emit presenceChanged(false);
        if (!m_reopenTimer->isActive())
            m_reopenTimer->start();
        return;
    }
    m_assembler.clear();
    m_consecutiveTimeouts = 0;
    m_samFault.reset(); // whatever plugged in now gets a fresh start
    if (!checkSam() && !m_transport->isOpen())
        return; // lost() already arranged the next attempt
    m_reopenTimer->stop();
    m_freshOpen = true;
    qCInfo(lcDrivers).noquote() << "id card reader open on" << m_transport->describe();
    emit presenceChanged(true);
    schedulePoll();
}

void IdCardReaderWorker::lost(const QString &why)
{
    qCWarning(lcDrivers).noquote() << "id card reader lost:" << why;
    m_transport->close();
    m_samId.clear(); // the reader plugged in next may hold another SAM
    setHealth(DeviceHealth::error(QStringLiteral("no_device"), StaffHint::CallService));
    emit presenceChanged(false);
    if (m_cardPresent) {
        m_cardPresent = false;
        m_cardReadDone = false;
        m_lastCardKey.clear();
        emit cardRemoved();
    }
    emit busyChanged(false);
    m_pollTimer->stop();
    finishInteractiveCheck();
    if (m_wantOpen)
        m_reopenTimer->start();
}

void IdCardReaderWorker::setHealth(const DeviceHealth &health)
{
    if (health == m_health)
        return;
    m_health = health;
    emit healthChanged(health);
}

void IdCardReaderWorker::schedulePoll()
{
    if (wantsPolling() && m_pollTimer && m_transport && m_transport->isOpen())
        m_pollTimer->start(m_options.pollIntervalMs);
}

void IdCardReaderWorker::poll()
{
    if (!wantsPolling() || !m_transport || !m_transport->isOpen())
        return;
    if (m_transport->presence() == IdCardTransport::Presence::Absent) {
        lost(QStringLiteral("%1 was unplugged").arg(m_transport->describe()));
        return;
    }
    // A standing fault of a card command shows only by trying that command again; any other
    // error is looked at through the SAM's status first.
    const bool provenOnlyByUse = samFaultStands() && m_samFault->command != SamFrame::Command::SamStatus;
    if (m_health.level == HealthLevel::Error && !provenOnlyByUse && !checkSam()) {
        if (m_transport->isOpen())
            schedulePoll();
        return;
    }
    const Exchange find = transact(SamFrame::Command::FindCard);
    if (!find.ok()) {
        if (!handleLinkFailure(find))
            schedulePoll();
        return;
    }
    const SamStatus status = SamStatus::fromSw3(find.response.sw3);
    if (status.isSamFault()) {
        resetSam(SamFrame::Command::FindCard, status);
        schedulePoll();
        return;
    }
    samAnsweredNormally(SamFrame::Command::FindCard);
    const bool freshOpen = std::exchange(m_freshOpen, false);
    if (status.code == SamStatus::Code::CardFound) {
        readCard();
    } else if (status.code == SamStatus::Code::NoCard && freshOpen && !m_cardPresent) {
        // A reader stops finding a card it has already read, even for a process that opened it
        // since: a card left lying on the reader is still selectable, so read it once.
        const Exchange select = transact(SamFrame::Command::SelectCard);
        if (!select.ok()) {
            if (!handleLinkFailure(select))
                schedulePoll();
            return;
        }
        if (select.response.sw3 == 0x90)
            readCard(true);
    } else if (status.code == SamStatus::Code::NoCard) {
        noCard();
    }
    schedulePoll();
}

void IdCardReaderWorker::readCard(bool selected)
{
    if (!m_cardPresent) {
        m_cardPresent = true;
        m_cardReadDone = false;
        emit cardDetected();
    }
    emit busyChanged(true);
    const auto fail = [this](SamFrame::Command command, const SamStatus &status) {
        count(QStringLiteral("read_failures"));
        if (status.isSamFault()) {
            resetSam(command, status);
        } else {
            samAnsweredNormally(command);
            if (m_interactiveCheck)
                m_interactiveFailure = status.detail;
            if (status.detail != m_lastFailure) {
                m_lastFailure = status.detail;
                emit cardReadFailed(status.detail, status.messageZh, status.messageEn);
            }
        }
        emit busyChanged(false);
    };

    const Exchange select = selected ? Exchange{} : transact(SamFrame::Command::SelectCard);
    if (!selected && !select.ok()) {
        handleLinkFailure(select);
        emit busyChanged(false);
        return;
    }
    if (!selected && select.response.sw3 != 0x90) {
        fail(SamFrame::Command::SelectCard, SamStatus::fromSw3(select.response.sw3));
        return;
    }
    const SamFrame::Command readCommand =
        m_options.readFingerprint ? SamFrame::Command::ReadTextAndFingerprint : SamFrame::Command::ReadText;
    const Exchange read = transact(readCommand);
    if (!read.ok()) {
        handleLinkFailure(read);
        emit busyChanged(false);
        return;
    }
    if (read.response.sw3 != 0x90) {
        fail(readCommand, SamStatus::fromSw3(read.response.sw3));
        return;
    }
    QString error;
    const auto card = IdCardTextBlock::parseReadData(read.response.data, m_options.readFingerprint, &error);
    std::optional<IdCardHolder> holder = card ? IdCardTextBlock::parse(card->text, &error) : std::nullopt;
    if (!holder) {
        qCWarning(lcDrivers).noquote() << "card data rejected:" << error;
        fail(readCommand, SamStatus::fromSw3(0x3F));
        return;
    }
    samAnsweredNormally(readCommand);
    holder->photo = card->photo;
    holder->fingerprint = card->fingerprint;
    holder->samId = m_samId;
    if (IdCardPhotoDecoder *decoder = m_photoDecoder->decoder()) {
        holder->decodedPhoto = decoder->decode(holder->photo, &error);
        if (holder->decodedPhoto.isEmpty())
            qCWarning(lcDrivers).noquote() << "photo not decoded:" << error;
    }
    const QByteArray key = holder->identityKey();
    if (m_cardReadDone && key == m_lastCardKey) {
        holder->wipe();
        emit busyChanged(false);
        return;
    }
    m_lastCardKey = key;
    m_cardReadDone = true;
    m_lastFailure.clear();
    count(QStringLiteral("cards_read"));
    qCInfo(lcDrivers).noquote() << "card read:" << holder->maskedDescription();
    emit cardRead(*holder);
    finishInteractiveCheck(holder->maskedDescription());
    holder->wipe();
    emit busyChanged(false);
}

void IdCardReaderWorker::noCard()
{
    if (!m_cardPresent)
        return;
    if (m_cardReadDone) {
        // After a successful read a reader stops finding the card while it stays in the field;
        // selecting it tells "still there" from "taken away".
        const Exchange probe = transact(SamFrame::Command::SelectCard);
        if (!probe.ok()) {
            handleLinkFailure(probe);
            return;
        }
        if (probe.response.sw3 == 0x90)
            return;
    }
    m_cardPresent = false;
    m_cardReadDone = false;
    m_lastCardKey.clear();
    m_lastFailure.clear();
    emit cardRemoved();
}
