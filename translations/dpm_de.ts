<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>LineageNodeItem</name>
    <message>
        <source>run · not stored</source>
        <translation>Lauf · nicht gespeichert</translation>
    </message>
    <message>
        <source>run · %1</source>
        <translation>Lauf · %1</translation>
    </message>
    <message>
        <source>%1 more not shown</source>
        <translation>%1 weitere nicht angezeigt</translation>
    </message>
    <message>
        <source>double-click to show</source>
        <translation>Doppelklick zum Anzeigen</translation>
    </message>
    <message>
        <source>run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>correlation</source>
        <translation>Korrelation</translation>
    </message>
    <message>
        <source>idempotency key</source>
        <translation>Idempotenzschlüssel</translation>
    </message>
    <message>
        <source>operation</source>
        <translation>Vorgang</translation>
    </message>
    <message>
        <source>proposal</source>
        <translation>Vorschlag</translation>
    </message>
    <message>
        <source>entity</source>
        <translation>Entität</translation>
    </message>
    <message>
        <source>Not shown because of the node cap: %1 more neighbours of %2. Double-click or press Enter to show them.</source>
        <translation>Wegen der Knotengrenze nicht angezeigt: %1 weitere Nachbarn von %2. Doppelklick oder Eingabetaste zeigt sie an.</translation>
    </message>
    <message>
        <source>%1
%2
Double-click or Enter: expand; Ctrl+Enter: centre here</source>
        <translation>%1
%2
Doppelklick oder Eingabetaste: erweitern; Strg+Eingabetaste: hier zentrieren</translation>
    </message>
</context>
<context>
    <name>PasswordPrompt</name>
    <message>
        <source>PostgreSQL Password</source>
        <translation>PostgreSQL-Passwort</translation>
    </message>
    <message>
        <source>The server asks for a password.

User: %1
Database: %2

The password is used for this connection only and is not saved. To avoid this question, put it in ~/.pgpass or a service file.

Password:</source>
        <translation>Der Server verlangt ein Passwort.

Benutzer: %1
Datenbank: %2

Das Passwort wird nur für diese Verbindung verwendet und nicht gespeichert. Um diese Frage zu vermeiden, hinterlegen Sie es in ~/.pgpass oder einer Servicedatei.

Passwort:</translation>
    </message>
    <message>
        <source>(libpq default)</source>
        <translation>(libpq-Standard)</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Server Token</source>
        <translation>Server-Token</translation>
    </message>
    <message>
        <source>The server asks for a bearer token.

Server: %1

The token is used for this connection only and is not saved. To avoid this question, connect with a token file.

Token:</source>
        <translation>Der Server verlangt ein Bearer-Token.

Server: %1

Das Token gilt nur für diese Verbindung und wird nicht gespeichert. Um diese Frage zu vermeiden, verbinden Sie sich mit einer Token-Datei.

Token:</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>The server of the proposal store asks for a password.

User: %1
Database: %2

The password is used for this connection only and is not saved. To avoid this question, put it in ~/.pgpass or a service file.

Password:</source>
        <translation>Der Server des Vorschlagsspeichers verlangt ein Passwort.

Benutzer: %1
Datenbank: %2

Das Passwort wird nur für diese Verbindung verwendet und nicht gespeichert. Um diese Frage zu vermeiden, hinterlegen Sie es in ~/.pgpass oder einer Servicedatei.

Passwort:</translation>
    </message>
</context>
<context>
    <name>StartupOptions</name>
    <message>
        <source>DPM Support Console: investigate and administer a DPM supportability store.
Without --store it opens the store named by DPM_SUPPORTABILITY_STORE_BACKEND and its variables, or else an embedded SQLite store filled with demo data on first start.</source>
        <translation>DPM Support Console: einen DPM-Supportability-Datenspeicher untersuchen und verwalten.
Ohne --store öffnet sie den Datenspeicher, den DPM_SUPPORTABILITY_STORE_BACKEND und die zugehörigen Variablen angeben, andernfalls einen eingebetteten SQLite-Datenspeicher, der beim ersten Start mit Demodaten gefüllt wird.</translation>
    </message>
    <message>
        <source>Print the version, the git revision it was built from, the Qt version and the SQL drivers found.</source>
        <translation>Version, Git-Revision des Builds, Qt-Version und die gefundenen SQL-Treiber ausgeben.</translation>
    </message>
    <message>
        <source>location</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Do not fill an empty embedded default store with demo data.</source>
        <translation>Einen leeren eingebetteten Standarddatenspeicher nicht mit Demodaten füllen.</translation>
    </message>
    <message>
        <source>Keep the console&apos;s settings in this INI file.</source>
        <translation>Die Einstellungen der Konsole in dieser INI-Datei speichern.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Benchmark: print the milliseconds from start to the first run rows painted as a JSON line, then quit.</source>
        <translation>Benchmark: die Millisekunden vom Start bis zu den ersten gezeichneten Laufzeilen als JSON-Zeile ausgeben, dann beenden.</translation>
    </message>
    <message>
        <source>Benchmark: scroll the runs a page at a time until this many rows are loaded and shown; print the UI thread&apos;s stalls and the resident memory as a JSON line, then quit.</source>
        <translation>Benchmark: die Läufe seitenweise durchblättern, bis so viele Zeilen geladen und angezeigt sind; die Hänger des UI-Threads und den belegten Arbeitsspeicher als JSON-Zeile ausgeben, dann beenden.</translation>
    </message>
    <message>
        <source>rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>%1; run dpm-console --help for the options.</source>
        <translation>%1; die Optionen zeigt dpm-console --help.</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;; give the store with --store, or run dpm-console --help.</source>
        <translation>Unerwartetes Argument &quot;%1&quot;; geben Sie den Datenspeicher mit --store an oder rufen Sie dpm-console --help auf.</translation>
    </message>
    <message>
        <source>--report-scroll needs a positive number of rows, not &quot;%1&quot;.</source>
        <translation>--report-scroll erwartet eine positive Zeilenzahl, nicht &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The store to open: memory:, sqlite:PATH (or a .db/.sqlite/.sqlite3 path), a postgresql:// URL, a libpq string such as &quot;service=name&quot;, or a server of the DPM API read-only: http(s)://host:port[?token_file=F&amp;ca_file=CA.pem&amp;connect_timeout=S&amp;transfer_timeout=S].</source>
        <translation>Der zu öffnende Datenspeicher: memory:, sqlite:PFAD (oder ein .db/.sqlite/.sqlite3-Pfad), eine postgresql://-URL, eine libpq-Zeichenkette wie &quot;service=name&quot; oder ein Server der DPM-API, nur lesend: http(s)://host:port[?token_file=F&amp;ca_file=CA.pem&amp;connect_timeout=S&amp;transfer_timeout=S].</translation>
    </message>
    <message>
        <source>Read the advisory proposals from a database of their own (the service&apos;s PROPOSAL_POSTGRES_DSN), in the forms of --store. Without it the store holds them, unless the service&apos;s variables name a separate one (PROPOSAL_STORE_BACKEND=POSTGRES, PROPOSAL_POSTGRES_DSN).</source>
        <translation>Die Beratungsvorschläge aus einer eigenen Datenbank lesen (PROPOSAL_POSTGRES_DSN des Dienstes), in den Formen von --store. Ohne diese Option enthält der Datenspeicher sie, es sei denn, die Variablen des Dienstes nennen einen eigenen (PROPOSAL_STORE_BACKEND=POSTGRES, PROPOSAL_POSTGRES_DSN).</translation>
    </message>
</context>
<context>
    <name>dpm::AboutDialog</name>
    <message>
        <source>About DPM Support Console</source>
        <translation>Über DPM Support Console</translation>
    </message>
    <message>
        <source>&lt;h2&gt;DPM Support Console %1&lt;/h2&gt;&lt;p&gt;Investigation and administration of the DPM supportability store.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;DPM Support Console %1&lt;/h2&gt;&lt;p&gt;Untersuchung und Verwaltung des DPM-Supportability-Datenspeichers.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Revision</translation>
    </message>
    <message>
        <source>Qt</source>
        <translation>Qt</translation>
    </message>
    <message>
        <source>%1 (built with %2)</source>
        <translation>%1 (erstellt mit %2)</translation>
    </message>
    <message>
        <source>SQL drivers</source>
        <translation>SQL-Treiber</translation>
    </message>
    <message>
        <source>none found</source>
        <translation>keine gefunden</translation>
    </message>
    <message>
        <source>Libraries and their licences</source>
        <translation>Bibliotheken und ihre Lizenzen</translation>
    </message>
    <message>
        <source>Version and licences</source>
        <translation>Version und Lizenzen</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
</context>
<context>
    <name>dpm::ActionStatusWidget</name>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
</context>
<context>
    <name>dpm::AdminPage</name>
    <message>
        <source>Admin lock state</source>
        <translation>Sperrzustand der Verwaltung</translation>
    </message>
    <message>
        <source>Unlock or lock admin actions</source>
        <translation>Verwaltungsaktionen entsperren oder sperren</translation>
    </message>
    <message>
        <source>Admin sections</source>
        <translation>Verwaltungsbereiche</translation>
    </message>
    <message>
        <source>&amp;Migrations</source>
        <translation>&amp;Migrationen</translation>
    </message>
    <message>
        <source>&amp;Cutover check</source>
        <translation>&amp;Umstellungsprüfung</translation>
    </message>
    <message>
        <source>R&amp;etention</source>
        <translation>Aufb&amp;ewahrung</translation>
    </message>
    <message>
        <source>Trans&amp;fer</source>
        <translation>Über&amp;tragung</translation>
    </message>
    <message>
        <source>Audit &amp;log</source>
        <translation>Audit-&amp;Protokoll</translation>
    </message>
    <message>
        <source>Schema notice</source>
        <translation>Schemahinweis</translation>
    </message>
    <message>
        <source>an unknown role (%1)</source>
        <translation>eine unbekannte Rolle (%1)</translation>
    </message>
    <message>
        <source>&lt;b&gt;This database has no DPM tables yet.&lt;/b&gt; Unlock, then apply the pending migrations below to create them (the Plan shows their SQL). The other pages open once the schema exists.</source>
        <translation>&lt;b&gt;Diese Datenbank hat noch keine DPM-Tabellen.&lt;/b&gt; Entsperren Sie und wenden Sie dann unten die ausstehenden Migrationen an, um sie anzulegen (der Plan zeigt ihr SQL). Die anderen Seiten öffnen sich, sobald das Schema existiert.</translation>
    </message>
    <message>
        <source>&lt;b&gt;The schema is created.&lt;/b&gt; The other pages are available now; the store is reopened when you go to one of them.</source>
        <translation>&lt;b&gt;Das Schema ist angelegt.&lt;/b&gt; Die anderen Seiten sind jetzt verfügbar; der Datenspeicher wird neu geöffnet, sobald Sie zu einer davon wechseln.</translation>
    </message>
    <message>
        <source>Unlock admin actions</source>
        <translation>Verwaltungsaktionen entsperren</translation>
    </message>
    <message>
        <source>Unlock changes to %1 as %2?</source>
        <translation>Änderungen an %1 als %2 entsperren?</translation>
    </message>
    <message>
        <source>Migrations, purges and outbox repairs will then be possible on this database. Each one still shows what it will do and asks again, and each is recorded in the audit log.</source>
        <translation>Migrationen, Bereinigungen und Outbox-Reparaturen sind danach in dieser Datenbank möglich. Jede zeigt trotzdem zuerst, was sie tun wird, fragt erneut nach und wird im Audit-Protokoll festgehalten.</translation>
    </message>
    <message>
        <source>no store</source>
        <translation>kein Datenspeicher</translation>
    </message>
    <message>
        <source>Unlocked: actions change %1 as %2.</source>
        <translation>Entsperrt: Aktionen ändern %1 als %2.</translation>
    </message>
    <message>
        <source>&amp;Lock again</source>
        <translation>Wieder &amp;sperren</translation>
    </message>
    <message>
        <source>Make the admin page read-only again (Ctrl+Shift+U).</source>
        <translation>Die Verwaltungsseite wieder schreibgeschützt machen (Strg+Umschalt+U).</translation>
    </message>
    <message>
        <source>Read-only. Unlock to change %1 as %2.</source>
        <translation>Schreibgeschützt. Entsperren, um %1 als %2 zu ändern.</translation>
    </message>
    <message>
        <source>&amp;Unlock…</source>
        <translation>&amp;Entsperren…</translation>
    </message>
    <message>
        <source>Allow migrations and purges on this database (Ctrl+Shift+U).</source>
        <translation>Migrationen und Bereinigungen in dieser Datenbank erlauben (Strg+Umschalt+U).</translation>
    </message>
    <message>
        <source>&lt;b&gt;Read-only over a server.&lt;/b&gt; Migrations, retention, transfer and the cutover check change or inspect the database itself, which a server does not expose: run them with dpmctl on the server&apos;s own store.</source>
        <translation>&lt;b&gt;Nur lesend über einen Server.&lt;/b&gt; Migrationen, Aufbewahrung, Übertragung und die Umstellungsprüfung ändern oder prüfen die Datenbank selbst, die ein Server nicht freigibt: Führen Sie sie mit dpmctl auf dem Datenspeicher des Servers aus.</translation>
    </message>
    <message>
        <source>Read-only: %1 is read over a server.</source>
        <translation>Nur lesend: %1 wird über einen Server gelesen.</translation>
    </message>
</context>
<context>
    <name>dpm::AuditLogTab</name>
    <message>
        <source>Occurred at</source>
        <translation>Zeitpunkt</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Akteur</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Datenspeicher</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Audit-Protokoll</translation>
    </message>
</context>
<context>
    <name>dpm::BundleEventsTab</name>
    <message>
        <source>Run events</source>
        <translation>Laufereignisse</translation>
    </message>
    <message>
        <source>Deliveries of the event</source>
        <translation>Zustellungen des Ereignisses</translation>
    </message>
    <message>
        <source>Events summary</source>
        <translation>Ereigniszusammenfassung</translation>
    </message>
    <message>
        <source>Event payload</source>
        <translation>Nutzdaten des Ereignisses</translation>
    </message>
    <message>
        <source>Payload</source>
        <translation>Nutzdaten</translation>
    </message>
    <message>
        <source>Deliveries</source>
        <translation>Zustellungen</translation>
    </message>
    <message>
        <source>No run events in this bundle: the store has no run event tables (console migrations 0002 and 0006), or the bundle file was exported without them.</source>
        <translation>Keine Laufereignisse in diesem Bundle: Der Datenspeicher hat keine Tabellen für Laufereignisse (Konsolenmigrationen 0002 und 0006), oder die Bundle-Datei wurde ohne sie exportiert.</translation>
    </message>
    <message>
        <source>No events were appended for this run.</source>
        <translation>Für diesen Lauf wurden keine Ereignisse angehängt.</translation>
    </message>
    <message>
        <source>Events: %1, by sequence. Deliveries: %2. Select an event for its payload and the state of each delivery.</source>
        <translation>Ereignisse: %1, nach Sequenz. Zustellungen: %2. Wählen Sie ein Ereignis, um seine Nutzdaten und den Stand jeder Zustellung zu sehen.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
</context>
<context>
    <name>dpm::BundleOperationTab</name>
    <message>
        <source>operation id</source>
        <translation>Vorgangs-ID</translation>
    </message>
    <message>
        <source>operation correlation id</source>
        <translation>Korrelations-ID des Vorgangs</translation>
    </message>
    <message>
        <source>Open &amp;operation</source>
        <translation>&amp;Vorgang öffnen</translation>
    </message>
    <message>
        <source>No async operation</source>
        <translation>Kein asynchroner Vorgang</translation>
    </message>
    <message>
        <source>Operation status</source>
        <translation>Vorgangsstatus</translation>
    </message>
    <message>
        <source>Operation type</source>
        <translation>Vorgangstyp</translation>
    </message>
    <message>
        <source>Operation times</source>
        <translation>Vorgangszeiten</translation>
    </message>
    <message>
        <source>Executable</source>
        <translation>Ausführbar</translation>
    </message>
    <message>
        <source>Operation error message</source>
        <translation>Fehlermeldung des Vorgangs</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy error message</source>
        <translation>Fehlermeldung kopieren</translation>
    </message>
    <message>
        <source>Open operation</source>
        <translation>Vorgang öffnen</translation>
    </message>
    <message>
        <source>Operation request, result and error</source>
        <translation>Anfrage, Ergebnis und Fehler des Vorgangs</translation>
    </message>
    <message>
        <source>Operation id:</source>
        <translation>Vorgangs-ID:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Typ:</translation>
    </message>
    <message>
        <source>Times:</source>
        <translation>Zeiten:</translation>
    </message>
    <message>
        <source>Correlation id:</source>
        <translation>Korrelations-ID:</translation>
    </message>
    <message>
        <source>Executable:</source>
        <translation>Ausführbar:</translation>
    </message>
    <message>
        <source>Error message:</source>
        <translation>Fehlermeldung:</translation>
    </message>
    <message>
        <source>No async operation has this run&apos;s correlation id.</source>
        <translation>Kein asynchroner Vorgang hat die Korrelations-ID dieses Laufs.</translation>
    </message>
    <message>
        <source>created %1, started %2, finished %3</source>
        <translation>erstellt %1, gestartet %2, beendet %3</translation>
    </message>
    <message>
        <source>yes (pending with a stored request)</source>
        <translation>ja (ausstehend mit gespeicherter Anfrage)</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>No error.</source>
        <translation>Kein Fehler.</translation>
    </message>
</context>
<context>
    <name>dpm::BundleOverviewTab</name>
    <message>
        <source>No gate decision (workflow gates were off for this request).</source>
        <translation>Keine Gate-Entscheidung (Workflow-Gates waren für diese Anfrage ausgeschaltet).</translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <translation>%1 (%2, %3)</translation>
    </message>
    <message>
        <source>%1, next step %2</source>
        <translation>%1, nächster Schritt %2</translation>
    </message>
    <message>
        <source>; reasons: %1</source>
        <translation>; Gründe: %1</translation>
    </message>
    <message>
        <source>run id</source>
        <translation>Lauf-ID</translation>
    </message>
    <message>
        <source>correlation id</source>
        <translation>Korrelations-ID</translation>
    </message>
    <message>
        <source>request hash</source>
        <translation>Anfrage-Hash</translation>
    </message>
    <message>
        <source>idempotency key</source>
        <translation>Idempotenzschlüssel</translation>
    </message>
    <message>
        <source>portfolio</source>
        <translation>Portfolio</translation>
    </message>
    <message>
        <source>created at</source>
        <translation>erstellt am</translation>
    </message>
    <message>
        <source>link</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>Run status</source>
        <translation>Laufstatus</translation>
    </message>
    <message>
        <source>Gate decision</source>
        <translation>Gate-Entscheidung</translation>
    </message>
    <message>
        <source>Rule results summary</source>
        <translation>Zusammenfassung der Regelergebnisse</translation>
    </message>
    <message>
        <source>Run id:</source>
        <translation>Lauf-ID:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Correlation id:</source>
        <translation>Korrelations-ID:</translation>
    </message>
    <message>
        <source>Request hash:</source>
        <translation>Anfrage-Hash:</translation>
    </message>
    <message>
        <source>Idempotency key:</source>
        <translation>Idempotenzschlüssel:</translation>
    </message>
    <message>
        <source>Portfolio:</source>
        <translation>Portfolio:</translation>
    </message>
    <message>
        <source>Created at:</source>
        <translation>Erstellt am:</translation>
    </message>
    <message>
        <source>Link:</source>
        <translation>Link:</translation>
    </message>
    <message>
        <source>Gate decision:</source>
        <translation>Gate-Entscheidung:</translation>
    </message>
    <message>
        <source>Rule results</source>
        <translation>Regelergebnisse</translation>
    </message>
    <message>
        <source>unknown (the result is not JSON)</source>
        <translation>unbekannt (das Ergebnis ist kein JSON)</translation>
    </message>
    <message>
        <source>(no status)</source>
        <translation>(kein Status)</translation>
    </message>
    <message>
        <source>No rule results.</source>
        <translation>Keine Regelergebnisse.</translation>
    </message>
    <message>
        <source>Rule results: %1 failed of %2 (failures first)</source>
        <translation>Regelergebnisse: %1 von %2 fehlgeschlagen (Fehlschläge zuerst)</translation>
    </message>
