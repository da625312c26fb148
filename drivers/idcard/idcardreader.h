#pragma once

#include "device/device.h"
#include "idcard/idcardholder.h"
#include "idcard/idcardreaderoptions.h"

class QThread;
class IdCardReaderWorker;

// The second-generation ID card reader (SAM_A over serial or USB). Once enabled it polls for
// cards on its own thread and emits exactly one cardRead() per card presentation and one
// cardRemoved() when the card leaves (or the reader vanishes while a card is on it). Health
// follows the SAM: a self-test failure is reset once and then reported with a staff hint.
class IdCardReader : public Device
{
    Q_OBJECT
public:
    IdCardReader(const QString &id, IdCardReaderOptions options, QObject *parent = nullptr);
    ~IdCardReader() override;

    [[nodiscard]] const IdCardReaderOptions &options() const { return m_options; }

signals:
    // A card entered the field; reading it takes ~150 ms more (say "keep the card still").
    void cardDetected();
    // The card's holder, masked in any log; the receiver owns the copy and must wipe it.
    void cardRead(const IdCardHolder &holder);
    // This presentation could not be read; `detail` is the SW3 meaning ("read_failed").
    void cardReadFailed(const QString &detail, const QString &messageZh, const QString &messageEn);
    void cardRemoved();

protected:
    bool onOpen(QString *error) override;
    bool onEnable(QString *error) override;
    void onDisable() override;
    void onClose() override;
    void onCheckHealth(HealthCheckLevel level) override;

private:
    void stopThread();

    IdCardReaderOptions m_options;
    QThread *m_thread = nullptr;
    IdCardReaderWorker *m_worker = nullptr;
};
