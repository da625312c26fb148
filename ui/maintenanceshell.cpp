#include "maintenanceshell.h"

#include "sealedcredentials.h"

#include "admincode.h"
#include "admincodeentry.h"
#include "auditlog.h"
#include "configoverlay.h"
#include "firstpin.h"
#include "kioskruntime.h"
#include "maintenancegate.h"
#include "maintenancepin.h"
#include "outofservice.h"
#include "outboxcondition.h"
#include "outboxfigures.h"
#include "platformcheck.h"
#include "platformclient.h"
#include "provisioningchecklist.h"
#include "receiptcontent.h"
#include "recentlog.h"
#include "scannedcodes.h"
#include "sealedcredentials.h"
#include "staffidletimer.h"
#include "terminalenrolment.h"
#include "uilog.h"

#include <QDir>

namespace {

constexpr int IdleMs = 5 * 60 * 1000;
// Long enough to read "this code has expired" at arm's length, short enough not to bother the next resident.
constexpr int AdminCodeNoticeMs = 8000;
const QString Actor = QStringLiteral("maintenance");

// The words the audit log has always used for a mode.
QString modeName(MaintenanceShell::Mode mode)
{
    using Mode = MaintenanceShell::Mode;
    return mode == Mode::PinPad             ? QStringLiteral("pin")
        : mode == Mode::Maintaining         ? QStringLiteral("maintenance")
        : mode == Mode::Provisioning        ? QStringLiteral("provisioning")
                                            : QString();
}

} // namespace

MaintenanceShell::MaintenanceShell(KioskRuntime *runtime, QObject *parent)
    : QObject(parent)
    , m_runtime(runtime)
    , m_config(runtime->config())
    , m_audit(std::make_unique<AuditLog>(AuditLog::pathIn(runtime->config().string(QStringLiteral("kiosk/state_dir")))))
    , m_devices(new DeviceHealthModel(runtime->devices(), this))
    , m_selfTests(new DeviceSelfTests(runtime->devices(), this))
    , m_paper(new PaperRollModel(runtime->devices(), stateDir(), int(m_config.integer(QStringLiteral("devices/receipt_roll_length_m"))),
                                 int(m_config.integer(QStringLiteral("devices/receipt_length_mm"))), this))
    , m_parked(new ParkedEntryModel(runtime->outbox(), this))
    , m_platform(new PlatformCheck(this))
    , m_auditEntries(new AuditEntryModel(m_audit.get(), 20, this))
    , m_idle(new StaffIdleTimer(IdleMs, this))
    , m_checklist(new ChecklistModel(this))
{
    rebuildGate();
    connect(m_idle, &StaffIdleTimer::timedOut, this, [this] {
        audit(QStringLiteral("maintenance.leave"), QStringLiteral("idle"));
        leave();
    });
    connect(m_devices, &DeviceHealthModel::healthChanged, this, &MaintenanceShell::devicesChanged);
    connect(m_selfTests, &DeviceSelfTests::changed, this, &MaintenanceShell::selfTestChanged);
    connect(m_selfTests, &DeviceSelfTests::performed, this, &MaintenanceShell::audit);
    connect(m_selfTests, &DeviceSelfTests::printFinished, this, [this] {
        m_paper->refresh();
        emit paperChanged();
        emit provisioningChanged();
    });
    connect(this, &MaintenanceShell::provisioningChanged, this, [this] { m_checklist->show(currentChecklist().items()); });
    m_checklist->show(currentChecklist().items());
    connect(m_platform, &PlatformCheck::performed, this, &MaintenanceShell::audit);
    connect(m_platform, &PlatformCheck::changed, this, [this] {
        emit platformChanged();
        emit provisioningChanged();
    });
    m_adminCodeNotice.setSingleShot(true);
    m_adminCodeNotice.setInterval(AdminCodeNoticeMs);
    connect(&m_adminCodeNotice, &QTimer::timeout, this, [this] {
        m_adminCodeProblem = AdminCodeEntry::Problem::None;
        emit adminCodeChanged();
    });
    // The runtime passes codes on only while a resident identifies; staff show theirs at any
    // moment (the attract screen, the out-of-service screen), so the devices are heard directly.
    connect(new ScannedCodes(runtime->devices(), this), &ScannedCodes::codeScanned, this, &MaintenanceShell::takeAdminCode);
    m_platform->watch(runtime->heartbeat());
    // A terminal enrolled from the provisioning screen starts beating then.
    connect(runtime, &KioskRuntime::heartbeatStarted, this, [this] { m_platform->watch(m_runtime->heartbeat()); });
}