</context>
<context>
    <name>dpm::ConnectDialog</name>
    <message>
        <source>Connect to a Store</source>
        <translation>Mit einem Datenspeicher verbinden</translation>
    </message>
    <message>
        <source>Backend</source>
        <translation>Backend</translation>
    </message>
    <message>
        <source>SQLite file</source>
        <translation>SQLite-Datei</translation>
    </message>
    <message>
        <source>PostgreSQL</source>
        <translation>PostgreSQL</translation>
    </message>
    <message>
        <source>In memory</source>
        <translation>Im Arbeitsspeicher</translation>
    </message>
    <message>
        <source>&amp;Backend:</source>
        <translation>&amp;Backend:</translation>
    </message>
    <message>
        <source>Location check</source>
        <translation>Prüfung des Orts</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <source>Open the store once, without changing it, and show what is there.</source>
        <translation>Den Datenspeicher einmal öffnen, ohne ihn zu ändern, und zeigen, was er enthält.</translation>
    </message>
    <message>
        <source>Testing the connection</source>
        <translation>Verbindung wird getestet</translation>
    </message>
    <message>
        <source>Sto&amp;p</source>
        <translation>Sto&amp;pp</translation>
    </message>
    <message>
        <source>Stop testing the connection</source>
        <translation>Verbindungstest anhalten</translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation>Ergebnis des Verbindungstests</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>/path/to/store.db</source>
        <translation>/pfad/zum/datenspeicher.db</translation>
    </message>
    <message>
        <source>An existing store, or a new file that the console creates.</source>
        <translation>Ein vorhandener Datenspeicher oder eine neue Datei, die die Konsole anlegt.</translation>
    </message>
    <message>
        <source>B&amp;rowse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>Browse for a SQLite file</source>
        <translation>Nach einer SQLite-Datei suchen</translation>
    </message>
    <message>
        <source>F&amp;ile:</source>
        <translation>Da&amp;tei:</translation>
    </message>
    <message>
        <source>Fi&amp;elds</source>
        <translation>F&amp;elder</translation>
    </message>
    <message>
        <source>Enter the connection as fields</source>
        <translation>Verbindung als einzelne Felder eingeben</translation>
    </message>
    <message>
        <source>Connection &amp;string</source>
        <translation>Verbindungs&amp;zeichenkette</translation>
    </message>
    <message>
        <source>Enter a connection string</source>
        <translation>Eine Verbindungszeichenkette eingeben</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>localhost</source>
        <translation>localhost</translation>
    </message>
    <message>
        <source>A host name, an IP address or a socket directory; empty uses libpq&apos;s default.</source>
        <translation>Ein Hostname, eine IP-Adresse oder ein Socket-Verzeichnis; leer verwendet die Vorgabe von libpq.</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>libpq default</source>
        <translation>libpq-Standard</translation>
    </message>
    <message>
        <source>SSL mode</source>
        <translation>SSL-Modus</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>P&amp;ort:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>Daten&amp;bank:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>Ben&amp;utzer:</translation>
    </message>
    <message>
        <source>SSL &amp;mode:</source>
        <translation>SSL-&amp;Modus:</translation>
    </message>
    <message>
        <source>Connection string</source>
        <translation>Verbindungszeichenkette</translation>
    </message>
    <message>
        <source>postgresql://user@host:5432/db  or  host=… dbname=…  or  service=name</source>
        <translation>postgresql://benutzer@host:5432/db  oder  host=… dbname=…  oder  service=name</translation>
    </message>
    <message>
        <source>A postgresql:// URL, a libpq &quot;key=value&quot; string or &quot;service=name&quot; (from pg_service.conf).</source>
        <translation>Eine postgresql://-URL, eine libpq-Zeichenkette &quot;schlüssel=wert&quot; oder &quot;service=name&quot; (aus pg_service.conf).</translation>
    </message>
    <message>
        <source>A postgresql:// URL, a libpq &quot;key=value …&quot; string, or &quot;service=name&quot; from your pg_service.conf.</source>
        <translation>Eine postgresql://-URL, eine libpq-Zeichenkette &quot;schlüssel=wert …&quot; oder &quot;service=name&quot; aus Ihrer pg_service.conf.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>from ~/.pgpass, PGPASSWORD or a service file</source>
        <translation>aus ~/.pgpass, PGPASSWORD oder einer Servicedatei</translation>
    </message>
    <message>
        <source>Leave empty to let libpq find the password in ~/.pgpass, PGPASSWORD or a service file. A password typed here is used for this connection only and is never saved.</source>
        <translation>Leer lassen, damit libpq das Passwort in ~/.pgpass, PGPASSWORD oder einer Servicedatei findet. Ein hier eingegebenes Passwort gilt nur für diese Verbindung und wird nie gespeichert.</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <source>An empty store that lives in memory until the console closes; nothing is written to disk. Useful to try the console or a migration.</source>
        <translation>Ein leerer Datenspeicher, der bis zum Schließen der Konsole im Arbeitsspeicher liegt; nichts wird auf die Festplatte geschrieben. Nützlich, um die Konsole oder eine Migration auszuprobieren.</translation>
    </message>
    <message>
        <source>The PostgreSQL database has no name; enter it in the Database field.</source>
        <translation>Die PostgreSQL-Datenbank hat keinen Namen; tragen Sie ihn im Feld Datenbank ein.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a PostgreSQL connection string; choose the %2 backend for it.</source>
        <translation>&quot;%1&quot; ist keine PostgreSQL-Verbindungszeichenkette; wählen Sie dafür das Backend %2.</translation>
    </message>
    <message>
        <source>Connects to %1</source>
        <translation>Verbindet mit %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;The file does not exist yet.&lt;/b&gt;&lt;br&gt;Connecting creates a new, empty store at %1.</source>
        <translation>&lt;b&gt;Die Datei existiert noch nicht.&lt;/b&gt;&lt;br&gt;Beim Verbinden wird unter %1 ein neuer, leerer Datenspeicher angelegt.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbinde mit %1…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Connected.&lt;/b&gt;&lt;br&gt;Backend: %1&lt;br&gt;Location: %2&lt;br&gt;Schema: %3&lt;br&gt;Profile: %4&lt;br&gt;%5</source>
        <translation>&lt;b&gt;Verbunden.&lt;/b&gt;&lt;br&gt;Backend: %1&lt;br&gt;Ort: %2&lt;br&gt;Schema: %3&lt;br&gt;Profil: %4&lt;br&gt;%5</translation>
    </message>
    <message>
        <source>The store holds no runs and no operations.</source>
        <translation>Der Datenspeicher enthält keine Läufe und keine Vorgänge.</translation>
    </message>
    <message>
        <source>The store holds data.</source>
        <translation>Der Datenspeicher enthält Daten.</translation>
    </message>
    <message>
        <source>Test stopped.</source>
        <translation>Test angehalten.</translation>
    </message>
    <message>
        <source>Choose a SQLite Store</source>
        <translation>SQLite-Datenspeicher wählen</translation>
    </message>
    <message>
        <source>SQLite stores (*.db *.sqlite *.sqlite3);;All files (*)</source>
        <translation>SQLite-Datenspeicher (*.db *.sqlite *.sqlite3);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Server (HTTP API)</source>
        <translation>Server (HTTP-API)</translation>
    </message>
    <message>
        <source>Proposal store</source>
        <translation>Vorschlagsspeicher</translation>
    </message>
    <message>
        <source>the same store</source>
        <translation>derselbe Datenspeicher</translation>
    </message>
    <message>
        <source>Optional: the database that holds the advisory proposals when they live apart from the DPM store (the service&apos;s PROPOSAL_POSTGRES_DSN): postgresql://…, a libpq string or sqlite:PATH. The password comes from ~/.pgpass or PGPASSWORD.</source>
        <translation>Optional: die Datenbank mit den Beratungsvorschlägen, wenn sie getrennt vom DPM-Datenspeicher liegen (PROPOSAL_POSTGRES_DSN des Dienstes): postgresql://…, eine libpq-Zeichenkette oder sqlite:PFAD. Das Passwort kommt aus ~/.pgpass oder PGPASSWORD.</translation>
    </message>
    <message>
        <source>Connects to %1, with the proposals from %2</source>
        <translation>Verbindet mit %1, die Vorschläge aus %2</translation>
    </message>
    <message>
        <source>Proposal store (optio&amp;nal):</source>
        <translation>Vorschlagsspeicher (optio&amp;nal):</translation>
    </message>
</context>
<context>
    <name>dpm::CopyableField</name>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy %1</source>
        <translation>%1 kopieren</translation>
    </message>
</context>
<context>
    <name>dpm::CutoverTab</name>
    <message>
        <source>Check &amp;migrations (connects to each PostgreSQL database)</source>
        <translation>&amp;Migrationen prüfen (verbindet sich mit jeder PostgreSQL-Datenbank)</translation>
    </message>
    <message>
        <source>&amp;Run check</source>
        <translation>Prüfung &amp;starten</translation>
    </message>
    <message>
        <source>Export &amp;JSON…</source>
        <translation>&amp;JSON exportieren…</translation>
    </message>
    <message>
        <source>Export Mar&amp;kdown…</source>
        <translation>Mar&amp;kdown exportieren…</translation>
    </message>
    <message>
        <source>Persistence profile</source>
        <translation>Persistenzprofil</translation>
    </message>
    <message>
        <source>Check migrations</source>
        <translation>Migrationen prüfen</translation>
    </message>
    <message>
        <source>Run cutover check</source>
        <translation>Umstellungsprüfung starten</translation>
    </message>
    <message>
        <source>Export report as JSON</source>
        <translation>Bericht als JSON exportieren</translation>
    </message>
    <message>
        <source>Export report as Markdown</source>
        <translation>Bericht als Markdown exportieren</translation>
    </message>
    <message>
        <source>Cutover check progress</source>
        <translation>Fortschritt der Umstellungsprüfung</translation>
    </message>
    <message>
        <source>Cutover check progress text</source>
        <translation>Fortschrittstext der Umstellungsprüfung</translation>
    </message>
    <message>
        <source>Cancel the cutover check</source>
        <translation>Umstellungsprüfung abbrechen</translation>
    </message>
    <message>
        <source>Cutover result</source>
        <translation>Ergebnis der Umstellungsprüfung</translation>
    </message>
    <message>
        <source>Stops the check before its next namespace&apos;s migrations.</source>
        <translation>Hält die Prüfung vor den Migrationen des nächsten Namensraums an.</translation>
    </message>
    <message>
        <source>Cutover findings</source>
        <translation>Befunde der Umstellungsprüfung</translation>
    </message>
    <message>
        <source>Reads the service&apos;s variables (APP_PERSISTENCE_PROFILE, the stores&apos; backends and DSNs) and, with migration checks, each PostgreSQL database. Changes nothing.</source>
        <translation>Liest die Variablen des Dienstes (APP_PERSISTENCE_PROFILE, Backends und DSNs der Datenspeicher) und, mit Migrationsprüfung, jede PostgreSQL-Datenbank. Ändert nichts.</translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation>&amp;Profil:</translation>
    </message>
    <message>
        <source>Checking, including each database&apos;s migrations…</source>
        <translation>Prüfe, einschließlich der Migrationen jeder Datenbank…</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Prüfe…</translation>
    </message>
    <message>
        <source>The check was cancelled.</source>
        <translation>Die Prüfung wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The check could not run: %1: %2</source>
        <translation>Die Prüfung konnte nicht laufen: %1: %2</translation>
    </message>
    <message>
        <source>Cancelling before the next namespace…</source>
        <translation>Abbruch vor dem nächsten Namensraum…</translation>
    </message>
    <message>
        <source>Passed. Findings: %1, none an error.</source>
        <translation>Bestanden. Befunde: %1, davon keiner ein Fehler.</translation>
    </message>
    <message>
        <source>Failed: the service stops at %1. Findings listed below: %2.</source>
        <translation>Nicht bestanden: Der Dienst hält bei %1 an. Befunde siehe unten: %2.</translation>
    </message>
    <message>
        <source>an error of the console&apos;s own checks</source>
        <translation>ein Fehler der konsoleneigenen Prüfungen</translation>
    </message>
    <message>
        <source>Not recorded in the audit log: %1: %2</source>
        <translation>Nicht im Audit-Protokoll festgehalten: %1: %2</translation>
    </message>
    <message>
        <source>Export cutover report</source>
        <translation>Umstellungsbericht exportieren</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>EXPORT_WRITE_FAILED: could not write %1 (%2); choose another place.</source>
        <translation>EXPORT_WRITE_FAILED: %1 konnte nicht geschrieben werden (%2); wählen Sie einen anderen Ort.</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>Exportiert nach %1.</translation>
    </message>
</context>
<context>
    <name>dpm::DecisionTimelineModel</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Reason code</source>
        <translation>Grundcode</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Akteur</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>Correlation</source>
        <translation>Korrelation</translation>
    </message>
    <message>
        <source>Decision id</source>
        <translation>Entscheidungs-ID</translation>
    </message>
</context>
<context>
    <name>dpm::DecisionsPage</name>
    <message>
        <source>&amp;Decided:</source>
        <translation>&amp;Entschieden:</translation>
    </message>
    <message>
        <source>R&amp;un:</source>
        <translation>La&amp;uf:</translation>
    </message>
    <message>
        <source>run id</source>
        <translation>Lauf-ID</translation>
    </message>
    <message>
        <source>&amp;Action:</source>
        <translation>&amp;Aktion:</translation>
    </message>
    <message>
        <source>Ac&amp;tor:</source>
        <translation>Ak&amp;teur:</translation>
    </message>
    <message>
        <source>actor id</source>
        <translation>Akteur-ID</translation>
    </message>
    <message>
        <source>&amp;Reason code:</source>
        <translation>&amp;Grundcode:</translation>
    </message>
    <message>
        <source>REASON_CODE</source>
        <translation>REASON_CODE</translation>
    </message>
    <message>
        <source>Workflow decisions</source>
        <translation>Workflow-Entscheidungen</translation>
    </message>
</context>
<context>
    <name>dpm::DemoFillDialog</name>
    <message>
        <source>Preparing the Demo Store</source>
        <translation>Demo-Datenspeicher wird vorbereitet</translation>
    </message>
    <message>
        <source>Planning the demo data…</source>
        <translation>Demodaten werden geplant…</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Demo data progress</source>
        <translation>Fortschritt der Demodaten</translation>
    </message>
    <message>
        <source>Rows written</source>
        <translation>Geschriebene Zeilen</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Cancel the demo data</source>
        <translation>Demodaten abbrechen</translation>
    </message>
    <message>
        <source>The console&apos;s own store is empty. It is being filled with demo data — %1 made-up runs with their operations, decisions and lineage over the last %2 days — so that every page has something to show.</source>
        <translation>Der konsoleneigene Datenspeicher ist leer. Er wird mit Demodaten gefüllt – %1 erfundene Läufe mit ihren Vorgängen, Entscheidungen und ihrer Herkunft über die letzten %2 Tage –, damit jede Seite etwas zu zeigen hat.</translation>
    </message>
    <message>
        <source>There is no open store to fill; connect to a store and try again.</source>
        <translation>Es ist kein Datenspeicher zum Füllen geöffnet; verbinden Sie sich mit einem Datenspeicher und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Filling the demo store failed unexpectedly; restart the console with --no-demo and report it.</source>
        <translation>Das Füllen des Demo-Datenspeichers ist unerwartet fehlgeschlagen; starten Sie die Konsole mit --no-demo neu und melden Sie den Fehler.</translation>
    </message>
    <message>
        <source>Updating the database&apos;s statistics…</source>
        <translation>Statistiken der Datenbank werden aktualisiert…</translation>
    </message>
    <message>
        <source>Writing demo rows…</source>
        <translation>Demozeilen werden geschrieben…</translation>
    </message>
    <message>
        <source>%1 of %2 rows</source>
        <translation>%1 von %2 Zeilen</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>Cancelling: undoing the rows not yet committed…</source>
        <translation>Wird abgebrochen: noch nicht festgeschriebene Zeilen werden verworfen…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Fertig.</translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation>%1 Zeilen</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>%1 of %2 rows kept</source>
        <translation>%1 von %2 Zeilen behalten</translation>
    </message>
    <message>
        <source>&lt;b&gt;No demo data was kept.&lt;/b&gt;&lt;br&gt;The store is still empty; the console fills it the next time it starts (start it with --no-demo to keep it empty).</source>
        <translation>&lt;b&gt;Es wurden keine Demodaten behalten.&lt;/b&gt;&lt;br&gt;Der Datenspeicher ist weiterhin leer; die Konsole füllt ihn beim nächsten Start (starten Sie sie mit --no-demo, um ihn leer zu lassen).</translation>
    </message>
    <message>
        <source>use a new, empty store</source>
        <translation>einen neuen, leeren Datenspeicher verwenden</translation>
    </message>
    <message>
        <source>close the console and delete %1</source>
        <translation>die Konsole schließen und %1 löschen</translation>
    </message>
    <message>
        <source>&lt;b&gt;The store keeps part of the demo data.&lt;/b&gt;&lt;br&gt;%1 complete runs were committed before you cancelled, each with all its rows, so the store is consistent; the rest was not written. The store is no longer empty, so the console will not fill it again. To start over, %2.</source>
        <translation>&lt;b&gt;Der Datenspeicher behält einen Teil der Demodaten.&lt;/b&gt;&lt;br&gt;%1 vollständige Läufe wurden vor Ihrem Abbruch festgeschrieben, jeder mit allen seinen Zeilen, der Datenspeicher ist also konsistent; der Rest wurde nicht geschrieben. Da der Datenspeicher nicht mehr leer ist, füllt die Konsole ihn nicht erneut. Um neu zu beginnen, %2.</translation>
    </message>
    <message>
        <source>The demo data could not be written.</source>
        <translation>Die Demodaten konnten nicht geschrieben werden.</translation>
    </message>
    <message numerus="yes">
        <source>The demo store is ready: %Ln run(s).</source>
        <translation>
            <numerusform>Der Demo-Datenspeicher ist bereit: %Ln Lauf.</numerusform>
            <numerusform>Der Demo-Datenspeicher ist bereit: %Ln Läufe.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dpm::EventDeliveriesModel</name>
    <message>
        <source>Topic</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
    <message>
        <source>Next attempt (UTC)</source>
        <translation>Nächster Versuch (UTC)</translation>
    </message>
    <message>
        <source>Delivered (UTC)</source>
        <translation>Zugestellt (UTC)</translation>
    </message>
    <message>
        <source>Outbox id</source>
        <translation>Outbox-ID</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
</context>
<context>
    <name>dpm::FailureGroupsModel</name>
    <message>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Dead</source>
        <translation>Tot</translation>
    </message>
    <message>
        <source>Sample error</source>
        <translation>Beispielfehler</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Fingerabdruck</translation>
    </message>
</context>
<context>
    <name>dpm::FindingsModel</name>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Was zu tun ist</translation>
    </message>
</context>
<context>
    <name>dpm::IdempotencyHistoryModel</name>
    <message>
        <source>Created at</source>
        <translation>Erstellt am</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Run id</source>
        <translation>Lauf-ID</translation>
    </message>
    <message>
        <source>Correlation</source>
        <translation>Korrelation</translation>
    </message>
    <message>
        <source>Request hash</source>
        <translation>Anfrage-Hash</translation>
    </message>
    <message>
        <source>original</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>replay</source>
        <translation>Wiederholung</translation>
    </message>
    <message>
        <source>conflict</source>
        <translation>Konflikt</translation>
    </message>
