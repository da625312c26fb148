#pragma once

#include <QObject>
#include <QString>

#include <functional>

class QLocalServer;

// The control socket of a device simulator (`kioskctl sim …`): a local socket, readable by its
// owner only, taking one command a line and answering each with the handler's one-line reply.
class SimulatorControlServer : public QObject
{
    Q_OBJECT

public:
    using Handler = std::function<QString(const QString &commandLine)>;

    explicit SimulatorControlServer(QObject *parent = nullptr);
    ~SimulatorControlServer() override;

    // Listens on `path` (a stale socket there is replaced); false with the reason on failure.
    [[nodiscard]] bool listen(const QString &path, Handler handler, QString *error);
    void close();

private:
    void accept();

    QLocalServer *m_server = nullptr;
    Handler m_handler;
};
