#include "callmedia.h"

#include "callbranch.h"
#include "camera/frameprovider.h"
#include "soundcheck.h"

#include <gst/app/gstappsink.h>
#include <gst/sdp/sdp.h>

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <tuple>

Q_LOGGING_CATEGORY(lcCallMedia, "kiosk.assist.media")

namespace {

// What each line carries; the receiving lines use the same, so the payload types never clash.
// Opus is always offered as two channels ("opus/48000/2"): a browser refuses an Opus line
// without them, and webrtcbin 1.22 then never connects the call at all when that line was the
// kiosk's receive-only one (the call without a microphone).
constexpr const char *audioCaps = "application/x-rtp,media=audio,encoding-name=OPUS,payload=97,clock-rate=48000,encoding-params=(string)2";
constexpr const char *cameraCaps = "application/x-rtp,media=video,encoding-name=VP8,payload=96,clock-rate=90000";
constexpr const char *screenCaps = "application/x-rtp,media=video,encoding-name=VP8,payload=98,clock-rate=90000";

} // namespace

struct CallMedia::Pipeline {
    GstElement *pipeline = nullptr;
    GstElement *webrtc = nullptr;
    GstElement *cameraSource = nullptr;
    GstElement *screenSource = nullptr;
    QTimer cameraTimer;
    QTimer screenTimer;
    QTimer silenceTimer;
    QElapsedTimer sinceIncoming; // since the agent's packet count last moved
    qint64 lastIncoming = 0;
    std::atomic<qint64> incoming{0};
    QSize cameraSize;
    QSize screenSize;
    std::atomic<qint64> agentFrames{0};
    CallMedia *owner = nullptr;
    bool speaker = false; // whether the agent's voice has a sound server to play on

    ~Pipeline()
    {
        if (!pipeline)
            return;
        // NULL joins every streaming thread, so no callback outlives the call's object.
        gst_element_set_state(pipeline, GST_STATE_NULL);
        if (GstBus *bus = gst_element_get_bus(pipeline)) {
            gst_bus_set_sync_handler(bus, nullptr, nullptr, nullptr);
            gst_object_unref(bus);
        }
        if (cameraSource)
            gst_object_unref(cameraSource);
        if (screenSource)
            gst_object_unref(screenSource);
        if (webrtc)
            gst_object_unref(webrtc);
        gst_object_unref(pipeline);
    }

    static void onNegotiationNeeded(GstElement *webrtc, gpointer data);
    static void onOfferCreated(GstPromise *promise, gpointer data);
    static void onIceCandidate(GstElement *webrtc, guint mline, gchar *candidate, gpointer data);
    static void onConnectionState(GObject *webrtc, GParamSpec *, gpointer data);
    static void onIncomingPad(GstElement *webrtc, GstPad *pad, gpointer data);
    static GstFlowReturn onAgentSample(GstAppSink *sink, gpointer data);
    static GstPadProbeReturn onIncomingBuffer(GstPad *pad, GstPadProbeInfo *info, gpointer data);
    static GstBusSyncReply onBusMessage(GstBus *bus, GstMessage *message, gpointer data);
};

void CallMedia::Pipeline::onNegotiationNeeded(GstElement *webrtc, gpointer data)
{
    GstPromise *promise = gst_promise_new_with_change_func(&Pipeline::onOfferCreated, data, nullptr);
    g_signal_emit_by_name(webrtc, "create-offer", nullptr, promise);
}

void CallMedia::Pipeline::onOfferCreated(GstPromise *promise, gpointer data)
{
    auto *self = static_cast<Pipeline *>(data);
    GstWebRTCSessionDescription *offer = nullptr;
    if (gst_promise_wait(promise) == GST_PROMISE_RESULT_REPLIED)
        gst_structure_get(gst_promise_get_reply(promise), "offer", GST_TYPE_WEBRTC_SESSION_DESCRIPTION, &offer, nullptr);
    gst_promise_unref(promise);
    if (!offer) {
        QMetaObject::invokeMethod(self->owner, [owner = self->owner] { emit owner->failed(QStringLiteral("no offer")); }, Qt::QueuedConnection);
        return;
    }
    g_signal_emit_by_name(self->webrtc, "set-local-description", offer, nullptr);
    gchar *text = gst_sdp_message_as_text(offer->sdp);
    const QString sdp = QString::fromUtf8(text);
    g_free(text);
    gst_webrtc_session_description_free(offer);
    QMetaObject::invokeMethod(self->owner, [owner = self->owner, sdp] { emit owner->offerReady(sdp); }, Qt::QueuedConnection);
}