</context>
<context>
    <name>dpm::JsonTreeModel</name>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message numerus="yes">
        <source>{%Ln key(s)}</source>
        <translation>
            <numerusform>{%Ln Schlüssel}</numerusform>
            <numerusform>{%Ln Schlüssel}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>[%Ln item(s)]</source>
        <translation>
            <numerusform>[%Ln Element]</numerusform>
            <numerusform>[%Ln Elemente]</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dpm::JsonTreeView</name>
    <message>
        <source>Find in JSON (Ctrl+F)</source>
        <translation>Suchen (Strg+F)</translation>
    </message>
    <message>
        <source>Find in JSON</source>
        <translation>In JSON suchen</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>Treffer</translation>
    </message>
    <message>
        <source>888 of 888</source>
        <translation>888 von 888</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>Vorheriger Treffer (Umschalt+F3)</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation>Vorheriger Treffer</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Next match (Enter, F3)</source>
        <translation>Nächster Treffer (Eingabetaste, F3)</translation>
    </message>
    <message>
        <source>Next match</source>
        <translation>Nächster Treffer</translation>
    </message>
    <message>
        <source>Expand all</source>
        <translation>Alle aufklappen</translation>
    </message>
    <message>
        <source>Collapse all</source>
        <translation>Alle zuklappen</translation>
    </message>
    <message>
        <source>JSON tree</source>
        <translation>JSON-Baum</translation>
    </message>
    <message>
        <source>Copy value</source>
        <translation>Wert kopieren</translation>
    </message>
    <message>
        <source>no matches</source>
        <translation>keine Treffer</translation>
    </message>
    <message>
        <source>%1 matches</source>
        <translation>%1 Treffer</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Copy &amp;value</source>
        <translation>&amp;Wert kopieren</translation>
    </message>
    <message>
        <source>Copy as &amp;JSON</source>
        <translation>Als &amp;JSON kopieren</translation>
    </message>
    <message>
        <source>Copy &amp;path</source>
        <translation>&amp;Pfad kopieren</translation>
    </message>
    <message>
        <source>&amp;Expand all</source>
        <translation>Alle &amp;aufklappen</translation>
    </message>
    <message>
        <source>&amp;Collapse all</source>
        <translation>Alle &amp;zuklappen</translation>
    </message>
</context>
<context>
    <name>dpm::LineageEdgeListModel</name>
    <message>
        <source>Created at</source>
        <translation>Erstellt am</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Edge type</source>
        <translation>Kantentyp</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation>Metadaten</translation>
    </message>
</context>
<context>
    <name>dpm::LineageGraphWidget</name>
    <message>
        <source>%1 stored rows, created %2 … %3</source>
        <translation>%1 gespeicherte Zeilen, erstellt %2 … %3</translation>
    </message>
    <message>
        <source>created %1</source>
        <translation>erstellt %1</translation>
    </message>
    <message>
        <source>metadata: %1</source>
        <translation>Metadaten: %1</translation>
    </message>
    <message>
        <source>… more metadata values not shown: %1</source>
        <translation>… weitere Metadatenwerte nicht angezeigt: %1</translation>
    </message>
    <message>
        <source>Upstream depth</source>
        <translation>Tiefe aufwärts</translation>
    </message>
    <message>
        <source>How many hops a path may take against the edges&apos; direction (towards sources); no node is further than the larger of the two depths</source>
        <translation>Wie viele Schritte ein Pfad entgegen der Kantenrichtung (zu den Quellen) gehen darf; kein Knoten liegt weiter entfernt als die größere der beiden Tiefen</translation>
    </message>
    <message>
        <source>Downstream depth</source>
        <translation>Tiefe abwärts</translation>
    </message>
    <message>
        <source>How many hops a path may take along the edges&apos; direction (towards targets); no node is further than the larger of the two depths</source>
        <translation>Wie viele Schritte ein Pfad in Kantenrichtung (zu den Zielen) gehen darf; kein Knoten liegt weiter entfernt als die größere der beiden Tiefen</translation>
    </message>
    <message>
        <source>Node cap</source>
        <translation>Knotengrenze</translation>
    </message>
    <message>
        <source>At most this many nodes are added at once; the rest show as &quot;N more not shown&quot;</source>
        <translation>Höchstens so viele Knoten werden auf einmal hinzugefügt; der Rest erscheint als &quot;N weitere nicht angezeigt&quot;</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Back to the previous centre (Alt+[)</source>
        <translation>Zurück zum vorherigen Mittelpunkt (Alt+[)</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Vorwärts</translation>
    </message>
    <message>
        <source>Forward to the next centre (Alt+])</source>
        <translation>Vorwärts zum nächsten Mittelpunkt (Alt+])</translation>
    </message>
    <message>
        <source>Lineage graph</source>
        <translation>Herkunftsgraph</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Verkleinern</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+-, wheel)</source>
        <translation>Verkleinern (Strg+-, Mausrad)</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Vergrößern</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl+=, wheel)</source>
        <translation>Vergrößern (Strg+=, Mausrad)</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>Fit the graph in the view (Ctrl+0)</source>
        <translation>Den Graphen in die Ansicht einpassen (Strg+0)</translation>
    </message>
    <message>
        <source>1:1</source>
        <translation>1:1</translation>
    </message>
    <message>
        <source>Actual size (Ctrl+1)</source>
        <translation>Originalgröße (Strg+1)</translation>
    </message>
    <message>
        <source>Graph status</source>
        <translation>Graphstatus</translation>
    </message>
    <message>
        <source>&amp;Upstream:</source>
        <translation>&amp;Aufwärts:</translation>
    </message>
    <message>
        <source>&amp;Downstream:</source>
        <translation>A&amp;bwärts:</translation>
    </message>
    <message>
        <source>Node ca&amp;p:</source>
        <translation>Knoten&amp;grenze:</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel loading the graph</source>
        <translation>Laden des Graphen abbrechen</translation>
    </message>
    <message>
        <source>Stop waiting for the graph; the one on screen stays</source>
        <translation>Nicht länger auf den Graphen warten; der angezeigte bleibt stehen</translation>
    </message>
    <message>
        <source>Loading the neighbourhood of %1…</source>
        <translation>Umgebung von %1 wird geladen…</translation>
    </message>
    <message>
        <source>Expanding %1…</source>
        <translation>%1 wird erweitert…</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>Enter an entity id to draw its lineage.</source>
        <translation>Geben Sie eine Entitäts-ID ein, um ihre Herkunft zu zeichnen.</translation>
    </message>
    <message>
        <source>Nodes: %1, edges: %2</source>
        <translation>Knoten: %1, Kanten: %2</translation>
    </message>
    <message>
        <source>not shown (node cap): %1</source>
        <translation>nicht angezeigt (Knotengrenze): %1</translation>
    </message>
    <message>
        <source>The graph is too large to export as an image.</source>
        <translation>Der Graph ist zu groß, um ihn als Bild zu exportieren.</translation>
    </message>
    <message>
        <source>Could not write %1; choose a folder you can write to.</source>
        <translation>%1 konnte nicht geschrieben werden; wählen Sie einen Ordner, in den Sie schreiben dürfen.</translation>
    </message>
    <message>
        <source>Lineage of %1</source>
        <translation>Herkunft von %1</translation>
    </message>
    <message>
        <source>Double-click or Enter: expand a node · Ctrl+Enter: centre on it · right-click or Menu key: open it · arrows: move between nodes · wheel: zoom · drag: pan</source>
        <translation>Doppelklick oder Eingabetaste: Knoten erweitern · Strg+Eingabetaste: darauf zentrieren · Rechtsklick oder Menütaste: öffnen · Pfeiltasten: zwischen Knoten wechseln · Mausrad: zoomen · Ziehen: verschieben</translation>
    </message>
    <message>
        <source>Show more</source>
        <translation>Weitere anzeigen</translation>
    </message>
    <message>
        <source>Open run</source>
        <translation>Lauf öffnen</translation>
    </message>
    <message>
        <source>Open operation</source>
        <translation>Vorgang öffnen</translation>
    </message>
    <message>
        <source>Open proposal</source>
        <translation>Vorschlag öffnen</translation>
    </message>
    <message>
        <source>Centre the graph here</source>
        <translation>Den Graphen hier zentrieren</translation>
    </message>
    <message>
        <source>Expand</source>
        <translation>Erweitern</translation>
    </message>
    <message>
        <source>Copy id</source>
        <translation>ID kopieren</translation>
    </message>
</context>
<context>
    <name>dpm::LineageLegend</name>
    <message>
        <source>Legend</source>
        <translation>Legende</translation>
    </message>
    <message>
        <source>Legend:</source>
        <translation>Legende:</translation>
    </message>
    <message>
        <source>Node kind %1</source>
        <translation>Knotenart %1</translation>
    </message>
    <message>
        <source>Runs are drawn in the colour of their status; the legend shows a run without one.</source>
        <translation>Läufe werden in der Farbe ihres Status gezeichnet; die Legende zeigt einen Lauf ohne Status.</translation>
    </message>
</context>
<context>
    <name>dpm::LineageNodePanel</name>
    <message>
        <source>Select a node to see its attributes.</source>
        <translation>Wählen Sie einen Knoten, um seine Attribute zu sehen.</translation>
    </message>
    <message>
        <source>Selected node</source>
        <translation>Ausgewählter Knoten</translation>
    </message>
    <message>
        <source>Attribute</source>
        <translation>Attribut</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Node attributes</source>
        <translation>Knotenattribute</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Open the selected node</source>
        <translation>Den ausgewählten Knoten öffnen</translation>
    </message>
    <message>
        <source>&amp;Centre here</source>
        <translation>Hier &amp;zentrieren</translation>
    </message>
    <message>
        <source>Centre the graph on the selected node</source>
        <translation>Den Graphen auf den ausgewählten Knoten zentrieren</translation>
    </message>
    <message>
        <source>E&amp;xpand</source>
        <translation>E&amp;rweitern</translation>
    </message>
    <message>
        <source>Expand the selected node</source>
        <translation>Den ausgewählten Knoten erweitern</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>%1 wird geladen…</translation>
    </message>
    <message>
        <source>(nothing stored)</source>
        <translation>(nichts gespeichert)</translation>
    </message>
    <message>
        <source>No row and no edge names this id.</source>
        <translation>Keine Zeile und keine Kante nennt diese ID.</translation>
    </message>
</context>
<context>
    <name>dpm::LineagePage</name>
    <message>
        <source>Run, correlation, idempotency key, operation or proposal id</source>
        <translation>Lauf-, Korrelations-, Vorgangs- oder Vorschlags-ID oder Idempotenzschlüssel</translation>
    </message>
    <message>
        <source>Entity id</source>
        <translation>Entitäts-ID</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Los</translation>
    </message>
    <message>
        <source>Draw the lineage</source>
        <translation>Herkunft zeichnen</translation>
    </message>
    <message>
        <source>Find a node (Enter: next)</source>
        <translation>Einen Knoten suchen (Eingabetaste: nächster)</translation>
    </message>
    <message>
        <source>Find a node</source>
        <translation>Einen Knoten suchen</translation>
    </message>
    <message>
        <source>Export P&amp;NG…</source>
        <translation>P&amp;NG exportieren…</translation>
    </message>
    <message>
        <source>Export the graph as PNG</source>
        <translation>Den Graphen als PNG exportieren</translation>
    </message>
    <message>
        <source>Export S&amp;VG…</source>
        <translation>S&amp;VG exportieren…</translation>
    </message>
    <message>
        <source>Export the graph as SVG</source>
        <translation>Den Graphen als SVG exportieren</translation>
    </message>
    <message>
        <source>Lineage message</source>
        <translation>Herkunftsmeldung</translation>
    </message>
    <message>
        <source>Node details</source>
        <translation>Knotendetails</translation>
    </message>
    <message>
        <source>&amp;Entity:</source>
        <translation>&amp;Entität:</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>&amp;Suchen:</translation>
    </message>
    <message>
        <source>No node shown has an id containing &quot;%1&quot;.</source>
        <translation>Kein angezeigter Knoten hat eine ID, die &quot;%1&quot; enthält.</translation>
    </message>
    <message>
        <source>SVG images (*.svg)</source>
        <translation>SVG-Bilder (*.svg)</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>Exportiert nach %1.</translation>
    </message>
    <message>
        <source>Links to proposals are not shown: &lt;b&gt;%1&lt;/b&gt; %2</source>
        <translation>Verknüpfungen zu Vorschlägen werden nicht angezeigt: &lt;b&gt;%1&lt;/b&gt; %2</translation>
    </message>
</context>
<context>
    <name>dpm::ListColumns</name>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Run id</source>
        <translation>Lauf-ID</translation>
    </message>
    <message>
        <source>Portfolio</source>
        <translation>Portfolio</translation>
    </message>
    <message>
        <source>Correlation id</source>
        <translation>Korrelations-ID</translation>
    </message>
    <message>
        <source>Idempotency key</source>
        <translation>Idempotenzschlüssel</translation>
    </message>
    <message>
        <source>Request hash</source>
        <translation>Anfrage-Hash</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>Entschieden</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Reason code</source>
        <translation>Grundcode</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Akteur</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>Decision id</source>
        <translation>Entscheidungs-ID</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Operation id</source>
        <translation>Vorgangs-ID</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>Next attempt</source>
        <translation>Nächster Versuch</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
    <message>
        <source>Outbox id</source>
        <translation>Outbox-ID</translation>
    </message>
    <message>
        <source>Event id</source>
        <translation>Ereignis-ID</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Proposal id</source>
        <translation>Vorschlags-ID</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>Erstellt von</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Mandate</source>
        <translation>Mandat</translation>
    </message>
    <message>
        <source>Jurisdiction</source>
        <translation>Rechtsraum</translation>
    </message>
    <message>
        <source>Last event</source>
        <translation>Letztes Ereignis</translation>
    </message>
</context>
<context>
    <name>dpm::ListingExport</name>
    <message>
        <source>Could not write %1 (%2); choose another folder or free some space.</source>
        <translation>%1 konnte nicht geschrieben werden (%2); wählen Sie einen anderen Ordner oder schaffen Sie Platz.</translation>
    </message>
    <message>
        <source>%L1 rows written</source>
        <translation>%L1 Zeilen geschrieben</translation>
    </message>
</context>
<context>
    <name>dpm::ListingPage</name>
    <message>
        <source>C&amp;lear filters</source>
        <translation>Filter &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Filter zurücksetzen</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>Beliebig</translation>
    </message>
    <message>
        <source>Store notice</source>
        <translation>Hinweis zum Datenspeicher</translation>
    </message>
</context>
<context>
    <name>dpm::ListingView</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <source>Loading</source>
        <translation>Wird geladen</translation>
    </message>
    <message>
        <source>Cancel loading</source>
        <translation>Laden abbrechen</translation>
    </message>
    <message>
        <source>Rows loaded</source>
        <translation>Geladene Zeilen</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Retry loading</source>
        <translation>Laden erneut versuchen</translation>
    </message>
    <message>
        <source>&amp;Copy as TSV</source>
        <translation>Als &amp;TSV kopieren</translation>
    </message>
    <message>
        <source>Copy as &amp;JSON</source>
        <translation>Als &amp;JSON kopieren</translation>
    </message>
    <message>
        <source>E&amp;xport rows…</source>
        <translation>Zeilen e&amp;xportieren…</translation>
    </message>
    <message>
        <source>Listings</source>
        <translation>Listen</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>No rows match.</source>
        <translation>Keine passenden Zeilen.</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Export rows</source>
        <translation>Zeilen exportieren</translation>
    </message>
    <message>
        <source>Exporting rows to %1…</source>
        <translation>Zeilen werden nach %1 exportiert…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Copy &amp;cell</source>
        <translation>&amp;Zelle kopieren</translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) loaded, more available (scroll down to load them)</source>
        <translation>
            <numerusform>%Ln Zeile geladen, weitere verfügbar (zum Laden nach unten blättern)</numerusform>
            <numerusform>%Ln Zeilen geladen, weitere verfügbar (zum Laden nach unten blättern)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All %Ln row(s) loaded</source>
        <translation>
            <numerusform>%Ln Zeile geladen</numerusform>
            <numerusform>Alle %Ln Zeilen geladen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dpm::MainWindow</name>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Entscheidungen</translation>
    </message>
    <message>
        <source>Operations</source>
        <translation>Vorgänge</translation>
    </message>
    <message>
        <source>Proposals</source>
        <translation>Vorschläge</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Outbox</translation>
    </message>
    <message>
        <source>Lineage</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Verwaltung</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Seiten</translation>
    </message>
    <message>
        <source>Opening was cancelled; retry, or connect to another store.</source>
        <translation>Das Öffnen wurde abgebrochen; versuchen Sie es erneut oder verbinden Sie sich mit einem anderen Datenspeicher.</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Datenspeicher</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Connect to a store…</source>
        <translation>Mit einem Datenspeicher &amp;verbinden…</translation>
    </message>
    <message>
        <source>&amp;Recent stores</source>
        <translation>&amp;Zuletzt verwendete Datenspeicher</translation>
    </message>
    <message>
        <source>Recent store</source>
        <translation>Zuletzt verwendeter Datenspeicher</translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation>(noch keine)</translation>
    </message>
    <message>
        <source>&amp;Open bundle file…</source>
        <translation>Bundle-Datei ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Gehe zu</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Zurück</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>&amp;Vorwärts</translation>
    </message>
    <message>
        <source>Fi&amp;nd any identifier</source>
        <translation>Beliebige Kennung &amp;suchen</translation>
    </message>
    <message>
        <source>Copy &amp;link to what is shown</source>
        <translation>&amp;Link auf das Angezeigte kopieren</translation>
    </message>
    <message>
        <source>Focus the page&apos;s &amp;filters</source>
        <translation>&amp;Filter der Seite fokussieren</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Hilfe</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>Ü&amp;ber</translation>
    </message>
    <message>
        <source>Backend</source>
        <translation>Backend</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Persistence profile</source>
        <translation>Persistenzprofil</translation>
    </message>
    <message>
        <source>Schema state</source>
        <translation>Schemazustand</translation>
    </message>
    <message>
        <source>Last query</source>
        <translation>Letzte Abfrage</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>nicht verbunden</translation>
    </message>
    <message>
        <source>profile %1</source>
        <translation>Profil %1</translation>
    </message>
    <message>
        <source>schema %1</source>
        <translation>Schema %1</translation>
    </message>
    <message>
        <source>last query %1</source>
        <translation>letzte Abfrage %1</translation>
    </message>
    <message>
        <source>no store</source>
        <translation>kein Datenspeicher</translation>
    </message>
    <message>
        <source>DPM Support Console — %1</source>
        <translation>DPM Support Console – %1</translation>
    </message>
    <message>
        <source>Copied %1</source>
        <translation>%1 kopiert</translation>
    </message>
    <message>
        <source>DPM_IDENTIFIER_NOT_FOUND: nothing in this store is identified by &quot;%1&quot;; check the id, or whether it was purged by retention.</source>
        <translation>DPM_IDENTIFIER_NOT_FOUND: Nichts in diesem Datenspeicher trägt die Kennung &quot;%1&quot;; prüfen Sie die ID oder ob sie durch die Aufbewahrungsregel bereinigt wurde.</translation>
    </message>
    <message>
        <source>Matches for %1</source>
        <translation>Treffer für %1</translation>
    </message>
    <message>
        <source>DPM_RUN_NOT_FOUND: %1 leads to run %2, which is not stored (purged?).</source>
        <translation>DPM_RUN_NOT_FOUND: %1 führt zu Lauf %2, der nicht gespeichert ist (bereinigt?).</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>%1 is proposal operation %2, which produced no proposal.</source>
        <translation>%1 ist der Vorschlagsvorgang %2, der keinen Vorschlag erzeugt hat.</translation>
    </message>
    <message>
        <source>PROPOSAL_NOT_FOUND: %1 leads to proposal %2, which is not stored.</source>
        <translation>PROPOSAL_NOT_FOUND: %1 führt zu Vorschlag %2, der nicht gespeichert ist.</translation>
    </message>
    <message>
        <source>The store has no DPM tables yet: apply the migrations on the Admin page.</source>
        <translation>Der Datenspeicher hat noch keine DPM-Tabellen: Wenden Sie die Migrationen auf der Verwaltungsseite an.</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Store &amp;health…</source>
        <translation>Zustand des &amp;Datenspeichers…</translation>
    </message>
    <message>
        <source>Store health (Ctrl+Shift+H)</source>
        <translation>Zustand des Datenspeichers (Strg+Umschalt+H)</translation>
    </message>
    <message>
        <source>Open a run, an operation or a proposal to copy its link.</source>
        <translation>Öffnen Sie einen Lauf, einen Vorgang oder einen Vorschlag, um seinen Link zu kopieren.</translation>
    </message>
    <message>
        <source>%1 · proposals from %2</source>
        <translation>%1 · Vorschläge aus %2</translation>
    </message>
    <message>
        <source>Proposals were not searched (%1): %2</source>
        <translation>Vorschläge wurden nicht durchsucht (%1): %2</translation>
    </message>
    <message>
        <source>%1 · dual-write to PostgreSQL, %2% of reads from it</source>
        <translation>%1 · Dual-Write nach PostgreSQL, %2% der Lesezugriffe von dort</translation>
    </message>
