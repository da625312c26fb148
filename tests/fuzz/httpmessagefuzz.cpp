#include "fuzzrequire.h"
#include "httpmessage.h"

#include <cstddef>
#include <cstdint>

// Bytes arriving on the reference platform's listener, as any client may send them. Promises:
//   - Incomplete leaves the buffer untouched; Complete takes exactly one request off its front;
//   - a parsed request has a target starting with '/', lower-case header names and a body no
//     larger than maxBodyBytes;
//   - the same bytes arriving in two pieces give the same request as arriving at once (a prefix
//     is Incomplete or already the same request);
//   - a parsed request written out again parses to the same request.
namespace {

struct Taken {
    HttpParser::Status status;
    HttpRequest request;
    QByteArray rest;
};

Taken take(QByteArray buffer)
{
    Taken taken;
    const QByteArray before = buffer;
    taken.status = HttpParser::take(buffer, &taken.request);
    if (taken.status == HttpParser::Status::Incomplete)
        FUZZ_REQUIRE(buffer == before);
    if (taken.status == HttpParser::Status::Complete)
        FUZZ_REQUIRE(buffer.size() < before.size() && before.endsWith(buffer));
    taken.rest = buffer;
    return taken;
}

bool same(const HttpRequest &a, const HttpRequest &b)
{
    return a.method == b.method && a.target == b.target && a.headers == b.headers && a.body == b.body;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const Taken whole = take(input);
    if (whole.status != HttpParser::Status::Complete)
        return 0;
    const HttpRequest &request = whole.request;
    FUZZ_REQUIRE(request.target.startsWith('/'));
    FUZZ_REQUIRE(request.body.size() <= HttpParser::maxBodyBytes);
    for (auto it = request.headers.cbegin(); it != request.headers.cend(); ++it)
        FUZZ_REQUIRE(it.key() == it.key().toLower());
    (void)request.path();
    (void)request.queryValue("case_number");
    (void)request.keepAlive();

    const qsizetype split = input.isEmpty() ? 0 : qsizetype(quint8(input.at(0))) * input.size() / 256;
    const Taken prefix = take(input.left(split));
    FUZZ_REQUIRE(prefix.status == HttpParser::Status::Incomplete
                 || (prefix.status == HttpParser::Status::Complete && same(prefix.request, request)));

    QByteArray again = request.method + ' ' + request.target + " HTTP/1.1\r\n";
    for (auto it = request.headers.cbegin(); it != request.headers.cend(); ++it) {
        if (it.key() != "content-length")
            again += it.key() + ": " + it.value() + "\r\n";
    }
    again += "Content-Length: " + QByteArray::number(request.body.size()) + "\r\n\r\n" + request.body;
    const Taken reparsed = take(again);
    FUZZ_REQUIRE(reparsed.status == HttpParser::Status::Complete && reparsed.rest.isEmpty());
    FUZZ_REQUIRE(reparsed.request.method == request.method && reparsed.request.target == request.target
                 && reparsed.request.body == request.body);
    return 0;
}
