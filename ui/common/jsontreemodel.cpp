#include "common/jsontreemodel.h"

#include "domain/printabletext.h"

#include <QFontDatabase>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace dpm {

struct JsonTreeModel::Node
{
    Node *parent = nullptr;
    int row = 0;
    QJsonValue value;
    QString key; // display key: the member name, "[i]" for array items, "$" for a scalar root
    QString path;
    QString fullValue; // strings as they are, other scalars as JSON, containers as "{n keys}"
    QString displayValue; // fullValue cut at kDisplayLimit, one line
    QString type;
    QString matchText; // key and scalar value, lower case: what search() looks at
    bool matched = false;
    std::vector<std::unique_ptr<Node>> children;
};

namespace {

const QRegularExpression &identifierPattern()
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    return pattern;
}

QString memberPath(const QString &parentPath, const QString &key)
{
    if (identifierPattern().match(key).hasMatch())
        return parentPath + QLatin1Char('.') + key;
    QString escaped = key;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\")).replace(QLatin1Char('\''), QLatin1String("\\'"));
    return parentPath + QLatin1String("['") + escaped + QLatin1String("']");
}

QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Object:
        return QStringLiteral("object");
    case QJsonValue::Array:
        return QStringLiteral("array");
    case QJsonValue::String:
        return QStringLiteral("string");
    case QJsonValue::Double:
        return QStringLiteral("number");
    case QJsonValue::Bool:
        return QStringLiteral("boolean");
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("undefined");
}

// A scalar as a JSON literal, spelt as QJsonDocument spells it (wrapped in an array to serialise).
QString scalarJson(const QJsonValue &value)
{
    const QByteArray wrapped = QJsonDocument(QJsonArray { value }).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(wrapped.mid(1, wrapped.size() - 2));
}

QString oneLine(QString text)
{
    text.replace(QLatin1Char('\n'), QChar(0x23CE)).replace(QLatin1Char('\r'), QLatin1Char(' '));
    text = printableText(text, LineBreaks::Keep); // stored text never steers the text engine
    if (text.size() > JsonTreeModel::kDisplayLimit)
        text = text.left(JsonTreeModel::kDisplayLimit) + QChar(0x2026);
    return text;
}

} // namespace

// Builds a node's display strings and its children, once, when the document is set.
void JsonTreeModel::fill(Node *node)
{
    const QJsonValue &v = node->value;
    node->type = typeName(v);
    auto addChild = [node](const QString &key, const QString &path, const QJsonValue &childValue) {
        auto child = std::make_unique<Node>();
        child->parent = node;
        child->row = int(node->children.size());
        child->key = key;
        child->path = path;
        child->value = childValue;
        fill(child.get());
        node->children.push_back(std::move(child));
    };
    if (v.isObject()) {
        const QJsonObject object = v.toObject();
        node->fullValue = tr("{%Ln key(s)}", nullptr, int(object.size()));
        for (auto it = object.begin(); it != object.end(); ++it)
            addChild(it.key(), memberPath(node->path, it.key()), it.value());
        node->matchText = node->key.toLower();
    } else if (v.isArray()) {
        const QJsonArray array = v.toArray();
        node->fullValue = tr("[%Ln item(s)]", nullptr, int(array.size()));
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString index = QStringLiteral("[%1]").arg(i);
            addChild(index, node->path + index, array.at(i));
        }
        node->matchText = node->key.toLower();
    } else {
        node->fullValue = v.isString() ? v.toString() : scalarJson(v);
        node->matchText = node->key.toLower() + QLatin1Char('\n') + node->fullValue.toLower();
    }
    node->displayValue = oneLine(node->fullValue);
}

JsonTreeModel::JsonTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_rootNode(std::make_unique<Node>())
    , m_fixedFont(QFontDatabase::systemFont(QFontDatabase::FixedFont))
{ }

JsonTreeModel::~JsonTreeModel() = default;

void JsonTreeModel::setJson(const QJsonValue &value)
{
    beginResetModel();
    m_root = value;
    m_highlight.clear();
    m_rootNode = std::make_unique<Node>();
    m_rootNode->path = QStringLiteral("$");
    if (value.isObject() || value.isArray()) {
        m_rootNode->value = value;
        fill(m_rootNode.get());
    } else if (!value.isUndefined()) {
        auto child = std::make_unique<Node>();
        child->parent = m_rootNode.get();
        child->key = QStringLiteral("$");
        child->path = QStringLiteral("$");
        child->value = value;
        fill(child.get());
        m_rootNode->children.push_back(std::move(child));
    }
    endResetModel();
}