MaintenanceShell::~MaintenanceShell() = default;

MaintenanceShell *MaintenanceShell::create(QQmlEngine *qmlEngine, QJSEngine *jsEngine)
{
    Q_UNUSED(qmlEngine)
    Q_UNUSED(jsEngine)
    return ProcessSingleton<MaintenanceShell>::forQml();
}

void MaintenanceShell::setClock(std::function<QDateTime()> now)
{
    m_now = std::move(now);
    rebuildGate();
    emit pinChanged();
}

void MaintenanceShell::rebuildGate()
{
    m_gate = std::make_unique<MaintenanceGate>([this] { return currentPinHash(); },
                                               QDir(stateDir()).filePath(QStringLiteral("maintenance-gate.json")), m_now);
    // A PIN hash from before the work factor was raised is replaced where the touch screen keeps
    // the first PIN: the overlay, which wins over kiosk.ini (`kioskctl maintenance set-pin` clears it).
    m_gate->setRehash([this](const QString &hash) {
        QString error;
        const bool stored = ConfigOverlay::store(m_config, {{QStringLiteral("admin/pin_hash"), hash}}, &error);
        audit(QStringLiteral("maintenance.pin-rehash"), stored ? QStringLiteral("ok") : QStringLiteral("failed"), error);
        return stored;
    });
}

QString MaintenanceShell::currentPinHash()
{
    // The file's PIN is the one that counts: kioskctl may have set it since the kiosk started.
    const QString stored = MaintenancePin::storedIn(m_config.sourcePath(), m_config.string(QStringLiteral("admin/pin_hash")));
    m_config.set(QStringLiteral("admin/pin_hash"), stored);
    return stored;
}

QString MaintenanceShell::stateDir() const
{
    return m_config.string(QStringLiteral("kiosk/state_dir"));
}

QDateTime MaintenanceShell::now() const
{
    return m_now ? m_now() : QDateTime::currentDateTimeUtc();
}

QString MaintenanceShell::terminalId() const
{
    if (PlatformClient *platform = m_runtime->platform()) {
        if (platform->settings().credentials)
            return platform->settings().credentials->terminalId;
    }
    return m_config.string(QStringLiteral("kiosk/site"));
}

void MaintenanceShell::audit(const QString &action, const QString &result, const QString &detail)
{
    if (!m_audit->record(Actor, action, result, detail))
        qCWarning(lcUi) << "the audit log could not record" << action << result;
    refreshLogs();
}

void MaintenanceShell::setMode(Mode mode)
{
    if (m_mode == mode)
        return;
    m_mode = mode;
    if (m_mode == Mode::Closed)
        m_idle->stop();
    else
        m_idle->start();
    emit modeChanged();
}

int MaintenanceShell::failuresLeft() const
{
    return m_gate->failuresLeft();
}

QString MaintenanceShell::lockedUntil() const
{
    const QDateTime until = m_gate->lockedUntil();
    return until.isValid() ? until.toLocalTime().toString(QStringLiteral("HH:mm")) : QString();
}

bool MaintenanceShell::enrolled() const
{
    PlatformClient *platform = m_runtime->platform();
    return platform && platform->settings().credentials.has_value();
}

bool MaintenanceShell::devicesFailed() const
{
    return !outOfServiceReason().isEmpty();
}

QString MaintenanceShell::outOfServiceReason() const
{
    // The kiosk's one answer to "out of service?" (OutOfService), as the resident's screen uses it.
    return m_runtime->outOfService()->devicesReason();
}

QString MaintenanceShell::catalogueProblem() const
{
    return m_runtime->catalogueProblem();
}

QVariantMap MaintenanceShell::outbox() const
{
    return OutboxFigures::of(m_runtime->outboxCondition(), m_runtime->outbox());
}

