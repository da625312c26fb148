#pragma once

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QProcess>
#include <QUrl>

// An agent at the platform's video help desk in a real browser: Debian's chromium, headless with
// fake camera and microphone, driven through chromedriver by deskagent.py. It opens /desk/,
// answers the first call, reports each step it reaches as a JSON line (on_duty, call_listed,
// media with the page's track statistics, screen with the colours sampled from the kiosk's
// screen track, bye), and exits after the call's bye. The video help suites and
// `kiosk-bench videocall` share it, so that each talks to the same peer.
class BrowserAgent : public QObject
{
    Q_OBJECT

public:
    struct Options {
        // What must arrive before the page reports "media": a comma list of camera, screen and
        // audio (all three when empty).
        QString expected;
        // Where on the screen track the page samples colours, as [x, y] fractions of its size.
        QJsonArray points = QJsonArray{QJsonArray{0.5, 0.5}};
        // Where the page's screenshots go (none when empty), and their names' prefix.
        QString screenshotDir;
        QString shotPrefix;
    };

    explicit BrowserAgent(QObject *parent = nullptr);
    ~BrowserAgent() override;
    BrowserAgent(const BrowserAgent &) = delete;
    BrowserAgent &operator=(const BrowserAgent &) = delete;

    // Starts the agent on `platform`'s desk page and waits until the page's socket is open, so
    // that a call asked for next is offered to it. False with errorText() when it is not.
    [[nodiscard]] bool start(const QUrl &platform, const Options &options);
    [[nodiscard]] QString errorText() const { return m_error; }

    [[nodiscard]] bool reached(const QString &step) const { return m_steps.contains(step); }
    [[nodiscard]] QJsonObject step(const QString &name) const { return m_steps.value(name); }
    // The page's statistics of the tracks it receives, from its "media" step: camera and screen
    // with frames and width, audio with packets.
    [[nodiscard]] QJsonObject mediaStats() const;
    // The colours the page read from the screen track at the points given, [r, g, b] each.
    [[nodiscard]] QJsonArray screenSamples() const;
    // The reason of the call's bye as the page saw it ("hangup", "session_ended", …).
    [[nodiscard]] QString byeReason() const;

    // Runs the event loop until `step` is reached, the agent exits or `timeoutMs` passes.
    [[nodiscard]] bool waitFor(const QString &step, int timeoutMs);
    // What the script said on stderr so far, for a failure's message.
    [[nodiscard]] QString errorOutput();

    [[nodiscard]] bool waitForFinished(int timeoutMs) { return m_process.waitForFinished(timeoutMs); }
    [[nodiscard]] int exitCode() const { return m_process.exitCode(); }
    [[nodiscard]] qint64 processId() const { return m_process.processId(); }
    // Ends the script at once (chromedriver and chromium are left to their parent's death or to
    // the caller).
    void kill();

private:
    void readSteps();

    QProcess m_process;
    QHash<QString, QJsonObject> m_steps;
    QByteArray m_errorOutput;
    QString m_error;
};
