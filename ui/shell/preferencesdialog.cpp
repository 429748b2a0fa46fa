#include "shell/preferencesdialog.h"

#include "common/consolesettings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QVBoxLayout>

namespace dpm {

PreferencesDialog::PreferencesDialog(QWidget *parent)
    : QDialog(parent)
    , m_language(new QComboBox(this))
    , m_resetLayout(new QCheckBox(tr("Restore the default &window layout and column widths"), this))
    , m_clearRecent(new QCheckBox(tr("Forget the list of &recent stores"), this))
{
    setObjectName(QStringLiteral("preferencesDialog"));
    setWindowTitle(tr("Preferences"));
    ConsoleSettings &settings = ConsoleSettings::instance();

    // Each language is named in itself, so that a person who cannot read the current one finds theirs.
    m_language->addItem(tr("System language"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    m_language->setAccessibleName(tr("Language"));
    setLanguage(settings.language());
    auto *languageBox = new QGroupBox(tr("Language"), this);
    auto *languageForm = new QFormLayout(languageBox);
    languageForm->addRow(tr("&Language:"), m_language);
    auto *restartNote = new QLabel(tr("A new language applies when the console is started again."), languageBox);
    restartNote->setWordWrap(true);
    languageForm->addRow(restartNote);

    auto *layoutBox = new QGroupBox(tr("Window"), this);
    auto *layoutColumn = new QVBoxLayout(layoutBox);
    layoutColumn->addWidget(m_resetLayout);
    auto *layoutNote = new QLabel(
        tr("Window size, splitter positions and column widths are remembered; this forgets them from the next start."),
        layoutBox);
    layoutNote->setWordWrap(true);
    layoutColumn->addWidget(layoutNote);

    auto *storesBox = new QGroupBox(tr("Stores"), this);
    auto *storesColumn = new QVBoxLayout(storesBox);
    storesColumn->addWidget(m_clearRecent);
    const int recent = int(settings.recentStores().size());
    const int saved = int(settings.savedConnections().size());
    m_clearRecent->setEnabled(recent > 0);
    auto *storesNote = new QLabel(tr("%n recent store(s).", nullptr, recent) + QLatin1Char(' ')
            + tr("%n saved connection(s), edited in File → Connect to a store; passwords are never saved.", nullptr,
                saved),
        storesBox);
    storesNote->setWordWrap(true);
    storesColumn->addWidget(storesNote);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *column = new QVBoxLayout(this);
    column->addWidget(languageBox);
    column->addWidget(layoutBox);
    column->addWidget(storesBox);
    column->addStretch(1);
    column->addWidget(buttons);
}

QString PreferencesDialog::language() const
{
    return m_language->currentData().toString();
}

void PreferencesDialog::setLanguage(const QString &language)
{
    const int index = m_language->findData(language);
    m_language->setCurrentIndex(index < 0 ? 0 : index);
}

void PreferencesDialog::accept()
{
    ConsoleSettings &settings = ConsoleSettings::instance();
    settings.setLanguage(language());
    if (m_resetLayout->isChecked())
        settings.resetLayout();
    if (m_clearRecent->isChecked())
        settings.clearRecentStores();
    QDialog::accept();
}

} // namespace dpm
