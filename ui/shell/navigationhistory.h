#pragma once

#include <QList>
#include <QString>

namespace dpm {

// Where the console is: a page, and for the run and operation views which entity.
struct Place
{
    QString page; // "runs", "decisions", "operations", "proposals", "lineage", "summary", "admin", "run",
                  // "operation", "proposal"
    QString id; // the run, operation or proposal shown, empty for listings
    bool operator==(const Place &) const = default;
};

// Back/forward through what was opened, as a browser does: going somewhere new after going
// back drops the forward places; opening the place already current records nothing.
class NavigationHistory
{
public:
    void visit(const Place &place);
    bool canGoBack() const { return m_index > 0; }
    bool canGoForward() const { return m_index + 1 < m_places.size(); }
    Place back();
    Place forward();
    Place current() const { return m_index >= 0 ? m_places.at(m_index) : Place {}; }

private:
    QList<Place> m_places;
    qsizetype m_index = -1;
};

} // namespace dpm