void JsonTreeModel::clear()
{
    setJson(QJsonValue(QJsonValue::Undefined));
}

JsonTreeModel::Node *JsonTreeModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_rootNode.get();
}

QModelIndex JsonTreeModel::indexOf(const Node *node, int column) const
{
    if (!node || node == m_rootNode.get())
        return {};
    return createIndex(node->row, column, const_cast<Node *>(node));
}

QModelIndex JsonTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || (parent.isValid() && parent.column() != 0))
        return {};
    const Node *p = nodeOf(parent);
    if (row < 0 || row >= int(p->children.size()))
        return {};
    return createIndex(row, column, p->children[std::size_t(row)].get());
}

QModelIndex JsonTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    return indexOf(nodeOf(child)->parent);
}

int JsonTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(nodeOf(parent)->children.size());
}

int JsonTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant JsonTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const Node *node = nodeOf(index);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case KeyColumn:
            return node->key;
        case ValueColumn:
            return node->displayValue;
        case TypeColumn:
            return node->type;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == ValueColumn && !node->value.isObject() && !node->value.isArray())
            return node->fullValue;
        if (index.column() == KeyColumn)
            return node->path;
        return {};
    case Qt::FontRole:
        if (index.column() == ValueColumn)
            return m_fixedFont;
        return {};
    case Qt::BackgroundRole:
        if (node->matched && m_matchBrush.style() != Qt::NoBrush)
            return m_matchBrush;
        return {};
    case FullValueRole:
        return node->fullValue;
    case JsonPathRole:
        return node->path;
    case JsonTextRole:
        return valueAsJson(index);
    case IsMatchRole:
        return node->matched;
    }
    return {};
}

QVariant JsonTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case KeyColumn:
        return tr("Key");
    case ValueColumn:
        return tr("Value");
    case TypeColumn:
        return tr("Type");
    }
    return {};
}

QModelIndexList JsonTreeModel::search(const QString &text) const
{
    QModelIndexList out;
    const QString needle = text.trimmed().toLower();
    if (needle.isEmpty())
        return out;
    // Depth first with an explicit stack: documents can nest deeply.
    std::vector<const Node *> stack;
    for (auto it = m_rootNode->children.rbegin(); it != m_rootNode->children.rend(); ++it)
        stack.push_back(it->get());
    while (!stack.empty()) {
        const Node *node = stack.back();
        stack.pop_back();
        if (node->matchText.contains(needle))
            out << indexOf(node);
        for (auto it = node->children.rbegin(); it != node->children.rend(); ++it)
            stack.push_back(it->get());
    }
    return out;
}

void JsonTreeModel::setHighlightText(const QString &text)
{
    if (text == m_highlight)
        return;
    m_highlight = text;
    const QString needle = text.trimmed().toLower();
    std::vector<Node *> stack { m_rootNode.get() };
    while (!stack.empty()) {
        Node *node = stack.back();
        stack.pop_back();
        if (node != m_rootNode.get()) {
            const bool matched = !needle.isEmpty() && node->matchText.contains(needle);
            if (matched != node->matched) {
                node->matched = matched;
                Q_EMIT dataChanged(
                    indexOf(node, 0), indexOf(node, ColumnCount - 1), { Qt::BackgroundRole, IsMatchRole });
            }
        }
        for (const auto &child : node->children)
            stack.push_back(child.get());
    }
}

QJsonValue JsonTreeModel::value(const QModelIndex &index) const
{
    return index.isValid() ? nodeOf(index)->value : m_root;
}

QString JsonTreeModel::jsonPath(const QModelIndex &index) const
{
    return index.isValid() ? nodeOf(index)->path : QStringLiteral("$");
}

QString JsonTreeModel::valueAsJson(const QModelIndex &index) const
{
    const QJsonValue v = value(index);
    if (v.isObject())
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Indented)).trimmed();
    if (v.isArray())
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Indented)).trimmed();
    if (v.isUndefined())
        return {};
    return scalarJson(v);
}

QString JsonTreeModel::valueAsText(const QModelIndex &index) const
{
    const QJsonValue v = value(index);
    if (v.isString())
        return v.toString();
    return valueAsJson(index);
}

} // namespace dpm
