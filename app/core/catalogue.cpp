#include "catalogue.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

namespace {

// Parsing reports the JSON path of the first field that does not fit ("items[3].form[0].type"),
// which is what a technician or a platform developer needs to find it.
class Parser
{
public:
    QString error;

    bool fail(const QString &path, const QString &reason)
    {
        if (error.isEmpty())
            error = QStringLiteral("%1: %2").arg(path, reason);
        return false;
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

    bool material(const QJsonObject &o, const QString &path, MaterialSpec *m)
    {
        if (!text(o, "id", path, &m->id) || !localized(o, "name", path, &m->name) || !flag(o, "required", path, &m->required))
            return false;
        m->capture = QStringLiteral("document");
        if (!text(o, "capture", path, &m->capture, false))
            return false;
        if (m->capture != QLatin1String("document") && m->capture != QLatin1String("photo"))
            return fail(path + QLatin1String(".capture"), QStringLiteral("expected document or photo"));
        return true;
    }

    bool field(const QJsonObject &o, const QString &path, FormField *f)
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
            return false;
        if (!types.contains(f->type))
            return fail(path + QLatin1String(".type"), QStringLiteral("unknown field type '%1'").arg(f->type));
        if (!f->prefill.isEmpty() && !prefills.contains(f->prefill))
            return fail(path + QLatin1String(".prefill"), QStringLiteral("unknown holder attribute '%1'").arg(f->prefill));
        if (f->type == QLatin1String("select")) {
            const QJsonArray options = o.value(QLatin1String("options")).toArray();
            if (options.isEmpty())
                return fail(path + QLatin1String(".options"), QStringLiteral("a select field needs options"));
            for (qsizetype i = 0; i < options.size(); ++i) {
                const QString where = path + QStringLiteral(".options[%1]").arg(i);
                const QJsonObject option = options.at(i).toObject();
                QString value;
                LocalizedText label;
                if (!text(option, "value", where, &value) || !localized(option, "label", where, &label))
                    return false;
                f->options.append({value, label});
            }
        }
        return true;
    }

    bool item(const QJsonObject &o, const QString &path, CatalogueItem *it)
    {
        static const QRegularExpression codeShape(QStringLiteral("^\\d{6}-[0-9A-Z-]+$"));
        if (!text(o, "code", path, &it->code))
            return false;
        if (!codeShape.match(it->code).hasMatch())
            return fail(path + QLatin1String(".code"), QStringLiteral("'%1' is not an item code (division-…)").arg(it->code));
        QString kind, audience;
        if (!localized(o, "name", path, &it->name) || !localized(o, "department", path, &it->department)
            || !text(o, "kind", path, &kind) || !text(o, "audience", path, &audience)
            || !flag(o, "face_required", path, &it->faceRequired) || !flag(o, "offline_ok", path, &it->offlineOk)
            || !flag(o, "instant", path, &it->instant) || !localized(o, "guide", path, &it->guide))
            return false;
        if (kind == QLatin1String("apply"))
            it->kind = ItemKind::Apply;
        else if (kind == QLatin1String("print"))
            it->kind = ItemKind::Print;
        else if (kind == QLatin1String("query"))
            it->kind = ItemKind::Query;
        else
            return fail(path + QLatin1String(".kind"), QStringLiteral("'%1' is not apply, print or query").arg(kind));
        if (audience == QLatin1String("person"))
            it->audience = Audience::Person;
        else if (audience == QLatin1String("business"))
            it->audience = Audience::Business;
        else
            return fail(path + QLatin1String(".audience"), QStringLiteral("'%1' is not person or business").arg(audience));

        const QJsonArray auth = o.value(QLatin1String("auth")).toArray();
        for (const QJsonValue &a : auth) {
            if (a.toString() != QLatin1String("idcard") && a.toString() != QLatin1String("netid_qr"))
                return fail(path + QLatin1String(".auth"), QStringLiteral("unknown method '%1'").arg(a.toString()));
            it->auth.append(a.toString());
        }
        if (it->auth.isEmpty())
            return fail(path + QLatin1String(".auth"), QStringLiteral("an item needs at least one way to identify"));

        const QJsonArray materials = o.value(QLatin1String("materials")).toArray();
        for (qsizetype i = 0; i < materials.size(); ++i) {
            MaterialSpec m;
            if (!material(materials.at(i).toObject(), path + QStringLiteral(".materials[%1]").arg(i), &m))
                return false;
            it->materials.append(m);
        }
        const QJsonArray form = o.value(QLatin1String("form")).toArray();
        QSet<QString> fieldIds;
        for (qsizetype i = 0; i < form.size(); ++i) {
            FormField f;
            const QString where = path + QStringLiteral(".form[%1]").arg(i);
            if (!field(form.at(i).toObject(), where, &f))
                return false;
            if (fieldIds.contains(f.id))
                return fail(where + QLatin1String(".id"), QStringLiteral("duplicate field '%1'").arg(f.id));
            fieldIds.insert(f.id);
            it->form.append(f);
        }
        return true;
    }
};

} // namespace

std::optional<Catalogue> Catalogue::fromJson(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    Parser p;
    Catalogue catalogue;
    QSet<QString> codes;

    if (doc.isNull()) {
        p.fail(QStringLiteral("catalogue"), QStringLiteral("not JSON (%1 at byte %2)").arg(parseError.errorString()).arg(parseError.offset));
    } else if (!doc.isObject()) {
        p.fail(QStringLiteral("catalogue"), QStringLiteral("expected an object"));
    } else {
        const QJsonObject root = doc.object();
        p.text(root, "version", QStringLiteral("catalogue"), &catalogue.m_version);
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
            if (!p.item(items.at(i).toObject(), path, &it))
                break;
            if (codes.contains(it.code)) {
                p.fail(path + QLatin1String(".code"), QStringLiteral("duplicate item code %1").arg(it.code));
                break;
            }
            codes.insert(it.code);
            catalogue.m_items.append(it);
        }
        const QJsonArray themes = root.value(QLatin1String("themes")).toArray();
        for (qsizetype i = 0; p.error.isEmpty() && i < themes.size(); ++i) {
            const QString path = QStringLiteral("themes[%1]").arg(i);
            const QJsonObject o = themes.at(i).toObject();
            CatalogueTheme theme;
            if (!p.text(o, "id", path, &theme.id) || !p.localized(o, "name", path, &theme.name))
                break;
            const QJsonArray members = o.value(QLatin1String("items")).toArray();
            for (const QJsonValue &m : members) {
                if (!codes.contains(m.toString())) {
                    p.fail(path + QLatin1String(".items"), QStringLiteral("item %1 is not in the catalogue").arg(m.toString()));
                    break;
                }
                theme.itemCodes.append(m.toString());
            }
            if (p.error.isEmpty() && theme.itemCodes.size() < 2)
                p.fail(path + QLatin1String(".items"), QStringLiteral("a theme bundles at least two items"));
            catalogue.m_themes.append(theme);
        }
    }

    if (!p.error.isEmpty()) {
        if (error)
            *error = p.error;
        return std::nullopt;
    }
    return catalogue;
}

std::optional<Catalogue> Catalogue::fromFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    return fromJson(file.readAll(), error);
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