QVariantMap MaintenanceShell::platformCheck() const
{
    return m_platform->figures();
}

ProvisioningChecklist MaintenanceShell::currentChecklist() const
{
    ProvisioningChecklist list(m_config);
    list.setDevicesOf(m_runtime->devices());
    if (m_platform->checked())
        list.setPlatformReachable(m_platform->reachable(), m_platform->detail());
    if (const PlatformClient *platform = m_runtime->platform())
        list.setClock(platform->clockSkew());
    return list;
}

bool MaintenanceShell::checklistGreen() const
{
    return currentChecklist().allGreen();
}

void MaintenanceShell::requestEntry(Mode purpose)
{
    if (purpose != Mode::Maintaining && purpose != Mode::Provisioning)
        return;
    // A resident's session ends through its one wipe before staff see anything.
    if (m_runtime->session()->state() != SessionState::Attract)
        m_runtime->session()->end(SessionEnd::Cancelled);
    m_purpose = purpose;
    const bool pinSet = MaintenancePin::isWellFormed(currentPinHash());
    m_settingPin = !pinSet && purpose == Mode::Provisioning && !enrolled();
    m_pinProblem = (!pinSet && !m_settingPin) ? PinProblem::NoPinSet : PinProblem::NoPinProblem;
    audit(QStringLiteral("maintenance.gesture"), QStringLiteral("ok"), modeName(purpose));
    setMode(Mode::PinPad);
    emit modeChanged();
    emit pinChanged();
}

bool MaintenanceShell::submitPin(const QString &pin)
{
    if (m_mode != Mode::PinPad)
        return false;
    const MaintenanceGate::Result result = m_gate->tryPin(pin);
    switch (result) {
    case MaintenanceGate::Result::Accepted:
        m_pinProblem = PinProblem::NoPinProblem;
        audit(QStringLiteral("maintenance.pin"), QStringLiteral("ok"), modeName(m_purpose));
        break;
    case MaintenanceGate::Result::Refused:
        m_pinProblem = PinProblem::PinRefused;
        audit(QStringLiteral("maintenance.pin"), QStringLiteral("refused"), QStringLiteral("%1 attempts left").arg(failuresLeft()));
        break;
    case MaintenanceGate::Result::LockedOut:
        m_pinProblem = PinProblem::PinLockedOut;
        audit(QStringLiteral("maintenance.pin"), QStringLiteral("locked-out"),
              QStringLiteral("until %1").arg(m_gate->lockedUntil().toUTC().toString(Qt::ISODate)));
        break;
    case MaintenanceGate::Result::NoPinSet:
        m_pinProblem = PinProblem::NoPinSet;
        audit(QStringLiteral("maintenance.pin"), QStringLiteral("no-pin-set"));
        break;
    }
    emit pinChanged();
    if (result != MaintenanceGate::Result::Accepted)
        return false;
    refresh();
    setMode(m_purpose);
    return true;
}

bool MaintenanceShell::setFirstPin(const QString &pin, const QString &repeated)
{
    if (m_mode != Mode::PinPad || !m_settingPin)
        return false;
    QString hash;
    QString error;
    // The touch screen writes the overlay under the state directory: /etc is read-only to the kiosk.
    const QString overlay = m_config.sourcePath().isEmpty() ? QString() : ConfigOverlay::prepare(m_config, &error);
    const QString problem = FirstPin::save(pin, repeated, overlay, &hash, &error);
    if (problem == QLatin1String("not_saved") && !m_config.sourcePath().isEmpty())
        qCWarning(lcUi) << "the new maintenance PIN could not be saved:" << error;
    m_pinProblem = problem.isEmpty()                 ? PinProblem::NoPinProblem
        : problem == QLatin1String("mismatch")       ? PinProblem::PinMismatch
        : problem == QLatin1String("not_saved")      ? PinProblem::PinNotSaved
                                                     : PinProblem::PinTooWeak;
    // The audit keeps the problem's own words: a weakness code, "mismatch" or "not_saved".
    audit(QStringLiteral("maintenance.set-pin"), problem.isEmpty() ? QStringLiteral("ok") : QStringLiteral("refused"), problem);
    if (!problem.isEmpty()) {
        emit pinChanged();
        return false;
    }
    m_config.set(QStringLiteral("admin/pin_hash"), hash);
    rebuildGate();
    m_settingPin = false;
    emit pinChanged();
    refresh();
    setMode(m_purpose);
    emit modeChanged();
    return true;
}

