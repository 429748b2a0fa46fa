#include "listing/listingpage.h"

#include "session/storesession.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace dpm {

namespace {

constexpr int kApplyDelayMs = 350;

} // namespace

std::optional<QString> optionalFilterText(const QString &text)
{
    const QString trimmed = text.trimmed();
    return trimmed.isEmpty() ? std::nullopt : std::optional<QString>(trimmed);
}

ListingPage::ListingPage(const QString &settingsKey, QList<ListColumn> columns, QWidget *parent)
    : QWidget(parent)
    , m_layout(new QVBoxLayout(this))
    , m_notice(new QLabel(this))
    , m_filters(new QHBoxLayout)
    , m_listing(new ListingView(settingsKey, new KeysetListModel(std::move(columns)), this))
    , m_applyTimer(new QTimer(this))
{
    m_applyTimer->setSingleShot(true);
    m_applyTimer->setInterval(kApplyDelayMs);
    connect(m_applyTimer, &QTimer::timeout, this, &ListingPage::applyFilter);

    auto *clear = new QPushButton(tr("C&lear filters"), this);
    clear->setAccessibleName(tr("Clear filters"));
    connect(clear, &QPushButton::clicked, this, &ListingPage::clearFilters);
    m_filters->addStretch(1);
    m_filters->addWidget(clear);
    m_notice->setObjectName(QStringLiteral("storeNotice"));
    m_notice->setWordWrap(true);
    m_notice->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_notice->setAccessibleName(tr("Store notice"));
    m_notice->hide();
    m_layout->addWidget(m_notice);
    m_layout->addLayout(m_filters);
    m_layout->addWidget(m_listing, 1);
}

void ListingPage::setStoreNotice(const QString &text)
{
    m_notice->setText(text);
    m_notice->setVisible(!text.isEmpty());
}

QString ListingPage::storeNotice() const
{
    return m_notice->text();
}

void ListingPage::setUnavailable(const QString &notice)
{
    m_unavailable = !notice.isEmpty();
    setStoreNotice(notice);
    m_listing->setEnabled(!m_unavailable);
    for (int i = 0; i < m_filters->count(); ++i) {
        if (QWidget *widget = m_filters->itemAt(i)->widget())
            widget->setEnabled(!m_unavailable);
    }
}

void ListingPage::setSession(StoreSession *session)
{
    m_session = session;
    m_listing->setSession(session);
    // A page nobody looks at does not query: at start only the visible listing loads.
    m_loadWhenShown = !isVisible();
    if (!m_loadWhenShown)
        applyFilter();
}

void ListingPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_loadWhenShown && m_session)
        applyFilter();
}

void ListingPage::applyFilter()
{
    m_loadWhenShown = false;
    m_applyTimer->stop();
    m_listing->model()->setLoader(m_unavailable ? PageLoader() : makeLoader());
}

void ListingPage::clearFilters()
{
    resetFilterFields();
    applyFilter();
}

void ListingPage::focusFilters()
{
    if (m_firstField)
        m_firstField->setFocus(Qt::ShortcutFocusReason);
}

void ListingPage::scheduleApply()
{
    m_applyTimer->start();
}

void ListingPage::addFilterField(const QString &label, QWidget *field)
{
    auto *caption = new QLabel(label, this);
    caption->setBuddy(field);
    // Before the stretch and the clear button.
    const int at = m_filters->count() - 2;
    m_filters->insertWidget(at, caption);
    m_filters->insertWidget(at + 1, field);
    if (!m_firstField)
        m_firstField = field;
}

QLineEdit *ListingPage::addTextFilter(const QString &label, const QString &placeholder)
{
    auto *edit = new QLineEdit(this);
    edit->setPlaceholderText(placeholder);
    edit->setClearButtonEnabled(true);
    edit->setAccessibleName(QString(label).remove(QLatin1Char('&')));
    connect(edit, &QLineEdit::textEdited, this, &ListingPage::scheduleApply);
    connect(edit, &QLineEdit::returnPressed, this, &ListingPage::applyFilter);
    addFilterField(label, edit);
    return edit;
}

QComboBox *ListingPage::addChoiceFilter(const QString &label, const QStringList &values)
{
    auto *combo = new QComboBox(this);
    combo->addItem(tr("Any"), QString());
    for (const QString &value : values)
        combo->addItem(value, value);
    combo->setAccessibleName(QString(label).remove(QLatin1Char('&')));
    connect(combo, &QComboBox::currentIndexChanged, this, &ListingPage::applyFilter);
    addFilterField(label, combo);
    return combo;
}

} // namespace dpm
