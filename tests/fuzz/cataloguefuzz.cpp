#include "catalogue.h"
#include "fuzzrequire.h"

#include <QSet>

#include <cstddef>
#include <cstdint>

// A catalogue as the platform (or a file) gives it. Promises of Catalogue::fromJson:
//   - a rejected catalogue always says why, and an accepted one says nothing there;
//   - every item has a code, a Chinese name and a code no other item has, and item() finds it;
//   - every theme bundles at least two items, each of which item() finds, and theme() finds it;
//   - within an item, form field ids are unique;
//   - reading the same bytes again gives the same catalogue.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray json(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    QString error;
    QStringList ignored;
    const std::optional<Catalogue> catalogue = Catalogue::fromJson(json, &error, &ignored);
    if (!catalogue) {
        FUZZ_REQUIRE(!error.isEmpty());
        return 0;
    }
    FUZZ_REQUIRE(error.isEmpty());
    QSet<QString> codes;
    for (const CatalogueItem &item : catalogue->items()) {
        FUZZ_REQUIRE(!item.code.isEmpty() && !item.name.zh.isEmpty());
        FUZZ_REQUIRE(!codes.contains(item.code));
        codes.insert(item.code);
        FUZZ_REQUIRE(catalogue->item(item.code) == &item);
        QSet<QString> fields;
        for (const FormField &field : item.form) {
            FUZZ_REQUIRE(!fields.contains(field.id));
            fields.insert(field.id);
        }
    }
    for (const CatalogueTheme &theme : catalogue->themes()) {
        FUZZ_REQUIRE(theme.itemCodes.size() >= 2);
        for (const QString &code : theme.itemCodes)
            FUZZ_REQUIRE(catalogue->item(code) != nullptr);
        FUZZ_REQUIRE(catalogue->theme(theme.id) != nullptr);
    }

    QString againError;
    QStringList againIgnored;
    const std::optional<Catalogue> again = Catalogue::fromJson(json, &againError, &againIgnored);
    FUZZ_REQUIRE(again && again->version() == catalogue->version() && again->items().size() == catalogue->items().size()
                 && again->themes().size() == catalogue->themes().size() && againIgnored == ignored);
    return 0;
}