bool MaintenanceShell::takeAdminCode(const QString &text)
{
    if (!AdminCode::isAdminCodePayload(text))
        return false;
    // Already inside (the scanner self-test, say): a code neither opens anything nor is used up.
    if (m_mode == Mode::Maintaining || m_mode == Mode::Provisioning)
        return false;
    const AdminCodeEntry::Outcome outcome = AdminCodeEntry(m_config.string(QStringLiteral("admin/code_keys")), stateDir())
                                                .admit(text, terminalId(), now(), enrolled());
    if (!outcome.admitted()) {
        refuseAdminCode(outcome);
        return false;
    }
    // A resident's session ends through its one wipe before staff see anything.
    if (m_runtime->session()->state() != SessionState::Attract)
        m_runtime->session()->end(SessionEnd::Cancelled);
    // At the PIN pad the code opens what the pad was for; elsewhere a technician's code on a
    // terminal not yet enrolled opens the first-boot setup.
    const bool technician = outcome.role == QLatin1String("technician");
    if (m_mode != Mode::PinPad)
        m_purpose = technician && !enrolled() ? Mode::Provisioning : Mode::Maintaining;
    m_settingPin = false;
    m_pinProblem = PinProblem::NoPinProblem;
    m_adminCodeNotice.stop();
    m_adminCodeProblem = AdminCodeEntry::Problem::None;
    m_adminCodeRole = technician ? AdminCodeRole::Technician : AdminCodeRole::Maintainer;
    audit(QStringLiteral("maintenance.admin-code"), QStringLiteral("ok"), outcome.who + QLatin1Char(' ') + modeName(m_purpose));
    emit adminCodeChanged();
    emit pinChanged();
    refresh();
    setMode(m_purpose);
    emit modeChanged();
    return true;
}

void MaintenanceShell::refuseAdminCode(const AdminCodeEntry::Outcome &outcome)
{
    audit(QStringLiteral("maintenance.admin-code"), QStringLiteral("refused"),
          outcome.who.isEmpty() ? outcome.problemName : outcome.problemName + QLatin1Char(' ') + outcome.who);
    m_adminCodeProblem = outcome.problem;
    m_adminCodeNotice.start();
    emit adminCodeChanged();
}

void MaintenanceShell::leave()
{
    if (m_mode == Mode::Closed)
        return;
    m_selfTests->stop();
    if (m_mode != Mode::PinPad)
        audit(QStringLiteral("maintenance.leave"), QStringLiteral("ok"), modeName(m_mode));
    m_pinProblem = PinProblem::NoPinProblem;
    m_selfTests->reset();
    m_provisioningProblem = ProvisioningProblem::NoProvisioningProblem;
    m_provisioningDetail.clear();
    m_adminCodeRole = AdminCodeRole::NoAdminCode;
    setMode(Mode::Closed);
    emit adminCodeChanged();
    emit pinChanged();
}

void MaintenanceShell::refresh()
{
    refreshLogs();
    m_devices->refresh();
    m_paper->refresh();
    m_parked->refresh();
    emit devicesChanged();
    emit paperChanged();
    emit outboxChanged();
    emit provisioningChanged();
}

void MaintenanceShell::refreshLogs()
{
    // The process's own recent log, already masked when it was written.
    const RecentLog *log = RecentLog::installed();
    m_recentLog = log ? log->tail(40) : QStringList();
    m_auditEntries->refresh();
    emit logsChanged();
}

bool MaintenanceShell::printTestPage()
{
    TestPageContent content;
    content.hallName = {m_config.string(QStringLiteral("kiosk/hall_name")), m_config.string(QStringLiteral("kiosk/hall_name_en"))};
    content.terminalId = terminalId();
    content.softwareVersion = QStringLiteral(KIOSK_VERSION);
    content.printedAt = QDateTime::currentDateTime();
    return m_selfTests->printTestPage(content);
}

