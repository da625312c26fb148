#include "catalogue.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace {

Q_LOGGING_CATEGORY(lcCatalogue, "kiosk.app.catalogue")

// What became of one item (or material, or field) read from the platform's document.
enum class Reading { Kept, Ignored, Hidden, Failed };

// Parsing reports the JSON path of the first field that does not fit ("items[3].form[0].type"),
// which is what a technician or a platform developer needs to find it. What a newer platform may
// add (a field, an enum value) is noted and left out instead, so the rest of the catalogue still
// serves residents.
class Parser
{
public:
    QString error;
    QStringList notes;

    bool fail(const QString &path, const QString &reason)
    {
        if (error.isEmpty())
            error = QStringLiteral("%1: %2").arg(path, reason);
        return false;
    }

    Reading failed(const QString &path, const QString &reason)
    {
        fail(path, reason);
        return Reading::Failed;
    }

    void note(const QString &path, const QString &what) { notes.append(QStringLiteral("%1: %2").arg(path, what)); }

    // Fields this build does not read are a newer contract's, never a reason to refuse.
    void noteUnknownFields(const QJsonObject &o, const QString &path, std::initializer_list<const char *> known)
    {
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (std::none_of(known.begin(), known.end(), [&](const char *k) { return it.key() == QLatin1String(k); }))
                note(path + QLatin1Char('.') + it.key(), QStringLiteral("unknown field, ignored"));
        }
    }

    bool text(const QJsonObject &o, const char *key, const QString &path, QString *out, bool required = true)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined() && !required)
            return true;
        if (!v.isString() || (required && v.toString().trimmed().isEmpty()))
            return fail(path + QLatin1Char('.') + QLatin1String(key), QStringLiteral("expected a non-empty string"));
        *out = v.toString();
        return true;
    }

    bool localized(const QJsonObject &o, const char *key, const QString &path, LocalizedText *out, bool required = true)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        const QString where = path + QLatin1Char('.') + QLatin1String(key);
        if (v.isUndefined() && !required)
            return true;
        if (!v.isObject())
            return fail(where, QStringLiteral("expected {\"zh\": …, \"en\": …}"));
        *out = LocalizedText::fromJson(v.toObject());
        if (out->zh.trimmed().isEmpty())
            return fail(where + QLatin1String(".zh"), QStringLiteral("the Chinese text is missing"));
        return true;
    }

    bool flag(const QJsonObject &o, const char *key, const QString &path, bool *out)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined()) {
            *out = false;
            return true;
        }
        if (!v.isBool())
            return fail(path + QLatin1Char('.') + QLatin1String(key), QStringLiteral("expected true or false"));
        *out = v.toBool();
        return true;
    }

    // A way of capturing a material this kiosk does not know: an optional material is left out,
    // a required one hides its item, since the resident could never supply it here.
    Reading material(const QJsonObject &o, const QString &path, MaterialSpec *m)
    {
        if (!text(o, "id", path, &m->id) || !localized(o, "name", path, &m->name) || !flag(o, "required", path, &m->required))
            return Reading::Failed;
        noteUnknownFields(o, path, {"id", "name", "required", "capture"});
        m->capture = QStringLiteral("document");
        if (!text(o, "capture", path, &m->capture, false))
            return Reading::Failed;
        if (m->capture != QLatin1String("document") && m->capture != QLatin1String("photo")) {
            note(path + QLatin1String(".capture"), QStringLiteral("'%1' unknown to this kiosk; %2")
                                                       .arg(m->capture, m->required ? QStringLiteral("the item is hidden")
                                                                                    : QStringLiteral("the material is left out")));
            return m->required ? Reading::Hidden : Reading::Ignored;
        }
        return Reading::Kept;
    }

    // A field type this kiosk cannot show: an optional field is left out, a required one hides
    // its item. A holder attribute it does not know is left for the resident to fill in.
    Reading field(const QJsonObject &o, const QString &path, FormField *f)
    {
        static const QSet<QString> types = {
            QStringLiteral("text"), QStringLiteral("number"), QStringLiteral("date"), QStringLiteral("phone"),
            QStringLiteral("id_number"), QStringLiteral("select"), QStringLiteral("address"), QStringLiteral("checkbox")};
        static const QSet<QString> prefills = {
            QStringLiteral("holder.name"), QStringLiteral("holder.id_number"), QStringLiteral("holder.gender"),
            QStringLiteral("holder.birth_date"), QStringLiteral("holder.address"), QStringLiteral("holder.nation")};
        if (!text(o, "id", path, &f->id) || !localized(o, "label", path, &f->label) || !text(o, "type", path, &f->type)
            || !flag(o, "required", path, &f->required) || !flag(o, "readonly", path, &f->readonly)
            || !text(o, "prefill", path, &f->prefill, false))
            return Reading::Failed;
        noteUnknownFields(o, path, {"id", "label", "type", "required", "prefill", "readonly", "options"});
        if (!types.contains(f->type)) {
            note(path + QLatin1String(".type"), QStringLiteral("unknown field type '%1'; %2")
                                                    .arg(f->type, f->required ? QStringLiteral("the item is hidden")
                                                                              : QStringLiteral("the field is left out")));
            return f->required ? Reading::Hidden : Reading::Ignored;
        }
        if (!f->prefill.isEmpty() && !prefills.contains(f->prefill)) {
            note(path + QLatin1String(".prefill"), QStringLiteral("unknown holder attribute '%1'; the resident fills the field in").arg(f->prefill));
            f->prefill.clear();
            f->readonly = false;
        }
        if (f->type == QLatin1String("select")) {
            const QJsonArray options = o.value(QLatin1String("options")).toArray();
            if (options.isEmpty())
                return failed(path + QLatin1String(".options"), QStringLiteral("a select field needs options"));
            for (qsizetype i = 0; i < options.size(); ++i) {
                const QString where = path + QStringLiteral(".options[%1]").arg(i);
                const QJsonObject option = options.at(i).toObject();
                QString value;
                LocalizedText label;
                if (!text(option, "value", where, &value) || !localized(option, "label", where, &label))
                    return Reading::Failed;
                f->options.append({value, label});
            }
        }
        return Reading::Kept;
    }

    // A fixed fee needs a positive amount; a variable one is computed by the platform on filing.
    bool fee(const QJsonObject &o, const QString &path, CatalogueItem *it)
    {
        ItemFee f;
        f.variable = o.value(QLatin1String("variable")).toBool(false);
        if (!f.variable) {
            const QJsonValue amount = o.value(QLatin1String("amount_fen"));
            if (!amount.isDouble() || amount.toDouble() != double(amount.toInt()) || amount.toInt() <= 0) {
                failed(path + QLatin1String(".amount_fen"), QStringLiteral("a fee needs a whole positive amount in fen"));
                return false;
            }
            f.amountFen = amount.toInt();
        }
        if (o.contains(QLatin1String("description")) && !localized(o, "description", path, &f.description))
            return false;
        it->fee = f;
        return true;
    }

    Reading hide(const QString &path, const QString &why)
    {
        note(path, why + QStringLiteral("; the item is hidden"));
        return Reading::Hidden;
    }

    Reading item(const QJsonObject &o, const QString &path, CatalogueItem *it)
    {
        static const QRegularExpression codeShape(QStringLiteral("^\\d{6}-[0-9A-Z-]+$"));
        if (!text(o, "code", path, &it->code))
            return Reading::Failed;
        if (!codeShape.match(it->code).hasMatch())
            return failed(path + QLatin1String(".code"), QStringLiteral("'%1' is not an item code (division-…)").arg(it->code));
        if (o.contains(QLatin1String("fee")) && !fee(o.value(QLatin1String("fee")).toObject(), path + QLatin1String(".fee"), it))
            return Reading::Failed;
        for (const QJsonValue &way : o.value(QLatin1String("delivery")).toArray()) {
            if (way.toString() == QLatin1String("pickup") || way.toString() == QLatin1String("post"))
                it->delivery.append(way.toString());
            else
                note(path + QLatin1String(".delivery"), QStringLiteral("'%1' unknown to this kiosk, ignored").arg(way.toString()));
        }
        QString kind, audience;
        if (!localized(o, "name", path, &it->name) || !localized(o, "department", path, &it->department)
            || !text(o, "kind", path, &kind) || !text(o, "audience", path, &audience)
            || !flag(o, "face_required", path, &it->faceRequired) || !flag(o, "offline_ok", path, &it->offlineOk)
            || !flag(o, "instant", path, &it->instant) || !flag(o, "agent_allowed", path, &it->agentAllowed)
            || !localized(o, "guide", path, &it->guide))
            return Reading::Failed;
        noteUnknownFields(o, path,
                          {"code", "name", "department", "kind", "audience", "auth", "face_required", "offline_ok", "instant",
                           "agent_allowed", "guide", "materials", "form", "fee", "delivery"});
        Reading reading = Reading::Kept;
        if (kind == QLatin1String("apply"))
            it->kind = ItemKind::Apply;
        else if (kind == QLatin1String("print"))
            it->kind = ItemKind::Print;
        else if (kind == QLatin1String("query"))
            it->kind = ItemKind::Query;
        else
            reading = hide(path + QLatin1String(".kind"), QStringLiteral("'%1' is not apply, print or query").arg(kind));
        if (audience == QLatin1String("person"))
            it->audience = Audience::Person;
        else if (audience == QLatin1String("business"))
            it->audience = Audience::Business;
        else
            reading = hide(path + QLatin1String(".audience"), QStringLiteral("'%1' is not person or business").arg(audience));

        const QJsonValue authValue = o.value(QLatin1String("auth"));
        const QJsonArray auth = authValue.toArray();
        if (!authValue.isArray() || auth.isEmpty())
            return failed(path + QLatin1String(".auth"), QStringLiteral("an item needs at least one way to identify"));
        for (const QJsonValue &a : auth) {
            if (!a.isString())
                return failed(path + QLatin1String(".auth"), QStringLiteral("expected method names"));
            if (a.toString() != QLatin1String("idcard") && a.toString() != QLatin1String("netid_qr")
                && a.toString() != QLatin1String("staff_attested"))
                note(path + QLatin1String(".auth"), QStringLiteral("method '%1' unknown to this kiosk, ignored").arg(a.toString()));
            else
                it->auth.append(a.toString());
        }
        // Staff can vouch for a resident only beside a way the resident could identify alone.
        if (!it->auth.contains(QLatin1String("idcard")) && !it->auth.contains(QLatin1String("netid_qr")))
            reading = hide(path + QLatin1String(".auth"), QStringLiteral("no method this kiosk can identify a resident by"));

        const QJsonArray materials = o.value(QLatin1String("materials")).toArray();
        for (qsizetype i = 0; i < materials.size(); ++i) {
            MaterialSpec m;
            switch (material(materials.at(i).toObject(), path + QStringLiteral(".materials[%1]").arg(i), &m)) {
            case Reading::Failed: return Reading::Failed;
            case Reading::Hidden: reading = Reading::Hidden; break;
            case Reading::Ignored: break;
            case Reading::Kept:
                if (m.id == QLatin1String("authorisation"))
                    it->agentAuthorisation = m;
                else
                    it->materials.append(m);
                break;
            }
        }
        const QJsonArray form = o.value(QLatin1String("form")).toArray();
        QSet<QString> fieldIds;
        for (qsizetype i = 0; i < form.size(); ++i) {
            FormField f;
            const QString where = path + QStringLiteral(".form[%1]").arg(i);
            const Reading fieldReading = field(form.at(i).toObject(), where, &f);
            if (fieldReading == Reading::Failed)
                return Reading::Failed;
            if (fieldIds.contains(f.id))
                return failed(where + QLatin1String(".id"), QStringLiteral("duplicate field '%1'").arg(f.id));
            fieldIds.insert(f.id);
            if (fieldReading == Reading::Hidden)
                reading = Reading::Hidden;
            else if (fieldReading == Reading::Kept)
                it->form.append(f);
        }
        return reading;
    }
};

} // namespace

