#include "scanner/sim/scannersimulator.h"

#include "device/driverslog.h"
#include "sim/ptylink.h"
#include "scanner/newlandcommand.h"

#include <QDir>
#include <QFileInfo>
#include <QStringEncoder>

namespace {

// The control protocol takes one command a line: a code's own line breaks come escaped.
QString unescaped(const QString &text)
{
    QString result;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c != QLatin1Char('\\') || i + 1 == text.size()) {
            result += c;
            continue;
        }
        const QChar next = text.at(++i);
        if (next == QLatin1Char('r'))
            result += QLatin1Char('\r');
        else if (next == QLatin1Char('n'))
            result += QLatin1Char('\n');
        else if (next == QLatin1Char('t'))
            result += QLatin1Char('\t');
        else
            result += next;
    }
    return result;
}

} // namespace

ScannerSimulator::ScannerSimulator(QObject *parent)
    : SerialDeviceSimulator(QStringLiteral("scanner simulator"), parent)
{
}

ScannerSimulator::~ScannerSimulator()
{
    stop();
}

QString ScannerSimulator::defaultTtyLinkPath(const QString &stateDirectory)
{
    return QDir(stateDirectory).filePath(QStringLiteral("sim/scanner-tty"));
}

QString ScannerSimulator::defaultControlSocketPath(const QString &stateDirectory)
{
    return QDir(stateDirectory).filePath(QStringLiteral("sim/scanner.sock"));
}

QString ScannerSimulator::execute(const QString &commandLine)
{
    QStringList words = commandLine.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words.size() == 1 && words.first() == QLatin1String("status"))
        return QStringLiteral("ok tty=%1 scans=%2 commands=%3 last=%4")
            .arg(options().ttyLinkPath)
            .arg(m_scans)
            .arg(m_commands)
            .arg(m_lastCommand.isEmpty() ? QStringLiteral("-") : QString::fromLatin1(m_lastCommand));
    if (words.isEmpty() || words.first() != QLatin1String("scan"))
        return QStringLiteral("error: unknown command \"%1\"; try scan TEXT or status").arg(commandLine.trimmed());
    words.removeFirst();
    bool gb18030 = false;
    bool terminator = true;
    bool escapes = false;
    while (!words.isEmpty() && words.first().startsWith(QLatin1String("--"))) {
        const QString flag = words.takeFirst();
        if (flag == QLatin1String("--gb18030"))
            gb18030 = true;
        else if (flag == QLatin1String("--no-terminator"))
            terminator = false;
        else if (flag == QLatin1String("--escapes"))
            escapes = true;
        else
            return QStringLiteral("error: unknown option %1; try --gb18030, --no-terminator or --escapes").arg(flag);
    }
    const QString text = escapes ? unescaped(words.join(QLatin1Char(' '))) : words.join(QLatin1Char(' '));
    if (text.isEmpty())
        return QStringLiteral("error: scan needs the text the code carries");
    if (!link()->isOpen())
        return QStringLiteral("error: the scanner's pty is closed");
    QByteArray bytes;
    if (gb18030) {
        QStringEncoder encoder("GB18030");
        bytes = encoder.encode(text);
    } else {
        bytes = text.toUtf8();
    }
    if (terminator)
        bytes += "\r\n";
    link()->send({{0, bytes}});
    ++m_scans;
    return QStringLiteral("ok scanned %1 bytes").arg(bytes.size());
}

void ScannerSimulator::hostWrote(const QByteArray &bytes)
{
    m_fromHost += bytes;
    qsizetype end;
    while ((end = m_fromHost.indexOf('\x03')) >= 0) {
        if (const std::optional<QByteArray> command = NewlandCommand::parse(QByteArrayView(m_fromHost).first(end + 1))) {
            m_lastCommand = *command;
            ++m_commands;
        }
        m_fromHost.remove(0, end + 1);
    }
}