void CallMedia::Pipeline::onIceCandidate(GstElement *, guint mline, gchar *candidate, gpointer data)
{
    auto *self = static_cast<Pipeline *>(data);
    const QString text = QString::fromUtf8(candidate);
    QMetaObject::invokeMethod(self->owner, [owner = self->owner, text, mline] { emit owner->localCandidate(text, int(mline)); },
                              Qt::QueuedConnection);
}

void CallMedia::Pipeline::onConnectionState(GObject *webrtc, GParamSpec *, gpointer data)
{
    auto *self = static_cast<Pipeline *>(data);
    GstWebRTCPeerConnectionState state = GST_WEBRTC_PEER_CONNECTION_STATE_NEW;
    g_object_get(webrtc, "connection-state", &state, nullptr);
    qCDebug(lcCallMedia) << "peer connection state" << int(state);
    if (state == GST_WEBRTC_PEER_CONNECTION_STATE_CONNECTED)
        QMetaObject::invokeMethod(self->owner, [owner = self->owner] { emit owner->connected(); }, Qt::QueuedConnection);
    else if (state == GST_WEBRTC_PEER_CONNECTION_STATE_FAILED)
        QMetaObject::invokeMethod(self->owner, [owner = self->owner] { emit owner->failed(QStringLiteral("connection failed")); },
                                  Qt::QueuedConnection);
}

void CallMedia::Pipeline::onIncomingPad(GstElement *, GstPad *pad, gpointer data)
{
    auto *self = static_cast<Pipeline *>(data);
    if (GST_PAD_DIRECTION(pad) != GST_PAD_SRC)
        return;
    GstCaps *caps = gst_pad_get_current_caps(pad);
    if (!caps)
        caps = gst_pad_query_caps(pad, nullptr);
    const GstStructure *s = gst_caps_get_structure(caps, 0);
    const QByteArray encoding = QByteArray(gst_structure_get_string(s, "encoding-name")).toUpper();
    gst_caps_unref(caps);
    QString description;
    // Without a sound server the agent's voice is decoded for nothing: a sink that cannot start
    // would stop the bundled transport, and with it the agent's picture and the call.
    if (encoding == "OPUS" && self->speaker)
        description = QStringLiteral("queue ! rtpopusdepay ! opusdec ! audioconvert ! audioresample ! pulsesink name=voice sync=false");
    else if (encoding == "OPUS")
        description = QStringLiteral("fakesink name=voice sync=false");
    else if (encoding == "VP8")
        description = QStringLiteral("queue ! rtpvp8depay ! vp8dec ! videoconvert ! video/x-raw,format=RGBx ! "
                                     "appsink name=agent emit-signals=false max-buffers=1 drop=true sync=false");
    else
        description = QStringLiteral("fakesink sync=false");
    QString error;
    GstElement *branch = CallBranch::add(self->pipeline, description, &error);
    if (!branch) {
        qCWarning(lcCallMedia) << "cannot play the agent's" << encoding << error;
        return;
    }
    if (GstElement *sink = gst_bin_get_by_name(GST_BIN(branch), "agent")) {
        GstAppSinkCallbacks callbacks{};
        callbacks.new_sample = &Pipeline::onAgentSample;
        gst_app_sink_set_callbacks(GST_APP_SINK(sink), &callbacks, self, nullptr);
        gst_object_unref(sink);
    }
    gst_element_sync_state_with_parent(branch);
    gst_pad_add_probe(pad, GstPadProbeType(GST_PAD_PROBE_TYPE_BUFFER | GST_PAD_PROBE_TYPE_BUFFER_LIST), &Pipeline::onIncomingBuffer, self, nullptr);
    GstPad *sink = gst_element_get_static_pad(branch, "sink");
    gst_pad_link(pad, sink);
    gst_object_unref(sink);
}