std::optional<Catalogue> Catalogue::fromJson(const QByteArray &json, QString *error, QStringList *ignored)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    Parser p;
    Catalogue catalogue;
    QSet<QString> codes;
    QSet<QString> hiddenCodes;

    if (doc.isNull()) {
        p.fail(QStringLiteral("catalogue"), QStringLiteral("not JSON (%1 at byte %2)").arg(parseError.errorString()).arg(parseError.offset));
    } else if (!doc.isObject()) {
        p.fail(QStringLiteral("catalogue"), QStringLiteral("expected an object"));
    } else {
        const QJsonObject root = doc.object();
        p.text(root, "version", QStringLiteral("catalogue"), &catalogue.m_version);
        p.noteUnknownFields(root, QStringLiteral("catalogue"), {"version", "themes", "items"});
        const QJsonArray items = root.value(QLatin1String("items")).toArray();
        if (p.error.isEmpty() && items.isEmpty())
            p.fail(QStringLiteral("catalogue.items"), QStringLiteral("no items"));
        for (qsizetype i = 0; p.error.isEmpty() && i < items.size(); ++i) {
            CatalogueItem it;
            const QString path = QStringLiteral("items[%1]").arg(i);
            if (!items.at(i).isObject()) {
                p.fail(path, QStringLiteral("expected an object"));
                break;
            }
            const Reading reading = p.item(items.at(i).toObject(), path, &it);
            if (reading == Reading::Failed)
                break;
            if (codes.contains(it.code) || hiddenCodes.contains(it.code)) {
                p.fail(path + QLatin1String(".code"), QStringLiteral("duplicate item code %1").arg(it.code));
                break;
            }
            if (reading == Reading::Hidden) {
                hiddenCodes.insert(it.code);
                continue;
            }
            codes.insert(it.code);
            catalogue.m_items.append(it);
        }
        if (p.error.isEmpty() && catalogue.m_items.isEmpty())
            p.fail(QStringLiteral("catalogue.items"), QStringLiteral("no item this kiosk can serve"));
        const QJsonArray themes = root.value(QLatin1String("themes")).toArray();
        for (qsizetype i = 0; p.error.isEmpty() && i < themes.size(); ++i) {
            const QString path = QStringLiteral("themes[%1]").arg(i);
            const QJsonObject o = themes.at(i).toObject();
            CatalogueTheme theme;
            if (!p.text(o, "id", path, &theme.id) || !p.localized(o, "name", path, &theme.name))
                break;
            p.noteUnknownFields(o, path, {"id", "name", "items"});
            bool complete = true;
            const QJsonArray members = o.value(QLatin1String("items")).toArray();
            for (const QJsonValue &m : members) {
                if (hiddenCodes.contains(m.toString())) {
                    complete = false;
                } else if (!codes.contains(m.toString())) {
                    p.fail(path + QLatin1String(".items"), QStringLiteral("item %1 is not in the catalogue").arg(m.toString()));
                    break;
                }
                theme.itemCodes.append(m.toString());
            }
            if (p.error.isEmpty() && theme.itemCodes.size() < 2)
                p.fail(path + QLatin1String(".items"), QStringLiteral("a theme bundles at least two items"));
            // A bundle one of whose items this kiosk cannot serve cannot be served as one.
            if (p.error.isEmpty() && !complete) {
                p.note(path, QStringLiteral("bundles an item that is hidden; the theme is hidden"));
                continue;
            }
            catalogue.m_themes.append(theme);
        }
    }

    if (!p.error.isEmpty()) {
        if (error)
            *error = p.error;
        return std::nullopt;
    }
    if (ignored) {
        *ignored = p.notes;
    } else {
        for (const QString &line : std::as_const(p.notes))
            qCInfo(lcCatalogue).noquote() << "catalogue" << catalogue.m_version << line;
    }
    return catalogue;
}