</context>
<context>
    <name>dpm::MigrationStatusModel</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>How long the migration took, as the audit log recorded it when this console or dpmctl applied it. The ledger has no duration: a migration applied by the service, or before the audit log existed, shows —.</source>
        <translation>Wie lange die Migration gedauert hat, laut Audit-Protokoll, wenn diese Konsole oder dpmctl sie angewendet hat. Das Migrationsjournal kennt keine Dauer: Eine vom Dienst oder vor dem Audit-Protokoll angewendete Migration zeigt —.</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>Namensraum</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Checksum</source>
        <translation>Prüfsumme</translation>
    </message>
    <message>
        <source>Applied at</source>
        <translation>Angewendet am</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>%1 (proposal store)</source>
        <translation>%1 (Vorschlagsspeicher)</translation>
    </message>
</context>
<context>
    <name>dpm::MigrationsTab</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Apply pending…</source>
        <translation>Ausstehende an&amp;wenden…</translation>
    </message>
    <message>
        <source>Refresh migrations</source>
        <translation>Migrationen aktualisieren</translation>
    </message>
    <message>
        <source>Apply pending migrations</source>
        <translation>Ausstehende Migrationen anwenden</translation>
    </message>
    <message>
        <source>Shows the plan&apos;s migrations, asks for confirmation, then applies them one by one.</source>
        <translation>Zeigt die Migrationen des Plans, fragt nach einer Bestätigung und wendet sie dann nacheinander an.</translation>
    </message>
    <message>
        <source>Migration summary</source>
        <translation>Migrationsübersicht</translation>
    </message>
    <message>
        <source>Migrations</source>
        <translation>Migrationen</translation>
    </message>
    <message>
        <source>Migration plan SQL</source>
        <translation>SQL des Migrationsplans</translation>
    </message>
    <message>
        <source>Nothing to apply.</source>
        <translation>Nichts anzuwenden.</translation>
    </message>
    <message>
        <source>Validation findings</source>
        <translation>Validierungsbefunde</translation>
    </message>
    <message>
        <source>Plan and validation</source>
        <translation>Plan und Validierung</translation>
    </message>
    <message>
        <source>Plan (SQL)</source>
        <translation>Plan (SQL)</translation>
    </message>
    <message>
        <source>Validate</source>
        <translation>Validieren</translation>
    </message>
    <message>
        <source>Apply progress</source>
        <translation>Fortschritt der Anwendung</translation>
    </message>
    <message>
        <source>Apply progress text</source>
        <translation>Fortschrittstext der Anwendung</translation>
    </message>
    <message>
        <source>Cancel applying</source>
        <translation>Anwenden abbrechen</translation>
    </message>
    <message>
        <source>Apply result</source>
        <translation>Ergebnis der Anwendung</translation>
    </message>
    <message>
        <source>Stops before the next migration; the ones already applied stay applied.</source>
        <translation>Hält vor der nächsten Migration an; bereits angewendete bleiben angewendet.</translation>
    </message>
    <message>
        <source>Read-only: unlock the admin page to apply migrations.</source>
        <translation>Schreibgeschützt: Entsperren Sie die Verwaltungsseite, um Migrationen anzuwenden.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Could not read the migrations: %1: %2</source>
        <translation>Die Migrationen konnten nicht gelesen werden: %1: %2</translation>
    </message>
    <message>
        <source>The in-memory store has no schema; there is nothing to migrate.</source>
        <translation>Der Datenspeicher im Arbeitsspeicher hat kein Schema; es gibt nichts zu migrieren.</translation>
    </message>
    <message>
        <source>-- No plan: %1: %2</source>
        <translation>-- Kein Plan: %1: %2</translation>
    </message>
    <message>
        <source>Pending migrations: %1. Validate: %2.</source>
        <translation>Ausstehende Migrationen: %1. Validierung: %2.</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>in Ordnung</translation>
    </message>
    <message>
        <source>not ok, see Validate</source>
        <translation>nicht in Ordnung, siehe Validieren</translation>
    </message>
    <message>
        <source>Read-only: unlock the admin page before applying migrations.</source>
        <translation>Schreibgeschützt: Entsperren Sie die Verwaltungsseite, bevor Sie Migrationen anwenden.</translation>
    </message>
    <message>
        <source>Apply migrations</source>
        <translation>Migrationen anwenden</translation>
    </message>
    <message>
        <source>Each runs in its own transaction, in this order:
%1

The SQL is on the Plan tab.</source>
        <translation>Jede läuft in einer eigenen Transaktion, in dieser Reihenfolge:
%1

Das SQL steht auf dem Reiter Plan.</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <source>Could not apply: %1: %2</source>
        <translation>Anwenden nicht möglich: %1: %2</translation>
    </message>
    <message>
        <source>Failed (migrations applied before it: %1): %2: %3</source>
        <translation>Fehlgeschlagen (davor angewendete Migrationen: %1): %2: %3</translation>
    </message>
    <message>
        <source>Cancelled. Migrations applied before the cancel stay applied (%1); apply again to continue.</source>
        <translation>Abgebrochen. Vor dem Abbruch angewendete Migrationen bleiben angewendet (%1); wenden Sie erneut an, um fortzufahren.</translation>
    </message>
    <message>
        <source>Applied migrations: %1, in %2 ms.</source>
        <translation>Angewendete Migrationen: %1, in %2 ms.</translation>
    </message>
    <message>
        <source>Adopted (tables already there): %1.</source>
        <translation>Übernommen (Tabellen bereits vorhanden): %1.</translation>
    </message>
    <message>
        <source>Not recorded in the audit log: %1: %2</source>
        <translation>Nicht im Audit-Protokoll festgehalten: %1: %2</translation>
    </message>
    <message>
        <source>Cancelling before the next migration…</source>
        <translation>Abbruch vor der nächsten Migration…</translation>
    </message>
    <message numerus="yes">
        <source>Apply %n migration(s) to %1?</source>
        <translation>
            <numerusform>%n Migration auf %1 anwenden?</numerusform>
            <numerusform>%n Migrationen auf %1 anwenden?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dpm::OmniSearch</name>
    <message>
        <source>Find run, correlation, idempotency key, operation, request hash, decision or proposal (Ctrl+K)</source>
        <translation>Lauf, Korrelation, Idempotenzschlüssel, Vorgang, Anfrage-Hash, Entscheidung oder Vorschlag suchen (Strg+K)</translation>
    </message>
    <message>
        <source>Find by any identifier</source>
        <translation>Nach beliebiger Kennung suchen</translation>
    </message>
    <message>
        <source>Run %1</source>
        <translation>Lauf %1</translation>
    </message>
    <message>
        <source>Run %1 (its correlation id)</source>
        <translation>Lauf %1 (seine Korrelations-ID)</translation>
    </message>
    <message>
        <source>Operation %1</source>
        <translation>Vorgang %1</translation>
    </message>
    <message>
        <source>Operation %1 (its correlation id)</source>
        <translation>Vorgang %1 (seine Korrelations-ID)</translation>
    </message>
    <message>
        <source>Run %1 (mapped from this idempotency key)</source>
        <translation>Lauf %1 (über diesen Idempotenzschlüssel zugeordnet)</translation>
    </message>
    <message>
        <source>Run %1 (its request hash)</source>
        <translation>Lauf %1 (sein Anfrage-Hash)</translation>
    </message>
    <message>
        <source>Decision %1 on run %2</source>
        <translation>Entscheidung %1 zu Lauf %2</translation>
    </message>
    <message>
        <source>Decision %1 (its correlation id) on run %2</source>
        <translation>Entscheidung %1 (ihre Korrelations-ID) zu Lauf %2</translation>
    </message>
    <message>
        <source>Proposal %1</source>
        <translation>Vorschlag %1</translation>
    </message>
    <message>
        <source>Proposal %1, version %2</source>
        <translation>Vorschlag %1, Version %2</translation>
    </message>
    <message>
        <source>Proposal %1 (a workflow event)</source>
        <translation>Vorschlag %1 (ein Workflow-Ereignis)</translation>
    </message>
    <message>
        <source>Proposal %1 (an approval)</source>
        <translation>Vorschlag %1 (eine Freigabe)</translation>
    </message>
    <message>
        <source>Proposal %1, version %2 (mapped from this idempotency key)</source>
        <translation>Vorschlag %1, Version %2 (über diesen Idempotenzschlüssel zugeordnet)</translation>
    </message>
    <message>
        <source>Proposal operation %1 of proposal %2</source>
        <translation>Vorschlagsvorgang %1 von Vorschlag %2</translation>
    </message>
    <message>
        <source>Proposal operation %1 (no proposal)</source>
        <translation>Vorschlagsvorgang %1 (kein Vorschlag)</translation>
    </message>
    <message>
        <source>Proposal operation %1 (its correlation id) of proposal %2</source>
        <translation>Vorschlagsvorgang %1 (seine Korrelations-ID) von Vorschlag %2</translation>
    </message>
    <message>
        <source>Proposal operation %1 (its correlation id, no proposal)</source>
        <translation>Vorschlagsvorgang %1 (seine Korrelations-ID, kein Vorschlag)</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) with this request hash, latest %1</source>
        <translation>
            <numerusform>%n Lauf mit diesem Anfrage-Hash, neuester %1</numerusform>
            <numerusform>%n Läufe mit diesem Anfrage-Hash, neuester %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dpm::OperationDetailPane</name>
    <message>
        <source>Operation %1 is not in the store (purged by its TTL?).</source>
        <translation>Vorgang %1 ist nicht im Datenspeicher (nach Ablauf seiner TTL bereinigt?).</translation>
    </message>
    <message>
        <source>Operation id</source>
        <translation>Vorgangs-ID</translation>
    </message>
    <message>
        <source>Operation type</source>
        <translation>Vorgangstyp</translation>
    </message>
    <message>
        <source>Operation status</source>
        <translation>Vorgangsstatus</translation>
    </message>
    <message>
        <source>Correlation id</source>
        <translation>Korrelations-ID</translation>
    </message>
    <message>
        <source>Times</source>
        <translation>Zeiten</translation>
    </message>
    <message>
        <source>Error message</source>
        <translation>Fehlermeldung</translation>
    </message>
    <message>
        <source>Request, result and error JSON</source>
        <translation>JSON von Anfrage, Ergebnis und Fehler</translation>
    </message>
    <message>
        <source>Open &amp;run</source>
        <translation>&amp;Lauf öffnen</translation>
    </message>
    <message>
        <source>Open the run this operation produced</source>
        <translation>Den von diesem Vorgang erzeugten Lauf öffnen</translation>
    </message>
    <message>
        <source>Cop&amp;y error</source>
        <translation>Fehler kop&amp;ieren</translation>
    </message>
    <message>
        <source>Copy error message</source>
        <translation>Fehlermeldung kopieren</translation>
    </message>
    <message>
        <source>Operation:</source>
        <translation>Vorgang:</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Typ:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Correlation:</source>
        <translation>Korrelation:</translation>
    </message>
    <message>
        <source>Times:</source>
        <translation>Zeiten:</translation>
    </message>
    <message>
        <source>Error:</source>
        <translation>Fehler:</translation>
    </message>
    <message>
        <source>Select an operation to see its request, result and error.</source>
        <translation>Wählen Sie einen Vorgang, um Anfrage, Ergebnis und Fehler zu sehen.</translation>
    </message>
    <message>
        <source>Loading operation %1…</source>
        <translation>Vorgang %1 wird geladen…</translation>
    </message>
    <message>
        <source>created %1 · started %2 · finished %3</source>
        <translation>erstellt %1 · gestartet %2 · beendet %3</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Open &amp;run (%1)…</source>
        <translation>&amp;Lauf öffnen (%1)…</translation>
    </message>
    <message>
        <source>This operation has not produced a run (yet).</source>
        <translation>Dieser Vorgang hat (noch) keinen Lauf erzeugt.</translation>
    </message>
</context>
<context>
    <name>dpm::OperationsPage</name>
    <message>
        <source>&amp;Created:</source>
        <translation>&amp;Erstellt:</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Typ:</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <source>C&amp;orrelation:</source>
        <translation>K&amp;orrelation:</translation>
    </message>
    <message>
        <source>correlation id</source>
        <translation>Korrelations-ID</translation>
    </message>
    <message>
        <source>Async operations</source>
        <translation>Asynchrone Vorgänge</translation>
    </message>
</context>
<context>
    <name>dpm::OutboxBacklogTiles</name>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Due now</source>
        <translation>Jetzt fällig</translation>
    </message>
    <message>
        <source>Oldest pending</source>
        <translation>Älteste ausstehende</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Dead</source>
        <translation>Tot</translation>
    </message>
    <message>
        <source>Deliveries waiting for the relay (status PENDING).</source>
        <translation>Zustellungen, die auf das Relay warten (Status PENDING).</translation>
    </message>
    <message>
        <source>PENDING or FAILED deliveries whose next attempt is due.</source>
        <translation>PENDING- oder FAILED-Zustellungen, deren nächster Versuch fällig ist.</translation>
    </message>
    <message>
        <source>Age of the oldest PENDING delivery: amber past %1 s, red past %2 s (stale backlog).</source>
        <translation>Alter der ältesten PENDING-Zustellung: gelb ab %1 s, rot ab %2 s (stockender Rückstau).</translation>
    </message>
    <message>
        <source>Deliveries that failed and will be retried by the relay.</source>
        <translation>Zustellungen, die fehlgeschlagen sind und vom Relay erneut versucht werden.</translation>
    </message>
    <message>
        <source>Deliveries that gave up after their maximum attempts, or were discarded.</source>
        <translation>Zustellungen, die nach der Höchstzahl an Versuchen aufgegeben oder verworfen wurden.</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 T %2 h</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
</context>
<context>
    <name>dpm::OutboxDeliveryPane</name>
    <message>
        <source>Delivery detail</source>
        <translation>Zustellungsdetails</translation>
    </message>
    <message>
        <source>Delivery detail state</source>
        <translation>Zustand der Zustellungsdetails</translation>
    </message>
    <message>
        <source>Delivery status</source>
        <translation>Zustellungsstatus</translation>
    </message>
    <message>
        <source>outbox id</source>
        <translation>Outbox-ID</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>Next attempt</source>
        <translation>Nächster Versuch</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Zugestellt</translation>
    </message>
    <message>
        <source>Relay lease</source>
        <translation>Relay-Lease</translation>
    </message>
    <message>
        <source>Open the delivery&apos;s run</source>
        <translation>Den Lauf der Zustellung öffnen</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
    <message>
        <source>no error recorded</source>
        <translation>kein Fehler aufgezeichnet</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Outbox id:</source>
        <translation>Outbox-ID:</translation>
    </message>
    <message>
        <source>Topic:</source>
        <translation>Topic:</translation>
    </message>
    <message>
        <source>Attempts:</source>
        <translation>Versuche:</translation>
    </message>
    <message>
        <source>Next attempt:</source>
        <translation>Nächster Versuch:</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>Erstellt:</translation>
    </message>
    <message>
        <source>Delivered:</source>
        <translation>Zugestellt:</translation>
    </message>
    <message>
        <source>Relay lease:</source>
        <translation>Relay-Lease:</translation>
    </message>
    <message>
        <source>Run:</source>
        <translation>Lauf:</translation>
    </message>
    <message>
        <source>Last error:</source>
        <translation>Letzter Fehler:</translation>
    </message>
    <message>
        <source>Delivery payload</source>
        <translation>Nutzdaten der Zustellung</translation>
    </message>
    <message>
        <source>The delivery&apos;s event</source>
        <translation>Das Ereignis der Zustellung</translation>
    </message>
    <message>
        <source>Pa&amp;yload</source>
        <translation>&amp;Nutzdaten</translation>
    </message>
    <message>
        <source>E&amp;vent</source>
        <translation>Er&amp;eignis</translation>
    </message>
    <message>
        <source>Reading delivery %1…</source>
        <translation>Zustellung %1 wird gelesen…</translation>
    </message>
    <message>
        <source>Select a delivery to see its payload, attempts, last error and event.</source>
        <translation>Wählen Sie eine Zustellung, um Nutzdaten, Versuche, letzten Fehler und Ereignis zu sehen.</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Open the support bundle of %1</source>
        <translation>Das Support-Bundle von %1 öffnen</translation>
    </message>
    <message>
        <source>The event %1 is not stored.</source>
        <translation>Das Ereignis %1 ist nicht gespeichert.</translation>
    </message>
</context>
<context>
    <name>dpm::OutboxPage</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <source>To&amp;pic:</source>
        <translation>To&amp;pic:</translation>
    </message>
    <message>
        <source>topic</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>R&amp;un:</source>
        <translation>La&amp;uf:</translation>
    </message>
    <message>
        <source>run id</source>
        <translation>Lauf-ID</translation>
    </message>
    <message>
        <source>&amp;Created:</source>
        <translation>&amp;Erstellt:</translation>
    </message>
    <message>
        <source>Refresh the outbox</source>
        <translation>Outbox aktualisieren</translation>
    </message>
    <message>
        <source>Read the backlog, the groups and the listing again (F5)</source>
        <translation>Rückstau, Gruppen und Liste neu lesen (F5)</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>every %1 s</source>
        <translation>alle %1 s</translation>
    </message>
    <message>
        <source>Auto-refresh interval</source>
        <translation>Intervall der automatischen Aktualisierung</translation>
    </message>
    <message>
        <source>Reads the outbox again at this interval; a tick is skipped while a read is running.</source>
        <translation>Liest die Outbox in diesem Intervall neu; solange ein Lesevorgang läuft, wird ein Takt ausgelassen.</translation>
    </message>
    <message>
        <source>&amp;Auto-refresh:</source>
        <translation>&amp;Automatisch aktualisieren:</translation>
    </message>
    <message>
        <source>Outbox backlog message</source>
        <translation>Meldung zum Outbox-Rückstau</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Zustellung</translation>
    </message>
    <message>
        <source>Outbox lock state</source>
        <translation>Sperrzustand der Outbox</translation>
    </message>
    <message>
        <source>Unlock or lock admin actions</source>
        <translation>Verwaltungsaktionen entsperren oder sperren</translation>
    </message>
    <message>
        <source>Failure groups (FAILED and DEAD deliveries by their error)</source>
        <translation>Fehlergruppen (FAILED- und DEAD-Zustellungen nach ihrem Fehler)</translation>
    </message>
    <message>
        <source>Failure groups</source>
        <translation>Fehlergruppen</translation>
    </message>
    <message>
        <source>Unlocked: Retry, Discard and Purge change the outbox (each asks first and is audited).</source>
        <translation>Entsperrt: Wiederholen, Verwerfen und Bereinigen ändern die Outbox (jede Aktion fragt zuerst nach und wird protokolliert).</translation>
    </message>
    <message>
        <source>&amp;Lock again</source>
        <translation>Wieder &amp;sperren</translation>
    </message>
    <message>
        <source>Read-only. Unlock admin actions to retry, discard or purge deliveries.</source>
        <translation>Schreibgeschützt. Entsperren Sie die Verwaltungsaktionen, um Zustellungen zu wiederholen, zu verwerfen oder zu bereinigen.</translation>
    </message>
    <message>
        <source>U&amp;nlock…</source>
        <translation>E&amp;ntsperren…</translation>
    </message>
    <message>
        <source>Outbox deliveries</source>
        <translation>Outbox-Zustellungen</translation>
    </message>
