#pragma once

#include <QByteArray>
#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QPainter>
#include <QPdfWriter>
#include <QProcess>
#include <QString>
#include <QThread>

// Helpers shared by the printer tests: a one-page PDF carrying a known text, the text of a
// spooled PDF as pdftotext reads it, and the system D-Bus that ippeveprinter needs.
namespace PrinterTestSupport {

inline QByteArray pdfWithText(const QString &text)
{
    QByteArray pdf;
    QBuffer buffer(&pdf);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setResolution(300);
    QPainter painter(&writer);
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPointSize(14);
    painter.setFont(font);
    painter.drawText(QPointF(200, 400), text);
    painter.end();
    return pdf;
}

inline QString pdfText(const QString &path)
{
    QProcess process;
    process.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), path, QStringLiteral("-")});
    if (!process.waitForFinished(30000))
        return {};
    return QString::fromUtf8(process.readAllStandardOutput());
}

// ippeveprinter needs a system bus even with DNS-SD off (debian12-notes.md "Printing").
inline bool ensureSystemBus(QString *why)
{
    if (QFileInfo::exists(QStringLiteral("/run/dbus/system_bus_socket")))
        return true;
    QProcess::execute(QStringLiteral("dbus-daemon"), {QStringLiteral("--system"), QStringLiteral("--fork")});
    for (int i = 0; i < 50 && !QFileInfo::exists(QStringLiteral("/run/dbus/system_bus_socket")); ++i)
        QThread::msleep(100);
    if (QFileInfo::exists(QStringLiteral("/run/dbus/system_bus_socket")))
        return true;
    *why = QStringLiteral("no system D-Bus and dbus-daemon --system --fork did not start one");
    return false;
}

} // namespace PrinterTestSupport
