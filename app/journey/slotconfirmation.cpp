#include "slotconfirmation.h"

#include "applog.h"

#include <QDir>
#include <QFile>

#include <utility>

SlotConfirmation::SlotConfirmation(QString bootedSlot, QString requestDirectory, QObject *parent)
    : QObject(parent)
    , m_slot(std::move(bootedSlot))
    , m_requestDirectory(std::move(requestDirectory))
{
}

void SlotConfirmation::firstFrameShown()
{
    m_frameShown = true;
    confirmWhenDue();
}

void SlotConfirmation::heartbeatAnswered()
{
    m_heartbeatAnswered = true;
    confirmWhenDue();
}

void SlotConfirmation::confirmWhenDue()
{
    if (m_confirmed || !m_frameShown || !m_heartbeatAnswered || m_slot.isEmpty())
        return;
    const QDir requests(m_requestDirectory);
    // An empty file is the whole request; made beside and renamed in, as root may look at once.
    const QString staging = requests.absoluteFilePath(QStringLiteral("../.mark-good-request"));
    QFile file(staging);
    if (m_requestDirectory.isEmpty() || !QDir().mkpath(requests.path()) || !file.open(QIODevice::WriteOnly)) {
        qCWarning(lcApp).noquote() << "slot" << m_slot << "serves, but it cannot be marked good:" << m_requestDirectory << file.errorString();
        return;
    }
    file.close();
    if (!QFile::rename(staging, requests.absoluteFilePath(QStringLiteral("mark-good")))) {
        qCWarning(lcApp).noquote() << "slot" << m_slot << "serves, but the request cannot be put into" << requests.path();
        QFile::remove(staging);
        return;
    }
    m_confirmed = true;
    qCInfo(lcApp).noquote() << "slot" << m_slot << "serves: asked root to mark it good";
    emit confirmed();
}
