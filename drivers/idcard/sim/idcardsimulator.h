#pragma once

#include "idcard/samframeassembler.h"
#include "idcard/sim/samreaderemulator.h"

#include <QObject>
#include <QString>

class PtyLink;
class SimulatorControlServer;

// The ID card reader simulator: the real SAM protocol on a pseudo-terminal, scripted cards and
// faults, and a control socket for `kioskctl sim …`. It lives on one thread (its own, when
// IdCardSimulatorHost runs it inside the kiosk); call it there, or through execute() queued.
class IdCardSimulator : public QObject
{
    Q_OBJECT
public:
    struct Options {
        QString ttyLinkPath;       // a stable symlink to the pty's slave side
        QString controlSocketPath; // empty: no control socket
        int baud = 115200;         // pacing of replies; 0 for none
    };

    explicit IdCardSimulator(QObject *parent = nullptr);
    ~IdCardSimulator() override;

    [[nodiscard]] bool start(const Options &options, QString *error);
    void stop();
    [[nodiscard]] QString ttyLinkPath() const { return m_options.ttyLinkPath; }
    [[nodiscard]] QString controlSocketPath() const { return m_options.controlSocketPath; }

    // The control language, one command a line, answered with "ok …" or "error: …":
    //   card present NAME | card remove | fault NAME [SW3] | fault none | status
    // `status` says the card, the faults, how many SAM resets (10 FF) have arrived, and the baud
    // the driver had set the line to when its last command came.
    Q_INVOKABLE QString execute(const QString &commandLine);

    // The paths `simulated` uses under a state directory.
    [[nodiscard]] static QString defaultTtyLinkPath(const QString &stateDirectory);
    [[nodiscard]] static QString defaultControlSocketPath(const QString &stateDirectory);

signals:
    void cardPresented(const QString &name);
    void cardRemoved();
    void faultsChanged(const QStringList &faults);

private:
    void handleBytes(const QByteArray &bytes);
    void setUnplugged(bool unplugged);

    Options m_options;
    SamReaderEmulator m_emulator;
    SamFrameAssembler m_assembler{3};
    PtyLink *m_link = nullptr;
    SimulatorControlServer *m_control = nullptr;
};