</context>
<context>
    <name>dpm::OutboxRepairPanel</name>
    <message>
        <source>Re&amp;try delivery…</source>
        <translation>Zustellung &amp;wiederholen…</translation>
    </message>
    <message>
        <source>D&amp;iscard delivery…</source>
        <translation>Zustellung &amp;verwerfen…</translation>
    </message>
    <message>
        <source>Retry &amp;group…</source>
        <translation>&amp;Gruppe wiederholen…</translation>
    </message>
    <message>
        <source>P&amp;urge delivered…</source>
        <translation>Zugestellte &amp;bereinigen…</translation>
    </message>
    <message>
        <source>Retry the selected delivery</source>
        <translation>Die ausgewählte Zustellung wiederholen</translation>
    </message>
    <message>
        <source>Discard the selected delivery</source>
        <translation>Die ausgewählte Zustellung verwerfen</translation>
    </message>
    <message>
        <source>Retry the selected failure group</source>
        <translation>Die ausgewählte Fehlergruppe wiederholen</translation>
    </message>
    <message>
        <source>Purge delivered deliveries</source>
        <translation>Zugestellte Zustellungen bereinigen</translation>
    </message>
    <message>
        <source>Discard reason</source>
        <translation>Grund für das Verwerfen</translation>
    </message>
    <message>
        <source>why it is discarded (required)</source>
        <translation>warum sie verworfen wird (Pflichtfeld)</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>Purge delivered older than days</source>
        <translation>Zugestellte bereinigen, die älter sind als (Tage)</translation>
    </message>
    <message>
        <source>Outbox repair progress</source>
        <translation>Fortschritt der Outbox-Reparatur</translation>
    </message>
    <message>
        <source>Outbox repair progress text</source>
        <translation>Fortschrittstext der Outbox-Reparatur</translation>
    </message>
    <message>
        <source>Cancel the outbox repair</source>
        <translation>Outbox-Reparatur abbrechen</translation>
    </message>
    <message>
        <source>Outbox repair result</source>
        <translation>Ergebnis der Outbox-Reparatur</translation>
    </message>
    <message>
        <source>Stops the statement on the database: nothing is changed.</source>
        <translation>Hält die Anweisung in der Datenbank an: Es wird nichts geändert.</translation>
    </message>
    <message>
        <source>R&amp;eason:</source>
        <translation>&amp;Grund:</translation>
    </message>
    <message>
        <source>&amp;older than</source>
        <translation>ä&amp;lter als</translation>
    </message>
    <message>
        <source>Read-only: unlock admin actions (Ctrl+Shift+U on the Admin page, or Unlock above).</source>
        <translation>Schreibgeschützt: Entsperren Sie die Verwaltungsaktionen (Strg+Umschalt+U auf der Verwaltungsseite oder Entsperren oben).</translation>
    </message>
    <message>
        <source>Counts, asks, then puts the FAILED or DEAD delivery back to PENDING, due now.</source>
        <translation>Zählt, fragt nach und setzt dann die FAILED- oder DEAD-Zustellung auf PENDING zurück, sofort fällig.</translation>
    </message>
    <message>
        <source>Counts, asks, then marks the PENDING or FAILED delivery DEAD with the reason.</source>
        <translation>Zählt, fragt nach und markiert dann die PENDING- oder FAILED-Zustellung mit dem Grund als DEAD.</translation>
    </message>
    <message>
        <source>Counts, asks, then puts every FAILED or DEAD delivery of the selected group back to PENDING.</source>
        <translation>Zählt, fragt nach und setzt dann jede FAILED- oder DEAD-Zustellung der ausgewählten Gruppe auf PENDING zurück.</translation>
    </message>
    <message>
        <source>Counts, asks, then deletes DELIVERED deliveries older than the days given.</source>
        <translation>Zählt, fragt nach und löscht dann DELIVERED-Zustellungen, die älter als die angegebenen Tage sind.</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Purge</source>
        <translation>Bereinigen</translation>
    </message>
    <message>
        <source>Read-only: unlock admin actions before repairing the outbox.</source>
        <translation>Schreibgeschützt: Entsperren Sie die Verwaltungsaktionen, bevor Sie die Outbox reparieren.</translation>
    </message>
    <message>
        <source>Select a delivery or a failure group first.</source>
        <translation>Wählen Sie zuerst eine Zustellung oder eine Fehlergruppe.</translation>
    </message>
    <message>
        <source>Give a reason for the discard: it is kept in the delivery&apos;s last error.</source>
        <translation>Geben Sie einen Grund für das Verwerfen an: Er wird im letzten Fehler der Zustellung festgehalten.</translation>
    </message>
    <message>
        <source>Counting the deliveries it would change…</source>
        <translation>Die betroffenen Zustellungen werden gezählt…</translation>
    </message>
    <message>
        <source>Cancelled while counting: nothing was changed.</source>
        <translation>Beim Zählen abgebrochen: Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Cannot %1: %2: %3</source>
        <translation>%1 nicht möglich: %2: %3</translation>
    </message>
    <message>
        <source>Nothing to change: no delivery matches (it may have changed meanwhile).</source>
        <translation>Nichts zu ändern: Keine Zustellung passt (sie hat sich womöglich inzwischen geändert).</translation>
    </message>
    <message>
        <source>%1 outbox deliveries</source>
        <translation>Outbox-Zustellungen: %1</translation>
    </message>
    <message>
        <source>Recorded in the audit log as %1. %2</source>
        <translation>Im Audit-Protokoll festgehalten als %1. %2</translation>
    </message>
    <message>
        <source>Changing the deliveries in one transaction (Cancel rolls it back)…</source>
        <translation>Die Zustellungen werden in einer Transaktion geändert (Abbrechen macht sie rückgängig)…</translation>
    </message>
    <message>
        <source>Not recorded in the audit log: %1: %2</source>
        <translation>Nicht im Audit-Protokoll festgehalten: %1: %2</translation>
    </message>
    <message>
        <source>Recorded in the audit log.</source>
        <translation>Im Audit-Protokoll festgehalten.</translation>
    </message>
    <message>
        <source>Cancelled: nothing was changed. Recorded in the audit log.</source>
        <translation>Abgebrochen: Es wurde nichts geändert. Im Audit-Protokoll festgehalten.</translation>
    </message>
    <message>
        <source>%1 failed, nothing was changed: %2: %3</source>
        <translation>%1 fehlgeschlagen, es wurde nichts geändert: %2: %3</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message numerus="yes">
        <source>Put %Ln FAILED or DEAD delivery(s) back to PENDING, due now, in %1?</source>
        <translation>
            <numerusform>%Ln FAILED- oder DEAD-Zustellung in %1 auf PENDING zurücksetzen, sofort fällig?</numerusform>
            <numerusform>%Ln FAILED- oder DEAD-Zustellungen in %1 auf PENDING zurücksetzen, sofort fällig?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Mark %Ln delivery(s) DEAD (&quot;discarded: %1&quot;) in %2?</source>
        <translation>
            <numerusform>%Ln Zustellung in %2 als DEAD markieren (&quot;discarded: %1&quot;)?</numerusform>
            <numerusform>%Ln Zustellungen in %2 als DEAD markieren (&quot;discarded: %1&quot;)?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %Ln DELIVERED delivery(s) older than %1 days from %2?</source>
        <translation>
            <numerusform>%Ln DELIVERED-Zustellung, älter als %1 Tage, aus %2 löschen?</numerusform>
            <numerusform>%Ln DELIVERED-Zustellungen, älter als %1 Tage, aus %2 löschen?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not changed: %Ln delivery(s) would be.</source>
        <translation>
            <numerusform>Nicht geändert: %Ln Zustellung wäre betroffen.</numerusform>
            <numerusform>Nicht geändert: %Ln Zustellungen wären betroffen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %Ln delivery(s) changed in %2 ms.</source>
        <translation>
            <numerusform>%1: %Ln Zustellung in %2 ms geändert.</numerusform>
            <numerusform>%1: %Ln Zustellungen in %2 ms geändert.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dpm::PreferencesDialog</name>
    <message>
        <source>Restore the default &amp;window layout and column widths</source>
        <translation>Standard-&amp;Fensteranordnung und Spaltenbreiten wiederherstellen</translation>
    </message>
    <message>
        <source>Forget the list of &amp;recent stores</source>
        <translation>Liste der &amp;zuletzt verwendeten Datenspeicher vergessen</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>A new language applies when the console is started again.</source>
        <translation>Eine neue Sprache gilt ab dem nächsten Start der Konsole.</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Fenster</translation>
    </message>
    <message>
        <source>Window size, splitter positions and column widths are remembered; this forgets them from the next start.</source>
        <translation>Fenstergröße, Teilerpositionen und Spaltenbreiten werden gespeichert; dies vergisst sie ab dem nächsten Start.</translation>
    </message>
    <message>
        <source>Stores</source>
        <translation>Datenspeicher</translation>
    </message>
    <message numerus="yes">
        <source>%n recent store(s).</source>
        <translation>
            <numerusform>%n zuletzt verwendeter Datenspeicher.</numerusform>
            <numerusform>%n zuletzt verwendete Datenspeicher.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n saved connection(s), edited in File → Connect to a store; passwords are never saved.</source>
        <translation>
            <numerusform>%n gespeicherte Verbindung, bearbeitet unter Datei → Mit einem Datenspeicher verbinden; Passwörter werden nie gespeichert.</numerusform>
            <numerusform>%n gespeicherte Verbindungen, bearbeitet unter Datei → Mit einem Datenspeicher verbinden; Passwörter werden nie gespeichert.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dpm::ProposalCheckAllPanel</name>
    <message>
        <source>Check &amp;all proposals</source>
        <translation>&amp;Alle Vorschläge prüfen</translation>
    </message>
    <message>
        <source>Cancel check</source>
        <translation>Prüfung abbrechen</translation>
    </message>
    <message>
        <source>Check all proposals</source>
        <translation>Alle Vorschläge prüfen</translation>
    </message>
    <message>
        <source>Replay every proposal&apos;s history against the §4.2 transition map and recompute its artifact hashes (what dpmctl proposals check does)</source>
        <translation>Den Verlauf jedes Vorschlags gegen die Übergangstabelle aus §4.2 nachspielen und seine Artefakt-Hashes neu berechnen (wie dpmctl proposals check)</translation>
    </message>
    <message>
        <source>Cancel the integrity check</source>
        <translation>Integritätsprüfung abbrechen</translation>
    </message>
    <message>
        <source>Integrity check status</source>
        <translation>Status der Integritätsprüfung</translation>
    </message>
    <message>
        <source>Integrity findings of all proposals</source>
        <translation>Integritätsbefunde aller Vorschläge</translation>
    </message>
    <message>
        <source>Enter or double-click opens the proposal</source>
        <translation>Eingabetaste oder Doppelklick öffnet den Vorschlag</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Prüfe…</translation>
    </message>
    <message>
        <source>Cancelled. </source>
        <translation>Abgebrochen. </translation>
    </message>
    <message numerus="yes">
        <source>%Ln proposal(s) checked, %L1 findings so far…</source>
        <translation>
            <numerusform>%Ln Vorschlag geprüft, bisher %L1 Befunde…</numerusform>
            <numerusform>%Ln Vorschläge geprüft, bisher %L1 Befunde…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln proposal(s) checked: no findings.</source>
        <translation>
            <numerusform>%Ln Vorschlag geprüft: keine Befunde.</numerusform>
            <numerusform>%Ln Vorschläge geprüft: keine Befunde.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln proposal(s) checked</source>
        <translation>
            <numerusform>%Ln Vorschlag geprüft</numerusform>
            <numerusform>%Ln Vorschläge geprüft</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln finding(s).</source>
        <translation>
            <numerusform>%Ln Befund.</numerusform>
            <numerusform>%Ln Befunde.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dpm::ProposalDiffModel</name>
    <message>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
    <message>
        <source>no differences</source>
        <translation>keine Unterschiede</translation>
    </message>
    <message>
        <source>(whole document)</source>
        <translation>(ganzes Dokument)</translation>
    </message>
    <message numerus="yes">
        <source>%n difference(s)</source>
        <translation>
            <numerusform>%n Unterschied</numerusform>
            <numerusform>%n Unterschiede</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dpm::ProposalDiffTab</name>
    <message>
        <source>Compare from version</source>
        <translation>Vergleichen ab Version</translation>
    </message>
    <message>
        <source>Compare to version</source>
        <translation>Vergleichen mit Version</translation>
    </message>
    <message>
        <source>&amp;From version:</source>
        <translation>&amp;Von Version:</translation>
    </message>
    <message>
        <source>&amp;To version:</source>
        <translation>&amp;Bis Version:</translation>
    </message>
    <message>
        <source>S&amp;wap</source>
        <translation>&amp;Tauschen</translation>
    </message>
    <message>
        <source>Swap the versions</source>
        <translation>Versionen tauschen</translation>
    </message>
    <message>
        <source>Filter paths and values</source>
        <translation>Pfade und Werte filtern</translation>
    </message>
    <message>
        <source>Filter differences</source>
        <translation>Unterschiede filtern</translation>
    </message>
    <message>
        <source>Difference summary</source>
        <translation>Zusammenfassung der Unterschiede</translation>
    </message>
    <message>
        <source>Differences</source>
        <translation>Unterschiede</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>This proposal has no stored version to compare.</source>
        <translation>Dieser Vorschlag hat keine gespeicherte Version zum Vergleichen.</translation>
    </message>
    <message>
        <source>This proposal has one version only: nothing to compare.</source>
        <translation>Dieser Vorschlag hat nur eine Version: Es gibt nichts zu vergleichen.</translation>
    </message>
    <message>
        <source>Pick two versions to compare.</source>
        <translation>Wählen Sie zwei Versionen zum Vergleichen.</translation>
    </message>
    <message>
        <source>Comparing version %1 with version %2…</source>
        <translation>Version %1 wird mit Version %2 verglichen…</translation>
    </message>
    <message>
        <source>%1 changed, %2 added, %3 removed</source>
        <translation>%1 geändert, %2 hinzugefügt, %3 entfernt</translation>
    </message>
    <message>
        <source>Version %1 → version %2. Result: %3. Artifact: %4. Only the differences are listed; the Versions tab shows each version whole.</source>
        <translation>Version %1 → Version %2. Ergebnis: %3. Artefakt: %4. Nur die Unterschiede werden aufgeführt; der Reiter Versionen zeigt jede Version vollständig.</translation>
    </message>
</context>
<context>
    <name>dpm::ProposalFindingsModel</name>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>Vorschlag</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Event id</source>
        <translation>Ereignis-ID</translation>
    </message>
    <message>
        <source>Approval id</source>
        <translation>Freigabe-ID</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Befund</translation>
    </message>
</context>
<context>
    <name>dpm::ProposalIdempotencyModel</name>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Idempotency key</source>
        <translation>Idempotenzschlüssel</translation>
    </message>
    <message>
        <source>Request hash</source>
        <translation>Anfrage-Hash</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
</context>
<context>
    <name>dpm::ProposalOperationsModel</name>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Operation id</source>
        <translation>Vorgangs-ID</translation>
    </message>
    <message>
        <source>Correlation id</source>
        <translation>Korrelations-ID</translation>
    </message>
    <message>
        <source>Idempotency key</source>
        <translation>Idempotenzschlüssel</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>Erstellt von</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
</context>
<context>
    <name>dpm::ProposalPane</name>
    <message>
        <source>Proposal</source>
        <translation>Vorschlag</translation>
    </message>
    <message>
        <source>Proposal state</source>
        <translation>Vorschlagszustand</translation>
    </message>
    <message>
        <source>Open a proposal from the Proposals page or find it by any of its identifiers (Ctrl+K).</source>
        <translation>Öffnen Sie einen Vorschlag auf der Seite Vorschläge oder suchen Sie ihn über eine seiner Kennungen (Strg+K).</translation>
    </message>
    <message>
        <source>Proposal title</source>
        <translation>Vorschlagstitel</translation>
    </message>
    <message>
        <source>Proposal facts</source>
        <translation>Eckdaten des Vorschlags</translation>
    </message>
    <message>
        <source>Proposal sections</source>
        <translation>Abschnitte des Vorschlags</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Zeitleiste</translation>
    </message>
    <message>
        <source>T&amp;imeline</source>
        <translation>Zeit&amp;leiste</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versionen</translation>
    </message>
    <message>
        <source>&amp;Versions</source>
        <translation>&amp;Versionen</translation>
    </message>
    <message>
        <source>&amp;Diff</source>
        <translation>&amp;Unterschiede</translation>
    </message>
    <message>
        <source>Async operations</source>
        <translation>Asynchrone Vorgänge</translation>
    </message>
    <message>
        <source>&amp;Operations</source>
        <translation>V&amp;orgänge</translation>
    </message>
    <message>
        <source>Idempotency</source>
        <translation>Idempotenz</translation>
    </message>
    <message>
        <source>Ide&amp;mpotency</source>
        <translation>Ide&amp;mpotenz</translation>
    </message>
    <message>
        <source>Integrity summary</source>
        <translation>Integritätsübersicht</translation>
    </message>
    <message>
        <source>Integrity findings</source>
        <translation>Integritätsbefunde</translation>
    </message>
    <message>
        <source>Selected finding</source>
        <translation>Ausgewählter Befund</translation>
    </message>
    <message>
        <source>Inte&amp;grity</source>
        <translation>Inte&amp;grität</translation>
    </message>
    <message>
        <source>Ctrl+%1</source>
        <translation>Strg+%1</translation>
    </message>
    <message>
        <source>Loading proposal %1…</source>
        <translation>Vorschlag %1 wird geladen…</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Portfolio</source>
        <translation>Portfolio</translation>
    </message>
    <message>
        <source>Mandate</source>
        <translation>Mandat</translation>
    </message>
    <message>
        <source>Jurisdiction</source>
        <translation>Rechtsraum</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>Erstellt von</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Last event</source>
        <translation>Letztes Ereignis</translation>
    </message>
    <message>
        <source>Current version</source>
        <translation>Aktuelle Version</translation>
    </message>
    <message>
        <source>Workflow events: %1, approvals: %2, merged oldest first.</source>
        <translation>Workflow-Ereignisse: %1, Freigaben: %2, zusammengeführt, älteste zuerst.</translation>
    </message>
    <message>
        <source>✔ No integrity findings: the history replays by the §4.2 transition map and every artifact hash matches.</source>
        <translation>✔ Keine Integritätsbefunde: Der Verlauf lässt sich nach der Übergangstabelle aus §4.2 nachspielen, und jeder Artefakt-Hash stimmt.</translation>
    </message>
    <message>
        <source>Inte&amp;grity (%1)</source>
        <translation>Inte&amp;grität (%1)</translation>
    </message>
    <message numerus="yes">
        <source>✘ %n integrity finding(s) for this proposal.</source>
        <translation>
            <numerusform>✘ %n Integritätsbefund für diesen Vorschlag.</numerusform>
            <numerusform>✘ %n Integritätsbefunde für diesen Vorschlag.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Lineage</source>
        <translation>&amp;Herkunft</translation>
    </message>
    <message>
        <source>The lineage graph centred on this proposal (Ctrl+Shift+G)</source>
        <translation>Der Herkunftsgraph mit diesem Vorschlag in der Mitte (Strg+Umschalt+G)</translation>
    </message>
    <message>
        <source>Copy lin&amp;k</source>
        <translation>Lin&amp;k kopieren</translation>
    </message>
    <message>
        <source>Copy this proposal&apos;s dpm:// link (with the version shown on the Versions tab)</source>
        <translation>Den dpm://-Link dieses Vorschlags kopieren (mit der Version, die der Reiter Versionen zeigt)</translation>
    </message>
