#include "sim/serialdevicesimulator.h"

#include "device/driverslog.h"
#include "sim/ptylink.h"
#include "sim/simulatorcontrolserver.h"

SerialDeviceSimulator::SerialDeviceSimulator(QString name, QObject *parent)
    : QObject(parent)
    , m_name(std::move(name))
    , m_link(new PtyLink(this))
{
    connect(m_link, &PtyLink::received, this, [this](const QByteArray &bytes) { hostWrote(bytes); });
}

SerialDeviceSimulator::~SerialDeviceSimulator()
{
    stop();
}

bool SerialDeviceSimulator::start(const Options &options, QString *error)
{
    m_options = options;
    m_link->setBaud(options.baud);
    if (!m_link->open(options.ttyLinkPath, error))
        return false;
    if (!options.controlSocketPath.isEmpty()) {
        m_control = new SimulatorControlServer(this);
        if (!m_control->listen(options.controlSocketPath, [this](const QString &line) { return execute(line); }, error)) {
            stop();
            return false;
        }
    }
    qCInfo(lcDrivers).noquote() << m_name << "on" << options.ttyLinkPath << "->" << m_link->slavePath();
    return true;
}

void SerialDeviceSimulator::stop()
{
    m_link->close();
    delete m_control;
    m_control = nullptr;
    stopped();
}
