#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;

namespace dpm {

// Edit → Preferences: the settings the console keeps (common/consolesettings.h) that a person
// chooses — the language (from the next start), and forgetting the window layout and the
// recent stores. OK applies, Cancel changes nothing.
class PreferencesDialog : public QDialog
{
    Q_OBJECT

public:
    explicit PreferencesDialog(QWidget *parent = nullptr);

    // The chosen language: empty for the system's, "en" or "de".
    QString language() const;
    void setLanguage(const QString &language);

    void accept() override;

private:
    QComboBox *m_language;
    QCheckBox *m_resetLayout;
    QCheckBox *m_clearRecent;
};

} // namespace dpm
