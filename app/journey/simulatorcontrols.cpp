#include "simulatorcontrols.h"

#include "applog.h"
#include "camera/camera.h"
#include "device/deviceregistry.h"
#include "idcard/sim/idcardsimulatorhost.h"
#include "idcard/sim/samreaderemulator.h"
#include "idcard/sim/simcards.h"
#include "scanner/sim/scannersimulatorhost.h"

bool SimulatorControls::available() const
{
    return m_devices && m_devices->idCardSimulator();
}

QStringList SimulatorControls::cards() const
{
    return available() ? SimCards::names() : QStringList();
}

QStringList SimulatorControls::faults() const
{
    return available() ? SamReaderEmulator::faultNames() : QStringList();
}

QString SimulatorControls::execute(const QString &command)
{
    // "scan PAYLOAD" shows a code to the simulated scanner; the rest goes to the card reader's.
    if (command.startsWith(QLatin1String("scan "))) {
        ScannerSimulatorHost *scanner = m_devices ? m_devices->scannerSimulator() : nullptr;
        if (!scanner)
            return QStringLiteral("error: no simulated scanner in this configuration");
        const QString answer = scanner->execute(command);
        qCInfo(lcApp) << "demo control: scan ->" << answer;
        return answer;
    }
    // "camera stall|resume CAMERA_ID": a simulated camera stops giving frames, or goes on.
    if (command.startsWith(QLatin1String("camera "))) {
        const QStringList words = command.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        auto *camera = words.size() == 3 && m_devices ? qobject_cast<Camera *>(m_devices->device(words.at(2))) : nullptr;
        if (!camera || (words.at(1) != QLatin1String("stall") && words.at(1) != QLatin1String("resume")))
            return QStringLiteral("error: camera stall|resume face_camera|document_camera");
        camera->simulateStall(words.at(1) == QLatin1String("stall"));
        qCInfo(lcApp) << "demo control:" << command;
        return QStringLiteral("ok");
    }
    IdCardSimulatorHost *simulator = m_devices ? m_devices->idCardSimulator() : nullptr;
    if (!simulator)
        return QStringLiteral("error: no simulator in this configuration");
    const QString answer = simulator->execute(command);
    qCInfo(lcApp) << "demo control:" << command << "->" << answer;
    return answer;
}
