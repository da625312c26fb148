#pragma once

#include "localizedtext.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// The services this terminal offers, in the platform's GET /catalogue shape
// (reference/platform-api.md). Parsing validates strictly what the kiosk relies on, so the rest
// of the kiosk can trust every item it is handed: a catalogue that fails is rejected whole, with
// the path of the first offending field, and the kiosk keeps the one it had. What a newer
// platform may add is tolerated: unknown fields and enum values are left out with a note, and an
// item (or theme) that this kiosk could not serve without them is hidden.
enum class ItemKind { Apply, Print, Query };
enum class Audience { Person, Business };

struct MaterialSpec {
    QString id;
    LocalizedText name;
    bool required = false;
    QString capture; // "document" (the document camera) or "photo"
};

struct FormField {
    QString id;
    LocalizedText label;
    QString type;    // text number date phone id_number select address checkbox
    bool required = false;
    QString prefill; // "holder.name" … or empty
    bool readonly = false;
    QList<std::pair<QString, LocalizedText>> options; // select only: value, label
};

// What an item costs (contract 1.1 "Fees"): a fixed amount in fen with what it is for, or an
// amount the platform computes when the case is filed.
struct ItemFee {
    int amountFen = 0;
    bool variable = false;
    LocalizedText description;
};

struct CatalogueItem {
    QString code;
    LocalizedText name;
    LocalizedText department;
    ItemKind kind = ItemKind::Apply;
    Audience audience = Audience::Person;
    // idcard, netid_qr, staff_attested (a staff member vouches, platform-api.md 1.1): the methods
    // this kiosk knows, in the platform's order.
    QStringList auth;
    bool faceRequired = false;
    bool offlineOk = false;
    bool instant = false;
    bool agentAllowed = false; // someone may file it for another person (代办)
    LocalizedText guide;
    QList<MaterialSpec> materials;
    // The authorisation (授权委托书) the item asks of someone filing for another person: the
    // catalogue lists it among the materials with the id "authorisation"; it is kept apart so
    // that a resident filing for themselves is never asked for it.
    std::optional<MaterialSpec> agentAuthorisation;
    QList<FormField> form;
    // A fee to pay by phone before the document is issued; such an item needs the platform live.
    std::optional<ItemFee> fee;
    // How its documents may reach the resident (contract 1.1): "pickup", "post"; empty: no choice.
    QStringList delivery;
};

struct CatalogueTheme {
    QString id;
    LocalizedText name;
    QStringList itemCodes;
};

class Catalogue
{
public:
    // What was left out goes to `ignored`, one line each naming its path; without a list, each
    // line is logged (the catalogue holds nothing personal).
    [[nodiscard]] static std::optional<Catalogue> fromJson(const QByteArray &json, QString *error, QStringList *ignored = nullptr);
    [[nodiscard]] static std::optional<Catalogue> fromFile(const QString &path, QString *error, QStringList *ignored = nullptr);
    // The demo catalogue compiled into the kiosk (assets/catalogue/demo-catalogue.json).
    [[nodiscard]] static Catalogue demo();

    [[nodiscard]] QString version() const { return m_version; }
    [[nodiscard]] const QList<CatalogueItem> &items() const { return m_items; }
    [[nodiscard]] const QList<CatalogueTheme> &themes() const { return m_themes; }
    [[nodiscard]] const CatalogueItem *item(const QString &code) const;
    [[nodiscard]] const CatalogueTheme *theme(const QString &id) const;

    [[nodiscard]] static QString kindName(ItemKind kind);
    [[nodiscard]] static QString audienceName(Audience audience);

private:
    QString m_version;
    QList<CatalogueItem> m_items;
    QList<CatalogueTheme> m_themes;
};
