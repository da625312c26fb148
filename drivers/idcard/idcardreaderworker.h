#pragma once

#include "device/devicehealth.h"
#include "idcard/idcardholder.h"
#include "idcard/idcardreaderoptions.h"
#include "idcard/idcardtransport.h"
#include "idcard/samframe.h"
#include "idcard/samframeassembler.h"
#include "idcard/samstatus.h"

#include <QObject>
#include <QTimer>

#include <memory>
#include <optional>

class IdCardPhotoDecoderLoader;

// The reader's I/O, on its own thread: opens the transport, checks the SAM, polls for cards,
// reads them, and turns everything into signals. Only IdCardReader talks to it (queued).
class IdCardReaderWorker : public QObject
{
    Q_OBJECT
public:
    explicit IdCardReaderWorker(IdCardReaderOptions options);
    ~IdCardReaderWorker() override;

public slots:
    void open();
    void close();
    void setEnabled(bool enabled);
    void checkHealth(int level);

signals:
    void healthChanged(const DeviceHealth &health);
    // The check's answer as the reader's standing health (IdCardReader also adopts it).
    void healthChecked(int level, const DeviceHealth &health);
    // An interactive check read a card: its masked one-line description; healthChecked follows.
    void interactiveCheckRead(const QString &maskedCard);
    // An interactive check that proved nothing about the reader (nobody presented a readable
    // card in time): the outcome for whoever asked, not the reader's standing health.
    void interactiveCheckInconclusive(const DeviceHealth &outcome);
    void presenceChanged(bool present);
    void busyChanged(bool busy);
    void cardDetected();
    void cardRead(const IdCardHolder &holder);
    void cardReadFailed(const QString &detail, const QString &messageZh, const QString &messageEn);
    void cardRemoved();
    void counted(const QString &counter, qint64 amount);

private:
    struct Exchange {
        IdCardTransport::Outcome outcome = IdCardTransport::Outcome::Failed;
        bool badFrame = false;
        SamFrame::Response response;
        QString error;
        [[nodiscard]] bool ok() const { return outcome == IdCardTransport::Outcome::Ok && !badFrame; }
    };

    // The SAM fault being fought: the command that met it, the fault, and the resets so far.
    struct SamFault {
        SamFrame::Command command;
        SamStatus status;
        int resets = 0;
    };

    Exchange transact(SamFrame::Command command, QByteArrayView data = {});
    Exchange transactOnce(SamFrame::Command command, QByteArrayView data);
    void count(const QString &counter, qint64 amount = 1) { emit counted(counter, amount); }
    bool handleLinkFailure(const Exchange &exchange);
    bool checkSam();
    bool resetSam(SamFrame::Command command, const SamStatus &fault);
    void samAnsweredNormally(SamFrame::Command command);
    [[nodiscard]] bool samFaultStands() const;
    void samHealthy();
    void readSamId();
    void startInteractiveCheck();
    void finishInteractiveCheck(const QString &maskedCard = {});
    [[nodiscard]] bool wantsPolling() const { return m_polling || m_interactiveCheck; }
    void poll();
    void readCard(bool selected = false);
    void noCard();
    void schedulePoll();
    void tryReopen();
    void lost(const QString &why);
    void setHealth(const DeviceHealth &health);

    IdCardReaderOptions m_options;
    std::unique_ptr<IdCardTransport> m_transport;
    std::unique_ptr<IdCardPhotoDecoderLoader> m_photoDecoder;
    SamFrameAssembler m_assembler;
    QTimer *m_pollTimer = nullptr;
    QTimer *m_reopenTimer = nullptr;
    QTimer *m_interactiveTimer = nullptr;
    bool m_polling = false;
    bool m_interactiveCheck = false; // waiting for a person to present a card
    QString m_interactiveFailure;    // what went wrong with the card presented during it
    bool m_freshOpen = false;     // the first poll since opening: a card may already lie on the reader
    bool m_wantOpen = false;
    bool m_cardPresent = false;   // a presentation is in progress (detected, read or not)
    bool m_cardReadDone = false;  // this presentation has produced its one cardRead
    QByteArray m_lastCardKey;
    QString m_lastFailure;
    QString m_samId; // read once a SAM answers its status; sent with every card it reads
    int m_consecutiveTimeouts = 0;
    std::optional<SamFault> m_samFault; // until the command that met it answers normally
    DeviceHealth m_health;
};
