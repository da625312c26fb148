#include "fuzzrequire.h"
#include "platformresult.h"
#include "responseshape.h"

#include <QUrl>

#include <cstddef>
#include <cstdint>

// One platform response as the client hands it over: the first byte chooses the endpoint, the
// next two the HTTP status, then header lines ("name: value\n") up to an empty line, then the
// body. Promises of the classification (reference/platform-api.md, error table):
//   - Ok only for a 2xx whose body has the endpoint's shape (or the catalogue's 304), and a
//     document's content is its body;
//   - a failure always has an error code and a sentence for the resident in both languages;
//   - a body of the wrong shape is a transient 502 with nothing of the body kept;
//   - Permanent never for 409, 429 or 5xx; ClockSkew only for a 401 with a valid server time;
//   - the platform's own error message is never kept (it may quote the resident);
//   - a document path the kiosk accepts stays on the platform's origin, under /documents/.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 3)
        return 0;
    const auto endpoint = static_cast<PlatformEndpoint>(data[0] % (int(PlatformEndpoint::Heartbeat) + 1));
    const int status = 100 + (data[1] << 8 | data[2]) % 500;
    const QByteArray rest(reinterpret_cast<const char *>(data + 3), static_cast<qsizetype>(size - 3));
    QHash<QByteArray, QByteArray> headers;
    const qsizetype blank = rest.indexOf("\n\n");
    const QByteArray body = blank < 0 ? rest : rest.mid(blank + 2);
    if (blank >= 0) {
        for (const QByteArray &line : rest.left(blank).split('\n')) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0)
                headers.insert(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
        }
    }

    const PlatformResult result = PlatformResponse::classify(endpoint, status, headers, body);
    const PlatformResult again = PlatformResponse::classify(endpoint, status, headers, body);
    FUZZ_REQUIRE(again.outcome == result.outcome && again.errorCode == result.errorCode && again.httpStatus == result.httpStatus);
    FUZZ_REQUIRE(!result.summary().isEmpty());
    if (result.retryAfterS)
        FUZZ_REQUIRE(*result.retryAfterS >= 0);

    if (result.isOk()) {
        const bool notModified = endpoint == PlatformEndpoint::Catalogue && status == 304;
        FUZZ_REQUIRE(notModified || (status >= 200 && status < 300));
        if (!notModified) {
            FUZZ_REQUIRE(ResponseShape::check(endpoint, headers, body, nullptr).isEmpty());
            if (endpoint == PlatformEndpoint::Document)
                FUZZ_REQUIRE(result.content == body);
        }
        FUZZ_REQUIRE(result.errorCode.isEmpty());
    } else {
        FUZZ_REQUIRE(!result.errorCode.isEmpty());
        const LocalizedText sentence = result.userMessage();
        FUZZ_REQUIRE(!sentence.zh.isEmpty() && !sentence.en.isEmpty());
        if (result.errorCode == QLatin1String("malformed")) {
            FUZZ_REQUIRE(result.httpStatus == 502 && result.isTransient() && result.body.isEmpty() && result.content.isEmpty());
        } else {
            // The platform's text is not kept: only the kiosk's own words, and here none.
            FUZZ_REQUIRE(result.message.isEmpty());
            FUZZ_REQUIRE(ResponseShape::checkError(body, nullptr).isEmpty());
        }
        if (result.isPermanent())
            FUZZ_REQUIRE(status != 409 && status != 429 && status < 500 && (status < 200 || status >= 300));
        if (result.outcome == PlatformOutcome::ClockSkew)
            FUZZ_REQUIRE(status == 401 && result.serverTime.isValid());
    }

    const QString text = QString::fromUtf8(body);
    if (ResponseShape::isDocumentPath(text)) {
        const QUrl url(text);
        FUZZ_REQUIRE(text.startsWith(QLatin1String("/documents/")) && url.isValid() && url.isRelative());
        FUZZ_REQUIRE(url.host().isEmpty() && !url.hasQuery() && !url.hasFragment() && url.path() == text);
        FUZZ_REQUIRE(!text.contains(QLatin1String("/../")) && !text.endsWith(QLatin1String("/..")));
    }
    if (ResponseShape::isCaseNumber(text))
        FUZZ_REQUIRE(text.size() == 20);
    return 0;
}
