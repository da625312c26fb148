#pragma once

#include "device/threadeddevice.h"
#include "idcard/idcardholder.h"
#include "idcard/idcardreaderoptions.h"
#include "idcard/idcardreaderworker.h"

// The second-generation ID card reader (SAM_A over serial or USB). Once enabled it polls for
// cards on its own thread and emits exactly one cardRead() per card presentation and one
// cardRemoved() when the card leaves (or the reader vanishes while a card is on it). Health
// follows the SAM: any SAM fault (status or card command) is met with a reset and a fresh status;
// one that three resets do not cure is reported with the fault's staff hint.
//
// checkHealth levels: Internal asks the SAM its status; External also asks the RF side to find a
// card; Interactive checks the SAM and then waits up to `interactiveCheckTimeoutMs` for a person
// to present a card (a card already lying there must be lifted and laid down again): a read
// answers interactiveCheckRead(masked card) and ok; nobody presenting a readable card in time
// answers warning `no_card_presented` (or the card's failure, e.g. `read_failed`) with hint retry,
// without changing the reader's standing health.
class IdCardReader : public ThreadedDevice<IdCardReaderWorker>
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
    // An interactive check read a card: type, masked name and masked number. healthChecked follows.
    void interactiveCheckRead(const QString &maskedCard);

protected:
    bool onOpen(QString *error) override;
    // The reader's worker also reports busy while it reads a card.
    [[nodiscard]] State stateFor(const DeviceHealth &health) const override;

private:
    IdCardReaderOptions m_options;
};
