#pragma once

#include <QString>

namespace dpm {

enum class LineBreaks { Keep, Escape };

// Stored text as a terminal, a table cell or a label may show it: every character that would
// steer the terminal or the text engine instead of being shown becomes a visible escape: C0
// controls as "\x1b" ("\n", "\r", "\t" by name), DEL, the C1 controls and the bidi and
// line-separator controls as "\u007f", "\u009b", "\u202e". Line feeds and tabs stay as they are with
// LineBreaks::Keep (multi-line output). A JSON text has no raw C0 control but line feeds, and the
// other escapes are JSON's own "\uXXXX": JSON passed through here stays valid, with the same values. Used by dpmctl for every line
// it prints and by the console wherever tables and detail panes prepare display strings.
QString printableText(const QString &text, LineBreaks lineBreaks = LineBreaks::Escape);

} // namespace dpm