</context>
<context>
    <name>dpm::ProposalTimelineModel</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Eintrag</translation>
    </message>
    <message>
        <source>From → to</source>
        <translation>Von → nach</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Akteur</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>Freigabe</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Reason / details</source>
        <translation>Grund / Details</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>approval</source>
        <translation>Freigabe</translation>
    </message>
</context>
<context>
    <name>dpm::ProposalVersionViewer</name>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Artifact verification</source>
        <translation>Artefaktprüfung</translation>
    </message>
    <message>
        <source>Proposal result JSON</source>
        <translation>JSON des Vorschlagsergebnisses</translation>
    </message>
    <message>
        <source>Artifact JSON</source>
        <translation>JSON des Artefakts</translation>
    </message>
    <message>
        <source>Evidence bundle JSON</source>
        <translation>JSON des Nachweispakets</translation>
    </message>
    <message>
        <source>Gate decision JSON</source>
        <translation>JSON der Gate-Entscheidung</translation>
    </message>
    <message>
        <source>Version parts</source>
        <translation>Teile der Version</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Artifact</source>
        <translation>Artefakt</translation>
    </message>
    <message>
        <source>Evidence bundle</source>
        <translation>Nachweispaket</translation>
    </message>
    <message>
        <source>Gate decision</source>
        <translation>Gate-Entscheidung</translation>
    </message>
    <message>
        <source>Select a version to see its result, artifact, evidence and gate decision.</source>
        <translation>Wählen Sie eine Version, um Ergebnis, Artefakt, Nachweise und Gate-Entscheidung zu sehen.</translation>
    </message>
    <message>
        <source>Loading version %1…</source>
        <translation>Version %1 wird geladen…</translation>
    </message>
    <message>
        <source>Version %1 — %2, created %3, id %4</source>
        <translation>Version %1 – %2, erstellt %3, ID %4</translation>
    </message>
    <message>
        <source>✘ The artifact cannot be hashed: %1</source>
        <translation>✘ Das Artefakt kann nicht gehasht werden: %1</translation>
    </message>
    <message>
        <source>✔ Artifact hash verified: %1</source>
        <translation>✔ Artefakt-Hash bestätigt: %1</translation>
    </message>
    <message>
        <source>✘ Artifact hash mismatch: stored %1, computed %2</source>
        <translation>✘ Artefakt-Hash stimmt nicht: gespeichert %1, berechnet %2</translation>
    </message>
</context>
<context>
    <name>dpm::ProposalVersionsModel</name>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Status at creation</source>
        <translation>Status bei Erstellung</translation>
    </message>
    <message>
        <source>Artifact hash</source>
        <translation>Artefakt-Hash</translation>
    </message>
    <message>
        <source>Request hash</source>
        <translation>Anfrage-Hash</translation>
    </message>
    <message>
        <source>Simulation hash</source>
        <translation>Simulations-Hash</translation>
    </message>
    <message>
        <source>Version id</source>
        <translation>Versions-ID</translation>
    </message>
</context>
<context>
    <name>dpm::ProposalsPage</name>
    <message>
        <source>&amp;Created:</source>
        <translation>&amp;Erstellt:</translation>
    </message>
    <message>
        <source>S&amp;tate:</source>
        <translation>&amp;Zustand:</translation>
    </message>
    <message>
        <source>&amp;Portfolio:</source>
        <translation>&amp;Portfolio:</translation>
    </message>
    <message>
        <source>portfolio id</source>
        <translation>Portfolio-ID</translation>
    </message>
    <message>
        <source>Created &amp;by:</source>
        <translation>Erstellt &amp;von:</translation>
    </message>
    <message>
        <source>actor id</source>
        <translation>Akteur-ID</translation>
    </message>
    <message>
        <source>Proposals</source>
        <translation>Vorschläge</translation>
    </message>
    <message>
        <source>Retr&amp;y</source>
        <translation>Erneut versuc&amp;hen</translation>
    </message>
    <message>
        <source>Retry the proposal store</source>
        <translation>Vorschlagsspeicher erneut versuchen</translation>
    </message>
</context>
<context>
    <name>dpm::PurgeReportModel</name>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>Cut-off</source>
        <translation>Stichtag</translation>
    </message>
    <message>
        <source>disabled (below 1)</source>
        <translation>ausgeschaltet (unter 1)</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
</context>
<context>
    <name>dpm::RetentionTab</name>
    <message>
        <source>Now</source>
        <translation>Auf jetzt setzen</translation>
    </message>
    <message>
        <source>&amp;Dry run</source>
        <translation>&amp;Vorschau</translation>
    </message>
    <message>
        <source>Purge &amp;runs…</source>
        <translation>&amp;Läufe bereinigen…</translation>
    </message>
    <message>
        <source>Purge &amp;operations…</source>
        <translation>V&amp;orgänge bereinigen…</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>0 (disabled)</source>
        <translation>0 (ausgeschaltet)</translation>
    </message>
    <message>
        <source>Retention days</source>
        <translation>Aufbewahrungstage</translation>
    </message>
    <message>
        <source>Runs created more than this many days before Now expire (0 disables the purge).</source>
        <translation>Läufe, die mehr als so viele Tage vor Jetzt erstellt wurden, laufen ab (0 schaltet die Bereinigung aus).</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Async operation TTL seconds</source>
        <translation>TTL asynchroner Vorgänge in Sekunden</translation>
    </message>
    <message>
        <source>Operations finished (or created) more than this many seconds before Now expire.</source>
        <translation>Vorgänge, die mehr als so viele Sekunden vor Jetzt beendet (oder erstellt) wurden, laufen ab.</translation>
    </message>
    <message>
        <source>The moment the cut-off is taken from.</source>
        <translation>Der Zeitpunkt, von dem aus der Stichtag berechnet wird.</translation>
    </message>
    <message>
        <source>Set Now to the current time</source>
        <translation>Jetzt auf die aktuelle Zeit setzen</translation>
    </message>
    <message>
        <source>Dry run</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>Purge runs</source>
        <translation>Läufe bereinigen</translation>
    </message>
    <message>
        <source>Purge operations</source>
        <translation>Vorgänge bereinigen</translation>
    </message>
    <message>
        <source>Rows per table</source>
        <translation>Zeilen je Tabelle</translation>
    </message>
    <message>
        <source>Purge progress</source>
        <translation>Fortschritt der Bereinigung</translation>
    </message>
    <message>
        <source>Purge progress text</source>
        <translation>Fortschrittstext der Bereinigung</translation>
    </message>
    <message>
        <source>Cancel the dry run or purge</source>
        <translation>Vorschau oder Bereinigung abbrechen</translation>
    </message>
    <message>
        <source>Purge result</source>
        <translation>Ergebnis der Bereinigung</translation>
    </message>
    <message>
        <source>Stops the statement on the database: a purge then deletes nothing.</source>
        <translation>Hält die Anweisung in der Datenbank an: Eine Bereinigung löscht dann nichts.</translation>
    </message>
    <message>
        <source>Retention &amp;days:</source>
        <translation>Aufbewahrungs&amp;tage:</translation>
    </message>
    <message>
        <source>Operation &amp;TTL:</source>
        <translation>Vorgangs-&amp;TTL:</translation>
    </message>
    <message>
        <source>&amp;Now:</source>
        <translation>&amp;Jetzt:</translation>
    </message>
    <message>
        <source>Read-only: unlock the admin page to purge.</source>
        <translation>Schreibgeschützt: Entsperren Sie die Verwaltungsseite, um zu bereinigen.</translation>
    </message>
    <message>
        <source>Counts, asks for confirmation, then deletes expired runs.</source>
        <translation>Zählt, fragt nach einer Bestätigung und löscht dann abgelaufene Läufe.</translation>
    </message>
    <message>
        <source>Counts, asks for confirmation, then deletes expired operations.</source>
        <translation>Zählt, fragt nach einer Bestätigung und löscht dann abgelaufene Vorgänge.</translation>
    </message>
    <message>
        <source>Counting what would be deleted…</source>
        <translation>Es wird gezählt, was gelöscht würde…</translation>
    </message>
    <message>
        <source>Dry run: nothing was deleted. These rows would be.</source>
        <translation>Vorschau: Es wurde nichts gelöscht. Diese Zeilen wären betroffen.</translation>
    </message>
    <message>
        <source>Dry run cancelled.</source>
        <translation>Vorschau abgebrochen.</translation>
    </message>
    <message>
        <source>The dry run failed: %1: %2</source>
        <translation>Die Vorschau ist fehlgeschlagen: %1: %2</translation>
    </message>
    <message>
        <source>Read-only: unlock the admin page before purging.</source>
        <translation>Schreibgeschützt: Entsperren Sie die Verwaltungsseite, bevor Sie bereinigen.</translation>
    </message>
    <message>
        <source>Cancelled while counting: nothing was deleted.</source>
        <translation>Beim Zählen abgebrochen: Es wurde nichts gelöscht.</translation>
    </message>
    <message>
        <source>Cannot purge: %1: %2</source>
        <translation>Bereinigen nicht möglich: %1: %2</translation>
    </message>
    <message>
        <source>Retention days is 0: the run purge is disabled, nothing to delete.</source>
        <translation>Die Aufbewahrungstage sind 0: Die Bereinigung der Läufe ist ausgeschaltet, es gibt nichts zu löschen.</translation>
    </message>
    <message>
        <source>The TTL is 0: the operation purge is disabled, nothing to delete.</source>
        <translation>Die TTL ist 0: Die Bereinigung der Vorgänge ist ausgeschaltet, es gibt nichts zu löschen.</translation>
    </message>
    <message>
        <source>Delete %1 rows of runs created before %2 from %3?</source>
        <translation>%1 Zeilen von Läufen, die vor %2 erstellt wurden, aus %3 löschen?</translation>
    </message>
    <message>
        <source>Delete %1 async operations finished before %2 from %3?</source>
        <translation>%1 asynchrone Vorgänge, die vor %2 beendet wurden, aus %3 löschen?</translation>
    </message>
    <message>
        <source>Not purged: the counts above are what a purge would delete.</source>
        <translation>Nicht bereinigt: Die Zahlen oben zeigen, was eine Bereinigung löschen würde.</translation>
    </message>
    <message>
        <source>Purging in one transaction (Cancel or a failure rolls it back: nothing is deleted)…</source>
        <translation>Bereinigung in einer Transaktion (Abbrechen oder ein Fehler macht sie rückgängig: Es wird nichts gelöscht)…</translation>
    </message>
    <message>
        <source>Deleted %1 rows in %2 ms (cut-off %3).</source>
        <translation>%1 Zeilen in %2 ms gelöscht (Stichtag %3).</translation>
    </message>
    <message>
        <source>Not recorded in the audit log: %1: %2</source>
        <translation>Nicht im Audit-Protokoll festgehalten: %1: %2</translation>
    </message>
    <message>
        <source>Recorded in the audit log.</source>
        <translation>Im Audit-Protokoll festgehalten.</translation>
    </message>
    <message>
        <source>Purge cancelled: nothing was deleted. Recorded in the audit log.</source>
        <translation>Bereinigung abgebrochen: Es wurde nichts gelöscht. Im Audit-Protokoll festgehalten.</translation>
    </message>
    <message>
        <source>The purge failed, nothing was deleted: %1: %2</source>
        <translation>Die Bereinigung ist fehlgeschlagen, es wurde nichts gelöscht: %1: %2</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
</context>
<context>
    <name>dpm::RuleResultsModel</name>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Reason code</source>
        <translation>Grundcode</translation>
    </message>
    <message>
        <source>Measured</source>
        <translation>Gemessen</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Schwellenwert</translation>
    </message>
    <message>
        <source>Remediation</source>
        <translation>Abhilfe</translation>
    </message>
    <message>
        <source>min %1</source>
        <translation>min. %1</translation>
    </message>
    <message>
        <source>max %1</source>
        <translation>max. %1</translation>
    </message>
</context>
<context>
    <name>dpm::RunBundlePane</name>
    <message>
        <source>Run bundle</source>
        <translation>Lauf-Bundle</translation>
    </message>
    <message>
        <source>E&amp;xport bundle…</source>
        <translation>Bundle e&amp;xportieren…</translation>
    </message>
    <message>
        <source>Export the bundle as dpmctl bundle --json writes it (Ctrl+Shift+E)</source>
        <translation>Das Bundle so exportieren, wie dpmctl bundle --json es schreibt (Strg+Umschalt+E)</translation>
    </message>
    <message>
        <source>Open b&amp;undle file…</source>
        <translation>B&amp;undle-Datei öffnen…</translation>
    </message>
    <message>
        <source>Show an exported bundle file, read-only, without a store</source>
        <translation>Eine exportierte Bundle-Datei schreibgeschützt und ohne Datenspeicher anzeigen</translation>
    </message>
    <message>
        <source>Open a run to see its support bundle, or open a bundle file.</source>
        <translation>Öffnen Sie einen Lauf, um sein Support-Bundle zu sehen, oder öffnen Sie eine Bundle-Datei.</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Loading</source>
        <translation>Wird geladen</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <source>Cancel loading</source>
        <translation>Laden abbrechen</translation>
    </message>
    <message>
        <source>Error code</source>
        <translation>Fehlercode</translation>
    </message>
    <message>
        <source>Error message</source>
        <translation>Fehlermeldung</translation>
    </message>
    <message>
        <source>Bundle title</source>
        <translation>Bundle-Titel</translation>
    </message>
    <message>
        <source>Offline bundle</source>
        <translation>Offline-Bundle</translation>
    </message>
    <message>
        <source>Export status</source>
        <translation>Exportstatus</translation>
    </message>
    <message>
        <source>Bundle sections</source>
        <translation>Abschnitte des Bundles</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Überblick</translation>
    </message>
    <message>
        <source>Result JSON</source>
        <translation>Ergebnis-JSON</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Artifact verification</source>
        <translation>Artefaktprüfung</translation>
    </message>
    <message>
        <source>Artifact JSON</source>
        <translation>JSON des Artefakts</translation>
    </message>
    <message>
        <source>Artifact</source>
        <translation>Artefakt</translation>
    </message>
    <message>
        <source>Workflow decisions</source>
        <translation>Workflow-Entscheidungen</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Entscheidungen</translation>
    </message>
    <message>
        <source>Idempotency history</source>
        <translation>Idempotenzverlauf</translation>
    </message>
    <message>
        <source>Double-click or press Enter on a row to open its run</source>
        <translation>Doppelklick oder Eingabetaste auf einer Zeile öffnet ihren Lauf</translation>
    </message>
    <message>
        <source>Idempotency</source>
        <translation>Idempotenz</translation>
    </message>
    <message>
        <source>Async operation</source>
        <translation>Asynchroner Vorgang</translation>
    </message>
    <message>
        <source>Run events</source>
        <translation>Laufereignisse</translation>
    </message>
    <message>
        <source>Lineage edges</source>
        <translation>Herkunftskanten</translation>
    </message>
    <message>
        <source>Double-click or press Enter on a source or target to open or find it</source>
        <translation>Doppelklick oder Eingabetaste auf einer Quelle oder einem Ziel öffnet oder sucht es</translation>
    </message>
    <message>
        <source>Lineage</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation>Ü&amp;berblick</translation>
    </message>
    <message>
        <source>&amp;Result</source>
        <translation>&amp;Ergebnis</translation>
    </message>
    <message>
        <source>Ar&amp;tifact</source>
        <translation>Ar&amp;tefakt</translation>
    </message>
    <message>
        <source>&amp;Decisions</source>
        <translation>&amp;Entscheidungen</translation>
    </message>
    <message>
        <source>&amp;Idempotency</source>
        <translation>&amp;Idempotenz</translation>
    </message>
    <message>
        <source>Async o&amp;peration</source>
        <translation>Asynchroner &amp;Vorgang</translation>
    </message>
    <message>
        <source>E&amp;vents</source>
        <translation>Ereig&amp;nisse</translation>
    </message>
    <message>
        <source>&amp;Lineage</source>
        <translation>&amp;Herkunft</translation>
    </message>
    <message>
        <source>Lineage graph</source>
        <translation>Herkunftsgraph</translation>
    </message>
    <message>
        <source>Gr&amp;aph</source>
        <translation>Gr&amp;aph</translation>
    </message>
    <message>
        <source>Ctrl+%1</source>
        <translation>Strg+%1</translation>
    </message>
    <message>
        <source>Loading was cancelled.</source>
        <translation>Das Laden wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Loading the support bundle of %1…</source>
        <translation>Das Support-Bundle von %1 wird geladen…</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 wird gelesen…</translation>
    </message>
    <message>
        <source>No store is open; open a store, then open the run again.</source>
        <translation>Es ist kein Datenspeicher geöffnet; öffnen Sie einen Datenspeicher und dann erneut den Lauf.</translation>
    </message>
    <message>
        <source>Run %1</source>
        <translation>Lauf %1</translation>
    </message>
    <message>
        <source>Offline bundle: %1 (read-only, not from a store)</source>
        <translation>Offline-Bundle: %1 (schreibgeschützt, nicht aus einem Datenspeicher)</translation>
    </message>
    <message>
        <source>The stored result_json is not JSON (%1). Raw text: %2</source>
        <translation>Das gespeicherte result_json ist kein JSON (%1). Rohtext: %2</translation>
    </message>
    <message>
        <source>No workflow decisions for this run.</source>
        <translation>Keine Workflow-Entscheidungen zu diesem Lauf.</translation>
    </message>
    <message>
        <source>This run has no idempotency key.</source>
        <translation>Dieser Lauf hat keinen Idempotenzschlüssel.</translation>
    </message>
    <message>
        <source>Key %1 — entries: %2, replays: %3, conflicts: %4. A replay repeats the request the key mapped to; a conflict re-used the key with a different request. Enter or double-click opens a run.</source>
        <translation>Schlüssel %1 – Einträge: %2, Wiederholungen: %3, Konflikte: %4. Eine Wiederholung wiederholt die Anfrage, der der Schlüssel zugeordnet war; ein Konflikt hat den Schlüssel mit einer anderen Anfrage wiederverwendet. Eingabetaste oder Doppelklick öffnet einen Lauf.</translation>
    </message>
    <message>
        <source>No lineage edges touch this run.</source>
        <translation>Keine Herkunftskanten berühren diesen Lauf.</translation>
    </message>
    <message>
        <source>Edges touching this run: %1. Enter or double-click on a source or target opens it.</source>
        <translation>Kanten, die diesen Lauf berühren: %1. Eingabetaste oder Doppelklick auf einer Quelle oder einem Ziel öffnet sie.</translation>
    </message>
    <message>
        <source>persisted artifact</source>
        <translation>gespeichertes Artefakt</translation>
    </message>
    <message>
        <source>derived from the result</source>
        <translation>aus dem Ergebnis abgeleitet</translation>
    </message>
    <message>
        <source>checked against the file&apos;s JSON</source>
        <translation>gegen das JSON der Datei geprüft</translation>
    </message>
    <message>
        <source>✔ Artifact hash verified: %1 (%2)</source>
        <translation>✔ Artefakt-Hash bestätigt: %1 (%2)</translation>
    </message>
    <message>
        <source>✘ Artifact hash mismatch: stored %1, computed %2 (%3)</source>
        <translation>✘ Artefakt-Hash stimmt nicht: gespeichert %1, berechnet %2 (%3)</translation>
    </message>
    <message>
        <source>No hash stored in the artifact; computed %1 (%2)</source>
        <translation>Kein Hash im Artefakt gespeichert; berechnet %1 (%2)</translation>
    </message>
    <message>
        <source>✘ The stored artifact cannot be read: %1</source>
        <translation>✘ Das gespeicherte Artefakt kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>No artifact in this bundle.</source>
        <translation>Kein Artefakt in diesem Bundle.</translation>
    </message>
    <message>
        <source>BUNDLE_EXPORT_FAILED: %1 could not be written (%2); choose another folder.</source>
        <translation>BUNDLE_EXPORT_FAILED: %1 konnte nicht geschrieben werden (%2); wählen Sie einen anderen Ordner.</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Exportiert nach %1</translation>
    </message>
    <message>
        <source>Export bundle</source>
        <translation>Bundle exportieren</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON-Dateien (*.json)</translation>
    </message>
    <message>
        <source>Open bundle file</source>
        <translation>Bundle-Datei öffnen</translation>
    </message>
    <message>
        <source>JSON files (*.json);;All files (*)</source>
        <translation>JSON-Dateien (*.json);;Alle Dateien (*)</translation>
    </message>
    <message numerus="yes">
        <source>%n workflow decision(s), oldest first.</source>
        <translation>
            <numerusform>%n Workflow-Entscheidung.</numerusform>
            <numerusform>%n Workflow-Entscheidungen, älteste zuerst.</numerusform>
        </translation>
    </message>
    <message>
        <source>The lineage page centred on this run (Ctrl+Shift+G)</source>
        <translation>Die Herkunftsseite, auf diesen Lauf zentriert (Strg+Umschalt+G)</translation>
    </message>
