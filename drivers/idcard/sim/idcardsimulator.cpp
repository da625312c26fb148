#include "idcard/sim/idcardsimulator.h"

#include "device/driverslog.h"
#include "sim/ptylink.h"
#include "idcard/sim/simcards.h"

#include <QDir>
#include <QFileInfo>

IdCardSimulator::IdCardSimulator(QObject *parent)
    : SerialDeviceSimulator(QStringLiteral("id card simulator"), parent)
{
}

IdCardSimulator::~IdCardSimulator()
{
    stop();
}

QString IdCardSimulator::defaultTtyLinkPath(const QString &stateDirectory)
{
    return QDir(stateDirectory).filePath(QStringLiteral("sim/idcard-tty"));
}

QString IdCardSimulator::defaultControlSocketPath(const QString &stateDirectory)
{
    return QDir(stateDirectory).filePath(QStringLiteral("sim/idcard.sock"));
}

void IdCardSimulator::stopped()
{
    m_emulator.remove();
}

void IdCardSimulator::hostWrote(const QByteArray &bytes)
{
    m_assembler.feed(bytes);
    while (const auto result = m_assembler.next()) {
        if (result->error != SamFrameAssembler::Error::None) {
            // A real reader answers a corrupted command with 10 (checksum) or 11 (length).
            const quint8 sw3 = result->error == SamFrameAssembler::Error::BadChecksum ? 0x10 : 0x11;
            link()->send({{0, SamFrame::encodeResponse(sw3)}});
            continue;
        }
        if (const auto request = SamFrame::parseRequest(result->body))
            link()->send(m_emulator.handle(*request));
    }
}

void IdCardSimulator::setUnplugged(bool unplugged)
{
    if (unplugged && link()->isOpen()) {
        link()->close();
    } else if (!unplugged && !link()->isOpen()) {
        m_emulator.powerCycle();
        QString error;
        if (!link()->open(options().ttyLinkPath, &error))
            qCWarning(lcDrivers).noquote() << "simulator replug failed:" << error;
    }
}

QString IdCardSimulator::execute(const QString &commandLine)
{
    const QStringList words = commandLine.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    const auto is = [&words](std::initializer_list<const char *> expected) {
        if (words.size() < qsizetype(expected.size()))
            return false;
        qsizetype i = 0;
        for (const char *word : expected) {
            if (words.at(i++) != QLatin1String(word))
                return false;
        }
        return true;
    };
    if (is({"card", "present"}) && words.size() == 3) {
        const std::optional<IdCardHolder> card = SimCards::card(words.at(2));
        if (!card)
            return QStringLiteral("error: no card called %1; try %2").arg(words.at(2), SimCards::names().join(QStringLiteral(", ")));
        m_emulator.present(*card);
        emit cardPresented(words.at(2));
        return QStringLiteral("ok %1 card on the reader").arg(words.at(2));
    }
    if (is({"card", "remove"}) && words.size() == 2) {
        m_emulator.remove();
        emit cardRemoved();
        return QStringLiteral("ok card removed");
    }
    if (is({"fault"}) && (words.size() == 2 || words.size() == 3)) {
        if (words.at(1) == QLatin1String("none") && words.size() == 2) {
            m_emulator.clearFaults();
            setUnplugged(false);
        } else {
            QString error;
            const std::optional<SamReaderEmulator::Fault> fault = m_emulator.setFault(words.at(1), words.value(2), &error);
            if (!fault)
                return QStringLiteral("error: ") + error;
            if (*fault == SamReaderEmulator::Fault::Unplug)
                setUnplugged(true);
        }
        emit faultsChanged(m_emulator.activeFaults());
        return QStringLiteral("ok faults: %1").arg(m_emulator.activeFaults().join(QLatin1Char(' ')));
    }
    if (is({"status"}) && words.size() == 1) {
        return QStringLiteral("ok tty=%1 card=%2 faults=%3 sam_resets=%4 line_baud=%5")
            .arg(options().ttyLinkPath, m_emulator.cardPresent() ? QStringLiteral("present") : QStringLiteral("none"),
                 m_emulator.activeFaults().join(QLatin1Char(',')))
            .arg(m_emulator.samResetsReceived())
            .arg(link()->hostBaud());
    }
    return QStringLiteral("error: unknown command \"%1\"").arg(commandLine.trimmed());
}

