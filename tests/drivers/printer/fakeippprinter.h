#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QStringList>
#include <QTcpServer>

class QTcpSocket;

// A minimal IPP printer for tests: it answers every Get-Printer-Attributes with the state,
// reasons and marker levels the test chose (which ippeveprinter cannot be told to report), over
// HTTP/1.1 keep-alive as libcups expects. Responses are built with libcups' own ipp API.
class FakeIppPrinter : public QTcpServer
{
    Q_OBJECT
public:
    explicit FakeIppPrinter(QObject *parent = nullptr);

    void setState(int printerState, const QStringList &reasons);
    void setMarker(const QString &name, int level, int lowLevel);
    [[nodiscard]] QString uri() const;
    [[nodiscard]] int requestsAnswered() const { return m_answered; }

private:
    void serve(QTcpSocket *socket);
    [[nodiscard]] QByteArray answer(const QByteArray &ippRequest) const;

    int m_state = 3;
    QStringList m_reasons;
    QString m_markerName;
    int m_markerLevel = -1;
    int m_markerLowLevel = -1;
    int m_answered = 0;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};