</context>
<context>
    <name>dpm::RunEventsModel</name>
    <message>
        <source>Seq</source>
        <translation>Seq.</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Zeit (UTC)</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Idempotency key</source>
        <translation>Idempotenzschlüssel</translation>
    </message>
    <message>
        <source>Deliveries</source>
        <translation>Zustellungen</translation>
    </message>
    <message>
        <source>(no deliveries)</source>
        <translation>(keine Zustellungen)</translation>
    </message>
</context>
<context>
    <name>dpm::RunsPage</name>
    <message>
        <source>&amp;Created:</source>
        <translation>&amp;Erstellt:</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <source>&amp;Portfolio:</source>
        <translation>&amp;Portfolio:</translation>
    </message>
    <message>
        <source>portfolio id</source>
        <translation>Portfolio-ID</translation>
    </message>
    <message>
        <source>Request &amp;hash:</source>
        <translation>Anfrage-&amp;Hash:</translation>
    </message>
    <message>
        <source>sha256:…</source>
        <translation>sha256:…</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
</context>
<context>
    <name>dpm::SavedConnectionsWidget</name>
    <message>
        <source>Save &amp;as…</source>
        <translation>Speichern &amp;unter…</translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Sa&amp;ved and recent:</source>
        <translation>Gespeichert und &amp;zuletzt verwendet:</translation>
    </message>
    <message>
        <source>Saved connections and recent stores</source>
        <translation>Gespeicherte Verbindungen und zuletzt verwendete Datenspeicher</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Saved connections</source>
        <translation>Gespeicherte Verbindungen</translation>
    </message>
    <message>
        <source>Recent stores</source>
        <translation>Zuletzt verwendete Datenspeicher</translation>
    </message>
    <message>
        <source>Save the connection as</source>
        <translation>Verbindung speichern unter</translation>
    </message>
    <message>
        <source>Save these settings under a name (never the password).</source>
        <translation>Diese Einstellungen unter einem Namen speichern (nie das Passwort).</translation>
    </message>
    <message>
        <source>Delete the saved connection</source>
        <translation>Gespeicherte Verbindung löschen</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>In memory</source>
        <translation>Im Arbeitsspeicher</translation>
    </message>
    <message>
        <source>Save Connection</source>
        <translation>Verbindung speichern</translation>
    </message>
    <message>
        <source>Name of the connection (the password is not saved):</source>
        <translation>Name der Verbindung (das Passwort wird nicht gespeichert):</translation>
    </message>
</context>
<context>
    <name>dpm::ServerLocationPage</name>
    <message>
        <source>Server URL</source>
        <translation>Server-URL</translation>
    </message>
    <message>
        <source>https://dpm-api.internal:8443</source>
        <translation>https://dpm-api.internal:8443</translation>
    </message>
    <message>
        <source>A server of the DPM API: dpmctl serve, or the service itself (fewer pages).</source>
        <translation>Ein Server der DPM-API: dpmctl serve oder der Dienst selbst (weniger Seiten).</translation>
    </message>
    <message>
        <source>Ask for the token when the server wants one</source>
        <translation>Nach dem Token fragen, wenn der Server eines verlangt</translation>
    </message>
    <message>
        <source>Ask for the token</source>
        <translation>Nach dem Token fragen</translation>
    </message>
    <message>
        <source>Read the token from a &amp;file</source>
        <translation>Das Token aus einer &amp;Datei lesen</translation>
    </message>
    <message>
        <source>Read the token from a file</source>
        <translation>Das Token aus einer Datei lesen</translation>
    </message>
    <message>
        <source>Token file</source>
        <translation>Token-Datei</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>Du&amp;rchsuchen…</translation>
    </message>
    <message>
        <source>Browse for the token file</source>
        <translation>Die Token-Datei auswählen</translation>
    </message>
    <message>
        <source>CA certificate file</source>
        <translation>CA-Zertifikatsdatei</translation>
    </message>
    <message>
        <source>the system&apos;s CAs</source>
        <translation>die CAs des Systems</translation>
    </message>
    <message>
        <source>A PEM file with the CA that signed the server&apos;s certificate, when the system does not trust it already.</source>
        <translation>Eine PEM-Datei mit der CA, die das Zertifikat des Servers signiert hat, wenn das System ihr nicht bereits vertraut.</translation>
    </message>
    <message>
        <source>Brow&amp;se…</source>
        <translation>Durch&amp;suchen…</translation>
    </message>
    <message>
        <source>Browse for the CA certificate</source>
        <translation>Das CA-Zertifikat auswählen</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <source>Token:</source>
        <translation>Token:</translation>
    </message>
    <message>
        <source>&amp;CA file:</source>
        <translation>&amp;CA-Datei:</translation>
    </message>
    <message>
        <source>Read-only: every page reads through the server; the Admin page stays off. The token is never saved.</source>
        <translation>Nur lesend: Jede Seite liest über den Server; die Seite Verwaltung bleibt ausgeschaltet. Das Token wird nie gespeichert.</translation>
    </message>
    <message>
        <source>Token File</source>
        <translation>Token-Datei</translation>
    </message>
    <message>
        <source>CA Certificate</source>
        <translation>CA-Zertifikat</translation>
    </message>
    <message>
        <source>The server&apos;s URL starts with http:// or https://; enter it in the URL field.</source>
        <translation>Die URL des Servers beginnt mit http:// oder https://; geben Sie sie in das Feld URL ein.</translation>
    </message>
    <message>
        <source>Choose the file that holds the token, or let the console ask for it.</source>
        <translation>Wählen Sie die Datei mit dem Token, oder lassen Sie die Konsole danach fragen.</translation>
    </message>
</context>
<context>
    <name>dpm::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation>&amp;Filter:</translation>
    </message>
    <message>
        <source>Filter shortcuts</source>
        <translation>Tastenkürzel filtern</translation>
    </message>
    <message>
        <source>Action, shortcut or category</source>
        <translation>Aktion, Tastenkürzel oder Kategorie</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>dpm::StoreHealthDialog</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Store health</source>
        <translation>Zustand des Datenspeichers</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>Zustand:</translation>
    </message>
    <message>
        <source>Store:</source>
        <translation>Datenspeicher:</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Rolle:</translation>
    </message>
    <message>
        <source>Pool:</source>
        <translation>Pool:</translation>
    </message>
    <message>
        <source>Reads and writes:</source>
        <translation>Lesen und Schreiben:</translation>
    </message>
    <message>
        <source>Dual-write:</source>
        <translation>Doppeltes Schreiben:</translation>
    </message>
    <message>
        <source>Latency per query kind</source>
        <translation>Latenz je Abfrageart</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Aufrufe</translation>
    </message>
    <message>
        <source>Failures</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>p50 ms</source>
        <translation>p50 ms</translation>
    </message>
    <message>
        <source>p95 ms</source>
        <translation>p95 ms</translation>
    </message>
    <message>
        <source>p99 ms</source>
        <translation>p99 ms</translation>
    </message>
    <message>
        <source>Asking the store…</source>
        <translation>Datenspeicher wird abgefragt…</translation>
    </message>
    <message>
        <source>Latency and failures per query kind (this console, since it started):</source>
        <translation>Latenz und Fehler je Abfrageart (diese Konsole, seit ihrem Start):</translation>
    </message>
    <message>
        <source>Not connected: open a store first.</source>
        <translation>Nicht verbunden: Öffnen Sie zuerst einen Datenspeicher.</translation>
    </message>
    <message>
        <source>Not connected: %1</source>
        <translation>Nicht verbunden: %1</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>in memory</source>
        <translation>im Arbeitsspeicher</translation>
    </message>
    <message>
        <source>replica, replay lag %1 s</source>
        <translation>Replikat, Wiedergabeverzug %1 s</translation>
    </message>
    <message>
        <source>replica, nothing replayed yet</source>
        <translation>Replikat, noch nichts wiedergegeben</translation>
    </message>
    <message>
        <source>single store</source>
        <translation>einzelner Datenspeicher</translation>
    </message>
    <message>
        <source>primary</source>
        <translation>Primärserver</translation>
    </message>
    <message>
        <source>%1 connections, %2 active, %3 idle</source>
        <translation>%1 Verbindungen, %2 aktiv, %3 frei</translation>
    </message>
    <message>
        <source>writes to %1, reads from %2 (PostgreSQL: %3% configured, %4% actual)</source>
        <translation>schreibt in %1, liest aus %2 (PostgreSQL: %3 % eingestellt, %4 % tatsächlich)</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>The store did not answer: %1</source>
        <translation>Der Datenspeicher hat nicht geantwortet: %1</translation>
    </message>
    <message>
        <source>%1 (%2), dual-write to %3</source>
        <translation>%1 (%2), Dual-Write nach %3</translation>
    </message>
    <message>
        <source>on: %1 writes mirrored to PostgreSQL, %2 of them failed; reads answered by the primary %3, by PostgreSQL %4; %5 PostgreSQL reads fell back to the primary</source>
        <translation>an: %1 Schreibzugriffe nach PostgreSQL gespiegelt, %2 davon fehlgeschlagen; Lesezugriffe beantwortet vom Primärspeicher %3, von PostgreSQL %4; %5 PostgreSQL-Lesezugriffe fielen auf den Primärspeicher zurück</translation>
    </message>
    <message>
        <source>%1 connections open, %2 active, %3 idle, %4 waiting; %5 workers</source>
        <translation>%1 Verbindungen offen, %2 aktiv, %3 frei, %4 wartend; %5 Worker</translation>
    </message>
</context>
<context>
    <name>dpm::StoreSession</name>
    <message>
        <source>in memory, no migrations</source>
        <translation>im Arbeitsspeicher, keine Migrationen</translation>
    </message>
    <message>
        <source>up to date</source>
        <translation>aktuell</translation>
    </message>
    <message>
        <source>SQLite</source>
        <translation>SQLite</translation>
    </message>
    <message>
        <source>PostgreSQL</source>
        <translation>PostgreSQL</translation>
    </message>
    <message>
        <source>In memory</source>
        <translation>Im Arbeitsspeicher</translation>
    </message>
    <message>
        <source>The store is not open yet; connect to a store and try again.</source>
        <translation>Der Datenspeicher ist noch nicht geöffnet; verbinden Sie sich mit einem Datenspeicher und versuchen Sie es erneut.</translation>
    </message>
    <message numerus="yes">
        <source>not initialised, %n pending migration(s)</source>
        <translation>
            <numerusform>nicht initialisiert, %n ausstehende Migration</numerusform>
            <numerusform>nicht initialisiert, %n ausstehende Migrationen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n modified migration(s)</source>
        <translation>
            <numerusform>%n geänderte Migration</numerusform>
            <numerusform>%n geänderte Migrationen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pending migration(s)</source>
        <translation>
            <numerusform>%n ausstehende Migration</numerusform>
            <numerusform>%n ausstehende Migrationen</numerusform>
        </translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>read-only over a server</source>
        <translation>nur lesend über einen Server</translation>
    </message>
    <message>
        <source>The server&apos;s store has no advisory proposal tables (an older service database), so there are no proposals to show.</source>
        <translation>Der Datenspeicher des Servers hat keine Tabellen für Beratungsvorschläge (eine ältere Datenbank des Dienstes), daher gibt es keine Vorschläge anzuzeigen.</translation>
    </message>
    <message>
        <source>This store has no advisory proposal tables (an older service database): apply the migrations on the Admin page to read proposals here.</source>
        <translation>Dieser Datenspeicher hat keine Tabellen für Beratungsvorschläge (eine ältere Datenbank des Dienstes): Wenden Sie die Migrationen auf der Seite Verwaltung an, um hier Vorschläge zu lesen.</translation>
    </message>
    <message>
        <source>The server offers no run events or outbox: its store has no such tables (an older service database), or it serves only the service&apos;s API.</source>
        <translation>Der Server bietet keine Laufereignisse und keine Outbox: Sein Datenspeicher hat keine solchen Tabellen (eine ältere Datenbank des Dienstes), oder er stellt nur die API des Dienstes bereit.</translation>
    </message>
    <message>
        <source>This store has no run event and outbox tables (an older service database): apply the console migrations on the Admin page to read the outbox.</source>
        <translation>Dieser Datenspeicher hat keine Tabellen für Laufereignisse und Outbox (eine ältere Datenbank des Dienstes): Wenden Sie die Konsolenmigrationen auf der Seite Verwaltung an, um die Outbox zu lesen.</translation>
    </message>
    <message>
        <source>The proposal store is unreachable (%1): %2</source>
        <translation>Der Vorschlagsspeicher ist nicht erreichbar (%1): %2</translation>
    </message>
</context>
<context>
    <name>dpm::StoreStatusPanel</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <source>&amp;Connect to another store…</source>
        <translation>Mit einem anderen Datenspeicher &amp;verbinden…</translation>
    </message>
    <message>
        <source>Store status</source>
        <translation>Status des Datenspeichers</translation>
    </message>
    <message>
        <source>Opening the store</source>
        <translation>Datenspeicher wird geöffnet</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>%1 wird geöffnet…</translation>
    </message>
    <message>
        <source>Connecting and checking the schema. A server that does not answer gives up after 10 seconds.</source>
        <translation>Verbindung wird aufgebaut und das Schema geprüft. Ein Server, der nicht antwortet, wird nach 10 Sekunden aufgegeben.</translation>
    </message>
    <message>
        <source>Preparing %1…</source>
        <translation>%1 wird vorbereitet…</translation>
    </message>
    <message>
        <source>First start: the console&apos;s own store is being filled with demo data.</source>
        <translation>Erster Start: Der konsoleneigene Datenspeicher wird mit Demodaten gefüllt.</translation>
    </message>
    <message>
        <source>Could not open %1</source>
        <translation>%1 konnte nicht geöffnet werden</translation>
    </message>
</context>
<context>
    <name>dpm::SummaryCharts</name>
    <message>
        <source>Runs by status</source>
        <translation>Läufe nach Status</translation>
    </message>
    <message>
        <source>Operations by status</source>
        <translation>Vorgänge nach Status</translation>
    </message>
    <message>
        <source>Workflow decisions by action</source>
        <translation>Workflow-Entscheidungen nach Aktion</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Entscheidungen</translation>
    </message>
    <message>
        <source>Workflow decisions by reason code (top %1)</source>
        <translation>Workflow-Entscheidungen nach Grundcode (Top %1)</translation>
    </message>
    <message>
        <source>(other)</source>
        <translation>(sonstige)</translation>
    </message>
    <message>
        <source>Runs per day, %1 to %2 (UTC)</source>
        <translation>Läufe pro Tag, %1 bis %2 (UTC)</translation>
    </message>
    <message>
        <source>Runs per day</source>
        <translation>Läufe pro Tag</translation>
    </message>
    <message>
        <source>(no status)</source>
        <translation>(kein Status)</translation>
    </message>
    <message>
        <source>Workflow decisions per day by action (UTC)</source>
        <translation>Workflow-Entscheidungen pro Tag nach Aktion (UTC)</translation>
    </message>
    <message>
        <source>Advisory proposals by state</source>
        <translation>Beratungsvorschläge nach Zustand</translation>
    </message>
    <message>
        <source>Proposal approvals per day by type and outcome (UTC)</source>
        <translation>Vorschlagsfreigaben pro Tag nach Art und Ergebnis (UTC)</translation>
    </message>
</context>
<context>
    <name>dpm::SummaryExport</name>
    <message>
        <source>Could not write %1 (%2); choose a folder you can write to.</source>
        <translation>%1 konnte nicht geschrieben werden (%2); wählen Sie einen Ordner, in den Sie schreiben dürfen.</translation>
    </message>
    <message>
        <source>the image could not be encoded</source>
        <translation>das Bild konnte nicht kodiert werden</translation>
    </message>
