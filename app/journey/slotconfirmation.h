#pragma once

#include <QObject>
#include <QString>

// Tells root that the A/B slot this machine booted really serves, once all three have happened in
// this run of the kiosk: its first frame is on the screen (when READY=1 goes to systemd), and the
// platform answered a heartbeat. Root's kiosk-system-request then has RAUC mark the slot good; a
// slot that never gets there is restarted by kiosk-slot-deadline and abandoned by GRUB after three
// tries (docs/fleet.md). Outside an A/B image (no slot booted) it asks for nothing.
class SlotConfirmation : public QObject
{
    Q_OBJECT
public:
    // `requestDirectory`: where kiosk-system-request.path looks ($XDG_RUNTIME_DIR/requests).
    SlotConfirmation(QString bootedSlot, QString requestDirectory, QObject *parent = nullptr);

    [[nodiscard]] bool isConfirmed() const { return m_confirmed; }

public slots:
    void firstFrameShown();
    void heartbeatAnswered();

signals:
    // The mark-good request is with root.
    void confirmed();

private:
    void confirmWhenDue();

    QString m_slot;
    QString m_requestDirectory;
    bool m_frameShown = false;
    bool m_heartbeatAnswered = false;
    bool m_confirmed = false;
};