GstPadProbeReturn CallMedia::Pipeline::onIncomingBuffer(GstPad *, GstPadProbeInfo *info, gpointer data)
{
    auto *self = static_cast<Pipeline *>(data);
    if (GST_PAD_PROBE_INFO_TYPE(info) & GST_PAD_PROBE_TYPE_BUFFER_LIST)
        self->incoming += gst_buffer_list_length(GST_PAD_PROBE_INFO_BUFFER_LIST(info));
    else
        ++self->incoming;
    return GST_PAD_PROBE_OK;
}

GstFlowReturn CallMedia::Pipeline::onAgentSample(GstAppSink *sink, gpointer data)
{
    auto *self = static_cast<Pipeline *>(data);
    GstSample *sample = gst_app_sink_pull_sample(sink);
    if (!sample)
        return GST_FLOW_OK;
    const GstStructure *s = gst_caps_get_structure(gst_sample_get_caps(sample), 0);
    int width = 0;
    int height = 0;
    gst_structure_get_int(s, "width", &width);
    gst_structure_get_int(s, "height", &height);
    GstMapInfo map;
    GstBuffer *buffer = gst_sample_get_buffer(sample);
    if (width > 0 && height > 0 && gst_buffer_map(buffer, &map, GST_MAP_READ)) {
        const int stride = int(map.size / gsize(height));
        const QImage frame = QImage(map.data, width, height, stride, QImage::Format_RGBX8888).copy();
        gst_buffer_unmap(buffer, &map);
        const qint64 count = ++self->agentFrames;
        if (FrameProvider *provider = self->owner->m_agentVideo.data())
            provider->publish(frame, count);
        if (count == 1)
            QMetaObject::invokeMethod(self->owner, [owner = self->owner] { emit owner->firstAgentFrame(); }, Qt::QueuedConnection);
    }
    gst_sample_unref(sample);
    return GST_FLOW_OK;
}

GstBusSyncReply CallMedia::Pipeline::onBusMessage(GstBus *, GstMessage *message, gpointer data)
{
    auto *self = static_cast<Pipeline *>(data);
    if (GST_MESSAGE_TYPE(message) == GST_MESSAGE_ERROR) {
        GError *error = nullptr;
        gst_message_parse_error(message, &error, nullptr);
        const QString text = QString::fromUtf8(error ? error->message : "error");
        g_clear_error(&error);
        qCWarning(lcCallMedia) << "pipeline error from" << GST_OBJECT_NAME(GST_MESSAGE_SRC(message)) << text;
        // The agent's voice having nowhere to play is not the end of the call.
        if (!QByteArray(GST_OBJECT_NAME(GST_MESSAGE_SRC(message))).startsWith("voice"))
            QMetaObject::invokeMethod(self->owner, [owner = self->owner, text] { emit owner->failed(text); }, Qt::QueuedConnection);
    }
    return GST_BUS_PASS;
}

CallMedia::CallMedia(const Sources &sources, FrameProvider *agentVideo, QObject *parent)
    : QObject(parent)
    , m_sources(sources)
    , m_agentVideo(agentVideo)
{
}

CallMedia::~CallMedia()
{
    stop();
}