</context>
<context>
    <name>dpm::SummaryPage</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Export &amp;PNG…</source>
        <translation>&amp;PNG exportieren…</translation>
    </message>
    <message>
        <source>Export &amp;JSON…</source>
        <translation>&amp;JSON exportieren…</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <source>Re&amp;try</source>
        <translation>Erneut &amp;versuchen</translation>
    </message>
    <message>
        <source>Last 30 days of data</source>
        <translation>Die letzten 30 Tage mit Daten</translation>
    </message>
    <message>
        <source>Last 90 days of data</source>
        <translation>Die letzten 90 Tage mit Daten</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>Eigener Zeitraum</translation>
    </message>
    <message>
        <source>Per-day range</source>
        <translation>Zeitraum pro Tag</translation>
    </message>
    <message>
        <source>R&amp;ange:</source>
        <translation>&amp;Zeitraum:</translation>
    </message>
    <message>
        <source>Range from day (UTC)</source>
        <translation>Zeitraum ab Tag (UTC)</translation>
    </message>
    <message>
        <source>Range to day (UTC)</source>
        <translation>Zeitraum bis Tag (UTC)</translation>
    </message>
    <message>
        <source>Refresh the summary</source>
        <translation>Übersicht aktualisieren</translation>
    </message>
    <message>
        <source>Read the summary again (F5)</source>
        <translation>Die Übersicht neu lesen (F5)</translation>
    </message>
    <message>
        <source>Export the dashboard as PNG</source>
        <translation>Das Dashboard als PNG exportieren</translation>
    </message>
    <message>
        <source>Export the summary as JSON</source>
        <translation>Die Übersicht als JSON exportieren</translation>
    </message>
    <message>
        <source>The same fields as dpmctl summary --json</source>
        <translation>Dieselben Felder wie dpmctl summary --json</translation>
    </message>
    <message>
        <source>Loading the summary</source>
        <translation>Übersicht wird geladen</translation>
    </message>
    <message>
        <source>Cancel loading the summary</source>
        <translation>Laden der Übersicht abbrechen</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Retry loading the summary</source>
        <translation>Laden der Übersicht erneut versuchen</translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>Summen</translation>
    </message>
    <message>
        <source>Supportability posture</source>
        <translation>Supportability-Lage</translation>
    </message>
    <message>
        <source>Supportability</source>
        <translation>Supportfähigkeit</translation>
    </message>
    <message>
        <source>Run status chart</source>
        <translation>Diagramm Laufstatus</translation>
    </message>
    <message>
        <source>Operation status chart</source>
        <translation>Diagramm Vorgangsstatus</translation>
    </message>
    <message>
        <source>Workflow action chart</source>
        <translation>Diagramm Workflow-Aktionen</translation>
    </message>
    <message>
        <source>Reason code chart</source>
        <translation>Diagramm Grundcodes</translation>
    </message>
    <message>
        <source>Runs per day chart</source>
        <translation>Diagramm Läufe pro Tag</translation>
    </message>
    <message>
        <source>Decisions per day chart</source>
        <translation>Diagramm Entscheidungen pro Tag</translation>
    </message>
    <message>
        <source>Proposal state chart</source>
        <translation>Diagramm Vorschlagszustände</translation>
    </message>
    <message>
        <source>Proposal approvals per day chart</source>
        <translation>Diagramm Vorschlagsfreigaben pro Tag</translation>
    </message>
    <message>
        <source>Summary dashboard</source>
        <translation>Übersichts-Dashboard</translation>
    </message>
    <message>
        <source>Summary state</source>
        <translation>Zustand der Übersicht</translation>
    </message>
    <message>
        <source>The summary is read when a store is open.</source>
        <translation>Die Übersicht wird gelesen, sobald ein Datenspeicher geöffnet ist.</translation>
    </message>
    <message>
        <source>No summary to show: it could not be read (see above).</source>
        <translation>Keine Übersicht anzuzeigen: Sie konnte nicht gelesen werden (siehe oben).</translation>
    </message>
    <message>
        <source>Reading the summary of %1…</source>
        <translation>Die Übersicht von %1 wird gelesen…</translation>
    </message>
    <message>
        <source>Cancelled. Press Refresh (F5) to read the summary.</source>
        <translation>Abgebrochen. Aktualisieren (F5) liest die Übersicht.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>Operations</source>
        <translation>Vorgänge</translation>
    </message>
    <message>
        <source>Workflow decisions</source>
        <translation>Workflow-Entscheidungen</translation>
    </message>
    <message>
        <source>Lineage edges</source>
        <translation>Herkunftskanten</translation>
    </message>
    <message>
        <source>Proposals</source>
        <translation>Vorschläge</translation>
    </message>
    <message>
        <source>Proposal versions</source>
        <translation>Vorschlagsversionen</translation>
    </message>
    <message>
        <source>Proposal approvals</source>
        <translation>Vorschlagsfreigaben</translation>
    </message>
    <message>
        <source>Oldest run</source>
        <translation>Ältester Lauf</translation>
    </message>
    <message>
        <source>Newest run</source>
        <translation>Neuester Lauf</translation>
    </message>
    <message>
        <source>Oldest operation</source>
        <translation>Ältester Vorgang</translation>
    </message>
    <message>
        <source>Newest operation</source>
        <translation>Neuester Vorgang</translation>
    </message>
    <message>
        <source>Deliveries are flowing.</source>
        <translation>Zustellungen fließen.</translation>
    </message>
    <message>
        <source>The oldest PENDING delivery is %1 s old: is the relay running?</source>
        <translation>Die älteste PENDING-Zustellung ist %1 s alt: Läuft das Relay?</translation>
    </message>
    <message>
        <source>Nothing is waiting for delivery.</source>
        <translation>Nichts wartet auf Zustellung.</translation>
    </message>
    <message>
        <source>The backlog is stale too (oldest PENDING %1 s).</source>
        <translation>Auch der Rückstau stockt (älteste PENDING-Zustellung %1 s).</translation>
    </message>
    <message>
        <source>Outbox:</source>
        <translation>Outbox:</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Freshness</source>
        <translation>Aktualität</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>Stand</translation>
    </message>
    <message>
        <source>The summary has not been read yet; refresh, then export.</source>
        <translation>Die Übersicht wurde noch nicht gelesen; aktualisieren Sie sie und exportieren Sie dann.</translation>
    </message>
    <message>
        <source>Export summary as JSON</source>
        <translation>Übersicht als JSON exportieren</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON-Dateien (*.json)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Export dashboard as PNG</source>
        <translation>Dashboard als PNG exportieren</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln delivery(s) DEAD: retry or discard them on the Outbox page.</source>
        <translation>
            <numerusform>%Ln Zustellung ist DEAD: Wiederholen oder verwerfen Sie sie auf der Seite Outbox.</numerusform>
            <numerusform>%Ln Zustellungen sind DEAD: Wiederholen oder verwerfen Sie sie auf der Seite Outbox.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dpm::TimeRangeFilter</name>
    <message>
        <source>Any time</source>
        <translation>Beliebige Zeit</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Custom range (UTC)</source>
        <translation>Eigener Zeitraum (UTC)</translation>
    </message>
    <message>
        <source>Time range</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>From (UTC)</source>
        <translation>Von (UTC)</translation>
    </message>
    <message>
        <source>To (UTC)</source>
        <translation>Bis (UTC)</translation>
    </message>
</context>
<context>
    <name>dpm::TransferTab</name>
    <message>
        <source>&amp;Resume an interrupted backfill from this store</source>
        <translation>Eine unterbrochene Übertragung aus diesem Datenspeicher &amp;fortsetzen</translation>
    </message>
    <message>
        <source>&amp;Backfill…</source>
        <translation>Ü&amp;bertragen…</translation>
    </message>
    <message>
        <source>&amp;Verify parity</source>
        <translation>Parität &amp;prüfen</translation>
    </message>
    <message>
        <source>&amp;Open the target</source>
        <translation>Ziel ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Target store</source>
        <translation>Zieldatenspeicher</translation>
    </message>
    <message>
        <source>The database to copy into: migrated first (Admin › Migrations on it, or dpmctl migrate apply). The password comes from ~/.pgpass, PGPASSWORD or a service file.</source>
        <translation>Die Datenbank, in die kopiert wird: vorher migriert (Verwaltung › Migrationen darauf oder dpmctl migrate apply). Das Passwort kommt aus ~/.pgpass, PGPASSWORD oder einer Servicedatei.</translation>
    </message>
    <message>
        <source>Rows per batch</source>
        <translation>Zeilen je Stapel</translation>
    </message>
    <message>
        <source>Rows per transaction, at most (a batch also ends at about 16 MB).</source>
        <translation>Höchstens so viele Zeilen je Transaktion (ein Stapel endet auch bei etwa 16 MB).</translation>
    </message>
    <message>
        <source>Continue a backfill that stopped (cancelled, failed, or the console closed): the rows already in the target stay, and the copy goes on after them.</source>
        <translation>Eine angehaltene Übertragung fortsetzen (abgebrochen, fehlgeschlagen oder Konsole geschlossen): Die bereits im Ziel vorhandenen Zeilen bleiben, und das Kopieren geht danach weiter.</translation>
    </message>
    <message>
        <source>Backfill</source>
        <translation>Übertragen</translation>
    </message>
    <message>
        <source>Verify parity</source>
        <translation>Parität prüfen</translation>
    </message>
    <message>
        <source>Compare this store and the target row by row; changes nothing.</source>
        <translation>Diesen Datenspeicher und das Ziel Zeile für Zeile vergleichen; ändert nichts.</translation>
    </message>
    <message>
        <source>Transfer progress</source>
        <translation>Fortschritt der Übertragung</translation>
    </message>
    <message>
        <source>Transfer progress text</source>
        <translation>Fortschrittstext der Übertragung</translation>
    </message>
    <message>
        <source>Cancel the backfill or parity check</source>
        <translation>Übertragung oder Paritätsprüfung abbrechen</translation>
    </message>
    <message>
        <source>Transfer result</source>
        <translation>Ergebnis der Übertragung</translation>
    </message>
    <message>
        <source>Stops after the batch in progress; what was committed stays.</source>
        <translation>Hält nach dem laufenden Stapel an; was festgeschrieben wurde, bleibt.</translation>
    </message>
    <message>
        <source>Open the target</source>
        <translation>Ziel öffnen</translation>
    </message>
    <message>
        <source>Switch the console to the target once the parity check found both stores equal.</source>
        <translation>Die Konsole auf das Ziel umschalten, sobald die Paritätsprüfung beide Datenspeicher gleich befunden hat.</translation>
    </message>
    <message>
        <source>Rows per table</source>
        <translation>Zeilen je Tabelle</translation>
    </message>
    <message>
        <source>&amp;Target:</source>
        <translation>&amp;Ziel:</translation>
    </message>
    <message>
        <source>Rows per &amp;batch:</source>
        <translation>Zeilen je &amp;Stapel:</translation>
    </message>
    <message>
        <source>Copy this store into another database — usually from the local SQLite store into PostgreSQL — then check that both hold the same rows before pointing the service at the new one. The backfill only reads this store and writes to the target.</source>
        <translation>Diesen Datenspeicher in eine andere Datenbank kopieren – meist vom lokalen SQLite-Datenspeicher nach PostgreSQL – und dann prüfen, ob beide dieselben Zeilen enthalten, bevor der Dienst auf den neuen zeigt. Die Übertragung liest diesen Datenspeicher nur und schreibt ins Ziel.</translation>
    </message>
    <message>
        <source>The backfill stopped</source>
        <translation>Die Übertragung wurde angehalten</translation>
    </message>
    <message>
        <source>The parity check failed</source>
        <translation>Die Paritätsprüfung ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>Shows source and target, asks for confirmation, then copies every row in batches.</source>
        <translation>Zeigt Quelle und Ziel, fragt nach einer Bestätigung und kopiert dann jede Zeile stapelweise.</translation>
    </message>
    <message>
        <source>Read-only: unlock the admin page to copy into another database.</source>
        <translation>Schreibgeschützt: Entsperren Sie die Verwaltungsseite, um in eine andere Datenbank zu kopieren.</translation>
    </message>
    <message>
        <source>%1: %2: %3</source>
        <translation>%1: %2: %3</translation>
    </message>
    <message>
        <source>The target is not a store location</source>
        <translation>Das Ziel ist kein Ort eines Datenspeichers</translation>
    </message>
    <message>
        <source>%1 of %2 rows</source>
        <translation>%1 von %2 Zeilen</translation>
    </message>
    <message>
        <source>Copying %1: %2</source>
        <translation>Kopiere %1: %2</translation>
    </message>
    <message>
        <source>Comparing %1: %2</source>
        <translation>Vergleiche %1: %2</translation>
    </message>
    <message>
        <source>Read-only: unlock the admin page before copying into another database.</source>
        <translation>Schreibgeschützt: Entsperren Sie die Verwaltungsseite, bevor Sie in eine andere Datenbank kopieren.</translation>
    </message>
    <message>
        <source>Resume copying %1 into %2?</source>
        <translation>Kopieren von %1 nach %2 fortsetzen?</translation>
    </message>
    <message>
        <source>Copy every row of %1 into %2?</source>
        <translation>Jede Zeile von %1 nach %2 kopieren?</translation>
    </message>
    <message>
        <source>The target must be migrated and empty%1. Rows are committed a batch at a time: Cancel stops after the batch in progress, and Resume goes on from there. Both the start and the end are recorded in the target&apos;s audit log.</source>
        <translation>Das Ziel muss migriert und leer sein%1. Zeilen werden stapelweise festgeschrieben: Abbrechen hält nach dem laufenden Stapel an, und Fortsetzen macht dort weiter. Beginn und Ende werden im Audit-Protokoll des Ziels festgehalten.</translation>
    </message>
    <message>
        <source>, or hold a backfill from this store that stopped</source>
        <translation> oder eine angehaltene Übertragung aus diesem Datenspeicher enthalten</translation>
    </message>
    <message>
        <source>Nothing was copied.</source>
        <translation>Es wurde nichts kopiert.</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>%1 wird geöffnet…</translation>
    </message>
    <message>
        <source>Cancelling after the batch in progress…</source>
        <translation>Abbruch nach dem laufenden Stapel…</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>Source rows</source>
        <translation>Quellzeilen</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>Behalten</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>Cancelled after copying %1 rows in %2 s; what was copied stays. Tick Resume and Backfill again to go on.</source>
        <translation>Abgebrochen nach %1 kopierten Zeilen in %2 s; das Kopierte bleibt. Setzen Sie das Häkchen bei Fortsetzen und klicken Sie erneut auf Übertragen, um weiterzumachen.</translation>
    </message>
    <message>
        <source>Copied %1 rows in %2 s into %3. Recorded in the target&apos;s audit log; Verify parity next.</source>
        <translation>%1 Zeilen in %2 s nach %3 kopiert. Im Audit-Protokoll des Ziels festgehalten; prüfen Sie als Nächstes die Parität.</translation>
    </message>
    <message>
        <source>Target rows</source>
        <translation>Zielzeilen</translation>
    </message>
    <message>
        <source>Missing in target</source>
        <translation>Fehlt im Ziel</translation>
    </message>
    <message>
        <source>Extra in target</source>
        <translation>Zusätzlich im Ziel</translation>
    </message>
    <message>
        <source>Differing</source>
        <translation>Abweichend</translation>
    </message>
    <message>
        <source>Parity</source>
        <translation>Parität</translation>
    </message>
    <message>
        <source>matches</source>
        <translation>stimmt überein</translation>
    </message>
    <message>
        <source>differs</source>
        <translation>weicht ab</translation>
    </message>
    <message>
        <source>Parity check cancelled; the tables above were compared.</source>
        <translation>Paritätsprüfung abgebrochen; die Tabellen oben wurden verglichen.</translation>
    </message>
    <message>
        <source>Both stores hold the same rows, table by table (%1 s). Open the target to read from it from now on.</source>
        <translation>Beide Datenspeicher enthalten dieselben Zeilen, Tabelle für Tabelle (%1 s). Öffnen Sie das Ziel, um ab jetzt daraus zu lesen.</translation>
    </message>
    <message>
        <source>TRANSFER_PARITY_MISMATCH: the stores differ. First differences:</source>
        <translation>TRANSFER_PARITY_MISMATCH: Die Datenspeicher weichen ab. Erste Unterschiede:</translation>
    </message>
    <message>
        <source>Resume the backfill, or look at the rows named above, then verify again.</source>
        <translation>Setzen Sie die Übertragung fort oder sehen Sie sich die oben genannten Zeilen an und prüfen Sie dann erneut.</translation>
    </message>
    <message>
        <source>the target itself</source>
        <translation>das Ziel selbst</translation>
    </message>
    <message>
        <source>Target proposal store</source>
        <translation>Vorschlagsspeicher des Ziels</translation>
    </message>
    <message>
        <source>Where the target keeps the advisory proposals, when that is a database of their own (the service&apos;s PROPOSAL_POSTGRES_DSN); migrated first as well. Empty: the target holds them.</source>
        <translation>Wo das Ziel die Beratungsvorschläge aufbewahrt, wenn dies eine eigene Datenbank ist (PROPOSAL_POSTGRES_DSN des Dienstes); ebenfalls zuerst migriert. Leer: Das Ziel enthält sie.</translation>
    </message>
    <message>
        <source>Target&apos;s &amp;proposal store (optional):</source>
        <translation>&amp;Vorschlagsspeicher des Ziels (optional):</translation>
    </message>
    <message>
        <source>E&amp;xport snapshot…</source>
        <translation>Snapshot e&amp;xportieren…</translation>
    </message>
    <message>
        <source>Re&amp;store from snapshot…</source>
        <translation>Aus Snapshot &amp;wiederherstellen…</translation>
    </message>
    <message>
        <source>Export snapshot</source>
        <translation>Snapshot exportieren</translation>
    </message>
    <message>
        <source>Write every table of this store to one compressed file (a snapshot to roll back to); only reads this store.</source>
        <translation>Schreibt jede Tabelle dieses Datenspeichers in eine komprimierte Datei (einen Snapshot, zu dem man zurückkehren kann); liest diesen Datenspeicher nur.</translation>
    </message>
    <message>
        <source>Restore from snapshot</source>
        <translation>Aus Snapshot wiederherstellen</translation>
    </message>
    <message>
        <source>DPM snapshots (*.gz);;All files (*)</source>
        <translation>DPM-Snapshots (*.gz);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>The restore stopped</source>
        <translation>Die Wiederherstellung wurde abgebrochen</translation>
    </message>
    <message>
        <source>The export stopped</source>
        <translation>Der Export wurde abgebrochen</translation>
    </message>
    <message>
        <source>Load a snapshot file into this store, which must be empty and migrated as the snapshot&apos;s source was.</source>
        <translation>Lädt eine Snapshot-Datei in diesen Datenspeicher, der leer und wie die Quelle des Snapshots migriert sein muss.</translation>
    </message>
    <message>
        <source>Read-only: unlock the admin page to restore a snapshot into this store.</source>
        <translation>Nur Lesen: Entsperren Sie die Verwaltungsseite, um einen Snapshot in diesen Datenspeicher zu laden.</translation>
    </message>
    <message>
        <source>Restoring %1: %2</source>
        <translation>Stelle %1 wieder her: %2</translation>
    </message>
    <message>
        <source>Exporting %1: %2</source>
        <translation>Exportiere %1: %2</translation>
    </message>
    <message>
        <source>Read-only: unlock the admin page before restoring a snapshot.</source>
        <translation>Nur Lesen: Entsperren Sie die Verwaltungsseite, bevor Sie einen Snapshot wiederherstellen.</translation>
    </message>
    <message>
        <source>Restore the snapshot %1 into %2?</source>
        <translation>Den Snapshot %1 in %2 wiederherstellen?</translation>
    </message>
    <message>
        <source>The store must be empty and migrated as the snapshot&apos;s source was. Everything is loaded in one transaction and checked against the file&apos;s checksum before it commits: Cancel or a damaged file leaves the store empty. Recorded in the store&apos;s audit log.</source>
        <translation>Der Datenspeicher muss leer und wie die Quelle des Snapshots migriert sein. Alles wird in einer Transaktion geladen und vor dem Festschreiben mit der Prüfsumme der Datei verglichen: Abbrechen oder eine beschädigte Datei lassen den Datenspeicher leer. Wird im Audit-Protokoll des Datenspeichers festgehalten.</translation>
    </message>
    <message>
        <source>Nothing was restored.</source>
        <translation>Es wurde nichts wiederhergestellt.</translation>
    </message>
    <message>
        <source>Restoring %1…</source>
        <translation>Stelle %1 wieder her…</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>Exportiere nach %1…</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>Restore cancelled; the store is as empty as it was.</source>
        <translation>Wiederherstellung abgebrochen; der Datenspeicher ist so leer wie zuvor.</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>Export abgebrochen; es wurde keine Datei geschrieben.</translation>
    </message>
    <message>
        <source>Restored %1 rows from %2 in %3 s; recorded in the audit log. Verify parity against the snapshot&apos;s source next.</source>
        <translation>%1 Zeilen aus %2 in %3 s wiederhergestellt; im Audit-Protokoll festgehalten. Prüfen Sie als Nächstes die Parität mit der Quelle des Snapshots.</translation>
    </message>
    <message>
        <source>Exported %1 rows to %2 (%3 MB) in %4 s; checksum %5.</source>
        <translation>%1 Zeilen nach %2 (%3 MB) in %4 s exportiert; Prüfsumme %5.</translation>
    </message>
</context>
<context>
    <name>dpm::whenFinished</name>
    <message>
        <source>The request failed unexpectedly; retry, and report it if it happens again.</source>
        <translation>Die Anfrage ist unerwartet fehlgeschlagen; versuchen Sie es erneut und melden Sie es, wenn es wieder passiert.</translation>
    </message>
</context>
</TS>
