#pragma once

#include "idcard/samframeassembler.h"
#include "idcard/sim/samreaderemulator.h"
#include "sim/serialdevicesimulator.h"

// The ID card reader simulator: the real SAM protocol on a pseudo-terminal, scripted cards and
// faults, and a control socket for `kioskctl sim …`. It lives on one thread (its own, when
// IdCardSimulatorHost runs it inside the kiosk); call it there, or through execute() queued.
class IdCardSimulator : public SerialDeviceSimulator
{
    Q_OBJECT
public:
    explicit IdCardSimulator(QObject *parent = nullptr);
    ~IdCardSimulator() override;

    // The control language, one command a line, answered with "ok …" or "error: …":
    //   card present NAME | card remove | fault NAME [SW3] | fault none | status
    // `status` says the card, the faults, how many SAM resets (10 FF) have arrived, and the baud
    // the driver had set the line to when its last command came.
    Q_INVOKABLE QString execute(const QString &commandLine) override;

    // The paths `simulated` uses under a state directory.
    [[nodiscard]] static QString defaultTtyLinkPath(const QString &stateDirectory);
    [[nodiscard]] static QString defaultControlSocketPath(const QString &stateDirectory);

signals:
    void cardPresented(const QString &name);
    void cardRemoved();
    void faultsChanged(const QStringList &faults);

protected:
    void hostWrote(const QByteArray &bytes) override;
    void stopped() override;

private:
    void setUnplugged(bool unplugged);

    SamReaderEmulator m_emulator;
    SamFrameAssembler m_assembler{3};
};