bool MaintenanceShell::paperRefilled(const QString &printerId)
{
    if (!m_paper->hasPrinter(printerId))
        return false;
    QString error;
    const bool saved = m_paper->refill(printerId, &error);
    audit(QStringLiteral("paper.refilled"), saved ? QStringLiteral("ok") : QStringLiteral("failed"), saved ? printerId : error);
    emit paperChanged();
    return saved;
}

bool MaintenanceShell::retryEntry(const QString &localRef)
{
    if (!m_runtime->outbox())
        return false;
    QString detail;
    const bool retried = m_parked->retry(localRef, Actor, &detail);
    audit(QStringLiteral("outbox.retry"), retried ? QStringLiteral("ok") : QStringLiteral("failed"), detail);
    emit outboxChanged();
    return retried;
}

void MaintenanceShell::checkPlatform()
{
    m_platform->start(m_runtime->platform(), terminalId());
}

bool MaintenanceShell::setHall(const QString &nameZh, const QString &nameEn, const QString &site)
{
    if (nameZh.trimmed().isEmpty() || site.trimmed().isEmpty()) {
        setProvisioningProblem(ProvisioningProblem::HallIncomplete);
        return false;
    }
    QString error;
    if (!ConfigOverlay::store(m_config,
                              {{QStringLiteral("kiosk/hall_name"), nameZh.trimmed()},
                               {QStringLiteral("kiosk/hall_name_en"), nameEn.trimmed()},
                               {QStringLiteral("kiosk/site"), site.trimmed()}},
                              &error)) {
        audit(QStringLiteral("provisioning.hall"), QStringLiteral("failed"), error);
        setProvisioningProblem(ProvisioningProblem::SettingsNotSaved);
        return false;
    }
    audit(QStringLiteral("provisioning.hall"), QStringLiteral("ok"), site.trimmed());
    setProvisioningProblem(ProvisioningProblem::NoProvisioningProblem);
    return true;
}

bool MaintenanceShell::enrol(const QString &token)
{
    PlatformClient *platform = m_runtime->platform();
    if (!platform) {
        setProvisioningProblem(ProvisioningProblem::PlatformNotConfigured, QStringLiteral("platform_not_configured"));
        return false;
    }
    if (token.trimmed().isEmpty()) {
        setProvisioningProblem(ProvisioningProblem::TokenMissing);
        return false;
    }
    setProvisioningProblem(ProvisioningProblem::Enrolling);
    // Not the sealed copy systemd delivered read-only: a new enrolment is a plain file until sealed.
    auto *enrolment = new TerminalEnrolment(platform, SealedCredentials::plainPath(m_config, QStringLiteral("platform/credentials_file")), this);
    connect(enrolment, &TerminalEnrolment::finished, this, [this, enrolment](TerminalEnrolment::Outcome outcome, const QString &detail) {
        enrolment->deleteLater();
        switch (outcome) {
        case TerminalEnrolment::Outcome::Refused:
            audit(QStringLiteral("provisioning.enrol"), QStringLiteral("refused"), detail);
            setProvisioningProblem(ProvisioningProblem::EnrolmentRefused, QStringLiteral("refused: ") + detail);
            return;
        case TerminalEnrolment::Outcome::NotSaved:
            audit(QStringLiteral("provisioning.enrol"), QStringLiteral("failed"), detail);
            setProvisioningProblem(ProvisioningProblem::SettingsNotSaved);
            return;
        case TerminalEnrolment::Outcome::Enrolled:
            audit(QStringLiteral("provisioning.enrol"), QStringLiteral("ok"), detail);
            setProvisioningProblem(ProvisioningProblem::NoProvisioningProblem);
            // Reachable before enrolment says nothing about the signature: check again as enrolled.
            m_platform->forget();
            checkPlatform();
            return;
        }
    });
    enrolment->start(token.trimmed(), m_config.string(QStringLiteral("kiosk/site")));
    return true;
}

bool MaintenanceShell::putIntoService()
{
    if (m_mode != Mode::Provisioning || !checklistGreen()) {
        audit(QStringLiteral("provisioning.in-service"), QStringLiteral("refused"));
        return false;
    }
    audit(QStringLiteral("provisioning.in-service"), QStringLiteral("ok"), terminalId());
    leave();
    return true;
}