std::optional<Catalogue> Catalogue::fromFile(const QString &path, QString *error, QStringList *ignored)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    return fromJson(file.readAll(), error, ignored);
}

Catalogue Catalogue::demo()
{
    QString error;
    std::optional<Catalogue> catalogue = fromFile(QStringLiteral(":/kiosk/catalogue/demo-catalogue.json"), &error);
    // The demo catalogue is part of the build and checked by its tests; failing here is a build defect.
    Q_ASSERT_X(catalogue, "Catalogue::demo", qPrintable(error));
    return catalogue.value_or(Catalogue());
}

const CatalogueItem *Catalogue::item(const QString &code) const
{
    for (const CatalogueItem &it : m_items) {
        if (it.code == code)
            return &it;
    }
    return nullptr;
}

const CatalogueTheme *Catalogue::theme(const QString &id) const
{
    for (const CatalogueTheme &t : m_themes) {
        if (t.id == id)
            return &t;
    }
    return nullptr;
}

QString Catalogue::kindName(ItemKind kind)
{
    switch (kind) {
    case ItemKind::Apply: return QStringLiteral("apply");
    case ItemKind::Print: return QStringLiteral("print");
    case ItemKind::Query: return QStringLiteral("query");
    }
    return {};
}

QString Catalogue::audienceName(Audience audience)
{
    return audience == Audience::Business ? QStringLiteral("business") : QStringLiteral("person");
}
