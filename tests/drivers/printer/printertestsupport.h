#pragma once

#include <QByteArray>
#include <QBuffer>
#include <QFile>
#include <QPainter>
#include <QPdfWriter>
#include <QProcess>
#include <QString>

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

// ippeveprinter needs a running system bus even with DNS-SD off (debian12-notes.md "Printing");
// packaging/test.sh starts one (packaging/system-bus.sh). A socket file alone may be left by a
// bus that died, so the bus is asked for its id.
inline bool systemBusAnswers(QString *why)
{
    QProcess probe;
    probe.start(QStringLiteral("dbus-send"), {QStringLiteral("--system"), QStringLiteral("--print-reply"),
                                              QStringLiteral("--dest=org.freedesktop.DBus"), QStringLiteral("/"),
                                              QStringLiteral("org.freedesktop.DBus.GetId")});
    if (probe.waitForFinished(10000) && probe.exitStatus() == QProcess::NormalExit && probe.exitCode() == 0)
        return true;
    *why = QStringLiteral("no system D-Bus answers (%1); start one with packaging/system-bus.sh")
               .arg(QString::fromUtf8(probe.readAllStandardError()).simplified());
    return false;
}

} // namespace PrinterTestSupport
