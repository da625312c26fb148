#include "configschema.h"

namespace ConfigSchema {

namespace {

ConfigKey text(const char *key, const QString &def, const char *doc, bool required = false)
{
    return {QString::fromLatin1(key), ConfigType::String, def, QString::fromUtf8(doc), 0, 0, {}, required};
}

ConfigKey integer(const char *key, qint64 def, qint64 min, qint64 max, const char *doc)
{
    return {QString::fromLatin1(key), ConfigType::Integer, def, QString::fromUtf8(doc), min, max, {}, false};
}

ConfigKey boolean(const char *key, bool def, const char *doc)
{
    return {QString::fromLatin1(key), ConfigType::Boolean, def, QString::fromUtf8(doc), 0, 0, {}, false};
}

ConfigKey choice(const char *key, const QString &def, const QStringList &choices, const char *doc)
{
    return {QString::fromLatin1(key), ConfigType::Choice, def, QString::fromUtf8(doc), 0, 0, choices, false};
}

ConfigKey path(const char *key, const QString &def, const char *doc)
{
    return {QString::fromLatin1(key), ConfigType::Path, def, QString::fromUtf8(doc), 0, 0, {}, false};
}

ConfigKey url(const char *key, const QString &def, const char *doc)
{
    return {QString::fromLatin1(key), ConfigType::Url, def, QString::fromUtf8(doc), 0, 0, {}, true};
}

ConfigKey device(const char *key, const QString &def, const char *doc)
{
    return {QString::fromLatin1(key), ConfigType::DeviceSpec, def, QString::fromUtf8(doc), 0, 0, {}, false};
}

ConfigKey timeZone(const char *key, const QString &def, const char *doc)
{
    return {QString::fromLatin1(key), ConfigType::TimeZone, def, QString::fromUtf8(doc), 0, 0, {}, false};
}

QList<ConfigKey> buildKeys()
{
    return {
        choice("kiosk/mode", QStringLiteral("production"), {QStringLiteral("production"), QStringLiteral("demo")},
               "production: real devices and an https platform, and the provisioning checklist is red on anything else. "
               "demo: simulated devices, a plain-HTTP platform on loopback and the demo panel are allowed; never for a hall."),
        text("kiosk/hall_name", QStringLiteral("合肥市政务服务中心 24小时自助服务区"),
             "The hall's name in Chinese, shown on the attract screen and printed on receipts.", true),
        text("kiosk/hall_name_en", QStringLiteral("Hefei Government Service Centre, 24-hour self-service area"),
             "The hall's name in English."),
        text("kiosk/site", QStringLiteral("340103-HALL-01"),
             "The site code the terminal is enrolled under: a 6-digit division code, a dash, the hall.", true),
        choice("kiosk/language", QStringLiteral("zh"), {QStringLiteral("zh"), QStringLiteral("en")},
               "The language every session starts in; residents can switch at any moment."),
        timeZone("kiosk/time_zone", QStringLiteral("Asia/Shanghai"),
                 "The hall's time zone (IANA name): the clock on screen, the times of a case's progress, receipts and "
                 "certificates use it, whatever zone the machine runs in."),
        boolean("kiosk/fullscreen", true,
                "Full screen with no window decoration; `kiosk --windowed` overrides it for development."),
        path("kiosk/catalogue_file", QString(),
             "A catalogue in the platform's GET /catalogue format, used until the platform supplies one. "
             "Empty means the demo catalogue built into the kiosk. A file that does not load is reported to staff, and the kiosk "
             "starts on the platform's kept catalogue or the built-in one."),
        path("kiosk/state_dir", QStringLiteral("/var/lib/kiosk"),
             "Where the kiosk keeps its outbox, device statistics and catalogue cache. Only the kiosk user may read it."),
        text("kiosk/staff_help", QStringLiteral("请到一楼服务台找工作人员，或拨打 12345"),
             "Where a resident finds a person; shown by the help button."),
        text("kiosk/staff_help_en", QStringLiteral("Please ask the staff at the ground-floor service desk, or call 12345"),
             "The same in English; empty shows the Chinese to English readers too."),
        boolean("kiosk/voice", true, "Spoken prompts for every step, in the resident's language and slower in elder mode (docs/voice.md)."),
        integer("kiosk/voice_volume", 80, 0, 100, "Loudness of the spoken prompts, in percent of the audio output's."),

        integer("session/timeout_choose_s", 60, 10, 900, "Idle seconds on the home and guide screens before the session ends."),
        integer("session/timeout_identify_s", 60, 10, 900, "Idle seconds while waiting for a card or a QR code."),
        integer("session/timeout_verify_s", 90, 10, 900, "Idle seconds on the consent and face verification screens."),
        integer("session/timeout_form_s", 180, 10, 1800, "Idle seconds on the form: long enough to type an address with a finger."),
        integer("session/timeout_materials_s", 180, 10, 1800, "Idle seconds while capturing documents."),
        integer("session/timeout_review_s", 120, 10, 900, "Idle seconds on the review screen."),
        integer("session/timeout_result_s", 60, 10, 900, "Idle seconds on the result and receipt screen."),
        integer("session/timeout_rating_s", 45, 10, 900, "Idle seconds on the rating (好差评) screen."),
        integer("session/warning_s", 20, 5, 120, "Seconds of visible countdown before an idle session is wiped."),

        url("platform/url", QStringLiteral("http://127.0.0.1:8080/terminal/v1"),
            "The platform's base URL: HTTPS with ca_file, or plain HTTP towards loopback for development "
            "(the default is where kiosk-refplatform listens when started without options)."),
        path("platform/ca_file", QString(),
             "The only CA bundle (PEM) the kiosk trusts for an https platform, required with one: the system store is "
             "never used. Empty only with plain HTTP on loopback."),
        path("platform/client_cert", QString(), "A client certificate (PEM) for mutual TLS; empty for none."),
        path("platform/client_key", QString(), "The client certificate's private key (PEM)."),
        path("platform/credentials_file", QStringLiteral("/var/lib/kiosk/terminal.json"),
             "Where `kioskctl enroll` writes the terminal id and secret (mode 0600)."),
        choice("platform/signature_alg", QStringLiteral("HMAC-SHA256"),
               {QStringLiteral("HMAC-SHA256"), QStringLiteral("HMAC-SM3")},
               "How requests are signed: HMAC-SHA256, or HMAC-SM3 where the province follows GB/T 39786."),
        integer("platform/timeout_s", 15, 1, 120, "Seconds before a platform request is given up and treated as unreachable."),

        device("devices/id_card_reader", QStringLiteral("simulated"),
               "The ID card reader: simulated, none, serial:/dev/ttyUSB0[@115200], or usb:VID:PID (hex)."),
        integer("devices/id_card_poll_ms", 100, 100, 5000, "How often the ID card reader looks for a card, in milliseconds: 100 finds a card within a tenth of a second of being laid down, at no measurable CPU cost (kioskctl bench idcard)."),
        integer("devices/id_card_timeout_ms", 1000, 200, 10000, "How long the ID card reader may take to answer one command before it counts as silent."),
        path("devices/id_card_photo_decoder", QString(), "A vendor's WLT photo decoder plugin (a Qt plugin file); empty: photos stay undecoded and verification goes online."),
        path("devices/face_matcher", QString(),
             "A vendor's local 1:1 face matcher plugin (a Qt plugin file). With the photo decoder it checks a face at the kiosk while the platform is away, for items that may be queued; empty: face checks need the platform."),
        device("devices/barcode_scanner", QStringLiteral("simulated"),
               "The QR scanner: simulated, none, serial:PATH[@BAUD], hidpos:VID:PID, or evdev:/dev/input/by-id/...; options follow after commas: line_end_ms (a line end followed by that much silence ends a scan; 30) and silence_ms (a scan without one ends after that long; 100), as in docs/configuration.md."),
        device("devices/face_camera", QStringLiteral("simulated"),
               "The face camera: simulated, none, v4l2:/dev/video0 or v4l2:INDEX, or file:PATH, a video or an image sequence (a PATH with a printf-style number such as f%03d.png reads f000.png, f001.png, …), played at camera_fps like a live camera; options realtime (no: every frame in turn) and loop (no: once) follow after commas, as in docs/configuration.md."),
        device("devices/document_camera", QStringLiteral("simulated"),
               "The document camera (高拍仪), in the same forms as face_camera."),
        text("devices/code_formats", QStringLiteral("QRCode"),
             "The code formats the cameras decode, comma-separated ZXing names (QRCode, DataMatrix, PDF417, Aztec); each one more costs time on every frame."),
        text("devices/face_camera_resolution", QStringLiteral("640x480"), "The resolution asked of the face camera, WIDTHxHEIGHT."),
        text("devices/document_camera_resolution", QStringLiteral("3264x2448"),
             "The resolution a document page is taken at, WIDTHxHEIGHT. An upright A4 page filling 86 % of a 3264x2448 frame's height comes out at about 180 dpi (150 dpi keeps small print legible); with 2592x1944 the page must fill the whole height for 150 dpi. Pages are kept at most 2200 px long and under 1 MiB."),
        text("devices/document_camera_preview_resolution", QStringLiteral("1280x960"),
             "The document camera's live picture, WIDTHxHEIGHT; the camera switches to document_camera_resolution only for the moment a page is taken."),
        integer("devices/camera_fps", 30, 5, 60,
                "Frames per second asked of the cameras; analysis keeps only the newest frame, so a slow pass drops frames rather than lagging."),
        integer("devices/camera_preview_fps", 25, 5, 60,
                "At most this many frames a second of each camera's live picture reach the screen (the newest frame, never a queue); the preview must show at least 15."),
        device("devices/receipt_printer", QStringLiteral("simulated"),
               "The 80 mm receipt printer: simulated, none, cups:QUEUE, or ipp://HOST:PORT/ipp/print."),
        device("devices/document_printer", QStringLiteral("simulated"),
               "The A4 printer, in the same forms as receipt_printer."),
        integer("devices/print_job_timeout_s", 120, 10, 3600,
                "Seconds a print job may take before it is cancelled and reported as failed (the resident can reprint later)."),
        integer("devices/printer_status_poll_ms", 2000, 250, 60000,
                "How often each printer is asked for its state while idle, in milliseconds: a printer given paper or closed "
                "again is seen back, and its receipt offered, within this long."),
        integer("devices/receipt_roll_length_m", 80, 5, 1000,
                "Metres of paper on a new receipt roll, for the maintenance screen's estimate of receipts left."),
        integer("devices/receipt_length_mm", 160, 40, 2000,
                "Millimetres of paper an average receipt takes, for the same estimate."),
        text("devices/receipt_follow_url", QStringLiteral("https://zwfw.example.gov.cn/case/{ref}"),
             "The address the receipt's QR code opens to follow a case; {ref} becomes the case number or the kiosk's reference."),

        path("offline/key_file", QStringLiteral("/var/lib/kiosk/outbox.key"),
             "The outbox's AES-256 key: 32 raw bytes or 64 hex digits, mode 0600, made once at provisioning. "
             "Without it the kiosk queues nothing."),
        integer("offline/budget_mb", 512, 16, 65536,
                "The most the offline queue may hold, in MiB; when full the kiosk says so before a resident starts."),
        integer("offline/retry_cap_s", 900, 10, 86400, "The longest wait between two attempts to send a queued entry."),
        integer("offline/lease_s", 300, 30, 3600,
                "Seconds an entry stays with the sender before another attempt may take it (a crash never strands it)."),
        integer("offline/retention_days", 30, 1, 365,
                "Days a delivered entry's receipt data (references, item, times) is kept for reprinting."),

        text("admin/pin_hash", QString(),
             "The maintenance PIN as `pbkdf2-sha256$ITERATIONS$SALT$HASH` (PBKDF2-HMAC-SHA256, base64), made by `kioskctl maintenance hash-pin` or `set-pin` with 600 000 iterations; older hashes of at least 100 000 are rehashed on the next accepted PIN. Empty: maintenance mode only through kioskctl."),
        path("admin/code_keys", QString(), "A PEM file of the Ed25519 public keys whose signed admin QR codes open maintenance mode (`kioskctl admin-code keygen`). Empty: admin codes are refused."),

        path("monitoring/textfile", QStringLiteral("/var/lib/kiosk-metrics/kiosk.prom"),
             "Where the kiosk writes its metrics for prometheus-node-exporter's textfile collector, whose --collector.textfile.directory names this folder (docs/fleet.md); empty: none are written."),
        integer("monitoring/interval_s", 15, 5, 3600, "Seconds between two writes of the metrics file."),
    };
}

} // namespace

const QList<ConfigKey> &keys()
{
    static const QList<ConfigKey> table = buildKeys();
    return table;
}

const ConfigKey *find(const QString &key)
{
    for (const ConfigKey &k : keys()) {
        if (k.key == key)
            return &k;
    }
    return nullptr;
}

QList<std::pair<QString, QString>> sections()
{
    return {
        {QStringLiteral("kiosk"), QStringLiteral("The terminal and the hall it stands in.")},
        {QStringLiteral("session"), QStringLiteral("How long a resident may stay idle on each step before everything is wiped.")},
        {QStringLiteral("platform"), QStringLiteral("The provincial platform (see docs/configuration.md).")},
        {QStringLiteral("devices"), QStringLiteral("Peripherals. `simulated` runs the real driver against its simulator.")},
        {QStringLiteral("offline"), QStringLiteral("The offline outbox: what is queued while the platform is unreachable.")},
        {QStringLiteral("admin"), QStringLiteral("Maintenance access.")},
        {QStringLiteral("monitoring"), QStringLiteral("Metrics for the province's Prometheus, through node-exporter's textfile collector.")},
    };
}

} // namespace ConfigSchema