bool CallMedia::start(QString *error)
{
    stop();
    GError *initError = nullptr;
    if (!gst_init_check(nullptr, nullptr, &initError)) {
        *error = QString::fromUtf8(initError ? initError->message : "GStreamer does not start");
        g_clear_error(&initError);
        return false;
    }
    if (!m_soundCheck.valid())
        prepare();
    const std::pair<bool, bool> soundCheck = m_soundCheck.get();
    auto p = std::make_unique<Pipeline>();
    p->owner = this;
    p->pipeline = gst_pipeline_new("assist-call");
    // The monotonic system clock, not the one the microphone's pulsesrc would provide: that one
    // stands still until the sound server delivers its first buffer (two seconds on a quiet
    // source), and the agent's packets waited in the jitter buffer for as long.
    GstClock *clock = gst_system_clock_obtain();
    gst_pipeline_use_clock(GST_PIPELINE(p->pipeline), clock);
    gst_object_unref(clock);
    p->webrtc = gst_element_factory_make("webrtcbin", "webrtc");
    if (!p->webrtc) {
        *error = QStringLiteral("GStreamer has no webrtcbin (gstreamer1.0-plugins-bad, gstreamer1.0-nice)");
        return false;
    }
    gst_object_ref(p->webrtc);
    g_object_set(p->webrtc, "bundle-policy", GST_WEBRTC_BUNDLE_POLICY_MAX_BUNDLE, "latency", 100, nullptr);
    gst_bin_add(GST_BIN(p->pipeline), p->webrtc);

    std::tie(m_sendsMicrophone, p->speaker) = soundCheck;
    if (!p->speaker)
        qCWarning(lcCallMedia) << "no sound server: the agent's voice cannot be played";
    m_sendsCamera = !m_sources.camera.isNull();
    m_sendsScreen = bool(m_sources.screen);
    if (m_sendsMicrophone) {
        GstElement *mic = CallBranch::add(p->pipeline,
                                          QStringLiteral("pulsesrc device=\"%1\" ! audioconvert ! audioresample ! queue ! opusenc ! "
                                                         "rtpopuspay ! capsfilter caps=\"%2\"").arg(m_sources.microphone, QLatin1String(audioCaps)),
                                          error);
        if (!mic)
            return false;
        CallBranch::setDirection(CallBranch::linkToWebrtc(mic, p->webrtc, "kiosk", audioCaps),
                                 GST_WEBRTC_RTP_TRANSCEIVER_DIRECTION_SENDRECV);
    }
    if (m_sendsCamera) {
        GstElement *camera = CallBranch::add(p->pipeline, CallBranch::vp8("camera", 30, 600000, cameraCaps), error);
        if (!camera)
            return false;
        p->cameraSource = gst_bin_get_by_name(GST_BIN(camera), "camera");
        CallBranch::setDirection(CallBranch::linkToWebrtc(camera, p->webrtc, "kiosk", cameraCaps),
                                 GST_WEBRTC_RTP_TRANSCEIVER_DIRECTION_SENDRECV);
    }
    // Without a microphone the agent is still heard, and without a camera still seen. The
    // screen's line comes after these: the desk page takes the last video line for the screen.
    if (!m_sendsMicrophone)
        CallBranch::addReceiver(p->webrtc, audioCaps);
    if (!m_sendsCamera)
        CallBranch::addReceiver(p->webrtc, cameraCaps);
    if (m_sendsScreen) {
        GstElement *screen =
            CallBranch::add(p->pipeline, CallBranch::vp8("screen", qMax(2, m_sources.screenFps * 2), 400000, screenCaps), error);
        if (!screen)
            return false;
        p->screenSource = gst_bin_get_by_name(GST_BIN(screen), "screen");
        CallBranch::setDirection(CallBranch::linkToWebrtc(screen, p->webrtc, "screen", screenCaps),
                                 GST_WEBRTC_RTP_TRANSCEIVER_DIRECTION_SENDONLY);
    }
    g_signal_connect(p->webrtc, "on-negotiation-needed", G_CALLBACK(&Pipeline::onNegotiationNeeded), p.get());
    g_signal_connect(p->webrtc, "on-ice-candidate", G_CALLBACK(&Pipeline::onIceCandidate), p.get());
    g_signal_connect(p->webrtc, "notify::connection-state", G_CALLBACK(&Pipeline::onConnectionState), p.get());
    g_signal_connect(p->webrtc, "pad-added", G_CALLBACK(&Pipeline::onIncomingPad), p.get());
    GstBus *bus = gst_element_get_bus(p->pipeline);
    gst_bus_set_sync_handler(bus, &Pipeline::onBusMessage, p.get(), nullptr);
    gst_object_unref(bus);

    if (gst_element_set_state(p->pipeline, GST_STATE_PLAYING) == GST_STATE_CHANGE_FAILURE) {
        *error = QStringLiteral("the call's pipeline does not start");
        return false;
    }
    if (m_sendsCamera) {
        p->cameraTimer.setInterval(1000 / qMax(1, m_sources.cameraFps));
        connect(&p->cameraTimer, &QTimer::timeout, this, &CallMedia::pushCamera);
        p->cameraTimer.start();
    }
    if (m_sendsScreen) {
        p->screenTimer.setInterval(1000 / qMax(1, m_sources.screenFps));
        connect(&p->screenTimer, &QTimer::timeout, this, &CallMedia::pushScreen);
        p->screenTimer.start();
    }
    // The agent's packets are counted as they arrive; a path that goes silent ends the call.
    p->silenceTimer.setInterval(500);
    connect(&p->silenceTimer, &QTimer::timeout, this, &CallMedia::checkSilence);
    p->silenceTimer.start();
    m_pipeline = std::move(p);
    pushScreen();
    return true;
}

void CallMedia::prepare()
{
    // A probe still running is fresh enough; one that finished may be from a call left minutes ago.
    if (m_soundCheck.valid() && m_soundCheck.wait_for(std::chrono::seconds(0)) != std::future_status::ready)
        return;
    m_soundCheck = std::async(std::launch::async, [microphone = m_sources.microphone] {
        const bool recording = SoundCheck::microphoneWorks(microphone);
        return std::make_pair(recording, SoundCheck::speakerWorks());
    });
}

void CallMedia::pushCamera()
{
    if (!m_pipeline || !m_sources.camera)
        return;
    // The newest frame the camera driver published, read without taking it from the preview.
    const qint64 sequence = m_sources.camera->latestSequence();
    if (sequence >= 0 && sequence == m_lastCameraSequence)
        return;
    m_lastCameraSequence = sequence;
    CallBranch::pushImage(m_pipeline->cameraSource, m_sources.camera->latestFrame(), &m_pipeline->cameraSize,
                          m_sources.cameraFps);
}

void CallMedia::pushScreen()
{
    if (!m_pipeline || !m_sources.screen)
        return;
    QImage screen = m_sources.screen();
    // Half a full-HD screen keeps every text of a form legible for the agent at a modest bitrate.
    // The longer side is the one bounded: a portrait kiosk's 1080 x 1920 sent 960 wide was
    // 960 x 1706, three times the pixels of a landscape one, and its encoding the call's
    // largest cost in CPU after the camera's.
    if (std::max(screen.width(), screen.height()) > 960)
        screen = screen.scaled(960, 960, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    CallBranch::pushImage(m_pipeline->screenSource, screen, &m_pipeline->screenSize, m_sources.screenFps);
}

void CallMedia::checkSilence()
{
    if (!m_pipeline)
        return;
    const qint64 count = m_pipeline->incoming.load();
    if (count != m_pipeline->lastIncoming || !m_pipeline->sinceIncoming.isValid()) {
        m_pipeline->lastIncoming = count;
        m_pipeline->sinceIncoming.start();
        return;
    }
    // Only media that flowed and then stopped is a drop; before the first packet, the connection
    // state (and the queue's deadline) speak for the call.
    if (count > 0 && m_pipeline->sinceIncoming.elapsed() >= m_sources.silenceTimeoutMs) {
        m_pipeline->silenceTimer.stop();
        qCWarning(lcCallMedia) << "nothing from the agent for" << m_pipeline->sinceIncoming.elapsed() << "ms";
        emit failed(QStringLiteral("the agent's media stopped"));
    }
}

void CallMedia::stop()
{
    m_pipeline.reset();
    m_lastCameraSequence = -1;
    if (m_agentVideo)
        m_agentVideo->clear();
}

void CallMedia::setAnswer(const QString &sdp)
{
    if (!m_pipeline)
        return;
    GstSDPMessage *message = nullptr;
    gst_sdp_message_new_from_text(sdp.toUtf8().constData(), &message);
    if (!message) {
        emit failed(QStringLiteral("unreadable answer"));
        return;
    }
    GstWebRTCSessionDescription *answer = gst_webrtc_session_description_new(GST_WEBRTC_SDP_TYPE_ANSWER, message);
    g_signal_emit_by_name(m_pipeline->webrtc, "set-remote-description", answer, nullptr);
    gst_webrtc_session_description_free(answer);
}

void CallMedia::addRemoteCandidate(const QString &candidate, int mlineIndex)
{
    if (!m_pipeline || candidate.isEmpty())
        return;
    g_signal_emit_by_name(m_pipeline->webrtc, "add-ice-candidate", guint(mlineIndex), candidate.toUtf8().constData());
}

qint64 CallMedia::agentFramesReceived() const
{
    return m_pipeline ? m_pipeline->agentFrames.load() : 0;
}

qint64 CallMedia::agentPacketsReceived() const
{
    return m_pipeline ? m_pipeline->incoming.load() : 0;
}
